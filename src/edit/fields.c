/* The RFC 8866 session and media lines: i=, c=, k=, s=, t=, b= and o= (with
 * the sess-version bump and the edit flags). */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>

#include "edit.h"

/* ---- single lines: i= c= k= s= ------------------------------------------ */

/* Replace the first line of `type` with "<type>=<parts>" (removing any
 * further ones when `only` is set), or insert it at its RFC 8866 place;
 * nparts == 0 removes every line of the type. */
static int tx_set_line(sdpxi_tx *tx, sdpx_media *m, char type, const sdpx_str *parts,
                       size_t nparts, int only)
{
    sdpx_line l;
    int rc;
    if (nparts) {
        rc = sdpxi_tx_line(tx, type, parts, nparts, &l);
        if (rc)
            return rc;
    }
    const sdpxi_section *r = sdpxi_tx_read(tx, m);
    size_t first = SIZE_MAX;
    for (size_t i = 1; i < r->n && first == SIZE_MAX; i++)
        if (r->lines[i].type == type)
            first = i;
    if (first == SIZE_MAX && !nparts)
        return 0;
    sdpxi_section *w = sdpxi_tx_write(tx, m);
    if (!w)
        return sdpxi_tx_nomem(tx);
    if (first == SIZE_MAX)
        return sdpxi_tx_insert(tx, w, sdpxi_insert_pos(w, m != NULL, type), &l);
    for (size_t i = first + 1; i < w->n; i++, SDPXI_OPS(1))
        if (w->lines[i].type == type && (only || !nparts))
            sdpxi_sec_mark(w, i);
    if (nparts)
        sdpxi_sec_set(w, first, &l);
    else
        sdpxi_sec_mark(w, first);
    sdpxi_sec_sweep(w);
    return 0;
}

static int set_line(sdpx_session *s, sdpx_media *m, char type, const sdpx_str *parts,
                    size_t nparts, int only)
{
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    return sdpxi_tx_end(&tx, tx_set_line(&tx, m, type, parts, nparts, only));
}

/* RFC 8866 5.4: i=<session description>, a non-empty text */
static int set_info(sdpx_session *s, sdpx_media *m, const char *text)
{
    sdpx_str t = sdpxi_cstr(text);
    if (text && t.len == 0)
        return sdpxi_refuse(s, SDPX_EINVAL, 0, "text: empty; i= needs a text (NULL removes it)");
    if (text && !sdpxi_arg_text(s, "text", t, 'i'))
        return SDPX_EINVAL;
    return set_line(s, m, 'i', &t, text ? 1 : 0, 1);
}

int sdpx_session_set_info(sdpx_session *s, const char *text)
{
    if (!s)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    return set_info(s, NULL, text);
}

int sdpx_media_set_info(sdpx_media *m, const char *text)
{
    if (!m)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    return set_info(m->session, m, text);
}

/* RFC 8866 5.12: k=<method> / k=<method>:<encryption key> */
static int set_key(sdpx_session *s, sdpx_media *m, const char *value)
{
    sdpx_str v = sdpxi_cstr(value);
    if (value) {
        sdpx_key k;
        if (!sdpxi_arg_text(s, "value", v, 'k'))
            return SDPX_EINVAL;
        if (sdpx_key_parse(v, &k) || !sdpxi_arg_token(s, "key method", k.method))
            return sdpxi_refuse(s, SDPX_EINVAL, 0, "value: not <method>[:<key>] (RFC 8866 5.12)");
    }
    return set_line(s, m, 'k', &v, value ? 1 : 0, 1);
}

int sdpx_session_set_key(sdpx_session *s, const char *value)
{
    if (!s)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    return set_key(s, NULL, value);
}

int sdpx_media_set_key(sdpx_media *m, const char *value)
{
    if (!m)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    return set_key(m->session, m, value);
}

/* RFC 8866 5.7: c=<nettype> <addrtype> <connection-address>, exactly three
 * fields; with IN, IP4 takes a dotted quad or FQDN, IP6 an IPv6 address or FQDN. */
static int connection_ok(sdpx_str v)
{
    sdpx_connection c;
    sdpx_str rest = v, f;
    int n = 0;
    while (sdpx_field_next(&rest, &f))
        n++;
    if (n != 3 || !sdpxi_text_ok(v) || sdpx_connection_parse(v, &c))
        return 0;
    if (!sdpxi_is_token(c.nettype) || !sdpxi_is_token(c.addrtype))
        return 0;
    if (!sdpx_str_eq(c.nettype, "IN"))
        return 1;
    int form = sdpxi_addr_form(c.address);
    if (sdpx_str_eq(c.addrtype, "IP4"))
        return form == 4 || form == 'f';
    if (sdpx_str_eq(c.addrtype, "IP6"))
        return form == 6 || form == 'f';
    return 0;
}

