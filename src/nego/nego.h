/*
 * Negotiation internals (builder, answerer, verify). This layer sits on the
 * public API alone: it includes only sdp.h. Offers and answers are written
 * as SDP text into an sdpxi_text and parsed once (strict), so the model has
 * one way in and there is no second model.
 */
#ifndef SDPX_NEGO_H
#define SDPX_NEGO_H

#include "sdp.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define SDPXI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define SDPXI_PRINTF(a, b)
#endif

/* A view as printf's "%.*s" arguments. */
#define SDPXI_SV(s) (int)(s).len, (s).ptr

/* ---- index.c: sorted lookups ------------------------------------------- */

typedef struct sdpxi_entry {
    unsigned key;
    sdpx_str v;
    size_t val;         /* the order added, or an index */
    const void *p;      /* what the entry stands for (a line), or NULL */
} sdpxi_entry;

typedef struct sdpxi_set {
    sdpxi_entry *e;
    size_t n, cap;
} sdpxi_set;

int sdpxi_set_add(sdpxi_set *s, unsigned key, sdpx_str v, size_t val); /* 0 or SDPX_ENOMEM */
void sdpxi_set_sort(sdpxi_set *s);
/* The first entry added with (key, v), after sdpxi_set_sort; or NULL. The
 * entry may be marked through the pointer (its val), as strchr's result. */
sdpxi_entry *sdpxi_set_find(const sdpxi_set *s, unsigned key, sdpx_str v);
void sdpxi_set_free(sdpxi_set *s);

/* The lines of one section (or of the session level) that answering asks
 * for, found in one walk by their kind: the first of each kind, as
 * sdpx_media_find_attr would find it, so that no lookup rescans. */
typedef struct sdpxi_lines {
    sdpx_mline mline;   /* a section's m= line, decoded (sdpx_media_mline) */
    int mline_rc;       /* and the result of that decode */
    const sdpx_line **codec; /* a section's rtpmap, fmtp and rtcp-fb lines, in order */
    unsigned char *codec_kind; /* and their kinds (sdpx_attr_kind) */
    size_t ncodec;
    const sdpx_line *mid, *mid2;        /* the first two a=mid */
    const sdpx_line *ufrag, *pwd;       /* the first a=ice-ufrag, a=ice-pwd */
    const sdpx_line *fingerprint, *setup;
    const sdpx_line *extmap, *extmap_last;
    int more_cred;      /* a second ice-ufrag or ice-pwd line */
    int dir;            /* the first direction attribute (sdpx_direction), or -1 */
    unsigned char allow_mixed, rtcp_mux, rtcp_mux_only, rtcp_rsize, bundle_only;
} sdpxi_lines;

/* The mids and BUNDLE groups of a session, built once. */
typedef struct sdpxi_map {
    const sdpx_session *s;
    sdpxi_lines sess;   /* the session-level lines */
    sdpxi_lines *lines; /* per section */
    size_t n;           /* sections */
    sdpxi_set mids;     /* mid -> section index */
    size_t dup_at;      /* a section whose mid an earlier one has, or SIZE_MAX */
    size_t *group;      /* per section: its BUNDLE group's number (1, 2, ...), 0 for none */
    size_t *tagged;     /* per section: its group's tagged section, or SIZE_MAX */
} sdpxi_map;

int sdpxi_map_build(const sdpx_session *s, sdpxi_map *m); /* 0 or SDPX_ENOMEM */
void sdpxi_map_free(sdpxi_map *m);
const sdpx_media *sdpxi_map_by_mid(const sdpxi_map *m, sdpx_str mid);
/* The walked lines of section m (a section of map->s). */
static inline const sdpxi_lines *sdpxi_map_lines(const sdpxi_map *map, const sdpx_media *m)
{
    return &map->lines[sdpx_media_index(m)];
}
/* m's first line of a scoped attribute (field f of sdpxi_lines), else the
 * session's (RFC 8839 5.4, RFC 8842 5.1): sdpxi_scoped(map, m, ufrag). */
#define sdpxi_scoped(map, m, f) \
    (sdpxi_map_lines(map, m)->f ? sdpxi_map_lines(map, m)->f : (map)->sess.f)
/* The section whose transport m uses for attributes of `kind`: m itself
 * when it (or the session) has one, else its BUNDLE group's tagged section
 * when that has one (RFC 8843 7.1: bundle-only sections carry none). */
const sdpx_media *sdpxi_map_transport(const sdpxi_map *map, const sdpx_media *m, sdpx_attr_kind kind);

/* ---- text.c: the description being written ------------------------------ */

