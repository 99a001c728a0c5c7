/* sdpx fmt [--keep-lf] [--from-json [--lossless]] FILE|-: parse (SDP, or
 * JSON in sdp-transform's shape), then write the description to stdout. */
#include "tool.h"

#include <stdlib.h>
#include <string.h>

int cmd_fmt(int argc, char **argv)
{
    unsigned wflags = 0;
    int from_json = 0;
    sdpx_json_options jo = {0};
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--keep-lf"))
            wflags |= SDPX_WRITE_KEEP_LF;
        else if (!strcmp(argv[i], "--from-json"))
            from_json = 1;
        else if (!strcmp(argv[i], "--lossless"))
            jo.flags |= SDPX_JSON_LOSSLESS;
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "sdpx: fmt: unknown option '%s'\nusage: sdpx fmt [--keep-lf] [--from-json [--lossless]] FILE|-\n", argv[i]);
            return TOOL_USAGE;
        } else if (path) {
            fprintf(stderr, "usage: sdpx fmt [--keep-lf] [--from-json [--lossless]] FILE|-\n");
            return TOOL_USAGE;
        } else
            path = argv[i];
    }
    if (!path) {
        fprintf(stderr, "usage: sdpx fmt [--keep-lf] [--from-json [--lossless]] FILE|-\n");
        return TOOL_USAGE;
    }
    sdpx_session *s;
    if (from_json) {
        char *buf;
        size_t len;
        if (tool_read_file(path, &buf, &len))
            return TOOL_FAIL;
        sdpx_error err;
        sdpx_parse_options po;
        tool_parse_options(&po, 0); /* the input limit holds for the JSON too */
        jo.parse = &po;
        int rc = sdpx_parse_json(buf, len, &jo, &s, &err);
        free(buf);
        if (rc) {
            tool_print_diag(stderr, tool_display_name(path), SDPX_SEV_ERROR, &err);
            return TOOL_FAIL;
        }
    } else if (tool_parse_file(path, &s))
        return TOOL_FAIL;
    int rc = tool_print_session(s, wflags);
    sdpx_session_free(s);
    return rc;
}
