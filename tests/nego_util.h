/* Shared by the negotiation suites: typical capabilities built as a plain
 * struct, fixed randomness, and an answer helper that checks the result. */
#ifndef SDPX_NEGO_UTIL_H
#define SDPX_NEGO_UTIL_H

#include "testutil.h"

/* A fixed random function: xorshift64 from a seed (tests are repeatable). */
static inline int fixed_random(void *ctx, void *buf, size_t len)
{
    uint64_t *st = ctx;
    unsigned char *p = buf;
    for (size_t i = 0; i < len; i++) {
        *st ^= *st << 13;
        *st ^= *st >> 7;
        *st ^= *st << 17;
        p[i] = (unsigned char)(*st >> 32);
    }
    return 0;
}

#define TEST_FINGERPRINT                                                                   \
    "sha-256 3B:2A:44:F5:6D:1E:9C:07:AB:52:C8:19:E0:7F:34:D6:88:A1:0B:5E:C2:96:4F:73:1D:E8:" \
    "60:B9:27:5A:CC:03"

enum {
    CAPS_TYPICAL = 0, /* opus (+RED, telephone-event), VP8 + H.264 42e01f with RTX, data, simulcast */
    CAPS_SIP,         /* PCMU, PCMA, telephone-event; no data */
    CAPS_RECVONLY,    /* typical, both kinds recvonly, no simulcast */
    CAPS_EXTRA,       /* typical plus VP9 profile 0, AV1, H.265, H.264 constrained high 640c1f */
    CAPS_AUDIO_ONLY,  /* opus alone, no data */
    CAPS_ICE_LITE,    /* typical with ice-lite */
    CAPS_TYPICAL_SIP_EVENTS /* PCMU and telephone-event without local fmtp */
};

static inline sdpx_caps_codec *caps_add(sdpx_caps_media *m, const char *enc, uint32_t clock,
                                        unsigned ch, unsigned pt, const char *fmtp, unsigned rtx)
{
    sdpx_caps_codec *c = &m->codecs[m->ncodecs++];
    memset(c, 0, sizeof *c);
    c->encoding = sdpx_str_from(enc);
    c->clock_rate = clock;
    c->channels = ch;
    c->payload_type = pt;
    c->fmtp = sdpx_str_from(fmtp);
    c->rtx_payload_type = rtx;
    return c;
}

static inline void caps_fb(sdpx_caps_codec *c, const char *const *fb)
{
    for (; *fb; fb++)
        c->rtcp_fb[c->nrtcp_fb++] = sdpx_str_from(*fb);
}

static inline void caps_ext(sdpx_caps_media *m, unsigned id, const char *uri)
{
    m->extmaps[m->nextmaps].id = id;
    m->extmaps[m->nextmaps].uri = sdpx_str_from(uri);
    m->nextmaps++;
}

