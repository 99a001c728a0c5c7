/* The core layer (src/core/): the model (lines, sections, media, session in
 * one arena), the parser that builds it and the writer that serialises it.
 * What it offers the layers above: the model's structures and the line
 * classification edits reuse. Not installed. */
#ifndef SDPX_CORE_H
#define SDPX_CORE_H

#include "attr.h"

enum {
    SDPXI_LINE_HAS_VALUE = 1u << 0, /* a= line with ':' */
    SDPXI_LINE_EDITED = 1u << 1     /* text was produced by an edit */
};

/* A parsed line indented by spaces or tabs (SDPX_W_INDENT) keeps the
 * indentation's length in the top bits of its flags: `text` starts at the
 * type letter, the indentation is the bytes just before it. */
#define SDPXI_INDENT_SHIFT 2u
#define SDPXI_INDENT_MAX 63u

struct sdpx_line {
    const char *text;  /* first byte of the line */
    uint32_t len;      /* bytes, without the line ending */
    uint32_t lineno;   /* 1-based; 0 for lines added by edits */
    uint32_t namelen;  /* a= lines: length of the name */
    uint8_t kind;      /* sdpx_attr_kind for a= lines */
    char type;         /* 'a'..'z', 0 for blank */
    uint8_t eol;       /* sdpx_eol */
    uint8_t flags;     /* SDPXI_LINE_* */
};

static inline size_t sdpxi_line_indent(const struct sdpx_line *l)
{
    return (size_t)(l->flags >> SDPXI_INDENT_SHIFT);
}

typedef struct sdpxi_section {
    sdpx_line *lines;
    uint32_t n;
    uint32_t cap;
} sdpxi_section;

struct sdpx_media {
    sdpx_session *session;
    sdpxi_section sec;
    size_t index;
};

struct sdpx_session {
    sdpxi_arena arena;
    sdpxi_section sec;
    sdpx_media **media;
    size_t nmedia;
    size_t media_cap;
    unsigned parse_flags;
    sdpx_error last_error; /* why the last edit was refused (sdpx_session_last_error) */
};

/* Fill the derived fields of a line (type, kind, namelen, flags) from its text. */
void sdpxi_line_classify(sdpx_line *l);

/* Where a search after `after` starts in `sec`: 0 for NULL, its index plus
 * one when it is a line of `sec`, sec->n (nothing left) otherwise. */
size_t sdpxi_section_start(const sdpxi_section *sec, const sdpx_line *after);

/* Fragment parsing (RFC 8840): no v=/o=/s=/t=, starts with any line. */
#define SDPXI_PARSE_FRAGMENT (1u << 29)

/* The quirks a parse refuses: the caller's bits, and with SDPX_PARSE_STRICT
 * those of the strict profile (src/core/quirks.c). */
uint32_t sdpxi_effective_refuse(unsigned flags, uint32_t refuse);

#endif
