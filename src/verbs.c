/*
 * verbs.c - the verb-pattern dictionary: loading and lookup.
 *
 * Inputs: parley's native pattern file (data/verbs.txt, built in as
 * pl_builtin("verbs"); format in data/verbs.README.md) and, layered on
 * top at run time, user files in the native format or in the PETRARCH /
 * TABARI verb-dictionary format (`--- VERB [code] ---` blocks).
 * Output: ctx->verbs, read-only once loaded (threads share it).
 *
 * Layout (no malloc per entry: a handful of growable arrays):
 *  - words: every distinct lower-cased word gets an id (open-addressing
 *    hash over a string pool).  Tokens are looked up once per sentence.
 *  - classes (&NAME): members are word-id sequences, sorted by (class,
 *    first word) so a class test is a binary search.
 *  - forms: a head word (verb or noun) that opens a block, with optional
 *    words that must stand right before/after it (PETRARCH "+BRING_OUT")
 *    and its own default code.
 *  - blocks: a set of patterns shared by the forms of one PETRARCH verb
 *    block, or by one native head word + kind.  Patterns of a block are
 *    sorted longest first when the dictionary is finalised.
 * Invariant after pl_vd_finalize: forms are sorted by word; wfirst[word]
 * gives the first form of a word (or UINT32_MAX).
 */
#include "verbs.h"
#include "image.h"
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#define GROW(arr, n, cap, T)                                               \
  ((n) < (cap) ? 0 : grow_arr((void **)&(arr), &(cap), sizeof(T)))

static int grow_arr(void **arr, uint32_t *cap, size_t elem) {
  uint32_t nc = *cap ? *cap * 2 : 64;
  void *p = realloc(*arr, (size_t)nc * elem);
  if (!p) return -1;
  *arr = p;
  *cap = nc;
  return 0;
}

/* ---- words ---- */
static uint32_t hash_str(const char *s, size_t n) { return pl_fnv32(s, n); }

uint32_t pl_vd_word_find(const pl_verbdict *vd, const char *s, size_t n) {
  if (!vd || !vd->wcap || !n) return PL_VW_NONE;
  uint32_t mask = vd->wcap - 1, h = hash_str(s, n);
  for (uint32_t i = h & mask; vd->wtab[i].id; i = (i + 1) & mask) {
    const pl_vslot *sl = &vd->wtab[i];
    uint32_t id = sl->id - 1;
    if (sl->hash == h && vd->wlen[id] == n &&
        !memcmp(vd->pool + vd->woff[id], s, n))
      return id;
  }
  return PL_VW_NONE;
}

/* Puts word id into the first free slot of its probe. */
static void slot_put(const pl_verbdict *vd, pl_vslot *t, uint32_t mask,
                     uint32_t id) {
  const char *w = vd->pool + vd->woff[id];
  uint32_t h = hash_str(w, vd->wlen[id]), i = h & mask;
  while (t[i].id) i = (i + 1) & mask;
  t[i].hash = h;
  t[i].id = id + 1;
  /* a short word in the slot itself; a long one leaves 8 bytes, so
   * k[7] != 0 sends the compare to the pool */
  memset(t[i].k, 0, sizeof t[i].k);
  memcpy(t[i].k, w, vd->wlen[id] < 8 ? vd->wlen[id] : 8);
}

static int rehash(pl_verbdict *vd) {
  uint32_t ncap = vd->wcap ? vd->wcap * 2 : 4096;
  pl_vslot *t = calloc(ncap, sizeof *t);
  if (!t) return -1;
  for (uint32_t id = 0; id < vd->nwords; id++) slot_put(vd, t, ncap - 1, id);
  free(vd->wtab);
  vd->wtab = t;
  vd->wcap = ncap;
  return 0;
}

static int pool_add(pl_verbdict *vd, const char *s, size_t n, uint32_t *off) {
  if (vd->pool_len + n + 1 > vd->pool_cap) {
    size_t nc = vd->pool_cap ? vd->pool_cap * 2 : 65536;
    while (nc < vd->pool_len + n + 1) nc *= 2;
    char *p = realloc(vd->pool, nc);
    if (!p) return -1;
    vd->pool = p;
    vd->pool_cap = nc;
  }
  memcpy(vd->pool + vd->pool_len, s, n);
  vd->pool[vd->pool_len + n] = 0;
  *off = (uint32_t)vd->pool_len;
  vd->pool_len += n + 1;
  return 0;
}

/* Interns a word given in any case; returns its id or PL_VW_NONE on OOM. */
static uint32_t word_add(pl_verbdict *vd, const char *s, size_t n) {
  char low[128];
  if (n >= sizeof low) n = sizeof low - 1;
  for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)s[i]);
  uint32_t id = pl_vd_word_find(vd, low, n);
  if (id != PL_VW_NONE) return id;
  if ((vd->nwords + 1) * 2 > vd->wcap && rehash(vd)) return PL_VW_NONE;
  if (vd->nwords >= vd->wcapv) {
    uint32_t nc = vd->wcapv ? vd->wcapv * 2 : 4096;
    uint32_t *a = realloc(vd->woff, nc * sizeof *a);
    if (!a) return PL_VW_NONE;
    vd->woff = a;
    uint32_t *b = realloc(vd->wlen, nc * sizeof *b);
    if (!b) return PL_VW_NONE;
    vd->wlen = b;
    vd->wcapv = nc;
  }
  uint32_t off;
  if (pool_add(vd, low, n, &off)) return PL_VW_NONE;
  id = vd->nwords++;
  vd->woff[id] = off;
  vd->wlen[id] = (uint32_t)n;
  slot_put(vd, vd->wtab, vd->wcap - 1, id);
  vd->dirty = 1;
  return id;
}

const char *pl_vd_word(const pl_verbdict *vd, uint32_t id) {
  return id < vd->nwords ? vd->pool + vd->woff[id] : "";
}

