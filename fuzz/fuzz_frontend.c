/* fuzz_frontend.c - normalize + token + sentence on any bytes.
 * The first byte picks the limits (0 = defaults; else small limits so
 * that the sentence and article cuts are reached); the rest is the
 * article.  Checks the front-end invariants (fuzz.h fz_check_doc). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  parley_ctx *ctx = fz_ctx();
  fz_limits(ctx, data[0]);
  parley_doc *doc = parley_doc_new(ctx);
  FZ_CHECK(doc != NULL, "doc_new");
  parley_article a = {.id = "fz", .date = "2024-02-29", .source = "fz",
                      .text = (const char *)data + 1, .text_len = size - 1};
  parley_rc rc = parley_doc_code_until(doc, &a, "sentence");
  FZ_CHECK(rc == PARLEY_OK || rc == PARLEY_ETOOBIG, "front end codes");
  FZ_CHECK((rc == PARLEY_ETOOBIG) == (size - 1 > ctx->lim.max_doc_bytes),
           "ETOOBIG exactly when over the limit");
  FZ_CHECK(doc->orig_len <= ctx->lim.max_doc_bytes, "head within limit");
  fz_check_doc(doc);
  parley_doc_free(doc);
  return 0;
}
