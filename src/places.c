/*
 * places.c - the gazetteer and the places stage.
 *
 * Gazetteer (pl_places_load_builtin): data/places.tsv (name, country3,
 * lat, lon, kind, population, ';'-separated alt names; see
 * data/tools/README.md) becomes one malloc'd block holding an
 * open-addressing hash table, the place rows, their primary names and
 * the name instances (one linked list of candidate places per key).  A
 * key is the hash of the name's token keys joined by single spaces; names
 * are split into tokens the way token.c splits text (spaces and hyphens
 * separate, periods vanish, lower case), so a key sequence read from
 * doc->toks hashes to the same value.  Every proper prefix of a
 * multi-token name is also entered (flag PREFIX) so longest-match can stop
 * early.  Key strings are not stored: a slot keeps the upper 32 bits of
 * the 64-bit hash and its position derives from the lower bits, so two
 * names are confused only if both halves collide (expected well under one
 * such pair for the ~120k keys).  Alt names are hashed straight from the
 * built-in blob, never copied.  A short hand table of US state names is
 * entered as
 * hint rows: they make USA a "mentioned" country but are never output.
 *
 * Stage (pl_places_run): input doc->toks/sents/ments; output doc->places.
 *   1. Candidate phrases: longest gazetteer match starting at a capitalised
 *      token (or "al-"/"el-" + capital), continuing over lower-case words
 *      ("Rafah crossing") and tight hyphens; a lower-case directional
 *      modifier (northern, south, central...) + place is one phrase: the
 *      hand entry when places.tsv has one ("northern Gaza"), else a
 *      constructed area "<modifier> <place>" at the place's point.
 *      "P-Q border", "the border between P and Q" -> kind "border" at the
 *      point of the smaller of the two (a country's point is its capital,
 *      so the other side is nearer the line), or the midpoint when both
 *      are countries.
 *   2. Countries mentioned by the story: actor mention codes, country
 *      names anywhere (also as actors: "Israel said"), US state hints and
 *      unambiguous place names.
 *   3. Each phrase takes the candidate whose country is mentioned (or
 *      named right after it: "Paris, Texas"), then the kind rank (country,
 *      area, capital, city/region), then population.
 *   4. Kept as a place unless it reads as an actor: a country name, a name
 *      the actors stage covered, a name beside other capitalised words
 *      ("Antony Blinken") or a sentence-initial common word need a
 *      locative preposition before it (in, at, near, into, from, across,
 *      to, on, ...) or to be part of a place phrase.
 * Service: pl_place_for picks the place a clause puts an event at.
 * No allocation per token: raw phrases go to one arena vector per doc.
 */
#include "internal.h"
#include "image.h"
#include <stdlib.h>
#include <utf8proc.h>

enum { K_COUNTRY, K_REGION, K_AREA, K_CAPITAL, K_CITY, K_HINT };
static const char *const kind_names[] = {"country", "region", "area",
                                         "capital", "city",   "hint"};
static const int kind_rank[] = {5, 2, 4, 3, 2, 0};
/* Pointer-free (name is an offset into pl_gazetteer.names) so the whole
 * gazetteer can be a compiled image read in place (see the image section
 * below). */
typedef struct {
  uint32_t name;      /* offset of the primary name in names */
  float lat, lon;
  char cc[4];
  uint8_t kind;
  uint32_t pop;
} gz_place;

/* Hash slot: hi = upper 32 bits of the key hash (the lower bits chose
 * the slot), v = instance list head (low 30 bits) | E_* flags (top 2
 * bits); v == 0 marks an empty slot. */
#define E_NAME 0x80000000u
#define E_PREFIX 0x40000000u
#define E_HEAD 0x3fffffffu
#define NO_INST E_HEAD
typedef struct {
  uint32_t hi, v;
} gz_ent;

struct pl_gazetteer {
  void *block;        /* the one allocation (NULL: arrays in the image) */
  gz_place *pl;
  uint32_t npl;
  uint32_t *inst_place, *inst_next; /* name instances (linked lists) */
  uint32_t ninst;
  gz_ent *tab;
  uint32_t mask;
  char *names;        /* primary names, NUL-terminated (read only) */
  size_t names_used;
  size_t bad, lineno, text_len; /* load figures, kept for the image */
};

#define MAX_NAME_TOKS 8
#define H_SEED 0x9e3779b97f4a7c15ULL
#define H_MUL 0xff51afd7ed558ccdULL

/* Hash of the next token key k[0..n) appended to a running key hash h
 * (first: h is ignored).  Eight bytes per step: keys are short and this
 * runs over every gazetteer name at load.  padded: k[n..n+8) are
 * readable zero bytes, so the tail is read as one word (same value as the
 * byte copy, on any byte order). */
static uint64_t hash_step_p(uint64_t h, int first, const char *k, size_t n,
                            int padded) {
  if (first) h = H_SEED;
  else h = (h ^ 0x20) * H_MUL; /* the joining space */
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, k + i, 8);
    h = (h ^ w) * H_MUL;
    h ^= h >> 32;
  }
  if (i < n) {
    uint64_t w = 0;
    if (padded) {
      memcpy(&w, k + i, 8);
    } else {
      memcpy(&w, k + i, n - i);
    }
    h = (h ^ w) * H_MUL;
    h ^= h >> 32;
  }
  h = (h ^ n) * H_MUL;
  return h ^ (h >> 29);
}

static uint64_t hash_step(uint64_t h, int first, const char *k, size_t n) {
  return hash_step_p(h, first, k, n, 0);
}

static const gz_ent *lookup(const pl_gazetteer *g, uint64_t h) {
  uint32_t hi = (uint32_t)(h >> 32);
  for (uint32_t i = (uint32_t)h & g->mask;; i = (i + 1) & g->mask) {
    const gz_ent *e = &g->tab[i];
    if (!e->v) return NULL;
    if (e->hi == hi) return e;
  }
}

static gz_ent *insert(pl_gazetteer *g, uint64_t h) {
  uint32_t hi = (uint32_t)(h >> 32);
  for (uint32_t i = (uint32_t)h & g->mask;; i = (i + 1) & g->mask) {
    gz_ent *e = &g->tab[i];
    if (!e->v) {
      e->hi = hi;
      e->v = NO_INST;
      return e;
    }
    if (e->hi == hi) return e;
  }
}

