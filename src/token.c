/*
 * token.c - stage 2: split the normalised text into tokens.
 *
 * Input: doc->text.  Output: doc->toks (sentence index filled later by
 * sentence.c).  One pass over the bytes, driven by a 256-entry class
 * table.  Rules:
 *   - words are runs of letters/digits (any non-ASCII code point counts as
 *     a letter) with inner apostrophes for names like O'Brien;
 *   - hyphens split words ("Hamas-led" -> Hamas - led) so that actor
 *     phrases inside compounds are found; the '-' token has no PL_TF_SPACE;
 *   - possessives: "Netanyahu's" -> Netanyahu 's ; "Hamas'" -> Hamas ' ;
 *     contractions: "didn't" -> did n't ; 're 've 'll 'd 'm split off;
 *   - numbers: 42,847  1.5  2023  1.5m  3bn  10th stay one token;
 *   - abbreviations keep their period: dotted initialisms (U.S., U.N.),
 *     single capital initials (W.), and a table of known abbreviations
 *     (Oct., Gen., Dr., Mr., St., No., ...);
 *   - web addresses (http://..., www....), e-mails and domain names with a
 *     known top-level domain (example.org) are one token (PL_TF_URL), so
 *     their dots never end a sentence;
 *   - "--" and "..." are single punctuation tokens; other punctuation is
 *     one token per character.
 * Every token gets lower (lower-cased surface) and key (lower-cased with
 * periods removed: "U.S." -> "us") in the arena, their hashes, and from
 * one probe of a word table its xw classes (quotes.c) and PL_FW_* bits
 * (the dates and places stages' word lists).  PL_TF_NL / PL_TF_BLANK
 * record the line breaks in the space before it, for sentence.c.
 */
#include "internal.h"
#include <pthread.h>
#include <ctype.h>
#include <utf8proc.h>

enum { C_SP = 1, C_NL, C_AL, C_DG, C_AP, C_HY, C_DOT, C_QU, C_PU };

static unsigned char cls[256];
static unsigned char alnum_tab[256]; /* 1: ASCII letter or digit */
/* 1: an ASCII byte after a letter/digit run that ends a plain word: not a
 * letter or digit, and none of . @ : - _ ' (which may continue an
 * address, a name like O'Brien, a clitic or an abbreviation). */
static unsigned char word_end_tab[256];
/* built once per process: coding threads would otherwise race on the
 * first fill (ThreadSanitizer saw it with -j N) */
static pthread_once_t cls_once = PTHREAD_ONCE_INIT;

static void build_cls(void) {
  for (int c = 0; c < 256; c++) {
    unsigned char k = C_PU;
    if (c >= 0x80) k = C_AL;
    else if (isalpha(c)) k = C_AL;
    else if (isdigit(c)) k = C_DG;
    else if (c == ' ' || c == '\t' || c == '\f' || c == '\v') k = C_SP;
    else if (c == '\n') k = C_NL;
    else if (c == '\'') k = C_AP;
    else if (c == '-') k = C_HY;
    else if (c == '.') k = C_DOT;
    else if (c == '"') k = C_QU;
    else if (c < 0x20) k = C_SP;
    cls[c] = k;
    alnum_tab[c] = c < 0x80 && (k == C_AL || k == C_DG);
    word_end_tab[c] = c < 0x80 && !alnum_tab[c] && !strchr(".@:-_'", c);
  }
}

/* ---- the word table: xw classes and front-stage bits in one probe ----
 * Every word of quotes.c's extraction-word table (with the classes
 * pl_xw_classes gives it) and of the stages' PL_FW_* lists, keyed by the
 * word's pl_fnv32 hash: a token's interned hlow (and hkey when its key
 * differs) finds them without rehashing.  A probe that meets an empty
 * slot (most tokens) reads one 4-byte tag; a hit is confirmed by length
 * and bytes, so membership is exact.  Built once per process. */

#define WT_SIZE 4096 /* power of two, well above the ~700 words */
typedef struct {
  const char *w;
  uint32_t len;
  uint32_t xw;       /* pl_xw_classes(w) */
  uint16_t fwl, fwk; /* PL_FW_* bits when w is the lower form / the key */
  char pad[16];      /* w zero-padded (words of up to 16 bytes) */
} wt_ent;
static uint32_t wt_tag[WT_SIZE]; /* hash | 1, 0 = empty */
static wt_ent wt[WT_SIZE];

/* The slot of w, added when absent (table building only). */
static wt_ent *wt_slot(const char *w, size_t n, uint32_t hv) {
  uint32_t tag = hv | 1u;
  for (uint32_t i = hv & (WT_SIZE - 1);; i = (i + 1) & (WT_SIZE - 1)) {
    if (!wt_tag[i]) {
      wt_tag[i] = tag;
      wt[i].w = w;
      wt[i].len = (uint32_t)n;
      if (n <= sizeof wt[i].pad) memcpy(wt[i].pad, w, n);
      return &wt[i];
    }
    if (wt_tag[i] == tag && wt[i].len == n && !memcmp(wt[i].w, w, n))
      return &wt[i];
  }
}

