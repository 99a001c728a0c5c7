/* Redaction for logs: addresses, ports, ICE credentials, fingerprints and
 * keys replaced by stable placeholders (the same value gets the same
 * placeholder within one description), the result still parseable. */
#include "edit.h"

#include <stdio.h>

enum { MAP_ADDR, MAP_PORT, MAP_UFRAG, MAP_PWD, MAP_FP, MAP_KEY, MAP_COUNT };

typedef struct {
    sdpx_str from;
    sdpx_str to;
} map_entry;

/* Values seen so far, with an open-addressing index over them, so a
 * description with many distinct values is redacted in linear time. */
typedef struct {
    map_entry *e;
    size_t n, cap;
    size_t *slot;  /* entry index + 1; 0 is empty */
    size_t nslot;  /* a power of two, at least twice n */
} value_map;

typedef struct {
    sdpxi_tx *tx;
    value_map maps[MAP_COUNT];
    int count; /* values replaced */
} redactor;

/* Placeholders that still parse and say what they hide: documentation
 * addresses (RFC 5737, RFC 3849), reserved names (RFC 6761), high ports. */
static int make_placeholder(redactor *r, int kind, sdpx_str from, size_t n, sdpx_str *to)
{
    char buf[200];
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
    case MAP_FP: { /* the same hash and length, bytes 00..00 NN */
        sdpx_fingerprint f;
        if (sdpx_fingerprint_parse(from, &f))
            return SDPX_EINVAL;
        len = snprintf(buf, sizeof buf, "%.*s ", (int)f.hash_name.len, f.hash_name.ptr);
        for (size_t i = 0; i < f.len && (size_t)len + 4 < sizeof buf; i++) {
            unsigned b = i + 1 == f.len ? (unsigned)(n & 255) : i + 2 == f.len ? (unsigned)(n >> 8) & 255 : 0;
            len += snprintf(buf + len, sizeof buf - (size_t)len, "%s%02X", i ? ":" : "", b);
        }
        break;
    }
    default: { /* base64 key||salt: same length, same padding, any length */
        char digits[24];
        int dl = snprintf(digits, sizeof digits, "%zu", n);
        char *k = sdpxi_arena_alloc(&r->tx->s->arena, from.len ? from.len : 1);
        if (!k)
            return sdpxi_tx_nomem(r->tx);
        size_t pad = 0;
        while (pad < from.len && from.ptr[from.len - 1 - pad] == '=')
            pad++;
        size_t body = from.len - pad;
        for (size_t i = 0; i < from.len; i++)
            k[i] = i >= body ? '=' : i + (size_t)dl >= body ? digits[i + (size_t)dl - body] : 'A';
        *to = sdpxi_str(k, from.len);
        return 0;
    }
    }
    char *p = sdpxi_arena_strdup(&r->tx->s->arena, buf, (size_t)len);
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

/* FNV-1a over the value's bytes. */
static uint64_t hash_view(sdpx_str v)
{
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < v.len; i++)
        h = (h ^ (unsigned char)v.ptr[i]) * 1099511628211u;
    return h;
}

static void slot_put(size_t *slot, size_t nslot, uint64_t h, size_t index)
{
    size_t i = (size_t)h & (nslot - 1);
    while (slot[i])
        i = (i + 1) & (nslot - 1);
    slot[i] = index + 1;
}

