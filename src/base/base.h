/* The base layer (src/base/): the arena, status codes and messages, checked
 * numbers and the tokenizer. What it offers the layers above: memory, error
 * reporting, views and the small character tests every grammar shares. It
 * knows no SDP attribute and no session. Not installed. */
#ifndef SDPX_BASE_H
#define SDPX_BASE_H

#include "sdp.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

/* 1 where the word-at-a-time byte tricks work: GNU C on a little-endian
 * target. -DSDPXI_LE_WORDS=0 builds the byte loops instead (CI's portable
 * build, which also undefines __SSE2__, tests them). */
#ifndef SDPXI_LE_WORDS
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SDPXI_LE_WORDS 1
#else
#define SDPXI_LE_WORDS 0
#endif
#endif

/* ---- arena: one per session (arena.c) ---------------------------------- */

typedef struct sdpxi_block sdpxi_block;

typedef struct sdpxi_arena {
    char *cur;              /* next free byte of the current block */
    size_t left;            /* bytes left in it */
    sdpxi_block *blocks;    /* heap blocks, newest first */
    sdpx_allocator alloc;
    int no_heap;
} sdpxi_arena;

#define SDPXI_ALIGN 8u
#define SDPXI_ALIGN_UP(n) (((n) + (SDPXI_ALIGN - 1)) & ~(size_t)(SDPXI_ALIGN - 1))
/* Bytes left unused after each arena object: a poisoned red zone in the
 * arena debug mode (see arena.c), none otherwise. Sizes computed ahead of
 * allocation add it once per object. */
#ifdef SDPXI_ARENA_DEBUG
#define SDPXI_REDZONE 16u
#else
#define SDPXI_REDZONE 0u
#endif
/* SDPXI_ASAN: built with AddressSanitizer (gcc or clang), which the arena
 * debug mode uses to poison its red zones. */
#if defined(__SANITIZE_ADDRESS__)
#define SDPXI_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SDPXI_ASAN 1
#endif
#endif

void sdpxi_arena_init(sdpxi_arena *a, const sdpx_allocator *alloc, int no_heap,
                      void *region, size_t size);
void *sdpxi_arena_alloc(sdpxi_arena *a, size_t n);
char *sdpxi_arena_strdup(sdpxi_arena *a, const char *p, size_t n);
/* Release every heap block; the arena (and what lives in it) is gone after. */
void sdpxi_arena_release(sdpxi_arena *a);
/* A heap block from `al` with n usable bytes, for the session's first region. */
void *sdpxi_block_new(const sdpx_allocator *al, size_t n);
/* Make the arena own a block from sdpxi_block_new (released with it). */
void sdpxi_arena_adopt(sdpxi_arena *a, void *usable);
/* Give back a block from sdpxi_block_new that no arena owns. */
void sdpxi_block_free(const sdpx_allocator *al, void *usable);
/* Take back the arena's last allocation (p, n bytes) when nothing came
 * after it; returns 1 when it did. */
int sdpxi_arena_unalloc(sdpxi_arena *a, void *p, size_t n);
/* Heap bytes the arena holds (its blocks). */
size_t sdpxi_arena_held(const sdpxi_arena *a);
/* Compaction: release every block of `a` but `keep` (a block from
 * sdpxi_block_new, or NULL), then continue in the blocks of `fresh`
 * (which is left empty). */
void sdpxi_arena_take(sdpxi_arena *a, sdpxi_arena *fresh, void *keep);

/* Built with -DSDPX_COUNT_OPS (tests/test_scaling), every loop over lines
 * and every move of line records adds its length here, so a test can show
 * that an operation's work grows linearly with its input; otherwise the
 * macro is nothing. */
#ifdef SDPX_COUNT_OPS
extern _Thread_local unsigned long long sdpxi_ops;
#define SDPXI_OPS(n) (sdpxi_ops += (unsigned long long)(n))
#else
#define SDPXI_OPS(n) ((void)0)
#endif

void *sdpxi_default_alloc(void *ctx, size_t n);
void sdpxi_default_release(void *ctx, void *p, size_t n);

/* ---- errors (error.c) --------------------------------------------------- */

