/* Edit transactions over working copies of sections, and the reason a
 * refused edit records (sdpx_session_last_error). */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>

#include "edit.h"

/* ---- transactions ------------------------------------------------------ */

void sdpxi_tx_begin(sdpxi_tx *tx, sdpx_session *s)
{
    memset(tx, 0, sizeof *tx);
    tx->s = s;
}

int sdpxi_tx_nomem(const sdpxi_tx *tx)
{
    if (tx->stale)
        return SDPX_ESTALE;
    return tx->s->arena.no_heap ? SDPX_ESCRATCH : SDPX_ENOMEM;
}

/* Index of an original media section in the work table, or 0 for a section
 * this edit created (not yet visible, so written in place). */
static size_t work_index(const sdpxi_tx *tx, const sdpx_media *m)
{
    const sdpx_session *s = tx->s;
    if (!m)
        return 0;
    if (m->index < s->nmedia && s->media[m->index] == m)
        return m->index + 1;
    return SIZE_MAX;
}

const sdpxi_section *sdpxi_tx_read(const sdpxi_tx *tx, const sdpx_media *m)
{
    size_t k = work_index(tx, m);
    if (k == SIZE_MAX)
        return &m->sec;
    if (tx->work && tx->work[k].lines)
        return &tx->work[k];
    return m ? &m->sec : &tx->s->sec;
}

sdpxi_section *sdpxi_tx_write(sdpxi_tx *tx, sdpx_media *m)
{
    if (m && m->removed) {
        tx->stale = 1; /* the public edits refuse it first; this is the net */
        return NULL;
    }
    size_t k = work_index(tx, m);
    tx->changed = 1;
    if (k == SIZE_MAX) {
        sdpxi_media_forget_codecs(m); /* a new section, written in place */
        return &m->sec;
    }
    if (!tx->work) {
        size_t n = tx->s->nmedia + 1;
        tx->work = sdpxi_arena_alloc(&tx->s->arena, n * sizeof *tx->work);
        if (!tx->work)
            return NULL;
        memset(tx->work, 0, n * sizeof *tx->work);
        tx->nwork = n;
    }
    sdpxi_section *w = &tx->work[k];
    if (!w->lines) {
        const sdpxi_section *live = m ? &m->sec : &tx->s->sec;
        uint32_t cap = live->n + 8;
        sdpx_line *lines = sdpxi_arena_alloc(&tx->s->arena, cap * sizeof *lines);
        if (!lines)
            return NULL;
        SDPXI_OPS(live->n);
        if (live->n)
            memcpy(lines, live->lines, live->n * sizeof *lines);
        w->lines = lines;
        w->n = live->n;
        w->cap = cap;
    }
    return w;
}

size_t sdpxi_tx_media_count(const sdpxi_tx *tx)
{
    return tx->media ? tx->nmedia : tx->s->nmedia;
}

sdpx_media *sdpxi_tx_media_at(const sdpxi_tx *tx, size_t i)
{
    return tx->media ? tx->media[i] : tx->s->media[i];
}

/* Make the media order writable (a copy with room for one more). */
int sdpxi_tx_media_write(sdpxi_tx *tx)
{
    if (tx->media)
        return 0;
    sdpx_session *s = tx->s;
    size_t cap = s->nmedia + 4;
    sdpx_media **arr = sdpxi_arena_alloc(&s->arena, cap * sizeof *arr);
    if (!arr)
        return sdpxi_tx_nomem(tx);
    if (s->nmedia)
        memcpy(arr, s->media, s->nmedia * sizeof *arr);
    tx->media = arr;
    tx->nmedia = s->nmedia;
    tx->media_cap = cap;
    tx->changed = 1;
    return 0;
}


/* SDPX_W_NO_VERSION: a description read without v= starts at its first m=
 * line. An edit must leave it so (no session-level line, a media section
 * left), or its text would no longer parse. Fragments have rules of their own. */
