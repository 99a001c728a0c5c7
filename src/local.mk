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
