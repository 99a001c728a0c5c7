/* Simulcast attributes: rid (RFC 8851) and simulcast (RFC 8853). */
#include "attr.h"

#define BAD(tok, what, why) sdpxi_bad_set(bad, value, (tok), SDPX_EVALUE, (what), (why))

/* RFC 8851 10: rid-id = 1*(alpha-numeric / "-" / "_") */
static int is_rid_id(sdpx_str s)
{
    if (!s.len)
        return 0;
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        if (!sdpxi_is_alnum(c) && c != '-' && c != '_')
            return 0;
    }
    return 1;
}

/* ---- rid --------------------------------------------------------------- */

int sdpx_pt_next(sdpx_str *rest, unsigned *pt)
{
    if (!rest || !pt)
        return 0;
    int found;
    if (!rest->len)
        return 0;
    sdpx_str f = sdpxi_cut(rest, ',', &found);
    return sdpxi_payload_type(f, f, pt, NULL) ? SDPX_EVALUE : 1;
}

/* RFC 8851 10: rid-syntax = %s"a=rid:" rid-id SP rid-dir
 *   [ rid-pt-param-list / rid-param-list ]
 * rid-pt-param-list = SP rid-fmt-list *( ";" rid-param )
 * rid-param-list = SP rid-param *( ";" rid-param )
 * rid-fmt-list = %s"pt=" fmt *( "," fmt )
 * rid-param = 1*(alpha-numeric / "-") [ "=" param-val ] */
static int rid_decode(sdpx_str value, sdpx_rid *out, sdpxi_bad *bad)
{
    sdpx_str rest = value, dir;
    sdpx_rid r;
    memset(&r, 0, sizeof r);
    int rc = sdpxi_need_field(value, &rest, &r.id, "rid id", bad);
    if (rc)
        return rc;
    if (!is_rid_id(r.id))
        return BAD(r.id, "rid id", "is not 1*(ALPHA / DIGIT / \"-\" / \"_\")");
    if ((rc = sdpxi_need_field(value, &rest, &dir, "rid direction", bad)))
        return rc;
    if (sdpx_str_eq(dir, "send"))
        r.send = 1;
    else if (!sdpx_str_eq(dir, "recv"))
        return BAD(dir, "rid direction", "is not send or recv");
    sdpx_str params = sdpxi_trim(rest);
    r.restrictions = params;
    if (params.len >= 3 && memcmp(params.ptr, "pt=", 3) == 0) {
        int found;
        sdpx_str list = sdpxi_cut(&params, ';', &found);
        r.pts = sdpxi_str(list.ptr + 3, list.len - 3);
        r.has_pts = 1;
        r.restrictions = params;
        sdpx_str it = r.pts;
        if (!it.len)
            return BAD(list, "rid payload type list", "is empty");
        while (it.len) {
            sdpx_str f = sdpxi_cut(&it, ',', &found);
            unsigned pt;
            if ((rc = sdpxi_payload_type(value, f, &pt, bad)))
                return rc;
            if (found && !it.len)
                return BAD(f, "rid payload type list", "ends with a comma");
        }
    }
    sdpx_str it = r.restrictions;
    sdpx_param p;
    while (sdpx_param_next(&it, &p)) {
        for (size_t i = 0; i < p.key.len; i++) {
            unsigned char c = (unsigned char)p.key.ptr[i];
            if (!sdpxi_is_alnum(c) && c != '-')
                return BAD(p.key, "rid restriction", "is not 1*(ALPHA / DIGIT / \"-\")");
        }
        if (!p.key.len)
            return BAD(p.key, "rid restriction", "has an empty name");
    }
    *out = r;
    return 0;
}

int sdpx_rid_parse(sdpx_str value, sdpx_rid *out)
{
    if (!out)
        return SDPX_EINVAL;
    return rid_decode(value, out, NULL);
}

int sdpx_rid_write(const sdpx_rid *r, char *buf, size_t cap)
{
    if (!r)
        return SDPX_EINVAL;
    sdpxi_out o = SDPXI_OUT(buf, cap);
    int bad = !is_rid_id(r->id) || !sdpxi_line_safe(r->pts) || !sdpxi_line_safe(r->restrictions);
    sdpxi_out_str(&o, r->id);
    sdpxi_out_cstr(&o, r->send ? " send" : " recv");
    if (r->has_pts) {
        sdpxi_out_cstr(&o, " pt=");
        sdpxi_out_str(&o, r->pts);
    }
    if (r->restrictions.len) {
        sdpxi_out_cstr(&o, r->has_pts ? ";" : " ");
        sdpxi_out_str(&o, r->restrictions);
    }
    return sdpxi_out_done(&o, bad);
}

