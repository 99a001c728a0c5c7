/* RTP attribute decoders and encoders: rtpmap, fmtp, rtcp-fb, extmap, rtcp,
 * direction, ptime/maxptime/framerate, quality. */
#include "testutil.h"


/* The strict check on "a=<name>:<value>" in an audio section. */
static int strict_check(const char *name, const char *value, unsigned *col)
{
    return attr_check_in("audio 9 RTP/AVP 0", name, value, col);
}

/* Decode `value` with the public decoder of attribute `name`. */
static int decode(const char *name, sdpx_str value)
{
    union {
        sdpx_rtpmap rtpmap;
        sdpx_fmtp fmtp;
        sdpx_rtcp_fb fb;
        sdpx_extmap extmap;
        sdpx_rtcp rtcp;
        sdpx_decimal dec;
        unsigned q;
    } u;
    if (!strcmp(name, "rtpmap"))
        return sdpx_rtpmap_parse(value, &u.rtpmap);
    if (!strcmp(name, "fmtp"))
        return sdpx_fmtp_parse(value, &u.fmtp);
    if (!strcmp(name, "rtcp-fb"))
        return sdpx_rtcp_fb_parse(value, &u.fb);
    if (!strcmp(name, "extmap"))
        return sdpx_extmap_parse(value, &u.extmap);
    if (!strcmp(name, "rtcp"))
        return sdpx_rtcp_parse(value, &u.rtcp);
    if (!strcmp(name, "quality"))
        return sdpx_quality_parse(value, &u.q);
    return sdpx_decimal_parse(value, &u.dec); /* ptime, maxptime, framerate */
}

typedef struct {
    const char *name;
    const char *value;
    unsigned col; /* column in "a=<name>:<value>" of the bad token */
} bad_case;

/* Bad values: each must fail its decoder and the strict check, at the column given. */
static const bad_case bad[] = {
    {"rtpmap", "128 opus/48000/2", 10},     /* payload type over 127 */
    {"rtpmap", "x opus/48000", 10},         /* not a number */
    {"rtpmap", "", 10},                     /* nothing */
    {"rtpmap", "96", 12},                   /* no encoding */
    {"rtpmap", "96 VP8", 16},               /* no clock rate */
    {"rtpmap", "96 VP8/", 17},              /* empty clock rate */
    {"rtpmap", "96 VP8/abc", 17},           /* clock rate not a number */
    {"rtpmap", "96 VP8/0", 17},             /* clock rate zero */
    {"rtpmap", "111 opus/48000/x", 25},     /* channels not a number */
    {"rtpmap", "96 STR_VIEW(P)8/90000", 13},       /* encoding name not a token */
    {"rtpmap", "96 VP8/90000 extra", 23},   /* trailing text */
    {"rtpmap", "96 VP8/99999999999", 17},   /* clock rate over 32 bits */
    /* edges of the one-walk number and token reads */
    {"rtpmap", "96 VP8/4294967296", 17},    /* clock rate one over 32 bits */
    {"rtpmap", "96 VP8/90000/0", 23},       /* zero channels */
    {"rtpmap", "96 VP8/90000/256", 23},     /* channels over 255 */
    {"rtpmap", "96 VP8/90000/2/1", 23},     /* channels take the rest after the second '/' */
    {"rtpmap", "96 /90000", 13},            /* empty encoding name */
    {"rtpmap", "96 V:P8/90000", 13},        /* a non-token byte before the '/' */
    {"rtpmap", "96x VP8/90000", 10},        /* digits then a non-digit */
    {"rtpmap", "00000000000000000000128 VP8/90000", 10}, /* 23 digits, over 127 */
    {"rtcp-fb", "*x nack", 11},             /* neither "*" nor a number */
    /* edges of the one-walk reads of the common rtpmap and rtcp-fb shapes */
    {"rtpmap", "1000 VP8/90000", 10},       /* four digits: past the short read */
    {"rtpmap", "0128 VP8/90000", 10},
    {"rtpmap", "96 VP8/90000/", 23},        /* empty channel count */
    {"rtpmap", "96 VP8/90000\t", 17},       /* a tab is no digit and no separator */
    {"rtpmap", "96 VP8/90000/2\t", 23},
    {"rtpmap", "96 VP8/90000/0000", 23},
    {"fmtp", "111\tx", 8},                   /* a tab does not end the format */
    {"fmtp", "1111 x", 8},
    {"fmtp", "111 \t", 13},                  /* blanks only: no parameters */
    {"rtcp-fb", "1000 nack", 11},
    {"extmap", "256 urn:x", 10},            /* three digits, out of range */
    {"extmap", "0 u", 10},
    {"rtcp-fb", "9", 12},                   /* a payload type shorter than the unrolled read */
    {"rtpmap", "9", 11},
    {"rtcp-fb", "96 na.ck pli", 14},        /* the rtcp-fb-id run stops inside the field */
    {"rtcp-fb", "* trr-int 1x", 21},        /* trr-int's number, after the short read */
    {"rtcp-fb", "96 trr-int 4294967296", 22},
    {"extmap", "1 ", 12},                   /* space, then no URI */
    {"fmtp", "200 apt=96", 8},
    {"fmtp", "96", 10},
    {"fmtp", "96 ", 11},
    {"fmtp", "a(b) apt=1", 8},
    {"rtcp-fb", "128 nack", 11},
    {"rtcp-fb", "96", 13},
    {"rtcp-fb", "96 na/ck", 14},
    {"rtcp-fb", "** nack", 11},
    {"rtcp-fb", "* trr-int x", 21},
    {"rtcp-fb", "* trr-int", 20},
    {"extmap", "0 urn:x", 10},              /* id 0 is not allowed (RFC 8285 5) */
    {"extmap", "256 urn:x", 10},            /* between two-byte ids and the offer range */
    {"extmap", "4352 urn:x", 10},
    {"extmap", "x urn:x", 10},
    {"extmap", "1/sideways urn:x", 12},
    {"extmap", "1", 11},                    /* no URI */
    {"extmap", "", 10},
    {"rtcp", "70000", 8},
    {"rtcp", "9 IN", 12},
    {"rtcp", "9 IN IP4", 16},
    {"rtcp", "9 IN IP4 1.2.3.4 x", 25},
    {"rtcp", "", 8},
    {"quality", "11", 11},
    {"quality", "x", 11},
};

