#!/bin/sh
# Install what building and testing sdpx needs on Debian/Ubuntu, skipping
# what is already there. Run as root (or with sudo available).
set -e
# sdp-transform, the oracle of tests/json_diff.test, into node_modules/ at the
# top of the source tree (git-ignored; the test never downloads). Pinned.
if command -v npm >/dev/null 2>&1; then
    top=$(cd "$(dirname "$0")/.." && pwd)
    [ -f "$top/node_modules/sdp-transform/package.json" ] ||
        npm install --no-save --no-package-lock --prefix "$top" sdp-transform@3.0.0 >/dev/null ||
        echo "install-deps: npm could not install sdp-transform; json_diff.test will SKIP"
fi
pkgs="gcc make autoconf automake libtool pkg-config check valgrind"
# clang with its sanitizer and libFuzzer runtimes: the sanitizer builds and fuzzing
pkgs="$pkgs clang libclang-rt-14-dev"
missing=""
for p in $pkgs; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
