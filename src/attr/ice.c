/* ICE attributes (RFC 8839): candidate, ice-ufrag, ice-pwd, ice-options,
 * remote-candidates, ice-pacing; and the standalone trickle candidate. */
#include "attr.h"

/* ---- addresses ------------------------------------------------------- */

/* RFC 8866 9: IP4-address = b1 3("." decimal-uchar); octets 0-255. */
static int is_ip4(const char *p, size_t n)
{
    size_t i = 0;
    for (int part = 0; part < 4; part++) {
        if (part) {
            if (i >= n || p[i] != '.')
                return 0;
            i++;
        }
        unsigned v = 0, digits = 0;
        while (i < n && sdpxi_is_digit(p[i]) && digits < 4) {
            v = v * 10 + (unsigned)(p[i] - '0');
            i++;
            digits++;
        }
        if (digits == 0 || digits > 3 || v > 255)
            return 0;
    }
    return i == n;
}

/* RFC 4291 2.2: eight groups of 1-4 hex digits, one "::" for a run of zero
 * groups, and an optional dotted IPv4 tail standing for the last two. */
static int is_ip6(const char *p, size_t n)
{
    size_t i = 0;
    int groups = 0, gap = 0;
    if (n >= 2 && p[0] == ':' && p[1] == ':') {
        gap = 1;
        i = 2;
        if (i == n)
            return 1;
    } else if (n && p[0] == ':') {
        return 0;
    }
    while (i < n) {
        size_t start = i;
        while (i < n && sdpxi_hexval((unsigned char)p[i]) >= 0 && i - start < 5)
            i++;
        if (i < n && p[i] == '.') {
            /* IPv4 tail: counts as two groups */
            if (!is_ip4(p + start, n - start))
                return 0;
            groups += 2;
            i = n;
            break;
        }
        if (i == start || i - start > 4)
            return 0;
        groups++;
        if (i == n)
            break;
        if (p[i] != ':')
            return 0;
        i++;
        if (i < n && p[i] == ':') {
            if (gap)
                return 0;
            gap = 1;
            i++;
            if (i == n)
                break;
        } else if (i == n) {
            return 0; /* trailing single ':' */
        }
    }
    return gap ? groups < 8 : groups == 8;
}

int sdpx_address_family(sdpx_str a)
{
    const char *p = a.ptr;
    size_t n = a.len;
    if (n == 0)
        return SDPX_EVALUE;
    /* the common answer first, in one walk: digits and dots only, so no
     * ':' and numeric, which is what the rules below would conclude */
    if (is_ip4(p, n))
        return SDPX_ADDR_IP4;
    if (memchr(p, ':', n))
        return is_ip6(p, n) ? SDPX_ADDR_IP6 : SDPX_EVALUE;
    int numeric = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (!sdpxi_is_alnum(c) && c != '-' && c != '.')
            return SDPX_EVALUE;
        if (!sdpxi_is_digit(c) && c != '.')
            numeric = 0;
    }
    /* RFC 1123 2.1: a host name never has the dotted-decimal form, so an
     * all-numeric address must be a valid IPv4 address. */
    if (numeric)
        return is_ip4(p, n) ? SDPX_ADDR_IP4 : SDPX_EVALUE;
    /* RFC 8866 9: FQDN = 4*(alpha-numeric / "-" / ".") */
    if (n < 4)
        return SDPX_EVALUE;
    /* RFC 6762 3: names under "local." are resolved with multicast DNS. */
    if (n > 6 && sdpx_str_ieq(sdpxi_str(p + n - 6, 6), ".local"))
        return SDPX_ADDR_MDNS;
    return SDPX_ADDR_FQDN;
}

/* ---- candidate ------------------------------------------------------- */

static const char *const cand_types[] = {NULL, "host", "srflx", "prflx", "relay"};
static const char *const tcptypes[] = {NULL, "active", "passive", "so"};

const char *sdpx_cand_type_name(sdpx_cand_type t)
{
    return (unsigned)t < 5 ? cand_types[t] : NULL;
}

const char *sdpx_tcptype_name(sdpx_tcptype t)
{
    return (unsigned)t < 4 ? tcptypes[t] : NULL;
}

