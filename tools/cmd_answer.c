/* sdpx answer --caps CAPS.sdp OFFER|-: answer an offer by the rules of
 * RFC 3264 and JSEP; sdpx answer --verify OFFER ANSWER: check an answer. */
#include "tool.h"

#include <stdlib.h>
#include <string.h>

#define ANSWER_USAGE                                                                            \
    "usage: sdpx answer --caps CAPS.sdp [--fingerprint 'HASH HEX'] [--strict]\n"                \
    "                   [--setup active|passive] [--address ADDR] [--port PORT] OFFER|-\n"       \
    "       sdpx answer --verify OFFER ANSWER\n"

typedef struct report {
    const char *name;
    int n;
} report;

static void print_diag(void *ctx, sdpx_severity sev, const sdpx_error *e)
{
    report *r = ctx;
    tool_print_diag(stderr, r->name, sev, e);
    r->n++;
}

static int verify(const char *offer_path, const char *answer_path)
{
    sdpx_session *o, *a;
    if (tool_parse_file(offer_path, &o))
        return TOOL_FAIL;
    if (tool_parse_file(answer_path, &a)) {
        sdpx_session_free(o);
        return TOOL_FAIL;
    }
    report r = {tool_display_name(answer_path), 0};
    int n = sdpx_answer_verify(o, a, print_diag, &r);
    sdpx_session_free(o);
    sdpx_session_free(a);
    if (n < 0) {
        fprintf(stderr, "sdpx: answer: %s\n", sdpx_strerror(n));
        return TOOL_FAIL;
    }
    return n ? TOOL_FAIL : TOOL_OK;
}

int cmd_answer(int argc, char **argv)
{
    const char *caps_path = NULL, *fingerprint = NULL, *setup = NULL, *port = NULL;
    const char *paths[2] = {NULL, NULL};
    int npaths = 0, do_verify = 0;
    sdpx_answer_options opt;
    memset(&opt, 0, sizeof opt);
    for (int i = 1; i < argc; i++) {
        const char **slot = !strcmp(argv[i], "--caps")          ? &caps_path
                            : !strcmp(argv[i], "--fingerprint") ? &fingerprint
                            : !strcmp(argv[i], "--setup")       ? &setup
                            : !strcmp(argv[i], "--address")     ? &opt.address
                            : !strcmp(argv[i], "--port")        ? &port
                                                                : NULL;
        if (slot) {
            if (i + 1 >= argc) {
                fprintf(stderr, "sdpx: answer: missing value for '%s'\n" ANSWER_USAGE, argv[i]);
                return TOOL_USAGE;
            }
            *slot = argv[++i];
        } else if (!strcmp(argv[i], "--verify")) {
            do_verify = 1;
        } else if (!strcmp(argv[i], "--strict")) {
            opt.flags |= SDPX_ANSWER_STRICT;
        } else if ((argv[i][0] == '-' && argv[i][1]) || npaths == 2) {
            fprintf(stderr, "sdpx: answer: unknown argument '%s'\n" ANSWER_USAGE, argv[i]);
            return TOOL_USAGE;
        } else {
            paths[npaths++] = argv[i];
        }
    }
    if (do_verify) {
        if (npaths != 2 || caps_path) {
            fputs(ANSWER_USAGE, stderr);
            return TOOL_USAGE;
        }
        return verify(paths[0], paths[1]);
    }
    if (!caps_path || npaths != 1) {
        fputs(ANSWER_USAGE, stderr);
        return TOOL_USAGE;
    }
    if (setup) {
        if (!strcmp(setup, "active"))
            opt.setup = SDPX_SETUP_ACTIVE;
        else if (!strcmp(setup, "passive"))
            opt.setup = SDPX_SETUP_PASSIVE;
        else {
            fprintf(stderr, "sdpx: answer: --setup takes active or passive\n");
            return TOOL_USAGE;
        }
    }
    if (port) {
        char *end;
        unsigned long v = strtoul(port, &end, 10);
        if (!*port || *end || v == 0 || v > 65535) {
            fprintf(stderr, "sdpx: answer: --port takes 1-65535\n");
            return TOOL_USAGE;
        }
        opt.port = (unsigned)v;
    }
    sdpx_session *doc, *offer, *answer;
    sdpx_caps *caps = malloc(sizeof *caps);
    if (!caps || tool_read_caps(caps_path, fingerprint, &doc, caps)) {
        free(caps);
        return TOOL_FAIL;
    }
    if (tool_parse_file(paths[0], &offer)) {
        sdpx_session_free(doc);
        free(caps);
        return TOOL_FAIL;
    }
    report r = {tool_display_name(paths[0]), 0};
    opt.diag = print_diag;
    opt.diag_ctx = &r;
    sdpx_error err;
    int rc = sdpx_answer_create(offer, caps, &opt, &answer, &err);
    sdpx_session_free(offer);
    sdpx_session_free(doc);
    free(caps);
    if (rc) {
        tool_print_diag(stderr, r.name, SDPX_SEV_ERROR, &err);
        return TOOL_FAIL;
    }
    rc = tool_print_session(answer, 0);
    sdpx_session_free(answer);
    return rc;
}
