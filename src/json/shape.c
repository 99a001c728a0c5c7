/* JSON in sdp-transform's shape back to a session: the JSON is checked
 * against the shape (types, duplicate keys, no CR/LF/NUL that would inject
 * lines), written as SDP text the way sdp-transform's write() does (the
 * RFC order of line types, then the grammar's order of rules), and that
 * text is parsed with sdpx_parse. There is no second model: the session is
 * whatever the parser makes of the text. */
#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sh {
    sdpxi_out o;
    int lossless;
    struct {
        const char *key; /* NULL: an index */
        size_t index;
    } path[64];      /* where the walk is; made a string only for an error */
    size_t plen;
    int code;
    sdpx_error *err;
    const char *json; /* the text, for the line and column of an error */
} sh;

static int bad(sh *s, const sdpxi_jv *at, const char *what)
{
    if (!s->code) {
        s->code = SDPX_EJSON_SHAPE;
        if (s->err) {
            char path[100];
            size_t n = 0;
            path[0] = '\0';
            for (size_t i = 0; i < s->plen && i < 64 && n < sizeof path; i++) {
                int k = s->path[i].key
                            ? snprintf(path + n, sizeof path - n, "%s%s", i ? "." : "", s->path[i].key)
                            : snprintf(path + n, sizeof path - n, "[%zu]", s->path[i].index);
                n += k > 0 ? (size_t)k : 0;
            }
            size_t off = at ? at->off : 0;
            s->err->code = SDPX_EJSON_SHAPE;
            s->err->line = 1;
            s->err->col = 1;
            for (size_t i = 0; i < off; i++)
                if (s->json[i] == '\n') {
                    s->err->line++;
                    s->err->col = 1;
                } else
                    s->err->col++;
            s->err->need = 0;
            snprintf(s->err->msg, sizeof s->err->msg, "%.96s: %.36s (JSON at byte %zu)",
                     s->plen ? path : "(top)", what, off);
        }
    }
    return -1;
}

static size_t path_key(sh *s, const char *key)
{
    if (s->plen < 64) {
        s->path[s->plen].key = key;
        s->path[s->plen].index = 0;
    }
    return s->plen++;
}

static size_t path_index(sh *s, size_t i)
{
    if (s->plen < 64) {
        s->path[s->plen].key = NULL;
        s->path[s->plen].index = i;
    }
    return s->plen++;
}

static void path_pop(sh *s, size_t was) { s->plen = was; }

/* The member `key`, refusing one given twice (JSON.parse would keep the
 * last silently). Sets *v to NULL when absent; null counts as absent. */
static int member(sh *s, const sdpxi_jv *o, const char *key, const sdpxi_jv **v)
{
    size_t n = strlen(key);
    *v = NULL;
    for (const sdpxi_jv *m = o->kid; m; m = m->next)
        if (m->keylen == n && !memcmp(m->key, key, n)) {
            if (*v) {
                size_t was = path_key(s, key);
                bad(s, m, "duplicate key");
                path_pop(s, was);
                return -1;
            }
            *v = m;
        }
    if (*v && (*v)->type == SDPXI_JV_NULL)
        *v = NULL;
    return 0;
}

/* A field must be a string or a number; a string must not break the line. */
static int scalar(sh *s, const sdpxi_jv *v, char kind)
{
    if (v->type == SDPXI_JV_NUM)
        return 0;
    if (v->type != SDPXI_JV_STR)
        return bad(s, v, kind == 'd' ? "expected a number" : "expected a string or a number");
    for (size_t i = 0; i < v->n; i++)
        if (v->s[i] == '\r' || v->s[i] == '\n' || v->s[i] == '\0')
            return bad(s, v, "CR, LF or NUL in a string");
    return 0;
}

/* Check an object's named fields (rule names). */
static int fields(sh *s, const sdpxi_rule *r, const sdpxi_jv *o)
{
    if (o->type != SDPXI_JV_OBJ)
        return bad(s, o, "expected an object");
    for (size_t j = 0; j < r->nnames; j++) {
        const sdpxi_jv *v;
        if (member(s, o, r->names[j], &v))
            return -1;
        if (!v)
            continue;
        size_t was = path_key(s, r->names[j]);
        int rc = scalar(s, v, r->kinds[j]);
        path_pop(s, was);
        if (rc)
            return -1;
    }
    return 0;
}

static void line(sh *s, const sdpxi_rule *r, const sdpxi_jv *f)
{
    sdpxi_rule_write(&s->o, r, f, s->lossless);
    sdpxi_out_put(&s->o, "\r\n", 2);
}

/* Write the lines of one rule for a level object. */
static int rule_lines(sh *s, const sdpxi_rule *r, const sdpxi_jv *loc)
{
    const sdpxi_jv *v;
    if (member(s, loc, r->key, &v))
        return -1;
    if (!v)
        return 0;
    size_t was = path_key(s, r->key);
    int rc = 0;
    if (r->push) {
        if (v->type != SDPXI_JV_ARR)
            rc = bad(s, v, "expected an array");
        size_t i = 0;
        for (const sdpxi_jv *el = v->kid; !rc && el; el = el->next, i++) {
            size_t w = path_index(s, i);
            rc = fields(s, r, el);
            path_pop(s, w);
            if (!rc)
                line(s, r, el);
        }
    } else if (r->nnames) {
        if (!(rc = fields(s, r, v)))
            line(s, r, v);
    } else if (!(rc = scalar(s, v, r->kinds[0]))) {
        line(s, r, v);
    }
    path_pop(s, was);
    return rc;
}

