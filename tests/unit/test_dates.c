/* test_dates.c - date expressions and their resolution (dates.c), on
 * sentences written for this test. */
#include "harness.h"
#include "internal.h"

static parley_ctx *ctx;
static parley_doc *doc;

static void code(const char *text, const char *date) {
  parley_article a = {.id = "t", .date = date, .text = text,
                      .text_len = strlen(text)};
  parley_rc rc = parley_doc_code_until(doc, &a, "places");
  if (rc) fprintf(stderr, "code: rc %d %s\n", rc, parley_doc_errmsg(doc));
}

/* The expression whose first token starts at the first occurrence of
 * phrase in the text. */
static const pl_datex *at(const char *phrase) {
  const char *p = strstr(doc->text, phrase);
  if (!p) return NULL;
  uint32_t off = (uint32_t)(p - doc->text);
  for (uint32_t i = 0; i < doc->dates.n; i++)
    if (doc->toks.v[doc->dates.v[i].tok].off == off) return &doc->dates.v[i];
  return NULL;
}

static char buf[8][16];
static int nb;
static const char *fmt(pl_date d) {
  char *o = buf[nb++ % 8];
  if (d.prec == PL_PREC_NONE) return "none";
  pl_date_format(&d, o);
  return o;
}

/* "date/prec" of an expression, or "missing". */
static const char *res(const char *phrase) {
  const pl_datex *x = at(phrase);
  if (!x) return "missing";
  static const char *pc[] = {"N", "Y", "M", "W", "D"};
  char *o = buf[nb++ % 8];
  snprintf(o, 16, "%s/%s", fmt(x->date), pc[x->date.prec % 5]);
  return o;
}

static int ntoks(const char *phrase) {
  const pl_datex *x = at(phrase);
  return x ? (int)x->ntok : -1;
}

/* index of the first token at the first occurrence of w */
static uint32_t tok_of(const char *w) {
  const char *p = strstr(doc->text, w);
  uint32_t off = p ? (uint32_t)(p - doc->text) : 0;
  for (uint32_t i = 0; i < doc->toks.n; i++)
    if (doc->toks.v[i].off >= off) return i;
  return 0;
}

