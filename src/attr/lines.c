/* Decoders for the RFC 8866 line values: o= c= b= t= r= z= k= m=.
 * Pure functions from a value view to a struct of views; no allocation. */
#include "attr.h"

/* RFC 8866 5.2: o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address> */
int sdpx_origin_parse(sdpx_str value, sdpx_origin *out)
{
    if (!out)
        return SDPX_EINVAL;
    sdpx_str rest = value;
    sdpx_origin o;
    if (!sdpx_field_next(&rest, &o.username) || !sdpx_field_next(&rest, &o.sess_id) ||
        !sdpx_field_next(&rest, &o.sess_version) || !sdpx_field_next(&rest, &o.nettype) ||
        !sdpx_field_next(&rest, &o.addrtype) || !sdpx_field_next(&rest, &o.address))
        return SDPX_EFIELD;
    *out = o;
    return 0;
}

/* Split "<base>/<n>" off the end of a view: returns 1 and the number's view. */
static int split_slash(sdpx_str *s, sdpx_str *num)
{
    const char *end = s->ptr + s->len;
    for (const char *p = end; p > s->ptr; p--) {
        if (p[-1] == '/') {
            *num = sdpxi_str(p, (size_t)(end - p));
            s->len = (size_t)(p - 1 - s->ptr);
            return 1;
        }
    }
    return 0;
}

/* RFC 8866 5.7: c=<nettype> <addrtype> <connection-address>, where an IP4
 * multicast address carries /<ttl>[/<number of addresses>] and an IP6 one
 * /<number of addresses>. */
int sdpx_connection_parse(sdpx_str value, sdpx_connection *out)
{
    if (!out)
        return SDPX_EINVAL;
    sdpx_str rest = value;
    sdpx_connection c;
    memset(&c, 0, sizeof c);
    c.count = 1;
    if (!sdpx_field_next(&rest, &c.nettype) || !sdpx_field_next(&rest, &c.addrtype) ||
        !sdpx_field_next(&rest, &c.address))
        return SDPX_EFIELD;
    sdpx_str extra;
    if (sdpx_field_next(&rest, &extra))
        return SDPX_EFIELD;
    sdpx_str a = c.address, n1, n2;
    uint64_t v;
    if (split_slash(&a, &n2)) {
        int ip6 = sdpx_str_eq(c.addrtype, "IP6");
        if (split_slash(&a, &n1)) {
            /* base/ttl/count: only IP4 has a TTL */
            if (ip6 || sdpxi_parse_uint(n1, 255, &v))
                return SDPX_EFIELD;
            c.ttl = (unsigned)v;
            c.has_ttl = 1;
            if (sdpxi_parse_uint(n2, UINT32_MAX, &v) || v == 0)
                return SDPX_EFIELD;
            c.count = (unsigned)v;
            c.has_count = 1;
        } else if (ip6) {
            if (sdpxi_parse_uint(n2, UINT32_MAX, &v) || v == 0)
                return SDPX_EFIELD;
            c.count = (unsigned)v;
            c.has_count = 1;
        } else {
            if (sdpxi_parse_uint(n2, 255, &v))
                return SDPX_EFIELD;
            c.ttl = (unsigned)v;
            c.has_ttl = 1;
        }
        if (a.len == 0)
            return SDPX_EFIELD;
        c.address = a;
    }
    *out = c;
    return 0;
}

/* RFC 8866 5.8: b=<bwtype>:<bandwidth> */
int sdpx_bandwidth_parse(sdpx_str value, sdpx_bandwidth *out)
{
    if (!out)
        return SDPX_EINVAL;
    const char *colon = value.len ? memchr(value.ptr, ':', value.len) : NULL;
    if (!colon || colon == value.ptr)
        return SDPX_EFIELD;
    sdpx_bandwidth b;
    b.type = sdpxi_str(value.ptr, (size_t)(colon - value.ptr));
    b.value = sdpxi_str(colon + 1, value.len - b.type.len - 1);
    int rc = sdpxi_parse_uint(b.value, UINT64_MAX, &b.number);
    if (rc)
        return rc;
    *out = b;
    return 0;
}

/* RFC 8866 5.9: t=<start-time> <stop-time> */
int sdpx_timing_parse(sdpx_str value, sdpx_timing *out)
{
    if (!out)
        return SDPX_EINVAL;
    sdpx_str rest = value, extra;
    sdpx_timing t;
    if (!sdpx_field_next(&rest, &t.start) || !sdpx_field_next(&rest, &t.stop))
        return SDPX_EFIELD;
    if (sdpx_field_next(&rest, &extra))
        return SDPX_EFIELD;
    int rc = sdpx_str_u64(t.start, &t.start_time);
    if (!rc)
        rc = sdpx_str_u64(t.stop, &t.stop_time);
    if (rc)
        return rc;
    *out = t;
    return 0;
}

