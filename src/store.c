/*
 * store.c - the SQLite store: documents and their records.
 *
 * Schema (version in meta.schema_version; see docs/FORMATS.md):
 *   documents(id PK, date, source, url, title, hash, bytes, sentences,
 *             coded_at, version)
 *   records(rid PK, doc -> documents.id, type, sent, date, code, root,
 *           quad, goldstein, source_code, target_code, span_start,
 *           span_end, json, src_key, tgt_key, place, kind, since, flags,
 *           cluster)
 *   clusters(cid PK, type, root, code, src_key, tgt_key, kind, since,
 *            date, place, future, first_seen, num_mentions, num_articles,
 *            num_sources, rep)
 * Clustering (one real-world event reported many times): an event record
 * joins the cluster with the same type and root, the same source and
 * target countries with compatible sectors (equal, or one side has none:
 * "Israel" and "Israeli troops" agree; a side the mention leaves unknown
 * agrees with any), a date within one day (the same date for
 * future/intent events) and a compatible place (either unknown or equal);
 * count records join on kind, place, period start and date.  It is
 * incremental: every put updates the clusters it touches, and re-coding a
 * document first detaches its old records (empty clusters are dropped).
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

#define PL_STORE_SCHEMA 2
#define PL_STORE_BATCH 200

struct parley_store {
  parley_ctx *ctx;
  sqlite3 *db;
  sqlite3_stmt *get_hash, *del_recs, *put_doc, *put_rec;
  sqlite3_stmt *old_clusters, *find_cluster, *new_cluster, *set_cluster,
      *recount, *drop_empty;
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
    "CREATE INDEX IF NOT EXISTS records_tgt ON records(target_code);"
    "CREATE TABLE IF NOT EXISTS clusters("
    " cid INTEGER PRIMARY KEY, type TEXT NOT NULL, root TEXT, code TEXT,"
    " src_key TEXT, tgt_key TEXT, kind TEXT, since TEXT, date TEXT,"
    " place TEXT, future INTEGER DEFAULT 0, first_seen TEXT,"
    " num_mentions INTEGER DEFAULT 0, num_articles INTEGER DEFAULT 0,"
    " num_sources INTEGER DEFAULT 0, rep INTEGER);"
    "CREATE INDEX IF NOT EXISTS clusters_key ON clusters(type, root, date);"
    "CREATE INDEX IF NOT EXISTS clusters_date ON clusters(type, date);";

/* Columns added in schema 2 (ALTER TABLE on a version 1 store). */
static const char *const v2_columns[] = {
    "src_key TEXT", "tgt_key TEXT", "place TEXT", "kind TEXT", "since TEXT",
    "flags INTEGER DEFAULT 0", "cluster INTEGER", NULL};

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
  if (have == 1 || have == -1) { /* add the schema 2 columns if missing */
    for (const char *const *c = v2_columns; *c; c++) {
      char sql[160];
      snprintf(sql, sizeof sql, "ALTER TABLE records ADD COLUMN %s", *c);
      sqlite3_exec(st->db, sql, NULL, NULL, NULL); /* "duplicate" is fine */
    }
    sqlite3_exec(st->db,
                 "CREATE INDEX IF NOT EXISTS records_cluster ON "
                 "records(cluster)",
                 NULL, NULL, NULL);
    if (have == 1) have = -1; /* rewrite the version below */
  }
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
                         "span_end,json,src_key,tgt_key,place,kind,since,"
                         "flags) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                         -1, &st->put_rec, NULL) ||
      sqlite3_prepare_v2(st->db,
                         "SELECT DISTINCT cluster FROM records WHERE doc=? "
                         "AND cluster IS NOT NULL",
                         -1, &st->old_clusters, NULL) ||
      sqlite3_prepare_v2(
          st->db,
          "SELECT cid FROM clusters WHERE type=?1 AND root IS ?2 AND "
          "(?3 IS NULL OR src_key IS NULL OR (substr(src_key,1,3) = "
          "substr(?3,1,3) AND (src_key = ?3 OR length(src_key)=3 OR "
          "length(?3)=3))) AND "
          "(?4 IS NULL OR tgt_key IS NULL OR (substr(tgt_key,1,3) = "
          "substr(?4,1,3) AND (tgt_key = ?4 OR length(tgt_key)=3 OR "
          "length(?4)=3))) AND kind IS ?5 AND since IS ?6 "
          "AND future=?9 AND date BETWEEN date(?7, printf('-%d days', ?10)) "
          "AND date(?7, printf('+%d days', ?10)) "
          "AND (place IS NULL OR ?8 IS NULL OR place=?8) "
          "ORDER BY abs(julianday(date)-julianday(?7)), cid LIMIT 1",
          -1, &st->find_cluster, NULL) ||
      sqlite3_prepare_v2(st->db,
                         "INSERT INTO clusters(type,root,code,src_key,tgt_key,"
                         "kind,since,date,place,future,rep) "
                         "VALUES(?,?,?,?,?,?,?,?,?,?,?)",
                         -1, &st->new_cluster, NULL) ||
      sqlite3_prepare_v2(st->db, "UPDATE records SET cluster=? WHERE rid=?",
                         -1, &st->set_cluster, NULL) ||
      sqlite3_prepare_v2(
          st->db,
          "UPDATE clusters SET "
          " num_mentions=(SELECT count(*) FROM records WHERE cluster=?1),"
          " num_articles=(SELECT count(DISTINCT doc) FROM records"
          "  WHERE cluster=?1),"
          " num_sources=(SELECT count(DISTINCT coalesce(d.source, d.id))"
          "  FROM records r JOIN documents d ON r.doc=d.id"
          "  WHERE r.cluster=?1),"
          " first_seen=(SELECT min(d.date) FROM records r JOIN documents d"
          "  ON r.doc=d.id WHERE r.cluster=?1),"
          " rep=coalesce((SELECT min(rid) FROM records WHERE cluster=?1), rep),"
          " place=coalesce(place, (SELECT place FROM records WHERE"
          "  cluster=?1 AND place IS NOT NULL LIMIT 1))"
          " WHERE cid=?1",
          -1, &st->recount, NULL) ||
      sqlite3_prepare_v2(st->db,
                         "DELETE FROM clusters WHERE cid=? AND num_mentions=0",
                         -1, &st->drop_empty, NULL)) {
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
    sqlite3_finalize(st->old_clusters);
    sqlite3_finalize(st->find_cluster);
    sqlite3_finalize(st->new_cluster);
    sqlite3_finalize(st->set_cluster);
    sqlite3_finalize(st->recount);
    sqlite3_finalize(st->drop_empty);
    sqlite3_close(st->db);
  }
  pl_buf_free(&st->json);
  free(st);
}

