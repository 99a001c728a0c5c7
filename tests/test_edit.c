/* Edit primitives: attributes, lines, media sections, o= s= t= i= c= b= k= m=,
 * validation (injection attempts), and "a refused edit changes nothing". */
#include "testutil.h"

#define VERSION_LINE "v=0\r\n"
#define ORIGIN_LINE "o=- 20518 0 IN IP4 203.0.113.1\r\n"
#define NAME_TIMING_LINES "s=-\r\nt=0 0\r\n"
#define BUNDLE_LINE "a=group:BUNDLE a v\r\n"
#define AUDIO_MLINE "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"
#define CA "c=IN IP4 0.0.0.0\r\n"
#define A1 "a=mid:a\r\na=rtpmap:111 opus/48000/2\r\n"
#define MV "m=video 9 UDP/TLS/RTP/SAVPF 96\r\n"
#define V1 "a=mid:v\r\na=rtpmap:96 VP8/90000\r\n"
#define AUDIO AUDIO_MLINE CA A1
#define VIDEO MV CA V1
#define BASE VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE AUDIO VIDEO

static char *written(const sdpx_session *s)
{
    char *t = sdpx_write_alloc(s, 0, NULL);
    ck_assert_ptr_nonnull(t);
    return t;
}

static sdpx_media *med(sdpx_session *s, size_t i) { return sdpx_session_media_mut(s, i); }

/* ---- one edit, its return code and the whole text it must produce ---- */

typedef int (*edit_fn)(sdpx_session *s);

static int e_attr_add_media(sdpx_session *s) { return sdpx_media_attr_add(med(s, 0), "rtcp-mux", NULL); }
static int e_attr_add_session(sdpx_session *s) { return sdpx_session_attr_add(s, "ice-lite", NULL); }
static int e_attr_add_value(sdpx_session *s) { return sdpx_media_attr_add(med(s, 1), "x-foo", "bar baz"); }
static int e_attr_add_empty(sdpx_session *s) { return sdpx_media_attr_add(med(s, 1), "x-foo", ""); }
static int e_insert_before(sdpx_session *s)
{
    return sdpx_attr_insert(s, sdpx_media_find_attr(med(s, 0), SDPX_ATTR_RTPMAP, NULL), 0, "sendonly", NULL);
}
static int e_insert_after(sdpx_session *s)
{
    return sdpx_attr_insert(s, sdpx_media_find_attr(med(s, 0), SDPX_ATTR_MID, NULL), 1, "ptime", "20");
}
static int e_insert_before_c(sdpx_session *s)
{
    return sdpx_attr_insert(s, sdpx_media_find_line(med(s, 0), 'c', NULL), 0, "ptime", "20");
}
static int e_replace(sdpx_session *s)
{
    return sdpx_attr_replace(s, sdpx_media_find_attr(med(s, 1), SDPX_ATTR_MID, NULL), "mid", "video0");
}
static int e_replace_bad_value(sdpx_session *s)
{
    return sdpx_attr_replace(s, sdpx_media_find_attr(med(s, 1), SDPX_ATTR_MID, NULL), "rtcp-mux", "1");
}
static int e_remove_line(sdpx_session *s)
{
    return sdpx_line_remove(s, sdpx_media_find_attr(med(s, 1), SDPX_ATTR_RTPMAP, NULL));
}
static int e_remove_mline(sdpx_session *s) { return sdpx_line_remove(s, sdpx_media_line(med(s, 1), 0)); }
static int e_remove_named(sdpx_session *s) { return sdpx_media_attr_remove(med(s, 0), "rtpmap"); }
static int e_remove_named_session(sdpx_session *s) { return sdpx_session_attr_remove(s, "group"); }
static int e_port(sdpx_session *s) { return sdpx_media_set_port(med(s, 1), 50000); }
static int e_port_zero(sdpx_session *s) { return sdpx_media_set_port(med(s, 1), 0); }
static int e_port_range(sdpx_session *s) { return sdpx_media_set_port(med(s, 1), 65536); }
static int e_proto(sdpx_session *s) { return sdpx_media_set_proto(med(s, 0), "RTP/AVP"); }
static int e_proto_bad(sdpx_session *s) { return sdpx_media_set_proto(med(s, 0), "RTP AVP"); }
static int e_formats(sdpx_session *s) { return sdpx_media_set_formats(med(s, 0), "111 0 8"); }
static int e_formats_empty(sdpx_session *s) { return sdpx_media_set_formats(med(s, 0), " "); }
static int e_reject(sdpx_session *s) { return sdpx_media_reject(med(s, 0)); }
static int e_media_remove(sdpx_session *s) { return sdpx_session_media_remove(s, med(s, 1)); }
static int e_media_move(sdpx_session *s) { return sdpx_session_media_move(s, med(s, 1), 0); }
static int e_media_add(sdpx_session *s)
{
    sdpx_media *m = NULL;
    int rc = sdpx_session_media_add(s, 2, "application 9 UDP/DTLS/SCTP webrtc-datachannel", &m);
    if (rc)
        return rc;
    ck_assert_uint_eq(sdpx_media_index(m), 2);
    return sdpx_media_attr_add(m, "mid", "d");
}
static int e_media_add_noformat(sdpx_session *s)
{
    return sdpx_session_media_add(s, 0, "audio 9 RTP/AVP", NULL);
}
static int e_conn_media(sdpx_session *s) { return sdpx_media_set_connection(med(s, 0), "IN IP6 2001:db8::1"); }
static int e_conn_session(sdpx_session *s) { return sdpx_session_set_connection(s, "IN IP4 198.51.100.7"); }
static int e_conn_clear(sdpx_session *s) { return sdpx_media_set_connection(med(s, 1), NULL); }
static int e_conn_mismatch(sdpx_session *s) { return sdpx_media_set_connection(med(s, 0), "IN IP4 2001:db8::1"); }
static int e_conn_badv4(sdpx_session *s) { return sdpx_media_set_connection(med(s, 0), "IN IP4 256.1.1.1"); }
static int e_conn_extra(sdpx_session *s) { return sdpx_media_set_connection(med(s, 0), "IN IP4 1.2.3.4 x"); }
static int e_bw_media(sdpx_session *s) { return sdpx_media_set_bandwidth(med(s, 1), "AS", 800); }
static int e_bw_twice(sdpx_session *s)
{
    int rc = sdpx_media_set_bandwidth(med(s, 1), "TIAS", 800000);
    return rc ? rc : sdpx_media_set_bandwidth(med(s, 1), "TIAS", 500000);
}
static int e_bw_session(sdpx_session *s) { return sdpx_session_set_bandwidth(s, "CT", 2000); }
static int e_bw_clear(sdpx_session *s)
{
    int rc = sdpx_media_set_bandwidth(med(s, 1), "AS", 800);
    if (rc)
        return rc;
    rc = sdpx_media_set_bandwidth(med(s, 1), "TIAS", 1000);
    return rc ? rc : sdpx_media_clear_bandwidth(med(s, 1), "AS");
}
static int e_bw_clear_none(sdpx_session *s) { return sdpx_session_clear_bandwidth(s, NULL); }
static int e_bw_badtype(sdpx_session *s) { return sdpx_media_set_bandwidth(med(s, 1), "A:S", 1); }
static int e_info(sdpx_session *s) { return sdpx_session_set_info(s, "a call"); }
static int e_info_media(sdpx_session *s) { return sdpx_media_set_info(med(s, 0), "voice"); }
static int e_info_empty(sdpx_session *s) { return sdpx_session_set_info(s, ""); }
static int e_key(sdpx_session *s) { return sdpx_media_set_key(med(s, 0), "prompt"); }
static int e_key_session(sdpx_session *s) { return sdpx_session_set_key(s, "clear:secret"); }
static int e_name(sdpx_session *s) { return sdpx_session_set_name(s, "Talk"); }
static int e_timing(sdpx_session *s) { return sdpx_session_set_timing(s, 3034423619u, 3042462419u); }
static int e_origin(sdpx_session *s)
{
    sdpx_origin o;
    memset(&o, 0, sizeof o);
    o.address = (sdpx_str){"2001:db8::2", 11};
    o.addrtype = (sdpx_str){"IP6", 3};
    return sdpx_session_set_origin(s, &o);
}
static int e_origin_bad(sdpx_session *s)
{
    sdpx_origin o;
    memset(&o, 0, sizeof o);
    o.sess_id = (sdpx_str){"12a", 3};
    return sdpx_session_set_origin(s, &o);
}
static int e_bump(sdpx_session *s) { return sdpx_session_bump_version(s); }
static int e_auto_bump(sdpx_session *s)
{
    int rc = sdpx_session_set_edit_flags(s, SDPX_EDIT_BUMP_VERSION);
    if (!rc)
        rc = sdpx_media_attr_add(med(s, 0), "rtcp-mux", NULL);
    if (!rc)
        rc = sdpx_media_attr_add(med(s, 1), "rtcp-mux", NULL);
    return rc;
}
static int e_auto_bump_refused(sdpx_session *s)
{
    int rc = sdpx_session_set_edit_flags(s, SDPX_EDIT_BUMP_VERSION);
    return rc ? rc : sdpx_media_set_port(med(s, 0), 70000);
}

