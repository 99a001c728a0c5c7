/* Strict rules of well-known codec parameters (a=fmtp of opus, H.264, VP8,
 * VP9, RED, rtx, telephone-event), each checked against its payload
 * format's RFC. Unknown codecs and unknown parameters stay legal. Used by
 * the semantic pass (validate.c), which knows the codec of each fmtp. */
#include "view.h"

#include <stdio.h>

/* 1 when v is digits for a number in lo..hi. */
static int int_in(sdpx_str v, uint64_t lo, uint64_t hi)
{
    uint64_t n;
    return sdpxi_parse_uint(v, hi, &n) == 0 && n >= lo;
}

/* RFC 4648 4: base64 characters, '=' padding only at the end. */
static int is_base64(sdpx_str v)
{
    size_t pad = 0;
    if (v.len == 0 || v.len % 4)
        return 0;
    for (size_t i = 0; i < v.len; i++) {
        unsigned char c = (unsigned char)v.ptr[i];
        if (c == '=') {
            pad++;
            continue;
        }
        if (pad || !(sdpxi_is_alnum(c) || c == '+' || c == '/'))
            return 0;
    }
    return pad <= 2;
}

/* H.264 sprop-parameter-sets (RFC 6184 8.1): base64 NAL units joined by ','. */
static int is_sprop_sets(sdpx_str v)
{
    int found = 1;
    while (found)
        if (!is_base64(sdpxi_cut(&v, ',', &found)))
            return 0;
    return 1;
}

/* RFC 4733 7.1.1: events = event-list, ranges "0-15" and single events
 * "66", each 0-255, joined by ','. */
static int is_event_list(sdpx_str v)
{
    int found = 1;
    while (found) {
        sdpx_str hi = sdpxi_cut(&v, ',', &found);
        int dash;
        sdpx_str lo = sdpxi_cut(&hi, '-', &dash); /* hi keeps what follows the '-' */
        uint64_t a, b;
        if (sdpxi_parse_uint(lo, 255, &a))
            return 0;
        if (dash && (sdpxi_parse_uint(hi, 255, &b) || b < a))
            return 0;
    }
    return 1;
}

/* RFC 2198 5: the RED fmtp is payload types joined by '/', each 0-127. */
static int is_red_list(sdpx_str v)
{
    int found = 1;
    while (found)
        if (!int_in(sdpxi_cut(&v, '/', &found), 0, 127))
            return 0;
    return 1;
}

typedef struct {
    const char *codec; /* encoding name, compared ignoring case */
    const char *key;   /* parameter name, compared ignoring case */
    int (*ok)(sdpx_str value);
    const char *rule;  /* for the message */
} param_rule;

static int bit(sdpx_str v) { return int_in(v, 0, 1); }
static int opus_rate(sdpx_str v) { return int_in(v, 8000, 48000); }
static int opus_bitrate(sdpx_str v) { return int_in(v, 6000, 510000); }
static int h264_plid(sdpx_str v)
{
    if (v.len != 6)
        return 0;
    for (size_t i = 0; i < 6; i++)
        if (sdpxi_hexval((unsigned char)v.ptr[i]) < 0)
            return 0;
    return 1;
}
static int h264_mode(sdpx_str v) { return int_in(v, 0, 2); }
static int positive(sdpx_str v) { return int_in(v, 1, UINT32_MAX); }
static int number(sdpx_str v) { return int_in(v, 0, UINT32_MAX); }
static int vp9_profile(sdpx_str v) { return int_in(v, 0, 3); }
static int payload_type(sdpx_str v) { return int_in(v, 0, 127); }

static const param_rule rules[] = {
    /* RFC 7587 6.1 */
    {"opus", "stereo", bit, "0 or 1 (RFC 7587 6.1)"},
    {"opus", "sprop-stereo", bit, "0 or 1 (RFC 7587 6.1)"},
    {"opus", "cbr", bit, "0 or 1 (RFC 7587 6.1)"},
    {"opus", "useinbandfec", bit, "0 or 1 (RFC 7587 6.1)"},
    {"opus", "usedtx", bit, "0 or 1 (RFC 7587 6.1)"},
    {"opus", "maxplaybackrate", opus_rate, "an integer 8000-48000 (RFC 7587 6.1)"},
    {"opus", "sprop-maxcapturerate", opus_rate, "an integer 8000-48000 (RFC 7587 6.1)"},
    {"opus", "maxaveragebitrate", opus_bitrate, "an integer 6000-510000 (RFC 7587 6.1)"},
    /* RFC 6184 8.1 */
    {"H264", "profile-level-id", h264_plid, "six hex digits (RFC 6184 8.1)"},
    {"H264", "packetization-mode", h264_mode, "0, 1 or 2 (RFC 6184 8.1)"},
    {"H264", "level-asymmetry-allowed", bit, "0 or 1 (RFC 6184 8.1)"},
    {"H264", "sprop-parameter-sets", is_sprop_sets, "base64 parameter sets joined by ',' (RFC 6184 8.1)"},
    /* RFC 7741 6.1 */
    {"VP8", "max-fr", positive, "a positive integer (RFC 7741 6.1)"},
    {"VP8", "max-fs", positive, "a positive integer (RFC 7741 6.1)"},
    /* RTP payload format for VP9 (RFC 9628 6) */
    {"VP9", "profile-id", vp9_profile, "0-3 (RFC 9628 6)"},
    {"VP9", "max-fr", positive, "a positive integer (RFC 9628 6)"},
    {"VP9", "max-fs", positive, "a positive integer (RFC 9628 6)"},
    /* RFC 4588 8.6 */
    {"rtx", "apt", payload_type, "a payload type 0-127 (RFC 4588 8.6)"},
    {"rtx", "rtx-time", number, "a number of milliseconds (RFC 4588 8.6)"},
};

#define NRULES (sizeof rules / sizeof rules[0])

int sdpxi_codec_param_error(sdpx_str encoding, sdpx_str params, sdpx_str *at, char *msg,
                            size_t cap)
{
    /* the formats whose whole fmtp is one list */
    int red = sdpx_str_ieq(encoding, "red"), te = sdpx_str_ieq(encoding, "telephone-event");
    if (red || te) {
        sdpx_str v = sdpxi_trim(params);
        if (v.len && !(red ? is_red_list(v) : is_event_list(v))) {
            *at = v;
            snprintf(msg, cap, "%s parameters are not %s", red ? "RED" : "telephone-event",
                     red ? "payload types 0-127 joined by '/' (RFC 2198 5)"
                         : "events 0-255 and ranges joined by ',' (RFC 4733 7.1.1)");
            return SDPX_EVALUE;
        }
        return 0;
    }
    sdpx_str rest = params;
    sdpx_param p;
    while (sdpx_param_next(&rest, &p)) {
        for (size_t i = 0; i < NRULES; i++) {
            if (!sdpx_str_ieq(encoding, rules[i].codec) || !sdpx_str_ieq(p.key, rules[i].key))
                continue;
            if (!rules[i].ok(p.value)) {
                char qv[64];
                sdpxi_quote(qv, sizeof qv, p.value, 40);
                *at = p.has_value ? p.value : p.key;
                snprintf(msg, cap, "%s %s=\"%s\" is not %s", rules[i].codec, rules[i].key, qv,
                         rules[i].rule);
                return SDPX_EVALUE;
            }
        }
    }
    return 0;
}
