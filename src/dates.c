/*
 * dates.c - stage: date expressions resolved against the article date.
 *
 * Input: doc->toks, doc->sents (tags from tag.c when present), doc->date.
 * Output: doc->dates, one pl_datex per expression, in token order.
 * Service: pl_date_for / pl_date_since pick the expression that dates a
 * clause (events, quotes, counts call them).
 *
 * Recognised (case matters for month and weekday names, so the modal
 * "may" and the noun "march" are not months):
 *   absolute   "Oct. 7, 2023"  "October 7 2023"  "7 October 2023"
 *              "2023-10-07"  "October 2023" (month)  "in 2022" (year,
 *              needs a preposition: a bare 2022 is usually a count)
 *   year-less  "on May 31"  "May 31st"  "in July"  "last July"
 *   weekday    "on Thursday"  "Thursday"  "last Sunday"  "next Sunday"
 *   deictic    today tonight yesterday tomorrow "this morning"
 *              "last night" overnight; this/last/next week|month|year|
 *              weekend, "(over) the weekend",
 *              "earlier this month", "later this week"; "N days ago"
 *              (weeks, months, years); "the past 24 hours"
 *   "since X"  any of the above after "since" is flagged PL_DX_SINCE.
 *
 * Resolution rules (documented in docs/FORMATS.md, "Dates"):
 *   - weekday: past clause -> the most recent such day not after the
 *     article date (the article day itself counts); future clause -> the
 *     coming one, on or after the article date.  "last X" is strictly
 *     before, "next X" strictly after.
 *   - month-day / month without a year: the most recent one not after the
 *     article date, or the coming one for a future clause (a Feb 29 goes to
 *     the nearest leap year in that direction); but a month-day the
 *     article also gives with a year ("October 7, 2023" ... "the Oct. 7
 *     attack") takes that year.
 *   - week precision: y-m-d is the Monday of the calendar week ("last
 *     week" = the Monday of the previous week; a weekend is the week it
 *     ends; "the weekend" in a past clause is this week's from Saturday
 *     on, else last week's); rolling spans ("the past week") use the first
 *     day of the 7-day span.
 *   - "overnight", "the past 24/48 hours" -> the article date (wire stories
 *     report the night that ends on the publication day).  "last night"
 *     -> the day before.
 *   - relative expressions stay unresolved (prec NONE) when the article
 *     date is unknown; absolute ones resolve regardless.
 * Tense of an expression's own clause: scanning back from it (then
 * forward) inside the sentence, the first future marker (will, 'll, shall,
 * would, won't, may, might, "expected/set/due/scheduled/plans/going to") makes it
 * future; the first past-tense verb makes it past; default past.
 * No allocation per token: expressions are pushed to doc->dates only.
 */
#include "internal.h"

typedef struct {
  uint32_t s0, s1; /* sentence token range */
} span_t;

static const pl_token *T(const parley_doc *doc, uint32_t i) {
  return &doc->toks.v[i];
}

/* strcmp equality with a non-empty literal, the first byte compared
 * inline: most keys differ there, and the call was most of the test. */
static inline int streq(const char *a, const char *lit) {
  return a[0] == lit[0] && !strcmp(a, lit);
}

static int keyis(const parley_doc *doc, uint32_t i, uint32_t end,
                 const char *w) {
  return i < end && T(doc, i)->key[0] == w[0] && !strcmp(T(doc, i)->key, w);
}

/* Word-list tests of a token's key / lower-case form / lemma, with the
 * token's interned hash (no rehashing per test). */
static int in_key(const pl_token *t, const char *const *list) {
  return pl_words_has_h(list, t->key, t->hkey);
}
static int in_low(const pl_token *t, const char *const *list) {
  return pl_words_has_h(list, t->lower, t->hlow);
}
static int in_lem(const pl_token *t, const char *const *list) {
  return t->lemma ? pl_words_has_h(list, t->lemma, t->hlem)
                  : pl_words_has_h(list, t->lower, t->hlow);
}

/* Month names and abbreviations, one list per month: a word-class group
 * answers "which month" with one probe (bit m-1). */
static const char *const M01[] = {"january", "jan", NULL};
static const char *const M02[] = {"february", "feb", NULL};
static const char *const M03[] = {"march", "mar", NULL};
static const char *const M04[] = {"april", "apr", NULL};
static const char *const M05[] = {"may", NULL};
static const char *const M06[] = {"june", "jun", NULL};
static const char *const M07[] = {"july", "jul", NULL};
static const char *const M08[] = {"august", "aug", NULL};
static const char *const M09[] = {"september", "sep", "sept", NULL};
static const char *const M10[] = {"october", "oct", NULL};
static const char *const M11[] = {"november", "nov", NULL};
static const char *const M12[] = {"december", "dec", NULL};
static const char *const *const MONTHS[] = {M01, M02, M03, M04, M05, M06,
                                            M07, M08, M09, M10, M11, M12,
                                            NULL};
