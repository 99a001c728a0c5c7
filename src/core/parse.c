/* Lines -> model. Knows the RFC 8866 line grammar and order; delegates field
 * decoding to lines.c and attribute values to the decoders in attr/. */
#include "core.h"

#include <stdio.h>

typedef struct parser {
    unsigned flags;
    uint32_t refuse;     /* SDPX_QUIRK bits this parse refuses */
    sdpx_limits lim;
    sdpx_diag_fn diag;
    void *diag_ctx;
    sdpx_error *err;     /* the caller's: receives the first error */
    int first_code;      /* 0 until an error happened */
    /* order and presence tracking */
    int in_media;
    int last_rank;
    char last_type;
    unsigned seen;       /* bit per letter seen in the current part */
    int seen_t;
    int seen_o;
    int seen_s;
    unsigned last_line;
    int lf_warned;
    size_t line_cap;     /* line records the session's array holds */
    int quiet;           /* lenient without diagnostics: warnings go nowhere */
    int started;         /* the v=0 line was seen */
    const char *end;     /* the end of the input (of the session's copy) */
    sdpx_media *pool;    /* media records reserved in the parse's block */
    size_t pool_left;
} parser;

#define BIT(c) (1u << ((c) - 'a'))

/* Report a problem. Errors (code < 0) go to the caller's sdpx_error (the
 * first one) and, with ALL_ERRORS, to the diagnostics callback; warnings go
 * to the callback only. Returns code. */
static int report(parser *p, int code, unsigned line, unsigned col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static int vreport(parser *p, int code, unsigned line, unsigned col, const char *fmt, va_list ap)
{
    int want_diag = p->diag && (code > 0 || (p->flags & SDPX_PARSE_ALL_ERRORS));
    int want_err = code < 0 && p->first_code == 0 && p->err;
    if (code < 0 && p->first_code == 0)
        p->first_code = code;
    if (!want_diag && !want_err)
        return code; /* nobody reads the message: do not format it */
    sdpx_error e;
    e.code = code;
    e.line = line;
    e.col = col;
    e.need = 0;
    vsnprintf(e.msg, sizeof e.msg, fmt, ap);
    if (want_err)
        *p->err = e;
    if (want_diag)
        p->diag(p->diag_ctx, code < 0 ? SDPX_SEV_ERROR : SDPX_SEV_WARNING, &e);
    return code;
}

static int report(parser *p, int code, unsigned line, unsigned col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(p, code, line, col, fmt, ap);
    va_end(ap);
    return code;
}

static unsigned col_of(const sdpx_token *t, const char *at)
{
    return sdpxi_col((size_t)(at - t->text.ptr));
}


/* What RFC 8866 5 says of each line type letter: its position in the order
 * of the session part and of a media section (0: not allowed there), and
 * whether it may appear once only in each. One row per letter, looked up
 * once per line. */
enum { TYPE_KNOWN = 1, TYPE_ONCE_SESSION = 2, TYPE_ONCE_MEDIA = 4 };
typedef struct {
    uint8_t session_rank, media_rank, flags;
} type_rule;

#define K TYPE_KNOWN
#define OS TYPE_ONCE_SESSION
#define OM TYPE_ONCE_MEDIA
static const type_rule type_rules[26] = {
    ['v' - 'a'] = {1, 0, K | OS},       ['o' - 'a'] = {2, 0, K | OS},
    ['s' - 'a'] = {3, 0, K | OS},       ['i' - 'a'] = {4, 2, K | OS | OM},
    ['u' - 'a'] = {5, 0, K | OS},       ['e' - 'a'] = {6, 0, K},
    ['p' - 'a'] = {7, 0, K},            ['c' - 'a'] = {8, 3, K | OS},
    ['b' - 'a'] = {9, 4, K},            ['t' - 'a'] = {10, 0, K},
    ['r' - 'a'] = {10, 0, K},           ['z' - 'a'] = {11, 0, K | OS},
    ['k' - 'a'] = {12, 5, K | OS | OM}, ['a' - 'a'] = {13, 6, K},
    ['m' - 'a'] = {0, 1, K},
};
#undef K
#undef OS
#undef OM

int sdpxi_line_rank(int media, char type)
{
    if (type < 'a' || type > 'z')
        return 0;
    const type_rule *r = &type_rules[type - 'a'];
    return media ? r->media_rank : r->session_rank;
}

static int strict(const parser *p) { return (p->flags & SDPX_PARSE_STRICT) != 0; }

/* 1 when the quirk with warning code `wcode` is refused (strict mode, or
 * the caller's SDPX_QUIRK bits). */
static int refused(const parser *p, int wcode) { return (p->refuse & SDPX_QUIRK(wcode)) != 0; }

/* A structural rule was broken: an error when its quirk is refused, a
 * warning otherwise. Returns the error code or 0. */
static int rule(parser *p, int ecode, int wcode, const sdpx_token *t, unsigned col,
                const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

static int rule(parser *p, int ecode, int wcode, const sdpx_token *t, unsigned col,
                const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int refuse = refused(p, wcode);
    vreport(p, refuse ? ecode : wcode, t->line, col, fmt, ap);
    va_end(ap);
    return refuse ? ecode : 0;
}

static int check_order(parser *p, const sdpx_token *t)
{
    char c = t->type;
    const type_rule *tr = &type_rules[c - 'a'];
    int rank = p->in_media ? tr->media_rank : tr->session_rank;
    int rc = 0;
    if (!(tr->flags & TYPE_KNOWN))
        return rule(p, SDPX_EUNKNOWN, SDPX_W_UNKNOWN_TYPE, t, 1, "unknown line type '%c'", c);
    if (rank == 0)
        rc = rule(p, SDPX_EORDER, SDPX_W_ORDER, t, 1, "'%c=' line inside a media section", c);
    else if (rank < p->last_rank || (c == 'r' && p->last_type != 't' && p->last_type != 'r'))
        rc = rule(p, SDPX_EORDER, SDPX_W_ORDER, t, 1, "'%c=' line out of order after '%c='", c,
                  p->last_type);
    else
        p->last_rank = rank;
    if (rc)
        return rc;
    if ((tr->flags & (p->in_media ? TYPE_ONCE_MEDIA : TYPE_ONCE_SESSION)) && (p->seen & BIT(c)))
        rc = rule(p, SDPX_EDUPLICATE, SDPX_W_DUPLICATE, t, 1, "second '%c=' line", c);
    p->seen |= BIT(c);
    p->last_type = c;
    return rc;
}

/* `what` is a format with one %s: the offending token, quoted. */
static int field_error(parser *p, const sdpx_token *t, int code, const char *at,
                       sdpx_str tok, const char *what)
{
    char q[64];
    sdpxi_quote(q, sizeof q, tok, 40);
    return report(p, code, t->line, col_of(t, at), what, q);
}

/* A field quirk: the error `code` when quirk `wcode` is refused, else the
 * warning `wcode` with the same message; returns the error or 0. */
static int quirk_field(parser *p, const sdpx_token *t, int wcode, int code, const char *at,
                       sdpx_str tok, const char *what)
{
    if (refused(p, wcode))
        return field_error(p, t, code, at, tok, what);
    if (p->quiet)
        return 0;
    char q[64];
    sdpxi_quote(q, sizeof q, tok, 40);
    report(p, wcode, t->line, col_of(t, at), what, q);
    return 0;
}

/* A malformed field that lenient mode keeps as text. */
static int soft_field_error(parser *p, const sdpx_token *t, int code, const char *at,
                            sdpx_str tok, const char *what)
{
    return quirk_field(p, t, SDPX_W_FIELD, code, at, tok, what);
}

/* A line with too few fields: always an error for wcode 0, else the quirk
 * wcode (o= and c= lines cut short by cameras). */
static int missing_field(parser *p, const sdpx_token *t, int wcode, const char *line_kind,
                         const char *form)
{
    char what[128];
    snprintf(what, sizeof what, "%s line \"%%s\" needs %s", line_kind, form);
    const char *at = t->value.ptr + t->value.len;
    if (!wcode)
        return field_error(p, t, SDPX_EFIELD, at, t->value, what);
    return quirk_field(p, t, wcode, SDPX_EFIELD, at, t->value, what);
}

static int check_nettype(parser *p, const sdpx_token *t, sdpx_str nettype, sdpx_str addrtype)
{
    if (!strict(p))
        return 0;
    /* RFC 8866 5.7, 8.2.6/8.2.7: nettype IN with addrtype IP4 or IP6 */
    if (!sdpx_str_eq(nettype, "IN"))
        return field_error(p, t, SDPX_EVALUE, nettype.ptr, nettype, "network type \"%s\" is not IN");
    if (!sdpx_str_eq(addrtype, "IP4") && !sdpx_str_eq(addrtype, "IP6"))
        return field_error(p, t, SDPX_EVALUE, addrtype.ptr, addrtype,
                           "address type \"%s\" is not IP4 or IP6");
    return 0;
}

#define O_FIELDS "six fields: username sess-id sess-version nettype addrtype address"
#define C_FIELDS "three fields: nettype addrtype address"

/* 1 when v holds at least k fields as sdpx_field_next splits them (runs of
 * bytes other than ' '), where the bytes up to `end` (the input's) may be
 * read: a field starts at each byte that is no space and follows one (or
 * the start), counted 16 bytes a compare. */
static int has_fields(sdpx_str v, unsigned k, const char *end)
{
    const char *p = v.ptr;
    size_t n = v.len;
    unsigned fields = 0, after_space = 1;
#if defined(__SSE2__) && defined(__GNUC__)
    const __m128i space = _mm_set1_epi8(' ');
    while (n && (size_t)(end - p) >= 16) {
        unsigned sp = (unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)p), space));
        if (n < 16)
            sp |= 0xffffu << n; /* past the value: spaces, which start nothing */
        for (unsigned starts = ~sp & ((sp << 1) | after_space) & 0xffffu; starts;
             starts &= starts - 1)
            if (++fields >= k)
                return 1;
        after_space = sp >> 15;
        size_t step = n < 16 ? n : 16;
        p += step;
        n -= step;
    }