static int all_ice_chars(sdpx_str s)
{
    for (size_t i = 0; i < s.len; i++)
        if (!sdpxi_is_ice_char((unsigned char)s.ptr[i]))
            return 0;
    return 1;
}

/* The end of a value, as a zero-length token for "missing ..." reports. */
static sdpx_str end_of(sdpx_str v)
{
    return sdpxi_str(v.ptr + v.len, 0);
}

static int port_of(sdpx_str v, sdpx_str f, uint16_t *port, sdpxi_bad *bad, const char *what)
{
    uint64_t n;
    if (sdpxi_parse_uint(f, 65535, &n))
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, what, "is not a port 0-65535");
    *port = (uint16_t)n;
    return 0;
}

int sdpx_candidate_ext_next(sdpx_str *rest, sdpx_str *name, sdpx_str *value)
{
    if (!rest || !name || !value)
        return SDPX_EINVAL;
    const char *p = rest->ptr, *end = p + rest->len;
    while (p < end && *p == ' ')
        p++;
    if (p == end) {
        *rest = sdpxi_str(end, 0);
        return 0;
    }
    const char *n = p;
    while (p < end && *p != ' ')
        p++;
    *name = sdpxi_str(n, (size_t)(p - n));
    /* RFC 8839 5.1: cand-extension = extension-att-name SP extension-att-value,
     * and the value may be empty: exactly one SP separates name and value. */
    if (p < end)
        p++;
    const char *v = p;
    while (p < end && *p != ' ')
        p++;
    *value = sdpxi_str(v, (size_t)(p - v));
    *rest = sdpxi_str(p, (size_t)(end - p));
    return 1;
}

static int decode_u32(sdpx_str s, uint32_t *out)
{
    uint64_t v;
    if (sdpxi_parse_uint(s, UINT32_MAX, &v))
        return SDPX_EVALUE;
    *out = (uint32_t)v;
    return 0;
}

/* Byte classes of the candidate grammar, one table lookup a byte. */
enum { CC_ICE = 1, CC_TOKEN = 2, CC_VCHAR = 4 };
#define CC_IS_ICE(c)                                                                     \
    (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z') || ((c) >= '0' && (c) <= '9') || \
     (c) == '+' || (c) == '/')
#define CC_IS_TOKEN(c)                                                                   \
    ((c) == 0x21 || ((c) >= 0x23 && (c) <= 0x27) || (c) == 0x2a || (c) == 0x2b ||         \
     (c) == 0x2d || (c) == 0x2e || ((c) >= 0x30 && (c) <= 0x39) || ((c) >= 0x41 && (c) <= 0x5a) || \
     ((c) >= 0x5e && (c) <= 0x7e))
#define CC(c)                                                                            \
    (uint8_t)((CC_IS_ICE(c) ? CC_ICE : 0) | (CC_IS_TOKEN(c) ? CC_TOKEN : 0) |             \
              ((c) > 0x20 && (c) < 0x7f ? CC_VCHAR : 0))
#define CC4(c) CC(c), CC((c) + 1), CC((c) + 2), CC((c) + 3)
#define CC16(c) CC4(c), CC4((c) + 4), CC4((c) + 8), CC4((c) + 12)
static const uint8_t cand_class[256] = {
    CC16(0x00), CC16(0x10), CC16(0x20), CC16(0x30), CC16(0x40), CC16(0x50), CC16(0x60),
    CC16(0x70), /* bytes from 0x80 are in no class */
};

/* A view that holds exactly the string literal `lit` (compared inline). */
#define IS_LIT(f, lit) ((f).len == sizeof lit - 1 && memcmp((f).ptr, lit, sizeof lit - 1) == 0)

/* A decoder's walk over the value: one field at a time, each byte looked
 * at once while its field is split off and checked. */
typedef struct {
    const char *p;
    size_t n, i;
} cand_walk;

/* The offset of the next field, past spaces; n when none is left (the walk
 * then stands at the end). */
static inline size_t walk_skip(cand_walk *w)
{
    size_t i = w->i;
    while (i < w->n && w->p[i] == ' ')
        i++;
    if (i == w->n)
        w->i = i;
    return i;
}

/* The field from `start` to the next space (or the end), consumed. */
static inline void walk_take(cand_walk *w, size_t start, size_t i, sdpx_str *f)
{
    while (i < w->n && w->p[i] != ' ')
        i++;
    *f = sdpxi_str(w->p + start, i - start);
    w->i = i;
}

/* The next field as sdpx_field_next splits it, with in *ok whether all its
 * bytes are in class `cls`; 0 when none is left. */
static inline int walk_field(cand_walk *w, unsigned cls, sdpx_str *f, int *ok)
{
    const unsigned char *p = (const unsigned char *)w->p;
    size_t start = walk_skip(w), i = start, n = w->n;
    if (start == n)
        return 0;
    while (i < n && (cand_class[p[i]] & cls)) /* a space is in none of the classes */
        i++;
    *ok = i == n || p[i] == ' ';
    walk_take(w, start, i, f);
    return 1;
}

/* The next field as sdpx_field_next splits it, read as a decimal number in
 * the same walk: *v is its value when it is all digits, at most 19 of them
 * (else -1). 0 when no field is left. */
static inline int walk_number(cand_walk *w, sdpx_str *f, int64_t *v)
{
    const unsigned char *p = (const unsigned char *)w->p;
    size_t start = walk_skip(w), i = start, n = w->n;
    if (start == n)
        return 0;
    uint64_t x = 0;
    unsigned d;
    while (i < n && (d = (unsigned)p[i] - '0') <= 9) {
        x = x * 10 + d;
        i++;
    }
    *v = (i == n || p[i] == ' ') && i - start <= 19 ? (int64_t)x : -1;
    walk_take(w, start, i, f);
    return 1;
}

/* A port field: what port_of accepts. */
static int walk_port(cand_walk *w, sdpx_str v, uint16_t *port, sdpxi_bad *bad, const char *what)
{
    sdpx_str f;
    int64_t n;
    if (!walk_number(w, &f, &n))
        return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, what, "is missing");
    if (n < 0 || n > 65535)
        return port_of(v, f, port, bad, what); /* the refusal, or 20+ zeros first */
    *port = (uint16_t)n;
    return 0;
}

