/*
 * buf.c - growable byte buffer with a size cap (used for output text).
 *
 * Once an append fails (out of memory or over the cap) the buffer is
 * "failed" and ignores further appends; the caller checks once at the end.
 */
#include "internal.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

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

/* 1 when one of the 8 bytes of w needs attention: >= 0x80, < 0x20, '"' or
 * '\\' (the classic "has a zero byte" bit trick; exact for "any"). */
static inline int word_special(uint64_t w) {
  const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
  uint64_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\');
  uint64_t t = ((w - ones * 0x20) & ~w) | ((q - ones) & ~q) |
               ((bs - ones) & ~bs) | w;
  return (t & high) != 0;
}

int pl_buf_json_str(pl_buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  /* the output is at least n + 2 bytes: reserve it once; escapes and
   * replacement characters grow the buffer as they come */
  if (reserve(b, n + 2)) return -1;
  b->p[b->len++] = '"';
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0, run = 0; /* [run, i) is plain text not yet copied */
  while (i < n) {
    /* plain ASCII eight bytes at a time, then byte by byte */
    while (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, u + i, 8);
      if (word_special(w)) break;
      i += 8;
    }
    while (i < n && json_plain[u[i]]) i++;
    if (i >= n) break;
    unsigned char c = u[i];
    int bad = 0;
    if (c >= 0x80) {
      uint32_t cp;
      size_t k = pl_utf8_decode(u + i, n - i, &cp, &bad);
      if (!bad) { /* valid UTF-8 stays in the run */
        i += k;
        continue;
      }
    }
    if (i > run && pl_buf_add(b, s + run, i - run)) return -1;
    char e[7] = {'\\', 0, 0, 0, 0, 0, 0};
    size_t el = 2;
    if (bad) {
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
  }
  if (n > run && pl_buf_add(b, s + run, n - run)) return -1;
  return pl_buf_addc(b, '"');
}
