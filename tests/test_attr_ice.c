/* ICE attributes (RFC 8839): candidate decoder, encoder and standalone parse,
 * credentials, options, remote-candidates, pacing, scoped accessors, strict
 * checks, and the corpus (candidates.txt and every ICE/DTLS/SDES/SCTP/BUNDLE
 * line of valid/). */
#include "strict_line.h"

#include <dirent.h>

/* ---- addresses -------------------------------------------------------- */

typedef struct {
    const char *addr;
    int family; /* sdpx_addr_family, or SDPX_EVALUE */
} addr_case;

static const addr_case addr_cases[] = {
    {"192.0.2.1", SDPX_ADDR_IP4},
    {"0.0.0.0", SDPX_ADDR_IP4},
    {"255.255.255.255", SDPX_ADDR_IP4},
    {"2001:db8::1", SDPX_ADDR_IP6},
    {"::1", SDPX_ADDR_IP6},
    {"::", SDPX_ADDR_IP6},
    {"fe80::", SDPX_ADDR_IP6},
    {"2001:db8:a0b:12f0:0:0:0:1", SDPX_ADDR_IP6},
    {"::ffff:192.0.2.1", SDPX_ADDR_IP6},
    {"abcd:abcd:abcd:abcd:abcd:abcd:abcd:abcd", SDPX_ADDR_IP6},
    {"example.com", SDPX_ADDR_FQDN},
    {"a.test", SDPX_ADDR_FQDN},
    {"f47ac10b-58cc-4372-a567-0e02b2c3d479.local", SDPX_ADDR_MDNS},
    {"HOST.LOCAL", SDPX_ADDR_MDNS},
    /* bad */
    {"", SDPX_EVALUE},
    {"256.1.1.1", SDPX_EVALUE},
    {"192.168.0.278", SDPX_EVALUE},
    {"1.2.3", SDPX_EVALUE},
    {"1.2.3.4.5", SDPX_EVALUE},
    {"[::1]", SDPX_EVALUE},
    {"1:2:3:4:5:6:7:8:9", SDPX_EVALUE},
    {"1::2::3", SDPX_EVALUE},
    {"12345::1", SDPX_EVALUE},
    {"1:2:3:4:5:6:7", SDPX_EVALUE},
    {":1", SDPX_EVALUE},
    {"1:", SDPX_EVALUE},
    {"fe80::1%eth0", SDPX_EVALUE},
    {"50.0.0.^^1", SDPX_EVALUE},
    {"a_b.com", SDPX_EVALUE},
    {"a.b", SDPX_EVALUE},
};

START_TEST(test_address_family)
{
    const addr_case *c = &addr_cases[_i];
    ck_assert_msg(sdpx_address_family(view_of(c->addr)) == c->family, "%s: got %d want %d", c->addr,
                  sdpx_address_family(view_of(c->addr)), c->family);
}
END_TEST

/* ---- candidates: good ------------------------------------------------- */

typedef struct {
    const char *in;
    const char *foundation;
    uint32_t component;
    const char *transport;
    uint32_t priority;
    const char *address;
    sdpx_addr_family family;
    uint16_t port;
    sdpx_cand_type type;
    const char *type_name;
    const char *raddr; /* NULL: none */
    int rport;         /* -1: none */
    sdpx_tcptype tcptype;
    const char *extensions;
} cand_case;

static const cand_case cand_cases[] = {
    /* RFC 8839 5.1 / RFC 8445 B examples */
    {"1 1 UDP 2130706431 10.0.1.1 8998 typ host", "1", 1, "UDP", 2130706431u, "10.0.1.1",
     SDPX_ADDR_IP4, 8998, SDPX_CAND_HOST, "host", NULL, -1, SDPX_TCPTYPE_NONE, ""},
    {"2 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 10.0.1.1 rport 8998", "2", 1, "UDP",
     1694498815u, "192.0.2.3", SDPX_ADDR_IP4, 45664, SDPX_CAND_SRFLX, "srflx", "10.0.1.1", 8998,
     SDPX_TCPTYPE_NONE, ""},
    /* RFC 6544 4.5 example */
    {"1 1 TCP 2128609279 10.0.1.1 9 typ host tcptype active", "1", 1, "TCP", 2128609279u,
     "10.0.1.1", SDPX_ADDR_IP4, 9, SDPX_CAND_HOST, "host", NULL, -1, SDPX_TCPTYPE_ACTIVE,
     "tcptype active"},
    /* a browser's trickle string, prefixes and line ending included */
    {"a=candidate:842163049 1 udp 1677729535 203.0.113.7 56143 typ srflx raddr 0.0.0.0 rport 0 "
     "generation 0 ufrag EsAw network-cost 999\r\n",
     "842163049", 1, "udp", 1677729535u, "203.0.113.7", SDPX_ADDR_IP4, 56143, SDPX_CAND_SRFLX,
     "srflx", "0.0.0.0", 0, SDPX_TCPTYPE_NONE, "generation 0 ufrag EsAw network-cost 999"},
    {"candidate:3 2 udp 16777215 2001:db8::5 3478 typ relay raddr 2001:db8::9 rport 50000\n", "3",
     2, "udp", 16777215u, "2001:db8::5", SDPX_ADDR_IP6, 3478, SDPX_CAND_RELAY, "relay",
     "2001:db8::9", 50000, SDPX_TCPTYPE_NONE, ""},
    {"a0+B/1 1 udp 2130706432 f47ac10b-58cc-4372-a567-0e02b2c3d479.local 61680 typ host "
     "generation 0",
     "a0+B/1", 1, "udp", 2130706432u, "f47ac10b-58cc-4372-a567-0e02b2c3d479.local",
     SDPX_ADDR_MDNS, 61680, SDPX_CAND_HOST, "host", NULL, -1, SDPX_TCPTYPE_NONE, "generation 0"},
    {"4 1 tcp 1518280447 192.0.2.1 9 typ prflx generation 0 tcptype passive", "4", 1, "tcp",
     1518280447u, "192.0.2.1", SDPX_ADDR_IP4, 9, SDPX_CAND_PRFLX, "prflx", NULL, -1,
     SDPX_TCPTYPE_PASSIVE, "generation 0 tcptype passive"},
    {"5 256 ssltcp 4294967295 host.example.com 65535 typ xyz rport 7 tcptype so", "5", 256,
     "ssltcp", 4294967295u, "host.example.com", SDPX_ADDR_FQDN, 65535, SDPX_CAND_OTHER, "xyz",
     NULL, 7, SDPX_TCPTYPE_SO, "tcptype so"},
    /* an empty extension value, and a trailing space */
    {"6 1 udp 1 10.0.0.1 1 typ host a  b ", "6", 1, "udp", 1, "10.0.0.1", SDPX_ADDR_IP4, 1,
     SDPX_CAND_HOST, "host", NULL, -1, SDPX_TCPTYPE_NONE, "a  b "},
    /* numbers at their limits; a port may carry 20 and more leading zeros */
    {"7 1 udp 4294967295 255.255.255.255 00000000000000000000065535 typ host", "7", 1, "udp",
     4294967295u, "255.255.255.255", SDPX_ADDR_IP4, 65535, SDPX_CAND_HOST, "host", NULL, -1,
     SDPX_TCPTYPE_NONE, ""},
    /* a 32-byte foundation, an IPv6 address with an IPv4 tail, numeric
     * extensions at their limit and with 24 leading zeros */
    {"abcdefghijklmnopqrstuvwxyz012345 1 udp 1 ::ffff:192.0.2.1 9 typ host generation 4294967295 "
     "network-id 0000000000000000000000001",
     "abcdefghijklmnopqrstuvwxyz012345", 1, "udp", 1, "::ffff:192.0.2.1", SDPX_ADDR_IP6, 9,
     SDPX_CAND_HOST, "host", NULL, -1, SDPX_TCPTYPE_NONE,
     "generation 4294967295 network-id 0000000000000000000000001"},
    /* shorter than sixteen bytes; an unknown one-letter type */
    {"1 1 u 0 1.2.3.4 0 typ h", "1", 1, "u", 0, "1.2.3.4", SDPX_ADDR_IP4, 0, SDPX_CAND_OTHER, "h",
     NULL, -1, SDPX_TCPTYPE_NONE, ""},
    /* octets with leading zeros are still 0-255 */
    {"8 3 udp 12345678 010.001.000.009 9 typ host", "8", 3, "udp", 12345678u, "010.001.000.009",
     SDPX_ADDR_IP4, 9, SDPX_CAND_HOST, "host", NULL, -1, SDPX_TCPTYPE_NONE, ""},
    /* a zone id (browsers), a type that only starts like a known one, long
     * unknown extension names and values */
    {"9 1 udp 123456789 fe80::1%24 9 typ relayx ufrag abcdefghijklmnopqrstuvwxyz "
     "extension-name-longer-than-sixteen x",
     "9", 1, "udp", 123456789u, "fe80::1%24", SDPX_ADDR_IP6, 9, SDPX_CAND_OTHER, "relayx", NULL,
     -1, SDPX_TCPTYPE_NONE, "ufrag abcdefghijklmnopqrstuvwxyz extension-name-longer-than-sixteen x"},
    /* ".local" in any case is mDNS; a name without a value at the end */
    {"10 1 UDP 2 Host.LOCAL 9 typ host lonely", "10", 1, "UDP", 2, "Host.LOCAL", SDPX_ADDR_MDNS, 9,
     SDPX_CAND_HOST, "host", NULL, -1, SDPX_TCPTYPE_NONE, "lonely"},
    /* a dotted name that is no dotted quad is an FQDN; tcptype last */
    {"11 2 tcp 7 a1.b2.c3 9 typ host tcptype so", "11", 2, "tcp", 7, "a1.b2.c3", SDPX_ADDR_FQDN, 9,
     SDPX_CAND_HOST, "host", NULL, -1, SDPX_TCPTYPE_SO, "tcptype so"},
};

