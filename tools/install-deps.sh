#!/bin/sh
# Install what building and testing sdpx needs on Debian/Ubuntu, skipping
# what is already there. Run as root (or with sudo available).
set -e
pkgs="gcc make autoconf automake libtool pkg-config check valgrind"
# clang with its sanitizer and libFuzzer runtimes: the sanitizer builds and fuzzing
pkgs="$pkgs clang libclang-rt-14-dev"
missing=""
for p in $pkgs; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "installing:$missing"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
# pyright, for the Python typing check of make check, into the project-local
# (git-ignored) .tools/ folder, when npm is there; make check never downloads.
top=$(cd "$(dirname "$0")/.." && pwd)
if command -v npm >/dev/null 2>&1 && [ ! -x "$top/.tools/node_modules/.bin/pyright" ]; then
    echo "installing: pyright (npm, into .tools/)"
    mkdir -p "$top/.tools"
    npm install --no-save --no-audit --no-fund --prefix "$top/.tools" pyright >/dev/null
fi
