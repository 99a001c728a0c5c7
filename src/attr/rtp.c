/* RTP attributes: rtpmap, fmtp, rtcp-fb, extmap, rtcp, direction, ptime,
 * maxptime, framerate, quality (RFC 8866, 4585, 8285, 3605). Pure decoders
 * from a value view to a struct of views, their encoders, and the strict
 * validators the registry calls. */
#include "attr.h"

#include <stdio.h>

/* Decoders below fail through this: record the token and reason, return SDPX_EVALUE. */
#define BAD(tok, what, why) sdpxi_bad_set(bad, value, (tok), SDPX_EVALUE, (what), (why))

/* ---- rtpmap ------------------------------------------------------------ */

/* The shape nearly every rtpmap has, in one walk: a payload type of at
 * most three digits, one space, the encoding token, "/", a clock rate of
 * at most ten digits, an optional "/" and channel count of at most three,
 * and nothing more. 1 with *r set as decode_rtpmap sets it; 0 (r
 * untouched) for anything else, which the full decoder reads or refuses. */
SDPXI_HOT int rtpmap_common(sdpx_str value, sdpx_rtpmap *r)
{
    if (value.len < sizeof "0 a/1" - 1)
        return 0;
    const char *p = value.ptr, *end = p + value.len, *q;
    uint64_t pt, clock, ch = 0;
    if ((q = sdpxi_digits(p, end, 3, &pt)) == p || q == end || *q != ' ' || pt > 127)
        return 0;
    p = q + 1;
    size_t n = sdpxi_span_class(sdpxi_str(p, (size_t)(end - p)), SDPXI_CC_TOKEN);
    if (n == 0 || p + n == end || p[n] != '/')
        return 0;
    sdpx_str enc = sdpxi_str(p, n);
    p += n + 1;
    if ((q = sdpxi_digits(p, end, 10, &clock)) == p || clock == 0 || clock > UINT32_MAX)
        return 0;
    if (q < end) {
        if (*q != '/')
            return 0;
        p = q + 1;
        if ((q = sdpxi_digits(p, end, 3, &ch)) == p || q != end || ch == 0 || ch > 255)
            return 0;
        r->channels = (unsigned)ch;
        r->has_channels = 1;
    }
    r->payload_type = (unsigned)pt;
    r->encoding = enc;
    r->clock_rate = (uint32_t)clock;
    return 1;
}

/* RFC 8866 6.6: a=rtpmap:<payload type> <encoding name>/<clock rate>[/<encoding parameters>] */
SDPXI_HOT int decode_rtpmap(sdpx_str value, sdpx_rtpmap *out, sdpxi_bad *bad)
{
    sdpx_str rest = value, f, enc = {NULL, 0};
    sdpx_rtpmap r;
    memset(&r, 0, sizeof r);
    if (rtpmap_common(value, &r)) {
        *out = r;
        return 0;
    }
    int rc = sdpxi_need_pt(value, &rest, &f, &r.payload_type, bad);
    if (rc || (rc = sdpxi_need_field(value, &rest, &enc, "encoding name", bad)))
        return rc;
    if (sdpxi_field(&rest, &f))
        return BAD(f, "text", "follows the rtpmap value");
    int found, token;
    sdpx_str tail = enc;
    r.encoding = sdpxi_cut_token(&tail, '/', &found, &token);
    /* RFC 8866 9: encoding-name = token */
    if (!token)
        return BAD(r.encoding, "encoding name", "is not a token");
    if (!found)
        return BAD(sdpxi_str(enc.ptr + enc.len, 0), "clock rate", "is missing after the encoding name");
    sdpx_str clock;
    uint64_t v = 0;
    if (sdpxi_uint_to(tail, 0, '/', UINT32_MAX, &clock, &v) || v == 0)
        return BAD(clock, "clock rate", "is not a number in 1-4294967295");
    r.clock_rate = (uint32_t)v;
    if (clock.len < tail.len) {
        /* RFC 8866 6.6: for audio the encoding parameters are the channel count */
        tail = sdpxi_str(clock.ptr + clock.len + 1, tail.len - clock.len - 1);
        if (sdpxi_uint(tail, 255, &v) || v == 0)
            return BAD(tail, "encoding parameters", "are not a channel count in 1-255");
        r.channels = (unsigned)v;
        r.has_channels = 1;
    }
    *out = r;
    return 0;
}

