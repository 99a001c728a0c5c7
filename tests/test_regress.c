/* Regression tests: every input that once crashed, overread, leaked or
 * misbehaved, written inline, with the behaviour it must have now. */
#include "testutil.h"

#include <stdint.h>

/* ---- a counting allocator ------------------------------------------- */

typedef struct {
    unsigned calls;
    unsigned live;
} counter;

static void *count_alloc(void *ctx, size_t n)
{
    counter *c = ctx;
    void *p = malloc(n);
    if (p) {
        c->calls++;
        c->live++;
    }
    return p;
}

static void count_release(void *ctx, void *p, size_t n)
{
    counter *c = ctx;
    (void)n;
    if (p)
        c->live--;
    free(p);
}

/* ---- the cases ------------------------------------------------------ */

typedef struct {
    const char *name;  /* what went wrong, and where */
    const char *input; /* the input, as found (NUL-free unless len says otherwise) */
    size_t len;        /* 0: strlen(input) */
    unsigned flags;    /* parse flags */
    int rc;            /* expected sdpx_parse result */
} regress_case;

static const regress_case cases[] = {
    /* src/core/parse.c: the arena was sized 8 bytes short (the media pointer
     * array had one byte more than `need` counted), so a parse into scratch
     * memory of exactly err.need bytes wrote through NULL in new_media, and
     * a heap parse made a second allocation. */
    {"scratch-need-with-media",
     "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\na=rtcp-mux\r\n", 0,
     0, 0},
    {"scratch-need-without-media", "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n", 0, 0, 0},
    {"scratch-need-many-media",
     "v=0\r\ns=-\r\nm=audio 1 RTP/AVP 0\r\nm=video 2 RTP/AVP 96\r\nm=application 3 "
     "UDP/DTLS/SCTP webrtc-datachannel\r\nm=audio 4 RTP/AVP 8\r\n",
     0, 0, 0},
    {"scratch-need-strict", "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n",
     0, SDPX_PARSE_STRICT, 0},
};

#define NCASES (sizeof cases / sizeof cases[0])

static size_t case_len(const regress_case *c)
{
    return c->len ? c->len : strlen(c->input);
}

/* The heap path: the expected result, at most one allocation, nothing left. */
START_TEST(heap_parse)
{
    const regress_case *c = &cases[_i];
    counter cnt = {0, 0};
    sdpx_allocator al = {count_alloc, count_release, &cnt};
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = c->flags;
    opt.allocator = &al;
    sdpx_session *s = NULL;
    sdpx_error e;
    int rc = sdpx_parse(c->input, case_len(c), &opt, &s, &e);
    ck_assert_msg(rc == c->rc, "%s: rc %d (%s), expected %d", c->name, rc, e.msg, c->rc);
    ck_assert_msg(cnt.calls <= 1, "%s: %u allocations, expected at most 1", c->name, cnt.calls);
    if (s) {
        char *out = sdpx_write_alloc(s, 0, NULL);
        ck_assert_ptr_nonnull(out);
        sdpx_free(out);
    }
    sdpx_session_free(s);
    ck_assert_msg(cnt.live == 0, "%s: %u blocks not released", c->name, cnt.live);
}
END_TEST

/* The scratch path: too little gives ESCRATCH and `need`; exactly `need`
 * (aligned or not) succeeds without a single allocator call. */
