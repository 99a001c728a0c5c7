/* Tokenizer: lines, endings, errors with positions, fields, attribute split. */
#include "testutil.h"

/* One line's expectations. */
typedef struct {
    const char *input;
    size_t len; /* 0: strlen(input) */
    int rc;     /* first sdpx_tokenizer_next result */
    char type;
    const char *value;
    sdpx_eol eol;
    unsigned err_col;
} line_case;

static const line_case line_cases[] = {
    {"v=0\r\n", 0, 1, 'v', "0", SDPX_EOL_CRLF, 0},
    {"v=0\n", 0, 1, 'v', "0", SDPX_EOL_LF, 0},
    {"v=0", 0, 1, 'v', "0", SDPX_EOL_NONE, 0},
    {"a=rtcp-mux\r\n", 0, 1, 'a', "rtcp-mux", SDPX_EOL_CRLF, 0},
    {"s= \r\n", 0, 1, 's', " ", SDPX_EOL_CRLF, 0},
    {"s=\r\n", 0, 1, 's', "", SDPX_EOL_CRLF, 0},
    {"\r\n", 0, 1, 0, "", SDPX_EOL_CRLF, 0},
    {"  \t\n", 0, 1, 0, "", SDPX_EOL_LF, 0},
    {"x=unknown types are lines too\n", 0, 1, 'x', "unknown types are lines too", SDPX_EOL_LF, 0},
    /* errors */
    {"v0\r\n", 0, SDPX_ESYNTAX, 0, NULL, 0, 2},
    {"v =0\r\n", 0, SDPX_ESYNTAX, 0, NULL, 0, 2},
    {"V=0\r\n", 0, SDPX_ESYNTAX, 0, NULL, 0, 1},
    {"1=0\r\n", 0, SDPX_ESYNTAX, 0, NULL, 0, 1},
    {" v=0\r\n", 0, SDPX_ESYNTAX, 0, NULL, 0, 1},
    {"v\n", 0, SDPX_ESYNTAX, 0, NULL, 0, 2},
    {"a=x\ry\r\n", 0, SDPX_ECR, 0, NULL, 0, 4},
    {"a=x\r", 0, SDPX_ECR, 0, NULL, 0, 4},
    {"a=\0x\r\n", 6, SDPX_ENUL, 0, NULL, 0, 3},
    {"\xff\xfe=\n", 0, SDPX_ESYNTAX, 0, NULL, 0, 1},
};

START_TEST(test_line_cases)
{
    const line_case *c = &line_cases[_i];
    size_t len = c->len ? c->len : strlen(c->input);
    sdpx_tokenizer t;
    sdpx_token tok;
    sdpx_error err;
    memset(&err, 0, sizeof err);
    sdpx_tokenizer_init(&t, c->input, len);
    int rc = sdpx_tokenizer_next(&t, &tok, &err);
    ck_assert_int_eq(rc, c->rc);
    if (rc == 1) {
        ck_assert_int_eq(tok.type, c->type);
        ck_assert_str_view(tok.value, c->value);
        ck_assert_int_eq(tok.eol, c->eol);
        ck_assert_uint_eq(tok.line, 1);
        ck_assert_int_eq(sdpx_tokenizer_next(&t, &tok, &err), 0);
    } else {
        ck_assert_int_eq(err.code, c->rc);
        ck_assert_uint_eq(err.line, 1);
        ck_assert_uint_eq(err.col, c->err_col);
        ck_assert(err.msg[0] != '\0');
    }
}
END_TEST

START_TEST(test_lines_and_numbers)
{
    const char *text = "v=0\r\no=- 1 1 IN IP4 1.2.3.4\ns=x\r\n\r\nt=0 0";
    sdpx_tokenizer t;
    sdpx_token tok;
    sdpx_tokenizer_init(&t, text, strlen(text));
    const char types[] = {'v', 'o', 's', 0, 't'};
    const sdpx_eol eols[] = {SDPX_EOL_CRLF, SDPX_EOL_LF, SDPX_EOL_CRLF, SDPX_EOL_CRLF,
                             SDPX_EOL_NONE};
    for (unsigned i = 0; i < 5; i++) {
        ck_assert_int_eq(sdpx_tokenizer_next(&t, &tok, NULL), 1);
        ck_assert_int_eq(tok.type, types[i]);
        ck_assert_int_eq(tok.eol, eols[i]);
        ck_assert_uint_eq(tok.line, i + 1);
    }
    ck_assert_str_view(tok.text, "t=0 0");
    ck_assert_int_eq(sdpx_tokenizer_next(&t, &tok, NULL), 0);
    ck_assert_int_eq(sdpx_tokenizer_next(&t, &tok, NULL), 0);
}
END_TEST

