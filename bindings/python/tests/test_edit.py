"""Edits (sdp.h section 7) through the Python layer, and injection attempts."""

from __future__ import annotations

import threading
import unittest

import sdpx
from helpers import has_api, needs, WEBRTC, sdp

CAND = "candidate:1 1 udp 2122260223 192.0.2.7 50000 typ host"
INJECTIONS = ["x\r\na=evil", "x\na=evil", "x\rb", "x\0y"]


def lines(s: sdpx.Session) -> list:
    return str(s).split("\r\n")


class TestSetters(unittest.TestCase):
    def setUp(self) -> None:
        self.s = sdpx.parse(WEBRTC)
        self.audio, self.video = self.s.media

    @needs("Media.direction=")
    def test_direction(self) -> None:
        self.audio.direction = "recvonly"
        self.assertEqual(self.audio.direction, "recvonly")
        self.assertEqual(self.audio.find_attributes(sdpx.AttrKind.SENDRECV), [])
        self.assertEqual(len(self.audio.find_attributes(sdpx.AttrKind.RECVONLY)), 1)
        self.assertEqual(self.video.direction, "sendonly")
        before = str(self.s)
        for bad in ["both", "", "SENDONLY "] + INJECTIONS:
            with self.subTest(bad=bad), self.assertRaises(ValueError):
                self.audio.direction = bad
        self.assertEqual(str(self.s), before)

    @needs("Media.hold", "Media.resume")
    def test_hold_resume(self) -> None:
        self.audio.hold()
        self.assertEqual(self.audio.direction, "sendonly")
        self.audio.resume()
        self.assertEqual(self.audio.direction, "sendrecv")

    @needs("Session.name=", "Session.timing=", "Session.info=", "Media.key=", "Media.info=")
    def test_name_timing_info_key(self) -> None:
        self.s.name = "Call"
        self.assertEqual(self.s.name, "Call")
        self.assertIn("s=Call", lines(self.s))
        self.s.timing = (3, 4)
        self.assertEqual(self.s.timing, sdpx.Timing(3, 4))
        self.s.timing = sdpx.Timing(0, 0)
        self.assertIn("t=0 0", lines(self.s))
        self.s.info = "about"
        self.assertEqual(self.s.info, "about")
        self.s.info = None
        self.assertIsNone(self.s.info)
        self.audio.key = "prompt"
        self.assertEqual(self.audio.key, sdpx.Key("prompt"))
        self.audio.info = "mic"
        self.assertEqual(self.audio.info, "mic")
        with self.assertRaises(ValueError):
            self.s.timing = (-1, 0)

    @needs("Session.set_origin", "Session.bump_version")
    def test_origin_and_version(self) -> None:
        self.s.set_origin(username="bob", address="192.0.2.9")
        o = self.s.origin
        assert o is not None
        self.assertEqual((o.username, o.sess_id, o.address), ("bob", "4611731400430051336", "192.0.2.9"))
        self.s.bump_version()
        self.assertEqual(int(self.s.origin.sess_version), 3)  # type: ignore[union-attr]
        s = sdpx.parse(sdp("v=0", "o=- 1 9999999999999999999999999 IN IP4 h", "s=-", "t=0 0"))
        s.bump_version()
        self.assertEqual(s.origin.sess_version, "10000000000000000000000000")  # type: ignore[union-attr]
        with self.assertRaises(sdpx.EditError):
            sdpx.parse(sdp("v=0", "s=-")).bump_version()  # no o= line

    def test_edit_error_reason(self) -> None:
        with self.assertRaises(sdpx.EditError) as cm:
            self.s.add_attribute("tool", "x\r\na=evil")
        self.assertEqual(cm.exception.column, 2)
        self.assertIn("value: byte 2 is a CR, which would end the new a= line there", str(cm.exception))
        with self.assertRaises(sdpx.EditError) as cm:
            self.audio.add_attribute("a b", "1")
        self.assertIn('attribute name "a b": byte 2 (0x20) is not a token character', str(cm.exception))

    @needs("Session.set_edit_flags", "Media.direction=")
    def test_bump_version_on_edit(self) -> None:
        self.s.set_edit_flags(bump_version=True)
        self.audio.direction = "inactive"
        self.video.direction = "inactive"
        self.assertEqual(int(self.s.origin.sess_version), 3)  # type: ignore[union-attr]

    @needs("Media.port=", "Media.proto=", "Media.formats=")
    def test_mline_setters(self) -> None:
        self.audio.port = 50000
        self.assertEqual(self.audio.port, 50000)
        self.audio.proto = "RTP/AVP"
        self.assertEqual(self.audio.proto, "RTP/AVP")
        self.audio.formats = ["0", "111"]
        self.assertEqual(self.audio.formats, ["0", "111"])
        self.audio.formats = "111"
        self.assertEqual(self.audio.formats, ["111"])
        for bad in (-1, 65536, "9"):
            with self.subTest(port=bad), self.assertRaises((ValueError, TypeError)):
                self.audio.port = bad  # type: ignore[assignment]
        with self.assertRaises(ValueError):
            self.audio.formats = ""

    @needs("Media.connection=", "Session.connection=", "Media.set_bandwidth", "Session.set_bandwidth",
           "Media.clear_bandwidth", "Session.clear_bandwidth")
    def test_connection_bandwidth(self) -> None:
        self.audio.connection = "IN IP4 203.0.113.7"
        self.assertEqual(self.audio.connection, sdpx.Connection("IN", "IP4", "203.0.113.7"))
        self.s.connection = "IN IP6 2001:db8::1"
        self.assertEqual(self.s.connection, sdpx.Connection("IN", "IP6", "2001:db8::1"))
        self.s.connection = None
        self.assertIsNone(self.s.connection)
        with self.assertRaises(ValueError):
            self.audio.connection = "IN IP4 not an address"
        self.audio.set_bandwidth("AS", 64)
        self.audio.set_bandwidth("AS", 128)
        self.assertEqual(self.audio.bandwidths, [sdpx.Bandwidth("AS", 128)])
        self.s.set_bandwidth("CT", 1000)
        self.assertEqual(self.s.bandwidths, [sdpx.Bandwidth("CT", 1000)])
        self.assertEqual(self.audio.clear_bandwidth(), 1)
        self.assertEqual(self.s.clear_bandwidth("CT"), 1)
        with self.assertRaises(ValueError):
            self.s.set_bandwidth("AS", -1)

    def test_injection_through_setters_is_refused(self) -> None:
        before = str(self.s)
        S, M = "Session.", "Media."
        setters = [
            (S + "name=", lambda v: setattr(self.s, "name", v)),
            (S + "info=", lambda v: setattr(self.s, "info", v)),
            (S + "key=", lambda v: setattr(self.s, "key", v)),
            (S + "connection=", lambda v: setattr(self.s, "connection", "IN IP4 " + v)),
            (M + "connection=", lambda v: setattr(self.audio, "connection", "IN IP4 " + v)),
            (M + "proto=", lambda v: setattr(self.audio, "proto", v)),
            (M + "formats=", lambda v: setattr(self.audio, "formats", v)),
            (M + "direction=", lambda v: setattr(self.audio, "direction", v)),
            (S + "set_origin", lambda v: self.s.set_origin(username=v)),
            (M + "add_attribute", lambda v: self.audio.add_attribute("x-note", v)),
            (S + "add_attribute", lambda v: self.s.add_attribute(v, "1")),
            (M + "add_candidate", lambda v: self.audio.add_candidate(CAND + v)),
            (S + "set_bandwidth", lambda v: self.s.set_bandwidth(v, 1)),
            (M + "set_msid", lambda v: self.audio.set_msid(v)),
            (M + "set_fmtp_param", lambda v: self.audio.set_fmtp_param(111, "stereo", v)),
            (S + "set_ice_credentials",
             lambda v: self.s.set_ice_credentials("abcd" + v, "2/1muCWoOi3uLifh0NuRHlQa")),
            (S + "set_fingerprint", lambda v: self.s.set_fingerprint("sha-256 " + v)),
            (S + "group_add_mid", lambda v: self.s.group_add_mid(v)),
        ]
        tried = 0
        for name, setter in setters:
            if not has_api(name):
                continue
            for bad in INJECTIONS:
                tried += 1
                with self.subTest(setter=name, value=bad), self.assertRaises(ValueError):
                    setter(bad)
        if not tried:
            self.skipTest("no setters in the C library yet")
        self.assertEqual(str(self.s), before)
        self.assertNotIn("a=evil", str(self.s))


