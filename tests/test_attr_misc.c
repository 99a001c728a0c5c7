/* SDES crypto (RFC 4568), SCTP data channels (RFC 8841, sctpmap), BUNDLE and
 * media identity (RFC 5888 / 8843): decoders, encoders, accessors, strict. */
#include "strict_line.h"

/* ---- crypto ------------------------------------------------------------ */

START_TEST(test_crypto_rfc)
{
    /* RFC 4568 9.1 example, with both optional parts of the inline key */
    const char *v = "1 AES_CM_128_HMAC_SHA1_80 "
                    "inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4 "
                    "FEC_ORDER=FEC_SRTP";
    sdpx_crypto c;
    ck_assert_int_eq(sdpx_crypto_parse(view_of(v), &c), 0);
    ck_assert_uint_eq(c.tag, 1);
    ck_assert_str_view(c.suite, "AES_CM_128_HMAC_SHA1_80");
    ck_assert_str_view(c.key_params, "inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4");
    ck_assert_str_view(c.session_params, "FEC_ORDER=FEC_SRTP");
    sdpx_str rest = c.key_params;
    sdpx_crypto_key k;
    ck_assert_int_eq(sdpx_crypto_key_next(&rest, &k), 1);
    ck_assert_str_view(k.method, "inline");
    ck_assert_str_view(k.key_salt, "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR");
    ck_assert_str_view(k.lifetime, "2^20");
    ck_assert_str_view(k.mki, "1:4");
    ck_assert_int_eq(sdpx_crypto_key_next(&rest, &k), 0);
    char buf[256];
    ck_assert_int_eq(sdpx_crypto_write(&c, buf, sizeof buf), (int)strlen(v));
    ck_assert_str_eq(buf, v);
}
END_TEST

typedef struct {
    const char *key; /* one key-param */
    const char *key_salt, *lifetime, *mki;
} key_case;

static const key_case key_cases[] = {
    {"inline:KEY", "KEY", "", ""},
    {"inline:KEY|2^31", "KEY", "2^31", ""},
    {"inline:KEY|1:4", "KEY", "", "1:4"},         /* RFC 4568 6.1: MKI without lifetime */
    {"inline:KEY|1048576|2:1", "KEY", "1048576", "2:1"},
    {"uri:http://x", "", "", ""},                  /* key-method-ext: not split */
};

START_TEST(test_crypto_keys)
{
    const key_case *c = &key_cases[_i];
    sdpx_str rest = view_of(c->key);
    sdpx_crypto_key k;
    ck_assert_int_eq(sdpx_crypto_key_next(&rest, &k), 1);
    ck_assert_str_view(k.key_salt, c->key_salt);
    ck_assert_str_view(k.lifetime, c->lifetime);
    ck_assert_str_view(k.mki, c->mki);
    ck_assert_uint_eq(rest.len, 0);
}
END_TEST

START_TEST(test_crypto_multi)
{
    /* RFC 4568 6.1: several keys separated by ';' */
    sdpx_crypto c;
    ck_assert_int_eq(sdpx_crypto_parse(view_of("2 F8_128_HMAC_SHA1_80 inline:AAAA|2^20|1:4;inline:BBBB|2^20|2:4"), &c), 0);
    ck_assert_uint_eq(c.session_params.len, 0);
    sdpx_str rest = c.key_params;
    sdpx_crypto_key k;
    ck_assert_int_eq(sdpx_crypto_key_next(&rest, &k), 1);
    ck_assert_str_view(k.key_salt, "AAAA");
    ck_assert_int_eq(sdpx_crypto_key_next(&rest, &k), 1);
    ck_assert_str_view(k.key_salt, "BBBB");
    ck_assert_str_view(k.mki, "2:4");
    ck_assert_int_eq(sdpx_crypto_key_next(&rest, &k), 0);
}
END_TEST

/* ---- strict mode ---------------------------------------------------------- */

typedef struct {
    const char *line;
    int session; /* put the line at session level */
    unsigned col; /* 0: passes */
    const char *words;
} strict_case;

