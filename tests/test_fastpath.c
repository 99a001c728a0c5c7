/* The fast paths: the tokenizer's one-pass scan of long lines (16 bytes at a
 * time), field splitting 8 bytes at a time, the writer's single copy of runs
 * of parsed lines, attribute names classified by the generated switch, and
 * the quiet parse's loop over clean lines (its plain m= check, its line
 * scan that passes over tabs, the last bytes of the input, the limits),
 * and the decoders' token spans, SSRC digits and hash names.
 * Inputs are long enough to take those paths; expectations are by hand. */
#include "testutil.h"

/* ---- tokenizer ------------------------------------------------------------ */

typedef struct {
    const char *in;
    size_t len;    /* bytes of `in` (they may hold NUL) */
    int rc;        /* of the first sdpx_tokenizer_next */
    unsigned col;  /* error column, or text length when rc == 1 */
    sdpx_eol eol;  /* when rc == 1 */
    size_t next;   /* bytes consumed (tokenizer position afterwards) */
} tok_case;

#define S(lit) lit, sizeof lit - 1
static const tok_case tok_cases[] = {
    /* RFC 8866 5: CRLF ends a line; 40-byte value, so the scan runs 16 at a time */
    {S("a=0123456789012345678901234567890123456789\r\nv=0\r\n"), 1, 42, SDPX_EOL_CRLF, 44},
    {S("a=0123456789012345678901234567890123456789\nv=0\n"), 1, 42, SDPX_EOL_LF, 43},
    {S("a=0123456789012345678901234567890123456789"), 1, 42, SDPX_EOL_NONE, 42},
    /* a CR or LF exactly at a 16-byte boundary */
    {S("a=0123456789abc\r\nx"), 1, 15, SDPX_EOL_CRLF, 17},
    {S("a=0123456789abcd\r\nx"), 1, 16, SDPX_EOL_CRLF, 18},
    {S("a=0123456789abcd\nx"), 1, 16, SDPX_EOL_LF, 17},
    /* a CR last in the input, not followed by LF */
    {S("a=0123456789012345678901234567890\r"), SDPX_ECR, 34, SDPX_EOL_NONE, 34},
    /* a NUL or a stray CR far into the line: column of the byte */
    {S("a=012345678901234567890123\0" "4567\r\n"), SDPX_ENUL, 27, SDPX_EOL_NONE, 33},
    {S("a=012345678901234567890123\r" "4567\r\n"), SDPX_ECR, 27, SDPX_EOL_NONE, 33},
    /* a NUL is reported before an earlier stray CR of the same line */
    {S("a=0123456789012345678\r89012\0" "34\n"), SDPX_ENUL, 28, SDPX_EOL_NONE, 31},
    /* CR CR LF: the first CR is stray */
    {S("a=0123456789012345678901\r\r\n"), SDPX_ECR, 25, SDPX_EOL_NONE, 27},
};

START_TEST(test_tokenizer_long_lines)
{
    const tok_case *c = &tok_cases[_i];
    sdpx_tokenizer t;
    sdpx_token tok;
    sdpx_error err;
    memset(&err, 0, sizeof err);
    sdpx_tokenizer_init(&t, c->in, c->len);
    int rc = sdpx_tokenizer_next(&t, &tok, &err);
    ck_assert_int_eq(rc, c->rc);
    if (rc == 1) {
        ck_assert_uint_eq(tok.text.len, c->col);
        ck_assert_int_eq(tok.eol, c->eol);
        ck_assert_int_eq(tok.type, 'a');
        ck_assert_uint_eq(tok.value.len, c->col - 2);
    } else {
        ck_assert_uint_eq(err.line, 1);
        ck_assert_uint_eq(err.col, c->col);
    }
    ck_assert_uint_eq(t.pos, c->next);
}
END_TEST

/* ---- fields ----------------------------------------------------------------- */

typedef struct {
    const char *in;
    const char *fields[4];
} field_case;

