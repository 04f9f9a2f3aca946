/*
 * cmd_validate.c - `parley validate`: run a PETRARCH/TABARI validation file
 * the way PETRARCH's validation mode does, and report per record.
 *
 * Input: a <Validation> XML file.  Its <Environment> names the dictionaries
 * (<Verbfile>, <Actorfile>, <Agentfile>, <Discardfile>, relative to the
 * file's directory); they are loaded into a context made WITHOUT parley's
 * default actor/agent/verb dictionaries.  <Config option= value=> switches
 * apply, in file order, to the records after them.  Each <Sentence> record
 * is coded as one article (its id and date) and the SET of
 * (source, target, code) triples found is compared with its <EventCoding>
 * lines.  noevents="True" and error="..." records expect no event.
 *
 * Output (stdout): for each wrong record its id, category, expected and got
 * triples; at the end exactly one line "suite: C/N records correct (P%)".
 * Records that cannot apply in the chosen mode (error="bad_input_parse"
 * without --use-parse: there is no parse to be malformed) are left out of
 * N and listed on a "skipped:" line before it.
 *
 * Only the public API is used: events come back through parley_doc_render
 * as JSON Lines and are read with jansson.
 */
#include "cli.h"
#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char help[] =
    "usage: parley validate FILE.xml [OPTIONS]\n"
    "\n"
    "Runs a PETRARCH validation file (for example PETR.UnitTest.records.xml):\n"
    "loads only the dictionaries its <Environment> names, applies its\n"
    "<Config> switches in file order, codes every <Sentence> record and\n"
    "compares the set of (source, target, event code) with its <EventCoding>\n"
    "lines.  Prints each wrong record (expected / got) and ends with\n"
    "  suite: C/N records correct (P%)\n"
    "\n"
    "options:\n"
    "  --dict FILE     load one more dictionary after the environment's\n"
    "                  (repeatable)\n"
    "  --use-parse     code the record's Penn Treebank <Parse> (its words,\n"
    "                  part-of-speech tags and phrase structure) instead of\n"
    "                  <Text>: tells coder errors from tagging/syntax errors\n"
    "  --verbose       also print the records coded correctly and the text\n"
    "  --only ID       run only the records whose id starts with ID\n"
    "  --dump          with each printed record, parley's stage dump (tokens,\n"
    "                  tags, mentions, events) as `code --format dump` shows\n"
    "  --as-petrarch   leave out the records PETRARCH's own run skipped:\n"
    "                  categories missing from <Include>, and, when it lists\n"
    "                  'valid', records not marked sentence=\"true\"\n"
    "  --min PCT       exit 1 when fewer than PCT% of the records are correct\n"
    "\n"
    "exit status: 0 the suite ran (and reached --min), 1 it could not run or\n"
    "missed --min, 2 bad command line.\n"
    "\n"
    "examples:\n"
    "  parley validate PETR.UnitTest.records.xml\n"
    "  parley validate PETR.UnitTest.records.xml --use-parse --only DEMO\n";

/* ---- a small reader for the validation XML ----
 * The files are hand-written: comments anywhere (also around tags:
 * "<!--Stop></Stop-->"), attributes with spaces around '=' and either
 * quote style, values that themselves contain quotes ('"INJURY TOLL"'). */

typedef struct {
  const char *p, *end;
  const char *base; /* start of the file, for line numbers */
} xin;

static size_t line_of(const xin *x, const char *at) {
  size_t n = 1;
  for (const char *q = x->base; q < at; q++)
    if (*q == '\n') n++;
  return n;
}

/* Next tag: returns a pointer to its '<' (comments skipped) or NULL. */
static const char *next_tag(xin *x) {
  while (x->p < x->end) {
    const char *lt = memchr(x->p, '<', (size_t)(x->end - x->p));
    if (!lt) break;
    if (x->end - lt >= 4 && !memcmp(lt, "<!--", 4)) {
      const char *e = lt + 4;
      while (e + 3 <= x->end && memcmp(e, "-->", 3)) e++;
      x->p = e + 3 <= x->end ? e + 3 : x->end;
      continue;
    }
    return lt;
  }
  x->p = x->end;
  return NULL;
}

