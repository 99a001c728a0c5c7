/* Status codes: names, messages, and filling sdpx_error. */
#include "base.h"

#include <stdio.h>

typedef struct {
    int code;
    const char *name;
    const char *text;
} code_row;

static const code_row codes[] = {
    {SDPX_OK, "SDPX_OK", "success"},
    {SDPX_ENOMEM, "SDPX_ENOMEM", "out of memory"},
    {SDPX_ESCRATCH, "SDPX_ESCRATCH", "scratch memory too small and heap use forbidden"},
    {SDPX_EINVAL, "SDPX_EINVAL", "invalid argument"},
    {SDPX_ENOTFOUND, "SDPX_ENOTFOUND", "not found"},
    {SDPX_EOVERFLOW, "SDPX_EOVERFLOW", "number does not fit"},
    {SDPX_ELIMIT, "SDPX_ELIMIT", "limit exceeded"},
    {SDPX_EEMPTY, "SDPX_EEMPTY", "empty input"},
    {SDPX_ESYNTAX, "SDPX_ESYNTAX", "line is not of the form <type>=<value>"},
    {SDPX_ENUL, "SDPX_ENUL", "NUL byte in input"},
    {SDPX_ECR, "SDPX_ECR", "CR not followed by LF"},
    {SDPX_EVERSION, "SDPX_EVERSION", "first line is not v=0"},
    {SDPX_ERANGE, "SDPX_ERANGE", "number out of range"},
    {SDPX_EFIELD, "SDPX_EFIELD", "missing or malformed field"},
    {SDPX_EORDER, "SDPX_EORDER", "line out of order"},
    {SDPX_EMISSING, "SDPX_EMISSING", "mandatory line missing"},
    {SDPX_EVALUE, "SDPX_EVALUE", "value does not match its grammar"},
    {SDPX_EUNKNOWN, "SDPX_EUNKNOWN", "unknown line type"},
    {SDPX_ESCOPE, "SDPX_ESCOPE", "attribute not allowed at this level"},
    {SDPX_EDUPLICATE, "SDPX_EDUPLICATE", "line appears more than once"},
    {SDPX_ESTALE, "SDPX_ESTALE", "the line or media section was removed or moved by an edit"},
    {SDPX_EV_PT_NOT_IN_MLINE, "SDPX_EV_PT_NOT_IN_MLINE", "payload type not in the m= line"},
    {SDPX_EV_APT_UNKNOWN, "SDPX_EV_APT_UNKNOWN", "apt names a payload type not in the m= line"},
    {SDPX_EV_GROUP_MID_UNKNOWN, "SDPX_EV_GROUP_MID_UNKNOWN", "group names an unknown mid"},
    {SDPX_EV_MID_DUPLICATE, "SDPX_EV_MID_DUPLICATE", "mid used by two media sections"},
    {SDPX_EV_SIMULCAST_RID_UNKNOWN, "SDPX_EV_SIMULCAST_RID_UNKNOWN", "simulcast names an unknown rid"},
    {SDPX_EV_SIMULCAST_RID_DIRECTION, "SDPX_EV_SIMULCAST_RID_DIRECTION",
     "simulcast direction differs from the rid's"},
    {SDPX_EV_RID_PT_UNKNOWN, "SDPX_EV_RID_PT_UNKNOWN", "rid names a payload type not in the m= line"},
    {SDPX_EV_RID_DUPLICATE, "SDPX_EV_RID_DUPLICATE", "rid id used twice in a section"},
    {SDPX_EV_SSRC_GROUP_MEMBER, "SDPX_EV_SSRC_GROUP_MEMBER", "ssrc-group member has no a=ssrc line"},
    {SDPX_EV_EXTMAP_DUPLICATE, "SDPX_EV_EXTMAP_DUPLICATE", "extmap id used twice in a section"},
    {SDPX_EV_NO_FINGERPRINT, "SDPX_EV_NO_FINGERPRINT", "DTLS media section without a fingerprint"},
    {SDPX_EV_NO_SETUP, "SDPX_EV_NO_SETUP", "DTLS media section without a=setup"},
    {SDPX_EV_NO_ICE_UFRAG, "SDPX_EV_NO_ICE_UFRAG", "media section without an ICE ufrag"},
    {SDPX_EV_NO_ICE_PWD, "SDPX_EV_NO_ICE_PWD", "media section without an ICE password"},
    {SDPX_EV_ICE_UFRAG_LENGTH, "SDPX_EV_ICE_UFRAG_LENGTH", "ICE ufrag not 4-256 ice-chars"},
    {SDPX_EV_ICE_PWD_LENGTH, "SDPX_EV_ICE_PWD_LENGTH", "ICE password not 22-256 ice-chars"},
    {SDPX_EV_RTPMAP_DUPLICATE, "SDPX_EV_RTPMAP_DUPLICATE", "payload type mapped twice"},
    {SDPX_EV_SSRC_GROUP_DUPLICATE, "SDPX_EV_SSRC_GROUP_DUPLICATE", "SSRC listed twice in a group"},
    {SDPX_EV_DIRECTION_DUPLICATE, "SDPX_EV_DIRECTION_DUPLICATE", "two direction attributes at one level"},
    {SDPX_EV_PT_NO_RTPMAP, "SDPX_EV_PT_NO_RTPMAP", "dynamic payload type without a=rtpmap"},
    {SDPX_EV_FMTP_VALUE, "SDPX_EV_FMTP_VALUE", "codec parameter breaks its payload format"},
    {SDPX_EJSON, "SDPX_EJSON", "malformed JSON"},
    {SDPX_EJSON_SHAPE, "SDPX_EJSON_SHAPE", "JSON does not fit the sdp-transform shape"},
    {SDPX_EJSEP_STATE, "SDPX_EJSEP_STATE", "step not allowed in this signaling state"},
    {SDPX_EJSEP_SECTIONS, "SDPX_EJSEP_SECTIONS", "media sections do not match the offer"},
    {SDPX_EJSEP_MID, "SDPX_EJSEP_MID", "mid differs from the offer's"},
    {SDPX_EJSEP_KIND, "SDPX_EJSEP_KIND", "media kind differs from the offer's"},
    {SDPX_EJSEP_REJECTED, "SDPX_EJSEP_REJECTED", "answer accepts a section the offer rejected"},
    {SDPX_EJSEP_SETUP, "SDPX_EJSEP_SETUP", "answer with a=setup:actpass"},
    {SDPX_EJSEP_BUNDLE, "SDPX_EJSEP_BUNDLE", "answer bundles a mid the offer did not"},
    {SDPX_EJSEP_ORIGIN, "SDPX_EJSEP_ORIGIN", "sess-id differs from the previous description"},
    {SDPX_EJSEP_VERSION, "SDPX_EJSEP_VERSION", "content changed without a new sess-version"},
    {SDPX_EJSEP_NOORIGIN, "SDPX_EJSEP_NOORIGIN", "no decodable o= line"},
    {SDPX_W_LF, "SDPX_W_LF", "line ends with LF instead of CRLF"},
    {SDPX_W_NO_FINAL_EOL, "SDPX_W_NO_FINAL_EOL", "last line has no line ending"},
    {SDPX_W_BLANK_LINE, "SDPX_W_BLANK_LINE", "blank line"},
    {SDPX_W_TRAILING_SPACE, "SDPX_W_TRAILING_SPACE", "trailing whitespace"},
    {SDPX_W_MISSING_ORIGIN, "SDPX_W_MISSING_ORIGIN", "no o= line"},
    {SDPX_W_MISSING_NAME, "SDPX_W_MISSING_NAME", "no s= line"},
    {SDPX_W_MISSING_TIMING, "SDPX_W_MISSING_TIMING", "no t= line"},
    {SDPX_W_ORDER, "SDPX_W_ORDER", "line out of order"},
    {SDPX_W_UNKNOWN_TYPE, "SDPX_W_UNKNOWN_TYPE", "unknown line type"},
    {SDPX_W_ATTR_NAME, "SDPX_W_ATTR_NAME", "attribute name is not a token"},
    {SDPX_W_DUPLICATE, "SDPX_W_DUPLICATE", "line appears more than once"},
    {SDPX_W_NO_FORMAT, "SDPX_W_NO_FORMAT", "m= line without formats"},
    {SDPX_W_ATTR_VALUE, "SDPX_W_ATTR_VALUE", "attribute value does not decode"},
    {SDPX_W_SCOPE, "SDPX_W_SCOPE", "attribute at a level it is not defined for"},
    {SDPX_W_FIELD, "SDPX_W_FIELD", "malformed field kept as text"},
    {SDPX_W_ORIGIN_FIELDS, "SDPX_W_ORIGIN_FIELDS", "o= line with fewer than six fields"},
    {SDPX_W_CONNECTION_FIELDS, "SDPX_W_CONNECTION_FIELDS", "c= line with fewer than three fields"},
    {SDPX_W_INDENT, "SDPX_W_INDENT", "indented line"},
    {SDPX_W_UNTYPED_LINE, "SDPX_W_UNTYPED_LINE", "line without a type kept as text"},
    {SDPX_W_NO_VERSION, "SDPX_W_NO_VERSION", "description does not start with v="},
    {SDPX_W_VERSION_VALUE, "SDPX_W_VERSION_VALUE", "v= value is not 0"},
    {SDPX_W_ZONE_ID, "SDPX_W_ZONE_ID", "IPv6 address with a zone id"},
    /* negotiation (sdp.h section 9) */
    {SDPX_EN_NO_CODEC, "SDPX_EN_NO_CODEC", "no common codec"},
    {SDPX_EN_PROTO, "SDPX_EN_PROTO", "transport protocol not supported"},
    {SDPX_EN_NO_FINGERPRINT, "SDPX_EN_NO_FINGERPRINT", "DTLS offered without a fingerprint"},
    {SDPX_EN_KIND, "SDPX_EN_KIND", "no local capabilities for this media kind"},
    {SDPX_EN_SETUP, "SDPX_EN_SETUP", "offered a=setup cannot be answered"},
    {SDPX_EN_NO_DATA, "SDPX_EN_NO_DATA", "data channels not supported locally"},
    {SDPX_EN_LOCAL_FINGERPRINT, "SDPX_EN_LOCAL_FINGERPRINT", "no local fingerprint for DTLS"},
    {SDPX_EN_CAPS, "SDPX_EN_CAPS", "capabilities cannot be read"},
    {SDPX_EN_V_SECTIONS, "SDPX_EN_V_SECTIONS", "answer sections differ from the offer's"},
    {SDPX_EN_V_MID, "SDPX_EN_V_MID", "answer mid differs from the offer's"},
    {SDPX_EN_V_CODEC, "SDPX_EN_V_CODEC", "payload type not offered or remapped"},
    {SDPX_EN_V_PARTNER, "SDPX_EN_V_PARTNER", "RTX/RED/FEC without its primary codec"},
    {SDPX_EN_V_FMTP, "SDPX_EN_V_FMTP", "fmtp incompatible with the offer's"},
    {SDPX_EN_V_RTCP_FB, "SDPX_EN_V_RTCP_FB", "rtcp-fb not offered"},
    {SDPX_EN_V_EXTMAP, "SDPX_EN_V_EXTMAP", "header extension not offered with that id"},
    {SDPX_EN_V_DIRECTION, "SDPX_EN_V_DIRECTION", "direction not allowed by the offer"},
    {SDPX_EN_V_SETUP, "SDPX_EN_V_SETUP", "a=setup does not answer the offer's"},
    {SDPX_EN_V_ICE, "SDPX_EN_V_ICE", "ICE credentials missing or copied from the offer"},
    {SDPX_EN_V_BUNDLE, "SDPX_EN_V_BUNDLE", "BUNDLE names a rejected or unbundled section"},
    {SDPX_EN_V_SIMULCAST, "SDPX_EN_V_SIMULCAST", "simulcast or rid does not mirror the offer"},
    {SDPX_EN_V_SCTP, "SDPX_EN_V_SCTP", "data channel not answered in the offer's form"},
    {SDPX_EN_V_ACCEPTED, "SDPX_EN_V_ACCEPTED", "section rejected in the offer is accepted"},
    {SDPX_EN_V_PROTO, "SDPX_EN_V_PROTO", "answer proto differs from the offer's"},
    {SDPX_EN_V_FINGERPRINT, "SDPX_EN_V_FINGERPRINT", "DTLS answer section without a fingerprint"},
    {SDPX_EN_V_RTCP_MUX, "SDPX_EN_V_RTCP_MUX", "rtcp-mux answered against the offer"},
};

