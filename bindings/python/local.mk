# Python bindings (cffi). make check builds the extension into the build
# directory (bindings/python/_build) and runs the unittest suite.
PYTHON_BINDING_FILES = \
	bindings/python/pyproject.toml \
	bindings/python/setup.py \
	bindings/python/sdpx_build.py \
	bindings/python/sdpx_backend.py \
	bindings/python/.gitignore \
	bindings/python/python.test \
	bindings/python/sdpx/__init__.py \
	bindings/python/sdpx/_base.py \
	bindings/python/sdpx/_helpers.py \
	bindings/python/sdpx/_media.py \
	bindings/python/sdpx/_lines.py \
	bindings/python/sdpx/_session.py \
	bindings/python/sdpx/_attrs.py \
	bindings/python/sdpx/_nego.py \
	bindings/python/tests/test_negotiation.py \
	bindings/python/sdpx/_diff.py \
	bindings/python/sdpx/py.typed \
	bindings/python/tests/run.py \
	bindings/python/tests/helpers.py \
	bindings/python/tests/test_parse.py \
	bindings/python/tests/test_lines.py \
	bindings/python/tests/test_session.py \
	bindings/python/tests/test_corpus.py \
	bindings/python/tests/test_memory.py \
	bindings/python/tests/test_attrs.py \
	bindings/python/tests/test_edit.py \
	bindings/python/tests/test_readme.py \
	bindings/python/tests/test_build.py \
	bindings/python/tests/test_robust.py \
	bindings/python/tests/test_check.py \
	bindings/python/tests/test_diff.py \
	bindings/python/tests/test_vocabulary.py
EXTRA_DIST += $(PYTHON_BINDING_FILES) bench/python_parse.py

if HAVE_PYTHON_CFFI
TESTS += bindings/python/python.test
endif
AM_TESTS_ENVIRONMENT += PYTHON3='$(PYTHON3)'; SDPX_CORPUS_DIR='$(SDPX_CORPUS_DIR)'; SDPX_BUILDDIR='$(abs_top_builddir)'; export PYTHON3 SDPX_CORPUS_DIR SDPX_BUILDDIR;

clean-local: clean-local-python
clean-local-python:
	-rm -rf bindings/python/_build
.PHONY: clean-local-python
