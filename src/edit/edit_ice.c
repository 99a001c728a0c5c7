/* Transport helpers: ICE credentials and candidates, DTLS setup and
 * fingerprint, BUNDLE groups, streams (ssrc/msid) and header extensions.
 * Values are checked with the attribute decoders (src/attr/); changes go
 * through the edit transactions. */
#include "edit.h"

/* Replace every attribute of `kind` in the section of m (NULL: session) by
 * a=<name>:<value>: the first one takes the new text, the others go.
 * Returns how many sections held one. */
static int tx_replace_kind(sdpxi_tx *tx, sdpx_media *m, sdpx_attr_kind kind, const char *name,
                           sdpx_str value)
{
    const sdpxi_section *r = sdpxi_tx_read(tx, m);
    size_t first = SIZE_MAX, count = 0;
    for (size_t i = 0; i < r->n; i++, SDPXI_OPS(1)) {
        if (r->lines[i].type == 'a' && r->lines[i].kind == kind) {
            if (first == SIZE_MAX)
                first = i;
            count++;
        }
    }
    if (first == SIZE_MAX)
        return 0;
    sdpx_str v0 = sdpx_attr_value(&r->lines[first]);
    if (count == 1 && v0.len == value.len && !memcmp(v0.ptr, value.ptr, value.len))
        return 1;
    sdpx_str parts[3] = {sdpxi_cstr(name), sdpxi_str(":", 1), value};
    sdpx_line l;
    int rc = sdpxi_tx_line(tx, 'a', parts, 3, &l);
    if (rc)
        return rc;
    sdpxi_section *w = sdpxi_tx_write(tx, m);
    if (!w)
        return sdpxi_tx_nomem(tx);
    for (size_t i = first + 1; i < w->n; i++, SDPXI_OPS(1))
        if (w->lines[i].type == 'a' && w->lines[i].kind == kind)
            sdpxi_sec_mark(w, i);
    sdpxi_sec_set(w, first, &l);
    sdpxi_sec_sweep(w);
    return 1;
}

/* The same replacement at session level and in every media section. */
static int tx_replace_everywhere(sdpxi_tx *tx, sdpx_attr_kind kind, const char *name, sdpx_str value)
{
    int total = tx_replace_kind(tx, NULL, kind, name, value);
    for (size_t i = 0; total >= 0 && i < tx->s->nmedia; i++) {
        int rc = tx_replace_kind(tx, tx->s->media[i], kind, name, value);
        total = rc < 0 ? rc : total + rc;
    }
    return total;
}

/* ---- ICE ------------------------------------------------------------------ */

/* RFC 8839 5.4: ufrag 4-256 and pwd 22-256 ice-chars; an ICE restart
 * changes both everywhere (RFC 8839 4.4.1.1.1). */
int sdpx_session_set_ice_credentials(sdpx_session *s, const char *ufrag, const char *pwd)
{
    if (!s || !ufrag || !pwd)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    sdpx_str u = sdpxi_cstr(ufrag), p = sdpxi_cstr(pwd), out;
    /* RFC 8839 5.4: ufrag 4-256, pwd 22-256 ice-chars */
    if (sdpx_ice_ufrag_parse(u, &out))
        return sdpxi_refuse(s, SDPX_EINVAL, 0, "ufrag: %zu bytes; it needs 4-256 ice-chars (RFC 8839 5.4)",
                            u.len);
    if (sdpx_ice_pwd_parse(p, &out))
        return sdpxi_refuse(s, SDPX_EINVAL, 0, "pwd: %zu bytes; it needs 22-256 ice-chars (RFC 8839 5.4)",
                            p.len);
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    int a = tx_replace_everywhere(&tx, SDPX_ATTR_ICE_UFRAG, "ice-ufrag", u);
    if (a < 0)
        return a;
    int b = tx_replace_everywhere(&tx, SDPX_ATTR_ICE_PWD, "ice-pwd", p);
    if (b < 0)
        return b;
    if (a + b == 0)
        return sdpxi_refuse(s, SDPX_ENOTFOUND, 0, "no a=ice-ufrag or a=ice-pwd to replace");
    return sdpxi_tx_end(&tx, 0);
}

/* Strip "a=" and "candidate:" prefixes and a trailing CR/LF, as trickle ICE
 * strings come (the decoder accepts the same forms). */
static sdpx_str candidate_value(const char *text)
{
    sdpx_str v = sdpxi_cstr(text);
    while (v.len && (v.ptr[v.len - 1] == '\n' || v.ptr[v.len - 1] == '\r'))
        v.len--;
    if (v.len >= 2 && !memcmp(v.ptr, "a=", 2)) {
        v.ptr += 2;
        v.len -= 2;
    }
    if (v.len >= 10 && !memcmp(v.ptr, "candidate:", 10)) {
        v.ptr += 10;
        v.len -= 10;
    }
    return v;
}