int sdpx_rtpmap_parse(sdpx_str value, sdpx_rtpmap *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_rtpmap(value, out, NULL);
}

int sdpx_rtpmap_write(const sdpx_rtpmap *r, char *buf, size_t cap)
{
    if (!r)
        return SDPX_EINVAL;
    sdpxi_out o = SDPXI_OUT(buf, cap);
    int bad = 0;
    if (r->payload_type > 127 || !sdpxi_is_token(r->encoding) || r->clock_rate == 0 ||
        (r->has_channels && (r->channels == 0 || r->channels > 255)))
        bad = 1;
    sdpxi_out_u64(&o, r->payload_type);
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_str(&o, r->encoding);
    sdpxi_out_cstr(&o, "/");
    sdpxi_out_u64(&o, r->clock_rate);
    if (r->has_channels) {
        sdpxi_out_cstr(&o, "/");
        sdpxi_out_u64(&o, r->channels);
    }
    return sdpxi_out_done(&o, bad);
}

SDPXI_DEFINE_CHECK_COMMON(rtpmap, sdpx_rtpmap, rtpmap_common, decode_rtpmap)

/* ---- fmtp -------------------------------------------------------------- */

/* The shape nearly every fmtp has: a payload type of at most three
 * digits, one space, and parameters that start and end with no space or
 * tab. 1 with *r set as decode_fmtp sets it; 0 (r untouched) for anything
 * else, which the full decoder reads or refuses. */
SDPXI_HOT int fmtp_common(sdpx_str value, sdpx_fmtp *r)
{
    if (value.len < sizeof "0 a" - 1)
        return 0;
    const char *p = value.ptr, *end = p + value.len, *q;
    uint64_t pt;
    if ((q = sdpxi_digits(p, end, 3, &pt)) == p || end - q < 2 || *q != ' ' || pt > 127 ||
        q[1] == ' ' || q[1] == '\t' || end[-1] == ' ' || end[-1] == '\t')
        return 0;
    memset(r, 0, sizeof *r);
    r->format = sdpxi_str(p, (size_t)(q - p));
    r->has_payload_type = 1;
    r->payload_type = (unsigned)pt;
    r->params = sdpxi_str(q + 1, (size_t)(end - q - 1));
    return 1;
}

/* RFC 8866 6.15: a=fmtp:<format> <format specific parameters>; the format is
 * an m= line fmt: an RTP payload type, or a token for other transports. */
SDPXI_HOT int decode_fmtp(sdpx_str value, sdpx_fmtp *out, sdpxi_bad *bad)
{
    sdpx_str rest = value;
    sdpx_fmtp r;
    if (fmtp_common(value, out))
        return 0;
    memset(&r, 0, sizeof r);
    uint64_t v = 0;
    int rc, num;
    if (!sdpxi_field_uint(&rest, &r.format, 127, &v, &num))
        return BAD(sdpxi_str(value.ptr + value.len, 0), "format", "is missing");
    if (sdpxi_is_digit((unsigned char)r.format.ptr[0])) {
        if ((rc = sdpxi_pt_answer(value, r.format, num, v, &r.payload_type, bad)))
            return rc;
        r.has_payload_type = 1;
    } else if (!sdpxi_is_token(r.format)) {
        return BAD(r.format, "format", "is not a token");
    }
    r.params = sdpxi_trim(rest);
    if (!r.params.len)
        return BAD(r.params, "format parameters", "are missing");
    *out = r;
    return 0;
}