START_TEST(rejects)
{
    const bad_case *c = &bad[_i];
    ck_assert_msg(decode(c->name, view_of(c->value)) == SDPX_EVALUE, "a=%s:%s decoded", c->name,
                  c->value);
    unsigned col;
    ck_assert_int_eq(strict_check(c->name, c->value, &col), SDPX_EVALUE);
    ck_assert_msg(col == c->col, "a=%s:%s: column %u, want %u", c->name, c->value, col, c->col);
}
END_TEST

/* ---- rtpmap ---- */

typedef struct {
    const char *value;
    unsigned pt;
    const char *enc;
    uint32_t clock;
    unsigned channels; /* 0: absent */
} rtpmap_case;

static const rtpmap_case rtpmap_good[] = {
    {"111 opus/48000/2", 111, "opus", 48000, 2}, /* RFC 7587 7 */
    {"0 PCMU/8000", 0, "PCMU", 8000, 0},         /* RFC 8866 6.6 example */
    {"98 L16/16000/2", 98, "L16", 16000, 2},     /* RFC 8866 6.6 example */
    {"96 VP8/90000", 96, "VP8", 90000, 0},
    {"97 rtx/90000", 97, "rtx", 90000, 0},
    {"127 H264/90000", 127, "H264", 90000, 0},
    {"101 telephone-event/8000", 101, "telephone-event", 8000, 0},
    {"100 SMPTE2022-6/27000000", 100, "SMPTE2022-6", 27000000, 0},
};

/* c->value decodes to the fields of c. */
static void expect_rtpmap(const rtpmap_case *c, sdpx_rtpmap *r)
{
    ck_assert_int_eq(sdpx_rtpmap_parse(view_of(c->value), r), 0);
    ck_assert_uint_eq(r->payload_type, c->pt);
    ck_assert_str_view(r->encoding, c->enc);
    ck_assert_uint_eq(r->clock_rate, c->clock);
    ck_assert_uint_eq(r->channels, c->channels);
    ck_assert_int_eq(r->has_channels, c->channels != 0);
}

START_TEST(rtpmap_decodes)
{
    const rtpmap_case *c = &rtpmap_good[_i];
    sdpx_rtpmap r;
    expect_rtpmap(c, &r);
    char buf[128];
    int n = sdpx_rtpmap_write(&r, buf, sizeof buf);
    ck_assert_int_eq(n, (int)strlen(c->value));
    ck_assert_str_eq(buf, c->value);
}
END_TEST

/* Values the one-walk read of the common shape takes, and values next to
 * it that the full decoder reads: the same fields either way. */
