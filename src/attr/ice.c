/* ICE attributes (RFC 8839): candidate, ice-ufrag, ice-pwd, ice-options,
 * remote-candidates, ice-pacing; and the standalone trickle candidate. */
#include "attr.h"

/* ---- addresses ------------------------------------------------------- */

/* RFC 8866 9: IP4-address = b1 3("." decimal-uchar); octets 0-255. */
static int is_ip4(const char *p, size_t n)
{
    size_t i = 0;
    for (int part = 0; part < 4; part++) {
        if (part) {
            if (i >= n || p[i] != '.')
                return 0;
            i++;
        }
        unsigned v = 0, digits = 0;
        while (i < n && sdpxi_is_digit(p[i]) && digits < 4) {
            v = v * 10 + (unsigned)(p[i] - '0');
            i++;
            digits++;
        }
        if (digits == 0 || digits > 3 || v > 255)
            return 0;
    }
    return i == n;
}

/* RFC 4291 2.2: eight groups of 1-4 hex digits, one "::" for a run of zero
 * groups, and an optional dotted IPv4 tail standing for the last two. */
static int is_ip6(const char *p, size_t n)
{
    size_t i = 0;
    int groups = 0, gap = 0;
    if (n >= 2 && p[0] == ':' && p[1] == ':') {
        gap = 1;
        i = 2;
        if (i == n)
            return 1;
    } else if (n && p[0] == ':') {
        return 0;
    }
    while (i < n) {
        size_t start = i;
        while (i < n && sdpxi_hexval((unsigned char)p[i]) >= 0 && i - start < 5)
            i++;
        if (i < n && p[i] == '.') {
            /* IPv4 tail: counts as two groups */
            if (!is_ip4(p + start, n - start))
                return 0;
            groups += 2;
            i = n;
            break;
        }
        if (i == start || i - start > 4)
            return 0;
        groups++;
        if (i == n)
            break;
        if (p[i] != ':')
            return 0;
        i++;
        if (i < n && p[i] == ':') {
            if (gap)
                return 0;
            gap = 1;
            i++;
            if (i == n)
                break;
        } else if (i == n) {
            return 0; /* trailing single ':' */
        }
    }
    return gap ? groups < 8 : groups == 8;
}

int sdpx_address_family(sdpx_str a)
{
    const char *p = a.ptr;
    size_t n = a.len;
    if (n == 0)
        return SDPX_EVALUE;
    /* the common answer first, in one walk: digits and dots only, so no
     * ':' and numeric, which is what the rules below would conclude */
    if (is_ip4(p, n))
        return SDPX_ADDR_IP4;
    if (memchr(p, ':', n))
        return is_ip6(p, n) ? SDPX_ADDR_IP6 : SDPX_EVALUE;
    int numeric = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (!sdpxi_is_alnum(c) && c != '-' && c != '.')
            return SDPX_EVALUE;
        if (!sdpxi_is_digit(c) && c != '.')
            numeric = 0;
    }
    /* RFC 1123 2.1: a host name never has the dotted-decimal form, so an
     * all-numeric address must be a valid IPv4 address. */
    if (numeric)
        return is_ip4(p, n) ? SDPX_ADDR_IP4 : SDPX_EVALUE;
    /* RFC 8866 9: FQDN = 4*(alpha-numeric / "-" / ".") */
    if (n < 4)
        return SDPX_EVALUE;
    /* RFC 6762 3: names under "local." are resolved with multicast DNS. */
    if (n > 6 && sdpx_str_ieq(sdpxi_str(p + n - 6, 6), ".local"))
        return SDPX_ADDR_MDNS;
    return SDPX_ADDR_FQDN;
}

/* ---- candidate ------------------------------------------------------- */

static const char *const cand_types[] = {NULL, "host", "srflx", "prflx", "relay"};
static const char *const tcptypes[] = {NULL, "active", "passive", "so"};

const char *sdpx_cand_type_name(sdpx_cand_type t)
{
    return (unsigned)t < 5 ? cand_types[t] : NULL;
}

const char *sdpx_tcptype_name(sdpx_tcptype t)
{
    return (unsigned)t < 4 ? tcptypes[t] : NULL;
}

static int all_ice_chars(sdpx_str s)
{
    for (size_t i = 0; i < s.len; i++)
        if (!sdpxi_is_ice_char((unsigned char)s.ptr[i]))
            return 0;
    return 1;
}

/* The end of a value, as a zero-length token for "missing ..." reports. */
static sdpx_str end_of(sdpx_str v)
{
    return sdpxi_str(v.ptr + v.len, 0);
}

static int port_of(sdpx_str v, sdpx_str f, uint16_t *port, sdpxi_bad *bad, const char *what)
{
    uint64_t n;
    if (sdpxi_parse_uint(f, 65535, &n))
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, what, "is not a port 0-65535");
    *port = (uint16_t)n;
    return 0;
}

int sdpx_candidate_ext_next(sdpx_str *rest, sdpx_str *name, sdpx_str *value)
{
    if (!rest || !name || !value)
        return SDPX_EINVAL;
    const char *p = rest->ptr, *end = p + rest->len;
    while (p < end && *p == ' ')
        p++;
    if (p == end) {
        *rest = sdpxi_str(end, 0);
        return 0;
    }
    const char *n = p;
    while (p < end && *p != ' ')
        p++;
    *name = sdpxi_str(n, (size_t)(p - n));
    /* RFC 8839 5.1: cand-extension = extension-att-name SP extension-att-value,
     * and the value may be empty: exactly one SP separates name and value. */
    if (p < end)
        p++;
    const char *v = p;
    while (p < end && *p != ' ')
        p++;
    *value = sdpxi_str(v, (size_t)(p - v));
    *rest = sdpxi_str(p, (size_t)(end - p));
    return 1;
}

static int decode_u32(sdpx_str s, uint32_t *out)
{
    uint64_t v;
    if (sdpxi_parse_uint(s, UINT32_MAX, &v))
        return SDPX_EVALUE;
    *out = (uint32_t)v;
    return 0;
}

/* ---- candidate: the walk --------------------------------------------- */

