"""Round trip over the corpus of real SDPs ($SDPX_CORPUS_DIR/valid)."""

from __future__ import annotations

import glob
import os
import unittest

import sdpx
from helpers import corpus_dir

CORPUS = corpus_dir()


@unittest.skipIf(CORPUS is None, "corpus not found (SDPX_CORPUS_DIR=%r)"
                 % os.environ.get("SDPX_CORPUS_DIR", ""))
class TestCorpusRoundTrip(unittest.TestCase):
    def files(self) -> list:
        assert CORPUS is not None
        files = sorted(glob.glob(os.path.join(CORPUS, "valid", "*.sdp")))
        self.assertGreater(len(files), 0)
        return files

    def test_every_valid_file_round_trips(self) -> None:
        """Files that parse come back byte for byte (every line with CRLF, or
        with its own ending under keep_lf); files the lenient parser rejects
        (a few real-world oddities, listed by the C corpus suite) raise
        ParseError with a position, never anything else."""
        files = self.files()
        rejected = []
        for path in files:
            with open(path, "rb") as f:
                data = f.read()
            name = os.path.basename(path)
            with self.subTest(name):
                try:
                    s = sdpx.parse(data)
                except sdpx.ParseError as e:
                    self.assertGreaterEqual(e.line, 1, name)
                    rejected.append(name)
                    continue
                crlf = b"".join(l + b"\r\n" for l in data.splitlines())
                self.assertEqual(s.to_bytes(), crlf)
                if data.endswith(b"\n"):
                    self.assertEqual(s.to_bytes(keep_lf=True), data)
                self.assertEqual(str(s), crlf.decode("utf-8", "surrogateescape"))
                self.assertEqual(sdpx.parse(crlf).to_bytes(), crlf)
        # the corpus is real-world valid SDP: nearly all of it must parse
        self.assertLess(len(rejected), len(files) // 10, rejected)

    def test_accessors_do_not_fail_on_real_input(self) -> None:
        """Every accessor works on real input; a typed view may raise
        ParseError only for a line that sdpx_attr_validate also rejects."""
        typed = [n for n in ("codecs", "candidates", "fingerprints", "ssrcs", "ssrc_groups",
                             "rids", "simulcast", "extmaps", "rtcp", "msid", "ice_ufrag",
                             "ice_pwd", "setup", "direction", "crypto", "sctp_port")
                 if hasattr(sdpx.Media, n)]
        checked = 0
        for path in self.files():
            with open(path, "rb") as f:
                try:
                    s = sdpx.parse(f.read(), warnings=True)
                except sdpx.ParseError:
                    continue
            with self.subTest(os.path.basename(path)):
                s.attributes
                s.lines
                try:
                    s.origin if s.lines and s.lines[0].type == "v" else None
                except sdpx.ParseError:
                    # an o= cut short (cameras) is tolerated, and says so
                    self.assertIn(sdpx.Code.W_ORIGIN_FIELDS, [w.code for w in s.warnings])
                for m in s.media:
                    m.attributes
                    m.lines
                    m.mid
                    for name in typed:
                        try:
                            getattr(m, name)
                        except sdpx.ParseError as e:
                            bad = {d.line for d in s.validate_attributes()}
                            self.assertIn(e.line, bad, "%s: %s" % (name, e))
                checked += 1
        self.assertGreater(checked, 0)

if __name__ == "__main__":
    unittest.main()
