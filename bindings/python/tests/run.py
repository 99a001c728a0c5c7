"""Build sdpx._native into a build directory and run the unittest suite.

Used by ``make check`` (through python.test) and usable by hand::

    python3 bindings/python/tests/run.py --srcdir . --builddir BUILD --out BUILD/bindings/python/_build

Prints a final line "N passed, N failed" and exits non-zero on failure.
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import sys
import unittest


def build(srcdir: str, builddir: str, out: str) -> str:
    """Compile the extension against the tree's library; return the import dir."""
    pkgsrc = os.path.join(srcdir, "bindings", "python")
    sys.path.insert(0, pkgsrc)
    import sdpx_build  # noqa: E402  (from the source tree)
    sys.path.remove(pkgsrc)
    pkg = os.path.join(out, "sdpx")
    os.makedirs(pkg, exist_ok=True)
    for old in glob.glob(os.path.join(pkg, "*.py")) + glob.glob(os.path.join(pkg, "py.typed")):
        os.remove(old)
    for f in glob.glob(os.path.join(pkgsrc, "sdpx", "*.py")) + [os.path.join(pkgsrc, "sdpx", "py.typed")]:
        shutil.copyfile(f, os.path.join(pkg, os.path.basename(f)))
    ffi = sdpx_build.make_builder(includedir=os.path.join(srcdir, "include"),
                                  libdir=os.path.join(builddir, ".libs"))
    ffi.compile(tmpdir=out, verbose=False)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--srcdir", required=True)
    ap.add_argument("--builddir", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("pattern", nargs="?", default="test_*.py")
    args = ap.parse_args()
    srcdir = os.path.abspath(args.srcdir)
    sys.path.insert(0, build(srcdir, os.path.abspath(args.builddir), os.path.abspath(args.out)))
    testdir = os.path.join(srcdir, "bindings", "python", "tests")
    suite = unittest.defaultTestLoader.discover(testdir, pattern=args.pattern, top_level_dir=testdir)
    res = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    # a test with failing subtests counts once
    failed = len({getattr(t, "test_case", t).id() for t, _ in res.failures + res.errors}) + \
        len(res.unexpectedSuccesses)
    skipped = len(res.skipped)
    for test, reason in res.skipped:
        print("SKIPPED: %s: %s" % (test.id(), reason))
    passed = res.testsRun - failed - skipped
    if skipped:
        print("%d skipped" % skipped)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 and res.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
