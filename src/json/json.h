/* The JSON layer's private header: values, the sdp-transform grammar table
 * and JavaScript's number and string conversions. The layer sits on the
 * public API only (sdp.h); nothing here reaches into the model. */
#ifndef SDPX_JSON_INTERNAL_H
#define SDPX_JSON_INTERNAL_H

#include "sdp.h"

#include <stddef.h>
#include <string.h>

/* ---- values: the reader's tree, and captured fields seen as values ---- */

typedef enum {
    SDPXI_JV_UNDEF = 0, /* an absent key (JavaScript's undefined) */
    SDPXI_JV_NULL,
    SDPXI_JV_FALSE,
    SDPXI_JV_TRUE,
    SDPXI_JV_NUM, /* s/n: the number's text */
    SDPXI_JV_STR, /* s/n: the decoded bytes (UTF-8) */
    SDPXI_JV_ARR,
    SDPXI_JV_OBJ
} sdpxi_jv_type;

typedef struct sdpxi_jv {
    sdpxi_jv_type type;
    const char *s;
    size_t n;
    const char *key; /* member name inside an object */
    size_t keylen;
    size_t off;      /* byte offset in the JSON text */
    struct sdpxi_jv *kid;  /* first element or member */
    struct sdpxi_jv *next; /* next sibling */
} sdpxi_jv;

/* The member `key` of object o, or NULL (also when o is not an object). */
const sdpxi_jv *sdpxi_jv_get(const sdpxi_jv *o, const char *key);

/* JavaScript's ToBoolean and `!= null` on a value (NULL counts as undefined). */
int sdpxi_jv_truthy(const sdpxi_jv *v);
static inline int sdpxi_jv_present(const sdpxi_jv *v)
{
    return v && v->type != SDPXI_JV_UNDEF && v->type != SDPXI_JV_NULL;
}

/* Read JSON text into a tree in one allocation (*mem, freed by the caller).
 * Returns 0 with *root set, or a code with err filled (byte offset). */
int sdpxi_json_read(const char *buf, size_t len, size_t max_depth, size_t max_values,
                    const sdpxi_jv **root, void **mem, sdpx_error *err);

/* ---- JavaScript numbers ------------------------------------------------ */

/* 1 when String(Number(s)) === s (sdp-transform's toIntIfInt). */
int sdpxi_js_canonical_number(const char *s, size_t n);
/* Number-to-String of x into buf (at least 32 bytes); returns the length. */
size_t sdpxi_js_number_text(double x, char *buf);
/* JavaScript's Number(string). */
double sdpxi_js_string_to_number(const char *s, size_t n);

/* ---- a growing output buffer (snprintf rules: counts past cap) -------- */

typedef struct sdpxi_out {
    char *buf;
    size_t cap;
    size_t len;  /* bytes the full output needs */
    int grow;    /* 1: buf is malloc'd and grows; 0: fixed */
    int failed;  /* a growth failed */
    const char *cmp; /* when set: compare with cmp[0..cmplen) instead of writing */
    size_t cmplen;
    int differs;
} sdpxi_out;

void sdpxi_out_put_slow(sdpxi_out *o, const char *p, size_t n);
/* The common case inline: room in the buffer (fixed or grown). */
static inline void sdpxi_out_put(sdpxi_out *o, const char *p, size_t n)
{
    if (!o->cmp && o->len + n < o->cap) {
        memcpy(o->buf + o->len, p, n);
        o->len += n;
    } else
        sdpxi_out_put_slow(o, p, n);
}
static inline void sdpxi_out_c(sdpxi_out *o, char c)
{
    if (!o->cmp && o->len + 1 < o->cap)
        o->buf[o->len++] = c;
    else
        sdpxi_out_put_slow(o, &c, 1);
}
void sdpxi_out_s(sdpxi_out *o, const char *cstr);
/* A JSON string literal of the bytes (JSON.stringify's escapes; invalid
 * UTF-8 becomes U+FFFD per maximal subpart, as the WHATWG decoder does). */
void sdpxi_out_json_str(sdpxi_out *o, const char *p, size_t n);

/* ---- the sdp-transform grammar ----------------------------------------- */

#define SDPXI_JSON_MAX_NAMES 13

/* A member key as the compact writer copies it: "name": (quotes and colon
 * included) at the start of a fixed block, so one fixed-size copy writes it
 * (a name longer than SDPXI_KEY_BLOCK - 3 bytes does not compile). */
#define SDPXI_KEY_BLOCK 24
typedef struct sdpxi_key {
    char text[SDPXI_KEY_BLOCK];
    unsigned char len;
} sdpxi_key;
#define SDPXI_KEY(name) {"\"" name "\":", sizeof name + 2}

/* One rule of sdp-transform's grammar, in its order. */
typedef struct sdpxi_rule {
    char type;                 /* line letter */
    const char *key;           /* name (one value or one object) or push (array) key */
    unsigned char push;        /* 1: each line is an element of an array */
    unsigned char nnames;      /* 0: the value is the first capture */
    const char *const *names;  /* field names, capture order */
    const sdpxi_key *keys;     /* the same names as keys */
    const char *kinds;         /* per name: 'd' written with %d, 's' with %s */
    const char *prefix;        /* the literal the content starts with ("" none) */
    /* Match content; fill caps[0..] (ptr NULL: the group did not take part). */
    int (*match)(const char *p, size_t n, sdpx_str *caps);
    /* The format string for an object (compat: sdp-transform's; lossless:
     * without its shifted or "undefined" fields). */
    const char *(*format)(const sdpxi_jv *o, int lossless, char *tmp);
    const char *fmt;           /* the constant format when format is NULL */
} sdpxi_rule;

extern const sdpxi_rule sdpxi_rules[];
extern const size_t sdpxi_nrules;
#define SDPXI_RULE_NONE 255
/* Rows the writers name: the m= line, then the two arrays every media
 * object starts with, and the catch-all (tests/test_json.c checks them). */
enum { SDPXI_RULE_M = 12, SDPXI_RULE_RTP = 13, SDPXI_RULE_FMTP = 14 };
#define SDPXI_RULE_INVALID ((unsigned)sdpxi_nrules - 1)

/* The first rule of line type `type` whose pattern matches the content, or
 * SDPXI_RULE_NONE (sdp-transform drops the line). */
unsigned sdpxi_rule_find(char type, const char *p, size_t n, sdpx_str *caps);
/* The same for an a= line whose content p[0..n) starts with the name of its
 * registry kind, followed by ':' when has_value, else nothing: only the
 * rules that can match a line of that kind are tried. */
unsigned sdpxi_rule_find_kind(sdpx_attr_kind kind, int has_value, const char *p, size_t n,
                              sdpx_str *caps);

/* Format a line from a rule, as sdp-transform's makeLine and format():
 * `loc` is the element (push) or the level object; writes "x=..." without
 * a line ending. */
void sdpxi_rule_write(sdpxi_out *o, const sdpxi_rule *r, const sdpxi_jv *fields, int lossless);

/* Build a value for a captured field as toIntIfInt gives it (into *v). */
void sdpxi_capture_value(sdpx_str cap, int lossless, sdpxi_jv *v);

#endif
