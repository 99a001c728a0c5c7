/* The text an offer or answer is written into, and its one parse. */
#include "nego.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sdpxi_text_put(sdpxi_text *t, const char *fmt, ...)
{
    if (t->oom)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(t->p ? t->p + t->len : NULL, t->p ? t->cap - t->len : 0, fmt, ap);
        va_end(ap);
        if (n < 0) {
            t->oom = 1;
            return;
        }
        if (t->p && (size_t)n < t->cap - t->len) {
            t->len += (size_t)n;
            return;
        }
        size_t cap = t->cap ? t->cap : 2048;
        while (cap - t->len <= (size_t)n)
            cap *= 2;
        char *q = realloc(t->p, cap);
        if (!q) {
            t->oom = 1;
            return;
        }
        t->p = q;
        t->cap = cap;
    }
}

void sdpxi_text_free(sdpxi_text *t)
{
    free(t->p);
    memset(t, 0, sizeof *t);
}

int sdpxi_text_finish(sdpxi_text *t, sdpx_session **out, sdpx_error *err)
{
    *out = NULL;
    if (t->oom || !t->p) {
        sdpxi_text_free(t);
        sdpxi_error(err, SDPX_ENOMEM, 0, "out of memory");
        return SDPX_ENOMEM;
    }
    sdpx_parse_options po;
    memset(&po, 0, sizeof po);
    po.flags = SDPX_PARSE_STRICT;
    int rc = sdpx_parse(t->p, t->len, &po, out, err);
    sdpxi_text_free(t);
    return rc;
}

void sdpxi_error(sdpx_error *err, int code, unsigned line, const char *fmt, ...)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->code = code;
    err->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
}