static int tx_end_of_candidates(sdpxi_tx *tx, sdpx_media *m)
{
    const sdpxi_section *r = sdpxi_tx_read(tx, m);
    for (size_t i = 1; i < r->n; i++, SDPXI_OPS(1))
        if (r->lines[i].type == 'a' && r->lines[i].kind == SDPX_ATTR_END_OF_CANDIDATES)
            return 0;
    sdpxi_section *w = sdpxi_tx_write(tx, m);
    if (!w)
        return sdpxi_tx_nomem(tx);
    /* RFC 8840 8.2: end-of-candidates follows the section's candidates */
    size_t pos = w->n;
    for (size_t i = 1; i < w->n; i++, SDPXI_OPS(1))
        if (w->lines[i].type == 'a' && w->lines[i].kind == SDPX_ATTR_CANDIDATE)
            pos = i + 1;
    return sdpxi_tx_add_attr(tx, w, pos, "end-of-candidates", sdpxi_str("", 0), 0);
}

int sdpx_media_add_candidate(sdpx_media *m, const char *candidate)
{
    if (!m || !candidate)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    sdpx_candidate c;
    sdpx_str v = candidate_value(candidate);
    if (!sdpxi_arg_text(m->session, "candidate", v, 'a'))
        return SDPX_EINVAL;
    sdpx_error e;
    int prc = sdpx_candidate_parse_err(v.ptr, v.len, &c, &e);
    if (prc == SDPX_CANDIDATE_END)
        return sdpx_media_end_of_candidates(m);
    if (prc)
        return sdpxi_refuse(m->session, SDPX_EINVAL, e.col, "candidate: byte %u: %s", e.col, e.msg);
    /* RFC 8839 5.4: candidates need the credentials that go with them */
    sdpx_str cred;
    if (sdpx_media_ice_ufrag(m, &cred) || sdpx_media_ice_pwd(m, &cred))
        return sdpxi_refuse(m->session, SDPX_ENOTFOUND, 0,
                            "candidate: no a=ice-ufrag and a=ice-pwd apply to media section %zu",
                            sdpx_media_index(m));
    /* after the last candidate, else before end-of-candidates, else last */
    const sdpxi_section *sec = &m->sec;
    size_t pos = SIZE_MAX, eoc = SIZE_MAX;
    for (size_t i = 1; i < sec->n; i++, SDPXI_OPS(1)) {
        if (sec->lines[i].type != 'a')
            continue;
        if (sec->lines[i].kind == SDPX_ATTR_CANDIDATE)
            pos = i + 1;
        else if (sec->lines[i].kind == SDPX_ATTR_END_OF_CANDIDATES && eoc == SIZE_MAX)
            eoc = i;
    }
    if (pos == SIZE_MAX)
        pos = eoc != SIZE_MAX ? eoc : sec->n;
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, m->session);
    sdpx_line l;
    int rc = sdpxi_attr_line(&tx, "candidate", v, 1, &l);
    return rc ? rc : sdpxi_edit_line(m->session, m, SDPXI_OP_INSERT, pos, &l);
}

int sdpx_media_end_of_candidates(sdpx_media *m)
{
    if (!m)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, m->session);
    return sdpxi_tx_end(&tx, tx_end_of_candidates(&tx, m));
}

int sdpx_session_add_candidate(sdpx_session *s, const char *mid, size_t index, const char *candidate)
{
    if (!s || !candidate)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    sdpx_media *m;
    if (mid) {
        sdpx_str id = sdpxi_cstr(mid);
        if (!sdpxi_text_ok(id))
            return SDPX_EINVAL;
        m = sdpx_session_media_by_mid_mut(s, id);
    } else {
        m = sdpx_session_media_mut(s, index);
    }
    if (!m)
        return SDPX_ENOTFOUND;
    return sdpx_media_add_candidate(m, candidate);
}

/* Address scopes, RFC 1918 / RFC 4193 (private), RFC 1122 / RFC 4291
 * (loopback), RFC 3927 / RFC 4291 (link-local). */
/* RFC 1918 private, 127/8 loopback, 169.254/16 link-local. */
static unsigned ip4_scope(unsigned o0, unsigned o1)
{
    if (o0 == 10 || (o0 == 172 && o1 >= 16 && o1 <= 31) || (o0 == 192 && o1 == 168))
        return SDPX_CF_PRIVATE;
    if (o0 == 127)
        return SDPX_CF_LOOPBACK;
    if (o0 == 169 && o1 == 254)
        return SDPX_CF_LINK_LOCAL;
    return 0;
}

/* The first two octets of a dotted quad (already validated by the decoder). */
static void ip4_head(sdpx_str a, unsigned *o0, unsigned *o1)
{
    unsigned o[2] = {0, 0}, k = 0;
    for (size_t i = 0; i < a.len && k < 2; i++) {
        if (a.ptr[i] == '.')
            k++;
        else
            o[k] = o[k] * 10 + (unsigned)(a.ptr[i] - '0');
    }
    *o0 = o[0];
    *o1 = o[1];
}

/* The eight 16-bit groups of a validated IPv6 address ("::" expanded, a
 * trailing dotted quad as two groups). */
