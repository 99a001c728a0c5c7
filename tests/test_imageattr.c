/* a=imageattr (RFC 6236 3.1.1): one accept and one reject case at least
 * for every rule of the grammar, the sets and their bounds, the encoder,
 * the accessor, and strict mode's column. */
#include "testutil.h"

typedef struct {
    const char *value;
    int rc;
    size_t off; /* strict validator: offset of the offending token in the value */
} ia_case;

static const ia_case cases[] = {
    /* PT = 1*DIGIT / "*"; 1*2 directions, each once */
    {"97 send [x=800,y=640]", 0, 0},
    {"* recv *", 0, 0},
    {"97 send * recv *", 0, 0},
    {"97 recv [x=320,y=240] send [x=640,y=480]", 0, 0},
    {"97\tsend\t[x=800,y=640]", 0, 0},
    {"flob", SDPX_EVALUE, 0},
    {"128 send *", SDPX_EVALUE, 0},
    {"97", SDPX_EVALUE, 2},
    {"97 sned *", SDPX_EVALUE, 3},
    {"97 send", SDPX_EVALUE, 7},
    {"97 send * send *", SDPX_EVALUE, 10},
    {"97 send * recv * send *", SDPX_EVALUE, 17},
    {"97 send *x", SDPX_EVALUE, 8},
    /* attr-list: sets separated by WSP, brackets balanced */
    {"97 send [x=1,y=2] [x=3,y=4]  [x=5,y=6]", 0, 0},
    {"97 send [x=1,y=2][x=3,y=4]", SDPX_EVALUE, 17},
    {"97 send [x=1,y=2", SDPX_EVALUE, 8},
    {"97 send x=1,y=2", SDPX_EVALUE, 8},
    {"97 send [x=1,y=2] junk", SDPX_EVALUE, 18},
    /* set: x= then y=, both required */
    {"97 send [y=2,x=1]", SDPX_EVALUE, 9},
    {"97 send [x=1]", SDPX_EVALUE, 12},
    {"97 send [x=1,q=0.5]", SDPX_EVALUE, 13},
    /* xyvalue = onetonine *5DIGIT */
    {"97 send [x=999999,y=1]", 0, 0},
    {"97 send [x=0,y=1]", SDPX_EVALUE, 11},
    {"97 send [x=1000000,y=1]", SDPX_EVALUE, 11},
    {"97 send [x=01,y=1]", SDPX_EVALUE, 11},
    /* xyrange: [low:high], [low:step:high], [a,b,...] */
    {"97 send [x=[480:800],y=[100:16:200]]", 0, 0},
    {"97 send [x=[800:480],y=1]", SDPX_EVALUE, 11},
    {"97 send [x=[480:480],y=1]", SDPX_EVALUE, 11},
    {"97 send [x=[480:0:800],y=1]", SDPX_EVALUE, 16},
    {"97 send [x=[1:2:3:4],y=1]", SDPX_EVALUE, 11},
    {"97 send [x=[100,200,150],y=1]", 0, 0},
    {"97 send [x=[100],y=1]", SDPX_EVALUE, 11},
    {"97 send [x=[100,],y=1]", SDPX_EVALUE, 11},
    /* key-values: sar srange, par prange, q qvalue; each once; others allowed */
    {"97 send [x=1,y=1,sar=1.1,par=[1.2-1.3],q=0.6,foo=bar]", 0, 0},
    {"97 send [x=1,y=1,sar=[0.9,1.0,1.1]]", 0, 0},
    {"97 send [x=1,y=1,sar=[0.9-1.1]]", 0, 0},
    {"97 send [x=1,y=1,sar=0.0]", SDPX_EVALUE, 21},
    {"97 send [x=1,y=1,sar=10.0]", SDPX_EVALUE, 21},
    {"97 send [x=1,y=1,sar=1.12345]", SDPX_EVALUE, 21},
    {"97 send [x=1,y=1,sar=[1.1,1.1]]", SDPX_EVALUE, 26},
    {"97 send [x=1,y=1,sar=[1.1-0.9]]", SDPX_EVALUE, 21},
    {"97 send [x=1,y=1,sar=[1.1,1.2,1.3,1.4,1.5,1.6,1.7,1.8,1.9,2.0,2.1]]", 0, 0},
    {"97 send [x=1,y=1,sar=[1.1,1.2,1.3,1.4,1.5,1.6,1.7,1.8,1.9,2.0,1.2]]", SDPX_EVALUE, 62},
    {"97 send [x=1,y=1,sar=[1.1,1.2,1.3,1.4,1.5,1.6,1.7,1.8,1.9,2.0,2.0]]", SDPX_EVALUE, 62},
    {"97 send [x=1,y=1,par=1.2]", SDPX_EVALUE, 21},
    {"97 send [x=1,y=1,par=[1.2,1.3]]", SDPX_EVALUE, 21},
    {"97 send [x=1,y=1,q=1.00]", 0, 0},
    {"97 send [x=1,y=1,q=0.5]", 0, 0},
    {"97 send [x=1,y=1,q=1.5]", SDPX_EVALUE, 19},
    {"97 send [x=1,y=1,q=0.500]", SDPX_EVALUE, 19},
    {"97 send [x=1,y=1,q=.5]", SDPX_EVALUE, 19},
    {"97 send [x=1,y=1,q=0.5,q=0.6]", SDPX_EVALUE, 23},
    {"97 send [x=1,y=1,sar=1.1,sar=1.2]", SDPX_EVALUE, 25},
    {"97 send [x=1,y=1,=3]", SDPX_EVALUE, 17},
};

