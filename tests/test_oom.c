/* Out of memory and scratch memory: a test allocator fails the Nth
 * allocation for every N; each failure must give a clean SDPX_ENOMEM and
 * leave nothing allocated; an edit that fails changes nothing. Scratch
 * memory without heap must report the size it needs, and that size must
 * then be enough with no allocator call. */
#include "testutil.h"

#include <stdint.h>

/* ---- a failing, bookkeeping allocator -------------------------------- */

#define MAX_LIVE 256

typedef struct {
    unsigned fail_at; /* 1-based call number that fails; 0: never */
    unsigned calls;   /* calls to alloc, failed ones included */
    unsigned live;    /* blocks not yet released */
    size_t live_bytes;
    struct {
        void *p;
        size_t n;
    } blocks[MAX_LIVE];
} test_alloc;

static void *ta_alloc(void *ctx, size_t n)
{
    test_alloc *t = ctx;
    t->calls++;
    if (t->fail_at && t->calls == t->fail_at)
        return NULL;
    void *p = malloc(n);
    if (!p)
        return NULL;
    for (size_t i = 0; i < MAX_LIVE; i++) {
        if (!t->blocks[i].p) {
            t->blocks[i].p = p;
            t->blocks[i].n = n;
            t->live++;
            t->live_bytes += n;
            return p;
        }
    }
    ck_abort_msg("test allocator: more than %d live blocks", MAX_LIVE);
    return NULL;
}

static void ta_release(void *ctx, void *p, size_t n)
{
    test_alloc *t = ctx;
    for (size_t i = 0; i < MAX_LIVE; i++) {
        if (t->blocks[i].p == p) {
            /* the library gives back the size it asked for */
            ck_assert_uint_eq(t->blocks[i].n, n);
            t->blocks[i].p = NULL;
            t->live--;
            t->live_bytes -= n;
            free(p);
            return;
        }
    }
    ck_abort_msg("test allocator: release of a block it never gave out");
}

static void ta_init(test_alloc *t, sdpx_allocator *al, unsigned fail_at)
{
    memset(t, 0, sizeof *t);
    t->fail_at = fail_at;
    al->alloc = ta_alloc;
    al->release = ta_release;
    al->ctx = t;
}

/* ---- inputs ---------------------------------------------------------- */

static const char offer[] =
    "v=0\r\n"
    "o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n"
    "s=-\r\n"
    "t=0 0\r\n"
    "a=group:BUNDLE 0 1\r\n"
    "a=msid-semantic: WMS s\r\n"
    "m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\n"
    "c=IN IP4 0.0.0.0\r\n"
    "a=rtcp:9 IN IP4 0.0.0.0\r\n"
    "a=candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host generation 0\r\n"
    "a=ice-ufrag:8hhY\r\n"
    "a=ice-pwd:asd88fgpdd777uzjYhagZg\r\n"
    "a=fingerprint:sha-256 D2:FA:0E:C3:22:59:5E:14:95:69:92:3D:13:B4:84:24:2C:C2:A2:C0:3E:FD:34:"
    "8E:5E:EA:6F:AF:52:CE:E6:0F\r\n"
    "a=setup:actpass\r\n"
    "a=mid:0\r\n"
    "a=sendrecv\r\n"
    "a=rtcp-mux\r\n"
    "a=rtpmap:111 opus/48000/2\r\n"
    "a=fmtp:111 minptime=10;useinbandfec=1\r\n"
    "a=rtpmap:0 PCMU/8000\r\n"
    "m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\n"
    "c=IN IP4 0.0.0.0\r\n"
    "a=mid:1\r\n"
    "a=rtpmap:96 VP8/90000\r\n"
    "a=rtpmap:97 rtx/90000\r\n"
    "a=fmtp:97 apt=96\r\n"
    "a=ssrc-group:FID 1 2\r\n"
    "a=ssrc:1 cname:x\r\n";

/* lenient quirks: LF endings, blank line, unknown type, no final newline */
static const char quirky[] = "v=0\no=- 1 1 IN IP4 0.0.0.0\ns=x\n\nt=0 0\nx=what\n"
                             "m=audio 9 RTP/AVP 0\na=rtcp-mux \na=weird name";

