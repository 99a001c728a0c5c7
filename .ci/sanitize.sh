#!/bin/sh
# Sanitizer builds of the test suite, each in its own build directory.
#   .ci/sanitize.sh asan   ASan + UBSan build (arena debug mode), then the whole `make check`
#   .ci/sanitize.sh tsan   ThreadSanitizer build, then the thread test
#   .ci/sanitize.sh portable
#                          ASan + UBSan build without the SSE2 and word-at-a-time
#                          paths (-U__SSE2__ -DSDPXI_LE_WORDS=0): the byte loops
#                          every fast path falls back to, then the whole `make check`
#   .ci/sanitize.sh        all three
# Build directories: $SANITIZE_DIR/build-asan, build-tsan and build-portable (default:
# the current directory). Any sanitizer report fails the run.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
base=${SANITIZE_DIR:-$PWD}
cc=${SANITIZE_CC:-clang}
jobs=${JOBS:-2}
mkdir -p "$base"
base=$(cd "$base" && pwd)

# The shared corpus stays where the sources are, even when they are copied.
corpus=${SDPX_CORPUS_DIR:-$src/../shared/corpus}

# An out-of-tree build needs an unconfigured source tree. When the sources
# were configured in place (as .ci/run does), build from a copy of the
# checkout's files instead.
if [ -f "$src/config.status" ]; then
    copy="$base/sanitize-src"
    echo "== source tree is configured in place; copying it to $copy"
    rm -rf "$copy"
    mkdir -p "$copy"
    if git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
        (cd "$src" && git ls-files -co --exclude-standard -z | xargs -0 tar cf -) |
            (cd "$copy" && tar xf -)
    else
        # not a checkout (an exported tree): copy it all, then unconfigure it
        (cd "$src" && tar cf - --exclude=./_build-sanitize --exclude=./_build-fuzz .) |
            (cd "$copy" && tar xf -)
        (cd "$copy" && make distclean >/dev/null 2>&1) || true
    fi
    src=$copy
fi
[ -x "$src/configure" ] || (cd "$src" && autoreconf -fi >/dev/null 2>&1)

configure_in() {
    dir=$1
    flags=$2
    extra=${3:-}
    mkdir -p "$dir"
    cd "$dir"
    if [ ! -f Makefile ]; then
        # The flags go into CC so that every compile and link gets them, the
        # test scripts that call $CC included. No --enable-werror: these
        # builds look for run-time errors (the warning-free build is checked
        # with the default compiler). No python: an instrumented library
        # cannot be loaded into the interpreter.
        "$src/configure" --disable-shared --with-corpus="$corpus" CC="$cc $flags" CFLAGS="-g -O1" $extra \
            ac_cv_path_PYTHON3=no >configure.out 2>&1 || { tail -30 configure.out; exit 1; }
    fi
}

# ASan + UBSan in build directory $1 with extra compiler flags $2, then make check.
asan_check() {
    flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer $2"
    # --enable-arena-debug: red zones between arena objects, poisoned, so
    # an overflow from one object of a session into the next is reported
    configure_in "$1" "$flags" --enable-arena-debug
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
    export ASAN_OPTIONS UBSAN_OPTIONS
    echo "== ASan+UBSan${2:+ ($2)}: make check in $1"
    if ! make -j"$jobs" check >make-check.out 2>&1; then
        tail -40 make-check.out
        for f in $(find . -name '*.log' -newer configure.out); do
            grep -l -E 'FAIL|ERROR|runtime error|Sanitizer' "$f" >/dev/null 2>&1 && { echo "--- $f"; tail -40 "$f"; }
        done
        exit 1
    fi
    grep -E '^# (TOTAL|PASS|SKIP|FAIL|ERROR)' make-check.out
}

asan() { asan_check "$base/build-asan" ""; }

# The portable code: no SSE2 intrinsics, no little-endian word tricks.
portable() { asan_check "$base/build-portable" "-U__SSE2__ -DSDPXI_LE_WORDS=0"; }

tsan() {
    flags="-fsanitize=thread -fno-omit-frame-pointer"
    configure_in "$base/build-tsan" "$flags"
    TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}
    export TSAN_OPTIONS
    echo "== ThreadSanitizer: tests/test_threads in $base/build-tsan"
    # CK_FORK=no: the threads run in the test process TSan watches
    if ! CK_FORK=no make -j"$jobs" check TESTS=tests/test_threads >make-check.out 2>&1; then
        tail -40 make-check.out
        tail -60 tests/test_threads.log 2>/dev/null
        exit 1
    fi
    grep -h 'Checks:' tests/test_threads.log
}

case "${1:-all}" in
asan) asan ;;
tsan) tsan ;;
portable) portable ;;
all) (asan) && (tsan) && (portable) ;;
*) echo "usage: $0 [asan|tsan|portable|all]" >&2; exit 2 ;;
esac