START_TEST(test_cases)
{
    const ia_case *c = &cases[_i];
    sdpx_str v = {c->value, strlen(c->value)};
    sdpx_imageattr a;
    int rc = sdpx_imageattr_parse(v, &a);
    ck_assert_msg(rc == c->rc, "%s: %d", c->value, rc);
    /* strict mode agrees and points at the token */
    char text[256];
    snprintf(text, sizeof text,
             "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 9 RTP/AVP 97\r\n"
             "a=rtpmap:97 VP8/90000\r\na=imageattr:%s\r\n", c->value);
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = SDPX_PARSE_STRICT;
    sdpx_session *s;
    sdpx_error e;
    rc = sdpx_parse(text, strlen(text), &opt, &s, &e);
    ck_assert_int_eq(rc, c->rc);
    if (rc == 0)
        sdpx_session_free(s);
    else
        ck_assert_msg(e.line == 7 && e.col == 13 + c->off, "%s: at %u:%u (%s), want col %zu",
                      c->value, e.line, e.col, e.msg, 13 + c->off);
    /* the default parse keeps it */
    ck_assert_int_eq(sdpx_parse(text, strlen(text), NULL, &s, NULL), 0);
    sdpx_session_free(s);
}
END_TEST

START_TEST(test_sets_and_bounds)
{
    const char *v = "97 send [x=[480:16:800],y=[100,200,300],par=[1.2-1.3],q=0.6] "
                    "[x=1080,y=[144:176],sar=[0.5-0.7]] recv *";
    sdpx_imageattr a;
    ck_assert_int_eq(sdpx_imageattr_parse((sdpx_str){v, strlen(v)}, &a), 0);
    ck_assert_int_eq(a.wildcard, 0);
    ck_assert_uint_eq(a.payload_type, 97);
    ck_assert(a.has_send && a.has_recv && !a.recv_first);
    ck_assert(sdpx_str_eq(a.recv, "*"));
    sdpx_str rest = a.send;
    sdpx_imageattr_set set;
    ck_assert_int_eq(sdpx_imageattr_set_next(&rest, &set), 1);
    ck_assert(sdpx_str_eq(set.x, "[480:16:800]"));
    ck_assert_uint_eq(set.x_min, 480);
    ck_assert_uint_eq(set.x_max, 800);
    ck_assert_uint_eq(set.y_min, 100);
    ck_assert_uint_eq(set.y_max, 300);
    ck_assert(sdpx_str_eq(set.par, "[1.2-1.3]"));
    ck_assert(sdpx_str_eq(set.q, "0.6"));
    ck_assert_uint_eq(set.sar.len, 0);
    ck_assert_int_eq(sdpx_imageattr_set_next(&rest, &set), 1);
    ck_assert(sdpx_str_eq(set.text, "[x=1080,y=[144:176],sar=[0.5-0.7]]"));
    ck_assert_uint_eq(set.x_min, 1080);
    ck_assert_uint_eq(set.x_max, 1080);
    ck_assert(sdpx_str_eq(set.sar, "[0.5-0.7]"));
    ck_assert_int_eq(sdpx_imageattr_set_next(&rest, &set), 0);
    rest = a.recv;
    ck_assert_int_eq(sdpx_imageattr_set_next(&rest, &set), 0); /* "*" has no sets */
    rest = (sdpx_str){"[x=1]", 5};
    ck_assert_int_eq(sdpx_imageattr_set_next(&rest, &set), SDPX_EVALUE);
    ck_assert_int_eq(sdpx_imageattr_parse((sdpx_str){v, strlen(v)}, NULL), SDPX_EINVAL);
}
END_TEST