static inline void make_caps(sdpx_caps *c, int which)
{
    static const char *const video_fb[] = {"goog-remb", "transport-cc", "ccm fir", "nack",
                                           "nack pli", NULL};
    static const char *const audio_fb[] = {"transport-cc", NULL};
    memset(c, 0, sizeof *c);
    c->fingerprint = sdpx_str_from(TEST_FINGERPRINT);
    sdpx_caps_media *a = &c->media[c->nmedia++];
    a->kind = sdpx_str_from("audio");
    if (which == CAPS_TYPICAL_SIP_EVENTS) {
        caps_add(a, "PCMU", 8000, 0, 0, "", 0);
        caps_add(a, "telephone-event", 8000, 0, 101, "", 0);
        return;
    }
    if (which == CAPS_SIP) {
        caps_add(a, "PCMU", 8000, 0, 0, "", 0);
        caps_add(a, "PCMA", 8000, 0, 8, "", 0);
        caps_add(a, "telephone-event", 8000, 0, 101, "0-15", 0);
        return;
    }
    caps_fb(caps_add(a, "opus", 48000, 2, 111, "minptime=10;useinbandfec=1", 0), audio_fb);
    if (which == CAPS_AUDIO_ONLY)
        return;
    caps_add(a, "red", 48000, 2, 63, "111/111", 0);
    caps_add(a, "telephone-event", 8000, 0, 126, "", 0);
    caps_ext(a, 1, "urn:ietf:params:rtp-hdrext:ssrc-audio-level");
    caps_ext(a, 4, "urn:ietf:params:rtp-hdrext:sdes:mid");
    sdpx_caps_media *v = &c->media[c->nmedia++];
    v->kind = sdpx_str_from("video");
    v->simulcast = which != CAPS_RECVONLY;
    caps_fb(caps_add(v, "VP8", 90000, 0, 96, "", 97), video_fb);
    caps_fb(caps_add(v, "H264", 90000, 0, 102,
                     "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f", 103),
            video_fb);
    if (which == CAPS_EXTRA) {
        caps_fb(caps_add(v, "VP9", 90000, 0, 98, "profile-id=0", 99), video_fb);
        caps_add(v, "AV1", 90000, 0, 45, "", 0);
        caps_add(v, "H265", 90000, 0, 49, "level-id=93;profile-id=1;tier-flag=0", 0);
        caps_add(v, "H264", 90000, 0, 104, "packetization-mode=1;profile-level-id=640c1f", 105);
    }
    caps_add(v, "red", 90000, 0, 116, "", 0);
    caps_add(v, "ulpfec", 90000, 0, 117, "", 0);
    caps_ext(v, 4, "urn:ietf:params:rtp-hdrext:sdes:mid");
    caps_ext(v, 10, "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id");
    caps_ext(v, 11, "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id");
    caps_ext(v, 3, "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01");
    if (which == CAPS_RECVONLY)
        a->direction = v->direction = SDPX_DIR_RECVONLY;
    c->data_channel = 1;
    c->ice_lite = which == CAPS_ICE_LITE;
}

typedef struct finding_list {
    int codes[64];
    char msgs[64][160];
    int n;
} finding_list;

static inline void collect(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    finding_list *f = ctx;
    (void)sev;
    if (f->n < 64) {
        f->codes[f->n] = e->code;
        snprintf(f->msgs[f->n], sizeof f->msgs[f->n], "%s", e->msg);
    }
    f->n++;
}

static inline int finding_has(const finding_list *f, int code)
{
    for (int i = 0; i < f->n && i < 64; i++)
        if (f->codes[i] == code)
            return 1;
    return 0;
}

/* Answer `offer` with fixed randomness (seed); on success check that the
 * answer validates and verifies clean, and return its text (free it). */
static inline char *answer_checked(const sdpx_session *offer, const sdpx_caps *caps,
                                   const sdpx_answer_options *opt_in, uint64_t seed, int *rc,
                                   sdpx_error *err)
{
    sdpx_answer_options opt;
    memset(&opt, 0, sizeof opt);
    if (opt_in)
        opt = *opt_in;
    opt.random = fixed_random;
    opt.random_ctx = &seed;
    sdpx_session *a = NULL;
    *rc = sdpx_answer_create(offer, caps, &opt, &a, err);
    if (*rc)
        return NULL;
    finding_list f;
    memset(&f, 0, sizeof f);
    char *text = sdpx_write_alloc(a, 0, NULL);
    ck_assert_ptr_nonnull(text);
    int nv = sdpx_validate(a, collect, &f);
    ck_assert_msg(nv == 0 && f.n == 0, "answer does not validate: %s\n%s", f.msgs[0], text);
    int nf = sdpx_answer_verify(offer, a, collect, &f);
    ck_assert_msg(nf == 0 && f.n == 0, "answer does not verify: %s\n%s", f.msgs[0], text);
    sdpx_session_free(a);
    return text;
}

#endif
