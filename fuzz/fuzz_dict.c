/* fuzz_dict.c - the dictionary importers through the public API.
 * The first byte picks the kind (actors, agents, verbs, discards, auto);
 * the rest is written to a memory file and loaded with
 * parley_ctx_load_dict on a fresh context.
 * Under libFuzzer the context is a PARLEY_CTX_STORE_ONLY one (no built-in
 * dictionaries: created in microseconds, so the importers get thousands of
 * inputs a second instead of one).  In the replay test (`make test`,
 * `make asan`, valgrind) every input is also loaded into a context with
 * the lexicon and gazetteer (PARLEY_CTX_NO_DEFAULT_DICTS) and one article
 * is coded with it, so the loaded entries are matched too. */
#define _GNU_SOURCE
#include "fuzz.h"
#include <sys/mman.h>
#include <unistd.h>

static const char article[] =
    "President Joe Biden met Prime Minister Netanyahu in Cairo on Monday. "
    "Israeli forces attacked Hamas militants, killing 12 people, officials "
    "said. \"We will not negotiate,\" the Egyptian foreign minister said. "
    "The United Nations urged a ceasefire.";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const parley_dict_kind kinds[] = {
      PARLEY_DICT_ACTORS, PARLEY_DICT_AGENTS, PARLEY_DICT_VERBS,
      PARLEY_DICT_DISCARDS, PARLEY_DICT_AUTO};
  static const char *const names[] = {"actors.txt", "agents.txt",
                                      "verbs.txt", "discards.txt",
                                      "user.verbs"};
  if (size < 1) return 0;
  int k = data[0] % 5;
  int fd = memfd_create(names[k], 0);
  if (fd < 0) return 0;
  if (size > 1 && write(fd, data + 1, size - 1) != (ssize_t)(size - 1)) {
    close(fd);
    return 0;
  }
  char path[64];
  snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
#ifdef PL_LIBFUZZER
  const int full = 0;
#else
  const int full = 1;
#endif
  parley_ctx *ctx = parley_ctx_new_opts(full ? PARLEY_CTX_NO_DEFAULT_DICTS
                                             : PARLEY_CTX_STORE_ONLY);
  FZ_CHECK(ctx != NULL, "ctx_new");
  size_t n = 0, nw = 0;
  parley_rc rc = parley_ctx_load_dict(ctx, path, kinds[k], &n, &nw);
  FZ_CHECK(rc != PARLEY_EMISUSE, "load_dict misuse");
  FZ_CHECK(parley_errmsg(ctx) != NULL, "errmsg");
  const char *w = parley_ctx_warnings(ctx);
  FZ_CHECK(w != NULL, "warnings text");
  volatile size_t wl = strlen(w);
  (void)wl;
  if (!full) {
    parley_ctx_free(ctx);
    close(fd);
    return 0;
  }
  parley_doc *doc = parley_doc_new(ctx);
  parley_article a = {.id = "fz", .date = "2024-10-24", .text = article,
                      .text_len = sizeof article - 1};
  rc = parley_doc_code(doc, &a);
  FZ_CHECK(rc == PARLEY_OK, "coding with a layered dictionary");
  size_t len = 0;
  FZ_CHECK(parley_doc_render(doc, PARLEY_FMT_JSONL, PARLEY_REC_ALL, &len),
           "render");
  parley_doc_free(doc);
  parley_ctx_free(ctx);
  close(fd);
  return 0;
}
