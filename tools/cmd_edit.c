/* sdpx edit [OPTIONS] FILE|-: apply edit helpers in the order given and
 * write the result to stdout (nothing on stdout when one fails). Every
 * option is one row of the `options` table: its name, argument, help line,
 * handler and what its refusals mean. Handlers split a heap copy of their
 * argument in place; nothing is copied into a fixed-size buffer. */
#include "tool.h"

#include <stdlib.h>
#include <string.h>

#define EDIT_USAGE "usage: sdpx edit [OPTIONS] FILE|-  (sdpx edit --help lists the options)\n"

static sdpx_str cview(const char *p)
{
    sdpx_str v = {p, strlen(p)};
    return v;
}

struct edit_option;

typedef struct {
    sdpx_session *s;
    unsigned wflags;                /* sdpx_write flags (--keep-lf) */
    const struct edit_option *opt;  /* the option being applied, for messages */
    const char *arg;
} edit_ctx;

/* What a refusal code means for one option, where the code alone says little. */
typedef struct {
    int code;
    const char *why;
} reason;

typedef struct edit_option {
    const char *name;
    const char *arg;  /* the argument as help shows it; NULL: a flag */
    const char *help; /* may hold '\n' for continuation lines */
    int (*run)(edit_ctx *c, char *arg);
    reason reasons[2];
} edit_option;

static int fail(const edit_ctx *c, int rc, const char *why)
{
    /* the library's own reason (sdpx_session_last_error) when it gave one */
    const sdpx_error *e = sdpx_session_last_error(c->s);
    if (!why && rc < 0 && e && e->code == rc && e->msg[0])
        why = e->msg;
    for (size_t i = 0; !why && i < sizeof c->opt->reasons / sizeof c->opt->reasons[0]; i++)
        if (c->opt->reasons[i].why && c->opt->reasons[i].code == rc)
            why = c->opt->reasons[i].why;
    fprintf(stderr, "sdpx: edit: %s ", c->opt->name);
    /* the argument as given, on one line: control bytes as \n, \r, \xNN */
    for (const char *p = c->arg ? c->arg : ""; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch == '\n' || ch == '\r')
            fprintf(stderr, "\\%c", ch == '\n' ? 'n' : 'r');
        else if (ch < 0x20 || ch == 0x7f)
            fprintf(stderr, "\\x%02X", ch);
        else
            fputc(ch, stderr);
    }
    fprintf(stderr, ": %s\n", why ? why : sdpx_strerror(rc));
    return TOOL_FAIL;
}

