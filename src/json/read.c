/* A small strict JSON reader (RFC 8259): UTF-8 only, no comments, no
 * trailing commas, one value per text. It reads twice: the first pass
 * checks the grammar and the limits and counts the values, the second
 * builds the tree in one allocation (nodes, then the decoded strings). Every
 * error names the byte offset. Recursion depth is the nesting depth, which
 * max_depth bounds. */
#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct rd {
    const unsigned char *s, *p, *e;
    size_t depth, max_depth, values, max_values;
    sdpxi_jv *nodes; /* build pass: the nodes, and where the next goes */
    size_t next;
    char *str;       /* build pass: decoded string bytes */
    size_t strlen_;
    int code;
    size_t err_off;
    char msg[100];
} rd;

static int fail(rd *r, int code, const unsigned char *at, const char *what)
{
    if (!r->code) {
        r->code = code;
        r->err_off = (size_t)(at - r->s);
        snprintf(r->msg, sizeof r->msg, "%s", what);
    }
    return -1;
}

static void ws(rd *r)
{
    while (r->p < r->e && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
        r->p++;
}

static int hex4(const unsigned char *p, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = p[i], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            d = (c | 0x20) - 'a' + 10;
        else
            return -1;
        v = v * 16 + d;
    }
    *out = v;
    return 0;
}

/* Length of a well-formed UTF-8 sequence at p (RFC 3629), or 0. */
static size_t utf8_len(const unsigned char *p, const unsigned char *e)
{
    unsigned c = p[0];
    size_t n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3
                          : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (!n || (size_t)(e - p) < n)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((p[i] & 0xc0) != 0x80)
            return 0;
    if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] > 0x9f) || (c == 0xf0 && p[1] < 0x90) ||
        (c == 0xf4 && p[1] > 0x8f))
        return 0; /* overlong, surrogate, or past U+10FFFF */
    return n;
}

