/* Parser: each line type, each error with its position, both modes, lint. */
#include "testutil.h"

#define HEAD "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"

typedef struct {
    const char *name;
    const char *input;
    unsigned flags;
    int rc;
    unsigned line, col;
    const char *msg; /* substring of the message */
} parse_case;

static const parse_case cases[] = {
    /* accepted in both modes */
    {"minimal", HEAD, SDPX_PARSE_STRICT, 0, 0, 0, NULL},
    {"media", HEAD "m=audio 49170 RTP/AVP 0 8\r\nc=IN IP4 192.0.2.1\r\na=sendrecv\r\n",
     SDPX_PARSE_STRICT, 0, 0, 0, NULL},
    {"all session lines",
     "v=0\r\no=jdoe 3724394400 3724394405 IN IP4 198.51.100.1\r\ns=Call\r\ni=info\r\n"
     "u=http://www.example.com/seminars/sdp.pdf\r\ne=j.doe@example.com (Jane Doe)\r\n"
     "p=+1 617 555-6011\r\nc=IN IP4 233.252.0.1/127\r\nb=AS:128\r\nt=2873397496 2873404696\r\n"
     "r=7d 1h 0 25h\r\nz=2882844526 -1h 2898848070 0\r\nk=prompt\r\na=recvonly\r\n"
     "m=audio 49170/2 RTP/AVP 0\r\ni=media title\r\nc=IN IP6 ff1e:03ad::7F2E:172a:1e24/3\r\n"
     "b=TIAS:64000\r\nk=clear:secret\r\na=rtpmap:0 PCMU/8000\r\n",
     SDPX_PARSE_STRICT, 0, 0, 0, NULL},
    {"25-digit sess-id", "v=0\r\no=- 1234567890123456789012345 2 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\n",
     SDPX_PARSE_STRICT, 0, 0, 0, NULL},
    {"port 65535", HEAD "m=audio 65535 RTP/AVP 0\r\n", SDPX_PARSE_STRICT, 0, 0, 0, NULL},
    /* lenient quirks */
    {"LF endings", "v=0\no=- 1 2 IN IP4 1.2.3.4\ns=-\nt=0 0\n", 0, 0, 0, 0, NULL},
    {"no final newline", "v=0\r\no=- 1 2 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0", 0, 0, 0, 0, NULL},
    {"missing o s t", "v=0\r\nm=video 0 RTP/AVP 96\r\n", 0, 0, 0, 0, NULL},
    {"blank lines", "v=0\r\n\r\n  \r\ns=-\r\n", 0, 0, 0, 0, NULL},
    {"leading blank line", "\r\nv=0\r\ns=-\r\n", 0, 0, 0, 0, NULL},
    {"unknown type", HEAD "x=whatever\r\n", 0, 0, 0, 0, NULL},
    {"order", "v=0\r\ns=-\r\no=- 1 2 IN IP4 1.2.3.4\r\nt=0 0\r\n", 0, 0, 0, 0, NULL},
    {"odd attribute name", HEAD "a=x y:1\r\n", 0, 0, 0, 0, NULL},
    {"m= without formats", HEAD "m=audio 0 RTP/AVP\r\n", 0, 0, 0, 0, NULL},
    {"negative b=", HEAD "b=AS:-1\r\n", 0, 0, 0, 0, NULL},
    {"t= not a number", "v=0\r\ns=-\r\nt=now- 0\r\n", 0, 0, 0, 0, NULL},
    {"no =", HEAD "a\r\n", 0, 0, 0, 0, NULL},
    {"space before =", HEAD "a =x\r\n", 0, 0, 0, 0, NULL},
    {"uppercase", HEAD "A=x\r\n", 0, 0, 0, 0, NULL},
    {"o= five fields", "v=0\r\no=- 1 2 IN IP4\r\n", 0, 0, 0, 0, NULL},
    {"o= one field", "v=0\r\no=-\r\n", 0, 0, 0, 0, NULL},
    {"c= two fields", HEAD "c=IN IP4\r\n", 0, 0, 0, 0, NULL},
    {"indented lines", "v=0\r\n  o=- 1 2 IN IP4 1.2.3.4\r\n\ts=-\r\nt=0 0\r\n  m=audio 9 RTP/AVP 0\r\n",
     0, 0, 0, 0, NULL},
    {"starts at m=", "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n", 0, 0, 0, 0, NULL},
    {"v=0 run into o=", "v=0o=- 5 2 IN IP4 10.1.1.2\r\ns=-\r\nt=0 0\r\n", 0, 0, 0, 0, NULL},
    /* rejected in both modes */
    {"empty", "", 0, SDPX_EEMPTY, 1, 1, "empty"},
    {"not v=0", "o=- 1 2 IN IP4 1.2.3.4\r\n", 0, SDPX_EVERSION, 1, 1, "not v=0"},
    {"v=1", "v=1\r\n", 0, SDPX_EVERSION, 1, 3, "\"1\""},
    {"v=01", "v=01\r\n", 0, SDPX_EVERSION, 1, 3, "\"01\""},
    {"garbage", "\x01\x02\x03", 0, SDPX_ESYNTAX, 1, 1, "lowercase"},
    {"text before v=", "hello\r\nv=0\r\n", 0, SDPX_ESYNTAX, 1, 2, "missing '='"},
    {"o= first", "o=- 1 2 IN IP4 1.2.3.4\r\nv=0\r\n", 0, SDPX_EVERSION, 1, 1, "not v=0"},
    {"indented m= first, no v=", "  a=x\r\n", 0, SDPX_EVERSION, 1, 1, "not v=0"},
    {"stray CR", HEAD "a=x\ry\r\n", 0, SDPX_ECR, 5, 4, "CR"},
    {"NUL", HEAD "s=a\0b\r\n", 0, SDPX_ENUL, 5, 4, "NUL"},
    {"port 70000", HEAD "m=audio 70000 RTP/AVP 0\r\n", 0, SDPX_ERANGE, 5, 9,
     "port \"70000\" out of range 0-65535"},
    {"port letters", HEAD "m=audio 9x RTP/AVP 0\r\n", 0, SDPX_EFIELD, 5, 9, "port \"9x\""},
    {"port count 0", HEAD "m=audio 9/0 RTP/AVP 0\r\n", 0, SDPX_EFIELD, 5, 9, "9/0"},
    {"m= two fields", HEAD "m=audio 9\r\n", 0, SDPX_EFIELD, 5, 10, "m="},
    {"strict o= five fields", "v=0\r\no=- 1 2 IN IP4\r\n", SDPX_PARSE_STRICT, SDPX_EFIELD, 2, 15,
     "six fields"},
    {"strict c= two fields", HEAD "m=audio 9 RTP/AVP 0\r\nc=IN IP4\r\n", SDPX_PARSE_STRICT, SDPX_EFIELD, 6, 9,
     "three fields"},
    {"strict no =", HEAD "a\r\n", SDPX_PARSE_STRICT, SDPX_ESYNTAX, 5, 2, "missing '='"},
    {"strict space before =", HEAD "a =x\r\n", SDPX_PARSE_STRICT, SDPX_ESYNTAX, 5, 2, "space before"},
    {"strict uppercase", HEAD "A=x\r\n", SDPX_PARSE_STRICT, SDPX_ESYNTAX, 5, 1, "lowercase"},
    {"strict indented", HEAD "  a=x\r\n", SDPX_PARSE_STRICT, SDPX_ESYNTAX, 5, 1, "lowercase"},
    {"strict starts at m=", "m=video 0 RTP/AVP 96\r\n", SDPX_PARSE_STRICT, SDPX_EVERSION, 1, 1, "not v=0"},
    {"strict v=0 run into o=", "v=0o=- 5 2 IN IP4 10.1.1.2\r\n", SDPX_PARSE_STRICT, SDPX_EVERSION, 1, 3,
     "\"0o=- 5 2"},
    {"strict no final newline", "v=0\r\no=- 1 2 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0", SDPX_PARSE_STRICT,
     SDPX_ESYNTAX, 4, 6, "no line ending"},
    /* rejected in strict mode only */
    {"strict LF ok", "v=0\no=- 1 2 IN IP4 1.2.3.4\ns=-\nt=0 0\n", SDPX_PARSE_STRICT, 0, 0, 0, NULL},
    {"strict missing o", "v=0\r\ns=-\r\nt=0 0\r\n", SDPX_PARSE_STRICT, SDPX_EMISSING, 3, 1, "no o="},
    {"strict missing t", "v=0\r\no=- 1 2 IN IP4 1.2.3.4\r\ns=-\r\n", SDPX_PARSE_STRICT,
     SDPX_EMISSING, 3, 1, "no t="},
    {"strict order",
     "v=0\r\ns=-\r\no=- 1 2 IN IP4 1.2.3.4\r\nt=0 0\r\n", SDPX_PARSE_STRICT,
     SDPX_EORDER, 3, 1, "out of order"},
    {"strict r= without t=", "v=0\r\no=- 1 2 IN IP4 1.2.3.4\r\ns=-\r\nr=1d 1h 0\r\nt=0 0\r\n",
     SDPX_PARSE_STRICT, SDPX_EORDER, 4, 1, "'r='"},
    {"strict session line in media", HEAD "m=audio 9 RTP/AVP 0\r\ns=again\r\n", SDPX_PARSE_STRICT,
     SDPX_EORDER, 6, 1, "inside a media section"},
    {"strict duplicate s", HEAD "s=again\r\n", SDPX_PARSE_STRICT, SDPX_EORDER, 5, 1, NULL},
    {"strict duplicate i", "v=0\r\no=- 1 2 IN IP4 1.2.3.4\r\ns=-\r\ni=a\r\ni=b\r\nt=0 0\r\n",
     SDPX_PARSE_STRICT, SDPX_EDUPLICATE, 5, 1, "second 'i='"},
    {"strict blank line", HEAD "\r\n", SDPX_PARSE_STRICT, SDPX_ESYNTAX, 5, 1, "blank"},
    {"strict unknown type", HEAD "x=1\r\n", SDPX_PARSE_STRICT, SDPX_EUNKNOWN, 5, 1, "'x'"},
    {"strict no format", HEAD "m=audio 0 RTP/AVP\r\n", SDPX_PARSE_STRICT, SDPX_EFIELD, 5, 18, "no format"},
    {"strict nettype", HEAD "m=audio 9 RTP/AVP 0\r\nc=XX IP4 1.2.3.4\r\n", SDPX_PARSE_STRICT, SDPX_EVALUE, 6, 3, "\"XX\""},
    {"strict addrtype", HEAD "m=audio 9 RTP/AVP 0\r\nc=IN IP7 1.2.3.4\r\n", SDPX_PARSE_STRICT, SDPX_EVALUE, 6, 6, "\"IP7\""},
    {"strict sess-id", "v=0\r\no=- abc 2 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\n", SDPX_PARSE_STRICT,
     SDPX_EVALUE, 2, 5, "\"abc\""},
    {"strict negative b=", HEAD "m=audio 9 RTP/AVP 0\r\nb=AS:-1\r\n", SDPX_PARSE_STRICT, SDPX_EFIELD,
     6, 6, "\"-1\""},
    {"strict t= letters", "v=0\r\no=- 1 2 IN IP4 1.2.3.4\r\ns=-\r\nt=now 0\r\n", SDPX_PARSE_STRICT,
     SDPX_EFIELD, 4, 3, "\"now\""},
    {"strict t= three", "v=0\r\no=- 1 2 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0 0\r\n", SDPX_PARSE_STRICT,
     SDPX_EFIELD, 4, 3, "two times"},
    {"strict r= no offset", HEAD "r=7d 1h\r\n", SDPX_PARSE_STRICT, SDPX_EFIELD, 5, 3, "r="},
    {"strict z= odd", HEAD "z=2882844526\r\n", SDPX_PARSE_STRICT, SDPX_EFIELD, 5, 3, "z="},
    {"c= extra field", HEAD "m=audio 9 RTP/AVP 0\r\nc=IN IP4 1.2.3.4 junk\r\n", SDPX_PARSE_STRICT,
     SDPX_EFIELD, 6, 18, "extra field \"junk\""},
    {"strict c= ttl on IP6", HEAD "m=audio 9 RTP/AVP 0\r\nc=IN IP6 ff1e::1/127/2\r\n", SDPX_PARSE_STRICT, SDPX_EFIELD, 6, 10,
     "ff1e::1/127/2"},
    {"strict attribute name", HEAD "a=x y:1\r\n", SDPX_PARSE_STRICT, SDPX_EVALUE, 5, 3, "\"x y\""},
    {"strict property with value", HEAD "m=audio 9 RTP/AVP 0\r\na=rtcp-mux:1\r\n", SDPX_PARSE_STRICT,
     SDPX_EVALUE, 6, 12, "takes no value"},
    {"strict value missing", HEAD "m=audio 9 RTP/AVP 0\r\na=rtpmap\r\n", SDPX_PARSE_STRICT,
     SDPX_EVALUE, 6, 9, "needs a value"},
    {"strict media-only at session", HEAD "a=mid:0\r\n", SDPX_PARSE_STRICT, SDPX_ESCOPE, 5, 3,
     "a=mid is not allowed at session level"},
    {"strict session-only in media", HEAD "m=audio 9 RTP/AVP 0\r\na=ice-lite\r\n", SDPX_PARSE_STRICT,
     SDPX_ESCOPE, 6, 3, "media level"},
};

