/*
 * Codec rules: which offered payload types an answer keeps, and with which
 * fmtp (RFC 3264 6.1, JSEP 5.3.1, RFC 6184 8.1 H.264, RFC 7741 VP8, VP9
 * RTP payload format 6, AV1 RTP 7.2, RFC 7798 7.1 H.265, RFC 7587 Opus).
 */
#include "nego.h"

#include <stdlib.h>
#include <string.h>

sdpxi_role sdpxi_codec_role(sdpx_str e)
{
    switch (e.len) { /* by length first: this runs for every payload type */
    case 2:
        return sdpxi_view_ieq(e, (sdpx_str){"CN", 2}) ? SDPXI_AUX : SDPXI_PRIMARY; /* RFC 3389 5 */
    case 3:
        if (sdpxi_view_ieq(e, (sdpx_str){"rtx", 3}))
            return SDPXI_RTX; /* RFC 4588 8 */
        return sdpxi_view_ieq(e, (sdpx_str){"red", 3}) ? SDPXI_RED : SDPXI_PRIMARY; /* RFC 2198 5 */
    case 6:
    case 7:
    case 10: /* RFC 5109 14.1, RFC 8627 5.1 */
        return sdpxi_view_ieq(e, (sdpx_str){"ulpfec", 6}) || sdpxi_view_ieq(e, (sdpx_str){"flexfec", 7}) ||
                       sdpxi_view_ieq(e, (sdpx_str){"flexfec-03", 10})
                   ? SDPXI_FEC
                   : SDPXI_PRIMARY;
    case 15: /* RFC 4733 7 */
        return sdpxi_view_ieq(e, (sdpx_str){"telephone-event", 15}) ? SDPXI_AUX : SDPXI_PRIMARY;
    default:
        return SDPXI_PRIMARY;
    }
}

static int param(sdpx_str params, const char *key, sdpx_str *value);

void sdpxi_codecs_free(sdpxi_codecs *c)
{
    free(c->fb);
    c->fb = NULL;
    c->fb_cap = 0;
}

static int digits(sdpx_str s, unsigned max, unsigned *out)
{
    uint64_t v;
    if (sdpx_str_u64(s, &v) || v > max)
        return 0;
    *out = (unsigned)v;
    return 1;
}

/* sdpx_field_next, then the field as a payload type (digits() up to 127):
 * 0 when no field is left, else 1 with *f the field and *pt its type, or
 * 128 when the field is no type. */
static int next_pt(sdpx_str *rest, sdpx_str *f, unsigned *pt)
{
    if (!rest->len)
        return 0;
    const char *p = rest->ptr, *end = p + rest->len;
    while (p < end && *p == ' ')
        p++;
    if (p == end) {
        rest->ptr = end;
        rest->len = 0;
        return 0;
    }
    const char *start = p;
    unsigned v = 0;
    for (; p < end && *p != ' '; p++) {
        unsigned d = (unsigned)(unsigned char)*p - '0';
        v = d > 9 || v > 127 ? 128 : v * 10 + d; /* past 127 it stays out of range */
    }
    *pt = v > 127 ? 128 : v;
    f->ptr = start;
    f->len = (size_t)(p - start);
    rest->ptr = p;
    rest->len = (size_t)(end - p);
    return 1;
}

/* The "<pt>|*" field of rtcp-fb value v (RFC 4585 4.2) and what follows
 * it past spaces: 1 with *wildcard, *pt (0 for "*") and *what; 0 when the
 * field is neither a type (up to 127) nor "*", or nothing follows. */
static int fb_head(sdpx_str v, int *wildcard, unsigned *pt, sdpx_str *what)
{
    if (!v.len)
        return 0; /* a view of none may have no pointer */
    const char *p = v.ptr, *end = p + v.len;
    while (p < end && *p == ' ')
        p++;
    const char *start = p;
    unsigned n = 0;
    while (p < end && n <= 127 && (unsigned)(unsigned char)*p - '0' <= 9)
        n = n * 10 + (unsigned)(unsigned char)*p++ - '0';
    *wildcard = p == start && p < end && *p == '*';
    if (*wildcard)
        p++, n = 0;
    if (p == start || n > 127 || (p < end && *p != ' '))
        return 0;
    while (p < end && *p == ' ')
        p++;
    if (p == end)
        return 0;
    *pt = n;
    what->ptr = p;
    what->len = (size_t)(end - p);
    return 1;
}

