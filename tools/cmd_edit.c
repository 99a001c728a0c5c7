/* sdpx edit [OPTIONS] FILE|-: apply edit helpers in the order given and
 * write the result to stdout (nothing on stdout when one fails). */
#include "tool.h"

#include <stdlib.h>
#include <string.h>

#define EDIT_USAGE "usage: sdpx edit [OPTIONS] FILE|-  (sdpx edit --help lists the options)\n"

static const char edit_help[] =
    "usage: sdpx edit [OPTIONS] FILE|-\n"
    "Apply edits in the order given; write the result to stdout.\n"
    "SECTION is a media index (0, 1, ...), a media kind (audio, video, ...),\n"
    "or 'all'; a mid is accepted as mid:ID.\n\n"
    "  --remove-codec NAME[:KEY=VALUE]  remove a codec (and its RTX/RED partners)\n"
    "  --keep-codecs N1,N2,...          keep only these codecs\n"
    "  --prefer-codecs N1,N2,...        put these codecs first\n"
    "  --codec-param NAME:KEY=VALUE     set an fmtp parameter (KEY= removes it)\n"
    "  --bitrate SECTION=KBPS           set b=AS (0 removes b=AS and b=TIAS)\n"
    "  --session-bitrate KBPS           set session-level b=AS\n"
    "  --direction SECTION=DIR          sendrecv, sendonly, recvonly, inactive\n"
    "  --hold / --resume                hold or resume every audio/video section\n"
    "  --remove-candidates SPEC,...     host, srflx, prflx, relay, udp, tcp, ipv4,\n"
    "                                   ipv6, mdns, fqdn, private, loopback,\n"
    "                                   link-local, rtcp (all given must match)\n"
    "  --add-candidate SECTION=CAND     add a candidate (empty: end-of-candidates)\n"
    "  --end-of-candidates              add a=end-of-candidates to every section\n"
    "  --ice-credentials UFRAG:PWD      replace ICE credentials everywhere\n"
    "  --setup ROLE                     active, passive, actpass, holdconn\n"
    "  --fingerprint 'HASH HEX'         replace every fingerprint\n"
    "  --reject SECTION                 port 0, mid leaves BUNDLE\n"
    "  --remove-section SECTION         remove a media section\n"
    "  --bundle-add MID                 add a mid to the BUNDLE group\n"
    "  --remove-streams SECTION         remove ssrc, ssrc-group and msid lines\n"
    "  --msid SECTION=STREAM[:TRACK]    set a=msid\n"
    "  --remove-extmap URI              remove a header extension\n"
    "  --renumber-extmap URI=ID         give a header extension a new id\n"
    "  --compact-extmap                 ids 1, 2, ... per URI, the same in every section\n"
    "  --add-attr SECTION=NAME[:VALUE]  add an attribute (SECTION 'session' too)\n"
    "  --remove-attr SECTION=NAME       remove attributes by name\n"
    "  --bump-version                   increment o= sess-version now\n"
    "  --auto-bump                      increment it once if anything changes\n"
    "  --keep-lf                        keep bare-LF line endings\n";

static sdpx_str cview(const char *p)
{
    sdpx_str v = {p, strlen(p)};
    return v;
}

typedef struct {
    sdpx_session *s;
    const char *opt; /* the option being applied, for messages */
    const char *arg;
} edit_ctx;

/* What a refusal means for the options where the code alone says little. */
static const struct {
    const char *opt;
    int code;
    const char *why;
} reasons[] = {
    {"--remove-codec", SDPX_EINVAL, "a media section would be left without a codec (or a rid without payload types)"},
    {"--keep-codecs", SDPX_EINVAL, "a media section would be left without a codec (or a rid without payload types)"},
    {"--ice-credentials", SDPX_EINVAL, "ufrag needs 4-256 and pwd 22-256 ice-chars (RFC 8839)"},
    {"--ice-credentials", SDPX_ENOTFOUND, "no a=ice-ufrag or a=ice-pwd to replace"},
    {"--add-candidate", SDPX_EINVAL, "not a valid candidate"},
    {"--add-candidate", SDPX_ENOTFOUND, "no ICE credentials apply to that section"},
    {"--setup", SDPX_ENOTFOUND, "no a=setup to replace"},
    {"--fingerprint", SDPX_ENOTFOUND, "no a=fingerprint to replace"},
    {"--fingerprint", SDPX_EINVAL, "expected 'HASH HEX' with the hash's length (RFC 8122)"},
    {"--bundle-add", SDPX_ENOTFOUND, "no media section has that mid"},
    {"--renumber-extmap", SDPX_EINVAL, "the id is taken in a section, or not 1-14/16-255"},
};