/* ---- classes ---- */
static uint32_t class_id(pl_verbdict *vd, const char *name, size_t n,
                         int create) {
  /* PETRARCH writes some synset names with a trailing '_' ("&PREPOSIT1_")
   * and uses them without it */
  while (n > 1 && name[n - 1] == '_') n--;
  for (uint32_t i = 0; i < vd->nclasses; i++)
    if (vd->cname_len[i] == n &&
        !strncasecmp(vd->pool + vd->cname[i], name, n))
      return i;
  if (!create) return PL_VW_NONE;
  if (vd->nclasses >= vd->ccap) {
    uint32_t nc = vd->ccap ? vd->ccap * 2 : 64;
    uint32_t *a = realloc(vd->cname, nc * sizeof *a);
    if (!a) return PL_VW_NONE;
    vd->cname = a;
    uint32_t *b = realloc(vd->cname_len, nc * sizeof *b);
    if (!b) return PL_VW_NONE;
    vd->cname_len = b;
    uint32_t *c = realloc(vd->cfirst, nc * sizeof *c);
    if (!c) return PL_VW_NONE;
    vd->cfirst = c;
    uint32_t *d = realloc(vd->cnum, nc * sizeof *d);
    if (!d) return PL_VW_NONE;
    vd->cnum = d;
    vd->ccap = nc;
  }
  uint32_t off;
  if (pool_add(vd, name, n, &off)) return PL_VW_NONE;
  vd->cname[vd->nclasses] = off;
  vd->cname_len[vd->nclasses] = (uint32_t)n;
  vd->cfirst[vd->nclasses] = 0;
  vd->cnum[vd->nclasses] = 0;
  return vd->nclasses++;
}

/* Adds a member (words separated by spaces or '_') to class c. */
static int class_member(pl_verbdict *vd, uint32_t c, const char *s,
                        size_t n) {
  uint32_t ids[16], k = 0;
  size_t i = 0;
  while (i < n && k < 16) {
    while (i < n && (s[i] == ' ' || s[i] == '_' || s[i] == '\t')) i++;
    size_t j = i;
    while (j < n && s[j] != ' ' && s[j] != '_' && s[j] != '\t') j++;
    if (j > i) {
      uint32_t id = word_add(vd, s + i, j - i);
      if (id == PL_VW_NONE) return -1;
      ids[k++] = id;
    }
    i = j;
  }
  if (!k) return 0;
  if (GROW(vd->mems, vd->nmems, vd->memcap, pl_vmember)) return -1;
  if (vd->nmw + k > vd->mwcap) {
    uint32_t nc = vd->mwcap ? vd->mwcap * 2 : 1024;
    while (nc < vd->nmw + k) nc *= 2;
    uint32_t *p = realloc(vd->mw, nc * sizeof *p);
    if (!p) return -1;
    vd->mw = p;
    vd->mwcap = nc;
  }
  pl_vmember *m = &vd->mems[vd->nmems++];
  m->cls = c;
  m->first = ids[0];
  m->w0 = vd->nmw;
  m->nw = k;
  memcpy(vd->mw + vd->nmw, ids, k * sizeof *ids);
  vd->nmw += k;
  vd->dirty = 1;
  return 0;
}

/* ---- blocks, forms, patterns ---- */
static uint32_t block_new(pl_verbdict *vd) {
  if (GROW(vd->blocks, vd->nblocks, vd->bcap, pl_vblock)) return PL_VW_NONE;
  pl_vblock *b = &vd->blocks[vd->nblocks];
  memset(b, 0, sizeof *b);
  return vd->nblocks++;
}

static int el_push(pl_verbdict *vd, uint8_t kind, uint32_t id) {
  if (GROW(vd->els, vd->nels, vd->elcap, pl_vel)) return -1;
  vd->els[vd->nels].kind = kind;
  vd->els[vd->nels].id = id;
  vd->nels++;
  return 0;
}

static int form_add(pl_verbdict *vd, uint32_t word, uint32_t block,
                    uint8_t kind, const char *code, uint32_t pre0,
                    uint32_t npre, uint32_t post0, uint32_t npost) {
  if (GROW(vd->forms, vd->nforms, vd->fcap, pl_vform)) return -1;
  pl_vform *f = &vd->forms[vd->nforms++];
  memset(f, 0, sizeof *f);
  f->word = word;
  f->block = block;
  f->kind = kind;
  f->pre0 = pre0;
  f->npre = npre;
  f->post0 = post0;
  f->npost = npost;
  f->seq = vd->seq++;
  if (code) snprintf(f->code, sizeof f->code, "%s", code);
  f->has_code = code != NULL;
  vd->dirty = 1;
  return 0;
}

/* ---- finalise: sort forms by word, patterns of each block longest first */
static const pl_verbdict *sort_vd;
static int cmp_form(const void *a, const void *b) {
  const pl_vform *x = a, *y = b;
  if (x->word != y->word) return x->word < y->word ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}
static int cmp_pat(const void *a, const void *b) {
  const pl_vpat *x = a, *y = b;
  if (x->block != y->block) return x->block < y->block ? -1 : 1;
  if (x->score != y->score) return x->score > y->score ? -1 : 1;
  /* later entries first among equals: user files override */
  return x->seq > y->seq ? -1 : x->seq < y->seq;
}
static int cmp_mem(const void *a, const void *b) {
  const pl_vmember *x = a, *y = b;
  if (x->cls != y->cls) return x->cls < y->cls ? -1 : 1;
  if (x->first != y->first) return x->first < y->first ? -1 : 1;
  return x->nw > y->nw ? -1 : x->nw < y->nw; /* longest member first */
}

