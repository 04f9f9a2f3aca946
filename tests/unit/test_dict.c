/*
 * test_dict.c - dictionary import: every construct of parley's native
 * format and of the PETRARCH/TABARI actors, agents and discard files,
 * from small inline dictionaries written to temp files; then every
 * actors/agents/discards file of ../shared/peers/petrarch2 (skipped when
 * absent), with the entry count compared to an independent line count.
 */
#include "harness.h"
#include "internal.h"
#include <ctype.h>
#include <unistd.h>

static char tmpdir[] = "/tmp/pl_dict_XXXXXX";

static const char *write_tmp(const char *name, const char *text) {
  static char path[512];
  snprintf(path, sizeof path, "%s/%s", tmpdir, name);
  FILE *f = fopen(path, "wb");
  if (!f) return NULL;
  fputs(text, f);
  fclose(f);
  return path;
}

/* Code of the phrase as the JSON answer gives it. */
static const char *code_of(parley_ctx *ctx, const char *text,
                           const char *date) {
  static char out[64];
  out[0] = 0;
  const char *js = parley_actor_json(ctx, text, date);
  const char *p = js ? strstr(js, "\"code\":\"") : NULL;
  if (!p) return "(error)";
  p += 8;
  size_t n = 0;
  while (p[n] && p[n] != '"' && n + 1 < sizeof out) n++;
  memcpy(out, p, n);
  out[n] = 0;
  return out;
}

static const char *how_of(parley_ctx *ctx, const char *text) {
  static char out[32];
  out[0] = 0;
  const char *js = parley_actor_json(ctx, text, NULL);
  const char *p = js ? strstr(js, "\"how\":\"") : NULL;
  if (!p) return "(error)";
  p += 7;
  size_t n = 0;
  while (p[n] && p[n] != '"' && n + 1 < sizeof out) n++;
  memcpy(out, p, n);
  out[n] = 0;
  return out;
}

static void test_native(void) {
  parley_ctx *ctx = parley_ctx_new();
  const char *path = write_tmp(
      "native.txt",
      "# a comment\n"
      "country ARN Arnor            # trailing comment\n"
      "  alias Kingdom of Arnor; North-Kingdom\n"
      "  adj Arnorian; Arnorians\n"
      "  capital Fornost\n"
      "actor IGOWZC White Council\n"
      "  alias WC\n"
      "person Aragorn Elessar\n"
      "  alias Strider; Aragorn\n"
      "  code ARNREB 2001-01-01 2010-12-31\n"
      "  code ARNGOV 2011-01-01 -\n"
      "  code ARNELI\n"
      "agent WIZ Wizards\n"
      "  noun wizard; wizards; grey wizard\n"
      "  bogus line here\n"
      "  code ARNGOV 2011-13-01 -\n"
      "planet XYZ Mars\n");
  size_t ne = 0, nw = 0;
  parley_rc rc = parley_ctx_load_dict(ctx, path, PARLEY_DICT_AUTO, &ne, &nw);
  INT_EQ(rc, PARLEY_OK, "native load: %s", parley_errmsg(ctx));
  INT_EQ(ne, 4, "native entries");
  INT_EQ(nw, 3, "native warnings: %s", parley_ctx_warnings(ctx));
  OK(strstr(parley_ctx_warnings(ctx), "native.txt:15:") != NULL,
     "warning names file:line: %s", parley_ctx_warnings(ctx));
  STR_EQ(code_of(ctx, "Arnor", NULL), "ARN", "name");
  STR_EQ(how_of(ctx, "Arnor"), "exact", "how exact");
  STR_EQ(code_of(ctx, "the Kingdom of Arnor", NULL), "ARN", "alias");
  STR_EQ(how_of(ctx, "Kingdom of Arnor"), "synonym", "how synonym");
  STR_EQ(code_of(ctx, "North Kingdom", NULL), "ARN", "hyphen = space");
  STR_EQ(code_of(ctx, "Arnorian wizards", NULL), "ARNWIZ", "adj + agent");
  STR_EQ(how_of(ctx, "Arnorian wizards"), "agent", "how agent");
  STR_EQ(code_of(ctx, "Arnor's grey wizard", NULL), "ARNWIZ", "poss + agent");
  STR_EQ(code_of(ctx, "Fornost", NULL), "ARNGOV", "capital metonym");
  STR_EQ(how_of(ctx, "Fornost"), "metonym", "how metonym");
  STR_EQ(code_of(ctx, "WC", NULL), "IGOWZC", "acronym");
  STR_EQ(code_of(ctx, "wc", NULL), "", "acronym needs capitals");
  STR_EQ(code_of(ctx, "Strider", "2005-06-01"), "ARNREB", "dated 1");
  STR_EQ(code_of(ctx, "Strider", "2011-01-01"), "ARNGOV", "dated 2");
  STR_EQ(code_of(ctx, "Aragorn Elessar", NULL), "ARNGOV", "undated: latest");
  STR_EQ(code_of(ctx, "Aragorn", "1990-01-01"), "ARNELI", "fallback");
  STR_EQ(code_of(ctx, "Arnorians", NULL), "ARN", "plural adjective");
  parley_ctx_free(ctx);
}