/* A library result: negative is a refusal. */
static int done(const edit_ctx *c, int rc)
{
    return rc < 0 ? fail(c, rc, NULL) : TOOL_OK;
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

/* Split a comma-separated list in place into a malloc'd array of its
 * non-empty items (any number of them). NULL when out of memory. */
static const char **split_list(char *arg, size_t *n)
{
    size_t most = 1;
    for (const char *p = arg; *p; p++)
        most += *p == ',';
    const char **out = malloc(most * sizeof *out);
    if (!out)
        return NULL;
    *n = 0;
    for (char *p = strtok(arg, ","); p; p = strtok(NULL, ","))
        out[(*n)++] = p;
    return out;
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
/* NAME[:VALUE] or STREAM[:TRACK], split once at the first ':' in place. */
typedef struct {
    const char *left;
    const char *right; /* NULL without ':' */
} pair;

static pair split_colon(char *arg)
{
    pair p = {arg, NULL};
    char *colon = strchr(arg, ':');
    if (colon) {
        *colon = '\0';
        p.right = colon + 1;
    }
    return p;
}

static int m_msid(sdpx_media *m, void *arg)
{
    const pair *p = arg;
    return sdpx_media_set_msid(m, p->left, p->right);
}
static int m_add_attr(sdpx_media *m, void *arg)
{
    const pair *p = arg;
    return sdpx_media_attr_add(m, p->left, p->right);
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

/* ---- the options, in the order --help lists them ---- */

static int o_remove_codec(edit_ctx *c, char *arg)
{
    pair p = split_colon(arg);
    int rc = sdpx_session_remove_codec(c->s, p.left, p.right);
    return rc == 0 ? fail(c, 0, "no such codec") : done(c, rc);
}

static int codec_list(edit_ctx *c, char *arg, int (*fn)(sdpx_session *, const char *const *, size_t))
{
    size_t n;
    const char **list = split_list(arg, &n);
    if (!list)
        return fail(c, SDPX_ENOMEM, NULL);
    int rc = fn(c->s, list, n);
    free(list);
    return done(c, rc);
}

static int o_keep_codecs(edit_ctx *c, char *arg) { return codec_list(c, arg, sdpx_session_keep_codecs); }
static int o_prefer_codecs(edit_ctx *c, char *arg) { return codec_list(c, arg, sdpx_session_prefer_codecs); }

static int o_codec_param(edit_ctx *c, char *arg)
{
    char *colon = strchr(arg, ':'), *l, *r;
    if (!colon || split_eq(colon + 1, &l, &r))
        return fail(c, 0, "expected NAME:KEY=VALUE");
    *colon = '\0';
    int rc = 0, total = 0;
    for (size_t i = 0; i < sdpx_session_media_count(c->s) && rc >= 0; i++) {
        rc = sdpx_media_set_codec_param(sdpx_session_media_mut(c->s, i), arg, l, *r ? r : NULL);
        total += rc > 0 ? rc : 0;
    }
    if (rc >= 0 && total == 0)
        return fail(c, 0, "no such codec");
    return done(c, rc);
}

/* A decimal count of kbps; -1 when the text is not one. */
static int kbps_of(const char *text, unsigned long long *kbps)
{
    char *end;
    *kbps = strtoull(text, &end, 10);
    return *end || !*text || *text == '-' ? -1 : 0;
}

static int o_bitrate(edit_ctx *c, char *arg)
{
    char *l, *r;
    unsigned long long kbps;
    if (split_eq(arg, &l, &r) || !*r)
        return fail(c, 0, "expected SECTION=KBPS");
    if (kbps_of(r, &kbps))
        return fail(c, 0, "expected a number of kbps");
    return each_section(c, l, m_bitrate, &kbps);
}

static int o_session_bitrate(edit_ctx *c, char *arg)
{
    unsigned long long kbps;
    if (kbps_of(arg, &kbps))
        return fail(c, 0, "expected a number of kbps");
    return done(c, kbps ? sdpx_session_set_bandwidth(c->s, "AS", kbps) : sdpx_session_clear_bandwidth(c->s, "AS"));
}

static int o_direction(edit_ctx *c, char *arg)
{
    char *l, *r;
    sdpx_direction d;
    if (split_eq(arg, &l, &r) || sdpx_direction_parse(cview(r), &d))
        return fail(c, 0, "expected SECTION=sendrecv|sendonly|recvonly|inactive");
    return each_section(c, l, m_direction, &d);
}

static int o_hold(edit_ctx *c, char *arg)
{
    (void)arg;
    int hold = 1;
    return each_section(c, "all", m_hold, &hold);
}

static int o_resume(edit_ctx *c, char *arg)
{
    (void)arg;
    int hold = 0;
    return each_section(c, "all", m_hold, &hold);
}

static int o_remove_candidates(edit_ctx *c, char *arg)
{
    sdpx_candidate_filter f;
    memset(&f, 0, sizeof f);
    size_t n;
    const char **words = split_list(arg, &n);
    if (!words)
        return fail(c, SDPX_ENOMEM, NULL);
    int bad = n == 0 ? 1 : 0;
    for (size_t i = 0; i < n && !bad; i++)
        if (candidate_spec(words[i], &f))
            bad = 2;
    free(words);
    if (bad)
        return fail(c, 0, bad == 1 ? "empty filter" : "unknown candidate filter word");
    return done(c, sdpx_session_remove_candidates(c->s, &f));
}

static int o_add_candidate(edit_ctx *c, char *arg)
{
    char *l, *r;
    if (split_eq(arg, &l, &r))
        return fail(c, 0, "expected SECTION=CANDIDATE");
    return each_section(c, l, m_add_candidate, r);
}

static int o_end_of_candidates(edit_ctx *c, char *arg)
{
    (void)arg;
    return each_section(c, "all", m_eoc, NULL);
}

static int o_ice_credentials(edit_ctx *c, char *arg)
{
    pair p = split_colon(arg);
    if (!p.right)
        return fail(c, 0, "expected UFRAG:PWD");
    return done(c, sdpx_session_set_ice_credentials(c->s, p.left, p.right));
}

static int o_setup(edit_ctx *c, char *arg)
{
    sdpx_setup role;
    if (sdpx_setup_parse(cview(arg), &role))
        return fail(c, 0, "expected active, passive, actpass or holdconn");
    return done(c, sdpx_session_set_setup(c->s, role));
}

static int o_fingerprint(edit_ctx *c, char *arg) { return done(c, sdpx_session_set_fingerprint(c->s, arg)); }
static int o_reject(edit_ctx *c, char *arg) { return each_section(c, arg, m_reject, NULL); }

static int o_remove_section(edit_ctx *c, char *arg)
{
    int hit = 0, rc = 0;
    for (size_t i = sdpx_session_media_count(c->s); i-- > 0 && rc >= 0;) {
        sdpx_media *m = sdpx_session_media_mut(c->s, i);
        if (section_match(m, arg)) {
            hit = 1;
            rc = sdpx_session_media_remove(c->s, m);
        }
    }
    return hit ? done(c, rc) : fail(c, 0, "no such media section");
}

static int o_bundle_add(edit_ctx *c, char *arg) { return done(c, sdpx_session_group_add_mid(c->s, "BUNDLE", arg)); }
static int o_remove_streams(edit_ctx *c, char *arg) { return each_section(c, arg, m_streams, NULL); }

static int o_msid(edit_ctx *c, char *arg)
{
    char *l, *r;
    if (split_eq(arg, &l, &r))
        return fail(c, 0, "expected SECTION=STREAM[:TRACK]");
    pair p = split_colon(r);
    return each_section(c, l, m_msid, &p);
}

static int o_remove_extmap(edit_ctx *c, char *arg) { return done(c, sdpx_session_remove_extmap(c->s, arg)); }

static int o_renumber_extmap(edit_ctx *c, char *arg)
{
    char *end, *eq = strrchr(arg, '=');
    if (!eq || eq == arg)
        return fail(c, 0, "expected URI=ID");
    *eq = '\0';
    unsigned long id = strtoul(eq + 1, &end, 10);
    if (*end || !eq[1] || id > 65535)
        return fail(c, 0, "expected URI=ID");
    return done(c, sdpx_session_renumber_extmap(c->s, arg, (unsigned)id));
}

static int o_compact_extmap(edit_ctx *c, char *arg)
{
    (void)arg;
    return done(c, sdpx_session_compact_extmap(c->s));
}

static int o_add_attr(edit_ctx *c, char *arg)
{
    char *l, *r;
    if (split_eq(arg, &l, &r))
        return fail(c, 0, "expected SECTION=NAME[:VALUE]");
    pair p = split_colon(r);
    if (!strcmp(l, "session"))
        return done(c, sdpx_session_attr_add(c->s, p.left, p.right));
    return each_section(c, l, m_add_attr, &p);
}

static int o_remove_attr(edit_ctx *c, char *arg)
{
    char *l, *r;
    if (split_eq(arg, &l, &r))
        return fail(c, 0, "expected SECTION=NAME");
    if (!strcmp(l, "session"))
        return done(c, sdpx_session_attr_remove(c->s, r));
    return each_section(c, l, m_remove_attr, r);
}

static int o_bump_version(edit_ctx *c, char *arg)
{
    (void)arg;
    return done(c, sdpx_session_bump_version(c->s));
}

static int o_auto_bump(edit_ctx *c, char *arg)
{
    (void)arg;
    return done(c, sdpx_session_set_edit_flags(c->s, SDPX_EDIT_BUMP_VERSION));
}

static int o_keep_lf(edit_ctx *c, char *arg)
{
    (void)arg;
    c->wflags |= SDPX_WRITE_KEEP_LF;
    return TOOL_OK;
}

static const edit_option options[] = {
    {"--remove-codec", "NAME[:KEY=VALUE]", "remove a codec (and its RTX/RED partners)", o_remove_codec, {{0, NULL}}},
    {"--keep-codecs", "N1,N2,...", "keep only these codecs", o_keep_codecs, {{0, NULL}}},
    {"--prefer-codecs", "N1,N2,...", "put these codecs first", o_prefer_codecs, {{0, NULL}}},
    {"--codec-param", "NAME:KEY=VALUE", "set an fmtp parameter (KEY= removes it)", o_codec_param, {{0, NULL}}},
    {"--bitrate", "SECTION=KBPS", "set b=AS (0 removes b=AS and b=TIAS)", o_bitrate, {{0, NULL}}},
    {"--session-bitrate", "KBPS", "set session-level b=AS", o_session_bitrate, {{0, NULL}}},
    {"--direction", "SECTION=DIR", "sendrecv, sendonly, recvonly, inactive", o_direction, {{0, NULL}}},
    {"--hold", NULL, "hold every audio/video section", o_hold, {{0, NULL}}},
    {"--resume", NULL, "resume every audio/video section", o_resume, {{0, NULL}}},
    {"--remove-candidates", "SPEC,...",
     "host, srflx, prflx, relay, udp, tcp, ipv4,\nipv6, mdns, fqdn, private, loopback,\n"
     "link-local, rtcp (all given must match)",
     o_remove_candidates, {{0, NULL}}},
    {"--add-candidate", "SECTION=CAND", "add a candidate (empty: end-of-candidates)", o_add_candidate, {{0, NULL}}},
    {"--end-of-candidates", NULL, "add a=end-of-candidates to every section", o_end_of_candidates, {{0, NULL}}},
    {"--ice-credentials", "UFRAG:PWD", "replace ICE credentials everywhere", o_ice_credentials, {{0, NULL}}},
    {"--setup", "ROLE", "active, passive, actpass, holdconn", o_setup, {{0, NULL}}},
    {"--fingerprint", "'HASH HEX'", "replace every fingerprint", o_fingerprint, {{0, NULL}}},
    {"--reject", "SECTION", "port 0, mid leaves BUNDLE", o_reject, {{0, NULL}}},
    {"--remove-section", "SECTION", "remove a media section", o_remove_section, {{0, NULL}}},
    {"--bundle-add", "MID", "add a mid to the BUNDLE group", o_bundle_add, {{0, NULL}}},
    {"--remove-streams", "SECTION", "remove ssrc, ssrc-group and msid lines", o_remove_streams, {{0, NULL}}},
    {"--msid", "SECTION=STREAM[:TRACK]", "set a=msid", o_msid, {{0, NULL}}},
    {"--remove-extmap", "URI", "remove a header extension", o_remove_extmap, {{0, NULL}}},
    {"--renumber-extmap", "URI=ID", "give a header extension a new id", o_renumber_extmap, {{0, NULL}}},
    {"--compact-extmap", NULL, "ids 1, 2, ... per URI, the same in every section", o_compact_extmap, {{0, NULL}}},
    {"--add-attr", "SECTION=NAME[:VALUE]", "add an attribute (SECTION 'session' too)", o_add_attr, {{0, NULL}}},
    {"--remove-attr", "SECTION=NAME", "remove attributes by name (SECTION 'session' too)", o_remove_attr,
     {{0, NULL}}},
    {"--bump-version", NULL, "increment o= sess-version now", o_bump_version, {{0, NULL}}},
    {"--auto-bump", NULL, "increment it once if anything changes", o_auto_bump, {{0, NULL}}},
    {"--keep-lf", NULL, "keep bare-LF line endings", o_keep_lf, {{0, NULL}}},
};

#define NOPTIONS (sizeof options / sizeof options[0])

static const edit_option *find_option(const char *name)
{
    for (size_t i = 0; i < NOPTIONS; i++)
        if (!strcmp(name, options[i].name))
            return &options[i];
    return NULL;
}

/* --help, from the table: "  --name ARG" padded to 35 columns, then the help. */
static void help(FILE *f)
{
    fputs("usage: sdpx edit [OPTIONS] FILE|-\n"
          "Apply edits in the order given; write the result to stdout.\n"
          "SECTION is a media index (0, 1, ...), a media kind (audio, video, ...),\n"
          "or 'all'; a mid is accepted as mid:ID.\n\n", f);
    for (size_t i = 0; i < NOPTIONS; i++) {
        const edit_option *o = &options[i];
        int w = fprintf(f, "  %s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
        for (const char *h = o->help; *h;) {
            const char *nl = strchr(h, '\n');
            int n = nl ? (int)(nl - h) : (int)strlen(h);
            fprintf(f, "%*s%.*s\n", w < 34 ? 35 - w : 1, "", n, h);
            w = 0;
            h += n + (nl != NULL);
        }
    }
}

int cmd_edit(int argc, char **argv)
{
    const char *path = NULL;
    int i;
    /* First pass: check the command line and find the file. */
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        const edit_option *o = find_option(a);
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            help(stdout);
            return TOOL_OK;
        }
        if (o) {
            if (o->arg && ++i >= argc) {
                fprintf(stderr, "sdpx: edit: %s needs an argument\n" EDIT_USAGE, a);
                return TOOL_USAGE;
            }
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
    /* Second pass: apply the options in order. */
    int status = TOOL_OK;
    for (i = 1; i < argc && status == TOOL_OK; i++) {
        const edit_option *o = find_option(argv[i]);
        if (!o)
            continue; /* the file */
        c.opt = o;
        c.arg = o->arg ? argv[++i] : NULL;
        char *work = c.arg ? strdup(c.arg) : NULL; /* split in place; messages show c.arg whole */
        if (c.arg && !work) {
            status = fail(&c, SDPX_ENOMEM, NULL);
            break;
        }
        status = o->run(&c, work);
        free(work);
    }
    if (status == TOOL_OK) {
        size_t n;
        char *out = sdpx_write_alloc(c.s, c.wflags, &n);
        if (!out) {
            fprintf(stderr, "sdpx: edit: out of memory\n");
            status = TOOL_FAIL;
        } else {
            fwrite(out, 1, n, stdout); /* main() fails when stdout could not be written */
            sdpx_free(out);
        }
    }
    sdpx_session_free(c.s);
    return status;
}
