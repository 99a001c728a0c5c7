/* A sequence of edits driven by the fuzz input. Byte 0 picks the setup:
 *   bits 0-1  one of four built-in descriptions, unless bit 2 is set: then
 *             the description is the input up to its first NUL byte
 *   bit 3     the session lives in scratch memory without heap (edits then
 *             run out of room: SDPX_ESCRATCH)
 *   bit 4     an allocator that fails from the Nth call on (N: byte 1)
 *   bit 5     SDPX_EDIT_BUMP_VERSION
 * The remaining bytes are operations with their arguments (strings may
 * hold CR and LF): the edit primitives and every helper of sdp.h 7.2-7.5,
 * trickle fragments included. Properties: no crash, overread or leak; an edit that
 * fails leaves the session exactly as it was; after the edits the written
 * text parses again to the same lines, and writing it again gives the
 * same bytes. */
#include "common.h"

typedef struct {
    const uint8_t *p;
    size_t n;
} input;

static unsigned byte(input *in)
{
    if (in->n == 0)
        return 0;
    in->n--;
    return *in->p++;
}

static uint64_t u64(input *in)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | byte(in);
    return v;
}

/* A NUL-terminated string of up to 63 bytes from the input, or NULL (1 in 16). */
static char *str(input *in, char *buf)
{
    unsigned len = byte(in);
    if ((len & 0xf0u) == 0xf0u)
        return NULL;
    len &= 63u;
    if (len > in->n)
        len = (unsigned)in->n;
    memcpy(buf, in->p, len);
    buf[len] = '\0';
    in->p += len;
    in->n -= len;
    return buf;
}

/* Strings the grammar accepts, mixed with raw ones, so edits get past
 * validation often enough. */
static const char *const words[] = {
    "a", "x-custom", "mid", "rtcp-mux", "sendonly", "ice-ufrag", "fingerprint", "group",
    "rtpmap", "fmtp", "ssrc", "candidate", "0", "1", "96", "BUNDLE 0 1", "AS", "TIAS",
    "IN IP4 192.0.2.1", "IN IP6 ::1", "IN IP4 224.2.1.1/127/3", "audio 9 RTP/AVP 0",
    "video 0 UDP/TLS/RTP/SAVPF 96 97", "RTP/AVP", "96 97", "clear:key", "opus", "VP8",
    "96 VP8/90000", "111 minptime=10", "8hhY", "sha-256 AB:CD", "-", "",
    "1 1 udp 2122260223 192.0.2.1 9 typ host", "0 PCMU/8000", "97 apt=96",
    "3 urn:ietf:params:rtp-hdrext:sdes:mid", "extmap",
};

static const char *arg(input *in, char *buf)
{
    unsigned b = byte(in);
    if (b < 0x80u)
        return words[b % (sizeof words / sizeof words[0])];
    return str(in, buf);
}

static sdpx_media *media(sdpx_session *s, input *in)
{
    size_t n = sdpx_session_media_count(s);
    unsigned b = byte(in);
    return n ? sdpx_session_media_mut(s, b % n) : NULL;
}

/* Any line of the session, by a number from the input. */
static const sdpx_line *line(sdpx_session *s, input *in)
{
    size_t want = byte(in);
    want = want << 8 | byte(in);
    size_t total = sdpx_session_line_count(s);
    for (size_t m = 0; m < sdpx_session_media_count(s); m++)
        total += sdpx_media_line_count(sdpx_session_media(s, m));
    if (total == 0)
        return NULL;
    want %= total;
    if (want < sdpx_session_line_count(s))
        return sdpx_session_line(s, want);
    want -= sdpx_session_line_count(s);
    for (size_t m = 0; m < sdpx_session_media_count(s); m++) {
        const sdpx_media *md = sdpx_session_media(s, m);
        if (want < sdpx_media_line_count(md))
            return sdpx_media_line(md, want);
        want -= sdpx_media_line_count(md);
    }
    return NULL;
}

/* Codec, direction, ICE, DTLS, BUNDLE, stream, extmap helpers, redaction
 * and trickle fragments (sdp.h 7.2-7.5, 6.x fragments). */
#define NOPS 58u