/* typed: decoder structs written by their encoders */
static sdpx_str sv(const char *p) { return (sdpx_str){p, strlen(p)}; }
static int t_rtpmap(sdpx_session *s)
{
    sdpx_rtpmap r = {100, sv("H264"), 90000, 0, 0};
    return sdpx_media_attr_add_typed(med(s, 1), SDPX_ATTR_RTPMAP, &r);
}
static int t_fmtp(sdpx_session *s)
{
    sdpx_fmtp f = {sv("96"), 1, 96, sv("max-fs=12288;max-fr=60")};
    return sdpx_media_attr_add_typed(med(s, 1), SDPX_ATTR_FMTP, &f);
}
static int t_ssrc(sdpx_session *s)
{
    sdpx_ssrc x = {4294967295u, sv("cname"), sv("abc"), 1};
    return sdpx_media_attr_add_typed(med(s, 0), SDPX_ATTR_SSRC, &x);
}
static int t_candidate(sdpx_session *s)
{
    const char *text = "candidate:1 1 UDP 2130706431 192.0.2.3 5000 typ host";
    sdpx_candidate c;
    int rc = sdpx_candidate_parse(text, strlen(text), &c);
    if (rc)
        return -100;
    c.port = 6000;
    return sdpx_media_attr_add_typed(med(s, 0), SDPX_ATTR_CANDIDATE, &c);
}
static int t_replace(sdpx_session *s)
{
    sdpx_rtpmap r = {96, sv("VP9"), 90000, 0, 0};
    return sdpx_attr_replace_typed(s, sdpx_media_find_attr(med(s, 1), SDPX_ATTR_RTPMAP, NULL),
                                   SDPX_ATTR_RTPMAP, &r);
}
static int t_insert(sdpx_session *s)
{
    sdpx_rtpmap r = {97, sv("rtx"), 90000, 0, 0};
    return sdpx_attr_insert_typed(s, sdpx_media_find_attr(med(s, 1), SDPX_ATTR_RTPMAP, NULL), 1,
                                  SDPX_ATTR_RTPMAP, &r);
}
static int t_session_group(sdpx_session *s)
{
    sdpx_group g = {sv("LS"), sv("a v")};
    return sdpx_session_attr_add_typed(s, SDPX_ATTR_GROUP, &g);
}
static int t_no_encoder(sdpx_session *s)
{
    sdpx_str mid = sv("x");
    return sdpx_media_attr_add_typed(med(s, 0), SDPX_ATTR_MID, &mid);
}
static int t_bad_struct(sdpx_session *s)
{
    sdpx_rtpmap r = {128, sv("H264"), 90000, 0, 0}; /* payload type over 127 */
    return sdpx_media_attr_add_typed(med(s, 1), SDPX_ATTR_RTPMAP, &r);
}
static int t_injected_view(sdpx_session *s)
{
    sdpx_ssrc x = {1, sv("cname"), sv("abc\r\na=evil"), 1};
    return sdpx_media_attr_add_typed(med(s, 0), SDPX_ATTR_SSRC, &x);
}

typedef struct {
    const char *name;
    edit_fn fn;
    int rc;
    const char *want; /* NULL: unchanged */
} edit_case;

