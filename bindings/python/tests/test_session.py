"""Session and Media accessors, the media list, lifetimes."""

from __future__ import annotations

import gc
import unittest
import weakref

import sdpx
from helpers import BASIC, WEBRTC, sdp


class TestSessionAccessors(unittest.TestCase):
    def setUp(self) -> None:
        self.s = sdpx.parse(BASIC)

    def test_origin(self) -> None:
        o = self.s.origin
        assert o is not None
        self.assertEqual(o.username, "alice")
        self.assertEqual(int(o.sess_id), 2890844526)
        self.assertEqual(int(o.sess_version), 2890844527)
        self.assertEqual(o.address, "host.example.com")

    def test_name_timing_connection_bandwidth(self) -> None:
        self.assertEqual(self.s.name, "Talk")
        self.assertEqual(self.s.timing, sdpx.Timing(2873397496, 2873404696))
        self.assertEqual(self.s.timings, [sdpx.Timing(2873397496, 2873404696)])
        self.assertEqual(self.s.connection, sdpx.Connection("IN", "IP4", "192.0.2.10"))
        self.assertEqual(self.s.bandwidths, [sdpx.Bandwidth("AS", 256)])

    def test_absent_lines_give_none(self) -> None:
        s = sdpx.parse(sdp("v=0", "m=audio 9 RTP/AVP 0"))
        self.assertIsNone(s.origin)
        self.assertIsNone(s.name)
        self.assertIsNone(s.timing)
        self.assertEqual(s.timings, [])
        self.assertIsNone(s.connection)
        self.assertIsNone(s.media[0].connection)
        self.assertIsNone(s.media[0].mid)
        self.assertEqual(s.attributes, [])
        self.assertIn("without o=", repr(s))

    def test_attributes(self) -> None:
        attrs = self.s.attributes
        self.assertEqual([(a.name, a.value) for a in attrs],
                         [("group", "BUNDLE a v"), ("ice-lite", None)])
        self.assertEqual(attrs[0].kind, sdpx.AttrKind.GROUP)
        self.assertEqual(attrs[1].kind, sdpx.AttrKind.ICE_LITE)
        self.assertEqual(attrs[0].line, 7)
        self.assertEqual(str(attrs[0]), "a=group:BUNDLE a v")
        self.assertEqual(str(attrs[1]), "a=ice-lite")

    def test_attribute_lookup(self) -> None:
        self.assertEqual(self.s.attribute("group"), "BUNDLE a v")
        self.assertEqual(self.s.attribute("ice-lite"), "")
        self.assertIsNone(self.s.attribute("mid"))  # media-level only
        self.assertIsNone(self.s.attribute("GROUP"))  # names are case-sensitive
        self.assertEqual([a.value for a in self.s.find_attributes(sdpx.AttrKind.GROUP)],
                         ["BUNDLE a v"])
        self.assertEqual(len(self.s.find_attributes("ice-lite")), 1)
        with self.assertRaises(ValueError):
            self.s.attribute("group\0x")

    def test_lines(self) -> None:
        lines = self.s.lines
        self.assertEqual([l.type for l in lines], list("voscbtaa"))
        self.assertEqual(lines[2], sdpx.Line("s", "s=Talk", "Talk", 3, "\r\n"))

    def test_repr(self) -> None:
        self.assertEqual(repr(self.s), "<sdpx.Session o=2890844526 2890844527, 2 media>")

    def test_pickle_and_copy(self) -> None:
        import copy
        import pickle
        for clone in (pickle.loads(pickle.dumps(self.s)), copy.copy(self.s), copy.deepcopy(self.s)):
            self.assertIsNot(clone, self.s)
            self.assertEqual(str(clone), BASIC)
            self.assertEqual(clone.media[1].mid, "v")


