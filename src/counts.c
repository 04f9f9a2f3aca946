/*
 * counts.c - stage: counts of people killed, injured, captured, kidnapped,
 * arrested, detained, released, displaced, missing (and "casualties"),
 * with qualifier, attribution, perpetrator, victims' side, place, period
 * and date.
 *
 * Input: tokens (tag-independent word classes from quotes.c), mentions
 * with coreference, pl_date_for, pl_place_for.  Output: doc->counts.
 * Numbers: digits (42,847; 1.5 million; 3m), words (two, twenty-five, two
 * hundred, a dozen) and vague words, which give a range whose lower bound
 * is the value: dozens 24-99, scores 40-99, hundreds 200-999, thousands
 * 2,000-9,999, tens/hundreds of thousands 20,000-99,999/200,000-999,999,
 * millions 2-9.99 million.  Ranges "N to M", "N-M", "between N and M"
 * set value_max.  Years (1900-2100 without a comma), ordinals and day
 * numbers next to a month are not counts.
 * Constructs (the record's "pattern"):
 *   N-passive  [qual] N [people|Palestinians...] [have been|were...] killed
 *              (also elliptical "and 100,544 injured", "250 taken prisoner",
 *              "N dead", "N deaths")
 *   verb-N     killing/killed [qual] N: the verb names the kind, its
 *              subject mention is the perpetrator
 *   toll       the death toll rose to N
 * Sentence-wide: attribution "according to X" / "citing X" / a reporting
 * cue's subject ("the ministry said"), perpetrator "in X attacks" or
 * "by X", victims' side from the noun after the number or "attacks on X",
 * period "since X" from pl_date_since, else read here: "since October
 * 2023" (month precision; day when a day is given;
 * a month without a year is the latest one not after the article date).
 * Not counts of people: a number whose head noun is a thing (3 villages,
 * 12 tanks: thing_after), "no one", "N%", money ("2.5 billion in ...").
 * Perpetrator of "..., killing N": the main clause's subject; of a second
 * verb joined by "and": the first verb's (docs/ARCHITECTURE.md).
 * dead/died/deaths/fatalities are folded into "killed".  A count whose
 * verb is planned or future ("would free 150", "are to be released")
 * is flagged PL_CF_INTENT: a promise, not a tally.
 */
#include "internal.h"
#include <stdlib.h>

static const char *const kind_names[PL_CK__N] = {
    "", "killed", "injured", "captured", "kidnapped", "arrested",
    "detained", "released", "displaced", "missing", "casualties"};

static const pl_token *T(const parley_doc *d, uint32_t i) {
  return &d->toks.v[i];
}
static int is_w(const parley_doc *d, uint32_t i, const char *w) {
  return i < d->toks.n && d->toks.v[i].lower[0] == w[0] &&
         !strcmp(d->toks.v[i].lower, w);
}
static int is_p(const pl_token *t) { return (t->flags & PL_TF_PUNCT) != 0; }

/* The resolved code of mention m ("" when none). */
static const char *ment_code(const parley_doc *d, int32_t m) {
  int32_t r = pl_ment_resolved(d, m);
  if (r < 0 || !d->ments.v[r].a.code) return "";
  return d->ments.v[r].a.code;
}

typedef struct {
  double v, vmax;
  uint32_t a, b; /* tokens of the number */
} num_t;

/* Digits with commas/decimals and a magnitude suffix. */
static int digits(const pl_token *t, double *v) {
  char buf[40];
  size_t n = 0, i = 0;
  const char *s = t->lower;
  int dot = 0;
  uint64_t iv = 0; /* the value while it is a plain integer */
  for (; s[i] && n + 1 < sizeof buf; i++) {
    if (s[i] == ',') continue;
    if (s[i] >= '0' && s[i] <= '9') {
      buf[n++] = s[i];
      iv = iv * 10 + (uint64_t)(s[i] - '0');
    } else if (s[i] == '.') {
      buf[n++] = s[i];
      dot = 1;
    } else {
      break;
    }
  }
  buf[n] = 0;
  if (!n) return 0;
  /* up to 15 digits and no point: an integer below 2^53, which strtod
   * would return exactly too; anything else goes to strtod */
  double x = !dot && n <= 15 ? (double)iv : strtod(buf, NULL);
  const char *suf = s + i;
  if (!*suf) {}
  else if (!strcmp(suf, "m") || !strcmp(suf, "mn")) x *= 1e6;
  else if (!strcmp(suf, "bn") || !strcmp(suf, "b")) x *= 1e9;
  else if (!strcmp(suf, "k")) x *= 1e3;
  else return 0; /* 10th, 1990s, 5km */
  *v = x;
  return 1;
}

