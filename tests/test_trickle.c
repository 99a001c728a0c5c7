/* Trickle ICE fragments (RFC 8840): parse, write, apply to a session. */
#include "testutil.h"

/* RFC 8840 example INFO body (section 4.4 / 9) */
static const char rfc_frag[] = "a=ice-pwd:asd88fgpdd777uzjYhagZg\r\n"
                               "a=ice-ufrag:8hhY\r\n"
                               "m=audio 5000 RTP/AVP 0\r\n"
                               "a=mid:1\r\n"
                               "a=candidate:1 1 UDP 1658497328 198.51.100.33 5000 typ host\r\n"
                               "a=candidate:1 2 UDP 1658497328 198.51.100.33 5001 typ host\r\n"
                               "a=end-of-candidates\r\n";

static sdpx_session *frag_ok(const char *text, unsigned flags)
{
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = flags;
    sdpx_session *f = NULL;
    sdpx_error e;
    int rc = sdpx_fragment_parse(text, strlen(text), &opt, &f, &e);
    ck_assert_msg(rc == 0, "fragment parse failed: %d at %u:%u: %s", rc, e.line, e.col, e.msg);
    return f;
}

START_TEST(test_parse_rfc)
{
    sdpx_session *f = frag_ok(rfc_frag, SDPX_PARSE_STRICT);
    ck_assert_uint_eq(sdpx_session_line_count(f), 2);
    ck_assert_uint_eq(sdpx_session_media_count(f), 1);
    sdpx_media *m = sdpx_session_media_mut(f, 0);
    sdpx_str v;
    ck_assert_int_eq(sdpx_media_ice_ufrag(m, &v), 0);
    ck_assert_str_view(v, "8hhY");
    ck_assert_int_eq(sdpx_media_mid(m, &v), 0);
    ck_assert_str_view(v, "1");
    const sdpx_line *l = sdpx_media_find_attr(m, SDPX_ATTR_CANDIDATE, NULL);
    sdpx_candidate c;
    v = sdpx_attr_value(l);
    ck_assert_int_eq(sdpx_candidate_parse(v.ptr, v.len, &c), 0);
    ck_assert_uint_eq(c.port, 5000);
    l = sdpx_media_find_attr(m, SDPX_ATTR_CANDIDATE, l);
    v = sdpx_attr_value(l);
    ck_assert_int_eq(sdpx_candidate_parse(v.ptr, v.len, &c), 0);
    ck_assert_uint_eq(c.component, 2);
    ck_assert_ptr_nonnull(sdpx_media_find_attr(m, SDPX_ATTR_END_OF_CANDIDATES, NULL));
    /* lossless: written back byte for byte */
    char buf[512];
    ck_assert_uint_eq(sdpx_write(f, 0, buf, sizeof buf), strlen(rfc_frag));
    ck_assert_str_eq(buf, rfc_frag);
    sdpx_session_free(f);
}
END_TEST

typedef struct {
    const char *text;
    unsigned flags;
    int rc;
    unsigned line, col;
} frag_case;

static const frag_case frag_cases[] = {
    /* session-level only: credentials and options */
    {"a=ice-ufrag:EsAw\r\na=ice-pwd:P2uYro0UCOQ4zxjKXaWCBui1\r\na=ice-options:trickle\r\n", 0, 0, 0, 0},
    /* bare LF, no final line ending */
    {"a=ice-ufrag:EsAw\nm=audio 9 RTP/AVP 0\na=mid:0\na=end-of-candidates", 0, 0, 0, 0},
    {"", 0, SDPX_EEMPTY, 1, 1},
    /* strict: a candidate without typ is pointed at */
    {"m=audio 9 RTP/AVP 0\r\na=mid:0\r\na=candidate:1 1 UDP 1 192.0.2.1 9\r\n", SDPX_PARSE_STRICT,
     SDPX_EVALUE, 3, 34},
    /* a full description parses as a fragment too */
    {"v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n", SDPX_PARSE_STRICT,
     0, 0, 0},
    {"a=ice-ufrag:x y\r\n", 0, 0, 0, 0}, /* lenient keeps a bad value */
    {"a=ice-ufrag:x y\r\n", SDPX_PARSE_STRICT, SDPX_EVALUE, 1, 14},
    {"junk\r\n", 0, SDPX_ESYNTAX, 1, 2},
};

