/* Helpers shared by sdpbench and the peer programs. Each program links its
 * own copy, so each counts its own allocations. */
#include "bench.h"

#include <dirent.h>
#include <errno.h>
#include <linux/perf_event.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#ifndef SDPX_CORPUS_DIR
#define SDPX_CORPUS_DIR ""
#endif

/* ---- counting allocator -------------------------------------------------
 * The program's own malloc family wins over libc's at link time, and libc's
 * internal callers (strdup, GLib, ...) go through it too; each call is
 * counted and forwarded to glibc's implementation. */

extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t n);
extern void __libc_free(void *p);

static uint64_t alloc_calls;

void *malloc(size_t n)
{
    alloc_calls++;
    return __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
    alloc_calls++;
    return __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
    alloc_calls++;
    return __libc_realloc(p, n);
}

void free(void *p)
{
    __libc_free(p);
}

uint64_t bench_alloc_calls(void)
{
    return alloc_calls;
}

/* ---- clocks and counters ------------------------------------------------ */

uint64_t bench_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t bench_cpu_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int bench_instr_open(void)
{
    struct perf_event_attr a;
    memset(&a, 0, sizeof a);
    a.type = PERF_TYPE_HARDWARE;
    a.size = sizeof a;
    a.config = PERF_COUNT_HW_INSTRUCTIONS;
    a.exclude_kernel = 1;
    a.exclude_hv = 1;
    long fd = syscall(SYS_perf_event_open, &a, 0, -1, -1, 0);
    if (fd < 0)
        return -1;
    /* Some virtual machines open the event but never count: probe it. */
    uint64_t before = bench_instr_read((int)fd);
    volatile unsigned sink = 0;
    for (unsigned i = 0; i < 1000; i++)
        sink = sink + i;
    (void)sink;
    if (bench_instr_read((int)fd) == before) {
        close((int)fd);
        return -1;
    }
    return (int)fd;
}

uint64_t bench_instr_read(int fd)
{
    uint64_t v = 0;
    if (fd < 0 || read(fd, &v, sizeof v) != (ssize_t)sizeof v)
        return 0;
    return v;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

double bench_median(double *v, size_t n)
{
    if (n == 0)
        return 0;
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void bench_run(const bench_cfg *cfg, int instr_fd, bench_pass_fn fn, void *ctx, bench_result *r)
{
    double budget_ns = (cfg->seconds > 0 ? cfg->seconds : 0.5) * 1e9;
    int warm = cfg->warmup;
    if (warm < 0) {
        /* About a tenth of the budget, at least two passes. */
        uint64_t t0 = bench_now_ns();
        warm = 0;
        while (warm < 2 || (double)(bench_now_ns() - t0) < budget_ns / 10) {
            fn(ctx);
            warm++;
            if (cfg->iterations && (unsigned)warm >= 2 + cfg->iterations / 10)
                break;
        }
    } else {
        for (int i = 0; i < warm; i++)
            fn(ctx);
    }
    size_t cap = 1024, n = 0;
    double *t = malloc(cap * sizeof *t);
    if (!t) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    uint64_t i0 = bench_instr_read(instr_fd);
    uint64_t a0 = bench_alloc_calls();
    uint64_t start = bench_now_ns();
    for (;;) {
        if (cfg->iterations ? n >= cfg->iterations
                            : n >= 5 && (double)(bench_now_ns() - start) >= budget_ns)
            break;
        uint64_t a = bench_cpu_ns();
        fn(ctx);
        uint64_t b = bench_cpu_ns();
        if (n == cap) {
            double *g = realloc(t, 2 * cap * sizeof *t);
            if (!g) {
                fprintf(stderr, "out of memory\n");
                exit(2);
            }
            t = g;
            cap *= 2;
        }
        t[n++] = (double)(b - a);
    }
    uint64_t i1 = bench_instr_read(instr_fd);
    uint64_t grows = 0; /* the reallocs of t[] made while measuring */
    for (size_t c = 1024; c < cap; c *= 2)
        grows++;
    r->allocs = n ? (double)(bench_alloc_calls() - a0 - grows) / (double)n : 0;
    r->passes = (unsigned)n;
    r->ns_median = bench_median(t, n);
    r->ns_min = n ? t[0] : 0; /* sorted by bench_median */
    r->instructions = instr_fd >= 0 && n ? (double)(i1 - i0) / (double)n : -1;
    free(t);
}

/* ---- files -------------------------------------------------------------- */

char *bench_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (n + 1 < cap)
            break;
        char *g = realloc(buf, cap * 2);
        if (!g) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = g;
        cap *= 2;
    }
    int bad = ferror(f);
    fclose(f);
    if (!buf || bad) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static int add_one(bench_files *fs, const char *path)
{
    size_t len;
    char *data = bench_read_file(path, &len);
    if (!data) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno ? errno : EIO));
        return -1;
    }
    if (fs->n == fs->cap) {
        size_t cap = fs->cap ? fs->cap * 2 : 64;
        bench_file *v = realloc(fs->v, cap * sizeof *v);
        if (!v) {
            free(data);
            return -1;
        }
        fs->v = v;
        fs->cap = cap;
    }
    fs->v[fs->n].name = strdup(path);
    fs->v[fs->n].data = data;
    fs->v[fs->n].len = len;
    fs->n++;
    fs->bytes += len;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int bench_files_add(bench_files *fs, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode))
        return add_one(fs, path);
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".sdp") != 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            char **g = realloc(names, cap * sizeof *g);
            if (!g) {
                rc = -1;
                break;
            }
            names = g;
        }
        size_t pl = strlen(path) + 1 + l + 1;
        names[n] = malloc(pl);
        if (!names[n]) {
            rc = -1;
            break;
        }
        snprintf(names[n], pl, "%s/%s", path, e->d_name);
        n++;
    }
    closedir(d);
    if (names)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (rc == 0 && add_one(fs, names[i]) != 0)
            rc = -1;
        free(names[i]);
    }
    free(names);
    return rc;
}