static const char *const D0[] = {"monday", NULL};
static const char *const D1[] = {"tuesday", NULL};
static const char *const D2[] = {"wednesday", NULL};
static const char *const D3[] = {"thursday", NULL};
static const char *const D4[] = {"friday", NULL};
static const char *const D5[] = {"saturday", NULL};
static const char *const D6[] = {"sunday", NULL};
static const char *const *const WEEKDAYS[] = {D0, D1, D2, D3, D4, D5, D6,
                                              NULL};
static const char *const deictic[] = {
    "today", "tonight", "overnight", "yesterday", "tomorrow", "last",
    "past",  "next",    "coming",    "this",      "weekend", NULL};
static const char *const ago_word[] = {"ago", NULL};

/* Month number of a token whose key is a month name or abbreviation, 0
 * when none. */
static int month_of(const pl_token *t) {
  uint32_t b = pl_words_class(MONTHS, t->key, t->hkey);
  return b ? __builtin_ctz(b) + 1 : 0;
}

/* 0 = Monday .. 6 = Sunday, -1 when the key is not a weekday name. */
static int weekday_of(const pl_token *t) {
  uint32_t b = pl_words_class(WEEKDAYS, t->key, t->hkey);
  return b ? __builtin_ctz(b) : -1;
}

/* Value of a plain digit token ("31", "31st", "2023"), -1 otherwise.
 * *ndig receives the number of digits. */
static int digits_val(const pl_token *t, int *ndig) {
  const char *k = t->key;
  int v = 0, n = 0;
  while (k[n] >= '0' && k[n] <= '9') {
    if (n >= 6) return -1;
    v = v * 10 + (k[n] - '0');
    n++;
  }
  if (n == 0) return -1;
  if (k[n] && !streq(k + n, "st") && !streq(k + n, "nd") &&
      !streq(k + n, "rd") && !streq(k + n, "th"))
    return -1;
  if (ndig) *ndig = k[n] ? -n : n; /* negative: had an ordinal suffix */
  return v;
}

static int day_num(const pl_token *t) {
  int nd = 0; /* digits_val leaves it unset on failure */
  int v = digits_val(t, &nd);
  return v >= 1 && v <= 31 && (nd == 1 || nd == 2 || nd == -1 || nd == -2)
             ? v
             : -1;
}

static int year_num(const pl_token *t) {
  int nd = 0; /* digits_val leaves it unset on failure */
  int v = digits_val(t, &nd);
  return nd == 4 && v >= 1800 && v <= 2200 ? v : -1;
}

/* Small counts for "two days ago": digits or number words. */
static int count_num(const pl_token *t) {
  static const char *const w[] = {"zero", "one",   "two",  "three", "four",
                                  "five", "six",   "seven", "eight", "nine",
                                  "ten",  "eleven", "twelve", NULL};
  for (int i = 0; w[i]; i++)
    if (!strcmp(t->key, w[i])) return i;
  if (streq(t->key, "a") || streq(t->key, "an")) return 1;
  int nd = 0; /* digits_val leaves it unset on failure */
  int v = digits_val(t, &nd);
  return nd > 0 && v <= 1000 ? v : -1;
}

/* ---- parsed expression, before resolution ---- */
enum { X_ABS, X_MD, X_MON, X_WD, X_DAY, X_WEEK, X_MONTH, X_YEAR, X_SPAN,
       X_WKND };
typedef struct {
  int type;
  int y, m, d, prec; /* X_ABS */
  int n;             /* offset in units (X_DAY.. X_YEAR), weekday (X_WD) */
  int mod;           /* -1 last, +1 next, 0 plain */
} spec_t;

static long days_of(const pl_date *d) { return pl_date_days(d->y, d->m, d->d); }

static pl_date mkdate(int y, int m, int d, int prec) {
  pl_date r = {0, 0, 0, PL_PREC_NONE};
  if (y < 1 || y > 9999) return r;
  r.y = (int16_t)y;
  r.m = (int8_t)(prec >= PL_PREC_MONTH ? m : 0);
  r.d = (int8_t)(prec >= PL_PREC_WEEK ? d : 0);
  r.prec = (uint8_t)prec;
  return r;
}

static pl_date from_days(long z, int prec) {
  pl_date r;
  pl_date_from_days(z, &r);
  r.prec = (uint8_t)prec;
  return r;
}

/* Monday of the calendar week containing day z. */
static long monday_of(long z) {
  long w = (z + 3) % 7; /* 1970-01-01 was a Thursday */
  if (w < 0) w += 7;
  return z - w;
}

/* pl_date_weekday of day z (days since 1970-01-01, a Thursday). */
static int weekday_of_days(long z) {
  long w = (z + 3) % 7;
  return (int)(w < 0 ? w + 7 : w);
}

/* artz: days_of(art), computed once per document by the caller (used
 * only when the article date has day precision). */