/* The next field if it is a dotted-quad IPv4 address (RFC 8866 9), taken
 * in one walk; else 0 and nothing is consumed. */
static int walk_ip4(cand_walk *w, sdpx_str *f)
{
    const unsigned char *p = (const unsigned char *)w->p;
    size_t start = walk_skip(w), i = start, n = w->n;
    unsigned v = 0, dots = 0, d;
    size_t digits = 0;
    /* octets are checked at their end: up to 3 digits cannot overflow v */
    for (; i < n; i++) {
        if ((d = (unsigned)p[i] - '0') <= 9) {
            v = v * 10 + d;
            digits++;
        } else if (p[i] == '.' && digits && digits <= 3 && v <= 255 && dots < 3) {
            dots++;
            v = 0;
            digits = 0;
        } else {
            break;
        }
    }
    if (dots != 3 || !digits || digits > 3 || v > 255 || (i < n && p[i] != ' '))
        return 0;
    *f = sdpxi_str(w->p + start, i - start);
    w->i = i;
    return 1;
}

/* The next field as a connection address and its family; 0 when no field
 * is left. */
static int walk_address(cand_walk *w, sdpx_str *f, int *family)
{
    int ok;
    if (walk_ip4(w, f)) {
        *family = SDPX_ADDR_IP4;
        return 1;
    }
    if (!walk_field(w, CC_VCHAR, f, &ok))
        return 0;
    *family = sdpx_address_family(*f);
    return 1;
}

/* The next field if it is the keyword `kw` (then consumed), else 0. */
static int walk_keyword(cand_walk *w, const char *kw, size_t kl)
{
    size_t i = walk_skip(w);
    if (w->n - i < kl || memcmp(w->p + i, kw, kl) != 0 || (w->n - i > kl && w->p[i + kl] != ' '))
        return 0;
    w->i = i + kl;
    return 1;
}

/* RFC 8839 5.1: candidate-attribute = "candidate" ":" foundation SP
 * component-id SP transport SP priority SP connection-address SP port SP
 * cand-type [SP rel-addr] [SP rel-port] *(SP cand-extension) */
