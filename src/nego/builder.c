/*
 * The builder: new sessions and sections through the edit API, and offers
 * from capabilities composed of those calls (RFC 9429 JSEP 5.2.1).
 */
#include "nego.h"

#include <stdio.h>
#include <string.h>

int sdpx_session_new(sdpx_random_fn rnd, void *ctx, sdpx_session **out)
{
    if (!out)
        return SDPX_EINVAL;
    *out = NULL;
    uint64_t id;
    int rc = sdpxi_random_session_id(rnd, ctx, &id);
    if (rc)
        return rc;
    /* RFC 8866 5.2, JSEP 5.2.1: "-" user, a random id below 2^63, version 1 */
    char buf[128];
    int n = snprintf(buf, sizeof buf, "v=0\r\no=- %llu 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n",
                     (unsigned long long)id);
    return sdpx_parse(buf, (size_t)n, NULL, out, NULL);
}

int sdpx_session_add_media(sdpx_session *s, const char *kind, const char *proto,
                           const char *formats, sdpx_media **out)
{
    if (!s || !kind || !proto)
        return SDPX_EINVAL;
    sdpx_str p = sdpx_str_from(proto);
    if (!formats)
        formats = sdpxi_proto_sctp(p) ? "webrtc-datachannel" : NULL;
    if (!formats)
        return SDPX_EINVAL;
    char ml[512];
    int n = snprintf(ml, sizeof ml, "%s 9 %s %s", kind, proto, formats);
    if (n < 0 || (size_t)n >= sizeof ml)
        return SDPX_EINVAL;
    sdpx_media *m;
    int rc = sdpx_session_media_add(s, sdpx_session_media_count(s), ml, &m);
    if (rc)
        return rc;
    /* JSEP 5.2.1: the dummy address 0.0.0.0 and port 9 until candidates come */
    rc = sdpx_media_set_connection(m, "IN IP4 0.0.0.0");
    if (rc) {
        sdpx_session_media_remove(s, m);
        return rc;
    }
    if (out)
        *out = m;
    return 0;
}

/* Append payload type pt to the m= format list unless it is there. */
static int add_format(sdpx_media *m, unsigned pt)
{
    sdpx_mline ml;
    int rc = sdpx_media_mline(m, &ml);
    if (rc)
        return rc;
    sdpx_str rest = ml.formats, f;
    char num[8];
    snprintf(num, sizeof num, "%u", pt);
    while (sdpx_field_next(&rest, &f))
        if (sdpx_str_eq(f, num))
            return 0;
    char buf[2048];
    int n = snprintf(buf, sizeof buf, "%.*s %u", SDPXI_SV(ml.formats), pt);
    if (n < 0 || (size_t)n >= sizeof buf)
        return SDPX_ELIMIT;
    return sdpx_media_set_formats(m, buf);
}

static int add_rtpmap(sdpx_media *m, unsigned pt, sdpx_str enc, uint32_t clock, unsigned ch)
{
    char buf[160];
    int n = ch ? snprintf(buf, sizeof buf, "%u %.*s/%lu/%u", pt, SDPXI_SV(enc), (unsigned long)clock, ch)
               : snprintf(buf, sizeof buf, "%u %.*s/%lu", pt, SDPXI_SV(enc), (unsigned long)clock);
    if (n < 0 || (size_t)n >= sizeof buf)
        return SDPX_EINVAL;
    return sdpx_media_attr_add(m, "rtpmap", buf);
}

int sdpx_media_add_codec(sdpx_media *m, const sdpx_caps_codec *c)
{
    if (!m || !c || c->payload_type > 127 || c->rtx_payload_type > 127 || !c->encoding.len ||
        (c->rtx_payload_type && c->rtx_payload_type == c->payload_type))
        return SDPX_EINVAL;
    sdpx_codec have;
    if ((!sdpx_media_codec_find(m, c->payload_type, &have) && have.rtpmap) ||
        (c->rtx_payload_type && !sdpx_media_codec_find(m, c->rtx_payload_type, &have) && have.rtpmap))
        return SDPX_EINVAL; /* already mapped */
    int rc = add_format(m, c->payload_type);
    if (!rc)
        rc = add_rtpmap(m, c->payload_type, c->encoding, c->clock_rate, c->channels);
    char buf[1024];
    if (!rc && c->fmtp.len) {
        int n = snprintf(buf, sizeof buf, "%u %.*s", c->payload_type, SDPXI_SV(c->fmtp));
        rc = n < 0 || (size_t)n >= sizeof buf ? SDPX_EINVAL : sdpx_media_attr_add(m, "fmtp", buf);
    }
    for (size_t i = 0; !rc && i < c->nrtcp_fb && i < SDPX_CAPS_MAX_FB; i++) {
        int n = snprintf(buf, sizeof buf, "%u %.*s", c->payload_type, SDPXI_SV(c->rtcp_fb[i]));
        rc = n < 0 || (size_t)n >= sizeof buf ? SDPX_EINVAL : sdpx_media_attr_add(m, "rtcp-fb", buf);
    }
    if (!rc && c->rtx_payload_type) { /* RFC 4588 8.1: rtx/<clock of the primary>, apt= */
        rc = add_format(m, c->rtx_payload_type);
        if (!rc)
            rc = add_rtpmap(m, c->rtx_payload_type, (sdpx_str){"rtx", 3}, c->clock_rate, 0);
        snprintf(buf, sizeof buf, "%u apt=%u", c->rtx_payload_type, c->payload_type);
        if (!rc)
            rc = sdpx_media_attr_add(m, "fmtp", buf);
    }
    return rc;
}