/* 8 bytes whose first k (0..8) are 0xff, the rest 0, in memory order. */
static uint64_t head_mask(size_t k) {
  static const unsigned char ff[16] = {0xff, 0xff, 0xff, 0xff,
                                       0xff, 0xff, 0xff, 0xff};
  uint64_t m;
  memcpy(&m, ff + 8 - k, 8);
  return m;
}

/* Whether entry e holds the n bytes at w.  wide: w has at least 2n+2
 * readable bytes (a token's lower form: make_forms' space holds lower and
 * key), so words of 3..16 bytes compare as one or two 8-byte loads,
 * masked to n against the zero-padded copy. */
static inline int wt_eq(const wt_ent *e, const char *w, size_t n, int wide) {
  if (e->len != n) return 0;
  if (wide && n >= 3 && n <= 16) {
    uint64_t a, b;
    memcpy(&a, w, 8);
    memcpy(&b, e->pad, 8);
    if ((a ^ b) & head_mask(n < 8 ? n : 8)) return 0;
    if (n <= 8) return 1;
    memcpy(&a, w + 8, 8);
    memcpy(&b, e->pad + 8, 8);
    return !((a ^ b) & head_mask(n - 8));
  }
  size_t k = 0;
  while (k < n && e->w[k] == w[k]) k++;
  return k == n;
}

/* The lookup on the token path: inline, read-only. */
static inline const wt_ent *wt_find(const char *w, size_t n, uint32_t hv,
                                    int wide) {
  uint32_t tag = hv | 1u;
  for (uint32_t i = hv & (WT_SIZE - 1);; i = (i + 1) & (WT_SIZE - 1)) {
    uint32_t t = wt_tag[i];
    if (t == tag) {
      if (wt_eq(&wt[i], w, n, wide)) return &wt[i];
    } else if (!t) {
      return NULL;
    }
  }
}

static void wt_add_lists(const pl_fwlist *l) {
  for (; l->words; l++)
    for (const char *const *w = l->words; *w; w++) {
      size_t n = strlen(*w);
      wt_ent *e = wt_slot(*w, n, pl_fnv32(*w, n));
      if (l->on_key) e->fwk |= l->bit;
      else e->fwl |= l->bit;
    }
}

static void build_wt(void) {
  for (size_t i = 0; i < pl_xword_count(); i++) {
    const char *w = pl_xword_at(i)->w;
    size_t n = strlen(w);
    uint32_t h = pl_fnv32(w, n);
    wt_slot(w, n, h)->xw = pl_xw_classes(w, h);
  }
  wt_add_lists(pl_dates_fwlists);
  wt_add_lists(pl_places_fwlists);
}


/* Abbreviations that keep their period (compared lower case, no dot). */
static const char *const abbrevs[] = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "sgt",
    "adm", "cmdr", "gov", "sen", "rep", "rev", "fr", "prof", "pres", "st",
    "jr", "sr", "no", "nos", "vs", "etc", "inc", "corp", "co", "ltd", "dept",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mt", "ft", "approx", "est", "fig", "vol", "brig", "lieut",
    "messrs", "hon", "amb", "ave", "blvd", "rd", "univ", "govt", "min",
    "sec", "cmdr", "supt", "insp", "pvt", "cpl", "excl", "incl", NULL};

static int is_abbrev(const char *s, size_t n) {
  char low[16];
  if (n == 0 || n >= sizeof low) return 0;
  for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)s[i]);
  low[n] = 0;
  return pl_words_has(abbrevs, low);
}

/* Length of the word character (letter, or letter/digit for alnum) at
 * t[i], or 0.  Non-ASCII code points count as letters when Unicode says
 * they are letters, marks or numbers (Erdo\u011fan, S\u00e1nchez);
 * symbols, emoji and punctuation are not.  A continuation byte (only
 * met when looking backwards) counts as part of a letter. */
static size_t uni_word_len(const char *t, size_t i, size_t n) {
  unsigned char c = (unsigned char)t[i];
  if (c < 0xC0) return 1; /* continuation byte */
  uint32_t cp;
  int bad = 0;
  size_t k = pl_utf8_decode((const unsigned char *)t + i, n - i, &cp, &bad);
  if (bad) return 0;
  utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO ? k : 0;
}
static size_t is_alpha_at(const char *t, size_t i, size_t n) {
  if (i >= n) return 0;
  unsigned char c = (unsigned char)t[i];
  if (c >= 0x80) return uni_word_len(t, i, n);
  return cls[c] == C_AL;
}
static size_t is_alnum_at(const char *t, size_t i, size_t n) {
  if (i >= n) return 0;
  unsigned char c = (unsigned char)t[i];
  if (c >= 0x80) return uni_word_len(t, i, n);
  return cls[c] == C_AL || cls[c] == C_DG;
}
/* ASCII letter or digit (isalnum in the C locale), from the table. */
static int ascii_alnum(unsigned char c) { return alnum_tab[c]; }