static int decode_candidate(sdpx_str v, sdpx_candidate *out, sdpxi_bad *bad)
{
    sdpx_candidate c;
    cand_walk w = {v.ptr, v.len, 0};
    sdpx_str f;
    int ok, rc;
    int64_t n;
    memset(&c, 0, sizeof c);

    /* RFC 8839 5.1: foundation = 1*32ice-char */
    if (!walk_field(&w, CC_ICE, &f, &ok))
        return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, "foundation", "is missing");
    if (f.len > 32 || !ok)
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "foundation", "is not 1-32 ice-chars");
    c.foundation = f;
    /* RFC 8839 5.1: component-id = 1*3DIGIT; RFC 8445 5.1.1: 1 to 256 */
    if (!walk_number(&w, &f, &n))
        return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, "component id", "is missing");
    if (n <= 0 || n > 256 || f.len > 3)
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "component id", "is not a number 1-256");
    c.component = (uint32_t)n;
    /* RFC 8839 5.1: transport = "UDP" / transport-extension (a token) */
    if (!walk_field(&w, CC_TOKEN, &f, &ok))
        return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, "transport", "is missing");
    if (!ok)
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "transport", "is not a token");
    c.transport = f;
    /* RFC 8839 5.1: priority = 1*10DIGIT, a 32-bit number (RFC 8445 5.1.2) */
    if (!walk_number(&w, &f, &n))
        return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, "priority", "is missing");
    if (n < 0 || n > UINT32_MAX || f.len > 10)
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "priority", "is not a 32-bit number");
    c.priority = (uint32_t)n;
    if (!walk_address(&w, &f, &rc))
        return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, "connection address", "is missing");
    if (rc < 0 && sdpxi_zone_id(f).len)
        rc = SDPX_ADDR_IP6; /* browsers write fe80::1%24 (SDPX_W_ZONE_ID) */
    if (rc < 0)
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "connection address",
                             "is not an IPv4, IPv6 or FQDN address");
    c.address = f;
    c.family = (sdpx_addr_family)rc;
    if ((rc = walk_port(&w, v, &c.port, bad, "port")))
        return rc;
    /* RFC 8839 5.1: cand-type = "typ" SP candidate-types */
    if (!walk_field(&w, CC_TOKEN, &f, &ok))
        return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, "candidate", "has no \"typ\"");
    if (f.len != 3 || memcmp(f.ptr, "typ", 3) != 0)
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "field", "is not \"typ\"");
    if (!walk_field(&w, CC_TOKEN, &f, &ok))
        return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, "candidate type", "is missing");
    if (!ok)
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "candidate type", "is not a token");
    c.type_name = f;
    c.type = SDPX_CAND_OTHER;
    for (int i = 1; i < 5; i++) /* the first letters differ: one compare */
        if (f.ptr[0] == cand_types[i][0]) {
            if (sdpx_str_eq(f, cand_types[i]))
                c.type = (sdpx_cand_type)i;
            break;
        }
    /* RFC 8839 5.1: [SP rel-addr] [SP rel-port] */
    if (walk_keyword(&w, "raddr", 5)) {
        if (!walk_address(&w, &f, &rc))
            return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, "related address", "is missing");
        if (rc < 0)
            return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "related address",
                                 "is not an IPv4, IPv6 or FQDN address");
        c.raddr = f;
        c.has_raddr = 1;
    }
    if (walk_keyword(&w, "rport", 5)) {
        if ((rc = walk_port(&w, v, &c.rport, bad, "related port")))
            return rc;
        c.has_rport = 1;
    }
    while (w.i < w.n && w.p[w.i] == ' ')
        w.i++;
    c.extensions = sdpxi_str(w.p + w.i, w.n - w.i);
    /* The pairs as sdpx_candidate_ext_next splits them (exactly one SP
     * between name and value, RFC 8839 5.1: the value is *VCHAR and may be
     * empty), each byte checked as it is passed. */
    while (w.i < w.n) {
        sdpx_str name, val;
        int name_ok, val_ok;
        if (!walk_field(&w, CC_TOKEN, &name, &name_ok))
            break;
        if (w.i < w.n)
            w.i++;
        /* the value may be empty: a field from here, not after spaces */
        if (w.i < w.n && w.p[w.i] == ' ') {
            val = sdpxi_str(w.p + w.i, 0);
            val_ok = 1;
        } else if (!walk_field(&w, CC_VCHAR, &val, &val_ok)) {
            val = sdpxi_str(w.p + w.n, 0);
            val_ok = 1;
        }
        if (!name_ok)
            return sdpxi_bad_set(bad, v, name, SDPX_EVALUE, "extension name", "is not a token");
        if (!val_ok)
            return sdpxi_bad_set(bad, v, val, SDPX_EVALUE, "extension value",
                                 "has a non-visible character");
        uint32_t u;
        if (IS_LIT(name, "tcptype")) {
            /* RFC 6544 4.5: tcp-type = "active" / "passive" / "so" */
            c.tcptype = SDPX_TCPTYPE_NONE;
            for (int i = 1; i < 4; i++)
                if (sdpx_str_eq(val, tcptypes[i]))
                    c.tcptype = (sdpx_tcptype)i;
            if (c.tcptype == SDPX_TCPTYPE_NONE)
                return sdpxi_bad_set(bad, v, val, SDPX_EVALUE, "tcptype",
                                     "is not active, passive or so");
        } else if ((IS_LIT(name, "generation") || IS_LIT(name, "network-id") ||
                    IS_LIT(name, "network-cost")) &&
                   decode_u32(val, &u)) {
            /* libwebrtc's numeric extensions: their readers need numbers */
            return sdpxi_bad_set(bad, v, val, SDPX_EVALUE, "extension value",
                                 "is not a 32-bit number");
        }
    }
    *out = c;
    return 0;
}