static uint32_t ent_head(const gz_ent *e) { return e->v & E_HEAD; }

/* Byte classes for name splitting: 0 separator, else part of a token;
 * lowtab lower-cases ASCII. */
static unsigned char ncls[256], lowtab[256];

static void init_tables(void) {
  if (ncls['a']) return;
  for (int c = 0; c < 256; c++) {
    ncls[c] = c >= 0x80 ? 3 : 1;
    lowtab[c] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  const char *sep = " -,/()\"\t\n\r";
  for (const char *s = sep; *s; s++) ncls[(unsigned char)*s] = 0;
  /* end of a name: alt names are ';'-separated, fields end at a tab or
   * newline, the hint strings at their NUL */
  ncls[';'] = ncls['\t'] = ncls['\n'] = ncls[0] = 4;
  ncls['.'] = 2;
}

/* Lower-cases one token s[0..n) into key (as token.c: '.' dropped,
 * utf8proc lower case, the original kept when the lower case is longer);
 * returns the key length. */
static size_t token_key(const unsigned char *s, size_t n, char *key,
                        size_t cap) {
  size_t kn = 0;
  for (size_t i = 0; i < n;) {
    unsigned c = s[i];
    if (c < 0x80) {
      if (c != '.' && kn < cap) key[kn++] = (char)lowtab[c];
      i++;
      continue;
    }
    uint32_t cp;
    size_t len = pl_utf8_decode(s + i, n - i, &cp, NULL);
    uint32_t lc = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
    char enc[4];
    size_t el = pl_utf8_encode(lc, enc);
    if (el > len) {
      memcpy(enc, s + i, len);
      el = len;
    }
    if (kn + el <= cap) {
      memcpy(key + kn, enc, el);
      kn += el;
    }
    i += len;
  }
  return kn;
}

/* Instance words: place index, top bit set when the name is an alt. */
#define INST_ALT 0x80000000u
#define INST_PLACE 0x7fffffffu

/* Enters the name at s for place p (p | INST_ALT for an alt name); the
 * name ends at a tab, newline, ';' or NUL, and the bytes used up to that
 * terminator are returned (no length check in the byte loop).
 * Splits like token.c: spaces, hyphens, commas, slashes and brackets
 * separate; a trailing "'s" is its own token ("Saint John's").  One pass:
 * ASCII bytes are lower-cased by table, other code points by token_key. */
static size_t add_name(pl_gazetteer *g, const char *s, uint32_t p) {
  uint64_t hs[MAX_NAME_TOKS];
  char key[PL_MAX_TOKEN_BYTES + 8];
  const size_t cap = PL_MAX_TOKEN_BYTES;
  int ntok = 0, cut = 0;
  uint64_t h = 0;
  size_t kn = 0;
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  for (;;) {
    unsigned c = u[i]; /* s ends at a tab, newline, ';' or NUL (class 4) */
    unsigned k = ncls[c];
    if (k == 1) {
      key[kn] = (char)lowtab[c];
      kn += (c != '.') & (kn < cap);
      i++;
      continue;
    }
    if (k == 3) { /* non-ASCII: one code point through utf8proc */
      size_t len = 1;
      while ((u[i + len] & 0xC0) == 0x80) len++; /* never a terminator */
      if (kn + 8 < cap) kn += token_key(u + i, len, key + kn, 8);
      i += len;
      continue;
    }
    if (kn) {
      int poss = kn >= 3 && key[kn - 2] == '\'' && key[kn - 1] == 's';
      if (ntok + 1 + poss > MAX_NAME_TOKS) {
        cut = 1; /* too long to be met in text: not entered */
        break;
      }
      if (poss) {
        memset(key + kn - 2, 0, 8);
        h = hash_step_p(h, ntok == 0, key, kn - 2, 1);
        hs[ntok++] = h;
        h = hash_step(h, 0, "'s", 2);
      } else {
        memset(key + kn, 0, 8);
        h = hash_step_p(h, ntok == 0, key, kn, 1);
      }
      hs[ntok++] = h;
      kn = 0;
    }
    if (k == 4) break;
    i++;
  }
  while (ncls[u[i]] != 4) i++;
  if (!ntok || cut) return i;
  for (int t = 0; t + 1 < ntok; t++) insert(g, hs[t])->v |= E_PREFIX;
  gz_ent *e = insert(g, hs[ntok - 1]);
  e->v |= E_NAME;
  uint32_t head = ent_head(e);
  if (head != NO_INST &&
      (g->inst_place[head] & INST_PLACE) == (p & INST_PLACE))
    return i;
  uint32_t in = g->ninst++;
  g->inst_place[in] = p;
  g->inst_next[in] = head;
  e->v = (e->v & ~E_HEAD) | in;
  return i;
}

/* US states: facts, used only as country hints (Georgia and Washington
 * are left out: the country and the capital city own those names). */
static const char *const us_states[] = {
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado",
    "Connecticut", "Delaware", "Florida", "Hawaii", "Idaho", "Illinois",
    "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
    "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi",
    "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire",
    "New Jersey", "New Mexico", "New York State", "North Carolina",
    "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
    "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
    "Utah", "Vermont", "Virginia", "West Virginia", "Wisconsin", "Wyoming",
    NULL};

/* Continents, world regions, months and weekdays: not places in the
 * gazetteer's sense, but towns share their names ("Asia" in the
 * Philippines, "March" in England); entered as hints with no country so
 * the name is never geocoded. */
static const char *const world_regions[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Monday",
    "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Asia", "Europe", "Africa", "America", "Americas", "Oceania",
    "Latin America", "North America", "South America", "Central America",
    "Middle East", "Near East", "Far East", "Central Asia", "South Asia",
    "Southeast Asia", "East Asia", "East Africa", "West Africa",
    "North Africa", "Sub-Saharan Africa", "Horn of Africa", "Sahel",
    "Balkans", "Caucasus", "Caribbean", "Scandinavia", "Arctic", NULL};

static int kind_of(const char *s, size_t n) {
  for (int k = 0; k < K_HINT; k++)
    if (strlen(kind_names[k]) == n && !memcmp(s, kind_names[k], n)) return k;
  return -1;
}

/* Parses a decimal like "-14.27806" in s[0..n) (strtod is
 * locale-dependent). */
static double parse_coord(const char *s, size_t n, int *ok) {
  double v = 0, scale = 1;
  size_t i = 0;
  int neg = 0, any = 0;
  if (i < n && s[i] == '-') neg = 1, i++;
  while (i < n && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0'), any = 1;
  if (i < n && s[i] == '.') {
    i++;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
      scale /= 10;
      v += (s[i++] - '0') * scale;
      any = 1;
    }
  }
  *ok = any && i == n;
  return neg ? -v : v;
}

/* Occurrences of byte c in p[0..n), eight bytes at a time (a
 * byte-at-a-time loop was most of the load time). */
static inline uint64_t eq_bytes(uint64_t w, uint64_t pat) {
  const uint64_t lo7 = 0x7f7f7f7f7f7f7f7fULL, hi = 0x8080808080808080ULL;
  uint64_t x = w ^ pat;                 /* zero bytes where equal */
  uint64_t t = ((x & lo7) + lo7) | x;   /* high bit set where nonzero */
  return (~t & hi) >> 7;                /* 1 in each equal byte */
}

/* Counts of '\n', ';' and ' ' or '-' in p[0..n), eight bytes at a time
 * (a byte-at-a-time loop was a third of the load time). */
static void count_bytes(const unsigned char *p, size_t n, size_t *nl,
                        size_t *semi, size_t *sep) {
  const uint64_t ones = 0x0101010101010101ULL;
  size_t a = 0, b = 0, c = 0, i = 0;
  while (i + 8 <= n) {
    /* byte lanes of 8-bit sums: at most 31 rounds before they overflow */
    uint64_t sa = 0, sb = 0, sc = 0;
    for (int r = 0; r < 31 && i + 8 <= n; r++, i += 8) {
      uint64_t w;
      memcpy(&w, p + i, 8);
      sa += eq_bytes(w, ones * '\n');
      sb += eq_bytes(w, ones * ';');
      sc += eq_bytes(w, ones * ' ') + eq_bytes(w, ones * '-');
    }
    a += (size_t)((sa * ones) >> 56);
    b += (size_t)((sb * ones) >> 56);
    c += (size_t)(((sc & 0x00ff00ff00ff00ffULL) +
                   ((sc >> 8) & 0x00ff00ff00ff00ffULL)) *
                      0x0001000100010001ULL >> 48);
  }
  for (; i < n; i++) {
    a += p[i] == '\n';
    b += p[i] == ';';
    c += p[i] == ' ' || p[i] == '-';
  }
  *nl = a;
  *semi = b;
  *sep = c;
}

/* Field f of a row: [start, end) pointers. */
typedef struct {
  const char *s;
  size_t n;
} field_t;

/* Length of the hint names (us_states, world_regions) with their NULs:
 * they are copied into names so every row's name is an offset. */
static size_t hint_names_len(void) {
  size_t n = 0;
  for (size_t i = 0; us_states[i]; i++) n += strlen(us_states[i]) + 1;
  for (size_t i = 0; world_regions[i]; i++) n += strlen(world_regions[i]) + 1;
  return n;
}

/* Appends a hint row (no coordinates) named s. */
static void add_hint(pl_gazetteer *g, const char *s, const char *cc) {
  gz_place *pl = &g->pl[g->npl];
  memset(pl, 0, sizeof *pl);
  size_t n = strlen(s) + 1;
  memcpy(g->names + g->names_used, s, n); /* room: hint_names_len */
  pl->name = (uint32_t)g->names_used;
  g->names_used += n;
  if (cc) memcpy(pl->cc, cc, 4);
  pl->kind = K_HINT;
  add_name(g, s, g->npl++);
}

parley_rc pl_places_load_text(parley_ctx *ctx) {
  const pl_blob *b = pl_builtin("places");
  if (!b || !b->len) return PARLEY_OK; /* no gazetteer: no places */
  init_tables();
  /* pass 1: sizes */
  const unsigned char *d = (const unsigned char *)b->data;
  size_t rows, semis, seps;
  count_bytes(d, b->len, &rows, &semis, &seps);
  rows += 1;
  size_t nst = sizeof us_states / sizeof us_states[0] +
               sizeof world_regions / sizeof world_regions[0];
  size_t names = 2 * rows + semis + nst; /* primary + (semis + 1) alts */
  size_t keys = names + seps + nst * 2;
  uint32_t cap = 1024;
  /* keys is a true upper bound (every space or hyphen counted as a
   * prefix); the real count is about 2/3 of it, so a table just larger
   * than the bound stays under half full and can never fill */
  while (cap <= keys) cap <<= 1;
  size_t sz_pl = ((rows + nst) * sizeof(gz_place) + 15) & ~(size_t)15;
  size_t sz_inst = (names * 2 * sizeof(uint32_t) + 15) & ~(size_t)15;
  size_t sz_tab = cap * sizeof(gz_ent);
  size_t hint_len = hint_names_len();
  /* primary names: a fraction of rows; the hint names after them */
  size_t sz_names = b->len / 4 + 64 + hint_len;
  pl_gazetteer *g = calloc(1, sizeof *g);
  /* calloc: a block this large comes from fresh zeroed pages, so the
   * empty hash table costs no memset */
  char *blk = g ? calloc(1, sz_pl + sz_inst + sz_tab + sz_names) : NULL;
  if (!blk) {
    free(g);
    pl_ctx_err(ctx, "out of memory loading the gazetteer");
    return PARLEY_ENOMEM;
  }
  g->block = blk;
  g->tab = (gz_ent *)blk;
  g->pl = (gz_place *)(blk + sz_tab);
  g->inst_place = (uint32_t *)(blk + sz_tab + sz_pl);
  g->inst_next = g->inst_place + names;
  g->names = blk + sz_tab + sz_pl + sz_inst;
  g->mask = cap - 1;
  /* pass 2: rows */
  const char *p = b->data, *end = b->data + b->len;
  size_t lineno = 0, bad = 0;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl) nl = end;
    lineno++;
    field_t f[7];
    memset(f, 0, sizeof f); /* -O3 cannot see nf guards every use */
    int nf = 0;
    for (const char *q = p; nf < 7;) {
      const char *t = nf < 6 ? memchr(q, '\t', (size_t)(nl - q)) : NULL;
      f[nf].s = q;
      f[nf].n = (size_t)((t ? t : nl) - q);
      nf++;
      if (!t) break;
      q = t + 1;
    }
    p = nl + 1;
    if (nf < 6 || !f[0].n) {
      if (nf > 1 || f[0].n) bad++;
      continue;
    }
    int ok1, ok2, k = kind_of(f[4].s, f[4].n);
    gz_place *pl = &g->pl[g->npl];
    pl->lat = (float)parse_coord(f[2].s, f[2].n, &ok1);
    pl->lon = (float)parse_coord(f[3].s, f[3].n, &ok2);
    if (!ok1 || !ok2 || k < 0 || f[1].n > 3 ||
        g->names_used + f[0].n + 1 + hint_len > sz_names) {
      bad++;
      continue;
    }
    char *nm = g->names + g->names_used;
    memcpy(nm, f[0].s, f[0].n);
    nm[f[0].n] = 0;
    g->names_used += f[0].n + 1;
    pl->name = (uint32_t)(nm - g->names);
    memset(pl->cc, 0, 4);
    if (!(f[1].n == 1 && f[1].s[0] == '-')) memcpy(pl->cc, f[1].s, f[1].n);
    pl->kind = (uint8_t)k;
    unsigned long pop = 0;
    for (size_t i = 0; i < f[5].n && f[5].s[i] >= '0' && f[5].s[i] <= '9'; i++)
      pop = pop * 10 + (unsigned long)(f[5].s[i] - '0');
    pl->pop = pop > UINT32_MAX ? UINT32_MAX : (uint32_t)pop;
    uint32_t pi = g->npl++;
    add_name(g, f[0].s, pi); /* ends at its tab (nf >= 6) */
    if (nf == 7 && f[6].n) {
      const char *a = f[6].s;
      char last[4096]; /* the file's last field has no newline after it */
      if (a + f[6].n == end) {
        size_t ln = f[6].n < sizeof last - 1 ? f[6].n : sizeof last - 1;
        memcpy(last, a, ln);
        last[ln] = 0;
        a = last;
      }
      for (;;) {
        a += add_name(g, a, pi | INST_ALT);
        if (*a != ';') break;
        a++;
      }
    }
  }
  for (size_t i = 0; us_states[i]; i++) add_hint(g, us_states[i], "USA");
  for (size_t i = 0; world_regions[i]; i++) add_hint(g, world_regions[i], NULL);
  g->bad = bad;
  g->lineno = lineno;
  g->text_len = b->len;
  if (bad)
    pl_buf_addf(&ctx->warnings, "places: %zu malformed gazetteer rows of %zu\n",
                bad, lineno);
  ctx->gaz = g;
  return PARLEY_OK;
}