static void test_petrarch_actors(void) {
  parley_ctx *ctx = parley_ctx_new();
  const char *path = write_tmp(
      "test.actors.txt",
      "<!-- header comment -->\n"
      "<!-- multi\n"
      "line comment -->\n"
      "GONDOR_  [GON]   # comment\n"
      "+MINAS_TIRITH\n"
      "+ANORIEN ; legacy comment\n"
      "\n"
      "DENETHOR\n"
      "\t[GONGOV 950101-991231]\n"
      "\t[GONELI >000101]\n"
      "\t[GONREB < 941231]\n"
      "HARAD [hrd]\n"
      "ENT_\n"
      "\t[ENT]\n"
      "MORDOR [MOR]\n"
      "\t[MORGOV 19990101 - 19991231]\n"
      "\tjunk without code\n"
      "\t[MORGOV 991301-000101]\n"
      "+\n");
  size_t ne = 0, nw = 0;
  parley_rc rc = parley_ctx_load_dict(ctx, path, PARLEY_DICT_AUTO, &ne, &nw);
  INT_EQ(rc, PARLEY_OK, "petr actors: %s", parley_errmsg(ctx));
  INT_EQ(ne, 7, "petr actor entries");
  INT_EQ(nw, 3, "petr actor warnings: %s", parley_ctx_warnings(ctx));
  STR_EQ(code_of(ctx, "Gondor", NULL), "GON", "primary");
  STR_EQ(code_of(ctx, "Minas Tirith", NULL), "GON", "synonym");
  STR_EQ(code_of(ctx, "Anorien", NULL), "GON", "synonym with ; comment");
  STR_EQ(code_of(ctx, "Denethor", "1996-05-01"), "GONGOV", "interval");
  STR_EQ(code_of(ctx, "Denethor", "2003-05-01"), "GONELI", "> restriction");
  STR_EQ(code_of(ctx, "Denethor", "1990-05-01"), "GONREB", "< restriction");
  STR_EQ(code_of(ctx, "Denethor", "1994-12-31"), "GONREB", "< inclusive");
  STR_EQ(code_of(ctx, "Harad", NULL), "HRD", "lower-case code upper-cased");
  STR_EQ(code_of(ctx, "Ent", NULL), "ENT", "code on its own line");
  STR_EQ(code_of(ctx, "Mordor", "1999-06-01"), "MORGOV", "spaced interval");
  STR_EQ(code_of(ctx, "Mordor", "2005-06-01"), "MOR", "default code");
  parley_ctx_free(ctx);
}