/* Byte classes of the candidate grammar. */
enum { CC_ICE = 1, CC_TOKEN = 2, CC_VCHAR = 4, CC_DIGIT = 8, CC_DOT = 16 };

#if defined(__SSE2__) && defined(__GNUC__) && SDPXI_LE_WORDS
#define CAND_SSE2 1
#else
#define CC(c)                                                                            \
    (uint8_t)((SDPXI_CC_IS_ICE(c) ? CC_ICE : 0) | (SDPXI_CC_IS_TOKEN(c) ? CC_TOKEN : 0) | \
              ((c) > 0x20 && (c) < 0x7f ? CC_VCHAR : 0) |                                 \
              ((c) >= '0' && (c) <= '9' ? CC_DIGIT : 0) | ((c) == '.' ? CC_DOT : 0))
#define CC4(c) CC(c), CC((c) + 1), CC((c) + 2), CC((c) + 3)
#define CC16(c) CC4(c), CC4((c) + 4), CC4((c) + 8), CC4((c) + 12)
static const uint8_t cand_class[256] = {
    CC16(0x00), CC16(0x10), CC16(0x20), CC16(0x30), CC16(0x40), CC16(0x50), CC16(0x60),
    CC16(0x70), /* bytes from 0x80 are in no class */
};
#endif

/* The walk's steps are inlined into the decoder, whose position then stays
 * in a register: the calls cost as much as the fields they read. */
#if defined(__GNUC__)
#define WALK_STEP static inline __attribute__((always_inline))
#else
#define WALK_STEP static inline
#endif

/* The index of the lowest set bit of m (m != 0). */
WALK_STEP unsigned lowest_bit(uint64_t m)
{
#if defined(__GNUC__)
    return (unsigned)__builtin_ctzll(m);
#else
    unsigned k = 0;
    for (; !(m & 1u); m >>= 1)
        k++;
    return k;
#endif
}

/* A view that holds exactly the string literal `lit` (compared inline). */
#define IS_LIT(f, lit) ((f).len == sizeof lit - 1 && memcmp((f).ptr, lit, sizeof lit - 1) == 0)

/* The k bytes at p (k is 4 or 8) as one number. */
WALK_STEP uint64_t word_at(const char *p, size_t k)
{
    if (k == 8) {
        uint64_t x;
        memcpy(&x, p, 8);
        return x;
    }
    uint32_t x;
    memcpy(&x, p, 4);
    return x;
}

/* 1 when a[0..n) and b[0..n) hold the same bytes, 4 <= n <= 16: two
 * overlapping words each, where memcmp would be a call. */
WALK_STEP int same_4to16(const char *a, const char *b, size_t n)
{
    size_t k = n >= 8 ? 8 : 4;
    return word_at(a, k) == word_at(b, k) && word_at(a + n - k, k) == word_at(b + n - k, k);
}

/* IS_LIT for a literal of 4 to 16 bytes. */
#define IS_WORD(f, lit) ((f).len == sizeof lit - 1 && same_4to16((f).ptr, lit, sizeof lit - 1))

/* A decoder's walk over the value, one field at a time. The value is
 * classed once, sixteen bytes at a time, into a bitmap of its spaces, one
 * bit a byte, WALK_SPAN bytes at a time (the next span is classed when the
 * walk passes the last); the end of the value (offset n) is set too. The
 * fields are the runs between the set bits, taken in order with a count of
 * trailing zeros. What a field must hold is checked on its own bytes,
 * sixteen at a time (ice-char, token, VCHAR, an address's digits and dots)
 * or eight digits at a time, and only where the grammar asks. A window
 * that would cross the end of the value is read from `tail`, a copy of the
 * last bytes followed by NULs, so no read leaves the value and a byte past
 * its end is in no class (a NUL inside it is in none either). */
#define WALK_WORDS 4
#define WALK_SPAN (64u * WALK_WORDS)

/* What the walk keeps in memory: the bitmap of spaces and the tail copy. */
typedef struct {
    uint64_t spaces[WALK_WORDS]; /* bit k of word k / 64: byte k of the span a space (or the end) */
#ifdef CAND_SSE2
    unsigned char tail[32]; /* bytes from offset n - 16 (0 when shorter), then NULs */
#endif
} cand_bytes;

/* The walk's position (held in registers: only inlined steps see it). */
typedef struct {
    const char *p;
    size_t n;
    size_t at;        /* where the next field may start; n + 1 past the end */
    cand_bytes *b;
    size_t word;      /* the word of spaces the cursor is in */
    size_t word_base; /* the offset its bit 0 stands for */
    uint64_t cur;     /* its bits not taken yet */
#ifdef CAND_SSE2
    size_t direct;       /* offsets below it have 16 bytes of the value from them */
    uintptr_t tail_base; /* the address byte 0 of the value would have in tail */
#endif
} cand_walk;

/* What the digit readers say of bytes that are not 1-19 digits: no
 * number of 19 digits is this large. */
#define NOT_DIGITS UINT64_MAX

#ifdef CAND_SSE2
/* The bytes of x in lo..hi: shifted so that lo is the least signed byte,
 * the range is one signed compare. */
WALK_STEP __m128i in_range(__m128i x, int lo, int hi)
{
    __m128i t = _mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - lo)));
    return _mm_cmplt_epi8(t, _mm_set1_epi8((char)(hi - lo - 127)));
}

WALK_STEP __m128i is_byte(__m128i x, char c)
{
    return _mm_cmpeq_epi8(x, _mm_set1_epi8(c));
}

/* The bytes of x in class cls, what cand_class would say of each. */
WALK_STEP __m128i class_of(__m128i x, unsigned cls)
{
    switch (cls) {
    case CC_DIGIT:
        return in_range(x, '0', '9');
    case CC_DOT:
        return is_byte(x, '.');
    case CC_VCHAR:
        return in_range(x, 0x21, 0x7e);
    case CC_ICE: /* RFC 8839 5.1: ice-char = ALPHA / DIGIT / "+" / "/" ("/" precedes "0") */
        return _mm_or_si128(
            _mm_or_si128(in_range(x, '/', '9'), in_range(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 'z')),
            is_byte(x, '+'));
    default: { /* CC_TOKEN, RFC 8866 9: a VCHAR but none of "(),/:;<=>?@[\] */
        __m128i sep = _mm_or_si128(_mm_or_si128(is_byte(x, '"'), in_range(x, '(', ')')),
                                   _mm_or_si128(is_byte(x, ','), is_byte(x, '/')));
        sep = _mm_or_si128(sep, _mm_or_si128(in_range(x, ':', '@'), in_range(x, '[', ']')));
        return _mm_andnot_si128(sep, in_range(x, 0x21, 0x7e));
    }
    }
}