int sdpx_fmtp_parse(sdpx_str value, sdpx_fmtp *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_fmtp(value, out, NULL);
}

int sdpx_fmtp_write(const sdpx_fmtp *f, char *buf, size_t cap)
{
    if (!f)
        return SDPX_EINVAL;
    sdpxi_out o = SDPXI_OUT(buf, cap);
    int bad = f->params.len == 0 || !sdpxi_line_safe(f->params) ||
              (f->format.len ? !sdpxi_is_token(f->format) : f->payload_type > 127);
    if (f->format.len)
        sdpxi_out_str(&o, f->format);
    else
        sdpxi_out_u64(&o, f->payload_type);
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_str(&o, f->params);
    return sdpxi_out_done(&o, bad);
}

int sdpx_param_next(sdpx_str *rest, sdpx_param *out)
{
    if (!rest || !out)
        return 0;
    while (rest->len) {
        int found;
        sdpx_str item = sdpxi_trim(sdpxi_cut(rest, ';', &found));
        if (!item.len)
            continue;
        sdpx_str kv = item;
        sdpx_str key = sdpxi_trim(sdpxi_cut(&kv, '=', &found));
        out->key = found ? key : item;
        out->value = found ? sdpxi_trim(kv) : sdpxi_str(item.ptr + item.len, 0);
        out->has_value = found;
        return 1;
    }
    return 0;
}

int sdpx_fmtp_get(const sdpx_fmtp *f, const char *key, sdpx_str *value)
{
    if (!f || !key || !value)
        return SDPX_EINVAL;
    sdpx_str rest = f->params;
    sdpx_param p;
    while (sdpx_param_next(&rest, &p)) {
        if (p.has_value && sdpx_str_ieq(p.key, key)) {
            *value = p.value;
            return 0;
        }
    }
    return SDPX_ENOTFOUND;
}

SDPXI_DEFINE_CHECK_COMMON(fmtp, sdpx_fmtp, fmtp_common, decode_fmtp)

/* ---- rtcp-fb ----------------------------------------------------------- */

/* RFC 4585 4.2: rtcp-fb-id = 1*(alpha-numeric / "-" / "_") */
static int is_fb_id(sdpx_str s)
{
    return s.len > 0 && sdpxi_span_class(s, SDPXI_CC_FB_ID) == s.len;
}

/* The shape nearly every rtcp-fb has, in one walk: "*" or a payload type
 * of at most three digits, one space, the rtcp-fb-id type (not trr-int,
 * whose subtype is a number), and nothing more or one space and a subtype
 * running to the end. 1 with *r set as decode_rtcp_fb sets it; 0 (r
 * untouched) for anything else, which the full decoder reads or refuses. */
SDPXI_HOT int rtcp_fb_common(sdpx_str value, sdpx_rtcp_fb *r)
{
    if (value.len < sizeof "* a" - 1)
        return 0;
    const char *p = value.ptr, *end = p + value.len, *q;
    uint64_t pt = 0;
    int wildcard = *p == '*';
    q = wildcard ? p + 1 : sdpxi_digits(p, end, 3, &pt);
    if (q == p || q == end || *q != ' ' || pt > 127)
        return 0;
    p = q + 1;
    size_t n = sdpxi_span_class(sdpxi_str(p, (size_t)(end - p)), SDPXI_CC_FB_ID);
    sdpx_str type = sdpxi_str(p, n), sub = sdpxi_str(p + n, 0);
    if (n == 0 || SDPXI_IS_LIT(type, "trr-int"))
        return 0;
    p += n;
    if (p < end) {
        if (*p != ' ' || end - p < 2 || p[1] == ' ' || sdpxi_find_space(p + 2, end) != end)
            return 0;
        sub = sdpxi_str(p + 1, (size_t)(end - p - 1));
    }
    r->wildcard = wildcard;
    r->payload_type = (unsigned)pt;
    r->type = type;
    r->subtype = sub;
    r->params = sdpxi_str(end, 0);
    return 1;
}

