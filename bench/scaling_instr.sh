#!/bin/sh
# Linear time, counted rather than timed: instructions per input byte of each
# adversarial shape at 1x, 8x and 64x its base size, under callgrind (exact
# and repeatable on a busy machine). usage: bench/scaling_instr.sh [BUILDDIR]
set -eu
b=${1:-.}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%-16s %-7s %12s %12s %12s\n' shape mode 1x 8x 64x
for shape in one-long-line tiny-lines attributes media-sections repeated-r= long-numbers \
    fmtp-parameters imageattr-quirks; do
    for mode in parse decode; do
        printf '%-16s %-7s' "$shape" "$mode"
        for k in 1 8 64; do
            bytes=$("$b/bench/sdpbench" --scaling-one "$shape" "$k" "$mode" |
                    sed -n 's/.*: \([0-9]*\) bytes.*/\1/p')
            valgrind --tool=callgrind --callgrind-out-file="$out/cg" --collect-atstart=no \
                --toggle-collect=scale_pass "$b/bench/sdpbench" --scaling-one "$shape" "$k" \
                "$mode" >/dev/null 2>&1
            n=$(callgrind_annotate "$out/cg" 2>/dev/null |
                sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' | tr -d ,)
            printf ' %12s' "$(awk -v n="$n" -v d="$bytes" 'BEGIN { printf "%.2f", n / d }')"
        done
        printf '\n'
    done
done
echo "instructions per input byte of one sdpx_parse (+ sdpx_attr_validate of every a= line)"
