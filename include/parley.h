/*
 * parley.h - the whole public API of libparley.
 *
 * parley turns news text into political event data: who did what to whom
 * (CAMEO codes), when, where, how many, who said what.
 *
 * Handles are opaque.  Ownership rules, used throughout:
 *   - every *_new / *_open has a matching *_free / *_close; passing NULL to
 *     a free/close function is a harmless no-op;
 *   - strings returned by the library are owned by the handle they came from
 *     and stay valid until the next call on that handle, unless a comment says
 *     otherwise;
 *   - strings passed in are copied; the caller keeps ownership.
 * Errors: functions return parley_rc (PARLEY_OK == 0) or a pointer that is
 * NULL on failure; parley_errmsg(ctx) then holds a one-line explanation.
 * The library never prints, exits or aborts.
 * Threads: a parley_ctx is read-only once loaded and may be shared by many
 * threads; each thread must own its own parley_doc, reader and store.
 */
#ifndef PARLEY_H
#define PARLEY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PARLEY_VERSION "0.1.0"

/* Result codes.  Never renumbered. */
typedef enum parley_rc {
  PARLEY_OK = 0,
  PARLEY_ENOMEM = 1,  /* out of memory */
  PARLEY_EIO = 2,     /* read/write failure, missing file */
  PARLEY_EDB = 3,     /* SQLite store error */
  PARLEY_ETOOBIG = 4, /* a configured limit was exceeded */
  PARLEY_EFORMAT = 5, /* malformed input record or dictionary */
  PARLEY_EMISUSE = 6, /* bad arguments or call order */
  PARLEY_EOF = 7      /* reader: no more records (not an error) */
} parley_rc;

/* Static description of a result code; never NULL, never freed. */
const char *parley_strerror(parley_rc rc);

/* ---- context: dictionaries and settings, shared read-only ---- */
typedef struct parley_ctx parley_ctx;

/* Creates a context with the built-in default dictionaries loaded.
 * Returns NULL only when out of memory.  Free with parley_ctx_free. */
parley_ctx *parley_ctx_new(void);
void parley_ctx_free(parley_ctx *ctx);

/* Flags for parley_ctx_new_opts. */
enum {
  /* Start with empty actor, agent and verb dictionaries (the lexicon, the
   * CAMEO table and the gazetteer stay): only files loaded afterwards with
   * parley_ctx_load_dict apply, as a PETRARCH validation run needs. */
  PARLEY_CTX_NO_DEFAULT_DICTS = 1,
  /* Load no dictionaries at all (only the CAMEO table): for programs that
   * only read a store (query, export, stats) and must start instantly.
   * Such a context cannot code documents (parley_doc_code: EMISUSE). */
  PARLEY_CTX_STORE_ONLY = 2
};
/* Like parley_ctx_new, with PARLEY_CTX_* flags.  NULL only on OOM. */
parley_ctx *parley_ctx_new_opts(unsigned flags);

/* Sets a PETRARCH-style coding switch (the <Config option= value=> of a
 * validation file) on a context, before coding with it:
 *   require_dyad      true/false: drop events lacking a source or target
 *   new_actor_length  0..N: an unknown noun phrase of at most N words may
 *                     stand as an actor, coded by its text (0 = never)
 *   comma_min, comma_max    length limits (words) of comma-delimited
 *   comma_bmin, comma_bmax  clauses skipped by the coder: anywhere, at the
 *   comma_emin, comma_emax  beginning, at the end of a sentence (max 0 =
 *                           never skip)
 * Values: "true"/"false" in any case, or a decimal integer 0..1000.
 * Unknown names and bad values give PARLEY_EMISUSE with parley_errmsg. */
parley_rc parley_ctx_set_option(parley_ctx *ctx, const char *name,
                                const char *value);

/* Last error detail for this context (static or ctx-owned text). */
const char *parley_errmsg(const parley_ctx *ctx);

/* Limits.  Text beyond max_doc_bytes is not coded (PARLEY_ETOOBIG is
 * reported by parley_doc_code, the head of the article is still coded). */
typedef struct parley_limits {
  size_t max_doc_bytes;      /* bytes per article (default 4 MiB) */
  size_t max_sent_tokens;    /* tokens per sentence before a forced cut */
} parley_limits;
void parley_ctx_get_limits(const parley_ctx *ctx, parley_limits *out);
parley_rc parley_ctx_set_limits(parley_ctx *ctx, const parley_limits *lim);

/* Dictionary kinds for parley_ctx_load_dict. */
typedef enum parley_dict_kind {
  PARLEY_DICT_AUTO = 0,   /* guess from the file name and content */
  PARLEY_DICT_ACTORS,     /* parley native or PETRARCH/TABARI actors */
  PARLEY_DICT_AGENTS,     /* PETRARCH agents file */
  PARLEY_DICT_VERBS,      /* parley native or PETRARCH verbs */
  PARLEY_DICT_DISCARDS    /* PETRARCH discard file */
} parley_dict_kind;

