/* The answerer, rule by rule (RFC 3264, JSEP 5.3.1, RFC 8843, RFC 8853,
 * RFC 8841, RFC 6184 8.1): one row per rule or bug class, each with the
 * lines the answer must and must not hold, every answer validated and
 * verified; then sdpx_answer_verify against broken answers; then every
 * WebRTC description of the corpus answered. */
#include "nego_util.h"

#include <dirent.h>

#define HEAD "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
#define FP "a=fingerprint:" TEST_FINGERPRINT "\r\n"
/* the transport lines of an offered section with mid M and setup S */
#define TS(M, S)                                                                              \
    "c=IN IP4 0.0.0.0\r\na=ice-ufrag:offU\r\na=ice-pwd:offerpasswordoffer12345\r\n" FP         \
    "a=setup:" S "\r\na=mid:" M "\r\n"
#define T(M) TS(M, "actpass")
#define OPUS "a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n"
#define VP8 "a=rtpmap:96 VP8/90000\r\n"
#define RTX(P, A) "a=rtpmap:" P " rtx/90000\r\na=fmtp:" P " apt=" A "\r\n"
#define H264(P, F) "a=rtpmap:" P " H264/90000\r\na=fmtp:" P " " F "\r\n"
#define AUDIO(M) "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" T(M) "a=rtcp-mux\r\n" OPUS
#define VIDEO(M, FMTS, LINES) "m=video 9 UDP/TLS/RTP/SAVPF " FMTS "\r\n" T(M) "a=rtcp-mux\r\n" LINES
#define DATA(M) "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n" T(M) "a=sctp-port:5000\r\n"

typedef struct rule_case {
    const char *name;
    const char *offer;
    int caps;
    unsigned flags;
    sdpx_setup setup;
    int rc;                   /* expected sdpx_answer_create result */
    const char *has[6];       /* lines the answer holds */
    const char *lacks[4];     /* substrings it must not hold */
} rule_case;

