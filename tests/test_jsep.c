/* The JSEP signaling state tracker: each row is a sequence of steps, each
 * with the code and state expected after it (RFC 9429 3.2, RFC 3264). */
#include "testutil.h"

#include <dirent.h>

/* A description: o= sess-id and version, a=setup for every section, the
 * BUNDLE mids (NULL: no group), and up to three sections "kind port mid". */
typedef struct {
    unsigned id, version;
    const char *setup;
    const char *bundle;
    const char *m[3];
} desc;

#define OFFER1 {1, 1, "actpass", "0 1", {"audio 9 0", "video 9 1"}}
#define OFFER1_AGAIN {1, 2, "actpass", "0 1", {"audio 9 0", "video 9 1"}}
#define ANSWER1 {7, 1, "active", "0 1", {"audio 9 0", "video 9 1"}}
#define ANSWER1_V2 {7, 2, "active", "0 1", {"audio 9 0", "video 9 1"}}

static sdpx_session *make(const desc *d)
{
    char text[2048];
    int n = snprintf(text, sizeof text, "v=0\r\no=- %u %u IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n",
                     d->id, d->version);
    if (d->bundle)
        n += snprintf(text + n, sizeof text - (size_t)n, "a=group:BUNDLE %s\r\n", d->bundle);
    for (size_t i = 0; i < 3 && d->m[i]; i++) {
        char kind[16], mid[16];
        unsigned port;
        ck_assert_int_eq(sscanf(d->m[i], "%15s %u %15s", kind, &port, mid), 3);
        /* port 1 stands for port 0 with a=bundle-only (RFC 8843 6) */
        n += snprintf(text + n, sizeof text - (size_t)n,
                      "m=%s %u UDP/TLS/RTP/SAVPF 0\r\na=mid:%s\r\na=setup:%s\r\n%s", kind,
                      port == 1 ? 0 : port, mid, d->setup, port == 1 ? "a=bundle-only\r\n" : "");
    }
    return parse_ok(text, 0);
}

typedef struct {
    int remote;
    sdpx_sdp_type type;
    desc d;
    int code;
    sdpx_jsep_state after;
} step;

typedef struct {
    const char *name;
    step steps[6];
} jsep_case;

#define L 0
#define R 1
#define NONE {0, 0, NULL, NULL, {NULL}}
#define OK 0

