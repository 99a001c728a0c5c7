/* Threads: the library keeps no global state, so parses in several threads
 * at once give what a single thread gives, and one session can be read
 * from several threads at once. pthreads are used by this test only; the
 * CI runs it under ThreadSanitizer. */
#include "testutil.h"

#include <dirent.h>
#include <pthread.h>
#include <stdint.h>

#define NTHREADS 4
#define ROUNDS 8

/* ---- inputs: hand-written ones, plus the corpus when it is there ---- */

static const char *const builtin[] = {
    "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\n"
    "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=rtpmap:111 opus/48000/2\r\n"
    "a=candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host\r\n"
    "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=rtpmap:96 VP8/90000\r\n",
    "v=0\no=jdoe 2890844526 2890842807 IN IP4 10.47.16.5\ns=SDP Seminar\n"
    "c=IN IP4 224.2.17.12/127\nt=2873397496 2873404696\nr=7d 1h 0 25h\na=recvonly\n"
    "m=audio 49170 RTP/AVP 0\nm=video 51372 RTP/AVP 99\na=rtpmap:99 h263-1998/90000",
    "v=0\r\nx=unknown line\r\n\r\nm=audio 70000 RTP/AVP 0\r\n", /* fails: port */
    "v=1\r\n",                                                  /* fails: version */
};

#define MAX_INPUTS 40

typedef struct {
    char *text;
    size_t len;
    /* the single-threaded reference, per mode (lenient, strict) */
    int rc[2];
    char *written[2];
    size_t written_len[2];
    unsigned diags[2];
} input;

static input inputs[MAX_INPUTS];
static size_t ninputs;

static void add_input(const char *p, size_t n)
{
    if (ninputs == MAX_INPUTS)
        return;
    input *in = &inputs[ninputs++];
    memset(in, 0, sizeof *in);
    in->text = malloc(n ? n : 1);
    ck_assert_ptr_nonnull(in->text);
    memcpy(in->text, p, n);
    in->len = n;
}

static void count_diag(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    (void)sev;
    (void)e;
    ++*(unsigned *)ctx;
}

/* Parse, count diagnostics, write: what one run yields for one input. */
static int run_one(const input *in, int strict, char **written, size_t *wlen, unsigned *diags)
{
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = strict ? SDPX_PARSE_STRICT : 0;
    opt.diag = count_diag;
    opt.diag_ctx = diags;
    *diags = 0;
    *written = NULL;
    *wlen = 0;
    sdpx_session *s = NULL;
    sdpx_error e;
    int rc = sdpx_parse(in->text, in->len, &opt, &s, &e);
    if (rc == 0) {
        *written = sdpx_write_alloc(s, 0, wlen);
        sdpx_session_free(s);
    }
    return rc;
}

static void load_inputs(void)
{
    for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++)
        add_input(builtin[i], strlen(builtin[i]));
    const char *dir = SDPX_CORPUS_DIR "/valid";
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "test_threads: corpus %s absent, hand-written inputs only\n", dir);
    } else {
        struct dirent *de;
        char path[4096];
        while ((de = readdir(d)) && ninputs < MAX_INPUTS) {
            if (de->d_name[0] == '.')
                continue;
            snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
            size_t n;
            char *p = read_file(path, &n);
            if (p && n > 0 && n < (1u << 20))
                add_input(p, n);
            free(p);
        }
        closedir(d);
    }
    for (size_t i = 0; i < ninputs; i++)
        for (int m = 0; m < 2; m++)
            inputs[i].rc[m] = run_one(&inputs[i], m, &inputs[i].written[m],
                                      &inputs[i].written_len[m], &inputs[i].diags[m]);
}

static void free_inputs(void)
{
    for (size_t i = 0; i < ninputs; i++) {
        free(inputs[i].text);
        sdpx_free(inputs[i].written[0]);
        sdpx_free(inputs[i].written[1]);
    }
    ninputs = 0;
}

/* ---- many parses at once ---------------------------------------------- */

typedef struct {
    unsigned id;
    unsigned mismatches;
    unsigned parses;
} worker;

static void *parse_worker(void *arg)
{
    worker *w = arg;
    for (unsigned r = 0; r < ROUNDS; r++) {
        for (size_t k = 0; k < ninputs; k++) {
            /* each thread walks the inputs from a different place */
            const input *in = &inputs[(k + w->id * 7 + r) % ninputs];
            int m = (int)((k + r + w->id) & 1u);
            char *wr;
            size_t wl;
            unsigned diags;
            int rc = run_one(in, m, &wr, &wl, &diags);
            if (rc != in->rc[m] || diags != in->diags[m] || wl != in->written_len[m] ||
                (wl && memcmp(wr, in->written[m], wl) != 0))
                w->mismatches++;
            sdpx_free(wr);
            w->parses++;
        }
    }
    return NULL;
}

START_TEST(parallel_parses_match_reference)
{
    load_inputs();
    ck_assert_uint_ge(ninputs, 4);
    pthread_t th[NTHREADS];
    worker w[NTHREADS];
    for (unsigned i = 0; i < NTHREADS; i++) {
        w[i].id = i;
        w[i].mismatches = 0;
        w[i].parses = 0;
        ck_assert_int_eq(pthread_create(&th[i], NULL, parse_worker, &w[i]), 0);
    }
    for (unsigned i = 0; i < NTHREADS; i++)
        ck_assert_int_eq(pthread_join(th[i], NULL), 0);
    for (unsigned i = 0; i < NTHREADS; i++) {
        ck_assert_uint_eq(w[i].mismatches, 0);
        ck_assert_uint_eq(w[i].parses, ROUNDS * ninputs);
    }
    free_inputs();
}
END_TEST

