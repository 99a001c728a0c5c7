/* Grammar quirks: one example per SDPX_W_* code, each tolerated with its
 * warning, refused one by one through sdpx_parse_options.refuse, and
 * accepted by exactly the profiles docs/grammar.md says; the table there is
 * read and checked against the library. Also the tidy writer, indented
 * lines in the model, and zone ids in candidates. */
#include "testutil.h"

#define HEAD "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
#define ORIGIN "o=- 1 2 IN IP4 127.0.0.1\r\n"
#define MEDIA "m=audio 9 RTP/AVP 0\r\n"

typedef struct {
    int warning;   /* SDPX_W_* the example shows */
    const char *input;
    unsigned line; /* where the lenient parse reports it */
    int error;     /* the code when the quirk is refused */
} quirk_case;

static const quirk_case quirk_cases[] = {
    {SDPX_W_LF, "v=0\n" ORIGIN "s=-\r\nt=0 0\r\n", 1, SDPX_ESYNTAX},
    {SDPX_W_NO_FINAL_EOL, HEAD "a=tool:x", 5, SDPX_ESYNTAX},
    {SDPX_W_BLANK_LINE, HEAD "\r\n", 5, SDPX_ESYNTAX},
    {SDPX_W_TRAILING_SPACE, HEAD "a=tool:x \r\n", 5, SDPX_ESYNTAX},
    {SDPX_W_MISSING_ORIGIN, "v=0\r\ns=-\r\nt=0 0\r\n", 1, SDPX_EMISSING},
    {SDPX_W_MISSING_NAME, "v=0\r\n" ORIGIN "t=0 0\r\n", 1, SDPX_EMISSING},
    {SDPX_W_MISSING_TIMING, "v=0\r\n" ORIGIN "s=-\r\n", 1, SDPX_EMISSING},
    {SDPX_W_ORDER, "v=0\r\ns=-\r\n" ORIGIN "t=0 0\r\n", 3, SDPX_EORDER},
    {SDPX_W_UNKNOWN_TYPE, HEAD "x=1\r\n", 5, SDPX_EUNKNOWN},
    {SDPX_W_ATTR_NAME, HEAD "a=x y:1\r\n", 5, SDPX_EVALUE},
    {SDPX_W_DUPLICATE, "v=0\r\n" ORIGIN "s=-\r\ni=a\r\ni=b\r\nt=0 0\r\n", 5, SDPX_EDUPLICATE},
    {SDPX_W_NO_FORMAT, HEAD "m=audio 0 RTP/AVP\r\n", 5, SDPX_EFIELD},
    {SDPX_W_ATTR_VALUE, HEAD MEDIA "a=rtpmap:x\r\n", 6, SDPX_EVALUE},
    {SDPX_W_SCOPE, HEAD "a=mid:0\r\n", 5, SDPX_ESCOPE},
    {SDPX_W_FIELD, "v=0\r\n" ORIGIN "s=-\r\nb=AS:x\r\nt=0 0\r\n", 4, SDPX_EFIELD},
    {SDPX_W_ORIGIN_FIELDS, "v=0\r\no=- 1 2 IN IP4\r\ns=-\r\nt=0 0\r\n", 2, SDPX_EFIELD},
    {SDPX_W_CONNECTION_FIELDS, "v=0\r\n" ORIGIN "s=-\r\nc=IN IP4\r\nt=0 0\r\n", 4, SDPX_EFIELD},
    {SDPX_W_INDENT, "v=0\r\n  " ORIGIN "s=-\r\nt=0 0\r\n", 2, SDPX_ESYNTAX},
    {SDPX_W_UNTYPED_LINE, HEAD "mid:1\r\n", 5, SDPX_ESYNTAX},
    {SDPX_W_NO_VERSION, MEDIA "a=rtpmap:0 PCMU/8000\r\n", 1, SDPX_EVERSION},
    {SDPX_W_VERSION_VALUE, "v=0o=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n", 1, SDPX_EVERSION},
    {SDPX_W_ZONE_ID, HEAD MEDIA "a=candidate:1 1 udp 1 fe80::1%24 9 typ host\r\n", 6, SDPX_EVALUE},
};

#define NQUIRKS (sizeof quirk_cases / sizeof quirk_cases[0])