/* The zone id of an IPv6 link-local address with one (RFC 6874 2:
 * "fe80::1%eth0"; browsers write the interface index, "%24"), or an empty
 * view. The address part must be in fe80::/10. */
sdpx_str sdpxi_zone_id(sdpx_str a)
{
    const char *pct = a.len ? memchr(a.ptr, '%', a.len) : NULL;
    sdpx_str none = sdpxi_str(a.ptr, 0);
    if (!pct || pct + 1 == a.ptr + a.len)
        return none;
    size_t n = (size_t)(pct - a.ptr);
    /* the first group is four hex digits fe80-febf */
    if (n < 5 || !is_ip6(a.ptr, n) || a.ptr[4] != ':' || sdpxi_hexval((unsigned char)a.ptr[3]) < 0 ||
        sdpxi_hexval((unsigned char)a.ptr[0]) != 0xf || sdpxi_hexval((unsigned char)a.ptr[1]) != 0xe ||
        (sdpxi_hexval((unsigned char)a.ptr[2]) & 0xc) != 0x8)
        return none;
    sdpx_str zone = sdpxi_str(pct + 1, a.len - n - 1);
    /* ZoneID = 1*( unreserved / pct-encoded ) */
    for (size_t i = 0; i < zone.len; i++) {
        unsigned char c = (unsigned char)zone.ptr[i];
        if (!sdpxi_is_alnum(c) && c != '-' && c != '.' && c != '_' && c != '~')
            return none;
    }
    return zone;
}

/* Strict mode adds to the decoder what RFC 8839 5.1 says in prose: a
 * srflx, prflx or relay candidate carries raddr and rport, the two come
 * together, and an extension name is followed by SP and its value. An
 * address with a zone id decodes, but is no connection-address: a quirk
 * (SDPX_W_ZONE_ID) the lenient parse tolerates. */
