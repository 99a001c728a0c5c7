/* Redaction for logs: addresses, ports, ICE credentials, fingerprints and
 * keys replaced by stable placeholders (the same value gets the same
 * placeholder within one description), the result still parseable. */
#include "edit.h"

#include <stdio.h>

/* The work of redaction's own loops, counted by the scaling test (which
 * builds the library with SDPXI_REDACT_OPS); nothing in a normal build. */
#ifdef SDPXI_REDACT_OPS
extern unsigned long long sdpxi_redact_ops;
#define OPS(n) (sdpxi_redact_ops += (unsigned long long)(n))
#else
#define OPS(n) ((void)0)
#endif

enum { MAP_ADDR, MAP_PORT, MAP_UFRAG, MAP_PWD, MAP_FP, MAP_KEY, MAP_COUNT };

/* A value seen so far and its placeholder; also a node of the map's tree. */
typedef struct {
    sdpx_str from;
    sdpx_str to;
    size_t child[2]; /* entry index + 1; 0 is none */
    unsigned level;  /* AA-tree level, 1 for a leaf */
} map_entry;

/* Values seen so far, in a balanced search tree (an AA tree) ordered by
 * their bytes. No hashing: input cannot be chosen to make it slow. Each
 * lookup compares the value with O(log n) others, so redaction of N bytes
 * holding n values takes O(N log n). */
typedef struct {
    map_entry *e; /* e[0] unused: index 0 is "none" */
    size_t n, cap;
    size_t root;
} value_map;

/* The parts of the line being rebuilt, shared by every line. */
typedef struct {
    sdpx_str *parts;
    size_t n, cap;
    const char *last; /* end of the original text copied so far */
    const char *end;
    int changed;
} rebuild;

typedef struct {
    sdpxi_tx *tx;
    value_map maps[MAP_COUNT];
    rebuild b;
    int count; /* values replaced */
} redactor;

/* Grow an arena array of `size`-byte items to hold `need`, doubling. The
 * arena does not free, so doubling keeps the waste within the final size. */
static int grow(redactor *r, void **arr, size_t *cap, size_t used, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : 16;
    while (c < need) {
        if (c > SIZE_MAX / 2 / size)
            return sdpxi_tx_nomem(r->tx);
        c *= 2;
    }
    void *p = sdpxi_arena_alloc(&r->tx->s->arena, c * size);
    if (!p)
        return sdpxi_tx_nomem(r->tx);
    if (used)
        memcpy(p, *arr, used * size);
    *arr = p;
    *cap = c;
    return 0;
}

/* Placeholders that still parse and say what they hide: documentation
 * addresses (RFC 5737, RFC 3849), reserved names (RFC 6761), high ports.
 * Each is written into the arena at its exact length. */
