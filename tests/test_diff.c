/* sdpx_session_diff: one row per kind of change, with every change the
 * diff must report written out by hand; and the growth of its work,
 * counted in steps at 1x, 4x and 16x. */
#include "testutil.h"

/* The diff's own source, built a second time with a step counter. */
static unsigned long diff_steps;
#define DIFF_STEP() (diff_steps++)
#define sdpx_session_diff counted_session_diff
#define sdpx_change_kind_name counted_change_kind_name
int counted_session_diff(const sdpx_session *, const sdpx_session *, sdpx_change_fn, void *);
const char *counted_change_kind_name(sdpx_change_kind);
#include "../src/nego/diff.c"
#undef sdpx_session_diff
#undef sdpx_change_kind_name

#define FP_A "sha-256 AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99"
#define FP_B "sha-256 0A:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99"

static const char base[] =
    "v=0\r\n"
    "o=- 42 2 IN IP4 127.0.0.1\r\n"
    "s=-\r\n"
    "t=0 0\r\n"
    "a=group:BUNDLE 0 1\r\n"
    "m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\n"
    "c=IN IP4 0.0.0.0\r\n"
    "a=mid:0\r\n"
    "a=ice-ufrag:uf00\r\n"
    "a=ice-pwd:pw0000000000000000000000\r\n"
    "a=fingerprint:" FP_A "\r\n"
    "a=setup:actpass\r\n"
    "a=sendrecv\r\n"
    "a=rtpmap:111 opus/48000/2\r\n"
    "a=fmtp:111 minptime=10\r\n"
    "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
    "m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\n"
    "c=IN IP4 0.0.0.0\r\n"
    "a=mid:1\r\n"
    "a=ice-ufrag:uf01\r\n"
    "a=ice-pwd:pw0000000000000000000001\r\n"
    "a=fingerprint:" FP_A "\r\n"
    "a=setup:actpass\r\n"
    "a=rtpmap:96 VP8/90000\r\n"
    "a=rtpmap:97 rtx/90000\r\n"
    "a=fmtp:97 apt=96\r\n"
    "a=extmap:2 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
    "a=rid:h send\r\n"
    "a=rid:l send\r\n"
    "a=simulcast:send h;l\r\n";

#define SECTION2 "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:2\r\n"

typedef struct {
    const char *name;
    const char *old_rep[6]; /* pairs: text, replacement (every occurrence) */
    const char *new_rep[8];
    const char *expect[6];  /* "kind where: old -> new", in order */
} diff_case;