/* RFC 4585 4.2: rtcp-fb-syntax = "a=rtcp-fb:" rtcp-fb-pt SP rtcp-fb-val;
 * rtcp-fb-pt = "*" / fmt */
SDPXI_HOT int decode_rtcp_fb(sdpx_str value, sdpx_rtcp_fb *out, sdpxi_bad *bad)
{
    sdpx_str rest = value, f;
    sdpx_rtcp_fb r;
    memset(&r, 0, sizeof r);
    if (rtcp_fb_common(value, &r)) {
        *out = r;
        return 0;
    }
    int rc = sdpxi_need_pt(value, &rest, &f, &r.payload_type, bad);
    if (rc && SDPXI_IS_LIT(f, "*"))
        r.wildcard = 1; /* what no payload type is: sdpxi_need_pt's answer is dropped */
    else if (rc)
        return rc;
    /* the type field, split off in the walk over its rtcp-fb-id bytes */
    sdpx_str t = sdpxi_skip_spaces(rest);
    size_t n = sdpxi_span_class(t, SDPXI_CC_FB_ID);
    if (n == 0 || (n < t.len && t.ptr[n] != ' ')) {
        if ((rc = sdpxi_need_field(value, &rest, &r.type, "feedback type", bad)))
            return rc;
        return BAD(r.type, "feedback type", "is not an rtcp-fb-id"); /* it holds another byte */
    }
    r.type = sdpxi_str(t.ptr, n);
    rest = sdpxi_str(t.ptr + n, t.len - n);
    if (!sdpxi_field(&rest, &r.subtype))
        r.subtype = sdpxi_str(r.type.ptr + r.type.len, 0);
    r.params = sdpxi_trim(rest);
    if (SDPXI_IS_LIT(r.type, "trr-int")) {
        /* RFC 4585 4.2: "trr-int" SP 1*DIGIT */
        if (sdpxi_uint(r.subtype, UINT32_MAX, NULL) || r.params.len)
            return BAD(r.subtype, "trr-int interval", "is not a number of milliseconds");
    }
    *out = r;
    return 0;
}

int sdpx_rtcp_fb_parse(sdpx_str value, sdpx_rtcp_fb *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_rtcp_fb(value, out, NULL);
}

/* 1 when a view has no leading or trailing space or tab (decoders trim them). */
static int same_trimmed(sdpx_str s)
{
    return sdpxi_trim(s).len == s.len;
}

int sdpx_rtcp_fb_write(const sdpx_rtcp_fb *fb, char *buf, size_t cap)
{
    if (!fb)
        return SDPX_EINVAL;
    sdpxi_out o = SDPXI_OUT(buf, cap);
    /* refuse what decode_rtcp_fb would not read back as *fb */
    int bad = (!fb->wildcard && fb->payload_type > 127) || !is_fb_id(fb->type) ||
              (fb->params.len && !fb->subtype.len) ||
              (fb->subtype.len && !sdpxi_is_token(fb->subtype)) ||
              !sdpxi_line_safe(fb->params) || !same_trimmed(fb->params) ||
              (sdpx_str_eq(fb->type, "trr-int") &&
               (sdpxi_parse_uint(fb->subtype, UINT32_MAX, NULL) || fb->params.len));
    if (fb->wildcard)
        sdpxi_out_cstr(&o, "*");
    else
        sdpxi_out_u64(&o, fb->payload_type);
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_str(&o, fb->type);
    if (fb->subtype.len) {
        sdpxi_out_cstr(&o, " ");
        sdpxi_out_str(&o, fb->subtype);
    }
    if (fb->params.len) {
        sdpxi_out_cstr(&o, " ");
        sdpxi_out_str(&o, fb->params);
    }
    return sdpxi_out_done(&o, bad);
}

SDPXI_DEFINE_CHECK_COMMON(rtcp_fb, sdpx_rtcp_fb, rtcp_fb_common, decode_rtcp_fb)

