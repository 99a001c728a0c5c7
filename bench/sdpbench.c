/* sdpbench: how fast sdpx parses, decodes, writes and edits real SDP, with
 * how many allocations, side by side with other C parsers (--peers) and with
 * a linear-time table (--scaling).
 *
 * usage: sdpbench [--json] [-v] [--iterations N | --seconds S] [--warmup N]
 *                 [--peers] [--scaling] [FILE|DIR...]
 */
#include "bench_features.h"
#include "sdpbench.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef SDPX_CORPUS_DIR
#define SDPX_CORPUS_DIR ""
#endif

/* A typical server-reflexive candidate as browsers send it (RFC 8839 5.1). */
static const char srflx_candidate[] =
    "candidate:842163049 1 udp 1677729535 203.0.113.77 54609 typ srflx raddr 192.168.1.3 "
    "rport 54609 generation 0 ufrag 4ZcD network-id 1 network-cost 50";

typedef struct ctx {
    bench_files fs;
    sdpx_session **sess; /* per file: the parsed session, NULL when rejected */
    size_t accepted, roundtrip, written;
    char *out;
    size_t outcap;
    char *scratch;
    size_t scratch_size;
    /* candidates.txt, one string per line */
    char *cand_buf;
    sdpx_str *cand;
    size_t ncand, cand_bytes;
    /* the edit benchmark's offer (also parsed on its own: the offer rows) */
    char *offer;
    size_t offer_len;
    sdpx_session *edit_session; /* op_edit's input, parsed untimed */
    int edit_rc;
    size_t edit_written;
    size_t edit_calls; /* op_edit calls of the last run_edit, warm-up included */
    /* the answer benchmark: that offer parsed, and typical capabilities */
    sdpx_session *offer_s, *caps_doc;
    sdpx_caps caps;
    /* the JSON benchmarks: that offer written as JSON (op_json_read's input) */
    char *json;
    size_t json_len;
} ctx;

static void die_oom(void)
{
    fprintf(stderr, "sdpbench: out of memory\n");
    exit(2);
}

/* ---- the operations, one pass each (named for callgrind's --toggle-collect) */

void op_floor(void *arg);
void op_tokenize(void *arg);
void op_parse(void *arg);
void op_parse_scratch(void *arg);
void op_decode(void *arg);
void op_write(void *arg);
void op_candidate(void *arg);
void op_candidate_srflx(void *arg);
void op_offer_parse(void *arg);
void op_offer_decode(void *arg);
void op_edit(void *arg);
void op_answer(void *arg);
void op_json_write(void *arg);
void op_json_read(void *arg);

static volatile unsigned sink; /* keeps results alive */

#define SRFLX_CALLS 1000 /* op_candidate_srflx: calls per pass */

/* The floor: memchr over the same bytes, counting lines. */
void op_floor(void *arg)
{
    ctx *c = arg;
    for (size_t i = 0; i < c->fs.n; i++) {
        const char *p = c->fs.v[i].data, *end = p + c->fs.v[i].len;
        unsigned lines = 0;
        while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
            p++;
            lines++;
        }
        sink += lines;
    }
}

void op_tokenize(void *arg)
{
    ctx *c = arg;
    for (size_t i = 0; i < c->fs.n; i++) {
        sdpx_tokenizer tz;
        sdpx_token tok;
        sdpx_error err;
        sdpx_tokenizer_init(&tz, c->fs.v[i].data, c->fs.v[i].len);
        while (sdpx_tokenizer_next(&tz, &tok, &err) != 0)
            sink += (unsigned)tok.type;
    }
}

void op_parse(void *arg)
{
    ctx *c = arg;
    for (size_t i = 0; i < c->fs.n; i++) {
        sdpx_session *s;
        sdpx_error err;
        if (sdpx_parse(c->fs.v[i].data, c->fs.v[i].len, NULL, &s, &err) == 0)
            sdpx_session_free(s);
    }
}

void op_parse_scratch(void *arg)
{
    ctx *c = arg;
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.scratch = c->scratch;
    opt.scratch_size = c->scratch_size;
    for (size_t i = 0; i < c->fs.n; i++) {
        sdpx_session *s;
        sdpx_error err;
        if (sdpx_parse(c->fs.v[i].data, c->fs.v[i].len, &opt, &s, &err) == 0)
            sdpx_session_free(s);
    }
}

void op_decode(void *arg)
{
    ctx *c = arg;
    for (size_t i = 0; i < c->fs.n; i++) {
        sdpx_session *s;
        sdpx_error err;
        if (sdpx_parse(c->fs.v[i].data, c->fs.v[i].len, NULL, &s, &err) == 0) {
            sink += sdpbench_validate_all(s);
            sdpx_session_free(s);
        }
    }
}

/* The browser-like offer alone: one parse (+ decode) per pass. */
void op_offer_parse(void *arg)
{
    ctx *c = arg;
    sdpx_session *s;
    sdpx_error err;
    if (sdpx_parse(c->offer, c->offer_len, NULL, &s, &err) == 0)
        sdpx_session_free(s);
}

void op_offer_decode(void *arg)
{
    ctx *c = arg;
    sdpx_session *s;
    sdpx_error err;
    if (sdpx_parse(c->offer, c->offer_len, NULL, &s, &err) == 0) {
        sink += sdpbench_validate_all(s);
        sdpx_session_free(s);
    }
}

void op_write(void *arg)
{
    ctx *c = arg;
    for (size_t i = 0; i < c->fs.n; i++)
        if (c->sess[i])
            sink += (unsigned)sdpx_write(c->sess[i], 0, c->out, c->outcap);
}

/* sdpx_answer_create (+ free) of the parsed offer with typical capabilities:
 * opus, VP8 and H.264 42e01f with RTX, data channels (RFC 3264, JSEP 5.3.1). */