static const rule_case rules[] = {
    /* RFC 3264 6.1: the offerer's numbers and order (renumbering or reordering breaks simulcast) */
    {"payload types and order kept",
     HEAD VIDEO("0", "100 96 97 101", H264("100", "packetization-mode=1;profile-level-id=42e01f")
                VP8 RTX("97", "96") RTX("101", "100")),
     CAPS_TYPICAL, 0, 0, 0, {"m=video 9 UDP/TLS/RTP/SAVPF 100 96 97 101", "a=fmtp:101 apt=100",
                             "a=fmtp:97 apt=96"}, {"a=rtpmap:102", "a=rtpmap:103"}},
    /* RFC 4588 8.6: an RTX whose primary is dropped goes too */
    {"RTX only with its primary",
     HEAD VIDEO("0", "98 99 96 97", "a=rtpmap:98 VP9/90000\r\n" RTX("99", "98") VP8 RTX("97", "96")),
     CAPS_TYPICAL, 0, 0, 0, {"m=video 9 UDP/TLS/RTP/SAVPF 96 97"}, {"a=rtpmap:99", "apt=98"}},
    /* fuzz_answer: an RTX whose apt names another RTX type has no primary (it
     * read a NULL codec); it goes, the RTX of VP8 stays */
    {"RTX of an RTX type goes",
     HEAD VIDEO("0", "96 97 98", VP8 RTX("97", "96") RTX("98", "97")),
     CAPS_TYPICAL, 0, 0, 0, {"m=video 9 UDP/TLS/RTP/SAVPF 96 97"}, {"a=rtpmap:98", "apt=97"}},
    /* RFC 2198 5: RED that carries a dropped codec goes */
    {"RED only with what it carries",
     HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 64 9\r\n" T("0") OPUS
          "a=rtpmap:63 red/48000/2\r\na=fmtp:63 111/111\r\na=rtpmap:64 red/48000/2\r\na=fmtp:64 9/9\r\n",
     CAPS_TYPICAL, 0, 0, 0, {"m=audio 9 UDP/TLS/RTP/SAVPF 111 63", "a=fmtp:63 111/111"},
     {"a=rtpmap:64", "9/9"}},
    /* fuzz_answer: an apt= on a primary's fmtp is no RTX; verify wrongly compared it */
    {"apt on a primary codec is ignored",
     HEAD VIDEO("0", "96", VP8 "a=fmtp:96 apt=100\r\n"), CAPS_TYPICAL, 0, 0, 0,
     {"m=video 9 UDP/TLS/RTP/SAVPF 96"}, {"apt"}},
    /* FEC never stands alone */
    {"FEC without a primary rejects the section",
     HEAD VIDEO("0", "98 117", "a=rtpmap:98 VP9/90000\r\na=rtpmap:117 ulpfec/90000\r\n"),
     CAPS_TYPICAL, 0, 0, 0, {"m=video 0 UDP/TLS/RTP/SAVPF 98", "a=mid:0"}, {"ulpfec"}},
    {"FEC kept beside a primary",
     HEAD VIDEO("0", "96 117", VP8 "a=rtpmap:117 ulpfec/90000\r\n"),
     CAPS_TYPICAL, 0, 0, 0, {"m=video 9 UDP/TLS/RTP/SAVPF 96 117", "a=rtpmap:117 ulpfec/90000"}, {NULL}},
    /* RFC 4585 4.2: feedback intersected, "*" applied per type */
    {"rtcp-fb intersected",
     HEAD VIDEO("0", "96", VP8 "a=rtcp-fb:96 nack\r\na=rtcp-fb:96 goog-lntf\r\na=rtcp-fb:* ccm fir\r\n"
                              "a=rtcp-fb:96 nack pli\r\n"),
     CAPS_TYPICAL, 0, 0, 0, {"a=rtcp-fb:96 nack", "a=rtcp-fb:96 ccm fir", "a=rtcp-fb:96 nack pli"},
     {"goog-lntf", "rtcp-fb:*"}},
    /* the type as digits() reads it: leading zeros are the type, past 127 is none */
    {"rtcp-fb type with leading zeros, and one out of range",
     HEAD VIDEO("0", "0096", VP8 "a=rtcp-fb:096 nack\r\na=rtcp-fb:224 nack pli\r\na=rtcp-fb:  96  ccm fir\r\n"),
     CAPS_TYPICAL, 0, 0, 0, {"m=video 9 UDP/TLS/RTP/SAVPF 96", "a=rtcp-fb:96 nack", "a=rtcp-fb:96 ccm fir"},
     {"nack pli"}},
    {"rtcp-fb first fields that are neither a type nor \"*\", and lines without feedback",
     HEAD VIDEO("0", "96", VP8 "a=rtcp-fb:96x nack\r\na=rtcp-fb:*x ccm fir\r\na=rtcp-fb:1000 nack pli\r\n"
                              "a=rtcp-fb:0128 goog-remb\r\na=rtcp-fb:96\r\na=rtcp-fb:*\r\n"
                              "a=rtcp-fb:* transport-cc\r\n"),
     CAPS_TYPICAL, 0, 0, 0, {"a=rtcp-fb:96 transport-cc"}, {"nack", "ccm fir", "goog-remb"}},
    /* proto families by their "/"-parts (RFC 8841 4.1: TCP/DTLS/SCTP is a data channel) */
    {"data channel over TCP/DTLS/SCTP",
     HEAD "m=application 9 TCP/DTLS/SCTP webrtc-datachannel\r\n" T("0") "a=sctp-port:5000\r\n",
     CAPS_TYPICAL, 0, 0, 0, {"m=application 9 TCP/DTLS/SCTP webrtc-datachannel", "a=sctp-port:5000"}, {NULL}},
    {"RTP/AVPF/X is still RTP",
     HEAD "m=audio 9 RTP/AVPF/X 0\r\nc=IN IP4 0.0.0.0\r\n", CAPS_SIP, 0, 0, 0,
     {"m=audio 9 RTP/AVPF/X 0"}, {NULL}},
    /* RFC 8285 5: offered ids kept (reassigning breaks renegotiation), unknown URIs dropped */
    {"extmap ids kept",
     HEAD VIDEO("0", "96", "a=extmap:7 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
                           "a=extmap:9 urn:example:unknown\r\na=extmap:12/sendonly "
                           "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\r\n"
                           "a=extmap:4097 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id\r\n" VP8),
     CAPS_TYPICAL, 0, 0, 0, {"a=extmap:7 urn:ietf:params:rtp-hdrext:sdes:mid",
                             "a=extmap:12/recvonly urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id"},
     {"urn:example:unknown", "4097", "a=extmap:4 "}},
    /* the URI is the second field, compared whole: a longer one and a prefix are others */
    {"extmap URI compared as the whole second field",
     HEAD VIDEO("0", "96", "a=extmap:2 urn:ietf:params:rtp-hdrext:sdes:midX\r\n"
                           "a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:rtp-stream\r\n"
                           "a=extmap:5/recvonly  urn:ietf:params:rtp-hdrext:sdes:mid  x=1\r\n"
                           "a=extmap:0 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\r\n"
                           "a=extmap:6 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\r\n" VP8),
     CAPS_TYPICAL, 0, 0, 0, {"a=extmap:5/sendonly urn:ietf:params:rtp-hdrext:sdes:mid",
                             "a=extmap:6 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id"},
     {"a=extmap:2", "a=extmap:3", "a=extmap:0", "midX"}},
    /* RFC 6184 8.1: by profile, not by string; the lower level is answered */
    {"H.264 level answered no higher than both",
     HEAD VIDEO("0", "100", H264("100", "packetization-mode=1;profile-level-id=42e033")),
     CAPS_TYPICAL, 0, 0, 0, {"a=fmtp:100 packetization-mode=1;profile-level-id=42e01f"}, {"42e033"}},
    {"H.264 lower offered level kept",
     HEAD VIDEO("0", "100", H264("100", "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e00d")),
     CAPS_TYPICAL, 0, 0, 0,
     {"a=fmtp:100 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e00d"}, {NULL}},
    {"H.264 constrained baseline equivalence (4D with constraint_set0)",
     HEAD VIDEO("0", "100", H264("100", "packetization-mode=1;profile-level-id=4d801f")),
     CAPS_TYPICAL, 0, 0, 0, {"a=fmtp:100 packetization-mode=1;profile-level-id=4d801f"}, {NULL}},
    {"H.264 baseline is not constrained baseline",
     HEAD VIDEO("0", "100 96", H264("100", "packetization-mode=1;profile-level-id=42001f") VP8),
     CAPS_TYPICAL, 0, 0, 0, {"m=video 9 UDP/TLS/RTP/SAVPF 96"}, {"a=rtpmap:100"}},
    {"H.264 packetization-mode must match",
     HEAD VIDEO("0", "100 96", H264("100", "profile-level-id=42e01f") VP8),
     CAPS_TYPICAL, 0, 0, 0, {"m=video 9 UDP/TLS/RTP/SAVPF 96"}, {"a=rtpmap:100"}},
    {"H.264 constrained high (Safari) by profile",
     HEAD VIDEO("0", "100", H264("100", "packetization-mode=1;profile-level-id=640c34")),
     CAPS_EXTRA, 0, 0, 0, {"a=fmtp:100 packetization-mode=1;profile-level-id=640c1f"}, {NULL}},
    {"H.264 without profile-level-id is 42000A baseline",
     HEAD VIDEO("0", "100 96", "a=rtpmap:100 H264/90000\r\na=fmtp:100 packetization-mode=1\r\n" VP8),
     CAPS_TYPICAL, 0, 0, 0, {"m=video 9 UDP/TLS/RTP/SAVPF 96"}, {NULL}},
    /* fmtp parameters read as sdpx_fmtp_get reads them, once per codec */
    {"fmtp keys without case, items and keys trimmed, an item without value skipped",
     HEAD VIDEO("0", "100", H264("100", "packetization-mode; Packetization-Mode = 1 ;PROFILE-LEVEL-ID=42E01F")),
     CAPS_TYPICAL, 0, 0, 0, {"m=video 9 UDP/TLS/RTP/SAVPF 100", "a=fmtp:100 packetization-mode=1;profile-level-id=42e01f"},
     {NULL}},
    {"codec names without case, written as offered",
     HEAD VIDEO("0", "96 100", "a=rtpmap:96 vp8/90000\r\n" "a=rtpmap:100 h264/90000\r\n"
                               "a=fmtp:100 packetization-mode=1;profile-level-id=42e01f\r\n"),
     CAPS_TYPICAL, 0, 0, 0, {"m=video 9 UDP/TLS/RTP/SAVPF 96 100", "a=rtpmap:96 vp8/90000",
                             "a=rtpmap:100 h264/90000", "a=fmtp:100 packetization-mode=1;profile-level-id=42e01f"},
     {NULL}},
    {"fmtp: the first of a repeated key counts",
     HEAD VIDEO("0", "100 96", H264("100", "packetization-mode=0;packetization-mode=1;profile-level-id=42e01f") VP8),
     CAPS_TYPICAL, 0, 0, 0, {"m=video 9 UDP/TLS/RTP/SAVPF 96"}, {"a=rtpmap:100"}},
    {"H.264 profile-level-id that is not hex matches nothing",
     HEAD VIDEO("0", "100 96", H264("100", "packetization-mode=1;profile-level-id=42e01g") VP8),
     CAPS_TYPICAL, 0, 0, 0, {"m=video 9 UDP/TLS/RTP/SAVPF 96"}, {"a=rtpmap:100"}},
    {"H.265 without fmtp is profile 1, tier 0, level 93",
     HEAD VIDEO("0", "49", "a=rtpmap:49 H265/90000\r\n"),
     CAPS_EXTRA, 0, 0, 0, {"m=video 9 UDP/TLS/RTP/SAVPF 49", "a=fmtp:49 level-id=93;profile-id=1;tier-flag=0"},
     {NULL}},
    {"VP9 profile-id",
     HEAD VIDEO("0", "98 100", "a=rtpmap:98 VP9/90000\r\na=fmtp:98 profile-id=2\r\n"
                               "a=rtpmap:100 VP9/90000\r\na=fmtp:100 profile-id=0\r\n"),
     CAPS_EXTRA, 0, 0, 0, {"m=video 9 UDP/TLS/RTP/SAVPF 100", "a=fmtp:100 profile-id=0"}, {"a=rtpmap:98"}},
    {"AV1 profile",
     HEAD VIDEO("0", "45 46", "a=rtpmap:45 AV1/90000\r\na=fmtp:45 profile=1\r\na=rtpmap:46 AV1/90000\r\n"),
     CAPS_EXTRA, 0, 0, 0, {"m=video 9 UDP/TLS/RTP/SAVPF 46"}, {"a=rtpmap:45"}},
    {"H.265 profile, tier and the lower level",
     HEAD VIDEO("0", "49 50", "a=rtpmap:49 H265/90000\r\na=fmtp:49 level-id=156;profile-id=1;tier-flag=0\r\n"
                              "a=rtpmap:50 H265/90000\r\na=fmtp:50 level-id=93;profile-id=2;tier-flag=0\r\n"),
     CAPS_EXTRA, 0, 0, 0, {"m=video 9 UDP/TLS/RTP/SAVPF 49", "a=fmtp:49 level-id=93;profile-id=1;tier-flag=0"},
     {"a=rtpmap:50"}},
    {"opus answered from local preference",
     HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" T("0") "a=rtpmap:111 opus/48000/2\r\n"
          "a=fmtp:111 stereo=1;usedtx=1\r\n",
     CAPS_TYPICAL, 0, 0, 0, {"a=fmtp:111 minptime=10;useinbandfec=1"}, {"usedtx"}},
    {"opus with another channel count does not match",
     HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\n" T("0") "a=rtpmap:111 opus/48000\r\n",
     CAPS_TYPICAL, 0, 0, 0, {"m=audio 0 UDP/TLS/RTP/SAVPF 111"}, {NULL}},
    /* RFC 3264 6.1 direction table with the local wish */
    {"sendonly answered recvonly",
     HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" T("0") "a=sendonly\r\n" OPUS,
     CAPS_TYPICAL, 0, 0, 0, {"a=recvonly"}, {"a=sendrecv"}},
    {"recvonly answered sendonly",
     HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" T("0") "a=recvonly\r\n" OPUS,
     CAPS_TYPICAL, 0, 0, 0, {"a=sendonly"}, {NULL}},
    {"inactive answered inactive",
     HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" T("0") "a=inactive\r\n" OPUS,
     CAPS_TYPICAL, 0, 0, 0, {"a=inactive"}, {NULL}},
    {"local recvonly wish on sendrecv",
     HEAD AUDIO("0"), CAPS_RECVONLY, 0, 0, 0, {"a=recvonly"}, {NULL}},
    {"local recvonly wish on recvonly: inactive",
     HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" T("0") "a=recvonly\r\n" OPUS,
     CAPS_RECVONLY, 0, 0, 0, {"a=inactive"}, {NULL}},
    /* RFC 8842 5.2, RFC 4145 4 */
    {"setup actpass -> active", HEAD AUDIO("0"), CAPS_TYPICAL, 0, 0, 0, {"a=setup:active"}, {NULL}},
    {"setup actpass -> passive when configured", HEAD AUDIO("0"), CAPS_TYPICAL, 0,
     SDPX_SETUP_PASSIVE, 0, {"a=setup:passive"}, {NULL}},
    {"setup active -> passive",
     HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" TS("0", "active") OPUS, CAPS_TYPICAL, 0, 0, 0,
     {"a=setup:passive"}, {NULL}},
    {"setup passive -> active",
     HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" TS("0", "passive") OPUS, CAPS_TYPICAL, 0, 0, 0,
     {"a=setup:active"}, {NULL}},
    {"setup holdconn cannot be answered",
     HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" TS("0", "holdconn") OPUS, CAPS_TYPICAL,
     SDPX_ANSWER_STRICT, 0, SDPX_EN_SETUP, {NULL}, {NULL}},
    /* JSEP 5.3.1: fresh credentials; RFC 5761 / RFC 8858 mux */
    {"fresh ICE credentials", HEAD AUDIO("0"), CAPS_TYPICAL, 0, 0, 0, {NULL},
     {"offU", "offerpasswordoffer12345"}},
    {"rtcp-mux-only answered with rtcp-mux",
     HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" T("0") "a=rtcp-mux\r\na=rtcp-mux-only\r\n" OPUS,
     CAPS_TYPICAL, 0, 0, 0, {"a=rtcp-mux"}, {"rtcp-mux-only"}},
    {"no rtcp-mux when not offered",
     HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" T("0") OPUS, CAPS_TYPICAL, 0, 0, 0, {NULL},
     {"rtcp-mux"}},
    {"rtcp-rsize echoed",
     HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" T("0") "a=rtcp-rsize\r\n" OPUS, CAPS_TYPICAL, 0, 0,
     0, {"a=rtcp-rsize"}, {NULL}},
    {"ice-lite", HEAD AUDIO("0"), CAPS_ICE_LITE, 0, 0, 0, {"a=ice-lite"}, {NULL}},
    /* RFC 8843 7.3.1: BUNDLE over accepted mids only; rejected sections proper */
    {"BUNDLE without the rejected section",
     HEAD "a=group:BUNDLE 0 1 2\r\n" AUDIO("0") VIDEO("1", "96", VP8) DATA("2"),
     CAPS_AUDIO_ONLY, 0, 0, 0, {"a=group:BUNDLE 0", "m=video 0 UDP/TLS/RTP/SAVPF 96", "a=mid:1",
                                "m=application 0 UDP/DTLS/SCTP webrtc-datachannel", "a=mid:2"},
     {"BUNDLE 0 1", "a=rtpmap:96"}},
    {"offered port 0 stays rejected",
     HEAD "m=audio 0 UDP/TLS/RTP/SAVPF 111\r\n" T("0") OPUS, CAPS_TYPICAL, SDPX_ANSWER_STRICT, 0, 0,
     {"m=audio 0 UDP/TLS/RTP/SAVPF 111", "a=mid:0"}, {"a=setup", "ice-ufrag"}},
    {"bundle-only section accepted",
     HEAD "a=group:BUNDLE 0 1\r\n" AUDIO("0")
          "m=video 0 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=bundle-only\r\na=mid:1\r\n" VP8,
     CAPS_TYPICAL, 0, 0, 0, {"a=group:BUNDLE 0 1", "m=video 9 UDP/TLS/RTP/SAVPF 96"}, {"bundle-only"}},
    /* RFC 8853 5.3, RFC 8851 4: send -> recv, accepted rids, paused kept */
    {"simulcast answered recv with rid recv",
     HEAD VIDEO("0", "96 98", VP8 "a=rtpmap:98 VP9/90000\r\na=rid:h send\r\na=rid:m send pt=96\r\n"
                                  "a=rid:l send\r\na=rid:x send pt=98\r\na=simulcast:send h;~m;l;x\r\n"),
     CAPS_TYPICAL, 0, 0, 0, {"a=simulcast:recv h;~m;l", "a=rid:h recv", "a=rid:m recv pt=96", "a=rid:l recv"},
     {"a=rid:x", "simulcast:send", " send"}},
    {"simulcast alternatives",
     HEAD VIDEO("0", "96", VP8 "a=rid:1 send\r\na=rid:2 send\r\na=rid:3 send\r\na=simulcast:send 1,~2;3\r\n"),
     CAPS_TYPICAL, 0, 0, 0, {"a=simulcast:recv 1,~2;3"}, {NULL}},
    {"no simulcast when not accepted locally",
     HEAD VIDEO("0", "96", VP8 "a=rid:h send\r\na=rid:l send\r\na=simulcast:send h;l\r\n"),
     CAPS_RECVONLY, 0, 0, 0, {NULL}, {"simulcast", "a=rid"}},
    /* RFC 8841 */
    {"data channel", HEAD DATA("0") "a=max-message-size:1000\r\n", CAPS_TYPICAL, 0, 0, 0,
     {"m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "a=sctp-port:5000",
      "a=max-message-size:262144"}, {"sctpmap"}},
    {"legacy sctpmap answered in its own form",
     HEAD "m=application 9 DTLS/SCTP 5000\r\n" T("0") "a=sctpmap:5000 webrtc-datachannel 256\r\n",
     CAPS_TYPICAL, 0, 0, 0, {"m=application 9 DTLS/SCTP 5000", "a=sctpmap:5000 webrtc-datachannel 256"},
     {"sctp-port"}},
    {"data-only offer",
     HEAD "a=group:BUNDLE d\r\n" DATA("d"), CAPS_TYPICAL, 0, 0, 0, {"a=group:BUNDLE d", "a=mid:d"}, {NULL}},
    {"data channels not supported",
     HEAD DATA("0"), CAPS_AUDIO_ONLY, 0, 0, 0, {"m=application 0 UDP/DTLS/SCTP webrtc-datachannel"}, {NULL}},
    /* SIP: RTP/AVP, static payload types, no ICE or DTLS */
    {"SIP offer",
     "v=0\r\no=alice 1 1 IN IP4 198.51.100.1\r\ns=-\r\nc=IN IP4 198.51.100.1\r\nt=0 0\r\n"
     "m=audio 49170 RTP/AVP 18 0 101\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\n",
     CAPS_SIP, 0, 0, 0, {"m=audio 9 RTP/AVP 0 101", "a=rtpmap:101 telephone-event/8000",
                         "a=fmtp:101 0-15"}, {"ice", "setup", "fingerprint", "rtpmap:0"}},
    /* fuzz_answer: only an event list is echoed for telephone-event (its apt= named a dropped type) */
    /* fuzz_answer again: a range that runs backwards ("51-0") is no event list either */
    {"telephone-event echoes events, nothing else",
     HEAD "m=audio 9 RTP/AVP 0 101 102 103 104\r\nc=IN IP4 0.0.0.0\r\na=rtpmap:101 telephone-event/8000\r\n"
          "a=fmtp:101 apt=100\r\na=rtpmap:102 telephone-event/8000\r\na=fmtp:102 0-15,66\r\n"
          "a=rtpmap:103 telephone-event/8000\r\na=fmtp:103 0-999\r\n"
          "a=rtpmap:104 telephone-event/8000\r\na=fmtp:104 51-0\r\n",
     CAPS_TYPICAL_SIP_EVENTS, 0, 0, 0, {"m=audio 9 RTP/AVP 0 101 102 103 104", "a=fmtp:102 0-15,66"},
     {"apt=100", "999", "51-0"}},
    /* errors name the section and why */
    {"DTLS without a fingerprint",
     HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=setup:actpass\r\na=mid:0\r\n" OPUS,
     CAPS_TYPICAL, SDPX_ANSWER_STRICT, 0, SDPX_EN_NO_FINGERPRINT, {NULL}, {NULL}},
    {"SDES is not supported",
     HEAD "m=audio 9 RTP/SAVP 0\r\nc=IN IP4 0.0.0.0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 "
          "inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz\r\n",
     CAPS_SIP, SDPX_ANSWER_STRICT, 0, SDPX_EN_PROTO, {NULL}, {NULL}},
    /* RFC 8866 5.14: proto = token *("/" token), else the m= line cannot be answered */
    {"proto ending in /", HEAD "m=audio 9 RTP/ 0\r\nc=IN IP4 0.0.0.0\r\n", CAPS_SIP, 0, 0, SDPX_EN_PROTO,
     {NULL}, {NULL}},
    {"proto starting with /", HEAD "m=audio 9 /RTP/AVP 0\r\nc=IN IP4 0.0.0.0\r\n", CAPS_SIP, 0, 0,
     SDPX_EN_PROTO, {NULL}, {NULL}},
    {"proto with an empty part", HEAD "m=audio 9 RTP//AVP 0\r\nc=IN IP4 0.0.0.0\r\n", CAPS_SIP, 0, 0,
     SDPX_EN_PROTO, {NULL}, {NULL}},
    {"proto with a non-token character", HEAD "m=audio 9 RTP/A\"VP 0\r\nc=IN IP4 0.0.0.0\r\n", CAPS_SIP, 0,
     0, SDPX_EN_PROTO, {NULL}, {NULL}},
    {"no common codec fails with STRICT",
     HEAD VIDEO("v", "98", "a=rtpmap:98 VP9/90000\r\n"), CAPS_TYPICAL, SDPX_ANSWER_STRICT, 0,
     SDPX_EN_NO_CODEC, {NULL}, {NULL}},
    {"unknown media kind",
     HEAD "m=text 9 RTP/AVP 98\r\nc=IN IP4 0.0.0.0\r\na=rtpmap:98 t140/1000\r\n", CAPS_TYPICAL,
     SDPX_ANSWER_STRICT, 0, SDPX_EN_KIND, {NULL}, {NULL}},
    {"unsupported proto rejected",
     HEAD "m=image 9 udptl t38\r\nc=IN IP4 0.0.0.0\r\n", CAPS_TYPICAL, 0, 0, 0,
     {"m=image 0 udptl t38"}, {NULL}},
    /* RFC 8866 5.14: proto parts compare whole, between the "/" */
    {"RTP/AVPF is RTP",
     HEAD "m=audio 9 RTP/AVPF 0\r\nc=IN IP4 0.0.0.0\r\n", CAPS_SIP, 0, 0, 0,
     {"m=audio 9 RTP/AVPF 0"}, {NULL}},
    {"a part that only starts with AVP is no RTP profile",
     HEAD "m=audio 9 RTP/AVPX 0\r\nc=IN IP4 0.0.0.0\r\n", CAPS_SIP, 0, 0, 0,
     {"m=audio 0 RTP/AVPX 0"}, {NULL}},
    {"a part that only ends with RTP is no RTP",
     HEAD "m=audio 9 XRTP/AVP 0\r\nc=IN IP4 0.0.0.0\r\n", CAPS_SIP, 0, 0, 0,
     {"m=audio 0 XRTP/AVP 0"}, {NULL}},
    {"duplicate mid refused",
     HEAD AUDIO("0") AUDIO("0"), CAPS_TYPICAL, 0, 0, SDPX_EINVAL, {NULL}, {NULL}},
};

