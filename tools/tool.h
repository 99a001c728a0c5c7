/* Shared pieces of the sdpx command-line tool. */
#ifndef SDPX_TOOL_H
#define SDPX_TOOL_H

#include "sdp.h"

#include <stddef.h>
#include <stdio.h>

/* Exit codes of every subcommand. */
enum { TOOL_OK = 0, TOOL_FAIL = 1, TOOL_USAGE = 2 };

/* The largest input accepted, in bytes (sdpx --max-input; default 16 MiB). */
extern size_t tool_max_input;

/* Read a whole file ("-" is stdin) into a malloc'd buffer, reading no more
 * than tool_max_input + 1 bytes. Returns 0, or -1 after printing
 * "sdpx: PATH: reason" to stderr (an input over the limit is refused). */
int tool_read_file(const char *path, char **buf, size_t *len);

/* Parse options for the tool: `flags`, and the input limit above. */
void tool_parse_options(sdpx_parse_options *opt, unsigned flags);

/* Read and parse a description (lenient). Returns 0 with *s set, or
 * TOOL_FAIL after printing the reason ("FILE:LINE:COL: error: ..."). */
int tool_parse_file(const char *path, sdpx_session **s);

/* The name a path is shown under in messages ("<stdin>" for "-"). */
const char *tool_display_name(const char *path);

/* Print "NAME:LINE:COL: error|warning: MSG" for a diagnostic. */
void tool_print_diag(FILE *f, const char *name, sdpx_severity sev, const sdpx_error *e);

/* Write a session to stdout (SDPX_WRITE_* flags); TOOL_OK, or TOOL_FAIL
 * after printing why (a failed stdout is main()'s to report). */
int tool_print_session(const sdpx_session *s, unsigned flags);

/* Print a view to f, as is. */
void tool_put_str(FILE *f, sdpx_str s);

/* One subcommand: argv[0] is the subcommand's name. */
typedef struct tool_command {
    const char *name;
    const char *args;    /* usage line after the name */
    const char *summary; /* one line for --help */
    int (*run)(int argc, char **argv);
} tool_command;

int cmd_check(int argc, char **argv);
int cmd_fmt(int argc, char **argv);
int cmd_candidate(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_edit(int argc, char **argv);
int cmd_redact(int argc, char **argv);
/* Negotiation: cmd_offer.c also holds the two helpers both commands share. */
int cmd_offer(int argc, char **argv);
int cmd_answer(int argc, char **argv);
/* Read a capabilities description (sdpx_caps_from_sdp); `fingerprint`
 * (may be NULL) overrides its a=fingerprint. *doc owns caps' views. */
int tool_read_caps(const char *path, const char *fingerprint, sdpx_session **doc, sdpx_caps *caps);
int cmd_json(int argc, char **argv);
int cmd_diff(int argc, char **argv);

#endif