static const field_case field_cases[] = {
    {"abcdefgh", {"abcdefgh"}},
    {"abcdefg h", {"abcdefg", "h"}},
    {"abcdefgh ijklmnopqrstuvwxyz", {"abcdefgh", "ijklmnopqrstuvwxyz"}},
    {"   UDP/TLS/RTP/SAVPF   111 ", {"UDP/TLS/RTP/SAVPF", "111"}},
    {"0123456789abcdef0123456789abcdef x", {"0123456789abcdef0123456789abcdef", "x"}},
    {"IN IP4 203.0.113.77", {"IN", "IP4", "203.0.113.77"}},
    {"        ", {NULL}},
};

START_TEST(test_fields_long)
{
    const field_case *c = &field_cases[_i];
    sdpx_str rest = view_of(c->in), f;
    size_t k = 0;
    while (sdpx_field_next(&rest, &f)) {
        ck_assert_ptr_nonnull(c->fields[k]);
        ck_assert_str_view(f, c->fields[k]);
        k++;
    }
    ck_assert_ptr_null(c->fields[k]);
    ck_assert_uint_eq(rest.len, 0);
}
END_TEST

/* ---- the o= field count of a lenient parse (16 bytes a compare) ----------- */

typedef struct {
    const char *origin; /* the o= value */
    int six;            /* 1 when it holds six fields */
} origin_case;

static const origin_case origin_cases[] = {
    {"- 1 2 IN IP4 127.0.0.1", 1},
    {"- 1 2 IN IP4", 0},
    /* the sixth field starts at byte 15, at byte 16 (after a space at 15),
     * or the fifth runs on across byte 16 and no sixth follows */
    {"-  1 2 IN  IP4 x", 1},
    {"-  1 2 IN  IP4  x", 1},
    {"-  1 2 IN  IP4 ", 0},
    {"-  1 2 IN  IP4xyz", 0},
    /* runs of spaces, leading and trailing, across the 16-byte step */
    {"   -        1          2  IN   IP4   h   ", 1},
    {"   -        1          2  IN   IP4      ", 0},
    /* one field of 40 bytes then five short ones, and five long ones */
    {"0123456789012345678901234567890123456789 1 2 IN IP4 h", 1},
    {"0123456789012345678901234567890123456789 01234567890123456789 2 IN IP4", 0},
    {"a", 0},
};

START_TEST(test_origin_fields)
{
    const origin_case *c = &origin_cases[_i];
    char buf[256];
    snprintf(buf, sizeof buf, "v=0\r\no=%s\r\ns=-\r\nt=0 0\r\n", c->origin);
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.refuse = SDPX_QUIRK(SDPX_W_ORIGIN_FIELDS);
    sdpx_session *s = NULL;
    sdpx_error err;
    int rc = sdpx_parse(buf, strlen(buf), &opt, &s, &err);
    if (c->six) {
        ck_assert_int_eq(rc, 0);
        sdpx_session_free(s);
    } else {
        ck_assert_int_eq(rc, SDPX_EFIELD);
        ck_assert_uint_eq(err.line, 2);
    }
}
END_TEST

/* ---- the decoders' field split (sdpxi_field: 16, 8, then 1 byte a step) ---- */

/* An rtpmap whose encoding name is `n` letters: the field "NAME/90000" ends
 * at a space or the value's end at every offset across the 8- and 16-byte
 * steps; a field after it is refused, wherever the split found its end. */
START_TEST(test_decoder_fields)
{
    size_t n = (size_t)_i + 1;
    char value[64] = "96 ";
    memset(value + 3, 'A', n);
    strcpy(value + 3 + n, "/90000");
    sdpx_rtpmap r;
    ck_assert_int_eq(sdpx_rtpmap_parse(view_of(value), &r), 0);
    ck_assert_uint_eq(r.encoding.len, n);
    ck_assert_uint_eq(r.clock_rate, 90000);
    char extra[80];
    snprintf(extra, sizeof extra, "%s  x", value);
    ck_assert_int_eq(sdpx_rtpmap_parse(view_of(extra), &r), SDPX_EVALUE);
}
END_TEST

/* ---- token spans (four bytes a step) and SSRC digits (eight a step) ------- */

/* A mid of n token bytes with a '"' (no token-char) at offset k, or none
 * when k == n: refused at column 7 + k ("a=mid:" is six bytes) wherever
 * the four-byte steps put it, accepted whole otherwise. */