static int line_in(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = text; (p = strstr(p, line)) != NULL; p++)
        if ((p == text || p[-1] == '\n') && p[n] == '\r')
            return 1;
    return 0;
}

START_TEST(rule_table)
{
    const rule_case *c = &rules[_i];
    sdpx_session *offer = parse_ok(c->offer, 0);
    sdpx_caps caps;
    make_caps(&caps, c->caps);
    sdpx_answer_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = c->flags;
    opt.setup = c->setup;
    sdpx_error err;
    int rc;
    char *text = answer_checked(offer, &caps, &opt, 42, &rc, &err);
    ck_assert_msg(rc == c->rc, "%s: expected %s, got %s (%s)", c->name, sdpx_code_name(c->rc),
                  sdpx_code_name(rc), rc ? err.msg : "");
    for (size_t i = 0; text && i < 6 && c->has[i]; i++)
        ck_assert_msg(line_in(text, c->has[i]), "%s: no line [%s] in\n%s", c->name, c->has[i], text);
    for (size_t i = 0; text && i < 4 && c->lacks[i]; i++)
        ck_assert_msg(!strstr(text, c->lacks[i]), "%s: [%s] in\n%s", c->name, c->lacks[i], text);
    free(text);
    sdpx_session_free(offer);
}
END_TEST

