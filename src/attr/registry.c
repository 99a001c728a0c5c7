/* Attribute names -> kinds, and what each kind allows. One row per
 * attribute; the rows are sorted by name (a test checks it). */
#include "attr.h"

#include <stdarg.h>
#include <stdio.h>

#define S SDPXI_SCOPE_SESSION
#define M SDPXI_SCOPE_MEDIA
#define P SDPXI_FLAG_PROPERTY

/* A check's message into msg[0..cap), written only when cap > 0: a caller
 * that needs just the answer passes cap 0 and pays for no formatting. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void say(char *msg, size_t cap, const char *fmt, ...)
{
    if (!cap)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, cap, fmt, ap);
    va_end(ap);
}

/* RFC 8866 9: att-value = byte-string, one or more bytes; the attributes
 * without a grammar of their own (a=tool:, a=label:, a=identity:) must
 * not be empty. */
static int check_byte_string(sdpx_str v, size_t *off, char *msg, size_t cap)
{
    *off = 0;
    if (v.len)
        return 0;
    say(msg, cap, "the value is empty (RFC 8866 9: byte-string is 1 or more bytes)");
    return SDPX_EVALUE;
}

#define B check_byte_string

typedef struct {
    const char *name;
    uint8_t len;
    uint8_t kind;
    uint8_t scope;
    sdpxi_attr_check_fn check; /* value grammar; NULL: any value */
} attr_row;

#define ROW(n, k, sc) {n, (uint8_t)(sizeof n - 1), k, sc, NULL}
#define ROWC(n, k, sc, fn) {n, (uint8_t)(sizeof n - 1), k, sc, fn}

