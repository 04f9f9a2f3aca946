/*
 * test_token.c - the tokenizer: hyphens, possessives, contractions,
 * numbers, abbreviations, capitals, non-ASCII names, symbols, web
 * addresses and over-long runs.  Each case lists the expected tokens
 * joined by single spaces (the normalised surface of each token).
 */
#include "harness.h"
#include "internal.h"

static parley_doc *doc;

static void tokenize(const char *text) {
  parley_article a = {.id = "t", .text = text, .text_len = strlen(text)};
  INT_EQ(parley_doc_code_until(doc, &a, "token"), PARLEY_OK, "code %s", text);
}

/* The tokens of the last text joined by spaces (static buffer). */
static const char *joined(void) {
  static char buf[4096];
  size_t k = 0;
  for (uint32_t i = 0; i < doc->toks.n && k + 2 < sizeof buf; i++) {
    const pl_token *t = &doc->toks.v[i];
    if (i) buf[k++] = ' ';
    size_t n = t->len < sizeof buf - k - 1 ? t->len : sizeof buf - k - 1;
    memcpy(buf + k, doc->text + t->off, n);
    k += n;
  }
  buf[k] = 0;
  return buf;
}

static void tok(const char *in, const char *want) {
  tokenize(in);
  STR_EQ(joined(), want, "tokens of \"%s\"", in);
}

/* Index of the first token whose surface is s, or -1. */
static int find(const char *s) {
  for (uint32_t i = 0; i < doc->toks.n; i++)
    if (doc->toks.v[i].len == strlen(s) &&
        !memcmp(doc->text + doc->toks.v[i].off, s, doc->toks.v[i].len))
      return (int)i;
  return -1;
}

static unsigned flags_of(const char *s) {
  int i = find(s);
  return i < 0 ? 0 : doc->toks.v[i].flags;
}

static const char *key_of(const char *s) {
  int i = find(s);
  return i < 0 ? "(none)" : doc->toks.v[i].key;
}
static const char *lower_of(const char *s) {
  int i = find(s);
  return i < 0 ? "(none)" : doc->toks.v[i].lower;
}

