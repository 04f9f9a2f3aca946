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

int pl_buf_json_str(pl_buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  if (reserve(b, n + 2)) return -1;
  b->p[b->len++] = '"';
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      size_t j = i + 1;
      while (j < n) {
        unsigned char d = (unsigned char)s[j];
        if (d < 0x20 || d == '"' || d == '\\' || d >= 0x80) break;
        j++;
      }
      if (pl_buf_add(b, s + i, j - i)) return -1;
      i = j;
      continue;
    }
    if (c >= 0x80) {
      uint32_t cp;
      int bad = 0;
      size_t k = pl_utf8_decode((const unsigned char *)s + i, n - i, &cp, &bad);
      if (bad) {
        if (pl_buf_add(b, "\xEF\xBF\xBD", 3)) return -1;
      } else if (pl_buf_add(b, s + i, k)) {
        return -1;
      }
      i += k;
      continue;
    }
    char e[7] = {'\\', 0, 0, 0, 0, 0, 0};
    size_t el = 2;
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
    if (pl_buf_add(b, e, el)) return -1;
    i++;
  }
  return pl_buf_addc(b, '"');
}