static int helper(sdpx_session *s, input *in, unsigned op)
{
    char b1[64], b2[64], b3[64];
    sdpx_media *m;
    const char *t, *u;
    switch (op % NOPS) {
    case 27: {
        m = media(s, in);
        t = arg(in, b1);
        return m ? sdpx_media_remove_codec(m, t ? t : "VP8", arg(in, b2)) : 0;
    }
    case 28: t = arg(in, b1); return sdpx_session_remove_codec(s, t ? t : "opus", arg(in, b2));
    case 29:
    case 30:
    case 31:
    case 32: {
        const char *list[3];
        size_t n = byte(in) % 4u;
        char *bufs[3] = {b1, b2, b3};
        for (size_t i = 0; i < n; i++) {
            list[i] = arg(in, bufs[i]);
            if (!list[i])
                list[i] = "VP8";
        }
        if (op % NOPS == 29)
            return (m = media(s, in)) ? sdpx_media_keep_codecs(m, list, n) : 0;
        if (op % NOPS == 30)
            return sdpx_session_keep_codecs(s, list, n);
        if (op % NOPS == 31)
            return (m = media(s, in)) ? sdpx_media_prefer_codecs(m, list, n) : 0;
        return sdpx_session_prefer_codecs(s, list, n);
    }
    case 33: {
        m = media(s, in);
        unsigned pt = byte(in);
        t = arg(in, b1);
        u = arg(in, b2);
        return m && t ? sdpx_media_set_fmtp_param(m, pt, t, u) : 0;
    }
    case 34: {
        m = media(s, in);
        const char *enc = arg(in, b3);
        t = arg(in, b1);
        u = arg(in, b2);
        return m && enc && t ? sdpx_media_set_codec_param(m, enc, t, u) : 0;
    }
    case 35: return (m = media(s, in)) ? sdpx_media_set_direction(m, (sdpx_direction)(byte(in) % 5u)) : 0;
    case 36: return (m = media(s, in)) ? sdpx_media_hold(m) : 0;
    case 37: return (m = media(s, in)) ? sdpx_media_resume(m) : 0;
    case 38: return sdpx_session_set_ice_credentials(s, arg(in, b1), arg(in, b2));
    case 39: return (m = media(s, in)) && (t = arg(in, b1)) ? sdpx_media_add_candidate(m, t) : 0;
    case 40: {
        t = arg(in, b1);
        size_t idx = byte(in);
        u = arg(in, b2);
        return u ? sdpx_session_add_candidate(s, t, idx, u) : 0;
    }
    case 41: return (m = media(s, in)) ? sdpx_media_end_of_candidates(m) : 0;
    case 42:
    case 43: {
        sdpx_candidate_filter f;
        f.types = byte(in) & 15u;
        f.transports = byte(in) & 3u;
        f.families = byte(in) & 15u;
        f.scopes = byte(in) & 7u;
        f.component = byte(in) % 3u;
        if (op % NOPS == 42)
            return (m = media(s, in)) ? sdpx_media_remove_candidates(m, &f) : 0;
        return sdpx_session_remove_candidates(s, &f);
    }
    case 44: {
        m = media(s, in);
        const sdpx_line *l = line(s, in);
        return m && l ? sdpx_media_use_candidate(m, l) : 0;
    }
    case 45: return sdpx_session_set_setup(s, (sdpx_setup)(byte(in) % 6u));
    case 46: return (m = media(s, in)) ? sdpx_media_set_setup(m, (sdpx_setup)(byte(in) % 6u)) : 0;
    case 47: return (t = arg(in, b1)) ? sdpx_session_set_fingerprint(s, t) : 0;
    case 48: {
        t = arg(in, b1);
        u = arg(in, b2);
        return t && u ? sdpx_session_group_add_mid(s, t, u) : 0;
    }
    case 49: return (t = arg(in, b1)) ? sdpx_session_group_remove_mid(s, t) : 0;
    case 50: return (m = media(s, in)) ? sdpx_media_remove_streams(m) : 0;
    case 51: {
        m = media(s, in);
        t = arg(in, b1);
        u = arg(in, b2);
        return m && t ? sdpx_media_set_msid(m, t, u) : 0;
    }
    case 52: return (t = arg(in, b1)) ? sdpx_session_remove_extmap(s, t) : 0;
    case 53: {
        t = arg(in, b1);
        unsigned id = byte(in);
        return t ? sdpx_session_renumber_extmap(s, t, id) : 0;
    }
    case 54: return sdpx_session_redact(s);
    case 57: return sdpx_session_compact_extmap(s);
    case 56: {
        /* a typed attribute: decoded from a fuzzed value, added by its encoder */
        m = media(s, in);
        unsigned kind = byte(in) % 4u;
        t = arg(in, b1);
        if (!t)
            return 0;
        sdpx_str v = {t, strlen(t)};
        union {
            sdpx_rtpmap r;
            sdpx_fmtp f;
            sdpx_group g;
            sdpx_candidate c;
        } val;
        unsigned how = byte(in);
        int at_session = (int)(how & 1u) || !m;
        switch (kind) {
        case 0:
            if (sdpx_rtpmap_parse(v, &val.r) || !m)
                return 0;
            if (how & 2u) {
                /* insert or replace at a line of the input's choosing */
                const sdpx_line *l = line(s, in);
                if (!l)
                    return 0;
                return (how & 4u) ? sdpx_attr_replace_typed(s, l, SDPX_ATTR_RTPMAP, &val.r)
                                  : sdpx_attr_insert_typed(s, l, (int)(how >> 3 & 1u),
                                                           SDPX_ATTR_RTPMAP, &val.r);
            }
            return sdpx_media_attr_add_typed(m, SDPX_ATTR_RTPMAP, &val.r);
        case 1:
            if (sdpx_fmtp_parse(v, &val.f) || !m)
                return 0;
            return sdpx_media_attr_add_typed(m, SDPX_ATTR_FMTP, &val.f);
        case 2:
            if (sdpx_group_parse(v, &val.g))
                return 0;
            return at_session ? sdpx_session_attr_add_typed(s, SDPX_ATTR_GROUP, &val.g)
                              : sdpx_media_attr_add_typed(m, SDPX_ATTR_GROUP, &val.g);
        default:
            if (sdpx_candidate_parse(v.ptr, v.len, &val.c) || !m)
                return 0;
            return sdpx_media_attr_add_typed(m, SDPX_ATTR_CANDIDATE, &val.c);
        }
    }
    default: {
        /* a trickle fragment (RFC 8840 9) made of fuzzed lines */
        char frag[160];
        t = arg(in, b1);
        u = arg(in, b2);
        int n = snprintf(frag, sizeof frag, "a=ice-ufrag:%s\r\na=ice-pwd:%s\r\nm=audio 9 RTP/AVP 0\r\n"
                         "a=mid:%s\r\na=candidate:%s\r\n", t ? t : "8hhY",
                         "asd88fgpdd777uzjYhagZg", u ? u : "0",
                         "1 1 udp 2122260223 192.0.2.1 54321 typ host");
        sdpx_session *fr = NULL;
        sdpx_error e;
        if (n < 0 || (size_t)n >= sizeof frag ||
            sdpx_fragment_parse(frag, (size_t)n, NULL, &fr, &e) != 0)
            return 0;
        sdpx_apply_result res;
        int rc = sdpx_session_apply_fragment(s, fr, &res);
        sdpx_session_free(fr);
        return rc;
    }
    }
}

