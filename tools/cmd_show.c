/* sdpx show FILE|-: a readable summary of a description for debugging a
 * call: session-level ICE/DTLS, then each media section's identity,
 * transport, codecs, streams and data channel parameters. */
#include "tool.h"

#include <stdlib.h>
#include <string.h>

/* Print "  <label>: <value>" for a view. */
static void put_field(const char *label, sdpx_str v)
{
    printf("  %s: %.*s\n", label, (int)v.len, v.ptr);
}

/* Print "  <label>: <value>" for every attribute of `kind` among lines [first, n). */
typedef const sdpx_line *(*line_at_fn)(const void *owner, size_t i);

static const sdpx_line *session_line_at(const void *s, size_t i)
{
    return sdpx_session_line(s, i);
}

static const sdpx_line *media_line_at(const void *m, size_t i)
{
    return sdpx_media_line(m, i);
}

/* The lines of one level: the session's own, or a media section's. */
typedef struct {
    const void *owner;
    size_t n;
    line_at_fn at;
} level;

static void show_attrs(const level *lv, sdpx_attr_kind kind, const char *label)
{
    for (size_t i = 0; i < lv->n; i++) {
        const sdpx_line *l = lv->at(lv->owner, i);
        if (sdpx_line_kind(l) == kind)
            put_field(label, sdpx_attr_value(l));
    }
}

static int has_attr(const level *lv, sdpx_attr_kind kind)
{
    for (size_t i = 0; i < lv->n; i++)
        if (sdpx_line_kind(lv->at(lv->owner, i)) == kind)
            return 1;
    return 0;
}

/* ICE and DTLS parameters written at this level (not the inherited ones). */
static void show_transport(const level *lv)
{
    for (size_t i = 0; i < lv->n; i++) {
        const sdpx_line *l = lv->at(lv->owner, i);
        sdpx_str v = sdpx_attr_value(l);
        switch (sdpx_line_kind(l)) {
        case SDPX_ATTR_ICE_UFRAG: put_field("ice-ufrag", v); break;
        case SDPX_ATTR_ICE_PWD: printf("  ice-pwd: %zu chars\n", v.len); break;
        case SDPX_ATTR_ICE_OPTIONS: put_field("ice-options", v); break;
        case SDPX_ATTR_ICE_LITE: printf("  ice-lite\n"); break;
        case SDPX_ATTR_FINGERPRINT: put_field("fingerprint", v); break;
        case SDPX_ATTR_SETUP: put_field("setup", v); break;
        case SDPX_ATTR_TLS_ID: put_field("tls-id", v); break;
        default: break;
        }
    }
}

/* The ICE and DTLS parameters that apply to a section, session fallback included. */
static void show_media_transport(const sdpx_media *m)
{
    sdpx_str v;
    sdpx_fingerprint fp;
    sdpx_setup setup;
    if (sdpx_media_ice_ufrag(m, &v) == 0)
        put_field("ice-ufrag", v);
    if (sdpx_media_ice_pwd(m, &v) == 0)
        printf("  ice-pwd: %zu chars\n", v.len);
    if (sdpx_media_ice_options(m, &v) == 0)
        put_field("ice-options", v);
    /* RFC 8122 5: the section's fingerprints, else the session's; each line
     * visited once (sdpx_media_fingerprint(m, i) walks them again per i) */
    const sdpx_session *s = sdpx_media_session(m);
    int here = sdpx_media_find_attr(m, SDPX_ATTR_FINGERPRINT, NULL) != NULL;
    for (const sdpx_line *l = NULL;
         (l = here ? sdpx_media_find_attr(m, SDPX_ATTR_FINGERPRINT, l)
                   : sdpx_session_find_attr(s, SDPX_ATTR_FINGERPRINT, l)) != NULL;) {
        if (sdpx_fingerprint_parse(sdpx_attr_value(l), &fp) != 0)
            break; /* as before: the walk stops at a malformed one */
        printf("  fingerprint: %.*s %.*s\n", (int)fp.hash_name.len, fp.hash_name.ptr,
               (int)fp.hex.len, fp.hex.ptr);
    }
    if (sdpx_media_setup(m, &setup) == 0)
        printf("  setup: %s\n", sdpx_setup_name(setup));
}