class TestAttributesAndMedia(unittest.TestCase):
    def setUp(self) -> None:
        self.s = sdpx.parse(WEBRTC)
        self.audio, self.video = self.s.media

    @needs("Media.add_attribute", "Session.add_attribute", "Session.ice_lite")
    def test_add_remove_attribute(self) -> None:
        self.audio.add_attribute("x-note", "hello")
        self.audio.add_attribute("rtcp-rsize")
        self.assertEqual(self.audio.attribute("x-note"), "hello")
        self.assertEqual(self.audio.attributes[-1], sdpx.Attribute("rtcp-rsize", None,
                                                                   sdpx.AttrKind.RTCP_RSIZE, 0))
        self.assertEqual(self.audio.remove_attribute("x-note"), 1)
        self.assertIsNone(self.audio.attribute("x-note"))
        self.s.add_attribute("ice-lite")
        self.assertTrue(self.s.ice_lite)
        self.assertEqual(self.s.remove_attribute("ice-lite"), 1)
        with self.assertRaises(ValueError):  # a=mid needs a token value
            self.audio.add_attribute("mid", "a b")

    @needs("Media.add_attribute", "Session.add_attribute", "Media.replace_attribute", "Media.codec")
    def test_typed_attributes(self) -> None:
        try:
            self.video.add_attribute(sdpx.Rtpmap(100, "VP9", 90000))
        except TypeError:
            self.skipTest("the C library takes attributes as text only")
        self.video.add_attribute(sdpx.RtcpFb(100, "nack", "pli"))
        self.video.formats = "96 97 100"
        self.assertEqual(self.video.codec(100), sdpx.Codec(100, "VP9", 90000, None, {},
                                                           (sdpx.RtcpFb(100, "nack", "pli"),)))
        self.s.add_attribute(sdpx.Group("LS", ("0", "1")))
        self.assertEqual(self.s.groups[-1], sdpx.Group("LS", ("0", "1")))
        i = [l.text for l in self.video.lines].index("a=rtpmap:96 VP8/90000")
        self.video.replace_attribute(i, sdpx.Rtpmap(96, "VP8", 90000))
        self.assertEqual(self.video.lines[i].text, "a=rtpmap:96 VP8/90000")
        self.assertEqual(self.video.lines[i].number, 0)  # rewritten by the edit
        before = str(self.s)
        with self.assertRaises(ValueError):
            self.video.add_attribute(sdpx.Rtpmap(101, "VP9\r\na=evil", 90000))
        with self.assertRaises(TypeError):
            self.video.add_attribute(sdpx.Timing(0, 0))  # type: ignore[arg-type]
        self.assertEqual(str(self.s), before)

    @needs("Session.add_media", "Session.move_media", "Session.remove_media", "Session.group_add_mid", "Session.groups")
    def test_add_move_remove_media(self) -> None:
        m = self.s.add_media("application 9 UDP/DTLS/SCTP webrtc-datachannel")
        self.assertEqual(len(self.s.media), 3)
        self.assertEqual(m.index, 2)
        m.add_attribute("mid", "2")
        self.s.group_add_mid("2")
        self.assertEqual(self.s.groups, [sdpx.Group("BUNDLE", ("0", "1", "2"))])
        self.s.move_media(m, 0)
        self.assertEqual(m.index, 0)
        self.assertEqual(self.s.media[1], self.audio)
        self.s.remove_media(m)
        self.assertEqual(len(self.s.media), 2)
        self.assertEqual((self.audio.mid, self.video.mid), ("0", "1"))  # other handles live on
        self.assertEqual((self.audio.index, self.video.index), (0, 1))
        self.assertEqual(self.s.groups, [sdpx.Group("BUNDLE", ("0", "1"))])
        with self.assertRaises(LookupError):
            m.kind
        with self.assertRaises(LookupError):
            self.s.remove_media(m)
        self.assertIn("unavailable", repr(m))
        other = sdpx.parse(WEBRTC)
        with self.assertRaises(ValueError):
            self.s.remove_media(other.media[0])
        with self.assertRaises(IndexError):
            self.s.add_media("audio 9 RTP/AVP 0", pos=9)
        with self.assertRaises(ValueError):
            self.s.add_media("audio 9 RTP/AVP")  # no format

    @needs("Media.reject", "Session.groups")
    def test_reject(self) -> None:
        self.video.reject()
        self.assertEqual(self.video.port, 0)
        self.assertEqual(self.s.groups, [sdpx.Group("BUNDLE", ("0",))])

    @needs("Media.remove_codec", "Media.codecs", "Media.remove_attribute")
    def test_copies_survive_edits(self) -> None:
        attrs = self.audio.attributes
        codecs = self.audio.codecs
        self.audio.remove_attribute("candidate")
        self.audio.remove_codec("PCMU")
        self.assertEqual(attrs[1].name, "candidate")
        self.assertEqual(codecs[2].encoding, "PCMU")
        self.assertEqual([c.encoding for c in self.audio.codecs], ["opus", "red"])


