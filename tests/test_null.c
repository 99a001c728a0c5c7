/* Every public function called with NULL for each pointer argument (and
 * SIZE_MAX for each index): it must answer with its documented empty result
 * (an error code, 0, NULL, an empty view) and an edit must change nothing.
 * The cases are generated from include/sdp.h (tests/api_list.awk,
 * tests/null_gen.awk), so a new function is covered the day it is declared;
 * arguments whose NULL means something are listed in tests/null_allowed.txt.
 * Each function runs in its own forked Check test, so a crash names it. */
#include <stdint.h>

#include "testutil.h"

static const char offer[] =
    "v=0\r\n"
    "o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n"
    "s=-\r\n"
    "t=0 0\r\n"
    "a=group:BUNDLE 0 1\r\n"
    "a=msid-semantic: WMS s1\r\n"
    "a=ice-ufrag:4ZcD\r\n"
    "a=ice-pwd:2ZdxqTFdAxqBaZyRcfvzXlpc\r\n"
    "a=fingerprint:sha-256 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89\r\n"
    "a=setup:actpass\r\n"
    "m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\n"
    "c=IN IP4 0.0.0.0\r\n"
    "a=candidate:1 1 udp 2122260223 192.168.1.2 54321 typ host\r\n"
    "a=mid:0\r\n"
    "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
    "a=sendrecv\r\n"
    "a=rtcp-mux\r\n"
    "a=rtpmap:111 opus/48000/2\r\n"
    "a=fmtp:111 minptime=10;useinbandfec=1\r\n"
    "a=rtcp-fb:111 transport-cc\r\n"
    "a=ssrc:1001 cname:c1\r\n"
    "a=msid:s1 t1\r\n"
    "m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\n"
    "c=IN IP4 0.0.0.0\r\n"
    "a=mid:1\r\n"
    "a=rtpmap:96 VP8/90000\r\n"
    "a=rtpmap:97 rtx/90000\r\n"
    "a=fmtp:97 apt=96\r\n"
    "a=rid:h send\r\n"
    "a=simulcast:send h\r\n";

/* What the generated calls use for the arguments that are not NULL. */
static struct {
    sdpx_session *s;
    sdpx_media *m;
    const sdpx_line *l;
    sdpx_session *out_s;
    sdpx_media *out_m;
    sdpx_tokenizer tok;
    char buf[512];
    const char *names[2];
    sdpx_str view;
    char *before;
} fx;
static const int fx_unused = 0;

static void fx_diag(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    (void)ctx;
    (void)sev;
    (void)e;
}

static void fx_change(void *ctx, const sdpx_change *c)
{
    (void)ctx;
    (void)c;
}

/* A random function for sdp.h section 9: zero bytes. */
static int fx_random(void *ctx, void *buf, size_t len)
{
    (void)ctx;
    memset(buf, 0, len);
    return 0;
}

static void fx_open(void)
{
    memset(&fx, 0, sizeof fx);
    fx.s = parse_ok(offer, 0);
    fx.m = sdpx_session_media_mut(fx.s, 0);
    fx.l = sdpx_media_find_attr(fx.m, SDPX_ATTR_CANDIDATE, NULL);
    ck_assert_ptr_nonnull(fx.l);
    sdpx_tokenizer_init(&fx.tok, offer, sizeof offer - 1);
    fx.names[0] = "opus";
    fx.view = view_of("x");
    fx.before = sdpx_write_alloc(fx.s, 0, NULL);
    ck_assert_ptr_nonnull(fx.before);
}

/* After a call: the session must be as it was when `same` (a refused edit,
 * or any call with a NULL that means nothing); then free the fixture. */
static void fx_close(const char *fn, const char *arg, int same)
{
    if (same) {
        char *after = sdpx_write_alloc(fx.s, 0, NULL);
        ck_assert_ptr_nonnull(after);
        ck_assert_msg(strcmp(fx.before, after) == 0, "%s(%s = NULL) changed the session", fn,
                      arg);
        sdpx_free(after);
    }
    sdpx_free(fx.before);
    sdpx_session_free(fx.out_s);
    sdpx_session_free(fx.s);
}

