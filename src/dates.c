/*
 * dates.c - stage: date expressions resolved against the article date.
 * (placeholder: filled in by its stage's issue)
 */
#include "internal.h"

parley_rc pl_dates_run(parley_doc *doc) { (void)doc; return PARLEY_OK; }
