"""Time sdpx.parse of a typical ~5 KB WebRTC offer from Python.

    python3 bench/python_parse.py [FILE]

Without FILE, the offer is examples/offer.sdp with its video section
repeated until the text is about 5 KB (browser offers with a few
transceivers are that size). Prints microseconds per parse (best of 5).
Run it with the package importable: installed, or PYTHONPATH pointing at a
built tree (bindings/python/_build in the build directory).
"""

from __future__ import annotations

import os
import sys
import timeit

import sdpx

HERE = os.path.dirname(os.path.abspath(__file__))


def typical_offer() -> bytes:
    """examples/offer.sdp grown to about 5 KB with more video sections."""
    with open(os.path.join(HERE, "..", "examples", "offer.sdp"), "rb") as f:
        text = f.read().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    start = text.index(b"m=video")
    end = text.index(b"m=application")
    video = text[start:end]
    out, mid = text, 3
    while len(out) + len(video) <= 5200:
        out += video.replace(b"a=mid:1\r\n", b"a=mid:%d\r\n" % mid)
        mid += 1
    return out


def main() -> None:
    if len(sys.argv) > 1:
        with open(sys.argv[1], "rb") as f:
            data = f.read()
    else:
        data = typical_offer()
    s = sdpx.parse(data)
    n = 20000
    best = min(timeit.repeat(lambda: sdpx.parse(data), number=n, repeat=5)) / n
    warn = min(timeit.repeat(lambda: sdpx.parse(data, warnings=True), number=n,
                             repeat=5)) / n
    walk = min(timeit.repeat(lambda: [m.mid for m in sdpx.parse(data).media],
                             number=n // 10, repeat=3)) / (n // 10)
    # the C parse alone through cffi, to show what the Python layer adds
    from sdpx._base import ffi, lib
    out, err = ffi.new("sdpx_session **"), ffi.new("sdpx_error *")

    def raw() -> None:
        lib.sdpx_parse(data, len(data), ffi.NULL, out, err)
        lib.sdpx_session_free(out[0])
    c_only = min(timeit.repeat(raw, number=n, repeat=5)) / n
    print("input: %d bytes, %d lines, %d media sections" % (
        len(data), data.count(b"\n"), len(s.media)))
    print("sdpx.parse: %.2f us per parse" % (best * 1e6))
    print("sdpx_parse + sdpx_session_free through cffi: %.2f us" % (c_only * 1e6))
    print("sdpx.parse(warnings=True): %.2f us per parse" % (warn * 1e6))
    print("sdpx.parse + mid of every section: %.2f us" % (walk * 1e6))


if __name__ == "__main__":
    main()