/* Fill *e (if not NULL) with code, position and a printf-style message. */
void sdpxi_error_set(sdpx_error *e, int code, unsigned line, unsigned col,
                     const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Print at most `max` bytes of a view into a message, escaping control bytes. */
size_t sdpxi_quote(char *dst, size_t cap, sdpx_str s, size_t max);

/* Where and why a value failed to decode: the offending token and a reason,
 * so strict mode can say `payload type "128" is over 127` at its column. */
typedef struct sdpxi_bad {
    size_t off;       /* offset of the token within the value */
    size_t len;       /* its length (0: a missing token at off) */
    const char *what; /* "payload type" */
    const char *why;  /* "is over 127" */
} sdpxi_bad;

/* Record a failure at `tok` (a view inside `value`) in *bad, if not NULL; returns code. */
int sdpxi_bad_set(sdpxi_bad *bad, sdpx_str value, sdpx_str tok, int code, const char *what,
                  const char *why);

/* Turn a recorded failure into a validator's answer (*off, msg); returns SDPX_EVALUE.
 * With cap 0 only *off is set (msg may be NULL). */
int sdpxi_bad_report(const sdpxi_bad *bad, sdpx_str value, size_t *off, char *msg, size_t cap);

/* ---- views, characters, numbers (number.c) ------------------------------ */

static inline sdpx_str sdpxi_str(const char *p, size_t n)
{
    sdpx_str s;
    s.ptr = p;
    s.len = n;
    return s;
}

static inline int sdpxi_is_digit(int c) { return c >= '0' && c <= '9'; }

/* 1 when a view holds only spaces and tabs (or nothing). */
static inline int sdpxi_is_blank(sdpx_str s)
{
    for (size_t i = 0; i < s.len; i++)
        if (s.ptr[i] != ' ' && s.ptr[i] != '\t')
            return 0;
    return 1;
}

static inline int sdpxi_is_alnum(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || sdpxi_is_digit(c);
}

/* 1 when two views hold the same bytes. */
static inline int sdpxi_str_same(sdpx_str a, sdpx_str b)
{
    return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

/* 1-based column of byte offset `off`, saturating for lines over 4 GiB. */
static inline unsigned sdpxi_col(size_t off)
{
    return off >= (size_t)UINT32_MAX ? UINT32_MAX : (unsigned)off + 1;
}

/* Parse a whole view as an unsigned number no larger than max. */
int sdpxi_parse_uint(sdpx_str s, uint64_t max, uint64_t *out);

/* Helpers that run once or more a field of every value are forced inline:
 * a call costs more than most fields' walk. */
#if defined(__GNUC__)
#define SDPXI_HOT static inline __attribute__((always_inline))
#else
#define SDPXI_HOT static inline
#endif

/* The first space in p[0..end), or end: 16 bytes a compare, then 8, then
 * one. Reads only inside p[0..end). */
SDPXI_HOT const char *sdpxi_find_space(const char *p, const char *end)
{
#if defined(__SSE2__) && defined(__GNUC__)
    const __m128i sp = _mm_set1_epi8(' ');
    for (; end - p >= 16; p += 16) {
        unsigned bits = (unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)p), sp));
        if (bits)
            return p + __builtin_ctz(bits);
    }
#endif
#if SDPXI_LE_WORDS
    /* Eight bytes at a time: the lowest zero byte of w ^ "        " is the
     * first space (the borrow trick only errs above a true zero). */
    for (; end - p >= 8; p += 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        w ^= 0x2020202020202020u;
        uint64_t z = (w - 0x0101010101010101u) & ~w & 0x8080808080808080u;
        if (z)
            return p + ((unsigned)__builtin_ctzll(z) >> 3);
    }
#endif
    while (p < end && *p != ' ')
        p++;
    return p;
}

/* Where the next field of `rest` starts (fields are runs of bytes other
 * than ' '), or NULL when none is left: then rest is consumed (an all-space
 * rest included). An empty view may be {NULL, 0}: NULL + 0 is undefined. */
SDPXI_HOT const char *sdpxi_field_start(sdpx_str *rest)
{
    if (rest->len == 0)
        return NULL;
    const char *p = rest->ptr, *end = p + rest->len;
    while (*p == ' ') {
        if (++p == end) {
            rest->ptr = end;
            rest->len = 0;
            return NULL;
        }
    }
    return p;
}

/* sdpx_field_next, inline for the decoders: the next field into *f and rest
 * moved past it; 0 when no field is left. */
