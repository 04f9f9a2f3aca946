/* test_store.c - the SQLite store: idempotent re-coding, replacement,
 * one atomic write per document, whole batches after a crash. */
#include "harness.h"
#include "internal.h"
#include <sqlite3.h>
#include <sys/wait.h>
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

static void exec1(const char *path, const char *sql) {
  sqlite3 *db;
  if (sqlite3_open(path, &db) == SQLITE_OK)
    OK(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK, "%s: %s", sql,
       sqlite3_errmsg(db));
  sqlite3_close(db);
}

static void rm_db(const char *path) {
  char p2[300];
  unlink(path);
  snprintf(p2, sizeof p2, "%s-wal", path);
  unlink(p2);
  snprintf(p2, sizeof p2, "%s-shm", path);
  unlink(p2);
}

/* Codes and stores article id with text; returns the put result. */
static parley_rc put_text(parley_store *st, parley_doc *doc, const char *id,
                          const char *text, int recode) {
  parley_article a = {.id = id, .date = "2024-10-24", .text = text,
                      .text_len = strlen(text)};
  parley_rc rc = parley_doc_code(doc, &a);
  if (rc) return rc;
  int skipped = 0;
  return parley_store_put(st, doc, recode, &skipped);
}

/* A failure while writing one document (here: a trigger that refuses its
 * second sentence) rolls back that document only: its earlier version
 * stays whole, and the other documents of the batch are committed. */
static void doc_atomic(parley_ctx *ctx) {
  char path[] = "/tmp/parley_store_atomic_XXXXXX";
  int fd = mkstemp(path);
  close(fd);
  unlink(path);
  parley_doc *doc = parley_doc_new(ctx);
  parley_store *st = parley_store_open(ctx, path);
  OK(st != NULL, "open");
  INT_EQ(put_text(st, doc, "x", "Egypt hosted talks. Qatar helped.", 0),
         PARLEY_OK, "first version of x");
  INT_EQ(parley_store_commit(st), PARLEY_OK, "commit");
  parley_store_close(st);
  exec1(path, "CREATE TRIGGER boom BEFORE INSERT ON records "
              "WHEN NEW.doc='x' AND NEW.sent=1 AND NEW.json LIKE '%Jordan%' "
              "BEGIN SELECT RAISE(ABORT, 'refused'); END;");
  st = parley_store_open(ctx, path);
  INT_EQ(put_text(st, doc, "a", "Israel met Jordan.", 0), PARLEY_OK, "a");
  INT_EQ(put_text(st, doc, "x", "Iran met Jordan. Jordan met Iran. More.", 0),
         PARLEY_EDB, "second version of x is refused half-way");
  OK(strstr(parley_store_errmsg(st), "x") != NULL, "message names x: %s",
     parley_store_errmsg(st));
  INT_EQ(put_text(st, doc, "b", "Turkey met Iran.", 0), PARLEY_OK,
         "the batch goes on");
  parley_store_close(st);
  INT_EQ(q1(path, "SELECT count(*) FROM documents"), 3, "a, b and old x");
  INT_EQ(q1(path, "SELECT count(*) FROM records WHERE doc='x' AND type='sentence'"), 2,
         "x keeps its two old records");
  INT_EQ(q1(path, "SELECT count(*) FROM records WHERE doc='x' AND type='sentence' AND "
                  "json LIKE '%Egypt%'"),
         1, "... of the old version");
  INT_EQ(q1(path, "SELECT sentences FROM documents WHERE id='x'"), 2,
         "old document row");
  INT_EQ(q1(path, "SELECT count(*) FROM records WHERE doc IN ('a','b') AND "
                "type='sentence'"), 2,
         "a and b written");
  parley_doc_free(doc);
  rm_db(path);
}

/* A process that dies without closing the store (no final commit) leaves
 * whole committed batches and no part of the open one. */
static void crash(parley_ctx *ctx) {
  char path[] = "/tmp/parley_store_crash_XXXXXX";
  int fd = mkstemp(path);
  close(fd);
  unlink(path);
  fflush(NULL);
  pid_t pid = fork();
  if (pid == 0) {
    parley_doc *doc = parley_doc_new(ctx);
    parley_store *st = parley_store_open(ctx, path);
    char id[32];
    for (int i = 0; st && i < 250; i++) {
      snprintf(id, sizeof id, "c%d", i);
      if (put_text(st, doc, id, "Egypt hosted talks. Qatar helped.", 0))
        _exit(3);
    }
    _exit(st ? 0 : 4); /* no close, no commit: like a crash */
  }
  int status = 0;
  waitpid(pid, &status, 0);
  OK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child wrote");
  long long nd = q1(path, "SELECT count(*) FROM documents");
  OK(nd == 200, "one whole batch of 200 survives the crash (%lld)", nd);
  INT_EQ(q1(path, "SELECT count(*) FROM records WHERE type='sentence'"), 2 * nd,
         "every surviving document has all its records");
  /* re-coding everything completes the store without duplicates */
  parley_doc *doc = parley_doc_new(ctx);
  parley_store *st = parley_store_open(ctx, path);
  OK(st != NULL, "reopen after crash");
  int written = 0;
  char id[32];
  for (int i = 0; st && i < 250; i++) {
    snprintf(id, sizeof id, "c%d", i);
    parley_article a = {.id = id, .date = "2024-10-24",
                        .text = "Egypt hosted talks. Qatar helped.",
                        .text_len = 33};
    parley_doc_code(doc, &a);
    int skipped = 0;
    INT_EQ(parley_store_put(st, doc, 0, &skipped), PARLEY_OK, "put %s", id);
    written += !skipped;
  }
  parley_store_close(st);
  INT_EQ(written, 50, "only the 50 lost documents are written again");
  INT_EQ(q1(path, "SELECT count(*) FROM documents"), 250, "all documents");
  INT_EQ(q1(path, "SELECT count(*) FROM records WHERE type='sentence'"), 500,
         "no duplicates");
  parley_doc_free(doc);
  rm_db(path);
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
  doc_atomic(ctx);
  crash(ctx);
  parley_ctx_free(ctx);
  return h_done("test_store");
}
