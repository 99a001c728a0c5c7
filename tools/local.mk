bin_PROGRAMS += tools/sdpx
tools_sdpx_SOURCES = tools/tool.h tools/sdpx.c tools/cmd_check.c tools/cmd_fmt.c tools/cmd_candidate.c tools/cmd_show.c
tools_sdpx_CFLAGS = $(STRICT_CFLAGS) -D_POSIX_C_SOURCE=200809L
tools_sdpx_LDADD = libsdpx.la
dist_man1_MANS = tools/sdpx.1
# Munging and redaction.
tools_sdpx_SOURCES += tools/cmd_edit.c tools/cmd_redact.c
# Negotiation.
tools_sdpx_SOURCES += tools/cmd_offer.c tools/cmd_answer.c
# JSON in sdp-transform's shape.
tools_sdpx_SOURCES += tools/cmd_json.c
# Session diff.
tools_sdpx_SOURCES += tools/cmd_diff.c
