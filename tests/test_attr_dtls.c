/* DTLS attributes: fingerprint (RFC 8122), setup (RFC 4145 / 8842),
 * tls-id (RFC 8842), the scoped accessors, and their strict checks. */
#include "strict_line.h"

/* n bytes of 0xAB as "AB:AB:..." */
static void hex_bytes(char *buf, size_t n, const char *byte)
{
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(buf, ":");
        strcat(buf, byte);
    }
}

typedef struct {
    const char *hash;
    size_t len;
    sdpx_hash want;
} hash_case;

static const hash_case hash_cases[] = {
    {"md2", 16, SDPX_HASH_MD2},         {"md5", 16, SDPX_HASH_MD5},
    {"sha-1", 20, SDPX_HASH_SHA1},      {"sha-224", 28, SDPX_HASH_SHA224},
    {"sha-256", 32, SDPX_HASH_SHA256},  {"sha-384", 48, SDPX_HASH_SHA384},
    {"sha-512", 64, SDPX_HASH_SHA512},  {"SHA-256", 32, SDPX_HASH_SHA256},
};

/* Every hash decodes at its own length and fails one byte short or long. */
START_TEST(test_fingerprint_lengths)
{
    const hash_case *c = &hash_cases[_i];
    char hex[256], value[300];
    sdpx_fingerprint f;
    hex_bytes(hex, c->len, "AB");
    snprintf(value, sizeof value, "%s %s", c->hash, hex);
    ck_assert_int_eq(sdpx_fingerprint_parse(view_of(value), &f), 0);
    ck_assert_int_eq(f.hash, c->want);
    ck_assert_uint_eq(f.len, c->len);
    ck_assert_uint_eq(sdpx_hash_len(c->want), c->len);
    ck_assert_uint_eq(f.bytes[0], 0xAB);
    ck_assert_uint_eq(f.bytes[c->len - 1], 0xAB);
    ck_assert_str_view(f.hash_name, c->hash);
    hex_bytes(hex, c->len - 1, "AB");
    snprintf(value, sizeof value, "%s %s", c->hash, hex);
    ck_assert_int_eq(sdpx_fingerprint_parse(view_of(value), &f), SDPX_EVALUE);
    hex_bytes(hex, c->len + 1, "AB");
    snprintf(value, sizeof value, "%s %s", c->hash, hex);
    ck_assert_int_eq(sdpx_fingerprint_parse(view_of(value), &f), SDPX_EVALUE);
}
END_TEST

START_TEST(test_fingerprint_rfc)
{
    /* RFC 8122 5 example */
    const char *v = "sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB";
    static const uint8_t want[20] = {0x4A, 0xAD, 0xB9, 0xB1, 0x3F, 0x82, 0x18, 0x3B, 0x54, 0x02,
                                     0x12, 0xDF, 0x3E, 0x5D, 0x49, 0x6B, 0x19, 0xE5, 0x7C, 0xAB};
    sdpx_fingerprint f;
    ck_assert_int_eq(sdpx_fingerprint_parse(view_of(v), &f), 0);
    ck_assert_int_eq(f.hash, SDPX_HASH_SHA1);
    ck_assert_uint_eq(f.len, 20);
    ck_assert(memcmp(f.bytes, want, 20) == 0);
    ck_assert_str_view(f.hex, v + 6);
    char buf[128];
    ck_assert_int_eq(sdpx_fingerprint_write(&f, buf, sizeof buf), (int)strlen(v));
    ck_assert_str_eq(buf, v);
    ck_assert_str_eq(sdpx_hash_name(SDPX_HASH_SHA384), "sha-384");
    ck_assert_ptr_null(sdpx_hash_name(SDPX_HASH_OTHER));
    ck_assert_uint_eq(sdpx_hash_len(SDPX_HASH_OTHER), 0);
}
END_TEST