static void put_utf8(rd *r, unsigned cp)
{
    char *o = r->str + r->strlen_;
    size_t n;
    if (cp < 0x80) {
        o[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        o[0] = (char)(0xc0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3f));
        n = 2;
    } else if (cp < 0x10000) {
        o[0] = (char)(0xe0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        o[2] = (char)(0x80 | (cp & 0x3f));
        n = 3;
    } else {
        o[0] = (char)(0xf0 | (cp >> 18));
        o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        o[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
        o[3] = (char)(0x80 | (cp & 0x3f));
        n = 4;
    }
    r->strlen_ += n;
}

/* A string at r->p (on its '"'). In the build pass its decoded bytes go to
 * r->str, and *out and *outn point at them. */
static int string(rd *r, const char **out, size_t *outn)
{
    const unsigned char *start = r->p++;
    size_t at = r->strlen_;
    for (;;) {
        if (r->p >= r->e)
            return fail(r, SDPX_EJSON, start, "unterminated string");
        const unsigned char *run = r->p;
        while (r->p < r->e && *r->p >= 0x20 && *r->p < 0x80 && *r->p != '"' && *r->p != '\\')
            r->p++;
        if (r->str && r->p > run) {
            memcpy(r->str + r->strlen_, run, (size_t)(r->p - run));
            r->strlen_ += (size_t)(r->p - run);
        }
        if (r->p >= r->e)
            return fail(r, SDPX_EJSON, start, "unterminated string");
        unsigned c = *r->p;
        if (c == '"') {
            r->p++;
            break;
        }
        if (c < 0x20)
            return fail(r, SDPX_EJSON, r->p, "control character in a string");
        if (c >= 0x80) {
            size_t k = utf8_len(r->p, r->e);
            if (!k)
                return fail(r, SDPX_EJSON, r->p, "invalid UTF-8 in a string");
            if (r->str) {
                memcpy(r->str + r->strlen_, r->p, k);
                r->strlen_ += k;
            }
            r->p += k;
            continue;
        }
        /* an escape */
        if (r->e - r->p < 2)
            return fail(r, SDPX_EJSON, r->p, "unterminated string");
        unsigned x = r->p[1], cp;
        const char *simple = strchr("\"\\/bfnrt", (int)x);
        if (x && simple) {
            static const char dec[] = "\"\\/\b\f\n\r\t";
            if (r->str)
                r->str[r->strlen_++] = dec[simple - "\"\\/bfnrt"];
            r->p += 2;
            continue;
        }
        if (x != 'u' || r->e - r->p < 6 || hex4(r->p + 2, &cp))
            return fail(r, SDPX_EJSON, r->p, "bad escape in a string");
        const unsigned char *esc = r->p;
        r->p += 6;
        if (cp >= 0xdc00 && cp <= 0xdfff)
            return fail(r, SDPX_EJSON, esc, "lone surrogate in a string");
        if (cp >= 0xd800 && cp <= 0xdbff) {
            unsigned lo;
            if (r->e - r->p < 6 || r->p[0] != '\\' || r->p[1] != 'u' || hex4(r->p + 2, &lo) ||
                lo < 0xdc00 || lo > 0xdfff)
                return fail(r, SDPX_EJSON, esc, "lone surrogate in a string");
            r->p += 6;
            cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        }
        if (r->str)
            put_utf8(r, cp);
    }
    if (r->str) {
        *out = r->str + at;
        *outn = r->strlen_ - at;
    }
    return 0;
}

static int number(rd *r)
{
    const unsigned char *a = r->p;
    if (r->p < r->e && *r->p == '-')
        r->p++;
    if (r->p >= r->e || *r->p < '0' || *r->p > '9')
        return fail(r, SDPX_EJSON, a, "bad number");
    if (*r->p == '0')
        r->p++;
    else
        while (r->p < r->e && *r->p >= '0' && *r->p <= '9')
            r->p++;
    if (r->p < r->e && *r->p == '.') {
        r->p++;
        if (r->p >= r->e || *r->p < '0' || *r->p > '9')
            return fail(r, SDPX_EJSON, a, "bad number");
        while (r->p < r->e && *r->p >= '0' && *r->p <= '9')
            r->p++;
    }
    if (r->p < r->e && (*r->p | 0x20) == 'e') {
        r->p++;
        if (r->p < r->e && (*r->p == '+' || *r->p == '-'))
            r->p++;
        if (r->p >= r->e || *r->p < '0' || *r->p > '9')
            return fail(r, SDPX_EJSON, a, "bad number");
        while (r->p < r->e && *r->p >= '0' && *r->p <= '9')
            r->p++;
    }
    return 0;
}

static int lit(rd *r, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(r->e - r->p) < n || memcmp(r->p, w, n))
        return fail(r, SDPX_EJSON, r->p, "unexpected character");
    r->p += n;
    return 0;
}

static int value(rd *r, sdpxi_jv **out);

/* Members of an object or elements of an array, after the opening bracket. */
static int items(rd *r, sdpxi_jv *parent, int object)
{
    const unsigned char close = object ? '}' : ']';
    sdpxi_jv **link = parent ? &parent->kid : NULL;
    ws(r);
    if (r->p < r->e && *r->p == close) {
        r->p++;
        return 0;
    }
    for (;;) {
        const char *key = NULL;
        size_t keylen = 0;
        if (object) {
            ws(r);
            if (r->p >= r->e || *r->p != '"')
                return fail(r, SDPX_EJSON, r->p, "expected a key");
            if (string(r, &key, &keylen))
                return -1;
            ws(r);
            if (r->p >= r->e || *r->p != ':')
                return fail(r, SDPX_EJSON, r->p, "expected ':'");
            r->p++;
        }
        sdpxi_jv *v = NULL;
        if (value(r, &v))
            return -1;
        if (v) {
            v->key = key;
            v->keylen = keylen;
            *link = v;
            link = &v->next;
        }
        ws(r);
        if (r->p < r->e && *r->p == ',') {
            r->p++;
            continue;
        }
        if (r->p < r->e && *r->p == close) {
            r->p++;
            return 0;
        }
        return fail(r, SDPX_EJSON, r->p, object ? "expected ',' or '}'" : "expected ',' or ']'");
    }
}

static int value(rd *r, sdpxi_jv **out)
{
    ws(r);
    if (r->p >= r->e)
        return fail(r, SDPX_EJSON, r->p, "unexpected end of input");
    if (++r->values > r->max_values)
        return fail(r, SDPX_ELIMIT, r->p, "too many values");
    sdpxi_jv *v = NULL;
    if (r->nodes) {
        v = &r->nodes[r->next++];
        memset(v, 0, sizeof *v);
        v->off = (size_t)(r->p - r->s);
        *out = v;
    }
    const unsigned char *a = r->p;
    switch (*r->p) {
    case '{':
    case '[': {
        int object = *r->p == '{';
        if (++r->depth > r->max_depth)
            return fail(r, SDPX_ELIMIT, r->p, "nested too deeply");
        r->p++;
        if (v)
            v->type = object ? SDPXI_JV_OBJ : SDPXI_JV_ARR;
        if (items(r, v, object))
            return -1;
        r->depth--;
        return 0;
    }
    case '"': {
        const char *s = NULL;
        size_t n = 0;
        if (string(r, &s, &n))
            return -1;
        if (v) {
            v->type = SDPXI_JV_STR;
            v->s = s;
            v->n = n;
        }
        return 0;
    }
    case 't':
        if (v)
            v->type = SDPXI_JV_TRUE;
        return lit(r, "true");
    case 'f':
        if (v)
            v->type = SDPXI_JV_FALSE;
        return lit(r, "false");
    case 'n':
        if (v)
            v->type = SDPXI_JV_NULL;
        return lit(r, "null");
    default:
        if (number(r))
            return -1;
        if (v) {
            v->type = SDPXI_JV_NUM;
            v->s = (const char *)a;
            v->n = (size_t)(r->p - a);
        }
        return 0;
    }
}

static int pass(rd *r, sdpxi_jv **root)
{
    r->p = r->s;
    r->depth = r->values = 0;
    if (value(r, root))
        return -1;
    ws(r);
    if (r->p != r->e)
        return fail(r, SDPX_EJSON, r->p, "text after the value");
    return 0;
}

int sdpxi_json_read(const char *buf, size_t len, size_t max_depth, size_t max_values,
                    const sdpxi_jv **root, void **mem, sdpx_error *err)
{
    rd r;
    memset(&r, 0, sizeof r);
    r.s = (const unsigned char *)buf;
    r.e = r.s + len;
    r.max_depth = max_depth;
    r.max_values = max_values;
    *mem = NULL;
    sdpxi_jv *top = NULL;
    if (pass(&r, &top) == 0) {
        size_t nodes = r.values;
        char *block = malloc(nodes * sizeof(sdpxi_jv) + len + 1);
        if (!block) {
            r.code = SDPX_ENOMEM;
            snprintf(r.msg, sizeof r.msg, "out of memory");
        } else {
            r.nodes = (sdpxi_jv *)(void *)block;
            r.str = block + nodes * sizeof(sdpxi_jv);
            if (pass(&r, &top) == 0) {
                *root = top;
                *mem = block;
                return 0;
            }
            free(block);
        }
    }
    if (err) {
        unsigned line = 1, col = 1;
        for (size_t i = 0; i < r.err_off && i < len; i++) {
            if (buf[i] == '\n') {
                line++;
                col = 1;
            } else
                col++;
        }
        err->code = r.code;
        err->line = r.code == SDPX_ENOMEM ? 0 : line;
        err->col = r.code == SDPX_ENOMEM ? 0 : col;
        err->need = 0;
        snprintf(err->msg, sizeof err->msg, "JSON at byte %zu: %s", r.err_off, r.msg);
    }
    return r.code;
}

const sdpxi_jv *sdpxi_jv_get(const sdpxi_jv *o, const char *key)
{
    if (!o || o->type != SDPXI_JV_OBJ)
        return NULL;
    size_t n = strlen(key);
    const sdpxi_jv *found = NULL;
    for (const sdpxi_jv *m = o->kid; m; m = m->next)
        if (m->keylen == n && !memcmp(m->key, key, n))
            found = m; /* the last one, as JSON.parse keeps it */
    return found;
}

int sdpxi_jv_truthy(const sdpxi_jv *v)
{
    if (!v)
        return 0;
    switch (v->type) {
    case SDPXI_JV_STR:
        return v->n > 0;
    case SDPXI_JV_NUM: {
        for (size_t i = 0; i < v->n; i++) {
            char c = v->s[i];
            if (c == 'e' || c == 'E')
                break;
            if (c >= '1' && c <= '9')
                return 1; /* a non-zero digit in the mantissa */
            if (c == 'N')
                return 0; /* NaN */
            if (c == 'I')
                return 1; /* Infinity */
        }
        return 0;
    }
    case SDPXI_JV_TRUE:
    case SDPXI_JV_ARR:
    case SDPXI_JV_OBJ:
        return 1;
    default:
        return 0;
    }
}