/* ---- compiled image ----
 * tools/mkimage.c runs pl_places_load_text at build time and writes
 * pl_places_image's bytes into the library (pl_builtin_image("places")).
 * Layout: gz_img_hdr, then the hash table (mask + 1 gz_ent), the rows
 * (npl gz_place), inst_place and inst_next (ninst uint32_t each) and the
 * primary names (names_used bytes), each at an 8-byte aligned offset the
 * header records.  Every field is in the compiling machine's byte order
 * and sizes: the image is made and used by the same build, and a header
 * that does not match this code (magic read in native order, version,
 * struct sizes, text length) makes the loader parse the text instead.
 * At run time the arrays are used in place: no copy, no relocation (the
 * rows hold name offsets, not pointers), so loading costs a header check
 * and the pages of the image are only touched when a lookup reads them. */
#define GZ_IMG_MAGIC 0x315a41474c50ULL /* "PLGAZ1" in little-endian order */
#define GZ_IMG_VERSION 1u
typedef struct {
  uint64_t magic;
  uint32_t version, hdr_size, sz_place, sz_ent;
  uint64_t text_len;          /* length of the places.tsv blob it was made from */
  uint32_t npl, ninst, mask, pad;
  uint64_t names_used, bad, lineno;
  uint64_t off_tab, off_pl, off_inst, off_names, total;
} gz_img_hdr;

