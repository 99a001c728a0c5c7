/* Codec helpers: remove, keep and reorder codecs with their rtpmap, fmtp and
 * rtcp-fb lines, RTX (apt) and RED partners and m= payload types; fmtp
 * parameters. Decisions come from the codec view (src/view/codec.c); changes
 * go through the edit transactions. */
#include "edit.h"

#define MAX_CODECS 128

/* The codecs of a section (sdpxi_media_codecs) and what ties them to others. */
typedef struct {
    sdpx_codec c[MAX_CODECS];
    uint64_t refs[MAX_CODECS][2]; /* RED (RFC 2198): the payload types it carries */
    int nrefs[MAX_CODECS];
    size_t n;
} codec_table;

static int pt_bit(const uint64_t *set, unsigned pt) { return (int)((set[pt >> 6] >> (pt & 63)) & 1u); }
static void pt_set(uint64_t *set, unsigned pt) { set[pt >> 6] |= (uint64_t)1 << (pt & 63); }

/* sdpx_str_ieq(enc, name) for a name of `len` bytes, inline: it runs for
 * every codec of the section. */
static int is_named(sdpx_str enc, const char *name, size_t len)
{
    if (enc.len != len)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (sdpxi_lower((unsigned char)enc.ptr[i]) != sdpxi_lower((unsigned char)name[i]))
            return 0;
    return 1;
}

/* RFC 2198 5: RED's fmtp lists the redundant payload types, "111/111". */
static void red_refs(const sdpx_codec *c, uint64_t *refs, int *nrefs)
{
    refs[0] = refs[1] = 0;
    *nrefs = 0;
    if (!is_named(c->encoding, "red", 3) || !c->fmtp)
        return;
    sdpx_str rest = c->params.params;
    int found;
    while (rest.len) {
        sdpx_str one = sdpxi_cut(&rest, '/', &found);
        uint64_t v;
        if (sdpxi_parse_uint(one, 127, &v) == 0) {
            pt_set(refs, (unsigned)v);
            (*nrefs)++;
        }
    }
}

/* Fill the table from a media section. Returns 1 for an RTP section whose
 * formats are all payload types, 0 otherwise (helpers leave it alone). */
static int load_codecs(const sdpx_media *m, codec_table *t)
{
    size_t n;
    t->n = 0;
    if (sdpxi_media_codecs(m, t->c, MAX_CODECS, &n))
        return 0;
    for (size_t i = 0; i < n; i++)
        red_refs(&t->c[i], t->refs[i], &t->nrefs[i]);
    t->n = n;
    return 1;
}

/* fmtp_match is "key=value": the codec's fmtp must hold key with that
 * value (both compared ignoring case, as media type parameters are). */
static int fmtp_matches(const sdpx_codec *c, const char *match)
{
    if (!match)
        return 1;
    const char *eq = strchr(match, '=');
    if (!eq || eq == match)
        return 0;
    char key[64];
    size_t kl = (size_t)(eq - match);
    if (kl >= sizeof key || !c->fmtp)
        return 0;
    memcpy(key, match, kl);
    key[kl] = '\0';
    sdpx_str v;
    if (sdpx_fmtp_get(&c->params, key, &v))
        return 0;
    return sdpx_str_ieq(v, eq + 1);
}

/* Extend a set of payload types with its partners: RTX whose apt is in it
 * (RFC 4588 8.6) and RED that carries any of it, until nothing changes. */
static void close_over_partners(const codec_table *t, uint64_t *set, int red_needs_all)
{
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t i = 0; i < t->n; i++, SDPXI_OPS(1)) {
            const sdpx_codec *c = &t->c[i];
            const uint64_t *refs = t->refs[i];
            unsigned pt = c->payload_type;
            if (pt_bit(set, pt))
                continue;
            int hit = c->has_apt && c->apt < 128 && pt_bit(set, c->apt);
            if (!hit && t->nrefs[i]) {
                uint64_t in[2] = {refs[0] & set[0], refs[1] & set[1]};
                hit = red_needs_all ? (in[0] == refs[0] && in[1] == refs[1])
                                    : (in[0] | in[1]) != 0;
            }
            if (hit) {
                pt_set(set, pt);
                changed = 1;
            }
        }
    }
}

