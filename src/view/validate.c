/* Semantic validation: the cross-references between lines that no single
 * line's grammar can check (payload types, apt, mids, rids, SSRCs, extmap
 * ids, DTLS and ICE parameters). Each finding has its own SDPX_EV_* code. */
#include "view.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct {
    sdpx_diag_fn fn;
    void *ctx;
    int count;
} reporter;

/* Report one finding at `at` (a pointer into the line's text, or NULL for column 1). */
static void report(reporter *r, int code, const sdpx_line *l, const char *at, const char *fmt,
                   ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static void report(reporter *r, int code, const sdpx_line *l, const char *at, const char *fmt,
                   ...)
{
    r->count++;
    if (!r->fn)
        return;
    sdpx_error e;
    memset(&e, 0, sizeof e);
    e.code = code;
    e.line = l ? sdpx_line_number(l) : 0;
    sdpx_str text = l ? sdpx_line_text(l) : sdpxi_str(NULL, 0);
    e.col = at && at >= text.ptr && at <= text.ptr + text.len ? (unsigned)(at - text.ptr) + 1 : 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.msg, sizeof e.msg, fmt, ap);
    va_end(ap);
    r->fn(r->ctx, SDPX_SEV_ERROR, &e);
}

/* A printable copy of a view for messages. */
typedef struct {
    char s[64];
} quoted;

static quoted q(sdpx_str v)
{
    quoted o;
    sdpxi_quote(o.s, sizeof o.s, v, 40);
    return o;
}

/* ---- payload types: rtpmap, fmtp, rtcp-fb, apt, rid pt= ---------------- */

typedef struct {
    uint8_t in_mline[128];
    int rtp;
} pt_set;

static void mline_pts(const sdpx_media *m, pt_set *set)
{
    memset(set, 0, sizeof *set);
    sdpx_str rest = sdpxi_rtp_formats(m), f;
    uint64_t v;
    while (sdpx_field_next(&rest, &f)) {
        set->rtp = 1;
        if (sdpxi_parse_uint(f, 127, &v) == 0)
            set->in_mline[v] = 1;
    }
}

static void check_pt_lines(reporter *r, const sdpx_media *m, const pt_set *set)
{
    uint8_t mapped[128] = {0};
    for (size_t i = 1; i < sdpx_media_line_count(m); i++) {
        const sdpx_line *l = sdpx_media_line(m, i);
        sdpx_str v = sdpx_attr_value(l), rest = v, first = v, apt;
        sdpx_field_next(&rest, &first);
        switch (sdpx_line_kind(l)) {
        case SDPX_ATTR_RTPMAP: {
            sdpx_rtpmap x;
            /* RFC 8866 6.6: rtpmap maps a payload type listed in the m= line */
            if (sdpx_rtpmap_parse(v, &x))
                break;
            if (!set->in_mline[x.payload_type])
                report(r, SDPX_EV_PT_NOT_IN_MLINE, l, first.ptr,
                       "a=rtpmap payload type %u is not in the m= line", x.payload_type);
            /* RFC 8866 6.6: one mapping per payload type */
            if (mapped[x.payload_type]++)
                report(r, SDPX_EV_RTPMAP_DUPLICATE, l, first.ptr,
                       "a second a=rtpmap for payload type %u", x.payload_type);
            break;
        }
        case SDPX_ATTR_FMTP: {
            sdpx_fmtp x;
            if (sdpx_fmtp_parse(v, &x) || !x.has_payload_type)
                break;
            if (!set->in_mline[x.payload_type])
                report(r, SDPX_EV_PT_NOT_IN_MLINE, l, x.format.ptr,
                       "a=fmtp payload type %u is not in the m= line", x.payload_type);
            /* RFC 4588 8.6: apt names the original payload type, which must be offered */
            uint64_t a;
            if (sdpx_fmtp_get(&x, "apt", &apt) == 0 &&
                (sdpxi_parse_uint(apt, 127, &a) || !set->in_mline[a]))
                report(r, SDPX_EV_APT_UNKNOWN, l, apt.ptr,
                       "apt=%s names no payload type of the m= line", q(apt).s);
            break;
        }
        case SDPX_ATTR_RTCP_FB: {
            sdpx_rtcp_fb x;
            if (sdpx_rtcp_fb_parse(v, &x) == 0 && !x.wildcard && !set->in_mline[x.payload_type])
                report(r, SDPX_EV_PT_NOT_IN_MLINE, l, first.ptr,
                       "a=rtcp-fb payload type %u is not in the m= line", x.payload_type);
            break;
        }
        default:
            break;
        }
    }
}

