/*
 * dict.c - actor dictionary loaders: parley's native format (the built-in
 * image in data/actors/ and user files) and the field's PETRARCH/TABARI
 * actors, agents and discard files, read unchanged.
 *
 * Input: text (a built-in blob or a file).  Output: ctx->actors, the
 * compiled dictionary of dict.h.  Lines that cannot be read are reported
 * in ctx->warnings as "file:line: reason" and skipped; loading never stops
 * at a bad line.  Formats are documented in docs/FORMATS.md ("Actor
 * dictionaries").
 *
 * Invariants: phrase word lists mirror the tokenizer (token.c): words are
 * lower-cased, periods dropped, hyphens and underscores separate words,
 * a trailing 's / ' is its own word, other punctuation is a word of its own.
 * So a phrase matches exactly the token keys of the same text in a document.
 */
#include "dict.h"
#include "image.h"
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <utf8proc.h>

/* ------------------------------------------------------------------ */
/* growable arrays                                                     */

static int grow(void **v, uint32_t *cap, uint32_t need, size_t elem) {
  if (need <= *cap) return 0;
  uint32_t nc = *cap ? *cap : 64;
  while (nc < need) {
    if (nc > UINT32_MAX / 2) return -1;
    nc *= 2;
  }
  void *p = realloc(*v, (size_t)nc * elem);
  if (!p) return -1;
  *v = p;
  *cap = nc;
  return 0;
}
#define GROW(d, arr, n, capf, need)                                        \
  grow((void **)&(d)->arr, &(d)->capf, (need), sizeof(*(d)->arr))

/* ------------------------------------------------------------------ */
/* the word table                                                      */

static uint32_t hash_key(const char *k, size_t n) {
  uint32_t h = pl_fnv32(k, n);
  return h ? h : 1;
}

uint32_t pl_dict_word(const pl_actordict *d, const char *key) {
  if (!d || !d->wcap) return PL_NOWORD;
  size_t n = strlen(key);
  uint32_t h = hash_key(key, n), m = d->wcap - 1;
  for (uint32_t i = h & m; d->wtab[i].id; i = (i + 1) & m) {
    if (d->wtab[i].hash != h) continue;
    const pl_word *w = &d->words[d->wtab[i].id - 1];
    if (w->len == n && !memcmp(w->key, key, n)) return d->wtab[i].id - 1;
  }
  return PL_NOWORD;
}

/* Puts word id into the first free slot of its probe. */
static void slot_put(pl_wslot *t, uint32_t mask, const pl_word *w,
                     uint32_t id) {
  uint32_t i = w->hash & mask;
  while (t[i].id) i = (i + 1) & mask;
  t[i].hash = w->hash;
  t[i].id = id + 1;
  /* a short word in the slot itself; a long one leaves 8 bytes, so
   * k[7] != 0 sends the compare to the record */
  memset(t[i].k, 0, sizeof t[i].k);
  memcpy(t[i].k, w->key, w->len < 8 ? w->len : 8);
}

static int rehash(pl_actordict *d, uint32_t cap) {
  pl_wslot *t = calloc(cap, sizeof *t);
  if (!t) return -1;
  for (uint32_t i = 0; i < d->nwords; i++)
    slot_put(t, cap - 1, &d->words[i], i);
  free(d->wtab);
  d->wtab = t;
  d->wcap = cap;
  return 0;
}

/* Interns key[0..n); returns its word id or PL_NOWORD on OOM. */
static uint32_t intern(pl_actordict *d, const char *key, size_t n) {
  if ((d->nwords + 1) * 2 > d->wcap &&
      rehash(d, d->wcap ? d->wcap * 2 : 4096))
    return PL_NOWORD;
  uint32_t h = hash_key(key, n), m = d->wcap - 1;
  for (uint32_t i = h & m; d->wtab[i].id; i = (i + 1) & m) {
    if (d->wtab[i].hash != h) continue;
    const pl_word *w = &d->words[d->wtab[i].id - 1];
    if (!strncmp(w->key, key, n) && !w->key[n]) return d->wtab[i].id - 1;
  }
  if (GROW(d, words, nwords, capwords, d->nwords + 1)) return PL_NOWORD;
  char *k = pl_strndup(&d->arena, key, n);
  if (!k) return PL_NOWORD;
  pl_word *w = &d->words[d->nwords];
  w->key = k;
  w->hash = h;
  w->head = PL_NONE;
  w->heada = PL_NONE;
  w->npair = 0;
  w->cls = 0;
  w->len = (uint32_t)n;
  slot_put(d->wtab, m, w, d->nwords);
  return d->nwords++;
}

uint32_t pl_dict_intern(pl_actordict *d, const char *key) {
  return intern(d, key, strlen(key));
}

/* ------------------------------------------------------------------ */
/* phrases                                                             */

/* Appends the match key of s[0..n) (lower case, '.' dropped) to out. */
static size_t key_of(const char *s, size_t n, char *out, size_t cap) {
  size_t o = 0, i = 0;
  while (i < n && o + 4 < cap) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      if (c != '.') out[o++] = (char)tolower(c);
      i++;
      continue;
    }
    uint32_t cp;
    size_t k = pl_utf8_decode((const unsigned char *)s + i, n - i, &cp, NULL);
    uint32_t lc = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
    char enc[4];
    size_t el = pl_utf8_encode(lc, enc);
    if (el > k) {
      memcpy(enc, s + i, k);
      el = k;
    }
    memcpy(out + o, enc, el);
    o += el;
    i += k;
  }
  out[o] = 0;
  return o;
}

static int is_wordch(unsigned char c) {
  return isalnum(c) || c >= 0x80 || c == '.' || c == '\'';
}

/* Splits text into match words (see the file comment).  Returns the
 * number of words (<= maxw) with their spans in ws/wl, or -1 if too many. */
static int split_words(const char *t, size_t n, const char **ws, size_t *wl,
                       int maxw) {
  int nw = 0;
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)t[i];
    if (c == ' ' || c == '_' || c == '\t' || c == '-' || c == '\r') {
      i++;
      continue;
    }
    size_t s = i;
    if (is_wordch(c) && c != '\'') {
      while (i < n && is_wordch((unsigned char)t[i])) i++;
      size_t e = i;
      /* a trailing possessive is its own word, as in the tokenizer */
      size_t pe = e;
      if (e - s > 2 && (t[e - 1] == 's' || t[e - 1] == 'S') && t[e - 2] == '\'')
        pe = e - 2;
      else if (e - s > 1 && t[e - 1] == '\'')
        pe = e - 1;
      /* trailing periods of a plain word ("Inc.") keep nothing in the key */
      if (nw >= maxw) return -1;
      ws[nw] = t + s;
      wl[nw++] = pe - s;
      if (pe < e) {
        if (nw >= maxw) return -1;
        ws[nw] = t + pe;
        wl[nw++] = e - pe;
      }
    } else {
      i++;
      if (nw >= maxw) return -1;
      ws[nw] = t + s;
      wl[nw++] = 1;
    }
  }
  return nw;
}

static int plural_word(const char *k) {
  static const char *const pl[] = {"people", "men", "women", "children",
                                   "police", "personnel", "staff", "clergy",
                                   "militia", "authorities", NULL};
  size_t n = strlen(k);
  for (const char *const *p = pl; *p; p++)
    if (!strcmp(k, *p)) return 1;
  if (n < 4 || k[n - 1] != 's') return 0;
  return !(k[n - 2] == 's' || k[n - 2] == 'u' || k[n - 2] == 'i');
}

/* Adds one phrase.  native: flags derived from the spelling (acronyms and
 * capitalised single words must be capitalised in the text).  Returns 1
 * added, 0 nothing to add (empty), -1 OOM. */