/* The payload type an rtpmap/fmtp/rtcp-fb line is about, or -1 ("*", other lines). */
static int line_pt(const sdpx_line *l)
{
    if (l->type != 'a' ||
        (l->kind != SDPX_ATTR_RTPMAP && l->kind != SDPX_ATTR_FMTP && l->kind != SDPX_ATTR_RTCP_FB))
        return -1;
    return sdpxi_line_pt(l);
}

/* RFC 8851 4: a=rid "pt=" lists name payload types of the m= line; drop the
 * removed ones (rank < 0). A rid left without any is refused (SDPX_EINVAL):
 * the caller removes the rid first. */
static int tx_fix_rids(sdpxi_tx *tx, sdpxi_section *w, const int *rank)
{
    for (size_t i = 1; i < w->n; i++, SDPXI_OPS(1)) {
        const sdpx_line *l = &w->lines[i];
        sdpx_rid rid;
        if (l->type != 'a' || l->kind != SDPX_ATTR_RID || sdpx_rid_parse(sdpx_attr_value(l), &rid) ||
            !rid.has_pts)
            continue;
        char *list = sdpxi_arena_alloc(&tx->s->arena, rid.pts.len + 1);
        if (!list)
            return sdpxi_tx_nomem(tx);
        size_t n = 0;
        int dropped = 0, found;
        sdpx_str rest = rid.pts;
        while (rest.len) {
            sdpx_str one = sdpxi_cut(&rest, ',', &found);
            uint64_t v;
            if (sdpxi_parse_uint(one, 127, &v) == 0 && rank[v] < 0) {
                dropped = 1;
                continue;
            }
            if (n)
                list[n++] = ',';
            memcpy(list + n, one.ptr, one.len);
            n += one.len;
        }
        if (!dropped)
            continue;
        if (n == 0)
            return sdpxi_refuse(tx->s, SDPX_EINVAL, 0,
                                "a=rid:%.*s would be left without payload types (RFC 8851 4)",
                                (int)rid.id.len, rid.id.ptr);
        const char *end = l->text + l->len, *after = rid.pts.ptr + rid.pts.len;
        sdpx_str parts[3] = {sdpxi_str(l->text + 2, (size_t)(rid.pts.ptr - l->text - 2)),
                             sdpxi_str(list, n), sdpxi_str(after, (size_t)(end - after))};
        int rc = sdpxi_tx_set(tx, w, i, parts, 3);
        if (rc)
            return rc;
    }
    return 0;
}

/* Each payload type's rank in the new order: types of the table missing
 * from `order` are removed (-1), types the m= line never listed are kept
 * after the others (MAX_CODECS). */
static void rank_codecs(const codec_table *t, const unsigned *order, size_t n, int *rank)
{
    for (size_t i = 0; i < MAX_CODECS; i++)
        rank[i] = MAX_CODECS; /* not in the m= line: kept, sorted last */
    for (size_t i = 0; i < t->n; i++, SDPXI_OPS(1))
        rank[t->c[i].payload_type] = -1; /* listed, now removed */
    for (size_t i = 0; i < n; i++)
        rank[order[i]] = (int)i;
}

/* Payload type pt (0-127) in decimal at p; returns the digits written. */
static size_t put_pt(char *p, unsigned pt)
{
    size_t n = 0;
    if (pt >= 100)
        p[n++] = (char)('0' + pt / 100);
    if (pt >= 10)
        p[n++] = (char)('0' + pt / 10 % 10);
    p[n++] = (char)('0' + pt % 10);
    return n;
}

/* The m= line's new formats, "<pt> <pt>...", in the arena (NULL: out of
 * memory). */
static char *format_list(sdpxi_tx *tx, const unsigned *order, size_t n, size_t *len)
{
    char *fmt = sdpxi_arena_alloc(&tx->s->arena, n * 4);
    if (!fmt)
        return NULL;
    *len = 0;
    for (size_t i = 0; i < n; i++) {
        if (i)
            fmt[(*len)++] = ' ';
        *len += put_pt(fmt + *len, order[i]);
    }
    return fmt;
}

