/* sdpx: the command-line face of the library. Each subcommand lives in its
 * own cmd_*.c file; this file dispatches and holds what they share. */
#include "tool.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const tool_command commands[] = {
    {"check", "[--strict] [-v] FILE...", "report every problem in each description", cmd_check},
    {"fmt", "[--keep-lf] [--from-json] FILE|-", "parse (SDP or JSON) and write SDP", cmd_fmt},
    {"candidate", "[STRING|-]", "print ICE candidates as JSON, one per line", cmd_candidate},
    {"show", "FILE|-", "summarise sessions, media, codecs, ICE/DTLS", cmd_show},
    {"edit", "[OPTIONS] FILE|-", "apply edits (codecs, ICE, BUNDLE, ...) and write", cmd_edit},
    {"redact", "[--keep-lf] FILE|-", "hide addresses, ports, ICE and DTLS secrets for logs", cmd_redact},
    {"offer", "--caps CAPS.sdp", "print a fresh offer built from capabilities", cmd_offer},
    {"answer", "--caps CAPS.sdp OFFER|-", "answer an offer (--verify OFFER ANSWER checks one)", cmd_answer},
    {"json", "[--pretty] [--lossless] FILE|-", "the description as sdp-transform JSON", cmd_json},
    {"diff", "OLD NEW", "print what changed between two descriptions", cmd_diff},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

size_t tool_max_input = SDPX_DEFAULT_MAX_INPUT;

static void usage(FILE *f)
{
    fprintf(f, "usage: sdpx [--max-input BYTES] COMMAND [OPTIONS] ARGS\n\n"
               "Parse, inspect, edit and write SDP (RFC 8866). FILE '-' reads stdin.\n\n"
               "commands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(f, "  %-10s %-28s %s\n", commands[i].name, commands[i].args, commands[i].summary);
    fprintf(f, "\n  sdpx --help      this text\n  sdpx --version   the version\n"
               "  --max-input BYTES  refuse inputs larger than this (default %zu = 16 MiB);\n"
               "                     reading stops there\n\n"
               "Output goes to stdout. Messages go to stderr, except the findings of\n"
               "'check', which are its output. Output that cannot be written is an error.\n"
               "Exit status: 0 success, 1 a description (or value) was rejected, 2 usage error.\n",
            (size_t)SDPX_DEFAULT_MAX_INPUT);
}

/* --max-input BYTES: a positive decimal count. */
static int set_max_input(const char *arg)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(arg, &end, 10);
    if (!*arg || *arg == '-' || *end || errno || n == 0 || n > SIZE_MAX - 1) {
        fprintf(stderr, "sdpx: --max-input: expected a number of bytes, got '%s'\n", arg);
        return -1;
    }
    tool_max_input = (size_t)n;
    return 0;
}

static int run(int argc, char **argv)
{
    int i = 1;
    while (i < argc && !strcmp(argv[i], "--max-input")) {
        if (i + 1 >= argc) {
            fprintf(stderr, "sdpx: --max-input needs an argument (see sdpx --help)\n");
            return TOOL_USAGE;
        }
        if (set_max_input(argv[i + 1]))
            return TOOL_USAGE;
        i += 2;
    }
    if (i >= argc) {
        usage(stderr);
        return TOOL_USAGE;
    }
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h") || !strcmp(argv[i], "help")) {
        usage(stdout);
        return TOOL_OK;
    }
    if (!strcmp(argv[i], "--version")) {
        printf("sdpx %s\n", sdpx_version());
        return TOOL_OK;
    }
    for (size_t k = 0; k < NCOMMANDS; k++)
        if (!strcmp(argv[i], commands[k].name))
            return commands[k].run(argc - i, argv + i);
    fprintf(stderr, "sdpx: unknown command '%s' (see sdpx --help)\n", argv[i]);
    return TOOL_USAGE;
}

int main(int argc, char **argv)
{
    int status = run(argc, argv);
    /* Every command: output that did not reach stdout (a full disk,
     * /dev/full) is a failure, whatever the command printed. */
    if (fflush(stdout) || ferror(stdout) || fclose(stdout)) {
        fprintf(stderr, "sdpx: standard output: %s\n", errno ? strerror(errno) : "write error");
        return status == TOOL_OK ? TOOL_FAIL : status;
    }
    return status;
}

const char *tool_display_name(const char *path)
{
    return strcmp(path, "-") ? path : "<stdin>";
}

int tool_read_file(const char *path, char **buf, size_t *len)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        fprintf(stderr, "sdpx: %s: %s\n", path, strerror(errno));
        return -1;
    }
    /* Read at most one byte more than the limit: an endless input
     * (/dev/zero) costs no more memory than the largest accepted one. */
    size_t most = tool_max_input + 1, cap = most < 4096 ? most : 4096, n = 0;
    char *p = malloc(cap);
    while (p) {
        n += fread(p + n, 1, cap - n, f);
        if (n < cap || cap == most)
            break;
        size_t next = cap > most / 2 ? most : cap * 2;
        char *q = realloc(p, next);
        if (!q) {
            free(p);
            p = NULL;
            break;
        }
        p = q;
        cap = next;
    }
    int bad = !p || ferror(f);
    if (f != stdin)
        fclose(f);
    const char *why = !p ? "out of memory" : bad ? "read error" : NULL;
    if (!why && n > tool_max_input) {
        fprintf(stderr, "sdpx: %s: input larger than %zu bytes (--max-input raises the limit)\n",
                tool_display_name(path), tool_max_input);
        free(p);
        return -1;
    }
    if (why) {
        fprintf(stderr, "sdpx: %s: %s\n", tool_display_name(path), why);
        free(p);
        return -1;
    }
    *buf = p;
    *len = n;
    return 0;
}

void tool_parse_options(sdpx_parse_options *opt, unsigned flags)
{
    memset(opt, 0, sizeof *opt);
    opt->flags = flags;
    opt->limits.max_input = tool_max_input;
}

int tool_parse_file(const char *path, sdpx_session **s)
{
    char *buf;
    size_t len;
    if (tool_read_file(path, &buf, &len))
        return TOOL_FAIL;
    sdpx_error err;
    sdpx_parse_options opt;
    tool_parse_options(&opt, 0);
    int rc = sdpx_parse(buf, len, &opt, s, &err);
    free(buf); /* the session holds its own copy */
    if (rc) {
        tool_print_diag(stderr, tool_display_name(path), SDPX_SEV_ERROR, &err);
        return TOOL_FAIL;
    }
    return 0;
}

void tool_print_diag(FILE *f, const char *name, sdpx_severity sev, const sdpx_error *e)
{
    /* a warning names its quirk's stable code (docs/grammar.md) */
    if (sev == SDPX_SEV_WARNING)
        fprintf(f, "%s:%u:%u: warning: %s [%s]\n", name, e->line, e->col, e->msg,
                sdpx_code_name(e->code));
    else
        fprintf(f, "%s:%u:%u: error: %s\n", name, e->line, e->col, e->msg);
}

void tool_put_str(FILE *f, sdpx_str s)
{
    if (s.len)
        fwrite(s.ptr, 1, s.len, f);
}

int tool_print_session(const sdpx_session *s, unsigned flags)
{
    size_t n;
    char *out = sdpx_write_alloc(s, flags, &n);
    if (!out) {
        fprintf(stderr, "sdpx: out of memory\n");
        return TOOL_FAIL;
    }
    fwrite(out, 1, n, stdout);
    sdpx_free(out);
    return TOOL_OK; /* main() fails when stdout could not be written */
}