static int add_phrase(pl_actordict *d, const char *text, size_t n,
                      uint8_t kind, uint32_t ent, uint8_t flags, int native) {
  const char *ws[64];
  size_t wl[64];
  while (n && isspace((unsigned char)*text)) { text++; n--; }
  while (n && isspace((unsigned char)text[n - 1])) n--;
  int nw = split_words(text, n, ws, wl, 64);
  if (nw <= 0) return nw < 0 ? 0 : 0;
  uint32_t ids[64];
  int k = 0, gaps = 0;
  char key[PL_MAX_TOKEN_BYTES + 8];
  for (int i = 0; i < nw; i++) {
    size_t kl = key_of(ws[i], wl[i], key, sizeof key);
    if (!kl) continue; /* a lone "." */
    uint32_t id = intern(d, key, kl);
    if (id == PL_NOWORD) return -1;
    /* PL_PF_GAPS asked: words separated by blanks only (no '_' or '-')
     * may have other words between them in the text */
    if ((flags & PL_PF_GAPS) && k > 0) {
      const char *g = ws[i - 1] + wl[i - 1];
      int blank = 0, joined = 0;
      for (; g < ws[i]; g++) {
        if (*g == ' ' || *g == '\t') blank = 1;
        else joined = 1;
      }
      if (blank && !joined) {
        id |= PL_PW_GAP;
        gaps = 1;
      }
    }
    ids[k++] = id;
  }
  if (!gaps) flags &= (uint8_t)~PL_PF_GAPS;
  if (!k) return 0;
  if (native && k == 1 && (kind != PL_PK_NOUN)) {
    int up = 0, lo = 0;
    for (size_t i = 0; i < wl[0]; i++) {
      unsigned char c = (unsigned char)ws[0][i];
      if (isupper(c)) up++;
      else if (islower(c)) lo++;
    }
    if (up >= 2 && !lo) flags |= PL_PF_ALLCAP;
    else if (isupper((unsigned char)ws[0][0])) flags |= PL_PF_CAP;
  }
  if ((kind == PL_PK_NOUN || kind == PL_PK_ADJ) &&
      plural_word(d->words[PL_PW_ID(ids[k - 1])].key))
    flags |= PL_PF_PLURAL;
  if (GROW(d, pw, npw, cappw, d->npw + (uint32_t)k) ||
      GROW(d, ph, nph, capph, d->nph + 1))
    return -1;
  uint32_t pi = d->nph++;
  pl_phrase *p = &d->ph[pi];
  p->w0 = d->npw;
  p->n = (uint16_t)k;
  p->kind = kind;
  p->flags = flags;
  p->ent = ent;
  memcpy(d->pw + d->npw, ids, (size_t)k * sizeof *ids);
  d->npw += (uint32_t)k;
  /* insert into the first word's list: longest first, newest first */
  pl_word *w = &d->words[ids[0]];
  uint32_t prev = PL_NONE, q = w->head;
  while (q != PL_NONE && d->ph[q].n > k) {
    prev = q;
    q = d->ph[q].next;
  }
  p->next = q;
  if (prev == PL_NONE) w->head = pi;
  else d->ph[prev].next = pi;
  return 1;
}

/* ------------------------------------------------------------------ */
/* the match index                                                     */

/* Most phrases of a common first word ("united", "the") fail on their
 * second word; the index lets the matcher visit only the phrases whose
 * second word is the token that follows, plus those it cannot rule out
 * that way (one word, a gapped second word), in list order. */
static uint32_t pair_hash(uint32_t w, uint32_t w1) {
  uint32_t h = w * 0x9e3779b1u ^ (w1 + 0x7f4a7c15u) * 0x85ebca77u;
  return h ^ (h >> 15);
}

uint32_t pl_dict_pair(const pl_actordict *d, uint32_t w, uint32_t w1) {
  if (!d->pcap) return PL_NONE;
  uint32_t m = d->pcap - 1;
  for (uint32_t i = pair_hash(w, w1) & m;; i = (i + 1) & m) {
    const pl_pslot *sl = &d->ptab[i];
    if (!sl->ph) return PL_NONE;
    if (sl->w == w && sl->w1 == w1) return sl->ph - 1;
  }
}

int pl_dict_index(pl_actordict *d) {
  uint32_t cap = 64;
  while (cap < d->nph * 2u) {
    if (cap > UINT32_MAX / 4) return -1;
    cap *= 2;
  }
  pl_pslot *t = calloc(cap, sizeof *t);
  /* tail of each slot's chain, so appending is O(1) however many phrases
   * share their first two words (a user dictionary may hold thousands) */
  uint32_t *tail = malloc((size_t)cap * sizeof *tail);
  if (!t || !tail) {
    free(t);
    free(tail);
    return -1;
  }
  free(d->ptab);
  d->ptab = t;
  d->pcap = cap;
  uint32_t m = cap - 1;
  for (uint32_t wi = 0; wi < d->nwords; wi++) {
    pl_word *w = &d->words[wi];
    uint32_t rank = 0, taila = PL_NONE;
    w->heada = PL_NONE;
    w->npair = 0;
    for (uint32_t p = w->head; p != PL_NONE; p = d->ph[p].next) {
      pl_phrase *ph = &d->ph[p];
      ph->rank = rank++;
      ph->nexta = ph->nextp = PL_NONE;
      if (ph->n < 2 || (d->pw[ph->w0 + 1] & PL_PW_GAP)) {
        if (taila == PL_NONE) w->heada = p;
        else d->ph[taila].nexta = p;
        taila = p;
        continue;
      }
      /* append to the (first, second word) chain: the list is walked in
       * order, so the chain is in list order too */
      uint32_t w1 = d->pw[ph->w0 + 1];
      w->npair++;
      uint32_t i = pair_hash(wi, w1) & m;
      while (t[i].ph && (t[i].w != wi || t[i].w1 != w1)) i = (i + 1) & m;
      if (!t[i].ph) {
        t[i].w = wi;
        t[i].w1 = w1;
        t[i].ph = p + 1;
      } else {
        d->ph[tail[i]].nextp = p;
      }
      tail[i] = p;
    }
  }
  free(tail);
  return 0;
}

static const char *dstr(pl_actordict *d, const char *s, size_t n) {
  return pl_strndup(&d->arena, s, n);
}

/* Upper-cased copy of a code. */
static const char *dcode(pl_actordict *d, const char *s, size_t n) {
  char *p = pl_strndup(&d->arena, s, n);
  if (p)
    for (size_t i = 0; i < n; i++) p[i] = (char)toupper((unsigned char)p[i]);
  return p;
}

static uint32_t add_entry(pl_actordict *d, uint8_t kind, const char *name,
                          size_t nn, const char *code, size_t cn) {
  if (GROW(d, ent, nent, capent, d->nent + 1)) return PL_NONE;
  pl_dentry *e = &d->ent[d->nent];
  memset(e, 0, sizeof *e);
  e->kind = kind;
  e->name = dstr(d, name, nn);
  e->code = dcode(d, code ? code : "", code ? cn : 0);
  e->dc0 = d->ndc;
  if (!e->name || !e->code) return PL_NONE;
  return d->nent++;
}

/* Dated codes of an entry must be contiguous in d->dc: entries are
 * written one at a time, so a code is appended only to the last entry. */
static int add_dcode(pl_actordict *d, uint32_t ent, const char *code,
                     size_t cn, int32_t from, int32_t to) {
  if (ent != d->nent - 1) return -1;
  if (GROW(d, dc, ndc, capdc, d->ndc + 1)) return -1;
  pl_dcode *c = &d->dc[d->ndc++];
  c->code = dcode(d, code, cn);
  c->from = from;
  c->to = to;
  d->ent[ent].ndc++;
  return c->code ? 0 : -1;
}

const char *pl_dict_code(const pl_actordict *d, const pl_dentry *e,
                         int32_t day, int *dated) {
  const pl_dcode *best = NULL;
  if (dated) *dated = 0;
  for (uint32_t i = 0; i < e->ndc; i++) {
    const pl_dcode *c = &d->dc[e->dc0 + i];
    if (day == PL_DAY_MIN) {
      /* unknown date: the most recent code */
      if (!best || c->to > best->to ||
          (c->to == best->to && c->from > best->from))
        best = c;
    } else if (day >= c->from && day <= c->to) {
      /* on a handover day the incoming code wins */
      if (!best || c->from > best->from) best = c;
    }
  }
  if (best) {
    if (dated) *dated = 1;
    return best->code;
  }
  return e->code;
}

size_t pl_dict_bytes(const pl_actordict *d) {
  if (!d) return 0;
  return d->arena.total + (size_t)d->capwords * sizeof *d->words +
         (size_t)d->wcap * sizeof *d->wtab +
         (size_t)d->capph * sizeof *d->ph + (size_t)d->cappw * sizeof *d->pw +
         (size_t)d->capent * sizeof *d->ent +
         (size_t)d->capdc * sizeof *d->dc + (size_t)d->capfz * sizeof *d->fz +
         (size_t)d->pcap * sizeof *d->ptab + sizeof *d;
}

/* ------------------------------------------------------------------ */
/* fuzzy index: distinctive person tokens                              */