static size_t up8(size_t n) { return (n + 7) & ~(size_t)7; }

void *pl_places_image(const pl_gazetteer *g, size_t *len) {
  gz_img_hdr h;
  memset(&h, 0, sizeof h);
  h.magic = GZ_IMG_MAGIC;
  h.version = GZ_IMG_VERSION;
  h.hdr_size = sizeof h;
  h.sz_place = sizeof(gz_place);
  h.sz_ent = sizeof(gz_ent);
  h.text_len = g->text_len;
  h.npl = g->npl;
  h.ninst = g->ninst;
  h.mask = g->mask;
  h.names_used = g->names_used;
  h.bad = g->bad;
  h.lineno = g->lineno;
  h.off_tab = up8(sizeof h);
  h.off_pl = up8(h.off_tab + ((size_t)g->mask + 1) * sizeof(gz_ent));
  h.off_inst = up8(h.off_pl + (size_t)g->npl * sizeof(gz_place));
  h.off_names = up8(h.off_inst + (size_t)g->ninst * 2 * sizeof(uint32_t));
  h.total = up8(h.off_names + g->names_used);
  char *img = calloc(1, h.total);
  if (!img) return NULL;
  memcpy(img, &h, sizeof h);
  memcpy(img + h.off_tab, g->tab, ((size_t)g->mask + 1) * sizeof(gz_ent));
  memcpy(img + h.off_pl, g->pl, (size_t)g->npl * sizeof(gz_place));
  memcpy(img + h.off_inst, g->inst_place, (size_t)g->ninst * sizeof(uint32_t));
  memcpy(img + h.off_inst + (size_t)g->ninst * sizeof(uint32_t), g->inst_next,
         (size_t)g->ninst * sizeof(uint32_t));
  memcpy(img + h.off_names, g->names, g->names_used);
  *len = h.total;
  return img;
}

/* The gazetteer over image bytes img[0..len) (8-byte aligned, living as
 * long as the gazetteer); NULL when the image does not fit this code or
 * the text blob of text_len bytes. */
