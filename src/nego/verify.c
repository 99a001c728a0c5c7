/*
 * Verify an answer against its offer: the answerer's rules (answer.c) run
 * the other way, for a server that receives answers. Each violation is
 * reported with its section, line and reason.
 */
#include "nego.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sdpxi_report(sdpx_diag_fn fn, void *ctx, int code, const sdpx_media *a, unsigned line,
                  const char *fmt, ...)
{
    if (!fn)
        return;
    sdpx_error e;
    memset(&e, 0, sizeof e);
    e.code = code;
    e.line = line;
    char where[64] = "session";
    if (a)
        sdpxi_where(a, where, sizeof where);
    int n = snprintf(e.msg, sizeof e.msg, "%s: ", where);
    va_list ap;
    va_start(ap, fmt);
    if (n > 0 && (size_t)n < sizeof e.msg)
        vsnprintf(e.msg + n, sizeof e.msg - (size_t)n, fmt, ap);
    va_end(ap);
    fn(ctx, SDPX_SEV_ERROR, &e);
}

/* One verification: the maps of both sessions. */
typedef struct verifier {
    sdpxi_map om, am;
} verifier;

static unsigned mline_no(const sdpx_media *m)
{
    return sdpx_line_number(sdpx_media_line(m, 0));
}

static int same(sdpx_str a, sdpx_str b)
{
    return a.len == b.len && !memcmp(a.ptr, b.ptr, a.len);
}

static int offered_fb(const sdpxi_set *fb, unsigned pt, sdpx_str what)
{
    return sdpxi_set_find(fb, pt, what) || sdpxi_set_find(fb, SDPXI_FB_ANY, what);
}

static int verify_codecs(const sdpx_media *o, const sdpx_media *a, sdpx_diag_fn fn, void *ctx,
                         int *n)
{
    sdpxi_codecs *oc = malloc(sizeof *oc), *ac = malloc(sizeof *ac);
    if (!oc || !ac) {
        free(oc);
        free(ac);
        return SDPX_ENOMEM;
    }
    oc->fb = ac->fb = NULL;
    oc->fb_cap = ac->fb_cap = 0;
    /* a read that fails may keep the rtcp-fb list it had grown: free both */
    if (sdpxi_codecs_read(o, NULL, oc) || sdpxi_codecs_read(a, NULL, ac)) {
        sdpxi_codecs_free(oc);
        sdpxi_codecs_free(ac);
        free(oc);
        free(ac);
        return SDPX_ENOMEM;
    }
    unsigned char primary[128] = {0};
    int primaries = 0;
    for (size_t i = 0; i < ac->n; i++) {
        unsigned pt = ac->order[i];
        const sdpxi_pt *ap = &ac->pt[pt], *op = &oc->pt[pt];
        /* RFC 3264 6.1: only offered types, each meaning what the offer said */
        if (!oc->listed[pt]) {
            sdpxi_report(fn, ctx, SDPX_EN_V_CODEC, a, sdpx_line_number(ap->at),
                         "payload type %u was not offered (RFC 3264 6.1)", pt);
            (*n)++;
            continue;
        }
        if (ap->known && op->known &&
            (!sdpxi_view_ieq(ap->encoding, op->encoding) || ap->clock_rate != op->clock_rate ||
             (ap->channels ? ap->channels : 1) != (op->channels ? op->channels : 1))) {
            sdpxi_report(fn, ctx, SDPX_EN_V_CODEC, a, sdpx_line_number(ap->at),
                         "payload type %u is %.*s/%lu in the offer, remapped (RFC 3264 6.1)", pt,
                         SDPXI_SV(op->encoding), (unsigned long)op->clock_rate);
            (*n)++;
            continue;
        }
        if (op->known && op->role == SDPXI_PRIMARY) {
            primary[pt] = 1;
            primaries++;
            const char *why = sdpxi_fmtp_answer_problem(op, ap);
            if (why) {
                sdpxi_report(fn, ctx, SDPX_EN_V_FMTP, a, sdpx_line_number(ap->at),
                             "payload type %u: %s", pt, why);
                (*n)++;
            }
        }
    }
    for (size_t i = 0; i < ac->n; i++) {
        unsigned pt = ac->order[i];
        const sdpxi_pt *op = &oc->pt[pt], *ap = &ac->pt[pt];
        if (!oc->listed[pt] || !op->known)
            continue;
        sdpxi_role role = op->role;
        const char *why = NULL;
        /* RFC 4588 8.6, RFC 2198 5, RFC 5109 14.1: partners need their primary */
        if (role == SDPXI_RTX && (!op->has_apt || !ac->listed[op->apt]))
            why = "RTX whose apt names a codec the answer dropped (RFC 4588 8.6)";
        else if (role == SDPXI_RTX && (!ap->has_apt || ap->apt != op->apt))
            why = "RTX apt differs from the offer's (RFC 4588 8.6)";
        else if (role == SDPXI_RED && op->fmtp.len && !sdpxi_red_carries_ok(op->fmtp, primary))
            why = "RED carrying a codec the answer dropped (RFC 2198 5)";
        else if (role != SDPXI_PRIMARY && role != SDPXI_RTX && !primaries)
            why = "RED/FEC/auxiliary codec without a primary codec";
        if (why) {
            sdpxi_report(fn, ctx, SDPX_EN_V_PARTNER, a, sdpx_line_number(ac->pt[pt].at),
                         "payload type %u: %s", pt, why);
            (*n)++;
        }
    }
    /* RFC 4585 4.2: feedback only as offered */
    sdpxi_set ofb;
    if (sdpxi_fb_set(oc, &ofb)) {
        sdpxi_codecs_free(oc);
        sdpxi_codecs_free(ac);
        free(oc);
        free(ac);
        return SDPX_ENOMEM;
    }
    for (size_t i = 0; i < ac->nfb; i++) {
        const sdpxi_fb *fb = &ac->fb[i];
        int ok = 1;
        if (fb->wildcard) {
            for (size_t k = 0; ok && k < ac->n; k++)
                ok = offered_fb(&ofb, ac->order[k], fb->what);
        } else {
            ok = offered_fb(&ofb, fb->pt, fb->what);
        }
        if (!ok) {
            sdpxi_report(fn, ctx, SDPX_EN_V_RTCP_FB, a, sdpx_line_number(fb->at),
                         "rtcp-fb \"%.*s\" not offered for that payload type (RFC 4585 4.2)",
                         SDPXI_SV(fb->what));
            (*n)++;
        }
    }
    sdpxi_set_free(&ofb);
    sdpxi_codecs_free(oc);
    sdpxi_codecs_free(ac);
    free(oc);
    free(ac);
    return 0;
}

