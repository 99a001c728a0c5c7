# libFuzzer targets (ASan + UBSan). Not part of `make check`: `make fuzz`
# builds every target with clang and runs each for FUZZ_SECONDS seconds.
FUZZ_SECONDS = 60
FUZZ_CC = clang
# The whole directory ships: targets, scripts, dictionary.
EXTRA_DIST += fuzz

fuzz:
	CC='$(FUZZ_CC)' FUZZ_OUT='$(abs_top_builddir)/fuzz-out' $(SHELL) '$(srcdir)/fuzz/build.sh'
	FUZZ_OUT='$(abs_top_builddir)/fuzz-out' SDPX_CORPUS_DIR='$(SDPX_CORPUS_DIR)' \
		$(SHELL) '$(srcdir)/fuzz/run.sh' '$(FUZZ_SECONDS)'
.PHONY: fuzz

clean-local: clean-fuzz
clean-fuzz:
	-rm -rf fuzz-out
.PHONY: clean-fuzz