#else
    (void)end;
#endif
    for (; n; p++, n--) {
        unsigned sp = *p == ' ';
        fields += (sp ^ 1u) & after_space;
        after_space = sp;
    }
    return fields >= k;
}

static int check_origin(parser *p, const sdpx_token *t)
{
    sdpx_origin o;
    if (!strict(p)) /* lenient: only the six fields matter (RFC 8866 5.2) */
        return has_fields(t->value, 6, p->end) ? 0
                                       : missing_field(p, t, SDPX_W_ORIGIN_FIELDS, "o=", O_FIELDS);
    if (sdpx_origin_parse(t->value, &o))
        return missing_field(p, t, SDPX_W_ORIGIN_FIELDS, "o=", O_FIELDS);
    uint64_t v;
    int rc = sdpx_str_u64(o.sess_id, &v);
    if (rc == SDPX_EFIELD)
        return field_error(p, t, SDPX_EVALUE, o.sess_id.ptr, o.sess_id, "sess-id \"%s\" is not a number");
    rc = sdpx_str_u64(o.sess_version, &v);
    if (rc == SDPX_EFIELD)
        return field_error(p, t, SDPX_EVALUE, o.sess_version.ptr, o.sess_version,
                           "sess-version \"%s\" is not a number");
    const char *after = o.address.ptr + o.address.len;
    sdpx_str rest = sdpxi_str(after, (size_t)(t->value.ptr + t->value.len - after));
    sdpx_str extra;
    if (sdpx_field_next(&rest, &extra))
        return field_error(p, t, SDPX_EFIELD, extra.ptr, extra, "extra field \"%s\" in o= line");
    return check_nettype(p, t, o.nettype, o.addrtype);
}

static int check_connection(parser *p, const sdpx_token *t)
{
    /* quiet, all that can be wrong is a warning (even too few fields):
     * nobody listens */
    if (p->quiet)
        return 0;
    sdpx_str rest = t->value, f;
    int n = 0;
    while (n < 3 && sdpx_field_next(&rest, &f))
        n++;
    if (n < 3)
        return missing_field(p, t, SDPX_W_CONNECTION_FIELDS, "c=", C_FIELDS);
    sdpx_connection c;
    if (sdpx_connection_parse(t->value, &c)) {
        sdpx_str extra;
        if (sdpx_field_next(&rest, &extra))
            return soft_field_error(p, t, SDPX_EFIELD, extra.ptr, extra,
                                    "extra field \"%s\" in c= line");
        return soft_field_error(p, t, SDPX_EFIELD, f.ptr, f, "malformed connection address \"%s\"");
    }
    return check_nettype(p, t, c.nettype, c.addrtype);
}

static int check_mline(parser *p, const sdpx_token *t)
{
    sdpx_mline m;
    int rc = sdpx_mline_parse(t->value, &m);
    if (rc) {
        /* Split the fields only to say what is wrong. */
        sdpx_str rest = t->value, media, port, proto;
        if (!sdpx_field_next(&rest, &media) || !sdpx_field_next(&rest, &port) ||
            !sdpx_field_next(&rest, &proto))
            return missing_field(p, t, 0, "m=", "media, port and proto");
        if (rc == SDPX_ERANGE)
            return field_error(p, t, SDPX_ERANGE, port.ptr, port, "port \"%s\" out of range 0-65535");
        return field_error(p, t, SDPX_EFIELD, port.ptr, port, "port \"%s\" is not a number");
    }
    if (m.formats.len == 0)
        return rule(p, SDPX_EFIELD, SDPX_W_NO_FORMAT, t, col_of(t, t->value.ptr + t->value.len),
                    "m= line has no format");
    return 0;
}

