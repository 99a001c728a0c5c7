/* Trickle ICE fragments (RFC 8840 application/trickle-ice-sdpfrag): parse
 * them into the session model, write them, and apply one to a session. */
#include "edit.h"

#include <stdlib.h>

int sdpx_fragment_parse(const char *buf, size_t len, const sdpx_parse_options *opt,
                        sdpx_session **out, sdpx_error *err)
{
    if ((!buf && len) || !out)
        return SDPX_EINVAL;
    sdpx_parse_options o;
    if (opt)
        o = *opt;
    else
        memset(&o, 0, sizeof o);
    /* RFC 8840 9: a fragment is ICE lines and media descriptions, without
     * the v=, o=, s= and t= lines of a full description */
    o.flags |= SDPXI_PARSE_FRAGMENT;
    return sdpx_parse(buf, len, &o, out, err);
}

/* ---- writing ---------------------------------------------------------- */

static void put_attr(sdpxi_out *o, const char *name, sdpx_str value)
{
    sdpxi_out_cstr(o, "a=");
    sdpxi_out_cstr(o, name);
    sdpxi_out_cstr(o, ":");
    sdpxi_out_str(o, value);
    sdpxi_out_cstr(o, "\r\n");
}

int sdpx_fragment_write(sdpx_str ufrag, sdpx_str pwd, const sdpx_fragment_section *sec,
                        size_t nsec, char *buf, size_t cap)
{
    if (!sec)
        return SDPX_EINVAL;
    sdpxi_out o = SDPXI_OUT(buf, cap);
    sdpx_str v;
    /* RFC 8839 5.4: ice-ufrag is 4-256 and ice-pwd 22-256 ice-chars */
    int bad = (ufrag.len && sdpx_ice_ufrag_parse(ufrag, &v)) ||
              (pwd.len && sdpx_ice_pwd_parse(pwd, &v));
    if (ufrag.len)
        put_attr(&o, "ice-ufrag", ufrag);
    if (pwd.len)
        put_attr(&o, "ice-pwd", pwd);
    for (size_t i = 0; i < nsec; i++) {
        const sdpx_fragment_section *fs = &sec[i];
        /* RFC 5888 4: the mid is a token */
        bad |= !sdpxi_line_safe(fs->mline) || (fs->mid.len && sdpx_mid_parse(fs->mid, &v));
        sdpxi_out_cstr(&o, "m=");
        if (fs->mline.len)
            sdpxi_out_str(&o, fs->mline);
        else
            sdpxi_out_cstr(&o, "audio 9 RTP/AVP 0");
        sdpxi_out_cstr(&o, "\r\n");
        if (fs->mid.len)
            put_attr(&o, "mid", fs->mid);
        for (size_t k = 0; k < fs->ncandidates; k++) {
            sdpxi_out_cstr(&o, "a=candidate:");
            /* the candidate encoder writes into what is left, counting the rest */
            size_t room = o.len < o.cap ? o.cap - o.len : 0;
            int n = sdpx_candidate_write(&fs->candidates[k], room ? o.buf + o.len : NULL, room);
            if (n < 0) {
                bad = 1;
                n = 0;
            }
            o.len += (size_t)n;
            sdpxi_out_cstr(&o, "\r\n");
        }
        if (fs->end_of_candidates)
            sdpxi_out_cstr(&o, "a=end-of-candidates\r\n");
    }
    return sdpxi_out_done(&o, bad);
}

/* ---- applying --------------------------------------------------------- */

/* Temporary arrays of an apply come from the session's allocator and go
 * back to it; a NO_HEAP session lends them from its scratch arena. */
static void *tmp_alloc(sdpx_session *s, size_t n, size_t size)
{
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX / size)
        return NULL;
    if (s->arena.no_heap)
        return sdpxi_arena_alloc(&s->arena, n * size);
    return s->arena.alloc.alloc(s->arena.alloc.ctx, n * size);
}

static void tmp_free(sdpx_session *s, void *p, size_t n, size_t size)
{
    if (p && !s->arena.no_heap)
        s->arena.alloc.release(s->arena.alloc.ctx, p, (n ? n : 1) * size);
}

static int tmp_nomem(const sdpx_session *s)
{
    return s->arena.no_heap ? SDPX_ESCRATCH : SDPX_ENOMEM;
}

