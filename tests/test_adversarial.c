/* Adversarial inputs: every one either parses correctly or fails with the
 * documented error (SDPX_ELIMIT naming the limit for sizes); none crashes,
 * reads past its input or leaks (ASan and valgrind runs check the last two).
 *
 * The largest inputs (a 100 MB line, a million lines, 100 000 attributes,
 * 10 000 media sections, 100 000 r= lines) are skipped under valgrind, where
 * they take minutes, and only every 5th prefix is placed at the guard page
 * there; the ASan build runs them all. SDPX_SLOW_TESTS=1 forces them,
 * SDPX_SLOW_TESTS=0 skips them anywhere. */
#define _DEFAULT_SOURCE 1 /* MAP_ANONYMOUS */
#include "testutil.h"

#include <stdarg.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

/* ---- helpers ---------------------------------------------------------- */

#define SKIP_UNLESS_SLOW()                                                                \
    do {                                                                                  \
        if (!slow_tests()) {                                                              \
            fprintf(stderr, "%s: skipped under valgrind (SDPX_SLOW_TESTS=1 runs it)\n",   \
                    __func__);                                                            \
            return;                                                                       \
        }                                                                                 \
    } while (0)

/* A growable byte buffer for building inputs. */
typedef struct {
    char *p;
    size_t len, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n)
            cap *= 2;
        b->p = realloc(b->p, cap);
        ck_assert_ptr_nonnull(b->p);
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static void puts_(buf *b, const char *s) { put(b, s, strlen(s)); }

static void putf(buf *b, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    ck_assert_int_ge(n, 0);
    ck_assert_int_lt(n, (int)sizeof tmp);
    put(b, tmp, (size_t)n);
}

static const char head[] = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n";

static int parse_with(const char *p, size_t n, unsigned flags, const sdpx_limits *lim,
                      sdpx_session **s, sdpx_error *e)
{
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = flags;
    if (lim)
        opt.limits = *lim;
    *s = NULL;
    return sdpx_parse(p, n, &opt, s, e);
}

/* The parse fails with SDPX_ELIMIT and a message naming `limit`. */
static void expect_limit(const char *p, size_t n, const sdpx_limits *lim, const char *limit)
{
    sdpx_session *s;
    sdpx_error e;
    int rc = parse_with(p, n, 0, lim, &s, &e);
    ck_assert_msg(rc == SDPX_ELIMIT, "expected SDPX_ELIMIT for %s, got %s: %s", limit,
                  sdpx_code_name(rc), e.msg);
    ck_assert_ptr_null(s);
    ck_assert_msg(strstr(e.msg, limit) != NULL, "message \"%s\" does not name %s", e.msg, limit);
    /* lint (default limits) reports the same limit as one error */
    if (!lim)
        ck_assert_int_eq(sdpx_check(p, n, 0, NULL, NULL), 1);
}

/* The parse succeeds and writes back byte for byte (CRLF input). */
static sdpx_session *expect_roundtrip(const char *p, size_t n, unsigned flags,
                                      const sdpx_limits *lim)
{
    sdpx_session *s;
    sdpx_error e;
    int rc = parse_with(p, n, flags, lim, &s, &e);
    ck_assert_msg(rc == 0, "parse failed: %s at %u:%u: %s", sdpx_code_name(rc), e.line, e.col,
                  e.msg);
    ck_assert_uint_eq(sdpx_write(s, 0, NULL, 0), n);
    char *w = sdpx_write_alloc(s, 0, NULL);
    ck_assert_ptr_nonnull(w);
    ck_assert_int_eq(memcmp(w, p, n), 0);
    sdpx_free(w);
    return s;
}

/* ---- inputs at the very end of readable memory ------------------------- */

/* Two or more pages; the last is PROT_NONE. Input goes right before it. */
typedef struct {
    char *map;
    size_t size;
    char *guard;
} guarded;

static void guarded_init(guarded *g, size_t need)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t pages = (need + page - 1) / page + 1;
    g->size = (pages + 1) * page;
    g->map = mmap(NULL, g->size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ck_assert_ptr_ne(g->map, MAP_FAILED);
    g->guard = g->map + pages * page;
    ck_assert_int_eq(mprotect(g->guard, page, PROT_NONE), 0);
}

/* Copy n bytes so that the last one is right before the guard page. */
static const char *guarded_put(guarded *g, const char *p, size_t n)
{
    char *at = g->guard - n;
    memcpy(at, p, n);
    return at;
}

static void guarded_free(guarded *g)
{
    munmap(g->map, g->size);
}

static const char offer[] =
    "v=0\r\n"
    "o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n"
    "s=-\r\n"
    "i=info\r\n"
    "c=IN IP4 224.2.17.12/127/2\r\n"
    "b=AS:256\r\n"
    "t=2873397496 2873404696\r\n"
    "r=7d 1h 0 25h\r\n"
    "z=2882844526 -1h 2898848070 0\r\n"
    "k=clear:key\r\n"
    "a=group:BUNDLE 0 1\r\n"
    "a=ice-options:trickle\r\n"
    "a=fingerprint:sha-256 D2:FA:0E:C3:22:59:5E:14:95:69:92:3D:13:B4:84:24:2C:C2:A2:C0:3E:FD:34:"
    "8E:5E:EA:6F:AF:52:CE:E6:0F\r\n"
    "m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\n"
    "c=IN IP6 ff15::101/3\r\n"
    "a=rtcp:9 IN IP4 0.0.0.0\r\n"
    "a=candidate:1 1 udp 2122260223 192.0.2.1 54321 typ srflx raddr 10.0.0.1 rport 9 generation 0\r\n"
    "a=ice-ufrag:8hhY\r\n"
    "a=ice-pwd:asd88fgpdd777uzjYhagZg\r\n"
    "a=setup:actpass\r\n"
    "a=mid:0\r\n"
    "a=extmap:1/sendonly urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
    "a=rtcp-mux\r\n"
    "a=rtpmap:111 opus/48000/2\r\n"
    "a=rtcp-fb:111 nack pli\r\n"
    "a=fmtp:111 minptime=10;useinbandfec=1\r\n"
    "a=ssrc:1 cname:x\r\n"
    "a=ssrc-group:FID 1 2\r\n"
    "a=msid:s t\r\n"
    "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4\r\n"
    "m=video 51372/2 RTP/AVP 96\r\n"
    "a=rid:h send pt=96;max-width=1280\r\n"
    "a=simulcast:send h;~l\r\n"
    "a=sctp-port:5000\r\n"
    "a=max-message-size:262144\r\n";

