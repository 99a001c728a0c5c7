/* Shared by the attribute decoders and encoders: snprintf-style output that
 * writes what fits and counts everything (so a caller can size a buffer with
 * cap 0), and the field helpers every decoder uses. */
#include "attr.h"

void sdpxi_out_mem(sdpxi_out *o, const char *p, size_t n)
{
    if (o->len < o->cap) {
        size_t room = o->cap - o->len;
        memcpy(o->buf + o->len, p, n < room ? n : room);
    }
    o->len += n;
}

void sdpxi_out_cstr(sdpxi_out *o, const char *s)
{
    sdpxi_out_mem(o, s, strlen(s));
}

void sdpxi_out_str(sdpxi_out *o, sdpx_str s)
{
    if (s.len)
        sdpxi_out_mem(o, s.ptr, s.len);
}

void sdpxi_out_u64(sdpxi_out *o, uint64_t v)
{
    char d[20];
    size_t n = 0;
    do {
        d[sizeof d - 1 - n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    sdpxi_out_mem(o, d + sizeof d - n, n);
}

size_t sdpxi_out_end(sdpxi_out *o)
{
    if (o->cap)
        o->buf[o->len < o->cap ? o->len : o->cap - 1] = '\0';
    return o->len;
}

/* ---- shared by the decoders ------------------------------------------- */

#define CC_IS_FB_ID(c)                                                                   \
    (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z') || ((c) >= '0' && (c) <= '9') || \
     (c) == '-' || (c) == '_')
#define CC(c)                                                                            \
    (uint8_t)((SDPXI_CC_IS_TOKEN(c) ? SDPXI_CC_TOKEN : 0) |                              \
              (SDPXI_CC_IS_ICE(c) ? SDPXI_CC_ICE : 0) |                                  \
              (CC_IS_FB_ID(c) ? SDPXI_CC_FB_ID : 0))
#define CC4(c) CC(c), CC((c) + 1), CC((c) + 2), CC((c) + 3)
#define CC16(c) CC4(c), CC4((c) + 4), CC4((c) + 8), CC4((c) + 12)
const uint8_t sdpxi_char_class[256] = {
    CC16(0x00), CC16(0x10), CC16(0x20), CC16(0x30), CC16(0x40), CC16(0x50), CC16(0x60),
    CC16(0x70), /* bytes from 0x80 are in no class */
};

int sdpxi_line_safe(sdpx_str s)
{
    for (size_t i = 0; i < s.len; i++)
        if (s.ptr[i] == '\r' || s.ptr[i] == '\n' || s.ptr[i] == '\0')
            return 0;
    return 1;
}

int sdpxi_out_done(sdpxi_out *o, int bad)
{
    size_t n = sdpxi_out_end(o);
    if (!bad && n <= INT32_MAX)
        return (int)n;
    if (o->cap)
        o->buf[0] = '\0'; /* a refused text is not left for the caller to use */
    return SDPX_EINVAL;
}
