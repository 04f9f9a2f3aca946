/*
 * cmd_actor.c - `parley actor "TEXT" [--date D] [--dict F]`: resolve one
 * actor phrase and print a JSON object.
 */
#include "cli.h"
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: parley actor [--date YYYY-MM-DD] [--dict FILE] \"TEXT\"\n"
    "\n"
    "Resolves one actor phrase and prints\n"
    "{\"text\",\"code\",\"country\",\"sector\",\"name\",\"how\"}.\n"
    "\n"
    "examples:\n"
    "  parley actor \"Israeli troops\"\n"
    "  parley actor --date 2024-10-24 \"U.S. Secretary of State Antony Blinken\"\n";

int cli_cmd_actor(int argc, char **argv) {
  const char *date = NULL, *text = NULL, *v;
  const char **dicts = calloc((size_t)argc + 1, sizeof *dicts);
  int nd = 0;
  if (!dicts) return CLI_FAIL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
      fputs(help, stdout);
      free(dicts);
      return CLI_OK;
    } else if (cli_opt(argc, argv, &i, "--date", &v)) date = v;
    else if (cli_opt(argc, argv, &i, "--dict", &v)) dicts[nd++] = v;
    else if (argv[i][0] == '-' && argv[i][1]) {
      cli_err("actor: unknown option %s", argv[i]);
      free(dicts);
      return CLI_USAGE;
    } else text = argv[i];
  }
  if (!text) {
    fputs(help, stderr);
    free(dicts);
    return CLI_USAGE;
  }
  parley_ctx *ctx = parley_ctx_new();
  if (!ctx) { free(dicts); return CLI_FAIL; }
  int ret = CLI_OK;
  if (cli_load_dicts(ctx, dicts, nd, 1)) ret = CLI_FAIL;
  else {
    const char *js = parley_actor_json(ctx, text, date);
    if (!js) {
      cli_err("actor: %s", parley_errmsg(ctx));
      ret = CLI_FAIL;
    } else {
      puts(js);
    }
  }
  parley_ctx_free(ctx);
  free(dicts);
  return ret;
}