/* Layers a user dictionary file on top of the built-in one.  Lines that
 * cannot be read are counted and described in *warnings (may be NULL): a
 * newline-separated "file:line: reason" text owned by ctx.  Returns EIO
 * when the file cannot be read, EFORMAT when nothing could be loaded. */
parley_rc parley_ctx_load_dict(parley_ctx *ctx, const char *path,
                               parley_dict_kind kind, size_t *nentries,
                               size_t *nwarnings);
/* Text of the warnings of the last load (owned by ctx, "" if none). */
const char *parley_ctx_warnings(const parley_ctx *ctx);
/* Statistics of the loaded actor dictionary, a JSON object {"entries",
 * "countries","actors","persons","agents","discards","phrases","words",
 * "dated_codes","fuzzy_keys","bytes"}.  Owned by ctx, valid until the
 * next call on ctx. NULL when out of memory. */
const char *parley_ctx_dict_stats(parley_ctx *ctx);

/* ---- articles ---- */
typedef struct parley_article {
  const char *id;       /* document id (required, non-empty) */
  const char *date;     /* "YYYY-MM-DD" or "YYYYMMDD"; NULL = unknown */
  const char *source;   /* outlet name, may be NULL */
  const char *url;      /* may be NULL */
  const char *title;    /* may be NULL */
  const char *text;     /* article bytes, any encoding damage allowed */
  size_t text_len;
} parley_article;

/* ---- readers: stream articles from a file ---- */
typedef enum parley_input {
  PARLEY_INPUT_AUTO = 0, /* by extension: .jsonl/.ndjson, .xml, else text */
  PARLEY_INPUT_TEXT,     /* whole file is one article */
  PARLEY_INPUT_JSONL,    /* one JSON object per line */
  PARLEY_INPUT_XML       /* PETRARCH <Sentence> records */
} parley_input;

typedef struct parley_reader parley_reader;

/* Opens a reader on fp (not closed by the reader; the caller keeps it).
 * name is used in messages and as default id for text input.  defaults
 * supplies date/source/id for text input (fields may be NULL). */
parley_reader *parley_reader_new(parley_ctx *ctx, FILE *fp, const char *name,
                                 parley_input kind,
                                 const parley_article *defaults);
/* Reads the next article into *out (strings owned by the reader, valid
 * until the next call).  Returns PARLEY_OK, PARLEY_EOF at the end, or an
 * error for this record only (EFORMAT: message in parley_reader_errmsg;
 * the caller may call again to continue with the next record); EIO is
 * final. */
parley_rc parley_reader_next(parley_reader *r, parley_article *out);
const char *parley_reader_errmsg(const parley_reader *r);
/* Line (JSONL/XML) of the record last returned, 1-based. */
size_t parley_reader_line(const parley_reader *r);
/* Where the record last returned came from, for messages: "NAME:LINE" for
 * JSON Lines and XML, "NAME" for text.  Owned by the reader, valid until
 * the next call on it. */
const char *parley_reader_where(const parley_reader *r);
/* Bytes of invalid UTF-8 and other oddities are not errors; see docs. */
void parley_reader_free(parley_reader *r);

/* ---- documents: one coded article ---- */
typedef struct parley_doc parley_doc;

parley_doc *parley_doc_new(parley_ctx *ctx);
void parley_doc_free(parley_doc *doc);

/* Codes one article: copies it, runs every stage.  Any bytes are a valid
 * article.  Returns OK, ENOMEM, ETOOBIG (article cut at the limit, the
 * head was coded), EMISUSE (NULL or missing id), EFORMAT (bad date). */
parley_rc parley_doc_code(parley_doc *doc, const parley_article *a);
/* Same, but stop after the named stage ("token", "actors", ...). */
parley_rc parley_doc_code_until(parley_doc *doc, const parley_article *a,
                                const char *stage);
/* Gives the next parley_doc_code / _until on doc (only that one) a Penn
 * Treebank parse of the article's text, as in PETRARCH's <Parse>: its
 * part-of-speech tags replace parley's own for the words they align with
 * (up to the first disagreement) and its phrase structure corrects the
 * syntax stage's noun-phrase lists, subjects and clause openers; a tree
 * whose brackets do not balance is ignored.  `parley validate --use-parse`
 * uses it to tell tagging and chunking errors from coder errors.  parse
 * is copied; NULL clears.  ENOMEM or OK. */
parley_rc parley_doc_set_parse(parley_doc *doc, const char *parse);
/* Message for the last failure of this doc. */
const char *parley_doc_errmsg(const parley_doc *doc);

/* Counters from the last parley_doc_code. */
typedef struct parley_doc_stats {
  size_t bytes, sentences, tokens, events, quotes, counts, mentions;
  size_t bad_utf8;          /* invalid bytes replaced by U+FFFD */
} parley_doc_stats;
void parley_doc_get_stats(const parley_doc *doc, parley_doc_stats *out);

