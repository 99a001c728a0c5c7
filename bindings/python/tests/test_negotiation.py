"""Negotiation through the Python layer: capabilities, offers, answers,
verification and the builder (sdp.h section 9)."""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import re
import unittest

import sdpx
from helpers import sdp

HERE = os.path.dirname(os.path.abspath(__file__))
CAPS_FILE = os.path.join(HERE, "..", "..", "..", "examples", "caps.sdp")
FP = ("sha-256 3B:2A:44:F5:6D:1E:9C:07:AB:52:C8:19:E0:7F:34:D6:88:A1:0B:5E:C2:96:4F:73:1D:E8:"
      "60:B9:27:5A:CC:03")

OFFER = sdp(
    "v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE a v",
    "m=audio 9 UDP/TLS/RTP/SAVPF 111 0", "c=IN IP4 0.0.0.0", "a=ice-ufrag:offU",
    "a=ice-pwd:offerpasswordoffer12345", "a=fingerprint:" + FP, "a=setup:actpass", "a=mid:a",
    "a=sendonly", "a=rtcp-mux", "a=rtpmap:111 opus/48000/2",
    "m=video 9 UDP/TLS/RTP/SAVPF 98 96 97", "c=IN IP4 0.0.0.0", "a=ice-ufrag:offU",
    "a=ice-pwd:offerpasswordoffer12345", "a=fingerprint:" + FP, "a=setup:actpass", "a=mid:v",
    "a=rtcp-mux", "a=rtpmap:98 VP9/90000", "a=rtpmap:96 VP8/90000", "a=rtcp-fb:96 nack",
    "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=96")


def counter(start: int = 0):
    """A repeatable random function: bytes start, start+1, ..."""
    it = itertools.count(start)
    return lambda n: bytes(next(it) % 256 for _ in range(n))


def caps() -> "sdpx.Caps":
    with open(CAPS_FILE, "rb") as f:
        return sdpx.Caps.from_sdp(f.read())


class TestCaps(unittest.TestCase):
    def test_from_sdp(self) -> None:
        c = caps()
        self.assertEqual(c.kinds, ["audio", "video"])
        self.assertEqual(c.codecs("audio"), ["opus/48000/2", "red/48000/2", "telephone-event/8000"])
        self.assertEqual(c.codecs("video"), ["VP8/90000", "H264/90000"])
        self.assertTrue(c.data_channel)
        self.assertFalse(c.ice_lite)
        self.assertTrue(c.fingerprint.startswith("sha-256 3B:2A"))
        self.assertEqual(repr(c), "<sdpx.Caps audio, video, data>")

    def test_fingerprint_override(self) -> None:
        with open(CAPS_FILE, "rb") as f:
            text = f.read()
        c = sdpx.Caps.from_sdp(text, fingerprint="sha-1 " + ":".join(["AB"] * 20))
        self.assertEqual(c.fingerprint, "sha-1 " + ":".join(["AB"] * 20))
        with self.assertRaises(sdpx.NegotiationError):
            sdpx.Caps.from_sdp(text, fingerprint="sha-256 00")
        with self.assertRaises(TypeError):
            sdpx.Caps()


class TestAnswer(unittest.TestCase):
    def test_answer_and_verify(self) -> None:
        offer = sdpx.parse(OFFER)
        a = sdpx.answer(offer, caps(), random=counter())
        audio, video = a.media
        self.assertEqual(audio.formats, ["111"])
        self.assertEqual(video.formats, ["96", "97"])  # VP9 dropped, order and numbers kept
        self.assertEqual(audio.direction, "recvonly")  # RFC 3264 6.1
        self.assertEqual(audio.attribute("setup"), "active")
        self.assertEqual(audio.attribute("ice-ufrag"), "ABCDEFGH")
        self.assertEqual(audio.attribute("ice-pwd"), "IJKLMNOPQRSTUVWXYZabcdef")
        self.assertEqual(a.attribute("group"), "BUNDLE a v")
        self.assertEqual(sdpx.verify_answer(offer, a), [])
        sdpx.parse(str(a), strict=True)
        # fixed randomness: the same answer twice
        self.assertEqual(str(sdpx.answer(offer, caps(), random=counter())), str(a))

    def test_verify_finds_violations(self) -> None:
        offer = sdpx.parse(OFFER)
        good = str(sdpx.answer(offer, caps()))
        bad = sdpx.parse(good.replace("a=setup:active", "a=setup:actpass", 1))
        found = sdpx.verify_answer(offer, bad)
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0].code, sdpx.Code.EN_V_SETUP)
        self.assertEqual(found[0].severity, "error")
        self.assertTrue(found[0].message.startswith('m=0 (mid "a"): a=setup:actpass does not answer'))

    def test_rejected_and_strict(self) -> None:
        offer = sdpx.parse(OFFER.replace("a=rtpmap:96 VP8/90000", "a=rtpmap:96 VP7/90000"))
        rejected: list = []
        a = sdpx.answer(offer, caps(), rejected=rejected)
        self.assertEqual(a.media[1].port, 0)
        self.assertEqual([d.code for d in rejected], [sdpx.Code.EN_NO_CODEC])
        self.assertEqual(rejected[0].message, 'm=1 (mid "v"): no common codec (RFC 3264 6.1)')
        with self.assertRaises(sdpx.NegotiationError) as cm:
            sdpx.answer(offer, caps(), strict=True)
        self.assertEqual(cm.exception.code, sdpx.Code.EN_NO_CODEC)
        self.assertEqual(cm.exception.line, 16)

    def test_options(self) -> None:
        offer = sdpx.parse(OFFER)
        a = sdpx.answer(offer, caps(), setup="passive", address="198.51.100.7", port=40000)
        self.assertEqual(a.media[0].attribute("setup"), "passive")
        self.assertEqual(a.media[0].port, 40000)
        self.assertIn("c=IN IP4 198.51.100.7\r\n", str(a))
        with self.assertRaises(ValueError):
            sdpx.answer(offer, caps(), setup="both")
        with self.assertRaises(ValueError):
            sdpx.answer(offer, caps(), port=70000)
        with self.assertRaises(sdpx.NegotiationError):
            sdpx.answer(offer, caps(), random=lambda n: b"short")


