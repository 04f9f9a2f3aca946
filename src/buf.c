/*
 * buf.c - growable byte buffer with a size cap (used for output text).
 *
 * Once an append fails (out of memory or over the cap) the buffer is
 * "failed" and ignores further appends; the caller checks once at the end.
 */
#include "internal.h"
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#if defined(__SSE2__)
#include <emmintrin.h> /* x86-64 always has SSE2 */
#endif

void pl_buf_init(pl_buf *b, size_t max) {
  memset(b, 0, sizeof *b);
  b->max = max;
}

void pl_buf_free(pl_buf *b) {
  free(b->p);
  pl_buf_init(b, b->max);
}

void pl_buf_clear(pl_buf *b) {
  b->len = 0;
  b->failed = 0;
  if (b->p) b->p[0] = 0;
}

static int reserve(pl_buf *b, size_t extra) {
  if (b->failed) return -1;
  if (extra > SIZE_MAX - b->len - 1) { b->failed = 1; return -1; }
  size_t need = b->len + extra + 1;
  if (b->max && need > b->max + 1) { b->failed = 1; return -1; }
  if (need <= b->cap) return 0;
  size_t nc = b->cap ? b->cap : 256;
  while (nc < need) nc *= 2;
  char *np = realloc(b->p, nc);
  if (!np) { b->failed = 1; return -1; }
  b->p = np;
  b->cap = nc;
  return 0;
}

int pl_buf_add(pl_buf *b, const char *s, size_t n) {
  if (reserve(b, n)) return -1;
  if (n) memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = 0;
  return 0;
}

int pl_buf_adds(pl_buf *b, const char *s) { return pl_buf_add(b, s, strlen(s)); }

int pl_buf_addc(pl_buf *b, char c) { return pl_buf_add(b, &c, 1); }

int pl_buf_addf(pl_buf *b, const char *fmt, ...) {
  char tmp[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0) { b->failed = 1; return -1; }
  if ((size_t)n < sizeof tmp) return pl_buf_add(b, tmp, (size_t)n);
  if (reserve(b, (size_t)n)) return -1;
  va_start(ap, fmt);
  vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
  return 0;
}

char *pl_buf_room(pl_buf *b, size_t n) {
  if (reserve(b, n)) return NULL;
  return b->p + b->len;
}

/* Decimal digits without printf (per-record numbers: spans, sentence
 * numbers): the bytes are those of "%u" / "%d". */
