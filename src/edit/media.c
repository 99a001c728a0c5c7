/* Media sections: the m= line (port, proto, formats), add, remove, move and
 * reject sections, and the BUNDLE bookkeeping a removal needs. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>

#include "edit.h"

/* ---- m= and media sections ---------------------------------------------- */

/* RFC 8866 5.14: media = token, proto = token *("/" token). */
static int media_proto_ok(const sdpx_mline *ml)
{
    if (!sdpxi_is_token(ml->media))
        return 0;
    sdpx_str p = ml->proto;
    for (size_t i = 0, start = 0; i <= p.len; i++) {
        if (i == p.len || p.ptr[i] == '/') {
            if (i == start || !sdpxi_is_token(sdpxi_str(p.ptr + start, i - start)))
                return 0;
            start = i + 1;
        }
    }
    return 1;
}

/* RFC 8866 5.14: <media> <port>[/<number of ports>] <proto> 1*(SP <fmt>) */
static int mline_ok(sdpx_str v, sdpx_mline *ml)
{
    if (!sdpxi_text_ok(v) || sdpx_mline_parse(v, ml))
        return 0;
    if (!media_proto_ok(ml) || ml->formats.len == 0)
        return 0;
    sdpx_str rest = ml->formats, f;
    while (sdpx_field_next(&rest, &f))
        if (!sdpxi_is_token(f))
            return 0;
    return 1;
}

/* Build "m=<media> <port>[/<count>] <proto> <formats>" from ml and port. */
static int mline_build(sdpxi_tx *tx, const sdpx_mline *ml, sdpx_str port, sdpx_line *l)
{
    char cnt[24];
    sdpx_str sp = sdpxi_str(" ", 1);
    sdpx_str parts[10];
    size_t n = 0;
    parts[n++] = ml->media;
    parts[n++] = sp;
    parts[n++] = port;
    if (ml->has_port_count) {
        parts[n++] = sdpxi_str("/", 1);
        parts[n++] = sdpxi_u64_str(cnt, ml->port_count);
    }
    parts[n++] = sp;
    parts[n++] = ml->proto;
    parts[n++] = sp;
    parts[n++] = ml->formats;
    return sdpxi_tx_line(tx, 'm', parts, n, l);
}

int sdpxi_tx_set_mline(sdpxi_tx *tx, sdpxi_section *sec, const sdpx_mline *ml, sdpx_str port)
{
    sdpx_line l;
    int rc = mline_build(tx, ml, port, &l);
    if (rc)
        return rc;
    sdpx_mline check;
    if (!mline_ok(sdpx_line_value(&l), &check))
        return SDPX_EINVAL;
    sdpxi_sec_set(sec, 0, &l);
    tx->changed = 1;
    return 0;
}

int sdpxi_tx_set_mline_pts(sdpxi_tx *tx, sdpxi_section *sec, const sdpx_mline *ml)
{
    sdpx_line l;
    int rc = mline_build(tx, ml, ml->port_text, &l);
    if (rc)
        return rc;
    /* the new line reads back as ml (its parts are ml's fields, the formats
     * digits): of mline_ok's rules only the media and proto grammar can fail */
    if (!media_proto_ok(ml))
        return SDPX_EINVAL;
    sdpxi_sec_set(sec, 0, &l);
    tx->changed = 1;
    return 0;
}

