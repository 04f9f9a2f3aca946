/* fuzz_code.c - the whole `code` path on one document: every stage, then
 * every renderer.  The JSONL output must be valid UTF-8 with one JSON
 * object per line (checked with jansson).  The first byte picks the
 * limits (as fuzz_frontend), the second whether a date is given. */
#include "fuzz.h"
#include <jansson.h>

static void check_jsonl(const char *s, size_t n) {
  FZ_CHECK(pl_utf8_valid(s, n), "JSONL output is UTF-8");
  FZ_CHECK(strlen(s) == n, "no NUL inside the output");
  size_t i = 0;
  while (i < n) {
    const char *nl = memchr(s + i, '\n', n - i);
    FZ_CHECK(nl != NULL, "every record ends with a newline");
    size_t ln = (size_t)(nl - (s + i));
    json_error_t je;
    json_t *o = json_loadb(s + i, ln, JSON_REJECT_DUPLICATES, &je);
    if (!o || !json_is_object(o)) {
      fprintf(stderr, "bad line: %.*s\n%s\n", (int)(ln > 300 ? 300 : ln),
              s + i, o ? "not an object" : je.text);
      FZ_CHECK(0, "each line is one JSON object");
    }
    FZ_CHECK(json_is_string(json_object_get(o, "type")), "record has type");
    json_decref(o);
    i += ln + 1;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  parley_ctx *ctx = fz_ctx();
  fz_limits(ctx, data[0]);
  parley_doc *doc = parley_doc_new(ctx);
  FZ_CHECK(doc != NULL, "doc_new");
  parley_article a = {.id = "fz\"1", .source = "src\\x", .title = "T",
                      .date = (data[1] & 1) ? "2024-10-24" : NULL,
                      .text = (const char *)data + 2, .text_len = size - 2};
  parley_rc rc = parley_doc_code(doc, &a);
  FZ_CHECK(rc == PARLEY_OK || rc == PARLEY_ETOOBIG, "codes");
  fz_check_doc(doc);
  size_t len = 0;
  const char *out = parley_doc_render(doc, PARLEY_FMT_JSONL, PARLEY_REC_ALL,
                                      &len);
  FZ_CHECK(out != NULL, "render jsonl");
  check_jsonl(out, len);
  static const parley_format more[] = {PARLEY_FMT_TSV, PARLEY_FMT_PRETTY,
                                       PARLEY_FMT_DUMP};
  for (size_t i = 0; i < 3; i++) {
    out = parley_doc_render(doc, more[i], PARLEY_REC_ALL, &len);
    FZ_CHECK(out != NULL, "render");
    FZ_CHECK(pl_utf8_valid(out, len), "output is UTF-8");
  }
  parley_doc_free(doc);
  return 0;
}
