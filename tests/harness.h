/*
 * harness.h - a tiny unit-test harness (OK, INT_EQ, STR_EQ) in the style
 * of cmark's api_test/harness.h.  Each test program returns 0 when every
 * check passed, 1 otherwise, 77 when skipped (CTest SKIP_RETURN_CODE).
 */
#ifndef PL_HARNESS_H
#define PL_HARNESS_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int h_run, h_fail;

#define OK(cond, ...)                                                    \
  do {                                                                   \
    h_run++;                                                             \
    if (!(cond)) {                                                       \
      h_fail++;                                                          \
      fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);    \
      fprintf(stderr, __VA_ARGS__);                                      \
      fputc('\n', stderr);                                               \
    }                                                                    \
  } while (0)

#define INT_EQ(got, want, ...)                                           \
  do {                                                                   \
    long long g_ = (long long)(got), w_ = (long long)(want);             \
    h_run++;                                                             \
    if (g_ != w_) {                                                      \
      h_fail++;                                                          \
      fprintf(stderr, "FAIL %s:%d: %s = %lld, want %lld: ", __FILE__,    \
              __LINE__, #got, g_, w_);                                   \
      fprintf(stderr, __VA_ARGS__);                                      \
      fputc('\n', stderr);                                               \
    }                                                                    \
  } while (0)

#define STR_EQ(got, want, ...)                                           \
  do {                                                                   \
    const char *g_ = (got), *w_ = (want);                                \
    h_run++;                                                             \
    if (!g_ || strcmp(g_, w_)) {                                         \
      h_fail++;                                                          \
      fprintf(stderr, "FAIL %s:%d: %s = \"%s\", want \"%s\": ",          \
              __FILE__, __LINE__, #got, g_ ? g_ : "(null)", w_);         \
      fprintf(stderr, __VA_ARGS__);                                      \
      fputc('\n', stderr);                                               \
    }                                                                    \
  } while (0)

static inline int h_done(const char *name) {
  fprintf(stderr, "%s: %d checks, %d failed\n", name, h_run, h_fail);
  return h_fail ? 1 : 0;
}

/* Reads a whole file into a malloc'd NUL-terminated buffer, or NULL. */
static inline char *h_slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  char *p = malloc(cap);
  size_t r;
  while (p && (r = fread(p + n, 1, cap - n - 1, f)) > 0) {
    n += r;
    if (cap - n - 1 == 0) {
      char *q = realloc(p, cap * 2);
      if (!q) { free(p); p = NULL; break; }
      p = q;
      cap *= 2;
    }
  }
  fclose(f);
  if (p) p[n] = 0;
  if (len) *len = n;
  return p;
}
#endif
