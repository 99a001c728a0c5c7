/* sdpx redact FILE|-: the description with addresses, ports, ICE
 * credentials, fingerprints and keys replaced by stable placeholders. */
#include "tool.h"

#include <stdlib.h>
#include <string.h>

#define REDACT_USAGE "usage: sdpx redact [--keep-lf] FILE|-\n"

int cmd_redact(int argc, char **argv)
{
    const char *path = NULL;
    unsigned wflags = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--keep-lf")) {
            wflags |= SDPX_WRITE_KEEP_LF;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "sdpx: redact: unknown option '%s'\n" REDACT_USAGE, argv[i]);
            return TOOL_USAGE;
        } else if (path) {
            fputs(REDACT_USAGE, stderr);
            return TOOL_USAGE;
        } else {
            path = argv[i];
        }
    }
    if (!path) {
        fputs(REDACT_USAGE, stderr);
        return TOOL_USAGE;
    }
    sdpx_session *s;
    if (tool_parse_file(path, &s))
        return TOOL_FAIL;
    int rc = sdpx_session_redact(s);
    if (rc < 0) {
        fprintf(stderr, "sdpx: redact: %s\n", sdpx_strerror(rc));
        sdpx_session_free(s);
        return TOOL_FAIL;
    }
    rc = tool_print_session(s, wflags);
    sdpx_session_free(s);
    return rc;
}
