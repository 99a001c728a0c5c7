/* Scaling: every edit helper, the codec walk of `sdpx show` and Python
 * `Media.codecs`, and trickle application do work linear in their input.
 *
 * This suite is built from the library's sources with -DSDPX_COUNT_OPS, so
 * every loop over lines and every move of line records adds to a counter
 * (sdpxi_ops, src/base/base.h). Each case builds its input at 1x, 4x and 16x
 * a base size, in the shape that hits its loops' worst case, counts the
 * operations of the one call under test (the parse is not counted), and
 * requires the count per unit of input to stay flat: 16x may cost at most
 * 16 * SLACK times 1x. A quadratic loop costs 256 times as much there. */
#include "testutil.h"

#include "scaling_shapes.h"

extern _Thread_local unsigned long long sdpxi_ops;

#define SLACK 2.0

/* Operations of one call at size n. */
static unsigned long long count_ops(const scale_case *c, size_t n)
{
    sdpx_session *s = build(c->shape, n);
    sdpxi_ops = 0;
    int rc = c->op(s);
    unsigned long long ops = sdpxi_ops;
    ck_assert_msg(rc >= 0, "%s at %zu: %s", c->name, n, sdpx_code_name(rc));
    /* the result is still a description */
    char *text = sdpx_write_alloc(s, 0, NULL);
    ck_assert_ptr_nonnull(text);
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.limits.max_media = 1u << 20;
    sdpx_session *again = NULL;
    ck_assert_int_eq(sdpx_parse(text, strlen(text), &opt, &again, NULL), 0);
    sdpx_session_free(again);
    sdpx_free(text);
    sdpx_session_free(s);
    return ops;
}

static void expect_flat(const char *name, const unsigned long long *ops)
{
    printf("scaling: %-34s %12llu %12llu %12llu ops (1x 4x 16x)\n", name, ops[0], ops[1], ops[2]);
    ck_assert_msg(ops[0] > 0, "%s: nothing counted", name);
    for (int i = 1; i < 3; i++) {
        double per = (double)ops[i] / (double)ops[0], factor = i == 1 ? 4.0 : 16.0;
        ck_assert_msg(per <= factor * SLACK,
                      "%s: %.0fx the input costs %.1fx the operations (%llu vs %llu)", name,
                      factor, per, ops[i], ops[0]);
    }
}

START_TEST(edit_helpers_scale_linearly)
{
    const scale_case *c = &cases[_i];
    unsigned long long ops[3];
    for (int i = 0; i < 3; i++)
        ops[i] = count_ops(c, (size_t)BASE << (2 * i));
    expect_flat(c->name, ops);
}
END_TEST

/* ---- memory of a long-lived session ---------------------------------------- */

typedef struct {
    size_t live, peak;
} mem_count;

static void *mc_alloc(void *ctx, size_t n)
{
    mem_count *c = ctx;
    c->live += n;
    if (c->live > c->peak)
        c->peak = c->live;
    return malloc(n);
}

static void mc_release(void *ctx, void *p, size_t n)
{
    mem_count *c = ctx;
    c->live -= n;
    free(p);
}

static sdpx_session *parse_counted(const char *text, sdpx_allocator *al)
{
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.allocator = al;
    sdpx_session *s = NULL;
    ck_assert_int_eq(sdpx_parse(text, strlen(text), &opt, &s, NULL), 0);
    return s;
}

static const char trickle_offer[] =
    "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"
    "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\n"
    "a=ice-ufrag:wxyz\r\na=ice-pwd:zyxwvutsrqponmlkjihgfe\r\na=rtpmap:111 opus/48000/2\r\n"
    "a=sendrecv\r\n";

/* Apply n single-candidate fragments one by one (a remote peer trickling):
 * memory ends within a constant of the description (8000 of them used
 * 809 MB before the arena compacted), and each application's operations
 * are linear in the section. Returns the peak of memory over text bytes. */