typedef struct sdpxi_text {
    char *p;
    size_t len, cap;
    int oom; /* an append failed: the text is incomplete */
} sdpxi_text;

/* Append printf-style; on failure sets t->oom (checked once, at the end). */
void sdpxi_text_put(sdpxi_text *t, const char *fmt, ...) SDPXI_PRINTF(2, 3);
/* Append n bytes, growing the text (out of line: sdpxi_text_add's slow path). */
void sdpxi_text_bytes(sdpxi_text *t, const char *p, size_t n);
/* Put head's text before t's (both kept; head's out-of-memory carries over). */
void sdpxi_text_prepend(sdpxi_text *t, const sdpxi_text *head);
/* Append a decimal number. */
void sdpxi_text_uint(sdpxi_text *t, unsigned long long v);

/* Append n bytes: a copy when they fit (most appends), else the growing
 * path. Bytes appended after an out-of-memory failure do not matter: the
 * text is dropped (sdpxi_text_finish). */
static inline void sdpxi_text_add(sdpxi_text *t, const char *p, size_t n)
{
    if (t->p && n <= t->cap - t->len) {
        memcpy(t->p + t->len, p, n);
        t->len += n;
    } else {
        sdpxi_text_bytes(t, p, n);
    }
}

/* Append a view; an empty one may have no pointer, which memcpy must not see. */
static inline void sdpxi_text_str(sdpxi_text *t, sdpx_str s)
{
    if (s.len)
        sdpxi_text_add(t, s.ptr, s.len);
}

/* Append a number, written in place when it is below 100000 and fits (the
 * payload types, ports, clock rates and ids of an answer), else by
 * sdpxi_text_uint. */
static inline void sdpxi_text_small(sdpxi_text *t, unsigned v)
{
    if (v < 100000 && t->p && t->cap - t->len >= 5) {
        size_t n = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : 5;
        char *q = t->p + t->len + n;
        t->len += n;
        do {
            *--q = (char)('0' + v % 10);
            v /= 10;
        } while (v);
    } else {
        sdpxi_text_uint(t, v);
    }
}

/* Append a string literal (its length known at compile time). */
#define SDPXI_TEXT_LIT(t, lit) sdpxi_text_add((t), "" lit, sizeof(lit) - 1)
/* Parse the text into *out (one lenient parse) and release it. A failure
 * is a bug of the writer; it is returned as is, with *err filled. */
int sdpxi_text_finish(sdpxi_text *t, sdpx_session **out, sdpx_error *err);
void sdpxi_text_free(sdpxi_text *t);

/* Fill err with code and a formatted message (line/col 0 unless given). */
void sdpxi_error(sdpx_error *err, int code, unsigned line, const char *fmt, ...) SDPXI_PRINTF(4, 5);

/* ---- random.c ------------------------------------------------------------ */

/* A random 62-bit session id (RFC 8866 5.2, JSEP 5.2.1: < 2^63). */
int sdpxi_random_session_id(sdpx_random_fn rnd, void *ctx, uint64_t *id);

/* The system source read once for the draws of one answer (ICE ufrag and
 * pwd, session id): the first draw reads all of their bytes in one
 * sdpx_random_system call, each draw takes the next bytes, and a draw past
 * them (a repeated credential) reads the system source again. Zero it first. */
typedef struct sdpxi_random_pool {
    unsigned char b[SDPX_ICE_UFRAG_CHARS + SDPX_ICE_PWD_CHARS + 8];
    size_t used;
    int filled;
} sdpxi_random_pool;

int sdpxi_random_pooled(void *pool, void *buf, size_t len); /* an sdpx_random_fn */

/* ---- codecs.c: codec roles, fmtp compatibility ------------------------- */

typedef enum sdpxi_role {
    SDPXI_PRIMARY = 0, /* a media codec */
    SDPXI_RTX,         /* RFC 4588: repairs the codec its apt= names */
    SDPXI_RED,         /* RFC 2198: carries the codecs its fmtp lists (or any, in video) */
    SDPXI_FEC,         /* ulpfec / flexfec: protects the primary codecs of the section */
    SDPXI_AUX          /* telephone-event, CN: useful only beside a primary */
} sdpxi_role;

sdpxi_role sdpxi_codec_role(sdpx_str encoding);

/* The fmtp parameters that decide whether two codecs of one encoding are
 * compatible (H.264 profile and packetization-mode, VP9 and AV1 profile,
 * H.265 profile and tier), read the first time a match needs them. */
typedef struct sdpxi_fmtp_key {
    int read;  /* 0: not read yet (zero-initialised) */
    int ok;    /* 0: an H.264 profile-level-id that does not decode */
    unsigned a, b;
} sdpxi_fmtp_key;