/* Scopes follow each attribute's RFC (and RFC 8859 for the mux categories). */
static const attr_row rows[] = {
    ROW("bundle-only", SDPX_ATTR_BUNDLE_ONLY, M | P),         /* RFC 8843 6 */
    ROWC("candidate", SDPX_ATTR_CANDIDATE, M, sdpxi_check_candidate),                 /* RFC 8839 5.1 */
    ROWC("cat", SDPX_ATTR_CAT, S, B),                             /* RFC 8866 6.1 */
    ROWC("charset", SDPX_ATTR_CHARSET, S | M, B),                 /* RFC 8866 6.10 */
    ROWC("content", SDPX_ATTR_CONTENT, M, B),                     /* RFC 4796 */
    ROWC("control", SDPX_ATTR_CONTROL, S | M, B),                 /* RFC 7826 C.1.1 */
    ROWC("crypto", SDPX_ATTR_CRYPTO, M, sdpxi_check_crypto),                       /* RFC 4568 9.1 */
    ROW("end-of-candidates", SDPX_ATTR_END_OF_CANDIDATES, S | M | P), /* RFC 8840 8.2 */
    ROWC("extmap", SDPX_ATTR_EXTMAP, S | M, sdpxi_check_extmap), /* RFC 8285 7 */
    ROW("extmap-allow-mixed", SDPX_ATTR_EXTMAP_ALLOW_MIXED, S | M | P), /* RFC 8285 6 */
    ROWC("fingerprint", SDPX_ATTR_FINGERPRINT, S | M, sdpxi_check_fingerprint),         /* RFC 8122 5 */
    ROWC("fmtp", SDPX_ATTR_FMTP, M, sdpxi_check_fmtp), /* RFC 8866 6.15 */
    ROWC("framerate", SDPX_ATTR_FRAMERATE, M, sdpxi_check_decimal), /* RFC 8866 6.8 */
    ROWC("group", SDPX_ATTR_GROUP, S, sdpxi_check_group),                         /* RFC 5888 5 */
    ROW("ice-lite", SDPX_ATTR_ICE_LITE, S | P),               /* RFC 8839 5.3 */
    ROW("ice-mismatch", SDPX_ATTR_ICE_MISMATCH, M | P),       /* RFC 8839 5.4 */
    ROWC("ice-options", SDPX_ATTR_ICE_OPTIONS, S | M, sdpxi_check_ice_options),         /* RFC 8839 5.6 */
    ROWC("ice-pacing", SDPX_ATTR_ICE_PACING, S, sdpxi_check_ice_pacing),               /* RFC 8839 5.7 */
    ROWC("ice-pwd", SDPX_ATTR_ICE_PWD, S | M, sdpxi_check_ice_pwd),                 /* RFC 8839 5.4 */
    ROWC("ice-ufrag", SDPX_ATTR_ICE_UFRAG, S | M, sdpxi_check_ice_ufrag),             /* RFC 8839 5.4 */
    ROWC("identity", SDPX_ATTR_IDENTITY, S, B),               /* RFC 8827 5 */
    ROWC("imageattr", SDPX_ATTR_IMAGEATTR, M, sdpxi_check_imageattr), /* RFC 6236 3.1 */
    ROW("inactive", SDPX_ATTR_INACTIVE, S | M | P),           /* RFC 8866 6.7.4 */
    ROWC("keywds", SDPX_ATTR_KEYWDS, S, B),                       /* RFC 8866 6.2 */
    ROWC("label", SDPX_ATTR_LABEL, M, B),                         /* RFC 4574 */
    ROWC("lang", SDPX_ATTR_LANG, S | M, B),                       /* RFC 8866 6.12 */
    ROWC("max-message-size", SDPX_ATTR_MAX_MESSAGE_SIZE, M, sdpxi_check_max_message_size),   /* RFC 8841 6 */
    ROWC("maxptime", SDPX_ATTR_MAXPTIME, M, sdpxi_check_decimal), /* RFC 8866 6.5 */
    ROWC("mid", SDPX_ATTR_MID, M, sdpxi_check_mid),                             /* RFC 5888 4 */
    ROWC("msid", SDPX_ATTR_MSID, M, sdpxi_check_msid), /* RFC 8830 2 */
    ROWC("msid-semantic", SDPX_ATTR_MSID_SEMANTIC, S, sdpxi_check_msid_semantic), /* draft-ietf-mmusic-msid */
    ROWC("orient", SDPX_ATTR_ORIENT, M, B),                       /* RFC 8866 6.9 */
    ROWC("ptime", SDPX_ATTR_PTIME, M, sdpxi_check_decimal), /* RFC 8866 6.4 */
    ROWC("quality", SDPX_ATTR_QUALITY, M, sdpxi_check_quality), /* RFC 8866 6.14 */
    ROWC("range", SDPX_ATTR_RANGE, S | M, B),                     /* RFC 7826 C.1.5 */
    ROW("recvonly", SDPX_ATTR_RECVONLY, S | M | P),           /* RFC 8866 6.7.1 */
    ROWC("remote-candidates", SDPX_ATTR_REMOTE_CANDIDATES, M, sdpxi_check_remote_candidates), /* RFC 8839 5.2 */
    ROWC("rid", SDPX_ATTR_RID, M, sdpxi_check_rid), /* RFC 8851 4 */
    ROWC("rtcp", SDPX_ATTR_RTCP, M, sdpxi_check_rtcp), /* RFC 3605 2.1 */
    ROWC("rtcp-fb", SDPX_ATTR_RTCP_FB, M, sdpxi_check_rtcp_fb), /* RFC 4585 4.2 */
    ROW("rtcp-mux", SDPX_ATTR_RTCP_MUX, M | P),               /* RFC 5761 5.1.1 */
    ROW("rtcp-mux-only", SDPX_ATTR_RTCP_MUX_ONLY, M | P),     /* RFC 8858 3 */
    ROW("rtcp-rsize", SDPX_ATTR_RTCP_RSIZE, M | P),           /* RFC 5506 5 */
    ROWC("rtpmap", SDPX_ATTR_RTPMAP, M, sdpxi_check_rtpmap), /* RFC 8866 6.6 */
    ROWC("sctp-port", SDPX_ATTR_SCTP_PORT, M, sdpxi_check_sctp_port),                 /* RFC 8841 5 */
    ROWC("sctpmap", SDPX_ATTR_SCTPMAP, M, sdpxi_check_sctpmap),                     /* draft-ietf-mmusic-sctp-sdp-05 */
    ROWC("sdplang", SDPX_ATTR_SDPLANG, S | M, B),                 /* RFC 8866 6.11 */
    ROW("sendonly", SDPX_ATTR_SENDONLY, S | M | P),           /* RFC 8866 6.7.2 */
    ROW("sendrecv", SDPX_ATTR_SENDRECV, S | M | P),           /* RFC 8866 6.7.3 */
    ROWC("setup", SDPX_ATTR_SETUP, S | M, sdpxi_check_setup),                     /* RFC 4145 4 */
    ROWC("simulcast", SDPX_ATTR_SIMULCAST, M, sdpxi_check_simulcast), /* RFC 8853 5.1 */
    ROWC("ssrc", SDPX_ATTR_SSRC, M, sdpxi_check_ssrc), /* RFC 5576 4.1 */
    ROWC("ssrc-group", SDPX_ATTR_SSRC_GROUP, M, sdpxi_check_ssrc_group), /* RFC 5576 4.2 */
    ROWC("tls-id", SDPX_ATTR_TLS_ID, S | M, sdpxi_check_tls_id),                   /* RFC 8842 4 */
    ROWC("tool", SDPX_ATTR_TOOL, S, B),                           /* RFC 8866 6.3 */
    ROWC("type", SDPX_ATTR_TYPE, S, B),                           /* RFC 8866 6.13 */
};

