/* Edit helpers on a hand-written offer: codecs with their partners, fmtp
 * parameters, direction, ICE, DTLS, BUNDLE, streams, header extensions,
 * redaction. Each expectation is the input with lines deleted or replaced,
 * written by hand. */
#include "testutil.h"

#define FP32 "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF"
#define FP20 "01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67"

static const char offer[] =
    "v=0\r\n"
    "o=- 1 1 IN IP4 192.0.2.1\r\n"
    "s=-\r\n"
    "t=0 0\r\n"
    "a=group:BUNDLE 0 1 2\r\n"
    "a=extmap-allow-mixed\r\n"
    "a=msid-semantic: WMS s1\r\n"
    "m=audio 50000 UDP/TLS/RTP/SAVPF 111 63 0 126\r\n"
    "c=IN IP4 203.0.113.5\r\n"
    "a=rtcp:9 IN IP4 0.0.0.0\r\n"
    "a=candidate:1 1 udp 2122260223 192.168.1.10 50000 typ host generation 0\r\n"
    "a=candidate:2 1 udp 2122194687 fe80::1 50001 typ host generation 0\r\n"
    "a=candidate:3 1 tcp 1518280447 192.168.1.10 9 typ host tcptype active generation 0\r\n"
    "a=candidate:4 1 udp 1686052607 203.0.113.5 50000 typ srflx raddr 192.168.1.10 rport 50000 generation 0\r\n"
    "a=candidate:5 1 udp 2122260223 3f2a1b9c-1234-4cde-9f00-aabbccddeeff.local 50002 typ host generation 0\r\n"
    "a=candidate:6 1 udp 41885439 198.51.100.9 3478 typ relay raddr 203.0.113.5 rport 50000 generation 0\r\n"
    "a=candidate:7 2 udp 2122260222 127.0.0.1 50003 typ host generation 0\r\n"
    "a=ice-ufrag:abcd\r\n"
    "a=ice-pwd:0123456789abcdefghijkl\r\n"
    "a=ice-options:trickle\r\n"
    "a=fingerprint:sha-256 " FP32 "\r\n"
    "a=setup:actpass\r\n"
    "a=mid:0\r\n"
    "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
    "a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
    "a=sendrecv\r\n"
    "a=msid:s1 a1\r\n"
    "a=rtcp-mux\r\n"
    "a=rtpmap:111 opus/48000/2\r\n"
    "a=rtcp-fb:111 transport-cc\r\n"
    "a=fmtp:111 minptime=10;useinbandfec=1\r\n"
    "a=rtpmap:63 red/48000/2\r\n"
    "a=fmtp:63 111/111\r\n"
    "a=rtpmap:126 telephone-event/8000\r\n"
    "a=ssrc:1001 cname:c\r\n"
    "a=ssrc:1001 msid:s1 a1\r\n"
    "m=video 50000 UDP/TLS/RTP/SAVPF 96 97 102 103 104 105 106 107 108\r\n"
    "c=IN IP4 203.0.113.5\r\n"
    "a=ice-ufrag:abcd\r\n"
    "a=ice-pwd:0123456789abcdefghijkl\r\n"
    "a=fingerprint:sha-256 " FP32 "\r\n"
    "a=setup:actpass\r\n"
    "a=mid:1\r\n"
    "a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
    "a=extmap:4 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\n"
    "a=recvonly\r\n"
    "a=rtcp-mux\r\n"
    "a=rtpmap:96 VP8/90000\r\n"
    "a=rtcp-fb:96 nack\r\n"
    "a=rtcp-fb:96 nack pli\r\n"
    "a=rtpmap:97 rtx/90000\r\n"
    "a=fmtp:97 apt=96\r\n"
    "a=rtpmap:102 H264/90000\r\n"
    "a=rtcp-fb:102 nack\r\n"
    "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f\r\n"
    "a=rtpmap:103 rtx/90000\r\n"
    "a=fmtp:103 apt=102\r\n"
    "a=rtpmap:104 H264/90000\r\n"
    "a=fmtp:104 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f\r\n"
    "a=rtpmap:105 rtx/90000\r\n"
    "a=fmtp:105 apt=104\r\n"
    "a=rtpmap:106 red/90000\r\n"
    "a=rtpmap:107 rtx/90000\r\n"
    "a=fmtp:107 apt=106\r\n"
    "a=rtpmap:108 ulpfec/90000\r\n"
    "a=rid:h send pt=96,102\r\n"
    "a=rid:l send pt=104,96;max-width=320\r\n"
    "a=ssrc-group:FID 2001 2002\r\n"
    "a=ssrc:2001 cname:c\r\n"
    "a=ssrc:2002 cname:c\r\n"
    "m=application 50000 UDP/DTLS/SCTP webrtc-datachannel\r\n"
    "c=IN IP4 203.0.113.5\r\n"
    "a=mid:2\r\n"
    "a=sctp-port:5000\r\n";

static sdpx_media *med(sdpx_session *s, size_t i) { return sdpx_session_media_mut(s, i); }

typedef int (*helper_fn)(sdpx_session *s);

/* A line change: the input line `from` (without CRLF) is deleted (to NULL)
 * or replaced by `to` (one or more lines, each ending in CRLF). */
typedef struct {
    const char *from;
    const char *to;
} change;

typedef struct {
    const char *name;
    helper_fn fn;
    int rc;
    change ch[16];
} helper_case;

/* The expected text: the offer with the case's changes applied. A change
 * whose `from` line is absent fails the test (a typo, not a pass). */
static char *expected(const helper_case *c)
{
    char *out = malloc(sizeof offer * 2 + 4096);
    size_t o = 0;
    int used[16] = {0};
    for (const char *p = offer; *p;) {
        const char *eol = strstr(p, "\r\n");
        size_t n = (size_t)(eol - p);
        int done = 0;
        for (int i = 0; i < 16 && c->ch[i].from; i++) {
            if (strlen(c->ch[i].from) == n && !memcmp(c->ch[i].from, p, n) && !used[i]) {
                used[i] = 1;
                if (c->ch[i].to) {
                    memcpy(out + o, c->ch[i].to, strlen(c->ch[i].to));
                    o += strlen(c->ch[i].to);
                }
                done = 1;
                break;
            }
        }
        if (!done) {
            memcpy(out + o, p, n + 2);
            o += n + 2;
        }
        p = eol + 2;
    }
    out[o] = '\0';
    for (int i = 0; i < 16 && c->ch[i].from; i++)
        ck_assert_msg(used[i], "%s: line \"%s\" is not in the offer", c->name, c->ch[i].from);
    return out;
}

#define MV_ALL "m=video 50000 UDP/TLS/RTP/SAVPF 96 97 102 103 104 105 106 107 108"
#define MA_ALL "m=audio 50000 UDP/TLS/RTP/SAVPF 111 63 0 126"
#define DEL(x) {x, NULL}