static int parse_num(const parley_doc *d, uint32_t i, uint32_t hi,
                     num_t *o) {
  const pl_token *t = T(d, i);
  uint32_t j = i + 1;
  double v = 0, vmax = 0;
  if (t->flags & PL_TF_NUM) {
    if (!digits(t, &v)) return 0;
    int year = !strchr(t->lower, ',') && !strchr(t->lower, '.') &&
               t->len == 4 && v >= 1900 && v <= 2100;
    if (j < hi && (pl_xw(T(d, j)) & PL_XW_MAG)) {
      v *= pl_xword_tok(T(d, j))->v;
      j++;
      year = 0;
    }
    if (year) return 0;
    vmax = v;
  } else if (t->flags & PL_TF_WORD) {
    const pl_xword *x = pl_xword_tok(t);
    if ((!strcmp(t->lower, "a") || !strcmp(t->lower, "an")) && j < hi) {
      const pl_xword *y = pl_xword_tok(T(d, j));
      if (!y || !((y->cls & PL_XW_MAG) || !strcmp(y->w, "dozen"))) return 0;
      v = y->v;
      j++;
    } else if (x && (x->cls & PL_XW_NUM)) {
      v = x->v;
      /* twenty-five */
      if (v >= 20 && v < 100 && j + 1 < hi && T(d, j)->lower[0] == '-' &&
          !(T(d, j)->flags & PL_TF_SPACE)) {
        const pl_xword *y = pl_xword_tok(T(d, j + 1));
        if (y && (y->cls & PL_XW_NUM) && y->v < 10) {
          v += y->v;
          j += 2;
        }
      }
    } else if (x && (x->cls & PL_XW_VAGUE)) {
      v = x->v;
      vmax = x->vmax;
      /* tens/hundreds of thousands */
      if (j + 1 < hi && is_w(d, j, "of")) {
        const pl_xword *y = pl_xword_tok(T(d, j + 1));
        if (y && (y->cls & PL_XW_VAGUE) && y->v >= 2000) {
          double f = y->v / 2; /* thousands -> 1000 */
          v *= f;
          vmax = vmax * f + (f - 1);
          j += 2;
        }
      }
      o->v = v;
      o->vmax = vmax;
      o->a = i;
      o->b = j;
      return 1;
    } else {
      return 0;
    }
    /* two hundred, two dozen, three hundred thousand */
    while (j < hi) {
      const pl_xword *y = pl_xword_tok(T(d, j));
      if (!y || !((y->cls & PL_XW_MAG) || !strcmp(y->w, "dozen"))) break;
      v *= y->v;
      j++;
    }
    vmax = v;
  } else {
    return 0;
  }
  o->v = v;
  o->vmax = vmax;
  o->a = i;
  o->b = j;
  return 1;
}

/* Qualifier phrases, longest first; matched ending before token a. */
static const struct {
  const char *name;
  const char *w[4];
} quals[] = {
    {"as many as", {"as", "many", "as", NULL}},
    {"at least", {"at", "least", NULL}},
    {"at most", {"at", "most", NULL}},
    {"more than", {"more", "than", NULL}},
    {"less than", {"less", "than", NULL}},
    {"fewer than", {"fewer", "than", NULL}},
    {"up to", {"up", "to", NULL}},
    {"close to", {"close", "to", NULL}},
    {"upwards of", {"upwards", "of", NULL}},
    {"just over", {"just", "over", NULL}},
    {"just under", {"just", "under", NULL}},
    {"an estimated", {"an", "estimated", NULL}},
    {"nearly", {"nearly", NULL}},
    {"about", {"about", NULL}},
    {"over", {"over", NULL}},
    {"some", {"some", NULL}},
    {"around", {"around", NULL}},
    {"roughly", {"roughly", NULL}},
    {"almost", {"almost", NULL}},
    {"approximately", {"approximately", NULL}},
    {"estimated", {"estimated", NULL}},
    {"under", {"under", NULL}}};

