/*
 * cameo.c - the CAMEO ontology table: names, Goldstein values, QuadClass, PLOVER.
 * (placeholder: filled in by its stage's issue)
 */
#include "internal.h"

struct pl_cameo { int unused; };
parley_rc pl_cameo_load_builtin(parley_ctx *ctx) { (void)ctx; return PARLEY_OK; }
void pl_cameo_free(pl_cameo *c) { (void)c; }
const pl_cameo_info *pl_cameo_get(const parley_ctx *ctx, const char *code) {
  (void)ctx; (void)code;
  return NULL;
}
