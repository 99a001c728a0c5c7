/* Offers of one shape at k times a base size, answered and the answer
 * verified in scale_pass (counted by tests/answer_scaling.test under
 * callgrind). usage: answer_scale SHAPE K; prints "BYTES bytes". Shapes:
 *   sections    4k sections (audio and video) in one BUNDLE group
 *   bundle-only 32k bundle-only sections behind one tagged section
 *   codecs      one video section with 8k payload types (RTX pairs, 5 rtcp-fb each)
 *   rtcp-fb     one codec with 100k rtcp-fb lines, some "*"
 *   rids        16k send rids named by one simulcast line
 *   extmaps     15k header extensions */
#include "sdp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *buf;
static size_t len, cap;

static void put(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#include <stdarg.h>
static void put(const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(buf + len, cap - len, fmt, ap);
        va_end(ap);
        if (n >= 0 && (size_t)n < cap - len) {
            len += (size_t)n;
            return;
        }
        cap = cap * 2 + (size_t)(n > 0 ? n : 0) + 1;
        buf = realloc(buf, cap);
        if (!buf)
            exit(2);
    }
}

#define TRANSPORT                                                                              \
    "c=IN IP4 0.0.0.0\r\na=ice-ufrag:offU\r\na=ice-pwd:offerpasswordoffer12345\r\n"            \
    "a=fingerprint:sha-256 3B:2A:44:F5:6D:1E:9C:07:AB:52:C8:19:E0:7F:34:D6:88:A1:0B:5E:C2:96:" \
    "4F:73:1D:E8:60:B9:27:5A:CC:03\r\na=setup:actpass\r\n"

static void video_codecs(int n)
{
    for (int i = 0; i < n; i += 2) {
        int pt = 96 + i - (96 + i > 127 ? 128 - 32 : 0); /* 96..127, then 32..63 */
        put("a=rtpmap:%d %s/90000\r\n", pt, i % 4 ? "VP8" : "H264");
        if (!(i % 4))
            put("a=fmtp:%d packetization-mode=1;profile-level-id=42e01f\r\n", pt);
        put("a=rtcp-fb:%d nack\r\na=rtcp-fb:%d nack pli\r\na=rtcp-fb:%d ccm fir\r\n"
            "a=rtcp-fb:%d goog-remb\r\na=rtcp-fb:%d transport-cc\r\n", pt, pt, pt, pt, pt);
        put("a=rtpmap:%d rtx/90000\r\na=fmtp:%d apt=%d\r\n", pt + 1, pt + 1, pt);
    }
}

static void formats(int n)
{
    for (int i = 0; i < n; i++)
        put(" %d", 96 + i - (96 + i > 127 ? 128 - 32 : 0));
    put("\r\n");
}

static void build(const char *shape, int k)
{
    put("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
    if (!strcmp(shape, "sections") || !strcmp(shape, "bundle-only")) {
        int n = !strcmp(shape, "sections") ? 4 * k : 32 * k, bo = n != 4 * k;
        put("a=group:BUNDLE");
        for (int i = 0; i < n; i++)
            put(" %d", i);
        put("\r\n");
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                put("m=audio %d UDP/TLS/RTP/SAVPF 111\r\n", bo && i ? 0 : 9);
                if (bo && i)
                    put("c=IN IP4 0.0.0.0\r\na=bundle-only\r\n");
                else
                    put(TRANSPORT);
                put("a=mid:%d\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\n"
                    "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n", i);
            } else {
                put("m=video %d UDP/TLS/RTP/SAVPF", bo ? 0 : 9);
                formats(4);
                put(bo ? "c=IN IP4 0.0.0.0\r\na=bundle-only\r\n" : TRANSPORT);
                put("a=mid:%d\r\na=rtcp-mux\r\n", i);
                video_codecs(4);
            }
        }
        return;
    }
    put("a=group:BUNDLE 0\r\nm=video 9 UDP/TLS/RTP/SAVPF");
    if (!strcmp(shape, "codecs")) {
        formats(8 * k);
        put(TRANSPORT "a=mid:0\r\na=rtcp-mux\r\n");
        video_codecs(8 * k);
    } else if (!strcmp(shape, "rtcp-fb")) {
        formats(1);
        put(TRANSPORT "a=mid:0\r\na=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\n");
        for (int i = 0; i < 100 * k; i++)
            put("a=rtcp-fb:%s %s\r\n", i % 10 ? "96" : "*", i % 3 ? "nack" : "x-other-feedback");
    } else if (!strcmp(shape, "rids")) {
        formats(1);
        put(TRANSPORT "a=mid:0\r\na=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\n");
        for (int i = 0; i < 16 * k; i++)
            put("a=rid:r%d send pt=96\r\n", i);
        put("a=simulcast:send r0");
        for (int i = 1; i < 16 * k; i++)
            put(";%sr%d", i % 5 ? "" : "~", i);
        put("\r\n");
    } else if (!strcmp(shape, "extmaps")) {
        formats(1);
        put(TRANSPORT "a=mid:0\r\na=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\n");
        for (int i = 0; i < 15 * k; i++)
            put("a=extmap:%d urn:ietf:params:rtp-hdrext:%s%d\r\n", i + 1 + (i >= 14), i % 2 ? "sdes:mid" : "x", i);
    } else {
        fprintf(stderr, "answer_scale: unknown shape %s\n", shape);
        exit(2);
    }
}