/* ---- codecs ---- */
static int h_rm_vp8(sdpx_session *s) { return sdpx_session_remove_codec(s, "VP8", NULL); }
static int h_rm_h264_match(sdpx_session *s) { return sdpx_session_remove_codec(s, "h264", "profile-level-id=42E01F"); }
static int h_rm_h264(sdpx_session *s) { return sdpx_media_remove_codec(med(s, 1), "H264", NULL); }
static int h_rm_opus(sdpx_session *s) { return sdpx_session_remove_codec(s, "opus", NULL); }
static int h_rm_pcmu(sdpx_session *s) { return sdpx_media_remove_codec(med(s, 0), "PCMU", NULL); }
static int h_rm_red(sdpx_session *s) { return sdpx_session_remove_codec(s, "red", NULL); }
static int h_rm_absent(sdpx_session *s) { return sdpx_session_remove_codec(s, "AV1", NULL); }
static int h_rm_bad(sdpx_session *s) { return sdpx_session_remove_codec(s, "VP8\r\na=x", NULL); }
static int h_keep_vp8(sdpx_session *s)
{
    const char *k[] = {"VP8"};
    return sdpx_media_keep_codecs(med(s, 1), k, 1);
}
static int h_keep_two(sdpx_session *s)
{
    const char *k[] = {"opus", "H264"};
    return sdpx_session_keep_codecs(s, k, 2);
}
static int h_keep_empty(sdpx_session *s)
{
    const char *k[] = {"VP8"};
    return sdpx_session_keep_codecs(s, k, 1);
}
static int h_rid_empty(sdpx_session *s)
{
    int rc = sdpx_session_remove_codec(s, "VP8", NULL);
    if (rc != 2)
        return -100;
    return sdpx_session_remove_codec(s, "H264", "profile-level-id=42e01f"); /* rid l had 104 and 96 */
}
static int h_rm_only_audio(sdpx_session *s)
{
    int rc = sdpx_media_remove_codec(med(s, 0), "PCMU", NULL);
    if (rc != 1)
        return -100;
    rc = sdpx_media_remove_codec(med(s, 0), "telephone-event", NULL);
    if (rc != 1)
        return -101;
    return sdpx_media_remove_codec(med(s, 0), "opus", NULL); /* the last codec (RED goes with it) */
}
static int h_prefer_h264(sdpx_session *s)
{
    const char *k[] = {"H264"};
    return sdpx_session_prefer_codecs(s, k, 1);
}
static int h_prefer_same(sdpx_session *s)
{
    const char *k[] = {"opus", "VP8"};
    return sdpx_session_prefer_codecs(s, k, 2);
}
static int h_param_add(sdpx_session *s) { return sdpx_media_set_codec_param(med(s, 0), "opus", "stereo", "1"); }
static int h_param_change(sdpx_session *s) { return sdpx_media_set_codec_param(med(s, 0), "OPUS", "useinbandfec", "0"); }
static int h_param_remove(sdpx_session *s) { return sdpx_media_set_codec_param(med(s, 0), "opus", "minptime", NULL); }
static int h_param_new_fmtp(sdpx_session *s) { return sdpx_media_set_fmtp_param(med(s, 1), 96, "max-fs", "12288"); }
static int h_param_bad(sdpx_session *s) { return sdpx_media_set_fmtp_param(med(s, 1), 96, "max-fs", "1;x=2"); }
static int h_param_inject(sdpx_session *s) { return sdpx_media_set_fmtp_param(med(s, 1), 96, "x\r\na=evil", "1"); }
static int h_param_nopt(sdpx_session *s) { return sdpx_media_set_fmtp_param(med(s, 1), 99, "x", "1"); }
static int h_param_last(sdpx_session *s)
{
    int rc = sdpx_media_set_fmtp_param(med(s, 1), 97, "apt", NULL);
    return rc;
}
/* ---- direction ---- */
static int h_dir(sdpx_session *s) { return sdpx_media_set_direction(med(s, 1), SDPX_DIR_SENDONLY); }
static int h_dir_add(sdpx_session *s) { return sdpx_media_set_direction(med(s, 2), SDPX_DIR_INACTIVE); }
static int h_hold(sdpx_session *s)
{
    int rc = sdpx_media_hold(med(s, 0));
    return rc ? rc : sdpx_media_hold(med(s, 1));
}
static int h_hold_resume(sdpx_session *s)
{
    int rc = sdpx_media_hold(med(s, 1));
    return rc ? rc : sdpx_media_resume(med(s, 1));
}
/* ---- ICE ---- */
static int h_creds(sdpx_session *s) { return sdpx_session_set_ice_credentials(s, "wxyz", "ABCDEFGHIJKLMNOPQRSTUV"); }
static int h_creds_short(sdpx_session *s) { return sdpx_session_set_ice_credentials(s, "abc", "ABCDEFGHIJKLMNOPQRSTUV"); }
static int h_creds_inject(sdpx_session *s) { return sdpx_session_set_ice_credentials(s, "wxyz\r\na=x", "ABCDEFGHIJKLMNOPQRSTUV"); }
static int h_cand_mid(sdpx_session *s)
{
    int rc = sdpx_session_add_candidate(s, "1", 0, "candidate:9 1 udp 2122260223 192.0.2.50 40000 typ host");
    return rc ? rc : sdpx_session_add_candidate(s, "1", 0, "");
}
static int h_cand_index(sdpx_session *s)
{
    return sdpx_session_add_candidate(s, NULL, 0, "a=candidate:8 1 udp 1 192.0.2.51 40001 typ host\r\n");
}
static int h_cand_bad(sdpx_session *s) { return sdpx_session_add_candidate(s, NULL, 0, "candidate:8 1 udp 1 192.0.2.51 40001"); }
static int h_cand_inject(sdpx_session *s)
{
    return sdpx_session_add_candidate(s, NULL, 0, "candidate:8 1 udp 1 192.0.2.51 40001 typ host\r\na=evil");
}
static int h_cand_nocreds(sdpx_session *s)
{
    return sdpx_session_add_candidate(s, "2", 0, "candidate:8 1 udp 1 192.0.2.51 1 typ host");
}
static int h_cand_nomid(sdpx_session *s) { return sdpx_session_add_candidate(s, "9", 0, "candidate:8 1 udp 1 192.0.2.51 1 typ host"); }
static int rm(sdpx_session *s, unsigned types, unsigned tr, unsigned fam, unsigned scopes, unsigned comp)
{
    sdpx_candidate_filter f = {types, tr, fam, scopes, comp};
    return sdpx_session_remove_candidates(s, &f);
}
static int h_media_cand(sdpx_session *s)
{
    int rc = sdpx_media_add_candidate(med(s, 1), "a=candidate:9 1 tcp 1 192.0.2.60 9 typ host tcptype active");
    return rc ? rc : sdpx_media_end_of_candidates(med(s, 0));
}
static int h_media_rm_cand(sdpx_session *s)
{
    sdpx_candidate_filter f = {0, SDPX_CF_TCP, 0, 0, 0};
    return sdpx_media_remove_candidates(med(s, 0), &f) * 10 + sdpx_media_remove_candidates(med(s, 1), &f);
}
static int h_media_prefer(sdpx_session *s)
{
    const char *k[] = {"PCMU"};
    return sdpx_media_prefer_codecs(med(s, 0), k, 1);
}
static int h_rm_host(sdpx_session *s) { return rm(s, SDPX_CF_HOST, 0, 0, 0, 0); }
static int h_rm_tcp(sdpx_session *s) { return rm(s, 0, SDPX_CF_TCP, 0, 0, 0); }
static int h_rm_mdns(sdpx_session *s) { return rm(s, 0, 0, SDPX_CF_MDNS, 0, 0); }
static int h_rm_private(sdpx_session *s) { return rm(s, 0, 0, 0, SDPX_CF_PRIVATE | SDPX_CF_LOOPBACK | SDPX_CF_LINK_LOCAL, 0); }
static int h_rm_ipv6(sdpx_session *s) { return rm(s, 0, 0, SDPX_CF_IP6, 0, 0); }
static int h_rm_relay_only(sdpx_session *s) { return rm(s, SDPX_CF_HOST | SDPX_CF_SRFLX | SDPX_CF_PRFLX, 0, 0, 0, 0); }
static int h_rm_all(sdpx_session *s) { return rm(s, 0, 0, 0, 0, 0); }
static int h_rm_rtcp(sdpx_session *s) { return rm(s, 0, 0, 0, 0, 2); }
static int h_rm_host_udp_v4(sdpx_session *s) { return rm(s, SDPX_CF_HOST, SDPX_CF_UDP, SDPX_CF_IP4, 0, 0); }
/* 1 when the view contains needle (views are not NUL-terminated). */
static int view_has(sdpx_str v, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= v.len; i++)
        if (!memcmp(v.ptr + i, needle, n))
            return 1;
    return 0;
}

