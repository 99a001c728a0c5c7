/* Model: iteration, lookup by type, kind and name, core-line decoders, numbers. */
#include "testutil.h"

#include <inttypes.h>

static const char offer[] =
    "v=0\r\n"
    "o=alice 1234567890123456789012345 7 IN IP4 192.0.2.10\r\n"
    "s=call\r\n"
    "c=IN IP4 192.0.2.10\r\n"
    "t=0 0\r\n"
    "a=group:BUNDLE a v\r\n"
    "a=ice-ufrag:sess\r\n"
    "a=x-custom\r\n"
    "m=audio 49170 UDP/TLS/RTP/SAVPF 111 0\r\n"
    "a=mid:a\r\n"
    "a=rtpmap:111 opus/48000/2\r\n"
    "a=rtpmap:0 PCMU/8000\r\n"
    "a=rtcp-mux\r\n"
    "a=x-empty:\r\n"
    "m=video 0/2 RTP/AVP 96\r\n"
    "c=IN IP6 ff1e::1/3\r\n"
    "c=IN IP4 233.252.0.1/127/2\r\n"
    "b=AS:512\r\n"
    "a=mid:v\r\n";

START_TEST(test_iteration)
{
    sdpx_session *s = parse_ok(offer, 0);
    ck_assert_uint_eq(sdpx_session_line_count(s), 8);
    ck_assert_uint_eq(sdpx_session_media_count(s), 2);
    ck_assert_ptr_null(sdpx_session_line(s, 8));
    ck_assert_ptr_null(sdpx_session_media(s, 2));
    const sdpx_line *l = sdpx_session_line(s, 1);
    ck_assert_int_eq(sdpx_line_type(l), 'o');
    ck_assert_uint_eq(sdpx_line_number(l), 2);
    ck_assert_int_eq(sdpx_line_eol(l), SDPX_EOL_CRLF);
    ck_assert_str_view(sdpx_line_text(l), "o=alice 1234567890123456789012345 7 IN IP4 192.0.2.10");
    ck_assert_str_view(sdpx_line_value(l), "alice 1234567890123456789012345 7 IN IP4 192.0.2.10");
    ck_assert_int_eq(sdpx_line_kind(l), SDPX_ATTR_NONE);

    sdpx_media *m0 = sdpx_session_media_mut(s, 0), *m1 = sdpx_session_media_mut(s, 1);
    ck_assert_uint_eq(sdpx_media_index(m1), 1);
    ck_assert_ptr_eq(sdpx_media_session(m0), s);
    ck_assert_ptr_eq(sdpx_media_session_mut(m1), s);
    /* the read-only and the mutable accessor name the same section */
    const sdpx_session *cs = s;
    ck_assert_ptr_eq(sdpx_session_media(cs, 1), m1);
    ck_assert_ptr_null(sdpx_session_media_mut(s, 2));
    ck_assert_uint_eq(sdpx_media_line_count(m0), 6);
    ck_assert_uint_eq(sdpx_media_line_count(m1), 5);
    ck_assert_int_eq(sdpx_line_type(sdpx_media_line(m0, 0)), 'm');
    ck_assert_uint_eq(sdpx_line_number(sdpx_media_line(m1, 4)), 19);
    ck_assert_ptr_null(sdpx_media_line(m1, 5));
    sdpx_session_free(s);
}
END_TEST

