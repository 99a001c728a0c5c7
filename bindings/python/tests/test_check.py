"""One strict check: Python's sdpx.check(strict=True), the CLI's
`sdpx check --strict` and the C call sdpx_check(SDPX_PARSE_STRICT) report
the same problems on every corpus file (the CLI path comes from $SDPX)."""

from __future__ import annotations

import glob
import os
import re
import subprocess
import unittest
from typing import Dict, List, Tuple

import sdpx
from helpers import corpus_dir, sdp

CORPUS = corpus_dir()
SDPX = os.environ.get("SDPX", "")
LINE = re.compile(r"^:(\d+):(\d+): (error|warning): (.*)$")

Finding = Tuple[int, int, str, str]


def cli_findings(paths: List[str], strict: bool) -> Dict[str, List[Finding]]:
    """`sdpx check -v [--strict] FILE...` once for all files, by file."""
    args = [SDPX, "check", "-v"] + (["--strict"] if strict else []) + paths
    out = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    found: Dict[str, List[Finding]] = {p: [] for p in paths}
    for line in out.stdout.decode("utf-8", "replace").splitlines():
        path = max((p for p in paths if line.startswith(p + ":")), key=len)
        m = LINE.match(line[len(path):])
        assert m, line
        found[path].append((int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)))
    return found


def py_findings(data: bytes, strict: bool) -> List[Finding]:
    # the CLI names each warning's code after its message
    return [(d.line, d.column, d.severity,
             d.message + (" [%s]" % d.code_name if d.severity == "warning" else ""))
            for d in sdpx.check(data, strict=strict)]


class TestStrictCheck(unittest.TestCase):
    def test_semantic_pass_in_strict(self) -> None:
        text = sdp("v=0", "o=- 1 1 IN IP4 192.0.2.1", "s=-", "t=0 0",
                   "m=audio 9 RTP/AVP 0", "a=mid:a", "m=audio 9 RTP/AVP 0", "a=mid:a")
        self.assertEqual(sdpx.check(text), [])
        found = sdpx.check(text, strict=True)
        self.assertEqual([d.code_name for d in found], ["SDPX_EV_MID_DUPLICATE"])

    @unittest.skipIf(CORPUS is None or not os.access(SDPX, os.X_OK),
                     "corpus or sdpx tool not found")
    def test_cli_and_python_agree_on_corpus(self) -> None:
        assert CORPUS is not None
        files = sorted(glob.glob(os.path.join(CORPUS, "valid", "*.sdp")) +
                       glob.glob(os.path.join(CORPUS, "invalid", "*.sdp")))
        self.assertGreater(len(files), 100)
        semantic = 0
        cli = {strict: cli_findings(files, strict) for strict in (False, True)}
        for path in files:
            with open(path, "rb") as f:
                data = f.read()
            for strict in (False, True):
                with self.subTest(os.path.basename(path), strict=strict):
                    self.assertEqual(cli[strict][path], py_findings(data, strict))
            semantic += any(d.code_name.startswith("SDPX_EV_")
                            for d in sdpx.check(data, strict=True))
        # the semantic pass really ran on the corpus: some files have findings
        self.assertGreater(semantic, 0)


if __name__ == "__main__":
    unittest.main()