static int check_bandwidth(parser *p, const sdpx_token *t)
{
    sdpx_bandwidth b;
    int rc = sdpx_bandwidth_parse(t->value, &b);
    if (rc == 0) {
        if (strict(p) && !sdpxi_is_token(b.type))
            return field_error(p, t, SDPX_EVALUE, b.type.ptr, b.type, "bandwidth type \"%s\" is not a token");
        return 0;
    }
    const char *colon = memchr(t->value.ptr, ':', t->value.len);
    if (!colon || colon == t->value.ptr)
        return soft_field_error(p, t, SDPX_EFIELD, t->value.ptr, t->value,
                                "b= line \"%s\" is not <bwtype>:<bandwidth>");
    sdpx_str v = sdpxi_str(colon + 1, (size_t)(t->value.ptr + t->value.len - colon - 1));
    if (rc == SDPX_EOVERFLOW)
        return soft_field_error(p, t, SDPX_ERANGE, v.ptr, v, "bandwidth \"%s\" out of range");
    return soft_field_error(p, t, SDPX_EFIELD, v.ptr, v, "bandwidth \"%s\" is not a number");
}

static int check_timing(parser *p, const sdpx_token *t)
{
    sdpx_timing tm;
    int rc = sdpx_timing_parse(t->value, &tm);
    if (rc == 0)
        return 0;
    sdpx_str rest = t->value, f;
    while (sdpx_field_next(&rest, &f)) {
        uint64_t v;
        int frc = sdpx_str_u64(f, &v);
        if (frc == SDPX_EOVERFLOW)
            return soft_field_error(p, t, SDPX_ERANGE, f.ptr, f, "time \"%s\" out of range");
        if (frc)
            return soft_field_error(p, t, SDPX_EFIELD, f.ptr, f, "time \"%s\" is not a number");
    }
    return soft_field_error(p, t, SDPX_EFIELD, t->value.ptr, t->value,
                            "t= line \"%s\" needs exactly two times");
}

static int check_value(parser *p, const sdpx_token *t)
{
    int rc = 0;
    switch (t->type) {
    case 'o': return check_origin(p, t);
    case 'c': return check_connection(p, t);
    case 'm': return check_mline(p, t);
    case 'v':
        if (t->value.len == 1 && t->value.ptr[0] == '0')
            return 0;
        /* "v=0o=- 5 2 IN IP4 ..." (two lines run together) is a quirk; v=1 is another protocol */
        if (t->value.len > 1 && t->value.ptr[0] == '0' && !sdpxi_is_digit(t->value.ptr[1]))
            return quirk_field(p, t, SDPX_W_VERSION_VALUE, SDPX_EVERSION, t->value.ptr, t->value,
                               "version \"%s\" is not 0");
        return field_error(p, t, SDPX_EVERSION, t->value.ptr, t->value, "version \"%s\" is not 0");
    default:
        break;
    }
    /* The rest fail softly only: a warning, when nobody listens, is no work. */
    if (p->quiet)
        return 0;
    switch (t->type) {
    case 'b': return check_bandwidth(p, t);
    case 't': return check_timing(p, t);
    case 'r': {
        sdpx_repeat r;
        if (sdpx_repeat_parse(t->value, &r))
            return soft_field_error(p, t, SDPX_EFIELD, t->value.ptr, t->value,
                                    "r= line \"%s\" is not <interval> <duration> <offset>...");
        return 0;
    }
    case 'z': {
        sdpx_str rest = t->value;
        uint64_t when;
        int64_t off;
        int n = 0;
        while ((rc = sdpx_zone_next(&rest, &when, &off)) == 1)
            n++;
        if (rc < 0 || n == 0)
            return soft_field_error(p, t, SDPX_EFIELD, t->value.ptr, t->value,
                                    "z= line \"%s\" is not pairs of <adjustment time> <offset>");
        return 0;
    }
    case 'k': {
        sdpx_key k;
        if (sdpx_key_parse(t->value, &k))
            return soft_field_error(p, t, SDPX_EFIELD, t->value.ptr, t->value,
                                    "k= line \"%s\" is not <method>[:<key>]");
        return 0;
    }
    default:
        return 0;
    }
}

static int check_attr(parser *p, const sdpx_token *t, const sdpx_line *l, unsigned scope)
{
    sdpx_str name = sdpxi_str(l->text + 2, l->namelen);
    /* Known names are tokens by construction: only unknown ones are checked. */
    if (l->kind == SDPX_ATTR_OTHER && !sdpxi_is_token(name)) {
        char q[64];
        sdpxi_quote(q, sizeof q, name, 40);
        int rc = rule(p, SDPX_EVALUE, SDPX_W_ATTR_NAME, t, 3, "attribute name \"%s\" is not a token", q);
        if (rc)
            return rc;
    }
    if (l->kind > SDPX_ATTR_OTHER) {
        unsigned here = p->in_media ? SDPXI_SCOPE_MEDIA : SDPXI_SCOPE_SESSION;
        if (!(scope & here)) {
            int rc = rule(p, SDPX_ESCOPE, SDPX_W_SCOPE, t, 3, "a=%s is not allowed at %s level",
                          sdpx_attr_kind_name((sdpx_attr_kind)l->kind),
                          p->in_media ? "media" : "session");
            if (rc)
                return rc;
        }
        /* Value grammars cost time: checked when refused (strict), or when
         * someone listens for the warnings. */
        if (p->diag || (p->refuse & (SDPX_QUIRK(SDPX_W_ATTR_VALUE) | SDPX_QUIRK(SDPX_W_ZONE_ID)))) {
            char msg[128];
            size_t off;
            sdpx_str value = sdpx_attr_value(l);
            int rc = sdpxi_attr_check((sdpx_attr_kind)l->kind, sdpx_attr_has_value(l), value,
                                      &off, msg, sizeof msg);
            if (rc) {
                /* a positive code is a quirk of its own (SDPX_W_ZONE_ID) */
                int wcode = rc > 0 ? rc : SDPX_W_ATTR_VALUE;
                unsigned col = sdpx_attr_has_value(l) ? col_of(t, value.ptr + off)
                                                      : sdpxi_col(t->text.len);
                return rule(p, SDPX_EVALUE, wcode, t, col, "%s", msg);
            }
        }
    }
    return 0;
}

/* The a= fields of a line of `len` bytes (name length, HAS_VALUE, kind)
 * from where its name ends (`nl` bytes after "a="); returns the kind's
 * scope flags. */
static unsigned set_attr_fields(sdpx_line *l, size_t nl, size_t len)
{
    unsigned k = sdpxi_attr_lookup(l->text + 2, nl);
    l->namelen = (uint32_t)nl;
    if (nl < len - 2)
        l->flags |= SDPXI_LINE_HAS_VALUE;
    l->kind = (uint8_t)k;
    return k >> 8;
}