START_TEST(test_attributes)
{
    sdpx_session *s = parse_ok(offer, 0);
    const sdpx_line *g = sdpx_session_find_attr(s, SDPX_ATTR_GROUP, NULL);
    ck_assert_ptr_nonnull(g);
    ck_assert_str_view(sdpx_attr_name(g), "group");
    ck_assert_str_view(sdpx_attr_value(g), "BUNDLE a v");
    ck_assert_int_eq(sdpx_attr_has_value(g), 1);
    ck_assert_ptr_null(sdpx_session_find_attr(s, SDPX_ATTR_GROUP, g));

    const sdpx_line *x = sdpx_session_find_attr_name(s, "x-custom", NULL);
    ck_assert_ptr_nonnull(x);
    ck_assert_int_eq(sdpx_line_kind(x), SDPX_ATTR_OTHER);
    ck_assert_int_eq(sdpx_attr_has_value(x), 0);
    ck_assert_uint_eq(sdpx_attr_value(x).len, 0);
    ck_assert_ptr_null(sdpx_session_find_attr_name(s, "x-cust", NULL));

    sdpx_media *m = sdpx_session_media_mut(s, 0);
    const sdpx_line *r = sdpx_media_find_attr(m, SDPX_ATTR_RTPMAP, NULL);
    ck_assert_str_view(sdpx_attr_value(r), "111 opus/48000/2");
    r = sdpx_media_find_attr(m, SDPX_ATTR_RTPMAP, r);
    ck_assert_str_view(sdpx_attr_value(r), "0 PCMU/8000");
    ck_assert_ptr_null(sdpx_media_find_attr(m, SDPX_ATTR_RTPMAP, r));
    const sdpx_line *mux = sdpx_media_find_attr_name(m, "rtcp-mux", NULL);
    ck_assert_int_eq(sdpx_line_kind(mux), SDPX_ATTR_RTCP_MUX);
    const sdpx_line *e = sdpx_media_find_attr_name(m, "x-empty", NULL);
    ck_assert_int_eq(sdpx_attr_has_value(e), 1);
    ck_assert_uint_eq(sdpx_attr_value(e).len, 0);
    /* the session's attributes are not the media's */
    ck_assert_ptr_null(sdpx_media_find_attr(m, SDPX_ATTR_ICE_UFRAG, NULL));
    /* a line of another section as "after" finds nothing (no endless loops) */
    ck_assert_ptr_null(sdpx_media_find_attr(m, SDPX_ATTR_RTPMAP, g));
    ck_assert_ptr_null(sdpx_media_find_line(m, 'a', g));
    ck_assert_ptr_null(sdpx_media_find_attr_name(m, "rtpmap", g));
    /* non-attribute lines have no name */
    ck_assert_uint_eq(sdpx_attr_name(sdpx_media_line(m, 0)).len, 0);
    ck_assert_int_eq(sdpx_attr_has_value(sdpx_media_line(m, 0)), 0);

    sdpx_media *v = sdpx_session_media_mut(s, 1);
    const sdpx_line *c1 = sdpx_media_find_line(v, 'c', NULL);
    const sdpx_line *c2 = sdpx_media_find_line(v, 'c', c1);
    ck_assert_str_view(sdpx_line_value(c2), "IN IP4 233.252.0.1/127/2");
    ck_assert_ptr_null(sdpx_media_find_line(v, 'c', c2));
    ck_assert_ptr_nonnull(sdpx_session_find_line(s, 't', NULL));
    ck_assert_ptr_null(sdpx_session_find_line(s, 'm', NULL));
    sdpx_session_free(s);
}
END_TEST

