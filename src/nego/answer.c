/*
 * The answerer: RFC 3264 6 offer/answer, as RFC 9429 (JSEP) 5.3.1 applies
 * it to WebRTC, and as SIP endpoints use it (RTP/AVP, static payload types,
 * no ICE or DTLS). The answer is written as text, one section per offered
 * section, and parsed once.
 */
#include "nego.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* answer_section's answer for a section the offer itself rejected */
enum { OFFER_REJECTED = 1 };

typedef struct answerer {
    const sdpx_session *offer;
    const sdpx_caps *caps;
    sdpxi_map map;        /* the offer's mids and BUNDLE groups */
    sdpx_answer_options opt;
    char ufrag[SDPX_ICE_UFRAG_CHARS + 1];
    char pwd[SDPX_ICE_PWD_CHARS + 1];
    char conn[80];        /* "IN IP4 0.0.0.0" */
    size_t conn_len;
    unsigned port;
    int any_ice;          /* some accepted section uses ICE */
    int offer_ice;        /* some offered section carries ICE credentials */
    int local_fp_ok;      /* caps->fingerprint decodes */
    sdpx_str fp_checked;  /* the offered fingerprint value last decoded */
    sdpxi_text tr;        /* the transport lines of the section being answered, then the session's */
    sdpxi_codecs *oc;     /* the codecs of the section being answered (allocated once) */
    char why[120];        /* the reason a section was rejected */
} answerer;

static int reject(answerer *a, int code, const char *fmt, const char *arg)
{
    snprintf(a->why, sizeof a->why, fmt, arg ? arg : "");
    return code;
}

static const sdpx_caps_media *caps_for(const sdpx_caps *c, sdpx_str kind)
{
    for (size_t i = 0; i < c->nmedia && i < SDPX_CAPS_MAX_MEDIA; i++)
        if (c->media[i].kind.len == kind.len && !memcmp(c->media[i].kind.ptr, kind.ptr, kind.len))
            return &c->media[i];
    return NULL;
}

/* "<head><v>\r\n": head a string literal (PUT_ATTR). */
static void put_attr(sdpxi_text *t, const char *head, size_t n, sdpx_str v)
{
    sdpxi_text_add(t, head, n);
    sdpxi_text_str(t, v);
    SDPXI_TEXT_LIT(t, "\r\n");
}
#define PUT_ATTR(t, head, v) put_attr((t), "" head, sizeof(head) - 1, (v))

/* "<head><pt> <v>\r\n": a=fmtp, a=rtcp-fb */
static void put_pt_attr(sdpxi_text *t, const char *head, size_t n, unsigned pt, sdpx_str v)
{
    sdpxi_text_add(t, head, n);
    sdpxi_text_small(t, pt);
    SDPXI_TEXT_LIT(t, " ");
    sdpxi_text_str(t, v);
    SDPXI_TEXT_LIT(t, "\r\n");
}
#define PUT_PT_ATTR(t, head, pt, v) put_pt_attr((t), "" head, sizeof(head) - 1, (pt), (v))

