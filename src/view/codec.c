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
    /* sdpx_field_next then sdpxi_parse_uint(127) in one loop: every way
     * those fail (no field, a non-digit, over 127) answers -1 */
    sdpx_str v = sdpxi_attr_value(l);
    if (v.len == 0)
        return -1;
    const char *p = v.ptr, *end = v.ptr + v.len;
    while (*p == ' ')
        if (++p == end)
            return -1;
    unsigned pt = 0;
    do {
        unsigned d = (unsigned)(unsigned char)*p - '0';
        if (d > 9 || (pt = pt * 10 + d) > 127)
            return -1;
    } while (++p < end && *p != ' ');
    return (int)pt;
}

/* 0 when no parameter of s can be named "apt": sdpx_param_next trims each
 * ';'-separated item of spaces and tabs, so such a key starts an item with
 * those three letters (any case). 1 when one may. */
static int may_name_apt(sdpx_str s)
{
    const char *p = s.ptr, *end = s.ptr + s.len;
    for (;;) {
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        if (end - p >= 3 && (p[0] | 0x20) == 'a' && (p[1] | 0x20) == 'p' && (p[2] | 0x20) == 't')
            return 1;
        p = p < end ? memchr(p, ';', (size_t)(end - p)) : NULL;
        if (!p)
            return 0;
        p++;
    }
}

/* The apt= payload type of a decoded fmtp, or -1. */
static int fmtp_apt(const sdpx_fmtp *f)
{
    sdpx_str apt;
    uint64_t v;
    if (!f->params.len || !may_name_apt(f->params) || sdpx_fmtp_get(f, "apt", &apt) ||
        sdpxi_parse_uint(apt, 127, &v))
        return -1;
    return (int)v;
}

/* Decode an fmtp line into *f and its apt= into *apt (-1: none); 0 or -1
 * when the line does not decode (then *apt is -1). */
static int fmtp_decode(const sdpx_line *l, sdpx_fmtp *f, int *apt)
{
    *apt = -1;
    if (sdpx_fmtp_parse(sdpxi_attr_value(l), f))
        return -1;
    *apt = fmtp_apt(f);
    return 0;
}

/* ---- joining a codec's lines ------------------------------------------------
 *
 * For each payload type the line that joins each part of its codec: its
 * first rtpmap that decodes, its first fmtp that decodes (RFC 8866 6.6 /
 * 6.15 readers take the first), and the first RTX type naming it. */

#define NPT 128

typedef struct {
    uint32_t rtpmap[NPT]; /* line index (0: none; line 0 is the m= line) */
    uint32_t fmtp[NPT];
    int16_t rtx[NPT];     /* the RTX payload type whose apt names this one, -1 */
} pt_join;

static void join_init(pt_join *j)
{
    memset(j->rtpmap, 0, sizeof j->rtpmap);
    memset(j->fmtp, 0, sizeof j->fmtp);
    for (size_t p = 0; p < NPT; p++)
        j->rtx[p] = -1;
}

/* The rtpmap line i of a section, of type pt (sdpxi_line_pt): its type's
 * when the first to decode (decoded into *r). Returns 1 when it is, else 0. */
static int join_rtpmap(pt_join *j, const sdpx_line *l, int pt, size_t i, sdpx_rtpmap *r)
{
    if (pt < 0 || j->rtpmap[pt] || sdpx_rtpmap_parse(sdpxi_attr_value(l), r))
        return 0;
    j->rtpmap[pt] = (uint32_t)i;
    return 1;
}

/* The fmtp line i of a section: its type's own when the first to decode
 * (decoded into *f, its apt= into *apt), and RFC 4588 8.6: the rtx type
 * names its original with apt. Returns the type it became the fmtp of, or -1. */
static int join_fmtp(pt_join *j, const sdpx_line *l, size_t i, sdpx_fmtp *f, int *apt)
{
    int ok = fmtp_decode(l, f, apt) == 0, pt = sdpxi_line_pt(l), own = 0;
    if (pt >= 0 && !j->fmtp[pt] && ok) {
        j->fmtp[pt] = (uint32_t)i;
        own = 1;
    }
    if (*apt >= 0 && pt >= 0 && j->rtx[*apt] < 0 && !(own && pt == *apt))
        j->rtx[*apt] = (int16_t)pt;
    return own ? pt : -1;
}

/* A codec is filled in steps: its type, the parts its rtpmap and fmtp lines
 * give, then what neither gave (RFC 3551 static types) and its RTX partner. */
