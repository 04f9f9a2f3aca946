/* test_counts.c - casualty and other counts on sentences written for
 * these tests: number forms, qualifiers, ranges, each construct,
 * attribution, period, and numbers that are not counts. */
#include "harness.h"
#include "internal.h"

static parley_ctx *ctx;
static parley_doc *doc;

static void code(const char *text) {
  parley_article a = {.id = "t", .date = "2024-03-14", .text = text,
                      .text_len = strlen(text)};
  INT_EQ(parley_doc_code(doc, &a), PARLEY_OK, "%s", text);
}

static const pl_count *find(const char *kind, double v) {
  for (uint32_t i = 0; i < doc->counts.n; i++)
    if (!strcmp(doc->counts.v[i].kind, kind) && doc->counts.v[i].value == v)
      return &doc->counts.v[i];
  return NULL;
}

/* Expects exactly one count in text. */
static const pl_count *one(const char *text, const char *kind, double v,
                           double vmax, const char *qual,
                           const char *pattern) {
  code(text);
  INT_EQ(doc->counts.n, 1, "counts in: %s", text);
  const pl_count *c = find(kind, v);
  OK(c != NULL, "%s %g in: %s", kind, v, text);
  if (!c) return NULL;
  OK(c->value_max == vmax, "value_max %g want %g: %s", c->value_max, vmax,
     text);
  STR_EQ(c->qualifier, qual, "qualifier: %s", text);
  if (pattern) STR_EQ(c->pattern, pattern, "pattern: %s", text);
  return c;
}

static const char *code_of(int32_t m) {
  int32_t r = pl_ment_resolved(doc, m);
  if (r < 0 || !doc->ments.v[r].a.code) return "";
  return doc->ments.v[r].a.code;
}

static char sb[200];
static const char *src(const pl_count *c) {
  size_t l = c->src_len < sizeof sb - 1 ? c->src_len : sizeof sb - 1;
  memcpy(sb, doc->text + c->src_off, l);
  sb[l] = 0;
  return sb;
}

