#include "testutil.h"
START_TEST(placeholder) { ck_assert_int_eq(sdpx_str_eq((sdpx_str){"a",1}, "a"), 1); }
END_TEST
int main(void) { Suite *s = suite_create("limits"); TCase *tc = tcase_create("core"); tcase_add_test(tc, placeholder); suite_add_tcase(s, tc); return run_suite(s); }