class TestOfferAndBuilder(unittest.TestCase):
    def test_offer(self) -> None:
        o = sdpx.offer(caps(), random=counter(5))
        self.assertEqual([m.kind for m in o.media], ["audio", "video", "application"])
        self.assertEqual(o.attribute("group"), "BUNDLE 0 1 2")
        self.assertEqual(o.media[0].attribute("setup"), "actpass")
        self.assertEqual(o.media[1].formats, ["96", "97", "102", "103"])
        self.assertEqual(o.validate(), [])
        # two offers from the system's entropy differ in their credentials
        u = {sdpx.offer(caps()).media[0].attribute("ice-ufrag") for _ in range(2)}
        self.assertEqual(len(u), 2)
        a = sdpx.answer(o, caps())
        self.assertEqual(sdpx.verify_answer(o, a), [])

    def test_ice_credentials(self) -> None:
        self.assertEqual(sdpx.ice_credentials(counter()), ("ABCDEFGH", "IJKLMNOPQRSTUVWXYZabcdef"))
        u, p = sdpx.ice_credentials()
        self.assertEqual((len(u), len(p)), (8, 24))

    def test_builder(self) -> None:
        s = sdpx.Session.new(random=counter(0xF0))
        self.assertEqual(str(s), "v=0\r\no=- 3526867112808543991 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n")
        v = s.add_section("video", "UDP/TLS/RTP/SAVPF", "96")
        v.add_codec("VP8", 90000, 96, rtcp_fb=["nack", "nack pli"], rtx=97)
        v.add_codec("H264", 90000, 102, fmtp="packetization-mode=1;profile-level-id=42e01f")
        v.set_ice_credentials("abcd", "0123456789012345678901")
        d = s.add_section("application", "UDP/DTLS/SCTP")
        d.set_sctp(5000, 65536)
        self.assertEqual(v.formats, ["96", "97", "102"])
        text = str(s)
        for line in ("a=rtcp-fb:96 nack pli", "a=fmtp:97 apt=96", "a=rtpmap:102 H264/90000",
                     "a=ice-pwd:0123456789012345678901", "a=max-message-size:65536",
                     "m=application 9 UDP/DTLS/SCTP webrtc-datachannel"):
            self.assertIn(line + "\r\n", text)
        with self.assertRaises(sdpx.EditError):
            v.add_codec("VP8", 90000, 96)  # already mapped
        with self.assertRaises(sdpx.EditError):
            v.set_ice_credentials("abc", "0123456789012345678901")  # RFC 8839: 4 chars at least
        with self.assertRaises(sdpx.EditError):
            s.add_section("video", "RTP/AVP")  # RTP needs a format


class TestReadme(unittest.TestCase):
    def test_answer_example(self) -> None:
        srcdir = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
        with open(os.path.join(srcdir, "README.md"), encoding="utf-8") as f:
            text = f.read()
        blocks = re.findall(r"^```py\n(.*?)^```$", text, flags=re.S | re.M)
        self.assertEqual(len(blocks), 1, "one answer example (```py) in README.md")
        out = io.StringIO()
        cwd = os.getcwd()
        os.chdir(srcdir)
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(blocks[0], "README.md", "exec"), {})
        finally:
            os.chdir(cwd)
        self.assertEqual(out.getvalue(), "active BUNDLE 0 1 2\n[]\n")


if __name__ == "__main__":
    unittest.main()
