/* sdpx offer --caps CAPS.sdp: a fresh offer (new session id and ICE
 * credentials on every run) from a capabilities description. The shared
 * capabilities reading lives here too (tool_read_caps). */
#include "tool.h"

#include <stdlib.h>
#include <string.h>

#define OFFER_USAGE "usage: sdpx offer --caps CAPS.sdp [--fingerprint 'HASH HEX'] [--proto PROTO]\n"

int tool_read_caps(const char *path, const char *fingerprint, sdpx_session **doc, sdpx_caps *caps)
{
    if (tool_parse_file(path, doc))
        return TOOL_FAIL;
    sdpx_error err;
    if (sdpx_caps_from_sdp(*doc, caps, &err)) {
        tool_print_diag(stderr, tool_display_name(path), SDPX_SEV_ERROR, &err);
        sdpx_session_free(*doc);
        return TOOL_FAIL;
    }
    if (fingerprint) {
        sdpx_fingerprint fp;
        caps->fingerprint = sdpx_str_from(fingerprint);
        if (sdpx_fingerprint_parse(caps->fingerprint, &fp)) {
            fprintf(stderr, "sdpx: --fingerprint: not \"HASH HEX:HEX:...\" (RFC 8122 5)\n");
            sdpx_session_free(*doc);
            return TOOL_FAIL;
        }
    }
    return 0;
}

int cmd_offer(int argc, char **argv)
{
    const char *caps_path = NULL, *fingerprint = NULL;
    sdpx_offer_options opt;
    memset(&opt, 0, sizeof opt);
    for (int i = 1; i < argc; i++) {
        const char **slot = !strcmp(argv[i], "--caps")          ? &caps_path
                            : !strcmp(argv[i], "--fingerprint") ? &fingerprint
                            : !strcmp(argv[i], "--proto")       ? &opt.proto
                                                                : NULL;
        if (!slot || i + 1 >= argc) {
            fprintf(stderr, "sdpx: offer: %s '%s'\n" OFFER_USAGE,
                    slot ? "missing value for" : "unknown argument", argv[i]);
            return TOOL_USAGE;
        }
        *slot = argv[++i];
    }
    if (!caps_path) {
        fputs(OFFER_USAGE, stderr);
        return TOOL_USAGE;
    }
    sdpx_session *doc, *offer;
    sdpx_caps *caps = malloc(sizeof *caps);
    if (!caps || tool_read_caps(caps_path, fingerprint, &doc, caps)) {
        free(caps);
        return TOOL_FAIL;
    }
    sdpx_error err;
    int rc = sdpx_offer_create(caps, &opt, &offer, &err);
    sdpx_session_free(doc);
    free(caps);
    if (rc) {
        fprintf(stderr, "sdpx: offer: %s\n", err.msg);
        return TOOL_FAIL;
    }
    rc = tool_print_session(offer, 0);
    sdpx_session_free(offer);
    return rc;
}