@needs("Media.remove_codec", "Media.keep_codecs", "Media.prefer_codecs", "Media.set_fmtp_param", "Media.set_codec_param", "Session.remove_codec", "Media.codecs")
class TestCodecEdits(unittest.TestCase):
    def setUp(self) -> None:
        self.s = sdpx.parse(WEBRTC)
        self.audio, self.video = self.s.media

    def test_remove_codec_takes_its_rtx(self) -> None:
        self.video.add_attribute("rtpmap", "98 H264/90000")
        self.video.formats = "96 97 98"
        self.assertEqual(self.video.remove_codec("VP8"), 2)
        self.assertEqual(self.video.formats, ["98"])
        text = str(self.s)
        for gone in ("a=rtpmap:96", "a=rtpmap:97", "a=fmtp:97", "a=rtcp-fb:96"):
            self.assertNotIn(gone, text)
        self.assertEqual(self.video.remove_codec("VP9"), 0)

    def test_remove_last_codec_is_refused(self) -> None:
        before = str(self.s)
        with self.assertRaises(sdpx.EditError):
            self.video.remove_codec("vp8")  # names compare ignoring case
        self.assertEqual(str(self.s), before)

    def test_remove_codec_everywhere(self) -> None:
        self.assertEqual(self.s.remove_codec("PCMU"), 1)
        self.assertEqual(self.audio.formats, ["111", "63"])

    def test_keep_and_prefer(self) -> None:
        self.assertEqual(self.audio.keep_codecs(["opus"]), 1)  # PCMU goes; RED carries opus, stays
        self.assertEqual(self.audio.formats, ["111", "63"])
        self.audio.prefer_codecs(["red"])
        self.assertEqual(self.audio.formats, ["63", "111"])

    def test_fmtp_params(self) -> None:
        self.audio.set_fmtp_param(111, "stereo", "1")
        self.assertEqual(self.audio.codec(111).params,  # type: ignore[union-attr]
                         {"minptime": "10", "useinbandfec": "1", "stereo": "1"})
        self.audio.set_fmtp_param(111, "minptime", None)
        self.assertNotIn("minptime", self.audio.codec(111).params)  # type: ignore[union-attr]
        self.assertEqual(self.audio.set_codec_param("opus", "usedtx", "1"), 1)
        self.assertEqual(self.audio.codec(111).params["usedtx"], "1")  # type: ignore[union-attr]
        with self.assertRaises(ValueError):
            self.audio.set_fmtp_param(128, "a", "b")