START_TEST(test_typed_session)
{
    sdpx_session *s = parse_ok(offer, 0);
    sdpx_origin o;
    ck_assert_int_eq(sdpx_session_origin(s, &o), 0);
    ck_assert_str_view(o.username, "alice");
    ck_assert_str_view(o.sess_id, "1234567890123456789012345");
    ck_assert_str_view(o.sess_version, "7");
    ck_assert_str_view(o.address, "192.0.2.10");
    uint64_t v;
    ck_assert_int_eq(sdpx_str_u64(o.sess_id, &v), SDPX_EOVERFLOW);
    ck_assert_int_eq(sdpx_str_u64(o.sess_version, &v), 0);
    ck_assert_uint_eq(v, 7);
    sdpx_str name;
    ck_assert_int_eq(sdpx_session_name(s, &name), 0);
    ck_assert_str_view(name, "call");

    sdpx_connection c;
    ck_assert_int_eq(sdpx_media_connection(sdpx_session_media(s, 0), &c), 0);
    ck_assert_str_view(c.address, "192.0.2.10"); /* session-level fallback */
    ck_assert_int_eq(sdpx_media_connection(sdpx_session_media(s, 1), &c), 0);
    ck_assert_str_view(c.address, "ff1e::1");
    ck_assert_uint_eq(c.count, 3);

    sdpx_mline ml;
    ck_assert_int_eq(sdpx_media_mline(sdpx_session_media(s, 1), &ml), 0);
    ck_assert_str_view(ml.media, "video");
    ck_assert_uint_eq(ml.port, 0);
    ck_assert_uint_eq(ml.port_count, 2);
    ck_assert_str_view(ml.formats, "96");
    sdpx_session_free(s);

    s = parse_ok("v=0\r\nc=IN IP4 1.2.3.4\r\n", 0);
    ck_assert_int_eq(sdpx_session_origin(s, &o), SDPX_ENOTFOUND);
    ck_assert_int_eq(sdpx_session_name(s, &name), SDPX_ENOTFOUND);
    sdpx_session_free(s);
    s = parse_ok("v=0\r\nm=audio 9 RTP/AVP 0\r\n", 0);
    ck_assert_int_eq(sdpx_media_connection(sdpx_session_media(s, 0), &c), SDPX_ENOTFOUND);
    sdpx_session_free(s);
}
END_TEST

/* ---- core-line decoders ---- */

typedef struct {
    const char *value;
    int rc;
    const char *address;
    unsigned ttl, count;
    int has_ttl, has_count;
} conn_case;

static const conn_case conn_cases[] = {
    {"IN IP4 192.0.2.1", 0, "192.0.2.1", 0, 1, 0, 0},
    {"IN IP4 233.252.0.1/127", 0, "233.252.0.1", 127, 1, 1, 0},
    {"IN IP4 233.252.0.1/127/3", 0, "233.252.0.1", 127, 3, 1, 1},
    {"IN IP6 ff1e:03ad::7F2E:172a:1e24/3", 0, "ff1e:03ad::7F2E:172a:1e24", 0, 3, 0, 1},
    {"IN IP6 ::1", 0, "::1", 0, 1, 0, 0},
    {"IN IP4 233.252.0.1/256", SDPX_EFIELD, NULL, 0, 0, 0, 0},
    {"IN IP4 233.252.0.1/1/0", SDPX_EFIELD, NULL, 0, 0, 0, 0},
    {"IN IP6 ff1e::1/1/2", SDPX_EFIELD, NULL, 0, 0, 0, 0},
    {"IN IP4 /5", SDPX_EFIELD, NULL, 0, 0, 0, 0},
    {"IN IP4", SDPX_EFIELD, NULL, 0, 0, 0, 0},
    {"IN IP4 1.2.3.4 junk", SDPX_EFIELD, NULL, 0, 0, 0, 0},
};

START_TEST(test_connection)
{
    const conn_case *k = &conn_cases[_i];
    sdpx_connection c;
    int rc = sdpx_connection_parse((sdpx_str){k->value, strlen(k->value)}, &c);
    ck_assert_int_eq(rc, k->rc);
    if (rc)
        return;
    ck_assert_str_view(c.nettype, "IN");
    ck_assert_str_view(c.address, k->address);
    ck_assert_uint_eq(c.ttl, k->ttl);
    ck_assert_uint_eq(c.count, k->count);
    ck_assert_int_eq(c.has_ttl, k->has_ttl);
    ck_assert_int_eq(c.has_count, k->has_count);
}
END_TEST

typedef struct {
    const char *value;
    int rc;
    const char *media;
    unsigned port, count;
    const char *proto, *formats;
} mline_case;

