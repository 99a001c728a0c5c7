/* Corpus suite over the shared collection of real SDPs (path from the
 * build): every valid file parses and round-trips, every invalid file is
 * rejected in strict mode; the exceptions are named here with their reason. */
#include "testutil.h"

#include <dirent.h>

static const char *corpus = SDPX_CORPUS_DIR;

/* valid/ files the lenient parser rejects on purpose, and why. */
static const struct {
    const char *file;
    const char *why;
} valid_rejected[] = {
    {"gortsplib__issue-gortsplib-1025-undisclosed-cameras-ipv4.sdp", "c= with two fields (no addrtype)"},
    {"gortsplib__issue-gortsplib-1025-undisclosed-cameras-ipv6.sdp", "c= with two fields (no addrtype)"},
    {"gortsplib__issue-gortsplib-1068-BZBGEAR-BG-VPTZ-10HSU3.sdp", "first line is m=, not v=0"},
    {"gortsplib__issue-gortsplib-448-no-v-0-at-start.sdp", "first line is m=, not v=0"},
    {"gortsplib__issue-gortsplib-474-UDP-technology-cameras.sdp", "first line is m=, not v=0"},
    {"gortsplib__issue-mediamtx-121-empty-unicast-address.sdp", "o= with five fields"},
    {"gortsplib__issue-mediamtx-2762-Altasec-NVR.sdp", "o= with five fields"},
    {"gortsplib__issue-mediamtx-5008-Uniview-IPC2122LB-SF28K-A.sdp", "o= with four fields"},
    {"gortsplib__issue-mediamtx-75-LiveReporter-App.sdp", "o= with five fields (\"-0\")"},
    {"gortsplib__onvif-specification.sdp", "o= with five fields"},
    {"mozilla-webrtc-sdp__parse_firefox_simulcast_answer.sdp", "indented line (no type letter)"},
    {"mozilla-webrtc-sdp__test_mask_sdp.sdp", "indented lines (no type letter)"},
    {"pion-sdp__TestUnmarshalNonNilAddress.sdp", "c= with two fields"},
    {"pion-sdp__origin-incomplete-IPv6-missing-address.sdp", "o= with five fields"},
    {"pion-sdp__origin-incomplete-empty-address-field.sdp", "o= with five fields"},
    {"pion-sdp__origin-incomplete-missing-address-type-and-address.sdp", "o= with four fields"},
    {"pion-sdp__origin-incomplete-missing-unicast-address---Uniview-camera-case.sdp",
     "o= with five fields"},
    {"sipsorcery__ParseBadFormatBriaSDPUnitTest.sdp", "indented lines (no type letter)"},
    {"sipsorcery__ParseBriaSDPUnitTest.sdp", "first line is \"v=0o=- ...\" (two lines run together)"},
    {"sipsorcery__ParseMultipleMediaAnnouncementsUnitTest.sdp", "line \"mid:1\" without type letter"},
    {"sipsorcery__ParseTelephoneEventSDPUnitTest.sdp", "indented lines (no type letter)"},
};

/* invalid/ files strict mode accepts, and why (what it does not check yet). */
static const struct {
    const char *file;
    const char *why;
} invalid_accepted[] = {
    {"libwebrtc__DeserializeMsidAttributeWithDifferentTrackIds.sdp",
     "RFC 8830 2 allows several a=msid lines in one media section"},
    {"libwebrtc__DeserializeMsidAttributeWithMissingTrackId.sdp",
     "a trailing space after the msid stream id is tolerated: Firefox writes it"},
    {"libwebrtc__MediaTypeProtocolMismatch-video-unknown-proto.sdp",
     "RFC 8866 5.14 allows protocols it does not define (parser-specific rejection)"},
    {"mozilla-webrtc-sdp__example-12.sdp",
     "rtcp-fb values unknown to one parser are legal RFC 4585 extension tokens"},
    {"mozilla-webrtc-sdp__example-33.sdp",
     "a=imageattr (RFC 6236) value grammar is not decoded"},
    {"resiprocate__testSdp-06-evil-connection-count.sdp",
     "c= address count 2000000000 fits the grammar; the requirement is a quick clean parse"},
};

static const char *why_rejected(const char *file)
{
    for (size_t i = 0; i < sizeof valid_rejected / sizeof valid_rejected[0]; i++)
        if (!strcmp(valid_rejected[i].file, file))
            return valid_rejected[i].why;
    return NULL;
}

static const char *why_accepted(const char *file)
{
    for (size_t i = 0; i < sizeof invalid_accepted / sizeof invalid_accepted[0]; i++)
        if (invalid_accepted[i].file && !strcmp(invalid_accepted[i].file, file))
            return invalid_accepted[i].why;
    return NULL;
}

static int has_bare_cr(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] == '\r' && (i + 1 == n || p[i + 1] != '\n'))
            return 1;
    return 0;
}

/* The input with every line ending made CRLF and a final one added. */
static char *to_crlf(const char *p, size_t n, size_t *out_len)
{
    char *o = malloc(2 * n + 3);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\n' && (i == 0 || p[i - 1] != '\r'))
            o[k++] = '\r';
        o[k++] = p[i];
    }
    if (n && p[n - 1] != '\n') {
        o[k++] = '\r';
        o[k++] = '\n';
    }
    *out_len = k;
    return o;
}

typedef struct {
    int files, parsed, exact, normalized, rejected_named, strict_ok, keep_lf_exact;
} valid_stats;