static const rtpmap_case rtpmap_edges[] = {
    {"096 VP8/90000", 96, "VP8", 90000, 0},         /* three digits, read in the walk */
    {"0096 VP8/90000", 96, "VP8", 90000, 0},        /* four: the full decoder */
    {"96 VP8/4294967295", 96, "VP8", 4294967295u, 0}, /* ten clock digits, the largest */
    {"96 VP8/04294967295", 96, "VP8", 4294967295u, 0}, /* eleven */
    {"96 VP8/90000/002", 96, "VP8", 90000, 2},
    {"96 VP8/90000/0002", 96, "VP8", 90000, 2},
    {"96 VP8/90000/255", 96, "VP8", 90000, 255},
    {"96  VP8/90000", 96, "VP8", 90000, 0},         /* two spaces */
    {" 96 VP8/90000", 96, "VP8", 90000, 0},         /* a leading space */
    {"96 VP8/90000 ", 96, "VP8", 90000, 0},         /* a trailing space */
    {"0 a/1", 0, "a", 1, 0},                        /* the shortest */
    {"96 x!#$%&'*+-.^_`{|}~/8000/1", 96, "x!#$%&'*+-.^_`{|}~", 8000, 1}, /* every token symbol */
};

START_TEST(rtpmap_edge_shapes)
{
    const rtpmap_case *c = &rtpmap_edges[_i];
    sdpx_rtpmap r;
    expect_rtpmap(c, &r);
    unsigned col = 0;
    ck_assert_int_eq(strict_check("rtpmap", c->value, &col), 0);
}
END_TEST

START_TEST(rtpmap_write_refuses_bad_fields)
{
    char buf[64];
    sdpx_rtpmap r = {96, STR_VIEW("VP8"), 90000, 0, 0};
    ck_assert_int_eq(sdpx_rtpmap_write(&r, buf, sizeof buf), 12);
    ck_assert_int_eq(sdpx_rtpmap_write(&r, NULL, 0), 12); /* size query */
    ck_assert_int_eq(sdpx_rtpmap_write(&r, buf, 5), 12);  /* truncated, NUL-terminated */
    ck_assert_str_eq(buf, "96 V");
    r.payload_type = 128;
    ck_assert_int_eq(sdpx_rtpmap_write(&r, buf, sizeof buf), SDPX_EINVAL);
    r.payload_type = 96;
    r.encoding = STR_VIEW("VP8\r\na=x");
    ck_assert_int_eq(sdpx_rtpmap_write(&r, buf, sizeof buf), SDPX_EINVAL);
    r.encoding = STR_VIEW("VP8");
    r.clock_rate = 0;
    ck_assert_int_eq(sdpx_rtpmap_write(&r, buf, sizeof buf), SDPX_EINVAL);
}
END_TEST

/* ---- fmtp ---- */

typedef struct {
    const char *value;
    unsigned pt;
    const char *params;
    const char *items[6]; /* key or key=value, as the iterator gives them */
} fmtp_case;

static const fmtp_case fmtp_good[] = {
    {"111 minptime=10;useinbandfec=1", 111, "minptime=10;useinbandfec=1",
     {"minptime=10", "useinbandfec=1"}},
    {"97 apt=96", 97, "apt=96", {"apt=96"}},
    {"63 111/111", 63, "111/111", {"111/111"}},         /* RFC 2198 RED */
    {"101 0-15", 101, "0-15", {"0-15"}},                /* RFC 4733 events */
    {"98 profile-level-id=42e01f; packetization-mode=1", 98,
     "profile-level-id=42e01f; packetization-mode=1",
     {"profile-level-id=42e01f", "packetization-mode=1"}},
    {"96 a=1;;b", 96, "a=1;;b", {"a=1", "b"}},          /* empty items skipped */
    {"45 level-idx=5;profile=0;tier=0", 45, "level-idx=5;profile=0;tier=0",
     {"level-idx=5", "profile=0", "tier=0"}},
};

START_TEST(fmtp_decodes)
{
    const fmtp_case *c = &fmtp_good[_i];
    sdpx_fmtp f;
    ck_assert_int_eq(sdpx_fmtp_parse(view_of(c->value), &f), 0);
    ck_assert_uint_eq(f.payload_type, c->pt);
    ck_assert_str_view(f.params, c->params);
    sdpx_str rest = f.params;
    sdpx_param p;
    size_t i = 0;
    while (sdpx_param_next(&rest, &p)) {
        ck_assert_ptr_nonnull(c->items[i]);
        char item[128];
        snprintf(item, sizeof item, "%.*s%s%.*s", (int)p.key.len, p.key.ptr,
                 p.has_value ? "=" : "", (int)p.value.len, p.value.ptr);
        ck_assert_str_eq(item, c->items[i]);
        i++;
    }
    ck_assert_ptr_null(c->items[i]);
    char buf[128];
    ck_assert_int_eq(sdpx_fmtp_write(&f, buf, sizeof buf), (int)strlen(c->value));
    ck_assert_str_eq(buf, c->value);
}
END_TEST