void sdpxi_line_classify(sdpx_line *l)
{
    l->kind = SDPX_ATTR_NONE;
    l->namelen = 0;
    l->flags &= (uint8_t)~SDPXI_LINE_HAS_VALUE;
    if (l->type != 'a')
        return;
    const char *v = l->text + 2;
    size_t n = l->len - 2;
    const char *colon = memchr(v, ':', n);
    set_attr_fields(l, colon ? (size_t)(colon - v) : n, l->len);
}

/* Count lines and likely m= lines: the exact size of the arena, for scratch
 * memory (whose `need` must be exact) and for inputs long enough to hold
 * more lines than max_lines. */
static int starts_m(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    return p < end && *p == 'm';
}

/* An indented m= line (SDPX_W_INDENT) opens a section too. */
static void prescan(const char *buf, size_t len, size_t *nlines, size_t *nmedia)
{
    size_t lines = 0, media = (size_t)starts_m(buf, buf + len);
    const char *p = buf, *end = buf + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            break;
        p = nl + 1;
        lines++;
        media += (size_t)starts_m(p, end);
    }
    *nlines = lines + (p < end); /* a last line without its ending counts too */
    *nmedia = media;
}

static void limits_with_defaults(const sdpx_parse_options *opt, sdpx_limits *l)
{
    if (opt)
        *l = opt->limits;
    else
        memset(l, 0, sizeof *l);
    if (!l->max_input)
        l->max_input = SDPX_DEFAULT_MAX_INPUT;
    if (!l->max_lines)
        l->max_lines = SDPX_DEFAULT_MAX_LINES;
    if (!l->max_line_len)
        l->max_line_len = SDPX_DEFAULT_MAX_LINE_LEN;
    if (!l->max_attributes)
        l->max_attributes = SDPX_DEFAULT_MAX_ATTRIBUTES;
    if (!l->max_media)
        l->max_media = SDPX_DEFAULT_MAX_MEDIA;
    /* Lines hold 32-bit lengths and numbers. */
    if (l->max_line_len > UINT32_MAX)
        l->max_line_len = UINT32_MAX;
    if (l->max_lines > UINT32_MAX)
        l->max_lines = UINT32_MAX;
}

/* Checked a + b for sizes. */
static int add_size(size_t *acc, size_t n)
{
    size_t a = SDPXI_ALIGN_UP(n);
    if (a < n || *acc > SIZE_MAX - a)
        return -1;
    *acc += a;
    return 0;
}

static int mul_size(size_t *acc, size_t n, size_t each)
{
    if (each && n > SIZE_MAX / each)
        return -1;
    return add_size(acc, n * each);
}

/* The line records of every section are one array, sized before the parse
 * (exactly, or for lines of SDPXI_LINE_GUESS bytes on average); a description
 * of shorter lines moves it into one twice as large, the old one staying in
 * the arena: amortised linear. The media pointers likewise, for sections of
 * SDPXI_MEDIA_GUESS bytes (real ones are several hundred). */
#define SDPXI_LINE_GUESS 12u
#define SDPXI_MEDIA_GUESS 256u

static int grow_lines(parser *p, sdpx_session *s, size_t used)
{
    sdpx_line *old = s->sec.lines;
    size_t cap = p->line_cap * 2;
    sdpx_line *nl = cap <= SIZE_MAX / sizeof *nl ? sdpxi_arena_alloc(&s->arena, cap * sizeof *nl)
                                                 : NULL;
    if (!nl)
        return report(p, SDPX_ENOMEM, 0, 0, "out of memory (%zu line records)", cap);
    memcpy(nl, old, used * sizeof *nl);
    s->sec.lines = nl;
    for (size_t i = 0; i < s->nmedia; i++)
        s->media[i]->sec.lines = nl + (s->media[i]->sec.lines - old);
    p->line_cap = cap;
    return 0;
}

/* Media records past the parse's reserve: a block of as many as the
 * session has (at least 8), chained on s->media_chunks and freed with the
 * session, so the blocks double and their number stays logarithmic. With
 * NO_HEAP the arena is the caller's scratch, which never compacts. Returns
 * 0, or -1 when out of memory. */
static int more_media(sdpx_session *s, parser *p)
{
    size_t n = s->nmedia < 8 ? 8 : s->nmedia;
    size_t hdr = SDPXI_ALIGN_UP(sizeof(void *));
    if (n > (SIZE_MAX - hdr) / sizeof(sdpx_media))
        return -1;
    char *block;
    if (s->arena.no_heap) {
        block = sdpxi_arena_alloc(&s->arena, hdr + n * sizeof(sdpx_media));
        if (!block)
            return -1;
    } else {
        block = sdpxi_block_new(&s->arena.alloc, hdr + n * sizeof(sdpx_media));
        if (!block)
            return -1;
        memcpy(block, &s->media_chunks, sizeof(void *));
        s->media_chunks = block;
    }
    p->pool = (sdpx_media *)(void *)(block + hdr);
    p->pool_left = n;
    return 0;
}

/* A new media section starting at `first`; its pointer array keeps one
 * spare slot and doubles when full. NULL when out of memory (reported). */
static sdpx_media *new_media(parser *p, sdpx_session *s, sdpx_line *first)
{
    if (s->nmedia >= s->media_cap) {
        size_t cap = 2 * s->media_cap + 1;
        sdpx_media **arr = sdpxi_arena_alloc(&s->arena, (cap + 1) * sizeof *arr);
        if (!arr) {
            report(p, SDPX_ENOMEM, 0, 0, "out of memory (%zu media sections)", cap);
            return NULL;
        }
        memcpy(arr, s->media, s->nmedia * sizeof *arr);
        s->media = arr;
        s->media_cap = cap;
    }
    /* Handles stay valid for the session's life: a record comes from the
     * reserve in the parse's own block, which compaction keeps, or past it
     * from a block of records outside the arena (an arena block would go
     * with the next compaction). */
    if (!p->pool_left && more_media(s, p)) {
        report(p, SDPX_ENOMEM, 0, 0, "out of memory (a media section)");
        return NULL;
    }
    sdpx_media *m = p->pool++;
    p->pool_left--;
    m->pinned_next = NULL;
    m->session = s;
    m->sec.lines = first;
    m->sec.n = 0;
    m->sec.cap = 0;
    m->index = s->nmedia;
    sdpxi_media_init(m);
    s->media[s->nmedia++] = m;
    return m;
}