static const char *qualifier(const parley_doc *d, uint32_t lo, uint32_t a,
                             uint32_t *qa) {
  for (size_t q = 0; q < sizeof quals / sizeof quals[0]; q++) {
    uint32_t n = 0;
    while (n < 4 && quals[q].w[n]) n++;
    if (a < lo + n) continue;
    uint32_t k = 0;
    for (; k < n; k++)
      if (!is_w(d, a - n + k, quals[q].w[k])) break;
    if (k < n) continue;
    *qa = a - n;
    return quals[q].name;
  }
  *qa = a;
  return "";
}

/* Kind word at token k (with its two-word forms); *e gets the end. */
static int kind_at(const parley_doc *d, uint32_t k, uint32_t hi,
                   uint32_t *e) {
  const pl_token *t = T(d, k);
  *e = k + 1;
  if ((!strcmp(t->lower, "taken") || !strcmp(t->lower, "held")) &&
      k + 1 < hi) {
    const char *n = T(d, k + 1)->lower;
    if (!strcmp(n, "prisoner") || !strcmp(n, "prisoners") ||
        !strcmp(n, "hostage") || !strcmp(n, "hostages") ||
        !strcmp(n, "captive") || !strcmp(n, "captives")) {
      *e = k + 2;
      return PL_CK_CAPTURED;
    }
    if (!strcmp(n, "into") && is_w(d, k + 2, "custody")) {
      *e = k + 3;
      return PL_CK_ARRESTED;
    }
    return 0;
  }
  if (!strcmp(t->lower, "went") && is_w(d, k + 1, "missing")) {
    *e = k + 2;
    return PL_CK_MISSING;
  }
  if (!strcmp(t->lower, "forced") && is_w(d, k + 1, "to") &&
      is_w(d, k + 2, "flee")) {
    *e = k + 3;
    return PL_CK_DISPLACED;
  }
  const pl_xword *x = pl_xword_tok(t);
  if (x && (x->cls & PL_XW_KIND)) return x->kind;
  return 0;
}

typedef struct {
  int done;
  int32_t src, by, who, place;
  uint32_t src_off, src_len;
  pl_date since, date;
} sentctx_t;

static void since_of(const parley_doc *d, uint32_t s0, uint32_t s1,
                     pl_date *out) {
  memset(out, 0, sizeof *out);
  for (uint32_t i = s0; i + 1 < s1; i++) {
    if (!is_w(d, i, "since")) continue;
    uint32_t k = i + 1;
    const pl_xword *m = pl_xword_tok(T(d, k));
    int mon = 0, day = 0, yr = 0;
    if (m && (m->cls & PL_XW_MONTH)) {
      mon = (int)m->v;
      k++;
      double v;
      if (k < s1 && (T(d, k)->flags & PL_TF_NUM) && digits(T(d, k), &v) &&
          v >= 1 && v <= 31 && T(d, k)->len <= 2) {
        day = (int)v;
        k++;
        if (k < s1 && T(d, k)->lower[0] == ',') k++;
      }
    }
    double v;
    if (k < s1 && (T(d, k)->flags & PL_TF_NUM) && T(d, k)->len == 4 &&
        digits(T(d, k), &v) && v >= 1900 && v <= 2100)
      yr = (int)v;
    if (!mon && !yr) continue;
    if (!yr) {
      if (!d->date.y) continue;
      yr = d->date.y;
      if (mon > d->date.m || (mon == d->date.m && day > d->date.d)) yr--;
    }
    out->y = (int16_t)yr;
    out->m = (int8_t)mon;
    out->d = (int8_t)(mon ? day : 0);
    out->prec = day && mon ? PL_PREC_DAY : mon ? PL_PREC_MONTH : PL_PREC_YEAR;
    if (day && !pl_date_valid(yr, mon, day)) {
      out->d = 0;
      out->prec = PL_PREC_MONTH;
    }
    return;
  }
}