/* Tag name at lt ("<Sentence" -> "Sentence", "</Text" -> "/Text"). */
static int tag_is(const char *lt, const char *end, const char *name) {
  size_t n = strlen(name);
  if ((size_t)(end - lt) < n + 2) return 0;
  if (memcmp(lt + 1, name, n)) return 0;
  char c = lt[1 + n];
  return c == '>' || c == '/' || isspace((unsigned char)c);
}

/* End of the tag that opens at lt (the '>'), honouring quoted values. */
static const char *tag_end(const char *lt, const char *end) {
  char q = 0;
  for (const char *p = lt + 1; p < end; p++) {
    if (q) {
      if (*p == q) q = 0;
    } else if (*p == '"' || *p == '\'') {
      q = *p;
    } else if (*p == '>') {
      return p;
    }
  }
  return end;
}

/* Value of attribute name inside the tag [lt, gt), malloc'd, or NULL. */
static char *attr(const char *lt, const char *gt, const char *name) {
  size_t n = strlen(name);
  const char *p = lt + 1;
  while (p < gt && !isspace((unsigned char)*p)) p++;
  while (p < gt) {
    while (p < gt && isspace((unsigned char)*p)) p++;
    const char *k = p;
    while (p < gt && *p != '=' && !isspace((unsigned char)*p) && *p != '>')
      p++;
    size_t kn = (size_t)(p - k);
    while (p < gt && isspace((unsigned char)*p)) p++;
    if (p >= gt || *p != '=') {
      if (p == k) p++;
      continue;
    }
    p++;
    while (p < gt && isspace((unsigned char)*p)) p++;
    if (p >= gt) break;
    char q = *p;
    const char *v, *ve;
    if (q == '"' || q == '\'') {
      v = ++p;
      while (p < gt && *p != q) p++;
      ve = p;
      if (p < gt) p++;
    } else {
      v = p;
      while (p < gt && !isspace((unsigned char)*p)) p++;
      ve = p;
    }
    if (kn == n && !memcmp(k, name, n)) {
      char *s = malloc((size_t)(ve - v) + 1);
      if (!s) return NULL;
      memcpy(s, v, (size_t)(ve - v));
      s[ve - v] = 0;
      return s;
    }
  }
  return NULL;
}

/* Decodes the five XML entities and folds all white space (the records
 * wrap their text over lines) into single spaces; trims.  malloc'd. */
static char *clean_text(const char *s, size_t n) {
  char *o = malloc(n + 1);
  if (!o) return NULL;
  size_t j = 0;
  int sp = 0;
  static const struct { const char *e; char c; } ents[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'},
      {"&apos;", '\''}};
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (isspace((unsigned char)c)) {
      sp = 1;
      continue;
    }
    if (c == '&')
      for (size_t k = 0; k < sizeof ents / sizeof ents[0]; k++) {
        size_t el = strlen(ents[k].e);
        if (n - i >= el && !memcmp(s + i, ents[k].e, el)) {
          c = ents[k].c;
          i += el - 1;
          break;
        }
      }
    if (sp && j) o[j++] = ' ';
    sp = 0;
    o[j++] = c;
  }
  o[j] = 0;
  return o;
}

/* Text between the tag opening at lt and its closing tag "</name>". */
static char *element_text(xin *x, const char *lt, const char *name) {
  const char *gt = tag_end(lt, x->end);
  if (gt >= x->end) return NULL;
  const char *b = gt + 1;
  char close[32];
  snprintf(close, sizeof close, "</%s>", name);
  size_t cl = strlen(close);
  const char *e = b;
  while (e + cl <= x->end && memcmp(e, close, cl)) e++;
  if (e + cl > x->end) e = x->end;
  x->p = e + cl <= x->end ? e + cl : x->end;
  return clean_text(b, (size_t)(e - b));
}

/* ---- string sets: sorted, unique triples "SRC TGT CODE" ---- */
typedef struct {
  char **v;
  size_t n, cap;
} sset;

