/* Helpers shared by the libFuzzer targets. Each target checks properties
 * that must hold for every input and calls fuzz_fail (abort) when one does
 * not, so libFuzzer keeps the input as a crash artifact. */
#ifndef SDPX_FUZZ_COMMON_H
#define SDPX_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sdp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define fuzz_fail(...)                                                                 \
    do {                                                                               \
        fprintf(stderr, "fuzz property failed at %s:%d: ", __FILE__, __LINE__);        \
        fprintf(stderr, __VA_ARGS__);                                                  \
        fputc('\n', stderr);                                                           \
        abort();                                                                       \
    } while (0)

#define fuzz_assert(cond)                                                              \
    do {                                                                               \
        if (!(cond))                                                                   \
            fuzz_fail("%s", #cond);                                                    \
    } while (0)

/* A copy of `n` bytes in a heap block of exactly that size, so that ASan
 * reports any read past the end (the data libFuzzer passes already is one,
 * but slices of it are not). */
static inline char *fuzz_dup(const uint8_t *p, size_t n)
{
    char *d = malloc(n ? n : 1);
    if (!d)
        abort();
    if (n)
        memcpy(d, p, n);
    return d;
}

/* 1 when view v lies inside [base, base + n]. */
static inline int fuzz_within(sdpx_str v, const char *base, size_t n)
{
    if (v.len == 0)
        return v.ptr == NULL || (v.ptr >= base && v.ptr <= base + n);
    return v.ptr >= base && v.ptr <= base + n && v.len <= (size_t)(base + n - v.ptr);
}

/* Touch every byte of a view, so an out-of-bounds view is an ASan report. */
static inline unsigned fuzz_touch(sdpx_str v)
{
    unsigned h = 0;
    for (size_t i = 0; i < v.len; i++)
        h = h * 31u + (unsigned char)v.ptr[i];
    return h;
}

static inline int fuzz_str_same(sdpx_str a, sdpx_str b)
{
    return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

/* Two sessions hold the same lines (type, kind and text) in the same sections. */
static inline void fuzz_assert_same_model(const sdpx_session *a, const sdpx_session *b)
{
    size_t n = sdpx_session_line_count(a);
    if (n != sdpx_session_line_count(b))
        fuzz_fail("session line count %zu != %zu", n, sdpx_session_line_count(b));
    for (size_t i = 0; i < n; i++) {
        const sdpx_line *x = sdpx_session_line(a, i), *y = sdpx_session_line(b, i);
        if (sdpx_line_type(x) != sdpx_line_type(y) || sdpx_line_kind(x) != sdpx_line_kind(y) ||
            !fuzz_str_same(sdpx_line_text(x), sdpx_line_text(y)))
            fuzz_fail("session line %zu differs", i);
    }
    size_t nm = sdpx_session_media_count(a);
    if (nm != sdpx_session_media_count(b))
        fuzz_fail("media count %zu != %zu", nm, sdpx_session_media_count(b));
    for (size_t m = 0; m < nm; m++) {
        const sdpx_media *ma = sdpx_session_media(a, m), *mb = sdpx_session_media(b, m);
        size_t k = sdpx_media_line_count(ma);
        if (k != sdpx_media_line_count(mb))
            fuzz_fail("media %zu line count %zu != %zu", m, k, sdpx_media_line_count(mb));
        for (size_t i = 0; i < k; i++) {
            const sdpx_line *x = sdpx_media_line(ma, i), *y = sdpx_media_line(mb, i);
            if (sdpx_line_type(x) != sdpx_line_type(y) ||
                sdpx_line_kind(x) != sdpx_line_kind(y) ||
                !fuzz_str_same(sdpx_line_text(x), sdpx_line_text(y)))
                fuzz_fail("media %zu line %zu differs", m, i);
        }
    }
}

/* Decode one line with the core decoder for its type and touch what comes back. */
static inline unsigned fuzz_decode_line(const sdpx_line *l)
{
    sdpx_str v = sdpx_line_value(l);
    unsigned h = fuzz_touch(sdpx_line_text(l)) + fuzz_touch(v);
    switch (sdpx_line_type(l)) {
    case 'o': {
        sdpx_origin o;
        if (sdpx_origin_parse(v, &o) == 0) {
            uint64_t x;
            h += fuzz_touch(o.username) + fuzz_touch(o.address);
            (void)sdpx_str_u64(o.sess_id, &x);
            (void)sdpx_str_u64(o.sess_version, &x);
        }
        break;
    }
    case 'c': {
        sdpx_connection c;
        if (sdpx_connection_parse(v, &c) == 0)
            h += fuzz_touch(c.address) + c.ttl + c.count;
        break;
    }
    case 'b': {
        sdpx_bandwidth b;
        if (sdpx_bandwidth_parse(v, &b) == 0)
            h += fuzz_touch(b.type) + (unsigned)b.number;
        break;
    }
    case 't': {
        sdpx_timing t;
        if (sdpx_timing_parse(v, &t) == 0)
            h += (unsigned)(t.start_time ^ t.stop_time);
        break;
    }
    case 'r': {
        sdpx_repeat r;
        if (sdpx_repeat_parse(v, &r) == 0)
            h += fuzz_touch(r.offsets) + (unsigned)r.interval;
        break;
    }
    case 'z': {
        sdpx_str rest = v;
        uint64_t when;
        int64_t off;
        while (sdpx_zone_next(&rest, &when, &off) == 1)
            h += (unsigned)when;
        break;
    }
    case 'k': {
        sdpx_key k;
        if (sdpx_key_parse(v, &k) == 0)
            h += fuzz_touch(k.method) + fuzz_touch(k.key);
        break;
    }
    case 'm': {
        sdpx_mline m;
        if (sdpx_mline_parse(v, &m) == 0) {
            sdpx_str rest = m.formats, f;
            h += m.port + fuzz_touch(m.proto);
            while (sdpx_field_next(&rest, &f))
                h += fuzz_touch(f);
        }
        break;
    }
    case 'a': {
        sdpx_str name = sdpx_attr_name(l);
        h += fuzz_touch(name) + fuzz_touch(sdpx_attr_value(l));
        if (sdpx_line_kind(l) != sdpx_attr_kind_from_name(name))
            fuzz_fail("line kind differs from the kind of its name");
        sdpx_error e;
        if (sdpx_attr_validate(l, &e) != 0 && memchr(e.msg, '\0', sizeof e.msg) == NULL)
            fuzz_fail("validate message not terminated");
        break;
    }
    default:
        break;
    }
    return h;
}

static inline void fuzz_validate_diag(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    (void)sev;
    if (memchr(e->msg, '\0', sizeof e->msg) == NULL)
        fuzz_fail("sdpx_validate message not terminated");
    ++*(int *)ctx;
}

/* Walk the whole model through the public accessors. */
static inline unsigned fuzz_walk(const sdpx_session *s)
{
    unsigned h = 0;
    for (size_t i = 0; i < sdpx_session_line_count(s); i++)
        h += fuzz_decode_line(sdpx_session_line(s, i));
    for (size_t m = 0; m < sdpx_session_media_count(s); m++) {
        const sdpx_media *md = sdpx_session_media(s, m);
        if (sdpx_media_index(md) != m || sdpx_media_session(md) != s)
            fuzz_fail("media %zu: wrong index or session", m);
        if (sdpx_line_type(sdpx_media_line(md, 0)) != 'm')
            fuzz_fail("media %zu does not start with m=", m);
        for (size_t i = 0; i < sdpx_media_line_count(md); i++)
            h += fuzz_decode_line(sdpx_media_line(md, i));
        sdpx_mline ml;
        sdpx_connection c;
        (void)sdpx_media_mline(md, &ml);
        (void)sdpx_media_connection(md, &c);
        for (const sdpx_line *l = NULL; (l = sdpx_media_find_line(md, 'a', l));)
            h++;
        for (const sdpx_line *l = NULL; (l = sdpx_media_find_attr(md, SDPX_ATTR_RTPMAP, l));)
            h++;
        for (const sdpx_line *l = NULL; (l = sdpx_media_find_attr_name(md, "candidate", l));)
            h++;
        /* scoped accessors (media level, else session level) */
        sdpx_str v;
        sdpx_fingerprint fp;
        sdpx_setup su;
        if (sdpx_media_ice_ufrag(md, &v) == 0)
            h += fuzz_touch(v);
        if (sdpx_media_ice_pwd(md, &v) == 0)
            h += fuzz_touch(v);
        if (sdpx_media_ice_options(md, &v) == 0)
            h += fuzz_touch(v);
        for (size_t i = 0; i < 3 && sdpx_media_fingerprint(md, i, &fp) == 0; i++)
            h += (unsigned)fp.len;
        (void)sdpx_media_setup(md, &su);
        if (sdpx_media_cname(md, &v) == 0)
            h += fuzz_touch(v);
        h += (unsigned)sdpx_media_direction(md);
        if (sdpx_media_mid(md, &v) == 0) {
            sdpx_group g;
            if (sdpx_session_media_by_mid(s, v) == NULL)
                fuzz_fail("media %zu has a mid that sdpx_session_media_by_mid does not find", m);
            (void)sdpx_session_group_of(s, "BUNDLE", v, &g);
        }
        for (const sdpx_line *l = NULL; (l = sdpx_media_extmap_next(md, l));)
            h++;
        /* the codec view and its rtcp-fb lines */
        size_t nc = sdpx_media_codec_count(md);
        for (size_t i = 0; i < nc && i < 64; i++) {
            sdpx_codec c, c2;
            if (sdpx_media_codec(md, i, &c) != 0)
                continue;
            h += fuzz_touch(c.encoding) + fuzz_touch(c.params.params);
            if (sdpx_media_codec_find(md, c.payload_type, &c2) != 0)
                fuzz_fail("codec %u of media %zu not found by payload type", c.payload_type, m);
            size_t guard = 0;
            for (const sdpx_line *l = NULL; (l = sdpx_codec_rtcp_fb_next(md, &c, l));)
                fuzz_assert(++guard <= sdpx_media_line_count(md));
            sdpx_str enc;
            uint32_t rate;
            unsigned ch;
            (void)sdpx_static_payload_type(c.payload_type, &enc, &rate, &ch);
        }
    }
    h += (unsigned)sdpx_session_ice_lite(s) + (unsigned)sdpx_session_direction(s);
    sdpx_origin o;
    sdpx_str name;
    (void)sdpx_session_origin(s, &o);
    (void)sdpx_session_name(s, &name);
    for (const sdpx_line *l = NULL; (l = sdpx_session_find_attr(s, SDPX_ATTR_GROUP, l));)
        h++;
    for (const sdpx_line *l = NULL; (l = sdpx_session_find_attr_name(s, "group", l));)
        h++;
    /* the cross-line checks: their count matches the diagnostics delivered */
    int seen = 0;
    int found = sdpx_validate(s, fuzz_validate_diag, &seen);
    if (found >= 0 && found != seen)
        fuzz_fail("sdpx_validate returned %d but reported %d findings", found, seen);
    return h;
}

#endif