static pl_gazetteer *from_image(const char *img, size_t len, size_t text_len) {
  gz_img_hdr h;
  if (!img || len < sizeof h || ((uintptr_t)img & 7)) return NULL;
  memcpy(&h, img, sizeof h);
  if (h.magic != GZ_IMG_MAGIC || h.version != GZ_IMG_VERSION ||
      h.hdr_size != sizeof h || h.sz_place != sizeof(gz_place) ||
      h.sz_ent != sizeof(gz_ent) || h.text_len != text_len ||
      h.total != len || h.off_names + h.names_used > len ||
      h.names_used == 0 || img[h.off_names + h.names_used - 1] != 0 ||
      ((uint64_t)h.mask + 1) & h.mask)
    return NULL;
  pl_gazetteer *g = calloc(1, sizeof *g);
  if (!g) return NULL;
  /* the image is const; the gazetteer is read-only after load, so the
   * non-const members are never written through here */
  char *base = (char *)(uintptr_t)img;
  g->tab = (gz_ent *)(base + h.off_tab);
  g->mask = h.mask;
  g->pl = (gz_place *)(base + h.off_pl);
  g->npl = h.npl;
  g->inst_place = (uint32_t *)(base + h.off_inst);
  g->inst_next = g->inst_place + h.ninst;
  g->ninst = h.ninst;
  g->names = base + h.off_names;
  g->names_used = h.names_used;
  g->bad = h.bad;
  g->lineno = h.lineno;
  g->text_len = h.text_len;
  return g;
}

parley_rc pl_places_load_image(parley_ctx *ctx, const void *img, size_t len) {
  const pl_blob *b = pl_builtin("places");
  if (!b || !b->len) return PARLEY_OK;
  pl_gazetteer *g = from_image(img, len, b->len);
  if (!g) return PARLEY_EFORMAT;
  if (g->bad)
    pl_buf_addf(&ctx->warnings, "places: %zu malformed gazetteer rows of %zu\n",
                g->bad, g->lineno);
  ctx->gaz = g;
  return PARLEY_OK;
}

parley_rc pl_places_load_builtin(parley_ctx *ctx) {
  const pl_blob *im = pl_builtin_image("places");
  if (im && pl_places_load_image(ctx, im->data, im->len) == PARLEY_OK)
    return PARLEY_OK;
  return pl_places_load_text(ctx); /* no image, or one of another build */
}

void pl_gazetteer_free(pl_gazetteer *g) {
  if (!g) return;
  free(g->block);
  free(g);
}

/* ---- the stage ---- */

static const pl_token *T(const parley_doc *doc, uint32_t i) {
  return &doc->toks.v[i];
}

/* Is the token's key in the list? (its interned hash: no rehashing) */
static int in_key(const pl_token *t, const char *const *list) {
  return pl_words_has_h(list, t->key, t->hkey);
}

static int is_char(const parley_doc *doc, uint32_t i, char c) {
  return T(doc, i)->len == 1 && doc->text[T(doc, i)->off] == c;
}

static int tight_dash(const parley_doc *doc, uint32_t i, uint32_t end) {
  return i + 1 < end && is_char(doc, i, '-') &&
         !(T(doc, i)->flags & PL_TF_SPACE) &&
         !(T(doc, i + 1)->flags & PL_TF_SPACE);
}

static const char *const directions[] = {
    "north",     "northern",  "south",     "southern",     "east",
    "eastern",   "west",      "western",   "central",      "northeast",
    "northeastern", "northwest", "northwestern", "southeast", "southeastern",
    "southwest", "southwestern", NULL};

static const char *const loc_preps[] = {
    "in",      "at",     "near",   "into",    "from",   "across", "to",
    "toward",  "towards", "inside", "outside", "throughout", "around",
    "on",      "onto",   "off",    "over",    "along",  "within", "via",
    "through", "outskirts", NULL};
/* Those that put an event at the place rather than moving to/from it. */
static const char *const static_preps[] = {
    "in",     "at",     "near",   "inside", "outside", "throughout",
    "around", "on",     "off",    "over",   "along",   "within", "across",
    NULL};

/* Words the scan back from a place to its preposition steps over. */
static const char *const loc_skip[] = {
    "the",   "a",        "city",     "town",      "village", "camp",
    "capital", "of",     "district", "province",  "region",  "area",
    "besieged", "occupied", "neighbouring", "neighboring", "enclave",
    "coastal", "port",   "strip",    NULL};
static const char *const al_prefixes[] = {"al", "el", "ad", "an", "ar",
                                          "as", "az", "ash", "ed", "ez",
                                          NULL};

/* The word lists behind this file's PL_FW_* bits (token.c looks every
 * token's key up in them once; see internal.h). */
const pl_fwlist pl_places_fwlists[] = {
    {directions, PL_FW_DIR, 1}, {al_prefixes, PL_FW_AL, 1},
    {loc_preps, PL_FW_LOCP, 1}, {loc_skip, PL_FW_PSKIP, 1},
    {NULL, 0, 0}};

/* A raw phrase before candidate choice. */
typedef struct {
  uint32_t sent, tok, ntok;
  uint32_t head;     /* gazetteer instance list (primary place) */
  uint32_t head2;    /* second place for borders, UINT32_MAX */
  int32_t dir_tok;   /* directional modifier token, -1 */
  uint32_t qual;     /* 'Paris, Texas': country code index hint, 0 none */
  char qual_cc[4];
  uint8_t border;
  int32_t best, best2; /* chosen gazetteer rows */
} raw_t;

/* Longest match starting at token i (a word); returns tokens consumed
 * (0 when none) and the entry head. */
static uint32_t longest(const pl_gazetteer *g, const parley_doc *doc,
                        uint32_t i, uint32_t end, uint32_t *head) {
  uint64_t h = 0;
  uint32_t best = 0, ntok = 0;
  for (uint32_t j = i; j < end && ntok < MAX_NAME_TOKS;) {
    const pl_token *t = T(doc, j);
    if (!(t->flags & (PL_TF_WORD | PL_TF_NUM)) || (t->flags & PL_TF_POSS))
      break;
    h = hash_step(h, ntok == 0, t->key, strlen(t->key));
    ntok++;
    const gz_ent *e = lookup(g, h);
    if (!e) break;
    if ((e->v & E_NAME) && ent_head(e) != NO_INST) {
      best = j + 1 - i;
      *head = ent_head(e);
    }
    if (!(e->v & E_PREFIX)) break;
    j++;
    if (tight_dash(doc, j, end)) j++;
  }
  return best;
}

static const gz_place *row(const pl_gazetteer *g, uint32_t inst) {
  return &g->pl[g->inst_place[inst] & INST_PLACE];
}

