/*
 * normalize.c - stage 1: clean text with a map back to original offsets.
 *
 * Input:  doc->orig (any bytes).  Output: doc->text (valid UTF-8, NFC),
 * doc->omap (normalised byte -> original byte), doc->bad_utf8.
 * What changes: invalid UTF-8 -> U+FFFD (counted); curly quotes ->
 * straight ' and " (and TeX-style `` and '' -> "); en dash / hyphen variants -> '-'; em dash and bar ->
 * "--"; ellipsis -> "..."; non-breaking and other Unicode spaces, tabs and
 * control characters -> ' '; CR LF, CR, U+0085 and U+2028 -> '\n', U+2029
 * -> a blank line; zero-width characters, BOM and soft hyphens are
 * dropped; everything else is NFC-composed (a letter with combining marks
 * after it becomes one code point when Unicode has one).
 * Invariants: the output is never longer than 3x the input (no
 * replacement is longer than its source; NFC grows a code point at most
 * 3x, and the writer stops at the buffer end).  omap is non-decreasing;
 * every output byte maps to the first original byte of the character or
 * segment it came from, so orig[omap[a] .. omap[b]) is the original text
 * of the normalised span [a, b) (dropped characters right before b
 * included).
 */
#include "internal.h"
#include <utf8proc.h>

typedef struct {
  char *t;         /* output text */
  uint32_t *map;   /* output byte -> original byte */
  size_t n;        /* bytes written */
} out_t;

static void put(out_t *o, const char *s, size_t n, uint32_t orig) {
  for (size_t i = 0; i < n; i++) {
    o->t[o->n] = s[i];
    o->map[o->n] = orig;
    o->n++;
  }
}

/* Replacement for a code point, or NULL when it is kept as is.  *drop is
 * set when the code point disappears. */
static const char *replace(uint32_t cp, int *drop) {
  *drop = 0;
  switch (cp) {
  case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
  case 0x02BC: case 0x0060: case 0x00B4:
    return "'";
  case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB:
  case 0x00BB: case 0x2033:
    return "\"";
  case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
    return "-";
  case 0x2014: case 0x2015:
    return "--";
  case 0x2026:
    return "...";
  case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
    return " ";
  case 0x0085: case 0x2028: /* next line, line separator */
    return "\n";
  case 0x2029: /* paragraph separator: a blank line */
    return "\n\n";
  case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
  case 0x00AD:
    *drop = 1;
    return "";
  }
  if (cp >= 0x2000 && cp <= 0x200A) return " ";
  if (cp >= 0x80 && cp <= 0x9F) return " "; /* C1 controls */
  return NULL;
}

/* Whether cp belongs to the segment of the starter before it: combining
 * marks (any non-zero combining class, or a Mark category such as Indic
 * vowel signs) and Hangul medial/final jamo, which compose with what
 * precedes them. */
static int joins_segment(uint32_t cp) {
  if (cp < 0x300) return 0;
  const utf8proc_property_t *pr = utf8proc_get_property((utf8proc_int32_t)cp);
  if (pr->combining_class) return 1;
  if (pr->category == UTF8PROC_CATEGORY_MN ||
      pr->category == UTF8PROC_CATEGORY_MC ||
      pr->category == UTF8PROC_CATEGORY_ME)
    return 1;
  return (cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2);
}

/* A byte the ASCII run copy takes unchanged: printable ASCII other than
 * ' and ` (doubled, they become a double quote). */
static const unsigned char plain_tab[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
    /* 0x80..0xFF: 0 */
};
static int plain_byte(unsigned char c) { return plain_tab[c]; }

/* 1 when one of the 8 bytes of w is not plain_tab-plain: < 0x20, >= 0x7F,
 * ' or ` (the "has a byte less than / more than / equal to" bit tricks,
 * exact for "any": a borrow or carry across bytes only starts at a byte
 * that is itself reported). */
static inline int word_not_plain(uint64_t w) {
  const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
  uint64_t ap = w ^ (ones * '\''), bq = w ^ (ones * '`');
  uint64_t t = ((w - ones * 0x20) & ~w) | ((w + ones) | w) |
               ((ap - ones) & ~ap) | ((bq - ones) & ~bq);
  return (t & high) != 0;
}

/* Identity map entries m[0..len) = base, base+1, ...: four lanes per
 * store (the per-byte loop was a third of the stage). */
typedef uint32_t u32x4 __attribute__((vector_size(16)));
static inline void map_identity(uint32_t *m, size_t len, uint32_t base) {
  size_t k = 0;
  if (len >= 4) {
    u32x4 v = {base, base + 1, base + 2, base + 3};
    const u32x4 four = {4, 4, 4, 4};
    for (; k + 4 <= len; k += 4) {
      memcpy(m + k, &v, sizeof v);
      v += four;
    }
  }
  for (; k < len; k++) m[k] = base + (uint32_t)k;
}

