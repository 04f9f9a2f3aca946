/*
 * fuzz.h - helpers shared by the libFuzzer targets in fuzz/.
 *
 * Each fuzz_<target>.c defines LLVMFuzzerTestOneInput.  Built with
 * clang -fsanitize=fuzzer (CMake -DPARLEY_FUZZ=ON, `make fuzz`) they are
 * libFuzzer binaries; built by the ordinary build they are linked with
 * replay.c and run every file of tests/fuzz/corpus/<target>/ and
 * fuzz/corpus/<target>/ once, so crashes found once stay fixed.
 * A target fails loudly (abort) when an invariant is broken, so that both
 * libFuzzer and the replay test notice.
 */
#ifndef PL_FUZZ_H
#define PL_FUZZ_H

#include "internal.h"
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts with a message: an invariant the fuzzer must never break. */
#define FZ_CHECK(cond, what)                                              \
  do {                                                                    \
    if (!(cond)) {                                                        \
      fprintf(stderr, "fuzz invariant broken: %s (%s:%d)\n", what,        \
              __FILE__, __LINE__);                                        \
      abort();                                                            \
    }                                                                     \
  } while (0)

/* One context for the whole run: loading the built-in dictionaries per
 * input would dominate the time.  Targets that change it (limits) set
 * every value they rely on for each input, so runs stay reproducible. */
static inline parley_ctx *fz_ctx(void) {
  static parley_ctx *ctx;
  if (!ctx) {
    ctx = parley_ctx_new();
    FZ_CHECK(ctx != NULL, "parley_ctx_new");
  }
  return ctx;
}

/* Sets limits from one input byte so that the cut paths are reached
 * with small inputs (byte 0 = the defaults). */
static inline void fz_limits(parley_ctx *ctx, uint8_t b) {
  parley_limits lim = {PL_DEFAULT_MAX_DOC_BYTES, PL_DEFAULT_MAX_SENT_TOKENS};
  if (b) {
    lim.max_doc_bytes = 16 + (size_t)(b & 0x3F) * 64;
    lim.max_sent_tokens = 8 + (size_t)(b >> 6) * 4;
  }
  FZ_CHECK(parley_ctx_set_limits(ctx, &lim) == PARLEY_OK, "set limits");
}

/* Checks the invariants of a coded document's front end: valid UTF-8
 * text, offsets inside it, monotone offset map, sentences that tile the
 * tokens in order. */
static inline void fz_check_doc(const parley_doc *d) {
  FZ_CHECK(d->text != NULL, "text set");
  FZ_CHECK(pl_utf8_valid(d->text, d->text_len), "normalised text is UTF-8");
  FZ_CHECK(strlen(d->text) <= d->text_len, "text NUL-terminated");
  for (size_t i = 0; i < d->text_len; i++)
    FZ_CHECK(d->omap[i] <= d->omap[i + 1], "omap monotone");
  FZ_CHECK(d->omap[d->text_len] == d->orig_len, "omap ends at orig_len");
  uint32_t prev_end = 0;
  for (uint32_t i = 0; i < d->toks.n; i++) {
    const pl_token *t = &d->toks.v[i];
    FZ_CHECK(t->len > 0 && t->len <= PL_MAX_TOKEN_BYTES, "token length");
    FZ_CHECK((size_t)t->off + t->len <= d->text_len, "token inside text");
    FZ_CHECK(t->off >= prev_end, "tokens in order, not overlapping");
    FZ_CHECK(pl_utf8_valid(d->text + t->off, t->len), "token is UTF-8");
    prev_end = t->off + t->len;
  }
  uint32_t next = 0;
  for (uint32_t i = 0; i < d->sents.n; i++) {
    const pl_sentence *s = &d->sents.v[i];
    FZ_CHECK(s->tok0 == next && s->ntok > 0, "sentences tile the tokens");
    FZ_CHECK(s->ntok <= d->ctx->lim.max_sent_tokens, "sentence token cap");
    FZ_CHECK((size_t)s->off + s->len <= d->text_len, "sentence in text");
    next = s->tok0 + s->ntok;
  }
  if (d->sents.n) FZ_CHECK(next == d->toks.n, "every token in a sentence");
}

/* Walks all records of a reader; checks what every reader promises. */
static inline void fz_read_all(parley_input kind, const uint8_t *data,
                               size_t size, const char *name) {
  parley_ctx *ctx = fz_ctx();
  fz_limits(ctx, 0);
  FILE *fp = size ? fmemopen((void *)data, size, "rb") : tmpfile();
  if (!fp) return;
  parley_article def = {.id = NULL, .date = "2024-01-02", .source = "fz"};
  parley_reader *r = parley_reader_new(ctx, fp, name, kind, &def);
  FZ_CHECK(r != NULL, "reader_new");
  parley_doc *doc = parley_doc_new(ctx);
  parley_article a;
  for (int guard = 0; guard < 100000; guard++) {
    parley_rc rc = parley_reader_next(r, &a);
    if (rc == PARLEY_EOF || rc == PARLEY_EIO || rc == PARLEY_ENOMEM) break;
    if (rc) {
      FZ_CHECK(parley_reader_errmsg(r)[0] != 0, "error has a message");
      continue;
    }
    FZ_CHECK(a.id && a.id[0], "record has an id");
    FZ_CHECK(a.text || a.text_len == 0, "text pointer");
    /* touch every byte so ASan sees over-reads */
    volatile unsigned sum = 0;
    for (size_t i = 0; i < a.text_len; i++) sum += (unsigned char)a.text[i];
    (void)sum;
    parley_rc dc = parley_doc_code_until(doc, &a, "sentence");
    FZ_CHECK(dc != PARLEY_EMISUSE && dc != PARLEY_ENOMEM, "record codes");
  }
  parley_doc_free(doc);
  parley_reader_free(r);
  fclose(fp);
}

#endif