void *pl_store_db(parley_store *st) { return st->db; }

void pl_store_fail(parley_store *st, const char *what) { serr(st, what); }

const char *parley_store_errmsg(const parley_store *st) {
  return st ? st->err : "no store";
}

static void bind_text(sqlite3_stmt *s, int i, const char *v) {
  if (v && v[0]) sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
  else sqlite3_bind_null(s, i);
}

static const char *mcode(const parley_doc *doc, int32_t m) {
  m = pl_ment_resolved(doc, m);
  if (m < 0 || (uint32_t)m >= doc->ments.n) return NULL;
  return doc->ments.v[m].a.code;
}

/* Clustering key of an actor: country + first sector ("PSEREBHMS" ->
 * "PSEREB"), or the whole code when it has no sector ("IGOUNO"). */
static void actor_key(const parley_doc *doc, int32_t m, char out[16]) {
  const char *code = mcode(doc, m);
  out[0] = 0;
  if (!code || !code[0]) return;
  char c[4], sec[4];
  pl_actor_parts(code, c, sec);
  if (sec[0]) snprintf(out, 16, "%s%s", c, sec);
  else snprintf(out, 16, "%.15s", code);
}

static const char *place_name(const parley_doc *doc, int32_t p) {
  if (p < 0 || (uint32_t)p >= doc->places.n) return NULL;
  return doc->places.v[p].name;
}

/* Attaches record rid to its cluster (found or new) and recounts it. */
static int cluster_record(parley_store *st, sqlite3_int64 rid,
                          const char *type, const char *root,
                          const char *code, const char *src, const char *tgt,
                          const char *kind, const char *since,
                          const char *date, const char *place, int future) {
  sqlite3_stmt *f = st->find_cluster;
  sqlite3_int64 cid = 0;
  if (date && date[0]) { /* undated mentions are never merged */
    sqlite3_reset(f);
    sqlite3_clear_bindings(f);
    sqlite3_bind_text(f, 1, type, -1, SQLITE_STATIC);
    bind_text(f, 2, root);
    bind_text(f, 3, src);
    bind_text(f, 4, tgt);
    bind_text(f, 5, kind);
    bind_text(f, 6, since);
    bind_text(f, 7, date);
    bind_text(f, 8, place);
    sqlite3_bind_int(f, 9, future);
    sqlite3_bind_int(f, 10, future ? 0 : 1);
    int rc = sqlite3_step(f);
    if (rc == SQLITE_ROW) cid = sqlite3_column_int64(f, 0);
    else if (rc != SQLITE_DONE) return -1;
    sqlite3_reset(f);
  }
  if (!cid) {
    sqlite3_stmt *n = st->new_cluster;
    sqlite3_reset(n);
    sqlite3_clear_bindings(n);
    sqlite3_bind_text(n, 1, type, -1, SQLITE_STATIC);
    bind_text(n, 2, root);
    bind_text(n, 3, code);
    bind_text(n, 4, src);
    bind_text(n, 5, tgt);
    bind_text(n, 6, kind);
    bind_text(n, 7, since);
    bind_text(n, 8, date);
    bind_text(n, 9, place);
    sqlite3_bind_int(n, 10, future);
    sqlite3_bind_int64(n, 11, rid);
    if (sqlite3_step(n) != SQLITE_DONE) return -1;
    cid = sqlite3_last_insert_rowid(st->db);
  }
  sqlite3_stmt *u = st->set_cluster;
  sqlite3_reset(u);
  sqlite3_bind_int64(u, 1, cid);
  sqlite3_bind_int64(u, 2, rid);
  if (sqlite3_step(u) != SQLITE_DONE) return -1;
  sqlite3_stmt *r = st->recount;
  sqlite3_reset(r);
  sqlite3_bind_int64(r, 1, cid);
  return sqlite3_step(r) == SQLITE_DONE ? 0 : -1;
}