/* The error names the section and the reason; without STRICT the diag hears it. */
START_TEST(errors_name_the_section)
{
    sdpx_session *offer = parse_ok(HEAD AUDIO("a") VIDEO("v", "98", "a=rtpmap:98 VP9/90000\r\n"), 0);
    sdpx_caps caps;
    make_caps(&caps, CAPS_TYPICAL);
    sdpx_answer_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = SDPX_ANSWER_STRICT;
    sdpx_session *a = (sdpx_session *)1;
    sdpx_error err;
    ck_assert_int_eq(sdpx_answer_create(offer, &caps, &opt, &a, &err), SDPX_EN_NO_CODEC);
    ck_assert_ptr_null(a);
    ck_assert_str_eq(err.msg, "m=1 (mid \"v\"): no common codec (RFC 3264 6.1)");
    ck_assert_uint_eq(err.line, 15);
    finding_list f;
    memset(&f, 0, sizeof f);
    opt.flags = 0;
    opt.diag = collect;
    opt.diag_ctx = &f;
    ck_assert_int_eq(sdpx_answer_create(offer, &caps, &opt, &a, &err), 0);
    ck_assert_int_eq(f.n, 1);
    ck_assert_int_eq(f.codes[0], SDPX_EN_NO_CODEC);
    ck_assert_str_eq(f.msgs[0], "m=1 (mid \"v\"): no common codec (RFC 3264 6.1)");
    sdpx_session_free(a);
    ck_assert_int_eq(sdpx_answer_create(NULL, &caps, NULL, &a, &err), SDPX_EINVAL);
    ck_assert_int_eq(sdpx_answer_create(offer, NULL, NULL, &a, &err), SDPX_EINVAL);
    opt.address = "not an address!";
    ck_assert_int_eq(sdpx_answer_create(offer, &caps, &opt, &a, &err), SDPX_EINVAL);
    sdpx_session_free(offer);
}
END_TEST

