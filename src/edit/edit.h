/* The edit layer's interface (src/edit/): transactions and line primitives shared by
 * the edit files, redaction and trickle application, and by the layers above
 * (src/nego/, src/json/). Not installed.
 *
 * Edits that change several lines run as a transaction: they copy the
 * sections they change into the arena (working copies), build every new
 * line there, and only when all of that succeeded swap the copies in (no
 * allocation after the first change is visible). Single-line edits (add,
 * insert, replace, remove one line) work in place instead: they take all
 * their memory first (the line, the bumped o= line, a doubled array when the
 * section is full), then change the section. Either way a failed edit leaves
 * the session as it was: the arena bytes it used are merely unreachable. */
#ifndef SDPX_EDIT_H
#define SDPX_EDIT_H

#include "view.h"

/* The session's edit state (sdpx_session.edit_state). */
#define SDPXI_SESSION_AUTO_BUMP (1u << 0) /* SDPX_EDIT_BUMP_VERSION is on */
#define SDPXI_SESSION_BUMPED (1u << 1)    /* ... and sess-version was bumped */

typedef struct sdpxi_tx {
    sdpx_session *s;
    sdpxi_section *work; /* [0] session, [1 + i] media i; lines == NULL: untouched */
    size_t nwork;
    sdpx_media **media;  /* new media order, NULL while unchanged */
    size_t nmedia;
    size_t media_cap;
    int changed;         /* something will change on commit */
    int stale;           /* asked to write a removed media section */
    int bumped;          /* this edit rewrote sess-version itself */
    int no_bump;         /* not an edit of the description (redaction): never bump */
} sdpxi_tx;

/* Every edit of a media section first refuses a removed one. */
#define SDPXI_CHECK_MEDIA(m)                                                            \
    do {                                                                                \
        if ((m) && (m)->removed)                                                        \
            return SDPX_ESTALE;                                                         \
    } while (0)

/* Start an edit of s. Returns 0 (cannot fail: allocation is lazy). */
void sdpxi_tx_begin(sdpxi_tx *tx, sdpx_session *s);

/* Finish: when rc >= 0, bump sess-version if the session asks for it, then
 * commit. Returns rc, or the code of a failed bump (nothing committed). */
int sdpxi_tx_end(sdpxi_tx *tx, int rc);

/* The code for an arena failure: SDPX_ESCRATCH for NO_HEAP sessions. */
int sdpxi_tx_nomem(const sdpxi_tx *tx);

/* A section for reading (m NULL: the session level): the working copy
 * when there is one, else the live section. */
const sdpxi_section *sdpxi_tx_read(const sdpxi_tx *tx, const sdpx_media *m);

/* A section for writing: the working copy, made on first use. NULL when
 * the arena is out of memory (see sdpxi_tx_nomem). */
sdpxi_section *sdpxi_tx_write(sdpxi_tx *tx, sdpx_media *m);

/* The media order as this edit sees it. */
size_t sdpxi_tx_media_count(const sdpxi_tx *tx);
sdpx_media *sdpxi_tx_media_at(const sdpxi_tx *tx, size_t i);

/* Build a new line "<type>=<parts...>" in the arena. Refuses CR, LF and NUL
 * in any part (SDPX_EINVAL). The line is classified and flagged EDITED. */
int sdpxi_tx_line(sdpxi_tx *tx, char type, const sdpx_str *parts, size_t nparts,
                  sdpx_line *out);

/* Insert *l at pos of a working section (growing it in the arena). */
int sdpxi_tx_insert(sdpxi_tx *tx, sdpxi_section *sec, size_t pos, const sdpx_line *l);

/* Replace the line at pos of a working section by "<same type>=<parts...>". */
int sdpxi_tx_set(sdpxi_tx *tx, sdpxi_section *sec, size_t pos, const sdpx_str *parts, size_t nparts);

/* Replace the line at pos (keeps its line ending). */
void sdpxi_sec_set(sdpxi_section *sec, size_t pos, const sdpx_line *l);

/* Remove the line at pos. */
void sdpxi_sec_remove(sdpxi_section *sec, size_t pos);

/* Removing many lines is one pass: mark each line to remove (indexes stay
 * as they are), then sweep the section once, which keeps the order of the
 * rest. A helper that marks sweeps before it returns. */
static inline void sdpxi_sec_mark(sdpxi_section *sec, size_t pos)
{
    sec->lines[pos].flags |= SDPXI_LINE_DROP;
}
void sdpxi_sec_sweep(sdpxi_section *sec);

/* Build a=<name>[:<value>] after checking the name (token), the value (no
 * CR/LF/NUL) and, for a known kind, its grammar. */
