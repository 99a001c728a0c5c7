/* Internal structures shared by the library's source files. Not installed. */
#ifndef SDPX_INTERNAL_H
#define SDPX_INTERNAL_H

#include "sdp.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- arena: one per session ------------------------------------------ */

typedef struct sdpxi_block sdpxi_block;

typedef struct sdpxi_arena {
    char *cur;              /* next free byte of the current block */
    size_t left;            /* bytes left in it */
    sdpxi_block *blocks;    /* heap blocks, newest first */
    sdpx_allocator alloc;
    int no_heap;
} sdpxi_arena;

#define SDPXI_ALIGN 8u
#define SDPXI_ALIGN_UP(n) (((n) + (SDPXI_ALIGN - 1)) & ~(size_t)(SDPXI_ALIGN - 1))

void sdpxi_arena_init(sdpxi_arena *a, const sdpx_allocator *alloc, int no_heap,
                      void *region, size_t size);
void *sdpxi_arena_alloc(sdpxi_arena *a, size_t n);
char *sdpxi_arena_strdup(sdpxi_arena *a, const char *p, size_t n);
/* Release every heap block; the arena (and what lives in it) is gone after. */
void sdpxi_arena_release(sdpxi_arena *a);
/* A heap block from `al` with n usable bytes, for the session's first region. */
void *sdpxi_block_new(const sdpx_allocator *al, size_t n);
/* Make the arena own a block from sdpxi_block_new (released with it). */
void sdpxi_arena_adopt(sdpxi_arena *a, void *usable);
void *sdpxi_default_alloc(void *ctx, size_t n);
void sdpxi_default_release(void *ctx, void *p, size_t n);

/* ---- the model -------------------------------------------------------- */

enum {
    SDPXI_LINE_HAS_VALUE = 1u << 0, /* a= line with ':' */
    SDPXI_LINE_EDITED = 1u << 1     /* text was produced by an edit */
};

/* A parsed line indented by spaces or tabs (SDPX_W_INDENT) keeps the
 * indentation's length in the top bits of its flags: `text` starts at the
 * type letter, the indentation is the bytes just before it. */
#define SDPXI_INDENT_SHIFT 2u
#define SDPXI_INDENT_MAX 63u

struct sdpx_line {
    const char *text;  /* first byte of the line */
    uint32_t len;      /* bytes, without the line ending */
    uint32_t lineno;   /* 1-based; 0 for lines added by edits */
    uint32_t namelen;  /* a= lines: length of the name */
    uint8_t kind;      /* sdpx_attr_kind for a= lines */
    char type;         /* 'a'..'z', 0 for blank */
    uint8_t eol;       /* sdpx_eol */
    uint8_t flags;     /* SDPXI_LINE_* */
};

static inline size_t sdpxi_line_indent(const struct sdpx_line *l)
{
    return (size_t)(l->flags >> SDPXI_INDENT_SHIFT);
}

typedef struct sdpxi_section {
    sdpx_line *lines;
    uint32_t n;
    uint32_t cap;
} sdpxi_section;

struct sdpx_media {
    sdpx_session *session;
    sdpxi_section sec;
    size_t index;
};

struct sdpx_session {
    sdpxi_arena arena;
    sdpxi_section sec;
    sdpx_media **media;
    size_t nmedia;
    size_t media_cap;
    unsigned parse_flags;
};

/* Fill the derived fields of a line (type, kind, namelen, flags) from its text. */
void sdpxi_line_classify(sdpx_line *l);

/* Where a search after `after` starts in `sec`: 0 for NULL, its index plus
 * one when it is a line of `sec`, sec->n (nothing left) otherwise. */
size_t sdpxi_section_start(const sdpxi_section *sec, const sdpx_line *after);

/* ---- errors ----------------------------------------------------------- */