/* Remove the lines of removed payload types and give each payload-type line
 * that stays its rank in key[] (0xff: not a payload-type line, stays where
 * it is), in one pass that decodes each line's type once and moves the
 * lines that stay down over the removed ones, their keys with them.
 * Returns how many payload-type lines stay. */
static size_t drop_removed_lines(sdpxi_section *w, const int *rank, uint8_t *key)
{
    size_t nslots = 0, k = 1;
    SDPXI_OPS(w->n);
    for (size_t i = 1; i < w->n; i++, SDPXI_OPS(1)) {
        int pt = line_pt(&w->lines[i]);
        if (pt >= 0 && rank[pt] < 0)
            continue;
        key[k] = pt >= 0 ? (uint8_t)rank[pt] : 0xff;
        nslots += pt >= 0;
        w->lines[k++] = w->lines[i];
    }
    w->n = (uint32_t)k;
    return nslots;
}

/* Stable reorder of the payload-type lines within the slots they hold:
 * a counting sort on the rank (0 .. MAX_CODECS), linear in the lines. */
static int sort_codec_lines(sdpxi_tx *tx, sdpxi_section *w, const uint8_t *key, size_t nslots)
{
    size_t *slots = sdpxi_arena_alloc(&tx->s->arena, (nslots + 1) * sizeof *slots);
    sdpx_line *sorted = sdpxi_arena_alloc(&tx->s->arena, (nslots + 1) * sizeof *sorted);
    if (!slots || !sorted)
        return sdpxi_tx_nomem(tx);
    size_t start[MAX_CODECS + 2];
    memset(start, 0, sizeof start);
    size_t ns = 0;
    SDPXI_OPS(w->n);
    for (size_t i = 1; i < w->n; i++, SDPXI_OPS(1)) {
        if (key[i] == 0xff)
            continue;
        slots[ns++] = i;
        start[key[i] + 1]++;
    }
    for (size_t r = 1; r < MAX_CODECS + 2; r++)
        start[r] += start[r - 1];
    for (size_t j = 0; j < ns; j++)
        sorted[start[key[slots[j]]]++] = w->lines[slots[j]];
    for (size_t j = 0; j < ns; j++)
        w->lines[slots[j]] = sorted[j];
    return 0;
}

/* Rewrite section m so that its m= line lists `order` (payload types, n of
 * them, from table t) and its payload-type lines follow that order; lines of
 * the table's types missing from `order` are removed, lines of types the m=
 * line never listed stay (after the others). */
static int tx_apply_codecs(sdpxi_tx *tx, sdpx_media *m, const codec_table *t,
                           const unsigned *order, size_t n)
{
    sdpx_mline ml;
    if (sdpx_mline_parse(sdpx_line_value(&sdpxi_tx_read(tx, m)->lines[0]), &ml))
        return SDPX_EFIELD;
    if (n == 0) /* RFC 8866 5.14: an m= line needs a format */
        return sdpxi_refuse(tx->s, SDPX_EINVAL, 0,
                            "media section %zu would be left without a codec (an m= line needs a "
                            "format, RFC 8866 5.14)",
                            sdpx_media_index(m));
    int rank[MAX_CODECS];
    rank_codecs(t, order, n, rank);
    size_t len;
    char *fmt = format_list(tx, order, n, &len);
    if (!fmt)
        return sdpxi_tx_nomem(tx);
    sdpxi_section *w = sdpxi_tx_write(tx, m);
    if (!w)
        return sdpxi_tx_nomem(tx);
    uint8_t *key = sdpxi_arena_alloc(&tx->s->arena, w->n + 1u);
    if (!key)
        return sdpxi_tx_nomem(tx);
    size_t nslots = drop_removed_lines(w, rank, key);
    int rc = sort_codec_lines(tx, w, key, nslots);
    if (!rc)
        rc = tx_fix_rids(tx, w, rank);
    if (rc)
        return rc;
    ml.formats = sdpxi_str(fmt, len);
    return sdpxi_tx_set_mline_pts(tx, w, &ml);
}