static void fz_add(pl_actordict *d, uint32_t word, uint32_t ent, int tier,
                   uint8_t *tiers, uint32_t *pos) {
  const char *k = d->words[word].key;
  size_t n = strlen(k);
  if (n < 5) return;
  uint32_t i = pos[word];
  if (i != PL_NONE) {
    if (d->fz[i].ent == ent) return;
    if (tiers[i] < tier) return;          /* an alias beats a surname */
    if (tiers[i] > tier) {
      d->fz[i].ent = ent;
      tiers[i] = (uint8_t)tier;
    } else {
      d->fz[i].ent = PL_NONE;             /* two people: ambiguous */
    }
    return;
  }
  if (GROW(d, fz, nfz, capfz, d->nfz + 1)) return;
  d->fz[d->nfz].key = k;
  d->fz[d->nfz].len = (uint32_t)n;
  d->fz[d->nfz].ent = ent;
  tiers[d->nfz] = (uint8_t)tier;
  pos[word] = d->nfz++;
}

/* By first byte, then length, then key: a lookup reads the first byte's
 * bucket only from the keys one byte shorter to those one byte longer. */
static int fz_cmp(const void *a, const void *b) {
  const pl_fuzzy *x = a, *y = b;
  int c = (unsigned char)x->key[0] - (unsigned char)y->key[0];
  if (c) return c;
  if (x->len != y->len) return x->len < y->len ? -1 : 1;
  return strcmp(x->key, y->key);
}

void pl_dict_fuzzy_build(pl_actordict *d) {
  if (!d || !d->fuzzy_dirty) return;
  d->fuzzy_dirty = 0;
  d->nfz = 0;
  uint8_t *tiers = malloc(d->nph + 1);
  uint32_t *pos = malloc(((size_t)d->nwords + 1) * sizeof *pos);
  if (!tiers || !pos) {
    free(tiers);
    free(pos);
    return;
  }
  for (uint32_t i = 0; i < d->nwords; i++) pos[i] = PL_NONE;
  for (int tier = 0; tier < 2; tier++) {
    for (uint32_t i = 0; i < d->nph; i++) {
      const pl_phrase *p = &d->ph[i];
      if (d->ent[p->ent].kind != PL_EK_PERSON) continue;
      if (tier == 0 && p->n == 1)
        fz_add(d, d->pw[p->w0], p->ent, 0, tiers, pos);
      if (tier == 1 && p->n > 1) {
        uint32_t w = PL_PW_ID(d->pw[p->w0 + p->n - 1]);
        /* a surname is distinctive only when no phrase starts with it
         * (so not a first name like "Mohamed") */
        if (d->words[w].head == PL_NONE) fz_add(d, w, p->ent, 1, tiers, pos);
      }
    }
  }
  free(tiers);
  free(pos);
  /* buckets by first byte: a near miss keeps its first letter */
  if (d->nfz) qsort(d->fz, d->nfz, sizeof *d->fz, fz_cmp);
  uint32_t k = 0;
  for (int c = 0; c < 256; c++) {
    d->fzidx[c] = k;
    while (k < d->nfz && (unsigned char)d->fz[k].key[0] == c) k++;
  }
  d->fzidx[256] = k;
}

/* 1 when a and b (lengths na, nb) differ by exactly one edit. */
static int one_edit(const char *a, size_t na, const char *b, size_t nb) {
  if (na > nb) {
    const char *t = a; a = b; b = t;
    size_t tn = na; na = nb; nb = tn;
  }
  if (nb - na > 1) return 0;
  /* the first letter of a name is rarely misspelled; requiring it keeps
   * "Jassim" from becoming "Qassim" */
  if (a[0] != b[0]) return 0;
  size_t i = 0;
  while (i < na && a[i] == b[i]) i++;
  if (na == nb) {
    if (i == na) return 0;
    if (!strcmp(a + i + 1, b + i + 1)) return 1;
    /* transposition counts as one edit */
    return i + 1 < na && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           !strcmp(a + i + 2, b + i + 2);
  }
  return !strcmp(a + i, b + i + 1);
}

uint32_t pl_dict_fuzzy(const pl_actordict *d, const char *key) {
  size_t n = strlen(key);
  if (!d || n < 5) return PL_NONE;
  uint32_t found = PL_NONE;
  unsigned char c0 = (unsigned char)key[0];
  /* the bucket is sorted by length (fz_cmp): find the first key of at
   * least n - 1 bytes, stop past n + 1 (the answer does not depend on
   * the order candidates are seen in) */
  uint32_t lo = d->fzidx[c0], hi = d->fzidx[c0 + 1];
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (d->fz[mid].len + 1 < n) lo = mid + 1;
    else hi = mid;
  }
  for (uint32_t i = lo; i < d->fzidx[c0 + 1]; i++) {
    const pl_fuzzy *f = &d->fz[i];
    if (f->len > n + 1) break;
    if (!one_edit(key, n, f->key, f->len)) continue;
    if (f->ent == PL_NONE) return PL_NONE;
    if (found != PL_NONE && found != f->ent) return PL_NONE;
    found = f->ent;
  }
  return found;
}

/* ------------------------------------------------------------------ */
/* line reading and warnings                                           */

typedef struct rd {
  parley_ctx *ctx;
  pl_actordict *d;
  const char *name;       /* file name for messages */
  const char *p, *end;
  size_t line;
  size_t entries, warnings;
  int in_xml;             /* inside a multi-line <!-- --> comment */
} rd;

static void warn(rd *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void warn(rd *r, const char *fmt, ...) {
  char msg[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  r->warnings++;
  pl_buf_addf(&r->ctx->warnings, "%s:%zu: %s\n", r->name, r->line, msg);
}

/* Next raw line into [*s, *e); returns 0 at the end. */
static int next_line(rd *r, const char **s, const char **e) {
  if (r->p >= r->end) return 0;
  const char *q = memchr(r->p, '\n', (size_t)(r->end - r->p));
  if (!q) q = r->end;
  *s = r->p;
  *e = q;
  r->p = q < r->end ? q + 1 : q;
  r->line++;
  while (*e > *s && ((*e)[-1] == '\r' || (*e)[-1] == '\n')) (*e)--;
  return 1;
}

/* Removes <!-- ... --> comments (possibly spanning lines) from a line,
 * in place in buf; returns the remaining length. */
static size_t strip_xml(rd *r, char *buf, size_t n) {
  size_t o = 0, i = 0;
  while (i < n) {
    if (r->in_xml) {
      if (i + 3 <= n && !memcmp(buf + i, "-->", 3)) {
        r->in_xml = 0;
        i += 3;
      } else {
        i++;
      }
    } else if (i + 4 <= n && !memcmp(buf + i, "<!--", 4)) {
      r->in_xml = 1;
      i += 4;
    } else {
      buf[o++] = buf[i++];
    }
  }
  return o;
}

/* Cuts a comment: native files use '#' at the line start or after white
 * space; PETRARCH files '#' anywhere (and ';' when semi). */
static size_t strip_hash(char *buf, size_t n, int anywhere, int semi) {
  for (size_t i = 0; i < n; i++) {
    if (buf[i] == '#' && (anywhere || i == 0 ||
                          isspace((unsigned char)buf[i - 1])))
      return i;
    if (semi && buf[i] == ';') return i;
  }
  return n;
}

static size_t rtrim(const char *s, size_t n) {
  while (n && isspace((unsigned char)s[n - 1])) n--;
  return n;
}

/* ------------------------------------------------------------------ */
/* dates                                                               */

/* "YYYY-MM-DD", "YYYYMMDD" or TABARI "YYMMDD" (00-30 = 20YY); "-" or ""
 * open.  Returns 0 and the day number, -1 malformed. */
static int parse_day(const char *s, size_t n, int32_t *day) {
  char dig[16];
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (isdigit((unsigned char)s[i])) {
      if (k < sizeof dig - 1) dig[k++] = s[i];
    } else if (s[i] != '-' && s[i] != ' ') {
      return -1;
    }
  }
  dig[k] = 0;
  int y, m, dd;
  if (k >= 8) { /* as PETRARCH: the first 8 digits are YYYYMMDD */
    y = (dig[0] - '0') * 1000 + (dig[1] - '0') * 100 + (dig[2] - '0') * 10 +
        (dig[3] - '0');
    m = (dig[4] - '0') * 10 + (dig[5] - '0');
    dd = (dig[6] - '0') * 10 + (dig[7] - '0');
  } else if (k == 6) {
    y = (dig[0] - '0') * 10 + (dig[1] - '0');
    y += y <= 30 ? 2000 : 1900;
    m = (dig[2] - '0') * 10 + (dig[3] - '0');
    dd = (dig[4] - '0') * 10 + (dig[5] - '0');
  } else {
    return -1;
  }
  if (!pl_date_valid(y, m, dd)) return -1;
  *day = (int32_t)pl_date_days(y, m, dd);
  return 0;
}

/* ------------------------------------------------------------------ */
/* parley native format                                                */

static int kw_is(const char *s, size_t n, const char *kw) {
  size_t k = strlen(kw);
  return n >= k && !strncmp(s, kw, k) && (n == k || isspace((unsigned char)s[k]));
}

/* Adds every ';'-separated phrase of list as kind. */
static int add_list(rd *r, const char *s, size_t n, uint8_t kind,
                    uint32_t ent) {
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && s[j] != ';') j++;
    if (add_phrase(r->d, s + i, j - i, kind, ent, 0, 1) < 0) return -1;
    i = j + 1;
  }
  return 0;
}