void op_answer(void *arg)
{
    ctx *c = arg;
    sdpx_session *a;
    if (sdpx_answer_create(c->offer_s, &c->caps, NULL, &a, NULL) == 0) {
        sink += (unsigned)sdpx_session_media_count(a);
        sdpx_session_free(a);
    }
}

/* sdpx_write_json of the parsed offer into a caller buffer (sdp-transform's shape). */
void op_json_write(void *arg)
{
    ctx *c = arg;
    sink += (unsigned)sdpx_write_json(c->offer_s, 0, c->out, c->outcap);
}

/* sdpx_parse_json (+ free) of that JSON text: back to a session. */
void op_json_read(void *arg)
{
    ctx *c = arg;
    sdpx_session *s;
    sdpx_error err;
    if (sdpx_parse_json(c->json, c->json_len, NULL, &s, &err) == 0) {
        sink += (unsigned)sdpx_session_media_count(s);
        sdpx_session_free(s);
    }
}

static const char answer_caps[] =
    "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
    "a=fingerprint:sha-256 3B:2A:44:F5:6D:1E:9C:07:AB:52:C8:19:E0:7F:34:D6:88:A1:0B:5E:C2:96:"
    "4F:73:1D:E8:60:B9:27:5A:CC:03\r\n"
    "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
    "a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n"
    "a=rtcp-fb:111 transport-cc\r\n"
    "m=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103\r\na=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
    "a=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 nack\r\na=rtcp-fb:96 nack pli\r\n"
    "a=rtcp-fb:96 transport-cc\r\na=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\n"
    "a=rtpmap:102 H264/90000\r\na=rtcp-fb:102 nack\r\na=rtcp-fb:102 nack pli\r\n"
    "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f\r\n"
    "a=rtpmap:103 rtx/90000\r\na=fmtp:103 apt=102\r\n"
    "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=sctp-port:5000\r\n";

#if defined(SDPXB_CANDIDATE_PTRLEN) || defined(SDPXB_CANDIDATE_STR)
#define HAVE_CANDIDATE 1
static int candidate_parse(sdpx_str v)
{
    sdpx_candidate cand;
#ifdef SDPXB_CANDIDATE_PTRLEN
    return sdpx_candidate_parse(v.ptr, v.len, &cand);
#else
    return sdpx_candidate_parse(v, &cand);
#endif
}

void op_candidate(void *arg)
{
    ctx *c = arg;
    for (size_t i = 0; i < c->ncand; i++)
        sink += (unsigned)candidate_parse(c->cand[i]);
}

void op_candidate_srflx(void *arg)
{
    (void)arg;
    sdpx_str v = {srflx_candidate, sizeof srflx_candidate - 1};
    for (int i = 0; i < SRFLX_CALLS; i++)
        sink += (unsigned)candidate_parse(v);
}
#endif

#if defined(SDPXB_REMOVE_CODEC_CSTR) || defined(SDPXB_REMOVE_CODEC_STR) || \
    defined(SDPXB_REMOVE_CODEC_CSTR_MATCH)
#define HAVE_REMOVE_CODEC 1
/* Negative on failure; the number of payload types removed when the API says. */
static int remove_codec(sdpx_media *m, const char *name)
{
#if defined(SDPXB_REMOVE_CODEC_CSTR_MATCH)
    return sdpx_media_remove_codec(m, name, NULL);
#elif defined(SDPXB_REMOVE_CODEC_CSTR)
    return sdpx_media_remove_codec(m, name);
#else
    sdpx_str v = {name, strlen(name)};
    return sdpx_media_remove_codec(m, v);
#endif
}

/* Remove VP8 from c->edit_session's video section, then write it. */
void op_edit(void *arg)
{
    ctx *c = arg;
    c->edit_rc = remove_codec(sdpx_session_media_mut(c->edit_session, 1), "VP8");
    c->edit_written = sdpx_write(c->edit_session, 0, c->out, c->outcap);
}
#endif

/* ---- results ------------------------------------------------------------ */

typedef struct op_row {
    const char *name;
    const char *what;
    const char *note; /* set when the operation was skipped */
    double ns_call;
    double mbps;
    double ipb;       /* < 0: n/a */
    double mallocs;   /* per call */
    size_t calls;     /* per pass */
} op_row;

static op_row *new_row(op_row *rows, size_t *n, const char *name, const char *what)
{
    op_row *r = &rows[(*n)++];
    memset(r, 0, sizeof *r);
    r->name = name;
    r->what = what;
    return r;
}

/* Time passes of fn; each pass makes `calls` calls over `bytes` bytes. */
static void timed_row(op_row *r, const bench_cfg *cfg, int fd, bench_pass_fn fn, void *c,
                      size_t calls, size_t bytes)
{
    bench_result res;
    bench_run(cfg, fd, fn, c, &res);
    r->calls = calls;
    r->mallocs = res.allocs / (double)(calls ? calls : 1);
    r->ns_call = res.ns_median / (double)(calls ? calls : 1);
    r->mbps = res.ns_median > 0 ? (double)bytes / res.ns_median * 1e3 : 0;
    r->ipb = res.instructions >= 0 && bytes ? res.instructions / (double)bytes : -1;
}

/* Median allocation calls of one parse (+ validate) per file. */
static double mallocs_parse(ctx *c, const sdpx_parse_options *opt, int decode)
{
    double *v = calloc(c->fs.n + 1, sizeof *v);
    if (!v)
        die_oom();
    for (size_t i = 0; i < c->fs.n; i++) {
        sdpx_session *s;
        sdpx_error err;
        uint64_t a0 = bench_alloc_calls();
        if (sdpx_parse(c->fs.v[i].data, c->fs.v[i].len, opt, &s, &err) == 0) {
            if (decode)
                sink += sdpbench_validate_all(s);
            v[i] = (double)(bench_alloc_calls() - a0);
            sdpx_session_free(s);
        } else {
            v[i] = (double)(bench_alloc_calls() - a0);
        }
    }
    double m = bench_median(v, c->fs.n);
    free(v);
    return m;
}