static pl_date resolve(const spec_t *s, const pl_date *art, long artz,
                       int future) {
  pl_date none = {0, 0, 0, PL_PREC_NONE};
  if (s->type == X_ABS) return mkdate(s->y, s->m, s->d, s->prec);
  if (art->prec != PL_PREC_DAY) return none;
  long z = artz;
  int y = art->y, m = art->m, d = art->d;
  switch (s->type) {
  case X_MD: {
    int dir = s->mod ? s->mod : future ? 1 : -1;
    int yy = y;
    /* on the article day itself: "last"/"next" move a year away */
    int cmp = s->m != m ? s->m - m : s->d - d;
    if (dir < 0 && (cmp > 0 || (cmp == 0 && s->mod < 0))) yy--;
    if (dir > 0 && (cmp < 0 || (cmp == 0 && s->mod > 0))) yy++;
    for (int k = 0; k < 8 && !pl_date_valid(yy, s->m, s->d); k++)
      yy += dir; /* Feb 29: the nearest leap year that way */
    if (!pl_date_valid(yy, s->m, s->d)) return none;
    return mkdate(yy, s->m, s->d, PL_PREC_DAY);
  }
  case X_MON: {
    int dir = s->mod ? s->mod : future ? 1 : -1;
    int yy = y;
    if (dir < 0 && (s->m > m || (s->m == m && s->mod < 0))) yy--;
    if (dir > 0 && (s->m < m || (s->m == m && s->mod > 0))) yy++;
    return mkdate(yy, s->m, 1, PL_PREC_MONTH);
  }
  case X_WD: {
    int aw = weekday_of_days(z);
    long delta;
    if (s->mod < 0 || (!s->mod && !future)) {
      delta = (aw - s->n + 7) % 7;
      if (delta == 0 && s->mod < 0) delta = 7;
      return from_days(z - delta, PL_PREC_DAY);
    }
    delta = (s->n - aw + 7) % 7;
    if (delta == 0 && s->mod > 0) delta = 7;
    return from_days(z + delta, PL_PREC_DAY);
  }
  case X_DAY: return from_days(z + s->n, PL_PREC_DAY);
  case X_WEEK: return from_days(monday_of(z) + 7L * s->n, PL_PREC_WEEK);
  case X_SPAN: return from_days(z - 6, PL_PREC_WEEK);
  case X_WKND: { /* "(over) the weekend": this week's once it has begun */
    int aw = weekday_of_days(z);
    int wk = future || aw >= 5 ? 0 : -1;
    return from_days(monday_of(z) + 7L * wk, PL_PREC_WEEK);
  }
  case X_MONTH: {
    int mm = m - 1 + s->n; /* 0-based, may leave [0,12) */
    int yy = y + (mm >= 0 ? mm / 12 : -((11 - mm) / 12));
    mm = ((mm % 12) + 12) % 12;
    return mkdate(yy, mm + 1, 1, PL_PREC_MONTH);
  }
  case X_YEAR: return mkdate(y + s->n, 1, 1, PL_PREC_YEAR);
  }
  return none;
}

/* ---- recognisers: each returns the number of tokens matched at i ---- */

static int cap(const parley_doc *doc, uint32_t i) {
  return (T(doc, i)->flags & PL_TF_CAP) != 0;
}

static int is_comma(const parley_doc *doc, uint32_t i, uint32_t end) {
  return i < end && T(doc, i)->len == 1 && doc->text[T(doc, i)->off] == ',';
}

static int is_dash_tight(const parley_doc *doc, uint32_t i, uint32_t end) {
  return i + 1 < end && T(doc, i)->len == 1 &&
         doc->text[T(doc, i)->off] == '-' &&
         !(T(doc, i)->flags & PL_TF_SPACE) &&
         !(T(doc, i + 1)->flags & PL_TF_SPACE);
}

/* Prepositions after which a bare month or year is a date. */
static const char *const month_preps[] = {
    "in",    "since", "until", "till", "by",     "during", "from",
    "of",    "through", "before", "after", "early", "late", "mid",
    "last",  "next",  "this",  "between", "and", "to", "throughout", NULL};

/* Month-led forms: "Oct. 7, 2023", "October 7", "October 2023",
 * "in July".  prev is the index of the token before i (or UINT32_MAX). */
