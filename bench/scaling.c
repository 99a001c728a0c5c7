/* sdpbench --scaling: time per input byte for inputs of growing size, built
 * in memory. Parse time must be linear in input size (RFC-independent
 * promise of the library), so every row should stay flat. */
#include "sdpbench.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t nc = (b->cap ? b->cap * 2 : 4096) + n;
        char *g = realloc(b->p, nc);
        if (!g) {
            fprintf(stderr, "sdpbench: out of memory\n");
            exit(2);
        }
        b->p = g;
        b->cap = nc;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void puts_(buf *b, const char *s)
{
    put(b, s, strlen(s));
}

static void putn(buf *b, char c, size_t n)
{
    char chunk[256];
    memset(chunk, c, sizeof chunk);
    while (n) {
        size_t k = n < sizeof chunk ? n : sizeof chunk;
        put(b, chunk, k);
        n -= k;
    }
}

static const char head[] = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

/* ---- inputs of a given size (1 KB .. 1 MB) ---------------------------- */

static void gen_media_bytes(buf *b, size_t target)
{
    puts_(b, head);
    char line[160];
    for (unsigned i = 0; b->len < target; i++) {
        snprintf(line, sizeof line,
                 "m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\nc=IN IP4 0.0.0.0\r\na=mid:%u\r\n"
                 "a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n"
                 "a=rtcp-mux\r\na=sendrecv\r\n",
                 i);
        puts_(b, line);
    }
}

static void gen_candidate_bytes(buf *b, size_t target)
{
    puts_(b, head);
    puts_(b, "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n");
    char line[200];
    for (unsigned i = 0; b->len < target; i++) {
        snprintf(line, sizeof line,
                 "a=candidate:%u 1 udp 1677729535 203.0.%u.%u %u typ srflx raddr 10.0.0.1 "
                 "rport %u generation 0 network-id 1\r\n",
                 842163049u + i, (i >> 8) & 255, i & 255, 10000 + (i % 50000), 10000 + (i % 50000));
        puts_(b, line);
    }
}

/* ---- the adversarial shapes, at k times a base unit ------------------- */

static void gen_long_line(buf *b, unsigned k)
{
    puts_(b, head);
    puts_(b, "a=x-long:");
    putn(b, 'x', (size_t)k << 14);
    puts_(b, "\r\n");
}

static void gen_tiny_lines(buf *b, unsigned k)
{
    puts_(b, head);
    for (size_t i = 0; i < (size_t)k << 13; i++)
        puts_(b, "a=x\r\n");
}

static void gen_attributes(buf *b, unsigned k)
{
    static const char *const attrs[] = {
        "a=rtpmap:96 VP8/90000\r\n", "a=rtcp-fb:96 nack pli\r\n", "a=fmtp:97 apt=96\r\n",
        "a=ssrc:3735928559 cname:4TOk42mSjXCkVIa6\r\n", "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n",
        "a=rtcp-mux\r\n", "a=x-unknown:value\r\n", "a=sendrecv\r\n",
    };
    puts_(b, head);
    puts_(b, "m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\nc=IN IP4 0.0.0.0\r\n");
    for (size_t i = 0; i < (size_t)k << 11; i++)
        puts_(b, attrs[i % (sizeof attrs / sizeof attrs[0])]);
}

static void gen_media_sections(buf *b, unsigned k)
{
    puts_(b, head);
    for (size_t i = 0; i < (size_t)k << 7; i++)
        puts_(b, "m=audio 9 RTP/AVP 0\r\nc=IN IP4 0.0.0.0\r\na=rtpmap:0 PCMU/8000\r\n");
}

static void gen_repeats(buf *b, unsigned k)
{
    puts_(b, head);
    for (size_t i = 0; i < (size_t)k << 11; i++)
        puts_(b, "r=7d 1h 0 25h\r\n");
}

static void gen_long_numbers(buf *b, unsigned k)
{
    size_t d = (size_t)k << 12;
    puts_(b, "v=0\r\no=- ");
    putn(b, '9', d);
    puts_(b, " ");
    putn(b, '8', d);
    puts_(b, " IN IP4 127.0.0.1\r\ns=-\r\nb=AS:");
    putn(b, '7', d);
    puts_(b, "\r\nt=");
    putn(b, '6', d);
    puts_(b, " 0\r\nm=audio 9 RTP/AVP 0\r\na=ptime:");
    putn(b, '5', d);
    puts_(b, "\r\n");
}

