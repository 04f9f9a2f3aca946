/*
 * cmd_code.c - `parley code`: read articles, code them, write records.
 */
#include "cli.h"
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char help[] =
    "usage: parley code [OPTIONS] [FILE...]\n"
    "\n"
    "Codes news articles into event records.  With no FILE (or FILE '-')\n"
    "reads stdin.  The input kind comes from --input or the extension:\n"
    ".jsonl/.ndjson = JSON Lines, .xml = PETRARCH XML, else plain text\n"
    "(one article per file).\n"
    "\n"
    "options:\n"
    "  --date YYYY-MM-DD   article date for text input (default: unknown)\n"
    "  --source NAME       outlet name for text input\n"
    "  --id ID             document id for text input (default: file name)\n"
    "  --input KIND        text | jsonl | xml\n"
    "  --format FMT        jsonl (default) | tsv | pretty | dump\n"
    "  --records LIST      record types: sentence,event,quote,count (default all)\n"
    "  --stop-after STAGE  stop after a pipeline stage (use with --format dump)\n"
    "  --db FILE           also write documents and records to a SQLite store\n"
    "  --recode            with --db: recode documents already stored unchanged\n"
    "  --dict FILE         layer a dictionary on the built-in one (repeatable)\n"
    "  --max-bytes N       largest article coded (default 4194304)\n"
    "  -j N, --jobs N      code on N threads (output order and bytes as -j 1)\n"
    "  --quiet, -q         no progress, summary or warnings on stderr (records\n"
    "                      that are skipped are still reported)\n"
    "  --stats             print throughput and peak memory on stderr at the end\n"
    "  --no-output         code but write no records (for benchmarks)\n"
    "\n"
    "examples:\n"
    "  parley code story.txt --date 2024-10-24 --source AP\n"
    "  parley code feed.jsonl --db parley.db\n"
    "  cat feed.jsonl | parley code --input jsonl | jq 'select(.type==\"event\")'\n"
    "  parley code story.txt --format pretty\n"
    "  parley code --input jsonl < feed.txt > records.jsonl\n"
    "\n"
    "Progress (articles, sentences, records, rate) is shown on stderr when\n"
    "it is a terminal.  A bad record (malformed JSON line, bad date...) is\n"
    "reported as FILE:LINE: reason; skipped records do not stop the run.\n"
    "\n"
    "exit status: 0 input coded (some records may have been skipped),\n"
    "             1 nothing could be coded or the store failed,\n"
    "             2 bad command line.\n";

typedef struct {
  parley_article defaults;
  parley_input input;
  parley_format fmt;
  unsigned records;
  const char *stop;
  const char *db;
  int recode, quiet, progress;
  int jobs;             /* -j N: coding threads */
  int stats, discard;   /* --stats summary; --no-output (benchmarks) */
  size_t bytes_in, events, out_bytes;
  size_t docs, failed, skipped, stored, sents, recs;
  double t0;
  FILE *out;
} opts_t;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void progress(opts_t *o, int final) {
  if (!o->progress) return;
  double dt = now() - o->t0;
  fprintf(stderr, "\r%zu articles, %zu sentences, %zu records, %.0f sent/s%s",
          o->docs, o->sents, o->recs, dt > 0 ? o->sents / dt : 0.0,
          final ? "\n" : "");
}

/* --stats: one summary block on stderr (parley bench prints it too). */
static void print_stats(const opts_t *o) {
  double dt = now() - o->t0;
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  if (dt <= 0) dt = 1e-9;
  fprintf(stderr,
          "articles     %zu (%.0f/s)\n"
          "sentences    %zu (%.0f/s)\n"
          "events       %zu (%.0f/s)\n"
          "records      %zu\n"
          "input        %.1f MB (%.1f MB/s)\n"
          "output       %.1f MB\n"
          "threads      %d\n"
          "seconds      %.3f\n"
          "peak RSS     %.1f MB\n",
          o->docs, o->docs / dt, o->sents, o->sents / dt, o->events,
          o->events / dt, o->recs, o->bytes_in / 1e6, o->bytes_in / 1e6 / dt,
          o->out_bytes / 1e6, o->jobs, dt, ru.ru_maxrss / 1024.0);
}