int pl_vd_finalize(pl_verbdict *vd) {
  if (!vd->dirty) return 0;
  (void)sort_vd;
  if (vd->nforms) qsort(vd->forms, vd->nforms, sizeof *vd->forms, cmp_form);
  if (vd->npats) qsort(vd->pats, vd->npats, sizeof *vd->pats, cmp_pat);
  if (vd->nmems) qsort(vd->mems, vd->nmems, sizeof *vd->mems, cmp_mem);
  for (uint32_t b = 0; b < vd->nblocks; b++) vd->blocks[b].npat = 0;
  for (uint32_t i = vd->npats; i-- > 0;) {
    pl_vblock *b = &vd->blocks[vd->pats[i].block];
    b->pat0 = i;
    b->npat++;
  }
  for (uint32_t c = 0; c < vd->nclasses; c++) vd->cnum[c] = 0;
  for (uint32_t i = vd->nmems; i-- > 0;) {
    vd->cfirst[vd->mems[i].cls] = i;
    vd->cnum[vd->mems[i].cls]++;
  }
  uint32_t *wf = realloc(vd->wfirst, (vd->nwords + 1) * sizeof *wf);
  if (!wf) return -1;
  vd->wfirst = wf;
  for (uint32_t i = 0; i <= vd->nwords; i++) wf[i] = UINT32_MAX;
  for (uint32_t i = vd->nforms; i-- > 0;) wf[vd->forms[i].word] = i;
  uint32_t *wh = realloc(vd->whash, (vd->nwords + 1) * sizeof *wh);
  if (!wh) return -1;
  vd->whash = wh;
  for (uint32_t i = 0; i < vd->nwords; i++)
    wh[i] = hash_str(vd->pool + vd->woff[i], vd->wlen[i]);
  memset(vd->fbits, 0, sizeof vd->fbits);
  for (uint32_t i = 0; i < vd->nforms; i++) {
    uint32_t h = wh[vd->forms[i].word];
    vd->fbits[vd->forms[i].kind == 'n'][(h >> 6) & 63] |= 1ull << (h & 63);
  }
  vd->dirty = 0;
  return 0;
}

/* Members of class c whose first word is w: [*lo, *hi) in vd->mems. */
void pl_vd_class_range(const pl_verbdict *vd, uint32_t c, uint32_t w,
                       uint32_t *lo, uint32_t *hi) {
  uint32_t a = vd->cfirst[c], b = a + vd->cnum[c];
  uint32_t l = a, h = b;
  while (l < h) {
    uint32_t m = (l + h) / 2;
    if (vd->mems[m].first < w) l = m + 1; else h = m;
  }
  *lo = l;
  while (l < b && vd->mems[l].first == w) l++;
  *hi = l;
}

/* ---- line parsing helpers ---- */
typedef struct {
  parley_ctx *ctx;
  pl_verbdict *vd;
  const char *file;
  unsigned line;
  size_t nent, nwarn;
  /* PETRARCH state */
  uint32_t block;      /* current verb block, PL_VW_NONE outside */
  char bcode[6];       /* block default code ("" = null) */
  char brcode[6];      /* its reverse-direction code */
  int bcode_null;
  uint32_t cls;        /* current synset, PL_VW_NONE outside */
} ld_t;

static void warn(ld_t *L, const char *reason, const char *s, size_t n) {
  L->nwarn++;
  if (n > 60) n = 60;
  pl_buf_addf(&L->ctx->warnings, "%s:%u: %s: %.*s\n", L->file, L->line,
              reason, (int)n, s);
}

static int is_code_char(int c) { return isalnum(c) || c == '-'; }

/* Parses "[code]" / "[a:b]" / "[:b]" / "[---]" at s (the closing bracket
 * is optional); writes the forward code into out and the reverse-direction
 * code (TABARI paired codes: target -> source) into rev; "" for none or
 * ---.  *null is set when neither direction codes anything.  Returns 0 ok,
 * -1 malformed. */
static int parse_code2(const char *s, size_t n, char out[6], char rev[6],
                       int *null) {
  size_t i = 0;
  out[0] = rev[0] = 0;
  *null = 0;
  while (i < n && isspace((unsigned char)s[i])) i++;
  if (i < n && s[i] == '[') i++;
  for (int part = 0; part < 2; part++) {
    char *dst = part ? rev : out;
    while (i < n && isspace((unsigned char)s[i])) i++;
    size_t j = i;
    while (j < n && is_code_char((unsigned char)s[j])) j++;
    size_t len = j - i;
    int dashes = len > 0;
    for (size_t k = i; k < j; k++)
      if (s[k] != '-') dashes = 0;
    if (!dashes && len) {
      if (len > 5) return -1;
      memcpy(dst, s + i, len);
      dst[len] = 0;
    }
    i = j;
    while (i < n && isspace((unsigned char)s[i])) i++;
    if (part == 0 && (i >= n || s[i] != ':')) {
      if (!len) return -1;
      break;
    }
    if (part == 0) i++;
  }
  while (i < n && isspace((unsigned char)s[i])) i++;
  if (i < n && s[i] != ']') return -1;
  *null = !out[0] && !rev[0];
  return 0;
}

static int parse_code(const char *s, size_t n, char out[6], int *null) {
  char rev[6];
  return parse_code2(s, n, out, rev, null);
}

/* Appends the pattern text to the pool, returns its offset. */
static uint32_t pat_text(pl_verbdict *vd, const char *s, size_t n) {
  uint32_t off = 0;
  while (n && isspace((unsigned char)s[n - 1])) n--;
  while (n && isspace((unsigned char)*s)) s++, n--;
  if (pool_add(vd, s, n, &off)) return UINT32_MAX;
  return off;
}

/* Tokenises pattern elements of s[0..n) into els.  mode 0 = native
 * (space-separated), 1 = PETRARCH (spaces imply a short gap, '_' joins,
 * grouping brackets dropped).  '*' (the verb) splits pre/post when
 * star != NULL.  Returns 0, or -1 with *why. */