/* Per-line quirks of endings and whitespace. */
static void line_quirks(parser *p, const sdpx_token *t)
{
    const uint32_t mine = SDPX_QUIRK(SDPX_W_LF) | SDPX_QUIRK(SDPX_W_NO_FINAL_EOL) |
                          SDPX_QUIRK(SDPX_W_TRAILING_SPACE);
    if (!p->diag && !(p->refuse & mine))
        return;
    if (t->eol == SDPX_EOL_LF && !p->lf_warned) {
        p->lf_warned = 1;
        rule(p, SDPX_ESYNTAX, SDPX_W_LF, t, sdpxi_col(t->text.len),
             "line ends with LF instead of CRLF (reported once)");
    }
    /* RFC 8866 9: every line ends with CRLF; a file cut short lacks it */
    if (t->eol == SDPX_EOL_NONE)
        rule(p, SDPX_ESYNTAX, SDPX_W_NO_FINAL_EOL, t, sdpxi_col(t->text.len),
             "last line has no line ending");
    /* "s= " is RFC 8866 5.3's own advice for a session without a name */
    if (t->type && t->text.len > 0 && !(t->type == 's' && sdpx_str_eq(t->value, " "))) {
        char last = t->text.ptr[t->text.len - 1];
        if (last == ' ' || last == '\t')
            rule(p, SDPX_ESYNTAX, SDPX_W_TRAILING_SPACE, t, sdpxi_col(t->text.len - 1),
                 "trailing whitespace");
    }
}

/* A line the tokenizer refused for its form (SDPX_ESYNTAX; it starts at
 * byte `start` and the tokenizer has moved past it). An indented line is
 * read as the line after its indentation (SDPX_W_INDENT); any other line
 * after the start of the description is kept as text of type 0
 * (SDPX_W_UNTYPED_LINE); `first` says no line came before it. Returns 0
 * with *t filled, or SDPX_ESYNTAX when the quirk is refused (the
 * tokenizer's error stands). */
static int untyped_line(parser *p, const sdpx_tokenizer *tz, size_t start, int first,
                        sdpx_token *t)
{
    const char *b = tz->buf + start;
    size_t n = tz->pos - start;
    sdpx_eol eol = SDPX_EOL_NONE;
    if (n && b[n - 1] == '\n') {
        eol = SDPX_EOL_LF;
        n--;
        if (n && b[n - 1] == '\r') {
            eol = SDPX_EOL_CRLF;
            n--;
        }
    }
    size_t k = 0;
    while (k < n && (b[k] == ' ' || b[k] == '\t'))
        k++;
    sdpx_tokenizer sub;
    sdpx_token st;
    sdpx_tokenizer_init(&sub, b + k, n - k);
    int indented = k > 0 && k <= SDPXI_INDENT_MAX && sdpx_tokenizer_next(&sub, &st, NULL) == 1;
    int wcode = indented ? SDPX_W_INDENT : SDPX_W_UNTYPED_LINE;
    /* before the first line of the description the input is not SDP yet */
    if (refused(p, wcode) || (!indented && (!p->started || first)))
        return SDPX_ESYNTAX;
    t->text = sdpxi_str(b, n);
    t->line = tz->line;
    t->eol = eol;
    if (indented) {
        t->type = st.type;
        t->value = st.value;
        report(p, wcode, t->line, 1, "line indented by %zu spaces or tabs", k);
    } else {
        t->type = 0;
        t->value = sdpxi_str(b + n, 0);
        char q[64];
        sdpxi_quote(q, sizeof q, t->text, 40);
        report(p, wcode, t->line, 1, "line \"%s\" is not <type>=<value>: kept as text", q);
    }
    return 0;
}

/* The first line is not v=: RTSP cameras send descriptions that start at
 * the first m= line (SDPX_W_NO_VERSION); anything else is not SDP. Returns
 * the error, or 0 when tolerated. */
static int no_version(parser *p, const sdpx_token *t)
{
    char q[64];
    sdpxi_quote(q, sizeof q, t->text, 40);
    if (t->type != 'm' || refused(p, SDPX_W_NO_VERSION))
        return report(p, SDPX_EVERSION, t->line, 1, "first line \"%s\" is not v=0", q);
    report(p, SDPX_W_NO_VERSION, t->line, 1, "first line \"%s\" is not v=0", q);
    return 0;
}

static int too_many_attributes(parser *p, unsigned line)
{
    report(p, SDPX_ELIMIT, line, 1, "more attributes than the limit max_attributes (%zu)",
           p->lim.max_attributes);
    return p->first_code; /* limits always stop the parse; the first error wins */
}

/* The parse loop's position: where the next line starts, its number, the
 * records written so far. Kept apart from the parser so that the common
 * path, inlined into the loop, holds it in registers. */
typedef struct walk {
    const char *text;
    size_t len;
    size_t pos;
    unsigned lineno;
    sdpx_line *rec;      /* the next line record to write */
    sdpx_line *rec_end;  /* the end of the session's array (grow_lines moves it) */
    size_t nattrs;       /* a= lines so far */
    sdpxi_section *part; /* the part the lines go to */
    int short_a;         /* clean lines take the quiet path (quiet_run) */
} walk;

/* Where the line ending at byte `end` (the scan's answer) is followed by
 * the next one, with its ending in *eol; 0 when it ends in a NUL or a CR
 * without LF, which the tokenizer explains. */
static inline size_t after_line(const char *text, size_t len, size_t end, sdpx_eol *eol)
{
    if (end == len) {
        *eol = SDPX_EOL_NONE;
        return end;
    }
    if (text[end] == '\r' && end + 1 < len && text[end + 1] == '\n') {
        *eol = SDPX_EOL_CRLF;
        return end + 2;
    }
    *eol = text[end] == '\r' ? SDPX_EOL_CRLF : SDPX_EOL_LF;
    return text[end] == '\n' ? end + 1 : 0;
}

/* The next line record, NULL when out of memory (reported). */
static inline sdpx_line *new_record(parser *p, sdpx_session *s, walk *w)
{
    if (w->rec == w->rec_end) {
        size_t used = (size_t)(w->rec - s->sec.lines);
        if (grow_lines(p, s, used))
            return NULL;
        w->rec = s->sec.lines + used;
        w->rec_end = s->sec.lines + p->line_cap;
    }
    return w->rec++;
}

static int count_attr(parser *p, walk *w, unsigned line)
{
    return ++w->nattrs > p->lim.max_attributes ? too_many_attributes(p, line) : 0;
}

/* The line at w->pos as a token, through the tokenizer: a blank line, a
 * NUL, a stray CR, no type letter or '='. Moves w past it. Returns 1 with
 * *t and *colon (where an a= name ends, counted from the line's start) set,
 * 0 for a line that was an error reported and passed over (ALL_ERRORS), or
 * the error that stops the parse. */
