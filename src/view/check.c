/* sdpx_check: the one lint every front end runs (sdpx check, Python's
 * sdpx.check). Lenient: a parse with every error and warning reported.
 * Strict: the strict grammar, then the semantic pass (sdpx_validate) on a
 * lenient parse, so cross-line problems are found even when a line breaks
 * the strict grammar. It sits in the view layer because the semantic pass
 * does. */
#include "view.h"

typedef struct {
    sdpx_diag_fn fn;
    void *ctx;
    int errors;
} check_ctx;

static void count_diag(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    check_ctx *c = ctx;
    if (sev == SDPX_SEV_ERROR)
        c->errors++;
    if (c->fn)
        c->fn(c->ctx, sev, e);
}

/* The semantic pass on a lenient parse; a text that does not parse even
 * leniently has had its errors reported already. */
static int semantic(const char *buf, size_t len, const sdpx_parse_options *lenient, check_ctx *c)
{
    sdpx_session *s = NULL;
    int rc = sdpx_parse(buf, len, lenient, &s, NULL);
    if (rc)
        return rc == SDPX_ENOMEM ? rc : 0;
    rc = sdpx_validate(s, count_diag, c);
    sdpx_session_free(s);
    return rc < 0 ? rc : 0;
}

int sdpx_check(const char *buf, size_t len, unsigned flags, sdpx_diag_fn fn, void *ctx)
{
    return sdpx_check_limits(buf, len, flags, NULL, fn, ctx);
}

int sdpx_check_limits(const char *buf, size_t len, unsigned flags, const sdpx_limits *lim,
                      sdpx_diag_fn fn, void *ctx)
{
    if (!buf && len)
        return SDPX_EINVAL;
    check_ctx c = {fn, ctx, 0};
    if (flags & ~(unsigned)SDPX_PARSE_STRICT)
        return SDPX_EINVAL;
    sdpx_parse_options opt, lenient;
    memset(&lenient, 0, sizeof lenient);
    if (lim)
        lenient.limits = *lim;
    opt = lenient;
    opt.flags = (flags & SDPX_PARSE_STRICT) | SDPX_PARSE_ALL_ERRORS;
    opt.diag = count_diag;
    opt.diag_ctx = &c;
    sdpx_session *s = NULL;
    sdpx_error e;
    int rc = sdpx_parse(buf, len, &opt, &s, &e);
    sdpx_session_free(s);
    if (rc == SDPX_ENOMEM)
        return SDPX_ENOMEM;
    if (rc && c.errors == 0) {
        /* errors reported before the diagnostics could run (empty, limits) */
        count_diag(&c, SDPX_SEV_ERROR, &e);
    }
    if (flags & SDPX_PARSE_STRICT)
        rc = semantic(buf, len, &lenient, &c);
    return rc == SDPX_ENOMEM ? SDPX_ENOMEM : c.errors;
}