/* One rtpmap, fmtp or rtcp-fb line of kind k (others are skipped) into
 * out. 0 or SDPX_ENOMEM. */
static int read_line(sdpxi_codecs *out, const sdpx_line *l, sdpx_attr_kind k)
{
    if (k == SDPX_ATTR_RTPMAP) {
        sdpx_rtpmap r;
        if (sdpx_rtpmap_parse(sdpx_attr_value(l), &r) || !out->listed[r.payload_type])
            return 0;
        sdpxi_pt *p = &out->pt[r.payload_type];
        if (p->has_rtpmap)
            return 0; /* a second rtpmap for the type: the first counts */
        p->known = p->has_rtpmap = 1;
        p->encoding = r.encoding;
        p->clock_rate = r.clock_rate;
        p->channels = r.channels;
        p->has_channels = r.has_channels;
        p->at = l;
    } else if (k == SDPX_ATTR_FMTP) {
        sdpx_fmtp fm;
        if (sdpx_fmtp_parse(sdpx_attr_value(l), &fm) || !fm.has_payload_type ||
            !out->listed[fm.payload_type] || out->pt[fm.payload_type].has_fmtp)
            return 0;
        sdpxi_pt *p = &out->pt[fm.payload_type];
        p->has_fmtp = 1;
        p->fmtp = fm.params; /* apt= is read below, for RTX types only */
    } else if (k == SDPX_ATTR_RTCP_FB) {
        /* RFC 4585 4.2: "<pt>|* <what>"; what is compared as written, so
         * only the first field needs reading */
        sdpx_str v;
        unsigned pt;
        int wildcard;
        if (!fb_head(sdpx_attr_value(l), &wildcard, &pt, &v))
            return 0;
        if (out->nfb == out->fb_cap) {
            size_t cap = out->fb_cap ? out->fb_cap * 2 : 64; /* a browser's video section has about 40 */
            sdpxi_fb *q = realloc(out->fb, cap * sizeof *q);
            if (!q)
                return SDPX_ENOMEM;
            out->fb = q;
            out->fb_cap = cap;
        }
        out->fb[out->nfb].wildcard = wildcard;
        out->fb[out->nfb].pt = pt;
        out->fb[out->nfb].what = v;
        out->fb[out->nfb].at = l;
        out->nfb++;
    }
    return 0;
}

int sdpxi_codecs_read(const sdpx_media *m, const sdpxi_lines *walked, sdpxi_codecs *out)
{
    /* the table is large and most types unused: clear only what is read */
    out->n = out->nfb = 0;
    memset(out->listed, 0, sizeof out->listed);
    sdpx_mline ml;
    if (walked ? walked->mline_rc != 0 : sdpx_media_mline(m, &ml) != 0)
        return 0;
    if (walked)
        ml = walked->mline;
    sdpx_str rest = ml.formats, f;
    unsigned pt;
    const sdpx_line *mline = sdpx_media_line(m, 0);
    while (next_pt(&rest, &f, &pt)) {
        if (pt > 127 || out->listed[pt])
            continue;
        memset(&out->pt[pt], 0, sizeof out->pt[pt]);
        out->listed[pt] = 1;
        out->pt[pt].at = mline;
        out->order[out->n++] = pt;
        sdpx_str enc;
        uint32_t clock;
        unsigned ch;
        if (pt < 35 && !sdpx_static_payload_type(pt, &enc, &clock, &ch)) { /* RFC 3551 6: 0-34 */
            out->pt[pt].known = 1;
            out->pt[pt].encoding = enc;
            out->pt[pt].clock_rate = clock;
            out->pt[pt].channels = ch;
            out->pt[pt].has_channels = ch != 0;
        }
    }
    if (walked) {
        for (size_t i = 0; i < walked->ncodec; i++)
            if (read_line(out, walked->codec[i], walked->codec_kind[i]))
                return SDPX_ENOMEM;
    } else {
        size_t n = sdpx_media_line_count(m);
        for (size_t i = 1; i < n; i++)
            if (read_line(out, sdpx_media_line(m, i), sdpx_line_kind(sdpx_media_line(m, i))))
                return SDPX_ENOMEM;
    }
    for (size_t i = 0; i < out->n; i++) {
        sdpxi_pt *p = &out->pt[out->order[i]];
        p->role = p->known ? sdpxi_codec_role(p->encoding) : SDPXI_PRIMARY;
        sdpx_str apt;
        if (p->role == SDPXI_RTX && p->has_fmtp && param(p->fmtp, "apt", &apt) &&
            digits(apt, 127, &p->apt))
            p->has_apt = 1; /* RFC 4588 8.1 */
    }
    return 0;
}