static void ip6_groups(sdpx_str a, unsigned g[8])
{
    unsigned head[10], tail[10];
    size_t nh = 0, nt = 0, i = 0;
    int gap = 0;
    memset(g, 0, 8 * sizeof *g);
    while (i < a.len && nh + nt < 8) {
        if (a.ptr[i] == ':') {
            if (i + 1 < a.len && a.ptr[i + 1] == ':') {
                gap = 1;
                i++;
            }
            i++;
            continue;
        }
        size_t j = i;
        unsigned v = 0;
        while (j < a.len && a.ptr[j] != ':' && a.ptr[j] != '.')
            j++;
        if (j < a.len && a.ptr[j] == '.') { /* an embedded dotted quad ends the address */
            unsigned part[4] = {0, 0, 0, 0}, k = 0;
            for (size_t m = i; m < a.len && k < 4; m++) {
                if (a.ptr[m] == '.')
                    k++;
                else
                    part[k] = part[k] * 10 + (unsigned)(a.ptr[m] - '0');
            }
            unsigned *dst = gap ? tail : head;
            size_t *n = gap ? &nt : &nh;
            dst[(*n)++] = (part[0] & 0xffu) << 8 | (part[1] & 0xffu);
            dst[(*n)++] = (part[2] & 0xffu) << 8 | (part[3] & 0xffu);
            break;
        }
        for (size_t m = i; m < j; m++) {
            char c = a.ptr[m];
            v = v * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }
        if (gap)
            tail[nt++] = v & 0xffffu;
        else
            head[nh++] = v & 0xffffu;
        i = j;
    }
    for (size_t k = 0; k < nh && k < 8; k++)
        g[k] = head[k];
    for (size_t k = 0; k < nt && k < 8; k++)
        g[8 - nt + k] = tail[k];
}

static unsigned addr_scope(sdpx_str a, sdpx_addr_family fam)
{
    unsigned o0, o1;
    if (fam == SDPX_ADDR_IP4) {
        ip4_head(a, &o0, &o1);
        return ip4_scope(o0, o1);
    }
    if (fam != SDPX_ADDR_IP6)
        return 0;
    unsigned g[8];
    ip6_groups(a, g);
    int zero5 = !(g[0] | g[1] | g[2] | g[3] | g[4]);
    if (zero5 && !g[5] && !g[6] && g[7] == 1) /* RFC 4291 2.5.3: ::1 in any spelling */
        return SDPX_CF_LOOPBACK;
    if (zero5 && g[5] == 0xffffu) /* RFC 4291 2.5.5.2: IPv4-mapped, scoped as IPv4 */
        return ip4_scope(g[6] >> 8, g[6] & 0xffu);
    if ((g[0] & 0xfe00u) == 0xfc00u) /* RFC 4193 unique local */
        return SDPX_CF_PRIVATE;
    if ((g[0] & 0xffc0u) == 0xfe80u) /* RFC 4291 2.5.6 link-local */
        return SDPX_CF_LINK_LOCAL;
    return 0;
}

static int filter_match(const sdpx_candidate *c, const sdpx_candidate_filter *f)
{
    if (f->types) {
        unsigned t = c->type == SDPX_CAND_HOST    ? SDPX_CF_HOST
                     : c->type == SDPX_CAND_SRFLX ? SDPX_CF_SRFLX
                     : c->type == SDPX_CAND_PRFLX ? SDPX_CF_PRFLX
                     : c->type == SDPX_CAND_RELAY ? SDPX_CF_RELAY
                                                  : 0;
        if (!(f->types & t))
            return 0;
    }
    if (f->transports) {
        unsigned t = sdpx_str_ieq(c->transport, "udp") ? SDPX_CF_UDP
                     : sdpx_str_ieq(c->transport, "tcp") ? SDPX_CF_TCP
                                                          : 0;
        if (!(f->transports & t))
            return 0;
    }
    if (f->families) {
        unsigned t = c->family == SDPX_ADDR_IP4    ? SDPX_CF_IP4
                     : c->family == SDPX_ADDR_IP6  ? SDPX_CF_IP6
                     : c->family == SDPX_ADDR_MDNS ? SDPX_CF_MDNS
                                                   : SDPX_CF_FQDN;
        if (!(f->families & t))
            return 0;
    }
    if (f->scopes && !(f->scopes & addr_scope(c->address, c->family)))
        return 0;
    if (f->component && c->component != f->component)
        return 0;
    return 1;
}

/* 1 when l is a candidate line that decodes and matches f. */
static int candidate_hit(const sdpx_line *l, const sdpx_candidate_filter *f)
{
    sdpx_candidate c;
    sdpx_str v = sdpx_attr_value(l);
    return l->type == 'a' && l->kind == SDPX_ATTR_CANDIDATE && !sdpx_candidate_parse(v.ptr, v.len, &c) &&
           filter_match(&c, f);
}

/* JSEP 5.2.1 / RFC 8839 4.2.1.2: the default candidate's address goes into
 * the section's c= (replacing every c=) and its port into m=. */
static int tx_set_default(sdpxi_tx *tx, sdpxi_section *w, sdpx_str addrtype, sdpx_str address,
                          uint16_t port)
{
    char num[24];
    sdpx_str parts[4] = {sdpxi_str("IN ", 3), addrtype, sdpxi_str(" ", 1), address};
    sdpx_line l;
    int rc = sdpxi_tx_line(tx, 'c', parts, 4, &l);
    if (rc)
        return rc;
    size_t at = SIZE_MAX;
    for (size_t i = 1; i < w->n; i++, SDPXI_OPS(1)) {
        if (w->lines[i].type != 'c')
            continue;
        if (at == SIZE_MAX)
            at = i; /* the first c= takes the default, the others go */
        else
            sdpxi_sec_mark(w, i);
    }
    if (at != SIZE_MAX) {
        sdpxi_sec_set(w, at, &l);
        sdpxi_sec_sweep(w);
    } else if ((rc = sdpxi_tx_insert(tx, w, sdpxi_insert_pos(w, 1, 'c'), &l)) != 0)
        return rc;
    sdpx_mline ml;
    if (sdpx_mline_parse(sdpx_line_value(&w->lines[0]), &ml))
        return SDPX_EFIELD;
    return sdpxi_tx_set_mline(tx, w, &ml, sdpxi_u64_str(num, port));
}