START_TEST(test_token_spans)
{
    size_t n = (size_t)_i / 12 + 1, k = (size_t)_i % 12;
    if (k > n)
        return;
    char value[16];
    memset(value, 'x', n);
    value[n] = '\0';
    if (k < n)
        value[k] = '"';
    sdpx_str out;
    unsigned col = 0;
    if (k == n) {
        ck_assert_int_eq(sdpx_mid_parse(view_of(value), &out), 0);
        ck_assert_uint_eq(out.len, n);
        ck_assert_int_eq(attr_check_in("audio 9 RTP/AVP 0", "mid", value, &col), 0);
    } else {
        ck_assert_int_eq(sdpx_mid_parse(view_of(value), &out), SDPX_EVALUE);
        ck_assert_int_eq(attr_check_in("audio 9 RTP/AVP 0", "mid", value, &col), SDPX_EVALUE);
        ck_assert_uint_eq(col, 7 + k);
    }
}
END_TEST

typedef struct {
    const char *value; /* an a=ssrc value */
    int rc;
    uint32_t id;       /* when rc == 0 */
} ssrc_case;

static const ssrc_case ssrc_cases[] = {
    {"1 cname:x", 0, 1},
    {"12345678 cname:x", 0, 12345678},           /* exactly one 8-digit step */
    {"12345678 a", 0, 12345678},                 /* (the group's id ends the value) */
    {"123456789 cname:x", 0, 123456789},         /* a step, then one digit */
    {"4294967295 cname:x", 0, 4294967295u},      /* the largest SSRC */
    {"4294967296 cname:x", SDPX_EVALUE, 0},      /* one over */
    {"9999999999999999 cname:x", SDPX_EVALUE, 0}, /* two steps, far over */
    {"0000000000000000001 cname:x", 0, 1},       /* 19 digits: the unchecked loop's limit */
    {"00000000000000000004294967295 cname:x", 0, 4294967295u}, /* 29: the checked path */
    {"99999999999999999999 cname:x", SDPX_EVALUE, 0}, /* past 64 bits */
    {"1234567: cname:x", SDPX_EVALUE, 0},        /* ':' has a digit's high nibble */
    {"1234567? cname:x", SDPX_EVALUE, 0},        /* '?' too */
    {"12345678/ cname:x", SDPX_EVALUE, 0},       /* '/' just below '0', after a step */
    {"1234567\x80 cname:x", SDPX_EVALUE, 0},
    {"12345678a", SDPX_EVALUE, 0},
};

START_TEST(test_ssrc_digits)
{
    const ssrc_case *c = &ssrc_cases[_i];
    sdpx_ssrc r;
    ck_assert_int_eq(sdpx_ssrc_parse(view_of(c->value), &r), c->rc);
    if (c->rc == 0)
        ck_assert_uint_eq(r.id, c->id);
    /* the group's ids take the same walk */
    char group[64];
    snprintf(group, sizeof group, "FID %.*s", (int)strcspn(c->value, " "), c->value);
    sdpx_ssrc_group g;
    ck_assert_int_eq(sdpx_ssrc_group_parse(view_of(group), &g), c->rc);
}
END_TEST

/* ---- hash names compared as one lowered word --------------------------------- */

typedef struct {
    const char *name;
    sdpx_hash hash;
} hash_case;

static const hash_case hash_cases[] = {
    {"sha-256", SDPX_HASH_SHA256}, {"SHA-256", SDPX_HASH_SHA256}, {"Sha-256", SDPX_HASH_SHA256},
    {"sha-1", SDPX_HASH_SHA1},     {"SHA-1", SDPX_HASH_SHA1},     {"MD5", SDPX_HASH_MD5},
    {"md2", SDPX_HASH_MD2},        {"sha-512", SDPX_HASH_SHA512}, {"sha-224", SDPX_HASH_SHA224},
    {"sha-384", SDPX_HASH_SHA384}, {"sha-25", SDPX_HASH_OTHER},   {"sha-2566", SDPX_HASH_OTHER},
    {"sha256", SDPX_HASH_OTHER},   {"sha-1x", SDPX_HASH_OTHER},   {"md", SDPX_HASH_OTHER},
    {"sha-256789", SDPX_HASH_OTHER}, {"sha~256", SDPX_HASH_OTHER}, {"sha^256", SDPX_HASH_OTHER},
};

