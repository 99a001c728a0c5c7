/* sdp-transform's grammar (lib/grammar.js, 3.0.0), rule for rule and in its
 * order: each pattern is a small matcher that takes what the JavaScript
 * regular expression would take, and each format is the library's format
 * string. The first rule of a line type whose pattern matches wins; a= lines
 * that match nothing land in `invalid`.
 *
 * The matchers read bytes of UTF-8 where the library reads UTF-16 units of
 * the decoded text: every character class here is ASCII, so the two agree,
 * except JavaScript's \s and line terminators, which include non-ASCII
 * characters (U+00A0, U+2028, ...): js_space and js_term read those. Each
 * matcher is a left-to-right scan with at most a bounded look-back, so
 * matching is linear in the line's length. */
#include "json.h"

#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

typedef const unsigned char *uc;

/* Length of the JavaScript \s character at p (0: none). */
static size_t js_space(uc p, uc e)
{
    if (p >= e)
        return 0;
    unsigned c = *p;
    if (c == ' ' || (c >= '\t' && c <= '\r'))
        return 1;
    if (c < 0xc2 || e - p < 2)
        return 0;
    if (c == 0xc2)
        return p[1] == 0xa0 ? 2 : 0;
    if (e - p < 3)
        return 0;
    if (c == 0xe1)
        return p[1] == 0x9a && p[2] == 0x80 ? 3 : 0;
    if (c == 0xe2 && p[1] == 0x80)
        return (p[2] >= 0x80 && p[2] <= 0x8a) || p[2] == 0xa8 || p[2] == 0xa9 || p[2] == 0xaf ? 3
                                                                                          : 0;
    if (c == 0xe2 && p[1] == 0x81)
        return p[2] == 0x9f ? 3 : 0;
    if (c == 0xe3)
        return p[1] == 0x80 && p[2] == 0x80 ? 3 : 0;
    if (c == 0xef)
        return p[1] == 0xbb && p[2] == 0xbf ? 3 : 0;
    return 0;
}

/* 1 when p starts a line terminator ("." does not match it). */
static int js_term(uc p, uc e)
{
    if (*p == '\n' || *p == '\r')
        return 1;
    return e - p >= 3 && p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9);
}

/* The patterns' character classes, each defined once as an expression of
 * c and looked up as one bit of a table the compiler fills from them. */
#define IS_D(c) ((c) >= '0' && (c) <= '9')
#define IS_W(c) (IS_D(c) || ((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z') || (c) == '_')
enum {
    C_D = 1,          /* \d */
    C_W = 2,          /* \w */
    C_WDASH = 4,      /* [\w-_] */
    C_WSLASH = 8,     /* [\w/] */
    C_CODEC = 16,     /* [\w\-.] */
    C_DOTDIGIT = 32,  /* [\d.] */
    C_SEMANTICS = 64, /* [\x21\x23-\x27\x2A\x2B\x2D\x2E\w] */
    C_SCLIST = 128    /* [a-zA-Z0-9\-_~;,] */
};
#define CLASSES(c)                                                                         \
    (unsigned char)((IS_D(c) ? C_D : 0) | (IS_W(c) ? C_W : 0) |                            \
                    (IS_W(c) || (c) == '-' ? C_WDASH : 0) |                                \
                    (IS_W(c) || (c) == '/' ? C_WSLASH : 0) |                               \
                    (IS_W(c) || (c) == '-' || (c) == '.' ? C_CODEC : 0) |                  \
                    (IS_D(c) || (c) == '.' ? C_DOTDIGIT : 0) |                             \
                    (IS_W(c) || (c) == 0x21 || ((c) >= 0x23 && (c) <= 0x27) || (c) == 0x2a ||  \
                             (c) == 0x2b || (c) == 0x2d || (c) == 0x2e                     \
                         ? C_SEMANTICS                                                     \
                         : 0) |                                                            \
                    (IS_W(c) || (c) == '-' || (c) == '~' || (c) == ';' || (c) == ','       \
                         ? C_SCLIST                                                        \
                         : 0))
#define CLASSES4(c) CLASSES(c), CLASSES((c) + 1), CLASSES((c) + 2), CLASSES((c) + 3)
#define CLASSES16(c) CLASSES4(c), CLASSES4((c) + 4), CLASSES4((c) + 8), CLASSES4((c) + 12)
#define CLASSES64(c) CLASSES16(c), CLASSES16((c) + 16), CLASSES16((c) + 32), CLASSES16((c) + 48)
static const unsigned char char_classes[256] = {CLASSES64(0), CLASSES64(64), CLASSES64(128),
                                                CLASSES64(192)};

static int is_d(unsigned c) { return IS_D(c); }
static int is_sclist(unsigned c) { return char_classes[c & 255] & C_SCLIST; }

/* A cursor over the content; spans return the view they took. */
typedef struct {
    uc p, e;
} cur;

static sdpx_str view(uc a, uc b) { return (sdpx_str){(const char *)a, (size_t)(b - a)}; }

/* The longest run of bytes of class cls (a C_ bit). */
static sdpx_str run(cur *c, unsigned cls)
{
    uc a = c->p;
    while (c->p < c->e && (char_classes[*c->p] & cls))
        c->p++;
    return view(a, c->p);
}

static sdpx_str nonspace(cur *c) /* \S* */
{
    uc a = c->p;
#if defined(__SSE2__) && defined(__GNUC__)
    /* 16 bytes a step to the first byte that may start a \s: a control,
     * space or non-ASCII byte (all below 0x21 as signed bytes) */
    while (c->e - c->p >= 16) {
        const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)c->p);
        unsigned bits = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(0x21)));
        if (!bits) {
            c->p += 16;
            continue;
        }
        c->p += __builtin_ctz(bits);
        if (js_space(c->p, c->e))
            return view(a, c->p);
        c->p++;
    }
#endif
    for (; c->p < c->e; c->p++) {
        unsigned b = *c->p;
        if ((b <= ' ' || b >= 0x80) && js_space(c->p, c->e))
            break;
    }
    return view(a, c->p);
}

static sdpx_str nonspace_or_space(cur *c) /* [\S| ]* */
{
    uc a = c->p;
    for (; c->p < c->e; c->p++) {
        unsigned b = *c->p;
        if ((b < ' ' || b >= 0x80) && js_space(c->p, c->e))
            break;
    }
    return view(a, c->p);
}

static sdpx_str anychar(cur *c) /* .* */
{
    uc a = c->p;
    for (; c->p < c->e; c->p++) {
        unsigned b = *c->p;
        if ((b == '\n' || b == '\r' || b == 0xe2) && js_term(c->p, c->e))
            break;
    }
    return view(a, c->p);
}

static size_t spaces(cur *c) /* [\s\t]* : returns the number of characters */
{
    size_t k, count = 0;
    while ((k = js_space(c->p, c->e)) != 0) {
        c->p += k;
        count++;
    }
    return count;
}

