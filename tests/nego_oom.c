/* Out of memory in negotiation: the answerer and the answer checker take
 * their memory from malloc (no allocator hook), so this program puts its
 * own malloc family in front of libc's (as bench/bench_util.c does), fails
 * the Nth call for every N, and checks that each failure is a clean
 * SDPX_ENOMEM that leaves no block behind. A plain program, not a Check
 * suite: the checks must see every allocation of the library, none of the
 * framework's. Skips (77) under a sanitizer, which owns malloc. */
#include <sdp.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define NEGO_OOM_SKIP 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define NEGO_OOM_SKIP 1
#endif

#ifndef NEGO_OOM_SKIP
extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t n);
extern void __libc_free(void *p);

static unsigned long calls, fail_at; /* fail_at 0: never fail */
static long live;                     /* blocks handed out and not freed */

static int failing(void)
{
    return fail_at && ++calls == fail_at;
}

void *malloc(size_t n)
{
    if (failing())
        return NULL;
    void *p = __libc_malloc(n);
    live += p != NULL;
    return p;
}

void *calloc(size_t n, size_t size)
{
    if (failing())
        return NULL;
    void *p = __libc_calloc(n, size);
    live += p != NULL;
    return p;
}

void *realloc(void *p, size_t n)
{
    if (failing())
        return NULL;
    void *q = __libc_realloc(p, n);
    live += !p && q;
    return q;
}

void free(void *p)
{
    live -= p != NULL;
    __libc_free(p);
}

static int fixed_random(void *ctx, void *buf, size_t len)
{
    (void)ctx;
    memset(buf, 0x5a, len);
    return 0;
}

/* A browser-like offer: audio, video with rtcp-fb, RTX and an unanswerable
 * codec, data; every part of the answerer and the checker allocates. The
 * video section gets EXTRA_FB more rtcp-fb lines (main), past the first
 * size of the codec reader's rtcp-fb list, so that list grows. */
#define EXTRA_FB 80
static const char offer_text[] =
    "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1 2\r\n"
    "a=msid-semantic: WMS\r\n"
    "m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\n"
    "a=ice-ufrag:4ZcD\r\na=ice-pwd:2/1muCWoOi3uLifh0NuRHlJA\r\n"
    "a=fingerprint:sha-256 19:E2:1C:3B:4B:9F:81:E6:B8:5C:F4:A5:A8:D8:73:04:BB:05:2F:70:"
    "9F:04:A9:0E:05:E9:26:33:E8:70:88:A2\r\n"
    "a=setup:actpass\r\na=sendrecv\r\na=rtcp-mux\r\n"
    "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
    "a=rtpmap:111 opus/48000/2\r\na=rtcp-fb:111 transport-cc\r\n"
    "a=fmtp:111 minptime=10;useinbandfec=1\r\n"
    "m=video 9 UDP/TLS/RTP/SAVPF 96 97 98\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\n"
    "a=ice-ufrag:4ZcD\r\na=ice-pwd:2/1muCWoOi3uLifh0NuRHlJA\r\n"
    "a=fingerprint:sha-256 19:E2:1C:3B:4B:9F:81:E6:B8:5C:F4:A5:A8:D8:73:04:BB:05:2F:70:"
    "9F:04:A9:0E:05:E9:26:33:E8:70:88:A2\r\n"
    "a=setup:actpass\r\na=sendrecv\r\na=rtcp-mux\r\n"
    "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
    "a=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 nack\r\na=rtcp-fb:96 nack pli\r\n"
    "a=rtcp-fb:96 transport-cc\r\na=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\n"
    "a=rtpmap:98 XYZ/90000\r\na=rtcp-fb:98 nack\r\n"
    "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=mid:2\r\n"
    "a=ice-ufrag:4ZcD\r\na=ice-pwd:2/1muCWoOi3uLifh0NuRHlJA\r\n"
    "a=fingerprint:sha-256 19:E2:1C:3B:4B:9F:81:E6:B8:5C:F4:A5:A8:D8:73:04:BB:05:2F:70:"
    "9F:04:A9:0E:05:E9:26:33:E8:70:88:A2\r\n"
    "a=setup:actpass\r\na=sctp-port:5000\r\n";