/* Allocation calls of one parse (+ validate) of the offer (not an op_
 * function: callgrind counts only the timed passes). */
static double mallocs_offer(ctx *c, int decode)
{
    sdpx_session *s;
    sdpx_error err;
    uint64_t a0 = bench_alloc_calls();
    if (sdpx_parse(c->offer, c->offer_len, NULL, &s, &err) == 0) {
        if (decode)
            sink += sdpbench_validate_all(s);
        sdpx_session_free(s);
    }
    return (double)(bench_alloc_calls() - a0);
}

/* ---- the edit offer: a browser-like audio+video offer of about 5 KB ------ */

static void append(char **buf, size_t *len, size_t *cap, const char *s)
{
    size_t n = strlen(s);
    if (*len + n + 1 > *cap) {
        size_t nc = (*cap ? *cap * 2 : 8192) + n;
        char *g = realloc(*buf, nc);
        if (!g)
            die_oom();
        *buf = g;
        *cap = nc;
    }
    memcpy(*buf + *len, s, n + 1);
    *len += n;
}

static void make_offer(ctx *c)
{
    static const char *const head =
        "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
        "a=group:BUNDLE 0 1 2\r\na=extmap-allow-mixed\r\na=msid-semantic: WMS stream0\r\n"
        "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126\r\nc=IN IP4 0.0.0.0\r\n"
        "a=rtcp:9 IN IP4 0.0.0.0\r\n"
        "a=candidate:1467250027 1 udp 2122260223 192.168.0.196 46243 typ host generation 0 network-id 1\r\n"
        "a=candidate:2590219577 1 udp 2122262783 2001:db8::1c2a:94e7 46244 typ host generation 0 network-id 2\r\n"
        "a=candidate:435653019 1 tcp 1518280447 192.168.0.196 9 typ host tcptype active generation 0 network-id 1\r\n"
        "a=candidate:842163049 1 udp 1677729535 203.0.113.77 46243 typ srflx raddr 192.168.0.196 rport 46243 generation 0 network-id 1\r\n"
        "a=candidate:3018413932 1 udp 41885439 198.51.100.20 3478 typ relay raddr 203.0.113.77 rport 46243 generation 0 network-id 1\r\n"
        "a=ice-ufrag:4ZcD\r\na=ice-pwd:2/1muCWoOi3uLifh0NuRHlJA\r\na=ice-options:trickle\r\n"
        "a=fingerprint:sha-256 19:E2:1C:3B:4B:9F:81:E6:B8:5C:F4:A5:A8:D8:73:04:BB:05:2F:70:9F:04:A9:0E:05:E9:26:33:E8:70:88:A2\r\n"
        "a=setup:actpass\r\na=mid:0\r\n"
        "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
        "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\n"
        "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\r\n"
        "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
        "a=sendrecv\r\na=msid:stream0 audio0\r\na=rtcp-mux\r\n"
        "a=rtpmap:111 opus/48000/2\r\na=rtcp-fb:111 transport-cc\r\n"
        "a=fmtp:111 minptime=10;useinbandfec=1\r\na=rtpmap:63 red/48000/2\r\na=fmtp:63 111/111\r\n"
        "a=rtpmap:9 G722/8000\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
        "a=rtpmap:13 CN/8000\r\na=rtpmap:110 telephone-event/48000\r\na=rtpmap:126 telephone-event/8000\r\n"
        "a=ssrc:1001 cname:4TOk42mSjXCkVIa6\r\na=ssrc:1001 msid:stream0 audio0\r\n";
    static const char *const video =
        "m=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99 100 101 102 103 104 105 106 107 108 109\r\n"
        "c=IN IP4 0.0.0.0\r\na=rtcp:9 IN IP4 0.0.0.0\r\n"
        "a=candidate:1467250027 1 udp 2122260223 192.168.0.196 46243 typ host generation 0 network-id 1\r\n"
        "a=candidate:2590219577 1 udp 2122262783 2001:db8::1c2a:94e7 46244 typ host generation 0 network-id 2\r\n"
        "a=candidate:435653019 1 tcp 1518280447 192.168.0.196 9 typ host tcptype active generation 0 network-id 1\r\n"
        "a=candidate:842163049 1 udp 1677729535 203.0.113.77 46243 typ srflx raddr 192.168.0.196 rport 46243 generation 0 network-id 1\r\n"
        "a=candidate:3018413932 1 udp 41885439 198.51.100.20 3478 typ relay raddr 203.0.113.77 rport 46243 generation 0 network-id 1\r\n"
        "a=ice-ufrag:4ZcD\r\na=ice-pwd:2/1muCWoOi3uLifh0NuRHlJA\r\na=ice-options:trickle\r\n"
        "a=fingerprint:sha-256 19:E2:1C:3B:4B:9F:81:E6:B8:5C:F4:A5:A8:D8:73:04:BB:05:2F:70:9F:04:A9:0E:05:E9:26:33:E8:70:88:A2\r\n"
        "a=setup:actpass\r\na=mid:1\r\n"
        "a=extmap:14 urn:ietf:params:rtp-hdrext:toffset\r\n"
        "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\n"
        "a=extmap:13 urn:3gpp:video-orientation\r\n"
        "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\r\n"
        "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
        "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\r\n"
        "a=extmap:11 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id\r\n"
        "a=sendrecv\r\na=msid:stream0 video0\r\na=rtcp-mux\r\na=rtcp-rsize\r\n";
    static const struct { int pt; const char *name; const char *fmtp; } codecs[] = {
        {96, "VP8", NULL},
        {98, "VP9", "profile-id=0"},
        {100, "VP9", "profile-id=2"},
        {102, "H264", "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f"},
        {104, "H264", "level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42e01f"},
        {106, "AV1", "level-idx=5;profile=0;tier=0"},
    };
    char *buf = NULL, line[256];
    size_t len = 0, cap = 0;
    append(&buf, &len, &cap, head);
    append(&buf, &len, &cap, video);
    for (size_t i = 0; i < sizeof codecs / sizeof codecs[0]; i++) {
        int pt = codecs[i].pt;
        snprintf(line, sizeof line, "a=rtpmap:%d %s/90000\r\n", pt, codecs[i].name);
        append(&buf, &len, &cap, line);
        static const char *const fb[] = {"goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"};
        for (size_t k = 0; k < 5; k++) {
            snprintf(line, sizeof line, "a=rtcp-fb:%d %s\r\n", pt, fb[k]);
            append(&buf, &len, &cap, line);
        }
        if (codecs[i].fmtp) {
            snprintf(line, sizeof line, "a=fmtp:%d %s\r\n", pt, codecs[i].fmtp);
            append(&buf, &len, &cap, line);
        }
        snprintf(line, sizeof line, "a=rtpmap:%d rtx/90000\r\na=fmtp:%d apt=%d\r\n", pt + 1, pt + 1, pt);
        append(&buf, &len, &cap, line);
    }
    append(&buf, &len, &cap,
           "a=rtpmap:108 red/90000\r\na=rtpmap:109 ulpfec/90000\r\n"
           "a=ssrc-group:FID 2001 2002\r\na=ssrc:2001 cname:4TOk42mSjXCkVIa6\r\n"
           "a=ssrc:2001 msid:stream0 video0\r\na=ssrc:2002 cname:4TOk42mSjXCkVIa6\r\n"
           "a=ssrc:2002 msid:stream0 video0\r\n"
           "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n"
           "a=ice-ufrag:4ZcD\r\na=ice-pwd:2/1muCWoOi3uLifh0NuRHlJA\r\na=ice-options:trickle\r\n"
           "a=fingerprint:sha-256 19:E2:1C:3B:4B:9F:81:E6:B8:5C:F4:A5:A8:D8:73:04:BB:05:2F:70:"
           "9F:04:A9:0E:05:E9:26:33:E8:70:88:A2\r\n"
           "a=setup:actpass\r\na=mid:2\r\na=sctp-port:5000\r\na=max-message-size:262144\r\n");
    c->offer = buf;
    c->offer_len = len;
}

