/*
 * store.c - the SQLite store: documents and their records.
 *
 * Schema (version in meta.schema_version; see docs/FORMATS.md):
 *   documents(id PK, date, source, url, title, hash, bytes, sentences,
 *             coded_at, version)
 *   records(rid PK, doc -> documents.id, type, sent, date, code, root,
 *           quad, goldstein, source_code, target_code, span_start,
 *           span_end, json)
 * Durability: WAL journal; documents are written in batch transactions
 * (PL_STORE_BATCH documents per commit).  Re-coding a document id deletes
 * its old records and writes the new ones inside the same transaction, so
 * a crash leaves either the old or the new version, never a mix.  A
 * document whose content hash is unchanged is skipped unless recode.
 */
#include "internal.h"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#define PL_STORE_SCHEMA 1
#define PL_STORE_BATCH 200

struct parley_store {
  parley_ctx *ctx;
  sqlite3 *db;
  sqlite3_stmt *get_hash, *del_recs, *put_doc, *put_rec;
  int in_tx;
  int pending;          /* documents written in the open transaction */
  pl_buf json;
  char err[512];
};

static const char *schema_sql =
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"
    "PRAGMA foreign_keys=ON;"
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);"
    "CREATE TABLE IF NOT EXISTS documents("
    " id TEXT PRIMARY KEY, date TEXT, source TEXT, url TEXT, title TEXT,"
    " hash TEXT NOT NULL, bytes INTEGER, sentences INTEGER,"
    " coded_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    " version TEXT);"
    "CREATE TABLE IF NOT EXISTS records("
    " rid INTEGER PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(id)"
    " ON DELETE CASCADE, type TEXT NOT NULL, sent INTEGER, date TEXT,"
    " code TEXT, root TEXT, quad INTEGER, goldstein REAL, source_code TEXT,"
    " target_code TEXT, span_start INTEGER, span_end INTEGER,"
    " json TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS records_doc ON records(doc);"
    "CREATE INDEX IF NOT EXISTS records_type_date ON records(type, date);"
    "CREATE INDEX IF NOT EXISTS records_code ON records(code);"
    "CREATE INDEX IF NOT EXISTS records_src ON records(source_code);"
    "CREATE INDEX IF NOT EXISTS records_tgt ON records(target_code);";

static int serr(parley_store *st, const char *what) {
  snprintf(st->err, sizeof st->err, "%s: %s", what, sqlite3_errmsg(st->db));
  pl_ctx_err(st->ctx, "%s", st->err);
  return -1;
}

parley_store *parley_store_open(parley_ctx *ctx, const char *path) {
  if (!ctx || !path) return NULL;
  parley_store *st = calloc(1, sizeof *st);
  if (!st) {
    pl_ctx_err(ctx, "out of memory");
    return NULL;
  }
  st->ctx = ctx;
  pl_buf_init(&st->json, 0);
  if (sqlite3_open_v2(path, &st->db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
      SQLITE_OK) {
    pl_ctx_err(ctx, "%s: cannot open store: %s", path,
               st->db ? sqlite3_errmsg(st->db) : "out of memory");
    goto fail;
  }
  sqlite3_busy_timeout(st->db, 5000);
  char *em = NULL;
  if (sqlite3_exec(st->db, schema_sql, NULL, NULL, &em) != SQLITE_OK) {
    pl_ctx_err(ctx, "%s: not a parley store or cannot write: %s", path,
               em ? em : "?");
    sqlite3_free(em);
    goto fail;
  }
  /* schema version: create or check */
  sqlite3_stmt *q = NULL;
  int have = -1;
  if (sqlite3_prepare_v2(st->db,
                         "SELECT value FROM meta WHERE key='schema_version'",
                         -1, &q, NULL) == SQLITE_OK &&
      sqlite3_step(q) == SQLITE_ROW)
    have = sqlite3_column_int(q, 0);
  sqlite3_finalize(q);
  if (have == -1) {
    char sql[128];
    snprintf(sql, sizeof sql,
             "INSERT OR REPLACE INTO meta VALUES('schema_version','%d')",
             PL_STORE_SCHEMA);
    if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
      pl_ctx_err(ctx, "%s: %s", path, sqlite3_errmsg(st->db));
      goto fail;
    }
  } else if (have > PL_STORE_SCHEMA) {
    pl_ctx_err(ctx, "%s: store schema version %d is newer than this parley "
                    "(%d); upgrade parley",
               path, have, PL_STORE_SCHEMA);
    goto fail;
  }
  if (sqlite3_prepare_v2(st->db, "SELECT hash FROM documents WHERE id=?", -1,
                         &st->get_hash, NULL) ||
      sqlite3_prepare_v2(st->db, "DELETE FROM records WHERE doc=?", -1,
                         &st->del_recs, NULL) ||
      sqlite3_prepare_v2(st->db,
                         "INSERT OR REPLACE INTO documents(id,date,source,url,"
                         "title,hash,bytes,sentences,version) "
                         "VALUES(?,?,?,?,?,?,?,?,?)",
                         -1, &st->put_doc, NULL) ||
      sqlite3_prepare_v2(st->db,
                         "INSERT INTO records(doc,type,sent,date,code,root,"
                         "quad,goldstein,source_code,target_code,span_start,"
                         "span_end,json) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
                         -1, &st->put_rec, NULL)) {
    pl_ctx_err(ctx, "%s: %s", path, sqlite3_errmsg(st->db));
    goto fail;
  }
  return st;
fail:
  parley_store_close(st);
  return NULL;
}

