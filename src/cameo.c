/*
 * cameo.c - the CAMEO ontology table: names, Goldstein values, QuadClass,
 * PLOVER type.
 *
 * Input: the built-in data/cameo.tsv
 *   (code TAB goldstein TAB quad TAB plover TAB name; '#' lines are
 *   comments; plover '-' = not mapped).
 * Output: ctx->cameo, a table sorted by code, read-only after load.
 * pl_cameo_get finds a code exactly, else its longest known prefix
 * ("0871x" -> "0871" -> "087" -> "08"), so events coded with a sub-code
 * the table lacks still get their parent's Goldstein value and quad.
 *
 * Memory: one malloc'd block holds the table, its entries, a hash index
 * and a copy of the file's text with the separators turned into NULs.
 *
 * Lookup: codes are 2-5 bytes, so a code packs into the low 40 bits of a
 * uint64 (byte i at bits 8i) and the entry's index into the bits above;
 * pl_cameo_get probes that one array (8 KB) per prefix length, with no
 * string compare and no binary search (it runs several times per event).
 */
#include "internal.h"
#include <stdlib.h>

#define CODE_MAX 5                 /* longest code (code_ok) */
#define CODE_BITS (8 * CODE_MAX)
#define CODE_MASK ((UINT64_C(1) << CODE_BITS) - 1)

struct pl_cameo {
  size_t n;
  pl_cameo_info *v; /* sorted by code (strcmp) */
  uint64_t *slot;   /* packed code | (index + 1) << CODE_BITS; 0 empty */
  uint32_t mask;    /* slots - 1, a power of two */
};

/* code[0..n) packed (n <= CODE_MAX; codes hold no NUL, so distinct codes
 * pack to distinct non-zero keys). */
static uint64_t pack(const char *code, size_t n) {
  uint64_t k = 0;
  for (size_t i = 0; i < n; i++) k |= (uint64_t)(unsigned char)code[i] << (8 * i);
  return k;
}

static uint32_t slot_of(uint64_t key, uint32_t mask) {
  return (uint32_t)((key * UINT64_C(0x9E3779B97F4A7C15)) >> 40) & mask;
}

static double parse_num(const char *s, int *ok) {
  /* Plain decimal "-10.0", "3.4": no locale dependence (strtod would
   * follow LC_NUMERIC). */
  double sign = 1, v = 0, scale = 1;
  int digits = 0;
  if (*s == '-' || *s == '+') sign = *s++ == '-' ? -1 : 1;
  for (; *s >= '0' && *s <= '9'; s++, digits++) v = v * 10 + (*s - '0');
  if (*s == '.')
    for (s++; *s >= '0' && *s <= '9'; s++, digits++) {
      scale /= 10;
      v += (*s - '0') * scale;
    }
  *ok = digits > 0 && *s == 0;
  return sign * v;
}

static int cmp_info(const void *a, const void *b) {
  return strcmp(((const pl_cameo_info *)a)->code,
                ((const pl_cameo_info *)b)->code);
}

static int code_ok(const char *s) {
  size_t n = strlen(s);
  if (n < 2 || n > 5) return 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

parley_rc pl_cameo_load_builtin(parley_ctx *ctx) {
  const pl_blob *b = pl_builtin("cameo");
  if (!b || !b->len) return PARLEY_OK; /* events then carry no weights */
  size_t nlines = 1;
  for (size_t i = 0; i < b->len; i++) nlines += b->data[i] == '\n';
  size_t head = (sizeof(pl_cameo) + 15) & ~(size_t)15;
  size_t ents = nlines * sizeof(pl_cameo_info);
  uint32_t cap = 16; /* load <= 1/4: a probe nearly always ends at once */
  while (cap < 4 * nlines) cap *= 2;
  size_t slots = (size_t)cap * sizeof(uint64_t);
  char *blk = malloc(head + ents + slots + b->len + 1);
  if (!blk) {
    pl_ctx_err(ctx, "out of memory loading the CAMEO table");
    return PARLEY_ENOMEM;
  }
  pl_cameo *c = (pl_cameo *)blk;
  c->v = (pl_cameo_info *)(blk + head);
  c->n = 0;
  c->slot = (uint64_t *)(blk + head + ents);
  c->mask = cap - 1;
  memset(c->slot, 0, slots);
  char *text = blk + head + ents + slots;
  memcpy(text, b->data, b->len);
  text[b->len] = 0;
  char *p = text, *end = text + b->len;
  size_t lineno = 0;
  while (p < end) {
    char *nl = memchr(p, '\n', (size_t)(end - p));
    char *le = nl ? nl : end;
    *le = 0;
    lineno++;
    if (le > p && le[-1] == '\r') le[-1] = 0;
    if (*p && *p != '#') {
      char *f[5] = {p, NULL, NULL, NULL, NULL};
      int nf = 1;
      for (char *q = p; *q && nf < 5; q++)
        if (*q == '\t') {
          *q = 0;
          f[nf++] = q + 1;
        }
      int okg = 0, okq = 0;
      double g = nf == 5 ? parse_num(f[1], &okg) : 0;
      double qd = nf == 5 ? parse_num(f[2], &okq) : 0;
      if (nf != 5 || !code_ok(f[0]) || !okg || !okq || g < -10 || g > 10 ||
          qd < 1 || qd > 4) {
        pl_ctx_err(ctx, "cameo table line %zu: malformed", lineno);
        free(blk);
        return PARLEY_EFORMAT;
      }
      pl_cameo_info *e = &c->v[c->n++];
      e->code = f[0];
      e->goldstein = g;
      e->quad = (int)qd;
      e->plover = strcmp(f[3], "-") ? f[3] : "";
      e->name = f[4];
    }
    p = le + 1;
  }
  qsort(c->v, c->n, sizeof *c->v, cmp_info);
  for (size_t i = 0; i < c->n; i++) {
    uint64_t key = pack(c->v[i].code, strlen(c->v[i].code));
    uint32_t h = slot_of(key, c->mask);
    while (c->slot[h] && (c->slot[h] & CODE_MASK) != key) h = (h + 1) & c->mask;
    if (!c->slot[h]) c->slot[h] = key | (uint64_t)(i + 1) << CODE_BITS;
  }
  ctx->cameo = c;
  return PARLEY_OK;
}

void pl_cameo_free(pl_cameo *c) { free(c); }

static const pl_cameo_info *find(const pl_cameo *c, uint64_t key) {
  for (uint32_t h = slot_of(key, c->mask); c->slot[h]; h = (h + 1) & c->mask)
    if ((c->slot[h] & CODE_MASK) == key)
      return &c->v[(c->slot[h] >> CODE_BITS) - 1];
  return NULL;
}

const pl_cameo_info *pl_cameo_get(const parley_ctx *ctx, const char *code) {
  if (!ctx || !ctx->cameo || !code) return NULL;
  size_t n = 0; /* callers pass short fixed arrays: look at 7 bytes at most */
  while (n < 7 && code[n]) n++;
  /* no code is longer than CODE_MAX: longer inputs start at their prefix */
  if (n > CODE_MAX) n = CODE_MAX;
  for (; n >= 2; n--) {
    const pl_cameo_info *e = find(ctx->cameo, pack(code, n));
    if (e) return e;
  }
  return NULL;
}

const pl_cameo_info *pl_cameo_at(const parley_ctx *ctx, size_t i) {
  if (!ctx || !ctx->cameo || i >= ctx->cameo->n) return NULL;
  return &ctx->cameo->v[i];
}