#ifdef HAVE_REMOVE_CODEC
/* Time only the edit and the write: each call needs a fresh session, parsed
 * (untimed) into scratch memory. */
static int run_edit(ctx *c, const bench_cfg *cfg, int fd, op_row *r)
{
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.scratch = c->scratch;
    opt.scratch_size = c->scratch_size;
    unsigned n = cfg->iterations ? cfg->iterations * 100 : 0;
    double budget = (cfg->seconds > 0 ? cfg->seconds : 0.5) * 1e9;
    size_t cap = 4096, k = 0;
    double *t = malloc(cap * sizeof *t);
    double mallocs = 0;
    uint64_t instr = 0, start = bench_now_ns();
    size_t out_bytes = 0;
    if (!t)
        die_oom();
    for (unsigned i = 0;; i++) {
        if (n ? i >= n : (i >= 100 && (double)(bench_now_ns() - start) >= budget))
            break;
        sdpx_session *s;
        sdpx_error err;
        if (sdpx_parse(c->offer, c->offer_len, &opt, &s, &err) != 0) {
            fprintf(stderr, "sdpbench: edit offer does not parse: %s\n", err.msg);
            free(t);
            return -1;
        }
        c->edit_session = s;
        c->edit_calls++;
        uint64_t a0 = bench_alloc_calls();
        uint64_t i0 = bench_instr_read(fd);
        uint64_t t0 = bench_now_ns();
        op_edit(c);
        uint64_t t1 = bench_now_ns();
        int rc = c->edit_rc;
        size_t w = c->edit_written;
        uint64_t i1 = bench_instr_read(fd);
        uint64_t a1 = bench_alloc_calls();
        sdpx_session_free(s);
        if (rc < 0 || w >= c->outcap || memmem(c->out, w, "VP8/90000", 9) != NULL) {
            fprintf(stderr, "sdpbench: removing VP8 failed: %s\n",
                    rc < 0 ? sdpx_strerror(rc) : "VP8 still in the output");
            free(t);
            return -1;
        }
        if (i < 10) /* warm-up */
            continue;
        if (k == cap) {
            double *g = realloc(t, 2 * cap * sizeof *t);
            if (!g)
                die_oom();
            t = g;
            cap *= 2;
        }
        t[k++] = (double)(t1 - t0);
        instr += i1 - i0;
        mallocs += (double)(a1 - a0);
        out_bytes = w;
    }
    r->calls = 1;
    r->ns_call = bench_median(t, k);
    r->mbps = r->ns_call > 0 ? (double)c->offer_len / r->ns_call * 1e3 : 0;
    r->ipb = fd >= 0 && k ? (double)instr / (double)k / (double)c->offer_len : -1;
    r->mallocs = k ? mallocs / (double)k : 0;
    (void)out_bytes;
    free(t);
    return 0;
}
#endif

/* Write the offer's JSON once (untimed) for op_json_read, growing c->out to
 * hold it for op_json_write; -1 when either direction fails. */
static int prepare_json(ctx *c)
{
    size_t n;
    c->json = sdpx_write_json_alloc(c->offer_s, 0, &n);
    if (!c->json)
        return -1;
    c->json_len = n;
    if (c->outcap <= n) {
        char *g = realloc(c->out, n + 1);
        if (!g)
            die_oom();
        c->out = g;
        c->outcap = n + 1;
    }
    sdpx_session *s;
    if (sdpx_parse_json(c->json, c->json_len, NULL, &s, NULL) != 0)
        return -1;
    sdpx_session_free(s);
    return 0;
}