static sdpx_str addrtype_of(sdpx_addr_family f)
{
    return sdpxi_cstr(f == SDPX_ADDR_IP6 ? "IP6" : "IP4");
}

/* Rank for picking a new default: relay first (it works from anywhere,
 * RFC 8839 4.2.1.2), then srflx, prflx, host; -1 when unusable in c=. */
static int default_rank(const sdpx_candidate *c, uint32_t component)
{
    if (c->component != component || (c->family != SDPX_ADDR_IP4 && c->family != SDPX_ADDR_IP6))
        return -1;
    switch (c->type) {
    case SDPX_CAND_RELAY: return 4;
    case SDPX_CAND_SRFLX: return 3;
    case SDPX_CAND_PRFLX: return 2;
    case SDPX_CAND_HOST: return 1;
    default: return 0;
    }
}

/* The best remaining candidate of `component` in w (by default_rank);
 * returns its rank, -1 when there is none. */
static int best_candidate(const sdpxi_section *w, uint32_t component, sdpx_candidate *best)
{
    int best_rank = -1;
    for (size_t i = 1; i < w->n; i++, SDPXI_OPS(1)) {
        const sdpx_line *l = &w->lines[i];
        sdpx_candidate c;
        sdpx_str v = sdpx_attr_value(l);
        if (l->type != 'a' || l->kind != SDPX_ATTR_CANDIDATE || sdpx_candidate_parse(v.ptr, v.len, &c))
            continue;
        int r = default_rank(&c, component);
        if (r > best_rank) {
            *best = c;
            best_rank = r;
        }
    }
    return best_rank;
}

/* After candidates of section w were removed: when the default (c= and m=
 * port) was one of them, point it at the best remaining candidate, or at
 * 0.0.0.0 port 9 when none is left (JSEP 5.2.1), so no removed address
 * stays behind in c=. `removed` is the section as it was. */
static int tx_fix_default(sdpxi_tx *tx, sdpxi_section *w, const sdpxi_section *removed,
                          const sdpx_candidate_filter *f)
{
    sdpx_mline ml;
    sdpx_connection conn;
    const sdpx_line *cl = NULL;
    for (size_t i = 1; i < w->n && !cl; i++)
        if (w->lines[i].type == 'c')
            cl = &w->lines[i];
    /* RFC 8866 5.7: without its own c= the section uses the session's; the
     * new default then goes into a c= of the section's own */
    for (size_t i = 0; !cl && i < tx->s->sec.n; i++)
        if (tx->s->sec.lines[i].type == 'c')
            cl = &tx->s->sec.lines[i];
    if (!cl || sdpx_connection_parse(sdpx_line_value(cl), &conn) ||
        sdpx_mline_parse(sdpx_line_value(&w->lines[0]), &ml) || ml.port == 0)
        return 0;
    int was_default = 0;
    for (size_t i = 1; i < removed->n && !was_default; i++) {
        const sdpx_line *l = &removed->lines[i];
        sdpx_candidate c;
        sdpx_str v = sdpx_attr_value(l);
        if (candidate_hit(l, f) && !sdpx_candidate_parse(v.ptr, v.len, &c) && c.component == 1 &&
            c.port == ml.port && c.address.len == conn.address.len &&
            !memcmp(c.address.ptr, conn.address.ptr, c.address.len))
            was_default = 1;
    }
    if (!was_default)
        return 0;
    sdpx_candidate best;
    int best_rank = best_candidate(w, 1, &best);
    if (best_rank < 0)
        return tx_set_default(tx, w, sdpxi_cstr("IP4"), sdpxi_cstr("0.0.0.0"), 9);
    return tx_set_default(tx, w, addrtype_of(best.family), best.address, best.port);
}

/* 1 when a candidate line of sec has this address. */
static int has_address(const sdpxi_section *sec, sdpx_str addr, const sdpx_candidate_filter *only)
{
    for (size_t i = 1; i < sec->n; i++, SDPXI_OPS(1)) {
        const sdpx_line *l = &sec->lines[i];
        sdpx_candidate c;
        sdpx_str v = sdpx_attr_value(l);
        if (l->type == 'a' && l->kind == SDPX_ATTR_CANDIDATE && (!only || candidate_hit(l, only)) &&
            !sdpx_candidate_parse(v.ptr, v.len, &c) && c.address.len == addr.len &&
            !memcmp(c.address.ptr, addr.ptr, addr.len))
            return 1;
    }
    return 0;
}

/* The same for a=rtcp (RFC 3605): an address of a removed candidate that no
 * remaining one has goes; the best remaining RTCP candidate takes its place,
 * else port 9 and 0.0.0.0 (JSEP 5.2.1). */
