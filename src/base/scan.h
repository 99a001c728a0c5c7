/* The line scan shared by the tokenizer and the parser. Not installed. */
#ifndef SDPX_SCAN_H
#define SDPX_SCAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>

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