static int apply(sdpx_session *s, input *in)
{
    char b1[64], b2[64];
    sdpx_media *m;
    const sdpx_line *l;
    unsigned op = byte(in);
    switch (op % NOPS) {
    case 0: return sdpx_session_attr_add(s, arg(in, b1), arg(in, b2));
    case 1: return (m = media(s, in)) ? sdpx_media_attr_add(m, arg(in, b1), arg(in, b2)) : 0;
    case 2: {
        l = line(s, in);
        int after = (int)(byte(in) & 1u);
        return l ? sdpx_attr_insert(s, l, after, arg(in, b1), arg(in, b2)) : 0;
    }
    case 3: return (l = line(s, in)) ? sdpx_attr_replace(s, l, arg(in, b1), arg(in, b2)) : 0;
    case 4: return (l = line(s, in)) ? sdpx_line_remove(s, l) : 0;
    case 5: {
        const char *t = arg(in, b1);
        return sdpx_session_attr_remove(s, t ? t : "x");
    }
    case 6: {
        m = media(s, in);
        const char *t = arg(in, b1);
        return m ? sdpx_media_attr_remove(m, t ? t : "x") : 0;
    }
    case 7: {
        size_t pos = byte(in) % (sdpx_session_media_count(s) + 2); /* out of range too */
        const char *ml = arg(in, b1);
        return ml ? sdpx_session_media_add(s, pos, ml, NULL) : 0;
    }
    case 8: return (m = media(s, in)) ? sdpx_session_media_remove(s, m) : 0;
    case 9: {
        m = media(s, in);
        size_t pos = byte(in) % (sdpx_session_media_count(s) + 1);
        return m ? sdpx_session_media_move(s, m, pos) : 0;
    }
    case 10: {
        m = media(s, in);
        unsigned port = byte(in);
        port = port << 8 | byte(in);
        port = port << 8 | byte(in);
        return m ? sdpx_media_set_port(m, port) : 0;
    }
    case 11: return (m = media(s, in)) ? sdpx_media_reject(m) : 0;
    case 12: {
        m = media(s, in);
        const char *t = arg(in, b1);
        return m && t ? sdpx_media_set_proto(m, t) : 0;
    }
    case 13: {
        m = media(s, in);
        const char *t = arg(in, b1);
        return m && t ? sdpx_media_set_formats(m, t) : 0;
    }
    case 14: return sdpx_session_set_connection(s, arg(in, b1));
    case 15: return (m = media(s, in)) ? sdpx_media_set_connection(m, arg(in, b1)) : 0;
    case 16: {
        const char *t = arg(in, b1);
        return t ? sdpx_session_set_bandwidth(s, t, u64(in)) : 0;
    }
    case 17: {
        m = media(s, in);
        const char *t = arg(in, b1);
        return m && t ? sdpx_media_set_bandwidth(m, t, u64(in)) : 0;
    }
    case 18: return sdpx_session_clear_bandwidth(s, arg(in, b1));
    case 19: return (m = media(s, in)) ? sdpx_media_clear_bandwidth(m, arg(in, b1)) : 0;
    case 20: return sdpx_session_set_info(s, arg(in, b1));
    case 21: return (m = media(s, in)) ? sdpx_media_set_info(m, arg(in, b1)) : 0;
    case 22: return byte(in) & 1u ? sdpx_session_set_key(s, arg(in, b1))
                                  : ((m = media(s, in)) ? sdpx_media_set_key(m, arg(in, b1)) : 0);
    case 23: {
        sdpx_origin o;
        memset(&o, 0, sizeof o);
        sdpx_str *f[] = {&o.username, &o.sess_id, &o.sess_version, &o.nettype, &o.addrtype,
                         &o.address};
        unsigned which = byte(in) % 6u;
        const char *t = arg(in, b1);
        if (t) {
            f[which]->ptr = t;
            f[which]->len = strlen(t);
        }
        return sdpx_session_set_origin(s, &o);
    }
    case 24: {
        const char *t = arg(in, b1);
        return t ? sdpx_session_set_name(s, t) : 0;
    }
    case 25: {
        uint64_t a = u64(in);
        return sdpx_session_set_timing(s, a, u64(in));
    }
    case 26: return byte(in) & 1u ? sdpx_session_bump_version(s)
                                  : sdpx_session_set_edit_flags(s, byte(in) & 3u);
    default: return helper(s, in, op);
    }
}

