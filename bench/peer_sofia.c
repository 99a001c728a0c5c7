/* sdpbench peer: sofia-sip's SDP parser on the same files (default flags). */
#include "bench.h"

#include <sofia-sip/sdp.h>

#include <string.h>

static void *sofia_parse(const char *buf, size_t len)
{
    sdp_parser_t *p = sdp_parse(NULL, buf, (issize_t)len, 0);
    if (p && !sdp_session(p)) {
        sdp_parser_free(p);
        return NULL;
    }
    return p;
}

/* The printer owns the text; text_free releases it. */
static sdp_printer_t *printer;

static char *sofia_write(void *h, size_t *len)
{
    printer = sdp_print(NULL, sdp_session(h), NULL, 0, 0);
    const char *t = printer ? sdp_message(printer) : NULL;
    if (!t) {
        if (printer)
            sdp_printer_free(printer);
        printer = NULL;
        *len = 0;
        return NULL;
    }
    *len = (size_t)sdp_message_size(printer);
    return (char *)t;
}

static void sofia_text_free(char *t)
{
    (void)t;
    sdp_printer_free(printer);
    printer = NULL;
}

static void sofia_release(void *h)
{
    sdp_parser_free(h);
}

int main(int argc, char **argv)
{
    static const bench_peer peer = {"sofia", NULL, sofia_parse, sofia_write, sofia_text_free,
                                    sofia_release};
    return bench_peer_main(argc, argv, &peer);
}