/* Values the one-walk read of the common shape takes, and values next to
 * it that the full decoder reads: the same fields either way. */
static const fmtp_case fmtp_edges[] = {
    {"0 a", 0, "a", {"a"}},                     /* the shortest */
    {"111  a=1", 111, "a=1", {"a=1"}},          /* two spaces */
    {"111 \ta=1", 111, "a=1", {"a=1"}},
    {"111 a=1 ", 111, "a=1", {"a=1"}},
    {"111 a=1\t", 111, "a=1", {"a=1"}},
    {"0111 a=1", 111, "a=1", {"a=1"}},          /* four digits */
    {"127 a b", 127, "a b", {"a b"}},
};

START_TEST(fmtp_edge_shapes)
{
    const fmtp_case *c = &fmtp_edges[_i];
    sdpx_fmtp f;
    ck_assert_int_eq(sdpx_fmtp_parse(view_of(c->value), &f), 0);
    ck_assert_int_eq(f.has_payload_type, 1);
    ck_assert_uint_eq(f.payload_type, c->pt);
    ck_assert_str_view(f.params, c->params);
    unsigned col = 0;
    ck_assert_int_eq(strict_check("fmtp", c->value, &col), 0);
}
END_TEST

START_TEST(fmtp_lookup)
{
    sdpx_fmtp f;
    sdpx_str v;
    ck_assert_int_eq(sdpx_fmtp_parse(STR_VIEW("98 profile-level-id=42e01f; Packetization-Mode=1"), &f), 0);
    ck_assert_int_eq(sdpx_fmtp_get(&f, "packetization-mode", &v), 0);
    ck_assert_str_view(v, "1");
    ck_assert_int_eq(sdpx_fmtp_get(&f, "profile-level-id", &v), 0);
    ck_assert_str_view(v, "42e01f");
    ck_assert_int_eq(sdpx_fmtp_get(&f, "level-asymmetry-allowed", &v), SDPX_ENOTFOUND);
    ck_assert_int_eq(sdpx_fmtp_parse(STR_VIEW("63 111/111"), &f), 0);
    ck_assert_int_eq(sdpx_fmtp_get(&f, "111/111", &v), SDPX_ENOTFOUND); /* not key=value */
}
END_TEST

/* ---- rtcp-fb ---- */

typedef struct {
    const char *value;
    int wildcard;
    unsigned pt;
    const char *type, *subtype, *params;
} fb_case;

static const fb_case fb_good[] = {
    {"96 nack", 0, 96, "nack", "", ""},             /* RFC 4585 4.2 */
    {"96 nack pli", 0, 96, "nack", "pli", ""},
    {"96 ccm fir", 0, 96, "ccm", "fir", ""},        /* RFC 5104 7.1 */
    {"* nack", 1, 0, "nack", "", ""},
    {"* trr-int 100", 1, 0, "trr-int", "100", ""},  /* RFC 4585 4.2 */
    {"98 ccm tmmbr smaxpr=120", 0, 98, "ccm", "tmmbr", "smaxpr=120"}, /* RFC 5104 7.2 */
    {"111 transport-cc", 0, 111, "transport-cc", "", ""},
    {"96 goog-remb", 0, 96, "goog-remb", "", ""},
};

/* As rtpmap_edges, for rtcp-fb. */
static const fb_case fb_edges[] = {
    {"096 nack", 0, 96, "nack", "", ""},
    {"0096 nack", 0, 96, "nack", "", ""},
    {"96  nack", 0, 96, "nack", "", ""},
    {"96 nack  pli", 0, 96, "nack", "pli", ""},
    {"96 nack pli ", 0, 96, "nack", "pli", ""},
    {"96 nack ", 0, 96, "nack", "", ""},
    {"96 nack pli\tx", 0, 96, "nack", "pli\tx", ""}, /* a field ends only at a space */
    {"* ccm fir", 1, 0, "ccm", "fir", ""},
    {"96 goog_remb", 0, 96, "goog_remb", "", ""},
    {"96 trr-int 100", 0, 96, "trr-int", "100", ""},
    {"96 a b", 0, 96, "a", "b", ""},
};