int pl_buf_addu(pl_buf *b, uint64_t v) {
  char t[20];
  int i = 20;
  do {
    t[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  return pl_buf_add(b, t + i, (size_t)(20 - i));
}

int pl_buf_addi(pl_buf *b, int64_t v) {
  if (v >= 0) return pl_buf_addu(b, (uint64_t)v);
  if (pl_buf_addc(b, '-')) return -1;
  return pl_buf_addu(b, (uint64_t)0 - (uint64_t)v);
}

/* v as printf's "%.<d>f" writes it (d = 0..4), without printf: the
 * exact binary value v = m * 2^e is scaled by 10^d = 5^d * 2^d in
 * integers and rounded half to even, as glibc rounds (by default) on the
 * exact value; the sign of a negative value that rounds to zero stays
 * ("-0.0").  Values of 1e15 and over, infinities and NaN go to snprintf. */
int pl_buf_addfix(pl_buf *b, double v, int d) {
  static const uint64_t p10[] = {1, 10, 100, 1000, 10000};
  static const uint64_t p5[] = {1, 5, 25, 125, 625};
  if (!(v > -1e15 && v < 1e15) || d < 0 || d > 4) {
    char tmp[400];
    int n = snprintf(tmp, sizeof tmp, "%.*f", d, v);
    if (n < 0 || (size_t)n >= sizeof tmp) { b->failed = 1; return -1; }
    return pl_buf_add(b, tmp, (size_t)n);
  }
  uint64_t bits;
  memcpy(&bits, &v, sizeof bits);
  int neg = (int)(bits >> 63), bexp = (int)((bits >> 52) & 0x7FF);
  uint64_t m = bits & ((UINT64_C(1) << 52) - 1);
  int e = -1074; /* subnormal */
  if (bexp) {
    m |= UINT64_C(1) << 52;
    e = bexp - 1075;
  }
  uint64_t x = m * p5[d]; /* < 2^53 * 625 < 2^63 */
  int sh = e + d;
  uint64_t q;
  if (sh >= 0) {
    q = x << sh; /* exact: |v| * 10^d < 1e19 < 2^64 */
  } else if (-sh >= 64) {
    q = 0; /* x / 2^64 < 1/2 */
  } else {
    int s = -sh;
    uint64_t rem = x & ((UINT64_C(1) << s) - 1), half = UINT64_C(1) << (s - 1);
    q = x >> s;
    if (rem > half || (rem == half && (q & 1))) q++;
  }
  char t[32];
  int i = 32;
  uint64_t ip = q / p10[d], fp = q % p10[d];
  for (int k = 0; k < d; k++) {
    t[--i] = (char)('0' + fp % 10);
    fp /= 10;
  }
  if (d) t[--i] = '.';
  do {
    t[--i] = (char)('0' + ip % 10);
    ip /= 10;
  } while (ip);
  if (neg) t[--i] = '-';
  return pl_buf_add(b, t + i, (size_t)(32 - i));
}

/* v as "%.15g" writes it.  Whole numbers below 1e15 (what counts are)
 * are plain digits there; others go to snprintf. */
int pl_buf_addg15(pl_buf *b, double v) {
  if (v > -1e15 && v < 1e15 && v == (double)(int64_t)v &&
      !(v == 0 && signbit(v)))
    return pl_buf_addi(b, (int64_t)v);
  char tmp[64];
  int n = snprintf(tmp, sizeof tmp, "%.15g", v);
  if (n < 0 || (size_t)n >= sizeof tmp) { b->failed = 1; return -1; }
  return pl_buf_add(b, tmp, (size_t)n);
}

/* Bytes a JSON string literal can carry as they are: printable ASCII
 * except the quote and the backslash.  Bytes >= 0x80 are checked as
 * UTF-8 sequences; control bytes are escaped. */
static const unsigned char json_plain[256] = {
#define R16(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
    R16(0), R16(0),                               /* 0x00-0x1F */
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x20-0x2F: '"' */
    R16(1), R16(1),                               /* 0x30-0x4F */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, /* 0x50-0x5F: '\\' */
    R16(1), R16(1),                               /* 0x60-0x7F */
    R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), R16(0)
#undef R16
};


#if defined(__SSE2__)
/* Bit i set when byte p[i] of the sixteen needs a closer look: a control
 * byte, '"', '\\', or >= 0x80 (as signed bytes those are < 0x20 too). */
static inline unsigned json_special16(const unsigned char *p) {
  const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
  return (unsigned)_mm_movemask_epi8(_mm_or_si128(
      _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                   _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')))));
}
#endif

/* Length of the prefix of u[0, n) that a JSON string carries as it is:
 * plain ASCII (eight bytes at a time) and valid UTF-8 sequences. */
static inline size_t json_plain_len(const unsigned char *u, size_t n) {
  size_t i = 0;
  for (;;) {
    uint64_t w;
#if defined(__SSE2__) && defined(__GNUC__)
    while (i + 16 <= n) {
      unsigned m = json_special16(u + i);
      if (m) {
        i += (size_t)__builtin_ctz(m); /* straight to the byte */
        break;
      }
      i += 16;
    }
#endif
    while (i + 8 <= n) {
      memcpy(&w, u + i, 8);
      if (pl_json_word_special(w)) break;
      i += 8;
    }
    /* the last 1..7 bytes: one more word, overlapping checked bytes */
    if (i < n && n - i < 8 && n >= 8) {
      memcpy(&w, u + n - 8, 8);
      if (!pl_json_word_special(w)) return n;
    }
    while (i < n && json_plain[u[i]]) i++;
    if (i >= n || u[i] < 0x80) return i;
    uint32_t cp;
    int bad = 0;
    size_t k = pl_utf8_decode(u + i, n - i, &cp, &bad);
    if (bad) return i;
    i += k;
  }
}

/* pl_json_word_special for four bytes. */
static inline int json_word4_special(uint32_t w) {
  const uint32_t ones = 0x01010101u, high = 0x80808080u;
  uint32_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\');
  uint32_t t = ((w - ones * 0x20) & ~w) | ((q - ones) & ~q) |
               ((bs - ones) & ~bs) | w;
  return (t & high) != 0;
}

int pl_buf_json_str(pl_buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  /* the output is at least n + 2 bytes: reserve it once (the check
   * inline: most strings are short and the room is already there) */
  if ((b->failed || b->max || b->cap - b->len < n + 3) && reserve(b, n + 2))
    return -1;
  const unsigned char *u = (const unsigned char *)s;
  char *o = b->p + b->len + 1; /* where s[0] goes */
  o[-1] = '"';
  /* One pass for the usual string, nothing to escape: each word is
   * checked and stored as it is (the last one overlapping bytes already
   * stored); short strings byte by byte.  At the first word or byte that
   * needs a closer look, [0, i) is already in place. */
  size_t i = 0;
#if defined(__SSE2__)
  /* sentence and quote texts: sixteen bytes per step */
  if (n >= 16) {
    for (; i + 16 <= n; i += 16) {
      if (json_special16(u + i)) goto slow;
      _mm_storeu_si128((__m128i *)(void *)(o + i),
                       _mm_loadu_si128((const __m128i *)(const void *)(u + i)));
    }
    if (i < n) {
      if (json_special16(u + n - 16)) goto slow;
      _mm_storeu_si128(
          (__m128i *)(void *)(o + n - 16),
          _mm_loadu_si128((const __m128i *)(const void *)(u + n - 16)));
    }
    goto done;
  }
#endif
  if (n >= 8) {
    uint64_t w;
    for (; i + 8 <= n; i += 8) {
      memcpy(&w, u + i, 8);
      if (pl_json_word_special(w)) goto slow;
      memcpy(o + i, &w, 8);
    }
    if (i < n) {
      memcpy(&w, u + n - 8, 8);
      if (pl_json_word_special(w)) goto slow;
      memcpy(o + n - 8, &w, 8);
    }
  } else if (n >= 4) { /* two 4-byte words, overlapping when n < 8 */
    uint32_t w0, w1;
    memcpy(&w0, u, 4);
    memcpy(&w1, u + n - 4, 4);
    if (json_word4_special(w0) || json_word4_special(w1)) goto slow;
    memcpy(o, &w0, 4);
    memcpy(o + n - 4, &w1, 4);
  } else {
    for (; i < n; i++) {
      if (!json_plain[u[i]]) goto slow;
      o[i] = (char)u[i];
    }
  }
#if defined(__SSE2__)
done:
#endif
  o[n] = '"';
  b->len += n + 2;
  b->p[b->len] = 0;
  return 0;
slow:
  b->len += 1 + i;
  size_t run = i; /* [run, i) is plain text not yet copied */
  i += json_plain_len(u + i, n - i);
  while (i < n) {
    unsigned char c = u[i];
    if (i > run && pl_buf_add(b, s + run, i - run)) return -1;
    char e[7] = {'\\', 0, 0, 0, 0, 0, 0};
    size_t el = 2;
    if (c >= 0x80) { /* an invalid UTF-8 byte */
      memcpy(e, "\xEF\xBF\xBD", 3);
      el = 3;
    } else {
      switch (c) {
      case '"': e[1] = '"'; break;
      case '\\': e[1] = '\\'; break;
      case '\n': e[1] = 'n'; break;
      case '\r': e[1] = 'r'; break;
      case '\t': e[1] = 't'; break;
      case '\b': e[1] = 'b'; break;
      case '\f': e[1] = 'f'; break;
      default:
        e[1] = 'u'; e[2] = '0'; e[3] = '0';
        e[4] = hex[c >> 4]; e[5] = hex[c & 15];
        el = 6;
      }
    }
    if (pl_buf_add(b, e, el)) return -1;
    run = ++i;
    i += json_plain_len(u + i, n - i);
  }
  if (n > run && pl_buf_add(b, s + run, n - run)) return -1;
  return pl_buf_addc(b, '"');
}
