/* sdpx candidate [STRING|-]: one ICE candidate (or one per line of stdin) as
 * a JSON object per line: the object `sdpx json` gives (sdp-transform's). */
#include "tool.h"

#include <stdlib.h>
#include <string.h>

/* The candidate object of `sdpx json` (sdp-transform's shape), from the
 * same code: the value is put back behind "candidate:" and read by the
 * grammar's candidate rule. */
static int print_candidate(FILE *f, const sdpx_candidate *c, const char *end)
{
    size_t n = (size_t)(end - c->foundation.ptr);
    char *line = malloc(n + 11);
    if (!line)
        return -1;
    memcpy(line, "candidate:", 10);
    memcpy(line + 10, c->foundation.ptr, n);
    size_t len = sdpx_write_json_line('a', line, n + 10, 0, NULL, NULL, 0);
    char *json = malloc(len + 1);
    if (json) {
        sdpx_write_json_line('a', line, n + 10, 0, NULL, json, len + 1);
        fprintf(f, "%s\n", json);
    }
    free(json);
    free(line);
    return json ? 0 : -1;
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
    const char *end = p + n;
    while (end > c.foundation.ptr && (end[-1] == '\r' || end[-1] == '\n'))
        end--;
    if (print_candidate(stdout, &c, end)) {
        fprintf(stderr, "sdpx: candidate: out of memory\n");
        return -1;
    }
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