static const edit_case edit_cases[] = {
    {"attr add media", e_attr_add_media, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE AUDIO_MLINE CA A1 "a=rtcp-mux\r\n" VIDEO},
    {"attr add session", e_attr_add_session, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE "a=ice-lite\r\n" AUDIO VIDEO},
    {"attr add value", e_attr_add_value, 0, BASE "a=x-foo:bar baz\r\n"},
    {"attr add empty value", e_attr_add_empty, 0, BASE "a=x-foo:\r\n"},
    {"insert before", e_insert_before, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE AUDIO_MLINE CA "a=mid:a\r\na=sendonly\r\na=rtpmap:111 opus/48000/2\r\n" VIDEO},
    {"insert after", e_insert_after, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE AUDIO_MLINE CA "a=mid:a\r\na=ptime:20\r\na=rtpmap:111 opus/48000/2\r\n" VIDEO},
    {"insert before c= refused", e_insert_before_c, SDPX_EINVAL, NULL},
    {"replace", e_replace, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE AUDIO MV CA "a=mid:video0\r\na=rtpmap:96 VP8/90000\r\n"},
    {"replace: property with value refused", e_replace_bad_value, SDPX_EINVAL, NULL},
    {"remove line", e_remove_line, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE AUDIO MV CA "a=mid:v\r\n"},
    {"remove m= refused", e_remove_mline, SDPX_EINVAL, NULL},
    {"remove named", e_remove_named, 1, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE AUDIO_MLINE CA "a=mid:a\r\n" VIDEO},
    {"remove named session", e_remove_named_session, 1, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES AUDIO VIDEO},
    {"port", e_port, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE AUDIO "m=video 50000 UDP/TLS/RTP/SAVPF 96\r\n" CA V1},
    {"port 0 leaves BUNDLE", e_port_zero, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES "a=group:BUNDLE a\r\n" AUDIO "m=video 0 UDP/TLS/RTP/SAVPF 96\r\n" CA V1},
    {"port out of range", e_port_range, SDPX_EINVAL, NULL},
    {"proto", e_proto, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE "m=audio 9 RTP/AVP 111\r\n" CA A1 VIDEO},
    {"proto with space refused", e_proto_bad, SDPX_EINVAL, NULL},
    {"formats", e_formats, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE "m=audio 9 UDP/TLS/RTP/SAVPF 111 0 8\r\n" CA A1 VIDEO},
    {"no formats refused", e_formats_empty, SDPX_EINVAL, NULL},
    {"reject leaves BUNDLE", e_reject, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES "a=group:BUNDLE v\r\n" "m=audio 0 UDP/TLS/RTP/SAVPF 111\r\n" CA A1 VIDEO},
    {"media remove", e_media_remove, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES "a=group:BUNDLE a\r\n" AUDIO},
    {"media move", e_media_move, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE VIDEO AUDIO},
    {"media add", e_media_add, 0, BASE "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:d\r\n"},
    {"media add without format refused", e_media_add_noformat, SDPX_EINVAL, NULL},
    {"c= media", e_conn_media, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE AUDIO_MLINE "c=IN IP6 2001:db8::1\r\n" A1 VIDEO},
    {"c= session inserted in order", e_conn_session, 0, VERSION_LINE ORIGIN_LINE "s=-\r\nc=IN IP4 198.51.100.7\r\nt=0 0\r\n" BUNDLE_LINE AUDIO VIDEO},
    {"c= clear", e_conn_clear, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE AUDIO MV V1},
    {"c= IP4 with IPv6 refused", e_conn_mismatch, SDPX_EINVAL, NULL},
    {"c= bad IPv4 refused", e_conn_badv4, SDPX_EINVAL, NULL},
    {"c= extra field refused", e_conn_extra, SDPX_EINVAL, NULL},
    {"b=AS media", e_bw_media, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE AUDIO MV CA "b=AS:800\r\n" V1},
    {"b=TIAS replaced", e_bw_twice, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE AUDIO MV CA "b=TIAS:500000\r\n" V1},
    {"b=CT session", e_bw_session, 0, VERSION_LINE ORIGIN_LINE "s=-\r\nb=CT:2000\r\nt=0 0\r\n" BUNDLE_LINE AUDIO VIDEO},
    {"b= clear one type", e_bw_clear, 1, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE AUDIO MV CA "b=TIAS:1000\r\n" V1},
    {"b= clear nothing", e_bw_clear_none, 0, NULL},
    {"b= type with colon refused", e_bw_badtype, SDPX_EINVAL, NULL},
    {"i= session", e_info, 0, VERSION_LINE ORIGIN_LINE "s=-\r\ni=a call\r\nt=0 0\r\n" BUNDLE_LINE AUDIO VIDEO},
    {"i= media", e_info_media, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE AUDIO_MLINE "i=voice\r\n" CA A1 VIDEO},
    {"i= empty refused", e_info_empty, SDPX_EINVAL, NULL},
    {"k= media", e_key, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE AUDIO_MLINE CA "k=prompt\r\n" A1 VIDEO},
    {"k= session", e_key_session, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES "k=clear:secret\r\n" BUNDLE_LINE AUDIO VIDEO},
    {"s=", e_name, 0, VERSION_LINE ORIGIN_LINE "s=Talk\r\nt=0 0\r\n" BUNDLE_LINE AUDIO VIDEO},
    {"t=", e_timing, 0, VERSION_LINE ORIGIN_LINE "s=-\r\nt=3034423619 3042462419\r\n" BUNDLE_LINE AUDIO VIDEO},
    {"o= address", e_origin, 0, VERSION_LINE "o=- 20518 0 IN IP6 2001:db8::2\r\n" NAME_TIMING_LINES BUNDLE_LINE AUDIO VIDEO},
    {"o= non-digit id refused", e_origin_bad, SDPX_EINVAL, NULL},
    {"bump", e_bump, 0, VERSION_LINE "o=- 20518 1 IN IP4 203.0.113.1\r\n" NAME_TIMING_LINES BUNDLE_LINE AUDIO VIDEO},
    {"auto bump once", e_auto_bump, 0,
     VERSION_LINE "o=- 20518 1 IN IP4 203.0.113.1\r\n" NAME_TIMING_LINES BUNDLE_LINE AUDIO_MLINE CA A1 "a=rtcp-mux\r\n" MV CA V1 "a=rtcp-mux\r\n"},
    {"auto bump: refused edit bumps nothing", e_auto_bump_refused, SDPX_EINVAL, NULL},
    {"typed rtpmap", t_rtpmap, 0, BASE "a=rtpmap:100 H264/90000\r\n"},
    {"typed fmtp", t_fmtp, 0, BASE "a=fmtp:96 max-fs=12288;max-fr=60\r\n"},
    {"typed ssrc", t_ssrc, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE AUDIO_MLINE CA A1 "a=ssrc:4294967295 cname:abc\r\n" VIDEO},
    {"typed candidate", t_candidate, 0,
     VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE AUDIO_MLINE CA A1 "a=candidate:1 1 UDP 2130706431 192.0.2.3 6000 typ host\r\n" VIDEO},
    {"typed replace", t_replace, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE AUDIO MV CA "a=mid:v\r\na=rtpmap:96 VP9/90000\r\n"},
    {"typed session group", t_session_group, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE "a=group:LS a v\r\n" AUDIO VIDEO},
    {"typed insert after", t_insert, 0, VERSION_LINE ORIGIN_LINE NAME_TIMING_LINES BUNDLE_LINE AUDIO VIDEO "a=rtpmap:97 rtx/90000\r\n"},
    {"typed: kind without encoder", t_no_encoder, SDPX_EINVAL, NULL},
    {"typed: struct out of range", t_bad_struct, SDPX_EINVAL, NULL},
    {"typed: CR/LF in a view", t_injected_view, SDPX_EINVAL, NULL},
};

