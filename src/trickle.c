/* Trickle ICE fragments (RFC 8840 application/trickle-ice-sdpfrag): parse
 * them into the session model, write them, and apply one to a session. */
#include "edit.h"

int sdpx_fragment_parse(const char *buf, size_t len, const sdpx_parse_options *opt,
                        sdpx_session **out, sdpx_error *err)
{
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
    sdpxi_out o = {buf, cap, 0};
    int bad = !sdpxi_line_safe(ufrag) || !sdpxi_line_safe(pwd);
    if (ufrag.len)
        put_attr(&o, "ice-ufrag", ufrag);
    if (pwd.len)
        put_attr(&o, "ice-pwd", pwd);
    for (size_t i = 0; i < nsec; i++) {
        const sdpx_fragment_section *fs = &sec[i];
        bad |= !sdpxi_line_safe(fs->mline) || !sdpxi_line_safe(fs->mid);
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

/* The session's media section a fragment section stands for: same a=mid,
 * or the same position when the fragment section has no mid. */
static sdpx_media *target_of(const sdpx_session *s, const sdpx_media *fm)
{
    sdpx_str mid;
    if (sdpx_media_mid(fm, &mid) == 0)
        return sdpx_session_media_by_mid(s, mid);
    return sdpx_session_media(s, sdpx_media_index(fm));
}

static int same_view(sdpx_str a, sdpx_str b)
{
    return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

static int same_view_icase(sdpx_str a, sdpx_str b)
{
    if (a.len != b.len)
        return 0;
    for (size_t i = 0; i < a.len; i++) {
        int x = (unsigned char)a.ptr[i], y = (unsigned char)b.ptr[i];
        if ((x >= 'A' && x <= 'Z' ? x + 32 : x) != (y >= 'A' && y <= 'Z' ? y + 32 : y))
            return 0;
    }
    return 1;
}

/* RFC 8445 5.1.3: a candidate is its foundation, component, transport and
 * transport address; the same one sent twice is a duplicate. */
static int same_candidate(const sdpx_candidate *a, const sdpx_candidate *b)
{
    return a->component == b->component && a->port == b->port &&
           same_view(a->foundation, b->foundation) && same_view(a->address, b->address) &&
           same_view_icase(a->transport, b->transport);
}

/* 1 when some candidate line among lines[0..n) equals c. */
static int has_candidate(const sdpx_line *lines, size_t n, const sdpx_candidate *c)
{
    for (size_t i = 0; i < n; i++) {
        sdpx_candidate o;
        if (lines[i].type == 'a' && lines[i].kind == SDPX_ATTR_CANDIDATE &&
            sdpx_candidate_parse(sdpx_attr_value(&lines[i]).ptr, sdpx_attr_value(&lines[i]).len,
                                 &o) == 0 &&
            same_candidate(&o, c))
            return 1;
    }
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
    for (size_t i = 1; i < w->n; i++) {
        if (w->lines[i].type != 'a')
            continue;
        if (w->lines[i].kind == SDPX_ATTR_CANDIDATE)
            pos = i + 1;
        else if (w->lines[i].kind == SDPX_ATTR_END_OF_CANDIDATES && end == SIZE_MAX)
            end = i;
    }
    if (pos == SIZE_MAX)
        pos = end != SIZE_MAX ? end : w->n;
    const sdpx_line *fl = NULL;
    while (from && (fl = sdpx_media_find_attr(from, SDPX_ATTR_CANDIDATE, fl)) != NULL) {
        sdpx_candidate c;
        sdpx_str v = sdpx_attr_value(fl);
        if (sdpx_candidate_parse(v.ptr, v.len, &c) != 0)
            continue; /* checked before: cannot happen */
        if (has_candidate(w->lines, w->n, &c)) {
            res->duplicates++;
            continue;
        }
        int rc = sdpxi_tx_add_attr(tx, w, pos++, "candidate", v, 1);
        if (rc)
            return rc;
        res->added++;
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
    return get(fm, &a) == 0 && get(m, &b) == 0 && !same_view(a, b);
}

/* 1 when the fragment's session-level credential of `kind` is given and
 * differs from the one in force for m. */
static int session_cred_changed(const sdpx_session *frag, const sdpx_media *m,
                                sdpx_attr_kind kind)
{
    const sdpx_line *l = sdpx_session_find_attr(frag, kind, NULL);
    const sdpx_line *have = sdpxi_scoped_attr(m, kind);
    return l && have && !same_view(sdpx_attr_value(l), sdpx_attr_value(have));
}

int sdpx_session_apply_fragment(sdpx_session *s, const sdpx_session *frag,
                                sdpx_apply_result *res)
{
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
    for (size_t i = 0; i < nf; i++) {
        const sdpx_media *fm = sdpx_session_media(frag, i);
        sdpx_media *m = target_of(s, fm);
        if (!m)
            return SDPX_ENOTFOUND;
        for (size_t k = 0; k < i; k++)
            if (target_of(s, sdpx_session_media(frag, k)) == m)
                return SDPX_EINVAL; /* two fragment sections for one media section */
        /* RFC 8840 4.4: new ICE credentials in a fragment signal an ICE restart */
        if (cred_changed(fm, m, sdpx_media_ice_ufrag) || cred_changed(fm, m, sdpx_media_ice_pwd))
            res->ice_restart = 1;
        const sdpx_line *l = NULL;
        while ((l = sdpx_media_find_attr(fm, SDPX_ATTR_CANDIDATE, l)) != NULL) {
            sdpx_candidate c;
            sdpx_str v = sdpx_attr_value(l);
            if (sdpx_candidate_parse(v.ptr, v.len, &c) != 0)
                return SDPX_EVALUE;
        }
    }
    if (res->ice_restart)
        return 0;
    /* RFC 8840 8.2: end-of-candidates at session level covers every section */
    int all_end = sdpx_session_find_attr(frag, SDPX_ATTR_END_OF_CANDIDATES, NULL) != NULL;
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    int rc = 0;
    for (size_t i = 0; i < ns && rc == 0; i++) {
        sdpx_media *m = sdpx_session_media(s, i);
        const sdpx_media *from = NULL;
        for (size_t k = 0; k < nf && !from; k++)
            if (target_of(s, sdpx_session_media(frag, k)) == m)
                from = sdpx_session_media(frag, k);
        int eoc = (all_end || (from && sdpx_media_find_attr(from, SDPX_ATTR_END_OF_CANDIDATES,
                                                            NULL))) &&
                  !sdpx_media_find_attr(m, SDPX_ATTR_END_OF_CANDIDATES, NULL);
        int any = from && sdpx_media_find_attr(from, SDPX_ATTR_CANDIDATE, NULL);
        if (any || eoc)
            rc = apply_section(&tx, m, from, eoc, res);
    }
    rc = sdpxi_tx_end(&tx, rc);
    if (rc < 0) {
        memset(res, 0, sizeof *res);
        return rc;
    }
    return 0;
}