static int set_connection(sdpx_session *s, sdpx_media *m, const char *value)
{
    sdpx_str v = sdpxi_cstr(value);
    if (value && !sdpxi_arg_text(s, "value", v, 'c'))
        return SDPX_EINVAL;
    if (value && !connection_ok(v))
        return sdpxi_refuse(s, SDPX_EINVAL, 0,
                            "value: not \"IN IP4|IP6 <address>\" with an address of that family "
                            "(RFC 8866 5.7)");
    return set_line(s, m, 'c', &v, value ? 1 : 0, 1);
}

int sdpx_session_set_connection(sdpx_session *s, const char *value)
{
    if (!s)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    return set_connection(s, NULL, value);
}

int sdpx_media_set_connection(sdpx_media *m, const char *value)
{
    if (!m)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    return set_connection(m->session, m, value);
}

/* RFC 8866 5.3: s=<session name>, non-empty ("s= " when there is none) */
int sdpx_session_set_name(sdpx_session *s, const char *name)
{
    if (!s || !name)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    sdpx_str t = sdpxi_cstr(name);
    if (t.len == 0)
        return sdpxi_refuse(s, SDPX_EINVAL, 0, "name: empty; s= needs a text (\"-\" for none)");
    if (!sdpxi_arg_text(s, "name", t, 's'))
        return SDPX_EINVAL;
    return set_line(s, NULL, 's', &t, 1, 1);
}

/* RFC 8866 5.9: t=<start-time> <stop-time>; only the first t= changes. */
int sdpx_session_set_timing(sdpx_session *s, uint64_t start, uint64_t stop)
{
    if (!s)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    char a[24], b[24];
    sdpx_str parts[3] = {sdpxi_u64_str(a, start), sdpxi_str(" ", 1), sdpxi_u64_str(b, stop)};
    return set_line(s, NULL, 't', parts, 3, 0);
}

/* ---- b= ---------------------------------------------------------------- */

/* The bwtype of a b= line: the part before ':' (RFC 8866 5.8). */
static sdpx_str bw_type(const sdpx_line *l)
{
    sdpx_str v = sdpx_line_value(l);
    const char *colon = v.len ? memchr(v.ptr, ':', v.len) : NULL;
    return sdpxi_str(v.ptr, colon ? (size_t)(colon - v.ptr) : v.len);
}

static int bw_match(const sdpx_line *l, sdpx_str type)
{
    if (l->type != 'b')
        return 0;
    sdpx_str t = bw_type(l);
    return type.len == 0 || sdpxi_str_same(t, type);
}

/* RFC 8866 5.8: b=<bwtype>:<bandwidth>; one line per bwtype. value NULL
 * removes the lines of the type (every b= line when type is empty). */
static int tx_set_bandwidth(sdpxi_tx *tx, sdpx_media *m, sdpx_str type, const uint64_t *value)
{
    sdpx_line l;
    char num[24];
    if (value) {
        sdpx_str parts[3] = {type, sdpxi_str(":", 1), sdpxi_u64_str(num, *value)};
        int rc = sdpxi_tx_line(tx, 'b', parts, 3, &l);
        if (rc)
            return rc;
    }
    const sdpxi_section *r = sdpxi_tx_read(tx, m);
    int found = 0;
    for (size_t i = 1; i < r->n; i++, SDPXI_OPS(1))
        found += bw_match(&r->lines[i], type);
    if (!found && !value)
        return 0;
    sdpxi_section *w = sdpxi_tx_write(tx, m);
    if (!w)
        return sdpxi_tx_nomem(tx);
    size_t first = SIZE_MAX;
    for (size_t i = 1; i < w->n; i++, SDPXI_OPS(1)) {
        if (!bw_match(&w->lines[i], type))
            continue;
        if (first == SIZE_MAX && value)
            first = i; /* the first one takes the new value, the others go */
        else
            sdpxi_sec_mark(w, i);
    }
    if (first != SIZE_MAX)
        sdpxi_sec_set(w, first, &l);
    sdpxi_sec_sweep(w);
    if (!value)
        return found;
    if (first != SIZE_MAX)
        return 0;
    return sdpxi_tx_insert(tx, w, sdpxi_insert_pos(w, m != NULL, 'b'), &l);
}