static void count_diag(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    (void)sev;
    ck_assert_ptr_nonnull(memchr(e->msg, '\0', sizeof e->msg));
    ++*(unsigned *)ctx;
}

/* Every prefix of the offer, placed against the guard page, in every mode:
 * the parser, the linter, the tokenizer and the line decoders never read
 * past the end. */
START_TEST(prefixes_at_guard_page)
{
    size_t n = strlen(offer);
    guarded g;
    guarded_init(&g, n);
    static const unsigned modes[] = {0, SDPX_PARSE_STRICT, SDPX_PARSE_ALL_ERRORS,
                                     SDPX_PARSE_STRICT | SDPX_PARSE_ALL_ERRORS};
    /* under valgrind every 5th prefix (and the whole offer): ASan runs all */
    size_t step = slow_tests() ? 1 : 5;
    for (size_t len = 0; len <= n; len = len < n && len + step > n ? n : len + step) {
        const char *p = guarded_put(&g, offer, len);
        for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
            unsigned nd = 0;
            sdpx_parse_options opt;
            memset(&opt, 0, sizeof opt);
            opt.flags = modes[m];
            opt.diag = count_diag;
            opt.diag_ctx = &nd;
            sdpx_session *s = NULL;
            sdpx_error e;
            int rc = sdpx_parse(p, len, &opt, &s, &e);
            if (rc == 0) {
                ck_assert_uint_ge(sdpx_write(s, 0, NULL, 0), len);
                sdpx_session_free(s);
            } else {
                ck_assert_ptr_null(s);
            }
        }
        ck_assert_int_ge(sdpx_check(p, len, 0, NULL, NULL), 0);
        ck_assert_int_ge(sdpx_check(p, len, SDPX_PARSE_STRICT, NULL, NULL), 0);

        /* the tokenizer, against the guard */
        sdpx_tokenizer t;
        sdpx_token tok;
        sdpx_tokenizer_init(&t, p, len);
        while (sdpx_tokenizer_next(&t, &tok, NULL) != 0)
            ck_assert(t.pos <= len);
    }
    /* each line value of the offer ending at the guard, through every
     * core decoder (values cut short included: every prefix of each) */
    sdpx_tokenizer t;
    sdpx_token tok;
    sdpx_tokenizer_init(&t, offer, n);
    while (sdpx_tokenizer_next(&t, &tok, NULL) == 1) {
        for (size_t cut = 0; cut <= tok.value.len; cut++) {
            sdpx_str val = {guarded_put(&g, tok.value.ptr, cut), cut};
            sdpx_origin o;
            sdpx_connection c;
            sdpx_bandwidth b;
            sdpx_timing tm;
            sdpx_repeat r;
            sdpx_key k;
            sdpx_mline ml;
            sdpx_str rest = val, f, name, av;
            uint64_t u;
            int64_t i64;
            int has;
            (void)sdpx_origin_parse(val, &o);
            (void)sdpx_connection_parse(val, &c);
            (void)sdpx_bandwidth_parse(val, &b);
            (void)sdpx_timing_parse(val, &tm);
            (void)sdpx_repeat_parse(val, &r);
            (void)sdpx_key_parse(val, &k);
            (void)sdpx_mline_parse(val, &ml);
            (void)sdpx_str_u64(val, &u);
            (void)sdpx_typed_time_parse(val, &i64);
            while (sdpx_zone_next(&rest, &u, &i64) == 1)
                ;
            rest = val;
            while (sdpx_field_next(&rest, &f))
                ;
            sdpx_attr_split(val, &name, &av, &has);
            (void)sdpx_attr_kind_from_name(name);
        }
    }
    guarded_free(&g);
}
END_TEST

/* Parsing into scratch memory that ends at the guard page: the arena never
 * writes past the region it was given. */
START_TEST(scratch_at_guard_page)
{
    size_t n = strlen(offer);
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = SDPX_PARSE_NO_HEAP;
    sdpx_session *s = NULL;
    sdpx_error e;
    ck_assert_int_eq(sdpx_parse(offer, n, &opt, &s, &e), SDPX_ESCRATCH);
    size_t need = e.need;
    guarded g;
    guarded_init(&g, need + 8);
    /* regions of exactly `need` bytes, at each alignment, ending at the guard
     * (a region that starts misaligned may need up to 7 bytes more) */
    for (size_t extra = 0; extra < 8; extra++) {
        opt.scratch = g.guard - need - extra;
        opt.scratch_size = need + extra;
        int rc = sdpx_parse(offer, n, &opt, &s, &e);
        ck_assert_msg(rc == 0, "extra %zu: %s", extra, e.msg);
        ck_assert_uint_eq(sdpx_write(s, 0, NULL, 0), n);
        sdpx_session_free(s);
    }
    guarded_free(&g);
}
END_TEST

/* ---- sizes and limits ------------------------------------------------ */

/* A 100 MB line: over max_input by default, over max_line_len when only
 * max_input is raised, parsed whole when both are. */
