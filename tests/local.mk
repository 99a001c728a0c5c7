# Check suites, one per component, plus the corpus suite. A suite is one line
# in TEST_SUITES: it builds from tests/NAME.c with the default flags (AM_CFLAGS
# and LDADD, Makefile.am); only a suite that needs more says so below.
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

TEST_COMMON_CFLAGS = $(AM_CFLAGS)
EXTRA_DIST += tests/testutil.h tests/nego_util.h tests/strict_line.h
TEST_COMMON_LDADD = $(LDADD)

tests_test_validate_CFLAGS = $(TEST_COMMON_CFLAGS) -DSDPX_SRCDIR='"$(abs_top_srcdir)"'

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
TEST_SUITES += tests/test_oom
TEST_SUITES += tests/test_threads
tests_test_threads_CFLAGS = $(TEST_COMMON_CFLAGS) -pthread
tests_test_threads_LDADD = $(TEST_COMMON_LDADD) -lpthread
TEST_SUITES += tests/test_adversarial

# Edit API (munging) suites.
TEST_SUITES += tests/test_edit
TEST_SUITES += tests/test_edit_helpers
TEST_SUITES += tests/test_edit_corpus

# Fast paths of the tokenizer, field splitting, writer and name switch.
TEST_SUITES += tests/test_fastpath

# NULL arguments: every public function, cases generated from include/sdp.h.
TEST_SUITES += tests/test_null
tests_test_null_SOURCES = tests/test_null.c
nodist_tests_test_null_SOURCES = tests/null_cases.h
tests_test_null_CFLAGS = $(TEST_COMMON_CFLAGS) -I$(builddir)/tests
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
EXTRA_DIST += src/nego/diff.c
tests_test_jsep_CFLAGS = $(TEST_COMMON_CFLAGS) -DSDPX_SRCDIR='"$(abs_top_srcdir)"'

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
tests_test_redact_ops_LDADD = $(CHECK_LIBS) -lm

# The arena debug mode catches a write between arena objects (skips unless
# built with ASan and --enable-arena-debug, as .ci/sanitize.sh asan does).
check_PROGRAMS += tests/test_arena_redzone
TESTS += tests/test_arena_redzone
tests_test_arena_redzone_SOURCES = tests/test_arena_redzone.c src/base/arena.c src/base/base.h
tests_test_arena_redzone_CPPFLAGS = $(LAYER_BASE_CPPFLAGS)
tests_test_arena_redzone_CFLAGS = $(TEST_CFLAGS)
tests_test_arena_redzone_LDADD =

# Negotiation: the offer/answer commands.
TESTS += tests/negotiation.test
EXTRA_DIST += tests/negotiation.test examples/caps.sdp
TEST_SUITES += tests/test_answer tests/test_builder
# Answering at 1x/4x/16x of each offer shape, counted under callgrind.
check_PROGRAMS += tests/answer_scale
tests_answer_scale_SOURCES = tests/answer_scale.c
tests_answer_scale_CFLAGS = $(TEST_CFLAGS)
tests_answer_scale_LDADD = libsdpx.la
tests_answer_scale_LDFLAGS = -static
TESTS += tests/answer_scaling.test
EXTRA_DIST += tests/answer_scaling.test
# Answering and checking with each allocation failing in turn (malloc
# put in front of libc's; skips under a sanitizer).
check_PROGRAMS += tests/nego_oom
TESTS += tests/nego_oom
tests_nego_oom_SOURCES = tests/nego_oom.c
tests_nego_oom_CFLAGS = $(TEST_CFLAGS)
tests_nego_oom_LDADD = libsdpx.la
tests_nego_oom_LDFLAGS = -static
TESTS += tests/readme_answer.test
EXTRA_DIST += tests/readme_answer.test
# JSON in sdp-transform's shape; the differential test against sdp-transform
# itself (tools/install-deps.sh puts it in node_modules; SKIP without it).
TEST_SUITES += tests/test_json
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
tests_test_scaling_LDADD = $(CHECK_LIBS) -lm
# Grammar quirks, leniency profiles (checked against docs/grammar.md), tidy writer.
TEST_SUITES += tests/test_quirks
tests_test_quirks_CFLAGS = $(TEST_COMMON_CFLAGS) -DSDPX_SRCDIR='"$(abs_top_srcdir)"'
TEST_SUITES += tests/test_strict
TEST_SUITES += tests/test_imageattr