static const jsep_case cases[] = {
    {"local offer, remote answer",
     {{L, SDPX_SDP_OFFER, OFFER1, OK, SDPX_JSEP_HAVE_LOCAL_OFFER},
      {R, SDPX_SDP_ANSWER, ANSWER1, OK, SDPX_JSEP_STABLE}}},
    {"remote offer, local pranswer twice, local answer",
     {{R, SDPX_SDP_OFFER, OFFER1, OK, SDPX_JSEP_HAVE_REMOTE_OFFER},
      {L, SDPX_SDP_PRANSWER, ANSWER1, OK, SDPX_JSEP_HAVE_LOCAL_PRANSWER},
      {L, SDPX_SDP_PRANSWER, ANSWER1, OK, SDPX_JSEP_HAVE_LOCAL_PRANSWER},
      {L, SDPX_SDP_ANSWER, ANSWER1_V2, OK, SDPX_JSEP_STABLE}}},
    {"local offer, remote pranswer, remote answer",
     {{L, SDPX_SDP_OFFER, OFFER1, OK, SDPX_JSEP_HAVE_LOCAL_OFFER},
      {R, SDPX_SDP_PRANSWER, ANSWER1, OK, SDPX_JSEP_HAVE_REMOTE_PRANSWER},
      {L, SDPX_SDP_ANSWER, ANSWER1, SDPX_EJSEP_STATE, SDPX_JSEP_HAVE_REMOTE_PRANSWER},
      {R, SDPX_SDP_ANSWER, ANSWER1_V2, OK, SDPX_JSEP_STABLE}}},
    {"rollback of a local offer, then a remote one",
     {{L, SDPX_SDP_OFFER, OFFER1, OK, SDPX_JSEP_HAVE_LOCAL_OFFER},
      {L, SDPX_SDP_ROLLBACK, NONE, OK, SDPX_JSEP_STABLE},
      {R, SDPX_SDP_OFFER, OFFER1, OK, SDPX_JSEP_HAVE_REMOTE_OFFER},
      {R, SDPX_SDP_ROLLBACK, NONE, OK, SDPX_JSEP_STABLE}}},
    {"steps not allowed in stable",
     {{L, SDPX_SDP_ANSWER, ANSWER1, SDPX_EJSEP_STATE, SDPX_JSEP_STABLE},
      {R, SDPX_SDP_PRANSWER, ANSWER1, SDPX_EJSEP_STATE, SDPX_JSEP_STABLE},
      {L, SDPX_SDP_ROLLBACK, NONE, SDPX_EJSEP_STATE, SDPX_JSEP_STABLE}}},
    {"glare: a remote offer while a local one is pending",
     {{L, SDPX_SDP_OFFER, OFFER1, OK, SDPX_JSEP_HAVE_LOCAL_OFFER},
      {R, SDPX_SDP_OFFER, ANSWER1, SDPX_EJSEP_STATE, SDPX_JSEP_HAVE_LOCAL_OFFER},
      {L, SDPX_SDP_ANSWER, ANSWER1, SDPX_EJSEP_STATE, SDPX_JSEP_HAVE_LOCAL_OFFER},
      {L, SDPX_SDP_OFFER, OFFER1_AGAIN, OK, SDPX_JSEP_HAVE_LOCAL_OFFER}}},
    {"no rollback after a pranswer",
     {{R, SDPX_SDP_OFFER, OFFER1, OK, SDPX_JSEP_HAVE_REMOTE_OFFER},
      {L, SDPX_SDP_PRANSWER, ANSWER1, OK, SDPX_JSEP_HAVE_LOCAL_PRANSWER},
      {L, SDPX_SDP_ROLLBACK, NONE, SDPX_EJSEP_STATE, SDPX_JSEP_HAVE_LOCAL_PRANSWER}}},
    {"answer with a section too few",
     {{L, SDPX_SDP_OFFER, OFFER1, OK, SDPX_JSEP_HAVE_LOCAL_OFFER},
      {R, SDPX_SDP_ANSWER, {7, 1, "active", "0", {"audio 9 0"}}, SDPX_EJSEP_SECTIONS,
       SDPX_JSEP_HAVE_LOCAL_OFFER}}},
    {"answer with another mid",
     {{L, SDPX_SDP_OFFER, OFFER1, OK, SDPX_JSEP_HAVE_LOCAL_OFFER},
      {R, SDPX_SDP_ANSWER, {7, 1, "active", "0", {"audio 9 0", "video 9 x"}}, SDPX_EJSEP_MID,
       SDPX_JSEP_HAVE_LOCAL_OFFER}}},
    {"answer with another media kind",
     {{L, SDPX_SDP_OFFER, OFFER1, OK, SDPX_JSEP_HAVE_LOCAL_OFFER},
      {R, SDPX_SDP_ANSWER, {7, 1, "active", "0 1", {"audio 9 0", "audio 9 1"}}, SDPX_EJSEP_KIND,
       SDPX_JSEP_HAVE_LOCAL_OFFER}}},
    {"answer accepting a rejected section",
     {{L, SDPX_SDP_OFFER, {1, 1, "actpass", "0", {"audio 9 0", "video 0 1"}}, OK,
       SDPX_JSEP_HAVE_LOCAL_OFFER},
      {R, SDPX_SDP_ANSWER, {7, 1, "active", "0", {"audio 9 0", "video 9 1"}}, SDPX_EJSEP_REJECTED,
       SDPX_JSEP_HAVE_LOCAL_OFFER},
      {R, SDPX_SDP_ANSWER, {7, 1, "active", "0", {"audio 9 0", "video 0 1"}}, OK, SDPX_JSEP_STABLE}}},
    {"a bundle-only section (port 0 in the offer) may be accepted",
     {{R, SDPX_SDP_OFFER, {1, 1, "actpass", "0 1", {"audio 9 0", "video 1 1"}}, OK,
       SDPX_JSEP_HAVE_REMOTE_OFFER},
      {L, SDPX_SDP_ANSWER, ANSWER1, OK, SDPX_JSEP_STABLE}}},
    {"answer with setup actpass",
     {{R, SDPX_SDP_OFFER, OFFER1, OK, SDPX_JSEP_HAVE_REMOTE_OFFER},
      {L, SDPX_SDP_ANSWER, {7, 1, "actpass", "0 1", {"audio 9 0", "video 9 1"}}, SDPX_EJSEP_SETUP,
       SDPX_JSEP_HAVE_REMOTE_OFFER}}},
    {"answer bundling what the offer did not",
     {{L, SDPX_SDP_OFFER, {1, 1, "actpass", "0", {"audio 9 0", "video 9 1"}}, OK,
       SDPX_JSEP_HAVE_LOCAL_OFFER},
      {R, SDPX_SDP_ANSWER, ANSWER1, SDPX_EJSEP_BUNDLE, SDPX_JSEP_HAVE_LOCAL_OFFER}}},
    {"re-offer: new sess-id, unchanged version, dropped section, moved mid, then fine",
     {{L, SDPX_SDP_OFFER, OFFER1, OK, SDPX_JSEP_HAVE_LOCAL_OFFER},
      {R, SDPX_SDP_ANSWER, ANSWER1, OK, SDPX_JSEP_STABLE},
      {L, SDPX_SDP_OFFER, {2, 2, "actpass", "0 1", {"audio 9 0", "video 9 1"}}, SDPX_EJSEP_ORIGIN,
       SDPX_JSEP_STABLE},
      {L, SDPX_SDP_OFFER, {1, 1, "actpass", "0 1", {"audio 9 0", "video 9 1", "audio 9 2"}},
       SDPX_EJSEP_VERSION, SDPX_JSEP_STABLE},
      {L, SDPX_SDP_OFFER, {1, 2, "actpass", "0", {"audio 9 0"}}, SDPX_EJSEP_SECTIONS, SDPX_JSEP_STABLE},
      {L, SDPX_SDP_OFFER, {1, 2, "actpass", "0 v", {"audio 9 0", "video 9 v"}}, SDPX_EJSEP_MID,
       SDPX_JSEP_STABLE}}},
    {"re-offer recycles a section the answer rejected",
     {{L, SDPX_SDP_OFFER, OFFER1, OK, SDPX_JSEP_HAVE_LOCAL_OFFER},
      {R, SDPX_SDP_ANSWER, {7, 1, "active", "0", {"audio 9 0", "video 0 1"}}, OK, SDPX_JSEP_STABLE},
      {L, SDPX_SDP_OFFER, {1, 2, "actpass", "0 v", {"audio 9 0", "video 9 v"}}, OK,
       SDPX_JSEP_HAVE_LOCAL_OFFER},
      {R, SDPX_SDP_ANSWER, {7, 2, "active", "0 v", {"audio 9 0", "video 9 v"}}, OK, SDPX_JSEP_STABLE}}},
    {"an identical re-offer keeps its version",
     {{R, SDPX_SDP_OFFER, OFFER1, OK, SDPX_JSEP_HAVE_REMOTE_OFFER},
      {L, SDPX_SDP_ANSWER, ANSWER1, OK, SDPX_JSEP_STABLE},
      {R, SDPX_SDP_OFFER, OFFER1, OK, SDPX_JSEP_HAVE_REMOTE_OFFER},
      {L, SDPX_SDP_ANSWER, ANSWER1, OK, SDPX_JSEP_STABLE}}},
};