SDPXI_HOT int sdpxi_field(sdpx_str *rest, sdpx_str *f)
{
    const char *start = sdpxi_field_start(rest);
    if (!start)
        return 0;
    const char *end = rest->ptr + rest->len;
    const char *p = sdpxi_find_space(start + 1, end); /* a field is at least the byte at start */
    f->ptr = start;
    f->len = (size_t)(p - start);
    rest->ptr = p;
    rest->len = (size_t)(end - p);
    return 1;
}

/* sdpxi_parse_uint, inline for the short numbers of attribute values: up
 * to 19 digits cannot overflow 64 bits, so the loop needs no overflow test;
 * longer views take the checked conversion. */
SDPXI_HOT int sdpxi_uint(sdpx_str s, uint64_t max, uint64_t *out)
{
    if (s.len == 0 || s.len > 19)
        return sdpxi_parse_uint(s, max, out);
    uint64_t v = 0;
    for (size_t i = 0; i < s.len; i++) {
        unsigned d = (unsigned)(unsigned char)s.ptr[i] - '0';
        if (d > 9)
            return SDPX_EFIELD;
        v = v * 10 + d;
    }
    if (v > max)
        return SDPX_ERANGE;
    if (out)
        *out = v;
    return 0;
}


/* 1 when the k bytes at p (1 <= k <= 8; p[0..8) readable) are all decimal
 * digits, with the number they write (0-99999999) in *v; 0 otherwise (and
 * always without SDPXI_LE_WORDS). Eight at once in a word: the k bytes
 * shifted to its top (the first byte is the lowest), those after them out. */
SDPXI_HOT int sdpxi_digits_word(const char *p, size_t k, uint64_t *v)
{
#if SDPXI_LE_WORDS
    uint64_t x;
    memcpy(&x, p, 8);
    /* a digit's byte becomes its value, any other byte 10 or more */
    x = (x ^ 0x3030303030303030u) << (8 * (8 - k));
    if (((x + 0x7676767676767676u) | x) & 0x8080808080808080u)
        return 0;
    x = x * 10 + (x >> 8); /* pairs of digits in bytes 0, 2, 4, 6 */
    *v = ((x & 0x000000ff000000ffu) * (100 + (1000000ull << 32)) +
          ((x >> 16) & 0x000000ff000000ffu) * (1 + (10000ull << 32))) >>
         32;
    return 1;
#else
    (void)p;
    (void)k;
    (void)v;
    return 0;
#endif
}

/* A view without its leading / trailing spaces (SP only: the separator of
 * SDP fields; sdpxi_trim also takes tabs). */
static inline sdpx_str sdpxi_skip_spaces(sdpx_str s)
{
    while (s.len && s.ptr[0] == ' ') {
        s.ptr++;
        s.len--;
    }
    return s;
}

static inline sdpx_str sdpxi_drop_spaces(sdpx_str s)
{
    while (s.len && s.ptr[s.len - 1] == ' ')
        s.len--;
    return s;
}

/* ASCII lower case (locale-free). */
static inline int sdpxi_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* 1 when a view is one or more decimal digits (any length: sess-id and
 * sess-version are kept as text). */
static inline int sdpxi_all_digits(sdpx_str s)
{
    if (!s.len)
        return 0;
    for (size_t i = 0; i < s.len; i++)
        if (!sdpxi_is_digit((unsigned char)s.ptr[i]))
            return 0;
    return 1;
}

/* RFC 8866 9: token-char */
static inline int sdpxi_is_token_char(unsigned char c)
{
    return c == 0x21 || (c >= 0x23 && c <= 0x27) || c == 0x2a || c == 0x2b || c == 0x2d ||
           c == 0x2e || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) ||
           (c >= 0x5e && c <= 0x7e);
}

/* Cut the part before the first `sep` off *rest (all of it when there is
 * none); *found says whether a separator was consumed. */
static inline sdpx_str sdpxi_cut(sdpx_str *rest, char sep, int *found)
{
    const char *p = rest->len ? memchr(rest->ptr, sep, rest->len) : NULL;
    sdpx_str head;
    if (!p) {
        head = *rest;
        rest->ptr += rest->len;
        rest->len = 0;
        *found = 0;
        return head;
    }
    head.ptr = rest->ptr;
    head.len = (size_t)(p - rest->ptr);
    rest->len -= head.len + 1;
    rest->ptr = p + 1;
    *found = 1;
    return head;
}

/* The value of a hex digit, or -1. */
static inline int sdpxi_hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}


/* ---- the line scan of the tokenizer and the parser ---------------------- */