START_TEST(test_parse_cases)
{
    const frag_case *c = &frag_cases[_i];
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = c->flags;
    sdpx_session *f = NULL;
    sdpx_error e;
    int rc = sdpx_fragment_parse(c->text, strlen(c->text), &opt, &f, &e);
    ck_assert_msg(rc == c->rc, "case %d: rc %d (%s)", _i, rc, e.msg);
    if (rc) {
        ck_assert_ptr_null(f);
        ck_assert_uint_eq(e.line, c->line);
        ck_assert_uint_eq(e.col, c->col);
    }
    sdpx_session_free(f);
    /* a fragment is not a description: the ordinary parse refuses the first ones */
    if (_i < 2)
        ck_assert_int_eq(sdpx_parse(c->text, strlen(c->text), NULL, &f, &e), SDPX_EVERSION);
}
END_TEST

START_TEST(test_write)
{
    sdpx_candidate c[2];
    const char *c0 = "1 1 UDP 1658497328 198.51.100.33 5000 typ host";
    const char *c1 = "1 2 UDP 1658497328 198.51.100.33 5001 typ host";
    ck_assert_int_eq(sdpx_candidate_parse(c0, strlen(c0), &c[0]), 0);
    ck_assert_int_eq(sdpx_candidate_parse(c1, strlen(c1), &c[1]), 0);
    sdpx_fragment_section sec[2];
    memset(sec, 0, sizeof sec);
    sec[0].mline = view_of("audio 5000 RTP/AVP 0");
    sec[0].mid = view_of("1");
    sec[0].candidates = c;
    sec[0].ncandidates = 2;
    sec[0].end_of_candidates = 1;
    static const char want[] = "a=ice-ufrag:8hhY\r\n"
                               "a=ice-pwd:asd88fgpdd777uzjYhagZg\r\n"
                               "m=audio 5000 RTP/AVP 0\r\n"
                               "a=mid:1\r\n"
                               "a=candidate:1 1 UDP 1658497328 198.51.100.33 5000 typ host\r\n"
                               "a=candidate:1 2 UDP 1658497328 198.51.100.33 5001 typ host\r\n"
                               "a=end-of-candidates\r\n";
    char buf[512];
    int n = sdpx_fragment_write(view_of("8hhY"), view_of("asd88fgpdd777uzjYhagZg"), sec, 1, buf, sizeof buf);
    ck_assert_int_eq(n, (int)strlen(want));
    ck_assert_str_eq(buf, want);
    /* snprintf rules, also when the cut falls inside a candidate */
    ck_assert_int_eq(sdpx_fragment_write(view_of("8hhY"), view_of("asd88fgpdd777uzjYhagZg"), sec, 1, NULL, 0), n);
    char small[100];
    ck_assert_int_eq(sdpx_fragment_write(view_of("8hhY"), view_of("asd88fgpdd777uzjYhagZg"), sec, 1, small,
                                         sizeof small),
                     n);
    ck_assert_uint_eq(strlen(small), sizeof small - 1);
    ck_assert(memcmp(small, want, sizeof small - 1) == 0);
    /* what it writes parses back as a fragment */
    sdpx_session *f = frag_ok(buf, SDPX_PARSE_STRICT);
    ck_assert_uint_eq(sdpx_session_media_count(f), 1);
    sdpx_session_free(f);
    /* placeholder m= line, no credentials, a second section with nothing but its mid */
    sec[1].mid = view_of("v");
    sec[0].mline = view_of("");
    sec[0].ncandidates = 0;
    sec[0].end_of_candidates = 0;
    sdpx_fragment_write(view_of(""), view_of(""), sec, 2, buf, sizeof buf);
    ck_assert_str_eq(buf, "m=audio 9 RTP/AVP 0\r\na=mid:1\r\nm=audio 9 RTP/AVP 0\r\na=mid:v\r\n");
    sec[1].mid = view_of("v\r\na=evil");
    ck_assert_int_eq(sdpx_fragment_write(view_of(""), view_of(""), sec, 2, buf, sizeof buf), SDPX_EINVAL);
}
END_TEST

/* Fragment fields sdpx_fragment_parse would not read back as the same
 * credentials and mid (RFC 8839 5.4, RFC 5888 4). */