/* The encodings of a section's payload types (from their rtpmap), the
 * dynamic types without an rtpmap (RFC 8866 6.6: 96-127 need one), and each
 * fmtp's well-known parameters checked against its codec's RFC. */
static void check_codecs(reporter *r, const sdpx_media *m)
{
    sdpx_str enc[128];
    memset(enc, 0, sizeof enc);
    for (size_t i = 1; i < sdpx_media_line_count(m); i++) {
        const sdpx_line *l = sdpx_media_line(m, i);
        sdpx_rtpmap x;
        if (sdpx_line_kind(l) == SDPX_ATTR_RTPMAP && sdpx_rtpmap_parse(sdpx_attr_value(l), &x) == 0 &&
            !enc[x.payload_type].ptr)
            enc[x.payload_type] = x.encoding;
    }
    const sdpx_line *mline = sdpx_media_line(m, 0);
    sdpx_str rest = sdpxi_rtp_formats(m), f;
    uint64_t v;
    sdpx_mline ml;
    /* RFC 3264 6: a rejected section (port 0, not bundle-only) keeps a format
     * for the grammar's sake and need not map it */
    if (sdpx_media_mline(m, &ml) == 0 && ml.port == 0 &&
        !sdpx_media_find_attr(m, SDPX_ATTR_BUNDLE_ONLY, NULL))
        rest = sdpxi_str(rest.ptr, 0);
    while (sdpx_field_next(&rest, &f)) {
        if (sdpxi_parse_uint(f, 127, &v) || enc[v].ptr)
            continue;
        if (v >= 96)
            report(r, SDPX_EV_PT_NO_RTPMAP, mline, f.ptr,
                   "dynamic payload type %u has no a=rtpmap (RFC 8866 6.6)", (unsigned)v);
    }
    for (size_t i = 1; i < sdpx_media_line_count(m); i++) {
        const sdpx_line *l = sdpx_media_line(m, i);
        sdpx_fmtp x;
        sdpx_str at;
        char msg[160];
        if (sdpx_line_kind(l) != SDPX_ATTR_FMTP || sdpx_fmtp_parse(sdpx_attr_value(l), &x) ||
            !x.has_payload_type || !enc[x.payload_type].ptr)
            continue;
        if (sdpxi_codec_param_error(enc[x.payload_type], x.params, &at, msg, sizeof msg))
            report(r, SDPX_EV_FMTP_VALUE, l, at.ptr, "%s", msg);
    }
}

/* RFC 8866 6.7: one direction attribute per level. */
static void check_directions(reporter *r, const sdpxi_section *sec)
{
    const sdpx_line *first = NULL;
    for (uint32_t i = 0; i < sec->n; i++) {
        const sdpx_line *l = &sec->lines[i];
        if (l->type != 'a' || (l->kind != SDPX_ATTR_SENDRECV && l->kind != SDPX_ATTR_SENDONLY &&
                               l->kind != SDPX_ATTR_RECVONLY && l->kind != SDPX_ATTR_INACTIVE))
            continue;
        if (first)
            report(r, SDPX_EV_DIRECTION_DUPLICATE, l, l->text + 2,
                   "a second direction attribute (a=%s after line %u's)",
                   sdpx_attr_kind_name((sdpx_attr_kind)l->kind), sdpx_line_number(first));
        else
            first = l;
    }
}

