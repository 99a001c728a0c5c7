/* Every known attribute of every valid corpus file must decode with its
 * typed decoder (sdpx_attr_validate), except the named files below. */
#include "testutil.h"

#include <dirent.h>

/* A value in the corpus that breaks its RFC grammar, accepted here by name. */
typedef struct {
    const char *file;
    sdpx_attr_kind kind;
    const char *why;
} exception;

static const exception exceptions[] = {
    /* RFC 8866 6.6: rtpmap needs <encoding name>/<clock rate> */
    {"sdp-transform__alac.sdp", SDPX_ATTR_RTPMAP, "\"96 AppleLossless\" has no clock rate"},
    {"resiprocate__testSdp-08.sdp", SDPX_ATTR_RTPMAP, "\"98 iLBC\" has no clock rate"},
    {"resiprocate__rfc4475-sdp01-body.sdp", SDPX_ATTR_RTPMAP,
     "RFC 4475 torture test: \"31 LPC\" has no clock rate"},
    {"gortsplib__session-multiple-formats-for-each-media-2.sdp", SDPX_ATTR_RTPMAP,
     "\"98 MetaData\" has no clock rate"},
    {"gortsplib__issue-gortsplib-1068-BZBGEAR-BG-VPTZ-10HSU3.sdp", SDPX_ATTR_RTPMAP,
     "camera sends \"123 META /0\": a space in the encoding and no clock rate"},
    {"libwebrtc__kSdpStringWithStream1And2PlanB.sdp", SDPX_ATTR_RTPMAP,
     "\"120 VP8/0\": a clock rate of 0 Hz"},
    {"libwebrtc__kSdpStringWithStream1And2UnifiedPlan.sdp", SDPX_ATTR_RTPMAP,
     "\"120 VP8/0\": a clock rate of 0 Hz"},
    /* RFC 8866 6.15: fmtp needs format parameters */
    {"retina__ubiquiti_sdp.sdp", SDPX_ATTR_FMTP, "camera sends \"a=fmtp:96\" with no parameters"},
    {"resiprocate__testSdp-18.sdp", SDPX_ATTR_FMTP, "a bare \"a=fmtp\" with no value"},
    /* RFC 8866 6.8: framerate is a non-zero number */
    {"retina__h264dvr_describe.sdp", SDPX_ATTR_FRAMERATE, "camera sends \"a=framerate:0S\""},
    {"retina__ipcam_describe.sdp", SDPX_ATTR_FRAMERATE, "camera sends \"a=framerate:0S\""},
    /* RFC 5576 4.1: SSRCs are 32-bit */
    {"lib-jitsi-meet__simulcastRtxSdpTrackReplaced.sdp", SDPX_ATTR_SSRC,
     "test data uses SSRCs over 2^32 (5678901234)"},
    {"lib-jitsi-meet__simulcastRtxSdpTrackReplaced.sdp", SDPX_ATTR_SSRC_GROUP,
     "test data uses SSRCs over 2^32 (5678901234)"},
    /* RFC 8830 2: msid-id = 1*64token-char; ':' and '/' are not token chars */
    {"libwebrtc__RollbackPreservesAddTrackMid.sdp", SDPX_ATTR_MSID, "stream id holds ':'"},
    {"libwebrtc__RollbackPreservesAddTrackMid.sdp", SDPX_ATTR_MSID_SEMANTIC, "stream id holds ':'"},
    {"werift__issue-141-offer.sdp", SDPX_ATTR_MSID, "stream id holds '/'"},
    {"werift__issue-141-offer.sdp", SDPX_ATTR_MSID_SEMANTIC, "stream id holds '/'"},
    {"werift__issue-142-answer.sdp", SDPX_ATTR_MSID, "stream id holds '/'"},
    {"werift__issue-142-answer.sdp", SDPX_ATTR_MSID_SEMANTIC, "stream id holds '/'"},
    /* RFC 8839 5.4: ice-ufrag and ice-pwd are ice-chars (no "_"), pwd 22+ long;
     * libwebrtc's test data uses "ufrag_voice" / "pwd_voice" */
    {"libwebrtc-fuzzer-corpus__unittest-1.sdp", SDPX_ATTR_ICE_UFRAG, "ufrag_voice"},
    {"libwebrtc-fuzzer-corpus__unittest-1.sdp", SDPX_ATTR_ICE_PWD, "pwd_voice"},
    {"libwebrtc-fuzzer-corpus__unittest-2.sdp", SDPX_ATTR_ICE_UFRAG, "ufrag_voice"},
    {"libwebrtc-fuzzer-corpus__unittest-2.sdp", SDPX_ATTR_ICE_PWD, "pwd_voice"},
    {"libwebrtc-fuzzer-corpus__unittest-8.sdp", SDPX_ATTR_ICE_UFRAG, "ufrag_voice"},
    {"libwebrtc-fuzzer-corpus__unittest-8.sdp", SDPX_ATTR_ICE_PWD, "pwd_voice"},
    {"libwebrtc-fuzzer-corpus__unittest-9.sdp", SDPX_ATTR_ICE_UFRAG, "ufrag_voice"},
    {"libwebrtc-fuzzer-corpus__unittest-9.sdp", SDPX_ATTR_ICE_PWD, "pwd_voice"},
    {"libwebrtc__AttributeWithPartialMatchingNameIsIgnored.sdp", SDPX_ATTR_ICE_UFRAG, "ufrag_voice"},
    {"libwebrtc__AttributeWithPartialMatchingNameIsIgnored.sdp", SDPX_ATTR_ICE_PWD, "pwd_voice"},
    {"libwebrtc__IceCredentialsInCandidateStringIgnored.sdp", SDPX_ATTR_ICE_UFRAG, "ufrag_voice"},
    {"libwebrtc__IceCredentialsInCandidateStringIgnored.sdp", SDPX_ATTR_ICE_PWD, "pwd_voice"},
    {"libwebrtc__kBundleOnlySdpFullString.sdp", SDPX_ATTR_ICE_UFRAG, "ufrag_voice"},
    {"libwebrtc__kBundleOnlySdpFullString.sdp", SDPX_ATTR_ICE_PWD, "pwd_voice"},
    {"libwebrtc__kPlanBSdpFullString.sdp", SDPX_ATTR_ICE_UFRAG, "ufrag_voice"},
    {"libwebrtc__kPlanBSdpFullString.sdp", SDPX_ATTR_ICE_PWD, "pwd_voice"},
    {"libwebrtc__kSdpFullString.sdp", SDPX_ATTR_ICE_UFRAG, "ufrag_voice"},
    {"libwebrtc__kSdpFullString.sdp", SDPX_ATTR_ICE_PWD, "pwd_voice"},
    {"libwebrtc__kSdpString.sdp", SDPX_ATTR_ICE_UFRAG, "ufrag_voice"},
    {"libwebrtc__kSdpString.sdp", SDPX_ATTR_ICE_PWD, "pwd_voice"},
    {"libwebrtc__kUnifiedPlanSdpFullString.sdp", SDPX_ATTR_ICE_UFRAG, "ufrag_voice"},
    {"libwebrtc__kUnifiedPlanSdpFullString.sdp", SDPX_ATTR_ICE_PWD, "pwd_voice"},
    {"libwebrtc__kUnifiedPlanSdpFullStringNoSsrc.sdp", SDPX_ATTR_ICE_UFRAG, "ufrag_voice"},
    {"libwebrtc__kUnifiedPlanSdpFullStringNoSsrc.sdp", SDPX_ATTR_ICE_PWD, "pwd_voice"},
    {"libwebrtc__kUnifiedPlanSdpFullStringWithSpecialMsid.sdp", SDPX_ATTR_ICE_UFRAG, "ufrag_voice"},
    {"libwebrtc__kUnifiedPlanSdpFullStringWithSpecialMsid.sdp", SDPX_ATTR_ICE_PWD, "pwd_voice"},
    /* RFC 8839 5.1: a candidate starts with a 1-32 ice-char foundation */
    {"werift__issue-141-offer.sdp", SDPX_ATTR_CANDIDATE, "\"a=candidate: 1 udp ...\": empty foundation"},
    {"werift__issue-142-answer.sdp", SDPX_ATTR_CANDIDATE, "\"a=candidate: 1 udp ...\": empty foundation"},
    {"sipsorcery__CheckMediaFormatNegotiationUnitTest.sdp", SDPX_ATTR_CANDIDATE,
     "IPv6 address with a zone id (fe80::...%24)"},
    /* RFC 8839 5.1: srflx, prflx and relay candidates carry raddr and rport;
     * libwebrtc's test data writes relay candidates without them */
    {"libwebrtc-fuzzer-corpus__unittest-1.sdp", SDPX_ATTR_CANDIDATE, "relay without raddr/rport"},
    {"libwebrtc-fuzzer-corpus__unittest-8.sdp", SDPX_ATTR_CANDIDATE, "relay without raddr/rport"},
    {"libwebrtc-fuzzer-corpus__unittest-9.sdp", SDPX_ATTR_CANDIDATE, "relay without raddr/rport"},
    {"libwebrtc__kPlanBSdpFullString.sdp", SDPX_ATTR_CANDIDATE, "relay without raddr/rport"},
    {"libwebrtc__kSdpFullString.sdp", SDPX_ATTR_CANDIDATE, "relay without raddr/rport"},
    {"libwebrtc__kUnifiedPlanSdpFullString.sdp", SDPX_ATTR_CANDIDATE, "relay without raddr/rport"},
    {"libwebrtc__kUnifiedPlanSdpFullStringNoSsrc.sdp", SDPX_ATTR_CANDIDATE, "relay without raddr/rport"},
    /* indented lines (SDPX_W_INDENT) of a masking test: made-up ICE values */
    {"mozilla-webrtc-sdp__test_mask_sdp.sdp", SDPX_ATTR_ICE_PWD, "\"12340\" is 5 characters"},
    {"mozilla-webrtc-sdp__test_mask_sdp.sdp", SDPX_ATTR_REMOTE_CANDIDATES, "component id 0"},
    /* RFC 8839 5.6: ice-options are space-separated */
    {"sipsorcery__CheckMediaFormatNegotiationUnitTest.sdp", SDPX_ATTR_ICE_OPTIONS,
     "\"ice2,trickle\" separated by a comma"},
    /* RFC 5888 4: a mid is a token */
    {"sdp-transform__st2110-20.sdp", SDPX_ATTR_MID, "\"a=mid:secondary;\" ends with ';'"},
    /* RFC 8841 5: sctp-port needs a port */
    {"libwebrtc__SctpPortInUnsupportedContent.sdp", SDPX_ATTR_SCTP_PORT, "a bare \"a=sctp-port\""},
};

