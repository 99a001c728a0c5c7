/* Shared by the attribute suites: one a= line through strict parsing. */
#ifndef SDPX_TEST_STRICT_LINE_H
#define SDPX_TEST_STRICT_LINE_H

#include "testutil.h"

/* Parse a description holding `line` (at session level when `session`, else
 * in an m=audio section) in strict mode. col 0 expects success; otherwise
 * SDPX_EVALUE at that column with `words` in the message, while lenient
 * parsing still accepts the description. */
static inline void check_strict_line(const char *line, int session, unsigned col,
                                     const char *words)
{
    char sdp[1024];
    snprintf(sdp, sizeof sdp, "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n%s%s"
             "m=audio 9 RTP/AVP 0\r\n%s%s",
             session ? line : "", session ? "\r\n" : "", session ? "" : line, session ? "" : "\r\n");
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = SDPX_PARSE_STRICT;
    sdpx_session *s = NULL;
    sdpx_error e;
    int rc = sdpx_parse(sdp, strlen(sdp), &opt, &s, &e);
    if (col == 0) {
        ck_assert_msg(rc == 0, "%s: %s", line, e.msg);
        sdpx_session_free(s);
        return;
    }
    ck_assert_msg(rc == SDPX_EVALUE, "%s: rc %d", line, rc);
    ck_assert_uint_eq(e.line, session ? 5 : 6);
    ck_assert_msg(e.col == col, "%s: col %u want %u (%s)", line, e.col, col, e.msg);
    ck_assert_msg(strstr(e.msg, words) != NULL, "\"%s\" lacks \"%s\"", e.msg, words);
    ck_assert_int_eq(sdpx_parse(sdp, strlen(sdp), NULL, &s, &e), 0);
    sdpx_session_free(s);
}

#endif
