/* DTLS attributes: fingerprint (RFC 8122), setup (RFC 4145, RFC 8842),
 * tls-id (RFC 8842), and their scoped accessors. */
#include "attr.h"

typedef struct {
    char name[8]; /* zero-padded: hash_named compares it as one word */
    sdpx_hash hash;
    size_t len;
    const char *why; /* the length complaint, naming the hash */
} hash_row;

/* RFC 8122 5 and the IANA "Hash Function Textual Names" registry. */
static const hash_row hashes[] = {
    {"md2", SDPX_HASH_MD2, 16, "is not 16 bytes as md2 needs"},
    {"md5", SDPX_HASH_MD5, 16, "is not 16 bytes as md5 needs"},
    {"sha-1", SDPX_HASH_SHA1, 20, "is not 20 bytes as sha-1 needs"},
    {"sha-224", SDPX_HASH_SHA224, 28, "is not 28 bytes as sha-224 needs"},
    {"sha-256", SDPX_HASH_SHA256, 32, "is not 32 bytes as sha-256 needs"},
    {"sha-384", SDPX_HASH_SHA384, 48, "is not 48 bytes as sha-384 needs"},
    {"sha-512", SDPX_HASH_SHA512, 64, "is not 64 bytes as sha-512 needs"},
};

#define NHASHES (sizeof hashes / sizeof hashes[0])
_Static_assert(sizeof hashes[0].name == sizeof(uint64_t), "hash_named reads a name as one word");

static const hash_row *hash_of(sdpx_hash h)
{
    for (size_t i = 0; i < NHASHES; i++)
        if (hashes[i].hash == h)
            return &hashes[i];
    return NULL;
}

const char *sdpx_hash_name(sdpx_hash h)
{
    const hash_row *r = hash_of(h);
    return r ? r->name : NULL;
}

size_t sdpx_hash_len(sdpx_hash h)
{
    const hash_row *r = hash_of(h);
    return r ? r->len : 0;
}

/* The hash of a hash-func token, compared case-insensitively (RFC 8122 5);
 * SDPX_HASH_OTHER for a name not listed. f is a token: in a token only
 * the letters lack the 0x20 bit, so OR-ing it in lowers them and changes
 * nothing else, and the zero-padded name compares as one 8-byte word. */
static sdpx_hash hash_named(sdpx_str f)
{
    if (f.len >= sizeof hashes[0].name)
        return SDPX_HASH_OTHER;
    char low[sizeof hashes[0].name] = {0};
    for (size_t k = 0; k < f.len; k++)
        low[k] = (char)(f.ptr[k] | 0x20);
    uint64_t w, n;
    memcpy(&w, low, sizeof w);
    for (size_t i = 0; i < NHASHES; i++) {
        memcpy(&n, hashes[i].name, sizeof n);
        if (w == n)
            return hashes[i].hash;
    }
    return SDPX_HASH_OTHER;
}

/* Hex digit values for the fingerprint walk, -1 for other bytes. */
#define HX(c)                                                                            \
    (int8_t)((c) >= '0' && (c) <= '9'   ? (c) - '0'                                     \
             : (c) >= 'a' && (c) <= 'f' ? (c) - 'a' + 10                                \
             : (c) >= 'A' && (c) <= 'F' ? (c) - 'A' + 10                                \
                                        : -1)
#define HX4(c) HX(c), HX((c) + 1), HX((c) + 2), HX((c) + 3)
#define HX16(c) HX4(c), HX4((c) + 4), HX4((c) + 8), HX4((c) + 12)
static const int8_t hex_value[256] = {
    HX16(0x00), HX16(0x10), HX16(0x20), HX16(0x30), HX16(0x40), HX16(0x50), HX16(0x60),
    HX16(0x70), HX16(0x80), HX16(0x90), HX16(0xa0), HX16(0xb0), HX16(0xc0), HX16(0xd0),
    HX16(0xe0), HX16(0xf0),
};

/* RFC 8122 5: fingerprint = 2UHEX *(":" 2UHEX); lowercase is common and
 * accepted. Decodes f into fp->bytes, a pair and its separator at a time. */
static int decode_hex_pairs(sdpx_str v, sdpx_str f, sdpx_fingerprint *fp, sdpxi_bad *bad)
{
    const unsigned char *p = (const unsigned char *)f.ptr;
    size_t i = 0, n = f.len;
    for (;;) {
        if (n - i < 2 || (hex_value[p[i]] | hex_value[p[i + 1]]) < 0)
            return sdpxi_bad_set(bad, v, sdpxi_str(f.ptr + i, n - i < 2 ? n - i : 2),
                                 SDPX_EVALUE, "fingerprint byte", "is not two hex digits");
        if (fp->len == SDPX_FINGERPRINT_MAX)
            return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "fingerprint", "is longer than 64 bytes");
        fp->bytes[fp->len++] = (uint8_t)(hex_value[p[i]] << 4 | hex_value[p[i + 1]]);
        i += 2;
        if (i == n)
            return 0;
        if (p[i] != ':')
            return sdpxi_bad_set(bad, v, sdpxi_str(f.ptr + i, 1), SDPX_EVALUE, "separator",
                                 "is not ':'");
        i++;
    }
}

/* The end of decode_fingerprint, once the pairs of field f are in *fp:
 * their count against the hash's digest length. */
SDPXI_HOT int fingerprint_done(sdpx_str v, sdpx_str f, sdpx_fingerprint *fp,
                               sdpx_fingerprint *out, sdpxi_bad *bad)
{
    fp->hex = f;
    const hash_row *r = hash_of(fp->hash);
    if (r && fp->len != r->len)
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "fingerprint", r->why);
    *out = *fp;
    return 0;
}

