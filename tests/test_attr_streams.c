/* Stream and simulcast attributes: ssrc, ssrc-group, msid, msid-semantic,
 * cname, rid, simulcast. */
#include "testutil.h"


/* The strict check on "a=<name>:<value>" in a video section. */
static int strict_check(const char *name, const char *value, unsigned *col)
{
    return attr_check_in("video 9 RTP/AVP 96", name, value, col);
}

typedef struct {
    const char *name;  /* attribute */
    const char *value;
    unsigned col;      /* column of the bad token in "a=<name>:<value>" */
} bad_case;

/* ---- ssrc ---- */

typedef struct {
    const char *value;
    uint32_t id;
    const char *attr, *val;
    int has_value;
} ssrc_case;

static const ssrc_case ssrc_good[] = {
    {"1001 cname:x9Fk3nD2pQ7sLm4w", 1001, "cname", "x9Fk3nD2pQ7sLm4w", 1},
    {"1001 msid:stream1 audio1", 1001, "msid", "stream1 audio1", 1},
    {"4294967295 cname:user@example.com", 4294967295u, "cname", "user@example.com", 1},
    {"0 label:x", 0, "label", "x", 1},
    {"7 flag:", 7, "flag", "", 1},           /* a ':' with nothing after it */
    {"12345 previous-ssrc:9 8", 12345, "previous-ssrc", "9 8", 1}, /* RFC 5576 6.2 */
    {"7 flag", 7, "flag", "", 0},
    {"7 fmtp:96 a=b", 7, "fmtp", "96 a=b", 1},
};

/* c->value decodes to the fields of c. */
static void expect_ssrc(const ssrc_case *c, sdpx_ssrc *s)
{
    ck_assert_int_eq(sdpx_ssrc_parse(view_of(c->value), s), 0);
    ck_assert_uint_eq(s->id, c->id);
    ck_assert_str_view(s->attribute, c->attr);
    ck_assert_str_view(s->value, c->val);
    ck_assert_int_eq(s->has_value, c->has_value);
}

START_TEST(ssrc_decodes)
{
    const ssrc_case *c = &ssrc_good[_i];
    sdpx_ssrc s;
    expect_ssrc(c, &s);
    char buf[128];
    ck_assert_int_eq(sdpx_ssrc_write(&s, buf, sizeof buf), (int)strlen(c->value));
    ck_assert_str_eq(buf, c->value);
}
END_TEST

/* Values the one-walk read of the common shape takes, and values next to
 * it that the full decoder reads: the same fields either way. */
static const ssrc_case ssrc_edges[] = {
    {"1 a", 1, "a", "", 0},                               /* the shortest */
    {"1 a:", 1, "a", "", 1},
    {"1 cname:x ", 1, "cname", "x", 1},                  /* trailing blanks are trimmed */
    {"1 cname:x\t", 1, "cname", "x", 1},
    {"1 cname ", 1, "cname", "", 0},
    {"1  cname:x", 1, "cname", "x", 1},                  /* two spaces */
    {"1234567890 cname:x", 1234567890u, "cname", "x", 1}, /* ten digits: eight, then two */
    {"04294967295 cname:x", 4294967295u, "cname", "x", 1}, /* eleven */
    {"12345678 cname:x", 12345678u, "cname", "x", 1},
    {"1 msid:a b", 1, "msid", "a b", 1},
    {"1 cname:a:b", 1, "cname", "a:b", 1},               /* the first ':' ends the name */
};

START_TEST(ssrc_edge_shapes)
{
    const ssrc_case *c = &ssrc_edges[_i];
    sdpx_ssrc s;
    expect_ssrc(c, &s);
    unsigned col = 0;
    ck_assert_int_eq(strict_check("ssrc", c->value, &col), 0);
}
END_TEST

/* ---- ssrc-group ---- */

typedef struct {
    const char *value;
    const char *semantics;
    uint32_t members[4];
    size_t n;
} group_case;