static int h_use_relay(sdpx_session *s)
{
    const sdpx_line *l = NULL;
    for (l = sdpx_media_find_attr(med(s, 0), SDPX_ATTR_CANDIDATE, NULL); l;
         l = sdpx_media_find_attr(med(s, 0), SDPX_ATTR_CANDIDATE, l))
        if (view_has(sdpx_line_text(l), "typ relay"))
            break;
    return sdpx_media_use_candidate(med(s, 0), l);
}
static int h_use_rtcp(sdpx_session *s)
{
    const sdpx_line *l = NULL;
    for (l = sdpx_media_find_attr(med(s, 0), SDPX_ATTR_CANDIDATE, NULL); l;
         l = sdpx_media_find_attr(med(s, 0), SDPX_ATTR_CANDIDATE, l))
        if (!strncmp(sdpx_line_text(l).ptr, "a=candidate:7 ", 14))
            break;
    return sdpx_media_use_candidate(med(s, 0), l);
}
static int h_use_mdns(sdpx_session *s)
{
    const sdpx_line *l = sdpx_media_find_attr(med(s, 0), SDPX_ATTR_CANDIDATE, NULL);
    for (int i = 0; i < 4; i++)
        l = sdpx_media_find_attr(med(s, 0), SDPX_ATTR_CANDIDATE, l);
    return sdpx_media_use_candidate(med(s, 0), l); /* candidate 5: an mDNS name */
}
/* ---- DTLS ---- */
static int h_setup(sdpx_session *s) { return sdpx_session_set_setup(s, SDPX_SETUP_ACTIVE); }
static int h_setup_media(sdpx_session *s) { return sdpx_media_set_setup(med(s, 2), SDPX_SETUP_PASSIVE); }
static int h_setup_bad(sdpx_session *s) { return sdpx_session_set_setup(s, (sdpx_setup)42); }
static int h_fp(sdpx_session *s) { return sdpx_session_set_fingerprint(s, "sha-1 " FP20); }
static int h_fp_short(sdpx_session *s) { return sdpx_session_set_fingerprint(s, "sha-256 " FP20); }
static int h_fp_inject(sdpx_session *s) { return sdpx_session_set_fingerprint(s, "sha-1 " FP20 "\r\na=evil"); }
/* ---- BUNDLE ---- */
static int h_group_rm(sdpx_session *s) { return sdpx_session_group_remove_mid(s, "1"); }
static int h_group_rm_add(sdpx_session *s)
{
    int rc = sdpx_session_group_remove_mid(s, "1");
    return rc < 0 ? rc : sdpx_session_group_add_mid(s, "BUNDLE", "1");
}
static int h_group_add_dup(sdpx_session *s) { return sdpx_session_group_add_mid(s, "BUNDLE", "1"); }
static int h_group_new(sdpx_session *s) { return sdpx_session_group_add_mid(s, "LS", "0"); }
static int h_group_nomid(sdpx_session *s) { return sdpx_session_group_add_mid(s, "BUNDLE", "7"); }
static int h_group_inject(sdpx_session *s) { return sdpx_session_group_add_mid(s, "BUNDLE", "1\r\na=evil"); }
static int h_reject(sdpx_session *s) { return sdpx_media_reject(med(s, 1)); }
/* ---- streams ---- */
static int h_streams(sdpx_session *s)
{
    int a = sdpx_media_remove_streams(med(s, 0));
    int b = sdpx_media_remove_streams(med(s, 1));
    return a < 0 ? a : b < 0 ? b : a * 10 + b;
}
static int h_msid(sdpx_session *s)
{
    int rc = sdpx_media_set_msid(med(s, 0), "s3", NULL);
    return rc ? rc : sdpx_media_set_msid(med(s, 1), "s2", "v2");
}
static int h_msid_bad(sdpx_session *s) { return sdpx_media_set_msid(med(s, 1), "s2", "v2 x"); }
static int h_msid_inject(sdpx_session *s) { return sdpx_media_set_msid(med(s, 1), "s2\r\na=evil", NULL); }
/* ---- header extensions ---- */
static int h_ext_rm(sdpx_session *s) { return sdpx_session_remove_extmap(s, "urn:ietf:params:rtp-hdrext:sdes:mid"); }
static int h_ext_renum(sdpx_session *s) { return sdpx_session_renumber_extmap(s, "urn:ietf:params:rtp-hdrext:sdes:mid", 5); }
static int h_ext_clash(sdpx_session *s) { return sdpx_session_renumber_extmap(s, "urn:ietf:params:rtp-hdrext:sdes:mid", 4); }
static int h_ext_15(sdpx_session *s) { return sdpx_session_renumber_extmap(s, "urn:ietf:params:rtp-hdrext:sdes:mid", 15); }
static int h_ext_compact(sdpx_session *s) { return sdpx_session_compact_extmap(s); }
static int h_ext_inject(sdpx_session *s) { return sdpx_session_remove_extmap(s, "urn:x\r\na=evil"); }

#define VIDEO_PT_LINES                                                                            \
    DEL("a=rtcp-fb:96 nack"), DEL("a=rtcp-fb:96 nack pli"), DEL("a=rtpmap:97 rtx/90000"),            \
        DEL("a=fmtp:97 apt=96")

