/* Attribute edits: add, insert, replace and remove a= lines and lines. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>

#include "edit.h"

/* ---- attributes -------------------------------------------------------- */

/* Check an attribute's name and value: the name a token, the value free of
 * CR/LF/NUL and, for a known kind, accepted by its grammar (strict rules). */
static int attr_ok(sdpx_session *s, sdpx_str name, sdpx_str value, int has_value)
{
    if (!sdpxi_arg_token(s, "attribute name", name) || !sdpxi_arg_text(s, "value", value, 'a'))
        return 0;
    sdpx_attr_kind kind = sdpx_attr_kind_from_name(name);
    char msg[128];
    size_t off = 0;
    if (sdpxi_attr_check(kind, has_value, value, &off, msg, sizeof msg) == 0)
        return 1;
    sdpxi_refuse(s, SDPX_EINVAL, off + 1, "value: byte %zu: %s", off + 1, msg);
    return 0;
}


int sdpxi_tx_add_attr(sdpxi_tx *tx, sdpxi_section *sec, size_t pos, const char *name,
                      sdpx_str value, int has_value)
{
    sdpx_line l;
    int rc = sdpxi_attr_line(tx, name, value, has_value, &l);
    return rc ? rc : sdpxi_tx_insert(tx, sec, pos, &l);
}

int sdpxi_tx_remove_kind(sdpxi_tx *tx, sdpx_media *m, sdpx_attr_kind kind)
{
    const sdpxi_section *r = sdpxi_tx_read(tx, m);
    int found = 0;
    for (size_t i = 0; i < r->n; i++, SDPXI_OPS(1))
        found += r->lines[i].type == 'a' && r->lines[i].kind == kind;
    if (!found)
        return 0;
    sdpxi_section *w = sdpxi_tx_write(tx, m);
    if (!w)
        return sdpxi_tx_nomem(tx);
    for (size_t i = 0; i < w->n; i++, SDPXI_OPS(1))
        if (w->lines[i].type == 'a' && w->lines[i].kind == kind)
            sdpxi_sec_mark(w, i);
    sdpxi_sec_sweep(w);
    return found;
}

/* Locate a line handle: its media section (NULL: session) and index;
 * SDPX_ESTALE for a line an edit removed or moved. */
static int locate(sdpx_session *s, const sdpx_line *l, sdpx_media **m, size_t *idx)
{
    if (!l)
        return SDPX_EINVAL;
    if (l->flags & SDPXI_LINE_STALE)
        return sdpxi_refuse(s, SDPX_ESTALE, 0,
                            "line: an edit removed or moved it (look it up again)");
    if (l >= s->sec.lines && l < s->sec.lines + s->sec.n) {
        *m = NULL;
        *idx = (size_t)(l - s->sec.lines);
        return 0;
    }
    for (size_t i = 0; i < s->nmedia; i++) {
        const sdpxi_section *sec = &s->media[i]->sec;
        if (l >= sec->lines && l < sec->lines + sec->n) {
            *m = s->media[i];
            *idx = (size_t)(l - sec->lines);
            return 0;
        }
    }
    return sdpxi_refuse(s, SDPX_ENOTFOUND, 0,
                        "line: not a line of this session");
}

int sdpxi_attr_line(sdpxi_tx *tx, const char *name, sdpx_str value, int has_value, sdpx_line *l)
{
    sdpx_str nm = sdpxi_cstr(name);
    if (!attr_ok(tx->s, nm, value, has_value))
        return SDPX_EINVAL;
    sdpx_str parts[3] = {nm, sdpxi_str(":", 1), value};
    return sdpxi_tx_line(tx, 'a', parts, has_value ? 3 : 1, l);
}

static int attr_add_at(sdpx_session *s, sdpx_media *m, size_t pos, int have_pos, const char *name,
                       const char *value)
{
    const sdpxi_section *sec = m ? &m->sec : &s->sec;
    if (!have_pos)
        pos = sec->n;
    else if (!sdpxi_pos_keeps_order(sec, m != NULL, pos, 'a'))
        return sdpxi_refuse(s, SDPX_EINVAL, 0,
                            "ref: an a= line there would come before the %c= line, out of RFC 8866 order",
                            pos < sec->n ? sec->lines[pos].type : 'm');
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    sdpx_line l;
    int rc = sdpxi_attr_line(&tx, name, sdpxi_cstr(value), value != NULL, &l);
    return rc ? rc : sdpxi_edit_line(s, m, SDPXI_OP_INSERT, pos, &l);
}

int sdpx_session_attr_add(sdpx_session *s, const char *name, const char *value)
{
    if (!s || !name)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    return attr_add_at(s, NULL, 0, 0, name, value);
}

int sdpx_media_attr_add(sdpx_media *m, const char *name, const char *value)
{
    if (!m || !name)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    return attr_add_at(m->session, m, 0, 0, name, value);
}

int sdpx_attr_insert(sdpx_session *s, const sdpx_line *ref, int after, const char *name,
                     const char *value)
{
    if (!s || !ref || !name)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    sdpx_media *m;
    size_t idx;
    int rc = locate(s, ref, &m, &idx);
    if (rc)
        return rc;
    return attr_add_at(s, m, after ? idx + 1 : idx, 1, name, value);
}

