/* Lint on arbitrary bytes. The first byte picks strict (bit 0). Properties:
 * sdpx_check returns the number of error diagnostics it delivered; every
 * diagnostic has a consistent severity and code, a terminated message and a
 * position inside the input; sdpx_check finds no error exactly when
 * sdpx_parse (same mode) succeeds. */
#include "common.h"

typedef struct {
    int errors;
    unsigned lines; /* lines in the input */
} lint_ctx;

static void on_diag(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    lint_ctx *c = ctx;
    if (memchr(e->msg, '\0', sizeof e->msg) == NULL)
        fuzz_fail("message not terminated");
    if (sev == SDPX_SEV_ERROR) {
        fuzz_assert(e->code < 0);
        c->errors++;
    } else {
        fuzz_assert(sev == SDPX_SEV_WARNING);
        fuzz_assert(e->code > 0);
    }
    if (e->line > c->lines)
        fuzz_fail("diagnostic on line %u of %u: %s", e->line, c->lines, e->msg);
    fuzz_assert(strcmp(sdpx_code_name(e->code), "SDPX_UNKNOWN_CODE") != 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned flags = (data[0] & 1u) ? SDPX_PARSE_STRICT : 0;
    char *buf = fuzz_dup(data + 1, size - 1);
    size_t len = size - 1;
    lint_ctx c = {0, 1};
    for (size_t i = 0; i < len; i++)
        if (buf[i] == '\n')
            c.lines++;

    int n = sdpx_check(buf, len, flags, on_diag, &c);
    fuzz_assert(n >= 0);
    if (n != c.errors)
        fuzz_fail("sdpx_check returned %d but reported %d errors", n, c.errors);
    int n2 = sdpx_check(buf, len, flags, NULL, NULL);
    fuzz_assert(n2 == n);

    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = flags;
    sdpx_session *s = NULL;
    sdpx_error e;
    int rc = sdpx_parse(buf, len, &opt, &s, &e);
    /* strict sdpx_check also runs the semantic pass (sdpx_validate) */
    int found = rc == 0 && (flags & SDPX_PARSE_STRICT) ? sdpx_validate(s, NULL, NULL) : 0;
    fuzz_assert(found >= 0);
    if ((rc == 0 && found == 0) != (n == 0))
        fuzz_fail("sdpx_parse says %s, sdpx_validate %d, but sdpx_check found %d errors",
                  sdpx_code_name(rc), found, n);
    sdpx_session_free(s);
    free(buf);
    return 0;
}
