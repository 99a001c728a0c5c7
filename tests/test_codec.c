/* The codec view: m= line order, rtpmap or RFC 3551 static types, fmtp,
 * rtcp-fb (with "*"), RTX partners. */
#include "testutil.h"

#include <dirent.h>
#include <stdint.h>

#define HEAD "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"

/* ---- static payload types (RFC 3551 tables 4 and 5) ---- */

typedef struct {
    unsigned pt;
    const char *name; /* NULL: not static */
    uint32_t clock;
    unsigned channels;
} static_case;

static const static_case statics[] = {
    {0, "PCMU", 8000, 1},   {3, "GSM", 8000, 1},   {4, "G723", 8000, 1},
    {8, "PCMA", 8000, 1},   {9, "G722", 8000, 1},  {10, "L16", 44100, 2},
    {13, "CN", 8000, 1},    {18, "G729", 8000, 1}, {26, "JPEG", 90000, 0},
    {31, "H261", 90000, 0}, {34, "H263", 90000, 0},
    {1, NULL, 0, 0},        {2, NULL, 0, 0},       {19, NULL, 0, 0},
    {35, NULL, 0, 0},       {96, NULL, 0, 0},      {127, NULL, 0, 0},
};

START_TEST(static_payload_types)
{
    const static_case *c = &statics[_i];
    sdpx_str enc;
    uint32_t clock;
    unsigned ch;
    int rc = sdpx_static_payload_type(c->pt, &enc, &clock, &ch);
    if (!c->name) {
        ck_assert_int_eq(rc, SDPX_ENOTFOUND);
        return;
    }
    ck_assert_int_eq(rc, 0);
    ck_assert_str_view(enc, c->name);
    ck_assert_uint_eq(clock, c->clock);
    ck_assert_uint_eq(ch, c->channels);
}
END_TEST

/* ---- the view of examples/offer.sdp's sections, rebuilt inline ---- */

static const char *const offer =
    HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110\r\n"
         "a=rtpmap:111 opus/48000/2\r\n"
         "a=rtcp-fb:111 transport-cc\r\n"
         "a=fmtp:111 minptime=10;useinbandfec=1\r\n"
         "a=rtpmap:63 red/48000/2\r\n"
         "a=fmtp:63 111/111\r\n"
         "a=rtpmap:9 G722/8000\r\n"
         "a=rtpmap:110 telephone-event/48000\r\n"
         "m=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99\r\n"
         "a=rtcp-fb:* ccm fir\r\n"
         "a=rtpmap:96 VP8/90000\r\n"
         "a=rtcp-fb:96 nack\r\n"
         "a=rtcp-fb:96 nack pli\r\n"
         "a=rtpmap:97 rtx/90000\r\n"
         "a=fmtp:97 apt=96\r\n"
         "a=rtpmap:98 H264/90000\r\n"
         "a=fmtp:98 packetization-mode=1;profile-level-id=42e01f\r\n"
         "a=fmtp:99 apt=98\r\n"
         "a=rtpmap:99 rtx/90000\r\n"
         "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n";

typedef struct {
    size_t media, index;
    unsigned pt;
    const char *enc;
    uint32_t clock;
    unsigned channels;
    int is_static;
    const char *params; /* NULL: no fmtp */
    int apt;            /* -1: none */
    int rtx;            /* -1: none */
    unsigned nfb;       /* rtcp-fb lines that apply, "*" included */
} codec_case;

