/*
 * read.c - readers: plain text, JSON Lines and PETRARCH XML -> articles.
 *
 * Input is streamed: a reader holds one record at a time, so memory does
 * not grow with the number of articles.  A malformed record returns
 * PARLEY_EFORMAT with a message naming the input and line; the next call
 * continues with the following record.  EIO is final.
 *   text:  the whole stream is one article (id = file name, or defaults).
 *          Refused as binary when NUL bytes make up over 1% of it, or
 *          control bytes and invalid UTF-8 over 25% of its head; UTF-16
 *          (by its BOM) is refused with a hint to convert it.
 *   jsonl: one object per line: id, date, source, url, title, text
 *          (id may be a number; text must be a string; blank lines skip;
 *          a leading BOM is skipped and invalid UTF-8 bytes inside a line
 *          become U+FFFD before parsing; a line over 2 * max_doc_bytes +
 *          4096 bytes is skipped with ETOOBIG; an ISO 8601 timestamp
 *          date gives its day).
 *   xml:   PETRARCH <Sentence date=".." id=".."> records with <Text>;
 *          tolerant: attributes in any order and quoting, unclosed
 *          records end at the next <Sentence, entities decoded, comments
 *          skipped, <Parse> ignored; a file without any record is
 *          reported once (EFORMAT) instead of coding nothing silently.
 */
#include "internal.h"
#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#if defined(__SSE2__)
#include <emmintrin.h> /* x86-64 always has SSE2 */
#endif

struct parley_reader {
  parley_ctx *ctx;
  FILE *fp;
  char *name;             /* input name for messages */
  parley_input kind;
  parley_article defaults;
  char *def_id, *def_date, *def_source;
  pl_buf line;            /* current line / record bytes */
  pl_buf rec;             /* XML record accumulator */
  pl_buf fields;          /* owned copies of the current article's fields */
  pl_buf fixed;           /* JSONL: the line with invalid UTF-8 repaired */
  size_t chunk;           /* read_line: bytes to ask fgets for first */
  pl_buf jout;            /* JSONL fast path: decoded field values */
  pl_buf jkeys;           /* JSONL fast path: keys of the open objects */
  pl_buf jskip;           /* JSONL fast path: values of other fields */
  char skip[4096];        /* read_line: the rest of an over-long line */
  size_t lineno;          /* lines read so far */
  size_t recline;         /* line of the current record */
  int done;
  char *pending;          /* XML: a line that starts the next record */
  json_t *json;           /* current JSON record (freed on next) */
  size_t nrec;            /* records found so far (good or bad) */
  char day[11];           /* the day of an ISO timestamp date */
  char err[512];
  char where[600];        /* parley_reader_where text */
};

static char *dupz(const char *s) {
  if (!s) return NULL;
  size_t n = strlen(s);
  char *p = malloc(n + 1);
  if (p) memcpy(p, s, n + 1);
  return p;
}

static const char *base_name(const char *p) {
  const char *b = strrchr(p, '/');
  return b ? b + 1 : p;
}

parley_reader *parley_reader_new(parley_ctx *ctx, FILE *fp, const char *name,
                                 parley_input kind,
                                 const parley_article *defaults) {
  if (!ctx || !fp) return NULL;
  parley_reader *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->ctx = ctx;
  r->fp = fp;
  r->name = dupz(name ? name : "stdin");
  if (kind == PARLEY_INPUT_AUTO) {
    const char *dot = strrchr(base_name(r->name), '.');
    if (dot && (!strcmp(dot, ".jsonl") || !strcmp(dot, ".ndjson")))
      kind = PARLEY_INPUT_JSONL;
    else if (dot && !strcmp(dot, ".xml"))
      kind = PARLEY_INPUT_XML;
    else
      kind = PARLEY_INPUT_TEXT;
  }
  r->kind = kind;
  if (defaults) {
    r->def_id = dupz(defaults->id);
    r->def_date = dupz(defaults->date);
    r->def_source = dupz(defaults->source);
  }
  size_t cap = ctx->lim.max_doc_bytes + 64;
  pl_buf_init(&r->line, 0);
  pl_buf_init(&r->rec, 0);
  pl_buf_init(&r->fields, 0);
  pl_buf_init(&r->fixed, 0);
  pl_buf_init(&r->jout, 0);
  pl_buf_init(&r->jkeys, 0);
  pl_buf_init(&r->jskip, 0);
  (void)cap;
  if (!r->name) {
    parley_reader_free(r);
    return NULL;
  }
  return r;
}

void parley_reader_free(parley_reader *r) {
  if (!r) return;
  free(r->name);
  free(r->def_id);
  free(r->def_date);
  free(r->def_source);
  free(r->pending);
  pl_buf_free(&r->line);
  pl_buf_free(&r->rec);
  pl_buf_free(&r->fields);
  pl_buf_free(&r->fixed);
  pl_buf_free(&r->jout);
  pl_buf_free(&r->jkeys);
  pl_buf_free(&r->jskip);
  if (r->json) json_decref(r->json);
  free(r);
}

const char *parley_reader_errmsg(const parley_reader *r) {
  return r ? r->err : "no reader";
}

size_t parley_reader_line(const parley_reader *r) { return r ? r->recline : 0; }

const char *parley_reader_where(const parley_reader *r) {
  return r ? r->where : "";
}


