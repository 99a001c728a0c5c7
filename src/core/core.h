/* The core layer (src/core/): the model (lines, sections, media, session in
 * one arena), the parser that builds it and the writer that serialises it.
 * What it offers the layers above: the model's structures and the line
 * classification edits reuse. Not installed. */
#ifndef SDPX_CORE_H
#define SDPX_CORE_H

#include "attr.h"

#include <stdatomic.h>

enum {
    SDPXI_LINE_HAS_VALUE = 1u << 0, /* a= line with ':' */
    SDPXI_LINE_EDITED = 1u << 1,    /* text was produced by an edit */
    SDPXI_LINE_DROP = 1u << 2,      /* marked for removal by the sweep of an edit */
    SDPXI_LINE_STALE = 1u << 3      /* in an array an edit replaced: the handle is stale */
};

/* A parsed line indented by spaces or tabs (SDPX_W_INDENT) keeps the
 * indentation's length in the top bits of its flags: `text` starts at the
 * type letter, the indentation is the bytes just before it. */
#define SDPXI_INDENT_SHIFT 4u
#define SDPXI_INDENT_MAX 15u
_Static_assert((unsigned)SDPXI_LINE_STALE < (1u << SDPXI_INDENT_SHIFT),
               "the indentation bits overlap the line flags");
_Static_assert((SDPXI_INDENT_MAX << SDPXI_INDENT_SHIFT) <= 0xffu, "the indentation fits the flags");

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

/* sdpx_line_text and sdpx_attr_value of a line that is not NULL, inline for
 * the loops over a section's lines (the writer, the codec view); a stale
 * handle reads as an absent line, as there. */
static inline sdpx_str sdpxi_line_text(const struct sdpx_line *l)
{
    if (l->flags & SDPXI_LINE_STALE)
        return sdpxi_str(NULL, 0);
    size_t indent = sdpxi_line_indent(l);
    return sdpxi_str(l->text - indent, l->len + indent);
}

static inline sdpx_str sdpxi_attr_value(const struct sdpx_line *l)
{
    if (l->flags & SDPXI_LINE_STALE)
        return sdpxi_str(NULL, 0);
    if (l->type != 'a' || !(l->flags & SDPXI_LINE_HAS_VALUE))
        return sdpxi_str(l->text + l->len, 0);
    size_t off = 2 + (size_t)l->namelen + 1;
    return sdpxi_str(l->text + off, l->len - off);
}

typedef struct sdpxi_section {
    sdpx_line *lines;
    uint32_t n;
    uint32_t cap;
} sdpxi_section;

/* A media section's codec index (src/view/codec.c): built on the first
 * codec read, dropped by every edit of the section. One block from the
 * session's allocator that starts with its size (a size_t), so this layer
 * can release it. */
typedef struct sdpxi_codec_index sdpxi_codec_index;

struct sdpx_media {
    sdpx_session *session;
    sdpxi_section sec;
    size_t index;
    int removed; /* taken out of its session: edits answer SDPX_ESTALE */
    sdpx_media *pinned_next; /* made by an edit: its own block, listed from s->pinned */
    /* Readers of one session may run in parallel threads, and the first
     * one to need the index publishes it: an atomic pointer. */
    sdpxi_codec_index *_Atomic codecs;
};

struct sdpx_session {
    sdpxi_arena arena;
    sdpxi_section sec;
    sdpx_media **media;
    size_t nmedia;
    size_t media_cap;
    unsigned parse_flags;   /* the SDPX_PARSE_* flags it was parsed with */
    unsigned edit_state;    /* SDPXI_SESSION_* bits of the edit layer (src/edit/edit.h) */
    sdpx_error last_error; /* why the last edit was refused (sdpx_session_last_error) */
    /* compaction (src/core/compact.c) */
    const char *input;      /* the parse's copy of the input (lines' text points into it) */
    size_t input_len;
    void *region_block;     /* the parse's heap block (kept), or NULL for scratch */
    sdpx_media *pinned;     /* media sections edits created, each its own block */
    void *media_chunks;     /* blocks of parsed media records past the parse's estimate,
                             * chained through their first pointer (parse.c) */
    size_t compact_at;      /* arena bytes in use that trigger the next compaction */
};

/* Init the fields of a new media section after session, sec and index. */
void sdpxi_media_init(sdpx_media *m);

/* Drop m's codec index (its section changed). */
void sdpxi_media_forget_codecs(sdpx_media *m);

/* ---- memory of long-lived sessions (src/core/compact.c) ---------------- */

/* A new media section record that never moves: its own heap block (or the
 * arena for NO_HEAP sessions). NULL when out of memory. */
sdpx_media *sdpxi_media_new(sdpx_session *s);
/* Release the blocks of sdpxi_media_new (sdpx_session_free). */
void sdpxi_release_pinned(sdpx_session *s);
/* An edit replaced this array of line records: mark them, so handles into
 * it answer SDPX_ESTALE. */
void sdpxi_section_retire(sdpxi_section *sec);
/* After an edit: compact when the arena holds more than twice what the last
 * compaction kept (amortised O(1) per edit). */
void sdpxi_maybe_compact(sdpx_session *s);

/* A line type's position in the RFC 8866 5 order of the session part
 * (media 0) or of a media section (media 1); 0 where it is not allowed.
 * r= shares t='s rank (it follows its t=). The parser's table. */
int sdpxi_line_rank(int media, char type);

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
