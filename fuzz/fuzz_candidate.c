/* Standalone ICE candidates (RFC 8839 5.1, trickle strings of RFC 8840):
 * parse -> write -> parse on arbitrary bytes. Properties: no overread;
 * views lie inside the input; a parsed candidate writes to text that
 * parses back to the same fields, and writing that again gives the same
 * text; the snprintf-style length holds with a short buffer; extension
 * and scoped getters stay inside the input. */
#include "common.h"

static void same_candidate(const sdpx_candidate *a, const sdpx_candidate *b)
{
    fuzz_assert(fuzz_str_same(a->foundation, b->foundation));
    fuzz_assert(a->component == b->component);
    fuzz_assert(fuzz_str_same(a->transport, b->transport));
    fuzz_assert(a->priority == b->priority);
    fuzz_assert(fuzz_str_same(a->address, b->address));
    fuzz_assert(a->family == b->family);
    fuzz_assert(a->port == b->port);
    fuzz_assert(a->type == b->type);
    fuzz_assert(fuzz_str_same(a->type_name, b->type_name));
    fuzz_assert(a->has_raddr == b->has_raddr);
    fuzz_assert(fuzz_str_same(a->raddr, b->raddr));
    fuzz_assert(a->has_rport == b->has_rport);
    fuzz_assert(a->rport == b->rport);
    fuzz_assert(a->tcptype == b->tcptype);
}

static char *write_candidate(const sdpx_candidate *c, size_t *len)
{
    int n = sdpx_candidate_write(c, NULL, 0);
    if (n < 0)
        return NULL;
    char *buf = malloc((size_t)n + 1);
    fuzz_assert(buf != NULL);
    fuzz_assert(sdpx_candidate_write(c, buf, (size_t)n + 1) == n);
    fuzz_assert(buf[n] == '\0');
    char small[5];
    fuzz_assert(sdpx_candidate_write(c, small, sizeof small) == n);
    fuzz_assert(memcmp(small, buf, (size_t)n < 4 ? (size_t)n : 4) == 0);
    *len = (size_t)n;
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *in = fuzz_dup(data, size);
    sdpx_candidate c;
    sdpx_error err;
    int rc = sdpx_candidate_parse_err(in, size, &c, &err);
    fuzz_assert(rc == sdpx_candidate_parse(in, size, &c));
    if (rc < 0) {
        fuzz_assert(memchr(err.msg, '\0', sizeof err.msg) != NULL);
        fuzz_assert(err.col >= 1 && err.col <= size + 1);
    }
    if (rc == 0) {
        sdpx_str v = {in, size};
        fuzz_assert(fuzz_within(c.foundation, in, size) && c.foundation.len >= 1);
        fuzz_assert(fuzz_within(c.transport, in, size));
        fuzz_assert(fuzz_within(c.address, in, size));
        fuzz_assert(fuzz_within(c.type_name, in, size));
        fuzz_assert(fuzz_within(c.raddr, in, size));
        fuzz_assert(fuzz_within(c.extensions, in, size));
        fuzz_assert(c.component >= 1 && c.component <= 256);
        (void)sdpx_cand_type_name(c.type);
        (void)sdpx_tcptype_name(c.tcptype);
        sdpx_str rest = c.extensions, name, value;
        size_t guard = 0;
        while (sdpx_candidate_ext_next(&rest, &name, &value) == 1) {
            fuzz_assert(fuzz_within(name, in, size) && fuzz_within(value, in, size));
            fuzz_assert(++guard <= size);
        }
        uint32_t u;
        sdpx_str s;
        (void)sdpx_candidate_generation(&c, &u);
        (void)sdpx_candidate_network_id(&c, &u);
        (void)sdpx_candidate_network_cost(&c, &u);
        if (sdpx_candidate_ufrag(&c, &s) == 0)
            fuzz_assert(fuzz_within(s, v.ptr, v.len));
        if (sdpx_candidate_ext(&c, "generation", &s) == 0)
            fuzz_assert(fuzz_within(s, v.ptr, v.len));

        size_t n1 = 0, n2 = 0;
        char *t1 = write_candidate(&c, &n1);
        if (t1) {
            char *exact = fuzz_dup((const uint8_t *)t1, n1);
            sdpx_candidate b;
            int rc2 = sdpx_candidate_parse(exact, n1, &b);
            if (rc2 != 0)
                fuzz_fail("written candidate \"%s\" does not parse (%d)", t1, rc2);
            same_candidate(&c, &b);
            char *t2 = write_candidate(&b, &n2);
            if (!t2 || n1 != n2 || memcmp(t1, t2, n1) != 0)
                fuzz_fail("candidate write not a fixed point: \"%s\" then \"%s\"", t1,
                          t2 ? t2 : "(refused)");
            free(t2);
            free(exact);
            free(t1);
        }
    }
    free(in);
    return 0;
}