START_TEST(scratch_parse)
{
    const regress_case *c = &cases[_i];
    if (c->rc != 0)
        return;
    counter cnt = {0, 0};
    sdpx_allocator al = {count_alloc, count_release, &cnt};
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = c->flags | SDPX_PARSE_NO_HEAP;
    opt.allocator = &al;
    sdpx_session *s = NULL;
    sdpx_error e;
    int rc = sdpx_parse(c->input, case_len(c), &opt, &s, &e);
    ck_assert_int_eq(rc, SDPX_ESCRATCH);
    ck_assert_ptr_null(s);
    size_t need = e.need;
    ck_assert_uint_gt(need, case_len(c));

    for (size_t misalign = 0; misalign < 8; misalign++) {
        char *mem = malloc(need + 8);
        ck_assert_ptr_nonnull(mem);
        opt.scratch = mem + misalign;
        opt.scratch_size = need;
        rc = sdpx_parse(c->input, case_len(c), &opt, &s, &e);
        if (rc == SDPX_ESCRATCH) {
            /* a misaligned region may cost up to 7 bytes; the new need says so */
            ck_assert_uint_gt(misalign, 0);
            ck_assert_uint_le(e.need, need + 7);
            opt.scratch_size = e.need;
            rc = sdpx_parse(c->input, case_len(c), &opt, &s, &e);
        }
        ck_assert_msg(rc == 0, "%s (misalign %zu): rc %d %s", c->name, misalign, rc, e.msg);
        ck_assert_ptr_nonnull(s);
        ck_assert_uint_eq(sdpx_write(s, 0, NULL, 0), case_len(c));
        sdpx_session_free(s);
        s = NULL;
        free(mem);
    }
    ck_assert_uint_eq(cnt.calls, 0);
}
END_TEST

/* src/core/parse.c: with SDPX_PARSE_ALL_ERRORS the parse returned the code of
 * a later stopping error (first line not v=0, a limit) while err held the
 * first error; the documented result is the first error. Found by
 * fuzz_parse (e.code == rc). */
typedef struct {
    const char *input;
    size_t max_media;
    int rc;          /* the first error: what sdpx_parse must return */
    unsigned errors; /* error diagnostics delivered */
} first_error_case;

static const first_error_case first_error_cases[] = {
    /* NUL on line 1, then the first typed line is not v=0 */
    {"x\001\no=- 1 1 IN IP4 0.0.0.0\n", 0, SDPX_ENUL, 2},
    /* stray CR on line 2, then more media sections than the limit */
    {"v=0\na\rb\nm=audio 1 RTP/AVP 0\nm=audio 2 RTP/AVP 0\n", 1, SDPX_ECR, 2},
    /* NUL on line 2 and nothing after it */
    {"v=0\n\001\n", 0, SDPX_ENUL, 1},
};

static void count_errors(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    (void)e;
    if (sev == SDPX_SEV_ERROR)
        ++*(unsigned *)ctx;
}

START_TEST(all_errors_returns_first)
{
    const first_error_case *c = &first_error_cases[_i];
    unsigned errors = 0;
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = SDPX_PARSE_ALL_ERRORS;
    opt.limits.max_media = c->max_media;
    opt.diag = count_errors;
    opt.diag_ctx = &errors;
    sdpx_session *s = NULL;
    sdpx_error e;
    /* byte 1 stands in for a NUL, which strlen would stop at */
    char buf[128];
    size_t len = strlen(c->input);
    memcpy(buf, c->input, len);
    for (size_t i = 0; i < len; i++)
        if (buf[i] == '\001')
            buf[i] = '\0';
    int rc = sdpx_parse(buf, len, &opt, &s, &e);
    ck_assert_int_eq(rc, c->rc);
    ck_assert_int_eq(e.code, c->rc);
    ck_assert_ptr_null(s);
    ck_assert_uint_eq(errors, c->errors);
}
END_TEST

/* src/base/tokenize.c: sdpx_field_next computed NULL + 0 for an empty view
 * {NULL, 0} (undefined behaviour, reported by UBSan when a decoder's absent
 * field was split). Every view-taking core function must accept {NULL, 0}
 * and find nothing in it; this test matters under -fsanitize=undefined. */