/* RFC 8285 5: an answer uses only offered extensions, with the offered ids
 * (an offered 4096-4351 lets the answerer choose). */
static int verify_extmaps(const sdpx_media *o, const sdpx_media *a, sdpx_diag_fn fn, void *ctx, int *n)
{
    sdpxi_set set = {0};
    sdpxi_extmaps it = {o, NULL, 0, 0};
    const sdpx_line *l;
    while ((l = sdpxi_extmaps_next(&it)) != NULL) {
        sdpx_extmap x;
        if (!sdpx_extmap_parse(sdpx_attr_value(l), &x) &&
            sdpxi_set_add(&set, x.id >= 4096 && x.id <= 4351 ? 0 : x.id, x.uri, 0)) {
            sdpxi_set_free(&set);
            return SDPX_ENOMEM;
        }
    }
    sdpxi_set_sort(&set);
    sdpxi_extmaps ia = {a, NULL, 0, 0};
    while ((l = sdpxi_extmaps_next(&ia)) != NULL) {
        sdpx_extmap e;
        if (sdpx_extmap_parse(sdpx_attr_value(l), &e) || sdpxi_set_find(&set, e.id, e.uri) ||
            sdpxi_set_find(&set, 0, e.uri))
            continue;
        sdpxi_report(fn, ctx, SDPX_EN_V_EXTMAP, a, sdpx_line_number(l),
                     "extmap %u %.*s was not offered with that id (RFC 8285 5)", e.id, SDPXI_SV(e.uri));
        (*n)++;
    }
    sdpxi_set_free(&set);
    return 0;
}

