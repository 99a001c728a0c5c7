"""Negotiation (sdp.h section 10): the builder, capabilities, offers, answers
and answer verification, over the C library.

``caps = sdpx.Caps.from_sdp(text)`` reads local capabilities from an SDP
written like a browser's offer; ``sdpx.offer(caps)`` builds a fresh offer
(JSEP 5.2.1); ``sdpx.answer(offer, caps)`` answers one (RFC 3264, JSEP
5.3.1); ``sdpx.verify_answer(offer, answer)`` lists what an answer breaks.
Randomness (session ids, ICE credentials) is the system's unless a
``random`` callable (n -> n bytes) is given, e.g. for repeatable tests.
"""

from __future__ import annotations

from typing import Any, Callable, List, Optional, Sequence, Tuple

from ._base import (Diagnostic, Error, TextLike, View, check_edit, cstr, ffi, lib, pystr,
                    text_arg, to_bytes)
from ._session import Media, Session, parse

__all__ = ["Caps", "NegotiationError", "answer", "ice_credentials", "offer", "verify_answer"]

RandomFn = Callable[[int], bytes]


class NegotiationError(Error, ValueError):
    """An offer that cannot be answered (or capabilities that cannot be read):
    ``code`` is a ``Code.EN_*`` (or ``Code.EINVAL``), ``line`` the offer's
    line of the section it names (0 when none), ``message`` says which
    section and why, e.g. ``m=1 (mid "1"): no common codec (RFC 3264 6.1)``."""

    def __init__(self, code: int, message: str = "", line: int = 0) -> None:
        self.line = line
        super().__init__(code, message)


def _raise(rc: int, err: Any) -> None:
    if rc == lib.SDPX_ENOMEM:
        raise MemoryError("sdpx: out of memory")
    raise NegotiationError(rc, cstr(err.msg) or "", int(err.line))


@ffi.def_extern()
def _sdpx_py_random(ctx: Any, buf: Any, n: int) -> int:
    """Fills buf from the Python callable `ctx` is a handle of."""
    try:
        data = ffi.from_handle(ctx)(n)
        if not isinstance(data, (bytes, bytearray)) or len(data) != n:
            return int(lib.SDPX_EINVAL)
        ffi.memmove(buf, bytes(data), n)
        return 0
    except Exception:  # an exception cannot cross into C: it becomes an error code
        return int(lib.SDPX_EINVAL)


def _random_args(random: Optional[RandomFn]) -> Tuple[Any, Any, Any]:
    """(function, context, keep-alive) for a C sdpx_random_fn slot."""
    if random is None:
        return ffi.NULL, ffi.NULL, None
    h = ffi.new_handle(random)
    return lib._sdpx_py_random, h, h


def ice_credentials(random: Optional[RandomFn] = None) -> Tuple[str, str]:
    """Fresh RFC 8839 ICE credentials (ufrag, pwd) (``sdpx_ice_credentials_make``)."""
    fn, ctx, keep = _random_args(random)
    u = ffi.new("char[]", int(lib.SDPX_ICE_UFRAG_CHARS) + 1)
    p = ffi.new("char[]", int(lib.SDPX_ICE_PWD_CHARS) + 1)
    rc = lib.sdpx_ice_credentials_make(fn, ctx, u, p)
    del keep
    if rc:
        raise NegotiationError(rc, "the random function failed")
    return ffi.string(u).decode("ascii"), ffi.string(p).decode("ascii")