static int parse_elems(ld_t *L, const char *s, size_t n, int petr,
                       uint32_t *pre0, uint32_t *npre, uint32_t *post0,
                       uint32_t *npost, int *star, uint8_t *flags,
                       const char **why) {
  pl_verbdict *vd = L->vd;
  uint32_t start = vd->nels, starpos = UINT32_MAX;
  int prev_join = 0; /* previous token ended with '_' */
  size_t i = 0;
  *star = 0;
  while (i < n) {
    while (i < n && (isspace((unsigned char)s[i]) || s[i] == '(' ||
                     s[i] == ')' || s[i] == '{' || s[i] == '}'))
      i++, prev_join = 0;
    if (i >= n) break;
    size_t j = i;
    while (j < n && !isspace((unsigned char)s[j]) && s[j] != '(' &&
           s[j] != ')' && s[j] != '{' && s[j] != '}' && s[j] != '_')
      j++;
    size_t len = j - i;
    int join_next = j < n && s[j] == '_';
    if (len) {
      /* implicit gap between space-separated PETRARCH elements */
      if (petr && !prev_join && vd->nels > start &&
          vd->els[vd->nels - 1].kind != PL_VE_GAP &&
          el_push(vd, PL_VE_GAP, 0))
        return -1;
      const char *w = s + i;
      int rc = 0;
      if (len == 1 && *w == '+') rc = el_push(vd, PL_VE_TGT, 0);
      else if (len == 1 && *w == '$') rc = el_push(vd, PL_VE_SRC, 0);
      else if (len == 1 && *w == '%') *flags |= PL_VP_COMPOUND;
      else if (len == 1 && *w == '^') rc = el_push(vd, PL_VE_SKIP, 0);
      else if (*w == '*' && len > 1 && petr) {
        /* "*SCEPTICAL": the verb joined to the next word */
        if (starpos != UINT32_MAX) { *why = "two '*' verb markers"; return -1; }
        starpos = vd->nels;
        rc = el_push(vd, PL_VE_VERB, 0);
        uint32_t id = rc ? PL_VW_NONE : word_add(vd, w + 1, len - 1);
        rc = id == PL_VW_NONE ? -1 : el_push(vd, PL_VE_WORD, id);
      } else if (len == 1 && *w == '*') {
        if (!petr) { *why = "'*' in a native pattern"; return -1; }
        if (starpos != UINT32_MAX) { *why = "two '*' verb markers"; return -1; }
        starpos = vd->nels;
        rc = el_push(vd, PL_VE_VERB, 0);
      } else if (len == 3 && !memcmp(w, "...", 3))
        rc = el_push(vd, PL_VE_GAP, 0);
      else if (*w == '&') {
        /* classes may be defined after their first use (PETRARCH) */
        uint32_t c = class_id(vd, w + 1, len - 1, 1);
        if (c == PL_VW_NONE) return -1;
        rc = el_push(vd, PL_VE_CLASS, c);
      } else if (*w == '+' || *w == '$') {
        /* "+WORD": a target/source marker fused to a word */
        rc = el_push(vd, *w == '+' ? PL_VE_TGT : PL_VE_SRC, 0);
        if (!rc) {
          uint32_t id = word_add(vd, w + 1, len - 1);
          rc = id == PL_VW_NONE ? -1 : el_push(vd, PL_VE_WORD, id);
        }
      } else {
        uint32_t id = word_add(vd, w, len);
        rc = id == PL_VW_NONE ? -1 : el_push(vd, PL_VE_WORD, id);
      }
      if (rc) return -1;
    }
    prev_join = join_next;
    i = join_next ? j + 1 : j;
  }
  if (petr) {
    if (starpos == UINT32_MAX) { *why = "no '*' verb marker"; return -1; }
    /* pre elements: stored nearest-to-verb first (matched leftwards) */
    uint32_t np = starpos - start, nq = vd->nels - starpos - 1;
    /* drop gaps right next to the verb: a space there is not a gap */
    for (uint32_t a = start, b = starpos - 1; np && a < b; a++, b--) {
      pl_vel t = vd->els[a];
      vd->els[a] = vd->els[b];
      vd->els[b] = t;
    }
    *pre0 = start;
    *npre = np;
    *post0 = starpos + 1;
    *npost = nq;
    *star = 1;
  } else {
    *pre0 = start;
    *npre = 0;
    *post0 = start;
    *npost = vd->nels - start;
  }
  return 0;
}

static uint32_t count_score(const pl_verbdict *vd, uint32_t e0, uint32_t n) {
  uint32_t s = 0;
  for (uint32_t i = 0; i < n; i++)
    if (vd->els[e0 + i].kind != PL_VE_GAP) s++;
  return s;
}

static int pat_add(ld_t *L, uint32_t block, uint8_t kind, const char *code,
                   int null, uint32_t pre0, uint32_t npre, uint32_t post0,
                   uint32_t npost, uint8_t flags, const char *txt,
                   size_t ntxt) {
  pl_verbdict *vd = L->vd;
  if (GROW(vd->pats, vd->npats, vd->pcap, pl_vpat)) return -1;
  pl_vpat *p = &vd->pats[vd->npats];
  memset(p, 0, sizeof *p);
  p->block = block;
  p->kind = kind;
  p->pre0 = pre0;
  p->npre = npre;
  p->el0 = post0;
  p->nel = npost;
  p->flags = flags | (null ? PL_VP_NULL : 0);
  if (!null) snprintf(p->code, sizeof p->code, "%s", code);
  p->score = 1 + count_score(vd, pre0, npre) + count_score(vd, post0, npost);
  p->seq = vd->seq++;
  p->text = pat_text(vd, txt, ntxt);
  if (p->text == UINT32_MAX) return -1;
  vd->npats++;
  vd->dirty = 1;
  L->nent++;
  return 0;
}

/* ---- native format ---- */
/* Block of a native head word + kind (created on first use). */
static uint32_t native_block(ld_t *L, uint32_t word, uint8_t kind) {
  pl_verbdict *vd = L->vd;
  /* linear probe over forms with this word: forms are few per word */
  for (uint32_t i = vd->nforms; i-- > vd->native_from;) {
    pl_vform *f = &vd->forms[i];
    if (f->word == word && f->kind == kind && f->native && !f->npre &&
        !f->npost)
      return f->block;
  }
  uint32_t b = block_new(vd);
  if (b == PL_VW_NONE) return b;
  if (form_add(vd, word, b, kind, NULL, 0, 0, 0, 0)) return PL_VW_NONE;
  vd->forms[vd->nforms - 1].native = 1;
  return b;
}

