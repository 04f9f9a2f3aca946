/*
 * cli.h - the parley command: shared helpers of the cli_ commands.
 * The command only uses the public API (include/parley.h).
 */
#ifndef PARLEY_CLI_H
#define PARLEY_CLI_H

#include "parley.h"
#include <stdio.h>

/* Exit codes (documented in parley --help and docs/FORMATS.md). */
enum {
  CLI_OK = 0,       /* everything coded (bad records may have been skipped) */
  CLI_FAIL = 1,     /* nothing could be done: no input coded, store failed */
  CLI_USAGE = 2     /* bad command line */
};

int cli_cmd_code(int argc, char **argv);
int cli_cmd_validate(int argc, char **argv);
int cli_cmd_actor(int argc, char **argv);
int cli_cmd_query(int argc, char **argv);
int cli_cmd_export(int argc, char **argv);
int cli_cmd_stats(int argc, char **argv);
int cli_cmd_dict(int argc, char **argv);
int cli_cmd_bench(int argc, char **argv);

/* Prints "parley: msg" to stderr. */
void cli_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Matches "--name VALUE" or "--name=VALUE" at argv[*i]; advances *i. */
int cli_opt(int argc, char **argv, int *i, const char *name,
            const char **val);
/* Loads --dict files into ctx, printing warnings; returns 0 or -1. */
int cli_load_dicts(parley_ctx *ctx, const char **dicts, int ndicts,
                   int quiet);

#endif
