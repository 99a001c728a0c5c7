/* sdpx check [--strict] [-v] FILE...: every problem, one line each. */
#include "tool.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *name;
    int verbose;
} check_out;

/* The findings are check's output: they go to stdout. */
static void on_diag(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    const check_out *o = ctx;
    if (sev == SDPX_SEV_ERROR || o->verbose)
        tool_print_diag(stdout, o->name, sev, e);
}

int cmd_check(int argc, char **argv)
{
    unsigned flags = 0;
    int verbose = 0, nfiles = 0, failed = 0, i;
    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (!strcmp(argv[i], "--strict"))
            flags |= SDPX_PARSE_STRICT;
        else if (!strcmp(argv[i], "-v") || !strcmp(argv[i], "--verbose"))
            verbose = 1;
        else if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else {
            fprintf(stderr, "sdpx: check: unknown option '%s'\nusage: sdpx check [--strict] [-v] FILE...\n",
                    argv[i]);
            return TOOL_USAGE;
        }
    }
    if (i >= argc) {
        fprintf(stderr, "usage: sdpx check [--strict] [-v] FILE...\n");
        return TOOL_USAGE;
    }
    for (; i < argc; i++, nfiles++) {
        char *buf;
        size_t len;
        if (tool_read_file(argv[i], &buf, &len)) {
            failed = 1;
            continue;
        }
        check_out o = {tool_display_name(argv[i]), verbose};
        /* --strict: the strict grammar and the semantic pass, as in the library */
        sdpx_parse_options opt; /* for the tool's limits (--max-input) */
        tool_parse_options(&opt, 0);
        int errors = sdpx_check_limits(buf, len, flags, &opt.limits, on_diag, &o);
        if (errors < 0) {
            fprintf(stderr, "sdpx: %s: %s\n", o.name, sdpx_strerror(errors));
            failed = 1;
        } else if (errors > 0) {
            failed = 1;
        }
        free(buf);
    }
    return failed ? TOOL_FAIL : TOOL_OK;
}