/* ---- direction --------------------------------------------------------- */

static const char *const dir_names[] = {"sendrecv", "sendonly", "recvonly", "inactive"};

int sdpx_direction_parse(sdpx_str name, sdpx_direction *out)
{
    if (!out)
        return SDPX_EINVAL;
    for (unsigned i = 0; i < 4; i++) {
        if (sdpx_str_eq(name, dir_names[i])) {
            *out = (sdpx_direction)i;
            return 0;
        }
    }
    return SDPX_EVALUE;
}

const char *sdpx_direction_name(sdpx_direction d)
{
    return (unsigned)d < 4 ? dir_names[d] : NULL;
}

/* ---- extmap ------------------------------------------------------------ */

/* The shape nearly every extmap has: an id of at most three digits in
 * 1-255, no direction, one space and the URI running to the end. 1 with *r
 * set as decode_extmap sets it; 0 (r untouched) for anything else, which
 * the full decoder reads or refuses. */
SDPXI_HOT int extmap_common(sdpx_str value, sdpx_extmap *r)
{
    if (value.len < sizeof "1 u" - 1)
        return 0;
    const char *p = value.ptr, *end = p + value.len, *q;
    uint64_t id;
    if ((q = sdpxi_digits(p, end, 3, &id)) == p || end - q < 2 || *q != ' ' || id == 0 ||
        id > 255 || q[1] == ' ' || sdpxi_find_space(q + 2, end) != end)
        return 0;
    memset(r, 0, sizeof *r);
    r->id = (unsigned)id;
    r->uri = sdpxi_str(q + 1, (size_t)(end - q - 1));
    r->attributes = sdpxi_str(end, 0);
    return 1;
}

/* RFC 8285 7: extmap = mapentry SP extensionname [SP extensionattributes];
 * mapentry = "extmap:" 1*5DIGIT ["/" direction] */
SDPXI_HOT int decode_extmap(sdpx_str value, sdpx_extmap *out, sdpxi_bad *bad)
{
    sdpx_str rest = value, f;
    sdpx_extmap r;
    if (extmap_common(value, out))
        return 0;
    memset(&r, 0, sizeof r);
    int rc = sdpxi_need_field(value, &rest, &f, "extmap id", bad);
    if (rc)
        return rc;
    int found;
    sdpx_str idt = sdpxi_cut(&f, '/', &found);
    uint64_t v;
    if (sdpxi_uint(idt, 99999, &v))
        return BAD(idt, "extmap id", "is not a number");
    /* RFC 8285 5, 7: ids 1-14 (one-byte), 1-255 (two-byte), 4096-4351 (offer placeholders) */
    if (v == 0 || (v > 255 && v < 4096) || v > 4351)
        return BAD(idt, "extmap id", "is not in 1-255 (or 4096-4351)");
    r.id = (unsigned)v;
    if (found) {
        if (sdpx_direction_parse(f, &r.direction))
            return BAD(f, "extmap direction", "is not sendrecv, sendonly, recvonly or inactive");
        r.has_direction = 1;
    }
    /* a URI is long: sdpx_field_next splits it a word at a time */
    if (!sdpx_field_next(&rest, &r.uri))
        return BAD(sdpxi_str(value.ptr + value.len, 0), "extension URI", "is missing");
    r.attributes = sdpxi_trim(rest);
    *out = r;
    return 0;
}

int sdpx_extmap_parse(sdpx_str value, sdpx_extmap *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_extmap(value, out, NULL);
}