static int cmp_view(sdpx_str a, sdpx_str b)
{
    if (a.len != b.len)
        return a.len < b.len ? -1 : 1;
    return a.len ? memcmp(a.ptr, b.ptr, a.len) : 0;
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int cmp_view_icase(sdpx_str a, sdpx_str b)
{
    if (a.len != b.len)
        return a.len < b.len ? -1 : 1;
    for (size_t i = 0; i < a.len; i++) {
        int x = lower((unsigned char)a.ptr[i]), y = lower((unsigned char)b.ptr[i]);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

/* A session media section's mid, for finding a fragment section's target. */
typedef struct mid_entry {
    sdpx_str mid;
    size_t index;
} mid_entry;

/* By mid, then by position: the first section with a mid sorts first. */
static int cmp_mid(const void *pa, const void *pb)
{
    SDPXI_OPS(1);
    const mid_entry *a = pa, *b = pb;
    int c = cmp_view(a->mid, b->mid);
    if (c)
        return c;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Index of the first session section whose a=mid is `mid` (mids[] sorted by
 * cmp_mid), else SIZE_MAX. */
static size_t find_mid(const mid_entry *mids, size_t n, sdpx_str mid)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (cmp_view(mids[m].mid, mid) < 0)
            lo = m + 1;
        else
            hi = m;
    }
    return lo < n && sdpxi_str_same(mids[lo].mid, mid) ? mids[lo].index : SIZE_MAX;
}

/* The session's media section a fragment section stands for: same a=mid,
 * or the same position when the fragment section has no mid. */
static size_t target_of(const mid_entry *mids, size_t nmids, size_t ns, const sdpx_media *fm)
{
    sdpx_str mid;
    if (sdpx_media_mid(fm, &mid) == 0)
        return find_mid(mids, nmids, mid);
    return sdpx_media_index(fm) < ns ? sdpx_media_index(fm) : SIZE_MAX;
}

/* RFC 8445 5.1.3: a candidate is its foundation, component, transport and
 * transport address; the same one sent twice is a duplicate. */
typedef struct cand_key {
    sdpx_str foundation, transport, address;
    uint32_t component;
    uint16_t port;
    size_t seq; /* order within the fragment section */
} cand_key;

static int cmp_cand(const cand_key *a, const cand_key *b)
{
    int c;
    SDPXI_OPS(1);
    if (a->component != b->component)
        return a->component < b->component ? -1 : 1;
    if (a->port != b->port)
        return a->port < b->port ? -1 : 1;
    if ((c = cmp_view(a->foundation, b->foundation)) != 0 ||
        (c = cmp_view(a->address, b->address)) != 0)
        return c;
    return cmp_view_icase(a->transport, b->transport);
}

/* By candidate, then by order in the fragment: the first of equal ones leads. */
static int cmp_cand_seq(const void *pa, const void *pb)
{
    const cand_key *a = pa, *b = pb;
    int c = cmp_cand(a, b);
    if (c)
        return c;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static cand_key key_of(const sdpx_candidate *c, size_t seq)
{
    cand_key k;
    k.foundation = c->foundation;
    k.transport = c->transport;
    k.address = c->address;
    k.component = c->component;
    k.port = c->port;
    k.seq = seq;
    return k;
}

/* The first of keys[0..n) (sorted by cmp_cand) not below k. */
static size_t lower_key(const cand_key *keys, size_t n, const cand_key *k)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (cmp_cand(&keys[m], k) < 0)
            lo = m + 1;
        else
            hi = m;
    }
    return lo;
}

/* A candidate value's duplicate key by field splitting alone (RFC 8839 5.1:
 * foundation component-id transport priority address port ...), the fields
 * the decoder takes verbatim; -1 when they are not there. A line whose key
 * matches is decoded in full before it counts. */
static int quick_key(sdpx_str v, cand_key *k)
{
    sdpx_str rest = v, f[6];
    uint64_t comp, port;
    for (int i = 0; i < 6; i++)
        if (!sdpx_field_next(&rest, &f[i]))
            return -1;
    if (sdpxi_parse_uint(f[1], 256, &comp) || sdpxi_parse_uint(f[5], 65535, &port))
        return -1;
    k->foundation = f[0];
    k->component = (uint32_t)comp;
    k->transport = f[2];
    k->address = f[4];
    k->port = (uint16_t)port;
    k->seq = 0;
    return 0;
}

/* Mark dup[i] for each of the fragment's candidates already in lines[0..n)
 * or sent earlier in the same fragment section. The fragment's keys are
 * sorted (k log k) and each line of the section is looked up among them
 * (n log k): one pass over the section, with no decoding but of the lines
 * whose key matches. */
static int mark_duplicates(sdpx_session *s, const sdpx_line *lines, size_t n,
                           const sdpx_media *from, unsigned char *dup, size_t nnew)
{
    cand_key *fresh = tmp_alloc(s, nnew, sizeof *fresh);
    if (!fresh)
        return tmp_nomem(s);
    const sdpx_line *fl = NULL;
    size_t nfresh = 0, k = 0;
    while ((fl = sdpx_media_find_attr(from, SDPX_ATTR_CANDIDATE, fl)) != NULL && k < nnew) {
        sdpx_candidate c;
        sdpx_str v = sdpx_attr_value(fl);
        if (sdpx_candidate_parse(v.ptr, v.len, &c) != 0) {
            dup[k++] = 2; /* checked before: cannot happen; skipped, not counted */
            continue;
        }
        fresh[nfresh++] = key_of(&c, k++);
    }
    qsort(fresh, nfresh, sizeof *fresh, cmp_cand_seq);
    for (size_t i = 1; i < nfresh; i++)
        if (cmp_cand(&fresh[i - 1], &fresh[i]) == 0)
            dup[fresh[i].seq] = 1; /* a later copy of one sent before */
    for (size_t i = 0; i < n && nfresh; i++, SDPXI_OPS(1)) {
        cand_key q;
        sdpx_candidate c;
        sdpx_str v = sdpx_attr_value(&lines[i]);
        if (lines[i].type != 'a' || lines[i].kind != SDPX_ATTR_CANDIDATE || quick_key(v, &q))
            continue;
        size_t at = lower_key(fresh, nfresh, &q);
        if (at == nfresh || cmp_cand(&fresh[at], &q) != 0 ||
            sdpx_candidate_parse(v.ptr, v.len, &c) != 0)
            continue;
        for (; at < nfresh && cmp_cand(&fresh[at], &q) == 0; at++)
            dup[fresh[at].seq] = 1;
    }
    tmp_free(s, fresh, nnew, sizeof *fresh);
    return 0;
}
/* Add the fragment section's new candidates to m's working copy (after its
 * last candidate, else before its end-of-candidates, else at the end), and
 * an end-of-candidates after them when `eoc`. */
static int apply_section(sdpxi_tx *tx, sdpx_media *m, const sdpx_media *from, int eoc,
                         sdpx_apply_result *res)
{
    sdpxi_section *w = sdpxi_tx_write(tx, m);
    if (!w)
        return sdpxi_tx_nomem(tx);
    size_t pos = SIZE_MAX, end = SIZE_MAX;
    for (size_t i = 1; i < w->n; i++, SDPXI_OPS(1)) {
        if (w->lines[i].type != 'a')
            continue;
        if (w->lines[i].kind == SDPX_ATTR_CANDIDATE)
            pos = i + 1;
        else if (w->lines[i].kind == SDPX_ATTR_END_OF_CANDIDATES && end == SIZE_MAX)
            end = i;
    }
    if (pos == SIZE_MAX)
        pos = end != SIZE_MAX ? end : w->n;
    size_t nnew = 0;
    const sdpx_line *fl = NULL;
    while (from && (fl = sdpx_media_find_attr(from, SDPX_ATTR_CANDIDATE, fl)) != NULL)
        nnew++;
    if (nnew) {
        sdpx_session *s = tx->s;
        unsigned char *dup = tmp_alloc(s, nnew, 1);
        if (!dup)
            return tmp_nomem(s);
        memset(dup, 0, nnew);
        int rc = mark_duplicates(s, w->lines, w->n, from, dup, nnew);
        size_t k = 0;
        fl = NULL;
        while (rc == 0 && (fl = sdpx_media_find_attr(from, SDPX_ATTR_CANDIDATE, fl)) != NULL) {
            unsigned char d = dup[k++];
            if (d) {
                res->duplicates += d == 1;
                continue;
            }
            rc = sdpxi_tx_add_attr(tx, w, pos++, "candidate", sdpx_attr_value(fl), 1);
            if (rc == 0)
                res->added++;
        }
        tmp_free(s, dup, nnew, 1);
        if (rc)
            return rc;
    }
    if (eoc) {
        /* RFC 8840 8.2: end-of-candidates follows the section's candidates */
        int rc = sdpxi_tx_add_attr(tx, w, pos, "end-of-candidates", sdpxi_str("", 0), 0);
        if (rc)
            return rc;
        res->ended++;
    }
    return 0;
}

/* 1 when the fragment's credential for fm is given and differs from m's. */
static int cred_changed(const sdpx_media *fm, const sdpx_media *m,
                        int (*get)(const sdpx_media *, sdpx_str *))
{
    sdpx_str a, b;
    return get(fm, &a) == 0 && get(m, &b) == 0 && !sdpxi_str_same(a, b);
}

/* 1 when the fragment's session-level credential of `kind` is given and
 * differs from the one in force for m. */
static int session_cred_changed(const sdpx_session *frag, const sdpx_media *m,
                                sdpx_attr_kind kind)
{
    const sdpx_line *l = sdpx_session_find_attr(frag, kind, NULL);
    const sdpx_line *have = sdpxi_scoped_attr(m, kind);
    return l && have && !sdpxi_str_same(sdpx_attr_value(l), sdpx_attr_value(have));
}

/* Check every fragment section and find its target: from[t] is the index
 * of the fragment section for session section t, or SIZE_MAX. */
static int check_fragment(sdpx_session *s, const sdpx_session *frag, size_t *from,
                          sdpx_apply_result *res)
{
    size_t ns = sdpx_session_media_count(s), nf = sdpx_session_media_count(frag);
    mid_entry *mids = tmp_alloc(s, ns, sizeof *mids);
    if (!mids)
        return tmp_nomem(s);
    size_t nmids = 0;
    for (size_t t = 0; t < ns; t++) {
        from[t] = SIZE_MAX;
        if (sdpx_media_mid(sdpx_session_media(s, t), &mids[nmids].mid) == 0)
            mids[nmids++].index = t;
    }
    qsort(mids, nmids, sizeof *mids, cmp_mid);
    int rc = 0;
    for (size_t i = 0; i < nf && rc == 0; i++) {
        const sdpx_media *fm = sdpx_session_media(frag, i);
        size_t t = target_of(mids, nmids, ns, fm);
        if (t == SIZE_MAX) {
            rc = SDPX_ENOTFOUND;
            break;
        }
        if (from[t] != SIZE_MAX) {
            rc = SDPX_EINVAL; /* two fragment sections for one media section */
            break;
        }
        from[t] = i;
        const sdpx_media *m = sdpx_session_media(s, t);
        /* RFC 8840 4.4: new ICE credentials in a fragment signal an ICE restart */
        if (cred_changed(fm, m, sdpx_media_ice_ufrag) || cred_changed(fm, m, sdpx_media_ice_pwd))
            res->ice_restart = 1;
        const sdpx_line *l = NULL;
        while ((l = sdpx_media_find_attr(fm, SDPX_ATTR_CANDIDATE, l)) != NULL) {
            sdpx_candidate c;
            sdpx_str v = sdpx_attr_value(l);
            if (sdpx_candidate_parse(v.ptr, v.len, &c) != 0) {
                rc = SDPX_EVALUE;
                break;
            }
        }
    }
    tmp_free(s, mids, ns, sizeof *mids);
    return rc;
}

int sdpx_session_apply_fragment(sdpx_session *s, const sdpx_session *frag,
                                sdpx_apply_result *res)
{
    if (!s || !frag || !res)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    memset(res, 0, sizeof *res);
    size_t ns = sdpx_session_media_count(s), nf = sdpx_session_media_count(frag);
    /* a fragment of credentials alone speaks for every media section */
    for (size_t i = 0; i < ns && nf == 0; i++) {
        const sdpx_media *m = sdpx_session_media(s, i);
        if (session_cred_changed(frag, m, SDPX_ATTR_ICE_UFRAG) ||
            session_cred_changed(frag, m, SDPX_ATTR_ICE_PWD))
            res->ice_restart = 1;
    }
    /* Check everything before changing anything. */
    size_t *from = tmp_alloc(s, ns, sizeof *from);
    if (!from)
        return tmp_nomem(s);
    int rc = check_fragment(s, frag, from, res);
    if (rc || res->ice_restart) {
        tmp_free(s, from, ns, sizeof *from);
        return rc;
    }
    /* RFC 8840 8.2: end-of-candidates at session level covers every section */
    int all_end = sdpx_session_find_attr(frag, SDPX_ATTR_END_OF_CANDIDATES, NULL) != NULL;
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    for (size_t i = 0; i < ns && rc == 0; i++) {
        sdpx_media *m = sdpx_session_media_mut(s, i);
        const sdpx_media *fm = from[i] != SIZE_MAX ? sdpx_session_media(frag, from[i]) : NULL;
        int eoc = (all_end || (fm && sdpx_media_find_attr(fm, SDPX_ATTR_END_OF_CANDIDATES,
                                                          NULL))) &&
                  !sdpx_media_find_attr(m, SDPX_ATTR_END_OF_CANDIDATES, NULL);
        int any = fm && sdpx_media_find_attr(fm, SDPX_ATTR_CANDIDATE, NULL);
        if (any || eoc)
            rc = apply_section(&tx, m, fm, eoc, res);
    }
    tmp_free(s, from, ns, sizeof *from);
    rc = sdpxi_tx_end(&tx, rc);
    if (rc < 0) {
        memset(res, 0, sizeof *res);
        return rc;
    }
    return 0;
}