static const codec_case codecs[] = {
    {0, 0, 111, "opus", 48000, 2, 0, "minptime=10;useinbandfec=1", -1, -1, 1},
    {0, 1, 63, "red", 48000, 2, 0, "111/111", -1, -1, 0},
    {0, 2, 9, "G722", 8000, 0, 0, NULL, -1, -1, 0},
    {0, 3, 0, "PCMU", 8000, 1, 1, NULL, -1, -1, 0},  /* no rtpmap: RFC 3551 */
    {0, 4, 8, "PCMA", 8000, 1, 1, NULL, -1, -1, 0},
    {0, 5, 13, "CN", 8000, 1, 1, NULL, -1, -1, 0},
    {0, 6, 110, "telephone-event", 48000, 0, 0, NULL, -1, -1, 0},
    {1, 0, 96, "VP8", 90000, 0, 0, NULL, -1, 97, 3},
    {1, 1, 97, "rtx", 90000, 0, 0, "apt=96", 96, -1, 1},
    {1, 2, 98, "H264", 90000, 0, 0, "packetization-mode=1;profile-level-id=42e01f", -1, 99, 1},
    {1, 3, 99, "rtx", 90000, 0, 0, "apt=98", 98, -1, 1},
};

START_TEST(codec_view)
{
    const codec_case *c = &codecs[_i];
    sdpx_session *s = parse_ok(offer, SDPX_PARSE_STRICT);
    const sdpx_media *m = sdpx_session_media(s, c->media);
    sdpx_codec k;
    ck_assert_int_eq(sdpx_media_codec(m, c->index, &k), 0);
    ck_assert_uint_eq(k.payload_type, c->pt);
    ck_assert_str_view(k.encoding, c->enc);
    ck_assert_uint_eq(k.clock_rate, c->clock);
    ck_assert_uint_eq(k.channels, c->channels);
    ck_assert_int_eq(k.is_static, c->is_static);
    ck_assert_int_eq(k.rtpmap == NULL, c->is_static);
    if (c->params) {
        ck_assert_ptr_nonnull(k.fmtp);
        ck_assert_str_view(k.params.params, c->params);
        ck_assert_uint_eq(k.params.payload_type, c->pt);
    } else {
        ck_assert_ptr_null(k.fmtp);
        ck_assert_uint_eq(k.params.params.len, 0);
    }
    ck_assert_int_eq(k.has_apt, c->apt >= 0);
    if (c->apt >= 0)
        ck_assert_uint_eq(k.apt, (unsigned)c->apt);
    ck_assert_int_eq(k.has_rtx, c->rtx >= 0);
    if (c->rtx >= 0)
        ck_assert_uint_eq(k.rtx_payload_type, (unsigned)c->rtx);
    unsigned nfb = 0;
    for (const sdpx_line *l = sdpx_codec_rtcp_fb_next(m, &k, NULL); l;
         l = sdpx_codec_rtcp_fb_next(m, &k, l))
        nfb++;
    ck_assert_uint_eq(nfb, c->nfb);
    /* the same codec by payload type */
    sdpx_codec by_pt;
    ck_assert_int_eq(sdpx_media_codec_find(m, c->pt, &by_pt), 0);
    ck_assert_ptr_eq(by_pt.rtpmap, k.rtpmap);
    ck_assert_ptr_eq(by_pt.fmtp, k.fmtp);
    sdpx_session_free(s);
}
END_TEST

START_TEST(codec_counts_and_bounds)
{
    sdpx_session *s = parse_ok(offer, SDPX_PARSE_STRICT);
    sdpx_codec k;
    ck_assert_uint_eq(sdpx_media_codec_count(sdpx_session_media(s, 0)), 7);
    ck_assert_uint_eq(sdpx_media_codec_count(sdpx_session_media(s, 1)), 4);
    /* not RTP: formats are not payload types */
    ck_assert_uint_eq(sdpx_media_codec_count(sdpx_session_media(s, 2)), 0);
    ck_assert_int_eq(sdpx_media_codec(sdpx_session_media(s, 2), 0, &k), SDPX_ENOTFOUND);
    ck_assert_int_eq(sdpx_media_codec(sdpx_session_media(s, 0), 7, &k), SDPX_ENOTFOUND);
    ck_assert_int_eq(sdpx_media_codec_find(sdpx_session_media(s, 0), 96, &k), SDPX_ENOTFOUND);
    sdpx_session_free(s);
}
END_TEST

