"""JSON in sdp-transform's shape: Session.to_dict/to_json, sdpx.from_dict/from_json."""

from __future__ import annotations

import json
import unittest

import sdpx
from helpers import sdp

TEXT = sdp("v=0", "s=-", "t=0 0", "m=audio 9 RTP/AVP 0", "a=mid:a")
SHAPE = {"version": 0, "name": "-", "timing": {"start": 0, "stop": 0},
         "media": [{"rtp": [], "fmtp": [], "type": "audio", "port": 9,
                    "protocol": "RTP/AVP", "payloads": 0, "mid": "a"}]}


class TestJson(unittest.TestCase):
    def test_to_dict(self) -> None:
        self.assertEqual(sdpx.parse(TEXT).to_dict(), SHAPE)
        # the dict is plain JSON data
        self.assertEqual(json.loads(json.dumps(sdpx.parse(TEXT).to_dict())), SHAPE)

    def test_to_json(self) -> None:
        s = sdpx.parse(TEXT)
        self.assertEqual(json.loads(s.to_json()), SHAPE)
        self.assertTrue(s.to_json(pretty=True).startswith('{\n  "version": 0,\n'))

    def test_from_dict_and_back(self) -> None:
        s = sdpx.from_dict(SHAPE)
        self.assertEqual(str(s), TEXT)
        self.assertEqual(sdpx.from_json(json.dumps(SHAPE)).to_dict(), SHAPE)

    def test_lossless(self) -> None:
        d = {"media": [{"type": "audio", "port": 9, "protocol": "RTP/AVP", "payloads": 0,
                        "msid": [{"id": "s"}]}]}
        # as sdp-transform's write() does, and the correct reading
        self.assertIn("a=msid:s undefined\r\n", str(sdpx.from_dict(d)))
        self.assertIn("a=msid:s\r\n", str(sdpx.from_dict(d, lossless=True)))
        s = sdpx.parse(sdp("v=0", "s=-", "t=0 0", "m=audio 9 RTP/AVP 0",
                           "a=ice-options:trickle renomination"))
        self.assertEqual(s.to_dict()["media"][0]["iceOptions"], "trickle")
        self.assertEqual(s.to_dict(lossless=True)["media"][0]["invalid"],
                         [{"value": "ice-options:trickle renomination"}])

    def test_errors(self) -> None:
        with self.assertRaises(sdpx.ParseError) as cm:
            sdpx.from_json('{"media":[{"rtp":[{"payload":true}]}]}')
        e = cm.exception
        self.assertEqual(e.code, sdpx.Code.EJSON_SHAPE)
        self.assertEqual(e.message, "media[0].rtp[0].payload: expected a number (JSON at byte 29)")
        self.assertEqual((e.line, e.column), (1, 30))
        with self.assertRaises(sdpx.ParseError) as cm:
            sdpx.from_json('{"media":[')
        self.assertEqual(cm.exception.code, sdpx.Code.EJSON)
        with self.assertRaises(sdpx.ParseError):
            sdpx.from_dict({"name": "a\r\nb", "media": []})  # no line injection


if __name__ == "__main__":
    unittest.main()