static int lit(cur *c, const char *s)
{
    size_t n = strlen(s);
    if ((size_t)(c->e - c->p) < n || memcmp(c->p, s, n))
        return 0;
    c->p += n;
    return 1;
}

static int ch(cur *c, char x)
{
    if (c->p < c->e && *c->p == (unsigned char)x) {
        c->p++;
        return 1;
    }
    return 0;
}

static int at_end(const cur *c) { return c->p == c->e; }

/* Start after the rule's literal prefix. */
#define BEGIN(lit_)                                                                        \
    cur c = {(uc)p, (uc)p + n};                                                            \
    if (!lit(&c, lit_))                                                                    \
        return 0

/* (.*) for the default rules: the whole content up to a line terminator. */
static int m_all(const char *p, size_t n, sdpx_str *cap)
{
    cur c = {(uc)p, (uc)p + n};
    cap[0] = anychar(&c);
    return 1;
}

/* ^(\d*)$ */
static int m_version(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("");
    cap[0] = run(&c, C_D);
    return at_end(&c);
}

/* ^(\S*) (\d*) (\d*) (\S*) IP(\d) (\S*) */
static int m_origin(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("");
    cap[0] = nonspace(&c);
    if (!ch(&c, ' '))
        return 0;
    cap[1] = run(&c, C_D);
    if (!ch(&c, ' '))
        return 0;
    cap[2] = run(&c, C_D);
    if (!ch(&c, ' '))
        return 0;
    cap[3] = nonspace(&c);
    if (!lit(&c, " IP") || c.p == c.e || !is_d(*c.p))
        return 0;
    cap[4] = view(c.p, c.p + 1);
    c.p++;
    if (!ch(&c, ' '))
        return 0;
    cap[5] = nonspace(&c);
    return 1;
}

/* ^(\d*) (\d*) */
static int m_timing(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("");
    cap[0] = run(&c, C_D);
    if (!ch(&c, ' '))
        return 0;
    cap[1] = run(&c, C_D);
    return 1;
}

/* ^IN IP(\d) (\S*) */
static int m_connection(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("IN IP");
    if (c.p == c.e || !is_d(*c.p))
        return 0;
    cap[0] = view(c.p, c.p + 1);
    c.p++;
    if (!ch(&c, ' '))
        return 0;
    cap[1] = nonspace(&c);
    return 1;
}

/* ^(TIAS|AS|CT|RR|RS):(\d*) */
static int m_bandwidth(const char *p, size_t n, sdpx_str *cap)
{
    static const char *const types[] = {"TIAS:", "AS:", "CT:", "RR:", "RS:"};
    for (size_t i = 0; i < 5; i++) {
        cur c = {(uc)p, (uc)p + n};
        if (lit(&c, types[i])) {
            cap[0] = view((uc)p, c.p - 1);
            cap[1] = run(&c, C_D);
            return 1;
        }
    }
    return 0;
}

/* ^(\w*) (\d*) ([\w/]*)(?: (.*))? */
static int m_mline(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("");
    cap[0] = run(&c, C_W);
    if (!ch(&c, ' '))
        return 0;
    cap[1] = run(&c, C_D);
    if (!ch(&c, ' '))
        return 0;
    cap[2] = run(&c, C_WSLASH);
    if (ch(&c, ' '))
        cap[3] = anychar(&c);
    return 1;
}

/* \s*\/ : 1 and past the '/' when it follows */
static int space_slash(cur *c)
{
    cur t = *c;
    spaces(&t);
    if (!ch(&t, '/'))
        return 0;
    *c = t;
    return 1;
}

/* ^rtpmap:(\d*) ([\w\-.]*)(?:\s*\/(\d*)(?:\s*\/(\S*))?)? */
static int m_rtpmap(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("rtpmap:");
    cap[0] = run(&c, C_D);
    if (!ch(&c, ' '))
        return 0;
    cap[1] = run(&c, C_CODEC);
    if (space_slash(&c)) {
        cap[2] = run(&c, C_D);
        if (space_slash(&c))
            cap[3] = nonspace(&c);
    }
    return 1;
}

/* ^fmtp:(\d*) ([\S| ]*) */
static int m_fmtp(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("fmtp:");
    cap[0] = run(&c, C_D);
    if (!ch(&c, ' '))
        return 0;
    cap[1] = nonspace_or_space(&c);
    return 1;
}

/* ^<prefix>(.*) */
#define REST_RULE(fn, prefix_)                                                             \
    static int fn(const char *p, size_t n, sdpx_str *cap)                                  \
    {                                                                                      \
        BEGIN(prefix_);                                                                    \
        cap[0] = anychar(&c);                                                              \
        return 1;                                                                          \
    }
/* ^<prefix>(.+) */
#define REST1_RULE(fn, prefix_)                                                            \
    static int fn(const char *p, size_t n, sdpx_str *cap)                                  \
    {                                                                                      \
        BEGIN(prefix_);                                                                    \
        cap[0] = anychar(&c);                                                              \
        return cap[0].len > 0;                                                             \
    }
/* ^<prefix>(\S*) and ^<prefix>([^\s]*) */
#define TOKEN_RULE(fn, prefix_)                                                            \
    static int fn(const char *p, size_t n, sdpx_str *cap)                                  \
    {                                                                                      \
        BEGIN(prefix_);                                                                    \
        cap[0] = nonspace(&c);                                                             \
        return 1;                                                                          \
    }
/* ^(<word>): the content starts with the word, which is the value */
#define WORD_RULE(fn, word_)                                                               \
    static int fn(const char *p, size_t n, sdpx_str *cap)                                  \
    {                                                                                      \
        BEGIN(word_);                                                                      \
        cap[0] = view((uc)p, c.p);                                                         \
        return 1;                                                                          \
    }
/* ^<prefix>(\d+) with an optional $ */
static int digits1(const char *p, size_t n, sdpx_str *cap, const char *prefix, int anchored)
{
    BEGIN(prefix);
    cap[0] = run(&c, C_D);
    return cap[0].len > 0 && (!anchored || at_end(&c));
}

REST_RULE(m_control, "control:")
REST_RULE(m_remote_candidates, "remote-candidates:")
REST1_RULE(m_label, "label:")
REST1_RULE(m_content, "content:")
TOKEN_RULE(m_mid, "mid:")
TOKEN_RULE(m_ice_ufrag, "ice-ufrag:")
TOKEN_RULE(m_ice_pwd, "ice-pwd:")
TOKEN_RULE(m_ice_options, "ice-options:")
TOKEN_RULE(m_x_google_flag, "x-google-flag:")
WORD_RULE(m_extmap_allow_mixed, "extmap-allow-mixed")
WORD_RULE(m_ice_lite, "ice-lite")
WORD_RULE(m_end_of_candidates, "end-of-candidates")
WORD_RULE(m_rtcp_mux, "rtcp-mux")
WORD_RULE(m_rtcp_rsize, "rtcp-rsize")
WORD_RULE(m_bundle_only, "bundle-only")