class TestMedia(unittest.TestCase):
    def setUp(self) -> None:
        self.s = sdpx.parse(BASIC)
        self.a, self.v = self.s.media

    def test_media_list(self) -> None:
        ml = self.s.media
        self.assertEqual(len(ml), 2)
        self.assertEqual(ml[-1], self.v)
        self.assertEqual(ml[0:1], [self.a])
        self.assertEqual(list(ml), [self.a, self.v])
        self.assertIn(self.v, ml)
        with self.assertRaises(IndexError):
            ml[2]
        with self.assertRaises(IndexError):
            ml[-3]
        with self.assertRaises(TypeError):
            ml["0"]  # type: ignore[call-overload]
        self.assertIn("audio 49170 RTP/AVP 0 8 97", repr(ml))

    def test_mline_fields(self) -> None:
        self.assertEqual(self.a.kind, "audio")
        self.assertEqual(self.a.port, 49170)
        self.assertEqual(self.a.proto, "RTP/AVP")
        self.assertEqual(self.a.formats, ["0", "8", "97"])
        self.assertEqual(self.a.mline, sdpx.MLine("audio", 49170, 2, "RTP/AVP", ("0", "8", "97")))
        self.assertEqual(self.v.kind, "video")
        self.assertEqual(self.v.port, 51372)
        self.assertEqual(self.v.formats, ["31", "32"])

    def test_media_cannot_be_built_directly(self) -> None:
        with self.assertRaises(TypeError):
            sdpx.Media()  # type: ignore[call-arg]
        with self.assertRaises(TypeError):
            sdpx.Media(self.s, 0)  # type: ignore[call-arg]

    def test_index_session_identity(self) -> None:
        self.assertEqual(self.a.index, 0)
        self.assertEqual(self.v.index, 1)
        self.assertIs(self.v.session, self.s)
        self.assertEqual(self.s.media[1], self.v)
        self.assertNotEqual(self.a, self.v)
        self.assertEqual(hash(self.s.media[1]), hash(self.v))
        other = sdpx.parse(BASIC)
        self.assertNotEqual(other.media[0], self.a)

    def test_mid_connection_bandwidth(self) -> None:
        self.assertEqual(self.a.mid, "a")
        self.assertEqual(self.v.mid, "v")
        self.assertEqual(self.a.connection, sdpx.Connection("IN", "IP4", "224.2.1.1", 127, 3))
        # RFC 8866 5.7: a section without c= uses the session's
        self.assertEqual(self.v.connection, sdpx.Connection("IN", "IP4", "192.0.2.10"))
        self.assertEqual(self.a.bandwidths, [sdpx.Bandwidth("TIAS", 64000)])
        self.assertEqual(self.v.bandwidths, [])

    def test_attributes(self) -> None:
        self.assertEqual([a.name for a in self.a.attributes], ["mid", "rtpmap", "recvonly"])
        self.assertEqual(self.a.attribute("rtpmap"), "97 iLBC/8000")
        self.assertEqual(self.v.attribute("x-custom"), "")
        self.assertEqual(self.v.attributes[-1].kind, sdpx.AttrKind.OTHER)
        self.assertIsNone(self.v.attribute("recvonly"))
        self.assertEqual([a.value for a in self.v.find_attributes(sdpx.AttrKind.RTPMAP)],
                         ["31 H261/90000"])
        self.assertEqual([a.line for a in self.a.find_attributes("rtpmap")], [13])

    def test_lines(self) -> None:
        lines = self.v.lines
        self.assertEqual(lines[0].text, "m=video 51372 RTP/AVP 31 32")
        self.assertEqual(lines[0].number, 15)
        self.assertEqual(len(lines), 4)

    def test_webrtc_sections(self) -> None:
        s = sdpx.parse(WEBRTC)
        audio, video = s.media
        self.assertEqual(audio.mid, "0")
        self.assertEqual(video.proto, "UDP/TLS/RTP/SAVPF")
        self.assertEqual(video.formats, ["96", "97"])
        self.assertEqual(len(audio.find_attributes(sdpx.AttrKind.CANDIDATE)), 2)


@unittest.skipUnless(hasattr(sdpx.Media, "direction"), "sdpx_media_direction not in the library")
class TestDirection(unittest.TestCase):
    def test_direction_read(self) -> None:
        s = sdpx.parse(BASIC)
        self.assertEqual(s.media[0].direction, "recvonly")
        self.assertEqual(s.media[1].direction, "sendrecv")  # RFC 8866 6.7 default
        s2 = sdpx.parse(sdp("v=0", "o=- 1 1 IN IP4 h", "s=-", "t=0 0", "a=inactive",
                            "m=audio 9 RTP/AVP 0", "m=video 9 RTP/AVP 31", "a=sendonly"))
        self.assertEqual(s2.direction, "inactive")
        self.assertEqual(s2.media[0].direction, "inactive")  # session-level applies
        self.assertEqual(s2.media[1].direction, "sendonly")


class TestValidateAttributes(unittest.TestCase):
    def test_valid_attributes_pass(self) -> None:
        self.assertEqual(sdpx.parse(BASIC).validate_attributes(), [])

    def test_property_attribute_with_value_is_reported(self) -> None:
        # RFC 8866 6.7: recvonly is a property attribute, it takes no value
        s = sdpx.parse(sdp("v=0", "o=- 1 1 IN IP4 h", "s=-", "t=0 0",
                           "m=audio 9 RTP/AVP 0", "a=recvonly:yes"))
        diags = s.validate_attributes()
        self.assertEqual(len(diags), 1)
        self.assertEqual(diags[0].severity, "error")
        self.assertEqual(diags[0].code, sdpx.Code.EVALUE)
        self.assertEqual(diags[0].line, 6)


class TestLifetime(unittest.TestCase):
    def test_media_keeps_its_session_alive(self) -> None:
        s = sdpx.parse(BASIC)
        ref = weakref.ref(s)
        m = s.media[1]
        ml = s.media
        del s
        gc.collect()
        self.assertIsNotNone(ref())
        self.assertEqual(m.mid, "v")
        self.assertEqual(len(ml), 2)
        del m, ml
        gc.collect()
        self.assertIsNone(ref())

    def test_copied_values_outlive_the_session(self) -> None:
        s = sdpx.parse(BASIC)
        attrs, lines, origin = s.media[0].attributes, s.lines, s.origin
        del s
        gc.collect()
        self.assertEqual(attrs[0].value, "a")
        self.assertEqual(lines[1].type, "o")
        assert origin is not None
        self.assertEqual(origin.username, "alice")


if __name__ == "__main__":
    unittest.main()
