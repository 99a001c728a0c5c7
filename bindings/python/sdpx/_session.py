"""Session and Media: Python objects over a parsed ``sdpx_session``.

Ownership: a Session owns its C session (freed when the Session is garbage
collected); a Media holds a reference to its Session, so the C memory lives
as long as any object that can reach it. C line handles are never kept:
every accessor copies what it reads into Python values at once, so edits
cannot leave a dangling handle behind.
"""

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
from ._media import Media, MediaList

__all__ = ["Limits", "Session", "Media", "MediaList", "parse", "check", "parse_fragment",
           "from_json", "from_dict"]


@dataclass(frozen=True)
class Limits:
    """Parse limits (``sdpx_limits``); 0 or None takes the library's default.

    Exceeding one fails the parse with ParseError code ``Code.ELIMIT``.
    """

    max_input: int = 0
    max_lines: int = 0
    max_line_len: int = 0
    max_attributes: int = 0
    max_media: int = 0


@_serialized
class Session:
    """A parsed SDP. Create one with :func:`sdpx.parse`.

    ``str(session)`` and :meth:`to_bytes` write it back: untouched lines come
    out byte for byte as they were parsed, every line ending in CRLF.
    """

    __slots__ = ("_s", "_lock", "_removals", "warnings", "__weakref__")

    if TYPE_CHECKING:  # attached after the class (they take the lock themselves)
        def to_json(self, pretty: bool = False, lossless: bool = False) -> str:
            """The session as JSON text in sdp-transform's shape (``sdpx_write_json_alloc``)."""
            ...

        def to_dict(self, lossless: bool = False) -> Dict[str, Any]:
            """The session as the dict sdp-transform's parse() gives (see to_json)."""
            ...

    def __init__(self) -> None:
        raise TypeError("use sdpx.parse() to create a Session")

    @classmethod
    def _wrap(cls, ptr: Any, warnings: List[Diagnostic]) -> "Session":
        self = object.__new__(cls)
        self._s = ffi.gc(ptr, lib.sdpx_session_free)
        self._lock = threading.RLock()
        self._removals = 0  # media sections removed so far (see Media._m)
        #: Quirks the lenient parse tolerated, in input order (collected
        #: when parse() was called with warnings=True, else empty).
        self.warnings = warnings
        return self

    # -- writer ----------------------------------------------------------

    def to_bytes(self, keep_lf: bool = False, tidy: bool = False) -> bytes:
        """The session as SDP bytes (``sdpx_write_alloc``). With `keep_lf`,
        lines that ended in a bare LF keep it; otherwise every line gets CRLF.
        With `tidy`, blank and untyped lines, indentation and trailing
        whitespace go (SDPX_WRITE_TIDY)."""
        flags = (lib.SDPX_WRITE_KEEP_LF if keep_lf else 0) | (lib.SDPX_WRITE_TIDY if tidy else 0)
        n = ffi.new("size_t *")
        p = lib.sdpx_write_alloc(self._s, flags, n)
        if p == ffi.NULL:
            raise MemoryError("sdpx: out of memory")
        try:
            return ffi.unpack(p, n[0])
        finally:
            lib.sdpx_free(p)

    def __bytes__(self) -> bytes:
        return self.to_bytes()

    def __str__(self) -> str:
        return self.to_bytes().decode("utf-8", "surrogateescape")

    def __reduce__(self) -> Any:
        # pickling (multiprocessing) and copy.copy/deepcopy go through the text
        return (parse, (self.to_bytes(keep_lf=True),))

    def __repr__(self) -> str:
        try:
            o = self.origin
        except ParseError:
            o = None
        return "<sdpx.Session %s, %d media>" % (
            "o=%s %s" % (o.sess_id, o.sess_version) if o else "without o=", len(self.media))

    # -- session-level accessors -----------------------------------------

    @property
    def origin(self) -> Optional[Origin]:
        """The o= line decoded (``sdpx_session_origin``), None when there is none.

        Raises ParseError when the line is present but malformed.
        """
        out = ffi.new("sdpx_origin *")
        rc = lib.sdpx_session_origin(self._s, out)
        if rc == lib.SDPX_ENOTFOUND:
            return None
        check_rc(rc, ParseError, "bad o= line")
        return origin_from(out)

    @property
    def name(self) -> Optional[str]:
        """The s= value (``sdpx_session_name``), None when there is none."""
        out = ffi.new("sdpx_str *")
        if lib.sdpx_session_name(self._s, out) != 0:
            return None
        return pystr(out[0])

    def _session_lock(self) -> Any:
        return self._lock

    def _first_value(self, letter: bytes) -> Optional[str]:
        l = lib.sdpx_session_find_line(self._s, letter, ffi.NULL)
        return None if l == ffi.NULL else pystr(lib.sdpx_line_value(l))

    def _values(self, letter: bytes) -> List[str]:
        out, l = [], lib.sdpx_session_find_line(self._s, letter, ffi.NULL)
        while l != ffi.NULL:
            out.append(pystr(lib.sdpx_line_value(l)))
            l = lib.sdpx_session_find_line(self._s, letter, l)
        return out

    @property
    def timing(self) -> Optional[Timing]:
        """The first t= line decoded, None when there is none."""
        v = self._first_value(b"t")
        return None if v is None else parse_timing(v)

    @property
    def timings(self) -> List[Timing]:
        """Every t= line decoded, in order."""
        return [parse_timing(v) for v in self._values(b"t")]

    @property
    def connection(self) -> Optional[Connection]:
        """The session-level c= line decoded, None when there is none."""
        v = self._first_value(b"c")
        return None if v is None else parse_connection(v)

    @property
    def bandwidths(self) -> List[Bandwidth]:
        """The session-level b= lines decoded."""
        return [parse_bandwidth(v) for v in self._values(b"b")]

    @property
    def lines(self) -> List[Line]:
        """Copies of the session-level lines (v= up to the first m=)."""
        return _lines_of(lib.sdpx_session_line_count(self._s),
                         lambda i: line_from(lib.sdpx_session_line(self._s, i)))

    @property
    def attributes(self) -> List[Attribute]:
        """The session-level a= lines, in order."""
        return [attribute_from(l) for l in _walk(
            lambda after: lib.sdpx_session_find_line(self._s, b"a", after))]

    def attribute(self, name: str) -> Optional[str]:
        """Value of the first session-level attribute named `name` (exact,
        case-sensitive), "" for a property attribute, None when absent."""
        l = lib.sdpx_session_find_attr_name(self._s, text_arg(name, "attribute name"), ffi.NULL)
        if l == ffi.NULL:
            return None
        return pystr(lib.sdpx_attr_value(l))

    def find_attributes(self, kind: Union[AttrKind, str]) -> List[Attribute]:
        """Session-level attributes of a kind (AttrKind.GROUP) or a name ("group")."""
        if isinstance(kind, str):
            name = text_arg(kind, "attribute name")
            return [attribute_from(l) for l in _walk(
                lambda after: lib.sdpx_session_find_attr_name(self._s, name, after))]
        k = int(kind)
        return [attribute_from(l) for l in _walk(
            lambda after: lib.sdpx_session_find_attr(self._s, k, after))]

    @property
    def media(self) -> "MediaList":
        """The media sections, a live list-like view."""
        return MediaList(self)

    def validate_attributes(self) -> List[Diagnostic]:
        """Check every a= line's value against its kind's grammar
        (``sdpx_attr_validate``, the check strict parsing makes); one error
        Diagnostic per offending line, an empty list when all pass."""
        out: List[Diagnostic] = []
        err = ffi.new("sdpx_error *")

        def scan(count: int, get: Any) -> None:
            for i in range(count):
                l = get(i)
                if lib.sdpx_line_type(l) == b"a" and lib.sdpx_attr_validate(l, err) != 0:
                    out.append(diagnostic_from(lib.SDPX_SEV_ERROR, err))

        scan(lib.sdpx_session_line_count(self._s), lambda i: lib.sdpx_session_line(self._s, i))
        for m in self.media:
            p = m._m()
            scan(lib.sdpx_media_line_count(p), lambda i: lib.sdpx_media_line(p, i))
        return out

    @property
    def direction(self) -> str:
        """The session-level direction ("sendrecv" when none is given;
        ``sdpx_session_direction``)."""
        return A.direction_name(lib.sdpx_session_direction(self._s))

    # -- typed session-level views (sdp.h section 6) --------------------------

    @property
    def ice_lite(self) -> bool:
        """True when the session has a=ice-lite (``sdpx_session_ice_lite``)."""
        return bool(lib.sdpx_session_ice_lite(self._s))

    @property
    def groups(self) -> List["A.Group"]:
        """The a=group lines decoded (RFC 5888)."""
        return [_decoded(A.parse_group, l) for l in _walk(
            lambda after: lib.sdpx_session_find_attr(self._s, lib.SDPX_ATTR_GROUP, after))]

    def group_of(self, mid: str, semantics: Optional[str] = "BUNDLE") -> Optional["A.Group"]:
        """The a=group with `semantics` (None: any) that lists `mid`, or None
        (``sdpx_session_group_of``)."""
        v = _view(mid, "mid")
        out = ffi.new("sdpx_group *")
        sem = text_arg(semantics, "semantics") if semantics is not None else ffi.NULL
        if lib.sdpx_session_group_of(self._s, sem, v.sv, out) != 0:
            return None
        return A.group_from(out)

    def media_by_mid(self, mid: str) -> Optional["Media"]:
        """The media section whose a=mid is `mid`, or None."""
        v = _view(mid, "mid")
        p = lib.sdpx_session_media_by_mid_mut(self._s, v.sv)
        return None if p == ffi.NULL else Media._make(self, p)

    @property
    def msid_semantic(self) -> Optional["A.MsidSemantic"]:
        """The a=msid-semantic line decoded, or None."""
        l = lib.sdpx_session_find_attr(self._s, lib.SDPX_ATTR_MSID_SEMANTIC, ffi.NULL)
        return None if l == ffi.NULL else _decoded(A.parse_msid_semantic, l)

    def validate(self) -> List[Diagnostic]:
        """Semantic validation (``sdpx_validate``): cross-references no single
        line shows (payload types missing from m=, unknown group mids,
        duplicate mids, DTLS sections without fingerprint ...), one error
        Diagnostic each with its ``Code.EV_*`` code."""
        found: List[Diagnostic] = []
        rc = lib.sdpx_validate(self._s, lib._sdpx_py_diag, ffi.new_handle(found))
        if rc == lib.SDPX_ENOMEM:
            raise MemoryError("sdpx: out of memory")
        return found

    # -- edits (sdp.h section 7) --------------------------------------------------
    # Every edit succeeds whole or raises EditError (a ValueError) and leaves
    # the session as it was; values with CR, LF or NUL are refused.

    def _edit(self, rc: int, what: str) -> int:
        return check_edit(rc, self._s, what)

    def bump_version(self) -> None:
        """Increment o= sess-version (JSEP 5.2.2), growing it on a carry."""
        self._edit(lib.sdpx_session_bump_version(self._s), "bump_version")

    def set_edit_flags(self, *, bump_version: bool = False) -> None:
        """With bump_version=True, o= sess-version is incremented once, on the
        first later edit that changes anything (SDPX_EDIT_BUMP_VERSION)."""
        flags = lib.SDPX_EDIT_BUMP_VERSION if bump_version else 0
        self._edit(lib.sdpx_session_set_edit_flags(self._s, flags), "set_edit_flags")

    @name.setter
    def name(self, value: str) -> None:
        self._edit(lib.sdpx_session_set_name(self._s, text_arg(value, "name")), "name")

    @timing.setter
    def timing(self, value: Union[Timing, Tuple[int, int]]) -> None:
        start, stop = (value.start, value.stop) if isinstance(value, Timing) else value
        if start < 0 or stop < 0:
            raise ValueError("timing values must not be negative")
        self._edit(lib.sdpx_session_set_timing(self._s, start, stop), "timing")

    @connection.setter
    def connection(self, value: Optional[str]) -> None:
        arg = ffi.NULL if value is None else text_arg(value, "connection")
        self._edit(lib.sdpx_session_set_connection(self._s, arg), "connection")

    @property
    def info(self) -> Optional[str]:
        """The session-level i= text, None when there is none."""
        return self._first_value(b"i")

    @info.setter
    def info(self, value: Optional[str]) -> None:
        arg = ffi.NULL if value is None else text_arg(value, "info")
        self._edit(lib.sdpx_session_set_info(self._s, arg), "info")

    @property
    def key(self) -> Optional["Key"]:
        """The session-level k= line decoded, None when there is none."""
        v = self._first_value(b"k")
        return None if v is None else parse_key(v)

    @key.setter
    def key(self, value: Optional[str]) -> None:
        arg = ffi.NULL if value is None else text_arg(value, "key")
        self._edit(lib.sdpx_session_set_key(self._s, arg), "key")

    def set_origin(self, *, username: Optional[str] = None, sess_id: Optional[Union[str, int]] = None,
                   sess_version: Optional[Union[str, int]] = None, nettype: Optional[str] = None,
                   addrtype: Optional[str] = None, address: Optional[str] = None) -> None:
        """Change o= fields; the ones not given keep their value
        (``sdpx_session_set_origin``)."""
        o = ffi.new("sdpx_origin *")
        keep = []
        for fname, val in (("username", username), ("sess_id", sess_id),
                           ("sess_version", sess_version), ("nettype", nettype),
                           ("addrtype", addrtype), ("address", address)):
            if val is None:
                continue
            v = _view(str(val) if isinstance(val, int) else val, fname)
            keep.append(v)
            setattr(o, fname, v.sv)
        self._edit(lib.sdpx_session_set_origin(self._s, o), "origin")

    def set_bandwidth(self, type: str, value: int) -> None:
        """Set b=<type>:<value>, replacing the line of that type."""
        self._edit(lib.sdpx_session_set_bandwidth(self._s, text_arg(type, "type"), _u64(value)),
                   "bandwidth")

    def clear_bandwidth(self, type: Optional[str] = None) -> int:
        """Remove the b= lines of `type` (None: all); returns how many."""
        arg = ffi.NULL if type is None else text_arg(type, "type")
        return self._edit(lib.sdpx_session_clear_bandwidth(self._s, arg), "clear_bandwidth")

    def add_attribute(self, name: Any, value: Optional[str] = None) -> None:
        """Append a=<name>[:<value>] at session level; a known attribute's
        value must pass its grammar. `name` may instead be a typed
        counterpart (sdpx.Group(...), sdpx.Fingerprint(...) ...), written by
        its C encoder (``sdpx_session_attr_add_typed``)."""
        if not isinstance(name, (str, bytes)):
            kind, f = A.typed_value(name)
            self._edit(lib.sdpx_session_attr_add_typed(self._s, kind, f.out), "add_attribute")
            return
        arg = ffi.NULL if value is None else text_arg(value, "value")
        self._edit(lib.sdpx_session_attr_add(self._s, text_arg(name, "name"), arg),
                   "add_attribute %s" % name)

    def remove_attribute(self, name: str) -> int:
        """Remove every session-level attribute named `name`; returns how many."""
        return self._edit(lib.sdpx_session_attr_remove(self._s, text_arg(name, "name")),
                          "remove_attribute")

    def add_media(self, mline: str, pos: Optional[int] = None) -> "Media":
        """Insert a media section from an m= value ("audio 9 RTP/AVP 0") at
        `pos` (None: at the end); returns it."""
        n = len(self.media)
        pos = n if pos is None else pos
        if not 0 <= pos <= n:
            raise IndexError("media position out of range")
        out = ffi.new("sdpx_media **")
        self._edit(lib.sdpx_session_media_add(self._s, pos, text_arg(mline, "mline"), out),
                   "add_media")
        return Media._make(self, out[0])

    def remove_media(self, media: "Media") -> None:
        """Remove a media section and its mid from every a=group; the Media
        object is unusable afterwards (LookupError)."""
        self._edit(lib.sdpx_session_media_remove(self._s, self._own(media)), "remove_media")
        self._removals += 1

    def move_media(self, media: "Media", pos: int) -> None:
        """Move a media section to position `pos`."""
        if not 0 <= pos < len(self.media):
            raise IndexError("media position out of range")
        self._edit(lib.sdpx_session_media_move(self._s, self._own(media), pos), "move_media")

    def _own(self, media: "Media") -> Any:
        if not isinstance(media, Media) or media._session is not self:
            raise ValueError("the media section belongs to another session")
        return media._m()

    def remove_codec(self, name: str, fmtp_match: Optional[str] = None) -> int:
        """Remove a codec (with its RTX/RED partners) from every section;
        returns the number of payload types removed."""
        arg = ffi.NULL if fmtp_match is None else text_arg(fmtp_match, "fmtp_match")
        return self._edit(lib.sdpx_session_remove_codec(self._s, text_arg(name, "codec"), arg),
                          "remove_codec %s" % name)

    def keep_codecs(self, names: Sequence[str]) -> int:
        """Keep only the codecs named (and their partners) in every section."""
        arr, _keep = _cstr_array(names)
        return self._edit(lib.sdpx_session_keep_codecs(self._s, arr, len(_keep)), "keep_codecs")

    def prefer_codecs(self, names: Sequence[str]) -> int:
        """Put the codecs named first, in that order, in every section."""
        arr, _keep = _cstr_array(names)
        return self._edit(lib.sdpx_session_prefer_codecs(self._s, arr, len(_keep)),
                          "prefer_codecs")

    def set_ice_credentials(self, ufrag: str, pwd: str) -> None:
        """ICE restart: set every a=ice-ufrag and a=ice-pwd (RFC 8839 5.4 checked)."""
        self._edit(lib.sdpx_session_set_ice_credentials(
            self._s, text_arg(ufrag, "ufrag"), text_arg(pwd, "pwd")), "set_ice_credentials")

    def add_candidate(self, candidate: str, mid: Optional[str] = None, index: int = 0) -> None:
        """Add a trickled candidate to the section with a=mid `mid`, or (mid
        None) at `index` (sdpMid / sdpMLineIndex); "" adds end-of-candidates."""
        m = ffi.NULL if mid is None else text_arg(mid, "mid")
        if index < 0:
            raise ValueError("index must not be negative")
        self._edit(lib.sdpx_session_add_candidate(self._s, m, index,
                                                  text_arg(candidate, "candidate")),
                   "add_candidate")

    def remove_candidates(self, **filter: Any) -> int:
        """Remove matching candidates everywhere (see Media.remove_candidates)."""
        return self._edit(lib.sdpx_session_remove_candidates(self._s, _cand_filter(**filter)),
                          "remove_candidates")

    def set_setup(self, role: str) -> None:
        """Set every a=setup to `role` ("active", "passive", "actpass", "holdconn")."""
        self._edit(lib.sdpx_session_set_setup(self._s, _setup_value(role)), "set_setup")

    def set_fingerprint(self, value: str) -> None:
        """Replace every a=fingerprint by one value "sha-256 AB:CD:..."."""
        self._edit(lib.sdpx_session_set_fingerprint(self._s, text_arg(value, "fingerprint")),
                   "set_fingerprint")

    def group_add_mid(self, mid: str, semantics: str = "BUNDLE") -> None:
        """Add `mid` to the first a=group with `semantics`, creating it if needed."""
        self._edit(lib.sdpx_session_group_add_mid(self._s, text_arg(semantics, "semantics"),
                                                  text_arg(mid, "mid")), "group_add_mid")

    def group_remove_mid(self, mid: str) -> int:
        """Remove `mid` from every a=group; returns the number of groups changed."""
        return self._edit(lib.sdpx_session_group_remove_mid(self._s, text_arg(mid, "mid")),
                          "group_remove_mid")

    def remove_extmap(self, uri: str) -> int:
        """Remove every a=extmap with this URI; returns how many."""
        return self._edit(lib.sdpx_session_remove_extmap(self._s, text_arg(uri, "uri")),
                          "remove_extmap")

    def renumber_extmap(self, uri: str, id: int) -> int:
        """Give the header extension `uri` the id `id` everywhere; returns lines changed."""
        if id < 0:
            raise ValueError("id must not be negative")
        return self._edit(lib.sdpx_session_renumber_extmap(self._s, text_arg(uri, "uri"), id),
                          "renumber_extmap")

    # -- edits of one line, named by its index in ``lines`` ---------------------------
    # (C line handles are never kept: the index is resolved at the call.)

    def _line_at(self, index: int) -> Any:
        n = lib.sdpx_session_line_count(self._s)
        i = index + n if index < 0 else index
        if not isinstance(index, int) or not 0 <= i < n:
            raise IndexError("session line index out of range")
        return lib.sdpx_session_line(self._s, i)

    def remove_line(self, index: int) -> None:
        """Remove the session-level line ``lines[index]`` (not v=)."""
        self._edit(lib.sdpx_line_remove(self._s, self._line_at(index)), "remove_line")

    def insert_attribute(self, index: int, name: Any, value: Optional[str] = None,
                         after: bool = False) -> None:
        """Insert a=<name>[:<value>], or a typed counterpart
        (``sdpx_attr_insert_typed``), before (or after) ``lines[index]``;
        refused where it would break RFC 8866 line order."""
        self._edit(_insert_attr(self._s, self._line_at(index), name, value, after),
                   "insert_attribute")

    def replace_attribute(self, index: int, name: Any, value: Optional[str] = None) -> None:
        """Replace the a= line ``lines[index]`` by a=<name>[:<value>], or by a
        typed counterpart (``sdpx_attr_replace_typed``)."""
        self._edit(_replace_attr(self._s, self._line_at(index), name, value),
                   "replace_attribute")

    def compact_extmap(self) -> int:
        """Renumber every header extension 1, 2, ... (15 skipped) in order of
        first appearance, the same id in every section (RFC 8843 9.2);
        returns the number of lines changed."""
        return self._edit(lib.sdpx_session_compact_extmap(self._s), "compact_extmap")

    def redact(self) -> int:
        """Redact for logs (``sdpx_session_redact``): addresses, ports, ICE
        credentials, fingerprints and keys become placeholders, the same
        value the same placeholder; the result still parses. Returns the
        number of values replaced."""
        return self._edit(lib.sdpx_session_redact(self._s), "redact")

    def apply_fragment(self, fragment: "Session") -> "A.ApplyResult":
        """Apply a trickle ICE fragment (see :func:`parse_fragment`): its
        candidates are added to the matching sections; an ICE restart
        (other credentials) changes nothing and says so."""
        if not isinstance(fragment, Session):
            raise TypeError("fragment must be a Session from parse_fragment()")
        res = ffi.new("sdpx_apply_result *")
        self._edit(lib.sdpx_session_apply_fragment(self._s, fragment._s, res), "apply_fragment")
        return A.apply_result_from(res)


