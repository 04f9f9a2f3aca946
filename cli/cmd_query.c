/*
 * cmd_query.c - `parley query`, `parley export`, `parley stats`: read the
 * SQLite store written by `parley code --db`.
 */
#include "cli.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char query_help[] =
    "usage: parley query --db FILE [FILTERS] [--format FMT] [--mentions]\n"
    "\n"
    "Prints stored records.  Events come merged: one row per real-world event\n"
    "with num_mentions, num_articles, num_sources and first_seen (--raw for\n"
    "one row per mention).\n"
    "\n"
    "filters (code filters are prefixes: USA matches USAGOV, USAMIL...):\n"
    "  --type event|quote|count|sentence   (default event)\n"
    "  --actor CODE     source or target      --source CODE   --target CODE\n"
    "  --code CODE      CAMEO code prefix     --root NN       --quad 1..4\n"
    "  --since DATE     --until DATE          (YYYY-MM-DD, inclusive)\n"
    "  --place NAME     --doc ID              --limit N\n"
    "options:\n"
    "  --format jsonl|csv|tsv|pretty   (default jsonl)\n"
    "  --mentions       list every mention of each merged event\n"
    "  --raw            one row per mention\n"
    "\n"
    "examples:\n"
    "  parley query --db parley.db --actor ISR --root 19 --since 2024-10-01\n"
    "  parley query --db parley.db --source USAGOV --code 04 --format pretty\n"
    "  parley query --db parley.db --type count --format csv\n";

static const char export_help[] =
    "usage: parley export --db FILE --format gdelt|phoenix|plover|jsonl|csv\n"
    "                     [FILTERS as in parley query]\n"
    "\n"
    "Exports merged events in the field's formats (columns in docs/FORMATS.md):\n"
    "  gdelt    GDELT 2.0 event table, 61 tab-separated columns\n"
    "  phoenix  Phoenix 26-column TSV\n"
    "  plover   PLOVER JSON records, one per line\n"
    "  jsonl    parley's own event records with cluster counts\n"
    "  csv      a flat table\n"
    "\n"
    "examples:\n"
    "  parley export --db parley.db --format gdelt > events.tsv\n"
    "  parley export --db parley.db --format plover --since 2024-10-01\n";

static const char stats_help[] =
    "usage: parley stats --db FILE [--by day|week|month|year] [--dyad]\n"
    "                    [--quad | --root] [--format pretty|csv|tsv|jsonl]\n"
    "                    [FILTERS as in parley query]\n"
    "\n"
    "Counts merged events per period (and per dyad, QuadClass or CAMEO root),\n"
    "with their mentions and the sum of their Goldstein values.\n"
    "\n"
    "examples:\n"
    "  parley stats --db parley.db --by week --quad\n"
    "  parley stats --db parley.db --by month --dyad --actor ISR --format csv\n";

static int write_out(void *ud, const char *text, size_t len) {
  (void)ud;
  return len && fwrite(text, 1, len, stdout) != len ? -1 : 0;
}

enum { MODE_QUERY, MODE_EXPORT, MODE_STATS };