START_TEST(test_candidate_good)
{
    const cand_case *w = &cand_cases[_i];
    sdpx_candidate c;
    sdpx_error e;
    int rc = sdpx_candidate_parse_err(w->in, strlen(w->in), &c, &e);
    ck_assert_msg(rc == 0, "%s: %s", w->in, e.msg);
    ck_assert_str_view(c.foundation, w->foundation);
    ck_assert_uint_eq(c.component, w->component);
    ck_assert_str_view(c.transport, w->transport);
    ck_assert_uint_eq(c.priority, w->priority);
    ck_assert_str_view(c.address, w->address);
    ck_assert_int_eq(c.family, w->family);
    ck_assert_uint_eq(c.port, w->port);
    ck_assert_int_eq(c.type, w->type);
    ck_assert_str_view(c.type_name, w->type_name);
    ck_assert_int_eq(c.has_raddr, w->raddr != NULL);
    if (w->raddr)
        ck_assert_str_view(c.raddr, w->raddr);
    ck_assert_int_eq(c.has_rport, w->rport >= 0);
    if (w->rport >= 0)
        ck_assert_uint_eq(c.rport, (unsigned)w->rport);
    ck_assert_int_eq(c.tcptype, w->tcptype);
    ck_assert_str_view(c.extensions, w->extensions);
    /* the same struct from the a= value inside an SDP */
    const char *v = strstr(w->in, "candidate:");
    v = v ? v + 10 : w->in;
    sdpx_candidate c2;
    ck_assert_int_eq(sdpx_candidate_parse(v, strcspn(v, "\r\n"), &c2), 0);
    ck_assert(c2.foundation.ptr == c.foundation.ptr && c2.extensions.len == c.extensions.len);
}
END_TEST

/* ---- candidates: bad -------------------------------------------------- */

typedef struct {
    const char *in;
    unsigned col;      /* 1-based column of the offending token in `in` */
    const char *words; /* expected in the message */
} bad_case;

static const bad_case bad_cands[] = {
    {"1 1 UDP 2130706431 10.0.1.1 8998", 33, "has no \"typ\""},
    {"1 1 UDP 2130706431 10.0.1.1 8998 host", 34, "\"host\" is not \"typ\""},
    {"a=candidate:1 1 UDP 2130706431 10.0.1.1 8998", 45, "has no \"typ\""},
    {"1 1 UDP 2130706431 10.0.1.1 8998 typ", 37, "candidate type is missing"},
    {"1 0 UDP 1 10.0.1.1 1 typ host", 3, "component id \"0\""},
    {"1 257 UDP 1 10.0.1.1 1 typ host", 3, "component id \"257\""},
    {"1 x UDP 1 10.0.1.1 1 typ host", 3, "component id \"x\""},
    {"123456789012345678901234567890123 1 UDP 1 10.0.1.1 1 typ host", 1, "foundation"},
    {"a_b 1 UDP 1 10.0.1.1 1 typ host", 1, "foundation \"a_b\""},
    {"1 1 UDP 4294967296 10.0.1.1 1 typ host", 9, "priority \"4294967296\""},
    {"1 1 UDP 99999999999 10.0.1.1 1 typ host", 9, "priority"},
    {"1 1 UDP 1 10.0.1.256 1 typ host", 11, "connection address \"10.0.1.256\""},
    {"1 1 UDP 1 [::1] 1 typ host", 11, "connection address \"[::1]\""},
    {"1 1 UDP 1 10.0.1.1 65536 typ host", 20, "port \"65536\""},
    {"1 1 UDP 1 10.0.1.1 1 typ host raddr 1.2.3.999 rport 1", 37, "related address"},
    {"1 1 UDP 1 10.0.1.1 1 typ host raddr 1.2.3.4 rport 70000", 51, "related port \"70000\""},
    {"1 1 UDP 1 10.0.1.1 1 typ host raddr", 36, "related address is missing"},
    {"1 1 tcp 1 10.0.1.1 9 typ host tcptype sideways", 39, "tcptype \"sideways\""},
    {"1 1 UDP 1 10.0.1.1 1 typ host generation x", 42, "extension value \"x\""},
    {"1 1 UDP 1 10.0.1.1 1 typ host network-cost -1", 44, "extension value \"-1\""},
    {"1 1 UDP 1 10.0.1.1 1 typ host bad\x01name 1", 31, "extension name"},
    {"candidate:", 11, "foundation is missing"},
    {"1 1 UDP 1 10.0.1.1 1 typ host generation 4294967296", 42, "extension value \"4294967296\""},
    {"1 1 UDP 1 10.0.1.1 1 typ host network-id 99999999999999999999", 42, "is not a 32-bit number"},
    {"1 1 UDP 1 10.0.1.1 1 typ host generation", 41, "extension value is not a 32-bit number"},
    {"1 1 UDP 123456789012 10.0.1.1 1 typ host", 9, "priority \"123456789012\""},
    {"1 0001 UDP 1 10.0.1.1 1 typ host", 3, "component id \"0001\""},
    {"1 1 UDP 1 1.2.3.4.5 1 typ host", 11, "connection address \"1.2.3.4.5\""},
    {"1 1 UDP 1 1234.1.1.1 1 typ host", 11, "connection address \"1234.1.1.1\""},
    {"1 1 UDP 1 1.2.3 1 typ host", 11, "connection address \"1.2.3\""},
    {"1 1 UDP 1 10.0.1.1 1 typ ho(st", 26, "candidate type \"ho(st\" is not a token"},
    {"1 1 UDP 1 10.0.1.1 1 typ host ab(c 1", 31, "extension name \"ab(c\""},
    {"1 1 UDP 1 10.0.1.1 1 typ host ufrag a\x7f" "b", 37, "has a non-visible character"},
    {"1-2 1 UDP 1 10.0.1.1 1 typ host", 1, "foundation \"1-2\""},
    {"1 1 U(P 1 10.0.1.1 1 typ host", 5, "transport \"U(P\" is not a token"},
    {"1 1 UDP 1 10.0.1.1 1 typ host raddr 1.2.3.4 rport 000000000000000000000065536", 51,
     "related port"},
    /* a zone id is tolerated in the connection address only */
    {"1 1 UDP 1 10.0.1.1 1 typ srflx raddr 2001:db8::1%24 rport 9", 38, "related address"},
    {"candidate: 1 udp 2113939711 2607:f8b0:400e:c03::7f 19305 typ host", 14,
     "component id \"udp\""},
};

/* b->in is refused with b->words at b->col. */
static void check_bad_candidate(const bad_case *b)
{
    sdpx_candidate c;
    sdpx_error e;
    memset(&e, 0, sizeof e);
    ck_assert_int_eq(sdpx_candidate_parse_err(b->in, strlen(b->in), &c, &e), SDPX_EVALUE);
    ck_assert_int_eq(sdpx_candidate_parse(b->in, strlen(b->in), &c), SDPX_EVALUE);
    ck_assert_int_eq(e.code, SDPX_EVALUE);
    ck_assert_uint_eq(e.line, 1);
    ck_assert_msg(e.col == b->col, "%s: col %u want %u (%s)", b->in, e.col, b->col, e.msg);
    ck_assert_msg(strstr(e.msg, b->words) != NULL, "%s: message \"%s\" lacks \"%s\"", b->in,
                  e.msg, b->words);
}

START_TEST(test_candidate_bad)
{
    check_bad_candidate(&bad_cands[_i]);
}
END_TEST

/* ---- candidates: the walk's edges ------------------------------------- */

