/*
 * verbs.h - the verb-pattern dictionary shared by verbs.c (loading) and
 * events.c (matching).  Private to those two files.
 */
#ifndef PL_VERBS_H
#define PL_VERBS_H
#include "internal.h"

#define PL_VW_NONE UINT32_MAX

enum pl_vekind {
  PL_VE_WORD = 1, /* literal word (id) */
  PL_VE_TGT,      /* + target slot */
  PL_VE_SRC,      /* $ source slot */
  PL_VE_CLASS,    /* &CLASS (id) */
  PL_VE_GAP,      /* ... : 0-3 non-actor words */
  PL_VE_VERB,     /* PETRARCH '*' (only while parsing) */
  PL_VE_SKIP      /* PETRARCH '^': skip one phrase (1-4 tokens) */
};
typedef struct pl_vel { uint8_t kind; uint32_t id; } pl_vel;

enum { PL_VP_NULL = 1,     /* [---]: matches, codes nothing */
       PL_VP_PETR = 2,     /* PETRARCH pattern (implicit gaps) */
       PL_VP_COMPOUND = 4  /* '%' marker */ };

typedef struct pl_vpat {
  uint32_t block;
  uint32_t pre0, npre;  /* elements before the head, nearest first */
  uint32_t el0, nel;    /* elements after the head */
  uint32_t score;       /* non-gap elements incl. the head */
  uint32_t seq;         /* load order */
  uint32_t text;        /* pattern text, offset in pool */
  char code[6];         /* "" when PL_VP_NULL or reverse-only */
  char rcode[6];        /* TABARI "[a:b]" b: target -> source, or "" */
  uint8_t kind;         /* 'v' or 'n' */
  uint8_t flags;        /* PL_VP_* */
} pl_vpat;

typedef struct pl_vform {
  uint32_t word;        /* head word id */
  uint32_t block;
  uint32_t pre0, npre;  /* words that must stand right before the head */
  uint32_t post0, npost;/* ... right after it */
  uint32_t seq;
  char code[6];         /* default code of the bare form ("" = none) */
  char rcode[6];        /* its reverse-direction code ([a:b] b) */
  uint8_t has_code;     /* a bare-form default exists (may be "" = null) */
  uint8_t kind;         /* 'v' / 'n' */
  uint8_t native;       /* from a native file */
} pl_vform;

typedef struct pl_vblock { uint32_t pat0, npat; } pl_vblock;

typedef struct pl_vmember { uint32_t cls, first, w0, nw; } pl_vmember;

/* A word-table slot keeps the word's full hash next to its id and, for a
 * word of up to 7 bytes, the word itself (NUL-padded; k[7] != 0 marks a
 * longer word, which is compared in the pool).  A lookup of a short word
 * so reads one 16-byte slot and no other line: most tokens that are looked
 * up are found (the dictionary holds the common function words), and a
 * slot -> offset -> pool chain cost three dependent cache misses. */
typedef struct pl_vslot {
  uint32_t hash, id;    /* id + 1, 0 = empty */
  char k[8];
} pl_vslot;

struct pl_verbdict {
  char *pool; size_t pool_len, pool_cap;
  pl_vslot *wtab; uint32_t wcap;          /* open addressing, wcap 2^k */
  uint32_t *woff, *wlen; uint32_t nwords, wcapv;
  uint32_t *wfirst;                       /* word -> first form */
  uint32_t *whash;                        /* word -> its pl_fnv32 hash
                                             (pl_vd_finalize; events.c
                                             tests a pattern's words
                                             against a sentence's token
                                             hashes) */
  uint64_t fbits[2][64];                  /* bit h % 4096 for the hash h of
                                             every word heading a form,
                                             [0] 'v' forms, [1] 'n' forms
                                             (pl_vd_finalize): a token
                                             whose form hashes miss it
                                             heads none */
  uint32_t *cname, *cname_len, *cfirst, *cnum; uint32_t nclasses, ccap;
  pl_vmember *mems; uint32_t nmems, memcap;
  uint32_t *mw; uint32_t nmw, mwcap;
  pl_vblock *blocks; uint32_t nblocks, bcap;
  pl_vform *forms; uint32_t nforms, fcap;
  pl_vpat *pats; uint32_t npats, pcap;
  pl_vel *els; uint32_t nels, elcap;
  uint32_t seq;
  uint32_t native_from;
  int dirty;
  int image;       /* arrays live in the const built-in image (verbs.c) */
};

uint32_t pl_vd_word_find(const pl_verbdict *vd, const char *s, size_t n);
/* The same for a NUL-terminated word whose pl_fnv32 hash is known (a
 * token's interned hlow/hkey/hlem): no strlen, no rehash.  Inline (events.c
 * looks up the forms of the tokens it matches).  The slot's hash is
 * compared first; the word only on a hash match, from the slot itself when
 * it is short (k[7] == 0), else from the pool. */
static inline uint32_t pl_vd_word_find_h(const pl_verbdict *vd, const char *s,
                                         uint32_t h) {
  if (!vd || !vd->wcap || !*s) return PL_VW_NONE;
  uint32_t mask = vd->wcap - 1;
  for (uint32_t i = h & mask;; i = (i + 1) & mask) {
    const pl_vslot *sl = &vd->wtab[i];
    if (!sl->id) return PL_VW_NONE;
    if (sl->hash != h) continue;
    const char *a = sl->k[7] ? vd->pool + vd->woff[sl->id - 1] : sl->k;
    const char *b = s;
    while (*a == *b && *a) a++, b++;
    if (*a == *b) return sl->id - 1;
  }
}
const char *pl_vd_word(const pl_verbdict *vd, uint32_t id);
int pl_vd_finalize(pl_verbdict *vd);
void pl_vd_class_range(const pl_verbdict *vd, uint32_t c, uint32_t w,
                       uint32_t *lo, uint32_t *hi);
size_t pl_verbs_count(const parley_ctx *ctx);
parley_rc pl_verbs_load_text(parley_ctx *ctx, const char *name,
                             const char *text, size_t len, size_t *nentries,
                             size_t *nwarnings);
#endif