/* ---- rid and simulcast (RFC 8851, RFC 8853) ---------------------------- */

/* Views sorted by their bytes (then by position), for lookups in
 * O(log n): the validation pass stays near-linear on hostile input. */
typedef struct {
    sdpx_str key;
    size_t pos;             /* order of appearance */
    const sdpx_line *line;
    int flag;               /* rid: 1 for send */
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    size_t n = x->key.len < y->key.len ? x->key.len : y->key.len;
    int c = n ? memcmp(x->key.ptr, y->key.ptr, n) : 0;
    if (c)
        return c;
    if (x->key.len != y->key.len)
        return x->key.len < y->key.len ? -1 : 1;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* The first (earliest) entry with `key`, or NULL. */
static const keyed *find_key(const keyed *v, size_t n, sdpx_str key)
{
    size_t lo = 0, hi = n;
    keyed probe = {key, 0, NULL, 0};
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cmp_keyed(&v[mid], &probe) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && sdpxi_str_same(v[lo].key, key) ? &v[lo] : NULL;
}

/* Check the simulcast lines of m against its sorted rids. */
static void check_simulcast(reporter *r, const sdpx_media *m, const keyed *rids, size_t nrids)
{
    for (const sdpx_line *l = sdpx_media_find_attr(m, SDPX_ATTR_SIMULCAST, NULL); l;
         l = sdpx_media_find_attr(m, SDPX_ATTR_SIMULCAST, l)) {
        sdpx_simulcast sc;
        if (sdpx_simulcast_parse(sdpx_attr_value(l), &sc))
            continue;
        for (int send = 0; send < 2; send++) {
            if (send ? !sc.has_send : !sc.has_recv)
                continue;
            sdpx_str streams = send ? sc.send : sc.recv, alts, id;
            sdpx_str paused_list = send ? sc.send_paused : sc.recv_paused;
            int paused;
            while (sdpx_simulcast_stream_next(&streams, &alts)) {
                while (sdpx_simulcast_alt_next(&alts, paused_list, &id, &paused)) {
                    const keyed *k = find_key(rids, nrids, id);
                    /* RFC 8853 5.1: each rid in a send (recv) list has an a=rid ... send (recv) */
                    if (!k)
                        report(r, SDPX_EV_SIMULCAST_RID_UNKNOWN, l, id.ptr,
                               "simulcast names rid \"%s\" without an a=rid line", q(id).s);
                    else if (k->flag != send)
                        report(r, SDPX_EV_SIMULCAST_RID_DIRECTION, l, id.ptr,
                               "simulcast %s lists rid \"%s\", an a=rid %s", send ? "send" : "recv",
                               q(id).s, k->flag ? "send" : "recv");
                }
            }
        }
    }
}

static int check_rids(reporter *r, const sdpx_media *m, const pt_set *set)
{
    size_t cap = 0, n = 0;
    for (const sdpx_line *l = sdpx_media_find_attr(m, SDPX_ATTR_RID, NULL); l;
         l = sdpx_media_find_attr(m, SDPX_ATTR_RID, l))
        cap++;
    keyed *rids = cap ? malloc(cap * sizeof *rids) : NULL;
    if (cap && !rids)
        return SDPX_ENOMEM;
    for (const sdpx_line *l = sdpx_media_find_attr(m, SDPX_ATTR_RID, NULL); l;
         l = sdpx_media_find_attr(m, SDPX_ATTR_RID, l)) {
        sdpx_rid x;
        if (sdpx_rid_parse(sdpx_attr_value(l), &x))
            continue;
        rids[n].key = x.id;
        rids[n].pos = n;
        rids[n].line = l;
        rids[n].flag = x.send;
        n++;
        sdpx_str rest = x.pts;
        unsigned pt;
        const char *at = rest.ptr;
        /* RFC 8851 4: pt= lists payload types of the m= line */
        while (set->rtp && sdpx_pt_next(&rest, &pt) == 1) {
            if (!set->in_mline[pt])
                report(r, SDPX_EV_RID_PT_UNKNOWN, l, at,
                       "rid \"%s\" names payload type %u, not in the m= line", q(x.id).s, pt);
            at = rest.ptr;
        }
    }
    if (n)
        qsort(rids, n, sizeof *rids, cmp_keyed);
    /* RFC 8851 4: a rid id identifies one RTP stream of the section */
    for (size_t i = 1; i < n; i++)
        if (sdpxi_str_same(rids[i].key, rids[i - 1].key))
            report(r, SDPX_EV_RID_DUPLICATE, rids[i].line, rids[i].key.ptr,
                   "rid \"%s\" is defined twice", q(rids[i].key).s);
    check_simulcast(r, m, rids, n);
    free(rids);
    return 0;
}

/* ---- SSRCs and extmap ids ---------------------------------------------- */

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Sorted SSRC ids of a section's a=ssrc lines, from malloc (NULL when none or out of memory). */
static uint32_t *ssrc_ids(const sdpx_media *m, size_t *n, int *oom)
{
    size_t cap = 0, k = 0;
    for (const sdpx_line *l = sdpx_media_find_attr(m, SDPX_ATTR_SSRC, NULL); l;
         l = sdpx_media_find_attr(m, SDPX_ATTR_SSRC, l))
        cap++;
    *n = 0;
    if (!cap)
        return NULL;
    uint32_t *ids = malloc(cap * sizeof *ids);
    if (!ids) {
        *oom = 1;
        return NULL;
    }
    for (const sdpx_line *l = sdpx_media_find_attr(m, SDPX_ATTR_SSRC, NULL); l;
         l = sdpx_media_find_attr(m, SDPX_ATTR_SSRC, l)) {
        sdpx_ssrc s;
        if (sdpx_ssrc_parse(sdpx_attr_value(l), &s) == 0)
            ids[k++] = s.id;
    }
    qsort(ids, k, sizeof *ids, cmp_u32);
    *n = k;
    return ids;
}

/* RFC 5576 4.2: a group lists distinct sources. Sorted, so a hostile group
 * of thousands of members costs n log n. Returns -1 when out of memory. */
static int check_group_distinct(reporter *r, const sdpx_line *l, const sdpx_ssrc_group *g)
{
    size_t n = 0, k = 0;
    uint32_t id;
    sdpx_str rest = g->ssrcs;
    while (sdpx_ssrc_next(&rest, &id) == 1)
        n++;
    if (n < 2)
        return 0;
    uint32_t *v = malloc(n * sizeof *v);
    if (!v)
        return -1;
    rest = g->ssrcs;
    while (k < n && sdpx_ssrc_next(&rest, &id) == 1)
        v[k++] = id;
    qsort(v, k, sizeof *v, cmp_u32);
    for (size_t i = 1; i < k; i++)
        if (v[i] == v[i - 1]) {
            report(r, SDPX_EV_SSRC_GROUP_DUPLICATE, l, g->ssrcs.ptr,
                   "ssrc-group %s lists SSRC %lu twice", q(g->semantics).s, (unsigned long)v[i]);
            break;
        }
    free(v);
    return 0;
}

static int check_ssrc_groups(reporter *r, const sdpx_media *m)
{
    if (!sdpx_media_find_attr(m, SDPX_ATTR_SSRC_GROUP, NULL))
        return 0;
    size_t n;
    int oom = 0;
    uint32_t *ids = ssrc_ids(m, &n, &oom);
    if (oom)
        return SDPX_ENOMEM;
    for (const sdpx_line *l = sdpx_media_find_attr(m, SDPX_ATTR_SSRC_GROUP, NULL); l;
         l = sdpx_media_find_attr(m, SDPX_ATTR_SSRC_GROUP, l)) {
        sdpx_ssrc_group g;
        if (sdpx_ssrc_group_parse(sdpx_attr_value(l), &g))
            continue;
        sdpx_str rest = g.ssrcs;
        const char *at = rest.ptr;
        uint32_t id;
        while (sdpx_ssrc_next(&rest, &id) == 1) {
            while (*at == ' ')
                at++;

            /* RFC 5576 4.2: the group's SSRCs are described by a=ssrc lines */
            if (!ids || !bsearch(&id, ids, n, sizeof *ids, cmp_u32))
                report(r, SDPX_EV_SSRC_GROUP_MEMBER, l, at,
                       "ssrc-group %s member %lu has no a=ssrc line", q(g.semantics).s,
                       (unsigned long)id);
            at = rest.ptr;
        }
        if (check_group_distinct(r, l, &g))
            oom = 1;
    }
    free(ids);
    return oom ? SDPX_ENOMEM : 0;
}

/* RFC 8285 7: an extmap id is used once per media section (and once at session level). */
static void check_extmap_ids(reporter *r, const sdpxi_section *sec)
{
    uint8_t seen[4352 / 8];
    memset(seen, 0, sizeof seen);
    for (uint32_t i = 0; i < sec->n; i++) {
        const sdpx_line *l = &sec->lines[i];
        sdpx_extmap e;
        if (l->type != 'a' || l->kind != SDPX_ATTR_EXTMAP ||
            sdpx_extmap_parse(sdpx_attr_value(l), &e))
            continue;
        if (seen[e.id / 8] & (1u << (e.id % 8)))
            report(r, SDPX_EV_EXTMAP_DUPLICATE, l, sdpx_attr_value(l).ptr,
                   "extmap id %u is used twice", e.id);
        seen[e.id / 8] = (uint8_t)(seen[e.id / 8] | (1u << (e.id % 8)));
    }
}

/* ---- mids and groups (RFC 5888, RFC 8843) ------------------------------- */

/* The session's mids, sorted (NULL when none); *n set. */
static keyed *sorted_mids(const sdpx_session *s, size_t *n, int *oom)
{
    size_t nm = sdpx_session_media_count(s), k = 0;
    *n = 0;
    keyed *v = nm ? malloc(nm * sizeof *v) : NULL;
    if (nm && !v) {
        *oom = 1;
        return NULL;
    }
    for (size_t i = 0; i < nm; i++) {
        const sdpx_media *m = sdpx_session_media(s, i);
        const sdpx_line *l = sdpx_media_find_attr(m, SDPX_ATTR_MID, NULL);
        if (!l)
            continue;
        v[k].key = sdpx_attr_value(l);
        v[k].pos = i;
        v[k].line = l;
        v[k].flag = 0;
        k++;
    }
    if (k)
        qsort(v, k, sizeof *v, cmp_keyed);
    *n = k;
    return v;
}

static void check_mids(reporter *r, const sdpx_session *s, const keyed *mids, size_t n)
{
    /* RFC 5888 4: a mid identifies one media section */
    for (size_t i = 1; i < n; i++)
        if (sdpxi_str_same(mids[i].key, mids[i - 1].key))
            report(r, SDPX_EV_MID_DUPLICATE, mids[i].line, mids[i].key.ptr,
                   "mid \"%s\" is also the mid of media section %zu", q(mids[i].key).s,
                   find_key(mids, n, mids[i].key)->pos + 1);
    for (const sdpx_line *l = sdpx_session_find_attr(s, SDPX_ATTR_GROUP, NULL); l;
         l = sdpx_session_find_attr(s, SDPX_ATTR_GROUP, l)) {
        sdpx_group g;
        if (sdpx_group_parse(sdpx_attr_value(l), &g))
            continue;
        sdpx_str rest = g.ids, id;
        /* RFC 5888 5: a group lists the mids of media sections of the session */
        while (sdpx_group_id_next(&rest, &id) == 1)
            if (!find_key(mids, n, id))
                report(r, SDPX_EV_GROUP_MID_UNKNOWN, l, id.ptr,
                       "group %s names mid \"%s\", which no media section has",
                       q(g.semantics).s, q(id).s);
    }
}

/* For each media section, its BUNDLE-tagged section (the first mid of its
 * BUNDLE group, RFC 8843 7), or NULL; filled once for the whole session. */
static void bundle_tags(const sdpx_session *s, const keyed *mids, size_t n, const sdpx_media **tag)
{
    for (const sdpx_line *l = sdpx_session_find_attr(s, SDPX_ATTR_GROUP, NULL); l;
         l = sdpx_session_find_attr(s, SDPX_ATTR_GROUP, l)) {
        sdpx_group g;
        sdpx_str rest, id;
        if (sdpx_group_parse(sdpx_attr_value(l), &g) || !sdpx_str_eq(g.semantics, "BUNDLE"))
            continue;
        const sdpx_media *first = NULL;
        rest = g.ids;
        for (int i = 0; sdpx_group_id_next(&rest, &id) == 1; i++) {
            const keyed *k = find_key(mids, n, id);
            const sdpx_media *m = k ? sdpx_session_media(s, k->pos) : NULL;
            if (i == 0)
                first = m;
            if (m && !tag[k->pos])
                tag[k->pos] = first;
        }
    }
}

/* ---- DTLS and ICE ------------------------------------------------------- */

static int is_dtls_proto(sdpx_str proto)
{
    static const char *const prefixes[] = {"UDP/TLS/", "UDP/DTLS/", "TCP/DTLS/"};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t n = strlen(prefixes[i]);
        if (proto.len >= n && memcmp(proto.ptr, prefixes[i], n) == 0)
            return 1;
    }
    /* RFC 5764 8, RFC 8841 4.1: DTLS-SRTP and SCTP-over-DTLS protos */
    return 0;
}

