/*
 * query.c - reading the store: filtered queries, exports in the field's
 * formats (GDELT 2.0 events, Phoenix, PLOVER), and statistics per period.
 *
 * Input: a store written by store.c.  Output: text handed to a callback,
 * streamed row by row (nothing accumulates).  Filters become SQL with
 * bound parameters; code prefixes become ranges (col >= 'USA' AND col <
 * 'USB') so the indexes on records and clusters are used.
 * Merged events are clusters (see store.c): one row per cluster, built
 * from its representative record (the first mention) plus the counts.
 */
#include "internal.h"
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
  pl_buf sql;
  const char *args[32]; /* bound text parameters, in order */
  int nargs;
  char hi[12][40];      /* upper bounds of prefix ranges */
  int nhi;
} qb_t;

static void arg(qb_t *b, const char *v) {
  if (b->nargs < 32) b->args[b->nargs++] = v;
}

/* col starts with prefix: col >= p AND col < p' (last byte + 1). */
static void prefix(qb_t *b, const char *col, const char *p) {
  if (!p || !p[0] || b->nhi >= 12) return;
  char *hi = b->hi[b->nhi++];
  snprintf(hi, 40, "%s", p);
  size_t n = strlen(hi);
  hi[n - 1] = (char)(hi[n - 1] + 1);
  pl_buf_addf(&b->sql, " AND (%s >= ? AND %s < ?)", col, col);
  arg(b, p);
  arg(b, hi);
}

/* Shared WHERE clause over records r (and clusters c when merged). */
static void filters(qb_t *b, const parley_query *q, const char *datecol) {
  if (q->actor && q->actor[0] && b->nhi + 2 <= 12) {
    char *hi = b->hi[b->nhi++];
    snprintf(hi, 40, "%s", q->actor);
    size_t n = strlen(hi);
    hi[n - 1] = (char)(hi[n - 1] + 1);
    pl_buf_adds(&b->sql, " AND ((r.source_code >= ? AND r.source_code < ?)"
                         " OR (r.target_code >= ? AND r.target_code < ?))");
    arg(b, q->actor); arg(b, hi); arg(b, q->actor); arg(b, hi);
  }
  prefix(b, "r.source_code", q->source);
  prefix(b, "r.target_code", q->target);
  prefix(b, "r.code", q->code);
  if (q->root && q->root[0]) {
    pl_buf_adds(&b->sql, " AND r.root = ?");
    arg(b, q->root);
  }
  if (q->quad > 0) pl_buf_addf(&b->sql, " AND r.quad = %d", q->quad);
  if (q->since && q->since[0]) {
    pl_buf_addf(&b->sql, " AND %s >= ?", datecol);
    arg(b, q->since);
  }
  if (q->until && q->until[0]) {
    pl_buf_addf(&b->sql, " AND %s <= ?", datecol);
    arg(b, q->until);
  }
  if (q->place && q->place[0]) {
    pl_buf_adds(&b->sql, " AND r.place = ? COLLATE NOCASE");
    arg(b, q->place);
  }
  if (q->doc && q->doc[0]) {
    pl_buf_adds(&b->sql, " AND r.doc = ?");
    arg(b, q->doc);
  }
}

static sqlite3_stmt *prepare(parley_store *st, qb_t *b) {
  sqlite3 *db = pl_store_db(st);
  sqlite3_stmt *s = NULL;
  if (b->sql.failed) return NULL;
  if (sqlite3_prepare_v2(db, b->sql.p, -1, &s, NULL) != SQLITE_OK) {
    pl_store_fail(st, "query");
    return NULL;
  }
  for (int i = 0; i < b->nargs; i++)
    sqlite3_bind_text(s, i + 1, b->args[i], -1, SQLITE_STATIC);
  return s;
}

static const char *col(sqlite3_stmt *s, int i) {
  const unsigned char *t = sqlite3_column_text(s, i);
  return t ? (const char *)t : "";
}

/* ---- row writers ---- */

typedef struct {
  parley_store *st;
  parley_out out;
  parley_write_fn fn;
  void *ud;
  pl_buf line;
  sqlite3_stmt *ments;  /* mentions of a cluster */
  sqlite3_stmt *sent;   /* sentence text of (doc, sent) */
  size_t rows;
  int stop;
} out_t;