int sdpx_media_set_ice_credentials(sdpx_media *m, const char *ufrag, const char *pwd)
{
    sdpx_str u, p;
    if (!m || !ufrag || !pwd || sdpx_ice_ufrag_parse(sdpx_str_from(ufrag), &u) ||
        sdpx_ice_pwd_parse(sdpx_str_from(pwd), &p))
        return SDPX_EINVAL; /* RFC 8839 5.4 */
    const sdpx_line *lu = sdpx_media_find_attr(m, SDPX_ATTR_ICE_UFRAG, NULL);
    sdpx_session *s = sdpx_media_session_mut(m);
    int rc = lu ? sdpx_attr_replace(s, lu, "ice-ufrag", ufrag) : sdpx_media_attr_add(m, "ice-ufrag", ufrag);
    if (rc)
        return rc;
    const sdpx_line *lp = sdpx_media_find_attr(m, SDPX_ATTR_ICE_PWD, NULL);
    return lp ? sdpx_attr_replace(s, lp, "ice-pwd", pwd) : sdpx_media_attr_add(m, "ice-pwd", pwd);
}

int sdpx_media_set_sctp(sdpx_media *m, uint16_t port, uint64_t max_message_size)
{
    if (!m)
        return SDPX_EINVAL;
    char buf[32];
    snprintf(buf, sizeof buf, "%u", (unsigned)port);
    int rc = sdpx_media_attr_add(m, "sctp-port", buf); /* RFC 8841 5.1 */
    if (!rc && max_message_size) {
        snprintf(buf, sizeof buf, "%llu", (unsigned long long)max_message_size);
        rc = sdpx_media_attr_add(m, "max-message-size", buf); /* RFC 8841 6.1 */
    }
    return rc;
}

static char *cstr(sdpx_str v, char *buf, size_t cap)
{
    snprintf(buf, cap, "%.*s", SDPXI_SV(v));
    return buf;
}

/* JSEP 5.2.1: the transport lines every offered section carries. */
static int offer_transport(sdpx_media *m, const sdpx_caps *caps, const char *ufrag, const char *pwd,
                           const char *mid, int dtls)
{
    char buf[600];
    int rc = sdpx_media_set_ice_credentials(m, ufrag, pwd);
    if (!rc && caps->ice_options.len)
        rc = sdpx_media_attr_add(m, "ice-options", cstr(caps->ice_options, buf, sizeof buf));
    if (!rc && dtls) {
        rc = sdpx_media_attr_add(m, "fingerprint", cstr(caps->fingerprint, buf, sizeof buf));
        sdpx_setup role = caps->setup ? caps->setup : SDPX_SETUP_ACTPASS;
        if (!rc)
            rc = sdpx_media_attr_add(m, "setup", sdpx_setup_name(role));
    }
    return rc ? rc : sdpx_media_attr_add(m, "mid", mid);
}

/* RFC 8853 5.2, RFC 8851 4: an offer to receive simulcast names each rid
 * with a=rid:<id> recv, then the streams in a=simulcast:recv. */
static int offer_simulcast(sdpx_media *m, sdpx_str list)
{
    char buf[600];
    sdpx_str rest = list, alts, rid;
    int rc = 0, paused;
    while (!rc && sdpx_simulcast_stream_next(&rest, &alts))
        while (!rc && sdpx_simulcast_alt_next(&alts, (sdpx_str){"", 0}, &rid, &paused)) {
            snprintf(buf, sizeof buf, "%.*s recv", SDPXI_SV(rid));
            rc = sdpx_media_attr_add(m, "rid", buf);
        }
    if (rc || list.len + 6 > sizeof buf)
        return rc ? rc : SDPX_EINVAL;
    snprintf(buf, sizeof buf, "recv %.*s", SDPXI_SV(list));
    return sdpx_media_attr_add(m, "simulcast", buf);
}

