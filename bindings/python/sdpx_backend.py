"""PEP 517 build backend: setuptools, with a fallback for machines without
the ``wheel`` package.

setuptools before 70.1 needs ``wheel`` for ``bdist_wheel``, so ``pip install
--no-build-isolation`` on an interpreter that has cffi and setuptools but no
wheel (and no registry to fetch it) would fail. When ``bdist_wheel`` is
available every hook is setuptools' own (``cffi_modules`` in setup.py builds
the extension). Otherwise build_wheel compiles ``sdpx._native`` with
sdpx_build.py (the same cffi builder) and packs the wheel itself.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import sys
import sysconfig
import tempfile
import zipfile
from typing import Any, Dict, List, Optional

from setuptools import build_meta as _st

HERE = os.path.dirname(os.path.abspath(__file__))


def _have_bdist_wheel() -> bool:
    try:
        import setuptools.command.bdist_wheel  # noqa: F401  (setuptools >= 70.1)
        return True
    except ImportError:
        pass
    try:
        import wheel.bdist_wheel  # noqa: F401
        return True
    except ImportError:
        return False


def get_requires_for_build_wheel(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return _st.get_requires_for_build_wheel(config_settings) if _have_bdist_wheel() else []


def get_requires_for_build_sdist(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return _st.get_requires_for_build_sdist(config_settings)


def build_sdist(sdist_directory: str, config_settings: Optional[Dict[str, Any]] = None) -> str:
    return _st.build_sdist(sdist_directory, config_settings)


def build_wheel(wheel_directory: str, config_settings: Optional[Dict[str, Any]] = None,
                metadata_directory: Optional[str] = None) -> str:
    if _have_bdist_wheel():
        return _st.build_wheel(wheel_directory, config_settings, metadata_directory)
    return _build_wheel_with_cffi(wheel_directory)


def _project() -> Dict[str, Any]:
    from setuptools.config.pyprojecttoml import read_configuration
    return read_configuration(os.path.join(HERE, "pyproject.toml"))["project"]


def _metadata(p: Dict[str, Any]) -> str:
    lines = ["Metadata-Version: 2.1", "Name: %s" % p["name"], "Version: %s" % p["version"],
             "Summary: %s" % p.get("description", "")]
    if p.get("requires-python"):
        lines.append("Requires-Python: %s" % p["requires-python"])
    lines += ["Classifier: %s" % c for c in p.get("classifiers", [])]
    lines += ["Requires-Dist: %s" % d for d in p.get("dependencies", [])]
    return "\n".join(lines) + "\n"


def _tag() -> str:
    impl = "cp" if sys.implementation.name == "cpython" else sys.implementation.name[:2]
    py = "%s%d%d" % (impl, sys.version_info[0], sys.version_info[1])
    plat = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return "%s-%s-%s" % (py, py, plat)


def _record_line(arcname: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (arcname, digest, len(data))


def _build_wheel_with_cffi(wheel_directory: str) -> str:
    sys.path.insert(0, HERE)
    try:
        import sdpx_build
    finally:
        sys.path.remove(HERE)
    p = _project()
    name, version, tag = p["name"], p["version"], _tag()
    tmp = tempfile.mkdtemp(prefix="sdpx-wheel-")
    try:
        sdpx_build.make_builder().compile(tmpdir=tmp, verbose=False)
        files: Dict[str, bytes] = {}
        pkg = os.path.join(HERE, "sdpx")
        for f in sorted(os.listdir(pkg)):
            if f.endswith(".py") or f == "py.typed":
                with open(os.path.join(pkg, f), "rb") as fh:
                    files["sdpx/" + f] = fh.read()
        built = os.path.join(tmp, "sdpx")
        for f in sorted(os.listdir(built)):
            if f.startswith("_native.") and f.endswith((".so", ".pyd", ".dylib")):
                with open(os.path.join(built, f), "rb") as fh:
                    files["sdpx/" + f] = fh.read()
        dist_info = "%s-%s.dist-info" % (name, version)
        files[dist_info + "/METADATA"] = _metadata(p).encode()
        files[dist_info + "/WHEEL"] = ("Wheel-Version: 1.0\nGenerator: sdpx_backend\n"
                                       "Root-Is-Purelib: false\nTag: %s\n" % tag).encode()
        files[dist_info + "/top_level.txt"] = b"sdpx\n"
        record = [_record_line(a, d) for a, d in files.items()] + [dist_info + "/RECORD,,"]
        files[dist_info + "/RECORD"] = ("\n".join(record) + "\n").encode()
        wheel_name = "%s-%s-%s.whl" % (name, version, tag)
        os.makedirs(wheel_directory, exist_ok=True)
        with zipfile.ZipFile(os.path.join(wheel_directory, wheel_name), "w",
                             zipfile.ZIP_DEFLATED) as z:
            for arcname, data in files.items():
                z.writestr(arcname, data)
        return wheel_name
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