/* Sixteen readable bytes holding bytes i.. of the value (i <= n), NULs
 * past its end: the value itself or the tail copy. */
WALK_STEP const char *walk_window(const cand_walk *w, size_t i)
{
    return i < w->direct ? w->p + i : (const char *)(w->tail_base + i);
}

/* The number the k bytes at q write (1 <= k <= 8, q holding 8 readable
 * bytes) when all are digits, else NOT_DIGITS. */
WALK_STEP uint64_t eight_digits(const char *q, size_t k)
{
    uint64_t v;
    return sdpxi_digits_word(q, k, &v) ? v : NOT_DIGITS;
}
#endif

/* Bit k set when byte i + k of the value (i <= n) is in class cls, for k
 * below 16; bytes past the end are in no class. Reads only inside the
 * value (and the walk's tail copy). */
WALK_STEP unsigned walk_bits(const cand_walk *w, size_t i, unsigned cls)
{
#ifdef CAND_SSE2
    const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)walk_window(w, i));
    return (unsigned)_mm_movemask_epi8(class_of(x, cls));
#else
    unsigned bits = 0;
    for (unsigned k = 0; k < 16 && i + k < w->n; k++)
        if (cand_class[(unsigned char)w->p[i + k]] & cls)
            bits |= 1u << k;
    return bits;
#endif
}

/* The number the len bytes at offset i of the value write when they are
 * all digits and len <= 19 (so it cannot overflow), else NOT_DIGITS; 0
 * when len is 0. */
WALK_STEP uint64_t walk_digits(const cand_walk *w, size_t i, size_t len)
{
#ifdef CAND_SSE2
    if (len - 2 < 15) { /* 2-16 digits: eight at a time */
        const char *q = walk_window(w, i);
        if (len <= 8)
            return eight_digits(q, len);
        uint64_t hi = eight_digits(q, len - 8), lo = eight_digits(q + len - 8, 8);
        return hi == NOT_DIGITS || lo == NOT_DIGITS ? NOT_DIGITS : hi * 100000000u + lo;
    }
#endif
    if (len == 1) { /* component ids, generations: one digit, no loop */
        unsigned d = (unsigned)(unsigned char)w->p[i] - '0';
        return d < 10 ? d : NOT_DIGITS;
    }
    if (len > 19)
        return NOT_DIGITS;
    uint64_t x = 0;
    for (size_t k = 0; k < len; k++) {
        unsigned char c = (unsigned char)w->p[i + k];
        if (!sdpxi_is_digit(c))
            return NOT_DIGITS;
        x = x * 10 + (uint64_t)(c - '0');
    }
    return x;
}

/* Bit k set when byte i + k of the value (i < n) is a space, k below 16. */
WALK_STEP uint64_t chunk_spaces(const cand_walk *w, size_t i)
{
#ifdef CAND_SSE2
    const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)walk_window(w, i));
    return (unsigned)_mm_movemask_epi8(is_byte(x, ' '));
#else
    uint64_t bits = 0;
    for (unsigned k = 0; k < 16 && i + k < w->n; k++)
        bits |= (uint64_t)(w->p[i + k] == ' ') << k;
    return bits;
#endif
}

#ifdef CAND_SSE2
/* Bit k set when byte k of the 64 at q is a space. */
WALK_STEP uint64_t spaces64(const char *q)
{
    const __m128i sp = _mm_set1_epi8(' ');
#define SPACES16(j)                                                                          \
    ((uint64_t)(unsigned)_mm_movemask_epi8(                                                  \
         _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(q + (j))), sp))      \
     << (j))
    return SPACES16(0) | SPACES16(16) | SPACES16(32) | SPACES16(48);
#undef SPACES16
}
#endif

/* The spaces of the WALK_SPAN bytes from offset `base` (<= n) on, and the
 * end when it is among them (w is a copy: the walk's own position stays
 * in registers). */
static void walk_fill(cand_walk w, size_t base)
{
    size_t left = w.n - base;
    for (size_t k = 0; k < WALK_WORDS && 64 * k <= left; k++) {
        uint64_t sp = 0;
#ifdef CAND_SSE2
        if (64 * k + 64 <= left)
            sp = spaces64(w.p + base + 64 * k);
        else
#endif
            for (size_t j = 0; j < 64 && k * 64 + j < left; j += 16)
                sp |= chunk_spaces(&w, base + 64 * k + j) << j;
        w.b->spaces[k] = sp;
    }
    if (left < WALK_SPAN)
        w.b->spaces[left / 64] |= (uint64_t)1 << (left % 64);
}

/* A walk over v that keeps its bitmap and tail copy in *b. */
WALK_STEP void walk_start(cand_walk *w, cand_bytes *b, sdpx_str v)
{
    w->p = v.ptr;
    w->n = v.len;
    w->at = 0;
    w->b = b;
#ifdef CAND_SSE2
    size_t at = v.len >= 16 ? v.len - 16 : 0;
    memset(b->tail, 0, sizeof b->tail);
    if (v.len >= 16)
        memcpy(b->tail, v.ptr + at, 16);
    else if (v.len)
        memcpy(b->tail, v.ptr, v.len);
    w->direct = v.len >= 16 ? v.len - 15 : 0;
    /* an integer: the address is only formed for offsets inside tail */
    w->tail_base = (uintptr_t)b->tail - at;
#endif
    walk_fill(*w, 0);
    w->word = 0;
    w->word_base = 0;
    w->cur = b->spaces[0];
}

/* The cursor in the next word of spaces (the next WALK_SPAN bytes classed
 * when it leaves the bitmap). Only while the end is not taken. */