class TestIceDtlsStreams(unittest.TestCase):
    def setUp(self) -> None:
        self.s = sdpx.parse(WEBRTC)
        self.audio, self.video = self.s.media

    @needs("Media.add_candidate", "Session.add_candidate", "Media.candidates")
    def test_add_candidate(self) -> None:
        self.audio.add_candidate(CAND)
        self.assertEqual([c.address for c in self.audio.candidates],
                         ["192.0.2.1", "10.0.0.5", "192.0.2.7"])
        self.video.add_candidate("a=" + CAND)
        self.assertEqual(len(self.video.candidates), 1)
        self.video.add_candidate("")
        self.assertTrue(self.video.end_of_candidates)
        with self.assertRaises(ValueError):
            self.audio.add_candidate("candidate:garbage")
        self.s.add_candidate(CAND.replace("192.0.2.7", "192.0.2.8"), mid="1")
        self.assertEqual(self.video.candidates[-1].address, "192.0.2.8")
        self.s.add_candidate(CAND.replace("192.0.2.7", "192.0.2.9"), index=0)
        self.assertEqual(self.audio.candidates[-1].address, "192.0.2.9")

    @needs("Media.add_end_of_candidates")
    def test_end_of_candidates_once(self) -> None:
        self.audio.add_end_of_candidates()
        self.audio.add_end_of_candidates()
        self.assertEqual(len(self.audio.find_attributes("end-of-candidates")), 1)

    @needs("Media.remove_candidates", "Session.remove_candidates", "Media.candidates")
    def test_remove_candidates(self) -> None:
        self.assertEqual(self.audio.remove_candidates(types=["host"]), 1)
        self.assertEqual([c.type for c in self.audio.candidates], ["srflx"])
        self.assertEqual(self.s.remove_candidates(), 1)
        self.assertEqual(self.audio.candidates, [])
        with self.assertRaises(ValueError):
            self.audio.remove_candidates(types=["nope"])

    @needs("Session.set_ice_credentials", "Session.set_setup", "Session.set_fingerprint", "Media.setup=", "Media.fingerprints")
    def test_credentials_setup_fingerprint(self) -> None:
        self.s.set_ice_credentials("wxyz", "0123456789abcdefghijkl")
        self.assertEqual((self.video.ice_ufrag, self.video.ice_pwd), ("wxyz", "0123456789abcdefghijkl"))
        with self.assertRaises(ValueError):
            self.s.set_ice_credentials("abc", "0123456789abcdefghijkl")  # ufrag under 4 chars
        self.audio.setup = "active"
        self.assertEqual((self.audio.setup, self.video.setup), ("active", "actpass"))
        self.s.set_setup("passive")
        self.assertEqual((self.audio.setup, self.video.setup), ("passive", "passive"))
        with self.assertRaises(ValueError):
            self.audio.setup = "both"
        fp = "sha-1 " + ":".join(["AB"] * 20)
        self.s.set_fingerprint(fp)
        self.assertEqual(self.audio.fingerprints, [sdpx.parse_fingerprint(fp)])

    @needs("Media.set_msid", "Media.remove_streams", "Session.renumber_extmap", "Session.remove_extmap", "Session.group_remove_mid", "Media.extmaps", "Media.msid")
    def test_streams_and_extmap(self) -> None:
        self.audio.set_msid("s1", "t1")
        self.assertEqual(self.audio.msid, sdpx.Msid("s1", "t1"))
        self.assertEqual(self.audio.remove_streams(), 2)  # one a=ssrc, one a=msid
        self.assertEqual(self.audio.ssrcs, [])
        uri = "urn:ietf:params:rtp-hdrext:ssrc-audio-level"
        self.assertEqual(self.s.renumber_extmap(uri, 5), 1)
        self.assertEqual(self.audio.extmaps, [sdpx.Extmap(5, uri)])
        self.assertEqual(self.s.remove_extmap(uri), 1)
        self.assertEqual(self.audio.extmaps, [])
        self.assertEqual(self.s.group_remove_mid("1"), 1)
        self.assertEqual(self.s.groups, [sdpx.Group("BUNDLE", ("0",))])


