/* Header extension edits: remove, renumber and compact a=extmap ids (RFC 8285). */
#include "edit.h"

/* ---- header extensions (RFC 8285) ------------------------------------------ */

static int tx_extmap_id(sdpxi_tx *tx, sdpxi_section *w, size_t i, unsigned id);

static int tx_extmap(sdpxi_tx *tx, sdpx_media *m, sdpx_str uri, const unsigned *new_id)
{
    const sdpxi_section *r = sdpxi_tx_read(tx, m);
    int hits = 0;
    for (size_t i = 0; i < r->n; i++, SDPXI_OPS(1)) {
        sdpx_extmap e;
        const sdpx_line *l = &r->lines[i];
        if (l->type != 'a' || l->kind != SDPX_ATTR_EXTMAP || sdpx_extmap_parse(sdpx_attr_value(l), &e))
            continue;
        int same = sdpxi_str_same(e.uri, uri);
        if (same)
            hits++;
        else if (new_id && e.id == *new_id)
            /* RFC 8285 5: ids are unique within a section */
            return m ? sdpxi_refuse(tx->s, SDPX_EINVAL, 0,
                                    "id: %u is taken by another extension in media section %zu",
                                    *new_id, sdpx_media_index(m))
                     : sdpxi_refuse(tx->s, SDPX_EINVAL, 0,
                                    "id: %u is taken by another extension at session level", *new_id);
    }
    if (!hits)
        return 0;
    sdpxi_section *w = sdpxi_tx_write(tx, m);
    if (!w)
        return sdpxi_tx_nomem(tx);
    for (size_t i = 0; i < w->n; i++, SDPXI_OPS(1)) {
        sdpx_extmap e;
        const sdpx_line *l = &w->lines[i];
        if (l->type != 'a' || l->kind != SDPX_ATTR_EXTMAP || sdpx_extmap_parse(sdpx_attr_value(l), &e) ||
            !sdpxi_str_same(e.uri, uri))
            continue;
        if (!new_id) {
            sdpxi_sec_mark(w, i);
            continue;
        }
        int rc = tx_extmap_id(tx, w, i, *new_id);
        if (rc)
            return rc;
    }
    sdpxi_sec_sweep(w);
    return hits;
}

static int extmap_all(sdpx_session *s, const char *uri, const unsigned *new_id)
{
    sdpx_str u = sdpxi_cstr(uri);
    if (!uri || u.len == 0 || !sdpxi_text_ok(u) || memchr(u.ptr, ' ', u.len))
        return SDPX_EINVAL;
    /* RFC 8285 4.2/4.3: 1-14 one-byte, 1-255 two-byte; 15 is reserved */
    if (new_id && (*new_id == 0 || *new_id == 15 || *new_id > 255))
        return sdpxi_refuse(s, SDPX_EINVAL, 0, "id: %u; extmap ids are 1-14 and 16-255 (RFC 8285 5)",
                            *new_id);
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    int total = tx_extmap(&tx, NULL, u, new_id);
    for (size_t i = 0; total >= 0 && i < s->nmedia; i++) {
        int rc = tx_extmap(&tx, s->media[i], u, new_id);
        total = rc < 0 ? rc : total + rc;
    }
    return sdpxi_tx_end(&tx, total);
}

int sdpx_session_remove_extmap(sdpx_session *s, const char *uri)
{
    if (!s || !uri)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    return extmap_all(s, uri, NULL);
}

int sdpx_session_renumber_extmap(sdpx_session *s, const char *uri, unsigned id)
{
    if (!s || !uri)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    return extmap_all(s, uri, &id);
}

/* Rewrite one extmap line of a working section with id `id`, keeping the
 * "/direction", URI and attributes as written. */
static int tx_extmap_id(sdpxi_tx *tx, sdpxi_section *w, size_t i, unsigned id)
{
    sdpx_str v = sdpx_attr_value(&w->lines[i]);
    size_t idlen = 0;
    while (idlen < v.len && sdpxi_is_digit(v.ptr[idlen]))
        idlen++;
    char num[24];
    sdpx_str parts[3] = {sdpxi_str("extmap:", 7), sdpxi_u64_str(num, id), sdpxi_str(v.ptr + idlen, v.len - idlen)};
    return sdpxi_tx_set(tx, w, i, parts, 3);
}

/* RFC 8285 5: ids are per section, but BUNDLE (RFC 8843 9.2) wants one id
 * per URI across the bundled sections: give each URI, in order of first
 * appearance, the ids 1, 2, ... (skipping the reserved 15). */
int sdpx_session_compact_extmap(sdpx_session *s)
{
    if (!s)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    size_t total = 0;
    for (size_t k = 0; k <= s->nmedia; k++) {
        const sdpxi_section *r = k ? &s->media[k - 1]->sec : &s->sec;
        for (size_t i = 0; i < r->n; i++, SDPXI_OPS(1))
            total += r->lines[i].type == 'a' && r->lines[i].kind == SDPX_ATTR_EXTMAP;
    }
    if (!total)
        return 0;
    sdpx_str *uris = sdpxi_arena_alloc(&s->arena, total * sizeof *uris);
    if (!uris)
        return sdpxi_tx_nomem(&tx);
    size_t nuris = 0;
    int changed = 0;
    for (size_t k = 0; k <= s->nmedia; k++) {
        sdpx_media *m = k ? s->media[k - 1] : NULL;
        const sdpxi_section *r = sdpxi_tx_read(&tx, m);
        for (size_t i = 0; i < r->n; i++, SDPXI_OPS(1)) {
            sdpx_extmap e;
            const sdpx_line *l = &r->lines[i];
            if (l->type != 'a' || l->kind != SDPX_ATTR_EXTMAP || sdpx_extmap_parse(sdpx_attr_value(l), &e))
                continue;
            /* one mapping is everything after the id: direction, URI and its
             * attributes (RFC 6904's encrypt URI names the one it hides) */
            sdpx_str key = sdpx_attr_value(l);
            while (key.len && sdpxi_is_digit(key.ptr[0])) {
                key.ptr++;
                key.len--;
            }
            size_t u = 0;
            while (u < nuris && !sdpxi_str_same(uris[u], key))
                u++;
            if (u == nuris)
                uris[nuris++] = key;
            unsigned id = (unsigned)u + 1 + (u + 1 >= 15); /* 15 is reserved (RFC 8285 4.2) */
            if (id > 255)
                return SDPX_ELIMIT;
            if (e.id == id)
                continue;
            sdpxi_section *w = sdpxi_tx_write(&tx, m);
            if (!w)
                return sdpxi_tx_nomem(&tx);
            r = w;
            int rc = tx_extmap_id(&tx, w, i, id);
            if (rc)
                return rc;
            changed++;
        }
    }
    return sdpxi_tx_end(&tx, changed);
}