/* The c=, ICE and DTLS lines of an accepted section and its mid, into *out. */
static int transport_lines(answerer *a, const sdpx_media *m, sdpx_str proto, unsigned parts,
                           sdpxi_text *out)
{
    out->len = 0;
    PUT_ATTR(out, "c=", ((sdpx_str){a->conn, a->conn_len}));
    const sdpx_media *im = sdpxi_map_transport(&a->map, m, SDPX_ATTR_ICE_UFRAG);
    /* RFC 8839 4.2.1: ICE runs for the whole session; sdpx_validate wants
     * credentials in every section once any section has them */
    int ice = a->offer_ice || (sdpxi_scoped(&a->map, im, ufrag) && sdpxi_scoped(&a->map, im, pwd));
    if (ice) {
        /* JSEP 5.3.1, RFC 8839 5.4: fresh credentials, never the offer's */
        PUT_ATTR(out, "a=ice-ufrag:", ((sdpx_str){a->ufrag, SDPX_ICE_UFRAG_CHARS}));
        PUT_ATTR(out, "a=ice-pwd:", ((sdpx_str){a->pwd, SDPX_ICE_PWD_CHARS}));
        if (a->caps->ice_options.len)
            PUT_ATTR(out, "a=ice-options:", a->caps->ice_options);
    }
    if (sdpxi_section_dtls(&a->map, m, proto, parts)) {
        sdpx_fingerprint fp;
        if (!a->local_fp_ok)
            return reject(a, SDPX_EN_LOCAL_FINGERPRINT,
                          "DTLS offered but the local capabilities have no valid fingerprint%s", NULL);
        /* bundled sections share one fingerprint line: decode it once */
        const sdpx_media *fm = sdpxi_map_transport(&a->map, m, SDPX_ATTR_FINGERPRINT);
        const sdpx_line *fl = sdpxi_scoped(&a->map, fm, fingerprint);
        sdpx_str fv = fl ? sdpx_attr_value(fl) : (sdpx_str){"", 0}, last = a->fp_checked;
        int seen = fl && last.ptr && fv.len == last.len && !memcmp(fv.ptr, last.ptr, fv.len);
        if (!fl || (!seen && sdpx_fingerprint_parse(fv, &fp)))
            return reject(a, SDPX_EN_NO_FINGERPRINT, "DTLS offered without a fingerprint (RFC 8122 5)%s",
                          NULL);
        a->fp_checked = fv; /* sections repeat one fingerprint: decode each text once */
        sdpx_setup os, as;
        const sdpx_line *sl = sdpxi_scoped(&a->map, sdpxi_map_transport(&a->map, m, SDPX_ATTR_SETUP), setup);
        /* RFC 4145 4: without a=setup the offerer is active */
        if (!sl || sdpx_setup_parse(sdpx_attr_value(sl), &os))
            os = SDPX_SETUP_ACTIVE;
        switch (os) {
        case SDPX_SETUP_ACTPASS: /* RFC 8842 5.2, JSEP 5.3.1: active unless configured */
            as = a->opt.setup == SDPX_SETUP_PASSIVE ||
                         (!a->opt.setup && a->caps->setup == SDPX_SETUP_PASSIVE)
                     ? SDPX_SETUP_PASSIVE
                     : SDPX_SETUP_ACTIVE;
            break;
        case SDPX_SETUP_ACTIVE: as = SDPX_SETUP_PASSIVE; break; /* RFC 4145 4 */
        case SDPX_SETUP_PASSIVE: as = SDPX_SETUP_ACTIVE; break;
        default:
            return reject(a, SDPX_EN_SETUP, "a=setup:holdconn offered (RFC 4145 4)%s", NULL);
        }
        PUT_ATTR(out, "a=fingerprint:", a->caps->fingerprint);
        PUT_ATTR(out, "a=setup:", sdpx_str_from(sdpx_setup_name(as)));
    } else if (sdpx_str_eq(proto, "RTP/SAVP") || sdpx_str_eq(proto, "RTP/SAVPF")) {
        return reject(a, SDPX_EN_PROTO, "SDES-keyed %s is not supported (RFC 4568)",
                      sdpx_str_eq(proto, "RTP/SAVP") ? "RTP/SAVP" : "RTP/SAVPF");
    }
    const sdpx_line *mid = sdpxi_map_lines(&a->map, m)->mid;
    if (mid)
        PUT_ATTR(out, "a=mid:", sdpx_attr_value(mid));
    if (out->oom)
        return SDPX_ENOMEM;
    a->any_ice |= ice;
    return 0;
}

/* The first local codec that matches p; keys[i] caches codec i's fmtp key. */
static const sdpx_caps_codec *caps_codec(const sdpx_caps_media *cm, sdpxi_pt *p, sdpxi_fmtp_key *keys)
{
    for (size_t i = 0; i < cm->ncodecs && i < SDPX_CAPS_MAX_CODECS; i++)
        if (sdpxi_codec_match(p, &cm->codecs[i], &keys[i]))
            return &cm->codecs[i];
    return NULL;
}

/* The next extmap line after l (NULL: the first) that applies to m: the
 * section's own, else the session's (RFC 8285 7); NULL after the last. */