static int m_month(const parley_doc *doc, uint32_t i, uint32_t end,
                   uint32_t prev, spec_t *s) {
  const pl_token *t = T(doc, i);
  if (t->len < 3 || t->len > 10 || !(t->fw & PL_FW_MONTH)) return 0;
  int m = month_of(t);
  if (!m || !cap(doc, i)) return 0;
  if (m != 5 && !(t->flags & PL_TF_ABBR) && strlen(t->key) == 3 &&
      !(i + 1 < end && day_num(T(doc, i + 1)) > 0))
    return 0; /* "Jan" alone is a name more often than a month */
  uint32_t j = i + 1;
  int d = j < end ? day_num(T(doc, j)) : -1;
  if (d > 0) {
    /* "October 7" [,] [2023]  ("May 31: a title" is fine too) */
    uint32_t k = j + 1;
    if (is_comma(doc, k, end)) k++;
    int y = k < end ? year_num(T(doc, k)) : -1;
    if (y > 0) {
      if (!pl_date_valid(y, m, d)) return 0; /* "February 29, 2023" */
      *s = (spec_t){X_ABS, y, m, d, PL_PREC_DAY, 0, 0};
      return (int)(k + 1 - i);
    }
    if (!pl_date_valid(2000, m, d)) return 0;
    *s = (spec_t){X_MD, 0, m, d, 0, 0, 0};
    return (int)(j + 1 - i);
  }
  int y = j < end ? year_num(T(doc, j)) : -1;
  if (y > 0) { /* "October 2023" */
    *s = (spec_t){X_ABS, y, m, 1, PL_PREC_MONTH, 0, 0};
    return 2;
  }
  if (j + 1 < end && streq(T(doc, j)->key, "of") &&
      (y = year_num(T(doc, j + 1))) > 0) { /* "October of 2023" */
    *s = (spec_t){X_ABS, y, m, 1, PL_PREC_MONTH, 0, 0};
    return 3;
  }
  /* A bare month needs a preposition before it ("in July"). */
  if (prev == UINT32_MAX) return 0;
  const char *pk = T(doc, prev)->key;
  if (!in_key(T(doc, prev), month_preps) && !is_dash_tight(doc, prev, end))
    return 0;
  if (m == 5 && !streq(pk, "in") && !streq(pk, "since") &&
      !streq(pk, "of") && !streq(pk, "last") && !streq(pk, "next") &&
      !streq(pk, "early") && !streq(pk, "late") && !streq(pk, "until") &&
      !streq(pk, "during"))
    return 0; /* "May" after "and"/"to"... is usually the modal or a name */
  *s = (spec_t){X_MON, 0, m, 1, 0, 0,
                streq(pk, "last") ? -1 : streq(pk, "next") ? 1 : 0};
  return 1;
}

/* Day-led: "7 October 2023", "7 October". */
static int m_daymonth(const parley_doc *doc, uint32_t i, uint32_t end,
                      spec_t *s) {
  int d = day_num(T(doc, i));
  if (d < 0 || i + 1 >= end) return 0;
  uint32_t j = i + 1;
  if (streq(T(doc, j)->key, "of") && j + 1 < end) j++; /* 7th of October */
  int m = month_of(T(doc, j));
  if (!m || !cap(doc, j)) return 0;
  int y = j + 1 < end ? year_num(T(doc, j + 1)) : -1;
  if (y > 0) {
    if (!pl_date_valid(y, m, d)) return 0;
    *s = (spec_t){X_ABS, y, m, d, PL_PREC_DAY, 0, 0};
    return (int)(j + 2 - i);
  }
  if (!pl_date_valid(2000, m, d)) return 0;
  *s = (spec_t){X_MD, 0, m, d, 0, 0, 0};
  return (int)(j + 1 - i);
}

/* ISO "2023-10-07" (tokenised as 2023 - 10 - 07). */
static int m_iso(const parley_doc *doc, uint32_t i, uint32_t end, spec_t *s) {
  int y = year_num(T(doc, i));
  if (y < 0 || i + 4 >= end) return 0;
  if (!is_dash_tight(doc, i + 1, end) || !is_dash_tight(doc, i + 3, end))
    return 0;
  int nd1 = 0, nd2 = 0; /* digits_val leaves them unset on failure */
  int m = digits_val(T(doc, i + 2), &nd1), d = digits_val(T(doc, i + 4), &nd2);
  if (nd1 != 2 || nd2 != 2 || !pl_date_valid(y, m, d)) return 0;
  *s = (spec_t){X_ABS, y, m, d, PL_PREC_DAY, 0, 0};
  return 5;
}

static const char *const year_preps[] = {
    "in", "since", "until", "till", "by", "during", "from", "of", "through",
    "before", "after", "early", "late", "mid", "throughout", "between",
    NULL};

/* Deictic and unit forms.  mod_in: -1 after "last"/"past", +1 after
 * "next"/"coming", 0 after "this". */
static int unit_of(const char *k) {
  if (streq(k, "week")) return X_WEEK;
  if (streq(k, "month")) return X_MONTH;
  if (streq(k, "year")) return X_YEAR;
  return -1;
}

