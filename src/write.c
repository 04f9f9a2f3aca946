/*
 * write.c - renders a coded document: JSON Lines, TSV, a readable table,
 * and the stage dump used by golden tests.
 *
 * Record shapes are documented in docs/FORMATS.md; fields may be added,
 * never renamed.  Spans are byte ranges [start,end) in the ORIGINAL
 * article (mapped back through doc->omap).  Texts are the normalised text.
 */
#include "internal.h"
#include <ctype.h>
#include <stdio.h>

/* ---- appending without printf ----
 * Rendering is a large share of coding time, so records are written with
 * put() (an inline memcpy when there is room, which record_room() makes
 * once per record), literals with PUTL (length known at compile time) and
 * numbers with the pl_buf_add* formatters, which give exactly the bytes
 * the printf formats used before gave ("%u", "%d", "%.1f", "%.4f",
 * "%.15g"; tests/unit/test_buf.c compares them with snprintf). */
static inline void put(pl_buf *b, const char *s, size_t n) {
  /* a failed buffer may take bytes here: it is discarded whole anyway */
  if (b->cap - b->len > n && !b->max) { /* no cap to check */
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
  } else {
    pl_buf_add(b, s, n);
  }
}
#define PUTL(b, lit) put((b), "" lit, sizeof(lit) - 1)
static inline void putch(pl_buf *b, char c) { put(b, &c, 1); }
/* a C string as "%s" prints it (NULL as glibc does) */
static inline void puts0(pl_buf *b, const char *s) {
  if (!s) s = "(null)";
  put(b, s, strlen(s));
}
/* "%-<w>s": left-aligned, padded with spaces to w bytes */
static void puts_pad(pl_buf *b, const char *s, size_t w) {
  if (!s) s = "(null)";
  size_t n = strlen(s);
  put(b, s, n);
  for (; n < w; n++) putch(b, ' ');
}
/* "%.2s" */
static void puts2(pl_buf *b, const char *s) {
  if (!s) s = "(null)";
  put(b, s, s[0] ? (s[1] ? 2 : 1) : 0);
}
static inline void jstr0(pl_buf *b, const char *s) {
  pl_buf_json_str(b, s, strlen(s));
}
/* Room for a typical record in one step (buffers with a size cap are
 * left alone: reserving past the cap would fail them early). */
static inline void record_room(pl_buf *b) {
  if (!b->max && b->cap - b->len < 2048) pl_buf_room(b, 2048);
}

/* ---- fragments written once per document ----
 * Records of one article repeat the same parts: its id in every record,
 * the same actor (code, country, sector, name) for many mentions, the
 * same event code with its CAMEO name, Goldstein value and PLOVER
 * category, the same place, the same date.  pl_write_jsonl notes where
 * each such part was first written in the output buffer and copies those
 * bytes again instead of rendering them again (escaping, number
 * formatting, dictionary lookups).  A part is keyed by everything it is
 * rendered from: its values, or pointers to strings that do not change
 * while the document is rendered (equal pointers, equal strings; equal
 * strings at other addresses only miss).  So the bytes are the same by
 * construction.  pl_write_one (one record at a time) passes no cache. */
typedef struct {
  size_t off, len; /* bytes [off, off + len) of the output; len 0: none */
} frag;

#define WR_KEY 5     /* 64-bit words of a key */
#define WR_SLOTS 32  /* per table, direct-mapped */
typedef struct {
  uint64_t key[WR_KEY];
  frag f;
} wslot;
typedef struct {
  wslot s[WR_SLOTS];
} wtable;

#define WR_MENTS 256 /* mentions [0, WR_MENTS) cached by index */
typedef struct {
  frag id;             /* ",\"doc\":<id>,\"sent\":" */
  frag ment[WR_MENTS]; /* whole actor object of mention i, its own text */
  wtable actor;        /* "{\"code\":...,\"name\":..." of an actor */
  wtable code;         /* ",\"code\":..." through the CAMEO name */
  wtable place;        /* ",\"place\":{...}" */
  wtable date;         /* ",\"date\":...,\"date_precision\":..." */
} wcache;

/* The slot of key k[0, nk) in t: *hit says whether it holds k's bytes; on
 * a miss the slot takes key k (the caller then notes the bytes with
 * frag_end).  A table is used with one nk, so the words past it stay 0. */