/* ---- fmtp parameters ----------------------------------------------------- */

static sdpx_str trim(sdpx_str s)
{
    while (s.len && (s.ptr[0] == ' ' || s.ptr[0] == '\t'))
        s.ptr++, s.len--;
    while (s.len && (s.ptr[s.len - 1] == ' ' || s.ptr[s.len - 1] == '\t'))
        s.len--;
    return s;
}

/* The values of n keys in one walk over "k=v;k=v": by sdpx_fmtp_get's rules
 * (items and keys trimmed of spaces and tabs, keys without case, the first
 * item with a value counts). Returns a bit per key found; values in val[]. */
static unsigned params_get(sdpx_str params, const sdpx_str *keys, size_t n, sdpx_str *val)
{
    unsigned found = 0, all = (1u << n) - 1;
    if (!params.len)
        return 0; /* a view of none may have no pointer */
    const char *p = params.ptr, *end = p + params.len;
    while (p < end && found != all) {
        const char *semi = memchr(p, ';', (size_t)(end - p));
        sdpx_str item = {p, (size_t)((semi ? semi : end) - p)};
        p = semi ? semi + 1 : end;
        const char *eq = memchr(item.ptr, '=', item.len);
        if (!eq)
            continue; /* no value (or empty): not a match */
        sdpx_str key = trim((sdpx_str){item.ptr, (size_t)(eq - item.ptr)});
        for (size_t k = 0; k < n; k++)
            if (!(found >> k & 1) && sdpxi_view_ieq(key, keys[k])) {
                found |= 1u << k;
                /* the item is trimmed before its key and value are cut */
                val[k] = trim((sdpx_str){eq + 1, (size_t)(item.ptr + item.len - eq - 1)});
                break;
            }
    }
    return found;
}

static int param(sdpx_str params, const char *key, sdpx_str *value)
{
    sdpx_str k = {key, strlen(key)};
    return params_get(params, &k, 1, value) != 0;
}

static unsigned param_uint(sdpx_str params, const char *key, unsigned dflt)
{
    sdpx_str v;
    unsigned n;
    return param(params, key, &v) && digits(v, 0xffffffu, &n) ? n : dflt;
}


/* H.264 profiles as RFC 6184 8.1 defines them from profile_idc and the
 * constraint flags (profile-iop); several byte pairs name one profile. */
enum { H264_CB = 1, H264_BASELINE, H264_MAIN, H264_HIGH, H264_CHIGH, H264_PHIGH444 };

static const struct {
    unsigned char idc, mask, value;
    int profile;
} h264_profiles[] = {
    /* constrained baseline: 42 with constraint_set1, 4D with set0, 58 with set0+set1 */
    {0x42, 0x4f, 0x40, H264_CB},
    {0x4d, 0x8f, 0x80, H264_CB},
    {0x58, 0xcf, 0xc0, H264_CB},
    {0x42, 0x4f, 0x00, H264_BASELINE},
    {0x58, 0xcf, 0x80, H264_BASELINE},
    {0x4d, 0xaf, 0x00, H264_MAIN},
    {0x64, 0xff, 0x00, H264_HIGH},
    {0x64, 0xff, 0x0c, H264_CHIGH}, /* constrained high (Safari's 640c1f) */
    {0xf4, 0xff, 0x00, H264_PHIGH444},
};

