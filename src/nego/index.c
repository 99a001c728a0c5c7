/*
 * Sorted lookups, so that answering and verifying stay near linear in the
 * size of the description however it is shaped: a set of (key, view) pairs
 * sorted once and searched by halving, and per session the map of mids and
 * BUNDLE groups (RFC 8843) every section needs.
 */
#include "nego.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int sdpxi_set_add(sdpxi_set *s, unsigned key, sdpx_str v, size_t val)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        sdpxi_entry *e = realloc(s->e, cap * sizeof *e);
        if (!e)
            return SDPX_ENOMEM;
        s->e = e;
        s->cap = cap;
    }
    s->e[s->n].key = key;
    s->e[s->n].v = v;
    s->e[s->n].val = val;
    s->e[s->n].p = NULL;
    s->n++;
    return 0;
}

static int cmp_kv(unsigned ka, sdpx_str a, unsigned kb, sdpx_str b)
{
    if (ka != kb)
        return ka < kb ? -1 : 1;
    size_t n = a.len < b.len ? a.len : b.len;
    int c = n ? memcmp(a.ptr, b.ptr, n) : 0;
    if (c)
        return c;
    return a.len < b.len ? -1 : a.len > b.len;
}

static int cmp_entry(const void *x, const void *y)
{
    const sdpxi_entry *a = x, *b = y;
    int c = cmp_kv(a->key, a->v, b->key, b->v);
    if (c)
        return c;
    return a->val < b->val ? -1 : a->val > b->val; /* stable: the first added first */
}

/* Sets of a few entries (the mids of most sessions) sort by insertion:
 * cmp_entry is a total order, so the result is qsort's. */
enum { SMALL_SET = 16 };

void sdpxi_set_sort(sdpxi_set *s)
{
    if (s->n > SMALL_SET) {
        qsort(s->e, s->n, sizeof *s->e, cmp_entry);
        return;
    }
    for (size_t i = 1; i < s->n; i++) {
        sdpxi_entry x = s->e[i];
        size_t j = i;
        for (; j > 0 && cmp_entry(&s->e[j - 1], &x) > 0; j--)
            s->e[j] = s->e[j - 1];
        s->e[j] = x;
    }
}

sdpxi_entry *sdpxi_set_find(const sdpxi_set *s, unsigned key, sdpx_str v)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) { /* the first entry not below (key, v) */
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_kv(s->e[mid].key, s->e[mid].v, key, v) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->n && !cmp_kv(s->e[lo].key, s->e[lo].v, key, v) ? &s->e[lo] : NULL;
}

void sdpxi_set_free(sdpxi_set *s)
{
    free(s->e);
    memset(s, 0, sizeof *s);
}

void sdpxi_map_free(sdpxi_map *m)
{
    sdpxi_set_free(&m->mids);
    free(m->lines); /* group and tagged with it */
    memset(m, 0, sizeof *m);
}

static void first(const sdpx_line **slot, const sdpx_line *l)
{
    if (!*slot)
        *slot = l;
}

/* One line into the walk's record (non-attribute lines have no kind). */
static void note(sdpxi_lines *t, const sdpx_line *l)
{
    sdpx_attr_kind kind = sdpx_line_kind(l);
    switch (kind) {
    case SDPX_ATTR_MID: first(t->mid ? &t->mid2 : &t->mid, l); break;
    case SDPX_ATTR_ICE_UFRAG:
        t->more_cred |= t->ufrag != NULL;
        first(&t->ufrag, l);
        break;
    case SDPX_ATTR_ICE_PWD:
        t->more_cred |= t->pwd != NULL;
        first(&t->pwd, l);
        break;
    case SDPX_ATTR_FINGERPRINT: first(&t->fingerprint, l); break;
    case SDPX_ATTR_SETUP: first(&t->setup, l); break;
    case SDPX_ATTR_EXTMAP:
        first(&t->extmap, l);
        t->extmap_last = l;
        break;
    case SDPX_ATTR_EXTMAP_ALLOW_MIXED: t->allow_mixed = 1; break;
    case SDPX_ATTR_RTCP_MUX: t->rtcp_mux = 1; break;
    case SDPX_ATTR_RTCP_MUX_ONLY: t->rtcp_mux_only = 1; break;
    case SDPX_ATTR_RTCP_RSIZE: t->rtcp_rsize = 1; break;
    case SDPX_ATTR_BUNDLE_ONLY: t->bundle_only = 1; break;
    case SDPX_ATTR_RTPMAP:
    case SDPX_ATTR_FMTP:
    case SDPX_ATTR_RTCP_FB:
        if (t->codec) { /* sections only */
            t->codec_kind[t->ncodec] = (unsigned char)kind;
            t->codec[t->ncodec++] = l;
        }
        break;
    /* RFC 8866 6.7: the first direction attribute counts */
    case SDPX_ATTR_SENDRECV: t->dir = t->dir < 0 ? SDPX_DIR_SENDRECV : t->dir; break;
    case SDPX_ATTR_SENDONLY: t->dir = t->dir < 0 ? SDPX_DIR_SENDONLY : t->dir; break;
    case SDPX_ATTR_RECVONLY: t->dir = t->dir < 0 ? SDPX_DIR_RECVONLY : t->dir; break;
    case SDPX_ATTR_INACTIVE: t->dir = t->dir < 0 ? SDPX_DIR_INACTIVE : t->dir; break;
    default: break;
    }
}