/* c->value decodes to the fields of c. */
static void expect_fb(const fb_case *c, sdpx_rtcp_fb *fb)
{
    ck_assert_int_eq(sdpx_rtcp_fb_parse(view_of(c->value), fb), 0);
    ck_assert_int_eq(fb->wildcard, c->wildcard);
    ck_assert_uint_eq(fb->payload_type, c->pt);
    ck_assert_str_view(fb->type, c->type);
    ck_assert_str_view(fb->subtype, c->subtype);
    ck_assert_str_view(fb->params, c->params);
}

START_TEST(rtcp_fb_edge_shapes)
{
    const fb_case *c = &fb_edges[_i];
    sdpx_rtcp_fb fb;
    expect_fb(c, &fb);
    unsigned col = 0;
    ck_assert_int_eq(strict_check("rtcp-fb", c->value, &col), 0);
}
END_TEST

START_TEST(rtcp_fb_decodes)
{
    const fb_case *c = &fb_good[_i];
    sdpx_rtcp_fb fb;
    expect_fb(c, &fb);
    char buf[128];
    ck_assert_int_eq(sdpx_rtcp_fb_write(&fb, buf, sizeof buf), (int)strlen(c->value));
    ck_assert_str_eq(buf, c->value);
}
END_TEST

/* Each field the encoder gets, one made bad per row: a value rtcp_fb_parse
 * would not read back as the same struct. */
typedef struct {
    unsigned pt;
    const char *type, *subtype, *params;
} fb_bad_case;

static const fb_bad_case fb_bad[] = {
    {96, "x\r\na=y", "", ""},       /* RFC 4585 4.2: a line injected through the type */
    {96, "x\n", "", ""},
    {96, "na ck", "", ""},          /* rtcp-fb-id has no space */
    {96, "na.ck", "", ""},          /* ... nor "." */
    {96, "", "pli", ""},            /* no type */
    {96, "nack", "p li", ""},       /* the subtype is one token */
    {96, "nack", "pli\r\na=x", ""},
    {96, "nack", "", "x"},          /* parameters without a subtype */
    {96, "ccm", "tmmbr", " smaxpr=120"}, /* the decoder trims parameters */
    {96, "ccm", "tmmbr", "smaxpr=120\n"},
    {96, "trr-int", "soon", ""},    /* RFC 4585 4.2: "trr-int" SP 1*DIGIT */
    {96, "trr-int", "100", "x"},
    {128, "nack", "", ""},          /* payload type over 127 */
};

START_TEST(rtcp_fb_write_refuses)
{
    const fb_bad_case *c = &fb_bad[_i];
    sdpx_rtcp_fb fb;
    memset(&fb, 0, sizeof fb);
    fb.payload_type = c->pt;
    fb.type = view_of(c->type);
    fb.subtype = view_of(c->subtype);
    fb.params = view_of(c->params);
    char buf[64];
    memset(buf, 'z', sizeof buf);
    ck_assert_int_eq(sdpx_rtcp_fb_write(&fb, buf, sizeof buf), SDPX_EINVAL);
    ck_assert_int_eq(sdpx_rtcp_fb_write(&fb, NULL, 0), SDPX_EINVAL);
    ck_assert_str_eq(buf, ""); /* nothing refused is left in the buffer */
    char tiny[3] = {'z', 'z', 'z'}; /* also when the text was cut */
    ck_assert_int_eq(sdpx_rtcp_fb_write(&fb, tiny, sizeof tiny), SDPX_EINVAL);
    ck_assert_int_eq(tiny[0], '\0');
}
END_TEST

/* ---- extmap ---- */

typedef struct {
    const char *value;
    unsigned id;
    int dir; /* -1: none */
    const char *uri, *attrs;
} extmap_case;

static const extmap_case extmap_good[] = {
    {"1 urn:ietf:params:rtp-hdrext:ssrc-audio-level", 1, -1,
     "urn:ietf:params:rtp-hdrext:ssrc-audio-level", ""},
    {"2/sendrecv http://example.com/082005/ext.htm#xmeta short", 2, SDPX_DIR_SENDRECV,
     "http://example.com/082005/ext.htm#xmeta", "short"}, /* RFC 8285 7 example */
    {"14 urn:ietf:params:rtp-hdrext:sdes:mid", 14, -1, "urn:ietf:params:rtp-hdrext:sdes:mid", ""},
    {"255/recvonly urn:x", 255, SDPX_DIR_RECVONLY, "urn:x", ""},
    {"4096 urn:x", 4096, -1, "urn:x", ""},
    {"3/inactive urn:ietf:params:rtp-hdrext:encrypt urn:x a b", 3, SDPX_DIR_INACTIVE,
     "urn:ietf:params:rtp-hdrext:encrypt", "urn:x a b"},
};