#define NEXC (sizeof exceptions / sizeof exceptions[0])

typedef struct {
    size_t decoded[SDPX_ATTR_KIND_COUNT];
    size_t excused[SDPX_ATTR_KIND_COUNT];
    size_t failed;
    size_t round_trips;
    size_t round_trip_failed;
    size_t files;
    size_t unparsed;
    size_t from_tokens; /* values decoded in files the parser refuses */
    int exc_used[NEXC];
    char first[512];
} tally;

static int excused(const char *file, sdpx_attr_kind kind, tally *t)
{
    for (size_t i = 0; i < NEXC; i++) {
        if (exceptions[i].kind == kind && !strcmp(exceptions[i].file, file)) {
            t->exc_used[i] = 1;
            return 1;
        }
    }
    return 0;
}

/* Re-encode a decoded value of the RTP, streams and simulcast families;
 * returns the encoder's answer, or -100 for kinds without an encoder here. */
static int reencode(sdpx_attr_kind k, sdpx_str v, char *buf, size_t cap)
{
    union {
        sdpx_rtpmap rtpmap;
        sdpx_fmtp fmtp;
        sdpx_rtcp_fb fb;
        sdpx_extmap extmap;
        sdpx_rtcp rtcp;
        sdpx_decimal dec;
        sdpx_ssrc ssrc;
        sdpx_ssrc_group group;
        sdpx_msid msid;
        sdpx_msid_semantic ms;
        sdpx_rid rid;
        sdpx_simulcast sc;
    } u;
    switch (k) {
    case SDPX_ATTR_RTPMAP:
        return sdpx_rtpmap_parse(v, &u.rtpmap) ? -1 : sdpx_rtpmap_write(&u.rtpmap, buf, cap);
    case SDPX_ATTR_FMTP:
        return sdpx_fmtp_parse(v, &u.fmtp) ? -1 : sdpx_fmtp_write(&u.fmtp, buf, cap);
    case SDPX_ATTR_RTCP_FB:
        return sdpx_rtcp_fb_parse(v, &u.fb) ? -1 : sdpx_rtcp_fb_write(&u.fb, buf, cap);
    case SDPX_ATTR_EXTMAP:
        return sdpx_extmap_parse(v, &u.extmap) ? -1 : sdpx_extmap_write(&u.extmap, buf, cap);
    case SDPX_ATTR_RTCP:
        return sdpx_rtcp_parse(v, &u.rtcp) ? -1 : sdpx_rtcp_write(&u.rtcp, buf, cap);
    case SDPX_ATTR_PTIME:
    case SDPX_ATTR_MAXPTIME:
    case SDPX_ATTR_FRAMERATE:
        return sdpx_decimal_parse(v, &u.dec) ? -1 : sdpx_decimal_write(&u.dec, buf, cap);
    case SDPX_ATTR_SSRC:
        return sdpx_ssrc_parse(v, &u.ssrc) ? -1 : sdpx_ssrc_write(&u.ssrc, buf, cap);
    case SDPX_ATTR_SSRC_GROUP:
        return sdpx_ssrc_group_parse(v, &u.group) ? -1 : sdpx_ssrc_group_write(&u.group, buf, cap);
    case SDPX_ATTR_MSID:
        return sdpx_msid_parse(v, &u.msid) ? -1 : sdpx_msid_write(&u.msid, buf, cap);
    case SDPX_ATTR_MSID_SEMANTIC:
        return sdpx_msid_semantic_parse(v, &u.ms) ? -1 : sdpx_msid_semantic_write(&u.ms, buf, cap);
    case SDPX_ATTR_RID:
        return sdpx_rid_parse(v, &u.rid) ? -1 : sdpx_rid_write(&u.rid, buf, cap);
    case SDPX_ATTR_SIMULCAST:
        return sdpx_simulcast_parse(v, &u.sc) ? -1 : sdpx_simulcast_write(&u.sc, buf, cap);
    default:
        return -100;
    }
}

