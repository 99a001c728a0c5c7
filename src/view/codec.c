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
    SDPXI_OPS(n);
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

/* The apt= payload type of an fmtp line (decoded into *f), or -1. */
static int fmtp_apt(const sdpx_line *l, sdpx_fmtp *f)
{
    sdpx_str apt;
    uint64_t v;
    if (sdpx_fmtp_parse(sdpx_attr_value(l), f) || sdpx_fmtp_get(f, "apt", &apt) ||
        sdpxi_parse_uint(apt, 127, &v))
        return -1;
    return (int)v;
}

/* ---- the per-section index ------------------------------------------------
 *
 * Payload types are 0-127, so the index is a table by type of the line that
 * joins each codec (its first rtpmap that decodes, its first fmtp, the first
 * RTX type naming it), the m= formats as payload types, and the section's
 * rtcp-fb lines sorted by type (counting sort, line order kept) next to the
 * "*" ones. One pass over the section builds it; every read after that is
 * O(1) or a binary search. It lives in one block from the session's
 * allocator (the arena is not safe to grow from parallel readers), is
 * published with an atomic compare-and-swap, and is dropped by any edit of
 * the section. NO_HEAP sessions do not build it: their reads scan. */

#define NPT 128

struct sdpxi_codec_index {
    size_t size;           /* bytes of this block: first, core.h says so */
    uint32_t nfmt;         /* m= formats (RTP sections; 0 otherwise) */
    int16_t *fmt_pt;       /* each format's payload type, -1 when not 0-127 */
    uint64_t listed[2];    /* payload types the m= line lists */
    uint32_t rtpmap[NPT];  /* line index (0: none; line 0 is the m= line) */
    uint32_t fmtp[NPT];
    int16_t rtx[NPT];      /* the RTX payload type whose apt names this one, -1 */
    uint32_t fb_start[NPT + 1]; /* fb[fb_start[pt] .. fb_start[pt + 1]): pt's rtcp-fb lines */
    uint32_t *fb;
    uint32_t nwild;        /* wild[0 .. nwild): the "*" rtcp-fb lines */
    uint32_t *wild;
};