static int make_placeholder(redactor *r, int kind, sdpx_str from, size_t n, sdpx_str *to)
{
    sdpxi_arena *a = &r->tx->s->arena;
    char buf[64]; /* numbers and fixed words only; never a copy of `from` */
    int len = 0;
    switch (kind) {
    case MAP_ADDR: {
        int form = sdpxi_addr_form(from);
        if (form == 4)
            len = n <= 254 ? snprintf(buf, sizeof buf, "192.0.2.%zu", n)
                           : snprintf(buf, sizeof buf, "198.18.%zu.%zu", (n >> 8) & 255, n & 255);
        else if (form == 6)
            len = snprintf(buf, sizeof buf, "2001:db8::%zx", n & 0xffff);
        else if (from.len > 6 && sdpx_str_ieq(sdpxi_str(from.ptr + from.len - 6, 6), ".local"))
            len = snprintf(buf, sizeof buf, "redacted-%zu.local", n);
        else
            len = snprintf(buf, sizeof buf, "host-%zu.invalid", n);
        break;
    }
    case MAP_PORT:
        len = snprintf(buf, sizeof buf, "%zu", 10000 + n % 50000);
        break;
    case MAP_UFRAG: /* RFC 8839 5.4: 4-256 ice-chars */
        len = snprintf(buf, sizeof buf, "ufrag%zu", n);
        break;
    case MAP_PWD: /* RFC 8839 5.4: 22-256 ice-chars */
        len = snprintf(buf, sizeof buf, "redactedpassword%06zu", n);
        break;
    case MAP_FP: { /* the same hash name and byte count, bytes 00..00 NN */
        static const char hex[] = "0123456789ABCDEF";
        sdpx_fingerprint f;
        if (sdpx_fingerprint_parse(from, &f) || f.len == 0)
            return SDPX_EINVAL;
        size_t name = f.hash_name.len, total = name + 3 * f.len; /* "NAME" + " XX" + ":XX"... */
        char *p = sdpxi_arena_alloc(a, total);
        if (!p)
            return sdpxi_tx_nomem(r->tx);
        memcpy(p, f.hash_name.ptr, name);
        for (size_t i = 0; i < f.len; i++) {
            unsigned b = i + 1 == f.len ? (unsigned)(n & 255) : i + 2 == f.len ? (unsigned)(n >> 8) & 255 : 0;
            p[name + 3 * i] = i ? ':' : ' ';
            p[name + 3 * i + 1] = hex[b >> 4];
            p[name + 3 * i + 2] = hex[b & 15];
        }
        OPS(f.len);
        *to = sdpxi_str(p, total);
        return 0;
    }
    default: { /* base64 key||salt: same length, same padding, any length */
        char digits[24];
        int dl = snprintf(digits, sizeof digits, "%zu", n);
        char *k = sdpxi_arena_alloc(a, from.len ? from.len : 1);
        if (!k)
            return sdpxi_tx_nomem(r->tx);
        size_t pad = 0;
        while (pad < from.len && from.ptr[from.len - 1 - pad] == '=')
            pad++;
        size_t body = from.len - pad;
        for (size_t i = 0; i < from.len; i++)
            k[i] = i >= body ? '=' : i + (size_t)dl >= body ? digits[i + (size_t)dl - body] : 'A';
        OPS(from.len);
        *to = sdpxi_str(k, from.len);
        return 0;
    }
    }
    if (len < 0 || (size_t)len >= sizeof buf)
        return SDPX_EINVAL; /* cannot happen: the words above are short */
    char *p = sdpxi_arena_strdup(a, buf, (size_t)len);
    if (!p)
        return sdpxi_tx_nomem(r->tx);
    *to = sdpxi_str(p, (size_t)len);
    return 0;
}

/* Values that identify nothing stay as they are. */
static int keep_as_is(int kind, sdpx_str v)
{
    if (kind == MAP_ADDR)
        return sdpx_str_eq(v, "0.0.0.0") || sdpx_str_eq(v, "::") || sdpx_str_eq(v, "127.0.0.1") ||
               sdpx_str_eq(v, "::1");
    if (kind == MAP_PORT)
        return sdpx_str_eq(v, "0") || sdpx_str_eq(v, "9"); /* rejected / discard (RFC 8839 4.2.1.2) */
    return v.len == 0;
}

/* Byte order, a prefix first; the bytes compared count as work. */
static int view_cmp(sdpx_str a, sdpx_str b)
{
    size_t n = a.len < b.len ? a.len : b.len, i = 0;
    while (i < n && a.ptr[i] == b.ptr[i])
        i++;
    OPS(i + 1);
    if (i < n)
        return (unsigned char)a.ptr[i] < (unsigned char)b.ptr[i] ? -1 : 1;
    return a.len < b.len ? -1 : a.len > b.len;
}

/* AA-tree rebalancing (Andersson 1993): a left child on the same level
 * rotates right; two right children on the same level rotate left and
 * go up one level. */
static size_t skew(map_entry *e, size_t t)
{
    size_t l = e[t].child[0];
    if (!l || e[l].level != e[t].level)
        return t;
    e[t].child[0] = e[l].child[1];
    e[l].child[1] = t;
    return l;
}

static size_t split(map_entry *e, size_t t)
{
    size_t r = e[t].child[1];
    if (!r || !e[r].child[1] || e[e[r].child[1]].level != e[t].level)
        return t;
    e[t].child[1] = e[r].child[0];
    e[r].child[0] = t;
    e[r].level++;
    return r;
}

/* Insert entry `fresh` (not yet in the tree) under t; the new subtree root.
 * Recursion depth is the tree's height, at most 2 log2(n + 1). */
static size_t tree_insert(map_entry *e, size_t t, size_t fresh)
{
    if (!t)
        return fresh;
    OPS(1);
    int dir = view_cmp(e[fresh].from, e[t].from) > 0;
    e[t].child[dir] = tree_insert(e, e[t].child[dir], fresh);
    return split(e, skew(e, t));
}