static int tx_fix_rtcp(sdpxi_tx *tx, sdpxi_section *w, const sdpxi_section *removed,
                       const sdpx_candidate_filter *f)
{
    size_t at = SIZE_MAX;
    sdpx_rtcp rt;
    for (size_t i = 1; i < w->n && at == SIZE_MAX; i++)
        if (w->lines[i].type == 'a' && w->lines[i].kind == SDPX_ATTR_RTCP)
            at = i;
    if (at == SIZE_MAX || sdpx_rtcp_parse(sdpx_attr_value(&w->lines[at]), &rt) || !rt.has_address ||
        !has_address(removed, rt.address, f) || has_address(w, rt.address, NULL))
        return 0;
    sdpx_candidate best;
    int best_rank = best_candidate(w, 2, &best);
    char num[24];
    sdpx_str port = sdpxi_u64_str(num, best_rank < 0 ? 9 : best.port);
    sdpx_str addrtype = best_rank < 0 ? sdpxi_cstr("IP4") : addrtype_of(best.family);
    sdpx_str address = best_rank < 0 ? sdpxi_cstr("0.0.0.0") : best.address;
    sdpx_str parts[6] = {sdpxi_str("rtcp:", 5), port, sdpxi_str(" IN ", 4), addrtype, sdpxi_str(" ", 1), address};
    return sdpxi_tx_set(tx, w, at, parts, 6);
}

static int tx_remove_candidates(sdpxi_tx *tx, sdpx_media *m, const sdpx_candidate_filter *f)
{
    const sdpxi_section *r = sdpxi_tx_read(tx, m);
    int hits = 0;
    for (size_t i = 1; i < r->n; i++, SDPXI_OPS(1))
        hits += candidate_hit(&r->lines[i], f);
    if (!hits)
        return 0;
    sdpxi_section before = *r; /* the lines before this edit stay readable */
    sdpxi_section *w = sdpxi_tx_write(tx, m);
    if (!w)
        return sdpxi_tx_nomem(tx);
    if (w->lines == before.lines) {
        /* a section created by this edit is written in place: keep a copy */
        before.lines = sdpxi_arena_alloc(&tx->s->arena, w->n * sizeof *w->lines);
        if (!before.lines)
            return sdpxi_tx_nomem(tx);
        memcpy(before.lines, w->lines, w->n * sizeof *w->lines);
    }
    for (size_t i = 1; i < w->n; i++, SDPXI_OPS(1))
        if (candidate_hit(&w->lines[i], f))
            sdpxi_sec_mark(w, i);
    sdpxi_sec_sweep(w);
    int rc = tx_fix_default(tx, w, &before, f);
    if (!rc)
        rc = tx_fix_rtcp(tx, w, &before, f);
    return rc < 0 ? rc : hits;
}

/* Each field takes the bits of its own group only. */
static int filter_ok(const sdpx_candidate_filter *f)
{
    return f && !(f->types & ~(unsigned)SDPX_CF_TYPES) &&
           !(f->transports & ~(unsigned)SDPX_CF_TRANSPORTS) &&
           !(f->families & ~(unsigned)SDPX_CF_FAMILIES) && !(f->scopes & ~(unsigned)SDPX_CF_SCOPES);
}

int sdpx_media_remove_candidates(sdpx_media *m, const sdpx_candidate_filter *f)
{
    if (!m || !f)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    if (!filter_ok(f))
        return SDPX_EINVAL;
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, m->session);
    return sdpxi_tx_end(&tx, tx_remove_candidates(&tx, m, f));
}

int sdpx_session_remove_candidates(sdpx_session *s, const sdpx_candidate_filter *f)
{
    if (!s || !f)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    if (!filter_ok(f))
        return SDPX_EINVAL;
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    int total = 0;
    for (size_t i = 0; i < s->nmedia; i++) {
        int rc = tx_remove_candidates(&tx, s->media[i], f);
        if (rc < 0)
            return rc;
        total += rc;
    }
    return sdpxi_tx_end(&tx, total);
}

/* JSEP 5.2.1 / RFC 8839 4.2.1.2: the default candidate's address goes into
 * c= and its port into m= (component 1), or into a=rtcp (component 2). */
