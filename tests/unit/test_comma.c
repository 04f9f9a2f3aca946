/*
 * test_comma.c - the PETRARCH <Config> switches the coder honours:
 * the comma_* clause limits (syntax.c marks the deleted clause, the event
 * stage ignores it), new_actor_length (unknown noun phrases as quoted
 * actors) and, in a validation context, PETRARCH's one-verb-per-phrase
 * rule.  A bare context (no built-in dictionaries) with small PETRARCH
 * dictionaries written to a temp directory; every option is set with
 * parley_ctx_set_option.  The countries and sentences are made up.
 */
#include "harness.h"
#include "internal.h"
#include <unistd.h>

static char tmpdir[] = "/tmp/pl_comma_XXXXXX";

static const char *write_tmp(const char *name, const char *text) {
  static char path[512];
  snprintf(path, sizeof path, "%s/%s", tmpdir, name);
  FILE *f = fopen(path, "wb");
  if (!f) return NULL;
  fputs(text, f);
  fclose(f);
  return path;
}

static const char *ACTORS = "VALDORIA [VAL]\nKESTRIA [KES]\nMORVANIA [MOR]\n"
                            "DUNMARK [DUN]\nLOSSIA [LOS]\n";
static const char *AGENTS = "OFFICIAL [~GOV]\nOFFICIALS [~GOV]\n";
static const char *VERBS =
    "--- RESTORED  [064]  ---\nRESTORED\n\n"
    "--- ATTACKED  [190]  ---\nATTACKED\n\n"
    "--- SAID  [023]  ---\nSAID\n\n"
    "--- LEFT  [032:033]  ---\nLEFT\n\n";

/* "SRC TGT CODE|..." of the events of text, sorted as coded. */
static const char *code(parley_doc *doc, const char *text) {
  static char out[1024];
  parley_article a;
  memset(&a, 0, sizeof a);
  a.id = "t";
  a.text = text;
  a.text_len = strlen(text);
  a.date = "2024-03-01";
  out[0] = 0;
  if (parley_doc_code(doc, &a) != PARLEY_OK) return "(error)";
  size_t n = 0;
  for (uint32_t i = 0; i < doc->events.n; i++) {
    const pl_event *e = &doc->events.v[i];
    char side[2][64];
    const int32_t m[2] = {e->src, e->tgt};
    for (int k = 0; k < 2; k++) {
      int32_t r = m[k] >= 0 ? pl_ment_resolved(doc, m[k]) : -1;
      const pl_mention *mt = r >= 0 ? &doc->ments.v[r] : NULL;
      if (!mt) snprintf(side[k], sizeof side[k], "---");
      else if (mt->a.code && mt->a.code[0])
        snprintf(side[k], sizeof side[k], "%s", mt->a.code);
      else snprintf(side[k], sizeof side[k], "---%s", mt->agent);
    }
    n += (size_t)snprintf(out + n, sizeof out - n, "%s%s %s %s",
                          n ? "|" : "", side[0], side[1], e->code);
    if (n >= sizeof out) break;
  }
  return out;
}

static void set(parley_ctx *ctx, const char *name, const char *value) {
  INT_EQ(parley_ctx_set_option(ctx, name, value), PARLEY_OK, "%s=%s", name,
         value);
}

/* PETRARCH's defaults: internal and terminal clauses of 2..8 words. */
static void defaults(parley_ctx *ctx) {
  set(ctx, "comma_min", "2");
  set(ctx, "comma_max", "8");
  set(ctx, "comma_bmin", "0");
  set(ctx, "comma_bmax", "0");
  set(ctx, "comma_emin", "2");
  set(ctx, "comma_emax", "8");
  set(ctx, "new_actor_length", "0");
  set(ctx, "require_dyad", "false");
}

static int has(const char *got, const char *ev) { return strstr(got, ev) != NULL; }