static int native_line(ld_t *L, const char *s, size_t n) {
  pl_verbdict *vd = L->vd;
  if (*s == '&') {
    const char *eq = memchr(s, '=', n);
    if (!eq) {
      warn(L, "class line without '='", s, n);
      return 0;
    }
    size_t nl = (size_t)(eq - s) - 1;
    while (nl && isspace((unsigned char)s[nl])) nl--;
    const char *name = s + 1;
    size_t namelen = nl;
    while (namelen && isspace((unsigned char)name[namelen - 1])) namelen--;
    uint32_t c = class_id(vd, name, namelen, 1);
    if (c == PL_VW_NONE) return -1;
    const char *p = eq + 1, *end = s + n;
    while (p < end) {
      const char *q = memchr(p, ';', (size_t)(end - p));
      if (!q) q = end;
      const char *a = p, *b = q;
      while (a < b && isspace((unsigned char)*a)) a++;
      while (b > a && isspace((unsigned char)b[-1])) b--;
      if (b > a && class_member(vd, c, a, (size_t)(b - a))) return -1;
      p = q + 1;
    }
    L->nent++;
    return 0;
  }
  /* CODE KIND HEAD ELEMENTS... */
  size_t i = 0;
  while (i < n && !isspace((unsigned char)s[i])) i++;
  char code[6];
  int null = 0;
  int digits = i >= 2 && i <= 4;
  for (size_t k = 0; k < i && digits; k++)
    if (!isdigit((unsigned char)s[k])) digits = 0;
  if ((!digits && !(i == 3 && !memcmp(s, "---", 3))) ||
      parse_code(s, i, code, &null)) {
    warn(L, "bad event code", s, n);
    return 0;
  }
  while (i < n && isspace((unsigned char)s[i])) i++;
  uint8_t kind = i < n ? (uint8_t)s[i] : 0;
  if ((kind != 'v' && kind != 'n') || (i + 1 < n && !isspace((unsigned char)s[i + 1]))) {
    warn(L, "kind must be v or n", s, n);
    return 0;
  }
  i++;
  while (i < n && isspace((unsigned char)s[i])) i++;
  size_t h = i;
  while (i < n && !isspace((unsigned char)s[i])) i++;
  if (i == h || strchr("+$&.*", s[h])) {
    warn(L, "pattern must start with a head word", s, n);
    return 0;
  }
  uint32_t head = word_add(vd, s + h, i - h);
  if (head == PL_VW_NONE) return -1;
  uint32_t save = vd->nels, pre0, npre, post0, npost;
  int star;
  uint8_t flags = 0;
  const char *why = NULL;
  if (parse_elems(L, s + i, n - i, 0, &pre0, &npre, &post0, &npost, &star,
                  &flags, &why)) {
    if (!why) return -1;
    vd->nels = save;
    warn(L, why, s, n);
    return 0;
  }
  uint32_t b = native_block(L, head, kind);
  if (b == PL_VW_NONE) return -1;
  return pat_add(L, b, kind, code, null, pre0, npre, post0, npost, flags,
                 s + h, n - h);
}

/* ---- PETRARCH / TABARI format ---- */
/* "--- NAME [code] ---" */
static int petr_block(ld_t *L, const char *s, size_t n) {
  const char *lb = memchr(s, '[', n);
  L->bcode[0] = L->brcode[0] = 0;
  L->bcode_null = 1;
  if (lb) {
    const char *rb = memchr(lb, ']', (size_t)(s + n - lb));
    if (!rb || parse_code2(lb, (size_t)(rb - lb), L->bcode, L->brcode,
                           &L->bcode_null)) {
      warn(L, "bad block code", s, n);
      L->bcode[0] = 0;
      L->bcode_null = 1;
    }
  }
  L->block = block_new(L->vd);
  L->cls = PL_VW_NONE;
  return L->block == PL_VW_NONE ? -1 : 0;
}

/* One verb form "WORD", "+BRING_OUT", "KLM_NOP_+RST [002]"; the verb is the
 * '+'-marked part, or the first part when nothing is marked. */
static int petr_form(ld_t *L, const char *s, size_t n, const char *code,
                     const char *rcode, int null) {
  pl_verbdict *vd = L->vd;
  const char *parts[12];
  size_t lens[12];
  int k = 0, verb = -1;
  size_t i = 0;
  while (i < n && k < 12) {
    size_t j = i;
    while (j < n && s[j] != '_') j++;
    if (j > i) {
      const char *w = s + i;
      size_t len = j - i;
      if (*w == '+') {
        verb = k;
        w++;
        len--;
      }
      if (len) {
        parts[k] = w;
        lens[k] = len;
        k++;
      }
    }
    i = j + 1;
  }
  if (!k) return 0;
  if (verb < 0 || verb >= k) verb = 0;
  uint32_t pre0 = vd->nels;
  for (int a = verb - 1; a >= 0; a--) {
    uint32_t id = word_add(vd, parts[a], lens[a]);
    if (id == PL_VW_NONE || el_push(vd, PL_VE_WORD, id)) return -1;
  }
  uint32_t post0 = vd->nels;
  for (int a = verb + 1; a < k; a++) {
    uint32_t id = word_add(vd, parts[a], lens[a]);
    if (id == PL_VW_NONE || el_push(vd, PL_VE_WORD, id)) return -1;
  }
  uint32_t w = word_add(vd, parts[verb], lens[verb]);
  if (w == PL_VW_NONE) return -1;
  const char *c = code ? code : L->bcode;
  int isnull = code ? null : L->bcode_null;
  if (form_add(vd, w, L->block, 'v', isnull ? "" : c, pre0,
               (uint32_t)verb, post0, (uint32_t)(k - verb - 1)))
    return -1;
  snprintf(vd->forms[vd->nforms - 1].rcode, 6, "%s",
           code ? (rcode ? rcode : "") : L->brcode);
  L->nent++;
  return 0;
}

static int petr_formline(ld_t *L, const char *s, size_t n) {
  /* WORD [code] {FORM FORM ...} */
  char code[6], rcode[6];
  int null = 0, has = 0;
  const char *lb = memchr(s, '[', n);
  size_t wn = n;
  if (lb) {
    const char *rb = memchr(lb, ']', (size_t)(s + n - lb));
    if (!rb || parse_code2(lb, (size_t)(rb - lb), code, rcode, &null)) {
      warn(L, "bad verb code", s, n);
      return 0;
    }
    has = 1;
    wn = (size_t)(lb - s);
  }
  const char *br = memchr(s, '{', n);
  if (br && (size_t)(br - s) < wn) wn = (size_t)(br - s);
  while (wn && isspace((unsigned char)s[wn - 1])) wn--;
  size_t a = 0;
  while (a < wn && !isspace((unsigned char)s[a])) a++;
  if (petr_form(L, s, a, has ? code : NULL, has ? rcode : NULL, null))
    return -1;
  if (br) { /* irregular forms share the code */
    const char *e = memchr(br, '}', (size_t)(s + n - br));
    const char *p = br + 1, *end = e ? e : s + n;
    while (p < end) {
      while (p < end && isspace((unsigned char)*p)) p++;
      const char *q = p;
      while (q < end && !isspace((unsigned char)*q)) q++;
      if (q > p && petr_form(L, p, (size_t)(q - p), has ? code : NULL,
                             has ? rcode : NULL, null))
        return -1;
      p = q;
    }
  }
  return 0;
}