typedef struct {
    const char *ufrag, *pwd, *mid;
} frag_write_bad_case;

static const frag_write_bad_case frag_write_bad[] = {
    {"8h hY", "asd88fgpdd777uzjYhagZg", "1"},  /* ice-char only */
    {"8hh", "asd88fgpdd777uzjYhagZg", "1"},    /* ufrag 4-256 */
    {"8hhY\r\na=x", "asd88fgpdd777uzjYhagZg", "1"},
    {"8hhY", "asd88fgpdd777uzjYhag-g", "1"},   /* '-' is no ice-char */
    {"8hhY", "asd88fgpdd777uzjYhagZ", "1"},    /* pwd 22-256 */
    {"8hhY", "asd88fgpdd777uzjYhagZg", "a b"}, /* the mid is one token */
    {"8hhY", "asd88fgpdd777uzjYhagZg", "a\"b"},
    {"8hhY", "asd88fgpdd777uzjYhagZg", "a\r\na=x"},
};

START_TEST(test_write_refuses)
{
    const frag_write_bad_case *c = &frag_write_bad[_i];
    sdpx_fragment_section sec;
    memset(&sec, 0, sizeof sec);
    sec.mid = view_of(c->mid);
    char buf[256];
    memset(buf, 'z', sizeof buf);
    ck_assert_int_eq(sdpx_fragment_write(view_of(c->ufrag), view_of(c->pwd), &sec, 1, buf, sizeof buf),
                     SDPX_EINVAL);
    ck_assert_str_eq(buf, ""); /* nothing refused is left in the buffer */
    /* the same section with good fields is written */
    ck_assert_int_gt(sdpx_fragment_write(view_of("8hhY"), view_of("asd88fgpdd777uzjYhagZg"), &sec, 0, buf,
                                         sizeof buf),
                     0);
}
END_TEST

/* ---- apply ---------------------------------------------------------------- */

static const char offer[] = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                            "a=group:BUNDLE a v\r\n"
                            "a=ice-ufrag:8hhY\r\na=ice-pwd:asd88fgpdd777uzjYhagZg\r\n"
                            "m=audio 9 UDP/TLS/RTP/SAVPF 0\r\n"
                            "a=mid:a\r\n"
                            "a=candidate:1 1 UDP 2130706431 10.0.1.1 8998 typ host\r\n"
                            "a=rtcp-mux\r\n"
                            "m=video 9 UDP/TLS/RTP/SAVPF 96\r\n"
                            "a=mid:v\r\n"
                            "a=rtpmap:96 VP8/90000\r\n";

static size_t count_kind(const sdpx_media *m, sdpx_attr_kind k)
{
    size_t n = 0;
    for (const sdpx_line *l = NULL; (l = sdpx_media_find_attr(m, k, l)) != NULL;)
        n++;
    return n;
}