static parley_rc load_native(rd *r) {
  const char *ls, *le;
  char buf[4096];
  uint32_t cur = PL_NONE;
  while (next_line(r, &ls, &le)) {
    size_t n = (size_t)(le - ls);
    if (n >= sizeof buf) {
      warn(r, "line too long");
      continue;
    }
    memcpy(buf, ls, n);
    n = strip_xml(r, buf, n);
    n = rtrim(buf, strip_hash(buf, n, 0, 0));
    size_t i = 0;
    while (i < n && isspace((unsigned char)buf[i])) i++;
    if (i == n) continue;
    int indented = i > 0;
    const char *s = buf + i;
    size_t sn = n - i;
    size_t kl = 0;
    while (kl < sn && !isspace((unsigned char)s[kl])) kl++;
    const char *arg = s + kl;
    size_t an = sn - kl;
    while (an && isspace((unsigned char)*arg)) { arg++; an--; }
    if (!indented) {
      uint8_t kind = kw_is(s, sn, "country") ? PL_EK_COUNTRY
                     : kw_is(s, sn, "actor") || kw_is(s, sn, "org")
                         ? PL_EK_ACTOR
                     : kw_is(s, sn, "person") ? PL_EK_PERSON
                     : kw_is(s, sn, "agent") ? PL_EK_AGENT
                                             : 0;
      cur = PL_NONE;
      if (!kind) {
        warn(r, "unknown record keyword '%.*s'", (int)kl, s);
        continue;
      }
      const char *code = NULL, *name = arg;
      size_t cn = 0, nn = an;
      if (kind != PL_EK_PERSON) {
        code = arg;
        while (cn < an && !isspace((unsigned char)arg[cn])) cn++;
        name = arg + cn;
        nn = an - cn;
        while (nn && isspace((unsigned char)*name)) { name++; nn--; }
        if (!cn) {
          warn(r, "record without a code");
          continue;
        }
      }
      if (!nn) {
        warn(r, "record without a name");
        continue;
      }
      cur = add_entry(r->d, kind, name, nn, code, cn);
      if (cur == PL_NONE) return PARLEY_ENOMEM;
      /* an agent's name is a label ("Government"), not a phrase */
      if (kind != PL_EK_AGENT &&
          add_phrase(r->d, name, nn, PL_PK_NAME, cur, 0, 1) < 0)
        return PARLEY_ENOMEM;
      r->entries++;
      continue;
    }
    if (cur == PL_NONE) {
      warn(r, "indented line outside a record");
      continue;
    }
    uint8_t ek = r->d->ent[cur].kind;
    if (kw_is(s, sn, "alias")) {
      if (add_list(r, arg, an, PL_PK_ALIAS, cur)) return PARLEY_ENOMEM;
    } else if (kw_is(s, sn, "adj") && ek == PL_EK_COUNTRY) {
      if (add_list(r, arg, an, PL_PK_ADJ, cur)) return PARLEY_ENOMEM;
    } else if (kw_is(s, sn, "capital") && ek == PL_EK_COUNTRY) {
      if (add_list(r, arg, an, PL_PK_CAPITAL, cur)) return PARLEY_ENOMEM;
    } else if (kw_is(s, sn, "noun") && ek == PL_EK_AGENT) {
      if (add_list(r, arg, an, PL_PK_NOUN, cur)) return PARLEY_ENOMEM;
    } else if (kw_is(s, sn, "code")) {
      /* code CODE [FROM [TO]]: '-' or absent = open */
      const char *f[3];
      size_t fl[3];
      int nf = 0;
      size_t k = 0;
      while (k < an && nf < 4) {
        while (k < an && isspace((unsigned char)arg[k])) k++;
        if (k >= an) break;
        size_t st = k;
        while (k < an && !isspace((unsigned char)arg[k])) k++;
        if (nf < 3) { f[nf] = arg + st; fl[nf] = k - st; }
        nf++;
      }
      if (nf < 1 || nf > 3) {
        warn(r, "code line needs CODE [FROM [TO]]");
        continue;
      }
      if (nf == 1) {
        const char *c = dcode(r->d, f[0], fl[0]);
        if (!c) return PARLEY_ENOMEM;
        r->d->ent[cur].code = c; /* the undated fallback */
        continue;
      }
      int32_t from = PL_DAY_MIN, to = PL_DAY_MAX;
      if (!(fl[1] == 1 && f[1][0] == '-') && parse_day(f[1], fl[1], &from)) {
        warn(r, "bad date '%.*s'", (int)fl[1], f[1]);
        continue;
      }
      if (nf == 3 && !(fl[2] == 1 && f[2][0] == '-') &&
          parse_day(f[2], fl[2], &to)) {
        warn(r, "bad date '%.*s'", (int)fl[2], f[2]);
        continue;
      }
      if (to < from) {
        warn(r, "end date before start date");
        continue;
      }
      if (add_dcode(r->d, cur, f[0], fl[0], from, to)) {
        warn(r, "dated code out of its record");
        continue;
      }
    } else {
      warn(r, "unknown keyword '%.*s' for this record", (int)kl, s);
    }
  }
  return PARLEY_OK;
}

/* ------------------------------------------------------------------ */
/* PETRARCH / TABARI actors                                            */

/* Pretty name from a PETRARCH phrase: '_' -> ' ', trimmed. */
static const char *pname(pl_actordict *d, const char *s, size_t n) {
  while (n && (isspace((unsigned char)s[n - 1]) || s[n - 1] == '_')) n--;
  char *p = pl_strndup(&d->arena, s, n);
  if (p)
    for (size_t i = 0; i < n; i++)
      if (p[i] == '_') p[i] = ' ';
  return p;
}

/* Parses "[CODE restriction]" at s (s[0] == '['). */
static void petr_restriction(rd *r, uint32_t cur, const char *s, size_t n) {
  const char *close = memchr(s, ']', n);
  if (!close) {
    warn(r, "missing ']' in code");
    return;
  }
  const char *c = s + 1;
  while (c < close && isspace((unsigned char)*c)) c++;
  const char *ce = c;
  while (ce < close && !isspace((unsigned char)*ce)) ce++;
  if (ce == c) {
    warn(r, "empty code");
    return;
  }
  const char *rest = ce;
  while (rest < close && isspace((unsigned char)*rest)) rest++;
  size_t rn = (size_t)(close - rest);
  pl_actordict *d = r->d;
  if (!rn) { /* default code */
    const char *code = dcode(d, c, (size_t)(ce - c));
    if (code) d->ent[cur].code = code;
    return;
  }
  int32_t from = PL_DAY_MIN, to = PL_DAY_MAX;
  const char *lt = memchr(rest, '<', rn), *gt = memchr(rest, '>', rn);
  if (lt || gt) {
    const char *q = (lt ? lt : gt) + 1;
    int32_t day;
    if (parse_day(q, (size_t)(close - q), &day)) {
      warn(r, "date restriction could not be read");
      return;
    }
    if (lt) to = day;
    else from = day;
  } else {
    const char *dash = memchr(rest, '-', rn);
    if (!dash || parse_day(rest, (size_t)(dash - rest), &from) ||
        parse_day(dash + 1, (size_t)(close - dash - 1), &to)) {
      warn(r, "date restriction could not be read");
      return;
    }
    if (to < from) {
      warn(r, "end date before start date");
      return;
    }
  }
  if (add_dcode(d, cur, c, (size_t)(ce - c), from, to))
    warn(r, "date restriction out of its record");
}

