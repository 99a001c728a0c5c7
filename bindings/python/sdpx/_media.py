"""Media: one media section of a parsed session, and the live list of them."""
from __future__ import annotations

import functools
import json as _json
import threading
from dataclasses import dataclass
from typing import (TYPE_CHECKING, Any, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple,
                    TypeVar, Union, overload)

from ._base import (AttrKind, Diagnostic, EditError, ParseError, TextLike, check_edit, check_rc,
                    diagnostic_from, error_from, ffi, lib, pystr, text_arg, to_bytes)
from . import _attrs as A
from ._lines import (Attribute, Bandwidth, Connection, Key, Line, MLine, Origin, Timing,
                     attribute_from, connection_from, line_from, mline_from, origin_from,
                     parse_bandwidth, parse_connection, parse_key, parse_timing)

from ._helpers import (_CF, _cand_filter, _cstr_array, _decoded, _insert_attr, _lines_of,
                       _replace_attr, _serialized, _setup_value, _u64, _view, _walk)

if TYPE_CHECKING:
    from ._session import Session

__all__ = ["Media", "MediaList"]


@_serialized
class Media:
    """One media section (m= and its lines) of a Session.

    A Media keeps its Session alive. It stays bound to its section: if an
    edit removes the section, using the Media raises LookupError.
    """

    __slots__ = ("_session", "_ptr", "_checked")

    def __init__(self) -> None:
        raise TypeError("media sections come from Session.media")

    @classmethod
    def _make(cls, session: Session, ptr: Any) -> "Media":
        """A Media for a pointer the session just handed out."""
        self = object.__new__(cls)
        self._session = session
        self._ptr = ptr
        self._checked = session._removals
        return self

    def _session_lock(self) -> Any:
        return self._session._lock

    def _m(self) -> Any:
        """The C media pointer, after checking the section is still there
        (compared by address only, so a removed section is never read). Only
        sdpx_session_media_remove ends a handle, so the search runs only
        after a removal."""
        session = self._session
        if self._checked == session._removals:
            return self._ptr
        s = session._s
        for i in range(lib.sdpx_session_media_count(s)):
            if lib.sdpx_session_media_mut(s, i) == self._ptr:
                self._checked = session._removals
                return self._ptr
        raise LookupError("this media section was removed from its session")

    @property
    def session(self) -> Session:
        """The Session this section belongs to."""
        return self._session

    @property
    def index(self) -> int:
        """The section's 0-based position in its session."""
        return int(lib.sdpx_media_index(self._m()))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Media) and other._session is self._session and \
            other._ptr == self._ptr

    def __hash__(self) -> int:
        return hash((id(self._session), int(ffi.cast("uintptr_t", self._ptr))))

    def __repr__(self) -> str:
        try:
            ml = self.mline
            return "<sdpx.Media %d: %s %d %s %s>" % (self.index, ml.media, ml.port, ml.proto,
                                                    " ".join(ml.formats))
        except (LookupError, ParseError):
            return "<sdpx.Media (unavailable)>"

    # -- the m= line -------------------------------------------------------

    @property
    def mline(self) -> MLine:
        """The m= line decoded (``sdpx_media_mline``)."""
        out = ffi.new("sdpx_mline *")
        check_rc(lib.sdpx_media_mline(self._m(), out), ParseError, "bad m= line")
        return mline_from(out)

    @property
    def kind(self) -> str:
        """The media type: "audio", "video", "application", ..."""
        return self.mline.media

    @property
    def port(self) -> int:
        """The transport port of the m= line."""
        return self.mline.port

    @property
    def proto(self) -> str:
        """The transport protocol, e.g. "UDP/TLS/RTP/SAVPF"."""
        return self.mline.proto

    @property
    def formats(self) -> List[str]:
        """The formats of the m= line (payload types for RTP), as written."""
        return list(self.mline.formats)

    # -- lines and attributes ----------------------------------------------

    @property
    def lines(self) -> List[Line]:
        """Copies of the section's lines, its m= line first."""
        m = self._m()
        return _lines_of(lib.sdpx_media_line_count(m), lambda i: line_from(lib.sdpx_media_line(m, i)))

    @property
    def attributes(self) -> List[Attribute]:
        """The section's a= lines, in order."""
        m = self._m()
        return [attribute_from(l) for l in _walk(
            lambda after: lib.sdpx_media_find_line(m, b"a", after))]

    def attribute(self, name: str) -> Optional[str]:
        """Value of the first attribute of this section named `name` (exact,
        case-sensitive), "" for a property attribute, None when absent."""
        l = lib.sdpx_media_find_attr_name(self._m(), text_arg(name, "attribute name"), ffi.NULL)
        return None if l == ffi.NULL else pystr(lib.sdpx_attr_value(l))

    def find_attributes(self, kind: Union[AttrKind, str]) -> List[Attribute]:
        """This section's attributes of a kind (AttrKind.RTPMAP) or a name ("rtpmap")."""
        m = self._m()
        if isinstance(kind, str):
            name = text_arg(kind, "attribute name")
            return [attribute_from(l) for l in _walk(
                lambda after: lib.sdpx_media_find_attr_name(m, name, after))]
        k = int(kind)
        return [attribute_from(l) for l in _walk(
            lambda after: lib.sdpx_media_find_attr(m, k, after))]

    def _kind_value(self, kind: int) -> Optional[str]:
        l = lib.sdpx_media_find_attr(self._m(), kind, ffi.NULL)
        return None if l == ffi.NULL else pystr(lib.sdpx_attr_value(l))

    @property
    def mid(self) -> Optional[str]:
        """The a=mid value (RFC 5888; ``sdpx_media_mid``), None when the section has none."""
        out = ffi.new("sdpx_str *")
        return pystr(out[0]) if lib.sdpx_media_mid(self._m(), out) == 0 else None

    @property
    def connection(self) -> Optional[Connection]:
        """The c= that applies: the section's own, else the session's
        (``sdpx_media_connection``, RFC 8866 5.7); None when neither exists."""
        out = ffi.new("sdpx_connection *")
        rc = lib.sdpx_media_connection(self._m(), out)
        if rc == lib.SDPX_ENOTFOUND:
            return None
        check_rc(rc, ParseError, "bad c= line")
        return connection_from(out)

    @property
    def bandwidths(self) -> List[Bandwidth]:
        """The section's b= lines decoded."""
        m = self._m()
        return [parse_bandwidth(pystr(lib.sdpx_line_value(l))) for l in _walk(
            lambda after: lib.sdpx_media_find_line(m, b"b", after))]

    @property
    def direction(self) -> str:
        """The direction that applies: the section's own attribute, else
        the session's, else "sendrecv" (``sdpx_media_direction``, RFC 8866 6.7).
        Settable ("sendrecv", "sendonly", "recvonly", "inactive")."""
        return A.direction_name(lib.sdpx_media_direction(self._m()))

    @direction.setter
    def direction(self, value: str) -> None:
        self._edit(lib.sdpx_media_set_direction(self._m(), A.direction_value(value)),
                   "direction")

    # -- typed views (sdp.h section 6) -------------------------------------------

    def _typed(self, kind: int, fn: Any) -> List[Any]:
        m = self._m()
        return [_decoded(fn, l) for l in _walk(lambda after: lib.sdpx_media_find_attr(m, kind, after))]

    def _first_typed(self, kind: int, fn: Any) -> Any:
        l = lib.sdpx_media_find_attr(self._m(), kind, ffi.NULL)
        return None if l == ffi.NULL else _decoded(fn, l)

    def _str_getter(self, fn: Any) -> Optional[str]:
        out = ffi.new("sdpx_str *")
        return pystr(out[0]) if fn(self._m(), out) == 0 else None

    @property
    def ice_ufrag(self) -> Optional[str]:
        """The ICE ufrag in force: the section's, else the session's (RFC 8839 5.4)."""
        return self._str_getter(lib.sdpx_media_ice_ufrag)

    @property
    def ice_pwd(self) -> Optional[str]:
        """The ICE password in force: the section's, else the session's."""
        return self._str_getter(lib.sdpx_media_ice_pwd)

    @property
    def ice_options(self) -> Tuple[str, ...]:
        """The ICE option tags in force ("trickle", ...), section else session."""
        v = self._str_getter(lib.sdpx_media_ice_options)
        return () if v is None else A.parse_ice_options(v)

    @property
    def fingerprints(self) -> List["A.Fingerprint"]:
        """The fingerprints in force: the section's, else the session's (RFC 8122 5)."""
        m, out = self._m(), []
        f = ffi.new("sdpx_fingerprint *")
        # the lines in force, walked once (sdpx_media_fingerprint(m, i) would
        # walk them again for every i)
        kind = lib.SDPX_ATTR_FINGERPRINT
        here = lib.sdpx_media_find_attr(m, kind, ffi.NULL) != ffi.NULL
        s = lib.sdpx_media_session(m)
        l = ffi.NULL
        while True:
            l = lib.sdpx_media_find_attr(m, kind, l) if here else lib.sdpx_session_find_attr(s, kind, l)
            if l == ffi.NULL:
                return out
            rc = lib.sdpx_fingerprint_parse(lib.sdpx_attr_value(l), f)
            if rc < 0:  # name the malformed line: decode each one in force to find it
                self._typed(lib.SDPX_ATTR_FINGERPRINT, A.parse_fingerprint)
                for a in self._session.find_attributes(AttrKind.FINGERPRINT):
                    try:
                        A.parse_fingerprint(a.value or "")
                    except ParseError as e:
                        raise ParseError(int(e.code), "a=fingerprint on line %d: %s"
                                         % (a.line, e.message), a.line, 0) from None
                check_rc(rc, ParseError, "bad a=fingerprint")
            out.append(A.fingerprint_from(f))

    @property
    def setup(self) -> Optional[str]:
        """The DTLS role in force ("actpass", ...): the section's a=setup, else
        the session's (RFC 8842 5.1); None when neither. Settable."""
        out = ffi.new("sdpx_setup *")
        if lib.sdpx_media_setup(self._m(), out) != 0:
            return None
        return A.cstr(lib.sdpx_setup_name(out[0]))

    @setup.setter
    def setup(self, role: str) -> None:
        self._edit(lib.sdpx_media_set_setup(self._m(), _setup_value(role)), "setup")

    @property
    def candidates(self) -> List["A.Candidate"]:
        """The section's a=candidate lines decoded (RFC 8839 5.1)."""
        return [c for c in self._typed(lib.SDPX_ATTR_CANDIDATE, A.parse_candidate) if c]

    @property
    def end_of_candidates(self) -> bool:
        """True when the section has a=end-of-candidates."""
        return lib.sdpx_media_find_attr(self._m(), lib.SDPX_ATTR_END_OF_CANDIDATES,
                                        ffi.NULL) != ffi.NULL

    @property
    def ssrcs(self) -> List["A.Ssrc"]:
        """The a=ssrc lines decoded (RFC 5576 4.1)."""
        return self._typed(lib.SDPX_ATTR_SSRC, A.parse_ssrc)

    @property
    def ssrc_groups(self) -> List["A.SsrcGroup"]:
        """The a=ssrc-group lines decoded (RFC 5576 4.2)."""
        return self._typed(lib.SDPX_ATTR_SSRC_GROUP, A.parse_ssrc_group)

    @property
    def msid(self) -> Optional["A.Msid"]:
        """The first a=msid decoded (RFC 8830), None when absent."""
        return self._first_typed(lib.SDPX_ATTR_MSID, A.parse_msid)

    @property
    def cname(self) -> Optional[str]:
        """The CNAME of the section's first a=ssrc cname line (RFC 5576 6.1)."""
        return self._str_getter(lib.sdpx_media_cname)

    @property
    def rids(self) -> List["A.Rid"]:
        """The a=rid lines decoded (RFC 8851)."""
        return self._typed(lib.SDPX_ATTR_RID, A.parse_rid)

    @property
    def simulcast(self) -> Optional["A.Simulcast"]:
        """The a=simulcast line decoded (RFC 8853), None when absent."""
        return self._first_typed(lib.SDPX_ATTR_SIMULCAST, A.parse_simulcast)

    @property
    def codecs(self) -> List["A.Codec"]:
        """The section's codecs in m= order: each payload type joined with its
        rtpmap (or RFC 3551 static type), fmtp parameters, rtcp-fb lines and
        RTX partner (``sdpx_media_codec``). Empty for non-RTP sections."""
        m = self._m()
        out = []
        c = ffi.new("sdpx_codec *")
        for i in range(lib.sdpx_media_codec_count(m)):
            rc = lib.sdpx_media_codec(m, i, c)
            if rc == lib.SDPX_EVALUE:
                continue  # a format that is no payload type (not RTP-like)
            check_rc(rc, ParseError, "codec %d" % i)
            out.append(A.codec_from(m, c))
        return out

    def codec(self, pt: int) -> Optional["A.Codec"]:
        """The codec with payload type `pt`, or None when the m= line lacks it."""
        if not isinstance(pt, int) or not 0 <= pt <= 127:
            raise ValueError("payload type must be 0-127")
        m = self._m()
        c = ffi.new("sdpx_codec *")
        if lib.sdpx_media_codec_find(m, pt, c) != 0:
            return None
        return A.codec_from(m, c)

    @property
    def extmaps(self) -> List["A.Extmap"]:
        """The header extensions in force: the section's a=extmap lines, else
        the session's (RFC 8285 7)."""
        m = self._m()
        return [_decoded(A.parse_extmap, l)
                for l in _walk(lambda after: lib.sdpx_media_extmap_next(m, after))]

    @property
    def rtcp(self) -> Optional["A.Rtcp"]:
        """The a=rtcp line decoded (RFC 3605), None when absent."""
        return self._first_typed(lib.SDPX_ATTR_RTCP, A.parse_rtcp)

    @property
    def rtcp_mux(self) -> bool:
        """True when the section has a=rtcp-mux (RFC 5761)."""
        return lib.sdpx_media_find_attr(self._m(), lib.SDPX_ATTR_RTCP_MUX, ffi.NULL) != ffi.NULL

    @property
    def ptime(self) -> Optional["A.Decimal"]:
        """The a=ptime value (milliseconds, exact), None when absent."""
        return self._first_typed(lib.SDPX_ATTR_PTIME, A.parse_decimal)

    @property
    def sctp_port(self) -> Optional[int]:
        """The a=sctp-port value (RFC 8841), None when absent."""
        return self._first_typed(lib.SDPX_ATTR_SCTP_PORT, A.parse_sctp_port)

    @property
    def max_message_size(self) -> Optional[int]:
        """The a=max-message-size value in bytes (RFC 8841), None when absent."""
        return self._first_typed(lib.SDPX_ATTR_MAX_MESSAGE_SIZE, A.parse_max_message_size)

    @property
    def crypto(self) -> List["A.Crypto"]:
        """The a=crypto lines decoded (RFC 4568)."""
        return self._typed(lib.SDPX_ATTR_CRYPTO, A.parse_crypto)

    # -- edits (sdp.h section 7) -----------------------------------------------------
    # Every edit succeeds whole or raises EditError (a ValueError) and leaves
    # the session as it was; values with CR, LF or NUL are refused.

    def _edit(self, rc: int, what: str) -> int:
        return check_edit(rc, self._session._s, what)

    @port.setter
    def port(self, value: int) -> None:
        if not isinstance(value, int) or not 0 <= value <= 65535:
            raise ValueError("port must be 0-65535")
        self._edit(lib.sdpx_media_set_port(self._m(), value), "port")

    @proto.setter
    def proto(self, value: str) -> None:
        self._edit(lib.sdpx_media_set_proto(self._m(), text_arg(value, "proto")), "proto")

    @formats.setter
    def formats(self, value: Union[str, Sequence[str]]) -> None:
        text = value if isinstance(value, str) else " ".join(str(f) for f in value)
        self._edit(lib.sdpx_media_set_formats(self._m(), text_arg(text, "formats")), "formats")

    @connection.setter
    def connection(self, value: Optional[str]) -> None:
        arg = ffi.NULL if value is None else text_arg(value, "connection")
        self._edit(lib.sdpx_media_set_connection(self._m(), arg), "connection")

    def set_bandwidth(self, type: str, value: int) -> None:
        """Set b=<type>:<value> in this section, replacing the line of that type."""
        self._edit(lib.sdpx_media_set_bandwidth(self._m(), text_arg(type, "type"), _u64(value)),
                   "bandwidth")

    def clear_bandwidth(self, type: Optional[str] = None) -> int:
        """Remove the section's b= lines of `type` (None: all); returns how many."""
        arg = ffi.NULL if type is None else text_arg(type, "type")
        return self._edit(lib.sdpx_media_clear_bandwidth(self._m(), arg), "clear_bandwidth")

    @property
    def info(self) -> Optional[str]:
        """The section's i= text, None when there is none."""
        l = lib.sdpx_media_find_line(self._m(), b"i", ffi.NULL)
        return None if l == ffi.NULL else pystr(lib.sdpx_line_value(l))

    @info.setter
    def info(self, value: Optional[str]) -> None:
        arg = ffi.NULL if value is None else text_arg(value, "info")
        self._edit(lib.sdpx_media_set_info(self._m(), arg), "info")

    @property
    def key(self) -> Optional[Key]:
        """The section's k= line decoded, None when there is none."""
        l = lib.sdpx_media_find_line(self._m(), b"k", ffi.NULL)
        return None if l == ffi.NULL else parse_key(pystr(lib.sdpx_line_value(l)))

    @key.setter
    def key(self, value: Optional[str]) -> None:
        arg = ffi.NULL if value is None else text_arg(value, "key")
        self._edit(lib.sdpx_media_set_key(self._m(), arg), "key")

    def add_attribute(self, name: Any, value: Optional[str] = None) -> None:
        """Append a=<name>[:<value>] to this section; a known attribute's value
        must pass its grammar. `name` may instead be a typed counterpart
        (sdpx.Rtpmap(...), sdpx.Candidate ...), written by its C encoder
        (``sdpx_media_attr_add_typed``)."""
        if not isinstance(name, (str, bytes)):
            kind, f = A.typed_value(name)
            self._edit(lib.sdpx_media_attr_add_typed(self._m(), kind, f.out), "add_attribute")
            return
        arg = ffi.NULL if value is None else text_arg(value, "value")
        self._edit(lib.sdpx_media_attr_add(self._m(), text_arg(name, "name"), arg),
                   "add_attribute %s" % name)

    def remove_attribute(self, name: str) -> int:
        """Remove every attribute of this section named `name`; returns how many."""
        return self._edit(lib.sdpx_media_attr_remove(self._m(), text_arg(name, "name")),
                          "remove_attribute")

    def reject(self) -> None:
        """Reject the section: port 0, its mid removed from every a=group."""
        self._edit(lib.sdpx_media_reject(self._m()), "reject")

    def add_candidate(self, candidate: str) -> None:
        """Add a candidate ("candidate:...", "a=candidate:..." or the bare
        value) after the section's last one; "" adds a=end-of-candidates."""
        self._edit(lib.sdpx_media_add_candidate(self._m(), text_arg(candidate, "candidate")),
                   "add_candidate")

    def add_end_of_candidates(self) -> None:
        """Add a=end-of-candidates after the section's candidates, once."""
        self._edit(lib.sdpx_media_end_of_candidates(self._m()), "end_of_candidates")

    def remove_candidates(self, *, types: Sequence[str] = (), transports: Sequence[str] = (),
                          families: Sequence[str] = (), scopes: Sequence[str] = (),
                          component: int = 0) -> int:
        """Remove the candidates matching every given criterion: types
        ("host", "srflx", "prflx", "relay"), transports ("udp", "tcp"),
        families ("ip4", "ip6", "mdns", "fqdn"), scopes ("private",
        "loopback", "link-local"), component (0: any). No criterion removes
        all. Returns the number removed."""
        f = _cand_filter(types, transports, families, scopes, component)
        return self._edit(lib.sdpx_media_remove_candidates(self._m(), f), "remove_candidates")

    def hold(self) -> None:
        """Put the section on hold (RFC 3264 8.4): sendrecv -> sendonly, recvonly -> inactive."""
        self._edit(lib.sdpx_media_hold(self._m()), "hold")

    def resume(self) -> None:
        """Undo hold: sendonly -> sendrecv, inactive -> recvonly."""
        self._edit(lib.sdpx_media_resume(self._m()), "resume")

    def remove_codec(self, name: str, fmtp_match: Optional[str] = None) -> int:
        """Remove a codec by encoding name ("VP8"), with its rtpmap, fmtp,
        rtcp-fb lines and RTX/RED partners; `fmtp_match` ("key=value")
        narrows it. Returns the number of payload types removed."""
        arg = ffi.NULL if fmtp_match is None else text_arg(fmtp_match, "fmtp_match")
        return self._edit(lib.sdpx_media_remove_codec(self._m(), text_arg(name, "codec"), arg),
                          "remove_codec %s" % name)

    def keep_codecs(self, names: Sequence[str]) -> int:
        """Keep only the codecs named (and their partners); returns payload types removed."""
        arr, _keep = _cstr_array(names)
        return self._edit(lib.sdpx_media_keep_codecs(self._m(), arr, len(_keep)), "keep_codecs")

    def prefer_codecs(self, names: Sequence[str]) -> int:
        """Put the codecs named first, in that order, each followed by its RTX."""
        arr, _keep = _cstr_array(names)
        return self._edit(lib.sdpx_media_prefer_codecs(self._m(), arr, len(_keep)),
                          "prefer_codecs")

    def set_fmtp_param(self, pt: int, key: str, value: Optional[str]) -> None:
        """Set (or with None remove) one fmtp parameter of payload type `pt`."""
        if not isinstance(pt, int) or not 0 <= pt <= 127:
            raise ValueError("payload type must be 0-127")
        arg = ffi.NULL if value is None else text_arg(value, "value")
        self._edit(lib.sdpx_media_set_fmtp_param(self._m(), pt, text_arg(key, "key"), arg),
                   "set_fmtp_param")

    def set_codec_param(self, name: str, key: str, value: Optional[str]) -> int:
        """Set (or remove) an fmtp parameter on every payload type of a codec,
        e.g. ("opus", "stereo", "1"); returns the number changed."""
        arg = ffi.NULL if value is None else text_arg(value, "value")
        return self._edit(lib.sdpx_media_set_codec_param(
            self._m(), text_arg(name, "codec"), text_arg(key, "key"), arg), "set_codec_param")

    def remove_streams(self) -> int:
        """Remove every a=ssrc, a=ssrc-group and a=msid; returns the count."""
        return self._edit(lib.sdpx_media_remove_streams(self._m()), "remove_streams")

    # -- edits of one line, named by its index in ``lines`` ---------------------------

    def _line_at(self, index: int) -> Any:
        m = self._m()
        n = lib.sdpx_media_line_count(m)
        i = index + n if isinstance(index, int) and index < 0 else index
        if not isinstance(index, int) or not 0 <= i < n:
            raise IndexError("media line index out of range")
        return lib.sdpx_media_line(m, i)

    def remove_line(self, index: int) -> None:
        """Remove the line ``lines[index]`` of this section (not its m= line)."""
        self._edit(lib.sdpx_line_remove(self._session._s, self._line_at(index)), "remove_line")

    def insert_attribute(self, index: int, name: Any, value: Optional[str] = None,
                         after: bool = False) -> None:
        """Insert a=<name>[:<value>], or a typed counterpart
        (``sdpx_attr_insert_typed``), before (or after) ``lines[index]``."""
        self._edit(_insert_attr(self._session._s, self._line_at(index), name, value, after),
                   "insert_attribute")

    def replace_attribute(self, index: int, name: Any, value: Optional[str] = None) -> None:
        """Replace the a= line ``lines[index]`` by a=<name>[:<value>], or by a
        typed counterpart (``sdpx_attr_replace_typed``)."""
        self._edit(_replace_attr(self._session._s, self._line_at(index), name, value),
                   "replace_attribute")

    def use_candidate(self, index: int) -> None:
        """Make ``candidates[index]`` the default: component 1 sets c= and the
        m= port, component 2 the a=rtcp (JSEP 5.2.1)."""
        m = self._m()
        lines = list(_walk(lambda after: lib.sdpx_media_find_attr(
            m, lib.SDPX_ATTR_CANDIDATE, after)))
        if not isinstance(index, int) or not -len(lines) <= index < len(lines):
            raise IndexError("candidate index out of range")
        self._edit(lib.sdpx_media_use_candidate(m, lines[index]), "use_candidate")

    def set_msid(self, stream: str, track: Optional[str] = None) -> None:
        """Set the section's a=msid (RFC 8830), replacing any."""
        arg = ffi.NULL if track is None else text_arg(track, "track")
        self._edit(lib.sdpx_media_set_msid(self._m(), text_arg(stream, "stream"), arg), "msid")


@_serialized
class MediaList(Sequence[Media]):
    """The media sections of a Session, a live read-only sequence."""

    __slots__ = ("_session",)

    def __init__(self, session: Session) -> None:
        self._session = session

    def _session_lock(self) -> Any:
        return self._session._lock

    def __len__(self) -> int:
        return int(lib.sdpx_session_media_count(self._session._s))

    @overload
    def __getitem__(self, i: int) -> Media: ...

    @overload
    def __getitem__(self, i: slice) -> List[Media]: ...

    def __getitem__(self, i: Union[int, slice]) -> Union[Media, List[Media]]:
        n = len(self)
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(n))]
        if not isinstance(i, int):
            raise TypeError("media indices must be integers or slices")
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("media index out of range")
        return Media._make(self._session, lib.sdpx_session_media_mut(self._session._s, i))

    def __iter__(self) -> Iterator[Media]:
        s = self._session
        return iter([Media._make(s, lib.sdpx_session_media_mut(s._s, i))
                     for i in range(lib.sdpx_session_media_count(s._s))])

    def __repr__(self) -> str:
        return "[%s]" % ", ".join(repr(m) for m in self)
