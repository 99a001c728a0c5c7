/* A session as JSON in sdp-transform's shape: the object its parse() builds,
 * key for key. Each level (the session lines, then each media section) is
 * read twice: once to give every line its grammar rule (kept in a byte per
 * line) and once per key, in the order the keys first appear, as the
 * JavaScript object's insertion order has them. Also the formatter that
 * turns fields back into a line (makeLine/format of lib/writer.js), which
 * parse_json uses and SDPX_JSON_LOSSLESS uses to check a line survives. */
#include "json.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

/* ---- output ------------------------------------------------------------ */

void sdpxi_out_put_slow(sdpxi_out *o, const char *p, size_t n)
{
    if (o->cmp) {
        if (o->len + n > o->cmplen || memcmp(o->cmp + o->len, p, n))
            o->differs = 1;
    } else if (o->grow) {
        if (!o->failed && o->len + n + 1 > o->cap) {
            size_t cap = o->cap ? o->cap : 256;
            while (cap < o->len + n + 1)
                cap *= 2;
            char *b = realloc(o->buf, cap);
            if (!b)
                o->failed = 1;
            else {
                o->buf = b;
                o->cap = cap;
            }
        }
        if (!o->failed)
            memcpy(o->buf + o->len, p, n);
    } else if (o->cap && o->len < o->cap - 1) {
        size_t room = o->cap - 1 - o->len;
        memcpy(o->buf + o->len, p, n < room ? n : room);
    }
    o->len += n;
}

void sdpxi_out_s(sdpxi_out *o, const char *cstr) { sdpxi_out_put(o, cstr, strlen(cstr)); }

/* Terminate a fixed buffer snprintf style. */
static void out_finish(sdpxi_out *o)
{
    if (o->cap)
        o->buf[o->len < o->cap ? o->len : o->cap - 1] = '\0';
}

/* Length of the maximal subpart of an ill-formed sequence at p (the bytes a
 * WHATWG decoder replaces by one U+FFFD), given that p[0] starts no
 * well-formed sequence. */
static size_t bad_utf8(const unsigned char *p, const unsigned char *e)
{
    unsigned c = p[0];
    size_t need = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3
                  : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (!need)
        return 1;
    size_t i = 1;
    for (; i < need && p + i < e; i++) {
        unsigned lo = 0x80, hi = 0xbf;
        if (i == 1) {
            if (c == 0xe0) lo = 0xa0;
            if (c == 0xed) hi = 0x9f;
            if (c == 0xf0) lo = 0x90;
            if (c == 0xf4) hi = 0x8f;
        }
        if (p[i] < lo || p[i] > hi)
            break;
    }
    return i;
}

static size_t good_utf8(const unsigned char *p, const unsigned char *e)
{
    size_t k = bad_utf8(p, e);
    unsigned c = p[0];
    size_t need = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3
                  : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    return need && k == need ? need : 0;
}

/* How each byte goes into a JSON string: 0 as it is, 1 checked as UTF-8,
 * 'u' as \u00XX, else a backslash and this letter (JSON.stringify's short
 * escapes). */