static parley_rc load_petr_actors(rd *r) {
  const char *ls, *le;
  char buf[4096];
  uint32_t cur = PL_NONE;
  while (next_line(r, &ls, &le)) {
    size_t n = (size_t)(le - ls);
    if (n >= sizeof buf) {
      warn(r, "line too long");
      continue;
    }
    memcpy(buf, ls, n);
    n = strip_xml(r, buf, n);
    n = rtrim(buf, strip_hash(buf, n, 1, 1));
    if (!n) continue;
    buf[n] = 0; /* strstr needs the end (valgrind: read past the line) */
    if (strstr(buf, "---STOP---")) break;
    if (isspace((unsigned char)buf[0])) {
      size_t i = 0;
      while (i < n && isspace((unsigned char)buf[i])) i++;
      if (i == n) continue;
      const char *br = memchr(buf, '[', n);
      if (!br) {
        warn(r, "indented line without a [code]");
        continue;
      }
      if (cur == PL_NONE) {
        warn(r, "code restriction outside a record");
        continue;
      }
      if (buf + i != br) warn(r, "text before the code restriction ignored");
      petr_restriction(r, cur, br, (size_t)(buf + n - br));
      continue;
    }
    if (buf[0] == '+') {
      if (cur == PL_NONE) {
        warn(r, "synonym outside a record");
        continue;
      }
      const char *br = memchr(buf, '[', n);
      size_t pn = br ? (size_t)(br - buf) : n;
      int rc = add_phrase(r->d, buf + 1, pn - 1, PL_PK_ALIAS, cur,
                          PL_PF_GAPS, 0);
      if (rc < 0) return PARLEY_ENOMEM;
      if (!rc) {
        warn(r, "empty synonym");
        continue;
      }
      if (br) petr_restriction(r, cur, br, (size_t)(buf + n - br));
      r->entries++;
      continue;
    }
    const char *br = memchr(buf, '[', n);
    size_t pn = br ? (size_t)(br - buf) : n;
    const char *nm = pname(r->d, buf, pn);
    if (!nm) return PARLEY_ENOMEM;
    cur = add_entry(r->d, PL_EK_ACTOR, nm, strlen(nm), NULL, 0);
    if (cur == PL_NONE) return PARLEY_ENOMEM;
    r->d->ent[cur].petr = 1;
    int rc = add_phrase(r->d, buf, pn, PL_PK_NAME, cur, PL_PF_GAPS, 0);
    if (rc < 0) return PARLEY_ENOMEM;
    if (!rc) {
      warn(r, "record without a phrase");
      cur = PL_NONE;
      continue;
    }
    if (br) petr_restriction(r, cur, br, (size_t)(buf + n - br));
    r->entries++;
  }
  /* a bare 3-letter code is a country: agents compose with it */
  for (uint32_t i = 0; i < r->d->nent; i++) {
    pl_dentry *e = &r->d->ent[i];
    if (e->kind == PL_EK_ACTOR && strlen(e->code) == 3 &&
        isalpha((unsigned char)e->code[0]))
      e->kind = PL_EK_COUNTRY;
  }
  return PARLEY_OK;
}

/* ------------------------------------------------------------------ */
/* PETRARCH agents                                                     */

typedef struct subset {
  char name[64];
  char items[1024];      /* NUL-separated */
  int n;
} subset;

static int add_agent_phrase(rd *r, uint32_t ent, const char *s, size_t n,
                            const char *plural, size_t pln, int auto_plural) {
  int rc = add_phrase(r->d, s, n, PL_PK_NOUN, ent, 0, 0);
  if (rc < 0) return -1;
  if (plural) return add_phrase(r->d, plural, pln, PL_PK_NOUN, ent, 0, 0) < 0
                         ? -1
                         : rc;
  if (!auto_plural) return rc;
  char pb[1100];
  while (n && (isspace((unsigned char)s[n - 1]) || s[n - 1] == '_')) n--;
  if (!n || n + 4 >= sizeof pb) return rc;
  memcpy(pb, s, n);
  char last = (char)toupper((unsigned char)s[n - 1]);
  size_t k = n;
  if (last == 'Y') {
    k--;
    memcpy(pb + k, "IES", 3);
    k += 3;
  } else if (last == 'S') {
    memcpy(pb + k, "ES", 2);
    k += 2;
  } else {
    pb[k++] = 'S';
  }
  if (add_phrase(r->d, pb, k, PL_PK_NOUN, ent, PL_PF_PLURAL, 0) < 0) return -1;
  return rc;
}

static parley_rc load_petr_agents(rd *r) {
  const char *ls, *le;
  char buf[4096];
  subset sets[32];
  int nsets = 0;
  while (next_line(r, &ls, &le)) {
    size_t n = (size_t)(le - ls);
    if (n >= sizeof buf - 1) {
      warn(r, "line too long");
      continue;
    }
    memcpy(buf, ls, n);
    n = strip_xml(r, buf, n);
    n = rtrim(buf, strip_hash(buf, n, 1, 0));
    buf[n] = 0;
    size_t i = 0;
    while (i < n && isspace((unsigned char)buf[i])) i++;
    if (i == n) continue;
    if (memchr(buf, '!', n) && memchr(buf, '=', n)) { /* !X! = a, b */
      const char *a = memchr(buf, '!', n);
      const char *b = memchr(a + 1, '!', (size_t)(buf + n - a - 1));
      const char *eq = memchr(buf, '=', n);
      if (!b || eq < b || b - a - 1 >= 63 || nsets >= 32) {
        warn(r, "substitution set incorrectly defined");
        continue;
      }
      subset *ss = &sets[nsets++];
      memcpy(ss->name, a + 1, (size_t)(b - a - 1));
      ss->name[b - a - 1] = 0;
      ss->n = 0;
      size_t o = 0;
      const char *p = eq + 1, *end = buf + n;
      while (p < end) {
        const char *c = memchr(p, ',', (size_t)(end - p));
        if (!c) c = end;
        const char *x = p, *y = c;
        while (x < y && isspace((unsigned char)*x)) x++;
        while (y > x && isspace((unsigned char)y[-1])) y--;
        if (y > x && o + (size_t)(y - x) + 1 < sizeof ss->items) {
          memcpy(ss->items + o, x, (size_t)(y - x));
          o += (size_t)(y - x);
          ss->items[o++] = 0;
          ss->n++;
        }
        p = c + 1;
      }
      r->entries++;
      continue;
    }
    const char *br = memchr(buf, '[', n);
    if (!br) {
      warn(r, "agent without a [code]");
      continue;
    }
    const char *bc = memchr(br, ']', (size_t)(buf + n - br));
    if (!bc) {
      warn(r, "missing ']' in code");
      continue;
    }
    const char *c = br + 1, *ce = bc;
    while (c < ce && isspace((unsigned char)*c)) c++;
    while (ce > c && isspace((unsigned char)ce[-1])) ce--;
    int prefix = 0;
    if (c < ce && *c == '~') c++;
    else if (c < ce && ce[-1] == '~') { ce--; prefix = 1; }
    if (ce <= c) {
      warn(r, "empty agent code");
      continue;
    }
    const char *ph = buf + i;
    size_t phn = (size_t)(br - ph);
    const char *plural = NULL;
    size_t pln = 0;
    int auto_pl = 1;
    const char *ob = memchr(ph, '{', phn);
    if (ob) {
      const char *cb = memchr(ob, '}', (size_t)(br - ob));
      if (!cb) {
        warn(r, "missing '}'");
        continue;
      }
      plural = ob + 1;
      pln = (size_t)(cb - ob - 1);
      while (pln && isspace((unsigned char)*plural)) { plural++; pln--; }
      if (!pln) plural = NULL;
      auto_pl = 0;
      phn = (size_t)(ob - ph);
    }
    const char *nm = pname(r->d, ph, phn);
    if (!nm) return PARLEY_ENOMEM;
    uint32_t ent = add_entry(r->d, PL_EK_AGENT, nm, strlen(nm), c,
                             (size_t)(ce - c));
    if (ent == PL_NONE) return PARLEY_ENOMEM;
    r->d->ent[ent].prefix = (uint8_t)prefix;
    r->d->ent[ent].petr = 1;
    const char *m1 = memchr(ph, '!', phn);
    if (m1) {
      const char *m2 = memchr(m1 + 1, '!', (size_t)(ph + phn - m1 - 1));
      if (!m2) {
        warn(r, "substitution marker syntax incorrect");
        continue;
      }
      subset *ss = NULL;
      for (int k = 0; k < nsets; k++)
        if ((size_t)(m2 - m1 - 1) == strlen(sets[k].name) &&
            !strncmp(sets[k].name, m1 + 1, (size_t)(m2 - m1 - 1)))
          ss = &sets[k];
      if (!ss) {
        warn(r, "substitution marker !%.*s! not defined",
             (int)(m2 - m1 - 1), m1 + 1);
        continue;
      }
      const char *it = ss->items;
      int added = 0;
      for (int k = 0; k < ss->n; k++) {
        char pb[1200];
        size_t a = (size_t)(m1 - ph), il = strlen(it);
        size_t b = (size_t)(ph + phn - m2 - 1);
        if (a + il + b < sizeof pb) {
          memcpy(pb, ph, a);
          memcpy(pb + a, it, il);
          memcpy(pb + a + il, m2 + 1, b);
          int rc = add_phrase(r->d, pb, a + il + b, PL_PK_NOUN, ent, 0, 0);
          if (rc < 0) return PARLEY_ENOMEM;
          added += rc;
        }
        it += il + 1;
      }
      if (!added) {
        warn(r, "agent without a phrase");
        continue;
      }
      r->entries++;
      continue;
    }
    int rc = add_agent_phrase(r, ent, ph, phn, plural, pln, auto_pl);
    if (rc < 0) return PARLEY_ENOMEM;
    if (!rc) {
      warn(r, "agent without a phrase");
      continue;
    }
    r->entries++;
  }
  return PARLEY_OK;
}