WALK_STEP void walk_next_word(cand_walk *w)
{
    w->word_base += 64;
    if (++w->word == WALK_WORDS) {
        walk_fill(*w, w->word_base);
        w->word = 0;
    }
    w->cur = w->b->spaces[w->word];
}

/* The offset of the next space (or of the end, the last one), taken;
 * only while at <= n. */
WALK_STEP size_t walk_pop(cand_walk *w)
{
    while (!w->cur)
        walk_next_word(w);
    size_t e = w->word_base + lowest_bit(w->cur);
    w->cur &= w->cur - 1;
    return e;
}

/* The next field as sdpx_field_next splits it (consumed with the space
 * after it); 0 when none is left. */
WALK_STEP int walk_next(cand_walk *w, sdpx_str *f)
{
    while (w->at <= w->n) {
        size_t start = w->at, e = walk_pop(w);
        w->at = e + 1;
        if (e > start) {
            *f = sdpxi_str(w->p + start, e - start);
            return 1;
        }
    }
    return 0;
}

/* 1 when the bytes of the field f of the walk are all in class cls. */
WALK_STEP int walk_all(const cand_walk *w, sdpx_str f, unsigned cls)
{
    size_t i = (size_t)(f.ptr - w->p), end = i + f.len;
    for (; end - i > 16; i += 16)
        if (walk_bits(w, i, cls) != 0xffffu)
            return 0;
    unsigned need = (1u << (end - i)) - 1;
    return (walk_bits(w, i, cls) & need) == need;
}

/* The next field, read as a decimal number: *v is its value when it is
 * all digits, at most 19 of them (else -1). 0 when no field is left. */
WALK_STEP int walk_number(cand_walk *w, sdpx_str *f, int64_t *v)
{
    if (!walk_next(w, f))
        return 0;
    uint64_t d = walk_digits(w, (size_t)(f->ptr - w->p), f->len);
    *v = d == NOT_DIGITS ? -1 : (int64_t)d;
    return 1;
}

/* A port field: what port_of accepts. */
WALK_STEP int walk_port(cand_walk *w, sdpx_str v, uint16_t *port, sdpxi_bad *bad, const char *what)
{
    sdpx_str f;
    int64_t n;
    if (!walk_number(w, &f, &n))
        return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, what, "is missing");
    if (n < 0 || n > 65535)
        return port_of(v, f, port, bad, what); /* the refusal, or 20+ zeros first */
    *port = (uint16_t)n;
    return 0;
}

/* What is_ip4 asks of the shape of a run of len digits and dots (len
 * < 16, the dots at the set bits of `dots`, the digits at those of
 * `digits`): four octets of 1-3 digits, so three dots, none first, last
 * or next to another, and no four digits in a row. */
WALK_STEP int quad_shape(unsigned dots, unsigned digits, size_t len)
{
    unsigned last = dots & (dots - 1);
    last &= last - 1;
    unsigned bad = (dots & 1u) | (dots >> (len - 1)) | (dots & (dots >> 1)) |
                   (digits & (digits >> 1) & (digits >> 2) & (digits >> 3));
    return last && !(last & (last - 1)) && !bad;
}

/* 1 when each octet of three digits of a dotted quad in shape at offset i
 * of the value, starting at the set bits of `threes`, is at most 255 (the
 * only octets that can be more): "255" or less, compared byte by byte. */
WALK_STEP int quad_octets_ok(const cand_walk *w, size_t i, unsigned threes)
{
#ifdef CAND_SSE2
    const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)walk_window(w, i));
    unsigned lt2 = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x, _mm_set1_epi8('2'))),
             is2 = (unsigned)_mm_movemask_epi8(is_byte(x, '2')),
             lt5 = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x, _mm_set1_epi8('5'))),
             is5 = (unsigned)_mm_movemask_epi8(is_byte(x, '5'));
    /* first below 2, or 2 then below 5, or 2, 5 then 5 or less */
    unsigned ok = lt2 | (is2 & ((lt5 >> 1) | ((is5 >> 1) & ((lt5 | is5) >> 2))));
    return (threes & ~ok) == 0;
#else
    for (; threes; threes &= threes - 1) {
        const char *q = w->p + i + lowest_bit(threes);
        if ((unsigned)(q[0] - '0') * 100 + (unsigned)(q[1] - '0') * 10 + (unsigned)(q[2] - '0') > 255)
            return 0;
    }
    return 1;
#endif
}

/* The next field as a connection address and its family; 0 when no field
 * is left. A dotted quad is told from the classes of its bytes, read once;
 * any other address goes to sdpx_address_family. */
WALK_STEP int walk_address(cand_walk *w, sdpx_str *f, int *family)
{
    if (!walk_next(w, f))
        return 0;
    if (f->len < 16) {
        size_t start = (size_t)(f->ptr - w->p);
        unsigned all = (1u << f->len) - 1, dots = walk_bits(w, start, CC_DOT) & all,
                 digits = walk_bits(w, start, CC_DIGIT) & all;
        if ((digits | dots) == all && quad_shape(dots, digits, f->len) &&
            quad_octets_ok(w, start, digits & (digits >> 1) & (digits >> 2))) {
            *family = SDPX_ADDR_IP4;
            return 1;
        }
    }
    *family = sdpx_address_family(*f);
    return 1;
}

/* What decode_u32 says of the field f of the walk: 1 when it reads as a
 * 32-bit number. */
WALK_STEP int walk_is_u32(const cand_walk *w, sdpx_str f)
{
    uint32_t u;
    if (f.len == 0 || f.len > 19) /* none, or room for leading zeros */
        return decode_u32(f, &u) == 0;
    return walk_digits(w, (size_t)(f.ptr - w->p), f.len) <= UINT32_MAX;
}

/* The candidate type f names (SDPX_CAND_OTHER for one not known): the
 * first letters differ, so one of them tells which name to compare. */
WALK_STEP sdpx_cand_type cand_type_of(sdpx_str f)
{
    switch (f.ptr[0]) {
    case 'h':
        return IS_WORD(f, "host") ? SDPX_CAND_HOST : SDPX_CAND_OTHER;
    case 's':
        return IS_WORD(f, "srflx") ? SDPX_CAND_SRFLX : SDPX_CAND_OTHER;
    case 'p':
        return IS_WORD(f, "prflx") ? SDPX_CAND_PRFLX : SDPX_CAND_OTHER;
    case 'r':
        return IS_WORD(f, "relay") ? SDPX_CAND_RELAY : SDPX_CAND_OTHER;
    default:
        return SDPX_CAND_OTHER;
    }
}

