/*
 * cmd_dict.c - `parley dict compile|import|lookup`: work with actor
 * dictionaries (statistics and load time of the built-in image, loading a
 * user or PETRARCH/TABARI file, resolving a phrase).
 */
#include "cli.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char help[] =
    "usage: parley dict compile [--dict FILE]...\n"
    "       parley dict import [--kind actors|agents|discards|verbs] FILE...\n"
    "       parley dict lookup [--date YYYY-MM-DD] [--dict FILE]... \"TEXT\"\n"
    "\n"
    "compile  loads the built-in dictionary image (and --dict files) and\n"
    "         prints its statistics and load time as JSON.\n"
    "import   loads each FILE (parley native or PETRARCH/TABARI actors,\n"
    "         agents, discards; verbs go to the verb dictionary) on top of\n"
    "         the built-in one; prints unreadable lines as file:line: reason\n"
    "         on stderr and one summary line per file.\n"
    "lookup   resolves TEXT like `parley actor`.\n"
    "\n"
    "examples:\n"
    "  parley dict compile\n"
    "  parley dict import Phoenix.Countries.actors.txt Phoenix.agents.txt\n"
    "  parley dict lookup --date 2024-10-24 \"Qatar's prime minister\"\n";

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int parse_kind(const char *s, parley_dict_kind *k) {
  static const struct { const char *n; parley_dict_kind k; } kinds[] = {
      {"auto", PARLEY_DICT_AUTO},       {"actors", PARLEY_DICT_ACTORS},
      {"agents", PARLEY_DICT_AGENTS},   {"verbs", PARLEY_DICT_VERBS},
      {"discards", PARLEY_DICT_DISCARDS}};
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    if (!strcmp(s, kinds[i].n)) {
      *k = kinds[i].k;
      return 0;
    }
  return -1;
}

int cli_cmd_dict(int argc, char **argv) {
  if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
    fputs(help, argc < 2 ? stderr : stdout);
    return argc < 2 ? CLI_USAGE : CLI_OK;
  }
  const char *sub = argv[1];
  const char *date = NULL, *text = NULL, *v;
  parley_dict_kind kind = PARLEY_DICT_AUTO;
  const char **files = calloc((size_t)argc + 1, sizeof *files);
  const char **dicts = calloc((size_t)argc + 1, sizeof *dicts);
  int nf = 0, nd = 0, ret = CLI_OK;
  if (!files || !dicts) {
    free(files);
    free(dicts);
    return CLI_FAIL;
  }
  for (int i = 2; i < argc; i++) {
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
      fputs(help, stdout);
      goto done;
    } else if (cli_opt(argc, argv, &i, "--date", &v)) {
      date = v;
    } else if (cli_opt(argc, argv, &i, "--dict", &v)) {
      dicts[nd++] = v;
    } else if (cli_opt(argc, argv, &i, "--kind", &v)) {
      if (parse_kind(v, &kind)) {
        cli_err("dict: unknown --kind %s", v);
        ret = CLI_USAGE;
        goto done;
      }
    } else if (argv[i][0] == '-' && argv[i][1]) {
      cli_err("dict: unknown option %s", argv[i]);
      ret = CLI_USAGE;
      goto done;
    } else {
      files[nf++] = argv[i];
      text = argv[i];
    }
  }
  if (!strcmp(sub, "compile")) {
    double t0 = now_ms();
    parley_ctx *ctx = parley_ctx_new();
    double t1 = now_ms();
    if (!ctx) {
      ret = CLI_FAIL;
      goto done;
    }
    if (cli_load_dicts(ctx, dicts, nd, 0)) ret = CLI_FAIL;
    double t2 = now_ms();
    const char *js = parley_ctx_dict_stats(ctx);
    if (js) {
      size_t n = strlen(js);
      printf("%.*s,\"ctx_load_ms\":%.3f,\"dict_files_ms\":%.3f}\n",
             (int)(n - 1), js, t1 - t0, t2 - t1);
    } else {
      ret = CLI_FAIL;
    }
    parley_ctx_free(ctx);
  } else if (!strcmp(sub, "import")) {
    if (!nf) {
      cli_err("dict import: no FILE given");
      ret = CLI_USAGE;
      goto done;
    }
    parley_ctx *ctx = parley_ctx_new();
    if (!ctx) {
      ret = CLI_FAIL;
      goto done;
    }
    for (int i = 0; i < nf; i++) {
      size_t ne = 0, nw = 0;
      double t0 = now_ms();
      parley_rc rc = parley_ctx_load_dict(ctx, files[i], kind, &ne, &nw);
      double t1 = now_ms();
      if (nw) fputs(parley_ctx_warnings(ctx), stderr);
      if (rc) {
        cli_err("%s", parley_errmsg(ctx));
        ret = CLI_FAIL;
      }
      printf("%s: %zu entries, %zu warnings, %.1f ms\n", files[i], ne, nw,
             t1 - t0);
    }
    const char *js = parley_ctx_dict_stats(ctx);
    if (js) printf("%s\n", js);
    parley_ctx_free(ctx);
  } else if (!strcmp(sub, "lookup")) {
    if (!text) {
      cli_err("dict lookup: no TEXT given");
      ret = CLI_USAGE;
      goto done;
    }
    parley_ctx *ctx = parley_ctx_new();
    if (!ctx) {
      ret = CLI_FAIL;
      goto done;
    }
    if (cli_load_dicts(ctx, dicts, nd, 1)) {
      ret = CLI_FAIL;
    } else {
      const char *js = parley_actor_json(ctx, text, date);
      if (js) puts(js);
      else {
        cli_err("dict lookup: %s", parley_errmsg(ctx));
        ret = CLI_FAIL;
      }
    }
    parley_ctx_free(ctx);
  } else {
    cli_err("dict: unknown sub-command '%s' (compile, import, lookup)", sub);
    ret = CLI_USAGE;
  }
done:
  free(files);
  free(dicts);
  return ret;
}