START_TEST(test_cases)
{
    const parse_case *c = &cases[_i];
    size_t len = strlen(c->input);
    if (c->rc == SDPX_ENUL)
        len += 1 + strlen(c->input + len + 1); /* the input continues after its NUL */
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = c->flags;
    sdpx_session *s = (sdpx_session *)&opt; /* must be reset to NULL on failure */
    sdpx_error e;
    int rc = sdpx_parse(c->input, len, &opt, &s, &e);
    ck_assert_msg(rc == c->rc, "%s: expected %s, got %s (%u:%u %s)", c->name,
                  sdpx_code_name(c->rc), sdpx_code_name(rc), e.line, e.col, e.msg);
    if (rc == 0) {
        ck_assert_ptr_nonnull(s);
        sdpx_session_free(s);
        return;
    }
    ck_assert_ptr_null(s);
    ck_assert_int_eq(e.code, c->rc);
    ck_assert_msg(e.line == c->line && e.col == c->col, "%s: expected %u:%u, got %u:%u (%s)",
                  c->name, c->line, c->col, e.line, e.col, e.msg);
    if (c->msg)
        ck_assert_msg(strstr(e.msg, c->msg) != NULL, "%s: message \"%s\" lacks \"%s\"", c->name,
                      e.msg, c->msg);
}
END_TEST