static parley_rc rerr(parley_reader *r, parley_rc rc, const char *fmt,
                      const char *a) {
  char msg[400];
  snprintf(msg, sizeof msg, fmt, a ? a : "");
  if (r->kind == PARLEY_INPUT_TEXT)
    snprintf(r->err, sizeof r->err, "%s: %s", r->name, msg);
  else
    snprintf(r->err, sizeof r->err, "%s:%zu: %s", r->name, r->recline, msg);
  return rc;
}

/* At the end of a JSON Lines or XML stream that held no record at all,
 * one EFORMAT "empty" error (so an empty file is reported like an empty
 * text file), then EOF. */
static parley_rc at_end(parley_reader *r, const char *what) {
  if (r->nrec || r->done) return PARLEY_EOF;
  r->done = 1;
  r->recline = r->lineno;
  if (r->lineno == 0) { /* no line at all: name the file only */
    snprintf(r->err, sizeof r->err, "%s: empty file", r->name);
    return PARLEY_EFORMAT;
  }
  return rerr(r, PARLEY_EFORMAT, "%s", what);
}

/* One fgets() call into buf[0, n) that also tells how many bytes came
 * (NUL bytes included, which fgets itself cannot say): buf is first
 * filled with '\n', so the first '\n' is either the line's own, followed
 * by fgets' terminating NUL, or filler right after that NUL.  Sets *got
 * (bytes, without the newline) and *nl (the newline was read); returns 0
 * when nothing could be read (EOF or error). */
static int get_chunk(FILE *fp, char *buf, size_t n, size_t *got, int *nl) {
  memset(buf, '\n', n);
  if (!fgets(buf, (int)n, fp)) return 0;
  const char *p = memchr(buf, '\n', n);
  if (!p) { /* buffer full, no newline yet */
    *got = n - 1;
    *nl = 0;
  } else if ((size_t)(p - buf) + 1 < n && p[1] == 0) {
    *got = (size_t)(p - buf);
    *nl = 1;
  } else { /* filler after the NUL: the stream ended without a newline */
    *got = (size_t)(p - buf) - 1;
    *nl = 0;
  }
  return 1;
}

/* Reads one line (without the newline) into r->line.  Lines longer than
 * max are truncated (*toolong set) and the rest is skipped.  Returns 1 for
 * a line, 0 at EOF, -1 on read error or OOM.  fgets works on stdio's own
 * buffer (memchr + memcpy) and never reads ahead of the line, so a pipe
 * fed one record at a time is coded as the records come. */
static int read_line(parley_reader *r, size_t max, int *toolong) {
  pl_buf_clear(&r->line);
  *toolong = 0;
  int any = 0;
  /* fgets' buffer must be filled first (get_chunk), so ask for about
   * what the last line needed rather than a large fixed size */
  size_t chunk = r->chunk ? r->chunk : 4096;
  for (;;) {
    size_t room = max - r->line.len, got = 0;
    int nl = 0, ok;
    if (room) {
      size_t want = room < chunk ? room : chunk;
      char *dst = pl_buf_room(&r->line, want);
      if (!dst) return -1;
      ok = get_chunk(r->fp, dst, want + 1, &got, &nl);
      if (ok) r->line.len += got;
      if (ok && !nl && got == want && chunk < ((size_t)1 << 20)) chunk *= 2;
    } else {
      ok = get_chunk(r->fp, r->skip, sizeof r->skip, &got, &nl);
      if (ok && got) *toolong = 1;
    }
    if (!ok) break;
    any = 1;
    if (nl || ferror(r->fp) || feof(r->fp)) break;
  }
  if (r->line.p) r->line.p[r->line.len] = 0;
  r->chunk = (r->line.len | 255) + 257;
  if (r->chunk > ((size_t)1 << 20)) r->chunk = (size_t)1 << 20;
  if (ferror(r->fp)) return -1;
  if (!any) return 0;
  r->lineno++;
  if (r->line.len && r->line.p[r->line.len - 1] == '\r')
    r->line.p[--r->line.len] = 0;
  if (!r->line.p && pl_buf_add(&r->line, "", 0)) return -1;
  return 1;
}

/* ---- text ---- */
/* Binary data (images, archives) has few NULs but many control bytes and
 * invalid UTF-8 sequences; Latin-1 or damaged text has a few per cent at
 * most.  Over a quarter of such bytes in the head: not an article. */
static int looks_binary(const char *s, size_t n) {
  size_t odd = 0, i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      odd += c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f';
      i++;
      continue;
    }
    uint32_t cp;
    int bad = 0;
    i += pl_utf8_decode((const unsigned char *)s + i, n - i, &cp, &bad);
    odd += bad;
  }
  return n >= 16 && odd * 4 > n;
}

static parley_rc next_text(parley_reader *r, parley_article *a) {
  if (r->done) return PARLEY_EOF;
  r->done = 1;
  r->recline = 1;
  pl_buf_clear(&r->rec);
  size_t max = r->ctx->lim.max_doc_bytes + 8;
  char chunk[65536];
  size_t nread, nul = 0, total = 0;
  while ((nread = fread(chunk, 1, sizeof chunk, r->fp)) > 0) {
    total += nread;
    for (size_t i = 0; i < nread; i++) nul += chunk[i] == 0;
    size_t room = r->rec.len < max ? max - r->rec.len : 0;
    if (room && pl_buf_add(&r->rec, chunk, nread < room ? nread : room))
      return rerr(r, PARLEY_ENOMEM, "out of memory reading the file%s", "");
  }
  if (ferror(r->fp)) {
    return rerr(r, PARLEY_EIO, "cannot read: %s", strerror(errno));
  }
  if (total == 0) return rerr(r, PARLEY_EFORMAT, "empty file%s", "");
  if (total >= 2 && (!memcmp(r->rec.p, "\xFF\xFE", 2) ||
                     !memcmp(r->rec.p, "\xFE\xFF", 2)))
    return rerr(r, PARLEY_EFORMAT,
                "looks like UTF-16 text: convert it to UTF-8 first%s", "");
  if (nul * 100 > total || (total < 100 && nul))
    return rerr(r, PARLEY_EFORMAT,
                "looks like a binary file (NUL bytes), not coded%s", "");
  if (looks_binary(r->rec.p, r->rec.len))
    return rerr(r, PARLEY_EFORMAT, "looks like a binary file (control "
                "characters and invalid UTF-8), not coded%s", "");
  memset(a, 0, sizeof *a);
  a->id = r->def_id ? r->def_id : base_name(r->name);
  a->date = r->def_date;
  a->source = r->def_source;
  a->text = r->rec.p ? r->rec.p : "";
  a->text_len = r->rec.len;
  return PARLEY_OK;
}

