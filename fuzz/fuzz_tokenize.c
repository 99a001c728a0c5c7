/* The tokenizer and field splitters on arbitrary bytes. Properties: every
 * view lies inside the input; line numbers count up by one; for input the
 * tokenizer accepts, the lines with their endings rebuild the input exactly;
 * after an error the tokenizer still makes progress; fields and attribute
 * parts lie inside their value. */
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = fuzz_dup(data, size);
    sdpx_tokenizer t;
    sdpx_token tok;
    sdpx_error e;
    size_t rebuilt = 0;
    int clean = 1;
    unsigned expect_line = 1;
    int rc;
    sdpx_tokenizer_init(&t, buf, size);
    while ((rc = sdpx_tokenizer_next(&t, &tok, &e)) != 0) {
        fuzz_assert(t.pos <= size);
        if (rc < 0) {
            fuzz_assert(rc == SDPX_ESYNTAX || rc == SDPX_ENUL || rc == SDPX_ECR);
            fuzz_assert(e.code == rc && e.line == expect_line && e.col >= 1);
            fuzz_assert(memchr(e.msg, '\0', sizeof e.msg) != NULL);
            clean = 0;
            expect_line++;
            continue;
        }
        fuzz_assert(rc == 1);
        fuzz_assert(tok.line == expect_line);
        expect_line++;
        fuzz_assert(fuzz_within(tok.text, buf, size));
        fuzz_assert(fuzz_within(tok.value, tok.text.ptr, tok.text.len));
        fuzz_assert(memchr(tok.text.ptr, '\n', tok.text.len) == NULL);
        if (clean) {
            fuzz_assert(tok.text.ptr == buf + rebuilt);
            rebuilt += tok.text.len + (tok.eol == SDPX_EOL_CRLF ? 2u : tok.eol == SDPX_EOL_LF ? 1u : 0u);
        }
        if (tok.type) {
            fuzz_assert(tok.type >= 'a' && tok.type <= 'z');
            fuzz_assert(tok.value.ptr == tok.text.ptr + 2);
        }
        sdpx_str rest = tok.value, f;
        size_t fields = 0;
        while (sdpx_field_next(&rest, &f)) {
            fuzz_assert(f.len > 0 && fuzz_within(f, tok.value.ptr, tok.value.len));
            fuzz_assert(memchr(f.ptr, ' ', f.len) == NULL);
            fuzz_assert(++fields <= tok.value.len);
        }
        fuzz_assert(rest.len == 0);
        sdpx_str name, val;
        int has;
        sdpx_attr_split(tok.value, &name, &val, &has);
        fuzz_assert(fuzz_within(name, tok.value.ptr, tok.value.len));
        fuzz_assert(fuzz_within(val, tok.value.ptr, tok.value.len));
        fuzz_assert(name.len + (size_t)has + val.len == tok.value.len);
        (void)sdpx_attr_kind_from_name(name);
    }
    fuzz_assert(t.pos == size);
    if (clean)
        fuzz_assert(rebuilt == size);
    free(buf);
    return 0;
}