/* ------------------------------------------------------------------ */
/* PETRARCH discards                                                   */

static parley_rc load_discards(rd *r) {
  const char *ls, *le;
  char buf[4096];
  uint32_t ents[2] = {PL_NONE, PL_NONE}; /* sentence, story */
  while (next_line(r, &ls, &le)) {
    size_t n = (size_t)(le - ls);
    if (n >= sizeof buf) {
      warn(r, "line too long");
      continue;
    }
    memcpy(buf, ls, n);
    n = strip_xml(r, buf, n);
    n = rtrim(buf, strip_hash(buf, n, 1, 1));
    size_t i = 0;
    while (i < n && isspace((unsigned char)buf[i])) i++;
    if (i == n) continue;
    int story = buf[i] == '+';
    if (story) i++;
    if (ents[story] == PL_NONE) {
      const char *nm = story ? "story discard" : "sentence discard";
      ents[story] = add_entry(r->d, PL_EK_DISCARD, nm, strlen(nm), NULL, 0);
      if (ents[story] == PL_NONE) return PARLEY_ENOMEM;
    }
    int rc = add_phrase(r->d, buf + i, n - i, PL_PK_DISCARD, ents[story],
                        story ? PL_PF_STORY : 0, 0);
    if (rc < 0) return PARLEY_ENOMEM;
    if (!rc) {
      warn(r, "empty discard phrase");
      continue;
    }
    r->entries++;
  }
  return PARLEY_OK;
}

/* ------------------------------------------------------------------ */
/* formats and entry points                                            */

/* memmem without _GNU_SOURCE */
static const char *find_mem(const char *h, size_t hn, const char *n,
                            size_t nn) {
  if (nn > hn) return NULL;
  for (size_t i = 0; i + nn <= hn; i++)
    if (!memcmp(h + i, n, nn)) return h + i;
  return NULL;
}

enum { F_NATIVE = 1, F_PETR_ACTORS, F_PETR_AGENTS, F_DISCARDS, F_VERBS };

static int has_ci(const char *s, const char *sub) {
  size_t n = strlen(sub);
  for (; *s; s++)
    if (!strncasecmp(s, sub, n)) return 1;
  return 0;
}

/* Guesses the format from the kind, the file name and the content. */
static int guess_format(parley_dict_kind kind, const char *path,
                        const char *t, size_t n) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  /* first significant line */
  int native = 0, verbs = 0, agents = 0;
  const char *p = t, *end = t + n;
  int xml = 0, looked = 0;
  while (p < end && looked < 200) {
    const char *q = memchr(p, '\n', (size_t)(end - p));
    if (!q) q = end;
    size_t ln = (size_t)(q - p);
    const char *s = p;
    p = q + 1;
    if (xml) {
      if (find_mem(s, ln, "-->", 3)) xml = 0;
      continue;
    }
    if (ln >= 4 && !memcmp(s, "<!--", 4)) {
      if (!find_mem(s, ln, "-->", 3)) xml = 1;
      continue;
    }
    if (!ln || s[0] == '#' || s[0] == '\r') continue;
    looked++;
    if (isspace((unsigned char)s[0])) continue;
    if (looked == 1) {
      native = kw_is(s, ln, "country") || kw_is(s, ln, "actor") ||
               kw_is(s, ln, "person") || kw_is(s, ln, "agent") ||
               kw_is(s, ln, "org");
    }
    if ((ln >= 3 && !memcmp(s, "---", 3)) || (ln >= 2 && !memcmp(s, "- ", 2)) ||
        s[0] == '&')
      verbs = 1;
    /* parley native verbs: "CODE v pattern" */
    size_t k = 0;
    while (k < ln && isdigit((unsigned char)s[k])) k++;
    if (k >= 2 && k <= 4 && k + 2 < ln && isspace((unsigned char)s[k])) {
      size_t j = k;
      while (j < ln && isspace((unsigned char)s[j])) j++;
      if (j + 1 < ln && (s[j] == 'v' || s[j] == 'n') &&
          isspace((unsigned char)s[j + 1]))
        verbs = 1;
    }
    if (find_mem(s, ln, "[~", 2) || find_mem(s, ln, "~]", 2)) agents = 1;
  }
  switch (kind) {
  case PARLEY_DICT_VERBS: return F_VERBS;
  case PARLEY_DICT_AGENTS: return native ? F_NATIVE : F_PETR_AGENTS;
  case PARLEY_DICT_DISCARDS: return F_DISCARDS;
  case PARLEY_DICT_ACTORS: return native ? F_NATIVE : F_PETR_ACTORS;
  default: break;
  }
  if (native) return F_NATIVE;
  if (has_ci(base, "discard")) return F_DISCARDS;
  if (has_ci(base, "agent") || agents) return F_PETR_AGENTS;
  if (has_ci(base, "verb") || verbs) return F_VERBS;
  return F_PETR_ACTORS;
}

static pl_actordict *dict_new(void) {
  pl_actordict *d = calloc(1, sizeof *d);
  if (d) pl_arena_init(&d->arena);
  return d;
}

void pl_actordict_free(pl_actordict *d) {
  if (!d) return;
  pl_arena_free(&d->arena);
  free(d->words);
  free(d->wtab);
  free(d->ph);
  free(d->pw);
  free(d->ent);
  free(d->dc);
  free(d->fz);
  free(d->ptab);
  free(d);
}

static parley_rc load_text(parley_ctx *ctx, const char *name, const char *t,
                           size_t n, int fmt, size_t *ne, size_t *nw) {
  if (!ctx->actors) {
    if (!(ctx->actors = dict_new())) return PARLEY_ENOMEM;
    if (pl_actors_classify(ctx->actors)) return PARLEY_ENOMEM;
  }
  rd r;
  memset(&r, 0, sizeof r);
  r.ctx = ctx;
  r.d = ctx->actors;
  r.name = name;
  r.p = t;
  r.end = t + n;
  parley_rc rc;
  switch (fmt) {
  case F_NATIVE: rc = load_native(&r); break;
  case F_PETR_AGENTS: rc = load_petr_agents(&r); break;
  case F_DISCARDS: rc = load_discards(&r); break;
  default: rc = load_petr_actors(&r); break;
  }
  if (r.d->arena.failed) rc = PARLEY_ENOMEM;
  r.d->fuzzy_dirty = 1;
  pl_dict_fuzzy_build(r.d);
  if (pl_dict_index(r.d)) rc = PARLEY_ENOMEM;
  if (ne) *ne = r.entries;
  if (nw) *nw = r.warnings;
  if (rc == PARLEY_ENOMEM) pl_ctx_err(ctx, "%s: out of memory", name);
  return rc;
}

static const char *const builtin_names[] = {"countries", "orgs", "agents",
                                            "people", NULL};

parley_rc pl_actors_load_text_builtin(parley_ctx *ctx) {
  if (!ctx->actors && !(ctx->actors = dict_new())) return PARLEY_ENOMEM;
  if (pl_actors_classify(ctx->actors)) return PARLEY_ENOMEM;
  /* a context for foreign dictionaries only starts empty */
  if (ctx->flags & PL_CTX_NO_DEFAULTS) return PARLEY_OK;
  for (const char *const *nm = builtin_names; *nm; nm++) {
    const pl_blob *b = pl_builtin(*nm);
    if (!b) continue;
    size_t ne, nw;
    parley_rc rc = load_text(ctx, *nm, b->data, b->len, F_NATIVE, &ne, &nw);
    if (rc) return rc;
  }
  return PARLEY_OK;
}