static const helper_case cases[] = {
    {"remove VP8 and its RTX", h_rm_vp8, 2,
     {{MV_ALL, "m=video 50000 UDP/TLS/RTP/SAVPF 102 103 104 105 106 107 108\r\n"},
      DEL("a=rtpmap:96 VP8/90000"), VIDEO_PT_LINES, {"a=rid:h send pt=96,102", "a=rid:h send pt=102\r\n"}, {"a=rid:l send pt=104,96;max-width=320", "a=rid:l send pt=104;max-width=320\r\n"}}},
    {"remove H264 by profile-level-id", h_rm_h264_match, 2,
     {{MV_ALL, "m=video 50000 UDP/TLS/RTP/SAVPF 96 97 102 103 106 107 108\r\n"},
      DEL("a=rtpmap:104 H264/90000"),
      DEL("a=fmtp:104 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f"),
      DEL("a=rtpmap:105 rtx/90000"), DEL("a=fmtp:105 apt=104"), {"a=rid:l send pt=104,96;max-width=320", "a=rid:l send pt=96;max-width=320\r\n"}}},
    {"remove every H264", h_rm_h264, 4,
     {{MV_ALL, "m=video 50000 UDP/TLS/RTP/SAVPF 96 97 106 107 108\r\n"},
      DEL("a=rtpmap:102 H264/90000"), DEL("a=rtcp-fb:102 nack"),
      DEL("a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f"),
      DEL("a=rtpmap:103 rtx/90000"), DEL("a=fmtp:103 apt=102"), DEL("a=rtpmap:104 H264/90000"),
      DEL("a=fmtp:104 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f"),
      DEL("a=rtpmap:105 rtx/90000"), DEL("a=fmtp:105 apt=104"), {"a=rid:h send pt=96,102", "a=rid:h send pt=96\r\n"}, {"a=rid:l send pt=104,96;max-width=320", "a=rid:l send pt=96;max-width=320\r\n"}}},
    {"remove opus takes RED along", h_rm_opus, 2,
     {{MA_ALL, "m=audio 50000 UDP/TLS/RTP/SAVPF 0 126\r\n"}, DEL("a=rtpmap:111 opus/48000/2"),
      DEL("a=rtcp-fb:111 transport-cc"), DEL("a=fmtp:111 minptime=10;useinbandfec=1"),
      DEL("a=rtpmap:63 red/48000/2"), DEL("a=fmtp:63 111/111")}},
    {"remove static PCMU", h_rm_pcmu, 1, {{MA_ALL, "m=audio 50000 UDP/TLS/RTP/SAVPF 111 63 126\r\n"}}},
    {"remove red takes its RTX", h_rm_red, 3,
     {{MA_ALL, "m=audio 50000 UDP/TLS/RTP/SAVPF 111 0 126\r\n"}, DEL("a=rtpmap:63 red/48000/2"),
      DEL("a=fmtp:63 111/111"),
      {MV_ALL, "m=video 50000 UDP/TLS/RTP/SAVPF 96 97 102 103 104 105 108\r\n"},
      DEL("a=rtpmap:106 red/90000"), DEL("a=rtpmap:107 rtx/90000"), DEL("a=fmtp:107 apt=106")}},
    {"a rid left without payload types is refused", h_rid_empty, SDPX_EINVAL,
     {{MV_ALL, "m=video 50000 UDP/TLS/RTP/SAVPF 102 103 104 105 106 107 108\r\n"},
      DEL("a=rtpmap:96 VP8/90000"), VIDEO_PT_LINES, {"a=rid:h send pt=96,102", "a=rid:h send pt=102\r\n"},
      {"a=rid:l send pt=104,96;max-width=320", "a=rid:l send pt=104;max-width=320\r\n"}}},
    {"remove absent codec", h_rm_absent, 0, {{NULL, NULL}}},
    {"remove: injected name refused", h_rm_bad, SDPX_EINVAL, {{NULL, NULL}}},
    {"keep VP8 keeps its RTX", h_keep_vp8, 7,
     {{MV_ALL, "m=video 50000 UDP/TLS/RTP/SAVPF 96 97\r\n"}, DEL("a=rtpmap:102 H264/90000"),
      DEL("a=rtcp-fb:102 nack"),
      DEL("a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f"),
      DEL("a=rtpmap:103 rtx/90000"), DEL("a=fmtp:103 apt=102"), DEL("a=rtpmap:104 H264/90000"),
      DEL("a=fmtp:104 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f"),
      DEL("a=rtpmap:105 rtx/90000"), DEL("a=fmtp:105 apt=104"), DEL("a=rtpmap:106 red/90000"),
      DEL("a=rtpmap:107 rtx/90000"), DEL("a=fmtp:107 apt=106"), DEL("a=rtpmap:108 ulpfec/90000"), {"a=rid:h send pt=96,102", "a=rid:h send pt=96\r\n"}, {"a=rid:l send pt=104,96;max-width=320", "a=rid:l send pt=96;max-width=320\r\n"}}},
    {"keep opus and H264", h_keep_two, 7,
     {{MA_ALL, "m=audio 50000 UDP/TLS/RTP/SAVPF 111 63\r\n"},
      DEL("a=rtpmap:126 telephone-event/8000"),
      {MV_ALL, "m=video 50000 UDP/TLS/RTP/SAVPF 102 103 104 105\r\n"},
      DEL("a=rtpmap:96 VP8/90000"), VIDEO_PT_LINES, DEL("a=rtpmap:106 red/90000"),
      DEL("a=rtpmap:107 rtx/90000"), DEL("a=fmtp:107 apt=106"), DEL("a=rtpmap:108 ulpfec/90000"), {"a=rid:h send pt=96,102", "a=rid:h send pt=102\r\n"}, {"a=rid:l send pt=104,96;max-width=320", "a=rid:l send pt=104;max-width=320\r\n"}}},
    {"keep that empties a section is refused", h_keep_empty, SDPX_EINVAL, {{NULL, NULL}}},
    {"removing the last codec is refused, earlier removals stay", h_rm_only_audio, SDPX_EINVAL,
     {{MA_ALL, "m=audio 50000 UDP/TLS/RTP/SAVPF 111 63\r\n"}, DEL("a=rtpmap:126 telephone-event/8000")}},
    {"prefer H264", h_prefer_h264, 1,
     {{MV_ALL, "m=video 50000 UDP/TLS/RTP/SAVPF 102 103 104 105 96 97 106 107 108\r\n"},
      {"a=rtpmap:96 VP8/90000",
       "a=rtpmap:102 H264/90000\r\na=rtcp-fb:102 nack\r\n"
       "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f\r\n"
       "a=rtpmap:103 rtx/90000\r\na=fmtp:103 apt=102\r\n"
       "a=rtpmap:104 H264/90000\r\n"
       "a=fmtp:104 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f\r\n"
       "a=rtpmap:105 rtx/90000\r\na=fmtp:105 apt=104\r\n"
       "a=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 nack\r\na=rtcp-fb:96 nack pli\r\n"
       "a=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\n"},
      VIDEO_PT_LINES, DEL("a=rtpmap:102 H264/90000"), DEL("a=rtcp-fb:102 nack"),
      DEL("a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f"),
      DEL("a=rtpmap:103 rtx/90000"), DEL("a=fmtp:103 apt=102"), DEL("a=rtpmap:104 H264/90000"),
      DEL("a=fmtp:104 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f"),
      DEL("a=rtpmap:105 rtx/90000"), DEL("a=fmtp:105 apt=104")}},
    {"prefer what is first already", h_prefer_same, 0, {{NULL, NULL}}},
    {"opus stereo added", h_param_add, 1,
     {{"a=fmtp:111 minptime=10;useinbandfec=1", "a=fmtp:111 minptime=10;useinbandfec=1;stereo=1\r\n"}}},
    {"opus useinbandfec changed", h_param_change, 1,
     {{"a=fmtp:111 minptime=10;useinbandfec=1", "a=fmtp:111 minptime=10;useinbandfec=0\r\n"}}},
    {"opus minptime removed", h_param_remove, 1,
     {{"a=fmtp:111 minptime=10;useinbandfec=1", "a=fmtp:111 useinbandfec=1\r\n"}}},
    {"fmtp line created after rtpmap", h_param_new_fmtp, 0,
     {{"a=rtpmap:96 VP8/90000", "a=rtpmap:96 VP8/90000\r\na=fmtp:96 max-fs=12288\r\n"}}},
    {"fmtp value with ';' refused", h_param_bad, SDPX_EINVAL, {{NULL, NULL}}},
    {"fmtp key injection refused", h_param_inject, SDPX_EINVAL, {{NULL, NULL}}},
    {"fmtp of a type not in m=", h_param_nopt, SDPX_ENOTFOUND, {{NULL, NULL}}},
    {"fmtp without parameters goes", h_param_last, 0, {DEL("a=fmtp:97 apt=96")}},
    {"direction replaced", h_dir, 0, {{"a=recvonly", "a=sendonly\r\n"}}},
    {"direction added", h_dir_add, 0, {{"a=sctp-port:5000", "a=sctp-port:5000\r\na=inactive\r\n"}}},
    {"hold", h_hold, 0, {{"a=sendrecv", "a=sendonly\r\n"}, {"a=recvonly", "a=inactive\r\n"}}},
    {"hold then resume", h_hold_resume, 0, {{NULL, NULL}}},
    {"ICE restart", h_creds, 0,
     {{"a=ice-ufrag:abcd", "a=ice-ufrag:wxyz\r\n"}, {"a=ice-ufrag:abcd", "a=ice-ufrag:wxyz\r\n"},
      {"a=ice-pwd:0123456789abcdefghijkl", "a=ice-pwd:ABCDEFGHIJKLMNOPQRSTUV\r\n"},
      {"a=ice-pwd:0123456789abcdefghijkl", "a=ice-pwd:ABCDEFGHIJKLMNOPQRSTUV\r\n"}}},
    {"ufrag too short", h_creds_short, SDPX_EINVAL, {{NULL, NULL}}},
    {"ufrag injection", h_creds_inject, SDPX_EINVAL, {{NULL, NULL}}},
    {"candidate by mid, then end-of-candidates", h_cand_mid, 0,
     {{"a=ssrc:2002 cname:c",
       "a=ssrc:2002 cname:c\r\na=candidate:9 1 udp 2122260223 192.0.2.50 40000 typ host\r\n"
       "a=end-of-candidates\r\n"}}},
    {"candidate by index, trickle form", h_cand_index, 0,
     {{"a=candidate:7 2 udp 2122260222 127.0.0.1 50003 typ host generation 0",
       "a=candidate:7 2 udp 2122260222 127.0.0.1 50003 typ host generation 0\r\n"
       "a=candidate:8 1 udp 1 192.0.2.51 40001 typ host\r\n"}}},
    {"candidate without typ refused", h_cand_bad, SDPX_EINVAL, {{NULL, NULL}}},
    {"candidate injection refused", h_cand_inject, SDPX_EINVAL, {{NULL, NULL}}},
    {"candidate for an unknown mid", h_cand_nomid, SDPX_ENOTFOUND, {{NULL, NULL}}},
    {"candidate for a section without ICE credentials", h_cand_nocreds, SDPX_ENOTFOUND, {{NULL, NULL}}},
    {"media-level candidate and end-of-candidates", h_media_cand, 0,
     {{"a=ssrc:2002 cname:c", "a=ssrc:2002 cname:c\r\na=candidate:9 1 tcp 1 192.0.2.60 9 typ host tcptype active\r\n"},
      {"a=candidate:7 2 udp 2122260222 127.0.0.1 50003 typ host generation 0",
       "a=candidate:7 2 udp 2122260222 127.0.0.1 50003 typ host generation 0\r\na=end-of-candidates\r\n"}}},
    {"media-level candidate removal", h_media_rm_cand, 10,
     {DEL("a=candidate:3 1 tcp 1518280447 192.168.1.10 9 typ host tcptype active generation 0")}},
    {"media-level prefer (static PCMU first)", h_media_prefer, 1,
     {{MA_ALL, "m=audio 50000 UDP/TLS/RTP/SAVPF 0 111 63 126\r\n"}}},
    {"remove host candidates", h_rm_host, 5,
     {DEL("a=candidate:1 1 udp 2122260223 192.168.1.10 50000 typ host generation 0"),
      DEL("a=candidate:2 1 udp 2122194687 fe80::1 50001 typ host generation 0"),
      DEL("a=candidate:3 1 tcp 1518280447 192.168.1.10 9 typ host tcptype active generation 0"),
      DEL("a=candidate:5 1 udp 2122260223 3f2a1b9c-1234-4cde-9f00-aabbccddeeff.local 50002 typ host generation 0"),
      DEL("a=candidate:7 2 udp 2122260222 127.0.0.1 50003 typ host generation 0")}},
    {"remove tcp candidates", h_rm_tcp, 1,
     {DEL("a=candidate:3 1 tcp 1518280447 192.168.1.10 9 typ host tcptype active generation 0")}},
    {"remove mDNS candidates", h_rm_mdns, 1,
     {DEL("a=candidate:5 1 udp 2122260223 3f2a1b9c-1234-4cde-9f00-aabbccddeeff.local 50002 typ host generation 0")}},
    {"remove private, loopback, link-local", h_rm_private, 4,
     {DEL("a=candidate:1 1 udp 2122260223 192.168.1.10 50000 typ host generation 0"),
      DEL("a=candidate:2 1 udp 2122194687 fe80::1 50001 typ host generation 0"),
      DEL("a=candidate:3 1 tcp 1518280447 192.168.1.10 9 typ host tcptype active generation 0"),
      DEL("a=candidate:7 2 udp 2122260222 127.0.0.1 50003 typ host generation 0")}},
    {"remove IPv6", h_rm_ipv6, 1, {DEL("a=candidate:2 1 udp 2122194687 fe80::1 50001 typ host generation 0")}},
    {"relay only", h_rm_relay_only, 6,
     {DEL("a=candidate:1 1 udp 2122260223 192.168.1.10 50000 typ host generation 0"),
      DEL("a=candidate:2 1 udp 2122194687 fe80::1 50001 typ host generation 0"),
      DEL("a=candidate:3 1 tcp 1518280447 192.168.1.10 9 typ host tcptype active generation 0"),
      DEL("a=candidate:4 1 udp 1686052607 203.0.113.5 50000 typ srflx raddr 192.168.1.10 rport 50000 generation 0"),
      DEL("a=candidate:5 1 udp 2122260223 3f2a1b9c-1234-4cde-9f00-aabbccddeeff.local 50002 typ host generation 0"),
      DEL("a=candidate:7 2 udp 2122260222 127.0.0.1 50003 typ host generation 0"),
      {MA_ALL, "m=audio 3478 UDP/TLS/RTP/SAVPF 111 63 0 126\r\n"},
      {"c=IN IP4 203.0.113.5", "c=IN IP4 198.51.100.9\r\n"}}},
    {"removing every candidate resets the default", h_rm_all, 7,
     {DEL("a=candidate:1 1 udp 2122260223 192.168.1.10 50000 typ host generation 0"),
      DEL("a=candidate:2 1 udp 2122194687 fe80::1 50001 typ host generation 0"),
      DEL("a=candidate:3 1 tcp 1518280447 192.168.1.10 9 typ host tcptype active generation 0"),
      DEL("a=candidate:4 1 udp 1686052607 203.0.113.5 50000 typ srflx raddr 192.168.1.10 rport 50000 generation 0"),
      DEL("a=candidate:5 1 udp 2122260223 3f2a1b9c-1234-4cde-9f00-aabbccddeeff.local 50002 typ host generation 0"),
      DEL("a=candidate:6 1 udp 41885439 198.51.100.9 3478 typ relay raddr 203.0.113.5 rport 50000 generation 0"),
      DEL("a=candidate:7 2 udp 2122260222 127.0.0.1 50003 typ host generation 0"),
      {MA_ALL, "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 0 126\r\n"},
      {"c=IN IP4 203.0.113.5", "c=IN IP4 0.0.0.0\r\n"}}},
    {"remove RTCP component", h_rm_rtcp, 1, {DEL("a=candidate:7 2 udp 2122260222 127.0.0.1 50003 typ host generation 0")}},
    {"remove host+udp+IPv4 (all must match)", h_rm_host_udp_v4, 2,
     {DEL("a=candidate:1 1 udp 2122260223 192.168.1.10 50000 typ host generation 0"),
      DEL("a=candidate:7 2 udp 2122260222 127.0.0.1 50003 typ host generation 0")}},
    {"default candidate: relay", h_use_relay, 0,
     {{MA_ALL, "m=audio 3478 UDP/TLS/RTP/SAVPF 111 63 0 126\r\n"},
      {"c=IN IP4 203.0.113.5", "c=IN IP4 198.51.100.9\r\n"}}},
    {"default candidate: RTCP", h_use_rtcp, 0, {{"a=rtcp:9 IN IP4 0.0.0.0", "a=rtcp:50003 IN IP4 127.0.0.1\r\n"}}},
    {"default candidate: mDNS refused", h_use_mdns, SDPX_EINVAL, {{NULL, NULL}}},
    {"setup everywhere", h_setup, 0, {{"a=setup:actpass", "a=setup:active\r\n"}, {"a=setup:actpass", "a=setup:active\r\n"}}},
    {"setup added to a section", h_setup_media, 0, {{"a=sctp-port:5000", "a=sctp-port:5000\r\na=setup:passive\r\n"}}},
    {"setup out of range", h_setup_bad, SDPX_EINVAL, {{NULL, NULL}}},
    {"fingerprint replaced", h_fp, 0,
     {{"a=fingerprint:sha-256 " FP32, "a=fingerprint:sha-1 " FP20 "\r\n"},
      {"a=fingerprint:sha-256 " FP32, "a=fingerprint:sha-1 " FP20 "\r\n"}}},
    {"fingerprint of the wrong length", h_fp_short, SDPX_EINVAL, {{NULL, NULL}}},
    {"fingerprint injection", h_fp_inject, SDPX_EINVAL, {{NULL, NULL}}},
    {"mid leaves BUNDLE", h_group_rm, 1, {{"a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 2\r\n"}}},
    {"mid leaves and comes back last", h_group_rm_add, 0, {{"a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 2 1\r\n"}}},
    {"mid already in the group", h_group_add_dup, 0, {{NULL, NULL}}},
    {"new group", h_group_new, 0, {{"a=group:BUNDLE 0 1 2", "a=group:LS 0\r\na=group:BUNDLE 0 1 2\r\n"}}},
    {"group with an unknown mid", h_group_nomid, SDPX_ENOTFOUND, {{NULL, NULL}}},
    {"group injection", h_group_inject, SDPX_EINVAL, {{NULL, NULL}}},
    {"reject leaves BUNDLE", h_reject, 0,
     {{"a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 2\r\n"},
      {MV_ALL, "m=video 0 UDP/TLS/RTP/SAVPF 96 97 102 103 104 105 106 107 108\r\n"}}},
    {"streams removed", h_streams, 33,
     {DEL("a=msid:s1 a1"), DEL("a=ssrc:1001 cname:c"), DEL("a=ssrc:1001 msid:s1 a1"),
      DEL("a=ssrc-group:FID 2001 2002"), DEL("a=ssrc:2001 cname:c"), DEL("a=ssrc:2002 cname:c")}},
    {"msid set", h_msid, 0,
     {{"a=msid:s1 a1", "a=msid:s3\r\n"}, {"a=ssrc:2002 cname:c", "a=ssrc:2002 cname:c\r\na=msid:s2 v2\r\n"}}},
    {"msid with three ids refused", h_msid_bad, SDPX_EINVAL, {{NULL, NULL}}},
    {"msid injection", h_msid_inject, SDPX_EINVAL, {{NULL, NULL}}},
    {"extmap removed", h_ext_rm, 2,
     {DEL("a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid"), DEL("a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid")}},
    {"extmap renumbered", h_ext_renum, 2,
     {{"a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid", "a=extmap:5 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"},
      {"a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid", "a=extmap:5 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"}}},
    {"extmap compacted", h_ext_compact, 3,
     {{"a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid", "a=extmap:2 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"},
      {"a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid", "a=extmap:2 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"},
      {"a=extmap:4 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
       "a=extmap:3 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\n"}}},
    {"extmap id taken", h_ext_clash, SDPX_EINVAL, {{NULL, NULL}}},
    {"extmap id 15 reserved", h_ext_15, SDPX_EINVAL, {{NULL, NULL}}},
    {"extmap injection", h_ext_inject, SDPX_EINVAL, {{NULL, NULL}}},
};