/* Index after the run of letters/digits (or letters) starting at j.
 * ASCII runs are scanned in a tight loop; a non-ASCII byte goes through
 * uni_word_len as in is_alnum_at. */
__attribute__((noinline)) static size_t skip_alnum(const char *t, size_t j,
                                                  size_t n) {
  for (;;) {
    while (j < n && ascii_alnum((unsigned char)t[j])) j++;
    if (j >= n || (unsigned char)t[j] < 0x80) return j;
    size_t w = uni_word_len(t, j, n);
    if (!w) return j;
    j += w;
  }
}
/* skip_alnum with its common case inline: the ASCII run ends at an ASCII
 * byte (a word ends in a space or punctuation), no call. */
static inline size_t skip_alnum_fast(const char *t, size_t j, size_t n) {
  while (j < n && ascii_alnum((unsigned char)t[j])) j++;
  if (j >= n || (unsigned char)t[j] < 0x80) return j;
  return skip_alnum(t, j, n);
}
static size_t skip_alpha(const char *t, size_t j, size_t n) {
  size_t w;
  while ((w = is_alpha_at(t, j, n)) > 0) j += w;
  return j;
}

/* For a short word ending at the '.' t[j]: the position of the last
 * period of a tail of one- or two-letter segments each closed by a period
 * ("Ph" + ".D." -> the second '.'), or j when there is none. */
static size_t dotted_tail(const char *t, size_t j, size_t n) {
  size_t e = j;
  for (;;) {
    size_t k = e + 1;
    while (k < n && k - e - 1 < 3 && isalpha((unsigned char)t[k])) k++;
    size_t letters = k - e - 1;
    if (letters < 1 || letters > 2 || k >= n || t[k] != '.') break;
    e = k;
  }
  return e;
}

/* Lower-cases s[0..n) into the arena; key drops '.' (and nothing else).
 * The same pass counts letters and upper-case letters (for PL_TF_ALLCAP)
 * and interns the hashes of both forms (hlow, hkey). */

/* ASCII classes for make_forms' fast path (C locale): bits 0-15 the
 * lower-case byte, 16-31 letter, 32-47 upper case, 48-63 the period a
 * key drops; summing the entries of a token counts all three at once (no
 * field overflows below FORM_PACK_MAX bytes). */
#define FORM_PACK_MAX 512
static const uint64_t form_pack[128] = {
    0x0u, 0x1u, 0x2u, 0x3u,
    0x4u, 0x5u, 0x6u, 0x7u,
    0x8u, 0x9u, 0xau, 0xbu,
    0xcu, 0xdu, 0xeu, 0xfu,
    0x10u, 0x11u, 0x12u, 0x13u,
    0x14u, 0x15u, 0x16u, 0x17u,
    0x18u, 0x19u, 0x1au, 0x1bu,
    0x1cu, 0x1du, 0x1eu, 0x1fu,
    0x20u, 0x21u, 0x22u, 0x23u,
    0x24u, 0x25u, 0x26u, 0x27u,
    0x28u, 0x29u, 0x2au, 0x2bu,
    0x2cu, 0x2du, 0x100000000002eull, 0x2fu,
    0x30u, 0x31u, 0x32u, 0x33u,
    0x34u, 0x35u, 0x36u, 0x37u,
    0x38u, 0x39u, 0x3au, 0x3bu,
    0x3cu, 0x3du, 0x3eu, 0x3fu,
    0x40u, 0x100010061ull, 0x100010062ull, 0x100010063ull,
    0x100010064ull, 0x100010065ull, 0x100010066ull, 0x100010067ull,
    0x100010068ull, 0x100010069ull, 0x10001006aull, 0x10001006bull,
    0x10001006cull, 0x10001006dull, 0x10001006eull, 0x10001006full,
    0x100010070ull, 0x100010071ull, 0x100010072ull, 0x100010073ull,
    0x100010074ull, 0x100010075ull, 0x100010076ull, 0x100010077ull,
    0x100010078ull, 0x100010079ull, 0x10001007aull, 0x5bu,
    0x5cu, 0x5du, 0x5eu, 0x5fu,
    0x60u, 0x10061u, 0x10062u, 0x10063u,
    0x10064u, 0x10065u, 0x10066u, 0x10067u,
    0x10068u, 0x10069u, 0x1006au, 0x1006bu,
    0x1006cu, 0x1006du, 0x1006eu, 0x1006fu,
    0x10070u, 0x10071u, 0x10072u, 0x10073u,
    0x10074u, 0x10075u, 0x10076u, 0x10077u,
    0x10078u, 0x10079u, 0x1007au, 0x7bu,
    0x7cu, 0x7du, 0x7eu, 0x7fu,
};

