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
# real browsers for tests/browser.test (driven by puppeteer-core, below)
pkgs="$pkgs chromium firefox-esr"
missing=""
for p in $pkgs; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if [ -n "$missing" ]; then
    echo "installing:$missing"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
# puppeteer-core for the browser test, into tests/browser/node_modules (git-ignored),
# at the version package-lock.json pins; it uses the browsers above, never downloads one
top=$(cd "$(dirname "$0")/.." && pwd)
if command -v npm >/dev/null 2>&1 && [ ! -d "$top/tests/browser/node_modules/puppeteer-core" ]; then
    echo "installing: puppeteer-core (npm, tests/browser)"
    (cd "$top/tests/browser" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
# pyright, for the Python typing check of make check, into the project-local
# (git-ignored) .tools/ folder, when npm is there; make check never downloads.
if command -v npm >/dev/null 2>&1 && [ ! -x "$top/.tools/node_modules/.bin/pyright" ]; then
    echo "installing: pyright (npm, into .tools/)"
    mkdir -p "$top/.tools"
    npm install --no-save --no-audit --no-fund --prefix "$top/.tools" pyright@1.1.414 >/dev/null
fi
