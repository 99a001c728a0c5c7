/*
 * Data channels (RFC 8841): an offer with a=sctp-port is answered with the
 * local port and max-message-size; a legacy offer (DTLS/SCTP <port> with
 * a=sctpmap, draft-ietf-mmusic-sctp-sdp-05) in its own form.
 */
#include "nego.h"

#include <string.h>

static const uint64_t default_mms = 262144; /* RFC 8841 6.1 leaves it to the endpoint; browsers use 256 KiB */

int sdpxi_sctp_answer(sdpxi_text *t, const sdpx_media *m, const sdpx_mline *mline,
                      const sdpx_caps *caps, unsigned port, const sdpxi_text *tr)
{
    sdpx_mline ml = *mline;
    unsigned local = caps->sctp_port ? caps->sctp_port : 5000;
    uint64_t mms = caps->max_message_size ? caps->max_message_size : default_mms;
    const sdpx_line *map = sdpx_media_find_attr(m, SDPX_ATTR_SCTPMAP, NULL);
    sdpx_sctpmap sm;
    if (map && !sdpx_sctpmap_parse(sdpx_attr_value(map), &sm)) {
        /* legacy: the m= format is the SCTP port, described by a=sctpmap */
        if (!sdpx_str_eq(sm.protocol, "webrtc-datachannel"))
            return SDPX_EN_PROTO;
        sdpxi_text_put(t, "m=application %u %.*s %u\r\n%.*s", port, SDPXI_SV(ml.proto), local,
                       (int)tr->len, tr->p);
        sdpxi_text_put(t, "a=sctpmap:%u webrtc-datachannel %u\r\n", local,
                       sm.has_streams ? (unsigned)sm.streams : 1024u);
    } else {
        /* RFC 8841 4.1: the format is "webrtc-datachannel" */
        sdpx_str rest = ml.formats, f;
        if (!sdpx_field_next(&rest, &f) || !sdpx_str_eq(f, "webrtc-datachannel"))
            return SDPX_EN_PROTO;
        SDPXI_TEXT_LIT(t, "m=application ");
        sdpxi_text_uint(t, port);
        SDPXI_TEXT_LIT(t, " ");
        sdpxi_text_str(t, ml.proto);
        SDPXI_TEXT_LIT(t, " webrtc-datachannel\r\n");
        sdpxi_text_add(t, tr->p, tr->len);
        SDPXI_TEXT_LIT(t, "a=sctp-port:"); /* RFC 8841 5.1 */
        sdpxi_text_uint(t, local);
        SDPXI_TEXT_LIT(t, "\r\n");
    }
    SDPXI_TEXT_LIT(t, "a=max-message-size:"); /* RFC 8841 6.1 */
    sdpxi_text_uint(t, mms);
    SDPXI_TEXT_LIT(t, "\r\n");
    return 0;
}

int sdpxi_sctp_verify(const sdpx_media *o, const sdpx_media *a, sdpx_diag_fn fn, void *ctx)
{
    int legacy = sdpx_media_find_attr(o, SDPX_ATTR_SCTPMAP, NULL) != NULL;
    int port = sdpx_media_find_attr(a, SDPX_ATTR_SCTP_PORT, NULL) != NULL;
    int map = sdpx_media_find_attr(a, SDPX_ATTR_SCTPMAP, NULL) != NULL;
    if (legacy ? (!map || port) : (map || !port)) {
        sdpxi_report(fn, ctx, SDPX_EN_V_SCTP, a, sdpx_line_number(sdpx_media_line(a, 0)),
                     "data channel answered with %s, offered with %s (RFC 8841 5)",
                     map ? "a=sctpmap" : port ? "a=sctp-port" : "neither sctp-port nor sctpmap",
                     legacy ? "a=sctpmap" : "a=sctp-port");
        return 1;
    }
    return 0;
}