static int fail(const edit_ctx *c, int rc, const char *why)
{
    for (size_t i = 0; !why && i < sizeof reasons / sizeof reasons[0]; i++)
        if (reasons[i].code == rc && !strcmp(reasons[i].opt, c->opt))
            why = reasons[i].why;
    fprintf(stderr, "sdpx: edit: %s %s: %s\n", c->opt, c->arg ? c->arg : "",
            why ? why : sdpx_strerror(rc));
    return TOOL_FAIL;
}

/* Split "LEFT=RIGHT" at the first '=' (LEFT must be non-empty). */
static int split_eq(char *arg, char **left, char **right)
{
    char *eq = strchr(arg, '=');
    if (!eq || eq == arg)
        return -1;
    *eq = '\0';
    *left = arg;
    *right = eq + 1;
    return 0;
}

/* Does media section m match a SECTION selector? */
static int section_match(sdpx_media *m, const char *sel)
{
    if (!strcmp(sel, "all"))
        return 1;
    if (sel[0] >= '0' && sel[0] <= '9') {
        char *end;
        unsigned long i = strtoul(sel, &end, 10);
        return *end == '\0' && i == sdpx_media_index(m);
    }
    if (!strncmp(sel, "mid:", 4)) {
        sdpx_str mid;
        return sdpx_media_mid(m, &mid) == 0 && sdpx_str_eq(mid, sel + 4);
    }
    sdpx_mline ml;
    return sdpx_media_mline(m, &ml) == 0 && sdpx_str_eq(ml.media, sel);
}

typedef int (*media_fn)(sdpx_media *m, void *arg);

/* Apply fn to every section the selector names; at least one must exist. */
static int each_section(const edit_ctx *c, const char *sel, media_fn fn, void *arg)
{
    int hit = 0;
    for (size_t i = 0; i < sdpx_session_media_count(c->s); i++) {
        sdpx_media *m = sdpx_session_media_mut(c->s, i);
        if (!section_match(m, sel))
            continue;
        hit = 1;
        int rc = fn(m, arg);
        if (rc < 0)
            return fail(c, rc, NULL);
    }
    if (!hit)
        return fail(c, 0, "no such media section");
    return 0;
}

/* Split a comma-separated list in place; returns the count (at most max). */
static size_t split_list(char *arg, const char **out, size_t max)
{
    size_t n = 0;
    for (char *p = strtok(arg, ","); p && n < max; p = strtok(NULL, ","))
        out[n++] = p;
    return n;
}

static int m_bitrate(sdpx_media *m, void *arg)
{
    unsigned long long kbps = *(unsigned long long *)arg;
    if (kbps == 0) {
        int rc = sdpx_media_clear_bandwidth(m, "AS");
        return rc < 0 ? rc : sdpx_media_clear_bandwidth(m, "TIAS");
    }
    return sdpx_media_set_bandwidth(m, "AS", kbps);
}

static int m_direction(sdpx_media *m, void *arg) { return sdpx_media_set_direction(m, *(sdpx_direction *)arg); }

static int m_hold(sdpx_media *m, void *arg)
{
    sdpx_mline ml;
    if (sdpx_media_mline(m, &ml) || ml.port == 0 ||
        !(sdpx_str_eq(ml.media, "audio") || sdpx_str_eq(ml.media, "video")))
        return 0;
    return *(int *)arg ? sdpx_media_hold(m) : sdpx_media_resume(m);
}