static int sset_add(sset *s, const char *a, const char *b, const char *c) {
  size_t n = strlen(a) + strlen(b) + strlen(c) + 3;
  char *t = malloc(n);
  if (!t) return -1;
  snprintf(t, n, "%s %s %s", a, b, c);
  for (size_t i = 0; i < s->n; i++)
    if (!strcmp(s->v[i], t)) {
      free(t);
      return 0;
    }
  if (s->n == s->cap) {
    size_t nc = s->cap ? s->cap * 2 : 8;
    char **nv = realloc(s->v, nc * sizeof *nv);
    if (!nv) {
      free(t);
      return -1;
    }
    s->v = nv;
    s->cap = nc;
  }
  s->v[s->n++] = t;
  return 0;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sset_sort(sset *s) {
  if (s->n > 1) qsort(s->v, s->n, sizeof *s->v, cmp_str);
}

static int sset_has(const sset *s, const char *t) {
  for (size_t i = 0; i < s->n; i++)
    if (!strcmp(s->v[i], t)) return 1;
  return 0;
}

static int sset_eq(const sset *a, const sset *b) {
  if (a->n != b->n) return 0;
  for (size_t i = 0; i < a->n; i++)
    if (!sset_has(b, a->v[i])) return 0;
  return 1;
}

static void sset_clear(sset *s) {
  for (size_t i = 0; i < s->n; i++) free(s->v[i]);
  s->n = 0;
}

static void sset_free(sset *s) {
  sset_clear(s);
  free(s->v);
  memset(s, 0, sizeof *s);
}

static void sset_print(FILE *f, const sset *s) {
  if (!s->n) fputs(" (no events)", f);
  for (size_t i = 0; i < s->n; i++) fprintf(f, "%s%s", i ? " | " : " ", s->v[i]);
  fputc('\n', f);
}

/* ---- a Penn Treebank parse -> words and tags ---- */
/* Leaves "(TAG word)" in order; returns the number of leaves, or -1 when
 * the brackets do not balance (PETRARCH's bad_input_parse).  words gets
 * "w1 w2 ..." and tags "T1 T2 ..." (malloc'd) on success. */
static long parse_leaves(const char *s, char **words, char **tags) {
  size_t n = strlen(s);
  char *w = malloc(n + 1), *t = malloc(n + 1);
  if (!w || !t) {
    free(w);
    free(t);
    return -1;
  }
  size_t wj = 0, tj = 0;
  long depth = 0, nleaf = 0;
  int bad = 0;
  for (size_t i = 0; i < n && !bad; i++) {
    if (s[i] == '(') {
      depth++;
      size_t a = i + 1;
      size_t b = a;
      while (b < n && !isspace((unsigned char)s[b]) && s[b] != '(' &&
             s[b] != ')')
        b++;
      size_t c = b;
      while (c < n && isspace((unsigned char)s[c])) c++;
      if (c < n && s[c] != '(' && s[c] != ')') {
        size_t d = c;
        while (d < n && s[d] != ')' && !isspace((unsigned char)s[d])) d++;
        if (d < n && s[d] == ')') { /* a leaf: (TAG word) */
          if (wj) w[wj++] = ' ';
          memcpy(w + wj, s + c, d - c);
          wj += d - c;
          if (tj) t[tj++] = ' ';
          memcpy(t + tj, s + a, b - a);
          tj += b - a;
          nleaf++;
          depth--;
          i = d;
        }
      }
    } else if (s[i] == ')') {
      if (--depth < 0) bad = 1;
    }
  }
  if (bad || depth != 0 || nleaf == 0) {
    free(w);
    free(t);
    return -1;
  }
  w[wj] = 0;
  t[tj] = 0;
  *words = w;
  *tags = t;
  return nleaf;
}

/* Treebank leaves back to plain text: "-LRB-" -> "(", `` '' -> ", and no
 * space before punctuation or clitics ('s, n't) so parley's tokenizer sees
 * ordinary English. */
static char *leaves_to_text(const char *words) {
  size_t n = strlen(words);
  char *o = malloc(n + 1);
  if (!o) return NULL;
  size_t j = 0;
  const char *p = words;
  while (*p) {
    const char *e = strchr(p, ' ');
    size_t l = e ? (size_t)(e - p) : strlen(p);
    char tok[64];
    size_t tl = l < sizeof tok - 1 ? l : sizeof tok - 1;
    memcpy(tok, p, tl);
    tok[tl] = 0;
    const char *rep = tok;
    if (!strcmp(tok, "-LRB-") || !strcmp(tok, "-LCB-")) rep = "(";
    else if (!strcmp(tok, "-RRB-") || !strcmp(tok, "-RCB-")) rep = ")";
    else if (!strcmp(tok, "``") || !strcmp(tok, "''")) rep = "\"";
    int glue = !strcmp(rep, ",") || !strcmp(rep, ".") || !strcmp(rep, ":") ||
               !strcmp(rep, ";") || !strcmp(rep, ")") || !strcmp(rep, "?") ||
               !strcmp(rep, "!") || !strcmp(rep, "%") ||
               (rep[0] == '\'' && rep[1]) || !strcasecmp(rep, "n't");
    if (j && !glue && o[j - 1] != '(') o[j++] = ' ';
    size_t rl = strlen(rep);
    if (rep == tok) rl = l; /* long tokens: copy all of it */
    memcpy(o + j, rep == tok ? p : rep, rl);
    j += rl;
    p += l;
    while (*p == ' ') p++;
  }
  o[j] = 0;
  return o;
}

/* ---- running the suite ---- */
typedef struct {
  const char *file;
  const char **dicts;
  int ndicts;
  int use_parse, verbose, dump;
  const char *only;
  double min;
  /* state */
  parley_ctx *ctx;
  parley_doc *doc;
  int new_actor_length; /* mirrors the context's switch for the mapping */
  size_t n, correct, skipped, nfail_run;
  char skipped_ids[512];
  /* --as-petrarch: skip what PETRARCH's own validation run skipped */
  int as_petrarch;
  char include[512];     /* <Include> categories, space-separated */
  int valid_only;        /* "valid" in <Include>: sentence="true" only */
  size_t pskipped;
  char pskipped_ids[512];
  /* per-category tallies for the summary line (first 32 categories) */
  struct { char name[24]; size_t n, ok; } cat[32];
  size_t ncat;
} vrun;

static void tally(vrun *r, const char *category, int ok) {
  const char *c = category && *category ? category : "-";
  size_t i = 0;
  while (i < r->ncat && strcmp(r->cat[i].name, c)) i++;
  if (i == r->ncat) {
    if (r->ncat == sizeof r->cat / sizeof r->cat[0]) return;
    snprintf(r->cat[i].name, sizeof r->cat[i].name, "%s", c);
    r->ncat++;
  }
  r->cat[i].n++;
  if (ok) r->cat[i].ok++;
}

/* The code PETRARCH would print for one side of an event. */
static void actor_code(const vrun *r, json_t *a, char *out, size_t cap) {
  const char *code = NULL, *text = NULL, *sector = NULL;
  if (json_is_object(a)) {
    code = json_string_value(json_object_get(a, "code"));
    text = json_string_value(json_object_get(a, "text"));
    sector = json_string_value(json_object_get(a, "sector"));
  }
  if (code && *code) {
    snprintf(out, cap, "%s", code);
    return;
  }
  /* an agent with no country ("the ministry") is "---GOV" in PETRARCH */
  if (sector && *sector) {
    snprintf(out, cap, "---%s", sector);
    return;
  }
  /* new_actor_length: an unknown phrase stands as its quoted text */
  if (text && *text && r->new_actor_length > 0) {
    size_t j = 0;
    out[j++] = '"';
    for (const char *p = text; *p && j + 2 < cap; p++)
      out[j++] = (char)toupper((unsigned char)*p);
    out[j++] = '"';
    out[j] = 0;
    return;
  }
  snprintf(out, cap, "---");
}

/* Codes one text; fills got.  Returns 0, or -1 when coding failed. */
static int code_record(vrun *r, const char *id, const char *date,
                       const char *text, const char *parse, sset *got) {
  parley_article a;
  memset(&a, 0, sizeof a);
  a.id = id;
  if (parley_doc_set_parse(r->doc, parse)) {
    cli_err("out of memory");
    return -1;
  }
  a.date = date && *date ? date : NULL;
  a.text = text;
  a.text_len = strlen(text);
  parley_rc rc = parley_doc_code(r->doc, &a);
  if (rc == PARLEY_EFORMAT) { /* a bad date: coded without it */
    a.date = NULL;
    rc = parley_doc_code(r->doc, &a);
  }
  if (rc != PARLEY_OK && rc != PARLEY_ETOOBIG) {
    cli_err("%s: %s", id, parley_doc_errmsg(r->doc));
    return -1;
  }
  size_t len = 0;
  const char *out = parley_doc_render(r->doc, PARLEY_FMT_JSONL,
                                      PARLEY_REC_EVENT, &len);
  if (!out) {
    cli_err("%s: cannot render records", id);
    return -1;
  }
  const char *p = out, *end = out + len;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
    json_error_t err;
    json_t *j = json_loadb(p, l, 0, &err);
    p += l + (nl ? 1 : 0);
    if (!j) continue;
    const char *type = json_string_value(json_object_get(j, "type"));
    const char *code = json_string_value(json_object_get(j, "code"));
    if (type && !strcmp(type, "event") && code) {
      char s[256], t[256];
      actor_code(r, json_object_get(j, "source"), s, sizeof s);
      actor_code(r, json_object_get(j, "target"), t, sizeof t);
      if (sset_add(got, s, t, code)) {
        json_decref(j);
        return -1;
      }
    }
    json_decref(j);
  }
  return 0;
}

