/*
 * events.c - stage: event coding from verb patterns.
 * (placeholder: filled in by its stage's issue)
 */
#include "internal.h"

struct pl_verbdict { int unused; };
parley_rc pl_verbs_load_builtin(parley_ctx *ctx) { (void)ctx; return PARLEY_OK; }
void pl_verbdict_free(pl_verbdict *d) { (void)d; }
parley_rc pl_events_run(parley_doc *doc) { (void)doc; return PARLEY_OK; }

parley_rc pl_verbs_load_file(parley_ctx *ctx, const char *path,
                             size_t *nentries, size_t *nwarnings) {
  (void)nentries; (void)nwarnings;
  pl_ctx_err(ctx, "%s: verb dictionaries are not supported yet", path);
  return PARLEY_EFORMAT;
}
