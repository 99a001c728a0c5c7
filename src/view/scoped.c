/* Scoped accessors: a media section's value of an attribute, else the
 * session's, for the attributes whose RFCs define that fallback. */
#include "view.h"

/* ---- ICE (RFC 8839 5.4) ---------------------------------------------- */

const sdpx_line *sdpxi_scoped_attr(const sdpx_media *m, sdpx_attr_kind kind)
{
    const sdpx_line *l = sdpx_media_find_attr(m, kind, NULL);
    return l ? l : sdpx_session_find_attr(sdpx_media_session(m), kind, NULL);
}

static int scoped_value(const sdpx_media *m, sdpx_attr_kind kind, sdpx_str *out)
{
    const sdpx_line *l = sdpxi_scoped_attr(m, kind);
    if (!l)
        return SDPX_ENOTFOUND;
    *out = sdpx_attr_value(l);
    return 0;
}

/* RFC 8839 5.4: ice-ufrag/ice-pwd at media level override the session's. */
int sdpx_media_ice_ufrag(const sdpx_media *m, sdpx_str *out)
{
    if (!m || !out)
        return SDPX_EINVAL;
    return scoped_value(m, SDPX_ATTR_ICE_UFRAG, out);
}

int sdpx_media_ice_pwd(const sdpx_media *m, sdpx_str *out)
{
    if (!m || !out)
        return SDPX_EINVAL;
    return scoped_value(m, SDPX_ATTR_ICE_PWD, out);
}

int sdpx_media_ice_options(const sdpx_media *m, sdpx_str *out)
{
    if (!m || !out)
        return SDPX_EINVAL;
    return scoped_value(m, SDPX_ATTR_ICE_OPTIONS, out);
}

int sdpx_session_ice_lite(const sdpx_session *s)
{
    if (!s)
        return 0;
    return sdpx_session_find_attr(s, SDPX_ATTR_ICE_LITE, NULL) != NULL;
}

/* ---- DTLS (RFC 8842 5.1) --------------------------------------------- */

/* RFC 8122 5: fingerprints at media level replace the session-level ones. */
int sdpx_media_fingerprint(const sdpx_media *m, size_t i, sdpx_fingerprint *out)
{
    if (!m || !out)
        return SDPX_EINVAL;
    const sdpx_line *l = sdpx_media_find_attr(m, SDPX_ATTR_FINGERPRINT, NULL);
    int media = l != NULL;
    if (!l)
        l = sdpx_session_find_attr(sdpx_media_session(m), SDPX_ATTR_FINGERPRINT, NULL);
    for (; l && i; i--)
        l = media ? sdpx_media_find_attr(m, SDPX_ATTR_FINGERPRINT, l)
                  : sdpx_session_find_attr(sdpx_media_session(m), SDPX_ATTR_FINGERPRINT, l);
    if (!l)
        return SDPX_ENOTFOUND;
    return sdpx_fingerprint_parse(sdpx_attr_value(l), out);
}

/* RFC 8842 5.1: a=setup at media level overrides the session's. */
int sdpx_media_setup(const sdpx_media *m, sdpx_setup *out)
{
    if (!m || !out)
        return SDPX_EINVAL;
    const sdpx_line *l = sdpxi_scoped_attr(m, SDPX_ATTR_SETUP);
    if (!l)
        return SDPX_ENOTFOUND;
    return sdpx_setup_parse(sdpx_attr_value(l), out);
}

/* ---- direction (RFC 8866 6.7) and extmap (RFC 8285 7) --------------- */

/* The first direction attribute among `n` lines, or -1. */
static int find_direction(const sdpx_line *lines, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (sdpx_line_kind(&lines[i])) {
        case SDPX_ATTR_SENDRECV: return SDPX_DIR_SENDRECV;
        case SDPX_ATTR_SENDONLY: return SDPX_DIR_SENDONLY;
        case SDPX_ATTR_RECVONLY: return SDPX_DIR_RECVONLY;
        case SDPX_ATTR_INACTIVE: return SDPX_DIR_INACTIVE;
        default: break;
        }
    }
    return -1;
}

sdpx_direction sdpx_session_direction(const sdpx_session *s)
{
    if (!s)
        return SDPX_DIR_SENDRECV; /* as for no direction attribute */
    int d = find_direction(s->sec.lines, s->sec.n);
    /* RFC 8866 6.7: sendrecv when no direction attribute is present */
    return d < 0 ? SDPX_DIR_SENDRECV : (sdpx_direction)d;
}

sdpx_direction sdpx_media_direction(const sdpx_media *m)
{
    if (!m)
        return SDPX_DIR_SENDRECV; /* as for no direction attribute */
    int d = find_direction(m->sec.lines, m->sec.n);
    /* RFC 8866 6.7: a media-level direction overrides the session-level one */
    return d < 0 ? sdpx_session_direction(m->session) : (sdpx_direction)d;
}