static int odd_token(parser *p, const sdpx_session *s, walk *w, size_t *colon, sdpx_token *t)
{
    sdpx_tokenizer tz;
    sdpx_error terr;
    sdpx_tokenizer_init(&tz, w->text, w->len);
    tz.pos = w->pos;
    tz.line = w->lineno;
    int rc = sdpx_tokenizer_next(&tz, t, &terr);
    if (rc == SDPX_ESYNTAX && untyped_line(p, &tz, w->pos, w->rec == s->sec.lines, t) == 0)
        rc = 1;
    w->pos = tz.pos;
    w->lineno = tz.line;
    if (rc < 0) {
        report(p, rc, terr.line, terr.col, "%s", terr.msg);
        return (p->flags & SDPX_PARSE_ALL_ERRORS) ? 0 : rc;
    }
    if (t->type == 'a') { /* from the type letter: an indented line's record starts there */
        const char *cp = memchr(t->value.ptr, ':', t->value.len);
        *colon = cp ? (size_t)(cp - t->value.ptr) + 2 : t->value.len + 2;
    }
    return 1;
}

/* The record of token t (an a= name ending `colon` bytes after its type
 * letter); returns the attribute's scope flags (0 for other lines). */
static unsigned record_token(sdpx_line *l, const sdpx_token *t, size_t colon)
{
    /* an indented line's record starts at its type letter */
    size_t indent = t->type ? (size_t)(t->value.ptr - 2 - t->text.ptr) : 0;
    l->text = t->text.ptr + indent;
    l->len = (uint32_t)(t->text.len - indent);
    l->lineno = t->line;
    l->type = t->type;
    l->eol = (uint8_t)t->eol;
    l->flags = (uint8_t)(indent << SDPXI_INDENT_SHIFT);
    l->kind = SDPX_ATTR_NONE;
    l->namelen = 0;
    return t->type == 'a' ? set_attr_fields(l, colon - 2, l->len) : 0;
}

/* An m= line opens a media section starting at record l. */
static int open_section(parser *p, sdpx_session *s, walk *w, const sdpx_token *t, sdpx_line *l)
{
    if (s->nmedia >= p->lim.max_media) {
        report(p, SDPX_ELIMIT, t->line, 1, "more media sections than the limit max_media (%zu)",
               p->lim.max_media);
        return p->first_code;
    }
    sdpx_media *m = new_media(p, s, l);
    if (!m)
        return SDPX_ENOMEM;
    w->part = &m->sec;
    p->in_media = 1;
    p->last_rank = 0;
    p->seen = 0;
    return 0;
}

/* The checks of a line that is neither blank nor an a= line after another:
 * order, once-only and mandatory lines, its fields, its attribute. */
static int check_line(parser *p, sdpx_session *s, walk *w, const sdpx_token *t, sdpx_line *l,
                      unsigned scope)
{
    int rc;
    if (t->type == 'm' && (rc = open_section(p, s, w, t, l)) != 0)
        return rc;
    if (t->type == 'a' && (rc = count_attr(p, w, t->line)) != 0)
        return rc;
    if (t->type == 'o')
        p->seen_o = 1;
    else if (t->type == 's')
        p->seen_s = 1;
    else if (t->type == 't')
        p->seen_t = 1;
    if (!p->quiet)
        check_order(p, t);
    check_value(p, t);
    if (t->type == 'a' && !p->quiet)
        check_attr(p, t, l, scope);
    return 0;
}

/* Every line but the quiet parse's a= lines: its limit, quirks and the
 * start of the description, its record, then its rules. Returns the error
 * that stops the parse, or 0. */
static int take_line(parser *p, sdpx_session *s, walk *w, const sdpx_token *t, size_t colon)
{
    if (t->text.len > p->lim.max_line_len) {
        report(p, SDPX_ELIMIT, t->line, sdpxi_col(p->lim.max_line_len),
               "line longer than the limit max_line_len (%zu bytes)", p->lim.max_line_len);
        return p->first_code; /* limits always stop the parse; the first error wins */
    }
    line_quirks(p, t);
    if (!p->started && t->type) {
        /* RFC 8866 5.1: the description starts with v=0; a v= with another
         * value is checked with the other lines */
        if (t->type != 'v' && no_version(p, t))
            return p->first_code; /* not SDP at all: nothing more to say */
        p->started = 1;
        w->short_a = p->quiet;
    }
    sdpx_line *l = new_record(p, s, w);
    if (!l)
        return SDPX_ENOMEM;
    unsigned scope = record_token(l, t, colon);
    int rc = 0;
    if (t->type == 0) {
        if (sdpxi_is_blank(t->text))
            rule(p, SDPX_ESYNTAX, SDPX_W_BLANK_LINE, t, 1, "blank line");
    } else if (t->type == 'a' && (p->quiet || p->last_type == 'a')) {
        /* Quiet, the order, scope and name rules can only warn, and nobody
         * listens. After an a= line of the same part (an m= line between
         * would be the last type) another one keeps the order and may
         * repeat: check_order would find nothing. */
        rc = count_attr(p, w, t->line);
        if (!rc && !p->quiet)
            check_attr(p, t, l, scope);
    } else {
        rc = check_line(p, s, w, t, l, scope);
    }
    if (rc)
        return rc;
    w->part->n++;
    p->last_line = t->line;
    return p->first_code && !(p->flags & SDPX_PARSE_ALL_ERRORS) ? p->first_code : 0;
}

/* The sections' capacities after the last line: each starts full.
 * Returns the parse's first error, or 0. */
static int finish_sections(const parser *p, sdpx_session *s)
{
    for (size_t i = 0; i < s->nmedia; i++)
        s->media[i]->sec.cap = s->media[i]->sec.n;
    s->sec.cap = s->sec.n;
    return p->first_code;
}

/* After the last line: the lines a description must hold, and the
 * sections' capacities. */
static int finish(parser *p, sdpx_session *s)
{
    /* RFC 8866 5.1: a description starts with v=0; blank lines alone are not one. */
    if (!p->started) {
        report(p, SDPX_EVERSION, 1, 1, "no v=0 line: the input holds only blank lines");
        return p->first_code;
    }
    /* RFC 8866 5: o=, s= and at least one t= are mandatory. Quiet, nothing
     * is refused and each missing line can only warn: quiet_run does not
     * even track them. */
    if (p->quiet)
        return finish_sections(p, s);
    static const struct { char type; int code; const char *what; } need[] = {
        {'o', SDPX_W_MISSING_ORIGIN, "no o= line"},
        {'s', SDPX_W_MISSING_NAME, "no s= line"},
        {'t', SDPX_W_MISSING_TIMING, "no t= line"},
    };
    int have[3] = {p->seen_o, p->seen_s, p->seen_t};
    for (int i = 0; i < 3; i++) {
        if (have[i] || (p->flags & SDPXI_PARSE_FRAGMENT)) /* RFC 8840 9: fragments have none */
            continue;
        if (refused(p, need[i].code))
            report(p, SDPX_EMISSING, p->last_line, 1, "%s", need[i].what);
        else
            report(p, need[i].code, 1, 1, "%s", need[i].what);
    }
    return finish_sections(p, s);
}

/* 1 when an m= value is of the plain form "<media> <port> <proto>..."
 * (one space after media, a port of 1 to 5 digits up to 65535, one space,
 * a proto), which sdpx_mline_parse takes; 0 says nothing: it decides. */