/* RFC 8851 10: the restrictions it names take int-param-val (1*DIGIT),
 * max-bpp float-param-val (1*DIGIT "." 1*DIGIT), depend a rid-id list; any
 * other rid-param-other's value is *( %x20-3A / %x3C-7E ). */
static const char *rid_param_error(sdpx_param p)
{
    static const char *const ints[] = {"max-width", "max-height", "max-fps", "max-fs", "max-br",
                                       "max-pps"};
    if (!p.has_value)
        return NULL;
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
        if (sdpx_str_eq(p.key, ints[i])) {
            uint64_t n;
            int rc = sdpxi_parse_uint(p.value, UINT64_MAX, &n);
            return rc == 0 || rc == SDPX_ERANGE || rc == SDPX_EOVERFLOW ? NULL : "needs 1*DIGIT";
        }
    if (sdpx_str_eq(p.key, "max-bpp")) {
        int found;
        sdpx_str rest = p.value, whole = sdpxi_cut(&rest, '.', &found);
        uint64_t n;
        if (!found || sdpxi_parse_uint(whole, UINT64_MAX, &n) == SDPX_EFIELD ||
            sdpxi_parse_uint(rest, UINT64_MAX, &n) == SDPX_EFIELD)
            return "needs 1*DIGIT \".\" 1*DIGIT";
        return NULL;
    }
    if (sdpx_str_eq(p.key, "depend")) {
        sdpx_str rest = p.value;
        int found = 1;
        while (found) {
            if (!is_rid_id(sdpxi_cut(&rest, ',', &found)))
                return "needs a list of rid ids";
        }
        return NULL;
    }
    for (size_t i = 0; i < p.value.len; i++) {
        unsigned char c = (unsigned char)p.value.ptr[i];
        if (c < 0x20 || c == 0x3b || c > 0x7e)
            return "has a character param-val does not allow";
    }
    return NULL;
}

int sdpxi_check_rid(sdpx_str v, size_t *off, char *msg, size_t cap)
{
    sdpx_rid r;
    sdpxi_bad b;
    if (rid_decode(v, &r, &b))
        return sdpxi_bad_report(&b, v, off, msg, cap);
    sdpx_str it = r.restrictions;
    sdpx_param p;
    while (sdpx_param_next(&it, &p)) {
        const char *why = rid_param_error(p);
        if (why) {
            sdpxi_bad_set(&b, v, p.key, SDPX_EVALUE, "rid restriction", why);
            return sdpxi_bad_report(&b, v, off, msg, cap);
        }
    }
    return 0;
}

/* ---- simulcast --------------------------------------------------------- */

int sdpx_simulcast_stream_next(sdpx_str *rest, sdpx_str *alts)
{
    if (!rest || !alts)
        return SDPX_EINVAL;
    int found;
    if (!rest->len)
        return 0;
    *alts = sdpxi_cut(rest, ';', &found);
    return 1;
}

/* 1 when `rid` is in the ','/';'-separated draft paused list. */
static int in_paused_list(sdpx_str list, sdpx_str rid)
{
    while (list.len) {
        int found;
        sdpx_str f = sdpxi_cut(&list, ',', &found);
        sdpx_str g = f;
        while (g.len) {
            sdpx_str h = sdpxi_cut(&g, ';', &found);
            if (h.len == rid.len && memcmp(h.ptr, rid.ptr, rid.len) == 0)
                return 1;
        }
    }
    return 0;
}

int sdpx_simulcast_alt_next(sdpx_str *rest, sdpx_str paused_list, sdpx_str *rid, int *paused)
{
    if (!rest || !rid || !paused)
        return SDPX_EINVAL;
    int found;
    if (!rest->len)
        return 0;
    sdpx_str f = sdpxi_cut(rest, ',', &found);
    /* RFC 8853 5.1: sc-id = [sc-id-paused] rid-id; sc-id-paused = "~" */
    *paused = f.len > 0 && f.ptr[0] == '~';
    if (*paused) {
        f.ptr++;
        f.len--;
    }
    *rid = f;
    if (!*paused && paused_list.len)
        *paused = in_paused_list(paused_list, f);
    return 1;
}

/* RFC 8853 5.1: sc-str-list = sc-alt-list *( ";" sc-alt-list );
 * sc-alt-list = sc-id *( "," sc-id ) */