static inline frag *wt_slot(wtable *t, const uint64_t *k, int nk, int *hit) {
  uint64_t h = k[0], diff = 0;
  for (int i = 1; i < nk; i++) h = (h ^ (h >> 29)) * 0x9E3779B97F4A7C15ULL + k[i];
  h = (h ^ (h >> 32)) * 0x9E3779B97F4A7C15ULL;
  wslot *w = &t->s[h >> 59]; /* 5 bits: WR_SLOTS */
  for (int i = 0; i < nk; i++) diff |= w->key[i] ^ k[i];
  *hit = w->f.len && !diff;
  if (!*hit) {
    memcpy(w->key, k, (size_t)nk * sizeof *k);
    w->f.len = 0;
  }
  return &w->f;
}
static inline uint64_t ptr_key(const void *p) { return (uint64_t)(uintptr_t)p; }
static inline uint64_t dbl_key(double v) {
  uint64_t u;
  memcpy(&u, &v, sizeof u);
  return u;
}

/* Appends bytes f of b again (they lie before b->len, so source and
 * destination do not overlap; room is made first because growing the
 * buffer moves it). */
static void put_again(pl_buf *b, frag f) {
  if (b->failed || (b->cap - b->len <= f.len && !pl_buf_room(b, f.len)))
    return;
  memcpy(b->p + b->len, b->p + f.off, f.len);
  b->len += f.len;
  b->p[b->len] = 0;
}
/* Starts / ends noting a fragment: f gets the bytes written in between
 * (none when the buffer failed: it is discarded anyway). */
static inline size_t frag_start(const pl_buf *b) { return b->len; }
static inline void frag_end(const pl_buf *b, frag *f, size_t start) {
  f->off = start;
  f->len = b->failed ? 0 : b->len - start;
}

/* Decimal of an unsigned 32-bit value, as "%u" prints it: written in
 * place, two digits per division (spans and sentence numbers are in
 * every record). */
static void add_u(pl_buf *b, uint32_t v) {
  static const char pairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233"
      "34353637383940414243444546474849505152535455565758596061626364656667"
      "6869707172737475767778798081828384858687888990919293949596979899";
  size_t nd = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4
            : v < 100000 ? 5 : v < 1000000 ? 6 : v < 10000000 ? 7
            : v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;
  if (b->cap - b->len <= nd || b->max) {
    char t[12];
    int i = 12;
    do {
      t[--i] = (char)('0' + v % 10);
      v /= 10;
    } while (v);
    pl_buf_add(b, t + i, (size_t)(12 - i));
    return;
  }
  char *o = b->p + b->len + nd;
  b->len += nd;
  *o = 0;
  while (v >= 100) {
    uint32_t q = v / 100, r = v - q * 100;
    o -= 2;
    memcpy(o, pairs + 2 * r, 2);
    v = q;
  }
  if (v >= 10) memcpy(o - 2, pairs + 2 * v, 2);
  else o[-1] = (char)('0' + v);
}

/* ",\"span\":[A,B]" as the old "%u,%u" format wrote it. */
static void add_span(pl_buf *b, const char *pre, size_t npre, uint32_t a,
                     uint32_t z) {
  put(b, pre, npre);
  add_u(b, a);
  putch(b, ',');
  add_u(b, z);
  putch(b, ']');
}
#define ADD_SPAN(b, lit, a, z) add_span((b), "" lit, sizeof(lit) - 1, (a), (z))

/* s[0..3) is a sector segment, an agent (the rest of a code is an
 * identity).  Compared as packed 24-bit values: this runs for every
 * segment of every actor code written. */
#define P3(a, b, c) ((uint32_t)(a) << 16 | (uint32_t)(b) << 8 | (uint32_t)(c))
static int is_sector(const char *s) {
  static const uint32_t packed[] = {
    P3('G','O','V'), P3('M','I','L'), P3('R','E','B'), P3('O','P','P'),
    P3('P','T','Y'), P3('J','U','D'), P3('C','O','P'), P3('S','P','Y'),
    P3('B','U','S'), P3('M','E','D'), P3('C','V','L'), P3('S','E','C'),
    P3('L','E','G'), P3('E','L','I'), P3('R','E','F'), P3('H','L','H'),
    P3('E','D','U'), P3('L','A','B'), P3('R','E','L'), P3('C','R','M'),
    P3('H','R','I'), P3('A','G','R'), P3('E','N','V'), P3('D','E','V'),
    P3('I','N','S'), P3('I','G','O'), P3('N','G','O'), P3('M','O','D'),
    P3('R','A','D'), P3('U','A','F'), P3('P','R','O'), P3('S','E','T'),
    P3('I','M','G'), P3('M','N','C'), P3('N','G','M'), P3('A','T','H')};
  uint32_t k = P3((unsigned char)s[0], (unsigned char)s[1], (unsigned char)s[2]);
  for (size_t i = 0; i < sizeof packed / sizeof *packed; i++)
    if (packed[i] == k) return 1;
  return 0;
}