/* Allocation calls of one sdpx_parse_json (+ free) of the offer's JSON. */
static double mallocs_json_read(ctx *c)
{
    uint64_t a0 = bench_alloc_calls();
    op_json_read(c);
    return (double)(bench_alloc_calls() - a0);
}

/* ---- corpus counts -------------------------------------------------------- */

static void parse_corpus(ctx *c, int verbose)
{
    c->sess = calloc(c->fs.n + 1, sizeof *c->sess);
    if (!c->sess)
        die_oom();
    size_t maxlen = 0;
    for (size_t i = 0; i < c->fs.n; i++)
        if (c->fs.v[i].len > maxlen)
            maxlen = c->fs.v[i].len;
    /* Writing turns each LF into CRLF and may add a final one. */
    c->outcap = 2 * maxlen + 16;
    c->out = malloc(c->outcap);
    if (!c->out)
        die_oom();
    for (size_t i = 0; i < c->fs.n; i++) {
        sdpx_error err;
        bench_file *f = &c->fs.v[i];
        if (sdpx_parse(f->data, f->len, NULL, &c->sess[i], &err) != 0) {
            c->sess[i] = NULL;
            if (verbose)
                fprintf(stderr, "rejected: %s:%u:%u: %s\n", f->name, err.line, err.col, err.msg);
            continue;
        }
        c->accepted++;
        size_t n = sdpx_write(c->sess[i], 0, c->out, c->outcap);
        c->written += n;
        if (n < c->outcap && bench_roundtrip_equal(f->data, f->len, c->out, n))
            c->roundtrip++;
        else if (verbose)
            fprintf(stderr, "not round-tripped: %s\n", f->name);
    }
}

static void load_candidates(ctx *c)
{
    size_t len = 0;
    char path[4096];
    snprintf(path, sizeof path, "%s/candidates.txt", SDPX_CORPUS_DIR);
    c->cand_buf = SDPX_CORPUS_DIR[0] ? bench_read_file(path, &len) : NULL;
    if (!c->cand_buf)
        return;
    size_t lines = 1;
    for (size_t i = 0; i < len; i++)
        lines += c->cand_buf[i] == '\n';
    c->cand = calloc(lines, sizeof *c->cand);
    if (!c->cand)
        die_oom();
    char *p = c->cand_buf, *end = c->cand_buf + len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *e = nl ? nl : end;
        size_t n = (size_t)(e - p);
        if (n && p[n - 1] == '\r')
            n--;
        if (n) {
            c->cand[c->ncand].ptr = p;
            c->cand[c->ncand].len = n;
            c->ncand++;
            c->cand_bytes += n;
        }
        p = e + (nl != NULL);
    }
}

/* ---- peers ---------------------------------------------------------------- */

typedef struct peer_row {
    const char *name;  /* program */
    const char *label; /* parser */
    int ran;
    char line[1024];
} peer_row;

/* The value of `key=` in a peer's output line, or NULL. */
static const char *peer_field(const char *line, const char *key, char *buf, size_t cap)
{
    size_t kl = strlen(key);
    for (const char *p = line; (p = strstr(p, key)) != NULL; p += kl) {
        if ((p == line || p[-1] == ' ') && p[kl] == '=') {
            const char *v = p + kl + 1;
            size_t n = strcspn(v, " \n");
            if (n >= cap)
                n = cap - 1;
            memcpy(buf, v, n);
            buf[n] = '\0';
            return buf;
        }
    }
    return NULL;
}

static double peer_num(const peer_row *p, const char *key)
{
    char buf[64];
    const char *v = peer_field(p->line, key, buf, sizeof buf);
    return v && strcmp(v, "n/a") != 0 ? strtod(v, NULL) : -1;
}