int main(void) {
  parley_ctx *ctx = parley_ctx_new();
  doc = parley_doc_new(ctx);

  /* hyphens split compounds; the '-' token is glued (no PL_TF_SPACE) */
  tok("the Hamas-led attack", "the Hamas - led attack");
  OK(!(flags_of("-") & PL_TF_SPACE), "inner hyphen has no space before");
  OK(!(flags_of("led") & PL_TF_SPACE), "led glued to the hyphen");
  tok("pro-Iranian al-Mayadeen", "pro - Iranian al - Mayadeen");
  tok("a year-long war", "a year - long war");
  tok("Talks -- and more -- failed", "Talks -- and more -- failed");
  tok("Gaza-Egypt border", "Gaza - Egypt border");

  /* possessives: 's, curly 's (normalised), plural ' */
  tok("Netanyahu's office", "Netanyahu 's office");
  OK(flags_of("'s") & PL_TF_POSS, "'s is a possessive");
  tok("Qatar\xE2\x80\x99s prime minister", "Qatar 's prime minister");
  OK(flags_of("'s") & PL_TF_POSS, "curly 's is a possessive");
  tok("Hamas' position", "Hamas ' position");
  OK(flags_of("'") & PL_TF_POSS, "plural possessive apostrophe");
  OK(!(flags_of("'") & PL_TF_QUOTE), "... not a quote");
  tok("Hamas\xE2\x80\x99 position", "Hamas ' position");
  tok("HAMAS'S LEADER", "HAMAS 'S LEADER");

  /* contractions */
  tok("He didn't go", "He did n't go");
  tok("They can't and won't", "They ca n't and wo n't");
  tok("We're sure they've left; I'm told he'd go and we'll see",
      "We 're sure they 've left ; I 'm told he 'd go and we 'll see");
  tok("It's over", "It 's over");
  tok("O'Brien and D'Souza met", "O'Brien and D'Souza met");

  /* numbers */
  tok("42,847 people", "42,847 people");
  OK(flags_of("42,847") & PL_TF_NUM, "42,847 is a number");
  tok("1.5m doses and 100,544 injured in 2023", "1.5m doses and 100,544 "
      "injured in 2023");
  OK(flags_of("1.5m") & PL_TF_NUM, "1.5m is a number");
  tok("his 11th visit in the 1990s", "his 11th visit in the 1990s");
  OK(flags_of("11th") & PL_TF_NUM, "11th is a number");
  OK(flags_of("1990s") & PL_TF_NUM, "1990s is a number");
  tok("$1.5bn and 3.2% and 20km", "$ 1.5bn and 3.2 % and 20km");
  tok("the F16 and the G20", "the F16 and the G20");
  OK(flags_of("F16") & PL_TF_WORD, "F16 is a word");
  tok("it fell 12,000.", "it fell 12,000 .");
  tok("1,2,3", "1,2,3");
  tok("at 10:30 on 24/10/2024", "at 10 : 30 on 24 / 10 / 2024");
  tok("-5 degrees", "- 5 degrees");

  /* abbreviations keep their period; key drops it */
  tok("U.S. and U.N. and U.K.", "U.S. and U.N. and U.K.");
  OK(flags_of("U.S.") & PL_TF_ABBR, "U.S. is an abbreviation");
  STR_EQ(key_of("U.S."), "us", "key of U.S.");
  STR_EQ(lower_of("U.S."), "u.s.", "lower of U.S.");
  tok("Gen. Dr. Mr. Sen. Gov. Lt. Col. Oct. St. No.",
      "Gen. Dr. Mr. Sen. Gov. Lt. Col. Oct. St. No.");
  tok("George W. Bush and J.D. Vance", "George W. Bush and J.D. Vance");
  tok("at 10 a.m. Sunday", "at 10 a.m. Sunday");
  tok("Ali, Ph.D., e.g. this", "Ali , Ph.D. , e.g. this");
  OK(flags_of("Ph.D.") & PL_TF_ABBR, "Ph.D. is an abbreviation");
  tok("Gen.Smith and Doha.Qatar", "Gen. Smith and Doha . Qatar");
  tok("the U.S.-led plan", "the U.S. - led plan");
  tok("It ended.", "It ended .");
  tok("He paused...", "He paused ...");
  OK(flags_of("...") & PL_TF_PUNCT, "ellipsis is punctuation");
  tok("the end.\"", "the end . \"");

  /* capitals */
  tok("DOHA (AP) --", "DOHA ( AP ) --");
  OK(flags_of("DOHA") & PL_TF_ALLCAP, "DOHA is all caps");
  OK(flags_of("DOHA") & PL_TF_CAP, "DOHA is capitalised");
  OK(!(flags_of("(") & PL_TF_CAP), "( is not");
  tok("Doha is I", "Doha is I");
  OK(!(flags_of("Doha") & PL_TF_ALLCAP), "Doha is not all caps");
  OK(!(flags_of("I") & PL_TF_ALLCAP), "one letter is not all caps");
  OK(flags_of("I") & PL_TF_CAP, "I is capitalised");

  /* non-ASCII names are words; lower case is Unicode-aware */
  tok("Erdo\xC4\x9F" "an met S\xC3\xA1nchez", "Erdo\xC4\x9F" "an met "
      "S\xC3\xA1nchez");
  OK(flags_of("S\xC3\xA1nchez") & PL_TF_WORD, "S\xC3\xA1nchez is a word");
  tok("\xC3\x89MILE and \xC3\x89mile", "\xC3\x89MILE and \xC3\x89mile");
  OK(flags_of("\xC3\x89mile") & PL_TF_CAP, "capital \xC3\x89");
  OK(flags_of("\xC3\x89MILE") & PL_TF_ALLCAP, "all caps with \xC3\x89");
  STR_EQ(lower_of("\xC3\x89MILE"), "\xC3\xA9mile", "Unicode lower case");
  tok("\xD8\xA7\xD9\x84\xD9\x82\xD8\xAF\xD8\xB3 news",
      "\xD8\xA7\xD9\x84\xD9\x82\xD8\xAF\xD8\xB3 news");

  /* symbols and emoji are punctuation tokens of one code point */
  tok("peace \xF0\x9F\x99\x8F now", "peace \xF0\x9F\x99\x8F now");
  OK(flags_of("\xF0\x9F\x99\x8F") & PL_TF_PUNCT, "emoji is punctuation");
  tok("\xE2\x82\xAC" "5m for aid", "\xE2\x82\xAC 5m for aid");
  tok("\xE2\x80\xA2 first point", "\xE2\x80\xA2 first point");
  tok("a\xF0\x9F\x99\x8F" "b", "a \xF0\x9F\x99\x8F b");
  tok("Gaza@war #ceasefire", "Gaza @ war # ceasefire");

  /* web addresses, e-mail and domains are one token */
  tok("see https://example.com/a.b?c=1, then", "see "
      "https://example.com/a.b?c=1 , then");
  OK(flags_of("https://example.com/a.b?c=1") & PL_TF_URL, "URL flag");
  tok("at www.example.org/talks.", "at www.example.org/talks .");
  tok("write to press@example.org.", "write to press@example.org .");
  tok("on example.com today", "on example.com today");
  tok("Doha.The talks", "Doha . The talks");

  /* whitespace flag */
  tokenize("a  b\n(c)");
  OK(doc->toks.v[0].flags & PL_TF_SPACE, "first token counts as spaced");
  OK(doc->toks.v[1].flags & PL_TF_SPACE, "b after spaces");
  OK(doc->toks.v[2].flags & PL_TF_SPACE, "( after newline");
  OK(!(doc->toks.v[3].flags & PL_TF_SPACE), "c glued to (");

  /* very long runs are cut into pieces of at most PL_MAX_TOKEN_BYTES,
   * never inside a UTF-8 sequence, in linear time */
  {
    size_t n = 200000;
    char *big = malloc(n + 1);
    for (size_t i = 0; i < n; i++) big[i] = (char)('a' + i % 3);
    big[n] = 0;
    tokenize(big);
    OK(doc->toks.n >= n / PL_MAX_TOKEN_BYTES, "cut into pieces: %u",
       doc->toks.n);
    size_t total = 0;
    for (uint32_t i = 0; i < doc->toks.n; i++) {
      OK(doc->toks.v[i].len <= PL_MAX_TOKEN_BYTES, "piece %u too long", i);
      total += doc->toks.v[i].len;
    }
    INT_EQ(total, n, "pieces cover the run");
    /* the same with two-byte letters: no piece ends inside a letter */
    for (size_t i = 0; i + 1 < n; i += 2) {
      big[i] = '\xC3';
      big[i + 1] = '\xA9';
    }
    tokenize(big);
    int broken = 0;
    for (uint32_t i = 0; i < doc->toks.n; i++)
      broken += ((unsigned char)doc->text[doc->toks.v[i].off] & 0xC0) == 0x80;
    INT_EQ(broken, 0, "no token starts inside a UTF-8 sequence");
    for (size_t i = 0; i < n; i++) big[i] = (char)('0' + i % 10);
    tokenize(big);
    OK(doc->toks.n >= n / PL_MAX_TOKEN_BYTES, "digit run cut too");
    free(big);
  }

  /* tokens never overlap and cover only non-space bytes */
  tokenize("A \"quote\" (and) U.S.-led, 3.5m; x's -- y... \xE2\x80\x94 "
           "\xF0\x9F\x99\x8F\xC3\xA9 ''");
  uint32_t end = 0;
  for (uint32_t i = 0; i < doc->toks.n; i++) {
    const pl_token *t = &doc->toks.v[i];
    OK(t->off >= end, "token %u overlaps", i);
    OK(t->len > 0, "token %u empty", i);
    OK(t->lower && t->key, "forms of token %u", i);
    end = t->off + t->len;
  }

  parley_doc_free(doc);
  parley_ctx_free(ctx);
  return h_done("test_token");
}