/* Candidates counted by type and transport, in order of first appearance. */
static void show_candidates(const sdpx_media *m)
{
    struct {
        sdpx_str type, transport;
        unsigned count;
    } seen[16];
    size_t nseen = 0;
    unsigned total = 0, bad = 0;
    for (const sdpx_line *l = sdpx_media_find_attr(m, SDPX_ATTR_CANDIDATE, NULL); l;
         l = sdpx_media_find_attr(m, SDPX_ATTR_CANDIDATE, l)) {
        sdpx_candidate c;
        sdpx_str v = sdpx_attr_value(l);
        total++;
        if (sdpx_candidate_parse(v.ptr, v.len, &c) != 0) {
            bad++;
            continue;
        }
        size_t k;
        for (k = 0; k < nseen; k++)
            if (seen[k].type.len == c.type_name.len &&
                !memcmp(seen[k].type.ptr, c.type_name.ptr, c.type_name.len) &&
                seen[k].transport.len == c.transport.len &&
                !memcmp(seen[k].transport.ptr, c.transport.ptr, c.transport.len))
                break;
        if (k == nseen) {
            if (nseen == sizeof seen / sizeof seen[0]) {
                bad++;
                continue;
            }
            seen[nseen].type = c.type_name;
            seen[nseen].transport = c.transport;
            seen[nseen].count = 0;
            nseen++;
        }
        seen[k].count++;
    }
    if (!total)
        return;
    printf("  candidates: %u", total);
    for (size_t k = 0; k < nseen; k++)
        printf("%s%.*s/%.*s %u", k ? ", " : " (", (int)seen[k].type.len, seen[k].type.ptr,
               (int)seen[k].transport.len, seen[k].transport.ptr, seen[k].count);
    if (bad)
        printf("%sother %u", nseen ? ", " : " (", bad);
    printf("%s\n", nseen || bad ? ")" : "");
    if (sdpx_media_find_attr(m, SDPX_ATTR_END_OF_CANDIDATES, NULL))
        printf("  end-of-candidates\n");
}

static void show_codecs(const sdpx_media *m)
{
    size_t n = sdpx_media_codec_count(m);
    for (size_t i = 0; i < n; i++) {
        sdpx_codec c;
        if (sdpx_media_codec(m, i, &c)) {
            printf("  codec ?: not a payload type\n");
            continue;
        }
        printf("  codec %u: ", c.payload_type);
        if (c.encoding.len) {
            printf("%.*s/%lu", (int)c.encoding.len, c.encoding.ptr, (unsigned long)c.clock_rate);
            if (c.channels && !c.is_static)
                printf("/%u", c.channels);
            if (c.is_static)
                printf(" (static)");
        } else {
            printf("no rtpmap");
        }
        if (c.fmtp)
            printf("; fmtp %.*s", (int)c.params.params.len, c.params.params.ptr);
        if (c.has_rtx)
            printf("; rtx %u", c.rtx_payload_type);
        const char *sep = "; rtcp-fb ";
        for (const sdpx_line *l = sdpx_codec_rtcp_fb_next(m, &c, NULL); l;
             l = sdpx_codec_rtcp_fb_next(m, &c, l)) {
            sdpx_rtcp_fb fb;
            if (sdpx_rtcp_fb_parse(sdpx_attr_value(l), &fb))
                continue;
            printf("%s%.*s%s%.*s", sep, (int)fb.type.len, fb.type.ptr, fb.subtype.len ? " " : "",
                   (int)fb.subtype.len, fb.subtype.ptr);
            sep = ", ";
        }
        printf("\n");
    }
}

static void show_bundle(const sdpx_media *m)
{
    sdpx_str mid, first;
    sdpx_group g;
    const sdpx_session *s = sdpx_media_session(m);
    if (sdpx_media_mid(m, &mid))
        return;
    printf("  mid: %.*s", (int)mid.len, mid.ptr);
    if (sdpx_session_group_of(s, "BUNDLE", mid, &g) == 0) {
        sdpx_str rest = g.ids;
        int tagged = sdpx_group_id_next(&rest, &first) == 1 && first.len == mid.len &&
                     !memcmp(first.ptr, mid.ptr, mid.len);
        printf(" (BUNDLE%s)", tagged ? ", tagged" : "");
    }
    if (sdpx_media_find_attr(m, SDPX_ATTR_BUNDLE_ONLY, NULL))
        printf(" bundle-only");
    printf("\n");
}

static void show_streams(const level *lv)
{
    show_attrs(lv, SDPX_ATTR_MSID, "msid");
    for (size_t i = 0; i < lv->n; i++) {
        const sdpx_line *l = lv->at(lv->owner, i);
        sdpx_str v = sdpx_attr_value(l);
        switch (sdpx_line_kind(l)) {
        case SDPX_ATTR_SSRC: {
            sdpx_ssrc x;
            if (sdpx_ssrc_parse(v, &x) == 0)
                printf("  ssrc %lu: %.*s%s%.*s\n", (unsigned long)x.id, (int)x.attribute.len,
                       x.attribute.ptr, x.has_value ? " " : "", (int)x.value.len, x.value.ptr);
            break;
        }
        case SDPX_ATTR_SSRC_GROUP: put_field("ssrc-group", v); break;
        case SDPX_ATTR_RID: put_field("rid", v); break;
        case SDPX_ATTR_SIMULCAST: put_field("simulcast", v); break;
        default: break;
        }
    }
}

static void show_sctp(const level *lv)
{
    for (size_t i = 0; i < lv->n; i++) {
        const sdpx_line *l = lv->at(lv->owner, i);
        sdpx_str v = sdpx_attr_value(l);
        switch (sdpx_line_kind(l)) {
        case SDPX_ATTR_SCTP_PORT: put_field("sctp-port", v); break;
        case SDPX_ATTR_MAX_MESSAGE_SIZE: put_field("max-message-size", v); break;
        case SDPX_ATTR_SCTPMAP: put_field("sctpmap", v); break;
        default: break;
        }
    }
}