static int fixed_random(void *ctx, void *b, size_t n)
{
    (void)ctx;
    memset(b, 7, n);
    return 0;
}

/* The counted work: answer the offer, verify the answer. */
__attribute__((noinline)) int scale_pass(const sdpx_session *offer, const sdpx_caps *caps);
__attribute__((noinline)) int scale_pass(const sdpx_session *offer, const sdpx_caps *caps)
{
    sdpx_answer_options opt;
    memset(&opt, 0, sizeof opt);
    opt.random = fixed_random;
    sdpx_session *a;
    if (sdpx_answer_create(offer, caps, &opt, &a, NULL))
        return -1;
    int n = sdpx_answer_verify(offer, a, NULL, NULL);
    sdpx_session_free(a);
    return n;
}

static const char caps_sdp[] =
    "v=0\r\ns=-\r\nt=0 0\r\na=fingerprint:sha-256 3B:2A:44:F5:6D:1E:9C:07:AB:52:C8:19:E0:7F:34:"
    "D6:88:A1:0B:5E:C2:96:4F:73:1D:E8:60:B9:27:5A:CC:03\r\n"
    "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n"
    "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
    "m=video 9 UDP/TLS/RTP/SAVPF 96 97 102\r\na=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 nack\r\n"
    "a=rtcp-fb:96 nack pli\r\na=rtcp-fb:96 transport-cc\r\na=rtpmap:97 rtx/90000\r\n"
    "a=fmtp:97 apt=96\r\na=rtpmap:102 H264/90000\r\n"
    "a=fmtp:102 packetization-mode=1;profile-level-id=42e01f\r\na=rtcp-fb:102 nack\r\n"
    "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=rid:x recv\r\na=simulcast:recv x\r\n";

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: answer_scale SHAPE K\n");
        return 2;
    }
    cap = 1 << 16;
    buf = malloc(cap);
    if (!buf)
        return 2;
    build(argv[1], atoi(argv[2]));
    sdpx_session *offer, *doc;
    sdpx_caps caps;
    sdpx_error err;
    if (sdpx_parse(buf, len, NULL, &offer, &err) ||
        sdpx_parse(caps_sdp, sizeof caps_sdp - 1, NULL, &doc, &err) || sdpx_caps_from_sdp(doc, &caps, &err)) {
        fprintf(stderr, "answer_scale: %s\n", err.msg);
        return 2;
    }
    int n = scale_pass(offer, &caps);
    if (n != 0) {
        fprintf(stderr, "answer_scale: %s: answer %s\n", argv[1], n < 0 ? "failed" : "does not verify");
        return 1;
    }
    printf("%zu bytes\n", len);
    sdpx_session_free(offer);
    sdpx_session_free(doc);
    free(buf);
    return 0;
}
