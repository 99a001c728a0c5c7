/* Line primitives of the edit layer: building a line, inserting, replacing
 * and sweeping lines of a section, a one-line edit in place, and where a new
 * line goes in the RFC 8866 order. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>

#include "edit.h"

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
    sdpxi_out o = {buf, SDPXI_U64_BUF, 0}; /* the attribute layer's digits */
    sdpxi_out_u64(&o, v);
    return sdpxi_str(buf, sdpxi_out_end(&o));
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

/* ---- positions (the parser's RFC 8866 order: sdpxi_line_rank) ------------ */

size_t sdpxi_insert_pos(const sdpxi_section *sec, int media, char type)
{
    int want = sdpxi_line_rank(media, type);
    size_t pos = sec->n ? 1 : 0;
    for (size_t i = 1; i < sec->n; i++, SDPXI_OPS(1)) {
        int r = sdpxi_line_rank(media, sec->lines[i].type);
        if (r && r <= want)
            pos = i + 1;
    }
    return pos;
}

/* Every line at or after pos with a known rank must rank at least `type`'s,
 * so an insertion keeps the RFC 8866 order. */
int sdpxi_pos_keeps_order(const sdpxi_section *sec, int media, size_t pos, char type)
{
    int want = sdpxi_line_rank(media, type);
    if (pos == 0)
        return 0;
    for (size_t i = pos; i < sec->n; i++, SDPXI_OPS(1)) {
        int r = sdpxi_line_rank(media, sec->lines[i].type);
        if (r && r < want)
            return 0;
    }
    for (size_t i = 1; i < pos; i++) {
        int r = sdpxi_line_rank(media, sec->lines[i].type);
        if (r > want)
            return 0;
    }
    return 1;
}