static unsigned parse_records(const char *s) {
  unsigned r = 0;
  char buf[128];
  snprintf(buf, sizeof buf, "%s", s);
  for (char *p = buf, *tok; (tok = p) != NULL;) {
    char *c = strchr(p, ',');
    if (c) { *c = 0; p = c + 1; } else p = NULL;
    if (!strcmp(tok, "sentence") || !strcmp(tok, "sentences")) r |= PARLEY_REC_SENTENCE;
    else if (!strcmp(tok, "event") || !strcmp(tok, "events")) r |= PARLEY_REC_EVENT;
    else if (!strcmp(tok, "quote") || !strcmp(tok, "quotes")) r |= PARLEY_REC_QUOTE;
    else if (!strcmp(tok, "count") || !strcmp(tok, "counts")) r |= PARLEY_REC_COUNT;
    else if (!strcmp(tok, "all")) r |= PARLEY_REC_ALL;
    else return 0;
  }
  return r;
}

/* One article in flight: an owned copy of the input, the result (output
 * bytes, counters, message) and, for -j 1 and --db, its own document.
 * Slots are coded in parallel (-j N) and finished (written, stored) in
 * input order, so output bytes equal -j 1. */
typedef struct {
  char *buf;            /* owned copy of all article fields */
  size_t cap;
  parley_article a;
  parley_doc *doc;      /* the slot's document (-j 1, --db: the store reads
                           it when the slot is finished) */
  parley_rc rc;
  const char *out;      /* rendered output (in doc or in obuf) */
  size_t out_len;
  char *obuf;           /* output copied out of a coding thread's document */
  size_t ocap;
  parley_doc_stats ds;  /* counters of the coded document */
  char err[512];        /* parley_doc_errmsg when rc != 0 */
  char where[320];      /* "FILE:LINE" of the record, for messages */
} slot_t;

typedef struct {
  slot_t *slots;
  size_t n;             /* slots filled in this batch */
  size_t next;          /* next slot to code (atomic) */
  opts_t *o;
} batch_t;

/* Copies the reader's article into the slot (the reader reuses its
 * buffers on the next call). */
static int slot_fill(slot_t *s, const parley_article *a) {
  const char *f[5] = {a->id, a->date, a->source, a->url, a->title};
  size_t need = a->text_len + 1;
  for (int i = 0; i < 5; i++) need += f[i] ? strlen(f[i]) + 1 : 0;
  if (need > s->cap) {
    char *nb = realloc(s->buf, need);
    if (!nb) return -1;
    s->buf = nb;
    s->cap = need;
  }
  char *p = s->buf;
  const char **dst[5] = {&s->a.id, &s->a.date, &s->a.source, &s->a.url,
                         &s->a.title};
  for (int i = 0; i < 5; i++) {
    if (!f[i]) { *dst[i] = NULL; continue; }
    size_t l = strlen(f[i]) + 1;
    memcpy(p, f[i], l);
    *dst[i] = p;
    p += l;
  }
  if (a->text_len) memcpy(p, a->text, a->text_len);
  p[a->text_len] = 0;
  s->a.text = p;
  s->a.text_len = a->text_len;
  return 0;
}

/* Codes slot s on document doc (the slot's own or the coding thread's)
 * and keeps what slot_finish needs: output, counters, message.  Output
 * rendered on a thread's document is copied into the slot (the thread
 * reuses its document for the next slot); with --no-output only its
 * length is kept. */
static void slot_code(slot_t *s, parley_doc *doc, const opts_t *o) {
  s->rc = parley_doc_code_until(doc, &s->a, o->stop);
  s->out = NULL;
  s->out_len = 0;
  parley_doc_get_stats(doc, &s->ds);
  s->err[0] = 0;
  if (s->rc) snprintf(s->err, sizeof s->err, "%s", parley_doc_errmsg(doc));
  if (s->rc == PARLEY_ENOMEM || s->rc == PARLEY_EMISUSE) return;
  size_t len = 0;
  const char *out = parley_doc_render(doc, o->fmt, o->records, &len);
  if (!out || doc == s->doc || o->discard) {
    s->out = out;
    s->out_len = len;
    return;
  }
  if (len + 1 > s->ocap) {
    size_t nc = s->ocap ? s->ocap : 4096;
    while (nc < len + 1) nc *= 2;
    char *nb = realloc(s->obuf, nc);
    if (!nb) return; /* reported as out of memory rendering output */
    s->obuf = nb;
    s->ocap = nc;
  }
  memcpy(s->obuf, out, len);
  s->obuf[len] = 0;
  s->out = s->obuf;
  s->out_len = len;
}