static const sdpx_line *extmap_next(const sdpxi_map *map, const sdpx_media *m, const sdpx_line *l)
{
    const sdpxi_lines *t = sdpxi_map_lines(map, m);
    if (!t->extmap)
        t = &map->sess;
    if (!l)
        return t->extmap;
    if (l == t->extmap_last)
        return NULL;
    return t == &map->sess ? sdpx_session_find_attr(map->s, SDPX_ATTR_EXTMAP, l)
                           : sdpx_media_find_attr(m, SDPX_ATTR_EXTMAP, l);
}

/* RFC 8285 5, JSEP 5.3.1: extensions both sides know, with the offered ids. */
/* 1 when the second space-separated field of extmap value v (the URI that
 * sdpx_extmap_parse gives it, RFC 8285 5) is one the local side knows:
 * compared in place, without scanning the URI for its end. */
static int local_extmap(const sdpx_caps_media *cm, sdpx_str v)
{
    const char *p = v.ptr, *end = p + v.len;
    while (p < end && *p == ' ')
        p++;
    while (p < end && *p != ' ') /* the id (and direction) */
        p++;
    while (p < end && *p == ' ')
        p++;
    size_t left = (size_t)(end - p);
    for (size_t i = 0; i < cm->nextmaps && i < SDPX_CAPS_MAX_EXTMAPS; i++) {
        sdpx_str u = cm->extmaps[i].uri;
        if (u.len && u.len <= left && !memcmp(u.ptr, p, u.len) && (u.len == left || p[u.len] == ' '))
            return 1;
    }
    return 0;
}

static void put_extmaps(sdpxi_text *t, const sdpxi_map *map, const sdpx_media *m,
                        const sdpx_caps_media *cm)
{
    unsigned char used[256] = {0};
    const sdpx_line *l = NULL;
    while ((l = extmap_next(map, m, l)) != NULL) {
        sdpx_extmap e;
        sdpx_str v = sdpx_attr_value(l);
        /* a URI the local side does not know is never answered: no decode */
        if (!local_extmap(cm, v) || sdpx_extmap_parse(v, &e) || e.id < 1 || e.id > 255 ||
            e.id == 15 || used[e.id])
            continue; /* 4096-4351 would need the answerer to pick an id; 15 is reserved */
        used[e.id] = 1;
        SDPXI_TEXT_LIT(t, "a=extmap:");
        sdpxi_text_small(t, e.id);
        if (e.has_direction) { /* RFC 8285 6: the answer mirrors a stated direction */
            SDPXI_TEXT_LIT(t, "/");
            sdpxi_text_str(t, sdpx_str_from(sdpx_direction_name(
                                  sdpxi_answer_direction(e.direction, SDPX_DIR_SENDRECV))));
        }
        SDPXI_TEXT_LIT(t, " ");
        PUT_ATTR(t, "", e.uri);
    }
}

