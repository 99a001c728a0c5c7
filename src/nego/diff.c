/* sdpx_session_diff: what changed between two descriptions of one peer.
 *
 * Sections are paired by position, as JSEP pairs them (RFC 9429 5.2.2: a
 * subsequent offer keeps every m= section in place, recycling only rejected
 * ones). Each per-section comparison walks both sections once: payload types
 * (0-127) and extmap ids index small tables on the stack, so the whole diff
 * is linear in the lines of both descriptions and allocates nothing.
 *
 * DIFF_STEP() marks one unit of work (one line or one field visited); it
 * costs nothing in the library and is counted by the scaling test. */
#include "sdp.h"

#include <string.h>

#ifndef DIFF_STEP
#define DIFF_STEP() ((void)0)
#endif

#define NPT 128          /* RTP payload types 0-127 (RFC 3550 5.1) */
#define NEXT_SLOTS 512   /* extmap ids 0-255, and 4096-4351 (RFC 8285 6) at 256.. */

typedef struct {
    sdpx_change_fn fn;
    void *ctx;
    int count;
} sink;

static sdpx_str cstr(const char *c)
{
    sdpx_str s = {c, c ? strlen(c) : 0};
    return s;
}

static int same(sdpx_str a, sdpx_str b)
{
    return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

static void emit(sink *k, sdpx_change_kind kind, size_t section, sdpx_str mid, sdpx_str o,
                 sdpx_str n)
{
    k->count++;
    if (!k->fn)
        return;
    sdpx_change c;
    c.kind = kind;
    c.section = section;
    c.mid = mid;
    c.old_text = o;
    c.new_text = n;
    k->fn(k->ctx, &c);
}

/* ---- "did any line change" (the sess-version verdict) ---------------- */

static int lines_differ(const sdpx_session *a, const sdpx_session *b)
{
    size_t na = sdpx_session_line_count(a), nb = sdpx_session_line_count(b);
    if (na != nb || sdpx_session_media_count(a) != sdpx_session_media_count(b))
        return 1;
    for (size_t i = 0; i < na; i++) {
        DIFF_STEP();
        const sdpx_line *x = sdpx_session_line(a, i), *y = sdpx_session_line(b, i);
        if (sdpx_line_type(x) == 'o' && sdpx_line_type(y) == 'o')
            continue; /* the version itself is what is being judged */
        if (!same(sdpx_line_text(x), sdpx_line_text(y)))
            return 1;
    }
    for (size_t m = 0; m < sdpx_session_media_count(a); m++) {
        const sdpx_media *ma = sdpx_session_media(a, m), *mb = sdpx_session_media(b, m);
        size_t k = sdpx_media_line_count(ma);
        if (k != sdpx_media_line_count(mb))
            return 1;
        for (size_t i = 0; i < k; i++) {
            DIFF_STEP();
            if (!same(sdpx_line_text(sdpx_media_line(ma, i)), sdpx_line_text(sdpx_media_line(mb, i))))
                return 1;
        }
    }
    return 0;
}

/* ---- session level ---------------------------------------------------- */

static sdpx_str bundle_value(const sdpx_session *s)
{
    sdpx_str none = {NULL, 0};
    for (const sdpx_line *l = sdpx_session_find_attr(s, SDPX_ATTR_GROUP, NULL); l;
         l = sdpx_session_find_attr(s, SDPX_ATTR_GROUP, l)) {
        DIFF_STEP();
        sdpx_group g;
        if (sdpx_group_parse(sdpx_attr_value(l), &g) == 0 && sdpx_str_eq(g.semantics, "BUNDLE"))
            return g.ids;
    }
    return none;
}

static void diff_session(sink *k, const sdpx_session *a, const sdpx_session *b)
{
    sdpx_str none = {NULL, 0};
    sdpx_origin oa, ob;
    int has_a = sdpx_session_origin(a, &oa) == 0, has_b = sdpx_session_origin(b, &ob) == 0;
    int same_session = has_a && has_b && same(oa.sess_id, ob.sess_id);
    if (has_a && has_b && !same_session)
        emit(k, SDPX_CHANGE_SESSION_ID, SDPX_CHANGE_SESSION_LEVEL, none, oa.sess_id, ob.sess_id);
    if (same_session) {
        uint64_t va = 0, vb = 0;
        int ok = sdpx_str_u64(oa.sess_version, &va) == 0 && sdpx_str_u64(ob.sess_version, &vb) == 0;
        /* a version that is no number is only ever the same or not */
        int cmp = ok ? (vb > va) - (vb < va) : same(oa.sess_version, ob.sess_version) ? 0 : -1;
        /* RFC 3264 8: a modified description carries a higher version. */
        if (cmp > 0)
            emit(k, SDPX_CHANGE_VERSION_BUMPED, SDPX_CHANGE_SESSION_LEVEL, none, oa.sess_version,
                 ob.sess_version);
        else if (cmp < 0 || lines_differ(a, b))
            emit(k, SDPX_CHANGE_VERSION_NOT_BUMPED, SDPX_CHANGE_SESSION_LEVEL, none,
                 oa.sess_version, ob.sess_version);
    }
    sdpx_str ga = bundle_value(a), gb = bundle_value(b);
    if (!same(ga, gb))
        emit(k, SDPX_CHANGE_BUNDLE, SDPX_CHANGE_SESSION_LEVEL, none, ga, gb);
    int la = sdpx_session_ice_lite(a), lb = sdpx_session_ice_lite(b);
    if (la != lb)
        emit(k, SDPX_CHANGE_ICE_LITE, SDPX_CHANGE_SESSION_LEVEL, none,
             la ? cstr("ice-lite") : none, lb ? cstr("ice-lite") : none);
}

/* ---- one media section ------------------------------------------------ */

typedef struct {
    const sdpx_media *m;
    sdpx_mline ml;
    int ml_ok;
    sdpx_str mid;
    int rejected; /* port 0 without a=bundle-only (RFC 3264 6, RFC 8843 6) */
    int rtp;
    unsigned char listed[NPT];     /* in the m= line */
    sdpx_str token[NPT];           /* its text there */
    const sdpx_line *rtpmap[NPT];  /* first a=rtpmap per payload type */
    const sdpx_line *fmtp[NPT];    /* first a=fmtp per payload type */
} section;

static int pt_of(sdpx_str tok, unsigned *pt)
{
    uint64_t v;
    if (sdpx_str_u64(tok, &v) != 0 || v >= NPT)
        return 0;
    *pt = (unsigned)v;
    return 1;
}

static int is_rtp(sdpx_str proto)
{
    for (size_t i = 0; i + 4 <= proto.len; i++)
        if (!memcmp(proto.ptr + i, "RTP/", 4))
            return 1;
    return 0;
}

static void load_section(section *s, const sdpx_media *m)
{
    memset(s, 0, sizeof *s);
    s->m = m;
    s->ml_ok = sdpx_media_mline(m, &s->ml) == 0;
    (void)sdpx_media_mid(m, &s->mid);
    s->rejected = s->ml_ok && s->ml.port == 0 && !sdpx_media_find_attr(m, SDPX_ATTR_BUNDLE_ONLY, NULL);
    s->rtp = s->ml_ok && is_rtp(s->ml.proto);
    if (!s->rtp)
        return;
    sdpx_str rest = s->ml.formats, tok;
    unsigned pt;
    while (sdpx_field_next(&rest, &tok)) {
        DIFF_STEP();
        if (pt_of(tok, &pt) && !s->listed[pt]) {
            s->listed[pt] = 1;
            s->token[pt] = tok;
        }
    }
    size_t n = sdpx_media_line_count(m);
    for (size_t i = 1; i < n; i++) {
        DIFF_STEP();
        const sdpx_line *l = sdpx_media_line(m, i);
        sdpx_attr_kind kind = sdpx_line_kind(l);
        if (kind == SDPX_ATTR_RTPMAP) {
            sdpx_rtpmap r;
            if (sdpx_rtpmap_parse(sdpx_attr_value(l), &r) == 0 && r.payload_type < NPT &&
                !s->rtpmap[r.payload_type])
                s->rtpmap[r.payload_type] = l;
        } else if (kind == SDPX_ATTR_FMTP) {
            sdpx_fmtp f;
            if (sdpx_fmtp_parse(sdpx_attr_value(l), &f) == 0 && f.has_payload_type &&
                f.payload_type < NPT && !s->fmtp[f.payload_type])
                s->fmtp[f.payload_type] = l;
        }
    }
}

static sdpx_str line_value_or_empty(const sdpx_line *l)
{
    sdpx_str none = {NULL, 0};
    return l ? sdpx_attr_value(l) : none;
}

/* The rtpmap of a payload type, or its token in the m= line. */
static sdpx_str codec_text(const section *s, unsigned pt)
{
    return s->rtpmap[pt] ? sdpx_attr_value(s->rtpmap[pt]) : s->token[pt];
}

/* fmtp parameters compared as written (after the payload type). */
static sdpx_str fmtp_params(const sdpx_line *l)
{
    sdpx_str none = {NULL, 0};
    sdpx_fmtp f;
    if (!l || sdpx_fmtp_parse(sdpx_attr_value(l), &f) != 0)
        return none;
    return f.params;
}

static void diff_codecs(sink *k, size_t idx, sdpx_str mid, const section *a, const section *b)
{
    for (unsigned pt = 0; pt < NPT; pt++) {
        DIFF_STEP();
        if (a->listed[pt] && !b->listed[pt]) {
            emit(k, SDPX_CHANGE_CODEC_REMOVED, idx, mid, codec_text(a, pt), line_value_or_empty(NULL));
        } else if (!a->listed[pt] && b->listed[pt]) {
            emit(k, SDPX_CHANGE_CODEC_ADDED, idx, mid, line_value_or_empty(NULL), codec_text(b, pt));
        } else if (a->listed[pt]) {
            sdpx_str ra = line_value_or_empty(a->rtpmap[pt]), rb = line_value_or_empty(b->rtpmap[pt]);
            if (!same(ra, rb))
                emit(k, SDPX_CHANGE_CODEC_CHANGED, idx, mid, ra, rb);
            else if (!same(fmtp_params(a->fmtp[pt]), fmtp_params(b->fmtp[pt])))
                emit(k, SDPX_CHANGE_CODEC_CHANGED, idx, mid, line_value_or_empty(a->fmtp[pt]),
                     line_value_or_empty(b->fmtp[pt]));
        }
    }
    /* Order of the payload types both keep: walk both lists in step,
     * skipping the ones only one side lists and repeated ones. */
    unsigned char seen_a[NPT], seen_b[NPT];
    memset(seen_a, 0, sizeof seen_a);
    memset(seen_b, 0, sizeof seen_b);
    sdpx_str ra = a->ml.formats, rb = b->ml.formats, tok;
    for (;;) {
        unsigned pa = NPT, pb = NPT, pt;
        while (pa == NPT && sdpx_field_next(&ra, &tok)) {
            DIFF_STEP();
            if (pt_of(tok, &pt) && b->listed[pt] && !seen_a[pt]) {
                seen_a[pt] = 1;
                pa = pt;
            }
        }
        while (pb == NPT && sdpx_field_next(&rb, &tok)) {
            DIFF_STEP();
            if (pt_of(tok, &pt) && a->listed[pt] && !seen_b[pt]) {
                seen_b[pt] = 1;
                pb = pt;
            }
        }
        if (pa != pb) {
            emit(k, SDPX_CHANGE_CODEC_ORDER, idx, mid, a->ml.formats, b->ml.formats);
            return;
        }
        if (pa == NPT)
            return;
    }
}

static int ext_slot(unsigned id)
{
    if (id < 256)
        return (int)id;
    if (id >= 4096 && id < 4352)
        return (int)(id - 4096 + 256);
    return -1;
}

static void load_extmaps(const sdpx_media *m, const sdpx_line **slots)
{
    for (const sdpx_line *l = sdpx_media_extmap_next(m, NULL); l; l = sdpx_media_extmap_next(m, l)) {
        DIFF_STEP();
        sdpx_extmap e;
        int slot;
        if (sdpx_extmap_parse(sdpx_attr_value(l), &e) == 0 && (slot = ext_slot(e.id)) >= 0 &&
            !slots[slot])
            slots[slot] = l;
    }
}

static void diff_extmaps(sink *k, size_t idx, sdpx_str mid, const sdpx_media *ma, const sdpx_media *mb)
{
    const sdpx_line *ea[NEXT_SLOTS], *eb[NEXT_SLOTS];
    memset(ea, 0, sizeof ea);
    memset(eb, 0, sizeof eb);
    load_extmaps(ma, ea);
    load_extmaps(mb, eb);
    for (int i = 0; i < NEXT_SLOTS; i++) {
        DIFF_STEP();
        sdpx_str va = line_value_or_empty(ea[i]), vb = line_value_or_empty(eb[i]);
        if (ea[i] && !eb[i])
            emit(k, SDPX_CHANGE_EXTMAP_REMOVED, idx, mid, va, vb);
        else if (!ea[i] && eb[i])
            emit(k, SDPX_CHANGE_EXTMAP_ADDED, idx, mid, va, vb);
        else if (ea[i] && !same(va, vb))
            emit(k, SDPX_CHANGE_EXTMAP_CHANGED, idx, mid, va, vb);
    }
}

/* The fingerprint lines in force for m: its own, else the session's (RFC 8122 5). */
static const sdpx_line *fp_next(const sdpx_media *m, const sdpx_line *after, int *session_level)
{
    if (!after) {
        const sdpx_line *l = sdpx_media_find_attr(m, SDPX_ATTR_FINGERPRINT, NULL);
        *session_level = l == NULL;
        return l ? l : sdpx_session_find_attr(sdpx_media_session(m), SDPX_ATTR_FINGERPRINT, NULL);
    }
    return *session_level ? sdpx_session_find_attr(sdpx_media_session(m), SDPX_ATTR_FINGERPRINT, after)
                          : sdpx_media_find_attr(m, SDPX_ATTR_FINGERPRINT, after);
}

static int fp_same(const sdpx_line *x, const sdpx_line *y)
{
    sdpx_fingerprint fx, fy;
    if (sdpx_fingerprint_parse(sdpx_attr_value(x), &fx) != 0 ||
        sdpx_fingerprint_parse(sdpx_attr_value(y), &fy) != 0)
        return same(sdpx_attr_value(x), sdpx_attr_value(y));
    /* hex case and hash-name case do not matter (RFC 8122 5) */
    if (fx.hash != fy.hash || (fx.hash == SDPX_HASH_OTHER && !same(fx.hash_name, fy.hash_name)))
        return 0;
    return fx.len == fy.len && !memcmp(fx.bytes, fy.bytes, fx.len);
}

static void diff_fingerprints(sink *k, size_t idx, sdpx_str mid, const sdpx_media *ma,
                              const sdpx_media *mb)
{
    int sa = 0, sb = 0;
    const sdpx_line *x = fp_next(ma, NULL, &sa), *y = fp_next(mb, NULL, &sb);
    while (x || y) {
        DIFF_STEP();
        if (!x || !y || !fp_same(x, y)) {
            emit(k, SDPX_CHANGE_FINGERPRINT, idx, mid, line_value_or_empty(x), line_value_or_empty(y));
            return;
        }
        x = fp_next(ma, x, &sa);
        y = fp_next(mb, y, &sb);
    }
}

static sdpx_str setup_text(const sdpx_media *m)
{
    sdpx_setup st;
    sdpx_str none = {NULL, 0};
    return sdpx_media_setup(m, &st) == 0 ? cstr(sdpx_setup_name(st)) : none;
}

static sdpx_str first_attr_value(const sdpx_media *m, sdpx_attr_kind kind, int *present)
{
    const sdpx_line *l = sdpx_media_find_attr(m, kind, NULL);
    *present = l != NULL;
    return line_value_or_empty(l);
}

static void diff_simulcast(sink *k, size_t idx, sdpx_str mid, const sdpx_media *ma,
                           const sdpx_media *mb)
{
    int pa, pb;
    sdpx_str sa = first_attr_value(ma, SDPX_ATTR_SIMULCAST, &pa);
    sdpx_str sb = first_attr_value(mb, SDPX_ATTR_SIMULCAST, &pb);
    if (pa != pb || !same(sa, sb))
        emit(k, SDPX_CHANGE_SIMULCAST, idx, mid, sa, sb);
    const sdpx_line *x = sdpx_media_find_attr(ma, SDPX_ATTR_RID, NULL);
    const sdpx_line *y = sdpx_media_find_attr(mb, SDPX_ATTR_RID, NULL);
    while (x || y) {
        DIFF_STEP();
        sdpx_str vx = line_value_or_empty(x), vy = line_value_or_empty(y);
        if (!x || !y || !same(vx, vy))
            emit(k, SDPX_CHANGE_RID, idx, mid, vx, vy);
        if (x)
            x = sdpx_media_find_attr(ma, SDPX_ATTR_RID, x);
        if (y)
            y = sdpx_media_find_attr(mb, SDPX_ATTR_RID, y);
    }
}

static void diff_ice(sink *k, size_t idx, sdpx_str mid, const sdpx_media *ma, const sdpx_media *mb)
{
    sdpx_str ua, ub, pa, pb;
    /* RFC 8839 4.4.1.1.1: a restart changes the ufrag and the password;
     * either one changing is a restart (comparing the ufrag alone misses
     * a password-only change). */
    if (sdpx_media_ice_ufrag(ma, &ua) == 0 && sdpx_media_ice_ufrag(mb, &ub) == 0 &&
        sdpx_media_ice_pwd(ma, &pa) == 0 && sdpx_media_ice_pwd(mb, &pb) == 0 &&
        (!same(ua, ub) || !same(pa, pb)))
        emit(k, SDPX_CHANGE_ICE_RESTART, idx, mid, ua, ub);
}

static void diff_section(sink *k, size_t idx, section *a, section *b)
{
    const sdpx_media *ma = a->m, *mb = b->m;
    sdpx_str mid = b->mid.len ? b->mid : a->mid;
    if (!same(a->mid, b->mid)) {
        emit(k, SDPX_CHANGE_MEDIA_RECYCLED, idx, mid, a->mid, b->mid);
        return;
    }
    if (!a->ml_ok || !b->ml_ok)
        return; /* a lenient parse kept an m= line that does not decode */
    if (!same(a->ml.media, b->ml.media))
        emit(k, SDPX_CHANGE_MEDIA_KIND, idx, mid, a->ml.media, b->ml.media);
    if (!same(a->ml.proto, b->ml.proto))
        emit(k, SDPX_CHANGE_PROTO, idx, mid, a->ml.proto, b->ml.proto);
    if (!a->rejected && b->rejected) {
        emit(k, SDPX_CHANGE_MEDIA_REJECTED, idx, mid, a->ml.port_text, b->ml.port_text);
        return;
    }
    if (a->rejected) {
        if (!b->rejected)
            emit(k, SDPX_CHANGE_MEDIA_ACCEPTED, idx, mid, a->ml.port_text, b->ml.port_text);
        return;
    }
    diff_ice(k, idx, mid, ma, mb);
    diff_fingerprints(k, idx, mid, ma, mb);
    sdpx_str sa = setup_text(ma), sb = setup_text(mb);
    if (!same(sa, sb))
        emit(k, SDPX_CHANGE_SETUP, idx, mid, sa, sb);
    sdpx_direction da = sdpx_media_direction(ma), db = sdpx_media_direction(mb);
    if (da != db)
        emit(k, SDPX_CHANGE_DIRECTION, idx, mid, cstr(sdpx_direction_name(da)),
             cstr(sdpx_direction_name(db)));
    if (a->rtp && b->rtp) {
        diff_codecs(k, idx, mid, a, b);
        diff_extmaps(k, idx, mid, ma, mb);
        diff_simulcast(k, idx, mid, ma, mb);
    }
}

int sdpx_session_diff(const sdpx_session *old_s, const sdpx_session *new_s, sdpx_change_fn fn,
                      void *ctx)
{
    if (!old_s || !new_s)
        return SDPX_EINVAL;
    sink k = {fn, ctx, 0};
    diff_session(&k, old_s, new_s);
    size_t na = sdpx_session_media_count(old_s), nb = sdpx_session_media_count(new_s);
    section a, b;
    for (size_t i = 0; i < na || i < nb; i++) {
        DIFF_STEP();
        if (i < na && i < nb) {
            load_section(&a, sdpx_session_media(old_s, i));
            load_section(&b, sdpx_session_media(new_s, i));
            diff_section(&k, i, &a, &b);
        } else {
            const sdpx_media *m = sdpx_session_media(i < na ? old_s : new_s, i);
            sdpx_str mid = {NULL, 0}, none = {NULL, 0};
            (void)sdpx_media_mid(m, &mid);
            sdpx_str value = sdpx_line_value(sdpx_media_line(m, 0));
            if (i < na)
                emit(&k, SDPX_CHANGE_MEDIA_REMOVED, i, mid, value, none);
            else
                emit(&k, SDPX_CHANGE_MEDIA_ADDED, i, mid, none, value);
        }
    }
    return k.count;
}

static const char *const kind_names[] = {
    NULL,
    "session-id",
    "version-bumped",
    "version-not-bumped",
    "bundle",
    "ice-lite",
    "media-added",
    "media-removed",
    "media-recycled",
    "media-rejected",
    "media-accepted",
    "media-kind",
    "proto",
    "ice-restart",
    "fingerprint",
    "setup",
    "direction",
    "codec-added",
    "codec-removed",
    "codec-changed",
    "codec-order",
    "extmap-added",
    "extmap-removed",
    "extmap-changed",
    "simulcast",
    "rid",
};

_Static_assert(sizeof kind_names / sizeof kind_names[0] == SDPX_CHANGE_RID + 1,
               "one name per sdpx_change_kind");

const char *sdpx_change_kind_name(sdpx_change_kind kind)
{
    if ((int)kind < 1 || (size_t)kind >= sizeof kind_names / sizeof kind_names[0])
        return NULL;
    return kind_names[kind];
}