def _options(strict: bool, limits: Optional[Limits], sink_handle: Any) -> Any:
    opt = ffi.new("sdpx_parse_options *")
    opt.flags = lib.SDPX_PARSE_STRICT if strict else 0
    if limits is not None:
        for f in ("max_input", "max_lines", "max_line_len", "max_attributes", "max_media"):
            v = getattr(limits, f) or 0
            if v < 0:
                raise ValueError("limit %s must not be negative" % f)
            setattr(opt.limits, f, v)
    if sink_handle is not None:
        opt.diag = lib._sdpx_py_diag
        opt.diag_ctx = sink_handle
    return opt


PROFILES = ("lenient", "strict", "browser", "sip", "camera")


def parse(text: TextLike, strict: bool = False, *, limits: Optional[Limits] = None,
          warnings: bool = False, profile: Optional[str] = None) -> Session:
    """Parse SDP text (str or bytes) into a Session (``sdpx_parse``).

    Lenient by default (what real endpoints send); ``strict=True`` applies
    the full RFC 8866 grammar. With ``warnings=True`` the quirks the lenient
    parse tolerated are collected in ``session.warnings`` (it costs some
    speed; :func:`check` lists them without keeping a session). ``profile``
    names a leniency profile (one of PROFILES, docs/grammar.md): the quirks
    it refuses are errors. Raises ParseError with ``line``, ``column``,
    ``code`` and ``message`` when the text does not parse. ``limits`` raises
    the parser's limits (sizes, lines, attributes, media sections).

    Example::

        s = sdpx.parse(open("offer.sdp", "rb").read())
        s.media[0].codecs[0].encoding      # "opus"
        s.media[0].remove_codec("PCMU")
        answer = s.to_bytes()              # untouched lines byte for byte
    """
    data = to_bytes(text)
    found: List[Diagnostic] = []
    handle = ffi.new_handle(found) if warnings else None
    if profile is not None and profile not in PROFILES:
        raise ValueError("unknown profile %r (one of %s)" % (profile, ", ".join(PROFILES)))
    # all defaults: no options struct at all (NULL means lenient, default limits)
    opt = (_options(strict, limits, handle) if strict or limits or warnings or profile
           else ffi.NULL)
    if profile is not None:
        lib.sdpx_parse_options_profile(opt, PROFILES.index(profile))
        if strict:
            opt.flags |= lib.SDPX_PARSE_STRICT
    out = ffi.new("sdpx_session **")
    err = ffi.new("sdpx_error *")
    rc = lib.sdpx_parse(ffi.from_buffer(data), len(data), opt, out, err)
    if rc != 0:
        if rc == lib.SDPX_ENOMEM:
            raise MemoryError("sdpx: out of memory")
        raise error_from(err)
    return Session._wrap(out[0], found)