/* form_pack entries of the ASCII letters and digits, 0 for every other
 * byte: the word scan's one load per byte both classifies and lowers. */
static uint64_t scan_pack[256];

static void build_tables(void) {
  build_cls();
  for (int c = 0; c < 128; c++)
    if (alnum_tab[c]) scan_pack[c] = form_pack[c];
  build_wt();
}

static void init_cls(void) { pthread_once(&cls_once, build_tables); }

/* Bump space for the forms, carved from arena chunks (one pl_alloc per
 * chunk instead of one per token). */
typedef struct { char *p; size_t left; } formbuf;

/* The space the next form_space call will return, at least need bytes
 * (the word scan lower-cases into it before the token's end is known). */
static char *form_peek(parley_doc *doc, formbuf *fb, size_t need) {
  if (fb->left < need) {
    size_t sz = need > 8192 ? need : 8192;
    fb->p = pl_alloc(&doc->arena, sz);
    if (!fb->p) return NULL;
    fb->left = sz;
  }
  return fb->p;
}

static char *form_space(parley_doc *doc, formbuf *fb, size_t need) {
  char *r = form_peek(doc, fb, need);
  if (!r) return NULL;
  fb->p += need;
  fb->left -= need;
  return r;
}

/* The ASCII letter/digit run the word scan lower-cased into dst (a
 * form_peek pointer), with its form_pack sum and hash. */
typedef struct {
  const char *dst;
  uint64_t acc;
  uint64_t v0; /* form_pack of its first byte (case, letter or digit) */
  uint32_t hl;
} prerun;

static int make_forms(parley_doc *doc, formbuf *fb, pl_token *tk,
                      int *nal_out, int *nup_out, size_t *ln_out,
                      size_t *kn_out) {
  const char *s = doc->text + tk->off;
  size_t n = tk->len;
  char *low = form_space(doc, fb, 2 * n + 2);
  if (!low) return -1;
  char *key = low + n + 1;
  size_t ln = 0, kn = 0;
  size_t i = 0;
  int nal = 0, nup = 0;
  uint32_t hl = PL_FNV32_BASIS, hk = PL_FNV32_BASIS;
  /* Fast path for an all-ASCII token (nearly all of them): one pass
   * lower-cases, hashes and counts; the key is written only when a
   * period is dropped (otherwise it shares lower, see below). */
  if (n < FORM_PACK_MAX) {
    uint64_t acc = 0;
    size_t q = 0;
    for (; q < n; q++) {
      unsigned char c = (unsigned char)s[q];
      if (c >= 0x80) break;
      uint64_t v = form_pack[c];
      unsigned char lc = (unsigned char)v; /* tolower */
      acc += v;
      low[q] = (char)lc;
      hl = (hl ^ lc) * PL_FNV32_PRIME;
    }
    nal = (int)((acc >> 16) & 0xffff);
    nup = (int)((acc >> 32) & 0xffff);
    unsigned dots = (unsigned)(acc >> 48);
    if (q == n) {
      low[n] = 0;
      ln = n;
      if (!dots) {
        kn = n; /* key = lower */
      } else {
        for (size_t k = 0; k < n; k++)
          if (low[k] != '.') {
            key[kn++] = low[k];
            hk = (hk ^ (unsigned char)low[k]) * PL_FNV32_PRIME;
          }
        key[kn] = 0;
      }
      goto done;
    }
    /* a non-ASCII byte: start over on the general path */
    nal = nup = 0;
    hl = PL_FNV32_BASIS;
  }
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      /* tolower in the C locale */
      unsigned char lc = (unsigned char)((unsigned)c - 'A' < 26u ? c + 32 : c);
      if (lc != c) { /* A-Z */
        nal++;
        nup++;
      } else if (lc >= 'a' && lc <= 'z') {
        nal++;
      }
      low[ln++] = (char)lc;
      hl = (hl ^ lc) * PL_FNV32_PRIME;
      if (lc != '.') {
        key[kn++] = (char)lc;
        hk = (hk ^ lc) * PL_FNV32_PRIME;
      }
      i++;
      continue;
    }
    uint32_t cp;
    size_t k = pl_utf8_decode((const unsigned char *)s + i, n - i, &cp, NULL);
    if (utf8proc_isupper((utf8proc_int32_t)cp)) {
      nal++;
      nup++;
    } else if (utf8proc_islower((utf8proc_int32_t)cp)) {
      nal++;
    }
    uint32_t lc = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
    char enc[4];
    size_t el = pl_utf8_encode(lc, enc);
    if (el > k) { /* lower case longer than upper: keep the original */
      memcpy(enc, s + i, k);
      el = k;
    }
    for (size_t q = 0; q < el; q++) {
      low[ln + q] = enc[q];
      key[kn + q] = enc[q];
      hl = (hl ^ (unsigned char)enc[q]) * PL_FNV32_PRIME;
      hk = (hk ^ (unsigned char)enc[q]) * PL_FNV32_PRIME;
    }
    ln += el;
    kn += el;
    i += k;
  }
  low[ln] = 0;
  key[kn] = 0;
