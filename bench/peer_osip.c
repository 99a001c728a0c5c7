/* sdpbench peer: osip2's SDP parser on the same files (NUL-terminated). */
#include "bench.h"

#include <osipparser2/osip_parser.h>
#include <osipparser2/sdp_message.h>

#include <stdlib.h>
#include <string.h>

static void osip_init(void)
{
    parser_init();
}

static void *osip_parse(const char *buf, size_t len)
{
    sdp_message_t *sdp;
    (void)len; /* osip2 reads up to the NUL the loader put after each file */
    if (sdp_message_init(&sdp) != 0)
        return NULL;
    if (sdp_message_parse(sdp, buf) != 0) {
        sdp_message_free(sdp);
        return NULL;
    }
    return sdp;
}

static char *osip_write(void *h, size_t *len)
{
    char *t = NULL;
    if (sdp_message_to_str(h, &t) != 0 || !t) {
        *len = 0;
        return NULL;
    }
    *len = strlen(t);
    return t;
}

static void osip_text_free(char *t)
{
    osip_free(t);
}

static void osip_release(void *h)
{
    sdp_message_free(h);
}

int main(int argc, char **argv)
{
    static const bench_peer peer = {"osip", osip_init, osip_parse, osip_write, osip_text_free,
                                    osip_release};
    return bench_peer_main(argc, argv, &peer);
}
