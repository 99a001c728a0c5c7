/* Scaling: every edit helper, the codec walk of `sdpx show` and Python
 * `Media.codecs`, and trickle application do work linear in their input.
 *
 * This suite is built from the library's sources with -DSDPX_COUNT_OPS, so
 * every loop over lines and every move of line records adds to a counter
 * (sdpxi_ops, src/internal.h). Each case builds its input at 1x, 4x and 16x
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

int main(void)
{
    Suite *s = suite_create("scaling");
    TCase *tc = tcase_create("edits");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, edit_helpers_scale_linearly, 0, (int)(sizeof cases / sizeof cases[0]));
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
