/* The builder (sdp.h 9.1): sessions, sections and codecs through the edit
 * API, ICE credentials from a caller's random function, capabilities read
 * from a description, and offers built from capabilities (JSEP 5.2.1). */
#include "nego_util.h"

/* Bytes 0, 1, 2, ...: ice-char n is the n-th of A-Z a-z 0-9 + / */
static int counting_random(void *ctx, void *buf, size_t len)
{
    unsigned *next = ctx;
    unsigned char *p = buf;
    for (size_t i = 0; i < len; i++)
        p[i] = (unsigned char)(*next)++;
    return 0;
}

START_TEST(ice_credentials)
{
    char ufrag[SDPX_ICE_UFRAG_CHARS + 1], pwd[SDPX_ICE_PWD_CHARS + 1];
    unsigned next = 0;
    ck_assert_int_eq(sdpx_ice_credentials_make(counting_random, &next, ufrag, pwd), 0);
    ck_assert_str_eq(ufrag, "ABCDEFGH");
    ck_assert_str_eq(pwd, "IJKLMNOPQRSTUVWXYZabcdef");
    next = 60; /* 60..63 are the last ice-chars; 64 wraps to A (6 bits per char) */
    ck_assert_int_eq(sdpx_ice_credentials_make(counting_random, &next, ufrag, pwd), 0);
    ck_assert_str_eq(ufrag, "89+/ABCD");
    /* the default reads system entropy: valid and different each time */
    char u2[SDPX_ICE_UFRAG_CHARS + 1], p2[SDPX_ICE_PWD_CHARS + 1];
    ck_assert_int_eq(sdpx_ice_credentials_make(NULL, NULL, ufrag, pwd), 0);
    ck_assert_int_eq(sdpx_ice_credentials_make(NULL, NULL, u2, p2), 0);
    sdpx_str v;
    ck_assert_int_eq(sdpx_ice_ufrag_parse(view_of(ufrag), &v), 0);
    ck_assert_int_eq(sdpx_ice_pwd_parse(view_of(pwd), &v), 0);
    ck_assert_str_ne(pwd, p2);
    ck_assert_int_eq(sdpx_ice_credentials_make(NULL, NULL, NULL, pwd), SDPX_EINVAL);
    unsigned char b[16] = {0}, z[16] = {0};
    ck_assert_int_eq(sdpx_random_system(NULL, b, sizeof b), 0);
    ck_assert(memcmp(b, z, sizeof b) != 0);
}
END_TEST