/* c->value decodes to the fields of c. */
static void expect_extmap(const extmap_case *c, sdpx_extmap *e)
{
    ck_assert_int_eq(sdpx_extmap_parse(view_of(c->value), e), 0);
    ck_assert_uint_eq(e->id, c->id);
    ck_assert_int_eq(e->has_direction, c->dir >= 0);
    if (c->dir >= 0)
        ck_assert_int_eq((int)e->direction, c->dir);
    ck_assert_str_view(e->uri, c->uri);
    ck_assert_str_view(e->attributes, c->attrs);
}

START_TEST(extmap_decodes)
{
    const extmap_case *c = &extmap_good[_i];
    sdpx_extmap e;
    expect_extmap(c, &e);
    char buf[160];
    ck_assert_int_eq(sdpx_extmap_write(&e, buf, sizeof buf), (int)strlen(c->value));
    ck_assert_str_eq(buf, c->value);
}
END_TEST

/* Values the one-walk read of the common shape takes, and values next to
 * it that the full decoder reads: the same fields either way. */
static const extmap_case extmap_edges[] = {
    {"1 u", 1, -1, "u", ""},                          /* the shortest */
    {"255 urn:x", 255, -1, "urn:x", ""},              /* the largest three-digit id */
    {"0255 urn:x", 255, -1, "urn:x", ""},             /* four digits */
    {"4351 urn:x", 4351, -1, "urn:x", ""},
    {"1  urn:x", 1, -1, "urn:x", ""},                 /* two spaces */
    {"1 urn:x ", 1, -1, "urn:x", ""},                 /* a trailing space */
    {"1 urn:x\tb", 1, -1, "urn:x\tb", ""},            /* a field ends only at a space */
    {"1 urn:x b", 1, -1, "urn:x", "b"},
    {"1/sendonly urn:x", 1, SDPX_DIR_SENDONLY, "urn:x", ""},
};

START_TEST(extmap_edge_shapes)
{
    const extmap_case *c = &extmap_edges[_i];
    sdpx_extmap e;
    expect_extmap(c, &e);
    unsigned col = 0;
    ck_assert_int_eq(strict_check("extmap", c->value, &col), 0);
}
END_TEST

/* ---- rtcp ---- */

START_TEST(rtcp_decodes)
{
    sdpx_rtcp r;
    char buf[64];
    /* RFC 3605 2.1 example */
    ck_assert_int_eq(sdpx_rtcp_parse(STR_VIEW("53020 IN IP4 126.16.64.4"), &r), 0);
    ck_assert_uint_eq(r.port, 53020);
    ck_assert_int_eq(r.has_address, 1);
    ck_assert_str_view(r.nettype, "IN");
    ck_assert_str_view(r.addrtype, "IP4");
    ck_assert_str_view(r.address, "126.16.64.4");
    ck_assert_int_eq(sdpx_rtcp_write(&r, buf, sizeof buf), 24);
    ck_assert_str_eq(buf, "53020 IN IP4 126.16.64.4");
    ck_assert_int_eq(sdpx_rtcp_parse(STR_VIEW("53020"), &r), 0);
    ck_assert_int_eq(r.has_address, 0);
    ck_assert_int_eq(sdpx_rtcp_write(&r, buf, sizeof buf), 5);
    ck_assert_str_eq(buf, "53020");
    ck_assert_int_eq(sdpx_rtcp_parse(STR_VIEW("9 IN IP6 2001:db8::8888"), &r), 0);
    ck_assert_str_view(r.address, "2001:db8::8888");
}
END_TEST

/* ---- direction ---- */

typedef struct {
    const char *session_dir; /* NULL: none */
    const char *media_dir[2];
    sdpx_direction want_session;
    sdpx_direction want[2];
} dir_case;

static const dir_case dir_cases[] = {
    {NULL, {NULL, NULL}, SDPX_DIR_SENDRECV, {SDPX_DIR_SENDRECV, SDPX_DIR_SENDRECV}},
    {"recvonly", {NULL, "sendonly"}, SDPX_DIR_RECVONLY, {SDPX_DIR_RECVONLY, SDPX_DIR_SENDONLY}},
    {NULL, {"inactive", NULL}, SDPX_DIR_SENDRECV, {SDPX_DIR_INACTIVE, SDPX_DIR_SENDRECV}},
    {"sendonly", {"sendrecv", NULL}, SDPX_DIR_SENDONLY, {SDPX_DIR_SENDRECV, SDPX_DIR_SENDONLY}},
};

