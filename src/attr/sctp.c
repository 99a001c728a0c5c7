/* SCTP over DTLS data channels (RFC 8841): sctp-port, max-message-size, and
 * the legacy sctpmap of draft-ietf-mmusic-sctp-sdp-05. */
#include "attr.h"

/* RFC 8841 5.1: sctp-port-value = port (0-65535) */
static int decode_sctp_port(sdpx_str v, uint16_t *port, sdpxi_bad *bad)
{
    uint64_t n;
    if (sdpxi_parse_uint(v, 65535, &n))
        return sdpxi_bad_set(bad, v, v, SDPX_EVALUE, "sctp-port", "is not a port 0-65535");
    *port = (uint16_t)n;
    return 0;
}

SDPXI_DEFINE_CHECK(sctp_port, uint16_t, decode_sctp_port)

int sdpx_sctp_port_parse(sdpx_str value, uint16_t *port)
{
    if (!port)
        return SDPX_EINVAL;
    return decode_sctp_port(value, port, NULL);
}

/* RFC 8841 6.1: max-message-size-value = 1*DIGIT */
static int decode_mms(sdpx_str v, uint64_t *size, sdpxi_bad *bad)
{
    if (sdpxi_parse_uint(v, UINT64_MAX, size))
        return sdpxi_bad_set(bad, v, v, SDPX_EVALUE, "max-message-size",
                             "is not a 64-bit number");
    return 0;
}

SDPXI_DEFINE_CHECK(max_message_size, uint64_t, decode_mms)

int sdpx_max_message_size_parse(sdpx_str value, uint64_t *size)
{
    if (!size)
        return SDPX_EINVAL;
    return decode_mms(value, size, NULL);
}

/* draft-ietf-mmusic-sctp-sdp-05 4: sctpmap-attr = "a=sctpmap:" sctpmap-number
 * SP app [SP max-num-of-streams] */
static int decode_sctpmap(sdpx_str v, sdpx_sctpmap *out, sdpxi_bad *bad)
{
    sdpx_sctpmap m;
    sdpx_str rest = v, f;
    uint64_t n;
    int rc;
    memset(&m, 0, sizeof m);
    if ((rc = sdpxi_need_field(v, &rest, &f, "sctpmap port", bad)))
        return rc;
    if (sdpxi_parse_uint(f, 65535, &n))
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "sctpmap port", "is not a port 0-65535");
    m.port = (uint16_t)n;
    if ((rc = sdpxi_need_field(v, &rest, &f, "sctpmap protocol", bad)))
        return rc;
    if (!sdpxi_is_token(f))
        return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "sctpmap protocol", "is not a token");
    m.protocol = f;
    if (sdpx_field_next(&rest, &f)) {
        if (sdpxi_parse_uint(f, UINT32_MAX, &n))
            return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "stream count",
                                 "is not a 32-bit number");
        m.streams = (uint32_t)n;
        m.has_streams = 1;
        if (sdpx_field_next(&rest, &f))
            return sdpxi_bad_set(bad, v, f, SDPX_EVALUE, "field", "follows the stream count");
    }
    *out = m;
    return 0;
}

SDPXI_DEFINE_CHECK(sctpmap, sdpx_sctpmap, decode_sctpmap)

int sdpx_sctpmap_parse(sdpx_str value, sdpx_sctpmap *out)
{
    if (!out)
        return SDPX_EINVAL;
    return decode_sctpmap(value, out, NULL);
}

int sdpx_sctpmap_write(const sdpx_sctpmap *m, char *buf, size_t cap)
{
    if (!m)
        return SDPX_EINVAL;
    sdpxi_out o = SDPXI_OUT(buf, cap);
    sdpxi_out_u64(&o, m->port);
    sdpxi_out_cstr(&o, " ");
    sdpxi_out_str(&o, m->protocol);
    if (m->has_streams) {
        sdpxi_out_cstr(&o, " ");
        sdpxi_out_u64(&o, m->streams);
    }
    /* draft-ietf-mmusic-sctp-sdp-05 4: the protocol is a token */
    return sdpxi_out_done(&o, !sdpxi_is_token(m->protocol));
}
