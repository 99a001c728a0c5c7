/* Internal structures shared by the library's source files. Not installed. */
#ifndef SDPX_INTERNAL_H
#define SDPX_INTERNAL_H

#include "sdp.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- arena: one per session ------------------------------------------ */

typedef struct sdpxi_block sdpxi_block;

typedef struct sdpxi_arena {
    char *cur;              /* next free byte of the current block */
    size_t left;            /* bytes left in it */
    sdpxi_block *blocks;    /* heap blocks, newest first */
    sdpx_allocator alloc;
    int no_heap;
} sdpxi_arena;

#define SDPXI_ALIGN 8u
#define SDPXI_ALIGN_UP(n) (((n) + (SDPXI_ALIGN - 1)) & ~(size_t)(SDPXI_ALIGN - 1))

void sdpxi_arena_init(sdpxi_arena *a, const sdpx_allocator *alloc, int no_heap,
                      void *region, size_t size);
void *sdpxi_arena_alloc(sdpxi_arena *a, size_t n);
char *sdpxi_arena_strdup(sdpxi_arena *a, const char *p, size_t n);
/* Release every heap block; the arena (and what lives in it) is gone after. */
void sdpxi_arena_release(sdpxi_arena *a);
/* A heap block from `al` with n usable bytes, for the session's first region. */
void *sdpxi_block_new(const sdpx_allocator *al, size_t n);
/* Make the arena own a block from sdpxi_block_new (released with it). */
void sdpxi_arena_adopt(sdpxi_arena *a, void *usable);
void *sdpxi_default_alloc(void *ctx, size_t n);
void sdpxi_default_release(void *ctx, void *p, size_t n);

/* ---- the model -------------------------------------------------------- */

enum {
    SDPXI_LINE_HAS_VALUE = 1u << 0, /* a= line with ':' */
    SDPXI_LINE_EDITED = 1u << 1     /* text was produced by an edit */
};

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
};

/* Fill the derived fields of a line (type, kind, namelen, flags) from its text. */
void sdpxi_line_classify(sdpx_line *l);

/* Index of `after` in `sec` plus one, or 0 when after is NULL / not in it. */
size_t sdpxi_section_start(const sdpxi_section *sec, const sdpx_line *after);

/* ---- errors ----------------------------------------------------------- */

/* Fill *e (if not NULL) with code, position and a printf-style message. */
void sdpxi_error_set(sdpx_error *e, int code, unsigned line, unsigned col,
                     const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Print at most `max` bytes of a view into a message, escaping control bytes. */
size_t sdpxi_quote(char *dst, size_t cap, sdpx_str s, size_t max);

/* ---- small helpers ---------------------------------------------------- */

static inline sdpx_str sdpxi_str(const char *p, size_t n)
{
    sdpx_str s;
    s.ptr = p;
    s.len = n;
    return s;
}

static inline int sdpxi_is_digit(int c) { return c >= '0' && c <= '9'; }

/* Parse a whole view as an unsigned number no larger than max. */
int sdpxi_parse_uint(sdpx_str s, uint64_t max, uint64_t *out);

/* Attribute registry (src/attr/registry.c). */
enum {
    SDPXI_SCOPE_SESSION = 1u << 0,
    SDPXI_SCOPE_MEDIA = 1u << 1,
    SDPXI_FLAG_PROPERTY = 1u << 2 /* takes no value */
};
unsigned sdpxi_attr_scope(sdpx_attr_kind kind);

/*
 * Value validator of one attribute kind, used by strict mode and lint. Gets
 * the value after ':'; returns 0, or a negative code with *off set to the
 * offset of the offending byte within the value and a message in msg
 * (naming the offending token). Validators are the typed decoders.
 */
typedef int (*sdpxi_attr_check_fn)(sdpx_str value, size_t *off, char *msg, size_t cap);

/* Check an attribute's value against its kind's grammar: presence of a value
 * (property attributes take none) and the kind's validator, if it has one. */
int sdpxi_attr_check(sdpx_attr_kind kind, int has_value, sdpx_str value, size_t *off,
                     char *msg, size_t cap);

/* snprintf-style output for the attribute encoders (src/attr/encode.c). */
typedef struct sdpxi_out {
    char *buf;
    size_t cap;
    size_t len; /* bytes the full text needs so far */
} sdpxi_out;
void sdpxi_out_mem(sdpxi_out *o, const char *p, size_t n);
void sdpxi_out_cstr(sdpxi_out *o, const char *s);
void sdpxi_out_str(sdpxi_out *o, sdpx_str s);
void sdpxi_out_u64(sdpxi_out *o, uint64_t v);
/* NUL-terminate (when cap > 0) and return the full length. */
size_t sdpxi_out_end(sdpxi_out *o);

#endif