int main(void) {
  ctx = parley_ctx_new();
  doc = parley_doc_new(ctx);
  const pl_count *c;

  /* N-passive with a coordinated second count inheriting the verb */
  code("At least 12 people were killed and 30 wounded in an airstrike on "
       "Monday, the health ministry said.");
  INT_EQ(doc->counts.n, 2, "two counts");
  c = find("killed", 12);
  OK(c && !strcmp(c->qualifier, "at least"), "12 killed at least");
  if (c) STR_EQ(src(c), "the health ministry", "source from cue subject");
  c = find("injured", 30);
  OK(c && !strcmp(c->qualifier, ""), "30 wounded");
  if (c) STR_EQ(src(c), "the health ministry", "source shared");

  /* number forms */
  one("The attack killed more than two dozen civilians.", "killed", 24, 24,
      "more than", "verb-N");
  one("Dozens of protesters were arrested.", "arrested", 24, 99, "", NULL);
  one("Police detained between 40 and 50 people.", "detained", 40, 50,
      "between", "verb-N");
  one("Officials said 15 to 20 villagers are missing.", "missing", 15, 20,
      "", NULL);
  one("Some 1.5 million people have been displaced since January 2024.",
      "displaced", 1.5e6, 1.5e6, "some", "N-passive");
  c = find("displaced", 1.5e6);
  if (c) {
    INT_EQ(c->since.y, 2024, "since year");
    INT_EQ(c->since.m, 1, "since month");
    INT_EQ(c->since.prec, PL_PREC_MONTH, "month precision");
  }
  one("Tens of thousands of people were displaced.", "displaced", 20000,
      99999, "", NULL);
  one("Twenty-five people died in the fire.", "killed", 25, 25, "", NULL);
  one("Nearly 300 Palestinians were injured.", "injured", 300, 300, "nearly",
      NULL);
  one("A dozen fishermen were kidnapped.", "kidnapped", 12, 12, "", NULL);
  one("Hamas released 13 hostages on Friday.", "released", 13, 13, "",
      "verb-N");
  one("Two aid workers were taken hostage.", "captured", 2, 2, "", NULL);
  one("The death toll rose to 85.", "killed", 85, 85, "", "toll");
  one("The clashes left up to 40 dead.", "killed", 40, 40, "up to", NULL);
  one("Hundreds were taken into custody.", "arrested", 200, 999, "", NULL);
  code("Three soldiers were kidnapped and five went missing.");
  OK(find("kidnapped", 3) && find("missing", 5), "kidnapped + missing");

  /* attribution forms and period with a day */
  c = one("About 70 people were killed since Oct. 7, 2023, according to "
          "the United Nations.",
          "killed", 70, 70, "about", NULL);
  if (c) {
    STR_EQ(src(c), "the United Nations", "according to");
    INT_EQ(c->since.y, 2023, "since year");
    INT_EQ(c->since.d, 7, "since day");
    INT_EQ(c->since.prec, PL_PREC_DAY, "day precision");
  }
  /* a month with no year: the latest one not after the article date */
  c = one("Over 900 people have been arrested since May, citing local "
          "monitors.",
          "arrested", 900, 900, "over", NULL);
  if (c) {
    INT_EQ(c->since.y, 2023, "May before March 2024 -> 2023");
    STR_EQ(src(c), "local monitors", "citing");
  }

  /* a reporting cue's subject with nouns the lexicon tags */
  c = one("Gunmen killed at least 9 villagers, the regional relief agency "
          "reported.",
          "killed", 9, 9, "at least", "verb-N");
  if (c) STR_EQ(src(c), "the regional relief agency", "tagged nouns");
  c = one("Five workers were kidnapped, security sources in the provincial "
          "capital said.",
          "kidnapped", 5, 5, "", NULL);
  if (c)
    STR_EQ(src(c), "security sources in the provincial capital",
           "phrase with a preposition");

  /* a parenthetical between the noun and its verb; remain + participle */
  one("Nearly 2 million people, or about 80 percent of residents, have been "
      "displaced.",
      "displaced", 2e6, 2e6, "nearly", "N-passive");
  one("Eleven fishermen remain missing.", "missing", 11, 11, "", NULL);
  one("Some 3,000 villagers fled last week.", "displaced", 3000, 3000,
      "some", NULL);
  /* the perpetrator of verb-N is the first mention of its clause */
  code("Police arrested 30 students and detained dozens more.");
  c = find("detained", 24);
  OK(c && c->by >= 0 && c->by == (find("arrested", 30) ? find("arrested", 30)->by : -2),
     "second verb keeps the subject");

  /* planned acts are flagged */
  c = one("Israel said it would free over 150 prisoners next month.",
          "released", 150, 150, "over", "verb-N");
  OK(c && (c->flags & PL_CF_INTENT), "would free: intent");
  c = one("Some 40 detainees are to be released on Sunday.", "released", 40,
          40, "some", "N-passive");
  OK(c && (c->flags & PL_CF_INTENT), "are to be released: intent");
  c = one("Nine miners are believed to have been killed.", "killed", 9, 9,
          "", "N-passive");
  OK(c && !(c->flags & PL_CF_INTENT), "believed to have been: not intent");
  c = one("Police freed 40 detainees on Sunday.", "released", 40, 40, "",
          "verb-N");
  OK(c && !(c->flags & PL_CF_INTENT), "freed: done");

  /* victims' side and perpetrator from the actor mentions */
  code("At least 12 Palestinians were killed in Israeli strikes on Gaza. "
       "Hamas militants killed three Israeli soldiers. Five civilians were "
       "wounded by Russian shelling.");
  c = find("killed", 12);
  OK(c && !strncmp(code_of(c->who), "PSE", 3), "who PSE: %s",
     c ? code_of(c->who) : "-");
  OK(c && !strncmp(code_of(c->by), "ISR", 3), "by ISR: %s",
     c ? code_of(c->by) : "-");
  c = find("killed", 3);
  OK(c && !strncmp(code_of(c->who), "ISR", 3), "who ISR (soldiers)");
  OK(c && strstr(code_of(c->by), "HMS"), "by Hamas (verb subject)");
  c = find("injured", 5);
  OK(c && !strncmp(code_of(c->by), "RUS", 3), "by RUS (by X shelling)");

  /* not counts: dates, years, ordinals, durations, percentages */
  code("A 300-page report released on Monday blamed the army.");
  INT_EQ(doc->counts.n, 0, "compound modifier");
  code("On May 31 the talks resumed for the 11th time after 12 days, and "
       "in 2023 turnout rose 40 percent.");
  INT_EQ(doc->counts.n, 0, "no counts");
  code("The offensive killed 3 days after the truce.");
  INT_EQ(doc->counts.n, 0, "duration after a kill verb");
  code("The attack of Oct. 7 killed no one.");
  INT_EQ(doc->counts.n, 0, "day of a month");

  /* JSON record */
  code("At least 12 people were killed, the ministry said.");
  pl_buf b;
  pl_buf_init(&b, 0);
  pl_write_one(doc, &b, PARLEY_REC_COUNT, 0);
  OK(b.p && strstr(b.p, "\"value\":12") && strstr(b.p, "\"at least\"") &&
         strstr(b.p, "\"pattern\":\"N-passive\""),
     "%s", b.p);
  pl_buf_free(&b);

  parley_doc_free(doc);
  parley_ctx_free(ctx);
  return h_done("counts");
}