START_TEST(test_jsep_table)
{
    const jsep_case *c = &cases[_i];
    sdpx_jsep j;
    sdpx_jsep_init(&j);
    ck_assert_int_eq(sdpx_jsep_get_state(&j), SDPX_JSEP_STABLE);
    for (size_t k = 0; k < 6 && c->steps[k].type; k++) {
        const step *st = &c->steps[k];
        sdpx_session *s = st->type == SDPX_SDP_ROLLBACK ? NULL : make(&st->d);
        sdpx_error e;
        memset(&e, 0, sizeof e);
        int rc = sdpx_jsep_set(&j, st->remote, st->type, s, &e);
        ck_assert_msg(rc == st->code, "%s, step %zu: %s (%s), expected %s", c->name, k,
                      sdpx_code_name(rc), e.msg, sdpx_code_name(st->code));
        if (rc) {
            ck_assert_int_eq(e.code, rc);
            ck_assert_msg(strstr(e.msg, "RFC") != NULL, "%s: message cites no rule: %s", c->name,
                          e.msg);
            sdpx_session_free(s); /* refused: still the caller's */
        }
        ck_assert_msg(sdpx_jsep_get_state(&j) == st->after, "%s, step %zu: state %s", c->name, k,
                      sdpx_jsep_state_name(sdpx_jsep_get_state(&j)));
    }
    sdpx_jsep_reset(&j);
    ck_assert_int_eq(sdpx_jsep_get_state(&j), SDPX_JSEP_STABLE);
    ck_assert_ptr_null(sdpx_jsep_description(&j, SDPX_JSEP_CURRENT_LOCAL));
}
END_TEST

