"""setuptools entry point: the cffi extension sdpx._native is built by
sdpx_build.py (see its docstring for where the C library is taken from)."""

from setuptools import setup

setup(cffi_modules=["sdpx_build.py:ffibuilder"])
