"""Shared plumbing of the Python layer: the native module, views, errors, enums.

Nothing here parses SDP: views (``sdpx_str``) coming from C are copied into
Python strings, and Python values are handed to C as views.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import Any, Callable, List, Optional, Tuple, TypeVar, Union

try:
    from ._native import ffi, lib
except ImportError as exc:  # pragma: no cover - depends on the build
    raise ImportError(
        "sdpx: the compiled module sdpx._native is missing or cannot load "
        "libsdpx (build it with sdpx_build.py, or install the package with pip): %s" % exc
    ) from exc

__all__ = ["ffi", "lib"]

#: Text SDP is bytes; undecodable bytes survive a round trip as surrogates.
ENCODING = "utf-8"
ERRORS = "surrogateescape"

TextLike = Union[str, bytes, bytearray, memoryview]

F = TypeVar("F", bound=Callable[..., Any])


def has(*names: str) -> bool:
    """True when the loaded library exports every C function in `names`."""
    return all(hasattr(lib, n) for n in names)


def to_bytes(text: TextLike) -> bytes:
    """Bytes of an SDP given as str (UTF-8) or any bytes-like object."""
    if isinstance(text, str):
        return text.encode(ENCODING, ERRORS)
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError("expected str or bytes, not %s" % type(text).__name__)


def text_arg(value: TextLike, what: str = "value") -> bytes:
    """Bytes of a value given to a setter or decoder. A NUL is refused here
    because C strings end at the first NUL (the C setters refuse CR and LF)."""
    if not isinstance(value, (str, bytes, bytearray, memoryview)):
        raise TypeError("%s must be str or bytes, not %s" % (what, type(value).__name__))
    data = to_bytes(value)
    if b"\0" in data:
        raise ValueError("%s must not contain NUL" % what)
    return data


def pystr(view: Any) -> str:
    """A copy of an ``sdpx_str`` view as a Python str."""
    if view.len == 0:
        return ""
    return ffi.unpack(view.ptr, view.len).decode(ENCODING, ERRORS)


def cstr(p: Any) -> Optional[str]:
    """A NUL-terminated C string as str, or None for NULL."""
    if p == ffi.NULL:
        return None
    return ffi.string(p).decode(ENCODING, ERRORS)


class View:
    """An ``sdpx_str`` over Python-owned bytes; keep the View alive while C
    (or a decoded struct pointing into it) uses the bytes. Bind it to a
    name first: a View made inside a call's arguments and passed on by its
    ``sv`` is freed, with the bytes, before the call runs
    (tests/test_lines.py checks the sources for that form)."""

    __slots__ = ("buf", "ptr", "data")

    def __init__(self, value: TextLike, what: str = "value") -> None:
        self.data = text_arg(value, what)
        self.buf = ffi.new("char[]", self.data)
        self.ptr = ffi.new("sdpx_str *")
        self.ptr.ptr = self.buf
        self.ptr.len = len(self.data)

    @property
    def sv(self) -> Any:
        """The ``sdpx_str`` struct itself (to pass by value)."""
        return self.ptr[0]


def _enum_members(pattern: str, strip: str) -> List[Tuple[str, int]]:
    rx = re.compile(pattern)
    members = [(n[len(strip):], int(getattr(lib, n))) for n in dir(lib) if rx.match(n)]
    return sorted(members, key=lambda kv: kv[1])


#: Status codes of the library (``sdpx_code``): 0, negative errors, positive warnings.
Code = enum.IntEnum("Code", _enum_members(r"^SDPX_(OK|E[A-Z]+(?:_[A-Z]+)*|W_[A-Z_]+)$", "SDPX_"),  # type: ignore[misc]
                    module=__name__)

#: Attribute kinds (``sdpx_attr_kind``), classified by the parser from the name.
AttrKind = enum.IntEnum("AttrKind",  # type: ignore[misc]
                        [kv for kv in _enum_members(r"^SDPX_ATTR_[A-Z_]+$", "SDPX_ATTR_")
                         if kv[0] != "KIND_COUNT"], module=__name__)


#: Address families of sdpx_address_family (``sdpx_addr_family``): IP4, IP6, FQDN, MDNS.
AddrFamily = enum.IntEnum("AddrFamily",  # type: ignore[misc]
                          _enum_members(r"^SDPX_ADDR_[A-Z0-9]+$", "SDPX_ADDR_") or [("NONE", 0)],
                          module=__name__)


def code_of(code: int) -> Union["enum.IntEnum", int]:
    """The Code member for `code`, or the plain int when the enum lacks it."""
    try:
        return Code(code)
    except ValueError:
        return code


def strerror(code: int) -> str:
    """A short English description of a status code (``sdpx_strerror``)."""
    return cstr(lib.sdpx_strerror(code)) or ""


def code_name(code: int) -> str:
    """The symbolic name of a status code (``sdpx_code_name``), e.g. "SDPX_ERANGE"."""
    return cstr(lib.sdpx_code_name(code)) or ""


class Error(Exception):
    """Base of the exceptions sdpx raises; carries the C status code."""

    def __init__(self, code: int, message: str = "") -> None:
        self.code = code_of(code)
        self.message = message or strerror(code)
        super().__init__(self.message)

    @property
    def code_name(self) -> str:
        """The code's symbolic name, e.g. "SDPX_EVALUE"."""
        return code_name(int(self.code))


