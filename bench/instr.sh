#!/bin/sh
# Instructions per input byte under callgrind, for machines without perf
# counters: one measured pass of each sdpbench operation (and of each peer's
# parse), warm-up off. usage: bench/instr.sh BUILDDIR [FILE|DIR...]
set -eu
b=${1:-.}
[ $# -gt 0 ] && shift
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
total=$("$b/bench/sdpbench" --iterations 1 --warmup 0 --json "$@" |
        grep -o '"bytes":[0-9]*' | head -1 | cut -d: -f2)
count() { # FUNCTION PROGRAM ARGS...
    f=$1; shift
    valgrind --tool=callgrind --callgrind-out-file="$out/cg" --collect-atstart=no \
        --toggle-collect="$f" "$@" >/dev/null 2>&1
    callgrind_annotate "$out/cg" 2>/dev/null |
        sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' | tr -d ,
}
ratio() { awk -v n="$1" -v d="$2" 'BEGIN { printf "%.2f", n / d }'; }
echo "input: $total bytes"
for op in op_floor op_tokenize op_parse op_parse_scratch op_decode op_write; do
    n=$(count "$op" "$b/bench/sdpbench" --iterations 1 --warmup 0 "$@")
    printf '%-18s %8s instructions/byte\n' "$op" "$(ratio "$n" "$total")"
done
for p in gst sofia osip; do
    [ -x "$b/bench/peer_$p" ] || continue
    n=$(count bench_parse_pass "$b/bench/peer_$p" --iterations 1 --warmup 0 "$@")
    printf '%-18s %8s instructions/byte\n' "peer_$p parse" "$(ratio "$n" "$total")"
done
