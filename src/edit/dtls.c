/* DTLS edits: a=setup and a=fingerprint. */
#include "edit.h"

/* ---- DTLS ------------------------------------------------------------------ */

/* RFC 4145 4 / RFC 8842 5: a=setup:active|passive|actpass|holdconn */
int sdpx_session_set_setup(sdpx_session *s, sdpx_setup role)
{
    if (!s)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    const char *name = sdpx_setup_name(role);
    if (!name)
        return SDPX_EINVAL;
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    int n = sdpxi_tx_replace_everywhere(&tx, SDPX_ATTR_SETUP, "setup", sdpxi_cstr(name));
    if (n < 0)
        return n;
    return n ? sdpxi_tx_end(&tx, 0) : sdpxi_refuse(s, SDPX_ENOTFOUND, 0, "no a=setup to replace");
}

int sdpx_media_set_setup(sdpx_media *m, sdpx_setup role)
{
    if (!m)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    const char *name = sdpx_setup_name(role);
    if (!name)
        return SDPX_EINVAL;
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, m->session);
    int n = sdpxi_tx_replace_kind(&tx, m, SDPX_ATTR_SETUP, "setup", sdpxi_cstr(name));
    if (n == 0) {
        sdpxi_section *w = sdpxi_tx_write(&tx, m);
        if (!w)
            return sdpxi_tx_nomem(&tx);
        n = sdpxi_tx_add_attr(&tx, w, w->n, "setup", sdpxi_cstr(name), 1);
    }
    return sdpxi_tx_end(&tx, n < 0 ? n : 0);
}

/* RFC 8122 5: a=fingerprint:<hash-func> <fingerprint>; a new certificate
 * replaces every fingerprint line (each section keeps one). */
int sdpx_session_set_fingerprint(sdpx_session *s, const char *value)
{
    if (!s || !value)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    sdpx_fingerprint f;
    sdpx_str v = sdpxi_cstr(value);
    if (!sdpxi_arg_text(s, "value", v, 'a'))
        return SDPX_EINVAL;
    if (sdpx_fingerprint_parse(v, &f))
        return sdpxi_refuse(s, SDPX_EINVAL, 0,
                            "value: not \"HASH HEX\" with the hash's length (RFC 8122 5)");
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    int n = sdpxi_tx_replace_everywhere(&tx, SDPX_ATTR_FINGERPRINT, "fingerprint", v);
    if (n < 0)
        return n;
    return n ? sdpxi_tx_end(&tx, 0) : sdpxi_refuse(s, SDPX_ENOTFOUND, 0, "no a=fingerprint to replace");
}
