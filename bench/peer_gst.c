/* sdpbench peer: GStreamer's GstSDPMessage on the same files. */
#include "bench.h"

#include <gst/sdp/gstsdpmessage.h>

static void *gst_parse(const char *buf, size_t len)
{
    GstSDPMessage *msg;
    if (gst_sdp_message_new(&msg) != GST_SDP_OK)
        return NULL;
    if (gst_sdp_message_parse_buffer((const guint8 *)buf, (guint)len, msg) != GST_SDP_OK) {
        gst_sdp_message_free(msg);
        return NULL;
    }
    return msg;
}

static char *gst_write(void *h, size_t *len)
{
    char *t = gst_sdp_message_as_text(h);
    *len = t ? strlen(t) : 0;
    return t;
}

static void gst_text_free(char *t)
{
    g_free(t);
}

static void gst_release(void *h)
{
    gst_sdp_message_free(h);
}

int main(int argc, char **argv)
{
    static const bench_peer peer = {"gst", NULL, gst_parse, gst_write, gst_text_free, gst_release};
    return bench_peer_main(argc, argv, &peer);
}