int sdpxi_check_candidate(sdpx_str v, size_t *off, char *msg, size_t cap)
{
    sdpx_candidate c;
    sdpxi_bad b;
    if (decode_candidate(v, &c, &b))
        return sdpxi_bad_report(&b, v, off, msg, cap);
    int reflexive = c.type == SDPX_CAND_SRFLX || c.type == SDPX_CAND_PRFLX ||
                    c.type == SDPX_CAND_RELAY;
    if (c.has_raddr != c.has_rport || (reflexive && !c.has_raddr)) {
        sdpxi_bad_set(&b, v, c.has_raddr ? c.raddr : c.type_name, SDPX_EVALUE,
                      c.has_raddr ? "related address" : "candidate type",
                      c.has_raddr ? "needs rport with it"
                      : c.has_rport ? "has rport without raddr"
                                    : "needs raddr and rport (RFC 8839 5.1)");
        return sdpxi_bad_report(&b, v, off, msg, cap);
    }
    sdpx_str rest = c.extensions, name, val;
    while (sdpx_candidate_ext_next(&rest, &name, &val)) {
        if (val.len == 0 && val.ptr == name.ptr + name.len) {
            sdpxi_bad_set(&b, v, name, SDPX_EVALUE, "extension name", "has no value");
            return sdpxi_bad_report(&b, v, off, msg, cap);
        }
    }
    sdpx_str zone = sdpxi_zone_id(c.address);
    if (zone.len) {
        sdpxi_bad_set(&b, v, c.address, SDPX_EVALUE, "connection address",
                      "has a zone id (RFC 8839 5.1 allows none)");
        sdpxi_bad_report(&b, v, off, msg, cap);
        return SDPX_W_ZONE_ID;
    }
    return 0;
}

int sdpx_candidate_parse_err(const char *p, size_t n, sdpx_candidate *out, sdpx_error *err)
{
    if ((!p && n) || !out)
        return SDPX_EINVAL;
    sdpx_str s = sdpxi_str(p, n);
    /* trickle strings may carry the line ending of the a= line they came from */
    while (s.len && (s.ptr[s.len - 1] == '\n' || s.ptr[s.len - 1] == '\r'))
        s.len--;
    if (s.len == 0 || IS_LIT(s, "a=end-of-candidates") || IS_LIT(s, "end-of-candidates"))
        return SDPX_CANDIDATE_END; /* the browser's end-of-candidates signal */
    if (s.len >= 2 && memcmp(s.ptr, "a=", 2) == 0) {
        s.ptr += 2;
        s.len -= 2;
    }
    if (s.len >= 10 && memcmp(s.ptr, "candidate:", 10) == 0) {
        s.ptr += 10;
        s.len -= 10;
    }
    sdpxi_bad bad;
    int rc = decode_candidate(s, out, &bad);
    if (rc && err) {
        char msg[160];
        size_t off;
        sdpxi_bad_report(&bad, s, &off, msg, sizeof msg);
        sdpxi_error_set(err, SDPX_EVALUE, 1, (unsigned)(s.ptr - p + (ptrdiff_t)off) + 1, "%s",
                        msg);
    }
    return rc ? SDPX_EVALUE : 0;
}

int sdpx_candidate_parse(const char *p, size_t n, sdpx_candidate *out)
{
    return sdpx_candidate_parse_err(p, n, out, NULL);
}

int sdpx_candidate_write(const sdpx_candidate *c, char *buf, size_t cap)
{
    if (!c)
        return SDPX_EINVAL;
    sdpxi_out o = SDPXI_OUT(buf, cap);
    const char *tname = sdpx_cand_type_name(c->type);
    /* refuse what decode_candidate would not read back (RFC 8839 5.1 grammar) */
    int bad = !c->foundation.len || c->foundation.len > 32 || !all_ice_chars(c->foundation) ||
              c->component == 0 || c->component > 256 || !sdpxi_is_token(c->transport) ||
              (sdpx_address_family(c->address) < 0 && !sdpxi_zone_id(c->address).len) ||
              (c->type_name.len ? !sdpxi_is_token(c->type_name) : !tname) ||
              (c->has_raddr && sdpx_address_family(c->raddr) < 0) ||
              !sdpxi_line_safe(c->raddr) || !sdpxi_line_safe(c->extensions);
    sdpxi_out_str(&o, c->foundation);
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_u64(&o, c->component);
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_str(&o, c->transport);
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_u64(&o, c->priority);
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_str(&o, c->address);
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_u64(&o, c->port);
    sdpxi_out_cstr(&o, " typ ");
    if (c->type_name.len || !tname)
        sdpxi_out_str(&o, c->type_name);
    else
        sdpxi_out_cstr(&o, tname);
    if (c->has_raddr) {
        sdpxi_out_cstr(&o, " raddr ");
        sdpxi_out_str(&o, c->raddr);
    }
    if (c->has_rport) {
        sdpxi_out_cstr(&o, " rport ");
        sdpxi_out_u64(&o, c->rport);
    }
    sdpx_str tt;
    if (c->tcptype != SDPX_TCPTYPE_NONE && sdpx_tcptype_name(c->tcptype) &&
        sdpx_candidate_ext(c, "tcptype", &tt) != 0) {
        sdpxi_out_cstr(&o, " tcptype ");
        sdpxi_out_cstr(&o, sdpx_tcptype_name(c->tcptype));
    }
    if (c->extensions.len) {
        sdpxi_out_cstr(&o, " ");
        sdpxi_out_str(&o, c->extensions);
    }
    return sdpxi_out_done(&o, bad);
}