typedef struct {
    uint32_t seen;    /* SDPX_QUIRK bits of the warnings */
    unsigned line[SDPX_W_LAST + 1];
    int errors;
} seen_t;

static void note(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    seen_t *s = ctx;
    if (sev == SDPX_SEV_ERROR) {
        s->errors++;
        return;
    }
    ck_assert_int_gt(e->code, 0);
    ck_assert_int_le(e->code, SDPX_W_LAST);
    if (!(s->seen & SDPX_QUIRK(e->code)))
        s->line[e->code] = e->line;
    s->seen |= SDPX_QUIRK(e->code);
}

static int parse_opt(const char *text, const sdpx_parse_options *opt, sdpx_error *e)
{
    sdpx_session *s = NULL;
    int rc = sdpx_parse(text, strlen(text), opt, &s, e);
    sdpx_session_free(s);
    return rc;
}

static const sdpx_profile all_profiles[] = {SDPX_PROFILE_STRICT, SDPX_PROFILE_BROWSER,
                                            SDPX_PROFILE_SIP, SDPX_PROFILE_CAMERA,
                                            SDPX_PROFILE_LENIENT};
#define NPROF (sizeof all_profiles / sizeof all_profiles[0])

START_TEST(test_quirk_toggles)
{
    const quirk_case *c = &quirk_cases[_i];
    uint32_t bit = SDPX_QUIRK(c->warning);
    sdpx_parse_options opt;
    sdpx_error e;
    seen_t seen;
    memset(&seen, 0, sizeof seen);
    /* tolerated by default, reported with its code and line */
    memset(&opt, 0, sizeof opt);
    opt.diag = note;
    opt.diag_ctx = &seen;
    ck_assert_msg(parse_opt(c->input, &opt, &e) == 0, "%s: %s", sdpx_code_name(c->warning), e.msg);
    ck_assert_msg(seen.seen & bit, "%s not reported", sdpx_code_name(c->warning));
    ck_assert_uint_eq(seen.line[c->warning], c->line);
    /* the parse without a callback tolerates it too */
    ck_assert_int_eq(parse_opt(c->input, NULL, &e), 0);
    /* refused alone: the error, with a position */
    memset(&opt, 0, sizeof opt);
    opt.refuse = bit;
    int rc = parse_opt(c->input, &opt, &e);
    ck_assert_msg(rc == c->error, "%s refused: %s (%s)", sdpx_code_name(c->warning),
                  sdpx_code_name(rc), e.msg);
    ck_assert_uint_gt(e.line, 0);
    /* every other quirk refused, the ones the example shows tolerated: accepted */
    opt.refuse = SDPX_QUIRK_ALL & ~seen.seen;
    ck_assert_msg(parse_opt(c->input, &opt, &e) == 0, "%s with the others refused: %s",
                  sdpx_code_name(c->warning), e.msg);
    /* each profile accepts it exactly when it refuses none of its quirks */
    for (size_t i = 0; i < NPROF; i++) {
        memset(&opt, 0, sizeof opt);
        ck_assert_int_eq(sdpx_parse_options_profile(&opt, all_profiles[i]), 0);
        int want = (sdpx_profile_refuses(all_profiles[i]) & seen.seen) == 0;
        rc = parse_opt(c->input, &opt, &e);
        ck_assert_msg((rc == 0) == want, "%s, profile %s: %s (%s)", sdpx_code_name(c->warning),
                      sdpx_profile_name(all_profiles[i]), sdpx_code_name(rc), e.msg);
    }
}
END_TEST

START_TEST(test_every_quirk_has_an_example)
{
    ck_assert_uint_eq(NQUIRKS, SDPX_W_LAST);
    for (size_t i = 0; i < NQUIRKS; i++)
        ck_assert_int_eq(quirk_cases[i].warning, (int)i + 1);
    ck_assert_uint_eq(SDPX_QUIRK_ALL, (1u << SDPX_W_LAST) - 1u);
}
END_TEST

/* Split a markdown table row into cells (without the outer pipes). */
static int cells_of(char *row, char **cell, int max)
{
    int n = 0;
    char *p = row + 1;
    while (n < max) {
        char *bar = strchr(p, '|');
        if (!bar)
            break;
        *bar = '\0';
        while (*p == ' ')
            p++;
        char *end = bar;
        while (end > p && end[-1] == ' ')
            *--end = '\0';
        cell[n++] = p;
        p = bar + 1;
    }
    return n;
}