START_TEST(helper_table)
{
    const helper_case *c = &cases[_i];
    sdpx_session *s = parse_ok(offer, 0);
    int rc = c->fn(s);
    ck_assert_msg(rc == c->rc, "%s: rc %d, want %d", c->name, rc, c->rc);
    char *got = sdpx_write_alloc(s, 0, NULL);
    char *want = expected(c);
    size_t d = 0;
    while (got[d] && got[d] == want[d])
        d++;
    size_t from = d > 60 ? d - 60 : 0;
    ck_assert_msg(strcmp(got, want) == 0, "%s: differs at byte %zu:\n--- got\n%.160s\n--- want\n%.160s", c->name,
                  d, got + from, want + from);
    sdpx_session *again = parse_ok(got, 0);
    sdpx_session_free(again);
    free(want);
    free(got);
    sdpx_session_free(s);
}
END_TEST

/* ---- injection: every helper that takes a string refuses CR/LF ---- */

#define EVIL "x\r\na=evil"
static const char *const evil_list[] = {"opus", EVIL};
static int j_rm_codec(sdpx_session *s) { return sdpx_session_remove_codec(s, EVIL, NULL); }
static int j_rm_codec_match(sdpx_session *s) { return sdpx_media_remove_codec(med(s, 1), "H264", "profile-level-id=" EVIL); }
static int j_keep(sdpx_session *s) { return sdpx_session_keep_codecs(s, evil_list, 2); }
static int j_keep_m(sdpx_session *s) { return sdpx_media_keep_codecs(med(s, 0), evil_list, 2); }
static int j_prefer(sdpx_session *s) { return sdpx_session_prefer_codecs(s, evil_list, 2); }
static int j_prefer_m(sdpx_session *s) { return sdpx_media_prefer_codecs(med(s, 0), evil_list, 2); }
static int j_fmtp_value(sdpx_session *s) { return sdpx_media_set_fmtp_param(med(s, 0), 111, "stereo", EVIL); }
static int j_codec_param_enc(sdpx_session *s) { return sdpx_media_set_codec_param(med(s, 0), EVIL, "stereo", "1"); }
static int j_codec_param_key(sdpx_session *s) { return sdpx_media_set_codec_param(med(s, 0), "opus", EVIL, "1"); }
static int j_codec_param_value(sdpx_session *s) { return sdpx_media_set_codec_param(med(s, 0), "opus", "stereo", EVIL); }
static int j_pwd(sdpx_session *s) { return sdpx_session_set_ice_credentials(s, "wxyz", "ABCDEFGHIJKLMNOPQRSTUV" EVIL); }
static int j_cand_mid(sdpx_session *s) { return sdpx_session_add_candidate(s, EVIL, 0, "candidate:8 1 udp 1 192.0.2.51 1 typ host"); }
static int j_cand_media(sdpx_session *s) { return sdpx_media_add_candidate(med(s, 0), "candidate:8 1 udp 1 192.0.2.51 1 typ host " EVIL); }
static int j_group_sem(sdpx_session *s) { return sdpx_session_group_add_mid(s, EVIL, "1"); }
static int j_group_rm(sdpx_session *s) { return sdpx_session_group_remove_mid(s, EVIL); }
static int j_msid_track(sdpx_session *s) { return sdpx_media_set_msid(med(s, 0), "s1", EVIL); }
static int j_renumber(sdpx_session *s) { return sdpx_session_renumber_extmap(s, EVIL, 5); }
static int j_fingerprint(sdpx_session *s) { return sdpx_session_set_fingerprint(s, EVIL); }