static void gen_fmtp_params(buf *b, unsigned k)
{
    char p[32];
    puts_(b, head);
    puts_(b, "m=video 9 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=fmtp:96 ");
    for (size_t i = 0; i < (size_t)k << 10; i++) {
        snprintf(p, sizeof p, "%sp%zu=%zu", i ? ";" : "", i, i * 7);
        puts_(b, p);
    }
    puts_(b, "\r\n");
}

/* One a=imageattr with many sets, long sar lists and runs of spaces, and
 * lenient-only lines (indented, untyped): RFC 6236 and the quirks paths. */
static void gen_imageattr_quirks(buf *b, unsigned k)
{
    char p[64];
    puts_(b, head);
    puts_(b, "m=video 9 RTP/AVP 96\r\na=rtpmap:96 VP8/90000\r\na=imageattr:96 send");
    for (size_t i = 0; i < (size_t)k << 8; i++) {
        snprintf(p, sizeof p, "    [x=[%zu:%zu],y=%zu,sar=[1.%zu,2.%zu,3.%zu]]", i % 900 + 1,
                 i % 900 + 2, i % 999 + 1, i % 10, i % 10, i % 10);
        puts_(b, p);
    }
    puts_(b, " recv *\r\n");
    for (size_t i = 0; i < (size_t)k << 8; i++)
        puts_(b, "   a=x-indented:1\r\nx-untyped line\r\n");
}

/* ---- measuring ---------------------------------------------------------- */

typedef struct job {
    const buf *in;
    const sdpx_parse_options *opt;
    size_t reps;
    int decode;
    int failed;
} job;

static volatile unsigned scaling_sink;

void scale_pass(void *arg);

/* One pass over the job (named for callgrind's --toggle-collect). */
void scale_pass(void *arg)
{
    job *j = arg;
    for (size_t r = 0; r < j->reps; r++) {
        sdpx_session *s;
        sdpx_error err;
        if (sdpx_parse(j->in->p, j->in->len, j->opt, &s, &err) != 0) {
            j->failed = 1;
            continue;
        }
        if (j->decode)
            scaling_sink += sdpbench_validate_all(s);
        sdpx_session_free(s);
    }
}

/* ns per byte of one input; -1 when it does not parse. */
static double measure(const buf *in, const sdpx_parse_options *opt, int decode,
                      const bench_cfg *cfg)
{
    /* Each timed pass reads about 4 MB, so small inputs are timed in bulk. */
    size_t reps = in->len >= (4u << 20) ? 1 : (4u << 20) / in->len;
    job j = {in, opt, reps, decode, 0};
    bench_cfg c = {cfg->iterations ? cfg->iterations : 9, 0, 1};
    if (c.iterations > 15)
        c.iterations = 15;
    bench_result r;
    bench_run(&c, -1, scale_pass, &j, &r);
    if (j.failed)
        return -1;
    /* The fastest pass: scheduling noise only ever adds time. */
    return r.ns_min / (double)(reps * in->len);
}

typedef struct shape {
    const char *name;
    void (*by_factor)(buf *b, unsigned k);
    void (*by_bytes)(buf *b, size_t target);
} shape;

static void print_row(const char *name, const char *mode, const double *v, const size_t *bytes,
                      size_t n, int json, int *first)
{
    double lo = 0, hi = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i] < 0)
            continue;
        if (lo == 0 || v[i] < lo)
            lo = v[i];
        if (v[i] > hi)
            hi = v[i];
    }
    if (json) {
        printf("%s{\"shape\":\"%s\",\"mode\":\"%s\",\"bytes\":[", *first ? "" : ",", name, mode);
        for (size_t i = 0; i < n; i++)
            printf("%s%zu", i ? "," : "", bytes[i]);
        printf("],\"ns_per_byte\":[");
        for (size_t i = 0; i < n; i++) {
            if (v[i] < 0)
                printf("%snull", i ? "," : "");
            else
                printf("%s%.3f", i ? "," : "", v[i]);
        }
        printf("],\"max_over_min\":%.2f}", lo > 0 ? hi / lo : 0);
        *first = 0;
        return;
    }
    printf("%-18s %-7s", name, mode);
    for (size_t i = 0; i < n; i++) {
        if (v[i] < 0)
            printf(" %7s", "reject");
        else
            printf(" %7.3f", v[i]);
    }
    printf(" %7.2f\n", lo > 0 ? hi / lo : 0);
}

