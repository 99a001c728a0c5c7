/* Semantic validation: each cross-reference rule, with the code, line and
 * column of every finding written by hand from the input. */
#include "testutil.h"

#define HEAD "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
/* ICE and DTLS parameters that satisfy the transport rules */
#define ICE "a=ice-ufrag:4ZcD\r\na=ice-pwd:2/1muCWoOi3uLifh0NuRHlQa\r\n"
#define DTLS "a=fingerprint:sha-256 75:74:5A:A6:A4:E5:52:F4:A7:67:4C:01:C7:EE:91:3F:21:3D:A2:E3:53:7B:6F:30:86:F2:30:AA:65:FB:04:24\r\na=setup:actpass\r\n"

typedef struct {
    int code;
    unsigned line, col;
} finding;

typedef struct {
    const char *name;
    const char *sdp;
    finding want[4]; /* in report order; code 0 ends the list */
} vcase;

static const vcase cases[] = {
    {"clean offer", HEAD ICE DTLS "a=group:BUNDLE a v\r\n"
                    "m=audio 9 UDP/TLS/RTP/SAVPF 111 97\r\na=mid:a\r\na=rtpmap:111 opus/48000/2\r\n"
                    "a=rtpmap:97 rtx/48000\r\na=fmtp:97 apt=111\r\na=rtcp-fb:* nack\r\n"
                    "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:v\r\na=rid:h send\r\na=rid:l send\r\n"
                    "a=simulcast:send h;~l\r\na=ssrc:1 cname:x\r\na=ssrc:2 cname:x\r\n"
                    "a=ssrc-group:FID 1 2\r\na=extmap:1 urn:a\r\na=extmap:2 urn:b\r\n"
                    "a=rtpmap:96 VP8/90000\r\n",
     {{0, 0, 0}}},
    {"rtpmap payload type not in m= line", HEAD "m=audio 9 RTP/AVP 0\r\na=rtpmap:8 PCMA/8000\r\n",
     {{SDPX_EV_PT_NOT_IN_MLINE, 6, 10}}},
    {"fmtp and rtcp-fb payload types not in m= line",
     HEAD "m=video 9 RTP/AVPF 96\r\na=fmtp:97 x=1\r\na=rtcp-fb:98 nack\r\na=rtcp-fb:* nack\r\n"
          "a=rtpmap:96 VP8/90000\r\n",
     {{SDPX_EV_PT_NOT_IN_MLINE, 6, 8}, {SDPX_EV_PT_NOT_IN_MLINE, 7, 11}}},
    {"apt names a missing type", HEAD "m=video 9 RTP/AVPF 96 97\r\na=fmtp:97 apt=100\r\na=rtpmap:96 VP8/90000\r\n"
                                "a=rtpmap:97 rtx/90000\r\n",
     {{SDPX_EV_APT_UNKNOWN, 6, 15}}},
    {"non-RTP formats are not payload types",
     HEAD "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n" DTLS "a=fmtp:5000 x=1\r\n",
     {{0, 0, 0}}},
    {"group names an unknown mid", HEAD "a=group:BUNDLE 0 1\r\nm=audio 9 RTP/AVP 0\r\na=mid:0\r\n",
     {{SDPX_EV_GROUP_MID_UNKNOWN, 5, 18}}},
    {"duplicate mid", HEAD "m=audio 9 RTP/AVP 0\r\na=mid:x\r\nm=audio 9 RTP/AVP 0\r\na=mid:x\r\n",
     {{SDPX_EV_MID_DUPLICATE, 8, 7}}},
    {"simulcast rid without a=rid",
     HEAD "m=video 9 RTP/AVPF 96\r\na=rid:h send\r\na=simulcast:send h;m\r\na=rtpmap:96 VP8/90000\r\n",
     {{SDPX_EV_SIMULCAST_RID_UNKNOWN, 7, 20}}},
    {"simulcast direction differs from rid's",
     HEAD "m=video 9 RTP/AVPF 96\r\na=rid:h recv\r\na=simulcast:send ~h\r\na=rtpmap:96 VP8/90000\r\n",
     {{SDPX_EV_SIMULCAST_RID_DIRECTION, 7, 19}}},
    {"draft simulcast form checked too",
     HEAD "m=video 9 RTP/AVPF 96\r\na=rid:a send\r\na=simulcast: send rid=a;b paused=b\r\n"
          "a=rtpmap:96 VP8/90000\r\n",
     {{SDPX_EV_SIMULCAST_RID_UNKNOWN, 7, 25}}},
    {"rid pt not in m= line and duplicate rid",
     HEAD "m=video 9 RTP/AVPF 96 97\r\na=rid:h send pt=97,98\r\na=rid:h send\r\n"
          "a=rtpmap:96 VP8/90000\r\na=rtpmap:97 VP8/90000\r\n",
     {{SDPX_EV_RID_PT_UNKNOWN, 6, 20}, {SDPX_EV_RID_DUPLICATE, 7, 7}}},
    {"ssrc-group member without a=ssrc",
     HEAD "m=video 9 RTP/AVPF 96\r\na=ssrc:1 cname:x\r\na=ssrc-group:FID 1 2\r\na=rtpmap:96 VP8/90000\r\n",
     {{SDPX_EV_SSRC_GROUP_MEMBER, 7, 20}}},
    {"rtpmap twice for one payload type",
     HEAD "m=audio 9 RTP/AVP 108\r\na=rtpmap:108 ISAC/16000\r\na=rtpmap:108 opus/48000/2\r\n",
     {{SDPX_EV_RTPMAP_DUPLICATE, 7, 10}}},
    {"ssrc-group lists an SSRC twice",
     HEAD "m=video 9 RTP/AVPF 96\r\na=ssrc:1 cname:x\r\na=ssrc-group:FID 1 1\r\na=rtpmap:96 VP8/90000\r\n",
     {{SDPX_EV_SSRC_GROUP_DUPLICATE, 7, 18}}},
    /* RFC 8866 6.6: a dynamic payload type needs an rtpmap; static ones do not */
    {"dynamic payload type without rtpmap", HEAD "m=audio 9 RTP/AVP 0 96 101\r\na=rtpmap:101 telephone-event/8000\r\n",
     {{SDPX_EV_PT_NO_RTPMAP, 5, 21}}},
    {"rejected section needs no rtpmap", HEAD "m=video 0 RTP/AVP 96\r\nm=video 0 RTP/AVP 97\r\na=bundle-only\r\n",
     {{SDPX_EV_PT_NO_RTPMAP, 6, 19}}},
    /* RFC 8866 6.7: one direction attribute per level */
    {"two direction attributes", HEAD "a=sendrecv\r\nm=audio 9 RTP/AVP 0\r\na=sendonly\r\na=inactive\r\n",
     {{SDPX_EV_DIRECTION_DUPLICATE, 8, 3}}},
    {"two direction attributes at session level", HEAD "a=recvonly\r\na=recvonly\r\n",
     {{SDPX_EV_DIRECTION_DUPLICATE, 6, 3}}},
    /* well-known codec parameters (RFC 7587, 6184, 7741, 4588, 2198, 4733) */
    {"codec parameters",
     HEAD "m=audio 9 RTP/AVP 111 63 101\r\na=rtpmap:111 opus/48000/2\r\n"
          "a=fmtp:111 minptime=10;useinbandfec=2\r\na=rtpmap:63 red/48000/2\r\na=fmtp:63 111/128\r\n"
          "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15,66,9-3\r\n",
     {{SDPX_EV_FMTP_VALUE, 7, 37}, {SDPX_EV_FMTP_VALUE, 9, 11}, {SDPX_EV_FMTP_VALUE, 11, 12}}},
    {"video codec parameters",
     HEAD "m=video 9 RTP/AVPF 96 97 98 99\r\na=rtpmap:96 H264/90000\r\n"
          "a=fmtp:96 profile-level-id=42e01;packetization-mode=1\r\na=rtpmap:97 rtx/90000\r\n"
          "a=fmtp:97 apt=96;rtx-time=x\r\na=rtpmap:98 VP8/90000\r\na=fmtp:98 max-fs=0\r\n"
          "a=rtpmap:99 H264/90000\r\na=fmtp:99 sprop-parameter-sets=Z0IAH5Wo,aM4=;packetization-mode=3\r\n",
     {{SDPX_EV_FMTP_VALUE, 7, 28}, {SDPX_EV_FMTP_VALUE, 9, 27}, {SDPX_EV_FMTP_VALUE, 11, 18},
      {SDPX_EV_FMTP_VALUE, 13, 65}}},
    {"codec parameters within their RFCs",
     HEAD "m=audio 9 RTP/AVP 111 63 101 96\r\na=rtpmap:111 opus/48000/2\r\n"
          "a=fmtp:111 minptime=10;useinbandfec=1;stereo=0;maxplaybackrate=16000;x-unknown=7\r\n"
          "a=rtpmap:63 red/48000/2\r\na=fmtp:63 111/111\r\na=rtpmap:101 telephone-event/8000\r\n"
          "a=fmtp:101 0-16\r\na=rtpmap:96 H264/90000\r\n"
          "a=fmtp:96 profile-level-id=42E01f;packetization-mode=0;sprop-parameter-sets=Z0IAH5Wo,aM4=\r\n",
     {{0, 0, 0}}},
    {"extmap id used twice",
     HEAD "a=extmap:3 urn:s\r\na=extmap:3 urn:t\r\nm=audio 9 RTP/AVP 0\r\n"
          "a=extmap:1 urn:a\r\na=extmap:2 urn:b\r\na=extmap:1/sendonly urn:c\r\n",
     {{SDPX_EV_EXTMAP_DUPLICATE, 6, 10}, {SDPX_EV_EXTMAP_DUPLICATE, 10, 10}}},
    {"DTLS section without fingerprint and setup", HEAD "m=audio 9 UDP/TLS/RTP/SAVPF 0\r\n",
     {{SDPX_EV_NO_FINGERPRINT, 5, 1}, {SDPX_EV_NO_SETUP, 5, 1}}},
    {"DTLS parameters from the session level",
     HEAD DTLS "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n", {{0, 0, 0}}},
    {"DTLS parameters from the BUNDLE-tagged section",
     HEAD "a=group:BUNDLE a b\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\na=mid:a\r\n" DTLS
          "m=audio 9 UDP/TLS/RTP/SAVPF 0\r\na=mid:b\r\n",
     {{0, 0, 0}}},
    {"port 0 needs no transport", HEAD "m=audio 0 UDP/TLS/RTP/SAVPF 0\r\n", {{0, 0, 0}}},
    {"ICE in use, section without credentials",
     HEAD "m=audio 9 RTP/AVP 0\r\n" ICE "m=audio 9 RTP/AVP 0\r\n",
     {{SDPX_EV_NO_ICE_UFRAG, 8, 1}, {SDPX_EV_NO_ICE_PWD, 8, 1}}},
    {"ICE credentials too short",
     HEAD "a=ice-ufrag:abc\r\na=ice-pwd:short\r\nm=audio 9 RTP/AVP 0\r\n",
     {{SDPX_EV_ICE_UFRAG_LENGTH, 5, 13}, {SDPX_EV_ICE_PWD_LENGTH, 6, 11}}},
    {"ICE ufrag with a non-ice-char",
     HEAD "m=audio 9 RTP/AVP 0\r\na=ice-ufrag:ab_cd\r\na=ice-pwd:2/1muCWoOi3uLifh0NuRHlQa\r\n",
     {{SDPX_EV_ICE_UFRAG_LENGTH, 6, 13}}},
};

