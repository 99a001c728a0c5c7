/* Memory of long-lived sessions: the arena frees nothing by itself, so a
 * session edited many times (a signaling server's view of a call, trickled
 * candidates) would grow with its history. Compaction rebuilds the live
 * part (every section's line records and the text of every line an edit
 * made) into one fresh block and releases the other heap blocks, except the
 * parse's own block (the session struct, its media records and the input
 * copy untouched lines still point into). It runs after an edit when the
 * arena holds more than twice what the last compaction kept, so its cost is
 * amortised O(1) per byte an edit allocated, and memory stays within a
 * constant of the current description. Media records made by edits live in
 * blocks of their own, so sdpx_media handles never move; line handles do
 * (see sdp.h: compaction invalidates them). NO_HEAP sessions never compact:
 * their memory is the caller's scratch. */
#include "core.h"

/* Below this the arena is left alone: compacting small sessions buys nothing. */
#define COMPACT_FLOOR ((size_t)64 << 10)

void sdpxi_media_init(sdpx_media *m)
{
    m->removed = 0;
    atomic_init(&m->codecs, NULL);
}

void sdpxi_media_forget_codecs(sdpx_media *m)
{
    void *ix = atomic_exchange(&m->codecs, NULL);
    if (!ix)
        return;
    size_t size;
    memcpy(&size, ix, sizeof size); /* the index block starts with its size */
    m->session->arena.alloc.release(m->session->arena.alloc.ctx, ix, size);
}

sdpx_media *sdpxi_media_new(sdpx_session *s)
{
    if (s->arena.no_heap)
        return sdpxi_arena_alloc(&s->arena, sizeof(sdpx_media));
    sdpx_media *m = sdpxi_block_new(&s->arena.alloc, sizeof *m);
    if (!m)
        return NULL;
    m->pinned_next = s->pinned;
    s->pinned = m;
    return m;
}

void sdpxi_release_pinned(sdpx_session *s)
{
    sdpx_media *m = s->pinned;
    while (m) {
        sdpx_media *next = m->pinned_next;
        sdpxi_media_forget_codecs(m); /* a removed or never-added one may hold one */
        sdpxi_block_free(&s->arena.alloc, m);
        m = next;
    }
    s->pinned = NULL;
}

void sdpxi_section_retire(sdpxi_section *sec)
{
    SDPXI_OPS(sec->n);
    for (uint32_t i = 0; i < sec->n; i++)
        sec->lines[i].flags |= SDPXI_LINE_STALE;
}

/* 1 when the line's text is in the parse's input copy (it stays put). */
static int in_input(const sdpx_session *s, const sdpx_line *l)
{
    uintptr_t t = (uintptr_t)l->text, b = (uintptr_t)s->input;
    return s->input && t >= b && t < b + s->input_len;
}

/* Bytes an allocation of n takes from the fresh block: alignment, and the
 * red zone after each object in the arena debug mode. */
static size_t cost(size_t n)
{
    return SDPXI_ALIGN_UP(n + SDPXI_REDZONE);
}

static size_t section_need(const sdpx_session *s, const sdpxi_section *sec)
{
    size_t need = cost(((size_t)sec->n + 8) * sizeof(sdpx_line));
    SDPXI_OPS(sec->n);
    for (uint32_t i = 0; i < sec->n; i++)
        if (!in_input(s, &sec->lines[i]))
            need += cost((size_t)sec->lines[i].len + 1);
    return need;
}

/* Copy a section's records and edited texts into the fresh arena. */
static void section_move(const sdpx_session *s, sdpxi_arena *fresh, sdpxi_section *sec)
{
    uint32_t cap = sec->n + 8;
    sdpx_line *lines = sdpxi_arena_alloc(fresh, (size_t)cap * sizeof *lines);
    if (sec->n)
        memcpy(lines, sec->lines, (size_t)sec->n * sizeof *lines);
    SDPXI_OPS(sec->n);
    for (uint32_t i = 0; i < sec->n; i++)
        if (!in_input(s, &lines[i]))
            lines[i].text = sdpxi_arena_strdup(fresh, lines[i].text, lines[i].len);
    sec->lines = lines;
    sec->cap = cap;
}

int sdpx_session_compact(sdpx_session *s)
{
    if (!s)
        return SDPX_EINVAL;
    if (s->arena.no_heap)
        return 0; /* scratch memory: nothing to give back */
    size_t need = section_need(s, &s->sec) + cost((s->nmedia + 4) * sizeof(sdpx_media *));
    for (size_t i = 0; i < s->nmedia; i++)
        need += section_need(s, &s->media[i]->sec);
    need += need / 4 + 4096; /* room for the next edits */
    sdpxi_arena fresh;
    sdpxi_arena_init(&fresh, &s->arena.alloc, 0, NULL, 0);
    void *room = sdpxi_arena_alloc(&fresh, need);
    if (!room)
        return SDPX_ENOMEM; /* nothing changed */
    /* hand the block back to the fresh arena's bump pointer */
    fresh.cur = room;
    fresh.left = need;
    /* from here on nothing fails: every allocation below fits in `need` */
    sdpx_media **media = sdpxi_arena_alloc(&fresh, (s->nmedia + 4) * sizeof *media);
    if (s->nmedia)
        memcpy(media, s->media, s->nmedia * sizeof *media);
    section_move(s, &fresh, &s->sec);
    for (size_t i = 0; i < s->nmedia; i++)
        section_move(s, &fresh, &s->media[i]->sec);
    s->media = media;
    s->media_cap = s->nmedia + 4;
    sdpxi_arena_take(&s->arena, &fresh, s->region_block);
    s->compact_at = 2 * sdpxi_arena_held(&s->arena);
    if (s->compact_at < COMPACT_FLOOR)
        s->compact_at = COMPACT_FLOOR;
    return 0;
}

void sdpxi_maybe_compact(sdpx_session *s)
{
    if (s->arena.no_heap)
        return;
    if (s->compact_at == 0) /* first edit: what the parse holds is live */
        s->compact_at = 2 * sdpxi_arena_held(&s->arena) + COMPACT_FLOOR;
    if (sdpxi_arena_held(&s->arena) > s->compact_at)
        (void)sdpx_session_compact(s); /* out of memory: keep the old blocks */
}