/* 1 when f is "udp" or "tcp", in either case: the transports of nearly
 * every candidate, tokens without a look at their classes. */
WALK_STEP int is_udp_tcp(sdpx_str f)
{
    if (f.len != 3)
        return 0;
    unsigned c0 = (unsigned char)f.ptr[0] | 0x20, c1 = (unsigned char)f.ptr[1] | 0x20,
             c2 = (unsigned char)f.ptr[2] | 0x20;
    return c2 == 'p' && ((c0 == 'u' && c1 == 'd') || (c0 == 't' && c1 == 'c'));
}

#ifdef CAND_SSE2
/* op(k) for the sixteen-byte pieces k of a candidate, spelled out: a loop
 * would become a string instruction again. */
#define CAND_PIECES(op) op(0) op(1) op(2) op(3) op(4) op(5) op(6) op(7) op(8) op(9)
_Static_assert(sizeof(sdpx_candidate) % 16 == 0 && sizeof(sdpx_candidate) <= 160,
               "CAND_PIECES: a candidate is at most ten pieces of sixteen bytes");
/* The address of piece k of the candidate at c (when it has one). */
#define CAND_PIECE(c, k) ((__m128i *)(void *)((char *)(c) + 16 * (k)))
#endif

/* A result with every field 0, and *out = *c: sixteen bytes a move (as
 * struct operations they are string instructions, four or eight bytes a
 * step). */
WALK_STEP void zero_candidate(sdpx_candidate *c)
{
#ifdef CAND_SSE2
#define ZERO_PIECE(k)                                                                        \
    if (16 * (k) < sizeof *c)                                                                \
        _mm_storeu_si128(CAND_PIECE(c, k), _mm_setzero_si128());
    CAND_PIECES(ZERO_PIECE)
#undef ZERO_PIECE
#else
    memset(c, 0, sizeof *c);
#endif
}

WALK_STEP void copy_candidate(sdpx_candidate *out, const sdpx_candidate *c)
{
#ifdef CAND_SSE2
#define COPY_PIECE(k)                                                                        \
    if (16 * (k) < sizeof *c)                                                                \
        _mm_storeu_si128(CAND_PIECE(out, k),                                                 \
                         _mm_loadu_si128((const __m128i *)(const void *)((const char *)c + 16 * (k))));
    CAND_PIECES(COPY_PIECE)
#undef COPY_PIECE
#else
    *out = *c;
#endif
}

/* RFC 8839 5.1: candidate-attribute = "candidate" ":" foundation SP
 * component-id SP transport SP priority SP connection-address SP port SP
 * cand-type [SP rel-addr] [SP rel-port] *(SP cand-extension) */
static int decode_candidate(sdpx_str v, sdpx_candidate *out, sdpxi_bad *bad)
{
    sdpx_candidate c;
    cand_bytes bytes;
    cand_walk w;
    sdpx_str f;
    int rc;
    int64_t n;
    zero_candidate(&c);
    walk_start(&w, &bytes, v);

    /* RFC 8839 5.1: foundation = 1*32ice-char */
    if (!walk_next(&w, &f))
        return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, "foundation", "is missing");
    if (f.len > 32 || !walk_all(&w, f, CC_ICE))
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "foundation", "is not 1-32 ice-chars");
    c.foundation = f;
    /* RFC 8839 5.1: component-id = 1*3DIGIT; RFC 8445 5.1.1: 1 to 256 */
    if (!walk_number(&w, &f, &n))
        return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, "component id", "is missing");
    if (n <= 0 || n > 256 || f.len > 3)
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "component id", "is not a number 1-256");
    c.component = (uint32_t)n;
    /* RFC 8839 5.1: transport = "UDP" / transport-extension (a token) */
    if (!walk_next(&w, &f))
        return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, "transport", "is missing");
    if (!is_udp_tcp(f) && !walk_all(&w, f, CC_TOKEN))
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "transport", "is not a token");
    c.transport = f;
    /* RFC 8839 5.1: priority = 1*10DIGIT, a 32-bit number (RFC 8445 5.1.2) */
    if (!walk_number(&w, &f, &n))
        return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, "priority", "is missing");
    if (n < 0 || n > UINT32_MAX || f.len > 10)
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "priority", "is not a 32-bit number");
    c.priority = (uint32_t)n;
    if (!walk_address(&w, &f, &rc))
        return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, "connection address", "is missing");
    if (rc < 0 && sdpxi_zone_id(f).len)
        rc = SDPX_ADDR_IP6; /* browsers write fe80::1%24 (SDPX_W_ZONE_ID) */
    if (rc < 0)
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "connection address",
                             "is not an IPv4, IPv6 or FQDN address");
    c.address = f;
    c.family = (sdpx_addr_family)rc;
    if ((rc = walk_port(&w, v, &c.port, bad, "port")))
        return rc;
    /* RFC 8839 5.1: cand-type = "typ" SP candidate-types */
    if (!walk_next(&w, &f))
        return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, "candidate", "has no \"typ\"");
    if (f.len != 3 || f.ptr[0] != 't' || f.ptr[1] != 'y' || f.ptr[2] != 'p')
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "field", "is not \"typ\"");
    if (!walk_next(&w, &f))
        return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, "candidate type", "is missing");
    c.type = cand_type_of(f);
    if (c.type == SDPX_CAND_OTHER && !walk_all(&w, f, CC_TOKEN)) /* a known name is one */
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "candidate type", "is not a token");
    c.type_name = f;
    /* RFC 8839 5.1: [SP rel-addr] [SP rel-port], then the extensions */
    int more = walk_next(&w, &f);
    if (more && IS_WORD(f, "raddr")) {
        if (!walk_address(&w, &f, &rc))
            return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, "related address", "is missing");
        if (rc < 0)
            return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "related address",
                                 "is not an IPv4, IPv6 or FQDN address");
        c.raddr = f;
        c.has_raddr = 1;
        more = walk_next(&w, &f);
    }
    if (more && IS_WORD(f, "rport")) {
        if ((rc = walk_port(&w, v, &c.rport, bad, "related port")))
            return rc;
        c.has_rport = 1;
        more = walk_next(&w, &f);
    }
    c.extensions = more ? sdpxi_str(f.ptr, (size_t)(w.p + w.n - f.ptr)) : end_of(v);
    /* The pairs as sdpx_candidate_ext_next splits them: exactly one SP
     * between name and value (RFC 8839 5.1: the value is *VCHAR and may
     * be empty), so the value is the run up to the next space. */
    for (; more; more = walk_next(&w, &f)) {
        sdpx_str name = f, val;
        if (w.at > w.n) {
            val = end_of(v);
        } else {
            size_t start = w.at, e = walk_pop(&w);
            w.at = e + 1;
            val = sdpxi_str(w.p + start, e - start);
        }
        int tcptype = 0, numeric = 0, known = 0;
        switch (name.len) { /* the known names, told apart by length first */
        case 5:
            known = IS_WORD(name, "ufrag");
            break;
        case 7:
            known = tcptype = IS_WORD(name, "tcptype");
            break;
        case 10: /* libwebrtc's numeric extensions: their readers need numbers */
            known = numeric = name.ptr[0] == 'g' ? IS_WORD(name, "generation")
                                                 : IS_WORD(name, "network-id");
            break;
        case 12:
            known = numeric = IS_WORD(name, "network-cost");
            break;
        }
        if (!known && !walk_all(&w, name, CC_TOKEN)) /* known names are tokens */
            return sdpxi_bad_set(bad, v, name, SDPX_EVALUE, "extension name", "is not a token");
        int valid = 0; /* the value is what its name asks, so all VCHARs */
        if (tcptype) {
            /* RFC 6544 4.5: tcp-type = "active" / "passive" / "so" */
            c.tcptype = SDPX_TCPTYPE_NONE;
            for (int i = 1; i < 4; i++)
                if (sdpx_str_eq(val, tcptypes[i]))
                    c.tcptype = (sdpx_tcptype)i;
            valid = c.tcptype != SDPX_TCPTYPE_NONE;
        } else if (numeric) {
            valid = walk_is_u32(&w, val);
        }
        if (!valid && !walk_all(&w, val, CC_VCHAR))
            return sdpxi_bad_set(bad, v, val, SDPX_EVALUE, "extension value",
                                 "has a non-visible character");
        if (!valid && tcptype)
            return sdpxi_bad_set(bad, v, val, SDPX_EVALUE, "tcptype",
                                 "is not active, passive or so");
        if (!valid && numeric)
            return sdpxi_bad_set(bad, v, val, SDPX_EVALUE, "extension value",
                                 "is not a 32-bit number");
    }
    copy_candidate(out, &c);
    return 0;
}

