"""cffi build script (API, out-of-line mode) for the ``sdpx._native`` module.

The cdef is derived from ``include/sdp.h`` itself: the header's ``#include``
lines are dropped (cffi knows ``size_t`` and the ``<stdint.h>`` types), the C
preprocessor runs over the rest with ``-P`` and the result is handed to cffi,
so every public function the header declares is bound without copying it by
hand. Integer macros (``SDPX_DEFAULT_MAX_INPUT`` ...) are added as
``#define NAME ...`` so the compiler fills in their values.

Where the library comes from, first match wins:

1. ``SDPX_LIBDIR`` (directory of ``libsdpx.so``) and ``SDPX_INCLUDEDIR``
   (directory of ``sdp.h``) from the environment;
2. ``SDPX_BUILDDIR``: an autotools build directory (its ``.libs``);
3. the source tree this file sits in, built in place (``../../.libs``);
4. an installed library found with ``pkg-config sdpx``;
5. failing all of these, the library's C sources are compiled into the
   extension itself (a self-contained wheel from a source checkout).

Used by setup.py (``cffi_modules``) and by the ``make check`` driver, which
calls :func:`make_builder` with explicit directories.
"""

from __future__ import annotations

import ctypes
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
from typing import Callable, Dict, List, Optional, Sequence

import cffi

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, "..", ".."))
MODULE = "sdpx._native"

# Declarations cffi must not see, by name (kept small; empty while the header
# holds nothing cffi cannot parse).
CDEF_EXCLUDE: Sequence[str] = ()

# The callbacks the Python layer gives to C (diagnostics of sdpx_parse and
# sdpx_check, changes of sdpx_session_diff, randomness for negotiation);
# `extern "Python"` makes each a static C function in API mode.
CDEF_EXTRA = """
extern "Python" void _sdpx_py_diag(void *ctx, sdpx_severity sev, const sdpx_error *e);
extern "Python" void _sdpx_py_change(void *ctx, const sdpx_change *c);
extern "Python" int _sdpx_py_random(void *ctx, void *buf, size_t len);
"""


def _cc() -> List[str]:
    return shlex.split(os.environ.get("CC") or "cc")


def _preprocess(text: str, extra: Sequence[str]) -> str:
    cmd = _cc() + ["-E", "-P", "-x", "c", "-std=c11",
                   "-D__attribute__(x)=", "-D__restrict=", "-D__extension__="]
    cmd += list(extra) + ["-"]
    res = subprocess.run(cmd, input=text, capture_output=True, text=True, check=False)
    if res.returncode != 0:
        raise RuntimeError("preprocessing sdp.h failed: " + res.stderr.strip())
    return res.stdout


def _declarations(cdef: str) -> List[str]:
    """Split preprocessed C into top-level declarations (each up to its ';')."""
    out, depth, start = [], 0, 0
    for i, c in enumerate(cdef):
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == ";" and depth == 0:
            out.append(cdef[start:i + 1])
            start = i + 1
    return out


def _function_name(decl: str) -> Optional[str]:
    """The name a function prototype declares, or None for anything else."""
    if re.match(r"\s*(typedef|enum|struct)\b", decl) and "{" in decl:
        return None
    if re.match(r"\s*typedef\b", decl):
        return None
    m = re.search(r"\b(sdpx_\w+)\s*\(", decl)
    return m.group(1) if m else None


def _filter(cdef: str, exclude: Sequence[str], exported: Optional[Callable[[str], bool]]) -> str:
    """Drop excluded declarations, and prototypes the library does not export
    (a header may run ahead of the library it is paired with)."""
    keep = []
    for d in _declarations(cdef):
        if any(re.search(r"\b%s\b" % re.escape(n), d) for n in exclude):
            continue
        name = _function_name(d)
        if name and exported is not None and not exported(name):
            continue
        keep.append(d)
    return "".join(keep)


def _exported_by(libdir: Optional[str]) -> Optional[Callable[[str], bool]]:
    """A predicate telling whether libsdpx in `libdir` exports a symbol."""
    if not libdir:
        return None
    cands = sorted(glob.glob(os.path.join(libdir, "libsdpx.so*")) +
                   glob.glob(os.path.join(libdir, "libsdpx.dylib")))
    if not cands:
        return None
    lib = ctypes.CDLL(cands[0])
    return lambda name: hasattr(lib, name)