/* The answer's address (o= and c=) is given as is, an FQDN too, and a
 * long one is cut to 72 characters ("IN IP4 " and the name in 79). */
START_TEST(answer_address)
{
    sdpx_session *offer = parse_ok(HEAD AUDIO("0"), 0);
    sdpx_caps caps;
    make_caps(&caps, CAPS_TYPICAL);
    sdpx_answer_options opt;
    memset(&opt, 0, sizeof opt);
    int rc;
    sdpx_error err;
    opt.address = "2001:db8::7";
    char *a = answer_checked(offer, &caps, &opt, 3, &rc, &err);
    ck_assert_int_eq(rc, 0);
    ck_assert_ptr_nonnull(strstr(a, " 1 IN IP6 2001:db8::7\r\ns=-\r\n"));
    ck_assert_ptr_nonnull(strstr(a, "\r\nc=IN IP6 2001:db8::7\r\n"));
    free(a);
    opt.address = "host-with-a-rather-long-name.subdomain-number-one.subdomain-number-two.example.com";
    a = answer_checked(offer, &caps, &opt, 3, &rc, &err);
    ck_assert_int_eq(rc, 0);
    ck_assert_ptr_nonnull(strstr(a, "\r\nc=IN IP4 host-with-a-rather-long-name.subdomain-number-one."
                                    "subdomain-number-two.e\r\n"));
    free(a);
    sdpx_session_free(offer);
}
END_TEST

/* RFC 5888 4: a mid a later section repeats is named at that section, the
 * mids in any order (sorted by insertion or qsort, the same pair found). */
START_TEST(duplicate_mid_named)
{
    sdpx_session *offer = parse_ok(HEAD AUDIO("b") AUDIO("a") AUDIO("c") AUDIO("a"), 0);
    sdpx_caps caps;
    make_caps(&caps, CAPS_TYPICAL);
    sdpx_session *a = NULL;
    sdpx_error err;
    ck_assert_int_eq(sdpx_answer_create(offer, &caps, NULL, &a, &err), SDPX_EINVAL);
    ck_assert_ptr_null(a);
    ck_assert_str_eq(err.msg, "m=3 (mid \"a\"): a=mid not a unique token (RFC 5888 4)");
    ck_assert_uint_eq(err.line, 41);
    sdpx_session_free(offer);
}
END_TEST

