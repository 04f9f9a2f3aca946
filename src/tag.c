/*
 * tag.c - stage: part-of-speech tags and lemmas from the built-in lexicon.
 * (placeholder: filled in by its stage's issue)
 */
#include "internal.h"

struct pl_lexicon { int unused; };
parley_rc pl_lex_load_builtin(parley_ctx *ctx) { (void)ctx; return PARLEY_OK; }
void pl_lex_free(pl_lexicon *lex) { (void)lex; }
parley_rc pl_tag_run(parley_doc *doc) {
  for (uint32_t i = 0; i < doc->toks.n; i++) {
    pl_token *t = &doc->toks.v[i];
    t->lemma = t->lower;
    t->tag = (t->flags & PL_TF_PUNCT) ? PL_T_PUNCT
             : (t->flags & PL_TF_NUM) ? PL_T_CD : PL_T_NN;
  }
  return PARLEY_OK;
}