static const mline_case mline_cases[] = {
    {"audio 49170 RTP/AVP 0 8 97", 0, "audio", 49170, 1, "RTP/AVP", "0 8 97"},
    {"video 49170/2 RTP/AVP 31", 0, "video", 49170, 2, "RTP/AVP", "31"},
    {"application 9 UDP/DTLS/SCTP webrtc-datachannel", 0, "application", 9, 1, "UDP/DTLS/SCTP",
     "webrtc-datachannel"},
    {"audio 0 RTP/AVP", 0, "audio", 0, 1, "RTP/AVP", ""},
    {"audio 65535 RTP/AVP 0", 0, "audio", 65535, 1, "RTP/AVP", "0"},
    {"audio 65536 RTP/AVP 0", SDPX_ERANGE, NULL, 0, 0, NULL, NULL},
    {"audio 99999999999999999999999 RTP/AVP 0", SDPX_ERANGE, NULL, 0, 0, NULL, NULL},
    {"audio -1 RTP/AVP 0", SDPX_EFIELD, NULL, 0, 0, NULL, NULL},
    {"audio 9/0 RTP/AVP 0", SDPX_EFIELD, NULL, 0, 0, NULL, NULL},
    {"audio 9/70000 RTP/AVP 0", SDPX_ERANGE, NULL, 0, 0, NULL, NULL},
    {"audio 9", SDPX_EFIELD, NULL, 0, 0, NULL, NULL},
};

START_TEST(test_mline)
{
    const mline_case *k = &mline_cases[_i];
    sdpx_mline m;
    int rc = sdpx_mline_parse((sdpx_str){k->value, strlen(k->value)}, &m);
    ck_assert_int_eq(rc, k->rc);
    if (rc)
        return;
    ck_assert_str_view(m.media, k->media);
    ck_assert_uint_eq(m.port, k->port);
    ck_assert_uint_eq(m.port_count, k->count);
    ck_assert_int_eq(m.has_port_count, k->count != 1);
    ck_assert_str_view(m.proto, k->proto);
    ck_assert_str_view(m.formats, k->formats);
}
END_TEST