/* Each field missing in turn, tabs (no separator: a field holds them),
 * runs of spaces, numbers at the 8- and 16-digit steps. */
static const bad_case walk_bad[] = {
    {"1", 2, "component id is missing"},
    {"1 1", 4, "transport is missing"},
    {"1 1 udp", 8, "priority is missing"},
    {"1 1 udp 1", 10, "connection address is missing"},
    {"1 1 udp 1 1.2.3.4", 18, "port is missing"},
    {"1 1 udp 1 1.2.3.4 9", 20, "has no \"typ\""},
    {"1 1 udp 1 1.2.3.4 9 typ", 24, "candidate type is missing"},
    {"1 1 udp 1 1.2.3.4 9 typ srflx raddr", 36, "related address is missing"},
    {"1 1 udp 1 1.2.3.4 9 typ srflx raddr 1.2.3.4 rport", 50, "related port is missing"},
    {"1 1 udp   ", 11, "priority is missing"},
    {"candidate:1 1", 14, "transport is missing"},
    {"1 1 u 1 ::1 9", 14, "has no \"typ\""},
    {"1\t1 udp 1 1.2.3.4 9 typ host", 1, "foundation"},
    {"1 1\t udp 1 1.2.3.4 9 typ host", 3, "component id"},
    {"1 1 udp 1 1.2.3.4\t 9 typ host", 11, "connection address"},
    {"1 1 udp 1 1.2.3.4 9\t typ host", 19, "port"},
    {"1 1 udp 1 1.2.3.4 9 typ\t host", 21, "is not \"typ\""},
    {"1 1 udp 1 1.2.3.4 9 typ host ufrag a\tb", 36, "has a non-visible character"},
    {"1 1 udp 1 1.2.3.4 9 typ host a\tb c", 30, "extension name"},
    {"1 1 u/p 1 1.2.3.4 9 typ host", 5, "transport \"u/p\""},
    {"1 1 udp 0000004294967295 1.2.3.4 9 typ host", 9, "priority"},
    {"1 1 udp 12345678x 1.2.3.4 9 typ host", 9, "priority"},
    {"1 1 udp 1234567890123456x 1.2.3.4 9 typ host", 9, "priority"},
    {"1 1 udp 1 1.2.3.4 6553x typ host", 19, "port \"6553x\""},
    {"1 1 udp 1 1.2.3.4 9 typ host generation 42949672951", 41, "is not a 32-bit number"},
    {"1 1 udp 1 1.2.3.4 9 typ host network-id 1234567x", 41, "is not a 32-bit number"},
    {"1 1 udp 1 1.2.3.4 9 typ host tcptype so\x01", 38, "has a non-visible character"},
    {"1 1 udp 1 1.2.3.4 9 typ host tcptype sO", 38, "tcptype \"sO\""},
    /* a 33-byte foundation: one past the 32 an ice-char field may hold */
    {"abcdefghijklmnopqrstuvwxyz+/01234 1 udp 1 1.2.3.4 9 typ host", 1, "foundation"},
    {"abcdefghijklmnop_ 1 udp 1 1.2.3.4 9 typ host", 1, "foundation"},
};

START_TEST(test_candidate_walk_bad)
{
    check_bad_candidate(&walk_bad[_i]);
}
END_TEST

/* Fields of 16, 32 and 64 bytes (the steps of the classing), the largest
 * numbers at the 8- and 16-digit steps, runs of spaces over a 64-byte
 * word, upper-case transports. */
START_TEST(test_candidate_walk_good)
{
    sdpx_candidate c;
    /* a 32-byte foundation, a 16-byte transport, a 10-digit priority */
    const char *a = "abcdefghijklmnopqrstuvwxyz+/0123 256 abcdefghijklmnop 4294967295 "
                    "1.2.3.4 65535 typ host";
    ck_assert_int_eq(sdpx_candidate_parse(a, strlen(a), &c), 0);
    ck_assert_uint_eq(c.foundation.len, 32);
    ck_assert_uint_eq(c.component, 256);
    ck_assert_str_view(c.transport, "abcdefghijklmnop");
    ck_assert_uint_eq(c.priority, 4294967295u);
    ck_assert_uint_eq(c.port, 65535);
    /* 16 and 17 digits with leading zeros, a 64-byte extension value */
    const char *b = "1 1 UDP 0000000012 255.255.255.255 0000000000000009 typ relay raddr 0.0.0.0 "
                    "rport 00000000000000009 x "
                    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    ck_assert_int_eq(sdpx_candidate_parse(b, strlen(b), &c), 0);
    ck_assert_str_view(c.transport, "UDP");
    ck_assert_uint_eq(c.priority, 12);
    ck_assert_int_eq(c.family, SDPX_ADDR_IP4);
    ck_assert_uint_eq(c.port, 9);
    ck_assert_int_eq(c.type, SDPX_CAND_RELAY);
    ck_assert_str_view(c.raddr, "0.0.0.0");
    ck_assert_uint_eq(c.rport, 9);
    ck_assert_uint_eq(c.extensions.len, 2 + 64);
    /* 70 spaces between the first fields, 3 before the extensions */
    char sp[256];
    snprintf(sp, sizeof sp, "7%70s1 Tcp 5 host.example 9 typ host   tcptype passive", "");
    ck_assert_int_eq(sdpx_candidate_parse(sp, strlen(sp), &c), 0);
    ck_assert_str_view(c.foundation, "7");
    ck_assert_uint_eq(c.component, 1);
    ck_assert_str_view(c.transport, "Tcp");
    ck_assert_int_eq(c.family, SDPX_ADDR_FQDN);
    ck_assert_int_eq(c.tcptype, SDPX_TCPTYPE_PASSIVE);
    ck_assert_str_view(c.extensions, "tcptype passive");
    /* an empty extension value: two spaces after the name */
    const char *d = "1 1 udp 1 1.2.3.4 9 typ host ufrag  generation 3";
    ck_assert_int_eq(sdpx_candidate_parse(d, strlen(d), &c), 0);
    ck_assert_str_view(c.extensions, "ufrag  generation 3");
    uint32_t g;
    ck_assert_int_eq(sdpx_candidate_generation(&c, &g), 0);
    ck_assert_uint_eq(g, 3);
}
END_TEST

/* A value longer than the bitmap (256 bytes): fields past it, one across
 * it, and an error past it with its column. */
START_TEST(test_candidate_walk_long)
{
    char buf[1024];
    sdpx_candidate c;
    sdpx_error e;
    int m = snprintf(buf, sizeof buf, "1 1 udp 1 1.2.3.4 9 typ host"); /* 28 bytes */
    for (int k = 0; k < 50; k++)
        m += snprintf(buf + m, sizeof buf - (size_t)m, " ab cd"); /* to byte 328 */
    snprintf(buf + m, sizeof buf - (size_t)m, " generation 7");
    ck_assert_int_eq(sdpx_candidate_parse_err(buf, strlen(buf), &c, &e), 0);
    ck_assert_uint_eq(c.extensions.len, 300 + 13 - 1);
    uint32_t g;
    ck_assert_int_eq(sdpx_candidate_generation(&c, &g), 0);
    ck_assert_uint_eq(g, 7);
    snprintf(buf + m, sizeof buf - (size_t)m, " generation x");
    ck_assert_int_eq(sdpx_candidate_parse_err(buf, strlen(buf), &c, &e), SDPX_EVALUE);
    ck_assert_uint_eq(e.col, 28 + 300 + 12 + 1);
    /* one 300-byte extension value across the bitmap's end, then a bad name */
    m = snprintf(buf, sizeof buf, "1 1 udp 1 1.2.3.4 9 typ host x "); /* 31 bytes */
    for (int k = 0; k < 300; k++)
        buf[m++] = 'v';
    snprintf(buf + m, sizeof buf - (size_t)m, " b(d 1");
    ck_assert_int_eq(sdpx_candidate_parse_err(buf, strlen(buf), &c, &e), SDPX_EVALUE);
    ck_assert_uint_eq(e.col, 31 + 300 + 2);
    ck_assert_ptr_nonnull(strstr(e.msg, "extension name"));
    buf[m] = '\0';
    ck_assert_int_eq(sdpx_candidate_parse(buf, strlen(buf), &c), 0);
    ck_assert_uint_eq(c.extensions.len, 2 + 300);
}
END_TEST

/* Dotted quads as a candidate's connection and related address: each
 * branch of the octet compare with "255" (first digit below 2; 2 then
 * below 5; 2, 5 then 5 or less), and shapes that are no dotted quad.
 * family -1: the candidate is refused (an all-numeric address must be
 * IPv4). */