static const code_row *find_code(int code)
{
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (codes[i].code == code)
            return &codes[i];
    return NULL;
}

const char *sdpx_strerror(int code)
{
    const code_row *r = find_code(code);
    return r ? r->text : "unknown error code";
}

const char *sdpx_code_name(int code)
{
    const code_row *r = find_code(code);
    return r ? r->name : "SDPX_UNKNOWN_CODE";
}

void sdpxi_error_set(sdpx_error *e, int code, unsigned line, unsigned col,
                     const char *fmt, ...)
{
    if (!e)
        return;
    e->code = code;
    e->line = line;
    e->col = col;
    e->need = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
}

size_t sdpxi_quote(char *dst, size_t cap, sdpx_str s, size_t max)
{
    static const char hex[] = "0123456789abcdef";
    size_t o = 0;
    if (cap == 0)
        return 0;
    for (size_t i = 0; i < s.len && i < max; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
            if (o + 1 >= cap)
                break;
            dst[o++] = (char)c;
        } else {
            if (o + 4 >= cap)
                break;
            dst[o++] = '\\';
            dst[o++] = 'x';
            dst[o++] = hex[c >> 4];
            dst[o++] = hex[c & 15];
        }
    }
    if (s.len > max && o + 3 < cap) {
        memcpy(dst + o, "...", 3);
        o += 3;
    }
    dst[o] = '\0';
    return o;
}

int sdpxi_bad_set(sdpxi_bad *bad, sdpx_str value, sdpx_str tok, int code, const char *what,
                  const char *why)
{
    if (bad) {
        bad->off = tok.ptr >= value.ptr && tok.ptr <= value.ptr + value.len
                       ? (size_t)(tok.ptr - value.ptr)
                       : 0;
        bad->len = tok.len;
        bad->what = what;
        bad->why = why;
    }
    return code;
}

int sdpxi_bad_report(const sdpxi_bad *bad, sdpx_str value, size_t *off, char *msg, size_t cap)
{
    *off = bad->off;
    if (cap == 0)
        return SDPX_EVALUE; /* the caller wants no message */
    if (bad->len == 0) {
        snprintf(msg, cap, "%s %s", bad->what, bad->why);
    } else {
        char q[64];
        sdpxi_quote(q, sizeof q, sdpxi_str(value.ptr + bad->off, bad->len), 40);
        snprintf(msg, cap, "%s \"%s\" %s", bad->what, q, bad->why);
    }
    return SDPX_EVALUE;
}