static int lookup(redactor *r, int kind, sdpx_str from, sdpx_str *to)
{
    value_map *m = &r->maps[kind];
    for (size_t t = m->root; t;) {
        OPS(1);
        int c = view_cmp(from, m->e[t].from);
        if (c == 0) {
            *to = m->e[t].to;
            return 0;
        }
        t = m->e[t].child[c > 0];
    }
    int rc = grow(r, (void **)&m->e, &m->cap, m->e ? m->n + 1 : 0, m->n + 2, sizeof *m->e);
    if (rc)
        return rc;
    rc = make_placeholder(r, kind, from, m->n + 1, to);
    if (rc)
        return rc;
    size_t fresh = ++m->n;
    memset(&m->e[fresh], 0, sizeof m->e[fresh]);
    m->e[fresh].from = from;
    m->e[fresh].to = *to;
    m->e[fresh].level = 1;
    m->root = tree_insert(m->e, m->root, fresh);
    return 0;
}

/* Rebuild a line's text as pieces: original text between replacements. */
static void rb_init(redactor *r, const sdpx_line *l)
{
    rebuild *b = &r->b;
    b->n = 0;
    b->last = l->text + 2;
    b->end = l->text + l->len;
    b->changed = 0;
}

/* Replace one field (every one asked for: the parts grow with the line). */
static int rb_replace(redactor *r, int kind, sdpx_str field)
{
    rebuild *b = &r->b;
    sdpx_str to;
    if (field.len == 0 || keep_as_is(kind, field))
        return 0;
    if (field.ptr < b->last) /* cannot happen: each line's fields are asked for in order */
        return SDPX_EINVAL;
    int rc = grow(r, (void **)&b->parts, &b->cap, b->n, b->n + 3, sizeof *b->parts);
    if (!rc)
        rc = lookup(r, kind, field, &to);
    if (rc)
        return rc;
    b->parts[b->n++] = sdpxi_str(b->last, (size_t)(field.ptr - b->last));
    b->parts[b->n++] = to;
    b->last = field.ptr + field.len;
    b->changed = 1;
    r->count++;
    return 0;
}

/* rb_replace reserved room for this last part. */
static int rb_commit(redactor *r, sdpxi_section *w, size_t idx)
{
    rebuild *b = &r->b;
    if (!b->changed)
        return 0;
    b->parts[b->n++] = sdpxi_str(b->last, (size_t)(b->end - b->last));
    OPS(b->n);
    return sdpxi_tx_set(r->tx, w, idx, b->parts, b->n);
}

/* The n-th space-separated field of a view (0-based), or an empty view. */
static sdpx_str field_at(sdpx_str v, int n)
{
    sdpx_str f = sdpxi_str(v.ptr, 0);
    for (int i = 0; i <= n; i++)
        if (!sdpx_field_next(&v, &f))
            return sdpxi_str(v.ptr, 0);
    return f;
}

/* A candidate the decoder refuses still hides its address and port. */
static int redact_bad_candidate(redactor *r, sdpx_str av)
{
    sdpx_str addr = field_at(av, 4), port = field_at(av, 5);
    uint64_t pn;
    int rc = 0;
    if (sdpxi_addr_form(addr))
        rc = rb_replace(r, MAP_ADDR, addr);
    if (!rc && sdpxi_parse_uint(port, 65535, &pn) == 0)
        rc = rb_replace(r, MAP_PORT, port);
    return rc;
}

/* The value after "rport", which comes after "typ TYPE" (and raddr). */
static int redact_rport(redactor *r, sdpx_str av, const sdpx_candidate *c)
{
    const char *from = c->type_name.ptr + c->type_name.len;
    sdpx_str scan = sdpxi_str(from, (size_t)(av.ptr + av.len - from)), f;
    while (sdpx_field_next(&scan, &f))
        if (sdpx_str_eq(f, "rport") && sdpx_field_next(&scan, &f))
            return rb_replace(r, MAP_PORT, f);
    return 0;
}

/* RFC 8839 5.1: address port typ type [raddr a] [rport p] ext... */
static int redact_candidate(redactor *r, sdpx_str av)
{
    sdpx_candidate c;
    if (sdpx_candidate_parse(av.ptr, av.len, &c))
        return redact_bad_candidate(r, av);
    int rc = rb_replace(r, MAP_ADDR, c.address);
    if (!rc)
        rc = rb_replace(r, MAP_PORT, field_at(av, 5));
    sdpx_str rest = c.extensions, name, val;
    if (c.has_raddr && !rc)
        rc = rb_replace(r, MAP_ADDR, c.raddr);
    if (c.has_rport && !rc)
        rc = redact_rport(r, av, &c);
    while (!rc && sdpx_candidate_ext_next(&rest, &name, &val) == 1)
        if (sdpx_str_eq(name, "ufrag"))
            rc = rb_replace(r, MAP_UFRAG, val);
    return rc;
}