START_TEST(codec_bad_format)
{
    sdpx_session *s = parse_ok(HEAD "m=audio 9 RTP/AVP 0 x 300\r\n", 0);
    const sdpx_media *m = sdpx_session_media(s, 0);
    sdpx_codec k;
    ck_assert_uint_eq(sdpx_media_codec_count(m), 3);
    ck_assert_int_eq(sdpx_media_codec(m, 0, &k), 0);
    ck_assert_int_eq(sdpx_media_codec(m, 1, &k), SDPX_EVALUE);
    ck_assert_int_eq(sdpx_media_codec(m, 2, &k), SDPX_EVALUE);
    sdpx_session_free(s);
}
END_TEST

START_TEST(codec_rtpmap_overrides_static)
{
    /* RFC 8866 6.6: an rtpmap may name a static type; its mapping wins */
    sdpx_session *s = parse_ok(HEAD "m=audio 9 RTP/AVP 0 18\r\na=rtpmap:0 PCMU/16000\r\n", 0);
    const sdpx_media *m = sdpx_session_media(s, 0);
    sdpx_codec k;
    ck_assert_int_eq(sdpx_media_codec(m, 0, &k), 0);
    ck_assert_uint_eq(k.clock_rate, 16000);
    ck_assert_int_eq(k.is_static, 0);
    ck_assert_int_eq(sdpx_media_codec(m, 1, &k), 0);
    ck_assert_str_view(k.encoding, "G729");
    ck_assert_int_eq(k.is_static, 1);
    sdpx_session_free(s);
}
END_TEST

/* The per-section index (heap sessions) and the scan (NO_HEAP sessions, which
 * build no index) give the same codecs and rtcp-fb lines, on every section of
 * the corpus and on edge cases: a second rtpmap for a type, an rtpmap that
 * does not decode, a type naming itself with apt=, two RTX types for one. */
static const char index_edges[] =
    "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
    "m=video 9 RTP/AVP 96 97 98 99 100 0 x 96\r\n"
    "a=rtpmap:96 bad\r\na=rtpmap:96 VP8/90000\r\na=rtpmap:96 H264/90000\r\n"
    "a=fmtp:97 apt=97\r\na=fmtp:97 apt=97;x=1\r\na=fmtp:98 apt=96\r\na=fmtp:99 apt=96\r\n"
    "a=fmtp:100 ;;\r\na=rtcp-fb:* nack\r\na=rtcp-fb:96 pli\r\na=rtcp-fb:97 nack\r\n"
    "a=rtcp-fb:96 bad bad bad\r\na=rtcp-fb:* ccm fir\r\na=rtcp-fb:96 goog-remb\r\n";

static size_t line_index(const sdpx_media *m, const sdpx_line *l)
{
    for (size_t i = 0; i < sdpx_media_line_count(m); i++)
        if (sdpx_media_line(m, i) == l)
            return i;
    return SIZE_MAX;
}

