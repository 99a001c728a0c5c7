/* Randomness: the system default, ICE credentials, session ids. */
#include "nego.h"

#include <stdio.h>
#include <string.h>

int sdpx_random_system(void *ctx, void *buf, size_t len)
{
    (void)ctx;
    if (!buf)
        return len ? SDPX_EINVAL : 0;
    FILE *f = fopen("/dev/urandom", "rb");
    if (!f)
        return SDPX_EINVAL;
    setvbuf(f, NULL, _IONBF, 0); /* read exactly what is asked, no buffer of secrets */
    size_t n = fread(buf, 1, len, f);
    fclose(f);
    return n == len ? 0 : SDPX_EINVAL;
}

/* Opening the source is most of the cost of a draw: one open per answer. */
int sdpxi_random_pooled(void *pool, void *buf, size_t len)
{
    sdpxi_random_pool *p = pool;
    if (!p->filled) {
        int rc = sdpx_random_system(NULL, p->b, sizeof p->b);
        if (rc)
            return rc;
        p->filled = 1;
    }
    if (len > sizeof p->b - p->used)
        return sdpx_random_system(NULL, buf, len);
    memcpy(buf, p->b + p->used, len);
    memset(p->b + p->used, 0, len); /* each byte is handed out once */
    p->used += len;
    return 0;
}

/* RFC 8839 5.4: ice-char = ALPHA / DIGIT / "+" / "/": 64 of them, 6 bits each. */
static const char ice_chars[64] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int ice_string(sdpx_random_fn rnd, void *ctx, char *out, size_t n)
{
    unsigned char b[SDPX_ICE_PWD_CHARS];
    int rc = rnd(ctx, b, n);
    if (rc)
        return rc;
    for (size_t i = 0; i < n; i++)
        out[i] = ice_chars[b[i] & 63];
    out[n] = 0;
    return 0;
}

int sdpx_ice_credentials_make(sdpx_random_fn rnd, void *ctx, char *ufrag, char *pwd)
{
    if (!ufrag || !pwd)
        return SDPX_EINVAL;
    if (!rnd)
        rnd = sdpx_random_system;
    int rc = ice_string(rnd, ctx, ufrag, SDPX_ICE_UFRAG_CHARS);
    return rc ? rc : ice_string(rnd, ctx, pwd, SDPX_ICE_PWD_CHARS);
}

int sdpxi_random_session_id(sdpx_random_fn rnd, void *ctx, uint64_t *id)
{
    unsigned char b[8];
    int rc = (rnd ? rnd : sdpx_random_system)(ctx, b, sizeof b);
    if (rc)
        return rc;
    uint64_t v = 0;
    for (size_t i = 0; i < 8; i++)
        v = v << 8 | b[i];
    *id = v & (((uint64_t)1 << 62) - 1);
    return 0;
}
