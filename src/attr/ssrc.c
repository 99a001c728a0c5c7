/* Stream attributes: ssrc, ssrc-group (RFC 5576), msid (RFC 8830),
 * msid-semantic, and the CNAME of a media section. */
#include "attr.h"

#define BAD(tok, what, why) sdpxi_bad_set(bad, value, (tok), SDPX_EVALUE, (what), (why))

/* RFC 5576 4.1: ssrc-id = integer ; 0 .. 2**32 - 1 */
#define SSRC_MAX UINT32_MAX
#define SSRC_WHY "is not a number in 0-4294967295"

/* ---- ssrc -------------------------------------------------------------- */

/* The shape nearly every ssrc has, in one walk: an id of at most ten
 * digits, one space, the attribute token, then the value's end or ':' and
 * the value, which ends in no space or tab. 1 with *r set as decode_ssrc
 * sets it; 0 (r untouched) for anything else, which the full decoder
 * reads or refuses. */
SDPXI_HOT int ssrc_common(sdpx_str value, sdpx_ssrc *r)
{
    if (value.len < sizeof "0 a" - 1 || value.ptr[value.len - 1] == ' ' ||
        value.ptr[value.len - 1] == '\t')
        return 0;
    const char *p = value.ptr, *end = p + value.len, *q;
    uint64_t id;
    if ((q = sdpxi_digits(p, end, 10, &id)) == p || q == end || *q != ' ' || id > SSRC_MAX)
        return 0;
    p = q + 1;
    size_t n = sdpxi_span_class(sdpxi_str(p, (size_t)(end - p)), SDPXI_CC_TOKEN);
    if (n == 0 || (p + n < end && p[n] != ':'))
        return 0;
    memset(r, 0, sizeof *r);
    r->id = (uint32_t)id;
    r->attribute = sdpxi_str(p, n);
    r->has_value = p + n < end;
    p += n + (size_t)r->has_value;
    r->value = sdpxi_str(p, (size_t)(end - p));
    return 1;
}

/* RFC 5576 4.1: a=ssrc:<ssrc-id> <attribute>:<value> / <ssrc-id> <attribute> */
SDPXI_HOT int decode_ssrc(sdpx_str value, sdpx_ssrc *out, sdpxi_bad *bad)
{
    sdpx_str rest = value, f;
    sdpx_ssrc r;
    if (ssrc_common(value, out))
        return 0;
    memset(&r, 0, sizeof r);
    uint64_t v = 0;
    int rc;
    if (!sdpxi_field_uint(&rest, &f, SSRC_MAX, &v, &rc))
        return BAD(sdpxi_str(value.ptr + value.len, 0), "SSRC", "is missing");
    if (rc)
        return BAD(f, "SSRC", SSRC_WHY);
    r.id = (uint32_t)v;
    sdpx_str attr = sdpxi_trim(rest);
    if (!attr.len)
        return BAD(attr, "source attribute", "is missing");
    int token;
    r.attribute = sdpxi_cut_token(&attr, ':', &r.has_value, &token);
    /* RFC 5576 4.1: the attribute name is an RFC 8866 att-field (token) */
    if (!token)
        return BAD(r.attribute, "source attribute", "is not a token");
    r.value = attr;
    *out = r;
    return 0;
}

int sdpx_ssrc_parse(sdpx_str value, sdpx_ssrc *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_ssrc(value, out, NULL);
}

int sdpx_ssrc_write(const sdpx_ssrc *s, char *buf, size_t cap)
{
    if (!s)
        return SDPX_EINVAL;
    sdpxi_out o = SDPXI_OUT(buf, cap);
    int bad = !sdpxi_is_token(s->attribute) || !sdpxi_line_safe(s->value);
    sdpxi_out_u64(&o, s->id);
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_str(&o, s->attribute);
    if (s->has_value) {
        sdpxi_out_cstr(&o, ":");
        sdpxi_out_str(&o, s->value);
    }
    return sdpxi_out_done(&o, bad);
}

SDPXI_DEFINE_CHECK_COMMON(ssrc, sdpx_ssrc, ssrc_common, decode_ssrc)

/* ---- ssrc-group -------------------------------------------------------- */

/* RFC 5576 4.2: a=ssrc-group:<semantics> <ssrc-id> ... */
SDPXI_HOT int decode_ssrc_group(sdpx_str value, sdpx_ssrc_group *out, sdpxi_bad *bad)
{
    sdpx_str rest = value, f;
    sdpx_ssrc_group g;
    int rc = sdpxi_need_field(value, &rest, &g.semantics, "ssrc-group semantics", bad);
    if (rc)
        return rc;
    if (!sdpxi_is_token(g.semantics))
        return BAD(g.semantics, "ssrc-group semantics", "is not a token");
    g.ssrcs = sdpxi_trim(rest);
    uint64_t id;
    while (sdpxi_field_uint(&rest, &f, SSRC_MAX, &id, &rc))
        if (rc)
            return BAD(f, "SSRC", SSRC_WHY);
    *out = g;
    return 0;
}

int sdpx_ssrc_group_parse(sdpx_str value, sdpx_ssrc_group *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_ssrc_group(value, out, NULL);
}