static void *worker(void *arg) {
  batch_t *b = arg;
  for (;;) {
    size_t i = __atomic_fetch_add(&b->next, 1, __ATOMIC_RELAXED);
    if (i >= b->n) break;
    slot_code(&b->slots[i], b->slots[i].doc, b->o);
  }
  return NULL;
}

/* Codes the filled slots: inline for -j 1, else on o->jobs threads. */
static void batch_code(batch_t *b) {
  b->next = 0;
  int nt = b->o->jobs;
  if (nt <= 1 || b->n <= 1) {
    worker(b);
    return;
  }
  pthread_t th[64];
  int started = 0;
  for (int t = 0; t < nt - 1 && t < 64; t++)
    if (pthread_create(&th[started], NULL, worker, b) == 0) started++;
  worker(b); /* the calling thread works too */
  for (int t = 0; t < started; t++) pthread_join(th[t], NULL);
}

/* Bytes of input or output a slot keeps allocated between articles. */
#define SLOT_KEEP ((size_t)1 << 20)

/* Writes and stores one coded slot.  Returns -1 on a fatal error. */
static int slot_finish(slot_t *s, parley_store *st, const char *name,
                       opts_t *o) {
  (void)name;
  if (s->rc == PARLEY_ENOMEM || s->rc == PARLEY_EMISUSE) {
    cli_err("%s: %s", s->where, s->err);
    o->failed++;
    return 0;
  }
  if (s->rc && !o->quiet) /* ETOOBIG / EFORMAT: reported, still coded */
    cli_err("%s: %s: %s (coded anyway)", s->where, s->a.id, s->err);
  if (!s->out) {
    cli_err("%s: %s: out of memory rendering output", s->where, s->a.id);
    o->failed++;
    return 0;
  }
  o->out_bytes += s->out_len;
  if (o->discard) s->out_len = 0;
  if (s->out_len && fwrite(s->out, 1, s->out_len, o->out) != s->out_len) {
    cli_err("writing output: %s", strerror(errno));
    return -1;
  }
  o->docs++;
  o->sents += s->ds.sentences;
  o->recs += s->ds.events + s->ds.quotes + s->ds.counts;
  o->events += s->ds.events;
  o->bytes_in += s->ds.bytes;
  if (st) {
    int skipped = 0;
    if (parley_store_put(st, s->doc, o->recode, &skipped)) {
      cli_err("%s: %s: store: %s", s->where, s->a.id,
              parley_store_errmsg(st));
      return -1;
    }
    if (skipped) o->skipped++;
    else o->stored++;
  }
  if (o->progress && o->docs % 256 == 0) progress(o, 0);
  /* a very long article leaves no large buffer behind in its slot (the
   * ring has many) */
  if (s->ocap > SLOT_KEEP) {
    free(s->obuf);
    s->obuf = NULL;
    s->ocap = 0;
  }
  if (s->cap > SLOT_KEEP) { /* the article's fields: not used after this */
    free(s->buf);
    s->buf = NULL;
    s->cap = 0;
  }
  return 0;
}

/* -j N > 1: a pipeline over a ring of slots.  This (main) thread reads
 * and parses articles into free slots and finishes (writes, stores) coded
 * slots in input order; N - 1 worker threads code the filled slots as
 * they come, and this thread codes one too whenever the ring is full
 * (N coders in all, no more threads than cores for -j <cores>).  Reading,
 * JSON parsing and output so overlap with coding, and no thread is
 * started per batch.  Slot i of the stream lives in ring[i % n];
 * [finished, filled) are in flight, [taken, filled) wait for a coder.
 *
 * Why it is shaped so (-j 2 on two cores must stay near 2x):
 * - the main thread finishes coded slots and refills the ring BEFORE it
 *   codes one itself, so the ring stays full and a worker never runs
 *   dry and sleeps (a sleep and wake-up costs far more than the
 *   bookkeeping; on a VM a woken vCPU may first have to be scheduled);
 * - each coding thread codes on its own document, whose arena (a few
 *   hundred KB touched per article) stays in that core's cache instead
 *   of every slot's document visiting both cores; the rendered output
 *   (tens of KB) is copied into the slot.  With --db the store needs the
 *   document when the slot is finished, so slots keep their own. */
