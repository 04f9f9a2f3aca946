/*
 * coref.c - stage: within-article coreference of actor mentions.
 * (placeholder: filled in by its stage's issue)
 */
#include "internal.h"

parley_rc pl_coref_run(parley_doc *doc) { (void)doc; return PARLEY_OK; }