static int start_kept(const sdpx_session *s, size_t session_lines, size_t nmedia)
{
    if (s->sec.n || (s->parse_flags & SDPXI_PARSE_FRAGMENT))
        return 1;
    return session_lines == 0 && nmedia > 0;
}

int sdpxi_tx_end(sdpxi_tx *tx, int rc)
{
    sdpx_session *s = tx->s;
    if (rc < 0)
        return rc;
    int auto_bump = !tx->no_bump && (s->edit_state & SDPXI_SESSION_AUTO_BUMP) &&
                    !(s->edit_state & SDPXI_SESSION_BUMPED);
    if (auto_bump && tx->changed && !tx->bumped) {
        /* JSEP 5.2.2 / RFC 3264 8: a changed description gets a new sess-version */
        int brc = sdpxi_bump_version(tx);
        /* no o= line, or a version that is not a number: nothing to bump */
        if (brc < 0 && brc != SDPX_ENOTFOUND && brc != SDPX_EFIELD)
            return brc;
    }
    size_t session_lines = tx->nwork && tx->work[0].lines ? tx->work[0].n : s->sec.n;
    if (!start_kept(s, session_lines, tx->media ? tx->nmedia : s->nmedia))
        return sdpxi_refuse(s, SDPX_EINVAL, 0,
                            "the description has no v= line: it must keep starting at an m= line");
    /* Commit: from here on nothing allocates or fails. Handles into the
     * arrays the working copies replace go stale. */
    for (size_t k = 0; k < tx->nwork; k++) {
        if (!tx->work[k].lines)
            continue;
        if (k == 0) {
            sdpxi_section_retire(&s->sec);
            s->sec = tx->work[0];
        } else {
            sdpxi_section_retire(&s->media[k - 1]->sec);
            s->media[k - 1]->sec = tx->work[k];
            sdpxi_media_forget_codecs(s->media[k - 1]);
        }
    }
    if (tx->media) {
        /* a section left out of the new order is removed: its handle goes stale */
        for (size_t i = 0; i < s->nmedia; i++)
            s->media[i]->removed = 1;
        for (size_t i = 0; i < tx->nmedia; i++)
            tx->media[i]->removed = 0;
        for (size_t i = 0; i < s->nmedia; i++) {
            if (s->media[i]->removed) {
                sdpxi_media_forget_codecs(s->media[i]);
                sdpxi_section_retire(&s->media[i]->sec);
                s->media[i]->sec.n = 0; /* readers see an empty section */
                s->media[i]->sec.cap = 0;
            }
        }
        s->media = tx->media;
        s->nmedia = tx->nmedia;
        s->media_cap = tx->media_cap;
        for (size_t i = 0; i < s->nmedia; i++) {
            s->media[i]->index = i;
            s->media[i]->session = s;
        }
    }
    if (!tx->no_bump && (s->edit_state & SDPXI_SESSION_AUTO_BUMP) && tx->changed)
        s->edit_state |= SDPXI_SESSION_BUMPED;
    if (tx->changed)
        sdpxi_maybe_compact(s);
    return rc;
}

/* ---- the sess-version bump (JSEP, RFC 9429 5.2.2) ---------------------- */

/* Build the o= line of section r with sess-version plus one (no change to
 * r); sets *at to its index. */
