"""The README's Python example runs and prints what the README says."""

from __future__ import annotations

import contextlib
import io
import os
import re
import unittest

from helpers import needs

SRCDIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
README = os.path.join(SRCDIR, "README.md")


@needs("Media.codecs", "Media.ice_ufrag", "Media.remove_codec", "Media.direction=",
       "Session.bump_version")
class TestReadme(unittest.TestCase):
    def test_python_example(self) -> None:
        with open(README, encoding="utf-8") as f:
            text = f.read()
        blocks = re.findall(r"^```python\n(.*?)^```$", text, flags=re.S | re.M)
        self.assertEqual(len(blocks), 1, "one Python example in README.md")
        out = io.StringIO()
        cwd = os.getcwd()
        os.chdir(SRCDIR)  # the example opens examples/offer.sdp
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(blocks[0], "README.md", "exec"), {})
        finally:
            os.chdir(cwd)
        self.assertEqual(out.getvalue(), "0 4ZcD ['opus', 'red', 'G722']\n3\n")


if __name__ == "__main__":
    unittest.main()
