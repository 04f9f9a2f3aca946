/*
 * doc.c - the context and document lifecycles, and the stage table that
 * drives the pipeline.
 *
 * parley_doc_code copies the article into the document arena and runs the
 * stages in table order; a stage runs only while the previous ones
 * succeeded (as jq runs its next compile step only while nerrors == 0).
 */
#include "internal.h"
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
  const char *name;
  pl_stage_fn run;
} stage_t;

static const stage_t stages[] = {
    {"normalize", pl_normalize_run}, {"token", pl_token_run},
    {"sentence", pl_sentence_run},   {"tag", pl_tag_run},
    {"actors", pl_actors_run},       {"syntax", pl_syntax_run},
    {"dates", pl_dates_run},         {"places", pl_places_run},
    {"coref", pl_coref_run},         {"events", pl_events_run},
    {"quotes", pl_quotes_run},       {"counts", pl_counts_run},
};
#define NSTAGES (sizeof stages / sizeof stages[0])

const char *const *parley_stage_names(void) {
  static const char *names[NSTAGES + 1];
  if (!names[0])
    for (size_t i = 0; i < NSTAGES; i++) names[i] = stages[i].name;
  return names;
}

/* ---- context ---- */
parley_ctx *parley_ctx_new(void) { return parley_ctx_new_opts(0); }

/* Gazetteer load on its own thread (see parley_ctx_new_opts). */
typedef struct {
  parley_ctx ctx; /* private: only gaz, warnings and errmsg are used */
  parley_rc rc;
} places_job;

static void *places_main(void *arg) {
  places_job *pj = arg;
  pj->rc = pl_places_load_builtin(&pj->ctx);
  return NULL;
}

parley_ctx *parley_ctx_new_opts(unsigned flags) {
  parley_ctx *ctx = calloc(1, sizeof *ctx);
  if (!ctx) return NULL;
  ctx->lim.max_doc_bytes = PL_DEFAULT_MAX_DOC_BYTES;
  ctx->lim.max_sent_tokens = PL_DEFAULT_MAX_SENT_TOKENS;
  /* the load_builtin hooks read this flag: with it they leave their
   * dictionary empty (see PL_CTX_NO_DEFAULTS in internal.h) */
  if (flags & PARLEY_CTX_NO_DEFAULT_DICTS) ctx->flags |= PL_CTX_NO_DEFAULTS;
  ctx->comma_min = ctx->comma_max = ctx->comma_bmin = ctx->comma_bmax =
      ctx->comma_emin = ctx->comma_emax = -1;
  pl_buf_init(&ctx->warnings, (size_t)1 << 20);
  pl_buf_init(&ctx->scratch, 0);
  parley_rc rc = pl_cameo_load_builtin(ctx);
  if (flags & PARLEY_CTX_STORE_ONLY) {
    ctx->flags |= PL_CTX_STORE_ONLY;
  } else {
    /* the gazetteer is the largest load (over half the start-up
     * instructions) and reads nothing the other loaders make, so it is
     * built on a second thread into a private context while this thread
     * loads the rest; its warnings and error are merged after the join in
     * the order a serial load gives */
    places_job pj;
    memset(&pj, 0, sizeof pj);
    pj.ctx.flags = ctx->flags;
    pj.ctx.lim = ctx->lim;
    pl_buf_init(&pj.ctx.warnings, (size_t)1 << 20);
    pthread_t th;
    int threaded = !rc && pthread_create(&th, NULL, places_main, &pj) == 0;
    if (!rc) rc = pl_lex_load_builtin(ctx);
    if (!rc) rc = pl_actors_load_builtin(ctx);
    if (!rc) rc = pl_verbs_load_builtin(ctx);
    if (threaded) pthread_join(th, NULL);
    else if (!rc) pj.rc = pl_places_load_builtin(&pj.ctx);
    ctx->gaz = pj.ctx.gaz;
    if (!rc && pj.ctx.warnings.len)
      pl_buf_add(&ctx->warnings, pj.ctx.warnings.p, pj.ctx.warnings.len);
    if (!rc && pj.rc) {
      memcpy(ctx->errmsg, pj.ctx.errmsg, sizeof ctx->errmsg);
      rc = pj.rc;
    }
    pl_buf_free(&pj.ctx.warnings);
  }
  if (rc) {
    parley_ctx_free(ctx);
    return NULL;
  }
  return ctx;
}

void parley_ctx_free(parley_ctx *ctx) {
  if (!ctx) return;
  pl_lex_free(ctx->lex);
  pl_actordict_free(ctx->actors);
  pl_verbdict_free(ctx->verbs);
  pl_gazetteer_free(ctx->gaz);
  pl_cameo_free(ctx->cameo);
  pl_buf_free(&ctx->warnings);
  pl_buf_free(&ctx->scratch);
  free(ctx);
}

const char *parley_errmsg(const parley_ctx *ctx) {
  if (!ctx) return "no context (out of memory?)";
  return ctx->errmsg;
}