static void test_commas(parley_ctx *ctx, parley_doc *doc) {
  const char *g;
  /* terminal clause of 6 words: deleted with the defaults, so the
   * speaker's statement is not coded */
  defaults(ctx);
  const char *term =
      "Valdoria restored relations with Kestria, a Morvania official said on "
      "Monday.";
  g = code(doc, term);
  OK(has(g, "VAL KES 064") && !has(g, "023"), "terminal deleted: %s", g);
  set(ctx, "comma_emax", "0"); /* that kind off */
  g = code(doc, term);
  OK(has(g, "VAL KES 064") && has(g, "MORGOV --- 023"), "terminal kept: %s",
     g);
  set(ctx, "comma_emin", "7");
  set(ctx, "comma_emax", "9"); /* 6 words: out of range */
  g = code(doc, term);
  OK(has(g, "MORGOV --- 023"), "terminal too short: %s", g);

  /* internal clause of 5 words between two commas: its actor is not the
   * target once the clause is gone.  (The terminal limits are off here: the
   * 4 words after the last comma would be a terminal clause too.) */
  defaults(ctx);
  set(ctx, "comma_emax", "0");
  const char *mid =
      "Valdoria restored, after long talks with Morvania, full relations "
      "with Kestria.";
  g = code(doc, mid);
  OK(has(g, "VAL KES 064") && !has(g, "MOR"), "internal deleted: %s", g);
  set(ctx, "comma_max", "4"); /* 5 words: kept */
  g = code(doc, mid);
  OK(has(g, "MOR"), "internal kept when longer than comma_max: %s", g);
  set(ctx, "comma_max", "0");
  g = code(doc, mid);
  OK(has(g, "MOR"), "internal kept with comma_max 0: %s", g);

  /* initial clause: off by default, deleted with bmin..bmax */
  defaults(ctx);
  set(ctx, "comma_emax", "0");
  const char *init =
      "Two days after Morvania attacked Dunmark, Valdoria restored relations "
      "with Kestria.";
  g = code(doc, init);
  OK(has(g, "MOR DUN 190") && has(g, "VAL KES 064"), "initial kept: %s", g);
  set(ctx, "comma_bmin", "3");
  set(ctx, "comma_bmax", "6");
  g = code(doc, init);
  OK(!has(g, "MOR DUN 190") && has(g, "VAL KES 064"), "initial deleted: %s",
     g);
  /* as in PETRARCH, a short main clause after the last comma is a
   * terminal clause: the default limits delete it */
  defaults(ctx);
  g = code(doc, init);
  STR_EQ(g, "MOR DUN 190", "main clause as terminal clause");
  /* ... but never the sentence's last verb: the appositive goes, the
   * main clause after it stays */
  g = code(doc, "Valdoria, the old rival of Dunmark, attacked Kestria on "
                "Monday.");
  STR_EQ(g, "VAL KES 190", "last verb kept: %s", g);

  /* commas inside a noun phrase delimit nothing: the adjective series
   * and the name list leave the first clause at 8+ words */
  set(ctx, "comma_bmin", "1");
  set(ctx, "comma_bmax", "6");
  g = code(doc, "Valdoria restored full, formal relations with Kestria, "
                "officials said.");
  OK(has(g, "VAL KES 064"), "adjective comma: %s", g);
  g = code(doc, "Valdoria, Kestria and Morvania restored relations with "
                "Dunmark, officials said.");
  OK(has(g, "VAL DUN 064") && has(g, "MOR DUN 064"), "list comma: %s", g);
  defaults(ctx);
  g = code(doc, "Valdoria attacked Kestria, Dunmark, and Morvania, officials "
                "said.");
  OK(has(g, "VAL KES 190") && has(g, "VAL MOR 190"), "serial comma: %s", g);
  /* two pairs are no list: the clause ", and Morvania and Lossia," goes */
  g = code(doc, "Valdoria attacked Kestria and Dunmark, and Morvania and "
                "Lossia, officials said.");
  OK(has(g, "VAL DUN 190") && !has(g, "MOR") && !has(g, "LOS"),
     "pairs after a comma: %s", g);
  /* a list of more than 64 commas is left whole */
  char big[2048];
  size_t n = 0;
  for (int i = 0; i < 70; i++)
    n += (size_t)snprintf(big + n, sizeof big - n, "Valdoria, ");
  snprintf(big + n, sizeof big - n, "Kestria attacked Dunmark, officials said.");
  g = code(doc, big);
  OK(has(g, "KES DUN 190"), "many commas: %s", g);
  defaults(ctx);
}