static int answer_rtp(answerer *a, const sdpx_media *m, const sdpx_mline *ml, unsigned parts,
                      sdpxi_text *t)
{
    const sdpx_caps_media *cm = caps_for(a->caps, ml->media);
    if (!cm)
        return reject(a, SDPX_EN_KIND, "no local capabilities for %s", "this media kind");
    int rc = transport_lines(a, m, ml->proto, parts, &a->tr);
    if (rc)
        return rc;
    if (!a->oc) { /* its fb buffer serves every section, freed with the answerer */
        if ((a->oc = malloc(sizeof *a->oc)) == NULL)
            return SDPX_ENOMEM;
        a->oc->fb = NULL;
        a->oc->fb_cap = 0;
    }
    sdpxi_codecs *oc = a->oc;
    rc = sdpxi_codecs_read(m, sdpxi_map_lines(&a->map, m), oc);
    if (rc)
        return rc;
    const sdpx_caps_codec *match[128] = {0};
    sdpxi_fmtp_key keys[SDPX_CAPS_MAX_CODECS] = {{0}};
    unsigned char ok[128] = {0}, primary_ok[128] = {0};
    int primaries = 0;
    /* RFC 3264 6.1: the offered types the answerer can use, in the offer's
     * order, with the offer's numbers */
    for (size_t i = 0; i < oc->n; i++) {
        unsigned pt = oc->order[i];
        sdpxi_pt *p = &oc->pt[pt];
        if (!p->known || p->role != SDPXI_PRIMARY)
            continue;
        if ((match[pt] = caps_codec(cm, p, keys)) != NULL)
            ok[pt] = primary_ok[pt] = 1, primaries++;
    }
    if (!primaries)
        return reject(a, SDPX_EN_NO_CODEC, "no common codec (RFC 3264 6.1)%s", NULL);
    /* RED, FEC, telephone-event, CN only beside an accepted primary */
    for (size_t i = 0; i < oc->n; i++) {
        unsigned pt = oc->order[i];
        sdpxi_pt *p = &oc->pt[pt];
        if (!p->known)
            continue;
        sdpxi_role role = p->role;
        if (role == SDPXI_PRIMARY || role == SDPXI_RTX || !(match[pt] = caps_codec(cm, p, keys)))
            continue;
        /* RFC 2198 5: a RED type whose fmtp lists codecs needs them all */
        if (role == SDPXI_RED && p->fmtp.len && !sdpxi_red_carries_ok(p->fmtp, primary_ok))
            continue;
        ok[pt] = 1;
    }
    /* RFC 4588 8.6: RTX only for a kept type whose local codec has RTX (an
     * apt that names another RTX type has no local codec: match is NULL) */
    for (size_t i = 0; i < oc->n; i++) {
        unsigned pt = oc->order[i];
        const sdpxi_pt *p = &oc->pt[pt];
        if (p->known && p->role == SDPXI_RTX && p->has_apt && ok[p->apt] && match[p->apt] &&
            match[p->apt]->rtx_payload_type && p->clock_rate == oc->pt[p->apt].clock_rate)
            ok[pt] = 1;
    }
    /* RFC 4585 4.2: bit j of fbmask[pt]: the offer names match[pt]'s j-th
     * feedback for pt; "*" lines, rare, go into a small sorted set */
    uint16_t fbmask[128] = {0};
    sdpxi_set wild = {0};
    for (size_t j = 0; j < oc->nfb; j++) {
        const sdpxi_fb *f = &oc->fb[j];
        if (f->wildcard) {
            if (sdpxi_set_add(&wild, SDPXI_FB_ANY, f->what, j)) {
                sdpxi_set_free(&wild);
                return SDPX_ENOMEM;
            }
            continue;
        }
        const sdpx_caps_codec *c = ok[f->pt] ? match[f->pt] : NULL;
        for (size_t k = 0; c && k < c->nrtcp_fb && k < SDPX_CAPS_MAX_FB; k++)
            if (c->rtcp_fb[k].len == f->what.len && !memcmp(c->rtcp_fb[k].ptr, f->what.ptr, f->what.len))
                fbmask[f->pt] |= (uint16_t)(1u << k);
    }
    sdpxi_set_sort(&wild);
    SDPXI_TEXT_LIT(t, "m=");
    sdpxi_text_str(t, ml->media);
    SDPXI_TEXT_LIT(t, " ");
    sdpxi_text_small(t, a->port);
    SDPXI_TEXT_LIT(t, " ");
    sdpxi_text_str(t, ml->proto);
    for (size_t i = 0; i < oc->n; i++)
        if (ok[oc->order[i]]) {
            SDPXI_TEXT_LIT(t, " ");
            sdpxi_text_small(t, oc->order[i]);
        }
    SDPXI_TEXT_LIT(t, "\r\n");
    sdpxi_text_add(t, a->tr.p, a->tr.len);
    put_extmaps(t, &a->map, m, cm);
    const sdpxi_lines *ml_lines = sdpxi_map_lines(&a->map, m);
    if (ml_lines->allow_mixed)
        SDPXI_TEXT_LIT(t, "a=extmap-allow-mixed\r\n"); /* RFC 8285 6 */
    /* RFC 8866 6.7: the section's direction, else the session's, else sendrecv */
    int dir = ml_lines->dir >= 0 ? ml_lines->dir : a->map.sess.dir >= 0 ? a->map.sess.dir : SDPX_DIR_SENDRECV;
    PUT_ATTR(t, "a=", sdpx_str_from(sdpx_direction_name(
                          sdpxi_answer_direction((sdpx_direction)dir, cm->direction))));
    /* RFC 5761 5.1.1, RFC 8858 4: mux when offered (rtcp-mux-only is answered with rtcp-mux) */
    if (ml_lines->rtcp_mux || ml_lines->rtcp_mux_only)
        SDPXI_TEXT_LIT(t, "a=rtcp-mux\r\n");
    if (ml_lines->rtcp_rsize)
        SDPXI_TEXT_LIT(t, "a=rtcp-rsize\r\n"); /* RFC 5506 5 */
    for (size_t i = 0; i < oc->n; i++) {
        unsigned pt = oc->order[i];
        const sdpxi_pt *p = &oc->pt[pt];
        if (!ok[pt])
            continue;
        if (p->has_rtpmap) {
            SDPXI_TEXT_LIT(t, "a=rtpmap:");
            sdpxi_text_small(t, pt);
            SDPXI_TEXT_LIT(t, " ");
            sdpxi_text_str(t, p->encoding);
            SDPXI_TEXT_LIT(t, "/");
            sdpxi_text_small(t, p->clock_rate);
            if (p->has_channels) {
                SDPXI_TEXT_LIT(t, "/");
                sdpxi_text_small(t, p->channels);
            }
            SDPXI_TEXT_LIT(t, "\r\n");
        }
        sdpxi_role role = p->role;
        if (role == SDPXI_RTX) { /* RFC 4588 8.6 */
            SDPXI_TEXT_LIT(t, "a=fmtp:");
            sdpxi_text_small(t, pt);
            SDPXI_TEXT_LIT(t, " apt=");
            sdpxi_text_small(t, p->apt);
            SDPXI_TEXT_LIT(t, "\r\n");
        } else if (role == SDPXI_RED && p->fmtp.len) {
            PUT_PT_ATTR(t, "a=fmtp:", pt, p->fmtp);
        }
        else if (role != SDPXI_RED && match[pt])
            sdpxi_codec_answer_fmtp(t, pt, p, match[pt]);
        if (role == SDPXI_RTX || !match[pt])
            continue;
        /* RFC 4585 4.2: feedback both sides name, per type ("*" applies to each) */
        for (size_t j = 0; j < match[pt]->nrtcp_fb && j < SDPX_CAPS_MAX_FB; j++) {
            sdpx_str what = match[pt]->rtcp_fb[j];
            if ((fbmask[pt] >> j & 1) || (wild.n && sdpxi_set_find(&wild, SDPXI_FB_ANY, what)))
                PUT_PT_ATTR(t, "a=rtcp-fb:", pt, what);
        }
    }
    if (cm->simulcast && sdpxi_simulcast_answer(t, m, ok))
        rc = SDPX_ENOMEM;
    sdpxi_set_free(&wild);
    return rc;
}

