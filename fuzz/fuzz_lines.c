/* The RFC 8866 line decoders (o= c= b= t= r= z= k= m=, typed times and
 * checked numbers) on arbitrary values. The first byte picks the decoder;
 * the rest, in a block of exactly its size, is the value. Properties: no
 * overread; every view returned lies inside the value; numbers agree with
 * a slow reference conversion (never clamped, overflow reported). */
#include "common.h"

/* Reference: 0 with *out for 1..n digits that fit, 1 for digits that do
 * not fit, 2 for anything else. */
static int ref_u64(sdpx_str s, uint64_t *out)
{
    if (s.len == 0)
        return 2;
    for (size_t i = 0; i < s.len; i++)
        if (s.ptr[i] < '0' || s.ptr[i] > '9')
            return 2;
    size_t i = 0;
    while (i < s.len && s.ptr[i] == '0')
        i++;
    static const char max[] = "18446744073709551615";
    size_t sig = s.len - i;
    if (sig > 20 || (sig == 20 && memcmp(s.ptr + i, max, 20) > 0))
        return 1;
    uint64_t v = 0;
    for (; i < s.len; i++)
        v = v * 10 + (uint64_t)(s.ptr[i] - '0');
    *out = v;
    return 0;
}

static void check_u64(sdpx_str s)
{
    uint64_t got = 0, want = 0;
    int rc = sdpx_str_u64(s, &got);
    int ref = ref_u64(s, &want);
    if (ref == 0 && (rc != 0 || got != want))
        fuzz_fail("sdpx_str_u64 rc %d value %llu, expected %llu", rc, (unsigned long long)got,
                  (unsigned long long)want);
    if (ref == 1 && rc != SDPX_EOVERFLOW)
        fuzz_fail("sdpx_str_u64 rc %d, expected SDPX_EOVERFLOW", rc);
    if (ref == 2 && rc != SDPX_EFIELD)
        fuzz_fail("sdpx_str_u64 rc %d, expected SDPX_EFIELD", rc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned which = data[0] % 10u;
    char *buf = fuzz_dup(data + 1, size - 1);
    sdpx_str v = {buf, size - 1};
#define IN(view) fuzz_assert(fuzz_within((view), buf, v.len))
    switch (which) {
    case 0: {
        sdpx_origin o;
        if (sdpx_origin_parse(v, &o) == 0) {
            IN(o.username); IN(o.sess_id); IN(o.sess_version);
            IN(o.nettype); IN(o.addrtype); IN(o.address);
            fuzz_assert(o.address.len > 0);
            check_u64(o.sess_id);
            check_u64(o.sess_version);
        }
        break;
    }
    case 1: {
        sdpx_connection c;
        if (sdpx_connection_parse(v, &c) == 0) {
            IN(c.nettype); IN(c.addrtype); IN(c.address);
            fuzz_assert(c.address.len > 0);
            fuzz_assert(c.ttl <= 255);
            fuzz_assert(c.count >= 1);
            fuzz_assert(c.has_ttl || c.ttl == 0);
        }
        break;
    }
    case 2: {
        sdpx_bandwidth b;
        if (sdpx_bandwidth_parse(v, &b) == 0) {
            IN(b.type); IN(b.value);
            uint64_t want;
            fuzz_assert(ref_u64(b.value, &want) == 0 && want == b.number);
        }
        break;
    }
    case 3: {
        sdpx_timing t;
        if (sdpx_timing_parse(v, &t) == 0) {
            IN(t.start); IN(t.stop);
            uint64_t a, b;
            fuzz_assert(ref_u64(t.start, &a) == 0 && a == t.start_time);
            fuzz_assert(ref_u64(t.stop, &b) == 0 && b == t.stop_time);
        }
        break;
    }
    case 4: {
        int64_t sec;
        if (sdpx_typed_time_parse(v, &sec) == 0) {
            /* RFC 8866 5.10: digits with an optional unit, maybe negative */
            size_t i = v.len && buf[0] == '-';
            fuzz_assert(i < v.len);
            fuzz_assert(buf[0] == '-' ? sec <= 0 : sec >= 0);
        }
        break;
    }
    case 5: {
        sdpx_repeat r;
        if (sdpx_repeat_parse(v, &r) == 0) {
            IN(r.offsets);
            fuzz_assert(r.interval >= 0 && r.duration >= 0 && r.offsets.len > 0);
        }
        break;
    }
    case 6: {
        sdpx_str rest = v;
        uint64_t when;
        int64_t off;
        int rc;
        size_t guard = 0;
        while ((rc = sdpx_zone_next(&rest, &when, &off)) == 1) {
            IN(rest);
            fuzz_assert(++guard <= v.len);
        }
        fuzz_assert(rc <= 0);
        break;
    }
    case 7: {
        sdpx_key k;
        if (sdpx_key_parse(v, &k) == 0) {
            IN(k.method); IN(k.key);
            fuzz_assert(k.method.len > 0);
        }
        break;
    }
    case 8: {
        sdpx_mline m;
        int rc = sdpx_mline_parse(v, &m);
        if (rc == 0) {
            IN(m.media); IN(m.port_text); IN(m.proto); IN(m.formats);
            uint64_t port;
            fuzz_assert(ref_u64(m.port_text, &port) == 0 && port == m.port);
            fuzz_assert(m.port_count >= 1 && m.port_count <= 65535);
        }
        break;
    }
    default:
        check_u64(v);
        break;
    }
#undef IN
    free(buf);
    return 0;
}