/* A cell holding `SDPX_...` without its backquotes. */
static const char *unquote(char *c)
{
    size_t n = strlen(c);
    if (n >= 2 && c[0] == '`' && c[n - 1] == '`') {
        c[n - 1] = '\0';
        return c + 1;
    }
    return c;
}

START_TEST(test_docs_table_matches)
{
    size_t len;
    char *doc = read_file(SDPX_SRCDIR "/docs/grammar.md", &len);
    ck_assert_msg(doc != NULL, "cannot read docs/grammar.md");
    /* columns after the code, quirk, example and error: the profiles */
    static const sdpx_profile cols[] = {SDPX_PROFILE_STRICT, SDPX_PROFILE_BROWSER,
                                        SDPX_PROFILE_SIP, SDPX_PROFILE_CAMERA,
                                        SDPX_PROFILE_LENIENT};
    int rows[SDPX_W_LAST + 1] = {0};
    int header_ok = 0;
    for (char *line = strtok(doc, "\n"); line; line = strtok(NULL, "\n")) {
        if (!strncmp(line, "| warning code |", 16)) {
            char *cell[12];
            int n = cells_of(line, cell, 12);
            ck_assert_int_eq(n, 9);
            for (int i = 0; i < 5; i++)
                ck_assert_str_eq(cell[4 + i], sdpx_profile_name(cols[i]));
            header_ok = 1;
            continue;
        }
        if (strncmp(line, "| `SDPX_W_", 10))
            continue;
        char *cell[12];
        int n = cells_of(line, cell, 12);
        ck_assert_msg(n == 9, "row with %d cells: %s", n, line);
        const char *name = unquote(cell[0]);
        int code = 0;
        for (int c = 1; c <= SDPX_W_LAST; c++)
            if (!strcmp(sdpx_code_name(c), name))
                code = c;
        ck_assert_msg(code > 0, "docs name an unknown code %s", name);
        rows[code]++;
        ck_assert_str_eq(unquote(cell[3]), sdpx_code_name(quirk_cases[code - 1].error));
        for (int i = 0; i < 5; i++) {
            int tolerated = !(sdpx_profile_refuses(cols[i]) & SDPX_QUIRK(code));
            ck_assert_msg(!strcmp(cell[4 + i], tolerated ? "yes" : "no"),
                          "%s, profile %s: docs say %s, the library %s", name,
                          sdpx_profile_name(cols[i]), cell[4 + i], tolerated ? "yes" : "no");
        }
    }
    ck_assert(header_ok);
    for (int c = 1; c <= SDPX_W_LAST; c++)
        ck_assert_msg(rows[c] == 1, "%s has %d rows in docs/grammar.md", sdpx_code_name(c), rows[c]);
    free(doc);
}
END_TEST

