lib_LTLIBRARIES += libsdpx.la
libsdpx_la_CFLAGS = $(STRICT_CFLAGS)
libsdpx_la_LDFLAGS = -version-info $(SDPX_LT_VERSION) -export-symbols-regex '^sdpx_' -no-undefined
libsdpx_la_SOURCES = \
	src/internal.h \
	src/arena.c \
	src/error.c \
	src/tokenize.c \
	src/number.c \
	src/lines.c \
	src/parse.c \
	src/model.c \
	src/write.c \
	src/attr/registry.c \
	src/attr/encode.c \
	src/attr/ice.c \
	src/attr/dtls.c \
	src/attr/crypto.c \
	src/attr/sctp.c \
	src/attr/bundle.c \
	src/trickle.c \
	src/attr/rtp.c \
	src/attr/ssrc.c \
	src/attr/simulcast.c \
	src/codec.c \
	src/validate.c
# The edit API (munging) and redaction.
libsdpx_la_SOURCES += src/edit.h src/edit.c
libsdpx_la_SOURCES += src/edit_codec.c
libsdpx_la_SOURCES += src/edit_ice.c
libsdpx_la_SOURCES += src/redact.c
libsdpx_la_SOURCES += src/edit_typed.c
# Leniency profiles (which quirks each refuses).
libsdpx_la_SOURCES += src/quirks.c
# The attribute name switch and kind index, generated from registry.c's rows.
libsdpx_la_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_builddir)/src/attr
BUILT_SOURCES = src/attr/registry_index.h
nodist_libsdpx_la_SOURCES = src/attr/registry_index.h
CLEANFILES += src/attr/registry_index.h
EXTRA_DIST += src/attr/registry_gen.awk
src/attr/registry_index.h: $(srcdir)/src/attr/registry.c $(srcdir)/src/attr/registry_gen.awk
	$(AM_V_GEN)$(MKDIR_P) src/attr && \
	$(AWK) -f $(srcdir)/src/attr/registry_gen.awk $(srcdir)/src/attr/registry.c > $@-t && mv $@-t $@