START_TEST(test_hash_names)
{
    const hash_case *c = &hash_cases[_i];
    char value[64];
    snprintf(value, sizeof value, "%s 00", c->name);
    sdpx_fingerprint fp;
    /* a one-byte fingerprint: only an unlisted hash accepts it */
    int rc = sdpx_fingerprint_parse(view_of(value), &fp);
    ck_assert_int_eq(rc, c->hash == SDPX_HASH_OTHER ? 0 : SDPX_EVALUE);
    if (rc == 0) {
        ck_assert_int_eq(fp.hash, SDPX_HASH_OTHER);
        ck_assert_uint_eq(fp.len, 1);
    }
    /* with the digest length the hash needs it is accepted and named */
    size_t n = c->hash == SDPX_HASH_OTHER ? 1 : sdpx_hash_len(c->hash);
    size_t at = (size_t)snprintf(value, sizeof value, "%s ", c->name);
    char buf[256];
    memcpy(buf, value, at);
    for (size_t i = 0; i < n; i++)
        at += (size_t)snprintf(buf + at, sizeof buf - at, i ? ":%02X" : "%02X", (unsigned)i);
    ck_assert_int_eq(sdpx_fingerprint_parse(view_of(buf), &fp), 0);
    ck_assert_int_eq(fp.hash, c->hash);
    ck_assert_uint_eq(fp.len, n);
}
END_TEST

/* ---- writer ---------------------------------------------------------------- */

static const char offer[] = "v=0\r\n"
                            "o=- 1 2 IN IP4 127.0.0.1\r\n"
                            "s=-\r\n"
                            "t=0 0\r\n"
                            "a=group:BUNDLE 0 1\r\n"
                            "m=audio 9 RTP/AVP 0\r\n"
                            "a=mid:0\r\n"
                            "m=video 9 RTP/AVP 96\r\n"
                            "a=mid:1\r\n";

static char *write_all(const sdpx_session *s, unsigned flags)
{
    size_t n = sdpx_write(s, flags, NULL, 0);
    char *out = malloc(n + 1);
    ck_assert_ptr_nonnull(out);
    ck_assert_uint_eq(sdpx_write(s, flags, out, n + 1), n);
    return out;
}

START_TEST(test_write_runs_after_edits)
{
    sdpx_session *s = parse_ok(offer, 0);
    char *out = write_all(s, 0);
    ck_assert_str_eq(out, offer);
    free(out);

    /* a removed line splits the run around it */
    ck_assert_int_eq(sdpx_line_remove(s, sdpx_session_line(s, 2)), 0);
    /* an added line ends a run; the next parsed line starts a new one */
    ck_assert_int_eq(sdpx_media_attr_add(sdpx_session_media_mut(s, 0), "rtcp-mux", NULL), 0);
    /* a moved section: parsed lines no longer follow each other */
    ck_assert_int_eq(sdpx_session_media_move(s, sdpx_session_media_mut(s, 1), 0), 0);
    out = write_all(s, 0);
    ck_assert_str_eq(out, "v=0\r\n"
                          "o=- 1 2 IN IP4 127.0.0.1\r\n"
                          "t=0 0\r\n"
                          "a=group:BUNDLE 0 1\r\n"
                          "m=video 9 RTP/AVP 96\r\n"
                          "a=mid:1\r\n"
                          "m=audio 9 RTP/AVP 0\r\n"
                          "a=mid:0\r\n"
                          "a=rtcp-mux\r\n");
    /* a small buffer gets the same prefix, NUL-terminated */
    char small[12];
    ck_assert_uint_eq(sdpx_write(s, 0, small, sizeof small), strlen(out));
    ck_assert_str_eq(small, "v=0\r\no=- 1 ");
    free(out);
    sdpx_session_free(s);
}
END_TEST