/* Collects diagnostics for the lint tests. */
typedef struct {
    int n;
    int codes[32];
    unsigned lines[32];
    int sev[32];
} diags;

static void collect(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    diags *d = ctx;
    if (d->n < 32) {
        d->codes[d->n] = e->code;
        d->lines[d->n] = e->line;
        d->sev[d->n] = (int)sev;
    }
    d->n++;
}

static int has_code(const diags *d, int code, unsigned line)
{
    for (int i = 0; i < d->n && i < 32; i++)
        if (d->codes[i] == code && d->lines[i] == line)
            return 1;
    return 0;
}

START_TEST(test_lint_reports_every_error)
{
    const char *text = "v=0\r\no=- 1 2 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\n"
                       "m=audio 70000 RTP/AVP 0\r\n"  /* line 5 */
                       "bad\r\n"                      /* line 6 */
                       "m=video 99999 RTP/AVP 96\r\n" /* line 7 */
                       "a=x\ry\r\n";                  /* line 8 */
    diags d = {0};
    int errors = sdpx_check(text, strlen(text), 0, collect, &d);
    ck_assert_int_eq(errors, 3);
    ck_assert(has_code(&d, SDPX_ERANGE, 5));
    ck_assert(has_code(&d, SDPX_W_UNTYPED_LINE, 6)); /* kept as text: a warning */
    ck_assert(has_code(&d, SDPX_ERANGE, 7));
    ck_assert(has_code(&d, SDPX_ECR, 8));
}
END_TEST

