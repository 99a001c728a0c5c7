"""sdpx.parse, sdpx.check, sdpx.tokenize and ParseError."""

from __future__ import annotations

import unittest

import sdpx
from helpers import BASIC, WEBRTC, sdp

HEAD = ("v=0", "o=- 1 1 IN IP4 192.0.2.1", "s=-", "t=0 0")

# (name, input, strict, code, line, column); line/column None: position not asserted.
BAD_INPUTS = [
    ("empty", "", False, sdpx.Code.EEMPTY, None, None),
    ("version 1", sdp("v=1", *HEAD[1:]), False, sdpx.Code.EVERSION, 1, None),
    ("port out of range", sdp(*HEAD, "m=audio 70000 RTP/AVP 0"), False, sdpx.Code.ERANGE, 5, 9),
    ("nul byte", "v=0\r\ns=a\0b\r\n", False, sdpx.Code.ENUL, 2, 4),
    ("stray cr", "v=0\r\ns=a\rb\r\n", False, sdpx.Code.ECR, 2, None),
    ("strict no equals", sdp(*HEAD, "junk"), True, sdpx.Code.ESYNTAX, 5, None),
    ("strict space before equals", sdp(*HEAD, "s =x"), True, sdpx.Code.ESYNTAX, 5, None),
    ("junk before v=", sdp("junk", *HEAD), False, sdpx.Code.ESYNTAX, 1, None),
    ("strict missing origin", sdp("v=0", "s=-", "t=0 0"), True, sdpx.Code.EMISSING, None, None),
    ("strict unknown type", sdp(*HEAD, "y=1"), True, sdpx.Code.EUNKNOWN, 5, None),
]