typedef struct {
    finding got[8];
    int n;
    char msgs[8][160];
} collected;

static void collect(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    collected *c = ctx;
    ck_assert_int_eq(sev, SDPX_SEV_ERROR);
    if (c->n < 8) {
        c->got[c->n].code = e->code;
        c->got[c->n].line = e->line;
        c->got[c->n].col = e->col;
        snprintf(c->msgs[c->n], sizeof c->msgs[0], "%s", e->msg);
    }
    c->n++;
}

START_TEST(validate_cases)
{
    const vcase *c = &cases[_i];
    sdpx_session *s = parse_ok(c->sdp, 0);
    collected got;
    memset(&got, 0, sizeof got);
    int n = sdpx_validate(s, collect, &got);
    int want = 0;
    while (want < 4 && c->want[want].code)
        want++;
    for (int i = 0; i < got.n && i < 8; i++)
        printf("%s: %s %u:%u %s\n", c->name, sdpx_code_name(got.got[i].code), got.got[i].line,
               got.got[i].col, got.msgs[i]);
    ck_assert_msg(n == want, "%s: %d findings, want %d", c->name, n, want);
    ck_assert_int_eq(got.n, n);
    for (int i = 0; i < want; i++) {
        ck_assert_msg(got.got[i].code == c->want[i].code, "%s: finding %d is %s, want %s",
                      c->name, i, sdpx_code_name(got.got[i].code), sdpx_code_name(c->want[i].code));
        ck_assert_msg(got.got[i].line == c->want[i].line && got.got[i].col == c->want[i].col,
                      "%s: finding %d at %u:%u, want %u:%u", c->name, i, got.got[i].line,
                      got.got[i].col, c->want[i].line, c->want[i].col);
        ck_assert_msg(got.msgs[i][0] != '\0', "%s: finding %d has no message", c->name, i);
    }
    /* without a callback the findings are only counted */
    ck_assert_int_eq(sdpx_validate(s, NULL, NULL), want);
    sdpx_session_free(s);
}
END_TEST