START_TEST(edit_table)
{
    const edit_case *c = &edit_cases[_i];
    sdpx_session *s = parse_ok(BASE, 0);
    int rc = c->fn(s);
    ck_assert_msg(rc == c->rc, "%s: rc %d, want %d", c->name, rc, c->rc);
    char *got = written(s);
    const char *want = c->want ? c->want : BASE;
    ck_assert_msg(strcmp(got, want) == 0, "%s:\n--- got\n%s--- want\n%s", c->name, got, want);
    /* every result parses again */
    sdpx_session *again = parse_ok(got, 0);
    sdpx_session_free(again);
    free(got);
    sdpx_session_free(s);
}
END_TEST

/* ---- injection: every setter that takes a string refuses CR/LF ------------ */

#define EVIL "x\r\na=evil"

static int i_attr_name(sdpx_session *s) { return sdpx_media_attr_add(med(s, 0), EVIL, NULL); }
static int i_attr_value(sdpx_session *s) { return sdpx_media_attr_add(med(s, 0), "x-a", EVIL); }
static int i_attr_session(sdpx_session *s) { return sdpx_session_attr_add(s, "x-a", EVIL); }
static int i_insert(sdpx_session *s)
{
    return sdpx_attr_insert(s, sdpx_media_find_attr(med(s, 0), SDPX_ATTR_MID, NULL), 1, "x-a", EVIL);
}
static int i_replace(sdpx_session *s)
{
    return sdpx_attr_replace(s, sdpx_media_find_attr(med(s, 0), SDPX_ATTR_MID, NULL), "mid", EVIL);
}
static int i_remove_named(sdpx_session *s) { return sdpx_media_attr_remove(med(s, 0), EVIL); }
static int i_media_add(sdpx_session *s) { return sdpx_session_media_add(s, 0, "audio 9 RTP/AVP " EVIL, NULL); }
static int i_proto(sdpx_session *s) { return sdpx_media_set_proto(med(s, 0), EVIL); }
static int i_formats(sdpx_session *s) { return sdpx_media_set_formats(med(s, 0), "0 " EVIL); }
static int i_conn(sdpx_session *s) { return sdpx_media_set_connection(med(s, 0), "IN IP4 " EVIL); }
static int i_conn_s(sdpx_session *s) { return sdpx_session_set_connection(s, EVIL); }
static int i_bw(sdpx_session *s) { return sdpx_media_set_bandwidth(med(s, 0), EVIL, 1); }
static int i_bw_s(sdpx_session *s) { return sdpx_session_set_bandwidth(s, EVIL, 1); }
static int i_bw_clear(sdpx_session *s) { return sdpx_session_clear_bandwidth(s, EVIL); }
static int i_info(sdpx_session *s) { return sdpx_session_set_info(s, EVIL); }
static int i_info_m(sdpx_session *s) { return sdpx_media_set_info(med(s, 0), EVIL); }
static int i_key(sdpx_session *s) { return sdpx_session_set_key(s, EVIL); }
static int i_key_m(sdpx_session *s) { return sdpx_media_set_key(med(s, 0), "clear:" EVIL); }
static int i_name(sdpx_session *s) { return sdpx_session_set_name(s, EVIL); }
static int i_origin(sdpx_session *s)
{
    sdpx_origin o;
    memset(&o, 0, sizeof o);
    o.username = (sdpx_str){EVIL, sizeof EVIL - 1};
    return sdpx_session_set_origin(s, &o);
}
static int i_origin_addr(sdpx_session *s)
{
    sdpx_origin o;
    memset(&o, 0, sizeof o);
    o.address = (sdpx_str){"1.2.3.4\r\na=evil", 15};
    return sdpx_session_set_origin(s, &o);
}
static int i_nul(sdpx_session *s)
{
    sdpx_origin o;
    memset(&o, 0, sizeof o);
    o.username = (sdpx_str){"a\0b", 3};
    return sdpx_session_set_origin(s, &o);
}

static const edit_fn injections[] = {
    i_attr_name, i_attr_value, i_attr_session, i_insert, i_replace, i_remove_named,
    i_media_add, i_proto, i_formats, i_conn, i_conn_s, i_bw, i_bw_s, i_bw_clear, i_info,
    i_info_m, i_key, i_key_m, i_name, i_origin, i_origin_addr, i_nul,
};

START_TEST(injection_refused)
{
    sdpx_session *s = parse_ok(BASE, 0);
    int rc = injections[_i](s);
    char *got = written(s);
    ck_assert_msg(rc == SDPX_EINVAL, "case %d: rc %d", _i, rc);
    ck_assert_msg(strcmp(got, BASE) == 0, "case %d changed the text:\n%s", _i, got);
    ck_assert_ptr_null(strstr(got, "evil"));
    free(got);
    sdpx_session_free(s);
}
END_TEST

/* ---- out of scratch memory: the edit fails and changes nothing ----------- */

START_TEST(no_heap_edit_changes_nothing)
{
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = SDPX_PARSE_NO_HEAP;
    sdpx_session *s = NULL;
    sdpx_error e;
    ck_assert_int_eq(sdpx_parse(BASE, strlen(BASE), &opt, &s, &e), SDPX_ESCRATCH);
    size_t need = e.need;
    char *scratch = malloc(need);
    opt.scratch = scratch;
    opt.scratch_size = need;
    ck_assert_int_eq(sdpx_parse(BASE, strlen(BASE), &opt, &s, &e), 0);
    ck_assert_int_eq(sdpx_media_attr_add(med(s, 0), "rtcp-mux", NULL), SDPX_ESCRATCH);
    ck_assert_int_eq(sdpx_media_reject(med(s, 1)), SDPX_ESCRATCH);
    ck_assert_int_eq(sdpx_session_media_remove(s, med(s, 1)), SDPX_ESCRATCH);
    ck_assert_int_eq(sdpx_session_bump_version(s), SDPX_ESCRATCH);
    ck_assert_uint_eq(sdpx_session_media_count(s), 2);
    char *got = written(s);
    ck_assert_str_eq(got, BASE);
    free(got);
    sdpx_session_free(s);
    free(scratch);
}
END_TEST

/* Repeated single-line edits (trickle ICE: one candidate at a time) grow the
 * section's array by doubling instead of copying it per edit: 100 candidates
 * cost less than 64 KiB of arena blocks (a copy per edit would be about
 * 200 KiB). Counted with a caller allocator. */
static size_t allocated;
static void *count_alloc(void *ctx, size_t n)
{
    (void)ctx;
    allocated += n;
    return malloc(n);
}
static void count_release(void *ctx, void *p, size_t n)
{
    (void)ctx;
    (void)n;
    free(p);
}

