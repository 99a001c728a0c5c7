/* Redaction scales with its input, counted in operations rather than timed:
 * this suite is built from the library's sources with SDPXI_REDACT_OPS, so
 * redaction counts the steps of its own loops (tree nodes visited, bytes
 * compared, placeholder bytes written, line parts assembled). Each shape is
 * redacted at 1x, 4x and 16x its base size; the operations per input byte
 * may grow with the logarithm of the number of values n (the value map is a
 * balanced tree), never in proportion to the size: ops / bytes / log2(n)
 * stays flat, where a quadratic loop would show 4x and 16x. The shapes are the worst cases of the
 * old hashed map and fixed piece array: many distinct values, values that
 * share all but their last bytes (as names chosen to collide in a hash do),
 * and one line with many fields. */
#include "testutil.h"

#include <math.h>
#include <stdarg.h>

unsigned long long sdpxi_redact_ops;

typedef struct {
    char *p;
    size_t len, cap;
} buf;

static void putf(buf *b, const char *fmt, ...)
{
    if (!b->p) {
        b->cap = 1 << 16;
        b->p = malloc(b->cap);
        ck_assert_ptr_nonnull(b->p);
    }
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
        ck_assert_int_ge(n, 0);
        if ((size_t)n < b->cap - b->len) {
            b->len += (size_t)n;
            return;
        }
        b->cap *= 2;
        b->p = realloc(b->p, b->cap);
        ck_assert_ptr_nonnull(b->p);
    }
}

static const char head[] = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/SAVPF 0\r\n";

/* n candidates, each with its own address, port and ufrag. */
static void distinct_values(buf *b, int n)
{
    putf(b, "%s", head);
    for (int i = 0; i < n; i++)
        putf(b, "a=candidate:%d 1 udp 1 10.%d.%d.%d %d typ host ufrag u%07d\r\n", i, (i >> 16) & 255,
             (i >> 8) & 255, i & 255, 1024 + i % 60000, i);
}

/* n ufrags and n keys of 120 bytes that differ only in their last 6. */
static void shared_prefix(buf *b, int n)
{
    static const char pre[] = "Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFy"
                              "Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYm";
    putf(b, "%s", head);
    for (int i = 0; i < n; i++)
        putf(b, "a=ice-ufrag:%s%06d\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:%s%06d\r\n", pre, i, pre, i);
}

/* One a=remote-candidates line with n candidates. */
static void one_long_line(buf *b, int n)
{
    putf(b, "%sa=remote-candidates:", head);
    for (int i = 0; i < n; i++)
        putf(b, " 1 10.%d.%d.%d %d", (i >> 16) & 255, (i >> 8) & 255, i & 255, 1024 + i % 60000);
    putf(b, "\r\n");
}

static const struct {
    const char *name;
    void (*make)(buf *b, int n);
    int base;
} shapes[] = {
    {"distinct values", distinct_values, 1000},
    {"shared prefixes", shared_prefix, 500},
    {"one long line", one_long_line, 120}, /* 16x stays under 64 KiB a line */
};

/* Operations per input byte and per level of a balanced tree of the
 * shape's values (log2 of their number) for one redaction of the shape at
 * k times its size: O(N log n) work keeps this flat. */
static double ops_per_byte(int shape, int k, unsigned long long *ops)
{
    buf b = {NULL, 0, 0};
    int n = shapes[shape].base * k;
    shapes[shape].make(&b, n);
    sdpx_session *s = NULL;
    ck_assert_int_eq(sdpx_parse(b.p, b.len, NULL, &s, NULL), 0);
    sdpxi_redact_ops = 0;
    ck_assert_int_gt(sdpx_session_redact(s), 0);
    *ops = sdpxi_redact_ops;
    double per = (double)sdpxi_redact_ops / (double)b.len / log2((double)n);
    ck_assert_double_gt(per, 0.0);
    sdpx_session_free(s);
    free(b.p);
    return per;
}

START_TEST(redact_scales)
{
    unsigned long long o1, o4, o16;
    double x1 = ops_per_byte(_i, 1, &o1), x4 = ops_per_byte(_i, 4, &o4), x16 = ops_per_byte(_i, 16, &o16);
    fprintf(stderr, "redact %-16s ops 1x %llu  4x %llu  16x %llu; ops/byte/log2(n) %.3f %.3f %.3f\n",
            shapes[_i].name, o1, o4, o16, x1, x4, x16);
    /* flat within 25%; a loop linear in the size would multiply it by 4 and 16 */
    ck_assert_msg(x4 < 1.25 * x1, "%s: 4x does %.3f, 1x %.3f", shapes[_i].name, x4, x1);
    ck_assert_msg(x16 < 1.25 * x1, "%s: 16x does %.3f, 1x %.3f", shapes[_i].name, x16, x1);
}
END_TEST

/* The counter counts: a description with nothing to redact costs nothing,
 * and each replaced value costs at least its placeholder. */
START_TEST(counter_counts)
{
    sdpx_session *s = parse_ok("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n", 0);
    sdpxi_redact_ops = 0;
    ck_assert_int_eq(sdpx_session_redact(s), 0);
    ck_assert_uint_eq(sdpxi_redact_ops, 0);
    sdpx_session_free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("redact_ops");
    TCase *tc = tcase_create("scaling");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, redact_scales, 0, (int)(sizeof shapes / sizeof shapes[0]));
    tcase_add_test(tc, counter_counts);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