int sdpx_attr_replace(sdpx_session *s, const sdpx_line *line, const char *name, const char *value)
{
    if (!s || !line || !name)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    sdpx_media *m;
    size_t idx;
    int rc = locate(s, line, &m, &idx);
    if (rc)
        return rc;
    if (line->type != 'a')
        return sdpxi_refuse(s, SDPX_EINVAL, 0, "line: line %u is a %c= line, not an attribute",
                            line->lineno, line->type ? line->type : ' ');
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    sdpx_line l;
    rc = sdpxi_attr_line(&tx, name, sdpxi_cstr(value), value != NULL, &l);
    return rc ? rc : sdpxi_edit_line(s, m, SDPXI_OP_REPLACE, idx, &l);
}

int sdpx_line_remove(sdpx_session *s, const sdpx_line *line)
{
    if (!s || !line)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    sdpx_media *m;
    size_t idx;
    int rc = locate(s, line, &m, &idx);
    if (rc)
        return rc;
    /* the v= line and m= lines hold their part together; a lenient parse
     * may put blank lines before v=, so look at the type, not the index */
    if (idx == 0 || line->type == 'v' || line->type == 'm')
        return sdpxi_refuse(s, SDPX_EINVAL, 0,
                            "line: a %c= line holds its part together; remove a section with "
                            "sdpx_session_media_remove", line->type ? line->type : 'v');
    return sdpxi_edit_line(s, m, SDPXI_OP_REMOVE, idx, NULL);
}

static int attr_remove_named(sdpx_session *s, sdpx_media *m, const char *name)
{
    sdpx_str nm = sdpxi_cstr(name);
    if (!name || !sdpxi_is_token(nm))
        return SDPX_EINVAL; /* RFC 8866 9: att-field is a token */
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    const sdpxi_section *r = sdpxi_tx_read(&tx, m);
    int found = 0;
    for (size_t i = 0; i < r->n; i++, SDPXI_OPS(1))
        found += sdpx_str_eq(sdpx_attr_name(&r->lines[i]), name) && r->lines[i].type == 'a';
    if (!found)
        return 0;
    sdpxi_section *w = sdpxi_tx_write(&tx, m);
    if (!w)
        return sdpxi_tx_nomem(&tx);
    for (size_t i = 0; i < w->n; i++, SDPXI_OPS(1))
        if (w->lines[i].type == 'a' && sdpx_str_eq(sdpx_attr_name(&w->lines[i]), name))
            sdpxi_sec_mark(w, i);
    sdpxi_sec_sweep(w);
    return sdpxi_tx_end(&tx, found);
}

int sdpx_session_attr_remove(sdpx_session *s, const char *name)
{
    if (!s || !name)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    return attr_remove_named(s, NULL, name);
}

int sdpx_media_attr_remove(sdpx_media *m, const char *name)
{
    if (!m || !name)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    return attr_remove_named(m->session, m, name);
}

/* Replace every attribute of `kind` in the section of m (NULL: session) by
 * a=<name>:<value>: the first one takes the new text, the others go.
 * Returns how many sections held one. */
int sdpxi_tx_replace_kind(sdpxi_tx *tx, sdpx_media *m, sdpx_attr_kind kind, const char *name,
                          sdpx_str value)
{
    const sdpxi_section *r = sdpxi_tx_read(tx, m);
    size_t first = SIZE_MAX, count = 0;
    for (size_t i = 0; i < r->n; i++, SDPXI_OPS(1)) {
        if (r->lines[i].type == 'a' && r->lines[i].kind == kind) {
            if (first == SIZE_MAX)
                first = i;
            count++;
        }
    }
    if (first == SIZE_MAX)
        return 0;
    sdpx_str v0 = sdpx_attr_value(&r->lines[first]);
    if (count == 1 && sdpxi_str_same(v0, value))
        return 1;
    sdpx_str parts[3] = {sdpxi_cstr(name), sdpxi_str(":", 1), value};
    sdpx_line l;
    int rc = sdpxi_tx_line(tx, 'a', parts, 3, &l);
    if (rc)
        return rc;
    sdpxi_section *w = sdpxi_tx_write(tx, m);
    if (!w)
        return sdpxi_tx_nomem(tx);
    for (size_t i = first + 1; i < w->n; i++, SDPXI_OPS(1))
        if (w->lines[i].type == 'a' && w->lines[i].kind == kind)
            sdpxi_sec_mark(w, i);
    sdpxi_sec_set(w, first, &l);
    sdpxi_sec_sweep(w);
    return 1;
}

/* The same replacement at session level and in every media section. */
int sdpxi_tx_replace_everywhere(sdpxi_tx *tx, sdpx_attr_kind kind, const char *name, sdpx_str value)
{
    int total = sdpxi_tx_replace_kind(tx, NULL, kind, name, value);
    for (size_t i = 0; total >= 0 && i < tx->s->nmedia; i++) {
        int rc = sdpxi_tx_replace_kind(tx, tx->s->media[i], kind, name, value);
        total = rc < 0 ? rc : total + rc;
    }
    return total;
}
