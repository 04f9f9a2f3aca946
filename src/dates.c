/*
 * dates.c - stage: date expressions resolved against the article date.
 * (placeholder: filled in by its stage's issue)
 */
#include "internal.h"

parley_rc pl_dates_run(parley_doc *doc) { (void)doc; return PARLEY_OK; }

pl_date pl_date_for(const parley_doc *doc, uint32_t sent, uint32_t lo,
                    uint32_t hi, int future) {
  (void)sent; (void)lo; (void)hi; (void)future;
  return doc->date;
}