static unsigned version_of(const sdpx_session *s)
{
    sdpx_origin o;
    uint64_t v = 0;
    ck_assert_int_eq(sdpx_session_origin(s, &o), 0);
    ck_assert_int_eq(sdpx_str_u64(o.sess_version, &v), 0);
    return (unsigned)v;
}

static unsigned id_of(const sdpx_session *s)
{
    sdpx_origin o;
    uint64_t v = 0;
    ck_assert_int_eq(sdpx_session_origin(s, &o), 0);
    ck_assert_int_eq(sdpx_str_u64(o.sess_id, &v), 0);
    return (unsigned)v;
}

/* Which description sits where after each step (W3C current/pending). */
START_TEST(test_jsep_descriptions)
{
    const desc offer = OFFER1, pran = ANSWER1, ans = ANSWER1_V2;
    sdpx_jsep j;
    sdpx_jsep_init(&j);
    ck_assert_int_eq(sdpx_jsep_set(&j, 1, SDPX_SDP_OFFER, make(&offer), NULL), 0);
    ck_assert_uint_eq(id_of(sdpx_jsep_description(&j, SDPX_JSEP_PENDING_REMOTE)), 1);
    ck_assert_ptr_null(sdpx_jsep_description(&j, SDPX_JSEP_CURRENT_REMOTE));
    ck_assert_int_eq(sdpx_jsep_set(&j, 0, SDPX_SDP_PRANSWER, make(&pran), NULL), 0);
    ck_assert_uint_eq(id_of(sdpx_jsep_description(&j, SDPX_JSEP_PENDING_LOCAL)), 7);
    ck_assert_int_eq(sdpx_jsep_set(&j, 0, SDPX_SDP_ANSWER, make(&ans), NULL), 0);
    ck_assert_ptr_null(sdpx_jsep_description(&j, SDPX_JSEP_PENDING_LOCAL));
    ck_assert_ptr_null(sdpx_jsep_description(&j, SDPX_JSEP_PENDING_REMOTE));
    ck_assert_uint_eq(version_of(sdpx_jsep_description(&j, SDPX_JSEP_CURRENT_LOCAL)), 2);
    ck_assert_uint_eq(id_of(sdpx_jsep_description(&j, SDPX_JSEP_CURRENT_REMOTE)), 1);
    ck_assert_ptr_null(sdpx_jsep_description(&j, (sdpx_jsep_which)4));
    /* a refused step says where: the answer's second m= line is line 8 */
    sdpx_error e;
    const desc offer2 = OFFER1_AGAIN, bad = {7, 3, "active", "0 1", {"audio 9 0", "video 9 z"}};
    ck_assert_int_eq(sdpx_jsep_set(&j, 1, SDPX_SDP_OFFER, make(&offer2), &e), 0);
    sdpx_session *b = make(&bad);
    ck_assert_int_eq(sdpx_jsep_set(&j, 0, SDPX_SDP_ANSWER, b, &e), SDPX_EJSEP_MID);
    ck_assert_uint_eq(e.line, 9);
    ck_assert_str_eq(e.msg, "section 1: answer mid \"z\", offer mid \"1\" (RFC 9429 5.3.1)");
    sdpx_session_free(b);
    ck_assert_int_eq(sdpx_jsep_set(&j, 0, SDPX_SDP_OFFER, NULL, &e), SDPX_EINVAL);
    ck_assert_int_eq(sdpx_jsep_set(&j, 0, (sdpx_sdp_type)9, NULL, &e), SDPX_EINVAL);
    sdpx_session *noorigin = parse_ok("v=0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\na=mid:0\r\n", 0);
    ck_assert_int_eq(sdpx_jsep_set(&j, 0, SDPX_SDP_ANSWER, noorigin, &e), SDPX_EJSEP_NOORIGIN);
    sdpx_session_free(noorigin);
    sdpx_jsep_reset(&j);
}
END_TEST

