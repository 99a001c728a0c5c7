# Check suites, one per component, plus the corpus suite.
TEST_SUITES = \
	tests/test_tokenize \
	tests/test_parse \
	tests/test_model \
	tests/test_write \
	tests/test_limits \
	tests/test_corpus \
	tests/test_validate \
	tests/test_corpus_attrs \
	tests/test_attr_rtp \
	tests/test_attr_streams \
	tests/test_codec \
	tests/test_attr_ice \
	tests/test_attr_dtls \
	tests/test_attr_misc \
	tests/test_trickle

check_PROGRAMS += $(TEST_SUITES)
TESTS += $(TEST_SUITES)

TEST_COMMON_CFLAGS = $(TEST_CFLAGS) $(CHECK_CFLAGS) -DSDPX_CORPUS_DIR='"$(SDPX_CORPUS_DIR)"'
TEST_COMMON_LDADD = libsdpx.la $(CHECK_LIBS)

tests_test_tokenize_SOURCES = tests/test_tokenize.c tests/testutil.h
tests_test_tokenize_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_tokenize_LDADD = $(TEST_COMMON_LDADD)
tests_test_parse_SOURCES = tests/test_parse.c tests/testutil.h
tests_test_parse_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_parse_LDADD = $(TEST_COMMON_LDADD)
tests_test_model_SOURCES = tests/test_model.c tests/testutil.h
tests_test_model_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_model_LDADD = $(TEST_COMMON_LDADD)
tests_test_write_SOURCES = tests/test_write.c tests/testutil.h
tests_test_write_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_write_LDADD = $(TEST_COMMON_LDADD)
tests_test_limits_SOURCES = tests/test_limits.c tests/testutil.h
tests_test_limits_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_limits_LDADD = $(TEST_COMMON_LDADD)
tests_test_corpus_SOURCES = tests/test_corpus.c tests/testutil.h
tests_test_corpus_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_corpus_LDADD = $(TEST_COMMON_LDADD)
tests_test_validate_SOURCES = tests/test_validate.c tests/testutil.h
tests_test_validate_CFLAGS = $(TEST_COMMON_CFLAGS) -DSDPX_SRCDIR='"$(abs_top_srcdir)"'
tests_test_validate_LDADD = $(TEST_COMMON_LDADD)
tests_test_corpus_attrs_SOURCES = tests/test_corpus_attrs.c tests/testutil.h
tests_test_corpus_attrs_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_corpus_attrs_LDADD = $(TEST_COMMON_LDADD)
tests_test_attr_rtp_SOURCES = tests/test_attr_rtp.c tests/testutil.h
tests_test_attr_rtp_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_attr_rtp_LDADD = $(TEST_COMMON_LDADD)
tests_test_attr_streams_SOURCES = tests/test_attr_streams.c tests/testutil.h
tests_test_attr_streams_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_attr_streams_LDADD = $(TEST_COMMON_LDADD)
tests_test_codec_SOURCES = tests/test_codec.c tests/testutil.h
tests_test_codec_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_codec_LDADD = $(TEST_COMMON_LDADD)
tests_test_attr_ice_SOURCES = tests/test_attr_ice.c tests/testutil.h tests/strict_line.h
tests_test_attr_ice_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_attr_ice_LDADD = $(TEST_COMMON_LDADD)
tests_test_attr_dtls_SOURCES = tests/test_attr_dtls.c tests/testutil.h tests/strict_line.h
tests_test_attr_dtls_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_attr_dtls_LDADD = $(TEST_COMMON_LDADD)
tests_test_attr_misc_SOURCES = tests/test_attr_misc.c tests/testutil.h tests/strict_line.h
tests_test_attr_misc_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_attr_misc_LDADD = $(TEST_COMMON_LDADD)
tests_test_trickle_SOURCES = tests/test_trickle.c tests/testutil.h
tests_test_trickle_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_trickle_LDADD = $(TEST_COMMON_LDADD)