parley_rc parley_store_commit(parley_store *st) {
  if (!st) return PARLEY_EMISUSE;
  if (!st->in_tx) return PARLEY_OK;
  if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
    serr(st, "commit");
    return PARLEY_EDB;
  }
  st->in_tx = 0;
  st->pending = 0;
  return PARLEY_OK;
}

void parley_store_close(parley_store *st) {
  if (!st) return;
  if (st->db) {
    parley_store_commit(st);
    sqlite3_finalize(st->get_hash);
    sqlite3_finalize(st->del_recs);
    sqlite3_finalize(st->put_doc);
    sqlite3_finalize(st->put_rec);
    sqlite3_close(st->db);
  }
  pl_buf_free(&st->json);
  free(st);
}

const char *parley_store_errmsg(const parley_store *st) {
  return st ? st->err : "no store";
}

static void bind_text(sqlite3_stmt *s, int i, const char *v) {
  if (v && v[0]) sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
  else sqlite3_bind_null(s, i);
}

static const char *mcode(const parley_doc *doc, int32_t m) {
  if (m < 0 || (uint32_t)m >= doc->ments.n) return NULL;
  return doc->ments.v[m].a.code;
}

/* Inserts one record row: type-specific indexed columns + its JSON. */
static int put_record(parley_store *st, parley_doc *doc, unsigned type,
                      uint32_t i) {
  static const char *const names[] = {"", "sentence", "event", "", "quote",
                                      "", "", "", "count"};
  sqlite3_stmt *s = st->put_rec;
  pl_buf_clear(&st->json);
  if (pl_write_one(doc, &st->json, type, i)) return -1;
  if (st->json.len && st->json.p[st->json.len - 1] == '\n')
    st->json.p[--st->json.len] = 0;
  sqlite3_reset(s);
  sqlite3_clear_bindings(s);
  sqlite3_bind_text(s, 1, doc->id, -1, SQLITE_STATIC);
  sqlite3_bind_text(s, 2, names[type], -1, SQLITE_STATIC);
  uint32_t sent = 0, off = 0, len = 0;
  pl_date d = doc->date;
  char ds[11];
  if (type == PARLEY_REC_SENTENCE) {
    sent = i;
    off = doc->sents.v[i].off;
    len = doc->sents.v[i].len;
  } else if (type == PARLEY_REC_EVENT) {
    const pl_event *e = &doc->events.v[i];
    const pl_cameo_info *ci = pl_cameo_get(doc->ctx, e->code);
    char root[3] = {e->code[0], e->code[1], 0};
    sent = e->sent; off = e->off; len = e->len; d = e->date;
    sqlite3_bind_text(s, 5, e->code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 6, root, -1, SQLITE_TRANSIENT);
    if (ci) {
      sqlite3_bind_int(s, 7, ci->quad);
      sqlite3_bind_double(s, 8, ci->goldstein);
    }
    bind_text(s, 9, mcode(doc, e->src));
    bind_text(s, 10, mcode(doc, e->tgt));
  } else if (type == PARLEY_REC_QUOTE) {
    const pl_quote *q = &doc->quotes.v[i];
    sent = q->sent; off = q->off; len = q->len; d = q->date;
    bind_text(s, 9, mcode(doc, q->speaker));
  } else {
    const pl_count *c = &doc->counts.v[i];
    sent = c->sent; off = c->off; len = c->len; d = c->date;
    bind_text(s, 5, c->kind);
    bind_text(s, 9, mcode(doc, c->src));
  }
  sqlite3_bind_int64(s, 3, sent);
  pl_date_format(&d, ds);
  bind_text(s, 4, ds);
  sqlite3_bind_int64(s, 11, doc->omap[off]);
  sqlite3_bind_int64(s, 12, doc->omap[off + len]);
  sqlite3_bind_text(s, 13, st->json.p, (int)st->json.len, SQLITE_STATIC);
  return sqlite3_step(s) == SQLITE_DONE ? 0 : -1;
}