static int contains(sdpx_str v, const char *sub)
{
    size_t n = strlen(sub);
    for (size_t i = 0; i + n <= v.len; i++)
        if (!memcmp(v.ptr + i, sub, n))
            return 1;
    return 0;
}

/* Canonical form: no space at either end, no two spaces in a row, no
 * draft-style "rid=" simulcast. encode(decode(v)) must give v back. */
static int canonical(sdpx_str v)
{
    if (!v.len || v.ptr[0] == ' ' || v.ptr[v.len - 1] == ' ')
        return 0;
    for (size_t i = 1; i < v.len; i++)
        if ((v.ptr[i] == ' ' && v.ptr[i - 1] == ' ') || v.ptr[i] == '\t')
            return 0;
    return !contains(v, "rid=") || contains(v, "pt=");
}

static void check_round_trip(const char *file, const sdpx_line *l, tally *t)
{
    char buf[4096];
    sdpx_str v = sdpx_attr_value(l);
    int n = reencode(sdpx_line_kind(l), v, buf, sizeof buf);
    if (n == -100 || !canonical(v))
        return;
    t->round_trips++;
    if (n != (int)v.len || memcmp(buf, v.ptr, v.len) != 0) {
        printf("ROUND TRIP %s:%u: \"%.*s\" came back as \"%s\"\n", file, sdpx_line_number(l),
               (int)v.len, v.ptr, n < 0 ? "(error)" : buf);
        t->round_trip_failed++;
    }
}