static int m_sctp_port(const char *p, size_t n, sdpx_str *cap)
{
    return digits1(p, n, cap, "sctp-port:", 1);
}
static int m_max_message_size(const char *p, size_t n, sdpx_str *cap)
{
    return digits1(p, n, cap, "max-message-size:", 1);
}
static int m_confid(const char *p, size_t n, sdpx_str *cap)
{
    return digits1(p, n, cap, "confid:", 0);
}
static int m_userid(const char *p, size_t n, sdpx_str *cap)
{
    return digits1(p, n, cap, "userid:", 0);
}

/* ^keywds:(.+)$ */
static int m_keywords(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("keywds:");
    cap[0] = anychar(&c);
    return cap[0].len > 0 && at_end(&c);
}

/* The first of `words` the cursor starts with, as the capture. */
static int one_of(cur *c, const char *const *words, size_t nw, sdpx_str *cap)
{
    for (size_t i = 0; i < nw; i++) {
        uc a = c->p;
        if (lit(c, words[i])) {
            *cap = view(a, c->p);
            return 1;
        }
    }
    return 0;
}

static const char *const directions[] = {"sendrecv", "recvonly", "sendonly", "inactive"};
static const char *const send_recv[] = {"send", "recv"};
static const char *const recv_send[] = {"recv", "send"};

/* ^(sendrecv|recvonly|sendonly|inactive) */
static int m_direction(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("");
    return one_of(&c, directions, 4, &cap[0]);
}

/* ^rtcp:(\d*)(?: (\S*) IP(\d) (\S*))? */
static int m_rtcp(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("rtcp:");
    cap[0] = run(&c, C_D);
    cur t = c;
    if (ch(&t, ' ')) {
        sdpx_str nt = nonspace(&t);
        if (lit(&t, " IP") && t.p < t.e && is_d(*t.p)) {
            sdpx_str v = view(t.p, t.p + 1);
            t.p++;
            if (ch(&t, ' ')) {
                cap[1] = nt;
                cap[2] = v;
                cap[3] = nonspace(&t);
            }
        }
    }
    return 1;
}

/* (\*|\d*) */
static sdpx_str star_or_digits(cur *c)
{
    uc a = c->p;
    if (!ch(c, '*'))
        run(c, C_D);
    return view(a, c->p);
}

/* ^rtcp-fb:(\*|\d*) trr-int (\d*) */
static int m_rtcp_fb_trr_int(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("rtcp-fb:");
    cap[0] = star_or_digits(&c);
    if (!lit(&c, " trr-int "))
        return 0;
    cap[1] = run(&c, C_D);
    return 1;
}

/* ^rtcp-fb:(\*|\d*) ([\w-_]*)(?: ([\w-_]*))? */
static int m_rtcp_fb(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("rtcp-fb:");
    cap[0] = star_or_digits(&c);
    if (!ch(&c, ' '))
        return 0;
    cap[1] = run(&c, C_WDASH);
    if (ch(&c, ' '))
        cap[2] = run(&c, C_WDASH);
    return 1;
}

/* ^extmap:(\d+)(?:\/(\w+))?(?: (urn:ietf:params:rtp-hdrext:encrypt))? (\S*)(?: (\S*))? */
static int m_extmap(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("extmap:");
    cap[0] = run(&c, C_D);
    if (!cap[0].len)
        return 0;
    cur t = c;
    if (ch(&t, '/')) {
        sdpx_str d = run(&t, C_W);
        if (d.len) {
            cap[1] = d;
            c = t;
        }
    }
    /* the encrypt group is kept only when the space the URI needs follows */
    static const char enc[] = " urn:ietf:params:rtp-hdrext:encrypt";
    t = c;
    if (lit(&t, enc) && t.p < t.e && *t.p == ' ') {
        cap[2] = view(c.p + 1, t.p);
        c = t;
    }
    if (!ch(&c, ' '))
        return 0;
    cap[3] = nonspace(&c);
    if (ch(&c, ' '))
        cap[4] = nonspace(&c);
    return 1;
}

/* ^crypto:(\d*) ([\w_]*) (\S*)(?: (\S*))? */
static int m_crypto(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("crypto:");
    cap[0] = run(&c, C_D);
    if (!ch(&c, ' '))
        return 0;
    cap[1] = run(&c, C_W);
    if (!ch(&c, ' '))
        return 0;
    cap[2] = nonspace(&c);
    if (ch(&c, ' '))
        cap[3] = nonspace(&c);
    return 1;
}

/* ^setup:(\w*) */
static int m_setup(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("setup:");
    cap[0] = run(&c, C_W);
    return 1;
}

/* ^connection:(new|existing) */
static int m_connection_type(const char *p, size_t n, sdpx_str *cap)
{
    static const char *const w[] = {"new", "existing"};
    BEGIN("connection:");
    return one_of(&c, w, 2, &cap[0]);
}

/* ^msid:([\w-]+)(?: ([\w-]+))? */
static int m_msid(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("msid:");
    cap[0] = run(&c, C_WDASH);
    if (!cap[0].len)
        return 0;
    cur t = c;
    if (ch(&t, ' ')) {
        sdpx_str a = run(&t, C_WDASH);
        if (a.len)
            cap[1] = a;
    }
    return 1;
}

/* ^ptime:(\d*(?:\.\d*)*) */
static int m_ptime(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("ptime:");
    cap[0] = run(&c, C_DOTDIGIT);
    return 1;
}
static int m_maxptime(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("maxptime:");
    cap[0] = run(&c, C_DOTDIGIT);
    return 1;
}

/* ^fingerprint:(\S*) (\S*) */
static int m_fingerprint(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("fingerprint:");
    cap[0] = nonspace(&c);
    if (!ch(&c, ' '))
        return 0;
    cap[1] = nonspace(&c);
    return 1;
}

/* " <word> " then a span: an optional group of the candidate pattern. */
static int opt_pair(cur *c, const char *word, int digits, sdpx_str *cap)
{
    cur t = *c;
    if (!ch(&t, ' ') || !lit(&t, word) || !ch(&t, ' '))
        return 0;
    *cap = digits ? run(&t, C_D) : nonspace(&t);
    *c = t;
    return 1;
}

/* ^candidate:(\S*) (\d*) (\S*) (\d*) (\S*) (\d*) typ (\S*)(?: raddr (\S*) rport (\d*))?
 * (?: tcptype (\S*))?(?: generation (\d*))?(?: network-id (\d*))?(?: network-cost (\d*))? */
static int m_candidate(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("candidate:");
    for (int i = 0; i < 6; i++) {
        cap[i] = (i & 1) ? run(&c, C_D) : nonspace(&c);
        if (!ch(&c, ' '))
            return 0;
    }
    if (!lit(&c, "typ "))
        return 0;
    cap[6] = nonspace(&c);
    cur t = c;
    sdpx_str ra, rp;
    if (opt_pair(&t, "raddr", 0, &ra) && opt_pair(&t, "rport", 1, &rp)) {
        cap[7] = ra;
        cap[8] = rp;
        c = t;
    }
    opt_pair(&c, "tcptype", 0, &cap[9]);
    opt_pair(&c, "generation", 1, &cap[10]);
    opt_pair(&c, "network-id", 1, &cap[11]);
    opt_pair(&c, "network-cost", 1, &cap[12]);
    return 1;
}

