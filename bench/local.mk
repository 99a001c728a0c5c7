# Benchmarks: built by `make` (and `make bench`), never run by `make check`.
noinst_PROGRAMS += bench/sdpbench
bench_sdpbench_SOURCES = bench/sdpbench.c bench/sdpbench.h bench/scaling.c bench/decode_all.c \
	bench/bench_util.c bench/bench.h
nodist_bench_sdpbench_SOURCES = bench/bench_features.h
bench_sdpbench_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_builddir)/bench \
	-DSDPX_CORPUS_DIR='"$(SDPX_CORPUS_DIR)"'
bench_sdpbench_CFLAGS = $(STRICT_CFLAGS) -D_GNU_SOURCE
# Linked statically to the library: the same code a user links, no PLT.
bench_sdpbench_LDFLAGS = -static
bench_sdpbench_LDADD = libsdpx.la

# Which optional APIs sdp.h declares so far (candidate decoder, remove-codec).
bench/sdpbench-sdpbench.$(OBJEXT): bench/bench_features.h
CLEANFILES += bench/bench_features.h
EXTRA_DIST += bench/features.sh bench/instr.sh bench/scaling_instr.sh
bench/bench_features.h: $(top_srcdir)/include/sdp.h $(top_srcdir)/bench/features.sh
	$(AM_V_GEN)$(MKDIR_P) bench && \
	$(SHELL) $(top_srcdir)/bench/features.sh $(top_srcdir)/include/sdp.h > $@-t && mv $@-t $@

# Comparison parsers, each its own program (sofia-sip and osip2 both export
# sdp_*); built only when configure finds their development packages.
PEER_CFLAGS = $(C_STD) -Wall -Wextra -D_GNU_SOURCE -DSDPX_CORPUS_DIR='"$(SDPX_CORPUS_DIR)"'
BENCH_PEERS =
if HAVE_GST_SDP
BENCH_PEERS += bench/peer_gst
bench_peer_gst_SOURCES = bench/peer_gst.c bench/bench_util.c bench/bench.h
bench_peer_gst_CFLAGS = $(PEER_CFLAGS) $(GST_SDP_CFLAGS)
bench_peer_gst_LDADD = $(GST_SDP_LIBS)
endif
if HAVE_SOFIA_SIP
BENCH_PEERS += bench/peer_sofia
bench_peer_sofia_SOURCES = bench/peer_sofia.c bench/bench_util.c bench/bench.h
bench_peer_sofia_CFLAGS = $(PEER_CFLAGS) $(SOFIA_SIP_CFLAGS)
bench_peer_sofia_LDADD = $(SOFIA_SIP_LIBS)
endif
if HAVE_OSIP2
BENCH_PEERS += bench/peer_osip
bench_peer_osip_SOURCES = bench/peer_osip.c bench/bench_util.c bench/bench.h
bench_peer_osip_CFLAGS = $(PEER_CFLAGS) $(OSIP2_CFLAGS)
bench_peer_osip_LDADD = $(OSIP2_LIBS)
endif
noinst_PROGRAMS += $(BENCH_PEERS)

bench: bench/sdpbench$(EXEEXT) $(BENCH_PEERS)
.PHONY: bench

# One edit of the scaling suite's shapes, for bench/scaling_edit.sh (callgrind).
noinst_PROGRAMS += bench/scaling_edit
bench_scaling_edit_SOURCES = bench/scaling_edit.c tests/scaling_shapes.h
bench_scaling_edit_CFLAGS = $(TEST_CFLAGS)
bench_scaling_edit_LDFLAGS = -static
bench_scaling_edit_LDADD = libsdpx.la
EXTRA_DIST += bench/scaling_edit.sh