parley_rc parley_store_put(parley_store *st, parley_doc *doc, int recode,
                           int *skipped) {
  if (!st || !doc || !doc->id) return PARLEY_EMISUSE;
  if (skipped) *skipped = 0;
  char hash[17];
  snprintf(hash, sizeof hash, "%016llx", (unsigned long long)doc->hash);
  if (!st->in_tx) {
    if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
      serr(st, "begin");
      return PARLEY_EDB;
    }
    st->in_tx = 1;
  }
  sqlite3_reset(st->get_hash);
  sqlite3_bind_text(st->get_hash, 1, doc->id, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st->get_hash);
  int same = rc == SQLITE_ROW &&
             !strcmp((const char *)sqlite3_column_text(st->get_hash, 0), hash);
  sqlite3_reset(st->get_hash);
  if (same && !recode) {
    if (skipped) *skipped = 1;
    return PARLEY_OK;
  }
  /* one savepoint per document: a failure rolls back only this one */
  if (sqlite3_exec(st->db, "SAVEPOINT doc", NULL, NULL, NULL) != SQLITE_OK) {
    serr(st, "savepoint");
    return PARLEY_EDB;
  }
  sqlite3_reset(st->del_recs);
  sqlite3_bind_text(st->del_recs, 1, doc->id, -1, SQLITE_STATIC);
  if (sqlite3_step(st->del_recs) != SQLITE_DONE) goto fail;
  sqlite3_stmt *p = st->put_doc;
  sqlite3_reset(p);
  sqlite3_clear_bindings(p);
  sqlite3_bind_text(p, 1, doc->id, -1, SQLITE_STATIC);
  char ds[11];
  pl_date_format(&doc->date, ds);
  bind_text(p, 2, ds);
  bind_text(p, 3, doc->source);
  bind_text(p, 4, doc->url);
  bind_text(p, 5, doc->title);
  sqlite3_bind_text(p, 6, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(p, 7, (sqlite3_int64)doc->orig_len);
  sqlite3_bind_int64(p, 8, doc->sents.n);
  sqlite3_bind_text(p, 9, PARLEY_VERSION, -1, SQLITE_STATIC);
  if (sqlite3_step(p) != SQLITE_DONE) goto fail;
  for (uint32_t i = 0; i < doc->sents.n; i++)
    if (put_record(st, doc, PARLEY_REC_SENTENCE, i)) goto fail;
  for (uint32_t i = 0; i < doc->events.n; i++)
    if (put_record(st, doc, PARLEY_REC_EVENT, i)) goto fail;
  for (uint32_t i = 0; i < doc->quotes.n; i++)
    if (put_record(st, doc, PARLEY_REC_QUOTE, i)) goto fail;
  for (uint32_t i = 0; i < doc->counts.n; i++)
    if (put_record(st, doc, PARLEY_REC_COUNT, i)) goto fail;
  if (sqlite3_exec(st->db, "RELEASE doc", NULL, NULL, NULL) != SQLITE_OK)
    goto fail;
  if (++st->pending >= PL_STORE_BATCH) return parley_store_commit(st);
  return PARLEY_OK;
fail:
  serr(st, doc->id);
  sqlite3_exec(st->db, "ROLLBACK TO doc; RELEASE doc", NULL, NULL, NULL);
  return PARLEY_EDB;
}