/* The zone id of an IPv6 link-local address with one (RFC 6874 2:
 * "fe80::1%eth0"; browsers write the interface index, "%24"), or an empty
 * view. The address part must be in fe80::/10. */
sdpx_str sdpxi_zone_id(sdpx_str a)
{
    const char *pct = a.len ? memchr(a.ptr, '%', a.len) : NULL;
    sdpx_str none = sdpxi_str(a.ptr, 0);
    if (!pct || pct + 1 == a.ptr + a.len)
        return none;
    size_t n = (size_t)(pct - a.ptr);
    /* the first group is four hex digits fe80-febf */
    if (n < 5 || !is_ip6(a.ptr, n) || a.ptr[4] != ':' || sdpxi_hexval((unsigned char)a.ptr[3]) < 0 ||
        sdpxi_hexval((unsigned char)a.ptr[0]) != 0xf || sdpxi_hexval((unsigned char)a.ptr[1]) != 0xe ||
        (sdpxi_hexval((unsigned char)a.ptr[2]) & 0xc) != 0x8)
        return none;
    sdpx_str zone = sdpxi_str(pct + 1, a.len - n - 1);
    /* ZoneID = 1*( unreserved / pct-encoded ) */
    for (size_t i = 0; i < zone.len; i++) {
        unsigned char c = (unsigned char)zone.ptr[i];
        if (!sdpxi_is_alnum(c) && c != '-' && c != '.' && c != '_' && c != '~')
            return none;
    }
    return zone;
}

/* Strict mode adds to the decoder what RFC 8839 5.1 says in prose: a
 * srflx, prflx or relay candidate carries raddr and rport, the two come
 * together, and an extension name is followed by SP and its value. An
 * address with a zone id decodes, but is no connection-address: a quirk
 * (SDPX_W_ZONE_ID) the lenient parse tolerates. */
int sdpxi_check_candidate(sdpx_str v, size_t *off, char *msg, size_t cap)
{
    sdpx_candidate c;
    sdpxi_bad b;
    if (decode_candidate(v, &c, &b))
        return sdpxi_bad_report(&b, v, off, msg, cap);
    int reflexive = c.type == SDPX_CAND_SRFLX || c.type == SDPX_CAND_PRFLX ||
                    c.type == SDPX_CAND_RELAY;
    if (c.has_raddr != c.has_rport || (reflexive && !c.has_raddr)) {
        sdpxi_bad_set(&b, v, c.has_raddr ? c.raddr : c.type_name, SDPX_EVALUE,
                      c.has_raddr ? "related address" : "candidate type",
                      c.has_raddr ? "needs rport with it"
                      : c.has_rport ? "has rport without raddr"
                                    : "needs raddr and rport (RFC 8839 5.1)");
        return sdpxi_bad_report(&b, v, off, msg, cap);
    }
    sdpx_str rest = c.extensions, name, val;
    while (sdpx_candidate_ext_next(&rest, &name, &val)) {
        if (val.len == 0 && val.ptr == name.ptr + name.len) {
            sdpxi_bad_set(&b, v, name, SDPX_EVALUE, "extension name", "has no value");
            return sdpxi_bad_report(&b, v, off, msg, cap);
        }
    }
    sdpx_str zone = sdpxi_zone_id(c.address);
    if (zone.len) {
        sdpxi_bad_set(&b, v, c.address, SDPX_EVALUE, "connection address",
                      "has a zone id (RFC 8839 5.1 allows none)");
        sdpxi_bad_report(&b, v, off, msg, cap);
        return SDPX_W_ZONE_ID;
    }
    return 0;
}

