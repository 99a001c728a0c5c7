/* JavaScript's conversions between numbers and strings, as sdp-transform
 * relies on them: toIntIfInt (String(Number(v)) === v), Number(string) for
 * %d, and Number::toString (ECMA-262 6.1.6.1.20) for every number written.
 * No result depends on the locale: strtod never sees a decimal point, and
 * the digits of printf's %e are read whatever its decimal point is. */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* strtod of a decimal literal ([-]digits[.digits][e[+-]digits], syntax
 * already checked) that does not depend on the locale: the digits are
 * handed over as an integer mantissa with an exponent ("1.5" as "15e-1"),
 * so no decimal point is ever parsed. strtod rounds correctly. */
static double decimal_to_double(const char *s, size_t n)
{
    char small[64];
    char *buf = n + 24 <= sizeof small ? small : malloc(n + 24);
    if (!buf)
        return NAN;
    size_t at = 0, i = 0;
    long exp = 0;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        buf[at++] = s[i++];
    int frac = 0;
    for (; i < n && s[i] != 'e' && s[i] != 'E'; i++) {
        if (s[i] == '.')
            frac = 1;
        else {
            buf[at++] = s[i];
            exp -= frac;
        }
    }
    if (i < n) {
        long e = 0;
        int neg = 0;
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            neg = s[i++] == '-';
        for (; i < n; i++)
            if (e < 1000000)
                e = e * 10 + (s[i] - '0');
        exp += neg ? -e : e;
    }
    snprintf(buf + at, 24, "e%ld", exp);
    double v = strtod(buf, NULL);
    if (buf != small)
        free(buf);
    return v;
}

size_t sdpxi_js_number_text(double x, char *buf)
{
    if (x != x)
        return (size_t)sprintf(buf, "NaN");
    if (x == 0)
        return (size_t)sprintf(buf, "0");
    size_t at = 0;
    if (x < 0) {
        buf[at++] = '-';
        x = -x;
    }
    if (isinf(x))
        return at + (size_t)sprintf(buf + at, "Infinity");
    /* the shortest digits that read back as x (printf rounds correctly, so
     * the first k that round-trips gives the nearest k-digit string) */
    char tmp[40];
    int k;
    for (k = 1; k <= 17; k++) {
        snprintf(tmp, sizeof tmp, "%.*e", k - 1, x);
        if (strtod(tmp, NULL) == x)
            break;
    }
    char digits[20];
    int nd = 0;
    const char *q = tmp;
    for (; *q && *q != 'e'; q++)
        if (is_digit((unsigned char)*q))
            digits[nd++] = *q;
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    int e = atoi(q + 1) + 1; /* x = 0.d1d2... * 10^e */
    if (nd <= e && e <= 21) {
        memcpy(buf + at, digits, (size_t)nd);
        at += (size_t)nd;
        for (int i = nd; i < e; i++)
            buf[at++] = '0';
    } else if (0 < e && e <= 21) {
        memcpy(buf + at, digits, (size_t)e);
        at += (size_t)e;
        buf[at++] = '.';
        memcpy(buf + at, digits + e, (size_t)(nd - e));
        at += (size_t)(nd - e);
    } else if (-6 < e && e <= 0) {
        buf[at++] = '0';
        buf[at++] = '.';
        for (int i = 0; i < -e; i++)
            buf[at++] = '0';
        memcpy(buf + at, digits, (size_t)nd);
        at += (size_t)nd;
    } else {
        buf[at++] = digits[0];
        if (nd > 1) {
            buf[at++] = '.';
            memcpy(buf + at, digits + 1, (size_t)(nd - 1));
            at += (size_t)(nd - 1);
        }
        at += (size_t)sprintf(buf + at, "e%c%d", e - 1 < 0 ? '-' : '+', abs(e - 1));
    }
    buf[at] = '\0';
    return at;
}

