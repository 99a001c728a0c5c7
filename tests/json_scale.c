/* Driver of tests/json_scaling.test: one measured pass of sdpx_parse,
 * sdpx_write_json or sdpx_parse_json, so callgrind can count the
 * instructions of exactly that call (functions measure_*).
 *   json_scale cost FILE...       parse, write_json and parse_json of each file
 *   json_scale shape NAME K       one adversarial shape at K times its base size
 * Shapes: candidates, media, long-invalid, simulcast, floorid, imageattr
 * (SDP, measured through parse + write_json), json-array, json-string
 * (JSON, measured through parse_json). Prints the input size in bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sdp.h"

/* Not inlined, so callgrind sees each as a function of its own. */
__attribute__((noinline)) void measure_parse(const char *b, size_t n, sdpx_session **s)
{
    if (sdpx_parse(b, n, NULL, s, NULL))
        *s = NULL;
}

__attribute__((noinline)) size_t measure_json(const sdpx_session *s, char *out, size_t cap)
{
    return sdpx_write_json(s, 0, out, cap);
}

__attribute__((noinline)) int measure_from_json(const char *j, size_t n)
{
    sdpx_session *s;
    int rc = sdpx_parse_json(j, n, NULL, &s, NULL);
    if (!rc)
        sdpx_session_free(s);
    return rc;
}

static char *grow(char *b, size_t *len, size_t *cap, const char *add)
{
    size_t n = strlen(add);
    while (*len + n + 1 > *cap)
        b = realloc(b, *cap *= 2);
    if (!b)
        exit(2);
    memcpy(b + *len, add, n + 1);
    *len += n;
    return b;
}

static char *make_shape(const char *name, long k, size_t *len, int *is_json)
{
    size_t cap = 1024;
    char *b = malloc(cap), line[256];
    *len = 0;
    *is_json = !strncmp(name, "json-", 5);
    if (*is_json) {
        b = grow(b, len, &cap, "{\"media\":[{\"type\":\"audio\",\"port\":9,\"protocol\":\"RTP/AVP\","
                                "\"payloads\":0,\"invalid\":[");
        for (long i = 0; i < 500 * k; i++) {
            if (!strcmp(name, "json-array"))
                b = grow(b, len, &cap, i ? ",{\"value\":\"x-a:1\"}" : "{\"value\":\"x-a:1\"}");
            else if (i == 0)
                b = grow(b, len, &cap, "{\"value\":\"x-a:");
            else
                b = grow(b, len, &cap, "\\u00e9\\t\\\"a");
        }
        if (!strcmp(name, "json-string"))
            b = grow(b, len, &cap, "\"}");
        return grow(b, len, &cap, "]}]}");
    }
    b = grow(b, len, &cap, "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
    if (!strcmp(name, "media")) {
        for (long i = 0; i < 20 * k; i++) {
            snprintf(line, sizeof line, "m=audio 9 RTP/AVP 0\r\na=mid:%ld\r\na=rtpmap:0 PCMU/8000\r\n"
                                        "a=sendrecv\r\n", i);
            b = grow(b, len, &cap, line);
        }
        return b;
    }
    b = grow(b, len, &cap, "m=video 9 RTP/AVP 96\r\n");
    if (!strcmp(name, "candidates")) {
        for (long i = 0; i < 100 * k; i++) {
            snprintf(line, sizeof line, "a=candidate:%ld 1 udp 2122260223 192.0.2.%ld %ld typ host "
                                        "generation 0 network-id 1\r\n", i, i % 250, 1000 + i);
            b = grow(b, len, &cap, line);
        }
        return b;
    }
    const char *head = !strcmp(name, "long-invalid") ? "a=x-long:"
                       : !strcmp(name, "simulcast")  ? "a=simulcast:send "
                       : !strcmp(name, "floorid")    ? "a=floorid:"
                                                     : "a=imageattr:96 send [";
    const char *unit = !strcmp(name, "long-invalid") ? "abcd efgh "
                       : !strcmp(name, "simulcast")  ? "sendrecv;~"
                       : !strcmp(name, "floorid")    ? " mstrm x y"
                                                     : "x]] [y]]][";
    b = grow(b, len, &cap, head); /* 16x stays under the 64 KiB line limit */
    for (long i = 0; i < 300 * k; i++)
        b = grow(b, len, &cap, unit);
    return grow(b, len, &cap, " x\r\n");
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16;
    char *b = malloc(cap);
    *len = fread(b, 1, cap, f);
    fclose(f);
    return b;
}

int main(int argc, char **argv)
{
    static char out[1 << 22];
    if (argc >= 3 && !strcmp(argv[1], "cost")) {
        for (int i = 2; i < argc; i++) {
            size_t n;
            char *b = read_all(argv[i], &n);
            sdpx_session *s = NULL;
            if (b)
                measure_parse(b, n, &s);
            if (s) {
                size_t j = measure_json(s, out, sizeof out);
                if (j < sizeof out)
                    measure_from_json(out, j);
                sdpx_session_free(s);
            }
            free(b);
        }
        return 0;
    }
    if (argc != 4 || strcmp(argv[1], "shape")) {
        fprintf(stderr, "usage: json_scale cost FILE... | json_scale shape NAME K\n");
        return 2;
    }
    size_t n;
    int is_json;
    char *b = make_shape(argv[2], atol(argv[3]), &n, &is_json);
    printf("%zu bytes\n", n);
    if (is_json) {
        int rc = measure_from_json(b, n);
        if (rc)
            fprintf(stderr, "json_scale: %s\n", sdpx_code_name(rc));
        free(b);
        return rc ? 1 : 0;
    }
    sdpx_session *s = NULL;
    measure_parse(b, n, &s);
    if (!s) {
        fprintf(stderr, "json_scale: the shape does not parse\n");
        return 1;
    }
    measure_json(s, out, sizeof out);
    sdpx_session_free(s);
    free(b);
    return 0;
}