def check(text: TextLike, strict: bool = False) -> List[Diagnostic]:
    """Lint SDP text (``sdpx_check``): every error and, in lenient mode,
    every tolerated quirk (warning). With ``strict=True``, the strict grammar
    and then the semantic pass (``sdpx_validate``): the same check, and the
    same findings, as ``sdpx check --strict``. An empty list means the text
    parses without remarks."""
    data = to_bytes(text)
    diags: List[Diagnostic] = []
    handle = ffi.new_handle(diags)
    rc = lib.sdpx_check(ffi.from_buffer(data), len(data),
                        lib.SDPX_PARSE_STRICT if strict else 0, lib._sdpx_py_diag, handle)
    if rc == lib.SDPX_ENOMEM:
        raise MemoryError("sdpx: out of memory")
    return diags


def parse_fragment(text: TextLike, strict: bool = False) -> Session:
    """Parse a trickle ICE fragment (application/trickle-ice-sdpfrag,
    RFC 8840; ``sdpx_fragment_parse``) into a Session: its session-level
    lines are ice-ufrag/ice-pwd/ice-options, each m= section carries a=mid,
    candidates and end-of-candidates. Apply it with Session.apply_fragment."""
    data = to_bytes(text)
    opt = _options(strict, None, None)
    out = ffi.new("sdpx_session **")
    err = ffi.new("sdpx_error *")
    rc = lib.sdpx_fragment_parse(ffi.from_buffer(data), len(data), opt, out, err)
    if rc != 0:
        if rc == lib.SDPX_ENOMEM:
            raise MemoryError("sdpx: out of memory")
        raise error_from(err)
    return Session._wrap(out[0], [])


