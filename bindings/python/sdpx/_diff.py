"""What changed between two descriptions, and the JSEP signaling state
tracker (sdp.h section 11)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, List, Optional, Union

from ._base import Error, TextLike, error_from, ffi, lib, pystr, to_bytes
from ._session import Session, parse

__all__ = ["Change", "JsepError", "JsepTracker", "diff"]

Description = Union[Session, TextLike]


@dataclass(frozen=True)
class Change:
    """One change found by :func:`diff` (``sdpx_change``).

    ``kind`` is the change's name ("ice-restart", "codec-added", ...);
    ``section`` the 0-based media section, or None for a session-level
    change; ``mid`` the section's mid ("" when it has none); ``old_text`` and
    ``new_text`` the values on each side ("" for a side that has none).
    """

    kind: str
    section: Optional[int]
    mid: str
    old_text: str
    new_text: str

    def __str__(self) -> str:
        where = "session" if self.section is None else "m=%d%s" % (
            self.section, " mid=" + self.mid if self.mid else "")
        return "%s %s: %s -> %s" % (self.kind, where, self.old_text or "-", self.new_text or "-")


@ffi.def_extern()
def _sdpx_py_change(ctx: Any, c: Any) -> None:
    """Collects changes into the list `ctx` is a handle of."""
    section = None if c.section == lib.SDPX_CHANGE_SESSION_LEVEL else int(c.section)
    ffi.from_handle(ctx).append(Change(ffi.string(lib.sdpx_change_kind_name(c.kind)).decode(),
                                       section, pystr(c.mid), pystr(c.old_text),
                                       pystr(c.new_text)))


def _session(d: Description) -> Session:
    return d if isinstance(d, Session) else parse(d)


def diff(old: Description, new: Description) -> List[Change]:
    """The changes from `old` to `new` (Sessions, or SDP text to parse), in
    the order ``sdpx_session_diff`` reports them: session level first, then
    section by section (paired by position)."""
    a, b = _session(old), _session(new)
    found: List[Change] = []
    handle = ffi.new_handle(found)
    rc = lib.sdpx_session_diff(a._s, b._s, lib._sdpx_py_change, handle)
    if rc < 0:  # pragma: no cover - only for NULL sessions
        raise Error(rc)
    return found


class JsepError(Error, ValueError):
    """A step the tracker refused: ``code`` (``Code.EJSEP_*``) and a message
    that names the section and the rule; ``line`` is the m= line's number in
    the refused description (0 when the problem is not a section's)."""

    def __init__(self, code: int, message: str = "", line: int = 0) -> None:
        self.line = line
        super().__init__(code, message)


_TYPES = {"offer": 1, "pranswer": 2, "answer": 3, "rollback": 4}
_WHICH = {"current_local": 0, "pending_local": 1, "current_remote": 2, "pending_remote": 3}


class JsepTracker:
    """The JSEP signaling state of one peer connection (``sdpx_jsep``).

    ``set_local(type, sdp)`` and ``set_remote(type, sdp)`` mirror
    setLocalDescription / setRemoteDescription: `type` is "offer",
    "pranswer", "answer" or "rollback" (no description then). A refused
    step raises :class:`JsepError` and changes nothing. ``state`` is the
    W3C name ("stable", "have-local-offer", ...); the descriptions held are
    :attr:`current_local` and friends (copies, or None).
    """

    __slots__ = ("_j",)

    def __init__(self) -> None:
        self._j = ffi.new("sdpx_jsep *")
        lib.sdpx_jsep_init(self._j)

    def __del__(self) -> None:
        j = getattr(self, "_j", None)
        if j is not None:
            lib.sdpx_jsep_reset(j)

    def _set(self, remote: int, type: str, desc: Optional[Description]) -> None:
        if type not in _TYPES:
            raise ValueError("type must be one of %s, not %r" % (", ".join(_TYPES), type))
        ptr = ffi.NULL
        if type != "rollback":
            if desc is None:
                raise ValueError("a %s needs a description" % type)
            # the tracker owns what it accepts: hand it a session of its own
            data = desc.to_bytes() if isinstance(desc, Session) else to_bytes(desc)
            out = ffi.new("sdpx_session **")
            err = ffi.new("sdpx_error *")
            if lib.sdpx_parse(ffi.from_buffer(data), len(data), ffi.NULL, out, err) != 0:
                raise error_from(err)
            ptr = out[0]
        err = ffi.new("sdpx_error *")
        rc = lib.sdpx_jsep_set(self._j, remote, _TYPES[type], ptr, err)
        if rc != 0:
            if ptr != ffi.NULL:
                lib.sdpx_session_free(ptr)
            raise JsepError(rc, ffi.string(err.msg).decode("utf-8", "replace"), int(err.line))

    def set_local(self, type: str, desc: Optional[Description] = None) -> None:
        """setLocalDescription: apply a local offer, pranswer, answer or rollback."""
        self._set(0, type, desc)

    def set_remote(self, type: str, desc: Optional[Description] = None) -> None:
        """setRemoteDescription: apply a remote offer, pranswer, answer or rollback."""
        self._set(1, type, desc)

    @property
    def state(self) -> str:
        """The signaling state: "stable", "have-local-offer", "have-remote-offer",
        "have-local-pranswer" or "have-remote-pranswer"."""
        return ffi.string(lib.sdpx_jsep_state_name(lib.sdpx_jsep_get_state(self._j))).decode()

    def _desc(self, which: str) -> Optional[Session]:
        p = lib.sdpx_jsep_description(self._j, _WHICH[which])
        if p == ffi.NULL:
            return None
        n = ffi.new("size_t *")
        text = lib.sdpx_write_alloc(p, 0, n)
        if text == ffi.NULL:
            raise MemoryError("sdpx: out of memory")
        try:
            return parse(ffi.unpack(text, n[0]))
        finally:
            lib.sdpx_free(text)

    @property
    def current_local(self) -> Optional[Session]:
        """The local description of the last completed negotiation."""
        return self._desc("current_local")

    @property
    def pending_local(self) -> Optional[Session]:
        """The local offer or pranswer not yet answered."""
        return self._desc("pending_local")

    @property
    def current_remote(self) -> Optional[Session]:
        """The remote description of the last completed negotiation."""
        return self._desc("current_remote")

    @property
    def pending_remote(self) -> Optional[Session]:
        """The remote offer or pranswer not yet answered."""
        return self._desc("pending_remote")

    def __repr__(self) -> str:
        return "JsepTracker(state=%r)" % self.state