static int answer_section(answerer *a, const sdpx_media *m, const sdpx_mline *ml, sdpxi_text *t)
{
    /* RFC 3264 6: an offered port 0 stays rejected; RFC 8843 6: a bundle-only
     * section (port 0, a=bundle-only) is offered for the BUNDLE group */
    if (ml->port == 0 && !(sdpxi_map_lines(&a->map, m)->bundle_only && a->map.group[sdpx_media_index(m)]))
        return OFFER_REJECTED; /* not an error: nothing to report */
    unsigned parts = sdpxi_proto_parts(ml->proto);
    if (sdpxi_parts_rtp(parts))
        return answer_rtp(a, m, ml, parts, t);
    if (sdpx_str_eq(ml->media, "application") && sdpxi_parts_sctp(parts)) {
        if (!a->caps->data_channel)
            return reject(a, SDPX_EN_NO_DATA, "data channels are not supported locally%s", NULL);
        int rc = transport_lines(a, m, ml->proto, parts, &a->tr);
        if (rc)
            return rc;
        rc = sdpxi_sctp_answer(t, m, ml, a->caps, a->port, &a->tr);
        return rc ? reject(a, rc, "not a WebRTC data channel (RFC 8841 4)%s", NULL) : 0;
    }
    return reject(a, SDPX_EN_PROTO, "transport protocol not supported%s", NULL);
}

/* RFC 3264 6, JSEP 5.3.1: port 0, the mid kept, a format that still parses,
 * outside every BUNDLE group. */