/* ---- an allocator that starts failing ---------------------------------- */

typedef struct {
    unsigned calls;
    unsigned fail_from; /* 0: never */
} flaky;

static void *flaky_alloc(void *ctx, size_t n)
{
    flaky *f = ctx;
    if (f->fail_from && ++f->calls >= f->fail_from)
        return NULL;
    return malloc(n);
}

static void flaky_release(void *ctx, void *p, size_t n)
{
    (void)ctx;
    (void)n;
    free(p);
}

static const char *const builtin[] = {
    "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
    "a=group:BUNDLE 0 1\r\na=msid-semantic: WMS s\r\n"
    "m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=sendrecv\r\n"
    "a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10\r\na=rtcp-fb:111 transport-cc\r\n"
    "m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\n"
    "a=rtpmap:96 VP8/90000\r\na=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\n",
    "v=0\r\no=jdoe 2890844526 2890842807 IN IP4 10.47.16.5\r\ns=SDP Seminar\r\ni=x\r\n"
    "c=IN IP4 224.2.17.12/127\r\nb=CT:128\r\nt=2873397496 2873404696\r\nr=7d 1h 0 25h\r\n"
    "k=clear:x\r\na=recvonly\r\nm=audio 49170 RTP/AVP 0\r\nb=AS:1\r\nm=video 51372 RTP/AVP 99\r\n"
    "a=rtpmap:99 h263-1998/90000\r\n",
    "v=0\no=- 1 1 IN IP4 0.0.0.0\ns=\n\nt=0 0\nx=unknown\nm=application 9 UDP/DTLS/SCTP "
    "webrtc-datachannel\na=sctp-port:5000",
    "v=0\r\n",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    unsigned mode = data[0];
    flaky fl = {0, (mode & 16u) ? data[1] + 1u : 0};
    input in = {data + 2, size - 2};
    char *text;
    size_t len;
    if (mode & 4u) {
        const uint8_t *nul = memchr(in.p, 0, in.n);
        len = nul ? (size_t)(nul - in.p) : in.n;
        text = fuzz_dup(in.p, len);
        in.p += nul ? len + 1 : len;
        in.n -= nul ? len + 1 : len;
    } else {
        len = strlen(builtin[mode & 3u]);
        text = fuzz_dup((const uint8_t *)builtin[mode & 3u], len);
    }

    sdpx_allocator al = {flaky_alloc, flaky_release, &fl};
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.allocator = &al;
    static char scratch[16384];
    if (mode & 8u) {
        opt.flags |= SDPX_PARSE_NO_HEAP;
        opt.scratch = scratch;
        opt.scratch_size = sizeof scratch;
    }
    sdpx_session *s = NULL;
    sdpx_error e;
    if (sdpx_parse(text, len, &opt, &s, &e) != 0) {
        free(text);
        return 0;
    }
    free(text);
    if (mode & 32u)
        (void)sdpx_session_set_edit_flags(s, SDPX_EDIT_BUMP_VERSION);

    size_t n0 = 0;
    char *before = sdpx_write_alloc(s, 0, &n0);
    fuzz_assert(before != NULL);
    /* FUZZ_TRACE=1 prints each edit's result and text (replaying a crash) */
    int trace = getenv("FUZZ_TRACE") != NULL;
    for (unsigned ops = 0; in.n > 0 && ops < 64; ops++) {
        unsigned op = in.p[0] % NOPS;
        int rc = apply(s, &in);
        size_t n1 = 0;
        char *after = sdpx_write_alloc(s, 0, &n1);
        fuzz_assert(after != NULL);
        if (trace)
            fprintf(stderr, "--- op %u: %s\n%s", op, sdpx_code_name(rc), after);
        if (rc < 0) {
            /* a failed edit changes nothing */
            if (n1 != n0 || memcmp(before, after, n0) != 0)
                fuzz_fail("edit failed with %s but changed the session", sdpx_code_name(rc));
        }
        sdpx_free(before);
        before = after;
        n0 = n1;
    }
    /* the result parses again, line for line, and writes the same bytes */
    sdpx_session *again = NULL;
    sdpx_parse_options lenient;
    memset(&lenient, 0, sizeof lenient);
    lenient.limits.max_media = (size_t)-1;
    lenient.limits.max_attributes = (size_t)-1;
    if (sdpx_parse(before, n0, &lenient, &again, &e) != 0)
        fuzz_fail("edited session does not re-parse: %s at %u:%u: %s", sdpx_code_name(e.code),
                  e.line, e.col, e.msg);
    fuzz_assert_same_model(s, again);
    size_t n2 = 0;
    char *w2 = sdpx_write_alloc(again, 0, &n2);
    fuzz_assert(w2 != NULL && n2 == n0 && memcmp(w2, before, n0) == 0);
    sdpx_free(w2);
    sdpx_session_free(again);
    sdpx_free(before);
    sdpx_session_free(s);
    return 0;
}
