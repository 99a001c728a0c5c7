/* sdpx_answer_create and sdpx_answer_verify on untrusted offers. The input
 * is an offer (lenient parse); it is answered with fixed capabilities
 * (opus, VP8 and H.264 with RTX, simulcast, data channels, read from a
 * capabilities SDP) and fixed randomness. Properties: no crash, overread or
 * leak; an answer, when there is one, parses strict, passes sdpx_validate,
 * verifies clean against its offer, and is the same bytes when answered
 * again; a refusal is one of the documented codes; verifying the offer
 * against itself (an untrusted pair) ends with a count. */
#include "common.h"

static const char caps_sdp[] =
    "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
    "a=fingerprint:sha-256 3B:2A:44:F5:6D:1E:9C:07:AB:52:C8:19:E0:7F:34:D6:88:A1:0B:5E:C2:96:"
    "4F:73:1D:E8:60:B9:27:5A:CC:03\r\na=ice-options:trickle\r\n"
    "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 0 126\r\n"
    "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
    "a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n"
    "a=rtcp-fb:111 transport-cc\r\na=rtpmap:63 red/48000/2\r\na=fmtp:63 111/111\r\n"
    "a=rtpmap:126 telephone-event/8000\r\n"
    "m=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103 98 116 117\r\n"
    "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
    "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\r\n"
    "a=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 nack\r\na=rtcp-fb:96 nack pli\r\n"
    "a=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\na=rtpmap:102 H264/90000\r\n"
    "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f\r\n"
    "a=rtcp-fb:102 ccm fir\r\na=rtpmap:103 rtx/90000\r\na=fmtp:103 apt=102\r\n"
    "a=rtpmap:98 H265/90000\r\na=fmtp:98 level-id=93\r\n"
    "a=rtpmap:116 red/90000\r\na=rtpmap:117 ulpfec/90000\r\n"
    "a=rid:h recv\r\na=simulcast:recv h\r\n"
    "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=sctp-port:5000\r\n";

static int fixed_random(void *ctx, void *buf, size_t len)
{
    uint32_t *st = ctx;
    unsigned char *p = buf;
    for (size_t i = 0; i < len; i++) {
        *st = *st * 1103515245u + 12345u;
        p[i] = (unsigned char)(*st >> 16);
    }
    return 0;
}

static void print_finding(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    (void)ctx;
    (void)sev;
    fprintf(stderr, "answer line %u: %s\n", e->line, e->msg);
}

static char *answer_text(const sdpx_session *offer, const sdpx_caps *caps, int *rc)
{
    uint32_t seed = 1;
    sdpx_answer_options opt;
    memset(&opt, 0, sizeof opt);
    opt.random = fixed_random;
    opt.random_ctx = &seed;
    sdpx_session *a;
    sdpx_error err;
    *rc = sdpx_answer_create(offer, caps, &opt, &a, &err);
    if (*rc)
        return NULL;
    fuzz_assert(sdpx_validate(a, NULL, NULL) == 0);
    int n = sdpx_answer_verify(offer, a, NULL, NULL);
    if (n != 0) {
        sdpx_answer_verify(offer, a, print_finding, NULL);
        fuzz_fail("the answer violates %d rules", n);
    }
    char *text = sdpx_write_alloc(a, 0, NULL);
    fuzz_assert(text != NULL);
    sdpx_session_free(a);
    return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sdpx_session *caps_doc;
    static sdpx_caps caps;
    if (!caps_doc) {
        fuzz_assert(sdpx_parse(caps_sdp, sizeof caps_sdp - 1, NULL, &caps_doc, NULL) == 0);
        fuzz_assert(sdpx_caps_from_sdp(caps_doc, &caps, NULL) == 0);
    }
    char *buf = fuzz_dup(data, size);
    sdpx_session *offer;
    if (sdpx_parse(buf, size, NULL, &offer, NULL)) {
        free(buf);
        return 0;
    }
    int rc, rc2;
    char *a = answer_text(offer, &caps, &rc);
    if (a) {
        sdpx_parse_options po;
        memset(&po, 0, sizeof po);
        po.flags = SDPX_PARSE_STRICT;
        sdpx_session *again;
        sdpx_error err;
        if (sdpx_parse(a, strlen(a), &po, &again, &err))
            fuzz_fail("answer does not parse strict: %s", err.msg);
        sdpx_session_free(again);
        char *b = answer_text(offer, &caps, &rc2);
        fuzz_assert(b != NULL && strcmp(a, b) == 0);
        free(b);
        free(a);
    } else {
        fuzz_assert(rc == SDPX_EINVAL || rc == SDPX_EN_PROTO || rc == SDPX_ENOMEM);
    }
    fuzz_assert(sdpx_answer_verify(offer, offer, NULL, NULL) >= 0);
    sdpx_session_free(offer);
    free(buf);
    return 0;
}