START_TEST(null_empty_views)
{
    sdpx_str none = {NULL, 0}, f, name, val;
    sdpx_str rest = none;
    ck_assert_int_eq(sdpx_field_next(&rest, &f), 0);
    ck_assert_uint_eq(rest.len, 0);
    int has = 1;
    sdpx_attr_split(none, &name, &val, &has);
    ck_assert_int_eq(has, 0);
    ck_assert_uint_eq(name.len + val.len, 0);
    uint64_t u;
    int64_t i64;
    ck_assert_int_eq(sdpx_str_u64(none, &u), SDPX_EFIELD);
    ck_assert_int_eq(sdpx_str_eq(none, ""), 1);
    ck_assert_int_eq(sdpx_str_ieq(none, ""), 1);
    sdpx_origin o;
    sdpx_connection c;
    sdpx_bandwidth b;
    sdpx_timing t;
    sdpx_repeat r;
    sdpx_key k;
    sdpx_mline m;
    ck_assert_int_lt(sdpx_origin_parse(none, &o), 0);
    ck_assert_int_lt(sdpx_connection_parse(none, &c), 0);
    ck_assert_int_lt(sdpx_bandwidth_parse(none, &b), 0);
    ck_assert_int_lt(sdpx_timing_parse(none, &t), 0);
    ck_assert_int_lt(sdpx_typed_time_parse(none, &i64), 0);
    ck_assert_int_lt(sdpx_repeat_parse(none, &r), 0);
    rest = none;
    ck_assert_int_eq(sdpx_zone_next(&rest, &u, &i64), 0);
    ck_assert_int_lt(sdpx_key_parse(none, &k), 0);
    ck_assert_int_lt(sdpx_mline_parse(none, &m), 0);
    ck_assert_int_eq(sdpx_attr_kind_from_name(none), SDPX_ATTR_OTHER);
}
END_TEST

/* src/edit/attrs.c: sdpx_line_remove refused only the first line of a part, so
 * with a blank line before v=0 (accepted by the lenient parser) it removed
 * the v= line and left a description that no longer parses. Found by
 * fuzz_edit (edited session does not re-parse). */
START_TEST(line_remove_keeps_v_after_blank)
{
    static const char text[] = "\r\nv=0\r\ns=-\r\nt=0 0\r\nv=0\r\n";
    sdpx_session *s = parse_ok(text, 0);
    ck_assert_uint_eq(sdpx_session_line_count(s), 5);
    /* both v= lines stay, the first (index 1) and a duplicate (index 4) */
    ck_assert_int_eq(sdpx_line_remove(s, sdpx_session_line(s, 1)), SDPX_EINVAL);
    ck_assert_int_eq(sdpx_line_remove(s, sdpx_session_line(s, 4)), SDPX_EINVAL);
    ck_assert_int_eq(sdpx_line_remove(s, sdpx_session_line(s, 2)), 0); /* s= may go */
    ck_assert_uint_eq(sdpx_session_line_count(s), 4);
    char *w = sdpx_write_alloc(s, 0, NULL);
    ck_assert_ptr_nonnull(w);
    ck_assert_str_eq(w, "\r\nv=0\r\nt=0 0\r\nv=0\r\n");
    sdpx_session *again = parse_ok(w, 0);
    sdpx_session_free(again);
    sdpx_free(w);
    sdpx_session_free(s);
}
END_TEST

/* src/core/parse.c: input of blank lines only ("\r\n", " \n\t") parsed as a
 * session without any v= line; an edit then made it text that no longer
 * parses. RFC 8866 5.1: a description starts with v=0. Found by fuzz_edit. */
static const char *const blank_only[] = {"\r\n", "\n", " ", "\t\r\n \r\n", "\n\n\n"};

START_TEST(blank_lines_only_rejected)
{
    const char *text = blank_only[_i];
    for (int strict = 0; strict < 2; strict++) {
        sdpx_parse_options opt;
        memset(&opt, 0, sizeof opt);
        opt.flags = strict ? SDPX_PARSE_STRICT : 0;
        sdpx_session *s = NULL;
        sdpx_error e;
        int rc = sdpx_parse(text, strlen(text), &opt, &s, &e);
        ck_assert_int_eq(rc, strict ? SDPX_ESYNTAX : SDPX_EVERSION);
        ck_assert_ptr_null(s);
    }
    ck_assert_int_eq(sdpx_check(text, strlen(text), 0, NULL, NULL), 1);
}
END_TEST

/* src/core/write.c: the writer copied runs of parsed lines in one block when the
 * gap between two lines had the length of the ending owed; after removing
 * an empty line between two LF-ended lines the gap "\n\n" had that length,
 * so the removed line came back (and the ending stayed LF). Found by
 * fuzz_edit (re-parse has one line more). */
typedef struct {
    const char *input;
    size_t remove; /* session line index to remove */
    unsigned wflags;
    const char *output;
} removal_case;