static void codec_start(sdpx_codec *c, unsigned pt)
{
    memset(c, 0, sizeof *c);
    c->payload_type = pt;
    c->params.payload_type = pt;
    c->params.has_payload_type = 1;
}

static void codec_set_rtpmap(sdpx_codec *c, const sdpx_line *l, const sdpx_rtpmap *r)
{
    c->rtpmap = l;
    c->encoding = r->encoding;
    c->clock_rate = r->clock_rate;
    c->channels = r->channels;
}

static void codec_set_fmtp(sdpx_codec *c, const sdpx_line *l, const sdpx_fmtp *f, int apt)
{
    c->fmtp = l;
    c->params = *f;
    if (apt >= 0) {
        c->has_apt = 1;
        c->apt = (unsigned)apt;
    }
}

static void codec_finish(sdpx_codec *c, int rtx)
{
    if (!c->rtpmap &&
        sdpx_static_payload_type(c->payload_type, &c->encoding, &c->clock_rate, &c->channels) == 0)
        c->is_static = 1;
    if (rtx >= 0) {
        c->has_rtx = 1;
        c->rtx_payload_type = (unsigned)rtx;
    }
}

/* ---- the per-section index ------------------------------------------------
 *
 * Payload types are 0-127, so the index is the join table by type, the m=
 * formats as payload types, and the section's rtcp-fb lines sorted by type
 * (counting sort, line order kept) next to the "*" ones. One pass over the
 * section builds it; every read after that is O(1) or a binary search. It
 * lives in one block from the session's allocator (the arena is not safe to
 * grow from parallel readers), is published with an atomic compare-and-swap,
 * and is dropped by any edit of the section. NO_HEAP sessions do not build
 * it: their reads scan. */

struct sdpxi_codec_index {
    size_t size;           /* bytes of this block: first, core.h says so */
    uint32_t nfmt;         /* m= formats (RTP sections; 0 otherwise) */
    int16_t *fmt_pt;       /* each format's payload type, -1 when not 0-127 */
    uint64_t listed[2];    /* payload types the m= line lists */
    pt_join join;
    uint32_t fb_start[NPT + 1]; /* fb[fb_start[pt] .. fb_start[pt + 1]): pt's rtcp-fb lines */
    uint32_t *fb;
    uint32_t nwild;        /* wild[0 .. nwild): the "*" rtcp-fb lines */
    uint32_t *wild;
};