static const shape by_size[] = {
    {"media sections", NULL, gen_media_bytes},
    {"candidates", NULL, gen_candidate_bytes},
};
static const shape by_factor[] = {
    {"one long line", gen_long_line, NULL},
    {"tiny lines", gen_tiny_lines, NULL},
    {"attributes", gen_attributes, NULL},
    {"media sections", gen_media_sections, NULL},
    {"repeated r=", gen_repeats, NULL},
    {"long numbers", gen_long_numbers, NULL},
    {"fmtp parameters", gen_fmtp_params, NULL},
    {"imageattr quirks", gen_imageattr_quirks, NULL},
};

/* Limits out of the way: this measures time, not the limit checks. */
static void raised_limits(sdpx_parse_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->limits.max_input = (size_t)1 << 30;
    opt->limits.max_lines = (size_t)1 << 30;
    opt->limits.max_line_len = (size_t)1 << 30;
    opt->limits.max_attributes = (size_t)1 << 30;
    opt->limits.max_media = (size_t)1 << 30;
}

/* A shape's name with spaces as dashes equals `arg`. */
static int name_is(const char *name, const char *arg)
{
    for (; *name && *arg; name++, arg++)
        if (*arg != (*name == ' ' ? '-' : *name))
            return 0;
    return *name == *arg;
}

int sdpbench_scaling_one(const char *name, unsigned k, int decode)
{
    for (size_t s = 0; s < sizeof by_factor / sizeof by_factor[0]; s++) {
        if (!name_is(by_factor[s].name, name))
            continue;
        sdpx_parse_options opt;
        raised_limits(&opt);
        buf b = {0};
        by_factor[s].by_factor(&b, k);
        job j = {&b, &opt, 1, decode, 0};
        scale_pass(&j);
        printf("%s %ux %s: %zu bytes%s\n", by_factor[s].name, k, decode ? "decode" : "parse",
               b.len, j.failed ? " (rejected)" : "");
        free(b.p);
        return j.failed;
    }
    fprintf(stderr, "sdpbench: unknown shape %s\n", name);
    return 2;
}

int sdpbench_scaling(const bench_cfg *cfg, int json)
{
    sdpx_parse_options opt;
    raised_limits(&opt);
    enum { NSIZES = 11, NFACTORS = 7 };
    double v[NSIZES];
    size_t bytes[NSIZES];
    int first = 1;

    if (json)
        printf("\"scaling\":[");
    else {
        printf("scaling: ns per input byte (fastest pass), by input size (must stay flat)\n");
        printf("%-18s %-7s", "input", "mode");
        for (int i = 0; i < NSIZES; i++) {
            char lab[16];
            if (i < 10)
                snprintf(lab, sizeof lab, "%uK", 1u << i);
            else
                snprintf(lab, sizeof lab, "%uM", 1u << (i - 10));
            printf(" %7s", lab);
        }
        printf(" %7s\n", "max/min");
    }
    for (size_t s = 0; s < sizeof by_size / sizeof by_size[0]; s++) {
        for (int mode = 0; mode < 2; mode++) {
            for (int i = 0; i < NSIZES; i++) {
                buf b = {0};
                by_size[s].by_bytes(&b, (size_t)1024 << i);
                bytes[i] = b.len;
                v[i] = measure(&b, &opt, mode, cfg);
                free(b.p);
            }
            print_row(by_size[s].name, mode ? "decode" : "parse", v, bytes, NSIZES, json, &first);
            fflush(stdout);
        }
    }
    if (!json) {
        printf("\nscaling: ns per input byte, adversarial shapes at 1x..64x (must stay flat)\n");
        printf("%-18s %-7s", "shape", "mode");
        for (int i = 0; i < NFACTORS; i++) {
            char lab[16];
            snprintf(lab, sizeof lab, "%ux", 1u << i);
            printf(" %7s", lab);
        }
        printf(" %7s\n", "max/min");
    }
    for (size_t s = 0; s < sizeof by_factor / sizeof by_factor[0]; s++) {
        size_t b64 = 0;
        for (int mode = 0; mode < 2; mode++) {
            for (int i = 0; i < NFACTORS; i++) {
                buf b = {0};
                by_factor[s].by_factor(&b, 1u << i);
                bytes[i] = b.len;
                v[i] = measure(&b, &opt, mode, cfg);
                free(b.p);
            }
            b64 = bytes[NFACTORS - 1];
            print_row(by_factor[s].name, mode ? "decode" : "parse", v, bytes, NFACTORS, json,
                      &first);
            fflush(stdout);
        }
        if (!json)
            printf("%-18s (1x = %zu bytes, 64x = %zu bytes)\n", "", bytes[0], b64);
    }
    if (json)
        printf("]");
    else
        printf("max/min: largest over smallest ns/byte of the row (1.0 = perfectly linear)\n");
    return 0;
}
