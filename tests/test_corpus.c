/* Corpus suite over the shared collection of real SDPs (path from the
 * build): every valid file parses and round-trips, every invalid file is
 * rejected in strict mode; the exceptions are named here with their reason. */
#include "testutil.h"

#include <dirent.h>

static const char *corpus = SDPX_CORPUS_DIR;

/* valid/ files that need a grammar quirk (each reported with its own
 * warning code) and what the quirk is. They were rejected before the quirks
 * had names; now every valid/ file parses. */
static const struct {
    const char *file;
    int warning;
} valid_quirky[] = {
    {"gortsplib__issue-gortsplib-1025-undisclosed-cameras-ipv4.sdp", SDPX_W_CONNECTION_FIELDS},
    {"gortsplib__issue-gortsplib-1025-undisclosed-cameras-ipv6.sdp", SDPX_W_CONNECTION_FIELDS},
    {"gortsplib__issue-gortsplib-1068-BZBGEAR-BG-VPTZ-10HSU3.sdp", SDPX_W_NO_VERSION},
    {"gortsplib__issue-gortsplib-448-no-v-0-at-start.sdp", SDPX_W_NO_VERSION},
    {"gortsplib__issue-gortsplib-474-UDP-technology-cameras.sdp", SDPX_W_NO_VERSION},
    {"gortsplib__issue-mediamtx-121-empty-unicast-address.sdp", SDPX_W_ORIGIN_FIELDS},
    {"gortsplib__issue-mediamtx-2762-Altasec-NVR.sdp", SDPX_W_ORIGIN_FIELDS},
    {"gortsplib__issue-mediamtx-5008-Uniview-IPC2122LB-SF28K-A.sdp", SDPX_W_ORIGIN_FIELDS},
    {"gortsplib__issue-mediamtx-75-LiveReporter-App.sdp", SDPX_W_ORIGIN_FIELDS},
    {"gortsplib__onvif-specification.sdp", SDPX_W_ORIGIN_FIELDS},
    {"mozilla-webrtc-sdp__parse_firefox_simulcast_answer.sdp", SDPX_W_INDENT},
    {"mozilla-webrtc-sdp__test_mask_sdp.sdp", SDPX_W_INDENT},
    {"pion-sdp__TestUnmarshalNonNilAddress.sdp", SDPX_W_CONNECTION_FIELDS},
    {"pion-sdp__origin-incomplete-IPv6-missing-address.sdp", SDPX_W_ORIGIN_FIELDS},
    {"pion-sdp__origin-incomplete-empty-address-field.sdp", SDPX_W_ORIGIN_FIELDS},
    {"pion-sdp__origin-incomplete-missing-address-type-and-address.sdp", SDPX_W_ORIGIN_FIELDS},
    {"pion-sdp__origin-incomplete-missing-unicast-address---Uniview-camera-case.sdp",
     SDPX_W_ORIGIN_FIELDS},
    {"sipsorcery__ParseBadFormatBriaSDPUnitTest.sdp", SDPX_W_INDENT},
    {"sipsorcery__ParseBriaSDPUnitTest.sdp", SDPX_W_VERSION_VALUE},
    {"sipsorcery__ParseMultipleMediaAnnouncementsUnitTest.sdp", SDPX_W_UNTYPED_LINE},
    {"sipsorcery__ParseTelephoneEventSDPUnitTest.sdp", SDPX_W_INDENT},
};

#define NQUIRKY (sizeof valid_quirky / sizeof valid_quirky[0])

static int quirk_of(const char *file)
{
    for (size_t i = 0; i < NQUIRKY; i++)
        if (!strcmp(valid_quirky[i].file, file))
            return valid_quirky[i].warning;
    return 0;
}

/* Collects the warning codes a parse reports. */
static void note_warning(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    unsigned *seen = ctx;
    if (sev == SDPX_SEV_WARNING && e->code > 0 && e->code <= SDPX_W_LAST)
        *seen |= SDPX_QUIRK(e->code);
}

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
    {"resiprocate__testSdp-06-evil-connection-count.sdp",
     "c= address count 2000000000 fits the grammar; the requirement is a quick clean parse"},
};

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

static const sdpx_profile profile_list[] = {SDPX_PROFILE_STRICT, SDPX_PROFILE_BROWSER,
                                            SDPX_PROFILE_SIP, SDPX_PROFILE_CAMERA};
#define NPROFILES (sizeof profile_list / sizeof profile_list[0])

typedef struct {
    int files, parsed, exact, normalized, rejected_cr, strict_ok, quirky, tidy_strict_ok;
    int keep_lf_exact;
    int profile_ok[NPROFILES];
} valid_stats;