int sdpx_media_use_candidate(sdpx_media *m, const sdpx_line *candidate)
{
    if (!m || !candidate)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    sdpx_candidate c;
    if (candidate && (candidate->flags & SDPXI_LINE_STALE))
        return SDPX_ESTALE;
    if (!candidate || candidate->type != 'a' || candidate->kind != SDPX_ATTR_CANDIDATE)
        return SDPX_EINVAL;
    sdpx_str v = sdpx_attr_value(candidate);
    if (sdpx_candidate_parse(v.ptr, v.len, &c))
        return SDPX_EINVAL;
    if (c.family != SDPX_ADDR_IP4 && c.family != SDPX_ADDR_IP6)
        return SDPX_EINVAL;
    if (c.component != 1 && c.component != 2)
        return SDPX_EINVAL;
    sdpx_str addrtype = addrtype_of(c.family);
    char port[24];
    sdpx_str ps = sdpxi_u64_str(port, c.port);
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, m->session);
    int rc;
    if (c.component == 1) {
        sdpxi_section *w = sdpxi_tx_write(&tx, m);
        if (!w)
            return sdpxi_tx_nomem(&tx);
        rc = tx_set_default(&tx, w, addrtype, c.address, c.port);
    } else {
        /* RFC 3605 2.1: a=rtcp:<port> <nettype> <addrtype> <address> */
        sdpx_str parts[5] = {ps, sdpxi_str(" IN ", 4), addrtype, sdpxi_str(" ", 1), c.address};
        sdpx_line l;
        sdpx_str all[7] = {sdpxi_str("rtcp:", 5), parts[0], parts[1], parts[2], parts[3], parts[4]};
        rc = sdpxi_tx_line(&tx, 'a', all, 6, &l);
        if (rc)
            return rc;
        sdpxi_section *w = sdpxi_tx_write(&tx, m);
        if (!w)
            return sdpxi_tx_nomem(&tx);
        size_t at = SIZE_MAX;
        for (size_t i = 1; i < w->n && at == SIZE_MAX; i++)
            if (w->lines[i].type == 'a' && w->lines[i].kind == SDPX_ATTR_RTCP)
                at = i;
        if (at != SIZE_MAX)
            sdpxi_sec_set(w, at, &l);
        else
            rc = sdpxi_tx_insert(&tx, w, w->n, &l);
    }
    return sdpxi_tx_end(&tx, rc);
}

/* ---- DTLS ------------------------------------------------------------------ */

/* RFC 4145 4 / RFC 8842 5: a=setup:active|passive|actpass|holdconn */
int sdpx_session_set_setup(sdpx_session *s, sdpx_setup role)
{
    if (!s)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    const char *name = sdpx_setup_name(role);
    if (!name)
        return SDPX_EINVAL;
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    int n = tx_replace_everywhere(&tx, SDPX_ATTR_SETUP, "setup", sdpxi_cstr(name));
    if (n < 0)
        return n;
    return n ? sdpxi_tx_end(&tx, 0) : sdpxi_refuse(s, SDPX_ENOTFOUND, 0, "no a=setup to replace");
}

int sdpx_media_set_setup(sdpx_media *m, sdpx_setup role)
{
    if (!m)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    const char *name = sdpx_setup_name(role);
    if (!name)
        return SDPX_EINVAL;
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, m->session);
    int n = tx_replace_kind(&tx, m, SDPX_ATTR_SETUP, "setup", sdpxi_cstr(name));
    if (n == 0) {
        sdpxi_section *w = sdpxi_tx_write(&tx, m);
        if (!w)
            return sdpxi_tx_nomem(&tx);
        n = sdpxi_tx_add_attr(&tx, w, w->n, "setup", sdpxi_cstr(name), 1);
    }
    return sdpxi_tx_end(&tx, n < 0 ? n : 0);
}

/* RFC 8122 5: a=fingerprint:<hash-func> <fingerprint>; a new certificate
 * replaces every fingerprint line (each section keeps one). */
int sdpx_session_set_fingerprint(sdpx_session *s, const char *value)
{
    if (!s || !value)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    sdpx_fingerprint f;
    sdpx_str v = sdpxi_cstr(value);
    if (!sdpxi_arg_text(s, "value", v, 'a'))
        return SDPX_EINVAL;
    if (sdpx_fingerprint_parse(v, &f))
        return sdpxi_refuse(s, SDPX_EINVAL, 0,
                            "value: not \"HASH HEX\" with the hash's length (RFC 8122 5)");
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    int n = tx_replace_everywhere(&tx, SDPX_ATTR_FINGERPRINT, "fingerprint", v);
    if (n < 0)
        return n;
    return n ? sdpxi_tx_end(&tx, 0) : sdpxi_refuse(s, SDPX_ENOTFOUND, 0, "no a=fingerprint to replace");
}

/* ---- BUNDLE ------------------------------------------------------------------ */

int sdpx_session_group_remove_mid(sdpx_session *s, const char *mid)
{
    if (!s || !mid)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    sdpx_str id = sdpxi_cstr(mid);
    if (!mid || !sdpxi_is_token(id))
        return SDPX_EINVAL;
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    return sdpxi_tx_end(&tx, sdpxi_tx_group_remove_mid(&tx, id));
}

/* RFC 5888 5: a=group:<semantics> *(SP <identification-tag>); the mid must
 * name a media section (RFC 8843 7.2). A missing group is created. */