/* RFC 8866 5.10: typed-time = 1*DIGIT [fixed-len-time-unit], units d h m s;
 * z= offsets may be negative. */
int sdpx_typed_time_parse(sdpx_str text, int64_t *seconds)
{
    if (!seconds)
        return SDPX_EINVAL;
    int neg = 0;
    int64_t mul = 1;
    if (text.len && text.ptr[0] == '-') {
        neg = 1;
        text.ptr++;
        text.len--;
    }
    if (text.len) {
        switch (text.ptr[text.len - 1]) {
        case 'd': mul = 86400; break;
        case 'h': mul = 3600; break;
        case 'm': mul = 60; break;
        case 's': mul = 1; break;
        default: mul = 0; break;
        }
        if (mul)
            text.len--;
        else
            mul = 1;
    }
    uint64_t v;
    int rc = sdpxi_parse_uint(text, (uint64_t)INT64_MAX / (uint64_t)mul, &v);
    if (rc)
        return rc == SDPX_ERANGE ? SDPX_EOVERFLOW : rc;
    *seconds = neg ? -(int64_t)v * mul : (int64_t)v * mul;
    return 0;
}

/* RFC 8866 5.10: r=<repeat interval> <active duration> <offsets from start-time> */
int sdpx_repeat_parse(sdpx_str value, sdpx_repeat *out)
{
    if (!out)
        return SDPX_EINVAL;
    sdpx_str rest = value, f;
    sdpx_repeat r;
    int64_t off;
    if (!sdpx_field_next(&rest, &f) || sdpx_typed_time_parse(f, &r.interval) || r.interval < 0)
        return SDPX_EFIELD;
    if (!sdpx_field_next(&rest, &f) || sdpx_typed_time_parse(f, &r.duration) || r.duration < 0)
        return SDPX_EFIELD;
    r.offsets = rest;
    int n = 0;
    while (sdpx_field_next(&rest, &f)) {
        if (sdpx_typed_time_parse(f, &off) || off < 0)
            return SDPX_EFIELD;
        n++;
    }
    if (n == 0)
        return SDPX_EFIELD;
    r.offsets = sdpxi_skip_spaces(r.offsets);
    *out = r;
    return 0;
}

/* RFC 8866 5.11: z=<adjustment time> <offset> [<adjustment time> <offset> ...] */
int sdpx_zone_next(sdpx_str *rest, uint64_t *time, int64_t *offset)
{
    if (!rest || !time || !offset)
        return 0;
    sdpx_str t, o;
    if (!sdpx_field_next(rest, &t))
        return 0;
    if (!sdpx_field_next(rest, &o))
        return SDPX_EFIELD;
    int rc = sdpx_str_u64(t, time);
    if (!rc)
        rc = sdpx_typed_time_parse(o, offset);
    return rc ? rc : 1;
}

/* RFC 8866 5.12: k=<method> / k=<method>:<encryption key> */
int sdpx_key_parse(sdpx_str value, sdpx_key *out)
{
    if (!out)
        return SDPX_EINVAL;
    sdpx_key k;
    sdpx_attr_split(value, &k.method, &k.key, &k.has_key);
    if (k.method.len == 0)
        return SDPX_EFIELD;
    *out = k;
    return 0;
}

/* RFC 8866 5.14: m=<media> <port>[/<number of ports>] <proto> 1*(SP <fmt>) */
int sdpx_mline_parse(sdpx_str value, sdpx_mline *out)
{
    if (!out)
        return SDPX_EINVAL;
    sdpx_str rest = value, port, count;
    sdpx_mline m;
    uint64_t v;
    if (!sdpxi_field(&rest, &m.media) || !sdpxi_field(&rest, &port) ||
        !sdpxi_field(&rest, &m.proto))
        return SDPX_EFIELD;
    m.has_port_count = split_slash(&port, &count);
    m.port_text = port;
    m.port_count = 1;
    int rc = sdpxi_uint(port, 65535, &v);
    if (rc)
        return rc == SDPX_EOVERFLOW ? SDPX_ERANGE : rc;
    m.port = (uint16_t)v;
    if (m.has_port_count) {
        rc = sdpxi_parse_uint(count, 65535, &v);
        if (rc || v == 0)
            return rc == SDPX_EOVERFLOW || rc == SDPX_ERANGE ? SDPX_ERANGE : SDPX_EFIELD;
        m.port_count = (unsigned)v;
    }
    rest = sdpxi_skip_spaces(rest);
    m.formats = rest;
    *out = m;
    return 0;
}