static int petr_pattern(ld_t *L, const char *s, size_t n) {
  pl_verbdict *vd = L->vd;
  if (L->block == PL_VW_NONE) {
    warn(L, "pattern outside a verb block", s, n);
    return 0;
  }
  const char *lb = NULL;
  for (size_t i = n; i-- > 0;)
    if (s[i] == '[') { lb = s + i; break; }
  if (!lb) {
    warn(L, "pattern without [code]", s, n);
    return 0;
  }
  const char *rb = memchr(lb, ']', (size_t)(s + n - lb));
  char code[6], rev[6];
  int null = 0;
  if (!rb) rb = s + n;
  if (parse_code2(lb, (size_t)(rb - lb), code, rev, &null)) {
    warn(L, "bad pattern code", s, n);
    return 0;
  }
  const char *body = s + 1; /* after '-' */
  size_t bn = (size_t)(lb - body);
  uint32_t save = vd->nels, pre0, npre, post0, npost;
  int star;
  uint8_t flags = PL_VP_PETR;
  const char *why = NULL;
  if (parse_elems(L, body, bn, 1, &pre0, &npre, &post0, &npost, &star,
                  &flags, &why)) {
    if (!why) return -1;
    vd->nels = save;
    warn(L, why, s, n);
    return 0;
  }
  if (pat_add(L, L->block, 'v', code, null, pre0, npre, post0, npost,
              flags, body, bn))
    return -1;
  snprintf(vd->pats[vd->npats - 1].rcode, 6, "%s", rev);
  return 0;
}

/* One line; comments already stripped.  fmt: 0 unknown, 1 native, 2 petr */
static int load_line(ld_t *L, const char *s, size_t n) {
  while (n && isspace((unsigned char)*s)) s++, n--;
  while (n && isspace((unsigned char)s[n - 1])) n--;
  if (!n) return 0;
  if (n >= 3 && !memcmp(s, "---", 3)) return petr_block(L, s, n);
  if (*s == '<') return 0; /* <!-- ... --> and other tags */
  if (*s == '&') {
    if (memchr(s, '=', n)) {
      L->cls = PL_VW_NONE;
      return native_line(L, s, n);
    }
    size_t e = 1;
    while (e < n && !isspace((unsigned char)s[e])) e++;
    L->cls = class_id(L->vd, s + 1, e - 1, 1);
    L->block = PL_VW_NONE;
    if (L->cls == PL_VW_NONE) return -1;
    L->nent++;
    return 0;
  }
  if (*s == '+' && L->cls != PL_VW_NONE && L->block == PL_VW_NONE)
    return class_member(L->vd, L->cls, s + 1, n - 1);
  if (*s == '-' && n > 1 && isspace((unsigned char)s[1]))
    return petr_pattern(L, s, n);
  if (isdigit((unsigned char)*s) || (*s == '-' && n > 3 && s[1] == '-'))
    return native_line(L, s, n);
  if (L->block != PL_VW_NONE) return petr_formline(L, s, n);
  warn(L, "unrecognised line", s, n);
  return 0;
}

/* ---- compiled image ----
 * tools/mkimage.c loads data/verbs.txt at build time
 * (pl_verbs_load_text_builtin) and links pl_verbs_image's bytes into the
 * library as pl_builtin_image("verbs").  Every array of the dictionary
 * holds ids and pool offsets, no pointers, so a context uses the image's
 * arrays in place: loading is a header check, and a page of the image is
 * read only when a lookup touches it.  Layout: vd_img_hdr, then the arrays
 * in the order of vd_arrays, each at an 8-byte aligned offset the header
 * records.  A header that does not match this code (magic, version, the
 * array element sizes, the text blob's length) makes the loader parse the
 * text instead.  The image is const: a user file loaded on top first
 * copies the arrays to the heap (vd_own). */
#define VD_IMG_MAGIC 0x3142524556504cULL /* "PLVERB1" little-endian */
#define VD_IMG_VERSION 1u
#define VD_NARR 16
typedef struct {
  uint64_t magic;
  uint32_t version, hdr_size;
  uint64_t text_len;            /* length of the verbs.txt blob */
  uint32_t pool_len, wcap, nwords, nclasses, nmems, nmw, nblocks, nforms,
      npats, nels, seq, pad;
  uint32_t elem[VD_NARR];       /* element size of each array */
  uint64_t fbits[2][64];        /* pl_verbdict.fbits */
  uint64_t off[VD_NARR + 1];    /* array offsets, then the total length */
} vd_img_hdr;

/* The arrays of a dictionary with their element counts and sizes, in
 * image order. */
typedef struct { void **p; uint32_t n; size_t elem; } vd_arr;
static void vd_arrays(pl_verbdict *vd, vd_arr a[VD_NARR]) {
  const vd_arr t[VD_NARR] = {
      {(void **)&vd->pool, (uint32_t)vd->pool_len, 1},
      {(void **)&vd->wtab, vd->wcap, sizeof *vd->wtab},
      {(void **)&vd->woff, vd->nwords, sizeof *vd->woff},
      {(void **)&vd->wlen, vd->nwords, sizeof *vd->wlen},
      {(void **)&vd->wfirst, vd->wfirst ? vd->nwords + 1 : 0,
       sizeof *vd->wfirst},
      {(void **)&vd->whash, vd->whash ? vd->nwords : 0, sizeof *vd->whash},
      {(void **)&vd->cname, vd->nclasses, sizeof *vd->cname},
      {(void **)&vd->cname_len, vd->nclasses, sizeof *vd->cname_len},
      {(void **)&vd->cfirst, vd->nclasses, sizeof *vd->cfirst},
      {(void **)&vd->cnum, vd->nclasses, sizeof *vd->cnum},
      {(void **)&vd->mems, vd->nmems, sizeof *vd->mems},
      {(void **)&vd->mw, vd->nmw, sizeof *vd->mw},
      {(void **)&vd->blocks, vd->nblocks, sizeof *vd->blocks},
      {(void **)&vd->forms, vd->nforms, sizeof *vd->forms},
      {(void **)&vd->pats, vd->npats, sizeof *vd->pats},
      {(void **)&vd->els, vd->nels, sizeof *vd->els}};
  memcpy(a, t, sizeof t);
}