/* One payload type of a section, joined from its lines in one walk. */
typedef struct sdpxi_pt {
    sdpxi_role role;     /* of its encoding, when known */
    int known;           /* encoding and clock rate known (rtpmap or static) */
    int has_rtpmap;      /* known from an a=rtpmap line */
    sdpx_str encoding;
    uint32_t clock_rate;
    unsigned channels;   /* as written; 0 when absent */
    int has_channels;
    sdpx_str fmtp;       /* the first fmtp's parameters (empty when none) */
    int has_fmtp;
    int has_apt;
    unsigned apt;
    const sdpx_line *at; /* its rtpmap line (or the m= line), for sdpx_line_number */
    sdpxi_fmtp_key key;  /* of its fmtp, once a match has read it */
} sdpxi_pt;

/* One rtcp-fb line: "<pt|*> <what>" where what is "nack pli", ... */
typedef struct sdpxi_fb {
    int wildcard;
    unsigned pt;
    sdpx_str what;
    const sdpx_line *at; /* the line, for sdpx_line_number */
} sdpxi_fb;

/* The RTP codecs of a section. Only entries of listed types are set. */
typedef struct sdpxi_codecs {
    unsigned order[128]; /* payload types in m= order, duplicates and non-types dropped */
    size_t n;
    unsigned char listed[128]; /* in the m= line */
    sdpxi_pt pt[128];
    sdpxi_fb *fb;
    size_t nfb, fb_cap; /* fb_cap: the room of fb */
} sdpxi_codecs;

/* The rtcp-fb lines as a sorted set: key the payload type, or
 * SDPXI_FB_ANY for "*"; view the feedback ("nack pli"). */
#define SDPXI_FB_ANY 128u
int sdpxi_fb_set(const sdpxi_codecs *c, sdpxi_set *out);

/* Read a section's codecs: from its walked lines when the caller has them
 * (sdpxi_map_lines), else NULL and one walk over m's lines. SDPX_ENOMEM.
 * out->fb and out->fb_cap are NULL and 0 for the first read, and a later
 * read of the same out reuses the buffer (sdpxi_codecs_free releases it). */
int sdpxi_codecs_read(const sdpx_media *m, const sdpxi_lines *walked, sdpxi_codecs *out);
void sdpxi_codecs_free(sdpxi_codecs *c);

/* RFC 3264 6.1 / JSEP 5.3.1: same name (case-insensitive), clock rate and
 * channels (absent means 1), then the fmtp parameters that decide
 * compatibility (see codecs.c); the keys of both sides are read once, into
 * offered->key and *local_key (zero-initialised for each local codec). */
int sdpxi_codec_match(sdpxi_pt *offered, const sdpx_caps_codec *local, sdpxi_fmtp_key *local_key);

/* Write the answer's fmtp parameters for an accepted primary (nothing when
 * the answer needs none). */
void sdpxi_codec_answer_fmtp(sdpxi_text *t, unsigned pt, const sdpxi_pt *offered,
                             const sdpx_caps_codec *local);

/* Verify: is the answered fmtp an allowed answer to the offered one?
 * Returns NULL or the reason. */
const char *sdpxi_fmtp_answer_problem(const sdpxi_pt *offered, const sdpxi_pt *answered);

/* 1 when the RED fmtp "a/b/c" lists only types for which ok[pt] is set. */
int sdpxi_red_carries_ok(sdpx_str fmtp, const unsigned char ok[128]);

/* ---- transport.c: direction, setup, ICE, DTLS helpers ------------------ */

/* RFC 3264 6.1 combined with the local wish. */
sdpx_direction sdpxi_answer_direction(sdpx_direction offered, sdpx_direction wish);
/* 1 when `answered` is allowed as an answer to `offered` (RFC 3264 6.1). */
int sdpxi_direction_ok(sdpx_direction offered, sdpx_direction answered);
/* The "/"-separated parts of a proto that decide its family, as bits, in
 * one walk: sdpxi_parts_rtp(sdpxi_proto_parts(p)) is sdpxi_proto_rtp(p). */
unsigned sdpxi_proto_parts(sdpx_str proto);
int sdpxi_parts_dtls(unsigned parts);
int sdpxi_parts_rtp(unsigned parts);
int sdpxi_parts_sctp(unsigned parts);
/* 1 for protos carrying DTLS (UDP/TLS/RTP/SAVPF, UDP/DTLS/SCTP, ...). */
int sdpxi_proto_dtls(sdpx_str proto);
int sdpxi_proto_rtp(sdpx_str proto);
/* 1 when section m runs DTLS: a DTLS proto, or RTP/SAVP(F) with a
 * fingerprint; parts: sdpxi_proto_parts(proto). */