static const helper_fn injections[] = {
    j_rm_codec, j_rm_codec_match, j_keep, j_keep_m, j_prefer, j_prefer_m, j_fmtp_value,
    j_codec_param_enc, j_codec_param_key, j_codec_param_value, j_pwd, j_cand_mid, j_cand_media,
    j_group_sem, j_group_rm, j_msid_track, j_renumber, j_fingerprint,
};

START_TEST(helper_injection_refused)
{
    sdpx_session *s = parse_ok(offer, 0);
    ck_assert_msg(injections[_i](s) == SDPX_EINVAL, "injection %d not refused", _i);
    char *got = sdpx_write_alloc(s, 0, NULL);
    ck_assert_msg(strcmp(got, offer) == 0, "injection %d changed the text", _i);
    free(got);
    sdpx_session_free(s);
}
END_TEST

/* ---- the default candidate follows candidate removal (c=, m= port, a=rtcp) ---- */

static const char old_style[] =
    "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n"
    "m=audio 50000 RTP/AVP 0\r\n"
    "c=IN IP4 192.168.1.10\r\n"
    "a=rtcp:50001 IN IP4 192.168.1.10\r\n"
    "a=candidate:1 1 udp 2122260223 192.168.1.10 50000 typ host\r\n"
    "a=candidate:1 2 udp 2122260222 192.168.1.10 50001 typ host\r\n"
    "a=candidate:2 1 udp 1686052607 203.0.113.5 50000 typ srflx raddr 192.168.1.10 rport 50000\r\n"
    "a=candidate:2 2 udp 1686052606 203.0.113.5 50001 typ srflx raddr 192.168.1.10 rport 50001\r\n";

static const struct {
    unsigned types;
    int removed;
    const char *want;
} default_cases[] = {
    {SDPX_CF_HOST, 2,
     "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n"
     "m=audio 50000 RTP/AVP 0\r\n"
     "c=IN IP4 203.0.113.5\r\n"
     "a=rtcp:50001 IN IP4 203.0.113.5\r\n"
     "a=candidate:2 1 udp 1686052607 203.0.113.5 50000 typ srflx raddr 192.168.1.10 rport 50000\r\n"
     "a=candidate:2 2 udp 1686052606 203.0.113.5 50001 typ srflx raddr 192.168.1.10 rport 50001\r\n"},
    {0, 4,
     "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n"
     "m=audio 9 RTP/AVP 0\r\n"
     "c=IN IP4 0.0.0.0\r\n"
     "a=rtcp:9 IN IP4 0.0.0.0\r\n"},
    {SDPX_CF_SRFLX, 2, NULL}, /* the default was not among them: c= and a=rtcp stay */
};

START_TEST(default_follows_removal)
{
    sdpx_session *s = parse_ok(old_style, 0);
    sdpx_candidate_filter f = {default_cases[_i].types, 0, 0, 0, 0};
    ck_assert_int_eq(sdpx_session_remove_candidates(s, &f), default_cases[_i].removed);
    char *got = sdpx_write_alloc(s, 0, NULL);
    if (default_cases[_i].want)
        ck_assert_str_eq(got, default_cases[_i].want);
    else
        ck_assert_ptr_nonnull(strstr(got, "c=IN IP4 192.168.1.10\r\na=rtcp:50001 IN IP4 192.168.1.10\r\n"));
    free(got);
    sdpx_session_free(s);
}
END_TEST

/* ---- redaction ---- */