static int set_bandwidth(sdpx_session *s, sdpx_media *m, const char *type, const uint64_t *value)
{
    sdpx_str t = sdpxi_cstr(type);
    if ((type || value) && !sdpxi_is_token(t))
        return SDPX_EINVAL;
    if (memchr(t.ptr, ':', t.len))
        return SDPX_EINVAL;
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    return sdpxi_tx_end(&tx, tx_set_bandwidth(&tx, m, t, value));
}

int sdpx_session_set_bandwidth(sdpx_session *s, const char *type, uint64_t value)
{
    if (!s || !type)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    return set_bandwidth(s, NULL, type, &value);
}

int sdpx_media_set_bandwidth(sdpx_media *m, const char *type, uint64_t value)
{
    if (!m || !type)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    return set_bandwidth(m->session, m, type, &value);
}

int sdpx_session_clear_bandwidth(sdpx_session *s, const char *type)
{
    if (!s)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    return set_bandwidth(s, NULL, type, NULL);
}

int sdpx_media_clear_bandwidth(sdpx_media *m, const char *type)
{
    if (!m)
        return SDPX_EINVAL;
    sdpxi_edit_begin(m->session);
    SDPXI_CHECK_MEDIA(m);
    return set_bandwidth(m->session, m, type, NULL);
}

/* ---- o= ------------------------------------------------------------------ */


/* RFC 8866 5.2: sess-version is a number; it grows as text, so a value of
 * any length increments (a carry out of the first digit prepends a 1). */



int sdpx_session_bump_version(sdpx_session *s)
{
    if (!s)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    return sdpxi_tx_end(&tx, sdpxi_bump_version(&tx));
}

int sdpx_session_set_edit_flags(sdpx_session *s, unsigned flags)
{
    if (!s)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    if (flags & ~(unsigned)SDPX_EDIT_BUMP_VERSION)
        return SDPX_EINVAL;
    s->edit_state &= ~(SDPXI_SESSION_AUTO_BUMP | SDPXI_SESSION_BUMPED);
    if (flags & SDPX_EDIT_BUMP_VERSION)
        s->edit_state |= SDPXI_SESSION_AUTO_BUMP;
    return 0;
}

/* A field given by the caller, or the current one when its ptr is NULL. */
static sdpx_str pick(sdpx_str given, sdpx_str current)
{
    return given.ptr ? given : current;
}

int sdpx_session_set_origin(sdpx_session *s, const sdpx_origin *o)
{
    if (!s || !o)
        return SDPX_EINVAL;
    sdpxi_edit_begin(s);
    sdpx_origin cur;
    memset(&cur, 0, sizeof cur);
    int rc = sdpx_session_origin(s, &cur);
    if (rc && rc != SDPX_ENOTFOUND)
        return rc;
    sdpx_origin n;
    n.username = pick(o->username, cur.username);
    n.sess_id = pick(o->sess_id, cur.sess_id);
    n.sess_version = pick(o->sess_version, cur.sess_version);
    n.nettype = pick(o->nettype, cur.nettype);
    n.addrtype = pick(o->addrtype, cur.addrtype);
    n.address = pick(o->address, cur.address);
    /* RFC 8866 5.2: username has no spaces ("-" when none), the ids are
     * numbers, nettype/addrtype tokens, the address a unicast address. */
    if (!sdpxi_is_token(n.username) || !sdpxi_all_digits(n.sess_id) || !sdpxi_all_digits(n.sess_version) ||
        !sdpxi_is_token(n.nettype) || !sdpxi_is_token(n.addrtype) ||
        !sdpxi_text_ok(n.address) || n.address.len == 0 || memchr(n.address.ptr, ' ', n.address.len))
        return SDPX_EINVAL;
    if (sdpx_str_eq(n.nettype, "IN")) {
        int form = sdpxi_addr_form(n.address);
        if (sdpx_str_eq(n.addrtype, "IP4") ? !(form == 4 || form == 'f')
            : sdpx_str_eq(n.addrtype, "IP6") ? !(form == 6 || form == 'f') : 1)
            return SDPX_EINVAL;
    }
    sdpx_str sp = sdpxi_str(" ", 1);
    sdpx_str parts[11] = {n.username, sp, n.sess_id, sp, n.sess_version, sp,
                          n.nettype, sp, n.addrtype, sp, n.address};
    sdpxi_tx tx;
    sdpxi_tx_begin(&tx, s);
    rc = tx_set_line(&tx, NULL, 'o', parts, 11, 1);
    if (!rc && o->sess_version.ptr)
        tx.bumped = 1; /* the caller chose the version */
    return sdpxi_tx_end(&tx, rc);
}