done:
  if (kn == 0) { /* a lone "." keeps itself as key */
    key[0] = low[0];
    key[1] = 0;
    hk = pl_fnv32z(key);
  }
  tk->lower = low;
  /* no period dropped: key shares lower's string, so comparing the two
   * pointers tells that the forms agree */
  if (kn == ln) {
    tk->key = low;
    hk = hl;
  } else {
    tk->key = key;
  }
  tk->hlow = hl;
  tk->hkey = hk;
  tk->hlem = hl; /* tag.c sets the lemma's */
  *nal_out = nal;
  *nup_out = nup;
  *ln_out = ln;
  *kn_out = kn ? kn : 1; /* the lone-"." key above */
  return 0;
}

/* Inlined at both call sites (the plain-word path and the rest): a call
 * per token cost more than its body's checks. */
static inline __attribute__((always_inline)) pl_token *
emit(parley_doc *doc, formbuf *fb, size_t off, size_t len, unsigned fl,
     const prerun *pre) {
  pl_token *tk = pl_vec_push(&doc->arena, &doc->toks);
  if (!tk) return NULL;
  tk->off = (uint32_t)off;
  tk->len = (uint32_t)len;
  tk->flags = (uint16_t)fl;
  tk->ment = -1;
  const char *s = doc->text + off;
  int nup = 0, nal = 0;
  size_t ln = 0, kn = 0;
  uint16_t fw0 = 0; /* PL_FW_DIGIT */
  if (pre) {
    /* the token is exactly the run the word scan lowered and hashed
     * (most words): its forms are in place, no second pass; letters and
     * digits only, so no period is dropped and key shares lower */
    char *low = form_space(doc, fb, 2 * len + 2);
    if (!low) return NULL;
    if (low != pre->dst) memcpy(low, pre->dst, len); /* never: peeked */
    low[len] = 0;
    tk->lower = tk->key = low;
    tk->hlow = tk->hkey = tk->hlem = pre->hl;
    nal = (int)((pre->acc >> 16) & 0xffff);
    nup = (int)((pre->acc >> 32) & 0xffff);
    ln = kn = len;
    /* the first byte is an ASCII letter (upper-case bit 32) or digit */
    if (pre->v0 & (1ull << 32)) tk->flags |= PL_TF_CAP;
    if (!(pre->v0 & (1ull << 16))) fw0 = PL_FW_DIGIT;
  } else {
    if (make_forms(doc, fb, tk, &nal, &nup, &ln, &kn)) return NULL;
    /* isupper in the C locale */
    if (len && (unsigned)((unsigned char)s[0] - 'A') < 26u) {
      tk->flags |= PL_TF_CAP;
    } else if (len && (unsigned char)s[0] >= 0x80) {
      uint32_t cp;
      pl_utf8_decode((const unsigned char *)s, len, &cp, NULL);
      if (utf8proc_isupper((utf8proc_int32_t)cp)) tk->flags |= PL_TF_CAP;
    }
    if ((unsigned)((unsigned char)s[0] - '0') < 10u) fw0 = PL_FW_DIGIT;
  }
  if (nal >= 2 && nup == nal) tk->flags |= PL_TF_ALLCAP;
  /* xw and fw in one probe of the word table (two when the key differs
   * from the lower-case form: "oct." / "oct") */
  const wt_ent *e = wt_find(tk->lower, ln, tk->hlow, 1);
  uint16_t fw = fw0;
  if (e) {
    if (fl & (PL_TF_WORD | PL_TF_ABBR)) tk->xw = e->xw;
    fw = e->fwl;
    if (tk->key == tk->lower) fw |= e->fwk;
  }
  if (tk->key != tk->lower && (e = wt_find(tk->key, kn, tk->hkey, 0)))
    fw |= e->fwk;
  tk->fw = fw;
  if ((fw & PL_FW_AGO) && doc->toks.n >= 3)
    doc->toks.v[doc->toks.n - 3].fw |= PL_FW_AGO2;
  return tk;
}

/* Length of a number starting at i: digits with inner , and . followed by
 * digits, then an optional magnitude/ordinal suffix (m, bn, k, th, st...). */