static void test_new_actors(parley_ctx *ctx, parley_doc *doc) {
  defaults(ctx);
  set(ctx, "require_dyad", "true");
  const char *s1 = "The river guild left for Kestria on Monday.";
  const char *s2 = "Valdoria left for the council of elders on Monday.";
  const char *g = code(doc, s1);
  STR_EQ(g, "", "no new actors by default");
  set(ctx, "new_actor_length", "4");
  g = code(doc, s1);
  OK(has(g, "\"THE RIVER GUILD\" KES 032") &&
         has(g, "KES \"THE RIVER GUILD\" 033"),
     "new source actor: %s", g);
  g = code(doc, s2);
  OK(has(g, "VAL \"THE COUNCIL OF ELDERS\" 032"), "new target actor: %s", g);
  /* the record: the quoted code, no country or sector parts */
  size_t len = 0;
  const char *js =
      parley_doc_render(doc, PARLEY_FMT_JSONL, PARLEY_REC_EVENT, &len);
  OK(js && strstr(js, "{\"code\":\"\\\"THE COUNCIL OF ELDERS\\\"\","
                      "\"country\":\"\",\"sector\":\"\""),
     "JSON of a new actor: %s", js ? js : "(null)");
  set(ctx, "new_actor_length", "3"); /* 4 words: too long */
  g = code(doc, s2);
  STR_EQ(g, "", "phrase longer than new_actor_length");
  g = code(doc, s1);
  OK(has(g, "\"THE RIVER GUILD\" KES 032"), "3 words fit: %s", g);
  /* a known actor still wins over an unknown phrase */
  g = code(doc, "The envoys of Valdoria left for Kestria.");
  OK(!has(g, "\""), "dictionary actor preferred: %s", g);
  defaults(ctx);
}

static void test_one_verb_per_phrase(parley_ctx *ctx, parley_doc *doc) {
  defaults(ctx);
  /* the subordinate clause lies in the phrase of a coded verb */
  const char *g = code(doc, "Valdoria restored relations with Kestria after "
                            "Morvania attacked Dunmark.");
  STR_EQ(g, "VAL KES 064", "subordinate verb skipped: %s", g);
  /* the main verb has no code: the subordinate clause is coded */
  g = code(doc, "Valdoria improved relations with Kestria after Morvania "
                "attacked Dunmark.");
  STR_EQ(g, "MOR DUN 190", "uncoded main verb: %s", g);
  /* without require_dyad a null target still needs a noun phrase */
  g = code(doc, "A Morvania official said on Monday.");
  STR_EQ(g, "MORGOV --- 023", "null target phrase: %s", g);
  g = code(doc, "A Morvania official said today.");
  STR_EQ(g, "", "no phrase after the verb: %s", g);
  /* coordination is not inside the phrase */
  g = code(doc, "Valdoria restored relations with Kestria and attacked "
                "Dunmark.");
  OK(has(g, "VAL KES 064") && has(g, "VAL DUN 190"), "coordinated: %s", g);
}

int main(void) {
  if (!mkdtemp(tmpdir)) {
    fprintf(stderr, "mkdtemp failed\n");
    return 1;
  }
  parley_ctx *ctx = parley_ctx_new_opts(PARLEY_CTX_NO_DEFAULT_DICTS);
  OK(ctx != NULL, "context");
  if (!ctx) return h_done("comma");
  static const struct { const char *name, **text; parley_dict_kind kind; }
      files[] = {{"t.actors.txt", &ACTORS, PARLEY_DICT_ACTORS},
                 {"t.agents.txt", &AGENTS, PARLEY_DICT_AGENTS},
                 {"t.verbs.txt", &VERBS, PARLEY_DICT_VERBS}};
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    const char *p = write_tmp(files[i].name, *files[i].text);
    size_t ne = 0, nw = 0;
    OK(p && parley_ctx_load_dict(ctx, p, files[i].kind, &ne, &nw) == PARLEY_OK,
       "load %s", files[i].name);
    OK(ne > 0 && nw == 0, "%s: %zu entries, %zu warnings: %s", files[i].name,
       ne, nw, parley_ctx_warnings(ctx));
  }
  parley_doc *doc = parley_doc_new(ctx);
  OK(doc != NULL, "doc");
  if (doc) {
    test_commas(ctx, doc);
    test_new_actors(ctx, doc);
    test_one_verb_per_phrase(ctx, doc);
  }
  parley_doc_free(doc);
  parley_ctx_free(ctx);
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
  if (system(cmd)) fprintf(stderr, "could not remove %s\n", tmpdir);
  return h_done("comma");
}