/* RFC 3605 2.1: port [nettype addrtype address] */
static int redact_rtcp(redactor *r, sdpx_str av)
{
    int rc = rb_replace(r, MAP_PORT, field_at(av, 0));
    return rc ? rc : rb_replace(r, MAP_ADDR, field_at(av, 3));
}

/* RFC 8839 5.2: (component address port)... */
static int redact_remote_candidates(redactor *r, sdpx_str av)
{
    sdpx_str rest = av, f;
    int rc = 0;
    for (int i = 0; !rc && sdpx_field_next(&rest, &f); i++)
        if (i % 3)
            rc = rb_replace(r, i % 3 == 1 ? MAP_ADDR : MAP_PORT, f);
    return rc;
}

static int redact_fingerprint(redactor *r, sdpx_str av)
{
    sdpx_fingerprint f;
    return sdpx_fingerprint_parse(av, &f) ? 0 : rb_replace(r, MAP_FP, av);
}

/* RFC 4568 9.1: inline:<key||salt>[|lifetime][|mki] */
static int redact_crypto(redactor *r, sdpx_str av)
{
    sdpx_crypto c;
    sdpx_crypto_key k;
    if (sdpx_crypto_parse(av, &c))
        return 0;
    sdpx_str rest = c.key_params;
    int rc = 0;
    while (!rc && sdpx_crypto_key_next(&rest, &k) == 1)
        rc = rb_replace(r, MAP_KEY, k.key_salt);
    return rc;
}

/* The values an a= line holds that identify someone. */
static int redact_attr(redactor *r, const sdpx_line *l)
{
    sdpx_str av = sdpx_attr_value(l);
    switch (l->kind) {
    case SDPX_ATTR_CANDIDATE: return redact_candidate(r, av);
    case SDPX_ATTR_RTCP: return redact_rtcp(r, av);
    case SDPX_ATTR_REMOTE_CANDIDATES: return redact_remote_candidates(r, av);
    case SDPX_ATTR_ICE_UFRAG: return rb_replace(r, MAP_UFRAG, av);
    case SDPX_ATTR_ICE_PWD: return rb_replace(r, MAP_PWD, av);
    case SDPX_ATTR_FINGERPRINT: return redact_fingerprint(r, av);
    case SDPX_ATTR_CRYPTO: return redact_crypto(r, av);
    default: return 0;
    }
}

/* The values a line holds that identify someone, by line type. */
static int redact_fields(redactor *r, const sdpx_line *l)
{
    sdpx_str v = sdpx_line_value(l);
    switch (l->type) {
    case 'o': { /* RFC 8866 5.2: the unicast address */
        sdpx_origin o;
        return sdpx_origin_parse(v, &o) ? 0 : rb_replace(r, MAP_ADDR, o.address);
    }
    case 'c': {
        sdpx_connection c;
        return sdpx_connection_parse(v, &c) ? 0 : rb_replace(r, MAP_ADDR, c.address);
    }
    case 'm': { /* the port of the default candidate */
        sdpx_mline ml;
        return sdpx_mline_parse(v, &ml) ? 0 : rb_replace(r, MAP_PORT, ml.port_text);
    }
    case 'k': {
        sdpx_key k;
        return !sdpx_key_parse(v, &k) && k.has_key ? rb_replace(r, MAP_KEY, k.key) : 0;
    }
    case 'a': return redact_attr(r, l);
    default: return 0;
    }
}

static int redact_line(redactor *r, sdpxi_section *w, size_t idx)
{
    const sdpx_line *l = &w->lines[idx];
    rb_init(r, l);
    int rc = redact_fields(r, l);
    return rc ? rc : rb_commit(r, w, idx);
}

static int redact_section(redactor *r, sdpx_media *m)
{
    sdpxi_section *w = sdpxi_tx_write(r->tx, m);
    if (!w)
        return sdpxi_tx_nomem(r->tx);
    for (size_t i = 0; i < w->n; i++) {
        int rc = redact_line(r, w, i);
        if (rc)
            return rc;
    }
    return 0;
}

int sdpx_session_redact(sdpx_session *s)
{
    if (!s)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    sdpxi_tx tx;
    redactor r;
    memset(&r, 0, sizeof r);
    sdpxi_tx_begin(&tx, s);
    r.tx = &tx;
    int rc = redact_section(&r, NULL);
    for (size_t i = 0; !rc && i < s->nmedia; i++)
        rc = redact_section(&r, s->media[i]);
    if (rc)
        return rc;
    tx.no_bump = 1; /* redaction is not an edit of the description: no sess-version bump */
    return sdpxi_tx_end(&tx, r.count);
}