int sdpx_candidate_ext(const sdpx_candidate *c, const char *name, sdpx_str *value)
{
    if (!c || !name || !value)
        return SDPX_EINVAL;
    sdpx_str rest = c->extensions, n, v;
    while (sdpx_candidate_ext_next(&rest, &n, &v))
        if (sdpx_str_eq(n, name)) {
            *value = v;
            return 0;
        }
    return SDPX_ENOTFOUND;
}

static int ext_u32(const sdpx_candidate *c, const char *name, uint32_t *out)
{
    sdpx_str v;
    int rc = sdpx_candidate_ext(c, name, &v);
    if (rc)
        return rc;
    return decode_u32(v, out);
}

int sdpx_candidate_generation(const sdpx_candidate *c, uint32_t *out)
{
    if (!c || !out)
        return SDPX_EINVAL;
    return ext_u32(c, "generation", out);
}

int sdpx_candidate_network_id(const sdpx_candidate *c, uint32_t *out)
{
    if (!c || !out)
        return SDPX_EINVAL;
    return ext_u32(c, "network-id", out);
}

int sdpx_candidate_network_cost(const sdpx_candidate *c, uint32_t *out)
{
    if (!c || !out)
        return SDPX_EINVAL;
    return ext_u32(c, "network-cost", out);
}

int sdpx_candidate_ufrag(const sdpx_candidate *c, sdpx_str *out)
{
    if (!c || !out)
        return SDPX_EINVAL;
    return sdpx_candidate_ext(c, "ufrag", out);
}

/* ---- credentials, options, pacing ------------------------------------ */

/* RFC 8839 5.4: ice-ufrag = 4*256ice-char, ice-pwd = 22*256ice-char */
SDPXI_HOT int decode_cred(sdpx_str v, sdpx_str *out, sdpxi_bad *bad, size_t min, const char *what)
{
    size_t i = sdpxi_span_class(v, SDPXI_CC_ICE);
    if (i < v.len)
        return sdpxi_bad_set(bad, v, sdpxi_str(v.ptr + i, 1), SDPX_EVALUE, "character",
                             "is not an ice-char (ALPHA / DIGIT / + / /)");
    if (v.len < min || v.len > 256)
        return sdpxi_bad_set(bad, v, v, SDPX_EVALUE, what,
                             min == 4 ? "is not 4-256 characters long"
                                      : "is not 22-256 characters long");
    *out = v;
    return 0;
}

SDPXI_HOT int decode_ufrag(sdpx_str v, sdpx_str *out, sdpxi_bad *bad)
{
    return decode_cred(v, out, bad, 4, "ice-ufrag");
}

SDPXI_HOT int decode_pwd(sdpx_str v, sdpx_str *out, sdpxi_bad *bad)
{
    return decode_cred(v, out, bad, 22, "ice-pwd");
}

SDPXI_DEFINE_CHECK(ice_ufrag, sdpx_str, decode_ufrag)
SDPXI_DEFINE_CHECK(ice_pwd, sdpx_str, decode_pwd)

int sdpx_ice_ufrag_parse(sdpx_str value, sdpx_str *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_ufrag(value, out, NULL);
}

int sdpx_ice_pwd_parse(sdpx_str value, sdpx_str *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_pwd(value, out, NULL);
}

int sdpx_ice_options_next(sdpx_str *rest, sdpx_str *tag)
{
    if (!rest || !tag)
        return SDPX_EINVAL;
    if (!sdpx_field_next(rest, tag))
        return 0;
    /* RFC 8839 5.6 says 1*ice-char, but Chrome long sent "google-ice":
     * any token is accepted */
    return sdpxi_is_token(*tag) ? 1 : SDPX_EVALUE;
}