void pl_actor_parts(const char *code, char country[4], char sector[4]) {
  country[0] = sector[0] = 0;
  /* a new actor ('"THE RIVER GUILD"', new_actor_length) has no parts */
  if (!code || strlen(code) < 3 || code[0] == '"') return;
  memcpy(country, code, 3);
  country[3] = 0;
  size_t n = strlen(code);
  for (size_t i = 3; i + 3 <= n; i += 3) {
    if (is_sector(code + i)) {
      memcpy(sector, code + i, 3);
      sector[3] = 0;
      return;
    }
  }
}

static uint32_t ostart(const parley_doc *d, uint32_t off) {
  return d->omap[off];
}
static uint32_t oend(const parley_doc *d, uint32_t off, uint32_t len) {
  return d->omap[off + len];
}

static void head(pl_buf *b, wcache *c, const parley_doc *doc,
                 const char *type, size_t ntype, uint32_t sent) {
  record_room(b);
  PUTL(b, "{\"type\":\"");
  put(b, type, ntype);
  if (c && c->id.len) {
    put_again(b, c->id);
  } else {
    size_t at = frag_start(b);
    PUTL(b, "\",\"doc\":");
    jstr0(b, doc->id);
    PUTL(b, ",\"sent\":");
    if (c) frag_end(b, &c->id, at);
  }
  add_u(b, sent);
}
#define HEAD(b, c, doc, lit, sent) \
  head((b), (c), (doc), "" lit, sizeof(lit) - 1, (sent))

static void date_field(pl_buf *b, const char *key, const pl_date *d) {
  char s[11];
  pl_date_format(d, s);
  PUTL(b, ",\"");
  puts0(b, key);
  PUTL(b, "\":");
  if (s[0]) jstr0(b, s);
  else PUTL(b, "null");
}

static const char *const precs[] = {"none", "year", "month", "week", "day"};

/* ",\"<key>\":\"<precision>\"" */
static void prec_field(pl_buf *b, const char *key, size_t nkey, int prec) {
  put(b, key, nkey);
  puts0(b, precs[prec % 5]);
  putch(b, '"');
}
#define PREC_FIELD(b, lit, prec) prec_field((b), "" lit, sizeof(lit) - 1, (prec))

/* ",\"date\":...,\"date_precision\":..." of a record (records of an
 * article share a few dates) */
static void record_date(pl_buf *b, wcache *c, const pl_date *d) {
  frag *f = NULL;
  if (c) {
    uint64_t k = (uint64_t)(uint16_t)d->y << 24 | (uint64_t)(uint8_t)d->m << 16 |
                 (uint64_t)(uint8_t)d->d << 8 | d->prec;
    int hit;
    f = wt_slot(&c->date, &k, 1, &hit);
    if (hit) {
      put_again(b, *f);
      return;
    }
  }
  size_t at = frag_start(b);
  date_field(b, "date", d);
  PREC_FIELD(b, ",\"date_precision\":\"", d->prec);
  if (f) frag_end(b, f, at);
}

/* An actor object for a phrase no mention covers (a speaker seen in the
 * text but not in the dictionaries): empty code, the text, how unknown. */
static int write_unknown_actor(pl_buf *b, const parley_doc *doc,
                               uint32_t tok, uint32_t ntok) {
  const pl_token *t0 = &doc->toks.v[tok], *t1 = &doc->toks.v[tok + ntok - 1];
  PUTL(b, "{\"code\":\"\",\"country\":\"\",\"sector\":\"\","
          "\"name\":null,\"text\":");
  pl_buf_json_str(b, doc->text + t0->off, t1->off + t1->len - t0->off);
  PUTL(b, ",\"how\":\"unknown\"}");
  return b->failed ? -1 : 0;
}

/* The actor of mention m; the text is the mention's, or the phrase
 * [seen, seen+nseen) when m lies outside it (a speaker phrase the quote
 * stage linked to an earlier mention: reported as coreference). */