class TestParse(unittest.TestCase):
    def test_str_and_bytes_give_the_same_session(self) -> None:
        a = sdpx.parse(BASIC)
        b = sdpx.parse(BASIC.encode("ascii"))
        c = sdpx.parse(bytearray(BASIC.encode("ascii")))
        d = sdpx.parse(memoryview(BASIC.encode("ascii")))
        for s in (a, b, c, d):
            self.assertEqual(str(s), BASIC)
            self.assertEqual(s.name, "Talk")

    def test_writer_is_lossless(self) -> None:
        for text in (BASIC, WEBRTC):
            s = sdpx.parse(text)
            self.assertEqual(str(s), text)
            self.assertEqual(s.to_bytes(), text.encode("ascii"))
            self.assertEqual(bytes(s), text.encode("ascii"))

    def test_bare_lf_comes_back_as_crlf_unless_kept(self) -> None:
        text = "v=0\no=- 1 1 IN IP4 h\ns=-\nt=0 0\n"
        s = sdpx.parse(text)
        self.assertEqual(s.to_bytes(), text.replace("\n", "\r\n").encode())
        self.assertEqual(s.to_bytes(keep_lf=True), text.encode())

    def test_non_ascii_and_undecodable_bytes_survive(self) -> None:
        text = sdp("v=0", "o=- 1 1 IN IP4 h", "s=Caf\u00e9", "t=0 0")
        self.assertEqual(sdpx.parse(text).name, "Caf\u00e9")
        self.assertEqual(str(sdpx.parse(text)), text)
        raw = b"v=0\r\no=- 1 1 IN IP4 h\r\ns=\xff\xfe\r\nt=0 0\r\n"
        self.assertEqual(sdpx.parse(raw).to_bytes(), raw)

    def test_strict_accepts_a_correct_description(self) -> None:
        s = sdpx.parse(BASIC, strict=True, warnings=True)
        self.assertEqual(len(s.media), 2)
        self.assertEqual(s.warnings, [])

    def test_lenient_reports_tolerated_quirks_as_warnings(self) -> None:
        text = "v=0\no=- 1 1 IN IP4 h\ns=-\nt=0 0\n"
        self.assertEqual(sdpx.parse(text).warnings, [])  # not collected unless asked
        s = sdpx.parse(text, warnings=True)
        self.assertTrue(s.warnings)
        w = s.warnings[0]
        self.assertEqual(w.severity, "warning")
        self.assertEqual(w.code, sdpx.Code.W_LF)
        self.assertEqual(w.code_name, "SDPX_W_LF")
        self.assertEqual(w.line, 1)

    def test_bad_inputs_raise_parse_error(self) -> None:
        for name, text, strict, code, line, col in BAD_INPUTS:
            with self.subTest(name):
                with self.assertRaises(sdpx.ParseError) as cm:
                    sdpx.parse(text, strict=strict)
                e = cm.exception
                self.assertEqual(e.code, code)
                self.assertEqual(e.code_name, "SDPX_" + code.name)
                self.assertIsInstance(e.message, str)
                self.assertTrue(e.message)
                if line is not None:
                    self.assertEqual(e.line, line)
                    self.assertIn("line %d" % line, str(e))
                if col is not None:
                    self.assertEqual(e.column, col)

    def test_parse_error_is_a_value_error_and_names_the_token(self) -> None:
        with self.assertRaises(ValueError) as cm:
            sdpx.parse(sdp(*HEAD, "m=audio 70000 RTP/AVP 0"))
        self.assertIn("70000", cm.exception.message)  # type: ignore[attr-defined]
        self.assertIn("SDPX_ERANGE", repr(cm.exception))

    def test_the_lenient_parser_rejects_what_strict_rejects_only_in_strict(self) -> None:
        text = sdp("v=0", "s=-", "t=0 0")
        self.assertIsNone(sdpx.parse(text).origin)
        with self.assertRaises(sdpx.ParseError):
            sdpx.parse(text, strict=True)

    def test_wrong_types_raise_type_error(self) -> None:
        for bad in (None, 12, ["v=0"]):
            with self.subTest(bad=bad), self.assertRaises(TypeError):
                sdpx.parse(bad)  # type: ignore[arg-type]

    def test_limits(self) -> None:
        text = BASIC
        self.assertEqual(len(sdpx.parse(text, limits=sdpx.Limits(max_media=2)).media), 2)
        cases = [sdpx.Limits(max_media=1), sdpx.Limits(max_input=20), sdpx.Limits(max_lines=5),
                 sdpx.Limits(max_line_len=10), sdpx.Limits(max_attributes=2)]
        for lim in cases:
            with self.subTest(lim), self.assertRaises(sdpx.ParseError) as cm:
                sdpx.parse(text, limits=lim)
            self.assertEqual(cm.exception.code, sdpx.Code.ELIMIT)
        with self.assertRaises(ValueError):
            sdpx.parse(text, limits=sdpx.Limits(max_media=-1))

    def test_session_cannot_be_built_directly(self) -> None:
        with self.assertRaises(TypeError):
            sdpx.Session()


class TestCheck(unittest.TestCase):
    def test_clean_description_has_no_diagnostics(self) -> None:
        self.assertEqual(sdpx.check(BASIC), [])
        self.assertEqual(sdpx.check(BASIC, strict=True), [])

    def test_every_problem_is_reported(self) -> None:
        text = sdp(*HEAD, "m=audio 70000 RTP/AVP 0", "m=video 99999 RTP/AVP 31")
        diags = sdpx.check(text)
        errors = [d for d in diags if d.severity == "error"]
        self.assertEqual([d.line for d in errors], [5, 6])
        self.assertTrue(all(d.code == sdpx.Code.ERANGE for d in errors))
        self.assertIn("99999", errors[1].message)
        self.assertIn("5:9: error:", str(errors[0]))

    def test_warnings_in_lenient_mode(self) -> None:
        diags = sdpx.check("v=0\no=- 1 1 IN IP4 h\ns=-\nt=0 0 \n")
        codes = {d.code for d in diags}
        self.assertIn(sdpx.Code.W_LF, codes)
        self.assertIn(sdpx.Code.W_TRAILING_SPACE, codes)
        self.assertTrue(all(d.severity == "warning" for d in diags))

    def test_strict_reports_errors(self) -> None:
        diags = sdpx.check(sdp("v=0", "s=-", "t=0 0"), strict=True)
        self.assertTrue(any(d.code == sdpx.Code.EMISSING for d in diags))

    def test_empty_input_is_one_error(self) -> None:
        diags = sdpx.check(b"")
        self.assertEqual(len(diags), 1)
        self.assertEqual(diags[0].code, sdpx.Code.EEMPTY)


