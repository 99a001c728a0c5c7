/* sdpx_session_diff and the JSEP tracker on two descriptions: the input is
 * OLD, a NUL byte, then NEW (both parsed leniently). Properties: a session
 * diffed with itself reports nothing; every reported change has a known
 * kind, a section in range and views that can be read; the count returned
 * is the count reported; the tracker takes OLD as a remote offer and NEW as
 * the local answer, or refuses NEW with its reason and changes nothing. */
#include "common.h"

typedef struct {
    const sdpx_session *a, *b;
    int n;
    unsigned h;
} seen;

static void on_change(void *ctx, const sdpx_change *c)
{
    seen *s = ctx;
    s->n++;
    if (!sdpx_change_kind_name(c->kind))
        fuzz_fail("unknown change kind %d", (int)c->kind);
    size_t na = sdpx_session_media_count(s->a), nb = sdpx_session_media_count(s->b);
    if (c->section != SDPX_CHANGE_SESSION_LEVEL && c->section >= na && c->section >= nb)
        fuzz_fail("section %zu out of range (%zu, %zu)", c->section, na, nb);
    s->h += fuzz_touch(c->mid) + fuzz_touch(c->old_text) + fuzz_touch(c->new_text);
}

static sdpx_session *parse(const uint8_t *p, size_t n)
{
    char *copy = fuzz_dup(p, n);
    sdpx_session *s = NULL;
    if (sdpx_parse(copy, n, NULL, &s, NULL) != 0)
        s = NULL;
    free(copy);
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nul = memchr(data, 0, size);
    if (!nul)
        return 0;
    size_t n1 = (size_t)(nul - data);
    sdpx_session *a = parse(data, n1), *b = parse(nul + 1, size - n1 - 1);
    if (a && b) {
        seen s = {a, b, 0, 0};
        int n = sdpx_session_diff(a, b, on_change, &s);
        if (n != s.n)
            fuzz_fail("diff returned %d, reported %d", n, s.n);
        s.a = s.b = a;
        s.n = 0;
        if (sdpx_session_diff(a, a, on_change, &s) != 0)
            fuzz_fail("a session differs from itself (%d changes)", s.n);

        sdpx_jsep j;
        sdpx_jsep_init(&j);
        sdpx_error e;
        if (sdpx_jsep_set(&j, 1, SDPX_SDP_OFFER, a, &e) == 0) {
            a = NULL; /* the tracker owns it */
            int rc = sdpx_jsep_set(&j, 0, SDPX_SDP_ANSWER, b, &e);
            if (rc == 0) {
                b = NULL;
                if (sdpx_jsep_get_state(&j) != SDPX_JSEP_STABLE)
                    fuzz_fail("accepted answer but state %d", (int)sdpx_jsep_get_state(&j));
            } else {
                if (rc != e.code || !e.msg[0])
                    fuzz_fail("refusal %d without its reason", rc);
                if (sdpx_jsep_get_state(&j) != SDPX_JSEP_HAVE_REMOTE_OFFER)
                    fuzz_fail("a refused answer changed the state");
                if (sdpx_jsep_set(&j, 1, SDPX_SDP_ROLLBACK, NULL, &e) != 0)
                    fuzz_fail("rollback of a remote offer refused");
            }
        } else if (e.code != SDPX_EJSEP_NOORIGIN) {
            fuzz_fail("first offer refused: %s", e.msg);
        }
        sdpx_jsep_reset(&j);
        (void)s.h;
    }
    sdpx_session_free(a);
    sdpx_session_free(b);
    return 0;
}
