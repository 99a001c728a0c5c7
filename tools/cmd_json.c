/* sdpx json [--pretty] [--lossless] FILE|-: the description as JSON in
 * sdp-transform's shape (docs/json.md). */
#include "tool.h"

#include <stdlib.h>
#include <string.h>

int cmd_json(int argc, char **argv)
{
    static const char use[] = "usage: sdpx json [--pretty] [--lossless] FILE|-\n";
    unsigned flags = 0;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--pretty"))
            flags |= SDPX_JSON_PRETTY;
        else if (!strcmp(argv[i], "--lossless"))
            flags |= SDPX_JSON_LOSSLESS;
        else if ((argv[i][0] == '-' && argv[i][1]) || path) {
            fprintf(stderr, "sdpx: json: bad argument '%s'\n%s", argv[i], use);
            return TOOL_USAGE;
        } else
            path = argv[i];
    }
    if (!path) {
        fputs(use, stderr);
        return TOOL_USAGE;
    }
    sdpx_session *s;
    if (tool_parse_file(path, &s))
        return TOOL_FAIL;
    size_t n;
    char *out = sdpx_write_json_alloc(s, flags, &n);
    sdpx_session_free(s);
    if (!out) {
        fprintf(stderr, "sdpx: json: out of memory\n");
        return TOOL_FAIL;
    }
    fwrite(out, 1, n, stdout);
    putchar('\n');
    sdpx_free(out);
    return TOOL_OK; /* main() fails when stdout could not be written */
}
