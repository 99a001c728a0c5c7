/* The inputs and operations of the scaling suite (tests/test_scaling.c)
 * and of bench/scaling_edit.c: each operation with the input shape that
 * hits its loops' worst case, at n times a base unit. */
#ifndef SDPX_SCALING_SHAPES_H
#define SDPX_SCALING_SHAPES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stdarg.h>

#include "sdp.h"

typedef struct {
    char *p;
    size_t len, cap;
} buf;

static void putf(buf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof tmp)
        abort();
    if (b->len + (size_t)n + 1 > b->cap) {
        b->cap = (b->cap ? b->cap * 2 : 4096) + (size_t)n;
        b->p = realloc(b->p, b->cap);
        if (!b->p)
            abort();
    }
    memcpy(b->p + b->len, tmp, (size_t)n + 1);
    b->len += (size_t)n;
}

static const char head[] = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n"
                           "a=ice-ufrag:wxyz\r\na=ice-pwd:zyxwvutsrqponmlkjihgfe\r\n";

/* ---- the shapes: n is the size unit (1x: BASE) --------------------------- */

#define BASE 200

/* Two codecs' rtcp-fb lines interleaved, VP8 (to go) in front of many kept
 * lines: the removal compacts, the reorder sorts. */
static void shape_codecs(buf *b, size_t n)
{
    putf(b, "%sm=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99\r\nc=IN IP4 0.0.0.0\r\n", head);
    putf(b, "a=rtpmap:96 VP8/90000\r\na=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\n"
            "a=rtpmap:98 H264/90000\r\na=rtpmap:99 VP9/90000\r\n");
    for (size_t i = 0; i < n; i++)
        putf(b, "a=rtcp-fb:96 nack\r\na=rtcp-fb:99 x-%zu\r\n", i);
    for (size_t i = 0; i < n; i++)
        putf(b, "a=rtcp-fb:98 nack\r\na=rtcp-fb:99 ccm fir\r\na=x-kept:%zu\r\n", i);
}

/* n matching lines in front of n kept lines, for the "remove every ..." helpers. */
static void shape_matches(buf *b, size_t n)
{
    putf(b, "%sa=extmap:1 urn:gone\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\nc=IN IP4 192.0.2.9\r\n",
         head);
    for (size_t i = 0; i < n; i++) {
        putf(b, "a=candidate:%zu 1 udp 1 10.0.%zu.%zu %zu typ host\r\n", i, i / 250, i % 250,
             1000 + i);
        putf(b, "a=ssrc:%zu cname:x\r\na=x-gone:%zu\r\na=extmap:%zu urn:gone\r\n", i + 1, i,
             1 + i % 14);
        putf(b, "a=sendrecv\r\nb=AS:%zu\r\n", i);
    }
    for (size_t i = 0; i < n; i++)
        putf(b, "a=candidate:k%zu 1 udp 1 198.51.%zu.%zu %zu typ srflx raddr 0.0.0.0 rport 9\r\n"
                "a=x-kept:%zu\r\na=extmap:%zu urn:kept-%zu\r\n",
             i, i / 250, i % 250, 2000 + i, i, 1 + i % 14, i % 100);
}

/* Many formats on one m= line (payload types repeat: there are 128) and
 * many lines, as `sdpx show` walks them: each of the 32 types has its
 * rtpmap, fmtp and one rtcp-fb line, so the walk's output is linear. */
static void shape_formats(buf *b, size_t n)
{
    putf(b, "%sm=video 9 UDP/TLS/RTP/SAVPF", head);
    for (size_t i = 0; i < n; i++)
        putf(b, " %zu", 96 + i % 32);
    putf(b, "\r\n");
    for (size_t i = 0; i < n; i++)
        putf(b, "a=x-filler:%zu\r\n", i);
    for (size_t p = 96; p < 128; p++)
        putf(b, "a=rtpmap:%zu VP8/90000\r\na=fmtp:%zu x=%zu\r\na=rtcp-fb:%zu nack\r\n", p, p, p, p);
    putf(b, "a=rtcp-fb:* ccm fir\r\n");
}

/* Many fingerprints at session level (the sections inherit them) and many
 * candidates: what `sdpx show` prints for each section. */
