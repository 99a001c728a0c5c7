/* Parse arbitrary bytes in every mode. The first byte picks the mode:
 *   bit 0 strict, bit 1 all errors, bit 2 diagnostics callback,
 *   bit 3 scratch memory without heap, bit 4 small limits.
 * Properties: no crash, overread or leak; success and failure are clean
 * (a session only on success, a terminated message on failure); every line
 * and field of the model reads back inside the session. */
#include "common.h"

typedef struct {
    unsigned warnings;
    unsigned errors;
} diag_count;

static void on_diag(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    diag_count *d = ctx;
    if (memchr(e->msg, '\0', sizeof e->msg) == NULL)
        fuzz_fail("diagnostic message not terminated");
    if (sev == SDPX_SEV_ERROR) {
        if (e->code >= 0)
            fuzz_fail("error diagnostic with code %d", e->code);
        d->errors++;
    } else {
        if (e->code <= 0)
            fuzz_fail("warning diagnostic with code %d", e->code);
        d->warnings++;
    }
    (void)sdpx_strerror(e->code);
    (void)sdpx_code_name(e->code);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned mode = data[0];
    char *buf = fuzz_dup(data + 1, size - 1);
    size_t len = size - 1;

    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    diag_count dc = {0, 0};
    if (mode & 1u)
        opt.flags |= SDPX_PARSE_STRICT;
    if (mode & 2u)
        opt.flags |= SDPX_PARSE_ALL_ERRORS;
    if (mode & 4u) {
        opt.diag = on_diag;
        opt.diag_ctx = &dc;
    }
    static char scratch[8192];
    if (mode & 8u) {
        opt.flags |= SDPX_PARSE_NO_HEAP;
        opt.scratch = scratch;
        opt.scratch_size = sizeof scratch;
    }
    if (mode & 16u) {
        opt.limits.max_lines = 20;
        opt.limits.max_line_len = 64;
        opt.limits.max_attributes = 8;
        opt.limits.max_media = 3;
        opt.limits.max_input = 1024;
    }

    sdpx_session *s = (sdpx_session *)&dc; /* must be overwritten */
    sdpx_error e;
    int rc = sdpx_parse(buf, len, &opt, &s, &e);
    if (rc == 0) {
        fuzz_assert(s != NULL);
        fuzz_assert(e.code == 0);
        /* the session owns its copy: scribble over the input first */
        memset(buf, 'X', len);
        (void)fuzz_walk(s);
        size_t n = sdpx_write(s, 0, NULL, 0);
        fuzz_assert(n >= len);
        sdpx_session_free(s);
    } else {
        fuzz_assert(rc < 0);
        fuzz_assert(s == NULL);
        fuzz_assert(e.code == rc);
        fuzz_assert(memchr(e.msg, '\0', sizeof e.msg) != NULL);
        if (rc == SDPX_ESCRATCH)
            fuzz_assert((mode & 8u) && e.need > sizeof scratch - 8);
        else if (e.line > 0 && rc != SDPX_ELIMIT)
            fuzz_assert(e.col > 0);
        if (rc == SDPX_ELIMIT)
            fuzz_assert(strstr(e.msg, "max_") != NULL);
        /* with ALL_ERRORS every error also reaches the callback */
        if (opt.diag && (opt.flags & SDPX_PARSE_ALL_ERRORS))
            fuzz_assert(dc.errors > 0);
    }
    free(buf);
    return 0;
}
