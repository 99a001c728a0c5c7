"""Session and Media: Python objects over a parsed ``sdpx_session``.

Ownership: a Session owns its C session (freed when the Session is garbage
collected); a Media holds a reference to its Session, so the C memory lives
as long as any object that can reach it. C line handles are never kept:
every accessor copies what it reads into Python values at once, so edits
cannot leave a dangling handle behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, List, Optional, Sequence, Union, overload

from ._base import (AttrKind, Diagnostic, ParseError, TextLike, check_rc, diagnostic_from,
                    error_from, ffi, has, lib, pystr, to_bytes)
from ._lines import (Attribute, Bandwidth, Connection, Line, MLine, Origin, Timing,
                     attribute_from, connection_from, line_from, mline_from, origin_from,
                     parse_bandwidth, parse_connection, parse_timing)

__all__ = ["Limits", "Session", "Media", "MediaList", "parse", "check"]


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


def _lines_of(count: int, get: Any) -> List[Any]:
    return [get(i) for i in range(count)]


class Session:
    """A parsed SDP. Create one with :func:`sdpx.parse`.

    ``str(session)`` and :meth:`to_bytes` write it back: untouched lines come
    out byte for byte as they were parsed, every line ending in CRLF.
    """

    __slots__ = ("_s", "warnings", "__weakref__")

    def __init__(self) -> None:
        raise TypeError("use sdpx.parse() to create a Session")

    @classmethod
    def _wrap(cls, ptr: Any, warnings: List[Diagnostic]) -> "Session":
        self = object.__new__(cls)
        self._s = ffi.gc(ptr, lib.sdpx_session_free)
        #: Quirks the lenient parse tolerated, in input order (collected
        #: when parse() was called with warnings=True, else empty).
        self.warnings = warnings
        return self

    # -- writer ----------------------------------------------------------

    def to_bytes(self, keep_lf: bool = False) -> bytes:
        """The session as SDP bytes (``sdpx_write_alloc``). With `keep_lf`,
        lines that ended in a bare LF keep it; otherwise every line gets CRLF."""
        flags = lib.SDPX_WRITE_KEEP_LF if keep_lf else 0
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

    def __repr__(self) -> str:
        o = self.origin if lib.sdpx_session_find_line(self._s, b"o", ffi.NULL) != ffi.NULL else None
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
        l = lib.sdpx_session_find_attr_name(self._s, _name_arg(name), ffi.NULL)
        if l == ffi.NULL:
            return None
        return pystr(lib.sdpx_attr_value(l))

    def find_attributes(self, kind: Union[AttrKind, str]) -> List[Attribute]:
        """Session-level attributes of a kind (AttrKind.GROUP) or a name ("group")."""
        if isinstance(kind, str):
            name = _name_arg(kind)
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

    if has("sdpx_session_direction"):
        @property
        def direction(self) -> str:
            """The session-level direction ("sendrecv" when none is given;
            ``sdpx_session_direction``)."""
            return _direction_name(lib.sdpx_session_direction(self._s))


def _walk(step: Any) -> Iterator[Any]:
    l = step(ffi.NULL)
    while l != ffi.NULL:
        yield l
        l = step(l)


def _name_arg(name: str) -> bytes:
    data = to_bytes(name)
    if b"\0" in data:
        raise ValueError("attribute name must not contain NUL")
    return data


def _direction_name(d: int) -> str:
    return (ffi.string(lib.sdpx_direction_name(d)) or b"").decode("ascii")


class Media:
    """One media section (m= and its lines) of a Session.

    A Media keeps its Session alive. It stays bound to its section: if an
    edit removes the section, using the Media raises LookupError.
    """

    __slots__ = ("_session", "_ptr")

    def __init__(self, session: Session, ptr: Any) -> None:
        self._session = session
        self._ptr = ptr

    def _m(self) -> Any:
        """The C media pointer, after checking the section is still there
        (compared by address only, so a removed section is never read)."""
        s = self._session._s
        for i in range(lib.sdpx_session_media_count(s)):
            if lib.sdpx_session_media(s, i) == self._ptr:
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
        l = lib.sdpx_media_find_attr_name(self._m(), _name_arg(name), ffi.NULL)
        return None if l == ffi.NULL else pystr(lib.sdpx_attr_value(l))

    def find_attributes(self, kind: Union[AttrKind, str]) -> List[Attribute]:
        """This section's attributes of a kind (AttrKind.RTPMAP) or a name ("rtpmap")."""
        m = self._m()
        if isinstance(kind, str):
            name = _name_arg(kind)
            return [attribute_from(l) for l in _walk(
                lambda after: lib.sdpx_media_find_attr_name(m, name, after))]
        k = int(kind)
        return [attribute_from(l) for l in _walk(
            lambda after: lib.sdpx_media_find_attr(m, k, after))]

    def _kind_value(self, kind: int) -> Optional[str]:
        l = lib.sdpx_media_find_attr(self._m(), kind, ffi.NULL)
        return None if l == ffi.NULL else pystr(lib.sdpx_attr_value(l))

    def _kind_value_or_session(self, kind: int) -> Optional[str]:
        v = self._kind_value(kind)
        if v is not None:
            return v
        l = lib.sdpx_session_find_attr(self._session._s, kind, ffi.NULL)
        return None if l == ffi.NULL else pystr(lib.sdpx_attr_value(l))

    @property
    def mid(self) -> Optional[str]:
        """The a=mid value (RFC 5888), None when the section has none."""
        return self._kind_value(lib.SDPX_ATTR_MID)

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

    if has("sdpx_media_direction", "sdpx_direction_name"):
        @property
        def direction(self) -> str:
            """The direction that applies: the section's own attribute, else
            the session's, else "sendrecv" (``sdpx_media_direction``, RFC 8866 6.7)."""
            return _direction_name(lib.sdpx_media_direction(self._m()))


class MediaList(Sequence[Media]):
    """The media sections of a Session, a live read-only sequence."""

    __slots__ = ("_session",)

    def __init__(self, session: Session) -> None:
        self._session = session

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
        return Media(self._session, lib.sdpx_session_media(self._session._s, i))

    def __iter__(self) -> Iterator[Media]:
        for i in range(len(self)):
            yield self[i]

    def __repr__(self) -> str:
        return "[%s]" % ", ".join(repr(m) for m in self)


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


def parse(text: TextLike, strict: bool = False, *, limits: Optional[Limits] = None,
          warnings: bool = False) -> Session:
    """Parse SDP text (str or bytes) into a Session (``sdpx_parse``).

    Lenient by default (what real endpoints send); ``strict=True`` applies
    the full RFC 8866 grammar. With ``warnings=True`` the quirks the lenient
    parse tolerated are collected in ``session.warnings`` (it costs some
    speed; :func:`check` lists them without keeping a session). Raises
    ParseError with ``line``, ``column``, ``code`` and ``message`` when the
    text does not parse.
    """
    data = to_bytes(text)
    found: List[Diagnostic] = []
    handle = ffi.new_handle(found) if warnings else None
    opt = _options(strict, limits, handle)
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
    every tolerated quirk (warning), in input order. An empty list means the
    text parses without remarks."""
    data = to_bytes(text)
    diags: List[Diagnostic] = []
    handle = ffi.new_handle(diags)
    rc = lib.sdpx_check(ffi.from_buffer(data), len(data),
                        lib.SDPX_PARSE_STRICT if strict else 0, lib._sdpx_py_diag, handle)
    if rc == lib.SDPX_ENOMEM:
        raise MemoryError("sdpx: out of memory")
    return diags