/* Mixed endings: a run never swallows an LF the output must turn into CRLF. */
START_TEST(test_write_runs_mixed_endings)
{
    static const char in[] = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\ns=-\r\nt=0 0\na=x-last";
    sdpx_session *s = parse_ok(in, 0);
    char *out = write_all(s, 0);
    ck_assert_str_eq(out, "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=x-last\r\n");
    free(out);
    out = write_all(s, SDPX_WRITE_KEEP_LF);
    ck_assert_str_eq(out, "v=0\r\no=- 1 2 IN IP4 127.0.0.1\ns=-\r\nt=0 0\na=x-last\n");
    free(out);
    sdpx_session_free(s);
}
END_TEST

/* ---- attribute names -------------------------------------------------------- */

typedef struct {
    const char *name;
    sdpx_attr_kind kind;
} kind_case;

static const kind_case kind_cases[] = {
    {"rtpmap", SDPX_ATTR_RTPMAP},
    {"rtcp", SDPX_ATTR_RTCP},
    {"rtcp-fb", SDPX_ATTR_RTCP_FB},
    {"rtcp-mux-only", SDPX_ATTR_RTCP_MUX_ONLY},
    {"extmap-allow-mixed", SDPX_ATTR_EXTMAP_ALLOW_MIXED},
    {"mid", SDPX_ATTR_MID},
    {"msid", SDPX_ATTR_MSID},
    {"ssrc-group", SDPX_ATTR_SSRC_GROUP},
    /* same length and first byte as known names, or a prefix of one */
    {"rtpmaq", SDPX_ATTR_OTHER},
    {"rtcp-fc", SDPX_ATTR_OTHER},
    {"mix", SDPX_ATTR_OTHER},
    {"rtp", SDPX_ATTR_OTHER},
    {"RTPMAP", SDPX_ATTR_OTHER},
    {"", SDPX_ATTR_OTHER},
};

START_TEST(test_kind_switch)
{
    const kind_case *c = &kind_cases[_i];
    ck_assert_int_eq(sdpx_attr_kind_from_name(view_of(c->name)), c->kind);
}
END_TEST

/* ---- the quiet parse's clean lines ---------------------------------------- */

#define HEAD "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n"

typedef struct {
    const char *mline; /* the value after "m=" */
    int rc;            /* of a parse without options (quiet) */
    unsigned col;      /* error column when rc != 0 */
} mline_case;

static const mline_case mline_cases[] = {
    /* plain: one space each, a port of 1 to 5 digits up to 65535 */
    {"audio 9 RTP/AVP 0", 0, 0},
    {"audio 65535 RTP/AVP 0", 0, 0},
    {"audio 00009 RTP/AVP 0", 0, 0},
    {"audio 9 RTP/AVP", 0, 0}, /* no format: a warning, and quiet nobody hears it */
    {"a 9 R", 0, 0},
    /* not plain, yet good: more spaces, a port count, a 6-digit port of zeros */
    {"audio  9  RTP/AVP 0", 0, 0},
    {" audio 9 RTP/AVP 0", 0, 0},
    {"audio 9/2 RTP/AVP 0", 0, 0},
    {"audio 000009 RTP/AVP 0", 0, 0},
    {"audio\t9 RTP/AVP 0 8", SDPX_EFIELD, 11}, /* the tab is part of the media: "RTP/AVP" is the port */
    /* bad ports: the column is the port's, 1-based from the line's start */
    {"audio 65536 RTP/AVP 0", SDPX_ERANGE, 9},
    {"audio 123456 RTP/AVP 0", SDPX_ERANGE, 9},
    {"audio 9x RTP/AVP 0", SDPX_EFIELD, 9},
    {"audio x RTP/AVP 0", SDPX_EFIELD, 9},
    /* too few fields: the column is past the value */
    {"audio 9", SDPX_EFIELD, 10},
    {"audio 9 ", SDPX_EFIELD, 11},
    {"audio", SDPX_EFIELD, 8},
};