static int actor_obj(pl_buf *b, wcache *c, const parley_doc *doc, int32_t m,
                     uint32_t seen, uint32_t nseen) {
  if (m < 0 || (uint32_t)m >= doc->ments.n) {
    PUTL(b, "null");
    return b->failed ? -1 : 0;
  }
  const pl_mention *mt = &doc->ments.v[m];
  /* with its own text the object depends on m alone: cached */
  int own = !nseen || !(mt->tok + mt->ntok <= seen || mt->tok >= seen + nseen);
  frag *f = c && own && (uint32_t)m < WR_MENTS ? &c->ment[m] : NULL;
  if (f && f->len) {
    put_again(b, *f);
    return b->failed ? -1 : 0;
  }
  size_t at = frag_start(b);
  /* follow coreference to the resolved actor, keep the seen text */
  int32_t r = pl_ment_resolved(doc, m);
  const pl_actor *a = &doc->ments.v[r >= 0 ? r : m].a;
  int coref = r >= 0 && r != m;
  uint32_t t0i = mt->tok, t1i = mt->tok + (mt->ntok ? mt->ntok - 1 : 0);
  if (nseen && (mt->tok + mt->ntok <= seen || mt->tok >= seen + nseen)) {
    t0i = seen;
    t1i = seen + nseen - 1;
    coref = 1;
  }
  const char *code = a->code ? a->code : "";
  const pl_mention *rm = &doc->ments.v[r >= 0 ? r : m];
  record_room(b);
  /* code, country, sector and name come from the code, the name and,
   * with no code, the agent: one actor's are written once */
  frag *hf = NULL;
  size_t ncode = strlen(code);
  if (c && ncode <= 3 * sizeof(uint64_t)) {
    /* the code by value: composed codes ("IRNGOV") are built per mention */
    uint64_t k[WR_KEY] = {0, 0, 0, ptr_key(a->name), 0};
    memcpy(k, code, ncode);
    if (!ncode) memcpy(&k[4], rm->agent, 3);
    int hit;
    hf = wt_slot(&c->actor, k, WR_KEY, &hit);
    if (hit) {
      put_again(b, *hf);
      goto text;
    }
  }
  size_t hat = frag_start(b);
  char ctry[4], sect[4];
  pl_actor_parts(code, ctry, sect);
  /* an agent with no country ("the officials"): its sector alone */
  if (!code[0] && rm->agent[0]) {
    memcpy(sect, rm->agent, 3);
    sect[3] = 0;
  }
  PUTL(b, "{\"code\":");
  pl_buf_json_str(b, code, ncode);
  PUTL(b, ",\"country\":");
  jstr0(b, ctry);
  PUTL(b, ",\"sector\":");
  jstr0(b, sect);
  PUTL(b, ",\"name\":");
  if (a->name) jstr0(b, a->name);
  else PUTL(b, "null");
  if (hf) frag_end(b, hf, hat);
text:;
  const pl_token *t0 = &doc->toks.v[t0i];
  const pl_token *t1 = &doc->toks.v[t1i];
  PUTL(b, ",\"text\":");
  pl_buf_json_str(b, doc->text + t0->off, t1->off + t1->len - t0->off);
  PUTL(b, ",\"how\":\"");
  puts0(b, coref ? "coref" : pl_how_name(a->how));
  PUTL(b, "\"}");
  if (f) frag_end(b, f, at);
  return 0;
}

int pl_write_actor(pl_buf *b, const parley_doc *doc, int32_t m) {
  return actor_obj(b, NULL, doc, m, 0, 0);
}

static void place_field(pl_buf *b, wcache *c, const parley_doc *doc,
                        int32_t p) {
  if (p < 0 || (uint32_t)p >= doc->places.n) {
    PUTL(b, ",\"place\":null");
    return;
  }
  const pl_place *pl = &doc->places.v[p];
  frag *f = NULL;
  if (c) {
    uint64_t k[WR_KEY] = {ptr_key(pl->name), ptr_key(pl->kind), 0,
                          dbl_key(pl->lat), dbl_key(pl->lon)};
    memcpy(&k[2], pl->country, sizeof pl->country);
    int hit;
    f = wt_slot(&c->place, k, WR_KEY, &hit);
    if (hit) {
      put_again(b, *f);
      return;
    }
  }
  size_t at = frag_start(b);
  PUTL(b, ",\"place\":");
  PUTL(b, "{\"name\":");
  jstr0(b, pl->name);
  PUTL(b, ",\"country\":\"");
  puts0(b, pl->country);
  PUTL(b, "\",\"lat\":");
  pl_buf_addfix(b, pl->lat, 4);
  PUTL(b, ",\"lon\":");
  pl_buf_addfix(b, pl->lon, 4);
  PUTL(b, ",\"kind\":");
  jstr0(b, pl->kind);
  PUTL(b, "}");
  if (f) frag_end(b, f, at);
}

