"""Mutated descriptions through every accessor and a few edits: answers or
ParseError/ValueError, never a crash, and what is written parses again."""

from __future__ import annotations

import random
import unittest

import sdpx
from helpers import WEBRTC

ROUNDS = 1500

SESSION_VIEWS = ("origin", "name", "timing", "connection", "bandwidths", "attributes", "lines",
                 "groups", "msid_semantic", "ice_lite", "info", "key")
MEDIA_VIEWS = ("mline", "mid", "connection", "bandwidths", "attributes", "lines", "direction",
               "codecs", "candidates", "fingerprints", "setup", "ice_ufrag", "ice_pwd",
               "ice_options", "ssrcs", "ssrc_groups", "msid", "cname", "rids", "simulcast",
               "extmaps", "rtcp", "rtcp_mux", "ptime", "sctp_port", "max_message_size", "crypto",
               "info", "key")


def mutate(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(4)
        i = rng.randrange(len(b)) if b else 0
        if op == 0 and b:
            del b[i:i + rng.randint(1, 8)]
        elif op == 1:
            b[i:i] = bytes(rng.choice(b" :;/=~*,0123456789abcAZ-\t") for _ in range(rng.randint(1, 4)))
        elif op == 2 and b:
            b[i] = rng.randrange(32, 127)
        else:  # duplicate a line
            lines = bytes(b).split(b"\r\n")
            j = rng.randrange(len(lines))
            lines.insert(rng.randrange(len(lines)), lines[j])
            b = bytearray(b"\r\n".join(lines))
    return bytes(b)


def read(obj: object, names: tuple) -> None:
    for n in names:
        if hasattr(type(obj), n):
            try:
                getattr(obj, n)
            except sdpx.ParseError:
                pass


class TestRobust(unittest.TestCase):
    def test_mutations(self) -> None:
        rng = random.Random(8866)
        parsed = 0
        base = WEBRTC.encode()
        for _ in range(ROUNDS):
            data = mutate(rng, base)
            try:
                s = sdpx.parse(data)
            except sdpx.ParseError as e:
                self.assertLess(e.code, 0)
                continue
            parsed += 1
            read(s, SESSION_VIEWS)
            for m in s.media:
                read(m, MEDIA_VIEWS)
            if hasattr(sdpx.Session, "validate"):
                s.validate()
            m = s.media[0] if len(s.media) else None
            for edit in (lambda: m.remove_codec("opus"), lambda: setattr(m, "direction", "inactive"),
                         lambda: m.add_candidate("candidate:1 1 udp 1 192.0.2.1 9 typ host"),
                         lambda: s.bump_version(), lambda: s.redact()):
                try:
                    if m is not None:
                        edit()
                except (ValueError, AttributeError):
                    pass  # refused, or not in this build of the library
            out = s.to_bytes()
            self.assertEqual(sdpx.parse(out).to_bytes(), out)
        self.assertGreater(parsed, ROUNDS // 10)


if __name__ == "__main__":
    unittest.main()