static int32_t first_ment(const parley_doc *d, uint32_t a, uint32_t b) {
  int32_t adj = -1;
  for (uint32_t i = a; i < b; i++) {
    int32_t m = T(d, i)->ment;
    if (m < 0) continue;
    if (!(d->ments.v[m].flags & PL_MF_ADJ)) return m;
    if (adj < 0) adj = m;
  }
  return adj;
}

static void sentence_ctx(const parley_doc *d, uint32_t s, sentctx_t *c) {
  const pl_sentence *st = &d->sents.v[s];
  uint32_t s0 = st->tok0, s1 = st->tok0 + st->ntok;
  c->done = 1;
  c->src = c->by = c->who = -1;
  c->src_off = c->src_len = 0;
  /* attribution */
  for (uint32_t i = s0; i + 2 < s1 && !c->src_len; i++) {
    uint32_t a = 0;
    if (is_w(d, i, "according") && is_w(d, i + 1, "to")) a = i + 2;
    else if (is_w(d, i, "citing")) a = i + 1;
    else continue;
    uint32_t b = a;
    while (b < s1 && b - a < 16) {
      const pl_token *t = T(d, b);
      if (is_p(t) && !(t->flags & PL_TF_POSS) &&
          !(t->lower[0] == '-' && !(t->flags & PL_TF_SPACE)))
        break;
      b++;
    }
    if (b > a) {
      c->src_off = T(d, a)->off;
      c->src_len = T(d, b - 1)->off + T(d, b - 1)->len - c->src_off;
      c->src = first_ment(d, a, b);
    }
  }
  if (!c->src_len) {
    int inq = 0;
    for (uint32_t v = s0; v < s1; v++) {
      const pl_token *t = T(d, v);
      if (t->flags & PL_TF_QOPEN) inq = 1;
      if (t->flags & PL_TF_QCLOSE) inq = 0;
      if (inq || !pl_cue_at(d, v) || (pl_xw(t) & PL_XW_PART))
        continue;
      uint32_t a, b;
      if (pl_subject_span(d, s0, v, &a, &b) ||
          pl_np_after(d, v + 1, s1, &a, &b)) {
        c->src_off = T(d, a)->off;
        c->src_len = T(d, b - 1)->off + T(d, b - 1)->len - c->src_off;
        c->src = pl_span_mention(d, a, b);
        break;
      }
    }
  }
  /* perpetrator "in X attacks", victims "attacks on Y" */
  for (uint32_t i = s0; i < s1; i++) {
    if (!(pl_xw(T(d, i)) & PL_XW_ATTACK)) continue;
    uint32_t lo = i > s0 + 5 ? i - 5 : s0;
    for (uint32_t k = i; k > lo; k--) {
      if (is_w(d, k - 1, "in") || is_w(d, k - 1, "by")) {
        int32_t m = first_ment(d, k, i);
        if (m >= 0 && c->by < 0) c->by = m;
        break;
      }
      if (is_p(T(d, k - 1)) && T(d, k - 1)->lower[0] != '-') break;
    }
    /* "an air strike by government forces" */
    if (c->by < 0 && i + 2 < s1 && is_w(d, i + 1, "by")) {
      int32_t m = first_ment(d, i + 2, i + 6 < s1 ? i + 6 : s1);
      if (m >= 0) c->by = m;
    }
    if (i + 2 < s1 && is_w(d, i + 1, "on") && T(d, i + 2)->ment >= 0 &&
        c->who < 0)
      c->who = T(d, i + 2)->ment;
  }
  /* the dates stage knows more expressions ("since last week"); our
   * own reading covers month/day/year forms when it finds none */
  c->since = pl_date_since(d, s, s0, s1);
  if (!c->since.prec) since_of(d, s0, s1, &c->since);
  c->date = pl_date_for(d, s, s0, s1, 0);
  c->place = pl_place_for(d, s, s0, s1);
}

/* The subject of the clause [s0, e): "by X" after a passive ("was
 * attacked by militiamen"), else no subject when the clause is passive,
 * else the first mention before the clause's first verb. */