static void check_line(const char *file, const sdpx_line *l, tally *t)
{
    sdpx_attr_kind k = sdpx_line_kind(l);
    if (sdpx_line_type(l) != 'a' || k <= SDPX_ATTR_OTHER)
        return;
    sdpx_error e;
    if (sdpx_attr_validate(l, &e) == 0) {
        t->decoded[k]++;
        check_round_trip(file, l, t);
    } else if (excused(file, k, t)) {
        t->excused[k]++;
    } else {
        if (!t->failed)
            snprintf(t->first, sizeof t->first, "%s:%u:%u: %s", file, e.line, e.col, e.msg);
        printf("FAIL %s:%u:%u: %s\n", file, e.line, e.col, e.msg);
        t->failed++;
    }
}

/* The a= lines of a file the parser refuses: decode the RTP, streams and
 * simulcast attributes among them with their public decoders. */
static void check_tokens(const char *file, const char *buf, size_t len, tally *t)
{
    sdpx_tokenizer tz;
    sdpx_token tok;
    int rc;
    char out[4096];
    sdpx_tokenizer_init(&tz, buf, len);
    while ((rc = sdpx_tokenizer_next(&tz, &tok, NULL)) != 0) {
        if (rc < 0 || tok.type != 'a')
            continue;
        sdpx_str name, value;
        int has_value;
        sdpx_attr_split(tok.value, &name, &value, &has_value);
        sdpx_attr_kind k = sdpx_attr_kind_from_name(name);
        if (!has_value)
            continue;
        int n = reencode(k, value, out, sizeof out);
        if (n == -100)
            continue;
        if (n >= 0) {
            t->decoded[k]++;
            t->from_tokens++;
        } else if (excused(file, k, t)) {
            t->excused[k]++;
        } else {
            printf("FAIL %s:%u: a=%.*s does not decode\n", file, tok.line, (int)tok.value.len,
                   tok.value.ptr);
            if (!t->failed)
                snprintf(t->first, sizeof t->first, "%s:%u: a=%.*s", file, tok.line,
                         (int)tok.value.len, tok.value.ptr);
            t->failed++;
        }
    }
}