static const sdpxi_codec_index *index_build(const sdpx_media *m)
{
    const sdpx_session *s = m->session;
    const sdpxi_section *sec = &m->sec;
    sdpx_str formats = sdpxi_rtp_formats(m), rest = formats, f;
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
    join_init(&ix->join);
    rest = formats;
    while (sdpx_field_next(&rest, &f)) {
        uint64_t v;
        int pt = sdpxi_parse_uint(f, 127, &v) ? -1 : (int)v;
        ix->fmt_pt[ix->nfmt++] = (int16_t)pt;
        if (pt >= 0)
            ix->listed[pt >> 6] |= (uint64_t)1 << (pt & 63);
    }
    size_t k = 0;
    for (size_t i = 1; i < sec->n; i++, SDPXI_OPS(1)) {
        const sdpx_line *l = &sec->lines[i];
        if (l->type != 'a')
            continue;
        if (l->kind == SDPX_ATTR_RTPMAP) {
            sdpx_rtpmap r;
            join_rtpmap(&ix->join, l, sdpxi_line_pt(l), i, &r);
        } else if (l->kind == SDPX_ATTR_FMTP) {
            sdpx_fmtp fp;
            int apt;
            join_fmtp(&ix->join, l, i, &fp, &apt);
        } else if (l->kind == SDPX_ATTR_RTCP_FB) {
            sdpx_rtcp_fb fb;
            if (sdpx_rtcp_fb_parse(sdpxi_attr_value(l), &fb) != 0)
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

/* Fill codec pt from its rtpmap and fmtp lines (NULL: none) and RTX partner. */
static void join_lines(sdpx_codec *c, unsigned pt, const sdpx_line *rtpmap, const sdpx_line *fmtp,
                       int rtx)
{
    codec_start(c, pt);
    sdpx_rtpmap r;
    if (rtpmap && sdpx_rtpmap_parse(sdpxi_attr_value(rtpmap), &r) == 0)
        codec_set_rtpmap(c, rtpmap, &r);
    sdpx_fmtp f;
    int apt;
    if (fmtp && fmtp_decode(fmtp, &f, &apt) == 0)
        codec_set_fmtp(c, fmtp, &f, apt);
    codec_finish(c, rtx);
}

static void join(const sdpx_media *m, unsigned pt, sdpx_codec *c)
{
    const sdpxi_codec_index *ix = codec_index(m);
    const sdpxi_section *sec = &m->sec;
    if (ix) {
        const pt_join *j = &ix->join;
        join_lines(c, pt, j->rtpmap[pt] ? &sec->lines[j->rtpmap[pt]] : NULL,
                   j->fmtp[pt] ? &sec->lines[j->fmtp[pt]] : NULL, j->rtx[pt]);
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
            sdpx_rtpmap_parse(sdpxi_attr_value(l), &r) == 0) {
            rtpmap = l;
        } else if (l->kind == SDPX_ATTR_FMTP) {
            int apt, ok = fmtp_decode(l, &f, &apt) == 0, lpt = sdpxi_line_pt(l);
            if (lpt == (int)pt && !fmtp && ok)
                fmtp = l;
            else if (apt == (int)pt && rtx < 0 && lpt >= 0)
                rtx = lpt;
        }
    }
    join_lines(c, pt, rtpmap, fmtp, rtx);
}

/* The m= formats of out[0 .. n) as payload types, each codec started, and
 * row[pt] the first of them with type pt (-1: not listed). SDPX_EVALUE for
 * a format that is not a payload type. */
static int start_rows(sdpx_str formats, sdpx_codec *out, int16_t *row)
{
    sdpx_str f;
    for (size_t p = 0; p < NPT; p++)
        row[p] = -1;
    for (size_t i = 0; sdpx_field_next(&formats, &f); i++, SDPXI_OPS(1)) {
        uint64_t v;
        if (sdpxi_parse_uint(f, 127, &v))
            return SDPX_EVALUE;
        codec_start(&out[i], (unsigned)v);
        if (row[v] < 0)
            row[v] = (int16_t)i;
    }
    return 0;
}

/* One pass over the section's lines: each rtpmap of a listed type and each
 * fmtp decoded once, its parts put in that type's first row. */
static void fill_rows(const sdpxi_section *sec, pt_join *j, sdpx_codec *out, const int16_t *row)
{
    SDPXI_OPS(sec->n);
    for (size_t i = 1; i < sec->n; i++, SDPXI_OPS(1)) {
        const sdpx_line *l = &sec->lines[i];
        if (l->type != 'a')
            continue;
        if (l->kind == SDPX_ATTR_RTPMAP) {
            /* an unlisted type's rtpmap joins nothing: not decoded */
            sdpx_rtpmap r;
            int pt = sdpxi_line_pt(l);
            if (pt >= 0 && row[pt] >= 0 && join_rtpmap(j, l, pt, i, &r))
                codec_set_rtpmap(&out[row[pt]], l, &r);
        } else if (l->kind == SDPX_ATTR_FMTP) {
            sdpx_fmtp f;
            int apt, pt = join_fmtp(j, l, i, &f, &apt);
            if (pt >= 0 && row[pt] >= 0)
                codec_set_fmtp(&out[row[pt]], l, &f, apt);
        }
    }
}

int sdpxi_media_codecs(const sdpx_media *m, sdpx_codec *out, size_t cap, size_t *n)
{
    sdpx_str formats = sdpxi_rtp_formats(m), rest = formats, f;
    size_t count = 0;
    while (sdpx_field_next(&rest, &f))
        count++;
    SDPXI_OPS(count);
    *n = count;
    if (count == 0 || count > cap)
        return SDPX_ENOTFOUND;
    int16_t row[NPT];
    int rc = start_rows(formats, out, row);
    if (rc)
        return rc;
    pt_join j;
    join_init(&j);
    fill_rows(&m->sec, &j, out, row);
    for (size_t i = 0; i < count; i++, SDPXI_OPS(1)) {
        unsigned pt = out[i].payload_type;
        if ((size_t)row[pt] == i)
            codec_finish(&out[i], j.rtx[pt]);
        else
            out[i] = out[row[pt]]; /* a type listed twice: the same codec */
    }
    return 0;
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
        if (sdpx_rtcp_fb_parse(sdpxi_attr_value(l), &fb) == 0 &&
            (fb.wildcard || fb.payload_type == c->payload_type))
            return l;
    }
    return NULL;
}