#if defined(__SSE2__) && defined(__GNUC__)

/* Bit i set when byte i of the 16 at p is LF, CR or NUL. */
static inline unsigned sdpxi_ends16(const char *p)
{
    const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    const __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))),
        _mm_cmpeq_epi8(v, _mm_setzero_si128()));
    return (unsigned)_mm_movemask_epi8(hit);
}
#endif

/*
 * Offset of the first LF, CR or NUL in p[0..n), or n: one pass finds the
 * line's end and proves it clean. Reads only inside
 * p[0..n).
 */
static inline size_t sdpxi_scan_line(const char *p, size_t n)
{
    size_t i = 0;
#if defined(__SSE2__) && defined(__GNUC__)
    if (n >= 32) {
        /* most lines end within 32 bytes; longer ones go on 16 a step */
        unsigned bits = sdpxi_ends16(p) | sdpxi_ends16(p + 16) << 16;
        if (bits)
            return (size_t)__builtin_ctz(bits);
        i = 32;
    }
    for (; i + 16 <= n; i += 16) {
        unsigned bits = sdpxi_ends16(p + i);
        if (bits)
            return i + (size_t)__builtin_ctz(bits);
    }
#endif
    for (; i < n; i++)
        if (p[i] == '\n' || p[i] == '\r' || p[i] == '\0')
            break;
    return i;
}

/* Bit i set when byte i of the 16 at p is at most '\r' (LF, CR and NUL, and
 * the rarer tab and other control bytes, which sdpxi_line_end passes over):
 * a minimum and a compare, where the exact test takes three compares. */
#if defined(__SSE2__) && defined(__GNUC__)
static inline unsigned sdpxi_low16(const char *p)
{
    const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8('\r')), v));
}
#endif

/* 1 for the bytes that end a line or break it (LF, CR, NUL), given c <= '\r'. */
#define SDPXI_ENDS_LINE(c) ((0x2401u >> (unsigned)(c)) & 1u)

/*
 * sdpxi_scan_line of the line at text[pos..len): the offset from pos of its
 * first LF, CR or NUL, or len - pos. Reads only inside text[0..len): the
 * last piece, shorter than 16 bytes, is read as the 16 bytes that end the
 * input when there are that many.
 */
SDPXI_HOT size_t sdpxi_line_end(const char *text, size_t len, size_t pos)
{
    const char *p = text + pos;
    size_t rem = len - pos, i = 0;
#if defined(__SSE2__) && defined(__GNUC__)
    if (rem >= 32) {
        /* most lines end within 32 bytes; longer ones go on 16 a step */
        for (unsigned m = sdpxi_low16(p) | sdpxi_low16(p + 16) << 16; m; m &= m - 1) {
            size_t k = (size_t)__builtin_ctz(m);
            if (SDPXI_ENDS_LINE((unsigned char)p[k]))
                return k;
        }
        i = 32;
    }
    if (len >= 16) {
        for (;; i += 16) {
            unsigned m = rem - i >= 16 ? sdpxi_low16(p + i)
                                       : sdpxi_low16(text + len - 16) >> (16 - (rem - i));
            for (; m; m &= m - 1) {
                size_t k = i + (size_t)__builtin_ctz(m);
                if (SDPXI_ENDS_LINE((unsigned char)p[k]))
                    return k;
            }
            if (rem - i <= 16)
                return rem;
        }
    }
#endif
    for (; i < rem; i++)
        if (p[i] == '\n' || p[i] == '\r' || p[i] == '\0')
            break;
    return i;
}

/*
 * Offset of the first ':' in the line p[0..end) (end when there is none),
 * where `avail` >= end bytes may be read: an a= name's end. Names are short,
 * so one 16-byte compare usually answers.
 */
static inline size_t sdpxi_scan_colon(const char *p, size_t end, size_t avail)
{
#if defined(__SSE2__) && defined(__GNUC__)
    if (avail >= 16) {
        const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        unsigned bits = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(':')));
        if (end < 16)
            bits &= (1u << end) - 1u;
        if (bits)
            return (size_t)__builtin_ctz(bits);
        if (end <= 16)
            return end;
        const char *c = memchr(p + 16, ':', end - 16);
        return c ? (size_t)(c - p) : end;
    }
#endif
    (void)avail;
    const char *c = memchr(p, ':', end);
    return c ? (size_t)(c - p) : end;
}

#endif
