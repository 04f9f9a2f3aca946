/*
 * test_syntax.c - verb groups, voice, negation, modality, asides and
 * compounds from syntax.c, on our own sentences with the mini lexicon of
 * evhelp.h.
 */
#include "evhelp.h"

static const ev_actor ACTS[] = {{"chile", "CHL", 0}, {"peru", "PER", 0},
                                {"bolivia", "BOL", 0}, {NULL, NULL, 0}};

/* Codes text and returns the flags of the verb group headed by word. */
static int vg_flags(parley_ctx *ctx, parley_doc *doc, const char *text,
                    const char *head) {
  ev_code(ctx, doc, text, ACTS);
  for (uint32_t i = 0; i < doc->vgs.n; i++)
    if (!strcmp(doc->toks.v[doc->vgs.v[i].head].lower, head))
      return doc->vgs.v[i].flags;
  return -1;
}

static uint16_t syn_of(parley_doc *doc, const char *w) {
  for (uint32_t i = 0; i < doc->toks.n; i++)
    if (!strcmp(doc->toks.v[i].lower, w)) return doc->toks.v[i].syn;
  return 0;
}

/* Codes text with the built-in tagger and dictionaries: is there an event
 * whose source code starts with src? */
static int has_src(parley_doc *doc, const char *text, const char *src) {
  parley_article a = {.id = "t", .text = text, .text_len = strlen(text)};
  if (parley_doc_code(doc, &a)) return 0;
  for (uint32_t i = 0; i < doc->events.n; i++) {
    int32_t m = doc->events.v[i].src;
    if (m < 0) continue;
    const char *c = doc->ments.v[pl_ment_resolved(doc, m)].a.code;
    if (c && !strncmp(c, src, strlen(src))) return 1;
  }
  return 0;
}

int main(void) {
  parley_ctx *ctx = parley_ctx_new();
  parley_doc *doc = parley_doc_new(ctx);
  int f;
  f = vg_flags(ctx, doc, "Peru was attacked by Chile.", "attacked");
  OK(f >= 0 && (f & PL_VG_PASSIVE), "passive %d", f);
  f = vg_flags(ctx, doc, "Chile attacked Peru.", "attacked");
  OK(f >= 0 && !(f & PL_VG_PASSIVE), "active %d", f);
  f = vg_flags(ctx, doc, "Chile did not attack Peru.", "attack");
  OK(f >= 0 && (f & PL_VG_NEG), "neg %d", f);
  f = vg_flags(ctx, doc, "Chile has never attacked Peru.", "attacked");
  OK(f >= 0 && (f & PL_VG_NEG), "never %d", f);
  f = vg_flags(ctx, doc, "Chile will meet Peru.", "meet");
  OK(f >= 0 && (f & PL_VG_FUTURE), "future %d", f);
  f = vg_flags(ctx, doc, "Chile plans to meet Peru.", "meet");
  OK(f >= 0 && (f & PL_VG_INTENT), "intent %d", f);
  f = vg_flags(ctx, doc, "Chile is expected to meet Peru.", "meet");
  OK(f >= 0 && (f & PL_VG_INTENT) && !(f & PL_VG_PASSIVE), "expected %d", f);
  f = vg_flags(ctx, doc, "Bolivia said Chile attacked Peru.", "said");
  OK(f >= 0 && (f & PL_VG_SPEECH), "speech %d", f);
  f = vg_flags(ctx, doc, "Chile, which met Peru, attacked Bolivia.", "met");
  OK(f >= 0 && (f & PL_VG_REL), "relative %d", f);
  OK(syn_of(doc, "which") & PL_SY_ASIDE, "relative aside");
  ev_code(ctx, doc, "Ana Ruiz, a senior official, met Peru.", ACTS);
  OK(syn_of(doc, "senior") & PL_SY_ASIDE, "appositive aside");
  ev_code(ctx, doc, "Chile, Peru and Bolivia met.", ACTS);
  OK(syn_of(doc, ",") & PL_SY_CONJ, "list comma");
  OK(syn_of(doc, "and") & PL_SY_CONJ, "list and");
  OK(!(syn_of(doc, ",") & PL_SY_ASIDE), "list is not an aside");
  ev_code(ctx, doc, "Bolivia told reporters that Chile attacked Peru.", ACTS);
  OK(syn_of(doc, "that") & PL_SY_COMP, "complementizer");
  /* with the built-in tagger and dictionaries: a list member with a
   * determiner ("the Netherlands") and "neither ... nor" join actors */
  OK(has_src(doc, "Norway, the Netherlands, Belgium and Austria condemned "
                  "Russia.", "NOR"), "list member before 'the'");
  OK(has_src(doc, "Norway, the Netherlands, Belgium and Austria condemned "
                  "Russia.", "NLD"), "list member with 'the'");
  OK(!has_src(doc, "Norway, the foreign minister of Sweden, condemned "
                   "Russia.", "SWE"), "appositive is no list member");
  OK(has_src(doc, "Neither Chile nor Peru attacked Bolivia.", "CHL"),
     "neither ... nor: first");
  OK(has_src(doc, "Neither Chile nor Peru attacked Bolivia.", "PER"),
     "neither ... nor: second");
  OK(has_src(doc, "Chile's foreign minister, in remarks aired on Monday, "
                  "accused Peru.", "CHL"), "prepositional aside");
  OK(syn_of(doc, "remarks") & PL_SY_ASIDE,
     "aside flag");
  OK(has_src(doc, "Chile met Peru, in Lima, on Monday.", "CHL"),
     "a place phrase after the object is no aside");
  /* clause ranges nest inside the sentence */
  for (uint32_t i = 0; i < doc->vgs.n; i++) {
    const pl_vgroup *v = &doc->vgs.v[i];
    OK(v->clo <= v->lo && v->lo < v->hi && v->hi <= v->chi, "ranges %u", i);
  }
  parley_doc_free(doc);
  parley_ctx_free(ctx);
  return h_done("test_syntax");
}