int sdpx_extmap_write(const sdpx_extmap *e, char *buf, size_t cap)
{
    if (!e)
        return SDPX_EINVAL;
    sdpxi_out o = SDPXI_OUT(buf, cap);
    int bad = 0;
    if (e->id == 0 || (e->id > 255 && e->id < 4096) || e->id > 4351 || !e->uri.len ||
        (e->has_direction && !sdpx_direction_name(e->direction)) ||
        memchr(e->uri.ptr, ' ', e->uri.len) || !sdpxi_line_safe(e->uri) ||
        !sdpxi_line_safe(e->attributes))
        bad = 1;
    sdpxi_out_u64(&o, e->id);
    if (e->has_direction && sdpx_direction_name(e->direction)) {
        sdpxi_out_cstr(&o, "/");
        sdpxi_out_cstr(&o, sdpx_direction_name(e->direction));
    }
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_str(&o, e->uri);
    if (e->attributes.len) {
        sdpxi_out_cstr(&o, " ");
        sdpxi_out_str(&o, e->attributes);
    }
    return sdpxi_out_done(&o, bad);
}

SDPXI_DEFINE_CHECK_COMMON(extmap, sdpx_extmap, extmap_common, decode_extmap)

/* ---- rtcp -------------------------------------------------------------- */

/* RFC 3605 2.1: rtcp-attribute = "a=rtcp:" port [nettype space addrtype space connection-address] */
static int decode_rtcp(sdpx_str value, sdpx_rtcp *out, sdpxi_bad *bad)
{
    sdpx_str rest = value, f;
    sdpx_rtcp r;
    memset(&r, 0, sizeof r);
    int rc = sdpxi_need_field(value, &rest, &f, "port", bad);
    if (rc)
        return rc;
    uint64_t v;
    if (sdpxi_uint(f, 65535, &v))
        return BAD(f, "port", "is not a number in 0-65535");
    r.port = (uint16_t)v;
    if (sdpxi_field(&rest, &r.nettype)) {
        if (!sdpxi_field(&rest, &r.addrtype))
            return BAD(sdpxi_str(value.ptr + value.len, 0), "address type", "is missing");
        if (!sdpxi_field(&rest, &r.address))
            return BAD(sdpxi_str(value.ptr + value.len, 0), "connection address", "is missing");
        if (sdpxi_field(&rest, &f))
            return BAD(f, "text", "follows the connection address");
        r.has_address = 1;
    }
    *out = r;
    return 0;
}

int sdpx_rtcp_parse(sdpx_str value, sdpx_rtcp *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_rtcp(value, out, NULL);
}

int sdpx_rtcp_write(const sdpx_rtcp *r, char *buf, size_t cap)
{
    if (!r)
        return SDPX_EINVAL;
    sdpxi_out o = SDPXI_OUT(buf, cap);
    int bad = 0;
    sdpxi_out_u64(&o, r->port);
    if (r->has_address) {
        if (!sdpxi_is_token(r->nettype) || !sdpxi_is_token(r->addrtype) || !r->address.len ||
            memchr(r->address.ptr, ' ', r->address.len) || !sdpxi_line_safe(r->address))
            bad = 1;
        sdpxi_out_cstr(&o, " ");
        sdpxi_out_str(&o, r->nettype);
        sdpxi_out_cstr(&o, " ");
        sdpxi_out_str(&o, r->addrtype);
        sdpxi_out_cstr(&o, " ");
        sdpxi_out_str(&o, r->address);
    }
    return sdpxi_out_done(&o, bad);
}

/* Strict: RFC 3605 2.1 takes the c= line's connection-address rules
 * (RFC 8866 5.7): with IN, IP4 is a dotted quad or an FQDN, IP6 an IPv6
 * address or an FQDN. */
int sdpxi_check_rtcp(sdpx_str v, size_t *off, char *msg, size_t cap)
{
    sdpx_rtcp r;
    sdpxi_bad b;
    sdpxi_bad *bad = &b;
    sdpx_str value = v;
    if (decode_rtcp(v, &r, &b))
        return sdpxi_bad_report(&b, v, off, msg, cap);
    if (r.has_address && SDPXI_IS_LIT(r.nettype, "IN")) {
        int fam = sdpx_address_family(r.address);
        int ip4 = SDPXI_IS_LIT(r.addrtype, "IP4"), ip6 = SDPXI_IS_LIT(r.addrtype, "IP6");
        if (fam < 0 || fam == SDPX_ADDR_MDNS) {
            BAD(r.address, "connection address", "is not an IPv4, IPv6 or FQDN address");
            return sdpxi_bad_report(&b, v, off, msg, cap);
        }
        if ((ip4 && fam == SDPX_ADDR_IP6) || (ip6 && fam == SDPX_ADDR_IP4)) {
            BAD(r.address, "connection address", ip4 ? "is not an IP4 address" : "is not an IP6 address");
            return sdpxi_bad_report(&b, v, off, msg, cap);
        }
    }
    return 0;
}

