"""Python counterparts of the C structs of sections 2 and 5 of sdp.h (tokens
and the RFC 8866 core lines), and the module-level decoders that fill them.

Every decoder hands the value to its C decoder and copies the views of the
filled struct into a frozen dataclass; nothing is parsed in Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterator, List, Optional, Tuple

from ._base import (AttrKind, ParseError, TextLike, View, check_rc, error_from, ffi, lib,
                    pystr, to_bytes)

_EOL = {0: "", 1: "\n", 2: "\r\n"}


def decode(fn: Callable[..., int], ctype: str, value: TextLike, what: str) -> Tuple[Any, View]:
    """Run the C decoder `fn` over `value`; returns the filled struct and the
    View its fields point into (keep it while copying them out)."""
    v = View(value, what)
    out = ffi.new(ctype + " *")
    check_rc(fn(v.sv, out), ParseError, "bad %s %r" % (what, v.data[:80].decode("utf-8", "replace")))
    return out, v


def fields(view: Any) -> Tuple[str, ...]:
    """Space-separated fields of a view, split by ``sdpx_field_next``."""
    rest = ffi.new("sdpx_str *", view)
    field = ffi.new("sdpx_str *")
    out = []
    while lib.sdpx_field_next(rest, field) == 1:
        out.append(pystr(field[0]))
    return tuple(out)


@dataclass(frozen=True)
class Token:
    """One line as the tokenizer sees it (``sdpx_token``); ``type`` is "" for a blank line."""

    type: str
    value: str
    text: str
    line: int
    eol: str


def tokenize(text: TextLike) -> Iterator[Token]:
    """Split SDP text into lines with the C tokenizer (``sdpx_tokenizer_next``).

    Raises ParseError at the first line the tokenizer rejects (NUL, stray CR,
    no ``=`` after the type letter).
    """
    data = to_bytes(text)
    buf = ffi.from_buffer(data)
    tok = ffi.new("sdpx_tokenizer *")
    lib.sdpx_tokenizer_init(tok, buf, len(data))
    t = ffi.new("sdpx_token *")
    err = ffi.new("sdpx_error *")
    while True:
        rc = lib.sdpx_tokenizer_next(tok, t, err)
        if rc == 0:
            return
        if rc < 0:
            raise error_from(err)
        yield Token(t.type.decode("latin-1") if t.type != b"\0" else "", pystr(t.value),
                    pystr(t.text), int(t.line), _EOL.get(int(t.eol), ""))


@dataclass(frozen=True)
class Origin:
    """o=<username> <sess-id> <sess-version> <nettype> <addrtype> <address> (RFC 8866 5.2).

    ``sess_id`` and ``sess_version`` keep the digits as written (they may
    exceed 64 bits); ``int(o.sess_version)`` gives the number.
    """

    username: str
    sess_id: str
    sess_version: str
    nettype: str
    addrtype: str
    address: str


def origin_from(o: Any) -> Origin:
    return Origin(pystr(o.username), pystr(o.sess_id), pystr(o.sess_version),
                  pystr(o.nettype), pystr(o.addrtype), pystr(o.address))


def parse_origin(value: TextLike) -> Origin:
    """Decode an o= value (``sdpx_origin_parse``)."""
    out, _v = decode(lib.sdpx_origin_parse, "sdpx_origin", value, "o= value")
    return origin_from(out)


@dataclass(frozen=True)
class Connection:
    """c=<nettype> <addrtype> <address>[/<ttl>][/<count>] (RFC 8866 5.7).

    ``ttl`` and ``count`` are None when the line has none.
    """

    nettype: str
    addrtype: str
    address: str
    ttl: Optional[int] = None
    count: Optional[int] = None


def connection_from(c: Any) -> Connection:
    return Connection(pystr(c.nettype), pystr(c.addrtype), pystr(c.address),
                      int(c.ttl) if c.has_ttl else None, int(c.count) if c.has_count else None)


def parse_connection(value: TextLike) -> Connection:
    """Decode a c= value (``sdpx_connection_parse``)."""
    out, _v = decode(lib.sdpx_connection_parse, "sdpx_connection", value, "c= value")
    return connection_from(out)


@dataclass(frozen=True)
class Bandwidth:
    """b=<bwtype>:<bandwidth> (RFC 8866 5.8)."""

    type: str
    value: int


def parse_bandwidth(value: TextLike) -> Bandwidth:
    """Decode a b= value (``sdpx_bandwidth_parse``)."""
    out, _v = decode(lib.sdpx_bandwidth_parse, "sdpx_bandwidth", value, "b= value")
    return Bandwidth(pystr(out.type), int(out.number))


@dataclass(frozen=True)
class Timing:
    """t=<start-time> <stop-time> in NTP seconds (RFC 8866 5.9); 0 means unbounded."""

    start: int
    stop: int


def parse_timing(value: TextLike) -> Timing:
    """Decode a t= value (``sdpx_timing_parse``)."""
    out, _v = decode(lib.sdpx_timing_parse, "sdpx_timing", value, "t= value")
    return Timing(int(out.start_time), int(out.stop_time))


def parse_typed_time(text: TextLike) -> int:
    """Seconds of a typed time such as "7d", "-1h" or "3600" (RFC 8866 5.10)."""
    v = View(text, "typed time")
    out = ffi.new("int64_t *")
    check_rc(lib.sdpx_typed_time_parse(v.sv, out), ParseError,
             "bad typed time %r" % v.data.decode("utf-8", "replace"))
    return int(out[0])


@dataclass(frozen=True)
class Repeat:
    """r=<repeat interval> <active duration> <offsets> in seconds (RFC 8866 5.10)."""

    interval: int
    duration: int
    offsets: Tuple[int, ...]


def parse_repeat(value: TextLike) -> Repeat:
    """Decode an r= value (``sdpx_repeat_parse``; offsets with ``sdpx_typed_time_parse``)."""
    out, _v = decode(lib.sdpx_repeat_parse, "sdpx_repeat", value, "r= value")
    return Repeat(int(out.interval), int(out.duration),
                  tuple(parse_typed_time(f) for f in fields(out.offsets)))


@dataclass(frozen=True)
class ZoneAdjustment:
    """One "<adjustment time> <offset>" pair of a z= line (RFC 8866 5.11)."""

    time: int
    offset: int


def parse_zones(value: TextLike) -> List[ZoneAdjustment]:
    """Decode a z= value into its adjustments (``sdpx_zone_next``)."""
    v = View(value, "z= value")
    rest = ffi.new("sdpx_str *", v.sv)
    t = ffi.new("uint64_t *")
    off = ffi.new("int64_t *")
    out = []
    while True:
        rc = lib.sdpx_zone_next(rest, t, off)
        if rc == 0:
            return out
        check_rc(rc, ParseError, "bad z= value %r" % v.data.decode("utf-8", "replace"))
        out.append(ZoneAdjustment(int(t[0]), int(off[0])))


@dataclass(frozen=True)
class Key:
    """k=<method>[:<encryption key>] (RFC 8866 5.12); ``key`` is None when absent."""

    method: str
    key: Optional[str] = None


def parse_key(value: TextLike) -> Key:
    """Decode a k= value (``sdpx_key_parse``)."""
    out, _v = decode(lib.sdpx_key_parse, "sdpx_key", value, "k= value")
    return Key(pystr(out.method), pystr(out.key) if out.has_key else None)


@dataclass(frozen=True)
class MLine:
    """m=<media> <port>[/<number of ports>] <proto> <fmt> ... (RFC 8866 5.14).

    ``port_count`` is None when the line gives no number of ports.
    """

    media: str
    port: int
    port_count: Optional[int]
    proto: str
    formats: Tuple[str, ...]


def mline_from(m: Any) -> MLine:
    return MLine(pystr(m.media), int(m.port), int(m.port_count) if m.has_port_count else None,
                 pystr(m.proto), fields(m.formats))


def parse_mline(value: TextLike) -> MLine:
    """Decode an m= value (``sdpx_mline_parse``)."""
    out, _v = decode(lib.sdpx_mline_parse, "sdpx_mline", value, "m= value")
    return mline_from(out)


@dataclass(frozen=True)
class Line:
    """One line of a session as held by the model (a copy; never a live handle).

    ``type`` is the letter ("" for a blank line), ``number`` the 1-based line
    number in the parsed input (0 for a line added by an edit), ``eol`` the
    ending it had in the input ("\\r\\n", "\\n" or "").
    """

    type: str
    text: str
    value: str
    number: int
    eol: str


@dataclass(frozen=True)
class Attribute:
    """An a= line: ``name``, ``value`` (None for a property attribute such as
    a=rtcp-mux) and the ``kind`` the parser classified it as."""

    name: str
    value: Optional[str]
    kind: AttrKind
    line: int

    def __str__(self) -> str:
        return "a=%s" % self.name if self.value is None else "a=%s:%s" % (self.name, self.value)


def line_from(l: Any) -> Line:
    t = lib.sdpx_line_type(l)
    return Line(t.decode("latin-1") if t != b"\0" else "", pystr(lib.sdpx_line_text(l)),
                pystr(lib.sdpx_line_value(l)), int(lib.sdpx_line_number(l)),
                _EOL.get(int(lib.sdpx_line_eol(l)), ""))


def attribute_from(l: Any) -> Attribute:
    kind = int(lib.sdpx_line_kind(l))
    try:
        k = AttrKind(kind)
    except ValueError:  # a kind newer than this enum: still an attribute
        k = AttrKind.OTHER
    return Attribute(pystr(lib.sdpx_attr_name(l)),
                     pystr(lib.sdpx_attr_value(l)) if lib.sdpx_attr_has_value(l) else None,
                     k, int(lib.sdpx_line_number(l)))


def attr_kind(name: TextLike) -> AttrKind:
    """The kind the library gives an attribute name ("rtpmap" -> AttrKind.RTPMAP)."""
    v = View(name, "attribute name")
    return AttrKind(int(lib.sdpx_attr_kind_from_name(v.sv)))