/* Every validation code has a name and a message of its own. */
static const int ev_codes[] = {
    SDPX_EV_PT_NOT_IN_MLINE, SDPX_EV_APT_UNKNOWN, SDPX_EV_GROUP_MID_UNKNOWN,
    SDPX_EV_MID_DUPLICATE, SDPX_EV_SIMULCAST_RID_UNKNOWN, SDPX_EV_SIMULCAST_RID_DIRECTION,
    SDPX_EV_RID_PT_UNKNOWN, SDPX_EV_RID_DUPLICATE, SDPX_EV_SSRC_GROUP_MEMBER,
    SDPX_EV_EXTMAP_DUPLICATE, SDPX_EV_NO_FINGERPRINT, SDPX_EV_NO_SETUP, SDPX_EV_NO_ICE_UFRAG,
    SDPX_EV_NO_ICE_PWD, SDPX_EV_ICE_UFRAG_LENGTH, SDPX_EV_ICE_PWD_LENGTH,
    SDPX_EV_RTPMAP_DUPLICATE, SDPX_EV_SSRC_GROUP_DUPLICATE,
};

START_TEST(codes_are_named)
{
    int code = ev_codes[_i];
    ck_assert_int_eq(code, -100 - _i); /* stable numbers, a block from -100 */
    ck_assert_str_ne(sdpx_code_name(code), "SDPX_UNKNOWN_CODE");
    ck_assert_str_eq(strstr(sdpx_code_name(code), "SDPX_EV_"), sdpx_code_name(code));
    ck_assert_str_ne(sdpx_strerror(code), "unknown error code");
    for (int j = 0; j < _i; j++)
        ck_assert_str_ne(sdpx_strerror(ev_codes[j]), sdpx_strerror(code));
}
END_TEST

