"""sdpx.diff and sdpx.JsepTracker: typed changes and signaling steps."""

from __future__ import annotations

import unittest

import sdpx


def desc(version: int = 1, ufrag: str = "uf00", pwd: str = "pw0000000000000000000000",
         video_port: int = 9, setup: str = "actpass", sess_id: int = 42,
         video_mid: str = "1") -> str:
    return "\r\n".join([
        "v=0", "o=- %d %d IN IP4 127.0.0.1" % (sess_id, version), "s=-", "t=0 0",
        "a=group:BUNDLE 0 %s" % video_mid,
        "m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=mid:0", "a=ice-ufrag:" + ufrag, "a=ice-pwd:" + pwd,
        "a=setup:" + setup, "a=rtpmap:111 opus/48000/2",
        "m=video %d UDP/TLS/RTP/SAVPF 96" % video_port, "a=mid:" + video_mid,
        "a=ice-ufrag:" + ufrag, "a=ice-pwd:" + pwd, "a=setup:" + setup, "a=rtpmap:96 VP8/90000",
    ]) + "\r\n"


class TestDiff(unittest.TestCase):
    def test_identical(self) -> None:
        self.assertEqual(sdpx.diff(desc(), desc()), [])

    def test_ice_restart_by_password_alone(self) -> None:
        changes = sdpx.diff(desc(), desc(version=2, pwd="pw1111111111111111111111"))
        self.assertEqual(changes, [
            sdpx.Change("version-bumped", None, "", "1", "2"),
            sdpx.Change("ice-restart", 0, "0", "uf00", "uf00"),
            sdpx.Change("ice-restart", 1, "1", "uf00", "uf00"),
        ])
        self.assertEqual(str(changes[1]), "ice-restart m=0 mid=0: uf00 -> uf00")
        self.assertEqual(str(changes[0]), "version-bumped session: 1 -> 2")

    def test_sessions_and_text_alike(self) -> None:
        old = sdpx.parse(desc())
        changes = sdpx.diff(old, desc(video_port=0).encode())
        self.assertEqual([(c.kind, c.section, c.old_text, c.new_text) for c in changes],
                         [("version-not-bumped", None, "1", "1"), ("media-rejected", 1, "9", "0")])

    def test_recycled_and_setup(self) -> None:
        changes = sdpx.diff(desc(video_port=0), desc(version=2, video_mid="v", setup="passive"))
        self.assertEqual([str(c) for c in changes], [
            "version-bumped session: 1 -> 2",
            "bundle session: 0 1 -> 0 v",
            "setup m=0 mid=0: actpass -> passive",
            "media-recycled m=1 mid=v: 1 -> v",
        ])

    def test_bad_text_raises(self) -> None:
        with self.assertRaises(sdpx.ParseError):
            sdpx.diff(desc(), "v=1\r\n")


class TestJsepTracker(unittest.TestCase):
    def test_offer_answer(self) -> None:
        j = sdpx.JsepTracker()
        self.assertEqual(j.state, "stable")
        j.set_local("offer", desc())
        self.assertEqual(j.state, "have-local-offer")
        self.assertIsNone(j.current_local)
        pending = j.pending_local
        assert pending is not None
        self.assertEqual(int(pending.origin.sess_id), 42)
        j.set_remote("answer", sdpx.parse(desc(sess_id=7, setup="active")))
        self.assertEqual(j.state, "stable")
        self.assertIsNone(j.pending_local)
        remote = j.current_remote
        assert remote is not None
        self.assertEqual(int(remote.origin.sess_id), 7)
        self.assertEqual(repr(j), "JsepTracker(state='stable')")

    def test_refusals(self) -> None:
        j = sdpx.JsepTracker()
        with self.assertRaises(sdpx.JsepError) as cm:
            j.set_remote("answer", desc())
        self.assertEqual(cm.exception.code, sdpx.Code.EJSEP_STATE)
        self.assertIn("not allowed in state stable", cm.exception.message)
        j.set_remote("offer", desc())
        with self.assertRaises(sdpx.JsepError) as cm:
            j.set_local("answer", desc(sess_id=7, setup="actpass"))
        self.assertEqual(cm.exception.code_name, "SDPX_EJSEP_SETUP")
        self.assertEqual(cm.exception.line, 6)  # the first m= line
        self.assertEqual(j.state, "have-remote-offer")
        j.set_local("rollback")
        self.assertEqual(j.state, "stable")
        self.assertIsNone(j.pending_remote)
        with self.assertRaises(ValueError):
            j.set_local("offer")
        with self.assertRaises(ValueError):
            j.set_local("bogus", desc())

    def test_reoffer_must_bump(self) -> None:
        j = sdpx.JsepTracker()
        j.set_local("offer", desc())
        j.set_remote("answer", desc(sess_id=7, setup="active"))
        with self.assertRaises(sdpx.JsepError) as cm:
            j.set_local("offer", desc(ufrag="uf99"))
        self.assertEqual(cm.exception.code, sdpx.Code.EJSEP_VERSION)
        j.set_local("offer", desc(version=2, ufrag="uf99"))
        self.assertEqual(j.state, "have-local-offer")


if __name__ == "__main__":
    unittest.main()