static const strict_case strict_cases[] = {
    {"a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR", 0, 0, NULL},
    {"a=crypto:1234567890 AES_CM_128_HMAC_SHA1_80 inline:K", 0, 10, "tag \"1234567890\""},
    {"a=crypto:1 AES-CM inline:K", 0, 12, "crypto suite \"AES-CM\""},
    {"a=crypto:1 AES_CM_128_HMAC_SHA1_80", 0, 35, "key parameters is missing"},
    {"a=crypto:1 AES_CM_128_HMAC_SHA1_80 inlineK", 0, 36, "key parameter \"inlineK\""},
    {"a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:K|2^20|14", 0, 50, "MKI \"14\""},
    {"a=sctp-port:5000", 0, 0, NULL},
    {"a=sctp-port:65536", 0, 13, "sctp-port \"65536\""},
    {"a=max-message-size:262144", 0, 0, NULL},
    {"a=max-message-size:-1", 0, 20, "max-message-size \"-1\""},
    {"a=sctpmap:5000 webrtc-datachannel 1024", 0, 0, NULL},
    {"a=sctpmap:5000 webrtc-datachannel", 0, 0, NULL},
    {"a=sctpmap:x webrtc-datachannel 1024", 0, 11, "sctpmap port \"x\""},
    {"a=sctpmap:5000 webrtc-datachannel many", 0, 35, "stream count \"many\""},
    {"a=sctpmap:5000", 0, 15, "sctpmap protocol is missing"},
    {"a=group:BUNDLE 0 1 data", 1, 0, NULL},
    {"a=group:BUNDLE", 1, 0, NULL},
    {"a=group:LS audio vi\"deo", 1, 18, "identification tag \"vi\\x22deo\""},
    {"a=mid:audio", 0, 0, NULL},
    {"a=mid:a;b", 0, 8, "mid character \";\""},
    {"a=bundle-only", 0, 0, NULL},
    {"a=bundle-only:1", 0, 15, "takes no value"},
};

START_TEST(test_strict)
{
    const strict_case *c = &strict_cases[_i];
    check_strict_line(c->line, c->session, c->col, c->words);
}
END_TEST

/* ---- sctp ------------------------------------------------------------------ */

START_TEST(test_sctp)
{
    uint16_t port = 0;
    uint64_t mms = 1;
    ck_assert_int_eq(sdpx_sctp_port_parse(view_of("5000"), &port), 0);
    ck_assert_uint_eq(port, 5000);
    ck_assert_int_eq(sdpx_sctp_port_parse(view_of(""), &port), SDPX_EVALUE);
    ck_assert_int_eq(sdpx_max_message_size_parse(view_of("0"), &mms), 0); /* RFC 8841 6.1: no limit */
    ck_assert_uint_eq(mms, 0);
    ck_assert_int_eq(sdpx_max_message_size_parse(view_of("18446744073709551615"), &mms), 0);
    ck_assert_uint_eq(mms, UINT64_MAX);
    ck_assert_int_eq(sdpx_max_message_size_parse(view_of("18446744073709551616"), &mms), SDPX_EVALUE);

    sdpx_sctpmap m;
    char buf[64];
    ck_assert_int_eq(sdpx_sctpmap_parse(view_of("5000 webrtc-datachannel 1024"), &m), 0);
    ck_assert_uint_eq(m.port, 5000);
    ck_assert_str_view(m.protocol, "webrtc-datachannel");
    ck_assert_int_eq(m.has_streams, 1);
    ck_assert_uint_eq(m.streams, 1024);
    ck_assert_int_eq(sdpx_sctpmap_write(&m, buf, sizeof buf), 28);
    ck_assert_str_eq(buf, "5000 webrtc-datachannel 1024");
    ck_assert_int_eq(sdpx_sctpmap_parse(view_of("5000 webrtc-datachannel"), &m), 0);
    ck_assert_int_eq(m.has_streams, 0);
    sdpx_sctpmap_write(&m, buf, sizeof buf);
    ck_assert_str_eq(buf, "5000 webrtc-datachannel");
    ck_assert_int_eq(sdpx_sctpmap_parse(view_of("5000 webrtc-datachannel 1 2"), &m), SDPX_EVALUE);
}
END_TEST

/* ---- bundle ---------------------------------------------------------------- */

START_TEST(test_group)
{
    /* RFC 8843 18 example */
    sdpx_group g;
    char buf[64];
    ck_assert_int_eq(sdpx_group_parse(view_of("BUNDLE foo bar"), &g), 0);
    ck_assert_str_view(g.semantics, "BUNDLE");
    ck_assert_str_view(g.ids, "foo bar");
    sdpx_str rest = g.ids, id;
    ck_assert_int_eq(sdpx_group_id_next(&rest, &id), 1);
    ck_assert_str_view(id, "foo");
    ck_assert_int_eq(sdpx_group_id_next(&rest, &id), 1);
    ck_assert_str_view(id, "bar");
    ck_assert_int_eq(sdpx_group_id_next(&rest, &id), 0);
    ck_assert_int_eq(sdpx_group_has(&g, view_of("bar")), 1);
    ck_assert_int_eq(sdpx_group_has(&g, view_of("ba")), 0);
    ck_assert_int_eq(sdpx_group_write(&g, buf, sizeof buf), 14);
    ck_assert_str_eq(buf, "BUNDLE foo bar");
    ck_assert_int_eq(sdpx_group_parse(view_of("LS"), &g), 0);
    ck_assert_uint_eq(g.ids.len, 0);
    sdpx_group_write(&g, buf, sizeof buf);
    ck_assert_str_eq(buf, "LS");
    ck_assert_int_eq(sdpx_group_parse(view_of(""), &g), SDPX_EVALUE);

    sdpx_str mid;
    ck_assert_int_eq(sdpx_mid_parse(view_of("audio-1"), &mid), 0);
    ck_assert_str_view(mid, "audio-1");
    ck_assert_int_eq(sdpx_mid_parse(view_of(""), &mid), SDPX_EVALUE);
    ck_assert_int_eq(sdpx_mid_parse(view_of("a b"), &mid), SDPX_EVALUE);
    g.semantics = view_of("BUNDLE\r\n");
    ck_assert_int_eq(sdpx_group_write(&g, buf, sizeof buf), SDPX_EINVAL);
}
END_TEST