static size_t number_len(const char *t, size_t i, size_t n) {
  size_t j = i;
  while (j < n) {
    unsigned char c = (unsigned char)t[j];
    if (isdigit(c)) { j++; continue; }
    if ((c == ',' || c == '.') && j + 1 < n &&
        isdigit((unsigned char)t[j + 1]) && j > i) {
      j++;
      continue;
    }
    break;
  }
  /* suffix: letters directly attached (1.5m, 3bn, 10th, 1990s) */
  size_t k = j;
  while (k < n && isalpha((unsigned char)t[k]) && k - j < 3) k++;
  if (k > j && !is_alnum_at(t, k, n)) {
    static const char *const suf[] = {"m", "bn", "b", "k", "th", "st", "nd",
                                      "rd", "s", "mn", "tn", "km", "kg",
                                      "pm", "am", NULL};
    for (const char *const *s = suf; *s; s++) {
      size_t sl = strlen(*s);
      if (sl == k - j && !strncasecmp(t + j, *s, sl)) return k - i;
    }
  }
  return j - i;
}

/* Top-level domains that make "name.tld" a domain name rather than two
 * words around a full stop with the space missing. */
static const char *const tlds[] = {
    "com", "org", "net", "gov", "edu", "int", "mil", "info", "io", "news",
    "uk", "us", "qa", "il", "ps", "eg", "fr", "de", "ru", "cn", "in", "tv",
    "ly", "sy", "lb", "iq", "ir", "tr", "ae", "sa", "jo", "ua", "eu", NULL};

static int is_tld(const char *s, size_t n) {
  for (const char *const *d = tlds; *d; d++)
    if (strlen(*d) == n && !strncasecmp(s, *d, n)) return 1;
  return 0;
}

/* Characters that may appear inside a URL, e-mail or domain (ASCII). */
static int url_char(unsigned char c) {
  return isalnum(c) || (c && strchr("-._~:/?#[]@!$&*+;=%", c) != NULL);
}

/* Length of a web address, e-mail or domain name starting at i, or 0.
 *   scheme://...  www....  user@host.tld  name.tld (a known TLD)
 * Trailing punctuation (a full stop, comma, closing bracket) is left for
 * the sentence splitter. */
static size_t url_len(const char *t, size_t i, size_t n, size_t run_end) {
  size_t j = i, at = 0, dots = 0, last_dot = 0;
  /* quick reject: an address needs '.', '@' or ':' right after its first
   * run of letters and digits (run_end: the caller scanned it; or '-'/'_'
   * inside a domain); ordinary words end in a space or punctuation */
  {
    size_t k = run_end;
    if (k >= n) return 0;
    char ck = t[k];
    if (ck != '.' && ck != '@' && ck != ':' && ck != '-' && ck != '_')
      return 0;
    if (t[k] == '.' && (k + 1 >= n || !isalnum((unsigned char)t[k + 1])))
      return 0; /* a full stop, not a dot inside a name */
  }
  while (j < n && j - i < 8 && isalnum((unsigned char)t[j])) j++;
  int scheme = j + 2 < n && t[j] == ':' && t[j + 1] == '/' &&
               t[j + 2] == '/' &&
               ((j - i == 4 && !strncasecmp(t + i, "http", 4)) ||
                (j - i == 5 && !strncasecmp(t + i, "https", 5)) ||
                (j - i == 3 && !strncasecmp(t + i, "ftp", 3)));
  int www = j - i == 3 && !strncasecmp(t + i, "www", 3) && j < n &&
            t[j] == '.';
  j = i;
  for (; j < n; j++) {
    unsigned char c = (unsigned char)t[j];
    /* a full address takes URL punctuation; a bare domain or e-mail only
     * letters, digits and . @ - _ */
    if (scheme || www ? !url_char(c)
                      : !(isalnum(c) || c == '.' || c == '@' || c == '-' ||
                          c == '_'))
      break;
    if (c == '@') at = j;
    if (c == '.') {
      dots++;
      last_dot = j;
    }
    if (j - i >= PL_MAX_TOKEN_BYTES) break;
  }
  /* leave sentence punctuation and closing brackets outside */
  while (j > i && t[j - 1] && strchr(".,;:!?)]'", t[j - 1])) j--;
  if (scheme || www) return j - i > 8 ? j - i : 0;
  if (last_dot >= j) { /* the stripped full stop was the last dot */
    last_dot = j;
    while (last_dot > i && t[last_dot - 1] != '.') last_dot--;
    if (last_dot == i) return 0;
    last_dot--;
  }
  if (!dots) return 0;
  size_t tl = 0; /* length of the last label */
  while (last_dot + 1 + tl < j && isalpha((unsigned char)t[last_dot + 1 + tl]))
    tl++;
  if (last_dot + 1 + tl != j || tl < 2) return 0;
  if (at) return at > i && at + 1 < last_dot ? j - i : 0;
  /* a bare domain: the first label is not a single letter (U.S.) and the
   * last label is a known top-level domain */
  size_t first = 0;
  while (isalnum((unsigned char)t[i + first])) first++;
  return first >= 2 && is_tld(t + last_dot + 1, tl) ? j - i : 0;
}

