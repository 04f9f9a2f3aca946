/*
 * util.c - small shared helpers: calendar arithmetic, hashing, names of
 * enum values, result-code text.
 */
#include "internal.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>

const char *parley_strerror(parley_rc rc) {
  switch (rc) {
  case PARLEY_OK: return "ok";
  case PARLEY_ENOMEM: return "out of memory";
  case PARLEY_EIO: return "input/output error";
  case PARLEY_EDB: return "database error";
  case PARLEY_ETOOBIG: return "limit exceeded";
  case PARLEY_EFORMAT: return "malformed input";
  case PARLEY_EMISUSE: return "library misuse";
  case PARLEY_EOF: return "end of input";
  }
  return "unknown error";
}

void pl_ctx_err(parley_ctx *ctx, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(ctx->errmsg, sizeof ctx->errmsg, fmt, ap);
  va_end(ap);
}

/* ---- calendar (proleptic Gregorian) ---- */
static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int pl_date_valid(int y, int m, int d) {
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return 0;
  int md = mdays[m - 1] + (m == 2 && is_leap(y));
  return d <= md;
}

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
long pl_date_days(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void pl_date_from_days(long z, pl_date *out) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp + (mp < 10 ? 3 : -9);
  out->y = (int16_t)(y + (m <= 2));
  out->m = (int8_t)m;
  out->d = (int8_t)d;
  out->prec = PL_PREC_DAY;
}

int pl_date_weekday(int y, int m, int d) {
  long z = pl_date_days(y, m, d); /* 1970-01-01 was a Thursday (3) */
  long w = (z + 3) % 7;
  return (int)(w < 0 ? w + 7 : w);
}

static int digits(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!isdigit((unsigned char)s[i])) return 0;
  return 1;
}

static int num(const char *s, size_t n) {
  int v = 0;
  for (size_t i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
  return v;
}

int pl_date_parse(const char *s, size_t n, pl_date *d) {
  int y, m, dd;
  while (n && isspace((unsigned char)s[n - 1])) n--;
  while (n && isspace((unsigned char)*s)) { s++; n--; }
  if (n == 10 && s[4] == '-' && s[7] == '-' && digits(s, 4) &&
      digits(s + 5, 2) && digits(s + 8, 2)) {
    y = num(s, 4); m = num(s + 5, 2); dd = num(s + 8, 2);
  } else if (n == 8 && digits(s, 8)) {
    y = num(s, 4); m = num(s + 4, 2); dd = num(s + 6, 2);
  } else if (n == 6 && digits(s, 6)) { /* TABARI YYMMDD */
    y = num(s, 2); m = num(s + 2, 2); dd = num(s + 4, 2);
    y += y < 30 ? 2000 : 1900;
  } else {
    return -1;
  }
  if (!pl_date_valid(y, m, dd)) return -1;
  d->y = (int16_t)y; d->m = (int8_t)m; d->d = (int8_t)dd;
  d->prec = PL_PREC_DAY;
  return 0;
}

void pl_date_format(const pl_date *d, char out[11]) {
  int y = d->y < 0 ? 0 : d->y > 9999 ? 9999 : d->y;
  int m = d->m < 0 ? 0 : d->m % 100, dd = d->d < 0 ? 0 : d->d % 100;
  size_t n = 0;
  if (d->prec == PL_PREC_NONE) {
    out[0] = 0;
    return;
  }
  out[n++] = (char)('0' + y / 1000);
  out[n++] = (char)('0' + y / 100 % 10);
  out[n++] = (char)('0' + y / 10 % 10);
  out[n++] = (char)('0' + y % 10);
  if (d->prec >= PL_PREC_MONTH) {
    out[n++] = '-';
    out[n++] = (char)('0' + m / 10);
    out[n++] = (char)('0' + m % 10);
  }
  if (d->prec >= PL_PREC_WEEK) {
    out[n++] = '-';
    out[n++] = (char)('0' + dd / 10);
    out[n++] = (char)('0' + dd % 10);
  }
  out[n] = 0;
}

uint64_t pl_fnv1a(uint64_t h, const void *p, size_t n) {
  const unsigned char *s = p;
  for (size_t i = 0; i < n; i++) {
    h ^= s[i];
    h *= 0x100000001b3ULL;
  }
  return h;
}

/* Only the store needs it (to skip unchanged documents), so it is not
 * computed while coding: a byte-serial hash over every article's text was
 * 1% of the coding instructions. */
uint64_t pl_doc_hash(const parley_doc *doc) {
  uint64_t h = 0xcbf29ce484222325ULL;
  const char *parts[] = {doc->id, doc->date_str, doc->source, doc->url,
                         doc->title};
  for (size_t i = 0; i < 5; i++) {
    const char *p = parts[i] ? parts[i] : "";
    h = pl_fnv1a(h, p, strlen(p) + 1);
  }
  return pl_fnv1a(h, doc->orig ? doc->orig : "", doc->orig ? doc->orig_len : 0);
}

int pl_strcaseeq(const char *a, const char *b) {
  while (*a && *b) {
    if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return 0;
    a++; b++;
  }
  return *a == *b;
}

const char *pl_tag_name(int tag) {
  static const char *const names[PL_T__N] = {
      "UNK", "NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "VB", "VBD", "VBG",
      "VBN", "VBP", "VBZ", "MD", "JJ", "JJR", "JJS", "RB", "RBR", "RBS",
      "DT", "PDT", "IN", "TO", "CC", "CD", "WDT", "WP", "WP$", "WRB", "EX",
      "RP", "POS", "UH", "FW", "SYM", "PUNCT", "QUOTE"};
  return tag >= 0 && tag < PL_T__N ? names[tag] : "UNK";
}

const char *pl_how_name(int how) {
  static const char *const names[] = {"unknown", "exact", "synonym",
                                      "agent", "adjective", "fuzzy",
                                      "role", "coref", "metonym"};
  return how >= 0 && how <= PL_HOW_METONYM ? names[how] : "unknown";
}
