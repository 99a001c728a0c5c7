/* Direction edits: set the direction, hold and resume (RFC 3264 8.4). */
#include "edit.h"

/* ---- direction ------------------------------------------------------------ */

static int is_direction(const sdpx_line *l)
{
    return l->type == 'a' && (l->kind == SDPX_ATTR_SENDRECV || l->kind == SDPX_ATTR_SENDONLY ||
                              l->kind == SDPX_ATTR_RECVONLY || l->kind == SDPX_ATTR_INACTIVE);
}

/* RFC 8866 6.7: one direction attribute per section; the new one takes the
 * place of the first old one (or goes last). */
int sdpx_media_set_direction(sdpx_media *m, sdpx_direction d)
{
    if (!m)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    const char *name = sdpx_direction_name(d);
    if (!name)
        return SDPX_EINVAL;
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, m->session);
    const sdpxi_section *r = sdpxi_tx_read(&tx, m);
    size_t first = SIZE_MAX, count = 0;
    for (size_t i = 1; i < r->n; i++, SDPXI_OPS(1)) {
        if (is_direction(&r->lines[i])) {
            if (first == SIZE_MAX)
                first = i;
            count++;
        }
    }
    if (count == 1 && sdpx_str_eq(sdpx_attr_name(&r->lines[first]), name))
        return 0;
    sdpxi_section *w = sdpxi_tx_write(&tx, m);
    if (!w)
        return sdpxi_tx_nomem(&tx);
    for (size_t i = 1; i < w->n; i++, SDPXI_OPS(1))
        if (is_direction(&w->lines[i]))
            sdpxi_sec_mark(w, i);
    sdpxi_sec_sweep(w);
    int rc = sdpxi_tx_add_attr(&tx, w, first == SIZE_MAX ? w->n : first, name, sdpxi_str("", 0), 0);
    return sdpxi_tx_end(&tx, rc);
}

/* RFC 3264 8.4: hold turns sendrecv into sendonly and recvonly into inactive. */
int sdpx_media_hold(sdpx_media *m)
{
    if (!m)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    sdpx_direction d = sdpx_media_direction(m);
    if (d == SDPX_DIR_SENDRECV)
        return sdpx_media_set_direction(m, SDPX_DIR_SENDONLY);
    if (d == SDPX_DIR_RECVONLY)
        return sdpx_media_set_direction(m, SDPX_DIR_INACTIVE);
    return 0;
}

/* The inverse of hold: sendonly back to sendrecv, inactive back to recvonly. */
int sdpx_media_resume(sdpx_media *m)
{
    if (!m)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    sdpx_direction d = sdpx_media_direction(m);
    if (d == SDPX_DIR_SENDONLY)
        return sdpx_media_set_direction(m, SDPX_DIR_SENDRECV);
    if (d == SDPX_DIR_INACTIVE)
        return sdpx_media_set_direction(m, SDPX_DIR_RECVONLY);
    return 0;
}