@needs("parse_fragment", "Session.apply_fragment", "Media.candidates")
class TestFragments(unittest.TestCase):
    FRAG = sdp("a=ice-ufrag:4ZcD", "a=ice-pwd:2/1muCWoOi3uLifh0NuRHlQa", "m=audio 9 RTP/AVP 0",
               "a=mid:0", "a=" + CAND, "a=end-of-candidates")

    def test_parse_and_apply(self) -> None:
        frag = sdpx.parse_fragment(self.FRAG)
        self.assertEqual(frag.media[0].mid, "0")
        s = sdpx.parse(WEBRTC)
        res = s.apply_fragment(frag)
        self.assertEqual(res, sdpx.ApplyResult(False, 1, 0, 1))
        self.assertEqual(s.media[0].candidates[-1].address, "192.0.2.7")
        self.assertTrue(s.media[0].end_of_candidates)
        self.assertEqual(s.apply_fragment(frag).duplicates, 1)

    def test_ice_restart_changes_nothing(self) -> None:
        frag = sdpx.parse_fragment(self.FRAG.replace("4ZcD", "NEWU"))
        s = sdpx.parse(WEBRTC)
        before = str(s)
        self.assertTrue(s.apply_fragment(frag).ice_restart)
        self.assertEqual(str(s), before)
        with self.assertRaises(TypeError):
            s.apply_fragment(self.FRAG)  # type: ignore[arg-type]