static const sdpxi_codec_index *index_build(const sdpx_media *m)
{
    const sdpx_session *s = m->session;
    const sdpxi_section *sec = &m->sec;
    sdpx_str rest = sdpxi_rtp_formats(m), f;
    size_t nfmt = 0, nfb = 0;
    while (sdpx_field_next(&rest, &f))
        nfmt++;
    SDPXI_OPS(sec->n + nfmt);
    for (size_t i = 1; i < sec->n; i++, SDPXI_OPS(1))
        nfb += sec->lines[i].type == 'a' && sec->lines[i].kind == SDPX_ATTR_RTCP_FB;
    if (nfmt > UINT32_MAX || sec->n > UINT32_MAX)
        return NULL;
    size_t head = SDPXI_ALIGN_UP(sizeof(sdpxi_codec_index));
    size_t size = head + SDPXI_ALIGN_UP(nfb * 2 * sizeof(uint32_t)) +
                  SDPXI_ALIGN_UP(nfb * sizeof(int16_t)) + nfmt * sizeof(int16_t);
    char *blk = s->arena.alloc.alloc(s->arena.alloc.ctx, size);
    if (!blk)
        return NULL;
    sdpxi_codec_index *ix = (sdpxi_codec_index *)blk;
    memset(ix, 0, sizeof *ix);
    ix->size = size;
    ix->fb = (uint32_t *)(blk + head);
    ix->wild = ix->fb + nfb;
    int16_t *fb_pt = (int16_t *)(blk + head + SDPXI_ALIGN_UP(nfb * 2 * sizeof(uint32_t)));
    ix->fmt_pt = (int16_t *)((char *)fb_pt + SDPXI_ALIGN_UP(nfb * sizeof(int16_t)));
    for (size_t p = 0; p < NPT; p++)
        ix->rtx[p] = -1;
    rest = sdpxi_rtp_formats(m);
    while (sdpx_field_next(&rest, &f)) {
        uint64_t v;
        int pt = sdpxi_parse_uint(f, 127, &v) ? -1 : (int)v;
        ix->fmt_pt[ix->nfmt++] = (int16_t)pt;
        if (pt >= 0)
            ix->listed[pt >> 6] |= (uint64_t)1 << (pt & 63);
    }
    /* the first line of each kind wins, as RFC 8866 6.6 / 6.15 readers take it */
    size_t k = 0;
    for (size_t i = 1; i < sec->n; i++, SDPXI_OPS(1)) {
        const sdpx_line *l = &sec->lines[i];
        if (l->type != 'a')
            continue;
        if (l->kind == SDPX_ATTR_RTPMAP) {
            int pt = sdpxi_line_pt(l);
            sdpx_rtpmap r;
            if (pt >= 0 && !ix->rtpmap[pt] && sdpx_rtpmap_parse(sdpx_attr_value(l), &r) == 0)
                ix->rtpmap[pt] = (uint32_t)i;
        } else if (l->kind == SDPX_ATTR_FMTP) {
            sdpx_fmtp fp;
            int apt = fmtp_apt(l, &fp), pt = sdpxi_line_pt(l), own = 0;
            if (pt >= 0 && !ix->fmtp[pt] && sdpx_fmtp_parse(sdpx_attr_value(l), &fp) == 0) {
                ix->fmtp[pt] = (uint32_t)i;
                own = 1;
            }
            /* RFC 4588 8.6: the rtx type names its original with apt */
            if (apt >= 0 && pt >= 0 && ix->rtx[apt] < 0 && !(own && pt == apt))
                ix->rtx[apt] = (int16_t)pt;
        } else if (l->kind == SDPX_ATTR_RTCP_FB) {
            sdpx_rtcp_fb fb;
            if (sdpx_rtcp_fb_parse(sdpx_attr_value(l), &fb) != 0)
                continue;
            /* RFC 4585 4.2: "*" applies the feedback to every payload type */
            if (fb.wildcard) {
                ix->wild[ix->nwild++] = (uint32_t)i;
            } else if (fb.payload_type < NPT) {
                ix->fb[k] = (uint32_t)i;
                fb_pt[k++] = (int16_t)fb.payload_type;
                ix->fb_start[fb.payload_type + 1]++;
            }
        }
    }
    for (size_t p = 1; p <= NPT; p++)
        ix->fb_start[p] += ix->fb_start[p - 1];
    /* counting sort by payload type into the upper half, line order kept */
    uint32_t next[NPT];
    memcpy(next, ix->fb_start, sizeof next);
    uint32_t *sorted = ix->wild + ix->nwild; /* room: nwild + k <= nfb */
    for (size_t j = 0; j < k; j++)
        sorted[next[fb_pt[j]]++] = ix->fb[j];
    memmove(ix->fb, sorted, k * sizeof *sorted);
    return ix;
}

/* The section's index, built by the first reader that needs it; NULL when
 * it cannot be had (NO_HEAP session, out of memory): the caller scans. */
static const sdpxi_codec_index *codec_index(const sdpx_media *m)
{
    sdpxi_codec_index *ix = atomic_load_explicit(&m->codecs, memory_order_acquire);
    if (ix || m->session->arena.no_heap)
        return ix;
    sdpxi_codec_index *built = (sdpxi_codec_index *)index_build(m), *none = NULL;
    if (!built)
        return NULL;
    /* the index is a cache of a read-only section: publishing it is not an edit */
    sdpx_media *mm = (sdpx_media *)(uintptr_t)m;
    if (atomic_compare_exchange_strong(&mm->codecs, &none, built))
        return built;
    m->session->arena.alloc.release(m->session->arena.alloc.ctx, built, built->size);
    return none; /* another reader published first */
}

/* Fill the parts of a codec that come from its rtpmap and fmtp lines. */
static void join_lines(sdpx_codec *c, unsigned pt, const sdpx_line *rtpmap, const sdpx_line *fmtp)
{
    memset(c, 0, sizeof *c);
    c->payload_type = pt;
    c->params.payload_type = pt;
    c->params.has_payload_type = 1;
    sdpx_rtpmap r;
    if (rtpmap && sdpx_rtpmap_parse(sdpx_attr_value(rtpmap), &r) == 0) {
        c->rtpmap = rtpmap;
        c->encoding = r.encoding;
        c->clock_rate = r.clock_rate;
        c->channels = r.channels;
    }
    sdpx_fmtp f;
    int apt = fmtp ? fmtp_apt(fmtp, &f) : -1;
    if (fmtp && sdpx_fmtp_parse(sdpx_attr_value(fmtp), &f) == 0) {
        c->fmtp = fmtp;
        c->params = f;
        if (apt >= 0) {
            c->has_apt = 1;
            c->apt = (unsigned)apt;
        }
    }
    if (!c->rtpmap && sdpx_static_payload_type(pt, &c->encoding, &c->clock_rate, &c->channels) == 0)
        c->is_static = 1;
}

