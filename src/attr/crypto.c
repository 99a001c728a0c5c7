/* SDES (RFC 4568): a=crypto:<tag> <crypto-suite> <key-params> [<session-params>]. */
#include "attr.h"

/* RFC 4568 9.1: key-info = %x21-3A / %x3C-7E (visible, no ";") */
static int is_key_info_char(unsigned char c)
{
    return c >= 0x21 && c <= 0x7e && c != ';';
}

/* One key-param: key-method ":" key-info; for inline (RFC 4568 6.1)
 * key-info = key-salt ["|" lifetime] ["|" mki]. */
static int decode_key(sdpx_str v, sdpx_str kp, sdpx_crypto_key *out, sdpxi_bad *bad)
{
    sdpx_crypto_key k;
    memset(&k, 0, sizeof k);
    const char *colon = kp.len ? memchr(kp.ptr, ':', kp.len) : NULL;
    if (!colon)
        return sdpxi_bad_set(bad, v, kp, SDPX_EVALUE, "key parameter",
                             "is not <key-method>:<key-info>");
    k.method = sdpxi_str(kp.ptr, (size_t)(colon - kp.ptr));
    k.info = sdpxi_str(colon + 1, kp.len - k.method.len - 1);
    /* RFC 4568 9.1: key-method = "inline" / key-method-ext (a token) */
    if (!sdpxi_is_token(k.method))
        return sdpxi_bad_set(bad, v, k.method, SDPX_EVALUE, "key method", "is not a token");
    if (k.info.len == 0)
        return sdpxi_bad_set(bad, v, k.info, SDPX_EVALUE, "key info", "is missing");
    for (size_t i = 0; i < k.info.len; i++)
        if (!is_key_info_char((unsigned char)k.info.ptr[i]))
            return sdpxi_bad_set(bad, v, sdpxi_str(k.info.ptr + i, 1), SDPX_EVALUE,
                                 "key info character", "is not visible");
    if (sdpx_str_eq(k.method, "inline")) {
        sdpx_str rest = k.info;
        int more;
        k.key_salt = sdpxi_cut(&rest, '|', &more);
        if (k.key_salt.len == 0)
            return sdpxi_bad_set(bad, v, k.info, SDPX_EVALUE, "key", "is empty");
        if (more) {
            sdpx_str part = sdpxi_cut(&rest, '|', &more);
            /* RFC 4568 6.1: the lifetime has no ':'; the MKI is "value:length" */
            if (memchr(part.ptr, ':', part.len) && !more)
                k.mki = part;
            else
                k.lifetime = part;
            if (more)
                k.mki = rest;
            if (part.len == 0 || (more && rest.len == 0))
                return sdpxi_bad_set(bad, v, k.info, SDPX_EVALUE, "key info",
                                     "has an empty lifetime or MKI");
            if (k.mki.len && (!memchr(k.mki.ptr, ':', k.mki.len) || memchr(k.mki.ptr, '|', k.mki.len)))
                return sdpxi_bad_set(bad, v, k.mki, SDPX_EVALUE, "MKI",
                                     "is not <value>:<length>");
        }
    }
    *out = k;
    return 0;
}

int sdpx_crypto_key_next(sdpx_str *rest, sdpx_crypto_key *out)
{
    if (!rest || !out)
        return SDPX_EINVAL;
    if (rest->len == 0)
        return 0;
    sdpx_str v = *rest;
    int more;
    sdpx_str kp = sdpxi_cut(rest, ';', &more);
    return decode_key(v, kp, out, NULL) ? SDPX_EVALUE : 1;
}

static int decode_crypto(sdpx_str v, sdpx_crypto *out, sdpxi_bad *bad)
{
    sdpx_crypto c;
    sdpx_str rest = v, f;
    uint64_t n;
    int rc;
    memset(&c, 0, sizeof c);
    /* RFC 4568 9.1: tag = 1*9DIGIT */
    if ((rc = sdpxi_need_field(v, &rest, &f, "tag", bad)))
        return rc;
    if (f.len > 9 || sdpxi_parse_uint(f, 999999999, &n))
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "tag", "is not 1-9 digits");
    c.tag = (uint32_t)n;
    /* RFC 4568 9.1: crypto-suite = 1*(ALPHA / DIGIT / "_") */
    if ((rc = sdpxi_need_field(v, &rest, &f, "crypto suite", bad)))
        return rc;
    for (size_t i = 0; i < f.len; i++) {
        unsigned char ch = (unsigned char)f.ptr[i];
        if (!(sdpxi_is_ice_char(ch) && ch != '+' && ch != '/') && ch != '_')
            return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "crypto suite",
                                 "is not made of letters, digits and '_'");
    }
    c.suite = f;
    if ((rc = sdpxi_need_field(v, &rest, &f, "key parameters", bad)))
        return rc;
    c.key_params = f;
    sdpx_str keys = f;
    int more = 1;
    while (more) {
        sdpx_str kp = sdpxi_cut(&keys, ';', &more);
        sdpx_crypto_key k;
        if ((rc = decode_key(v, kp, &k, bad)))
            return rc;
    }
    /* RFC 4568 9.1: *(SP session-param), session-param = 1*(VCHAR) */
    rest = sdpxi_skip_spaces(rest);
    c.session_params = rest;
    *out = c;
    return 0;
}

SDPXI_DEFINE_CHECK(crypto, sdpx_crypto, decode_crypto)

int sdpx_crypto_parse(sdpx_str value, sdpx_crypto *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_crypto(value, out, NULL);
}

int sdpx_crypto_write(const sdpx_crypto *c, char *buf, size_t cap)
{
    if (!c)
        return SDPX_EINVAL;
    sdpxi_out o = SDPXI_OUT(buf, cap);
    sdpxi_out_u64(&o, c->tag);
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_str(&o, c->suite);
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_str(&o, c->key_params);
    if (c->session_params.len) {
        sdpxi_out_cstr(&o, " ");
        sdpxi_out_str(&o, c->session_params);
    }
    return sdpxi_out_done(&o, !sdpxi_line_safe(c->suite) || !sdpxi_line_safe(c->key_params) ||
                                  !sdpxi_line_safe(c->session_params));
}
