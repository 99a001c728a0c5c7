/* Model -> bytes. Lines are written as they are held: untouched lines carry
 * their original bytes, edited lines the text their edit produced. */
#include "core.h"

#include <stdlib.h>

typedef struct {
    char *buf;
    size_t cap;
    size_t len;
    int last_lf;
    const char *run; /* parsed lines written as one block, NULL when none */
    size_t run_len;  /* its bytes so far, without the last line's ending */
    const char *eol; /* the ending still owed after the run's last line */
    size_t eol_len;
} writer;

static void put(writer *w, const char *p, size_t n)
{
    if (w->len < w->cap) {
        size_t room = w->cap - w->len;
        memcpy(w->buf + w->len, p, n < room ? n : room);
    }
    w->len += n;
}

static void flush_run(writer *w)
{
    if (w->run) {
        put(w, w->run, w->run_len);
        put(w, w->eol, w->eol_len);
        w->run = NULL;
    }
}

/* The ending (one or two bytes) at p is e: compared in place, as this runs
 * for every line and a memcmp call costs more than the bytes. */
static int same_eol(const char *p, const char *e, size_t n)
{
    return p[0] == e[0] && (n == 1 || p[1] == e[1]);
}

/* Parsed lines that follow each other in the input are copied in one block
 * with the endings between them, when the bytes between them are exactly the
 * ending owed: a removed line in between (an empty one after an LF makes a
 * 2-byte gap "\n\n") must not be copied back. */
static inline void put_line(writer *w, const sdpx_line *l, const char *eol, size_t eol_len)
{
    if (l->flags & SDPXI_LINE_EDITED) {
        flush_run(w);
        put(w, l->text, l->len);
        put(w, eol, eol_len);
        return;
    }
    /* an indented line's indentation is the input bytes just before its text */
    sdpx_str text = sdpxi_line_text(l);
    if (w->run && text.ptr == w->run + w->run_len + w->eol_len &&
        same_eol(w->run + w->run_len, w->eol, w->eol_len)) {
        w->run_len += w->eol_len + text.len;
    } else {
        flush_run(w);
        w->run = text.ptr;
        w->run_len = text.len;
    }
    w->eol = eol;
    w->eol_len = eol_len;
}

/* SDPX_WRITE_TIDY: a line without its indentation and trailing spaces and
 * tabs ("s= " keeps its space: RFC 8866 5.3), or nothing for a blank line or
 * one kept as text. */
static void put_tidy(writer *w, const sdpx_line *l, const char *eol, size_t eol_len)
{
    size_t n = l->len;
    if (l->type == 0)
        return;
    while (n > 3 && (l->text[n - 1] == ' ' || l->text[n - 1] == '\t'))
        n--;
    flush_run(w);
    put(w, l->text, n);
    put(w, eol, eol_len);
}

/* With KEEP_LF a line ending in LF keeps it, and so does a last line without
 * an ending that follows one; everything else ends in CRLF (RFC 8866 5). */
static void put_section(writer *w, const sdpxi_section *sec, unsigned flags)
{
    if (!(flags & (SDPX_WRITE_KEEP_LF | SDPX_WRITE_TIDY))) {
        /* every line ends in CRLF (last_lf is read with KEEP_LF only): the
         * loop most writes run, with the ending a constant */
        for (size_t i = 0; i < sec->n; i++)
            put_line(w, &sec->lines[i], "\r\n", 2);
        return;
    }
    for (size_t i = 0; i < sec->n; i++) {
        const sdpx_line *l = &sec->lines[i];
        int lf = 0;
        if (flags & SDPX_WRITE_KEEP_LF)
            lf = l->eol == SDPX_EOL_LF || (l->eol == SDPX_EOL_NONE && w->last_lf);
        if (flags & SDPX_WRITE_TIDY)
            put_tidy(w, l, lf ? "\n" : "\r\n", lf ? 1 : 2);
        else
            put_line(w, l, lf ? "\n" : "\r\n", lf ? 1 : 2);
        w->last_lf = lf;
    }
}

size_t sdpx_write(const sdpx_session *s, unsigned flags, char *buf, size_t cap)
{
    if (!s)
        return 0;
    if (!buf)
        cap = 0; /* measure */
    writer w = {buf, cap, 0, 0, NULL, 0, NULL, 0};
    put_section(&w, &s->sec, flags);
    for (size_t i = 0; i < s->nmedia; i++)
        put_section(&w, &s->media[i]->sec, flags);
    flush_run(&w);
    if (cap)
        buf[w.len < cap ? w.len : cap - 1] = '\0';
    return w.len;
}

char *sdpx_write_alloc(const sdpx_session *s, unsigned flags, size_t *len)
{
    if (!s)
        return NULL;
    size_t n = sdpx_write(s, flags, NULL, 0);
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    sdpx_write(s, flags, p, n + 1);
    if (len)
        *len = n;
    return p;
}

void sdpx_free(void *p)
{
    free(p);
}