/* How a phrase votes for its country: 2 (strong) when a candidate is a
 * place inside a country (a US state hint, an area, region or capital),
 * 1 (weak) when it is only the country's name, 0 for bare city names,
 * which may be namesakes of words. */
static int votes(const pl_gazetteer *g, uint32_t head) {
  int v = 0;
  for (uint32_t k = head; k != NO_INST; k = g->inst_next[k]) {
    int kd = row(g, k)->kind;
    if (kd == K_HINT || kd == K_AREA || kd == K_REGION || kd == K_CAPITAL)
      return 2;
    if (kd == K_COUNTRY) v = 1;
  }
  return v;
}

/* Country shared by every candidate of a list ("" when they differ or a
 * candidate has none). */
static const char *sole_country(const pl_gazetteer *g, uint32_t head) {
  const char *cc = row(g, head)->cc;
  for (uint32_t k = g->inst_next[head]; k != NO_INST; k = g->inst_next[k])
    if (strcmp(row(g, k)->cc, cc)) return "";
  return cc;
}

/* Countries the story mentions, each with its strongest vote: at most 64
 * (later ones are not added), in a 128-slot open-addressing set keyed by
 * the 4 code bytes (3 letters + NUL) read as one integer, so a test is
 * one or two probes rather than a scan of the list. */
#define CC_SLOTS 128
typedef struct {
  uint32_t key[CC_SLOTS]; /* 0 = empty */
  uint8_t level[CC_SLOTS];
  int n;
} ccset_t;

static uint32_t cc_slot(const ccset_t *s, uint32_t k) {
  uint32_t i = (k * 0x9E3779B1u) >> 25; /* 7 bits: CC_SLOTS */
  while (s->key[i] && s->key[i] != k) i = (i + 1) & (CC_SLOTS - 1);
  return i;
}

static void cc_add(ccset_t *s, const char *cc, int level) {
  /* a 3-letter code, not IGO (cc[3] is its NUL: 4 bytes readable) */
  if (!level || !cc[0] || !cc[1] || !cc[2] || cc[3] ||
      !memcmp(cc, "IGO", 4))
    return;
  uint32_t k;
  memcpy(&k, cc, 4);
  uint32_t i = cc_slot(s, k);
  if (s->key[i]) {
    if (s->level[i] < level) s->level[i] = (uint8_t)level;
    return;
  }
  if (s->n < 64) {
    s->key[i] = k;
    s->level[i] = (uint8_t)level;
    s->n++;
  }
}

/* cc: a char[4] code (gz_place.cc); equality of the 4 bytes is the set's
 * equality (its codes are 3 letters + NUL). */
static int cc_level(const ccset_t *s, const char cc[4]) {
  uint32_t k;
  memcpy(&k, cc, 4);
  if (!k) return 0;
  return s->level[cc_slot(s, k)]; /* 0 at an empty slot */
}

static int cc_has(const ccset_t *s, const char *cc) {
  return cc_level(s, cc) > 0;
}

/* Best candidate row of a list: the country named right after it
 * ("Paris, Texas"), then countries with a strong vote, then countries
 * only named (unless a namesake elsewhere is a much larger city: Geneva
 * stays Swiss in a story that names the U.S.), then kind rank, then
 * population.  A city reached only by an alt name ("Hamas" is an alt name
 * of Hamm) is a candidate only when its country is mentioned or a
 * locative preposition precedes ("in Geneva": Geneve, CHE); an
 * initialism ("U.N.", "UN") names only countries; a hint (US state, world
 * region, month) wins outright and is never output. */
static int32_t choose(const pl_gazetteer *g, uint32_t head, const ccset_t *m,
                      const char *qual, int initialism, int loc) {
  int32_t best = -1;
  long long bs = -1;
  uint32_t maxpop = 0;
  for (uint32_t k = head; k != NO_INST; k = g->inst_next[k])
    if (row(g, k)->pop > maxpop) maxpop = row(g, k)->pop;
  for (uint32_t k = head; k != NO_INST; k = g->inst_next[k]) {
    const gz_place *p = row(g, k);
    int lvl = cc_level(m, p->cc);
    int q = qual[0] && !strcmp(qual, p->cc);
    if ((g->inst_place[k] & INST_ALT) && p->kind == K_CITY && !lvl && !q &&
        !loc)
      continue;
    if (initialism && p->kind != K_COUNTRY && p->kind != K_HINT) continue;
    if (p->kind == K_HINT)
      return (int32_t)(g->inst_place[k] & INST_PLACE);
    long long sc = (long long)p->pop;
    sc += (long long)kind_rank[p->kind] << 33;
    int dwarfed = maxpop >= 100000 && maxpop / 5 >= p->pop;
    if (lvl == 1 && !dwarfed) sc += 1LL << 37;
    if (lvl == 2) sc += 1LL << 38;
    if (q) sc += 1LL << 39;
    if (sc > bs) bs = sc, best = (int32_t)(g->inst_place[k] & INST_PLACE);
  }
  return best;
}

/* The locative preposition governing a phrase at tok, or -1: scans back
 * over "the", "city of", "the Qatari capital", directional words. */
static int32_t loc_prep(const parley_doc *doc, uint32_t tok, uint32_t s0) {
  /* PL_FW_LOCP / PL_FW_PSKIP / PL_FW_DIR: loc_preps / loc_skip /
   * directions membership, looked up by token.c */
  uint32_t j = tok;
  for (int steps = 0; j > s0 && steps < 5; steps++) {
    const pl_token *t = T(doc, j - 1);
    if (t->fw & PL_FW_LOCP) return (int32_t)(j - 1);
    if (t->fw & (PL_FW_PSKIP | PL_FW_DIR)) {
      j--;
      continue;
    }
    /* "the Qatari capital Doha", "the Egyptian city of Rafah" */
    if ((t->flags & PL_TF_CAP) && j < tok + 1 && j - 1 > s0 &&
        j < doc->toks.n && (T(doc, j)->fw & PL_FW_PSKIP)) {
      j--;
      continue;
    }
    break;
  }
  return -1;
}

static int cap_word(const parley_doc *doc, uint32_t i) {
  const pl_token *t = T(doc, i);
  return (t->flags & PL_TF_WORD) && (t->flags & PL_TF_CAP) &&
         !(t->fw & PL_FW_LOCP) && strcmp(t->key, "the") &&
         strcmp(t->key, "a");
}