static void test_petrarch_agents(void) {
  parley_ctx *ctx = parley_ctx_new();
  const char *a = write_tmp("test.actors.txt", "GONDOR [GON]\n+GONDORIAN\n");
  size_t ne = 0, nw = 0;
  parley_ctx_load_dict(ctx, a, PARLEY_DICT_ACTORS, &ne, &nw);
  const char *path = write_tmp(
      "test.agents.txt",
      "<!-- agents -->\n"
      "!PERSON! = MAN, MEN, WOMAN, WOMEN\n"
      "CONGRESS!PERSON! [~LEG] # comment\n"
      "STEWARD [~GOV]\n"
      "POLICE {} [~COP]\n"
      "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\n"
      "ARMY [~MIL]\n"
      "HUMAN_RIGHTS_BODY  [NGO~]\n"
      "NO CODE HERE\n"
      "!UNDEFINED!_THING [~GOV]\n"
      "BROKEN [~GOV\n");
  parley_rc rc = parley_ctx_load_dict(ctx, path, PARLEY_DICT_AUTO, &ne, &nw);
  INT_EQ(rc, PARLEY_OK, "petr agents: %s", parley_errmsg(ctx));
  INT_EQ(ne, 7, "agent entries (marker definition included)");
  INT_EQ(nw, 3, "agent warnings: %s", parley_ctx_warnings(ctx));
  STR_EQ(code_of(ctx, "Gondorian congresswomen", NULL), "GONLEG", "marker");
  STR_EQ(code_of(ctx, "Gondor stewards", NULL), "GONGOV", "auto plural");
  STR_EQ(code_of(ctx, "Gondor armies", NULL), "GONMIL", "plural Y -> IES");
  STR_EQ(code_of(ctx, "Gondor police", NULL), "GONCOP", "{} no plural");
  STR_EQ(code_of(ctx, "Gondor attorneys general", NULL), "GONJUD",
         "given plural");
  STR_EQ(code_of(ctx, "Gondor human rights body", NULL), "NGOGON",
         "prefix agent");
  parley_ctx_free(ctx);
}

static void test_discards(void) {
  parley_ctx *ctx = parley_ctx_new();
  const char *path = write_tmp("test.discards.txt",
                               "# discards\n"
                               "WORLD CUP   # sentence level\n"
                               "+FOOTBALL_LEAGUE\n");
  size_t ne = 0, nw = 0;
  parley_rc rc = parley_ctx_load_dict(ctx, path, PARLEY_DICT_AUTO, &ne, &nw);
  INT_EQ(rc, PARLEY_OK, "discards: %s", parley_errmsg(ctx));
  INT_EQ(ne, 2, "discard entries");
  parley_doc *doc = parley_doc_new(ctx);
  parley_article a;
  memset(&a, 0, sizeof a);
  a.id = "d1";
  a.text = "Israel won the World Cup. Egypt met Qatar.";
  a.text_len = strlen(a.text);
  parley_doc_code_until(doc, &a, "actors");
  INT_EQ(doc->sents.n, 2, "two sentences");
  if (doc->sents.n == 2) {
    OK(doc->sents.v[0].flags & PL_SF_DISCARD, "sentence discarded");
    OK(!(doc->sents.v[1].flags & PL_SF_DISCARD), "other sentence kept");
  }
  a.text = "Egypt met Qatar. The Football League said so.";
  a.text_len = strlen(a.text);
  parley_doc_code_until(doc, &a, "actors");
  INT_EQ(doc->sents.n, 2, "two sentences");
  if (doc->sents.n == 2)
    OK(doc->sents.v[0].flags & PL_SF_DISCARD, "story discarded");
  parley_doc_free(doc);
  parley_ctx_free(ctx);
}

/* ---- peers: every PETRARCH dictionary loads; counts match the file ---- */

/* Independent count of entry lines: significant lines (comments removed)
 * that are not indented code restrictions, and the set of those lines. */
