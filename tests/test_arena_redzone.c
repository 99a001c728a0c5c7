/* The arena debug mode (--enable-arena-debug) under AddressSanitizer: a
 * write one byte past an arena object, into the gap before the next one,
 * is reported. A child process makes the write; the parent passes when
 * ASan stopped the child with its report. Other builds skip (exit 77). */
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
#if !defined(SDPXI_ARENA_DEBUG) || !defined(SDPXI_ASAN)
    puts("SKIP: needs an AddressSanitizer build with --enable-arena-debug");
    return 77;
#else
    int fd[2];
    if (pipe(fd))
        return 1;
    pid_t pid = fork();
    if (pid < 0)
        return 1;
    if (pid == 0) {
        dup2(fd[1], 2);
        close(fd[0]);
        sdpxi_arena a;
        sdpxi_arena_init(&a, NULL, 0, NULL, 0);
        char *first = sdpxi_arena_alloc(&a, 13);
        char *second = sdpxi_arena_alloc(&a, 13);
        if (!first || !second)
            _exit(3);
        memset(first, 'x', 13);  /* in bounds: fine */
        memset(second, 'y', 13);
        volatile char *past = first + 13;
        *past = 'z'; /* one past the first object: ASan must stop here */
        _exit(0);
    }
    close(fd[1]);
    char report[65536];
    size_t n = 0;
    ssize_t r;
    while (n < sizeof report - 1 && (r = read(fd[0], report + n, sizeof report - 1 - n)) > 0)
        n += (size_t)r;
    report[n] = '\0';
    int status;
    if (waitpid(pid, &status, 0) != pid)
        return 1;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        puts("FAIL: a write past an arena object went unnoticed");
        return 1;
    }
    if (!strstr(report, "AddressSanitizer: use-after-poison") || !strstr(report, "WRITE of size 1")) {
        printf("FAIL: the child stopped without the expected report:\n%s\n", report);
        return 1;
    }
    puts("ok: a write one byte past an arena object is reported");
    return 0;
#endif
}
