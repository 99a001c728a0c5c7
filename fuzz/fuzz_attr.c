/* Every typed attribute decoder on arbitrary values. The first byte picks
 * the decoder; the rest, in a block of exactly its size, is the value.
 * Properties: no overread (ASan); every view returned lies inside the
 * value; iterators end; where an encoder exists, decode -> encode -> decode
 * succeeds and encoding is then a fixed point (the second encoding equals
 * the first), and the snprintf-style length is the same with a short buffer. */
#include "common.h"

#define IN(view) fuzz_assert(fuzz_within((view), v.ptr, v.len))

/* Encode with a generous buffer and with a short one; returns a malloc'd,
 * NUL-terminated copy of the text (or NULL when the encoder refused). */
#define ENCODE(fn, objp, outp, outlenp)                                                   \
    do {                                                                                  \
        char big_[8192];                                                                  \
        int n_ = fn((objp), big_, sizeof big_);                                           \
        *(outp) = NULL;                                                                   \
        if (n_ < 0)                                                                       \
            break;                                                                        \
        fuzz_assert((size_t)n_ < sizeof big_ || v.len * 4 + 64 > sizeof big_);            \
        if ((size_t)n_ >= sizeof big_)                                                    \
            break;                                                                        \
        fuzz_assert(big_[n_] == '\0');                                                    \
        char small_[8];                                                                   \
        fuzz_assert(fn((objp), small_, sizeof small_) == n_);                             \
        fuzz_assert(memcmp(small_, big_, (size_t)n_ < 7 ? (size_t)n_ : 7) == 0);          \
        fuzz_assert(fn((objp), NULL, 0) == n_);                                           \
        *(outp) = fuzz_dup((const uint8_t *)big_, (size_t)n_ + 1);                        \
        *(outlenp) = (size_t)n_;                                                          \
    } while (0)