static void same_codecs(const char *text, size_t len, const char *what)
{
    static uint64_t scratch[1 << 17];
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    sdpx_session *a = NULL, *b = NULL;
    if (sdpx_parse(text, len, &opt, &a, NULL))
        return;
    opt.flags = SDPX_PARSE_NO_HEAP;
    opt.scratch = scratch;
    opt.scratch_size = sizeof scratch;
    ck_assert_msg(sdpx_parse(text, len, &opt, &b, NULL) == 0, "%s: no NO_HEAP parse", what);
    for (size_t k = 0; k < sdpx_session_media_count(a); k++) {
        const sdpx_media *ma = sdpx_session_media(a, k), *mb = sdpx_session_media(b, k);
        size_t n = sdpx_media_codec_count(ma);
        ck_assert_uint_eq(n, sdpx_media_codec_count(mb));
        for (size_t i = 0; i <= n; i++) {
            sdpx_codec x, y;
            int rx = sdpx_media_codec(ma, i, &x), ry = sdpx_media_codec(mb, i, &y);
            ck_assert_msg(rx == ry, "%s: section %zu codec %zu: %d vs %d", what, k, i, rx, ry);
            if (rx)
                continue;
            ck_assert_uint_eq(x.payload_type, y.payload_type);
            ck_assert_msg(x.encoding.len == y.encoding.len &&
                              (!x.encoding.len || !memcmp(x.encoding.ptr, y.encoding.ptr, x.encoding.len)),
                          "%s: codec %zu encoding", what, i);
            ck_assert_uint_eq(x.clock_rate, y.clock_rate);
            ck_assert_uint_eq(x.channels, y.channels);
            ck_assert_int_eq(x.is_static, y.is_static);
            ck_assert_uint_eq(line_index(ma, x.rtpmap), line_index(mb, y.rtpmap));
            ck_assert_uint_eq(line_index(ma, x.fmtp), line_index(mb, y.fmtp));
            ck_assert_int_eq(x.has_apt, y.has_apt);
            ck_assert_uint_eq(x.apt, y.apt);
            ck_assert_int_eq(x.has_rtx, y.has_rtx);
            ck_assert_uint_eq(x.rtx_payload_type, y.rtx_payload_type);
            const sdpx_line *fa = NULL, *fb = NULL;
            do {
                fa = sdpx_codec_rtcp_fb_next(ma, &x, fa);
                fb = sdpx_codec_rtcp_fb_next(mb, &y, fb);
                ck_assert_uint_eq(line_index(ma, fa), line_index(mb, fb));
            } while (fa && fb);
            sdpx_codec f1, f2;
            ck_assert_int_eq(sdpx_media_codec_find(ma, x.payload_type, &f1),
                             sdpx_media_codec_find(mb, x.payload_type, &f2));
        }
    }
    sdpx_session_free(a);
    sdpx_session_free(b);
}

START_TEST(codec_index_matches_scan)
{
    same_codecs(index_edges, strlen(index_edges), "edges");
    sdpx_session *s = parse_ok(index_edges, 0);
    const sdpx_media *m = sdpx_session_media(s, 0);
    sdpx_codec c;
    ck_assert_int_eq(sdpx_media_codec(m, 0, &c), 0);
    ck_assert_str_view(c.encoding, "VP8"); /* the first rtpmap that decodes */
    ck_assert_int_eq(c.has_rtx, 1);
    ck_assert_uint_eq(c.rtx_payload_type, 98); /* the first fmtp naming it */
    ck_assert_int_eq(sdpx_media_codec(m, 1, &c), 0);
    ck_assert_int_eq(c.has_rtx, 1); /* its second fmtp names it again */
    ck_assert_uint_eq(c.rtx_payload_type, 97);
    ck_assert_int_eq(sdpx_media_codec(m, 6, &c), SDPX_EVALUE);
    ck_assert_int_eq(sdpx_media_codec(m, 8, &c), SDPX_ENOTFOUND);
    ck_assert_int_eq(sdpx_media_codec_find(m, 101, &c), SDPX_ENOTFOUND);
    ck_assert_int_eq(sdpx_media_codec_find(m, 128, &c), SDPX_ENOTFOUND);
    sdpx_session_free(s);
#ifdef SDPX_CORPUS_DIR
    if (!corpus_present())
        return;
    DIR *d = opendir(SDPX_CORPUS_DIR "/valid");
    ck_assert_ptr_nonnull(d);
    struct dirent *de;
    size_t files = 0;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/valid/%s", SDPX_CORPUS_DIR, de->d_name);
        size_t len = 0;
        char *text = read_file(path, &len);
        if (!text)
            continue;
        if (len < sizeof(uint64_t) << 15)
            same_codecs(text, len, de->d_name);
        free(text);
        files++;
    }
    closedir(d);
    ck_assert_uint_gt(files, 100);
#endif
}
END_TEST

/* How a line's payload type and an fmtp's apt= are read: leading zeros and
 * spaces, a type over 127 or with a letter, "apt" in any case after spaces,
 * tabs or empty items, names that only start with "apt", "apt" as a value.
 * Section: m=video 9 RTP/AVP 96 97 with VP8 on 96 and the line under test. */
