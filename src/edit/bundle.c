/* BUNDLE edits: add and remove a mid in a group (RFC 8843). */
#include "edit.h"

/* ---- BUNDLE ------------------------------------------------------------------ */

int sdpx_session_group_remove_mid(sdpx_session *s, const char *mid)
{
    if (!s || !mid)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    sdpx_str id = sdpxi_cstr(mid);
    if (!mid || !sdpxi_is_token(id))
        return SDPX_EINVAL;
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    return sdpxi_tx_end(&tx, sdpxi_tx_group_remove_mid(&tx, id));
}

/* RFC 5888 5: a=group:<semantics> *(SP <identification-tag>); the mid must
 * name a media section (RFC 8843 7.2). A missing group is created. */
int sdpx_session_group_add_mid(sdpx_session *s, const char *semantics, const char *mid)
{
    if (!s || !semantics || !mid)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    sdpx_str sem = sdpxi_cstr(semantics), id = sdpxi_cstr(mid);
    if (!sdpxi_arg_token(s, "semantics", sem) || !sdpxi_arg_token(s, "mid", id))
        return SDPX_EINVAL;
    if (!sdpx_session_media_by_mid(s, id))
        return sdpxi_refuse(s, SDPX_ENOTFOUND, 0, "mid: no media section has a=mid:%.*s",
                            (int)(id.len > 64 ? 64 : id.len), id.ptr);
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    const sdpxi_section *r = sdpxi_tx_read(&tx, NULL);
    size_t at = SIZE_MAX;
    sdpx_str head = sem; /* what goes before the new id */
    for (size_t i = 0; i < r->n && at == SIZE_MAX; i++) {
        sdpx_group g;
        const sdpx_line *l = &r->lines[i];
        if (l->type != 'a' || l->kind != SDPX_ATTR_GROUP || sdpx_group_parse(sdpx_attr_value(l), &g) ||
            !sdpx_str_eq(g.semantics, semantics))
            continue;
        if (sdpx_group_has(&g, id))
            return 0;
        head = sdpx_attr_value(l);
        head = sdpxi_drop_spaces(head);
        at = i;
    }
    sdpx_str parts[4] = {sdpxi_str("group:", 6), head, sdpxi_str(" ", 1), id};
    sdpx_line nl;
    int rc = sdpxi_tx_line(&tx, 'a', parts, 4, &nl);
    if (rc)
        return rc;
    sdpxi_section *w = sdpxi_tx_write(&tx, NULL);
    if (!w)
        return sdpxi_tx_nomem(&tx);
    if (at != SIZE_MAX) {
        sdpxi_sec_set(w, at, &nl);
        return sdpxi_tx_end(&tx, 0);
    }
    /* a new group comes first among the session attributes, as browsers write them */
    size_t pos = sdpxi_insert_pos(w, 0, 't');
    while (pos < w->n && w->lines[pos].type != 'a')
        pos++;
    return sdpxi_tx_end(&tx, sdpxi_tx_insert(&tx, w, pos, &nl));
}
