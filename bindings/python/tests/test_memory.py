"""Stress: parsing and dropping many sessions must not grow memory."""

from __future__ import annotations

import gc
import os
import resource
import tracemalloc
import unittest

import sdpx
from helpers import WEBRTC

ROUNDS = 10000
# A leak of the C session (its arena is several KB per parse) or of the
# Python wrappers would add well over this much across ROUNDS parses.
RSS_BOUND = 24 << 20
PY_BOUND = 2 << 20


def rss_bytes() -> int:
    """Current resident set size (peak on systems without /proc)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def churn(n: int) -> None:
    data = WEBRTC.encode("ascii")
    for i in range(n):
        s = sdpx.parse(data)
        m = s.media[i % 2]
        m.attributes
        m.mid
        s.origin
        s.to_bytes()
        if i % 7 == 0:
            try:
                sdpx.parse(data[:-3] + b"\0\r\n")
            except sdpx.ParseError:
                pass
        if i % 11 == 0:
            sdpx.check(data)
        if i % 5 == 0 and hasattr(m, "add_attribute"):
            m.add_attribute("x-note", str(i))  # edits allocate in the session's arena
            m.codecs if hasattr(m, "codecs") else None
        del s, m


class TestMemory(unittest.TestCase):
    def test_parse_and_drop_does_not_grow(self) -> None:
        churn(2000)  # warm up allocator pools and caches
        gc.collect()
        tracemalloc.start()
        before_py = tracemalloc.get_traced_memory()[0]
        before = rss_bytes()
        churn(ROUNDS)
        gc.collect()
        after = rss_bytes()
        after_py = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        self.assertLess(after - before, RSS_BOUND,
                        "RSS grew by %d bytes over %d parses" % (after - before, ROUNDS))
        self.assertLess(after_py - before_py, PY_BOUND,
                        "Python heap grew by %d bytes" % (after_py - before_py))


if __name__ == "__main__":
    unittest.main()
