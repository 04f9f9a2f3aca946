/*
 * actors.c - stage: actor mentions from the actor dictionary.
 * (placeholder: filled in by its stage's issue)
 */
#include "internal.h"

struct pl_actordict { int unused; };
parley_rc pl_actors_load_builtin(parley_ctx *ctx) { (void)ctx; return PARLEY_OK; }
void pl_actordict_free(pl_actordict *d) { (void)d; }
parley_rc pl_actors_run(parley_doc *doc) { (void)doc; return PARLEY_OK; }
const char *parley_actor_json(parley_ctx *ctx, const char *text,
                              const char *date) {
  (void)date;
  if (!ctx || !text) return NULL;
  pl_buf_clear(&ctx->scratch);
  pl_buf_adds(&ctx->scratch, "{\"text\":");
  pl_buf_json_str(&ctx->scratch, text, strlen(text));
  pl_buf_adds(&ctx->scratch, ",\"code\":\"\",\"country\":\"\",\"sector\":\"\","
                             "\"name\":null,\"how\":\"unknown\"}");
  return ctx->scratch.failed ? NULL : ctx->scratch.p;
}
parley_rc parley_ctx_load_dict(parley_ctx *ctx, const char *path,
                               parley_dict_kind kind, size_t *nentries,
                               size_t *nwarnings) {
  (void)kind;
  if (!ctx || !path) return PARLEY_EMISUSE;
  if (nentries) *nentries = 0;
  if (nwarnings) *nwarnings = 0;
  pl_ctx_err(ctx, "%s: dictionary loading is not built yet", path);
  return PARLEY_EFORMAT;
}