/* fails in both modes, after allocation (a port out of range on line 5) */
static const char bad[] = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 70000 RTP/AVP 0\r\n";

typedef struct {
    const char *name;
    const char *text;
    unsigned flags;
    int rc; /* the result with enough memory */
} oom_case;

static void ignore_diag(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    (void)sev;
    (void)e;
    ++*(unsigned *)ctx;
}

static const oom_case cases[] = {
    {"offer lenient", offer, 0, 0},
    {"offer strict", offer, SDPX_PARSE_STRICT, 0},
    {"offer all-errors", offer, SDPX_PARSE_ALL_ERRORS, 0},
    {"quirky lenient", quirky, 0, 0},
    {"quirky all-errors", quirky, SDPX_PARSE_ALL_ERRORS, 0},
    {"quirky strict", quirky, SDPX_PARSE_STRICT, SDPX_ESYNTAX},
    {"bad lenient", bad, 0, SDPX_ERANGE},
    {"bad strict all-errors", bad, SDPX_PARSE_STRICT | SDPX_PARSE_ALL_ERRORS, SDPX_ERANGE},
};

#define NCASES (sizeof cases / sizeof cases[0])

static int parse_with(const oom_case *c, test_alloc *t, unsigned fail_at, sdpx_session **s,
                      sdpx_error *e)
{
    sdpx_allocator al;
    ta_init(t, &al, fail_at);
    unsigned ndiag = 0;
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = c->flags;
    opt.allocator = &al;
    opt.diag = ignore_diag; /* diagnostics run the attribute checks too */
    opt.diag_ctx = &ndiag;
    *s = NULL;
    return sdpx_parse(c->text, strlen(c->text), &opt, s, e);
}

/* Fail every allocation in turn: a clean ENOMEM, no session, no leak. */
START_TEST(parse_fails_each_allocation)
{
    const oom_case *c = &cases[_i];
    test_alloc t;
    sdpx_session *s;
    sdpx_error e;
    int rc = parse_with(c, &t, 0, &s, &e);
    ck_assert_msg(rc == c->rc, "%s: %s", c->name, e.msg);
    unsigned total = t.calls;
    ck_assert_uint_ge(total, 1);
    /* RFC-sized offers cost one allocation (issue promise, sdp.h) */
    ck_assert_uint_eq(total, 1);
    sdpx_session_free(s);
    ck_assert_uint_eq(t.live, 0);

    for (unsigned n = 1; n <= total; n++) {
        rc = parse_with(c, &t, n, &s, &e);
        ck_assert_msg(rc == SDPX_ENOMEM, "%s, allocation %u failing: rc %d", c->name, n, rc);
        ck_assert_int_eq(e.code, SDPX_ENOMEM);
        ck_assert_ptr_null(s);
        ck_assert_uint_eq(t.live, 0);
        ck_assert_uint_eq(t.live_bytes, 0);
    }
    /* one more than needed: the normal result again */
    rc = parse_with(c, &t, total + 1, &s, &e);
    ck_assert_int_eq(rc, c->rc);
    sdpx_session_free(s);
    ck_assert_uint_eq(t.live, 0);
}
END_TEST

/* sdpx_write never touches the allocator, whatever the buffer size. */
START_TEST(write_does_not_allocate)
{
    const oom_case *c = &cases[_i];
    if (c->rc != 0)
        return;
    test_alloc t;
    sdpx_session *s;
    sdpx_error e;
    ck_assert_int_eq(parse_with(c, &t, 0, &s, &e), 0);
    unsigned calls = t.calls;
    t.fail_at = calls + 1; /* any further call would fail */
    size_t n = sdpx_write(s, 0, NULL, 0);
    char *full = malloc(n + 1);
    ck_assert_ptr_nonnull(full);
    ck_assert_uint_eq(sdpx_write(s, 0, full, n + 1), n);
    for (size_t cap = 0; cap <= n + 1; cap++) {
        char *buf = malloc(cap ? cap : 1);
        ck_assert_ptr_nonnull(buf);
        ck_assert_uint_eq(sdpx_write(s, SDPX_WRITE_KEEP_LF, buf, cap),
                          sdpx_write(s, SDPX_WRITE_KEEP_LF, NULL, 0));
        ck_assert_uint_eq(sdpx_write(s, 0, buf, cap), n);
        if (cap) {
            ck_assert_int_eq(memcmp(buf, full, cap - 1), 0);
            ck_assert_int_eq(buf[cap - 1], '\0');
        }
        free(buf);
    }
    free(full);
    ck_assert_uint_eq(t.calls, calls);
    sdpx_session_free(s);
    ck_assert_uint_eq(t.live, 0);
}
END_TEST