/* ",\"flags\":[...]" items: "\"a\",\"b\"" for the set bits of flags,
 * from names written quoted with their lengths */
typedef struct {
  const char *s;
  size_t n;
} qname;
#define QNAME(lit) {"\"" lit "\"", sizeof(lit) + 1}
static void flag_list(pl_buf *b, unsigned flags, const qname *names, int n) {
  int first = 1;
  for (int i = 0; i < n && flags >> i; i++)
    if (flags & (1u << i)) {
      if (!first) putch(b, ',');
      put(b, names[i].s, names[i].n);
      first = 0;
    }
}

/* ",\"code\":..." through the CAMEO name: depends on the code alone */
static void event_code(pl_buf *b, wcache *c, parley_doc *doc,
                       const pl_event *e) {
  frag *f = NULL;
  if (c) {
    uint64_t k = 0; /* the code's bytes: 6 at most */
    memcpy(&k, e->code, strnlen(e->code, sizeof e->code));
    int hit;
    f = wt_slot(&c->code, &k, 1, &hit);
    if (hit) {
      put_again(b, *f);
      return;
    }
  }
  size_t at = frag_start(b);
  const pl_cameo_info *ci = pl_cameo_get(doc->ctx, e->code);
  PUTL(b, ",\"code\":");
  jstr0(b, e->code);
  PUTL(b, ",\"root\":\"");
  puts2(b, e->code);
  putch(b, '"');
  if (ci) {
    PUTL(b, ",\"quad\":");
    pl_buf_addi(b, ci->quad);
    PUTL(b, ",\"goldstein\":");
    pl_buf_addfix(b, ci->goldstein, 1);
    PUTL(b, ",\"plover\":");
    jstr0(b, ci->plover);
    PUTL(b, ",\"name\":");
    jstr0(b, ci->name);
  } else {
    PUTL(b, ",\"quad\":null,\"goldstein\":null,\"plover\":null");
  }
  if (f) frag_end(b, f, at);
}

static void write_event(pl_buf *b, wcache *c, parley_doc *doc,
                        const pl_event *e) {
  HEAD(b, c, doc, "event", e->sent);
  record_date(b, c, &e->date);
  event_code(b, c, doc, e);
  PUTL(b, ",\"source\":");
  actor_obj(b, c, doc, e->src, 0, 0);
  PUTL(b, ",\"target\":");
  actor_obj(b, c, doc, e->tgt, 0, 0);
  place_field(b, c, doc, e->place);
  PUTL(b, ",\"evidence\":{\"verb\":");
  if (e->nvtok) {
    const pl_token *v0 = &doc->toks.v[e->vtok];
    const pl_token *v1 = &doc->toks.v[e->vtok + e->nvtok - 1];
    pl_buf_json_str(b, doc->text + v0->off, v1->off + v1->len - v0->off);
  } else {
    PUTL(b, "null");
  }
  PUTL(b, ",\"pattern\":");
  if (e->pattern) jstr0(b, e->pattern);
  else PUTL(b, "null");
  ADD_SPAN(b, ",\"span\":[", ostart(doc, e->off), oend(doc, e->off, e->len));
  PUTL(b, ",\"flags\":[");
  static const qname fl[] = {QNAME("negated"),  QNAME("intent"),
                             QNAME("passive"),  QNAME("nominal"),
                             QNAME("reported"), QNAME("implied_target")};
  flag_list(b, (unsigned)e->flags, fl, 6);
  PUTL(b, "]}}\n");
}