static int m_deictic(const parley_doc *doc, uint32_t i, uint32_t end,
                     int after_the, spec_t *s) {
  const char *k = T(doc, i)->key;
  if (streq(k, "today") || streq(k, "tonight") ||
      streq(k, "overnight")) {
    *s = (spec_t){X_DAY, 0, 0, 0, 0, 0, 0};
    return 1;
  }
  if (streq(k, "weekend") && after_the) {
    *s = (spec_t){X_WKND, 0, 0, 0, 0, 0, 0};
    return 1;
  }
  if (streq(k, "yesterday") || streq(k, "tomorrow")) {
    *s = (spec_t){X_DAY, 0, 0, 0, 0, k[0] == 'y' ? -1 : 1, 0};
    return 1;
  }
  int dir = streq(k, "last") || streq(k, "past") ? -1
            : streq(k, "next") || streq(k, "coming") ? 1
            : streq(k, "this") ? 0
                                 : 2;
  if (dir != 2 && i + 1 < end) {
    const char *k2 = T(doc, i + 1)->key;
    int u = unit_of(k2);
    if (u > 0 && dir < 0 && after_the && u == X_WEEK) {
      /* "the past week": a rolling 7-day span */
      *s = (spec_t){X_SPAN, 0, 0, 0, 0, 0, 0};
      return 2;
    }
    if (u > 0 && !(after_the && dir < 0)) {
      *s = (spec_t){u, 0, 0, 0, 0, dir, 0};
      return 2;
    }
    if (streq(k2, "weekend")) { /* last/this/next weekend: its week */
      *s = (spec_t){X_WEEK, 0, 0, 0, 0, dir, 0};
      return 2;
    }
    if (streq(k2, "night") && dir <= 0) { /* last night, this night */
      *s = (spec_t){X_DAY, 0, 0, 0, 0, dir < 0 ? -1 : 0, 0};
      return 2;
    }
    if (dir == 0 && (streq(k2, "morning") || streq(k2, "afternoon") ||
                     streq(k2, "evening"))) {
      *s = (spec_t){X_DAY, 0, 0, 0, 0, 0, 0};
      return 2;
    }
    /* "the past 24 hours", "the last 48 hours" */
    if (dir < 0 && i + 2 < end && streq(T(doc, i + 2)->key, "hours") &&
        count_num(T(doc, i + 1)) > 0) {
      *s = (spec_t){X_DAY, 0, 0, 0, 0, 0, 0};
      return 3;
    }
  }
  /* "two days ago", "a week ago" */
  int n = count_num(T(doc, i));
  if (n >= 0 && i + 2 < end && streq(T(doc, i + 2)->key, "ago")) {
    const char *u = T(doc, i + 1)->key;
    int type = streq(u, "day") || streq(u, "days")       ? X_DAY
               : streq(u, "week") || streq(u, "weeks")   ? X_WEEK
               : streq(u, "month") || streq(u, "months") ? X_MONTH
               : streq(u, "year") || streq(u, "years")   ? X_YEAR
                                                             : -1;
    if (type < 0) return 0;
    if (type == X_WEEK) { /* the week that held the day N weeks back */
      *s = (spec_t){X_WEEK, 0, 0, 0, 0, -n, 0};
    } else {
      *s = (spec_t){type, 0, 0, 0, 0, -n, 0};
    }
    return 3;
  }
  return 0;
}

/* One expression at i (prev = token before, UINT32_MAX at sentence
 * start).  Returns tokens consumed from i, 0 when none. */
static int match_at(const parley_doc *doc, uint32_t i, uint32_t end,
                    uint32_t prev, spec_t *s) {
  const pl_token *t = T(doc, i);
  unsigned char c0 = (unsigned char)t->key[0];
  int digit = c0 >= '0' && c0 <= '9';
  /* cheap gate: most tokens can start no date expression */
  /* the word bits token.c looked up: only a digit, a month or weekday
   * name, a deictic word or an "ago" two tokens on can start one (a
   * capitalised word that is neither returns 0 below) */
  uint16_t fw = t->fw;
  int ago = i + 2 < end && (T(doc, i + 2)->fw & PL_FW_AGO);
  int dword = (fw & PL_FW_DEICTIC) != 0;
  if (!digit && !(fw & (PL_FW_MONTH | PL_FW_WDAY)) && !ago && !dword)
    return 0;
  int n;
  if (digit && (n = m_iso(doc, i, end, s))) return n;
  if (cap(doc, i) && (n = m_month(doc, i, end, prev, s))) return n;
  if (digit && (n = m_daymonth(doc, i, end, s))) return n;
  int w = cap(doc, i) && t->len >= 6 && t->len <= 9 && (fw & PL_FW_WDAY)
              ? weekday_of(t)
              : -1;
  if (w >= 0) {
    int mod = 0;
    if (prev != UINT32_MAX) {
      const char *pk = T(doc, prev)->key;
      mod = streq(pk, "last") ? -1 : streq(pk, "next") ? 1 : 0;
    }
    *s = (spec_t){X_WD, 0, 0, 0, 0, w, mod};
    return 1;
  }
  int y = digit ? year_num(t) : -1;
  if (y > 0 && prev != UINT32_MAX &&
      (in_key(T(doc, prev), year_preps) ||
       is_dash_tight(doc, prev, end))) {
    *s = (spec_t){X_ABS, y, 1, 1, PL_PREC_YEAR, 0, 0};
    return 1;
  }
  if (!dword && !ago) return 0;
  int after_the = prev != UINT32_MAX && streq(T(doc, prev)->key, "the");
  return m_deictic(doc, i, end, after_the, s);
}