class TestTokenize(unittest.TestCase):
    def test_lines_and_endings(self) -> None:
        toks = list(sdpx.tokenize("v=0\r\ns=x y\n\r\nt=0 0"))
        self.assertEqual([t.type for t in toks], ["v", "s", "", "t"])
        self.assertEqual(toks[1].value, "x y")
        self.assertEqual(toks[1].text, "s=x y")
        self.assertEqual([t.eol for t in toks], ["\r\n", "\n", "\r\n", ""])
        self.assertEqual([t.line for t in toks], [1, 2, 3, 4])

    def test_bad_line_raises_with_position(self) -> None:
        it = sdpx.tokenize(b"v=0\r\nbad\r\n")
        self.assertEqual(next(it).type, "v")
        with self.assertRaises(sdpx.ParseError) as cm:
            next(it)
        self.assertEqual(cm.exception.line, 2)
        self.assertEqual(cm.exception.code, sdpx.Code.ESYNTAX)


class TestCodes(unittest.TestCase):
    def test_code_names_and_text(self) -> None:
        self.assertEqual(sdpx.code_name(-15), "SDPX_ERANGE")
        self.assertEqual(sdpx.Code.ERANGE, -15)
        self.assertEqual(sdpx.Code.W_LF, 1)
        self.assertTrue(sdpx.strerror(-15))
        self.assertEqual(sdpx.code_name(-9999), "SDPX_UNKNOWN_CODE")

    def test_version(self) -> None:
        self.assertRegex(sdpx.version(), r"^\d+\.\d+\.\d+$")
        self.assertEqual(sdpx.__version__.split(".")[0], sdpx.version().split(".")[0])


class TestProfiles(unittest.TestCase):
    CAMERA = sdp("v=0", "o=- 1001 1 IN", "s=-", "  c=IN IP4", "t=0 0")

    def test_lenient_takes_camera_quirks_and_names_them(self) -> None:
        s = sdpx.parse(self.CAMERA, warnings=True)
        codes = [w.code for w in s.warnings]
        self.assertIn(sdpx.Code.W_ORIGIN_FIELDS, codes)
        self.assertIn(sdpx.Code.W_INDENT, codes)
        self.assertIn(sdpx.Code.W_CONNECTION_FIELDS, codes)
        self.assertEqual(s.to_bytes(), self.CAMERA.encode())

    def test_profiles_refuse_what_they_do_not_tolerate(self) -> None:
        sdpx.parse(self.CAMERA, profile="camera")
        for name in ("sip", "browser", "strict"):
            with self.assertRaises(sdpx.ParseError, msg=name) as cm:
                sdpx.parse(self.CAMERA, profile=name)
            self.assertEqual(cm.exception.line, 2)
        with self.assertRaises(ValueError):
            sdpx.parse(self.CAMERA, profile="phone")
        self.assertEqual(sdpx.PROFILES, ("lenient", "strict", "browser", "sip", "camera"))

    def test_tidy_writes_what_strict_takes(self) -> None:
        text = "v=0\r\n\r\n  o=- 1 1 IN IP4 192.0.2.1\r\ns=- \r\nt=0 0\r\n"
        s = sdpx.parse(text)
        self.assertEqual(s.to_bytes(), text.encode())
        tidy = s.to_bytes(tidy=True)
        self.assertEqual(tidy, b"v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n")
        sdpx.parse(tidy, strict=True)


if __name__ == "__main__":
    unittest.main()