START_TEST(line_of_100_mb)
{
    size_t big = (size_t)100 << 20;
    buf b = {0};
    puts_(&b, head);
    puts_(&b, "a=x:");
    size_t start = b.len;
    put(&b, "", 0);
    b.p = realloc(b.p, start + big + 2);
    ck_assert_ptr_nonnull(b.p);
    memset(b.p + start, 'y', big);
    memcpy(b.p + start + big, "\r\n", 2);
    b.len = start + big + 2;

    expect_limit(b.p, b.len, NULL, "max_input");
    if (!slow_tests()) {
        fprintf(stderr, "line_of_100_mb: scanning cases skipped under valgrind\n");
        free(b.p);
        return;
    }
    sdpx_limits lim;
    memset(&lim, 0, sizeof lim);
    lim.max_input = (size_t)128 << 20;
    expect_limit(b.p, b.len, &lim, "max_line_len");
    lim.max_line_len = (size_t)101 << 20;
    sdpx_session *s;
    sdpx_error e;
    ck_assert_int_eq(parse_with(b.p, b.len, 0, &lim, &s, &e), 0);
    const sdpx_line *l = sdpx_session_find_attr_name(s, "x", NULL);
    ck_assert_ptr_nonnull(l);
    ck_assert_uint_eq(sdpx_attr_value(l).len, big);
    ck_assert_uint_eq(sdpx_write(s, 0, NULL, 0), b.len);
    sdpx_session_free(s);
    free(b.p);
}
END_TEST

/* A million tiny lines: exactly max_lines parse; one more is a limit error. */
START_TEST(million_tiny_lines)
{
    SKIP_UNLESS_SLOW();
    buf b = {0};
    puts_(&b, "v=0\r\n");
    for (size_t i = 1; i < 1000000; i++)
        puts_(&b, "b=X:1\r\n"); /* RFC 8866 5.8: b= may repeat */
    sdpx_session *s = expect_roundtrip(b.p, b.len, 0, NULL);
    ck_assert_uint_eq(sdpx_session_line_count(s), 1000000);
    sdpx_session_free(s);
    puts_(&b, "b=X:1\r\n");
    expect_limit(b.p, b.len, NULL, "max_lines");
    free(b.p);
}
END_TEST

/* 100 000 attributes parse under the default limit; a lower limit stops them. */
START_TEST(hundred_thousand_attributes)
{
    SKIP_UNLESS_SLOW();
    buf b = {0};
    puts_(&b, head);
    puts_(&b, "m=audio 9 RTP/AVP 0\r\n");
    for (unsigned i = 0; i < 100000; i++)
        putf(&b, "a=x-%u:%u\r\n", i % 97, i);
    sdpx_session *s = expect_roundtrip(b.p, b.len, 0, NULL);
    ck_assert_uint_eq(sdpx_media_line_count(sdpx_session_media(s, 0)), 100001);
    const sdpx_line *l = sdpx_media_find_attr_name(sdpx_session_media(s, 0), "x-96", NULL);
    ck_assert_ptr_nonnull(l);
    ck_assert_str_view(sdpx_attr_value(l), "96");
    sdpx_session_free(s);
    sdpx_limits lim;
    memset(&lim, 0, sizeof lim);
    lim.max_attributes = 99999;
    expect_limit(b.p, b.len, &lim, "max_attributes");
    free(b.p);
}
END_TEST

/* 10 000 media sections: over the default max_media (8192), parsed with a
 * raised limit. */
START_TEST(ten_thousand_media)
{
    SKIP_UNLESS_SLOW();
    buf b = {0};
    puts_(&b, head);
    for (unsigned i = 0; i < 10000; i++)
        putf(&b, "m=audio %u RTP/AVP 0\r\na=mid:%u\r\n", i % 65536, i);
    expect_limit(b.p, b.len, NULL, "max_media");
    sdpx_limits lim;
    memset(&lim, 0, sizeof lim);
    lim.max_media = 10000;
    sdpx_session *s = expect_roundtrip(b.p, b.len, SDPX_PARSE_STRICT, &lim);
    ck_assert_uint_eq(sdpx_session_media_count(s), 10000);
    sdpx_mline ml;
    ck_assert_int_eq(sdpx_media_mline(sdpx_session_media(s, 9999), &ml), 0);
    ck_assert_uint_eq(ml.port, 9999);
    sdpx_session_free(s);
    lim.max_media = 9999;
    expect_limit(b.p, b.len, &lim, "max_media");
    free(b.p);
}
END_TEST

/* RFC 8866 5.10: r= lines may follow a t= line; 100 000 of them, and one
 * r= line with 10 000 offsets. */
START_TEST(repeated_r_lines)
{
    SKIP_UNLESS_SLOW();
    buf b = {0};
    puts_(&b, "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=2873397496 2873404696\r\n");
    for (unsigned i = 0; i < 100000; i++)
        puts_(&b, "r=7d 1h 0 25h\r\n");
    sdpx_session *s = expect_roundtrip(b.p, b.len, SDPX_PARSE_STRICT, NULL);
    ck_assert_uint_eq(sdpx_session_line_count(s), 100004);
    sdpx_session_free(s);
    free(b.p);

    buf c = {0};
    puts_(&c, "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nr=604800 3600");
    for (unsigned i = 0; i < 10000; i++)
        putf(&c, " %uh", i);
    puts_(&c, "\r\n");
    s = expect_roundtrip(c.p, c.len, SDPX_PARSE_STRICT, NULL);
    sdpx_repeat r;
    ck_assert_int_eq(sdpx_repeat_parse(sdpx_line_value(sdpx_session_line(s, 4)), &r), 0);
    ck_assert_int_eq(r.interval, 604800);
    ck_assert_int_eq(r.duration, 3600);
    sdpx_str rest = r.offsets, f;
    unsigned n = 0;
    while (sdpx_field_next(&rest, &f))
        n++;
    ck_assert_uint_eq(n, 10000);
    sdpx_session_free(s);
    free(c.p);
}
END_TEST

/* ---- numbers ---------------------------------------------------------- */

static char *digits(char d, size_t n)
{
    char *p = malloc(n + 1);
    ck_assert_ptr_nonnull(p);
    memset(p, d, n);
    p[n] = '\0';
    return p;
}

typedef struct {
    const char *fmt;  /* the line, %s is a 1000-digit number */
    int lenient;      /* expected result, lenient */
    int strict;       /* expected result, strict */
} big_number_case;