static int load_env_dict(vrun *r, const char *dir, const char *name,
                         parley_dict_kind kind) {
  char path[4096];
  if (name[0] == '/' || !dir[0])
    snprintf(path, sizeof path, "%s", name);
  else
    snprintf(path, sizeof path, "%s/%s", dir, name);
  size_t ne = 0, nw = 0;
  parley_rc rc = parley_ctx_load_dict(r->ctx, path, kind, &ne, &nw);
  if (nw && r->verbose) fputs(parley_ctx_warnings(r->ctx), stderr);
  if (rc) {
    cli_err("%s", parley_errmsg(r->ctx));
    return -1;
  }
  if (r->verbose)
    cli_err("%s: %zu entries loaded, %zu lines skipped", path, ne, nw);
  return 0;
}

/* --dict files: loaded once, after the environment's dictionaries. */
static int load_extra(vrun *r) {
  for (int i = 0; i < r->ndicts; i++)
    if (load_env_dict(r, "", r->dicts[i], PARLEY_DICT_AUTO)) return -1;
  return 0;
}

/* Applies one <Config option= value=>.  PETRARCH options that are not
 * coding switches (stop_on_error, output settings) do not change what is
 * coded and are ignored. */
static void apply_config(vrun *r, const char *opt, const char *val,
                         size_t line) {
  static const char *const ignored[] = {
      "stop_on_error", "write_actor_root", "write_actor_text",
      "write_event_text", "code_by_sentence", NULL};
  for (const char *const *q = ignored; *q; q++)
    if (!strcmp(opt, *q)) return;
  if (parley_ctx_set_option(r->ctx, opt, val)) {
    cli_err("%s:%zu: %s (ignored)", r->file, line, parley_errmsg(r->ctx));
    return;
  }
  if (!strcmp(opt, "new_actor_length")) r->new_actor_length = (int)strtol(val, NULL, 10);
}

