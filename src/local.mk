# The library, one directory per layer. Each layer is a convenience library
# whose include path names only its own header and those of the layers below
# it, so an include that reaches up a layer does not compile
# (docs/ARCHITECTURE.md; tests/layers.test checks the rest).
#   base  arena, errors, numbers, tokenizer             base.h
#   attr  pure decoders/encoders, attribute registry    attr.h  (+ base)
#   core  model, parser, writer                         core.h  (+ attr)
#   view  codec view, scoped accessors, validation      view.h  (+ core)
#   edit  edits, redaction, trickle application         edit.h  (+ view)
LAYER_BASE_CPPFLAGS = -I$(top_srcdir)/include -I$(top_srcdir)/src/base $(SDPX_DEBUG_CPPFLAGS)
LAYER_ATTR_CPPFLAGS = $(LAYER_BASE_CPPFLAGS) -I$(top_srcdir)/src/attr -I$(top_builddir)/src/attr
LAYER_CORE_CPPFLAGS = $(LAYER_ATTR_CPPFLAGS) -I$(top_srcdir)/src/core
LAYER_VIEW_CPPFLAGS = $(LAYER_CORE_CPPFLAGS) -I$(top_srcdir)/src/view
LAYER_EDIT_CPPFLAGS = $(LAYER_VIEW_CPPFLAGS) -I$(top_srcdir)/src/edit

noinst_LTLIBRARIES = src/base/libbase.la src/attr/libattr.la src/core/libcore.la \
	src/view/libview.la src/edit/libedit.la

src_base_libbase_la_CPPFLAGS = $(LAYER_BASE_CPPFLAGS)
src_base_libbase_la_CFLAGS = $(STRICT_CFLAGS)
src_base_libbase_la_SOURCES = \
	src/base/base.h \
	src/base/arena.c \
	src/base/error.c \
	src/base/number.c \
	src/base/tokenize.c

src_attr_libattr_la_CPPFLAGS = $(LAYER_ATTR_CPPFLAGS)
src_attr_libattr_la_CFLAGS = $(STRICT_CFLAGS)
src_attr_libattr_la_SOURCES = \
	src/attr/attr.h \
	src/attr/encode.c \
	src/attr/lines.c \
	src/attr/registry.c \
	src/attr/ice.c \
	src/attr/dtls.c \
	src/attr/crypto.c \
	src/attr/sctp.c \
	src/attr/bundle.c \
	src/attr/rtp.c \
	src/attr/ssrc.c \
	src/attr/simulcast.c
# Image attributes (RFC 6236).
src_attr_libattr_la_SOURCES += src/attr/imageattr.c
# The attribute name switch and kind index, generated from registry.c's rows.
nodist_src_attr_libattr_la_SOURCES = src/attr/registry_index.h
BUILT_SOURCES = src/attr/registry_index.h
CLEANFILES += src/attr/registry_index.h
EXTRA_DIST += src/attr/registry_gen.awk
src/attr/registry_index.h: $(srcdir)/src/attr/registry.c $(srcdir)/src/attr/registry_gen.awk
	$(AM_V_GEN)$(MKDIR_P) src/attr && \
	$(AWK) -f $(srcdir)/src/attr/registry_gen.awk $(srcdir)/src/attr/registry.c > $@-t && mv $@-t $@

src_core_libcore_la_CPPFLAGS = $(LAYER_CORE_CPPFLAGS)
src_core_libcore_la_CFLAGS = $(STRICT_CFLAGS)
src_core_libcore_la_SOURCES = \
	src/core/core.h \
	src/core/model.c \
	src/core/parse.c \
	src/core/write.c \
	src/core/compact.c
# Leniency profiles: which quirks each refuses.
src_core_libcore_la_SOURCES += src/core/quirks.c

src_view_libview_la_CPPFLAGS = $(LAYER_VIEW_CPPFLAGS)
src_view_libview_la_CFLAGS = $(STRICT_CFLAGS)
src_view_libview_la_SOURCES = \
	src/view/view.h \
	src/view/codec.c \
	src/view/scoped.c \
	src/view/validate.c \
	src/view/check.c
# Well-known codec parameters against their payload formats' RFCs.
src_view_libview_la_SOURCES += src/view/codec_rules.c

src_edit_libedit_la_CPPFLAGS = $(LAYER_EDIT_CPPFLAGS)
src_edit_libedit_la_CFLAGS = $(STRICT_CFLAGS)
src_edit_libedit_la_SOURCES = \
	src/edit/edit.h \
	src/edit/edit.c \
	src/edit/edit_codec.c \
	src/edit/edit_ice.c \
	src/edit/edit_typed.c \
	src/edit/redact.c \
	src/edit/trickle.c

lib_LTLIBRARIES += libsdpx.la
libsdpx_la_SOURCES =
libsdpx_la_LDFLAGS = -version-info $(SDPX_LT_VERSION) -export-symbols-regex '^sdpx_' -no-undefined
libsdpx_la_LIBADD = src/nego/libnego.la src/nego/libjsep.la src/json/libjson.la src/edit/libedit.la src/view/libview.la src/core/libcore.la \
	src/attr/libattr.la src/base/libbase.la

# Negotiation (sdp.h section 10): builder, capabilities, answerer, verify.
# On the public API alone: sdp.h and its own nego.h.
noinst_LTLIBRARIES += src/nego/libnego.la
src_nego_libnego_la_CPPFLAGS = -I$(top_srcdir)/include -I$(top_srcdir)/src/nego
src_nego_libnego_la_CFLAGS = $(STRICT_CFLAGS)
src_nego_libnego_la_SOURCES = src/nego/nego.h src/nego/index.c src/nego/text.c src/nego/random.c src/nego/caps.c \
	src/nego/builder.c src/nego/codecs.c src/nego/transport.c src/nego/simulcast.c \
	src/nego/sctp.c src/nego/answer.c src/nego/verify.c
# JSON in sdp-transform's shape: a layer on the public API alone (its include
# path has sdp.h and its own header, nothing of the layers below).
noinst_LTLIBRARIES += src/json/libjson.la
src_json_libjson_la_CPPFLAGS = -I$(top_srcdir)/include -I$(top_srcdir)/src/json
src_json_libjson_la_CFLAGS = $(STRICT_CFLAGS)
src_json_libjson_la_SOURCES = src/json/json.h src/json/grammar.c src/json/jsnum.c \
	src/json/read.c src/json/write.c src/json/shape.c

# Session diff and the JSEP signaling state tracker: the public API only
# (their files include sdp.h alone).
noinst_LTLIBRARIES += src/nego/libjsep.la
src_nego_libjsep_la_CPPFLAGS = -I$(top_srcdir)/include
src_nego_libjsep_la_CFLAGS = $(STRICT_CFLAGS)
src_nego_libjsep_la_SOURCES = src/nego/diff.c src/nego/state.c
