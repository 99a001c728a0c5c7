/* The session model: sections of lines, lookup and iteration. */
#include "core.h"

#ifdef SDPX_COUNT_OPS
_Thread_local unsigned long long sdpxi_ops;
#endif

size_t sdpx_session_line_count(const sdpx_session *s)
{
    if (!s)
        return 0;
    return s->sec.n;
}

const sdpx_line *sdpx_session_line(const sdpx_session *s, size_t i)
{
    if (!s)
        return NULL;
    return i < s->sec.n ? &s->sec.lines[i] : NULL;
}

size_t sdpx_session_media_count(const sdpx_session *s)
{
    if (!s)
        return 0;
    return s->nmedia;
}

const sdpx_media *sdpx_session_media(const sdpx_session *s, size_t i)
{
    if (!s)
        return NULL;
    return i < s->nmedia ? s->media[i] : NULL;
}

sdpx_media *sdpx_session_media_mut(sdpx_session *s, size_t i)
{
    if (!s)
        return NULL;
    return i < s->nmedia ? s->media[i] : NULL;
}

size_t sdpx_media_line_count(const sdpx_media *m)
{
    if (!m)
        return 0;
    return m->sec.n;
}

const sdpx_line *sdpx_media_line(const sdpx_media *m, size_t i)
{
    if (!m)
        return NULL;
    return i < m->sec.n ? &m->sec.lines[i] : NULL;
}

size_t sdpx_media_index(const sdpx_media *m)
{
    if (!m)
        return 0;
    return m->removed ? SIZE_MAX : m->index;
}

const sdpx_session *sdpx_media_session(const sdpx_media *m)
{
    if (!m)
        return NULL;
    return m->session;
}

sdpx_session *sdpx_media_session_mut(sdpx_media *m)
{
    if (!m)
        return NULL;
    return m->session;
}

/* A handle into an array an edit replaced (SDPXI_LINE_STALE) reads as an
 * absent line. */
static int stale(const sdpx_line *l) { return (l->flags & SDPXI_LINE_STALE) != 0; }

char sdpx_line_type(const sdpx_line *l)
{
    if (!l || stale(l))
        return 0;
    return l->type;
}

sdpx_str sdpx_line_text(const sdpx_line *l)
{
    if (!l || stale(l))
        return sdpxi_str(NULL, 0);
    size_t indent = sdpxi_line_indent(l);
    return sdpxi_str(l->text - indent, l->len + indent);
}

sdpx_str sdpx_line_value(const sdpx_line *l)
{
    if (!l || stale(l))
        return sdpxi_str(NULL, 0);
    return l->type ? sdpxi_str(l->text + 2, l->len - 2) : sdpxi_str(l->text + l->len, 0);
}

unsigned sdpx_line_number(const sdpx_line *l)
{
    if (!l || stale(l))
        return 0;
    return l->lineno;
}

sdpx_eol sdpx_line_eol(const sdpx_line *l)
{
    if (!l || stale(l))
        return SDPX_EOL_NONE;
    return (sdpx_eol)l->eol;
}

sdpx_attr_kind sdpx_line_kind(const sdpx_line *l)
{
    if (!l || stale(l))
        return SDPX_ATTR_NONE;
    return (sdpx_attr_kind)l->kind;
}

sdpx_str sdpx_attr_name(const sdpx_line *l)
{
    if (!l || stale(l))
        return sdpxi_str(NULL, 0);
    if (l->type != 'a')
        return sdpxi_str(l->text, 0);
    return sdpxi_str(l->text + 2, l->namelen);
}

int sdpx_attr_has_value(const sdpx_line *l)
{
    if (!l || stale(l))
        return 0;
    return l->type == 'a' && (l->flags & SDPXI_LINE_HAS_VALUE) != 0;
}

sdpx_str sdpx_attr_value(const sdpx_line *l)
{
    if (!l || stale(l))
        return sdpxi_str(NULL, 0);
    if (!sdpx_attr_has_value(l))
        return sdpxi_str(l->text + l->len, 0);
    size_t off = 2 + (size_t)l->namelen + 1;
    return sdpxi_str(l->text + off, l->len - off);
}

size_t sdpxi_section_start(const sdpxi_section *sec, const sdpx_line *after)
{
    if (!after)
        return 0;
    /* integer compares: `after` may point into another array (a stale or
     * foreign handle), which then ends the search instead of restarting it */
    uintptr_t a = (uintptr_t)after, first = (uintptr_t)sec->lines;
    if (a < first || a >= first + (uintptr_t)sec->n * sizeof(sdpx_line))
        return sec->n;
    return (size_t)(after - sec->lines) + 1;
}

static const sdpx_line *find_type(const sdpxi_section *sec, char type, const sdpx_line *after)
{
    for (size_t i = sdpxi_section_start(sec, after); i < sec->n; i++, SDPXI_OPS(1))
        if (sec->lines[i].type == type)
            return &sec->lines[i];
    return NULL;
}

static const sdpx_line *find_kind(const sdpxi_section *sec, sdpx_attr_kind kind,
                                  const sdpx_line *after)
{
    for (size_t i = sdpxi_section_start(sec, after); i < sec->n; i++, SDPXI_OPS(1))
        if (sec->lines[i].type == 'a' && sec->lines[i].kind == kind)
            return &sec->lines[i];
    return NULL;
}