/* ---- ptime, maxptime, framerate, quality ------------------------------- */

/* RFC 8866 9: non-zero-int-or-real = non-zero-int / non-zero-real, where a
 * real is digits "." digits; the value must not be zero. */
static int decode_decimal(sdpx_str value, sdpx_decimal *out, sdpxi_bad *bad)
{
    sdpx_str tok = sdpxi_trim(value);
    sdpx_decimal d = {0, 1, 0};
    int point = 0, digits = 0;
    for (size_t i = 0; i < tok.len; i++) {
        unsigned char c = (unsigned char)tok.ptr[i];
        if (c == '.' && !point && digits) {
            point = 1;
            continue;
        }
        if (!sdpxi_is_digit(c))
            return BAD(tok, "number", "is not a decimal such as 20 or 29.97");
        if (d.num > (UINT64_MAX - 9) / 10 || (point && d.den > UINT64_MAX / 10))
            return BAD(tok, "number", "has too many digits");
        d.num = d.num * 10 + (c - '0');
        digits++;
        if (point) {
            d.den *= 10;
            d.decimals++;
        }
    }
    if (!digits || (point && d.decimals == 0))
        return BAD(tok, "number", "is not a decimal such as 20 or 29.97");
    if (d.num == 0)
        return BAD(tok, "number", "is zero");
    *out = d;
    return 0;
}

int sdpx_decimal_parse(sdpx_str value, sdpx_decimal *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_decimal(value, out, NULL);
}

int sdpx_decimal_write(const sdpx_decimal *d, char *buf, size_t cap)
{
    if (!d)
        return SDPX_EINVAL;
    sdpxi_out o = SDPXI_OUT(buf, cap);
    int bad = 0;
    uint64_t den = 1;
    for (unsigned i = 0; i < d->decimals && den <= UINT64_MAX / 10; i++)
        den *= 10;
    if (d->den != den || d->num == 0)
        bad = 1;
    char t[24];
    int n = snprintf(t, sizeof t, "%llu", (unsigned long long)d->num);
    size_t nd = (size_t)n, dec = d->decimals;
    if (dec >= nd) {
        /* "0.125": pad the whole part and leading fraction zeros */
        sdpxi_out_cstr(&o, "0.");
        for (size_t i = nd; i < dec; i++)
            sdpxi_out_cstr(&o, "0");
        sdpxi_out_mem(&o, t, nd);
    } else {
        sdpxi_out_mem(&o, t, nd - dec);
        if (dec) {
            sdpxi_out_cstr(&o, ".");
            sdpxi_out_mem(&o, t + nd - dec, dec);
        }
    }
    return sdpxi_out_done(&o, bad);
}

SDPXI_DEFINE_CHECK(decimal, sdpx_decimal, decode_decimal)

/* RFC 8866 6.14: a=quality:<quality>, an integer 0-10 */
static int decode_quality(sdpx_str value, unsigned *out, sdpxi_bad *bad)
{
    uint64_t v;
    sdpx_str tok = sdpxi_trim(value);
    if (sdpxi_uint(tok, 10, &v))
        return BAD(tok, "quality", "is not an integer in 0-10");
    *out = (unsigned)v;
    return 0;
}

int sdpx_quality_parse(sdpx_str value, unsigned *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_quality(value, out, NULL);
}

SDPXI_DEFINE_CHECK(quality, unsigned, decode_quality)
