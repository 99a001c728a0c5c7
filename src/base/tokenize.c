/* The tokenizer: lines and fields as views. It never allocates, never
 * writes and never reads past the length it was given. */
#include "base.h"

void sdpx_tokenizer_init(sdpx_tokenizer *t, const char *buf, size_t len)
{
    if (!t)
        return;
    if (!buf)
        len = 0;
    t->buf = buf;
    t->len = len;
    t->pos = 0;
    t->line = 0;
}

static int is_blank(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\t')
            return 0;
    return 1;
}

int sdpx_tokenizer_next(sdpx_tokenizer *t, sdpx_token *tok, sdpx_error *err)
{
    if (!t || !tok)
        return 0;
    if (t->pos >= t->len)
        return 0;
    const char *start = t->buf + t->pos;
    size_t rest = t->len - t->pos;
    size_t n = sdpxi_line_end(t->buf, t->len, t->pos);
    sdpx_eol eol = SDPX_EOL_NONE;
    unsigned line = ++t->line;

    if (n == rest) {
        t->pos += n; /* a clean last line without an ending */
    } else if (start[n] == '\n') {
        eol = SDPX_EOL_LF;
        t->pos += n + 1;
    } else if (start[n] == '\r' && n + 1 < rest && start[n + 1] == '\n') {
        eol = SDPX_EOL_CRLF;
        t->pos += n + 2;
    } else {
        /* A NUL or a CR inside the line: find its end and report. */
        const char *nl = memchr(start, '\n', rest);
        n = nl ? (size_t)(nl - start) : rest;
        t->pos += nl ? n + 1 : n;
        if (nl) {
            eol = SDPX_EOL_LF;
            if (n > 0 && start[n - 1] == '\r') {
                eol = SDPX_EOL_CRLF;
                n--;
            }
        }
        /* RFC 8866 5: no NUL and no bare CR inside a line. */
        const char *bad = memchr(start, '\0', n);
        if (bad) {
            sdpxi_error_set(err, SDPX_ENUL, line, sdpxi_col((size_t)(bad - start)), "NUL byte in line");
            return SDPX_ENUL;
        }
        bad = memchr(start, '\r', n);
        if (bad) {
            sdpxi_error_set(err, SDPX_ECR, line, sdpxi_col((size_t)(bad - start)),
                            "CR not followed by LF");
            return SDPX_ECR;
        }
    }
    tok->text = sdpxi_str(start, n);
    tok->line = line;
    tok->eol = eol;
    if (is_blank(start, n)) {
        tok->type = 0;
        tok->value = sdpxi_str(start + n, 0);
        return 1;
    }
    unsigned char c = (unsigned char)start[0];
    if (c < 'a' || c > 'z') {
        char q[48];
        sdpxi_quote(q, sizeof q, sdpxi_str(start, n), 16);
        sdpxi_error_set(err, SDPX_ESYNTAX, line, 1,
                        "line \"%s\" does not start with a lowercase type letter", q);
        return SDPX_ESYNTAX;
    }
    if (n < 2 || start[1] != '=') {
        char q[48];
        sdpxi_quote(q, sizeof q, sdpxi_str(start, n), 16);
        sdpxi_error_set(err, SDPX_ESYNTAX, line, 2,
                        n >= 2 && (start[1] == ' ' || start[1] == '\t')
                            ? "space before '=' in line \"%s\""
                            : "missing '=' after type letter in line \"%s\"",
                        q);
        return SDPX_ESYNTAX;
    }
    tok->type = (char)c;
    tok->value = sdpxi_str(start + 2, n - 2);
    return 1;
}

int sdpx_field_next(sdpx_str *rest, sdpx_str *field)
{
    if (!rest || !field)
        return 0;
    return sdpxi_field(rest, field);
}

void sdpx_attr_split(sdpx_str value, sdpx_str *name, sdpx_str *val, int *has_value)
{
    if (!name || !val || !has_value)
        return;
    const char *colon = value.len ? memchr(value.ptr, ':', value.len) : NULL;
    if (colon) {
        size_t nl = (size_t)(colon - value.ptr);
        *name = sdpxi_str(value.ptr, nl);
        *val = sdpxi_str(colon + 1, value.len - nl - 1);
        *has_value = 1;
    } else {
        *name = value;
        *val = sdpxi_str(value.len ? value.ptr + value.len : value.ptr, 0); /* no NULL + 0 */
        *has_value = 0;
    }
}