/* RFC 8839 5.4: ice-ufrag = 4*256ice-char; ice-pwd = 22*256ice-char */
static void check_ice_value(reporter *r, const sdpx_line *l)
{
    sdpx_attr_kind k = sdpx_line_kind(l);
    if (k != SDPX_ATTR_ICE_UFRAG && k != SDPX_ATTR_ICE_PWD)
        return;
    sdpx_str v = sdpx_attr_value(l);
    size_t min = k == SDPX_ATTR_ICE_UFRAG ? 4 : 22;
    int ok = v.len >= min && v.len <= 256;
    for (size_t i = 0; ok && i < v.len; i++)
        ok = sdpxi_is_ice_char((unsigned char)v.ptr[i]);
    if (!ok)
        report(r, k == SDPX_ATTR_ICE_UFRAG ? SDPX_EV_ICE_UFRAG_LENGTH : SDPX_EV_ICE_PWD_LENGTH, l,
               v.ptr, "a=%s \"%s\" is not %zu-256 ice-chars (%zu bytes)",
               k == SDPX_ATTR_ICE_UFRAG ? "ice-ufrag" : "ice-pwd", q(v).s, min, v.len);
}

static int uses_ice(const sdpx_session *s)
{
    if (sdpx_session_find_attr(s, SDPX_ATTR_ICE_UFRAG, NULL) ||
        sdpx_session_find_attr(s, SDPX_ATTR_ICE_PWD, NULL))
        return 1;
    for (size_t i = 0; i < sdpx_session_media_count(s); i++) {
        const sdpx_media *m = sdpx_session_media(s, i);
        if (sdpx_media_find_attr(m, SDPX_ATTR_ICE_UFRAG, NULL) ||
            sdpx_media_find_attr(m, SDPX_ATTR_ICE_PWD, NULL) ||
            sdpx_media_find_attr(m, SDPX_ATTR_CANDIDATE, NULL))
            return 1;
    }
    return 0;
}