START_TEST(test_apply)
{
    sdpx_session *s = parse_ok(offer, 0);
    sdpx_session *f = frag_ok("a=ice-ufrag:8hhY\r\na=ice-pwd:asd88fgpdd777uzjYhagZg\r\n"
                              "m=audio 9 RTP/AVP 0\r\na=mid:v\r\n"
                              "a=candidate:2 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 10.0.1.1 rport 8998\r\n"
                              "a=end-of-candidates\r\n"
                              "m=audio 9 RTP/AVP 0\r\na=mid:a\r\n"
                              "a=candidate:1 1 UDP 2130706431 10.0.1.1 8998 typ host\r\n"
                              "a=candidate:3 1 tcp 1 10.0.1.1 9 typ host tcptype active\r\n",
                              0);
    sdpx_apply_result r;
    ck_assert_int_eq(sdpx_session_apply_fragment(s, f, &r), 0);
    ck_assert_int_eq(r.ice_restart, 0);
    ck_assert_uint_eq(r.added, 2);
    ck_assert_uint_eq(r.duplicates, 1);
    ck_assert_uint_eq(r.ended, 1);
    sdpx_session_free(f); /* the session owns copies of the new lines */
    static const char want[] = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                               "a=group:BUNDLE a v\r\n"
                               "a=ice-ufrag:8hhY\r\na=ice-pwd:asd88fgpdd777uzjYhagZg\r\n"
                               "m=audio 9 UDP/TLS/RTP/SAVPF 0\r\n"
                               "a=mid:a\r\n"
                               "a=candidate:1 1 UDP 2130706431 10.0.1.1 8998 typ host\r\n"
                               "a=candidate:3 1 tcp 1 10.0.1.1 9 typ host tcptype active\r\n"
                               "a=rtcp-mux\r\n"
                               "m=video 9 UDP/TLS/RTP/SAVPF 96\r\n"
                               "a=mid:v\r\n"
                               "a=rtpmap:96 VP8/90000\r\n"
                               "a=candidate:2 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 10.0.1.1 rport 8998\r\n"
                               "a=end-of-candidates\r\n";
    char buf[2048];
    sdpx_write(s, 0, buf, sizeof buf);
    ck_assert_str_eq(buf, want);
    const sdpx_line *l = sdpx_media_find_attr(sdpx_session_media(s, 1), SDPX_ATTR_CANDIDATE, NULL);
    ck_assert_uint_eq(sdpx_line_number(l), 0); /* added by an edit */
    ck_assert_int_eq(sdpx_attr_validate(l, NULL), 0);

    /* applying the same fragment again adds nothing */
    f = frag_ok("m=audio 9 RTP/AVP 0\r\na=mid:v\r\n"
                "a=candidate:2 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 10.0.1.1 rport 8998\r\n"
                "a=end-of-candidates\r\n",
                0);
    ck_assert_int_eq(sdpx_session_apply_fragment(s, f, &r), 0);
    ck_assert_uint_eq(r.added, 0);
    ck_assert_uint_eq(r.duplicates, 1);
    ck_assert_uint_eq(r.ended, 0);
    sdpx_session_free(f);
    sdpx_session_free(s);
}
END_TEST

START_TEST(test_apply_new_candidate_before_end)
{
    /* no candidates yet, but an end-of-candidates: the new one goes before it */
    sdpx_session *s = parse_ok("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                               "m=audio 9 RTP/AVP 0\r\na=mid:0\r\na=end-of-candidates\r\na=rtcp-mux\r\n",
                               0);
    sdpx_session *f = frag_ok("m=audio 9 RTP/AVP 0\r\na=mid:0\r\n"
                              "a=candidate:1 1 udp 5 192.0.2.9 7 typ host\r\n",
                              0);
    sdpx_apply_result r;
    ck_assert_int_eq(sdpx_session_apply_fragment(s, f, &r), 0);
    ck_assert_uint_eq(r.added, 1);
    sdpx_media *m = sdpx_session_media_mut(s, 0);
    ck_assert_uint_eq(sdpx_media_line_count(m), 5);
    ck_assert_str_view(sdpx_line_text(sdpx_media_line(m, 2)), "a=candidate:1 1 udp 5 192.0.2.9 7 typ host");
    ck_assert_str_view(sdpx_line_text(sdpx_media_line(m, 3)), "a=end-of-candidates");
    sdpx_session_free(f);
    sdpx_session_free(s);
}
END_TEST

START_TEST(test_apply_same_credentials)
{
    /* the credentials in force, alone: nothing to do, no restart */
    sdpx_session *s = parse_ok(offer, 0);
    sdpx_session *f = frag_ok("a=ice-ufrag:8hhY\r\na=ice-pwd:asd88fgpdd777uzjYhagZg\r\n", 0);
    sdpx_apply_result r;
    ck_assert_int_eq(sdpx_session_apply_fragment(s, f, &r), 0);
    ck_assert_int_eq(r.ice_restart, 0);
    ck_assert_uint_eq(r.added + r.duplicates + r.ended, 0);
    sdpx_session_free(f);
    sdpx_session_free(s);
}
END_TEST

