/* Local capabilities, read from a description written like an offer. */
#include "nego.h"

#include <string.h>

sdpx_str sdpx_str_from(const char *cstr)
{
    sdpx_str s = {cstr ? cstr : "", cstr ? strlen(cstr) : 0};
    return s;
}

static int too_many(sdpx_error *err, const sdpx_line *l, const char *what)
{
    sdpxi_error(err, SDPX_EN_CAPS, l ? sdpx_line_number(l) : 0, "capabilities: too many %s", what);
    return SDPX_EN_CAPS;
}

/* The codecs of one section: rtpmap order, fmtp, rtcp-fb, RTX by apt=. */
static int read_codecs(const sdpx_media *m, sdpx_caps_media *cm, sdpx_error *err)
{
    for (size_t i = 0; i < sdpx_media_codec_count(m); i++) {
        sdpx_codec c;
        if (sdpx_media_codec(m, i, &c) || !c.encoding.len)
            continue;
        if (sdpxi_codec_role(c.encoding) == SDPXI_RTX)
            continue; /* marks its primary below */
        if (cm->ncodecs == SDPX_CAPS_MAX_CODECS)
            return too_many(err, c.rtpmap, "codecs");
        sdpx_caps_codec *k = &cm->codecs[cm->ncodecs++];
        memset(k, 0, sizeof *k);
        k->encoding = c.encoding;
        k->clock_rate = c.clock_rate;
        k->channels = c.is_static ? 0 : c.channels; /* RFC 3551's 1 is the default anyway */
        k->payload_type = c.payload_type;
        k->fmtp = c.fmtp ? c.params.params : (sdpx_str){"", 0};
        if (c.has_rtx)
            k->rtx_payload_type = c.rtx_payload_type;
        const sdpx_line *fb = NULL;
        while ((fb = sdpx_codec_rtcp_fb_next(m, &c, fb)) != NULL) {
            sdpx_str v = sdpx_attr_value(fb), first;
            sdpx_field_next(&v, &first);
            while (v.len && v.ptr[0] == ' ') {
                v.ptr++;
                v.len--;
            }
            if (!v.len)
                continue;
            if (k->nrtcp_fb == SDPX_CAPS_MAX_FB)
                return too_many(err, fb, "rtcp-fb lines for one codec");
            k->rtcp_fb[k->nrtcp_fb++] = v;
        }
    }
    return 0;
}

static int read_extmaps(const sdpx_media *m, sdpx_caps_media *cm, sdpx_error *err)
{
    const sdpx_line *l = NULL;
    while ((l = sdpx_media_extmap_next(m, l)) != NULL) {
        sdpx_extmap e;
        if (sdpx_extmap_parse(sdpx_attr_value(l), &e)) {
            sdpxi_error(err, SDPX_EN_CAPS, sdpx_line_number(l), "capabilities: malformed a=extmap");
            return SDPX_EN_CAPS;
        }
        if (cm->nextmaps == SDPX_CAPS_MAX_EXTMAPS)
            return too_many(err, l, "header extensions");
        cm->extmaps[cm->nextmaps].id = e.id;
        cm->extmaps[cm->nextmaps].uri = e.uri;
        cm->nextmaps++;
    }
    return 0;
}

/* A session-level attribute, else the first section's that has it. */
static const sdpx_line *anywhere(const sdpx_session *s, sdpx_attr_kind kind)
{
    const sdpx_line *l = sdpx_session_find_attr(s, kind, NULL);
    for (size_t i = 0; !l && i < sdpx_session_media_count(s); i++)
        l = sdpx_media_find_attr(sdpx_session_media(s, i), kind, NULL);
    return l;
}

int sdpx_caps_from_sdp(const sdpx_session *s, sdpx_caps *out, sdpx_error *err)
{
    if (!s || !out) {
        sdpxi_error(err, SDPX_EINVAL, 0, "capabilities and output are required");
        return SDPX_EINVAL;
    }
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < sdpx_session_media_count(s); i++) {
        const sdpx_media *m = sdpx_session_media(s, i);
        sdpx_mline ml;
        if (sdpx_media_mline(m, &ml))
            continue;
        if (sdpxi_proto_sctp(ml.proto) || sdpx_media_find_attr(m, SDPX_ATTR_SCTP_PORT, NULL) ||
            sdpx_media_find_attr(m, SDPX_ATTR_SCTPMAP, NULL)) {
            out->data_channel = 1;
            const sdpx_line *l = sdpx_media_find_attr(m, SDPX_ATTR_SCTP_PORT, NULL);
            uint16_t port;
            if (l && !sdpx_sctp_port_parse(sdpx_attr_value(l), &port))
                out->sctp_port = port;
            l = sdpx_media_find_attr(m, SDPX_ATTR_MAX_MESSAGE_SIZE, NULL);
            uint64_t mms;
            if (l && !sdpx_max_message_size_parse(sdpx_attr_value(l), &mms))
                out->max_message_size = mms;
            continue;
        }
        if (!sdpxi_proto_rtp(ml.proto))
            continue;
        sdpx_caps_media *cm = NULL;
        for (size_t k = 0; k < out->nmedia; k++)
            if (out->media[k].kind.len == ml.media.len &&
                !memcmp(out->media[k].kind.ptr, ml.media.ptr, ml.media.len))
                cm = &out->media[k]; /* a second section of a kind adds to the first */
        if (!cm) {
            if (out->nmedia == SDPX_CAPS_MAX_MEDIA)
                return too_many(err, sdpx_media_line(m, 0), "media kinds");
            cm = &out->media[out->nmedia++];
            cm->kind = ml.media;
            cm->direction = sdpx_media_direction(m);
            const sdpx_line *sl = sdpx_media_find_attr(m, SDPX_ATTR_SIMULCAST, NULL);
            sdpx_simulcast sc;
            cm->simulcast = sl != NULL;
            if (sl && !sdpx_simulcast_parse(sdpx_attr_value(sl), &sc) && sc.has_recv && !sc.recv_paused.len)
                cm->simulcast_rids = sc.recv; /* RFC 8853 form only: offers write that form */
        }
        int rc = read_codecs(m, cm, err);
        if (!rc && cm->nextmaps == 0)
            rc = read_extmaps(m, cm, err);
        if (rc)
            return rc;
    }
    const sdpx_line *l = anywhere(s, SDPX_ATTR_FINGERPRINT);
    sdpx_fingerprint fp;
    if (l) {
        if (sdpx_fingerprint_parse(sdpx_attr_value(l), &fp)) {
            sdpxi_error(err, SDPX_EN_CAPS, sdpx_line_number(l), "capabilities: malformed a=fingerprint");
            return SDPX_EN_CAPS;
        }
        out->fingerprint = sdpx_attr_value(l);
    }
    sdpx_setup role;
    if ((l = anywhere(s, SDPX_ATTR_SETUP)) != NULL && !sdpx_setup_parse(sdpx_attr_value(l), &role))
        out->setup = role;
    out->ice_lite = sdpx_session_ice_lite(s);
    if ((l = anywhere(s, SDPX_ATTR_ICE_OPTIONS)) != NULL)
        out->ice_options = sdpx_attr_value(l);
    return 0;
}