/* Expected results from RFC 8866: sess-id and sess-version are any digits
 * (kept as text); ports, TTLs, bandwidths, times and repeat offsets are
 * bounded numbers. Lenient mode keeps a malformed b=, t=, r=, z=, c= as
 * text (a warning) but never a bad m= port. */
static const big_number_case big_numbers[] = {
    {"o=- %s 1 IN IP4 192.0.2.1", 0, 0},
    {"o=- 1 %s IN IP4 192.0.2.1", 0, 0},
    {"m=audio %s RTP/AVP 0", SDPX_ERANGE, SDPX_ERANGE},
    {"m=audio 9/%s RTP/AVP 0", SDPX_ERANGE, SDPX_ERANGE},
    {"c=IN IP4 224.2.1.1/%s", 0, SDPX_EFIELD},
    {"b=AS:%s", 0, SDPX_ERANGE},
    {"t=%s 0", 0, SDPX_ERANGE},
    {"r=%s 1h 0", 0, SDPX_EFIELD},
    {"z=%s -1h", 0, SDPX_EFIELD},
};

START_TEST(thousand_digit_numbers)
{
    const big_number_case *c = &big_numbers[_i];
    char *nines = digits('9', 1000);
    buf b = {0};
    /* the o= line under test replaces the usual one; others follow it */
    int is_o = c->fmt[0] == 'o';
    puts_(&b, "v=0\r\n");
    if (is_o) {
        char line[1100];
        snprintf(line, sizeof line, c->fmt, nines);
        puts_(&b, line);
        puts_(&b, "\r\ns=-\r\nt=0 0\r\n");
    } else {
        puts_(&b, "o=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\n");
        char line[1100];
        snprintf(line, sizeof line, c->fmt, nines);
        if (c->fmt[0] == 'm') {
            puts_(&b, "t=0 0\r\n");
            puts_(&b, line);
            puts_(&b, "\r\n");
        } else if (c->fmt[0] == 'c' || c->fmt[0] == 'b') {
            puts_(&b, line);
            puts_(&b, "\r\nt=0 0\r\n");
        } else if (c->fmt[0] == 't') {
            puts_(&b, line);
            puts_(&b, "\r\n");
        } else { /* r= z= after t= */
            puts_(&b, "t=0 0\r\n");
            puts_(&b, line);
            puts_(&b, "\r\n");
        }
    }
    for (int strict = 0; strict < 2; strict++) {
        sdpx_session *s;
        sdpx_error e;
        int rc = parse_with(b.p, b.len, strict ? SDPX_PARSE_STRICT : 0, NULL, &s, &e);
        int want = strict ? c->strict : c->lenient;
        ck_assert_msg(rc == want, "%s (%s): got %s, want %s: %s", c->fmt,
                      strict ? "strict" : "lenient", sdpx_code_name(rc), sdpx_code_name(want),
                      e.msg);
        if (rc == 0) {
            ck_assert_uint_eq(sdpx_write(s, 0, NULL, 0), b.len);
            if (is_o) {
                sdpx_origin o;
                uint64_t v;
                ck_assert_int_eq(sdpx_session_origin(s, &o), 0);
                sdpx_str num = strstr(c->fmt, "%s 1") == c->fmt + 4 ? o.sess_id : o.sess_version;
                ck_assert_uint_eq(num.len, 1000); /* kept as written */
                ck_assert_int_eq(sdpx_str_u64(num, &v), SDPX_EOVERFLOW); /* never clamped */
            }
            sdpx_session_free(s);
        } else {
            ck_assert_ptr_null(s);
            /* the message quotes the token, shortened to fit */
            ck_assert_ptr_nonnull(memchr(e.msg, '\0', sizeof e.msg));
            ck_assert_uint_gt(e.col, 0);
        }
    }
    free(b.p);
    free(nines);
}
END_TEST

typedef struct {
    const char *text;
    int rc;
    uint64_t value;
} u64_case;

/* RFC 8866 5.2: sess-id and sess-version are 1*DIGIT; the checked getter
 * answers for 64 bits exactly, leading zeros included. */
static const u64_case u64_cases[] = {
    {"0", 0, 0},
    {"1", 0, 1},
    /* 19 digits, the most that cannot overflow, and one more */
    {"9999999999999999999", 0, 9999999999999999999u},
    {"999999999999999999x", SDPX_EFIELD, 0},
    {"0000000000000000009", 0, 9},
    {"10000000000000000000", 0, 10000000000000000000u},
    {"9223372036854775807", 0, 9223372036854775807u},
    {"9223372036854775808", 0, 9223372036854775808u},
    {"18446744073709551614", 0, 18446744073709551614u},
    {"18446744073709551615", 0, 18446744073709551615u},
    {"18446744073709551616", SDPX_EOVERFLOW, 0},
    {"18446744073709551619", SDPX_EOVERFLOW, 0},
    {"18446744073709551620", SDPX_EOVERFLOW, 0},
    {"99999999999999999999", SDPX_EOVERFLOW, 0},
    {"100000000000000000000", SDPX_EOVERFLOW, 0},
    {"184467440737095516150", SDPX_EOVERFLOW, 0},
    {"00000000000000000000000000018446744073709551615", 0, 18446744073709551615u},
    {"0000000000000000000000000018446744073709551616", SDPX_EOVERFLOW, 0},
    {"000", 0, 0},
    {"007", 0, 7},
    {"", SDPX_EFIELD, 0},
    {"-1", SDPX_EFIELD, 0},
    {"+1", SDPX_EFIELD, 0},
    {" 1", SDPX_EFIELD, 0},
    {"1 ", SDPX_EFIELD, 0},
    {"1e3", SDPX_EFIELD, 0},
    {"0x10", SDPX_EFIELD, 0},
    {"18446744073709551616x", SDPX_EFIELD, 0}, /* not a number at all */
};

