# libFuzzer targets (ASan + UBSan). Not part of `make check`: `make fuzz`
# builds every target with clang and runs each for FUZZ_SECONDS seconds.
FUZZ_SECONDS = 60
FUZZ_CC = clang
# Targets, scripts and dictionary ship in the tarball. They are listed one
# by one: naming the directory would make `make dist` run the phony `fuzz`.
EXTRA_DIST += fuzz/local.mk fuzz/build.sh fuzz/run.sh fuzz/seeds.sh fuzz/sdp.dict \
	fuzz/common.h fuzz/fuzz_attr.c fuzz/fuzz_candidate.c fuzz/fuzz_check.c fuzz/fuzz_edit.c \
	fuzz/fuzz_lines.c fuzz/fuzz_parse.c fuzz/fuzz_roundtrip.c fuzz/fuzz_tokenize.c \
	fuzz/fuzz_redact.c fuzz/fuzz_show.c
EXTRA_DIST += fuzz/fuzz_answer.c fuzz/seeds-fuzz_answer.sh
# Session diff and the JSEP tracker.
EXTRA_DIST += fuzz/fuzz_diff.c fuzz/seeds-fuzz_diff.sh

fuzz:
	CC='$(FUZZ_CC)' FUZZ_OUT='$(abs_top_builddir)/fuzz-out' $(SHELL) '$(srcdir)/fuzz/build.sh'
	FUZZ_OUT='$(abs_top_builddir)/fuzz-out' SDPX_CORPUS_DIR='$(SDPX_CORPUS_DIR)' \
		$(SHELL) '$(srcdir)/fuzz/run.sh' '$(FUZZ_SECONDS)'
.PHONY: fuzz

clean-local: clean-fuzz
clean-fuzz:
	-rm -rf fuzz-out
.PHONY: clean-fuzz
# JSON in sdp-transform's shape, and its seeds.
EXTRA_DIST += fuzz/fuzz_json.c fuzz/seeds-fuzz_json.sh