int sdpxi_js_canonical_number(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    /* fast path: plain integers, the common case */
    size_t i = s[0] == '-' ? 1 : 0;
    size_t d = i;
    while (d < n && is_digit((unsigned char)s[d]))
        d++;
    if (d == n && d > i) {
        if (s[i] == '0')
            return d - i == 1 && i == 0; /* "0"; not "-0", "007" */
        if (d - i > 21)
            return 0; /* JavaScript writes 1e+21 and up with an exponent */
        size_t sig = d;
        while (s[sig - 1] == '0')
            sig--;
        sig -= i;
        /* up to 15 significant digits a double keeps exactly (DBL_DIG), so
         * they are the shortest text of the number; past 17 they never are */
        if (sig <= 15)
            return 1;
        if (sig > 17)
            return 0;
    }
    if ((n == 3 && !memcmp(s, "NaN", 3)) || (n == 8 && !memcmp(s, "Infinity", 8)) ||
        (n == 9 && !memcmp(s, "-Infinity", 9)))
        return 1;
    if (n > 32)
        return 0;
    /* the syntax JavaScript writes: -?(0|[1-9]d*)(.d*[1-9])?(e[+-][1-9]d*)?
     * (anything else is not canonical; what passes is checked exactly) */
    size_t j = i;
    if (j >= n || !is_digit((unsigned char)s[j]) || (s[j] == '0' && j + 1 < n && is_digit((unsigned char)s[j + 1])))
        return 0;
    while (j < n && is_digit((unsigned char)s[j]))
        j++;
    if (j < n && s[j] == '.') {
        size_t f = ++j;
        while (j < n && is_digit((unsigned char)s[j]))
            j++;
        if (j == f || s[j - 1] == '0')
            return 0;
    }
    if (j < n && s[j] == 'e') {
        if (++j >= n || (s[j] != '+' && s[j] != '-') || ++j >= n || s[j] < '1' || s[j] > '9')
            return 0;
        while (j < n && is_digit((unsigned char)s[j]))
            j++;
    }
    if (j != n)
        return 0;
    char out[40];
    double x = decimal_to_double(s, n);
    size_t m = sdpxi_js_number_text(x, out);
    return m == n && !memcmp(out, s, n);
}

static size_t js_ws(const unsigned char *p, const unsigned char *e)
{
    /* StrWhiteSpaceChar: WhiteSpace and LineTerminator */
    if (p >= e)
        return 0;
    if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
        return 1;
    if (e - p >= 2 && p[0] == 0xc2 && p[1] == 0xa0)
        return 2;
    if (e - p >= 3) {
        if (p[0] == 0xe1 && p[1] == 0x9a && p[2] == 0x80)
            return 3;
        if (p[0] == 0xe2 && p[1] == 0x80 &&
            ((p[2] >= 0x80 && p[2] <= 0x8a) || p[2] == 0xa8 || p[2] == 0xa9 || p[2] == 0xaf))
            return 3;
        if (p[0] == 0xe2 && p[1] == 0x81 && p[2] == 0x9f)
            return 3;
        if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80)
            return 3;
        if (p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
            return 3;
    }
    return 0;
}

double sdpxi_js_string_to_number(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    size_t k;
    while ((k = js_ws(p, e)) != 0)
        p += k;
    /* trailing white space: scan forward, remember where the last run began */
    const unsigned char *end = p, *q = p;
    while (q < e) {
        if ((k = js_ws(q, e)) != 0)
            q += k;
        else
            end = ++q;
    }
    size_t len = (size_t)(end - p);
    if (len == 0)
        return 0;
    if (len >= 3 && p[0] == '0' && (p[1] | 0x20) != 0 && strchr("xob", p[1] | 0x20)) {
        int base = (p[1] | 0x20) == 'x' ? 16 : (p[1] | 0x20) == 'o' ? 8 : 2;
        double v = 0;
        for (size_t i = 2; i < len; i++) {
            int c = p[i], dv = is_digit((unsigned char)c) ? c - '0'
                               : ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') ? (c | 0x20) - 'a' + 10
                                                                         : 99;
            if (dv >= base)
                return NAN;
            v = v * base + dv;
        }
        return v;
    }
    size_t i = 0;
    int neg = 0;
    if (p[0] == '+' || p[0] == '-') {
        neg = p[0] == '-';
        i = 1;
    }
    if (len - i == 8 && !memcmp(p + i, "Infinity", 8))
        return neg ? -INFINITY : INFINITY;
    /* StrDecimalLiteral: digits [. digits] | . digits, then [e[+-]digits] */
    size_t a = i, intd = 0, fracd = 0;
    while (i < len && is_digit(p[i]))
        i++, intd++;
    if (i < len && p[i] == '.') {
        i++;
        while (i < len && is_digit(p[i]))
            i++, fracd++;
    }
    if (intd + fracd == 0)
        return NAN;
    if (i < len && (p[i] | 0x20) == 'e') {
        size_t j = i + 1;
        if (j < len && (p[j] == '+' || p[j] == '-'))
            j++;
        size_t ed = j;
        while (j < len && is_digit(p[j]))
            j++;
        if (j == ed)
            return NAN;
        i = j;
    }
    if (i != len)
        return NAN;
    double v = decimal_to_double((const char *)p + a, len - a);
    return neg ? -v : v;
}