/* ---- one session read from many threads ------------------------------- */

typedef struct {
    const sdpx_session *s;
    const char *ref;     /* the reference output */
    size_t ref_len;
    uint64_t ref_sum;    /* the reference walk */
    unsigned mismatches;
} reader;

/* Read everything the public API offers without changing the session. */
static uint64_t walk(const sdpx_session *s)
{
    uint64_t h = 1469598103934665603u;
#define MIX(x) (h = (h ^ (uint64_t)(x)) * 1099511628211u)
    for (size_t i = 0; i < sdpx_session_line_count(s); i++) {
        const sdpx_line *l = sdpx_session_line(s, i);
        sdpx_str t = sdpx_line_text(l);
        for (size_t k = 0; k < t.len; k++)
            MIX((unsigned char)t.ptr[k]);
        MIX(sdpx_line_kind(l));
    }
    sdpx_origin o;
    if (sdpx_session_origin(s, &o) == 0) {
        uint64_t v = 0;
        (void)sdpx_str_u64(o.sess_version, &v);
        MIX(v);
    }
    for (size_t m = 0; m < sdpx_session_media_count(s); m++) {
        const sdpx_media *md = sdpx_session_media(s, m);
        sdpx_mline ml;
        if (sdpx_media_mline(md, &ml) == 0)
            MIX(ml.port);
        sdpx_connection c;
        if (sdpx_media_connection(md, &c) == 0)
            MIX(c.address.len);
        for (const sdpx_line *l = NULL; (l = sdpx_media_find_line(md, 'a', l));) {
            sdpx_str v = sdpx_attr_value(l);
            MIX(v.len);
            MIX(sdpx_attr_validate(l, NULL));
        }
        for (const sdpx_line *l = NULL; (l = sdpx_media_find_attr(md, SDPX_ATTR_RTPMAP, l));)
            MIX(sdpx_line_number(l));
        /* the codec view: the first reader builds the section's index */
        for (size_t i = 0; i < sdpx_media_codec_count(md); i++) {
            sdpx_codec c;
            if (sdpx_media_codec(md, i, &c) != 0)
                continue;
            MIX(c.payload_type);
            MIX(c.clock_rate);
            MIX(c.rtx_payload_type * 2u + (unsigned)c.has_rtx);
            MIX(c.rtpmap ? sdpx_line_number(c.rtpmap) : 0);
            for (const sdpx_line *l = sdpx_codec_rtcp_fb_next(md, &c, NULL); l;
                 l = sdpx_codec_rtcp_fb_next(md, &c, l))
                MIX(sdpx_line_number(l));
        }
    }
#undef MIX
    return h;
}

static void *read_worker(void *arg)
{
    reader *r = arg;
    for (unsigned i = 0; i < ROUNDS * 10; i++) {
        if (walk(r->s) != r->ref_sum)
            r->mismatches++;
        size_t n = 0;
        char *w = sdpx_write_alloc(r->s, 0, &n);
        if (!w || n != r->ref_len || memcmp(w, r->ref, n) != 0)
            r->mismatches++;
        sdpx_free(w);
        char small[64];
        if (sdpx_write(r->s, 0, small, sizeof small) != r->ref_len ||
            memcmp(small, r->ref, sizeof small - 1) != 0)
            r->mismatches++;
    }
    return NULL;
}

START_TEST(shared_session_read_in_parallel)
{
    sdpx_session *s = parse_ok(builtin[0], 0);
    size_t n = 0;
    char *ref = sdpx_write_alloc(s, 0, &n);
    ck_assert_ptr_nonnull(ref);
    ck_assert_uint_eq(n, strlen(builtin[0]));
    /* the reference walk on a second parse, so the threads' session starts
     * without codec indexes and they race to build them */
    sdpx_session *twin = parse_ok(builtin[0], 0);
    uint64_t sum = walk(twin);
    sdpx_session_free(twin);
    pthread_t th[NTHREADS];
    reader r[NTHREADS];
    for (unsigned i = 0; i < NTHREADS; i++) {
        r[i].s = s;
        r[i].ref = ref;
        r[i].ref_len = n;
        r[i].ref_sum = sum;
        r[i].mismatches = 0;
        ck_assert_int_eq(pthread_create(&th[i], NULL, read_worker, &r[i]), 0);
    }
    for (unsigned i = 0; i < NTHREADS; i++)
        ck_assert_int_eq(pthread_join(th[i], NULL), 0);
    for (unsigned i = 0; i < NTHREADS; i++)
        ck_assert_uint_eq(r[i].mismatches, 0);
    sdpx_free(ref);
    sdpx_session_free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("threads");
    tcase_set_timeout(tc, 120); /* ThreadSanitizer and valgrind are slow */
    tcase_add_test(tc, parallel_parses_match_reference);
    tcase_add_test(tc, shared_session_read_in_parallel);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