static const struct {
    const char *addr;
    int family;
} quad_cases[] = {
    {"199.249.250.255", SDPX_ADDR_IP4}, {"0.00.000.9", SDPX_ADDR_IP4},
    {"12.34.56.78", SDPX_ADDR_IP4},     {"255.255.255.254", SDPX_ADDR_IP4},
    {"256.1.1.1", -1},                  {"1.260.1.1", -1},
    {"1.1.300.1", -1},                  {"1.1.1.999", -1},
    {"1.1.1.1000", -1},                 {"1..1.1", -1},
    {".1.1.1", -1},                     {"1.1.1.", -1},
    {"1.1.1.1.1", -1},                  {"1.1.1", -1},
    {"1.2.3.4x", SDPX_ADDR_FQDN},
};

START_TEST(test_candidate_dotted_quad)
{
    char in[128];
    sdpx_candidate c;
    int want = quad_cases[_i].family;
    snprintf(in, sizeof in, "1 1 udp 1 %s 9 typ host", quad_cases[_i].addr);
    ck_assert_int_eq(sdpx_candidate_parse(in, strlen(in), &c), want < 0 ? SDPX_EVALUE : 0);
    if (want >= 0)
        ck_assert_int_eq(c.family, want);
    snprintf(in, sizeof in, "1 1 udp 1 1.2.3.4 9 typ srflx raddr %s rport 9", quad_cases[_i].addr);
    ck_assert_int_eq(sdpx_candidate_parse(in, strlen(in), &c), want < 0 ? SDPX_EVALUE : 0);
    if (want >= 0)
        ck_assert_str_view(c.raddr, quad_cases[_i].addr);
}
END_TEST

/* The result as a whole: a candidate without the optional fields has them
 * all 0 over whatever *out held, every byte of *out is written, and a
 * refused candidate leaves *out as it was. */
START_TEST(test_candidate_result_whole)
{
    sdpx_candidate c, before;
    memset(&c, 0xa5, sizeof c);
    const char *in = "1 1 udp 1 1.2.3.4 9 typ host";
    ck_assert_int_eq(sdpx_candidate_parse(in, strlen(in), &c), 0);
    ck_assert_ptr_null(c.raddr.ptr);
    ck_assert_uint_eq(c.raddr.len, 0);
    ck_assert_int_eq(c.has_raddr, 0);
    ck_assert_uint_eq(c.rport, 0);
    ck_assert_int_eq(c.has_rport, 0);
    ck_assert_int_eq(c.tcptype, SDPX_TCPTYPE_NONE);
    ck_assert_str_view(c.extensions, "");
    const unsigned char *b = (const unsigned char *)&c;
    size_t marked = 0;
    for (size_t i = 0; i < sizeof c; i++)
        marked += b[i] == 0xa5;
    ck_assert_uint_eq(marked, 0); /* no byte of the result holds 0xa5 */
    memset(&c, 0x5a, sizeof c);
    memcpy(&before, &c, sizeof c);
    const char *bad = "1 1 udp 1 1.2.3.4 9 typ host generation x";
    ck_assert_int_eq(sdpx_candidate_parse(bad, strlen(bad), &c), SDPX_EVALUE);
    ck_assert_int_eq(memcmp(&c, &before, sizeof c), 0);
}
END_TEST

/* One-digit numbers: the digits at the ends of 0-9 as component id,
 * priority, port, related port and numeric extensions. */
START_TEST(test_candidate_one_digit)
{
    sdpx_candidate c;
    uint32_t g;
    const char *ok = "9 9 udp 0 1.2.3.4 0 typ srflx raddr 1.2.3.4 rport 9 generation 9 "
                     "network-id 0";
    ck_assert_int_eq(sdpx_candidate_parse(ok, strlen(ok), &c), 0);
    ck_assert_uint_eq(c.component, 9);
    ck_assert_uint_eq(c.priority, 0);
    ck_assert_uint_eq(c.port, 0);
    ck_assert_uint_eq(c.rport, 9);
    ck_assert_int_eq(sdpx_candidate_generation(&c, &g), 0);
    ck_assert_uint_eq(g, 9);
    ck_assert_int_eq(sdpx_candidate_network_id(&c, &g), 0);
    ck_assert_uint_eq(g, 0);
}
END_TEST

/* Numbers of two to four digits (ports, component ids, costs), read eight
 * bytes at a time: their values at the ends of the ranges. */
START_TEST(test_candidate_short_numbers)
{
    sdpx_candidate c;
    uint32_t cost;
    const char *ok = "1 10 udp 99 1.2.3.4 6553 typ srflx raddr 1.2.3.4 rport 0000 "
                     "network-cost 50";
    ck_assert_int_eq(sdpx_candidate_parse(ok, strlen(ok), &c), 0);
    ck_assert_uint_eq(c.component, 10);
    ck_assert_uint_eq(c.priority, 99);
    ck_assert_uint_eq(c.port, 6553);
    ck_assert_uint_eq(c.rport, 0);
    ck_assert_int_eq(sdpx_candidate_network_cost(&c, &cost), 0);
    ck_assert_uint_eq(cost, 50);
    const char *top = "1 256 udp 1 1.2.3.4 999 typ host";
    ck_assert_int_eq(sdpx_candidate_parse(top, strlen(top), &c), 0);
    ck_assert_uint_eq(c.component, 256);
    ck_assert_uint_eq(c.port, 999);
}
END_TEST

/* Numbers of one to four digits that are no number or out of range: a
 * byte outside 0-9 ('/' and ':' are next to its ends) first, inside or
 * last, as component id, priority, port, related port and extension. */
static const char *const short_numbers_bad[] = {
    "1 0 udp 1 1.2.3.4 9 typ host",                          /* component 0 */
    "1 / udp 1 1.2.3.4 9 typ host",                          /* below '0' */
    "1 : udp 1 1.2.3.4 9 typ host",                          /* above '9' */
    "1 1 udp / 1.2.3.4 9 typ host",                          /* priority */
    "1 1 udp 1 1.2.3.4 : typ host",                          /* port */
    "1 1 udp 1 1.2.3.4 9 typ srflx raddr 1.2.3.4 rport /",   /* related port */
    "1 1 udp 1 1.2.3.4 9 typ host generation :",             /* numeric extension */
    "1 1 udp 1 1.2.3.4 9 typ host network-cost /",
    "1 257 udp 1 1.2.3.4 9 typ host",                        /* component above 256 */
    "1 1/ udp 1 1.2.3.4 9 typ host",                         /* last byte below '0' */
    "1 :1 udp 1 1.2.3.4 9 typ host",                         /* first byte above '9' */
    "1 1 udp 1 1.2.3.4 6:53 typ host",                       /* inside */
    "1 1 udp 1 1.2.3.4 9 typ srflx raddr 1.2.3.4 rport 12a", /* related port */
    "1 1 udp 1 1.2.3.4 9 typ host network-cost 5:0",         /* numeric extension */
    "1 1 udp 1 1.2.3.4 9 typ host generation 1x",
};

START_TEST(test_candidate_short_numbers_bad)
{
    sdpx_candidate c;
    const char *in = short_numbers_bad[_i];
    ck_assert_msg(sdpx_candidate_parse(in, strlen(in), &c) == SDPX_EVALUE, "%s", in);
}
END_TEST

static const char *const end_cases[] = {"", "\r\n", "\n", "a=end-of-candidates",
                                        "a=end-of-candidates\r\n", "end-of-candidates"};

START_TEST(test_candidate_end)
{
    sdpx_candidate c;
    const char *s = end_cases[_i];
    ck_assert_int_eq(sdpx_candidate_parse(s, strlen(s), &c), SDPX_CANDIDATE_END);
    ck_assert_int_eq(sdpx_candidate_parse_err(s, strlen(s), &c, NULL), SDPX_CANDIDATE_END);
}
END_TEST

START_TEST(test_candidate_null)
{
    sdpx_candidate c;
    ck_assert_int_eq(sdpx_candidate_parse(NULL, 0, &c), SDPX_CANDIDATE_END);
    ck_assert_int_eq(sdpx_candidate_parse(NULL, 3, &c), SDPX_EINVAL);
    /* the length bounds the read: the bytes after it are never looked at */
    const char *s = "1 1 UDP 1 10.0.1.1 1 typ host generation 7";
    ck_assert_int_eq(sdpx_candidate_parse(s, strlen(s) - 13, &c), 0);
    ck_assert_uint_eq(c.extensions.len, 0);
}
END_TEST

/* ---- extensions ------------------------------------------------------- */