typedef struct {
  char *id, *date, *category, *text, *parse;
  char *sentence;   /* sentence="true"/"false" attribute */
  char *error;      /* error= of an EventCoding line */
  int noevents;
  sset want;
  size_t line;
} record;

static void record_free(record *rec) {
  free(rec->id);
  free(rec->date);
  free(rec->category);
  free(rec->sentence);
  free(rec->text);
  free(rec->parse);
  free(rec->error);
  sset_free(&rec->want);
  memset(rec, 0, sizeof *rec);
}

static void add_id(char *list, size_t cap, const char *id) {
  size_t l = strlen(list);
  if (l + strlen(id) + 5 < cap)
    snprintf(list + l, cap - l, "%s%s", l ? " " : "", id);
  else if (l + 5 < cap && !strstr(list, "..."))
    snprintf(list + l, cap - l, " ...");
}

/* --as-petrarch: PETRARCH evaluates only records whose category is in
 * <Include> and, when "valid" is listed there, that are marked valid (in
 * this file version: sentence="true"; the others say "currently not
 * implemented"). */
static int petrarch_skips(const vrun *r, const record *rec) {
  if (!r->as_petrarch) return 0;
  if (r->valid_only && rec->sentence && strcasecmp(rec->sentence, "true"))
    return 1;
  if (!r->include[0]) return 0;
  const char *c = rec->category ? rec->category : "";
  size_t n = strlen(c);
  for (const char *p = r->include; *p;) {
    while (*p == ' ') p++;
    const char *e = p;
    while (*e && *e != ' ') e++;
    if ((size_t)(e - p) == n && n && !strncmp(p, c, n)) return 0;
    p = e;
  }
  return 1;
}

