/*
 * syntax.c - stage: shallow syntax (chunks, clauses, voice, negation).
 * (placeholder: filled in by its stage's issue)
 */
#include "internal.h"

parley_rc pl_syntax_run(parley_doc *doc) { (void)doc; return PARLEY_OK; }