static int run_peer(peer_row *p, const char *dir, const ctx *c, const bench_cfg *cfg)
{
    char prog[4200];
    snprintf(prog, sizeof prog, "%s/%s", dir, p->name);
    if (access(prog, X_OK) != 0)
        return -1;
    char **argv = calloc(c->fs.n + 8, sizeof *argv);
    char it[32], sec[32], warm[32];
    int a = 0;
    if (!argv)
        die_oom();
    argv[a++] = prog;
    if (cfg->iterations) {
        snprintf(it, sizeof it, "%u", cfg->iterations);
        argv[a++] = "--iterations";
        argv[a++] = it;
    } else {
        snprintf(sec, sizeof sec, "%g", cfg->seconds);
        argv[a++] = "--seconds";
        argv[a++] = sec;
    }
    if (cfg->warmup >= 0) {
        snprintf(warm, sizeof warm, "%d", cfg->warmup);
        argv[a++] = "--warmup";
        argv[a++] = warm;
    }
    for (size_t i = 0; i < c->fs.n; i++)
        argv[a++] = c->fs.v[i].name;
    argv[a] = NULL;
    int fds[2];
    if (pipe(fds) != 0) {
        free(argv);
        return -1;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        execv(prog, argv);
        _exit(127);
    }
    close(fds[1]);
    free(argv);
    char buf[8192];
    size_t n = 0;
    ssize_t got;
    while ((got = read(fds[0], buf + n, sizeof buf - 1 - n)) > 0)
        n += (size_t)got;
    close(fds[0]);
    buf[n] = '\0';
    int status = 0;
    if (pid > 0)
        waitpid(pid, &status, 0);
    char *line = strstr(buf, "sdpbench-peer ");
    if (pid < 0 || !line || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1;
    snprintf(p->line, sizeof p->line, "%s", line);
    p->line[strcspn(p->line, "\n")] = '\0';
    p->ran = 1;
    return 0;
}

static void self_dir(const char *argv0, char *dir, size_t cap)
{
    ssize_t n = readlink("/proc/self/exe", dir, cap - 1);
    if (n <= 0) {
        snprintf(dir, cap, "%s", argv0);
    } else {
        dir[n] = '\0';
    }
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        snprintf(dir, cap, ".");
}

/* ---- output --------------------------------------------------------------- */

static void print_num(double v, int width, int prec, int json)
{
    if (v < 0 && json)
        printf("null");
    else if (v < 0)
        printf("%*s", width, "n/a");
    else if (json)
        printf("%.*f", prec, v);
    else
        printf("%*.*f", width, prec, v);
}

static void print_text(const ctx *c, op_row *rows, size_t nrows, const char *src)
{
    printf("sdpbench (sdpx %s): %zu files, %zu bytes from %s\n", sdpx_version(), c->fs.n,
           c->fs.bytes, src);
    printf("accepted %zu/%zu, round trip %zu/%zu "
           "(equal to the input once its line endings are CRLF)\n\n",
           c->accepted, c->fs.n, c->roundtrip, c->fs.n);
    printf("%-16s %7s %11s %10s %11s %13s\n", "operation", "calls", "ns/call", "MB/s",
           "instr/byte", "mallocs/call");
    for (size_t i = 0; i < nrows; i++) {
        op_row *r = &rows[i];
        if (r->note) {
            printf("%-16s skipped: %s\n", r->name, r->note);
            continue;
        }
        printf("%-16s %7zu ", r->name, r->calls);
        print_num(r->ns_call, 11, 1, 0);
        printf(" ");
        print_num(r->mbps, 10, 1, 0);
        printf(" ");
        print_num(r->ipb, 11, 2, 0);
        printf(" ");
        print_num(r->mallocs, 13, 1, 0);
        printf("\n");
    }
    printf("\n");
    for (size_t i = 0; i < nrows; i++)
        if (!rows[i].note)
            printf("  %-14s %s\n", rows[i].name, rows[i].what);
    printf("times are thread CPU time (time given to other processes is not counted);\n"
           "ns/call: median pass time / calls per pass; MB/s: input bytes / median pass time;\n"
           "mallocs/call: counted by the interposed allocator (parse rows: median over files,\n"
           "others: mean over the measured passes).\n");
}

static void print_json_rows(op_row *rows, size_t nrows)
{
    printf("\"operations\":[");
    for (size_t i = 0; i < nrows; i++) {
        op_row *r = &rows[i];
        printf("%s{\"name\":\"%s\"", i ? "," : "", r->name);
        if (r->note) {
            printf(",\"skipped\":\"%s\"}", r->note);
            continue;
        }
        printf(",\"calls_per_pass\":%zu,\"ns_per_call\":", r->calls);
        print_num(r->ns_call, 0, 1, 1);
        printf(",\"mb_per_s\":");
        print_num(r->mbps, 0, 1, 1);
        printf(",\"instructions_per_byte\":");
        print_num(r->ipb, 0, 2, 1);
        printf(",\"mallocs_per_call\":");
        print_num(r->mallocs, 0, 1, 1);
        printf("}");
    }
    printf("]");
}

static void print_peers(peer_row *peers, size_t n, const op_row *parse, const op_row *write,
                        const ctx *c, int json)
{
    if (json) {
        printf(",\"peers\":[");
        int first = 1;
        for (size_t i = 0; i < n; i++) {
            if (!peers[i].ran)
                continue;
            printf("%s{\"name\":\"%s\",\"accepted\":%.0f,\"roundtrip\":%.0f,"
                   "\"parse_ns_per_call\":%.1f,\"parse_mb_per_s\":%.1f,\"parse_instructions_per_byte\":",
                   first ? "" : ",", peers[i].label, peer_num(&peers[i], "accepted"),
                   peer_num(&peers[i], "roundtrip"), peer_num(&peers[i], "parse_ns"),
                   peer_num(&peers[i], "parse_mbps"));
            print_num(peer_num(&peers[i], "parse_ipb"), 0, 2, 1);
            printf(",\"parse_mallocs\":%.0f,\"write_mb_per_s\":%.1f,\"parse_speed_ratio\":%.2f}",
                   peer_num(&peers[i], "parse_mallocs"), peer_num(&peers[i], "write_mbps"),
                   parse->mbps / peer_num(&peers[i], "parse_mbps"));
            first = 0;
        }
        printf("]");
        return;
    }
    printf("\npeers (same files, same run, each parse followed by freeing the result):\n");
    printf("%-26s %9s %10s %10s %8s %11s %8s %10s %8s\n", "parser", "accepted", "roundtrip",
           "parse MB/s", "sdpx x", "instr/byte", "mallocs", "write MB/s", "sdpx x");
    printf("%-26s %9zu %10zu %10.1f %8s ", "sdpx", c->accepted, c->roundtrip, parse->mbps, "1.0");
    print_num(parse->ipb, 11, 2, 0);
    printf(" %8.0f %10.1f %8s\n", parse->mallocs, write->mbps, "1.0");
    for (size_t i = 0; i < n; i++) {
        peer_row *p = &peers[i];
        if (!p->ran) {
            printf("%-26s not built (configure did not find its package)\n", p->label);
            continue;
        }
        double pm = peer_num(p, "parse_mbps"), wm = peer_num(p, "write_mbps");
        printf("%-26s %9.0f %10.0f %10.1f %8.1f ", p->label, peer_num(p, "accepted"),
               peer_num(p, "roundtrip"), pm, pm > 0 ? parse->mbps / pm : 0);
        print_num(peer_num(p, "parse_ipb"), 11, 2, 0);
        printf(" %8.0f %10.1f %8.1f\n", peer_num(p, "parse_mallocs"), wm,
               wm > 0 ? write->mbps / wm : 0);
    }
}

static void usage(void)
{
    fprintf(stderr,
            "usage: sdpbench [--json] [-v] [--iterations N | --seconds S] [--warmup N]\n"
            "                [--peers] [--scaling] [FILE|DIR...]\n"
            "       sdpbench --scaling-one SHAPE K parse|decode   (one input, for callgrind)\n"
            "Without files, reads the corpus valid/ folder (%s/valid).\n",
            SDPX_CORPUS_DIR[0] ? SDPX_CORPUS_DIR : "(none configured)");
}

int main(int argc, char **argv)
{
    bench_cfg cfg;
    char **rest = calloc((size_t)argc + 1, sizeof *rest);
    if (!rest)
        die_oom();
    int nrest = bench_parse_common(argc, argv, &cfg, rest);
    if (nrest < 0) {
        usage();
        return 2;
    }
    int json = 0, peers = 0, scaling = 0, verbose = 0, nfiles = 0;
    ctx c;
    memset(&c, 0, sizeof c);
    for (int i = 0; i < nrest; i++) {
        const char *a = rest[i];
        if (strcmp(a, "--json") == 0)
            json = 1;
        else if (strcmp(a, "--peers") == 0)
            peers = 1;
        else if (strcmp(a, "--scaling") == 0)
            scaling = 1;
        else if (strcmp(a, "-v") == 0)
            verbose = 1;
        else if (strcmp(a, "--scaling-one") == 0) {
            /* --scaling-one SHAPE K parse|decode (see bench/scaling_instr.sh) */
            if (i + 3 >= nrest) {
                usage();
                return 2;
            }
            return sdpbench_scaling_one(rest[i + 1], (unsigned)strtoul(rest[i + 2], NULL, 10),
                                        strcmp(rest[i + 3], "decode") == 0);
        }
        else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage();
            return 0;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "sdpbench: unknown option %s\n", a);
            usage();
            return 2;
        } else {
            if (bench_files_add(&c.fs, a) != 0)
                return 2;
            nfiles++;
        }
    }
    char src[4096];
    if (nfiles == 0) {
        snprintf(src, sizeof src, "%s/valid", SDPX_CORPUS_DIR);
        if (!SDPX_CORPUS_DIR[0] || access(src, R_OK) != 0) {
            fprintf(stderr, "sdpbench: no files given and no corpus at %s: skipping\n", src);
            return scaling ? sdpbench_scaling(&cfg, json) : 0;
        }
        if (bench_files_add(&c.fs, src) != 0)
            return 2;
    } else {
        snprintf(src, sizeof src, "%d argument%s", nfiles, nfiles == 1 ? "" : "s");
    }
    free(rest);
    if (c.fs.n == 0) {
        fprintf(stderr, "sdpbench: no input files\n");
        return 2;
    }

    parse_corpus(&c, verbose);
    load_candidates(&c);
    make_offer(&c);
    c.scratch_size = 64 * c.fs.bytes / (c.fs.n ? c.fs.n : 1) + (8u << 20);
    c.scratch = malloc(c.scratch_size);
    if (!c.scratch)
        die_oom();
    if (c.outcap < 4 * c.offer_len) {
        char *g = realloc(c.out, 4 * c.offer_len);
        if (!g)
            die_oom();
        c.out = g;
        c.outcap = 4 * c.offer_len;
    }

    int fd = bench_instr_open();
    op_row rows[20];
    size_t nrows = 0;
    sdpx_parse_options sopt;
    memset(&sopt, 0, sizeof sopt);
    sopt.scratch = c.scratch;
    sopt.scratch_size = c.scratch_size;

    op_row *r = new_row(rows, &nrows, "memchr-lines",
                        "the floor: memchr over every file, counting lines");
    timed_row(r, &cfg, fd, op_floor, &c, c.fs.n, c.fs.bytes);

    r = new_row(rows, &nrows, "tokenize", "sdpx_tokenizer_next over every line of every file");
    timed_row(r, &cfg, fd, op_tokenize, &c, c.fs.n, c.fs.bytes);

    r = new_row(rows, &nrows, "parse",
                        "sdpx_parse + sdpx_session_free of every file (lenient, malloc)");
    timed_row(r, &cfg, fd, op_parse, &c, c.fs.n, c.fs.bytes);
    r->mallocs = mallocs_parse(&c, NULL, 0);

    r = new_row(rows, &nrows, "parse-scratch", "the same with caller-supplied scratch memory");
    timed_row(r, &cfg, fd, op_parse_scratch, &c, c.fs.n, c.fs.bytes);
    r->mallocs = mallocs_parse(&c, &sopt, 0);

    r = new_row(rows, &nrows, "parse+decode",
                "parse, then sdpx_attr_validate on every a= line (typed decoders)");
    timed_row(r, &cfg, fd, op_decode, &c, c.fs.n, c.fs.bytes);
    r->mallocs = mallocs_parse(&c, NULL, 1);

    r = new_row(rows, &nrows, "parse-offer",
                "sdpx_parse + sdpx_session_free of the browser-like audio+video offer");
    timed_row(r, &cfg, fd, op_offer_parse, &c, 1, c.offer_len);
    r->mallocs = mallocs_offer(&c, 0);
    op_row *yard = r; /* the answer row's yardstick */

    r = new_row(rows, &nrows, "decode-offer",
                "the same offer, parsed, then sdpx_attr_validate on every a= line");
    timed_row(r, &cfg, fd, op_offer_decode, &c, 1, c.offer_len);
    r->mallocs = mallocs_offer(&c, 1);

    r = new_row(rows, &nrows, "write",
                "sdpx_write of every accepted session into a caller buffer (MB/s of output)");
    timed_row(r, &cfg, fd, op_write, &c, c.accepted, c.written);

    r = new_row(rows, &nrows, "candidate", "sdpx_candidate_parse of every line of candidates.txt");
    op_row *r2 = new_row(rows, &nrows, "candidate-srflx",
                         "sdpx_candidate_parse of one typical srflx candidate");