/* ^ssrc:(\d*) ([\w_-]*)(?::(.*))? */
static int m_ssrc(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("ssrc:");
    cap[0] = run(&c, C_D);
    if (!ch(&c, ' '))
        return 0;
    cap[1] = run(&c, C_WDASH);
    if (ch(&c, ':'))
        cap[2] = anychar(&c);
    return 1;
}

/* ^ssrc-group:([\x21\x23\x24\x25\x26\x27\x2A\x2B\x2D\x2E\w]*) (.*) */
static int m_ssrc_group(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("ssrc-group:");
    cap[0] = run(&c, C_SEMANTICS);
    if (!ch(&c, ' '))
        return 0;
    cap[1] = anychar(&c);
    return 1;
}

/* ^msid-semantic:\s?(\w*) (\S*): with one space taken, or (backtracking) none */
static int m_msid_semantic(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("msid-semantic:");
    size_t k = js_space(c.p, c.e);
    for (int pass = k ? 0 : 1; pass < 2; pass++) {
        cur t = {c.p + (pass ? 0 : k), c.e};
        sdpx_str sem = run(&t, C_W);
        if (ch(&t, ' ')) {
            cap[0] = sem;
            cap[1] = nonspace(&t);
            return 1;
        }
    }
    return 0;
}

/* ^group:(\w*) (.*) */
static int m_group(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("group:");
    cap[0] = run(&c, C_W);
    if (!ch(&c, ' '))
        return 0;
    cap[1] = anychar(&c);
    return 1;
}

/* ^sctpmap:([\w_/]*) (\S*)(?: (\S*))? */
static int m_sctpmap(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("sctpmap:");
    cap[0] = run(&c, C_WSLASH);
    if (!ch(&c, ' '))
        return 0;
    cap[1] = nonspace(&c);
    if (ch(&c, ' '))
        cap[2] = nonspace(&c);
    return 1;
}

/* ^rid:([\d\w]+) (\w+)(?: ([\S| ]*))? */
static int m_rid(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("rid:");
    cap[0] = run(&c, C_W);
    if (!cap[0].len || !ch(&c, ' '))
        return 0;
    cap[1] = run(&c, C_W);
    if (!cap[1].len)
        return 0;
    if (ch(&c, ' '))
        cap[2] = nonspace_or_space(&c);
    return 1;
}

/* \[\S+\] : from '[' to the last ']' of the token, with something between */
static int bracket(cur *c)
{
    if (c->p >= c->e || *c->p != '[')
        return 0;
    cur t = {c->p + 1, c->e};
    sdpx_str tok = nonspace(&t);
    for (size_t i = tok.len; i >= 2; i--)
        if (tok.ptr[i - 1] == ']') {
            c->p = (uc)tok.ptr + i;
            return 1;
        }
    return 0;
}

/* (\*|\[\S+\](?:[\s\t]+\[\S+\])*) */
static int attr_list(cur *c, sdpx_str *cap)
{
    uc a = c->p;
    if (!ch(c, '*')) {
        if (!bracket(c))
            return 0;
        for (;;) {
            cur t = *c;
            if (!spaces(&t) || !bracket(&t))
                break;
            *c = t;
        }
    }
    *cap = view(a, c->p);
    return 1;
}

/* ^imageattr:(\d+|\*)[\s\t]+(send|recv)[\s\t]+(list)(?:[\s\t]+(recv|send)[\s\t]+(list))? */
static int m_imageattr(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("imageattr:");
    cap[0] = run(&c, C_D);
    if (!cap[0].len) {
        uc a = c.p;
        if (!ch(&c, '*'))
            return 0;
        cap[0] = view(a, c.p);
    }
    if (!spaces(&c) || !one_of(&c, send_recv, 2, &cap[1]) || !spaces(&c) ||
        !attr_list(&c, &cap[2]))
        return 0;
    cur t = c;
    sdpx_str d, l;
    if (spaces(&t) && one_of(&t, recv_send, 2, &d) && spaces(&t) && attr_list(&t, &l)) {
        cap[3] = d;
        cap[4] = l;
    }
    return 1;
}

/* ^simulcast:(send|recv) ([a-zA-Z0-9\-_~;,]+)(?:\s?(send|recv) ([a-zA-Z0-9\-_~;,]+))?$
 * The first list is greedy but gives back characters until the rest fits:
 * try every split, longest first. The second list must run to the end, so
 * `tail` (where the final run of list characters starts) decides it at once. */
static int m_simulcast(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("simulcast:");
    if (!one_of(&c, send_recv, 2, &cap[0]) || !ch(&c, ' '))
        return 0;
    uc a = c.p, tail = c.e;
    while (tail > a && is_sclist(tail[-1]))
        tail--;
    cur t = c;
    sdpx_str all = run(&t, C_SCLIST);
    for (size_t k = all.len; k >= 1; k--) {
        uc q = a + k;
        if (q == c.e) {
            cap[1] = view(a, q);
            return 1;
        }
        for (int sp = 1; sp >= 0; sp--) {
            cur r = {q, c.e};
            if (sp && !js_space(r.p, r.e))
                continue;
            r.p += sp ? js_space(r.p, r.e) : 0;
            sdpx_str d;
            if (one_of(&r, send_recv, 2, &d) && ch(&r, ' ') && r.p < r.e && r.p >= tail) {
                cap[1] = view(a, q);
                cap[2] = d;
                cap[3] = view(r.p, r.e);
                return 1;
            }
        }
    }
    return 0;
}

/* ^simulcast:[\s\t]+([\S+\s\t]+)$ : any text after at least one space */
static int m_simulcast_03(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("simulcast:");
    uc a = c.p, last = c.p;
    size_t count = 0, k;
    while ((k = js_space(c.p, c.e)) != 0) {
        last = c.p;
        c.p += k;
        count++;
    }
    (void)a;
    if (!count)
        return 0;
    if (c.p < c.e) {
        cap[0] = view(c.p, c.e);
        return 1;
    }
    if (count < 2)
        return 0;
    cap[0] = view(last, c.e); /* the group takes back the last space */
    return 1;
}

/* ^framerate:(\d+(?:$|\.\d+)) */
static int m_framerate(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("framerate:");
    uc a = c.p;
    if (!run(&c, C_D).len)
        return 0;
    if (at_end(&c)) {
        cap[0] = view(a, c.p);
        return 1;
    }
    if (!ch(&c, '.') || !run(&c, C_D).len)
        return 0;
    cap[0] = view(a, c.p);
    return 1;
}