static int32_t clause_subject(const parley_doc *d, uint32_t s0, uint32_t e) {
  for (uint32_t i = s0; i + 1 < e; i++)
    if (is_w(d, i, "by")) {
      int32_t m = first_ment(d, i + 1, i + 5 < e ? i + 5 : e);
      if (m >= 0) return m;
    }
  int32_t first = -1;
  for (uint32_t i = s0; i < e; i++) {
    const pl_token *t = T(d, i);
    if (first < 0 && t->ment >= 0 &&
        !(d->ments.v[t->ment].flags & PL_MF_PRONOUN))
      first = t->ment;
    if (PL_IS_VERB(t->tag) || t->tag == PL_T_MD) {
      static const char *const be[] = {"was", "were", "is", "are", "been",
                                       "being", NULL};
      if (pl_words_has(be, t->lower)) return -1;
      return first;
    }
  }
  return -1;
}

/* A planned or future act: a modal, "to" or a plan/intent word in the
 * few tokens before the verb ("would free", "plans to release"). */
static int intent_before(const parley_doc *d, uint32_t s0, uint32_t v) {
  static const char *const w[] = {"will", "would", "to", "could", "may",
                                  "might", "shall", "plans", "plan",
                                  "planned", "threatened", "agreed",
                                  "expected", NULL};
  for (uint32_t k = v, n = 0; k > s0 && n < 4; k--, n++) {
    const pl_token *t = T(d, k - 1);
    if (is_p(t)) break;
    /* "believed to have been killed" is no plan */
    if (is_w(d, k - 1, "to") && is_w(d, k, "have")) continue;
    if (pl_tok_in(w, t)) return 1; /* one probe, not a scan of w */
  }
  return 0;
}

static int emit(parley_doc *d, uint32_t s, sentctx_t *c, const num_t *nm,
                int kind, const char *qual, uint32_t ea, uint32_t eb,
                int32_t who, int32_t by, const char *pattern) {
  if (!c->done) sentence_ctx(d, s, c);
  pl_count *o = pl_vec_push(&d->arena, &d->counts);
  if (!o) return -1;
  o->sent = s;
  o->kind = kind_names[kind];
  o->value = nm->v;
  o->value_max = nm->vmax > nm->v ? nm->vmax : nm->v;
  o->qualifier = qual;
  /* a victims' phrase with no code ("people") gives way to the side
   * the sentence names ("attacks on Gaza") */
  if (who >= 0 && !ment_code(d, who)[0] && c->who >= 0) who = c->who;
  if (by >= 0 && !ment_code(d, by)[0] && c->by >= 0) by = c->by;
  o->who = who >= 0 ? who : c->who;
  o->by = by >= 0 ? by : c->by;
  o->src = c->src;
  o->src_off = c->src_off;
  o->src_len = c->src_len;
  o->place = c->place;
  o->since = c->since;
  o->date = c->date;
  o->off = T(d, ea)->off;
  o->len = T(d, eb - 1)->off + T(d, eb - 1)->len - o->off;
  o->pattern = pattern;
  o->flags = 0;
  return 0;
}

/* A noun for things, not people, as the head after a number (within
 * three words): captured 3 villages, 12 tanks, three armoured vehicles. */
static int thing_word(const pl_token *t) {
  static const char *const things[] = {
      "village", "town", "city", "tank", "vehicle", "video", "statement",
      "rocket", "missile", "drone", "shell", "mortar", "bomb", "weapon",
      "rifle", "gun", "ship", "boat", "vessel", "aircraft", "plane", "jet",
      "helicopter", "building", "home", "house", "position", "base", "post",
      "outpost", "checkpoint", "area", "district", "neighbourhood",
      "neighborhood", "hectare", "acre", "kilogram", "kg", "tonne", "ton",
      "barrel", "point", "seat", "vote", "image", "photo", "photograph",
      "picture", "camera", "document", "file", "truck", "lorry", "car",
      "hospital", "school", "mosque", "church", "site", "target", "tunnel",
      "animal", "phone", "account", "website", "round", "territory",
      "square", "flight", "convoy", "shipment", "container", "fund", "asset",
      NULL};
  if (!(t->flags & PL_TF_WORD)) return 0;
  return pl_words_has(things, t->lemma ? t->lemma : t->lower) ||
         pl_words_has(things, t->lower);
}