static int offer_media(sdpx_session *s, const sdpx_caps_media *cm, const char *proto,
                       const sdpx_caps *caps, const char *ufrag, const char *pwd, const char *mid)
{
    char kind[64], first[8], buf[600];
    if (!cm->ncodecs)
        return SDPX_EINVAL;
    snprintf(first, sizeof first, "%u", cm->codecs[0].payload_type);
    sdpx_media *m;
    int rc = sdpx_session_add_media(s, cstr(cm->kind, kind, sizeof kind), proto, first, &m);
    if (!rc)
        rc = offer_transport(m, caps, ufrag, pwd, mid, sdpxi_proto_dtls(sdpx_str_from(proto)));
    for (size_t i = 0; !rc && i < cm->nextmaps && i < SDPX_CAPS_MAX_EXTMAPS; i++) {
        snprintf(buf, sizeof buf, "%u %.*s", cm->extmaps[i].id, SDPXI_SV(cm->extmaps[i].uri));
        rc = sdpx_media_attr_add(m, "extmap", buf);
    }
    if (!rc)
        rc = sdpx_media_set_direction(m, cm->direction);
    if (!rc)
        rc = sdpx_media_attr_add(m, "rtcp-mux", NULL); /* JSEP 5.2.1, RFC 5761 */
    if (!rc)
        rc = sdpx_media_attr_add(m, "rtcp-rsize", NULL); /* JSEP 5.2.1, RFC 5506 */
    for (size_t i = 0; !rc && i < cm->ncodecs && i < SDPX_CAPS_MAX_CODECS; i++)
        rc = sdpx_media_add_codec(m, &cm->codecs[i]);
    if (!rc && cm->simulcast_rids.len)
        rc = offer_simulcast(m, cm->simulcast_rids);
    return rc;
}

int sdpx_offer_create(const sdpx_caps *caps, const sdpx_offer_options *opt, sdpx_session **out,
                      sdpx_error *err)
{
    sdpx_offer_options o;
    memset(&o, 0, sizeof o);
    if (opt)
        o = *opt;
    if (!caps || !out) {
        sdpxi_error(err, SDPX_EINVAL, 0, "capabilities and output are required");
        return SDPX_EINVAL;
    }
    *out = NULL;
    const char *proto = o.proto ? o.proto : "UDP/TLS/RTP/SAVPF";
    sdpx_fingerprint fp;
    if ((sdpxi_proto_dtls(sdpx_str_from(proto)) || caps->data_channel) &&
        (!caps->fingerprint.len || sdpx_fingerprint_parse(caps->fingerprint, &fp))) {
        sdpxi_error(err, SDPX_EN_LOCAL_FINGERPRINT, 0,
                    "a DTLS offer needs the local fingerprint (RFC 8122 5)");
        return SDPX_EN_LOCAL_FINGERPRINT;
    }
    char ufrag[SDPX_ICE_UFRAG_CHARS + 1], pwd[SDPX_ICE_PWD_CHARS + 1], mid[24];
    sdpx_session *s = NULL;
    int rc = sdpx_ice_credentials_make(o.random, o.random_ctx, ufrag, pwd);
    if (!rc)
        rc = sdpx_session_new(o.random, o.random_ctx, &s);
    if (!rc && caps->ice_lite)
        rc = sdpx_session_attr_add(s, "ice-lite", NULL); /* RFC 8839 5.3 */
    size_t nsec = 0;
    for (size_t i = 0; !rc && i < caps->nmedia && i < SDPX_CAPS_MAX_MEDIA; i++) {
        snprintf(mid, sizeof mid, "%zu", nsec++);
        rc = offer_media(s, &caps->media[i], proto, caps, ufrag, pwd, mid);
    }
    if (!rc && caps->data_channel) {
        sdpx_media *m;
        snprintf(mid, sizeof mid, "%zu", nsec++);
        rc = sdpx_session_add_media(s, "application", "UDP/DTLS/SCTP", NULL, &m);
        if (!rc)
            rc = offer_transport(m, caps, ufrag, pwd, mid, 1);
        if (!rc)
            rc = sdpx_media_set_sctp(m, caps->sctp_port ? caps->sctp_port : 5000,
                                     caps->max_message_size ? caps->max_message_size : 262144);
    }
    /* JSEP 5.2.1 / RFC 8843 7.2: one BUNDLE group over every section */
    for (size_t i = 0; !rc && i < nsec; i++) {
        snprintf(mid, sizeof mid, "%zu", i);
        rc = sdpx_session_group_add_mid(s, "BUNDLE", mid);
    }
    if (rc) {
        sdpx_session_free(s);
        sdpxi_error(err, rc, 0, "the offer could not be built: %s", sdpx_strerror(rc));
        return rc;
    }
    *out = s;
    return 0;
}
