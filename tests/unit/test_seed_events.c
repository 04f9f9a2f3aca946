/*
 * test_seed_events.c - the events issue 5 asks for on the seed article
 * (../shared/seed/000_66d7c634845008a1.txt, dated 2024-10-24).  Skipped
 * when ../shared is absent (PARLEY_SHARED_DIR overrides the location).
 * The article is read at run time, never copied into the repository.
 */
#include "harness.h"
#include "internal.h"

static parley_doc *doc;

static const char *code_of(int32_t m) {
  if (m < 0) return "";
  int32_t r = pl_ment_resolved(doc, m);
  return r >= 0 ? doc->ments.v[r].a.code : "";
}

/* Is there an event with source code prefix sp, target prefix tp, code
 * prefix cp (root), optional place name and date? */
static int has(const char *sp, const char *tp, const char *cp,
               const char *place, const char *date) {
  for (uint32_t i = 0; i < doc->events.n; i++) {
    const pl_event *e = &doc->events.v[i];
    if (strncmp(code_of(e->src), sp, strlen(sp)) ||
        strncmp(code_of(e->tgt), tp, strlen(tp)) ||
        strncmp(e->code, cp, strlen(cp)))
      continue;
    if (place && (e->place < 0 || !doc->places.v[e->place].name ||
                  strcmp(doc->places.v[e->place].name, place)))
      continue;
    if (date) {
      char d[11];
      pl_date_format(&e->date, d);
      if (strcmp(d, date)) continue;
    }
    return 1;
  }
  return 0;
}

int main(void) {
  const char *dir = getenv("PARLEY_SHARED_DIR");
  char path[1024];
  snprintf(path, sizeof path, "%s/seed/000_66d7c634845008a1.txt",
           dir && *dir ? dir : PL_SHARED_DIR);
  size_t len;
  char *text = h_slurp(path, &len);
  if (!text) {
    fprintf(stderr, "seed absent (%s): skipped\n", path);
    return 77;
  }
  parley_ctx *ctx = parley_ctx_new();
  doc = parley_doc_new(ctx);
  parley_article a = {0};
  a.id = "seed";
  a.date = "2024-10-24";
  a.text = text;
  a.text_len = len;
  OK(parley_doc_code(doc, &a) == PARLEY_OK, "coded");
  for (uint32_t i = 0; i < doc->events.n; i++) {
    const pl_event *e = &doc->events.v[i];
    char d[11];
    pl_date_format(&e->date, d);
    fprintf(stderr, "  sent %u %s %s -> %s %s%s%s\n", e->sent, e->code,
            code_of(e->src), code_of(e->tgt), d,
            e->place >= 0 ? " at " : "",
            e->place >= 0 ? doc->places.v[e->place].name : "");
  }
  OK(has("USAGOV", "QATGOV", "04", NULL, NULL), "Blinken meets the Qatari PM");
  OK(has("ISR", "PSE", "18", NULL, NULL) || has("ISR", "PSE", "19", NULL, NULL) ||
         has("ISR", "PSE", "20", NULL, NULL),
     "Israel attacks in Gaza");
  OK(has("ISR", "PSE", "1823", NULL, NULL), "Israel kills Sinwar (Hamas)");
  OK(has("EGY", "PSEREBHMS", "04", "Cairo", NULL),
     "Egyptian delegation meets Hamas in Cairo");
  OK(has("ISR", "USA", "036", NULL, "2024-10-27"),
     "Mossad director to meet the CIA director on Sunday");
  OK(has("ISR", "QATGOV", "036", NULL, "2024-10-27"),
     "Mossad director to meet the Qatari PM on Sunday");
  OK(has("ISR", "PSE", "19", NULL, NULL), "operations in northern Gaza");
  OK(has("QAT", "PSEREBHMS", "04", NULL, NULL), "Qatar re-engages with Hamas");
  parley_doc_free(doc);
  parley_ctx_free(ctx);
  free(text);
  return h_done("test_seed_events");
}