/* What the section's direction means: port 0 rejects or disables it (RFC
 * 3264 6, 8.2) unless it is bundle-only (RFC 8843 6); c=0.0.0.0 without ICE
 * is the old SIP hold (RFC 3264 8.4); a data channel (SCTP) has none. */
static void show_direction(const sdpx_media *m, const sdpx_mline *ml, const sdpx_connection *c)
{
    int sctp = ml->proto.len >= 4 && !memcmp(ml->proto.ptr + ml->proto.len - 4, "SCTP", 4);
    int bundle_only = sdpx_media_find_attr(m, SDPX_ATTR_BUNDLE_ONLY, NULL) != NULL;
    sdpx_str ufrag;
    if (ml->port == 0 && !bundle_only) {
        printf("  direction: none (port 0: rejected or disabled, RFC 3264 6)\n");
        return;
    }
    if (sctp)
        return;
    const char *d = sdpx_direction_name(sdpx_media_direction(m));
    if (c && sdpx_str_eq(c->address, "0.0.0.0") && sdpx_media_ice_ufrag(m, &ufrag) != 0)
        printf("  direction: %s (on hold: c=%.*s 0.0.0.0, RFC 3264 8.4)\n", d,
               (int)c->addrtype.len, c->addrtype.ptr);
    else
        printf("  direction: %s\n", d);
}

static void show_media(const sdpx_media *m)
{
    level lv = {m, sdpx_media_line_count(m), media_line_at};
    sdpx_mline ml;
    if (sdpx_media_mline(m, &ml)) {
        printf("media %zu: malformed m= line\n", sdpx_media_index(m));
        return;
    }
    printf("media %zu: %.*s port %u %.*s\n", sdpx_media_index(m), (int)ml.media.len,
           ml.media.ptr, (unsigned)ml.port, (int)ml.proto.len, ml.proto.ptr);
    show_bundle(m);
    sdpx_connection c;
    int has_c = sdpx_media_connection(m, &c) == 0;
    show_direction(m, &ml, has_c ? &c : NULL);
    if (has_c)
        printf("  connection: %.*s %.*s %.*s\n", (int)c.nettype.len, c.nettype.ptr,
               (int)c.addrtype.len, c.addrtype.ptr, (int)c.address.len, c.address.ptr);
    show_media_transport(m);
    show_candidates(m);
    show_attrs(&lv, SDPX_ATTR_RTCP, "rtcp");
    if (has_attr(&lv, SDPX_ATTR_RTCP_MUX))
        printf("  rtcp-mux\n");
    if (sdpx_media_codec_count(m) == 0 && ml.formats.len)
        put_field("formats", ml.formats);
    show_codecs(m);
    for (const sdpx_line *l = sdpx_media_extmap_next(m, NULL); l; l = sdpx_media_extmap_next(m, l))
        put_field("extmap", sdpx_attr_value(l));
    show_streams(&lv);
    show_sctp(&lv);
}

int cmd_show(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: sdpx show FILE|-\n");
        return TOOL_USAGE;
    }
    sdpx_session *s = NULL;
    if (tool_parse_file(argv[1], &s))
        return TOOL_FAIL;
    level lv = {s, sdpx_session_line_count(s), session_line_at};
    sdpx_origin o;
    sdpx_str name;
    printf("session\n");
    if (sdpx_session_origin(s, &o) == 0)
        printf("  origin: %.*s %.*s %.*s\n", (int)o.username.len, o.username.ptr,
               (int)o.sess_id.len, o.sess_id.ptr, (int)o.sess_version.len, o.sess_version.ptr);
    if (sdpx_session_name(s, &name) == 0)
        put_field("name", name);
    show_attrs(&lv, SDPX_ATTR_GROUP, "group");
    show_transport(&lv);
    for (const sdpx_line *l = sdpx_session_find_attr(s, SDPX_ATTR_MSID_SEMANTIC, NULL); l;
         l = sdpx_session_find_attr(s, SDPX_ATTR_MSID_SEMANTIC, l)) {
        sdpx_msid_semantic ms;
        if (sdpx_msid_semantic_parse(sdpx_attr_value(l), &ms) == 0)
            printf("  msid-semantic: %.*s%s%.*s\n", (int)ms.semantic.len, ms.semantic.ptr,
                   ms.ids.len ? " " : "", (int)ms.ids.len, ms.ids.ptr);
    }
    if (has_attr(&lv, SDPX_ATTR_EXTMAP_ALLOW_MIXED))
        printf("  extmap-allow-mixed\n");
    printf("  media sections: %zu\n", sdpx_session_media_count(s));
    for (size_t i = 0; i < sdpx_session_media_count(s); i++)
        show_media(sdpx_session_media(s, i));
    sdpx_session_free(s);
    return TOOL_OK;
}
