#!/bin/sh
# Run each fuzz target for a bounded time; fail on any crash, leak, timeout
# or sanitizer report.
#   fuzz/run.sh [SECONDS] [TARGET...]
#   SECONDS   per target (default: $FUZZ_SECONDS, else 60)
#   FUZZ_OUT  where build.sh put the binaries (default: ./fuzz-out); seeds,
#             the growing corpus and crash artifacts are kept there too
#   SDPX_CORPUS_DIR  the shared SDP corpus used to seed (optional)
# Runs one target at a time. Prints the executions of each run and the total.
# A failing input is saved as $FUZZ_OUT/artifacts/TARGET-crash-*; replay it
# with `$FUZZ_OUT/TARGET FILE` (FUZZ_TRACE=1 makes fuzz_edit print each edit),
# fix the bug, and add the input to tests/test_regress.c.
set -u
here=$(cd "$(dirname "$0")" && pwd)
out=${FUZZ_OUT:-$PWD/fuzz-out}
secs=${1:-${FUZZ_SECONDS:-60}}
[ $# -gt 0 ] && shift
case "$secs" in '' | *[!0-9]*) echo "run.sh: SECONDS must be a number" >&2; exit 2 ;; esac

if [ $# -gt 0 ]; then
    targets=$*
else
    targets=$(cd "$out" 2>/dev/null && ls fuzz_* 2>/dev/null | grep -v '\.' || true)
fi
[ -n "$targets" ] || { echo "run.sh: no fuzz targets in $out (run fuzz/build.sh)" >&2; exit 2; }

# Sanitizer reports are fatal; leaks are checked at exit of every input.
ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:strict_string_checks=1:check_initialization_order=1}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS

status=0
total=0
for t in $targets; do
    bin="$out/$t"
    [ -x "$bin" ] || { echo "run.sh: $bin missing" >&2; status=1; continue; }
    seeds="$out/seeds/$t"
    work="$out/corpus/$t"
    rm -rf "$seeds"
    mkdir -p "$work" "$out/artifacts"
    sh "$here/seeds.sh" "$t" "$seeds"
    log="$out/$t.log"
    "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=1536 -max_len=32768 \
        -dict="$here/sdp.dict" -print_final_stats=1 \
        -artifact_prefix="$out/artifacts/$t-" "$work" "$seeds" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    execs=${execs:-0}
    total=$((total + execs))
    echo "$(date -u +%FT%TZ) $t ${secs}s $execs" >>"$out/executions.log"
    if [ "$rc" -ne 0 ]; then
        echo "FAIL: $t (exit $rc) after $execs executions; log: $log"
        grep -E 'ERROR|SUMMARY|runtime error|fuzz property|Test unit written' "$log" | head -20
        status=1
    else
        cov=$(grep -E '^#[0-9]+.*(DONE|INITED)' "$log" | tail -1 | sed 's/^#[0-9]* *//')
        echo "ok:   $t ${secs}s, $execs executions ($cov)"
    fi
done
echo "fuzz: $total executions in total"
exit "$status"