static void put_rejected(sdpxi_text *t, const sdpxi_map *map, const sdpx_media *m, const sdpx_mline *ml)
{
    sdpx_str rest = ml->formats, f;
    if (!sdpx_field_next(&rest, &f) || !sdpxi_token(f))
        f = (sdpx_str){"0", 1};
    sdpxi_text_put(t, "m=%.*s 0 %.*s %.*s\r\nc=IN IP4 0.0.0.0\r\n", SDPXI_SV(ml->media),
                   SDPXI_SV(ml->proto), SDPXI_SV(f));
    const sdpx_line *mid = sdpxi_map_lines(map, m)->mid;
    if (mid)
        PUT_ATTR(t, "a=mid:", sdpx_attr_value(mid));
}

static int proto_ok(sdpx_str p)
{
    /* RFC 8866 5.14: proto = token *("/" token); "/" is no token-char */
    size_t part = 0; /* the length of the token being read */
    for (size_t i = 0; i < p.len; i++) {
        unsigned char c = (unsigned char)p.ptr[i];
        if (c == '/' && !part)
            return 0;
        if (c != '/' && !sdpxi_token_char(c))
            return 0;
        part = c == '/' ? 0 : part + 1;
    }
    return part > 0;
}

/* Checks on the offer as a whole before anything is written. */
static int offer_ok(const sdpx_session *offer, const sdpxi_map *map, sdpx_error *err)
{
    char where[64];
    for (size_t i = 0; i < sdpx_session_media_count(offer); i++) {
        const sdpx_media *m = sdpx_session_media(offer, i);
        const sdpx_mline *ml = &map->lines[i].mline;
        if (map->lines[i].mline_rc || !sdpxi_token(ml->media) || !proto_ok(ml->proto)) {
            sdpxi_error(err, SDPX_EN_PROTO, sdpx_line_number(sdpx_media_line(m, 0)),
                        "%s: the m= line cannot be answered", sdpxi_where(m, where, sizeof where));
            return SDPX_EN_PROTO;
        }
        sdpx_str v;
        const sdpx_line *l = map->lines[i].mid;
        /* RFC 5888 4, RFC 8843 16.2: one mid per section, a token, unique in the session */
        if (l && (sdpx_mid_parse(sdpx_attr_value(l), &v) || map->lines[i].mid2 || map->dup_at == i)) {
            sdpxi_error(err, SDPX_EINVAL, sdpx_line_number(l),
                        "%s: a=mid not a unique token (RFC 5888 4)", sdpxi_where(m, where, sizeof where));
            return SDPX_EINVAL;
        }
    }
    return 0;
}

static int line_is(const sdpx_line *l, sdpx_str want)
{
    if (!l)
        return 0;
    sdpx_str v = sdpx_attr_value(l);
    return v.len == want.len && !memcmp(v.ptr, want.ptr, v.len);
}

/* 1 when the walked lines t of section m (NULL: the session level) use ufrag
 * u or pwd p: the first lines, or every line when there are more. */
static int lines_have_cred(const sdpxi_lines *t, const sdpx_session *s, const sdpx_media *m,
                           sdpx_str u, sdpx_str p)
{
    if (!t->more_cred)
        return line_is(t->ufrag, u) || line_is(t->pwd, p);
    for (int k = 0; k < 2; k++) {
        sdpx_attr_kind kind = k ? SDPX_ATTR_ICE_PWD : SDPX_ATTR_ICE_UFRAG;
        const sdpx_line *l = NULL;
        while ((l = m ? sdpx_media_find_attr(m, kind, l) : sdpx_session_find_attr(s, kind, l)))
            if (line_is(l, k ? p : u))
                return 1;
    }
    return 0;
}

/* 1 when the offer uses `ufrag` or `pwd` anywhere (session or any section). */
static int offer_has_cred(const sdpxi_map *map, const char *ufrag, const char *pwd)
{
    sdpx_str u = {ufrag, SDPX_ICE_UFRAG_CHARS}, p = {pwd, SDPX_ICE_PWD_CHARS};
    if (lines_have_cred(&map->sess, map->s, NULL, u, p))
        return 1;
    for (size_t i = 0; i < map->n; i++)
        if (lines_have_cred(&map->lines[i], map->s, sdpx_session_media(map->s, i), u, p))
            return 1;
    return 0;
}