static void run_record(vrun *r, record *rec) {
  const char *id = rec->id ? rec->id : "(no id)";
  if (r->only && strncmp(id, r->only, strlen(r->only))) return;
  if (petrarch_skips(r, rec)) {
    r->pskipped++;
    add_id(r->pskipped_ids, sizeof r->pskipped_ids, id);
    return;
  }
  sset got = {0};
  sset_sort(&rec->want);
  int ok;
  const char *note = "";
  char *words = NULL, *tags = NULL, *ptext = NULL;
  const char *text = rec->text ? rec->text : "";
  if (r->use_parse && rec->parse && rec->parse[0]) {
    long nl = parse_leaves(rec->parse, &words, &tags);
    if (nl < 0) {
      /* PETRARCH refuses the record: right when an error was expected
       * (the ERROR records of the suite come with cut-down parses) */
      int want_err = rec->error != NULL;
      r->n++;
      if (want_err) r->correct++;
      tally(r, rec->category, want_err);
      if (!want_err || r->verbose)
        printf("%s %s [%s] line %zu: parse does not balance%s\n",
               want_err ? "ok  " : "FAIL", id,
               rec->category ? rec->category : "", rec->line,
               want_err ? " (an error was expected)" : "");
      return;
    }
    ptext = leaves_to_text(words);
    if (ptext) text = ptext;
  } else if (!r->use_parse && rec->error &&
             !strcmp(rec->error, "bad_input_parse")) {
    /* a malformed-parse test has nothing to test without the parse */
    r->skipped++;
    add_id(r->skipped_ids, sizeof r->skipped_ids, id);
    return;
  }
  if (code_record(r, id, rec->date, text, ptext ? rec->parse : NULL,
                  &got)) {
    r->nfail_run++;
    ok = 0;
    note = " (coding failed)";
  } else {
    sset_sort(&got);
    ok = sset_eq(&rec->want, &got);
  }
  r->n++;
  if (ok) r->correct++;
  tally(r, rec->category, ok);
  if (!ok || r->verbose) {
    printf("%s %s [%s] line %zu%s\n", ok ? "ok  " : "FAIL", id,
           rec->category ? rec->category : "", rec->line, note);
    if (r->verbose) printf("  text:    %s\n", text);
    if (r->dump) { /* the stage dump of this record, for debugging */
      const char *d = parley_doc_render(r->doc, PARLEY_FMT_DUMP, 0, NULL);
      if (d) fputs(d, stdout);
    }
    printf("  expected:");
    if (rec->error) printf(" (error=%s, no events)\n", rec->error);
    else sset_print(stdout, &rec->want);
    printf("  got:     ");
    sset_print(stdout, &got);
    if (!ok) {
      for (size_t i = 0; i < rec->want.n; i++)
        if (!sset_has(&got, rec->want.v[i]))
          printf("  - missing %s\n", rec->want.v[i]);
      for (size_t i = 0; i < got.n; i++)
        if (!sset_has(&rec->want, got.v[i]))
          printf("  + extra   %s\n", got.v[i]);
    }
  }
  sset_free(&got);
  free(words);
  free(tags);
  free(ptext);
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *p = malloc(cap + 1);
  while (p) {
    size_t got = fread(p + n, 1, cap - n, f);
    n += got;
    if (n < cap) break;
    char *q = realloc(p, cap * 2 + 1);
    if (!q) {
      free(p);
      p = NULL;
      break;
    }
    p = q;
    cap *= 2;
  }
  int err = ferror(f);
  fclose(f);
  if (p && err) {
    free(p);
    p = NULL;
  }
  if (p) p[n] = 0;
  *len = n;
  return p;
}