static int parses_with(const char *text, size_t len, const sdpx_parse_options *opt)
{
    sdpx_session *s;
    if (sdpx_parse(text, len, opt, &s, NULL))
        return 0;
    sdpx_session_free(s);
    return 1;
}

static void check_valid_file(const char *dir, const char *name, valid_stats *st)
{
    char path[1300];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    size_t len;
    char *text = read_file(path, &len);
    ck_assert_msg(text != NULL, "cannot read %s", path);
    st->files++;
    sdpx_session *s;
    sdpx_error e;
    unsigned seen = 0;
    sdpx_parse_options lenient;
    memset(&lenient, 0, sizeof lenient);
    lenient.diag = note_warning;
    lenient.diag_ctx = &seen;
    int rc = sdpx_parse(text, len, &lenient, &s, &e);
    ck_assert_msg(rc == 0 || has_bare_cr(text, len), "%s: %s at %u:%u: %s", name,
                  sdpx_code_name(rc), e.line, e.col, e.msg);
    if (rc) { /* bare CR line endings: rejected by design (RFC 8866 5) */
        ck_assert_int_eq(rc, SDPX_ECR);
        st->rejected_cr++;
        free(text);
        return;
    }
    int quirk = quirk_of(name);
    if (quirk) {
        ck_assert_msg(seen & SDPX_QUIRK(quirk), "%s: no %s reported", name, sdpx_code_name(quirk));
        st->quirky++;
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
    /* The tidy writer's output parses again, with no blank, indented or
     * untyped line and no trailing space left. */
    out = sdpx_write_alloc(s, SDPX_WRITE_TIDY, &n);
    sdpx_session_free(s);
    unsigned tidy_seen = 0;
    lenient.diag_ctx = &tidy_seen;
    ck_assert_msg(sdpx_parse(out, n, &lenient, &s, NULL) == 0, "%s: tidy output does not parse", name);
    sdpx_session_free(s);
    ck_assert_msg(!(tidy_seen & (SDPX_QUIRK(SDPX_W_BLANK_LINE) | SDPX_QUIRK(SDPX_W_INDENT) |
                                 SDPX_QUIRK(SDPX_W_UNTYPED_LINE) | SDPX_QUIRK(SDPX_W_NO_FINAL_EOL) |
                                 SDPX_QUIRK(SDPX_W_LF))),
                  "%s: tidy output still has line quirks", name);
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = SDPX_PARSE_STRICT;
    if (parses_with(out, n, &opt))
        st->tidy_strict_ok++;
    sdpx_free(out);
    if (parses_with(text, len, &opt))
        st->strict_ok++;
    for (size_t i = 0; i < NPROFILES; i++) {
        memset(&opt, 0, sizeof opt);
        ck_assert_int_eq(sdpx_parse_options_profile(&opt, profile_list[i]), 0);
        st->profile_ok[i] += parses_with(text, len, &opt);
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
    printf("corpus valid/: %d files, %d parsed (%d byte-exact, %d equal after LF->CRLF; %d with "
           "a named quirk), %d rejected (bare CR endings), %d also pass strict mode, %d after "
           "SDPX_WRITE_TIDY\n",
           st.files, st.parsed, st.exact, st.normalized, st.quirky, st.rejected_cr, st.strict_ok,
           st.tidy_strict_ok);
    for (size_t i = 0; i < NPROFILES; i++)
        printf("corpus valid/: profile %s accepts %d\n", sdpx_profile_name(profile_list[i]),
               st.profile_ok[i]);
    ck_assert_int_gt(st.files, 500);
    ck_assert_int_eq(st.parsed + st.rejected_cr, st.files);
    ck_assert_int_eq(st.quirky, (int)NQUIRKY);
    /* the strict profile is strict mode; each wider profile takes at least as much */
    ck_assert_int_eq(st.profile_ok[0], st.strict_ok);
    ck_assert_int_le(st.profile_ok[0], st.profile_ok[2]);
    ck_assert_int_le(st.profile_ok[2], st.profile_ok[3]);
    ck_assert_int_le(st.strict_ok, st.tidy_strict_ok);
    /* the README's numbers: byte for byte with the default writer (the files made
     * of CRLF lines only), and with KEEP_LF (the files whose last line has its
     * ending); the rest gain CRLF endings, or the final line ending they lacked */
    printf("corpus valid/: %d byte for byte, %d with KEEP_LF\n", st.exact, st.keep_lf_exact);
    ck_assert_int_eq(st.exact, 361);
    ck_assert_int_eq(st.keep_lf_exact, 476);
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
