"""One vocabulary (docs/vocabulary.md): every field of a Python value class
that has a C struct of the same name is a field of that struct, or one of
the decoded extras the document lists. A renamed field fails here."""

from __future__ import annotations

import dataclasses
import os
import re
import unittest

import sdpx
from sdpx._base import ffi, lib

DOC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "docs",
                   "vocabulary.md")


def c_struct(cls: type) -> str:
    return "sdpx_" + re.sub(r"(?<!^)([A-Z])", r"_\1", cls.__name__).lower()


def derived() -> set:
    """`Class.field` names from the document's table of decoded extras."""
    with open(DOC, encoding="utf-8") as f:
        text = f.read()
    part = text.split("## Derived Python fields", 1)[1].split("\n## ", 1)[0]
    names = set()
    for row in part.splitlines():
        cell = row.split("|")[1] if row.startswith("|") else ""
        m = re.match(r"\s*`(\w+)\.(\w+)`(.*)", cell)
        if m:
            names.add(m.group(1) + "." + m.group(2))
            names.update(m.group(1) + "." + x for x in re.findall(r"`(\w+)`", m.group(3)))
    return names


class TestVocabulary(unittest.TestCase):
    def test_python_fields_are_c_fields(self) -> None:
        extras = derived()
        self.assertIn("Fmtp.parameters", extras)
        checked = 0
        for name in dir(sdpx):
            cls = getattr(sdpx, name)
            if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
                continue
            try:
                ffi.sizeof(c_struct(cls))  # raises for a missing or opaque type
            except (ffi.error, TypeError):
                continue  # no complete C struct of that name
            cfields = {f[0] for f in ffi.typeof(c_struct(cls)).fields}
            checked += 1
            for f in dataclasses.fields(cls):
                with self.subTest(cls=cls.__name__, field=f.name):
                    self.assertTrue(f.name in cfields or cls.__name__ + "." + f.name in extras,
                                    "%s.%s: not a field of %s (%s) nor listed in docs/vocabulary.md"
                                    % (cls.__name__, f.name, c_struct(cls), sorted(cfields)))
        self.assertGreater(checked, 10)

    def test_enums_mirror_the_header(self) -> None:
        """Code, AttrKind and AddrFamily are written out (so type checkers see
        their members); each must hold exactly the header's constants."""
        # every constant the library's code table names (sdpx_code_name)
        codes = {n[5:]: int(getattr(lib, n)) for n in dir(lib)
                 if n.startswith("SDPX_") and isinstance(getattr(lib, n), int)
                 and -2**31 <= getattr(lib, n) < 2**31  # codes are ints; flags may be wider
                 and sdpx.code_name(int(getattr(lib, n))) == n}
        self.assertEqual({m.name: int(m.value) for m in sdpx.Code}, codes)  # type: ignore[attr-defined]
        for enum_cls, rx, prefix, skip in (
                (sdpx.AttrKind, r"^SDPX_ATTR_[A-Z_]+$", "SDPX_ATTR_", ("KIND_COUNT",)),
                (sdpx.AddrFamily, r"^SDPX_ADDR_[A-Z0-9]+$", "SDPX_ADDR_", ())):
            want = {n[len(prefix):]: int(getattr(lib, n)) for n in dir(lib)
                    if re.match(rx, n) and n[len(prefix):] not in skip}
            got = {m.name: int(m.value) for m in enum_cls}  # type: ignore[attr-defined]
            with self.subTest(enum_cls.__name__):
                self.assertEqual(got, want)

    def test_help_parse_is_useful(self) -> None:
        import pydoc
        text = pydoc.render_doc(sdpx.parse, renderer=pydoc.plaintext)
        for want in ("parse(text", "strict", "limits", "ParseError", "Example", "to_bytes()"):
            self.assertIn(want, text)


if __name__ == "__main__":
    unittest.main()
