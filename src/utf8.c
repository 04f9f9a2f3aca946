/*
 * utf8.c - strict UTF-8 decoding (RFC 3629): overlong forms, surrogates
 * and code points above U+10FFFF are invalid.  An invalid byte decodes as
 * U+FFFD with length 1, so decoding always makes progress.
 */
#include "internal.h"

size_t pl_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp,
                      int *bad) {
  unsigned c = s[0];
  if (c < 0x80) { *cp = c; return 1; }
  size_t len;
  uint32_t v, min;
  if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1F; min = 0x80; }
  else if (c >= 0xE0 && c <= 0xEF) { len = 3; v = c & 0x0F; min = 0x800; }
  else if (c >= 0xF0 && c <= 0xF4) { len = 4; v = c & 0x07; min = 0x10000; }
  else goto invalid;
  if (n < len) goto invalid;
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) goto invalid;
    v = (v << 6) | (s[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) goto invalid;
  *cp = v;
  return len;
invalid:
  *cp = 0xFFFD;
  if (bad) *bad = 1;
  return 1;
}

size_t pl_utf8_encode(uint32_t cp, char out[4]) {
  if (cp < 0x80) { out[0] = (char)cp; return 1; }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

int pl_utf8_valid(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    /* ASCII fast path: eight bytes at a time while no high bit is set */
    while (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    if (!((unsigned char)s[i] & 0x80)) {
      i++;
      continue;
    }
    uint32_t cp;
    int bad = 0;
    i += pl_utf8_decode((const unsigned char *)s + i, n - i, &cp, &bad);
    if (bad) return 0;
  }
  return 1;
}