/* NO_HEAP: every scratch size below `need` gives SDPX_ESCRATCH with the same
 * `need`; exactly `need` succeeds with zero allocator calls. */
START_TEST(scratch_need_is_exact)
{
    const oom_case *c = &cases[_i];
    if (c->rc != 0)
        return;
    size_t len = strlen(c->text);
    test_alloc t;
    sdpx_allocator al;
    ta_init(&t, &al, 0);
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = c->flags | SDPX_PARSE_NO_HEAP;
    opt.allocator = &al;
    sdpx_session *s = NULL;
    sdpx_error e;

    /* no scratch at all */
    ck_assert_int_eq(sdpx_parse(c->text, len, &opt, &s, &e), SDPX_ESCRATCH);
    ck_assert_int_eq(e.code, SDPX_ESCRATCH);
    ck_assert_ptr_null(s);
    size_t bare = e.need;
    ck_assert_uint_gt(bare, len);

    /* with a region, `need` also covers aligning its start (up to 7 bytes) */
    uint64_t *mem = malloc(bare + 16);
    ck_assert_ptr_nonnull(mem);
    opt.scratch = mem;
    opt.scratch_size = 0;
    ck_assert_int_eq(sdpx_parse(c->text, len, &opt, &s, &e), SDPX_ESCRATCH);
    size_t need = e.need;
    ck_assert_uint_ge(need, bare);
    ck_assert_uint_le(need, bare + 7);

    /* every size short of what an aligned region needs fails the same way */
    for (size_t size = 0; size < bare; size += 1 + size / 64) {
        opt.scratch_size = size;
        ck_assert_int_eq(sdpx_parse(c->text, len, &opt, &s, &e), SDPX_ESCRATCH);
        ck_assert_ptr_null(s);
        ck_assert_uint_eq(e.need, need);
    }
    opt.scratch_size = bare - 1;
    ck_assert_int_eq(sdpx_parse(c->text, len, &opt, &s, &e), SDPX_ESCRATCH);

    /* a misaligned region of `need` bytes is enough too */
    opt.scratch = (char *)mem + 3;
    opt.scratch_size = need;
    ck_assert_int_eq(sdpx_parse(c->text, len, &opt, &s, &e), 0);
    sdpx_session_free(s);
    opt.scratch = mem;

    opt.scratch_size = need;
    ck_assert_int_eq(sdpx_parse(c->text, len, &opt, &s, &e), 0);
    ck_assert_ptr_nonnull(s);
    /* the session owns its copy: the caller's input may go */
    char *w = sdpx_write_alloc(s, 0, NULL);
    ck_assert_ptr_nonnull(w);
    sdpx_free(w);
    sdpx_session_free(s);
    ck_assert_uint_eq(t.calls, 0);

    /* scratch that is too small without NO_HEAP: one heap allocation instead */
    opt.flags = c->flags;
    opt.scratch_size = need / 2;
    ck_assert_int_eq(sdpx_parse(c->text, len, &opt, &s, &e), 0);
    ck_assert_uint_eq(t.calls, 1);
    sdpx_session_free(s);
    ck_assert_uint_eq(t.live, 0);

    /* enough scratch and an allocator that always fails: never asked */
    t.fail_at = t.calls + 1;
    opt.scratch_size = need;
    ck_assert_int_eq(sdpx_parse(c->text, len, &opt, &s, &e), 0);
    sdpx_session_free(s);
    ck_assert_uint_eq(t.calls, 1);
    free(mem);
}
END_TEST

/* A failed parse in scratch memory leaves nothing behind either (the
 * scratch memory is the caller's; the allocator is never called). */