def _integer_macros(text: str) -> List[str]:
    """`#define NAME ...` lines for the header's object-like integer macros."""
    out = []
    for line in _preprocess(text, ["-dM"]).splitlines():
        m = re.match(r"#define (SDPX_[A-Z0-9_]+) (.+)$", line)
        if not m or '"' in m.group(2) or m.group(1).endswith("_H"):
            continue
        out.append("#define %s ..." % m.group(1))
    return out


def header_cdef(header: str, libdir: Optional[str] = None) -> str:
    """The cdef for cffi, derived from the public header at `header`; when
    `libdir` holds libsdpx, functions it does not export are left out."""
    with open(header, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"^[ \t]*#[ \t]*include\b.*$", "", text, flags=re.M)
    body = _filter(_preprocess(text, []), CDEF_EXCLUDE, _exported_by(libdir))
    body = "\n".join(l for l in body.splitlines() if l.strip())
    return body + "\n" + "\n".join(sorted(_integer_macros(text))) + "\n" + CDEF_EXTRA


def _pkg_config(*args: str) -> Optional[str]:
    if not shutil.which("pkg-config"):
        return None
    res = subprocess.run(["pkg-config"] + list(args) + ["sdpx"],
                         capture_output=True, text=True, check=False)
    return res.stdout.strip() if res.returncode == 0 else None


def find_library() -> Dict[str, object]:
    """Where to find sdp.h and libsdpx (see the module docstring for the order)."""
    src_include = os.path.join(TOP, "include")
    env_lib, env_inc = os.environ.get("SDPX_LIBDIR"), os.environ.get("SDPX_INCLUDEDIR")
    if env_lib:
        return {"includedir": env_inc or src_include, "libdir": env_lib}
    builddir = os.environ.get("SDPX_BUILDDIR")
    if builddir:
        return {"includedir": env_inc or src_include,
                "libdir": os.path.join(os.path.abspath(builddir), ".libs")}
    intree = os.path.join(TOP, ".libs")
    if glob.glob(os.path.join(intree, "libsdpx.so*")) and os.path.isfile(
            os.path.join(src_include, "sdp.h")):
        return {"includedir": src_include, "libdir": intree}
    libdir = _pkg_config("--variable=libdir")
    incdir = _pkg_config("--variable=includedir")
    if libdir and incdir and os.path.isfile(os.path.join(incdir, "sdpx", "sdp.h")):
        return {"includedir": os.path.join(incdir, "sdpx"), "libdir": libdir}
    sources = sorted(glob.glob(os.path.join(TOP, "src", "*.c")) +
                     glob.glob(os.path.join(TOP, "src", "*", "*.c")))
    if sources and os.path.isfile(os.path.join(src_include, "sdp.h")):
        return {"includedir": src_include, "libdir": None, "sources": sources}
    raise RuntimeError("sdpx: cannot find the C library; build it, install it "
                       "(pkg-config sdpx), or set SDPX_LIBDIR and SDPX_INCLUDEDIR")


def make_builder(includedir: Optional[str] = None, libdir: Optional[str] = None,
                 rpath: bool = True) -> cffi.FFI:
    """A cffi FFI ready to compile `sdpx._native` against the given library."""
    if includedir is None:
        where = find_library()
        includedir, libdir = str(where["includedir"]), where["libdir"]  # type: ignore[assignment]
        sources = list(where.get("sources") or [])  # type: ignore[call-overload]
    else:
        sources = []
    ffi = cffi.FFI()
    ffi.cdef(header_cdef(os.path.join(includedir, "sdp.h"), None if sources else libdir))
    kwargs: Dict[str, object] = {"include_dirs": [includedir]}
    if sources:
        kwargs["sources"] = sources
        kwargs["include_dirs"] = [includedir] + sorted(glob.glob(os.path.join(TOP, "src", "*", "")))
        kwargs["extra_compile_args"] = ["-std=c11"]
    else:
        kwargs["libraries"] = ["sdpx"]
        if libdir:
            kwargs["library_dirs"] = [libdir]
            if rpath and sys.platform != "win32":
                kwargs["runtime_library_dirs"] = [libdir]
    ffi.set_source(MODULE, '#include "sdp.h"\n', **kwargs)  # type: ignore[arg-type]
    return ffi


ffibuilder = make_builder() if __name__ in ("__main__", "__cffi__") else None

if __name__ == "__main__":
    assert ffibuilder is not None
    ffibuilder.compile(tmpdir=sys.argv[1] if len(sys.argv) > 1 else ".", verbose=True)
