/* The line scan shared by the tokenizer and the parser. Not installed. */
#ifndef SDPX_SCAN_H
#define SDPX_SCAN_H

#include <stddef.h>
#include <stdint.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

/*
 * Offset of the first LF, CR or NUL in p[0..n), or n: one pass finds the
 * line's end and proves it clean. When `colon` is not NULL the same pass
 * also sets *colon to the offset of the first ':' before that end (the end
 * when there is none), which is where an a= line's name stops. Reads only
 * inside p[0..n).
 */
static inline size_t sdpxi_scan_line(const char *p, size_t n, size_t *colon)
{
    size_t i = 0, col = SIZE_MAX;
#if defined(__SSE2__) && defined(__GNUC__)
    const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'), nul = _mm_setzero_si128();
    const __m128i co = _mm_set1_epi8(':');
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)),
                                   _mm_cmpeq_epi8(v, nul));
        unsigned bits = (unsigned)_mm_movemask_epi8(hit);
        if (colon && col == SIZE_MAX) {
            unsigned cb = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, co));
            if (bits)
                cb &= (bits & (0u - bits)) - 1u; /* only colons before the end */
            if (cb)
                col = i + (size_t)__builtin_ctz(cb);
        }
        if (bits) {
            size_t end = i + (size_t)__builtin_ctz(bits);
            if (colon)
                *colon = col == SIZE_MAX ? end : col;
            return end;
        }
    }
#endif
    for (; i < n; i++) {
        char c = p[i];
        if (c == '\n' || c == '\r' || c == '\0')
            break;
        if (c == ':' && col == SIZE_MAX)
            col = i;
    }
    if (colon)
        *colon = col == SIZE_MAX ? i : col;
    return i;
}

#endif
