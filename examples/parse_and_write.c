/* Parse an offer, read its first media section's m= line and ICE ufrag,
 * and write the description back out. Usage: parse_and_write [FILE] */
#include <sdp.h>
#include <stdio.h>

static const char builtin[] =
    "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
    "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n"
    "a=ice-ufrag:4ZcD\r\na=rtpmap:111 opus/48000/2\r\n";

int main(int argc, char **argv)
{
    static char buf[1 << 16];
    const char *text = builtin;
    size_t len = sizeof builtin - 1;
    if (argc > 1) {
        FILE *f = fopen(argv[1], "rb");
        if (!f) {
            perror(argv[1]);
            return 1;
        }
        len = fread(buf, 1, sizeof buf, f);
        fclose(f);
        text = buf;
    }

    sdpx_session *s;
    sdpx_error err;
    if (sdpx_parse(text, len, NULL, &s, &err) != 0) {
        fprintf(stderr, "line %u, column %u: %s\n", err.line, err.col, err.msg);
        return 1;
    }
    const sdpx_media *m = sdpx_session_media(s, 0);
    sdpx_mline ml;
    if (m && sdpx_media_mline(m, &ml) == 0)
        printf("first media: %.*s, port %u\n", (int)ml.media.len, ml.media.ptr, ml.port);
    const sdpx_line *ufrag = m ? sdpx_media_find_attr(m, SDPX_ATTR_ICE_UFRAG, NULL) : NULL;
    if (ufrag) {
        sdpx_str v = sdpx_attr_value(ufrag);
        printf("ice-ufrag: %.*s\n", (int)v.len, v.ptr);
    }
    char *out = sdpx_write_alloc(s, 0, NULL);
    if (out)
        fputs(out, stdout);
    sdpx_free(out);
    sdpx_session_free(s);
    return out ? 0 : 1;
}
