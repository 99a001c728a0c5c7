/* JSON in sdp-transform's shape, both ways. The first byte picks the mode:
 *   bit 0: the rest is SDP (parse, write_json, parse_json), else JSON
 *   bit 1: SDPX_JSON_LOSSLESS   bit 2: pretty output   bit 3: small limits
 * Properties: no crash, overread or leak; errors are clean (no session, a
 * code, a terminated message); JSON sdpx writes always reads back as JSON
 * that fits the shape, snprintf rules hold, and (lossless) JSON -> SDP ->
 * JSON -> SDP gives the same SDP twice. */
#include "common.h"

/* parse_json, then the SDP text of the session (NULL on refusal). */
static char *sdp_of(const char *j, size_t n, const sdpx_json_options *o, int *rc)
{
    sdpx_session *s = (sdpx_session *)&rc; /* must be overwritten */
    sdpx_error e;
    *rc = sdpx_parse_json(j, n, o, &s, &e);
    if (*rc) {
        fuzz_assert(*rc < 0 && s == NULL && e.code == *rc);
        fuzz_assert(memchr(e.msg, '\0', sizeof e.msg) != NULL);
        return NULL;
    }
    fuzz_assert(s != NULL);
    char *t = sdpx_write_alloc(s, 0, NULL);
    fuzz_assert(t != NULL);
    sdpx_session_free(s);
    return t;
}

/* JSON of the session of SDP text t. */
static char *json_of_sdp(const char *t, size_t n, unsigned flags)
{
    sdpx_session *s;
    if (sdpx_parse(t, n, NULL, &s, NULL))
        return NULL;
    size_t len;
    char *j = sdpx_write_json_alloc(s, flags, &len);
    fuzz_assert(j != NULL && strlen(j) == len);
    fuzz_assert(sdpx_write_json(s, flags, NULL, 0) == len);
    char small[17];
    fuzz_assert(sdpx_write_json(s, flags, small, sizeof small) == len);
    fuzz_assert(strlen(small) == (len < 16 ? len : 16) && !memcmp(small, j, strlen(small)));
    sdpx_session_free(s);
    return j;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned mode = data[0];
    char *buf = fuzz_dup(data + 1, size - 1);
    size_t len = size - 1;
    unsigned wflags = (mode & 2u ? SDPX_JSON_LOSSLESS : 0) | (mode & 4u ? SDPX_JSON_PRETTY : 0);
    sdpx_json_options o;
    memset(&o, 0, sizeof o);
    o.flags = wflags & SDPX_JSON_LOSSLESS;
    if (mode & 8u) {
        o.max_depth = 4;
        o.max_values = 40;
    }
    char *json = NULL;
    if (mode & 1u) {
        json = json_of_sdp(buf, len, wflags);
        o.max_depth = o.max_values = 0;
    } else {
        json = fuzz_dup((const uint8_t *)buf, len);
        json = realloc(json, len + 1);
        fuzz_assert(json != NULL);
        json[len] = '\0';
    }
    if (json) {
        int rc;
        size_t jlen = (mode & 1u) ? strlen(json) : len;
        char *t1 = sdp_of(json, jlen, &o, &rc);
        if (mode & 1u) /* our own JSON is well-formed and fits the shape */
            fuzz_assert(rc != SDPX_EJSON && rc != SDPX_EJSON_SHAPE && rc != SDPX_ELIMIT);
        if (t1) {
            char *j2 = json_of_sdp(t1, strlen(t1), wflags);
            fuzz_assert(j2 != NULL); /* sdpx parsed t1 once already */
            char *t2 = sdp_of(j2, strlen(j2), &o, &rc);
            fuzz_assert(rc != SDPX_EJSON && rc != SDPX_EJSON_SHAPE);
            if ((wflags & SDPX_JSON_LOSSLESS) && t2) {
                char *j3 = json_of_sdp(t2, strlen(t2), wflags);
                int rc3;
                char *t3 = sdp_of(j3, strlen(j3), &o, &rc3);
                if (!t3 || strcmp(t2, t3))
                    fuzz_fail("lossless round trip not stable:\n%s\n---\n%s", t2, t3 ? t3 : "");
                free(t3);
                free(j3);
            }
            free(t2);
            free(j2);
            free(t1);
        }
        free(json);
    }
    free(buf);
    return 0;
}