typedef struct h264_id {
    int profile;          /* H264_*, or 0x10000 | idc << 8 | iop for any other pair */
    unsigned char idc, iop, level_idc;
    unsigned level;       /* comparable: level_idc * 2, level 1b = 21 */
} h264_id;

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* RFC 6184 8.1: profile-level-id (*v, NULL when absent) is 3 bytes hex;
 * absent means 42000A. */
static int h264_decode(const sdpx_str *plid, h264_id *id)
{
    unsigned char b[3] = {0x42, 0x00, 0x0a};
    if (plid) {
        unsigned long x = 0;
        if (plid->len != 6)
            return 0;
        for (size_t i = 0; i < 6; i++) {
            int d = hex_digit(plid->ptr[i]);
            if (d < 0)
                return 0;
            x = x << 4 | (unsigned)d;
        }
        b[0] = (unsigned char)(x >> 16);
        b[1] = (unsigned char)(x >> 8);
        b[2] = (unsigned char)x;
    }
    id->idc = b[0];
    id->iop = b[1];
    id->level_idc = b[2];
    id->profile = 0x10000 | b[0] << 8 | b[1];
    for (size_t i = 0; i < sizeof h264_profiles / sizeof h264_profiles[0]; i++)
        if (h264_profiles[i].idc == b[0] && (b[1] & h264_profiles[i].mask) == h264_profiles[i].value) {
            id->profile = h264_profiles[i].profile;
            break;
        }
    id->level = b[2] * 2u;
    /* RFC 6184 8.1: level 1b is level_idc 11 with constraint_set3 in the baseline/main profiles */
    if (b[2] == 11 && (b[1] & 0x10) &&
        (id->profile == H264_CB || id->profile == H264_BASELINE || id->profile == H264_MAIN))
        id->level = 21;
    return 1;
}

static int h264_read(sdpx_str params, h264_id *id)
{
    sdpx_str v;
    return h264_decode(param(params, "profile-level-id", &v) ? &v : NULL, id);
}

/* The value of a numeric parameter found by params_get (bit k of found), or dflt. */
static unsigned found_uint(unsigned found, unsigned k, const sdpx_str *val, unsigned dflt)
{
    unsigned n;
    return (found >> k & 1) && digits(val[k], 0xffffffu, &n) ? n : dflt;
}

/* The fmtp parameters of encoding enc that decide compatibility, in one
 * walk over them: two codecs of one encoding are compatible when their keys
 * agree (keys_agree). */
static void key_read(sdpx_str enc, sdpx_str f, sdpxi_fmtp_key *k)
{
    static const sdpx_str h264[] = {{"profile-level-id", 16}, {"packetization-mode", 18}};
    static const sdpx_str h265[] = {{"profile-id", 10}, {"tier-flag", 9}};
    static const sdpx_str vp9[] = {{"profile-id", 10}}, av1[] = {{"profile", 7}};
    sdpx_str v[2];
    unsigned found;
    k->read = k->ok = 1;
    k->a = k->b = 0;
    if (enc.len != 3 && enc.len != 4)
        return; /* none of the four: every fmtp agrees */
    if (sdpxi_view_ieq(enc, (sdpx_str){"H264", 4})) {
        /* RFC 6184 8.1: same profile and packetization-mode (default 0) */
        h264_id id;
        found = params_get(f, h264, 2, v);
        k->ok = h264_decode(found & 1 ? &v[0] : NULL, &id);
        k->a = k->ok ? (unsigned)id.profile : 0;
        k->b = found_uint(found, 1, v, 0);
    } else if (sdpxi_view_ieq(enc, (sdpx_str){"VP9", 3})) {
        k->a = found_uint(params_get(f, vp9, 1, v), 0, v, 0); /* VP9 payload format 6: default 0 */
    } else if (sdpxi_view_ieq(enc, (sdpx_str){"AV1", 3})) {
        k->a = found_uint(params_get(f, av1, 1, v), 0, v, 0); /* AV1 RTP 7.2: default 0 (Main) */
    } else if (sdpxi_view_ieq(enc, (sdpx_str){"H265", 4})) {
        /* RFC 7798 7.1: profile-id default 1, tier-flag default 0 */
        found = params_get(f, h265, 2, v);
        k->a = found_uint(found, 0, v, 1);
        k->b = found_uint(found, 1, v, 0);
    }
}