static void check_file(const char *dir, const char *name, tally *t)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    size_t len;
    char *buf = read_file(path, &len);
    ck_assert_msg(buf != NULL, "cannot read %s", path);
    sdpx_session *s = NULL;
    sdpx_error e;
    t->files++;
    if (sdpx_parse(buf, len, NULL, &s, &e)) {
        /* whether a file parses at all is test_corpus's concern; its lines
         * still go through this family's decoders, from the tokenizer */
        t->unparsed++;
        check_tokens(name, buf, len, t);
        free(buf);
        return;
    }
    for (size_t i = 0; i < sdpx_session_line_count(s); i++)
        check_line(name, sdpx_session_line(s, i), t);
    for (size_t m = 0; m < sdpx_session_media_count(s); m++) {
        const sdpx_media *md = sdpx_session_media(s, m);
        for (size_t i = 0; i < sdpx_media_line_count(md); i++)
            check_line(name, sdpx_media_line(md, i), t);
    }
    sdpx_session_free(s);
    free(buf);
}

START_TEST(every_known_attribute_decodes)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/valid", SDPX_CORPUS_DIR);
    DIR *d = opendir(dir);
    if (!d) {
        printf("SKIP corpus_attrs: no corpus at %s\n", dir);
        return;
    }
    static tally t;
    memset(&t, 0, sizeof t);
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t n = strlen(de->d_name);
        if (n > 4 && !strcmp(de->d_name + n - 4, ".sdp"))
            check_file(dir, de->d_name, &t);
    }
    closedir(d);
    printf("corpus_attrs: %zu files (%zu not parsed leniently; %zu RTP/streams/simulcast "
           "values of theirs decoded from the tokenizer)\n",
           t.files, t.unparsed, t.from_tokens);
    for (int k = SDPX_ATTR_OTHER + 1; k < SDPX_ATTR_KIND_COUNT; k++) {
        const char *name = sdpx_attr_kind_name((sdpx_attr_kind)k);
        if (name && (t.decoded[k] || t.excused[k]))
            printf("%s: %zu decoded%s%.0zu%s\n", name, t.decoded[k], t.excused[k] ? ", " : "",
                   t.excused[k], t.excused[k] ? " excused" : "");
    }
    printf("round trips of canonical RTP/streams/simulcast values: %zu, %zu differ\n",
           t.round_trips, t.round_trip_failed);
    fflush(stdout);
    ck_assert_msg(t.round_trip_failed == 0, "%zu values do not survive encode(decode(v))",
                  t.round_trip_failed);
    ck_assert_msg(t.files > 400, "expected the whole corpus, read %zu files", t.files);
    ck_assert_msg(t.failed == 0, "%zu attribute values do not decode; first: %s", t.failed,
                  t.first);
    /* a decoder that grew more lenient leaves an exception unused: say so, do not fail */
    for (size_t i = 0; i < NEXC; i++)
        if (!t.exc_used[i])
            printf("note: exception for %s (%s) is no longer needed\n", exceptions[i].file,
                   sdpx_attr_kind_name(exceptions[i].kind));
}
END_TEST

int main(void)
{
    if (!corpus_present())
        return 77; /* automake's SKIP: the corpus is not beside this tree */
    Suite *s = suite_create("corpus_attrs");
    TCase *tc = tcase_create("decode");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, every_known_attribute_decodes);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