START_TEST(scratch_failure_is_clean)
{
    test_alloc t;
    sdpx_allocator al;
    ta_init(&t, &al, 1);
    static uint64_t mem[1024];
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = SDPX_PARSE_NO_HEAP | SDPX_PARSE_STRICT;
    opt.allocator = &al;
    opt.scratch = mem;
    opt.scratch_size = sizeof mem;
    sdpx_session *s = NULL;
    sdpx_error e;
    ck_assert_int_eq(sdpx_parse(bad, strlen(bad), &opt, &s, &e), SDPX_ERANGE);
    ck_assert_uint_eq(e.line, 5);
    ck_assert_ptr_null(s);
    ck_assert_uint_eq(t.calls, 0);
}
END_TEST

/* ---- edits -------------------------------------------------------------- */

/* An edit scenario: a list of edits applied in order. Each returns >= 0 or
 * a negative code; the checker below makes every failure clean. */
typedef int (*edit_fn)(sdpx_session *s, unsigned i);

static int scen_attrs(sdpx_session *s, unsigned i)
{
    char v[160];
    snprintf(v, sizeof v, "%u-%0120u", i, i);
    return i % 2 ? sdpx_session_attr_add(s, "x-long", v)
                 : sdpx_media_attr_add(sdpx_session_media_mut(s, i % sdpx_session_media_count(s)),
                                       "x-long", v);
}

static int scen_media(sdpx_session *s, unsigned i)
{
    sdpx_media *m0 = sdpx_session_media_mut(s, 0);
    switch (i % 8) {
    case 0: return sdpx_session_media_add(s, 1, "audio 9 RTP/AVP 0 8 96", NULL);
    case 1: return sdpx_media_set_fmtp_param(m0, 111, "stereo", "1");
    case 2: {
        const char *pref[] = {"PCMU", "opus"};
        return sdpx_media_prefer_codecs(m0, pref, 2);
    }
    case 3: return sdpx_session_remove_codec(s, "rtx", NULL);
    case 4: return sdpx_media_set_direction(m0, SDPX_DIR_SENDONLY);
    case 5: return sdpx_session_set_name(s, "a longer session name than before");
    case 6: return sdpx_session_bump_version(s);
    default: return sdpx_session_redact(s);
    }
}

static int scen_ice(sdpx_session *s, unsigned i)
{
    sdpx_media *m0 = sdpx_session_media_mut(s, 0);
    char c[160];
    switch (i % 6) {
    case 0: return sdpx_session_set_ice_credentials(s, "abcd", "0123456789abcdefghijkl");
    case 1:
    case 2:
        snprintf(c, sizeof c, "candidate:%u 1 udp 2122260223 198.51.100.%u %u typ host", i,
                 i % 250, 40000 + i);
        return sdpx_media_add_candidate(m0, c);
    case 3: return sdpx_session_set_fingerprint(s, "sha-256 D2:FA:0E:C3:22:59:5E:14:95:69:92:3D:13:"
                                                   "B4:84:24:2C:C2:A2:C0:3E:FD:34:8E:5E:EA:6F:AF:52:CE:E6:0F");
    case 4: return sdpx_session_group_remove_mid(s, "1");
    default: return sdpx_media_set_connection(m0, "IN IP4 203.0.113.77");
    }
}

typedef struct {
    const char *name;
    edit_fn fn;
    unsigned count;
} edit_case;

static const edit_case edit_cases[] = {
    {"attributes", scen_attrs, 60},
    {"media and codecs", scen_media, 16},
    {"ICE and DTLS", scen_ice, 24},
};

#define NEDIT (sizeof edit_cases / sizeof edit_cases[0])

/* Run a scenario on a fresh session whose allocator fails its `fail_at`th
 * call (0: never); every failed edit must fail cleanly. Returns the number
 * of allocator calls the edits made, the failures seen in *failures and
 * (when final is not NULL) the text the scenario ends with. */
