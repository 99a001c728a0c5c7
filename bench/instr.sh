#!/bin/sh
# Instructions under callgrind, for machines without perf counters: one
# measured pass of each sdpbench operation (and of each peer's parse),
# warm-up off, divided by the bytes (and calls) of that operation.
# usage: bench/instr.sh BUILDDIR [FILE|DIR...]
set -eu
b=${1:-.}
[ $# -gt 0 ] && shift
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$b/bench/sdpbench" --iterations 1 --warmup 0 --json "$@" >"$out/json"
field() { grep -o "\"$1\":[0-9]*" "$out/json" | head -1 | cut -d: -f2; }
total=$(field bytes)
count() { # FUNCTION PROGRAM ARGS...
    f=$1; shift
    valgrind --tool=callgrind --callgrind-out-file="$out/cg" --collect-atstart=no \
        --toggle-collect="$f" "$@" >/dev/null 2>&1
    callgrind_annotate "$out/cg" 2>/dev/null |
        sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' | tr -d ,
}
ratio() { awk -v n="$1" -v d="$2" 'BEGIN { printf "%.2f", d ? n / d : 0 }'; }
echo "input: $total bytes in $(field files) files; offer: $(field offer_bytes) bytes"
printf '%-18s %14s %12s %14s\n' operation instructions "instr/byte" "instr/call"
# operation, bytes it reads (or writes), calls per pass
while read -r op bytes calls; do
    [ "${bytes:-0}" -gt 0 ] || continue
    n=$(count "$op" "$b/bench/sdpbench" --iterations 1 --warmup 0 "$@")
    [ -n "$n" ] || continue
    printf '%-18s %14s %12s %14s\n' "$op" "$n" "$(ratio "$n" "$bytes")" "$(ratio "$n" "$calls")"
    eval "n_$op=$n"
done <<ROWS
op_floor $total $(field files)
op_tokenize $total $(field files)
op_parse $total $(field files)
op_parse_scratch $total $(field files)
op_decode $total $(field files)
op_offer_parse $(field offer_bytes) 1
op_offer_decode $(field offer_bytes) 1
op_write $(field written_bytes) $(field accepted)
op_candidate $(field candidate_bytes) $(field candidates)
op_candidate_srflx $(($(field srflx_bytes) * $(field srflx_calls))) $(field srflx_calls)
op_edit $(($(field offer_bytes) * $(field edit_calls))) $(field edit_calls)
op_answer $(field offer_bytes) 1
op_json_write $(field offer_bytes) 1
op_json_read $(field json_bytes) 1
ROWS
# the ratios the goals are stated in
[ -n "${n_op_parse:-}" ] && [ -n "${n_op_decode:-}" ] &&
    echo "parse+decode / parse (corpus): $(ratio "$n_op_decode" "$n_op_parse")"
[ -n "${n_op_offer_parse:-}" ] && [ -n "${n_op_edit:-}" ] &&
    echo "edit / parse (offer): $(ratio "$(ratio "$n_op_edit" "$(field edit_calls)")" "$n_op_offer_parse")"
[ -n "${n_op_offer_parse:-}" ] && [ -n "${n_op_answer:-}" ] &&
    echo "answer / parse (offer): $(ratio "$n_op_answer" "$n_op_offer_parse")"
[ -n "${n_op_offer_parse:-}" ] && [ -n "${n_op_json_write:-}" ] &&
    echo "json write / parse (offer): $(ratio "$n_op_json_write" "$n_op_offer_parse")"
[ -n "${n_op_offer_parse:-}" ] && [ -n "${n_op_json_read:-}" ] &&
    echo "json read / parse (offer): $(ratio "$n_op_json_read" "$n_op_offer_parse")"
for p in gst sofia osip; do
    [ -x "$b/bench/peer_$p" ] || continue
    n=$(count bench_parse_pass "$b/bench/peer_$p" --iterations 1 --warmup 0 "$@")
    printf '%-18s %14s %12s\n' "peer_$p parse" "$n" "$(ratio "$n" "$total")"
done
