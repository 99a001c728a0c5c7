/* Declarations shared by the files of sdpbench. */
#ifndef SDPX_SDPBENCH_H
#define SDPX_SDPBENCH_H

#include "bench.h"

#include <sdp.h>

/* Run sdpx_attr_validate on every a= line; returns how many failed. */
unsigned sdpbench_validate_all(const sdpx_session *s);

/* Print the linear-time tables (text, or a JSON member "scaling":[...]). */
int sdpbench_scaling(const bench_cfg *cfg, int json);

#endif
