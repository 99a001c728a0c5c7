"""sdpx: parse, inspect, edit and write SDP (RFC 8866) for WebRTC and SIP.

A thin Pythonic layer over the sdpx C library (through cffi)::

    import sdpx
    s = sdpx.parse(text)            # str or bytes; raises sdpx.ParseError
    s.origin.session_version, s.name, s.timing, s.attributes
    m = s.media[0]
    m.kind, m.port, m.proto, m.formats, m.mid
    str(s) == text                  # lossless writer; s.to_bytes()

Every typed C struct has a frozen dataclass counterpart; objects keep their
session alive, and no C handle outlives the call that read it.
"""

from ._base import (AttrKind, Code, Diagnostic, EditError, Error, ParseError, code_name,
                    ffi as _ffi, lib as _lib, strerror)
from ._lines import (Attribute, Bandwidth, Connection, Key, Line, MLine, Origin, Repeat, Timing,
                     Token, ZoneAdjustment, attr_kind, parse_bandwidth, parse_connection,
                     parse_key, parse_mline, parse_origin, parse_repeat, parse_timing,
                     parse_typed_time, parse_zones, tokenize)
from ._session import Limits, Media, MediaList, Session, check, parse

__version__ = "0.1.0"


def version() -> str:
    """The C library's version string at run time (``sdpx_version``)."""
    return _ffi.string(_lib.sdpx_version()).decode("ascii")


__all__ = [
    "AttrKind", "Attribute", "Bandwidth", "Code", "Connection", "Diagnostic", "EditError",
    "Error", "Key", "Limits", "Line", "MLine", "Media", "MediaList", "Origin", "ParseError",
    "Repeat", "Session", "Timing", "Token", "ZoneAdjustment", "attr_kind", "check",
    "code_name", "parse", "parse_bandwidth", "parse_connection", "parse_key", "parse_mline",
    "parse_origin", "parse_repeat", "parse_timing", "parse_typed_time", "parse_zones",
    "strerror", "tokenize", "version",
]
