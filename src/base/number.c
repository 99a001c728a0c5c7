/* Views and numbers: checked conversions, never strtol, never clamping. */
#include "base.h"

int sdpx_str_eq(sdpx_str s, const char *cstr)
{
    if (!cstr)
        return 0;
    size_t n = strlen(cstr);
    return s.len == n && (n == 0 || memcmp(s.ptr, cstr, n) == 0);
}


int sdpx_str_ieq(sdpx_str s, const char *cstr)
{
    if (!cstr)
        return 0;
    size_t n = strlen(cstr);
    if (s.len != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (sdpxi_lower((unsigned char)s.ptr[i]) != sdpxi_lower((unsigned char)cstr[i]))
            return 0;
    return 1;
}

int sdpx_str_u64(sdpx_str s, uint64_t *out)
{
    if (!out)
        return SDPX_EINVAL;
    return sdpxi_uint(s, UINT64_MAX, out);
}

int sdpxi_parse_uint(sdpx_str s, uint64_t max, uint64_t *out)
{
    if (s.len == 0)
        return SDPX_EFIELD;
    uint64_t v = 0;
    int overflow = 0;
    for (size_t i = 0; i < s.len; i++) {
        unsigned d = (unsigned)(unsigned char)s.ptr[i] - '0';
        if (d > 9)
            return SDPX_EFIELD;
        if (v > (UINT64_MAX - d) / 10)
            overflow = 1; /* keep scanning: a later non-digit is the better answer */
        else
            v = v * 10 + d;
    }
    if (overflow)
        return SDPX_EOVERFLOW;
    if (v > max)
        return SDPX_ERANGE;
    if (out)
        *out = v;
    return 0;
}

const char *sdpx_version(void)
{
    return SDPX_VERSION_STRING;
}