START_TEST(u64_boundaries)
{
    const u64_case *c = &u64_cases[_i];
    sdpx_str s = {c->text, strlen(c->text)};
    uint64_t v = 12345;
    int rc = sdpx_str_u64(s, &v);
    ck_assert_msg(rc == c->rc, "\"%s\": %s", c->text, sdpx_code_name(rc));
    if (rc == 0)
        ck_assert_msg(v == c->value, "\"%s\": %llu", c->text, (unsigned long long)v);
    /* the same digits as sess-id and sess-version of a parsed o= line */
    if (c->text[0] >= '0' && c->text[0] <= '9' && !strchr(c->text, ' ')) {
        buf b = {0};
        putf(&b, "v=0\r\no=- %s %s IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n", c->text, c->text);
        sdpx_session *ss = expect_roundtrip(b.p, b.len, 0, NULL);
        sdpx_origin o;
        ck_assert_int_eq(sdpx_session_origin(ss, &o), 0);
        ck_assert_str_view(o.sess_id, c->text);
        ck_assert_str_view(o.sess_version, c->text);
        uint64_t a = 1, bb = 2;
        ck_assert_int_eq(sdpx_str_u64(o.sess_id, &a), c->rc);
        ck_assert_int_eq(sdpx_str_u64(o.sess_version, &bb), c->rc);
        if (c->rc == 0)
            ck_assert(a == c->value && bb == c->value);
        sdpx_session_free(ss);
        free(b.p);
    }
}
END_TEST

typedef struct {
    const char *port;
    int rc;        /* both modes */
    unsigned value;
} port_case;

/* RFC 8866 5.14: port is 1*DIGIT in 0..65535 here (a 16-bit transport port). */
static const port_case port_cases[] = {
    {"0", 0, 0},          {"9", 0, 9},
    {"65535", 0, 65535},  {"065535", 0, 65535},
    {"65536", SDPX_ERANGE, 0}, {"99999", SDPX_ERANGE, 0},
    {"4294967296", SDPX_ERANGE, 0},
    {"-1", SDPX_EFIELD, 0}, {"6553a", SDPX_EFIELD, 0},
    {"65535/2", 0, 65535}, {"65535/0", SDPX_EFIELD, 0},
    {"65535/65536", SDPX_ERANGE, 0},
};

START_TEST(port_boundaries)
{
    const port_case *c = &port_cases[_i];
    buf b = {0};
    putf(&b, "%sm=audio %s RTP/AVP 0\r\n", head, c->port);
    for (int strict = 0; strict < 2; strict++) {
        sdpx_session *s;
        sdpx_error e;
        int rc = parse_with(b.p, b.len, strict ? SDPX_PARSE_STRICT : 0, NULL, &s, &e);
        ck_assert_msg(rc == c->rc, "port %s: %s (%s)", c->port, sdpx_code_name(rc), e.msg);
        if (rc == 0) {
            sdpx_mline ml;
            ck_assert_int_eq(sdpx_media_mline(sdpx_session_media(s, 0), &ml), 0);
            ck_assert_uint_eq(ml.port, c->value);
            sdpx_session_free(s);
        } else {
            ck_assert_uint_eq(e.line, 5);
            ck_assert_uint_eq(e.col, 9); /* "m=audio " is 8 bytes */
        }
    }
    free(b.p);
}
END_TEST

/* RFC 3551 / RFC 8866 6.6: RTP payload types are 0-127. */
START_TEST(payload_type_boundaries)
{
    sdpx_rtpmap r;
    sdpx_str v127 = {"127 x/90000", 11}, v128 = {"128 x/90000", 11};
    ck_assert_int_eq(sdpx_rtpmap_parse(v127, &r), 0);
    ck_assert_uint_eq(r.payload_type, 127);
    ck_assert_int_lt(sdpx_rtpmap_parse(v128, &r), 0);
    buf b = {0};
    putf(&b, "%sm=audio 9 RTP/AVP 127\r\na=rtpmap:127 x/90000\r\n", head);
    sdpx_session *s = expect_roundtrip(b.p, b.len, SDPX_PARSE_STRICT, NULL);
    sdpx_session_free(s);
    b.len = 0;
    putf(&b, "%sm=audio 9 RTP/AVP 128\r\na=rtpmap:128 x/90000\r\n", head);
    sdpx_error e;
    ck_assert_int_eq(parse_with(b.p, b.len, SDPX_PARSE_STRICT, NULL, &s, &e), SDPX_EVALUE);
    ck_assert_uint_eq(e.line, 6);
    /* lenient keeps it (a warning) and writes it back */
    s = expect_roundtrip(b.p, b.len, 0, NULL);
    sdpx_session_free(s);
    free(b.p);
}
END_TEST

/* An fmtp line with 5 000 parameters, and one longer than max_line_len. */
START_TEST(huge_fmtp)
{
    buf b = {0};
    putf(&b, "%sm=video 9 RTP/AVP 96\r\na=rtpmap:96 VP8/90000\r\na=fmtp:96 ", head);
    for (unsigned i = 0; i < 5000; i++)
        putf(&b, "%sk%u=%u", i ? ";" : "", i, i);
    puts_(&b, "\r\n");
    for (int strict = 0; strict < 2; strict++) {
        sdpx_session *s = expect_roundtrip(b.p, b.len, strict ? SDPX_PARSE_STRICT : 0, NULL);
        const sdpx_line *l = sdpx_media_find_attr(sdpx_session_media(s, 0), SDPX_ATTR_FMTP, NULL);
        ck_assert_ptr_nonnull(l);
        sdpx_fmtp f;
        ck_assert_int_eq(sdpx_fmtp_parse(sdpx_attr_value(l), &f), 0);
        ck_assert_uint_eq(f.payload_type, 96);
        sdpx_str rest = f.params, val;
        sdpx_param p;
        unsigned n = 0;
        while (sdpx_param_next(&rest, &p) == 1)
            n++;
        ck_assert_uint_eq(n, 5000);
        ck_assert_int_eq(sdpx_fmtp_get(&f, "k4999", &val), 0);
        ck_assert_str_view(val, "4999");
        sdpx_session_free(s);
    }
    /* past the default max_line_len of 64 KiB */
    b.len -= 2;
    for (unsigned i = 5000; i < 12000; i++)
        putf(&b, ";k%u=%u", i, i);
    puts_(&b, "\r\n");
    expect_limit(b.p, b.len, NULL, "max_line_len");
    sdpx_limits lim;
    memset(&lim, 0, sizeof lim);
    lim.max_line_len = 1 << 20;
    sdpx_session *s = expect_roundtrip(b.p, b.len, SDPX_PARSE_STRICT, &lim);
    sdpx_session_free(s);
    free(b.p);
}
END_TEST