START_TEST(test_lint_warnings_for_quirks)
{
    const char *text = "v=0\n\ns=x \nm=audio 9 RTP/AVP 0\nx=1\nt=0 0";
    diags d = {0};
    ck_assert_int_eq(sdpx_check(text, strlen(text), 0, collect, &d), 0);
    ck_assert(has_code(&d, SDPX_W_LF, 1));
    ck_assert(has_code(&d, SDPX_W_BLANK_LINE, 2));
    ck_assert(has_code(&d, SDPX_W_TRAILING_SPACE, 3));
    ck_assert(has_code(&d, SDPX_W_UNKNOWN_TYPE, 5));
    ck_assert(has_code(&d, SDPX_W_ORDER, 6)); /* t= inside a media section */
    ck_assert(has_code(&d, SDPX_W_NO_FINAL_EOL, 6));
    ck_assert(has_code(&d, SDPX_W_MISSING_ORIGIN, 1));
    for (int i = 0; i < d.n && i < 32; i++)
        ck_assert_int_eq(d.sev[i], SDPX_SEV_WARNING);
    /* The same text in strict mode has errors. */
    diags ds = {0};
    ck_assert_int_gt(sdpx_check(text, strlen(text), SDPX_PARSE_STRICT, collect, &ds), 2);
}
END_TEST

