/*
 * Transport rules: direction (RFC 3264 6.1), DTLS and ICE (RFC 8842, RFC
 * 8839), BUNDLE lookups (RFC 8843), and naming a section in messages.
 */
#include "nego.h"

#include <stdio.h>
#include <string.h>

enum { SEND = 1, RECV = 2 };

static unsigned dir_bits(sdpx_direction d)
{
    switch (d) {
    case SDPX_DIR_SENDRECV: return SEND | RECV;
    case SDPX_DIR_SENDONLY: return SEND;
    case SDPX_DIR_RECVONLY: return RECV;
    default: return 0;
    }
}

static sdpx_direction bits_dir(unsigned b)
{
    static const sdpx_direction d[4] = {SDPX_DIR_INACTIVE, SDPX_DIR_SENDONLY, SDPX_DIR_RECVONLY,
                                        SDPX_DIR_SENDRECV};
    return d[b & 3];
}

/* RFC 3264 6.1: the answerer may send only what the offerer receives, and
 * receive only what it sends; within that, the local wish decides. */
sdpx_direction sdpxi_answer_direction(sdpx_direction offered, sdpx_direction wish)
{
    unsigned o = dir_bits(offered), w = dir_bits(wish), a = 0;
    if ((o & RECV) && (w & SEND))
        a |= SEND;
    if ((o & SEND) && (w & RECV))
        a |= RECV;
    return bits_dir(a);
}

int sdpxi_direction_ok(sdpx_direction offered, sdpx_direction answered)
{
    unsigned o = dir_bits(offered), a = dir_bits(answered);
    return (!(a & SEND) || (o & RECV)) && (!(a & RECV) || (o & SEND));
}

enum { P_RTP = 1, P_AVP = 2, P_AVPF = 4, P_SAVP = 8, P_SAVPF = 16, P_TLS = 32, P_DTLS = 64, P_SCTP = 128 };

/* The part names of a proto that decide its family, as P_* bits (fixed
 * lengths: the compares are a few integer tests). */
static unsigned part_bit(const char *s, size_t n)
{
    switch (n) {
    case 3:
        return !memcmp(s, "RTP", 3) ? P_RTP : !memcmp(s, "AVP", 3) ? P_AVP : !memcmp(s, "TLS", 3) ? P_TLS : 0;
    case 4:
        return !memcmp(s, "AVPF", 4)   ? P_AVPF
               : !memcmp(s, "SAVP", 4) ? P_SAVP
               : !memcmp(s, "DTLS", 4) ? P_DTLS
               : !memcmp(s, "SCTP", 4) ? P_SCTP
                                       : 0;
    case 5: return !memcmp(s, "SAVPF", 5) ? P_SAVPF : 0;
    default: return 0;
    }
}

/* The protos most offers carry, with the bits their parts give. */
static const struct {
    const char *name;
    size_t len;
    unsigned bits;
} common_protos[] = {
    {"UDP/TLS/RTP/SAVPF", 17, P_TLS | P_RTP | P_SAVPF}, /* JSEP 5.1.2 */
    {"UDP/DTLS/SCTP", 13, P_DTLS | P_SCTP},             /* RFC 8841 4.1 */
    {"RTP/AVP", 7, P_RTP | P_AVP},                      /* RFC 3551 */
};

/* One walk over proto's "/"-separated parts: the P_* bits of those it has
 * (a common proto by one compare). */
unsigned sdpxi_proto_parts(sdpx_str proto)
{
    unsigned bits = 0;
    size_t i = 0;
    if (!proto.len)
        return 0; /* a view of none may have no pointer */
    for (size_t k = 0; k < sizeof common_protos / sizeof common_protos[0]; k++)
        if (proto.len == common_protos[k].len && !memcmp(proto.ptr, common_protos[k].name, proto.len))
            return common_protos[k].bits;
    while (i <= proto.len) {
        size_t j = i;
        while (j < proto.len && proto.ptr[j] != '/')
            j++;
        bits |= part_bit(proto.ptr + i, j - i);
        i = j + 1;
    }
    return bits;
}

/* RFC 5764 8, RFC 8842, RFC 8841 4: the protos that run over DTLS */
int sdpxi_parts_dtls(unsigned parts)
{
    return (parts & (P_TLS | P_DTLS)) != 0;
}

int sdpxi_proto_dtls(sdpx_str p)
{
    return sdpxi_parts_dtls(sdpxi_proto_parts(p));
}

/* RFC 5763 5, JSEP 5.1.3: RTP/SAVP(F) with a fingerprint is DTLS-SRTP too
 * (the form older browsers offer); without one it is SDES (RFC 4568). */
int sdpxi_section_dtls(const sdpxi_map *map, const sdpx_media *m, sdpx_str proto, unsigned parts)
{
    sdpx_fingerprint fp;
    if (sdpxi_parts_dtls(parts))
        return 1;
    if (!sdpx_str_eq(proto, "RTP/SAVP") && !sdpx_str_eq(proto, "RTP/SAVPF"))
        return 0;
    return sdpx_media_fingerprint(sdpxi_map_transport(map, m, SDPX_ATTR_FINGERPRINT), 0, &fp) == 0;
}

int sdpxi_parts_rtp(unsigned b)
{
    return (b & P_RTP) && (b & (P_AVP | P_AVPF | P_SAVP | P_SAVPF));
}

int sdpxi_proto_rtp(sdpx_str p)
{
    return sdpxi_parts_rtp(sdpxi_proto_parts(p));
}

int sdpxi_parts_sctp(unsigned b)
{
    return (b & P_SCTP) && (b & (P_TLS | P_DTLS));
}

int sdpxi_proto_sctp(sdpx_str p)
{
    return sdpxi_parts_sctp(sdpxi_proto_parts(p));
}

int sdpxi_bundle_only(const sdpx_media *m)
{
    return sdpx_media_find_attr(m, SDPX_ATTR_BUNDLE_ONLY, NULL) != NULL;
}

const char *sdpxi_where(const sdpx_media *m, char *buf, size_t cap)
{
    sdpx_str mid;
    if (sdpx_media_mid(m, &mid) == 0)
        snprintf(buf, cap, "m=%zu (mid \"%.*s\")", sdpx_media_index(m), SDPXI_SV(mid));
    else
        snprintf(buf, cap, "m=%zu", sdpx_media_index(m));
    return buf;
}

int sdpxi_token(sdpx_str s)
{
    if (!s.len)
        return 0;
    for (size_t i = 0; i < s.len; i++)
        if (!sdpxi_token_char((unsigned char)s.ptr[i]))
            return 0;
    return 1;
}

/* RFC 8285 7: the section's own extmap lines, else the session's; decided
 * once per walk (sdpx_media_extmap_next decides on every call). */
const sdpx_line *sdpxi_extmaps_next(sdpxi_extmaps *it)
{
    if (!it->started) {
        it->started = 1;
        it->l = sdpx_media_find_attr(it->m, SDPX_ATTR_EXTMAP, NULL);
        it->media = it->l != NULL;
        if (!it->media)
            it->l = sdpx_session_find_attr(sdpx_media_session(it->m), SDPX_ATTR_EXTMAP, NULL);
    } else if (it->l) {
        it->l = it->media ? sdpx_media_find_attr(it->m, SDPX_ATTR_EXTMAP, it->l)
                          : sdpx_session_find_attr(sdpx_media_session(it->m), SDPX_ATTR_EXTMAP, it->l);
    }
    return it->l;
}
