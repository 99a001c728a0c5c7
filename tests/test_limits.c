/* Limits and memory: each limit is a clean error naming it; one allocation
 * per parse, none with enough scratch memory, SDPX_ESCRATCH with the size
 * needed when heap use is forbidden. */
#include "testutil.h"

typedef struct {
    int allocs;
    int releases;
    size_t live;
} counter;

static void *count_alloc(void *ctx, size_t n)
{
    counter *c = ctx;
    c->allocs++;
    c->live += n;
    return malloc(n);
}

static void count_release(void *ctx, void *p, size_t n)
{
    counter *c = ctx;
    c->releases++;
    c->live -= n;
    free(p);
}

static char *make_sdp(int media, int attrs_per_media, size_t *len)
{
    size_t cap = 256 + (size_t)media * (64 + (size_t)attrs_per_media * 40);
    char *p = malloc(cap);
    size_t n = (size_t)snprintf(p, cap, "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
    for (int m = 0; m < media; m++) {
        n += (size_t)snprintf(p + n, cap - n, "m=audio %d RTP/AVP 0\r\n", 1000 + m);
        for (int a = 0; a < attrs_per_media; a++)
            n += (size_t)snprintf(p + n, cap - n, "a=x-attr-%d:%d\r\n", a, m);
    }
    *len = n;
    return p;
}

typedef struct {
    const char *name;
    sdpx_limits lim;
    int media, attrs;
    int rc;
    const char *msg;
} limit_case;

static const limit_case limit_cases[] = {
    {"defaults", {0, 0, 0, 0, 0}, 20, 20, 0, NULL},
    {"max_input", {1000, 0, 0, 0, 0}, 20, 20, SDPX_ELIMIT, "max_input"},
    {"max_lines", {0, 100, 0, 0, 0}, 20, 20, SDPX_ELIMIT, "max_lines"},
    {"max_line_len", {0, 0, 10, 0, 0}, 1, 1, SDPX_ELIMIT, "max_line_len"},
    {"max_attributes", {0, 0, 0, 50, 0}, 20, 20, SDPX_ELIMIT, "max_attributes"},
    {"max_media", {0, 0, 0, 0, 5}, 20, 0, SDPX_ELIMIT, "max_media"},
    {"at the limits", {0, 4 + 20 * 21, 0, 400, 20}, 20, 20, 0, NULL},
    {"one line over", {0, 4 + 20 * 21 - 1, 0, 0, 0}, 20, 20, SDPX_ELIMIT, "max_lines"},
    {"one attribute over", {0, 0, 0, 399, 0}, 20, 20, SDPX_ELIMIT, "max_attributes"},
    {"one section over", {0, 0, 0, 0, 19}, 20, 20, SDPX_ELIMIT, "max_media"},
};

START_TEST(test_limits)
{
    const limit_case *c = &limit_cases[_i];
    size_t len;
    char *text = make_sdp(c->media, c->attrs, &len);
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.limits = c->lim;
    sdpx_session *s;
    sdpx_error e;
    int rc = sdpx_parse(text, len, &opt, &s, &e);
    ck_assert_msg(rc == c->rc, "%s: rc %s (%s)", c->name, sdpx_code_name(rc), e.msg);
    if (c->msg)
        ck_assert_msg(strstr(e.msg, c->msg) != NULL, "%s: \"%s\"", c->name, e.msg);
    if (rc == 0) {
        ck_assert_uint_eq(sdpx_session_media_count(s), (size_t)c->media);
        sdpx_session_free(s);
    }
    free(text);
}
END_TEST

START_TEST(test_one_allocation_per_parse)
{
    size_t len;
    char *text = make_sdp(8, 30, &len); /* about 10 KiB */
    counter c = {0, 0, 0};
    sdpx_allocator al = {count_alloc, count_release, &c};
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.allocator = &al;
    sdpx_session *s;
    ck_assert_int_eq(sdpx_parse(text, len, &opt, &s, NULL), 0);
    ck_assert_int_eq(c.allocs, 1);
    /* reading and writing allocate nothing from the session's allocator */
    char *out = sdpx_write_alloc(s, 0, NULL);
    ck_assert_int_eq(memcmp(out, text, len), 0);
    sdpx_free(out);
    ck_assert_int_eq(c.allocs, 1);
    sdpx_session_free(s);
    ck_assert_int_eq(c.releases, 1);
    ck_assert_uint_eq(c.live, 0);
    free(text);
}
END_TEST

START_TEST(test_scratch_memory)
{
    size_t len;
    char *text = make_sdp(4, 10, &len);
    counter c = {0, 0, 0};
    sdpx_allocator al = {count_alloc, count_release, &c};
    static char small[64];
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.allocator = &al;
    opt.flags = SDPX_PARSE_NO_HEAP;
    opt.scratch = small;
    opt.scratch_size = sizeof small;
    sdpx_session *s;
    sdpx_error e;
    ck_assert_int_eq(sdpx_parse(text, len, &opt, &s, &e), SDPX_ESCRATCH);
    ck_assert_int_eq(e.code, SDPX_ESCRATCH);
    ck_assert_uint_gt(e.need, len); /* the copy of the input plus the model */
    ck_assert_ptr_null(s);
    ck_assert_int_eq(c.allocs, 0);

    /* exactly the size reported is enough, at any alignment */
    size_t need = e.need;
    char *mem = malloc(need + 8);
    for (size_t shift = 0; shift < 8; shift++) {
        opt.scratch = mem + shift;
        opt.scratch_size = need;
        ck_assert_int_eq(sdpx_parse(text, len, &opt, &s, &e), 0);
        ck_assert_int_eq(c.allocs, 0);
        char *out = sdpx_write_alloc(s, 0, NULL);
        ck_assert_int_eq(memcmp(out, text, len), 0);
        sdpx_free(out);
        sdpx_session_free(s);
    }
    /* scratch beyond `need` serves edits, still without the heap */
    char *big = malloc(need + 4096);
    opt.scratch = big;
    opt.scratch_size = need + 4096;
    ck_assert_int_eq(sdpx_parse(text, len, &opt, &s, &e), 0);
    ck_assert_int_eq(sdpx_session_set_name(s, "renamed"), 0);
    ck_assert_int_eq(sdpx_media_attr_add(sdpx_session_media_mut(s, 0), "x-added", "1"), 0);
    sdpx_str name;
    ck_assert_int_eq(sdpx_session_name(s, &name), 0);
    ck_assert_str_view(name, "renamed");
    ck_assert_int_eq(c.allocs, 0);
    sdpx_session_free(s);
    free(big);
    /* without NO_HEAP, too little scratch falls back to one heap block */
    opt.flags = 0;
    opt.scratch = small;
    opt.scratch_size = sizeof small;
    ck_assert_int_eq(sdpx_parse(text, len, &opt, &s, &e), 0);
    ck_assert_int_eq(c.allocs, 1);
    sdpx_session_free(s);
    ck_assert_uint_eq(c.live, 0);
    /* NO_HEAP and no scratch at all */
    opt.flags = SDPX_PARSE_NO_HEAP;
    opt.scratch = NULL;
    opt.scratch_size = 0;
    ck_assert_int_eq(sdpx_parse(text, len, &opt, &s, &e), SDPX_ESCRATCH);
    ck_assert_uint_gt(e.need, 0);
    free(mem);
    free(text);
}
END_TEST

static void *failing_alloc(void *ctx, size_t n)
{
    (void)ctx;
    (void)n;
    return NULL;
}

START_TEST(test_out_of_memory)
{
    sdpx_allocator al = {failing_alloc, count_release, NULL};
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.allocator = &al;
    sdpx_session *s;
    sdpx_error e;
    ck_assert_int_eq(sdpx_parse("v=0\r\n", 5, &opt, &s, &e), SDPX_ENOMEM);
    ck_assert_ptr_null(s);
    ck_assert_int_eq(e.code, SDPX_ENOMEM);
}
END_TEST

/* The arena is sized from the input length for lines of a dozen bytes; a
 * description of shorter lines grows its line and media arrays as it goes:
 * every line and section is there, all memory is given back, and a failing
 * allocation on the way is a clean SDPX_ENOMEM. */
typedef struct {
    counter c;
    int fail_at; /* 1-based allocation that fails; 0: none */
} failing_counter;

static void *count_or_fail(void *ctx, size_t n)
{
    failing_counter *f = ctx;
    if (f->fail_at && f->c.allocs + 1 == f->fail_at) {
        f->c.allocs++;
        return NULL;
    }
    return count_alloc(&f->c, n);
}

static void release_counted(void *ctx, void *p, size_t n)
{
    count_release(&((failing_counter *)ctx)->c, p, n);
}

START_TEST(test_short_lines_grow)
{
    /* 3000 sections of "m=x 9 P 0" and 3000 lines "a=x" at 5 bytes each */
    size_t cap = 64 + 3000 * 16, len = 0;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    len += (size_t)snprintf(text, cap, "v=0\r\n");
    for (int i = 0; i < 3000; i++)
        len += (size_t)snprintf(text + len, cap - len, "m=x 9 P 0\na=x\n");
    failing_counter f;
    memset(&f, 0, sizeof f);
    sdpx_allocator al = {count_or_fail, release_counted, &f};
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.allocator = &al;
    sdpx_session *s;
    sdpx_error e;
    ck_assert_int_eq(sdpx_parse(text, len, &opt, &s, &e), 0);
    ck_assert_uint_eq(sdpx_session_media_count(s), 3000);
    ck_assert_uint_eq(sdpx_session_line_count(s), 1);
    for (size_t i = 0; i < 3000; i += 999) {
        const sdpx_media *m = sdpx_session_media(s, i);
        ck_assert_uint_eq(sdpx_media_line_count(m), 2);
        ck_assert_uint_eq(sdpx_line_number(sdpx_media_line(m, 0)), 2 + 2 * i);
        ck_assert_str_view(sdpx_attr_name(sdpx_media_line(m, 1)), "x");
    }
    int total = f.c.allocs;
    ck_assert_int_gt(total, 1); /* the arrays grew */
    char *out = sdpx_write_alloc(s, SDPX_WRITE_KEEP_LF, NULL);
    static const char head[] = "v=0\r\nm=x 9 P 0\na=x\nm=x 9 P 0\n";
    ck_assert_int_eq(memcmp(out, head, sizeof head - 1), 0);
    sdpx_free(out);
    sdpx_session_free(s);
    ck_assert_int_eq(f.c.releases, total);
    ck_assert_uint_eq(f.c.live, 0);
    for (int n = 1; n <= total; n++) {
        memset(&f, 0, sizeof f);
        f.fail_at = n;
        ck_assert_int_eq(sdpx_parse(text, len, &opt, &s, &e), SDPX_ENOMEM);
        ck_assert_ptr_null(s);
        ck_assert_int_eq(e.code, SDPX_ENOMEM);
        ck_assert_int_eq(f.c.releases, f.c.allocs - 1);
        ck_assert_uint_eq(f.c.live, 0);
    }
    free(text);
}
END_TEST

/* sdpx_check_limits: the limits given hold for the lint's parses (strict
 * and the semantic pass alike); NULL takes the defaults, and a raised
 * max_input accepts what sdpx_check refuses. */
typedef struct {
    int errors;
    int limit_errors;
} lint_count;

static void count_lint(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    lint_count *c = ctx;
    if (sev == SDPX_SEV_ERROR) {
        c->errors++;
        c->limit_errors += e->code == SDPX_ELIMIT;
    }
}

START_TEST(test_check_limits)
{
    static const char text[] = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                               "m=audio 9 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    size_t len = strlen(text);
    sdpx_limits lim;
    memset(&lim, 0, sizeof lim);
    lim.max_input = len - 1;
    for (unsigned flags = 0; flags <= SDPX_PARSE_STRICT; flags += SDPX_PARSE_STRICT) {
        lint_count c = {0, 0};
        ck_assert_int_eq(sdpx_check_limits(text, len, flags, NULL, count_lint, &c), 0);
        ck_assert_int_eq(sdpx_check_limits(text, len, flags, &lim, count_lint, &c), 1);
        ck_assert_int_eq(c.errors, 1);
        ck_assert_int_eq(c.limit_errors, 1);
    }
    ck_assert_int_eq(sdpx_check_limits(text, len, 2u, NULL, NULL, NULL), SDPX_EINVAL);

    /* 17 MB: over the default, under a raised limit */
    size_t big = 17u << 20, n = 0;
    char *p = malloc(big + 61000); /* the last line may pass `big` */
    ck_assert_ptr_nonnull(p);
    n += (size_t)snprintf(p, 1024, "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n");
    while (n < big) {
        memcpy(p + n, "a=x-pad:", 8);
        memset(p + n + 8, 'A', 60000);
        memcpy(p + n + 60008, "\r\n", 2);
        n += 60010;
    }
    ck_assert_int_eq(sdpx_check(p, n, 0, NULL, NULL), 1);
    lim.max_input = (size_t)32 << 20;
    ck_assert_int_eq(sdpx_check_limits(p, n, 0, &lim, NULL, NULL), 0);
    ck_assert_int_eq(sdpx_check_limits(p, n, SDPX_PARSE_STRICT, &lim, NULL, NULL), 0);
    free(p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("limits");
    TCase *tc = tcase_create("limits");
    tcase_add_loop_test(tc, test_limits, 0, sizeof limit_cases / sizeof limit_cases[0]);
    suite_add_tcase(s, tc);
    TCase *mem = tcase_create("memory");
    tcase_add_test(mem, test_one_allocation_per_parse);
    tcase_add_test(mem, test_scratch_memory);
    tcase_add_test(mem, test_out_of_memory);
    tcase_add_test(mem, test_short_lines_grow);
    tcase_add_test(mem, test_check_limits);
    suite_add_tcase(s, mem);
    return run_suite(s);
}
