/* test_query.c - store clustering (incremental, re-coding), query filters,
 * exports (GDELT column count, PLOVER JSON validity), stats sums.
 * Events are injected into coded documents so this test does not depend
 * on the coder's accuracy; tests/cli/cluster.sh covers the real path. */
#include "harness.h"
#include "internal.h"
#include <jansson.h>
#include <sqlite3.h>
#include <unistd.h>

static parley_ctx *ctx;

/* Codes "text", then replaces mentions/events with one injected event
 * src -[code]-> tgt dated date (intent when future). */
static void put(parley_store *st, parley_doc *doc, const char *id,
                const char *source, const char *date, const char *src,
                const char *tgt, const char *code, const char *evdate,
                int future) {
  char text[200];
  snprintf(text, sizeof text, "Officials of one side met the other side in "
                              "a city on %s.", evdate);
  parley_article a = {.id = id, .date = date, .source = source, .text = text,
                      .text_len = strlen(text)};
  INT_EQ(parley_doc_code(doc, &a), PARLEY_OK, "code %s", id);
  doc->ments.n = 0;
  doc->events.n = 0;
  doc->quotes.n = 0;
  doc->counts.n = 0;
  pl_mention *m = pl_vec_push(&doc->arena, &doc->ments);
  m->tok = 0; m->ntok = 1; m->a.code = src; m->ante = -1;
  m = pl_vec_push(&doc->arena, &doc->ments);
  m->tok = 5; m->ntok = 2; m->a.code = tgt; m->ante = -1;
  pl_event *e = pl_vec_push(&doc->arena, &doc->events);
  snprintf(e->code, sizeof e->code, "%s", code);
  e->src = 0; e->tgt = 1; e->vtok = 3; e->nvtok = 1; e->place = -1;
  e->off = 0; e->len = 10;
  pl_date_parse(evdate, strlen(evdate), &e->date);
  if (future) e->flags |= PL_EF_INTENT;
  int skipped;
  INT_EQ(parley_store_put(st, doc, 0, &skipped), PARLEY_OK, "put %s: %s", id,
         parley_store_errmsg(st));
}

typedef struct { pl_buf b; size_t lines; } sink_t;
static int sink(void *ud, const char *t, size_t n) {
  sink_t *s = ud;
  pl_buf_add(&s->b, t, n);
  for (size_t i = 0; i < n; i++) s->lines += t[i] == '\n';
  return 0;
}

static size_t query(parley_store *st, parley_query *q, parley_out out,
                    sink_t *s) {
  pl_buf_clear(&s->b);
  s->lines = 0;
  size_t rows = 0;
  INT_EQ(parley_store_query(st, q, out, sink, s, &rows), PARLEY_OK, "query");
  return rows;
}