static const group_case group_good[] = {
    {"FID 1001 1002", "FID", {1001, 1002}, 2},                 /* RFC 5576 4.2 */
    {"SIM 1 2 3", "SIM", {1, 2, 3}, 3},
    {"FEC-FR 3004364195 1080772241", "FEC-FR", {3004364195u, 1080772241u}, 2},
    {"FEC 4294967295", "FEC", {4294967295u}, 1},
    {"X", "X", {0}, 0},
};

START_TEST(ssrc_group_decodes)
{
    const group_case *c = &group_good[_i];
    sdpx_ssrc_group g;
    ck_assert_int_eq(sdpx_ssrc_group_parse(view_of(c->value), &g), 0);
    ck_assert_str_view(g.semantics, c->semantics);
    sdpx_str rest = g.ssrcs;
    uint32_t id;
    size_t n = 0;
    int rc;
    while ((rc = sdpx_ssrc_next(&rest, &id)) == 1) {
        ck_assert_uint_lt(n, c->n);
        ck_assert_uint_eq(id, c->members[n]);
        n++;
    }
    ck_assert_int_eq(rc, 0);
    ck_assert_uint_eq(n, c->n);
    char buf[128];
    ck_assert_int_eq(sdpx_ssrc_group_write(&g, buf, sizeof buf), (int)strlen(c->value));
    ck_assert_str_eq(buf, c->value);
}
END_TEST

START_TEST(ssrc_next_rejects_non_numbers)
{
    sdpx_str rest = STR_VIEW("1 x 3");
    uint32_t id;
    ck_assert_int_eq(sdpx_ssrc_next(&rest, &id), 1);
    ck_assert_uint_eq(id, 1);
    ck_assert_int_eq(sdpx_ssrc_next(&rest, &id), SDPX_EVALUE);
}
END_TEST

/* ---- msid / msid-semantic ---- */

START_TEST(msid_decodes)
{
    sdpx_msid m;
    char buf[160];
    /* RFC 8830 2 example */
    ck_assert_int_eq(sdpx_msid_parse(STR_VIEW("61317484-2ed4-49d7-9eb7-1414322a7aae f30bdb4a-5db8-49b5-bcdc-e0c9a23172e0"), &m), 0);
    ck_assert_str_view(m.stream_id, "61317484-2ed4-49d7-9eb7-1414322a7aae");
    ck_assert_int_eq(m.has_track_id, 1);
    ck_assert_str_view(m.track_id, "f30bdb4a-5db8-49b5-bcdc-e0c9a23172e0");
    ck_assert_int_eq(sdpx_msid_write(&m, buf, sizeof buf), 73);
    ck_assert_str_eq(buf, "61317484-2ed4-49d7-9eb7-1414322a7aae f30bdb4a-5db8-49b5-bcdc-e0c9a23172e0");
    ck_assert_int_eq(sdpx_msid_parse(STR_VIEW("- track"), &m), 0);
    ck_assert_str_view(m.stream_id, "-");
    ck_assert_int_eq(sdpx_msid_parse(STR_VIEW("{fb6d1fa3} "), &m), 0);
    ck_assert_str_view(m.stream_id, "{fb6d1fa3}");
    ck_assert_int_eq(m.has_track_id, 0);
    ck_assert_int_eq(sdpx_msid_write(&m, buf, sizeof buf), 10);
    ck_assert_str_eq(buf, "{fb6d1fa3}");
}
END_TEST

START_TEST(msid_semantic_decodes)
{
    sdpx_msid_semantic m;
    char buf[64];
    ck_assert_int_eq(sdpx_msid_semantic_parse(STR_VIEW(" WMS stream1 stream2"), &m), 0);
    ck_assert_str_view(m.semantic, "WMS");
    ck_assert_str_view(m.ids, "stream1 stream2");
    ck_assert_int_eq(m.wildcard, 0);
    ck_assert_int_eq(sdpx_msid_semantic_write(&m, buf, sizeof buf), 19);
    ck_assert_str_eq(buf, "WMS stream1 stream2");
    ck_assert_int_eq(sdpx_msid_semantic_parse(STR_VIEW("WMS *"), &m), 0);
    ck_assert_int_eq(m.wildcard, 1);
    ck_assert_int_eq(sdpx_msid_semantic_write(&m, buf, sizeof buf), 5);
    ck_assert_str_eq(buf, "WMS *");
    ck_assert_int_eq(sdpx_msid_semantic_parse(STR_VIEW(" WMS"), &m), 0);
    ck_assert_uint_eq(m.ids.len, 0);
    ck_assert_int_eq(sdpx_msid_semantic_write(&m, buf, sizeof buf), 3);
    ck_assert_str_eq(buf, "WMS");
}
END_TEST