const sdpx_line *sdpx_media_extmap_next(const sdpx_media *m, const sdpx_line *after)
{
    if (!m)
        return NULL;
    const sdpx_line *first = sdpx_media_find_attr(m, SDPX_ATTR_EXTMAP, NULL);
    /* RFC 8285 7: session-level extmaps apply to sections that have none of their own */
    if (first)
        return after ? sdpx_media_find_attr(m, SDPX_ATTR_EXTMAP, after) : first;
    return sdpx_session_find_attr(m->session, SDPX_ATTR_EXTMAP, after);
}

/* ---- BUNDLE and mid (RFC 8843) --------------------------------------- */

int sdpx_media_mid(const sdpx_media *m, sdpx_str *out)
{
    if (!m || !out)
        return SDPX_EINVAL;
    const sdpx_line *l = sdpx_media_find_attr(m, SDPX_ATTR_MID, NULL);
    if (!l)
        return SDPX_ENOTFOUND;
    *out = sdpx_attr_value(l);
    return 0;
}

const sdpx_media *sdpx_session_media_by_mid(const sdpx_session *s, sdpx_str mid)
{
    if (!s)
        return NULL;
    for (size_t i = 0; i < sdpx_session_media_count(s); i++) {
        const sdpx_media *m = sdpx_session_media(s, i);
        sdpx_str v;
        if (sdpx_media_mid(m, &v) == 0 && sdpxi_str_same(v, mid))
            return m;
    }
    return NULL;
}

sdpx_media *sdpx_session_media_by_mid_mut(sdpx_session *s, sdpx_str mid)
{
    if (!s)
        return NULL;
    const sdpx_media *m = sdpx_session_media_by_mid(s, mid);
    return m ? sdpx_session_media_mut(s, sdpx_media_index(m)) : NULL;
}

int sdpx_session_group_of(const sdpx_session *s, const char *semantics, sdpx_str mid,
                          sdpx_group *out)
{
    if (!s || !out)
        return SDPX_EINVAL;
    const sdpx_line *l = NULL;
    while ((l = sdpx_session_find_attr(s, SDPX_ATTR_GROUP, l)) != NULL) {
        sdpx_group g;
        if (sdpx_group_parse(sdpx_attr_value(l), &g))
            continue;
        /* semantics compare exactly, as registered with IANA (RFC 5888 9) */
        if (semantics && !sdpx_str_eq(g.semantics, semantics))
            continue;
        if (sdpx_group_has(&g, mid)) {
            *out = g;
            return 0;
        }
    }
    return SDPX_ENOTFOUND;
}

/* ---- streams (RFC 5576) ---------------------------------------------- */

int sdpx_media_cname(const sdpx_media *m, sdpx_str *out)
{
    if (!m || !out)
        return SDPX_EINVAL;
    for (const sdpx_line *l = sdpx_media_find_attr(m, SDPX_ATTR_SSRC, NULL); l;
         l = sdpx_media_find_attr(m, SDPX_ATTR_SSRC, l)) {
        sdpx_ssrc s;
        /* RFC 5576 6.1: cname is the source attribute naming the RTCP CNAME */
        if (sdpx_ssrc_parse(sdpx_attr_value(l), &s) == 0 && s.has_value &&
            sdpx_str_eq(s.attribute, "cname")) {
            *out = s.value;
            return 0;
        }
    }
    return SDPX_ENOTFOUND;
}

/* ---- image attributes (RFC 6236) ---------------------------------------- */

int sdpx_media_imageattr(const sdpx_media *m, unsigned pt, sdpx_imageattr *out)
{
    if (!m || !out)
        return SDPX_EINVAL;
    const sdpx_line *wild = NULL;
    for (const sdpx_line *l = sdpx_media_find_attr(m, SDPX_ATTR_IMAGEATTR, NULL); l;
         l = sdpx_media_find_attr(m, SDPX_ATTR_IMAGEATTR, l)) {
        sdpx_str rest = sdpx_attr_value(l), first;
        if (!sdpx_field_next(&rest, &first))
            continue;
        uint64_t v;
        /* the line for the payload type itself, else the first for "*" */
        if (sdpxi_parse_uint(first, 127, &v) == 0 && v == pt)
            return sdpx_imageattr_parse(sdpx_attr_value(l), out);
        if (!wild && sdpx_str_eq(first, "*"))
            wild = l;
    }
    return wild ? sdpx_imageattr_parse(sdpx_attr_value(wild), out) : SDPX_ENOTFOUND;
}