void bench_files_free(bench_files *fs)
{
    for (size_t i = 0; i < fs->n; i++) {
        free(fs->v[i].name);
        free(fs->v[i].data);
    }
    free(fs->v);
    memset(fs, 0, sizeof *fs);
}

/* ---- round trip --------------------------------------------------------- */

int bench_roundtrip_equal(const char *in, size_t inlen, const char *out, size_t outlen)
{
    size_t i = 0, j = 0;
    while (i < inlen) {
        char c = in[i];
        if (c == '\n' && (i == 0 || in[i - 1] != '\r')) {
            /* RFC 8866 5: a bare LF is written back as CRLF */
            if (j + 2 > outlen || out[j] != '\r' || out[j + 1] != '\n')
                return 0;
            j += 2;
        } else {
            if (j >= outlen || out[j] != c)
                return 0;
            j++;
        }
        i++;
    }
    if (inlen > 0 && in[inlen - 1] != '\n') {
        if (j + 2 > outlen || out[j] != '\r' || out[j + 1] != '\n')
            return 0;
        j += 2;
    }
    return j == outlen;
}

/* ---- command line ------------------------------------------------------- */

int bench_parse_common(int argc, char **argv, bench_cfg *cfg, char **rest)
{
    int n = 0;
    cfg->iterations = 0;
    cfg->seconds = 0.5;
    cfg->warmup = -1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--iterations") == 0 || strcmp(a, "--seconds") == 0 ||
            strcmp(a, "--warmup") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s needs a value\n", a);
                return -1;
            }
            char *end;
            double v = strtod(argv[++i], &end);
            if (*end || v < 0) {
                fprintf(stderr, "%s: bad value \"%s\"\n", a, argv[i]);
                return -1;
            }
            if (a[2] == 'i') {
                cfg->iterations = (unsigned)v;
                if (!cfg->iterations) {
                    fprintf(stderr, "--iterations must be at least 1\n");
                    return -1;
                }
            } else if (a[2] == 's') {
                cfg->seconds = v;
                cfg->iterations = 0;
            } else {
                cfg->warmup = (int)v;
            }
        } else {
            rest[n++] = argv[i];
        }
    }
    return n;
}

/* ---- peers -------------------------------------------------------------- */

typedef struct peer_ctx {
    const bench_peer *peer;
    const bench_files *fs;
    void **handles; /* accepted files, for the write pass */
} peer_ctx;

/* Named for callgrind's --toggle-collect (see bench/instr.sh). */
void bench_parse_pass(void *arg);
void bench_write_pass(void *arg);

void bench_parse_pass(void *arg)
{
    peer_ctx *c = arg;
    for (size_t i = 0; i < c->fs->n; i++) {
        void *h = c->peer->parse(c->fs->v[i].data, c->fs->v[i].len);
        if (h)
            c->peer->release(h);
    }
}