class ParseError(Error, ValueError):
    """SDP text (or a value given to a decoder) that does not parse.

    ``line`` and ``column`` are 1-based (the column counts bytes); both are 0
    when the problem has no position.
    """

    def __init__(self, code: int, message: str = "", line: int = 0, column: int = 0) -> None:
        self.line = line
        self.column = column
        super().__init__(code, message)

    def __str__(self) -> str:
        if self.line:
            return "line %d, column %d: %s" % (self.line, self.column, self.message)
        return self.message

    def __repr__(self) -> str:
        return "ParseError(code=%s, line=%d, column=%d, message=%r)" % (
            code_name(int(self.code)), self.line, self.column, self.message)


class EditError(Error, ValueError):
    """An edit the library refused (a bad value, or nothing to edit).

    The message is the library's reason (``sdpx_session_last_error``) when it
    gave one: the argument, the byte (``column``, 1-based; 0 when the reason
    is not one byte) and the line it would have broken.
    """

    def __init__(self, code: int, message: str = "", column: int = 0) -> None:
        self.column = column
        super().__init__(code, message)


def check_edit(rc: int, session: Any, what: str) -> int:
    """Raise EditError for a refused edit of `session` (a ``sdpx_session *``),
    with the reason the library recorded; return rc otherwise."""
    if rc < 0 and rc != lib.SDPX_ENOMEM:
        e = lib.sdpx_session_last_error(session)
        if e != ffi.NULL and int(e.code) == rc and cstr(e.msg):
            raise EditError(rc, "%s: %s" % (what, cstr(e.msg)) if what else cstr(e.msg),
                            int(e.col))
    return check_rc(rc, EditError, what)


def error_from(err: Any) -> ParseError:
    """A ParseError from a filled ``sdpx_error``."""
    return ParseError(int(err.code), cstr(err.msg) or strerror(int(err.code)),
                      int(err.line), int(err.col))


def check_rc(rc: int, exc: type = ParseError, what: str = "") -> int:
    """Raise for a negative C return code; return it otherwise."""
    if rc < 0:
        if rc == lib.SDPX_ENOMEM:
            raise MemoryError("sdpx: out of memory")
        msg = strerror(rc)
        raise exc(rc, "%s: %s" % (what, msg) if what else msg)
    return rc


@dataclass(frozen=True)
class Diagnostic:
    """One problem found by :func:`sdpx.check` or tolerated by a lenient parse.

    ``severity`` is "warning" or "error"; warnings have positive codes
    (``Code.W_*``), errors negative ones.
    """

    severity: str
    code: Union["enum.IntEnum", int]
    line: int
    column: int
    message: str

    @property
    def code_name(self) -> str:
        """The code's symbolic name, e.g. "SDPX_W_LF"."""
        return code_name(int(self.code))

    def __str__(self) -> str:
        return "%d:%d: %s: %s [%s]" % (self.line, self.column, self.severity,
                                       self.message, self.code_name)


def diagnostic_from(sev: int, err: Any) -> Diagnostic:
    """A Diagnostic from a severity and an ``sdpx_error``."""
    return Diagnostic("error" if sev == lib.SDPX_SEV_ERROR else "warning",
                      code_of(int(err.code)), int(err.line), int(err.col),
                      cstr(err.msg) or strerror(int(err.code)))


@ffi.def_extern()
def _sdpx_py_diag(ctx: Any, sev: int, err: Any) -> None:
    """Collects diagnostics into the list `ctx` is a handle of."""
    sink = ffi.from_handle(ctx)
    sink.append(diagnostic_from(sev, err))
