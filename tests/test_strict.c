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
    /* RFC 8866 9: byte-string is one or more bytes */
    {"label with a value", AUDIO "a=label:1\r\n", 0, 0, 0, NULL},
    {"empty label", AUDIO "a=label:\r\n", SDPX_EVALUE, 6, 9, "empty"},
    {"empty tool", HEAD "a=tool:\r\n", SDPX_EVALUE, 5, 8, "empty"},
    {"identity", HEAD "a=identity:eyJpZHAiOnt9fQ==\r\n", 0, 0, 0, NULL},
    {"empty identity", HEAD "a=identity:\r\n", SDPX_EVALUE, 5, 12, "byte-string"},
    {"identity in media", AUDIO "a=identity:x\r\n", SDPX_ESCOPE, 6, 3, "identity"},
    /* RFC 8851 10: known restrictions take int-param-val / float-param-val */
    {"rid restrictions", VIDEO "a=rid:h send max-width=1280;max-height=720;max-bpp=1.5;depend=a,b;x-y=\r\n",
     0, 0, 0, NULL},
    {"rid max-width without a value", VIDEO "a=rid:h send max-width=\r\n", SDPX_EVALUE, 7, 14,
     "\"max-width\" needs 1*DIGIT"},
    {"rid max-fps not a number", VIDEO "a=rid:h send pt=96;max-fps=30fps\r\n", SDPX_EVALUE, 7, 20,
     "max-fps"},
    {"rid max-bpp not a float", VIDEO "a=rid:h send max-bpp=2\r\n", SDPX_EVALUE, 7, 14, "max-bpp"},
    {"rid depend not rid ids", VIDEO "a=rid:h send depend=a,\r\n", SDPX_EVALUE, 7, 14, "rid ids"},
    {"rid max-width without '='", VIDEO "a=rid:h send max-width\r\n", 0, 0, 0, NULL},
    /* RFC 3605 2.1 with RFC 8866 5.7: the address matches its address type */
    {"rtcp IP4", AUDIO "a=rtcp:9 IN IP4 0.0.0.0\r\n", 0, 0, 0, NULL},
    {"rtcp IP6", AUDIO "a=rtcp:9 IN IP6 ::1\r\n", 0, 0, 0, NULL},
    {"rtcp FQDN", AUDIO "a=rtcp:9 IN IP4 rtcp.example.com\r\n", 0, 0, 0, NULL},
    {"rtcp IP4 with an IPv6 address", AUDIO "a=rtcp:9 IN IP4 ::1\r\n", SDPX_EVALUE, 6, 17,
     "not an IP4 address"},
    {"rtcp IP6 with an IPv4 address", AUDIO "a=rtcp:9 IN IP6 192.0.2.1\r\n", SDPX_EVALUE, 6, 17,
     "not an IP6 address"},
    {"rtcp bad address", AUDIO "a=rtcp:9 IN IP4 1.2.3.400\r\n", SDPX_EVALUE, 6, 17, "\"1.2.3.400\""},
    /* RFC 8866 9: every line ends with CRLF; a truncated file does not */
    {"no final line ending", AUDIO "a=sendrecv", SDPX_ESYNTAX, 6, 11, "no line ending"},
    /* cross-line rules of the semantic pass */
    {"dynamic payload type without rtpmap", HEAD "m=video 9 RTP/AVP 96\r\n", SDPX_EV_PT_NO_RTPMAP, 5,
     19, "96"},
    {"two directions", AUDIO "a=sendrecv\r\na=recvonly\r\n", SDPX_EV_DIRECTION_DUPLICATE, 7, 3,
     "second direction"},
    {"opus flag out of range", HEAD "m=audio 9 RTP/AVP 111\r\na=rtpmap:111 opus/48000/2\r\na=fmtp:111 stereo=yes\r\n",
     SDPX_EV_FMTP_VALUE, 7, 19, "stereo"},
    /* where the grammar allows a token, strict accepts it */
    {"unknown rtcp-fb id and parameter", VIDEO "a=rtcp-fb:96 x-foo bar=1\r\n", 0, 0, 0, NULL},
    {"unknown hash name", AUDIO "a=fingerprint:x-hash 00:11\r\n", 0, 0, 0, NULL},
    {"empty ssrc-group member list", AUDIO "a=ssrc-group:FID\r\n", 0, 0, 0, NULL},
    {"unknown fmtp parameter", VIDEO "a=fmtp:96 x-google-start-bitrate=800\r\n", 0, 0, 0, NULL},
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
