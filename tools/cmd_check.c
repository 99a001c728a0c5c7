/* sdpx check [--strict] [-v] FILE...: every problem, one line each. */
#include "tool.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *name;
    int verbose;
    int errors;
} check_out;

/* The findings are check's output: they go to stdout. */
static void on_diag(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    check_out *o = ctx;
    if (sev == SDPX_SEV_ERROR)
        o->errors++;
    if (sev == SDPX_SEV_ERROR || o->verbose)
        tool_print_diag(stdout, o->name, sev, e);
}

/* What sdpx_check does, with the tool's input limit (sdpx_check takes no
 * limits): every problem through on_diag. The number of errors, or
 * SDPX_ENOMEM. */
static int check(const char *buf, size_t len, unsigned flags, check_out *o)
{
    sdpx_parse_options opt;
    tool_parse_options(&opt, flags | SDPX_PARSE_ALL_ERRORS);
    opt.diag = on_diag;
    opt.diag_ctx = o;
    sdpx_session *s = NULL;
    sdpx_error e;
    int rc = sdpx_parse(buf, len, &opt, &s, &e);
    sdpx_session_free(s);
    if (rc == SDPX_ENOMEM)
        return rc;
    if (rc && o->errors == 0) /* refused before any diagnostic (empty, limits) */
        on_diag(o, SDPX_SEV_ERROR, &e);
    return o->errors;
}

/* --strict also runs the semantic pass (sdpx_validate) on a lenient parse:
 * cross-references between lines, reported as errors. Returns the number of
 * findings, or a negative code. */
static int validate(const char *buf, size_t len, check_out *o)
{
    sdpx_session *s = NULL;
    sdpx_parse_options opt;
    tool_parse_options(&opt, 0);
    if (sdpx_parse(buf, len, &opt, &s, NULL))
        return 0; /* the parse errors were reported already */
    int found = sdpx_validate(s, on_diag, o);
    sdpx_session_free(s);
    return found;
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
        check_out o = {tool_display_name(argv[i]), verbose, 0};
        int errors = check(buf, len, flags, &o);
        if (errors >= 0 && (flags & SDPX_PARSE_STRICT)) {
            int found = validate(buf, len, &o);
            errors = found < 0 ? found : errors + found;
        }
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