typedef struct {
  slot_t *ring;
  size_t n;
  size_t filled, taken;  /* guarded by mu */
  unsigned char *done;   /* per ring slot, guarded by mu */
  int eof;
  int slot_docs;         /* code on the slots' documents (--db) */
  parley_ctx *ctx;
  pthread_mutex_t mu;
  pthread_cond_t work, fin;
  const opts_t *o;
} pipe_t;

/* The document slot i is coded on by a thread whose own is mine. */
static parley_doc *pipe_doc(pipe_t *pp, size_t i, parley_doc *mine) {
  return pp->slot_docs ? pp->ring[i].doc : mine;
}

static void *pipe_worker(void *arg) {
  pipe_t *pp = arg;
  /* made on this thread: glibc gives the thread its own malloc arena */
  parley_doc *mine = pp->slot_docs ? NULL : parley_doc_new(pp->ctx);
  if (!mine && !pp->slot_docs) return NULL; /* the main thread codes */
  pthread_mutex_lock(&pp->mu);
  for (;;) {
    while (pp->taken == pp->filled && !pp->eof)
      pthread_cond_wait(&pp->work, &pp->mu);
    if (pp->taken == pp->filled) break; /* eof and nothing queued */
    size_t i = pp->taken++ % pp->n;
    pthread_mutex_unlock(&pp->mu);
    slot_code(&pp->ring[i], pipe_doc(pp, i, mine), pp->o);
    pthread_mutex_lock(&pp->mu);
    pp->done[i] = 1;
    pthread_cond_signal(&pp->fin);
  }
  pthread_mutex_unlock(&pp->mu);
  parley_doc_free(mine);
  return NULL;
}

/* Codes one waiting slot on this (main) thread, if any. */
static int pipe_help(pipe_t *pp, parley_doc *mine) {
  pthread_mutex_lock(&pp->mu);
  if (pp->taken == pp->filled) {
    pthread_mutex_unlock(&pp->mu);
    return 0;
  }
  size_t i = pp->taken++ % pp->n;
  pthread_mutex_unlock(&pp->mu);
  slot_code(&pp->ring[i], pipe_doc(pp, i, mine), pp->o);
  pthread_mutex_lock(&pp->mu);
  pp->done[i] = 1;
  pthread_mutex_unlock(&pp->mu);
  return 1;
}

/* Waits (block = 1) or checks (block = 0) for ring slot i to be coded. */
static int pipe_ready(pipe_t *pp, size_t i, int block) {
  pthread_mutex_lock(&pp->mu);
  while (block && !pp->done[i]) pthread_cond_wait(&pp->fin, &pp->mu);
  int d = pp->done[i];
  pp->done[i] = 0;
  pthread_mutex_unlock(&pp->mu);
  return d;
}

/* Text bytes in flight at most (unless one article alone is longer). */
#define PIPE_BYTES ((size_t)16 << 20)

