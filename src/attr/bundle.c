/* Grouping and media identity: a=group (RFC 5888), a=mid (RFC 5888, 8843),
 * a=bundle-only (RFC 8843, a property: the registry checks it). */
#include "attr.h"

/* RFC 5888 5: group-attribute = "a=group:" semantics *(SP identification-tag) */
SDPXI_HOT int decode_group(sdpx_str v, sdpx_group *out, sdpxi_bad *bad)
{
    sdpx_str rest = v, f;
    int rc;
    if ((rc = sdpxi_need_field(v, &rest, &f, "group semantics", bad)))
        return rc;
    if (!sdpxi_is_token(f))
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "group semantics", "is not a token");
    out->semantics = f;
    rest = sdpxi_skip_spaces(rest);
    out->ids = rest;
    /* RFC 5888 4: identification-tag = token */
    while (sdpxi_field(&rest, &f))
        if (!sdpxi_is_token(f))
            return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "identification tag", "is not a token");
    return 0;
}

SDPXI_DEFINE_CHECK(group, sdpx_group, decode_group)

int sdpx_group_parse(sdpx_str value, sdpx_group *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_group(value, out, NULL);
}

int sdpx_group_id_next(sdpx_str *rest, sdpx_str *id)
{
    if (!rest || !id)
        return SDPX_EINVAL;
    return sdpx_field_next(rest, id);
}

int sdpx_group_has(const sdpx_group *g, sdpx_str mid)
{
    if (!g)
        return 0;
    sdpx_str rest = g->ids, id;
    while (sdpx_field_next(&rest, &id))
        if (sdpxi_str_same(id, mid))
            return 1;
    return 0;
}

int sdpx_group_write(const sdpx_group *g, char *buf, size_t cap)
{
    if (!g)
        return SDPX_EINVAL;
    sdpxi_out o = SDPXI_OUT(buf, cap);
    sdpxi_out_str(&o, g->semantics);
    if (g->ids.len) {
        sdpxi_out_cstr(&o, " ");
        sdpxi_out_str(&o, g->ids);
    }
    return sdpxi_out_done(&o, !sdpxi_line_safe(g->semantics) || !sdpxi_line_safe(g->ids));
}

/* RFC 5888 4: mid-attribute = "a=mid:" identification-tag (a token) */
SDPXI_HOT int decode_mid(sdpx_str v, sdpx_str *out, sdpxi_bad *bad)
{
    size_t i = sdpxi_span_class(v, SDPXI_CC_TOKEN);
    if (i < v.len)
        return sdpxi_bad_set(bad, v, sdpxi_str(v.ptr + i, 1), SDPX_EVALUE, "mid character",
                             "is not a token character");
    if (v.len == 0)
        return sdpxi_bad_set(bad, v, v, SDPX_EVALUE, "mid", "is empty");
    *out = v;
    return 0;
}

SDPXI_DEFINE_CHECK(mid, sdpx_str, decode_mid)

int sdpx_mid_parse(sdpx_str value, sdpx_str *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_mid(value, out, NULL);
}