START_TEST(test_profiles)
{
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = SDPX_PARSE_ALL_ERRORS | SDPX_PARSE_STRICT;
    ck_assert_int_eq(sdpx_parse_options_profile(&opt, SDPX_PROFILE_CAMERA), 0);
    ck_assert_uint_eq(opt.flags, SDPX_PARSE_ALL_ERRORS); /* strict cleared, the rest kept */
    ck_assert_uint_eq(opt.refuse, sdpx_profile_refuses(SDPX_PROFILE_CAMERA));
    ck_assert_int_eq(sdpx_parse_options_profile(&opt, SDPX_PROFILE_STRICT), 0);
    ck_assert_uint_eq(opt.flags, SDPX_PARSE_ALL_ERRORS | SDPX_PARSE_STRICT);
    ck_assert_int_eq(sdpx_parse_options_profile(&opt, (sdpx_profile)99), SDPX_EINVAL);
    ck_assert_uint_eq(opt.flags, SDPX_PARSE_ALL_ERRORS | SDPX_PARSE_STRICT); /* unchanged */
    ck_assert_int_eq(sdpx_parse_options_profile(NULL, SDPX_PROFILE_SIP), SDPX_EINVAL);
    ck_assert_uint_eq(sdpx_profile_refuses(SDPX_PROFILE_LENIENT), 0);
    ck_assert_uint_eq(sdpx_profile_refuses((sdpx_profile)99), 0);
    ck_assert_ptr_null(sdpx_profile_name((sdpx_profile)-1));
    ck_assert_str_eq(sdpx_profile_name(SDPX_PROFILE_BROWSER), "browser");
    /* each wider profile refuses a subset of the narrower one's quirks */
    uint32_t st = sdpx_profile_refuses(SDPX_PROFILE_STRICT), sip = sdpx_profile_refuses(SDPX_PROFILE_SIP),
             cam = sdpx_profile_refuses(SDPX_PROFILE_CAMERA);
    ck_assert_uint_eq(sip & st, sip);
    ck_assert_uint_eq(cam & sip, cam);
    ck_assert_uint_eq(st, SDPX_QUIRK_ALL & ~(SDPX_QUIRK(SDPX_W_LF) | SDPX_QUIRK(SDPX_W_TRAILING_SPACE)));
    /* a refuse bit applies to strict mode's errors too: LF refused on top of strict */
    memset(&opt, 0, sizeof opt);
    opt.flags = SDPX_PARSE_STRICT;
    ck_assert_int_eq(parse_opt("v=0\n" ORIGIN "s=-\r\nt=0 0\r\n", &opt, NULL), 0);
    opt.refuse = SDPX_QUIRK(SDPX_W_LF);
    ck_assert_int_eq(parse_opt("v=0\n" ORIGIN "s=-\r\nt=0 0\r\n", &opt, NULL), SDPX_ESYNTAX);
}
END_TEST

/* The tidy writer: input, then the expected output written by hand. */
static const struct {
    const char *in, *out;
} tidy_cases[] = {
    {"v=0\r\n\r\n  " ORIGIN "s= \r\n\tt=0 0 \r\nmid:1\r\n" MEDIA "a=sendrecv\t \r\n   \r\n",
     "v=0\r\n" ORIGIN "s= \r\nt=0 0\r\n" MEDIA "a=sendrecv\r\n"},
    {"v=0\no=- 1 2 IN IP4 127.0.0.1\ns=-\nt=0 0", "v=0\r\n" ORIGIN "s=-\r\nt=0 0\r\n"},
    {HEAD, HEAD},
};

START_TEST(test_tidy_writer)
{
    const char *in = tidy_cases[_i].in, *want = tidy_cases[_i].out;
    sdpx_session *s;
    ck_assert_int_eq(sdpx_parse(in, strlen(in), NULL, &s, NULL), 0);
    size_t n;
    char *out = sdpx_write_alloc(s, SDPX_WRITE_TIDY, &n);
    ck_assert_str_eq(out, want);
    ck_assert_uint_eq(n, strlen(want));
    /* the default stays lossless */
    char *raw = sdpx_write_alloc(s, SDPX_WRITE_KEEP_LF, &n);
    ck_assert_uint_ge(n, strlen(in));
    ck_assert_int_eq(memcmp(raw, in, strlen(in)), 0);
    sdpx_free(raw);
    /* and the tidy text passes strict mode */
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = SDPX_PARSE_STRICT;
    sdpx_error e;
    ck_assert_msg(parse_opt(out, &opt, &e) == 0, "tidy output fails strict: %s", e.msg);
    sdpx_free(out);
    sdpx_session_free(s);
}
END_TEST

/* Regression: the indentation shared the line flags with the edit marks
 * (drop, stale), so a parsed indented line lost its type and was written
 * without its text; a remove (which marks lines) kept it wrong too. */