static void verify_transport(const verifier *v, const sdpx_media *o, const sdpx_media *a,
                             sdpx_str proto, sdpx_diag_fn fn, void *ctx, int *n)
{
    sdpx_str ou, op, au, ap;
    const sdpx_media *oi = sdpxi_map_transport(&v->om, o, SDPX_ATTR_ICE_UFRAG);
    const sdpx_media *ai = sdpxi_map_transport(&v->am, a, SDPX_ATTR_ICE_UFRAG);
    if (!sdpx_media_ice_ufrag(oi, &ou) && !sdpx_media_ice_pwd(oi, &op)) {
        if (sdpx_media_ice_ufrag(ai, &au) || sdpx_media_ice_pwd(ai, &ap)) {
            sdpxi_report(fn, ctx, SDPX_EN_V_ICE, a, mline_no(a),
                         "ICE offered, the answer has no ice-ufrag/ice-pwd (RFC 8839 5.4)");
            (*n)++;
        } else if (same(au, ou) || same(ap, op)) {
            sdpxi_report(fn, ctx, SDPX_EN_V_ICE, a, mline_no(a),
                         "the answer reuses the offer's ICE %s (RFC 8839 5.4)",
                         same(au, ou) ? "ufrag" : "password");
            (*n)++;
        }
    }
    if (!sdpxi_section_dtls(&v->om, o, proto, sdpxi_proto_parts(proto)))
        return;
    sdpx_fingerprint fp;
    if (sdpx_media_fingerprint(sdpxi_map_transport(&v->am, a, SDPX_ATTR_FINGERPRINT), 0, &fp)) {
        sdpxi_report(fn, ctx, SDPX_EN_V_FINGERPRINT, a, mline_no(a),
                     "DTLS answer without a fingerprint (RFC 8122 5)");
        (*n)++;
    }
    sdpx_setup os, as;
    const sdpx_media *as_m = sdpxi_map_transport(&v->am, a, SDPX_ATTR_SETUP);
    if (sdpx_media_setup(as_m, &as))
        return; /* RFC 4145 4: absent means passive in an answer */
    if (sdpx_media_setup(sdpxi_map_transport(&v->om, o, SDPX_ATTR_SETUP), &os))
        os = SDPX_SETUP_ACTIVE;
    int ok = os == SDPX_SETUP_ACTPASS ? (as == SDPX_SETUP_ACTIVE || as == SDPX_SETUP_PASSIVE)
             : os == SDPX_SETUP_ACTIVE ? as == SDPX_SETUP_PASSIVE
             : os == SDPX_SETUP_PASSIVE ? as == SDPX_SETUP_ACTIVE
                                        : as == SDPX_SETUP_HOLDCONN;
    if (!ok) {
        const sdpx_line *l = sdpx_media_find_attr(as_m, SDPX_ATTR_SETUP, NULL);
        sdpxi_report(fn, ctx, SDPX_EN_V_SETUP, a, l ? sdpx_line_number(l) : mline_no(a),
                     "a=setup:%s does not answer a=setup:%s (RFC 8842 5.2, RFC 4145 4)",
                     sdpx_setup_name(as), sdpx_setup_name(os));
        (*n)++;
    }
}

static int verify_section(const verifier *v, const sdpx_media *o, const sdpx_media *a,
                          sdpx_diag_fn fn, void *ctx, int *n)
{
    sdpx_mline om, am;
    if (sdpx_media_mline(o, &om) || sdpx_media_mline(a, &am))
        return 0;
    sdpx_str omid, amid;
    int oh = !sdpx_media_mid(o, &omid), ah = !sdpx_media_mid(a, &amid);
    if (oh != ah || (oh && !same(omid, amid))) {
        sdpxi_report(fn, ctx, SDPX_EN_V_MID, a, mline_no(a),
                     "mid differs from the offered section's (RFC 8843 7.3.1, JSEP 5.3.1)");
        (*n)++;
    }
    if (!same(om.media, am.media)) {
        sdpxi_report(fn, ctx, SDPX_EN_V_SECTIONS, a, mline_no(a),
                     "media kind %.*s answers an offered %.*s (RFC 3264 6)", SDPXI_SV(am.media),
                     SDPXI_SV(om.media));
        (*n)++;
        return 0;
    }
    if (!same(om.proto, am.proto)) {
        sdpxi_report(fn, ctx, SDPX_EN_V_PROTO, a, mline_no(a),
                     "proto %.*s answers an offered %.*s (RFC 3264 6)", SDPXI_SV(am.proto),
                     SDPXI_SV(om.proto));
        (*n)++;
    }
    if (am.port == 0)
        return 0; /* rejected: BUNDLE membership is checked with the groups */
    if (om.port == 0 && !sdpxi_bundle_only(o)) {
        sdpxi_report(fn, ctx, SDPX_EN_V_ACCEPTED, a, mline_no(a),
                     "accepts a section the offer rejected (RFC 3264 6)");
        (*n)++;
        return 0;
    }
    verify_transport(v, o, a, om.proto, fn, ctx, n);
    if (sdpxi_proto_sctp(om.proto)) {
        *n += sdpxi_sctp_verify(o, a, fn, ctx);
        return 0;
    }
    if (!sdpxi_proto_rtp(om.proto))
        return 0;
    if (verify_codecs(o, a, fn, ctx, n) || verify_extmaps(o, a, fn, ctx, n))
        return SDPX_ENOMEM;
    sdpx_direction od = sdpx_media_direction(o), ad = sdpx_media_direction(a);
    if (!sdpxi_direction_ok(od, ad)) {
        sdpxi_report(fn, ctx, SDPX_EN_V_DIRECTION, a, mline_no(a),
                     "%s does not answer %s (RFC 3264 6.1)", sdpx_direction_name(ad),
                     sdpx_direction_name(od));
        (*n)++;
    }
    int omux = sdpx_media_find_attr(o, SDPX_ATTR_RTCP_MUX, NULL) != NULL;
    int oonly = sdpx_media_find_attr(o, SDPX_ATTR_RTCP_MUX_ONLY, NULL) != NULL;
    int amux = sdpx_media_find_attr(a, SDPX_ATTR_RTCP_MUX, NULL) != NULL;
    if ((amux && !omux && !oonly) || (oonly && !amux)) {
        sdpxi_report(fn, ctx, SDPX_EN_V_RTCP_MUX, a, mline_no(a),
                     amux ? "rtcp-mux answered but not offered (RFC 5761 5.1.1)"
                          : "rtcp-mux-only offered, the answer lacks rtcp-mux (RFC 8858 4)");
        (*n)++;
    }
    int k = sdpxi_simulcast_verify(o, a, fn, ctx);
    if (k < 0)
        return k;
    *n += k;
    return 0;
}

