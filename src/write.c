/*
 * write.c - renders a coded document: JSON Lines, TSV, a readable table,
 * and the stage dump used by golden tests.
 *
 * Record shapes are documented in docs/FORMATS.md; fields may be added,
 * never renamed.  Spans are byte ranges [start,end) in the ORIGINAL
 * article (mapped back through doc->omap).  Texts are the normalised text.
 */
#include "internal.h"
#include <ctype.h>
#include <stdio.h>

/* Sector segments that are agents (the rest of a code is an identity). */
static const char *const sectors[] = {
    "GOV", "MIL", "REB", "OPP", "PTY", "JUD", "COP", "SPY", "BUS", "MED",
    "CVL", "SEC", "LEG", "ELI", "REF", "HLH", "EDU", "LAB", "REL", "CRM",
    "HRI", "AGR", "ENV", "DEV", "INS", "IGO", "NGO", "MOD", "RAD", "UAF",
    "PRO", "SET", "IMG", "MNC", "NGM", "ATH", NULL};

/* ---- fast paths for the hot numbers (printf was a third of rendering) */

/* Decimal of an unsigned 32-bit value, as "%u" prints it. */
static void add_u(pl_buf *b, uint32_t v) {
  char t[12];
  int i = 12;
  do {
    t[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  pl_buf_add(b, t + i, (size_t)(12 - i));
}

/* ",\"span\":[A,B]" as the old "%u,%u" format wrote it. */
static void add_span(pl_buf *b, const char *pre, uint32_t a, uint32_t z) {
  pl_buf_adds(b, pre);
  add_u(b, a);
  pl_buf_addc(b, ',');
  add_u(b, z);
  pl_buf_addc(b, ']');
}

/* One double printed with "%.4f" (kind 0) or "%.1f" (kind 1), memoised
 * per thread: coordinates and Goldstein scores repeat from record to
 * record and printf's float conversion costs about a thousand
 * instructions.  The text is snprintf's own, so the bytes never change. */
typedef struct {
  uint64_t key;
  int kind;      /* -1: empty */
  uint8_t len;
  char s[38];
} fcache_ent;
static _Thread_local fcache_ent fcache[256];
static _Thread_local int fcache_ready;

static void add_dbl(pl_buf *b, int kind, double v) {
  uint64_t k;
  memcpy(&k, &v, sizeof k);
  if (!fcache_ready) {
    for (int i = 0; i < 256; i++) fcache[i].kind = -1;
    fcache_ready = 1;
  }
  fcache_ent *e = &fcache[(uint32_t)(((k + (uint64_t)kind) *
                                      0x9E3779B97F4A7C15ULL) >> 56)];
  if (e->kind != kind || e->key != k) {
    int n = kind ? snprintf(e->s, sizeof e->s, "%.1f", v)
                 : snprintf(e->s, sizeof e->s, "%.4f", v);
    if (n < 0 || n >= (int)sizeof e->s) { /* huge value: not cached */
      e->kind = -1;
      if (kind) pl_buf_addf(b, "%.1f", v);
      else pl_buf_addf(b, "%.4f", v);
      return;
    }
    e->kind = kind;
    e->key = k;
    e->len = (uint8_t)n;
  }
  pl_buf_add(b, e->s, e->len);
}

static int is_sector(const char *s) {
  for (const char *const *p = sectors; *p; p++)
    if (!strncmp(s, *p, 3)) return 1;
  return 0;
}

void pl_actor_parts(const char *code, char country[4], char sector[4]) {
  country[0] = sector[0] = 0;
  if (!code || strlen(code) < 3) return;
  memcpy(country, code, 3);
  country[3] = 0;
  size_t n = strlen(code);
  for (size_t i = 3; i + 3 <= n; i += 3) {
    if (is_sector(code + i)) {
      memcpy(sector, code + i, 3);
      sector[3] = 0;
      return;
    }
  }
}

static uint32_t ostart(const parley_doc *d, uint32_t off) {
  return d->omap[off];
}
static uint32_t oend(const parley_doc *d, uint32_t off, uint32_t len) {
  return d->omap[off + len];
}

static void head(pl_buf *b, const parley_doc *doc, const char *type,
                 uint32_t sent) {
  pl_buf_adds(b, "{\"type\":\"");
  pl_buf_adds(b, type);
  pl_buf_adds(b, "\",\"doc\":");
  pl_buf_json_str(b, doc->id, strlen(doc->id));
  pl_buf_adds(b, ",\"sent\":");
  add_u(b, sent);
}

static void date_field(pl_buf *b, const char *key, const pl_date *d) {
  char s[11];
  pl_date_format(d, s);
  pl_buf_addf(b, ",\"%s\":", key);
  if (s[0]) pl_buf_json_str(b, s, strlen(s));
  else pl_buf_adds(b, "null");
}

static const char *const precs[] = {"none", "year", "month", "week", "day"};

/* An actor object for a phrase no mention covers (a speaker seen in the
 * text but not in the dictionaries): empty code, the text, how unknown. */
static int write_unknown_actor(pl_buf *b, const parley_doc *doc,
                               uint32_t tok, uint32_t ntok) {
  const pl_token *t0 = &doc->toks.v[tok], *t1 = &doc->toks.v[tok + ntok - 1];
  pl_buf_adds(b, "{\"code\":\"\",\"country\":\"\",\"sector\":\"\","
                 "\"name\":null,\"text\":");
  pl_buf_json_str(b, doc->text + t0->off, t1->off + t1->len - t0->off);
  return pl_buf_adds(b, ",\"how\":\"unknown\"}");
}

/* The actor of mention m; the text is the mention's, or the phrase
 * [seen, seen+nseen) when m lies outside it (a speaker phrase the quote
 * stage linked to an earlier mention: reported as coreference). */
static int actor_obj(pl_buf *b, const parley_doc *doc, int32_t m,
                     uint32_t seen, uint32_t nseen) {
  if (m < 0 || (uint32_t)m >= doc->ments.n) return pl_buf_adds(b, "null");
  const pl_mention *mt = &doc->ments.v[m];
  /* follow coreference to the resolved actor, keep the seen text */
  int32_t r = pl_ment_resolved(doc, m);
  const pl_actor *a = &doc->ments.v[r >= 0 ? r : m].a;
  int coref = r >= 0 && r != m;
  uint32_t t0i = mt->tok, t1i = mt->tok + (mt->ntok ? mt->ntok - 1 : 0);
  if (nseen && (mt->tok + mt->ntok <= seen || mt->tok >= seen + nseen)) {
    t0i = seen;
    t1i = seen + nseen - 1;
    coref = 1;
  }
  const char *code = a->code ? a->code : "";
  char ctry[4], sect[4];
  pl_actor_parts(code, ctry, sect);
  /* an agent with no country ("the officials"): its sector alone */
  const pl_mention *rm = &doc->ments.v[r >= 0 ? r : m];
  if (!code[0] && rm->agent[0]) {
    memcpy(sect, rm->agent, 3);
    sect[3] = 0;
  }
  pl_buf_adds(b, "{\"code\":");
  pl_buf_json_str(b, code, strlen(code));
  pl_buf_adds(b, ",\"country\":");
  pl_buf_json_str(b, ctry, strlen(ctry));
  pl_buf_adds(b, ",\"sector\":");
  pl_buf_json_str(b, sect, strlen(sect));
  pl_buf_adds(b, ",\"name\":");
  if (a->name) pl_buf_json_str(b, a->name, strlen(a->name));
  else pl_buf_adds(b, "null");
  const pl_token *t0 = &doc->toks.v[t0i];
  const pl_token *t1 = &doc->toks.v[t1i];
  pl_buf_adds(b, ",\"text\":");
  pl_buf_json_str(b, doc->text + t0->off, t1->off + t1->len - t0->off);
  pl_buf_adds(b, ",\"how\":\"");
  pl_buf_adds(b, coref ? "coref" : pl_how_name(a->how));
  pl_buf_adds(b, "\"}");
  return 0;
}

int pl_write_actor(pl_buf *b, const parley_doc *doc, int32_t m) {
  return actor_obj(b, doc, m, 0, 0);
}

static void place_field(pl_buf *b, const parley_doc *doc, int32_t p) {
  pl_buf_adds(b, ",\"place\":");
  if (p < 0 || (uint32_t)p >= doc->places.n) {
    pl_buf_adds(b, "null");
    return;
  }
  const pl_place *pl = &doc->places.v[p];
  pl_buf_adds(b, "{\"name\":");
  pl_buf_json_str(b, pl->name, strlen(pl->name));
  pl_buf_adds(b, ",\"country\":\"");
  pl_buf_adds(b, pl->country);
  pl_buf_adds(b, "\",\"lat\":");
  add_dbl(b, 0, pl->lat);
  pl_buf_adds(b, ",\"lon\":");
  add_dbl(b, 0, pl->lon);
  pl_buf_adds(b, ",\"kind\":");
  pl_buf_json_str(b, pl->kind, strlen(pl->kind));
  pl_buf_adds(b, "}");
}

static void write_event(pl_buf *b, parley_doc *doc, const pl_event *e) {
  const pl_cameo_info *ci = pl_cameo_get(doc->ctx, e->code);
  head(b, doc, "event", e->sent);
  date_field(b, "date", &e->date);
  pl_buf_addf(b, ",\"date_precision\":\"%s\"", precs[e->date.prec % 5]);
  pl_buf_adds(b, ",\"code\":");
  pl_buf_json_str(b, e->code, strlen(e->code));
  pl_buf_addf(b, ",\"root\":\"%.2s\"", e->code);
  if (ci) {
    pl_buf_addf(b, ",\"quad\":%d,\"goldstein\":", ci->quad);
    add_dbl(b, 1, ci->goldstein);
    pl_buf_adds(b, ",\"plover\":");
    pl_buf_json_str(b, ci->plover, strlen(ci->plover));
    pl_buf_adds(b, ",\"name\":");
    pl_buf_json_str(b, ci->name, strlen(ci->name));
  } else {
    pl_buf_adds(b, ",\"quad\":null,\"goldstein\":null,\"plover\":null");
  }
  pl_buf_adds(b, ",\"source\":");
  pl_write_actor(b, doc, e->src);
  pl_buf_adds(b, ",\"target\":");
  pl_write_actor(b, doc, e->tgt);
  place_field(b, doc, e->place);
  pl_buf_adds(b, ",\"evidence\":{\"verb\":");
  if (e->nvtok) {
    const pl_token *v0 = &doc->toks.v[e->vtok];
    const pl_token *v1 = &doc->toks.v[e->vtok + e->nvtok - 1];
    pl_buf_json_str(b, doc->text + v0->off, v1->off + v1->len - v0->off);
  } else {
    pl_buf_adds(b, "null");
  }
  pl_buf_adds(b, ",\"pattern\":");
  if (e->pattern) pl_buf_json_str(b, e->pattern, strlen(e->pattern));
  else pl_buf_adds(b, "null");
  add_span(b, ",\"span\":[", ostart(doc, e->off), oend(doc, e->off, e->len));
  pl_buf_adds(b, ",\"flags\":[");
  static const char *const fl[] = {"negated", "intent", "passive", "nominal",
                                   "reported"};
  int first = 1;
  for (int i = 0; i < 5; i++)
    if (e->flags & (1 << i)) {
      pl_buf_addf(b, "%s\"%s\"", first ? "" : ",", fl[i]);
      first = 0;
    }
  pl_buf_adds(b, "]}}\n");
}

static void write_quote(pl_buf *b, parley_doc *doc, const pl_quote *q) {
  head(b, doc, "quote", q->sent);
  date_field(b, "date", &q->date);
  pl_buf_addf(b, ",\"date_precision\":\"%s\"", precs[q->date.prec % 5]);
  pl_buf_adds(b, ",\"text\":");
  pl_buf_json_str(b, doc->text + q->off, q->len);
  pl_buf_adds(b, ",\"speaker\":");
  if (q->speaker < 0 && q->spk_ntok)
    write_unknown_actor(b, doc, q->spk_tok, q->spk_ntok);
  else
    actor_obj(b, doc, q->speaker, q->spk_tok, q->spk_ntok);
  pl_buf_adds(b, ",\"speaker_text\":");
  if (q->spk_ntok) {
    const pl_token *s0 = &doc->toks.v[q->spk_tok];
    const pl_token *s1 = &doc->toks.v[q->spk_tok + q->spk_ntok - 1];
    pl_buf_json_str(b, doc->text + s0->off, s1->off + s1->len - s0->off);
  } else {
    pl_buf_adds(b, "null");
  }
  pl_buf_adds(b, ",\"cue\":");
  if (q->cue_tok < doc->toks.n)
    pl_buf_json_str(b, doc->toks.v[q->cue_tok].lower,
                    strlen(doc->toks.v[q->cue_tok].lower));
  else
    pl_buf_adds(b, "null");
  pl_buf_adds(b, ",\"flags\":[");
  static const char *const qfl[] = {"partial", "continued", "unclosed",
                                    "multi_sentence"};
  int first = 1;
  for (int i = 0; i < 4; i++)
    if (q->flags & (1 << i)) {
      pl_buf_addf(b, "%s\"%s\"", first ? "" : ",", qfl[i]);
      first = 0;
    }
  add_span(b, "],\"span\":[", ostart(doc, q->off), oend(doc, q->off, q->len));
  pl_buf_adds(b, "}\n");
}

static void write_count(pl_buf *b, parley_doc *doc, const pl_count *c) {
  head(b, doc, "count", c->sent);
  date_field(b, "date", &c->date);
  pl_buf_addf(b, ",\"date_precision\":\"%s\"", precs[c->date.prec % 5]);
  pl_buf_adds(b, ",\"kind\":");
  pl_buf_json_str(b, c->kind, strlen(c->kind));
  if (c->value >= 0) pl_buf_addf(b, ",\"value\":%.15g", c->value);
  else pl_buf_adds(b, ",\"value\":null");
  if (c->value_max > c->value) pl_buf_addf(b, ",\"value_max\":%.15g", c->value_max);
  pl_buf_adds(b, ",\"qualifier\":");
  const char *q = c->qualifier ? c->qualifier : "";
  pl_buf_json_str(b, q, strlen(q));
  pl_buf_adds(b, ",\"who\":");
  pl_write_actor(b, doc, c->who);
  pl_buf_adds(b, ",\"by\":");
  pl_write_actor(b, doc, c->by);
  pl_buf_adds(b, ",\"source\":");
  if (c->src_len) {
    pl_buf_adds(b, "{\"text\":");
    pl_buf_json_str(b, doc->text + c->src_off, c->src_len);
    const char *code = "";
    if (c->src >= 0 && (uint32_t)c->src < doc->ments.n &&
        doc->ments.v[c->src].a.code)
      code = doc->ments.v[c->src].a.code;
    pl_buf_adds(b, ",\"code\":");
    pl_buf_json_str(b, code, strlen(code));
    pl_buf_adds(b, "}");
  } else {
    pl_buf_adds(b, "null");
  }
  place_field(b, doc, c->place);
  date_field(b, "since", &c->since);
  if (c->since.prec)
    pl_buf_addf(b, ",\"since_precision\":\"%s\"", precs[c->since.prec % 5]);
  pl_buf_adds(b, ",\"pattern\":");
  if (c->pattern) pl_buf_json_str(b, c->pattern, strlen(c->pattern));
  else pl_buf_adds(b, "null");
  pl_buf_adds(b, (c->flags & PL_CF_INTENT) ? ",\"flags\":[\"intent\"]"
                                           : ",\"flags\":[]");
  add_span(b, ",\"span\":[", ostart(doc, c->off), oend(doc, c->off, c->len));
  pl_buf_adds(b, "}\n");
}

static void write_sentence(pl_buf *b, parley_doc *doc, uint32_t i) {
  const pl_sentence *s = &doc->sents.v[i];
  head(b, doc, "sentence", i);
  pl_buf_adds(b, ",\"text\":");
  pl_buf_json_str(b, doc->text + s->off, s->len);
  add_span(b, ",\"span\":[", ostart(doc, s->off), oend(doc, s->off, s->len));
  if (s->flags & PL_SF_CUT) pl_buf_adds(b, ",\"cut\":true");
  pl_buf_adds(b, "}\n");
}

int pl_write_one(parley_doc *doc, pl_buf *b, unsigned rectype, uint32_t i) {
  switch (rectype) {
  case PARLEY_REC_SENTENCE: write_sentence(b, doc, i); break;
  case PARLEY_REC_EVENT: write_event(b, doc, &doc->events.v[i]); break;
  case PARLEY_REC_QUOTE: write_quote(b, doc, &doc->quotes.v[i]); break;
  case PARLEY_REC_COUNT: write_count(b, doc, &doc->counts.v[i]); break;
  default: return -1;
  }
  return b->failed ? -1 : 0;
}

int pl_write_jsonl(parley_doc *doc, pl_buf *b, unsigned rec) {
  /* records in sentence order: sentence, then its events, quotes, counts */
  uint32_t ie = 0, iq = 0, ic = 0;
  for (uint32_t s = 0; s < doc->sents.n; s++) {
    if (rec & PARLEY_REC_SENTENCE) write_sentence(b, doc, s);
    for (; ie < doc->events.n && doc->events.v[ie].sent <= s; ie++)
      if (rec & PARLEY_REC_EVENT) write_event(b, doc, &doc->events.v[ie]);
    for (; iq < doc->quotes.n && doc->quotes.v[iq].sent <= s; iq++)
      if (rec & PARLEY_REC_QUOTE) write_quote(b, doc, &doc->quotes.v[iq]);
    for (; ic < doc->counts.n && doc->counts.v[ic].sent <= s; ic++)
      if (rec & PARLEY_REC_COUNT) write_count(b, doc, &doc->counts.v[ic]);
  }
  return b->failed ? -1 : 0;
}

static void tsv_field(pl_buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    pl_buf_addc(b, (c == '\t' || c == '\n' || c == '\r') ? ' ' : c);
  }
}

/* The code of mention m's resolved actor (a pronoun shows its antecedent's
 * code, as pl_write_actor does). */
static const char *mcode(const parley_doc *doc, int32_t m) {
  if (m >= 0 && (uint32_t)m < doc->ments.n) m = pl_ment_resolved(doc, m);
  if (m < 0 || (uint32_t)m >= doc->ments.n || !doc->ments.v[m].a.code)
    return "";
  return doc->ments.v[m].a.code;
}

/* TSV: doc, sent, date, source, target, code, root, quad, goldstein,
 * span start, span end, sentence text. */
int pl_write_tsv(parley_doc *doc, pl_buf *b) {
  for (uint32_t i = 0; i < doc->events.n; i++) {
    const pl_event *e = &doc->events.v[i];
    const pl_cameo_info *ci = pl_cameo_get(doc->ctx, e->code);
    char d[11];
    pl_date_format(&e->date, d);
    tsv_field(b, doc->id, strlen(doc->id));
    pl_buf_addf(b, "\t%u\t%s\t%s\t%s\t%s\t%.2s\t%d\t%.1f\t%u\t%u\t", e->sent,
                d, mcode(doc, e->src), mcode(doc, e->tgt), e->code, e->code,
                ci ? ci->quad : 0, ci ? ci->goldstein : 0.0,
                ostart(doc, e->off), oend(doc, e->off, e->len));
    const pl_sentence *s = &doc->sents.v[e->sent];
    tsv_field(b, doc->text + s->off, s->len);
    pl_buf_addc(b, '\n');
  }
  return b->failed ? -1 : 0;
}

static void pretty_text(pl_buf *b, const char *s, size_t n, size_t width) {
  if (n > width) {
    size_t k = width - 3; /* cut on a character boundary (fuzz_code) */
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
    pl_buf_add(b, s, k);
    pl_buf_adds(b, "...");
  } else {
    pl_buf_add(b, s, n);
  }
}

int pl_write_pretty(parley_doc *doc, pl_buf *b, unsigned rec) {
  pl_buf_addf(b, "== %s  %s  %s  (%u sentences, %u events, %u quotes, "
                 "%u counts)\n",
              doc->id, doc->date_str ? doc->date_str : "-",
              doc->source ? doc->source : "-", doc->sents.n, doc->events.n,
              doc->quotes.n, doc->counts.n);
  uint32_t ie = 0, iq = 0, ic = 0;
  for (uint32_t s = 0; s < doc->sents.n; s++) {
    const pl_sentence *st = &doc->sents.v[s];
    if (rec & PARLEY_REC_SENTENCE) {
      pl_buf_addf(b, "%4u  ", s);
      pretty_text(b, doc->text + st->off, st->len, 100);
      pl_buf_addc(b, '\n');
    }
    for (; ie < doc->events.n && doc->events.v[ie].sent <= s; ie++) {
      const pl_event *e = &doc->events.v[ie];
      if (!(rec & PARLEY_REC_EVENT)) continue;
      const pl_cameo_info *ci = pl_cameo_get(doc->ctx, e->code);
      pl_buf_addf(b, "      event  %-10s %-5s %-10s %s\n", mcode(doc, e->src),
                  e->code, mcode(doc, e->tgt), ci ? ci->name : "");
    }
    for (; iq < doc->quotes.n && doc->quotes.v[iq].sent <= s; iq++) {
      const pl_quote *q = &doc->quotes.v[iq];
      if (!(rec & PARLEY_REC_QUOTE)) continue;
      pl_buf_addf(b, "      quote  %-10s \"", mcode(doc, q->speaker));
      pretty_text(b, doc->text + q->off, q->len, 70);
      pl_buf_adds(b, "\"\n");
    }
    for (; ic < doc->counts.n && doc->counts.v[ic].sent <= s; ic++) {
      const pl_count *c = &doc->counts.v[ic];
      if (!(rec & PARLEY_REC_COUNT)) continue;
      pl_buf_addf(b, "      count  %-10s %s %.15g\n", c->kind,
                  c->qualifier ? c->qualifier : "", c->value);
    }
  }
  return b->failed ? -1 : 0;
}

/* Stage dump: one line per sentence and per token, stable for golden
 * tests:  S<i> [start,end) text  /  T<i> tag lemma surface flags. */
static void dump_tok(pl_buf *b, const parley_doc *doc, const pl_token *t) {
  pl_buf_addf(b, "  %s\t", pl_tag_name(t->tag));
  pl_buf_add(b, doc->text + t->off, t->len);
  pl_buf_addf(b, "\t%s", t->lemma ? t->lemma : t->lower);
  if (t->ment >= 0) pl_buf_addf(b, "\tM%d", t->ment);
  pl_buf_addc(b, '\n');
}

int pl_write_dump(parley_doc *doc, pl_buf *b) {
  for (uint32_t s = 0; s < doc->sents.n; s++) {
    const pl_sentence *st = &doc->sents.v[s];
    pl_buf_addf(b, "S%u\t", s);
    pl_buf_add(b, doc->text + st->off, st->len);
    pl_buf_addc(b, '\n');
    for (uint32_t i = st->tok0; i < st->tok0 + st->ntok; i++)
      dump_tok(b, doc, &doc->toks.v[i]);
  }
  /* stopped after the token stage: no sentences yet, so the tokens are
   * listed on their own (same token line format) */
  if (!doc->sents.n)
    for (uint32_t i = 0; i < doc->toks.n; i++) dump_tok(b, doc, &doc->toks.v[i]);
  for (uint32_t m = 0; m < doc->ments.n; m++) {
    pl_buf_addf(b, "M%u\t", m);
    pl_write_actor(b, doc, (int32_t)m);
    pl_buf_addc(b, '\n');
  }
  return b->failed ? -1 : 0;
}