/* decode -> encode -> decode -> encode: the two encodings must agree. */
#define ROUND_TRIP(type, parse, write)                                                    \
    do {                                                                                  \
        type a_, b_;                                                                      \
        if (parse(v, &a_) != 0)                                                           \
            break;                                                                        \
        char *t1_;                                                                        \
        size_t n1_ = 0;                                                                   \
        ENCODE(write, &a_, &t1_, &n1_);                                                   \
        if (!t1_)                                                                         \
            break;                                                                        \
        sdpx_str w_ = {t1_, n1_};                                                         \
        if (parse(w_, &b_) != 0)                                                          \
            fuzz_fail(#write " output \"%s\" does not decode", t1_);                      \
        char *t2_;                                                                        \
        size_t n2_ = 0;                                                                   \
        ENCODE(write, &b_, &t2_, &n2_);                                                   \
        if (!t2_ || n2_ != n1_ || memcmp(t1_, t2_, n1_) != 0)                             \
            fuzz_fail(#write " is not a fixed point: \"%s\" then \"%s\"", t1_,            \
                      t2_ ? t2_ : "(refused)");                                          \
        free(t2_);                                                                        \
        free(t1_);                                                                        \
    } while (0)

static void walk_params(sdpx_str v, sdpx_str rest)
{
    sdpx_param p;
    size_t guard = 0;
    while (sdpx_param_next(&rest, &p) == 1) {
        IN(p.key);
        IN(p.value);
        fuzz_assert(++guard <= v.len + 1);
    }
}

static void decoders(sdpx_str v, unsigned which)
{
    switch (which) {
    case 0: ROUND_TRIP(sdpx_rtpmap, sdpx_rtpmap_parse, sdpx_rtpmap_write); break;
    case 1: {
        sdpx_fmtp f;
        if (sdpx_fmtp_parse(v, &f) == 0) {
            IN(f.format);
            IN(f.params);
            walk_params(v, f.params);
            sdpx_str val;
            (void)sdpx_fmtp_get(&f, "apt", &val);
        }
        ROUND_TRIP(sdpx_fmtp, sdpx_fmtp_parse, sdpx_fmtp_write);
        break;
    }
    case 2: ROUND_TRIP(sdpx_rtcp_fb, sdpx_rtcp_fb_parse, sdpx_rtcp_fb_write); break;
    case 3: ROUND_TRIP(sdpx_extmap, sdpx_extmap_parse, sdpx_extmap_write); break;
    case 4: ROUND_TRIP(sdpx_rtcp, sdpx_rtcp_parse, sdpx_rtcp_write); break;
    case 5: ROUND_TRIP(sdpx_decimal, sdpx_decimal_parse, sdpx_decimal_write); break;
    case 6: ROUND_TRIP(sdpx_ssrc, sdpx_ssrc_parse, sdpx_ssrc_write); break;
    case 7: {
        sdpx_ssrc_group g;
        if (sdpx_ssrc_group_parse(v, &g) == 0) {
            IN(g.ssrcs);
            sdpx_str rest = g.ssrcs;
            uint32_t id;
            size_t guard = 0;
            while (sdpx_ssrc_next(&rest, &id) == 1)
                fuzz_assert(++guard <= v.len);
        }
        ROUND_TRIP(sdpx_ssrc_group, sdpx_ssrc_group_parse, sdpx_ssrc_group_write);
        break;
    }
    case 8: ROUND_TRIP(sdpx_msid, sdpx_msid_parse, sdpx_msid_write); break;
    case 9: ROUND_TRIP(sdpx_msid_semantic, sdpx_msid_semantic_parse, sdpx_msid_semantic_write); break;
    case 10: {
        sdpx_rid r;
        if (sdpx_rid_parse(v, &r) == 0) {
            IN(r.id);
            IN(r.pts);
            IN(r.restrictions);
            walk_params(v, r.restrictions);
            sdpx_str rest = r.pts;
            unsigned pt;
            size_t guard = 0;
            while (sdpx_pt_next(&rest, &pt) == 1)
                fuzz_assert(++guard <= v.len);
        }
        ROUND_TRIP(sdpx_rid, sdpx_rid_parse, sdpx_rid_write);
        break;
    }
    case 11: {
        sdpx_simulcast sc;
        if (sdpx_simulcast_parse(v, &sc) == 0) {
            sdpx_str lists[2] = {sc.send, sc.recv};
            sdpx_str paused[2] = {sc.send_paused, sc.recv_paused};
            for (int i = 0; i < 2; i++) {
                IN(lists[i]);
                sdpx_str rest = lists[i], alts;
                size_t guard = 0;
                while (sdpx_simulcast_stream_next(&rest, &alts) == 1) {
                    IN(alts);
                    fuzz_assert(++guard <= v.len);
                    sdpx_str ar = alts, rid;
                    int p;
                    size_t g2 = 0;
                    while (sdpx_simulcast_alt_next(&ar, paused[i], &rid, &p) == 1) {
                        IN(rid);
                        fuzz_assert(++g2 <= v.len);
                    }
                }
            }
        }
        ROUND_TRIP(sdpx_simulcast, sdpx_simulcast_parse, sdpx_simulcast_write);
        break;
    }
    case 12: {
        sdpx_fingerprint f;
        if (sdpx_fingerprint_parse(v, &f) == 0) {
            IN(f.hash_name);
            IN(f.hex);
            fuzz_assert(f.len <= SDPX_FINGERPRINT_MAX);
            (void)sdpx_hash_name(f.hash);
        }
        ROUND_TRIP(sdpx_fingerprint, sdpx_fingerprint_parse, sdpx_fingerprint_write);
        break;
    }
    case 13: {
        sdpx_crypto c;
        if (sdpx_crypto_parse(v, &c) == 0) {
            IN(c.suite);
            IN(c.key_params);
            IN(c.session_params);
            sdpx_str rest = c.key_params;
            sdpx_crypto_key k;
            size_t guard = 0;
            while (sdpx_crypto_key_next(&rest, &k) == 1) {
                IN(k.method);
                IN(k.key_salt);
                IN(k.lifetime);
                IN(k.mki);
                fuzz_assert(++guard <= v.len);
            }
        }
        ROUND_TRIP(sdpx_crypto, sdpx_crypto_parse, sdpx_crypto_write);
        break;
    }
    case 14: ROUND_TRIP(sdpx_sctpmap, sdpx_sctpmap_parse, sdpx_sctpmap_write); break;
    case 15: {
        sdpx_group g;
        if (sdpx_group_parse(v, &g) == 0) {
            IN(g.semantics);
            IN(g.ids);
            sdpx_str rest = g.ids, id;
            size_t guard = 0;
            while (sdpx_group_id_next(&rest, &id) == 1) {
                IN(id);
                fuzz_assert(sdpx_group_has(&g, id));
                fuzz_assert(++guard <= v.len);
            }
        }
        ROUND_TRIP(sdpx_group, sdpx_group_parse, sdpx_group_write);
        break;
    }
    case 16: {
        sdpx_str rest = v;
        sdpx_remote_candidate rc;
        size_t guard = 0;
        int r;
        while ((r = sdpx_remote_candidate_next(&rest, &rc)) == 1) {
            IN(rc.address);
            fuzz_assert(++guard <= v.len);
            char buf[512];
            int n = sdpx_remote_candidate_write(&rc, buf, sizeof buf);
            if (n >= 0 && (size_t)n < sizeof buf) {
                sdpx_str w = {buf, (size_t)n};
                sdpx_remote_candidate back;
                if (sdpx_remote_candidate_next(&w, &back) != 1)
                    fuzz_fail("remote candidate \"%s\" does not decode", buf);
                fuzz_assert(back.component == rc.component && back.port == rc.port);
                fuzz_assert(fuzz_str_same(back.address, rc.address));
            }
        }
        break;
    }
    case 17: {
        sdpx_str out;
        if (sdpx_ice_ufrag_parse(v, &out) == 0)
            IN(out);
        if (sdpx_ice_pwd_parse(v, &out) == 0)
            IN(out);
        if (sdpx_tls_id_parse(v, &out) == 0)
            IN(out);
        if (sdpx_mid_parse(v, &out) == 0)
            IN(out);
        break;
    }
    case 18: {
        sdpx_str rest = v, tag;
        size_t guard = 0;
        while (sdpx_ice_options_next(&rest, &tag) == 1) {
            IN(tag);
            fuzz_assert(++guard <= v.len);
        }
        (void)sdpx_ice_options_has(v, "trickle");
        break;
    }
    case 19: {
        uint32_t ms;
        uint16_t port;
        uint64_t size;
        unsigned q;
        sdpx_setup su;
        sdpx_direction d;
        (void)sdpx_ice_pacing_parse(v, &ms);
        (void)sdpx_sctp_port_parse(v, &port);
        (void)sdpx_max_message_size_parse(v, &size);
        (void)sdpx_quality_parse(v, &q);
        if (sdpx_setup_parse(v, &su) == 0)
            fuzz_assert(sdpx_setup_name(su) != NULL);
        if (sdpx_direction_parse(v, &d) == 0)
            fuzz_assert(sdpx_direction_name(d) != NULL);
        (void)sdpx_address_family(v);
        break;
    }
    case 20: {
        sdpx_str rest = v, name, value;
        size_t guard = 0;
        while (sdpx_candidate_ext_next(&rest, &name, &value) == 1) {
            IN(name);
            IN(value);
            fuzz_assert(++guard <= v.len);
        }
        walk_params(v, v);
        break;
    }
    case 21: {
        sdpx_imageattr a;
        if (sdpx_imageattr_parse(v, &a) == 0) {
            for (int dir = 0; dir < 2; dir++) {
                if (!(dir ? a.has_recv : a.has_send))
                    continue;
                sdpx_str rest = dir ? a.recv : a.send;
                sdpx_imageattr_set set;
                size_t guard = 0;
                IN(rest);
                /* every list the decoder accepted walks to its end without error */
                int r;
                while ((r = sdpx_imageattr_set_next(&rest, &set)) == 1) {
                    IN(set.text);
                    fuzz_assert(set.x_min <= set.x_max && set.y_min <= set.y_max);
                    fuzz_assert(++guard <= v.len);
                }
                fuzz_assert(r == 0);
            }
        }
        ROUND_TRIP(sdpx_imageattr, sdpx_imageattr_parse, sdpx_imageattr_write);
        break;
    }
    default:
        break;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    char *buf = fuzz_dup(data + 1, size - 1);
    sdpx_str v = {buf, size - 1};
    decoders(v, data[0] % 22u);
    free(buf);
    return 0;
}