parley_rc pl_token_run(parley_doc *doc) {
  init_cls();
  const char *t = doc->text;
  size_t n = doc->text_len, i = 0;
  unsigned space = PL_TF_SPACE; /* start of text counts as after space */
  unsigned nl = 0; /* line breaks since the last token (PL_TF_NL/BLANK) */
  formbuf fb = {NULL, 0};
  /* one allocation for the token array: news prose has about one token
   * per 5-6 bytes, so n/4 rarely grows (growing copied the whole array
   * each doubling: 1% of coding); capped so a huge article does not
   * reserve more than a few MB up front */
  if (!doc->toks.cap) {
    size_t est = n / 4 + 16;
    if (est > 65536) est = 65536;
    doc->toks.v = pl_alloc(&doc->arena, est * sizeof(pl_token));
    if (doc->toks.v) doc->toks.cap = (uint32_t)est;
  }
  while (i < n) {
    unsigned char c = (unsigned char)t[i];
    unsigned k = cls[c];
    if (c >= 0x80 && !is_alpha_at(t, i, n)) k = C_PU; /* symbol, emoji */
    if (k == C_SP || k == C_NL) {
      space = PL_TF_SPACE;
      nl += k == C_NL;
      i++;
      continue;
    }
    size_t start = i, len = 0;
    /* scanning stops a little past the token cap, so a pathological run
     * of letters costs linear time (it is cut into pieces below) */
    size_t m = n - i > PL_MAX_TOKEN_BYTES + 16 ? i + PL_MAX_TOKEN_BYTES + 16
                                               : n;
    unsigned fl = space | (nl ? PL_TF_NL : 0) | (nl >= 2 ? PL_TF_BLANK : 0);
    space = 0;
    nl = 0;
    size_t run_end = i; /* end of the ASCII letter/digit run at i */
    prerun pre;
    if (k == C_AL) {
      /* One pass over the run: find its end and lower-case, count and
       * hash it into the form space on the way (make_forms takes that
       * when the token is the run, as most words are). */
      char *dst = form_peek(doc, &fb, 2 * (m - i) + 2);
      if (!dst) return PARLEY_ENOMEM;
      uint64_t acc = 0;
      uint32_t hl = PL_FNV32_BASIS;
      size_t q = i;
      /* two bytes a step while both are below m (the bound test was a
       * third of a one-byte step), then the last one */
      for (; q + 2 <= m; q += 2) {
        uint64_t v = scan_pack[(unsigned char)t[q]];
        if (!v) goto run_done; /* not an ASCII letter or digit */
        acc += v;
        dst[q - i] = (char)v;
        hl = (hl ^ (unsigned char)v) * PL_FNV32_PRIME;
        v = scan_pack[(unsigned char)t[q + 1]];
        if (!v) {
          q++;
          goto run_done;
        }
        acc += v;
        dst[q + 1 - i] = (char)v;
        hl = (hl ^ (unsigned char)v) * PL_FNV32_PRIME;
      }
      if (q < m) {
        uint64_t v = scan_pack[(unsigned char)t[q]];
        if (v) {
          acc += v;
          dst[q - i] = (char)v;
          hl = (hl ^ (unsigned char)v) * PL_FNV32_PRIME;
          q++;
        }
      }
    run_done:
      run_end = q;
      pre.v0 = scan_pack[(unsigned char)t[i]];
      pre.dst = dst;
      pre.acc = acc;
      pre.hl = hl;
      /* A plain word (most tokens): the run ends at a space or at
       * punctuation none of the rules below looks at (no address, clitic,
       * inner apostrophe or abbreviation can follow), and needs no cut:
       * every check below would make it exactly this word. */
      if (q < m && word_end_tab[(unsigned char)t[q]] &&
          q - i <= PL_MAX_TOKEN_BYTES) {
        if (!emit(doc, &fb, i, q - i, fl | PL_TF_WORD, &pre))
          return PARLEY_ENOMEM;
        i = q;
        if (t[i] == ' ') { /* the usual single space after a word */
          space = PL_TF_SPACE;
          i++;
        }
        continue;
      }
    }
    size_t ul = k == C_AL ? url_len(t, i, m, run_end) : 0;
    if (k == C_DG) {
      len = number_len(t, i, m);
      /* a digit run glued to letters (e.g. "F16", "G20") is a word */
      if (is_alpha_at(t, i + len, m)) {
        size_t j = i + len;
        j = skip_alnum(t, j, m);
        len = j - i;
        fl |= PL_TF_WORD;
      } else {
        fl |= PL_TF_NUM;
      }
    } else if (k == C_AL && i + 2 < m && t[i] == 'n' && t[i + 1] == '\'' &&
               (t[i + 2] == 't' || t[i + 2] == 'T') && !is_alnum_at(t, i + 3, m) &&
               i > 0 && is_alpha_at(t, i - 1, m)) {
      len = 3; /* the n't of "didn't" */
      fl |= PL_TF_WORD;
    } else if (ul) {
      len = ul;
      fl |= PL_TF_WORD | PL_TF_URL;
    } else if (k == C_AL) {
      size_t j = run_end; /* [i, run_end) is ASCII letters/digits */
      for (;;) {
        j = skip_alnum_fast(t, j, m);
        /* inner apostrophe: O'Brien, but not 's / n't / 're etc. */
        if (j + 1 < m && t[j] == '\'' && is_alpha_at(t, j + 1, m)) {
          size_t e = j + 1;
          e = skip_alpha(t, e, m);
          size_t sl = e - j - 1;
          const char *sx = t + j + 1;
          int clitic = (sl == 1 && tolower((unsigned char)*sx) == 't' &&
                        tolower((unsigned char)t[j - 1]) == 'n') ||
                       (sl == 1 && (tolower((unsigned char)*sx) == 's' ||
                                    tolower((unsigned char)*sx) == 'd' ||
                                    tolower((unsigned char)*sx) == 'm')) ||
                       (sl == 2 && (!strncasecmp(sx, "re", 2) ||
                                    !strncasecmp(sx, "ve", 2) ||
                                    !strncasecmp(sx, "ll", 2)));
          if (!clitic) { j = e; continue; }
        }
        break;
      }
      /* "didn't": split n't */
      if (j - i > 2 && t[j] == '\'' && j + 1 < m &&
          tolower((unsigned char)t[j + 1]) == 't' &&
          tolower((unsigned char)t[j - 1]) == 'n' && !is_alnum_at(t, j + 2, m))
        j--;
      len = j - i;
      fl |= PL_TF_WORD;
      /* abbreviations: U.S. / U.N. / W. / Gen. */
      if (j < m && t[j] == '.') {
        size_t e = j;
        /* dotted initialism: single letters each followed by '.' */
        if (len == 1) {
          while (e + 2 < m && is_alpha_at(t, e + 1, m) && t[e + 2] == '.')
            e += 2;
          if (e > j || isupper((unsigned char)t[i])) {
            len = e + 1 - i;
            fl |= PL_TF_ABBR;
          }
        } else if (len <= 3 && dotted_tail(t, j, m) > j) {
          len = dotted_tail(t, j, m) + 1 - i; /* Ph.D. M.Sc. */
          fl |= PL_TF_ABBR;
        } else if (is_abbrev(t + i, len)) {
          len++;
          fl |= PL_TF_ABBR;
        }
      }
    } else if (k == C_AP) {
      /* 's / 're / n't clitics and possessive apostrophe */
      size_t e = i + 1;
      e = skip_alpha(t, e, m);
      size_t sl = e - i - 1;
      int after_word = start > 0 && !(fl & PL_TF_SPACE) &&
                       is_alnum_at(t, start - 1, m);
      if (after_word && sl == 1 && tolower((unsigned char)t[i + 1]) == 's') {
        len = 2;
        fl |= PL_TF_POSS;
      } else if (after_word &&
                 ((sl == 1 && strchr("dmDM", t[i + 1])) ||
                  (sl == 2 && (!strncasecmp(t + i + 1, "re", 2) ||
                               !strncasecmp(t + i + 1, "ve", 2) ||
                               !strncasecmp(t + i + 1, "ll", 2))))) {
        len = 1 + sl;
        fl |= PL_TF_WORD;
      } else if (after_word && sl == 0 &&
                 tolower((unsigned char)t[i - 1]) == 's') {
        len = 1; /* Hamas' position */
        fl |= PL_TF_POSS;
      } else {
        len = 1;
        fl |= PL_TF_PUNCT | PL_TF_QUOTE;
      }
    } else if (k == C_HY) {
      len = (i + 1 < n && t[i + 1] == '-') ? 2 : 1;
      while (len == 2 && i + len < n && t[i + len] == '-' && len < 8) len++;
      fl |= PL_TF_PUNCT;
    } else if (k == C_DOT) {
      len = 1;
      while (i + len < n && t[i + len] == '.' && len < 8) len++;
      fl |= PL_TF_PUNCT;
    } else if (k == C_QU) {
      len = 1;
      fl |= PL_TF_PUNCT | PL_TF_QUOTE;
    } else {
      /* one punctuation mark or symbol: a whole code point */
      uint32_t cp;
      len = c < 0x80 ? 1
                     : pl_utf8_decode((const unsigned char *)t + i, n - i,
                                      &cp, NULL);
      fl |= PL_TF_PUNCT;
    }
    if (len == 0) len = 1;
    if (len > PL_MAX_TOKEN_BYTES) {
      len = PL_MAX_TOKEN_BYTES;
      while (len > 1 && ((unsigned char)t[i + len] & 0xC0) == 0x80) len--;
    }
    if (!emit(doc, &fb, start, len, fl,
              k == C_AL && len == run_end - start ? &pre : NULL))
      return PARLEY_ENOMEM;
    i = start + len;
  }
  return PARLEY_OK;
}