int main(void) {
  char path[] = "/tmp/parley_query_XXXXXX";
  int fd = mkstemp(path);
  close(fd);
  unlink(path);
  ctx = parley_ctx_new();
  parley_doc *doc = parley_doc_new(ctx);
  parley_store *st = parley_store_open(ctx, path);
  OK(st != NULL, "open %s", parley_errmsg(ctx));
  /* meeting A: 3 outlets over two days, 4 articles */
  put(st, doc, "a1", "AP", "2024-10-24", "USAGOV", "QATGOV", "040", "2024-10-24", 0);
  put(st, doc, "a2", "Reuters", "2024-10-24", "USAGOV", "QATGOV", "042", "2024-10-24", 0);
  put(st, doc, "a3", "AFP", "2024-10-25", "USAGOV", "QATGOVXXX", "046", "2024-10-25", 0);
  put(st, doc, "a4", "AP", "2024-10-25", "USAGOV", "QATGOV", "040", "2024-10-24", 0);
  /* meeting B: other dyad */
  put(st, doc, "b1", "AP", "2024-10-24", "EGYSEC", "PSEREBHMS", "040", "2024-10-24", 0);
  put(st, doc, "b2", "BBC", "2024-10-24", "EGYSEC", "PSEREB", "043", "2024-10-24", 0);
  /* attack, and the same dyad a week later = a different event */
  put(st, doc, "c1", "AP", "2024-10-20", "ISRMIL", "PSE", "190", "2024-10-20", 0);
  put(st, doc, "c2", "AFP", "2024-10-21", "ISRMIL", "PSE", "195", "2024-10-20", 0);
  put(st, doc, "c3", "AP", "2024-10-28", "ISRMIL", "PSE", "190", "2024-10-28", 0);
  /* "Israel" (no sector) agrees with "Israeli troops" (ISRMIL) */
  put(st, doc, "c4", "BBC", "2024-10-21", "ISR", "PSE", "190", "2024-10-21", 0);
  /* a future meeting: only the same stated date merges */
  put(st, doc, "f1", "AP", "2024-10-24", "ISRSPY", "QATGOV", "036", "2024-10-27", 1);
  put(st, doc, "f2", "AFP", "2024-10-25", "ISRSPY", "QATGOV", "036", "2024-10-28", 1);
  parley_store_commit(st);

  sink_t s;
  pl_buf_init(&s.b, 0);
  parley_query q;
  memset(&q, 0, sizeof q);
  INT_EQ(query(st, &q, PARLEY_OUT_JSONL, &s), 6, "six merged events");
  q.actor = "USA";
  q.mentions = 1;
  INT_EQ(query(st, &q, PARLEY_OUT_JSONL, &s), 1, "meeting A is one event");
  json_t *j = json_loads(s.b.p, JSON_DISABLE_EOF_CHECK, NULL);
  OK(j != NULL, "json: %s", s.b.p);
  INT_EQ(json_integer_value(json_object_get(j, "num_mentions")), 4, "mentions");
  INT_EQ(json_integer_value(json_object_get(j, "num_articles")), 4, "articles");
  INT_EQ(json_integer_value(json_object_get(j, "num_sources")), 3, "outlets");
  STR_EQ(json_string_value(json_object_get(j, "first_seen")), "2024-10-24",
         "first seen");
  INT_EQ(json_array_size(json_object_get(j, "mentions")), 4, "mention list");
  STR_EQ(json_string_value(json_object_get(j, "type")), "event", "shape kept");
  json_decref(j);
  memset(&q, 0, sizeof q);
  q.root = "19";
  INT_EQ(query(st, &q, PARLEY_OUT_JSONL, &s), 2, "two attacks a week apart");
  q.since = "2024-10-25";
  INT_EQ(query(st, &q, PARLEY_OUT_JSONL, &s), 1, "--since");
  q.since = NULL;
  q.until = "2024-10-21";
  INT_EQ(query(st, &q, PARLEY_OUT_JSONL, &s), 1, "--until");
  j = json_loads(s.b.p, JSON_DISABLE_EOF_CHECK, NULL);
  INT_EQ(json_integer_value(json_object_get(j, "num_articles")), 3,
         "country-level source merges with the sector-level one");
  json_decref(j);
  memset(&q, 0, sizeof q);
  q.source = "EGY";
  INT_EQ(query(st, &q, PARLEY_OUT_JSONL, &s), 1, "--source prefix");
  q.source = NULL;
  q.target = "PSEREB";
  INT_EQ(query(st, &q, PARLEY_OUT_JSONL, &s), 1, "--target prefix");
  q.target = NULL;
  q.code = "03";
  INT_EQ(query(st, &q, PARLEY_OUT_JSONL, &s), 2, "future meetings differ by date");
  q.code = NULL;
  q.quad = 4;
  INT_EQ(query(st, &q, PARLEY_OUT_JSONL, &s), 2, "--quad 4");
  q.quad = 0;
  q.doc = "b2";
  q.raw = 1;
  INT_EQ(query(st, &q, PARLEY_OUT_JSONL, &s), 1, "--doc raw");
  q.doc = NULL;
  INT_EQ(query(st, &q, PARLEY_OUT_JSONL, &s), 12, "raw: every mention");
  q.raw = 0;
  q.type = "sentence";
  INT_EQ(query(st, &q, PARLEY_OUT_CSV, &s), 12, "sentences");
  INT_EQ(s.lines, 13, "csv has a header");
  q.type = NULL;
  /* exports */
  INT_EQ(query(st, &q, PARLEY_OUT_GDELT, &s), 6, "gdelt rows");
  {
    char *line = s.b.p;
    int tabs = 0;
    for (char *p = line; *p && *p != '\n'; p++) tabs += *p == '\t';
    INT_EQ(tabs + 1, 61, "GDELT 2.0 has 61 columns");
  }
  INT_EQ(query(st, &q, PARLEY_OUT_PHOENIX, &s), 6, "phoenix rows");
  {
    int tabs = 0;
    for (char *p = s.b.p; *p && *p != '\n'; p++) tabs += *p == '\t';
    INT_EQ(tabs + 1, 26, "Phoenix has 26 columns");
  }
  INT_EQ(query(st, &q, PARLEY_OUT_PLOVER, &s), 6, "plover rows");
  {
    size_t bad = 0, n = 0;
    for (char *p = s.b.p; p && *p;) {
      char *nl = strchr(p, '\n');
      json_t *pj = json_loadb(p, (size_t)(nl - p), 0, NULL);
      if (!pj || !json_is_string(json_object_get(pj, "event")) ||
          !json_is_array(json_object_get(pj, "source")))
        bad++;
      json_decref(pj);
      n++;
      p = nl + 1;
    }
    INT_EQ(n, 6, "plover lines");
    INT_EQ(bad, 0, "every PLOVER record is valid JSON with event and source");
  }
  /* stats: sums equal the number of events */
  pl_buf_clear(&s.b);
  INT_EQ(parley_store_stats(st, NULL, "week", PARLEY_STATS_QUAD,
                            PARLEY_OUT_JSONL, sink, &s),
         PARLEY_OK, "stats");
  {
    long total = 0;
    for (char *p = s.b.p; p && *p;) {
      char *nl = strchr(p, '\n');
      json_t *sj = json_loadb(p, (size_t)(nl - p), 0, NULL);
      total += (long)json_integer_value(json_object_get(sj, "events"));
      json_decref(sj);
      p = nl + 1;
    }
    INT_EQ(total, 6, "stats events sum to the merged events");
  }
  OK(parley_store_stats(st, NULL, "fortnight", 0, PARLEY_OUT_CSV, sink, &s) ==
         PARLEY_EMISUSE, "bad period");
  /* re-coding a document moves its mention; empty clusters vanish */
  put(st, doc, "b2", "BBC", "2024-10-24", "EGYSEC", "PSEREB", "043", "2024-10-30", 0);
  put(st, doc, "b2", "BBC", "2024-10-24", "EGYSEC", "PSEREB", "043", "2024-10-31", 0);
  parley_store_commit(st);
  memset(&q, 0, sizeof q);
  q.source = "EGY";
  INT_EQ(query(st, &q, PARLEY_OUT_JSONL, &s), 2, "b2 now its own event");
  sqlite3 *db = pl_store_db(st);
  sqlite3_stmt *qs;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM clusters WHERE num_mentions=0 "
                         "OR NOT EXISTS (SELECT 1 FROM records r WHERE "
                         "r.cluster=clusters.cid)", -1, &qs, NULL);
  sqlite3_step(qs);
  INT_EQ(sqlite3_column_int(qs, 0), 0, "no empty clusters left");
  sqlite3_finalize(qs);
  pl_buf_free(&s.b);
  parley_store_close(st);
  parley_doc_free(doc);
  parley_ctx_free(ctx);
  unlink(path);
  char aux[300];
  snprintf(aux, sizeof aux, "%s-wal", path);
  unlink(aux);
  snprintf(aux, sizeof aux, "%s-shm", path);
  unlink(aux);
  return h_done("test_query");
}
