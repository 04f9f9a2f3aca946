/*
 * test_normalize.c - text clean-up and the map back to original bytes.
 *
 * Checks each replacement (quotes, dashes, spaces, invisible characters,
 * line ends), strict UTF-8 (invalid, overlong, surrogate, truncated and
 * out-of-range sequences become U+FFFD and are counted), NFC, and that
 * every token and every JSON span points at the right original bytes.
 */
#include "harness.h"
#include "internal.h"
#include <jansson.h>

static parley_doc *doc;

static void norm_n(const char *in, size_t n) {
  parley_article a = {.id = "t", .text = in, .text_len = n};
  INT_EQ(parley_doc_code_until(doc, &a, "normalize"), PARLEY_OK, "code");
}

/* Normalises in and compares the text with want. */
static void nz(const char *in, const char *want, size_t bad) {
  norm_n(in, strlen(in));
  STR_EQ(doc->text, want, "normalised \"%s\"", in);
  INT_EQ(doc->bad_utf8, bad, "bad bytes in \"%s\"", in);
  INT_EQ(strlen(doc->text), doc->text_len, "no NUL inside");
  OK(pl_utf8_valid(doc->text, doc->text_len), "output is valid UTF-8");
}

/* Normalising a slice of the original must give back exactly the
 * normalised slice: the property the offset map promises. */
static int renorm_eq(parley_ctx *ctx, const char *orig, uint32_t a,
                     uint32_t b, const char *want, size_t wn) {
  parley_doc *d2 = parley_doc_new(ctx);
  parley_article x = {.id = "s", .text = orig + a, .text_len = b - a};
  parley_doc_code_until(d2, &x, "normalize");
  int ok = d2->text_len == wn && !memcmp(d2->text, want, wn);
  if (!ok)
    fprintf(stderr, "  slice [%u,%u) '%.*s' -> '%s', want '%.*s'\n", a, b,
            (int)(b - a), orig + a, d2->text, (int)wn, want);
  parley_doc_free(d2);
  return ok;
}

/* Every token of text maps back to original bytes that normalise to it;
 * tokens of plain characters map to themselves exactly. */
static void map_check(parley_ctx *ctx, const char *text, size_t n) {
  parley_article a = {.id = "t", .text = text, .text_len = n};
  INT_EQ(parley_doc_code_until(doc, &a, "token"), PARLEY_OK, "code");
  INT_EQ(doc->omap[doc->text_len], n, "last map entry = original length");
  for (size_t i = 1; i <= doc->text_len; i++)
    if (doc->omap[i] < doc->omap[i - 1]) {
      OK(0, "omap decreases at %zu", i);
      break;
    }
  for (uint32_t i = 0; i < doc->toks.n; i++) {
    const pl_token *t = &doc->toks.v[i];
    uint32_t a0 = doc->omap[t->off], a1 = doc->omap[t->off + t->len];
    OK(a0 < a1 && a1 <= n, "token %u maps to [%u,%u)", i, a0, a1);
    OK(renorm_eq(ctx, text, a0, a1, doc->text + t->off, t->len),
       "token %u '%.*s' maps back", i, (int)t->len, doc->text + t->off);
  }
}

