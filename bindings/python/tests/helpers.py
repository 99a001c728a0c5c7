"""Shared inputs of the Python tests."""

from __future__ import annotations

import os
import unittest
from typing import Any, Callable, Optional, TypeVar

T = TypeVar("T")

CRLF = "\r\n"


def sdp(*lines: str) -> str:
    """Lines joined with CRLF, each ending in CRLF (RFC 8866 5)."""
    return "".join(l + CRLF for l in lines)


# A description written by hand from RFC 8866 section 5 examples.
BASIC = sdp(
    "v=0",
    "o=alice 2890844526 2890844527 IN IP4 host.example.com",
    "s=Talk",
    "c=IN IP4 192.0.2.10",
    "b=AS:256",
    "t=2873397496 2873404696",
    "a=group:BUNDLE a v",
    "a=ice-lite",
    "m=audio 49170/2 RTP/AVP 0 8 97",
    "c=IN IP4 224.2.1.1/127/3",
    "b=TIAS:64000",
    "a=mid:a",
    "a=rtpmap:97 iLBC/8000",
    "a=recvonly",
    "m=video 51372 RTP/AVP 31 32",
    "a=mid:v",
    "a=rtpmap:31 H261/90000",
    "a=x-custom",
)

# A WebRTC offer in the shape browsers send.
WEBRTC = sdp(
    "v=0",
    "o=- 4611731400430051336 2 IN IP4 127.0.0.1",
    "s=-",
    "t=0 0",
    "a=group:BUNDLE 0 1",
    "a=msid-semantic: WMS stream1",
    "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 0",
    "c=IN IP4 0.0.0.0",
    "a=rtcp:9 IN IP4 0.0.0.0",
    "a=candidate:842163049 1 udp 1677729535 192.0.2.1 56143 typ srflx raddr 10.0.0.5 rport 56143",
    "a=candidate:2999745851 1 udp 2122260223 10.0.0.5 56143 typ host generation 0",
    "a=ice-ufrag:4ZcD",
    "a=ice-pwd:2/1muCWoOi3uLifh0NuRHlQa",
    "a=fingerprint:sha-256 75:74:5A:A6:A4:E5:52:F4:A7:67:4C:01:C7:EE:91:3F:21:3D:A2:E3:53:7B:6F:30:86:F2:30:AA:65:FB:04:24",
    "a=setup:actpass",
    "a=mid:0",
    "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
    "a=sendrecv",
    "a=rtcp-mux",
    "a=rtpmap:111 opus/48000/2",
    "a=rtcp-fb:111 transport-cc",
    "a=fmtp:111 minptime=10;useinbandfec=1",
    "a=rtpmap:63 red/48000/2",
    "a=fmtp:63 111/111",
    "a=rtpmap:0 PCMU/8000",
    "a=ssrc:1001 cname:x9Fk3nD2pQ7sLm4w",
    "m=video 9 UDP/TLS/RTP/SAVPF 96 97",
    "c=IN IP4 0.0.0.0",
    "a=ice-ufrag:4ZcD",
    "a=ice-pwd:2/1muCWoOi3uLifh0NuRHlQa",
    "a=setup:actpass",
    "a=mid:1",
    "a=sendonly",
    "a=rtcp-mux",
    "a=rtpmap:96 VP8/90000",
    "a=rtcp-fb:96 nack",
    "a=rtcp-fb:96 nack pli",
    "a=rtpmap:97 rtx/90000",
    "a=fmtp:97 apt=96",
    "a=rid:h send",
    "a=rid:l send",
    "a=simulcast:send h;l",
)


def corpus_dir() -> Optional[str]:
    """The corpus folder the build passes in SDPX_CORPUS_DIR, if it exists."""
    d = os.environ.get("SDPX_CORPUS_DIR", "")
    return d if d and os.path.isdir(os.path.join(d, "valid")) else None


def needs(*names: str) -> Callable[[T], T]:
    """Skip a test (visibly) when the sdpx package lacks an attribute because
    the C library it was built against lacks the function behind it.
    Names are "parse_candidate" (module), "Media.remove_codec" (class), or
    "Media.direction=" (a property that must be settable)."""
    missing = [n for n in names if not has_api(n)]
    return unittest.skipIf(bool(missing), "not in the C library yet: " + ", ".join(missing))


def has_api(name: str) -> bool:
    """Whether sdpx has `name` (see needs)."""
    import sdpx
    settable = name.endswith("=")
    obj: Any = sdpx
    owner: Any = None
    for part in name.rstrip("=").split("."):
        owner = obj
        obj = owner.__dict__.get(part) if isinstance(owner, type) else getattr(owner, part, None)
        if obj is None:
            return False
    if settable:
        return isinstance(obj, property) and obj.fset is not None
    return True