/* Keep the payload types in `keep` (in m= order); returns how many went. */
static int tx_keep_set(sdpxi_tx *tx, sdpx_media *m, const codec_table *t, const uint64_t *keep)
{
    unsigned order[MAX_CODECS];
    size_t n = 0;
    for (size_t i = 0; i < t->n; i++, SDPXI_OPS(1))
        if (pt_bit(keep, t->c[i].payload_type))
            order[n++] = t->c[i].payload_type;
    if (n == t->n)
        return 0;
    int rc = tx_apply_codecs(tx, m, t, order, n);
    return rc ? rc : (int)(t->n - n);
}

static int encoding_in(const sdpx_codec *c, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (names[i] && sdpx_str_ieq(c->encoding, names[i]))
            return 1;
    return 0;
}

static int tx_remove_codec(sdpxi_tx *tx, sdpx_media *m, const char *name, const char *match)
{
    codec_table table, *t = &table;
    if (!load_codecs(m, t))
        return 0;
    uint64_t gone[2] = {0, 0}, keep[2] = {0, 0};
    size_t len = strlen(name);
    for (size_t i = 0; i < t->n; i++, SDPXI_OPS(1))
        if (is_named(t->c[i].encoding, name, len) && fmtp_matches(&t->c[i], match))
            pt_set(gone, t->c[i].payload_type);
    if (!gone[0] && !gone[1])
        return 0;
    close_over_partners(t, gone, 0);
    for (size_t i = 0; i < t->n; i++, SDPXI_OPS(1))
        if (!pt_bit(gone, t->c[i].payload_type))
            pt_set(keep, t->c[i].payload_type);
    return tx_keep_set(tx, m, t, keep);
}

static int tx_keep_codecs(sdpxi_tx *tx, sdpx_media *m, const char *const *names, size_t n)
{
    codec_table table, *t = &table;
    if (!load_codecs(m, t))
        return 0;
    uint64_t keep[2] = {0, 0};
    for (size_t i = 0; i < t->n; i++, SDPXI_OPS(1))
        if (encoding_in(&t->c[i], names, n))
            pt_set(keep, t->c[i].payload_type);
    close_over_partners(t, keep, 1);
    return tx_keep_set(tx, m, t, keep);
}

static int tx_prefer_codecs(sdpxi_tx *tx, sdpx_media *m, const char *const *names, size_t n)
{
    codec_table table, *t = &table;
    if (!load_codecs(m, t))
        return 0;
    unsigned order[MAX_CODECS];
    uint64_t placed[2] = {0, 0};
    size_t k = 0;
    for (size_t j = 0; j <= n; j++) {
        for (size_t i = 0; i < t->n; i++, SDPXI_OPS(1)) {
            const sdpx_codec *c = &t->c[i];
            if (pt_bit(placed, c->payload_type))
                continue;
            if (j < n && !(names[j] && sdpx_str_ieq(c->encoding, names[j])))
                continue;
            order[k++] = c->payload_type;
            pt_set(placed, c->payload_type);
            if (j == n)
                continue;
            /* an RTX partner follows its codec, as browsers list them */
            for (size_t x = 0; x < t->n; x++, SDPXI_OPS(1)) {
                const sdpx_codec *p = &t->c[x];
                if (p->has_apt && p->apt == c->payload_type && !pt_bit(placed, p->payload_type)) {
                    order[k++] = p->payload_type;
                    pt_set(placed, p->payload_type);
                }
            }
        }
    }
    size_t same = 0;
    while (same < t->n && order[same] == t->c[same].payload_type)
        same++;
    if (same == t->n)
        return 0;
    int rc = tx_apply_codecs(tx, m, t, order, k);
    return rc ? rc : 1;
}

static int names_ok(const char *const *names, size_t n)
{
    if (!names && n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!names[i] || !sdpxi_is_token(sdpxi_cstr(names[i])))
            return 0;
    return 1;
}