START_TEST(cname_of_media)
{
    sdpx_session *s = parse_ok("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                               "m=audio 9 RTP/AVP 0\r\na=ssrc:1 msid:a b\r\na=ssrc:1 cname:abc\r\n"
                               "a=ssrc:2 cname:def\r\nm=audio 9 RTP/AVP 0\r\n",
                               SDPX_PARSE_STRICT);
    sdpx_str c;
    ck_assert_int_eq(sdpx_media_cname(sdpx_session_media(s, 0), &c), 0);
    ck_assert_str_view(c, "abc");
    ck_assert_int_eq(sdpx_media_cname(sdpx_session_media(s, 1), &c), SDPX_ENOTFOUND);
    sdpx_session_free(s);
}
END_TEST

/* ---- rid ---- */

typedef struct {
    const char *value;
    const char *id;
    int send;
    const char *pts; /* NULL: no pt= */
    unsigned pt[3];
    const char *restrictions;
} rid_case;

static const rid_case rid_good[] = {
    {"h send", "h", 1, NULL, {0}, ""},
    {"c recv pt=97", "c", 0, "97", {97}, ""},
    {"1 send pt=97,98;max-width=1280;max-height=720", "1", 1, "97,98", {97, 98},
     "max-width=1280;max-height=720"}, /* RFC 8851 11 */
    {"q send max-fps=15", "q", 1, NULL, {0}, "max-fps=15"},
    {"l0 send ssrc=3509170687", "l0", 1, NULL, {0}, "ssrc=3509170687"},
    {"a_b-c recv depend=x", "a_b-c", 0, NULL, {0}, "depend=x"},
};

START_TEST(rid_decodes)
{
    const rid_case *c = &rid_good[_i];
    sdpx_rid r;
    ck_assert_int_eq(sdpx_rid_parse(view_of(c->value), &r), 0);
    ck_assert_str_view(r.id, c->id);
    ck_assert_int_eq(r.send, c->send);
    ck_assert_int_eq(r.has_pts, c->pts != NULL);
    if (c->pts) {
        ck_assert_str_view(r.pts, c->pts);
        sdpx_str rest = r.pts;
        unsigned pt;
        size_t n = 0;
        while (sdpx_pt_next(&rest, &pt) == 1)
            ck_assert_uint_eq(pt, c->pt[n++]);
        ck_assert_uint_gt(n, 0);
    }
    ck_assert_str_view(r.restrictions, c->restrictions);
    char buf[128];
    ck_assert_int_eq(sdpx_rid_write(&r, buf, sizeof buf), (int)strlen(c->value));
    ck_assert_str_eq(buf, c->value);
}
END_TEST

START_TEST(rid_restrictions_iterate)
{
    sdpx_rid r;
    ck_assert_int_eq(sdpx_rid_parse(STR_VIEW("1 send pt=97;max-width=1280;max-fps=30"), &r), 0);
    sdpx_str rest = r.restrictions;
    sdpx_param p;
    ck_assert_int_eq(sdpx_param_next(&rest, &p), 1);
    ck_assert_str_view(p.key, "max-width");
    ck_assert_str_view(p.value, "1280");
    ck_assert_int_eq(sdpx_param_next(&rest, &p), 1);
    ck_assert_str_view(p.key, "max-fps");
    ck_assert_str_view(p.value, "30");
    ck_assert_int_eq(sdpx_param_next(&rest, &p), 0);
}
END_TEST

/* ---- simulcast ---- */

