# Small programs a user would copy; built and run by make check.
check_PROGRAMS += examples/parse_and_write
TESTS += examples/parse_and_write
examples_parse_and_write_SOURCES = examples/parse_and_write.c
examples_parse_and_write_CFLAGS = $(STRICT_CFLAGS)
examples_parse_and_write_LDADD = libsdpx.la
EXTRA_DIST += examples/offer.sdp
