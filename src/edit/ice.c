/* ICE edits: credentials, candidates (add, end-of-candidates, remove by
 * filter with the default address moved off removed ones, use one as the
 * default). Values are checked with the attribute decoders. */
#include "edit.h"

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
    int a = sdpxi_tx_replace_everywhere(&tx, SDPX_ATTR_ICE_UFRAG, "ice-ufrag", u);
    if (a < 0)
        return a;
    int b = sdpxi_tx_replace_everywhere(&tx, SDPX_ATTR_ICE_PWD, "ice-pwd", p);
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
            !sdpx_candidate_parse(v.ptr, v.len, &c) && sdpxi_str_same(c.address, addr))
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