static int stream_list_check(sdpx_str value, sdpx_str list, sdpxi_bad *bad)
{
    sdpx_str streams = list, alts, rid;
    if (!list.len)
        return BAD(list, "simulcast stream list", "is empty");
    while (sdpx_simulcast_stream_next(&streams, &alts)) {
        int paused;
        if (!alts.len)
            return BAD(alts, "simulcast stream", "is empty");
        while (sdpx_simulcast_alt_next(&alts, sdpxi_str(NULL, 0), &rid, &paused))
            if (!is_rid_id(rid))
                return BAD(rid, "simulcast rid", "is not a rid-id");
        if (alts.ptr[-1] == ',')
            return BAD(alts, "simulcast stream", "ends with a comma");
    }
    if (list.ptr[list.len - 1] == ';')
        return BAD(sdpxi_str(list.ptr + list.len, 0), "simulcast stream list", "ends with ';'");
    return 0;
}

/* RFC 8853 5.1: sc-value = ( sc-send [SP sc-recv] ) / ( sc-recv [SP sc-send] );
 * sc-send = %s"send" SP sc-str-list; sc-recv = %s"recv" SP sc-str-list.
 * Also the draft form "send rid=<list> [paused=<list>]" (draft-ietf-mmusic-sdp-simulcast-04). */
static int simulcast_decode(sdpx_str value, sdpx_simulcast *out, sdpxi_bad *bad)
{
    sdpx_str rest = value, dir;
    sdpx_simulcast s;
    memset(&s, 0, sizeof s);
    int rc = sdpxi_need_field(value, &rest, &dir, "simulcast direction", bad);
    if (rc)
        return rc;
    for (int n = 0;; n++) {
        int send = sdpx_str_eq(dir, "send");
        if (!send && !sdpx_str_eq(dir, "recv"))
            return BAD(dir, "simulcast direction", "is not send or recv");
        if (send ? s.has_send : s.has_recv)
            return BAD(dir, "simulcast direction", "appears twice");
        sdpx_str list, f;
        if ((rc = sdpxi_need_field(value, &rest, &list, "simulcast stream list", bad)))
            return rc;
        if (list.len >= 4 && memcmp(list.ptr, "rid=", 4) == 0) {
            list.ptr += 4;
            list.len -= 4;
        }
        if ((rc = stream_list_check(value, list, bad)))
            return rc;
        sdpx_str paused = sdpxi_str(list.ptr + list.len, 0);
        sdpx_str save = rest;
        if (sdpx_field_next(&rest, &f) && f.len >= 7 && memcmp(f.ptr, "paused=", 7) == 0) {
            paused = sdpxi_str(f.ptr + 7, f.len - 7);
            if ((rc = stream_list_check(value, paused, bad)))
                return rc;
        } else {
            rest = save;
        }
        if (send) {
            s.has_send = 1;
            s.send = list;
            s.send_paused = paused;
            s.recv_first = n == 0 ? 0 : s.recv_first;
        } else {
            s.has_recv = 1;
            s.recv = list;
            s.recv_paused = paused;
            s.recv_first = n == 0;
        }
        if (!sdpx_field_next(&rest, &dir))
            break;
    }
    *out = s;
    return 0;
}

int sdpx_simulcast_parse(sdpx_str value, sdpx_simulcast *out)
{
    if (!out)
        return SDPX_EINVAL;
    return simulcast_decode(value, out, NULL);
}

/* Write a stream list through the iterators, so a draft "paused=" list
 * comes out as RFC 8853 "~" marks. */
static int put_streams(sdpxi_out *o, sdpx_str list, sdpx_str paused_list)
{
    sdpx_str streams = list, alts, rid;
    int paused, bad = !list.len || !sdpxi_line_safe(list), s = 0;
    while (sdpx_simulcast_stream_next(&streams, &alts)) {
        if (s++)
            sdpxi_out_cstr(o, ";");
        for (int a = 0; sdpx_simulcast_alt_next(&alts, paused_list, &rid, &paused); a++) {
            if (a)
                sdpxi_out_cstr(o, ",");
            if (paused)
                sdpxi_out_cstr(o, "~");
            bad |= !is_rid_id(rid);
            sdpxi_out_str(o, rid);
        }
    }
    return bad;
}

int sdpx_simulcast_write(const sdpx_simulcast *s, char *buf, size_t cap)
{
    if (!s)
        return SDPX_EINVAL;
    sdpxi_out o = SDPXI_OUT(buf, cap);
    int bad = !s->has_send && !s->has_recv;
    for (int i = 0; i < 2; i++) {
        int send = (i == 0) != (s->recv_first != 0);
        if (send ? !s->has_send : !s->has_recv)
            continue;
        if (o.len)
            sdpxi_out_cstr(&o, " ");
        sdpxi_out_cstr(&o, send ? "send " : "recv ");
        bad |= send ? put_streams(&o, s->send, s->send_paused)
                    : put_streams(&o, s->recv, s->recv_paused);
    }
    return sdpxi_out_done(&o, bad);
}

SDPXI_DEFINE_CHECK(simulcast, sdpx_simulcast, simulcast_decode)
