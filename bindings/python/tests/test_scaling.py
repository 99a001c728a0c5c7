"""The Python codec walk (Media.codecs) is linear in the formats: counted in calls
into the C library, at 1x, 4x and 16x. The C side of each of those calls is
counted in operations by tests/test_scaling ("codec walk"), which makes the
same calls."""

from __future__ import annotations

import unittest
from typing import Any, Dict

import sdpx
import sdpx._attrs
import sdpx._session


class CountingLib:
    """Forwards to the real cffi lib and counts every function called."""

    def __init__(self, lib: Any) -> None:
        self._lib = lib
        self.calls: Dict[str, int] = {}

    def __getattr__(self, name: str) -> Any:
        target = getattr(self._lib, name)
        if not callable(target):
            return target

        def counted(*args: Any) -> Any:
            self.calls[name] = self.calls.get(name, 0) + 1
            return target(*args)

        return counted


def formats(n: int) -> str:
    """One m= line with n formats (32 payload types repeating), n other lines, and each
    type's rtpmap, fmtp and one rtcp-fb line (the shape of tests/scaling_shapes.h)."""
    pts = [96 + i % 32 for i in range(n)]
    lines = ["v=0", "o=- 1 1 IN IP4 192.0.2.1", "s=-", "t=0 0",
             "m=video 9 UDP/TLS/RTP/SAVPF " + " ".join(str(p) for p in pts)]
    lines += ["a=x-filler:%d" % i for i in range(n)]
    for p in range(96, 128):
        lines += ["a=rtpmap:%d VP8/90000" % p, "a=fmtp:%d x=%d" % (p, p), "a=rtcp-fb:%d nack" % p]
    return "\r\n".join(lines) + "\r\n"


def calls_of_walk(n: int) -> int:
    s = sdpx.parse(formats(n))
    m = s.media[0]
    real = sdpx._session.lib
    counting = CountingLib(real)
    sdpx._session.lib = counting
    sdpx._attrs.lib = counting
    try:
        codecs = m.codecs
    finally:
        sdpx._session.lib = real
        sdpx._attrs.lib = real
    assert len(codecs) == n
    return sum(counting.calls.values())


class TestCodecWalkScales(unittest.TestCase):
    def test_calls_grow_linearly(self) -> None:
        base = 64
        c1, c4, c16 = (calls_of_walk(base * k) for k in (1, 4, 16))
        self.assertGreater(c1, 0)
        for c, k in ((c4, 4), (c16, 16)):
            self.assertLessEqual(c, c1 * k * 1.5, "calls %d at %dx vs %d at 1x" % (c, k, c1))


if __name__ == "__main__":
    unittest.main()