static int m_add_candidate(sdpx_media *m, void *arg) { return sdpx_media_add_candidate(m, arg); }
static int m_eoc(sdpx_media *m, void *arg)
{
    (void)arg;
    return sdpx_media_end_of_candidates(m);
}
static int m_reject(sdpx_media *m, void *arg)
{
    (void)arg;
    return sdpx_media_reject(m);
}
static int m_streams(sdpx_media *m, void *arg)
{
    (void)arg;
    return sdpx_media_remove_streams(m);
}
static int m_msid(sdpx_media *m, void *arg)
{
    char *stream = arg, *colon = strchr(stream, ':');
    char buf[512];
    snprintf(buf, sizeof buf, "%s", stream);
    char *track = NULL;
    if (colon) {
        buf[colon - stream] = '\0';
        track = buf + (colon - stream) + 1;
    }
    return sdpx_media_set_msid(m, buf, track);
}
static int m_add_attr(sdpx_media *m, void *arg)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", (const char *)arg);
    char *colon = strchr(buf, ':');
    if (colon)
        *colon = '\0';
    return sdpx_media_attr_add(m, buf, colon ? colon + 1 : NULL);
}
static int m_remove_attr(sdpx_media *m, void *arg) { return sdpx_media_attr_remove(m, arg); }

static int candidate_spec(const char *word, sdpx_candidate_filter *f)
{
    static const struct {
        const char *name;
        int field; /* 0 types 1 transports 2 families 3 scopes */
        unsigned bit;
    } words[] = {
        {"host", 0, SDPX_CF_HOST},         {"srflx", 0, SDPX_CF_SRFLX},
        {"prflx", 0, SDPX_CF_PRFLX},       {"relay", 0, SDPX_CF_RELAY},
        {"udp", 1, SDPX_CF_UDP},           {"tcp", 1, SDPX_CF_TCP},
        {"ipv4", 2, SDPX_CF_IP4},          {"ipv6", 2, SDPX_CF_IP6},
        {"mdns", 2, SDPX_CF_MDNS},         {"fqdn", 2, SDPX_CF_FQDN},
        {"private", 3, SDPX_CF_PRIVATE},   {"loopback", 3, SDPX_CF_LOOPBACK},
        {"link-local", 3, SDPX_CF_LINK_LOCAL},
    };
    if (!strcmp(word, "rtcp")) {
        f->component = 2;
        return 0;
    }
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (strcmp(word, words[i].name))
            continue;
        unsigned *field = words[i].field == 0   ? &f->types
                          : words[i].field == 1 ? &f->transports
                          : words[i].field == 2 ? &f->families
                                                : &f->scopes;
        *field |= words[i].bit;
        return 0;
    }
    return -1;
}