static int run_file(vrun *r) {
  size_t len = 0;
  char *buf = slurp(r->file, &len);
  if (!buf) {
    cli_err("%s: cannot read: %s", r->file, strerror(errno ? errno : EIO));
    return CLI_FAIL;
  }
  char dir[4096];
  snprintf(dir, sizeof dir, "%s", r->file);
  char *slash = strrchr(dir, '/');
  if (slash) *slash = 0;
  else snprintf(dir, sizeof dir, ".");

  xin x = {buf, buf + len, buf};
  const char *lt;
  int env_done = 0, rc = CLI_OK;
  record rec;
  memset(&rec, 0, sizeof rec);
  int in_rec = 0;
  while ((lt = next_tag(&x)) != NULL) {
    const char *gt = tag_end(lt, x.end);
    x.p = gt < x.end ? gt + 1 : x.end;
    if (tag_is(lt, x.end, "Verbfile") || tag_is(lt, x.end, "Actorfile") ||
        tag_is(lt, x.end, "Agentfile") || tag_is(lt, x.end, "Discardfile")) {
      const char *nm = lt[1] == 'V' ? "Verbfile" : lt[2] == 'c' ? "Actorfile"
                       : lt[2] == 'g' ? "Agentfile" : "Discardfile";
      parley_dict_kind kind = lt[1] == 'V' ? PARLEY_DICT_VERBS
                              : lt[2] == 'c' ? PARLEY_DICT_ACTORS
                              : lt[2] == 'g' ? PARLEY_DICT_AGENTS
                                             : PARLEY_DICT_DISCARDS;
      char *v = element_text(&x, lt, nm);
      /* <Actorfile> may list several files separated by commas */
      int bad = 0;
      if (v) {
        char *save = v;
        while (*save && !bad) {
          char *e = strchr(save, ',');
          if (e) *e = 0;
          char *s = save;
          while (*s == ' ') s++;
          size_t l = strlen(s);
          while (l && s[l - 1] == ' ') s[--l] = 0;
          if (*s && load_env_dict(r, dir, s, kind)) bad = 1;
          if (!e) break;
          save = e + 1;
        }
      }
      free(v);
      if (bad) {
        rc = CLI_FAIL;
        break;
      }
      continue;
    }
    if (tag_is(lt, x.end, "Include")) {
      char *v = element_text(&x, lt, "Include");
      if (v) {
        r->include[0] = 0;
        r->valid_only = 0;
        for (char *p = v; *p;) { /* keep the categories, note "valid" */
          while (*p == ' ') p++;
          char *e = p;
          while (*e && *e != ' ') e++;
          size_t n = (size_t)(e - p);
          if (n == 5 && !strncmp(p, "valid", 5)) r->valid_only = 1;
          else if (n) {
            size_t l = strlen(r->include);
            if (l + n + 2 < sizeof r->include)
              snprintf(r->include + l, sizeof r->include - l, "%s%.*s",
                       l ? " " : "", (int)n, p);
          }
          p = e;
        }
      }
      free(v);
      continue;
    }
    if (tag_is(lt, x.end, "/Environment")) {
      env_done = 1;
      if (load_extra(r)) {
        rc = CLI_FAIL;
        break;
      }
      continue;
    }
    if (tag_is(lt, x.end, "Config")) {
      char *o = attr(lt, gt, "option"), *v = attr(lt, gt, "value");
      if (o && v) apply_config(r, o, v, line_of(&x, lt));
      free(o);
      free(v);
      continue;
    }
    if (tag_is(lt, x.end, "Sentence")) {
      if (!env_done) { /* a file without <Environment> */
        env_done = 1;
        if (load_extra(r)) {
          rc = CLI_FAIL;
          break;
        }
      }
      if (in_rec) record_free(&rec);
      in_rec = 1;
      rec.id = attr(lt, gt, "id");
      rec.date = attr(lt, gt, "date");
      rec.category = attr(lt, gt, "category");
      rec.sentence = attr(lt, gt, "sentence");
      rec.line = line_of(&x, lt);
      continue;
    }
    if (!in_rec) continue;
    if (tag_is(lt, x.end, "EventCoding")) {
      char *err = attr(lt, gt, "error");
      char *ne = attr(lt, gt, "noevents");
      if (err) {
        free(rec.error);
        rec.error = err;
      } else if (ne) {
        rec.noevents = 1;
      } else {
        char *s = attr(lt, gt, "sourcecode"), *t = attr(lt, gt, "targetcode"),
             *c = attr(lt, gt, "eventcode");
        if (c) sset_add(&rec.want, s && *s ? s : "---", t && *t ? t : "---", c);
        free(s);
        free(t);
        free(c);
      }
      free(ne);
      continue;
    }
    if (tag_is(lt, x.end, "Text")) {
      free(rec.text);
      rec.text = element_text(&x, lt, "Text");
      continue;
    }
    if (tag_is(lt, x.end, "Parse")) {
      free(rec.parse);
      rec.parse = element_text(&x, lt, "Parse");
      continue;
    }
    if (tag_is(lt, x.end, "/Sentence")) {
      run_record(r, &rec);
      record_free(&rec);
      in_rec = 0;
      continue;
    }
  }
  if (in_rec) record_free(&rec);
  free(buf);
  if (rc) return rc;
  if (r->skipped)
    printf("skipped: %zu records (%s): error=bad_input_parse tests need "
           "--use-parse\n", r->skipped, r->skipped_ids);
  if (r->pskipped)
    printf("skipped: %zu records (%s): not evaluated by PETRARCH itself "
           "(--as-petrarch)\n", r->pskipped, r->pskipped_ids);
  if (r->ncat) {
    printf("by category:");
    for (size_t i = 0; i < r->ncat; i++)
      printf(" %s %zu/%zu", r->cat[i].name, r->cat[i].ok, r->cat[i].n);
    printf("\n");
  }
  double pct = r->n ? 100.0 * (double)r->correct / (double)r->n : 0.0;
  printf("suite: %zu/%zu records correct (%.1f%%)\n", r->correct, r->n, pct);
  if (r->n == 0) {
    cli_err("%s: no <Sentence> records%s", r->file,
            r->only ? " matched --only" : "");
    return CLI_FAIL;
  }
  if (r->min > 0 && pct + 1e-9 < r->min) {
    cli_err("%.1f%% correct is below --min %.1f%%", pct, r->min);
    return CLI_FAIL;
  }
  return CLI_OK;
}

