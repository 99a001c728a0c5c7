/* Strict mode against the grammars, one accept and one reject case at least
 * for every rule checked: each row is a description, what strict mode says
 * (code, line, column of the offending token, a word of the message), and
 * the lenient parse must accept every row (reporting a warning for each
 * rejected one). */
#include "testutil.h"

#define HEAD "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
#define AUDIO HEAD "m=audio 9 RTP/AVP 0\r\n"
#define VIDEO HEAD "m=video 9 RTP/AVP 96\r\na=rtpmap:96 VP8/90000\r\n"

typedef struct {
    const char *name;
    const char *text;
    int rc;           /* strict parse (with the semantic pass when rc is SDPX_EV_*) */
    unsigned line, col;
    const char *msg;  /* substring of the message */
} strict_case;

static const strict_case cases[] = {
    /* RFC 8839 5.1: raddr and rport for srflx, prflx, relay; together */
    {"host without raddr", AUDIO "a=candidate:1 1 udp 1 192.0.2.1 9 typ host\r\n", 0, 0, 0, NULL},
    {"srflx with raddr rport",
     AUDIO "a=candidate:1 1 udp 1 192.0.2.1 9 typ srflx raddr 10.0.0.1 rport 9\r\n", 0, 0, 0, NULL},
    {"srflx without raddr", AUDIO "a=candidate:1 1 udp 1 192.0.2.1 9 typ srflx\r\n", SDPX_EVALUE, 6,
     39, "needs raddr and rport"},
    {"relay without raddr", AUDIO "a=candidate:1 1 udp 1 192.0.2.1 9 typ relay generation 0\r\n",
     SDPX_EVALUE, 6, 39, "\"relay\""},
    {"prflx raddr without rport",
     AUDIO "a=candidate:1 1 udp 1 192.0.2.1 9 typ prflx raddr 10.0.0.1\r\n", SDPX_EVALUE, 6, 51,
     "needs rport"},
    {"host rport without raddr", AUDIO "a=candidate:1 1 udp 1 192.0.2.1 9 typ host rport 9\r\n",
     SDPX_EVALUE, 6, 39, "rport without raddr"},
    {"unknown type needs nothing", AUDIO "a=candidate:1 1 udp 1 192.0.2.1 9 typ p2p\r\n", 0, 0, 0, NULL},
    {"unknown transport", AUDIO "a=candidate:1 1 sctp 1 192.0.2.1 9 typ host\r\n", 0, 0, 0, NULL},
    /* RFC 8839 5.1: cand-extension = extension-att-name SP extension-att-value */
    {"extension with value", AUDIO "a=candidate:1 1 udp 1 192.0.2.1 9 typ host generation 0\r\n", 0,
     0, 0, NULL},
    {"extension without value", AUDIO "a=candidate:1 1 udp 1 192.0.2.1 9 typ host generation 0 ufrag\r\n",
     SDPX_EVALUE, 6, 57, "\"ufrag\" has no value"},
};

#define NCASES (sizeof cases / sizeof cases[0])

static void keep_first(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    sdpx_error *first = ctx;
    (void)sev;
    if (first->code == 0)
        *first = *e;
}

/* The semantic pass's first finding: its code (0 when none) and *e. */
static int first_finding(const sdpx_session *s, sdpx_error *e)
{
    memset(e, 0, sizeof *e);
    sdpx_validate(s, keep_first, e);
    return e->code;
}

static int warnings;
static void count_warning(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    (void)ctx;
    (void)e;
    if (sev == SDPX_SEV_WARNING)
        warnings++;
}

START_TEST(test_strict_cases)
{
    const strict_case *c = &cases[_i];
    size_t len = strlen(c->text);
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = SDPX_PARSE_STRICT;
    sdpx_session *s = NULL;
    sdpx_error e;
    memset(&e, 0, sizeof e);
    int rc = sdpx_parse(c->text, len, &opt, &s, &e);
    sdpx_error ev;
    memset(&ev, 0, sizeof ev);
    if (rc == 0 && c->rc <= -100) {
        /* a cross-line rule: the semantic pass finds it */
        rc = first_finding(s, &ev);
        e = ev;
    }
    sdpx_session_free(s);
    ck_assert_msg(rc == c->rc, "%s: expected %s, got %s (%u:%u %s)", c->name, sdpx_code_name(c->rc),
                  sdpx_code_name(rc), e.line, e.col, e.msg);
    if (c->rc) {
        ck_assert_msg(e.line == c->line && e.col == c->col, "%s: expected %u:%u, got %u:%u (%s)",
                      c->name, c->line, c->col, e.line, e.col, e.msg);
        if (c->msg)
            ck_assert_msg(strstr(e.msg, c->msg) != NULL, "%s: message \"%s\" lacks \"%s\"",
                          c->name, e.msg, c->msg);
    }
    /* the default parse accepts every row; a listener hears of the rejected ones */
    ck_assert_int_eq(sdpx_parse(c->text, len, NULL, &s, NULL), 0);
    sdpx_session_free(s);
    memset(&opt, 0, sizeof opt);
    opt.diag = count_warning;
    warnings = 0;
    ck_assert_int_eq(sdpx_parse(c->text, len, &opt, &s, NULL), 0);
    if (c->rc > -100)
        ck_assert_msg((warnings > 0) == (c->rc != 0), "%s: %d warnings", c->name, warnings);
    sdpx_session_free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("strict");
    TCase *tc = tcase_create("grammar");
    tcase_add_loop_test(tc, test_strict_cases, 0, NCASES);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