static int plain_mline(sdpx_str v)
{
    const char *p = v.ptr, *end = p + v.len;
    if (!v.len || *p == ' ')
        return 0;
    p = sdpxi_find_space(p + 1, end);
    if (end - p < 4)
        return 0;
    const char *digits = ++p;
    unsigned port = 0;
    for (; p < end && p - digits < 5 && sdpxi_is_digit(*p); p++)
        port = port * 10 + (unsigned)(*p - '0');
    return p > digits && port <= 65535 && end - p >= 2 && p[0] == ' ' && p[1] != ' ';
}

/* The quiet parse's m= line at record l: what take_line does to it (a new
 * section, the m= fields), the fields checked by sdpx_mline_parse only when
 * they are not plain. Returns the error that stops the parse, or 0. */
static int quiet_mline(parser *p, sdpx_session *s, walk *w, const char *start, size_t n,
                       sdpx_line *l)
{
    sdpx_token t;
    t.type = 'm';
    t.value = sdpxi_str(start + 2, n - 2);
    t.text = sdpxi_str(start, n);
    t.line = l->lineno;
    t.eol = (sdpx_eol)l->eol;
    int rc = open_section(p, s, w, &t, l);
    if (rc)
        return rc;
    if (!plain_mline(t.value))
        check_mline(p, &t);
    w->part->n++;
    return p->first_code && !(p->flags & SDPX_PARSE_ALL_ERRORS) ? p->first_code : 0;
}

/* The lines of a quiet parse after v=0, from w->pos on, as long as they are
 * clean "<letter>=" lines within max_line_len: what take_line would do to
 * them, and no more. Quiet, a warning goes nowhere, so only what can fail
 * is checked: the attribute limit, an m= line's section and fields (the
 * order, once-only, o=, c=, b=, t=, r=, z=, k= and scope rules can only
 * warn; the o=, s=, t= presence and p->last_line serve reports that warn
 * or strict mode only). A v= line, or any other line, is left at w->pos
 * for the general path. Returns the error that stops the parse, or 0. */
static int quiet_run(parser *p, sdpx_session *s, walk *w)
{
    const char *text = w->text;
    const size_t len = w->len, max_line = p->lim.max_line_len;
    size_t pos = w->pos;
    /* the records written, and a= lines allowed, before the next check */
    sdpx_line *rec = w->rec, *rec_end = w->rec_end;
    size_t attrs_left = p->lim.max_attributes - w->nattrs;
    unsigned lineno = w->lineno;
    uint32_t part_n = w->part->n;
    int rc = 0;
    while (pos < len) {
        const char *start = text + pos;
        size_t n = sdpxi_line_end(text, len, pos);
        sdpx_eol eol;
        size_t next = after_line(text, len, pos + n, &eol);
        if (!next) /* a bad line ending: the general path reports it */
            break;
        char type = start[0];
        if (n < 2 || start[1] != '=' || n > max_line || type < 'a' || type > 'z' || type == 'v' ||
            rec == rec_end)
            break;
        sdpx_line *l = rec++;
        l->text = start;
        l->len = (uint32_t)n;
        l->lineno = ++lineno;
        l->type = type;
        l->eol = (uint8_t)eol;
        l->flags = 0;
        pos = next;
        part_n++;
        if (type == 'a') {
            size_t colon = sdpxi_scan_colon(start, n, len - (size_t)(start - text));
            set_attr_fields(l, colon - 2, n);
            if (attrs_left-- == 0) {
                rc = too_many_attributes(p, lineno);
                break;
            }
            continue;
        }
        l->kind = SDPX_ATTR_NONE;
        l->namelen = 0;
        if (type == 'm') {
            w->pos = pos;
            w->rec = rec;
            w->lineno = lineno;
            w->part->n = part_n - 1; /* the m= line is the new section's */
            if ((rc = quiet_mline(p, s, w, start, n, l)) != 0)
                return rc;
            part_n = w->part->n;
        }
    }
    w->pos = pos;
    w->rec = rec;
    w->lineno = lineno;
    w->nattrs = p->lim.max_attributes - attrs_left;
    w->part->n = part_n;
    return rc;
}

/* Each line once: the scan finds its end, proves it clean and finds where
 * an a= name ends; a quiet parse's a= line is recorded right there, any
 * other clean line becomes a token without the tokenizer, and only an odd
 * one goes through it to be told apart. */
static int parse_lines(parser *p, sdpx_session *s, const char *text, size_t len)
{
    walk w;
    w.text = text;
    w.len = len;
    w.pos = 0;
    w.lineno = 0;
    w.rec = s->sec.lines;
    w.rec_end = s->sec.lines + p->line_cap;
    w.nattrs = 0;
    w.part = &s->sec;
    w.short_a = p->quiet && p->started;
    while (w.pos < len) {
        int rc;
        if (w.short_a && ((rc = quiet_run(p, s, &w)) != 0 || w.pos == len)) {
            if (rc)
                return rc;
            break;
        }
        const char *start = text + w.pos;
        size_t n = sdpxi_line_end(text, len, w.pos), colon = 0;
        sdpx_eol eol;
        size_t next = after_line(text, len, w.pos + n, &eol);
        sdpx_token t;
        if (next && n >= 2 && start[1] == '=' && start[0] >= 'a' && start[0] <= 'z') {
            if (start[0] == 'a')
                colon = sdpxi_scan_colon(start, n, len - w.pos);
            t.type = start[0];
            t.value = sdpxi_str(start + 2, n - 2);
            t.text = sdpxi_str(start, n);
            t.line = ++w.lineno;
            t.eol = eol;
            w.pos = next;
        } else if ((rc = odd_token(p, s, &w, &colon, &t)) != 1) {
            if (rc)
                return rc;
            continue;
        }
        if ((rc = take_line(p, s, &w, &t, colon)) != 0)
            return rc;
    }
    return finish(p, s);
}

/* What the arena must hold for an input of len bytes. */
typedef struct arena_size {
    size_t nlines, nmedia; /* line records and media sections it starts with */
    size_t need;           /* bytes */
} arena_size;

/* Scratch memory is sized exactly (err->need is the exact size), and so is
 * an input long enough to hold more than max_lines lines (a line is at
 * least one byte). Otherwise the size comes from the length alone and the
 * parse grows the arrays in the rare description of shorter lines: no pass
 * over the input before the parse. Returns 0 or the error reported. */