START_TEST(test_jsep_names)
{
    ck_assert_str_eq(sdpx_jsep_state_name(SDPX_JSEP_STABLE), "stable");
    ck_assert_str_eq(sdpx_jsep_state_name(SDPX_JSEP_HAVE_LOCAL_OFFER), "have-local-offer");
    ck_assert_str_eq(sdpx_jsep_state_name(SDPX_JSEP_HAVE_REMOTE_PRANSWER), "have-remote-pranswer");
    ck_assert_ptr_null(sdpx_jsep_state_name((sdpx_jsep_state)5));
    ck_assert_str_eq(sdpx_sdp_type_name(SDPX_SDP_PRANSWER), "pranswer");
    ck_assert_str_eq(sdpx_sdp_type_name(SDPX_SDP_ROLLBACK), "rollback");
    ck_assert_ptr_null(sdpx_sdp_type_name((sdpx_sdp_type)0));
    ck_assert_str_eq(sdpx_code_name(SDPX_EJSEP_STATE), "SDPX_EJSEP_STATE");
    ck_assert_str_eq(sdpx_strerror(SDPX_EJSEP_VERSION), "content changed without a new sess-version");
}
END_TEST

/* Every corpus offer the answerer answers (with examples/caps.sdp): the
 * tracker takes it as a remote offer and the answer as the local one, and
 * then the same offer again as an unchanged re-offer. */
START_TEST(test_jsep_corpus)
{
    DIR *d = opendir(SDPX_CORPUS_DIR "/valid");
    if (!d) {
        fprintf(stderr, "test_jsep_corpus: SKIPPED: no corpus at %s\n", SDPX_CORPUS_DIR);
        return;
    }
    size_t n;
    char *capstext = read_file(SDPX_SRCDIR "/examples/caps.sdp", &n);
    ck_assert_ptr_nonnull(capstext);
    sdpx_session *capsdoc;
    ck_assert_int_eq(sdpx_parse(capstext, n, NULL, &capsdoc, NULL), 0);
    free(capstext);
    sdpx_caps caps;
    ck_assert_int_eq(sdpx_caps_from_sdp(capsdoc, &caps, NULL), 0);
    size_t offers = 0, answered = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".sdp"))
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/valid/%s", SDPX_CORPUS_DIR, e->d_name);
        char *text = read_file(path, &n);
        ck_assert_ptr_nonnull(text);
        sdpx_session *offer, *again, *answer = NULL;
        int ok = sdpx_parse(text, n, NULL, &offer, NULL) == 0;
        if (ok && sdpx_parse(text, n, NULL, &again, NULL) != 0)
            ck_abort_msg("%s parses once only", e->d_name);
        free(text);
        if (!ok)
            continue;
        sdpx_origin o;
        if (sdpx_session_origin(offer, &o) != 0) { /* no o=: the tracker refuses it */
            sdpx_session_free(offer);
            sdpx_session_free(again);
            continue;
        }
        offers++;
        if (sdpx_answer_create(offer, &caps, NULL, &answer, NULL) != 0) {
            sdpx_session_free(offer);
            sdpx_session_free(again);
            continue;
        }
        answered++;
        sdpx_jsep j;
        sdpx_jsep_init(&j);
        sdpx_error err;
        int rc = sdpx_jsep_set(&j, 1, SDPX_SDP_OFFER, offer, &err);
        ck_assert_msg(rc == 0, "%s: offer refused: %s", e->d_name, err.msg);
        rc = sdpx_jsep_set(&j, 0, SDPX_SDP_ANSWER, answer, &err);
        ck_assert_msg(rc == 0, "%s: answer refused: %s", e->d_name, err.msg);
        rc = sdpx_jsep_set(&j, 1, SDPX_SDP_OFFER, again, &err);
        ck_assert_msg(rc == 0, "%s: unchanged re-offer refused: %s", e->d_name, err.msg);
        ck_assert_int_eq(sdpx_jsep_get_state(&j), SDPX_JSEP_HAVE_REMOTE_OFFER);
        sdpx_jsep_reset(&j);
    }
    closedir(d);
    sdpx_session_free(capsdoc);
    fprintf(stderr, "jsep corpus: %zu offers, %zu answered and accepted by the tracker\n", offers,
            answered);
    ck_assert_uint_ge(answered, 100);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("jsep");
    TCase *tc = tcase_create("jsep");
    tcase_add_loop_test(tc, test_jsep_table, 0, sizeof cases / sizeof cases[0]);
    tcase_add_test(tc, test_jsep_descriptions);
    tcase_add_test(tc, test_jsep_names);
    tcase_add_test(tc, test_jsep_corpus);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