static double trickle_memory(size_t n, unsigned long long *ops_last)
{
    mem_count mc = {0, 0};
    sdpx_allocator al = {mc_alloc, mc_release, &mc};
    sdpx_session *s = parse_counted(trickle_offer, &al);
    for (size_t i = 0; i < n; i++) {
        char frag[256];
        snprintf(frag, sizeof frag,
                 "a=ice-ufrag:wxyz\r\na=ice-pwd:zyxwvutsrqponmlkjihgfe\r\nm=audio 9 RTP/AVP 0\r\n"
                 "a=mid:0\r\na=candidate:%zu 1 udp 2122260223 10.%zu.%zu.%zu %zu typ host\r\n",
                 i, i >> 16, (i >> 8) & 255, i & 255, 1024 + i % 60000);
        sdpx_session *f = NULL;
        ck_assert_int_eq(sdpx_fragment_parse(frag, strlen(frag), NULL, &f, NULL), 0);
        sdpx_apply_result r;
        sdpxi_ops = 0;
        ck_assert_int_eq(sdpx_session_apply_fragment(s, f, &r), 0);
        *ops_last = sdpxi_ops;
        ck_assert_uint_eq(r.added, 1);
        sdpx_session_free(f);
    }
    ck_assert_uint_eq(sdpx_media_line_count(sdpx_session_media(s, 0)), 7 + n);
    size_t text = sdpx_write(s, 0, NULL, 0);
    double ratio = (double)mc.peak / (double)text;
    printf("memory: %6zu trickled candidates: %zu bytes of SDP, peak %zu bytes held (%.1fx), "
           "now %zu\n", n, text, mc.peak, ratio, mc.live);
    sdpx_session_free(s);
    ck_assert_uint_eq(mc.live, 0);
    return ratio;
}

START_TEST(trickle_memory_stays_bounded)
{
    unsigned long long ops[3];
    /* each fragment is checked against every candidate the section has, so
     * n fragments cost n^2 / 2 line visits: under valgrind, 1000 only */
    int runs = slow_tests() ? 3 : 1;
    for (int i = 0; i < runs; i++) {
        double ratio = trickle_memory((size_t)1000 << (2 * i), &ops[i]);
        ck_assert_msg(ratio < 8.0, "memory is %.1fx the description", ratio);
    }
    /* the last application's operations: linear in the section it grows */
    if (runs == 3)
        expect_flat("apply_fragment (one candidate)", ops);
    else
        printf("memory: 4000 and 16000 fragments skipped under valgrind (SDPX_SLOW_TESTS=1 runs them)\n");
}
END_TEST

/* The same for a session edited over and over with multi-line helpers and
 * single-line inserts and removes: its memory follows the description, not
 * the number of edits. */
START_TEST(edit_memory_follows_the_description)
{
    size_t peak[3];
    for (int k = 0; k < 3; k++) {
        /* 1000, 4000, 16000 rounds (a quarter of that under valgrind) */
        size_t n = ((size_t)1000 << (2 * k)) >> (slow_tests() ? 0 : 2);
        mem_count mc = {0, 0};
        sdpx_allocator al = {mc_alloc, mc_release, &mc};
        sdpx_session *s = parse_counted(trickle_offer, &al);
        sdpx_media *m = sdpx_session_media_mut(s, 0);
        for (size_t i = 0; i < n; i++) {
            ck_assert_int_eq(sdpx_media_set_direction(m, i & 1 ? SDPX_DIR_SENDONLY : SDPX_DIR_RECVONLY), 0);
            ck_assert_int_eq(sdpx_media_add_candidate(m, "candidate:1 1 udp 1 192.0.2.1 9 typ host"), 0);
            sdpx_candidate_filter all = {0};
            ck_assert_int_eq(sdpx_media_remove_candidates(m, &all), 1);
            const sdpx_line *l = sdpx_media_find_attr(m, SDPX_ATTR_RTPMAP, NULL);
            ck_assert_int_eq(sdpx_attr_insert(s, l, 0, "x-note", "1"), 0);
            ck_assert_int_eq(sdpx_line_remove(s, sdpx_media_find_attr_name(m, "x-note", NULL)), 0);
            ck_assert_int_eq(sdpx_media_set_bandwidth(m, "AS", i), 0);
        }
        peak[k] = mc.peak;
        printf("memory: %6zu edit rounds: peak %zu bytes held\n", n, mc.peak);
        sdpx_session_free(s);
        ck_assert_uint_eq(mc.live, 0);
    }
    /* 16 times the edits, the same description: the same memory (within 2x) */
    ck_assert_msg(peak[2] < 2 * peak[0], "peak %zu after 16000 rounds vs %zu after 1000", peak[2],
                  peak[0]);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("scaling");
    TCase *tc = tcase_create("edits");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, edit_helpers_scale_linearly, 0, (int)(sizeof cases / sizeof cases[0]));
    suite_add_tcase(s, tc);
    tc = tcase_create("memory");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, trickle_memory_stays_bounded);
    tcase_add_test(tc, edit_memory_follows_the_description);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
