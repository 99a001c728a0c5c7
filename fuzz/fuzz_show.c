/* Everything `sdpx show` reads (tools/cmd_show.c), through the same library
 * accessors, without the printing. The first byte picks the parse mode
 * (bit 0 strict). Properties, for every input that parses: every view an
 * accessor returns can be read whole (ASan checks each byte); the scoped
 * lookups (fingerprints by index, candidates, rtcp-fb of a codec, extmaps)
 * end within the lines they may look at (the section's, and the session's
 * where they inherit); each codec of the codec view is
 * found again by its payload type; every direction and setup role has a
 * name; a BUNDLE group found for a mid contains it. */
#include "common.h"

static unsigned sink;

static void touch(sdpx_str v) { sink += fuzz_touch(v); }

/* The session-level or media-level lines show prints by kind. */
static void level_attrs(const sdpx_line *(*at)(const void *, size_t), const void *owner, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const sdpx_line *l = at(owner, i);
        sdpx_str v = sdpx_attr_value(l);
        touch(v);
        switch (sdpx_line_kind(l)) {
        case SDPX_ATTR_SSRC: {
            sdpx_ssrc x;
            if (sdpx_ssrc_parse(v, &x) == 0) {
                touch(x.attribute);
                touch(x.value);
            }
            break;
        }
        case SDPX_ATTR_MSID_SEMANTIC: {
            sdpx_msid_semantic ms;
            if (sdpx_msid_semantic_parse(v, &ms) == 0) {
                touch(ms.semantic);
                touch(ms.ids);
            }
            break;
        }
        default:
            break;
        }
    }
}

static const sdpx_line *session_at(const void *s, size_t i) { return sdpx_session_line(s, i); }
static const sdpx_line *media_at(const void *m, size_t i) { return sdpx_media_line(m, i); }

static void show_media(const sdpx_session *s, const sdpx_media *m)
{
    size_t nlines = sdpx_media_line_count(m), guard;
    sdpx_mline ml;
    if (sdpx_media_mline(m, &ml) != 0)
        return; /* show prints "malformed m= line" and nothing else */
    touch(ml.media);
    touch(ml.proto);
    touch(ml.formats);
    /* mid and BUNDLE */
    sdpx_str mid, first;
    if (sdpx_media_mid(m, &mid) == 0) {
        touch(mid);
        sdpx_group g;
        if (sdpx_session_group_of(s, "BUNDLE", mid, &g) == 0) {
            sdpx_str rest = g.ids;
            int found = 0;
            guard = 0;
            while (sdpx_group_id_next(&rest, &first) == 1) {
                touch(first);
                found |= fuzz_str_same(first, mid);
                fuzz_assert(++guard <= g.ids.len);
            }
            if (!found)
                fuzz_fail("BUNDLE group of mid \"%.*s\" does not list it", (int)mid.len, mid.ptr);
        }
    }
    (void)sdpx_media_find_attr(m, SDPX_ATTR_BUNDLE_ONLY, NULL);
    fuzz_assert(sdpx_direction_name(sdpx_media_direction(m)) != NULL);
    sdpx_connection c;
    if (sdpx_media_connection(m, &c) == 0) {
        touch(c.nettype);
        touch(c.addrtype);
        touch(c.address);
    }
    /* ICE and DTLS, session fallback included */
    sdpx_str v;
    sdpx_fingerprint fp;
    sdpx_setup setup;
    if (sdpx_media_ice_ufrag(m, &v) == 0)
        touch(v);
    if (sdpx_media_ice_pwd(m, &v) == 0)
        touch(v);
    if (sdpx_media_ice_options(m, &v) == 0)
        touch(v);
    size_t limit = nlines + sdpx_session_line_count(s);
    for (size_t i = 0; sdpx_media_fingerprint(m, i, &fp) == 0; i++) {
        touch(fp.hash_name);
        touch(fp.hex);
        fuzz_assert(fp.len <= SDPX_FINGERPRINT_MAX);
        fuzz_assert(i < limit);
    }
    if (sdpx_media_setup(m, &setup) == 0)
        fuzz_assert(sdpx_setup_name(setup) != NULL);
    /* candidates */
    guard = 0;
    for (const sdpx_line *l = sdpx_media_find_attr(m, SDPX_ATTR_CANDIDATE, NULL); l;
         l = sdpx_media_find_attr(m, SDPX_ATTR_CANDIDATE, l)) {
        fuzz_assert(++guard <= nlines);
        sdpx_candidate cd;
        sdpx_str av = sdpx_attr_value(l);
        if (sdpx_candidate_parse(av.ptr, av.len, &cd) == 0) {
            touch(cd.type_name);
            touch(cd.transport);
        }
    }
    (void)sdpx_media_find_attr(m, SDPX_ATTR_END_OF_CANDIDATES, NULL);
    /* codecs, in m= line order, with their rtcp-fb lines */
    size_t nc = sdpx_media_codec_count(m);
    for (size_t i = 0; i < nc; i++) {
        sdpx_codec cc, again;
        if (sdpx_media_codec(m, i, &cc) != 0)
            continue;
        touch(cc.encoding);
        touch(cc.params.params);
        if (sdpx_media_codec_find(m, cc.payload_type, &again) != 0)
            fuzz_fail("codec %u not found by payload type", cc.payload_type);
        guard = 0;
        for (const sdpx_line *l = sdpx_codec_rtcp_fb_next(m, &cc, NULL); l;
             l = sdpx_codec_rtcp_fb_next(m, &cc, l)) {
            fuzz_assert(++guard <= nlines);
            sdpx_rtcp_fb fb;
            if (sdpx_rtcp_fb_parse(sdpx_attr_value(l), &fb) == 0) {
                touch(fb.type);
                touch(fb.subtype);
            }
        }
    }
    guard = 0;
    for (const sdpx_line *l = sdpx_media_extmap_next(m, NULL); l; l = sdpx_media_extmap_next(m, l)) {
        fuzz_assert(++guard <= limit); /* the session's extmaps apply when the section has none */
        touch(sdpx_attr_value(l));
    }
    level_attrs(media_at, m, nlines);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = (data[0] & 1u) ? SDPX_PARSE_STRICT : 0;
    char *buf = fuzz_dup(data + 1, size - 1);
    sdpx_session *s = NULL;
    if (sdpx_parse(buf, size - 1, &opt, &s, NULL) == 0) {
        sdpx_origin o;
        sdpx_str name;
        if (sdpx_session_origin(s, &o) == 0) {
            touch(o.username);
            touch(o.sess_id);
            touch(o.sess_version);
        }
        if (sdpx_session_name(s, &name) == 0)
            touch(name);
        level_attrs(session_at, s, sdpx_session_line_count(s));
        size_t guard = 0;
        for (const sdpx_line *l = sdpx_session_find_attr(s, SDPX_ATTR_MSID_SEMANTIC, NULL); l;
             l = sdpx_session_find_attr(s, SDPX_ATTR_MSID_SEMANTIC, l))
            fuzz_assert(++guard <= sdpx_session_line_count(s));
        for (size_t i = 0; i < sdpx_session_media_count(s); i++)
            show_media(s, sdpx_session_media(s, i));
        sdpx_session_free(s);
    }
    free(buf);
    return 0;
}