START_TEST(test_indentation_and_edit_marks)
{
    const char *in = "v=0\r\n" ORIGIN "s=-\r\n               c=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                     "m=audio 9 RTP/AVP 0\r\na=x\r\n  a=y\r\n";
    sdpx_session *s;
    ck_assert_int_eq(sdpx_parse(in, strlen(in), NULL, &s, NULL), 0);
    const sdpx_line *c = sdpx_session_find_line(s, 'c', NULL);
    ck_assert_int_eq(sdpx_line_type(c), 'c'); /* 15 spaces: the deepest indentation kept */
    ck_assert_int_eq(sdpx_media_attr_remove(sdpx_session_media_mut(s, 0), "x"), 1);
    char *out = sdpx_write_alloc(s, 0, NULL);
    ck_assert_str_eq(out, "v=0\r\n" ORIGIN "s=-\r\n               c=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                          "m=audio 9 RTP/AVP 0\r\n  a=y\r\n");
    sdpx_free(out);
    sdpx_session_free(s);
}
END_TEST

START_TEST(test_indented_lines_in_the_model)
{
    const char *in = "v=0\r\n" ORIGIN "s=-\r\nt=0 0\r\n  m=audio 9 RTP/AVP 0\r\n\t a=mid:a\r\n";
    sdpx_session *s;
    sdpx_error e;
    ck_assert_int_eq(sdpx_parse(in, strlen(in), NULL, &s, &e), 0);
    ck_assert_uint_eq(sdpx_session_media_count(s), 1);
    const sdpx_media *m = sdpx_session_media(s, 0);
    const sdpx_line *l = sdpx_media_line(m, 1);
    ck_assert_int_eq(sdpx_line_type(l), 'a');
    ck_assert(sdpx_str_eq(sdpx_line_text(l), "\t a=mid:a"));
    ck_assert(sdpx_str_eq(sdpx_line_value(l), "mid:a"));
    sdpx_str mid;
    ck_assert_int_eq(sdpx_media_mid(m, &mid), 0);
    ck_assert(sdpx_str_eq(mid, "a"));
    ck_assert(sdpx_str_eq(sdpx_line_text(sdpx_media_line(m, 0)), "  m=audio 9 RTP/AVP 0"));
    /* an edit next to indented lines keeps them; the edited section writes back */
    ck_assert_int_eq(sdpx_media_attr_add(sdpx_session_media_mut(s, 0), "rtcp-mux", NULL), 0);
    char *out = sdpx_write_alloc(s, 0, NULL);
    ck_assert_str_eq(out, "v=0\r\n" ORIGIN "s=-\r\nt=0 0\r\n  m=audio 9 RTP/AVP 0\r\n\t a=mid:a\r\n"
                          "a=rtcp-mux\r\n");
    sdpx_free(out);
    sdpx_session_free(s);
    /* more indentation than a line record holds: the line is kept as text */
    char big[200];
    snprintf(big, sizeof big, HEAD "%70sa=x\r\n", "");
    ck_assert_int_eq(sdpx_parse(big, strlen(big), NULL, &s, NULL), 0);
    ck_assert_int_eq(sdpx_line_type(sdpx_session_line(s, 4)), 0);
    ck_assert_uint_eq(sdpx_line_text(sdpx_session_line(s, 4)).len, 73);
    sdpx_session_free(s);
}
END_TEST

START_TEST(test_media_only_description_edits)
{
    /* a camera's description that starts at m=: no session lines at all */
    const char *in = "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n";
    sdpx_session *s;
    ck_assert_int_eq(sdpx_parse(in, strlen(in), NULL, &s, NULL), 0);
    ck_assert_uint_eq(sdpx_session_line_count(s), 0);
    ck_assert_uint_eq(sdpx_session_media_count(s), 1);
    /* Regression (fuzz_edit): a session-level line, or removing the last
     * section, would leave text that no longer parses (its first line is not
     * v=0 nor m=): both are refused, with a reason, and change nothing. */
    ck_assert_int_eq(sdpx_session_attr_add(s, "tool", "x"), SDPX_EINVAL);
    ck_assert_ptr_nonnull(strstr(sdpx_session_last_error(s)->msg, "no v= line"));
    ck_assert_int_eq(sdpx_session_media_remove(s, sdpx_session_media_mut(s, 0)), SDPX_EINVAL);
    /* media-level edits are fine, and the result parses again */
    ck_assert_int_eq(sdpx_media_attr_add(sdpx_session_media_mut(s, 0), "tool", "x"), 0);
    size_t n;
    char *out = sdpx_write_alloc(s, 0, &n);
    ck_assert_str_eq(out, "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=tool:x\r\n");
    sdpx_session *again;
    ck_assert_int_eq(sdpx_parse(out, n, NULL, &again, NULL), 0);
    sdpx_session_free(again);
    sdpx_free(out);
    sdpx_session_free(s);
}
END_TEST

/* Zone ids: the decoder reads them, strict refuses them, lenient warns. */
static const struct {
    const char *cand;
    int rc;        /* sdpx_candidate_parse */
    int validate;  /* sdpx_attr_validate on the a= line */
} zone_cases[] = {
    {"2507 1 udp 659136 fe80::54a9:d238:b2ee:ceb%24 57148 typ host generation 0", 0, SDPX_EVALUE},
    {"1 1 udp 1 FE80::1%eth0 9 typ host", 0, SDPX_EVALUE},
    {"1 1 udp 1 febf::1%1 9 typ host", 0, SDPX_EVALUE},
    {"1 1 udp 1 fe80::1 9 typ host", 0, 0},
    {"1 1 udp 1 2001:db8::1%1 9 typ host", SDPX_EVALUE, SDPX_EVALUE}, /* not link-local */
    {"1 1 udp 1 fec0::1%1 9 typ host", SDPX_EVALUE, SDPX_EVALUE},     /* site-local */
    {"1 1 udp 1 fe8::1%1 9 typ host", SDPX_EVALUE, SDPX_EVALUE},      /* group 0fe8 */
    {"1 1 udp 1 fe80::1% 9 typ host", SDPX_EVALUE, SDPX_EVALUE},      /* empty zone */
    {"1 1 udp 1 fe80::1%a%b 9 typ host", SDPX_EVALUE, SDPX_EVALUE},   /* '%' in the zone */
    {"1 1 udp 1 192.0.2.1%1 9 typ host", SDPX_EVALUE, SDPX_EVALUE},
};

START_TEST(test_zone_ids)
{
    sdpx_candidate c;
    int rc = sdpx_candidate_parse(zone_cases[_i].cand, strlen(zone_cases[_i].cand), &c);
    ck_assert_msg(rc == zone_cases[_i].rc, "%s: %d", zone_cases[_i].cand, rc);
    if (rc == 0)
        ck_assert_int_eq(c.family, SDPX_ADDR_IP6);
    char text[300];
    snprintf(text, sizeof text, HEAD MEDIA "a=candidate:%s\r\n", zone_cases[_i].cand);
    sdpx_session *s;
    ck_assert_int_eq(sdpx_parse(text, strlen(text), NULL, &s, NULL), 0);
    const sdpx_line *l = sdpx_media_line(sdpx_session_media(s, 0), 1);
    ck_assert_int_eq(sdpx_attr_validate(l, NULL), zone_cases[_i].validate);
    sdpx_session_free(s);
}
END_TEST

START_TEST(test_zone_id_strict_column)
{
    const char *text = HEAD MEDIA "a=candidate:1 1 udp 1 fe80::1%24 9 typ host\r\n";
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = SDPX_PARSE_STRICT;
    sdpx_error e;
    ck_assert_int_eq(parse_opt(text, &opt, &e), SDPX_EVALUE);
    ck_assert_uint_eq(e.line, 6);
    ck_assert_uint_eq(e.col, 23);
    ck_assert_ptr_nonnull(strstr(e.msg, "zone id"));
    /* the browser profile tolerates it, with the value checks on */
    ck_assert_int_eq(sdpx_parse_options_profile(&opt, SDPX_PROFILE_BROWSER), 0);
    opt.refuse |= SDPX_QUIRK(SDPX_W_ATTR_VALUE);
    ck_assert_int_eq(parse_opt(text, &opt, &e), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("quirks");
    TCase *tc = tcase_create("quirks");
    tcase_add_loop_test(tc, test_quirk_toggles, 0, NQUIRKS);
    tcase_add_test(tc, test_every_quirk_has_an_example);
    tcase_add_test(tc, test_docs_table_matches);
    tcase_add_test(tc, test_profiles);
    suite_add_tcase(s, tc);
    TCase *w = tcase_create("layout");
    tcase_add_loop_test(w, test_tidy_writer, 0, sizeof tidy_cases / sizeof tidy_cases[0]);
    tcase_add_test(w, test_indented_lines_in_the_model);
    tcase_add_test(w, test_indentation_and_edit_marks);
    tcase_add_test(w, test_media_only_description_edits);
    suite_add_tcase(s, w);
    TCase *z = tcase_create("zone");
    tcase_add_loop_test(z, test_zone_ids, 0, sizeof zone_cases / sizeof zone_cases[0]);
    tcase_add_test(z, test_zone_id_strict_column);
    suite_add_tcase(s, z);
    return run_suite(s);
}
