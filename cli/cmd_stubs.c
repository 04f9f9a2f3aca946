/*
 * cmd_stubs.c - commands whose issue has not landed yet: each says so
 * clearly and exits 1 (never pretends to work).  Remove a stub when its
 * command gets its own cmd_<name>.c.
 */
#include "cli.h"

static int not_yet(const char *name) {
  cli_err("%s: not available in this build yet", name);
  return CLI_FAIL;
}

int cli_cmd_dict(int argc, char **argv) { (void)argc; (void)argv; return not_yet("dict"); }
