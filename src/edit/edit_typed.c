/* Typed attribute edits: a decoder struct is encoded by its family's
 * encoder (src/attr/) and then goes through the same checks as a raw value
 * (no CR/LF/NUL, the kind's grammar), so a struct whose views hold line
 * breaks is refused like a string would be. */
#include "edit.h"

/* Encode value (the struct of `kind`'s decoder) snprintf style; returns the
 * length, or SDPX_EINVAL for a kind without an encoder or a bad struct. */
static int encode(sdpx_attr_kind kind, const void *v, char *buf, size_t cap)
{
    switch (kind) {
    case SDPX_ATTR_CANDIDATE: return sdpx_candidate_write(v, buf, cap);
    case SDPX_ATTR_FINGERPRINT: return sdpx_fingerprint_write(v, buf, cap);
    case SDPX_ATTR_CRYPTO: return sdpx_crypto_write(v, buf, cap);
    case SDPX_ATTR_SCTPMAP: return sdpx_sctpmap_write(v, buf, cap);
    case SDPX_ATTR_GROUP: return sdpx_group_write(v, buf, cap);
    case SDPX_ATTR_RTPMAP: return sdpx_rtpmap_write(v, buf, cap);
    case SDPX_ATTR_FMTP: return sdpx_fmtp_write(v, buf, cap);
    case SDPX_ATTR_RTCP_FB: return sdpx_rtcp_fb_write(v, buf, cap);
    case SDPX_ATTR_EXTMAP: return sdpx_extmap_write(v, buf, cap);
    case SDPX_ATTR_RTCP: return sdpx_rtcp_write(v, buf, cap);
    case SDPX_ATTR_SSRC: return sdpx_ssrc_write(v, buf, cap);
    case SDPX_ATTR_SSRC_GROUP: return sdpx_ssrc_group_write(v, buf, cap);
    case SDPX_ATTR_MSID: return sdpx_msid_write(v, buf, cap);
    case SDPX_ATTR_MSID_SEMANTIC: return sdpx_msid_semantic_write(v, buf, cap);
    case SDPX_ATTR_RID: return sdpx_rid_write(v, buf, cap);
    case SDPX_ATTR_SIMULCAST: return sdpx_simulcast_write(v, buf, cap);
    case SDPX_ATTR_IMAGEATTR: return sdpx_imageattr_write(v, buf, cap);
    default: return SDPX_EINVAL;
    }
}

/* The encoded value as a NUL-terminated string: in `local` when it fits,
 * else in the arena. */
static int encoded(sdpx_session *s, sdpx_attr_kind kind, const void *value, char *local,
                   size_t cap, char **out)
{
    if (!value)
        return SDPX_EINVAL;
    int n = encode(kind, value, local, cap);
    if (n < 0)
        return SDPX_EINVAL;
    if ((size_t)n < cap) {
        *out = local;
        return 0;
    }
    char *big = sdpxi_arena_alloc(&s->arena, (size_t)n + 1);
    if (!big)
        return s->arena.no_heap ? SDPX_ESCRATCH : SDPX_ENOMEM;
    if (encode(kind, value, big, (size_t)n + 1) != n)
        return SDPX_EINVAL;
    *out = big;
    return 0;
}

int sdpx_media_attr_add_typed(sdpx_media *m, sdpx_attr_kind kind, const void *value)
{
    if (!m || !value)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    char local[512], *text;
    int rc = encoded(m->session, kind, value, local, sizeof local, &text);
    return rc ? rc : sdpx_media_attr_add(m, sdpx_attr_kind_name(kind), text);
}

int sdpx_session_attr_add_typed(sdpx_session *s, sdpx_attr_kind kind, const void *value)
{
    if (!s || !value)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    char local[512], *text;
    int rc = encoded(s, kind, value, local, sizeof local, &text);
    return rc ? rc : sdpx_session_attr_add(s, sdpx_attr_kind_name(kind), text);
}

int sdpx_attr_replace_typed(sdpx_session *s, const sdpx_line *line, sdpx_attr_kind kind,
                            const void *value)
{
    if (!s || !line || !value)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    char local[512], *text;
    int rc = encoded(s, kind, value, local, sizeof local, &text);
    return rc ? rc : sdpx_attr_replace(s, line, sdpx_attr_kind_name(kind), text);
}

int sdpx_attr_insert_typed(sdpx_session *s, const sdpx_line *ref, int after, sdpx_attr_kind kind,
                           const void *value)
{
    if (!s || !ref || !value)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    char local[512], *text;
    int rc = encoded(s, kind, value, local, sizeof local, &text);
    return rc ? rc : sdpx_attr_insert(s, ref, after, sdpx_attr_kind_name(kind), text);
}