static const char to_redact[] =
    "v=0\r\n"
    "o=alice 7 7 IN IP4 198.51.100.20\r\n"
    "s=-\r\n"
    "c=IN IP4 198.51.100.20\r\n"
    "t=0 0\r\n"
    "k=clear:hunter2\r\n"
    "m=audio 49170 RTP/SAVP 0\r\n"
    "a=rtcp:49171 IN IP6 2001:db8:1::5\r\n"
    "a=candidate:1 1 udp 2130706431 10.0.0.8 49170 typ host ufrag Fx9q\r\n"
    "a=candidate:2 1 udp 1694498815 198.51.100.20 49170 typ srflx raddr 10.0.0.8 rport 49170\r\n"
    "a=candidate:3 1 udp 2130706431 4a7c0e12-1111-2222-3333-444455556666.local 9 typ host\r\n"
    "a=remote-candidates:1 10.0.0.8 49170 2 198.51.100.20 49171\r\n"
    "a=ice-ufrag:Fx9q\r\n"
    "a=ice-pwd:sEcReTsEcReTsEcReTsEcReT\r\n"
    "a=fingerprint:sha-1 " FP20 "\r\n"
    "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32\r\n"
    "m=video 0 RTP/AVP 31\r\n"
    "c=IN IP4 0.0.0.0\r\n";

static const char redacted[] =
    "v=0\r\n"
    "o=alice 7 7 IN IP4 192.0.2.1\r\n"
    "s=-\r\n"
    "c=IN IP4 192.0.2.1\r\n"
    "t=0 0\r\n"
    "k=clear:AAAAAA1\r\n"
    "m=audio 10001 RTP/SAVP 0\r\n"
    "a=rtcp:10002 IN IP6 2001:db8::2\r\n"
    "a=candidate:1 1 udp 2130706431 192.0.2.3 10001 typ host ufrag ufrag1\r\n"
    "a=candidate:2 1 udp 1694498815 192.0.2.1 10001 typ srflx raddr 192.0.2.3 rport 10001\r\n"
    "a=candidate:3 1 udp 2130706431 redacted-4.local 9 typ host\r\n"
    "a=remote-candidates:1 192.0.2.3 10001 2 192.0.2.1 10002\r\n"
    "a=ice-ufrag:ufrag1\r\n"
    "a=ice-pwd:redactedpassword000001\r\n"
    "a=fingerprint:sha-1 00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:01\r\n"
    "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA2|2^20|1:32\r\n"
    "m=video 0 RTP/AVP 31\r\n"
    "c=IN IP4 0.0.0.0\r\n";

/* A filter bit in the wrong field is refused (the groups used to share values,
 * so {types = SDPX_CF_UDP} silently meant "host"). */
START_TEST(filter_bits_in_wrong_field_refused)
{
    const char *text = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                       "m=audio 9 RTP/AVP 0\r\na=ice-ufrag:abcd\r\na=ice-pwd:0123456789012345678901\r\n"
                       "a=candidate:1 1 udp 10 10.0.0.1 5000 typ host\r\n"
                       "a=candidate:2 1 udp 5 192.0.2.1 6000 typ srflx raddr 10.0.0.1 rport 5000\r\n";
    sdpx_session *s = parse_ok(text, 0);
    sdpx_candidate_filter wrong[] = {
        {SDPX_CF_UDP, 0, 0, 0, 0}, {0, SDPX_CF_HOST, 0, 0, 0},
        {0, 0, SDPX_CF_PRIVATE, 0, 0}, {0, 0, 0, SDPX_CF_IP4, 0},
    };
    for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
        ck_assert_int_eq(sdpx_session_remove_candidates(s, &wrong[i]), SDPX_EINVAL);
        ck_assert_int_eq(sdpx_media_remove_candidates(sdpx_session_media_mut(s, 0), &wrong[i]),
                         SDPX_EINVAL);
    }
    char *out = sdpx_write_alloc(s, 0, NULL);
    ck_assert_str_eq(out, text);
    sdpx_free(out);
    sdpx_candidate_filter right = {0, SDPX_CF_UDP, SDPX_CF_IP4, SDPX_CF_PRIVATE, 0};
    ck_assert_int_eq(sdpx_session_remove_candidates(s, &right), 1); /* the host on 10.0.0.1 */
    sdpx_session_free(s);
}
END_TEST

START_TEST(redact_placeholders)
{
    sdpx_session *s = parse_ok(to_redact, 0);
    ck_assert_int_eq(sdpx_session_set_edit_flags(s, SDPX_EDIT_BUMP_VERSION), 0);
    /* o= c= k= m= rtcp(2) cand1(3) cand2(4) cand3(1) ufrag pwd fingerprint crypto */
    ck_assert_int_eq(sdpx_session_redact(s), 22);
    char *got = sdpx_write_alloc(s, 0, NULL);
    ck_assert_str_eq(got, redacted);
    /* still a description, even for the strict parser */
    sdpx_session *again = parse_ok(got, SDPX_PARSE_STRICT);
    ck_assert_int_eq(sdpx_session_redact(again) >= 0, 1);
    sdpx_session_free(again);
    free(got);
    sdpx_session_free(s);
}
END_TEST

/* A candidate the decoder refuses still loses its address and port. */
START_TEST(redact_malformed_candidate)
{
    sdpx_session *s = parse_ok("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n"
                               "a=candidate:1 1 udp 1 10.1.2.3 5000 typ\r\n",
                               0);
    ck_assert_int_eq(sdpx_session_redact(s), 2);
    char *got = sdpx_write_alloc(s, 0, NULL);
    ck_assert_str_eq(got, "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n"
                          "a=candidate:1 1 udp 1 192.0.2.1 10001 typ\r\n");
    free(got);
    sdpx_session_free(s);
}
END_TEST

/* The default moves off a removed candidate also when the section used the
 * session-level c=: the section gets its own c=. */
START_TEST(default_from_session_connection)
{
    sdpx_session *s = parse_ok("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n"
                               "m=audio 5000 RTP/AVP 0\r\n"
                               "a=candidate:1 1 udp 10 10.0.0.5 5000 typ host\r\n"
                               "a=candidate:2 1 udp 5 192.0.2.1 6000 typ srflx raddr 10.0.0.5 rport 5000\r\n",
                               0);
    sdpx_candidate_filter host = {SDPX_CF_HOST, 0, 0, 0, 0};
    ck_assert_int_eq(sdpx_session_remove_candidates(s, &host), 1);
    char *got = sdpx_write_alloc(s, 0, NULL);
    ck_assert_str_eq(got, "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nc=IN IP4 10.0.0.5\r\nt=0 0\r\n"
                          "m=audio 6000 RTP/AVP 0\r\nc=IN IP4 192.0.2.1\r\n"
                          "a=candidate:2 1 udp 5 192.0.2.1 6000 typ srflx raddr 10.0.0.5 rport 5000\r\n");
    free(got);
    sdpx_session_free(s);
}
END_TEST

/* Address scopes of IPv6 candidates, whatever the spelling. */
static const struct {
    unsigned scope;
    int removed;
} scope_cases[] = {
    {SDPX_CF_LOOPBACK, 2},   /* 0:0::1 and 0:0:0:0:0:0:0:1 */
    {SDPX_CF_PRIVATE, 3},    /* ::ffff:10.0.0.1, fd00::5, ::FFFF:c0a8:0101 (192.168.1.1) */
    {SDPX_CF_LINK_LOCAL, 1}, /* FE80::1 */
};

START_TEST(ipv6_scopes)
{
    const char *text = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n"
                       "a=candidate:1 1 udp 1 0:0::1 1 typ host\r\n"
                       "a=candidate:2 1 udp 1 0:0:0:0:0:0:0:1 1 typ host\r\n"
                       "a=candidate:3 1 udp 1 ::ffff:10.0.0.1 1 typ host\r\n"
                       "a=candidate:4 1 udp 1 fd00::5 1 typ host\r\n"
                       "a=candidate:5 1 udp 1 ::FFFF:c0a8:0101 1 typ host\r\n"
                       "a=candidate:6 1 udp 1 FE80::1 1 typ host\r\n"
                       "a=candidate:7 1 udp 1 2001:db8::1 1 typ host\r\n"
                       "a=candidate:8 1 udp 1 ::ffff:192.0.2.1 1 typ host\r\n"
                       "a=candidate:9 1 udp 1 ::2 1 typ host\r\n";
    sdpx_session *s = parse_ok(text, 0);
    sdpx_candidate_filter f = {0, 0, 0, scope_cases[_i].scope, 0};
    ck_assert_int_eq(sdpx_session_remove_candidates(s, &f), scope_cases[_i].removed);
    sdpx_session_free(s);
}
END_TEST

