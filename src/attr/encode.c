/* snprintf-style output shared by the attribute encoders: writes what fits,
 * counts everything, so a caller can size a buffer with cap 0. */
#include "internal.h"

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