/* ---- text fields: UTF-8 and invalid UTF-8 ----------------------------- */

/* RFC 8866 9: text = byte-string (any byte but NUL, CR, LF); the charset
 * (a=charset) is the endpoint's business. The library keeps the bytes. */
static const char *const text_fields[] = {
    "s=%s", "i=%s", "u=http://example.com/%s", "e=%s <a@example.com>", "p=+1 555 %s",
    "o=%s 1 1 IN IP4 192.0.2.1", "a=tool:%s", "a=keywds:%s", "a=x-custom:%s",
    "m=audio 9 RTP/AVP 0|i=%s", "m=audio 9 RTP/AVP 0|a=label:%s",
};

static const char *const texts[] = {
    "Grüße aus Köln — 日本語 🎉",                 /* valid UTF-8 */
    "\xff\xfe\xfd",                               /* bytes never valid in UTF-8 */
    "\xc3\x28 \xa0\xa1 \xe2\x28\xa1 \xf0\x28\x8c\xbc", /* broken sequences */
    "\xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80",    /* overlong, surrogate, > U+10FFFF */
    "\x01\x02\x1f\x7f\x80\t",                     /* control bytes */
};

START_TEST(utf8_in_text_fields)
{
    const char *field = text_fields[_i];
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        char line[256];
        snprintf(line, sizeof line, field, texts[t]);
        char *media = strchr(line, '|');
        buf b = {0};
        if (line[0] == 'o') {
            /* RFC 8866 5.2: username is a non-ws-string */
            for (char *sp = line + 2; (sp = strchr(sp, ' ')) && sp < strstr(line, " 1 1 "); sp++)
                *sp = '_';
            putf(&b, "v=0\r\n%s\r\ns=-\r\nt=0 0\r\n", line);
        } else if (media) {
            *media = '\0';
            putf(&b, "%s%s\r\n%s\r\n", head, line, media + 1);
        } else if (line[0] == 'a') {
            putf(&b, "%s%s\r\n", head, line);
        } else {
            /* s= i= u= e= p= in their RFC 8866 place, before t= */
            puts_(&b, "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\n");
            if (line[0] != 's')
                puts_(&b, "s=-\r\n");
            putf(&b, "%s\r\nt=0 0\r\n", line);
        }
        for (int strict = 0; strict < 2; strict++) {
            sdpx_session *s = expect_roundtrip(b.p, b.len, strict ? SDPX_PARSE_STRICT : 0, NULL);
            sdpx_session_free(s);
        }
        free(b.p);
    }
}
END_TEST

/* ---- setters: no line injection ---------------------------------------- */

static const char edit_base[] =
    "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\ni=info\r\nc=IN IP4 192.0.2.1\r\nb=AS:1\r\n"
    "t=0 0\r\nk=clear:k\r\na=x-s:1\r\n"
    "a=ice-ufrag:wxyz\r\na=ice-pwd:zyxwvutsrqponmlkjihgfe\r\na=fingerprint:sha-256 01:02\r\n"
    "m=audio 9 RTP/AVP 0\r\ni=m\r\nc=IN IP4 192.0.2.2\r\nb=AS:2\r\nk=clear:m\r\na=x-m:1\r\n"
    "a=mid:0\r\na=extmap:1 urn:x\r\n";

/* One setter with the injected text in one of its string arguments. */
typedef int (*setter_fn)(sdpx_session *s, const char *text);

static sdpx_media *m0(sdpx_session *s) { return sdpx_session_media_mut(s, 0); }
static const sdpx_line *sattr(sdpx_session *s) { return sdpx_session_find_line(s, 'a', NULL); }

static int set_sattr_name(sdpx_session *s, const char *t) { return sdpx_session_attr_add(s, t, "1"); }
static int set_sattr_value(sdpx_session *s, const char *t) { return sdpx_session_attr_add(s, "x-y", t); }
static int set_mattr_name(sdpx_session *s, const char *t) { return sdpx_media_attr_add(m0(s), t, NULL); }
static int set_mattr_value(sdpx_session *s, const char *t) { return sdpx_media_attr_add(m0(s), "x-y", t); }
static int set_known_value(sdpx_session *s, const char *t) { return sdpx_media_attr_add(m0(s), "mid", t); }
static int set_insert_name(sdpx_session *s, const char *t) { return sdpx_attr_insert(s, sattr(s), 1, t, "1"); }
static int set_insert_value(sdpx_session *s, const char *t) { return sdpx_attr_insert(s, sattr(s), 0, "x-y", t); }
static int set_replace_name(sdpx_session *s, const char *t) { return sdpx_attr_replace(s, sattr(s), t, "1"); }
static int set_replace_value(sdpx_session *s, const char *t) { return sdpx_attr_replace(s, sattr(s), "x-y", t); }
static int set_media_add(sdpx_session *s, const char *t)
{
    char m[256];
    snprintf(m, sizeof m, "audio 9 RTP/AVP 0%s", t);
    return sdpx_session_media_add(s, 1, m, NULL);
}
static int set_proto(sdpx_session *s, const char *t) { return sdpx_media_set_proto(m0(s), t); }
static int set_formats(sdpx_session *s, const char *t) { return sdpx_media_set_formats(m0(s), t); }
static int set_sconn(sdpx_session *s, const char *t) { return sdpx_session_set_connection(s, t); }
static int set_mconn(sdpx_session *s, const char *t) { return sdpx_media_set_connection(m0(s), t); }
static int set_sbw(sdpx_session *s, const char *t) { return sdpx_session_set_bandwidth(s, t, 5); }
static int set_mbw(sdpx_session *s, const char *t) { return sdpx_media_set_bandwidth(m0(s), t, 5); }
static int set_sinfo(sdpx_session *s, const char *t) { return sdpx_session_set_info(s, t); }
static int set_minfo(sdpx_session *s, const char *t) { return sdpx_media_set_info(m0(s), t); }
static int set_skey(sdpx_session *s, const char *t) { return sdpx_session_set_key(s, t); }
static int set_mkey(sdpx_session *s, const char *t) { return sdpx_media_set_key(m0(s), t); }
static int set_name(sdpx_session *s, const char *t) { return sdpx_session_set_name(s, t); }
static int origin_field(sdpx_session *s, const char *t, int which)
{
    sdpx_origin o;
    memset(&o, 0, sizeof o); /* NULL fields keep their value */
    sdpx_str v = {t, strlen(t)};
    sdpx_str *f[] = {&o.username, &o.sess_id, &o.sess_version, &o.nettype, &o.addrtype, &o.address};
    *f[which] = v;
    return sdpx_session_set_origin(s, &o);
}
static int set_o_user(sdpx_session *s, const char *t) { return origin_field(s, t, 0); }
static int set_o_id(sdpx_session *s, const char *t) { return origin_field(s, t, 1); }
static int set_o_version(sdpx_session *s, const char *t) { return origin_field(s, t, 2); }
static int set_o_net(sdpx_session *s, const char *t) { return origin_field(s, t, 3); }
static int set_o_addrtype(sdpx_session *s, const char *t) { return origin_field(s, t, 4); }
static int set_o_addr(sdpx_session *s, const char *t) { return origin_field(s, t, 5); }