typedef struct {
    const char *value;
    const char *send; /* "h;~l" rendered back from the iterators; NULL: absent */
    const char *recv;
    int recv_first;
    const char *canonical; /* encoder output; NULL: same as value */
} sim_case;

static const sim_case sim_good[] = {
    {"send h;~l", "h;~l", NULL, 0, NULL},
    {"send 1,~4;2;3 recv c", "1,~4;2;3", "c", 0, NULL}, /* RFC 8853 5.1 example */
    {"recv f;h;q", NULL, "f;h;q", 1, NULL},
    {"recv c send a;b", "a;b", "c", 1, NULL},
    {"send f,~h;i;q", "f,~h;i;q", NULL, 0, NULL},
    /* draft-ietf-mmusic-sdp-simulcast form, still in the wild */
    {" send rid=foo;bar", "foo;bar", NULL, 0, "send foo;bar"},
    {" send rid=1,4;2;3 paused=4 recv rid=c", "1,~4;2;3", "c", 0, "send 1,~4;2;3 recv c"},
};

/* Render a stream list back through the iterators, marking paused rids with "~". */
static void render(sdpx_str list, sdpx_str paused_list, char *out, size_t cap)
{
    sdpx_str streams = list, alts, rid;
    int paused;
    size_t n = 0;
    out[0] = '\0';
    int first_stream = 1;
    while (sdpx_simulcast_stream_next(&streams, &alts)) {
        n += (size_t)snprintf(out + n, cap - n, "%s", first_stream ? "" : ";");
        first_stream = 0;
        int first_alt = 1;
        while (sdpx_simulcast_alt_next(&alts, paused_list, &rid, &paused)) {
            n += (size_t)snprintf(out + n, cap - n, "%s%s%.*s", first_alt ? "" : ",",
                                  paused ? "~" : "", (int)rid.len, rid.ptr);
            first_alt = 0;
        }
    }
}

START_TEST(simulcast_decodes)
{
    const sim_case *c = &sim_good[_i];
    sdpx_simulcast s;
    ck_assert_int_eq(sdpx_simulcast_parse(view_of(c->value), &s), 0);
    ck_assert_int_eq(s.has_send, c->send != NULL);
    ck_assert_int_eq(s.has_recv, c->recv != NULL);
    ck_assert_int_eq(s.recv_first, c->recv_first);
    char got[128];
    if (c->send) {
        render(s.send, s.send_paused, got, sizeof got);
        ck_assert_str_eq(got, c->send);
    }
    if (c->recv) {
        render(s.recv, s.recv_paused, got, sizeof got);
        ck_assert_str_eq(got, c->recv);
    }
    char buf[128];
    const char *want = c->canonical ? c->canonical : c->value;
    ck_assert_int_eq(sdpx_simulcast_write(&s, buf, sizeof buf), (int)strlen(want));
    ck_assert_str_eq(buf, want);
}
END_TEST

/* ---- strict checks point at the bad token ---- */

static const bad_case bad[] = {
    {"ssrc", "x cname:a", 8},
    {"ssrc", "4294967296 cname:a", 8},       /* over 32 bits */
    {"ssrc", "1", 9},                        /* no attribute */
    {"ssrc", "1 (x):y", 10},
    {"ssrc", "1 c(name:y", 10},              /* a non-token byte before the ':' */
    {"ssrc", "1 :y", 10},                    /* empty attribute name */
    {"ssrc", "12x cname:a", 8},              /* digits then a non-digit */
    {"ssrc", "12345678x cname:a", 8},        /* a non-digit after eight */
    {"ssrc", "1 cn\"ame:x", 10},             /* the token run stops inside the name */
    {"ssrc", "1\tcname:x", 8},                /* a tab does not end the id */
    {"ssrc", "000000000000000000004294967296 cname:a", 8}, /* 30 digits, over 32 bits */
    {"ssrc-group", "FID 1 x", 20},
    {"ssrc-group", "FID 1 99999999999", 20},
    {"ssrc-group", "", 14},
    {"msid", "", 8},
    {"msid", "a b c", 12},                   /* three ids */
    {"msid", " track", 8},                   /* empty stream id */
    {"msid", "a:b", 8},                      /* ':' is not a token char */
    {"msid", "0123456789012345678901234567890123456789012345678901234567890123456789", 8},
    {"rid", "", 7},
    {"rid", "h sideways", 9},
    {"rid", "h.1 send", 7},
    {"rid", "h send pt=128", 17},
    {"rid", "h send pt=", 14},
    {"rid", "h send pt=96,", 17},
    {"rid", "h send max width=1", 14},
    {"simulcast", "", 13},
    {"simulcast", "sideways h", 13},
    {"simulcast", "send", 17},
    {"simulcast", "send h;;l", 20},
    {"simulcast", "send h,", 20},
    {"simulcast", "send h recv l send m", 27},
    {"simulcast", "send h.1", 18},
};