START_TEST(test_apply_session_end_and_index)
{
    /* a session-level end-of-candidates ends every section; a section without
     * mid is matched by position */
    sdpx_session *s = parse_ok("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                               "m=audio 9 RTP/AVP 0\r\nm=video 9 RTP/AVP 96\r\n",
                               0);
    sdpx_session *f = frag_ok("a=end-of-candidates\r\nm=audio 9 RTP/AVP 0\r\n"
                              "m=video 9 RTP/AVP 96\r\na=candidate:1 1 udp 5 192.0.2.9 7 typ host\r\n",
                              0);
    sdpx_apply_result r;
    ck_assert_int_eq(sdpx_session_apply_fragment(s, f, &r), 0);
    ck_assert_uint_eq(r.added, 1);
    ck_assert_uint_eq(r.ended, 2);
    ck_assert_uint_eq(count_kind(sdpx_session_media(s, 0), SDPX_ATTR_CANDIDATE), 0);
    ck_assert_uint_eq(count_kind(sdpx_session_media(s, 1), SDPX_ATTR_CANDIDATE), 1);
    ck_assert_uint_eq(count_kind(sdpx_session_media(s, 0), SDPX_ATTR_END_OF_CANDIDATES), 1);
    ck_assert_uint_eq(count_kind(sdpx_session_media(s, 1), SDPX_ATTR_END_OF_CANDIDATES), 1);
    sdpx_session_free(f);
    sdpx_session_free(s);
}
END_TEST

typedef struct {
    const char *frag;
    int rc;
    int restart;
} refuse_case;

/* Nothing changes in any of these. */
static const refuse_case refuse_cases[] = {
    /* new ufrag: an ICE restart */
    {"a=ice-ufrag:9iiZ\r\na=ice-pwd:asd88fgpdd777uzjYhagZg\r\nm=audio 9 RTP/AVP 0\r\na=mid:v\r\n"
     "a=candidate:9 1 udp 5 192.0.2.9 7 typ host\r\n",
     0, 1},
    /* new password at media level */
    {"m=audio 9 RTP/AVP 0\r\na=mid:a\r\na=ice-pwd:zzzzzzzzzzzzzzzzzzzzzz\r\n"
     "a=candidate:9 1 udp 5 192.0.2.9 7 typ host\r\n",
     0, 1},
    /* unknown mid */
    {"m=audio 9 RTP/AVP 0\r\na=mid:nope\r\na=candidate:9 1 udp 5 192.0.2.9 7 typ host\r\n",
     SDPX_ENOTFOUND, 0},
    /* a good section, then a malformed candidate */
    {"m=audio 9 RTP/AVP 0\r\na=mid:a\r\na=candidate:9 1 udp 5 192.0.2.9 7 typ host\r\n"
     "m=audio 9 RTP/AVP 0\r\na=mid:v\r\na=candidate:9 1 udp 5 192.0.2.9 7\r\n",
     SDPX_EVALUE, 0},
    /* credentials alone, no media section: compared with every section's */
    {"a=ice-ufrag:9iiZ\r\na=ice-pwd:asd88fgpdd777uzjYhagZg\r\n", 0, 1},
    /* one media section named twice */
    {"m=audio 9 RTP/AVP 0\r\na=mid:a\r\nm=audio 9 RTP/AVP 0\r\na=mid:a\r\n", SDPX_EINVAL, 0},
};

START_TEST(test_apply_refused)
{
    const refuse_case *c = &refuse_cases[_i];
    sdpx_session *s = parse_ok(offer, 0);
    sdpx_session *f = frag_ok(c->frag, 0);
    sdpx_apply_result r;
    ck_assert_int_eq(sdpx_session_apply_fragment(s, f, &r), c->rc);
    ck_assert_int_eq(r.ice_restart, c->restart);
    ck_assert_uint_eq(r.added, 0);
    char buf[2048];
    sdpx_write(s, 0, buf, sizeof buf);
    ck_assert_str_eq(buf, offer);
    sdpx_session_free(f);
    sdpx_session_free(s);
}
END_TEST

/* ---- apply at scale ------------------------------------------------------- */

/* Append text to a growing buffer (the tests below build large fragments). */
static void grow_cat(char **buf, size_t *len, size_t *cap, const char *text)
{
    size_t n = strlen(text);
    if (*len + n + 1 > *cap) {
        *cap = (*len + n + 1) * 2;
        *buf = realloc(*buf, *cap);
        ck_assert_ptr_nonnull(*buf);
    }
    memcpy(*buf + *len, text, n + 1);
    *len += n;
}