class TestLineEdits(unittest.TestCase):
    def setUp(self) -> None:
        self.s = sdpx.parse(WEBRTC)
        self.audio, self.video = self.s.media

    @needs("Media.remove_line", "Media.replace_attribute", "Media.insert_attribute")
    def test_by_index(self) -> None:
        texts = [l.text for l in self.video.lines]
        i = texts.index("a=sendonly")
        self.video.replace_attribute(i, "recvonly")
        self.assertEqual(self.video.lines[i].text, "a=recvonly")
        self.video.insert_attribute(i, "x-before", "1")
        self.video.insert_attribute(i + 1, "x-after", "2", after=True)
        texts = [l.text for l in self.video.lines]
        self.assertEqual(texts[i:i + 3], ["a=x-before:1", "a=recvonly", "a=x-after:2"])
        self.video.remove_line(i + 1)
        self.assertNotIn("a=recvonly", [l.text for l in self.video.lines])
        self.video.remove_line(-1)  # the last line, as in a list
        self.assertEqual(self.video.lines[-1].text, "a=rid:l send")
        with self.assertRaises(IndexError):
            self.video.remove_line(99)
        with self.assertRaises(ValueError):
            self.video.remove_line(0)  # the m= line goes with remove_media
        with self.assertRaises(ValueError):
            self.video.replace_attribute(i, "x-evil", "a\r\na=evil")

    @needs("Media.insert_attribute", "Media.codec")
    def test_insert_typed(self) -> None:
        i = [l.text for l in self.video.lines].index("a=rtpmap:97 rtx/90000")
        try:
            self.video.insert_attribute(i, sdpx.RtcpFb(None, "ccm", "fir"))
        except TypeError:
            self.skipTest("sdpx_attr_insert_typed not in the library")
        self.assertEqual(self.video.lines[i].text, "a=rtcp-fb:* ccm fir")
        self.assertIn(sdpx.RtcpFb(None, "ccm", "fir"), self.video.codec(96).feedback)  # type: ignore[union-attr]

    @needs("Session.compact_extmap", "Media.extmaps")
    def test_compact_extmap(self) -> None:
        s = sdpx.parse(sdp("v=0", "o=- 1 1 IN IP4 h", "s=-", "t=0 0",
                           "m=audio 9 RTP/AVP 0", "a=extmap:7 urn:a", "a=extmap:3 urn:b",
                           "m=video 9 RTP/AVP 31", "a=extmap:9 urn:b"))
        self.assertEqual(s.compact_extmap(), 3)
        self.assertEqual([(e.id, e.uri) for e in s.media[0].extmaps], [(1, "urn:a"), (2, "urn:b")])
        self.assertEqual([(e.id, e.uri) for e in s.media[1].extmaps], [(2, "urn:b")])

    @needs("Session.remove_line", "Session.insert_attribute")
    def test_session_lines(self) -> None:
        texts = [l.text for l in self.s.lines]
        i = texts.index("a=msid-semantic: WMS stream1")
        self.s.remove_line(i)
        self.assertIsNone(self.s.attribute("msid-semantic"))
        with self.assertRaises(ValueError):
            self.s.remove_line(0)  # v=
        with self.assertRaises(ValueError):  # an a= line may not precede s=
            self.s.insert_attribute(2, "x-early", "1")

    @needs("Media.use_candidate", "Media.candidates")
    def test_use_candidate(self) -> None:
        self.audio.use_candidate(1)  # the host candidate 10.0.0.5 56143
        self.assertEqual(self.audio.port, 56143)
        self.assertEqual(self.audio.connection, sdpx.Connection("IN", "IP4", "10.0.0.5"))
        with self.assertRaises(IndexError):
            self.audio.use_candidate(5)