static void join(const sdpx_media *m, unsigned pt, sdpx_codec *c)
{
    const sdpxi_codec_index *ix = codec_index(m);
    const sdpxi_section *sec = &m->sec;
    if (ix) {
        join_lines(c, pt, ix->rtpmap[pt] ? &sec->lines[ix->rtpmap[pt]] : NULL,
                   ix->fmtp[pt] ? &sec->lines[ix->fmtp[pt]] : NULL);
        if (ix->rtx[pt] >= 0) {
            c->has_rtx = 1;
            c->rtx_payload_type = (unsigned)ix->rtx[pt];
        }
        return;
    }
    /* no index: the same rules, one scan of the section per codec */
    const sdpx_line *rtpmap = NULL, *fmtp = NULL;
    int rtx = -1;
    SDPXI_OPS(sec->n);
    for (size_t i = 1; i < sec->n; i++, SDPXI_OPS(1)) {
        const sdpx_line *l = &sec->lines[i];
        sdpx_rtpmap r;
        sdpx_fmtp f;
        if (l->type != 'a')
            continue;
        if (l->kind == SDPX_ATTR_RTPMAP && !rtpmap && sdpxi_line_pt(l) == (int)pt &&
            sdpx_rtpmap_parse(sdpx_attr_value(l), &r) == 0) {
            rtpmap = l;
        } else if (l->kind == SDPX_ATTR_FMTP) {
            int apt = fmtp_apt(l, &f), lpt = sdpxi_line_pt(l);
            if (lpt == (int)pt && !fmtp && sdpx_fmtp_parse(sdpx_attr_value(l), &f) == 0)
                fmtp = l;
            else if (apt == (int)pt && rtx < 0 && lpt >= 0)
                rtx = lpt;
        }
    }
    join_lines(c, pt, rtpmap, fmtp);
    if (rtx >= 0) {
        c->has_rtx = 1;
        c->rtx_payload_type = (unsigned)rtx;
    }
}

int sdpx_media_codec(const sdpx_media *m, size_t i, sdpx_codec *out)
{
    if (!m || !out)
        return SDPX_EINVAL;
    SDPXI_OPS(1);
    if (m->removed)
        return SDPX_ENOTFOUND;
    const sdpxi_codec_index *ix = codec_index(m);
    if (ix) {
        if (i >= ix->nfmt)
            return SDPX_ENOTFOUND;
        if (ix->fmt_pt[i] < 0)
            return SDPX_EVALUE;
        join(m, (unsigned)ix->fmt_pt[i], out);
        return 0;
    }
    sdpx_str rest = sdpxi_rtp_formats(m), f;
    size_t n = 0;
    while (sdpx_field_next(&rest, &f)) {
        SDPXI_OPS(1);
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
    SDPXI_OPS(1);
    if (m->removed || pt >= NPT)
        return SDPX_ENOTFOUND;
    const sdpxi_codec_index *ix = codec_index(m);
    if (ix) {
        if (!((ix->listed[pt >> 6] >> (pt & 63)) & 1u))
            return SDPX_ENOTFOUND;
        join(m, pt, out);
        return 0;
    }
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

/* The first entry of the sorted a[0 .. n) that is >= at, or UINT32_MAX. */
static uint32_t first_from(const uint32_t *a, size_t n, size_t at)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a[mid] < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n ? a[lo] : UINT32_MAX;
}

const sdpx_line *sdpx_codec_rtcp_fb_next(const sdpx_media *m, const sdpx_codec *c,
                                         const sdpx_line *after)
{
    if (!m || !c)
        return NULL;
    SDPXI_OPS(1);
    if (m->removed)
        return NULL;
    const sdpxi_codec_index *ix = codec_index(m);
    if (ix) {
        size_t at = sdpxi_section_start(&m->sec, after);
        unsigned pt = c->payload_type;
        uint32_t own = pt < NPT ? first_from(ix->fb + ix->fb_start[pt],
                                             ix->fb_start[pt + 1] - ix->fb_start[pt], at)
                                : UINT32_MAX;
        uint32_t wild = first_from(ix->wild, ix->nwild, at);
        uint32_t i = own < wild ? own : wild;
        return i == UINT32_MAX ? NULL : &m->sec.lines[i];
    }
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