# The command-line tool, driven by a shell script.
TESTS += tests/cli.test tests/readme.test tests/layers.test
EXTRA_DIST += tests/cli.test tests/readme.test tests/layers.test
TEST_EXTENSIONS = .test
TEST_LOG_COMPILER = $(SHELL)
AM_TESTS_ENVIRONMENT = SDPX='$(abs_top_builddir)/tools/sdpx'; srcdir='$(abs_top_srcdir)'; \
	abs_top_builddir='$(abs_top_builddir)'; CC='$(CC)'; export SDPX srcdir abs_top_builddir CC; \
	LAYER_BASE_CPPFLAGS='$(LAYER_BASE_CPPFLAGS)'; LAYER_ATTR_CPPFLAGS='$(LAYER_ATTR_CPPFLAGS)'; \
	LAYER_CORE_CPPFLAGS='$(LAYER_CORE_CPPFLAGS)'; LAYER_VIEW_CPPFLAGS='$(LAYER_VIEW_CPPFLAGS)'; \
	LAYER_EDIT_CPPFLAGS='$(LAYER_EDIT_CPPFLAGS)'; export LAYER_BASE_CPPFLAGS LAYER_ATTR_CPPFLAGS \
	LAYER_CORE_CPPFLAGS LAYER_VIEW_CPPFLAGS LAYER_EDIT_CPPFLAGS;

# .ci/run asks for the suite list to run them under valgrind.
print-test-suites:
	@echo $(TEST_SUITES)
.PHONY: print-test-suites

# Hardening suites: fixed crash inputs, out-of-memory paths, threads,
# adversarial inputs. Listed in TEST_SUITES so valgrind runs them too.
TEST_SUITES += tests/test_regress
tests_test_regress_SOURCES = tests/test_regress.c tests/testutil.h
tests_test_regress_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_regress_LDADD = $(TEST_COMMON_LDADD)
TEST_SUITES += tests/test_oom
tests_test_oom_SOURCES = tests/test_oom.c tests/testutil.h
tests_test_oom_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_oom_LDADD = $(TEST_COMMON_LDADD)
TEST_SUITES += tests/test_threads
tests_test_threads_SOURCES = tests/test_threads.c tests/testutil.h
tests_test_threads_CFLAGS = $(TEST_COMMON_CFLAGS) -pthread
tests_test_threads_LDADD = $(TEST_COMMON_LDADD) -lpthread
TEST_SUITES += tests/test_adversarial
tests_test_adversarial_SOURCES = tests/test_adversarial.c tests/testutil.h
tests_test_adversarial_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_adversarial_LDADD = $(TEST_COMMON_LDADD)

# Edit API (munging) suites.
TEST_SUITES += tests/test_edit
tests_test_edit_SOURCES = tests/test_edit.c tests/testutil.h
tests_test_edit_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_edit_LDADD = $(TEST_COMMON_LDADD)
TEST_SUITES += tests/test_edit_helpers
tests_test_edit_helpers_SOURCES = tests/test_edit_helpers.c tests/testutil.h
tests_test_edit_helpers_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_edit_helpers_LDADD = $(TEST_COMMON_LDADD)
TEST_SUITES += tests/test_edit_corpus
tests_test_edit_corpus_SOURCES = tests/test_edit_corpus.c tests/testutil.h
tests_test_edit_corpus_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_edit_corpus_LDADD = $(TEST_COMMON_LDADD)

# Fast paths of the tokenizer, field splitting, writer and name switch.
TEST_SUITES += tests/test_fastpath
tests_test_fastpath_SOURCES = tests/test_fastpath.c tests/testutil.h
tests_test_fastpath_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_fastpath_LDADD = $(TEST_COMMON_LDADD)