int sdpx_session_group_add_mid(sdpx_session *s, const char *semantics, const char *mid)
{
    if (!s || !semantics || !mid)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    sdpx_str sem = sdpxi_cstr(semantics), id = sdpxi_cstr(mid);
    if (!sdpxi_arg_token(s, "semantics", sem) || !sdpxi_arg_token(s, "mid", id))
        return SDPX_EINVAL;
    if (!sdpx_session_media_by_mid(s, id))
        return sdpxi_refuse(s, SDPX_ENOTFOUND, 0, "mid: no media section has a=mid:%.*s",
                            (int)(id.len > 64 ? 64 : id.len), id.ptr);
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    const sdpxi_section *r = sdpxi_tx_read(&tx, NULL);
    size_t at = SIZE_MAX;
    sdpx_str head = sem; /* what goes before the new id */
    for (size_t i = 0; i < r->n && at == SIZE_MAX; i++) {
        sdpx_group g;
        const sdpx_line *l = &r->lines[i];
        if (l->type != 'a' || l->kind != SDPX_ATTR_GROUP || sdpx_group_parse(sdpx_attr_value(l), &g) ||
            !sdpx_str_eq(g.semantics, semantics))
            continue;
        if (sdpx_group_has(&g, id))
            return 0;
        head = sdpx_attr_value(l);
        while (head.len && head.ptr[head.len - 1] == ' ')
            head.len--;
        at = i;
    }
    sdpx_str parts[4] = {sdpxi_str("group:", 6), head, sdpxi_str(" ", 1), id};
    sdpx_line nl;
    int rc = sdpxi_tx_line(&tx, 'a', parts, 4, &nl);
    if (rc)
        return rc;
    sdpxi_section *w = sdpxi_tx_write(&tx, NULL);
    if (!w)
        return sdpxi_tx_nomem(&tx);
    if (at != SIZE_MAX) {
        sdpxi_sec_set(w, at, &nl);
        return sdpxi_tx_end(&tx, 0);
    }
    /* a new group comes first among the session attributes, as browsers write them */
    size_t pos = sdpxi_insert_pos(w, 0, 't');
    while (pos < w->n && w->lines[pos].type != 'a')
        pos++;
    return sdpxi_tx_end(&tx, sdpxi_tx_insert(&tx, w, pos, &nl));
}

/* ---- streams ------------------------------------------------------------------ */

/* RFC 5576 / RFC 8830: drop a section's ssrc, ssrc-group and msid lines. */
int sdpx_media_remove_streams(sdpx_media *m)
{
    if (!m)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    static const sdpx_attr_kind kinds[] = {SDPX_ATTR_SSRC, SDPX_ATTR_SSRC_GROUP, SDPX_ATTR_MSID};
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, m->session);
    int total = 0;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        int rc = sdpxi_tx_remove_kind(&tx, m, kinds[i]);
        if (rc < 0)
            return rc;
        total += rc;
    }
    return sdpxi_tx_end(&tx, total);
}

/* RFC 8830 2: a=msid:<stream id> [<track id>], one line replacing the others. */
int sdpx_media_set_msid(sdpx_media *m, const char *stream, const char *track)
{
    if (!m || !stream)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    sdpx_str st = sdpxi_cstr(stream), tr = sdpxi_cstr(track);
    if (!stream || !sdpxi_text_ok(st) || (track && !sdpxi_text_ok(tr)))
        return SDPX_EINVAL;
    char buf[160];
    if (st.len + tr.len + 2 > sizeof buf)
        return SDPX_EINVAL;
    size_t n = st.len;
    memcpy(buf, st.ptr, st.len);
    if (track) {
        buf[n++] = ' ';
        memcpy(buf + n, tr.ptr, tr.len);
        n += tr.len;
    }
    sdpx_msid ms;
    if (sdpx_msid_parse(sdpxi_str(buf, n), &ms))
        return SDPX_EINVAL;
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, m->session);
    int rc = tx_replace_kind(&tx, m, SDPX_ATTR_MSID, "msid", sdpxi_str(buf, n));
    if (rc == 0) {
        sdpxi_section *w = sdpxi_tx_write(&tx, m);
        if (!w)
            return sdpxi_tx_nomem(&tx);
        rc = sdpxi_tx_add_attr(&tx, w, w->n, "msid", sdpxi_str(buf, n), 1);
    }
    return sdpxi_tx_end(&tx, rc < 0 ? rc : 0);
}

/* ---- header extensions (RFC 8285) ------------------------------------------ */

static int tx_extmap_id(sdpxi_tx *tx, sdpxi_section *w, size_t i, unsigned id);

static int tx_extmap(sdpxi_tx *tx, sdpx_media *m, sdpx_str uri, const unsigned *new_id)
{
    const sdpxi_section *r = sdpxi_tx_read(tx, m);
    int hits = 0;
    for (size_t i = 0; i < r->n; i++, SDPXI_OPS(1)) {
        sdpx_extmap e;
        const sdpx_line *l = &r->lines[i];
        if (l->type != 'a' || l->kind != SDPX_ATTR_EXTMAP || sdpx_extmap_parse(sdpx_attr_value(l), &e))
            continue;
        int same = e.uri.len == uri.len && !memcmp(e.uri.ptr, uri.ptr, uri.len);
        if (same)
            hits++;
        else if (new_id && e.id == *new_id)
            /* RFC 8285 5: ids are unique within a section */
            return m ? sdpxi_refuse(tx->s, SDPX_EINVAL, 0,
                                    "id: %u is taken by another extension in media section %zu",
                                    *new_id, sdpx_media_index(m))
                     : sdpxi_refuse(tx->s, SDPX_EINVAL, 0,
                                    "id: %u is taken by another extension at session level", *new_id);
    }
    if (!hits)
        return 0;
    sdpxi_section *w = sdpxi_tx_write(tx, m);
    if (!w)
        return sdpxi_tx_nomem(tx);
    for (size_t i = 0; i < w->n; i++, SDPXI_OPS(1)) {
        sdpx_extmap e;
        const sdpx_line *l = &w->lines[i];
        if (l->type != 'a' || l->kind != SDPX_ATTR_EXTMAP || sdpx_extmap_parse(sdpx_attr_value(l), &e) ||
            !(e.uri.len == uri.len && !memcmp(e.uri.ptr, uri.ptr, uri.len)))
            continue;
        if (!new_id) {
            sdpxi_sec_mark(w, i);
            continue;
        }
        int rc = tx_extmap_id(tx, w, i, *new_id);
        if (rc)
            return rc;
    }
    sdpxi_sec_sweep(w);
    return hits;
}

