#!/bin/sh
# Linear edits, counted rather than timed: instructions of one call of each
# edit helper (and of the codec walk `sdpx show` and Python Media.codecs
# make) on the scaling suite's shapes at 1x, 4x and 16x, under callgrind.
# usage: bench/scaling_edit.sh [BUILDDIR [PROGRAM]]; SIZES="200 800 3200" by default
set -eu
b=${1:-.}
prog=${2:-$b/bench/scaling_edit}
sizes=${SIZES:-200 800 3200}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%-34s %12s %12s %12s %7s\n' operation 1x 4x 16x 16x/1x
"$prog" list | while IFS= read -r name; do
    printf '%-34s' "$name"
    first=
    for k in $sizes; do
        valgrind --tool=callgrind --callgrind-out-file="$out/cg" --collect-atstart=no \
            --toggle-collect=measured_op "$prog" "$name" "$k" >/dev/null 2>&1
        n=$(callgrind_annotate "$out/cg" 2>/dev/null |
            sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' | tr -d ,)
        printf ' %12s' "$n"
        [ -n "$first" ] || first=$n
        last=$n
    done
    printf ' %7s\n' "$(awk -v a="$last" -v b="$first" 'BEGIN { printf "%.1f", a / b }')"
done
echo "instructions of the one call; linear is 16x at 16x, quadratic 256x"