START_TEST(direction_scoping)
{
    const dir_case *c = &dir_cases[_i];
    char text[512];
    int n = snprintf(text, sizeof text, "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n");
    if (c->session_dir)
        n += snprintf(text + n, sizeof text - (size_t)n, "a=%s\r\n", c->session_dir);
    for (int i = 0; i < 2; i++) {
        n += snprintf(text + n, sizeof text - (size_t)n, "m=audio 9 RTP/AVP 0\r\n");
        if (c->media_dir[i])
            n += snprintf(text + n, sizeof text - (size_t)n, "a=%s\r\n", c->media_dir[i]);
    }
    sdpx_session *s = parse_ok(text, SDPX_PARSE_STRICT);
    ck_assert_int_eq(sdpx_session_direction(s), c->want_session);
    ck_assert_int_eq(sdpx_media_direction(sdpx_session_media(s, 0)), c->want[0]);
    ck_assert_int_eq(sdpx_media_direction(sdpx_session_media(s, 1)), c->want[1]);
    sdpx_session_free(s);
}
END_TEST

START_TEST(direction_names)
{
    sdpx_direction d;
    ck_assert_int_eq(sdpx_direction_parse(STR_VIEW("recvonly"), &d), 0);
    ck_assert_int_eq(d, SDPX_DIR_RECVONLY);
    ck_assert_int_eq(sdpx_direction_parse(STR_VIEW("sendonly"), &d), 0);
    ck_assert_int_eq(d, SDPX_DIR_SENDONLY);
    ck_assert_int_eq(sdpx_direction_parse(STR_VIEW("SENDONLY"), &d), SDPX_EVALUE);
    ck_assert_int_eq(sdpx_direction_parse(STR_VIEW(""), &d), SDPX_EVALUE);
    ck_assert_str_eq(sdpx_direction_name(SDPX_DIR_INACTIVE), "inactive");
    ck_assert_str_eq(sdpx_direction_name(SDPX_DIR_SENDRECV), "sendrecv");
    ck_assert_ptr_null(sdpx_direction_name((sdpx_direction)7));
}
END_TEST

START_TEST(extmap_scoping)
{
    /* RFC 8285 7: session-level extmaps apply where a section has none */
    sdpx_session *s = parse_ok("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                               "a=extmap:1 urn:a\r\na=extmap:2 urn:b\r\n"
                               "m=audio 9 RTP/AVP 0\r\n"
                               "m=video 9 RTP/AVP 96\r\na=extmap:5 urn:c\r\n",
                               SDPX_PARSE_STRICT);
    const sdpx_media *a = sdpx_session_media(s, 0), *v = sdpx_session_media(s, 1);
    sdpx_extmap e;
    const sdpx_line *l = sdpx_media_extmap_next(a, NULL);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(sdpx_extmap_parse(sdpx_attr_value(l), &e), 0);
    ck_assert_uint_eq(e.id, 1);
    l = sdpx_media_extmap_next(a, l);
    ck_assert_int_eq(sdpx_extmap_parse(sdpx_attr_value(l), &e), 0);
    ck_assert_uint_eq(e.id, 2);
    ck_assert_ptr_null(sdpx_media_extmap_next(a, l));
    l = sdpx_media_extmap_next(v, NULL);
    ck_assert_int_eq(sdpx_extmap_parse(sdpx_attr_value(l), &e), 0);
    ck_assert_uint_eq(e.id, 5);
    ck_assert_ptr_null(sdpx_media_extmap_next(v, l));
    sdpx_session_free(s);
}
END_TEST

/* ---- ptime, maxptime, framerate, quality ---- */

typedef struct {
    const char *value;
    uint64_t num, den;
} dec_case;

static const dec_case dec_good[] = {
    {"20", 20, 1}, {"29.97", 2997, 100}, {"0.125", 125, 1000}, {"30.0", 300, 10},
    {"15.000000", 15000000, 1000000}, {"1", 1, 1}, {"1.05", 105, 100},
};

START_TEST(decimal_decodes)
{
    const dec_case *c = &dec_good[_i];
    sdpx_decimal d;
    ck_assert_int_eq(sdpx_decimal_parse(view_of(c->value), &d), 0);
    ck_assert_uint_eq(d.num, c->num);
    ck_assert_uint_eq(d.den, c->den);
    char buf[32];
    ck_assert_int_eq(sdpx_decimal_write(&d, buf, sizeof buf), (int)strlen(c->value));
    ck_assert_str_eq(buf, c->value);
}
END_TEST

static const char *const dec_bad[] = {"0", "0.0", "0S", "", "20ms", ".5", "5.", "1.2.3", "-1",
                                      "99999999999999999999999"};