class Caps:
    """Local capabilities (``sdpx_caps``), read from a capabilities SDP:
    codecs, extensions, direction and simulcast per kind, data channels,
    fingerprint, setup, ICE-lite and ICE options (see sdp.h)."""

    __slots__ = ("_doc", "_c", "_keep")

    def __init__(self) -> None:
        raise TypeError("use sdpx.Caps.from_sdp()")

    @classmethod
    def from_sdp(cls, text: TextLike, fingerprint: Optional[str] = None) -> "Caps":
        """Read capabilities (``sdpx_caps_from_sdp``); `fingerprint`
        ("sha-256 AB:...") overrides the description's a=fingerprint.
        Raises ParseError for text that does not parse, NegotiationError for
        a description that does not fit (too many codecs, a bad fingerprint)."""
        self = object.__new__(cls)
        self._doc = parse(text)
        self._c = ffi.new("sdpx_caps *")
        self._keep: List[Any] = []
        err = ffi.new("sdpx_error *")
        rc = lib.sdpx_caps_from_sdp(self._doc._s, self._c, err)
        if rc:
            _raise(rc, err)
        if fingerprint is not None:
            v = View(fingerprint, "fingerprint")
            fp = ffi.new("sdpx_fingerprint *")
            if lib.sdpx_fingerprint_parse(v.sv, fp) != 0:
                raise NegotiationError(int(lib.SDPX_EN_CAPS), "fingerprint is not \"HASH HEX:HEX:...\"")
            self._keep.append(v)
            self._c.fingerprint = v.sv
        return self

    @property
    def kinds(self) -> List[str]:
        """The media kinds supported, in order ("audio", "video")."""
        return [pystr(self._c.media[i].kind) for i in range(self._c.nmedia)]

    def codecs(self, kind: str) -> List[str]:
        """The codecs of a kind as "name/clock[/channels]", in preference order."""
        for i in range(self._c.nmedia):
            m = self._c.media[i]
            if pystr(m.kind) == kind:
                out = []
                for k in range(m.ncodecs):
                    c = m.codecs[k]
                    out.append("%s/%d%s" % (pystr(c.encoding), c.clock_rate,
                                            "/%d" % c.channels if c.channels else ""))
                return out
        return []

    @property
    def data_channel(self) -> bool:
        return bool(self._c.data_channel)

    @property
    def ice_lite(self) -> bool:
        return bool(self._c.ice_lite)

    @property
    def fingerprint(self) -> Optional[str]:
        return pystr(self._c.fingerprint) or None

    def __repr__(self) -> str:
        return "<sdpx.Caps %s%s>" % (", ".join(self.kinds) or "no media",
                                     ", data" if self.data_channel else "")


def offer(caps: Caps, *, proto: Optional[str] = None,
          random: Optional[RandomFn] = None) -> Session:
    """A fresh offer from capabilities (``sdpx_offer_create``, JSEP 5.2.1):
    a new session id and ICE credentials, one BUNDLE group, actpass, rtcp-mux,
    a mid per section, each codec with its RTX partner."""
    opt = ffi.new("sdpx_offer_options *")
    fn, ctx, keep = _random_args(random)
    opt.random, opt.random_ctx = fn, ctx
    p = ffi.new("char[]", text_arg(proto, "proto")) if proto is not None else ffi.NULL
    opt.proto = p
    out = ffi.new("sdpx_session **")
    err = ffi.new("sdpx_error *")
    rc = lib.sdpx_offer_create(caps._c, opt, out, err)
    del keep
    if rc:
        _raise(rc, err)
    return Session._wrap(out[0], [])


def answer(offer: Session, caps: Caps, *, strict: bool = False, setup: Optional[str] = None,
           address: Optional[str] = None, port: int = 0, random: Optional[RandomFn] = None,
           rejected: Optional[List[Diagnostic]] = None) -> Session:
    """Answer an offer (``sdpx_answer_create``; RFC 3264, JSEP 5.3.1).

    A section that cannot be accepted is rejected (port 0) and, when
    `rejected` is a list, its reason appended there; with ``strict=True`` it
    raises NegotiationError instead. `setup` ("active" or "passive") answers
    actpass; `address` and `port` fill c= and m= (default 0.0.0.0 and 9)."""
    opt = ffi.new("sdpx_answer_options *")
    opt.flags = lib.SDPX_ANSWER_STRICT if strict else 0
    if setup is not None:
        roles = {"active": lib.SDPX_SETUP_ACTIVE, "passive": lib.SDPX_SETUP_PASSIVE}
        if setup not in roles:
            raise ValueError("setup must be \"active\" or \"passive\"")
        opt.setup = roles[setup]
    if not isinstance(port, int) or not 0 <= port <= 65535:
        raise ValueError("port must be 0-65535")
    opt.port = port
    a = ffi.new("char[]", text_arg(address, "address")) if address is not None else ffi.NULL
    opt.address = a
    fn, ctx, keep = _random_args(random)
    opt.random, opt.random_ctx = fn, ctx
    found: List[Diagnostic] = []
    h = ffi.new_handle(found)
    opt.diag, opt.diag_ctx = lib._sdpx_py_diag, h
    out = ffi.new("sdpx_session **")
    err = ffi.new("sdpx_error *")
    with offer._lock:
        rc = lib.sdpx_answer_create(offer._s, caps._c, opt, out, err)
    del keep
    if rc:
        _raise(rc, err)
    if rejected is not None:
        rejected.extend(found)
    return Session._wrap(out[0], [])


