/* The edit API's primitives: transactions over working copies of sections,
 * attribute and line edits, media sections, and the RFC 8866 lines
 * (o= s= i= c= b= t= k= m=). Helpers built on these live in edit_*.c. */
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
static int media_write(sdpxi_tx *tx)
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

static int bump_version(sdpxi_tx *tx);

int sdpxi_tx_end(sdpxi_tx *tx, int rc)
{
    sdpx_session *s = tx->s;
    if (rc < 0)
        return rc;
    int auto_bump = (s->parse_flags & SDPXI_SESSION_AUTO_BUMP) &&
                    !(s->parse_flags & SDPXI_SESSION_BUMPED);
    if (auto_bump && tx->changed && !tx->bumped) {
        /* JSEP 5.2.2 / RFC 3264 8: a changed description gets a new sess-version */
        int brc = bump_version(tx);
        /* no o= line, or a version that is not a number: nothing to bump */
        if (brc < 0 && brc != SDPX_ENOTFOUND && brc != SDPX_EFIELD)
            return brc;
    }
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
    if ((s->parse_flags & SDPXI_SESSION_AUTO_BUMP) && tx->changed)
        s->parse_flags |= SDPXI_SESSION_BUMPED;
    if (tx->changed)
        sdpxi_maybe_compact(s);
    return rc;
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

/* ---- lines ------------------------------------------------------------- */

int sdpxi_text_ok(sdpx_str s)
{
    for (size_t i = 0; i < s.len; i++) {
        char c = s.ptr[i];
        if (c == '\r' || c == '\n' || c == '\0')
            return 0;
    }
    return 1;
}

int sdpxi_tx_line(sdpxi_tx *tx, char type, const sdpx_str *parts, size_t nparts, sdpx_line *out)
{
    size_t len = 2;
    for (size_t i = 0; i < nparts; i++) {
        /* RFC 8866 9: text fields are byte-strings without NUL, CR and LF */
        if (!sdpxi_arg_text(tx->s, "value", parts[i], type))
            return SDPX_EINVAL;
        if (parts[i].len > SDPX_DEFAULT_MAX_LINE_LEN)
            return sdpxi_refuse(tx->s, SDPX_ELIMIT, 0, "value: %zu bytes, over the %zu-byte line limit",
                                parts[i].len, (size_t)SDPX_DEFAULT_MAX_LINE_LEN);
        len += parts[i].len;
    }
    /* a line the default parser limits refuse would make the result unreadable */
    if (len > SDPX_DEFAULT_MAX_LINE_LEN)
        return sdpxi_refuse(tx->s, SDPX_ELIMIT, 0, "the new %c= line would be %zu bytes, over the %zu-byte line limit",
                            type, len, (size_t)SDPX_DEFAULT_MAX_LINE_LEN);
    char *text = sdpxi_arena_alloc(&tx->s->arena, len + 1);
    if (!text)
        return sdpxi_tx_nomem(tx);
    text[0] = type;
    text[1] = '=';
    size_t o = 2;
    for (size_t i = 0; i < nparts; i++) {
        if (parts[i].len)
            memcpy(text + o, parts[i].ptr, parts[i].len);
        o += parts[i].len;
    }
    text[o] = '\0';
    memset(out, 0, sizeof *out);
    out->text = text;
    out->len = (uint32_t)len;
    out->lineno = 0;
    out->type = type;
    out->eol = SDPX_EOL_CRLF;
    out->flags = SDPXI_LINE_EDITED;
    sdpxi_line_classify(out);
    return 0;
}

int sdpxi_tx_set(sdpxi_tx *tx, sdpxi_section *sec, size_t pos, const sdpx_str *parts, size_t nparts)
{
    sdpx_line l;
    int rc = sdpxi_tx_line(tx, sec->lines[pos].type, parts, nparts, &l);
    if (rc)
        return rc;
    sdpxi_sec_set(sec, pos, &l);
    return 0;
}

int sdpxi_tx_insert(sdpxi_tx *tx, sdpxi_section *sec, size_t pos, const sdpx_line *l)
{
    if (sec->n == sec->cap) {
        uint32_t cap = sec->cap ? sec->cap * 2 : 8;
        sdpx_line *lines = sdpxi_arena_alloc(&tx->s->arena, cap * sizeof *lines);
        if (!lines)
            return sdpxi_tx_nomem(tx);
        SDPXI_OPS(sec->n);
        if (sec->n)
            memcpy(lines, sec->lines, sec->n * sizeof *lines);
        sec->lines = lines;
        sec->cap = cap;
    }
    SDPXI_OPS(sec->n - pos);
    memmove(&sec->lines[pos + 1], &sec->lines[pos], (sec->n - pos) * sizeof *l);
    sec->lines[pos] = *l;
    sec->n++;
    /* A file that uses bare LF keeps doing so with SDPX_WRITE_KEEP_LF. */
    const sdpx_line *near = pos > 0 ? &sec->lines[pos - 1] : pos + 1 < sec->n ? &sec->lines[pos + 1] : NULL;
    if (near && near->eol == SDPX_EOL_LF)
        sec->lines[pos].eol = SDPX_EOL_LF;
    tx->changed = 1;
    return 0;
}

void sdpxi_sec_set(sdpxi_section *sec, size_t pos, const sdpx_line *l)
{
    uint8_t eol = sec->lines[pos].eol;
    sec->lines[pos] = *l;
    sec->lines[pos].eol = eol == SDPX_EOL_LF ? eol : SDPX_EOL_CRLF;
}

void sdpxi_sec_remove(sdpxi_section *sec, size_t pos)
{
    SDPXI_OPS(sec->n - pos);
    memmove(&sec->lines[pos], &sec->lines[pos + 1], (sec->n - pos - 1) * sizeof *sec->lines);
    sec->n--;
}

void sdpxi_sec_sweep(sdpxi_section *sec)
{
    uint32_t k = 0;
    SDPXI_OPS(sec->n);
    for (uint32_t i = 0; i < sec->n; i++)
        if (!(sec->lines[i].flags & SDPXI_LINE_DROP))
            sec->lines[k++] = sec->lines[i];
    sec->n = k;
}


sdpx_str sdpxi_u64_str(char *buf, uint64_t v)
{
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
    return sdpxi_str(buf, n);
}

int sdpxi_addr_form(sdpx_str s)
{
    switch (sdpx_address_family(s)) {
    case SDPX_ADDR_IP4: return 4;
    case SDPX_ADDR_IP6: return 6;
    case SDPX_ADDR_FQDN:
    case SDPX_ADDR_MDNS: return 'f';
    default: return 0;
    }
}

/* ---- positions --------------------------------------------------------- */

static int session_rank(char c)
{
    static const char order[] = "vosiuepcbtrzka";
    const char *p = c ? strchr(order, c) : NULL;
    if (!p)
        return 0;
    int r = (int)(p - order) + 1;
    return c == 'r' ? r - 1 : r; /* r= lines belong to their t= */
}

static int media_rank(char c)
{
    static const char order[] = "mickba";
    const char *p = c ? strchr(order, c) : NULL;
    if (!p)
        return 0;
    /* RFC 8866 5: m= i= c= b= k= a= */
    switch (c) {
    case 'm': return 1;
    case 'i': return 2;
    case 'c': return 3;
    case 'b': return 4;
    case 'k': return 5;
    default: return 6;
    }
}

size_t sdpxi_insert_pos(const sdpxi_section *sec, int media, char type)
{
    int want = media ? media_rank(type) : session_rank(type);
    size_t pos = sec->n ? 1 : 0;
    for (size_t i = 1; i < sec->n; i++, SDPXI_OPS(1)) {
        int r = media ? media_rank(sec->lines[i].type) : session_rank(sec->lines[i].type);
        if (r && r <= want)
            pos = i + 1;
    }
    return pos;
}

/* Every line at or after pos with a known rank must rank at least `type`'s,
 * so an insertion keeps the RFC 8866 order. */
static int pos_keeps_order(const sdpxi_section *sec, int media, size_t pos, char type)
{
    int want = media ? media_rank(type) : session_rank(type);
    if (pos == 0)
        return 0;
    for (size_t i = pos; i < sec->n; i++, SDPXI_OPS(1)) {
        int r = media ? media_rank(sec->lines[i].type) : session_rank(sec->lines[i].type);
        if (r && r < want)
            return 0;
    }
    for (size_t i = 1; i < pos; i++) {
        int r = media ? media_rank(sec->lines[i].type) : session_rank(sec->lines[i].type);
        if (r > want)
            return 0;
    }
    return 1;
}

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
    else if (!pos_keeps_order(sec, m != NULL, pos, 'a'))
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

/* ---- single lines: i= c= k= s= ------------------------------------------ */

/* Replace the first line of `type` with "<type>=<parts>" (removing any
 * further ones when `only` is set), or insert it at its RFC 8866 place;
 * nparts == 0 removes every line of the type. */
static int tx_set_line(sdpxi_tx *tx, sdpx_media *m, char type, const sdpx_str *parts,
                       size_t nparts, int only)
{
    sdpx_line l;
    int rc;
    if (nparts) {
        rc = sdpxi_tx_line(tx, type, parts, nparts, &l);
        if (rc)
            return rc;
    }
    const sdpxi_section *r = sdpxi_tx_read(tx, m);
    size_t first = SIZE_MAX;
    for (size_t i = 1; i < r->n && first == SIZE_MAX; i++)
        if (r->lines[i].type == type)
            first = i;
    if (first == SIZE_MAX && !nparts)
        return 0;
    sdpxi_section *w = sdpxi_tx_write(tx, m);
    if (!w)
        return sdpxi_tx_nomem(tx);
    if (first == SIZE_MAX)
        return sdpxi_tx_insert(tx, w, sdpxi_insert_pos(w, m != NULL, type), &l);
    for (size_t i = first + 1; i < w->n; i++, SDPXI_OPS(1))
        if (w->lines[i].type == type && (only || !nparts))
            sdpxi_sec_mark(w, i);
    if (nparts)
        sdpxi_sec_set(w, first, &l);
    else
        sdpxi_sec_mark(w, first);
    sdpxi_sec_sweep(w);
    return 0;
}

static int set_line(sdpx_session *s, sdpx_media *m, char type, const sdpx_str *parts,
                    size_t nparts, int only)
{
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    return sdpxi_tx_end(&tx, tx_set_line(&tx, m, type, parts, nparts, only));
}

/* RFC 8866 5.4: i=<session description>, a non-empty text */
static int set_info(sdpx_session *s, sdpx_media *m, const char *text)
{
    sdpx_str t = sdpxi_cstr(text);
    if (text && t.len == 0)
        return sdpxi_refuse(s, SDPX_EINVAL, 0, "text: empty; i= needs a text (NULL removes it)");
    if (text && !sdpxi_arg_text(s, "text", t, 'i'))
        return SDPX_EINVAL;
    return set_line(s, m, 'i', &t, text ? 1 : 0, 1);
}

int sdpx_session_set_info(sdpx_session *s, const char *text)
{
    if (!s)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    return set_info(s, NULL, text);
}

int sdpx_media_set_info(sdpx_media *m, const char *text)
{
    if (!m)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    return set_info(m->session, m, text);
}

/* RFC 8866 5.12: k=<method> / k=<method>:<encryption key> */
static int set_key(sdpx_session *s, sdpx_media *m, const char *value)
{
    sdpx_str v = sdpxi_cstr(value);
    if (value) {
        sdpx_key k;
        if (!sdpxi_arg_text(s, "value", v, 'k'))
            return SDPX_EINVAL;
        if (sdpx_key_parse(v, &k) || !sdpxi_arg_token(s, "key method", k.method))
            return sdpxi_refuse(s, SDPX_EINVAL, 0, "value: not <method>[:<key>] (RFC 8866 5.12)");
    }
    return set_line(s, m, 'k', &v, value ? 1 : 0, 1);
}

int sdpx_session_set_key(sdpx_session *s, const char *value)
{
    if (!s)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    return set_key(s, NULL, value);
}

int sdpx_media_set_key(sdpx_media *m, const char *value)
{
    if (!m)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    return set_key(m->session, m, value);
}

/* RFC 8866 5.7: c=<nettype> <addrtype> <connection-address>, exactly three
 * fields; with IN, IP4 takes a dotted quad or FQDN, IP6 an IPv6 address or FQDN. */
static int connection_ok(sdpx_str v)
{
    sdpx_connection c;
    sdpx_str rest = v, f;
    int n = 0;
    while (sdpx_field_next(&rest, &f))
        n++;
    if (n != 3 || !sdpxi_text_ok(v) || sdpx_connection_parse(v, &c))
        return 0;
    if (!sdpxi_is_token(c.nettype) || !sdpxi_is_token(c.addrtype))
        return 0;
    if (!sdpx_str_eq(c.nettype, "IN"))
        return 1;
    int form = sdpxi_addr_form(c.address);
    if (sdpx_str_eq(c.addrtype, "IP4"))
        return form == 4 || form == 'f';
    if (sdpx_str_eq(c.addrtype, "IP6"))
        return form == 6 || form == 'f';
    return 0;
}

static int set_connection(sdpx_session *s, sdpx_media *m, const char *value)
{
    sdpx_str v = sdpxi_cstr(value);
    if (value && !sdpxi_arg_text(s, "value", v, 'c'))
        return SDPX_EINVAL;
    if (value && !connection_ok(v))
        return sdpxi_refuse(s, SDPX_EINVAL, 0,
                            "value: not \"IN IP4|IP6 <address>\" with an address of that family "
                            "(RFC 8866 5.7)");
    return set_line(s, m, 'c', &v, value ? 1 : 0, 1);
}

int sdpx_session_set_connection(sdpx_session *s, const char *value)
{
    if (!s)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    return set_connection(s, NULL, value);
}

int sdpx_media_set_connection(sdpx_media *m, const char *value)
{
    if (!m)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    return set_connection(m->session, m, value);
}

/* RFC 8866 5.3: s=<session name>, non-empty ("s= " when there is none) */
int sdpx_session_set_name(sdpx_session *s, const char *name)
{
    if (!s || !name)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    sdpx_str t = sdpxi_cstr(name);
    if (t.len == 0)
        return sdpxi_refuse(s, SDPX_EINVAL, 0, "name: empty; s= needs a text (\"-\" for none)");
    if (!sdpxi_arg_text(s, "name", t, 's'))
        return SDPX_EINVAL;
    return set_line(s, NULL, 's', &t, 1, 1);
}

/* RFC 8866 5.9: t=<start-time> <stop-time>; only the first t= changes. */
int sdpx_session_set_timing(sdpx_session *s, uint64_t start, uint64_t stop)
{
    if (!s)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    char a[24], b[24];
    sdpx_str parts[3] = {sdpxi_u64_str(a, start), sdpxi_str(" ", 1), sdpxi_u64_str(b, stop)};
    return set_line(s, NULL, 't', parts, 3, 0);
}

/* ---- b= ---------------------------------------------------------------- */

/* The bwtype of a b= line: the part before ':' (RFC 8866 5.8). */
static sdpx_str bw_type(const sdpx_line *l)
{
    sdpx_str v = sdpx_line_value(l);
    const char *colon = v.len ? memchr(v.ptr, ':', v.len) : NULL;
    return sdpxi_str(v.ptr, colon ? (size_t)(colon - v.ptr) : v.len);
}

static int bw_match(const sdpx_line *l, sdpx_str type)
{
    if (l->type != 'b')
        return 0;
    sdpx_str t = bw_type(l);
    return type.len == 0 || (t.len == type.len && !memcmp(t.ptr, type.ptr, t.len));
}

/* RFC 8866 5.8: b=<bwtype>:<bandwidth>; one line per bwtype. value NULL
 * removes the lines of the type (every b= line when type is empty). */
static int tx_set_bandwidth(sdpxi_tx *tx, sdpx_media *m, sdpx_str type, const uint64_t *value)
{
    sdpx_line l;
    char num[24];
    if (value) {
        sdpx_str parts[3] = {type, sdpxi_str(":", 1), sdpxi_u64_str(num, *value)};
        int rc = sdpxi_tx_line(tx, 'b', parts, 3, &l);
        if (rc)
            return rc;
    }
    const sdpxi_section *r = sdpxi_tx_read(tx, m);
    int found = 0;
    for (size_t i = 1; i < r->n; i++, SDPXI_OPS(1))
        found += bw_match(&r->lines[i], type);
    if (!found && !value)
        return 0;
    sdpxi_section *w = sdpxi_tx_write(tx, m);
    if (!w)
        return sdpxi_tx_nomem(tx);
    size_t first = SIZE_MAX;
    for (size_t i = 1; i < w->n; i++, SDPXI_OPS(1)) {
        if (!bw_match(&w->lines[i], type))
            continue;
        if (first == SIZE_MAX && value)
            first = i; /* the first one takes the new value, the others go */
        else
            sdpxi_sec_mark(w, i);
    }
    if (first != SIZE_MAX)
        sdpxi_sec_set(w, first, &l);
    sdpxi_sec_sweep(w);
    if (!value)
        return found;
    if (first != SIZE_MAX)
        return 0;
    return sdpxi_tx_insert(tx, w, sdpxi_insert_pos(w, m != NULL, 'b'), &l);
}

static int set_bandwidth(sdpx_session *s, sdpx_media *m, const char *type, const uint64_t *value)
{
    sdpx_str t = sdpxi_cstr(type);
    if ((type || value) && !sdpxi_is_token(t))
        return SDPX_EINVAL;
    if (memchr(t.ptr, ':', t.len))
        return SDPX_EINVAL;
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    return sdpxi_tx_end(&tx, tx_set_bandwidth(&tx, m, t, value));
}

int sdpx_session_set_bandwidth(sdpx_session *s, const char *type, uint64_t value)
{
    if (!s || !type)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    return set_bandwidth(s, NULL, type, &value);
}

int sdpx_media_set_bandwidth(sdpx_media *m, const char *type, uint64_t value)
{
    if (!m || !type)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    return set_bandwidth(m->session, m, type, &value);
}

int sdpx_session_clear_bandwidth(sdpx_session *s, const char *type)
{
    if (!s)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    return set_bandwidth(s, NULL, type, NULL);
}

int sdpx_media_clear_bandwidth(sdpx_media *m, const char *type)
{
    if (!m)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    return set_bandwidth(m->session, m, type, NULL);
}

/* ---- o= ------------------------------------------------------------------ */

static int all_digits(sdpx_str s)
{
    if (s.len == 0)
        return 0;
    for (size_t i = 0; i < s.len; i++)
        if (!sdpxi_is_digit(s.ptr[i]))
            return 0;
    return 1;
}

/* RFC 8866 5.2: sess-version is a number; it grows as text, so a value of
 * any length increments (a carry out of the first digit prepends a 1). */
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
    if (sdpx_origin_parse(value, &o) || !all_digits(o.sess_version))
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

static int bump_version(sdpxi_tx *tx)
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

/* One line inserted, replaced or removed in a live section, in place: the
 * lesser cost for the edits servers repeat (a candidate at a time). All
 * memory is taken first (the new line, the bumped o= line, and a larger
 * array when the section is full: its first insertion copies it, then the
 * capacity doubles), so a failure changes nothing. */
int sdpxi_edit_line(sdpx_session *s, sdpx_media *m, int op, size_t pos, const sdpx_line *l)
{
    if (m && m->removed)
        return SDPX_ESTALE;
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    sdpxi_section *sec = m ? &m->sec : &s->sec;
    sdpx_line bump;
    size_t bidx;
    int want_bump = (s->parse_flags & SDPXI_SESSION_AUTO_BUMP) && !(s->parse_flags & SDPXI_SESSION_BUMPED);
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
    if (s->parse_flags & SDPXI_SESSION_AUTO_BUMP)
        s->parse_flags |= SDPXI_SESSION_BUMPED;
    if (op != SDPXI_OP_REPLACE)
        sdpxi_maybe_compact(s); /* a replace keeps every handle: it never compacts */
    return 0;
}

int sdpx_session_bump_version(sdpx_session *s)
{
    if (!s)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    return sdpxi_tx_end(&tx, bump_version(&tx));
}

int sdpx_session_set_edit_flags(sdpx_session *s, unsigned flags)
{
    if (!s)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    if (flags & ~(unsigned)SDPX_EDIT_BUMP_VERSION)
        return SDPX_EINVAL;
    s->parse_flags &= ~(SDPXI_SESSION_AUTO_BUMP | SDPXI_SESSION_BUMPED);
    if (flags & SDPX_EDIT_BUMP_VERSION)
        s->parse_flags |= SDPXI_SESSION_AUTO_BUMP;
    return 0;
}

/* A field given by the caller, or the current one when its ptr is NULL. */
static sdpx_str pick(sdpx_str given, sdpx_str current)
{
    return given.ptr ? given : current;
}

int sdpx_session_set_origin(sdpx_session *s, const sdpx_origin *o)
{
    if (!s || !o)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    sdpx_origin cur;
    memset(&cur, 0, sizeof cur);
    int rc = sdpx_session_origin(s, &cur);
    if (rc && rc != SDPX_ENOTFOUND)
        return rc;
    sdpx_origin n;
    n.username = pick(o->username, cur.username);
    n.sess_id = pick(o->sess_id, cur.sess_id);
    n.sess_version = pick(o->sess_version, cur.sess_version);
    n.nettype = pick(o->nettype, cur.nettype);
    n.addrtype = pick(o->addrtype, cur.addrtype);
    n.address = pick(o->address, cur.address);
    /* RFC 8866 5.2: username has no spaces ("-" when none), the ids are
     * numbers, nettype/addrtype tokens, the address a unicast address. */
    if (!sdpxi_is_token(n.username) || !all_digits(n.sess_id) || !all_digits(n.sess_version) ||
        !sdpxi_is_token(n.nettype) || !sdpxi_is_token(n.addrtype) ||
        !sdpxi_text_ok(n.address) || n.address.len == 0 || memchr(n.address.ptr, ' ', n.address.len))
        return SDPX_EINVAL;
    if (sdpx_str_eq(n.nettype, "IN")) {
        int form = sdpxi_addr_form(n.address);
        if (sdpx_str_eq(n.addrtype, "IP4") ? !(form == 4 || form == 'f')
            : sdpx_str_eq(n.addrtype, "IP6") ? !(form == 6 || form == 'f') : 1)
            return SDPX_EINVAL;
    }
    sdpx_str sp = sdpxi_str(" ", 1);
    sdpx_str parts[11] = {n.username, sp, n.sess_id, sp, n.sess_version, sp,
                          n.nettype, sp, n.addrtype, sp, n.address};
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    rc = tx_set_line(&tx, NULL, 'o', parts, 11, 1);
    if (!rc && o->sess_version.ptr)
        tx.bumped = 1; /* the caller chose the version */
    return sdpxi_tx_end(&tx, rc);
}

/* ---- m= and media sections ---------------------------------------------- */

/* RFC 8866 5.14: <media> <port>[/<number of ports>] <proto> 1*(SP <fmt>) */
static int mline_ok(sdpx_str v, sdpx_mline *ml)
{
    if (!sdpxi_text_ok(v) || sdpx_mline_parse(v, ml))
        return 0;
    if (!sdpxi_is_token(ml->media) || ml->formats.len == 0)
        return 0;
    /* proto = token *("/" token) */
    sdpx_str p = ml->proto;
    for (size_t i = 0, start = 0; i <= p.len; i++) {
        if (i == p.len || p.ptr[i] == '/') {
            if (i == start || !sdpxi_is_token(sdpxi_str(p.ptr + start, i - start)))
                return 0;
            start = i + 1;
        }
    }
    sdpx_str rest = ml->formats, f;
    while (sdpx_field_next(&rest, &f))
        if (!sdpxi_is_token(f))
            return 0;
    return 1;
}

int sdpxi_tx_set_mline(sdpxi_tx *tx, sdpxi_section *sec, const sdpx_mline *ml, sdpx_str port)
{
    char cnt[24];
    sdpx_str sp = sdpxi_str(" ", 1);
    sdpx_str parts[8];
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
    sdpx_line l;
    sdpx_str all[10];
    memcpy(all, parts, n * sizeof *parts);
    all[n++] = sp;
    all[n++] = ml->formats;
    int rc = sdpxi_tx_line(tx, 'm', all, n, &l);
    if (rc)
        return rc;
    sdpx_mline check;
    if (!mline_ok(sdpx_line_value(&l), &check))
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
        while (ml.formats.len && ml.formats.ptr[0] == ' ') {
            ml.formats.ptr++;
            ml.formats.len--;
        }
        while (ml.formats.len && ml.formats.ptr[ml.formats.len - 1] == ' ')
            ml.formats.len--;
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
            if (id.len == mid.len && !memcmp(id.ptr, mid.ptr, mid.len))
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
            if (!(id.len == mid.len && !memcmp(id.ptr, mid.ptr, mid.len))) {
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
    int rc = media_write(tx);
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
    int rc = media_write(&tx);
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
    rc = media_write(&tx);
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