#define FN (__func__ + 5) /* null_<function> */
#define NULL_INT(ok, arg, call)                                                           \
    do {                                                                                  \
        fx_open();                                                                        \
        mark_point();                                                                     \
        int r_ = (call);                                                                  \
        ck_assert_msg((ok) || r_ < 0, "%s(%s = NULL) returned %d, want an error", FN, arg, \
                      r_);                                                                \
        fx_close(FN, arg, !(ok) || r_ < 0);                                               \
    } while (0)
#define NULL_PRED(ok, arg, call)                                                          \
    do {                                                                                  \
        fx_open();                                                                        \
        mark_point();                                                                     \
        int r_ = (call);                                                                  \
        ck_assert_msg((ok) || r_ <= 0, "%s(%s = NULL) returned %d, want 0", FN, arg, r_);  \
        fx_close(FN, arg, !(ok) || r_ < 0);                                               \
    } while (0)
#define NULL_ZERO(ok, arg, call)                                                          \
    do {                                                                                  \
        fx_open();                                                                        \
        mark_point();                                                                     \
        uint64_t r_ = (uint64_t)(call);                                                   \
        ck_assert_msg((ok) || r_ == 0, "%s(%s = NULL) returned %llu, want 0", FN, arg,     \
                      (unsigned long long)r_);                                            \
        fx_close(FN, arg, !(ok));                                                         \
    } while (0)
#define NULL_PTR(ok, arg, call)                                                           \
    do {                                                                                  \
        fx_open();                                                                        \
        mark_point();                                                                     \
        const void *r_ = (call);                                                          \
        ck_assert_msg((ok) || r_ == NULL, "%s(%s = NULL) returned a handle", FN, arg);     \
        fx_close(FN, arg, !(ok));                                                         \
    } while (0)
#define NULL_ALLOC(ok, arg, call)                                                         \
    do {                                                                                  \
        fx_open();                                                                        \
        mark_point();                                                                     \
        char *r_ = (call);                                                                \
        ck_assert_msg((ok) || r_ == NULL, "%s(%s = NULL) returned text", FN, arg);         \
        sdpx_free(r_);                                                                    \
        fx_close(FN, arg, !(ok));                                                         \
    } while (0)
#define NULL_STR(ok, arg, call)                                                           \
    do {                                                                                  \
        fx_open();                                                                        \
        mark_point();                                                                     \
        sdpx_str r_ = (call);                                                             \
        ck_assert_msg((ok) || r_.len == 0, "%s(%s = NULL) returned a non-empty view", FN,  \
                      arg);                                                               \
        fx_close(FN, arg, !(ok));                                                         \
    } while (0)
#define NULL_VOID(ok, arg, call)                                                          \
    do {                                                                                  \
        fx_open();                                                                        \
        mark_point();                                                                     \
        call;                                                                             \
        fx_close(FN, arg, !(ok));                                                         \
    } while (0)

struct null_case {
    const char *name;
    void (*run)(void);
};

#include "null_cases.h"

START_TEST(test_null_arguments)
{
    null_cases[_i].run();
}
END_TEST

/* The generated list really is the header's: spot-check a few names. */
START_TEST(test_list_complete)
{
    size_t n = sizeof null_cases / sizeof null_cases[0];
    const char *want[] = {"sdpx_parse", "sdpx_session_media_by_mid_mut", "sdpx_write_alloc",
                          "sdpx_media_set_msid", "sdpx_free"};
    ck_assert_uint_ge(n, 200);
    for (size_t w = 0; w < sizeof want / sizeof want[0]; w++) {
        int found = 0;
        for (size_t i = 0; i < n; i++)
            found |= strcmp(null_cases[i].name, want[w]) == 0;
        ck_assert_msg(found, "%s missing from the generated list", want[w]);
    }
}
END_TEST

int main(void)
{
    Suite *su = suite_create("null");
    TCase *tc = tcase_create("null");
    tcase_add_loop_test(tc, test_null_arguments, 0,
                        (int)(sizeof null_cases / sizeof null_cases[0]));
    tcase_add_test(tc, test_list_complete);
    suite_add_tcase(su, tc);
    SRunner *sr = srunner_create(su);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