static int code_input_pipe(parley_ctx *ctx, parley_reader *r, batch_t *b,
                           size_t nslots, parley_store *st, const char *name,
                           opts_t *o) {
  pipe_t pp;
  memset(&pp, 0, sizeof pp);
  pp.ring = b->slots;
  pp.n = nslots;
  pp.o = o;
  pp.ctx = ctx;
  pp.slot_docs = st != NULL;
  pp.done = calloc(nslots, 1);
  parley_doc *mine = pp.slot_docs ? NULL : parley_doc_new(ctx);
  if (!pp.done || (!mine && !pp.slot_docs)) {
    free(pp.done);
    cli_err("out of memory");
    return -1;
  }
  pthread_mutex_init(&pp.mu, NULL);
  pthread_cond_init(&pp.work, NULL);
  pthread_cond_init(&pp.fin, NULL);
  pthread_t th[64];
  int started = 0;
  /* N - 1 workers: this thread codes too whenever the ring is full */
  for (int t = 0; t < o->jobs - 1 && t < 64; t++)
    if (pthread_create(&th[started], NULL, pipe_worker, &pp) == 0) started++;
  size_t finished = 0, filled = 0;
  size_t inflight = 0; /* text bytes in [finished, filled) */
  int ret = 0, eof = 0;
  parley_article a;
  for (;;) {
    /* 1. finish what is coded at the head of the queue, in order */
    while (!ret && finished < filled &&
           pipe_ready(&pp, finished % nslots, 0)) {
      inflight -= b->slots[finished % nslots].a.text_len;
      ret = slot_finish(&b->slots[finished++ % nslots], st, name, o);
    }
    if (ret) break;
    /* 2. refill the ring: the workers always find work queued (the ring
     * counts as full at PIPE_BYTES of text too: a run of very long
     * articles must not hold dozens of them and their output at once) */
    if (!eof && filled - finished < nslots &&
        (inflight < PIPE_BYTES || filled == finished)) {
      parley_rc rc = parley_reader_next(r, &a);
      if (rc == PARLEY_EOF) {
        eof = 1;
        continue;
      }
      if (rc) {
        cli_err("%s", parley_reader_errmsg(r));
        o->failed++;
        if (rc == PARLEY_EIO || rc == PARLEY_ENOMEM) eof = 1;
        continue;
      }
      slot_t *s = &b->slots[filled % nslots];
      if (slot_fill(s, &a)) {
        cli_err("%s: out of memory", parley_reader_where(r));
        o->failed++;
        continue;
      }
      snprintf(s->where, sizeof s->where, "%s", parley_reader_where(r));
      filled++;
      inflight += s->a.text_len;
      pthread_mutex_lock(&pp.mu);
      pp.filled = filled;
      pthread_cond_signal(&pp.work);
      pthread_mutex_unlock(&pp.mu);
      if (!started) pipe_help(&pp, mine); /* no thread could start */
      continue;
    }
    if (finished == filled) break; /* end of input, all written */
    /* 3. the ring is full (or the input ended): code a waiting slot
     * here, or wait for the head one */
    if (pipe_help(&pp, mine)) continue;
    pipe_ready(&pp, finished % nslots, 1);
    inflight -= b->slots[finished % nslots].a.text_len;
    ret = slot_finish(&b->slots[finished++ % nslots], st, name, o);
  }
  pthread_mutex_lock(&pp.mu);
  pp.eof = 1;
  pthread_cond_broadcast(&pp.work);
  pthread_mutex_unlock(&pp.mu);
  /* after a fatal error: drop the slots no one has taken, wait for the
   * ones being coded, write nothing */
  pthread_mutex_lock(&pp.mu);
  filled = pp.filled = pp.taken;
  pthread_mutex_unlock(&pp.mu);
  for (; finished < filled; finished++)
    pipe_ready(&pp, finished % nslots, 1);
  for (int t = 0; t < started; t++) pthread_join(th[t], NULL);
  pthread_cond_destroy(&pp.fin);
  pthread_cond_destroy(&pp.work);
  pthread_mutex_destroy(&pp.mu);
  parley_doc_free(mine);
  free(pp.done);
  return ret;
}

/* Codes every article of one input.  Returns -1 on a fatal error. */
static int code_input(parley_ctx *ctx, batch_t *b, size_t nslots,
                      parley_store *st, FILE *fp, const char *name,
                      opts_t *o) {
  parley_reader *r = parley_reader_new(ctx, fp, name, o->input, &o->defaults);
  if (!r) {
    cli_err("%s: out of memory", name);
    return -1;
  }
  if (o->jobs > 1 && nslots > 1) {
    int ret = code_input_pipe(ctx, r, b, nslots, st, name, o);
    parley_reader_free(r);
    return ret;
  }
  parley_article a;
  parley_rc rc = PARLEY_OK;
  int ret = 0, eof = 0;
  while (!eof && !ret) {
    b->n = 0;
    while (b->n < nslots) {
      rc = parley_reader_next(r, &a);
      if (rc == PARLEY_EOF) { eof = 1; break; }
      if (rc) {
        /* a skipped record is an error, shown even with --quiet */
        cli_err("%s", parley_reader_errmsg(r));
        o->failed++;
        if (rc == PARLEY_EIO || rc == PARLEY_ENOMEM) { eof = 1; break; }
        continue;
      }
      if (slot_fill(&b->slots[b->n], &a)) {
        cli_err("%s: out of memory", parley_reader_where(r));
        o->failed++;
        continue;
      }
      snprintf(b->slots[b->n].where, sizeof b->slots[b->n].where, "%s",
               parley_reader_where(r));
      b->n++;
    }
    batch_code(b);
    for (size_t i = 0; i < b->n && !ret; i++)
      ret = slot_finish(&b->slots[i], st, name, o);
  }
  parley_reader_free(r);
  return ret;
}