/* ---- tense of an expression's own clause ---- */

static const char *const fut_aux[] = {"will", "'ll",  "shall", "would",
                                      "wo",   "may", "might", NULL};
static const char *const fut_to_verbs[] = {
    "expected", "set",      "due",     "scheduled", "going", "plans",
    "plan",     "planned",  "planning", "intends",  "intend", "intended",
    "poised",   "slated",   NULL};
static const char *const be_forms[] = {"be", "been", "being", NULL};
static const char *const irr_past[] = {
    "said", "met",  "told",  "was",    "were",  "had",   "did",
    "went", "came", "took",  "gave",   "struck", "fought", "held",
    "left", "saw",  "began", "spoke",  "sent",  "made",  "brought",
    "fled", "shot", "hit",   "stood",  "won",   "lost",  "led",
    "met",  "flew", "wrote", "became", "knew",  "thought", NULL};

/* The word lists behind this file's PL_FW_* bits (token.c looks every
 * token up in them once; see internal.h). */
const pl_fwlist pl_dates_fwlists[] = {
    {M01, PL_FW_MONTH, 1}, {M02, PL_FW_MONTH, 1}, {M03, PL_FW_MONTH, 1},
    {M04, PL_FW_MONTH, 1}, {M05, PL_FW_MONTH, 1}, {M06, PL_FW_MONTH, 1},
    {M07, PL_FW_MONTH, 1}, {M08, PL_FW_MONTH, 1}, {M09, PL_FW_MONTH, 1},
    {M10, PL_FW_MONTH, 1}, {M11, PL_FW_MONTH, 1}, {M12, PL_FW_MONTH, 1},
    {D0, PL_FW_WDAY, 1},   {D1, PL_FW_WDAY, 1},   {D2, PL_FW_WDAY, 1},
    {D3, PL_FW_WDAY, 1},   {D4, PL_FW_WDAY, 1},   {D5, PL_FW_WDAY, 1},
    {D6, PL_FW_WDAY, 1},   {deictic, PL_FW_DEICTIC, 1},
    {ago_word, PL_FW_AGO, 1}, {fut_aux, PL_FW_FUT, 0},
    {fut_to_verbs, PL_FW_FUT, 0}, {be_forms, PL_FW_BE, 0},
    {irr_past, PL_FW_IRR, 0}, {NULL, 0, 0}};

/* PL_FW_FUT is membership in fut_aux or fut_to_verbs: most tokens leave
 * at that bit. */
static int future_marker(const parley_doc *doc, uint32_t i, uint32_t end) {
  if (!(T(doc, i)->fw & PL_FW_FUT)) return 0;
  if (in_low(T(doc, i), fut_aux)) return 1;
  return in_low(T(doc, i), fut_to_verbs) && keyis(doc, i + 1, end, "to");
}

static int past_verb(const parley_doc *doc, uint32_t i, uint32_t s0) {
  const pl_token *t = T(doc, i);
  /* PL_FW_BE / PL_FW_IRR: be_forms / irr_past membership (token.c) */
  if (i > s0 && (T(doc, i - 1)->fw & PL_FW_BE))
    return 0; /* passive: the auxiliary carries the tense */
  if (t->tag == PL_T_VBD) return 1;
  if (t->tag != PL_T_UNK && t->tag != PL_T_VBN) return 0;
  const char *k = t->lower;
  size_t n = strlen(k);
  if (n >= 4 && k[n - 2] == 'e' && k[n - 1] == 'd' && (t->flags & PL_TF_WORD) &&
      !(t->flags & PL_TF_CAP))
    return 1;
  return (t->fw & PL_FW_IRR) != 0;
}

static int boundary(const parley_doc *doc, uint32_t i) {
  const pl_token *t = T(doc, i);
  if (t->flags & PL_TF_QUOTE) return 1;
  return t->len == 1 &&
         (doc->text[t->off] == ';' || doc->text[t->off] == ':');
}

/* 1 when the clause around tokens [a, b) reads as future. */
static int own_future(const parley_doc *doc, span_t sp, uint32_t a,
                      uint32_t b) {
  for (uint32_t i = a; i-- > sp.s0;) {
    if (boundary(doc, i)) break;
    if (future_marker(doc, i, sp.s1)) return 1;
    if (past_verb(doc, i, sp.s0)) return 0;
  }
  for (uint32_t i = b; i < sp.s1; i++) {
    if (boundary(doc, i)) break;
    if (future_marker(doc, i, sp.s1)) return 1;
    if (past_verb(doc, i, sp.s0)) return 0;
  }
  return 0;
}

/* Words that may precede an expression and belong to it. */
static const char *const lead_in[] = {"on", "in", "since", "earlier",
                                      "later", "until", "by", "during",
                                      "early", "late", "mid", NULL};