static int keys_agree(const sdpxi_fmtp_key *x, const sdpxi_fmtp_key *y)
{
    return x->ok && y->ok && x->a == y->a && x->b == y->b;
}

/* 1 when the fmtp of two codecs of one encoding describe compatible streams. */
static int fmtp_compatible(sdpx_str enc, sdpx_str a, sdpx_str b)
{
    sdpxi_fmtp_key x, y;
    key_read(enc, a, &x);
    key_read(enc, b, &y);
    return keys_agree(&x, &y);
}

int sdpxi_codec_match(sdpxi_pt *o, const sdpx_caps_codec *c, sdpxi_fmtp_key *ckey)
{
    unsigned och = o->channels ? o->channels : 1, cch = c->channels ? c->channels : 1;
    /* the numbers first: they rule most pairs out without a name compare */
    if (!o->known || o->clock_rate != c->clock_rate || och != cch ||
        !sdpxi_view_ieq(o->encoding, c->encoding))
        return 0;
    /* equal names (ASCII case aside) read their keys by the same rules */
    if (!o->key.read)
        key_read(o->encoding, o->fmtp, &o->key);
    if (!ckey->read)
        key_read(c->encoding, c->fmtp, ckey);
    return keys_agree(&o->key, ckey);
}

static void put_h264(sdpxi_text *t, unsigned pt, const sdpxi_pt *o, const sdpx_caps_codec *c)
{
    h264_id off, loc;
    h264_read(o->fmtp, &off);
    h264_read(c->fmtp, &loc);
    /* RFC 6184 8.1: the answer names the offered profile at a level both
     * sides support: the lower one. */
    unsigned char iop = off.iop, level = off.level_idc;
    if (loc.level < off.level) {
        level = loc.level_idc;
        iop = (unsigned char)(loc.level == 21 ? iop | 0x10 : iop & ~0x10u);
        if (off.profile == H264_HIGH || off.profile == H264_CHIGH || off.profile == H264_PHIGH444)
            iop = off.iop; /* constraint_set3 means level 1b only below High */
    }
    sdpx_str v;
    int asym = param(o->fmtp, "level-asymmetry-allowed", &v) && sdpx_str_eq(v, "1") &&
               param(c->fmtp, "level-asymmetry-allowed", &v) && sdpx_str_eq(v, "1");
    sdpxi_text_put(t, "a=fmtp:%u %spacketization-mode=%u;profile-level-id=%02x%02x%02x\r\n", pt,
                   asym ? "level-asymmetry-allowed=1;" : "",
                   param_uint(o->fmtp, "packetization-mode", 0), off.idc, iop, level);
}

/* Parameters fit for an fmtp line: printable, no leading space. */
static int printable(sdpx_str v)
{
    if (!v.len || v.ptr[0] == ' ')
        return 0;
    for (size_t i = 0; i < v.len; i++)
        if ((unsigned char)v.ptr[i] < 0x20 || v.ptr[i] == 0x7f)
            return 0;
    return v.ptr[v.len - 1] != ' ';
}

/* RFC 4733 7.1.1: an event list is events 0-255 and ranges of them (low-high,
 * low <= high), joined by ','. */