START_TEST(session_new_defaults)
{
    unsigned next = 0xf0; /* id bytes f0 f1 ... f7, top two bits cleared: 62 bits */
    sdpx_session *s;
    ck_assert_int_eq(sdpx_session_new(counting_random, &next, &s), 0);
    char *text = sdpx_write_alloc(s, 0, NULL);
    ck_assert_str_eq(text, "v=0\r\no=- 3526867112808543991 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
    free(text);
    sdpx_session_free(s);
    ck_assert_int_eq(sdpx_session_new(NULL, NULL, NULL), SDPX_EINVAL);
}
END_TEST

START_TEST(build_by_hand)
{
    uint64_t seed = 5;
    sdpx_session *s;
    ck_assert_int_eq(sdpx_session_new(fixed_random, &seed, &s), 0);
    sdpx_media *m, *d;
    ck_assert_int_eq(sdpx_session_add_media(s, "video", "UDP/TLS/RTP/SAVPF", "96", &m), 0);
    sdpx_caps_codec vp8;
    memset(&vp8, 0, sizeof vp8);
    vp8.encoding = sdpx_str_from("VP8");
    vp8.clock_rate = 90000;
    vp8.payload_type = 96;
    vp8.rtx_payload_type = 97;
    vp8.rtcp_fb[vp8.nrtcp_fb++] = sdpx_str_from("nack");
    vp8.rtcp_fb[vp8.nrtcp_fb++] = sdpx_str_from("nack pli");
    ck_assert_int_eq(sdpx_media_add_codec(m, &vp8), 0);
    ck_assert_int_eq(sdpx_media_add_codec(m, &vp8), SDPX_EINVAL); /* already mapped */
    sdpx_caps_codec h264 = vp8;
    h264.encoding = sdpx_str_from("H264");
    h264.payload_type = 102;
    h264.rtx_payload_type = 0;
    h264.nrtcp_fb = 0;
    h264.fmtp = sdpx_str_from("packetization-mode=1;profile-level-id=42e01f");
    ck_assert_int_eq(sdpx_media_add_codec(m, &h264), 0);
    h264.payload_type = 128;
    ck_assert_int_eq(sdpx_media_add_codec(m, &h264), SDPX_EINVAL);
    ck_assert_int_eq(sdpx_media_set_ice_credentials(m, "abcd", "0123456789012345678901"), 0);
    ck_assert_int_eq(sdpx_media_set_ice_credentials(m, "wxyz", "ZYXWVUTSRQPONMLKJIHGFE"), 0);
    ck_assert_int_eq(sdpx_media_set_ice_credentials(m, "abc", "0123456789012345678901"), SDPX_EINVAL);
    ck_assert_int_eq(sdpx_media_attr_add(m, "mid", "v"), 0);
    ck_assert_int_eq(sdpx_session_add_media(s, "application", "UDP/DTLS/SCTP", NULL, &d), 0);
    ck_assert_int_eq(sdpx_media_set_sctp(d, 5000, 65536), 0);
    ck_assert_int_eq(sdpx_media_attr_add(d, "mid", "d"), 0);
    ck_assert_int_eq(sdpx_session_group_add_mid(s, "BUNDLE", "v"), 0);
    ck_assert_int_eq(sdpx_session_add_media(s, "video", "RTP/AVP", NULL, NULL), SDPX_EINVAL);
    ck_assert_int_eq(sdpx_session_add_media(s, "vid eo", "RTP/AVP", "0", NULL), SDPX_EINVAL);
    char *text = sdpx_write_alloc(s, 0, NULL);
    const char *body = strstr(text, "t=0 0\r\n");
    ck_assert_ptr_nonnull(body);
    ck_assert_str_eq(body, "t=0 0\r\na=group:BUNDLE v\r\n"
                           "m=video 9 UDP/TLS/RTP/SAVPF 96 97 102\r\nc=IN IP4 0.0.0.0\r\n"
                           "a=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 nack\r\na=rtcp-fb:96 nack pli\r\n"
                           "a=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\n"
                           "a=rtpmap:102 H264/90000\r\na=fmtp:102 packetization-mode=1;profile-level-id=42e01f\r\n"
                           "a=ice-ufrag:wxyz\r\na=ice-pwd:ZYXWVUTSRQPONMLKJIHGFE\r\na=mid:v\r\n"
                           "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n"
                           "a=sctp-port:5000\r\na=max-message-size:65536\r\na=mid:d\r\n");
    sdpx_session *again = parse_ok(text, SDPX_PARSE_STRICT);
    sdpx_session_free(again);
    free(text);
    sdpx_session_free(s);
}
END_TEST

#define CAPS_SDP                                                                              \
    "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=ice-lite\r\n"                       \
    "a=fingerprint:" TEST_FINGERPRINT "\r\na=setup:passive\r\na=ice-options:trickle\r\n"      \
    "m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\na=recvonly\r\n"                                     \
    "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=rtpmap:111 opus/48000/2\r\n"          \
    "a=fmtp:111 minptime=10\r\na=rtcp-fb:111 transport-cc\r\n"                                \
    "m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\na=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 nack\r\n"       \
    "a=rtcp-fb:* ccm fir\r\na=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\n"                    \
    "a=rid:h recv\r\na=simulcast:recv h\r\n"                                                  \
    "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=sctp-port:5001\r\n"                 \
    "a=max-message-size:1024\r\n"

START_TEST(caps_from_sdp)
{
    sdpx_session *doc = parse_ok(CAPS_SDP, 0);
    sdpx_caps c;
    sdpx_error err;
    ck_assert_int_eq(sdpx_caps_from_sdp(doc, &c, &err), 0);
    ck_assert_uint_eq(c.nmedia, 2);
    ck_assert_str_view(c.media[0].kind, "audio");
    ck_assert_int_eq(c.media[0].direction, SDPX_DIR_RECVONLY);
    ck_assert_uint_eq(c.media[0].ncodecs, 2);
    ck_assert_str_view(c.media[0].codecs[0].encoding, "opus");
    ck_assert_uint_eq(c.media[0].codecs[0].channels, 2);
    ck_assert_str_view(c.media[0].codecs[0].fmtp, "minptime=10");
    ck_assert_uint_eq(c.media[0].codecs[0].nrtcp_fb, 1);
    ck_assert_str_view(c.media[0].codecs[0].rtcp_fb[0], "transport-cc");
    ck_assert_str_view(c.media[0].codecs[1].encoding, "PCMU"); /* static type 0 */
    ck_assert_uint_eq(c.media[0].nextmaps, 1);
    ck_assert_uint_eq(c.media[0].extmaps[0].id, 4);
    ck_assert_uint_eq(c.media[1].ncodecs, 1); /* rtx marks VP8, is no codec of its own */
    ck_assert_uint_eq(c.media[1].codecs[0].rtx_payload_type, 97);
    ck_assert_uint_eq(c.media[1].codecs[0].nrtcp_fb, 2);
    ck_assert_str_view(c.media[1].codecs[0].rtcp_fb[1], "ccm fir");
    ck_assert_int_eq(c.media[1].simulcast, 1);
    ck_assert_str_view(c.media[1].simulcast_rids, "h");
    ck_assert_int_eq(c.media[0].simulcast, 0);
    ck_assert_uint_eq(c.media[0].simulcast_rids.len, 0);
    ck_assert_int_eq(c.data_channel, 1);
    ck_assert_uint_eq(c.sctp_port, 5001);
    ck_assert_uint_eq(c.max_message_size, 1024);
    ck_assert_str_view(c.fingerprint, TEST_FINGERPRINT);
    ck_assert_int_eq(c.setup, SDPX_SETUP_PASSIVE);
    ck_assert_int_eq(c.ice_lite, 1);
    ck_assert_str_view(c.ice_options, "trickle");
    sdpx_session_free(doc);
    /* too many codecs for the struct: refused with the line */
    char big[16384];
    size_t n = (size_t)snprintf(big, sizeof big, "v=0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP");
    for (int pt = 64; pt < 64 + SDPX_CAPS_MAX_CODECS + 1; pt++)
        n += (size_t)snprintf(big + n, sizeof big - n, " %d", pt);
    n += (size_t)snprintf(big + n, sizeof big - n, "\r\n");
    for (int pt = 64; pt < 64 + SDPX_CAPS_MAX_CODECS + 1; pt++)
        n += (size_t)snprintf(big + n, sizeof big - n, "a=rtpmap:%d x%d/8000\r\n", pt, pt);
    doc = parse_ok(big, 0);
    ck_assert_int_eq(sdpx_caps_from_sdp(doc, &c, &err), SDPX_EN_CAPS);
    ck_assert_str_eq(err.msg, "capabilities: too many codecs");
    ck_assert_uint_eq(err.line, 5 + SDPX_CAPS_MAX_CODECS);
    sdpx_session_free(doc);
    ck_assert_int_eq(sdpx_caps_from_sdp(NULL, &c, &err), SDPX_EINVAL);
    doc = parse_ok("v=0\r\ns=-\r\nt=0 0\r\na=fingerprint:sha-256 00:11\r\n", 0);
    ck_assert_int_eq(sdpx_caps_from_sdp(doc, &c, &err), SDPX_EN_CAPS);
    sdpx_session_free(doc);
}
END_TEST

/* JSEP 5.2.1 offer from capabilities, and our own answer to it */
START_TEST(offer_from_caps)
{
    sdpx_caps caps;
    make_caps(&caps, CAPS_TYPICAL);
    caps.media[1].simulcast_rids = sdpx_str_from("h;~l"); /* ask to receive two streams */
    uint64_t seed = 11;
    sdpx_offer_options opt;
    memset(&opt, 0, sizeof opt);
    opt.random = fixed_random;
    opt.random_ctx = &seed;
    sdpx_session *o;
    sdpx_error err;
    ck_assert_int_eq(sdpx_offer_create(&caps, &opt, &o, &err), 0);
    ck_assert_int_eq(sdpx_validate(o, NULL, NULL), 0);
    char *text = sdpx_write_alloc(o, 0, NULL);
    sdpx_session *strict = parse_ok(text, SDPX_PARSE_STRICT);
    sdpx_session_free(strict);
    ck_assert_ptr_nonnull(strstr(text, "\r\na=group:BUNDLE 0 1 2\r\n"));
    ck_assert_ptr_nonnull(strstr(text, "\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111 63 126\r\n"));
    ck_assert_ptr_nonnull(strstr(text, "\r\nm=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103 116 117\r\n"));
    ck_assert_ptr_nonnull(strstr(text, "\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n"));
    ck_assert_ptr_nonnull(strstr(text, "\r\na=setup:actpass\r\n"));
    ck_assert_ptr_nonnull(strstr(text, "\r\na=rtcp-mux\r\n"));
    ck_assert_ptr_nonnull(strstr(text, "\r\na=fmtp:103 apt=102\r\n"));
    ck_assert_ptr_nonnull(strstr(text, "\r\na=mid:2\r\n"));
    ck_assert_ptr_nonnull(strstr(text, "\r\na=rid:h recv\r\na=rid:l recv\r\na=simulcast:recv h;~l\r\n"));
    ck_assert_ptr_null(strstr(text, "a=rid:~"));
    /* one set of credentials for the bundle, in every section */
    sdpx_str u0, u2;
    ck_assert_int_eq(sdpx_media_ice_ufrag(sdpx_session_media(o, 0), &u0), 0);
    ck_assert_int_eq(sdpx_media_ice_ufrag(sdpx_session_media(o, 2), &u2), 0);
    ck_assert(u0.len == SDPX_ICE_UFRAG_CHARS && u2.len == u0.len && !memcmp(u0.ptr, u2.ptr, u0.len));
    int rc;
    char *ans = answer_checked(o, &caps, NULL, 3, &rc, &err);
    ck_assert_int_eq(rc, 0);
    free(ans);
    free(text);
    sdpx_session_free(o);
    caps.fingerprint = sdpx_str_from("");
    ck_assert_int_eq(sdpx_offer_create(&caps, NULL, &o, &err), SDPX_EN_LOCAL_FINGERPRINT);
    /* SIP: RTP/AVP, no DTLS needed */
    make_caps(&caps, CAPS_SIP);
    caps.fingerprint = sdpx_str_from("");
    opt.proto = "RTP/AVP";
    rc = sdpx_offer_create(&caps, &opt, &o, &err);
    ck_assert_msg(rc == 0, "%s", err.msg);
    text = sdpx_write_alloc(o, 0, NULL);
    ck_assert_ptr_nonnull(strstr(text, "\r\nm=audio 9 RTP/AVP 0 8 101\r\n"));
    ck_assert_ptr_null(strstr(text, "a=setup"));
    free(text);
    sdpx_session_free(o);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("builder");
    TCase *tc = tcase_create("builder");
    tcase_add_test(tc, ice_credentials);
    tcase_add_test(tc, session_new_defaults);
    tcase_add_test(tc, build_by_hand);
    tcase_add_test(tc, caps_from_sdp);
    tcase_add_test(tc, offer_from_caps);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
