#!/bin/sh
# Build every libFuzzer target (fuzz/fuzz_*.c) with ASan, UBSan and the
# arena debug mode, straight from the library sources (no configure needed).
#   FUZZ_OUT  where the binaries go (default: ./fuzz-out)
#   CC        a clang with libFuzzer (default: clang)
#   FUZZ_CFLAGS  extra compiler flags
# Usage: fuzz/build.sh [TARGET...]   (default: every target)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
out=${FUZZ_OUT:-$PWD/fuzz-out}
cc=${CC:-clang}
san="-fsanitize=address,undefined -fno-sanitize-recover=all"
# SDPXI_ARENA_DEBUG: poisoned red zones between arena objects (src/base/arena.c),
# so an overflow from one object of a session into the next is reported.
cflags="-std=c11 -g -O1 -fno-omit-frame-pointer -DSDPXI_ARENA_DEBUG -I$top/include -I$top/src/base -I$top/src/attr -I$top/src/core -I$top/src/view -I$top/src/edit ${FUZZ_CFLAGS:-}"

mkdir -p "$out/obj"
objs=""
# The library, instrumented for coverage but without libFuzzer's main.
for src in "$top"/src/*/*.c; do
    [ -f "$src" ] || continue
    rel=${src#"$top"/src/}
    obj="$out/obj/$(echo "$rel" | tr / _ | sed 's/\.c$/.o/')"
    # shellcheck disable=SC2086
    $cc $cflags $san -fsanitize=fuzzer-no-link -c "$src" -o "$obj"
    objs="$objs $obj"
done

if [ $# -gt 0 ]; then
    targets=$*
else
    targets=$(cd "$here" && ls fuzz_*.c | sed 's/\.c$//')
fi
for t in $targets; do
    echo "fuzz: building $t"
    # shellcheck disable=SC2086
    $cc $cflags $san -fsanitize=fuzzer "$here/$t.c" $objs -o "$out/$t"
done