#if defined(__GNUC__)
#define CAND_COLD __attribute__((cold, noinline))
#else
#define CAND_COLD
#endif

/* SDPX_EVALUE for the candidate s (inside the string at p) that decoded
 * with the refusal *bad, reported in *err when there is one. Out of the
 * decoder's path: its message buffer is no cost of a candidate that
 * decodes. */
static CAND_COLD int candidate_failed(const char *p, sdpx_str s, const sdpxi_bad *bad,
                                      sdpx_error *err)
{
    if (err) {
        char msg[160];
        size_t off;
        sdpxi_bad_report(bad, s, &off, msg, sizeof msg);
        sdpxi_error_set(err, SDPX_EVALUE, 1, (unsigned)(s.ptr - p + (ptrdiff_t)off) + 1, "%s",
                        msg);
    }
    return SDPX_EVALUE;
}

int sdpx_candidate_parse_err(const char *p, size_t n, sdpx_candidate *out, sdpx_error *err)
{
    if ((!p && n) || !out)
        return SDPX_EINVAL;
    sdpx_str s = sdpxi_str(p, n);
    /* trickle strings may carry the line ending of the a= line they came from */
    while (s.len && (s.ptr[s.len - 1] == '\n' || s.ptr[s.len - 1] == '\r'))
        s.len--;
    if (s.len == 0 || IS_LIT(s, "a=end-of-candidates") || IS_LIT(s, "end-of-candidates"))
        return SDPX_CANDIDATE_END; /* the browser's end-of-candidates signal */
    if (s.len >= 2 && memcmp(s.ptr, "a=", 2) == 0) {
        s.ptr += 2;
        s.len -= 2;
    }
    if (s.len >= 10 && memcmp(s.ptr, "candidate:", 10) == 0) {
        s.ptr += 10;
        s.len -= 10;
    }
    sdpxi_bad bad;
    if (decode_candidate(s, out, &bad))
        return candidate_failed(p, s, &bad, err);
    return 0;
}

int sdpx_candidate_parse(const char *p, size_t n, sdpx_candidate *out)
{
    return sdpx_candidate_parse_err(p, n, out, NULL);
}

int sdpx_candidate_write(const sdpx_candidate *c, char *buf, size_t cap)
{
    if (!c)
        return SDPX_EINVAL;
    sdpxi_out o = SDPXI_OUT(buf, cap);
    const char *tname = sdpx_cand_type_name(c->type);
    /* refuse what decode_candidate would not read back (RFC 8839 5.1 grammar) */
    int bad = !c->foundation.len || c->foundation.len > 32 || !all_ice_chars(c->foundation) ||
              c->component == 0 || c->component > 256 || !sdpxi_is_token(c->transport) ||
              (sdpx_address_family(c->address) < 0 && !sdpxi_zone_id(c->address).len) ||
              (c->type_name.len ? !sdpxi_is_token(c->type_name) : !tname) ||
              (c->has_raddr && sdpx_address_family(c->raddr) < 0) ||
              !sdpxi_line_safe(c->raddr) || !sdpxi_line_safe(c->extensions);
    sdpxi_out_str(&o, c->foundation);
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_u64(&o, c->component);
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_str(&o, c->transport);
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_u64(&o, c->priority);
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_str(&o, c->address);
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_u64(&o, c->port);
    sdpxi_out_cstr(&o, " typ ");
    if (c->type_name.len || !tname)
        sdpxi_out_str(&o, c->type_name);
    else
        sdpxi_out_cstr(&o, tname);
    if (c->has_raddr) {
        sdpxi_out_cstr(&o, " raddr ");
        sdpxi_out_str(&o, c->raddr);
    }
    if (c->has_rport) {
        sdpxi_out_cstr(&o, " rport ");
        sdpxi_out_u64(&o, c->rport);
    }
    sdpx_str tt;
    if (c->tcptype != SDPX_TCPTYPE_NONE && sdpx_tcptype_name(c->tcptype) &&
        sdpx_candidate_ext(c, "tcptype", &tt) != 0) {
        sdpxi_out_cstr(&o, " tcptype ");
        sdpxi_out_cstr(&o, sdpx_tcptype_name(c->tcptype));
    }
    if (c->extensions.len) {
        sdpxi_out_cstr(&o, " ");
        sdpxi_out_str(&o, c->extensions);
    }
    return sdpxi_out_done(&o, bad);
}

int sdpx_candidate_ext(const sdpx_candidate *c, const char *name, sdpx_str *value)
{
    if (!c || !name || !value)
        return SDPX_EINVAL;
    sdpx_str rest = c->extensions, n, v;
    while (sdpx_candidate_ext_next(&rest, &n, &v))
        if (sdpx_str_eq(n, name)) {
            *value = v;
            return 0;
        }
    return SDPX_ENOTFOUND;
}

static int ext_u32(const sdpx_candidate *c, const char *name, uint32_t *out)
{
    sdpx_str v;
    int rc = sdpx_candidate_ext(c, name, &v);
    if (rc)
        return rc;
    return decode_u32(v, out);
}

int sdpx_candidate_generation(const sdpx_candidate *c, uint32_t *out)
{
    if (!c || !out)
        return SDPX_EINVAL;
    return ext_u32(c, "generation", out);
}

int sdpx_candidate_network_id(const sdpx_candidate *c, uint32_t *out)
{
    if (!c || !out)
        return SDPX_EINVAL;
    return ext_u32(c, "network-id", out);
}

int sdpx_candidate_network_cost(const sdpx_candidate *c, uint32_t *out)
{
    if (!c || !out)
        return SDPX_EINVAL;
    return ext_u32(c, "network-cost", out);
}

int sdpx_candidate_ufrag(const sdpx_candidate *c, sdpx_str *out)
{
    if (!c || !out)
        return SDPX_EINVAL;
    return sdpx_candidate_ext(c, "ufrag", out);
}

/* ---- credentials, options, pacing ------------------------------------ */