/* ^source-filter: *(excl|incl) (\S*) (IP4|IP6|\*) (\S*) (.*) */
static int m_source_filter(const char *p, size_t n, sdpx_str *cap)
{
    static const char *const modes[] = {"excl", "incl"};
    static const char *const types[] = {"IP4", "IP6", "*"};
    BEGIN("source-filter:");
    while (ch(&c, ' '))
        ;
    if (!one_of(&c, modes, 2, &cap[0]) || !ch(&c, ' '))
        return 0;
    cap[1] = nonspace(&c);
    if (!ch(&c, ' ') || !one_of(&c, types, 3, &cap[2]) || !ch(&c, ' '))
        return 0;
    cap[3] = nonspace(&c);
    if (!ch(&c, ' '))
        return 0;
    cap[4] = anychar(&c);
    return 1;
}

/* ^ts-refclk:([^\s=]*)(?:=(\S*))? */
static int no_space_eq(cur *c, sdpx_str *cap)
{
    uc a = c->p;
    while (c->p < c->e && *c->p != '=' && !js_space(c->p, c->e))
        c->p++;
    *cap = view(a, c->p);
    return 1;
}

static int m_ts_refclk(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("ts-refclk:");
    no_space_eq(&c, &cap[0]);
    if (ch(&c, '='))
        cap[1] = nonspace(&c);
    return 1;
}

/* ^mediaclk:(?:id=(\S*))? *([^\s=]*)(?:=(\S*))?(?: *rate=(\d+)\/(\d+))? */
static int m_mediaclk(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("mediaclk:");
    if (lit(&c, "id="))
        cap[0] = nonspace(&c);
    while (ch(&c, ' '))
        ;
    no_space_eq(&c, &cap[1]);
    if (ch(&c, '='))
        cap[2] = nonspace(&c);
    cur t = c;
    while (ch(&t, ' '))
        ;
    if (lit(&t, "rate=")) {
        sdpx_str num = run(&t, C_D), den;
        if (num.len && ch(&t, '/') && (den = run(&t, C_D)).len) {
            cap[3] = num;
            cap[4] = den;
        }
    }
    return 1;
}

/* ^floorctrl:(c-only|s-only|c-s) */
static int m_floorctrl(const char *p, size_t n, sdpx_str *cap)
{
    static const char *const w[] = {"c-only", "s-only", "c-s"};
    BEGIN("floorctrl:");
    return one_of(&c, w, 3, &cap[0]);
}

/* ^floorid:(.+) (?:m-stream|mstrm):(.+) : the last separator with text on both sides */
static int m_floorid(const char *p, size_t n, sdpx_str *cap)
{
    BEGIN("floorid:");
    sdpx_str all = anychar(&c);
    for (size_t i = all.len; i-- > 1;) {
        cur t = {(uc)all.ptr + i, (uc)all.ptr + all.len};
        if ((lit(&t, " m-stream:") || lit(&t, " mstrm:")) && t.p < t.e) {
            cap[0] = (sdpx_str){all.ptr, i};
            cap[1] = view(t.p, t.e);
            return 1;
        }
    }
    return 0;
}

/* ---- formats ----------------------------------------------------------- */

#define F(o, k) sdpxi_jv_get(o, k)
#define TRUTHY(o, k) sdpxi_jv_truthy(F(o, k))
#define PRESENT(o, k) sdpxi_jv_present(F(o, k))

static const char *f_rtpmap(const sdpxi_jv *o, int lossless, char *tmp)
{
    (void)lossless, (void)tmp;
    return TRUTHY(o, "encoding") ? "rtpmap:%d %s/%s/%s"
           : TRUTHY(o, "rate")   ? "rtpmap:%d %s/%s"
                                 : "rtpmap:%d %s";
}

static const char *f_rtcp(const sdpxi_jv *o, int lossless, char *tmp)
{
    (void)lossless, (void)tmp;
    return PRESENT(o, "address") ? "rtcp:%d %s IP%d %s" : "rtcp:%d";
}

static const char *f_rtcp_fb(const sdpxi_jv *o, int lossless, char *tmp)
{
    (void)lossless, (void)tmp;
    return PRESENT(o, "subtype") ? "rtcp-fb:%s %s %s" : "rtcp-fb:%s %s";
}

static const char *f_extmap(const sdpxi_jv *o, int lossless, char *tmp)
{
    (void)lossless;
    strcpy(tmp, "extmap:%d");
    strcat(tmp, TRUTHY(o, "direction") ? "/%s" : "%v");
    strcat(tmp, TRUTHY(o, "encrypt-uri") ? " %s" : "%v");
    strcat(tmp, " %s");
    if (TRUTHY(o, "config"))
        strcat(tmp, " %s");
    return tmp;
}

static const char *f_crypto(const sdpxi_jv *o, int lossless, char *tmp)
{
    (void)lossless, (void)tmp;
    return PRESENT(o, "sessionConfig") ? "crypto:%d %s %s %s" : "crypto:%d %s %s";
}

static const char *f_msid(const sdpxi_jv *o, int lossless, char *tmp)
{
    (void)tmp;
    /* sdp-transform writes "msid:<id> undefined" for an msid without appdata */
    return lossless && !PRESENT(o, "appdata") ? "msid:%s" : "msid:%s %s";
}

static const char *f_candidate(const sdpxi_jv *o, int lossless, char *tmp)
{
    strcpy(tmp, "candidate:%s %d %s %d %s %d typ %s");
    strcat(tmp, PRESENT(o, "raddr") ? " raddr %s rport %d" : "%v%v");
    strcat(tmp, PRESENT(o, "tcptype") ? " tcptype %s" : "%v");
    /* without generation sdp-transform skips no argument, so network-id
     * takes generation's (NaN) and network-cost network-id's */
    if (PRESENT(o, "generation"))
        strcat(tmp, " generation %d");
    else if (lossless)
        strcat(tmp, "%v");
    strcat(tmp, PRESENT(o, "network-id") ? " network-id %d" : "%v");
    strcat(tmp, PRESENT(o, "network-cost") ? " network-cost %d" : "%v");
    return tmp;
}

static const char *f_ssrc(const sdpxi_jv *o, int lossless, char *tmp)
{
    (void)lossless;
    strcpy(tmp, "ssrc:%d");
    if (PRESENT(o, "attribute")) {
        strcat(tmp, " %s");
        if (PRESENT(o, "value"))
            strcat(tmp, ":%s");
    }
    return tmp;
}

static const char *f_sctpmap(const sdpxi_jv *o, int lossless, char *tmp)
{
    (void)lossless, (void)tmp;
    return PRESENT(o, "maxMessageSize") ? "sctpmap:%s %s %s" : "sctpmap:%s %s";
}

static const char *f_rid(const sdpxi_jv *o, int lossless, char *tmp)
{
    (void)lossless, (void)tmp;
    return TRUTHY(o, "params") ? "rid:%s %s %s" : "rid:%s %s";
}

static const char *f_imageattr(const sdpxi_jv *o, int lossless, char *tmp)
{
    (void)lossless, (void)tmp;
    return TRUTHY(o, "dir2") ? "imageattr:%s %s %s %s %s" : "imageattr:%s %s %s";
}