int cli_cmd_code(int argc, char **argv) {
  opts_t o;
  memset(&o, 0, sizeof o);
  o.fmt = PARLEY_FMT_JSONL;
  o.records = PARLEY_REC_ALL;
  o.jobs = 1;
  o.out = stdout;
  const char **files = calloc((size_t)argc + 1, sizeof *files);
  const char **dicts = calloc((size_t)argc + 1, sizeof *dicts);
  int nfiles = 0, ndicts = 0;
  const char *v, *maxb = NULL;
  if (!files || !dicts) return CLI_FAIL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      fputs(help, stdout);
      free(files); free(dicts);
      return CLI_OK;
    } else if (cli_opt(argc, argv, &i, "--date", &v)) o.defaults.date = v;
    else if (cli_opt(argc, argv, &i, "--source", &v)) o.defaults.source = v;
    else if (cli_opt(argc, argv, &i, "--id", &v)) o.defaults.id = v;
    else if (cli_opt(argc, argv, &i, "--db", &v)) o.db = v;
    else if (cli_opt(argc, argv, &i, "--dict", &v)) dicts[ndicts++] = v;
    else if (cli_opt(argc, argv, &i, "--stop-after", &v)) o.stop = v;
    else if (cli_opt(argc, argv, &i, "--max-bytes", &v)) maxb = v;
    else if (cli_opt(argc, argv, &i, "-j", &v) ||
             cli_opt(argc, argv, &i, "--jobs", &v)) {
      char *end;
      long j = strtol(v, &end, 10);
      if (*end || j < 1 || j > 64) {
        cli_err("-j: want a number of threads from 1 to 64, not '%s'", v);
        goto usage;
      }
      o.jobs = (int)j;
    }
    else if (cli_opt(argc, argv, &i, "--records", &v)) {
      o.records = parse_records(v);
      if (!o.records) {
        cli_err("--records: use a list of sentence,event,quote,count");
        goto usage;
      }
    } else if (cli_opt(argc, argv, &i, "--input", &v)) {
      if (!strcmp(v, "text")) o.input = PARLEY_INPUT_TEXT;
      else if (!strcmp(v, "jsonl")) o.input = PARLEY_INPUT_JSONL;
      else if (!strcmp(v, "xml")) o.input = PARLEY_INPUT_XML;
      else {
        cli_err("--input: unknown kind '%s' (text, jsonl, xml)", v);
        goto usage;
      }
    } else if (cli_opt(argc, argv, &i, "--format", &v)) {
      if (!strcmp(v, "jsonl") || !strcmp(v, "json")) o.fmt = PARLEY_FMT_JSONL;
      else if (!strcmp(v, "tsv")) o.fmt = PARLEY_FMT_TSV;
      else if (!strcmp(v, "pretty")) o.fmt = PARLEY_FMT_PRETTY;
      else if (!strcmp(v, "dump")) o.fmt = PARLEY_FMT_DUMP;
      else {
        cli_err("--format: unknown format '%s' (jsonl, tsv, pretty, dump)", v);
        goto usage;
      }
    } else if (!strcmp(a, "--recode")) o.recode = 1;
    else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) o.quiet = 1;
    else if (!strcmp(a, "--stats")) o.stats = 1;
    else if (!strcmp(a, "--no-output")) o.discard = 1;
    else if (a[0] == '-' && a[1]) {
      cli_err("code: unknown option %s (see parley code --help)", a);
      goto usage;
    } else files[nfiles++] = a;
  }
  if (o.stop) {
    int ok = 0;
    for (const char *const *s = parley_stage_names(); *s; s++)
      ok |= !strcmp(*s, o.stop);
    if (!ok) {
      cli_err("--stop-after: unknown stage '%s'", o.stop);
      goto usage;
    }
  }
  if (o.defaults.date && o.defaults.date[0]) {
    /* validate early: a bad --date is a usage error */
    int y, m, d;
    char extra;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (sscanf(o.defaults.date, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 ||
        m < 1 || m > 12 || d < 1 || d > mdays[m - 1] ||
        (m == 2 && d == 29 && (y % 4 || (y % 100 == 0 && y % 400)))) {
      cli_err("--date: '%s' is not a date (YYYY-MM-DD)", o.defaults.date);
      goto usage;
    }
  }
  parley_ctx *ctx = parley_ctx_new();
  if (!ctx) {
    cli_err("cannot load the built-in dictionaries (out of memory?)");
    free(files);
    free(dicts);
    return CLI_FAIL;
  }
  if (maxb) {
    parley_limits lim;
    parley_ctx_get_limits(ctx, &lim);
    char *end;
    lim.max_doc_bytes = strtoull(maxb, &end, 10);
    if (*end || parley_ctx_set_limits(ctx, &lim)) {
      cli_err("--max-bytes: %s", parley_errmsg(ctx));
      parley_ctx_free(ctx);
      goto usage;
    }
  }
  int ret = CLI_OK;
  parley_store *st = NULL;
  batch_t batch;
  size_t nslots = 0;
  memset(&batch, 0, sizeof batch);
  if (cli_load_dicts(ctx, dicts, ndicts, o.quiet)) { ret = CLI_FAIL; goto done; }
  if (o.db) {
    st = parley_store_open(ctx, o.db);
    if (!st) {
      cli_err("%s", parley_errmsg(ctx));
      ret = CLI_FAIL;
      goto done;
    }
  }
  /* -j N: a ring of slots to keep N coders busy while the articles are
   * read and written in order (deep when slots hold only input and output
   * bytes; with --db each holds a document) */
  nslots = o.jobs > 1 ? (size_t)o.jobs * (o.db ? 4 : 16) : 1;
  batch.o = &o;
  batch.slots = calloc(nslots, sizeof *batch.slots);
  if (!batch.slots) { cli_err("out of memory"); ret = CLI_FAIL; goto done; }
  for (size_t k = 0; k < nslots; k++) {
    batch.slots[k].doc = parley_doc_new(ctx);
    if (!batch.slots[k].doc) {
      cli_err("out of memory");
      ret = CLI_FAIL;
      goto done;
    }
  }
  o.progress = !o.quiet && isatty(2);
  o.t0 = now();
  if (nfiles == 0) files[nfiles++] = "-";
  size_t inputs_failed = 0;
  char *iobuf = NULL; /* stdio buffer of the input file being read */
  for (int f = 0; f < nfiles; f++) {
    const char *name = files[f];
    FILE *fp;
    if (!strcmp(name, "-")) {
      fp = stdin;
      name = "stdin";
    } else {
      struct stat sb;
      if (stat(name, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        cli_err("%s: is a directory, not a file", name);
        inputs_failed++;
        o.failed++;
        continue;
      }
      fp = fopen(name, "rb");
      if (!fp) {
        cli_err("%s: cannot open: %s", name, strerror(errno));
        inputs_failed++;
        o.failed++;
        continue;
      }
      /* 64 KB reads instead of stdio's 4 KB (st_blksize): fewer system
       * calls on the reading thread (a pipe on stdin keeps its default:
       * reads there return what has arrived anyway) */
      if (!iobuf) iobuf = malloc((size_t)1 << 16);
      if (iobuf) setvbuf(fp, iobuf, _IOFBF, (size_t)1 << 16);
    }
    int r = code_input(ctx, &batch, nslots, st, fp, name, &o);
    if (fp != stdin) fclose(fp); /* before iobuf is reused or freed */
    if (r) { ret = CLI_FAIL; break; }
  }
  free(iobuf);
  if (st && parley_store_commit(st)) {
    cli_err("%s: %s", o.db, parley_store_errmsg(st));
    ret = CLI_FAIL;
  }
  if (fflush(o.out)) {
    cli_err("writing output: %s", strerror(errno));
    ret = CLI_FAIL;
  }
  progress(&o, 1);
  if (o.stats) print_stats(&o);
  if (!o.quiet && (o.failed || st))
    cli_err("%zu articles coded, %zu failed%s", o.docs, o.failed,
            st ? "" : "");
  if (st && !o.quiet)
    cli_err("store %s: %zu written, %zu unchanged and skipped", o.db,
            o.stored, o.skipped);
  if (o.docs == 0 && o.failed) ret = CLI_FAIL;
  (void)inputs_failed;
done:
  if (batch.slots) {
    for (size_t k = 0; k < nslots; k++) {
      parley_doc_free(batch.slots[k].doc);
      free(batch.slots[k].buf);
      free(batch.slots[k].obuf);
    }
    free(batch.slots);
  }
  parley_store_close(st);
  parley_ctx_free(ctx);
  free(files);
  free(dicts);
  return ret;
usage:
  free(files);
  free(dicts);
  return CLI_USAGE;
}
