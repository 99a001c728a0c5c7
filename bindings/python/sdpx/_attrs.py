"""Python counterparts of the typed attribute structs of sdp.h section 6, and
module-level decoders that fill them.

Each decoder hands the value to its C decoder (``sdpx_*_parse``) and walks
variable-length parts with the C iterators (``sdpx_param_next``,
``sdpx_simulcast_alt_next`` ...); the views of the filled struct are copied
into a frozen dataclass at once. Nothing is parsed in Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Tuple

from ._base import (AddrFamily, EditError, ParseError, TextLike, View, check_rc, cstr, error_from, ffi,
                    lib, pystr, text_arg)
from ._lines import decode, fields

Params = Dict[str, Optional[str]]


class Encodable:
    """Base of the counterparts that have a C encoder: ``to_value()`` (the
    attribute value after "a=name:"), written by the C encoder."""

    if TYPE_CHECKING:
        def to_value(self) -> str:
            """The attribute value after "a=name:", written by the C encoder."""
            ...


def _each(fn: Callable[..., int], view: Any, *outs: str, what: str = "list") -> List[Tuple[Any, ...]]:
    """Run a C iterator `fn(rest, *outs)` over a view until it returns 0;
    each step's outputs are returned as a tuple of cdata pointers' values."""
    rest = ffi.new("sdpx_str *", view)
    result = []
    while True:
        cells = [ffi.new(t + " *") for t in outs]
        rc = fn(rest, *cells)
        if rc == 0:
            return result
        check_rc(rc, ParseError, "bad %s" % what)
        result.append(tuple(c[0] for c in cells))


def params_of(view: Any) -> Params:
    """A ';'-separated parameter list as a dict (``sdpx_param_next``); an
    item without '=' (RED's "111/111") maps to None."""
    out: Params = {}
    for (p,) in _each(lib.sdpx_param_next, view, "sdpx_param"):
        out[pystr(p.key)] = pystr(p.value) if p.has_value else None
    return out


def parse_params(text: TextLike) -> Params:
    """Split a parameter list such as "minptime=10;useinbandfec=1"."""
    v = View(text, "parameters")
    return params_of(v.sv)


def _opt(view: Any, present: Any = None) -> Optional[str]:
    """A view as str, or None when empty (or when `present` is false)."""
    if present is not None:
        return pystr(view) if present else None
    return pystr(view) if view.len else None


def _family(v: int) -> Any:
    try:
        return AddrFamily(v)
    except ValueError:
        return v


def _name(fn: Callable[[int], Any], v: int) -> Optional[str]:
    return cstr(fn(v))


# ---- ICE ------------------------------------------------------------------

@dataclass(frozen=True)
class Candidate(Encodable):
    """a=candidate (RFC 8839 5.1), as decoded by ``sdpx_candidate_parse``.

    ``type`` is the candidate type as written ("host", "srflx", ...);
    ``extensions`` every extension pair in order. ``generation``,
    ``network_id``, ``network_cost`` and ``ufrag`` are the well-known
    extensions (None when absent).
    """

    foundation: str
    component: int
    transport: str
    priority: int
    address: str
    family: AddrFamily
    port: int
    type: str
    raddr: Optional[str] = None
    rport: Optional[int] = None
    tcptype: Optional[str] = None
    extensions: Tuple[Tuple[str, str], ...] = ()
    generation: Optional[int] = None
    network_id: Optional[int] = None
    network_cost: Optional[int] = None
    ufrag: Optional[str] = None


def _u32_ext(fn: Callable[..., int], c: Any) -> Optional[int]:
    out = ffi.new("uint32_t *")
    return int(out[0]) if fn(c, out) == 0 else None


def candidate_from(c: Any) -> Candidate:
    exts = tuple((pystr(n), pystr(v)) for n, v in
                 _each(lib.sdpx_candidate_ext_next, c.extensions, "sdpx_str", "sdpx_str",
                       what="candidate extensions"))
    uf = ffi.new("sdpx_str *")
    return Candidate(
        pystr(c.foundation), int(c.component), pystr(c.transport), int(c.priority),
        pystr(c.address), _family(int(c.family)), int(c.port), pystr(c.type_name),
        _opt(c.raddr, c.has_raddr), int(c.rport) if c.has_rport else None,
        _name(lib.sdpx_tcptype_name, c.tcptype), exts,
        _u32_ext(lib.sdpx_candidate_generation, c), _u32_ext(lib.sdpx_candidate_network_id, c),
        _u32_ext(lib.sdpx_candidate_network_cost, c),
        pystr(uf[0]) if lib.sdpx_candidate_ufrag(c, uf) == 0 else None)


def parse_candidate(text: TextLike) -> Optional[Candidate]:
    """Parse one ICE candidate: an a=candidate value or the string a browser
    sends in trickle ICE, with or without "a=" and "candidate:" prefixes
    (``sdpx_candidate_parse_err``). Returns None for an empty string or
    "a=end-of-candidates" (the end of candidates); raises ParseError, with
    the column of the offending token, when malformed."""
    v = View(text, "candidate")
    out = ffi.new("sdpx_candidate *")
    err = ffi.new("sdpx_error *")
    rc = lib.sdpx_candidate_parse_err(v.buf, len(v.data), out, err)
    if rc == lib.SDPX_CANDIDATE_END:
        return None
    if rc < 0:
        raise error_from(err)
    return candidate_from(out)


def candidate_value(text: TextLike) -> str:
    """The canonical a=candidate value of a candidate in any form
    ``sdpx_candidate_parse`` accepts, written by ``sdpx_candidate_write``."""
    v = View(text, "candidate")
    out = ffi.new("sdpx_candidate *")
    err = ffi.new("sdpx_error *")
    rc = lib.sdpx_candidate_parse_err(v.buf, len(v.data), out, err)
    if rc == lib.SDPX_CANDIDATE_END:
        raise ValueError("empty candidate (end of candidates)")
    if rc < 0:
        raise error_from(err)
    return write_with(lib.sdpx_candidate_write, out)


def write_with(fn: Callable[..., int], struct: Any) -> str:
    """Run an snprintf-style C encoder and return its text."""
    n = fn(struct, ffi.NULL, 0)
    check_rc(n, EditError, "cannot encode")
    buf = ffi.new("char[]", n + 1)
    fn(struct, buf, n + 1)
    return ffi.unpack(buf, n).decode("utf-8", "surrogateescape")


def address_family(address: TextLike) -> AddrFamily:
    """Classify an address as IP4, IP6, FQDN or MDNS (``sdpx_address_family``)."""
    v = View(address, "address")
    rc = lib.sdpx_address_family(v.sv)
    check_rc(rc, ParseError, "not an address: %r" % v.data.decode("utf-8", "replace"))
    return _family(rc)


@dataclass(frozen=True)
class RemoteCandidate(Encodable):
    """One entry of a=remote-candidates (RFC 8839 5.2)."""

    component: int
    address: str
    family: AddrFamily
    port: int


def parse_remote_candidates(value: TextLike) -> List[RemoteCandidate]:
    """Decode an a=remote-candidates value (``sdpx_remote_candidate_next``)."""
    v = View(value, "remote-candidates")
    return [RemoteCandidate(int(r.component), pystr(r.address), _family(int(r.family)), int(r.port))
            for (r,) in _each(lib.sdpx_remote_candidate_next, v.sv, "sdpx_remote_candidate",
                              what="remote-candidates")]


def _str_decoder(fn: Callable[..., int], value: TextLike, what: str) -> str:
    v = View(value, what)
    out = ffi.new("sdpx_str *")
    check_rc(fn(v.sv, out), ParseError, "bad %s %r" % (what, v.data[:80].decode("utf-8", "replace")))
    return pystr(out[0])


def parse_ice_ufrag(value: TextLike) -> str:
    """Check an a=ice-ufrag value: 4-256 ice-chars (RFC 8839 5.4)."""
    return _str_decoder(lib.sdpx_ice_ufrag_parse, value, "ice-ufrag")


def parse_ice_pwd(value: TextLike) -> str:
    """Check an a=ice-pwd value: 22-256 ice-chars (RFC 8839 5.4)."""
    return _str_decoder(lib.sdpx_ice_pwd_parse, value, "ice-pwd")


def parse_ice_options(value: TextLike) -> Tuple[str, ...]:
    """The option tags of an a=ice-options value (``sdpx_ice_options_next``)."""
    v = View(value, "ice-options")
    return tuple(pystr(t) for (t,) in _each(lib.sdpx_ice_options_next, v.sv, "sdpx_str",
                                            what="ice-options"))


def ice_options_has(value: TextLike, tag: str) -> bool:
    """True when an a=ice-options value lists `tag` (``sdpx_ice_options_has``)."""
    v = View(value, "ice-options")
    return bool(lib.sdpx_ice_options_has(v.sv, text_arg(tag, "tag")))


def _num_decoder(fn: Callable[..., int], ctype: str, value: TextLike, what: str) -> int:
    v = View(value, what)
    out = ffi.new(ctype + " *")
    check_rc(fn(v.sv, out), ParseError, "bad %s %r" % (what, v.data[:80].decode("utf-8", "replace")))
    return int(out[0])


def parse_ice_pacing(value: TextLike) -> int:
    """Decode an a=ice-pacing value in milliseconds (RFC 8839 5.7)."""
    return _num_decoder(lib.sdpx_ice_pacing_parse, "uint32_t", value, "ice-pacing")


# ---- DTLS -------------------------------------------------------------------

@dataclass(frozen=True)
class Fingerprint(Encodable):
    """a=fingerprint (RFC 8122 5): the hash name as written, the digest
    bytes, and the hex text as written."""

    hash_name: str
    digest: bytes
    hex: str


def fingerprint_from(f: Any) -> Fingerprint:
    return Fingerprint(pystr(f.hash_name), bytes(ffi.buffer(f.bytes, f.len)), pystr(f.hex))


def parse_fingerprint(value: TextLike) -> Fingerprint:
    """Decode an a=fingerprint value (``sdpx_fingerprint_parse``)."""
    out, _v = decode(lib.sdpx_fingerprint_parse, "sdpx_fingerprint", value, "fingerprint")
    return fingerprint_from(out)


def parse_setup(value: TextLike) -> str:
    """Check an a=setup role ("active", "passive", "actpass", "holdconn")."""
    role = _num_decoder(lib.sdpx_setup_parse, "sdpx_setup", value, "setup")
    return cstr(lib.sdpx_setup_name(role)) or ""


def parse_tls_id(value: TextLike) -> str:
    """Check an a=tls-id value (RFC 8842 4)."""
    return _str_decoder(lib.sdpx_tls_id_parse, value, "tls-id")


# ---- SDES -------------------------------------------------------------------

@dataclass(frozen=True)
class CryptoKey:
    """One key-param of a=crypto; for "inline" (RFC 4568 6.1) its parts."""

    method: str
    info: str
    key_salt: Optional[str] = None
    lifetime: Optional[str] = None
    mki: Optional[str] = None


@dataclass(frozen=True)
class Crypto(Encodable):
    """a=crypto:<tag> <crypto-suite> <key-params> [<session-params>] (RFC 4568 9.1)."""

    tag: int
    suite: str
    keys: Tuple[CryptoKey, ...]
    session_params: Tuple[str, ...] = ()


def parse_crypto(value: TextLike) -> Crypto:
    """Decode an a=crypto value (``sdpx_crypto_parse``, ``sdpx_crypto_key_next``)."""
    out, _v = decode(lib.sdpx_crypto_parse, "sdpx_crypto", value, "crypto")
    keys = tuple(CryptoKey(pystr(k.method), pystr(k.info), _opt(k.key_salt), _opt(k.lifetime),
                           _opt(k.mki))
                 for (k,) in _each(lib.sdpx_crypto_key_next, out.key_params, "sdpx_crypto_key",
                                   what="crypto key-params"))
    return Crypto(int(out.tag), pystr(out.suite), keys, fields(out.session_params))


# ---- SCTP -------------------------------------------------------------------

def parse_sctp_port(value: TextLike) -> int:
    """Decode an a=sctp-port value (RFC 8841 5.1)."""
    return _num_decoder(lib.sdpx_sctp_port_parse, "uint16_t", value, "sctp-port")


def parse_max_message_size(value: TextLike) -> int:
    """Decode an a=max-message-size value in bytes, 0 meaning no limit (RFC 8841 6.1)."""
    return _num_decoder(lib.sdpx_max_message_size_parse, "uint64_t", value, "max-message-size")


@dataclass(frozen=True)
class Sctpmap(Encodable):
    """Legacy a=sctpmap:<port> <protocol> [<streams>]."""

    port: int
    protocol: str
    streams: Optional[int] = None


def parse_sctpmap(value: TextLike) -> Sctpmap:
    """Decode an a=sctpmap value (``sdpx_sctpmap_parse``)."""
    out, _v = decode(lib.sdpx_sctpmap_parse, "sdpx_sctpmap", value, "sctpmap")
    return Sctpmap(int(out.port), pystr(out.protocol), int(out.streams) if out.has_streams else None)


# ---- BUNDLE -----------------------------------------------------------------

@dataclass(frozen=True)
class Group(Encodable):
    """a=group:<semantics> <mid> ... (RFC 5888 5)."""

    semantics: str
    ids: Tuple[str, ...]

    if TYPE_CHECKING:
        def has(self, mid: str) -> bool:
            """True when the group lists `mid` (``sdpx_group_has``)."""
            ...


def group_from(g: Any) -> Group:
    return Group(pystr(g.semantics), tuple(pystr(i) for (i,) in _each(
        lib.sdpx_group_id_next, g.ids, "sdpx_str", what="group ids")))


def parse_group(value: TextLike) -> Group:
    """Decode an a=group value (``sdpx_group_parse``)."""
    out, _v = decode(lib.sdpx_group_parse, "sdpx_group", value, "group")
    return group_from(out)


def parse_mid(value: TextLike) -> str:
    """Check an a=mid value: a token (RFC 5888 4)."""
    return _str_decoder(lib.sdpx_mid_parse, value, "mid")


# ---- RTP --------------------------------------------------------------------

@dataclass(frozen=True)
class Rtpmap(Encodable):
    """a=rtpmap:<pt> <encoding>/<clock rate>[/<channels>] (RFC 8866 6.6)."""

    payload_type: int
    encoding: str
    clock_rate: int
    channels: Optional[int] = None


def parse_rtpmap(value: TextLike) -> Rtpmap:
    """Decode an a=rtpmap value (``sdpx_rtpmap_parse``)."""
    out, _v = decode(lib.sdpx_rtpmap_parse, "sdpx_rtpmap", value, "rtpmap")
    return Rtpmap(int(out.payload_type), pystr(out.encoding), int(out.clock_rate),
                  int(out.channels) if out.has_channels else None)


@dataclass(frozen=True)
class Fmtp(Encodable):
    """a=fmtp:<format> <parameters> (RFC 8866 6.15): ``params`` as written,
    ``parameters`` split by ``sdpx_param_next``."""

    format: str
    payload_type: Optional[int]
    params: str
    parameters: Params = field(default_factory=dict)

    if TYPE_CHECKING:
        def get(self, key: str) -> Optional[str]:
            """A parameter's value by key, ignoring ASCII case (``sdpx_fmtp_get``);
            None when absent ("" for a key without '=')."""
            ...


def fmtp_from(f: Any) -> Fmtp:
    return Fmtp(pystr(f.format), int(f.payload_type) if f.has_payload_type else None,
                pystr(f.params), params_of(f.params))


def parse_fmtp(value: TextLike) -> Fmtp:
    """Decode an a=fmtp value (``sdpx_fmtp_parse``)."""
    out, _v = decode(lib.sdpx_fmtp_parse, "sdpx_fmtp", value, "fmtp")
    return fmtp_from(out)


@dataclass(frozen=True)
class RtcpFb(Encodable):
    """a=rtcp-fb:<pt or *> <type> [<subtype> [<params>]] (RFC 4585 4.2);
    ``payload_type`` is None for the wildcard "*"."""

    payload_type: Optional[int]
    type: str
    subtype: Optional[str] = None
    params: Optional[str] = None

    def __str__(self) -> str:
        return " ".join(x for x in (self.type, self.subtype, self.params) if x)


def rtcp_fb_from(fb: Any) -> RtcpFb:
    return RtcpFb(None if fb.wildcard else int(fb.payload_type), pystr(fb.type),
                  _opt(fb.subtype), _opt(fb.params))


def parse_rtcp_fb(value: TextLike) -> RtcpFb:
    """Decode an a=rtcp-fb value (``sdpx_rtcp_fb_parse``)."""
    out, _v = decode(lib.sdpx_rtcp_fb_parse, "sdpx_rtcp_fb", value, "rtcp-fb")
    return rtcp_fb_from(out)


def direction_name(d: int) -> str:
    """The name of an ``sdpx_direction`` value."""
    return cstr(lib.sdpx_direction_name(d)) or ""


def parse_direction(name: TextLike) -> str:
    """Check a direction name ("sendrecv", "sendonly", "recvonly", "inactive")."""
    return direction_name(_num_decoder(lib.sdpx_direction_parse, "sdpx_direction", name,
                                       "direction"))


def direction_value(name: TextLike) -> int:
    """The ``sdpx_direction`` value of a name; ValueError for anything else."""
    v = View(name, "direction")
    out = ffi.new("sdpx_direction *")
    if lib.sdpx_direction_parse(v.sv, out) != 0:
        raise ValueError("not a direction: %r (sendrecv, sendonly, recvonly, inactive)"
                         % v.data.decode("utf-8", "replace"))
    return int(out[0])


@dataclass(frozen=True)
class Extmap(Encodable):
    """a=extmap:<id>[/<direction>] <URI> [<attributes>] (RFC 8285 7)."""

    id: int
    uri: str
    direction: Optional[str] = None
    attributes: Optional[str] = None


def extmap_from(e: Any) -> Extmap:
    return Extmap(int(e.id), pystr(e.uri),
                  direction_name(e.direction) if e.has_direction else None, _opt(e.attributes))


def parse_extmap(value: TextLike) -> Extmap:
    """Decode an a=extmap value (``sdpx_extmap_parse``)."""
    out, _v = decode(lib.sdpx_extmap_parse, "sdpx_extmap", value, "extmap")
    return extmap_from(out)


@dataclass(frozen=True)
class Rtcp(Encodable):
    """a=rtcp:<port> [<nettype> <addrtype> <address>] (RFC 3605 2.1)."""

    port: int
    nettype: Optional[str] = None
    addrtype: Optional[str] = None
    address: Optional[str] = None


def parse_rtcp(value: TextLike) -> Rtcp:
    """Decode an a=rtcp value (``sdpx_rtcp_parse``)."""
    out, _v = decode(lib.sdpx_rtcp_parse, "sdpx_rtcp", value, "rtcp")
    if not out.has_address:
        return Rtcp(int(out.port))
    return Rtcp(int(out.port), pystr(out.nettype), pystr(out.addrtype), pystr(out.address))


@dataclass(frozen=True)
class Decimal(Encodable):
    """A ptime / maxptime / framerate value kept exact: ``num / den``, with
    ``decimals`` digits after the point as written ("29.97" is 2997/100)."""

    num: int
    den: int
    decimals: int

    @property
    def value(self) -> Fraction:
        """The exact value."""
        return Fraction(self.num, self.den)

    def __float__(self) -> float:
        return self.num / self.den


def parse_decimal(value: TextLike) -> Decimal:
    """Decode a ptime, maxptime or framerate value (``sdpx_decimal_parse``)."""
    out, _v = decode(lib.sdpx_decimal_parse, "sdpx_decimal", value, "decimal")
    return Decimal(int(out.num), int(out.den), int(out.decimals))


def parse_quality(value: TextLike) -> int:
    """Decode an a=quality value, 0-10 (RFC 8866 6.14)."""
    return _num_decoder(lib.sdpx_quality_parse, "unsigned", value, "quality")


# ---- streams ----------------------------------------------------------------

@dataclass(frozen=True)
class Ssrc(Encodable):
    """a=ssrc:<ssrc-id> <attribute>[:<value>] (RFC 5576 4.1)."""

    id: int
    attribute: str
    value: Optional[str] = None


def parse_ssrc(value: TextLike) -> Ssrc:
    """Decode an a=ssrc value (``sdpx_ssrc_parse``)."""
    out, _v = decode(lib.sdpx_ssrc_parse, "sdpx_ssrc", value, "ssrc")
    return Ssrc(int(out.id), pystr(out.attribute), _opt(out.value, out.has_value))


@dataclass(frozen=True)
class SsrcGroup(Encodable):
    """a=ssrc-group:<semantics> <ssrc-id> ... (RFC 5576 4.2)."""

    semantics: str
    ssrcs: Tuple[int, ...]


def parse_ssrc_group(value: TextLike) -> SsrcGroup:
    """Decode an a=ssrc-group value (``sdpx_ssrc_group_parse``, ``sdpx_ssrc_next``)."""
    out, _v = decode(lib.sdpx_ssrc_group_parse, "sdpx_ssrc_group", value, "ssrc-group")
    return SsrcGroup(pystr(out.semantics), tuple(int(x) for (x,) in _each(
        lib.sdpx_ssrc_next, out.ssrcs, "uint32_t", what="ssrc list")))


@dataclass(frozen=True)
class Msid(Encodable):
    """a=msid:<stream id> [<track id>] (RFC 8830 2)."""

    stream_id: str
    track_id: Optional[str] = None


def parse_msid(value: TextLike) -> Msid:
    """Decode an a=msid value (``sdpx_msid_parse``)."""
    out, _v = decode(lib.sdpx_msid_parse, "sdpx_msid", value, "msid")
    return Msid(pystr(out.stream_id), _opt(out.track_id, out.has_track_id))


@dataclass(frozen=True)
class MsidSemantic(Encodable):
    """a=msid-semantic: <semantic> [<id> ... | *]."""

    semantic: str
    ids: Tuple[str, ...] = ()
    wildcard: bool = False


def parse_msid_semantic(value: TextLike) -> MsidSemantic:
    """Decode an a=msid-semantic value (``sdpx_msid_semantic_parse``)."""
    out, _v = decode(lib.sdpx_msid_semantic_parse, "sdpx_msid_semantic", value, "msid-semantic")
    return MsidSemantic(pystr(out.semantic), () if out.wildcard else fields(out.ids),
                        bool(out.wildcard))


# ---- simulcast ----------------------------------------------------------------

@dataclass(frozen=True)
class Rid(Encodable):
    """a=rid:<id> <send|recv> [pt=...][;<restrictions>] (RFC 8851 10)."""

    id: str
    direction: str
    pts: Tuple[int, ...] = ()
    restrictions: Params = field(default_factory=dict)


def parse_rid(value: TextLike) -> Rid:
    """Decode an a=rid value (``sdpx_rid_parse``, ``sdpx_pt_next``, ``sdpx_param_next``)."""
    out, _v = decode(lib.sdpx_rid_parse, "sdpx_rid", value, "rid")
    pts: Tuple[int, ...] = ()
    if out.has_pts:
        pts = tuple(int(p) for (p,) in _each(lib.sdpx_pt_next, out.pts, "unsigned",
                                             what="rid payload types"))
    return Rid(pystr(out.id), "send" if out.send else "recv", pts, params_of(out.restrictions))


@dataclass(frozen=True)
class SimulcastRid:
    """One alternative of a simulcast stream: a rid, possibly paused ("~")."""

    rid: str
    paused: bool = False


#: A simulcast stream list: streams, each a tuple of alternatives.
SimulcastStreams = Tuple[Tuple[SimulcastRid, ...], ...]


@dataclass(frozen=True)
class Simulcast(Encodable):
    """a=simulcast (RFC 8853 5.1): the send and recv stream lists (None when
    that direction is absent)."""

    send: Optional[SimulcastStreams] = None
    recv: Optional[SimulcastStreams] = None
    recv_first: bool = False


def _streams(lst: Any, paused_list: Any) -> SimulcastStreams:
    out = []
    for (alts,) in _each(lib.sdpx_simulcast_stream_next, lst, "sdpx_str", what="simulcast streams"):
        rest = ffi.new("sdpx_str *", alts)
        rid = ffi.new("sdpx_str *")
        paused = ffi.new("int *")
        one = []
        while lib.sdpx_simulcast_alt_next(rest, paused_list, rid, paused) == 1:
            one.append(SimulcastRid(pystr(rid[0]), bool(paused[0])))
        out.append(tuple(one))
    return tuple(out)


def parse_simulcast(value: TextLike) -> Simulcast:
    """Decode an a=simulcast value, RFC 8853 or the older draft form (``sdpx_simulcast_parse``)."""
    out, _v = decode(lib.sdpx_simulcast_parse, "sdpx_simulcast", value, "simulcast")
    return Simulcast(_streams(out.send, out.send_paused) if out.has_send else None,
                     _streams(out.recv, out.recv_paused) if out.has_recv else None,
                     bool(out.recv_first))


# ---- codec view ----------------------------------------------------------------

@dataclass(frozen=True)
class Codec:
    """One codec of a media section (``sdpx_codec``): a payload type of the
    m= line joined with its rtpmap (or the RFC 3551 static type), its fmtp
    parameters, its rtcp-fb lines and its RTX partner.

    ``channels`` is None when not given; ``apt`` is the payload type an RTX
    codec repairs, ``rtx`` the RTX payload type repairing this one.
    """

    payload_type: int
    encoding: str
    clock_rate: int
    channels: Optional[int] = None
    params: Params = field(default_factory=dict)
    feedback: Tuple[RtcpFb, ...] = ()
    is_static: bool = False
    apt: Optional[int] = None
    rtx_payload_type: Optional[int] = None


def codec_from(m: Any, c: Any) -> Codec:
    fb = []
    l = lib.sdpx_codec_rtcp_fb_next(m, c, ffi.NULL)
    while l != ffi.NULL:
        out = ffi.new("sdpx_rtcp_fb *")
        if lib.sdpx_rtcp_fb_parse(lib.sdpx_attr_value(l), out) == 0:
            fb.append(rtcp_fb_from(out))
        l = lib.sdpx_codec_rtcp_fb_next(m, c, l)
    return Codec(int(c.payload_type), pystr(c.encoding), int(c.clock_rate),
                 int(c.channels) or None, params_of(c.params.params) if c.fmtp != ffi.NULL else {},
                 tuple(fb), bool(c.is_static), int(c.apt) if c.has_apt else None,
                 int(c.rtx_payload_type) if c.has_rtx else None)


def static_payload_type(pt: int) -> Optional[Rtpmap]:
    """The RFC 3551 static payload type `pt` (0 -> PCMU/8000), or None."""
    enc = ffi.new("sdpx_str *")
    clock = ffi.new("uint32_t *")
    ch = ffi.new("unsigned *")
    if lib.sdpx_static_payload_type(pt, enc, clock, ch) != 0:
        return None
    return Rtpmap(pt, pystr(enc[0]), int(clock[0]), int(ch[0]) or None)


# ---- trickle ICE ----------------------------------------------------------------

@dataclass(frozen=True)
class ApplyResult:
    """What applying a trickle ICE fragment did (``sdpx_apply_result``)."""

    ice_restart: bool
    added: int
    duplicates: int
    ended: int


def apply_result_from(r: Any) -> ApplyResult:
    return ApplyResult(bool(r.ice_restart), int(r.added), int(r.duplicates), int(r.ended))


# ---- encoders: dataclass -> C struct -> sdpx_*_write ---------------------------------
# Each counterpart gets to_value(): the attribute value (the part after
# "a=name:") written by the C encoder. Sub-lists the C struct holds as one
# view (group ids, rid payload types ...) are joined with the separator the
# grammar uses; the C encoder validates the result (CR, LF and NUL are
# refused: ValueError).

class _Fill:
    """A C struct being filled from Python values, keeping their buffers alive."""

    def __init__(self, ctype: str) -> None:
        self.out = ffi.new(ctype + " *")
        self.keep: List[View] = []

    def text(self, name: str, value: Optional[str], flag: Optional[str] = None) -> None:
        """Set the view field `name` (and `flag` to whether value is given)."""
        if flag:
            setattr(self.out, flag, 0 if value is None else 1)
        if value is None:
            return
        v = View(value, name)
        self.keep.append(v)
        setattr(self.out, name, v.sv)

    def number(self, name: str, value: Optional[int], flag: Optional[str] = None) -> None:
        """Set the number field `name` (and `flag` to whether value is given)."""
        if flag:
            setattr(self.out, flag, 0 if value is None else 1)
        if value is not None:
            if value < 0:
                raise ValueError("%s must not be negative" % name)
            setattr(self.out, name, value)

    def write(self, fn: Callable[..., int]) -> str:
        return write_with(fn, self.out)


FillFn = Callable[[Any], _Fill]


def _encoder(cls: type, cname: str) -> Callable[[FillFn], FillFn]:
    """Attach to_value() to `cls`: the value written by the C encoder `cname`."""
    def attach(fill: FillFn) -> FillFn:
        fn = getattr(lib, cname)

        def to_value(self: Any) -> str:
            return fill(self).write(fn)
        to_value.__doc__ = "The a=%s value written by ``%s``." % (
            cname[5:-6].replace("_", "-"), cname)
        to_value.__qualname__ = cls.__qualname__ + ".to_value"
        setattr(cls, "to_value", to_value)
        return fill
    return attach


def _enum_of(name_fn: Callable[[int], Any], name: Optional[str], values: range) -> int:
    for v in values:
        if name is not None and cstr(name_fn(v)) == name.lower():
            return v
    return 0


@_encoder(Rtpmap, "sdpx_rtpmap_write")
def _fill_rtpmap(r: Rtpmap) -> _Fill:
    f = _Fill("sdpx_rtpmap")
    f.number("payload_type", r.payload_type)
    f.text("encoding", r.encoding)
    f.number("clock_rate", r.clock_rate)
    f.number("channels", r.channels, "has_channels")
    return f


@_encoder(Fmtp, "sdpx_fmtp_write")
def _fill_fmtp(x: Fmtp) -> _Fill:
    f = _Fill("sdpx_fmtp")
    f.text("format", x.format)
    f.number("payload_type", x.payload_type, "has_payload_type")
    f.text("params", x.params)
    return f


@_encoder(RtcpFb, "sdpx_rtcp_fb_write")
def _fill_rtcp_fb(x: RtcpFb) -> _Fill:
    f = _Fill("sdpx_rtcp_fb")
    f.out.wildcard = 1 if x.payload_type is None else 0
    f.number("payload_type", x.payload_type)
    f.text("type", x.type)
    f.text("subtype", x.subtype)
    f.text("params", x.params)
    return f


@_encoder(Extmap, "sdpx_extmap_write")
def _fill_extmap(x: Extmap) -> _Fill:
    f = _Fill("sdpx_extmap")
    f.number("id", x.id)
    f.out.has_direction = 0 if x.direction is None else 1
    if x.direction is not None:
        f.out.direction = direction_value(x.direction)
    f.text("uri", x.uri)
    f.text("attributes", x.attributes)
    return f


@_encoder(Rtcp, "sdpx_rtcp_write")
def _fill_rtcp(x: Rtcp) -> _Fill:
    f = _Fill("sdpx_rtcp")
    f.number("port", x.port)
    f.out.has_address = 0 if x.address is None else 1
    f.text("nettype", x.nettype)
    f.text("addrtype", x.addrtype)
    f.text("address", x.address)
    return f


@_encoder(Decimal, "sdpx_decimal_write")
def _fill_decimal(x: Decimal) -> _Fill:
    f = _Fill("sdpx_decimal")
    f.number("num", x.num)
    f.number("den", x.den)
    f.number("decimals", x.decimals)
    return f


@_encoder(Ssrc, "sdpx_ssrc_write")
def _fill_ssrc(x: Ssrc) -> _Fill:
    f = _Fill("sdpx_ssrc")
    f.number("id", x.id)
    f.text("attribute", x.attribute)
    f.text("value", x.value, "has_value")
    return f


@_encoder(SsrcGroup, "sdpx_ssrc_group_write")
def _fill_ssrc_group(x: SsrcGroup) -> _Fill:
    f = _Fill("sdpx_ssrc_group")
    f.text("semantics", x.semantics)
    f.text("ssrcs", " ".join(str(int(i)) for i in x.ssrcs))
    return f


@_encoder(Msid, "sdpx_msid_write")
def _fill_msid(x: Msid) -> _Fill:
    f = _Fill("sdpx_msid")
    f.text("stream_id", x.stream_id)
    f.text("track_id", x.track_id, "has_track_id")
    return f


@_encoder(MsidSemantic, "sdpx_msid_semantic_write")
def _fill_msid_semantic(x: MsidSemantic) -> _Fill:
    f = _Fill("sdpx_msid_semantic")
    f.text("semantic", x.semantic)
    f.text("ids", "*" if x.wildcard else " ".join(x.ids))
    f.out.wildcard = 1 if x.wildcard else 0
    return f


def _params_text(p: Params) -> str:
    return ";".join(k if v is None else "%s=%s" % (k, v) for k, v in p.items())


@_encoder(Rid, "sdpx_rid_write")
def _fill_rid(x: Rid) -> _Fill:
    if x.direction not in ("send", "recv"):
        raise ValueError("rid direction must be 'send' or 'recv'")
    f = _Fill("sdpx_rid")
    f.text("id", x.id)
    f.out.send = 1 if x.direction == "send" else 0
    f.text("pts", ",".join(str(int(p)) for p in x.pts) if x.pts else None,
        "has_pts")
    f.text("restrictions", _params_text(x.restrictions))
    return f


def _streams_text(streams: SimulcastStreams) -> str:
    return ";".join(",".join(("~" if a.paused else "") + a.rid for a in alts) for alts in streams)


@_encoder(Simulcast, "sdpx_simulcast_write")
def _fill_simulcast(x: Simulcast) -> _Fill:
    f = _Fill("sdpx_simulcast")
    f.text("send", None if x.send is None else _streams_text(x.send), "has_send")
    f.text("recv", None if x.recv is None else _streams_text(x.recv), "has_recv")
    f.out.recv_first = 1 if x.recv_first else 0
    return f


@_encoder(Group, "sdpx_group_write")
def _fill_group(x: Group) -> _Fill:
    f = _Fill("sdpx_group")
    f.text("semantics", x.semantics)
    f.text("ids", " ".join(x.ids))
    return f


@_encoder(Sctpmap, "sdpx_sctpmap_write")
def _fill_sctpmap(x: Sctpmap) -> _Fill:
    f = _Fill("sdpx_sctpmap")
    f.number("port", x.port)
    f.text("protocol", x.protocol)
    f.number("streams", x.streams, "has_streams")
    return f


@_encoder(Fingerprint, "sdpx_fingerprint_write")
def _fill_fingerprint(x: Fingerprint) -> _Fill:
    f = _Fill("sdpx_fingerprint")
    if len(x.digest) > len(f.out.bytes):
        raise ValueError("digest longer than %d bytes" % len(f.out.bytes))
    f.text("hash_name", x.hash_name)
    f.out.hash = _enum_of(lib.sdpx_hash_name, x.hash_name, range(1, 16))
    f.out.bytes[0:len(x.digest)] = x.digest
    f.out.len = len(x.digest)
    return f


@_encoder(Crypto, "sdpx_crypto_write")
def _fill_crypto(x: Crypto) -> _Fill:
    f = _Fill("sdpx_crypto")
    f.number("tag", x.tag)
    f.text("suite", x.suite)
    f.text("key_params", ";".join("%s:%s" % (k.method, k.info) for k in x.keys))
    f.text("session_params", " ".join(x.session_params))
    return f


@_encoder(Candidate, "sdpx_candidate_write")
def _fill_candidate(x: Candidate) -> _Fill:
    f = _Fill("sdpx_candidate")
    f.text("foundation", x.foundation)
    f.number("component", x.component)
    f.text("transport", x.transport)
    f.number("priority", x.priority)
    f.text("address", x.address)
    f.out.family = int(x.family)
    f.number("port", x.port)
    f.text("type_name", x.type)
    f.out.type = _enum_of(lib.sdpx_cand_type_name, x.type, range(1, 8))
    f.text("raddr", x.raddr, "has_raddr")
    f.number("rport", x.rport, "has_rport")
    f.out.tcptype = _enum_of(lib.sdpx_tcptype_name, x.tcptype, range(1, 8))
    f.text("extensions", " ".join("%s %s" % (n, v) for n, v in x.extensions))
    return f


@dataclass(frozen=True)
class FragmentSection:
    """One media section of a trickle ICE fragment to write
    (``sdpx_fragment_section``); an empty ``mline`` writes "audio 9 RTP/AVP 0"."""

    mid: str
    candidates: Tuple[Candidate, ...] = ()
    end_of_candidates: bool = False
    mline: str = ""


def write_fragment(ufrag: str, pwd: str, sections: List[FragmentSection]) -> str:
    """Write an application/trickle-ice-sdpfrag body (RFC 8840;
    ``sdpx_fragment_write``): a=ice-ufrag and a=ice-pwd (when not empty),
    then per section its m= line, a=mid, candidates and a=end-of-candidates."""
    keep: List[Any] = []
    u, p = View(ufrag, "ufrag"), View(pwd, "pwd")
    secs = ffi.new("sdpx_fragment_section[]", max(len(sections), 1))
    for i, sec in enumerate(sections):
        fills = [_fill_candidate(c) for c in sec.candidates]
        arr = ffi.new("sdpx_candidate[]", max(len(fills), 1))
        for j, fl in enumerate(fills):
            arr[j] = fl.out[0]
        mid, ml = View(sec.mid, "mid"), View(sec.mline, "mline")
        keep += [fills, arr, mid, ml]
        secs[i].mid = mid.sv
        secs[i].mline = ml.sv
        secs[i].candidates = arr
        secs[i].ncandidates = len(fills)
        secs[i].end_of_candidates = 1 if sec.end_of_candidates else 0
    n = lib.sdpx_fragment_write(u.sv, p.sv, secs, len(sections), ffi.NULL, 0)
    check_rc(n, EditError, "cannot write the fragment")
    buf = ffi.new("char[]", n + 1)
    lib.sdpx_fragment_write(u.sv, p.sv, secs, len(sections), buf, n + 1)
    return ffi.unpack(buf, n).decode("utf-8", "surrogateescape")


@_encoder(RemoteCandidate, "sdpx_remote_candidate_write")
def _fill_remote_candidate(x: RemoteCandidate) -> _Fill:
    f = _Fill("sdpx_remote_candidate")
    f.number("component", x.component)
    f.text("address", x.address)
    f.out.family = int(x.family)
    f.number("port", x.port)
    return f


def _fmtp_get(self: Fmtp, key: str) -> Optional[str]:
    """A parameter's value by key, ignoring ASCII case as media type
    parameters do (``sdpx_fmtp_get``); None when absent ("" for a key
    without '=')."""
    f = _fill_fmtp(self)
    out = ffi.new("sdpx_str *")
    if lib.sdpx_fmtp_get(f.out, text_arg(key, "key"), out) != 0:
        return None
    return pystr(out[0])
Fmtp.get = _fmtp_get  # type: ignore[method-assign]


def _group_has(self: Group, mid: str) -> bool:
    """True when the group lists `mid` (``sdpx_group_has``)."""
    f = _fill_group(self)
    v = View(mid, "mid")
    return bool(lib.sdpx_group_has(f.out, v.sv))
Group.has = _group_has  # type: ignore[method-assign]


def hash_len(name: str) -> int:
    """The digest length in bytes of a fingerprint hash ("sha-256" -> 32), 0
    for a hash the library does not know (``sdpx_hash_len``)."""
    return int(lib.sdpx_hash_len(_enum_of(lib.sdpx_hash_name, name, range(1, 16))))


def attr_kind_name(kind: int) -> Optional[str]:
    """The canonical attribute name of a kind ("rtpmap"), None for NONE and
    OTHER (``sdpx_attr_kind_name``)."""
    return cstr(lib.sdpx_attr_kind_name(int(kind)))


def split_attribute(value: TextLike) -> Tuple[str, Optional[str]]:
    """Split an a= value into its name and value (None for a property
    attribute such as "rtcp-mux"), as ``sdpx_attr_split`` does."""
    v = View(value, "attribute")
    name, val = ffi.new("sdpx_str *"), ffi.new("sdpx_str *")
    has_value = ffi.new("int *")
    lib.sdpx_attr_split(v.sv, name, val, has_value)
    return pystr(name[0]), (pystr(val[0]) if has_value[0] else None)


#: Typed attribute counterparts the edit API takes as structs, with their kind.
_TYPED: Dict[type, Tuple[str, FillFn]] = {
    Candidate: ("CANDIDATE", _fill_candidate), Rtpmap: ("RTPMAP", _fill_rtpmap),
    Fmtp: ("FMTP", _fill_fmtp), RtcpFb: ("RTCP_FB", _fill_rtcp_fb),
    Extmap: ("EXTMAP", _fill_extmap), Rtcp: ("RTCP", _fill_rtcp),
    Fingerprint: ("FINGERPRINT", _fill_fingerprint), Crypto: ("CRYPTO", _fill_crypto),
    Group: ("GROUP", _fill_group), Ssrc: ("SSRC", _fill_ssrc),
    SsrcGroup: ("SSRC_GROUP", _fill_ssrc_group), Msid: ("MSID", _fill_msid),
    MsidSemantic: ("MSID_SEMANTIC", _fill_msid_semantic), Rid: ("RID", _fill_rid),
    Simulcast: ("SIMULCAST", _fill_simulcast), Sctpmap: ("SCTPMAP", _fill_sctpmap),
}


def typed_value(obj: Any) -> Tuple[int, _Fill]:
    """The attribute kind and the filled C struct of a typed counterpart."""
    try:
        kind, fill = _TYPED[type(obj)]
    except KeyError:
        raise TypeError("not a typed attribute: %s (one of %s)" % (
            type(obj).__name__, ", ".join(c.__name__ for c in _TYPED))) from None
    return int(getattr(lib, "SDPX_ATTR_" + kind)), fill(obj)