/* RFC 8843 7.3.1: answer groups name accepted sections of one offered group. */
static void verify_groups(const verifier *v, sdpx_diag_fn fn, void *ctx, int *n)
{
    const sdpx_line *l = NULL;
    while ((l = sdpx_session_find_attr(v->am.s, SDPX_ATTR_GROUP, l)) != NULL) {
        sdpx_group g;
        if (sdpx_group_parse(sdpx_attr_value(l), &g) || !sdpx_str_eq(g.semantics, "BUNDLE"))
            continue;
        sdpx_str rest = g.ids, id;
        size_t first = 0;
        while (sdpx_group_id_next(&rest, &id)) {
            const sdpx_media *am = sdpxi_map_by_mid(&v->am, id), *om = sdpxi_map_by_mid(&v->om, id);
            sdpx_mline ml;
            size_t og = om ? v->om.group[sdpx_media_index(om)] : 0;
            const char *why = NULL;
            if (!am)
                why = "names no answered section";
            else if (sdpx_media_mline(am, &ml) || ml.port == 0)
                why = "names a rejected section";
            else if (!og)
                why = "names a section the offer did not bundle";
            else if (!first)
                first = og;
            else if (og != first)
                why = "joins sections of different offered groups";
            if (why) {
                sdpxi_report(fn, ctx, SDPX_EN_V_BUNDLE, NULL, sdpx_line_number(l),
                             "a=group:BUNDLE mid \"%.*s\" %s (RFC 8843 7.3.1)", SDPXI_SV(id), why);
                (*n)++;
            }
        }
    }
}

int sdpx_answer_verify(const sdpx_session *offer, const sdpx_session *answer, sdpx_diag_fn fn,
                       void *ctx)
{
    if (!offer || !answer)
        return SDPX_EINVAL;
    int n = 0;
    size_t no = sdpx_session_media_count(offer), na = sdpx_session_media_count(answer);
    if (no != na) {
        /* RFC 3264 6: one answer section per offered section, in order */
        sdpxi_report(fn, ctx, SDPX_EN_V_SECTIONS, NULL, 0,
                     "the offer has %zu media sections, the answer %zu (RFC 3264 6)", no, na);
        n++;
    }
    verifier v;
    if (sdpxi_map_build(offer, &v.om))
        return SDPX_ENOMEM;
    if (sdpxi_map_build(answer, &v.am)) {
        sdpxi_map_free(&v.om);
        return SDPX_ENOMEM;
    }
    int rc = 0;
    for (size_t i = 0; !rc && i < no && i < na; i++)
        rc = verify_section(&v, sdpx_session_media(offer, i), sdpx_session_media(answer, i), fn, ctx, &n);
    if (!rc)
        verify_groups(&v, fn, ctx, &n);
    sdpxi_map_free(&v.om);
    sdpxi_map_free(&v.am);
    return rc ? rc : n;
}