START_TEST(repeated_adds_grow_by_doubling)
{
    sdpx_allocator al = {count_alloc, count_release, NULL};
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.allocator = &al;
    sdpx_session *s = NULL;
    allocated = 0;
    ck_assert_int_eq(sdpx_parse(BASE, strlen(BASE), &opt, &s, NULL), 0);
    sdpx_media *a = med(s, 0);
    ck_assert_int_eq(sdpx_session_attr_add(s, "ice-ufrag", "abcd"), 0);
    ck_assert_int_eq(sdpx_session_attr_add(s, "ice-pwd", "0123456789abcdefghijkl"), 0);
    size_t after_parse = allocated;
    for (int i = 0; i < 100; i++) {
        char cand[128];
        snprintf(cand, sizeof cand, "candidate:%d 1 udp 2122260223 192.0.2.%d %d typ host", i, i + 1, 40000 + i);
        ck_assert_msg(sdpx_media_add_candidate(a, cand) == 0, "candidate %d", i);
    }
    ck_assert_uint_eq(sdpx_media_line_count(a), 4 + 100);
    ck_assert_str_view(sdpx_line_text(sdpx_media_line(a, 103)),
                       "a=candidate:99 1 udp 2122260223 192.0.2.100 40099 typ host");
    ck_assert_msg(allocated - after_parse < 65536, "100 adds took %zu bytes", allocated - after_parse);
    sdpx_session_free(s);
}
END_TEST

/* NO_HEAP with spare scratch: edits use it; when it is full the edit fails
 * with SDPX_ESCRATCH and the session is exactly as before. */
START_TEST(no_heap_edits_until_scratch_full)
{
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = SDPX_PARSE_NO_HEAP;
    sdpx_session *s = NULL;
    sdpx_error e;
    ck_assert_int_eq(sdpx_parse(BASE, strlen(BASE), &opt, &s, &e), SDPX_ESCRATCH);
    size_t size = e.need + 4096;
    char *scratch = malloc(size);
    opt.scratch = scratch;
    opt.scratch_size = size;
    ck_assert_int_eq(sdpx_parse(BASE, strlen(BASE), &opt, &s, &e), 0);
    int rc = 0, added = 0;
    while (rc == 0 && added < 1000) {
        char *before = written(s);
        rc = sdpx_media_attr_add(med(s, 0), "x-filler", "0123456789012345678901234567890123456789");
        if (rc == 0) {
            added++;
        } else {
            char *after = written(s);
            ck_assert_str_eq(after, before);
            free(after);
        }
        free(before);
    }
    ck_assert_int_eq(rc, SDPX_ESCRATCH);
    ck_assert_int_gt(added, 10); /* 4 KiB holds a few dozen such lines */
    ck_assert_uint_eq(sdpx_media_line_count(med(s, 0)), 4 + (size_t)added);
    sdpx_session_free(s);
    free(scratch);
}
END_TEST

/* A line longer than the default line limit would not parse back: refused. */
START_TEST(long_line_refused)
{
    sdpx_session *s = parse_ok(BASE, 0);
    size_t n = SDPX_DEFAULT_MAX_LINE_LEN;
    char *big = malloc(n + 1);
    memset(big, 'x', n);
    big[n] = '\0';
    ck_assert_int_eq(sdpx_media_attr_add(med(s, 0), "x-big", big), SDPX_ELIMIT);
    big[n - 16] = '\0'; /* "a=x-big:" plus this fits */
    ck_assert_int_eq(sdpx_media_attr_add(med(s, 0), "x-big", big), 0);
    char *got = written(s);
    sdpx_session *again = parse_ok(got, 0);
    sdpx_session_free(again);
    free(got);
    free(big);
    sdpx_session_free(s);
}
END_TEST

/* ---- sess-version arithmetic on text ------------------------------------- */

typedef struct {
    const char *version;
    const char *want;
} bump_case;

static const bump_case bumps[] = {
    {"0", "1"},
    {"9", "10"},
    {"199", "200"},
    {"4611731400430051336", "4611731400430051337"},
    {"18446744073709551615", "18446744073709551616"}, /* past 64 bits */
    {"9999999999999999999999999", "10000000000000000000000000"},
};

START_TEST(bump_table)
{
    char in[256], want[256];
    snprintf(in, sizeof in, "v=0\r\no=- 1 %s IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n", bumps[_i].version);
    snprintf(want, sizeof want, "v=0\r\no=- 1 %s IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n", bumps[_i].want);
    sdpx_session *s = parse_ok(in, 0);
    ck_assert_int_eq(sdpx_session_bump_version(s), 0);
    char *got = written(s);
    ck_assert_str_eq(got, want);
    free(got);
    sdpx_session_free(s);
}
END_TEST

START_TEST(bump_needs_origin)
{
    /* a version that is not a number: an explicit bump says so, the
     * automatic one lets the edit through */
    sdpx_session *t = parse_ok("v=0\r\no=- 1 x IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n", 0);
    ck_assert_int_eq(sdpx_session_bump_version(t), SDPX_EFIELD);
    ck_assert_int_eq(sdpx_session_set_edit_flags(t, SDPX_EDIT_BUMP_VERSION), 0);
    ck_assert_int_eq(sdpx_media_attr_add(sdpx_session_media_mut(t, 0), "sendonly", NULL), 0);
    ck_assert_int_eq(sdpx_media_set_port(sdpx_session_media_mut(t, 0), 5004), 0);
    char *w = sdpx_write_alloc(t, 0, NULL);
    ck_assert_str_eq(w, "v=0\r\no=- 1 x IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 5004 RTP/AVP 0\r\na=sendonly\r\n");
    free(w);
    sdpx_session_free(t);
    sdpx_session *s = parse_ok("v=0\r\ns=-\r\nt=0 0\r\n", 0);
    ck_assert_int_eq(sdpx_session_bump_version(s), SDPX_ENOTFOUND);
    ck_assert_int_eq(sdpx_session_set_edit_flags(s, 1u << 7), SDPX_EINVAL);
    sdpx_session_free(s);
}
END_TEST

/* ---- handles: media survive edits of others, indexes follow ------------- */