static const char *f_simulcast(const sdpxi_jv *o, int lossless, char *tmp)
{
    (void)lossless, (void)tmp;
    return TRUTHY(o, "dir2") ? "simulcast:%s %s %s %s" : "simulcast:%s %s";
}

static const char *f_ts_refclk(const sdpxi_jv *o, int lossless, char *tmp)
{
    (void)lossless, (void)tmp;
    return PRESENT(o, "clksrcExt") ? "ts-refclk:%s=%s" : "ts-refclk:%s";
}

static const char *f_mediaclk(const sdpxi_jv *o, int lossless, char *tmp)
{
    (void)lossless;
    strcpy(tmp, "mediaclk:");
    strcat(tmp, PRESENT(o, "id") ? "id=%s %s" : "%v%s");
    if (PRESENT(o, "mediaClockValue"))
        strcat(tmp, "=%s");
    if (PRESENT(o, "rateNumerator"))
        strcat(tmp, " rate=%s");
    if (PRESENT(o, "rateDenominator"))
        strcat(tmp, "/%s");
    return tmp;
}

/* ---- the table --------------------------------------------------------- */

/* Each rule's field names, once: as C strings (names) and as the JSON keys
 * the writer copies whole (keys). */
#define F_origin(X) \
    X("username") X("sessionId") X("sessionVersion") X("netType") X("ipVer") X("address")
#define F_timing(X) X("start") X("stop")
#define F_connection(X) X("version") X("ip")
#define F_bandwidth(X) X("type") X("limit")
#define F_mline(X) X("type") X("port") X("protocol") X("payloads")
#define F_rtpmap(X) X("payload") X("codec") X("rate") X("encoding")
#define F_fmtp(X) X("payload") X("config")
#define F_rtcp(X) X("port") X("netType") X("ipVer") X("address")
#define F_trr(X) X("payload") X("value")
#define F_rtcp_fb(X) X("payload") X("type") X("subtype")
#define F_ext(X) X("value") X("direction") X("encrypt-uri") X("uri") X("config")
#define F_crypto(X) X("id") X("suite") X("config") X("sessionConfig")
#define F_msid(X) X("id") X("appdata")
#define F_fingerprint(X) X("type") X("hash")
#define F_candidate(X) \
    X("foundation") X("component") X("transport") X("priority") X("ip") X("port") X("type") \
    X("raddr") X("rport") X("tcptype") X("generation") X("network-id") X("network-cost")
#define F_ssrc(X) X("id") X("attribute") X("value")
#define F_ssrc_group(X) X("semantics") X("ssrcs")
#define F_msid_semantic(X) X("semantic") X("token")
#define F_group(X) X("type") X("mids")
#define F_sctpmap(X) X("sctpmapNumber") X("app") X("maxMessageSize")
#define F_rid(X) X("id") X("direction") X("params")
#define F_imageattr(X) X("pt") X("dir1") X("attrs1") X("dir2") X("attrs2")
#define F_simulcast(X) X("dir1") X("list1") X("dir2") X("list2")
#define F_value(X) X("value")
#define F_source_filter(X) \
    X("filterMode") X("netType") X("addressTypes") X("destAddress") X("srcList")
#define F_ts_refclk(X) X("clksrc") X("clksrcExt")
#define F_mediaclk(X) \
    X("id") X("mediaClockName") X("mediaClockValue") X("rateNumerator") X("rateDenominator")
#define F_floorid(X) X("id") X("mStream")

#define NAME(s) s,
#define KEY(s) SDPXI_KEY(s),
#define FIELDS(x)                                                                      \
    static const char *const n_##x[] = {F_##x(NAME)};                                  \
    static const sdpxi_key k_n_##x[] = {F_##x(KEY)};
FIELDS(origin)
FIELDS(timing)
FIELDS(connection)
FIELDS(bandwidth)
FIELDS(mline)
FIELDS(rtpmap)
FIELDS(fmtp)
FIELDS(rtcp)
FIELDS(trr)
FIELDS(rtcp_fb)
FIELDS(ext)
FIELDS(crypto)
FIELDS(msid)
FIELDS(fingerprint)
FIELDS(candidate)
FIELDS(ssrc)
FIELDS(ssrc_group)
FIELDS(msid_semantic)
FIELDS(group)
FIELDS(sctpmap)
FIELDS(rid)
FIELDS(imageattr)
FIELDS(simulcast)
FIELDS(value)
FIELDS(source_filter)
FIELDS(ts_refclk)
FIELDS(mediaclk)
FIELDS(floorid)

#define NAMES(a) (unsigned char)(sizeof a / sizeof a[0]), a, k_##a
#define NONAMES 0, NULL, NULL
/* name rule with one value, constant format */
#define VAL(t, key, pre, m, fmt) {t, key, 0, NONAMES, "s", pre, m, NULL, fmt}