typedef struct {
    const char *lines; /* after the m= line */
    const char *enc96; /* codec 96's encoding ("" none) */
    int apt97;         /* codec 97's apt, -1: none */
    int rtx96;         /* codec 96's RTX partner, -1: none */
} pt_case;

static const pt_case pt_cases[] = {
    {"a=rtpmap:96 VP8/90000\r\na=fmtp:97 apt=96\r\n", "VP8", 96, 97},
    {"a=rtpmap:00096 VP8/90000\r\na=fmtp:097 apt=96\r\n", "VP8", 96, 97},
    {"a=rtpmap:96 VP8/90000\r\na=fmtp: 97  apt=96\r\n", "VP8", 96, 97},
    {"a=rtpmap:96a VP8/90000\r\na=fmtp:97 apt=96\r\n", "", 96, 97},
    {"a=rtpmap:0096 VP8/90000\r\na=fmtp:128 apt=96\r\n", "VP8", -1, -1},
    {"a=rtpmap:96 VP8/90000\r\na=fmtp:97 x=1; APT=96\r\n", "VP8", 96, 97},
    {"a=rtpmap:96 VP8/90000\r\na=fmtp:97 x=1;\tapt =96\r\n", "VP8", 96, 97},
    {"a=rtpmap:96 VP8/90000\r\na=fmtp:97 ;;aPt=96\r\n", "VP8", 96, 97},
    {"a=rtpmap:96 VP8/90000\r\na=fmtp:97 aptx=96\r\n", "VP8", -1, -1},
    {"a=rtpmap:96 VP8/90000\r\na=fmtp:97 x=apt;y=apt=96\r\n", "VP8", -1, -1},
    {"a=rtpmap:96 VP8/90000\r\na=fmtp:97 apt\r\n", "VP8", -1, -1},
    {"a=rtpmap:96 VP8/90000\r\na=fmtp:97 apt=200\r\n", "VP8", -1, -1},
    {"a=rtpmap:96 VP8/90000\r\na=fmtp:97 ap;t=96\r\n", "VP8", -1, -1},
};

START_TEST(codec_line_types)
{
    const pt_case *c = &pt_cases[_i];
    char text[512];
    snprintf(text, sizeof text, HEAD "m=video 9 RTP/AVP 96 97\r\n%s", c->lines);
    same_codecs(text, strlen(text), c->lines);
    sdpx_session *s = parse_ok(text, 0);
    const sdpx_media *m = sdpx_session_media(s, 0);
    sdpx_codec k;
    ck_assert_int_eq(sdpx_media_codec(m, 0, &k), 0);
    ck_assert_str_view(k.encoding, c->enc96);
    ck_assert_int_eq(k.has_rtx, c->rtx96 >= 0);
    if (c->rtx96 >= 0)
        ck_assert_uint_eq(k.rtx_payload_type, (unsigned)c->rtx96);
    ck_assert_int_eq(sdpx_media_codec(m, 1, &k), 0);
    ck_assert_int_eq(k.has_apt, c->apt97 >= 0);
    if (c->apt97 >= 0)
        ck_assert_uint_eq(k.apt, (unsigned)c->apt97);
    sdpx_session_free(s);
}
END_TEST

/* Codec edits read the section's codecs in one pass (sdpxi_media_codecs):
 * they see what the codec view sees. Removing VP8 from each section. */
typedef struct {
    const char *section;
    int rc;
    const char *want; /* the section afterwards (NULL: unchanged) */
} rm_case;