int sdpx_ice_options_has(sdpx_str value, const char *tag)
{
    if (!tag)
        return 0;
    sdpx_str t;
    while (sdpx_ice_options_next(&value, &t) == 1)
        if (sdpx_str_eq(t, tag))
            return 1;
    return 0;
}

static int decode_ice_options(sdpx_str v, sdpx_str *out, sdpxi_bad *bad)
{
    sdpx_str rest = v, t;
    int rc, n = 0;
    while ((rc = sdpx_ice_options_next(&rest, &t)) == 1)
        n++;
    if (rc < 0)
        return sdpxi_bad_set(bad, v, t, SDPX_EVALUE, "ice option", "is not a token");
    if (n == 0)
        return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, "ice option", "is missing");
    *out = v;
    return 0;
}

SDPXI_DEFINE_CHECK(ice_options, sdpx_str, decode_ice_options)

static int remote_next(sdpx_str v, sdpx_str *rest, sdpx_remote_candidate *out, sdpxi_bad *bad)
{
    sdpx_remote_candidate r;
    sdpx_str f;
    uint64_t n;
    int rc;
    if (!sdpx_field_next(rest, &f))
        return 0;
    /* RFC 8839 5.2: remote-candidate = component-ID SP connection-address SP port */
    if (sdpxi_parse_uint(f, 256, &n) || n == 0 || f.len > 3)
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "component id", "is not a number 1-256");
    r.component = (uint32_t)n;
    if ((rc = sdpxi_need_field(v, rest, &f, "remote address", bad)))
        return rc;
    rc = sdpx_address_family(f);
    if (rc < 0)
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "remote address",
                             "is not an IPv4, IPv6 or FQDN address");
    r.address = f;
    r.family = (sdpx_addr_family)rc;
    if ((rc = sdpxi_need_field(v, rest, &f, "remote port", bad)))
        return rc;
    if ((rc = port_of(v, f, &r.port, bad, "remote port")))
        return rc;
    *out = r;
    return 1;
}

int sdpx_remote_candidate_next(sdpx_str *rest, sdpx_remote_candidate *out)
{
    if (!rest || !out)
        return SDPX_EINVAL;
    int rc = remote_next(*rest, rest, out, NULL);
    return rc < 0 ? SDPX_EVALUE : rc;
}

static int decode_remote(sdpx_str v, sdpx_remote_candidate *out, sdpxi_bad *bad)
{
    sdpx_str rest = v;
    int rc, n = 0;
    while ((rc = remote_next(v, &rest, out, bad)) == 1)
        n++;
    if (rc < 0)
        return rc;
    if (n == 0)
        return sdpxi_bad_set(bad, v, end_of(v), SDPX_EVALUE, "remote candidate", "is missing");
    return 0;
}

SDPXI_DEFINE_CHECK(remote_candidates, sdpx_remote_candidate, decode_remote)

int sdpx_remote_candidate_write(const sdpx_remote_candidate *rc, char *buf, size_t cap)
{
    if (!rc)
        return SDPX_EINVAL;
    sdpxi_out o = SDPXI_OUT(buf, cap);
    sdpxi_out_u64(&o, rc->component);
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_str(&o, rc->address);
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_u64(&o, rc->port);
    /* RFC 8839 5.2: component-ID 1-256, then a connection address */
    return sdpxi_out_done(&o, rc->component == 0 || rc->component > 256 ||
                                  sdpx_address_family(rc->address) < 0);
}

/* RFC 8839 5.7: pacing-value = 1*10DIGIT (milliseconds) */
static int decode_pacing(sdpx_str v, uint32_t *ms, sdpxi_bad *bad)
{
    if (v.len > 10 || decode_u32(v, ms))
        return sdpxi_bad_set(bad, v, v, SDPX_EVALUE, "ice-pacing",
                             "is not a number of milliseconds");
    return 0;
}

SDPXI_DEFINE_CHECK(ice_pacing, uint32_t, decode_pacing)

int sdpx_ice_pacing_parse(sdpx_str value, uint32_t *ms)
{
    if (!ms)
        return SDPX_EINVAL;
    return decode_pacing(value, ms, NULL);
}

/* ---- scoped accessors ------------------------------------------------- */