static void shape_transport(buf *b, size_t n)
{
    putf(b, "%s", head);
    for (size_t i = 0; i < n; i++)
        putf(b, "a=fingerprint:sha-256 %02zX:%02zX:0E:C3:22:59:5E:14:95:69:92:3D:13:B4:84:24:2C:C2:A2:C0:"
                "3E:FD:34:8E:5E:EA:6F:AF:52:CE:E6:0F\r\n",
             i & 255, (i >> 8) & 255);
    putf(b, "m=audio 9 UDP/TLS/RTP/SAVPF 0\r\n");
    for (size_t i = 0; i < n; i++)
        putf(b, "a=candidate:%zu 1 udp 1 10.0.%zu.%zu %zu typ host\r\n", i, i / 250, i % 250, 1000 + i);
}

/* Many sections in one BUNDLE group, and groups naming them. */
static void shape_bundle(buf *b, size_t n)
{
    putf(b, "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE");
    for (size_t i = 0; i < n; i++)
        putf(b, " m%zu", i);
    putf(b, "\r\n");
    for (size_t i = 0; i < n; i++)
        putf(b, "a=group:LS m0 m%zu\r\n", i);
    for (size_t i = 0; i < n; i++)
        putf(b, "m=audio 9 RTP/AVP 0\r\na=mid:m%zu\r\na=extmap:%zu urn:e%zu\r\n", i,
             1 + i % 14, i % 3);
}

static sdpx_session *build(void (*shape)(buf *, size_t), size_t n)
{
    buf b = {0};
    shape(&b, n);
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.limits.max_media = 1u << 20;
    sdpx_session *s = NULL;
    sdpx_error e;
    int rc = sdpx_parse(b.p, b.len, &opt, &s, &e);
    free(b.p);
    if (rc) {
        fprintf(stderr, "shape does not parse: %s at %u: %s\n", sdpx_code_name(rc), e.line, e.msg);
        abort();
    }
    return s;
}

/* ---- the operations ------------------------------------------------------ */

static sdpx_media *m0(sdpx_session *s) { return sdpx_session_media_mut(s, 0); }

static int op_remove_codec(sdpx_session *s) { return sdpx_session_remove_codec(s, "VP8", NULL); }
static int op_keep_codecs(sdpx_session *s)
{
    const char *keep[] = {"H264"};
    return sdpx_session_keep_codecs(s, keep, 1);
}
static int op_prefer_codecs(sdpx_session *s)
{
    const char *first[] = {"VP9", "H264"};
    return sdpx_session_prefer_codecs(s, first, 2);
}
static int op_codec_param(sdpx_session *s) { return sdpx_media_set_codec_param(m0(s), "VP9", "x", "1"); }
static int op_remove_streams(sdpx_session *s) { return sdpx_media_remove_streams(m0(s)); }
static int op_remove_candidates(sdpx_session *s)
{
    sdpx_candidate_filter f = {.types = SDPX_CF_HOST};
    return sdpx_session_remove_candidates(s, &f);
}
static int op_remove_attr(sdpx_session *s) { return sdpx_media_attr_remove(m0(s), "x-gone"); }
static int op_remove_extmap(sdpx_session *s) { return sdpx_session_remove_extmap(s, "urn:gone"); }
static int op_renumber_extmap(sdpx_session *s) { return sdpx_session_renumber_extmap(s, "urn:gone", 200); }
static int op_compact_extmap(sdpx_session *s) { return sdpx_session_compact_extmap(s); }
static int op_direction(sdpx_session *s) { return sdpx_media_set_direction(m0(s), SDPX_DIR_SENDONLY); }
static int op_bandwidth(sdpx_session *s) { return sdpx_media_set_bandwidth(m0(s), "AS", 5); }
static int op_clear_bandwidth(sdpx_session *s) { return sdpx_media_clear_bandwidth(m0(s), NULL); }
static int op_connection(sdpx_session *s) { return sdpx_media_set_connection(m0(s), "IN IP4 192.0.2.7"); }
static int op_bundle_remove(sdpx_session *s) { return sdpx_session_group_remove_mid(s, "m0"); }
static int op_bundle_add(sdpx_session *s)
{
    return sdpx_session_group_add_mid(s, "BUNDLE", "m0") == 0 ? sdpx_session_group_add_mid(s, "X", "m1") : -1;
}
static int op_media_remove(sdpx_session *s) { return sdpx_session_media_remove(s, m0(s)); }
static int op_reject(sdpx_session *s) { return sdpx_media_reject(m0(s)); }