START_TEST(test_candidate_extensions)
{
    const char *s = "1 1 tcp 1 10.0.0.1 9 typ host tcptype active generation 2 ufrag Jzd0 "
                    "network-id 3 network-cost 50 unsupported foo empty-ext ";
    sdpx_candidate c;
    ck_assert_int_eq(sdpx_candidate_parse(s, strlen(s), &c), 0);
    static const char *const want[][2] = {{"tcptype", "active"}, {"generation", "2"},
                                          {"ufrag", "Jzd0"},     {"network-id", "3"},
                                          {"network-cost", "50"}, {"unsupported", "foo"},
                                          {"empty-ext", ""}};
    sdpx_str rest = c.extensions, n, v;
    size_t i = 0;
    while (sdpx_candidate_ext_next(&rest, &n, &v)) {
        ck_assert_uint_lt(i, 7);
        ck_assert_str_view(n, want[i][0]);
        ck_assert_str_view(v, want[i][1]);
        i++;
    }
    ck_assert_uint_eq(i, 7);
    uint32_t u;
    sdpx_str sv;
    ck_assert_int_eq(sdpx_candidate_generation(&c, &u), 0);
    ck_assert_uint_eq(u, 2);
    ck_assert_int_eq(sdpx_candidate_network_id(&c, &u), 0);
    ck_assert_uint_eq(u, 3);
    ck_assert_int_eq(sdpx_candidate_network_cost(&c, &u), 0);
    ck_assert_uint_eq(u, 50);
    ck_assert_int_eq(sdpx_candidate_ufrag(&c, &sv), 0);
    ck_assert_str_view(sv, "Jzd0");
    ck_assert_int_eq(sdpx_candidate_ext(&c, "unsupported", &sv), 0);
    ck_assert_str_view(sv, "foo");
    ck_assert_int_eq(sdpx_candidate_ext(&c, "nope", &sv), SDPX_ENOTFOUND);

    const char *t = "1 1 udp 1 10.0.0.1 9 typ host";
    ck_assert_int_eq(sdpx_candidate_parse(t, strlen(t), &c), 0);
    ck_assert_int_eq(sdpx_candidate_generation(&c, &u), SDPX_ENOTFOUND);
    ck_assert_int_eq(sdpx_candidate_ufrag(&c, &sv), SDPX_ENOTFOUND);
    ck_assert_str_eq(sdpx_cand_type_name(SDPX_CAND_SRFLX), "srflx");
    ck_assert_ptr_null(sdpx_cand_type_name(SDPX_CAND_OTHER));
    ck_assert_str_eq(sdpx_tcptype_name(SDPX_TCPTYPE_SO), "so");
    ck_assert_ptr_null(sdpx_tcptype_name(SDPX_TCPTYPE_NONE));
}
END_TEST

/* ---- encoder ---------------------------------------------------------- */

static const char *const canonical[] = {
    "1 1 UDP 2130706431 10.0.1.1 8998 typ host",
    "2 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 10.0.1.1 rport 8998",
    "1 1 TCP 2128609279 10.0.1.1 9 typ host tcptype active",
    "842163049 1 udp 1677729535 203.0.113.7 56143 typ srflx raddr 0.0.0.0 rport 0 generation 0 "
    "ufrag EsAw network-id 1 network-cost 999",
    "a0+B/1 2 tcp 1 fe80::1 9 typ prflx generation 0 tcptype so",
    "x 1 udp 7 host.local 1 typ custom rport 5 name value",
};

START_TEST(test_candidate_roundtrip)
{
    const char *v = canonical[_i];
    sdpx_candidate c;
    char buf[512];
    ck_assert_int_eq(sdpx_candidate_parse(v, strlen(v), &c), 0);
    int n = sdpx_candidate_write(&c, buf, sizeof buf);
    ck_assert_int_eq(n, (int)strlen(v));
    ck_assert_str_eq(buf, v);
    /* snprintf rules: the length without room, a cut NUL-terminated copy with some */
    ck_assert_int_eq(sdpx_candidate_write(&c, NULL, 0), n);
    char small[8];
    ck_assert_int_eq(sdpx_candidate_write(&c, small, sizeof small), n);
    ck_assert_uint_eq(strlen(small), 7);
    ck_assert(memcmp(small, v, 7) == 0);
}
END_TEST

START_TEST(test_candidate_write_built)
{
    /* a struct filled by hand: names from the enums, tcptype added */
    sdpx_candidate c;
    memset(&c, 0, sizeof c);
    c.foundation = view_of("f1");
    c.component = 1;
    c.transport = view_of("TCP");
    c.priority = 5;
    c.address = view_of("192.0.2.1");
    c.port = 9;
    c.type = SDPX_CAND_HOST;
    c.tcptype = SDPX_TCPTYPE_PASSIVE;
    c.extensions = view_of("generation 0");
    char buf[128];
    sdpx_candidate_write(&c, buf, sizeof buf);
    ck_assert_str_eq(buf, "f1 1 TCP 5 192.0.2.1 9 typ host tcptype passive generation 0");
    c.address = view_of("192.0.2.1\r\na=x");
    ck_assert_int_eq(sdpx_candidate_write(&c, buf, sizeof buf), SDPX_EINVAL);
    /* an extension type needs its name; empty mandatory fields are refused */
    c.address = view_of("192.0.2.1");
    c.type = SDPX_CAND_OTHER;
    ck_assert_int_eq(sdpx_candidate_write(&c, buf, sizeof buf), SDPX_EINVAL);
    c.type_name = view_of("mytype");
    ck_assert_int_eq(sdpx_candidate_write(&c, buf, sizeof buf), 62);
    ck_assert_str_eq(buf, "f1 1 TCP 5 192.0.2.1 9 typ mytype tcptype passive generation 0");
    c.foundation = view_of("");
    ck_assert_int_eq(sdpx_candidate_write(&c, buf, sizeof buf), SDPX_EINVAL);
}
END_TEST

/* One field of a good candidate made bad per row: values decode_candidate
 * would not read back as the same struct (RFC 8839 5.1). */
typedef struct {
    const char *foundation, *transport, *address, *type_name, *raddr;
    uint32_t component;
} cand_bad_case;

static const cand_bad_case cand_write_bad[] = {
    {"f 1", "udp", "192.0.2.1", "", NULL, 1},      /* foundation = 1*32ice-char */
    {"f-1", "udp", "192.0.2.1", "", NULL, 1},
    {"123456789012345678901234567890123", "udp", "192.0.2.1", "", NULL, 1}, /* 33 chars */
    {"f1", "u dp", "192.0.2.1", "", NULL, 1},      /* transport is a token */
    {"f1", "", "192.0.2.1", "", NULL, 1},
    {"f1", "udp\r\na=x", "192.0.2.1", "", NULL, 1},
    {"f1", "udp", "192.0.2.1 9", "", NULL, 1},     /* one connection address */
    {"f1", "udp", "300.0.2.1", "", NULL, 1},
    {"f1", "udp", "", "", NULL, 1},
    {"f1", "udp", "192.0.2.1", "my type", NULL, 1}, /* candidate type is a token */
    {"f1", "udp", "192.0.2.1", "", "10.0.0.1 x", 1}, /* rel-addr is one address */
    {"f1", "udp", "192.0.2.1", "", NULL, 0},       /* RFC 8445 5.1.1: component 1-256 */
    {"f1", "udp", "192.0.2.1", "", NULL, 257},
};

START_TEST(test_candidate_write_refuses)
{
    const cand_bad_case *b = &cand_write_bad[_i];
    sdpx_candidate c;
    memset(&c, 0, sizeof c);
    c.foundation = view_of(b->foundation);
    c.component = b->component;
    c.transport = view_of(b->transport);
    c.priority = 5;
    c.address = view_of(b->address);
    c.port = 9;
    c.type = SDPX_CAND_HOST;
    c.type_name = view_of(b->type_name);
    if (b->raddr) {
        c.raddr = view_of(b->raddr);
        c.has_raddr = 1;
    }
    char buf[128];
    memset(buf, 'z', sizeof buf);
    ck_assert_int_eq(sdpx_candidate_write(&c, buf, sizeof buf), SDPX_EINVAL);
    ck_assert_str_eq(buf, ""); /* nothing refused is left in the buffer */
}
END_TEST

/* Remote candidates sdpx_remote_candidate_next would not read back (RFC 8839 5.2). */
typedef struct {
    uint32_t component;
    const char *address;
} remote_bad_case;

static const remote_bad_case remote_write_bad[] = {
    {1, "192.0.2.3 7"}, {1, ""}, {1, "192.0.2.3\r\na=x"}, {1, "bad_host"}, {0, "192.0.2.3"},
    {257, "192.0.2.3"},
};

START_TEST(test_remote_candidate_write_refuses)
{
    sdpx_remote_candidate r;
    memset(&r, 0, sizeof r);
    r.component = remote_write_bad[_i].component;
    r.address = view_of(remote_write_bad[_i].address);
    r.port = 9;
    char buf[64];
    memset(buf, 'z', sizeof buf);
    ck_assert_int_eq(sdpx_remote_candidate_write(&r, buf, sizeof buf), SDPX_EINVAL);
    ck_assert_str_eq(buf, "");
}
END_TEST