static const diff_case cases[] = {
    {"identical", {NULL}, {NULL}, {NULL}},
    {"version bumped only", {NULL}, {"42 2 IN", "42 3 IN"}, {"version-bumped session: 2 -> 3"}},
    {"version lowered", {NULL}, {"42 2 IN", "42 1 IN"}, {"version-not-bumped session: 2 -> 1"}},
    {"session id", {NULL}, {"o=- 42 2", "o=- 43 2"}, {"session-id session: 42 -> 43"}},
    {"ice restart: ufrag and pwd of both sections",
     {NULL},
     {"42 2 IN", "42 3 IN", "uf0", "uf9", "pw000", "pw999"},
     {"version-bumped session: 2 -> 3", "ice-restart m=0 mid=0: uf00 -> uf90",
      "ice-restart m=1 mid=1: uf01 -> uf91"}},
    {"ice restart by password alone, version not bumped",
     {NULL},
     {"pw0000000000000000000001", "pwXXXXXXXXXXXXXXXXXXXXXX"},
     {"version-not-bumped session: 2 -> 2", "ice-restart m=1 mid=1: uf01 -> uf01"}},
    {"fingerprint of one section; hex case alone is no change",
     {NULL},
     {"pw0000000000000000000000\r\na=fingerprint:" FP_A,
      "pw0000000000000000000000\r\na=fingerprint:" FP_B,
      "pw0000000000000000000001\r\na=fingerprint:sha-256 AA:BB",
      "pw0000000000000000000001\r\na=fingerprint:SHA-256 aa:bb"},
     {"version-not-bumped session: 2 -> 2", "fingerprint m=0 mid=0: " FP_A " -> " FP_B}},
    {"setup", {NULL}, {"setup:actpass", "setup:passive"},
     {"version-not-bumped session: 2 -> 2", "setup m=0 mid=0: actpass -> passive",
      "setup m=1 mid=1: actpass -> passive"}},
    {"direction, written and default", {NULL}, {"a=sendrecv", "a=sendonly", "a=rid:h", "a=inactive\r\na=rid:h"},
     {"version-not-bumped session: 2 -> 2", "direction m=0 mid=0: sendrecv -> sendonly",
      "direction m=1 mid=1: sendrecv -> inactive"}},
    {"codec added and removed (static type named by its number)",
     {NULL},
     {"111 0\r\n", "111 8\r\n", "96 97\r\n", "96\r\n"},
     {"version-not-bumped session: 2 -> 2", "codec-removed m=0 mid=0: 0 -> -",
      "codec-added m=0 mid=0: - -> 8", "codec-removed m=1 mid=1: 97 rtx/90000 -> -"}},
    {"codec fmtp and rtpmap changed",
     {NULL},
     {"minptime=10", "minptime=10;useinbandfec=1", "VP8/90000", "VP9/90000"},
     {"version-not-bumped session: 2 -> 2",
      "codec-changed m=0 mid=0: 111 minptime=10 -> 111 minptime=10;useinbandfec=1",
      "codec-changed m=1 mid=1: 96 VP8/90000 -> 96 VP9/90000"}},
    {"codec order", {NULL}, {"111 0\r\n", "0 111\r\n"},
     {"version-not-bumped session: 2 -> 2", "codec-order m=0 mid=0: 111 0 -> 0 111"}},
    {"codec order of the kept types only", {NULL}, {"96 97\r\n", "100 96 97\r\n"},
     {"version-not-bumped session: 2 -> 2", "codec-added m=1 mid=1: - -> 100"}},
    {"extmap id moved, direction added",
     {NULL},
     {"extmap:1 ", "extmap:3 ", "extmap:2 ", "extmap:2/recvonly "},
     {"version-not-bumped session: 2 -> 2",
      "extmap-removed m=0 mid=0: 1 urn:ietf:params:rtp-hdrext:ssrc-audio-level -> -",
      "extmap-added m=0 mid=0: - -> 3 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
      "extmap-changed m=1 mid=1: 2 urn:ietf:params:rtp-hdrext:sdes:mid -> 2/recvonly urn:ietf:params:rtp-hdrext:sdes:mid"}},
    {"simulcast paused and rid restricted",
     {NULL},
     {"send h;l", "send h;~l", "a=rid:l send\r\n", "a=rid:l send max-width=320\r\n"},
     {"version-not-bumped session: 2 -> 2", "simulcast m=1 mid=1: send h;l -> send h;~l",
      "rid m=1 mid=1: l send -> l send max-width=320"}},
    {"rid removed", {NULL}, {"a=rid:l send\r\n", "", "send h;l", "send h"},
     {"version-not-bumped session: 2 -> 2", "simulcast m=1 mid=1: send h;l -> send h",
      "rid m=1 mid=1: l send -> -"}},
    {"section added", {NULL}, {"42 2 IN", "42 3 IN", "a=simulcast:send h;l\r\n", "a=simulcast:send h;l\r\n" SECTION2},
     {"version-bumped session: 2 -> 3",
      "media-added m=2 mid=2: - -> application 9 UDP/DTLS/SCTP webrtc-datachannel"}},
    {"section removed", {"a=simulcast:send h;l\r\n", "a=simulcast:send h;l\r\n" SECTION2}, {NULL},
     {"version-not-bumped session: 2 -> 2",
      "media-removed m=2 mid=2: application 9 UDP/DTLS/SCTP webrtc-datachannel -> -"}},
    {"section rejected, bundle shrinks",
     {NULL},
     {"m=video 9", "m=video 0", "BUNDLE 0 1", "BUNDLE 0", "a=rid:h send", "a=rid:x send"},
     {"version-not-bumped session: 2 -> 2", "bundle session: 0 1 -> 0",
      "media-rejected m=1 mid=1: 9 -> 0"}},
    {"bundle-only (port 0) is not a rejection", {NULL}, {"m=video 9", "m=video 0", "a=mid:1\r\n", "a=mid:1\r\na=bundle-only\r\n"},
     {"version-not-bumped session: 2 -> 2"}},
    {"section accepted again", {"m=video 9", "m=video 0"}, {NULL},
     {"version-not-bumped session: 2 -> 2", "media-accepted m=1 mid=1: 0 -> 9"}},
    {"rejected section recycled with a new mid",
     {"m=video 9", "m=video 0"},
     {"a=mid:1", "a=mid:v2", "BUNDLE 0 1", "BUNDLE 0 v2", "42 2 IN", "42 3 IN"},
     {"version-bumped session: 2 -> 3", "bundle session: 0 1 -> 0 v2",
      "media-recycled m=1 mid=v2: 1 -> v2"}},
    {"media kind and proto", {NULL}, {"m=video 9 UDP/TLS/RTP/SAVPF", "m=text 9 RTP/AVPF"},
     {"version-not-bumped session: 2 -> 2", "media-kind m=1 mid=1: video -> text",
      "proto m=1 mid=1: UDP/TLS/RTP/SAVPF -> RTP/AVPF"}},
    {"ice-lite", {NULL}, {"t=0 0\r\n", "t=0 0\r\na=ice-lite\r\n"},
     {"version-not-bumped session: 2 -> 2", "ice-lite session: - -> ice-lite"}},
};