START_TEST(test_fingerprint_write)
{
    /* lowercase input is read; the encoder writes uppercase (RFC 8122 UHEX) */
    sdpx_fingerprint f;
    char buf[256];
    ck_assert_int_eq(sdpx_fingerprint_parse(view_of("md5 0a:0b:0c:0d:0e:0f:10:11:12:13:14:15:16:17:18:ff"), &f), 0);
    sdpx_fingerprint_write(&f, buf, sizeof buf);
    ck_assert_str_eq(buf, "md5 0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:FF");
    /* built by hand: the hash's name comes from the enum */
    memset(&f, 0, sizeof f);
    f.hash = SDPX_HASH_SHA256;
    f.len = 2;
    f.bytes[0] = 1;
    f.bytes[1] = 0xfe;
    ck_assert_int_eq(sdpx_fingerprint_write(&f, buf, sizeof buf), 13);
    ck_assert_str_eq(buf, "sha-256 01:FE");
    /* an unknown hash keeps any length up to 64 bytes */
    ck_assert_int_eq(sdpx_fingerprint_parse(view_of("blake3 01:02:03"), &f), 0);
    ck_assert_int_eq(f.hash, SDPX_HASH_OTHER);
    ck_assert_uint_eq(f.len, 3);
    f.hash_name = view_of("bad\nname");
    ck_assert_int_eq(sdpx_fingerprint_write(&f, buf, sizeof buf), SDPX_EINVAL);
}
END_TEST

typedef struct {
    const char *line;
    unsigned col; /* 0: passes strict parsing */
    const char *words;
} strict_case;

static const strict_case strict_cases[] = {
    {"a=fingerprint:sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB", 0, NULL},
    {"a=fingerprint:sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AG", 78,
     "fingerprint byte \"AG\""},
    {"a=fingerprint:sha-1 4A:AD:XB:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB", 27,
     "fingerprint byte \"XB\""},
    {"a=fingerprint:sha-1 4A-AD", 23, "separator \"-\""},
    {"a=fingerprint:sha-256 4A:AD", 23, "is not 32 bytes as sha-256 needs"},
    {"a=fingerprint:sha-1", 20, "fingerprint is missing"},
    {"a=fingerprint:sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB extra", 81,
     "field \"extra\""},
    {"a=fingerprint:sha-1 4A:A", 24, "fingerprint byte \"A\""},
    /* edges of the pair-at-a-time walk and the case-folded hash names */
    {"a=fingerprint:sha-1 4A:AD:", 27, "fingerprint byte is not two hex digits"},
    {"a=fingerprint:sha-1 4a:ad:b9:b1:3f:82:18:3b:54:02:12:df:3e:5d:49:6b:19:e5:7c:ab", 0, NULL},
    {"a=fingerprint:SHA-1 4A:AD", 21, "is not 20 bytes as sha-1 needs"},
    {"a=fingerprint:Sha-256 4A:AD", 23, "is not 32 bytes as sha-256 needs"},
    {"a=fingerprint:sha-25 4A:AD", 0, NULL},   /* no listed hash: any length */
    {"a=fingerprint:sha-2560 4A:AD", 0, NULL},
    {"a=fingerprint:sha-1 4A::AD", 24, "fingerprint byte \":A\""},
    /* the pair walk that runs to the value's end, and the split it leaves the rest to */
    {"a=fingerprint:sha-1  4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB", 0, NULL},
    {"a=fingerprint:sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB ", 0, NULL},
    {"a=fingerprint:sha-1 4A:AD x", 27, "field \"x\" follows the fingerprint"},
    {"a=fingerprint:sha-1 4A:AG x", 27, "field \"x\" follows the fingerprint"},
    {"a=fingerprint:sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB:", 81,
     "fingerprint byte is not two hex digits"},
    {"a=fingerprint:sha-1 ", 21, "fingerprint is missing"},
    {"a=setup:actpass", 0, NULL},
    {"a=setup:holdconn", 0, NULL},
    {"a=setup:sideways", 9, "setup role \"sideways\""},
    {"a=setup:ACTIVE", 9, "setup role \"ACTIVE\""},
    {"a=tls-id:abc123abc123abc123ab", 0, NULL},
    {"a=tls-id:abc-_+/abc123abc123ab", 0, NULL},
    {"a=tls-id:abc", 10, "tls-id \"abc\""},
    {"a=tls-id:abc123abc123abc123a.", 29, "character \".\""},
};

START_TEST(test_strict)
{
    const strict_case *c = &strict_cases[_i];
    check_strict_line(c->line, 0, c->col, c->words);
}
END_TEST

typedef struct {
    const char *value;
    int rc;
    sdpx_setup want;
} setup_case;