START_TEST(test_small_decoders)
{
    sdpx_bandwidth b;
    ck_assert_int_eq(sdpx_bandwidth_parse((sdpx_str){"AS:512", 6}, &b), 0);
    ck_assert_str_view(b.type, "AS");
    ck_assert_uint_eq(b.number, 512);
    ck_assert_int_eq(sdpx_bandwidth_parse((sdpx_str){"TIAS:", 5}, &b), SDPX_EFIELD);
    ck_assert_int_eq(sdpx_bandwidth_parse((sdpx_str){":5", 2}, &b), SDPX_EFIELD);
    ck_assert_int_eq(sdpx_bandwidth_parse((sdpx_str){"AS", 2}, &b), SDPX_EFIELD);

    sdpx_timing t;
    ck_assert_int_eq(sdpx_timing_parse((sdpx_str){"2873397496 2873404696", 21}, &t), 0);
    ck_assert_uint_eq(t.start_time, 2873397496u);
    ck_assert_uint_eq(t.stop_time, 2873404696u);
    ck_assert_int_eq(sdpx_timing_parse((sdpx_str){"0", 1}, &t), SDPX_EFIELD);
    ck_assert_int_eq(sdpx_timing_parse((sdpx_str){"0 0 0", 5}, &t), SDPX_EFIELD);

    int64_t sec;
    static const struct { const char *in; int rc; int64_t sec; } tt[] = {
        {"7d", 0, 604800}, {"1h", 0, 3600}, {"25m", 0, 1500}, {"10s", 0, 10}, {"90", 0, 90},
        {"-1h", 0, -3600}, {"", SDPX_EFIELD, 0}, {"h", SDPX_EFIELD, 0}, {"1x", SDPX_EFIELD, 0},
        {"99999999999999999999d", SDPX_EOVERFLOW, 0}, {"106751991167301d", SDPX_EOVERFLOW, 0},
    };
    for (size_t i = 0; i < sizeof tt / sizeof tt[0]; i++) {
        sec = 42;
        int rc = sdpx_typed_time_parse((sdpx_str){tt[i].in, strlen(tt[i].in)}, &sec);
        ck_assert_msg(rc == tt[i].rc, "typed time \"%s\": rc %d", tt[i].in, rc);
        if (!rc)
            ck_assert_int_eq(sec, tt[i].sec);
    }

    sdpx_repeat r;
    ck_assert_int_eq(sdpx_repeat_parse((sdpx_str){"7d 1h 0 25h", 11}, &r), 0);
    ck_assert_int_eq(r.interval, 604800);
    ck_assert_int_eq(r.duration, 3600);
    ck_assert_str_view(r.offsets, "0 25h");
    ck_assert_int_eq(sdpx_repeat_parse((sdpx_str){"7d 1h", 5}, &r), SDPX_EFIELD);

    sdpx_str z = {"2882844526 -1h 2898848070 0", 27};
    uint64_t when;
    int64_t off;
    ck_assert_int_eq(sdpx_zone_next(&z, &when, &off), 1);
    ck_assert_uint_eq(when, 2882844526u);
    ck_assert_int_eq(off, -3600);
    ck_assert_int_eq(sdpx_zone_next(&z, &when, &off), 1);
    ck_assert_uint_eq(when, 2898848070u);
    ck_assert_int_eq(off, 0);
    ck_assert_int_eq(sdpx_zone_next(&z, &when, &off), 0);
    sdpx_str z2 = {"1 ", 2};
    ck_assert_int_eq(sdpx_zone_next(&z2, &when, &off), SDPX_EFIELD);

    sdpx_key k;
    ck_assert_int_eq(sdpx_key_parse((sdpx_str){"clear:secret:x", 14}, &k), 0);
    ck_assert_str_view(k.method, "clear");
    ck_assert_str_view(k.key, "secret:x");
    ck_assert_int_eq(k.has_key, 1);
    ck_assert_int_eq(sdpx_key_parse((sdpx_str){"prompt", 6}, &k), 0);
    ck_assert_int_eq(k.has_key, 0);
    ck_assert_int_eq(sdpx_key_parse((sdpx_str){":x", 2}, &k), SDPX_EFIELD);

    sdpx_origin o;
    ck_assert_int_eq(sdpx_origin_parse((sdpx_str){"- 1 2 IN IP4", 12}, &o), SDPX_EFIELD);
}
END_TEST

typedef struct {
    const char *in;
    int rc;
    uint64_t v;
} u64_case;

static const u64_case u64_cases[] = {
    {"0", 0, 0},
    {"00000000000000000000000000042", 0, 42},
    {"18446744073709551615", 0, UINT64_MAX},
    {"18446744073709551616", SDPX_EOVERFLOW, 0},
    {"99999999999999999999", SDPX_EOVERFLOW, 0},
    {"9223372036854775808", 0, (uint64_t)INT64_MAX + 1},
    {"", SDPX_EFIELD, 0},
    {"-1", SDPX_EFIELD, 0},
    {"+1", SDPX_EFIELD, 0},
    {" 1", SDPX_EFIELD, 0},
    {"12a", SDPX_EFIELD, 0},
    {"99999999999999999999x", SDPX_EFIELD, 0}, /* not a number at all beats overflow */
};

START_TEST(test_u64)
{
    const u64_case *c = &u64_cases[_i];
    uint64_t v = 7;
    int rc = sdpx_str_u64((sdpx_str){c->in, strlen(c->in)}, &v);
    ck_assert_msg(rc == c->rc, "\"%s\": rc %d", c->in, rc);
    if (rc == 0)
        ck_assert_uint_eq(v, c->v);
    else
        ck_assert_uint_eq(v, 7); /* untouched on failure */
}
END_TEST

