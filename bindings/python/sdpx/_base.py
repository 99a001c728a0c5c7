"""Shared plumbing of the Python layer: the native module, views, errors, enums.

Nothing here parses SDP: views (``sdpx_str``) coming from C are copied into
Python strings, and Python values are handed to C as views.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any, Callable, Optional, TypeVar, Union

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


class Code(enum.IntEnum):
    """Status codes of the library (``sdpx_code``): 0, negative errors, positive
    warnings. The members are the codes sdpx_code_name() names
    (tests/test_vocabulary checks it)."""

    EJSEP_NOORIGIN = -309
    EJSEP_VERSION = -308
    EJSEP_ORIGIN = -307
    EJSEP_BUNDLE = -306
    EJSEP_SETUP = -305
    EJSEP_REJECTED = -304
    EJSEP_KIND = -303
    EJSEP_MID = -302
    EJSEP_SECTIONS = -301
    EJSEP_STATE = -300
    EJSON_SHAPE = -251
    EJSON = -250
    EN_V_RTCP_MUX = -236
    EN_V_FINGERPRINT = -235
    EN_V_PROTO = -234
    EN_V_ACCEPTED = -233
    EN_V_SCTP = -232
    EN_V_SIMULCAST = -231
    EN_V_BUNDLE = -230
    EN_V_ICE = -229
    EN_V_SETUP = -228
    EN_V_DIRECTION = -227
    EN_V_EXTMAP = -226
    EN_V_RTCP_FB = -225
    EN_V_FMTP = -224
    EN_V_PARTNER = -223
    EN_V_CODEC = -222
    EN_V_MID = -221
    EN_V_SECTIONS = -220
    EN_CAPS = -208
    EN_LOCAL_FINGERPRINT = -207
    EN_NO_DATA = -206
    EN_SETUP = -205
    EN_KIND = -204
    EN_NO_FINGERPRINT = -202
    EN_PROTO = -201
    EN_NO_CODEC = -200
    EV_FMTP_VALUE = -120
    EV_PT_NO_RTPMAP = -119
    EV_DIRECTION_DUPLICATE = -118
    EV_SSRC_GROUP_DUPLICATE = -117
    EV_RTPMAP_DUPLICATE = -116
    EV_ICE_PWD_LENGTH = -115
    EV_ICE_UFRAG_LENGTH = -114
    EV_NO_ICE_PWD = -113
    EV_NO_ICE_UFRAG = -112
    EV_NO_SETUP = -111
    EV_NO_FINGERPRINT = -110
    EV_EXTMAP_DUPLICATE = -109
    EV_SSRC_GROUP_MEMBER = -108
    EV_RID_DUPLICATE = -107
    EV_RID_PT_UNKNOWN = -106
    EV_SIMULCAST_RID_DIRECTION = -105
    EV_SIMULCAST_RID_UNKNOWN = -104
    EV_MID_DUPLICATE = -103
    EV_GROUP_MID_UNKNOWN = -102
    EV_APT_UNKNOWN = -101
    EV_PT_NOT_IN_MLINE = -100
    ESTALE = -23
    EDUPLICATE = -22
    ESCOPE = -21
    EUNKNOWN = -20
    EVALUE = -19
    EMISSING = -18
    EORDER = -17
    EFIELD = -16
    ERANGE = -15
    EVERSION = -14
    ECR = -13
    ENUL = -12
    ESYNTAX = -11
    EEMPTY = -10
    ELIMIT = -6
    EOVERFLOW = -5
    ENOTFOUND = -4
    EINVAL = -3
    ESCRATCH = -2
    ENOMEM = -1
    OK = 0
    W_LF = 1
    W_NO_FINAL_EOL = 2
    W_BLANK_LINE = 3
    W_TRAILING_SPACE = 4
    W_MISSING_ORIGIN = 5
    W_MISSING_NAME = 6
    W_MISSING_TIMING = 7
    W_ORDER = 8
    W_UNKNOWN_TYPE = 9
    W_ATTR_NAME = 10
    W_DUPLICATE = 11
    W_NO_FORMAT = 12
    W_ATTR_VALUE = 13
    W_SCOPE = 14
    W_FIELD = 15
    W_ORIGIN_FIELDS = 16
    W_CONNECTION_FIELDS = 17
    W_INDENT = 18
    W_UNTYPED_LINE = 19
    W_NO_VERSION = 20
    W_VERSION_VALUE = 21
    W_ZONE_ID = 22


class AttrKind(enum.IntEnum):
    """Attribute kinds (``sdpx_attr_kind``), classified by the parser from the
    name. The members mirror sdp.h (tests/test_vocabulary checks it)."""

    NONE = 0
    OTHER = 1
    CANDIDATE = 2
    ICE_UFRAG = 3
    ICE_PWD = 4
    ICE_OPTIONS = 5
    ICE_LITE = 6
    ICE_MISMATCH = 7
    END_OF_CANDIDATES = 8
    REMOTE_CANDIDATES = 9
    ICE_PACING = 10
    FINGERPRINT = 11
    SETUP = 12
    TLS_ID = 13
    RTPMAP = 14
    FMTP = 15
    RTCP_FB = 16
    EXTMAP = 17
    EXTMAP_ALLOW_MIXED = 18
    RTCP = 19
    RTCP_MUX = 20
    RTCP_MUX_ONLY = 21
    RTCP_RSIZE = 22
    SENDRECV = 23
    SENDONLY = 24
    RECVONLY = 25
    INACTIVE = 26
    PTIME = 27
    MAXPTIME = 28
    FRAMERATE = 29
    QUALITY = 30
    SSRC = 31
    SSRC_GROUP = 32
    MSID = 33
    MSID_SEMANTIC = 34
    GROUP = 35
    MID = 36
    BUNDLE_ONLY = 37
    RID = 38
    SIMULCAST = 39
    SCTP_PORT = 40
    MAX_MESSAGE_SIZE = 41
    SCTPMAP = 42
    CRYPTO = 43
    CAT = 44
    KEYWDS = 45
    TOOL = 46
    ORIENT = 47
    TYPE = 48
    CHARSET = 49
    SDPLANG = 50
    LANG = 51
    LABEL = 52
    CONTENT = 53
    IMAGEATTR = 54
    CONTROL = 55
    RANGE = 56
    IDENTITY = 57


class AddrFamily(enum.IntEnum):
    """Address families of sdpx_address_family (``sdpx_addr_family``). The
    members mirror sdp.h (tests/test_vocabulary checks it)."""

    IP4 = 1
    IP6 = 2
    FQDN = 3
    MDNS = 4


def code_of(code: int) -> Union[Code, int]:
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
        self.code: Union[Code, int] = code_of(code)
        self.message: str = message or strerror(code)
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
    code: Union[Code, int]
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