START_TEST(test_apply_many_candidates)
{
    /* 20000 candidates for one section: 15000 distinct ones, each of the
     * last 5000 repeats one of the first (transport in other case, other
     * priority: RFC 8445 5.1.3 identity ignores both), and the first equals
     * the one the session has. */
    sdpx_session *s = parse_ok("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                               "m=audio 9 RTP/AVP 0\r\na=mid:0\r\n"
                               "a=candidate:0 1 udp 9 10.0.0.0 1000 typ host\r\n"
                               "a=rtcp-mux\r\n",
                               0);
    char *buf = NULL, line[128];
    size_t len = 0, cap = 0;
    grow_cat(&buf, &len, &cap, "m=audio 9 RTP/AVP 0\r\na=mid:0\r\n");
    for (unsigned i = 0; i < 20000; i++) {
        unsigned k = i % 15000;
        snprintf(line, sizeof line, "a=candidate:%u 1 %s %u 10.0.%u.%u %u typ host\r\n", k,
                 i < 15000 ? "UDP" : "udp", i + 100, k / 256, k % 256, 1000 + k);
        grow_cat(&buf, &len, &cap, line);
    }
    grow_cat(&buf, &len, &cap, "a=end-of-candidates\r\n");
    sdpx_session *f = frag_ok(buf, 0);
    free(buf);
    sdpx_apply_result r;
    ck_assert_int_eq(sdpx_session_apply_fragment(s, f, &r), 0);
    ck_assert_int_eq(r.ice_restart, 0);
    ck_assert_uint_eq(r.added, 14999);
    ck_assert_uint_eq(r.duplicates, 5001);
    ck_assert_uint_eq(r.ended, 1);
    sdpx_session_free(f);
    sdpx_media *m = sdpx_session_media_mut(s, 0);
    ck_assert_uint_eq(count_kind(m, SDPX_ATTR_CANDIDATE), 15000);
    /* m=, mid, 15000 candidates, end-of-candidates, rtcp-mux */
    ck_assert_uint_eq(sdpx_media_line_count(m), 15004);
    ck_assert_str_view(sdpx_line_text(sdpx_media_line(m, 2)),
                       "a=candidate:0 1 udp 9 10.0.0.0 1000 typ host");
    ck_assert_str_view(sdpx_line_text(sdpx_media_line(m, 3)),
                       "a=candidate:1 1 UDP 101 10.0.0.1 1001 typ host");
    ck_assert_str_view(sdpx_line_text(sdpx_media_line(m, 15001)),
                       "a=candidate:14999 1 UDP 15099 10.0.58.151 15999 typ host");
    ck_assert_str_view(sdpx_line_text(sdpx_media_line(m, 15002)), "a=end-of-candidates");
    ck_assert_str_view(sdpx_line_text(sdpx_media_line(m, 15003)), "a=rtcp-mux");
    sdpx_session_free(s);
}
END_TEST

START_TEST(test_apply_many_sections)
{
    /* 2000 sections; the fragment names them by mid in reverse order, and
     * sends the candidate of every even one twice. */
    char *buf = NULL, line[160];
    size_t len = 0, cap = 0;
    grow_cat(&buf, &len, &cap, "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n");
    for (unsigned i = 0; i < 2000; i++) {
        snprintf(line, sizeof line, "m=audio 9 RTP/AVP 0\r\na=mid:s%u\r\n", i);
        grow_cat(&buf, &len, &cap, line);
    }
    sdpx_session *s = parse_ok(buf, 0);
    len = 0;
    buf[0] = '\0';
    for (unsigned i = 2000; i-- > 0;) {
        snprintf(line, sizeof line,
                 "m=audio 9 RTP/AVP 0\r\na=mid:s%u\r\na=candidate:1 1 udp 5 192.0.2.1 %u typ host\r\n",
                 i, 10000 + i);
        grow_cat(&buf, &len, &cap, line);
        if (i % 2 == 0) {
            snprintf(line, sizeof line, "a=candidate:1 1 udp 5 192.0.2.1 %u typ host\r\n", 10000 + i);
            grow_cat(&buf, &len, &cap, line);
        }
    }
    sdpx_session *f = frag_ok(buf, 0);
    free(buf);
    sdpx_apply_result r;
    ck_assert_int_eq(sdpx_session_apply_fragment(s, f, &r), 0);
    ck_assert_uint_eq(r.added, 2000);
    ck_assert_uint_eq(r.duplicates, 1000);
    ck_assert_uint_eq(r.ended, 0);
    sdpx_session_free(f);
    ck_assert_uint_eq(sdpx_session_media_count(s), 2000);
    sdpx_media *m = sdpx_session_media_mut(s, 0);
    ck_assert_uint_eq(sdpx_media_line_count(m), 3);
    ck_assert_str_view(sdpx_line_text(sdpx_media_line(m, 2)), "a=candidate:1 1 udp 5 192.0.2.1 10000 typ host");
    m = sdpx_session_media_mut(s, 1999);
    ck_assert_uint_eq(sdpx_media_line_count(m), 3);
    ck_assert_str_view(sdpx_line_text(sdpx_media_line(m, 2)), "a=candidate:1 1 udp 5 192.0.2.1 11999 typ host");
    m = sdpx_session_media_mut(s, 1234);
    ck_assert_str_view(sdpx_line_text(sdpx_media_line(m, 1)), "a=mid:s1234");
    ck_assert_str_view(sdpx_line_text(sdpx_media_line(m, 2)), "a=candidate:1 1 udp 5 192.0.2.1 11234 typ host");
    sdpx_session_free(s);
}
END_TEST