static int bumped_origin(sdpxi_tx *tx, const sdpxi_section *r, size_t *at, sdpx_line *out)
{
    size_t idx = SIZE_MAX;
    for (size_t i = 0; i < r->n && idx == SIZE_MAX; i++)
        if (r->lines[i].type == 'o')
            idx = i;
    if (idx == SIZE_MAX)
        return SDPX_ENOTFOUND;
    sdpx_str value = sdpx_line_value(&r->lines[idx]);
    sdpx_origin o;
    if (sdpx_origin_parse(value, &o) || !sdpxi_all_digits(o.sess_version))
        return SDPX_EFIELD;
    char *digits = sdpxi_arena_alloc(&tx->s->arena, o.sess_version.len + 1);
    if (!digits)
        return sdpxi_tx_nomem(tx);
    size_t n = o.sess_version.len;
    memcpy(digits + 1, o.sess_version.ptr, n);
    size_t i = n + 1;
    while (--i >= 1) {
        if (digits[i] != '9') {
            digits[i]++;
            break;
        }
        digits[i] = '0';
    }
    sdpx_str ver = i == 0 ? (digits[0] = '1', sdpxi_str(digits, n + 1)) : sdpxi_str(digits + 1, n);
    const char *vend = o.sess_version.ptr + o.sess_version.len;
    sdpx_str parts[3] = {sdpxi_str(value.ptr, (size_t)(o.sess_version.ptr - value.ptr)), ver,
                         sdpxi_str(vend, (size_t)(value.ptr + value.len - vend))};
    *at = idx;
    return sdpxi_tx_line(tx, 'o', parts, 3, out);
}

int sdpxi_bump_version(sdpxi_tx *tx)
{
    size_t idx;
    sdpx_line l;
    int rc = bumped_origin(tx, sdpxi_tx_read(tx, NULL), &idx, &l);
    if (rc)
        return rc;
    sdpxi_section *w = sdpxi_tx_write(tx, NULL);
    if (!w)
        return sdpxi_tx_nomem(tx);
    sdpxi_sec_set(w, idx, &l);
    tx->bumped = 1;
    return 0;
}

/* ---- a one-line edit in place --------------------------------------------- */

/* One line inserted, replaced or removed in a live section, in place: the
 * lesser cost for the edits servers repeat (a candidate at a time). All
 * memory is taken first (the new line, the bumped o= line, and a larger
 * array when the section is full: its first insertion copies it, then the
 * capacity doubles), so a failure changes nothing. */
int sdpxi_edit_line(sdpx_session *s, sdpx_media *m, int op, size_t pos, const sdpx_line *l)
{
    if (m && m->removed)
        return SDPX_ESTALE;
    if (!m && op == SDPXI_OP_INSERT && !start_kept(s, s->sec.n + 1, s->nmedia))
        return sdpxi_refuse(s, SDPX_EINVAL, 0,
                            "the description has no v= line: it must keep starting at an m= line");
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    sdpxi_section *sec = m ? &m->sec : &s->sec;
    sdpx_line bump;
    size_t bidx;
    int want_bump = (s->edit_state & SDPXI_SESSION_AUTO_BUMP) && !(s->edit_state & SDPXI_SESSION_BUMPED);
    if (want_bump) {
        int rc = bumped_origin(&tx, &s->sec, &bidx, &bump);
        if (rc == SDPX_ENOTFOUND || rc == SDPX_EFIELD)
            want_bump = 0;
        else if (rc)
            return rc;
    }
    /* A replace, or an append with room, changes the array in place and every
     * handle stays good. Any other insert, and a remove, would shift lines
     * under their handles: the lines go to a new array instead (doubled when
     * full), and handles into the old one answer SDPX_ESTALE. */
    int in_place = op == SDPXI_OP_REPLACE || (op == SDPXI_OP_INSERT && pos == sec->n && sec->n < sec->cap);
    sdpxi_section moved = *sec;
    if (!in_place) {
        if (op == SDPXI_OP_INSERT && sec->n == sec->cap)
            moved.cap = sec->cap ? sec->cap * 2 : 8;
        moved.lines = sdpxi_arena_alloc(&s->arena, moved.cap * sizeof *moved.lines);
        if (!moved.lines)
            return sdpxi_tx_nomem(&tx);
        SDPXI_OPS(sec->n);
        if (sec->n)
            memcpy(moved.lines, sec->lines, sec->n * sizeof *moved.lines);
    }
    /* from here on nothing fails */
    if (m)
        sdpxi_media_forget_codecs(m);
    if (op == SDPXI_OP_REPLACE) {
        sdpx_line nl = *l;
        sdpx_line *old = &sec->lines[pos];
        /* a replaced text an edit made, when the new one fits, takes the new
         * bytes, and the new copy goes back to the arena: replacing one line
         * over and over does not grow the session */
        if ((old->flags & SDPXI_LINE_EDITED) && nl.len <= old->len && nl.text != old->text &&
            sdpxi_arena_unalloc(&s->arena, (void *)(uintptr_t)nl.text, (size_t)nl.len + 1)) {
            char *keep = (char *)(uintptr_t)old->text;
            memmove(keep, nl.text, nl.len);
            keep[nl.len] = '\0';
            nl.text = keep;
        }
        sdpxi_sec_set(sec, pos, &nl);
    } else {
        if (!in_place)
            sdpxi_section_retire(sec);
        if (op == SDPXI_OP_INSERT)
            sdpxi_tx_insert(&tx, &moved, pos, l);
        else
            sdpxi_sec_remove(&moved, pos);
        *sec = moved;
    }
    if (want_bump) {
        /* the o= line may have moved (or gone) with the edit of the session level */
        for (size_t i = 0; i < s->sec.n; i++, SDPXI_OPS(1)) {
            if (s->sec.lines[i].type == 'o') {
                sdpxi_sec_set(&s->sec, i, &bump);
                break;
            }
        }
        (void)bidx;
    }
    if (s->edit_state & SDPXI_SESSION_AUTO_BUMP)
        s->edit_state |= SDPXI_SESSION_BUMPED;
    if (op != SDPXI_OP_REPLACE)
        sdpxi_maybe_compact(s); /* a replace keeps every handle: it never compacts */
    return 0;
}