static const sdpx_line *find_name(const sdpxi_section *sec, const char *name,
                                  const sdpx_line *after)
{
    size_t n = strlen(name);
    for (size_t i = sdpxi_section_start(sec, after); i < sec->n; i++, SDPXI_OPS(1)) {
        const sdpx_line *l = &sec->lines[i];
        if (l->type == 'a' && l->namelen == n && memcmp(l->text + 2, name, n) == 0)
            return l;
    }
    return NULL;
}

const sdpx_line *sdpx_session_find_line(const sdpx_session *s, char type, const sdpx_line *after)
{
    if (!s)
        return NULL;
    return find_type(&s->sec, type, after);
}

const sdpx_line *sdpx_media_find_line(const sdpx_media *m, char type, const sdpx_line *after)
{
    if (!m)
        return NULL;
    return find_type(&m->sec, type, after);
}

const sdpx_line *sdpx_session_find_attr(const sdpx_session *s, sdpx_attr_kind kind,
                                        const sdpx_line *after)
{
    if (!s)
        return NULL;
    return find_kind(&s->sec, kind, after);
}

const sdpx_line *sdpx_media_find_attr(const sdpx_media *m, sdpx_attr_kind kind,
                                      const sdpx_line *after)
{
    if (!m)
        return NULL;
    return find_kind(&m->sec, kind, after);
}

const sdpx_line *sdpx_session_find_attr_name(const sdpx_session *s, const char *name,
                                             const sdpx_line *after)
{
    if (!s || !name)
        return NULL;
    return find_name(&s->sec, name, after);
}

const sdpx_line *sdpx_media_find_attr_name(const sdpx_media *m, const char *name,
                                           const sdpx_line *after)
{
    if (!m || !name)
        return NULL;
    return find_name(&m->sec, name, after);
}

int sdpx_session_origin(const sdpx_session *s, sdpx_origin *out)
{
    if (!s || !out)
        return SDPX_EINVAL;
    const sdpx_line *l = find_type(&s->sec, 'o', NULL);
    return l ? sdpx_origin_parse(sdpx_line_value(l), out) : SDPX_ENOTFOUND;
}

int sdpx_session_name(const sdpx_session *s, sdpx_str *out)
{
    if (!s || !out)
        return SDPX_EINVAL;
    const sdpx_line *l = find_type(&s->sec, 's', NULL);
    if (!l)
        return SDPX_ENOTFOUND;
    *out = sdpx_line_value(l);
    return 0;
}

int sdpx_media_connection(const sdpx_media *m, sdpx_connection *out)
{
    if (!m || !out)
        return SDPX_EINVAL;
    if (m->removed)
        return SDPX_ENOTFOUND;
    const sdpx_line *l = find_type(&m->sec, 'c', NULL);
    if (!l)
        l = find_type(&m->session->sec, 'c', NULL);
    return l ? sdpx_connection_parse(sdpx_line_value(l), out) : SDPX_ENOTFOUND;
}

int sdpx_media_mline(const sdpx_media *m, sdpx_mline *out)
{
    if (!m || !out)
        return SDPX_EINVAL;
    if (m->sec.n == 0)
        return SDPX_ENOTFOUND; /* a removed section */
    return sdpx_mline_parse(sdpx_line_value(&m->sec.lines[0]), out);
}

/* sdpx_attr_validate's answer for a caller's err: the check again, with its
 * message, at the offending byte's column. Kept apart so that the answer
 * alone needs no message buffer. */
#if defined(__GNUC__)
__attribute__((noinline)) /* else inlined, and its buffer costs every line a stack guard */
#endif
static int validate_report(const sdpx_line *l, int has_value, sdpx_str value, sdpx_error *err)
{
    char msg[128];
    size_t off;
    int rc = sdpxi_attr_check((sdpx_attr_kind)l->kind, has_value, value, &off, msg, sizeof msg);
    if (rc > 0)
        rc = SDPX_EVALUE; /* a tolerable quirk breaks the grammar all the same */
    if (rc) {
        sdpx_str text = sdpx_line_text(l);
        unsigned col = has_value ? (unsigned)(value.ptr + off - text.ptr) + 1
                                 : (unsigned)text.len + 1;
        sdpxi_error_set(err, rc, l->lineno, col, "%s", msg);
    }
    return rc;
}

int sdpx_attr_validate(const sdpx_line *l, sdpx_error *err)
{
    if (!l)
        return SDPX_EINVAL;
    if (l->type != 'a')
        return 0;
    /* sdpx_attr_has_value and sdpx_attr_value, read once (a stale handle
     * has no value) */
    int has_value = !stale(l) && (l->flags & SDPXI_LINE_HAS_VALUE) != 0;
    size_t voff = 2 + (size_t)l->namelen + 1;
    sdpx_str value = has_value ? sdpxi_str(l->text + voff, l->len - voff) : sdpxi_str(NULL, 0);
    if (err)
        return validate_report(l, has_value, value, err);
    size_t off;
    int rc = sdpxi_attr_check((sdpx_attr_kind)l->kind, has_value, value, &off, NULL, 0);
    return rc > 0 ? SDPX_EVALUE : rc; /* a tolerable quirk breaks the grammar all the same */
}