static int lookup(redactor *r, int kind, sdpx_str from, sdpx_str *to)
{
    if (keep_as_is(kind, from)) {
        *to = from;
        return 0;
    }
    value_map *m = &r->maps[kind];
    uint64_t h = hash_view(from);
    for (size_t i = m->nslot ? (size_t)h & (m->nslot - 1) : 0; m->nslot && m->slot[i];
         i = (i + 1) & (m->nslot - 1)) {
        const map_entry *e = &m->e[m->slot[i] - 1];
        if (sdpxi_str_same(e->from, from)) {
            *to = e->to;
            return 0;
        }
    }
    if ((m->n + 1) * 2 > m->nslot) {
        size_t nslot = m->nslot ? m->nslot * 2 : 32;
        size_t *slot = sdpxi_arena_alloc(&r->tx->s->arena, nslot * sizeof *slot);
        if (!slot)
            return sdpxi_tx_nomem(r->tx);
        memset(slot, 0, nslot * sizeof *slot);
        for (size_t k = 0; k < m->n; k++)
            slot_put(slot, nslot, hash_view(m->e[k].from), k);
        m->slot = slot;
        m->nslot = nslot;
    }
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 16;
        map_entry *e = sdpxi_arena_alloc(&r->tx->s->arena, cap * sizeof *e);
        if (!e)
            return sdpxi_tx_nomem(r->tx);
        if (m->n)
            memcpy(e, m->e, m->n * sizeof *e);
        m->e = e;
        m->cap = cap;
    }
    int rc = make_placeholder(r, kind, from, m->n + 1, to);
    if (rc)
        return rc;
    m->e[m->n].from = from;
    m->e[m->n].to = *to;
    slot_put(m->slot, m->nslot, h, m->n);
    m->n++;
    return 0;
}

/* Rebuild a line's text as pieces: original text between replacements. */
typedef struct {
    sdpx_str *parts;
    size_t n, cap;
    const char *last; /* end of the original text copied so far */
    const char *end;
    int changed;
} rebuild;

static int rb_init(redactor *r, rebuild *b, const sdpx_line *l, size_t maxrepl)
{
    b->cap = 2 * maxrepl + 2;
    b->parts = sdpxi_arena_alloc(&r->tx->s->arena, b->cap * sizeof *b->parts);
    if (!b->parts)
        return sdpxi_tx_nomem(r->tx);
    b->n = 0;
    b->last = l->text + 2;
    b->end = l->text + l->len;
    b->changed = 0;
    return 0;
}

static int rb_replace(redactor *r, rebuild *b, int kind, sdpx_str field)
{
    sdpx_str to;
    if (field.len == 0 || field.ptr < b->last || b->n + 2 > b->cap)
        return 0;
    int rc = lookup(r, kind, field, &to);
    if (rc)
        return rc;
    if (to.ptr == field.ptr)
        return 0;
    b->parts[b->n++] = sdpxi_str(b->last, (size_t)(field.ptr - b->last));
    b->parts[b->n++] = to;
    b->last = field.ptr + field.len;
    b->changed = 1;
    r->count++;
    return 0;
}