# -- JSON in sdp-transform's shape (sdp.h section 9, docs/json.md) -------------


def _to_json(self: Session, pretty: bool = False, lossless: bool = False) -> str:
    """The session as JSON text in sdp-transform's shape
    (``sdpx_write_json_alloc``); `lossless` is the correct reading
    (SDPX_JSON_LOSSLESS: lines the shape would change go to ``invalid``)."""
    flags = (lib.SDPX_JSON_PRETTY if pretty else 0) | (lib.SDPX_JSON_LOSSLESS if lossless else 0)
    n = ffi.new("size_t *")
    with self._lock:
        p = lib.sdpx_write_json_alloc(self._s, flags, n)
    if p == ffi.NULL:
        raise MemoryError("sdpx: out of memory")
    try:
        return ffi.unpack(p, n[0]).decode("utf-8")
    finally:
        lib.sdpx_free(p)

def _to_dict(self: Session, lossless: bool = False) -> Dict[str, Any]:
    """The session as the dict sdp-transform's parse() gives (see to_json)."""
    result: Dict[str, Any] = _json.loads(_to_json(self, lossless=lossless))
    return result

Session.to_json = _to_json  # type: ignore[attr-defined]
Session.to_dict = _to_dict  # type: ignore[attr-defined]

def from_json(text: TextLike, lossless: bool = False, strict: bool = False, *,
              limits: Optional[Limits] = None) -> Session:
    """A Session from JSON text in sdp-transform's shape
    (``sdpx_parse_json``: written as that library's write() does, then
    parsed). Raises ParseError naming the byte offset of malformed JSON
    or the path of a value that does not fit the shape
    (``media[1].rtp[0].payload: expected a number``)."""
    data = to_bytes(text)
    jo = ffi.new("sdpx_json_options *")
    jo.flags = lib.SDPX_JSON_LOSSLESS if lossless else 0
    if strict or limits:
        jo.parse = _options(strict, limits, None)
    out = ffi.new("sdpx_session **")
    err = ffi.new("sdpx_error *")
    rc = lib.sdpx_parse_json(ffi.from_buffer(data), len(data), jo, out, err)
    if rc != 0:
        if rc == lib.SDPX_ENOMEM:
            raise MemoryError("sdpx: out of memory")
        raise error_from(err)
    return Session._wrap(out[0], [])

def from_dict(obj: Mapping[str, Any], lossless: bool = False, strict: bool = False) -> Session:
    """A Session from a dict in sdp-transform's shape (see from_json)."""
    return from_json(_json.dumps(obj, ensure_ascii=False, allow_nan=False), lossless, strict)