/* Transport checks for one section: what it lacks may come from the
 * session level or, for a bundled section, from its BUNDLE-tagged section
 * (RFC 8843 7: bundled sections share the tagged section's transport). */
static void check_transport(reporter *r, const sdpx_media *m, const sdpx_media *tag, int ice)
{
    sdpx_mline ml;
    if (sdpx_media_mline(m, &ml) || ml.port == 0)
        return; /* RFC 8866 5.14: port 0 rejects (or, bundle-only, defers) the section */
    const sdpx_line *mline = sdpx_media_line(m, 0);
    if (is_dtls_proto(ml.proto)) {
        sdpx_fingerprint fp;
        sdpx_setup setup;
        /* RFC 8842 5: a DTLS section carries a fingerprint and a setup role */
        if (sdpx_media_fingerprint(m, 0, &fp) == SDPX_ENOTFOUND &&
            (!tag || sdpx_media_fingerprint(tag, 0, &fp) == SDPX_ENOTFOUND))
            report(r, SDPX_EV_NO_FINGERPRINT, mline, NULL,
                   "media section %zu (%s) has no a=fingerprint", sdpx_media_index(m) + 1,
                   q(ml.proto).s);
        if (sdpx_media_setup(m, &setup) == SDPX_ENOTFOUND &&
            (!tag || sdpx_media_setup(tag, &setup) == SDPX_ENOTFOUND))
            report(r, SDPX_EV_NO_SETUP, mline, NULL, "media section %zu (%s) has no a=setup",
                   sdpx_media_index(m) + 1, q(ml.proto).s);
    }
    if (ice) {
        sdpx_str v;
        /* RFC 8839 5.4: ice-ufrag and ice-pwd apply to every section using ICE */
        if (sdpx_media_ice_ufrag(m, &v) && (!tag || sdpx_media_ice_ufrag(tag, &v)))
            report(r, SDPX_EV_NO_ICE_UFRAG, mline, NULL, "media section %zu has no a=ice-ufrag",
                   sdpx_media_index(m) + 1);
        if (sdpx_media_ice_pwd(m, &v) && (!tag || sdpx_media_ice_pwd(tag, &v)))
            report(r, SDPX_EV_NO_ICE_PWD, mline, NULL, "media section %zu has no a=ice-pwd",
                   sdpx_media_index(m) + 1);
    }
}

