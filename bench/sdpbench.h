/* Declarations shared by the files of sdpbench. */
#ifndef SDPX_SDPBENCH_H
#define SDPX_SDPBENCH_H

#include "bench.h"

#include <sdp.h>

/* Run sdpx_attr_validate on every a= line; returns how many failed
 * (decode_all.c; sdpbench.c calls scaling.c, scaling.c calls only this). */
unsigned sdpbench_validate_all(const sdpx_session *s);

/* Print the linear-time tables (text, or a JSON member "scaling":[...]). */
int sdpbench_scaling(const bench_cfg *cfg, int json);

/* Parse (and with `decode`, validate) one adversarial shape at k times its
 * base size, once: for counting instructions under callgrind. Returns 0, 1
 * when the input was rejected, 2 for an unknown shape. */
int sdpbench_scaling_one(const char *shape, unsigned k, int decode);

#endif