/* ---- credentials, options, remote-candidates, pacing ------------------ */

typedef struct {
    int kind; /* 0 ufrag, 1 pwd, 2 options, 3 pacing */
    const char *value;
    int rc;
} simple_case;

static const simple_case simple_cases[] = {
    {0, "8hhY", 0},                          /* RFC 8839 example */
    {0, "a+b/", 0},
    {0, "abc", SDPX_EVALUE},                 /* under 4 */
    {0, "ufrag_voice", SDPX_EVALUE},         /* '_' is no ice-char */
    {1, "asd88fgpdd777uzjYhagZg", 0},        /* RFC 8839 example, 22 chars */
    {1, "asd88fgpdd777uzjYhagZ", SDPX_EVALUE}, /* 21 */
    {1, "asd88fgpdd777uzjYhag-g", SDPX_EVALUE},
    {2, "trickle", 0},
    {2, "ice2 trickle renomination", 0},
    {2, "google-ice", 0},
    {2, "", SDPX_EVALUE},
    {2, "ice2,trickle", SDPX_EVALUE},
    {3, "50", 0},
    {3, "4294967295", 0},
    {3, "4294967296", SDPX_EVALUE},
    {3, "-1", SDPX_EVALUE},
    {3, "", SDPX_EVALUE},
};

START_TEST(test_simple_values)
{
    const simple_case *c = &simple_cases[_i];
    sdpx_str out, v = view_of(c->value);
    uint32_t ms;
    int rc;
    switch (c->kind) {
    case 0:
        rc = sdpx_ice_ufrag_parse(v, &out);
        break;
    case 1:
        rc = sdpx_ice_pwd_parse(v, &out);
        break;
    case 2: {
        sdpx_str rest = v, tag;
        int n = 0;
        while ((rc = sdpx_ice_options_next(&rest, &tag)) == 1)
            n++;
        if (rc == 0 && n == 0)
            rc = SDPX_EVALUE;
        break;
    }
    default:
        rc = sdpx_ice_pacing_parse(v, &ms);
        break;
    }
    ck_assert_msg(rc == c->rc, "%d \"%s\": got %d", c->kind, c->value, rc);
    if (rc == 0 && c->kind < 2)
        ck_assert(out.ptr == v.ptr && out.len == v.len);
}
END_TEST

START_TEST(test_ice_options_has)
{
    sdpx_str v = view_of("ice2 trickle");
    ck_assert_int_eq(sdpx_ice_options_has(v, "trickle"), 1);
    ck_assert_int_eq(sdpx_ice_options_has(v, "ice2"), 1);
    ck_assert_int_eq(sdpx_ice_options_has(v, "trick"), 0);
    uint32_t ms = 0;
    ck_assert_int_eq(sdpx_ice_pacing_parse(view_of("20"), &ms), 0);
    ck_assert_uint_eq(ms, 20);
}
END_TEST

START_TEST(test_remote_candidates)
{
    /* RFC 8839 5.2 */
    sdpx_str rest = view_of("1 192.0.2.3 45664 2 2001:db8::1 45665"), v = rest;
    sdpx_remote_candidate r;
    char buf[64];
    ck_assert_int_eq(sdpx_remote_candidate_next(&rest, &r), 1);
    ck_assert_uint_eq(r.component, 1);
    ck_assert_str_view(r.address, "192.0.2.3");
    ck_assert_int_eq(r.family, SDPX_ADDR_IP4);
    ck_assert_uint_eq(r.port, 45664);
    ck_assert_int_eq(sdpx_remote_candidate_write(&r, buf, sizeof buf), 17);
    ck_assert_str_eq(buf, "1 192.0.2.3 45664");
    ck_assert_int_eq(sdpx_remote_candidate_next(&rest, &r), 1);
    ck_assert_int_eq(r.family, SDPX_ADDR_IP6);
    ck_assert_uint_eq(r.port, 45665);
    ck_assert_int_eq(sdpx_remote_candidate_next(&rest, &r), 0);
    (void)v;
    rest = view_of("1 192.0.2.3");
    ck_assert_int_eq(sdpx_remote_candidate_next(&rest, &r), SDPX_EVALUE);
    rest = view_of("0 192.0.2.3 1");
    ck_assert_int_eq(sdpx_remote_candidate_next(&rest, &r), SDPX_EVALUE);
}
END_TEST

/* ---- strict mode: the error points at the bad token ------------------- */

typedef struct {
    const char *line; /* one a= line put in a media section */
    unsigned col;     /* 0: must pass */
    const char *words;
} strict_case;

static const strict_case strict_cases[] = {
    {"a=candidate:1 1 UDP 2130706431 10.0.1.1 8998 typ host", 0, NULL},
    {"a=candidate:1 1 UDP 2130706431 10.0.1.1 8998", 45, "has no \"typ\""},
    {"a=candidate:1 1 UDP 2130706431 10.0.1.1 8998 typ host tcptype x", 63, "tcptype \"x\""},
    {"a=ice-ufrag:8hhY", 0, NULL},
    {"a=ice-ufrag:8h_Y", 15, "character \"_\""},
    {"a=ice-pwd:asd88fgpdd777uzjYhagZg", 0, NULL},
    {"a=ice-pwd:short", 11, "ice-pwd \"short\""},
    {"a=ice-options:trickle", 0, NULL},
    {"a=ice-options:a,b", 15, "ice option \"a,b\""},
    {"a=remote-candidates:1 192.0.2.3 45664", 0, NULL},
    {"a=remote-candidates:1 192.0.2.3 x", 33, "remote port \"x\""},
    {"a=end-of-candidates", 0, NULL},
    {"a=end-of-candidates:x", 21, "takes no value"},
};

START_TEST(test_strict)
{
    const strict_case *c = &strict_cases[_i];
    check_strict_line(c->line, 0, c->col, c->words);
}
END_TEST

/* ---- scoped accessors -------------------------------------------------- */

START_TEST(test_accessors)
{
    static const char sdp[] = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                              "a=ice-lite\r\n"
                              "a=ice-ufrag:sess\r\na=ice-pwd:sessionpasswordsessionpw\r\n"
                              "a=ice-options:trickle\r\n"
                              "m=audio 9 RTP/AVP 0\r\n"
                              "a=ice-ufrag:med1\r\na=ice-pwd:mediapasswordmediapassw\r\n"
                              "a=ice-options:ice2\r\n"
                              "m=video 9 RTP/AVP 96\r\n";
    sdpx_session *s = parse_ok(sdp, 0);
    sdpx_media *a = sdpx_session_media_mut(s, 0), *v = sdpx_session_media_mut(s, 1);
    sdpx_str out;
    ck_assert_int_eq(sdpx_media_ice_ufrag(a, &out), 0);
    ck_assert_str_view(out, "med1");
    ck_assert_int_eq(sdpx_media_ice_ufrag(v, &out), 0);
    ck_assert_str_view(out, "sess");
    ck_assert_int_eq(sdpx_media_ice_pwd(a, &out), 0);
    ck_assert_str_view(out, "mediapasswordmediapassw");
    ck_assert_int_eq(sdpx_media_ice_pwd(v, &out), 0);
    ck_assert_str_view(out, "sessionpasswordsessionpw");
    ck_assert_int_eq(sdpx_media_ice_options(a, &out), 0);
    ck_assert_str_view(out, "ice2");
    ck_assert_int_eq(sdpx_media_ice_options(v, &out), 0);
    ck_assert_str_view(out, "trickle");
    ck_assert_int_eq(sdpx_session_ice_lite(s), 1);
    sdpx_session_free(s);

    s = parse_ok("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n", 0);
    a = sdpx_session_media_mut(s, 0);
    ck_assert_int_eq(sdpx_media_ice_ufrag(a, &out), SDPX_ENOTFOUND);
    ck_assert_int_eq(sdpx_media_ice_pwd(a, &out), SDPX_ENOTFOUND);
    ck_assert_int_eq(sdpx_media_ice_options(a, &out), SDPX_ENOTFOUND);
    ck_assert_int_eq(sdpx_session_ice_lite(s), 0);
    sdpx_session_free(s);
}
END_TEST

/* ---- corpus ------------------------------------------------------------ */

/* Lines of candidates.txt that do not decode, each with the reason it is
 * right to reject them (most come from parsers' negative tests). */
