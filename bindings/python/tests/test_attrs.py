"""Typed attribute decoders (sdp.h section 6) and the Media views built on them."""

from __future__ import annotations

import unittest
from fractions import Fraction

import sdpx
from helpers import needs, BASIC, WEBRTC, sdp

FP_HEX = ("75:74:5A:A6:A4:E5:52:F4:A7:67:4C:01:C7:EE:91:3F:"
          "21:3D:A2:E3:53:7B:6F:30:86:F2:30:AA:65:FB:04:24")


@needs("parse_candidate")
class TestCandidate(unittest.TestCase):
    LINE = ("842163049 1 udp 1677729535 192.0.2.1 56143 typ srflx raddr 10.0.0.5 rport 56143 "
            "generation 0 network-id 1 network-cost 10")

    def test_full_candidate(self) -> None:
        c = sdpx.parse_candidate("candidate:" + self.LINE)
        assert c is not None
        self.assertEqual((c.foundation, c.component, c.transport, c.priority),
                         ("842163049", 1, "udp", 1677729535))
        self.assertEqual((c.address, c.family, c.port, c.type),
                         ("192.0.2.1", sdpx.AddrFamily.IP4, 56143, "srflx"))
        self.assertEqual((c.raddr, c.rport), ("10.0.0.5", 56143))
        self.assertEqual(c.extensions, (("generation", "0"), ("network-id", "1"),
                                        ("network-cost", "10")))
        self.assertEqual((c.generation, c.network_id, c.network_cost, c.ufrag), (0, 1, 10, None))
        self.assertIsNone(c.tcptype)

    def test_prefixes_and_trickle_forms(self) -> None:
        for text in (self.LINE, "candidate:" + self.LINE, "a=candidate:" + self.LINE,
                     "candidate:" + self.LINE + "\r\n"):
            with self.subTest(text[:12]):
                c = sdpx.parse_candidate(text)
                assert c is not None
                self.assertEqual(c.foundation, "842163049")

    def test_tcp_ipv6_mdns(self) -> None:
        c = sdpx.parse_candidate("1 1 TCP 2128609279 2001:db8::1 9 typ host tcptype active")
        assert c is not None
        self.assertEqual((c.family, c.tcptype, c.raddr), (sdpx.AddrFamily.IP6, "active", None))
        m = sdpx.parse_candidate("1 1 udp 2122260223 4f1b0a8e-d1f2.local 56143 typ host ufrag abcd")
        assert m is not None
        self.assertEqual((m.family, m.ufrag), (sdpx.AddrFamily.MDNS, "abcd"))

    def test_end_of_candidates(self) -> None:
        self.assertIsNone(sdpx.parse_candidate(""))
        self.assertIsNone(sdpx.parse_candidate("a=end-of-candidates"))

    def test_malformed(self) -> None:
        cases = ["candidate:1 1 udp 1 192.0.2.1 5000", "1 1 udp 1 192.0.2.1 70000 typ host",
                 "1 0 udp 1 192.0.2.1 5000 typ host", "x"]
        for text in cases:
            with self.subTest(text), self.assertRaises(sdpx.ParseError) as cm:
                sdpx.parse_candidate(text)
            self.assertGreaterEqual(cm.exception.column, 1)
        with self.assertRaises(sdpx.ParseError) as cm:
            sdpx.parse_candidate("1 1 udp 1 192.0.2.1 5000")
        self.assertIn("typ", cm.exception.message)

    @needs("address_family")
    def test_address_family(self) -> None:
        self.assertEqual(sdpx.address_family("10.0.0.1"), sdpx.AddrFamily.IP4)
        self.assertEqual(sdpx.address_family("::1"), sdpx.AddrFamily.IP6)
        self.assertEqual(sdpx.address_family("example.com"), sdpx.AddrFamily.FQDN)
        with self.assertRaises(sdpx.ParseError):
            sdpx.address_family("300.1.1.1 x")