static int failing_random(void *ctx, void *buf, size_t len)
{
    (void)ctx;
    (void)buf;
    (void)len;
    return SDPX_EINVAL;
}

/* Fixed randomness gives the same answer byte for byte; the random
 * function's failure is the answer's. */
START_TEST(deterministic)
{
    sdpx_session *offer = parse_ok(HEAD AUDIO("0"), 0);
    sdpx_caps caps;
    make_caps(&caps, CAPS_TYPICAL);
    int rc;
    sdpx_error err;
    char *a = answer_checked(offer, &caps, NULL, 7, &rc, &err);
    char *b = answer_checked(offer, &caps, NULL, 7, &rc, &err);
    char *c = answer_checked(offer, &caps, NULL, 8, &rc, &err);
    ck_assert_str_eq(a, b);
    ck_assert_str_ne(a, c);
    free(a);
    free(b);
    free(c);
    sdpx_answer_options opt;
    memset(&opt, 0, sizeof opt);
    opt.random = failing_random;
    sdpx_session *s;
    ck_assert_int_eq(sdpx_answer_create(offer, &caps, &opt, &s, &err), SDPX_EINVAL);
    /* the default reads system entropy: two answers differ */
    sdpx_session *x, *y;
    ck_assert_int_eq(sdpx_answer_create(offer, &caps, NULL, &x, &err), 0);
    ck_assert_int_eq(sdpx_answer_create(offer, &caps, NULL, &y, &err), 0);
    sdpx_str ux, uy;
    ck_assert_int_eq(sdpx_media_ice_ufrag(sdpx_session_media(x, 0), &ux), 0);
    ck_assert_int_eq(sdpx_media_ice_ufrag(sdpx_session_media(y, 0), &uy), 0);
    ck_assert(!(ux.len == uy.len && !memcmp(ux.ptr, uy.ptr, ux.len)));
    /* one read of the system source serves ufrag, pwd and id: each its own bytes */
    sdpx_str px;
    sdpx_origin ox, oy;
    ck_assert_int_eq(sdpx_media_ice_pwd(sdpx_session_media(x, 0), &px), 0);
    ck_assert_uint_eq(ux.len, 8);
    ck_assert_uint_eq(px.len, 24);
    ck_assert(memcmp(ux.ptr, px.ptr, 8) != 0);
    ck_assert_int_eq(sdpx_session_origin(x, &ox), 0);
    ck_assert_int_eq(sdpx_session_origin(y, &oy), 0);
    ck_assert(!sdpx_str_eq(ox.sess_id, "0"));
    ck_assert(!(ox.sess_id.len == oy.sess_id.len && !memcmp(ox.sess_id.ptr, oy.sess_id.ptr, ox.sess_id.len)));
    sdpx_session_free(x);
    sdpx_session_free(y);
    sdpx_session_free(offer);
}
END_TEST

/* fuzz_answer: an offer carrying the very credentials the random function
 * makes next still gets other ones (JSEP 5.3.1: never the offer's). */
START_TEST(credentials_never_the_offers)
{
    uint64_t seed = 42;
    char u[SDPX_ICE_UFRAG_CHARS + 1], p[SDPX_ICE_PWD_CHARS + 1], text[2048];
    ck_assert_int_eq(sdpx_ice_credentials_make(fixed_random, &seed, u, p), 0);
    /* the section's only credentials; the second of two lines (the walk
     * records the first of each kind); the session level's */
    static const char *const forms[] = {
        HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=ice-ufrag:%s\r\n"
             "a=ice-pwd:%s\r\n" FP "a=setup:actpass\r\na=mid:0\r\n" OPUS,
        HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=ice-ufrag:firstU\r\n"
             "a=ice-ufrag:%s\r\na=ice-pwd:firstpasswordfirst12345\r\na=ice-pwd:%s\r\n" FP
             "a=setup:actpass\r\na=mid:0\r\n" OPUS,
        "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=ice-ufrag:%s\r\na=ice-pwd:%s\r\n"
        "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n" FP "a=setup:actpass\r\na=mid:0\r\n" OPUS,
    };
    snprintf(text, sizeof text, forms[_i], u, p);
    sdpx_session *offer = parse_ok(text, 0);
    sdpx_caps caps;
    make_caps(&caps, CAPS_TYPICAL);
    int rc;
    sdpx_error err;
    char *a = answer_checked(offer, &caps, NULL, 42, &rc, &err); /* verifies: no V_ICE */
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_null(strstr(a, u));
    ck_assert_ptr_null(strstr(a, p));
    free(a);
    sdpx_session_free(offer);
}
END_TEST

/* The answer text grows past its first blocks (4 KiB, doubling) in the
 * middle of lines and takes the session part in front: 70 sections (more
 * than the answerer keeps on its stack) of about 350 bytes each, every one
 * answered whole and in order. */
START_TEST(long_answer_text)
{
    char *text = malloc(64 * 1024), mid[16];
    size_t len = (size_t)snprintf(text, 64 * 1024, "%s", HEAD);
    for (int i = 0; i < 70; i++) {
        snprintf(mid, sizeof mid, "m%d", i);
        len += (size_t)snprintf(text + len, 64 * 1024 - len, AUDIO("%s"), mid);
    }
    sdpx_session *offer = parse_ok(text, 0);
    sdpx_caps caps;
    make_caps(&caps, CAPS_TYPICAL);
    int rc;
    sdpx_error err;
    char *a = answer_checked(offer, &caps, NULL, 42, &rc, &err);
    ck_assert_int_eq(rc, 0);
    ck_assert_uint_gt(strlen(a), 16 * 1024); /* past the 4, 8 and 16 KiB blocks */
    ck_assert(!strncmp(a, "v=0\r\no=- ", 9));
    const char *at = a;
    for (int i = 0; i < 70; i++) {
        char want[32];
        snprintf(want, sizeof want, "\r\na=mid:m%d\r\n", i);
        const char *p = strstr(at, want);
        ck_assert_msg(p != NULL, "section %d missing or out of order", i);
        at = p + 1;
    }
    ck_assert_ptr_nonnull(strstr(a, "a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n"
                                    "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"));
    free(a);
    free(text);
    sdpx_session_free(offer);
}
END_TEST

/* ---- sdpx_answer_verify: each bug class, as a broken answer ------------ */

#define VOFFER                                                                                \
    HEAD "a=group:BUNDLE 0 1 2\r\n" "m=audio 9 UDP/TLS/RTP/SAVPF 111 63\r\n" T("0")             \
         "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=rtcp-mux\r\n" OPUS              \
         "a=rtcp-fb:111 transport-cc\r\na=rtpmap:63 red/48000/2\r\na=fmtp:63 111/111\r\n"     \
    VIDEO("1", "96 97 100 101", VP8 "a=rtcp-fb:96 nack\r\n" RTX("97", "96")                    \
          H264("100", "packetization-mode=1;profile-level-id=42e01f") RTX("101", "100")         \
          "a=rid:h send\r\na=rid:l send\r\na=simulcast:send h;l\r\n") DATA("2")