/* Run a per-section codec edit on one section (m) or every section (m NULL). */
typedef struct {
    enum { CODEC_REMOVE, CODEC_KEEP, CODEC_PREFER } op;
    const char *name;
    const char *match;
    const char *const *names;
    size_t n;
} codec_op;

static int run_codec_op(sdpx_session *s, sdpx_media *only, const codec_op *op)
{
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    int total = 0;
    for (size_t i = 0; i < s->nmedia; i++) {
        sdpx_media *m = s->media[i];
        if (only && m != only)
            continue;
        int rc = op->op == CODEC_REMOVE ? tx_remove_codec(&tx, m, op->name, op->match)
                 : op->op == CODEC_KEEP   ? tx_keep_codecs(&tx, m, op->names, op->n)
                               : tx_prefer_codecs(&tx, m, op->names, op->n);
        if (rc < 0)
            return rc;
        total += rc;
    }
    return sdpxi_tx_end(&tx, total);
}

int sdpx_media_remove_codec(sdpx_media *m, const char *encoding, const char *fmtp_match)
{
    if (!m || !encoding)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    codec_op op = {CODEC_REMOVE, encoding, fmtp_match, NULL, 0};
    if (!encoding || !names_ok(&encoding, 1) || (fmtp_match && !sdpxi_text_ok(sdpxi_cstr(fmtp_match))))
        return SDPX_EINVAL;
    return run_codec_op(m->session, m, &op);
}

int sdpx_session_remove_codec(sdpx_session *s, const char *encoding, const char *fmtp_match)
{
    if (!s || !encoding)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    codec_op op = {CODEC_REMOVE, encoding, fmtp_match, NULL, 0};
    if (!encoding || !names_ok(&encoding, 1) || (fmtp_match && !sdpxi_text_ok(sdpxi_cstr(fmtp_match))))
        return SDPX_EINVAL;
    return run_codec_op(s, NULL, &op);
}

int sdpx_media_keep_codecs(sdpx_media *m, const char *const *encodings, size_t n)
{
    if (!m || !encodings)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    codec_op op = {CODEC_KEEP, NULL, NULL, encodings, n};
    if (!names_ok(encodings, n))
        return SDPX_EINVAL;
    return run_codec_op(m->session, m, &op);
}

int sdpx_session_keep_codecs(sdpx_session *s, const char *const *encodings, size_t n)
{
    if (!s || !encodings)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    codec_op op = {CODEC_KEEP, NULL, NULL, encodings, n};
    if (!names_ok(encodings, n))
        return SDPX_EINVAL;
    return run_codec_op(s, NULL, &op);
}

int sdpx_media_prefer_codecs(sdpx_media *m, const char *const *encodings, size_t n)
{
    if (!m || !encodings)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    codec_op op = {CODEC_PREFER, NULL, NULL, encodings, n};
    if (!names_ok(encodings, n))
        return SDPX_EINVAL;
    return run_codec_op(m->session, m, &op);
}

int sdpx_session_prefer_codecs(sdpx_session *s, const char *const *encodings, size_t n)
{
    if (!s || !encodings)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    codec_op op = {CODEC_PREFER, NULL, NULL, encodings, n};
    if (!names_ok(encodings, n))
        return SDPX_EINVAL;
    return run_codec_op(s, NULL, &op);
}

/* ---- fmtp parameters ---------------------------------------------------- */

/* RFC 8866 6.15 / RFC 6838 4.3: parameter names are tokens; values here
 * must not break the ';'-separated list. */
static int param_ok(const char *key, const char *value)
{
    sdpx_str k = sdpxi_cstr(key), v = sdpxi_cstr(value);
    if (!key || !sdpxi_is_token(k))
        return 0;
    if (value && (v.len == 0 || !sdpxi_text_ok(v) || memchr(v.ptr, ';', v.len) ||
                  memchr(v.ptr, ' ', v.len)))
        return 0;
    return 1;
}

/* Where payload type pt's lines are in a section: its first fmtp, its
 * rtpmap, and the last rtpmap or fmtp of any type (SIZE_MAX: none). */