/* Recounts a cluster that lost mentions; drops it when empty. */
static int cluster_shrink(parley_store *st, sqlite3_int64 cid) {
  sqlite3_stmt *r = st->recount;
  sqlite3_reset(r);
  sqlite3_bind_int64(r, 1, cid);
  if (sqlite3_step(r) != SQLITE_DONE) return -1;
  sqlite3_stmt *d = st->drop_empty;
  sqlite3_reset(d);
  sqlite3_bind_int64(d, 1, cid);
  return sqlite3_step(d) == SQLITE_DONE ? 0 : -1;
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
  struct {
    char src[16], tgt[16], root[3], sinces[11];
    const char *code, *place, *kind, *since;
    int flags, future;
  } ck;
  memset(&ck, 0, sizeof ck);
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
    actor_key(doc, e->src, ck.src);
    actor_key(doc, e->tgt, ck.tgt);
    memcpy(ck.root, root, 3);
    ck.code = e->code;
    ck.place = place_name(doc, e->place);
    ck.flags = e->flags;
    ck.future = (e->flags & PL_EF_INTENT) != 0;
  } else if (type == PARLEY_REC_QUOTE) {
    const pl_quote *q = &doc->quotes.v[i];
    sent = q->sent; off = q->off; len = q->len; d = q->date;
    bind_text(s, 9, mcode(doc, q->speaker));
  } else {
    const pl_count *c = &doc->counts.v[i];
    sent = c->sent; off = c->off; len = c->len; d = c->date;
    bind_text(s, 5, c->kind);
    bind_text(s, 9, mcode(doc, c->src));
    ck.kind = c->kind;
    ck.place = place_name(doc, c->place);
    pl_date_format(&c->since, ck.sinces);
    ck.since = ck.sinces[0] ? ck.sinces : NULL;
    actor_key(doc, c->by, ck.src);
  }
  sqlite3_bind_int64(s, 3, sent);
  pl_date_format(&d, ds);
  bind_text(s, 4, ds);
  sqlite3_bind_int64(s, 11, doc->omap[off]);
  sqlite3_bind_int64(s, 12, doc->omap[off + len]);
  sqlite3_bind_text(s, 13, st->json.p, (int)st->json.len, SQLITE_STATIC);
  bind_text(s, 14, ck.src);
  bind_text(s, 15, ck.tgt);
  bind_text(s, 16, ck.place);
  bind_text(s, 17, ck.kind);
  bind_text(s, 18, ck.since);
  sqlite3_bind_int(s, 19, ck.flags);
  if (sqlite3_step(s) != SQLITE_DONE) return -1;
  if (type != PARLEY_REC_EVENT && type != PARLEY_REC_COUNT) return 0;
  sqlite3_int64 rid = sqlite3_last_insert_rowid(st->db);
  return cluster_record(st, rid, names[type], ck.root[0] ? ck.root : NULL,
                        ck.code, ck.src[0] ? ck.src : NULL,
                        ck.tgt[0] ? ck.tgt : NULL, ck.kind, ck.since,
                        ds[0] ? ds : NULL, ck.place, ck.future);
}

parley_rc parley_store_put(parley_store *st, parley_doc *doc, int recode,
                           int *skipped) {
  if (!st || !doc || !doc->id) return PARLEY_EMISUSE;
  if (skipped) *skipped = 0;
  char hash[17];
  snprintf(hash, sizeof hash, "%016llx",
           (unsigned long long)pl_doc_hash(doc));
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
  /* clusters the old version of this document belonged to */
  sqlite3_int64 oldc[256];
  size_t noldc = 0;
  int many = 0;
  sqlite3_reset(st->old_clusters);
  sqlite3_bind_text(st->old_clusters, 1, doc->id, -1, SQLITE_STATIC);
  while (sqlite3_step(st->old_clusters) == SQLITE_ROW) {
    if (noldc < 256) oldc[noldc++] = sqlite3_column_int64(st->old_clusters, 0);
    else many = 1;
  }
  sqlite3_reset(st->old_clusters);
  sqlite3_reset(st->del_recs);
  sqlite3_bind_text(st->del_recs, 1, doc->id, -1, SQLITE_STATIC);
  if (sqlite3_step(st->del_recs) != SQLITE_DONE) goto fail;
  for (size_t i = 0; i < noldc; i++)
    if (cluster_shrink(st, oldc[i])) goto fail;
  if (many && sqlite3_exec(st->db,
                           "DELETE FROM clusters WHERE NOT EXISTS (SELECT 1 "
                           "FROM records WHERE cluster=clusters.cid)",
                           NULL, NULL, NULL) != SQLITE_OK)
    goto fail;
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