static const rm_case rm_cases[] = {
    /* a type listed twice counts twice; its RTX partner goes with it */
    {"m=video 9 RTP/AVP 96 97 98 96\r\na=rtpmap:96 VP8/90000\r\na=rtpmap:97 rtx/90000\r\n"
     "a=fmtp:97 apt=96\r\na=rtpmap:98 H264/90000\r\n",
     3, "m=video 9 RTP/AVP 98\r\na=rtpmap:98 H264/90000\r\n"},
    /* an RTX type the m= line does not list is no partner: its lines stay */
    {"m=video 9 RTP/AVP 96 98\r\na=rtpmap:96 VP8/90000\r\na=rtpmap:98 H264/90000\r\n"
     "a=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\n",
     1, "m=video 9 RTP/AVP 98\r\na=rtpmap:98 H264/90000\r\na=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\n"},
    /* the first rtpmap that decodes names the codec */
    {"m=video 9 RTP/AVP 96 98\r\na=rtpmap:96 VP8\r\na=rtpmap:96 H264/90000\r\na=rtpmap:98 VP8/90000\r\n",
     1, "m=video 9 RTP/AVP 96\r\na=rtpmap:96 VP8\r\na=rtpmap:96 H264/90000\r\n"},
    /* apt= in capitals after another parameter */
    {"m=video 9 RTP/AVP 96 97 98\r\na=rtpmap:96 VP8/90000\r\na=rtpmap:97 rtx/90000\r\n"
     "a=fmtp:97 x=1; APT=96\r\na=rtpmap:98 H264/90000\r\n",
     2, "m=video 9 RTP/AVP 98\r\na=rtpmap:98 H264/90000\r\n"},
    {"m=video 9 RTP/AVP 96 97 98\r\na=rtpmap:96 VP8/90000\r\na=rtpmap:97 rtx/90000\r\n"
     "a=fmtp:97 aptx=96\r\na=rtpmap:98 H264/90000\r\n",
     1, "m=video 9 RTP/AVP 97 98\r\na=rtpmap:97 rtx/90000\r\na=fmtp:97 aptx=96\r\na=rtpmap:98 H264/90000\r\n"},
    /* an rtpmap whose type has a letter names nothing: no VP8 */
    {"m=video 9 RTP/AVP 96 98\r\na=rtpmap:96a VP8/90000\r\na=rtpmap:98 H264/90000\r\n", 0, NULL},
    /* the new m= line keeps the old media and proto, which must be tokens */
    {"m=video 9 RTP/AVP/ 96 98\r\na=rtpmap:96 VP8/90000\r\na=rtpmap:98 H264/90000\r\n", SDPX_EINVAL, NULL},
    {"m=vi@deo 9 RTP/AVP 96 98\r\na=rtpmap:96 VP8/90000\r\na=rtpmap:98 H264/90000\r\n", SDPX_EINVAL, NULL},
    /* a port count is written again from its number */
    {"m=video 9/02 RTP/AVP 98 96\r\na=rtpmap:96 VP8/90000\r\na=rtpmap:98 H264/90000\r\n",
     1, "m=video 9/2 RTP/AVP 98\r\na=rtpmap:98 H264/90000\r\n"},
};

START_TEST(codec_remove_reads_view)
{
    const rm_case *c = &rm_cases[_i];
    char text[1024], want[1024];
    snprintf(text, sizeof text, HEAD "%s", c->section);
    snprintf(want, sizeof want, HEAD "%s", c->want ? c->want : c->section);
    sdpx_session *s = parse_ok(text, 0);
    ck_assert_int_eq(sdpx_media_remove_codec(sdpx_session_media_mut(s, 0), "VP8", NULL), c->rc);
    char *got = sdpx_write_alloc(s, 0, NULL);
    ck_assert_str_eq(got, want);
    free(got);
    sdpx_session_free(s);
}
END_TEST

#define N(a) (int)(sizeof(a) / sizeof((a)[0]))

int main(void)
{
    Suite *s = suite_create("codec");
    TCase *tc = tcase_create("codec");
    tcase_add_loop_test(tc, static_payload_types, 0, N(statics));
    tcase_add_loop_test(tc, codec_view, 0, N(codecs));
    tcase_add_test(tc, codec_counts_and_bounds);
    tcase_add_test(tc, codec_bad_format);
    tcase_add_test(tc, codec_rtpmap_overrides_static);
    tcase_add_test(tc, codec_index_matches_scan);
    tcase_add_loop_test(tc, codec_line_types, 0, N(pt_cases));
    tcase_add_loop_test(tc, codec_remove_reads_view, 0, N(rm_cases));
    suite_add_tcase(s, tc);
    return run_suite(s);
}