/* ---- JSON Lines ---- */
static int is_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return 0;
  return 1;
}

static parley_rc jstr(parley_reader *r, json_t *o, const char *key,
                      const char **out, int allow_num) {
  json_t *v = json_object_get(o, key);
  *out = NULL;
  if (!v || json_is_null(v)) return PARLEY_OK;
  if (json_is_string(v)) {
    *out = json_string_value(v);
    return PARLEY_OK;
  }
  if (allow_num && json_is_integer(v)) {
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%lld", (long long)json_integer_value(v));
    json_t *s = json_string(tmp);
    if (!s || json_object_set_new(o, key, s)) return PARLEY_ENOMEM;
    *out = json_string_value(json_object_get(o, key));
    return PARLEY_OK;
  }
  return rerr(r, PARLEY_EFORMAT, "field \"%s\" is not a string", key);
}

static int hexval(const char *p, unsigned *v) {
  *v = 0;
  for (int i = 0; i < 4; i++) {
    unsigned char c = (unsigned char)p[i];
    if (!isxdigit(c)) return -1;
    *v = *v * 16 + (unsigned)(isdigit(c) ? c - '0' : (tolower(c) - 'a' + 10));
  }
  return 0;
}

/* Rewrites, in place, escapes of lone UTF-16 surrogates ("\ud800" without
 * its pair, as JavaScript string truncation leaves them) to "\ufffd":
 * jansson refuses them, but strange text is data, not an error.  Returns
 * the number of escapes rewritten. */
static int fix_surrogates(char *p, size_t n) {
  int fixed = 0;
  for (size_t i = 0; i + 1 < n; i++) {
    if (p[i] != '\\') continue;
    if (p[i + 1] != 'u' || i + 6 > n) {
      i++; /* skip the escaped character (it may be a backslash) */
      continue;
    }
    unsigned v, w;
    if (hexval(p + i + 2, &v)) continue;
    if (v >= 0xD800 && v <= 0xDBFF && i + 12 <= n && p[i + 6] == '\\' &&
        p[i + 7] == 'u' && !hexval(p + i + 8, &w) && w >= 0xDC00 &&
        w <= 0xDFFF) {
      i += 11; /* a valid pair */
      continue;
    }
    if (v >= 0xD800 && v <= 0xDFFF) {
      memcpy(p + i + 2, "fffd", 4);
      fixed++;
    }
    i += 5;
  }
  return fixed;
}

/* ---- JSON Lines fast path ----
 * A strict single-pass RFC 8259 reader for the common case: one object
 * whose six known fields have the right types.  String values are decoded
 * straight into r->jout (no allocation per field).  It accepts only what
 * the jansson path below accepts, with the same values: escapes and
 * \uXXXX (surrogate pairs joined; a lone surrogate becomes U+FFFD as
 * fix_surrogates makes it), invalid UTF-8 bytes inside strings become
 * U+FFFD (as the repair before jansson does), \u0000 is kept in values
 * (JSON_ALLOW_NUL), duplicate keys at any depth are refused.  Anything
 * else - malformed JSON, wrong field types, keys with NUL, deep nesting,
 * objects with many keys, numbers jansson might reject as too big - is
 * "not handled" (1) and the record goes to the jansson path, which gives
 * the error message (or, in corner cases, the value) exactly as before.
 * Errors are rare, so diagnosing them the slow way costs nothing. */
enum { JF_ID, JF_DATE, JF_SOURCE, JF_URL, JF_TITLE, JF_TEXT, JF_N };
enum { JV_ABSENT, JV_NULL, JV_STR, JV_INT };
#define JP_MAX_DEPTH 32  /* deeper: jansson's limit (2048) decides */
#define JP_MAX_KEYS 64   /* more keys in one object: jansson's hash decides */

typedef struct {
  const unsigned char *p, *e; /* cursor and end of the line */
  parley_reader *r;
  int depth;
  struct { int kind; size_t off, len; } f[JF_N];
} jrd;

/* Classes of bytes inside a JSON string: 0 copied as is, 1 '"', 2 '\\',
 * 3 control (refused), 4 >= 0x80 (checked as UTF-8). */
static const unsigned char jstr_cls[256] = {
#define R16(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
    R16(3), R16(3),
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x20: '"' */
    R16(0), R16(0),
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, /* 0x50: '\\' */
    R16(0), R16(0),
    R16(4), R16(4), R16(4), R16(4), R16(4), R16(4), R16(4), R16(4)
#undef R16
};

