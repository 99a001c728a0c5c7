/* The JSEP signaling state machine (RFC 9429 3.2 and 4.1.8-4.1.10; the
 * W3C webrtc-pc RTCSignalingState names), and the checks of what each step
 * is handed. Every check runs before anything changes: a refused step
 * leaves the tracker as it was and the description with the caller. */
#include "sdp.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define CUR_LOCAL SDPX_JSEP_CURRENT_LOCAL
#define PEN_LOCAL SDPX_JSEP_PENDING_LOCAL
#define CUR_REMOTE SDPX_JSEP_CURRENT_REMOTE
#define PEN_REMOTE SDPX_JSEP_PENDING_REMOTE

static int fail(sdpx_error *err, int code, const sdpx_session *s, size_t section, const char *fmt,
                ...)
{
    if (!err)
        return code;
    memset(err, 0, sizeof *err);
    err->code = code;
    const sdpx_media *m = s ? sdpx_session_media(s, section) : NULL;
    if (m)
        err->line = sdpx_line_number(sdpx_media_line(m, 0));
    if (err->line)
        err->col = 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}

static sdpx_str mid_of(const sdpx_media *m)
{
    sdpx_str mid = {"", 0};
    (void)sdpx_media_mid(m, &mid);
    return mid;
}

static int same(sdpx_str a, sdpx_str b)
{
    return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

/* RFC 3264 6: port 0 rejects a section, except in an offer's bundle-only
 * section, which asks to be accepted inside BUNDLE (RFC 8843 6). */
static int rejected(const sdpx_media *m)
{
    sdpx_mline ml;
    if (sdpx_media_mline(m, &ml) != 0)
        return 1;
    return ml.port == 0 && !sdpx_media_find_attr(m, SDPX_ATTR_BUNDLE_ONLY, NULL);
}

/* ---- what an answer must be (RFC 3264 6, RFC 9429 5.3.1) -------------- */

static int check_answer(const sdpx_session *offer, const sdpx_session *ans, sdpx_error *err)
{
    size_t n = sdpx_session_media_count(offer);
    if (sdpx_session_media_count(ans) != n)
        return fail(err, SDPX_EJSEP_SECTIONS, ans, (size_t)-1,
                    "answer has %zu media sections, the offer %zu (RFC 3264 6)",
                    sdpx_session_media_count(ans), n);
    for (size_t i = 0; i < n; i++) {
        const sdpx_media *o = sdpx_session_media(offer, i), *a = sdpx_session_media(ans, i);
        sdpx_str mo = mid_of(o), ma = mid_of(a);
        if (!same(mo, ma))
            return fail(err, SDPX_EJSEP_MID, ans, i,
                        "section %zu: answer mid \"%.*s\", offer mid \"%.*s\" (RFC 9429 5.3.1)", i,
                        (int)ma.len, ma.ptr, (int)mo.len, mo.ptr);
        sdpx_mline lo, la;
        if (sdpx_media_mline(o, &lo) == 0 && sdpx_media_mline(a, &la) == 0) {
            if (!same(lo.media, la.media))
                return fail(err, SDPX_EJSEP_KIND, ans, i,
                            "section %zu: answer \"%.*s\", offer \"%.*s\" (RFC 3264 6)", i,
                            (int)la.media.len, la.media.ptr, (int)lo.media.len, lo.media.ptr);
            if (rejected(o) && la.port != 0)
                return fail(err, SDPX_EJSEP_REJECTED, ans, i,
                            "section %zu: the offer rejected it (port 0), the answer has port %u "
                            "(RFC 3264 6)", i, (unsigned)la.port);
        }
        sdpx_setup st;
        if (!rejected(a) && sdpx_media_setup(a, &st) == 0 && st == SDPX_SETUP_ACTPASS)
            return fail(err, SDPX_EJSEP_SETUP, ans, i,
                        "section %zu: an answer must not say a=setup:actpass (RFC 8842 5.2)", i);
    }
    /* RFC 8843 7.3: the answer's BUNDLE group names only mids the offer bundled. */
    for (const sdpx_line *l = sdpx_session_find_attr(ans, SDPX_ATTR_GROUP, NULL); l;
         l = sdpx_session_find_attr(ans, SDPX_ATTR_GROUP, l)) {
        sdpx_group g, og;
        if (sdpx_group_parse(sdpx_attr_value(l), &g) != 0 || !sdpx_str_eq(g.semantics, "BUNDLE"))
            continue;
        sdpx_str rest = g.ids, id;
        while (sdpx_group_id_next(&rest, &id))
            if (sdpx_session_group_of(offer, "BUNDLE", id, &og) != 0)
                return fail(err, SDPX_EJSEP_BUNDLE, ans, (size_t)-1,
                            "answer bundles mid \"%.*s\", which the offer did not (RFC 8843 7.3)",
                            (int)id.len, id.ptr);
    }
    return 0;
}

/* ---- what follows an earlier description of the same side ------------ */

typedef struct {
    int id_changed;
    int not_bumped;
} version_verdict;

static void on_change(void *ctx, const sdpx_change *c)
{
    version_verdict *v = ctx;
    if (c->kind == SDPX_CHANGE_SESSION_ID)
        v->id_changed = 1;
    else if (c->kind == SDPX_CHANGE_VERSION_NOT_BUMPED)
        v->not_bumped = 1;
}

/* RFC 3264 8: same o= sess-id; sess-version higher when anything changed. */
static int check_origin(const sdpx_session *prev, const sdpx_session *desc, sdpx_error *err)
{
    sdpx_origin o;
    if (sdpx_session_origin(desc, &o) != 0)
        return fail(err, SDPX_EJSEP_NOORIGIN, desc, (size_t)-1, "no decodable o= line");
    if (!prev)
        return 0;
    version_verdict v = {0, 0};
    (void)sdpx_session_diff(prev, desc, on_change, &v);
    sdpx_origin p;
    if (sdpx_session_origin(prev, &p) != 0)
        return 0;
    if (v.id_changed)
        return fail(err, SDPX_EJSEP_ORIGIN, desc, (size_t)-1,
                    "sess-id %.*s, the previous description had %.*s (RFC 3264 8)",
                    (int)o.sess_id.len, o.sess_id.ptr, (int)p.sess_id.len, p.sess_id.ptr);
    if (v.not_bumped)
        return fail(err, SDPX_EJSEP_VERSION, desc, (size_t)-1,
                    "the description changed but sess-version %.*s is not above the previous %.*s "
                    "(RFC 3264 8)", (int)o.sess_version.len, o.sess_version.ptr,
                    (int)p.sess_version.len, p.sess_version.ptr);
    return 0;
}

/* A section still in use: accepted in both current descriptions. */
static int live(const sdpx_jsep *j, size_t i)
{
    const sdpx_session *cur[2] = {j->desc[CUR_LOCAL], j->desc[CUR_REMOTE]};
    for (size_t w = 0; w < 2; w++) {
        const sdpx_session *s = cur[w];
        if (!s)
            continue;
        const sdpx_media *m = sdpx_session_media(s, i);
        if (!m || rejected(m))
            return 0;
    }
    return 1;
}

/* RFC 9429 5.2.2: a subsequent offer keeps every m= section of the current
 * description in place; only a rejected one may be recycled (new mid). */
static int check_reoffer(const sdpx_jsep *j, const sdpx_session *cur, const sdpx_session *offer,
                         sdpx_error *err)
{
    if (!cur)
        return 0;
    size_t n = sdpx_session_media_count(cur);
    if (sdpx_session_media_count(offer) < n)
        return fail(err, SDPX_EJSEP_SECTIONS, offer, (size_t)-1,
                    "offer has %zu media sections, the current description %zu: sections are "
                    "never removed (RFC 9429 5.2.2)", sdpx_session_media_count(offer), n);
    for (size_t i = 0; i < n; i++) {
        if (!live(j, i))
            continue;
        sdpx_str mc = mid_of(sdpx_session_media(cur, i)), mo = mid_of(sdpx_session_media(offer, i));
        if (!same(mc, mo))
            return fail(err, SDPX_EJSEP_MID, offer, i,
                        "section %zu: mid \"%.*s\" was \"%.*s\"; only a rejected section may be "
                        "recycled (RFC 9429 5.2.2)", i, (int)mo.len, mo.ptr, (int)mc.len, mc.ptr);
    }
    return 0;
}

/* ---- the state machine ----------------------------------------------- */

static sdpx_jsep_state next_state(sdpx_jsep_state st, int remote, sdpx_sdp_type type)
{
    /* -1 (as the enum's invalid value) when the step is not allowed here */
    const sdpx_jsep_state bad = (sdpx_jsep_state)-1;
    sdpx_jsep_state my_offer = remote ? SDPX_JSEP_HAVE_REMOTE_OFFER : SDPX_JSEP_HAVE_LOCAL_OFFER;
    sdpx_jsep_state their_offer = remote ? SDPX_JSEP_HAVE_LOCAL_OFFER : SDPX_JSEP_HAVE_REMOTE_OFFER;
    sdpx_jsep_state my_pranswer = remote ? SDPX_JSEP_HAVE_REMOTE_PRANSWER : SDPX_JSEP_HAVE_LOCAL_PRANSWER;
    switch (type) {
    case SDPX_SDP_OFFER: /* a new offer, or one replacing this side's pending offer */
        return st == SDPX_JSEP_STABLE || st == my_offer ? my_offer : bad;
    case SDPX_SDP_PRANSWER:
    case SDPX_SDP_ANSWER:
        if (st != their_offer && st != my_pranswer)
            return bad;
        return type == SDPX_SDP_ANSWER ? SDPX_JSEP_STABLE : my_pranswer;
    case SDPX_SDP_ROLLBACK: /* either side may cancel a pending offer */
        return st == SDPX_JSEP_HAVE_LOCAL_OFFER || st == SDPX_JSEP_HAVE_REMOTE_OFFER
                   ? SDPX_JSEP_STABLE
                   : bad;
    }
    return bad;
}

void sdpx_jsep_init(sdpx_jsep *j)
{
    if (!j)
        return;
    memset(j, 0, sizeof *j);
    j->state = SDPX_JSEP_STABLE;
}

void sdpx_jsep_reset(sdpx_jsep *j)
{
    if (!j)
        return;
    for (size_t i = 0; i < 4; i++)
        sdpx_session_free(j->desc[i]);
    sdpx_jsep_init(j);
}

static void put(sdpx_jsep *j, int which, sdpx_session *s)
{
    if (j->desc[which] != s)
        sdpx_session_free(j->desc[which]);
    j->desc[which] = s;
}

int sdpx_jsep_set(sdpx_jsep *j, int remote, sdpx_sdp_type type, sdpx_session *desc,
                  sdpx_error *err)
{
    if (!j || (type != SDPX_SDP_ROLLBACK && !desc) || !sdpx_sdp_type_name(type))
        return fail(err, SDPX_EINVAL, NULL, 0, "no tracker, no description or unknown type");
    sdpx_jsep_state st = j->state;
    sdpx_jsep_state next = next_state(st, remote, type);
    if ((int)next < 0)
        return fail(err, SDPX_EJSEP_STATE, NULL, 0,
                    "set%sDescription(%s) is not allowed in state %s (RFC 9429 3.2)",
                    remote ? "Remote" : "Local", sdpx_sdp_type_name(type), sdpx_jsep_state_name(st));
    int mine_pen = remote ? PEN_REMOTE : PEN_LOCAL, mine_cur = remote ? CUR_REMOTE : CUR_LOCAL;
    int their_pen = remote ? PEN_LOCAL : PEN_REMOTE, their_cur = remote ? CUR_LOCAL : CUR_REMOTE;
    if (type == SDPX_SDP_ROLLBACK) {
        put(j, st == SDPX_JSEP_HAVE_LOCAL_OFFER ? PEN_LOCAL : PEN_REMOTE, NULL);
        j->state = next;
        return 0;
    }
    const sdpx_session *prev = j->desc[mine_pen] ? j->desc[mine_pen] : j->desc[mine_cur];
    int rc = check_origin(prev, desc, err);
    if (rc)
        return rc;
    if (type == SDPX_SDP_OFFER) {
        rc = check_reoffer(j, j->desc[mine_cur], desc, err);
        if (rc)
            return rc;
        put(j, mine_pen, desc);
    } else {
        /* the offer being answered is the other side's pending one */
        rc = check_answer(j->desc[their_pen], desc, err);
        if (rc)
            return rc;
        if (type == SDPX_SDP_PRANSWER) {
            put(j, mine_pen, desc);
        } else {
            if (j->desc[mine_pen] != desc)
                put(j, mine_pen, NULL);
            put(j, mine_cur, desc);
            put(j, their_cur, j->desc[their_pen]);
            j->desc[their_pen] = NULL;
        }
    }
    j->state = next;
    return 0;
}

sdpx_jsep_state sdpx_jsep_get_state(const sdpx_jsep *j)
{
    return j ? j->state : SDPX_JSEP_STABLE;
}

const sdpx_session *sdpx_jsep_description(const sdpx_jsep *j, sdpx_jsep_which which)
{
    return j && (unsigned)which < 4 ? j->desc[which] : NULL;
}

const char *sdpx_jsep_state_name(sdpx_jsep_state s)
{
    static const char *const names[] = {"stable", "have-local-offer", "have-remote-offer",
                                        "have-local-pranswer", "have-remote-pranswer"};
    return (unsigned)s < sizeof names / sizeof names[0] ? names[s] : NULL;
}

const char *sdpx_sdp_type_name(sdpx_sdp_type t)
{
    static const char *const names[] = {NULL, "offer", "pranswer", "answer", "rollback"};
    return (unsigned)t < sizeof names / sizeof names[0] ? names[t] : NULL;
}