class TestDecoders(unittest.TestCase):
    @needs("parse_ice_ufrag", "parse_ice_pwd", "parse_ice_options", "parse_ice_pacing", "parse_remote_candidates")
    def test_ice(self) -> None:
        self.assertEqual(sdpx.parse_ice_ufrag("4ZcD"), "4ZcD")
        self.assertEqual(sdpx.parse_ice_pwd("2/1muCWoOi3uLifh0NuRHlQa"), "2/1muCWoOi3uLifh0NuRHlQa")
        self.assertEqual(sdpx.parse_ice_options("trickle ice2"), ("trickle", "ice2"))
        if hasattr(sdpx, "ice_options_has"):
            self.assertTrue(sdpx.ice_options_has("trickle ice2", "ice2"))
            self.assertFalse(sdpx.ice_options_has("trickle", "ice2"))
        self.assertEqual(sdpx.parse_ice_pacing("50"), 50)
        self.assertEqual(sdpx.parse_remote_candidates("1 192.0.2.3 45664 2 192.0.2.3 45665"),
                         [sdpx.RemoteCandidate(1, "192.0.2.3", sdpx.AddrFamily.IP4, 45664),
                          sdpx.RemoteCandidate(2, "192.0.2.3", sdpx.AddrFamily.IP4, 45665)])
        for fn, bad in ((sdpx.parse_ice_ufrag, "abc"), (sdpx.parse_ice_pwd, "short")):
            with self.subTest(bad), self.assertRaises(sdpx.ParseError):
                fn(bad)

    @needs("parse_fingerprint", "parse_setup")
    def test_dtls(self) -> None:
        f = sdpx.parse_fingerprint("sha-256 " + FP_HEX)
        self.assertEqual(f.hash_name, "sha-256")
        self.assertEqual(f.digest, bytes.fromhex(FP_HEX.replace(":", "")))
        self.assertEqual(f.hex, FP_HEX)
        with self.assertRaises(sdpx.ParseError):
            sdpx.parse_fingerprint("sha-256 75:74")  # 2 bytes, sha-256 has 32
        self.assertEqual(sdpx.parse_setup("actpass"), "actpass")
        with self.assertRaises(sdpx.ParseError):
            sdpx.parse_setup("both")

    @needs("parse_crypto")
    def test_crypto(self) -> None:
        # RFC 4568 9.1 example
        c = sdpx.parse_crypto("1 AES_CM_128_HMAC_SHA1_80 "
                              "inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4")
        self.assertEqual((c.tag, c.suite), (1, "AES_CM_128_HMAC_SHA1_80"))
        self.assertEqual(c.keys, (sdpx.CryptoKey("inline",
                                                 "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4",
                                                 "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR",
                                                 "2^20", "1:4"),))
        self.assertEqual(c.session_params, ())

    @needs("parse_sctp_port", "parse_max_message_size", "parse_sctpmap")
    def test_sctp(self) -> None:
        self.assertEqual(sdpx.parse_sctp_port("5000"), 5000)
        self.assertEqual(sdpx.parse_max_message_size("262144"), 262144)
        self.assertEqual(sdpx.parse_sctpmap("5000 webrtc-datachannel 1024"),
                         sdpx.Sctpmap(5000, "webrtc-datachannel", 1024))
        self.assertEqual(sdpx.parse_sctpmap("5000 webrtc-datachannel"),
                         sdpx.Sctpmap(5000, "webrtc-datachannel", None))

    @needs("parse_group", "parse_mid")
    def test_group_mid(self) -> None:
        self.assertEqual(sdpx.parse_group("BUNDLE 0 1 2"), sdpx.Group("BUNDLE", ("0", "1", "2")))
        self.assertEqual(sdpx.parse_mid("audio"), "audio")

    @needs("parse_rtpmap", "parse_fmtp", "parse_params", "parse_rtcp_fb", "parse_extmap", "parse_rtcp", "parse_decimal", "parse_quality", "parse_direction")
    def test_rtp(self) -> None:
        self.assertEqual(sdpx.parse_rtpmap("111 opus/48000/2"), sdpx.Rtpmap(111, "opus", 48000, 2))
        self.assertEqual(sdpx.parse_rtpmap("96 VP8/90000"), sdpx.Rtpmap(96, "VP8", 90000, None))
        f = sdpx.parse_fmtp("111 minptime=10;useinbandfec=1")
        self.assertEqual((f.format, f.payload_type, f.params), ("111", 111, "minptime=10;useinbandfec=1"))
        self.assertEqual(f.parameters, {"minptime": "10", "useinbandfec": "1"})
        self.assertEqual(sdpx.parse_fmtp("63 111/111").parameters, {"111/111": None})
        self.assertEqual(sdpx.parse_params("a=1; b ;c=x"), {"a": "1", "b": None, "c": "x"})
        self.assertEqual(sdpx.parse_rtcp_fb("96 nack pli"), sdpx.RtcpFb(96, "nack", "pli"))
        self.assertEqual(sdpx.parse_rtcp_fb("* ccm fir"), sdpx.RtcpFb(None, "ccm", "fir"))
        self.assertEqual(str(sdpx.parse_rtcp_fb("96 nack pli")), "nack pli")
        self.assertEqual(sdpx.parse_extmap("2/sendonly urn:x:y"), sdpx.Extmap(2, "urn:x:y", "sendonly"))
        self.assertEqual(sdpx.parse_rtcp("9 IN IP4 0.0.0.0"), sdpx.Rtcp(9, "IN", "IP4", "0.0.0.0"))
        self.assertEqual(sdpx.parse_rtcp("53020"), sdpx.Rtcp(53020))
        d = sdpx.parse_decimal("29.97")
        self.assertEqual((d.num, d.den, d.decimals, d.value), (2997, 100, 2, Fraction(2997, 100)))
        self.assertAlmostEqual(float(d), 29.97)
        self.assertEqual(sdpx.parse_quality("10"), 10)
        self.assertEqual(sdpx.parse_direction("recvonly"), "recvonly")
        for fn, bad in ((sdpx.parse_rtpmap, "128 x/1"), (sdpx.parse_rtpmap, "96 VP8"),
                        (sdpx.parse_decimal, "0"), (sdpx.parse_quality, "11"),
                        (sdpx.parse_direction, "both")):
            with self.subTest(bad), self.assertRaises(sdpx.ParseError):
                fn(bad)

    @needs("static_payload_type")
    def test_static_payload_type(self) -> None:
        # RFC 3551 table 4: PCMU 8000 Hz, 1 channel; table 5: H263 video, no channels
        self.assertEqual(sdpx.static_payload_type(0), sdpx.Rtpmap(0, "PCMU", 8000, 1))
        self.assertEqual(sdpx.static_payload_type(34), sdpx.Rtpmap(34, "H263", 90000, None))
        self.assertIsNone(sdpx.static_payload_type(96))

    @needs("parse_ssrc", "parse_ssrc_group", "parse_msid", "parse_msid_semantic")
    def test_streams(self) -> None:
        self.assertEqual(sdpx.parse_ssrc("1001 cname:x9Fk"), sdpx.Ssrc(1001, "cname", "x9Fk"))
        self.assertEqual(sdpx.parse_ssrc("1001 msid:s t"), sdpx.Ssrc(1001, "msid", "s t"))
        self.assertEqual(sdpx.parse_ssrc_group("FID 1001 1002"), sdpx.SsrcGroup("FID", (1001, 1002)))
        self.assertEqual(sdpx.parse_msid("stream1 audio1"), sdpx.Msid("stream1", "audio1"))
        self.assertEqual(sdpx.parse_msid("stream1"), sdpx.Msid("stream1", None))
        self.assertEqual(sdpx.parse_msid_semantic(" WMS stream1"), sdpx.MsidSemantic("WMS", ("stream1",)))
        self.assertEqual(sdpx.parse_msid_semantic("WMS *"), sdpx.MsidSemantic("WMS", (), True))
        with self.assertRaises(sdpx.ParseError):
            sdpx.parse_ssrc_group("FID 1001 x")

    @needs("parse_rid", "parse_simulcast")
    def test_simulcast(self) -> None:
        r = sdpx.parse_rid("h send pt=96,97;max-width=1280")
        self.assertEqual(r, sdpx.Rid("h", "send", (96, 97), {"max-width": "1280"}))
        self.assertEqual(sdpx.parse_rid("l recv"), sdpx.Rid("l", "recv"))
        S = sdpx.SimulcastRid
        self.assertEqual(sdpx.parse_simulcast("send h;~l recv c"),
                         sdpx.Simulcast(((S("h"),), (S("l", True),)), ((S("c"),),)))
        self.assertEqual(sdpx.parse_simulcast("recv 1,~4;2").recv, ((S("1"), S("4", True)), (S("2"),)))
        self.assertTrue(sdpx.parse_simulcast("recv 1 send 2").recv_first)
        # the draft form older browsers wrote
        self.assertEqual(sdpx.parse_simulcast(" send rid=1,4;2 paused=4").send,
                         ((S("1"), S("4", True)), (S("2"),)))