/* Emits one chosen phrase as a pl_place. */
static parley_rc emit(parley_doc *doc, const raw_t *r) {
  const pl_gazetteer *g = doc->ctx->gaz;
  const gz_place *p = &g->pl[r->best];
  pl_place *o = pl_vec_push(&doc->arena, &doc->places);
  if (!o) return PARLEY_ENOMEM;
  o->sent = r->sent;
  o->tok = r->tok;
  o->ntok = r->ntok;
  o->name = g->names + p->name;
  memcpy(o->country, p->cc, 4);
  o->lat = p->lat;
  o->lon = p->lon;
  o->kind = kind_names[p->kind];
  if (r->border && r->best2 >= 0) {
    const gz_place *q = &g->pl[r->best2];
    const char *pn = g->names + p->name, *qn = g->names + q->name;
    size_t a = strlen(pn), b = strlen(qn);
    char *nm = pl_alloc(&doc->arena, a + b + 9);
    if (!nm) return PARLEY_ENOMEM;
    memcpy(nm, pn, a);
    nm[a] = '-';
    memcpy(nm + a + 1, qn, b);
    memcpy(nm + a + 1 + b, " border", 8);
    o->name = nm;
    o->kind = "border";
    /* a country's point is its capital: the smaller side is nearer the
     * line, so it gives the point (midpoint when both are countries) */
    const gz_place *pt = p->kind == K_COUNTRY ? q : p;
    if (p->kind == K_COUNTRY && q->kind == K_COUNTRY) {
      o->lat = (p->lat + q->lat) / 2;
      o->lon = (p->lon + q->lon) / 2;
    } else {
      o->lat = pt->lat;
      o->lon = pt->lon;
      memcpy(o->country, pt->cc, 4);
    }
  } else if (r->dir_tok >= 0) {
    /* "<modifier> <place as written>": "east Bosnia", not "east Bosnia
     * and Herzegovina" */
    const pl_token *d = T(doc, (uint32_t)r->dir_tok);
    const pl_token *f = T(doc, r->tok + 1), *l = T(doc, r->tok + r->ntok - 1);
    size_t a = d->len, b = l->off + l->len - f->off;
    char *nm = pl_alloc(&doc->arena, a + b + 2);
    if (!nm) return PARLEY_ENOMEM;
    memcpy(nm, d->lower, a);
    nm[a] = ' ';
    memcpy(nm + a + 1, doc->text + f->off, b);
    nm[a + 1 + b] = 0;
    o->name = nm;
    o->kind = "area";
  }
  return PARLEY_OK;
}

static const char *const border_words[] = {"border", "borders", "frontier",
                                           "boundary", NULL};

