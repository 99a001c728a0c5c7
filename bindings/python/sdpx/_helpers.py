"""Helpers the Session and Media classes share: the per-session lock
wrapper and small converters between Python values and C arguments."""
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



def _lines_of(count: int, get: Any) -> List[Any]:
    return [get(i) for i in range(count)]


_C = TypeVar("_C", bound=type)


def _serialized(cls: _C) -> _C:
    """Make every method and property of a class hold its session's lock.

    cffi releases the GIL during C calls, and the C library allows many
    readers of a session or one editor, never both: so each call into a
    session is serialized here, and sessions stay independent.
    """
    def wrap(fn: Any) -> Any:
        @functools.wraps(fn)
        def locked(self: Any, *args: Any, **kwargs: Any) -> Any:
            with self._session_lock():
                return fn(self, *args, **kwargs)
        return locked

    for name, attr in list(vars(cls).items()):
        if name in ("__init__", "__new__", "_wrap", "_make", "_session_lock", "__eq__",
                    "__hash__") or \
                isinstance(attr, (staticmethod, classmethod)):
            continue
        if isinstance(attr, property):
            setattr(cls, name, property(wrap(attr.fget) if attr.fget else None,
                                        wrap(attr.fset) if attr.fset else None, None, attr.__doc__))
        elif callable(attr) and (not name.startswith("__") or
                                 name in ("__str__", "__bytes__", "__repr__", "__len__",
                                          "__getitem__", "__iter__")):
            setattr(cls, name, wrap(attr))
    return cls


def _view(value: str, what: str) -> Any:
    from ._base import View
    return View(value, what)


def _u64(value: int) -> int:
    if not isinstance(value, int) or value < 0 or value >= 1 << 64:
        raise ValueError("expected an integer 0 .. 2**64-1, got %r" % (value,))
    return value


def _cstr_array(names: Sequence[str]) -> Any:
    if isinstance(names, (str, bytes)):
        names = [names]  # type: ignore[list-item]
    keep = [ffi.new("char[]", text_arg(n, "codec")) for n in names]
    return ffi.new("char *[]", keep), keep


_CF = {
    "types": {"host": "HOST", "srflx": "SRFLX", "prflx": "PRFLX", "relay": "RELAY"},
    "transports": {"udp": "UDP", "tcp": "TCP"},
    "families": {"ip4": "IP4", "ip6": "IP6", "mdns": "MDNS", "fqdn": "FQDN"},
    "scopes": {"private": "PRIVATE", "loopback": "LOOPBACK", "link-local": "LINK_LOCAL"},
}


def _cand_filter(types: Sequence[str] = (), transports: Sequence[str] = (),
                 families: Sequence[str] = (), scopes: Sequence[str] = (),
                 component: int = 0) -> Any:
    f = ffi.new("sdpx_candidate_filter *")
    for fname, names in (("types", types), ("transports", transports), ("families", families),
                         ("scopes", scopes)):
        if isinstance(names, str):
            names = [names]
        bits = 0
        for n in names:
            try:
                bits |= getattr(lib, "SDPX_CF_" + _CF[fname][n.lower()])
            except KeyError:
                raise ValueError("unknown %s filter %r (one of %s)"
                                 % (fname, n, ", ".join(_CF[fname]))) from None
        setattr(f, fname, bits)
    if component < 0:
        raise ValueError("component must not be negative")
    f.component = component
    return f


def _setup_value(role: str) -> int:
    v = _view(role, "setup")
    out = ffi.new("sdpx_setup *")
    if lib.sdpx_setup_parse(v.sv, out) != 0:
        raise ValueError("not a setup role: %r (active, passive, actpass, holdconn)" % (role,))
    return int(out[0])


def _decoded(fn: Any, l: Any) -> Any:
    """Decode an attribute line's value with a decoder, naming the line on failure."""
    try:
        return fn(pystr(lib.sdpx_attr_value(l)))
    except ParseError as e:
        raise ParseError(int(e.code), "a=%s on line %d: %s" % (
            pystr(lib.sdpx_attr_name(l)), lib.sdpx_line_number(l), e.message),
            int(lib.sdpx_line_number(l)), 0) from None


def _walk(step: Any) -> Iterator[Any]:
    l = step(ffi.NULL)
    while l != ffi.NULL:
        yield l
        l = step(l)


def _insert_attr(s: Any, line: Any, name: Any, value: Optional[str], after: bool) -> int:
    """sdpx_attr_insert (or its typed form when `name` is a typed value) at
    `line` of session pointer `s`: the one call of Session and Media."""
    if not isinstance(name, (str, bytes)):
        kind, f = A.typed_value(name)  # f keeps the value's buffers through the call
        return lib.sdpx_attr_insert_typed(s, line, 1 if after else 0, kind, f.out)
    arg = ffi.NULL if value is None else text_arg(value, "value")
    return lib.sdpx_attr_insert(s, line, 1 if after else 0, text_arg(name, "name"), arg)


def _replace_attr(s: Any, line: Any, name: Any, value: Optional[str]) -> int:
    """sdpx_attr_replace (or its typed form) of `line` of session pointer `s`."""
    if not isinstance(name, (str, bytes)):
        kind, f = A.typed_value(name)
        return lib.sdpx_attr_replace_typed(s, line, kind, f.out)
    arg = ffi.NULL if value is None else text_arg(value, "value")
    return lib.sdpx_attr_replace(s, line, text_arg(name, "name"), arg)