START_TEST(test_quiet_mline)
{
    const mline_case *c = &mline_cases[_i];
    char in[256];
    int n = snprintf(in, sizeof in, HEAD "m=%s\r\na=rtcp-mux\r\n", c->mline);
    sdpx_session *s = NULL;
    sdpx_error e;
    int rc = sdpx_parse(in, (size_t)n, NULL, &s, &e);
    ck_assert_int_eq(rc, c->rc);
    if (rc) {
        ck_assert_uint_eq(e.line, 5);
        ck_assert_uint_eq(e.col, c->col);
        return;
    }
    ck_assert_uint_eq(sdpx_session_media_count(s), 1);
    const sdpx_media *m = sdpx_session_media(s, 0);
    ck_assert_uint_eq(sdpx_media_line_count(m), 2);
    ck_assert_int_eq(sdpx_line_type(sdpx_media_line(m, 0)), 'm');
    ck_assert_uint_eq(sdpx_line_number(sdpx_media_line(m, 1)), 6);
    ck_assert_int_eq(sdpx_line_kind(sdpx_media_line(m, 1)), SDPX_ATTR_RTCP_MUX);
    sdpx_session_free(s);
}
END_TEST

/* A tab or another control byte inside a line is no line end; the last
 * line, shorter than 16 bytes, is read with the input's last 16. */
START_TEST(test_quiet_scan)
{
    static const char in[] = HEAD "a=tool:x\ty\x01z\r\nu=http://192.0.2.1/\x0b\x0c\r\nb=AS:64\nz=0 0";
    sdpx_session *s = NULL;
    sdpx_error e;
    ck_assert_int_eq(sdpx_parse(in, sizeof in - 1, NULL, &s, &e), 0);
    ck_assert_uint_eq(sdpx_session_line_count(s), 8);
    const sdpx_line *l = sdpx_session_line(s, 4);
    ck_assert_str_view(sdpx_line_text(l), "a=tool:x\ty\x01z");
    ck_assert_int_eq(sdpx_line_kind(l), SDPX_ATTR_TOOL);
    ck_assert_str_view(sdpx_attr_value(l), "x\ty\x01z");
    ck_assert_int_eq(sdpx_line_eol(l), SDPX_EOL_CRLF);
    ck_assert_str_view(sdpx_line_text(sdpx_session_line(s, 5)), "u=http://192.0.2.1/\x0b\x0c");
    ck_assert_int_eq(sdpx_line_eol(sdpx_session_line(s, 6)), SDPX_EOL_LF);
    l = sdpx_session_line(s, 7);
    ck_assert_str_view(sdpx_line_text(l), "z=0 0");
    ck_assert_int_eq(sdpx_line_eol(l), SDPX_EOL_NONE);
    ck_assert_uint_eq(sdpx_line_number(l), 8);
    sdpx_session_free(s);
}
END_TEST

/* A stray CR, a NUL and a line over max_line_len leave the quiet loop for
 * the general path, which reports them where they are. */
START_TEST(test_quiet_leaves)
{
    static const char cr[] = HEAD "a=mid:0\r\na=ice-ufrag:abcd\rx\r\n";
    static const char nul[] = HEAD "a=mid:0\r\na=ice-ufrag:ab\0cd\r\n";
    static const char lng[] = HEAD "a=mid:0\r\na=ice-pwd:0123456789abcdef0123\r\n";
    sdpx_session *s = NULL;
    sdpx_error e;
    ck_assert_int_eq(sdpx_parse(cr, sizeof cr - 1, NULL, &s, &e), SDPX_ECR);
    ck_assert_uint_eq(e.line, 6);
    ck_assert_uint_eq(e.col, 17);
    ck_assert_int_eq(sdpx_parse(nul, sizeof nul - 1, NULL, &s, &e), SDPX_ENUL);
    ck_assert_uint_eq(e.line, 6);
    ck_assert_uint_eq(e.col, 15);
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.limits.max_line_len = 29;
    ck_assert_int_eq(sdpx_parse(lng, sizeof lng - 1, &opt, &s, &e), SDPX_ELIMIT);
    ck_assert_uint_eq(e.line, 6);
    ck_assert_uint_eq(e.col, 30);
    opt.limits.max_line_len = 30; /* "a=ice-pwd:" and 20 bytes, 30 in all: allowed */
    ck_assert_int_eq(sdpx_parse(lng, sizeof lng - 1, &opt, &s, &e), 0);
    ck_assert_uint_eq(sdpx_session_line_count(s), 6);
    sdpx_session_free(s);
}
END_TEST

