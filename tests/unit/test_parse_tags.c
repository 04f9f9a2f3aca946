/* test_parse_tags.c - a Penn parse given with the article (the hook of
 * `parley validate --use-parse`) sets the tokens' part-of-speech tags and
 * lemmas; a parse of other text or with unbalanced brackets does no harm.
 * Sentences written for this test. */
#include "harness.h"
#include "internal.h"

static parley_ctx *ctx;
static parley_doc *doc;

static int tag_of(const char *w) {
  for (uint32_t i = 0; i < doc->toks.n; i++) {
    const pl_token *t = &doc->toks.v[i];
    if (t->len == strlen(w) && !memcmp(doc->text + t->off, w, t->len))
      return t->tag;
  }
  return -1;
}

static const char *lemma_of(const char *w) {
  for (uint32_t i = 0; i < doc->toks.n; i++) {
    const pl_token *t = &doc->toks.v[i];
    if (t->len == strlen(w) && !memcmp(doc->text + t->off, w, t->len))
      return t->lemma;
  }
  return "";
}

static void code(const char *text, const char *parse) {
  parley_article a = {.id = "t", .text = text, .text_len = strlen(text)};
  INT_EQ(parley_doc_set_parse(doc, parse), PARLEY_OK, "set_parse");
  INT_EQ(parley_doc_code_until(doc, &a, "tag"), PARLEY_OK, "%s", text);
}

int main(void) {
  ctx = parley_ctx_new();
  doc = parley_doc_new(ctx);
  OK(ctx && doc, "context");

  /* "Talks" and "plans" tagged against the odds: the parse wins. */
  const char *text = "Vellmar talks plans with Ostrane's envoys (again).";
  code(text,
       "(ROOT (S (NP (NNP Vellmar)) (VP (VBZ talks) (NP (NNS plans))"
       " (PP (IN with) (NP (NP (NNP Ostrane) (POS 's)) (NNS envoys)))"
       " (-LRB- -LRB-) (ADVP (RB again)) (-RRB- -RRB-)) (. .)))");
  INT_EQ(tag_of("talks"), PL_T_VBZ, "gold VBZ");
  STR_EQ(lemma_of("talks"), "talk", "lemma follows the gold tag");
  INT_EQ(tag_of("plans"), PL_T_NNS, "gold NNS");
  INT_EQ(tag_of("'s"), PL_T_POS, "possessive");
  INT_EQ(tag_of("again"), PL_T_RB, "after -LRB-");
  INT_EQ(tag_of("."), PL_T_PUNCT, "final stop");
  OK(doc->gold_tags != NULL, "gold tags kept");

  /* A parse of other words: tags up to the disagreement only. */
  code("Karsk met Dunmere.", "(ROOT (S (NP (NNP Karsk)) (VP (VBD saw)"
                             " (NP (NNP Dunmere))) (. .)))");
  INT_EQ(tag_of("Karsk"), PL_T_NNP, "before the disagreement");
  OK(doc->gold_tags && doc->gold_tags[1] == 0, "nothing after it");

  /* Unbalanced brackets: ignored, the tagger's own tags stay. */
  code("Karsk met Dunmere.", "(ROOT (S (NP (NNP Karsk)) (VP (VBD met)");
  OK(doc->gold_tags == NULL, "unbalanced parse ignored");
  OK(tag_of("met") != -1, "still tagged");

  /* No parse: no gold tags; a parse is for one call only. */
  code("Karsk met Dunmere.", NULL);
  OK(doc->gold_tags == NULL, "no parse");
  parley_doc_set_parse(doc, "(ROOT (S (NP (NNP Karsk)) (VP (VBD met)"
                            " (NP (NNP Dunmere))) (. .)))");
  parley_article b = {.id = "u", .text = "Karsk met Dunmere.",
                      .text_len = 18};
  INT_EQ(parley_doc_code_until(doc, &b, "tag"), PARLEY_OK, "first");
  OK(doc->gold_tags != NULL, "used once");
  INT_EQ(parley_doc_code_until(doc, &b, "tag"), PARLEY_OK, "second");
  OK(doc->gold_tags == NULL, "then forgotten");
  parley_doc_set_parse(doc, "(X (NN leak))"); /* freed with the doc */

  parley_doc_free(doc);
  parley_ctx_free(ctx);
  return h_done("parse_tags");
}