/* Every occurrence of each (from, to) pair, in order. */
static char *rewrite(const char *text, const char *const *rep, size_t nrep)
{
    char *cur = strdup(text);
    for (size_t i = 0; i + 1 < nrep && rep[i]; i += 2) {
        size_t fl = strlen(rep[i]), tl = strlen(rep[i + 1]), n = 0;
        for (const char *p = strstr(cur, rep[i]); p; p = strstr(p + fl, rep[i]))
            n++;
        ck_assert_msg(n > 0, "\"%s\" not found", rep[i]);
        char *out = malloc(strlen(cur) + n * tl + 1), *o = out;
        const char *p = cur, *q;
        while ((q = strstr(p, rep[i]))) {
            memcpy(o, p, (size_t)(q - p));
            o += q - p;
            memcpy(o, rep[i + 1], tl);
            o += tl;
            p = q + fl;
        }
        strcpy(o, p);
        free(cur);
        cur = out;
    }
    return cur;
}

typedef struct {
    char lines[8][256];
    size_t n;
} collected;

static void collect(void *ctx, const sdpx_change *c)
{
    collected *col = ctx;
    ck_assert_ptr_nonnull(sdpx_change_kind_name(c->kind));
    if (col->n >= 8)
        return;
    char where[64];
    if (c->section == SDPX_CHANGE_SESSION_LEVEL)
        snprintf(where, sizeof where, "session");
    else
        snprintf(where, sizeof where, "m=%zu mid=%.*s", c->section, (int)c->mid.len,
                 c->mid.len ? c->mid.ptr : "");
    snprintf(col->lines[col->n++], sizeof col->lines[0], "%s %s: %.*s -> %.*s",
             sdpx_change_kind_name(c->kind), where,
             (int)(c->old_text.len ? c->old_text.len : 1), c->old_text.len ? c->old_text.ptr : "-",
             (int)(c->new_text.len ? c->new_text.len : 1), c->new_text.len ? c->new_text.ptr : "-");
}

START_TEST(test_diff_table)
{
    const diff_case *dc = &cases[_i];
    char *a = rewrite(base, dc->old_rep, 6), *b = rewrite(base, dc->new_rep, 8);
    sdpx_session *sa = parse_ok(a, 0), *sb = parse_ok(b, 0);
    collected col;
    memset(&col, 0, sizeof col);
    int n = sdpx_session_diff(sa, sb, collect, &col);
    size_t want = 0;
    while (want < 6 && dc->expect[want])
        want++;
    for (size_t i = 0; i < col.n; i++)
        fprintf(stderr, "%s: got %s\n", dc->name, col.lines[i]);
    ck_assert_msg(n == (int)want, "%s: %d changes, expected %zu", dc->name, n, want);
    for (size_t i = 0; i < want; i++)
        ck_assert_msg(!strcmp(col.lines[i], dc->expect[i]), "%s: change %zu is \"%s\", expected \"%s\"",
                      dc->name, i, col.lines[i], dc->expect[i]);
    /* the counted build is the same code */
    ck_assert_int_eq(counted_session_diff(sa, sb, NULL, NULL), n);
    sdpx_session_free(sa);
    sdpx_session_free(sb);
    free(a);
    free(b);
}
END_TEST

START_TEST(test_diff_api)
{
    sdpx_session *s = parse_ok(base, 0);
    ck_assert_int_eq(sdpx_session_diff(NULL, s, NULL, NULL), SDPX_EINVAL);
    ck_assert_int_eq(sdpx_session_diff(s, NULL, NULL, NULL), SDPX_EINVAL);
    ck_assert_int_eq(sdpx_session_diff(s, s, NULL, NULL), 0);
    ck_assert_str_eq(sdpx_change_kind_name(SDPX_CHANGE_ICE_RESTART), "ice-restart");
    ck_assert_str_eq(sdpx_change_kind_name(SDPX_CHANGE_SESSION_ID), "session-id");
    ck_assert_str_eq(sdpx_change_kind_name(SDPX_CHANGE_RID), "rid");
    ck_assert_ptr_null(sdpx_change_kind_name((sdpx_change_kind)0));
    ck_assert_ptr_null(sdpx_change_kind_name((sdpx_change_kind)(SDPX_CHANGE_RID + 1)));
    /* session-level ICE credentials apply to sections without their own */
    sdpx_session *a = parse_ok("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                               "a=ice-ufrag:abcd\r\na=ice-pwd:0123456789012345678901\r\n"
                               "m=audio 9 RTP/AVP 0\r\n", 0);
    sdpx_session *b = parse_ok("v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                               "a=ice-ufrag:abcd\r\na=ice-pwd:0123456789012345678902\r\n"
                               "m=audio 9 RTP/AVP 0\r\n", 0);
    collected col;
    memset(&col, 0, sizeof col);
    ck_assert_int_eq(sdpx_session_diff(a, b, collect, &col), 2);
    ck_assert_str_eq(col.lines[1], "ice-restart m=0 mid=: abcd -> abcd");
    sdpx_session_free(a);
    sdpx_session_free(b);
    /* regression (found by fuzz_diff): a sess-version that is no number,
     * unchanged, is no change; changed, it is not a bump */
    a = parse_ok("v=0\r\no=x 1 Fuzhou IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=video 0 RTP/AVP 96\r\n", 0);
    b = parse_ok("v=0\r\no=x 1 Fuzhoo IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=video 0 RTP/AVP 96\r\n", 0);
    ck_assert_int_eq(sdpx_session_diff(a, a, NULL, NULL), 0);
    memset(&col, 0, sizeof col);
    ck_assert_int_eq(sdpx_session_diff(a, b, collect, &col), 1);
    ck_assert_str_eq(col.lines[0], "version-not-bumped session: Fuzhou -> Fuzhoo");
    sdpx_session_free(a);
    sdpx_session_free(b);
    sdpx_session_free(s);
}
END_TEST

