"""The build script: the cdef comes from the header, filtered by what the
library exports."""

from __future__ import annotations

import os
import sys
import tempfile
import unittest

import cffi

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import sdpx_build  # noqa: E402
sys.path.pop(0)

HEADER = os.path.join(HERE, "..", "..", "..", "include", "sdp.h")

FAKE = """
#ifndef FAKE_H
#define FAKE_H
#include <stdint.h>
#include <stddef.h>
#define SDPX_FAKE_LIMIT ((size_t)4 << 10)
#define SDPX_FAKE_NAME "fake"
/** A view. */
typedef struct sdpx_str { const char *ptr; size_t len; } sdpx_str;
enum { SDPX_FAKE_FLAG = 1u << 3 };
/* the types of the callbacks (diagnostics, changes) the cdef always declares */
typedef enum sdpx_severity { SDPX_SEV_WARNING = 1 } sdpx_severity;
typedef struct sdpx_error { int code; char msg[16]; } sdpx_error;
typedef struct sdpx_change { int kind; } sdpx_change;
int sdpx_fake_present(sdpx_str s, uint64_t *out);
const char *sdpx_fake_missing(int code);
#endif
"""


class TestCdef(unittest.TestCase):
    def write(self, text: str) -> str:
        fd, path = tempfile.mkstemp(suffix=".h")
        with os.fdopen(fd, "w") as f:
            f.write(text)
        self.addCleanup(os.remove, path)
        return path

    def test_declarations_and_integer_macros(self) -> None:
        cdef = sdpx_build.header_cdef(self.write(FAKE))
        self.assertIn("int sdpx_fake_present(sdpx_str s, uint64_t *out);", cdef)
        self.assertIn("sdpx_fake_missing", cdef)
        self.assertIn("#define SDPX_FAKE_LIMIT ...", cdef)
        self.assertNotIn("SDPX_FAKE_NAME", cdef)  # string macros are not integers
        self.assertNotIn("#include", cdef)
        self.assertNotIn("/**", cdef)
        ffi = cffi.FFI()
        ffi.cdef(cdef)  # cffi accepts it

    def test_functions_the_library_lacks_are_left_out(self) -> None:
        body = sdpx_build._preprocess(open(self.write(FAKE)).read().replace("#include", "//"), [])
        kept = sdpx_build._filter(body, (), lambda name: name == "sdpx_fake_present")
        self.assertIn("sdpx_fake_present", kept)
        self.assertNotIn("sdpx_fake_missing", kept)
        self.assertIn("typedef struct sdpx_str", kept)  # types always stay
        dropped = sdpx_build._filter(body, ("sdpx_fake_present",), None)
        self.assertNotIn("sdpx_fake_present", dropped)

    def test_real_header(self) -> None:
        cdef = sdpx_build.header_cdef(HEADER)
        for name in ("sdpx_parse", "sdpx_write_alloc", "sdpx_session_free", "_sdpx_py_diag",
                     "_sdpx_py_change", "sdpx_session_diff"):
            self.assertIn(name, cdef)
        cffi.FFI().cdef(cdef)


if __name__ == "__main__":
    unittest.main()