/* What the answerer supports: opus, VP8 with its feedback and RTX, data. */
static const char caps_text[] =
    "v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
    "a=fingerprint:sha-256 3B:2A:44:F5:6D:1E:9C:07:AB:52:C8:19:E0:7F:34:D6:88:A1:0B:5E:C2:96:"
    "4F:73:1D:E8:60:B9:27:5A:CC:03\r\n"
    "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n"
    "m=video 9 UDP/TLS/RTP/SAVPF 100 101\r\na=rtpmap:100 VP8/90000\r\n"
    "a=rtcp-fb:100 nack\r\na=rtcp-fb:100 transport-cc\r\n"
    "a=rtpmap:101 rtx/90000\r\na=fmtp:101 apt=100\r\n"
    "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
    "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=sctp-port:5000\r\n";

static int failures;

static void check(int ok, const char *what, unsigned long n, int rc, long before)
{
    if (!ok) {
        printf("FAIL: %s, allocation %lu failing: rc %d, %ld blocks left\n", what, n, rc,
               live - before);
        failures++;
    }
}

/* Fail each allocation of op in turn until op makes no more than it is
 * let: each failure gives SDPX_ENOMEM or, when what failed was absorbed
 * (libc's qsort falls back to sorting in place), the same success; either
 * way nothing is left allocated. */
#define EACH_FAILURE(what, op, ok, cleanup)                                                \
    do {                                                                                     \
        unsigned long n = 1;                                                                 \
        for (;; n++) {                                                                       \
            long before = live;                                                              \
            calls = 0;                                                                       \
            fail_at = n;                                                                     \
            int rc = (op);                                                                   \
            fail_at = 0;                                                                     \
            int done = calls < n; /* nothing failed */                                       \
            if (done || rc != SDPX_ENOMEM) {                                                 \
                check(ok, what " succeeds", n, rc, before);                                  \
                cleanup;                                                                     \
            }                                                                                \
            check(live == before, what " frees all it made", n, rc, before);                 \
            if (done)                                                                        \
                break;                                                                       \
        }                                                                                    \
        printf("ok: %s: %lu allocations, each failing cleanly\n", what, n - 1);             \
    } while (0)

int main(void)
{
    sdpx_session *offer, *caps_doc, *answer = NULL;
    sdpx_caps caps;
    static char text[sizeof offer_text + EXTRA_FB * 32];
    size_t len = sizeof offer_text - 1;
    memcpy(text, offer_text, len);
    char *video_end = strstr(text, "m=application");
    size_t tail = len - (size_t)(video_end - text);
    char extra[EXTRA_FB * 32];
    size_t n = 0;
    for (int i = 0; i < EXTRA_FB; i++)
        n += (size_t)snprintf(extra + n, sizeof extra - n, "a=rtcp-fb:96 x-fb-%d\r\n", i);
    memmove(video_end + n, video_end, tail);
    memcpy(video_end, extra, n);
    len += n;
    if (sdpx_parse(text, len, NULL, &offer, NULL) ||
        sdpx_parse(caps_text, sizeof caps_text - 1, NULL, &caps_doc, NULL) ||
        sdpx_caps_from_sdp(caps_doc, &caps, NULL)) {
        printf("FAIL: the test's offer or capabilities do not parse\n");
        return 1;
    }
    sdpx_answer_options opt;
    memset(&opt, 0, sizeof opt);
    opt.random = fixed_random;

    EACH_FAILURE("sdpx_answer_create", sdpx_answer_create(offer, &caps, &opt, &answer, NULL),
                 rc == 0 && answer != NULL, (sdpx_session_free(answer), answer = NULL));
    if (sdpx_answer_create(offer, &caps, &opt, &answer, NULL) != 0)
        return 1;
    /* the answer drops the unknown codec; checking it against the offer
     * reads both sides' codecs, extmaps and transport lines */
    EACH_FAILURE("sdpx_answer_verify", sdpx_answer_verify(offer, answer, NULL, NULL), rc == 0,
                 (void)0);
    sdpx_session_free(answer);
    sdpx_session_free(caps_doc);
    sdpx_session_free(offer);
    return failures ? 1 : 0;
}
#else
int main(void)
{
    printf("SKIP: a sanitizer owns malloc\n");
    return 77;
}
#endif