static void write_quote(pl_buf *b, wcache *c, parley_doc *doc,
                        const pl_quote *q) {
  HEAD(b, c, doc, "quote", q->sent);
  record_date(b, c, &q->date);
  PUTL(b, ",\"text\":");
  pl_buf_json_str(b, doc->text + q->off, q->len);
  PUTL(b, ",\"speaker\":");
  if (q->speaker < 0 && q->spk_ntok)
    write_unknown_actor(b, doc, q->spk_tok, q->spk_ntok);
  else
    actor_obj(b, c, doc, q->speaker, q->spk_tok, q->spk_ntok);
  PUTL(b, ",\"speaker_text\":");
  if (q->spk_ntok) {
    const pl_token *s0 = &doc->toks.v[q->spk_tok];
    const pl_token *s1 = &doc->toks.v[q->spk_tok + q->spk_ntok - 1];
    pl_buf_json_str(b, doc->text + s0->off, s1->off + s1->len - s0->off);
  } else {
    PUTL(b, "null");
  }
  PUTL(b, ",\"cue\":");
  if (q->cue_tok < doc->toks.n)
    jstr0(b, doc->toks.v[q->cue_tok].lower);
  else
    PUTL(b, "null");
  PUTL(b, ",\"flags\":[");
  static const qname qfl[] = {QNAME("partial"), QNAME("continued"),
                              QNAME("unclosed"), QNAME("multi_sentence")};
  flag_list(b, (unsigned)q->flags, qfl, 4);
  ADD_SPAN(b, "],\"span\":[", ostart(doc, q->off), oend(doc, q->off, q->len));
  PUTL(b, "}\n");
}

static void write_count(pl_buf *b, wcache *wc, parley_doc *doc,
                        const pl_count *c) {
  HEAD(b, wc, doc, "count", c->sent);
  record_date(b, wc, &c->date);
  PUTL(b, ",\"kind\":");
  jstr0(b, c->kind);
  if (c->value >= 0) {
    PUTL(b, ",\"value\":");
    pl_buf_addg15(b, c->value);
  } else {
    PUTL(b, ",\"value\":null");
  }
  if (c->value_max > c->value) {
    PUTL(b, ",\"value_max\":");
    pl_buf_addg15(b, c->value_max);
  }
  PUTL(b, ",\"qualifier\":");
  jstr0(b, c->qualifier ? c->qualifier : "");
  PUTL(b, ",\"who\":");
  actor_obj(b, wc, doc, c->who, 0, 0);
  PUTL(b, ",\"by\":");
  actor_obj(b, wc, doc, c->by, 0, 0);
  PUTL(b, ",\"source\":");
  if (c->src_len) {
    PUTL(b, "{\"text\":");
    pl_buf_json_str(b, doc->text + c->src_off, c->src_len);
    const char *code = "";
    if (c->src >= 0 && (uint32_t)c->src < doc->ments.n &&
        doc->ments.v[c->src].a.code)
      code = doc->ments.v[c->src].a.code;
    PUTL(b, ",\"code\":");
    jstr0(b, code);
    PUTL(b, "}");
  } else {
    PUTL(b, "null");
  }
  place_field(b, wc, doc, c->place);
  date_field(b, "since", &c->since);
  if (c->since.prec)
    PREC_FIELD(b, ",\"since_precision\":\"", c->since.prec);
  PUTL(b, ",\"pattern\":");
  if (c->pattern) jstr0(b, c->pattern);
  else PUTL(b, "null");
  if (c->flags & PL_CF_INTENT) PUTL(b, ",\"flags\":[\"intent\"]");
  else PUTL(b, ",\"flags\":[]");
  ADD_SPAN(b, ",\"span\":[", ostart(doc, c->off), oend(doc, c->off, c->len));
  PUTL(b, "}\n");
}

static void write_sentence(pl_buf *b, wcache *c, parley_doc *doc,
                           uint32_t i) {
  const pl_sentence *s = &doc->sents.v[i];
  HEAD(b, c, doc, "sentence", i);
  PUTL(b, ",\"text\":");
  pl_buf_json_str(b, doc->text + s->off, s->len);
  ADD_SPAN(b, ",\"span\":[", ostart(doc, s->off), oend(doc, s->off, s->len));
  if (s->flags & PL_SF_CUT) PUTL(b, ",\"cut\":true");
  PUTL(b, "}\n");
}

int pl_write_one(parley_doc *doc, pl_buf *b, unsigned rectype, uint32_t i) {
  switch (rectype) {
  case PARLEY_REC_SENTENCE: write_sentence(b, NULL, doc, i); break;
  case PARLEY_REC_EVENT: write_event(b, NULL, doc, &doc->events.v[i]); break;
  case PARLEY_REC_QUOTE: write_quote(b, NULL, doc, &doc->quotes.v[i]); break;
  case PARLEY_REC_COUNT: write_count(b, NULL, doc, &doc->counts.v[i]); break;
  default: return -1;
  }
  return b->failed ? -1 : 0;
}