typedef struct verify_case {
    const char *name;
    const char *from, *to; /* the answer's text with `from` replaced by `to` */
    int code;
} verify_case;

static const verify_case verifies[] = {
    {"payload type renumbered", "a=rtpmap:96 VP8/90000", "a=rtpmap:96 H264/90000", SDPX_EN_V_CODEC},
    {"payload type not offered", "UDP/TLS/RTP/SAVPF 96 97 100 101", "UDP/TLS/RTP/SAVPF 96 97 100 101 120",
     SDPX_EN_V_CODEC},
    {"RTX whose apt was dropped", "UDP/TLS/RTP/SAVPF 96 97 100 101", "UDP/TLS/RTP/SAVPF 97 100 101",
     SDPX_EN_V_PARTNER},
    {"RED carrying a dropped codec", "UDP/TLS/RTP/SAVPF 111 63", "UDP/TLS/RTP/SAVPF 63", SDPX_EN_V_PARTNER},
    {"H.264 level raised", "profile-level-id=42e01f", "profile-level-id=42e033", SDPX_EN_V_FMTP},
    {"H.264 profile changed", "profile-level-id=42e01f", "profile-level-id=64001f", SDPX_EN_V_FMTP},
    {"rtcp-fb not offered", "a=rtcp-fb:96 nack\r\n", "a=rtcp-fb:96 nack\r\na=rtcp-fb:96 goog-lntf\r\n",
     SDPX_EN_V_RTCP_FB},
    {"extmap id reassigned", "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid",
     "a=extmap:5 urn:ietf:params:rtp-hdrext:sdes:mid", SDPX_EN_V_EXTMAP},
    {"control: an unknown attribute is no violation", "a=sendrecv", "a=sendrecv\r\na=x-dummy", 0},
    {"setup actpass in an answer", "a=setup:active", "a=setup:actpass", SDPX_EN_V_SETUP},
    {"ICE password copied (not only ufrag)", "a=ice-pwd:", "a=ice-pwd:offerpasswordoffer12345\r\na=x-old-pwd:",
     SDPX_EN_V_ICE},
    {"BUNDLE names a rejected section", "m=application 9", "m=application 0", SDPX_EN_V_BUNDLE},
    {"simulcast answered send", "a=simulcast:recv h;l", "a=simulcast:send h;l", SDPX_EN_V_SIMULCAST},
    {"rid not offered", "a=rid:h recv", "a=rid:q recv", SDPX_EN_V_SIMULCAST},
    {"sctpmap answering sctp-port", "a=sctp-port:5000", "a=sctpmap:5000 webrtc-datachannel 1024",
     SDPX_EN_V_SCTP},
    {"mid changed", "a=mid:2", "a=mid:9", SDPX_EN_V_MID},
    {"proto changed", "m=application 9 UDP/DTLS/SCTP", "m=application 9 TCP/DTLS/SCTP", SDPX_EN_V_PROTO},
};

static char *replace(const char *text, const char *from, const char *to)
{
    const char *p = strstr(text, from);
    ck_assert_msg(p != NULL, "[%s] not in the answer", from);
    size_t a = (size_t)(p - text), nf = strlen(from), nt = strlen(to), n = strlen(text);
    char *out = malloc(n - nf + nt + 1);
    memcpy(out, text, a);
    memcpy(out + a, to, nt);
    memcpy(out + a + nt, p + nf, n - a - nf + 1);
    return out;
}

START_TEST(verify_table)
{
    const verify_case *c = &verifies[_i];
    sdpx_session *offer = parse_ok(VOFFER, 0);
    sdpx_caps caps;
    make_caps(&caps, CAPS_TYPICAL);
    int rc;
    sdpx_error err;
    char *good = answer_checked(offer, &caps, NULL, 1, &rc, &err);
    ck_assert_msg(good != NULL, "%s", err.msg);
    char *bad = replace(good, c->from, c->to);
    sdpx_session *a = parse_ok(bad, 0);
    finding_list f;
    memset(&f, 0, sizeof f);
    int n = sdpx_answer_verify(offer, a, collect, &f);
    ck_assert_int_eq(n, f.n);
    if (c->code)
        ck_assert_msg(finding_has(&f, c->code), "%s: no %s among %d findings (%s)", c->name,
                      sdpx_code_name(c->code), f.n, f.n ? f.msgs[0] : "");
    else
        ck_assert_int_eq(n, 0); /* the control row: an unknown attribute is no violation */
    free(good);
    free(bad);
    sdpx_session_free(a);
    sdpx_session_free(offer);
}
END_TEST

/* Findings that need their own offer. */
static void verify_pair(const char *offer, const char *answer, int code, const char *msg)
{
    sdpx_session *o = parse_ok(offer, 0), *a = parse_ok(answer, 0);
    finding_list f;
    memset(&f, 0, sizeof f);
    ck_assert_int_ge(sdpx_answer_verify(o, a, collect, &f), 1);
    ck_assert_msg(finding_has(&f, code), "no %s (first: %s)", sdpx_code_name(code), f.n ? f.msgs[0] : "");
    if (msg)
        ck_assert_str_eq(f.msgs[0], msg);
    sdpx_session_free(o);
    sdpx_session_free(a);
}

#define ANS_T(M, S)                                                                           \
    "c=IN IP4 0.0.0.0\r\na=ice-ufrag:ansU\r\na=ice-pwd:answerpasswordanswer1234\r\n" FP       \
    "a=setup:" S "\r\na=mid:" M "\r\n"

