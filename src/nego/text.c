/* The text an offer or answer is written into, and its one parse. */
#include "nego.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Room for n more bytes; 0, or -1 with t->oom set. */
static int reserve(sdpxi_text *t, size_t n)
{
    if (t->oom)
        return -1;
    if (t->cap - t->len >= n)
        return 0;
    size_t cap = t->cap ? t->cap : 4096; /* most answers fit */
    while (cap - t->len < n)
        cap *= 2;
    char *q = realloc(t->p, cap);
    if (!q) {
        t->oom = 1;
        return -1;
    }
    t->p = q;
    t->cap = cap;
    return 0;
}

void sdpxi_text_bytes(sdpxi_text *t, const char *p, size_t n)
{
    if (n && !reserve(t, n)) {
        memcpy(t->p + t->len, p, n);
        t->len += n;
    }
}

static void put_num(sdpxi_text *t, unsigned long long v, unsigned base, int width)
{
    char d[24];
    size_t n = 0;
    do {
        d[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    while ((int)n < width)
        d[n++] = '0';
    if (!reserve(t, n))
        while (n)
            t->p[t->len++] = d[--n];
}

void sdpxi_text_prepend(sdpxi_text *t, const sdpxi_text *head)
{
    if (head->oom)
        t->oom = 1;
    if (!head->len || reserve(t, head->len))
        return;
    memmove(t->p + head->len, t->p, t->len);
    memcpy(t->p, head->p, head->len);
    t->len += head->len;
}

void sdpxi_text_uint(sdpxi_text *t, unsigned long long v)
{
    char d[20];
    size_t i = sizeof d;
    do { /* decimal digits from the right, by a constant divisor */
        d[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    sdpxi_text_add(t, d + i, sizeof d - i);
}

/* The formatter: the few conversions the writers use (%s %.*s %u %lu %llu
 * %zu %02x %%), without stdio: writing an answer is mostly this. */
void sdpxi_text_put(sdpxi_text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    while (*fmt && !t->oom) {
        const char *pct = strchr(fmt, '%');
        if (!pct) {
            sdpxi_text_bytes(t, fmt, strlen(fmt));
            break;
        }
        sdpxi_text_bytes(t, fmt, (size_t)(pct - fmt));
        fmt = pct + 1;
        if (fmt[0] == 's') {
            const char *str = va_arg(ap, const char *);
            sdpxi_text_bytes(t, str, strlen(str));
            fmt++;
        } else if (fmt[0] == '.' && fmt[1] == '*' && fmt[2] == 's') {
            int n = va_arg(ap, int);
            const char *str = va_arg(ap, const char *);
            sdpxi_text_bytes(t, str, n > 0 ? (size_t)n : 0);
            fmt += 3;
        } else if (fmt[0] == 'u') {
            put_num(t, va_arg(ap, unsigned), 10, 0);
            fmt++;
        } else if (fmt[0] == 'l' && fmt[1] == 'u') {
            put_num(t, va_arg(ap, unsigned long), 10, 0);
            fmt += 2;
        } else if (fmt[0] == 'l' && fmt[1] == 'l' && fmt[2] == 'u') {
            put_num(t, va_arg(ap, unsigned long long), 10, 0);
            fmt += 3;
        } else if (fmt[0] == 'z' && fmt[1] == 'u') {
            put_num(t, va_arg(ap, size_t), 10, 0);
            fmt += 2;
        } else if (fmt[0] == '0' && fmt[1] == '2' && fmt[2] == 'x') {
            put_num(t, va_arg(ap, unsigned), 16, 2);
            fmt += 3;
        } else {
            sdpxi_text_bytes(t, "%", 1); /* "%%", or a conversion it does not know, as text */
            if (fmt[0] == '%')
                fmt++;
        }
    }
    va_end(ap);
}

void sdpxi_text_free(sdpxi_text *t)
{
    free(t->p);
    memset(t, 0, sizeof *t);
}

/* The writers only write what the strict grammar allows (tests/test_answer.c
 * and fuzz/fuzz_answer.c parse every answer strict); the one parse here is
 * lenient, which keeps answering within three parses of the offer. */
int sdpxi_text_finish(sdpxi_text *t, sdpx_session **out, sdpx_error *err)
{
    *out = NULL;
    if (t->oom || !t->p) {
        sdpxi_text_free(t);
        sdpxi_error(err, SDPX_ENOMEM, 0, "out of memory");
        return SDPX_ENOMEM;
    }
    int rc = sdpx_parse(t->p, t->len, NULL, out, err);
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
