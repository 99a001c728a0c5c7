/* sdpx candidate [STRING|-]: one ICE candidate (or one per line of stdin) as
 * a JSON object per line, with the key names of the sdp-transform library. */
#include "tool.h"

#include <stdlib.h>
#include <string.h>

static void put_json_str(FILE *f, sdpx_str s)
{
    static const char hex[] = "0123456789abcdef";
    fputc('"', f);
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20 || c == 0x7f)
            fprintf(f, "\\u00%c%c", hex[c >> 4], hex[c & 15]);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void put_key(FILE *f, const char *key)
{
    fprintf(f, ",\"%s\":", key);
}

/* sdp-transform gives these extensions as numbers. */
static int numeric_ext(sdpx_str name)
{
    return sdpx_str_eq(name, "generation") || sdpx_str_eq(name, "network-id") ||
           sdpx_str_eq(name, "network-cost");
}

static void print_candidate(FILE *f, const sdpx_candidate *c)
{
    /* the foundation stays a string: it is an identifier ("0001" is not 1) */
    fputs("{\"foundation\":", f);
    put_json_str(f, c->foundation);
    fprintf(f, ",\"component\":%u", (unsigned)c->component);
    put_key(f, "transport");
    put_json_str(f, c->transport);
    fprintf(f, ",\"priority\":%lu", (unsigned long)c->priority);
    put_key(f, "ip");
    put_json_str(f, c->address);
    fprintf(f, ",\"port\":%u", (unsigned)c->port);
    put_key(f, "type");
    put_json_str(f, c->type_name);
    if (c->has_raddr) {
        put_key(f, "raddr");
        put_json_str(f, c->raddr);
    }
    if (c->has_rport)
        fprintf(f, ",\"rport\":%u", (unsigned)c->rport);
    sdpx_str rest = c->extensions, name, value;
    while (sdpx_candidate_ext_next(&rest, &name, &value)) {
        uint64_t n;
        fputc(',', f);
        put_json_str(f, name);
        fputc(':', f);
        if (numeric_ext(name) && sdpx_str_u64(value, &n) == 0)
            fprintf(f, "%llu", (unsigned long long)n);
        else
            put_json_str(f, value);
    }
    fputs("}\n", f);
}

/* Parse and print one candidate; on error print "NAME:LINE:COL: error: MSG". */
static int one(const char *p, size_t n, const char *name, unsigned line)
{
    sdpx_candidate c;
    sdpx_error e;
    int rc = sdpx_candidate_parse_err(p, n, &c, &e);
    if (rc == SDPX_CANDIDATE_END) {
        puts("{\"end-of-candidates\":true}");
        return 0;
    }
    if (rc < 0) {
        if (rc != SDPX_EVALUE) {
            e.col = 1;
            snprintf(e.msg, sizeof e.msg, "%s", sdpx_strerror(rc));
        }
        e.line = line;
        fflush(stdout);
        tool_print_diag(stderr, name, SDPX_SEV_ERROR, &e);
        return -1;
    }
    print_candidate(stdout, &c);
    return 0;
}

int cmd_candidate(int argc, char **argv)
{
    if (argc > 2 || (argc == 2 && argv[1][0] == '-' && argv[1][1] != '\0')) {
        fprintf(stderr, "usage: sdpx candidate [STRING|-]\n");
        return TOOL_USAGE;
    }
    if (argc == 2 && strcmp(argv[1], "-") != 0)
        return one(argv[1], strlen(argv[1]), "<arg>", 1) ? TOOL_FAIL : TOOL_OK;
    char *buf;
    size_t len;
    if (tool_read_file("-", &buf, &len))
        return TOOL_FAIL;
    int failed = 0;
    unsigned line = 0;
    for (size_t i = 0; i < len;) {
        const char *start = buf + i;
        const char *nl = memchr(start, '\n', len - i);
        size_t n = nl ? (size_t)(nl - start) : len - i;
        i += nl ? n + 1 : n;
        line++;
        size_t m = n;
        while (m && start[m - 1] == '\r')
            m--;
        if (m == 0)
            continue; /* blank lines separate nothing; say end-of-candidates to mean it */
        if (one(start, m, "<stdin>", line))
            failed = 1;
    }
    free(buf);
    return failed ? TOOL_FAIL : TOOL_OK;
}
