/* scaling_edit <case> <n>: build one input of the scaling suite's shapes
 * (tests/scaling_shapes.h) at size n and run its operation once inside
 * measured_op(), the function bench/scaling_edit.sh counts with callgrind.
 * `scaling_edit list` names the cases. */
#include "../tests/scaling_shapes.h"

int measured_op(const scale_case *c, sdpx_session *s);

int measured_op(const scale_case *c, sdpx_session *s)
{
    return c->op(s);
}

int main(int argc, char **argv)
{
    size_t ncases = sizeof cases / sizeof cases[0];
    if (argc == 2 && strcmp(argv[1], "list") == 0) {
        for (size_t i = 0; i < ncases; i++)
            printf("%s\n", cases[i].name);
        return 0;
    }
    if (argc != 3) {
        fprintf(stderr, "usage: scaling_edit list | <case> <n>\n");
        return 2;
    }
    for (size_t i = 0; i < ncases; i++) {
        if (strcmp(cases[i].name, argv[1]) != 0)
            continue;
        sdpx_session *s = build(cases[i].shape, (size_t)strtoul(argv[2], NULL, 10));
        /* called through a volatile pointer, so it is never inlined away */
        int (*volatile run)(const scale_case *, sdpx_session *) = measured_op;
        int rc = run(&cases[i], s);
        sdpx_session_free(s);
        return rc < 0;
    }
    fprintf(stderr, "scaling_edit: unknown case %s\n", argv[1]);
    return 2;
}