#ifdef HAVE_CANDIDATE
    if (c.ncand) {
        timed_row(r, &cfg, fd, op_candidate, &c, c.ncand, c.cand_bytes);
    } else {
        r->note = "no candidates.txt in the corpus";
    }
    timed_row(r2, &cfg, fd, op_candidate_srflx, &c, SRFLX_CALLS,
              SRFLX_CALLS * (sizeof srflx_candidate - 1));
#elif defined(SDPXB_CANDIDATE_OTHER)
    r->note = r2->note = "sdpx_candidate_parse has a signature sdpbench does not know yet";
#else
    r->note = r2->note = "sdpx_candidate_parse is not in include/sdp.h yet";
#endif

    r = new_row(rows, &nrows, "edit",
                "remove VP8 (and its RTX) from a browser-like offer, then sdpx_write (parse untimed)");
#ifdef HAVE_REMOVE_CODEC
    if (run_edit(&c, &cfg, fd, r) != 0)
        r->note = "the edit failed";
#elif defined(SDPXB_REMOVE_CODEC_OTHER)
    r->note = "sdpx_media_remove_codec has a signature sdpbench does not know yet";
#else
    r->note = "no remove-codec edit in include/sdp.h yet";
#endif

    r = new_row(rows, &nrows, "answer",
                "sdpx_answer_create of that offer, typical caps (instr/byte of the offer)");
    if (sdpx_parse(c.offer, c.offer_len, NULL, &c.offer_s, NULL) ||
        sdpx_parse(answer_caps, sizeof answer_caps - 1, NULL, &c.caps_doc, NULL) ||
        sdpx_caps_from_sdp(c.caps_doc, &c.caps, NULL)) {
        r->note = "the answer benchmark's offer or capabilities do not parse";
    } else {
        sdpx_session *probe;
        if (sdpx_answer_create(c.offer_s, &c.caps, NULL, &probe, NULL) != 0)
            r->note = "the offer cannot be answered";
        else {
            sdpx_session_free(probe);
            timed_row(r, &cfg, fd, op_answer, &c, 1, c.offer_len);
            if (r->ipb > 0 && yard->ipb > 0)
                printf("answer: %.2f parses of the offer (instructions)\n", r->ipb / yard->ipb);
            else if (r->ns_call > 0 && yard->ns_call > 0)
                printf("answer: %.2f parses of the offer (time)\n", r->ns_call / yard->ns_call);
        }
    }

    r = new_row(rows, &nrows, "json-write",
                "sdpx_write_json of that offer into a caller buffer (instr/byte of the offer)");
    op_row *r3 = new_row(rows, &nrows, "json-read",
                         "sdpx_parse_json of that JSON + sdpx_session_free (instr/byte of the JSON)");
    if (!c.offer_s || prepare_json(&c) != 0) {
        r->note = r3->note = "the offer cannot be written as JSON or read back";
    } else {
        timed_row(r, &cfg, fd, op_json_write, &c, 1, c.offer_len);
        timed_row(r3, &cfg, fd, op_json_read, &c, 1, c.json_len);
        r3->mallocs = mallocs_json_read(&c);
        if (r->ipb > 0 && yard->ipb > 0)
            printf("json write: %.2f parses of the offer (instructions)\n", r->ipb / yard->ipb);
        else if (r->ns_call > 0 && yard->ns_call > 0)
            printf("json write: %.2f parses of the offer (time)\n", r->ns_call / yard->ns_call);
    }

    peer_row prow[] = {
        {"peer_gst", "GStreamer GstSDPMessage", 0, ""},
        {"peer_sofia", "sofia-sip", 0, ""},
        {"peer_osip", "osip2", 0, ""},
    };
    size_t npeers = sizeof prow / sizeof prow[0];
    if (peers) {
        char dir[4096];
        self_dir(argv[0], dir, sizeof dir);
        for (size_t i = 0; i < npeers; i++)
            if (run_peer(&prow[i], dir, &c, &cfg) != 0 && verbose)
                fprintf(stderr, "sdpbench: %s did not run\n", prow[i].name);
    }

    if (json) {
        printf("{\"sdpx_version\":\"%s\",\"files\":%zu,\"bytes\":%zu,\"accepted\":%zu,"
               "\"roundtrip\":%zu,\"offer_bytes\":%zu,\"written_bytes\":%zu,"
               "\"candidates\":%zu,\"candidate_bytes\":%zu,\"srflx_bytes\":%zu,"
               "\"srflx_calls\":%d,\"edit_calls\":%zu,\"json_bytes\":%zu,",
               sdpx_version(), c.fs.n, c.fs.bytes, c.accepted, c.roundtrip, c.offer_len,
               c.written, c.ncand, c.cand_bytes, sizeof srflx_candidate - 1, SRFLX_CALLS,
               c.edit_calls, c.json_len);
        print_json_rows(rows, nrows);
        if (peers)
            print_peers(prow, npeers, &rows[2], &rows[7], &c, 1);
        if (scaling) {
            printf(",");
            fflush(stdout);
            sdpbench_scaling(&cfg, 1);
        }
        printf("}\n");
    } else {
        print_text(&c, rows, nrows, src);
        printf("edit offer: %zu bytes; candidate-srflx: %zu bytes\n", c.offer_len,
               sizeof srflx_candidate - 1);
        if (fd < 0)
            printf("instr/byte: n/a (no perf counters here; bench/instr.sh counts them with callgrind)\n");
        if (peers)
            print_peers(prow, npeers, &rows[2], &rows[7], &c, 0);
        if (scaling) {
            printf("\n");
            fflush(stdout);
            sdpbench_scaling(&cfg, 0);
        }
    }

    for (size_t i = 0; i < c.fs.n; i++)
        sdpx_session_free(c.sess[i]);
    free(c.sess);
    free(c.out);
    free(c.scratch);
    free(c.cand);
    free(c.cand_buf);
    free(c.offer);
    sdpx_free(c.json);
    sdpx_session_free(c.offer_s);
    sdpx_session_free(c.caps_doc);
    bench_files_free(&c.fs);
    if (fd >= 0)
        close(fd);
    (void)errno;
    return 0;
}