void bench_write_pass(void *arg)
{
    peer_ctx *c = arg;
    for (size_t i = 0; i < c->fs->n; i++) {
        if (!c->handles[i])
            continue;
        size_t n;
        char *t = c->peer->write(c->handles[i], &n);
        if (t)
            c->peer->text_free(t);
    }
}

static void print_ipb(const char *key, const bench_result *r, size_t bytes)
{
    if (r->instructions < 0)
        printf(" %s=n/a", key);
    else
        printf(" %s=%.2f", key, r->instructions / (double)bytes);
}

int bench_peer_main(int argc, char **argv, const bench_peer *peer)
{
    bench_cfg cfg;
    char **rest = calloc((size_t)argc + 1, sizeof *rest);
    int nrest = rest ? bench_parse_common(argc, argv, &cfg, rest) : -1;
    static char dflt[] = SDPX_CORPUS_DIR "/valid";
    if (nrest == 0 && SDPX_CORPUS_DIR[0])
        rest[nrest++] = dflt;
    if (nrest <= 0) {
        fprintf(stderr, "usage: %s [--iterations N | --seconds S] FILE|DIR...\n", argv[0]);
        return 2;
    }
    bench_files fs = {0};
    for (int i = 0; i < nrest; i++)
        if (bench_files_add(&fs, rest[i]) != 0)
            return 2;
    free(rest);
    if (peer->init)
        peer->init();

    peer_ctx c = {peer, &fs, calloc(fs.n + 1, sizeof(void *))};
    double *mallocs = calloc(fs.n + 1, sizeof *mallocs);
    size_t accepted = 0, roundtrip = 0, wbytes = 0;
    if (!c.handles || !mallocs)
        return 2;
    for (size_t i = 0; i < fs.n; i++) {
        uint64_t a0 = bench_alloc_calls();
        void *h = peer->parse(fs.v[i].data, fs.v[i].len);
        mallocs[i] = (double)(bench_alloc_calls() - a0);
        c.handles[i] = h;
        if (!h)
            continue;
        accepted++;
        size_t n = 0;
        char *t = peer->write(h, &n);
        if (t) {
            wbytes += n;
            roundtrip += (size_t)bench_roundtrip_equal(fs.v[i].data, fs.v[i].len, t, n);
            peer->text_free(t);
        }
    }
    double parse_mallocs = bench_median(mallocs, fs.n);
    size_t nw = 0;
    for (size_t i = 0; i < fs.n; i++) {
        if (!c.handles[i])
            continue;
        uint64_t a0 = bench_alloc_calls();
        size_t n;
        char *t = peer->write(c.handles[i], &n);
        mallocs[nw++] = (double)(bench_alloc_calls() - a0);
        if (t)
            peer->text_free(t);
    }
    double write_mallocs = bench_median(mallocs, nw);

    int fd = bench_instr_open();
    bench_result rp, rw;
    bench_run(&cfg, fd, bench_parse_pass, &c, &rp);
    bench_run(&cfg, fd, bench_write_pass, &c, &rw);

    printf("sdpbench-peer name=%s files=%zu bytes=%zu accepted=%zu roundtrip=%zu", peer->name,
           fs.n, fs.bytes, accepted, roundtrip);
    printf(" parse_ns=%.1f parse_mbps=%.1f", rp.ns_median / (double)(fs.n ? fs.n : 1),
           rp.ns_median > 0 ? (double)fs.bytes / rp.ns_median * 1e3 : 0);
    print_ipb("parse_ipb", &rp, fs.bytes);
    printf(" parse_mallocs=%.0f", parse_mallocs);
    printf(" write_ns=%.1f write_mbps=%.1f", rw.ns_median / (double)(accepted ? accepted : 1),
           rw.ns_median > 0 ? (double)wbytes / rw.ns_median * 1e3 : 0);
    print_ipb("write_ipb", &rw, wbytes ? wbytes : 1);
    printf(" write_mallocs=%.0f\n", write_mallocs);

    for (size_t i = 0; i < fs.n; i++)
        if (c.handles[i])
            peer->release(c.handles[i]);
    free(c.handles);
    free(mallocs);
    bench_files_free(&fs);
    if (fd >= 0)
        close(fd);
    return 0;
}