/* RFC 8122 5: fingerprint-attribute = "fingerprint" ":" hash-func SP fingerprint */
SDPXI_HOT int decode_fingerprint(sdpx_str v, sdpx_fingerprint *out, sdpxi_bad *bad)
{
    sdpx_str rest = v, f;
    sdpx_fingerprint fp;
    memset(&fp, 0, sizeof fp);
    if (!sdpxi_field(&rest, &f))
        return sdpxi_bad_set(bad, v, v, SDPX_EVALUE, "hash function", "is missing");
    if (!sdpxi_is_token(f))
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "hash function", "is not a token");
    fp.hash_name = f;
    fp.hash = hash_named(f);
    /* the common case: one space, then pairs to the value's end; the pair
     * walk finds that end, so no field split runs before it */
    if (rest.len > 1 && rest.ptr[1] != ' ') {
        f = sdpxi_str(rest.ptr + 1, rest.len - 1);
        if (decode_hex_pairs(v, f, &fp, NULL) == 0)
            return fingerprint_done(v, f, &fp, out, bad);
        fp.len = 0; /* something else follows: the full split below */
        memset(fp.bytes, 0, sizeof fp.bytes);
    }
    if (!sdpx_field_next(&rest, &f))
        return sdpxi_bad_set(bad, v, sdpxi_str(v.ptr + v.len, 0), SDPX_EVALUE, "fingerprint",
                             "is missing");
    sdpx_str extra;
    if (sdpxi_field(&rest, &extra))
        return sdpxi_bad_set(bad, v, extra, SDPX_EVALUE, "field", "follows the fingerprint");
    int rc = decode_hex_pairs(v, f, &fp, bad);
    if (rc)
        return rc;
    return fingerprint_done(v, f, &fp, out, bad);
}

SDPXI_DEFINE_CHECK(fingerprint, sdpx_fingerprint, decode_fingerprint)

int sdpx_fingerprint_parse(sdpx_str value, sdpx_fingerprint *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_fingerprint(value, out, NULL);
}

int sdpx_fingerprint_write(const sdpx_fingerprint *f, char *buf, size_t cap)
{
    if (!f)
        return SDPX_EINVAL;
    static const char hex[] = "0123456789ABCDEF";
    sdpxi_out o = SDPXI_OUT(buf, cap);
    const char *name = sdpx_hash_name(f->hash);
    if (f->hash_name.len || !name)
        sdpxi_out_str(&o, f->hash_name);
    else
        sdpxi_out_cstr(&o, name);
    for (size_t i = 0; i < f->len && i < SDPX_FINGERPRINT_MAX; i++) {
        char b[3] = {i ? ':' : ' ', hex[f->bytes[i] >> 4], hex[f->bytes[i] & 15]};
        sdpxi_out_mem(&o, b, 3);
    }
    return sdpxi_out_done(&o, !sdpxi_line_safe(f->hash_name) || f->len > SDPX_FINGERPRINT_MAX);
}

/* RFC 4145 4: role = "active" / "passive" / "actpass" / "holdconn" */
static const char *const setups[] = {NULL, "active", "passive", "actpass", "holdconn"};

const char *sdpx_setup_name(sdpx_setup s)
{
    return (unsigned)s >= 1 && (unsigned)s <= 4 ? setups[s] : NULL;
}

SDPXI_HOT int decode_setup(sdpx_str v, sdpx_setup *out, sdpxi_bad *bad)
{
    /* the names of setups[], compared inline */
    int i = SDPXI_IS_LIT(v, "actpass")    ? SDPX_SETUP_ACTPASS
            : SDPXI_IS_LIT(v, "active")   ? SDPX_SETUP_ACTIVE
            : SDPXI_IS_LIT(v, "passive")  ? SDPX_SETUP_PASSIVE
            : SDPXI_IS_LIT(v, "holdconn") ? SDPX_SETUP_HOLDCONN
                                          : 0;
    if (i) {
        *out = (sdpx_setup)i;
        return 0;
    }
    return sdpxi_bad_set(bad, v, v, SDPX_EVALUE, "setup role",
                         "is not active, passive, actpass or holdconn");
}

SDPXI_DEFINE_CHECK(setup, sdpx_setup, decode_setup)

int sdpx_setup_parse(sdpx_str value, sdpx_setup *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_setup(value, out, NULL);
}

/* RFC 8842 4: tls-id-value = 20*255(tls-id-char),
 * tls-id-char = ALPHA / DIGIT / "+" / "/" / "-" / "_" */
static int decode_tls_id(sdpx_str v, sdpx_str *out, sdpxi_bad *bad)
{
    for (size_t i = 0; i < v.len; i++) {
        unsigned char c = (unsigned char)v.ptr[i];
        if (!sdpxi_is_ice_char(c) && c != '-' && c != '_')
            return sdpxi_bad_set(bad, v, sdpxi_str(v.ptr + i, 1), SDPX_EVALUE, "character",
                                 "is not a tls-id-char (ALPHA / DIGIT / + / / / - / _)");
    }
    if (v.len < 20 || v.len > 255)
        return sdpxi_bad_set(bad, v, v, SDPX_EVALUE, "tls-id", "is not 20-255 characters long");
    *out = v;
    return 0;
}

SDPXI_DEFINE_CHECK(tls_id, sdpx_str, decode_tls_id)

int sdpx_tls_id_parse(sdpx_str value, sdpx_str *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_tls_id(value, out, NULL);
}