/* Fill *e (if not NULL) with code, position and a printf-style message. */
void sdpxi_error_set(sdpx_error *e, int code, unsigned line, unsigned col,
                     const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Print at most `max` bytes of a view into a message, escaping control bytes. */
size_t sdpxi_quote(char *dst, size_t cap, sdpx_str s, size_t max);

/* ---- small helpers ---------------------------------------------------- */

static inline sdpx_str sdpxi_str(const char *p, size_t n)
{
    sdpx_str s;
    s.ptr = p;
    s.len = n;
    return s;
}

static inline int sdpxi_is_digit(int c) { return c >= '0' && c <= '9'; }

/* 1 when a view holds only spaces and tabs (or nothing). */
static inline int sdpxi_is_blank(sdpx_str s)
{
    for (size_t i = 0; i < s.len; i++)
        if (s.ptr[i] != ' ' && s.ptr[i] != '\t')
            return 0;
    return 1;
}

static inline int sdpxi_is_alnum(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || sdpxi_is_digit(c);
}

/* 1 when two views hold the same bytes. */
static inline int sdpxi_str_same(sdpx_str a, sdpx_str b)
{
    return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

/* 1-based column of byte offset `off`, saturating for lines over 4 GiB. */
static inline unsigned sdpxi_col(size_t off)
{
    return off >= (size_t)UINT32_MAX ? UINT32_MAX : (unsigned)off + 1;
}

/* Parse a whole view as an unsigned number no larger than max. */
int sdpxi_parse_uint(sdpx_str s, uint64_t max, uint64_t *out);

/* The payload type (0-127) in the first field of an attribute value (rtpmap,
 * fmtp, rtcp-fb), or -1 ("*", undecodable). src/codec.c */
int sdpxi_line_pt(const sdpx_line *l);

/* Attribute registry (src/attr/registry.c). */
enum {
    SDPXI_SCOPE_SESSION = 1u << 0,
    SDPXI_SCOPE_MEDIA = 1u << 1,
    SDPXI_FLAG_PROPERTY = 1u << 2 /* takes no value */
};
unsigned sdpxi_attr_scope(sdpx_attr_kind kind);

/*
 * Value validator of one attribute kind, used by strict mode and lint. Gets
 * the value after ':'; returns 0, or a negative code with *off set to the
 * offset of the offending byte within the value and a message in msg
 * (naming the offending token), or a positive SDPX_W_* code (with *off and
 * msg set the same way) for a quirk the lenient parse may tolerate.
 * Validators are the typed decoders.
 */
typedef int (*sdpxi_attr_check_fn)(sdpx_str value, size_t *off, char *msg, size_t cap);

/* Check an attribute's value against its kind's grammar: presence of a value
 * (property attributes take none) and the kind's validator, if it has one. */
int sdpxi_attr_check(sdpx_attr_kind kind, int has_value, sdpx_str value, size_t *off,
                     char *msg, size_t cap);

/* ---- typed attribute decoders: shared pieces -------------------------- */

/* RFC 8866 9: token-char */
static inline int sdpxi_is_token_char(unsigned char c)
{
    return c == 0x21 || (c >= 0x23 && c <= 0x27) || c == 0x2a || c == 0x2b || c == 0x2d ||
           c == 0x2e || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) ||
           (c >= 0x5e && c <= 0x7e);
}

/* Where and why a value failed to decode: the offending token and a reason,
 * so strict mode can say `payload type "128" is over 127` at its column. */
typedef struct sdpxi_bad {
    size_t off;       /* offset of the token within the value */
    size_t len;       /* its length (0: a missing token at off) */
    const char *what; /* "payload type" */
    const char *why;  /* "is over 127" */
} sdpxi_bad;

/* Record a failure at `tok` (a view inside `value`) in *bad, if not NULL; returns code. */
int sdpxi_bad_set(sdpxi_bad *bad, sdpx_str value, sdpx_str tok, int code, const char *what,
                  const char *why);

/* Turn a recorded failure into a validator's answer (*off, msg); returns SDPX_EVALUE. */
int sdpxi_bad_report(const sdpxi_bad *bad, sdpx_str value, size_t *off, char *msg, size_t cap);

/* Cut the part before the first `sep` off *rest (all of it when there is
 * none); *found says whether a separator was consumed. */
static inline sdpx_str sdpxi_cut(sdpx_str *rest, char sep, int *found)
{
    const char *p = rest->len ? memchr(rest->ptr, sep, rest->len) : NULL;
    sdpx_str head;
    if (!p) {
        head = *rest;
        rest->ptr += rest->len;
        rest->len = 0;
        *found = 0;
        return head;
    }
    head.ptr = rest->ptr;
    head.len = (size_t)(p - rest->ptr);
    rest->len -= head.len + 1;
    rest->ptr = p + 1;
    *found = 1;
    return head;
}

/* Decoder helpers (src/attr/rtp.c): a 0-127 payload type at `tok`, the next
 * space-separated field or "<what> is missing", a view without surrounding
 * spaces and tabs, and the RFC 8866 token test. */
int sdpxi_payload_type(sdpx_str value, sdpx_str tok, unsigned *pt, sdpxi_bad *bad);
int sdpxi_need_field(sdpx_str value, sdpx_str *rest, sdpx_str *f, const char *what,
                     sdpxi_bad *bad);
sdpx_str sdpxi_trim(sdpx_str s);
int sdpxi_is_token(sdpx_str s);

/* A media section's m= formats when its proto carries RTP ("RTP/" in it),
 * else an empty view (src/codec.c). */
sdpx_str sdpxi_rtp_formats(const sdpx_media *m);

/* Strict validators of the RTP, streams and simulcast families (registry rows). */
int sdpxi_check_rtpmap(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_fmtp(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_rtcp_fb(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_extmap(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_rtcp(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_decimal(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_quality(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_ssrc(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_ssrc_group(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_msid(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_msid_semantic(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_rid(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_simulcast(sdpx_str v, size_t *off, char *msg, size_t cap);

/* A validator from a decoder `static int decode(sdpx_str, type *, sdpxi_bad *)`. */
#define SDPXI_DEFINE_CHECK(name, type, decode)                                          \
    int sdpxi_check_##name(sdpx_str v, size_t *off, char *msg, size_t cap)              \
    {                                                                                   \
        type t_;                                                                        \
        sdpxi_bad b_;                                                                   \
        return decode(v, &t_, &b_) ? sdpxi_bad_report(&b_, v, off, msg, cap) : 0;       \
    }

/* snprintf-style output for the attribute encoders (src/attr/encode.c). */
typedef struct sdpxi_out {
    char *buf;
    size_t cap;
    size_t len; /* bytes the full text needs so far */
} sdpxi_out;
void sdpxi_out_mem(sdpxi_out *o, const char *p, size_t n);
void sdpxi_out_cstr(sdpxi_out *o, const char *s);
void sdpxi_out_str(sdpxi_out *o, sdpx_str s);
void sdpxi_out_u64(sdpxi_out *o, uint64_t v);
/* NUL-terminate (when cap > 0) and return the full length. */
size_t sdpxi_out_end(sdpxi_out *o);
/* 1 when a view holds no CR, LF or NUL (encoders refuse to inject lines). */
int sdpxi_line_safe(sdpx_str s);
/* An encoder's answer: NUL-terminates, returns the full length, or SDPX_EINVAL when `bad`. */
int sdpxi_out_done(sdpxi_out *o, int bad);

/* The value of a hex digit, or -1. */
static inline int sdpxi_hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* RFC 8839 5.1: ice-char = ALPHA / DIGIT / "+" / "/" */
static inline int sdpxi_is_ice_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '+' || c == '/';
}

/* The zone id of "fe80::...%<zone>" (RFC 6874), or an empty view (src/attr/ice.c). */
sdpx_str sdpxi_zone_id(sdpx_str addr);

/* Strict validators of the ICE, DTLS, SDES, SCTP and BUNDLE families. */
int sdpxi_check_candidate(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_ice_ufrag(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_ice_pwd(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_ice_options(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_remote_candidates(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_ice_pacing(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_fingerprint(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_setup(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_tls_id(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_crypto(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_sctp_port(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_max_message_size(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_sctpmap(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_group(sdpx_str v, size_t *off, char *msg, size_t cap);
int sdpxi_check_mid(sdpx_str v, size_t *off, char *msg, size_t cap);

/* The first media-level line of `kind` in m, else the first session-level one. */
const sdpx_line *sdpxi_scoped_attr(const sdpx_media *m, sdpx_attr_kind kind);

/* The quirks a parse refuses: the caller's bits, and with SDPX_PARSE_STRICT
 * those of the strict profile (src/quirks.c). */
uint32_t sdpxi_effective_refuse(unsigned flags, uint32_t refuse);

/* Fragment parsing (RFC 8840): no v=/o=/s=/t=, starts with any line. */
#define SDPXI_PARSE_FRAGMENT (1u << 29)

#endif