/* Change fields of a media section's m= line: NULL / empty keeps a field. */
static int set_mline_fields(sdpx_media *m, const unsigned *port, const char *proto,
                            const char *formats)
{
    sdpx_mline ml;
    if (sdpx_media_mline(m, &ml))
        return SDPX_EFIELD;
    char pbuf[24];
    sdpx_str p = ml.port_text;
    if (port) {
        if (*port > 65535)
            return SDPX_EINVAL;
        p = sdpxi_u64_str(pbuf, *port);
    }
    if (proto) {
        ml.proto = sdpxi_cstr(proto);
        if (!sdpxi_text_ok(ml.proto) || memchr(ml.proto.ptr, ' ', ml.proto.len) || !ml.proto.len)
            return SDPX_EINVAL;
    }
    if (formats) {
        ml.formats = sdpxi_cstr(formats);
        ml.formats = sdpxi_skip_spaces(ml.formats);
        ml.formats = sdpxi_drop_spaces(ml.formats);
        if (!sdpxi_text_ok(sdpxi_cstr(formats)))
            return SDPX_EINVAL;
    }
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, m->session);
    if (port && *port == 0) {
        /* RFC 8843 7.3.3 / RFC 3264 6: a rejected section leaves its BUNDLE group */
        int rc = sdpxi_tx_group_remove_mid(&tx, sdpxi_section_mid(&m->sec));
        if (rc < 0)
            return rc;
    }
    sdpxi_section *w = sdpxi_tx_write(&tx, m);
    if (!w)
        return sdpxi_tx_nomem(&tx);
    return sdpxi_tx_end(&tx, sdpxi_tx_set_mline(&tx, w, &ml, p));
}

int sdpx_media_set_port(sdpx_media *m, unsigned port)
{
    if (!m)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    return set_mline_fields(m, &port, NULL, NULL);
}

int sdpx_media_set_proto(sdpx_media *m, const char *proto)
{
    if (!m || !proto)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    if (!proto)
        return SDPX_EINVAL;
    return set_mline_fields(m, NULL, proto, NULL);
}

int sdpx_media_set_formats(sdpx_media *m, const char *formats)
{
    if (!m || !formats)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    if (!formats)
        return SDPX_EINVAL;
    return set_mline_fields(m, NULL, NULL, formats);
}

sdpx_str sdpxi_section_mid(const sdpxi_section *sec)
{
    for (size_t i = 1; i < sec->n; i++, SDPXI_OPS(1))
        if (sec->lines[i].type == 'a' && sec->lines[i].kind == SDPX_ATTR_MID)
            return sdpx_attr_value(&sec->lines[i]);
    return sdpxi_str("", 0);
}

/* RFC 5888 5: group-attribute = "a=group:" semantics *(SP identification-tag) */
int sdpxi_tx_group_remove_mid(sdpxi_tx *tx, sdpx_str mid)
{
    const sdpxi_section *r = sdpxi_tx_read(tx, NULL);
    int removed = 0;
    if (mid.len == 0)
        return 0;
    for (size_t i = 0; i < r->n; i++, SDPXI_OPS(1)) {
        const sdpx_line *l = &r->lines[i];
        if (l->type != 'a' || l->kind != SDPX_ATTR_GROUP)
            continue;
        sdpx_str rest = sdpx_attr_value(l), sem, id;
        if (!sdpx_field_next(&rest, &sem))
            continue;
        int hit = 0, left = 0;
        sdpx_str scan = rest;
        while (sdpx_field_next(&scan, &id)) {
            if (sdpxi_str_same(id, mid))
                hit = 1;
            else
                left++;
        }
        if (!hit)
            continue;
        sdpxi_section *w = sdpxi_tx_write(tx, NULL);
        if (!w)
            return sdpxi_tx_nomem(tx);
        r = w;
        if (!left) {
            sdpxi_sec_mark(w, i);
            removed++;
            continue;
        }
        /* a=group:<semantics> followed by the ids that stay */
        size_t total = 0;
        scan = rest;
        while (sdpx_field_next(&scan, &id))
            total++;
        sdpx_str *parts = sdpxi_arena_alloc(&tx->s->arena, (2 * total + 2) * sizeof *parts);
        if (!parts)
            return sdpxi_tx_nomem(tx);
        size_t n = 0;
        parts[n++] = sdpxi_str("group:", 6);
        parts[n++] = sem;
        scan = rest;
        while (sdpx_field_next(&scan, &id))
            if (!sdpxi_str_same(id, mid)) {
                parts[n++] = sdpxi_str(" ", 1);
                parts[n++] = id;
            }
        int rc = sdpxi_tx_set(tx, w, i, parts, n);
        if (rc)
            return rc;
        removed++;
    }
    if (removed)
        sdpxi_sec_sweep(sdpxi_tx_write(tx, NULL)); /* written above: cannot fail */
    return removed;
}