START_TEST(test_bundle_lookup)
{
    static const char sdp[] = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                              "a=group:LS a v\r\n"
                              "a=group:BUNDLE v d\r\n"
                              "m=audio 9 RTP/AVP 0\r\na=mid:a\r\n"
                              "m=video 9 RTP/AVP 96\r\na=mid:v\r\na=bundle-only\r\n"
                              "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:d\r\n"
                              "a=sctp-port:5000\r\n"
                              "m=audio 0 RTP/AVP 0\r\n";
    sdpx_session *s = parse_ok(sdp, SDPX_PARSE_STRICT);
    sdpx_str mid;
    sdpx_group g;
    ck_assert_int_eq(sdpx_media_mid(sdpx_session_media(s, 1), &mid), 0);
    ck_assert_str_view(mid, "v");
    ck_assert_int_eq(sdpx_media_mid(sdpx_session_media(s, 3), &mid), SDPX_ENOTFOUND);
    ck_assert_ptr_eq(sdpx_session_media_by_mid(s, view_of("d")), sdpx_session_media(s, 2));
    ck_assert_ptr_null(sdpx_session_media_by_mid(s, view_of("x")));
    ck_assert_ptr_eq(sdpx_session_media_by_mid_mut(s, view_of("d")), sdpx_session_media(s, 2));
    ck_assert_ptr_null(sdpx_session_media_by_mid_mut(s, view_of("x")));
    ck_assert_int_eq(sdpx_session_group_of(s, "BUNDLE", view_of("d"), &g), 0);
    ck_assert_str_view(g.ids, "v d");
    ck_assert_int_eq(sdpx_session_group_of(s, "BUNDLE", view_of("a"), &g), SDPX_ENOTFOUND);
    ck_assert_int_eq(sdpx_session_group_of(s, NULL, view_of("a"), &g), 0);
    ck_assert_str_view(g.semantics, "LS");
    ck_assert_int_eq(sdpx_session_group_of(s, NULL, view_of("v"), &g), 0);
    ck_assert_str_view(g.semantics, "LS"); /* the first group that lists it */
    sdpx_session_free(s);
}
END_TEST

/* sctpmap protocols sdpx_sctpmap_parse would not read back as one token. */
static const char *const sctpmap_bad_protocols[] = {
    "webrtc datachannel", /* a space splits it into a protocol and a stream count */
    "webrtc-datachannel\r\na=x",
    "",
    "\"quoted\"",         /* RFC 8866 9: '"' is no token-char */
    "tab\tbed",
};

START_TEST(test_sctpmap_write_refuses)
{
    sdpx_sctpmap m;
    memset(&m, 0, sizeof m);
    m.port = 5000;
    m.protocol = view_of(sctpmap_bad_protocols[_i]);
    char buf[64];
    memset(buf, 'z', sizeof buf);
    ck_assert_int_eq(sdpx_sctpmap_write(&m, buf, sizeof buf), SDPX_EINVAL);
    ck_assert_str_eq(buf, ""); /* nothing refused is left in the buffer */
}
END_TEST

int main(void)
{
    Suite *s = suite_create("attr_misc");
    TCase *tc = tcase_create("misc");
    tcase_add_test(tc, test_crypto_rfc);
    tcase_add_loop_test(tc, test_crypto_keys, 0, sizeof key_cases / sizeof key_cases[0]);
    tcase_add_test(tc, test_crypto_multi);
    tcase_add_loop_test(tc, test_strict, 0, sizeof strict_cases / sizeof strict_cases[0]);
    tcase_add_test(tc, test_sctp);
    tcase_add_loop_test(tc, test_sctpmap_write_refuses, 0,
                        sizeof sctpmap_bad_protocols / sizeof sctpmap_bad_protocols[0]);
    tcase_add_test(tc, test_group);
    tcase_add_test(tc, test_bundle_lookup);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