static void emit(out_t *o) {
  if (o->stop || o->line.failed) {
    o->stop = 1;
    return;
  }
  if (o->fn(o->ud, o->line.p ? o->line.p : "", o->line.len)) o->stop = 1;
  pl_buf_clear(&o->line);
}

static void csv_field(pl_buf *b, const char *v, char sep) {
  if (sep == '\t') {
    for (const char *p = v; *p; p++)
      pl_buf_addc(b, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
    return;
  }
  if (!strpbrk(v, ",\"\n\r")) {
    pl_buf_adds(b, v);
    return;
  }
  pl_buf_addc(b, '"');
  for (const char *p = v; *p; p++) {
    if (*p == '"') pl_buf_addc(b, '"');
    pl_buf_addc(b, *p);
  }
  pl_buf_addc(b, '"');
}

/* The evidence verb of a record's JSON (for mention lists). */
static const char *json_path(json_t *root, const char *a, const char *b) {
  json_t *v = json_object_get(root, a);
  if (b) v = json_object_get(v, b);
  return json_is_string(v) ? json_string_value(v) : "";
}

/* Columns of the main SELECT (merged and raw share this order). */
enum { C_ID, C_NM, C_NA, C_NS, C_FIRST, C_JSON, C_DATE, C_CODE, C_ROOT,
       C_QUAD, C_GOLD, C_SRC, C_TGT, C_PLACE, C_DOC, C_SENT, C_TYPE, C_URL,
       C_OUTLET, C_RID, C_KIND };

static void add_mentions(out_t *o, sqlite3_int64 cid) {
  sqlite3_stmt *m = o->ments;
  sqlite3_reset(m);
  sqlite3_bind_int64(m, 1, cid);
  pl_buf_adds(&o->line, ",\"mentions\":[");
  int first = 1;
  while (sqlite3_step(m) == SQLITE_ROW) {
    json_t *j = json_loads(col(m, 4), 0, NULL);
    pl_buf_adds(&o->line, first ? "{\"doc\":" : ",{\"doc\":");
    first = 0;
    pl_buf_json_str(&o->line, col(m, 0), strlen(col(m, 0)));
    pl_buf_addf(&o->line, ",\"sent\":%lld,\"span\":[%lld,%lld],\"source\":",
                (long long)sqlite3_column_int64(m, 1),
                (long long)sqlite3_column_int64(m, 2),
                (long long)sqlite3_column_int64(m, 3));
    const char *src = col(m, 5);
    if (src[0]) pl_buf_json_str(&o->line, src, strlen(src));
    else pl_buf_adds(&o->line, "null");
    const char *verb = j ? json_path(j, "evidence", "verb") : "";
    pl_buf_adds(&o->line, ",\"verb\":");
    pl_buf_json_str(&o->line, verb, strlen(verb));
    if (j && json_is_number(json_object_get(j, "value")))
      pl_buf_addf(&o->line, ",\"value\":%.15g",
                  json_number_value(json_object_get(j, "value")));
    pl_buf_adds(&o->line, "}");
    json_decref(j);
  }
  sqlite3_reset(m);
  pl_buf_adds(&o->line, "]");
}

static void row_jsonl(out_t *o, sqlite3_stmt *s, int merged, int mentions) {
  const char *js = col(s, C_JSON);
  size_t n = strlen(js);
  while (n && js[n - 1] != '}') n--;
  if (!n) return;
  pl_buf_add(&o->line, js, n - 1); /* without the closing brace */
  if (merged) {
    pl_buf_addf(&o->line, ",\"id\":%lld,\"num_mentions\":%lld,"
                          "\"num_articles\":%lld,\"num_sources\":%lld,"
                          "\"first_seen\":",
                (long long)sqlite3_column_int64(s, C_ID),
                (long long)sqlite3_column_int64(s, C_NM),
                (long long)sqlite3_column_int64(s, C_NA),
                (long long)sqlite3_column_int64(s, C_NS));
    const char *fs = col(s, C_FIRST);
    if (fs[0]) pl_buf_json_str(&o->line, fs, strlen(fs));
    else pl_buf_adds(&o->line, "null");
    if (mentions) add_mentions(o, sqlite3_column_int64(s, C_ID));
  } else {
    pl_buf_addf(&o->line, ",\"rid\":%lld",
                (long long)sqlite3_column_int64(s, C_RID));
    if (sqlite3_column_type(s, C_ID) != SQLITE_NULL)
      pl_buf_addf(&o->line, ",\"group\":%lld,\"group_size\":%lld",
                  (long long)sqlite3_column_int64(s, C_ID),
                  (long long)sqlite3_column_int64(s, C_NM));
  }
  pl_buf_adds(&o->line, "}\n");
}

static const char *const table_cols[] = {
    "id", "date", "type", "code", "root", "quad", "goldstein", "source",
    "target", "place", "num_mentions", "num_articles", "num_sources",
    "first_seen", "doc", "sent", NULL};

static void row_table(out_t *o, sqlite3_stmt *s, char sep) {
  const int idx[] = {C_ID, C_DATE, C_TYPE, C_CODE, C_ROOT, C_QUAD, C_GOLD,
                     C_SRC, C_TGT, C_PLACE, C_NM, C_NA, C_NS, C_FIRST, C_DOC,
                     C_SENT};
  for (size_t i = 0; i < sizeof idx / sizeof idx[0]; i++) {
    if (i) pl_buf_addc(&o->line, sep);
    const char *v = (idx[i] == C_CODE && !col(s, C_CODE)[0]) ? col(s, C_KIND)
                                                             : col(s, idx[i]);
    csv_field(&o->line, v, sep);
  }
  pl_buf_addc(&o->line, '\n');
}

static void row_pretty(out_t *o, sqlite3_stmt *s) {
  const char *code = col(s, C_CODE)[0] ? col(s, C_CODE) : col(s, C_KIND);
  pl_buf_addf(&o->line, "%-8s %-10s %-6s %-12s %-12s %-14.14s %4s %4s %4s  %s\n",
              col(s, C_ID), col(s, C_DATE), code, col(s, C_SRC), col(s, C_TGT),
              col(s, C_PLACE), col(s, C_NM), col(s, C_NA), col(s, C_NS),
              col(s, C_DOC));
}

/* Splits an actor code into GDELT/Phoenix parts. */
static void parts(const char *code, char c[4], char sec[4]) {
  pl_actor_parts(code, c, sec);
}

static void actor_name(json_t *j, const char *side, char *out, size_t cap) {
  json_t *a = json_object_get(j, side);
  const char *n = json_path(a ? j : NULL, side, "name");
  if (!n[0]) n = json_path(j, side, "text");
  snprintf(out, cap, "%s", n);
}

static void row_gdelt(out_t *o, sqlite3_stmt *s) {
  json_t *j = json_loads(col(s, C_JSON), 0, NULL);
  pl_buf *b = &o->line;
  const char *date = col(s, C_DATE);
  char day[9] = "", my[7] = "", yr[5] = "";
  if (strlen(date) >= 10) {
    snprintf(day, sizeof day, "%.4s%.2s%.2s", date, date + 5, date + 8);
    snprintf(my, sizeof my, "%.4s%.2s", date, date + 5);
    snprintf(yr, sizeof yr, "%.4s", date);
  }
  double frac = 0;
  if (yr[0]) {
    int y = (int)strtol(yr, NULL, 10), m = (int)strtol(date + 5, NULL, 10),
        d = (int)strtol(date + 8, NULL, 10);
    frac = y + (pl_date_days(y, m, d) - pl_date_days(y, 1, 1)) / 365.0;
  }
  pl_buf_addf(b, "%s\t%s\t%s\t%s\t%.4f", col(s, C_ID), day, my, yr, frac);
  const char *sides[2] = {"source", "target"};
  const int cols[2] = {C_SRC, C_TGT};
  for (int k = 0; k < 2; k++) {
    char c[4], sec[4], name[256];
    parts(col(s, cols[k]), c, sec);
    actor_name(j, sides[k], name, sizeof name);
    for (char *p = name; *p; p++)
      if (*p == '\t' || *p == '\n') *p = ' ';
    /* Code Name CountryCode KnownGroup Ethnic Rel1 Rel2 Type1 Type2 Type3 */
    pl_buf_addf(b, "\t%s\t%s\t%s\t\t\t\t\t%s\t\t", col(s, cols[k]), name,
                strcmp(c, "IGO") ? c : "", sec);
  }
  const char *code = col(s, C_CODE);
  char base[4] = "";
  snprintf(base, sizeof base, "%.3s", code);
  /* IsRootEvent (1: parley reports the main event of its clause) */
  pl_buf_addf(b, "\t1\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t", code, base,
              col(s, C_ROOT), col(s, C_QUAD), col(s, C_GOLD), col(s, C_NM),
              col(s, C_NS), col(s, C_NA));
  /* AvgTone unknown; Actor1Geo, Actor2Geo empty (8 each); ActionGeo */
  pl_buf_adds(b, "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t");
  json_t *pl = json_object_get(j, "place");
  if (json_is_object(pl)) {
    const char *kind = json_path(j, "place", "kind");
    int type = !strcmp(kind, "country") ? 1 : !strcmp(kind, "region") ? 2 : 4;
    pl_buf_addf(b, "\t%d\t%s\t%s\t\t\t%.4f\t%.4f\t", type,
                json_path(j, "place", "name"), json_path(j, "place", "country"),
                json_number_value(json_object_get(pl, "lat")),
                json_number_value(json_object_get(pl, "lon")));
  } else {
    pl_buf_adds(b, "\t0\t\t\t\t\t\t\t");
  }
  pl_buf_addf(b, "\t%s\t%s\n", day, col(s, C_URL));
  json_decref(j);
}

static void row_phoenix(out_t *o, sqlite3_stmt *s) {
  json_t *j = json_loads(col(s, C_JSON), 0, NULL);
  pl_buf *b = &o->line;
  const char *date = col(s, C_DATE);
  char day[9] = "";
  int y = 0, m = 0, d = 0;
  if (strlen(date) >= 10) {
    snprintf(day, sizeof day, "%.4s%.2s%.2s", date, date + 5, date + 8);
    y = (int)strtol(date, NULL, 10);
    m = (int)strtol(date + 5, NULL, 10);
    d = (int)strtol(date + 8, NULL, 10);
  }
  pl_buf_addf(b, "%s\t%s\t%d\t%d\t%d", col(s, C_ID), day, y, m, d);
  const int cols[2] = {C_SRC, C_TGT};
  for (int k = 0; k < 2; k++) {
    const char *full = col(s, cols[k]);
    char c[4], sec[4];
    parts(full, c, sec);
    const char *attr = strlen(full) > 6 ? full + 6 : "";
    pl_buf_addf(b, "\t%s\t%s\t%s\t%s", full, c, sec, attr);
  }
  const char *q = col(s, C_QUAD);
  /* PentaClass: 0 statements, 1 verbal coop, 2 material coop, 3 verbal
   * conflict, 4 material conflict. */
  int penta = !strncmp(col(s, C_CODE), "01", 2) || !strncmp(col(s, C_CODE), "02", 2)
                  ? 0 : (int)strtol(q, NULL, 10);
  pl_buf_addf(b, "\t%s\t%s\t%d\t%s\t", col(s, C_CODE), col(s, C_ROOT), penta,
              col(s, C_GOLD));
  json_t *pl = json_object_get(j, "place");
  if (json_is_object(pl))
    pl_buf_addf(b, "\t%.4f\t%.4f\t%s\t\t%s", json_number_value(json_object_get(pl, "lat")),
                json_number_value(json_object_get(pl, "lon")),
                json_path(j, "place", "name"), json_path(j, "place", "country"));
  else
    pl_buf_adds(b, "\t\t\t\t\t");
  pl_buf_addf(b, "\t%s-%s\t%s\t%s\n", col(s, C_DOC), col(s, C_SENT),
              col(s, C_URL), col(s, C_OUTLET));
  json_decref(j);
}

static void plover_actor(pl_buf *b, json_t *j, const char *side) {
  json_t *a = json_object_get(j, side);
  if (!json_is_object(a)) {
    pl_buf_adds(b, "[]");
    return;
  }
  const char *t = json_path(j, side, "text"), *c = json_path(j, side, "country"),
             *sec = json_path(j, side, "sector"), *code = json_path(j, side, "code");
  pl_buf_adds(b, "[{\"actorText\":");
  pl_buf_json_str(b, t, strlen(t));
  pl_buf_adds(b, ",\"code\":");
  pl_buf_json_str(b, c, strlen(c));
  pl_buf_adds(b, ",\"sector\":");
  pl_buf_json_str(b, sec, strlen(sec));
  pl_buf_adds(b, ",\"cameo\":");
  pl_buf_json_str(b, code, strlen(code));
  pl_buf_adds(b, "}]");
}

static void row_plover(out_t *o, sqlite3_stmt *s) {
  json_t *j = json_loads(col(s, C_JSON), 0, NULL);
  pl_buf *b = &o->line;
  const char *pv = json_path(j, "plover", NULL);
  char ev[64] = "", mode[64] = "";
  const char *colon = strchr(pv, ':');
  snprintf(ev, sizeof ev, "%.*s", colon ? (int)(colon - pv) : (int)strlen(pv), pv);
  if (colon) snprintf(mode, sizeof mode, "%s", colon + 1);
  if (!strcmp(ev, "-")) ev[0] = 0;
  pl_buf_addf(b, "{\"id\":\"parley-%s\",\"date\":", col(s, C_ID));
  pl_buf_json_str(b, col(s, C_DATE), strlen(col(s, C_DATE)));
  pl_buf_adds(b, ",\"event\":");
  pl_buf_json_str(b, ev, strlen(ev));
  pl_buf_adds(b, ",\"mode\":");
  pl_buf_json_str(b, mode, strlen(mode));
  pl_buf_adds(b, ",\"source\":");
  plover_actor(b, j, "source");
  pl_buf_adds(b, ",\"target\":");
  plover_actor(b, j, "target");
  const char *verb = json_path(j, "evidence", "verb");
  pl_buf_adds(b, ",\"eventText\":");
  pl_buf_json_str(b, verb, strlen(verb));
  /* the sentence the representative mention came from */
  sqlite3_stmt *st = o->sent;
  sqlite3_reset(st);
  sqlite3_bind_text(st, 1, col(s, C_DOC), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(st, 2, sqlite3_column_int64(s, C_SENT));
  const char *text = "";
  json_t *sj = NULL;
  if (sqlite3_step(st) == SQLITE_ROW) {
    sj = json_loads(col(st, 0), 0, NULL);
    text = sj ? json_path(sj, "text", NULL) : "";
  }
  pl_buf_adds(b, ",\"text\":");
  pl_buf_json_str(b, text, strlen(text));
  json_decref(sj);
  sqlite3_reset(st);
  json_t *pl = json_object_get(j, "place");
  if (json_is_object(pl)) {
    char *p = json_dumps(pl, JSON_COMPACT);
    pl_buf_adds(b, ",\"location\":");
    pl_buf_adds(b, p ? p : "null");
    free(p);
  }
  pl_buf_addf(b, ",\"cameo\":\"%s\",\"num_mentions\":%s,\"num_articles\":%s,"
                 "\"num_sources\":%s,\"language\":\"en\",\"coder\":\"parley "
                 PARLEY_VERSION "\"}\n",
              col(s, C_CODE), col(s, C_NM)[0] ? col(s, C_NM) : "1",
              col(s, C_NA)[0] ? col(s, C_NA) : "1",
              col(s, C_NS)[0] ? col(s, C_NS) : "1");
  json_decref(j);
}

static void header(out_t *o) {
  if (o->out == PARLEY_OUT_CSV || o->out == PARLEY_OUT_TSV) {
    char sep = o->out == PARLEY_OUT_CSV ? ',' : '\t';
    for (int i = 0; table_cols[i]; i++) {
      if (i) pl_buf_addc(&o->line, sep);
      pl_buf_adds(&o->line, table_cols[i]);
    }
    pl_buf_addc(&o->line, '\n');
    emit(o);
  } else if (o->out == PARLEY_OUT_PRETTY) {
    pl_buf_addf(&o->line, "%-8s %-10s %-6s %-12s %-12s %-14s %4s %4s %4s  %s\n",
                "id", "date", "code", "source", "target", "place", "ment",
                "art", "src", "doc");
    emit(o);
  }
}

parley_rc parley_store_query(parley_store *st, const parley_query *q,
                             parley_out out, parley_write_fn fn, void *ud,
                             size_t *nrows) {
  if (!st || !q || !fn) return PARLEY_EMISUSE;
  if (nrows) *nrows = 0;
  const char *type = q->type && q->type[0] ? q->type : "event";
  if (strcmp(type, "event") && strcmp(type, "quote") && strcmp(type, "count") &&
      strcmp(type, "sentence"))
    return PARLEY_EMISUSE;
  int merged = !q->raw && !strcmp(type, "event");
  if ((out == PARLEY_OUT_GDELT || out == PARLEY_OUT_PHOENIX ||
       out == PARLEY_OUT_PLOVER) && strcmp(type, "event"))
    return PARLEY_EMISUSE;
  qb_t b;
  memset(&b, 0, sizeof b);
  pl_buf_init(&b.sql, 0);
  if (merged) {
    pl_buf_adds(&b.sql,
                "SELECT c.cid, c.num_mentions, c.num_articles, c.num_sources,"
                " c.first_seen, r.json, c.date, r.code, r.root, r.quad,"
                " r.goldstein, r.source_code, r.target_code, c.place, r.doc,"
                " r.sent, r.type, d.url, d.source, r.rid, r.kind"
                " FROM clusters c JOIN records r ON r.rid = c.rep"
                " JOIN documents d ON d.id = r.doc"
                " WHERE c.type = 'event'");
    filters(&b, q, "c.date");
    pl_buf_adds(&b.sql, " ORDER BY c.date, c.cid");
  } else {
    pl_buf_adds(&b.sql,
                "SELECT r.cluster, (SELECT num_mentions FROM clusters WHERE"
                " cid = r.cluster), NULL, NULL, NULL, r.json, r.date, r.code,"
                " r.root, r.quad, r.goldstein, r.source_code, r.target_code,"
                " r.place, r.doc, r.sent, r.type, d.url, d.source, r.rid,"
                " r.kind FROM records r JOIN documents d ON d.id = r.doc"
                " WHERE r.type = ?");
    arg(&b, type);
    filters(&b, q, "r.date");
    pl_buf_adds(&b.sql, " ORDER BY r.date, r.rid");
  }
  if (q->limit > 0) pl_buf_addf(&b.sql, " LIMIT %ld", q->limit);
  sqlite3_stmt *s = prepare(st, &b);
  parley_rc rc = PARLEY_OK;
  out_t o;
  memset(&o, 0, sizeof o);
  o.st = st;
  o.out = out;
  o.fn = fn;
  o.ud = ud;
  pl_buf_init(&o.line, 0);
  sqlite3 *db = pl_store_db(st);
  if (!s ||
      sqlite3_prepare_v2(db,
                         "SELECT r.doc, r.sent, r.span_start, r.span_end,"
                         " r.json, d.source FROM records r JOIN documents d"
                         " ON d.id = r.doc WHERE r.cluster = ? ORDER BY r.rid",
                         -1, &o.ments, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(db,
                         "SELECT json FROM records WHERE doc = ? AND sent = ?"
                         " AND type = 'sentence' LIMIT 1",
                         -1, &o.sent, NULL) != SQLITE_OK) {
    if (s) pl_store_fail(st, "query");
    rc = PARLEY_EDB;
    goto done;
  }
  header(&o);
  int r;
  while (!o.stop && (r = sqlite3_step(s)) == SQLITE_ROW) {
    switch (out) {
    case PARLEY_OUT_JSONL: row_jsonl(&o, s, merged, q->mentions); break;
    case PARLEY_OUT_CSV: row_table(&o, s, ','); break;
    case PARLEY_OUT_TSV: row_table(&o, s, '\t'); break;
    case PARLEY_OUT_PRETTY: row_pretty(&o, s); break;
    case PARLEY_OUT_GDELT: row_gdelt(&o, s); break;
    case PARLEY_OUT_PHOENIX: row_phoenix(&o, s); break;
    case PARLEY_OUT_PLOVER: row_plover(&o, s); break;
    }
    o.rows++;
    emit(&o);
  }
  if (o.stop) rc = o.line.failed ? PARLEY_ENOMEM : PARLEY_EIO;
  else if (r != SQLITE_DONE) {
    pl_store_fail(st, "query");
    rc = PARLEY_EDB;
  }
done:
  if (nrows) *nrows = o.rows;
  sqlite3_finalize(s);
  sqlite3_finalize(o.ments);
  sqlite3_finalize(o.sent);
  pl_buf_free(&o.line);
  pl_buf_free(&b.sql);
  return rc;
}

parley_rc parley_store_stats(parley_store *st, const parley_query *filter,
                             const char *by, unsigned split, parley_out out,
                             parley_write_fn fn, void *ud) {
  if (!st || !fn || !by) return PARLEY_EMISUSE;
  const char *period;
  if (!strcmp(by, "day")) period = "c.date";
  else if (!strcmp(by, "week")) period = "date(c.date, '-6 days', 'weekday 1')";
  else if (!strcmp(by, "month")) period = "substr(c.date, 1, 7)";
  else if (!strcmp(by, "year")) period = "substr(c.date, 1, 4)";
  else return PARLEY_EMISUSE;
  parley_query none;
  memset(&none, 0, sizeof none);
  if (!filter) filter = &none;
  qb_t b;
  memset(&b, 0, sizeof b);
  pl_buf_init(&b.sql, 0);
  pl_buf_addf(&b.sql, "SELECT %s AS period", period);
  if (split & PARLEY_STATS_DYAD)
    pl_buf_adds(&b.sql, ", coalesce(c.src_key, ''), coalesce(c.tgt_key, '')");
  if (split & PARLEY_STATS_QUAD) pl_buf_adds(&b.sql, ", r.quad");
  else if (split & PARLEY_STATS_ROOT) pl_buf_adds(&b.sql, ", c.root");
  pl_buf_adds(&b.sql, ", count(*), sum(c.num_mentions), "
                      "round(sum(coalesce(r.goldstein, 0)), 2)"
                      " FROM clusters c JOIN records r ON r.rid = c.rep"
                      " WHERE c.type = 'event' AND c.date IS NOT NULL");
  filters(&b, filter, "c.date");
  pl_buf_adds(&b.sql, " GROUP BY 1");
  int ncols = 1;
  if (split & PARLEY_STATS_DYAD) {
    pl_buf_adds(&b.sql, ", 2, 3");
    ncols += 2;
  }
  if (split & (PARLEY_STATS_QUAD | PARLEY_STATS_ROOT)) {
    pl_buf_addf(&b.sql, ", %d", ncols + 1);
    ncols++;
  }
  pl_buf_adds(&b.sql, " ORDER BY 1");
  for (int i = 2; i <= ncols; i++) pl_buf_addf(&b.sql, ", %d", i);
  sqlite3_stmt *s = prepare(st, &b);
  pl_buf_free(&b.sql);
  if (!s) return PARLEY_EDB;
  pl_buf line;
  pl_buf_init(&line, 0);
  const char *names[8];
  int nn = 0;
  names[nn++] = by;
  if (split & PARLEY_STATS_DYAD) { names[nn++] = "source"; names[nn++] = "target"; }
  if (split & PARLEY_STATS_QUAD) names[nn++] = "quad";
  else if (split & PARLEY_STATS_ROOT) names[nn++] = "root";
  names[nn++] = "events";
  names[nn++] = "mentions";
  names[nn++] = "goldstein";
  char sep = out == PARLEY_OUT_CSV ? ',' : '\t';
  int jsonl = out == PARLEY_OUT_JSONL, pretty = out == PARLEY_OUT_PRETTY;
  if (!jsonl) {
    for (int i = 0; i < nn; i++) {
      if (pretty) pl_buf_addf(&line, "%-12s", names[i]);
      else {
        if (i) pl_buf_addc(&line, sep);
        pl_buf_adds(&line, names[i]);
      }
    }
    pl_buf_addc(&line, '\n');
  }
  parley_rc rc = PARLEY_OK;
  if (fn(ud, line.p, line.len)) rc = PARLEY_EIO;
  int r;
  while (!rc && (r = sqlite3_step(s)) == SQLITE_ROW) {
    pl_buf_clear(&line);
    if (jsonl) pl_buf_addc(&line, '{');
    for (int i = 0; i < nn; i++) {
      const char *v = col(s, i);
      if (jsonl) {
        pl_buf_addf(&line, "%s\"%s\":", i ? "," : "", names[i]);
        if (i >= nn - 3 || (names[i][0] == 'q' && v[0]))
          pl_buf_adds(&line, v[0] ? v : "0");
        else
          pl_buf_json_str(&line, v, strlen(v));
      } else if (pretty) {
        pl_buf_addf(&line, "%-12s", v);
      } else {
        if (i) pl_buf_addc(&line, sep);
        csv_field(&line, v, sep);
      }
    }
    pl_buf_adds(&line, jsonl ? "}\n" : "\n");
    if (line.failed || fn(ud, line.p, line.len)) rc = PARLEY_EIO;
  }
  if (!rc && r != SQLITE_DONE) {
    pl_store_fail(st, "stats");
    rc = PARLEY_EDB;
  }
  sqlite3_finalize(s);
  pl_buf_free(&line);
  return rc;
}
