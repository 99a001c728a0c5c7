/* Redaction for logs. The first byte picks the parse mode (bit 0 strict)
 * and the write mode (bit 1 KEEP_LF). Properties, for every input that
 * parses: sdpx_session_redact succeeds (or refuses a line that its
 * placeholders would make longer than the line limit); the result, written,
 * parses again in the same mode; and no address field of the result (o=,
 * c=, candidates and their raddr, a=rtcp, a=remote-candidates) holds an
 * address of the input, except the ones redaction keeps (0.0.0.0, ::,
 * 127.0.0.1, ::1) and the input's own documentation addresses, which
 * placeholders may equal. */
#include "common.h"

typedef struct {
    sdpx_str *v;
    size_t n, cap;
} views;

static void add(views *w, sdpx_str v)
{
    if (w->n == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 64;
        w->v = realloc(w->v, w->cap * sizeof *w->v);
        if (!w->v)
            abort();
    }
    w->v[w->n++] = v;
}

/* The n-th space-separated field of v (0-based), or an empty view. */
static sdpx_str field(sdpx_str v, int n)
{
    sdpx_str f = {NULL, 0};
    for (int i = 0; i <= n; i++)
        if (!sdpx_field_next(&v, &f))
            return (sdpx_str){NULL, 0};
    return f;
}

/* Every address field of one line, as redaction reads them. */
static void line_addresses(const sdpx_line *l, views *out)
{
    sdpx_str v = sdpx_line_value(l), av = sdpx_attr_value(l);
    switch (sdpx_line_type(l)) {
    case 'o': {
        sdpx_origin o;
        if (sdpx_origin_parse(v, &o) == 0)
            add(out, o.address);
        return;
    }
    case 'c': {
        sdpx_connection c;
        if (sdpx_connection_parse(v, &c) == 0)
            add(out, c.address);
        return;
    }
    case 'a':
        break;
    default:
        return;
    }
    switch (sdpx_line_kind(l)) {
    case SDPX_ATTR_CANDIDATE: {
        sdpx_candidate c;
        if (sdpx_candidate_parse(av.ptr, av.len, &c) == 0) {
            add(out, c.address);
            if (c.has_raddr)
                add(out, c.raddr);
        } else if (sdpx_address_family(field(av, 4)) > 0) {
            add(out, field(av, 4));
        }
        return;
    }
    case SDPX_ATTR_RTCP:
        add(out, field(av, 3));
        return;
    case SDPX_ATTR_REMOTE_CANDIDATES: {
        sdpx_str rest = av, f;
        for (int i = 0; sdpx_field_next(&rest, &f); i++)
            if (i % 3 == 1)
                add(out, f);
        return;
    }
    default:
        return;
    }
}

static void addresses(const sdpx_session *s, views *out)
{
    for (size_t i = 0; i < sdpx_session_line_count(s); i++)
        line_addresses(sdpx_session_line(s, i), out);
    for (size_t m = 0; m < sdpx_session_media_count(s); m++) {
        const sdpx_media *md = sdpx_session_media(s, m);
        for (size_t i = 0; i < sdpx_media_line_count(md); i++)
            line_addresses(sdpx_media_line(md, i), out);
    }
}

static int kept(sdpx_str a)
{
    return a.len == 0 || sdpx_str_eq(a, "0.0.0.0") || sdpx_str_eq(a, "::") ||
           sdpx_str_eq(a, "127.0.0.1") || sdpx_str_eq(a, "::1");
}

/* A documentation address or reserved name, as placeholders are. */
static int placeholder_like(sdpx_str a)
{
    static const char *const pre[] = {"192.0.2.", "198.18.", "2001:db8::", "redacted-", "host-"};
    for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++)
        if (a.len >= strlen(pre[i]) && !memcmp(a.ptr, pre[i], strlen(pre[i])))
            return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned pflags = (data[0] & 1u) ? SDPX_PARSE_STRICT : 0;
    unsigned wflags = (data[0] & 2u) ? SDPX_WRITE_KEEP_LF : 0;
    char *buf = fuzz_dup(data + 1, size - 1);
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = pflags;
    sdpx_session *s = NULL;
    if (sdpx_parse(buf, size - 1, &opt, &s, NULL) != 0) {
        free(buf);
        return 0;
    }
    views before = {NULL, 0, 0}, after = {NULL, 0, 0};
    addresses(s, &before); /* views into the session's copy of the input */
    int rc = sdpx_session_redact(s);
    if (rc < 0 && rc != SDPX_ELIMIT)
        fuzz_fail("sdpx_session_redact: %s", sdpx_code_name(rc));
    if (rc >= 0) {
        size_t n = 0;
        char *out = sdpx_write_alloc(s, wflags, &n);
        fuzz_assert(out != NULL);
        sdpx_session *again = NULL;
        sdpx_error e;
        int prc = sdpx_parse(out, n, &opt, &again, &e);
        if (prc)
            fuzz_fail("redacted text does not parse: %s at %u:%u: %s", sdpx_code_name(prc), e.line,
                      e.col, e.msg);
        addresses(again, &after);
        for (size_t i = 0; i < after.n; i++) {
            if (kept(after.v[i]))
                continue;
            for (size_t k = 0; k < before.n; k++)
                if (!kept(before.v[k]) && !placeholder_like(before.v[k]) &&
                    fuzz_str_same(after.v[i], before.v[k]))
                    fuzz_fail("address \"%.*s\" left after redaction", (int)after.v[i].len,
                              after.v[i].ptr);
        }
        sdpx_session_free(again);
        sdpx_free(out);
    }
    free(before.v);
    free(after.v);
    sdpx_session_free(s);
    free(buf);
    return 0;
}
