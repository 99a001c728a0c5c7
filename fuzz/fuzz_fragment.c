/* Trickle ICE fragments (RFC 8840, application/trickle-ice-sdpfrag), which
 * a server receives from peers mid-call. The first byte picks strict (bit 0)
 * and the session to apply to (bits 1-2); the rest is the fragment.
 * Properties: no crash, overread or leak; a parsed fragment writes back and
 * re-parses to the same lines; applying it to a session either succeeds, or
 * fails and leaves the session exactly as it was; after a successful apply
 * the session still parses. The fragment's candidates, written again with
 * sdpx_fragment_write, parse as a fragment. */
#include "common.h"

static const char *const sessions[] = {
    "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=ice-ufrag:8hhY\r\n"
    "a=ice-pwd:asd88fgpdd777uzjYhagZg\r\na=group:BUNDLE 0 1\r\n"
    "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\n"
    "a=candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host\r\n"
    "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\n",
    "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
    "m=audio 9 RTP/AVP 0\r\na=ice-ufrag:abcd\r\na=ice-pwd:0123456789abcdefghijkl\r\n",
    "v=0\r\ns=-\r\n",
    "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=ice-ufrag:8hhY\r\n"
    "a=ice-pwd:asd88fgpdd777uzjYhagZg\r\nm=audio 9 RTP/AVP 0\r\nm=audio 9 RTP/AVP 0\r\n"
    "a=mid:x\r\na=end-of-candidates\r\n",
};

static char *write_all(const sdpx_session *s, size_t *n)
{
    char *w = sdpx_write_alloc(s, 0, n);
    fuzz_assert(w != NULL);
    return w;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned mode = data[0];
    char *buf = fuzz_dup(data + 1, size - 1);
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = (mode & 1u) ? SDPX_PARSE_STRICT : 0;
    sdpx_session *frag = NULL;
    sdpx_error e;
    if (sdpx_fragment_parse(buf, size - 1, &opt, &frag, &e) != 0) {
        fuzz_assert(frag == NULL);
        free(buf);
        return 0;
    }
    (void)fuzz_walk(frag);

    /* write -> parse gives the same fragment */
    size_t fn = 0;
    char *fw = write_all(frag, &fn);
    sdpx_session *frag2 = NULL;
    if (sdpx_fragment_parse(fw, fn, &opt, &frag2, &e) != 0)
        fuzz_fail("written fragment does not re-parse: %s", e.msg);
    fuzz_assert_same_model(frag, frag2);
    sdpx_session_free(frag2);
    sdpx_free(fw);

    /* apply to a session: all or nothing */
    const char *base = sessions[(mode >> 1) & 3u];
    sdpx_session *s = NULL;
    if (sdpx_parse(base, strlen(base), NULL, &s, &e) != 0)
        fuzz_fail("built-in session does not parse: %s", e.msg);
    size_t n0 = 0, n1 = 0;
    char *before = write_all(s, &n0);
    sdpx_apply_result res;
    memset(&res, 0, sizeof res);
    int rc = sdpx_session_apply_fragment(s, frag, &res);
    char *after = write_all(s, &n1);
    if (rc < 0 || res.ice_restart) {
        if (n0 != n1 || memcmp(before, after, n0) != 0)
            fuzz_fail("apply failed (%s) or restarted but changed the session", sdpx_code_name(rc));
    } else {
        sdpx_session *again = NULL;
        if (sdpx_parse(after, n1, NULL, &again, &e) != 0)
            fuzz_fail("session after apply does not re-parse: %s", e.msg);
        fuzz_assert_same_model(s, again);
        sdpx_session_free(again);
    }
    sdpx_free(before);
    sdpx_free(after);
    sdpx_session_free(s);

    /* the candidates of the first section, written as a new fragment */
    if (sdpx_session_media_count(frag) > 0) {
        const sdpx_media *m = sdpx_session_media(frag, 0);
        sdpx_candidate cands[8];
        size_t nc = 0;
        for (const sdpx_line *l = NULL;
             nc < 8 && (l = sdpx_media_find_attr(m, SDPX_ATTR_CANDIDATE, l));) {
            sdpx_str v = sdpx_attr_value(l);
            if (sdpx_candidate_parse(v.ptr, v.len, &cands[nc]) == 0)
                nc++;
        }
        sdpx_fragment_section sec;
        memset(&sec, 0, sizeof sec);
        sec.candidates = cands;
        sec.ncandidates = nc;
        sec.end_of_candidates = (int)(mode >> 3 & 1u);
        sdpx_str mid = {"0", 1}, uf = {"ufrag", 5}, pw = {"0123456789abcdefghijkl", 22};
        sec.mid = mid;
        int len = sdpx_fragment_write(uf, pw, &sec, 1, NULL, 0);
        if (len >= 0) {
            char *out = malloc((size_t)len + 1);
            fuzz_assert(out != NULL);
            fuzz_assert(sdpx_fragment_write(uf, pw, &sec, 1, out, (size_t)len + 1) == len);
            sdpx_session *f3 = NULL;
            if (sdpx_fragment_parse(out, (size_t)len, NULL, &f3, &e) != 0)
                fuzz_fail("sdpx_fragment_write output does not parse: %s\n%s", e.msg, out);
            fuzz_assert(sdpx_session_media_count(f3) == 1);
            sdpx_session_free(f3);
            free(out);
        }
    }
    sdpx_session_free(frag);
    free(buf);
    return 0;
}
