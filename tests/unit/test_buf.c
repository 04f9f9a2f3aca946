/* test_buf.c - the output buffer's own number and string formatting must
 * give exactly the bytes printf gave before ("%u", "%d", "%.1f", "%.4f",
 * "%.15g"), and JSON string escaping must stay as it was. */
#include "harness.h"
#include "internal.h"
#include <math.h>
#include <stdint.h>

static uint64_t rng = 88172645463325252ULL;
static uint64_t next_u64(void) { /* xorshift64 */
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

static int fix_bad, g15_bad, int_bad;

static void check_fix(double v) {
  for (int d = 0; d <= 4; d++) {
    char want[512];
    snprintf(want, sizeof want, "%.*f", d, v);
    pl_buf b;
    pl_buf_init(&b, 0);
    pl_buf_addfix(&b, v, d);
    if (!b.p || strcmp(b.p, want)) {
      if (fix_bad++ < 10)
        fprintf(stderr, "%%.%df of %.17g: got %s, want %s\n", d, v,
                b.p ? b.p : "(null)", want);
    }
    pl_buf_free(&b);
  }
}

static void check_g15(double v) {
  char want[64];
  snprintf(want, sizeof want, "%.15g", v);
  pl_buf b;
  pl_buf_init(&b, 0);
  pl_buf_addg15(&b, v);
  if (!b.p || strcmp(b.p, want)) {
    if (g15_bad++ < 10)
      fprintf(stderr, "%%.15g of %.17g: got %s, want %s\n", v,
              b.p ? b.p : "(null)", want);
  }
  pl_buf_free(&b);
}

static void check_int(int64_t v) {
  char want[32];
  pl_buf b;
  pl_buf_init(&b, 0);
  snprintf(want, sizeof want, "%lld", (long long)v);
  pl_buf_addi(&b, v);
  if (!b.p || strcmp(b.p, want)) int_bad++;
  pl_buf_clear(&b);
  snprintf(want, sizeof want, "%llu", (unsigned long long)v);
  pl_buf_addu(&b, (uint64_t)v);
  if (!b.p || strcmp(b.p, want)) int_bad++;
  pl_buf_free(&b);
}

static const char *json(const char *s, size_t n) {
  static pl_buf b;
  pl_buf_free(&b);
  pl_buf_json_str(&b, s, n);
  return b.p ? b.p : "";
}

#define J(lit) json(lit, sizeof lit - 1)

/* The escaping rules one byte (or UTF-8 sequence) at a time, to compare
 * the word-at-a-time pl_buf_json_str with. */
static void json_ref(pl_buf *o, const unsigned char *u, size_t n) {
  pl_buf_addc(o, '"');
  for (size_t i = 0; i < n;) {
    unsigned char c = u[i];
    char e[8];
    if (c >= 0x80) {
      uint32_t cp;
      int bad = 0;
      size_t k = pl_utf8_decode(u + i, n - i, &cp, &bad);
      if (bad) {
        pl_buf_adds(o, "\xEF\xBF\xBD");
        i++;
      } else {
        pl_buf_add(o, (const char *)u + i, k);
        i += k;
      }
      continue;
    }
    if (c == '"' || c == '\\') snprintf(e, sizeof e, "\\%c", c);
    else if (c == '\n') snprintf(e, sizeof e, "\\n");
    else if (c == '\r') snprintf(e, sizeof e, "\\r");
    else if (c == '\t') snprintf(e, sizeof e, "\\t");
    else if (c == '\b') snprintf(e, sizeof e, "\\b");
    else if (c == '\f') snprintf(e, sizeof e, "\\f");
    else if (c < 0x20) snprintf(e, sizeof e, "\\u%04x", c);
    else snprintf(e, sizeof e, "%c", c);
    pl_buf_adds(o, e);
    i++;
  }
  pl_buf_addc(o, '"');
}

/* Random strings of 0..80 bytes, mostly plain with a few quotes,
 * controls, UTF-8 sequences (valid and cut) and stray high bytes, each
 * written after a prefix of random length (buffer offsets and room vary). */
static int json_random(void) {
  static const char *const bits[] = {"\"", "\\", "\n", "\x01", "\x7f",
                                     "\xC3\xA9", "\xE2\x80\x94",
                                     "\xF0\x9F\x99\x82", "\xE2\x80",
                                     "\xFF", "\xC3"};
  uint64_t r = 12345;
  int bad = 0;
  for (int t = 0; t < 20000; t++) {
    unsigned char in[96];
    size_t n = 0;
    r = r * 6364136223846793005ULL + 1442695040888963407ULL;
    size_t want_n = (size_t)(r >> 33) % 81;
    while (n < want_n) {
      r = r * 6364136223846793005ULL + 1442695040888963407ULL;
      unsigned x = (unsigned)(r >> 40);
      if (x % 16 == 0) {
        const char *bit = bits[(x >> 4) % (sizeof bits / sizeof *bits)];
        size_t k = strlen(bit);
        if (n + k > want_n) k = want_n - n;
        memcpy(in + n, bit, k);
        n += k;
      } else {
        in[n++] = (unsigned char)(' ' + (x >> 4) % 95);
      }
    }
    pl_buf got, want;
    pl_buf_init(&got, 0);
    pl_buf_init(&want, 0);
    size_t pre = (size_t)(r >> 20) % 300;
    for (size_t k = 0; k < pre; k++) pl_buf_addc(&got, 'p');
    pl_buf_json_str(&got, (const char *)in, n);
    json_ref(&want, in, n);
    if (got.len != pre + want.len || memcmp(got.p + pre, want.p, want.len) ||
        got.p[got.len])
      bad++;
    pl_buf_free(&got);
    pl_buf_free(&want);
  }
  return bad;
}

int main(void) {
  /* fixed point: edge values, exact ties (k / 2^n), coordinates and
   * Goldstein-like values, random doubles of every magnitude */
  static const double edge[] = {0.0, -0.0, 0.5, 1.5, 2.5, -0.5, 0.25, 0.75,
                                0.125, 0.375, 0.05, 0.15, 0.25, 0.35, 0.45,
                                -0.05, 1e-300, -1e-300, 5e-324, 1e14,
                                999999999999999.9, -999999999999999.9,
                                1e15, -1e15, 1e300, 0.00005, 0.00015,
                                -0.00004, 123.45675, -10.0, 10.0, 9.99995,
                                99.95, 0.95, 33.3125, 179.99995, -179.99995};
  for (size_t i = 0; i < sizeof edge / sizeof *edge; i++) check_fix(edge[i]);
  check_fix(INFINITY);
  check_fix(-INFINITY);
  check_fix(NAN);
  for (int k = -20000; k <= 20000; k++) {
    check_fix(k / 16.0);
    check_fix(k / 1024.0);
    check_fix(k / 10.0);      /* Goldstein scores: -10.0 .. 10.0 */
    check_fix(k / 10000.0);   /* coordinates with four decimals */
    check_fix(k * 0.009);
  }
  for (int i = 0; i < 200000; i++) {
    uint64_t r = next_u64();
    double v;
    switch (i % 4) {
    case 0: /* latitude/longitude-like */
      v = ((double)(r >> 11) / 9007199254740992.0) * 360.0 - 180.0;
      break;
    case 1: /* any finite bit pattern below 1e16 */
      memcpy(&v, &r, sizeof v);
      if (!isfinite(v) || fabs(v) > 1e16) v = fmod(v, 1e16);
      if (!isfinite(v)) v = 0;
      break;
    case 2: /* small magnitudes */
      v = ldexp((double)(r >> 11), -(int)(r % 90) - 53);
      break;
    default: /* large magnitudes near the cut-over */
      v = ldexp((double)(r >> 11), (int)(r % 10)) * (r & 1 ? -1 : 1);
    }
    check_fix(v);
  }
  INT_EQ(fix_bad, 0, "%%.Nf formatting differs from snprintf");

  /* %.15g: counts (whole numbers) plus values that go to snprintf */
  static const double g[] = {0, -0.0, 1, 12, 745, 1500000, 2.5, 1e15, 1e16,
                             -3, 999999999999999.0, 123456789012345.0, 0.1,
                             1e-5, NAN, INFINITY, 4294967296.0};
  for (size_t i = 0; i < sizeof g / sizeof *g; i++) check_g15(g[i]);
  for (int i = 0; i < 100000; i++) {
    uint64_t r = next_u64();
    check_g15((double)(int64_t)(r % 2000000000000000ULL) - 1e15);
    check_g15((double)(r % 100000));
    check_g15((double)(r % 100000) / 8);
  }
  INT_EQ(g15_bad, 0, "%%.15g formatting differs from snprintf");

  /* integers */
  check_int(0);
  check_int(INT64_MIN);
  check_int(INT64_MAX);
  check_int(-1);
  for (int i = 0; i < 100000; i++) {
    uint64_t r = next_u64();
    check_int((int64_t)r);
    check_int((int64_t)(r % 100000));
    check_int((int64_t)(uint32_t)r);
  }
  INT_EQ(int_bad, 0, "integer formatting differs from snprintf");

  /* JSON strings: runs, escapes, control bytes, invalid UTF-8 */
  STR_EQ(json("", 0), "\"\"", "empty");
  STR_EQ(json("plain text, long enough for words", 33),
         "\"plain text, long enough for words\"", "plain");
  STR_EQ(json("a\"b\\c\nd\re\tf\bg\fh", 15),
         "\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\"", "escapes");
  STR_EQ(json("x\x01y\x1fz\x7f", 6), "\"x\\u0001y\\u001fz\x7f\"", "controls");
  STR_EQ(json("nul\0byte", 8), "\"nul\\u0000byte\"", "NUL");
  STR_EQ(J("Z\xC3\xBCrich caf\xC3\xA9 \xF0\x9F\x99\x82"),
         "\"Z\xC3\xBCrich caf\xC3\xA9 \xF0\x9F\x99\x82\"", "UTF-8 kept");
  STR_EQ(J("bad \xC3 byte \xFF and \xED\xA0\x80 end"),
         "\"bad \xEF\xBF\xBD byte \xEF\xBF\xBD and \xEF\xBF\xBD\xEF\xBF\xBD"
         "\xEF\xBF\xBD end\"",
         "invalid UTF-8 -> U+FFFD");
  STR_EQ(json("cut at end \xE2\x80", 13),
         "\"cut at end \xEF\xBF\xBD\xEF\xBF\xBD\"", "cut sequence");
  /* every single byte value and position in an 8-byte word */
  for (int c = 0; c < 256; c++)
    for (int at = 0; at < 9; at++) {
      char in[10] = "abcdefghi";
      in[at] = (char)c;
      pl_buf want;
      pl_buf_init(&want, 0);
      pl_buf_addc(&want, '"');
      for (int i = 0; i < 9; i++) {
        unsigned char u = (unsigned char)in[i];
        char e[8];
        if (u == '"' || u == '\\') snprintf(e, sizeof e, "\\%c", u);
        else if (u == '\n') snprintf(e, sizeof e, "\\n");
        else if (u == '\r') snprintf(e, sizeof e, "\\r");
        else if (u == '\t') snprintf(e, sizeof e, "\\t");
        else if (u == '\b') snprintf(e, sizeof e, "\\b");
        else if (u == '\f') snprintf(e, sizeof e, "\\f");
        else if (u < 0x20) snprintf(e, sizeof e, "\\u%04x", u);
        else if (u >= 0x80) snprintf(e, sizeof e, "\xEF\xBF\xBD");
        else snprintf(e, sizeof e, "%c", u);
        pl_buf_adds(&want, e);
      }
      pl_buf_addc(&want, '"');
      OK(!strcmp(json(in, 9), want.p), "byte %02x at %d: %s", c, at,
         json(in, 9));
      pl_buf_free(&want);
    }
  json(NULL, 0);
  INT_EQ(json_random(), 0, "random strings escaped as byte by byte");
  return h_done("test_buf");
}