int pl_write_jsonl(parley_doc *doc, pl_buf *b, unsigned rec) {
  /* records in sentence order: sentence, then its events, quotes, counts */
  uint32_t ie = 0, iq = 0, ic = 0;
  wcache c; /* only what is read before written is cleared (it is 11 KB) */
  c.id.len = 0;
  memset(c.ment, 0, sizeof *c.ment * (doc->ments.n < WR_MENTS ? doc->ments.n : WR_MENTS));
  wtable *tabs[] = {&c.actor, &c.code, &c.place, &c.date};
  for (size_t t = 0; t < sizeof tabs / sizeof *tabs; t++)
    for (size_t i = 0; i < WR_SLOTS; i++) tabs[t]->s[i].f.len = 0;
  for (uint32_t s = 0; s < doc->sents.n; s++) {
    if (rec & PARLEY_REC_SENTENCE) write_sentence(b, &c, doc, s);
    for (; ie < doc->events.n && doc->events.v[ie].sent <= s; ie++)
      if (rec & PARLEY_REC_EVENT) write_event(b, &c, doc, &doc->events.v[ie]);
    for (; iq < doc->quotes.n && doc->quotes.v[iq].sent <= s; iq++)
      if (rec & PARLEY_REC_QUOTE) write_quote(b, &c, doc, &doc->quotes.v[iq]);
    for (; ic < doc->counts.n && doc->counts.v[ic].sent <= s; ic++)
      if (rec & PARLEY_REC_COUNT) write_count(b, &c, doc, &doc->counts.v[ic]);
  }
  return b->failed ? -1 : 0;
}

/* Text for a TSV field: tabs and line breaks become spaces. */
static void tsv_field(pl_buf *b, const char *s, size_t n) {
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '\t' || c == '\n' || c == '\r') {
      put(b, s + run, i - run);
      putch(b, ' ');
      run = i + 1;
    }
  }
  put(b, s + run, n - run);
}

/* The code of mention m's resolved actor (a pronoun shows its antecedent's
 * code, as pl_write_actor does). */
static const char *mcode(const parley_doc *doc, int32_t m) {
  if (m >= 0 && (uint32_t)m < doc->ments.n) m = pl_ment_resolved(doc, m);
  if (m < 0 || (uint32_t)m >= doc->ments.n || !doc->ments.v[m].a.code)
    return "";
  return doc->ments.v[m].a.code;
}

/* TSV: doc, sent, date, source, target, code, root, quad, goldstein,
 * span start, span end, sentence text. */
int pl_write_tsv(parley_doc *doc, pl_buf *b) {
  for (uint32_t i = 0; i < doc->events.n; i++) {
    const pl_event *e = &doc->events.v[i];
    const pl_cameo_info *ci = pl_cameo_get(doc->ctx, e->code);
    char d[11];
    pl_date_format(&e->date, d);
    record_room(b);
    tsv_field(b, doc->id, strlen(doc->id));
    putch(b, '\t');
    add_u(b, e->sent);
    putch(b, '\t');
    puts0(b, d);
    putch(b, '\t');
    puts0(b, mcode(doc, e->src));
    putch(b, '\t');
    puts0(b, mcode(doc, e->tgt));
    putch(b, '\t');
    puts0(b, e->code);
    putch(b, '\t');
    puts2(b, e->code);
    putch(b, '\t');
    pl_buf_addi(b, ci ? ci->quad : 0);
    putch(b, '\t');
    pl_buf_addfix(b, ci ? ci->goldstein : 0.0, 1);
    putch(b, '\t');
    add_u(b, ostart(doc, e->off));
    putch(b, '\t');
    add_u(b, oend(doc, e->off, e->len));
    putch(b, '\t');
    const pl_sentence *s = &doc->sents.v[e->sent];
    tsv_field(b, doc->text + s->off, s->len);
    putch(b, '\n');
  }
  return b->failed ? -1 : 0;
}

static void pretty_text(pl_buf *b, const char *s, size_t n, size_t width) {
  if (n > width) {
    size_t k = width - 3; /* cut on a character boundary (fuzz_code) */
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
    put(b, s, k);
    PUTL(b, "...");
  } else {
    put(b, s, n);
  }
}