/* RFC 8839 5.4: ice-ufrag = 4*256ice-char, ice-pwd = 22*256ice-char */
SDPXI_HOT int decode_cred(sdpx_str v, sdpx_str *out, sdpxi_bad *bad, size_t min, const char *what)
{
    size_t i = sdpxi_span_class(v, SDPXI_CC_ICE);
    if (i < v.len)
        return sdpxi_bad_set(bad, v, sdpxi_str(v.ptr + i, 1), SDPX_EVALUE, "character",
                             "is not an ice-char (ALPHA / DIGIT / + / /)");
    if (v.len < min || v.len > 256)
        return sdpxi_bad_set(bad, v, v, SDPX_EVALUE, what,
                             min == 4 ? "is not 4-256 characters long"
                                      : "is not 22-256 characters long");
    *out = v;
    return 0;
}

SDPXI_HOT int decode_ufrag(sdpx_str v, sdpx_str *out, sdpxi_bad *bad)
{
    return decode_cred(v, out, bad, 4, "ice-ufrag");
}

SDPXI_HOT int decode_pwd(sdpx_str v, sdpx_str *out, sdpxi_bad *bad)
{
    return decode_cred(v, out, bad, 22, "ice-pwd");
}

SDPXI_DEFINE_CHECK(ice_ufrag, sdpx_str, decode_ufrag)
SDPXI_DEFINE_CHECK(ice_pwd, sdpx_str, decode_pwd)

int sdpx_ice_ufrag_parse(sdpx_str value, sdpx_str *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_ufrag(value, out, NULL);
}

int sdpx_ice_pwd_parse(sdpx_str value, sdpx_str *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_pwd(value, out, NULL);
}

int sdpx_ice_options_next(sdpx_str *rest, sdpx_str *tag)
{
    if (!rest || !tag)
        return SDPX_EINVAL;
    if (!sdpx_field_next(rest, tag))
        return 0;
    /* RFC 8839 5.6 says 1*ice-char, but Chrome long sent "google-ice":
     * any token is accepted */
    return sdpxi_is_token(*tag) ? 1 : SDPX_EVALUE;
}

int sdpx_ice_options_has(sdpx_str value, const char *tag)
{
    if (!tag)
        return 0;
    sdpx_str t;
    while (sdpx_ice_options_next(&value, &t) == 1)
        if (sdpx_str_eq(t, tag))
            return 1;
    return 0;
}

static int decode_ice_options(sdpx_str v, sdpx_str *out, sdpxi_bad *bad)
{
    sdpx_str rest = v, t;
    int rc, n = 0;
    while ((rc = sdpx_ice_options_next(&rest, &t)) == 1)
        n++;
    if (rc < 0)
        return sdpxi_bad_set(bad, v, t, SDPX_EVALUE, "ice option", "is not a token");
    if (n == 0)
        return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, "ice option", "is missing");
    *out = v;
    return 0;
}

SDPXI_DEFINE_CHECK(ice_options, sdpx_str, decode_ice_options)

static int remote_next(sdpx_str v, sdpx_str *rest, sdpx_remote_candidate *out, sdpxi_bad *bad)
{
    sdpx_remote_candidate r;
    sdpx_str f;
    uint64_t n;
    int rc;
    if (!sdpx_field_next(rest, &f))
        return 0;
    /* RFC 8839 5.2: remote-candidate = component-ID SP connection-address SP port */
    if (sdpxi_parse_uint(f, 256, &n) || n == 0 || f.len > 3)
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "component id", "is not a number 1-256");
    r.component = (uint32_t)n;
    if ((rc = sdpxi_need_field(v, rest, &f, "remote address", bad)))
        return rc;
    rc = sdpx_address_family(f);
    if (rc < 0)
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "remote address",
                             "is not an IPv4, IPv6 or FQDN address");
    r.address = f;
    r.family = (sdpx_addr_family)rc;
    if ((rc = sdpxi_need_field(v, rest, &f, "remote port", bad)))
        return rc;
    if ((rc = port_of(v, f, &r.port, bad, "remote port")))
        return rc;
    *out = r;
    return 1;
}

int sdpx_remote_candidate_next(sdpx_str *rest, sdpx_remote_candidate *out)
{
    if (!rest || !out)
        return SDPX_EINVAL;
    int rc = remote_next(*rest, rest, out, NULL);
    return rc < 0 ? SDPX_EVALUE : rc;
}

static int decode_remote(sdpx_str v, sdpx_remote_candidate *out, sdpxi_bad *bad)
{
    sdpx_str rest = v;
    int rc, n = 0;
    while ((rc = remote_next(v, &rest, out, bad)) == 1)
        n++;
    if (rc < 0)
        return rc;
    if (n == 0)
        return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, "remote candidate", "is missing");
    return 0;
}

SDPXI_DEFINE_CHECK(remote_candidates, sdpx_remote_candidate, decode_remote)

int sdpx_remote_candidate_write(const sdpx_remote_candidate *rc, char *buf, size_t cap)
{
    if (!rc)
        return SDPX_EINVAL;
    sdpxi_out o = SDPXI_OUT(buf, cap);
    sdpxi_out_u64(&o, rc->component);
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_str(&o, rc->address);
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_u64(&o, rc->port);
    /* RFC 8839 5.2: component-ID 1-256, then a connection address */
    return sdpxi_out_done(&o, rc->component == 0 || rc->component > 256 ||
                                  sdpx_address_family(rc->address) < 0);
}

/* RFC 8839 5.7: pacing-value = 1*10DIGIT (milliseconds) */
static int decode_pacing(sdpx_str v, uint32_t *ms, sdpxi_bad *bad)
{
    if (v.len > 10 || decode_u32(v, ms))
        return sdpxi_bad_set(bad, v, v, SDPX_EVALUE, "ice-pacing",
                             "is not a number of milliseconds");
    return 0;
}

SDPXI_DEFINE_CHECK(ice_pacing, uint32_t, decode_pacing)

int sdpx_ice_pacing_parse(sdpx_str value, uint32_t *ms)
{
    if (!ms)
        return SDPX_EINVAL;
    return decode_pacing(value, ms, NULL);
}

/* ---- scoped accessors ------------------------------------------------- */