/* ---- growth ------------------------------------------------------------ */

/* A description of `sections` video sections, each with `per` rids,
 * extmaps and candidates; `restart` changes every ufrag and one codec. */
static char *big(size_t sections, size_t per, int restart)
{
    size_t cap = 4096 + sections * (800 + per * 200), len = 0;
    char *p = malloc(cap);
    len += (size_t)snprintf(p + len, cap - len,
                            "v=0\r\no=- 7 %d IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n", restart ? 2 : 1);
    for (size_t m = 0; m < sections; m++) {
        len += (size_t)snprintf(p + len, cap - len,
                                "m=video 9 UDP/TLS/RTP/SAVPF 96 97 98\r\na=mid:%zu\r\n"
                                "a=ice-ufrag:%s%zu\r\na=ice-pwd:0123456789012345678901\r\n"
                                "a=setup:actpass\r\na=rtpmap:96 VP8/90000\r\n"
                                "a=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\n"
                                "a=rtpmap:98 H264/90000\r\na=fmtp:98 profile-level-id=%s\r\n",
                                m, restart ? "new" : "old", m, restart ? "42e01f" : "640c1f");
        for (size_t i = 0; i < per; i++)
            len += (size_t)snprintf(p + len, cap - len,
                                    "a=extmap:%zu urn:x:%zu\r\na=rid:r%zu send\r\n"
                                    "a=candidate:%zu 1 udp 1 192.0.2.1 %zu typ host\r\n",
                                    1 + i % 14, i, i, i, 1000 + i);
    }
    return p;
}

static unsigned long steps_for(size_t sections, size_t per)
{
    char *a = big(sections, per, 0), *b = big(sections, per, 1);
    sdpx_session *sa = parse_ok(a, 0), *sb = parse_ok(b, 0);
    diff_steps = 0;
    int n = counted_session_diff(sa, sb, NULL, NULL);
    /* version bumped, and per section an ICE restart and a codec change */
    ck_assert_int_eq(n, 1 + 2 * (int)sections);
    unsigned long steps = diff_steps;
    sdpx_session_free(sa);
    sdpx_session_free(sb);
    free(a);
    free(b);
    return steps;
}

static void check_linear(const char *shape, unsigned long s1, unsigned long s4, unsigned long s16)
{
    fprintf(stderr, "diff steps, %s: 1x %lu, 4x %lu, 16x %lu\n", shape, s1, s4, s16);
    ck_assert_msg(s4 <= 4 * s1 + s1 / 4, "%s: 4x took %lu steps, 1x %lu", shape, s4, s1);
    ck_assert_msg(s16 <= 16 * s1 + s1, "%s: 16x took %lu steps, 1x %lu", shape, s16, s1);
    ck_assert_msg(s16 >= 4 * s1, "%s: 16x took only %lu steps: not counting?", shape, s16);
}

START_TEST(test_diff_scaling_sections)
{
    check_linear("sections", steps_for(64, 2), steps_for(256, 2), steps_for(1024, 2));
}
END_TEST

START_TEST(test_diff_scaling_lines)
{
    check_linear("lines of one section", steps_for(1, 500), steps_for(1, 2000), steps_for(1, 8000));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("diff");
    TCase *tc = tcase_create("diff");
    tcase_add_loop_test(tc, test_diff_table, 0, sizeof cases / sizeof cases[0]);
    tcase_add_test(tc, test_diff_api);
    tcase_add_test(tc, test_diff_scaling_sections);
    tcase_add_test(tc, test_diff_scaling_lines);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