static void check_valid_file(const char *dir, const char *name, valid_stats *st)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    size_t len;
    char *text = read_file(path, &len);
    ck_assert_msg(text != NULL, "cannot read %s", path);
    st->files++;
    sdpx_session *s;
    sdpx_error e;
    int rc = sdpx_parse(text, len, NULL, &s, &e);
    const char *why = why_rejected(name);
    if (why) {
        ck_assert_msg(rc != 0, "%s is listed as rejected (%s) but parses: update the list", name,
                      why);
        st->rejected_named++;
        free(text);
        return;
    }
    ck_assert_msg(rc == 0 || has_bare_cr(text, len), "%s: %s at %u:%u: %s", name,
                  sdpx_code_name(rc), e.line, e.col, e.msg);
    if (rc) { /* bare CR line endings: rejected by design (RFC 8866 5) */
        ck_assert_int_eq(rc, SDPX_ECR);
        st->rejected_named++;
        free(text);
        return;
    }
    st->parsed++;
    size_t n, elen;
    char *out = sdpx_write_alloc(s, 0, &n);
    char *expect = to_crlf(text, len, &elen);
    ck_assert_msg(n == elen && memcmp(out, expect, n) == 0, "%s: round trip differs", name);
    if (n == len && memcmp(out, text, len) == 0)
        st->exact++;
    else
        st->normalized++;
    sdpx_free(out);
    /* With KEEP_LF the output is the input itself (plus a final newline). */
    out = sdpx_write_alloc(s, SDPX_WRITE_KEEP_LF, &n);
    ck_assert_msg(n >= len && memcmp(out, text, len) == 0, "%s: KEEP_LF output differs", name);
    st->keep_lf_exact += n == len;
    sdpx_free(out);
    sdpx_session_free(s);
    sdpx_parse_options strict;
    memset(&strict, 0, sizeof strict);
    strict.flags = SDPX_PARSE_STRICT;
    if (sdpx_parse(text, len, &strict, &s, NULL) == 0) {
        st->strict_ok++;
        sdpx_session_free(s);
    }
    free(expect);
    free(text);
}

static DIR *open_corpus_dir(const char *sub, char *dir, size_t cap)
{
    snprintf(dir, cap, "%s/%s", corpus, sub);
    return opendir(dir);
}

START_TEST(test_valid_corpus)
{
    char dir[1024];
    DIR *d = open_corpus_dir("valid", dir, sizeof dir);
    if (!d) {
        printf("corpus: %s not found, corpus tests SKIPPED\n", dir);
        return;
    }
    valid_stats st = {0};
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        size_t n = strlen(ent->d_name);
        if (n > 4 && !strcmp(ent->d_name + n - 4, ".sdp"))
            check_valid_file(dir, ent->d_name, &st);
    }
    closedir(d);
    printf("corpus valid/: %d files, %d parsed (%d byte-exact, %d equal after LF->CRLF), "
           "%d rejected by design, %d also pass strict mode\n",
           st.files, st.parsed, st.exact, st.normalized, st.rejected_named, st.strict_ok);
    ck_assert_int_gt(st.files, 500);
    ck_assert_int_eq(st.parsed + st.rejected_named, st.files);
    /* the README's numbers: byte for byte with the default writer, and with KEEP_LF
     * (the rest gain CRLF endings, or the final line ending their last line lacked) */
    printf("corpus valid/: %d byte for byte with KEEP_LF\n", st.keep_lf_exact);
    ck_assert_int_eq(st.parsed, 502);
    ck_assert_int_eq(st.exact, 345);
    ck_assert_int_eq(st.keep_lf_exact, 458);
}
END_TEST

START_TEST(test_invalid_corpus)
{
    char dir[1024];
    DIR *d = open_corpus_dir("invalid", dir, sizeof dir);
    if (!d) {
        printf("corpus: %s not found, corpus tests SKIPPED\n", dir);
        return;
    }
    int files = 0, rejected = 0, accepted_named = 0;
    struct dirent *ent;
    sdpx_parse_options strict;
    memset(&strict, 0, sizeof strict);
    strict.flags = SDPX_PARSE_STRICT;
    while ((ent = readdir(d)) != NULL) {
        size_t n = strlen(ent->d_name);
        if (n <= 4 || strcmp(ent->d_name + n - 4, ".sdp"))
            continue;
        char path[1200];
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        size_t len;
        char *text = read_file(path, &len);
        ck_assert_ptr_nonnull(text);
        files++;
        sdpx_session *s;
        /* strict mode as `sdpx check --strict` applies it: grammar, then the
         * semantic cross-references */
        int rc = sdpx_parse(text, len, &strict, &s, NULL);
        if (rc == 0) {
            rc = sdpx_validate(s, NULL, NULL) > 0 ? SDPX_EVALUE : 0;
            sdpx_session_free(s);
        }
        const char *why = why_accepted(ent->d_name);
        if (rc != 0) {
            rejected++;
            ck_assert_msg(why == NULL, "%s is now rejected: remove it from the list", ent->d_name);
        } else {
            ck_assert_msg(why != NULL, "%s: accepted in strict mode but invalid", ent->d_name);
            accepted_named++;
        }
        free(text);
    }
    closedir(d);
    printf("corpus invalid/: %d files, %d rejected in strict mode, %d accepted (named)\n", files,
           rejected, accepted_named);
    ck_assert_int_gt(files, 100);
}
END_TEST

int main(void)
{
    if (!corpus_present())
        return 77; /* automake's SKIP: the corpus is not beside this tree */
    Suite *s = suite_create("corpus");
    TCase *tc = tcase_create("corpus");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_valid_corpus);
    tcase_add_test(tc, test_invalid_corpus);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