START_TEST(media_handles_stay_valid)
{
    sdpx_session *s = parse_ok(BASE, 0);
    sdpx_media *a = med(s, 0), *v = med(s, 1);
    ck_assert_int_eq(sdpx_session_media_add(s, 0, "audio 9 RTP/AVP 0", NULL), 0);
    ck_assert_uint_eq(sdpx_media_index(a), 1);
    ck_assert_uint_eq(sdpx_media_index(v), 2);
    ck_assert_int_eq(sdpx_session_media_remove(s, a), 0);
    ck_assert_uint_eq(sdpx_media_index(v), 1);
    ck_assert_ptr_eq(med(s, 1), v);
    ck_assert_uint_eq(sdpx_session_media_count(s), 2);
    /* the group lost "a"; the video section is intact */
    const sdpx_line *g = sdpx_session_find_attr(s, SDPX_ATTR_GROUP, NULL);
    ck_assert_str_view(sdpx_line_text(g), "a=group:BUNDLE v");
    ck_assert_str_view(sdpx_line_text(sdpx_media_line(v, 3)), "a=rtpmap:96 VP8/90000");
    /* new lines are marked as edited (line number 0), old ones keep theirs */
    ck_assert_uint_eq(sdpx_line_number(g), 0);
    ck_assert_uint_eq(sdpx_line_number(sdpx_media_line(v, 0)), 10);
    sdpx_session_free(s);
}
END_TEST

/* ---- stale handles (SDPX_ESTALE) and the edit-safe loop ------------------ */

static const char rids[] =
    "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n"
    "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:v\r\na=rtpmap:96 VP8/90000\r\n"
    "a=rid:h send\r\na=rid:m send\r\na=x-between:1\r\na=rid:l send\r\n"
    "a=simulcast:send h;m;l\r\n"
    "m=audio 9 UDP/TLS/RTP/SAVPF 0\r\na=mid:a\r\n";

/* A handle kept across sdpx_line_remove used to point at the next line, and
 * sdpx_attr_replace through it edited that line and returned 0. */
START_TEST(handle_kept_across_remove_is_stale)
{
    sdpx_session *s = parse_ok(rids, 0);
    sdpx_media *v = med(s, 0);
    const sdpx_line *h = sdpx_media_find_attr(v, SDPX_ATTR_RID, NULL);
    const sdpx_line *other = sdpx_media_line(v, 5); /* a=x-between, a handle kept too */
    ck_assert_int_eq(sdpx_line_remove(s, h), 0);
    char *before = written(s);
    ck_assert_int_eq(sdpx_attr_replace(s, h, "rid", "z send"), SDPX_ESTALE);
    ck_assert_int_eq(sdpx_attr_replace(s, other, "x-between", "2"), SDPX_ESTALE);
    ck_assert_int_eq(sdpx_line_remove(s, h), SDPX_ESTALE);
    ck_assert_int_eq(sdpx_attr_insert(s, h, 1, "x-y", "1"), SDPX_ESTALE);
    sdpx_rid typed;
    ck_assert_int_eq(sdpx_rid_parse(view_of("z send"), &typed), 0);
    ck_assert_int_eq(sdpx_attr_replace_typed(s, h, SDPX_ATTR_RID, &typed), SDPX_ESTALE);
    char *after = written(s);
    ck_assert_str_eq(after, before); /* nothing changed */
    /* readers answer as for an absent line; `after` ends a search */
    ck_assert_int_eq(sdpx_line_type(h), 0);
    ck_assert_uint_eq(sdpx_line_text(h).len, 0);
    ck_assert_uint_eq(sdpx_attr_value(h).len, 0);
    ck_assert_int_eq(sdpx_line_kind(h), SDPX_ATTR_NONE);
    ck_assert_ptr_null(sdpx_media_find_attr(v, SDPX_ATTR_RID, h));
    /* looked up again, the lines are there */
    const sdpx_line *m = sdpx_media_find_attr(v, SDPX_ATTR_RID, NULL);
    ck_assert_str_view(sdpx_line_text(m), "a=rid:m send");
    ck_assert_int_eq(sdpx_attr_replace(s, m, "rid", "m recv"), 0);
    ck_assert_str_eq(sdpx_strerror(SDPX_ESTALE), "the line or media section was removed or moved by an edit");
    ck_assert_str_eq(sdpx_code_name(SDPX_ESTALE), "SDPX_ESTALE");
    ck_assert_int_eq(SDPX_ESTALE, -23);
    sdpx_free(before);
    sdpx_free(after);
    sdpx_session_free(s);
}
END_TEST

/* Helpers move a section's lines too: handles into it go stale, handles
 * into other sections keep working. */
START_TEST(helpers_make_handles_stale)
{
    sdpx_session *s = parse_ok(rids, 0);
    sdpx_media *v = med(s, 0), *a = med(s, 1);
    const sdpx_line *rid = sdpx_media_find_attr(v, SDPX_ATTR_RID, NULL);
    const sdpx_line *mid = sdpx_media_find_attr(a, SDPX_ATTR_MID, NULL);
    ck_assert_int_eq(sdpx_media_set_direction(v, SDPX_DIR_SENDONLY), 0);
    ck_assert_int_eq(sdpx_attr_replace(s, rid, "rid", "h recv"), SDPX_ESTALE);
    ck_assert_int_eq(sdpx_attr_replace(s, mid, "mid", "b"), 0);
    /* an append with room keeps every handle of the section */
    const sdpx_line *last = sdpx_media_find_attr(a, SDPX_ATTR_MID, NULL);
    ck_assert_int_eq(sdpx_media_attr_add(a, "sendrecv", NULL), 0); /* full: moves */
    ck_assert_int_eq(sdpx_attr_replace(s, last, "mid", "c"), SDPX_ESTALE);
    last = sdpx_media_find_attr(a, SDPX_ATTR_MID, NULL);
    ck_assert_int_eq(sdpx_media_attr_add(a, "rtcp-mux", NULL), 0); /* room now */
    ck_assert_int_eq(sdpx_attr_replace(s, last, "mid", "c"), 0);
    char *t = written(s);
    ck_assert_ptr_nonnull(strstr(t, "a=mid:c\r\na=sendrecv\r\na=rtcp-mux\r\n"));
    sdpx_free(t);
    sdpx_session_free(s);
}
END_TEST