static size_t count_entry_lines(const char *text, unsigned char *isentry,
                                size_t maxline, int semi) {
  size_t count = 0, line = 0;
  int xml = 0;
  const char *p = text;
  while (*p) {
    const char *e = strchr(p, '\n');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    line++;
    char buf[4096];
    size_t o = 0;
    for (size_t i = 0; i < n && o < sizeof buf - 1; i++) {
      if (xml) {
        if (!strncmp(p + i, "-->", 3)) { xml = 0; i += 2; }
        continue;
      }
      if (!strncmp(p + i, "<!--", 4)) { xml = 1; i += 3; continue; }
      if (p[i] == '#' || (semi && p[i] == ';')) break;
      buf[o++] = p[i];
    }
    while (o && isspace((unsigned char)buf[o - 1])) o--;
    buf[o] = 0;
    if (o && !isspace((unsigned char)buf[0]) && strstr(buf, "---STOP---"))
      break;
    if (o && !isspace((unsigned char)buf[0])) {
      count++;
      if (line < maxline) isentry[line] = 1;
    }
    p = e ? e + 1 : p + n;
  }
  return count;
}

static void test_peers(void) {
  static const struct { const char *file; parley_dict_kind kind; int semi; }
  files[] = {
      {"Phoenix.Countries.actors.txt", PARLEY_DICT_AUTO, 1},
      {"Phoenix.International.actors.txt", PARLEY_DICT_AUTO, 1},
      {"Phoenix.MilNonState.actors.txt", PARLEY_DICT_AUTO, 1},
      {"Phoenix.agents.txt", PARLEY_DICT_AUTO, 0},
      {"Phoenix.discards.txt", PARLEY_DICT_AUTO, 1},
      {"PETR.Validate.actors.txt", PARLEY_DICT_AUTO, 1},
      {"PETR.Validate.agents.txt", PARLEY_DICT_AUTO, 0},
      {"PETR.Validate.discards.txt", PARLEY_DICT_AUTO, 1}};
  parley_ctx *ctx = parley_ctx_new();
  for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
    char path[1024];
    snprintf(path, sizeof path, "%s/peers/petrarch2/%s", PL_SHARED_DIR,
             files[f].file);
    char *text = h_slurp(path, NULL);
    OK(text != NULL, "%s readable", path);
    if (!text) continue;
    size_t maxline = 200000;
    unsigned char *isentry = calloc(maxline, 1);
    size_t want = count_entry_lines(text, isentry, maxline, files[f].semi);
    size_t ne = 0, nw = 0;
    parley_rc rc = parley_ctx_load_dict(ctx, path, files[f].kind, &ne, &nw);
    INT_EQ(rc, PARLEY_OK, "%s: %s", files[f].file, parley_errmsg(ctx));
    /* every entry line is either loaded or reported */
    size_t bad_entries = 0;
    const char *w = parley_ctx_warnings(ctx);
    size_t plen = strlen(path);
    while ((w = strstr(w, path)) != NULL) {
      size_t ln = strtoul(w + plen + 1, NULL, 10);
      if (ln < maxline && isentry[ln]) bad_entries++;
      w += plen;
    }
    INT_EQ(ne + bad_entries, want, "%s: entries %zu + bad %zu vs %zu lines",
           files[f].file, ne, bad_entries, want);
    OK(nw <= ne / 100 + 5, "%s: %zu warnings", files[f].file, nw);
    fprintf(stderr, "%s: %zu entries, %zu warnings\n", files[f].file, ne, nw);
    free(isentry);
    free(text);
  }
  /* Phoenix codes come through as written */
  STR_EQ(code_of(ctx, "Afghanistan", NULL), "AFG", "Phoenix country");
  parley_ctx_free(ctx);
}

int main(void) {
  if (!mkdtemp(tmpdir)) {
    perror("mkdtemp");
    return 1;
  }
  test_native();
  test_petrarch_actors();
  test_petrarch_agents();
  test_discards();
  char probe[1024];
  snprintf(probe, sizeof probe, "%s/peers/petrarch2/PETR.Validate.actors.txt",
           PL_SHARED_DIR);
  if (access(probe, R_OK) == 0) test_peers();
  else fprintf(stderr, "peers absent: peer load test skipped\n");
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
  if (system(cmd)) fprintf(stderr, "could not remove %s\n", tmpdir);
  return h_done("test_dict");
}
