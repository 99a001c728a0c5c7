/* The attribute layer (src/attr/): pure decoders and encoders of line and
 * attribute values (RFC 8866 lines, ICE, DTLS, RTP, streams, simulcast,
 * SCTP, SDES, BUNDLE) and the registry of attribute kinds. A decoder turns
 * one value into one struct of views and back; none of them knows sessions.
 * What it offers the layers above: the validators strict mode calls, the
 * registry's scope rules and the shared encoder output. Not installed. */
#ifndef SDPX_ATTR_H
#define SDPX_ATTR_H

#include "base.h"

/* ---- registry (registry.c) --------------------------------------------- */

enum {
    SDPXI_SCOPE_SESSION = 1u << 0,
    SDPXI_SCOPE_MEDIA = 1u << 1,
    SDPXI_FLAG_PROPERTY = 1u << 2 /* takes no value */
};
/* One registry lookup for the parser: the kind of the attribute named
 * name[0..n) in the low byte and, from the same row, its scope and property
 * flags (SDPXI_SCOPE_*, SDPXI_FLAG_PROPERTY) above it; a name without a row
 * is SDPX_ATTR_OTHER with both scopes. */
unsigned sdpxi_attr_lookup(const char *name, size_t n);

/*
 * Value validator of one attribute kind, used by strict mode and lint. Gets
 * the value after ':'; returns 0, or a negative code with *off set to the
 * offset of the offending byte within the value and a message in msg
 * (naming the offending token), or a positive SDPX_W_* code (with *off and
 * msg set the same way) for a quirk the lenient parse may tolerate.
 * With cap 0 (msg may then be NULL) no message is written: a caller that
 * only wants the answer pays for no formatting. Validators are the typed
 * decoders.
 */
typedef int (*sdpxi_attr_check_fn)(sdpx_str value, size_t *off, char *msg, size_t cap);

/* Check an attribute's value against its kind's grammar: presence of a value
 * (property attributes take none) and the kind's validator, if it has one;
 * *off, msg and cap as for a validator. */
int sdpxi_attr_check(sdpx_attr_kind kind, int has_value, sdpx_str value, size_t *off,
                     char *msg, size_t cap);

/* ---- shared by the decoders and encoders (encode.c) --------------------- */

/* The field helpers below run once or more a field of every value, and the
 * hottest decoders once a line: they are forced inline, as a call costs
 * more than most fields' walk. */

/* Byte classes of the attribute grammars, one table lookup a byte:
 * RFC 8866 9 token-char, RFC 8839 5.1 ice-char, RFC 4585 4.2 rtcp-fb-id
 * characters (ALPHA / DIGIT / "-" / "_"). A space is in no class. */
enum { SDPXI_CC_TOKEN = 1, SDPXI_CC_ICE = 2, SDPXI_CC_FB_ID = 4 };
/* The class tests the byte-class tables are built from (encode.c, and the
 * candidate decoder's own table in ice.c): RFC 8839 5.1 ice-char and RFC
 * 8866 9 token-char, for a byte value c. */