/* codec, kind: room for the section's lines */
static void walk_section(const sdpx_media *m, sdpxi_lines *t, const sdpx_line **codec,
                         unsigned char *kind)
{
    memset(t, 0, sizeof *t);
    t->dir = -1;
    t->codec = codec;
    t->codec_kind = kind;
    t->mline_rc = sdpx_media_mline(m, &t->mline);
    size_t n = sdpx_media_line_count(m);
    for (size_t i = 1; i < n; i++) /* line 0 is the m= line */
        note(t, sdpx_media_line(m, i));
}

static void walk_session(const sdpx_session *s, sdpxi_lines *t)
{
    memset(t, 0, sizeof *t);
    t->dir = -1;
    size_t n = sdpx_session_line_count(s);
    for (size_t i = 0; i < n; i++)
        note(t, sdpx_session_line(s, i));
}

int sdpxi_map_build(const sdpx_session *s, sdpxi_map *m)
{
    memset(m, 0, sizeof *m);
    m->s = s;
    m->n = sdpx_session_media_count(s);
    size_t n = m->n ? m->n : 1, all = 0;
    for (size_t i = 0; i < m->n; i++)
        all += sdpx_media_line_count(sdpx_session_media(s, i));
    /* one block: the walked lines, group, tagged, the codec lines, then their kinds */
    m->lines = malloc(n * (sizeof *m->lines + 2 * sizeof(size_t)) + all * (sizeof(const sdpx_line *) + 1));
    if (!m->lines)
        goto nomem;
    m->group = (size_t *)(void *)(m->lines + n);
    m->tagged = m->group + n;
    const sdpx_line **codec = (const sdpx_line **)(void *)(m->tagged + n);
    unsigned char *kind = (unsigned char *)(void *)(codec + all);
    memset(m->group, 0, n * sizeof *m->group);
    walk_session(s, &m->sess);
    for (size_t i = 0; i < m->n; i++) {
        const sdpx_media *sm = sdpx_session_media(s, i);
        m->tagged[i] = SIZE_MAX;
        walk_section(sm, &m->lines[i], codec, kind);
        codec += m->lines[i].ncodec;
        kind += m->lines[i].ncodec;
        const sdpx_line *mid = m->lines[i].mid;
        if (mid && sdpxi_set_add(&m->mids, 0, sdpx_attr_value(mid), i))
            goto nomem;
    }
    sdpxi_set_sort(&m->mids);
    m->dup_at = SIZE_MAX;
    for (size_t i = 1; i < m->mids.n; i++)
        if (!cmp_kv(0, m->mids.e[i - 1].v, 0, m->mids.e[i].v)) {
            m->dup_at = m->mids.e[i].val; /* the later section of the pair */
            break;
        }
    /* RFC 8843 7.1: a bundled section uses the transport of its group's
     * tagged section, the first one the group names */
    const sdpx_line *l = NULL;
    size_t g = 0;
    while ((l = sdpx_session_find_attr(s, SDPX_ATTR_GROUP, l)) != NULL) {
        sdpx_group gr;
        if (sdpx_group_parse(sdpx_attr_value(l), &gr) || !sdpx_str_eq(gr.semantics, "BUNDLE"))
            continue;
        g++;
        size_t first = SIZE_MAX;
        sdpx_str rest = gr.ids, id;
        while (sdpx_group_id_next(&rest, &id)) {
            const sdpxi_entry *e = sdpxi_set_find(&m->mids, 0, id);
            if (!e || m->group[e->val])
                continue; /* unknown, or in an earlier group already */
            if (first == SIZE_MAX)
                first = e->val;
            m->group[e->val] = g;
            m->tagged[e->val] = first;
        }
    }
    return 0;
nomem:
    sdpxi_map_free(m);
    return SDPX_ENOMEM;
}

const sdpx_media *sdpxi_map_by_mid(const sdpxi_map *m, sdpx_str mid)
{
    const sdpxi_entry *e = sdpxi_set_find(&m->mids, 0, mid);
    return e ? sdpx_session_media(m->s, e->val) : NULL;
}

/* 1 when the walked lines hold an attribute of `kind`: the kinds that
 * sections take from their BUNDLE group's tagged section. */
static int holds(const sdpxi_lines *t, sdpx_attr_kind kind)
{
    switch (kind) {
    case SDPX_ATTR_ICE_UFRAG: return t->ufrag != NULL;
    case SDPX_ATTR_FINGERPRINT: return t->fingerprint != NULL;
    case SDPX_ATTR_SETUP: return t->setup != NULL;
    default: return -1;
    }
}

static int media_holds(const sdpxi_map *map, size_t i, sdpx_attr_kind kind)
{
    int h = holds(&map->lines[i], kind);
    return h >= 0 ? h : sdpx_media_find_attr(sdpx_session_media(map->s, i), kind, NULL) != NULL;
}

const sdpx_media *sdpxi_map_transport(const sdpxi_map *map, const sdpx_media *m, sdpx_attr_kind kind)
{
    size_t i = sdpx_media_index(m);
    int sh = holds(&map->sess, kind);
    if (media_holds(map, i, kind) ||
        (sh >= 0 ? sh : sdpx_session_find_attr(map->s, kind, NULL) != NULL))
        return m;
    size_t t = map->tagged[i];
    if (t != SIZE_MAX && media_holds(map, t, kind))
        return sdpx_session_media(map->s, t);
    return m;
}
