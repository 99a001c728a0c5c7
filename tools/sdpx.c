/* sdpx: the command-line face of the library. Each subcommand lives in its
 * own cmd_*.c file; this file dispatches and holds what they share. */
#include "tool.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const tool_command commands[] = {
    {"check", "[--strict] [-v] FILE...", "report every problem in each description", cmd_check},
    {"fmt", "[--keep-lf] FILE|-", "parse and write the description back out", cmd_fmt},
    {"candidate", "[STRING|-]", "print ICE candidates as JSON, one per line", cmd_candidate},
    {"show", "FILE|-", "summarise sessions, media, codecs, ICE/DTLS", cmd_show},
    {"edit", "[OPTIONS] FILE|-", "apply edits (codecs, ICE, BUNDLE, ...) and write", cmd_edit},
    {"redact", "FILE|-", "hide addresses, ports, ICE and DTLS secrets for logs", cmd_redact},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *f)
{
    fprintf(f, "usage: sdpx COMMAND [OPTIONS] ARGS\n\n"
               "Parse, inspect, edit and write SDP (RFC 8866). FILE '-' reads stdin.\n\n"
               "commands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(f, "  %-10s %-28s %s\n", commands[i].name, commands[i].args, commands[i].summary);
    fprintf(f, "\n  sdpx --help      this text\n  sdpx --version   the version\n\n"
               "Exit status: 0 success, 1 a description (or value) was rejected, 2 usage error.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return TOOL_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return TOOL_OK;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("sdpx %s\n", sdpx_version());
        return TOOL_OK;
    }
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "sdpx: unknown command '%s' (see sdpx --help)\n", argv[1]);
    return TOOL_USAGE;
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
    size_t cap = 4096, n = 0;
    char *p = malloc(cap);
    while (p) {
        n += fread(p + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *q = realloc(p, cap * 2);
        if (!q) {
            free(p);
            p = NULL;
            break;
        }
        p = q;
        cap *= 2;
    }
    int bad = !p || ferror(f);
    if (f != stdin)
        fclose(f);
    if (bad) {
        fprintf(stderr, "sdpx: %s: %s\n", tool_display_name(path), p ? "read error" : "out of memory");
        free(p);
        return -1;
    }
    *buf = p;
    *len = n;
    return 0;
}

int tool_parse_file(const char *path, sdpx_session **s)
{
    char *buf;
    size_t len;
    if (tool_read_file(path, &buf, &len))
        return TOOL_FAIL;
    sdpx_error err;
    int rc = sdpx_parse(buf, len, NULL, s, &err);
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