static int extmap_all(sdpx_session *s, const char *uri, const unsigned *new_id)
{
    sdpx_str u = sdpxi_cstr(uri);
    if (!uri || u.len == 0 || !sdpxi_text_ok(u) || memchr(u.ptr, ' ', u.len))
        return SDPX_EINVAL;
    /* RFC 8285 4.2/4.3: 1-14 one-byte, 1-255 two-byte; 15 is reserved */
    if (new_id && (*new_id == 0 || *new_id == 15 || *new_id > 255))
        return sdpxi_refuse(s, SDPX_EINVAL, 0, "id: %u; extmap ids are 1-14 and 16-255 (RFC 8285 5)",
                            *new_id);
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    int total = tx_extmap(&tx, NULL, u, new_id);
    for (size_t i = 0; total >= 0 && i < s->nmedia; i++) {
        int rc = tx_extmap(&tx, s->media[i], u, new_id);
        total = rc < 0 ? rc : total + rc;
    }
    return sdpxi_tx_end(&tx, total);
}

int sdpx_session_remove_extmap(sdpx_session *s, const char *uri)
{
    if (!s || !uri)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    return extmap_all(s, uri, NULL);
}

int sdpx_session_renumber_extmap(sdpx_session *s, const char *uri, unsigned id)
{
    if (!s || !uri)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    return extmap_all(s, uri, &id);
}

/* Rewrite one extmap line of a working section with id `id`, keeping the
 * "/direction", URI and attributes as written. */
static int tx_extmap_id(sdpxi_tx *tx, sdpxi_section *w, size_t i, unsigned id)
{
    sdpx_str v = sdpx_attr_value(&w->lines[i]);
    size_t idlen = 0;
    while (idlen < v.len && sdpxi_is_digit(v.ptr[idlen]))
        idlen++;
    char num[24];
    sdpx_str parts[3] = {sdpxi_str("extmap:", 7), sdpxi_u64_str(num, id), sdpxi_str(v.ptr + idlen, v.len - idlen)};
    return sdpxi_tx_set(tx, w, i, parts, 3);
}

/* RFC 8285 5: ids are per section, but BUNDLE (RFC 8843 9.2) wants one id
 * per URI across the bundled sections: give each URI, in order of first
 * appearance, the ids 1, 2, ... (skipping the reserved 15). */
int sdpx_session_compact_extmap(sdpx_session *s)
{
    if (!s)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    size_t total = 0;
    for (size_t k = 0; k <= s->nmedia; k++) {
        const sdpxi_section *r = k ? &s->media[k - 1]->sec : &s->sec;
        for (size_t i = 0; i < r->n; i++, SDPXI_OPS(1))
            total += r->lines[i].type == 'a' && r->lines[i].kind == SDPX_ATTR_EXTMAP;
    }
    if (!total)
        return 0;
    sdpx_str *uris = sdpxi_arena_alloc(&s->arena, total * sizeof *uris);
    if (!uris)
        return sdpxi_tx_nomem(&tx);
    size_t nuris = 0;
    int changed = 0;
    for (size_t k = 0; k <= s->nmedia; k++) {
        sdpx_media *m = k ? s->media[k - 1] : NULL;
        const sdpxi_section *r = sdpxi_tx_read(&tx, m);
        for (size_t i = 0; i < r->n; i++, SDPXI_OPS(1)) {
            sdpx_extmap e;
            const sdpx_line *l = &r->lines[i];
            if (l->type != 'a' || l->kind != SDPX_ATTR_EXTMAP || sdpx_extmap_parse(sdpx_attr_value(l), &e))
                continue;
            /* one mapping is everything after the id: direction, URI and its
             * attributes (RFC 6904's encrypt URI names the one it hides) */
            sdpx_str key = sdpx_attr_value(l);
            while (key.len && sdpxi_is_digit(key.ptr[0])) {
                key.ptr++;
                key.len--;
            }
            size_t u = 0;
            while (u < nuris && !(uris[u].len == key.len && !memcmp(uris[u].ptr, key.ptr, key.len)))
                u++;
            if (u == nuris)
                uris[nuris++] = key;
            unsigned id = (unsigned)u + 1 + (u + 1 >= 15); /* 15 is reserved (RFC 8285 4.2) */
            if (id > 255)
                return SDPX_ELIMIT;
            if (e.id == id)
                continue;
            sdpxi_section *w = sdpxi_tx_write(&tx, m);
            if (!w)
                return sdpxi_tx_nomem(&tx);
            r = w;
            int rc = tx_extmap_id(&tx, w, i, id);
            if (rc)
                return rc;
            changed++;
        }
    }
    return sdpxi_tx_end(&tx, changed);
}
