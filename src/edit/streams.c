/* Stream edits: remove ssrc/ssrc-group/msid lines, set a=msid (RFC 5576, 8830). */
#include "edit.h"

/* ---- streams ------------------------------------------------------------------ */

/* RFC 5576 / RFC 8830: drop a section's ssrc, ssrc-group and msid lines. */
int sdpx_media_remove_streams(sdpx_media *m)
{
    if (!m)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    static const sdpx_attr_kind kinds[] = {SDPX_ATTR_SSRC, SDPX_ATTR_SSRC_GROUP, SDPX_ATTR_MSID};
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, m->session);
    int total = 0;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        int rc = sdpxi_tx_remove_kind(&tx, m, kinds[i]);
        if (rc < 0)
            return rc;
        total += rc;
    }
    return sdpxi_tx_end(&tx, total);
}

/* RFC 8830 2: a=msid:<stream id> [<track id>], one line replacing the others. */
int sdpx_media_set_msid(sdpx_media *m, const char *stream, const char *track)
{
    if (!m || !stream)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    sdpx_str st = sdpxi_cstr(stream), tr = sdpxi_cstr(track);
    if (!stream || !sdpxi_text_ok(st) || (track && !sdpxi_text_ok(tr)))
        return SDPX_EINVAL;
    char buf[160];
    if (st.len + tr.len + 2 > sizeof buf)
        return SDPX_EINVAL;
    size_t n = st.len;
    memcpy(buf, st.ptr, st.len);
    if (track) {
        buf[n++] = ' ';
        memcpy(buf + n, tr.ptr, tr.len);
        n += tr.len;
    }
    sdpx_msid ms;
    if (sdpx_msid_parse(sdpxi_str(buf, n), &ms))
        return SDPX_EINVAL;
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, m->session);
    int rc = sdpxi_tx_replace_kind(&tx, m, SDPX_ATTR_MSID, "msid", sdpxi_str(buf, n));
    if (rc == 0) {
        sdpxi_section *w = sdpxi_tx_write(&tx, m);
        if (!w)
            return sdpxi_tx_nomem(&tx);
        rc = sdpxi_tx_add_attr(&tx, w, w->n, "msid", sdpxi_str(buf, n), 1);
    }
    return sdpxi_tx_end(&tx, rc < 0 ? rc : 0);
}
