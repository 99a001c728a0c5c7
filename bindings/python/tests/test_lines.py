"""Module-level decoders of RFC 8866 core lines and their dataclasses."""

from __future__ import annotations

import dataclasses
import unittest

import sdpx


class TestDecoders(unittest.TestCase):
    def test_origin(self) -> None:
        o = sdpx.parse_origin("jdoe 2890844526 2890842807 IN IP4 10.47.16.5")
        self.assertEqual(o, sdpx.Origin("jdoe", "2890844526", "2890842807", "IN", "IP4",
                                        "10.47.16.5"))
        self.assertEqual(int(o.sess_id), 2890844526)
        self.assertEqual(int(o.sess_version), 2890842807)

    def test_origin_keeps_numbers_beyond_64_bits(self) -> None:
        o = sdpx.parse_origin("- 1234567890123456789012345 18446744073709551616 IN IP6 ::1")
        self.assertEqual(o.sess_id, "1234567890123456789012345")
        self.assertEqual(int(o.sess_id), 1234567890123456789012345)
        self.assertEqual(int(o.sess_version), 2 ** 64)

    def test_no_view_dies_before_its_call(self) -> None:
        # The class of that bug: a View (or cffi buffer) made inline and
        # passed on through .sv/.ptr/.buf dies at once. No source has it.
        import os
        import re
        pkg = os.path.dirname(sdpx.__file__)
        inline = re.compile(r"\bView\([^()]*(\([^()]*\)[^()]*)*\)\.(sv|ptr|buf)\b")
        for name in sorted(os.listdir(pkg)):
            if name.endswith(".py"):
                with open(os.path.join(pkg, name), encoding="utf-8") as f:
                    for no, line in enumerate(f, 1):
                        self.assertIsNone(inline.search(line), "%s:%d: %s" % (name, no, line.strip()))

    def test_connection(self) -> None:
        cases = [
            ("IN IP4 192.0.2.1", sdpx.Connection("IN", "IP4", "192.0.2.1", None, None)),
            ("IN IP4 224.2.1.1/127", sdpx.Connection("IN", "IP4", "224.2.1.1", 127, None)),
            ("IN IP4 224.2.1.1/127/3", sdpx.Connection("IN", "IP4", "224.2.1.1", 127, 3)),
            ("IN IP6 ff15::101/3", sdpx.Connection("IN", "IP6", "ff15::101", None, 3)),
        ]
        for text, want in cases:
            with self.subTest(text):
                self.assertEqual(sdpx.parse_connection(text), want)

    def test_bandwidth(self) -> None:
        self.assertEqual(sdpx.parse_bandwidth("AS:256"), sdpx.Bandwidth("AS", 256))
        self.assertEqual(sdpx.parse_bandwidth("TIAS:64000"), sdpx.Bandwidth("TIAS", 64000))

    def test_timing(self) -> None:
        self.assertEqual(sdpx.parse_timing("2873397496 2873404696"),
                         sdpx.Timing(2873397496, 2873404696))
        self.assertEqual(sdpx.parse_timing("0 0"), sdpx.Timing(0, 0))

    def test_typed_time(self) -> None:
        for text, secs in [("7d", 604800), ("25h", 90000), ("1m", 60), ("30s", 30),
                           ("3600", 3600), ("-1h", -3600)]:
            with self.subTest(text):
                self.assertEqual(sdpx.parse_typed_time(text), secs)

    def test_repeat(self) -> None:
        # RFC 8866 5.10: "r=604800 3600 0 90000" is "r=7d 1h 0 25h"
        want = sdpx.Repeat(604800, 3600, (0, 90000))
        self.assertEqual(sdpx.parse_repeat("604800 3600 0 90000"), want)
        self.assertEqual(sdpx.parse_repeat("7d 1h 0 25h"), want)

    def test_zones(self) -> None:
        # RFC 8866 5.11 example
        self.assertEqual(sdpx.parse_zones("2882844526 -1h 2898848070 0"),
                         [sdpx.ZoneAdjustment(2882844526, -3600),
                          sdpx.ZoneAdjustment(2898848070, 0)])

    def test_key(self) -> None:
        self.assertEqual(sdpx.parse_key("prompt"), sdpx.Key("prompt", None))
        self.assertEqual(sdpx.parse_key("clear:secret"), sdpx.Key("clear", "secret"))

    def test_mline(self) -> None:
        self.assertEqual(sdpx.parse_mline("audio 49170/2 RTP/AVP 0 8 97"),
                         sdpx.MLine("audio", 49170, 2, "RTP/AVP", ("0", "8", "97")))
        self.assertEqual(sdpx.parse_mline("application 9 UDP/DTLS/SCTP webrtc-datachannel"),
                         sdpx.MLine("application", 9, None, "UDP/DTLS/SCTP",
                                    ("webrtc-datachannel",)))

    def test_bad_values_raise_parse_error(self) -> None:
        cases = [
            (sdpx.parse_origin, "- 1 1 IN IP4"),
            (sdpx.parse_connection, "IN"),
            (sdpx.parse_bandwidth, "AS"),
            (sdpx.parse_bandwidth, "AS:x"),
            (sdpx.parse_timing, "0"),
            (sdpx.parse_timing, "a b"),
            (sdpx.parse_typed_time, "7w"),
            (sdpx.parse_typed_time, ""),
            (sdpx.parse_repeat, "7d 1h"),
            (sdpx.parse_zones, "2882844526"),
            (sdpx.parse_mline, "audio 70000 RTP/AVP 0"),
            (sdpx.parse_mline, "audio"),
        ]
        for fn, text in cases:
            with self.subTest(fn=fn.__name__, text=text), self.assertRaises(sdpx.ParseError) as cm:
                fn(text)
            self.assertLess(cm.exception.code, 0)

    def test_nul_is_refused_before_reaching_c(self) -> None:
        for fn in (sdpx.parse_origin, sdpx.parse_connection, sdpx.parse_mline, sdpx.attr_kind):
            with self.subTest(fn.__name__), self.assertRaises(ValueError):
                fn("IN IP4 1.2.3.4\0evil")

    def test_decoders_take_bytes(self) -> None:
        self.assertEqual(sdpx.parse_bandwidth(b"AS:1"), sdpx.Bandwidth("AS", 1))
        with self.assertRaises(TypeError):
            sdpx.parse_bandwidth(5)  # type: ignore[arg-type]

    def test_dataclasses_are_frozen_with_readable_repr(self) -> None:
        b = sdpx.parse_bandwidth("AS:256")
        with self.assertRaises(dataclasses.FrozenInstanceError):
            b.value = 1  # type: ignore[misc]
        self.assertEqual(repr(b), "Bandwidth(type='AS', value=256)")

    def test_attr_kind(self) -> None:
        self.assertEqual(sdpx.attr_kind("rtpmap"), sdpx.AttrKind.RTPMAP)
        self.assertEqual(sdpx.attr_kind("candidate"), sdpx.AttrKind.CANDIDATE)
        self.assertEqual(sdpx.attr_kind("x-nothing"), sdpx.AttrKind.OTHER)


if __name__ == "__main__":
    unittest.main()