parley_rc pl_dates_run(parley_doc *doc) {
  long artz = doc->date.prec == PL_PREC_DAY ? days_of(&doc->date) : 0;
  for (uint32_t si = 0; si < doc->sents.n; si++) {
    const pl_sentence *st = &doc->sents.v[si];
    span_t sp = {st->tok0, st->tok0 + st->ntok};
    const pl_token *tv = doc->toks.v;
    for (uint32_t i = sp.s0; i < sp.s1;) {
      /* match_at's gate on token.c's bits, before any call: a digit, a
       * month, weekday or deictic word here, or "ago" two tokens on
       * (AGO2; match_at checks that it is in this sentence) */
      if (!(tv[i].fw & (PL_FW_DIGIT | PL_FW_MONTH | PL_FW_WDAY |
                        PL_FW_DEICTIC | PL_FW_AGO2))) {
        i++;
        continue;
      }
      spec_t s;
      uint32_t prev = i > sp.s0 ? i - 1 : UINT32_MAX;
      int n = match_at(doc, i, sp.s1, prev, &s);
      if (!n) {
        i++;
        continue;
      }
      /* widen to the lead-in words ("since early", "on", "earlier") */
      uint32_t a = i;
      uint16_t flags = 0;
      for (int k = 0; k < 3 && a > sp.s0; k++) {
        const pl_token *p = T(doc, a - 1);
        /* "the" only in "the past week", "the last 24 hours" */
        int the = streq(p->key, "the") && a == i &&
                  (streq(T(doc, i)->key, "past") ||
                   streq(T(doc, i)->key, "last") ||
                   streq(T(doc, i)->key, "weekend"));
        if (in_key(p, lead_in) || streq(p->key, "last") ||
            streq(p->key, "next") || the ||
            is_dash_tight(doc, a - 1, sp.s1)) {
          if (streq(p->key, "since")) flags |= PL_DX_SINCE;
          a--;
          if (streq(p->key, "since") || streq(p->key, "on")) break;
        } else {
          break;
        }
      }
      if (a > sp.s0 && streq(T(doc, a - 1)->key, "since"))
        flags |= PL_DX_SINCE, a--;
      uint32_t b = i + (uint32_t)n;
      if (s.type != X_ABS) flags |= PL_DX_RELATIVE;
      int fut = own_future(doc, sp, a, b);
      if (fut) flags |= PL_DX_FUTURE;
      int tensed = (s.type == X_MD || s.type == X_MON || s.type == X_WD ||
                    s.type == X_WKND) &&
                   s.mod == 0;
      if (tensed) flags |= PL_DX_TENSED;
      if (s.type == X_MD) flags |= PL_DX_NOYEAR;
      if (flags & PL_DX_SINCE) fut = 0; /* "since" looks back */
      pl_datex *dx = pl_vec_push(&doc->arena, &doc->dates);
      if (!dx) return PARLEY_ENOMEM;
      dx->sent = si;
      dx->tok = a;
      dx->ntok = b - a;
      dx->date = resolve(&s, &doc->date, artz, fut);
      dx->alt = tensed ? resolve(&s, &doc->date, artz, !fut) : dx->date;
      dx->flags = flags;
      i = b;
    }
  }
  /* "the Oct. 7 attack" after "October 7, 2023": a year-less day the
   * article also states with a year takes that year */
  for (uint32_t k = 0; k < doc->dates.n; k++) {
    pl_datex *dx = &doc->dates.v[k];
    if (!(dx->flags & PL_DX_NOYEAR) || dx->date.prec != PL_PREC_DAY) continue;
    for (uint32_t j = 0; j < doc->dates.n; j++) {
      const pl_datex *ab = &doc->dates.v[j];
      if (ab->flags & PL_DX_RELATIVE || ab->date.prec != PL_PREC_DAY ||
          ab->date.m != dx->date.m || ab->date.d != dx->date.d)
        continue;
      dx->date = dx->alt = ab->date;
      dx->flags &= (uint16_t)~PL_DX_TENSED;
      break;
    }
  }
  return PARLEY_OK;
}

/* ---- services ---- */