/* Moves an image-backed dictionary's arrays to the heap (capacities =
 * sizes, so the next addition grows them as usual); 0 ok, -1 OOM (the
 * dictionary then stays as it was). */
static int vd_own(pl_verbdict *vd) {
  if (!vd->image) return 0;
  vd_arr a[VD_NARR];
  void *copy[VD_NARR];
  vd_arrays(vd, a);
  for (int i = 0; i < VD_NARR; i++) {
    copy[i] = malloc((a[i].n ? a[i].n : 1) * a[i].elem);
    if (!copy[i]) {
      while (i-- > 0) free(copy[i]);
      return -1;
    }
    if (a[i].n) memcpy(copy[i], *a[i].p, a[i].n * a[i].elem);
  }
  int has_wfirst = vd->wfirst != NULL, has_whash = vd->whash != NULL;
  for (int i = 0; i < VD_NARR; i++) *a[i].p = copy[i];
  if (!has_wfirst) {
    free(vd->wfirst);
    vd->wfirst = NULL;
  }
  if (!has_whash) {
    free(vd->whash);
    vd->whash = NULL;
  }
  vd->pool_cap = vd->pool_len ? vd->pool_len : 1;
  vd->wcapv = vd->nwords;
  vd->ccap = vd->nclasses;
  vd->memcap = vd->nmems;
  vd->mwcap = vd->nmw;
  vd->bcap = vd->nblocks;
  vd->fcap = vd->nforms;
  vd->pcap = vd->npats;
  vd->elcap = vd->nels;
  vd->image = 0;
  return 0;
}

void *pl_verbs_image(const pl_verbdict *cvd, size_t *len) {
  /* vd_arrays wants addresses of the members; nothing is written */
  pl_verbdict *vd = (pl_verbdict *)(uintptr_t)cvd;
  if (vd->dirty) return NULL;
  const pl_blob *b = pl_builtin("verbs");
  vd_img_hdr h;
  memset(&h, 0, sizeof h);
  h.magic = VD_IMG_MAGIC;
  h.version = VD_IMG_VERSION;
  h.hdr_size = sizeof h;
  h.text_len = b ? b->len : 0;
  h.pool_len = (uint32_t)vd->pool_len;
  h.wcap = vd->wcap;
  h.nwords = vd->nwords;
  h.nclasses = vd->nclasses;
  h.nmems = vd->nmems;
  h.nmw = vd->nmw;
  h.nblocks = vd->nblocks;
  h.nforms = vd->nforms;
  h.npats = vd->npats;
  h.nels = vd->nels;
  h.seq = vd->seq;
  memcpy(h.fbits, vd->fbits, sizeof h.fbits);
  vd_arr a[VD_NARR];
  vd_arrays(vd, a);
  uint64_t off = (sizeof h + 7) & ~(uint64_t)7;
  for (int i = 0; i < VD_NARR; i++) {
    h.elem[i] = (uint32_t)a[i].elem;
    h.off[i] = off;
    off = (off + (uint64_t)a[i].n * a[i].elem + 7) & ~(uint64_t)7;
  }
  h.off[VD_NARR] = off;
  char *img = calloc(1, off);
  if (!img) return NULL;
  memcpy(img, &h, sizeof h);
  for (int i = 0; i < VD_NARR; i++)
    if (a[i].n) memcpy(img + h.off[i], *a[i].p, a[i].n * a[i].elem);
  /* pattern elements field by field: their padding bytes are not set */
  pl_vel *el = (pl_vel *)(void *)(img + h.off[VD_NARR - 1]);
  for (uint32_t i = 0; i < vd->nels; i++) {
    pl_vel x;
    memset(&x, 0, sizeof x);
    x.kind = vd->els[i].kind;
    x.id = vd->els[i].id;
    memcpy(&el[i], &x, sizeof x);
  }
  *len = off;
  return img;
}

static pl_verbdict *vd_new(void);

parley_rc pl_verbs_load_image(parley_ctx *ctx, const void *image,
                              size_t len) {
  const char *img = image;
  const pl_blob *b = pl_builtin("verbs");
  vd_img_hdr h;
  if (!img || len < sizeof h || ((uintptr_t)img & 7)) return PARLEY_EFORMAT;
  memcpy(&h, img, sizeof h);
  if (h.magic != VD_IMG_MAGIC || h.version != VD_IMG_VERSION ||
      h.hdr_size != sizeof h || h.text_len != (b ? b->len : 0) ||
      h.off[VD_NARR] != len || !h.wcap || (h.wcap & (h.wcap - 1)) ||
      !h.pool_len)
    return PARLEY_EFORMAT;
  pl_verbdict *vd = vd_new();
  if (!vd) return PARLEY_ENOMEM;
  vd->pool_len = h.pool_len;
  vd->wcap = h.wcap;
  vd->nwords = h.nwords;
  vd->nclasses = h.nclasses;
  vd->nmems = h.nmems;
  vd->nmw = h.nmw;
  vd->nblocks = h.nblocks;
  vd->nforms = h.nforms;
  vd->npats = h.npats;
  vd->nels = h.nels;
  vd->seq = h.seq;
  memcpy(vd->fbits, h.fbits, sizeof vd->fbits);
  /* non-NULL so that vd_arrays counts them (set below) */
  vd->wfirst = vd->whash = (uint32_t *)(uintptr_t)1;
  vd_arr a[VD_NARR];
  vd_arrays(vd, a);
  /* the image is const; an image-backed dictionary is never written
   * through these pointers (vd_own copies first) */
  char *base = (char *)(uintptr_t)img;
  for (int i = 0; i < VD_NARR; i++) {
    if (h.elem[i] != a[i].elem || h.off[i] & 7 ||
        h.off[i] + (uint64_t)a[i].n * a[i].elem > h.off[i + 1]) {
      free(vd);
      return PARLEY_EFORMAT;
    }
    *a[i].p = base + h.off[i];
  }
  if (vd->pool[vd->pool_len - 1]) {
    free(vd);
    return PARLEY_EFORMAT;
  }
  vd->image = 1;
  pl_verbdict_free(ctx->verbs);
  ctx->verbs = vd;
  return PARLEY_OK;
}