const char *parley_ctx_warnings(const parley_ctx *ctx) {
  return ctx && ctx->warnings.p ? ctx->warnings.p : "";
}

/* PETRARCH <Config> switches.  Values follow PETRARCH's reader: booleans
 * are true/false in any case; numbers are small non-negative integers. */
static int opt_int(const char *v, int *out) {
  long n = 0;
  if (!*v) return -1;
  for (const char *p = v; *p; p++) {
    if (*p < '0' || *p > '9' || n > 1000) return -1;
    n = n * 10 + (*p - '0');
  }
  if (n > 1000) return -1;
  *out = (int)n;
  return 0;
}

parley_rc parley_ctx_set_option(parley_ctx *ctx, const char *name,
                                const char *value) {
  if (!ctx) return PARLEY_EMISUSE;
  if (!name || !value) {
    pl_ctx_err(ctx, "set_option: name and value are required");
    return PARLEY_EMISUSE;
  }
  if (!strcmp(name, "require_dyad")) {
    if (pl_strcaseeq(value, "true")) ctx->flags |= PL_CTX_REQUIRE_DYAD;
    else if (pl_strcaseeq(value, "false")) ctx->flags &= ~PL_CTX_REQUIRE_DYAD;
    else {
      pl_ctx_err(ctx, "option require_dyad: want true or false, not \"%.64s\"",
                 value);
      return PARLEY_EMISUSE;
    }
    return PARLEY_OK;
  }
  static const struct { const char *name; size_t off; } ints[] = {
      {"new_actor_length", offsetof(parley_ctx, new_actor_length)},
      {"comma_min", offsetof(parley_ctx, comma_min)},
      {"comma_max", offsetof(parley_ctx, comma_max)},
      {"comma_bmin", offsetof(parley_ctx, comma_bmin)},
      {"comma_bmax", offsetof(parley_ctx, comma_bmax)},
      {"comma_emin", offsetof(parley_ctx, comma_emin)},
      {"comma_emax", offsetof(parley_ctx, comma_emax)},
  };
  for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
    if (strcmp(name, ints[i].name)) continue;
    int n;
    if (opt_int(value, &n)) {
      pl_ctx_err(ctx, "option %s: want an integer 0..1000, not \"%.64s\"",
                 name, value);
      return PARLEY_EMISUSE;
    }
    *(int *)((char *)ctx + ints[i].off) = n;
    return PARLEY_OK;
  }
  pl_ctx_err(ctx, "unknown option \"%.64s\" (known: require_dyad, "
                  "new_actor_length, comma_min, comma_max, comma_bmin, "
                  "comma_bmax, comma_emin, comma_emax)", name);
  return PARLEY_EMISUSE;
}

void parley_ctx_get_limits(const parley_ctx *ctx, parley_limits *out) {
  if (ctx && out) *out = ctx->lim;
}

parley_rc parley_ctx_set_limits(parley_ctx *ctx, const parley_limits *lim) {
  if (!ctx || !lim || lim->max_doc_bytes == 0 || lim->max_sent_tokens < 8 ||
      lim->max_doc_bytes > ((size_t)1 << 30)) {
    if (ctx)
      pl_ctx_err(ctx, "limits: max_doc_bytes must be 1..1073741824 and "
                      "max_sent_tokens at least 8");
    return PARLEY_EMISUSE;
  }
  ctx->lim = *lim;
  return PARLEY_OK;
}

/* ---- document ---- */
parley_doc *parley_doc_new(parley_ctx *ctx) {
  if (!ctx) return NULL;
  parley_doc *doc = calloc(1, sizeof *doc);
  if (!doc) return NULL;
  doc->ctx = ctx;
  pl_arena_init(&doc->arena);
  pl_buf_init(&doc->out, 0);
  return doc;
}

parley_rc parley_doc_set_parse(parley_doc *doc, const char *parse) {
  if (!doc) return PARLEY_EMISUSE;
  free(doc->next_parse);
  doc->next_parse = NULL;
  if (!parse) return PARLEY_OK;
  size_t n = strnlen(parse, (size_t)1 << 20);
  if (!(doc->next_parse = malloc(n + 1))) return PARLEY_ENOMEM;
  memcpy(doc->next_parse, parse, n);
  doc->next_parse[n] = 0;
  return PARLEY_OK;
}

void parley_doc_free(parley_doc *doc) {
  if (!doc) return;
  free(doc->next_parse);
  pl_arena_free(&doc->arena);
  pl_buf_free(&doc->out);
  free(doc);
}

const char *parley_doc_errmsg(const parley_doc *doc) {
  return doc ? doc->errmsg : "no document";
}

static void doc_reset(parley_doc *doc) {
  parley_ctx *ctx = doc->ctx;
  pl_arena arena = doc->arena;
  pl_buf out = doc->out;
  pl_arena_reset(&arena);
  memset(doc, 0, sizeof *doc);
  doc->ctx = ctx;
  doc->arena = arena;
  doc->out = out;
  pl_buf_clear(&doc->out);
}