#define NROWS (sizeof rows / sizeof rows[0])

/* A build that ran make has the name switch (on length, then first byte)
 * and the kind index generated from rows[] by registry_gen.awk; a bare
 * compile of the sources (fuzz/build.sh) searches the rows instead. */
#if defined(__has_include)
#if __has_include("registry_index.h")
#include "registry_index.h"
#endif
#endif

#ifdef SDPXI_GEN_NROWS
_Static_assert(NROWS == SDPXI_GEN_NROWS, "registry_gen.awk must see every row of rows[]");

/* Row number (index + 1) of each kind; 0 for kinds without a row. */
static const uint8_t row_by_kind[SDPX_ATTR_KIND_COUNT] = SDPXI_GEN_ROW_BY_KIND;
#endif

/* The row of the attribute named p[0..n), or NULL. Its one caller is the
 * lookup below, so the generated switch is inlined there. */
static const attr_row *row_of_name(const char *p, size_t n)
{
#ifdef SDPXI_GEN_NROWS
    int i = sdpxi_gen_row_of_name(p, n);
    return i < 0 ? NULL : &rows[i];
#else
    /* Binary search over the sorted rows; bytes compare as unsigned. */
    size_t lo = 0, hi = NROWS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const attr_row *r = &rows[mid];
        size_t m = n < r->len ? n : r->len;
        int c = m ? memcmp(p, r->name, m) : 0;
        if (c == 0)
            c = n < r->len ? -1 : n > r->len ? 1 : 0;
        if (c == 0)
            return r;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
#endif
}

unsigned sdpxi_attr_lookup(const char *name, size_t n)
{
    const attr_row *r = row_of_name(name, n);
    return r ? r->kind | (unsigned)r->scope << 8 : SDPX_ATTR_OTHER | (unsigned)(S | M) << 8;
}

sdpx_attr_kind sdpx_attr_kind_from_name(sdpx_str name)
{
    return (sdpx_attr_kind)(sdpxi_attr_lookup(name.ptr, name.len) & 0xffu);
}

static const attr_row *row_of(sdpx_attr_kind kind)
{
#ifdef SDPXI_GEN_NROWS
    unsigned i = (unsigned)kind < SDPX_ATTR_KIND_COUNT ? row_by_kind[kind] : 0u;
    return i ? &rows[i - 1] : NULL;
#else
    for (size_t i = 0; i < NROWS; i++)
        if (rows[i].kind == kind)
            return &rows[i];
    return NULL;
#endif
}

const char *sdpx_attr_kind_name(sdpx_attr_kind kind)
{
    const attr_row *r = row_of(kind);
    return r ? r->name : NULL;
}

int sdpxi_attr_check(sdpx_attr_kind kind, int has_value, sdpx_str value, size_t *off,
                     char *msg, size_t cap)
{
    const attr_row *r = row_of(kind);
    *off = 0;
    if (!r)
        return 0;
    if (r->scope & P) {
        if (has_value) {
            say(msg, cap, "a=%s takes no value", r->name);
            return SDPX_EVALUE;
        }
        return 0;
    }
    if (!has_value) {
        say(msg, cap, "a=%s needs a value", r->name);
        return SDPX_EVALUE;
    }
    return r->check ? r->check(value, off, msg, cap) : 0;
}
