/* Shared by the attribute decoders and encoders: snprintf-style output that
 * writes what fits and counts everything (so a caller can size a buffer with
 * cap 0), and the field helpers every decoder uses. */
#include "attr.h"

/* Decoders below fail through this: record the token and reason, return SDPX_EVALUE. */
#define BAD(tok, what, why) sdpxi_bad_set(bad, value, (tok), SDPX_EVALUE, (what), (why))

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

/* RFC 3551 / RFC 8866 6.6: an RTP payload type is 0-127. */
int sdpxi_payload_type(sdpx_str value, sdpx_str tok, unsigned *pt, sdpxi_bad *bad)
{
    uint64_t v;
    int rc = sdpxi_parse_uint(tok, 127, &v);
    if (rc == SDPX_EFIELD)
        return BAD(tok, "payload type", "is not a number");
    if (rc)
        return BAD(tok, "payload type", "is over 127");
    *pt = (unsigned)v;
    return 0;
}

int sdpxi_need_field(sdpx_str value, sdpx_str *rest, sdpx_str *f, const char *what,
                     sdpxi_bad *bad)
{
    if (sdpx_field_next(rest, f))
        return 0;
    return BAD(sdpxi_str(value.ptr + value.len, 0), what, "is missing");
}

sdpx_str sdpxi_trim(sdpx_str s)
{
    while (s.len && (s.ptr[0] == ' ' || s.ptr[0] == '\t')) {
        s.ptr++;
        s.len--;
    }
    while (s.len && (s.ptr[s.len - 1] == ' ' || s.ptr[s.len - 1] == '\t'))
        s.len--;
    return s;
}

int sdpxi_is_token(sdpx_str s)
{
    if (!s.len)
        return 0;
    for (size_t i = 0; i < s.len; i++)
        if (!sdpxi_is_token_char((unsigned char)s.ptr[i]))
            return 0;
    return 1;
}