int sdpx_ssrc_group_write(const sdpx_ssrc_group *g, char *buf, size_t cap)
{
    if (!g)
        return SDPX_EINVAL;
    sdpxi_out o = SDPXI_OUT(buf, cap);
    int bad = !sdpxi_is_token(g->semantics) || !sdpxi_line_safe(g->ssrcs);
    sdpxi_out_str(&o, g->semantics);
    if (g->ssrcs.len) {
        sdpxi_out_cstr(&o, " ");
        sdpxi_out_str(&o, g->ssrcs);
    }
    return sdpxi_out_done(&o, bad);
}

int sdpx_ssrc_next(sdpx_str *rest, uint32_t *ssrc)
{
    if (!rest || !ssrc)
        return 0;
    sdpx_str f;
    if (!sdpx_field_next(rest, &f))
        return 0;
    uint64_t v;
    if (sdpxi_parse_uint(f, UINT32_MAX, &v))
        return SDPX_EVALUE;
    *ssrc = (uint32_t)v;
    return 1;
}

SDPXI_DEFINE_CHECK(ssrc_group, sdpx_ssrc_group, decode_ssrc_group)

/* ---- msid -------------------------------------------------------------- */

/* RFC 8830 2: msid-id = 1*64token-char; msid-appdata = 1*64token-char */
static int msid_token(sdpx_str value, sdpx_str tok, const char *what, sdpxi_bad *bad)
{
    if (!sdpxi_is_token(tok))
        return BAD(tok, what, "is not a token");
    if (tok.len > 64)
        return BAD(tok, what, "is longer than 64 characters");
    return 0;
}

/* RFC 8830 2: msid-value = msid-id [ SP msid-appdata ] */
SDPXI_HOT int decode_msid(sdpx_str value, sdpx_msid *out, sdpxi_bad *bad)
{
    sdpx_str rest = value, f;
    sdpx_msid m;
    memset(&m, 0, sizeof m);
    /* the value starts with the stream id; a trailing space is tolerated
     * (Firefox writes "a=msid:{id} " without a track id) */
    if (value.len && value.ptr[0] == ' ')
        return BAD(sdpxi_str(value.ptr, 0), "msid stream id", "is empty");
    int rc = sdpxi_need_field(value, &rest, &m.stream_id, "msid stream id", bad);
    if (rc || (rc = msid_token(value, m.stream_id, "msid stream id", bad)))
        return rc;
    if (sdpxi_field(&rest, &m.track_id)) {
        if ((rc = msid_token(value, m.track_id, "msid track id", bad)))
            return rc;
        m.has_track_id = 1;
        if (sdpxi_field(&rest, &f))
            return BAD(f, "text", "follows the msid track id");
    }
    *out = m;
    return 0;
}

int sdpx_msid_parse(sdpx_str value, sdpx_msid *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_msid(value, out, NULL);
}

int sdpx_msid_write(const sdpx_msid *m, char *buf, size_t cap)
{
    if (!m)
        return SDPX_EINVAL;
    sdpxi_out o = SDPXI_OUT(buf, cap);
    int bad = !sdpxi_is_token(m->stream_id) || (m->has_track_id && !sdpxi_is_token(m->track_id));
    sdpxi_out_str(&o, m->stream_id);
    if (m->has_track_id) {
        sdpxi_out_cstr(&o, " ");
        sdpxi_out_str(&o, m->track_id);
    }
    return sdpxi_out_done(&o, bad);
}

SDPXI_DEFINE_CHECK(msid, sdpx_msid, decode_msid)

/* ---- msid-semantic ----------------------------------------------------- */

/* draft-ietf-mmusic-msid-05 3: msid-semantic-value = msid-semantic msid-list;
 * msid-list = *(" " msid-id) / " *". Browsers write a space after the colon. */
SDPXI_HOT int decode_msid_semantic(sdpx_str value, sdpx_msid_semantic *out, sdpxi_bad *bad)
{
    sdpx_str rest = value, f;
    sdpx_msid_semantic m;
    memset(&m, 0, sizeof m);
    int rc = sdpxi_need_field(value, &rest, &m.semantic, "msid semantic", bad);
    if (rc)
        return rc;
    if (!sdpxi_is_token(m.semantic))
        return BAD(m.semantic, "msid semantic", "is not a token");
    m.ids = sdpxi_trim(rest);
    m.wildcard = sdpx_str_eq(m.ids, "*");
    while (!m.wildcard && sdpxi_field(&rest, &f))
        if ((rc = msid_token(value, f, "msid id", bad)))
            return rc;
    *out = m;
    return 0;
}

int sdpx_msid_semantic_parse(sdpx_str value, sdpx_msid_semantic *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_msid_semantic(value, out, NULL);
}

int sdpx_msid_semantic_write(const sdpx_msid_semantic *m, char *buf, size_t cap)
{
    if (!m)
        return SDPX_EINVAL;
    sdpxi_out o = SDPXI_OUT(buf, cap);
    int bad = !sdpxi_is_token(m->semantic) || !sdpxi_line_safe(m->ids);
    sdpxi_out_str(&o, m->semantic);
    if (m->wildcard && !m->ids.len) {
        sdpxi_out_cstr(&o, " *");
    } else if (m->ids.len) {
        sdpxi_out_cstr(&o, " ");
        sdpxi_out_str(&o, m->ids);
    }
    return sdpxi_out_done(&o, bad);
}

SDPXI_DEFINE_CHECK(msid_semantic, sdpx_msid_semantic, decode_msid_semantic)
