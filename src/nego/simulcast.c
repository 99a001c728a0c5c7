/*
 * Simulcast (RFC 8853) and rid (RFC 8851): an offered "send" list is
 * answered "recv" with the rids the answer can receive, paused ones kept
 * paused, each with its a=rid:<id> recv line.
 */
#include "nego.h"

#include <stdint.h>
#include <string.h>

/* Alternatives answered at most: RFC 8853 lets the answerer drop streams,
 * and the bound keeps the rid lookups linear in the section's size. */
#define MAX_ALTS 64

/* The section's rids, key 1 for send and 0 for recv, each entry's p its
 * line (RFC 8851 4). 0 or SDPX_ENOMEM. */
static int rid_set(const sdpx_media *m, sdpxi_set *out)
{
    memset(out, 0, sizeof *out);
    const sdpx_line *l = NULL;
    while ((l = sdpx_media_find_attr(m, SDPX_ATTR_RID, l)) != NULL) {
        sdpx_rid r;
        if (sdpx_rid_parse(sdpx_attr_value(l), &r))
            continue;
        if (sdpxi_set_add(out, (unsigned)r.send, r.id, out->n)) {
            sdpxi_set_free(out);
            return SDPX_ENOMEM;
        }
        out->e[out->n - 1].p = l;
    }
    sdpxi_set_sort(out);
    return 0;
}

#define ANSWERED SIZE_MAX /* an entry's val once its rid is in the answer */

/* The offered a=rid line of `id` with direction send, decoded, or NULL.
 * With `answer`, a rid already answered is NULL too (RFC 8853 5.1: rid-ids
 * are unique in a simulcast line) and the rid is marked answered. */
static const sdpx_line *find_rid(const sdpxi_set *rids, sdpx_str id, int send, sdpx_rid *out,
                                 int answer)
{
    sdpxi_entry *e = sdpxi_set_find(rids, (unsigned)send, id);
    const sdpx_line *l = e && !(answer && e->val == ANSWERED) ? e->p : NULL;
    if (!l || sdpx_rid_parse(sdpx_attr_value(l), out))
        return NULL;
    return l;
}

/* RFC 8851 4: a rid is answerable when it names no types or some accepted one. */
static int rid_ok(const sdpx_rid *r, const unsigned char ok[128])
{
    if (!r->has_pts)
        return 1;
    sdpx_str rest = r->pts;
    unsigned pt;
    int n;
    while ((n = sdpx_pt_next(&rest, &pt)) == 1)
        if (ok[pt])
            return 1;
    return 0;
}

int sdpxi_simulcast_answer(sdpxi_text *t, const sdpx_media *m, const unsigned char ok[128])
{
    const sdpx_line *sl = sdpx_media_find_attr(m, SDPX_ATTR_SIMULCAST, NULL);
    sdpx_simulcast sc;
    sdpxi_set rids;
    if (!sl || sdpx_simulcast_parse(sdpx_attr_value(sl), &sc) || !sc.has_send)
        return 0; /* RFC 8853 5.3: an answerer not receiving simulcast just omits it */
    if (rid_set(m, &rids))
        return SDPX_ENOMEM;
    /* first the rid lines, then the simulcast line naming them */
    char list[1024];
    size_t len = 0;
    int nstreams = 0, seen = 0;
    sdpx_str rest = sc.send, alts;
    while (sdpx_simulcast_stream_next(&rest, &alts)) {
        sdpx_str a = alts, rid;
        int paused, nalts = 0;
        while (seen < MAX_ALTS && sdpx_simulcast_alt_next(&a, sc.send_paused, &rid, &paused)) {
            sdpx_rid r;
            seen++;
            if (!find_rid(&rids, rid, 1, &r, 1) || !rid_ok(&r, ok))
                continue;
            sdpxi_set_find(&rids, 1, rid)->val = ANSWERED;
            size_t need = rid.len + 3;
            if (len + need >= sizeof list)
                break;
            if (nalts == 0 && nstreams > 0)
                list[len++] = ';';
            else if (nalts > 0)
                list[len++] = ',';
            if (paused)
                list[len++] = '~';
            memcpy(list + len, rid.ptr, rid.len);
            len += rid.len;
            nalts++;
            /* RFC 8851 4: the answer's rid mirrors the offer's direction and
             * keeps only payload types the answer accepts */
            sdpxi_text_put(t, "a=rid:%.*s recv", SDPXI_SV(rid));
            if (r.has_pts) {
                sdpx_str pts = r.pts;
                unsigned pt;
                const char *sep = " pt=";
                while (sdpx_pt_next(&pts, &pt) == 1)
                    if (ok[pt]) {
                        sdpxi_text_put(t, "%s%u", sep, pt);
                        sep = ",";
                    }
            }
            sdpxi_text_put(t, "\r\n");
        }
        if (nalts)
            nstreams++;
    }
    if (nstreams)
        sdpxi_text_put(t, "a=simulcast:recv %.*s\r\n", (int)len, list);
    sdpxi_set_free(&rids);
    return 0;
}