int cli_cmd_validate(int argc, char **argv) {
  vrun r;
  memset(&r, 0, sizeof r);
  const char **dicts = calloc((size_t)argc + 1, sizeof *dicts);
  if (!dicts) {
    cli_err("out of memory");
    return CLI_FAIL;
  }
  int ret = CLI_OK;
  for (int i = 1; i < argc; i++) {
    const char *v;
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
      fputs(help, stdout);
      free(dicts);
      return CLI_OK;
    } else if (cli_opt(argc, argv, &i, "--dict", &v)) {
      dicts[r.ndicts++] = v;
    } else if (cli_opt(argc, argv, &i, "--only", &v)) {
      r.only = v;
    } else if (cli_opt(argc, argv, &i, "--min", &v)) {
      char *e;
      r.min = strtod(v, &e);
      if (*e || r.min < 0 || r.min > 100) {
        cli_err("--min wants a percentage 0..100, not '%s'", v);
        free(dicts);
        return CLI_USAGE;
      }
    } else if (!strcmp(argv[i], "--use-parse")) {
      r.use_parse = 1;
    } else if (!strcmp(argv[i], "--verbose") || !strcmp(argv[i], "-v")) {
      r.verbose = 1;
    } else if (!strcmp(argv[i], "--dump")) {
      r.dump = 1;
    } else if (!strcmp(argv[i], "--as-petrarch")) {
      r.as_petrarch = 1;
    } else if (argv[i][0] == '-' && argv[i][1]) {
      cli_err("validate: unknown option '%s' (see parley validate --help)",
              argv[i]);
      free(dicts);
      return CLI_USAGE;
    } else if (!r.file) {
      r.file = argv[i];
    } else {
      cli_err("validate: one FILE.xml only");
      free(dicts);
      return CLI_USAGE;
    }
  }
  if (!r.file) {
    fputs(help, stderr);
    free(dicts);
    return CLI_USAGE;
  }
  r.dicts = dicts;
  r.ctx = parley_ctx_new_opts(PARLEY_CTX_NO_DEFAULT_DICTS);
  if (!r.ctx) {
    cli_err("out of memory");
    free(dicts);
    return CLI_FAIL;
  }
  /* PETRARCH's defaults (its PETR_config.ini), before any <Config> */
  static const char *const defaults[][2] = {
      {"require_dyad", "true"}, {"new_actor_length", "0"},
      {"comma_min", "2"},       {"comma_max", "8"},
      {"comma_bmin", "0"},      {"comma_bmax", "0"},
      {"comma_emin", "2"},      {"comma_emax", "8"}};
  for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
    apply_config(&r, defaults[i][0], defaults[i][1], 0);
  r.doc = parley_doc_new(r.ctx);
  if (!r.doc) {
    cli_err("out of memory");
    ret = CLI_FAIL;
  } else {
    ret = run_file(&r);
  }
  parley_doc_free(r.doc);
  parley_ctx_free(r.ctx);
  free(dicts);
  return ret;
}