static unsigned run_edits(const edit_case *c, unsigned fail_at, unsigned *failures, int no_heap,
                          char **final)
{
    test_alloc t;
    sdpx_allocator al;
    ta_init(&t, &al, 0);
    static uint64_t scratch[4096];
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.allocator = &al;
    if (no_heap) {
        /* exactly the scratch the parse needs: scratch beyond that would
         * serve the edits, and these must run out of room */
        sdpx_session *probe;
        sdpx_error pe;
        opt.flags = SDPX_PARSE_NO_HEAP;
        ck_assert_int_eq(sdpx_parse(offer, strlen(offer), &opt, &probe, &pe), SDPX_ESCRATCH);
        ck_assert_uint_le(pe.need, sizeof scratch);
        opt.scratch = scratch;
        opt.scratch_size = pe.need;
    }
    sdpx_session *s = NULL;
    sdpx_error e;
    ck_assert_int_eq(sdpx_parse(offer, strlen(offer), &opt, &s, &e), 0);
    unsigned base = t.calls;
    t.fail_at = fail_at ? base + fail_at : 0;
    *failures = 0;
    size_t n0 = 0;
    char *before = sdpx_write_alloc(s, 0, &n0);
    ck_assert_ptr_nonnull(before);
    for (unsigned i = 0; i < c->count; i++) {
        int rc = c->fn(s, i);
        size_t n1 = 0;
        char *after = sdpx_write_alloc(s, 0, &n1);
        ck_assert_ptr_nonnull(after);
        if (rc < 0) {
            ck_assert_msg(rc == (no_heap ? SDPX_ESCRATCH : SDPX_ENOMEM) || rc == SDPX_EINVAL ||
                              rc == SDPX_ENOTFOUND,
                          "%s edit %u: %s", c->name, i, sdpx_code_name(rc));
            if (rc == SDPX_ENOMEM || rc == SDPX_ESCRATCH)
                ++*failures;
            /* a failed edit leaves the session exactly as it was */
            ck_assert_msg(n1 == n0 && memcmp(before, after, n0) == 0,
                          "%s edit %u failed (%s) but changed the session", c->name, i,
                          sdpx_code_name(rc));
        }
        sdpx_free(before);
        before = after;
        n0 = n1;
    }
    /* the result still parses */
    sdpx_session *again = parse_ok(before, 0);
    sdpx_session_free(again);
    if (final)
        *final = before;
    else
        sdpx_free(before);
    unsigned used = t.calls - base;
    sdpx_session_free(s);
    ck_assert_uint_eq(t.live, 0);
    ck_assert_uint_eq(t.live_bytes, 0);
    return used;
}

/* Fail each allocation the edits make, one at a time. */
START_TEST(edits_fail_each_allocation)
{
    const edit_case *c = &edit_cases[_i];
    unsigned failures;
    char *want = NULL, *got = NULL;
    unsigned total = run_edits(c, 0, &failures, 0, &want);
    ck_assert_uint_eq(failures, 0);
    ck_assert_msg(total >= 1, "%s: the edits made no allocation", c->name);
    for (unsigned n = 1; n <= total; n++) {
        run_edits(c, n, &failures, 0, &got);
        /* a failed allocation is reported by an edit, or it was a cache
         * (the codec index) whose readers fell back to scanning: then the
         * scenario ends exactly as without the failure */
        ck_assert_msg(failures >= 1 || strcmp(got, want) == 0,
                      "%s: allocation %u failed but no edit said so", c->name, n);
        sdpx_free(got);
    }
    sdpx_free(want);
}
END_TEST

/* A session in scratch memory without heap: edits that need room fail with
 * SDPX_ESCRATCH and change nothing. */
START_TEST(edits_without_heap)
{
    const edit_case *c = &edit_cases[_i];
    unsigned failures;
    unsigned calls = run_edits(c, 0, &failures, 1, NULL);
    ck_assert_uint_eq(calls, 0);
    ck_assert_msg(failures >= 1, "%s: no edit ran out of scratch memory", c->name);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("oom");
    TCase *tc = tcase_create("parse");
    tcase_add_loop_test(tc, parse_fails_each_allocation, 0, (int)NCASES);
    tcase_add_loop_test(tc, write_does_not_allocate, 0, (int)NCASES);
    suite_add_tcase(s, tc);
    tc = tcase_create("scratch");
    tcase_add_loop_test(tc, scratch_need_is_exact, 0, (int)NCASES);
    tcase_add_test(tc, scratch_failure_is_clean);
    suite_add_tcase(s, tc);
    tc = tcase_create("edits");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, edits_fail_each_allocation, 0, (int)NEDIT);
    tcase_add_loop_test(tc, edits_without_heap, 0, (int)NEDIT);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
