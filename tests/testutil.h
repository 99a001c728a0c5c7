/* Helpers shared by the Check suites. */
#ifndef SDPX_TESTUTIL_H
#define SDPX_TESTUTIL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sdp.h"

/* Compare a view with a C string, with a readable failure message. */
/* A view of a string literal (its length without the NUL). */
#define STR_VIEW(lit) ((sdpx_str){(lit), sizeof(lit) - 1})

#define ck_assert_str_view(view, cstr)                                                     \
    do {                                                                                   \
        sdpx_str v_ = (view);                                                              \
        const char *c_ = (cstr);                                                           \
        ck_assert_msg(sdpx_str_eq(v_, c_), "expected \"%s\", got \"%.*s\"", c_, (int)v_.len, \
                      v_.ptr ? v_.ptr : "");                                               \
    } while (0)

/* Parse a NUL-terminated description; fail the test with the error if it does not parse. */
static inline sdpx_session *parse_ok(const char *text, unsigned flags)
{
    sdpx_parse_options opt;
    memset(&opt, 0, sizeof opt);
    opt.flags = flags;
    sdpx_session *s = NULL;
    sdpx_error e;
    int rc = sdpx_parse(text, strlen(text), &opt, &s, &e);
    ck_assert_msg(rc == 0, "parse failed: %s (%d) at %u:%u: %s", sdpx_code_name(rc), rc, e.line,
                  e.col, e.msg);
    return s;
}

/* A view of a NUL-terminated string. */
static inline sdpx_str view_of(const char *c)
{
    sdpx_str s = {c, strlen(c)};
    return s;
}

/* sdpx_attr_validate on "a=<name>:<value>" in a media section "m=<mline>"
 * of a lenient parse: returns the code and sets *col to the error's column. */
static inline int attr_check_in(const char *mline, const char *name, const char *value,
                                unsigned *col)
{
    char text[1024];
    snprintf(text, sizeof text, "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                                "m=%s\r\na=%s:%s\r\n", mline, name, value);
    sdpx_session *s = parse_ok(text, 0);
    const sdpx_line *l = sdpx_media_line(sdpx_session_media(s, 0), 1);
    sdpx_error e;
    memset(&e, 0, sizeof e);
    int rc = sdpx_attr_validate(l, &e);
    *col = e.col;
    sdpx_session_free(s);
    return rc;
}

/* Read a whole file; returns NULL when it cannot be read. */
/* The whole file in a malloc block, NUL-terminated (*len without the NUL), or NULL. */
static inline char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *nb = realloc(buf, cap * 2);
        if (!nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    fclose(f);
    if (buf) { /* n < cap here: room for a NUL, so text readers may use it as a string */
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

#ifdef SDPX_CORPUS_DIR
#include <sys/stat.h>
/* 1 when the shared corpus is there; otherwise says so (the suite then skips). */
static inline int corpus_present(void)
{
    struct stat st;
    if (stat(SDPX_CORPUS_DIR "/valid", &st) == 0 && S_ISDIR(st.st_mode))
        return 1;
    printf("corpus: %s/valid not found, corpus suite SKIPPED\n", SDPX_CORPUS_DIR);
    return 0;
}
#endif

/* 0 under valgrind (where the largest inputs take minutes), else 1;
 * SDPX_SLOW_TESTS=1 forces them, SDPX_SLOW_TESTS=0 skips them anywhere. */
static inline int slow_tests(void)
{
    const char *force = getenv("SDPX_SLOW_TESTS");
    if (force && *force)
        return strcmp(force, "0") != 0;
    const char *pre = getenv("LD_PRELOAD");
    if (pre && strstr(pre, "vgpreload")) /* running under valgrind */
        return 0;
    return 1;
}

/* Run one suite and return the process exit status. */
static inline int run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