def verify_answer(offer: Session, answer: Session) -> List[Diagnostic]:
    """Check an answer against its offer (``sdpx_answer_verify``): one error
    Diagnostic per violation (``Code.EN_V_*``, the answer's line, the section
    and the reason); an empty list means the answer is valid."""
    found: List[Diagnostic] = []
    with offer._lock, answer._lock:
        rc = lib.sdpx_answer_verify(offer._s, answer._s, lib._sdpx_py_diag, ffi.new_handle(found))
    if rc < 0:
        raise MemoryError("sdpx: out of memory")
    return found


# -- the builder, as Session and Media methods ---------------------------------

def _session_new(cls: Any, random: Optional[RandomFn] = None) -> Session:
    """A new session with the JSEP 5.2.1 defaults (``sdpx_session_new``):
    v=0, o=- <random 62-bit id> 1 IN IP4 127.0.0.1, s=-, t=0 0."""
    fn, ctx, keep = _random_args(random)
    out = ffi.new("sdpx_session **")
    rc = lib.sdpx_session_new(fn, ctx, out)
    del keep
    if rc:
        raise NegotiationError(rc, "the session could not be made")
    return Session._wrap(out[0], [])


def _add_section(self: Session, kind: str, proto: str, formats: Optional[str] = None) -> Media:
    """Append "m=<kind> 9 <proto> <formats>" with c=IN IP4 0.0.0.0
    (``sdpx_session_add_media``); formats None suits SCTP protos only."""
    out = ffi.new("sdpx_media **")
    f = text_arg(formats, "formats") if formats is not None else ffi.NULL
    with self._lock:
        check_edit(lib.sdpx_session_add_media(self._s, text_arg(kind, "kind"), text_arg(proto, "proto"),
                                              f, out), self._s, "add_section")
        return Media._make(self, out[0])


def _add_codec(self: Media, encoding: str, clock_rate: int, payload_type: int, *,
               channels: int = 0, fmtp: str = "", rtcp_fb: Sequence[str] = (),
               rtx: Optional[int] = None) -> None:
    """Add a codec in one call (``sdpx_media_add_codec``): its payload type,
    rtpmap, fmtp, one rtcp-fb per entry ("nack pli"), and with `rtx` the RTX
    partner of that payload type (RFC 4588)."""
    if len(rtcp_fb) > int(lib.SDPX_CAPS_MAX_FB):
        raise ValueError("at most %d rtcp-fb entries" % int(lib.SDPX_CAPS_MAX_FB))
    c = ffi.new("sdpx_caps_codec *")
    keep = [View(encoding, "encoding"), View(fmtp, "fmtp")] if fmtp else [View(encoding, "encoding")]
    c.encoding = keep[0].sv
    if fmtp:
        c.fmtp = keep[1].sv
    c.clock_rate, c.channels, c.payload_type = clock_rate, channels, payload_type
    c.rtx_payload_type = rtx or 0
    for i, fb in enumerate(rtcp_fb):
        v = View(fb, "rtcp_fb")
        keep.append(v)
        c.rtcp_fb[i] = v.sv
    c.nrtcp_fb = len(rtcp_fb)
    with self._session._lock:
        check_edit(lib.sdpx_media_add_codec(self._m(), c), self._session._s, "add_codec")


def _set_ice_credentials(self: Media, ufrag: str, pwd: str) -> None:
    """Set a=ice-ufrag and a=ice-pwd (``sdpx_media_set_ice_credentials``)."""
    with self._session._lock:
        check_edit(lib.sdpx_media_set_ice_credentials(self._m(), text_arg(ufrag, "ufrag"),
                                                      text_arg(pwd, "pwd")), self._session._s,
                   "set_ice_credentials")


def _set_sctp(self: Media, port: int = 5000, max_message_size: int = 0) -> None:
    """Add a=sctp-port and a=max-message-size (``sdpx_media_set_sctp``, RFC 8841)."""
    if not 0 <= port <= 65535 or max_message_size < 0:
        raise ValueError("port must be 0-65535, max_message_size not negative")
    with self._session._lock:
        check_edit(lib.sdpx_media_set_sctp(self._m(), port, max_message_size), self._session._s,
                   "set_sctp")


Session.new = classmethod(_session_new)  # type: ignore[attr-defined]
Session.add_section = _add_section  # type: ignore[attr-defined]
Media.add_codec = _add_codec  # type: ignore[attr-defined]
Media.set_ice_credentials = _set_ice_credentials  # type: ignore[attr-defined]
Media.set_sctp = _set_sctp  # type: ignore[attr-defined]
