/* The codec view of a media section: m= line formats joined with their
 * rtpmap (or RFC 3551's static types), fmtp, rtcp-fb and RTX partner. */
#include "view.h"

/* RFC 3551 tables 4 (audio) and 5 (video): the statically assigned types. */
typedef struct {
    uint8_t pt;
    uint8_t channels; /* 0: video (or not given) */
    uint32_t clock;
    const char *name;
} static_pt;

static const static_pt static_types[] = {
    {0, 1, 8000, "PCMU"},   {3, 1, 8000, "GSM"},    {4, 1, 8000, "G723"},
    {5, 1, 8000, "DVI4"},   {6, 1, 16000, "DVI4"},  {7, 1, 8000, "LPC"},
    {8, 1, 8000, "PCMA"},   {9, 1, 8000, "G722"},   {10, 2, 44100, "L16"},
    {11, 1, 44100, "L16"},  {12, 1, 8000, "QCELP"}, {13, 1, 8000, "CN"},
    {14, 0, 90000, "MPA"},  {15, 1, 8000, "G728"},  {16, 1, 11025, "DVI4"},
    {17, 1, 22050, "DVI4"}, {18, 1, 8000, "G729"},  {25, 0, 90000, "CelB"},
    {26, 0, 90000, "JPEG"}, {28, 0, 90000, "nv"},   {31, 0, 90000, "H261"},
    {32, 0, 90000, "MPV"},  {33, 0, 90000, "MP2T"}, {34, 0, 90000, "H263"},
};

int sdpx_static_payload_type(unsigned pt, sdpx_str *encoding, uint32_t *clock_rate,
                             unsigned *channels)
{
    if (!encoding || !clock_rate || !channels)
        return SDPX_EINVAL;
    for (size_t i = 0; i < sizeof static_types / sizeof static_types[0]; i++) {
        const static_pt *s = &static_types[i];
        if (s->pt == pt) {
            *encoding = sdpxi_str(s->name, strlen(s->name));
            *clock_rate = s->clock;
            *channels = s->channels;
            return 0;
        }
    }
    return SDPX_ENOTFOUND;
}

/* The m= line's format list when the transport carries RTP, else an empty view. */
sdpx_str sdpxi_rtp_formats(const sdpx_media *m)
{
    sdpx_mline ml;
    if (sdpx_media_mline(m, &ml))
        return sdpxi_str(NULL, 0);
    /* RFC 8866 5.14: for RTP/AVP-style protos the formats are RTP payload types */
    for (size_t i = 0; i + 4 <= ml.proto.len; i++)
        if (memcmp(ml.proto.ptr + i, "RTP/", 4) == 0)
            return ml.formats;
    return sdpxi_str(NULL, 0);
}

size_t sdpx_media_codec_count(const sdpx_media *m)
{
    if (!m)
        return 0;
    sdpx_str rest = sdpxi_rtp_formats(m), f;
    size_t n = 0;
    while (sdpx_field_next(&rest, &f))
        n++;
    return n;
}

int sdpxi_line_pt(const sdpx_line *l)
{
    sdpx_str rest = sdpx_attr_value(l), f;
    uint64_t v;
    if (!sdpx_field_next(&rest, &f) || sdpxi_parse_uint(f, 127, &v))
        return -1;
    return (int)v;
}

/* The apt= payload type of an fmtp line, or -1. */
static int fmtp_apt(const sdpx_line *l, sdpx_fmtp *f)
{
    sdpx_str apt;
    uint64_t v;
    if (sdpx_fmtp_parse(sdpx_attr_value(l), f) || sdpx_fmtp_get(f, "apt", &apt) ||
        sdpxi_parse_uint(apt, 127, &v))
        return -1;
    return (int)v;
}

static void join(const sdpx_media *m, unsigned pt, sdpx_codec *c)
{
    memset(c, 0, sizeof *c);
    c->payload_type = pt;
    c->params.payload_type = pt;
    c->params.has_payload_type = 1;
    for (size_t i = 1; i < m->sec.n; i++) {
        const sdpx_line *l = &m->sec.lines[i];
        if (l->type != 'a')
            continue;
        if (l->kind == SDPX_ATTR_RTPMAP && !c->rtpmap && sdpxi_line_pt(l) == (int)pt) {
            sdpx_rtpmap r;
            if (sdpx_rtpmap_parse(sdpx_attr_value(l), &r) == 0) {
                c->rtpmap = l;
                c->encoding = r.encoding;
                c->clock_rate = r.clock_rate;
                c->channels = r.channels;
            }
        } else if (l->kind == SDPX_ATTR_FMTP) {
            sdpx_fmtp f;
            int apt = fmtp_apt(l, &f);
            if (sdpxi_line_pt(l) == (int)pt && !c->fmtp && sdpx_fmtp_parse(sdpx_attr_value(l), &f) == 0) {
                c->fmtp = l;
                c->params = f;
                if (apt >= 0) {
                    c->has_apt = 1;
                    c->apt = (unsigned)apt;
                }
            } else if (apt == (int)pt && !c->has_rtx && sdpxi_line_pt(l) >= 0) {
                /* RFC 4588 8.6: the rtx type names its original with apt */
                c->has_rtx = 1;
                c->rtx_payload_type = (unsigned)sdpxi_line_pt(l);
            }
        }
    }
    if (!c->rtpmap && sdpx_static_payload_type(pt, &c->encoding, &c->clock_rate, &c->channels) == 0)
        c->is_static = 1;
}

int sdpx_media_codec(const sdpx_media *m, size_t i, sdpx_codec *out)
{
    if (!m || !out)
        return SDPX_EINVAL;
    sdpx_str rest = sdpxi_rtp_formats(m), f;
    size_t n = 0;
    while (sdpx_field_next(&rest, &f)) {
        if (n++ != i)
            continue;
        uint64_t v;
        if (sdpxi_parse_uint(f, 127, &v))
            return SDPX_EVALUE;
        join(m, (unsigned)v, out);
        return 0;
    }
    return SDPX_ENOTFOUND;
}

int sdpx_media_codec_find(const sdpx_media *m, unsigned pt, sdpx_codec *out)
{
    if (!m || !out)
        return SDPX_EINVAL;
    sdpx_str rest = sdpxi_rtp_formats(m), f;
    while (sdpx_field_next(&rest, &f)) {
        uint64_t v;
        if (sdpxi_parse_uint(f, 127, &v) == 0 && v == pt) {
            join(m, pt, out);
            return 0;
        }
    }
    return SDPX_ENOTFOUND;
}

const sdpx_line *sdpx_codec_rtcp_fb_next(const sdpx_media *m, const sdpx_codec *c,
                                         const sdpx_line *after)
{
    if (!m || !c)
        return NULL;
    for (const sdpx_line *l = sdpx_media_find_attr(m, SDPX_ATTR_RTCP_FB, after); l;
         l = sdpx_media_find_attr(m, SDPX_ATTR_RTCP_FB, l)) {
        sdpx_rtcp_fb fb;
        /* RFC 4585 4.2: "*" applies the feedback to every payload type */
        if (sdpx_rtcp_fb_parse(sdpx_attr_value(l), &fb) == 0 &&
            (fb.wildcard || fb.payload_type == c->payload_type))
            return l;
    }
    return NULL;
}