START_TEST(test_lint_clean_input)
{
    diags d = {0};
    ck_assert_int_eq(sdpx_check(HEAD, strlen(HEAD), SDPX_PARSE_STRICT, collect, &d), 0);
    ck_assert_int_eq(d.n, 0);
    ck_assert_int_eq(sdpx_check("", 0, 0, collect, &d), 1);
    ck_assert_int_eq(d.codes[0], SDPX_EEMPTY);
    ck_assert_int_eq(sdpx_check(HEAD, strlen(HEAD), SDPX_PARSE_NO_HEAP, collect, &d), SDPX_EINVAL);
}
END_TEST

START_TEST(test_parse_options_diag_lenient)
{
    /* The lenient parse reports tolerated quirks to the callback and succeeds. */
    const char *text = "v=0\ns=-\n";
    diags d = {0};
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.diag = collect;
    opt.diag_ctx = &d;
    sdpx_session *s;
    ck_assert_int_eq(sdpx_parse(text, strlen(text), &opt, &s, NULL), 0);
    ck_assert(has_code(&d, SDPX_W_LF, 1));
    ck_assert(has_code(&d, SDPX_W_MISSING_TIMING, 1));
    sdpx_session_free(s);
}
END_TEST

START_TEST(test_bad_arguments)
{
    sdpx_session *s;
    sdpx_error e;
    ck_assert_int_eq(sdpx_parse(NULL, 3, NULL, &s, &e), SDPX_EINVAL);
    ck_assert_int_eq(sdpx_parse("v=0", 3, NULL, NULL, &e), SDPX_EINVAL);
    ck_assert_int_eq(sdpx_parse(NULL, 0, NULL, &s, NULL), SDPX_EEMPTY);
    sdpx_session_free(NULL);
}
END_TEST

START_TEST(test_strerror_and_names)
{
    ck_assert_str_eq(sdpx_code_name(SDPX_ERANGE), "SDPX_ERANGE");
    ck_assert_str_eq(sdpx_strerror(SDPX_ERANGE), "number out of range");
    ck_assert_str_eq(sdpx_code_name(SDPX_W_LF), "SDPX_W_LF");
    ck_assert_str_eq(sdpx_code_name(12345), "SDPX_UNKNOWN_CODE");
    ck_assert_str_eq(sdpx_strerror(12345), "unknown error code");
    /* every code in the documented ranges has a name and a message */
    for (int c = -22; c <= SDPX_W_LAST; c++) {
        if (c > -10 && c < -6)
            continue; /* gap between resource and text codes */
        ck_assert_msg(strcmp(sdpx_code_name(c), "SDPX_UNKNOWN_CODE") != 0, "code %d", c);
    }
    ck_assert_str_eq(sdpx_version(), SDPX_VERSION_STRING);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("parse");
    TCase *tc = tcase_create("cases");
    tcase_add_loop_test(tc, test_cases, 0, sizeof cases / sizeof cases[0]);
    suite_add_tcase(s, tc);
    TCase *lint = tcase_create("lint");
    tcase_add_test(lint, test_lint_reports_every_error);
    tcase_add_test(lint, test_lint_warnings_for_quirks);
    tcase_add_test(lint, test_lint_clean_input);
    tcase_add_test(lint, test_parse_options_diag_lenient);
    tcase_add_test(lint, test_bad_arguments);
    tcase_add_test(lint, test_strerror_and_names);
    suite_add_tcase(s, lint);
    return run_suite(s);
}
