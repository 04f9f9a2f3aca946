/*
 * main.c - the parley command: dispatch to sub-commands.
 */
#include "cli.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "parley " PARLEY_VERSION " - political event data from news text\n"
    "\n"
    "usage: parley COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "commands:\n"
    "  code [FILE...]        code articles (stdin if none) -> JSON Lines\n"
    "  validate FILE.xml     run a PETRARCH validation file, report per record\n"
    "  actor \"TEXT\"          resolve one actor phrase (--date) -> JSON\n"
    "  query --db FILE       select stored records (filters, formats)\n"
    "  export --db FILE      export stored events (gdelt, phoenix, plover...)\n"
    "  stats --db FILE       counts per day/week/month\n"
    "  dict compile|import|lookup  work with dictionaries\n"
    "  bench [FILE]          throughput on a generated or given corpus\n"
    "\n"
    "  parley COMMAND --help shows the options of a command, with examples.\n"
    "  parley --version prints the version.\n"
    "\n"
    "exit status: 0 done (bad records are reported on stderr and skipped),\n"
    "             1 nothing could be done, 2 bad command line.\n";

void cli_err(const char *fmt, ...) {
  va_list ap;
  fputs("parley: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

int cli_opt(int argc, char **argv, int *i, const char *name,
            const char **val) {
  size_t n = strlen(name);
  const char *a = argv[*i];
  if (strncmp(a, name, n)) return 0;
  if (a[n] == '=') {
    *val = a + n + 1;
    return 1;
  }
  if (a[n] != 0) return 0;
  if (*i + 1 >= argc) {
    cli_err("option %s needs a value", name);
    exit(CLI_USAGE);
  }
  *val = argv[++*i];
  return 1;
}

int cli_load_dicts(parley_ctx *ctx, const char **dicts, int ndicts,
                   int quiet) {
  for (int i = 0; i < ndicts; i++) {
    size_t n = 0, nw = 0;
    parley_rc rc = parley_ctx_load_dict(ctx, dicts[i], PARLEY_DICT_AUTO, &n,
                                        &nw);
    if (nw && !quiet) fputs(parley_ctx_warnings(ctx), stderr);
    if (rc) {
      cli_err("%s", parley_errmsg(ctx));
      return -1;
    }
    if (!quiet) cli_err("%s: %zu entries loaded, %zu lines skipped", dicts[i], n, nw);
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs(usage, stderr);
    return CLI_USAGE;
  }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
    fputs(usage, stdout);
    return CLI_OK;
  }
  if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
    printf("parley %s\n", PARLEY_VERSION);
    return CLI_OK;
  }
  static const struct {
    const char *name;
    int (*fn)(int, char **);
  } cmds[] = {{"code", cli_cmd_code},       {"validate", cli_cmd_validate},
              {"actor", cli_cmd_actor},     {"query", cli_cmd_query},
              {"export", cli_cmd_export},   {"stats", cli_cmd_stats},
              {"dict", cli_cmd_dict},       {"bench", cli_cmd_bench}};
  for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
    if (!strcmp(cmd, cmds[i].name)) return cmds[i].fn(argc - 1, argv + 1);
  cli_err("unknown command '%s' (see parley --help)", cmd);
  return CLI_USAGE;
}