parley_rc pl_places_run(parley_doc *doc) {
  const pl_gazetteer *g = doc->ctx->gaz;
  if (!g) return PARLEY_OK;
  PL_VEC(raw_t) raws = {0};
  /* 1. phrases */
  const pl_token *tv = doc->toks.v; /* fixed while this stage runs */
  for (uint32_t si = 0; si < doc->sents.n; si++) {
    const pl_sentence *st = &doc->sents.v[si];
    uint32_t s1 = st->tok0 + st->ntok;
    for (uint32_t i = st->tok0; i < s1; i++) {
      const pl_token *t = &tv[i];
      /* a capitalised word, or a direction / al- word (bits from
       * token.c): every other token leaves here */
      if (!(t->flags & PL_TF_WORD) ||
          (!(t->flags & PL_TF_CAP) && !(t->fw & (PL_FW_DIR | PL_FW_AL))))
        continue;
      int cap = (t->flags & PL_TF_CAP) != 0;
      /* direction / al- words by the bits token.c looked up */
      int dirw = (t->fw & PL_FW_DIR) && t->len >= 4;
      int al = !cap && (t->fw & PL_FW_AL) && t->len <= 3 &&
               tight_dash(doc, i + 1, s1) &&
               (T(doc, i + 2)->flags & PL_TF_CAP);
      if (!cap && !dirw && !al) continue;
      uint32_t head = UINT32_MAX, n = 0;
      int32_t dir = -1;
      if (cap || al || (dirw && i + 1 < s1 && (T(doc, i + 1)->flags & PL_TF_CAP)))
        n = longest(g, doc, i, s1, &head);
      if (!n && dirw && i + 1 < s1 && (T(doc, i + 1)->flags & PL_TF_CAP)) {
        uint32_t n2 = longest(g, doc, i + 1, s1, &head);
        if (n2) n = n2 + 1, dir = (int32_t)i;
      }
      if (!n) continue;
      raw_t *r = pl_vec_push(&doc->arena, &raws);
      if (!r) return PARLEY_ENOMEM;
      *r = (raw_t){si, i, n, head, UINT32_MAX, dir, 0, "", 0, -1, -1};
      i += n - 1;
    }
  }
  /* borders: "P-Q border", "the border between P and Q" */
  for (uint32_t k = 0; k + 1 < raws.n; k++) {
    raw_t *r = &raws.v[k], *q = &raws.v[k + 1];
    if (!r->ntok || r->sent != q->sent) continue;
    uint32_t s1 = doc->sents.v[r->sent].tok0 + doc->sents.v[r->sent].ntok;
    uint32_t e = r->tok + r->ntok, qe = q->tok + q->ntok;
    if (tight_dash(doc, e, s1) && q->tok == e + 1 && qe < s1 &&
        in_key(T(doc, qe), border_words)) {
      r->head2 = q->head;
      r->ntok = qe + 1 - r->tok;
      r->border = 1;
      q->ntok = 0;
      continue;
    }
    uint32_t s0 = doc->sents.v[r->sent].tok0;
    if (r->tok >= s0 + 2 && !strcmp(T(doc, r->tok - 1)->key, "between") &&
        in_key(T(doc, r->tok - 2), border_words) && e < s1 &&
        !strcmp(T(doc, e)->key, "and") && q->tok == e + 1) {
      r->head2 = q->head;
      r->tok -= 2;
      r->ntok = qe - r->tok;
      r->border = 1;
      q->ntok = 0;
    }
  }
  /* 2. countries the story mentions */
  ccset_t m = {.n = 0};
  /* a mention that is itself a place phrase ("Paris" read as FRAGOV)
   * does not vote: the phrase votes by the gazetteer's rules */
  uint8_t *inplace = doc->ments.n ? pl_calloc(&doc->arena, doc->ments.n, 1)
                                  : NULL;
  if (doc->ments.n && !inplace) return PARLEY_ENOMEM;
  for (uint32_t k = 0; k < raws.n; k++)
    for (uint32_t t = raws.v[k].tok; t < raws.v[k].tok + raws.v[k].ntok; t++)
      if (T(doc, t)->ment >= 0 && (uint32_t)T(doc, t)->ment < doc->ments.n)
        inplace[T(doc, t)->ment] = 1;
  for (uint32_t i = 0; i < doc->ments.n; i++) {
    const char *code = doc->ments.v[i].a.code;
    if (!code || !code[0] || inplace[i]) continue;
    char cc[4], sec[4];
    pl_actor_parts(code, cc, sec);
    cc_add(&m, cc, 1);
  }
  for (uint32_t k = 0; k < raws.n; k++) {
    const raw_t *r = &raws.v[k];
    if (!r->ntok) continue;
    cc_add(&m, sole_country(g, r->head), votes(g, r->head));
    if (r->head2 != UINT32_MAX)
      cc_add(&m, sole_country(g, r->head2), votes(g, r->head2));
  }
  /* 3. choose; 4. keep */
  for (uint32_t k = 0; k < raws.n; k++) {
    raw_t *r = &raws.v[k];
    if (!r->ntok) continue;
    uint32_t e = r->tok + r->ntok;
    const pl_sentence *st = &doc->sents.v[r->sent];
    uint32_t s0 = st->tok0, s1 = st->tok0 + st->ntok;
    const char *qual = "";
    if (k + 1 < raws.n && raws.v[k + 1].ntok && e + 1 < s1 &&
        is_char(doc, e, ',') && raws.v[k + 1].tok == e + 1)
      qual = sole_country(g, raws.v[k + 1].head);
    int initialism = r->ntok == 1 &&
                     ((T(doc, r->tok)->flags & PL_TF_ABBR) ||
                      ((T(doc, r->tok)->flags & PL_TF_ALLCAP) &&
                       strlen(T(doc, r->tok)->key) <= 4));
    int loc = loc_prep(doc, r->tok, s0) >= 0;
    r->best = choose(g, r->head, &m, qual, initialism, loc);
    if (r->head2 != UINT32_MAX)
      r->best2 = choose(g, r->head2, &m, "", 0, 0);
    if (r->border && r->best2 < 0) r->border = 0;
    if (r->best < 0) continue;
    const gz_place *p = &g->pl[r->best];
    if (p->kind == K_HINT) continue;
    int phrase = r->border || r->dir_tok >= 0;
    const pl_token *t0 = T(doc, r->tok);
    int needs_loc = 0;
    if (!phrase) {
      /* an actor reading: a country name, or a one-word name the actors
       * stage took ("Paris" as FRAGOV); "the Gaza Strip" as PSE and
       * "Paris, Texas" stay places */
      if (p->kind == K_COUNTRY ||
          (t0->ment >= 0 && r->ntok == 1 && p->kind != K_AREA && !qual[0]))
        needs_loc = 1;
      /* a town in a country the story never mentions is more likely a
       * namesake of a word or a surname ("Antony") */
      if (p->kind == K_CITY && !cc_has(&m, p->cc) && !qual[0]) needs_loc = 1;
      if (r->ntok == 1 && ((r->tok > s0 && cap_word(doc, r->tok - 1) &&
                            !(T(doc, r->tok - 1)->flags & PL_TF_SSTART)) ||
                           (e < s1 && cap_word(doc, e))))
        needs_loc = 1; /* "Antony Blinken", "Gaza Health Ministry" */
      if (r->ntok == 1 && (t0->flags & PL_TF_SSTART) && t0->tag &&
          t0->tag != PL_T_NNP && t0->tag != PL_T_NNPS)
        needs_loc = 1; /* "Police said ..." */
    }
    if (needs_loc && loc_prep(doc, r->tok, s0) < 0) continue;
    /* "U.S.-led", "Israel-based": an adjective compound */
    if (!phrase && tight_dash(doc, e, s1) && !(T(doc, e + 1)->flags & PL_TF_CAP))
      continue;
    /* "in U.S. weapons": a country name modifying a noun */
    if (!phrase && p->kind == K_COUNTRY && e < s1 &&
        (T(doc, e)->tag == PL_T_NN || T(doc, e)->tag == PL_T_NNS) &&
        !(T(doc, e)->flags & PL_TF_CAP))
      continue;
    if (!phrase && t0->ment >= 0 && (uint32_t)t0->ment < doc->ments.n) {
      /* a person or organisation ("from Hamas"), even after "to" or
       * "from"; a country code or a metonym ("Paris" as FRAGOV) may be a
       * place */
      const pl_mention *mt = &doc->ments.v[t0->ment];
      const char *code = mt->a.code ? mt->a.code : "";
      if (mt->tok == r->tok && ((mt->flags & PL_MF_PERSON) ||
                                (strlen(code) > 3 &&
                                 mt->a.how != PL_HOW_METONYM &&
                                 !(mt->flags & PL_MF_COUNTRY))))
        continue; /* ("the people of Gaza" is not Gaza's own mention) */
    }
    parley_rc rc = emit(doc, r);
    if (rc) return rc;
  }
  return PARLEY_OK;
}

int32_t pl_place_for(const parley_doc *doc, uint32_t sent, uint32_t lo,
                     uint32_t hi) {
  if (sent >= doc->sents.n) return -1;
  uint32_t s0 = doc->sents.v[sent].tok0;
  uint32_t a = 0, b = doc->places.n;
  while (a < b) { /* first place of the sentence */
    uint32_t mid = a + (b - a) / 2;
    if (doc->places.v[mid].sent < sent) a = mid + 1;
    else b = mid;
  }
  int32_t moving = -1;
  for (uint32_t k = a; k < doc->places.n && doc->places.v[k].sent == sent;
       k++) {
    const pl_place *p = &doc->places.v[k];
    if (p->tok < lo || p->tok >= hi) continue;
    int32_t prep = loc_prep(doc, p->tok, s0);
    if (prep < 0 || (uint32_t)prep < lo) continue;
    if (in_key(T(doc, (uint32_t)prep), static_preps)) return (int32_t)k;
    if (moving < 0) moving = (int32_t)k;
  }
  return moving;
}
