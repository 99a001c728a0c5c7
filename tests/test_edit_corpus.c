/* Every edit helper on every WebRTC description of the corpus (index.tsv
 * kinds chrome, firefox, safari, edge, opera, webrtc-server,
 * webrtc-synthetic), checking the invariants:
 * - the result parses in strict mode wherever the input did;
 * - a refused edit (negative code) changes nothing;
 * - every line that keeps its original line number holds its original bytes;
 * - payload types that left an m= line leave no rtpmap/fmtp/rtcp-fb/apt;
 * - BUNDLE groups name only existing mids (where the input's did). */
#include "testutil.h"

static const char *corpus = SDPX_CORPUS_DIR;

static const char *const webrtc_kinds[] = {"chrome", "firefox", "safari", "edge", "opera",
                                           "webrtc-server", "webrtc-synthetic"};

#define MAX_FILES 512
static char *files[MAX_FILES];
static size_t nfiles;

/* Fill `files` from index.tsv; returns 0 when the corpus is absent. */
static int load_index(void)
{
    char path[1024];
    size_t len;
    snprintf(path, sizeof path, "%s/index.tsv", corpus);
    char *raw = read_file(path, &len);
    if (!raw)
        return 0;
    char *tsv = malloc(len + 1); /* read_file does not NUL-terminate */
    memcpy(tsv, raw, len);
    tsv[len] = '\0';
    free(raw);
    char *save = NULL;
    for (char *line = strtok_r(tsv, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *f[4] = {0};
        char *p = line;
        for (int i = 0; i < 4 && p; i++) {
            f[i] = p;
            p = strchr(p, '\t');
            if (p)
                *p++ = '\0';
        }
        if (!f[2] || strcmp(f[1], "valid"))
            continue;
        for (size_t k = 0; k < sizeof webrtc_kinds / sizeof webrtc_kinds[0]; k++)
            if (!strcmp(f[2], webrtc_kinds[k]) && nfiles < MAX_FILES)
                files[nfiles++] = strdup(f[0]);
    }
    free(tsv);
    return 1;
}

/* Read corpus file fi; NULL (and *text freed) when the lenient parser
 * refuses it (the core corpus suite names those files). */
static sdpx_session *open_file(size_t fi, char **text, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/valid/%s", corpus, files[fi]);
    *text = read_file(path, len);
    ck_assert_msg(*text != NULL, "cannot read %s", path);
    sdpx_session *s = NULL;
    if (sdpx_parse(*text, *len, NULL, &s, NULL)) {
        free(*text);
        return NULL;
    }
    return s;
}

/* ---- the helpers, each applied to a fresh session ---- */

typedef int (*helper_fn)(sdpx_session *s);

static sdpx_media *first_of(sdpx_session *s, const char *kind)
{
    for (size_t i = 0; i < sdpx_session_media_count(s); i++) {
        sdpx_mline ml;
        if (!sdpx_media_mline(sdpx_session_media(s, i), &ml) && sdpx_str_eq(ml.media, kind))
            return sdpx_session_media_mut(s, i);
    }
    return NULL;
}

static int x_rm_vp8(sdpx_session *s) { return sdpx_session_remove_codec(s, "VP8", NULL); }
static int x_rm_opus(sdpx_session *s) { return sdpx_session_remove_codec(s, "opus", NULL); }
static int x_rm_h264(sdpx_session *s) { return sdpx_session_remove_codec(s, "H264", "profile-level-id=42e01f"); }
static int x_rm_rtx(sdpx_session *s) { return sdpx_session_remove_codec(s, "rtx", NULL); }
static int x_keep(sdpx_session *s)
{
    const char *k[] = {"opus", "VP8", "H264", "PCMU"};
    return sdpx_session_keep_codecs(s, k, 4);
}
static int x_prefer(sdpx_session *s)
{
    const char *k[] = {"H264", "PCMA"};
    return sdpx_session_prefer_codecs(s, k, 2);
}
static int x_opus(sdpx_session *s)
{
    sdpx_media *m = first_of(s, "audio");
    if (!m)
        return 0;
    int rc = sdpx_media_set_codec_param(m, "opus", "stereo", "1");
    return rc < 0 ? rc : sdpx_media_set_codec_param(m, "opus", "maxaveragebitrate", "64000");
}
static int x_bitrate(sdpx_session *s)
{
    sdpx_media *m = first_of(s, "video");
    int rc = m ? sdpx_media_set_bandwidth(m, "AS", 800) : 0;
    return rc < 0 ? rc : sdpx_session_set_bandwidth(s, "TIAS", 2000000);
}
static int x_direction(sdpx_session *s)
{
    sdpx_media *m = sdpx_session_media_mut(s, 0);
    return m ? sdpx_media_set_direction(m, SDPX_DIR_RECVONLY) : 0;
}
static int x_hold(sdpx_session *s)
{
    for (size_t i = 0; i < sdpx_session_media_count(s); i++) {
        int rc = sdpx_media_hold(sdpx_session_media_mut(s, i));
        if (rc < 0)
            return rc;
    }
    return 0;
}
static int x_ice(sdpx_session *s) { return sdpx_session_set_ice_credentials(s, "r3st", "restartedpassword0123456"); }
static int x_add_candidate(sdpx_session *s)
{
    if (!sdpx_session_media_count(s))
        return 0;
    int rc = sdpx_session_add_candidate(s, NULL, 0, "candidate:42 1 udp 2122260223 192.0.2.9 50000 typ host");
    return rc < 0 ? rc : sdpx_session_add_candidate(s, NULL, 0, "");
}
static int x_rm_host(sdpx_session *s)
{
    sdpx_candidate_filter f = {SDPX_CF_HOST, 0, 0, 0, 0};
    return sdpx_session_remove_candidates(s, &f);
}
static int x_rm_private(sdpx_session *s)
{
    sdpx_candidate_filter f = {0, 0, 0, SDPX_CF_PRIVATE | SDPX_CF_LOOPBACK | SDPX_CF_LINK_LOCAL, 0};
    int rc = sdpx_session_remove_candidates(s, &f);
    sdpx_candidate_filter g = {0, 0, SDPX_CF_MDNS, 0, 0};
    return rc < 0 ? rc : sdpx_session_remove_candidates(s, &g);
}
static int x_setup(sdpx_session *s)
{
    int rc = sdpx_session_set_setup(s, SDPX_SETUP_ACTIVE);
    return rc == SDPX_ENOTFOUND ? 0 : rc;
}
static int x_fingerprint(sdpx_session *s)
{
    int rc = sdpx_session_set_fingerprint(
        s, "sha-256 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF");
    return rc == SDPX_ENOTFOUND ? 0 : rc;
}
static int x_reject_last(sdpx_session *s)
{
    size_t n = sdpx_session_media_count(s);
    return n ? sdpx_media_reject(sdpx_session_media_mut(s, n - 1)) : 0;
}
static int x_remove_first(sdpx_session *s)
{
    return sdpx_session_media_count(s) ? sdpx_session_media_remove(s, sdpx_session_media_mut(s, 0)) : 0;
}
static int x_move(sdpx_session *s)
{
    size_t n = sdpx_session_media_count(s);
    return n > 1 ? sdpx_session_media_move(s, sdpx_session_media_mut(s, n - 1), 0) : 0;
}
static int x_streams(sdpx_session *s)
{
    for (size_t i = 0; i < sdpx_session_media_count(s); i++) {
        int rc = sdpx_media_remove_streams(sdpx_session_media_mut(s, i));
        if (rc < 0)
            return rc;
    }
    sdpx_media *m = first_of(s, "audio");
    return m ? sdpx_media_set_msid(m, "stream0", "track0") : 0;
}
static int x_extmap(sdpx_session *s)
{
    int rc = sdpx_session_renumber_extmap(s, "urn:ietf:params:rtp-hdrext:sdes:mid", 200);
    return rc < 0 ? rc : sdpx_session_remove_extmap(s, "urn:ietf:params:rtp-hdrext:ssrc-audio-level");
}
static int x_compact(sdpx_session *s) { return sdpx_session_compact_extmap(s); }
static int x_bump(sdpx_session *s)
{
    int rc = sdpx_session_set_edit_flags(s, SDPX_EDIT_BUMP_VERSION);
    if (!rc && sdpx_session_media_count(s))
        rc = sdpx_media_attr_add(sdpx_session_media_mut(s, 0), "x-edited", "1");
    return rc;
}
static int x_redact(sdpx_session *s) { return sdpx_session_redact(s); }
/* A refused edit in the middle: the session must not change at all. */
static int x_refused(sdpx_session *s)
{
    int rc = sdpx_session_set_ice_credentials(s, "ok12", "x\r\na=evil");
    return rc == SDPX_EINVAL ? SDPX_EINVAL : -1000;
}

static const struct {
    const char *name;
    helper_fn fn;
    int codec_edit; /* 1: the payload-type invariant; 2: the default candidate; 3: redaction */
    int validated;  /* 1: no new sdpx_validate finding */
} helpers[] = {
    {"remove VP8", x_rm_vp8, 1, 1},
    {"remove opus", x_rm_opus, 1, 1},
    {"remove H264 42e01f", x_rm_h264, 1, 1},
    {"remove rtx", x_rm_rtx, 1, 1},
    {"keep codecs", x_keep, 1, 1},
    {"prefer codecs", x_prefer, 1, 1},
    {"opus params", x_opus, 0, 1},
    {"bitrate", x_bitrate, 0, 1},
    {"direction", x_direction, 0, 1},
    {"hold", x_hold, 0, 1},
    {"ICE restart", x_ice, 0, 1},
    {"add candidate", x_add_candidate, 0, 1},
    {"remove host", x_rm_host, 2, 1},
    {"remove private/mDNS", x_rm_private, 2, 1},
    {"setup", x_setup, 0, 1},
    {"fingerprint", x_fingerprint, 0, 1},
    {"reject last", x_reject_last, 0, 1},
    {"remove first", x_remove_first, 0, 1},
    {"move last first", x_move, 0, 1},
    {"streams", x_streams, 0, 1},
    {"extmap", x_extmap, 0, 1},
    {"compact extmap", x_compact, 0, 1},
    {"auto bump", x_bump, 0, 1},
    {"redact", x_redact, 3, 1},
    {"refused", x_refused, 0, 1},
};
#define NHELPERS (sizeof helpers / sizeof helpers[0])

/* ---- invariants ---- */

static int parses(const char *text, size_t len, unsigned flags)
{
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = flags;
    sdpx_session *s = NULL;
    int rc = sdpx_parse(text, len, &opt, &s, NULL);
    sdpx_session_free(s);
    return rc == 0;
}

/* Payload types of an m= line as a 128-bit set; 0 when it is not RTP. */
static int pt_set(const sdpx_media *m, uint64_t set[2])
{
    set[0] = set[1] = 0;
    size_t n = sdpx_media_codec_count(m);
    for (size_t i = 0; i < n; i++) {
        sdpx_codec c;
        if (sdpx_media_codec(m, i, &c))
            return 0;
        set[c.payload_type >> 6] |= (uint64_t)1 << (c.payload_type & 63);
    }
    return n > 0;
}

static int has_pt(const uint64_t set[2], unsigned pt) { return pt < 128 && ((set[pt >> 6] >> (pt & 63)) & 1); }

static int line_pt(const sdpx_line *l)
{
    sdpx_attr_kind k = sdpx_line_kind(l);
    if (k != SDPX_ATTR_RTPMAP && k != SDPX_ATTR_FMTP && k != SDPX_ATTR_RTCP_FB)
        return -1;
    sdpx_str rest = sdpx_attr_value(l), f;
    uint64_t v;
    if (!sdpx_field_next(&rest, &f) || sdpx_str_u64(f, &v) || v > 127)
        return -1;
    return (int)v;
}

/* A section by its mid in another session (the same section before the edit). */
static const sdpx_media *by_mid(const sdpx_session *s, const sdpx_media *m)
{
    sdpx_str mid;
    if (sdpx_media_mid(m, &mid))
        return NULL;
    return sdpx_session_media_by_mid(s, mid);
}

static void check_payload_types(const char *file, const char *helper, const sdpx_session *before,
                                const sdpx_session *after)
{
    for (size_t i = 0; i < sdpx_session_media_count(after); i++) {
        const sdpx_media *m = sdpx_session_media(after, i);
        const sdpx_media *old = by_mid(before, m);
        if (!old && sdpx_session_media_count(before) == sdpx_session_media_count(after))
            old = sdpx_session_media(before, i);
        uint64_t now[2], was[2];
        if (!old || !pt_set(m, now) || !pt_set(old, was))
            continue;
        for (size_t k = 0; k < sdpx_media_line_count(m); k++) {
            const sdpx_line *l = sdpx_media_line(m, k);
            int pt = line_pt(l);
            /* a type the edit took off the m= line must leave no line behind */
            ck_assert_msg(pt < 0 || has_pt(now, (unsigned)pt) || !has_pt(was, (unsigned)pt),
                          "%s / %s: \"%.*s\" stays for a removed payload type", file, helper,
                          (int)sdpx_line_text(l).len, sdpx_line_text(l).ptr);
            sdpx_rid rid;
            if (sdpx_line_kind(l) == SDPX_ATTR_RID && !sdpx_rid_parse(sdpx_attr_value(l), &rid) && rid.has_pts) {
                sdpx_str rest = rid.pts;
                while (rest.len) {
                    size_t n = 0;
                    uint64_t v;
                    while (n < rest.len && rest.ptr[n] != ',')
                        n++;
                    ck_assert_msg(sdpx_str_u64((sdpx_str){rest.ptr, n}, &v) || v > 127 || has_pt(now, (unsigned)v) ||
                                      !has_pt(was, (unsigned)v),
                                  "%s / %s: a=rid names removed payload type %u", file, helper, (unsigned)v);
                    rest.ptr += n < rest.len ? n + 1 : n;
                    rest.len -= n < rest.len ? n + 1 : n;
                }
            }
            sdpx_fmtp f;
            sdpx_str apt;
            if (sdpx_line_kind(l) == SDPX_ATTR_FMTP && !sdpx_fmtp_parse(sdpx_attr_value(l), &f) &&
                !sdpx_fmtp_get(&f, "apt", &apt)) {
                uint64_t a;
                ck_assert_msg(sdpx_str_u64(apt, &a) || has_pt(now, (unsigned)a) || !has_pt(was, (unsigned)a),
                              "%s / %s: apt=%.*s names a removed payload type", file, helper,
                              (int)apt.len, apt.ptr);
            }
        }
    }
}

/* 1 when a section's default (c= address, m= port) is 0.0.0.0 / :: or a
 * component-1 candidate of it (or the section has no c= or port 0). */
static int default_ok(const sdpx_media *m)
{
    sdpx_mline ml;
    const sdpx_line *cl = sdpx_media_find_line(m, 'c', NULL);
    sdpx_connection c;
    if (!cl || sdpx_media_mline(m, &ml) || ml.port == 0 || sdpx_connection_parse(sdpx_line_value(cl), &c))
        return 1;
    if (sdpx_str_eq(c.address, "0.0.0.0") || sdpx_str_eq(c.address, "::"))
        return 1;
    for (const sdpx_line *l = sdpx_media_find_attr(m, SDPX_ATTR_CANDIDATE, NULL); l;
         l = sdpx_media_find_attr(m, SDPX_ATTR_CANDIDATE, l)) {
        sdpx_candidate k;
        sdpx_str v = sdpx_attr_value(l);
        if (!sdpx_candidate_parse(v.ptr, v.len, &k) && k.component == 1 && k.port == ml.port &&
            k.address.len == c.address.len && !memcmp(k.address.ptr, c.address.ptr, k.address.len))
            return 1;
    }
    return 0;
}

static void check_defaults(const char *file, const char *helper, const sdpx_session *before,
                           const sdpx_session *after)
{
    for (size_t i = 0; i < sdpx_session_media_count(after) && i < sdpx_session_media_count(before); i++)
        if (default_ok(sdpx_session_media(before, i)))
            ck_assert_msg(default_ok(sdpx_session_media(after, i)),
                          "%s / %s: section %zu: c=/m= name a removed candidate", file, helper, i);
}

/* After redaction: every candidate address is a placeholder (or 0.0.0.0,
 * ::, loopback), every ice-pwd one too. */
static int placeholder_addr(sdpx_str a)
{
    static const char *const prefixes[] = {"192.0.2.", "198.18.", "2001:db8::", "redacted-", "host-"};
    if (sdpx_str_eq(a, "0.0.0.0") || sdpx_str_eq(a, "::") || sdpx_str_eq(a, "127.0.0.1") ||
        sdpx_str_eq(a, "::1"))
        return 1;
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (a.len >= strlen(prefixes[i]) && !memcmp(a.ptr, prefixes[i], strlen(prefixes[i])))
            return 1;
    return 0;
}

static void check_redacted(const char *file, const sdpx_session *s)
{
    for (size_t i = 0; i < sdpx_session_media_count(s); i++) {
        const sdpx_media *m = sdpx_session_media(s, i);
        for (size_t k = 0; k < sdpx_media_line_count(m); k++) {
            const sdpx_line *l = sdpx_media_line(m, k);
            sdpx_str v = sdpx_attr_value(l);
            sdpx_candidate c;
            if (sdpx_line_kind(l) == SDPX_ATTR_CANDIDATE && !sdpx_candidate_parse(v.ptr, v.len, &c))
                ck_assert_msg(placeholder_addr(c.address) && (!c.has_raddr || placeholder_addr(c.raddr)),
                              "%s / redact: \"%.*s\" keeps an address", file, (int)sdpx_line_text(l).len,
                              sdpx_line_text(l).ptr);
            if (sdpx_line_kind(l) == SDPX_ATTR_ICE_PWD)
                ck_assert_msg(v.len >= 16 && !memcmp(v.ptr, "redactedpassword", 16), "%s / redact: ice-pwd kept",
                              file);
        }
    }
}

/* 1 when every id of every a=group names a section's mid. */
static int groups_ok(const sdpx_session *s)
{
    for (const sdpx_line *l = sdpx_session_find_attr(s, SDPX_ATTR_GROUP, NULL); l;
         l = sdpx_session_find_attr(s, SDPX_ATTR_GROUP, l)) {
        sdpx_group g;
        if (sdpx_group_parse(sdpx_attr_value(l), &g))
            continue;
        sdpx_str rest = g.ids, id;
        while (sdpx_group_id_next(&rest, &id))
            if (!sdpx_session_media_by_mid(s, id))
                return 0;
    }
    return 1;
}

/* Every line still numbered holds its original bytes. */
static void check_untouched(const char *file, const char *helper, const sdpx_session *before,
                            const sdpx_session *after)
{
    size_t total = sdpx_session_line_count(before);
    for (size_t i = 0; i < sdpx_session_media_count(before); i++)
        total += sdpx_media_line_count(sdpx_session_media(before, i));
    const sdpx_line **orig = calloc(total + 2, sizeof *orig);
    for (size_t i = 0; i < sdpx_session_line_count(before); i++) {
        const sdpx_line *l = sdpx_session_line(before, i);
        if (sdpx_line_number(l) <= total + 1)
            orig[sdpx_line_number(l)] = l;
    }
    for (size_t i = 0; i < sdpx_session_media_count(before); i++) {
        const sdpx_media *m = sdpx_session_media(before, i);
        for (size_t k = 0; k < sdpx_media_line_count(m); k++) {
            const sdpx_line *l = sdpx_media_line(m, k);
            if (sdpx_line_number(l) <= total + 1)
                orig[sdpx_line_number(l)] = l;
        }
    }
    for (size_t i = 0; i <= sdpx_session_media_count(after); i++) {
        const sdpx_media *m = i ? sdpx_session_media(after, i - 1) : NULL;
        size_t n = m ? sdpx_media_line_count(m) : sdpx_session_line_count(after);
        for (size_t k = 0; k < n; k++) {
            const sdpx_line *l = m ? sdpx_media_line(m, k) : sdpx_session_line(after, k);
            unsigned no = sdpx_line_number(l);
            if (!no)
                continue;
            ck_assert_msg(no <= total + 1 && orig[no], "%s / %s: line number %u unknown", file, helper, no);
            sdpx_str a = sdpx_line_text(l), b = sdpx_line_text(orig[no]);
            ck_assert_msg(a.len == b.len && !memcmp(a.ptr, b.ptr, a.len),
                          "%s / %s: line %u changed without being edited", file, helper, no);
        }
    }
    free(orig);
}

static size_t runs, refused, changed, strict_inputs, valid_inputs;
static size_t h_changed[64], h_refused[64];

START_TEST(every_helper_on_every_offer)
{
    if (!load_index()) {
        fprintf(stderr, "test_edit_corpus: SKIP: no corpus at %s\n", corpus);
        return;
    }
    ck_assert_msg(nfiles > 100, "only %zu WebRTC files in the index", nfiles);
    for (size_t fi = 0; fi < nfiles; fi++) {
        char *text;
        size_t len;
        sdpx_session *before = open_file(fi, &text, &len);
        if (!before)
            continue;
        int strict_in = parses(text, len, SDPX_PARSE_STRICT);
        strict_inputs += (size_t)strict_in;
        int groups_in = groups_ok(before);
        int valid_in = sdpx_validate(before, NULL, NULL) == 0;
        valid_inputs += (size_t)valid_in;
        size_t blen;
        char *base = sdpx_write_alloc(before, 0, &blen);
        for (size_t h = 0; h < NHELPERS; h++) {
            sdpx_session *s = NULL;
            ck_assert_int_eq(sdpx_parse(text, len, NULL, &s, NULL), 0);
            int rc = helpers[h].fn(s);
            ck_assert_msg(rc != -1000, "%s / %s: unexpected answer", files[fi], helpers[h].name);
            size_t olen;
            char *out = sdpx_write_alloc(s, 0, &olen);
            runs++;
            if (rc < 0) {
                refused++;
                h_refused[h]++;
                ck_assert_msg(olen == blen && !memcmp(out, base, blen),
                              "%s / %s: refused (%s) but changed", files[fi], helpers[h].name,
                              sdpx_code_name(rc));
            } else {
                int diff = olen != blen || memcmp(out, base, blen) != 0;
                changed += (size_t)diff;
                h_changed[h] += (size_t)diff;
            }
            ck_assert_msg(parses(out, olen, 0), "%s / %s: result does not parse", files[fi], helpers[h].name);
            if (strict_in)
                ck_assert_msg(parses(out, olen, SDPX_PARSE_STRICT), "%s / %s: result fails strict parsing",
                              files[fi], helpers[h].name);
            check_untouched(files[fi], helpers[h].name, before, s);
            /* the semantic pass finds nothing new where it found nothing before */
            if (valid_in && rc >= 0 && helpers[h].validated)
                ck_assert_msg(sdpx_validate(s, NULL, NULL) == 0, "%s / %s: the result fails sdpx_validate",
                              files[fi], helpers[h].name);
            if (helpers[h].codec_edit == 1)
                check_payload_types(files[fi], helpers[h].name, before, s);
            if (helpers[h].codec_edit == 2)
                check_defaults(files[fi], helpers[h].name, before, s);
            if (helpers[h].codec_edit == 3)
                check_redacted(files[fi], s);
            if (groups_in)
                ck_assert_msg(groups_ok(s), "%s / %s: a group names a missing mid", files[fi],
                              helpers[h].name);
            sdpx_free(out);
            sdpx_session_free(s);
        }
        sdpx_free(base);
        sdpx_session_free(before);
        free(text);
    }
    printf("test_edit_corpus: %zu files (%zu strict, %zu without validation findings) x %zu helpers = %zu runs: "
           "%zu changed, %zu refused\n",
           nfiles, strict_inputs, valid_inputs, NHELPERS, runs, changed, refused);
    for (size_t h = 0; h < NHELPERS; h++)
        printf("  %-20s changed %3zu, refused %3zu\n", helpers[h].name, h_changed[h], h_refused[h]);
}
END_TEST

/* All helpers one after the other on the same session: sections edited
 * again and again (working copies of working copies), every step checked. */
START_TEST(helpers_in_sequence)
{
    if (!nfiles && !load_index()) {
        fprintf(stderr, "test_edit_corpus: SKIP: no corpus at %s\n", corpus);
        return;
    }
    size_t steps = 0;
    for (size_t fi = 0; fi < nfiles; fi++) {
        char *text;
        size_t len;
        sdpx_session *before = open_file(fi, &text, &len), *s = NULL;
        if (!before)
            continue;
        ck_assert_int_eq(sdpx_parse(text, len, NULL, &s, NULL), 0);
        int strict_in = parses(text, len, SDPX_PARSE_STRICT);
        int valid_in = sdpx_validate(before, NULL, NULL) == 0;
        for (size_t h = 0; h < NHELPERS; h++) {
            size_t blen, olen;
            char *prev = sdpx_write_alloc(s, 0, &blen);
            int rc = helpers[h].fn(s);
            char *out = sdpx_write_alloc(s, 0, &olen);
            steps++;
            if (rc < 0)
                ck_assert_msg(olen == blen && !memcmp(out, prev, blen), "%s: step %s refused but changed",
                              files[fi], helpers[h].name);
            ck_assert_msg(parses(out, olen, 0), "%s: step %s: result does not parse", files[fi], helpers[h].name);
            if (strict_in)
                ck_assert_msg(parses(out, olen, SDPX_PARSE_STRICT), "%s: step %s: result fails strict parsing",
                              files[fi], helpers[h].name);
            check_untouched(files[fi], helpers[h].name, before, s);
            if (valid_in)
                ck_assert_msg(sdpx_validate(s, NULL, NULL) == 0, "%s: step %s: the result fails sdpx_validate",
                              files[fi], helpers[h].name);
            sdpx_free(prev);
            sdpx_free(out);
        }
        sdpx_session_free(s);
        sdpx_session_free(before);
        free(text);
    }
    printf("test_edit_corpus: %zu steps of helpers in sequence\n", steps);
}
END_TEST

/* Pseudo-random sequences of primitive edits (a fixed LCG, so every run is
 * the same) with random line handles and positions: every result parses
 * again, and a refused edit changes nothing. */
static const char *const r_names[] = {"rtcp-mux", "sendonly", "mid", "x-a", "ptime", "candidate", "fmtp", "rtpmap"};
static const char *const r_values[] = {NULL, "1", "111 opus/48000/2", "96 apt=97", "abc", "20",
                                       "1 1 udp 1 192.0.2.1 1 typ host", ""};

static int random_edit(sdpx_session *s, unsigned r)
{
    size_t nm = sdpx_session_media_count(s);
    sdpx_media *m = nm ? sdpx_session_media_mut(s, r % nm) : NULL;
    const sdpx_line *l = m ? sdpx_media_line(m, (r >> 4) % sdpx_media_line_count(m))
                           : sdpx_session_line(s, (r >> 4) % sdpx_session_line_count(s));
    const char *name = r_names[(r >> 16) % 8], *value = r_values[(r >> 20) % 8];
    switch ((r >> 12) % 12) {
    case 0: return m ? sdpx_media_attr_add(m, name, value) : sdpx_session_attr_add(s, name, value);
    case 1: return sdpx_attr_insert(s, l, (int)(r & 1), name, value);
    case 2: return sdpx_attr_replace(s, l, name, value);
    case 3: return sdpx_line_remove(s, l);
    case 4: return m ? sdpx_session_media_remove(s, m) : 0;
    case 5: return sdpx_session_media_add(s, nm ? (r >> 16) % (nm + 1) : 0, "video 9 RTP/AVP 96", NULL);
    case 6: return m ? sdpx_session_media_move(s, m, (r >> 16) % nm) : 0;
    case 7: return m ? sdpx_media_set_port(m, (r >> 16) % 3 ? 5000 : 0) : 0;
    case 8: return m ? sdpx_media_add_candidate(m, "candidate:9 1 udp 1 192.0.2.9 9 typ host") : 0;
    case 9: return sdpx_session_set_edit_flags(s, SDPX_EDIT_BUMP_VERSION);
    case 10: return m ? sdpx_media_set_bandwidth(m, "AS", r % 5000) : 0;
    default: return sdpx_session_set_connection(s, (r >> 16) & 1 ? "IN IP4 192.0.2.7" : NULL);
    }
}

START_TEST(random_primitive_sequences)
{
    if (!nfiles && !load_index()) {
        fprintf(stderr, "test_edit_corpus: SKIP: no corpus at %s\n", corpus);
        return;
    }
    unsigned seed = 1;
    size_t ops = 0, accepted = 0;
    for (size_t fi = 0; fi < nfiles; fi++) {
        char *text;
        size_t len;
        sdpx_session *s = open_file(fi, &text, &len);
        if (!s)
            continue;
        for (int k = 0; k < 60; k++) {
            seed = seed * 1103515245u + 12345u;
            size_t blen, olen;
            char *prev = sdpx_write_alloc(s, 0, &blen);
            int rc = random_edit(s, seed >> 8);
            char *out = sdpx_write_alloc(s, 0, &olen);
            ops++;
            accepted += rc >= 0;
            if (rc < 0)
                ck_assert_msg(olen == blen && !memcmp(out, prev, blen), "%s: edit %d refused but changed",
                              files[fi], k);
            ck_assert_msg(parses(out, olen, 0), "%s: edit %d (op %u): result does not parse", files[fi], k,
                          ((seed >> 8) >> 12) % 12);
            sdpx_free(prev);
            sdpx_free(out);
        }
        sdpx_session_free(s);
        free(text);
    }
    printf("test_edit_corpus: %zu random primitive edits, %zu accepted\n", ops, accepted);
}
END_TEST

int main(void)
{
    if (!corpus_present())
        return 77; /* automake's SKIP: the corpus is not beside this tree */
    Suite *s = suite_create("edit_corpus");
    TCase *tc = tcase_create("corpus");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, every_helper_on_every_offer);
    tcase_add_test(tc, helpers_in_sequence);
    tcase_add_test(tc, random_primitive_sequences);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