/* Output formats for parley_doc_write. */
typedef enum parley_format {
  PARLEY_FMT_JSONL = 0,  /* one JSON object per record and line */
  PARLEY_FMT_TSV,        /* one line per event, tab separated */
  PARLEY_FMT_PRETTY,     /* readable table for people */
  PARLEY_FMT_DUMP        /* stage dump (line-oriented, for golden tests) */
} parley_format;

/* Which record types are written. */
enum {
  PARLEY_REC_SENTENCE = 1, PARLEY_REC_EVENT = 2, PARLEY_REC_QUOTE = 4,
  PARLEY_REC_COUNT = 8, PARLEY_REC_ALL = 15
};

/* Renders the coded document.  Returns a NUL-terminated text owned by doc,
 * valid until the next call on doc; *len gets its length. */
const char *parley_doc_render(parley_doc *doc, parley_format fmt,
                              unsigned records, size_t *len);

/* Stage names in pipeline order, NULL-terminated (static). */
const char *const *parley_stage_names(void);

/* ---- one actor phrase ---- */
/* Resolves a phrase to a JSON object {"text","code","country","sector",
 * "name","how"}.  date may be NULL.  Returned text owned by ctx, valid
 * until the next call on ctx from this thread. NULL on error. */
const char *parley_actor_json(parley_ctx *ctx, const char *text,
                              const char *date);

/* ---- the SQLite store ---- */
typedef struct parley_store parley_store;

/* Opens or creates the store (schema in docs/FORMATS.md). NULL on error,
 * see parley_errmsg(ctx). */
parley_store *parley_store_open(parley_ctx *ctx, const char *path);
void parley_store_close(parley_store *st);
/* Writes one coded document and all its records, replacing any earlier
 * version of the same id, in the current batch transaction.  *skipped is
 * set to 1 when the same id with identical content was already stored and
 * recode is 0. */
parley_rc parley_store_put(parley_store *st, parley_doc *doc, int recode,
                           int *skipped);
/* Commits the current batch (also done every N docs and at close). */
parley_rc parley_store_commit(parley_store *st);
const char *parley_store_errmsg(const parley_store *st);

/* ---- reading the store: query, export, statistics (src/query.c) ---- */

/* Filters; NULL / 0 fields do not filter.  Code filters are prefixes
 * ("USA" matches USA, USAGOV...).  Dates are "YYYY-MM-DD", inclusive. */
typedef struct parley_query {
  const char *type;     /* "event" (default), "quote", "count", "sentence" */
  const char *actor;    /* source or target code prefix */
  const char *source;   /* source (quote: speaker) code prefix */
  const char *target;   /* target code prefix */
  const char *code;     /* CAMEO code prefix ("04", "0871") */
  const char *root;     /* CAMEO root ("19") */
  int quad;             /* QuadClass 1..4, 0 = any */
  const char *since, *until;
  const char *place;    /* place name (exact, case-insensitive) */
  const char *doc;      /* document id */
  int mentions;         /* list every mention of a merged event */
  int raw;              /* one row per mention instead of merged events */
  long limit;           /* 0 = no limit */
} parley_query;

/* Output forms of query/export/stats. */
typedef enum parley_out {
  PARLEY_OUT_JSONL = 0, PARLEY_OUT_CSV, PARLEY_OUT_TSV, PARLEY_OUT_PRETTY,
  PARLEY_OUT_GDELT,     /* GDELT 2.0 event table, 61 tab-separated columns */
  PARLEY_OUT_PHOENIX,   /* Phoenix 26-column TSV */
  PARLEY_OUT_PLOVER     /* PLOVER JSON records, one per line */
} parley_out;

/* Receives output text (one or more whole lines).  Returns 0 to go on,
 * non-zero to stop (the query then returns PARLEY_EIO). */
typedef int (*parley_write_fn)(void *ud, const char *text, size_t len);

/* Streams the records matching q in the form out.  Merged events carry
 * "id", "num_mentions", "num_articles", "num_sources", "first_seen" (and
 * "mentions" with q->mentions).  *nrows (may be NULL) gets the row count. */
parley_rc parley_store_query(parley_store *st, const parley_query *q,
                             parley_out out, parley_write_fn fn, void *ud,
                             size_t *nrows);

/* Event counts per period ("day", "week", "month"), optionally split by
 * dyad (source/target keys) and by QuadClass or CAMEO root, with the sum of
 * Goldstein values; out is PARLEY_OUT_PRETTY, _CSV, _TSV or _JSONL. */
enum { PARLEY_STATS_DYAD = 1, PARLEY_STATS_QUAD = 2, PARLEY_STATS_ROOT = 4 };
parley_rc parley_store_stats(parley_store *st, const parley_query *filter,
                             const char *by, unsigned split, parley_out out,
                             parley_write_fn fn, void *ud);

#ifdef __cplusplus
}
#endif
#endif /* PARLEY_H */