START_TEST(test_apply_mid_twice_and_no_heap)
{
    /* two sections with one mid: the first is the fragment's target */
    sdpx_session *s = parse_ok("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                               "m=audio 9 RTP/AVP 0\r\na=mid:x\r\nm=audio 9 RTP/AVP 0\r\na=mid:x\r\n",
                               0);
    sdpx_session *f = frag_ok("m=audio 9 RTP/AVP 0\r\na=mid:x\r\n"
                              "a=candidate:1 1 udp 5 192.0.2.9 7 typ host\r\n",
                              0);
    sdpx_apply_result r;
    ck_assert_int_eq(sdpx_session_apply_fragment(s, f, &r), 0);
    ck_assert_uint_eq(r.added, 1);
    ck_assert_uint_eq(count_kind(sdpx_session_media(s, 0), SDPX_ATTR_CANDIDATE), 1);
    ck_assert_uint_eq(count_kind(sdpx_session_media(s, 1), SDPX_ATTR_CANDIDATE), 0);
    sdpx_session_free(s);
    /* a session that may not use the heap applies from its scratch memory */
    static char scratch[1 << 16];
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = SDPX_PARSE_NO_HEAP;
    opt.scratch = scratch;
    opt.scratch_size = sizeof scratch;
    sdpx_error e;
    ck_assert_int_eq(sdpx_parse(offer, strlen(offer), &opt, &s, &e), 0);
    sdpx_session_free(f);
    f = frag_ok("m=audio 9 RTP/AVP 0\r\na=mid:a\r\n"
                "a=candidate:1 1 UDP 2130706431 10.0.1.1 8998 typ host\r\n"
                "a=candidate:3 1 tcp 1 10.0.1.1 9 typ host tcptype active\r\n",
                0);
    ck_assert_int_eq(sdpx_session_apply_fragment(s, f, &r), 0);
    ck_assert_uint_eq(r.added, 1);
    ck_assert_uint_eq(r.duplicates, 1);
    ck_assert_uint_eq(count_kind(sdpx_session_media(s, 0), SDPX_ATTR_CANDIDATE), 2);
    sdpx_session_free(f);
    sdpx_session_free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("trickle");
    TCase *tc = tcase_create("fragments");
    tcase_add_test(tc, test_parse_rfc);
    tcase_add_loop_test(tc, test_parse_cases, 0, sizeof frag_cases / sizeof frag_cases[0]);
    tcase_add_test(tc, test_write);
    tcase_add_loop_test(tc, test_write_refuses, 0, sizeof frag_write_bad / sizeof frag_write_bad[0]);
    tcase_add_test(tc, test_apply);
    tcase_add_test(tc, test_apply_new_candidate_before_end);
    tcase_add_test(tc, test_apply_same_credentials);
    tcase_add_test(tc, test_apply_session_end_and_index);
    tcase_add_loop_test(tc, test_apply_refused, 0, sizeof refuse_cases / sizeof refuse_cases[0]);
    tcase_add_test(tc, test_apply_many_candidates);
    tcase_add_test(tc, test_apply_many_sections);
    tcase_add_test(tc, test_apply_mid_twice_and_no_heap);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