/* Apply one option with its argument (NULL for flags). */
static int apply(edit_ctx *c, const char *opt, char *arg)
{
    c->opt = opt;
    c->arg = arg;
    char *l, *r;
    int rc = 0;
    const char *list[64];
    if (!strcmp(opt, "--remove-codec")) {
        char *colon = strchr(arg, ':');
        char name[256];
        snprintf(name, sizeof name, "%s", arg);
        if (colon)
            name[colon - arg] = '\0';
        rc = sdpx_session_remove_codec(c->s, name, colon ? colon + 1 : NULL);
        if (rc == 0)
            return fail(c, 0, "no such codec");
    } else if (!strcmp(opt, "--keep-codecs") || !strcmp(opt, "--prefer-codecs")) {
        char buf[1024];
        snprintf(buf, sizeof buf, "%s", arg);
        size_t n = split_list(buf, list, 64);
        rc = opt[2] == 'k' ? sdpx_session_keep_codecs(c->s, list, n)
                           : sdpx_session_prefer_codecs(c->s, list, n);
    } else if (!strcmp(opt, "--codec-param")) {
        char buf[1024];
        snprintf(buf, sizeof buf, "%s", arg);
        char *colon = strchr(buf, ':');
        if (!colon || split_eq(colon + 1, &l, &r))
            return fail(c, 0, "expected NAME:KEY=VALUE");
        *colon = '\0';
        int total = 0;
        for (size_t i = 0; i < sdpx_session_media_count(c->s) && rc >= 0; i++) {
            rc = sdpx_media_set_codec_param(sdpx_session_media_mut(c->s, i), buf, l, *r ? r : NULL);
            total += rc > 0 ? rc : 0;
        }
        if (rc >= 0 && total == 0)
            return fail(c, 0, "no such codec");
    } else if (!strcmp(opt, "--bitrate")) {
        char *end;
        if (split_eq(arg, &l, &r) || !*r)
            return fail(c, 0, "expected SECTION=KBPS");
        unsigned long long kbps = strtoull(r, &end, 10);
        if (*end || *r == '-')
            return fail(c, 0, "expected a number of kbps");
        return each_section(c, l, m_bitrate, &kbps);
    } else if (!strcmp(opt, "--session-bitrate")) {
        char *end;
        unsigned long long kbps = strtoull(arg, &end, 10);
        if (*end || !*arg || *arg == '-')
            return fail(c, 0, "expected a number of kbps");
        rc = kbps ? sdpx_session_set_bandwidth(c->s, "AS", kbps) : sdpx_session_clear_bandwidth(c->s, "AS");
    } else if (!strcmp(opt, "--direction")) {
        sdpx_direction d;
        if (split_eq(arg, &l, &r) || sdpx_direction_parse(cview(r), &d))
            return fail(c, 0, "expected SECTION=sendrecv|sendonly|recvonly|inactive");
        return each_section(c, l, m_direction, &d);
    } else if (!strcmp(opt, "--hold") || !strcmp(opt, "--resume")) {
        int hold = opt[2] == 'h';
        return each_section(c, "all", m_hold, &hold);
    } else if (!strcmp(opt, "--remove-candidates")) {
        sdpx_candidate_filter f;
        memset(&f, 0, sizeof f);
        char buf[512];
        snprintf(buf, sizeof buf, "%s", arg);
        size_t n = split_list(buf, list, 64);
        for (size_t i = 0; i < n; i++)
            if (candidate_spec(list[i], &f))
                return fail(c, 0, "unknown candidate filter word");
        if (n == 0)
            return fail(c, 0, "empty filter");
        rc = sdpx_session_remove_candidates(c->s, &f);
    } else if (!strcmp(opt, "--add-candidate")) {
        if (split_eq(arg, &l, &r))
            return fail(c, 0, "expected SECTION=CANDIDATE");
        return each_section(c, l, m_add_candidate, r);
    } else if (!strcmp(opt, "--end-of-candidates")) {
        return each_section(c, "all", m_eoc, NULL);
    } else if (!strcmp(opt, "--ice-credentials")) {
        char buf[600];
        snprintf(buf, sizeof buf, "%s", arg);
        char *colon = strchr(buf, ':');
        if (!colon)
            return fail(c, 0, "expected UFRAG:PWD");
        *colon = '\0';
        rc = sdpx_session_set_ice_credentials(c->s, buf, colon + 1);
    } else if (!strcmp(opt, "--setup")) {
        sdpx_setup role;
        if (sdpx_setup_parse(cview(arg), &role))
            return fail(c, 0, "expected active, passive, actpass or holdconn");
        rc = sdpx_session_set_setup(c->s, role);
    } else if (!strcmp(opt, "--fingerprint")) {
        rc = sdpx_session_set_fingerprint(c->s, arg);
    } else if (!strcmp(opt, "--reject")) {
        return each_section(c, arg, m_reject, NULL);
    } else if (!strcmp(opt, "--remove-section")) {
        int hit = 0;
        for (size_t i = sdpx_session_media_count(c->s); i-- > 0;) {
            sdpx_media *m = sdpx_session_media_mut(c->s, i);
            if (section_match(m, arg)) {
                hit = 1;
                if ((rc = sdpx_session_media_remove(c->s, m)) < 0)
                    break;
            }
        }
        if (!hit)
            return fail(c, 0, "no such media section");
    } else if (!strcmp(opt, "--bundle-add")) {
        rc = sdpx_session_group_add_mid(c->s, "BUNDLE", arg);
    } else if (!strcmp(opt, "--remove-streams")) {
        return each_section(c, arg, m_streams, NULL);
    } else if (!strcmp(opt, "--msid")) {
        if (split_eq(arg, &l, &r))
            return fail(c, 0, "expected SECTION=STREAM[:TRACK]");
        return each_section(c, l, m_msid, r);
    } else if (!strcmp(opt, "--remove-extmap")) {
        rc = sdpx_session_remove_extmap(c->s, arg);
    } else if (!strcmp(opt, "--renumber-extmap")) {
        char *end;
        char *eq = strrchr(arg, '=');
        if (!eq || eq == arg)
            return fail(c, 0, "expected URI=ID");
        *eq = '\0';
        unsigned long id = strtoul(eq + 1, &end, 10);
        if (*end || !eq[1] || id > 65535)
            return fail(c, 0, "expected URI=ID");
        rc = sdpx_session_renumber_extmap(c->s, arg, (unsigned)id);
    } else if (!strcmp(opt, "--compact-extmap")) {
        rc = sdpx_session_compact_extmap(c->s);
    } else if (!strcmp(opt, "--add-attr") || !strcmp(opt, "--remove-attr")) {
        if (split_eq(arg, &l, &r))
            return fail(c, 0, "expected SECTION=NAME[:VALUE]");
        int add = opt[2] == 'a';
        if (!strcmp(l, "session")) {
            char buf[4096];
            snprintf(buf, sizeof buf, "%s", r);
            char *colon = strchr(buf, ':');
            if (add && colon)
                *colon = '\0';
            rc = add ? sdpx_session_attr_add(c->s, buf, colon ? colon + 1 : NULL)
                     : sdpx_session_attr_remove(c->s, r);
        } else {
            return each_section(c, l, add ? m_add_attr : m_remove_attr, r);
        }
    } else if (!strcmp(opt, "--bump-version")) {
        rc = sdpx_session_bump_version(c->s);
    } else if (!strcmp(opt, "--auto-bump")) {
        rc = sdpx_session_set_edit_flags(c->s, SDPX_EDIT_BUMP_VERSION);
    }
    return rc < 0 ? fail(c, rc, NULL) : 0;
}

