/* Leniency profiles: which grammar quirks each named profile refuses.
 * docs/grammar.md holds the same table for readers; tests/test_quirks.c
 * checks that the two agree. */
#include "core.h"

#define Q(w) SDPX_QUIRK(SDPX_W_##w)

/* RFC 8866 5: parsers SHOULD accept a bare LF; Firefox writes a trailing
 * space after the msid stream id. Strict mode refuses every other quirk. */
#define STRICT_TOLERATES (Q(LF) | Q(TRAILING_SPACE))

/* What browsers write, and what applications munging it in JavaScript
 * leave behind (LF endings, a missing last newline, trailing spaces); IPv6
 * link-local candidates with a zone id come from Chrome on some systems. */
#define BROWSER_TOLERATES                                                                   \
    (Q(LF) | Q(NO_FINAL_EOL) | Q(TRAILING_SPACE) | Q(ATTR_VALUE) | Q(SCOPE) | Q(ZONE_ID))

/* Old phones, gateways and SIP test tools: no o=, s= or t=, lines out of order
 * or repeated, blank or indented lines, "v=0o=..." run together, fields
 * that are not numbers. They still send a whole o= and c=. */
#define SIP_TOLERATES                                                                       \
    (Q(LF) | Q(NO_FINAL_EOL) | Q(BLANK_LINE) | Q(TRAILING_SPACE) | Q(MISSING_ORIGIN) |       \
     Q(MISSING_NAME) |                                                                       \
     Q(MISSING_TIMING) | Q(ORDER) | Q(UNKNOWN_TYPE) | Q(ATTR_NAME) | Q(DUPLICATE) |          \
     Q(NO_FORMAT) | Q(ATTR_VALUE) | Q(SCOPE) | Q(FIELD) | Q(INDENT) | Q(UNTYPED_LINE) |      \
     Q(VERSION_VALUE) | Q(ZONE_ID))

/* IP cameras and RTSP servers: everything SIP tolerates, plus o= and c=
 * lines cut short (Hikvision, Uniview) and descriptions that
 * start at the first m= line. */
#define CAMERA_TOLERATES                                                                    \
    (SIP_TOLERATES | Q(ORIGIN_FIELDS) | Q(CONNECTION_FIELDS) | Q(NO_VERSION))

static const struct {
    const char *name;
    uint32_t tolerates;
} profiles[] = {
    [SDPX_PROFILE_LENIENT] = {"lenient", SDPX_QUIRK_ALL},
    [SDPX_PROFILE_STRICT] = {"strict", STRICT_TOLERATES},
    [SDPX_PROFILE_BROWSER] = {"browser", BROWSER_TOLERATES},
    [SDPX_PROFILE_SIP] = {"sip", SIP_TOLERATES},
    [SDPX_PROFILE_CAMERA] = {"camera", CAMERA_TOLERATES},
};

#define NPROFILES (sizeof profiles / sizeof profiles[0])

uint32_t sdpx_profile_refuses(sdpx_profile p)
{
    if ((unsigned)p >= NPROFILES)
        return 0;
    return SDPX_QUIRK_ALL & ~profiles[p].tolerates;
}

const char *sdpx_profile_name(sdpx_profile p)
{
    return (unsigned)p < NPROFILES ? profiles[p].name : NULL;
}

int sdpx_parse_options_profile(sdpx_parse_options *opt, sdpx_profile p)
{
    if (!opt || (unsigned)p >= NPROFILES)
        return SDPX_EINVAL;
    opt->flags &= ~(unsigned)SDPX_PARSE_STRICT;
    if (p == SDPX_PROFILE_STRICT)
        opt->flags |= SDPX_PARSE_STRICT;
    opt->refuse = sdpx_profile_refuses(p);
    return 0;
}

uint32_t sdpxi_effective_refuse(unsigned flags, uint32_t refuse)
{
    if (flags & SDPX_PARSE_STRICT)
        refuse |= sdpx_profile_refuses(SDPX_PROFILE_STRICT);
    return refuse & SDPX_QUIRK_ALL;
}