START_TEST(test_continues_after_error)
{
    /* A linter keeps calling after an error: the bad line is skipped. */
    const char *text = "v=0\r\nbad line\r\na=\r\rx\r\ns=ok\r\n";
    sdpx_tokenizer t;
    sdpx_token tok;
    sdpx_error err;
    sdpx_tokenizer_init(&t, text, strlen(text));
    ck_assert_int_eq(sdpx_tokenizer_next(&t, &tok, &err), 1);
    ck_assert_int_eq(sdpx_tokenizer_next(&t, &tok, &err), SDPX_ESYNTAX);
    ck_assert_uint_eq(err.line, 2);
    ck_assert_int_eq(sdpx_tokenizer_next(&t, &tok, &err), SDPX_ECR);
    ck_assert_uint_eq(err.line, 3);
    ck_assert_uint_eq(err.col, 3);
    ck_assert_int_eq(sdpx_tokenizer_next(&t, &tok, &err), 1);
    ck_assert_int_eq(tok.type, 's');
    ck_assert_uint_eq(tok.line, 4);
    ck_assert_int_eq(sdpx_tokenizer_next(&t, &tok, &err), 0);
}
END_TEST

START_TEST(test_never_reads_past_len)
{
    /* The bytes after len would change the answer if they were read. */
    const char text[] = "a=abc\r\nGARBAGE";
    sdpx_tokenizer t;
    sdpx_token tok;
    sdpx_tokenizer_init(&t, text, 6); /* "a=abc\r": ends in a bare CR */
    ck_assert_int_eq(sdpx_tokenizer_next(&t, &tok, NULL), SDPX_ECR);
    sdpx_tokenizer_init(&t, text, 5);
    ck_assert_int_eq(sdpx_tokenizer_next(&t, &tok, NULL), 1);
    ck_assert_str_view(tok.value, "abc");
    ck_assert_int_eq(tok.eol, SDPX_EOL_NONE);
    sdpx_tokenizer_init(&t, text, 0);
    ck_assert_int_eq(sdpx_tokenizer_next(&t, &tok, NULL), 0);
}
END_TEST

typedef struct {
    const char *input;
    int n;
    const char *fields[6];
} field_case;

static const field_case field_cases[] = {
    {"", 0, {NULL}},
    {"   ", 0, {NULL}},
    {"a", 1, {"a"}},
    {"IN IP4 1.2.3.4", 3, {"IN", "IP4", "1.2.3.4"}},
    {"  audio   9 RTP/AVP 0  ", 4, {"audio", "9", "RTP/AVP", "0"}},
    {"a\tb c", 2, {"a\tb", "c"}}, /* only SP separates fields (RFC 8866 9) */
};

START_TEST(test_fields)
{
    const field_case *c = &field_cases[_i];
    sdpx_str rest = {c->input, strlen(c->input)}, f;
    int n = 0;
    while (sdpx_field_next(&rest, &f)) {
        ck_assert_int_lt(n, c->n);
        ck_assert_str_view(f, c->fields[n]);
        n++;
    }
    ck_assert_int_eq(n, c->n);
    ck_assert_uint_eq(rest.len, 0);
}
END_TEST

typedef struct {
    const char *value;
    const char *name;
    const char *val;
    int has_value;
} split_case;

static const split_case split_cases[] = {
    {"rtcp-mux", "rtcp-mux", "", 0},
    {"x:", "x", "", 1},
    {"rtpmap:111 opus/48000/2", "rtpmap", "111 opus/48000/2", 1},
    {"fingerprint:sha-256 AB:CD", "fingerprint", "sha-256 AB:CD", 1},
    {":odd", "", "odd", 1},
    {"", "", "", 0},
};

START_TEST(test_attr_split)
{
    const split_case *c = &split_cases[_i];
    sdpx_str name, val;
    int has = -1;
    sdpx_attr_split((sdpx_str){c->value, strlen(c->value)}, &name, &val, &has);
    ck_assert_str_view(name, c->name);
    ck_assert_str_view(val, c->val);
    ck_assert_int_eq(has, c->has_value);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tokenize");
    TCase *tc = tcase_create("tokenizer");
    tcase_add_loop_test(tc, test_line_cases, 0, sizeof line_cases / sizeof line_cases[0]);
    tcase_add_test(tc, test_lines_and_numbers);
    tcase_add_test(tc, test_continues_after_error);
    tcase_add_test(tc, test_never_reads_past_len);
    tcase_add_loop_test(tc, test_fields, 0, sizeof field_cases / sizeof field_cases[0]);
    tcase_add_loop_test(tc, test_attr_split, 0, sizeof split_cases / sizeof split_cases[0]);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