static const setup_case setup_cases[] = {
    {"active", 0, SDPX_SETUP_ACTIVE},     {"passive", 0, SDPX_SETUP_PASSIVE},
    {"actpass", 0, SDPX_SETUP_ACTPASS},   {"holdconn", 0, SDPX_SETUP_HOLDCONN},
    {"", SDPX_EVALUE, 0},                 {"act pass", SDPX_EVALUE, 0},
    {"activ", SDPX_EVALUE, 0},            {"actives", SDPX_EVALUE, 0},
};

START_TEST(test_setup)
{
    const setup_case *c = &setup_cases[_i];
    sdpx_setup s = 0;
    ck_assert_int_eq(sdpx_setup_parse(view_of(c->value), &s), c->rc);
    if (c->rc == 0) {
        ck_assert_int_eq(s, c->want);
        ck_assert_str_eq(sdpx_setup_name(s), c->value); /* the encoder is the inverse */
    }
}
END_TEST

START_TEST(test_tls_id)
{
    sdpx_str out;
    /* RFC 8842 4 example */
    ck_assert_int_eq(sdpx_tls_id_parse(view_of("abc3de65cddef001be82"), &out), 0);
    ck_assert_str_view(out, "abc3de65cddef001be82");
    ck_assert_int_eq(sdpx_tls_id_parse(view_of("abc3de65cddef001be8"), &out), SDPX_EVALUE);
    ck_assert_ptr_null(sdpx_setup_name((sdpx_setup)0));
}
END_TEST

START_TEST(test_accessors)
{
    static const char sdp[] =
        "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
        "a=fingerprint:sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB\r\n"
        "a=setup:actpass\r\n"
        "m=audio 9 RTP/AVP 0\r\n"
        "a=fingerprint:md5 00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F\r\n"
        "a=fingerprint:sha-1 00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13\r\n"
        "a=setup:active\r\n"
        "m=video 9 RTP/AVP 96\r\n";
    sdpx_session *s = parse_ok(sdp, 0);
    sdpx_media *a = sdpx_session_media_mut(s, 0), *v = sdpx_session_media_mut(s, 1);
    sdpx_fingerprint f;
    sdpx_setup st;
    /* media level: two fingerprints, the session's is not among them */
    ck_assert_int_eq(sdpx_media_fingerprint(a, 0, &f), 0);
    ck_assert_int_eq(f.hash, SDPX_HASH_MD5);
    ck_assert_int_eq(sdpx_media_fingerprint(a, 1, &f), 0);
    ck_assert_int_eq(f.hash, SDPX_HASH_SHA1);
    ck_assert_uint_eq(f.bytes[19], 0x13);
    ck_assert_int_eq(sdpx_media_fingerprint(a, 2, &f), SDPX_ENOTFOUND);
    /* no media-level fingerprint: the session's */
    ck_assert_int_eq(sdpx_media_fingerprint(v, 0, &f), 0);
    ck_assert_uint_eq(f.bytes[0], 0x4A);
    ck_assert_int_eq(sdpx_media_fingerprint(v, 1, &f), SDPX_ENOTFOUND);
    ck_assert_int_eq(sdpx_media_setup(a, &st), 0);
    ck_assert_int_eq(st, SDPX_SETUP_ACTIVE);
    ck_assert_int_eq(sdpx_media_setup(v, &st), 0);
    ck_assert_int_eq(st, SDPX_SETUP_ACTPASS);
    sdpx_session_free(s);

    s = parse_ok("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n"
                 "a=setup:sideways\r\n", 0);
    a = sdpx_session_media_mut(s, 0);
    ck_assert_int_eq(sdpx_media_fingerprint(a, 0, &f), SDPX_ENOTFOUND);
    ck_assert_int_eq(sdpx_media_setup(a, &st), SDPX_EVALUE);
    sdpx_session_free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("attr_dtls");
    TCase *tc = tcase_create("dtls");
    tcase_add_loop_test(tc, test_fingerprint_lengths, 0, sizeof hash_cases / sizeof hash_cases[0]);
    tcase_add_test(tc, test_fingerprint_rfc);
    tcase_add_test(tc, test_fingerprint_write);
    tcase_add_loop_test(tc, test_strict, 0, sizeof strict_cases / sizeof strict_cases[0]);
    tcase_add_loop_test(tc, test_setup, 0, sizeof setup_cases / sizeof setup_cases[0]);
    tcase_add_test(tc, test_tls_id);
    tcase_add_test(tc, test_accessors);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