START_TEST(test_write)
{
    const char *vals[] = {"97 send [x=800,y=640]", "* recv *",
                          "100 recv [x=1280,y=720] [x=320,y=180] send [x=1280,y=720]"};
    char buf[256];
    for (size_t i = 0; i < 3; i++) {
        sdpx_imageattr a;
        ck_assert_int_eq(sdpx_imageattr_parse((sdpx_str){vals[i], strlen(vals[i])}, &a), 0);
        ck_assert_int_eq(sdpx_imageattr_write(&a, buf, sizeof buf), (int)strlen(vals[i]));
        ck_assert_str_eq(buf, vals[i]);
    }
    sdpx_imageattr a;
    memset(&a, 0, sizeof a);
    a.payload_type = 96;
    ck_assert_int_eq(sdpx_imageattr_write(&a, buf, sizeof buf), SDPX_EINVAL); /* no direction */
    ck_assert_str_eq(buf, "");
    a.has_send = 1;
    a.send = (sdpx_str){"[x=1,y=2]", 9};
    ck_assert_int_eq(sdpx_imageattr_write(&a, buf, sizeof buf), 17);
    ck_assert_str_eq(buf, "96 send [x=1,y=2]");
    a.send = (sdpx_str){"[x=1]", 5};
    ck_assert_int_eq(sdpx_imageattr_write(&a, buf, sizeof buf), SDPX_EINVAL);
    a.send = (sdpx_str){"[x=1,y=2]\r\na=x", 14};
    ck_assert_int_eq(sdpx_imageattr_write(&a, buf, sizeof buf), SDPX_EINVAL);
    a.send = (sdpx_str){"*", 1};
    a.payload_type = 128;
    ck_assert_int_eq(sdpx_imageattr_write(&a, buf, sizeof buf), SDPX_EINVAL);
    ck_assert_int_eq(sdpx_imageattr_write(NULL, buf, sizeof buf), SDPX_EINVAL);
}
END_TEST

START_TEST(test_accessor_and_typed_edit)
{
    const char *text = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
                       "m=video 9 RTP/AVP 96 97 98\r\na=imageattr:* recv *\r\n"
                       "a=imageattr:97 send [x=320,y=240]\r\na=imageattr:98 flob\r\n";
    sdpx_session *s;
    ck_assert_int_eq(sdpx_parse(text, strlen(text), NULL, &s, NULL), 0);
    const sdpx_media *m = sdpx_session_media(s, 0);
    sdpx_imageattr a;
    ck_assert_int_eq(sdpx_media_imageattr(m, 97, &a), 0);
    ck_assert(a.has_send && sdpx_str_eq(a.send, "[x=320,y=240]"));
    ck_assert_int_eq(sdpx_media_imageattr(m, 96, &a), 0);
    ck_assert(a.wildcard && a.has_recv);
    ck_assert_int_eq(sdpx_media_imageattr(m, 98, &a), SDPX_EVALUE);
    ck_assert_int_eq(sdpx_media_imageattr(NULL, 98, &a), SDPX_EINVAL);
    /* typed edit: encoded, then checked like a raw value */
    a.wildcard = 0;
    a.payload_type = 96;
    a.has_send = 1;
    a.send = (sdpx_str){"[x=[320:640],y=[240:480]]", 25};
    a.has_recv = 0;
    ck_assert_int_eq(sdpx_media_attr_add_typed(sdpx_session_media_mut(s, 0), SDPX_ATTR_IMAGEATTR, &a), 0);
    const sdpx_line *l = sdpx_media_line(sdpx_session_media(s, 0), 4);
    ck_assert(sdpx_str_eq(sdpx_line_text(l), "a=imageattr:96 send [x=[320:640],y=[240:480]]"));
    ck_assert_int_eq(sdpx_attr_validate(l, NULL), 0);
    sdpx_session_free(s);
    ck_assert_str_eq(sdpx_attr_kind_name(SDPX_ATTR_IMAGEATTR), "imageattr");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("imageattr");
    TCase *tc = tcase_create("imageattr");
    tcase_add_loop_test(tc, test_cases, 0, sizeof cases / sizeof cases[0]);
    tcase_add_test(tc, test_sets_and_bounds);
    tcase_add_test(tc, test_write);
    tcase_add_test(tc, test_accessor_and_typed_edit);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
