/* sdpx diff OLD NEW: the changes between two descriptions, one per line:
 *   KIND session: OLD -> NEW
 *   KIND m=INDEX mid=MID: OLD -> NEW
 * with "-" for a side that has none. Exit 0: no change, 1: changes, 2: a
 * usage error or a description that cannot be read or parsed (as diff(1)). */
#include "tool.h"

#include <string.h>

static const char diff_usage[] = "usage: sdpx diff OLD NEW\n";

static void put_side(sdpx_str s)
{
    if (s.len)
        tool_put_str(stdout, s);
    else
        fputc('-', stdout);
}

static void print_change(void *ctx, const sdpx_change *c)
{
    (void)ctx;
    fputs(sdpx_change_kind_name(c->kind), stdout);
    if (c->section == SDPX_CHANGE_SESSION_LEVEL) {
        fputs(" session", stdout);
    } else {
        printf(" m=%zu", c->section);
        if (c->mid.len) {
            fputs(" mid=", stdout);
            tool_put_str(stdout, c->mid);
        }
    }
    fputs(": ", stdout);
    put_side(c->old_text);
    fputs(" -> ", stdout);
    put_side(c->new_text);
    fputc('\n', stdout);
}

int cmd_diff(int argc, char **argv)
{
    if (argc != 3 || (argv[1][0] == '-' && argv[1][1]) || (argv[2][0] == '-' && argv[2][1])) {
        fputs(diff_usage, stderr);
        return TOOL_USAGE;
    }
    if (!strcmp(argv[1], "-") && !strcmp(argv[2], "-")) {
        fputs("sdpx: diff: only one of OLD and NEW can be standard input\n", stderr);
        return TOOL_USAGE;
    }
    sdpx_session *a = NULL, *b = NULL;
    if (tool_parse_file(argv[1], &a) || tool_parse_file(argv[2], &b)) {
        sdpx_session_free(a);
        return TOOL_USAGE; /* diff(1): trouble is 2 */
    }
    int n = sdpx_session_diff(a, b, print_change, NULL);
    sdpx_session_free(a);
    sdpx_session_free(b);
    if (fflush(stdout) || n < 0)
        return TOOL_USAGE;
    return n ? TOOL_FAIL : TOOL_OK;
}
