/*
 * test_actor_cases.c - runs every row of tests/data/actor_cases.tsv
 * (date, phrase, expected code) through parley_actor_json and requires at
 * least 95% correct; prints every failure.  Also times the resolution.
 */
#include "harness.h"
#include "parley.h"
#include <time.h>

/* The value of "code" in the JSON answer, copied into out. */
static void json_code(const char *js, char *out, size_t cap) {
  out[0] = 0;
  const char *p = js ? strstr(js, "\"code\":\"") : NULL;
  if (!p) return;
  p += 8;
  size_t n = 0;
  while (p[n] && p[n] != '"' && n + 1 < cap) n++;
  memcpy(out, p, n);
  out[n] = 0;
}

int main(void) {
  char *data = h_slurp(PL_SOURCE_DIR "/tests/data/actor_cases.tsv", NULL);
  if (!data) {
    fprintf(stderr, "actor_cases.tsv missing\n");
    return 77;
  }
  parley_ctx *ctx = parley_ctx_new();
  OK(ctx != NULL, "context");
  if (!ctx) {
    free(data);
    return h_done("test_actor_cases");
  }
  int total = 0, good = 0;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  char *line = data;
  while (line && *line) {
    char *nl = strchr(line, '\n');
    if (nl) *nl = 0;
    if (line[0] && line[0] != '#') {
      char *f1 = strchr(line, '\t');
      char *f2 = f1 ? strchr(f1 + 1, '\t') : NULL;
      if (f1 && f2) {
        *f1 = 0;
        *f2 = 0;
        const char *date = line, *phrase = f1 + 1, *want = f2 + 1;
        size_t wl = strlen(want);
        while (wl && (want[wl - 1] == '\r' || want[wl - 1] == ' ')) wl--;
        char wbuf[64];
        if (wl >= sizeof wbuf) wl = sizeof wbuf - 1;
        memcpy(wbuf, want, wl);
        wbuf[wl] = 0;
        const char *js = parley_actor_json(ctx, phrase, date[0] ? date : NULL);
        char got[64];
        json_code(js, got, sizeof got);
        total++;
        if (!strcmp(got, wbuf)) good++;
        else
          fprintf(stderr, "MISS %s\t%s\twant %s\tgot %s\n", date, phrase,
                  wbuf, js ? js : "(null)");
      }
    }
    line = nl ? nl + 1 : NULL;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
              (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
  fprintf(stderr, "actor cases: %d/%d correct (%.1f%%), %.2f ms\n", good,
          total, total ? 100.0 * good / total : 0.0, ms);
  OK(total >= 300, "at least 300 cases, got %d", total);
  OK(good * 100 >= total * 95, "%d of %d correct, need 95%%", good, total);
  parley_ctx_free(ctx);
  free(data);
  return h_done("test_actor_cases");
}