START_TEST(strict_rejects)
{
    const bad_case *c = &bad[_i];
    unsigned col;
    ck_assert_msg(strict_check(c->name, c->value, &col) == SDPX_EVALUE, "a=%s:%s accepted",
                  c->name, c->value);
    ck_assert_msg(col == c->col, "a=%s:%s: column %u, want %u", c->name, c->value, col, c->col);
}
END_TEST

static const bad_case good_lines[] = {
    {"ssrc", "1001 cname:x", 0},
    {"ssrc-group", "FID 1 2", 0},
    {"msid", "- t", 0},
    {"rid", "h send", 0},
    {"simulcast", "send h;~l recv c", 0},
};

START_TEST(strict_accepts)
{
    unsigned col;
    ck_assert_int_eq(strict_check(good_lines[_i].name, good_lines[_i].value, &col), 0);
}
END_TEST

START_TEST(encoders_refuse_line_breaks)
{
    char buf[64];
    sdpx_ssrc s = {1, STR_VIEW("cname"), STR_VIEW("a\r\nb"), 1};
    ck_assert_int_eq(sdpx_ssrc_write(&s, buf, sizeof buf), SDPX_EINVAL);
    sdpx_msid m = {STR_VIEW("a\nb"), STR_VIEW(""), 0};
    ck_assert_int_eq(sdpx_msid_write(&m, buf, sizeof buf), SDPX_EINVAL);
    sdpx_rid r = {STR_VIEW("h"), 1, STR_VIEW(""), 0, STR_VIEW("x=1\r\n")};
    ck_assert_int_eq(sdpx_rid_write(&r, buf, sizeof buf), SDPX_EINVAL);
    sdpx_simulcast sc;
    memset(&sc, 0, sizeof sc);
    sc.has_send = 1;
    sc.send = STR_VIEW("h\n");
    ck_assert_int_eq(sdpx_simulcast_write(&sc, buf, sizeof buf), SDPX_EINVAL);
}
END_TEST

#define N(a) (int)(sizeof(a) / sizeof((a)[0]))

int main(void)
{
    Suite *s = suite_create("attr_streams");
    TCase *tc = tcase_create("streams");
    tcase_add_loop_test(tc, ssrc_decodes, 0, N(ssrc_good));
    tcase_add_loop_test(tc, ssrc_edge_shapes, 0, N(ssrc_edges));
    tcase_add_loop_test(tc, ssrc_group_decodes, 0, N(group_good));
    tcase_add_test(tc, ssrc_next_rejects_non_numbers);
    tcase_add_test(tc, msid_decodes);
    tcase_add_test(tc, msid_semantic_decodes);
    tcase_add_test(tc, cname_of_media);
    tcase_add_loop_test(tc, rid_decodes, 0, N(rid_good));
    tcase_add_test(tc, rid_restrictions_iterate);
    tcase_add_loop_test(tc, simulcast_decodes, 0, N(sim_good));
    tcase_add_loop_test(tc, strict_rejects, 0, N(bad));
    tcase_add_loop_test(tc, strict_accepts, 0, N(good_lines));
    tcase_add_test(tc, encoders_refuse_line_breaks);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