static const removal_case removal_cases[] = {
    {"v=0\ns=\n\nt=0 0\n", 2, 0, "v=0\r\ns=\r\nt=0 0\r\n"},
    {"v=0\ns=\n\nt=0 0\n", 2, SDPX_WRITE_KEEP_LF, "v=0\ns=\nt=0 0\n"},
    {"v=0\r\ns=\r\n\r\nt=0 0\r\n", 2, 0, "v=0\r\ns=\r\nt=0 0\r\n"},
    {"v=0\ns=-\ni=x\nt=0 0\n", 2, 0, "v=0\r\ns=-\r\nt=0 0\r\n"},
    {"v=0\ns=-\n\n\nt=0 0", 3, 0, "v=0\r\ns=-\r\n\r\nt=0 0\r\n"},
};

START_TEST(write_after_line_removal)
{
    const removal_case *c = &removal_cases[_i];
    sdpx_session *s = parse_ok(c->input, 0);
    ck_assert_int_eq(sdpx_line_remove(s, sdpx_session_line(s, c->remove)), 0);
    char *w = sdpx_write_alloc(s, c->wflags, NULL);
    ck_assert_ptr_nonnull(w);
    ck_assert_str_eq(w, c->output);
    sdpx_free(w);
    sdpx_session_free(s);
}
END_TEST

/* Found by fuzz_edit: a description of more media sections than its length
 * suggests (short sections) took the records past the parse's estimate from
 * an ordinary arena block, which compaction then released: every handle to
 * those sections, and the writer, read freed memory. The release here
 * scribbles over a block before freeing it, so a read of one shows. */
static void scribble_release(void *ctx, void *p, size_t n)
{
    if (p)
        memset(p, 0xa5, n);
    count_release(ctx, p, n);
}

START_TEST(media_handles_survive_compaction)
{
    /* 300 sections of 21 bytes: twenty times what the length suggests */
    size_t cap = 64 + 300 * 32, len = 0;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    len += (size_t)snprintf(text, cap, "v=0\r\no=- 1 1 IN IP4 x\r\ns=-\r\nt=0 0\r\n");
    for (int i = 0; i < 300; i++)
        len += (size_t)snprintf(text + len, cap - len, "m=audio %d RTP/AVP 0\r\n", 1000 + i);
    counter cnt = {0, 0};
    sdpx_allocator al = {count_alloc, scribble_release, &cnt};
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.allocator = &al;
    sdpx_session *s = NULL;
    ck_assert_int_eq(sdpx_parse(text, len, &opt, &s, NULL), 0);
    const sdpx_media *last = sdpx_session_media(s, 299);
    ck_assert_int_eq(sdpx_session_compact(s), 0);
    /* the handle taken before compaction still reads its section */
    ck_assert_uint_eq(sdpx_media_index(last), 299);
    ck_assert_uint_eq(sdpx_media_line_count(last), 1);
    ck_assert_str_view(sdpx_line_text(sdpx_media_line(last, 0)), "m=audio 1299 RTP/AVP 0");
    char *w = sdpx_write_alloc(s, 0, NULL);
    ck_assert_ptr_nonnull(w);
    ck_assert_str_eq(w, text);
    sdpx_free(w);
    sdpx_session_free(s);
    ck_assert_uint_eq(cnt.live, 0);
    free(text);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("regress");
    TCase *tc = tcase_create("inputs");
    tcase_add_loop_test(tc, heap_parse, 0, (int)NCASES);
    tcase_add_loop_test(tc, scratch_parse, 0, (int)NCASES);
    tcase_add_loop_test(tc, all_errors_returns_first, 0,
                        (int)(sizeof first_error_cases / sizeof first_error_cases[0]));
    tcase_add_test(tc, null_empty_views);
    tcase_add_test(tc, line_remove_keeps_v_after_blank);
    tcase_add_loop_test(tc, blank_lines_only_rejected, 0,
                        (int)(sizeof blank_only / sizeof blank_only[0]));
    tcase_add_loop_test(tc, write_after_line_removal, 0,
                        (int)(sizeof removal_cases / sizeof removal_cases[0]));
    tcase_add_test(tc, media_handles_survive_compaction);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