/* ---- reasons ----------------------------------------------------------- */

void sdpxi_edit_begin(sdpx_session *s)
{
    memset(&s->last_error, 0, sizeof s->last_error);
}

int sdpxi_refuse(sdpx_session *s, int code, size_t col, const char *fmt, ...)
{
    char msg[sizeof s->last_error.msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sdpxi_error_set(&s->last_error, code, 0, col > UINT_MAX ? UINT_MAX : (unsigned)col, "%s",
                    msg);
    return code;
}

static const char *byte_name(char c)
{
    return c == '\r' ? "a CR" : c == '\n' ? "an LF" : c == '\0' ? "a NUL" : "a space";
}

int sdpxi_arg_text(sdpx_session *s, const char *arg, sdpx_str v, char type)
{
    for (size_t i = 0; i < v.len; i++) {
        char c = v.ptr[i];
        if (c == '\r' || c == '\n' || c == '\0') {
            sdpxi_refuse(s, SDPX_EINVAL, i + 1,
                         "%s: byte %zu is %s, which would end the new %c= line there and start "
                         "another",
                         arg, i + 1, byte_name(c), type);
            return 0;
        }
    }
    return 1;
}

int sdpxi_arg_token(sdpx_session *s, const char *arg, sdpx_str v)
{
    if (sdpxi_is_token(v))
        return 1;
    if (v.len == 0) {
        sdpxi_refuse(s, SDPX_EINVAL, 0, "%s: empty, a token is needed", arg);
        return 0;
    }
    size_t i = 0;
    while (i < v.len && sdpxi_is_token(sdpxi_str(v.ptr + i, 1)))
        i++;
    char q[48];
    sdpxi_quote(q, sizeof q, v, 32);
    unsigned char c = (unsigned char)v.ptr[i < v.len ? i : 0];
    sdpxi_refuse(s, SDPX_EINVAL, i + 1, "%s \"%s\": byte %zu (0x%02x) is not a token character", arg,
                 q, i + 1, c);
    return 0;
}

const sdpx_error *sdpx_session_last_error(const sdpx_session *s)
{
    if (!s)
        return NULL;
    return &s->last_error;
}