/* ---- compiled image ----
 * tools/mkimage.c loads the built-in dictionaries from text at build time
 * (pl_actors_load_text_builtin) and links pl_actors_image's bytes into the
 * library as pl_builtin_image("actors").  Layout: ad_img_hdr, then the
 * arrays words, wtab, ph, pw, ent, dc, fz, ptab and the strings, each at
 * an 8-byte aligned offset the header records.  String pointers (word
 * keys, entry names and codes, dated codes, fuzzy keys) are stored as
 * offsets into the strings.  As with the gazetteer the image is in the
 * compiling machine's byte order and sizes, and a header that does not
 * match this code (magic, version, struct sizes, the text blobs' lengths)
 * makes the loader parse the text instead.
 * Loading copies each array into its own malloc'd block (user files may
 * grow them later) and the strings into the arena, then turns offsets
 * back into pointers: about 12,000 stores where parsing the text took
 * ~20 M instructions. */
#define AD_IMG_MAGIC 0x31544349444c50ULL /* "PLDICT1" little-endian */
#define AD_IMG_VERSION 2u
typedef struct {
  uint64_t magic;
  uint32_t version, hdr_size;
  uint32_t sz_word, sz_slot, sz_phrase, sz_entry, sz_dcode, sz_fuzzy;
  uint32_t sz_pslot, pad0;
  uint64_t text_len;        /* summed length of the text blobs */
  uint32_t nwords, wcap, nph, npw, nent, ndc, nfz, pcap;
  uint32_t fzidx[257], pad;
  uint64_t str_len;
  uint64_t off_words, off_wtab, off_ph, off_pw, off_ent, off_dc, off_fz,
      off_ptab, off_str, total;
} ad_img_hdr;

static size_t up8(size_t n) { return (n + 7) & ~(size_t)7; }

static uint64_t builtin_text_len(void) {
  uint64_t n = 0;
  for (const char *const *nm = builtin_names; *nm; nm++) {
    const pl_blob *b = pl_builtin(*nm);
    if (b) n += b->len;
  }
  return n;
}

/* Appends s (with its NUL) to the image strings; its offset, or
 * UINT64_MAX when out of memory. */
static uint64_t img_str(pl_buf *b, const char *s) {
  uint64_t off = b->len;
  return pl_buf_add(b, s, strlen(s) + 1) ? UINT64_MAX : off;
}

#define OFF_PTR(o) ((const char *)(uintptr_t)(o))

void *pl_actors_image(const pl_actordict *d, size_t *len) {
  ad_img_hdr h;
  memset(&h, 0, sizeof h);
  h.magic = AD_IMG_MAGIC;
  h.version = AD_IMG_VERSION;
  h.hdr_size = sizeof h;
  h.sz_word = sizeof(pl_word);
  h.sz_slot = sizeof(pl_wslot);
  h.sz_phrase = sizeof(pl_phrase);
  h.sz_entry = sizeof(pl_dentry);
  h.sz_dcode = sizeof(pl_dcode);
  h.sz_fuzzy = sizeof(pl_fuzzy);
  h.sz_pslot = sizeof(pl_pslot);
  h.text_len = builtin_text_len();
  h.nwords = d->nwords;
  h.wcap = d->wcap;
  h.nph = d->nph;
  h.npw = d->npw;
  h.nent = d->nent;
  h.ndc = d->ndc;
  h.nfz = d->nfz;
  h.pcap = d->pcap;
  memcpy(h.fzidx, d->fzidx, sizeof h.fzidx);
  /* copies with offsets for pointers, built field by field so padding
   * bytes are zero (the image is the same on every build) */
  pl_word *w = calloc(d->nwords + 1, sizeof *w);
  pl_dentry *e = calloc(d->nent + 1, sizeof *e);
  pl_dcode *c = calloc(d->ndc + 1, sizeof *c);
  pl_fuzzy *f = calloc(d->nfz + 1, sizeof *f);
  pl_buf str;
  pl_buf_init(&str, (size_t)1 << 30);
  char *img = NULL;
  int bad = !w || !e || !c || !f;
  for (uint32_t i = 0; !bad && i < d->nwords; i++) {
    w[i] = d->words[i];
    uint64_t o = img_str(&str, d->words[i].key);
    bad |= o == UINT64_MAX;
    w[i].key = OFF_PTR(o);
  }
  for (uint32_t i = 0; !bad && i < d->nent; i++) {
    const pl_dentry *x = &d->ent[i];
    uint64_t on = img_str(&str, x->name), oc = img_str(&str, x->code);
    bad |= on == UINT64_MAX || oc == UINT64_MAX;
    e[i].name = OFF_PTR(on);
    e[i].code = OFF_PTR(oc);
    e[i].dc0 = x->dc0;
    e[i].ndc = x->ndc;
    e[i].kind = x->kind;
    e[i].prefix = x->prefix;
    e[i].petr = x->petr;
  }
  for (uint32_t i = 0; !bad && i < d->ndc; i++) {
    uint64_t o = img_str(&str, d->dc[i].code);
    bad |= o == UINT64_MAX;
    c[i] = d->dc[i];
    c[i].code = OFF_PTR(o);
  }
  for (uint32_t i = 0; !bad && i < d->nfz; i++) {
    uint64_t o = img_str(&str, d->fz[i].key);
    bad |= o == UINT64_MAX;
    f[i] = d->fz[i];
    f[i].key = OFF_PTR(o);
  }
  if (!bad && !str.failed) {
    h.str_len = str.len;
    h.off_words = up8(sizeof h);
    h.off_wtab = up8(h.off_words + (size_t)d->nwords * sizeof(pl_word));
    h.off_ph = up8(h.off_wtab + (size_t)d->wcap * sizeof(pl_wslot));
    h.off_pw = up8(h.off_ph + (size_t)d->nph * sizeof(pl_phrase));
    h.off_ent = up8(h.off_pw + (size_t)d->npw * sizeof(uint32_t));
    h.off_dc = up8(h.off_ent + (size_t)d->nent * sizeof(pl_dentry));
    h.off_fz = up8(h.off_dc + (size_t)d->ndc * sizeof(pl_dcode));
    h.off_ptab = up8(h.off_fz + (size_t)d->nfz * sizeof(pl_fuzzy));
    h.off_str = up8(h.off_ptab + (size_t)d->pcap * sizeof(pl_pslot));
    h.total = up8(h.off_str + str.len);
    img = calloc(1, h.total);
  }
  if (img) {
    memcpy(img, &h, sizeof h);
    memcpy(img + h.off_words, w, (size_t)d->nwords * sizeof *w);
    if (d->wcap) memcpy(img + h.off_wtab, d->wtab, (size_t)d->wcap * sizeof *d->wtab);
    if (d->nph) memcpy(img + h.off_ph, d->ph, (size_t)d->nph * sizeof *d->ph);
    if (d->npw) memcpy(img + h.off_pw, d->pw, (size_t)d->npw * sizeof *d->pw);
    memcpy(img + h.off_ent, e, (size_t)d->nent * sizeof *e);
    memcpy(img + h.off_dc, c, (size_t)d->ndc * sizeof *c);
    memcpy(img + h.off_fz, f, (size_t)d->nfz * sizeof *f);
    if (d->pcap) memcpy(img + h.off_ptab, d->ptab, (size_t)d->pcap * sizeof *d->ptab);
    if (str.len) memcpy(img + h.off_str, str.p, str.len);
    *len = h.total;
  }
  free(w);
  free(e);
  free(c);
  free(f);
  pl_buf_free(&str);
  return img;
}

/* Each array ends before the next begins, the strings inside the image. */
static int img_fits(const ad_img_hdr *h) {
  const uint64_t off[] = {h->off_words, h->off_wtab, h->off_ph, h->off_pw,
                          h->off_ent, h->off_dc, h->off_fz, h->off_ptab,
                          h->off_str, h->total};
  const uint64_t size[] = {
      (uint64_t)h->nwords * sizeof(pl_word), (uint64_t)h->wcap * sizeof(pl_wslot),
      (uint64_t)h->nph * sizeof(pl_phrase), (uint64_t)h->npw * sizeof(uint32_t),
      (uint64_t)h->nent * sizeof(pl_dentry), (uint64_t)h->ndc * sizeof(pl_dcode),
      (uint64_t)h->nfz * sizeof(pl_fuzzy), (uint64_t)h->pcap * sizeof(pl_pslot),
      h->str_len};
  if (off[0] < sizeof *h) return 0;
  for (size_t i = 0; i + 1 < sizeof off / sizeof off[0]; i++)
    if (off[i] & 7 || off[i] + size[i] > off[i + 1]) return 0;
  return 1;
}

/* A malloc'd copy of n elements of size sz at img + off, with room for
 * at least one (so a later grow reallocs a real block); NULL on OOM. */
static void *img_dup(const char *img, uint64_t off, uint32_t n, size_t sz) {
  void *p = malloc((size_t)(n ? n : 1) * sz);
  if (p && n) memcpy(p, img + off, (size_t)n * sz);
  return p;
}