/* First datex of sentence sent (doc->dates is in token order). */
static uint32_t first_of(const parley_doc *doc, uint32_t sent) {
  uint32_t lo = 0, hi = doc->dates.n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (doc->dates.v[mid].sent < sent) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* Tokens that separate an outside expression from the clause. */
/* 1 when the nearest verb before token tok (in its sentence, from s0) is
 * a verb of saying: "said on Thursday that ..." reports another clause. */
static int reported_before(const parley_doc *doc, uint32_t s0, uint32_t tok) {
  static const char *const say[] = {
      "say",    "tell",   "announce", "add",     "state",   "report",
      "claim",  "confirm", "deny",    "warn",    "note",    "insist",
      "argue",  "write",  "declare",  "explain", "acknowledge", "believe",
      "think",  "hope",   "expect",   "fear",    "accuse",  "allege", NULL};
  for (uint32_t i = tok; i-- > s0;) {
    const pl_token *t = T(doc, i);
    if (PL_IS_VERB(t->tag) || (!t->tag && past_verb(doc, i, s0)))
      return in_lem(t, say) ||
             streq(t->lower, "said");
  }
  return 0;
}

/* Tokens between an expression and the clause it might date that put it
 * in another clause.  An infinitive chain ("on Sunday to try to restart
 * talks and meet") does not; a relative "that" does not either, unless
 * the expression follows a verb of saying ("said on Thursday that"). */
static int clause_break(const parley_doc *doc, uint32_t i, int reported) {
  static const char *const w[] = {"where", "when", "while", "after",
                                  "before", "because", "and", "but", "as",
                                  NULL};
  static const char *const rel[] = {"that", "which", "who", "whom", NULL};
  const pl_token *t = T(doc, i);
  if (boundary(doc, i) || t->tag == PL_T_MD || streq(t->key, "said"))
    return 1;
  if (PL_IS_VERB(t->tag))
    return !(t->tag == PL_T_VB && i > 0 && streq(T(doc, i - 1)->key, "to"));
  if (in_key(t, rel)) return reported;
  /* "to try to revive talks and meet ...": coordinated infinitives */
  if ((streq(t->key, "and") || streq(t->key, "or")) &&
      i + 1 < doc->toks.n && T(doc, i + 1)->tag == PL_T_VB)
    return 0;
  return in_key(t, w);
}

static pl_date article_day(const parley_doc *doc) {
  pl_date d = doc->date;
  if (d.prec != PL_PREC_DAY) memset(&d, 0, sizeof d);
  return d;
}

static int32_t pick(const parley_doc *doc, uint32_t sent, uint32_t lo,
                    uint32_t hi, int want_since) {
  if (sent >= doc->sents.n) return -1;
  const pl_sentence *st = &doc->sents.v[sent];
  uint32_t s0 = st->tok0, s1 = st->tok0 + st->ntok;
  if (lo < s0) lo = s0;
  if (hi > s1) hi = s1;
  uint32_t verb = UINT32_MAX;
  for (uint32_t i = lo; i < hi; i++)
    if (PL_IS_VERB(T(doc, i)->tag)) {
      verb = i;
      break;
    }
  int32_t best = -1;
  long bestd = 0;
  uint32_t k0 = first_of(doc, sent);
  for (uint32_t k = k0; k < doc->dates.n && doc->dates.v[k].sent == sent;
       k++) {
    const pl_datex *dx = &doc->dates.v[k];
    if (!(dx->flags & PL_DX_SINCE) != !want_since) continue;
    if (dx->tok < lo || dx->tok >= hi) continue;
    long dist = verb == UINT32_MAX ? (long)(dx->tok - lo)
                : dx->tok > verb   ? (long)(dx->tok - verb)
                                   : (long)(verb - dx->tok);
    if (best < 0 || dist < bestd) best = (int32_t)k, bestd = dist;
  }
  if (best >= 0) return best;
  /* outside the clause but in the sentence, with nothing clause-like
   * between ("On Sunday, Israeli jets struck ...") */
  for (uint32_t k = k0; k < doc->dates.n && doc->dates.v[k].sent == sent;
       k++) {
    const pl_datex *dx = &doc->dates.v[k];
    if (!(dx->flags & PL_DX_SINCE) != !want_since) continue;
    uint32_t a, b;
    if (dx->tok + dx->ntok <= lo) a = dx->tok + dx->ntok, b = lo;
    else if (dx->tok >= hi) a = hi, b = dx->tok;
    else continue;
    int blocked = 0;
    int reported = dx->tok < lo ? reported_before(doc, s0, dx->tok) : 1;
    for (uint32_t i = a; i < b && !blocked; i++)
      blocked = clause_break(doc, i, reported);
    if (blocked) continue;
    long dist = (long)(b - a);
    if (best < 0 || dist < bestd) best = (int32_t)k, bestd = dist;
  }
  return best;
}

pl_date pl_date_for(const parley_doc *doc, uint32_t sent, uint32_t lo,
                    uint32_t hi, int future) {
  int32_t k = pick(doc, sent, lo, hi, 0);
  if (k < 0) return article_day(doc);
  const pl_datex *dx = &doc->dates.v[k];
  pl_date r = dx->date;
  if (dx->flags & PL_DX_TENSED) {
    int own = (dx->flags & PL_DX_FUTURE) != 0;
    int want = future || own;
    r = want == own ? dx->date : dx->alt;
  }
  if (r.prec == PL_PREC_NONE) return article_day(doc);
  return r;
}

pl_date pl_date_since(const parley_doc *doc, uint32_t sent, uint32_t lo,
                      uint32_t hi) {
  int32_t k = pick(doc, sent, lo, hi, 1);
  if (k < 0 && sent < doc->sents.n) {
    const pl_sentence *st = &doc->sents.v[sent];
    k = pick(doc, sent, st->tok0, st->tok0 + st->ntok, 1);
  }
  pl_date none = {0, 0, 0, PL_PREC_NONE};
  return k < 0 ? none : doc->dates.v[k].date;
}