static const char *const with_arg[] = {
    "--remove-codec", "--keep-codecs", "--prefer-codecs", "--codec-param", "--bitrate",
    "--session-bitrate", "--direction", "--remove-candidates", "--add-candidate",
    "--ice-credentials", "--setup", "--fingerprint", "--reject", "--remove-section",
    "--bundle-add", "--remove-streams", "--msid", "--remove-extmap", "--renumber-extmap",
    "--add-attr", "--remove-attr",
};
static const char *const flags[] = {
    "--hold", "--resume", "--end-of-candidates", "--bump-version", "--auto-bump", "--compact-extmap",
};

static int known(const char *opt, const char *const *tab, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(opt, tab[i]))
            return 1;
    return 0;
}

int cmd_edit(int argc, char **argv)
{
    const char *path = NULL;
    unsigned wflags = 0;
    int i;
    /* First pass: check the command line and find the file. */
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(edit_help, stdout);
            return TOOL_OK;
        }
        if (!strcmp(a, "--keep-lf")) {
            wflags |= SDPX_WRITE_KEEP_LF;
        } else if (known(a, with_arg, sizeof with_arg / sizeof with_arg[0])) {
            if (++i >= argc) {
                fprintf(stderr, "sdpx: edit: %s needs an argument\n" EDIT_USAGE, a);
                return TOOL_USAGE;
            }
        } else if (known(a, flags, sizeof flags / sizeof flags[0])) {
            continue;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "sdpx: edit: unknown option '%s'\n" EDIT_USAGE, a);
            return TOOL_USAGE;
        } else if (path) {
            fputs(EDIT_USAGE, stderr);
            return TOOL_USAGE;
        } else {
            path = a;
        }
    }
    if (!path) {
        fputs(EDIT_USAGE, stderr);
        return TOOL_USAGE;
    }
    edit_ctx c;
    memset(&c, 0, sizeof c);
    if (tool_parse_file(path, &c.s))
        return TOOL_FAIL;
    /* Second pass: apply the edits in order. */
    int status = TOOL_OK;
    for (i = 1; i < argc && status == TOOL_OK; i++) {
        const char *a = argv[i];
        if (known(a, with_arg, sizeof with_arg / sizeof with_arg[0]))
            status = apply(&c, a, argv[++i]);
        else if (known(a, flags, sizeof flags / sizeof flags[0]))
            status = apply(&c, a, NULL);
    }
    if (status == TOOL_OK) {
        size_t n;
        char *out = sdpx_write_alloc(c.s, wflags, &n);
        if (!out) {
            fprintf(stderr, "sdpx: edit: out of memory\n");
            status = TOOL_FAIL;
        } else {
            fwrite(out, 1, n, stdout);
            sdpx_free(out);
            if (fflush(stdout))
                status = TOOL_FAIL;
        }
    }
    sdpx_session_free(c.s);
    return status;
}