typedef struct {
    size_t fmtp, rtpmap, last_map;
} pt_lines;

static pt_lines find_pt_lines(const sdpxi_section *r, unsigned pt)
{
    pt_lines at = {SIZE_MAX, SIZE_MAX, SIZE_MAX};
    for (size_t i = 1; i < r->n; i++, SDPXI_OPS(1)) {
        int p = line_pt(&r->lines[i]);
        if (r->lines[i].kind == SDPX_ATTR_RTPMAP || r->lines[i].kind == SDPX_ATTR_FMTP)
            at.last_map = i;
        if (p != (int)pt)
            continue;
        if (r->lines[i].kind == SDPX_ATTR_FMTP && at.fmtp == SIZE_MAX)
            at.fmtp = i;
        if (r->lines[i].kind == SDPX_ATTR_RTPMAP)
            at.rtpmap = i;
    }
    return at;
}

/* A new "a=fmtp:<pt> key=value" after the codec's rtpmap, else after the
 * last rtpmap or fmtp, else at the end. Returns 1 (one change). */
static int tx_add_fmtp(sdpxi_tx *tx, sdpx_media *m, unsigned pt, const pt_lines *at,
                       const char *key, const char *value)
{
    char num[24];
    sdpx_str parts[6] = {sdpxi_str("fmtp:", 5), sdpxi_u64_str(num, pt), sdpxi_str(" ", 1),
                         sdpxi_cstr(key),       sdpxi_str("=", 1),       sdpxi_cstr(value)};
    sdpx_line nl;
    int rc = sdpxi_tx_line(tx, 'a', parts, 6, &nl);
    if (rc)
        return rc;
    sdpxi_section *w = sdpxi_tx_write(tx, m);
    if (!w)
        return sdpxi_tx_nomem(tx);
    size_t pos = at->rtpmap != SIZE_MAX ? at->rtpmap + 1 : at->last_map != SIZE_MAX ? at->last_map + 1 : w->n;
    rc = sdpxi_tx_insert(tx, w, pos, &nl);
    return rc ? rc : 1;
}

/* The parameters of an fmtp line rebuilt as parts of the new line. */
typedef struct {
    sdpx_str *parts;
    size_t n;
    size_t kept;     /* parameters in the new list */
    const char *sep; /* the separator the line uses, "; " or ";" */
    int done;        /* the key was seen */
    int changed;
} param_list;

/* "; " when the parameters are written so anywhere, else ";". */
static const char *param_sep(sdpx_str params)
{
    const char *sep = ";";
    for (size_t i = 0; i + 1 < params.len; i++)
        if (params.ptr[i] == ';' && params.ptr[i + 1] == ' ')
            sep = "; ";
    return sep;
}

/* An upper bound on the parameters of a list: its ';' plus one. */
static size_t param_count(sdpx_str params)
{
    size_t nitems = 1;
    for (size_t i = 0; i < params.len; i++)
        nitems += params.ptr[i] == ';';
    return nitems;
}

/* The parameter as written, from its key to the end of its value. */
static sdpx_str param_text(const sdpx_param *prm)
{
    return prm->has_value
               ? sdpxi_str(prm->key.ptr, (size_t)(prm->value.ptr + prm->value.len - prm->key.ptr))
               : prm->key;
}

static void pl_put(param_list *pl, sdpx_str item)
{
    if (pl->kept)
        pl->parts[pl->n++] = sdpxi_cstr(pl->sep);
    pl->parts[pl->n++] = item;
    pl->kept++;
}

static void pl_put_pair(param_list *pl, const char *key, const char *value)
{
    pl_put(pl, sdpxi_cstr(key));
    pl->parts[pl->n++] = sdpxi_str("=", 1);
    pl->parts[pl->n++] = sdpxi_cstr(value);
}

/* One parameter of the old list: kept as written, or the key's new value;
 * a removed key (value NULL) and a repeat of the key go, one value per
 * parameter. */