static const char *list1(const char *t, const char **slot)
{
    slot[0] = t;
    return t;
}
static int set_fmtp_key(sdpx_session *s, const char *t) { return sdpx_media_set_fmtp_param(m0(s), 0, t, "1"); }
static int set_fmtp_value(sdpx_session *s, const char *t) { return sdpx_media_set_fmtp_param(m0(s), 0, "k", t); }
static int set_codec_key(sdpx_session *s, const char *t) { return sdpx_media_set_codec_param(m0(s), "PCMU", t, "1"); }
static int set_codec_value(sdpx_session *s, const char *t) { return sdpx_media_set_codec_param(m0(s), "PCMU", "k", t); }
static int set_ufrag(sdpx_session *s, const char *t) { return sdpx_session_set_ice_credentials(s, t, "0123456789abcdefghijkl"); }
static int set_pwd(sdpx_session *s, const char *t) { return sdpx_session_set_ice_credentials(s, "abcd", t); }
static int set_candidate(sdpx_session *s, const char *t) { return sdpx_media_add_candidate(m0(s), t); }
static int set_candidate_mid(sdpx_session *s, const char *t) { return sdpx_session_add_candidate(s, "0", 0, t); }
static int set_fingerprint(sdpx_session *s, const char *t) { return sdpx_session_set_fingerprint(s, t); }
static int set_group_mid(sdpx_session *s, const char *t) { return sdpx_session_group_add_mid(s, t, "0"); }
static int set_msid_stream(sdpx_session *s, const char *t) { return sdpx_media_set_msid(m0(s), t, "track"); }
static int set_msid_track(sdpx_session *s, const char *t) { return sdpx_media_set_msid(m0(s), "stream", t); }
static int set_extmap_uri(sdpx_session *s, const char *t) { return sdpx_session_renumber_extmap(s, t, 3); }
static int set_keep_codec(sdpx_session *s, const char *t)
{
    const char *l[1];
    return sdpx_media_keep_codecs(m0(s), (const char *const *)l, list1(t, l) ? 1 : 0);
}
static int set_prefer_codec(sdpx_session *s, const char *t)
{
    const char *l[1];
    return sdpx_media_prefer_codecs(m0(s), (const char *const *)l, list1(t, l) ? 1 : 0);
}

typedef struct {
    const char *name;
    setter_fn fn;
    const char *good; /* a value the setter accepts; the injections extend it */
    int eol_ok;       /* takes a trickle string, whose final CR/LF it drops */
} setter_case;

static const setter_case setters[] = {
    {"session_attr_add name", set_sattr_name, "x-new", 0},
    {"session_attr_add value", set_sattr_value, "v", 0},
    {"media_attr_add name", set_mattr_name, "x-new", 0},
    {"media_attr_add value", set_mattr_value, "v", 0},
    {"media_attr_add mid value", set_known_value, "m1", 0},
    {"attr_insert name", set_insert_name, "x-new", 0},
    {"attr_insert value", set_insert_value, "v", 0},
    {"attr_replace name", set_replace_name, "x-new", 0},
    {"attr_replace value", set_replace_value, "v", 0},
    {"session_media_add", set_media_add, "", 0},
    {"media_set_proto", set_proto, "RTP/AVP", 0},
    {"media_set_formats", set_formats, "0 8", 0},
    {"session_set_connection", set_sconn, "IN IP4 198.51.100.1", 0},
    {"media_set_connection", set_mconn, "IN IP4 198.51.100.1", 0},
    {"session_set_bandwidth type", set_sbw, "TIAS", 0},
    {"media_set_bandwidth type", set_mbw, "TIAS", 0},
    {"session_set_info", set_sinfo, "text", 0},
    {"media_set_info", set_minfo, "text", 0},
    {"session_set_key", set_skey, "clear:k2", 0},
    {"media_set_key", set_mkey, "clear:k2", 0},
    {"session_set_name", set_name, "name", 0},
    {"session_set_origin username", set_o_user, "alice", 0},
    {"session_set_origin sess-id", set_o_id, "42", 0},
    {"session_set_origin sess-version", set_o_version, "43", 0},
    {"session_set_origin nettype", set_o_net, "IN", 0},
    {"session_set_origin addrtype", set_o_addrtype, "IP4", 0},
    {"session_set_origin address", set_o_addr, "198.51.100.9", 0},
    {"media_set_fmtp_param key", set_fmtp_key, "k", 0},
    {"media_set_fmtp_param value", set_fmtp_value, "1", 0},
    {"media_set_codec_param key", set_codec_key, "k", 0},
    {"media_set_codec_param value", set_codec_value, "1", 0},
    {"session_set_ice_credentials ufrag", set_ufrag, "abcd", 0},
    {"session_set_ice_credentials pwd", set_pwd, "0123456789abcdefghijkl", 0},
    /* RFC 8840 / JSEP: a trickled candidate string may end in CRLF */
    {"media_add_candidate", set_candidate, "candidate:1 1 udp 1 192.0.2.1 9 typ host", 1},
    {"session_add_candidate", set_candidate_mid, "candidate:2 1 udp 1 192.0.2.2 9 typ host", 1},
    {"session_set_fingerprint", set_fingerprint,
     "sha-256 D2:FA:0E:C3:22:59:5E:14:95:69:92:3D:13:B4:84:24:2C:C2:A2:C0:3E:FD:34:8E:5E:EA:6F:AF:52:CE:E6:0F", 0},
    {"session_group_add_mid semantics", set_group_mid, "BUNDLE", 0},
    {"media_set_msid stream", set_msid_stream, "stream", 0},
    {"media_set_msid track", set_msid_track, "track", 0},
    {"session_renumber_extmap uri", set_extmap_uri, "urn:x", 0},
    {"media_keep_codecs", set_keep_codec, "PCMU", 0},
    {"media_prefer_codecs", set_prefer_codec, "PCMU", 0},
};