static int event_list(sdpx_str v)
{
    size_t i = 0;
    while (i < v.len) {
        unsigned low = 0;
        for (int side = 0; side < 2; side++) {
            unsigned n = 0;
            size_t start = i;
            while (i < v.len && v.ptr[i] >= '0' && v.ptr[i] <= '9' && i - start < 3)
                n = n * 10 + (unsigned)(v.ptr[i++] - '0');
            if (i == start || n > 255 || (side == 1 && n < low))
                return 0;
            low = n;
            if (side == 0 && i < v.len && v.ptr[i] == '-')
                i++;
            else
                break;
        }
        if (i < v.len && v.ptr[i++] != ',')
            return 0;
        if (i == v.len && v.ptr[i - 1] == ',')
            return 0;
    }
    return v.len > 0;
}

void sdpxi_codec_answer_fmtp(sdpxi_text *t, unsigned pt, const sdpxi_pt *o, const sdpx_caps_codec *c)
{
    if (sdpx_str_ieq(o->encoding, "H264")) {
        put_h264(t, pt, o, c);
        return;
    }
    if (sdpx_str_ieq(o->encoding, "H265")) {
        /* RFC 7798 7.1: same profile and tier, the lower level-id (default 93) */
        unsigned ol = param_uint(o->fmtp, "level-id", 93), ll = param_uint(c->fmtp, "level-id", 93);
        sdpxi_text_put(t, "a=fmtp:%u level-id=%u;profile-id=%u;tier-flag=%u\r\n", pt,
                       ol < ll ? ol : ll, param_uint(o->fmtp, "profile-id", 1),
                       param_uint(o->fmtp, "tier-flag", 0));
        return;
    }
    /* Opus, VP8, VP9, AV1, telephone-event...: the local side states what it
     * receives (RFC 7587 7, JSEP 5.3.1); every matched parameter agrees. */
    sdpx_str f = c->fmtp;
    /* RFC 4733 7.1.1: the events the offer lists ("0-15,66"), when the local
     * side names none; anything else in that fmtp is not echoed */
    if (!f.len && o->role == SDPXI_AUX && event_list(o->fmtp))
        f = o->fmtp;
    if (printable(f)) {
        SDPXI_TEXT_LIT(t, "a=fmtp:");
        sdpxi_text_small(t, pt);
        SDPXI_TEXT_LIT(t, " ");
        sdpxi_text_str(t, f);
        SDPXI_TEXT_LIT(t, "\r\n");
    }
}

int sdpxi_red_carries_ok(sdpx_str fmtp, const unsigned char ok[128])
{
    /* RFC 2198 5: "<pt>/<pt>/..." the redundant encodings, in order */
    size_t i = 0, n = 0;
    while (i < fmtp.len) {
        size_t j = i;
        while (j < fmtp.len && fmtp.ptr[j] != '/')
            j++;
        sdpx_str one = {fmtp.ptr + i, j - i};
        unsigned pt;
        if (!digits(one, 127, &pt) || !ok[pt])
            return 0;
        n++;
        i = j + 1;
    }
    return n > 0;
}

const char *sdpxi_fmtp_answer_problem(const sdpxi_pt *o, const sdpxi_pt *a)
{
    if (!fmtp_compatible(o->encoding, o->fmtp, a->fmtp))
        return "fmtp names another profile or packetization mode than the offer's";
    if (sdpx_str_ieq(o->encoding, "H264")) {
        h264_id x, y;
        sdpx_str v;
        int asym = param(o->fmtp, "level-asymmetry-allowed", &v) && sdpx_str_eq(v, "1") &&
                   param(a->fmtp, "level-asymmetry-allowed", &v) && sdpx_str_eq(v, "1");
        if (!asym && h264_read(o->fmtp, &x) && h264_read(a->fmtp, &y) && y.level > x.level)
            return "H.264 level higher than the offer's (RFC 6184 8.1)";
    }
    return NULL;
}

int sdpxi_fb_set(const sdpxi_codecs *c, sdpxi_set *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < c->nfb; i++)
        if (sdpxi_set_add(out, c->fb[i].wildcard ? SDPXI_FB_ANY : c->fb[i].pt, c->fb[i].what, i)) {
            sdpxi_set_free(out);
            return SDPX_ENOMEM;
        }
    sdpxi_set_sort(out);
    return 0;
}
