/* test_store.c - the SQLite store: idempotent re-coding, replacement. */
#include "harness.h"
#include "internal.h"
#include <sqlite3.h>
#include <unistd.h>

static long long q1(const char *path, const char *sql) {
  sqlite3 *db;
  long long v = -1;
  if (sqlite3_open(path, &db) == SQLITE_OK) {
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
      v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return v;
}

int main(void) {
  char path[] = "/tmp/parley_store_XXXXXX";
  int fd = mkstemp(path);
  OK(fd >= 0, "mkstemp");
  close(fd);
  unlink(path);
  parley_ctx *ctx = parley_ctx_new();
  OK(ctx != NULL, "ctx");
  parley_doc *doc = parley_doc_new(ctx);
  parley_article a = {.id = "doc-1", .date = "2024-10-24", .source = "test",
                      .text = "Officials met in Cairo. They talked.",
                      .text_len = 36};
  for (int round = 0; round < 3; round++) {
    parley_store *st = parley_store_open(ctx, path);
    OK(st != NULL, "open: %s", parley_errmsg(ctx));
    INT_EQ(parley_doc_code(doc, &a), PARLEY_OK, "code");
    int skipped = -1;
    INT_EQ(parley_store_put(st, doc, 0, &skipped), PARLEY_OK, "put");
    INT_EQ(skipped, round > 0, "second put of the same content is skipped");
    parley_store_close(st);
  }
  INT_EQ(q1(path, "SELECT count(*) FROM documents"), 1, "one document");
  INT_EQ(q1(path, "SELECT count(*) FROM records WHERE type='sentence'"), 2,
         "two sentence records, not duplicated");
  /* changed content replaces the old records */
  a.text = "Officials met in Cairo.";
  a.text_len = strlen(a.text);
  parley_store *st = parley_store_open(ctx, path);
  INT_EQ(parley_doc_code(doc, &a), PARLEY_OK, "code");
  int skipped = -1;
  INT_EQ(parley_store_put(st, doc, 0, &skipped), PARLEY_OK, "put");
  INT_EQ(skipped, 0, "changed content is written");
  /* recode forces a rewrite of unchanged content */
  INT_EQ(parley_store_put(st, doc, 1, &skipped), PARLEY_OK, "recode");
  INT_EQ(skipped, 0, "recode writes");
  parley_store_close(st);
  INT_EQ(q1(path, "SELECT count(*) FROM records"), 1, "replaced, not added");
  INT_EQ(q1(path, "SELECT value FROM meta WHERE key='schema_version'"), 2,
         "schema version recorded");
  INT_EQ(q1(path, "SELECT count(*) FROM records r LEFT JOIN documents d "
                  "ON r.doc=d.id WHERE d.id IS NULL"),
         0, "no orphan records");
  /* a file that is not a database is refused with a message */
  FILE *f = fopen(path, "wb");
  fputs("this is not sqlite, just text that is long enough to matter....\n"
        "more text more text more text more text more text more text\n", f);
  fclose(f);
  unlink((char[64]){0});
  char wal[300];
  snprintf(wal, sizeof wal, "%s-wal", path);
  unlink(wal);
  st = parley_store_open(ctx, path);
  OK(st == NULL, "not a store");
  OK(strstr(parley_errmsg(ctx), path) != NULL, "message names the file: %s",
     parley_errmsg(ctx));
  parley_store_close(st);
  unlink(path);
  snprintf(wal, sizeof wal, "%s-shm", path);
  unlink(wal);
  parley_doc_free(doc);
  parley_ctx_free(ctx);
  return h_done("test_store");
}
