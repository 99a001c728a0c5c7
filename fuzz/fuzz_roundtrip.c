/* Lossless writing. The first byte picks the parse mode (bit 0 strict) and
 * a buffer size for the snprintf-style call. Properties, for every input
 * that parses:
 *   parse(write(parse(x))) holds the same lines as parse(x), with both
 *   CRLF and KEEP_LF writing; write is idempotent (writing the re-parsed
 *   session gives the same bytes); sdpx_write with a short buffer returns
 *   the full length and writes a terminated prefix; sdpx_write_alloc
 *   agrees with sdpx_write. */
#include "common.h"

static sdpx_session *parse_or_die(const char *buf, size_t len, unsigned flags)
{
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = flags;
    sdpx_session *s = NULL;
    sdpx_error e;
    int rc = sdpx_parse(buf, len, &opt, &s, &e);
    if (rc)
        fuzz_fail("written text does not re-parse: %s at %u:%u: %s", sdpx_code_name(rc), e.line,
                  e.col, e.msg);
    return s;
}

static void check_writes(const sdpx_session *s, unsigned wflags, unsigned pflags, size_t cap)
{
    size_t n = 0;
    char *w1 = sdpx_write_alloc(s, wflags, &n);
    fuzz_assert(w1 != NULL);
    fuzz_assert(w1[n] == '\0');
    fuzz_assert(sdpx_write(s, wflags, NULL, 0) == n);

    /* snprintf rules with a short (or exact, or generous) buffer */
    if (cap > n + 1)
        cap = n + 1;
    char *part = malloc(cap ? cap : 1);
    fuzz_assert(part != NULL);
    fuzz_assert(sdpx_write(s, wflags, part, cap) == n);
    if (cap) {
        fuzz_assert(memcmp(part, w1, cap - 1) == 0);
        fuzz_assert(part[cap - 1] == '\0');
    }
    free(part);

    /* every line of the output ends in CRLF unless KEEP_LF asked otherwise */
    if (!(wflags & SDPX_WRITE_KEEP_LF))
        for (size_t i = 0; i < n; i++)
            if (w1[i] == '\n')
                fuzz_assert(i > 0 && w1[i - 1] == '\r');
    fuzz_assert(n > 0 && w1[n - 1] == '\n');

    sdpx_session *s2 = parse_or_die(w1, n, pflags);
    fuzz_assert_same_model(s, s2);
    size_t n2 = 0;
    char *w2 = sdpx_write_alloc(s2, wflags, &n2);
    fuzz_assert(w2 != NULL);
    if (n2 != n || memcmp(w1, w2, n) != 0)
        fuzz_fail("write is not idempotent (%zu vs %zu bytes)", n, n2);
    sdpx_free(w2);
    sdpx_session_free(s2);
    sdpx_free(w1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned mode = data[0];
    unsigned pflags = (mode & 1u) ? SDPX_PARSE_STRICT : 0;
    size_t cap = mode >> 1; /* 0..127 */
    char *buf = fuzz_dup(data + 1, size - 1);
    size_t len = size - 1;

    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = pflags;
    sdpx_session *s = NULL;
    sdpx_error e;
    if (sdpx_parse(buf, len, &opt, &s, &e) == 0) {
        /* a CRLF input comes back byte for byte */
        size_t n = 0;
        char *w = sdpx_write_alloc(s, 0, &n);
        fuzz_assert(w != NULL);
        int crlf_only = len >= 2 && buf[len - 1] == '\n' && buf[len - 2] == '\r';
        for (size_t i = 0; crlf_only && i < len; i++)
            if (buf[i] == '\n' && (i == 0 || buf[i - 1] != '\r'))
                crlf_only = 0;
        if (crlf_only && (n != len || memcmp(w, buf, len) != 0))
            fuzz_fail("CRLF input not written back byte for byte");
        /* with KEEP_LF an input whose lines all end in LF comes back as is */
        sdpx_free(w);
        check_writes(s, 0, pflags, cap);
        check_writes(s, SDPX_WRITE_KEEP_LF, pflags, cap);
        sdpx_session_free(s);
    }
    free(buf);
    return 0;
}