int sdpx_validate(const sdpx_session *s, sdpx_diag_fn fn, void *ctx)
{
    if (!s)
        return SDPX_EINVAL;
    reporter r = {fn, ctx, 0};
    int ice = uses_ice(s), oom = 0, rc = 0;
    size_t nmids, nm = sdpx_session_media_count(s);
    keyed *mids = sorted_mids(s, &nmids, &oom);
    const sdpx_media **tags = nm ? calloc(nm, sizeof *tags) : NULL;
    if (oom || (nm && !tags)) {
        free(mids);
        return SDPX_ENOMEM;
    }
    for (size_t i = 0; i < sdpx_session_line_count(s); i++)
        check_ice_value(&r, sdpx_session_line(s, i));
    check_extmap_ids(&r, &s->sec);
    check_directions(&r, &s->sec);
    check_mids(&r, s, mids, nmids);
    bundle_tags(s, mids, nmids, tags);
    for (size_t i = 0; i < nm && !rc; i++) {
        const sdpx_media *m = sdpx_session_media(s, i);
        pt_set set;
        mline_pts(m, &set);
        if (set.rtp) {
            check_pt_lines(&r, m, &set);
            check_codecs(&r, m);
        }
        check_directions(&r, &m->sec);
        rc = check_rids(&r, m, &set);
        if (!rc)
            rc = check_ssrc_groups(&r, m);
        check_extmap_ids(&r, &m->sec);
        for (size_t j = 1; j < sdpx_media_line_count(m); j++)
            check_ice_value(&r, sdpx_media_line(m, j));
        check_transport(&r, m, tags[i] == m ? NULL : tags[i], ice);
    }
    free(mids);
    free(tags);
    return rc ? rc : r.count;
}