int sdpxi_tx_media_remove(sdpxi_tx *tx, sdpx_media *m)
{
    int rc = sdpxi_tx_media_write(tx);
    if (rc)
        return rc;
    size_t i = 0;
    while (i < tx->nmedia && tx->media[i] != m)
        i++;
    if (i == tx->nmedia)
        return SDPX_ENOTFOUND;
    rc = sdpxi_tx_group_remove_mid(tx, sdpxi_section_mid(sdpxi_tx_read(tx, m)));
    if (rc < 0)
        return rc;
    memmove(&tx->media[i], &tx->media[i + 1], (tx->nmedia - i - 1) * sizeof *tx->media);
    tx->nmedia--;
    return 0;
}

int sdpx_session_media_remove(sdpx_session *s, sdpx_media *m)
{
    if (!s || !m)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    if (!m || m->session != s)
        return SDPX_EINVAL;
    SDPXI_CHECK_MEDIA(m);
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    return sdpxi_tx_end(&tx, sdpxi_tx_media_remove(&tx, m));
}

int sdpx_session_media_move(sdpx_session *s, sdpx_media *m, size_t pos)
{
    if (!s || !m)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    if (m->session == s && m->removed)
        return SDPX_ESTALE;
    if (!m || m->session != s || pos >= s->nmedia || m->index >= s->nmedia ||
        s->media[m->index] != m)
        return SDPX_EINVAL;
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    int rc = sdpxi_tx_media_write(&tx);
    if (rc)
        return rc;
    size_t from = m->index;
    if (from < pos)
        memmove(&tx.media[from], &tx.media[from + 1], (pos - from) * sizeof *tx.media);
    else
        memmove(&tx.media[pos + 1], &tx.media[pos], (from - pos) * sizeof *tx.media);
    tx.media[pos] = m;
    tx.changed = from != pos;
    return sdpxi_tx_end(&tx, 0);
}

int sdpx_session_media_add(sdpx_session *s, size_t pos, const char *mline, sdpx_media **out)
{
    if (!s || !mline)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    sdpx_str v = sdpxi_cstr(mline);
    sdpx_mline ml;
    if (!mline || pos > s->nmedia || !mline_ok(v, &ml))
        return SDPX_EINVAL;
    if (s->nmedia >= SDPX_DEFAULT_MAX_MEDIA)
        return SDPX_ELIMIT; /* the default parse limits would refuse the result */
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    sdpx_line l;
    int rc = sdpxi_tx_line(&tx, 'm', &v, 1, &l);
    if (rc)
        return rc;
    sdpx_line *lines = sdpxi_arena_alloc(&s->arena, 8 * sizeof *lines);
    sdpx_media *m = lines ? sdpxi_media_new(s) : NULL; /* never moves: a handle */
    if (!m)
        return sdpxi_tx_nomem(&tx);
    lines[0] = l;
    m->session = s;
    m->sec.lines = lines;
    m->sec.n = 1;
    m->sec.cap = 8;
    m->index = SIZE_MAX;
    sdpxi_media_init(m);
    rc = sdpxi_tx_media_write(&tx);
    if (rc)
        return rc;
    memmove(&tx.media[pos + 1], &tx.media[pos], (tx.nmedia - pos) * sizeof *tx.media);
    tx.media[pos] = m;
    tx.nmedia++;
    rc = sdpxi_tx_end(&tx, 0);
    if (!rc && out)
        *out = m;
    return rc;
}

int sdpx_media_reject(sdpx_media *m)
{
    if (!m)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    return sdpx_media_set_port(m, 0);
}