int pl_write_pretty(parley_doc *doc, pl_buf *b, unsigned rec) {
  PUTL(b, "== ");
  puts0(b, doc->id);
  PUTL(b, "  ");
  puts0(b, doc->date_str ? doc->date_str : "-");
  PUTL(b, "  ");
  puts0(b, doc->source ? doc->source : "-");
  PUTL(b, "  (");
  add_u(b, doc->sents.n);
  PUTL(b, " sentences, ");
  add_u(b, doc->events.n);
  PUTL(b, " events, ");
  add_u(b, doc->quotes.n);
  PUTL(b, " quotes, ");
  add_u(b, doc->counts.n);
  PUTL(b, " counts)\n");
  uint32_t ie = 0, iq = 0, ic = 0;
  for (uint32_t s = 0; s < doc->sents.n; s++) {
    const pl_sentence *st = &doc->sents.v[s];
    if (rec & PARLEY_REC_SENTENCE) {
      /* "%4u  " */
      record_room(b);
      for (uint32_t w = 1000; w > 1 && s < w; w /= 10) putch(b, ' ');
      add_u(b, s);
      PUTL(b, "  ");
      pretty_text(b, doc->text + st->off, st->len, 100);
      putch(b, '\n');
    }
    for (; ie < doc->events.n && doc->events.v[ie].sent <= s; ie++) {
      const pl_event *e = &doc->events.v[ie];
      if (!(rec & PARLEY_REC_EVENT)) continue;
      const pl_cameo_info *ci = pl_cameo_get(doc->ctx, e->code);
      record_room(b);
      PUTL(b, "      event  ");
      puts_pad(b, mcode(doc, e->src), 10);
      putch(b, ' ');
      puts_pad(b, e->code, 5);
      putch(b, ' ');
      puts_pad(b, mcode(doc, e->tgt), 10);
      putch(b, ' ');
      puts0(b, ci ? ci->name : "");
      putch(b, '\n');
    }
    for (; iq < doc->quotes.n && doc->quotes.v[iq].sent <= s; iq++) {
      const pl_quote *q = &doc->quotes.v[iq];
      if (!(rec & PARLEY_REC_QUOTE)) continue;
      record_room(b);
      PUTL(b, "      quote  ");
      puts_pad(b, mcode(doc, q->speaker), 10);
      PUTL(b, " \"");
      pretty_text(b, doc->text + q->off, q->len, 70);
      PUTL(b, "\"\n");
    }
    for (; ic < doc->counts.n && doc->counts.v[ic].sent <= s; ic++) {
      const pl_count *c = &doc->counts.v[ic];
      if (!(rec & PARLEY_REC_COUNT)) continue;
      record_room(b);
      PUTL(b, "      count  ");
      puts_pad(b, c->kind, 10);
      putch(b, ' ');
      puts0(b, c->qualifier ? c->qualifier : "");
      putch(b, ' ');
      pl_buf_addg15(b, c->value);
      putch(b, '\n');
    }
  }
  return b->failed ? -1 : 0;
}

/* Stage dump: one line per sentence and per token, stable for golden
 * tests:  S<i> [start,end) text  /  T<i> tag lemma surface flags. */
static void dump_tok(pl_buf *b, const parley_doc *doc, const pl_token *t) {
  record_room(b);
  PUTL(b, "  ");
  puts0(b, pl_tag_name(t->tag));
  putch(b, '\t');
  put(b, doc->text + t->off, t->len);
  putch(b, '\t');
  puts0(b, t->lemma ? t->lemma : t->lower);
  if (t->ment >= 0) {
    PUTL(b, "\tM");
    pl_buf_addi(b, t->ment);
  }
  putch(b, '\n');
}

int pl_write_dump(parley_doc *doc, pl_buf *b) {
  for (uint32_t s = 0; s < doc->sents.n; s++) {
    const pl_sentence *st = &doc->sents.v[s];
    record_room(b);
    putch(b, 'S');
    add_u(b, s);
    putch(b, '\t');
    put(b, doc->text + st->off, st->len);
    putch(b, '\n');
    for (uint32_t i = st->tok0; i < st->tok0 + st->ntok; i++)
      dump_tok(b, doc, &doc->toks.v[i]);
  }
  /* stopped after the token stage: no sentences yet, so the tokens are
   * listed on their own (same token line format) */
  if (!doc->sents.n)
    for (uint32_t i = 0; i < doc->toks.n; i++) dump_tok(b, doc, &doc->toks.v[i]);
  for (uint32_t m = 0; m < doc->ments.n; m++) {
    putch(b, 'M');
    add_u(b, m);
    putch(b, '\t');
    pl_write_actor(b, doc, (int32_t)m);
    putch(b, '\n');
  }
  return b->failed ? -1 : 0;
}
