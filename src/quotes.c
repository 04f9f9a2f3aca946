/*
 * quotes.c - stage: quotations and their speakers.
 * (placeholder: filled in by its stage's issue)
 */
#include "internal.h"

parley_rc pl_quotes_run(parley_doc *doc) { (void)doc; return PARLEY_OK; }
