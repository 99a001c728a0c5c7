/* Serializer: lossless round trips, line endings, snprintf semantics. */
#include "testutil.h"

typedef struct {
    const char *name;
    const char *input;
    unsigned wflags;
    const char *expect; /* NULL: identical to input */
} rt_case;

static const rt_case rt_cases[] = {
    {"crlf", "v=0\r\no=- 1 2 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\na=rtcp-mux\r\n", 0,
     NULL},
    {"odd spacing and unknowns",
     "v=0\r\no=-  1 2 IN IP4 1.2.3.4\r\ns=  spaced  \r\nt=0 0\r\nx=unknown line\r\n"
     "a=Weird Name:v\r\na=x:\r\nm=audio  9 RTP/AVP  0\r\n",
     0, NULL},
    {"blank lines kept", "v=0\r\n\r\n  \r\ns=-\r\n", 0, NULL},
    {"lf to crlf", "v=0\ns=-\nt=0 0\n", 0, "v=0\r\ns=-\r\nt=0 0\r\n"},
    {"mixed to crlf", "v=0\r\ns=-\nt=0 0\r\n", 0, "v=0\r\ns=-\r\nt=0 0\r\n"},
    {"final newline added", "v=0\r\ns=-", 0, "v=0\r\ns=-\r\n"},
    {"keep lf", "v=0\ns=-\nt=0 0\n", SDPX_WRITE_KEEP_LF, NULL},
    {"keep lf mixed", "v=0\r\ns=-\nt=0 0\r\n", SDPX_WRITE_KEEP_LF, NULL},
    {"keep lf, no final newline", "v=0\ns=-", SDPX_WRITE_KEEP_LF, "v=0\ns=-\n"},
    {"keep lf, crlf then none", "v=0\r\ns=-", SDPX_WRITE_KEEP_LF, "v=0\r\ns=-\r\n"},
};

START_TEST(test_round_trip)
{
    const rt_case *c = &rt_cases[_i];
    const char *expect = c->expect ? c->expect : c->input;
    sdpx_session *s = parse_ok(c->input, 0);
    size_t n = sdpx_write(s, c->wflags, NULL, 0);
    ck_assert_uint_eq(n, strlen(expect));
    char *out = sdpx_write_alloc(s, c->wflags, &n);
    ck_assert_ptr_nonnull(out);
    ck_assert_msg(strcmp(out, expect) == 0, "%s: got \"%s\"", c->name, out);
    /* writing is idempotent: the output parses to the same output */
    sdpx_session *s2 = parse_ok(out, 0);
    char *out2 = sdpx_write_alloc(s2, c->wflags, NULL);
    ck_assert_str_eq(out2, out);
    sdpx_free(out2);
    sdpx_free(out);
    sdpx_session_free(s2);
    sdpx_session_free(s);
}
END_TEST

START_TEST(test_snprintf_rules)
{
    const char *text = "v=0\r\ns=-\r\n"; /* 10 bytes */
    sdpx_session *s = parse_ok(text, 0);
    char buf[32];
    memset(buf, 'X', sizeof buf);
    ck_assert_uint_eq(sdpx_write(s, 0, buf, 0), 10);
    ck_assert_int_eq(buf[0], 'X'); /* cap 0 writes nothing */
    ck_assert_uint_eq(sdpx_write(s, 0, buf, 5), 10);
    ck_assert_str_eq(buf, "v=0\r");
    ck_assert_int_eq(buf[5], 'X');
    memset(buf, 'X', sizeof buf);
    ck_assert_uint_eq(sdpx_write(s, 0, buf, 10), 10); /* no room for the NUL */
    ck_assert_int_eq(memcmp(buf, "v=0\r\ns=-\r", 9), 0);
    ck_assert_int_eq(buf[9], '\0');
    ck_assert_uint_eq(sdpx_write(s, 0, buf, 11), 10);
    ck_assert_str_eq(buf, text);
    ck_assert_uint_eq(sdpx_write(s, 0, buf, 1), 10);
    ck_assert_str_eq(buf, "");
    sdpx_session_free(s);
}
END_TEST

START_TEST(test_session_owns_copy)
{
    /* The caller may free (here: overwrite) its buffer right after parsing. */
    char text[] = "v=0\r\ns=original\r\na=ice-ufrag:abcd\r\n";
    sdpx_session *s = parse_ok(text, 0);
    memset(text, 'Z', sizeof text - 1);
    char *out = sdpx_write_alloc(s, 0, NULL);
    ck_assert_str_eq(out, "v=0\r\ns=original\r\na=ice-ufrag:abcd\r\n");
    sdpx_str name;
    ck_assert_int_eq(sdpx_session_name(s, &name), 0);
    ck_assert_str_view(name, "original");
    sdpx_free(out);
    sdpx_session_free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("write");
    TCase *tc = tcase_create("write");
    tcase_add_loop_test(tc, test_round_trip, 0, sizeof rt_cases / sizeof rt_cases[0]);
    tcase_add_test(tc, test_snprintf_rules);
    tcase_add_test(tc, test_session_owns_copy);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