/* The pointer for string offset o (checked against the strings' end). */
static int fix_str(const char **p, const char *base, uint64_t len) {
  uint64_t o = (uint64_t)(uintptr_t)*p;
  if (o >= len) return -1;
  *p = base + o;
  return 0;
}

parley_rc pl_actors_load_image(parley_ctx *ctx, const void *image,
                               size_t len) {
  const char *img = image;
  ad_img_hdr h;
  if (!img || len < sizeof h || ((uintptr_t)img & 7)) return PARLEY_EFORMAT;
  memcpy(&h, img, sizeof h);
  if (h.magic != AD_IMG_MAGIC || h.version != AD_IMG_VERSION ||
      h.hdr_size != sizeof h || h.sz_word != sizeof(pl_word) ||
      h.sz_slot != sizeof(pl_wslot) || h.sz_phrase != sizeof(pl_phrase) ||
      h.sz_entry != sizeof(pl_dentry) || h.sz_dcode != sizeof(pl_dcode) ||
      h.sz_fuzzy != sizeof(pl_fuzzy) || h.sz_pslot != sizeof(pl_pslot) ||
      h.text_len != builtin_text_len() ||
      h.total != len || h.off_str + h.str_len > len || !h.str_len ||
      img[h.off_str + h.str_len - 1] != 0 || !h.wcap ||
      (h.wcap & (h.wcap - 1)) || (h.pcap & (h.pcap - 1)) ||
      !img_fits(&h))
    return PARLEY_EFORMAT;
  pl_actordict *d = dict_new();
  if (!d) return PARLEY_ENOMEM;
  d->words = img_dup(img, h.off_words, h.nwords, sizeof *d->words);
  d->wtab = img_dup(img, h.off_wtab, h.wcap, sizeof *d->wtab);
  d->ph = img_dup(img, h.off_ph, h.nph, sizeof *d->ph);
  d->pw = img_dup(img, h.off_pw, h.npw, sizeof *d->pw);
  d->ent = img_dup(img, h.off_ent, h.nent, sizeof *d->ent);
  d->dc = img_dup(img, h.off_dc, h.ndc, sizeof *d->dc);
  d->fz = img_dup(img, h.off_fz, h.nfz, sizeof *d->fz);
  d->ptab = h.pcap ? img_dup(img, h.off_ptab, h.pcap, sizeof *d->ptab) : NULL;
  char *str = pl_alloc(&d->arena, h.str_len);
  int bad = !d->words || !d->wtab || !d->ph || !d->pw || !d->ent ||
            !d->dc || !d->fz || (h.pcap && !d->ptab) || !str;
  if (!bad) {
    d->nwords = d->capwords = h.nwords;
    d->wcap = h.wcap;
    d->nph = d->capph = h.nph;
    d->npw = d->cappw = h.npw;
    d->nent = d->capent = h.nent;
    d->ndc = d->capdc = h.ndc;
    d->nfz = d->capfz = h.nfz;
    d->pcap = h.pcap;
    memcpy(d->fzidx, h.fzidx, sizeof d->fzidx);
    memcpy(str, img + h.off_str, h.str_len);
    for (uint32_t i = 0; i < d->nwords; i++)
      bad |= fix_str(&d->words[i].key, str, h.str_len);
    for (uint32_t i = 0; i < d->nent; i++)
      bad |= fix_str(&d->ent[i].name, str, h.str_len) |
             fix_str(&d->ent[i].code, str, h.str_len);
    for (uint32_t i = 0; i < d->ndc; i++)
      bad |= fix_str(&d->dc[i].code, str, h.str_len);
    for (uint32_t i = 0; i < d->nfz; i++)
      bad |= fix_str(&d->fz[i].key, str, h.str_len);
  }
  if (bad) {
    int oom = !str || !d->words || !d->wtab;
    pl_actordict_free(d);
    return oom ? PARLEY_ENOMEM : PARLEY_EFORMAT;
  }
  pl_actordict_free(ctx->actors);
  ctx->actors = d;
  return PARLEY_OK;
}

parley_rc pl_actors_load_builtin(parley_ctx *ctx) {
  if (!ctx->actors && !(ctx->flags & PL_CTX_NO_DEFAULTS)) {
    const pl_blob *im = pl_builtin_image("actors");
    if (im && pl_actors_load_image(ctx, im->data, im->len) == PARLEY_OK)
      return PARLEY_OK;
  }
  return pl_actors_load_text_builtin(ctx); /* no image, or another build's */
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *p = malloc(cap);
  while (p) {
    size_t r = fread(p + n, 1, cap - n, f);
    n += r;
    if (n < cap) break;
    char *q = realloc(p, cap * 2);
    if (!q) {
      free(p);
      p = NULL;
      break;
    }
    p = q;
    cap *= 2;
  }
  int err = ferror(f);
  fclose(f);
  if (p && err) {
    free(p);
    p = NULL;
  }
  *len = n;
  return p;
}

parley_rc pl_actors_load_file(parley_ctx *ctx, const char *path,
                              parley_dict_kind kind, size_t *nentries,
                              size_t *nwarnings) {
  size_t n = 0;
  char *t = slurp(path, &n);
  if (!t) {
    pl_ctx_err(ctx, "%s: cannot read: %s", path, strerror(errno));
    return PARLEY_EIO;
  }
  int fmt = guess_format(kind, path, t, n);
  parley_rc rc = load_text(ctx, path, t, n, fmt == F_VERBS ? F_PETR_ACTORS : fmt,
                           nentries, nwarnings);
  free(t);
  if (!rc && ctx->actors) ctx->actors->nfiles++;
  return rc;
}

parley_rc parley_ctx_load_dict(parley_ctx *ctx, const char *path,
                               parley_dict_kind kind, size_t *nentries,
                               size_t *nwarnings) {
  if (!ctx || !path) return PARLEY_EMISUSE;
  size_t ne = 0, nw = 0;
  if (nentries) *nentries = 0;
  if (nwarnings) *nwarnings = 0;
  pl_buf_clear(&ctx->warnings);
  size_t n = 0;
  char *t = slurp(path, &n);
  if (!t) {
    pl_ctx_err(ctx, "%s: cannot read: %s", path, strerror(errno));
    return PARLEY_EIO;
  }
  int fmt = kind == PARLEY_DICT_VERBS ? F_VERBS
                                      : guess_format(kind, path, t, n);
  /* a dictionary is text: NUL bytes mean a binary file given by mistake
   * (its random "lines" would otherwise load as entries) */
  int binary = memchr(t, 0, n) != NULL;
  free(t);
  if (binary) {
    pl_ctx_err(ctx, "%s: looks like a binary file (NUL bytes), not a "
                    "dictionary", path);
    return PARLEY_EFORMAT;
  }
  parley_rc rc;
  if (fmt == F_VERBS)
    rc = pl_verbs_load_file(ctx, path, &ne, &nw);
  else
    rc = pl_actors_load_file(ctx, path, kind, &ne, &nw);
  if (nentries) *nentries = ne;
  if (nwarnings) *nwarnings = nw;
  if (!rc && ne == 0) {
    pl_ctx_err(ctx, "%s: no dictionary entries could be read", path);
    return PARLEY_EFORMAT;
  }
  return rc;
}

const char *parley_ctx_dict_stats(parley_ctx *ctx) {
  if (!ctx) return NULL;
  const pl_actordict *d = ctx->actors;
  size_t kinds[PL_EK_DISCARD + 1] = {0};
  if (d)
    for (uint32_t i = 0; i < d->nent; i++)
      if (d->ent[i].kind <= PL_EK_DISCARD) kinds[d->ent[i].kind]++;
  pl_buf_clear(&ctx->scratch);
  pl_buf_addf(&ctx->scratch,
              "{\"entries\":%u,\"countries\":%zu,\"actors\":%zu,"
              "\"persons\":%zu,\"agents\":%zu,\"discards\":%zu,"
              "\"phrases\":%u,\"words\":%u,\"dated_codes\":%u,"
              "\"fuzzy_keys\":%u,\"bytes\":%zu}",
              d ? d->nent : 0, kinds[PL_EK_COUNTRY], kinds[PL_EK_ACTOR],
              kinds[PL_EK_PERSON], kinds[PL_EK_AGENT], kinds[PL_EK_DISCARD],
              d ? d->nph : 0, d ? d->nwords : 0, d ? d->ndc : 0,
              d ? d->nfz : 0, pl_dict_bytes(d));
  return ctx->scratch.failed ? NULL : ctx->scratch.p;
}