static parley_rc load_text(parley_ctx *ctx, pl_verbdict *vd,
                           const char *name, const char *p, size_t len,
                           size_t *nent, size_t *nwarn) {
  ld_t L = {ctx, vd, name, 0, 0, 0, PL_VW_NONE, "", "", 1, PL_VW_NONE};
  if (vd_own(vd)) {
    pl_ctx_err(ctx, "%s: out of memory", name);
    return PARLEY_ENOMEM;
  }
  vd->native_from = vd->nforms;
  size_t i = 0;
  int in_xml_comment = 0;
  while (i < len) {
    size_t j = i;
    while (j < len && p[j] != '\n') j++;
    L.line++;
    const char *s = p + i;
    size_t n = j - i;
    if (n && s[n - 1] == '\r') n--;
    /* multi-line <!-- --> comments */
    if (in_xml_comment) {
      const char *e = NULL;
      for (size_t k = 0; k + 2 < n; k++)
        if (!memcmp(s + k, "-->", 3)) { e = s + k + 3; break; }
      if (!e) { i = j + 1; continue; }
      in_xml_comment = 0;
      n -= (size_t)(e - s);
      s = e;
    }
    {
      size_t k = 0;
      while (k < n && isspace((unsigned char)s[k])) k++;
      if (k + 4 <= n && !memcmp(s + k, "<!--", 4)) {
        int closed = 0;
        for (size_t m = k + 4; m + 2 < n + 0 && m + 3 <= n; m++)
          if (!memcmp(s + m, "-->", 3)) { closed = 1; break; }
        if (!closed) in_xml_comment = 1;
        i = j + 1;
        continue;
      }
    }
    /* '#' starts a comment anywhere */
    const char *h = memchr(s, '#', n);
    if (h) n = (size_t)(h - s);
    if (load_line(&L, s, n)) {
      pl_ctx_err(ctx, "%s:%u: out of memory", name, L.line);
      return PARLEY_ENOMEM;
    }
    i = j + 1;
  }
  if (pl_vd_finalize(vd)) {
    pl_ctx_err(ctx, "%s: out of memory", name);
    return PARLEY_ENOMEM;
  }
  if (nent) *nent = L.nent;
  if (nwarn) *nwarn = L.nwarn;
  return PARLEY_OK;
}

static pl_verbdict *vd_new(void) { return calloc(1, sizeof(pl_verbdict)); }

void pl_verbdict_free(pl_verbdict *vd) {
  if (!vd) return;
  if (vd->image) { /* the arrays are the built-in image's */
    free(vd);
    return;
  }
  free(vd->pool);
  free(vd->wtab);
  free(vd->woff);
  free(vd->wlen);
  free(vd->wfirst);
  free(vd->whash);
  free(vd->cname);
  free(vd->cname_len);
  free(vd->cfirst);
  free(vd->cnum);
  free(vd->mems);
  free(vd->mw);
  free(vd->blocks);
  free(vd->forms);
  free(vd->pats);
  free(vd->els);
  free(vd);
}

parley_rc pl_verbs_load_builtin(parley_ctx *ctx) {
  if (!ctx->verbs && !(ctx->flags & PL_CTX_NO_DEFAULTS)) {
    const pl_blob *im = pl_builtin_image("verbs");
    if (im && pl_verbs_load_image(ctx, im->data, im->len) == PARLEY_OK)
      return PARLEY_OK;
  }
  return pl_verbs_load_text_builtin(ctx); /* no image, or another build's */
}

parley_rc pl_verbs_load_text_builtin(parley_ctx *ctx) {
  if (!ctx->verbs && !(ctx->verbs = vd_new())) return PARLEY_ENOMEM;
  if (ctx->flags & PL_CTX_NO_DEFAULTS) return PARLEY_OK; /* empty: validate */
  const pl_blob *b = pl_builtin("verbs");
  if (!b) return PARLEY_OK;
  size_t ne = 0, nw = 0;
  return load_text(ctx, ctx->verbs, "verbs.txt", b->data, b->len, &ne, &nw);
}

parley_rc pl_verbs_clear(parley_ctx *ctx) {
  if (!ctx) return PARLEY_EMISUSE;
  pl_verbdict *n = vd_new();
  if (!n) return PARLEY_ENOMEM;
  pl_verbdict_free(ctx->verbs);
  ctx->verbs = n;
  return PARLEY_OK;
}

parley_rc pl_verbs_load_text(parley_ctx *ctx, const char *name,
                             const char *text, size_t len, size_t *nentries,
                             size_t *nwarnings) {
  if (!ctx || !text) return PARLEY_EMISUSE;
  if (!ctx->verbs && !(ctx->verbs = vd_new())) return PARLEY_ENOMEM;
  return load_text(ctx, ctx->verbs, name ? name : "(text)", text, len,
                   nentries, nwarnings);
}

parley_rc pl_verbs_load_file(parley_ctx *ctx, const char *path,
                             size_t *nentries, size_t *nwarnings) {
  if (!ctx || !path) return PARLEY_EMISUSE;
  FILE *f = fopen(path, "rb");
  if (!f) {
    pl_ctx_err(ctx, "%s: %s", path, strerror(errno));
    return PARLEY_EIO;
  }
  pl_buf b;
  pl_buf_init(&b, (size_t)256 << 20);
  char tmp[65536];
  size_t r;
  while ((r = fread(tmp, 1, sizeof tmp, f)) > 0) pl_buf_add(&b, tmp, r);
  int err = ferror(f);
  fclose(f);
  if (err || b.failed) {
    pl_buf_free(&b);
    pl_ctx_err(ctx, "%s: %s", path, err ? "read error" : "out of memory");
    return err ? PARLEY_EIO : PARLEY_ENOMEM;
  }
  parley_rc rc = pl_verbs_load_text(ctx, path, b.p ? b.p : "", b.len,
                                    nentries, nwarnings);
  pl_buf_free(&b);
  return rc;
}

size_t pl_verbs_count(const parley_ctx *ctx) {
  return ctx && ctx->verbs ? ctx->verbs->npats + ctx->verbs->nforms : 0;
}