static const struct {
    unsigned line;
    const char *why;
} cand_rejects[] = {
    {78, "raddr 192.168.0.274: octet over 255"},
    {86, "priority 99999999999 does not fit 32 bits"},
    {87, "port 99999999 over 65535"},
    {88, "raddr 192.168.0.278: octet over 255"},
    {89, "address 50.0.0.^^1 has '^'"},
    {90, "address 192.0#.2.15 has '#'"},
    {91, "address 191.228.2@338.68 has '@'"},
    {92, "rport 999999 over 65535"},
    {93, "tcptype INVALID is not active/passive/so (RFC 6544)"},
    {94, "component id 0 (RFC 8445: 1-256)"},
    {96, "raddr 192.168.0.274: octet over 255"},
    {161, "port 12345678 over 65535"},
    {165, "tcptype invalid is not active/passive/so (RFC 6544)"},
    {192, "[::1]: brackets are not part of an SDP IPv6 address"},
};

static const char *cand_reject_reason(unsigned line)
{
    for (size_t i = 0; i < sizeof cand_rejects / sizeof cand_rejects[0]; i++)
        if (cand_rejects[i].line == line)
            return cand_rejects[i].why;
    return NULL;
}

/* Values in valid/ files that break their attribute's RFC grammar: the file
 * (prefix), the value (prefix), and why the file is valid anyway. */
static const struct {
    const char *file;
    const char *value;
    const char *why;
} attr_rejects[] = {
    {"libwebrtc", "ufrag_", "libwebrtc test placeholder: '_' is no ice-char (RFC 8839 5.4)"},
    {"libwebrtc", "pwd_", "libwebrtc test placeholder: '_', shorter than 22 (RFC 8839 5.4)"},
    {"libwebrtc__SctpPortInUnsupportedContent", "",
     "a=sctp-port without a value: the test is about ignoring it"},
    {"sipsorcery__CheckMediaFormatNegotiationUnitTest", "ice2,trickle",
     "comma-separated ice-options (RFC 8839 5.6 wants spaces)"},
    {"werift__issue-14", " 1 ", "Chrome sent a candidate with an empty foundation"},
    {"mozilla-webrtc-sdp__test_mask_sdp", "12340", "masking test: a 5-character ice-pwd"},
    {"mozilla-webrtc-sdp__test_mask_sdp", "0 10.0.0.1", "masking test: remote candidate component 0"},
    {"sdp-transform__st2110-20", "secondary;", "a=mid:secondary; has a stray ';'"},
};

static const char *attr_reject_reason(const char *file, sdpx_str value)
{
    for (size_t i = 0; i < sizeof attr_rejects / sizeof attr_rejects[0]; i++) {
        size_t fl = strlen(attr_rejects[i].file), vl = strlen(attr_rejects[i].value);
        if (strncmp(file, attr_rejects[i].file, fl) == 0 && value.len >= vl &&
            memcmp(value.ptr, attr_rejects[i].value, vl) == 0)
            return attr_rejects[i].why;
    }
    return NULL;
}

static const sdpx_attr_kind corpus_kinds[] = {
    SDPX_ATTR_CANDIDATE,   SDPX_ATTR_ICE_UFRAG,  SDPX_ATTR_ICE_PWD,        SDPX_ATTR_ICE_OPTIONS,
    SDPX_ATTR_REMOTE_CANDIDATES, SDPX_ATTR_ICE_PACING, SDPX_ATTR_FINGERPRINT, SDPX_ATTR_SETUP,
    SDPX_ATTR_TLS_ID,      SDPX_ATTR_CRYPTO,     SDPX_ATTR_SCTP_PORT,      SDPX_ATTR_MAX_MESSAGE_SIZE,
    SDPX_ATTR_SCTPMAP,     SDPX_ATTR_GROUP,      SDPX_ATTR_MID,
};
#define NKINDS (sizeof corpus_kinds / sizeof corpus_kinds[0])

/* Decode one value with its kind's public decoder. */
static int decode_any(sdpx_attr_kind k, sdpx_str v, int has_value)
{
    union {
        sdpx_candidate c;
        sdpx_fingerprint f;
        sdpx_crypto cr;
        sdpx_sctpmap sm;
        sdpx_group g;
        sdpx_remote_candidate rc;
    } u;
    sdpx_str s;
    uint16_t port;
    uint32_t u32;
    uint64_t u64;
    sdpx_setup setup;
    if (!has_value)
        return SDPX_EVALUE;
    switch (k) {
    case SDPX_ATTR_CANDIDATE: {
        /* the standalone parser takes a bare a=candidate value too */
        int rc = sdpx_candidate_parse(v.ptr, v.len, &u.c);
        return rc == SDPX_CANDIDATE_END ? SDPX_EVALUE : rc;
    }
    case SDPX_ATTR_ICE_UFRAG: return sdpx_ice_ufrag_parse(v, &s);
    case SDPX_ATTR_ICE_PWD: return sdpx_ice_pwd_parse(v, &s);
    case SDPX_ATTR_ICE_OPTIONS: {
        int rc, n = 0;
        while ((rc = sdpx_ice_options_next(&v, &s)) == 1)
            n++;
        return rc < 0 || n == 0 ? SDPX_EVALUE : 0;
    }
    case SDPX_ATTR_REMOTE_CANDIDATES: {
        int rc, n = 0;
        while ((rc = sdpx_remote_candidate_next(&v, &u.rc)) == 1)
            n++;
        return rc < 0 || n == 0 ? SDPX_EVALUE : 0;
    }
    case SDPX_ATTR_ICE_PACING: return sdpx_ice_pacing_parse(v, &u32);
    case SDPX_ATTR_FINGERPRINT: return sdpx_fingerprint_parse(v, &u.f);
    case SDPX_ATTR_SETUP: return sdpx_setup_parse(v, &setup);
    case SDPX_ATTR_TLS_ID: return sdpx_tls_id_parse(v, &s);
    case SDPX_ATTR_CRYPTO: return sdpx_crypto_parse(v, &u.cr);
    case SDPX_ATTR_SCTP_PORT: return sdpx_sctp_port_parse(v, &port);
    case SDPX_ATTR_MAX_MESSAGE_SIZE: return sdpx_max_message_size_parse(v, &u64);
    case SDPX_ATTR_SCTPMAP: return sdpx_sctpmap_parse(v, &u.sm);
    case SDPX_ATTR_GROUP: return sdpx_group_parse(v, &u.g);
    case SDPX_ATTR_MID: return sdpx_mid_parse(v, &s);
    default: return 0;
    }
}

/* Encode a decoded value again (kinds with a structured encoder). Returns
 * the length, or -1 when the kind has no such encoder. */
static int reencode(sdpx_attr_kind k, sdpx_str v, char *buf, size_t cap)
{
    union {
        sdpx_candidate c;
        sdpx_fingerprint f;
        sdpx_crypto cr;
        sdpx_sctpmap sm;
        sdpx_group g;
    } u;
    switch (k) {
    case SDPX_ATTR_CANDIDATE:
        ck_assert_int_eq(sdpx_candidate_parse(v.ptr, v.len, &u.c), 0);
        return sdpx_candidate_write(&u.c, buf, cap);
    case SDPX_ATTR_FINGERPRINT:
        ck_assert_int_eq(sdpx_fingerprint_parse(v, &u.f), 0);
        return sdpx_fingerprint_write(&u.f, buf, cap);
    case SDPX_ATTR_CRYPTO:
        ck_assert_int_eq(sdpx_crypto_parse(v, &u.cr), 0);
        return sdpx_crypto_write(&u.cr, buf, cap);
    case SDPX_ATTR_SCTPMAP:
        ck_assert_int_eq(sdpx_sctpmap_parse(v, &u.sm), 0);
        return sdpx_sctpmap_write(&u.sm, buf, cap);
    case SDPX_ATTR_GROUP:
        ck_assert_int_eq(sdpx_group_parse(v, &u.g), 0);
        return sdpx_group_write(&u.g, buf, cap);
    default:
        return -1;
    }
}

/* encode(decode(v)) is v itself, or (v not canonical: lowercase hex, extra
 * spaces) a value that decodes and encodes to itself. Returns 1 when exact. */
static int roundtrip(const char *file, unsigned line, sdpx_attr_kind k, sdpx_str v)
{
    char a[4096], b[4096];
    int n = reencode(k, v, a, sizeof a);
    if (n < 0)
        return -1;
    ck_assert_msg(n > 0 && (size_t)n < sizeof a, "%s:%u: encoder gave %d", file, line, n);
    if ((size_t)n == v.len && memcmp(a, v.ptr, v.len) == 0)
        return 1;
    int m = reencode(k, (sdpx_str){a, (size_t)n}, b, sizeof b);
    ck_assert_msg(m == n && memcmp(a, b, (size_t)n) == 0, "%s:%u: \"%s\" encodes to \"%s\"", file,
                  line, a, b);
    return 0;
}