int main(void) {
  parley_ctx *ctx = parley_ctx_new();
  doc = parley_doc_new(ctx);

  /* quotes */
  nz("\xE2\x80\x9CYes,\xE2\x80\x9D he said", "\"Yes,\" he said", 0);
  nz("\xE2\x80\x98no\xE2\x80\x99 and Qatar\xE2\x80\x99s", "'no' and Qatar's", 0);
  nz("\xC2\xAB" "non\xC2\xBB \xE2\x80\x9E" "ja\xE2\x80\x9C",
     "\"non\" \"ja\"", 0);
  nz("5\xE2\x80\xB2 and 6\xE2\x80\xB3", "5' and 6\"", 0);
  nz("``Yes,'' he said; 'no' ```", "\"Yes,\" he said; 'no' \"`", 0);
  /* dashes */
  nz("Gaza\xE2\x80\x93" "Egypt", "Gaza-Egypt", 0);           /* en dash */
  nz("DOHA \xE2\x80\x94 Talks", "DOHA -- Talks", 0);         /* em dash */
  nz("a\xE2\x80\x95" "b \xE2\x88\x92" "5 non\xE2\x80\x91" "stop",
     "a--b -5 non-stop", 0); /* bar, minus, non-breaking hyphen */
  nz("wait\xE2\x80\xA6", "wait...", 0);
  /* spaces */
  nz("10\xC2\xA0" "km", "10 km", 0);                         /* NBSP */
  nz("a\xE2\x80\x89" "b\xE2\x80\xAF" "c\xE3\x80\x80" "d", "a b c d", 0);
  nz("a\tb\x01" "c\x7F" "d", "a b c d", 0);
  /* invisible characters are dropped */
  nz("Ga\xE2\x80\x8Bza", "Gaza", 0);                          /* ZWSP */
  nz("Ga\xC2\xAD" "za", "Gaza", 0);                           /* soft hyphen */
  nz("\xEF\xBB\xBFHello", "Hello", 0);                         /* BOM */
  nz("a\xE2\x80\x8C\xE2\x80\x8D\xE2\x81\xA0" "b", "ab", 0);
  /* line ends */
  nz("one\r\ntwo\rthree\n", "one\ntwo\nthree\n", 0);
  nz("a\xE2\x80\xA8" "b\xE2\x80\xA9" "c\xC2\x85" "d", "a\nb\n\nc\nd", 0);
  /* invalid UTF-8: every bad byte becomes U+FFFD and is counted */
  nz("a\xFF" "b", "a\xEF\xBF\xBD" "b", 1);
  nz("\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD", 2);       /* stray continuation */
  nz("x\xC3", "x\xEF\xBF\xBD", 1);                      /* truncated at end */
  nz("\xE2\x80" "a", "\xEF\xBF\xBD\xEF\xBF\xBD" "a", 2); /* truncated */
  nz("\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", 2);       /* overlong '/' */
  nz("\xE0\x80\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3); /* overlong */
  nz("\xF0\x80\x80\xAF",
     "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4);
  nz("\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3); /* surrogate */
  nz("\xED\xBF\xBF", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3);
  nz("\xF4\x90\x80\x80",
     "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4); /* > U+10FFFF */
  nz("\xF8\x88\x80\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
     "\xEF\xBF\xBD\xEF\xBF\xBD", 5); /* five-byte form */
  nz("ok \xF0\x9F\x99\x8F", "ok \xF0\x9F\x99\x8F", 0); /* valid 4-byte */
  nz("\xEF\xBF\xBD", "\xEF\xBF\xBD", 0); /* a real U+FFFD is not "bad" */
  /* the library's own decoder agrees */
  {
    uint32_t cp;
    int bad = 0;
    INT_EQ(pl_utf8_decode((const unsigned char *)"\xC0\x80", 2, &cp, &bad), 1,
           "overlong NUL");
    OK(bad && cp == 0xFFFD, "overlong rejected");
    bad = 0;
    pl_utf8_decode((const unsigned char *)"\xED\xB0\x80", 3, &cp, &bad);
    OK(bad, "low surrogate rejected");
    bad = 0;
    INT_EQ(pl_utf8_decode((const unsigned char *)"\xC4\x9F", 2, &cp, &bad), 2,
           "g breve");
    OK(!bad && cp == 0x11F, "decoded");
    OK(!pl_utf8_valid("\xE0\x9F\xBF", 3), "overlong 3-byte invalid");
  }
  /* NFC */
  nz("Cafe\xCC\x81", "Caf\xC3\xA9", 0);                /* e + acute */
  nz("Sa\xCC\x81nchez Erdog\xCC\x86" "an", "S\xC3\xA1nchez Erdo\xC4\x9F" "an",
     0);
  nz("\xE2\x84\xAB", "\xC3\x85", 0);                  /* Angstrom sign */
  nz("o\xCC\x88\xCC\x81", "\xC3\xB6\xCC\x81", 0);     /* o + diaeresis + acute */
  nz("\xC3\xA9", "\xC3\xA9", 0);                       /* already NFC */
  nz("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", "\xED\x95\x9C", 0); /* Hangul */
  nz("\xCC\x81" "a", "\xCC\x81" "a", 0);              /* lone mark kept */
  nz("\xE2\x80\x9C\xCC\x81", "\"\xCC\x81", 0);        /* mark after a quote */

  /* the map: a few exact offsets */
  {
    const char *in = "\xE2\x80\x9CHi\xE2\x80\x9D \xE2\x80\x94 Caf" "e\xCC\x81.";
    norm_n(in, strlen(in));
    STR_EQ(doc->text, "\"Hi\" -- Caf\xC3\xA9.", "text");
    INT_EQ(doc->omap[0], 0, "open quote");
    INT_EQ(doc->omap[1], 3, "H");
    INT_EQ(doc->omap[3], 5, "close quote");
    INT_EQ(doc->omap[5], 9, "first dash byte");
    INT_EQ(doc->omap[6], 9, "second dash byte, same source");
    INT_EQ(doc->omap[11], 16, "composed e-acute maps to the e");
    INT_EQ(doc->omap[12], 16, "its second byte too");
    INT_EQ(doc->omap[13], 19, "full stop after the combining mark");
    INT_EQ(doc->omap[14], strlen(in), "end");
  }

  /* every token maps back */
  {
    static const char *texts[] = {
        "\xE2\x80\x9CWe discussed options,\xE2\x80\x9D Blinken said. "
        "Qatar\xE2\x80\x99s prime minister \xE2\x80\x94 Sheikh Mohammed "
        "\xE2\x80\x94 met him.\r\n",
        "Ga\xC2\xAD" "za\xE2\x80\x8B talks\xC2\xA0resumed\xE2\x80\xA6 "
        "Caf" "e\xCC\x81 \xFF\xFE bad \xC0\xAF bytes \xED\xA0\x80!",
        "\xEF\xBB\xBF" "Erdog\xCC\x86" "an \xE2\x84\xAB U.S.-led "
        "\xE2\x80\x98quote\xE2\x80\x99 42,847 \xF0\x9F\x99\x8F end",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
      map_check(ctx, texts[i], strlen(texts[i]));
    /* the seed article, when the shared folder is there */
    size_t n = 0;
    char path[1024];
    const char *dir = getenv("PARLEY_SHARED_DIR");
    snprintf(path, sizeof path, "%s/seed/000_66d7c634845008a1.txt",
             dir ? dir : PL_SHARED_DIR);
    char *seed = h_slurp(path, &n);
    if (seed) map_check(ctx, seed, n);
    free(seed);
  }

  /* JSON output: sentence spans cover original bytes whose normalised
   * form is the sentence text */
  {
    const char *in = "\xE2\x80\x9CWe will return,\xE2\x80\x9D he said"
                     "\xC2\xA0\xE2\x80\x94 then left. Caf" "e\xCC\x81 "
                     "talks \xFF resumed.";
    parley_article a = {.id = "j", .text = in, .text_len = strlen(in)};
    INT_EQ(parley_doc_code(doc, &a), PARLEY_OK, "code");
    size_t len = 0;
    const char *out = parley_doc_render(doc, PARLEY_FMT_JSONL,
                                        PARLEY_REC_SENTENCE, &len);
    OK(out != NULL, "render");
    int nrec = 0;
    for (const char *l = out; l && *l;) {
      const char *e = strchr(l, '\n');
      size_t ln = e ? (size_t)(e - l) : strlen(l);
      json_error_t je;
      json_t *o = json_loadb(l, ln, 0, &je);
      OK(o != NULL, "JSON line parses: %s", je.text);
      json_t *sp = json_object_get(o, "span");
      const char *txt = json_string_value(json_object_get(o, "text"));
      OK(json_is_array(sp) && txt, "span and text");
      if (json_is_array(sp) && txt) {
        uint32_t a0 = (uint32_t)json_integer_value(json_array_get(sp, 0));
        uint32_t a1 = (uint32_t)json_integer_value(json_array_get(sp, 1));
        OK(a0 < a1 && a1 <= strlen(in), "span in range");
        OK(renorm_eq(ctx, in, a0, a1, txt, strlen(txt)),
           "span [%u,%u) is the sentence", a0, a1);
        nrec++;
      }
      json_decref(o);
      l = e ? e + 1 : NULL;
    }
    INT_EQ(nrec, 2, "two sentence records");
    parley_doc_stats st;
    parley_doc_get_stats(doc, &st);
    INT_EQ(st.bad_utf8, 1, "bad byte counted in stats");
  }

  /* output size bound: text that expands under NFC stays within 3x */
  {
    char in[400];
    size_t k = 0;
    while (k + 4 <= sizeof in) {
      memcpy(in + k, "\xF0\x9D\x85\xA0", 4); /* U+1D160, NFC: 3 code points */
      k += 4;
    }
    norm_n(in, k);
    OK(doc->text_len <= 3 * k, "within 3x");
    OK(pl_utf8_valid(doc->text, doc->text_len), "valid");
  }
  /* all 256 byte values, every pair: no crash, valid output, map ok */
  {
    char in[512];
    for (int i = 0; i < 256; i++) {
      in[2 * i] = (char)i;
      in[2 * i + 1] = (char)(255 - i);
    }
    norm_n(in, sizeof in);
    OK(pl_utf8_valid(doc->text, doc->text_len), "valid from any bytes");
    INT_EQ(doc->omap[doc->text_len], sizeof in, "map end");
  }

  parley_doc_free(doc);
  parley_ctx_free(ctx);
  return h_done("test_normalize");
}
