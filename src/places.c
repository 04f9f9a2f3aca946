/*
 * places.c - stage: place names from the gazetteer.
 * (placeholder: filled in by its stage's issue)
 */
#include "internal.h"

struct pl_gazetteer { int unused; };
parley_rc pl_places_load_builtin(parley_ctx *ctx) { (void)ctx; return PARLEY_OK; }
void pl_gazetteer_free(pl_gazetteer *g) { (void)g; }
parley_rc pl_places_run(parley_doc *doc) { (void)doc; return PARLEY_OK; }

int32_t pl_place_for(const parley_doc *doc, uint32_t sent, uint32_t lo,
                     uint32_t hi) {
  (void)doc; (void)sent; (void)lo; (void)hi;
  return -1;
}