int sdpxi_attr_line(sdpxi_tx *tx, const char *name, sdpx_str value, int has_value, sdpx_line *l);

/* A single-line edit of a live section, in place, allocation first. */
enum { SDPXI_OP_INSERT, SDPXI_OP_REPLACE, SDPXI_OP_REMOVE };
int sdpxi_edit_line(sdpx_session *s, sdpx_media *m, int op, size_t pos, const sdpx_line *l);

/* Build and insert an attribute line "a=name[:value]" (value may be NULL). */
int sdpxi_tx_add_attr(sdpxi_tx *tx, sdpxi_section *sec, size_t pos, const char *name,
                      sdpx_str value, int has_value);

/* Remove every line of `kind` from the section of m (NULL: session). Returns the count. */
int sdpxi_tx_remove_kind(sdpxi_tx *tx, sdpx_media *m, sdpx_attr_kind kind);

/* Replace every attribute of `kind` in the section of m (NULL: session) by
 * a=<name>:<value> (the first takes the new text, the others go); returns how
 * many sections held one. The _everywhere form does it at every level. */
int sdpxi_tx_replace_kind(sdpxi_tx *tx, sdpx_media *m, sdpx_attr_kind kind, const char *name,
                          sdpx_str value);
int sdpxi_tx_replace_everywhere(sdpxi_tx *tx, sdpx_attr_kind kind, const char *name, sdpx_str value);

/* Where a new line of `type` goes in a section, following RFC 8866 5 order;
 * whether `pos` keeps that order. */
size_t sdpxi_insert_pos(const sdpxi_section *sec, int media, char type);
int sdpxi_pos_keeps_order(const sdpxi_section *sec, int media, size_t pos, char type);

/* Raise o= sess-version by one in this edit (JSEP: as decimal text, any length). */
int sdpxi_bump_version(sdpxi_tx *tx);

/* Make the media order of the edit writable (a copy with room for one more). */
int sdpxi_tx_media_write(sdpxi_tx *tx);

/* Remove media section m from the working media order (and its mid from
 * every a=group, RFC 8843 7.3.3). */
int sdpxi_tx_media_remove(sdpxi_tx *tx, sdpx_media *m);

/* Remove `mid` from every a=group line; a group left empty goes. */
int sdpxi_tx_group_remove_mid(sdpxi_tx *tx, sdpx_str mid);

/* The value of the section's first a=mid, or an empty view. */
sdpx_str sdpxi_section_mid(const sdpxi_section *sec);

/* Rewrite the m= line of a working section with new fields (views). */
int sdpxi_tx_set_mline(sdpxi_tx *tx, sdpxi_section *sec, const sdpx_mline *ml, sdpx_str port);

/* The same for ml as sdpx_mline_parse read the section's m= line, with
 * formats replaced by payload types in decimal, space-separated, at least
 * one: the same results, without reading the new line back. */
int sdpxi_tx_set_mline_pts(sdpxi_tx *tx, sdpxi_section *sec, const sdpx_mline *ml);

/* ---- reasons (sdpx_session_last_error) ---------------------------------- */

/* Start a public edit: forget the reason of an earlier refusal. */
void sdpxi_edit_begin(sdpx_session *s);

/* Record why an edit is refused: `code`, the 1-based byte `col` of the
 * offending argument (0: none), and a message; returns `code`. */
int sdpxi_refuse(sdpx_session *s, int code, size_t col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* 1 when argument `arg` holds no CR, LF or NUL; else records which byte it
 * is and that it would break the new <type>= line, and returns 0. */
int sdpxi_arg_text(sdpx_session *s, const char *arg, sdpx_str v, char type);

/* 1 when argument `arg` is a token (RFC 8866 9); else records the first
 * byte outside the grammar and returns 0. */
int sdpxi_arg_token(sdpx_session *s, const char *arg, sdpx_str v);

/* ---- validation -------------------------------------------------------- */

/* 1 when the text holds no CR, LF or NUL. */
int sdpxi_text_ok(sdpx_str s);

/* The form of an address: 4 (IPv4 dotted quad), 6 (IPv6), 'f' (FQDN), or 0. */
int sdpxi_addr_form(sdpx_str s);

/* A C string as a view (NULL gives an empty view). */
static inline sdpx_str sdpxi_cstr(const char *p)
{
    return sdpxi_str(p ? p : "", p ? strlen(p) : 0);
}

/* Format a number into buf (SDPXI_U64_BUF bytes: 20 digits and a NUL);
 * returns the view. */
#define SDPXI_U64_BUF 21u
sdpx_str sdpxi_u64_str(char *buf, uint64_t v);

#endif