static const char *field(parley_doc *doc, const char *s) {
  if (!s) return NULL;
  size_t n = strnlen(s, PL_MAX_FIELD_BYTES);
  return pl_strndup(&doc->arena, s, n);
}

static void doc_err(parley_doc *doc, const char *fmt, const char *arg) {
  snprintf(doc->errmsg, sizeof doc->errmsg, fmt, arg ? arg : "");
}

parley_rc parley_doc_code_until(parley_doc *doc, const parley_article *a,
                                const char *stop) {
  if (!doc) return PARLEY_EMISUSE;
  char *np = doc->next_parse; /* survives the reset, for this call only */
  doc->next_parse = NULL;
  doc_reset(doc);
  if (doc->ctx->flags & PL_CTX_STORE_ONLY) {
    free(np);
    doc_err(doc, "this context was made with PARLEY_CTX_STORE_ONLY and has "
                 "no dictionaries to code with%s", "");
    return PARLEY_EMISUSE;
  }
  if (!a || !a->id || !a->id[0] || (!a->text && a->text_len)) {
    doc_err(doc, "article has no id%s", "");
    free(np);
    return PARLEY_EMISUSE;
  }
  parley_rc ret = PARLEY_OK;
  doc->id = field(doc, a->id);
  doc->source = field(doc, a->source);
  doc->url = field(doc, a->url);
  doc->title = field(doc, a->title);
  doc->date_str = field(doc, a->date);
  if (a->date && a->date[0]) {
    if (pl_date_parse(a->date, strlen(a->date), &doc->date)) {
      doc_err(doc, "bad date \"%s\" (want YYYY-MM-DD, a real day)", a->date);
      memset(&doc->date, 0, sizeof doc->date);
      ret = PARLEY_EFORMAT; /* reported, but the text is still coded */
    }
  }
  size_t n = a->text_len;
  if (n > doc->ctx->lim.max_doc_bytes) {
    n = doc->ctx->lim.max_doc_bytes;
    while (n > 0 && ((unsigned char)a->text[n] & 0xC0) == 0x80) n--;
    doc->cut = 1;
    char lim[64];
    snprintf(lim, sizeof lim, "%zu", doc->ctx->lim.max_doc_bytes);
    doc_err(doc, "article longer than the limit of %s bytes: only the head "
                 "was coded", lim);
    ret = PARLEY_ETOOBIG;
  }
  if (np) {
    doc->parse = pl_strndup(&doc->arena, np, strlen(np));
    free(np);
  }
  doc->orig = pl_strndup(&doc->arena, a->text ? a->text : "", n);
  doc->orig_len = n;
  if (!doc->id || !doc->orig || doc->arena.failed) goto oom;
  /* the content hash (pl_doc_hash) is computed by the store, on demand */
  for (size_t i = 0; i < NSTAGES; i++) {
    parley_rc rc = PARLEY_OK;
    if (doc->parse && stages[i].run == pl_tag_run)
      rc = pl_parse_gold_tags(doc); /* gold tags for the tagger */
    if (!rc) rc = stages[i].run(doc);
    if (rc == PARLEY_ENOMEM || doc->arena.failed) goto oom;
    if (rc) {
      doc_err(doc, "stage %s failed", stages[i].name);
      return rc;
    }
    if (stop && !strcmp(stop, stages[i].name)) break;
  }
  return ret;
oom:
  doc_err(doc, "out of memory while coding %s", doc->id ? doc->id : "");
  doc->rc = PARLEY_ENOMEM;
  return PARLEY_ENOMEM;
}

parley_rc parley_doc_code(parley_doc *doc, const parley_article *a) {
  return parley_doc_code_until(doc, a, NULL);
}

void parley_doc_get_stats(const parley_doc *doc, parley_doc_stats *o) {
  if (!doc || !o) return;
  memset(o, 0, sizeof *o);
  o->bytes = doc->orig_len;
  o->sentences = doc->sents.n;
  o->tokens = doc->toks.n;
  o->events = doc->events.n;
  o->quotes = doc->quotes.n;
  o->counts = doc->counts.n;
  o->mentions = doc->ments.n;
  o->bad_utf8 = doc->bad_utf8;
}

const char *parley_doc_render(parley_doc *doc, parley_format fmt,
                              unsigned records, size_t *len) {
  if (!doc) return NULL;
  pl_buf_clear(&doc->out);
  int r;
  switch (fmt) {
  case PARLEY_FMT_JSONL: r = pl_write_jsonl(doc, &doc->out, records); break;
  case PARLEY_FMT_TSV: r = pl_write_tsv(doc, &doc->out); break;
  case PARLEY_FMT_PRETTY: r = pl_write_pretty(doc, &doc->out, records); break;
  case PARLEY_FMT_DUMP: r = pl_write_dump(doc, &doc->out); break;
  default: return NULL;
  }
  if (r || doc->out.failed) return NULL;
  if (len) *len = doc->out.len;
  return doc->out.p ? doc->out.p : "";
}
