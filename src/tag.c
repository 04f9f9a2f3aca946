/*
 * tag.c - stage: part-of-speech tags and lemmas (the lexical layer).
 *
 * Input: doc->toks and doc->sents (token, sentence stages).
 * Output: tok->tag (enum pl_tag) and tok->lemma for every token.
 *
 * Three steps per sentence, all deterministic and left to right:
 *   1. lexical: one hash probe per token into the built-in lexicon
 *      (data/lexicon.tsv: word, Penn tags most likely first, verb lemma,
 *      noun lemma) gives the candidate tag set; unknown words get a set
 *      from a suffix table; numbers, punctuation, quotes, possessives and
 *      clitics (n't 're 's) are tagged from the token flags;
 *   2. capitalisation: a capitalised open-class word inside a sentence is
 *      a name (NNP); at the start of a sentence it keeps its lexical tag
 *      unless it opens a run of capitalised words ("White House");
 *   3. context: the left context of each ambiguous token (modal, "to",
 *      have, be, do, determiner, subject, preposition, verb, wh-word) picks
 *      the first tag of a preference list (table `prefs`) that the word
 *      can have; a few lookahead rules (reduced passive "killed by",
 *      noun compounds "ceasefire talks", "that" as IN/WDT/DT, "'s" as
 *      POS/VBZ, coordination "X and Y") refine it.
 * Lemma: the lexicon's verb lemma for verb tags, its noun lemma for NN/NNS,
 * else the lower-cased form (suffix-stripped for unknown inflected words).
 *
 * Cost: the lexicon is a build-time image used in place (see the image
 * section); its entries hold each word's step-1 result, lemma hashes and
 * word-class bits ready made, so a known word costs one probe and a copy,
 * and the rules test bits, not strings.
 *
 * Invariants: the lexicon is read-only after load (threads share it);
 * the stage allocates one scratch array per document from the arena and
 * nothing per token; every string it stores in a token lives either in the
 * lexicon block (ctx lifetime) or in the arena.
 */
#include "image.h"
#include <stdlib.h>
#include <utf8proc.h>

/* ---- the lexicon: one block (malloc'd, or a compiled image) ---- */

#define NOSTR 0u /* pool offset 0 is the empty string: "no lemma" */

/* One lexicon word.  Besides what the data file says, an entry carries
 * what the tagger would otherwise recompute for every token spelled so
 * (done once at load, or at build time for the image): the candidate set
 * of a lower-case token (overrides applied, VB/VBP merged), the hashes of
 * its lemmas (a token's interned hlem) and its word-class bits. */
typedef struct lexent {
  uint32_t hash;             /* pl_fnv32 of the word */
  uint32_t cls;              /* WC_* and XB_* word-class bits */
  uint64_t lm;               /* candidate tags of a token whose lower-case
                                form is this word (see lexical()) */
  uint64_t tm;               /* 1 << tag for each listed tag (a tmask) */
  uint32_t word, vlem, nlem; /* offsets into the string pool */
  uint32_t vh, nh;           /* pl_fnv32 of the verb and noun lemmas */
  uint8_t first;             /* most likely listed tag */
  uint8_t lfirst;            /* most likely tag of lm */
  uint8_t over;              /* index + 1 in overrides[], 0 = none */
  uint8_t wlen;              /* length of the word (255: 255 or more) */
  /* the word itself when shorter than 16 bytes (NUL-terminated): entries
   * are 64 bytes and 64-byte aligned, so a probe that finds its word
   * reads one cache line for the entry and never the pool */
  char w[16];
} lexent;

#define LEX_MAX_OVER 48 /* room for the overrides table (checked at load) */
/* Bits of the case filter: see mark_case_filter() */
#define LEX_CAPF_BITS ((size_t)1 << 16)
#define LEX_CAPF_WORDS (LEX_CAPF_BITS / 64)

struct pl_lexicon {
  uint32_t *slots;   /* cap entries: 0 = empty, else entry index + 1 */
  uint32_t cap;      /* power of two */
  uint32_t n;
  lexent *ents;
  const char *pool;  /* NUL-terminated strings; offset 0 is "" */
  size_t pool_len;
  size_t text_len;   /* length of the lexicon.tsv blob it was made from */
  uint32_t over_h[LEX_MAX_OVER]; /* pl_fnv32 of each override's lemma */
  /* case filter: bit (h & (LEX_CAPF_BITS - 1)) is set for the hash h of
   * the lower-case form of each ASCII entry spelled with capitals; when
   * capf_nonascii, some non-ASCII entry has capitals too */
  uint64_t *capf;
  uint32_t capf_nonascii;
  void *block;       /* the one allocation; NULL when the arrays are in the
                        library's image */
};

static uint32_t hash_str(const char *s, size_t n) { return pl_fnv32(s, n); }

/* An empty table: lookups without a lexicon find nothing at once. */
static uint32_t lex_none_slot[1];
static const pl_lexicon lex_none = {.slots = lex_none_slot, .cap = 1};

static const lexent *lex_find(const pl_lexicon *lx, const char *s,
                              size_t n) {
  if (!lx || !lx->n) return NULL;
  uint32_t h = hash_str(s, n), mask = lx->cap - 1;
  for (uint32_t i = h & mask;; i = (i + 1) & mask) {
    uint32_t e = lx->slots[i];
    if (!e) return NULL;
    const lexent *le = &lx->ents[e - 1];
    if (le->hash == h && le->wlen == (n < 255 ? n : 255)) {
      const char *w = n < sizeof le->w ? le->w : lx->pool + le->word;
      if (!memcmp(w, s, n) && w[n] == 0) return le;
    }
  }
}

/* lex_find for a NUL-terminated word whose hash h is already known (a
 * token's interned hlow).  lx is never NULL here (the tagger passes
 * lex_none when there is no lexicon): this runs for every token. */
static inline const lexent *lex_find_h(const pl_lexicon *lx, const char *s,
                                uint32_t h) {
  uint32_t mask = lx->cap - 1;
  for (uint32_t i = h & mask;; i = (i + 1) & mask) {
    uint32_t e = lx->slots[i];
    if (!e) return NULL;
    const lexent *le = &lx->ents[e - 1];
    if (le->hash == h) {
      /* words are short: an inline compare beats a call to strcmp */
      const char *a = le->wlen < sizeof le->w ? le->w : lx->pool + le->word;
      const char *b = s;
      while (*a == *b && *a) a++, b++;
      if (*a == *b) return le;
    }
  }
}

/* Penn tag name -> enum; -1 when not one of ours.  Names are at most 5
 * bytes ("PUNCT"), so each is packed into an integer once and the lookup
 * is a scan of ~40 integer compares (this runs ~120k times per load). */
static uint64_t pack_name(const char *s, size_t n) {
  uint64_t k = 0;
  for (size_t i = 0; i < n && i < 8; i++) k = (k << 8) | (unsigned char)s[i];
  return k;
}

/* 64-slot open-addressing table from packed name to tag. */
typedef struct tagtab { uint64_t key[64]; uint8_t tag[64]; } tagtab;
static unsigned tagtab_slot(uint64_t k) {
  return (unsigned)((k * 0x9E3779B97F4A7C15ull) >> 58);
}
static void tagtab_init(tagtab *tt) {
  memset(tt, 0, sizeof *tt);
  for (int t = 1; t < PL_T__N; t++) {
    const char *nm = pl_tag_name(t);
    uint64_t k = pack_name(nm, strlen(nm));
    unsigned i = tagtab_slot(k);
    while (tt->key[i]) i = (i + 1) & 63;
    tt->key[i] = k;
    tt->tag[i] = (uint8_t)t;
  }
}
static int tag_from_name(const char *s, size_t n, const tagtab *tt) {
  if (n == 0 || n > 5) return -1;
  uint64_t k = pack_name(s, n);
  for (unsigned i = tagtab_slot(k); tt->key[i]; i = (i + 1) & 63)
    if (tt->key[i] == k) return tt->tag[i];
  return -1;
}

static int mark_classes(pl_lexicon *lx);