START_TEST(decimal_rejects)
{
    sdpx_decimal d;
    ck_assert_int_eq(sdpx_decimal_parse(view_of(dec_bad[_i]), &d), SDPX_EVALUE);
    unsigned col;
    ck_assert_int_eq(strict_check("ptime", dec_bad[_i], &col), SDPX_EVALUE);
    ck_assert_uint_eq(col, 9);
    ck_assert_int_eq(strict_check("framerate", dec_bad[_i], &col), SDPX_EVALUE);
    ck_assert_uint_eq(col, 13);
}
END_TEST

START_TEST(quality_values)
{
    unsigned q;
    ck_assert_int_eq(sdpx_quality_parse(STR_VIEW("10"), &q), 0);
    ck_assert_uint_eq(q, 10);
    ck_assert_int_eq(sdpx_quality_parse(STR_VIEW("0"), &q), 0);
    ck_assert_uint_eq(q, 0);
    ck_assert_int_eq(sdpx_quality_parse(STR_VIEW("11"), &q), SDPX_EVALUE);
    ck_assert_int_eq(sdpx_quality_parse(STR_VIEW("x"), &q), SDPX_EVALUE);
    unsigned col;
    ck_assert_int_eq(strict_check("quality", "11", &col), SDPX_EVALUE);
    ck_assert_uint_eq(col, 11);
    ck_assert_int_eq(strict_check("quality", "5", &col), 0);
}
END_TEST

/* Property attributes of the family take no value. */
static const char *const properties[] = {"rtcp-mux", "rtcp-mux-only", "rtcp-rsize",
                                         "extmap-allow-mixed", "sendrecv", "sendonly",
                                         "recvonly", "inactive"};

START_TEST(properties_take_no_value)
{
    unsigned col;
    ck_assert_int_eq(strict_check(properties[_i], "x", &col), SDPX_EVALUE);
    char text[256];
    snprintf(text, sizeof text, "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                                "m=audio 9 RTP/AVP 0\r\na=%s\r\n", properties[_i]);
    sdpx_session *s = parse_ok(text, SDPX_PARSE_STRICT);
    sdpx_session_free(s);
}
END_TEST

START_TEST(strict_parse_points_at_bad_token)
{
    const char *text = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                       "m=audio 9 RTP/AVP 0\r\na=rtpmap:130 opus/48000/2\r\n";
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = SDPX_PARSE_STRICT;
    sdpx_session *s = NULL;
    sdpx_error e;
    ck_assert_int_eq(sdpx_parse(text, strlen(text), &opt, &s, &e), SDPX_EVALUE);
    ck_assert_uint_eq(e.line, 6);
    ck_assert_uint_eq(e.col, 10);
    ck_assert_msg(strstr(e.msg, "\"130\"") != NULL, "message names the token: %s", e.msg);
}
END_TEST

#define N(a) (int)(sizeof(a) / sizeof((a)[0]))

int main(void)
{
    Suite *s = suite_create("attr_rtp");
    TCase *tc = tcase_create("rtp");
    tcase_add_loop_test(tc, rtpmap_decodes, 0, N(rtpmap_good));
    tcase_add_loop_test(tc, rtpmap_edge_shapes, 0, N(rtpmap_edges));
    tcase_add_loop_test(tc, rtcp_fb_edge_shapes, 0, N(fb_edges));
    tcase_add_loop_test(tc, rejects, 0, N(bad));
    tcase_add_test(tc, rtpmap_write_refuses_bad_fields);
    tcase_add_loop_test(tc, fmtp_decodes, 0, N(fmtp_good));
    tcase_add_test(tc, fmtp_lookup);
    tcase_add_loop_test(tc, fmtp_edge_shapes, 0, N(fmtp_edges));
    tcase_add_loop_test(tc, rtcp_fb_decodes, 0, N(fb_good));
    tcase_add_loop_test(tc, rtcp_fb_write_refuses, 0, N(fb_bad));
    tcase_add_loop_test(tc, extmap_decodes, 0, N(extmap_good));
    tcase_add_loop_test(tc, extmap_edge_shapes, 0, N(extmap_edges));
    tcase_add_test(tc, extmap_scoping);
    tcase_add_test(tc, rtcp_decodes);
    tcase_add_loop_test(tc, direction_scoping, 0, N(dir_cases));
    tcase_add_test(tc, direction_names);
    tcase_add_loop_test(tc, decimal_decodes, 0, N(dec_good));
    tcase_add_loop_test(tc, decimal_rejects, 0, N(dec_bad));
    tcase_add_test(tc, quality_values);
    tcase_add_loop_test(tc, properties_take_no_value, 0, N(properties));
    tcase_add_test(tc, strict_parse_points_at_bad_token);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