/* What `sdpx show` and Python `Media.codecs` call: every codec, its rtcp-fb. */
static int op_codec_walk(sdpx_session *s)
{
    int seen = 0;
    for (size_t k = 0; k < sdpx_session_media_count(s); k++) {
        const sdpx_media *m = sdpx_session_media(s, k);
        size_t n = sdpx_media_codec_count(m);
        for (size_t i = 0; i < n; i++) {
            sdpx_codec c;
            if (sdpx_media_codec(m, i, &c))
                continue;
            sdpx_codec again;
            if (sdpx_media_codec_find(m, c.payload_type, &again))
                return -1;
            for (const sdpx_line *l = sdpx_codec_rtcp_fb_next(m, &c, NULL); l;
                 l = sdpx_codec_rtcp_fb_next(m, &c, l)) {
                sdpx_rtcp_fb fb;
                seen += sdpx_rtcp_fb_parse(sdpx_attr_value(l), &fb) == 0;
            }
        }
    }
    return seen;
}

/* `sdpx show`'s transport walk: the fingerprints in force (the section's,
 * else the session's), each line once, and every candidate. */
static int op_show_transport(sdpx_session *s)
{
    int seen = 0;
    for (size_t k = 0; k < sdpx_session_media_count(s); k++) {
        const sdpx_media *m = sdpx_session_media(s, k);
        int here = sdpx_media_find_attr(m, SDPX_ATTR_FINGERPRINT, NULL) != NULL;
        for (const sdpx_line *l = NULL;
             (l = here ? sdpx_media_find_attr(m, SDPX_ATTR_FINGERPRINT, l)
                       : sdpx_session_find_attr(s, SDPX_ATTR_FINGERPRINT, l)) != NULL;) {
            sdpx_fingerprint fp;
            seen += sdpx_fingerprint_parse(sdpx_attr_value(l), &fp) == 0;
        }
        for (const sdpx_line *l = sdpx_media_find_attr(m, SDPX_ATTR_CANDIDATE, NULL); l;
             l = sdpx_media_find_attr(m, SDPX_ATTR_CANDIDATE, l)) {
            sdpx_candidate c;
            sdpx_str v = sdpx_attr_value(l);
            seen += sdpx_candidate_parse(v.ptr, v.len, &c) == 0;
        }
    }
    return seen;
}

typedef struct {
    const char *name;
    void (*shape)(buf *, size_t);
    int (*op)(sdpx_session *);
} scale_case;

static const scale_case cases[] = {
    {"remove_codec", shape_codecs, op_remove_codec},
    {"keep_codecs", shape_codecs, op_keep_codecs},
    {"prefer_codecs", shape_codecs, op_prefer_codecs},
    {"set_codec_param", shape_codecs, op_codec_param},
    {"remove_streams", shape_matches, op_remove_streams},
    {"remove_candidates", shape_matches, op_remove_candidates},
    {"attr_remove", shape_matches, op_remove_attr},
    {"remove_extmap", shape_matches, op_remove_extmap},
    {"renumber_extmap", shape_matches, op_renumber_extmap},
    {"compact_extmap", shape_matches, op_compact_extmap},
    {"set_direction", shape_matches, op_direction},
    {"set_bandwidth", shape_matches, op_bandwidth},
    {"clear_bandwidth", shape_matches, op_clear_bandwidth},
    {"set_connection", shape_matches, op_connection},
    {"group_remove_mid", shape_bundle, op_bundle_remove},
    {"group_add_mid", shape_bundle, op_bundle_add},
    {"media_remove", shape_bundle, op_media_remove},
    {"media_reject", shape_bundle, op_reject},
    {"codec walk (show, Media.codecs)", shape_formats, op_codec_walk},
    {"codec walk, many rtcp-fb", shape_codecs, op_codec_walk},
    {"show transport walk", shape_transport, op_show_transport},
};

#endif
