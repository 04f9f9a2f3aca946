/*
 * counts.c - stage: casualty and other counts with their sources.
 * (placeholder: filled in by its stage's issue)
 */
#include "internal.h"

parley_rc pl_counts_run(parley_doc *doc) { (void)doc; return PARLEY_OK; }