static int run(int argc, char **argv, int mode) {
  const char *help = mode == MODE_QUERY    ? query_help
                     : mode == MODE_EXPORT ? export_help
                                           : stats_help;
  parley_query q;
  memset(&q, 0, sizeof q);
  const char *db = NULL, *fmt = NULL, *by = "day", *v;
  unsigned split = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      fputs(help, stdout);
      return CLI_OK;
    } else if (cli_opt(argc, argv, &i, "--db", &v)) db = v;
    else if (cli_opt(argc, argv, &i, "--format", &v)) fmt = v;
    else if (cli_opt(argc, argv, &i, "--type", &v)) q.type = v;
    else if (cli_opt(argc, argv, &i, "--actor", &v)) q.actor = v;
    else if (cli_opt(argc, argv, &i, "--source", &v)) q.source = v;
    else if (cli_opt(argc, argv, &i, "--target", &v)) q.target = v;
    else if (cli_opt(argc, argv, &i, "--code", &v)) q.code = v;
    else if (cli_opt(argc, argv, &i, "--root", &v)) q.root = v;
    else if (cli_opt(argc, argv, &i, "--since", &v)) q.since = v;
    else if (cli_opt(argc, argv, &i, "--until", &v)) q.until = v;
    else if (cli_opt(argc, argv, &i, "--place", &v)) q.place = v;
    else if (cli_opt(argc, argv, &i, "--doc", &v)) q.doc = v;
    else if (cli_opt(argc, argv, &i, "--limit", &v)) q.limit = strtol(v, NULL, 10);
    else if (mode == MODE_STATS && cli_opt(argc, argv, &i, "--by", &v)) by = v;
    else if (mode != MODE_STATS && !strcmp(a, "--quad")) {
      if (i + 1 >= argc) { cli_err("--quad needs a value"); return CLI_USAGE; }
      q.quad = (int)strtol(argv[++i], NULL, 10);
      if (q.quad < 1 || q.quad > 4) {
        cli_err("--quad: want 1, 2, 3 or 4");
        return CLI_USAGE;
      }
    } else if (!strncmp(a, "--quad=", 7) && mode != MODE_STATS) {
      q.quad = (int)strtol(a + 7, NULL, 10);
    } else if (mode == MODE_STATS && !strcmp(a, "--quad")) split |= PARLEY_STATS_QUAD;
    else if (mode == MODE_STATS && !strcmp(a, "--root")) split |= PARLEY_STATS_ROOT;
    else if (mode == MODE_STATS && !strcmp(a, "--dyad")) split |= PARLEY_STATS_DYAD;
    else if (!strcmp(a, "--mentions")) q.mentions = 1;
    else if (!strcmp(a, "--raw")) q.raw = 1;
    else {
      cli_err("unknown option %s (see --help)", a);
      return CLI_USAGE;
    }
  }
  if (!db) {
    cli_err("--db FILE is required (the store written by parley code --db)");
    return CLI_USAGE;
  }
  if ((split & PARLEY_STATS_QUAD) && (split & PARLEY_STATS_ROOT)) {
    cli_err("stats: use --quad or --root, not both");
    return CLI_USAGE;
  }
  parley_out out = mode == MODE_STATS ? PARLEY_OUT_PRETTY : PARLEY_OUT_JSONL;
  if (fmt) {
    static const struct { const char *name; parley_out out; int modes; } f[] = {
        {"jsonl", PARLEY_OUT_JSONL, 7},   {"json", PARLEY_OUT_JSONL, 7},
        {"csv", PARLEY_OUT_CSV, 7},       {"tsv", PARLEY_OUT_TSV, 7},
        {"pretty", PARLEY_OUT_PRETTY, 5}, {"gdelt", PARLEY_OUT_GDELT, 2},
        {"phoenix", PARLEY_OUT_PHOENIX, 2}, {"plover", PARLEY_OUT_PLOVER, 2}};
    int ok = 0;
    for (size_t k = 0; k < sizeof f / sizeof f[0]; k++)
      if (!strcmp(fmt, f[k].name) && (f[k].modes & (1 << mode))) {
        out = f[k].out;
        ok = 1;
      }
    if (!ok) {
      cli_err("--format %s is not available here (see --help)", fmt);
      return CLI_USAGE;
    }
  } else if (mode == MODE_EXPORT) {
    cli_err("export: --format gdelt|phoenix|plover|jsonl|csv is required");
    return CLI_USAGE;
  }
  if (q.type && strcmp(q.type, "event") && strcmp(q.type, "quote") &&
      strcmp(q.type, "count") && strcmp(q.type, "sentence")) {
    cli_err("--type: want event, quote, count or sentence");
    return CLI_USAGE;
  }
  FILE *probe = fopen(db, "rb");
  if (!probe) {
    cli_err("%s: cannot open: %s", db, strerror(errno));
    return CLI_FAIL;
  }
  fclose(probe);
  parley_ctx *ctx = parley_ctx_new_opts(PARLEY_CTX_STORE_ONLY);
  if (!ctx) return CLI_FAIL;
  parley_store *st = parley_store_open(ctx, db);
  if (!st) {
    cli_err("%s", parley_errmsg(ctx));
    parley_ctx_free(ctx);
    return CLI_FAIL;
  }
  parley_rc rc;
  if (mode == MODE_STATS) {
    rc = parley_store_stats(st, &q, by, split, out, write_out, NULL);
    if (rc == PARLEY_EMISUSE) {
      cli_err("stats: --by day, week, month or year");
      parley_store_close(st);
      parley_ctx_free(ctx);
      return CLI_USAGE;
    }
  } else {
    rc = parley_store_query(st, &q, out, write_out, NULL, NULL);
    if (rc == PARLEY_EMISUSE) {
      cli_err("export formats gdelt, phoenix and plover hold events only");
      parley_store_close(st);
      parley_ctx_free(ctx);
      return CLI_USAGE;
    }
  }
  int ret = CLI_OK;
  if (rc) {
    cli_err("%s: %s", db, rc == PARLEY_EIO ? "writing output failed"
                                           : parley_store_errmsg(st));
    ret = CLI_FAIL;
  }
  if (fflush(stdout)) ret = CLI_FAIL;
  parley_store_close(st);
  parley_ctx_free(ctx);
  return ret;
}

int cli_cmd_query(int argc, char **argv) { return run(argc, argv, MODE_QUERY); }
int cli_cmd_export(int argc, char **argv) { return run(argc, argv, MODE_EXPORT); }
int cli_cmd_stats(int argc, char **argv) { return run(argc, argv, MODE_STATS); }