/* Edits of a removed media section returned 0 and did nothing. */
START_TEST(removed_media_is_stale)
{
    sdpx_session *s = parse_ok(rids, 0);
    sdpx_media *v = med(s, 0);
    const sdpx_line *rid = sdpx_media_find_attr(v, SDPX_ATTR_RID, NULL);
    ck_assert_int_eq(sdpx_session_media_remove(s, v), 0);
    char *before = written(s);
    const char *names[] = {"VP8"};
    sdpx_candidate_filter all = {0};
    ck_assert_int_eq(sdpx_media_attr_add(v, "x-y", "1"), SDPX_ESTALE);
    ck_assert_int_eq(sdpx_media_attr_remove(v, "rid"), SDPX_ESTALE);
    ck_assert_int_eq(sdpx_media_set_port(v, 0), SDPX_ESTALE);
    ck_assert_int_eq(sdpx_media_set_info(v, "x"), SDPX_ESTALE);
    ck_assert_int_eq(sdpx_media_set_key(v, "clear:x"), SDPX_ESTALE);
    ck_assert_int_eq(sdpx_media_set_connection(v, "IN IP4 192.0.2.1"), SDPX_ESTALE);
    ck_assert_int_eq(sdpx_media_set_bandwidth(v, "AS", 1), SDPX_ESTALE);
    ck_assert_int_eq(sdpx_media_remove_codec(v, "VP8", NULL), SDPX_ESTALE);
    ck_assert_int_eq(sdpx_media_keep_codecs(v, names, 1), SDPX_ESTALE);
    ck_assert_int_eq(sdpx_media_set_direction(v, SDPX_DIR_INACTIVE), SDPX_ESTALE);
    ck_assert_int_eq(sdpx_media_remove_candidates(v, &all), SDPX_ESTALE);
    ck_assert_int_eq(sdpx_media_remove_streams(v), SDPX_ESTALE);
    ck_assert_int_eq(sdpx_media_set_msid(v, "s", NULL), SDPX_ESTALE);
    ck_assert_int_eq(sdpx_session_media_remove(s, v), SDPX_ESTALE);
    ck_assert_int_eq(sdpx_session_media_move(s, v, 0), SDPX_ESTALE);
    ck_assert_int_eq(sdpx_attr_replace(s, rid, "rid", "x send"), SDPX_ESTALE);
    char *after = written(s);
    ck_assert_str_eq(after, before);
    /* readers: an empty section */
    ck_assert_uint_eq(sdpx_media_line_count(v), 0);
    ck_assert_ptr_null(sdpx_media_line(v, 0));
    ck_assert_ptr_null(sdpx_media_find_attr(v, SDPX_ATTR_RID, NULL));
    ck_assert_uint_eq(sdpx_media_codec_count(v), 0);
    sdpx_mline ml;
    ck_assert_int_eq(sdpx_media_mline(v, &ml), SDPX_ENOTFOUND);
    sdpx_str mid;
    ck_assert_int_eq(sdpx_media_mid(v, &mid), SDPX_ENOTFOUND);
    ck_assert_uint_eq(sdpx_media_index(v), SIZE_MAX);
    sdpx_free(before);
    sdpx_free(after);
    sdpx_session_free(s);
}
END_TEST

/* The README's loop: replace every a=rid in one pass through the handles. */
START_TEST(replace_every_match_in_one_pass)
{
    sdpx_session *s = parse_ok(rids, 0);
    sdpx_session_set_edit_flags(s, SDPX_EDIT_BUMP_VERSION);
    sdpx_media *v = med(s, 0);
    int changed = 0;
    for (const sdpx_line *l = sdpx_media_find_attr(v, SDPX_ATTR_RID, NULL); l;
         l = sdpx_media_find_attr(v, SDPX_ATTR_RID, l)) {
        sdpx_rid r;
        ck_assert_int_eq(sdpx_rid_parse(sdpx_attr_value(l), &r), 0);
        char value[64];
        snprintf(value, sizeof value, "%.*s recv", (int)r.id.len, r.id.ptr);
        ck_assert_int_eq(sdpx_attr_replace(s, l, "rid", value), 0);
        changed++;
    }
    ck_assert_int_eq(changed, 3);
    char *t = written(s);
    ck_assert_ptr_nonnull(strstr(t, "a=rid:h recv\r\na=rid:m recv\r\na=x-between:1\r\na=rid:l recv\r\n"));
    ck_assert_ptr_nonnull(strstr(t, "o=- 1 2 IN IP4"));
    sdpx_free(t);
    sdpx_session_free(s);
}
END_TEST

/* sdpx_session_compact: the same description in fewer bytes; refused
 * without memory (nothing changes); a no-op for NO_HEAP sessions. */
static int fail_next;
static size_t held;
static void *flaky_alloc(void *ctx, size_t n)
{
    (void)ctx;
    if (fail_next)
        return NULL;
    held += n;
    return malloc(n);
}
static void flaky_release(void *ctx, void *p, size_t n)
{
    (void)ctx;
    held -= n;
    free(p);
}

START_TEST(compact_on_request)
{
    sdpx_allocator al = {flaky_alloc, flaky_release, NULL};
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.allocator = &al;
    sdpx_session *s = NULL;
    held = 0;
    fail_next = 0;
    ck_assert_int_eq(sdpx_parse(rids, strlen(rids), &opt, &s, NULL), 0);
    sdpx_media *v = med(s, 0);
    for (int i = 0; i < 300; i++) {
        ck_assert_int_eq(sdpx_media_set_direction(v, i & 1 ? SDPX_DIR_SENDONLY : SDPX_DIR_RECVONLY), 0);
        ck_assert_int_eq(sdpx_media_set_bandwidth(v, "AS", (uint64_t)i), 0);
    }
    char *before = written(s);
    size_t grown = held;
    fail_next = 1;
    ck_assert_int_eq(sdpx_session_compact(s), SDPX_ENOMEM);
    char *same = written(s);
    ck_assert_str_eq(same, before);
    fail_next = 0;
    ck_assert_int_eq(sdpx_session_compact(s), 0);
    char *after = written(s);
    ck_assert_str_eq(after, before);
    ck_assert_uint_lt(held, grown);
    /* the media handle survives; lines are found again and edit normally */
    const sdpx_line *rid = sdpx_media_find_attr(v, SDPX_ATTR_RID, NULL);
    ck_assert_str_view(sdpx_line_text(rid), "a=rid:h send");
    ck_assert_int_eq(sdpx_attr_replace(s, rid, "rid", "h recv"), 0);
    ck_assert_int_eq(sdpx_media_set_direction(v, SDPX_DIR_INACTIVE), 0);
    ck_assert_int_eq(sdpx_session_compact(NULL), SDPX_EINVAL);
    sdpx_free(before);
    sdpx_free(same);
    sdpx_free(after);
    sdpx_session_free(s);
    ck_assert_uint_eq(held, 0);
    /* scratch memory without heap: nothing to give back */
    static uint64_t scratch[2048];
    memset(&opt, 0, sizeof opt);
    opt.flags = SDPX_PARSE_NO_HEAP;
    opt.scratch = scratch;
    opt.scratch_size = sizeof scratch;
    ck_assert_int_eq(sdpx_parse(rids, strlen(rids), &opt, &s, NULL), 0);
    ck_assert_int_eq(sdpx_media_set_direction(med(s, 0), SDPX_DIR_INACTIVE), 0);
    ck_assert_int_eq(sdpx_session_compact(s), 0);
    char *t = written(s);
    ck_assert_ptr_nonnull(strstr(t, "a=inactive"));
    sdpx_free(t);
    sdpx_session_free(s);
}
END_TEST