const sdpxi_rule sdpxi_rules[] = {
    {'v', "version", 0, NONAMES, "s", "", m_version, NULL, "%s"},
    {'o', "origin", 0, NAMES(n_origin), "ssdsds", "", m_origin, NULL, "%s %s %d %s IP%d %s"},
    VAL('s', "name", "", m_all, "%s"),
    VAL('i', "description", "", m_all, "%s"),
    VAL('u', "uri", "", m_all, "%s"),
    VAL('e', "email", "", m_all, "%s"),
    VAL('p', "phone", "", m_all, "%s"),
    VAL('z', "timezones", "", m_all, "%s"),
    VAL('r', "repeats", "", m_all, "%s"),
    {'t', "timing", 0, NAMES(n_timing), "dd", "", m_timing, NULL, "%d %d"},
    {'c', "connection", 0, NAMES(n_connection), "ds", "IN IP", m_connection, NULL, "IN IP%d %s"},
    {'b', "bandwidth", 1, NAMES(n_bandwidth), "ss", "", m_bandwidth, NULL, "%s:%s"},
    {'m', "", 0, NAMES(n_mline), "sdss", "", m_mline, NULL, "%s %d %s %s"},
    {'a', "rtp", 1, NAMES(n_rtpmap), "dsss", "rtpmap:", m_rtpmap, f_rtpmap, NULL},
    {'a', "fmtp", 1, NAMES(n_fmtp), "ds", "fmtp:", m_fmtp, NULL, "fmtp:%d %s"},
    VAL('a', "control", "control:", m_control, "control:%s"),
    {'a', "rtcp", 0, NAMES(n_rtcp), "dsds", "rtcp:", m_rtcp, f_rtcp, NULL},
    {'a', "rtcpFbTrrInt", 1, NAMES(n_trr), "sd", "rtcp-fb:", m_rtcp_fb_trr_int, NULL,
     "rtcp-fb:%s trr-int %d"},
    {'a', "rtcpFb", 1, NAMES(n_rtcp_fb), "sss", "rtcp-fb:", m_rtcp_fb, f_rtcp_fb, NULL},
    {'a', "ext", 1, NAMES(n_ext), "dssss", "extmap:", m_extmap, f_extmap, NULL},
    VAL('a', "extmapAllowMixed", "extmap-allow-mixed", m_extmap_allow_mixed, "%s"),
    {'a', "crypto", 1, NAMES(n_crypto), "dsss", "crypto:", m_crypto, f_crypto, NULL},
    VAL('a', "setup", "setup:", m_setup, "setup:%s"),
    VAL('a', "connectionType", "connection:", m_connection_type, "connection:%s"),
    VAL('a', "mid", "mid:", m_mid, "mid:%s"),
    {'a', "msid", 1, NAMES(n_msid), "ss", "msid:", m_msid, f_msid, NULL},
    {'a', "ptime", 0, NONAMES, "d", "ptime:", m_ptime, NULL, "ptime:%d"},
    {'a', "maxptime", 0, NONAMES, "d", "maxptime:", m_maxptime, NULL, "maxptime:%d"},
    VAL('a', "direction", "", m_direction, "%s"),
    VAL('a', "icelite", "ice-lite", m_ice_lite, "%s"),
    VAL('a', "iceUfrag", "ice-ufrag:", m_ice_ufrag, "ice-ufrag:%s"),
    VAL('a', "icePwd", "ice-pwd:", m_ice_pwd, "ice-pwd:%s"),
    {'a', "fingerprint", 0, NAMES(n_fingerprint), "ss", "fingerprint:", m_fingerprint, NULL,
     "fingerprint:%s %s"},
    {'a', "candidates", 1, NAMES(n_candidate), "sdsdsdsssdddd", "candidate:", m_candidate,
     f_candidate, NULL},
    VAL('a', "endOfCandidates", "end-of-candidates", m_end_of_candidates, "%s"),
    VAL('a', "remoteCandidates", "remote-candidates:", m_remote_candidates,
        "remote-candidates:%s"),
    VAL('a', "iceOptions", "ice-options:", m_ice_options, "ice-options:%s"),
    {'a', "ssrcs", 1, NAMES(n_ssrc), "dss", "ssrc:", m_ssrc, f_ssrc, NULL},
    {'a', "ssrcGroups", 1, NAMES(n_ssrc_group), "ss", "ssrc-group:", m_ssrc_group, NULL,
     "ssrc-group:%s %s"},
    {'a', "msidSemantic", 0, NAMES(n_msid_semantic), "ss", "msid-semantic:", m_msid_semantic,
     NULL, "msid-semantic: %s %s"},
    {'a', "groups", 1, NAMES(n_group), "ss", "group:", m_group, NULL, "group:%s %s"},
    VAL('a', "rtcpMux", "rtcp-mux", m_rtcp_mux, "%s"),
    VAL('a', "rtcpRsize", "rtcp-rsize", m_rtcp_rsize, "%s"),
    {'a', "sctpmap", 0, NAMES(n_sctpmap), "sss", "sctpmap:", m_sctpmap, f_sctpmap, NULL},
    VAL('a', "xGoogleFlag", "x-google-flag:", m_x_google_flag, "x-google-flag:%s"),
    {'a', "rids", 1, NAMES(n_rid), "sss", "rid:", m_rid, f_rid, NULL},
    {'a', "imageattrs", 1, NAMES(n_imageattr), "sssss", "imageattr:", m_imageattr, f_imageattr,
     NULL},
    {'a', "simulcast", 0, NAMES(n_simulcast), "ssss", "simulcast:", m_simulcast, f_simulcast,
     NULL},
    {'a', "simulcast_03", 0, NAMES(n_value), "s", "simulcast:", m_simulcast_03, NULL,
     "simulcast: %s"},
    VAL('a', "framerate", "framerate:", m_framerate, "framerate:%s"),
    {'a', "sourceFilter", 0, NAMES(n_source_filter), "sssss", "source-filter:", m_source_filter,
     NULL, "source-filter: %s %s %s %s %s"},
    VAL('a', "bundleOnly", "bundle-only", m_bundle_only, "%s"),
    VAL('a', "label", "label:", m_label, "label:%s"),
    VAL('a', "sctpPort", "sctp-port:", m_sctp_port, "sctp-port:%s"),
    VAL('a', "maxMessageSize", "max-message-size:", m_max_message_size, "max-message-size:%s"),
    {'a', "tsRefClocks", 1, NAMES(n_ts_refclk), "ss", "ts-refclk:", m_ts_refclk, f_ts_refclk,
     NULL},
    {'a', "mediaClk", 0, NAMES(n_mediaclk), "sssss", "mediaclk:", m_mediaclk, f_mediaclk, NULL},
    VAL('a', "keywords", "keywds:", m_keywords, "keywds:%s"),
    VAL('a', "content", "content:", m_content, "content:%s"),
    VAL('a', "bfcpFloorCtrl", "floorctrl:", m_floorctrl, "floorctrl:%s"),
    VAL('a', "bfcpConfId", "confid:", m_confid, "confid:%s"),
    VAL('a', "bfcpUserId", "userid:", m_userid, "userid:%s"),
    {'a', "bfcpFloorId", 0, NAMES(n_floorid), "ss", "floorid:", m_floorid, NULL,
     "floorid:%s mstrm:%s"},
    {'a', "invalid", 1, NAMES(n_value), "s", "", m_all, NULL, "%s"},
};

const size_t sdpxi_nrules = sizeof sdpxi_rules / sizeof sdpxi_rules[0];
_Static_assert(sizeof sdpxi_rules / sizeof sdpxi_rules[0] < SDPXI_RULE_NONE, "rule ids fit a byte");

/* The a= rules to try for each first letter of the content, in grammar
 * order (rows of sdpxi_rules; every line also tries `invalid` last), so a
 * line is tested against a few patterns, not fifty. Generated from the
 * prefixes above; tests/test_json.c has a line for every rule. */
static const char *const a_rules_by_letter[26] = {
    "", /* a */
    "\x33", /* b */
    "\x0f\x15\x17\x21\x3a\x3c", /* c */
    "", /* d */
    "\x13\x14\x22", /* e */
    "\x0e\x20\x31\x3b\x3e", /* f */
    "\x28", /* g */
    "", /* h */
    "\x1c\x1d\x1e\x1f\x24\x2e", /* i */
    "", /* j */
    "\x39", /* k */
    "\x34", /* l */
    "\x18\x19\x1b\x27\x36\x38", /* m */
    "", /* n */
    "", /* o */
    "\x1a", /* p */
    "", /* q */
    "\x0d\x10\x11\x12\x1c\x23\x29\x2a\x2d", /* r */
    "\x16\x1c\x25\x26\x2b\x2f\x30\x32\x35", /* s */
    "\x37", /* t */
    "\x3d", /* u */
    "", /* v */
    "", /* w */
    "\x2c", /* x */
    "", /* y */
    "", /* z */
};

/* The a= rules a line of each registry kind can match, in grammar order:
 * [0] for a line that is the name alone, [1] for "name:value". The content
 * starts with the kind's name, so only the rules whose prefix is the name
 * or "name:" (or a prefix of it: rtcp-mux-only is rtcpMux) can match, and
 * the direction rule only the four direction names. Unlisted kinds (NULL)
 * take the search by first letter; tests/test_json.c checks every row
 * against that search. */