static int thing_after(const parley_doc *d, uint32_t b, uint32_t s1) {
  for (uint32_t k = b; k < s1 && k < b + 3; k++) {
    const pl_token *t = T(d, k);
    if (thing_word(t)) return 1;
    /* stop at the first noun that is not a thing, or any other word */
    if (!(t->tag == PL_T_JJ || t->tag == PL_T_VBN ||
          (t->lower[0] == '-' && !(t->flags & PL_TF_SPACE))))
      return 0;
  }
  return 0;
}

/* End of the victims' phrase after a number (at most 4 words):
 * "Palestinians", "Iraqi soldiers", "police officers", "villagers". */
static uint32_t victims_end(const parley_doc *d, uint32_t va, uint32_t s1) {
  uint32_t k = va;
  while (k < s1 && k - va < 4) {
    const pl_token *x = T(d, k);
    if (x->flags & PL_TF_PUNCT) {
      if (x->lower[0] == '-' && !(x->flags & PL_TF_SPACE)) { k++; continue; }
      break;
    }
    uint32_t cl = pl_xw(x);
    if ((cl & PL_XW_VICTIM) && !(cl & PL_XW_KIND)) { k++; continue; }
    /* other nouns and adjectives: villagers, fishermen, elderly */
    if (!(cl & (PL_XW_KIND | PL_XW_CAUX | PL_XW_UNIT)) &&
        (x->tag == PL_T_NNS || x->tag == PL_T_NN || x->tag == PL_T_JJ)) {
      k++;
      continue;
    }
    if ((x->flags & PL_TF_CAP) && !(cl & PL_XW_KIND)) { k++; continue; }
    break;
  }
  return k;
}