static void answerer_free(answerer *a, unsigned char *accepted, const unsigned char *few)
{
    if (accepted != few)
        free(accepted);
    if (a->oc)
        sdpxi_codecs_free(a->oc);
    free(a->oc);
    sdpxi_text_free(&a->tr);
    sdpxi_map_free(&a->map);
}

static void put_groups(sdpxi_text *t, const sdpxi_map *map, const unsigned char *accepted)
{
    const sdpx_line *l = NULL;
    size_t num = 0;
    while ((l = sdpx_session_find_attr(map->s, SDPX_ATTR_GROUP, l)) != NULL) {
        sdpx_group g;
        if (sdpx_group_parse(sdpx_attr_value(l), &g) || !sdpx_str_eq(g.semantics, "BUNDLE"))
            continue;
        num++;
        /* RFC 8843 7.3.1: the accepted mids of the offered group; the first
         * one becomes the answerer-tagged section */
        size_t n = 0;
        sdpx_str rest = g.ids, id;
        while (sdpx_group_id_next(&rest, &id)) {
            const sdpx_media *m = sdpxi_map_by_mid(map, id);
            /* a mid named by two groups belongs to the first (sdpxi_map_build) */
            if (!m || !accepted[sdpx_media_index(m)] || map->group[sdpx_media_index(m)] != num)
                continue;
            if (!n)
                SDPXI_TEXT_LIT(t, "a=group:BUNDLE");
            SDPXI_TEXT_LIT(t, " ");
            sdpxi_text_str(t, id);
            n++;
        }
        if (n)
            SDPXI_TEXT_LIT(t, "\r\n");
    }
}

/* "IN IP4 <addr>" (IP6 when ip6) into buf, the address cut to fit cap
 * with its NUL; returns the length. */
static size_t conn_address(char *buf, size_t cap, int ip6, const char *addr, size_t n)
{
    size_t head = sizeof "IN IP4 " - 1;
    memcpy(buf, ip6 ? "IN IP6 " : "IN IP4 ", head);
    if (n > cap - head - 1)
        n = cap - head - 1;
    memcpy(buf + head, addr, n);
    buf[head + n] = '\0';
    return head + n;
}