static void corpus_candidates(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/candidates.txt", dir);
    size_t len;
    char *buf = read_file(path, &len);
    ck_assert_msg(buf != NULL, "cannot read %s", path);
    unsigned line = 0, ok = 0, rejected = 0, failures = 0;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(buf + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (buf + i)) + 1 : len - i; /* the LF included */
        line++;
        sdpx_candidate c;
        sdpx_error e;
        int rc = sdpx_candidate_parse_err(buf + i, n, &c, &e);
        const char *why = cand_reject_reason(line);
        if (rc == 0 && !why) {
            ok++;
        } else if (rc == SDPX_EVALUE && why) {
            rejected++;
        } else {
            failures++;
            fprintf(stderr, "candidates.txt:%u:%u: rc %d (%s) %s\n", line, e.col, rc,
                    why ? "listed as rejected" : e.msg, why ? why : "");
        }
        i += n;
    }
    free(buf);
    printf("candidates.txt: %u lines, %u decoded, %u rejected as listed\n", line, ok, rejected);
    ck_assert_uint_eq(failures, 0);
    ck_assert_uint_eq(rejected, sizeof cand_rejects / sizeof cand_rejects[0]);
    ck_assert_uint_gt(ok, 350);
}

/* Per-kind counts of the corpus walk. */
typedef struct {
    unsigned ok[NKINDS], rej[NKINDS], fail, exact[2];
} tally;

/* Decode one value of the walk; `vrc` is the strict validator's answer for
 * the same line (1 when there is no parsed line to ask). */
static void count_value(tally *t, const char *file, unsigned line, sdpx_attr_kind k, sdpx_str v,
                        int has_value, int vrc, sdpx_str text)
{
    size_t ki;
    for (ki = 0; ki < NKINDS && corpus_kinds[ki] != k; ki++)
        ;
    if (ki == NKINDS)
        return;
    int rc = decode_any(k, v, has_value);
    /* the strict check refuses whatever the decoder refuses (and adds the
     * rules RFC 8839 5.1 states in prose, and refuses zone ids) */
    ck_assert_msg(vrc == 1 || rc == 0 || vrc != 0, "%s:%u: decoder %d, validator %d", file,
                  line, rc, vrc);
    if (rc == 0) {
        t->ok[ki]++;
        int rt = roundtrip(file, line, k, v);
        if (rt >= 0)
            t->exact[rt]++;
    } else if (attr_reject_reason(file, v)) {
        t->rej[ki]++;
    } else {
        t->fail++;
        fprintf(stderr, "%s:%u: does not decode: %.*s\n", file, line, (int)text.len, text.ptr);
    }
}

static void count_section(tally *t, const char *file,
                          const sdpx_line *(*line_at)(const void *, size_t), const void *sec,
                          size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const sdpx_line *l = line_at(sec, i);
        if (sdpx_line_kind(l) <= SDPX_ATTR_OTHER)
            continue;
        count_value(t, file, sdpx_line_number(l), sdpx_line_kind(l), sdpx_attr_value(l),
                    sdpx_attr_has_value(l), sdpx_attr_validate(l, NULL), sdpx_line_text(l));
    }
}

/* A file the parser refuses (no v= line, junk lines): its a= lines still
 * count, read with the tokenizer. */
static void count_tokens(tally *t, const char *file, const char *buf, size_t len)
{
    sdpx_tokenizer tz;
    sdpx_token tok;
    int rc;
    sdpx_tokenizer_init(&tz, buf, len);
    while ((rc = sdpx_tokenizer_next(&tz, &tok, NULL)) != 0) {
        if (rc < 0 || tok.type != 'a')
            continue;
        sdpx_str name, value;
        int has_value;
        sdpx_attr_split(tok.value, &name, &value, &has_value);
        count_value(t, file, tok.line, sdpx_attr_kind_from_name(name), value, has_value, 1,
                    tok.text);
    }
}

static const sdpx_line *session_line_at(const void *s, size_t i)
{
    return sdpx_session_line(s, i);
}

static const sdpx_line *media_line_at(const void *m, size_t i)
{
    return sdpx_media_line(m, i);
}

START_TEST(test_corpus)
{
    const char *dir = SDPX_CORPUS_DIR;
    char path[4096];
    snprintf(path, sizeof path, "%s/valid", dir);
    DIR *d = opendir(path);
    if (!d) {
        printf("SKIP: corpus not found at %s\n", dir);
        return;
    }
    corpus_candidates(dir);
    tally t;
    memset(&t, 0, sizeof t);
    unsigned files = 0, unparsed = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t nl = strlen(de->d_name);
        if (nl < 5 || strcmp(de->d_name + nl - 4, ".sdp") != 0)
            continue;
        snprintf(path, sizeof path, "%s/valid/%s", dir, de->d_name);
        size_t len;
        char *buf = read_file(path, &len);
        ck_assert_msg(buf != NULL, "cannot read %s", path);
        sdpx_session *s = NULL;
        sdpx_error e;
        files++;
        if (sdpx_parse(buf, len, NULL, &s, &e) == 0) {
            count_section(&t, de->d_name, session_line_at, s, sdpx_session_line_count(s));
            for (size_t m = 0; m < sdpx_session_media_count(s); m++) {
                sdpx_media *md = sdpx_session_media_mut(s, m);
                count_section(&t, de->d_name, media_line_at, md, sdpx_media_line_count(md));
            }
            sdpx_session_free(s);
        } else {
            unparsed++;
            count_tokens(&t, de->d_name, buf, len);
        }
        free(buf);
    }
    closedir(d);
    printf("valid/: %u files, %u of them read with the tokenizer (the parser refuses them)\n",
           files, unparsed);
    for (size_t k = 0; k < NKINDS; k++)
        printf("%s: %u decoded, %u rejected as listed\n", sdpx_attr_kind_name(corpus_kinds[k]),
               t.ok[k], t.rej[k]);
    printf("round trip: %u values encode back exactly, %u to a canonical form\n", t.exact[1],
           t.exact[0]);
    ck_assert_uint_eq(t.fail, 0);
    ck_assert_uint_gt(t.exact[1], 500);
    ck_assert_uint_gt(t.ok[0], 200); /* candidates */
    ck_assert_uint_gt(t.ok[6], 100); /* fingerprints */
}
END_TEST

int main(void)
{
    Suite *s = suite_create("attr_ice");
    TCase *tc = tcase_create("ice");
    tcase_add_loop_test(tc, test_address_family, 0, sizeof addr_cases / sizeof addr_cases[0]);
    tcase_add_loop_test(tc, test_candidate_good, 0, sizeof cand_cases / sizeof cand_cases[0]);
    tcase_add_loop_test(tc, test_candidate_bad, 0, sizeof bad_cands / sizeof bad_cands[0]);
    tcase_add_loop_test(tc, test_candidate_walk_bad, 0, sizeof walk_bad / sizeof walk_bad[0]);
    tcase_add_test(tc, test_candidate_walk_good);
    tcase_add_test(tc, test_candidate_walk_long);
    tcase_add_test(tc, test_candidate_one_digit);
    tcase_add_test(tc, test_candidate_short_numbers);
    tcase_add_loop_test(tc, test_candidate_short_numbers_bad, 0,
                        sizeof short_numbers_bad / sizeof short_numbers_bad[0]);
    tcase_add_test(tc, test_candidate_result_whole);
    tcase_add_loop_test(tc, test_candidate_dotted_quad, 0, sizeof quad_cases / sizeof quad_cases[0]);
    tcase_add_loop_test(tc, test_candidate_end, 0, sizeof end_cases / sizeof end_cases[0]);
    tcase_add_test(tc, test_candidate_null);
    tcase_add_test(tc, test_candidate_extensions);
    tcase_add_loop_test(tc, test_candidate_roundtrip, 0, sizeof canonical / sizeof canonical[0]);
    tcase_add_test(tc, test_candidate_write_built);
    tcase_add_loop_test(tc, test_candidate_write_refuses, 0,
                        sizeof cand_write_bad / sizeof cand_write_bad[0]);
    tcase_add_loop_test(tc, test_remote_candidate_write_refuses, 0,
                        sizeof remote_write_bad / sizeof remote_write_bad[0]);
    tcase_add_loop_test(tc, test_simple_values, 0, sizeof simple_cases / sizeof simple_cases[0]);
    tcase_add_test(tc, test_ice_options_has);
    tcase_add_test(tc, test_remote_candidates);
    tcase_add_loop_test(tc, test_strict, 0, sizeof strict_cases / sizeof strict_cases[0]);
    tcase_add_test(tc, test_accessors);
    suite_add_tcase(s, tc);
    TCase *corpus = tcase_create("corpus");
    tcase_set_timeout(corpus, 60);
    tcase_add_test(corpus, test_corpus);
    suite_add_tcase(s, corpus);
    return run_suite(s);
}