/* Every rule of `type` in grammar order, as writer.js walks them. */
static int type_lines(sh *s, char type, const sdpxi_jv *loc)
{
    for (size_t i = 0; i < sdpxi_nrules; i++)
        if (sdpxi_rules[i].type == type && i != SDPXI_RULE_M && rule_lines(s, &sdpxi_rules[i], loc))
            return -1;
    return 0;
}

static int write_sdp(sh *s, const sdpxi_jv *root)
{
    if (root->type != SDPXI_JV_OBJ)
        return bad(s, root, "expected an object");
    const sdpxi_jv *media, *version, *name;
    if (member(s, root, "media", &media) || member(s, root, "version", &version) ||
        member(s, root, "name", &name))
        return -1;
    if (!media) {
        path_key(s, "media");
        return bad(s, root, "missing (an array of media objects)");
    }
    if (media->type != SDPXI_JV_ARR) {
        path_key(s, "media");
        return bad(s, media, "expected an array");
    }
    /* write() fills in v=0 and "s= " when they are missing */
    static const sdpxi_jv zero = {SDPXI_JV_NUM, "0", 1, "version", 7, 0, NULL, NULL};
    static const sdpxi_jv space = {SDPXI_JV_STR, " ", 1, "name", 4, 0, NULL, NULL};
    for (const char *t = "vosiuepcbtrza"; *t; t++) {
        if (*t == 'v' && !version) {
            line(s, &sdpxi_rules[0], &zero);
            continue;
        }
        if (*t == 's' && !name) {
            line(s, &sdpxi_rules[2], &space);
            continue;
        }
        if (type_lines(s, *t, root))
            return -1;
    }
    size_t i = 0;
    for (const sdpxi_jv *m = media->kid; m; m = m->next, i++) {
        size_t was = path_key(s, "media");
        path_index(s, i);
        const sdpxi_rule *mr = &sdpxi_rules[SDPXI_RULE_M];
        if (fields(s, mr, m))
            return -1;
        const sdpxi_jv *payloads;
        member(s, m, "payloads", &payloads);
        if (payloads) {
            line(s, mr, m);
        } else {
            /* write() sets payloads to '' when it is missing */
            sdpxi_jv copy = *m, empty = {SDPXI_JV_STR, "", 0, "payloads", 8, 0, NULL, NULL};
            empty.next = copy.kid;
            copy.kid = &empty;
            line(s, mr, &copy);
        }
        for (const char *t = "icba"; *t; t++)
            if (type_lines(s, *t, m))
                return -1;
        path_pop(s, was);
    }
    return 0;
}

int sdpx_parse_json(const char *buf, size_t len, const sdpx_json_options *opt,
                    sdpx_session **out, sdpx_error *err)
{
    if (out)
        *out = NULL;
    if (!out || (!buf && len) || (opt && (opt->flags & ~(unsigned)SDPX_JSON_LOSSLESS)))
        return SDPX_EINVAL;
    if (!buf)
        buf = "";
    const sdpx_parse_options *po = opt ? opt->parse : NULL;
    size_t max_input = po && po->limits.max_input ? po->limits.max_input : SDPX_DEFAULT_MAX_INPUT;
    size_t max_depth = opt && opt->max_depth ? opt->max_depth : SDPX_JSON_DEFAULT_MAX_DEPTH;
    size_t max_values = opt && opt->max_values ? opt->max_values : SDPX_JSON_DEFAULT_MAX_VALUES;
    if (len > max_input) {
        if (err) {
            memset(err, 0, sizeof *err);
            err->code = SDPX_ELIMIT;
            snprintf(err->msg, sizeof err->msg, "JSON of %zu bytes is over the input limit (%zu)",
                     len, max_input);
        }
        return SDPX_ELIMIT;
    }
    const sdpxi_jv *root;
    void *mem;
    int rc = sdpxi_json_read(buf, len, max_depth, max_values, &root, &mem, err);
    if (rc)
        return rc;
    sh s;
    memset(&s, 0, sizeof s);
    s.o.grow = 1;
    s.lossless = opt && (opt->flags & SDPX_JSON_LOSSLESS);
    s.err = err;
    s.json = buf;
    rc = write_sdp(&s, root) ? s.code : s.o.failed ? SDPX_ENOMEM : 0;
    free(mem);
    if (rc) {
        free(s.o.buf);
        if (rc == SDPX_ENOMEM && err) {
            memset(err, 0, sizeof *err);
            err->code = SDPX_ENOMEM;
            snprintf(err->msg, sizeof err->msg, "out of memory");
        }
        return rc;
    }
    rc = sdpx_parse(s.o.buf, s.o.len, po, out, err);
    free(s.o.buf);
    if (rc && err) {
        char msg[sizeof err->msg];
        snprintf(msg, sizeof msg, "the SDP written from the JSON: %.120s", err->msg);
        memcpy(err->msg, msg, sizeof msg);
    }
    return rc;
}