static void jp_ws(jrd *j) {
  while (j->p < j->e &&
         (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
    j->p++;
}

static int jp_hex4(const unsigned char *p, unsigned *v) {
  *v = 0;
  for (int i = 0; i < 4; i++) {
    unsigned c = p[i], d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return -1;
    *v = *v * 16 + d;
  }
  return 0;
}

/* Decodes the string whose opening quote was just passed into out.
 * 0 ok (cursor after the closing quote), 1 not handled. */
static int jp_string(jrd *j, pl_buf *out) {
  const unsigned char *p = j->p, *e = j->e, *run = p;
  for (;;) {
    /* [run, p) is copied as it is: ASCII sixteen (SSE2) or eight bytes
     * at a time, then byte by byte, and valid UTF-8 sequences */
#if defined(__SSE2__) && defined(__GNUC__)
    {
      const __m128i sp = _mm_set1_epi8(0x20), qu = _mm_set1_epi8('"'),
                    bs = _mm_set1_epi8('\\');
      while (e - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        /* as signed bytes, those >= 0x80 are < 0x20 too */
        int m = _mm_movemask_epi8(_mm_or_si128(
            _mm_cmplt_epi8(v, sp),
            _mm_or_si128(_mm_cmpeq_epi8(v, qu), _mm_cmpeq_epi8(v, bs))));
        if (m) {
          p += __builtin_ctz((unsigned)m); /* the first byte to look at */
          break;
        }
        p += 16;
      }
    }
#endif
    while (e - p >= 8) {
      uint64_t w;
      memcpy(&w, p, 8);
      if (pl_json_word_special(w)) break;
      p += 8;
    }
    while (p < e && !jstr_cls[*p]) p++;
    if (p >= e) return 1; /* unterminated */
    int cls = jstr_cls[*p], bad = 0;
    size_t k = 1;
    if (cls == 4) {
      uint32_t cp;
      k = pl_utf8_decode(p, (size_t)(e - p), &cp, &bad);
      if (!bad) {
        p += k;
        continue;
      }
    }
    if (p > run && pl_buf_add(out, (const char *)run, (size_t)(p - run)))
      return 1;
    if (cls == 1) { /* the closing quote */
      j->p = p + 1;
      return out->failed;
    }
    if (cls == 3) return 1; /* raw control character */
    if (bad) { /* an invalid byte, as the repair before jansson makes it */
      if (pl_buf_add(out, "\xEF\xBF\xBD", 3)) return 1;
      run = ++p;
      continue;
    }
    /* an escape */
    if (e - p < 2) return 1;
    char c;
    switch (p[1]) {
    case '"': c = '"'; break;
    case '\\': c = '\\'; break;
    case '/': c = '/'; break;
    case 'b': c = '\b'; break;
    case 'f': c = '\f'; break;
    case 'n': c = '\n'; break;
    case 'r': c = '\r'; break;
    case 't': c = '\t'; break;
    case 'u': {
      unsigned v, w;
      if (e - p < 6 || jp_hex4(p + 2, &v)) return 1;
      p += 6;
      if (v >= 0xD800 && v <= 0xDBFF) {
        if (e - p >= 6 && p[0] == '\\' && p[1] == 'u' && !jp_hex4(p + 2, &w) &&
            w >= 0xDC00 && w <= 0xDFFF) {
          v = 0x10000 + ((v - 0xD800) << 10) + (w - 0xDC00);
          p += 6;
        } else {
          v = 0xFFFD; /* lone high surrogate */
        }
      } else if (v >= 0xDC00 && v <= 0xDFFF) {
        v = 0xFFFD; /* lone low surrogate */
      }
      char enc[4];
      if (pl_buf_add(out, enc, pl_utf8_encode(v, enc))) return 1;
      run = p;
      continue;
    }
    default:
      return 1; /* not a JSON escape */
    }
    if (pl_buf_addc(out, c)) return 1;
    p += 2;
    run = p;
  }
}

/* A number.  Sets *is_int; refuses (1) what jansson could refuse as too
 * big: integers of 19+ digits, reals that might overflow a double. */
static int jp_number(jrd *j, int *is_int) {
  const unsigned char *p = j->p, *e = j->e;
  if (p < e && *p == '-') p++;
  const unsigned char *d0 = p;
  if (p < e && *p == '0') p++;
  else if (p < e && *p >= '1' && *p <= '9')
    while (p < e && *p >= '0' && *p <= '9') p++;
  else
    return 1;
  size_t intd = (size_t)(p - d0);
  *is_int = 1;
  long ex = 0;
  if (p < e && *p == '.') {
    *is_int = 0;
    p++;
    if (p >= e || *p < '0' || *p > '9') return 1;
    while (p < e && *p >= '0' && *p <= '9') p++;
  }
  if (p < e && (*p == 'e' || *p == 'E')) {
    *is_int = 0;
    p++;
    int neg = 0;
    if (p < e && (*p == '+' || *p == '-')) neg = *p++ == '-';
    if (p >= e || *p < '0' || *p > '9') return 1;
    while (p < e && *p >= '0' && *p <= '9') {
      if (ex < 100000) ex = ex * 10 + (*p - '0');
      p++;
    }
    if (neg) ex = -ex;
  }
  if (*is_int ? intd > 18 : (long)intd + ex > 300) return 1;
  j->p = p;
  return 0;
}

/* The literal word at the cursor: true, false or null. */
static int jp_literal(jrd *j, const char *w, size_t n) {
  if ((size_t)(j->e - j->p) < n || memcmp(j->p, w, n)) return 1;
  j->p += n;
  return 0;
}

static int jp_value(jrd *j, int field);

/* An object whose '{' was just passed; top: the record itself, whose
 * known fields are recorded in j->f.  Keys of the open objects are kept
 * in r->jkeys as [length][bytes] to refuse duplicates. */
static int jp_object(jrd *j, int top) {
  pl_buf *kb = &j->r->jkeys;
  size_t k0 = kb->len;
  int nkeys = 0, rc = 1;
  if (++j->depth > JP_MAX_DEPTH) return 1;
  jp_ws(j);
  if (j->p < j->e && *j->p == '}') {
    j->p++;
    j->depth--;
    return 0;
  }
  for (;;) {
    if (j->p >= j->e || *j->p != '"' || ++nkeys > JP_MAX_KEYS) goto out;
    j->p++;
    size_t klen = 0, at = kb->len;
    if (pl_buf_add(kb, (const char *)&klen, sizeof klen) || jp_string(j, kb))
      goto out;
    klen = kb->len - at - sizeof klen;
    const char *key = kb->p + at + sizeof klen;
    if (memchr(key, 0, klen)) goto out; /* jansson refuses NUL in keys */
    memcpy(kb->p + at, &klen, sizeof klen);
    for (size_t q = k0; q < at;) { /* duplicate key? */
      size_t ql;
      memcpy(&ql, kb->p + q, sizeof ql);
      if (ql == klen && !memcmp(kb->p + q + sizeof ql, key, klen)) goto out;
      q += sizeof ql + ql;
    }
    int field = -1;
    if (top) {
      static const char *const names[JF_N] = {"id", "date", "source",
                                              "url", "title", "text"};
      for (int f = 0; f < JF_N; f++)
        if (strlen(names[f]) == klen && !memcmp(names[f], key, klen))
          field = f;
    }
    jp_ws(j);
    if (j->p >= j->e || *j->p != ':') goto out;
    j->p++;
    jp_ws(j);
    if (jp_value(j, field)) goto out;
    jp_ws(j);
    if (j->p < j->e && *j->p == ',') {
      j->p++;
      jp_ws(j);
      continue;
    }
    if (j->p < j->e && *j->p == '}') {
      j->p++;
      rc = 0;
    }
    goto out;
  }
out:
  kb->len = k0;
  j->depth--;
  return rc;
}

/* A value; field >= 0: a known field of the record (recorded; a type the
 * field cannot have is "not handled", the jansson path reports it). */
static int jp_value(jrd *j, int field) {
  if (j->p >= j->e) return 1;
  switch (*j->p) {
  case '"': {
    j->p++;
    pl_buf *out = &j->r->jout;
    if (field < 0) {
      out = &j->r->jskip;
      pl_buf_clear(out);
    }
    size_t off = out->len;
    if (jp_string(j, out)) return 1;
    if (field >= 0) {
      j->f[field].kind = JV_STR;
      j->f[field].off = off;
      j->f[field].len = out->len - off;
      if (pl_buf_addc(out, 0)) return 1; /* each value NUL-terminated */
    }
    return 0;
  }
  case '{':
    if (field >= 0) return 1;
    j->p++;
    return jp_object(j, 0);
  case '[':
    if (field >= 0 || ++j->depth > JP_MAX_DEPTH) return 1;
    j->p++;
    jp_ws(j);
    if (j->p < j->e && *j->p == ']') {
      j->p++;
      j->depth--;
      return 0;
    }
    for (;;) {
      if (jp_value(j, -1)) return 1;
      jp_ws(j);
      if (j->p < j->e && *j->p == ',') {
        j->p++;
        jp_ws(j);
        continue;
      }
      if (j->p < j->e && *j->p == ']') {
        j->p++;
        j->depth--;
        return 0;
      }
      return 1;
    }
  case 't':
    return field >= 0 || jp_literal(j, "true", 4);
  case 'f':
    return field >= 0 || jp_literal(j, "false", 5);
  case 'n':
    if (jp_literal(j, "null", 4)) return 1;
    if (field == JF_TEXT) return 1; /* text must be a string */
    if (field >= 0) j->f[field].kind = JV_NULL;
    return 0;
  default: {
    const unsigned char *n0 = j->p;
    int is_int;
    if (jp_number(j, &is_int)) return 1;
    if (field < 0) return 0;
    if (field != JF_ID || !is_int) return 1;
    /* a numeric id, as "%lld" prints it ("-0" is 0) */
    pl_buf *out = &j->r->jout;
    size_t n = (size_t)(j->p - n0);
    if (n == 2 && n0[0] == '-' && n0[1] == '0') n0++, n--;
    j->f[field].kind = JV_INT;
    j->f[field].off = out->len;
    j->f[field].len = n;
    return pl_buf_add(out, (const char *)n0, n) || pl_buf_addc(out, 0);
  }
  }
}

/* The record of line [lp, lp+ll) through the fast path: 0 and *a set, or
 * 1 (not handled: use the jansson path). */
static int fast_jsonl(parley_reader *r, const char *lp, size_t ll,
                      parley_article *a) {
  jrd j;
  memset(&j, 0, sizeof j);
  j.p = (const unsigned char *)lp;
  j.e = j.p + ll;
  j.r = r;
  pl_buf_clear(&r->jout);
  pl_buf_clear(&r->jkeys);
  jp_ws(&j);
  if (j.p >= j.e || *j.p != '{') return 1;
  j.p++;
  if (jp_object(&j, 1)) return 1;
  jp_ws(&j);
  if (j.p != j.e || j.f[JF_TEXT].kind != JV_STR || r->jout.failed) return 1;
  memset(a, 0, sizeof *a);
  const char **dst[JF_TEXT] = {&a->id, &a->date, &a->source, &a->url,
                               &a->title};
  for (int f = 0; f < JF_TEXT; f++)
    if (j.f[f].kind == JV_STR || j.f[f].kind == JV_INT)
      *dst[f] = r->jout.p + j.f[f].off;
  a->text = r->jout.p + j.f[JF_TEXT].off;
  a->text_len = j.f[JF_TEXT].len;
  return 0;
}

/* What both paths do once the fields are read: an id for records without
 * one, the day of a timestamp date, the reader's defaults. */
static parley_rc finish_jsonl(parley_reader *r, parley_article *a) {
  if (!a->id || !a->id[0]) {
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%s:%zu", base_name(r->name), r->recline);
    pl_buf_clear(&r->fields);
    if (pl_buf_adds(&r->fields, tmp)) return PARLEY_ENOMEM;
    a->id = r->fields.p;
  }
  /* an ISO 8601 timestamp ("2024-10-24T09:30:00Z") gives its day */
  if (a->date && strlen(a->date) > 10 && a->date[4] == '-' &&
      a->date[7] == '-' && (a->date[10] == 'T' || a->date[10] == ' ')) {
    memcpy(r->day, a->date, 10);
    r->day[10] = 0;
    a->date = r->day;
  }
  if (!a->date) a->date = r->def_date;
  if (!a->source) a->source = r->def_source;
  return PARLEY_OK;
}

/* The jansson path: every record the fast path does not handle.  lp may
 * be rewritten in place (lone surrogate escapes). */
static parley_rc slow_jsonl(parley_reader *r, char *lp, size_t ll,
                            parley_article *a) {
  if (r->json) {
    json_decref(r->json);
    r->json = NULL;
  }
  if (!pl_utf8_valid(lp, ll)) {
    /* Strange text is data: scraped feeds carry Latin-1 or cut UTF-8
     * inside strings, which jansson refuses.  Invalid bytes become
     * U+FFFD (as the normalizer does for text input). */
    pl_buf_clear(&r->fixed);
    size_t i = 0;
    while (i < ll) {
      uint32_t cp;
      int bad = 0;
      size_t k = pl_utf8_decode((const unsigned char *)lp + i, ll - i, &cp,
                                &bad);
      pl_buf_add(&r->fixed, bad ? "\xEF\xBF\xBD" : lp + i, bad ? 3 : k);
      i += k;
    }
    if (r->fixed.failed) return rerr(r, PARLEY_ENOMEM, "out of memory%s", "");
    lp = r->fixed.p;
    ll = r->fixed.len;
  }
  json_error_t je;
  json_t *o = json_loadb(lp, ll, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL,
                         &je);
  if (!o && fix_surrogates(lp, ll))
    o = json_loadb(lp, ll, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
  if (!o) return rerr(r, PARLEY_EFORMAT, "malformed JSON: %s", je.text);
  r->json = o;
  if (!json_is_object(o))
    return rerr(r, PARLEY_EFORMAT, "record is not a JSON object%s", "");
  memset(a, 0, sizeof *a);
  parley_rc rc;
  if ((rc = jstr(r, o, "id", &a->id, 1)) ||
      (rc = jstr(r, o, "date", &a->date, 0)) ||
      (rc = jstr(r, o, "source", &a->source, 0)) ||
      (rc = jstr(r, o, "url", &a->url, 0)) ||
      (rc = jstr(r, o, "title", &a->title, 0)))
    return rc;
  json_t *t = json_object_get(o, "text");
  if (!t) return rerr(r, PARLEY_EFORMAT, "record has no \"text\"%s", "");
  if (!json_is_string(t))
    return rerr(r, PARLEY_EFORMAT, "field \"text\" is not a string%s", "");
  a->text = json_string_value(t);
  a->text_len = json_string_length(t);
  return PARLEY_OK;
}

#ifdef PARLEY_JSONL_CHECK
/* Differential check (fuzzing builds with -DPARLEY_JSONL_CHECK): every
 * record the fast path takes must give exactly what jansson gives. */
static int same_field(const char *x, const char *y) {
  return (!x && !y) || (x && y && !strcmp(x, y));
}
static void check_fast(parley_reader *r, const char *lp, size_t ll,
                       const parley_article *fa) {
  parley_article sa;
  char *copy = malloc(ll + 1);
  if (!copy) return;
  memcpy(copy, lp, ll);
  copy[ll] = 0;
  pl_buf keep = r->fields;
  pl_buf_init(&r->fields, 0);
  parley_rc rc = slow_jsonl(r, copy, ll, &sa);
  if (rc == PARLEY_OK) rc = finish_jsonl(r, &sa);
  if (rc != PARLEY_OK || !same_field(fa->id, sa.id) ||
      !same_field(fa->date, sa.date) || !same_field(fa->source, sa.source) ||
      !same_field(fa->url, sa.url) || !same_field(fa->title, sa.title) ||
      fa->text_len != sa.text_len ||
      memcmp(fa->text, sa.text, sa.text_len)) {
    fprintf(stderr, "jsonl fast path differs from jansson (rc %d): %.*s\n",
            (int)rc, (int)(ll > 300 ? 300 : ll), lp);
    abort();
  }
  pl_buf_free(&r->fields);
  r->fields = keep;
  free(copy);
}
#endif

static parley_rc next_jsonl(parley_reader *r, parley_article *a) {
  size_t max = r->ctx->lim.max_doc_bytes * 2 + 4096;
  if (r->json) {
    json_decref(r->json);
    r->json = NULL;
  }
  for (;;) {
    int toolong = 0;
    int got = read_line(r, max, &toolong);
    if (got < 0) return rerr(r, PARLEY_EIO, "cannot read: %s", strerror(errno));
    if (got == 0) return at_end(r, "empty input: no JSON records");
    r->recline = r->lineno;
    r->nrec++;
    if (toolong) {
      char lim[32];
      snprintf(lim, sizeof lim, "%zu", max);
      return rerr(r, PARLEY_ETOOBIG, "line longer than %s bytes (twice "
                  "--max-bytes), skipped", lim);
    }
    char *lp = r->line.p;
    size_t ll = r->line.len;
    if (r->lineno == 1 && ll >= 3 && !memcmp(lp, "\xEF\xBB\xBF", 3)) {
      lp += 3; /* a byte order mark some exporters write */
      ll -= 3;
    }
    if (is_blank(lp, ll)) {
      r->nrec--; /* blank lines are not records */
      continue;
    }
    if (fast_jsonl(r, lp, ll, a) == 0) {
#ifdef PARLEY_JSONL_CHECK
      parley_article sa = *a;
      if (finish_jsonl(r, &sa) == PARLEY_OK) check_fast(r, lp, ll, &sa);
#endif
      return finish_jsonl(r, a);
    }
    parley_rc rc = slow_jsonl(r, lp, ll, a);
    if (rc != PARLEY_OK) return rc;
    return finish_jsonl(r, a);
  }
}

/* ---- PETRARCH XML ---- */
static const char *find_ci(const char *s, size_t n, const char *pat) {
  size_t m = strlen(pat);
  for (size_t i = 0; i + m <= n; i++)
    if (!strncasecmp(s + i, pat, m)) return s + i;
  return NULL;
}

/* Attribute value of name in the tag text [s, e); quoted with ' or " or
 * bare.  Copies into out (cap bytes).  Returns 1 when found. */
static int xml_attr(const char *s, const char *e, const char *name, char *out,
                    size_t cap) {
  size_t nl = strlen(name);
  for (const char *p = s; p + nl < e; p++) {
    if (strncasecmp(p, name, nl) || (p > s && (isalnum((unsigned char)p[-1]) ||
                                               p[-1] == '_')))
      continue;
    const char *q = p + nl;
    while (q < e && isspace((unsigned char)*q)) q++;
    if (q >= e || *q != '=') continue;
    q++;
    while (q < e && isspace((unsigned char)*q)) q++;
    char quote = (q < e && (*q == '"' || *q == '\'')) ? *q++ : 0;
    size_t k = 0;
    while (q < e && k + 1 < cap) {
      if (quote ? *q == quote : (isspace((unsigned char)*q) || *q == '>' ||
                                 *q == '/'))
        break;
      out[k++] = *q++;
    }
    out[k] = 0;
    return 1;
  }
  return 0;
}

/* Decodes XML entities and strips tags/comments of [s, s+n) into b. */
static int xml_text(pl_buf *b, const char *s, size_t n) {
  static const struct { const char *e; const char *r; } ents[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
      {"&apos;", "'"}, {NULL, NULL}};
  size_t i = 0;
  while (i < n) {
    if (s[i] == '&') {
      int done = 0;
      for (int k = 0; ents[k].e; k++) {
        size_t el = strlen(ents[k].e);
        if (i + el <= n && !strncmp(s + i, ents[k].e, el)) {
          pl_buf_adds(b, ents[k].r);
          i += el;
          done = 1;
          break;
        }
      }
      if (!done && i + 2 < n && s[i + 1] == '#') {
        size_t j = i + 2;
        int hex = j < n && (s[j] == 'x' || s[j] == 'X');
        if (hex) j++;
        unsigned long v = 0;
        size_t d0 = j;
        while (j < n && j - d0 < 8 &&
               (hex ? isxdigit((unsigned char)s[j]) : isdigit((unsigned char)s[j])))
          v = v * (hex ? 16 : 10) +
              (unsigned long)(isdigit((unsigned char)s[j])
                                  ? s[j] - '0'
                                  : (tolower((unsigned char)s[j]) - 'a' + 10)),
          j++;
        if (j > d0 && j < n && s[j] == ';' && v > 0 && v <= 0x10FFFF &&
            !(v >= 0xD800 && v <= 0xDFFF)) {
          char enc[4];
          pl_buf_add(b, enc, pl_utf8_encode((uint32_t)v, enc));
          i = j + 1;
          done = 1;
        }
      }
      if (!done) pl_buf_addc(b, s[i++]);
    } else if (s[i] == '<') {
      /* a tag or comment inside the text: skip it */
      if (i + 4 <= n && !strncmp(s + i, "<!--", 4)) {
        const char *e = find_ci(s + i, n - i, "-->");
        i = e ? (size_t)(e - s) + 3 : n;
      } else {
        const char *e = memchr(s + i, '>', n - i);
        i = e ? (size_t)(e - s) + 1 : n;
      }
      pl_buf_addc(b, ' ');
    } else {
      pl_buf_addc(b, s[i++]);
    }
  }
  return b->failed ? -1 : 0;
}

static parley_rc next_xml(parley_reader *r, parley_article *a) {
  size_t max = r->ctx->lim.max_doc_bytes + 65536;
  for (;;) {
    /* find the start of a record */
    pl_buf_clear(&r->rec);
    int in_comment = 0;
    for (;;) {
      const char *l;
      size_t ln;
      if (r->pending) {
        pl_buf_clear(&r->line);
        pl_buf_adds(&r->line, r->pending);
        free(r->pending);
        r->pending = NULL;
      } else {
        int toolong = 0;
        int got = read_line(r, max, &toolong);
        if (got < 0) return rerr(r, PARLEY_EIO, "cannot read: %s", strerror(errno));
        if (got == 0) return at_end(r, "no <Sentence> records in the input");
      }
      l = r->line.p;
      ln = r->line.len;
      if (in_comment) {
        if (find_ci(l, ln, "-->")) in_comment = 0;
        continue;
      }
      /* skip comments that open (and maybe close) before a record */
      const char *st = find_ci(l, ln, "<Sentence");
      const char *cm = find_ci(l, ln, "<!--");
      while (cm && (!st || cm < st)) {
        const char *ce = find_ci(cm, ln - (size_t)(cm - l), "-->");
        if (!ce) { in_comment = 1; break; }
        size_t rest = ln - (size_t)(ce + 3 - l);
        st = find_ci(ce + 3, rest, "<Sentence");
        cm = find_ci(ce + 3, rest, "<!--");
      }
      if (in_comment) continue;
      if (st && (st[9] == ' ' || st[9] == '>' || st[9] == '\t' || st[9] == 0)) {
        r->recline = r->lineno;
        r->nrec++;
        pl_buf_add(&r->rec, st, ln - (size_t)(st - l));
        pl_buf_addc(&r->rec, '\n');
        break;
      }
    }
    /* accumulate until </Sentence> or the next <Sentence */
    int closed = find_ci(r->rec.p, r->rec.len, "</Sentence") != NULL;
    while (!closed) {
      int toolong = 0;
      int got = read_line(r, max, &toolong);
      if (got < 0) return rerr(r, PARLEY_EIO, "cannot read: %s", strerror(errno));
      if (got == 0) break;
      const char *st = find_ci(r->line.p, r->line.len, "<Sentence");
      if (st && (st[9] == ' ' || st[9] == '>' || st[9] == '\t' || st[9] == 0)) {
        r->pending = dupz(r->line.p);
        break;
      }
      if (r->rec.len + r->line.len > max) {
        return rerr(r, PARLEY_ETOOBIG, "record larger than %s, skipped",
                    "the article size limit");
      }
      pl_buf_add(&r->rec, r->line.p, r->line.len);
      pl_buf_addc(&r->rec, '\n');
      closed = find_ci(r->line.p, r->line.len, "</Sentence") != NULL;
    }
    if (r->rec.failed) return rerr(r, PARLEY_ENOMEM, "out of memory%s", "");
    const char *s = r->rec.p;
    size_t n = r->rec.len;
    const char *tag_end = memchr(s, '>', n);
    if (!tag_end) tag_end = s + n;
    char id[256] = "", date[64] = "", source[256] = "";
    xml_attr(s, tag_end, "id", id, sizeof id);
    xml_attr(s, tag_end, "date", date, sizeof date);
    xml_attr(s, tag_end, "source", source, sizeof source);
    const char *t0 = find_ci(s, n, "<Text>");
    if (!t0) t0 = find_ci(s, n, "<Text ");
    if (!t0)
      return rerr(r, PARLEY_EFORMAT, "record %s has no <Text>", id[0] ? id : "?");
    t0 = memchr(t0, '>', n - (size_t)(t0 - s));
    t0 = t0 ? t0 + 1 : s + n;
    const char *t1 = find_ci(t0, n - (size_t)(t0 - s), "</Text");
    if (!t1) {
      const char *p = find_ci(t0, n - (size_t)(t0 - s), "<Parse");
      const char *q = find_ci(t0, n - (size_t)(t0 - s), "</Sentence");
      t1 = p ? p : q ? q : s + n;
    }
    pl_buf_clear(&r->fields);
    size_t o_id = 0;
    if (!id[0]) snprintf(id, sizeof id, "%s:%zu", base_name(r->name), r->recline);
    pl_buf_add(&r->fields, id, strlen(id) + 1);
    size_t o_date = r->fields.len;
    pl_buf_add(&r->fields, date, strlen(date) + 1);
    size_t o_src = r->fields.len;
    pl_buf_add(&r->fields, source, strlen(source) + 1);
    size_t o_text = r->fields.len;
    if (xml_text(&r->fields, t0, (size_t)(t1 - t0)))
      return rerr(r, PARLEY_ENOMEM, "out of memory%s", "");
    size_t tlen = r->fields.len - o_text;
    memset(a, 0, sizeof *a);
    a->id = r->fields.p + o_id;
    a->date = date[0] ? r->fields.p + o_date : r->def_date;
    a->source = source[0] ? r->fields.p + o_src : r->def_source;
    a->text = r->fields.p + o_text;
    a->text_len = tlen;
    return PARLEY_OK;
  }
}

parley_rc parley_reader_next(parley_reader *r, parley_article *a) {
  if (!r || !a) return PARLEY_EMISUSE;
  r->err[0] = 0;
  parley_rc rc;
  switch (r->kind) {
  case PARLEY_INPUT_JSONL: rc = next_jsonl(r, a); break;
  case PARLEY_INPUT_XML: rc = next_xml(r, a); break;
  default: rc = next_text(r, a); break;
  }
  if (r->kind == PARLEY_INPUT_TEXT)
    snprintf(r->where, sizeof r->where, "%s", r->name);
  else
    snprintf(r->where, sizeof r->where, "%s:%zu", r->name, r->recline);
  return rc;
}