static int size_arena(parser *p, const sdpx_parse_options *opt, const char *buf, size_t len,
                      arena_size *z)
{
    if ((opt && opt->scratch) || (p->flags & SDPX_PARSE_NO_HEAP) || len > p->lim.max_lines) {
        prescan(buf, len, &z->nlines, &z->nmedia);
        if (z->nlines > p->lim.max_lines)
            return report(p, SDPX_ELIMIT, 0, 0, "%zu lines exceed the limit max_lines (%zu)",
                          z->nlines, p->lim.max_lines);
    } else {
        z->nlines = len / SDPXI_LINE_GUESS + 16;
        if (z->nlines > len)
            z->nlines = len;
        z->nmedia = len / SDPXI_MEDIA_GUESS + 4;
    }
    if (z->nmedia > p->lim.max_media)
        z->nmedia = p->lim.max_media + 1; /* the parse stops at the limit anyway */
    z->need = 0;
    if (add_size(&z->need, sizeof(sdpx_session)) ||
        mul_size(&z->need, z->nlines, sizeof(sdpx_line)) ||
        mul_size(&z->need, z->nmedia + 1, sizeof(sdpx_media *)) ||
        mul_size(&z->need, z->nmedia, SDPXI_ALIGN_UP(sizeof(sdpx_media))) ||
        add_size(&z->need, len) ||
        mul_size(&z->need, z->nmedia + 3, SDPXI_REDZONE)) /* lines, media array, copy, each media */
        return report(p, SDPX_ENOMEM, 0, 0, "input too large to size");
    return 0;
}

/* The memory of a new session: the caller's scratch when it is large
 * enough (*size: all of it, the rest serves later edits), else one block
 * from the allocator (*heap set). NULL with the error reported. */
static char *session_region(parser *p, const sdpx_parse_options *opt, const sdpx_allocator *al,
                            size_t need, size_t *size, int *heap)
{
    *size = need;
    *heap = 0;
    if (opt && opt->scratch) {
        size_t pad = (size_t)(-(uintptr_t)opt->scratch & (SDPXI_ALIGN - 1));
        if (opt->scratch_size >= pad && opt->scratch_size - pad >= need) {
            *size = opt->scratch_size - pad;
            return (char *)opt->scratch + pad;
        }
    }
    if (p->flags & SDPX_PARSE_NO_HEAP) {
        size_t extra = opt && opt->scratch ? SDPXI_ALIGN - 1 : 0;
        report(p, SDPX_ESCRATCH, 0, 0, "scratch memory of %zu bytes is too small: %zu needed",
               opt ? opt->scratch_size : (size_t)0, need + extra);
        if (p->err)
            p->err->need = need + extra;
        return NULL;
    }
    char *region = sdpxi_block_new(al, need);
    if (!region)
        report(p, SDPX_ENOMEM, 0, 0, "out of memory (%zu bytes)", need);
    *heap = region != NULL;
    return region;
}

/* The session at the start of `region` (`size` bytes), its arena on the
 * rest, with the line and media arrays of z and a copy of the input.
 * NULL (reported, region released) when they do not fit, which `need`
 * rules out. */
static sdpx_session *session_new(parser *p, const sdpx_allocator *al, char *region, size_t size,
                                 int heap, const arena_size *z, const char *buf, size_t len)
{
    sdpx_session *s = (sdpx_session *)region;
    memset(s, 0, sizeof *s);
    size_t head = SDPXI_ALIGN_UP(sizeof *s);
    sdpxi_arena_init(&s->arena, al, (p->flags & SDPX_PARSE_NO_HEAP) != 0, region + head,
                     size - head);
    if (heap) {
        sdpxi_arena_adopt(&s->arena, region);
        s->region_block = region;
    }
    s->parse_flags = p->flags;
    s->sec.lines = sdpxi_arena_alloc(&s->arena, z->nlines * sizeof(sdpx_line));
    /* One spare slot, so the array is never empty; `need` counts it too. */
    s->media = sdpxi_arena_alloc(&s->arena, (z->nmedia + 1) * sizeof(sdpx_media *));
    s->media_cap = z->nmedia;
    p->pool = z->nmedia ? sdpxi_arena_alloc(&s->arena, z->nmedia * sizeof(sdpx_media)) : NULL;
    p->pool_left = p->pool ? z->nmedia : 0;
    char *copy = sdpxi_arena_alloc(&s->arena, len);
    if (!s->sec.lines || !s->media || (z->nmedia && !p->pool) || !copy) { /* cannot happen: `need` counts them */
        sdpx_session_free(s);
        report(p, SDPX_ENOMEM, 0, 0, "arena sized too small");
        return NULL;
    }
    memcpy(copy, buf, len);
    s->input = copy;
    s->input_len = len;
    return s;
}

static void parser_init(parser *p, const sdpx_parse_options *opt, sdpx_error *err)
{
    memset(p, 0, sizeof *p);
    p->flags = opt ? opt->flags : 0;
    p->diag = opt ? opt->diag : NULL;
    p->diag_ctx = opt ? opt->diag_ctx : NULL;
    p->err = err;
    limits_with_defaults(opt, &p->lim);
    p->refuse = sdpxi_effective_refuse(p->flags, opt ? opt->refuse : 0);
    /* strict mode refuses quirks, so it is never quiet */
    p->quiet = !p->diag && !p->refuse;
    p->started = (p->flags & SDPXI_PARSE_FRAGMENT) != 0; /* RFC 8840 9: no v= line */
}

int sdpx_parse(const char *buf, size_t len, const sdpx_parse_options *opt,
               sdpx_session **out, sdpx_error *err)
{
    if ((!buf && len) || !out)
        return SDPX_EINVAL;
    parser p;
    parser_init(&p, opt, err);
    if (err)
        memset(err, 0, sizeof *err);
    *out = NULL;
    if (len == 0)
        return report(&p, SDPX_EEMPTY, 1, 1, "empty input");
    if (len > p.lim.max_input)
        return report(&p, SDPX_ELIMIT, 0, 0, "input of %zu bytes exceeds the limit max_input (%zu)",
                      len, p.lim.max_input);
    arena_size z = {0, 0, 0};
    if (size_arena(&p, opt, buf, len, &z))
        return p.first_code;
    p.line_cap = z.nlines;
    const sdpx_allocator *al = opt ? opt->allocator : NULL;
    sdpx_allocator def = {sdpxi_default_alloc, sdpxi_default_release, NULL};
    if (!al)
        al = &def;
    size_t size;
    int heap;
    char *region = session_region(&p, opt, al, z.need, &size, &heap);
    if (!region)
        return p.first_code;
    sdpx_session *s = session_new(&p, al, region, size, heap, &z, buf, len);
    if (!s)
        return p.first_code;
    p.end = s->input + len;
    int rc = parse_lines(&p, s, s->input, len);
    if (rc) {
        sdpx_session_free(s);
        return rc;
    }
    *out = s;
    return 0;
}

void sdpx_session_free(sdpx_session *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->nmedia; i++)
        sdpxi_media_forget_codecs(s->media[i]);
    sdpxi_release_pinned(s);
    for (void *b = s->media_chunks, *next; b; b = next) {
        memcpy(&next, b, sizeof next);
        sdpxi_block_free(&s->arena.alloc, b);
    }
    sdpxi_arena_release(&s->arena);
}