START_TEST(verify_pairs)
{
    /* direction: recvonly answering recvonly */
    verify_pair(HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" T("0") "a=recvonly\r\n" OPUS,
                HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" ANS_T("0", "active") "a=recvonly\r\n" OPUS,
                SDPX_EN_V_DIRECTION, "m=0 (mid \"0\"): recvonly does not answer recvonly (RFC 3264 6.1)");
    /* a section count that differs */
    verify_pair(HEAD AUDIO("0") AUDIO("1"),
                HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" ANS_T("0", "active") OPUS, SDPX_EN_V_SECTIONS,
                "session: the offer has 2 media sections, the answer 1 (RFC 3264 6)");
    /* accepting what the offer rejected */
    verify_pair(HEAD "m=audio 0 UDP/TLS/RTP/SAVPF 111\r\n" T("0") OPUS,
                HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" ANS_T("0", "active") OPUS, SDPX_EN_V_ACCEPTED, NULL);
    /* rtcp-mux not offered */
    verify_pair(HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" T("0") OPUS,
                HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" ANS_T("0", "active") "a=rtcp-mux\r\n" OPUS,
                SDPX_EN_V_RTCP_MUX, NULL);
    /* setup active answered active */
    verify_pair(HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" TS("0", "active") OPUS,
                HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" ANS_T("0", "active") OPUS, SDPX_EN_V_SETUP,
                "m=0 (mid \"0\"): a=setup:active does not answer a=setup:active (RFC 8842 5.2, RFC 4145 4)");
    /* DTLS answer without fingerprint */
    verify_pair(HEAD AUDIO("0"),
                HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=ice-ufrag:ansU\r\n"
                     "a=ice-pwd:answerpasswordanswer1234\r\na=setup:active\r\na=mid:0\r\na=rtcp-mux\r\n" OPUS,
                SDPX_EN_V_FINGERPRINT, NULL);
    /* BUNDLE naming a section the offer did not bundle */
    verify_pair(HEAD AUDIO("0"),
                HEAD "a=group:BUNDLE 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" ANS_T("0", "active")
                     "a=rtcp-mux\r\n" OPUS,
                SDPX_EN_V_BUNDLE, NULL);
}
END_TEST

typedef struct line_list {
    int codes[8];
    unsigned lines[8];
    int n;
} line_list;

static void collect_lines(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    line_list *f = ctx;
    (void)sev;
    if (f->n < 8) {
        f->codes[f->n] = e->code;
        f->lines[f->n] = e->line;
    }
    f->n++;
}

/* Codec findings name the answer's line: the rtpmap of the type, the m=
 * line for a static type without one, the rtcp-fb line. */
START_TEST(verify_finding_lines)
{
    sdpx_session *o = parse_ok(HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n" T("0") "a=rtcp-mux\r\n" OPUS, 0);
    sdpx_session *a = parse_ok(HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111 0 100\r\n" ANS_T("0", "active")
                                    "a=rtcp-mux\r\n" OPUS "a=rtcp-fb:111 nack\r\na=rtpmap:100 ISAC/16000\r\n",
                               0);
    line_list f;
    memset(&f, 0, sizeof f);
    ck_assert_int_eq(sdpx_answer_verify(o, a, collect_lines, &f), 3);
    ck_assert_int_eq(f.n, 3);
    ck_assert_int_eq(f.codes[0], SDPX_EN_V_CODEC); /* 0: no rtpmap, the m= line */
    ck_assert_uint_eq(f.lines[0], 5);
    ck_assert_int_eq(f.codes[1], SDPX_EN_V_CODEC); /* 100: its rtpmap */
    ck_assert_uint_eq(f.lines[1], 16);
    ck_assert_int_eq(f.codes[2], SDPX_EN_V_RTCP_FB);
    ck_assert_uint_eq(f.lines[2], 15);
    sdpx_session_free(o);
    sdpx_session_free(a);
}
END_TEST

/* ---- every WebRTC description of the corpus, answered ------------------- */

static const char *const webrtc_kinds[] = {"chrome", "firefox", "safari", "edge", "opera",
                                           "webrtc-server", "webrtc-synthetic"};

START_TEST(corpus_answers)
{
    if (!corpus_present())
        return;
    size_t len;
    char *raw = read_file(SDPX_CORPUS_DIR "/index.tsv", &len);
    ck_assert_ptr_nonnull(raw);
    char *tsv = malloc(len + 1);
    memcpy(tsv, raw, len);
    tsv[len] = 0;
    free(raw);
    sdpx_caps caps;
    make_caps(&caps, CAPS_TYPICAL);
    size_t files = 0, answered = 0, refused = 0, sections = 0, accepted = 0;
    char *save = NULL;
    for (char *line = strtok_r(tsv, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *name = line, *dir = strchr(name, '\t');
        if (!dir)
            continue;
        *dir++ = 0;
        char *kind = strchr(dir, '\t');
        if (!kind)
            continue;
        *kind++ = 0;
        char *end = strchr(kind, '\t');
        if (end)
            *end = 0;
        int webrtc = 0;
        for (size_t k = 0; k < sizeof webrtc_kinds / sizeof webrtc_kinds[0]; k++)
            webrtc |= !strcmp(kind, webrtc_kinds[k]);
        if (strcmp(dir, "valid") || !webrtc)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/valid/%s", SDPX_CORPUS_DIR, name);
        size_t n;
        char *text = read_file(path, &n);
        ck_assert_ptr_nonnull(text);
        sdpx_session *offer;
        if (sdpx_parse(text, n, NULL, &offer, NULL)) {
            free(text);
            continue;
        }
        files++;
        int rc;
        sdpx_error err;
        char *a = answer_checked(offer, &caps, NULL, 99, &rc, &err);
        if (a) {
            char *b = answer_checked(offer, &caps, NULL, 99, &rc, &err);
            ck_assert_msg(b && !strcmp(a, b), "%s: answering is not deterministic", name);
            sdpx_session *as = parse_ok(a, SDPX_PARSE_STRICT);
            for (size_t i = 0; i < sdpx_session_media_count(as); i++) {
                sdpx_mline ml;
                sdpx_media_mline(sdpx_session_media(as, i), &ml);
                accepted += ml.port != 0;
            }
            sections += sdpx_session_media_count(as);
            sdpx_session_free(as);
            answered++;
            free(b);
        } else {
            /* the only offers refused are the ones the answer could not keep
             * consistent: duplicate or malformed mids, m= lines that do not decode */
            ck_assert_msg(rc == SDPX_EINVAL || rc == SDPX_EN_PROTO, "%s: %s: %s", name,
                          sdpx_code_name(rc), err.msg);
            refused++;
        }
        free(a);
        sdpx_session_free(offer);
        free(text);
    }
    free(tsv);
    printf("corpus: %zu WebRTC descriptions, %zu answered (%zu of %zu sections accepted), %zu refused\n",
           files, answered, accepted, sections, refused);
    ck_assert_uint_ge(files, 150);
    ck_assert_uint_ge(answered * 100, files * 95);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("answer");
    TCase *tc = tcase_create("rules");
    tcase_add_loop_test(tc, rule_table, 0, (int)(sizeof rules / sizeof rules[0]));
    tcase_add_test(tc, errors_name_the_section);
    tcase_add_test(tc, answer_address);
    tcase_add_test(tc, duplicate_mid_named);
    tcase_add_test(tc, deterministic);
    tcase_add_loop_test(tc, credentials_never_the_offers, 0, 3);
    tcase_add_test(tc, long_answer_text);
    suite_add_tcase(s, tc);
    tc = tcase_create("verify");
    tcase_add_loop_test(tc, verify_table, 0, (int)(sizeof verifies / sizeof verifies[0]));
    tcase_add_test(tc, verify_pairs);
    tcase_add_test(tc, verify_finding_lines);
    suite_add_tcase(s, tc);
    tc = tcase_create("corpus");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, corpus_answers);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