int sdpxi_simulcast_verify(const sdpx_media *o, const sdpx_media *a, sdpx_diag_fn fn, void *ctx)
{
    sdpxi_set rids;
    const sdpx_line *l = NULL;
    if (rid_set(o, &rids))
        return SDPX_ENOMEM;
    int n = 0;
    /* RFC 8851 4: every answered rid mirrors an offered one */
    while ((l = sdpx_media_find_attr(a, SDPX_ATTR_RID, l)) != NULL) {
        sdpx_rid r;
        if (sdpx_rid_parse(sdpx_attr_value(l), &r) || sdpxi_set_find(&rids, (unsigned)!r.send, r.id))
            continue;
        sdpxi_report(fn, ctx, SDPX_EN_V_SIMULCAST, a, sdpx_line_number(l),
                     "rid \"%.*s\" %s does not mirror an offered rid (RFC 8851 4)", SDPXI_SV(r.id),
                     r.send ? "send" : "recv");
        n++;
    }
    const sdpx_line *sl = sdpx_media_find_attr(a, SDPX_ATTR_SIMULCAST, NULL);
    sdpx_simulcast sc, osc;
    if (!sl || sdpx_simulcast_parse(sdpx_attr_value(sl), &sc)) {
        sdpxi_set_free(&rids);
        return n;
    }
    const sdpx_line *ol = sdpx_media_find_attr(o, SDPX_ATTR_SIMULCAST, NULL);
    int have = ol && !sdpx_simulcast_parse(sdpx_attr_value(ol), &osc);
    /* RFC 8853 5.3: the answer's recv answers the offer's send and vice versa */
    if ((sc.has_recv && (!have || !osc.has_send)) || (sc.has_send && (!have || !osc.has_recv))) {
        sdpxi_report(fn, ctx, SDPX_EN_V_SIMULCAST, a, sdpx_line_number(sl),
                     "simulcast direction does not mirror the offer's (RFC 8853 5.3)");
        sdpxi_set_free(&rids);
        return n + 1;
    }
    for (int dir = 0; dir < 2; dir++) {
        sdpx_str list = dir ? sc.send : sc.recv, paused = dir ? sc.send_paused : sc.recv_paused;
        sdpx_str rest = list, alts;
        while (sdpx_simulcast_stream_next(&rest, &alts)) {
            sdpx_str rid;
            int p;
            /* an answered recv rid was offered send (dir 0), and vice versa */
            while (sdpx_simulcast_alt_next(&alts, paused, &rid, &p))
                if (!sdpxi_set_find(&rids, dir == 0 ? 1u : 0u, rid)) {
                    sdpxi_report(fn, ctx, SDPX_EN_V_SIMULCAST, a, sdpx_line_number(sl),
                                 "simulcast names rid \"%.*s\" the offer does not %s (RFC 8853 5.3)",
                                 SDPXI_SV(rid), dir == 0 ? "send" : "receive");
                    n++;
                }
        }
    }
    sdpxi_set_free(&rids);
    return n;
}