@needs("write_fragment", "FragmentSection", "parse_candidate")
class TestWriteFragment(unittest.TestCase):
    def test_write_and_read_back(self) -> None:
        c = sdpx.parse_candidate(CAND)
        text = sdpx.write_fragment("4ZcD", "2/1muCWoOi3uLifh0NuRHlQa",
                                   [sdpx.FragmentSection("0", (c,), True)])  # type: ignore[arg-type]
        self.assertEqual(text, sdp("a=ice-ufrag:4ZcD", "a=ice-pwd:2/1muCWoOi3uLifh0NuRHlQa",
                                   "m=audio 9 RTP/AVP 0", "a=mid:0", "a=" + CAND,
                                   "a=end-of-candidates"))
        if hasattr(sdpx, "parse_fragment"):
            f = sdpx.parse_fragment(text)
            self.assertEqual(f.media[0].candidates, [c])
        with self.assertRaises(ValueError):
            sdpx.write_fragment("4ZcD\r\na=evil", "", [])


@needs("Session.redact", "Media.candidates", "Media.fingerprints")
class TestRedact(unittest.TestCase):
    def test_redact_for_logs(self) -> None:
        s = sdpx.parse(WEBRTC)
        n = s.redact()
        self.assertGreater(n, 0)
        audio = s.media[0]
        self.assertNotEqual(audio.ice_ufrag, "4ZcD")
        self.assertNotEqual(audio.ice_pwd, "2/1muCWoOi3uLifh0NuRHlQa")
        for c in audio.candidates:
            self.assertTrue(c.address.startswith("192.0.2."), c.address)
            self.assertGreaterEqual(c.port, 10000)
        self.assertNotIn("10.0.0.5", str(s))
        (fp,) = audio.fingerprints
        self.assertEqual((fp.hash_name, len(fp.digest)), ("sha-256", 32))
        self.assertNotEqual(fp.hex, sdpx.parse_fingerprint(
            "sha-256 75:74:5A:A6:A4:E5:52:F4:A7:67:4C:01:C7:EE:91:3F:21:3D:A2:E3:53:7B:6F:30:86:F2:30:AA:65:FB:04:24").hex)
        self.assertEqual(audio.port, 9)  # port 9 stays
        self.assertEqual(str(sdpx.parse(str(s))), str(s))


class TestThreads(unittest.TestCase):
    """Edits from one thread while others read the same session: every call is
    serialized on the session, so nothing breaks (the C library allows many
    readers or one editor)."""

    @needs("Media.add_attribute", "Media.remove_attribute")
    def test_concurrent_edit_and_read(self) -> None:
        s = sdpx.parse(WEBRTC)
        errors: list = []
        stop = threading.Event()

        def editor() -> None:
            try:
                for i in range(300):
                    s.media[i % 2].add_attribute("x-n", str(i))
                    s.media[i % 2].remove_attribute("x-n")
            except Exception as e:  # noqa: BLE001 - reported below
                errors.append(e)
            finally:
                stop.set()

        def reader() -> None:
            try:
                while not stop.is_set():
                    sdpx.parse(str(s))
                    for m in s.media:
                        m.attributes
                        m.lines
            except Exception as e:  # noqa: BLE001
                errors.append(e)

        threads = [threading.Thread(target=editor)] + [threading.Thread(target=reader) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        self.assertEqual(errors, [])
        self.assertEqual(str(s), WEBRTC)


if __name__ == "__main__":
    unittest.main()