START_TEST(example_offer_is_clean)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/examples/offer.sdp", SDPX_SRCDIR);
    size_t len;
    char *buf = read_file(path, &len);
    ck_assert_msg(buf != NULL, "cannot read %s", path);
    sdpx_session *s = NULL;
    ck_assert_int_eq(sdpx_parse(buf, len, NULL, &s, NULL), 0);
    ck_assert_int_eq(sdpx_validate(s, NULL, NULL), 0);
    sdpx_session_free(s);
    free(buf);
}
END_TEST

/* The strict check includes the semantic pass: a description whose lines
 * each follow the strict grammar but which names a mid twice fails
 * sdpx_check(SDPX_PARSE_STRICT) with SDPX_EV_MID_DUPLICATE; the lenient
 * check has nothing to say. */
START_TEST(strict_check_runs_semantic_pass)
{
    const char *text = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n"
                       "m=audio 9 RTP/AVP 0\r\na=mid:a\r\n"
                       "m=audio 9 RTP/AVP 0\r\na=mid:a\r\n";
    collected got;
    memset(&got, 0, sizeof got);
    ck_assert_int_eq(sdpx_check(text, strlen(text), SDPX_PARSE_STRICT, collect, &got), 1);
    ck_assert_int_eq(got.n, 1);
    ck_assert_int_eq(got.got[0].code, SDPX_EV_MID_DUPLICATE);
    ck_assert_uint_eq(got.got[0].line, 8);
    memset(&got, 0, sizeof got);
    ck_assert_int_eq(sdpx_check(text, strlen(text), 0, collect, &got), 0);
    ck_assert_int_eq(got.n, 0);
}
END_TEST

#define N(a) (int)(sizeof(a) / sizeof((a)[0]))

int main(void)
{
    Suite *s = suite_create("validate");
    TCase *tc = tcase_create("validate");
    tcase_add_loop_test(tc, validate_cases, 0, N(cases));
    tcase_add_loop_test(tc, codes_are_named, 0, N(ev_codes));
    tcase_add_test(tc, example_offer_is_clean);
    tcase_add_test(tc, strict_check_runs_semantic_pass);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