/* A bare-LF file written with KEEP_LF stays bare LF after an insertion. */
START_TEST(keep_lf_insertion)
{
    sdpx_session *s = parse_ok("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=audio 9 RTP/AVP 0\n", 0);
    ck_assert_int_eq(sdpx_media_attr_add(med(s, 0), "sendonly", NULL), 0);
    char *got = sdpx_write_alloc(s, SDPX_WRITE_KEEP_LF, NULL);
    ck_assert_str_eq(got, "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=audio 9 RTP/AVP 0\na=sendonly\n");
    free(got);
    sdpx_session_free(s);
}
END_TEST

/* Refused edits say why: the argument, the byte, the line it would break
 * (sdpx_session_last_error); expected texts written by hand. */
typedef struct {
    const char *what;
    int code;
    unsigned col;
    const char *msg;
} reason_case;

static int reason_edit(sdpx_session *s, int i)
{
    sdpx_media *m = sdpx_session_media_mut(s, 0);
    switch (i) {
    case 0: return sdpx_session_attr_add(s, "tool", "x\r\na=evil");
    case 1: return sdpx_media_attr_add(m, "a b", "1");
    case 2: return sdpx_media_attr_add(m, "rtpmap", "xx opus/48000");
    case 3: return sdpx_session_set_info(s, "");
    case 4: return sdpx_session_set_name(s, "n\nx");
    case 5: return sdpx_media_add_candidate(m, "candidate:1 1 udp");
    case 6: return sdpx_line_remove(s, sdpx_session_line(s, 0));
    case 7: return sdpx_session_set_connection(s, "IN IP4 ::1");
    case 8: return sdpx_session_set_ice_credentials(s, "ab", "0123456789abcdefghijkl");
    case 9: return sdpx_session_set_ice_credentials(s, "abcd", "0123456789abcdefghijkl");
    case 10: return sdpx_session_group_add_mid(s, "BUNDLE", "zz");
    case 11: return sdpx_session_renumber_extmap(s, "urn:x", 15);
    default: {
        const char *keep[] = {"opus"};
        return sdpx_media_keep_codecs(m, keep, 1);
    }
    }
}

static const reason_case reasons[] = {
    {"CR in a value", SDPX_EINVAL, 2,
     "value: byte 2 is a CR, which would end the new a= line there and start another"},
    {"name not a token", SDPX_EINVAL, 2,
     "attribute name \"a b\": byte 2 (0x20) is not a token character"},
    {"value grammar", SDPX_EINVAL, 1, "value: byte 1: payload type \"xx\" is not a number"},
    {"empty i=", SDPX_EINVAL, 0, "text: empty; i= needs a text (NULL removes it)"},
    {"LF in s=", SDPX_EINVAL, 2,
     "name: byte 2 is an LF, which would end the new s= line there and start another"},
    {"candidate", SDPX_EINVAL, 8, "candidate: byte 8: priority is missing"},
    {"v= line", SDPX_EINVAL, 0,
     "line: a v= line holds its part together; remove a section with sdpx_session_media_remove"},
    {"c= family", SDPX_EINVAL, 0,
     "value: not \"IN IP4|IP6 <address>\" with an address of that family (RFC 8866 5.7)"},
    {"short ufrag", SDPX_EINVAL, 0, "ufrag: 2 bytes; it needs 4-256 ice-chars (RFC 8839 5.4)"},
    {"no credentials", SDPX_ENOTFOUND, 0, "no a=ice-ufrag or a=ice-pwd to replace"},
    {"unknown mid", SDPX_ENOTFOUND, 0, "mid: no media section has a=mid:zz"},
    {"reserved extmap id", SDPX_EINVAL, 0, "id: 15; extmap ids are 1-14 and 16-255 (RFC 8285 5)"},
    {"no codec left", SDPX_EINVAL, 0,
     "media section 0 would be left without a codec (an m= line needs a format, RFC 8866 5.14)"},
};

START_TEST(edit_reasons)
{
    const reason_case *c = &reasons[_i];
    sdpx_session *s = parse_ok("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n"
                               "m=audio 9 RTP/AVP 0\r\n", 0);
    ck_assert_int_eq(reason_edit(s, _i), c->code);
    const sdpx_error *e = sdpx_session_last_error(s);
    ck_assert_ptr_nonnull(e);
    ck_assert_msg(e->code == c->code, "%s: code %d", c->what, e->code);
    ck_assert_msg(e->col == c->col, "%s: col %u, want %u", c->what, e->col, c->col);
    ck_assert_str_eq(e->msg, c->msg);
    /* the next edit clears it, whether it succeeds or not */
    ck_assert_int_eq(sdpx_session_attr_add(s, "tool", "ok"), 0);
    ck_assert_int_eq(sdpx_session_last_error(s)->code, 0);
    ck_assert_str_eq(sdpx_session_last_error(s)->msg, "");
    ck_assert_ptr_null(sdpx_session_last_error(NULL));
    sdpx_session_free(s);
}
END_TEST

/* A codec no section has: the C call removes nothing and says 0, not an
 * error (sdpx edit --remove-codec reports it, exit 1; tests/cli.test). */
START_TEST(remove_absent_codec_is_zero)
{
    const char *text = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n"
                       "m=audio 9 RTP/AVP 0 111\r\na=rtpmap:111 opus/48000/2\r\n";
    sdpx_session *s = parse_ok(text, 0);
    ck_assert_int_eq(sdpx_session_remove_codec(s, "NOPE", NULL), 0);
    char *out = sdpx_write_alloc(s, 0, NULL);
    ck_assert_str_eq(out, text);
    sdpx_free(out);
    sdpx_session_free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("edit");
    TCase *tc = tcase_create("primitives");
    tcase_add_loop_test(tc, edit_table, 0, (int)(sizeof edit_cases / sizeof edit_cases[0]));
    tcase_add_loop_test(tc, injection_refused, 0, (int)(sizeof injections / sizeof injections[0]));
    tcase_add_loop_test(tc, bump_table, 0, (int)(sizeof bumps / sizeof bumps[0]));
    tcase_add_test(tc, bump_needs_origin);
    tcase_add_test(tc, no_heap_edit_changes_nothing);
    tcase_add_test(tc, media_handles_stay_valid);
    tcase_add_test(tc, repeated_adds_grow_by_doubling);
    tcase_add_test(tc, long_line_refused);
    tcase_add_test(tc, no_heap_edits_until_scratch_full);
    tcase_add_test(tc, keep_lf_insertion);
    tcase_add_test(tc, remove_absent_codec_is_zero);
    tcase_add_loop_test(tc, edit_reasons, 0, (int)(sizeof reasons / sizeof reasons[0]));
    tcase_add_test(tc, handle_kept_across_remove_is_stale);
    tcase_add_test(tc, helpers_make_handles_stale);
    tcase_add_test(tc, removed_media_is_stale);
    tcase_add_test(tc, replace_every_match_in_one_pass);
    tcase_add_test(tc, compact_on_request);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