static int rb_commit(redactor *r, rebuild *b, sdpxi_section *w, size_t idx)
{
    if (!b->changed)
        return 0;
    b->parts[b->n++] = sdpxi_str(b->last, (size_t)(b->end - b->last));
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

static int redact_line(redactor *r, sdpxi_section *w, size_t idx)
{
    const sdpx_line *l = &w->lines[idx];
    sdpx_str v = sdpx_line_value(l);
    rebuild b;
    int rc = rb_init(r, &b, l, 8);
    if (rc)
        return rc;
    switch (l->type) {
    case 'o': { /* RFC 8866 5.2: the unicast address */
        sdpx_origin o;
        if (!sdpx_origin_parse(v, &o))
            rc = rb_replace(r, &b, MAP_ADDR, o.address);
        break;
    }
    case 'c': {
        sdpx_connection c;
        if (!sdpx_connection_parse(v, &c))
            rc = rb_replace(r, &b, MAP_ADDR, c.address);
        break;
    }
    case 'm': { /* the port of the default candidate */
        sdpx_mline ml;
        if (!sdpx_mline_parse(v, &ml))
            rc = rb_replace(r, &b, MAP_PORT, ml.port_text);
        break;
    }
    case 'k': {
        sdpx_key k;
        if (!sdpx_key_parse(v, &k) && k.has_key)
            rc = rb_replace(r, &b, MAP_KEY, k.key);
        break;
    }
    case 'a': {
        sdpx_str av = sdpx_attr_value(l);
        switch (l->kind) {
        case SDPX_ATTR_CANDIDATE: {
            /* RFC 8839 5.1: address port typ type [raddr a] [rport p] ext... */
            sdpx_candidate c;
            if (sdpx_candidate_parse(av.ptr, av.len, &c)) {
                /* a candidate the decoder refuses still hides its address and port */
                sdpx_str addr = field_at(av, 4), port = field_at(av, 5);
                uint64_t pn;
                if (sdpxi_addr_form(addr))
                    rc = rb_replace(r, &b, MAP_ADDR, addr);
                if (!rc && sdpxi_parse_uint(port, 65535, &pn) == 0)
                    rc = rb_replace(r, &b, MAP_PORT, port);
                break;
            }
            rc = rb_replace(r, &b, MAP_ADDR, c.address);
            if (!rc)
                rc = rb_replace(r, &b, MAP_PORT, field_at(av, 5));
            sdpx_str rest = c.extensions, name, val;
            if (c.has_raddr && !rc)
                rc = rb_replace(r, &b, MAP_ADDR, c.raddr);
            if (c.has_rport && !rc) {
                sdpx_str scan = sdpxi_str(c.raddr.ptr ? c.raddr.ptr : av.ptr,
                                          (size_t)(av.ptr + av.len - (c.raddr.ptr ? c.raddr.ptr : av.ptr)));
                sdpx_str f;
                while (sdpx_field_next(&scan, &f))
                    if (sdpx_str_eq(f, "rport") && sdpx_field_next(&scan, &f)) {
                        rc = rb_replace(r, &b, MAP_PORT, f);
                        break;
                    }
            }
            while (!rc && sdpx_candidate_ext_next(&rest, &name, &val) == 1)
                if (sdpx_str_eq(name, "ufrag"))
                    rc = rb_replace(r, &b, MAP_UFRAG, val);
            break;
        }
        case SDPX_ATTR_RTCP: { /* RFC 3605 2.1: port [nettype addrtype address] */
            rc = rb_replace(r, &b, MAP_PORT, field_at(av, 0));
            if (!rc)
                rc = rb_replace(r, &b, MAP_ADDR, field_at(av, 3));
            break;
        }
        case SDPX_ATTR_REMOTE_CANDIDATES: { /* RFC 8839 5.2: (component address port)... */
            sdpx_str rest = av, f;
            for (int i = 0; !rc && sdpx_field_next(&rest, &f); i++)
                if (i % 3)
                    rc = rb_replace(r, &b, i % 3 == 1 ? MAP_ADDR : MAP_PORT, f);
            break;
        }
        case SDPX_ATTR_ICE_UFRAG:
            rc = rb_replace(r, &b, MAP_UFRAG, av);
            break;
        case SDPX_ATTR_ICE_PWD:
            rc = rb_replace(r, &b, MAP_PWD, av);
            break;
        case SDPX_ATTR_FINGERPRINT: {
            sdpx_fingerprint f;
            if (!sdpx_fingerprint_parse(av, &f))
                rc = rb_replace(r, &b, MAP_FP, av);
            break;
        }
        case SDPX_ATTR_CRYPTO: { /* RFC 4568 9.1: inline:<key||salt>[|lifetime][|mki] */
            sdpx_crypto c;
            sdpx_crypto_key k;
            if (sdpx_crypto_parse(av, &c))
                break;
            sdpx_str rest = c.key_params;
            while (!rc && sdpx_crypto_key_next(&rest, &k) == 1)
                rc = rb_replace(r, &b, MAP_KEY, k.key_salt);
            break;
        }
        default:
            break;
        }
        break;
    }
    default:
        break;
    }
    return rc ? rc : rb_commit(r, &b, w, idx);
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
    /* redaction is not an edit of the description: no sess-version bump */
    unsigned saved = s->parse_flags;
    s->parse_flags &= ~SDPXI_SESSION_AUTO_BUMP;
    rc = sdpxi_tx_end(&tx, r.count);
    s->parse_flags = saved;
    return rc;
}