int sdpx_answer_create(const sdpx_session *offer, const sdpx_caps *caps,
                       const sdpx_answer_options *opt, sdpx_session **answer, sdpx_error *err)
{
    if (answer)
        *answer = NULL;
    if (!offer || !caps || !answer) {
        sdpxi_error(err, SDPX_EINVAL, 0, "offer, capabilities and answer pointer are required");
        return SDPX_EINVAL;
    }
    answerer a;
    memset(&a, 0, sizeof a);
    int rc = sdpxi_map_build(offer, &a.map);
    if (rc) {
        sdpxi_error(err, rc, 0, "out of memory");
        return rc;
    }
    rc = offer_ok(offer, &a.map, err);
    if (rc) {
        sdpxi_map_free(&a.map);
        return rc;
    }
    a.offer = offer;
    a.caps = caps;
    if (opt)
        a.opt = *opt;
    a.port = a.opt.port && a.opt.port < 65536 ? a.opt.port : 9;
    sdpx_fingerprint lfp;
    a.local_fp_ok = caps->fingerprint.len && !sdpx_fingerprint_parse(caps->fingerprint, &lfp);
    const char *addr = a.opt.address ? a.opt.address : "0.0.0.0";
    size_t addr_len = strlen(addr);
    int fam = sdpx_address_family((sdpx_str){addr, addr_len});
    if (fam < 0 || fam == SDPX_ADDR_MDNS) {
        sdpxi_error(err, SDPX_EINVAL, 0, "address \"%.40s\" is not an IP address or FQDN", addr);
        sdpxi_map_free(&a.map);
        return SDPX_EINVAL;
    }
    a.conn_len = conn_address(a.conn, sizeof a.conn, fam == SDPX_ADDR_IP6, addr, addr_len);
    uint64_t sid;
    sdpxi_random_pool pool = {{0}, 0, 0};
    sdpx_random_fn rnd = a.opt.random ? a.opt.random : sdpxi_random_pooled;
    void *rnd_ctx = a.opt.random ? a.opt.random_ctx : &pool;
    /* JSEP 5.3.1: never the offer's credentials, even from a random
     * function that happens to (or is made to) repeat them */
    rc = SDPX_EINVAL;
    for (int tries = 0; rc == SDPX_EINVAL && tries < 8; tries++) {
        rc = sdpx_ice_credentials_make(rnd, rnd_ctx, a.ufrag, a.pwd);
        if (!rc && offer_has_cred(&a.map, a.ufrag, a.pwd))
            rc = SDPX_EINVAL;
    }
    if (!rc)
        rc = sdpxi_random_session_id(rnd, rnd_ctx, &sid);
    if (rc) {
        sdpxi_error(err, rc, 0, "the random function failed");
        sdpxi_map_free(&a.map);
        return rc;
    }
    size_t n = sdpx_session_media_count(offer);
    for (size_t i = 0; i < n; i++) {
        const sdpx_media *m = sdpx_session_media(offer, i);
        a.offer_ice |= sdpxi_scoped(&a.map, m, ufrag) && sdpxi_scoped(&a.map, m, pwd);
    }
    unsigned char few[64] = {0}; /* accepted[] of most offers */
    unsigned char *accepted = n <= sizeof few ? few : calloc(n, 1);
    sdpxi_text body = {0};
    if (!accepted)
        goto nomem;
    char where[64];
    for (size_t i = 0; i < n; i++) {
        const sdpx_media *m = sdpx_session_media(offer, i);
        const sdpx_mline *ml = &a.map.lines[i].mline;
        size_t start = body.len;
        rc = answer_section(&a, m, ml, &body);
        if (rc == SDPX_ENOMEM || body.oom)
            goto nomem;
        if (rc == 0) {
            accepted[i] = 1;
            continue;
        }
        body.len = start; /* what the rejected section wrote goes */
        sdpx_error e;
        sdpxi_error(&e, rc, sdpx_line_number(sdpx_media_line(m, 0)), "%s: %s",
                    sdpxi_where(m, where, sizeof where), a.why);
        if (rc != OFFER_REJECTED && (a.opt.flags & SDPX_ANSWER_STRICT)) {
            if (err)
                *err = e;
            answerer_free(&a, accepted, few);
            sdpxi_text_free(&body);
            return rc;
        }
        if (rc != OFFER_REJECTED && a.opt.diag)
            a.opt.diag(a.opt.diag_ctx, SDPX_SEV_ERROR, &e);
        put_rejected(&body, &a.map, m, ml);
    }
    /* the session part, known now, into the transport buffer and put before the sections */
    sdpxi_text *h = &a.tr;
    h->len = 0;
    /* RFC 8866 5, JSEP 5.3.1: a fresh origin, version 1 */
    SDPXI_TEXT_LIT(h, "v=0\r\no=- ");
    sdpxi_text_uint(h, sid);
    SDPXI_TEXT_LIT(h, " 1 ");
    if (a.opt.address)
        sdpxi_text_add(h, a.conn, a.conn_len);
    else
        SDPXI_TEXT_LIT(h, "IN IP4 127.0.0.1");
    SDPXI_TEXT_LIT(h, "\r\ns=-\r\nt=0 0\r\n");
    if (caps->ice_lite && a.any_ice)
        SDPXI_TEXT_LIT(h, "a=ice-lite\r\n"); /* RFC 8839 5.3 */
    put_groups(h, &a.map, accepted);
    if (a.map.sess.allow_mixed)
        SDPXI_TEXT_LIT(h, "a=extmap-allow-mixed\r\n"); /* RFC 8285 6 */
    sdpxi_text_prepend(&body, h);
    answerer_free(&a, accepted, few);
    return sdpxi_text_finish(&body, answer, err);
nomem:
    answerer_free(&a, accepted, few);
    sdpxi_text_free(&body);
    sdpxi_error(err, SDPX_ENOMEM, 0, "out of memory");
    return SDPX_ENOMEM;
}