class TestMediaViews(unittest.TestCase):
    def setUp(self) -> None:
        self.s = sdpx.parse(WEBRTC)
        self.audio, self.video = self.s.media

    @needs("Media.codecs", "Media.codec")
    def test_codecs(self) -> None:
        opus, red, pcmu = self.audio.codecs
        self.assertEqual(opus, sdpx.Codec(111, "opus", 48000, 2, {"minptime": "10", "useinbandfec": "1"},
                                          (sdpx.RtcpFb(111, "transport-cc"),)))
        self.assertEqual((red.encoding, red.params), ("red", {"111/111": None}))
        self.assertEqual((pcmu.payload_type, pcmu.encoding, pcmu.clock_rate, pcmu.is_static), (0, "PCMU", 8000, False))
        vp8, rtx = self.video.codecs
        self.assertEqual([str(f) for f in vp8.feedback], ["nack", "nack pli"])
        self.assertEqual((vp8.rtx_payload_type, rtx.apt, rtx.encoding), (97, 96, "rtx"))
        self.assertEqual(self.video.codec(97), rtx)
        self.assertIsNone(self.video.codec(98))
        with self.assertRaises(ValueError):
            self.video.codec(200)

    @needs("Media.codecs")
    def test_static_codec_without_rtpmap(self) -> None:
        s = sdpx.parse(sdp("v=0", "o=- 1 1 IN IP4 h", "s=-", "t=0 0", "m=audio 9 RTP/AVP 8"))
        (c,) = s.media[0].codecs
        self.assertEqual((c.payload_type, c.encoding, c.clock_rate, c.is_static), (8, "PCMA", 8000, True))
        d = sdpx.parse(sdp("v=0", "o=- 1 1 IN IP4 h", "s=-", "t=0 0",
                           "m=application 9 UDP/DTLS/SCTP webrtc-datachannel"))
        self.assertEqual(d.media[0].codecs, [])

    @needs("Media.ice_ufrag", "Media.ice_pwd", "Media.fingerprints", "Media.setup", "Media.candidates", "Media.ice_options", "parse_fingerprint")
    def test_ice_dtls(self) -> None:
        self.assertEqual((self.audio.ice_ufrag, self.audio.ice_pwd), ("4ZcD", "2/1muCWoOi3uLifh0NuRHlQa"))
        self.assertEqual(self.audio.fingerprints, [sdpx.parse_fingerprint("sha-256 " + FP_HEX)])
        self.assertEqual(self.video.fingerprints, [])
        self.assertEqual(self.audio.setup, "actpass")
        self.assertEqual([c.type for c in self.audio.candidates], ["srflx", "host"])
        self.assertEqual(self.video.candidates, [])
        self.assertFalse(self.audio.end_of_candidates)
        self.assertEqual(self.audio.ice_options, ())

    @needs("Media.ice_ufrag", "Media.ice_pwd", "Media.setup", "Media.ice_options", "Media.fingerprints")
    def test_session_level_fallback(self) -> None:
        s = sdpx.parse(sdp("v=0", "o=- 1 1 IN IP4 h", "s=-", "t=0 0", "a=ice-ufrag:sess",
                           "a=ice-pwd:sessionpasswordsessionpw", "a=ice-options:trickle",
                           "a=setup:passive", "a=fingerprint:sha-256 " + FP_HEX,
                           "m=audio 9 UDP/TLS/RTP/SAVPF 0"))
        m = s.media[0]
        self.assertEqual((m.ice_ufrag, m.ice_pwd, m.setup), ("sess", "sessionpasswordsessionpw", "passive"))
        self.assertEqual(m.ice_options, ("trickle",))
        self.assertEqual(len(m.fingerprints), 1)

    @needs("Media.ssrcs", "Media.cname", "Media.msid", "Media.rids", "Media.simulcast")
    def test_streams_and_simulcast(self) -> None:
        self.assertEqual(self.audio.ssrcs, [sdpx.Ssrc(1001, "cname", "x9Fk3nD2pQ7sLm4w")])
        self.assertEqual(self.audio.cname, "x9Fk3nD2pQ7sLm4w")
        self.assertIsNone(self.video.cname)
        self.assertIsNone(self.audio.msid)
        self.assertEqual([r.id for r in self.video.rids], ["h", "l"])
        sc = self.video.simulcast
        assert sc is not None
        self.assertEqual(sc.send, ((sdpx.SimulcastRid("h"),), (sdpx.SimulcastRid("l"),)))
        self.assertIsNone(self.audio.simulcast)

    @needs("Media.extmaps", "Media.rtcp", "Media.direction")
    def test_rtp_views(self) -> None:
        self.assertEqual(self.audio.extmaps, [sdpx.Extmap(1, "urn:ietf:params:rtp-hdrext:ssrc-audio-level")])
        self.assertEqual(self.audio.rtcp, sdpx.Rtcp(9, "IN", "IP4", "0.0.0.0"))
        self.assertTrue(self.audio.rtcp_mux)
        self.assertIsNone(self.video.rtcp)
        self.assertEqual(self.audio.direction, "sendrecv")
        self.assertEqual(self.video.direction, "sendonly")

    @needs("Session.groups", "Session.group_of", "Session.media_by_mid", "Session.msid_semantic", "Session.ice_lite")
    def test_session_views(self) -> None:
        self.assertEqual(self.s.groups, [sdpx.Group("BUNDLE", ("0", "1"))])
        self.assertEqual(self.s.group_of("1"), sdpx.Group("BUNDLE", ("0", "1")))
        self.assertIsNone(self.s.group_of("9"))
        self.assertEqual(self.s.media_by_mid("1"), self.video)
        self.assertIsNone(self.s.media_by_mid("nope"))
        self.assertEqual(self.s.msid_semantic, sdpx.MsidSemantic("WMS", ("stream1",)))
        self.assertFalse(self.s.ice_lite)
        self.assertTrue(sdpx.parse(BASIC).ice_lite)

    @needs("Media.sctp_port", "Media.max_message_size", "Media.ptime", "Media.crypto")
    def test_data_channel_views(self) -> None:
        s = sdpx.parse(sdp("v=0", "o=- 1 1 IN IP4 h", "s=-", "t=0 0",
                           "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
                           "a=sctp-port:5000", "a=max-message-size:262144", "a=ptime:20"))
        m = s.media[0]
        self.assertEqual((m.sctp_port, m.max_message_size), (5000, 262144))
        self.assertEqual(m.ptime, sdpx.Decimal(20, 1, 0))
        self.assertEqual(m.crypto, [])

    @needs("Media.ssrcs")
    def test_malformed_line_names_its_line(self) -> None:
        s = sdpx.parse(sdp("v=0", "o=- 1 1 IN IP4 h", "s=-", "t=0 0", "m=audio 9 RTP/AVP 0",
                           "a=ssrc:notanumber cname:x"))
        with self.assertRaises(sdpx.ParseError) as cm:
            s.media[0].ssrcs
        self.assertEqual(cm.exception.line, 6)
        if hasattr(sdpx.Media, "fingerprints"):
            s = sdpx.parse(sdp("v=0", "o=- 1 1 IN IP4 h", "s=-", "t=0 0", "a=fingerprint:sha-256 AB",
                               "m=audio 9 RTP/AVP 0"))
            with self.assertRaises(sdpx.ParseError) as cm:
                s.media[0].fingerprints
            self.assertEqual(cm.exception.line, 5)