# NULL arguments: every public function, cases generated from include/sdp.h.
TEST_SUITES += tests/test_null
tests_test_null_SOURCES = tests/test_null.c tests/testutil.h
nodist_tests_test_null_SOURCES = tests/null_cases.h
tests_test_null_CFLAGS = $(TEST_COMMON_CFLAGS) -I$(builddir)/tests
tests_test_null_LDADD = $(TEST_COMMON_LDADD)
BUILT_SOURCES += tests/null_cases.h
CLEANFILES += tests/null_cases.h tests/api_list.txt
EXTRA_DIST += tests/api_list.awk tests/null_gen.awk tests/null_allowed.txt
tests/api_list.txt: $(srcdir)/include/sdp.h $(srcdir)/tests/api_list.awk
	@$(MKDIR_P) tests
	$(AWK) -f $(srcdir)/tests/api_list.awk $(srcdir)/include/sdp.h > $@-t && mv $@-t $@
tests/null_cases.h: tests/api_list.txt $(srcdir)/tests/null_gen.awk $(srcdir)/tests/null_allowed.txt
	$(AWK) -f $(srcdir)/tests/null_gen.awk $(srcdir)/tests/null_allowed.txt tests/api_list.txt > $@-t && mv $@-t $@
tests/tests_test_null-test_null.$(OBJEXT): tests/null_cases.h
# Session diff and the JSEP state tracker.
TEST_SUITES += tests/test_diff tests/test_jsep
tests_test_diff_SOURCES = tests/test_diff.c tests/testutil.h
tests_test_diff_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_diff_LDADD = $(TEST_COMMON_LDADD)
EXTRA_DIST += src/nego/diff.c
tests_test_jsep_SOURCES = tests/test_jsep.c tests/testutil.h
tests_test_jsep_CFLAGS = $(TEST_COMMON_CFLAGS) -DSDPX_SRCDIR='"$(abs_top_srcdir)"'
tests_test_jsep_LDADD = $(TEST_COMMON_LDADD)

# Real browsers (headless Chromium and Firefox ESR) against the sdpx tool.
TESTS += tests/browser.test
EXTRA_DIST += tests/browser.test tests/browser/run.mjs tests/browser/package.json \
	tests/browser/package-lock.json tests/browser/caps-audio.sdp tests/browser/caps-video.sdp \
	tests/browser/caps-all.sdp tests/browser/caps-data.sdp tests/browser/caps-recvonly.sdp \
	tests/browser/caps-simulcast.sdp

# Redaction's work at 1x/4x/16x, counted by the library's own loops: the
# suite builds its own copy of the library with the counter compiled in.
TEST_SUITES += tests/test_redact_ops
tests_test_redact_ops_SOURCES = tests/test_redact_ops.c tests/testutil.h \
	$(src_base_libbase_la_SOURCES) $(src_attr_libattr_la_SOURCES) $(src_core_libcore_la_SOURCES) \
	$(src_view_libview_la_SOURCES) $(src_edit_libedit_la_SOURCES)
nodist_tests_test_redact_ops_SOURCES = $(nodist_src_attr_libattr_la_SOURCES)
tests_test_redact_ops_CPPFLAGS = $(LAYER_EDIT_CPPFLAGS) -DSDPXI_REDACT_OPS
tests_test_redact_ops_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_redact_ops_LDADD = $(CHECK_LIBS) -lm

# The arena debug mode catches a write between arena objects (skips unless
# built with ASan and --enable-arena-debug, as .ci/sanitize.sh asan does).
check_PROGRAMS += tests/test_arena_redzone
TESTS += tests/test_arena_redzone
tests_test_arena_redzone_SOURCES = tests/test_arena_redzone.c src/base/arena.c src/base/base.h
tests_test_arena_redzone_CPPFLAGS = $(LAYER_BASE_CPPFLAGS)
tests_test_arena_redzone_CFLAGS = $(TEST_CFLAGS)