parley_rc pl_normalize_run(parley_doc *doc) {
  const unsigned char *s = (const unsigned char *)doc->orig;
  size_t n = doc->orig_len;
  out_t o;
  o.t = pl_alloc(&doc->arena, 3 * n + 1);
  o.map = pl_alloc(&doc->arena, (3 * n + 1) * sizeof(uint32_t));
  o.n = 0;
  if (!o.t || !o.map) return PARLEY_ENOMEM;
  size_t i = 0;
  while (i < n) {
    /* Plain ASCII run (printable, not a quote that may double up): copied
     * as is with an identity map.  Its last byte stays for the per-byte
     * path when a non-ASCII byte follows (it may compose with a mark).
     * Eight bytes at a time while they are all plain, then bytewise. */
    if (plain_byte(s[i])) {
      size_t j = i + 1;
      while (j + 8 <= n) {
        uint64_t w;
        memcpy(&w, s + j, 8);
        if (word_not_plain(w)) break;
        j += 8;
      }
      while (j < n && plain_byte(s[j])) j++;
      if (j < n && s[j] >= 0x80) j--;
      if (j > i) {
        memcpy(o.t + o.n, s + i, j - i);
        map_identity(o.map + o.n, j - i, (uint32_t)i);
        o.n += j - i;
        i = j;
        continue;
      }
    }
    unsigned char c = s[i];
    /* ASCII fast path, unless a non-ASCII byte follows: then a letter
     * may compose with a combining mark (e + U+0301 -> U+00E9) */
    if (c < 0x80 && (c < 0x20 || c == 0x7F || i + 1 >= n || s[i + 1] < 0x80)) {
      if (c == '\r') {
        put(&o, "\n", 1, (uint32_t)i);
        i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
        continue;
      }
      /* TeX/Treebank-style quotes `` and '' are double quotes */
      if ((c == '`' || c == '\'') && i + 1 < n && s[i + 1] == c) {
        put(&o, "\"", 1, (uint32_t)i);
        i += 2;
        continue;
      }
      if (c < 0x20 && c != '\n') c = ' ';
      if (c == 0x7F) c = ' ';
      o.t[o.n] = (char)c;
      o.map[o.n++] = (uint32_t)i;
      i++;
      continue;
    }
    uint32_t cp;
    int bad = 0;
    size_t k = pl_utf8_decode(s + i, n - i, &cp, &bad);
    if (bad) doc->bad_utf8++;
    int drop;
    const char *r = bad ? NULL : replace(cp, &drop);
    if (r) {
      put(&o, r, strlen(r), (uint32_t)i);
      i += k;
      continue;
    }
    /* A segment: this starter and the combining marks after it. */
    utf8proc_int32_t seg[32];
    size_t nseg = 0, j = i + k;
    seg[nseg++] = (utf8proc_int32_t)cp;
    int simple = 1;
    while (j < n && nseg < 31) {
      uint32_t cp2;
      int bad2 = 0;
      size_t k2 = pl_utf8_decode(s + j, n - j, &cp2, &bad2);
      if (bad2) break;
      if (!joins_segment(cp2)) break;
      seg[nseg++] = (utf8proc_int32_t)cp2;
      j += k2;
      simple = 0;
    }
    if (simple && !bad) {
      const utf8proc_property_t *pr = utf8proc_get_property((utf8proc_int32_t)cp);
      if (pr->decomp_type == 0 && pr->decomp_seqindex == UINT16_MAX) {
        put(&o, (const char *)s + i, k, (uint32_t)i);
        i += k;
        continue;
      }
    }
    if (bad) {
      put(&o, "\xEF\xBF\xBD", 3, (uint32_t)i);
      i += k;
      continue;
    }
    /* Full NFC on the segment: decompose into a stack buffer, compose. */
    utf8proc_int32_t dec[128];
    utf8proc_ssize_t nd = 0;
    for (size_t q = 0; q < nseg; q++) {
      int last = 0;
      utf8proc_ssize_t r2 = utf8proc_decompose_char(
          seg[q], dec + nd, (utf8proc_ssize_t)(128 - nd),
          UTF8PROC_STABLE | UTF8PROC_DECOMPOSE, &last);
      if (r2 < 0 || nd + r2 > 128) { nd = -1; break; }
      nd += r2;
    }
    if (nd > 0) {
      nd = utf8proc_normalize_utf32(dec, nd, UTF8PROC_STABLE |
                                                 UTF8PROC_COMPOSE);
    }
    if (nd <= 0) { /* could not normalise: copy as is */
      put(&o, (const char *)s + i, j - i, (uint32_t)i);
    } else {
      for (utf8proc_ssize_t q = 0; q < nd; q++) {
        char enc[4];
        size_t el = pl_utf8_encode((uint32_t)dec[q], enc);
        if (o.n + el > 3 * n) break;
        put(&o, enc, el, (uint32_t)i);
      }
    }
    i = j;
  }
  o.t[o.n] = 0;
  o.map[o.n] = (uint32_t)n;
  doc->text = o.t;
  doc->text_len = o.n;
  doc->omap = o.map;
  return PARLEY_OK;
}