#define SDPXI_CC_IS_ICE(c)                                                               \
    (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z') || ((c) >= '0' && (c) <= '9') || \
     (c) == '+' || (c) == '/')
#define SDPXI_CC_IS_TOKEN(c)                                                             \
    ((c) == 0x21 || ((c) >= 0x23 && (c) <= 0x27) || (c) == 0x2a || (c) == 0x2b ||         \
     (c) == 0x2d || (c) == 0x2e || ((c) >= 0x30 && (c) <= 0x39) || ((c) >= 0x41 && (c) <= 0x5a) || \
     ((c) >= 0x5e && (c) <= 0x7e))
extern const uint8_t sdpxi_char_class[256];

/* The offset of the first byte of s outside class `cls`, or s.len. */
SDPXI_HOT size_t sdpxi_span_class(sdpx_str s, unsigned cls)
{
    const unsigned char *p = (const unsigned char *)s.ptr;
    const uint8_t *t = sdpxi_char_class;
    size_t i = 0;
    /* four bytes a round: one bound test for four lookups */
    for (; s.len - i >= 4; i += 4) {
        if (!(t[p[i]] & cls))
            return i;
        if (!(t[p[i + 1]] & cls))
            return i + 1;
        if (!(t[p[i + 2]] & cls))
            return i + 2;
        if (!(t[p[i + 3]] & cls))
            return i + 3;
    }
    while (i < s.len && (t[p[i]] & cls))
        i++;
    return i;
}

/* The RFC 8866 token test: one or more token-chars. */
SDPXI_HOT int sdpxi_is_token(sdpx_str s)
{
    return s.len && sdpxi_span_class(s, SDPXI_CC_TOKEN) == s.len;
}

/* A view that holds exactly the string literal `lit` (compared inline). */
#define SDPXI_IS_LIT(s, lit)                                                             \
    ((s).len == sizeof lit - 1 && memcmp((s).ptr, lit, sizeof lit - 1) == 0)



/* The number that starts at s.ptr[at] and runs to the next `sep` (or the
 * end of s), read as sdpxi_parse_uint reads that view but in the same walk
 * that finds its end: its answer, with the view in *tok. */
SDPXI_HOT int sdpxi_uint_to(sdpx_str s, size_t at, char sep, uint64_t max, sdpx_str *tok,
                                uint64_t *out)
{
    const char *p = s.ptr + at, *end = s.ptr + s.len, *q = p;
    uint64_t v = 0;
    unsigned d;
    while (q < end && (d = (unsigned)(unsigned char)*q - '0') <= 9) {
        v = v * 10 + d; /* may wrap past 19 digits: those take the checked path */
        q++;
    }
    if ((q == end || *q == sep) && q > p && q - p <= 19) {
        *tok = sdpxi_str(p, (size_t)(q - p));
        if (v > max)
            return SDPX_ERANGE;
        *out = v;
        return 0;
    }
    const char *e = q < end ? memchr(q, sep, (size_t)(end - q)) : NULL;
    *tok = sdpxi_str(p, (size_t)((e ? e : end) - p));
    return sdpxi_parse_uint(*tok, max, out);
}

/* sdpxi_digits for a run of at most three digits where p[0..3) may all be
 * read: unrolled, with no bound test. */
SDPXI_HOT const char *sdpxi_digits3(const char *p, uint64_t *v)
{
    unsigned d0 = (unsigned)(unsigned char)p[0] - '0', d1 = (unsigned)(unsigned char)p[1] - '0',
             d2 = (unsigned)(unsigned char)p[2] - '0';
    if (d0 > 9) {
        *v = 0;
        return p;
    }
    if (d1 > 9) {
        *v = d0;
        return p + 1;
    }
    if (d2 > 9) {
        *v = d0 * 10 + d1;
        return p + 2;
    }
    *v = d0 * 100 + d1 * 10 + d2;
    return p + 3;
}

/* The run of decimal digits at p (before end), at most `most` of them (no
 * more than 19, so the value cannot wrap): its value in *v, and the byte
 * after it returned (p when there is no digit). A fast path that finds a
 * digit there has met a longer number, and leaves it to the full decoder. */
SDPXI_HOT const char *sdpxi_digits(const char *p, const char *end, size_t most, uint64_t *v)
{
    const char *q = p, *stop = (size_t)(end - p) < most ? end : p + most;
    uint64_t x = 0;
    unsigned d;
    /* a run that may pass eight digits (an SSRC) starts eight a step;
     * most is a constant, so a shorter read pays nothing */
    if (most >= 8 && stop - q >= 8 && sdpxi_digits_word(q, 8, &x))
        q += 8;
    if (most == 3 && stop - q == 3)
        return sdpxi_digits3(q, v); /* a payload type, all three bytes readable */
    while (q < stop && (d = (unsigned)(unsigned char)*q - '0') <= 9) {
        x = x * 10 + d;
        q++;
    }
    *v = x;
    return q;
}

/* The next field as sdpxi_field splits it, read as a number no larger than
 * max in the same walk: 0 when no field is left; else 1, with *f the field
 * and *rc the answer sdpxi_parse_uint gives for it (*v set when 0). */
SDPXI_HOT int sdpxi_field_uint(sdpx_str *rest, sdpx_str *f, uint64_t max, uint64_t *v,
                                   int *rc)
{
    const char *p = sdpxi_field_start(rest);
    if (!p)
        return 0;
    const char *q = p, *end = rest->ptr + rest->len;
    uint64_t x = 0, blk;
    unsigned d;
    /* a number that may pass eight digits (an SSRC) takes eight a step,
     * then one; max is a constant, so a payload type pays nothing */
    if (max > 99999999u)
        for (; end - q >= 8 && sdpxi_digits_word(q, 8, &blk); q += 8)
            x = x * 100000000u + blk;
    while (q < end && (d = (unsigned)(unsigned char)*q - '0') <= 9) {
        x = x * 10 + d; /* may wrap past 19 digits: those take the checked path */
        q++;
    }
    if ((q == end || *q == ' ') && q - p <= 19 && q > p) {
        *rc = x > max ? SDPX_ERANGE : 0;
        *v = x;
    } else {
        while (q < end && *q != ' ')
            q++;
        *rc = sdpxi_parse_uint(sdpxi_str(p, (size_t)(q - p)), max, v);
    }
    *f = sdpxi_str(p, (size_t)(q - p));
    rest->ptr = q;
    rest->len = (size_t)(end - q);
    return 1;
}

/* sdpxi_cut at `sep`, which must be no token-char (':' and '/' are not),
 * with in *token whether the part cut off is a token (RFC 8866 9): one walk
 * when it is, since the token walk stops at the separator. */
SDPXI_HOT sdpx_str sdpxi_cut_token(sdpx_str *rest, char sep, int *found, int *token)
{
    size_t i = sdpxi_span_class(*rest, SDPXI_CC_TOKEN);
    if (i < rest->len && rest->ptr[i] != sep) {
        *token = 0;
        return sdpxi_cut(rest, sep, found);
    }
    *token = i > 0;
    *found = i < rest->len;
    sdpx_str head = sdpxi_str(rest->ptr, i);
    size_t skip = i + (size_t)*found;
    rest->ptr += skip;
    rest->len -= skip;
    return head;
}

/* The next space-separated field, or "<what> is missing" at the end of the
 * value (*f is then that empty view). */
SDPXI_HOT int sdpxi_need_field(sdpx_str value, sdpx_str *rest, sdpx_str *f, const char *what,
                                   sdpxi_bad *bad)
{
    if (sdpxi_field(rest, f))
        return 0;
    *f = sdpxi_str(value.ptr + value.len, 0);
    return sdpxi_bad_set(bad, value, *f, SDPX_EVALUE, what, "is missing");
}

/* RFC 3551 / RFC 8866 6.6: an RTP payload type is 0-127. The answer for the
 * field `tok` that sdpxi_uint (or sdpxi_field_uint) read as *v with answer rc. */
SDPXI_HOT int sdpxi_pt_answer(sdpx_str value, sdpx_str tok, int rc, uint64_t v, unsigned *pt,
                                  sdpxi_bad *bad)
{
    if (rc)
        return sdpxi_bad_set(bad, value, tok, SDPX_EVALUE, "payload type",
                             rc == SDPX_EFIELD ? "is not a number" : "is over 127");
    *pt = (unsigned)v;
    return 0;
}

/* A 0-127 payload type at `tok`. */
SDPXI_HOT int sdpxi_payload_type(sdpx_str value, sdpx_str tok, unsigned *pt, sdpxi_bad *bad)
{
    uint64_t v = 0;
    int rc = sdpxi_uint(tok, 127, &v);
    return sdpxi_pt_answer(value, tok, rc, v, pt, bad);
}

/* The next field as a payload type, or "payload type is missing". */
SDPXI_HOT int sdpxi_need_pt(sdpx_str value, sdpx_str *rest, sdpx_str *f, unsigned *pt,
                                sdpxi_bad *bad)
{
    uint64_t v = 0;
    int rc;
    if (!sdpxi_field_uint(rest, f, 127, &v, &rc)) {
        *f = sdpxi_str(value.ptr + value.len, 0);
        return sdpxi_bad_set(bad, value, *f, SDPX_EVALUE, "payload type", "is missing");
    }
    return sdpxi_pt_answer(value, *f, rc, v, pt, bad);
}

/* A view without its leading and trailing spaces and tabs. */
SDPXI_HOT sdpx_str sdpxi_trim(sdpx_str s)
{
    while (s.len && (s.ptr[0] == ' ' || s.ptr[0] == '\t')) {
        s.ptr++;
        s.len--;
    }
    while (s.len && (s.ptr[s.len - 1] == ' ' || s.ptr[s.len - 1] == '\t'))
        s.len--;
    return s;
}

/* A validator from a decoder `static int decode(sdpx_str, type *, sdpxi_bad *)`. */
#define SDPXI_DEFINE_CHECK(name, type, decode)                                          \
    int sdpxi_check_##name(sdpx_str v, size_t *off, char *msg, size_t cap)              \
    {                                                                                   \
        type t_;                                                                        \
        sdpxi_bad b_;                                                                   \
        return decode(v, &t_, &b_) ? sdpxi_bad_report(&b_, v, off, msg, cap) : 0;       \
    }

#if defined(__GNUC__)
#define SDPXI_NOINLINE __attribute__((noinline))
#else
#define SDPXI_NOINLINE
#endif

/* SDPXI_DEFINE_CHECK for a decoder that first tries its common shape with
 * `static int common(sdpx_str, type *)` (1: read): the validator answers
 * that shape in a leaf, and leaves the rest to the full decoder, kept out
 * of line so that the leaf saves no registers for it. */
#define SDPXI_DEFINE_CHECK_COMMON(name, type, common, decode)                           \
    static SDPXI_NOINLINE int check_full_##name(sdpx_str v, size_t *off, char *msg,    \
                                                size_t cap)                             \
    {                                                                                   \
        type t_;                                                                        \
        sdpxi_bad b_;                                                                   \
        return decode(v, &t_, &b_) ? sdpxi_bad_report(&b_, v, off, msg, cap) : 0;       \
    }                                                                                   \
    int sdpxi_check_##name(sdpx_str v, size_t *off, char *msg, size_t cap)              \
    {                                                                                   \
        type t_;                                                                        \
        return common(v, &t_) ? 0 : check_full_##name(v, off, msg, cap);                \
    }

/* snprintf-style output for the encoders. */
typedef struct sdpxi_out {
    char *buf;
    size_t cap;
    size_t len; /* bytes the full text needs so far */
} sdpxi_out;
/* An output for (buf, cap); a NULL buf measures, as cap 0 does. */
#define SDPXI_OUT(buf, cap) {(buf), (buf) ? (cap) : 0, 0}
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

/* RFC 8839 5.1: ice-char = ALPHA / DIGIT / "+" / "/" */
static inline int sdpxi_is_ice_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '+' || c == '/';
}

/* ---- strict validators (registry rows) ---------------------------------- */

/* RTP, streams and simulcast families. */
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

/* The zone id of "fe80::...%<zone>" (RFC 6874), or an empty view (src/attr/ice.c). */
sdpx_str sdpxi_zone_id(sdpx_str addr);

/* a=imageattr (RFC 6236), src/attr/imageattr.c. */
int sdpxi_check_imageattr(sdpx_str v, size_t *off, char *msg, size_t cap);

/* ICE, DTLS, SDES, SCTP and BUNDLE families. */
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

#endif