static void pl_take(param_list *pl, const sdpx_param *prm, const char *key, const char *value)
{
    if (!sdpx_str_ieq(prm->key, key)) {
        pl_put(pl, param_text(prm));
        return;
    }
    if (pl->done || !value) {
        pl->done = 1;
        pl->changed = 1;
        return;
    }
    pl->done = 1;
    pl->changed |= !sdpxi_str_same(prm->value, sdpxi_cstr(value));
    pl_put_pair(pl, key, value);
}

/* Rewrite the fmtp line at `at` with key set to value (or removed: NULL);
 * a line left without parameters goes. Returns 1 when it changed, else 0. */
static int tx_edit_fmtp(sdpxi_tx *tx, sdpx_media *m, size_t at, const char *key, const char *value)
{
    /* "<pt> <params>": the parameters one by one (sdpx_param_next) */
    sdpx_str val = sdpx_attr_value(&sdpxi_tx_read(tx, m)->lines[at]), ptf;
    sdpx_str rest = val;
    sdpx_field_next(&rest, &ptf);
    rest = sdpxi_skip_spaces(rest);
    param_list pl = {NULL, 0, 0, param_sep(rest), 0, 0};
    pl.parts = sdpxi_arena_alloc(&tx->s->arena, (4 * param_count(rest) + 8) * sizeof *pl.parts);
    if (!pl.parts)
        return sdpxi_tx_nomem(tx);
    pl.parts[pl.n++] = sdpxi_str("fmtp:", 5);
    pl.parts[pl.n++] = ptf;
    pl.parts[pl.n++] = sdpxi_str(" ", 1);
    sdpx_param prm;
    while (sdpx_param_next(&rest, &prm))
        pl_take(&pl, &prm, key, value);
    if (!pl.done && value) {
        pl_put_pair(&pl, key, value);
        pl.changed = 1;
    }
    if (!pl.changed)
        return 0;
    sdpxi_section *w = sdpxi_tx_write(tx, m);
    if (!w)
        return sdpxi_tx_nomem(tx);
    if (!pl.kept) {
        sdpxi_sec_remove(w, at); /* no parameter left: no fmtp line */
        return 1;
    }
    int rc = sdpxi_tx_set(tx, w, at, pl.parts, pl.n);
    return rc ? rc : 1;
}

/* Set (value) or remove (NULL) one parameter of payload type pt's fmtp in a
 * transaction; keeps the other parameters' text and their separator. */
static int tx_set_param(sdpxi_tx *tx, sdpx_media *m, unsigned pt, const char *key, const char *value)
{
    pt_lines at = find_pt_lines(sdpxi_tx_read(tx, m), pt);
    if (at.fmtp != SIZE_MAX)
        return tx_edit_fmtp(tx, m, at.fmtp, key, value);
    return value ? tx_add_fmtp(tx, m, pt, &at, key, value) : 0;
}

int sdpx_media_set_fmtp_param(sdpx_media *m, unsigned pt, const char *key, const char *value)
{
    if (!m || !key)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    if (pt > 127 || !param_ok(key, value))
        return SDPX_EINVAL;
    sdpx_codec c;
    if (sdpx_media_codec_find(m, pt, &c))
        return SDPX_ENOTFOUND;
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, m->session);
    int rc = tx_set_param(&tx, m, pt, key, value);
    return sdpxi_tx_end(&tx, rc < 0 ? rc : 0);
}

int sdpx_media_set_codec_param(sdpx_media *m, const char *encoding, const char *key,
                               const char *value)
{
    if (!m || !encoding || !key)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    if (!encoding || !sdpxi_is_token(sdpxi_cstr(encoding)) || !param_ok(key, value))
        return SDPX_EINVAL;
    codec_table table, *t = &table;
    if (!load_codecs(m, t))
        return 0;
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, m->session);
    int count = 0;
    for (size_t i = 0; i < t->n; i++, SDPXI_OPS(1)) {
        if (!sdpx_str_ieq(t->c[i].encoding, encoding))
            continue;
        int rc = tx_set_param(&tx, m, t->c[i].payload_type, key, value);
        if (rc < 0)
            return rc;
        count++;
    }
    return sdpxi_tx_end(&tx, count);
}