static parley_rc sentence_counts(parley_doc *d, uint32_t s) {
  const pl_sentence *st = &d->sents.v[s];
  uint32_t s0 = st->tok0, s1 = st->tok0 + st->ntok;
  sentctx_t c;
  memset(&c, 0, sizeof c);
  int have_verb = 0;   /* a verb-N count was found in this sentence */
  int32_t verb_by = -1; /* and its perpetrator */
  for (uint32_t i = s0; i < s1; i++) {
    const pl_token *t = T(d, i);
    if (!(t->flags & (PL_TF_NUM | PL_TF_WORD))) continue;
    if (t->flags & PL_TF_WORD) {
      /* a word opens a number only as a number or vague word (its xw
       * classes, looked up by token.c: pl_xw(t) of a word) or as "a"/"an"
       * ("a dozen"); tested first, as nearly every word fails it */
      const char *w = t->lower;
      char c0 = w[0];
      int art = c0 == 'a' && (!w[1] || (w[1] == 'n' && !w[2]));
      if (!art && !(t->xw & (PL_XW_NUM | PL_XW_VAGUE))) continue;
      /* then the tag gate: number words are tagged CD, vague ones
       * (dozens, hundreds, thousands, millions, scores, tens) plural
       * nouns; a capitalised opener ("Five") may be tagged as a name */
      int cand = t->tag == PL_T_CD ||
                 (t->tag == PL_T_NNS && (c0 == 'd' || c0 == 'h' ||
                                         c0 == 't' || c0 == 'm' ||
                                         c0 == 's')) ||
                 ((t->flags & PL_TF_CAP) && t->len >= 3) || art;
      if (!cand) continue;
    }
    num_t nm;
    if (!parse_num(d, i, s1, &nm)) continue;
    /* a day next to a month is a date: Oct. 7, 7 October */
    if (i > s0 && (pl_xw(T(d, i - 1)) & PL_XW_MONTH)) continue;
    if (nm.b < s1 && (pl_xw(T(d, nm.b)) & PL_XW_MONTH)) continue;
    /* ranges: N to M, N-M, between N and M */
    uint32_t b = nm.b;
    num_t n2;
    if (b + 1 < s1 && (is_w(d, b, "to") || (T(d, b)->lower[0] == '-' &&
                                             T(d, b)->len == 1)) &&
        parse_num(d, b + 1, s1, &n2) && n2.v > nm.v) {
      nm.vmax = n2.vmax;
      nm.b = b = n2.b;
    }
    uint32_t qa;
    const char *q = qualifier(d, s0, i, &qa);
    if (!q[0] && i >= s0 + 1 && is_w(d, i - 1, "between") && is_w(d, b, "and") &&
        parse_num(d, b + 1, s1, &n2) && n2.v > nm.v) {
      nm.vmax = n2.vmax;
      nm.b = b = n2.b;
      qa = i - 1;
      q = "between";
    }
    if (b < s1 && (pl_xw(T(d, b)) & PL_XW_UNIT)) continue;
    if (b < s1 && !strcmp(T(d, b)->lower, "%")) continue;
    /* "no one was killed", "the one who" */
    if (nm.b == i + 1 && !strcmp(t->lower, "one") && i > s0) {
      static const char *const det[] = {"no", "the", "any", "every", "each",
                                        "this", "that", "which", NULL};
      if (pl_words_has(det, T(d, i - 1)->lower)) continue;
    }
    /* money: "free 2.5 billion in frozen funds", "5m in aid" */
    if (nm.v >= 1e6 && b < s1 && (is_w(d, b, "in") || is_w(d, b, "worth")))
      continue;
    /* a number inside a compound modifier: a 500-page report */
    if (b + 1 < s1 && T(d, b)->lower[0] == '-' && T(d, b)->len == 1 &&
        !(T(d, b)->flags & PL_TF_SPACE) && (T(d, b + 1)->flags & PL_TF_WORD))
      continue;
    /* N-passive: N [of] [victims] [aux] KIND */
    uint32_t k = b, va = b;
    /* "6 of the 10 soldiers": the whole after "of the" is no count */
    if (i >= s0 + 3 && is_w(d, i - 1, "the") && is_w(d, i - 2, "of") &&
        ((T(d, i - 3)->flags & PL_TF_NUM) || T(d, i - 3)->tag == PL_T_CD)) {
      i = b - 1;
      continue;
    }
    if (k < s1 && is_w(d, k, "of")) {
      k++;
      num_t whole;
      if (k + 1 < s1 && is_w(d, k, "the") && parse_num(d, k + 1, s1, &whole))
        k = whole.b;
      /* "7 of its fighters", "two of their children" */
      if (k < s1 && (is_w(d, k, "its") || is_w(d, k, "their") ||
                     is_w(d, k, "his") || is_w(d, k, "her")))
        k++;
    }
    va = k;
    k = victims_end(d, va, s1);
    /* "Three Iraqi soldiers and two police officers were wounded": the
     * first conjunct waits for the verb the two share */
    num_t n1 = nm;
    uint32_t va1 = va, vb1 = k;
    int coord = 0;
    if (k > va && k + 1 < s1 && is_w(d, k, "and") &&
        parse_num(d, k + 1, s1, &n2) && !(n2.b < s1 &&
                                          (pl_xw(T(d, n2.b)) & PL_XW_UNIT))) {
      uint32_t k2 = victims_end(d, n2.b, s1);
      if (k2 > n2.b) {
        coord = 1;
        nm = n2;
        va = n2.b;
        k = k2;
      }
    }
    uint32_t vb = k;
    /* a parenthetical between the noun and its verb: "1.9 million people,
     * or about 90 percent of the population, have been displaced" */
    if (k + 2 < s1 && T(d, k)->lower[0] == ',' && T(d, k)->len == 1) {
      uint32_t e2 = k + 1;
      while (e2 < s1 && e2 - k < 14 && !is_p(T(d, e2))) e2++;
      if (e2 < s1 && e2 - k < 14 && T(d, e2)->lower[0] == ',' &&
          e2 + 1 < s1 && (pl_xw(T(d, e2 + 1)) & PL_XW_CAUX))
        k = e2 + 1;
    }
    uint32_t ka = k;
    while (k < s1 && k - ka < 6 && (pl_xw(T(d, k)) & PL_XW_CAUX)) k++;
    uint32_t e;
    int kind = k < s1 ? kind_at(d, k, s1, &e) : 0;
    /* "released from hospital" is a discharge, not a release */
    if (kind == PL_CK_RELEASED && is_w(d, e, "from") &&
        (is_w(d, e + 1, "hospital") ||
         (is_w(d, e + 1, "the") && is_w(d, e + 2, "hospital")))) {
      i = e - 1;
      continue;
    }
    /* counts of things, not people: 3 villages, 12 tanks, three videos
     * (checked only once a count would be made: it is the rarer case) */
    if (kind && thing_after(d, b, s1)) {
      i = b - 1;
      continue;
    }
    if (kind) {
      int32_t who = first_ment(d, va, vb), by = -1;
      if (e + 1 < s1 && is_w(d, e, "by")) by = first_ment(d, e + 1,
                                                     e + 6 < s1 ? e + 6 : s1);
      if (coord) {
        if (emit(d, s, &c, &n1, kind, q, qa, vb1, first_ment(d, va1, vb1),
                 by, "N-passive"))
          return PARLEY_ENOMEM;
        if (intent_before(d, vb, k))
          d->counts.v[d->counts.n - 1].flags |= PL_CF_INTENT;
        qa = nm.a;
        q = "";
      }
      if (emit(d, s, &c, &nm, kind, q, qa, e, who, by, "N-passive"))
        return PARLEY_ENOMEM;
      if (intent_before(d, vb, k))
        d->counts.v[d->counts.n - 1].flags |= PL_CF_INTENT;
      i = e - 1;
      continue;
    }
    if (coord) { /* no shared verb: back to the first number */
      nm = n1;
      va = va1;
    }
    /* verb-N: killing [qual] N */
    if (qa > s0) {
      const pl_xword *x = pl_xword_tok(T(d, qa - 1));
      if (x && (x->cls & PL_XW_KVERB) && thing_after(d, b, s1)) {
        i = b - 1;
        continue;
      }
      if (x && (x->cls & PL_XW_KVERB)) {
        /* the perpetrator is the verb's subject: the first mention of
         * its clause ("An Israeli strike on a school ... killed 17";
         * "Police arrested 300 and detained dozens more") */
        int32_t by = -1;
        uint32_t m = qa - 1;
        for (; m > s0; m--) {
          const pl_token *y = T(d, m - 1);
          if (is_p(y) && y->lower[0] != '-') break;
          if (y->ment >= 0) by = y->ment;
        }
        uint32_t vt = qa - 1;
        if (vt > s0 + 1 && is_w(d, vt - 1, "and") && have_verb) {
          /* "killed one soldier and wounded two others": the second verb
           * shares the first one's subject, not its object */
          by = verb_by;
        } else if (by < 0 && m > s0 && T(d, m - 1)->lower[0] == ',' &&
                   T(d, vt)->tag == PL_T_VBG) {
          /* "Russian forces shelled the city, killing 4": the main
           * clause's subject */
          by = clause_subject(d, s0, m - 1);
        }
        uint32_t end = b;
        int32_t who = -1;
        while (end < s1 && end - b < 3 &&
               ((pl_xw(T(d, end)) & PL_XW_VICTIM) ||
                (T(d, end)->flags & PL_TF_CAP))) {
          if (who < 0 && T(d, end)->ment >= 0) who = T(d, end)->ment;
          end++;
        }
        if (emit(d, s, &c, &nm, x->kind, q, qa - 1, end, who, by, "verb-N"))
          return PARLEY_ENOMEM;
        have_verb = 1;
        verb_by = by;
        if (intent_before(d, s0, qa - 1))
          d->counts.v[d->counts.n - 1].flags |= PL_CF_INTENT;
        i = end - 1;
        continue;
      }
    }
    /* toll: the death toll rose to N */
    for (uint32_t m = qa; m > s0 && qa - m < 8; m--) {
      const pl_token *y = T(d, m - 1);
      if (y->flags & PL_TF_NUM) break;
      if (!strcmp(y->lower, "toll") && m >= 2) {
        const char *pre = T(d, m - 2)->lower;
        int kd = !strcmp(pre, "death") || !strcmp(pre, "dead")
                     ? PL_CK_KILLED
                 : !strcmp(pre, "casualty") ? PL_CK_CASUALTIES
                 : !strcmp(pre, "injury") ? PL_CK_INJURED : 0;
        if (kd && emit(d, s, &c, &nm, kd, q, m - 2, b, -1, -1, "toll"))
          return PARLEY_ENOMEM;
        break;
      }
    }
    i = b - 1;
  }
  return PARLEY_OK;
}

parley_rc pl_counts_run(parley_doc *doc) {
  for (uint32_t s = 0; s < doc->sents.n; s++) {
    parley_rc rc = sentence_counts(doc, s);
    if (rc) return rc;
  }
  return PARLEY_OK;
}