int main(void) {
  ctx = parley_ctx_new();
  doc = parley_doc_new(ctx);
  OK(ctx && doc, "context");
  const char *thu = "2024-10-24"; /* a Thursday */

  /* weekdays: past clause, future clause, the article day itself */
  code("The envoy will fly to Muscat on Sunday for more talks.", thu);
  STR_EQ(res("on Sunday"), "2024-10-27/D", "future Sunday = the coming one");
  INT_EQ(ntoks("on Sunday"), 2, "span includes 'on'");
  OK(at("on Sunday") && (at("on Sunday")->flags & PL_DX_FUTURE), "future");
  code("Rebels shelled the airport on Sunday, officials said.", thu);
  STR_EQ(res("on Sunday"), "2024-10-20/D", "past Sunday");
  code("The two ministers met in Amman on Thursday.", thu);
  STR_EQ(res("on Thursday"), "2024-10-24/D", "article day");
  code("Officials said Tuesday that the border stays shut.", thu);
  STR_EQ(res("Tuesday"), "2024-10-22/D", "bare weekday");
  code("The minister said on Thursday that a delegation would travel on "
       "Saturday.", thu);
  STR_EQ(res("on Thursday"), "2024-10-24/D", "said on Thursday");
  STR_EQ(res("on Saturday"), "2024-10-26/D", "would travel -> coming");
  code("The council is expected to vote on Monday.", thu);
  STR_EQ(res("on Monday"), "2024-10-28/D", "expected to -> future");
  code("The summit will be held on Friday.", thu);
  STR_EQ(res("on Friday"), "2024-10-25/D", "passive future");
  code("They clashed again last Thursday and will meet next Thursday.", thu);
  STR_EQ(res("last Thursday"), "2024-10-17/D", "last Thursday");
  STR_EQ(res("next Thursday"), "2024-10-31/D", "next Thursday");

  /* deictic words */
  code("Troops withdrew yesterday, and talks resume tomorrow; the strike "
       "came today.", thu);
  STR_EQ(res("yesterday"), "2024-10-23/D", "yesterday");
  STR_EQ(res("tomorrow"), "2024-10-25/D", "tomorrow");
  STR_EQ(res("today"), "2024-10-24/D", "today");
  code("Shelling continued overnight and last night.", thu);
  STR_EQ(res("overnight"), "2024-10-24/D", "overnight = article date");
  STR_EQ(res("last night"), "2024-10-23/D", "last night = day before");
  code("Envoys met last week and will meet again next week.", thu);
  STR_EQ(res("last week"), "2024-10-14/W", "Monday of previous week");
  STR_EQ(res("next week"), "2024-10-28/W", "Monday of next week");
  code("Protests grew over the weekend; more are planned next weekend.", thu);
  STR_EQ(res("the weekend"), "2024-10-14/W", "weekend before a Thursday");
  STR_EQ(res("next weekend"), "2024-10-28/W", "next weekend");
  code("Protests grew over the weekend.", "2024-10-27"); /* a Sunday */
  STR_EQ(res("the weekend"), "2024-10-21/W", "the weekend on a Sunday");
  code("Prices rose last month and this year; the vote is next month.", thu);
  STR_EQ(res("last month"), "2024-09/M", "last month");
  STR_EQ(res("this year"), "2024/Y", "this year");
  STR_EQ(res("next month"), "2024-11/M", "next month");
  code("The army said earlier this month that it had widened the raids.", thu);
  STR_EQ(res("earlier this month"), "2024-10/M", "earlier this month");
  INT_EQ(ntoks("earlier this month"), 3, "span");
  code("At least 30 people were killed in the past 24 hours.", thu);
  STR_EQ(res("in the past 24 hours"), "2024-10-24/D", "past 24 hours");
  code("Aid deliveries fell over the past week.", thu);
  STR_EQ(res("the past week"), "2024-10-18/W", "rolling 7-day span start");
  code("The base was hit two days ago and again three weeks ago.", thu);
  STR_EQ(res("two days ago"), "2024-10-22/D", "two days ago");
  STR_EQ(res("three weeks ago"), "2024-09-30/W", "three weeks ago");

  /* month-day without a year */
  code("The proposal was first made on May 31.", thu);
  STR_EQ(res("on May 31"), "2024-05-31/D", "most recent May 31");
  code("The deal will take effect on November 5.", thu);
  STR_EQ(res("on November 5"), "2024-11-05/D", "future: coming Nov 5");
  code("Fighting broke out on December 2.", thu);
  STR_EQ(res("on December 2"), "2023-12-02/D", "past: previous year");
  code("The camp was struck in July.", thu);
  STR_EQ(res("in July"), "2024-07/M", "in July");
  code("The camp was struck in November.", thu);
  STR_EQ(res("in November"), "2023-11/M", "past November");
  code("Elections may be held in May.", thu);
  STR_EQ(res("in May"), "2025-05/M", "future May (modal 'may' is no month)");
  OK(at("may be") == NULL, "modal may is not a date");

  /* absolute forms */
  code("Hamas attacked on Oct. 7, 2023, and the war began.", thu);
  STR_EQ(res("on Oct. 7, 2023"), "2023-10-07/D", "Oct. 7, 2023");
  INT_EQ(ntoks("on Oct. 7, 2023"), 5, "span on Oct. 7 , 2023");
  OK(at("on Oct.") && !(at("on Oct.")->flags & PL_DX_RELATIVE), "absolute");
  code("The raid of October 7, 2023 and the attack of 7 October 2023 are one.",
       thu);
  STR_EQ(res("October 7, 2023"), "2023-10-07/D", "October 7, 2023");
  STR_EQ(res("7 October 2023"), "2023-10-07/D", "7 October 2023");
  code("The report is dated 2023-10-07 and covers events in 2022.", thu);
  STR_EQ(res("2023-10-07"), "2023-10-07/D", "ISO date");
  STR_EQ(res("in 2022"), "2022/Y", "in 2022");
  code("Some 40,000 people have been killed since October 2023.", thu);
  STR_EQ(res("since October 2023"), "2023-10/M", "since month");
  OK(at("since October") && (at("since October")->flags & PL_DX_SINCE),
     "since flag");
  code("Fighting has gone on since mid-October.", thu);
  STR_EQ(res("since mid-October"), "2024-10/M", "since mid-October");
  code("About 2024 people fled.", thu);
  OK(doc->dates.n == 0, "a bare number is no year");

  /* a year-less day the article states with a year elsewhere */
  code("The war began with the raid of October 7, 2023. Survivors of the "
       "Oct. 7 raid testified.", thu);
  STR_EQ(res("Oct. 7 raid"), "2023-10-07/D", "year from the article");

  /* leap years and year boundaries */
  code("The ceasefire was signed on February 29.", "2024-03-10");
  STR_EQ(res("on February 29"), "2024-02-29/D", "leap day in leap year");
  code("The ceasefire was signed on February 29.", "2025-03-10");
  STR_EQ(res("on February 29"), "2024-02-29/D", "leap day: nearest leap year");
  code("The ceasefire was signed on February 29, 2023.", "2025-03-10");
  OK(at("on February 29") == NULL || at("on February 29")->date.prec != 4,
     "no Feb 29 2023 as a day");
  code("Envoys met on Saturday.", "2025-01-01"); /* a Wednesday */
  STR_EQ(res("on Saturday"), "2024-12-28/D", "across the year boundary");
  code("Talks were held last week and last month.", "2025-01-02");
  STR_EQ(res("last week"), "2024-12-23/W", "last week over new year");
  STR_EQ(res("last month"), "2024-12/M", "last month over new year");
  code("Talks will resume on Friday and next month.", "2024-12-30");
  STR_EQ(res("on Friday"), "2025-01-03/D", "future Friday next year");
  STR_EQ(res("next month"), "2025-01/M", "next month over new year");
  code("The truce began yesterday.", "2024-03-01");
  STR_EQ(res("yesterday"), "2024-02-29/D", "yesterday on a leap year");
  code("Shells fell on January 2.", "2024-01-01");
  STR_EQ(res("on January 2"), "2023-01-02/D", "past Jan 2 is last year");

  /* unknown article date: relative stays unresolved, absolute resolves */
  code("Talks ended on Sunday. The attack of Oct. 7, 2023 was recalled.",
       NULL);
  STR_EQ(res("on Sunday"), "none/N", "no article date");
  STR_EQ(res("Oct. 7, 2023"), "2023-10-07/D", "absolute without date");
  pl_date d = pl_date_for(doc, 0, 0, doc->sents.v[0].ntok, 0);
  INT_EQ(d.prec, PL_PREC_NONE, "pl_date_for with no article date");

  /* pl_date_for: clause choice, fallbacks, caller's tense */
  code("Blinken said on Thursday that the envoy will travel to Muscat on "
       "Sunday.", thu);
  uint32_t will = tok_of("will"), said = tok_of("said");
  uint32_t end = doc->sents.v[0].tok0 + doc->sents.v[0].ntok;
  d = pl_date_for(doc, 0, tok_of("the envoy"), end, 1);
  STR_EQ(fmt(d), "2024-10-27", "travel clause -> coming Sunday");
  d = pl_date_for(doc, 0, 0, tok_of("that"), 0);
  STR_EQ(fmt(d), "2024-10-24", "said clause -> Thursday");
  (void)will;
  (void)said;
  code("On Sunday, jets struck a depot near the port.", thu);
  d = pl_date_for(doc, 0, tok_of("jets"), doc->sents.v[0].ntok, 0);
  STR_EQ(fmt(d), "2024-10-20", "sentence-initial expression");
  d = pl_date_for(doc, 0, tok_of("jets"), doc->sents.v[0].ntok, 1);
  STR_EQ(fmt(d), "2024-10-27", "caller says future");
  code("The envoy will fly to Muscat on Sunday to try to revive talks and "
       "meet the sultan.", thu);
  d = pl_date_for(doc, 0, tok_of("meet"), doc->sents.v[0].ntok, 0);
  STR_EQ(fmt(d), "2024-10-27", "purpose infinitives share the trip's date");
  code("Rebels shelled the town last week in a raid that wounded the mayor.",
       thu);
  d = pl_date_for(doc, 0, tok_of("wounded"), doc->sents.v[0].ntok, 0);
  STR_EQ(fmt(d), "2024-10-14", "relative clause takes its antecedent's date");
  code("The minister said on Thursday that rebels shelled the town.",
       "2024-10-26");
  d = pl_date_for(doc, 0, tok_of("rebels"), doc->sents.v[0].ntok, 0);
  STR_EQ(fmt(d), "2024-10-26", "reported clause: not the saying's date");
  d = pl_date_for(doc, 0, 0, tok_of("that"), 0);
  STR_EQ(fmt(d), "2024-10-24", "the saying's date");
  code("Jets struck a depot. Nothing else happened.", thu);
  d = pl_date_for(doc, 0, 0, doc->sents.v[0].ntok, 0);
  STR_EQ(fmt(d), "2024-10-24", "falls back to the article date");
  INT_EQ(d.prec, PL_PREC_DAY, "article date is day precision");
  code("Some 40,000 people have been killed since October 2023, the "
       "ministry said on Monday.", thu);
  d = pl_date_since(doc, 0, 0, doc->sents.v[0].ntok);
  STR_EQ(fmt(d), "2023-10", "pl_date_since");
  d = pl_date_for(doc, 0, 0, doc->sents.v[0].ntok, 0);
  STR_EQ(fmt(d), "2024-10-21", "since is not the event date");

  parley_doc_free(doc);
  parley_ctx_free(ctx);
  return h_done("dates");
}