@unittest.skipUnless(hasattr(sdpx.Session, "validate"), "sdpx_validate not in the library")
class TestValidate(unittest.TestCase):
    def test_clean_offer(self) -> None:
        self.assertEqual(sdpx.parse(WEBRTC).validate(), [])

    def test_findings(self) -> None:
        s = sdpx.parse(sdp("v=0", "o=- 1 1 IN IP4 h", "s=-", "t=0 0", "a=group:BUNDLE a z",
                           "m=audio 9 RTP/AVP 0", "a=mid:a", "a=rtpmap:96 opus/48000/2"))
        codes = {d.code for d in s.validate()}
        self.assertIn(sdpx.Code.EV_GROUP_MID_UNKNOWN, codes)
        self.assertIn(sdpx.Code.EV_PT_NOT_IN_MLINE, codes)


if __name__ == "__main__":
    unittest.main()


class TestEncoders(unittest.TestCase):
    """to_value() writes what the decoder read (canonical values, RFC forms)."""

    CASES = [
        ("parse_rtpmap", "111 opus/48000/2"), ("parse_rtpmap", "96 VP8/90000"),
        ("parse_fmtp", "111 minptime=10;useinbandfec=1"), ("parse_rtcp_fb", "* ccm fir"),
        ("parse_rtcp_fb", "96 nack"), ("parse_extmap", "2/sendonly urn:x:y"),
        ("parse_rtcp", "9 IN IP4 0.0.0.0"), ("parse_rtcp", "53020"), ("parse_decimal", "29.97"),
        ("parse_ssrc", "1001 msid:s t"), ("parse_ssrc", "1001 cname:x"),
        ("parse_ssrc_group", "FID 1 2"), ("parse_msid", "s t"), ("parse_msid_semantic", "WMS *"),
        ("parse_rid", "h send pt=96,97;max-width=1280"), ("parse_rid", "l recv"),
        ("parse_simulcast", "send h;~l recv c"), ("parse_group", "BUNDLE 0 1"),
        ("parse_sctpmap", "5000 webrtc-datachannel 1024"),
        ("parse_fingerprint", "sha-256 " + FP_HEX),
        ("parse_crypto", "1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4"),
        ("parse_candidate", "842163049 1 udp 1677729535 192.0.2.1 56143 typ srflx raddr 10.0.0.5 "
                            "rport 56143 generation 0"),
        ("parse_candidate", "1 1 TCP 2128609279 2001:db8::1 9 typ host tcptype active"),
    ]

    def test_round_trip(self) -> None:
        for fn, value in self.CASES:
            with self.subTest(value):
                if not hasattr(sdpx, fn):
                    self.skipTest("%s not in the library" % fn)
                obj = getattr(sdpx, fn)(value)
                if not hasattr(obj, "to_value"):
                    self.skipTest("no encoder for %s" % type(obj).__name__)
                self.assertEqual(obj.to_value(), value)

    @needs("Rtpmap.to_value", "Ssrc.to_value", "Group.to_value")
    def test_built_by_hand(self) -> None:
        self.assertEqual(sdpx.Rtpmap(97, "rtx", 90000).to_value(), "97 rtx/90000")
        self.assertEqual(sdpx.Ssrc(5, "cname", "abc").to_value(), "5 cname:abc")
        self.assertEqual(sdpx.Group("BUNDLE", ("a", "b")).to_value(), "BUNDLE a b")

    @needs("Rtpmap.to_value", "Ssrc.to_value")
    def test_encoders_refuse_injection(self) -> None:
        for obj in (sdpx.Rtpmap(97, "rtx\r\na=evil", 90000), sdpx.Ssrc(5, "cname", "a\nb"),
                    sdpx.Rtpmap(97, "x\0y", 1)):
            with self.subTest(obj), self.assertRaises(ValueError):
                obj.to_value()
        with self.assertRaises(ValueError):
            sdpx.Rtpmap(-1, "x", 1).to_value()


