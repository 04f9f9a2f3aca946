/*
 * coref.c - stage: within-article coreference of actor mentions.
 * (placeholder: filled in by its stage's issue)
 */
#include "internal.h"

parley_rc pl_coref_run(parley_doc *doc) { (void)doc; return PARLEY_OK; }

int32_t pl_ment_resolved(const parley_doc *doc, int32_t m) {
  int guard = 0;
  while (m >= 0 && (uint32_t)m < doc->ments.n && doc->ments.v[m].ante >= 0 &&
         guard++ < 64)
    m = doc->ments.v[m].ante;
  return m;
}