int sdpxi_section_dtls(const sdpxi_map *map, const sdpx_media *m, sdpx_str proto, unsigned parts);
int sdpxi_proto_sctp(sdpx_str proto);
/* 1 for a section the offerer marked bundle-only (RFC 8843 6). */
int sdpxi_bundle_only(const sdpx_media *m);
/* "m=2 (mid \"v\")" into buf. */
const char *sdpxi_where(const sdpx_media *m, char *buf, size_t cap);
/* Walk the extmap lines that apply to m (RFC 8285 7), in order:
 * sdpxi_extmaps it = {m}; while ((l = sdpxi_extmaps_next(&it))) ... */
typedef struct sdpxi_extmaps {
    const sdpx_media *m;
    const sdpx_line *l;
    int started, media;
} sdpxi_extmaps;
const sdpx_line *sdpxi_extmaps_next(sdpxi_extmaps *it);
/* 1 when two views are equal ignoring ASCII case (inline: codec names and
 * fmtp keys are compared by the dozen per section; most are written in the
 * same case, which one memcmp settles). */
static inline int sdpxi_view_ieq(sdpx_str a, sdpx_str b)
{
    if (a.len != b.len)
        return 0;
    if (!a.len || !memcmp(a.ptr, b.ptr, a.len))
        return 1;
    for (size_t i = 0; i < a.len; i++) {
        char x = a.ptr[i], y = b.ptr[i];
        if (x >= 'A' && x <= 'Z')
            x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (char)(y - 'A' + 'a');
        if (x != y)
            return 0;
    }
    return 1;
}
/* RFC 8866 9: token-char = %x21 / %x23-27 / %x2A-2B / %x2D-2E / %x30-39 /
 * %x41-5A / %x5E-7E, as bits of the bytes below 0x40 and of 0x40-0x7F */
#define SDPXI_TOKEN_RANGE(a, b) (((uint64_t)2 << ((b) & 63)) - ((uint64_t)1 << ((a) & 63)))
static inline int sdpxi_token_char(unsigned char c)
{
    const uint64_t low = SDPXI_TOKEN_RANGE(0x21, 0x21) | SDPXI_TOKEN_RANGE(0x23, 0x27) |
                         SDPXI_TOKEN_RANGE(0x2a, 0x2b) | SDPXI_TOKEN_RANGE(0x2d, 0x2e) |
                         SDPXI_TOKEN_RANGE(0x30, 0x39);
    const uint64_t high = SDPXI_TOKEN_RANGE(0x41, 0x5a) | SDPXI_TOKEN_RANGE(0x5e, 0x7e);
    uint64_t set = c < 0x40 ? low : c < 0x80 ? high : 0;
    return (int)(set >> (c & 63) & 1);
}
/* 1 when the view is a token (RFC 8866 9). */
int sdpxi_token(sdpx_str s);

/* ---- simulcast.c -------------------------------------------------------- */

/* Answer an offered "a=simulcast:send" with recv and matching a=rid:... recv
 * lines (RFC 8853 5.3, RFC 8851 4); ok[pt] marks accepted payload types. */
int sdpxi_simulcast_answer(sdpxi_text *t, const sdpx_media *offered, const unsigned char ok[128]);
/* Verify findings for simulcast/rid; returns the number reported. */
int sdpxi_simulcast_verify(const sdpx_media *offered, const sdpx_media *answered,
                           sdpx_diag_fn fn, void *ctx);

/* ---- sctp.c ------------------------------------------------------------- */

/* Write the data channel section's m= line and SCTP attributes after
 * `transport` (the c=, ICE and DTLS lines) in the offer's form (RFC 8841 5,
 * or the legacy sctpmap form). */
int sdpxi_sctp_answer(sdpxi_text *t, const sdpx_media *offered, const sdpx_mline *ml,
                      const sdpx_caps *caps, unsigned port, const sdpxi_text *transport);
int sdpxi_sctp_verify(const sdpx_media *offered, const sdpx_media *answered, sdpx_diag_fn fn,
                      void *ctx);

/* ---- verify.c report helper --------------------------------------------- */

/* Report one finding through fn: code, answer line, "m=I (mid ...): msg". */
void sdpxi_report(sdpx_diag_fn fn, void *ctx, int code, const sdpx_media *answered,
                  unsigned line, const char *fmt, ...) SDPXI_PRINTF(6, 7);

#endif