static const char *const a_rules_by_kind[SDPX_ATTR_KIND_COUNT][2] = {
    [SDPX_ATTR_CANDIDATE] = {"", "\x21"},
    [SDPX_ATTR_ICE_UFRAG] = {"", "\x1e"},
    [SDPX_ATTR_ICE_PWD] = {"", "\x1f"},
    [SDPX_ATTR_ICE_OPTIONS] = {"", "\x24"},
    [SDPX_ATTR_ICE_LITE] = {"\x1d", "\x1d"},
    [SDPX_ATTR_ICE_MISMATCH] = {"", ""},
    [SDPX_ATTR_END_OF_CANDIDATES] = {"\x22", "\x22"},
    [SDPX_ATTR_REMOTE_CANDIDATES] = {"", "\x23"},
    [SDPX_ATTR_ICE_PACING] = {"", ""},
    [SDPX_ATTR_FINGERPRINT] = {"", "\x20"},
    [SDPX_ATTR_SETUP] = {"", "\x16"},
    [SDPX_ATTR_TLS_ID] = {"", ""},
    [SDPX_ATTR_RTPMAP] = {"", "\x0d"},
    [SDPX_ATTR_FMTP] = {"", "\x0e"},
    [SDPX_ATTR_RTCP_FB] = {"", "\x11\x12"},
    [SDPX_ATTR_EXTMAP] = {"", "\x13"},
    [SDPX_ATTR_EXTMAP_ALLOW_MIXED] = {"\x14", "\x14"},
    [SDPX_ATTR_RTCP] = {"", "\x10"},
    [SDPX_ATTR_RTCP_MUX] = {"\x29", "\x29"},
    [SDPX_ATTR_RTCP_MUX_ONLY] = {"\x29", "\x29"},
    [SDPX_ATTR_RTCP_RSIZE] = {"\x2a", "\x2a"},
    [SDPX_ATTR_SENDRECV] = {"\x1c", "\x1c"},
    [SDPX_ATTR_SENDONLY] = {"\x1c", "\x1c"},
    [SDPX_ATTR_RECVONLY] = {"\x1c", "\x1c"},
    [SDPX_ATTR_INACTIVE] = {"\x1c", "\x1c"},
    [SDPX_ATTR_PTIME] = {"", "\x1a"},
    [SDPX_ATTR_MAXPTIME] = {"", "\x1b"},
    [SDPX_ATTR_FRAMERATE] = {"", "\x31"},
    [SDPX_ATTR_QUALITY] = {"", ""},
    [SDPX_ATTR_SSRC] = {"", "\x25"},
    [SDPX_ATTR_SSRC_GROUP] = {"", "\x26"},
    [SDPX_ATTR_MSID] = {"", "\x19"},
    [SDPX_ATTR_MSID_SEMANTIC] = {"", "\x27"},
    [SDPX_ATTR_GROUP] = {"", "\x28"},
    [SDPX_ATTR_MID] = {"", "\x18"},
    [SDPX_ATTR_BUNDLE_ONLY] = {"\x33", "\x33"},
    [SDPX_ATTR_RID] = {"", "\x2d"},
    [SDPX_ATTR_SIMULCAST] = {"", "\x2f\x30"},
    [SDPX_ATTR_SCTP_PORT] = {"", "\x35"},
    [SDPX_ATTR_MAX_MESSAGE_SIZE] = {"", "\x36"},
    [SDPX_ATTR_SCTPMAP] = {"", "\x2b"},
    [SDPX_ATTR_CRYPTO] = {"", "\x15"},
    [SDPX_ATTR_CAT] = {"", ""},
    [SDPX_ATTR_KEYWDS] = {"", "\x39"},
    [SDPX_ATTR_TOOL] = {"", ""},
    [SDPX_ATTR_ORIENT] = {"", ""},
    [SDPX_ATTR_TYPE] = {"", ""},
    [SDPX_ATTR_CHARSET] = {"", ""},
    [SDPX_ATTR_SDPLANG] = {"", ""},
    [SDPX_ATTR_LANG] = {"", ""},
    [SDPX_ATTR_LABEL] = {"", "\x34"},
    [SDPX_ATTR_CONTENT] = {"", "\x3a"},
    [SDPX_ATTR_IMAGEATTR] = {"", "\x2e"},
    [SDPX_ATTR_CONTROL] = {"", "\x0f"},
    [SDPX_ATTR_RANGE] = {"", ""},
    [SDPX_ATTR_IDENTITY] = {"", ""},
};

/* Clear what a failed matcher of rule r may have captured. */
static void clear_caps(const sdpxi_rule *r, sdpx_str *caps)
{
    /* a few entries: stores, not a memset call */
    size_t k = r->nnames ? r->nnames : 1;
    for (size_t j = 0; j < k; j++)
        caps[j] = (sdpx_str){NULL, 0};
}

/* The first rule of the a= list `ids` (rows of sdpxi_rules) whose prefix
 * (when check_prefix) and pattern match, else invalid; caps start zeroed. */
static unsigned find_in(const char *ids, int check_prefix, const char *p, size_t n, sdpx_str *caps)
{
    for (const char *r = ids; *r; r++) {
        const sdpxi_rule *rule = &sdpxi_rules[(unsigned char)*r];
        if (check_prefix) {
            /* compare while scanning the prefix: most rules differ within a byte or two */
            const char *pf = rule->prefix;
            size_t k = 0;
            while (pf[k] && k < n && p[k] == pf[k])
                k++;
            if (pf[k])
                continue;
        }
        if (rule->match(p, n, caps))
            return (unsigned char)*r;
        clear_caps(rule, caps);
    }
    m_all(p, n, caps);
    return SDPXI_RULE_INVALID;
}

unsigned sdpxi_rule_find(char type, const char *p, size_t n, sdpx_str *caps)
{
    memset(caps, 0, SDPXI_JSON_MAX_NAMES * sizeof *caps);
    if (type != 'a') {
        for (unsigned i = 0; i < SDPXI_RULE_RTP; i++)
            if (sdpxi_rules[i].type == type && sdpxi_rules[i].match(p, n, caps))
                return i;
        return SDPXI_RULE_NONE;
    }
    unsigned c = n ? (unsigned char)p[0] : 0;
    return find_in(c >= 'a' && c <= 'z' ? a_rules_by_letter[c - 'a'] : "", 1, p, n, caps);
}

unsigned sdpxi_rule_find_kind(sdpx_attr_kind kind, int has_value, const char *p, size_t n,
                              sdpx_str *caps)
{
    const char *ids = (unsigned)kind < SDPX_ATTR_KIND_COUNT ? a_rules_by_kind[kind][has_value != 0]
                                                            : NULL;
    if (!ids)
        return sdpxi_rule_find('a', p, n, caps);
    memset(caps, 0, SDPXI_JSON_MAX_NAMES * sizeof *caps);
    return find_in(ids, 0, p, n, caps);
}