parley_rc pl_lex_load_text(parley_ctx *ctx) {
  const pl_blob *b = pl_builtin("lexicon");
  if (!b || !b->len) return PARLEY_OK; /* tagger falls back to guessing */
  size_t nlines = 1;
  for (const char *p = b->data, *e = b->data + b->len;
       (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++)
    nlines++;
  uint32_t cap = 1024;
  while (cap < nlines * 2) cap <<= 1;
  size_t sz_lex = sizeof(pl_lexicon), sz_slots = (size_t)cap * 4,
         sz_ents = nlines * sizeof(lexent), sz_pool = b->len + 2,
         sz_capf = LEX_CAPF_WORDS * sizeof(uint64_t);
  /* the filter goes right after the struct: the arrays follow it */
  sz_lex = ((sz_lex + 15) & ~(size_t)15) + sz_capf;
  sz_slots = (sz_slots + 15) & ~(size_t)15;
  sz_ents = (sz_ents + 15) & ~(size_t)15;
  /* + 64: the entries start on a cache line */
  char *blk = malloc(sz_lex + sz_slots + 64 + sz_ents + sz_pool);
  if (!blk) {
    pl_ctx_err(ctx, "out of memory loading the lexicon");
    return PARLEY_ENOMEM;
  }
  pl_lexicon *lx = (pl_lexicon *)blk;
  memset(lx, 0, sizeof *lx);
  lx->block = blk;
  lx->text_len = b->len;
  lx->capf = (uint64_t *)(blk + sz_lex - sz_capf);
  memset(lx->capf, 0, sz_capf);
  lx->slots = (uint32_t *)(blk + sz_lex);
  memset(lx->slots, 0, (size_t)cap * 4);
  lx->cap = cap;
  lx->n = 0;
  lx->ents = (lexent *)(((uintptr_t)(blk + sz_lex + sz_slots) + 63) &
                        ~(uintptr_t)63);
  char *pool = (char *)lx->ents + sz_ents;
  pool[0] = 0;
  memcpy(pool + 1, b->data, b->len);
  pool[b->len + 1] = 0;
  lx->pool = pool;
  lx->pool_len = b->len + 2;
  tagtab tt;
  tagtab_init(&tt);
  char *p = pool + 1, *end = pool + 1 + b->len;
  while (p < end) {
    char *nl = memchr(p, '\n', (size_t)(end - p));
    char *le = nl ? nl : end;
    *le = 0;
    char *f[4] = {p, NULL, NULL, NULL};
    int nf = 1;
    for (char *q = p; nf < 4; nf++) {
      q = memchr(q, '\t', (size_t)(le - q));
      if (!q) break;
      *q++ = 0;
      f[nf] = q;
    }
    if (nf == 4 && *f[0] && *f[0] != '#') {
      lexent *en = &lx->ents[lx->n];
      memset(en, 0, sizeof *en);
      size_t wl = (size_t)(f[1] - 1 - f[0]);
      en->word = (uint32_t)(f[0] - pool);
      en->hash = hash_str(f[0], wl);
      en->wlen = (uint8_t)(wl < 255 ? wl : 255);
      if (wl < sizeof en->w) memcpy(en->w, f[0], wl + 1);
      en->vlem = strcmp(f[2], "-") ? (uint32_t)(f[2] - pool) : NOSTR;
      en->nlem = strcmp(f[3], "-") ? (uint32_t)(f[3] - pool) : NOSTR;
      en->vh = pl_fnv32z(pool + en->vlem);
      en->nh = pl_fnv32z(pool + en->nlem);
      int ntag = 0; /* at most 7 tags count, the most likely first */
      for (char *t = f[1]; *t && ntag < 7;) {
        char *te = t;
        while (*te && *te != ' ') te++;
        int tg = tag_from_name(t, (size_t)(te - t), &tt);
        if (tg > 0) {
          if (!ntag++) en->first = (uint8_t)tg;
          en->tm |= (uint64_t)1 << tg;
        }
        t = *te ? te + 1 : te;
      }
      if (ntag) {
        uint32_t mask = cap - 1, i = en->hash & mask;
        int dup = 0;
        while (lx->slots[i]) {
          const lexent *o = &lx->ents[lx->slots[i] - 1];
          if (o->hash == en->hash && !strcmp(pool + o->word, f[0])) {
            dup = 1; /* first line wins */
            break;
          }
          i = (i + 1) & mask;
        }
        if (!dup) lx->slots[i] = ++lx->n;
      }
    }
    p = le + 1;
  }
  if (mark_classes(lx)) {
    free(blk);
    pl_ctx_err(ctx, "lexicon: too many tag overrides");
    return PARLEY_EFORMAT;
  }
  ctx->lex = lx;
  return PARLEY_OK;
}

void pl_lex_free(pl_lexicon *lex) {
  if (!lex) return;
  if (lex->block) free(lex->block); /* the struct lives in the block */
  else free(lex);
}

/* ---- compiled image ----
 * tools/mkimage.c runs pl_lex_load_text at build time and links
 * pl_lex_image's bytes into the library (pl_builtin_image("lexicon")), so
 * a context's lexicon costs a header check instead of parsing 80k lines.
 * Layout: lx_img_hdr, then the slots (cap uint32_t), the entries (n
 * lexent) and a string pool holding only the words and lemmas (the text's
 * tag columns are not needed once parsed), each at an 8-byte aligned
 * offset the header records.  Native byte order and sizes: a header that
 * does not match this code (magic, version, struct sizes, text length)
 * makes the loader parse the text instead.  The arrays are used in place:
 * entries hold pool offsets, not pointers. */
#define LX_IMG_MAGIC 0x3158454c4c50ULL /* "PLLEX1" in little-endian order */
#define LX_IMG_VERSION 2u
typedef struct {
  uint64_t magic;
  uint32_t version, hdr_size, sz_ent, nover;
  uint64_t text_len;
  uint32_t cap, n, capf_nonascii, capf_words;
  uint32_t over_h[LEX_MAX_OVER];
  uint64_t pool_len;
  uint64_t off_capf, off_slots, off_ents, off_pool, total;
} lx_img_hdr;

static size_t up8(size_t n) { return (n + 7) & ~(size_t)7; }

static uint32_t pool_put(char *pool, size_t *used, const char *s) {
  if (!*s) return NOSTR;
  size_t k = strlen(s) + 1;
  memcpy(pool + *used, s, k);
  *used += k;
  return (uint32_t)(*used - k);
}

static size_t nover_count(void);

void *pl_lex_image(const pl_lexicon *lx, size_t *len) {
  /* the compact pool: each entry's word and lemmas, in entry order */
  size_t need = 1;
  for (uint32_t k = 0; k < lx->n; k++) {
    const lexent *e = &lx->ents[k];
    need += strlen(lx->pool + e->word) + 1;
    if (e->vlem) need += strlen(lx->pool + e->vlem) + 1;
    if (e->nlem) need += strlen(lx->pool + e->nlem) + 1;
  }
  lx_img_hdr h;
  memset(&h, 0, sizeof h);
  h.magic = LX_IMG_MAGIC;
  h.version = LX_IMG_VERSION;
  h.hdr_size = sizeof h;
  h.sz_ent = sizeof(lexent);
  h.nover = (uint32_t)nover_count();
  h.text_len = lx->text_len;
  h.cap = lx->cap;
  h.n = lx->n;
  memcpy(h.over_h, lx->over_h, sizeof h.over_h);
  h.pool_len = need;
  h.capf_nonascii = lx->capf_nonascii;
  h.capf_words = LEX_CAPF_WORDS;
  h.off_capf = up8(sizeof h);
  h.off_slots = up8(h.off_capf + LEX_CAPF_WORDS * sizeof(uint64_t));
  /* entries on a cache line (the image array is 64-byte aligned) */
  h.off_ents = (h.off_slots + (size_t)lx->cap * sizeof(uint32_t) + 63) &
               ~(uint64_t)63;
  h.off_pool = up8(h.off_ents + (size_t)lx->n * sizeof(lexent));
  h.total = up8(h.off_pool + need);
  char *img = calloc(1, h.total);
  if (!img) return NULL;
  memcpy(img, &h, sizeof h);
  memcpy(img + h.off_capf, lx->capf, LEX_CAPF_WORDS * sizeof(uint64_t));
  memcpy(img + h.off_slots, lx->slots, (size_t)lx->cap * sizeof(uint32_t));
  lexent *ents = (lexent *)(img + h.off_ents);
  char *pool = img + h.off_pool;
  size_t used = 1; /* pool[0] = "" */
  for (uint32_t k = 0; k < lx->n; k++) {
    lexent e = lx->ents[k];
    e.word = pool_put(pool, &used, lx->pool + e.word);
    e.vlem = pool_put(pool, &used, lx->pool + e.vlem);
    e.nlem = pool_put(pool, &used, lx->pool + e.nlem);
    memcpy(&ents[k], &e, sizeof e);
  }
  *len = h.total;
  return img;
}

parley_rc pl_lex_load_image(parley_ctx *ctx, const void *img_v, size_t len) {
  const pl_blob *b = pl_builtin("lexicon");
  if (!b || !b->len) return PARLEY_OK;
  const char *img = img_v;
  lx_img_hdr h;
  if (!img || len < sizeof h || ((uintptr_t)img & 7)) return PARLEY_EFORMAT;
  memcpy(&h, img, sizeof h);
  if (h.magic != LX_IMG_MAGIC || h.version != LX_IMG_VERSION ||
      h.hdr_size != sizeof h || h.sz_ent != sizeof(lexent) ||
      h.nover != nover_count() || h.text_len != b->len || h.total != len ||
      h.off_pool + h.pool_len > len || h.pool_len == 0 ||
      img[h.off_pool] != 0 || img[h.off_pool + h.pool_len - 1] != 0 ||
      h.cap == 0 || (h.cap & (h.cap - 1)) || h.n >= h.cap ||
      h.capf_words != LEX_CAPF_WORDS ||
      h.off_capf + LEX_CAPF_WORDS * sizeof(uint64_t) > h.off_slots ||
      h.off_slots + (uint64_t)h.cap * 4 > h.off_ents ||
      h.off_ents + (uint64_t)h.n * sizeof(lexent) > h.off_pool)
    return PARLEY_EFORMAT;
  pl_lexicon *lx = calloc(1, sizeof *lx);
  if (!lx) {
    pl_ctx_err(ctx, "out of memory loading the lexicon");
    return PARLEY_ENOMEM;
  }
  /* the image is const; the lexicon is read-only after load, so the
   * non-const members are never written through here */
  char *base = (char *)(uintptr_t)img;
  lx->capf = (uint64_t *)(base + h.off_capf);
  lx->capf_nonascii = h.capf_nonascii;
  lx->slots = (uint32_t *)(base + h.off_slots);
  lx->cap = h.cap;
  lx->n = h.n;
  lx->ents = (lexent *)(base + h.off_ents);
  lx->pool = base + h.off_pool;
  lx->pool_len = h.pool_len;
  lx->text_len = h.text_len;
  memcpy(lx->over_h, h.over_h, sizeof lx->over_h);
  lx->block = NULL;
  ctx->lex = lx;
  return PARLEY_OK;
}

parley_rc pl_lex_load_builtin(parley_ctx *ctx) {
  const pl_blob *im = pl_builtin_image("lexicon");
  if (im && pl_lex_load_image(ctx, im->data, im->len) == PARLEY_OK)
    return PARLEY_OK;
  return pl_lex_load_text(ctx); /* no image, or one of another build */
}

/* ---- candidate sets ---- */

typedef uint64_t tmask;
#define M(t) ((tmask)1 << (t))
#define M_NOUN (M(PL_T_NN) | M(PL_T_NNS))
#define M_VERB                                                             \
  (M(PL_T_VB) | M(PL_T_VBD) | M(PL_T_VBG) | M(PL_T_VBN) | M(PL_T_VBP) |     \
   M(PL_T_VBZ))
#define M_CLOSED                                                           \
  (M(PL_T_DT) | M(PL_T_PDT) | M(PL_T_IN) | M(PL_T_TO) | M(PL_T_CC) |        \
   M(PL_T_MD) | M(PL_T_PRP) | M(PL_T_PRPS) | M(PL_T_WDT) | M(PL_T_WP) |     \
   M(PL_T_WPS) | M(PL_T_WRB) | M(PL_T_EX) | M(PL_T_POS) | M(PL_T_RP))

/* Per-token scratch for one run. */
typedef struct cand {
  const lexent *e;     /* lexicon entry or NULL */
  tmask m;             /* possible tags */
  const char *lem;     /* lemma override (clitics, guesses) or NULL */
  uint32_t lemh;       /* pl_fnv32 of lem when lemh_ok */
  uint32_t wc;         /* WC_* word classes and XB_* word bits */
  /* 16-bit, not 8-bit, fields: a store through a character type may alias
   * anything, so the compiler would reload every pointer after each one */
  uint16_t first;      /* lexically most likely tag */
  uint16_t fixed;      /* tag decided by form (punct, clitic, name) */
  uint16_t gstrip;     /* guessed suffix length to strip for the lemma */
  uint16_t gadd_e;     /* guessed lemma needs a final 'e' back */
  uint16_t lowhit;     /* e is the entry of the lower-case form */
  uint16_t lemh_ok;
} cand;

/* Closed-class words whose generated lexicon tags are noisy, and clitics.
 * Tags most likely first; lemma NULL = the word itself. */
static const struct over {
  const char *w;
  uint8_t tags[3];
  const char *lem;
} overrides[] = {
    {"are", {PL_T_VBP}, "be"},        {"am", {PL_T_VBP}, "be"},
    {"is", {PL_T_VBZ}, "be"},         {"was", {PL_T_VBD}, "be"},
    {"were", {PL_T_VBD}, "be"},       {"'re", {PL_T_VBP}, "be"},
    {"'m", {PL_T_VBP}, "be"},         {"'ve", {PL_T_VBP}, "have"},
    {"'ll", {PL_T_MD}, "will"},       {"'d", {PL_T_MD}, "would"},
    {"n't", {PL_T_RB}, "not"},        {"ca", {PL_T_MD}, "can"},
    {"wo", {PL_T_MD}, "will"},        {"to", {PL_T_TO}, NULL},
    {"do", {PL_T_VBP, PL_T_VB}, "do"}, {"have", {PL_T_VBP, PL_T_VB}, "have"},
    {"who", {PL_T_WP}, NULL},         {"there", {PL_T_EX, PL_T_RB}, NULL},
    {"not", {PL_T_RB}, NULL},         {"per", {PL_T_IN}, NULL},
    {"ago", {PL_T_RB}, NULL},         {"like", {PL_T_IN, PL_T_VBP, PL_T_VB}, "like"},
    {"said", {PL_T_VBD, PL_T_VBN}, "say"},
    {"told", {PL_T_VBD, PL_T_VBN}, "tell"},
    {"as", {PL_T_IN, PL_T_RB}, NULL}, {"may", {PL_T_MD}, NULL},
    {"being", {PL_T_VBG}, "be"},
    {"might", {PL_T_MD}, NULL},       {"must", {PL_T_MD}, NULL},
    {"can", {PL_T_MD}, NULL},         {"will", {PL_T_MD, PL_T_NN}, NULL},
    {"what", {PL_T_WP, PL_T_WDT}, NULL},
};
#define NOVER (sizeof overrides / sizeof overrides[0])

static const struct over *find_over(const char *w) {
  for (size_t i = 0; i < NOVER; i++)
    if (!strcmp(overrides[i].w, w)) return &overrides[i];
  return NULL;
}

/* Unknown lower-case words: suffix -> tags (first = guess), and how many
 * bytes to strip for the lemma.  Longest suffixes first. */
static const struct suf {
  const char *s;
  uint8_t tags[3];
  uint8_t strip, add_e;
} suffixes[] = {
    {"tions", {PL_T_NNS}, 1, 0},  {"ments", {PL_T_NNS}, 1, 0},
    {"nesses", {PL_T_NNS}, 2, 0}, {"ities", {PL_T_NNS}, 3, 0},
    {"ation", {PL_T_NN}, 0, 0},   {"tion", {PL_T_NN}, 0, 0},
    {"sion", {PL_T_NN}, 0, 0},    {"ment", {PL_T_NN}, 0, 0},
    {"ness", {PL_T_NN}, 0, 0},    {"ity", {PL_T_NN}, 0, 0},
    {"ism", {PL_T_NN}, 0, 0},     {"ist", {PL_T_NN}, 0, 0},
    {"ship", {PL_T_NN}, 0, 0},    {"hood", {PL_T_NN}, 0, 0},
    {"ists", {PL_T_NNS}, 1, 0},   {"ers", {PL_T_NNS}, 1, 0},
    {"ies", {PL_T_NNS, PL_T_VBZ}, 3, 0},
    {"ized", {PL_T_VBD, PL_T_VBN}, 1, 0},
    {"ised", {PL_T_VBD, PL_T_VBN}, 1, 0},
    {"ated", {PL_T_VBD, PL_T_VBN}, 1, 0},
    {"ed", {PL_T_VBD, PL_T_VBN}, 2, 0},
    {"ing", {PL_T_VBG, PL_T_NN}, 3, 0},
    {"ize", {PL_T_VB, PL_T_VBP}, 0, 0},
    {"ise", {PL_T_VB, PL_T_VBP}, 0, 0},
    {"ate", {PL_T_VB, PL_T_VBP, PL_T_JJ}, 0, 0},
    {"ly", {PL_T_RB}, 0, 0},      {"ous", {PL_T_JJ}, 0, 0},
    {"ful", {PL_T_JJ}, 0, 0},     {"ive", {PL_T_JJ}, 0, 0},
    {"able", {PL_T_JJ}, 0, 0},    {"ible", {PL_T_JJ}, 0, 0},
    {"ical", {PL_T_JJ}, 0, 0},    {"al", {PL_T_JJ}, 0, 0},
    {"ic", {PL_T_JJ}, 0, 0},      {"ian", {PL_T_JJ, PL_T_NN}, 0, 0},
    {"ese", {PL_T_JJ}, 0, 0},     {"ish", {PL_T_JJ}, 0, 0},
    {"less", {PL_T_JJ}, 0, 0},    {"est", {PL_T_JJS}, 0, 0},
    {"ss", {PL_T_NN}, 0, 0},      {"us", {PL_T_NN}, 0, 0},
    {"s", {PL_T_NNS, PL_T_VBZ}, 1, 0},
};
#define NSUF (sizeof suffixes / sizeof suffixes[0])

static void guess(cand *c, const char *w, size_t n) {
  for (size_t i = 0; i < NSUF; i++) {
    size_t sl = strlen(suffixes[i].s);
    if (n > sl + 1 && !memcmp(w + n - sl, suffixes[i].s, sl)) {
      for (int k = 0; k < 3 && suffixes[i].tags[k]; k++)
        c->m |= M(suffixes[i].tags[k]);
      c->first = suffixes[i].tags[0];
      c->gstrip = suffixes[i].strip;
      c->gadd_e = suffixes[i].add_e;
      return;
    }
  }
  c->m = M(PL_T_NN);
  c->first = PL_T_NN;
}

/* ---- word classes used by the context rules ---- */

/* The two listed forms that are not words: punctuation and possessive
 * tokens carry no lexicon entry, and the test is two bytes anyway. */
static int is_hyph(const char *w) { return w[0] == '-' && !w[1]; }
static int is_s(const char *w) { return w[0] == '\'' && w[1] == 's' && !w[2]; }

static int in_list(const char *w, const char *const *l) {
  return pl_words_has(l, w);
}
static const char *const BE[] = {"be", "is", "are", "was", "were", "been",
                                 "being", "'re", "'m", "am", NULL};
static const char *const HAVE[] = {"have", "has", "had", "having", "'ve",
                                   NULL};
static const char *const DO[] = {"do", "does", "did", NULL};
static const char *const GET[] = {"get", "gets", "got", "gotten",
                                  "getting", NULL};
static const char *const SUBJ_PL[] = {"they", "we", "you", "i", "these",
                                      "those", NULL};
static const char *const OBJ_PRP[] = {"him", "her", "them", "us", "me", NULL};

/* Word classes, precomputed per lexicon entry at load so that the rules
 * test a bit instead of scanning word lists per token. */
/* word prefixes split off by the tokenizer's hyphen rule ("re-open") */
static const char *const PREFIXES[] = {"re", "co", "pre", "un", "non",
                                       "counter", "over", "under", "out",
                                       NULL};
static const char *const CLAUSE[] = {"that", "which", "who", "whom", "whose",
                                     "if", "because", "whether", "when",
                                     "while", "where", "although", "though",
                                     "unless", NULL};
static const char *const SUBORD[] = {"since", "after", "before", "until",
                                     "as", NULL};
static const char *const TIME[] = {"monday", "tuesday", "wednesday",
                                   "thursday", "friday", "saturday", "sunday",
                                   "today", "yesterday", "tomorrow",
                                   "tonight", NULL};
/* verbs that take a complement clause without "that" ("said troops
 * fired", "believes Israel will") */
static const char *const SAY[] = {
    "say", "says", "said", "tell", "tells", "told", "add", "adds", "added",
    "announce", "announces", "announced", "claim", "claims", "claimed",
    "report", "reports", "reported", "state", "states", "stated", "warn",
    "warns", "warned", "insist", "insists", "insisted", "believe",
    "believes", "believed", "think", "thinks", "thought", "deny", "denies",
    "denied", "confirm", "confirms", "confirmed", "argue", "argues",
    "argued", "note", "notes", "noted", "fear", "fears", "feared", "hope",
    "hopes", "hoped", "acknowledge", "acknowledged", "allege", "alleged",
    "alleges", NULL};
/* Verbs of saying: their -ed form is the past tense unless have/be
 * precedes ("officials said on Saturday"). */
static const char *const SAYING[] = {"said", "told", "added", "stated",
                                     "announced", NULL};
/* particles after a verb: "carrying out", "seal off", "set up" */
static const char *const PARTICLES[] = {"out", "off", "up", "down", "away",
                                        "back", "apart", NULL};
/* name particles: "Mohammed bin Salman", "al-Mayadeen", "Abu Obeida" */
static const char *const NAME_PART[] = {"bin", "bint", "ibn", "al", "el",
                                        "ben", "abu", "abd", "de", "da",
                                        "van", "von", "der", "del", NULL};
/* single words some rule names */
static const char *const W_THAT[] = {"that", NULL};
static const char *const W_BY[] = {"by", NULL};
static const char *const W_OF[] = {"of", NULL};
static const char *const W_TO[] = {"to", NULL};
static const char *const W_WITH[] = {"with", NULL};
static const char *const W_MAY[] = {"may", NULL};
/* demonstratives used as subjects ("this will be") */
static const char *const DEMONSTR[] = {"this", "these", "those", "that",
                                       NULL};
/* verbs taking a bare infinitive ("help win") */
static const char *const BARE_INF[] = {"help", "helped", "helps", "let",
                                       NULL};
/* pronouns before "'s" read as "is" ("that's", "what's") */
static const char *const S_IS[] = {"that", "what", "where", NULL};

/* WC_* bits hold for lexicon words (and clitics); XB_* bits say exactly
 * "the lower-case form is in the list", for every token: read from the
 * lexicon entry, else from xbits_unknown(). */
enum { WC_BE = 1, WC_HAVE = 2, WC_DO = 4, WC_GET = 8, WC_SUBJ_PL = 16,
       WC_OBJ = 32, WC_CLAUSE = 64, WC_SUB = 128, WC_TIME = 256,
       WC_SAY = 512,
       XB_PREFIX = 1u << 12, XB_SAYING = 1u << 13, XB_RP = 1u << 14,
       XB_NAMEP = 1u << 15, XB_THAT = 1u << 16, XB_BY = 1u << 17,
       XB_OF = 1u << 18, XB_TO = 1u << 19, XB_WITH = 1u << 20,
       XB_MAY = 1u << 21, XB_DEM = 1u << 22, XB_BARE = 1u << 23,
       XB_SIS = 1u << 24,
       XB_ALL = 0x1fff000u,
       /* not a list: demonym_w() of an entry whose lfirst is JJ */
       XB_DEMONYM = 1u << 25,
       /* not a list: decide() would return the first candidate at once
        * (one candidate, not a lone VBG, not "that") */
       XB_DIRECT = 1u << 26 };
static const struct { const char *const *l; uint32_t bit; } wclasses[] = {
    {BE, WC_BE}, {HAVE, WC_HAVE}, {DO, WC_DO}, {GET, WC_GET},
    {SUBJ_PL, WC_SUBJ_PL}, {OBJ_PRP, WC_OBJ}, {CLAUSE, WC_CLAUSE},
    {SUBORD, WC_SUB}, {TIME, WC_TIME}, {SAY, WC_SAY}};
/* XLISTS[k] gives bit XB_SHIFT + k: the order of the XB_* bits above */
#define XB_SHIFT 12
static const char *const *const XLISTS[] = {
    PREFIXES, SAYING, PARTICLES, NAME_PART, W_THAT, W_BY, W_OF, W_TO,
    W_WITH, W_MAY, DEMONSTR, BARE_INF, S_IS, NULL};

static unsigned classes_of(const char *w) {
  unsigned b = 0;
  for (size_t k = 0; k < sizeof wclasses / sizeof wclasses[0]; k++)
    if (in_list(w, wclasses[k].l)) b |= wclasses[k].bit;
  return b;
}

/* XB_* bits of a word without a lexicon entry at hand (h: its hash):
 * one probe of the lists' compiled word set. */
static uint32_t xbits_unknown(const char *w, uint32_t h) {
  return pl_words_class(XLISTS, w, h) << XB_SHIFT;
}

/* Does a capitalised adjective look like a nationality or region
 * adjective ("Israeli", "Lebanese", "Turkish", "Islamic", "Western")
 * rather than a capitalised name word ("August", "Asia")? */
static int demonym_w(const char *w) {
  static const char *const suf[] = {"an", "ese", "ish", "i", "ic", "ch",
                                    "ss", "ai", "ek", "ab", "ern", NULL};
  size_t n = strlen(w);
  for (const char *const *s = suf; *s; s++) {
    size_t k = strlen(*s);
    if (n > k + 2 && !strcmp(w + n - k, *s)) return 1;
  }
  return 0;
}

static size_t nover_count(void) { return NOVER; }

/* The case filter lets step 1 skip the exact-case lookup of a capitalised
 * word the lexicon lacks ("Rafah") unless some entry with capitals could
 * be spelled so.  A capitalised token has an upper-case letter (its CAP or
 * ALLCAP flag says so), so an entry it equals has one too.  For an ASCII
 * entry the token's lower-case form is the entry with A-Z lowered (what
 * token.c does to ASCII), whose hash sets a bit; a non-ASCII entry with an
 * upper-case letter sets capf_nonascii instead (then tokens with non-ASCII
 * bytes are always looked up). */
static void mark_case_filter(pl_lexicon *lx, const char *w) {
  int upper = 0, ascii = 1;
  uint32_t h = PL_FNV32_BASIS;
  for (const unsigned char *p = (const unsigned char *)w; *p;) {
    if (*p < 0x80) {
      unsigned char lc = *p;
      if (lc >= 'A' && lc <= 'Z') {
        upper = 1;
        lc = (unsigned char)(lc + 32);
      }
      h = (h ^ lc) * PL_FNV32_PRIME;
      p++;
      continue;
    }
    ascii = 0;
    uint32_t cp;
    size_t k = pl_utf8_decode(p, strlen((const char *)p), &cp, NULL);
    if (utf8proc_isupper((utf8proc_int32_t)cp)) upper = 1;
    p += k ? k : 1;
  }
  if (!upper) return;
  if (!ascii) {
    lx->capf_nonascii = 1;
    return;
  }
  lx->capf[(h & (LEX_CAPF_BITS - 1)) >> 6] |= (uint64_t)1
                                              << (h & 63);
}

/* May an entry spelled with capitals equal token t (see above)? */
static int case_entry_possible(const pl_lexicon *lx, const parley_doc *doc,
                               const pl_token *t) {
  uint32_t b = t->hlow & (LEX_CAPF_BITS - 1);
  if (lx->capf[b >> 6] & ((uint64_t)1 << (b & 63))) return 1;
  if (!lx->capf_nonascii) return 0;
  const unsigned char *s = (const unsigned char *)doc->text + t->off;
  for (uint32_t k = 0; k < t->len; k++)
    if (s[k] >= 0x80) return 1;
  return 0;
}

/* Load-time (or image-time) work on every entry: class bits, overrides,
 * the lower-case candidate set.  Returns nonzero when the overrides table
 * does not fit LEX_MAX_OVER. */
static int mark_classes(pl_lexicon *lx) {
  if (NOVER > LEX_MAX_OVER) return 1;
  for (size_t k = 0; k < sizeof wclasses / sizeof wclasses[0]; k++)
    for (const char *const *l = wclasses[k].l; *l; l++) {
      lexent *e = (lexent *)lex_find(lx, *l, strlen(*l));
      if (e) e->cls |= wclasses[k].bit;
    }
  for (size_t k = 0; XLISTS[k]; k++)
    for (const char *const *l = XLISTS[k]; *l; l++) {
      lexent *e = (lexent *)lex_find(lx, *l, strlen(*l));
      if (e) e->cls |= 1u << (XB_SHIFT + k);
    }
  for (size_t i = 0; i < NOVER; i++) {
    lexent *e = (lexent *)lex_find(lx, overrides[i].w, strlen(overrides[i].w));
    if (e) e->over = (uint8_t)(i + 1);
    lx->over_h[i] = overrides[i].lem ? pl_fnv32z(overrides[i].lem) : 0;
  }
  for (uint32_t k = 0; k < lx->n; k++) {
    lexent *e = &lx->ents[k];
    mark_case_filter(lx, lx->pool + e->word);
    if (e->over) {
      const struct over *o = &overrides[e->over - 1];
      e->lm = 0;
      for (int j = 0; j < 3 && o->tags[j]; j++) e->lm |= M(o->tags[j]);
      e->lfirst = o->tags[0];
    } else {
      e->lm = e->tm;
      e->lfirst = e->first;
      /* base form and non-3rd-person present share their spelling: the
       * lexicon often lists only one ("finance NN VBP") */
      if (e->lm & (M(PL_T_VB) | M(PL_T_VBP))) e->lm |= M(PL_T_VB) | M(PL_T_VBP);
    }
    if (!(e->lm & (e->lm - 1)) && e->lm != M(PL_T_VBG) &&
        !(e->cls & XB_THAT))
      e->cls |= XB_DIRECT;
    /* demonym_at() asks only while the token's tag is still lfirst */
    if (e->lfirst == PL_T_JJ && demonym_w(lx->pool + e->word))
      e->cls |= XB_DEMONYM;
  }
  return 0;
}


/* Left-context classes. */
enum lc {
  LC_START, LC_MODAL, LC_TO, LC_HAVE, LC_BE, LC_DET, LC_SUBJ_SG,
  LC_SUBJ_PL, LC_NOUN, LC_PREP, LC_VERB, LC_WH, LC_OTHER, LC__N
};

/* Preference lists per left context: the first tag the word can have
 * wins; 0 ends a list (then the lexical first tag stays). */
static const uint8_t prefs[LC__N][7] = {
    [LC_START] = {0},
    [LC_MODAL] = {PL_T_VB, PL_T_VBP, PL_T_RB, 0},
    [LC_TO] = {PL_T_VB, PL_T_NN, PL_T_NNS, 0},
    [LC_HAVE] = {PL_T_VBN, PL_T_NNS, PL_T_NN, PL_T_JJ, 0},
    [LC_BE] = {PL_T_VBN, PL_T_VBG, PL_T_JJ, PL_T_NN, PL_T_NNS, 0},
    [LC_DET] = {PL_T_NN, PL_T_NNS, PL_T_JJ, PL_T_VBN, PL_T_VBG, 0},
    [LC_SUBJ_SG] = {PL_T_VBZ, PL_T_VBD, PL_T_MD, 0},
    [LC_SUBJ_PL] = {PL_T_VBD, PL_T_VBP, PL_T_MD, 0}, /* news: "hit" past */
    [LC_NOUN] = {PL_T_VBZ, PL_T_VBD, PL_T_MD, PL_T_NN, PL_T_NNS, 0},
    [LC_PREP] = {PL_T_NN, PL_T_NNS, PL_T_JJ, PL_T_VBG, 0},
    [LC_VERB] = {PL_T_NN, PL_T_NNS, PL_T_JJ, 0},
    [LC_WH] = {PL_T_VBZ, PL_T_VBD, PL_T_VBP, PL_T_MD, 0},
    [LC_OTHER] = {0},
};

typedef struct run {
  parley_doc *doc;
  cand *c;            /* indexed by token index */
  pl_token *tk;       /* doc->toks.v */
  const pl_lexicon *lx;
  uint32_t lo, hi;    /* current sentence tokens */
  /* running left context, updated as tokens are decided (so the rules
   * never rescan the sentence): latest verb tag (VB VBD VBZ VBP), latest
   * finite verb tag, and the same two within the current clause */
  int lv, lf, cv, cf;
} run;

static pl_token *T(run *r, uint32_t i) { return &r->tk[i]; }

/* Word-class bits of token i (set by lexical()). */
static unsigned WC(run *r, uint32_t i) { return r->c[i].wc; }

/* Index of the nearest earlier token that is not an adverb ("will not
 * meet", "has already left"), or UINT32_MAX. */
static uint32_t prev_sig(run *r, uint32_t i) {
  while (i > r->lo) {
    i--;
    if (T(r, i)->tag != PL_T_RB) return i;
  }
  return UINT32_MAX;
}

/* Inlined into decide(), its only caller (~180k calls per 1,000 articles):
 * the call's register saves cost more than its body's early returns. */
static inline __attribute__((always_inline)) enum lc left_class(run *r,
                                                                uint32_t i) {
  uint32_t p = i > r->lo ? i - 1 : UINT32_MAX;
  if (p == UINT32_MAX) return LC_START;
  pl_token *pt = T(r, p);
  int tg = pt->tag;
  /* determiners and modifiers look only one token back */
  if (M(tg) & (M(PL_T_DT) | M(PL_T_PDT) | M(PL_T_PRPS) | M(PL_T_POS) |
               M(PL_T_JJ) | M(PL_T_JJR) | M(PL_T_JJS) | M(PL_T_CD) |
               M(PL_T_WPS)))
    return LC_DET;
  if (tg == PL_T_IN) return LC_PREP;
  if (tg == PL_T_TO) return LC_TO;
  if (tg == PL_T_QUOTE || tg == PL_T_PUNCT) {
    if (pt->flags & PL_TF_QOPEN || *pt->lower == ':' || *pt->lower == '(')
      return LC_START;
    return LC_OTHER;
  }
  /* the rest skip adverbs */
  uint32_t q = prev_sig(r, i);
  if (q == UINT32_MAX) return LC_START;
  pl_token *qt = T(r, q);
  const char *w = qt->lower;
  tg = qt->tag;
  unsigned wc = WC(r, q);
  if (tg == PL_T_MD || ((wc & WC_DO) && PL_IS_VERB(tg))) return LC_MODAL;
  if (tg == PL_T_TO) return LC_TO;
  if ((wc & WC_HAVE) && PL_IS_VERB(tg)) return LC_HAVE;
  if ((wc & (WC_BE | WC_GET)) && PL_IS_VERB(tg)) return LC_BE;
  if (is_s(w) && tg == PL_T_VBZ) return LC_BE;
  if (tg == PL_T_WDT || tg == PL_T_WP) return LC_WH;
  if (q != p) { /* an adverb between: only verbal contexts count */
    if (tg == PL_T_PRP || tg == PL_T_NNP || tg == PL_T_NN || tg == PL_T_NNS)
      ; /* "Israel also attacked": fall through to subject classes */
    else
      return LC_OTHER;
  }
  if (tg == PL_T_PRP) {
    if (wc & WC_SUBJ_PL) return LC_SUBJ_PL;
    if (wc & WC_OBJ) return LC_VERB; /* "told him" acts like a verb */
    return LC_SUBJ_SG;
  }
  if (tg == PL_T_NNP) {
    /* "Egypt and Qatar attack": a coordinated name subject is plural */
    uint32_t k = q;
    while (k > r->lo && T(r, k - 1)->tag == PL_T_NNP) k--;
    if (k >= r->lo + 2 && T(r, k - 1)->tag == PL_T_CC &&
        (T(r, k - 2)->tag == PL_T_NNP || T(r, k - 2)->tag == PL_T_NNS))
      return LC_SUBJ_PL;
    return LC_SUBJ_SG;
  }
  if (tg == PL_T_NNS || tg == PL_T_NNPS) return LC_SUBJ_PL;
  if (tg == PL_T_NN) return LC_NOUN;
  if (tg == PL_T_EX) return LC_SUBJ_SG;
  if (PL_IS_VERB(tg)) return LC_VERB;
  return LC_OTHER;
}

/* Does token i look like the start of a noun phrase object (so that the
 * word before it is a verb)? Uses lexical first tags (not yet decided). */
static int objectish(run *r, uint32_t i) {
  if (i >= r->hi) return 0;
  pl_token *t = T(r, i);
  cand *c = &r->c[i];
  if (c->fixed) return c->first == PL_T_NNP || c->first == PL_T_CD;
  if (t->flags & PL_TF_NUM) return 1;
  if (c->wc & WC_TIME) return 0; /* "released Tuesday": an adverbial */
  int f = c->first;
  return f == PL_T_DT || f == PL_T_PRPS || f == PL_T_NNP || f == PL_T_CD ||
         (f == PL_T_PRP && (c->wc & WC_OBJ));
}

/* Wider: anything that can follow a verb as its complement ("seek
 * release", "restart talks and meet with", "work to build"). */
static int complementish(run *r, uint32_t i) {
  if (objectish(r, i)) return 1;
  if (i >= r->hi) return 0;
  int f = r->c[i].first;
  return f == PL_T_NNS || f == PL_T_NN || f == PL_T_JJ || f == PL_T_TO ||
         f == PL_T_PRP || f == PL_T_RP || (r->c[i].wc & XB_WITH);
}

/* Does token i start like a noun a modifier could precede? */
static int nounish(run *r, uint32_t i) {
  if (i >= r->hi) return 0;
  pl_token *t = T(r, i);
  int f = r->c[i].first;
  if (t->flags & (PL_TF_PUNCT | PL_TF_QUOTE | PL_TF_POSS)) return 0;
  return f == PL_T_NN || f == PL_T_NNS || f == PL_T_NNP || f == PL_T_NNPS ||
         f == PL_T_JJ || f == PL_T_CD || (t->flags & PL_TF_NUM) ||
         (!r->c[i].fixed && (r->c[i].m & M_NOUN));
}

static int could_be_verb_next(run *r, uint32_t i) {
  if (i >= r->hi) return 0;
  cand *c = &r->c[i];
  if (c->fixed) return 0;
  return (c->m & (M(PL_T_VBD) | M(PL_T_VBZ) | M(PL_T_VBP) | M(PL_T_MD))) &&
         (PL_IS_VERB(c->first) || c->first == PL_T_MD ||
          !(c->m & M_NOUN));
}

/* Is there a likely finite verb in tokens [i, clause end)?  Scanned
 * forward on demand (few tokens reach the rules that ask; a right-to-left
 * pass marking every token cost more): the clause ends at punctuation
 * other than quotes and at "that"/"who"/"if" (a verb after them belongs
 * to another clause).  Reads only step 1-2 results, which step 3 never
 * changes. */
static int verb_ahead(run *r, uint32_t i) {
  /* tag sets as masks: one test instead of a chain of compares */
  const tmask modifier = M(PL_T_DT) | M(PL_T_PRPS) | M(PL_T_JJ) |
                         M(PL_T_RB) | M(PL_T_POS) | M(PL_T_IN);
  const tmask finite = M(PL_T_VBD) | M(PL_T_VBZ) | M(PL_T_VBP) | M(PL_T_MD);
  const pl_token *tk = r->tk;
  const cand *cs = r->c;
  for (; i < r->hi; i++) {
    const cand *c = &cs[i];
    if ((tk[i].flags & (PL_TF_PUNCT | PL_TF_QUOTE)) == PL_TF_PUNCT ||
        (c->wc & WC_CLAUSE))
      return 0;
    if (c->fixed) continue;
    /* a participle after a determiner/adjective is a modifier ("a very
     * crowded market"), not the clause's verb */
    int pf = i > r->lo ? cs[i - 1].first : 0;
    if (!(M(pf) & modifier) &&
        ((M(c->first) & finite) ||
         ((c->m & (M(PL_T_VBD) | M(PL_T_VBZ))) && !(c->m & M_NOUN))))
      return 1;
  }
  return 0;
}

/* Does the run of names ending at token p start the sentence? */
static int name_opens_sentence(run *r, uint32_t p) {
  while (p > r->lo && T(r, p - 1)->tag == PL_T_NNP) p--;
  return p == r->lo;
}

/* Is there a likely finite verb in [i, end of the main clause)? Stricter
 * than verb_ahead: stops at punctuation and at subordinators ("after",
 * "since") too, and counts only words whose likeliest tag is finite. */
static int main_verb_ahead(run *r, uint32_t i) {
  for (; i < r->hi; i++) {
    pl_token *t = T(r, i);
    cand *c = &r->c[i];
    if ((t->flags & PL_TF_PUNCT) || (c->wc & (WC_CLAUSE | WC_SUB)))
      return 0;
    if (c->fixed || (t->flags & PL_TF_POSS)) continue;
    if (c->first == PL_T_VBD || c->first == PL_T_VBZ ||
        c->first == PL_T_VBP || c->first == PL_T_MD)
      return 1;
  }
  return 0;
}

/* Tag of the latest verb (VB, VBD, VBZ, VBP) before the token being
 * decided, or 0. */
static int last_verb(run *r, uint32_t i) {
  (void)i;
  return r->lv;
}

/* Same, within the clause (since the last , ; : or quote). */
static int clause_verb(run *r, uint32_t i, int finite_only) {
  (void)i;
  return finite_only ? r->cf : r->cv;
}

/* Tag of the latest finite verb in the sentence before the token being
 * decided, or 0. */
static int last_finite(run *r, uint32_t i) {
  (void)i;
  return r->lf;
}

static uint8_t pick(tmask m, const uint8_t *pl) {
  for (; *pl; pl++)
    if (m & M(*pl)) return *pl;
  return 0;
}


/* Decides the tag of the (not fixed) token i from its left context. */
static uint8_t decide(run *r, uint32_t i) {
  pl_token *t = T(r, i);
  cand *c = &r->c[i];
  tmask m = c->m;
  uint32_t nx = i + 1 < r->hi ? i + 1 : UINT32_MAX;
  const char *nw = nx != UINT32_MAX ? T(r, nx)->lower : "";
  /* XB_* word bits of the next token (0 past the sentence end) */
  uint32_t nb = nx != UINT32_MAX ? r->c[nx].wc : 0;

  if (c->wc & XB_THAT) {
    uint32_t p = i > r->lo ? i - 1 : UINT32_MAX;
    /* "that's", "that is": a pronoun */
    if (nx != UINT32_MAX && (is_s(nw) || (r->c[nx].wc & WC_BE)) &&
        (p == UINT32_MAX || T(r, p)->tag == PL_T_PUNCT ||
         T(r, p)->tag == PL_T_QUOTE || T(r, p)->tag == PL_T_CC))
      return PL_T_DT;
    int pt = p == UINT32_MAX ? 0 : T(r, p)->tag;
    if (PL_IS_VERB(pt)) return PL_T_IN;                   /* said that */
    if (PL_IS_NOUN(pt) && pt != PL_T_NNP) {
      if (could_be_verb_next(r, i + 1)) return PL_T_WDT;  /* deal that ended */
      uint32_t n2 = i + 2;
      if (nx != UINT32_MAX && r->c[nx].first == PL_T_MD) return PL_T_WDT;
      (void)n2;
      return PL_T_IN;                                     /* claim that X */
    }
    if (pt == PL_T_NNP && could_be_verb_next(r, i + 1)) return PL_T_WDT;
    if (pt == PL_T_IN || pt == PL_T_TO) return PL_T_DT;  /* after that day */
    /* "said on Monday that talks would resume": a complement once the
     * sentence has its verb; "That meeting was cancelled": a determiner */
    if (last_finite(r, i)) return PL_T_IN;
    if (nx != UINT32_MAX && !r->c[nx].fixed &&
        (r->c[nx].first == PL_T_NN || r->c[nx].first == PL_T_NNS ||
         r->c[nx].first == PL_T_JJ))
      return PL_T_DT;
    if (p == UINT32_MAX || pt == PL_T_PUNCT) return PL_T_DT;
    return PL_T_IN;
  }
  /* "its reopening", "the bombing": an -ing word after a determiner */
  if (m == M(PL_T_VBG) && i > r->lo && !objectish(r, i + 1)) {
    int pt0 = T(r, i - 1)->tag;
    if (pt0 == PL_T_DT || pt0 == PL_T_PRPS || pt0 == PL_T_POS) return PL_T_NN;
  }
  if ((m & (m - 1)) == 0) return c->first; /* at most one tag */

  enum lc lc = left_class(r, i);
  uint32_t pv = i > r->lo ? i - 1 : UINT32_MAX;
  pl_token *pt = pv != UINT32_MAX ? T(r, pv) : NULL;
  /* "to re-open", "will co-host": the word takes the context before its
   * prefix */
  if (pt && pv >= r->lo + 2 && is_hyph(pt->lower) &&
      !(t->flags & PL_TF_SPACE) && !(pt->flags & PL_TF_SPACE) &&
      (r->c[pv - 1].wc & XB_PREFIX))
    lc = left_class(r, pv - 1);

  /* perfect aspect: after a form of have (adverbs and "not" between are
   * skipped by left_class) a word that can be a past participle is one,
   * even before a noun: "has celebrated Eid", "had not freed hostages",
   * "have already armed militias" (else the modifier rule below reads it
   * as an adjective and the clause loses its verb) */
  if (lc == LC_HAVE && (m & M(PL_T_VBN))) return PL_T_VBN;

  /* particles after a verb: "carrying out", "seal off", "set up" */
  if ((m & M(PL_T_RP)) && pt && PL_IS_VERB(pt->tag) && (c->wc & XB_RP) &&
      !(WC(r, pv) & (WC_BE | WC_HAVE)))
    return PL_T_RP;
  /* prepositions stay prepositions except as verb particles' bases
   * ("would like to") */
  if (c->first == PL_T_IN && lc != LC_MODAL && lc != LC_TO) return PL_T_IN;

  /* "this will be", "that may": a demonstrative used as a subject */
  if (c->first == PL_T_MD && pt && pt->tag == PL_T_DT &&
      (r->c[pv].wc & XB_DEM))
    return PL_T_MD;

  /* first part of a hyphen compound is a modifier: "war-torn",
   * "ceasefire-related" */
  if (nx != UINT32_MAX && is_hyph(nw) &&
      !(T(r, nx)->flags & PL_TF_SPACE) && (m & (M_NOUN | M(PL_T_JJ))) &&
      nx + 1 < r->hi && !(T(r, nx + 1)->flags & PL_TF_SPACE))
    return (m & M(PL_T_JJ)) && c->first == PL_T_JJ ? PL_T_JJ
           : (m & M(PL_T_NN))                     ? PL_T_NN
           : (m & M(PL_T_NNS))                    ? PL_T_NNS
                                                  : PL_T_JJ;

  /* hyphen compounds: "U.S.-led", "state-run" */
  if (pt && (m & M(PL_T_VBN)) && !(t->flags & PL_TF_SPACE) &&
      is_hyph(pt->lower) && !(pv > r->lo && (r->c[pv - 1].wc & XB_PREFIX)))
    return PL_T_VBN;

  /* "Biden on May 31 announced plans": a date before the first verb */
  if (pt && (pt->tag == PL_T_CD) && (m & M(PL_T_VBD)) &&
      (c->first == PL_T_VBD || c->first == PL_T_VBN) && !(nb & XB_BY)) {
    /* "... have been killed and 100 injured": the participle is shared */
    if (pv > r->lo && T(r, pv - 1)->tag == PL_T_CC && last_finite(r, i))
      return PL_T_VBN;
    return PL_T_VBD; /* "40 died", "on May 31 announced" */
  }

  /* "will release hostages and free prisoners": a verb coordinated with
   * the clause's verb, before the modifier rule reads "free" as JJ */
  if (pt && pt->tag == PL_T_CC && (m & M(PL_T_VB)) && last_verb(r, i) ==
      PL_T_VB && complementish(r, i + 1) && !(m & M(PL_T_NNS)))
    return PL_T_VB;

  /* adjective/noun words before a noun modify it: "a senior Hamas
   * official", "last week", "the official news agency" */
  int subj_left = lc == LC_SUBJ_PL || lc == LC_SUBJ_SG || lc == LC_NOUN;
  if ((m & M(PL_T_JJ)) && !(m & M(PL_T_VBG)) && lc != LC_BE &&
      !((subj_left || lc == LC_OTHER || lc == LC_START) &&
        (m & M(PL_T_VBD))) &&
      ((c->first == PL_T_JJ && nounish(r, i + 1)) ||
       ((c->first == PL_T_NN || c->first == PL_T_RB) &&
        (lc == LC_DET || lc == LC_VERB || lc == LC_PREP || lc == LC_START) &&
        nx != UINT32_MAX &&
        (r->c[nx].first == PL_T_NN || r->c[nx].first == PL_T_NNS)) ||
       (c->first == PL_T_RB && nx != UINT32_MAX &&
        (r->c[nx].first == PL_T_NNP ||
         (r->c[nx].first == PL_T_NN && lc == LC_PREP)))))
    return PL_T_JJ;

  /* degree adverbs: "very different", "almost five" */
  if ((m & M(PL_T_RB)) && c->first == PL_T_RB &&
      nx != UINT32_MAX && !r->c[nx].fixed &&
      (r->c[nx].first == PL_T_JJ || r->c[nx].first == PL_T_RB ||
       r->c[nx].first == PL_T_JJR || r->c[nx].first == PL_T_CD ||
       (r->c[nx].m & M(PL_T_JJ))))
    return PL_T_RB; /* also after a determiner: "a very crowded market" */
  if ((m & M(PL_T_RB)) && (c->first == PL_T_RB || c->first == PL_T_JJ) &&
      nx != UINT32_MAX && (T(r, nx)->flags & PL_TF_NUM) && lc != LC_DET)
    return PL_T_RB;
  /* an adverb inside a verb group: "did not even clash", "has also met";
   * but "will back the plan" */
  if (c->first == PL_T_RB &&
      (lc == LC_MODAL || lc == LC_TO || lc == LC_HAVE || lc == LC_BE) &&
      nx != UINT32_MAX && !r->c[nx].fixed &&
      (r->c[nx].m & (M(PL_T_VB) | M(PL_T_VBN) | M(PL_T_VBG) | M(PL_T_RB))))
    return PL_T_RB;
  /* a first-RB word keeps RB outside verb groups ("since then,") */
  if (c->first == PL_T_RB && lc != LC_DET && lc != LC_MODAL && lc != LC_TO)
    return PL_T_RB;
  /* "help win", "let them": bare infinitive */
  if (pt && (m & M(PL_T_VB)) && PL_IS_VERB(pt->tag) &&
      (r->c[pv].wc & XB_BARE) &&
      complementish(r, i + 1))
    return PL_T_VB;

  /* coordination: "met and discussed", "talks and visits" */
  if (i > r->lo && T(r, i - 1)->tag == PL_T_CC && i - 1 > r->lo) {
    int ct = T(r, i - 2)->tag;
    if (PL_IS_VERB(ct) && (m & M(ct)) && ct != PL_T_VBG) return (uint8_t)ct;
    /* "seized the building and shot two guards", "to end the war and
     * free the hostages" */
    int lf = last_verb(r, i - 1);
    if (lf && (m & M(lf)) &&
        (complementish(r, i + 1) ||
         (nx != UINT32_MAX && r->c[nx].first == PL_T_IN &&
          !(nb & XB_OF))))
      return (uint8_t)lf;
    if ((ct == PL_T_NN || ct == PL_T_NNS) && (m & M_NOUN) &&
        (c->first == PL_T_NN || c->first == PL_T_NNS || c->first == PL_T_JJ))
      return (m & M(ct)) ? (uint8_t)ct : pick(m, prefs[LC_DET]);
  }

  /* a participle does not take an object: "..., raided a school" */
  if ((m & M(PL_T_VBN)) && (m & M(PL_T_VBD)) && lc != LC_HAVE &&
      lc != LC_BE && objectish(r, i + 1) && !(lc == LC_DET))
    return PL_T_VBD;

  /* reduced passive / participle: "Palestinians killed by", "wounded in" */
  if ((m & M(PL_T_VBN)) && (m & M(PL_T_VBD)) && lc != LC_HAVE &&
      lc != LC_BE && (nb & XB_BY))
    return PL_T_VBN;

  /* noun compounds: "ceasefire talks in", "hostage release deal" */
  if (lc == LC_NOUN && (m & M_NOUN) && !objectish(r, i + 1) &&
      (c->first == PL_T_NN || c->first == PL_T_NNS ||
       (c->first == PL_T_VBZ && (m & M(PL_T_NNS)))) &&
      ((!(m & (M(PL_T_VBD) | M(PL_T_VBZ) | M(PL_T_VBP))) &&
        !(nb & XB_TO)) ||
       verb_ahead(r, i + 1) ||
       (clause_verb(r, i, 0) && c->first != PL_T_VBZ))) {
    if (!((m & M(PL_T_VBD)) && !(m & M_NOUN)))
      return (m & M(PL_T_NNS)) && (c->first == PL_T_NNS || !(m & M(PL_T_NN)))
                 ? PL_T_NNS
                 : PL_T_NN;
  }

  /* an -ing form taking an object or a preposition is a verb: "after
   * meeting Blinken", "for acting against", "resisted taking a", ",
   * offering support"; "the killing of" stays a noun */
  int noun_left = lc == LC_NOUN || lc == LC_SUBJ_PL || lc == LC_SUBJ_SG;
  if ((m & M(PL_T_VBG)) && (m & M(PL_T_NN)) &&
      (lc == LC_PREP || lc == LC_VERB || lc == LC_OTHER || lc == LC_TO ||
       lc == LC_START || noun_left) &&
      ((!noun_left && complementish(r, i + 1)) ||
       (noun_left && objectish(r, i + 1)) ||
       (nx != UINT32_MAX && r->c[nx].first == PL_T_IN &&
        !(nb & XB_OF))) &&
      !(lc == LC_START && could_be_verb_next(r, i + 1)))
    return PL_T_VBG;

  /* the head of a noun phrase opened by a determiner: "the Rafah
   * crossing", "his Gaza visit" (but "the U.S. plans to" stays open) */
  if ((lc == LC_SUBJ_SG || lc == LC_NOUN) && (m & M_NOUN) && pt &&
      (c->first == PL_T_NN || c->first == PL_T_NNS || c->first == PL_T_VBG ||
       c->first == PL_T_VBZ) &&
      (pt->tag == PL_T_NNP || pt->tag == PL_T_NN) && !objectish(r, i + 1) &&
      !(nb & XB_TO) && (verb_ahead(r, i + 1) || clause_verb(r, i, 1))) {
    uint32_t k = pv;
    while (k > r->lo && (T(r, k)->tag == PL_T_NNP || T(r, k)->tag == PL_T_NN ||
                         T(r, k)->tag == PL_T_JJ))
      k--;
    int open = T(r, k)->tag == PL_T_DT || T(r, k)->tag == PL_T_PRPS ||
               T(r, k)->tag == PL_T_POS;
    if (open && k < pv && !(c->first == PL_T_VBZ && pt->tag == PL_T_NNP))
      return (m & M(PL_T_NN)) && !(c->first == PL_T_NNS) ? PL_T_NN
                                                          : PL_T_NNS;
  }

  /* the head of a noun phrase opened by a determiner or a possessive,
   * at a phrase end: "the Arab states, led by", "after the border
   * clashes,", "an arms embargo on Iran would": before punctuation a
   * verb reading would leave the phrase without its head; before a
   * preposition only when a finite verb follows in the clause ("the
   * president arrives in Cairo" keeps its verb) */
  if ((lc == LC_SUBJ_SG || lc == LC_SUBJ_PL || lc == LC_NOUN) && pt &&
      (m & M_NOUN) && (m & (M(PL_T_VBZ) | M(PL_T_VBP))) &&
      (M(pt->tag) & (M(PL_T_NN) | M(PL_T_NNS) | M(PL_T_NNP))) &&
      (nx == UINT32_MAX ||
       (T(r, nx)->flags & (PL_TF_PUNCT | PL_TF_QUOTE)) == PL_TF_PUNCT ||
       (r->c[nx].first == PL_T_IN && !(nb & XB_THAT) &&
        verb_ahead(r, nx + 1)))) {
    uint32_t k = pv;
    while (k > r->lo &&
           (M(T(r, k)->tag) & (M(PL_T_NNP) | M(PL_T_NN) | M(PL_T_NNS) |
                               M(PL_T_JJ))))
      k--;
    if (M(T(r, k)->tag) & (M(PL_T_DT) | M(PL_T_PRPS) | M(PL_T_POS)))
      return (m & M(PL_T_NNS)) && (c->first == PL_T_NNS || !(m & M(PL_T_NN)))
                 ? PL_T_NNS
                 : PL_T_NN;
  }

  /* "demanded that Britain release a tanker", "Israel and Hamas trade
   * fire": a base-form verb between a subject and its object */
  if ((lc == LC_SUBJ_SG || lc == LC_SUBJ_PL) && (m & M(PL_T_VB)) &&
      !(m & (M(PL_T_VBZ) | M(PL_T_VBD))) && c->first == PL_T_NN &&
      objectish(r, i + 1) && pt &&
      (pt->tag == PL_T_NNP || pt->tag == PL_T_NNS || pt->tag == PL_T_PRP))
    return lc == LC_SUBJ_SG ? PL_T_VB : PL_T_VBP;

  /* "Ethiopia act on the resolution": a sentence-opening name followed
   * by a noun/base-verb word and a preposition, with no other candidate
   * for the main verb before the clause ends, is that verb (a subject
   * without agreement, as in headlines and translated text) */
  if (lc == LC_SUBJ_SG && pt && pt->tag == PL_T_NNP && (m & M(PL_T_VBP)) &&
      !(m & (M(PL_T_VBZ) | M(PL_T_VBD))) && !last_finite(r, i) &&
      nx != UINT32_MAX && r->c[nx].first == PL_T_IN && !(nb & XB_OF) &&
      name_opens_sentence(r, pv) && !main_verb_ahead(r, i + 1))
    return PL_T_VBP;

  /* a name before a plural noun and a verb modifies it: "UN troops
   * withdrew", "Hamas fighters said" */
  if (lc == LC_SUBJ_SG && pt && pt->tag == PL_T_NNP && (m & M(PL_T_NNS)) &&
      c->first == PL_T_NNS && could_be_verb_next(r, i + 1))
    return PL_T_NNS;

  /* a reduced relative of belief or report: "a woman believed linked
   * to", "the men reported killed in": a saying verb after a noun and
   * before a participle is itself a participle, and so is that
   * participle (a past tense would need an object, not a participle) */
  if ((m & M(PL_T_VBN)) && (m & M(PL_T_VBD)) && pt &&
      (WC(r, i) & WC_SAY) &&
      (pt->tag == PL_T_NN || pt->tag == PL_T_NNS || pt->tag == PL_T_NNPS) &&
      nx != UINT32_MAX && !r->c[nx].fixed && (r->c[nx].m & M(PL_T_VBN)) &&
      !(r->c[nx].m & M_NOUN) && !objectish(r, nx))
    return PL_T_VBN;
  if ((m & M(PL_T_VBN)) && pt && pt->tag == PL_T_VBN && (WC(r, pv) & WC_SAY) &&
      !(m & M_NOUN) && !objectish(r, i + 1))
    return PL_T_VBN;

  /* reduced relative: "men sought in", "officials accused of", "the
   * civilians imprisoned for acting ... were" */
  if ((m & M(PL_T_VBN)) && (m & M(PL_T_VBD)) && pt && !(c->wc & XB_SAYING) &&
      (pt->tag == PL_T_NN || pt->tag == PL_T_NNS || pt->tag == PL_T_NNPS) &&
      nx != UINT32_MAX && (r->c[nx].first == PL_T_IN || (nb & XB_TO)) &&
      !(nb & XB_THAT) &&
      (clause_verb(r, i, 1) || verb_ahead(r, i + 1)))
    return PL_T_VBN;



  /* a gerund opening the sentence before its verb is a noun: "Fighting
   * continued" */
  if (lc == LC_START && (m & M(PL_T_NN)) && c->first == PL_T_VBG &&
      could_be_verb_next(r, i + 1))
    return PL_T_NN;

  /* "shelled overnight.", "arrived early in": an adverb at a phrase end */
  if ((m & M(PL_T_RB)) && c->first == PL_T_JJ && lc != LC_DET &&
      lc != LC_BE && lc != LC_START && lc != LC_MODAL && lc != LC_TO &&
      lc != LC_HAVE &&
      (nx == UINT32_MAX || (T(r, nx)->flags & PL_TF_PUNCT) ||
       r->c[nx].first == PL_T_IN || r->c[nx].first == PL_T_CC))
    return PL_T_RB;

  uint8_t p = pick(m, prefs[lc]);
  return p ? p : c->first;
}

/* ---- lemmas ---- */

/* Is s[0..n) a base verb the lexicon knows ("reopen")? */
static int known_verb(const pl_lexicon *lx, const char *s, size_t n) {
  const lexent *e = lex_find(lx, s, n);
  return e && (e->tm & (M(PL_T_VB) | M(PL_T_VBP)));
}

/* Lemma of an unknown inflected word: strip the suffix, then prefer a
 * stem the lexicon knows as a verb (stem, stem+e, undoubled stem), else
 * spelling rules ("ies"/"ied" -> y, doubled consonant -> single). */
static const char *guess_lemma(run *r, const char *w, size_t strip) {
  const pl_lexicon *lx = r->lx;
  size_t n = strlen(w);
  if (n <= strip + 1 || n > 64) return w;
  char buf[72];
  size_t k = n - strip;
  memcpy(buf, w, k);
  buf[k] = 0;
  int ies = n > 3 && (!strcmp(w + n - 3, "ies") || !strcmp(w + n - 3, "ied"));
  if (ies && strip >= 2) {
    k = n - 3;
    buf[k++] = 'y';
    buf[k] = 0;
  } else if (strip >= 2) { /* -ed / -ing */
    int dbl = k >= 3 && buf[k - 1] == buf[k - 2] &&
              !strchr("aeiouy", buf[k - 1]);
    if (lx && known_verb(lx, buf, k)) {
      /* the stem itself */
    } else if (lx && k < sizeof buf - 2 &&
               (buf[k] = 'e', buf[k + 1] = 0, known_verb(lx, buf, k + 1))) {
      k++;
    } else {
      buf[k] = 0;
      if (dbl && !strchr("lsz", buf[k - 1])) buf[--k] = 0;
    }
  }
  return pl_strndup(&r->doc->arena, buf, k);
}

/* The lemma of token i tagged tg, and its hash in *h (the token's interned hlem:
 * taken from the lexicon entry or the token when known, else computed). */
static const char *lemma_of(run *r, uint32_t i, int tg, uint32_t *h) {
  pl_token *t = T(r, i);
  cand *c = &r->c[i];
  const pl_lexicon *lx = r->lx;
  if (c->lem) {
    *h = c->lemh_ok ? c->lemh : pl_fnv32z(c->lem);
    return c->lem;
  }
  if (c->e) {
    if (PL_IS_VERB(tg) && c->e->vlem) {
      *h = c->e->vh;
      return lx->pool + c->e->vlem;
    }
    if ((tg == PL_T_NN || tg == PL_T_NNS) && c->e->nlem) {
      *h = c->e->nh;
      return lx->pool + c->e->nlem;
    }
  } else if (c->gstrip && (PL_IS_VERB(tg) || tg == PL_T_NNS) &&
             tg != PL_T_VB && tg != PL_T_VBP) {
    const char *g = guess_lemma(r, t->lower, c->gstrip);
    if (g && g != t->lower) {
      *h = pl_fnv32z(g);
      return g;
    }
  }
  *h = t->hlow;
  return t->lower;
}

/* ---- the stage ---- */

static int closed_only(tmask m) { return m && !(m & ~M_CLOSED); }

/* Does w hold both a digit and some other byte ("g7", "covid-19")? */
static int digits_and_more(const char *w) {
  int hasdigit = 0, hasalpha = 0;
  for (const char *s = w; *s; s++) {
    if (*s >= '0' && *s <= '9') hasdigit = 1;
    else hasalpha = 1;
  }
  return hasdigit && hasalpha;
}

/* Step 1 for a token that is not a lower-case lexicon word (lexical()
 * has looked): punctuation, numbers, quotes, clitics, names, unknown
 * words. */
static void lexical_rest(run *r, uint32_t i, int headline) {
  pl_token *t = T(r, i);
  cand *c = &r->c[i];
  const pl_lexicon *lx = r->lx;
  memset(c, 0, sizeof *c);
  unsigned fl = t->flags;
  const char *w = t->lower;
  if (fl & PL_TF_QUOTE) {
    c->first = PL_T_QUOTE;
    c->fixed = 1;
  } else if (fl & PL_TF_POSS) {
    c->first = PL_T_POS; /* 's after a pronoun becomes VBZ in step 3 */
    c->fixed = 1;
  } else if (fl & PL_TF_NUM) {
    c->first = PL_T_CD;
    c->fixed = 1;
  } else if (fl & PL_TF_PUNCT) {
    c->fixed = 1;
    c->first = PL_T_PUNCT;
    if (w[0] == '$' && !w[1]) c->first = PL_T_SYM;
    else if (w[0] == '&' && !w[1]) c->first = PL_T_CC;
    else if (w[0] == '%' && !w[1]) {
      c->first = PL_T_NN;
      c->lem = "percent";
    }
  }
  if (c->fixed) {
    c->m = M(c->first);
    /* XB_* bits for the rules that look at neighbours: every listed word
     * starts with a letter, so punctuation and numbers have none */
    if ((unsigned)((w[0] | 0x20) - 'a') < 26) c->wc = xbits_unknown(w, t->hlow);
    return;
  }
  /* not in the lexicon (entries returned above).  Overrides are marked on
   * their lexicon entries at load; clitics ('re n't) are not in the
   * lexicon, and without a lexicon all are searched */
  const struct over *o =
      (!lx || w[0] == '\'' || (w[0] == 'n' && w[1] == '\'')) ? find_over(w)
                                                          : NULL;
  c->wc = ((!lx || w[0] == '\'') ? classes_of(w) : 0) |
          xbits_unknown(w, t->hlow);
  if (o) {
    for (int k = 0; k < 3 && o->tags[k]; k++) c->m |= M(o->tags[k]);
    c->first = o->tags[0];
    if (o->lem) c->lem = o->lem;
  }
  int cap = (fl & PL_TF_CAP) != 0;
  int allcap = (fl & PL_TF_ALLCAP) && !headline;
  if (!c->m && (cap || allcap)) {
    /* exact-case entries: "Shell", "AIDS" */
    const lexent *ex =
        lx && case_entry_possible(lx, r->doc, t)
            ? lex_find(lx, r->doc->text + t->off, t->len)
            : NULL;
    if (ex) {
      c->e = ex;
      c->m |= ex->tm;
      c->first = ex->first;
    }
  }
  if (!c->m) {
    size_t wl = strlen(w);
    if (cap || allcap || (fl & PL_TF_ABBR)) {
      c->first = PL_T_NNP;
      /* "Palestinians", "Israelis": plural of a known adjective */
      if (wl > 4 && w[wl - 1] == 's' && !allcap) {
        const lexent *adj = lex_find(lx, w, wl - 1);
        if (adj && adj->first == PL_T_JJ) c->first = PL_T_NNPS;
      }
      c->m = M(c->first);
      c->fixed = 1;
    } else if (digits_and_more(w)) {
      c->first = PL_T_NN;
      c->m = M(PL_T_NN);
    } else {
      guess(c, w, wl);
    }
  }
  if (!c->fixed && !(c->wc & XB_THAT) && !(c->m & (c->m - 1)) &&
      c->m != M(PL_T_VBG))
    c->wc |= XB_DIRECT;
}

/* Step 1: candidates of token i.  The common case, a word the lexicon
 * knows, copies what its entry holds ready made (candidates, word classes,
 * override lemma and its hash); the rest is lexical_rest().  Only an
 * all-caps token's result depends on headline. */
static inline const lexent *lex_word(const pl_lexicon *lx,
                                     const pl_token *t) {
  if (t->flags & (PL_TF_QUOTE | PL_TF_POSS | PL_TF_NUM | PL_TF_PUNCT))
    return NULL;
  return lex_find_h(lx, t->lower, t->hlow);
}

static inline void cand_of_entry(cand *c, const lexent *e,
                                 const pl_lexicon *lx) {
  *c = (cand){.e = e, .m = e->lm, .wc = e->cls, .first = e->lfirst,
              .lowhit = 1};
  if (e->over && overrides[e->over - 1].lem) {
    c->lem = overrides[e->over - 1].lem;
    c->lemh = lx->over_h[e->over - 1];
    c->lemh_ok = 1;
  }
}

static void lexical(run *r, uint32_t i, int headline) {
  const lexent *e = lex_word(r->lx ? r->lx : &lex_none, &r->tk[i]);
  if (e) cand_of_entry(&r->c[i], e, r->lx);
  else lexical_rest(r, i, headline);
}

/* demonym_w() of token i's lower-case form: marked on its lexicon entry
 * at load when it has one. */
static int demonym_at(run *r, uint32_t i) {
  const cand *c = &r->c[i];
  return c->lowhit ? (c->e->cls & XB_DEMONYM) != 0 : demonym_w(T(r, i)->lower);
}

/* Step 2: capitalisation.  initial = the token opens the sentence (or a
 * quotation / parenthesis / colon clause). */
static void capitals(run *r, uint32_t i, int headline) {
  pl_token *t = T(r, i);
  cand *c = &r->c[i];
  if (c->fixed || headline) return;
  unsigned fl = t->flags;
  if (!(fl & (PL_TF_CAP | PL_TF_ALLCAP))) {
    /* name particles: "Mohammed bin Salman", "al-Mayadeen", "Abu Obeida" */
    if ((c->wc & XB_NAMEP) && i + 1 < r->hi) {
      pl_token *n = T(r, i + 1);
      if (is_hyph(n->lower) && i + 2 < r->hi) n = T(r, i + 2);
      if ((n->flags & PL_TF_CAP) && (n->flags & PL_TF_WORD)) {
        c->first = PL_T_NNP;
        c->m = M(PL_T_NNP);
        c->fixed = 1;
        c->lem = NULL;
      }
    }
    return;
  }
  int acronym = (fl & PL_TF_ALLCAP) && t->len >= 2; /* US, UN, IDF, WHO */
  int next_num = i + 1 < r->hi && (T(r, i + 1)->flags & PL_TF_NUM);
  if ((c->wc & XB_MAY) && (next_num || (i > r->lo && !(fl &
                                    PL_TF_SSTART)))) {
    c->first = PL_T_NNP; /* the month: "on May 31", "in May" */
    c->m = M(PL_T_NNP);
    c->fixed = 1;
    return;
  }
  if (!acronym && closed_only(c->m & ~(M(PL_T_NNP) | M(PL_T_NNPS))))
    return; /* The, He, I */
  int initial = i == r->lo || (fl & PL_TF_SSTART);
  if (!initial) {
    pl_token *p = T(r, i - 1);
    if ((p->flags & PL_TF_QOPEN) || *p->lower == ':' || *p->lower == '(' ||
        (r->c[i - 1].first == PL_T_QUOTE && i - 1 == r->lo))
      initial = 1;
  }
  if (acronym) initial = 0;
  if (!initial) {
    /* "Israeli strike", "Palestinian officials": a capitalised adjective
     * before a common word stays an adjective; "White House" is a name */
    if (c->first == PL_T_JJ && !acronym && i + 1 < r->hi && demonym_at(r, i) &&
        (T(r, i + 1)->flags & PL_TF_WORD) &&
        !(T(r, i + 1)->flags & (PL_TF_CAP | PL_TF_ALLCAP))) {
      c->m = M(PL_T_JJ);
      c->fixed = 1;
      return;
    }
    /* "Palestinians", "United Nations": a plural name */
    c->first = (c->first == PL_T_NNS || c->first == PL_T_NNPS) &&
                       t->len > 3 && t->lower[t->len - 1] == 's'
                   ? PL_T_NNPS
                   : PL_T_NNP;
    c->fixed = 1;
    c->lem = NULL;
    return;
  }
  /* sentence-initial: a word the lexicon lists capitalised as a proper
   * noun is a name ("China said", "Turkey will") */
  if (c->e && c->first != PL_T_NNP && !(fl & PL_TF_ALLCAP) &&
      (c->first == PL_T_NN || (c->first == PL_T_JJ && !demonym_at(r, i)))) {
    /* only for words without verb readings ("turkey", not "aid"), and
     * not before a lower-case noun they would modify ("Aid trucks") */
    int verbal = (c->e->tm & (M_VERB | M(PL_T_MD))) != 0;
    int before_noun = i + 1 < r->hi &&
                      !(T(r, i + 1)->flags & (PL_TF_CAP | PL_TF_PUNCT)) &&
                      (r->c[i + 1].first == PL_T_NN ||
                       r->c[i + 1].first == PL_T_NNS);
    const lexent *ex =
        !verbal && !before_noun && case_entry_possible(r->lx, r->doc, t)
            ? lex_find(r->lx, r->doc->text + t->off, t->len)
            : NULL;
    if (ex && ex != c->e && ex->first == PL_T_NNP) {
      c->first = PL_T_NNP;
      c->fixed = 1;
      return;
    }
  }
  /* sentence-initial: a common noun opening a run of capitalised words is
   * part of a name ("White House officials", "Prime Minister Netanyahu") */
  if (i + 1 < r->hi && (c->first == PL_T_NN || c->first == PL_T_NNP ||
                        c->first == PL_T_NNPS)) {
    pl_token *n = T(r, i + 1);
    cand *nc = &r->c[i + 1];
    if ((n->flags & PL_TF_CAP) && !(n->flags & PL_TF_PUNCT) &&
        !closed_only(nc->m)) {
      c->first = PL_T_NNP;
      c->fixed = 1;
    }
  } else if (c->first == PL_T_NNP || c->first == PL_T_NNPS) {
    c->fixed = 1;
  }
}

/* Does step 2 act on a token with flags fl and step-1 candidates c
 * (outside headlines)?  capitals() returns at once for fixed tokens and
 * for lower-case ones that are not name particles. */
static inline int step2_acts(unsigned fl, const cand *c) {
  return !c->fixed &&
         ((fl & (PL_TF_CAP | PL_TF_ALLCAP)) || (c->wc & XB_NAMEP));
}

parley_rc pl_tag_run(parley_doc *doc) {
  if (!doc->toks.n) return PARLEY_OK;
  cand *cs = pl_alloc(&doc->arena, (size_t)doc->toks.n * sizeof(cand));
  if (!cs) return PARLEY_ENOMEM;
  pl_token *tk = doc->toks.v;
  run r = {doc, cs, tk, doc->ctx->lex, 0, 0, 0, 0, 0, 0};
  const pl_lexicon *lq = r.lx ? r.lx : &lex_none; /* for lex_word() */
  uint32_t ns = doc->sents.n;
  /* Tokens outside any sentence (none normally) are tagged as one run.
   * The loops keep bounds and arrays in locals: the token's tag is a
   * character type, and a store through one may alias anything. */
  for (uint32_t s = 0; s < (ns ? ns : 1); s++) {
    uint32_t lo = 0, hi = doc->toks.n;
    if (ns) {
      lo = doc->sents.v[s].tok0;
      hi = lo + doc->sents.v[s].ntok;
    }
    if (hi > doc->toks.n) hi = doc->toks.n;
    r.lo = lo;
    r.hi = hi;
    /* step 1, counting words and all-caps words on the way: in a
     * headline-style all-caps sentence (its words read as plain words)
     * only the all-caps tokens' step 1 differs, so those are redone */
    /* steps 1 and 2 in one pass: step 2 of a token reads step 1 of the
     * next, so it runs one token behind.  Words and all-caps words are
     * counted on the way; a headline-style all-caps sentence (its words
     * read as plain words, no step 2) is redone at the end (rare). */
    uint32_t nwords = 0, ncaps = 0;
    int want = 0; /* does step 2 of token i - 1 have anything to do? */
    for (uint32_t i = lo; i < hi; i++) {
      unsigned fl = tk[i].flags;
      nwords += fl & PL_TF_WORD;
      ncaps += (fl & (PL_TF_WORD | PL_TF_ALLCAP)) ==
               (PL_TF_WORD | PL_TF_ALLCAP);
      const lexent *e = lex_word(lq, &tk[i]);
      if (e) cand_of_entry(&cs[i], e, lq);
      else lexical_rest(&r, i, 0);
      if (want) capitals(&r, i - 1, 0);
      /* decided while token i is at hand: step 2 of i - 1 writes only
       * token i - 1's candidates */
      want = step2_acts(fl, &cs[i]);
    }
    if (want) capitals(&r, hi - 1, 0);
    if (nwords >= 3 && ncaps * 5 >= nwords * 3) /* headline */
      for (uint32_t i = lo; i < hi; i++) lexical(&r, i, 1);
    if (doc->gold_tags) /* a given parse's tags win (parse.c) */
      for (uint32_t i = lo; i < hi; i++)
        if (doc->gold_tags[i]) {
          cs[i].fixed = 1;
          cs[i].first = doc->gold_tags[i];
        }
    r.lv = r.lf = r.cv = r.cf = 0;
    for (uint32_t i = lo; i < hi; i++) {
      pl_token *t = &tk[i];
      cand *c = &cs[i];
      int tg;
      if (c->fixed || (c->wc & XB_DIRECT)) {
        tg = c->first;
        if (tg == PL_T_POS && c->fixed && i > lo) {
          /* "it's", "that's", "there's": the verb, not a possessive */
          const pl_token *p = &tk[i - 1];
          if (is_s(t->lower) &&
              (p->tag == PL_T_PRP || p->tag == PL_T_EX ||
               p->tag == PL_T_WP || (cs[i - 1].wc & XB_SIS))) {
            tg = PL_T_VBZ;
            c->lem = "be";
          }
        }
      } else {
        tg = decide(&r, i);
      }
      t->tag = (uint8_t)tg;
      t->lemma = lemma_of(&r, i, tg, &t->hlem);
      if (M(tg) & (M(PL_T_VB) | M(PL_T_VBD) | M(PL_T_VBZ) | M(PL_T_VBP))) {
        r.lv = r.cv = tg;
        if (tg != PL_T_VB) r.lf = r.cf = tg;
        if (c->wc & WC_SAY) r.cv = r.cf = 0; /* its complement is a clause */
      } else if (tg == PL_T_QUOTE || (c->wc & (WC_CLAUSE | WC_SUB)) ||
                 (tg == PL_T_PUNCT &&
                  (*t->lower == ',' || *t->lower == ';' ||
                   *t->lower == ':' || !*t->lower))) {
        r.cv = r.cf = 0;
      }
    }
  }
  return PARLEY_OK;
}
