/* sdpx fmt [--keep-lf] FILE|-: parse, then write the description to stdout. */
#include "tool.h"

#include <stdlib.h>
#include <string.h>

int cmd_fmt(int argc, char **argv)
{
    unsigned wflags = 0;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--keep-lf"))
            wflags |= SDPX_WRITE_KEEP_LF;
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "sdpx: fmt: unknown option '%s'\nusage: sdpx fmt [--keep-lf] FILE|-\n", argv[i]);
            return TOOL_USAGE;
        } else if (path) {
            fprintf(stderr, "usage: sdpx fmt [--keep-lf] FILE|-\n");
            return TOOL_USAGE;
        } else
            path = argv[i];
    }
    if (!path) {
        fprintf(stderr, "usage: sdpx fmt [--keep-lf] FILE|-\n");
        return TOOL_USAGE;
    }
    sdpx_session *s;
    if (tool_parse_file(path, &s))
        return TOOL_FAIL;
    size_t n;
    char *out = sdpx_write_alloc(s, wflags, &n);
    sdpx_session_free(s);
    if (!out) {
        fprintf(stderr, "sdpx: fmt: out of memory\n");
        return TOOL_FAIL;
    }
    fwrite(out, 1, n, stdout);
    sdpx_free(out);
    return TOOL_OK; /* main() fails when stdout could not be written */
}