class TestSmallHelpers(unittest.TestCase):
    @needs("Fmtp.get")
    def test_fmtp_get_ignores_case(self) -> None:
        f = sdpx.parse_fmtp("98 Profile-Level-Id=42e01f;packetization-mode=1")
        self.assertEqual(f.get("profile-level-id"), "42e01f")  # type: ignore[attr-defined]
        self.assertIsNone(f.get("level-asymmetry-allowed"))  # type: ignore[attr-defined]

    @needs("Group.has")
    def test_group_has(self) -> None:
        g = sdpx.Group("BUNDLE", ("a", "b"))
        self.assertTrue(g.has("b"))  # type: ignore[attr-defined]
        self.assertFalse(g.has("c"))  # type: ignore[attr-defined]

    @needs("hash_len")
    def test_hash_len(self) -> None:
        # RFC 8122 5 / the digests' sizes
        self.assertEqual([sdpx.hash_len(h) for h in ("md5", "SHA-1", "sha-256", "sha-512", "x")],
                         [16, 20, 32, 64, 0])

    @needs("attr_kind_name", "split_attribute")
    def test_names_and_split(self) -> None:
        self.assertEqual(sdpx.attr_kind_name(sdpx.AttrKind.RTPMAP), "rtpmap")
        self.assertIsNone(sdpx.attr_kind_name(sdpx.AttrKind.OTHER))
        self.assertEqual(sdpx.split_attribute("rtpmap:96 VP8/90000"), ("rtpmap", "96 VP8/90000"))
        self.assertEqual(sdpx.split_attribute("rtcp-mux"), ("rtcp-mux", None))
        self.assertEqual(sdpx.split_attribute("x:"), ("x", ""))

    @needs("RemoteCandidate.to_value")
    def test_remote_candidate_encoder(self) -> None:
        rc = sdpx.RemoteCandidate(1, "192.0.2.3", sdpx.AddrFamily.IP4, 45664)
        self.assertEqual(rc.to_value(), "1 192.0.2.3 45664")  # type: ignore[attr-defined]