/* max_attributes counts every a= line of the quiet loop, across sections;
 * the one past it is the error's line. */
START_TEST(test_quiet_attr_limit)
{
    static const char in[] = HEAD "a=group:BUNDLE 0\r\nm=audio 9 RTP/AVP 0\r\na=mid:0\r\n"
                                  "m=video 9 RTP/AVP 96\r\na=mid:1\r\na=rtcp-mux\r\n";
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.limits.max_attributes = 3;
    sdpx_session *s = NULL;
    sdpx_error e;
    ck_assert_int_eq(sdpx_parse(in, sizeof in - 1, &opt, &s, &e), SDPX_ELIMIT);
    ck_assert_uint_eq(e.line, 10);
    opt.limits.max_attributes = 4;
    ck_assert_int_eq(sdpx_parse(in, sizeof in - 1, &opt, &s, &e), 0);
    ck_assert_uint_eq(sdpx_session_line_count(s), 5);
    ck_assert_uint_eq(sdpx_media_line_count(sdpx_session_media(s, 0)), 2);
    ck_assert_uint_eq(sdpx_media_line_count(sdpx_session_media(s, 1)), 3);
    sdpx_session_free(s);
}
END_TEST

/* Lines shorter than the arena's guess fill the records it started with:
 * the loop hands over to the general path, which grows them, and goes on;
 * unknown type letters are kept as they are (quiet, the order rule only
 * warns). */
START_TEST(test_quiet_many_short)
{
    char in[4096];
    size_t n = (size_t)snprintf(in, sizeof in, "%s", HEAD);
    for (int i = 0; i < 300; i++)
        n += (size_t)snprintf(in + n, sizeof in - n, i % 3 ? "a=x\n" : "x=\n");
    sdpx_session *s = NULL;
    sdpx_error e;
    ck_assert_int_eq(sdpx_parse(in, n, NULL, &s, &e), 0);
    ck_assert_uint_eq(sdpx_session_line_count(s), 304);
    const sdpx_line *l = sdpx_session_line(s, 303);
    ck_assert_uint_eq(sdpx_line_number(l), 304);
    ck_assert_int_eq(sdpx_line_kind(l), SDPX_ATTR_OTHER);
    ck_assert_int_eq(sdpx_line_type(sdpx_session_line(s, 301)), 'x');
    ck_assert_int_eq(sdpx_line_kind(sdpx_session_line(s, 301)), SDPX_ATTR_NONE);
    sdpx_session_free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fastpath");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, test_tokenizer_long_lines, 0, sizeof tok_cases / sizeof tok_cases[0]);
    tcase_add_loop_test(tc, test_fields_long, 0, sizeof field_cases / sizeof field_cases[0]);
    tcase_add_loop_test(tc, test_origin_fields, 0, sizeof origin_cases / sizeof origin_cases[0]);
    tcase_add_loop_test(tc, test_decoder_fields, 0, 30);
    tcase_add_loop_test(tc, test_token_spans, 0, 12 * 12);
    tcase_add_loop_test(tc, test_ssrc_digits, 0, sizeof ssrc_cases / sizeof ssrc_cases[0]);
    tcase_add_loop_test(tc, test_hash_names, 0, sizeof hash_cases / sizeof hash_cases[0]);
    tcase_add_test(tc, test_write_runs_after_edits);
    tcase_add_test(tc, test_write_runs_mixed_endings);
    tcase_add_loop_test(tc, test_kind_switch, 0, sizeof kind_cases / sizeof kind_cases[0]);
    tcase_add_loop_test(tc, test_quiet_mline, 0, sizeof mline_cases / sizeof mline_cases[0]);
    tcase_add_test(tc, test_quiet_scan);
    tcase_add_test(tc, test_quiet_leaves);
    tcase_add_test(tc, test_quiet_attr_limit);
    tcase_add_test(tc, test_quiet_many_short);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