START_TEST(test_str_compare)
{
    ck_assert_int_eq(sdpx_str_eq((sdpx_str){"abc", 3}, "abc"), 1);
    ck_assert_int_eq(sdpx_str_eq((sdpx_str){"abc", 2}, "abc"), 0);
    ck_assert_int_eq(sdpx_str_eq((sdpx_str){NULL, 0}, ""), 1);
    ck_assert_int_eq(sdpx_str_ieq((sdpx_str){"OpUs", 4}, "opus"), 1);
    ck_assert_int_eq(sdpx_str_ieq((sdpx_str){"opus", 4}, "opuz"), 0);
    ck_assert_int_eq(sdpx_str_ieq((sdpx_str){"opus", 4}, "opu"), 0);
}
END_TEST

START_TEST(test_kind_registry)
{
    /* every kind has a name that maps back to it */
    for (int k = SDPX_ATTR_OTHER + 1; k < SDPX_ATTR_KIND_COUNT; k++) {
        const char *n = sdpx_attr_kind_name((sdpx_attr_kind)k);
        ck_assert_msg(n != NULL, "kind %d has no name", k);
        ck_assert_int_eq(sdpx_attr_kind_from_name((sdpx_str){n, strlen(n)}), k);
    }
    ck_assert_ptr_null(sdpx_attr_kind_name(SDPX_ATTR_NONE));
    ck_assert_ptr_null(sdpx_attr_kind_name(SDPX_ATTR_OTHER));
    ck_assert_ptr_null(sdpx_attr_kind_name(SDPX_ATTR_KIND_COUNT));
    static const char *unknown[] = {"", "rtpma", "rtpmapx", "RTPMAP", "a", "zzz", "~"};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
        ck_assert_int_eq(sdpx_attr_kind_from_name((sdpx_str){unknown[i], strlen(unknown[i])}),
                         SDPX_ATTR_OTHER);
    ck_assert_int_eq(sdpx_attr_kind_from_name((sdpx_str){"ssrc-group", 10}), SDPX_ATTR_SSRC_GROUP);
}
END_TEST

START_TEST(test_attr_validate_generic)
{
    sdpx_session *s = parse_ok("v=0\r\nm=audio 9 RTP/AVP 0\r\na=rtcp-mux:yes\r\na=rtpmap\r\n"
                               "a=rtcp-mux\r\na=x-unknown:anything\r\n",
                               0);
    sdpx_media *m = sdpx_session_media_mut(s, 0);
    sdpx_error e;
    ck_assert_int_eq(sdpx_attr_validate(sdpx_media_line(m, 1), &e), SDPX_EVALUE);
    ck_assert_uint_eq(e.line, 3);
    ck_assert_uint_eq(e.col, 12);
    ck_assert_int_eq(sdpx_attr_validate(sdpx_media_line(m, 2), &e), SDPX_EVALUE);
    ck_assert_uint_eq(e.col, 9);
    ck_assert_int_eq(sdpx_attr_validate(sdpx_media_line(m, 3), &e), 0);
    ck_assert_int_eq(sdpx_attr_validate(sdpx_media_line(m, 4), &e), 0);
    ck_assert_int_eq(sdpx_attr_validate(sdpx_media_line(m, 0), &e), 0); /* not an a= line */
    sdpx_session_free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("model");
    TCase *tc = tcase_create("model");
    tcase_add_test(tc, test_iteration);
    tcase_add_test(tc, test_attributes);
    tcase_add_test(tc, test_typed_session);
    tcase_add_test(tc, test_kind_registry);
    tcase_add_test(tc, test_attr_validate_generic);
    suite_add_tcase(s, tc);
    TCase *dec = tcase_create("decoders");
    tcase_add_loop_test(dec, test_connection, 0, sizeof conn_cases / sizeof conn_cases[0]);
    tcase_add_loop_test(dec, test_mline, 0, sizeof mline_cases / sizeof mline_cases[0]);
    tcase_add_test(dec, test_small_decoders);
    tcase_add_loop_test(dec, test_u64, 0, sizeof u64_cases / sizeof u64_cases[0]);
    tcase_add_test(dec, test_str_compare);
    suite_add_tcase(s, dec);
    return run_suite(s);
}
