/* Shared helpers of the benchmark programs (sdpbench and the peer programs):
 * loading files, timing passes, counting mallocs and instructions, and the
 * round-trip comparison. Not part of the library. */
#ifndef SDPX_BENCH_H
#define SDPX_BENCH_H

#include <stddef.h>
#include <stdint.h>

/* One input file, NUL-terminated in memory (peers that want C strings). */
typedef struct bench_file {
    char *name;
    char *data;
    size_t len;
} bench_file;

typedef struct bench_files {
    bench_file *v;
    size_t n;
    size_t cap;
    size_t bytes;
} bench_files;

/* Add a file, or every regular *.sdp file of a directory (sorted by name).
 * Returns 0, or -1 after printing why. */
int bench_files_add(bench_files *fs, const char *path);
void bench_files_free(bench_files *fs);
/* Read a whole file; returns a malloc'd NUL-terminated buffer or NULL. */
char *bench_read_file(const char *path, size_t *len);

/* Monotonic clock in nanoseconds. */
uint64_t bench_now_ns(void);
/* CPU time of the calling thread in nanoseconds: passes are timed with it,
 * so time the scheduler gives to other processes is not counted. */
uint64_t bench_cpu_ns(void);

/* Allocation calls (malloc, calloc, realloc, and the aligned forms) made by
 * this process so far, counted by the interposed allocator. */
uint64_t bench_alloc_calls(void);

/* User-space instruction counter through perf_event_open; -1 when the
 * machine does not offer it (then instructions are reported as n/a). */
int bench_instr_open(void);
uint64_t bench_instr_read(int fd);

/* How long to measure: a fixed number of passes, or a time budget. */
typedef struct bench_cfg {
    unsigned iterations; /* 0: use seconds */
    double seconds;      /* per operation */
    int warmup;          /* passes before measuring; -1: automatic */
} bench_cfg;

typedef void (*bench_pass_fn)(void *ctx);

typedef struct bench_result {
    double ns_median;   /* one pass */
    double ns_min;      /* the fastest pass (steadier on a busy machine) */
    unsigned passes;
    double instructions; /* per pass; < 0 when not available */
    double allocs;       /* allocation calls per pass (mean of the measured passes) */
} bench_result;

/* Warm up, then time passes of fn(ctx) in thread CPU time; instructions per
 * pass when the counter works. */
void bench_run(const bench_cfg *cfg, int instr_fd, bench_pass_fn fn, void *ctx,
               bench_result *r);

/* Median of n doubles (sorts them). */
double bench_median(double *v, size_t n);

/* 1 when `out` is `in` written back: byte for byte when every line of `in`
 * ends in CRLF, else equal to `in` with each bare LF turned into CRLF (and a
 * final CRLF added when the last line had no ending). */
int bench_roundtrip_equal(const char *in, size_t inlen, const char *out, size_t outlen);

/* Parse the command line shared by every program: --iterations N,
 * --seconds S, --warmup N; other arguments are returned in order. Returns
 * the number of remaining arguments or -1 on a usage error. */
int bench_parse_common(int argc, char **argv, bench_cfg *cfg, char **rest);

/* ---- peers ------------------------------------------------------------- */

/* A comparison parser: parse gives a handle (NULL when it rejects the
 * input), write its text (malloc'd or the parser's own memory, released by
 * text_free), release frees the handle. */
typedef struct bench_peer {
    const char *name;
    void (*init)(void);
    void *(*parse)(const char *buf, size_t len);
    char *(*write)(void *h, size_t *len);
    void (*text_free)(char *text);
    void (*release)(void *h);
} bench_peer;

/* main() of a peer program: `peer [--iterations N|--seconds S] FILE|DIR...`;
 * prints one line starting with "sdpbench-peer" with key=value fields. */
int bench_peer_main(int argc, char **argv, const bench_peer *peer);

#endif