# Negotiation: the offer/answer commands.
TESTS += tests/negotiation.test
EXTRA_DIST += tests/negotiation.test examples/caps.sdp
TEST_SUITES += tests/test_answer tests/test_builder
tests_test_answer_SOURCES = tests/test_answer.c tests/nego_util.h tests/testutil.h
tests_test_answer_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_answer_LDADD = $(TEST_COMMON_LDADD)
tests_test_builder_SOURCES = tests/test_builder.c tests/nego_util.h tests/testutil.h
tests_test_builder_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_builder_LDADD = $(TEST_COMMON_LDADD)
# Answering at 1x/4x/16x of each offer shape, counted under callgrind.
check_PROGRAMS += tests/answer_scale
tests_answer_scale_SOURCES = tests/answer_scale.c
tests_answer_scale_CFLAGS = $(TEST_CFLAGS)
tests_answer_scale_LDADD = libsdpx.la
tests_answer_scale_LDFLAGS = -static
TESTS += tests/answer_scaling.test
EXTRA_DIST += tests/answer_scaling.test
TESTS += tests/readme_answer.test
EXTRA_DIST += tests/readme_answer.test
# JSON in sdp-transform's shape; the differential test against sdp-transform
# itself (tools/install-deps.sh puts it in node_modules; SKIP without it).
TEST_SUITES += tests/test_json
tests_test_json_SOURCES = tests/test_json.c tests/testutil.h
tests_test_json_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_json_LDADD = $(TEST_COMMON_LDADD)
TESTS += tests/json_diff.test tests/json_scaling.test
EXTRA_DIST += tests/json_diff.test tests/json_diff.js tests/json_mutate.js tests/json_diff.exceptions \
	tests/json_scaling.test
AM_TESTS_ENVIRONMENT += SDPX_CORPUS_DIR='$(SDPX_CORPUS_DIR)'; export SDPX_CORPUS_DIR;
check_PROGRAMS += tests/json_scale
tests_json_scale_SOURCES = tests/json_scale.c
tests_json_scale_CFLAGS = $(TEST_CFLAGS)
tests_json_scale_LDADD = libsdpx.la

# Scaling: the library's sources again, built with an operation counter
# (-DSDPX_COUNT_OPS), so the suite counts each edit's work at 1x/4x/16x.
TEST_SUITES += tests/test_scaling
tests_test_scaling_SOURCES = tests/test_scaling.c tests/testutil.h tests/scaling_shapes.h \
	$(src_base_libbase_la_SOURCES) $(src_attr_libattr_la_SOURCES) $(src_core_libcore_la_SOURCES) \
	$(src_view_libview_la_SOURCES) $(src_edit_libedit_la_SOURCES)
nodist_tests_test_scaling_SOURCES = $(nodist_src_attr_libattr_la_SOURCES)
tests_test_scaling_CPPFLAGS = $(LAYER_EDIT_CPPFLAGS) -DSDPX_COUNT_OPS
tests_test_scaling_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_scaling_LDADD = $(CHECK_LIBS) -lm
# Grammar quirks, leniency profiles (checked against docs/grammar.md), tidy writer.
TEST_SUITES += tests/test_quirks
tests_test_quirks_SOURCES = tests/test_quirks.c tests/testutil.h
tests_test_quirks_CFLAGS = $(TEST_COMMON_CFLAGS) -DSDPX_SRCDIR='"$(abs_top_srcdir)"'
tests_test_quirks_LDADD = $(TEST_COMMON_LDADD)
TEST_SUITES += tests/test_strict
tests_test_strict_SOURCES = tests/test_strict.c tests/testutil.h
tests_test_strict_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_strict_LDADD = $(TEST_COMMON_LDADD)
TEST_SUITES += tests/test_imageattr
tests_test_imageattr_SOURCES = tests/test_imageattr.c tests/testutil.h
tests_test_imageattr_CFLAGS = $(TEST_COMMON_CFLAGS)
tests_test_imageattr_LDADD = $(TEST_COMMON_LDADD)