static const unsigned char escape_of[256] = {
    'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'b', 't', 'n', 'u', 'f', 'r', 'u', 'u',
    'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
    0, 0, '"', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '\\', 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

/* Bytes of a string piece written at most per byte read (\u00XX). */
#define ESC_MAX 6

#if defined(__SSE2__) && defined(__GNUC__)
/* Bit i set when byte i of the 16 at p is not written as it is (escape_of
 * not 0): below 0x20 or from 0x80 (both below 0x20 as signed bytes), '"'
 * or '\\'. */
static inline unsigned escaped16(const unsigned char *p)
{
    const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    const __m128i hit = _mm_or_si128(
        _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
    return (unsigned)_mm_movemask_epi8(hit);
}
#endif

/* Write the string bytes from *pp up to stop into d as JSON string content
 * (a UTF-8 sequence that starts before stop is read on up to e); sets *pp
 * past what was read and returns the end written. d needs room for ESC_MAX
 * bytes per byte read. Reads only inside [*pp, e). */
static char *escape_run(char *d, const unsigned char **pp, const unsigned char *stop,
                        const unsigned char *e)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = *pp;
    while (p < stop) {
#if defined(__SSE2__) && defined(__GNUC__)
        /* 16 bytes a step: most strings have nothing to escape */
        if (stop - p >= 16) {
            unsigned bits = escaped16(p);
            _mm_storeu_si128((__m128i *)(void *)d, _mm_loadu_si128((const __m128i *)(const void *)p));
            size_t k = bits ? (size_t)__builtin_ctz(bits) : 16;
            p += k;
            d += k;
            if (k == 16)
                continue;
        }
#endif
        unsigned c = *p, how = escape_of[c];
        if (!how) {
            *d++ = (char)c;
            p++;
        } else if (how == 1) {
            size_t k = good_utf8(p, e);
            if (k) {
                memcpy(d, p, k);
                p += k;
                d += k;
            } else {
                memcpy(d, "\xef\xbf\xbd", 3); /* U+FFFD */
                p += bad_utf8(p, e);
                d += 3;
            }
        } else if (how == 'u') {
            memcpy(d, "\\u00", 4);
            d[4] = hex[c >> 4];
            d[5] = hex[c & 15];
            d += 6;
            p++;
        } else {
            d[0] = '\\';
            d[1] = (char)how;
            d += 2;
            p++;
        }
    }
    *pp = p;
    return d;
}

/* Where n more bytes can be written in place (the caller then moves o->len
 * to the end of what it wrote with out_end), or NULL: no room in a fixed
 * buffer, a buffer to grow, or a comparison, for which the caller writes
 * through sdpxi_out_put and its snprintf rules. sdpxi_out_put's test. */
static inline char *out_room(sdpxi_out *o, size_t n)
{
    return !o->cmp && o->len + n < o->cap ? o->buf + o->len : NULL;
}

static inline void out_end(sdpxi_out *o, const char *d) { o->len = (size_t)(d - o->buf); }

/* Room for a string of n bytes as a literal, or SIZE_MAX when n is too long
 * to count that way (it then goes through sdpxi_out_put). */
static size_t literal_room(size_t n) { return n < SIZE_MAX / 8 ? ESC_MAX * n + 2 : SIZE_MAX; }

/* 1 when none of the 8 bytes of x needs escaping (escape_of 0): no byte
 * below 0x20 or from 0x80, no '"' or '\\' (a borrow runs into a lane only
 * from a lane that hits). */
static inline int clean_word(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101u, high = ones << 7;
    uint64_t q = x ^ ones * '"', b = x ^ ones * '\\';
    return !((((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((b - ones) & ~b) | x) & high);
}

static inline uint64_t load8(const unsigned char *p)
{
    uint64_t x;
    memcpy(&x, p, 8);
    return x;
}

static inline uint64_t load4_pair(const unsigned char *a, const unsigned char *b)
{
    uint32_t x, y;
    memcpy(&x, a, 4);
    memcpy(&y, b, 4);
    return (uint64_t)x | (uint64_t)y << 32;
}

/* A JSON string literal written in place (room: literal_room). */
static char *put_literal(char *d, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    *d++ = '"';
    /* most values are 4 to 16 bytes with nothing to escape: checked and
     * copied as two overlapping words */
    if (n >= 8 && n <= 16 && clean_word(load8(p)) && clean_word(load8(e - 8))) {
        memcpy(d, p, 8);
        memcpy(d + n - 8, e - 8, 8);
        d += n;
    } else if (n >= 4 && n < 8 && clean_word(load4_pair(p, e - 4))) {
        memcpy(d, p, 4);
        memcpy(d + n - 4, e - 4, 4);
        d += n;
    } else
        d = escape_run(d, &p, e, e);
    *d++ = '"';
    return d;
}

/* Bytes of a string escaped in one piece when it is written piecewise. */
#define ESC_CHUNK 64

void sdpxi_out_json_str(sdpxi_out *o, const char *s, size_t n)
{
    size_t room = literal_room(n);
    char *d = room != SIZE_MAX ? out_room(o, room) : NULL;
    if (d) {
        out_end(o, put_literal(d, s, n));
        return;
    }
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    sdpxi_out_c(o, '"');
    while (p < e) {
        /* a UTF-8 sequence may run 3 bytes past the chunk */
        char tmp[ESC_MAX * (ESC_CHUNK + 3)];
        const unsigned char *stop = e - p > ESC_CHUNK ? p + ESC_CHUNK : e;
        char *t = escape_run(tmp, &p, stop, e);
        sdpxi_out_put(o, tmp, (size_t)(t - tmp));
    }
    sdpxi_out_c(o, '"');
}

/* ---- values of captures -------------------------------------------------- */

void sdpxi_capture_value(sdpx_str cap, int lossless, sdpxi_jv *v)
{
    v->key = NULL;
    v->keylen = v->off = 0;
    v->kid = v->next = NULL;
    v->s = cap.ptr;
    v->n = cap.len;
    /* String(Number(x)) starts with a digit, "-", "I"nfinity or "N"aN: other
     * captures are strings without asking */
    unsigned c = cap.len ? (unsigned char)cap.ptr[0] : 0;
    int maybe = (c >= '0' && c <= '9') || c == '-' || c == 'I' || c == 'N';
    v->type = maybe && sdpxi_js_canonical_number(cap.ptr, cap.len) ? SDPXI_JV_NUM : SDPXI_JV_STR;
    /* "NaN" and "Infinity" become numbers JSON has no text for (null) */
    if (lossless && v->type == SDPXI_JV_NUM && cap.len && (cap.ptr[cap.len - 1] == 'N' ||
                                                           cap.ptr[cap.len - 1] == 'y'))
        v->type = SDPXI_JV_STR;
}

static int non_finite(const sdpxi_jv *v)
{
    return v->n && (v->s[v->n - 1] == 'N' || v->s[v->n - 1] == 'y');
}

/* ---- JavaScript's String() and Number() of a value, as format() uses them */

static double to_number(const sdpxi_jv *v);

static void put_string_of(sdpxi_out *o, const sdpxi_jv *v, int lossless)
{
    char num[40];
    switch (v ? v->type : SDPXI_JV_UNDEF) {
    case SDPXI_JV_UNDEF:
        sdpxi_out_s(o, lossless ? "" : "undefined");
        break;
    case SDPXI_JV_NULL:
        sdpxi_out_s(o, lossless ? "" : "null");
        break;
    case SDPXI_JV_TRUE:
        sdpxi_out_s(o, "true");
        break;
    case SDPXI_JV_FALSE:
        sdpxi_out_s(o, "false");
        break;
    case SDPXI_JV_NUM:
        if (sdpxi_js_canonical_number(v->s, v->n))
            sdpxi_out_put(o, v->s, v->n);
        else
            sdpxi_out_put(o, num, sdpxi_js_number_text(to_number(v), num));
        break;
    case SDPXI_JV_STR:
        sdpxi_out_put(o, v->s, v->n);
        break;
    case SDPXI_JV_ARR:
        for (const sdpxi_jv *k = v->kid; k; k = k->next) {
            if (k != v->kid)
                sdpxi_out_c(o, ',');
            if (k->type != SDPXI_JV_NULL)
                put_string_of(o, k, lossless);
        }
        break;
    case SDPXI_JV_OBJ:
        sdpxi_out_s(o, "[object Object]");
        break;
    }
}

static double to_number(const sdpxi_jv *v)
{
    switch (v ? v->type : SDPXI_JV_UNDEF) {
    case SDPXI_JV_NULL:
    case SDPXI_JV_FALSE:
        return 0;
    case SDPXI_JV_TRUE:
        return 1;
    case SDPXI_JV_NUM:
    case SDPXI_JV_STR:
        return sdpxi_js_string_to_number(v->s, v->n);
    case SDPXI_JV_ARR: {
        /* Number(String(array)) */
        sdpxi_out o = {0};
        o.grow = 1;
        put_string_of(&o, v, 0);
        double x = o.failed ? 0.0 / 0.0 : sdpxi_js_string_to_number(o.buf ? o.buf : "", o.len);
        free(o.buf);
        return x;
    }
    default:
        return 0.0 / 0.0;
    }
}

static void put_number_of(sdpxi_out *o, const sdpxi_jv *v, int lossless)
{
    if (lossless && (!v || v->type == SDPXI_JV_STR || v->type == SDPXI_JV_UNDEF ||
                     v->type == SDPXI_JV_NULL)) {
        if (v && v->type == SDPXI_JV_STR)
            sdpxi_out_put(o, v->s, v->n); /* the digits as written: no rounding */
        return;
    }
    if (v && v->type == SDPXI_JV_NUM && sdpxi_js_canonical_number(v->s, v->n)) {
        sdpxi_out_put(o, v->s, v->n);
        return;
    }
    char num[40];
    sdpxi_out_put(o, num, sdpxi_js_number_text(to_number(v), num));
}

void sdpxi_rule_write(sdpxi_out *o, const sdpxi_rule *r, const sdpxi_jv *fields, int lossless)
{
    char tmp[160];
    const char *fmt = r->format ? r->format(fields, lossless, tmp) : r->fmt;
    const sdpxi_jv *args[SDPXI_JSON_MAX_NAMES];
    size_t nargs = r->nnames ? r->nnames : 1;
    if (r->nnames)
        for (size_t i = 0; i < r->nnames; i++)
            args[i] = sdpxi_jv_get(fields, r->names[i]);
    else
        args[0] = fields;
    sdpxi_out_c(o, r->type);
    sdpxi_out_c(o, '=');
    size_t i = 0;
    for (const char *f = fmt; *f; f++) {
        if (f[0] != '%' || !f[1] || !strchr("sdv%", f[1])) {
            sdpxi_out_c(o, *f);
            continue;
        }
        f++;
        if (i >= nargs) { /* a missing argument leaves the placeholder */
            sdpxi_out_c(o, '%');
            sdpxi_out_c(o, *f);
            continue;
        }
        const sdpxi_jv *a = args[i++];
        if (*f == 's')
            put_string_of(o, a, lossless);
        else if (*f == 'd')
            put_number_of(o, a, lossless);
        else if (*f == '%')
            sdpxi_out_c(o, '%');
    }
}

/* ---- JSON writing -------------------------------------------------------- */

typedef struct jw {
    sdpxi_out *o;
    int pretty, lossless;
    int depth;
    unsigned char first[16];
} jw;

static void w_indent(jw *w)
{
    sdpxi_out_c(w->o, '\n');
    for (int i = 0; i < w->depth; i++)
        sdpxi_out_put(w->o, "  ", 2);
}

static void w_open(jw *w, char c)
{
    sdpxi_out_c(w->o, c);
    w->depth++;
    w->first[w->depth & 15] = 1;
}

static void w_close(jw *w, char c)
{
    int empty = w->first[w->depth & 15];
    w->depth--;
    if (w->pretty && !empty)
        w_indent(w);
    sdpxi_out_c(w->o, c);
}

static void w_item(jw *w)
{
    if (!w->first[w->depth & 15])
        sdpxi_out_c(w->o, ',');
    w->first[w->depth & 15] = 0;
    if (w->pretty)
        w_indent(w);
}

static void w_key(jw *w, const char *k)
{
    /* ,"key": in one piece (keys are plain ASCII names) */
    char buf[40];
    size_t n = strlen(k), at = 0;
    if (!w->first[w->depth & 15] && !w->pretty)
        buf[at++] = ',';
    else if (w->pretty)
        w_item(w);
    w->first[w->depth & 15] = 0;
    buf[at++] = '"';
    memcpy(buf + at, k, n);
    at += n;
    buf[at++] = '"';
    buf[at++] = ':';
    if (w->pretty)
        buf[at++] = ' ';
    sdpxi_out_put(w->o, buf, at);
}

/* A capture as toIntIfInt leaves it, written in place (room:
 * literal_room(cap.len)). */
static char *put_capture(char *d, sdpx_str cap, int lossless)
{
    /* 1 to 15 digits without a leading zero (or "0") are the number's own
     * text (String(Number(v)) === v): copied while they are checked, and
     * written over when they are not that */
    size_t n = cap.len;
    if (n - 1 < 15 && (cap.ptr[0] != '0' || n == 1)) {
        size_t i = 0;
        for (; i < n && (unsigned)(cap.ptr[i] - '0') <= 9; i++)
            d[i] = cap.ptr[i];
        if (i == n)
            return d + n;
    }
    /* String(Number(v)) starts with a digit or '-', or is "NaN" or
     * "Infinity": other captures are strings without asking */
    unsigned c = n ? (unsigned char)cap.ptr[0] : 0;
    if (c - '0' > 9 && c != '-' && !(c == 'I' && n == 8) && !(c == 'N' && n == 3))
        return put_literal(d, cap.ptr, n);
    sdpxi_jv v;
    sdpxi_capture_value(cap, lossless, &v);
    if (v.type != SDPXI_JV_NUM)
        return put_literal(d, v.s, v.n);
    if (non_finite(&v)) { /* "NaN" or "Infinity": at least 3 bytes, room for 4 */
        memcpy(d, "null", 4);
        return d + 4;
    }
    memcpy(d, v.s, v.n);
    return d + v.n;
}

static void w_capture(jw *w, sdpx_str cap)
{
    size_t room = literal_room(cap.len);
    char *d = room != SIZE_MAX ? out_room(w->o, room) : NULL;
    if (d) {
        out_end(w->o, put_capture(d, cap, w->lossless));
        return;
    }
    sdpxi_jv v;
    sdpxi_capture_value(cap, w->lossless, &v);
    if (v.type == SDPXI_JV_NUM)
        sdpxi_out_put(w->o, non_finite(&v) ? "null" : v.s, non_finite(&v) ? 4 : v.n);
    else
        sdpxi_out_json_str(w->o, v.s, v.n);
}

/* Field j of rule r as a member of the open object: compact, the key and
 * the value in one piece when they fit. */
static void w_member(jw *w, const sdpxi_rule *r, size_t j, sdpx_str cap)
{
    size_t room = literal_room(cap.len);
    char *d = !w->pretty && room != SIZE_MAX ? out_room(w->o, 1 + SDPXI_KEY_BLOCK + room) : NULL;
    if (!d) {
        w_key(w, r->names[j]);
        w_capture(w, cap);
        return;
    }
    unsigned char *first = &w->first[w->depth & 15];
    *d = ',';
    d += !*first;
    *first = 0;
    memcpy(d, r->keys[j].text, SDPXI_KEY_BLOCK);
    d += r->keys[j].len;
    out_end(w->o, put_capture(d, cap, w->lossless));
}

/* An element: the captured fields in name order. */
static void w_fields(jw *w, const sdpxi_rule *r, const sdpx_str *caps)
{
    w_open(w, '{');
    for (size_t j = 0; j < r->nnames; j++)
        if (caps[j].ptr)
            w_member(w, r, j, caps[j]);
    w_close(w, '}');
}

/* The captures as an object of values, for the formatter. */
static void caps_object(const sdpxi_rule *r, const sdpx_str *caps, int lossless, sdpxi_jv *obj,
                        sdpxi_jv *kids)
{
    memset(obj, 0, sizeof *obj);
    obj->type = SDPXI_JV_OBJ;
    sdpxi_jv **link = &obj->kid;
    for (size_t j = 0; j < r->nnames; j++)
        if (caps[j].ptr) {
            sdpxi_capture_value(caps[j], lossless, &kids[j]);
            kids[j].key = r->names[j];
            kids[j].keylen = strlen(r->names[j]);
            *link = &kids[j];
            link = &kids[j].next;
        }
}

/* 1 when formatting the line's captures gives the line back. */
static int renders_same(const sdpxi_rule *r, const sdpx_str *caps, sdpx_str text)
{
    sdpxi_jv obj, kids[SDPXI_JSON_MAX_NAMES], one;
    const sdpxi_jv *fields = &obj;
    if (r->nnames)
        caps_object(r, caps, 1, &obj, kids);
    else {
        sdpxi_capture_value(caps[0], 1, &one);
        fields = &one;
    }
    sdpxi_out o = {0};
    o.cmp = text.ptr;
    o.cmplen = text.len;
    sdpxi_rule_write(&o, r, fields, 1);
    return !o.differs && o.len == text.len;
}

/* The captures of a level's first lines are kept from the pass that finds
 * their rules, so writing them does not match them again. */
#define CACHED_LINES 128

typedef struct level {
    const sdpx_session *s;
    const sdpx_media *m;
    size_t n;
    unsigned char *ids;
    sdpx_str (*caps)[SDPXI_JSON_MAX_NAMES]; /* CACHED_LINES rows */
    /* per rule its lines as a chain (first[r], then next[i]; NO_LINE ends
     * it), so each key visits its own lines only; NULL for levels of more
     * than STACK_LINES lines, which are scanned */
    uint16_t *next;
    uint16_t first[SDPXI_RULE_NONE];
} level;

#define NO_LINE 0xffffu

/* The first line of rule r after line i (i == SIZE_MAX: the first of all), or lv->n. */
static size_t lv_after(const level *lv, unsigned r, size_t i)
{
    if (lv->next) {
        unsigned k = i == SIZE_MAX ? lv->first[r] : lv->next[i];
        return k == NO_LINE ? lv->n : k;
    }
    for (i++; i < lv->n; i++) /* SIZE_MAX + 1 wraps to 0 */
        if (lv->ids[i] == r)
            break;
    return i;
}

static const sdpx_line *lv_line(const level *lv, size_t i)
{
    return lv->m ? sdpx_media_line(lv->m, i) : sdpx_session_line(lv->s, i);
}

static unsigned rule_of_line(const sdpx_line *l, int lossless, sdpx_str *caps)
{
    char type = sdpx_line_type(l);
    if (!type)
        return SDPXI_RULE_NONE;
    sdpx_str v = sdpx_line_value(l);
    sdpx_str name = type == 'a' ? sdpx_attr_name(l) : v;
    unsigned r;
    /* the kind names the rules to try when the content starts with the name */
    if (type == 'a' && name.ptr == v.ptr && (name.len == v.len || v.ptr[name.len] == ':'))
        r = sdpxi_rule_find_kind(sdpx_line_kind(l), name.len < v.len, v.ptr, v.len, caps);
    else
        r = sdpxi_rule_find(type, v.ptr, v.len, caps);
    /* from the type letter: an indented line (SDPX_W_INDENT) is the line after its indentation */
    sdpx_str from_type = {v.ptr - 2, v.len + 2};
    if (lossless && type == 'a' && r != SDPXI_RULE_NONE && r != SDPXI_RULE_INVALID &&
        !renders_same(&sdpxi_rules[r], caps, from_type)) {
        r = SDPXI_RULE_INVALID; /* kept verbatim: its captures become the whole value */
        memset(caps, 0, SDPXI_JSON_MAX_NAMES * sizeof *caps);
        sdpxi_rules[r].match(v.ptr, v.len, caps);
    }
    return r;
}

/* The captures of line i for rule r: kept, or matched again. */
static const sdpx_str *line_caps(const level *lv, size_t i, unsigned r, sdpx_str *tmp)
{
    if (i < CACHED_LINES)
        return lv->caps[i];
    sdpx_str v = sdpx_line_value(lv_line(lv, i));
    memset(tmp, 0, SDPXI_JSON_MAX_NAMES * sizeof *tmp);
    sdpxi_rules[r].match(v.ptr, v.len, tmp);
    return tmp;
}

static void w_key_rule(jw *w, const level *lv, unsigned r)
{
    const sdpxi_rule *rule = &sdpxi_rules[r];
    sdpx_str tmp[SDPXI_JSON_MAX_NAMES];
    w_key(w, rule->key);
    if (rule->push) {
        w_open(w, '[');
        for (size_t i = lv_after(lv, r, SIZE_MAX); i < lv->n; i = lv_after(lv, r, i)) {
            w_item(w);
            w_fields(w, rule, line_caps(lv, i, r, tmp));
        }
        w_close(w, ']');
        return;
    }
    /* one value or one object: the last line wins (lossless: the only one
     * left, the first); an object's fields merge
     * over the lines (each keeps the last line that had it) */
    sdpx_str merged[SDPXI_JSON_MAX_NAMES] = {{0}};
    unsigned char order[SDPXI_JSON_MAX_NAMES];
    size_t norder = 0;
    for (size_t i = lv_after(lv, r, SIZE_MAX); i < lv->n; i = lv_after(lv, r, i)) {
        const sdpx_str *caps = line_caps(lv, i, r, tmp);
        if (w->lossless && norder) /* only the first line is carried: no merging */
            break;
        for (size_t j = 0; j < (rule->nnames ? rule->nnames : 1); j++)
            if (caps[j].ptr) {
                if (!merged[j].ptr)
                    order[norder++] = (unsigned char)j;
                merged[j] = caps[j];
            }
    }
    if (!rule->nnames) {
        w_capture(w, merged[0]);
        return;
    }
    w_open(w, '{');
    for (size_t k = 0; k < norder; k++)
        w_member(w, rule, order[k], merged[order[k]]);
    w_close(w, '}');
}

#define STACK_LINES 1024

static void w_level(jw *w, level *lv)
{
    unsigned char stack_ids[STACK_LINES];
    lv->ids = lv->n <= STACK_LINES ? stack_ids : malloc(lv->n);
    if (!lv->ids) {
        w->o->failed = 1;
        return;
    }
    sdpx_str cache[CACHED_LINES][SDPXI_JSON_MAX_NAMES], caps[SDPXI_JSON_MAX_NAMES];
    lv->caps = cache;
    for (size_t i = 0; i < lv->n; i++) {
        sdpx_str *c = i < CACHED_LINES ? cache[i] : caps;
        lv->ids[i] = (unsigned char)rule_of_line(lv_line(lv, i), w->lossless, c);
    }
    unsigned char seen[SDPXI_RULE_NONE] = {0}, order[SDPXI_RULE_NONE];
    size_t norder = 0;
    const unsigned rtp = SDPXI_RULE_RTP, fmtp = SDPXI_RULE_FMTP, mrule = SDPXI_RULE_M;
    if (lv->m) {
        seen[rtp] = seen[fmtp] = 1;
        order[norder++] = (unsigned char)rtp;
        order[norder++] = (unsigned char)fmtp;
    }
    for (size_t i = 0; i < lv->n; i++) {
        unsigned r = lv->ids[i];
        if (r == SDPXI_RULE_NONE)
            continue;
        /* lossless: a name rule carries its first line, the others stay
         * verbatim (the first, not the last: write() puts invalid lines
         * after the rule's line, so a second round trip keeps the same one) */
        if (w->lossless && !sdpxi_rules[r].push && sdpxi_rules[r].type == 'a' && seen[r]) {
            lv->ids[i] = (unsigned char)(r = SDPXI_RULE_INVALID);
            if (i < CACHED_LINES) { /* its captures become invalid's: the whole value */
                sdpx_str v = sdpx_line_value(lv_line(lv, i));
                memset(cache[i], 0, sizeof cache[i]);
                sdpxi_rules[r].match(v.ptr, v.len, cache[i]);
            }
        }
        if (!seen[r] && r != mrule) {
            seen[r] = 1;
            order[norder++] = (unsigned char)r;
        }
    }
    uint16_t stack_next[STACK_LINES];
    lv->next = lv->n <= STACK_LINES ? stack_next : NULL;
    if (lv->next) {
        memset(lv->first, 0xff, sizeof lv->first);
        for (size_t i = lv->n; i-- > 0;)
            if (lv->ids[i] != SDPXI_RULE_NONE) {
                stack_next[i] = lv->first[lv->ids[i]];
                lv->first[lv->ids[i]] = (uint16_t)i;
            }
    }
    w_open(w, '{');
    for (size_t k = 0; k < norder; k++) {
        w_key_rule(w, lv, order[k]);
        if (lv->m && k == 1 && lv->n && lv->ids[0] == mrule) {
            /* the m= fields sit on the media object itself, after rtp and fmtp */
            const sdpx_str *mc = cache[0];
            for (size_t j = 0; j < sdpxi_rules[mrule].nnames; j++)
                if (mc[j].ptr)
                    w_member(w, &sdpxi_rules[mrule], j, mc[j]);
        }
    }
    if (lv->ids != stack_ids)
        free(lv->ids);
    lv->ids = NULL;
    lv->next = NULL;
}

static void write_session(sdpxi_out *o, const sdpx_session *s, unsigned flags)
{
    jw w;
    memset(&w, 0, sizeof w);
    w.o = o;
    w.pretty = (flags & SDPX_JSON_PRETTY) != 0;
    w.lossless = (flags & SDPX_JSON_LOSSLESS) != 0;
    level lv = {s, NULL, sdpx_session_line_count(s), NULL, NULL, NULL, {0}};
    w_level(&w, &lv);
    w_key(&w, "media");
    w_open(&w, '[');
    for (size_t i = 0; i < sdpx_session_media_count(s); i++) {
        level ml = {s, sdpx_session_media(s, i), 0, NULL, NULL, NULL, {0}};
        ml.n = sdpx_media_line_count(ml.m);
        w_item(&w);
        w_level(&w, &ml);
        w_close(&w, '}');
    }
    w_close(&w, ']');
    w_close(&w, '}');
}

size_t sdpx_write_json(const sdpx_session *s, unsigned flags, char *buf, size_t cap)
{
    if (!s)
        return 0;
    sdpxi_out o = {0};
    o.buf = buf;
    o.cap = buf ? cap : 0;
    write_session(&o, s, flags);
    out_finish(&o);
    return o.failed ? 0 : o.len;
}

char *sdpx_write_json_alloc(const sdpx_session *s, unsigned flags, size_t *len)
{
    if (!s)
        return NULL;
    sdpxi_out o = {0};
    o.grow = 1;
    write_session(&o, s, flags);
    if (o.failed || !o.buf) {
        free(o.buf);
        return NULL;
    }
    o.buf[o.len] = '\0';
    if (len)
        *len = o.len;
    return o.buf;
}

size_t sdpx_write_json_line(char type, const char *value, size_t n, unsigned flags,
                            const char **key, char *buf, size_t cap)
{
    sdpx_str caps[SDPXI_JSON_MAX_NAMES];
    if (!value && n) { /* no text to read: the empty answer */
        if (key)
            *key = NULL;
        if (buf && cap)
            buf[0] = '\0';
        return 0;
    }
    unsigned r = sdpxi_rule_find(type, value ? value : "", n, caps);
    if (key)
        *key = r == SDPXI_RULE_NONE ? NULL : sdpxi_rules[r].key;
    sdpxi_out o = {0};
    o.buf = buf;
    o.cap = buf ? cap : 0;
    jw w;
    memset(&w, 0, sizeof w);
    w.o = &o;
    w.pretty = (flags & SDPX_JSON_PRETTY) != 0;
    w.lossless = (flags & SDPX_JSON_LOSSLESS) != 0;
    if (r == SDPXI_RULE_NONE)
        sdpxi_out_s(&o, "null");
    else if (sdpxi_rules[r].nnames)
        w_fields(&w, &sdpxi_rules[r], caps);
    else
        w_capture(&w, caps[0]);
    out_finish(&o);
    return o.len;
}