/* Keys of any length are redacted (a fixed buffer used to refuse 200+ bytes). */
START_TEST(redact_long_key)
{
    char key[301], text[600], want[400];
    memset(key, 'Q', 300);
    key[300] = '\0';
    snprintf(text, sizeof text,
             "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/SAVP 0\r\n"
             "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:%s\r\n", key);
    sdpx_session *s = parse_ok(text, 0);
    ck_assert_int_eq(sdpx_session_redact(s), 1);
    memset(key, 'A', 299);
    key[299] = '1'; /* placeholder 1: same length, the number at the end */
    snprintf(want, sizeof want, "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:%s\r\n", key);
    char *got = sdpx_write_alloc(s, 0, NULL);
    ck_assert_ptr_nonnull(strstr(got, want));
    free(got);
    sdpx_session_free(s);
}
END_TEST

/* Thousands of distinct values: each gets its own placeholder, repeats the same one. */
START_TEST(redact_many_values)
{
    enum { N = 3000 };
    size_t cap = 200 + (size_t)N * 64;
    char *text = malloc(cap);
    size_t n = (size_t)snprintf(text, cap, "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                                           "m=audio 9 RTP/AVP 0\r\n");
    for (int i = 0; i < N; i++)
        n += (size_t)snprintf(text + n, cap - n, "a=candidate:1 1 udp 1 10.%d.%d.1 5000 typ host\r\n",
                              i >> 8, i & 255);
    n += (size_t)snprintf(text + n, cap - n, "a=candidate:2 1 udp 1 10.3.231.1 5000 typ host\r\n");
    sdpx_session *s = parse_ok(text, 0);
    ck_assert_int_eq(sdpx_session_redact(s), 2 * (N + 1));
    sdpx_media *m = sdpx_session_media_mut(s, 0);
    /* value 1000 (10.3.231.1, i = 999) is the 1000th distinct address */
    ck_assert_str_view(sdpx_line_text(sdpx_media_line(m, 1000)),
                       "a=candidate:1 1 udp 1 198.18.3.232 10001 typ host");
    ck_assert_str_view(sdpx_line_text(sdpx_media_line(m, N + 1)),
                       "a=candidate:2 1 udp 1 198.18.3.232 10001 typ host");
    char *got = sdpx_write_alloc(s, 0, NULL);
    ck_assert_ptr_null(strstr(got, " 10."));
    free(got);
    free(text);
    sdpx_session_free(s);
}
END_TEST

/* Regression: a line with more replaceable fields than a fixed piece array
 * held (five remote candidates: ten fields) wrote past the array and left
 * the tenth field as it was. Every field is replaced, and the text after. */
START_TEST(redact_five_remote_candidates)
{
    static const char text[] =
        "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n"
        "a=remote-candidates:1 10.0.0.1 1001 1 10.0.0.2 1002 1 10.0.0.3 1003 1 10.0.0.4 1004 "
        "1 10.0.0.5 1005\r\n"
        "a=candidate:1 1 udp 1 10.0.0.9 2999 typ host\r\n";
    static const char want[] =
        "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n"
        "a=remote-candidates:1 192.0.2.1 10001 1 192.0.2.2 10002 1 192.0.2.3 10003 1 192.0.2.4 10004 "
        "1 192.0.2.5 10005\r\n"
        "a=candidate:1 1 udp 1 192.0.2.6 10006 typ host\r\n";
    sdpx_session *s = parse_ok(text, 0);
    ck_assert_int_eq(sdpx_session_redact(s), 12);
    char *got = sdpx_write_alloc(s, 0, NULL);
    ck_assert_str_eq(got, want);
    free(got);
    sdpx_session_free(s);
}
END_TEST

/* No cap on the fields of one line: 40 remote candidates, 12 ufrag
 * extensions on one candidate, 12 SDES keys on one crypto line. Every
 * original value (all carry the marker "77") is gone. */
START_TEST(redact_fields_without_cap)
{
    enum { NRC = 40, NEXT = 12, NKEY = 12 };
    size_t cap = 16384, n = 0;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    n += (size_t)snprintf(text + n, cap - n,
                          "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/SAVP 0\r\n"
                          "a=remote-candidates:");
    for (int i = 0; i < NRC; i++)
        n += (size_t)snprintf(text + n, cap - n, "%s1 10.77.0.%d 177%02d", i ? " " : "", i + 1, i);
    n += (size_t)snprintf(text + n, cap - n, "\r\na=candidate:1 1 udp 1 10.77.1.1 17799 typ host");
    for (int i = 0; i < NEXT; i++)
        n += (size_t)snprintf(text + n, cap - n, " ufrag uf77x%02d", i);
    n += (size_t)snprintf(text + n, cap - n, "\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 ");
    for (int i = 0; i < NKEY; i++)
        n += (size_t)snprintf(text + n, cap - n, "%sinline:WVNfX19zZW1jdGwgKCkgewkyMjA77%02d", i ? ";" : "",
                              i);
    n += (size_t)snprintf(text + n, cap - n, "\r\n");
    ck_assert_uint_lt(n, cap);
    sdpx_session *s = parse_ok(text, 0);
    /* addresses and ports of the remote candidates, address and port of the
     * candidate, its ufrags, the keys */
    ck_assert_int_eq(sdpx_session_redact(s), 2 * NRC + 2 + NEXT + NKEY);
    char *got = sdpx_write_alloc(s, 0, NULL);
    ck_assert_ptr_nonnull(got);
    ck_assert_msg(strstr(got, "77") == NULL, "a value was left: %s", got);
    ck_assert_ptr_nonnull(strstr(got, " 1 192.0.2.40 10040\r\n"));        /* the last remote candidate */
    ck_assert_ptr_nonnull(strstr(got, " ufrag ufrag12\r\n"));             /* the last ufrag */
    ck_assert_ptr_nonnull(strstr(got, ";inline:AAAAAAAAAAAAAAAAAAAAAAAAAAAAA12\r\n")); /* key 12 */
    sdpx_session *again = parse_ok(got, 0);
    sdpx_session_free(again);
    free(got);
    free(text);
    sdpx_session_free(s);
}
END_TEST

/* Regression: a fingerprint's placeholder was built in a 200-byte buffer and
 * copied at the length snprintf wanted, reading past it for long hash names.
 * Names of any length keep their length; bytes 00..00 01 follow. */
START_TEST(redact_long_hash_name)
{
    char name[401], text[1200], want[700];
    memset(name, 'h', 400);
    name[400] = '\0';
    snprintf(text, sizeof text,
             "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n"
             "a=fingerprint:%s " FP20 "\r\n", name);
    sdpx_session *s = parse_ok(text, 0);
    ck_assert_int_eq(sdpx_session_redact(s), 1);
    snprintf(want, sizeof want, "a=fingerprint:%s 00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:01",
             name);
    const sdpx_line *l = sdpx_media_line(sdpx_session_media(s, 0), 1);
    ck_assert_str_view(sdpx_line_text(l), want);
    ck_assert_uint_eq(sdpx_line_text(l).len, strlen("a=fingerprint:") + 400 + 1 + strlen(FP20));
    sdpx_session_free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("edit_helpers");
    TCase *tc = tcase_create("helpers");
    tcase_add_loop_test(tc, helper_table, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, filter_bits_in_wrong_field_refused);
    tcase_add_test(tc, redact_placeholders);
    tcase_add_loop_test(tc, helper_injection_refused, 0, (int)(sizeof injections / sizeof injections[0]));
    tcase_add_test(tc, redact_malformed_candidate);
    tcase_add_test(tc, redact_long_key);
    tcase_add_loop_test(tc, ipv6_scopes, 0, (int)(sizeof scope_cases / sizeof scope_cases[0]));
    tcase_add_test(tc, default_from_session_connection);
    tcase_add_test(tc, redact_many_values);
    tcase_add_test(tc, redact_five_remote_candidates);
    tcase_add_test(tc, redact_fields_without_cap);
    tcase_add_test(tc, redact_long_hash_name);
    tcase_add_loop_test(tc, default_follows_removal, 0, (int)(sizeof default_cases / sizeof default_cases[0]));
    suite_add_tcase(s, tc);
    return run_suite(s);
}