/* CR, LF and CRLF, each followed by a line that must never appear. */
static const char *const injections[] = {"\r\na=evil:1", "\na=evil:1", "\ra=evil:1", "\r", "\n",
                                         "\r\n"};

START_TEST(setters_refuse_line_injection)
{
    const setter_case *c = &setters[_i];
    sdpx_session *s = parse_ok(edit_base, 0);
    /* the good value is accepted (so the refusals below are about CR/LF) */
    int rc = c->fn(s, c->good);
    ck_assert_msg(rc >= 0, "%s refuses its good value \"%s\": %s", c->name, c->good,
                  sdpx_code_name(rc));
    size_t n0 = 0;
    char *before = sdpx_write_alloc(s, 0, &n0);
    ck_assert_ptr_nonnull(before);
    for (size_t i = 0; i < sizeof injections / sizeof injections[0]; i++) {
        char v[128];
        snprintf(v, sizeof v, "%s%s", c->good, injections[i]);
        rc = c->fn(s, v);
        size_t n = 0;
        char *after = sdpx_write_alloc(s, 0, &n);
        ck_assert_ptr_nonnull(after);
        int only_eol = strspn(injections[i], "\r\n") == strlen(injections[i]);
        if (rc == 0 && c->eol_ok && only_eol) {
            /* the line ending was dropped, not written: one line more, same text */
            ck_assert_ptr_null(strstr(after, "evil"));
            sdpx_session *again = parse_ok(after, 0);
            ck_assert_uint_eq(sdpx_media_line_count(sdpx_session_media(again, 0)),
                              sdpx_media_line_count(sdpx_session_media(s, 0)));
            sdpx_session_free(again);
            sdpx_free(before);
            before = after;
            n0 = n;
            continue;
        }
        ck_assert_msg(rc == SDPX_EINVAL, "%s accepted \"%s\" (rc %d)", c->name, v, rc);
        /* a refused edit changes nothing */
        ck_assert_msg(n == n0 && memcmp(before, after, n) == 0, "%s changed the session", c->name);
        sdpx_free(after);
    }
    /* a NUL ends a C string: text after it is never seen */
    rc = c->fn(s, "\0a=evil:1");
    size_t n = 0;
    char *after = sdpx_write_alloc(s, 0, &n);
    ck_assert_ptr_nonnull(after);
    ck_assert_ptr_null(strstr(after, "evil"));
    /* whatever was accepted, the result parses again, line for line */
    sdpx_session *again = parse_ok(after, 0);
    ck_assert_uint_eq(sdpx_session_line_count(again), sdpx_session_line_count(s));
    ck_assert_uint_eq(sdpx_session_media_count(again), sdpx_session_media_count(s));
    sdpx_session_free(again);
    sdpx_free(after);
    sdpx_free(before);
    sdpx_session_free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("adversarial");
    TCase *tc = tcase_create("bounds");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, prefixes_at_guard_page);
    tcase_add_test(tc, scratch_at_guard_page);
    suite_add_tcase(s, tc);

    tc = tcase_create("sizes");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, line_of_100_mb);
    tcase_add_test(tc, million_tiny_lines);
    tcase_add_test(tc, hundred_thousand_attributes);
    tcase_add_test(tc, ten_thousand_media);
    tcase_add_test(tc, repeated_r_lines);
    tcase_add_test(tc, huge_fmtp);
    suite_add_tcase(s, tc);

    tc = tcase_create("numbers");
    tcase_add_loop_test(tc, thousand_digit_numbers, 0,
                        (int)(sizeof big_numbers / sizeof big_numbers[0]));
    tcase_add_loop_test(tc, u64_boundaries, 0, (int)(sizeof u64_cases / sizeof u64_cases[0]));
    tcase_add_loop_test(tc, port_boundaries, 0, (int)(sizeof port_cases / sizeof port_cases[0]));
    tcase_add_test(tc, payload_type_boundaries);
    suite_add_tcase(s, tc);

    tc = tcase_create("text");
    tcase_add_loop_test(tc, utf8_in_text_fields, 0,
                        (int)(sizeof text_fields / sizeof text_fields[0]));
    tcase_add_loop_test(tc, setters_refuse_line_injection, 0,
                        (int)(sizeof setters / sizeof setters[0]));
    suite_add_tcase(s, tc);
    return run_suite(s);
}
