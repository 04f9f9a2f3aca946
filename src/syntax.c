/*
 * syntax.c - stage: shallow syntax over the tagged tokens.
 *
 * Inputs: tokens with tag/lemma (tag.c) and actor mentions (actors.c).
 * Outputs, per token: chunk (PL_CH_NP / VG / PP / O), syn flags (noun-phrase
 * starts, comma asides, compound conjunctions, complementizers, relative
 * pronouns, clause boundaries) and vg (its verb group); per document:
 * doc->vgs, the verb groups with tense/voice/negation/modality flags and
 * their clause range.
 *
 * This is a finite-state chunker in the TABARI tradition, not a parser: one
 * left-to-right pass for verb groups, one for noun phrases, one for asides
 * and one for clause ranges.  It never allocates per token; cost is a few
 * hundred nanoseconds per sentence.
 * Invariants: every token gets vg = -1 unless it is inside a group; the
 * groups of a sentence are in token order and do not overlap;
 * clo <= lo < hi <= chi within the sentence.
 */
#include "internal.h"
#include <pthread.h>

/* String tests compare the first byte before calling strcmp: most tokens
 * differ there, and these run for every token of every sentence. */
static inline __attribute__((always_inline)) int eq(const char *a,
                                                    const char *b) {
  /* b is a literal: after the first byte the compiler folds short tails */
  return a && a[0] == b[0] && (!b[0] || !strcmp(a + 1, b + 1));
}

static const char *lem(const pl_token *t) {
  return t->lemma ? t->lemma : t->lower;
}

static const char *const NEG_WORDS[] = {"not", "n't", "never", "nt", NULL};
static const char *const SPEECH[] = {
    "say",     "tell",  "announce", "report",  "state",  "add",
    "claim",   "note",  "insist",   "stress",  "write",  "explain",
    "argue",   "suggest", "allege", "assert", "reiterate", "confirm",
    "indicate", "believe", "think", "predict", "acknowledge", NULL};
/* verbs that take a to-infinitive and stay in one group: "plans to meet" */
static const char *const INTENT_CHAIN[] = {
    "plan",   "intend", "expect", "aim",    "seek",   "want",   "hope",
    "prepare", "decide", "agree", "pledge", "promise", "vow",   "offer",
    "set",    "schedule", "due",  "go",     "about",  "ready",  "threaten",
    "vote",   "wish",   "mean",   "propose", "resolve", "commit", "poise",
    "slate",  "likely", NULL};
static const char *const OTHER_CHAIN[] = {
    "try",    "attempt", "begin", "start",  "continue", "resume", "move",
    "refuse", "fail",    "decline", "need", "have",    "manage", "seem",
    "appear", "help",    "able",  "unable", "reluctant", "willing", "ask",
    "urge",   NULL};
static const char *const REL_WORDS[] = {"who", "whom", "whose", "which",
                                        NULL};
static const char *const SUBORD[] = {
    "after",  "before", "while", "because", "although", "though", "since",
    "when",   "whereas", "until", "as",     "if",       "unless", "whether",
    "once",   NULL};

/* Closed classes of a token's lower-case form (pl_token.swc, PL_SW_* in
 * internal.h), found with one word-set probe per token when its sentence
 * starts: the per-token tests below (and in events.c) read a bit instead
 * of comparing strings or scanning lists.  SW_LISTS[k] is the list of bit
 * k: keep the order of enum pl_swclass. */
static const char *const W_TO[] = {"to", NULL};
static const char *const W_COMMA[] = {",", NULL};
static const char *const W_AND[] = {"and", NULL};
static const char *const W_OR[] = {"or", NULL};
static const char *const W_BUT[] = {"but", NULL};
static const char *const W_AMPNOR[] = {"&", "nor", NULL};
static const char *const W_HYPHEN[] = {"-", NULL};
static const char *const W_RE[] = {"re", NULL};
static const char *const W_BOUND[] = {";", ":", "--", "\xe2\x80\x94", NULL};
static const char *const W_LPAREN[] = {"(", NULL};
static const char *const W_RPAREN[] = {")", NULL};
static const char *const W_PERIOD[] = {".", NULL};
static const char *const W_THAT[] = {"that", NULL};
static const char *const W_NO[] = {"no", NULL};
static const char *const W_LONGER[] = {"longer", NULL};
static const char *const W_BY[] = {"by", NULL};
static const char *const *const SW_LISTS[] = {
    NEG_WORDS, REL_WORDS, SUBORD,   W_TO,     W_COMMA,  W_AND,  W_OR,
    W_BUT,     W_AMPNOR,  W_HYPHEN, W_RE,     W_BOUND,  W_LPAREN,
    W_RPAREN,  W_PERIOD,  W_THAT,   W_NO,     W_LONGER, W_BY,   NULL};
_Static_assert(sizeof SW_LISTS / sizeof SW_LISTS[0] - 1 == 19 &&
                   PL_SW_BY == 1u << 18,
               "SW_LISTS follows enum pl_swclass");

/* The words of SW_LISTS in a small open-addressing table keyed by the
 * interned hash (pl_token.hlow), probed inline for every token: the same
 * answer as pl_words_class(SW_LISTS, ...), without its call and registry
 * lookup, which were a fifth of this stage.  Built once per process
 * (pthread_once: coding threads share it read-only). */
#define SWT_SIZE 256 /* a power of two, over 4x the words: misses stop at
                        the first (empty) slot */
typedef struct {
  uint32_t hash, bits;
  const char *w; /* NULL: empty */
} swslot;
static swslot swt[SWT_SIZE];
static pthread_once_t swt_once = PTHREAD_ONCE_INIT;

static void swt_build(void) {
  for (uint32_t k = 0; SW_LISTS[k]; k++)
    for (const char *const *l = SW_LISTS[k]; *l; l++) {
      uint32_t h = pl_fnv32z(*l), i = h & (SWT_SIZE - 1);
      while (swt[i].w && strcmp(swt[i].w, *l)) i = (i + 1) & (SWT_SIZE - 1);
      swt[i].hash = h;
      swt[i].bits |= 1u << k;
      swt[i].w = *l;
    }
}

/* The PL_SW_* bits of word w (hash h = pl_fnv32z(w)); 0 for NULL. */
static inline uint32_t sw_class(const char *w, uint32_t h) {
  if (!w) return 0;
  for (uint32_t i = h & (SWT_SIZE - 1); swt[i].w; i = (i + 1) & (SWT_SIZE - 1))
    if (swt[i].hash == h) {
      const char *a = swt[i].w, *b = w; /* short words: inline compare */
      while (*a == *b && *a) a++, b++;
      if (*a == *b) return swt[i].bits;
    }
  return 0;
}

static int is_neg(const pl_token *t) { return (t->swc & PL_SW_NEG) != 0; }
static int sw(const pl_token *t, uint32_t bits) { return (t->swc & bits) != 0; }
/* "to" as tagged or as written */
static int is_to(const pl_token *t) {
  return t->tag == PL_T_TO || (t->swc & PL_SW_TO);
}

/* Classes of a verb's lemma (one probe with its interned hash instead of
 * scanning SPEECH / INTENT_CHAIN / OTHER_CHAIN with strcmp). */
enum { LM_SPEECH = 1, LM_INTENT = 2, LM_OTHER = 4 };
static const char *const *const LM_LISTS[] = {SPEECH, INTENT_CHAIN,
                                              OTHER_CHAIN, NULL};
static uint32_t lem_class(const pl_token *t) {
  return t->lemma ? pl_words_class(LM_LISTS, t->lemma, t->hlem)
                  : pl_words_class(LM_LISTS, t->lower, t->hlow);
}
/* the same for chain_lemma(t) */
static uint32_t chain_class(const pl_token *t) {
  if (eq(t->lower, "plans"))
    return pl_words_class(LM_LISTS, "plan", pl_fnv32z("plan"));
  return lem_class(t);
}

static int is_aux_lemma(const char *l) {
  return eq(l, "be") || eq(l, "have") || eq(l, "do") || eq(l, "get");
}

static int is_be_form(const pl_token *t) {
  const char *l = lem(t);
  return eq(l, "be") || eq(l, "get") || eq(t->lower, "been") ||
         eq(t->lower, "being") || eq(t->lower, "got") ||
         eq(t->lower, "gotten");
}

static int verbish(const pl_token *t) { return PL_IS_VERB(t->tag); }

/* Is there (RB)* VERB starting at j (< end)? Returns the verb index or 0. */
/* Tokens a verb group looks through: quotation marks ("were "re-engaging"")
 * and a split "re -" prefix. */
static int transparent(const pl_token *tk, uint32_t j, uint32_t end) {
  if (tk[j].flags & PL_TF_QUOTE) return 1;
  if (sw(&tk[j], PL_SW_RE) && j + 1 < end && sw(&tk[j + 1], PL_SW_HYPHEN))
    return 1;
  if (sw(&tk[j], PL_SW_HYPHEN) && j > 0 && sw(&tk[j - 1], PL_SW_RE)) return 1;
  return 0;
}

static uint32_t verb_after(const pl_token *tk, uint32_t j, uint32_t end) {
  int nrb = 0;
  while (j < end && (tk[j].tag == PL_T_RB || is_neg(&tk[j]) ||
                     transparent(tk, j, end)) && nrb < 4)
    j++, nrb++;
  return j < end && (verbish(&tk[j]) || tk[j].tag == PL_T_MD) ? j : 0;
}

/* Noun-phrase premodifier position: a VBN/VBG between a determiner-like
 * token and a noun ("the detained soldiers", "the ruling party"). */
static int adj_participle(const pl_token *tk, uint32_t i, uint32_t t0,
                          uint32_t t1) {
  if (tk[i].tag != PL_T_VBN && tk[i].tag != PL_T_VBG) return 0;
  if (i + 1 >= t1) return 0;
  int nexty = PL_IS_NOUN(tk[i + 1].tag) || tk[i + 1].tag == PL_T_JJ ||
              tk[i + 1].ment >= 0;
  if (!nexty) return 0;
  if (i == t0) return tk[i].tag == PL_T_VBN && tk[i + 1].ment < 0 ? 0 : 0;
  /* an adverb may stand between ("the newly elected president", "a
   * clearly inebriated official") */
  uint32_t q = i;
  while (q > t0 + 1 && q + 2 > i && tk[q - 1].tag == PL_T_RB &&
         !is_neg(&tk[q - 1]))
    q--;
  int p = tk[q - 1].tag;
  return p == PL_T_DT || p == PL_T_PRPS || p == PL_T_JJ || p == PL_T_CD ||
         p == PL_T_POS || (tk[q - 1].flags & PL_TF_POSS) || p == PL_T_PDT;
}

/* NN/NNS "plans"/"plan" used as a verb: "Modi plans to visit". */
static int noun_as_chain_verb(const pl_token *tk, uint32_t i, uint32_t t0,
                              uint32_t t1) {
  if (!PL_IS_NOUN(tk[i].tag) || i == t0 || i + 2 >= t1) return 0;
  if (!is_to(&tk[i + 1])) return 0;
  if (!(eq(tk[i].lower, "plans") || eq(tk[i].lower, "hopes") ||
        eq(tk[i].lower, "aims") || eq(tk[i].lower, "vows") ||
        eq(tk[i].lower, "pledges") || eq(tk[i].lower, "promises") ||
        eq(tk[i].lower, "intends") || eq(tk[i].lower, "wants") ||
        eq(tk[i].lower, "offers") || eq(tk[i].lower, "threatens")))
    return 0;
  if (!is_to(&tk[i + 1])) return 0;
  if (!verb_after(tk, i + 2, t1)) return 0;
  return tk[i - 1].ment >= 0 || PL_IS_NOUN(tk[i - 1].tag);
}

static const char *chain_lemma(const pl_token *t) {
  const char *l = lem(t);
  if (eq(t->lower, "plans")) return "plan";
  return l;
}

/* Builds one verb group starting at i; returns the index after it. */
static uint32_t build_vg(parley_doc *doc, uint32_t i, uint32_t t0,
                         uint32_t t1) {
  pl_token *tk = doc->toks.v;
  uint32_t j = i, head = UINT32_MAX, first = UINT32_MAX;
  uint16_t fl = 0;
  int be_before = 0; /* a be/get aux stands right before the current verb */
  if (is_to(&tk[j])) {
    fl |= PL_VG_INF;
    j++;
  }
  while (j < t1) {
    pl_token *t = &tk[j];
    if (transparent(tk, j, t1) && verb_after(tk, j, t1)) {
      j++;
      continue;
    }
    if (t->tag == PL_T_MD) {
      const char *w = t->lower;
      if (eq(w, "will") || eq(w, "shall") || eq(w, "would") ||
          eq(w, "'ll") || eq(w, "wo") || eq(w, "ll"))
        fl |= PL_VG_FUTURE;
      else if (!eq(w, "can") && !eq(w, "ca"))
        fl |= PL_VG_MODAL;
      j++;
      continue;
    }
    if (is_neg(t) || (t->tag == PL_T_RB && head == UINT32_MAX) ||
        (sw(t, PL_SW_NO) && j + 1 < t1 && sw(&tk[j + 1], PL_SW_LONGER))) {
      /* adverbs inside the group only when a verb follows */
      uint32_t k = j;
      int neg = 0;
      while (k < t1 && k < j + 4) {
        if (is_neg(&tk[k])) neg = 1;
        else if (sw(&tk[k], PL_SW_NO) && k + 1 < t1 &&
                 sw(&tk[k + 1], PL_SW_LONGER)) {
          neg = 1;
          tk[k].syn |= PL_SY_NEG;
          k++;
        } else if (tk[k].tag != PL_T_RB)
          break;
        if (is_neg(&tk[k])) tk[k].syn |= PL_SY_NEG;
        k++;
      }
      if (k < t1 && (verbish(&tk[k]) || tk[k].tag == PL_T_MD) &&
          (head == UINT32_MAX || be_before || neg)) {
        if (neg) fl |= PL_VG_NEG;
        j = k;
        continue;
      }
      if (neg && head != UINT32_MAX) { /* "is not", trailing "not" */
        fl |= PL_VG_NEG;
        j = k;
      }
      break;
    }
    if (verbish(t) && !(head != UINT32_MAX && !be_before && head + 1 != j &&
                        0)) {
      if (head != UINT32_MAX && !be_before) break; /* two lexical verbs */
      const char *l = lem(t);
      uint32_t nx = verb_after(tk, j + 1, t1);
      if (is_aux_lemma(l) && nx && !(tk[nx].tag == PL_T_MD)) {
        be_before = is_be_form(t);
        if (eq(l, "be") && tk[nx].tag == PL_T_VBG && eq(tk[nx].lower, "going"))
          fl |= PL_VG_FUTURE;
        j++;
        continue;
      }
      if (head != UINT32_MAX && be_before == 0) break;
      if (be_before && (t->tag == PL_T_VBN || t->tag == PL_T_VBD) &&
          !eq(l, "be"))
        fl |= PL_VG_PASSIVE;
      else if (t->tag != PL_T_VBN || !be_before)
        fl &= (uint16_t)~PL_VG_PASSIVE;
      be_before = 0;
      head = j;
      if (first == UINT32_MAX) first = j;
      j++;
    } else if (head == UINT32_MAX && noun_as_chain_verb(tk, j, t0, t1)) {
      head = first = j;
      j++;
    } else if (head != UINT32_MAX && be_before &&
               (t->tag == PL_T_JJ) &&
               (eq(t->lower, "due") || eq(t->lower, "set") ||
                eq(t->lower, "ready") || eq(t->lower, "likely") ||
                eq(t->lower, "able") || eq(t->lower, "unable") ||
                eq(t->lower, "about") || eq(t->lower, "willing"))) {
      head = j; /* "is due to", "is ready to" */
      if (first == UINT32_MAX) first = j;
      be_before = 0;
      j++;
    } else if (head != UINT32_MAX && eq(tk[head].lower, "is") &&
               is_to(t) &&
               verb_after(tk, j + 1, t1)) {
      fl |= PL_VG_FUTURE; /* "is to meet" */
      j++;
      head = UINT32_MAX;
      continue;
    } else {
      break;
    }
    /* to-infinitive chain after the verb just taken */
    if (j + 1 < t1 && is_to(&tk[j]) &&
        verb_after(tk, j + 1, t1) && head != UINT32_MAX) {
      const char *cl = chain_lemma(&tk[head]);
      uint32_t cc = chain_class(&tk[head]);
      if ((cc & LM_INTENT) || eq(tk[head].lower, "going")) {
        fl |= eq(cl, "go") || eq(tk[head].lower, "going") ? PL_VG_FUTURE
                                                           : PL_VG_INTENT;
        fl &= (uint16_t)~PL_VG_PASSIVE;
      } else if (!(cc & LM_OTHER)) {
        break; /* "travelled to" + verb is rare; keep groups apart */
      }
      j++;      /* the "to" */
      be_before = 1; /* allow the next lexical verb */
      head = head; /* keep until replaced */
      /* the next verb becomes the head */
      uint32_t nv = verb_after(tk, j, t1);
      while (j < nv) {
        if (is_neg(&tk[j])) { fl |= PL_VG_NEG; tk[j].syn |= PL_SY_NEG; }
        j++;
      }
      be_before = 0;
      head = UINT32_MAX;
      /* next loop iteration takes the verb as head (first is kept) */
      if (j < t1 && verbish(&tk[j])) {
        const char *l2 = lem(&tk[j]);
        uint32_t nx2 = verb_after(tk, j + 1, t1);
        if (eq(l2, "be") && nx2) { /* "to be released" */
          be_before = 1;
          j++;
          if (j < nx2) j = nx2;
        }
        head = j;
        if (be_before && (tk[j].tag == PL_T_VBN || tk[j].tag == PL_T_VBD))
          fl |= PL_VG_PASSIVE;
        be_before = 0;
        j++;
        /* allow a further chain: "agreed to try to meet" */
        if (j + 1 < t1 && is_to(&tk[j]) &&
            verb_after(tk, j + 1, t1) &&
            (lem_class(&tk[head]) & (LM_INTENT | LM_OTHER))) {
          uint32_t v3 = verb_after(tk, j + 1, t1);
          j = v3;
          head = j;
          j++;
        }
      }
      break;
    }
  }
  if (head == UINT32_MAX) {
    /* a group with no lexical verb: a lone aux ("is", "has") is the head */
    uint32_t k = j;
    while (k > i && !verbish(&tk[k - 1])) k--;
    if (k == i) return i + 1; /* nothing verbal: not a group */
    head = k - 1;
    if (first == UINT32_MAX) first = head;
  }
  if (first == UINT32_MAX) first = head;
  if (j <= i) j = i + 1;
  pl_vgroup *g = pl_vec_push(&doc->arena, &doc->vgs);
  if (!g) return t1;
  g->sent = tk[i].sent;
  g->lo = i;
  g->hi = j;
  g->head = head;
  g->first = first;
  g->flags = fl;
  if (lem_class(&tk[head]) & LM_SPEECH) g->flags |= PL_VG_SPEECH;
  for (uint32_t k = i; k < j; k++) {
    tk[k].chunk = PL_CH_VG;
    tk[k].vg = (int32_t)(doc->vgs.n - 1);
  }
  return j;
}

static int np_tag(const pl_token *t) {
  int g = t->tag;
  return PL_IS_NOUN(g) || g == PL_T_DT || g == PL_T_PDT || g == PL_T_PRPS ||
         g == PL_T_PRP || g == PL_T_JJ || g == PL_T_JJR || g == PL_T_JJS ||
         g == PL_T_CD || g == PL_T_POS || g == PL_T_FW ||
         (t->flags & PL_TF_POSS) || t->ment >= 0;
}

static int is_comma(const pl_token *t) { return sw(t, PL_SW_COMMA); }

/* "X, the Y, Z and W": a list member with a determiner is a bare name
 * ("the Netherlands", "the awful Fornost"), a named actor without an agent
 * word, followed by the list's next comma or conjunction; otherwise
 * ("X, the foreign minister, said") it is an appositive. */
static int dt_list_member(const parley_doc *doc, uint32_t r, uint32_t t1) {
  const pl_token *tk = doc->toks.v;
  uint32_t k = r + 1;
  while (k < t1 && tk[k].tag == PL_T_JJ && tk[k].ment < 0) k++;
  if (k >= t1 || tk[k].ment < 0) return 0;
  const pl_mention *m = &doc->ments.v[tk[k].ment];
  if (!m->a.code || !m->a.code[0] || m->agent[0] ||
      (m->flags & (PL_MF_ADJ | PL_MF_POSS | PL_MF_PRONOUN)))
    return 0;
  int32_t mi = tk[k].ment;
  while (k < t1 && tk[k].ment == mi) k++;
  return k < t1 && sw(&tk[k], PL_SW_COMMA | PL_SW_AND | PL_SW_OR);
}

/* Tokens passes 3 to 5 look at: conjunctions, commas, boundaries,
 * relative pronouns, complementizers, subordinators, "(".  Every other
 * token is skipped by their first test, so they walk a list of these
 * (about one token in six) instead of the whole sentence. */
#define SW_CAND                                                            \
  (PL_SW_AND | PL_SW_OR | PL_SW_COMMA | PL_SW_AMPNOR | PL_SW_BOUND |       \
   PL_SW_REL | PL_SW_THAT | PL_SW_SUB | PL_SW_LPAREN)

/* cand: room for the sentence's tokens (scratch, any contents). */
static void sentence_syntax(parley_doc *doc, const pl_sentence *s,
                            uint32_t *cand) {
  pl_token *tk = doc->toks.v;
  uint32_t t0 = s->tok0, t1 = s->tok0 + s->ntok;
  uint32_t vg0 = doc->vgs.n;
  uint32_t nc = 0;
  for (uint32_t i = t0; i < t1; i++) {
    tk[i].chunk = PL_CH_O;
    tk[i].syn = 0;
    tk[i].vg = -1;
    uint32_t c = sw_class(tk[i].lower, tk[i].hlow);
    tk[i].swc = c;
    cand[nc] = i; /* kept only when a candidate (no branch) */
    nc += (c & SW_CAND) != 0;
  }
  /* 1. verb groups */
  for (uint32_t i = t0; i < t1;) {
    pl_token *t = &tk[i];
    int start = 0;
    if (t->ment >= 0 && !verbish(t)) start = 0;
    else if (t->tag == PL_T_MD) start = 1;
    else if (verbish(t) && !adj_participle(tk, i, t0, t1)) start = 1;
    else if (is_to(t) &&
             verb_after(tk, i + 1, t1))
      start = 1;
    else if ((is_neg(t) || t->tag == PL_T_RB) && verb_after(tk, i + 1, t1) &&
             !adj_participle(tk, verb_after(tk, i + 1, t1), t0, t1))
      start = 1;
    else if (PL_IS_NOUN(t->tag) && noun_as_chain_verb(tk, i, t0, t1))
      start = 1; /* (its first test inline: most tokens are no noun) */
    if (!start) {
      i++;
      continue;
    }
    uint32_t before = doc->vgs.n;
    uint32_t nx = build_vg(doc, i, t0, t1);
    if (doc->vgs.n == before || nx <= i) nx = i + 1;
    i = nx;
  }
  /* 2. noun phrases and prepositions */
  for (uint32_t i = t0; i < t1; i++) {
    pl_token *t = &tk[i];
    if (t->chunk == PL_CH_VG) continue;
    if (np_tag(t) || adj_participle(tk, i, t0, t1)) {
      int cont = i > t0 && tk[i - 1].chunk == PL_CH_NP &&
                 !(tk[i - 1].flags & PL_TF_PUNCT) &&
                 !(t->tag == PL_T_DT && !(tk[i - 1].flags & PL_TF_POSS) &&
                   tk[i - 1].tag != PL_T_POS && tk[i - 1].tag != PL_T_PDT);
      /* a new mention after a complete mention starts a new NP, unless
       * the first is a possessor or adjective */
      if (cont && t->ment >= 0 && tk[i - 1].ment >= 0 &&
          tk[i - 1].ment != t->ment) {
        const pl_mention *pm = &doc->ments.v[tk[i - 1].ment];
        if (!(pm->flags & (PL_MF_ADJ | PL_MF_POSS)) &&
            !(tk[i - 1].flags & PL_TF_POSS) && tk[i - 1].tag != PL_T_POS &&
            tk[i - 1].tag != PL_T_PRPS && tk[i - 1].tag != PL_T_JJ)
          cont = 0;
      }
      t->chunk = PL_CH_NP;
      if (!cont) t->syn |= PL_SY_NPSTART;
    } else if (t->tag == PL_T_IN || t->tag == PL_T_TO) {
      t->chunk = PL_CH_PP;
    }
  }
  /* 3. compounds: "X and Y", "X, Y and Z", "Israeli and American" */
  for (uint32_t ci = 0; ci < nc; ci++) {
    uint32_t i = cand[ci];
    if (i < t0 + 1 || i + 1 >= t1) continue;
    pl_token *t = &tk[i];
    int conj = sw(t, PL_SW_AND | PL_SW_OR | PL_SW_COMMA | PL_SW_AMPNOR);
    if (!conj || t->chunk == PL_CH_VG) continue;
    /* left: an NP with a mention ends right here */
    uint32_t l = i - 1;
    if (tk[l].chunk != PL_CH_NP) continue;
    int lm = 0;
    for (uint32_t k = l + 1; k-- > t0 && tk[k].chunk == PL_CH_NP;) {
      if (tk[k].ment >= 0) { lm = 1; break; }
      if (tk[k].syn & PL_SY_NPSTART) break;
    }
    /* right: "and" may follow a comma ("X, Y, and Z") */
    uint32_t r = i + 1;
    if (is_comma(t) && r < t1 && sw(&tk[r], PL_SW_AND | PL_SW_OR))
      r++;
    int rm = 0;
    for (uint32_t k = r; k < t1 && tk[k].chunk == PL_CH_NP; k++) {
      if (tk[k].ment >= 0) { rm = 1; break; }
      if (k > r && (tk[k].syn & PL_SY_NPSTART)) break;
    }
    if (!lm || !rm) continue;
    /* a comma only joins when a list continues with and/or later on and
     * the right side is not an appositive ("X, a senior official,") */
    if (is_comma(t) && r == i + 1) {
      if (tk[r].tag == PL_T_DT && !dt_list_member(doc, r, t1)) continue;
      int ok = 0;
      for (uint32_t k = r; k < t1 && k < r + 12; k++) {
        if (tk[k].chunk == PL_CH_VG) break;
        if (sw(&tk[k], PL_SW_AND | PL_SW_OR)) { ok = 1; break; }
        if (tk[k].chunk != PL_CH_NP && !is_comma(&tk[k])) break;
      }
      if (!ok) continue;
    }
    t->syn |= PL_SY_CONJ;
    if (r > i + 1) tk[i + 1].syn |= PL_SY_CONJ;
  }
  /* 4. relative pronouns, complementizers, boundaries */
  for (uint32_t ci = 0; ci < nc; ci++) {
    uint32_t i = cand[ci];
    pl_token *t = &tk[i];
    if (sw(t, PL_SW_BOUND)) {
      t->syn |= PL_SY_BOUND;
    } else if ((t->swc & PL_SW_REL) && i > t0) {
      t->syn |= PL_SY_REL;
    } else if (sw(t, PL_SW_THAT) && i > t0) {
      /* after a speech verb (or its object): complementizer; after a noun
       * and before a verb group: relative pronoun */
      pl_token *p = &tk[i - 1];
      uint32_t nv = i + 1 < t1 ? verb_after(tk, i + 1, t1) : 0;
      if (p->chunk == PL_CH_VG ||
          (p->chunk == PL_CH_NP && i >= t0 + 2 && tk[i - 2].vg >= 0 &&
           (doc->vgs.v[tk[i - 2].vg].flags & PL_VG_SPEECH)))
        t->syn |= PL_SY_COMP;
      else if (p->chunk == PL_CH_NP && nv == i + 1)
        t->syn |= PL_SY_REL;
      else
        t->syn |= PL_SY_COMP;
    } else if ((t->swc & PL_SW_SUB) && t->tag != PL_T_RB &&
               t->chunk != PL_CH_VG) {
      /* a subordinator opens a clause when a verb group follows before
       * the next punctuation */
      for (uint32_t k = i + 1; k < t1 && k < i + 12; k++) {
        if (tk[k].flags & PL_TF_PUNCT) break;
        if (tk[k].chunk == PL_CH_VG) {
          if (k > i + 1 && !(tk[k].tag == PL_T_VBG && k == i + 1))
            t->syn |= PL_SY_COMP;
          break;
        }
      }
    }
  }
  /* 4b. a speech tail (", a senior official said") is its own clause */
  for (uint32_t ci = 0; ci < nc; ci++) {
    uint32_t i = cand[ci];
    if (i < t0 + 1 || i + 1 >= t1 || !is_comma(&tk[i])) continue;
    for (uint32_t k = i + 1; k < t1 && k < i + 12; k++) {
      if (tk[k].vg >= 0) {
        if (doc->vgs.v[tk[k].vg].flags & PL_VG_SPEECH) tk[i].syn |= PL_SY_BOUND;
        break;
      }
      if (tk[k].chunk != PL_CH_NP && tk[k].chunk != PL_CH_PP &&
          !(tk[k].flags & PL_TF_QUOTE) && tk[k].tag != PL_T_RB)
        break;
    }
  }
  /* 5. asides between commas (appositives, non-restrictive relatives) and
   * parentheses */
  for (uint32_t ci = 0; ci < nc; ci++) {
    uint32_t i = cand[ci];
    if (i < t0 + 1 || i + 1 >= t1) continue;
    pl_token *t = &tk[i];
    if (sw(t, PL_SW_LPAREN)) {
      uint32_t k = i + 1;
      while (k < t1 && !sw(&tk[k], PL_SW_RPAREN) && k < i + 30) k++;
      if (k < t1 && sw(&tk[k], PL_SW_RPAREN))
        for (uint32_t m = i; m <= k; m++) tk[m].syn |= PL_SY_ASIDE;
      continue;
    }
    if (!is_comma(t) || (t->syn & PL_SY_CONJ)) continue;
    if (tk[i - 1].chunk != PL_CH_NP) continue;
    pl_token *n = &tk[i + 1];
    int rel = (n->syn & PL_SY_REL) != 0;
    int app = !rel && n->chunk == PL_CH_NP && !(n->syn & PL_SY_CONJ);
    /* ", in remarks on Monday," between a subject and its verb */
    int pp = !rel && !app && n->chunk == PL_CH_PP && n->tag == PL_T_IN;
    if (!rel && !app && !pp) continue;
    uint32_t k = i + 1;
    int hasvg = 0;
    while (k < t1 && k < i + 30 && !is_comma(&tk[k]) &&
           !(tk[k].syn & PL_SY_BOUND) &&
           !(tk[k].flags & PL_TF_PUNCT && sw(&tk[k], PL_SW_PERIOD))) {
      if (tk[k].chunk == PL_CH_VG) hasvg = 1;
      k++;
    }
    if (app && hasvg) continue; /* "X, Y attacked Z": not an aside */
    if (pp && (k + 1 >= t1 || !is_comma(&tk[k]) ||
               !(tk[k + 1].chunk == PL_CH_VG || verb_after(tk, k + 1, t1))))
      continue; /* a prepositional aside only right before a verb */
    if (k >= t1 || !is_comma(&tk[k])) {
      if (rel) /* relative clause running to the end */
        for (uint32_t m = i; m < t1; m++) tk[m].syn |= PL_SY_ASIDE;
      continue;
    }
    if (k + 1 < t1 && sw(&tk[k + 1], PL_SW_AND | PL_SW_OR))
      continue; /* a list, not an aside */
    if (app && k + 1 < t1 && tk[k + 1].chunk == PL_CH_NP) {
      /* ", Y, Z ..." : "Y" then another NP: a list of names */
      int next_vg = 0;
      for (uint32_t m = k + 1; m < t1 && m < k + 8; m++)
        if (tk[m].chunk == PL_CH_VG) { next_vg = 1; break; }
      if (!next_vg) continue;
    }
    for (uint32_t m = i; m <= k; m++) tk[m].syn |= PL_SY_ASIDE;
    while (ci + 1 < nc && cand[ci + 1] < k) ci++; /* go on from k */
  }
  /* 5b. a parse given with the article corrects the guesses above */
  if (doc->pnodes) pl_tree_syntax(doc, s);
  /* 6. group flags that need context, clause ranges */
  for (uint32_t g = vg0; g < doc->vgs.n; g++) {
    pl_vgroup *v = &doc->vgs.v[g];
    if (v->lo > t0) {
      const pl_token *p = &tk[v->lo - 1];
      if (p->syn & PL_SY_REL) v->flags |= PL_VG_REL;
      if (is_comma(p) && tk[v->head].tag == PL_T_VBG &&
          !(v->flags & PL_VG_INF))
        v->flags |= PL_VG_PART;
      /* "said after meeting X": a gerund after a subordinator shares the
       * subject of the clause before */
      if (tk[v->head].tag == PL_T_VBG && v->head == v->lo &&
          ((p->swc & (PL_SW_SUB | PL_SW_BY)) ||
           eq(p->lower, "upon") || eq(p->lower, "without")) &&
          g > vg0)
        v->flags |= PL_VG_PART;
      /* reduced relative: "prisoners captured by militants" */
      if (v->lo == v->head && tk[v->head].tag == PL_T_VBN &&
          p->chunk == PL_CH_NP && v->hi < t1 && sw(&tk[v->hi], PL_SW_BY))
        v->flags |= PL_VG_PASSIVE | PL_VG_REL;
      /* "will travel ... and meet": a coordinated group takes over the
       * modality of the one before */
      if (sw(p, PL_SW_AND | PL_SW_OR) && g > vg0 &&
          (tk[v->lo].tag == PL_T_VB || tk[v->lo].tag == PL_T_VBG ||
           tk[v->lo].tag == PL_T_VBN || tk[v->lo].tag == PL_T_VBD ||
           tk[v->lo].tag == PL_T_VBZ || tk[v->lo].tag == PL_T_VBP)) {
        const pl_vgroup *pv = &doc->vgs.v[g - 1];
        v->flags |= pv->flags & (PL_VG_FUTURE | PL_VG_INTENT | PL_VG_MODAL |
                                 PL_VG_NEG);
        if (tk[v->lo].tag == PL_T_VB) v->flags |= PL_VG_COORD;
      }
    }
    /* start: after the previous group (or a boundary) */
    uint32_t clo = t0;
    if (g > vg0) clo = doc->vgs.v[g - 1].hi;
    for (uint32_t k = v->lo; k-- > clo;)
      if (tk[k].syn & (PL_SY_BOUND | PL_SY_COMP | PL_SY_REL)) {
        clo = k + 1;
        break;
      }
    if ((v->flags & (PL_VG_INF | PL_VG_PART | PL_VG_COORD)) && g > vg0) {
      clo = doc->vgs.v[g - 1].clo; /* shares its governor's clause */
      if (v->flags & PL_VG_INF) /* "will travel to Doha to meet" */
        v->flags |= doc->vgs.v[g - 1].flags &
                    (PL_VG_FUTURE | PL_VG_INTENT | PL_VG_MODAL);
    }
    v->clo = clo;
    /* end: before the next group's subject or a boundary */
    uint32_t chi = t1;
    if (g + 1 < doc->vgs.n) {
      const pl_vgroup *nv = &doc->vgs.v[g + 1];
      chi = nv->lo;
      if (!(nv->flags & PL_VG_INF)) {
        uint32_t k = chi;
        while (k > v->hi && (tk[k - 1].chunk == PL_CH_NP ||
                             (tk[k - 1].syn & PL_SY_ASIDE)))
          k--;
        if (k < chi && k > v->hi) {
          const pl_token *p = &tk[k - 1];
          if (sw(p, PL_SW_COMMA | PL_SW_AND | PL_SW_BUT) ||
              (p->syn & (PL_SY_COMP | PL_SY_REL)))
            chi = k - 1 + (is_comma(p) ? 0 : 0);
        }
      }
    }
    for (uint32_t k = v->hi; k < chi; k++)
      if ((tk[k].syn & (PL_SY_BOUND | PL_SY_COMP | PL_SY_REL)) ||
          ((tk[v->lo].syn & PL_SY_ASIDE) && !(tk[k].syn & PL_SY_ASIDE)) ||
          ((tk[v->lo].syn & PL_SY_ASIDE) && is_comma(&tk[k]))) {
        chi = k; /* an aside's clause ends with the aside */
        break;
      }
    if (chi < v->hi) chi = v->hi;
    v->chi = chi;
  }
}

/* ---- comma-delimited clauses (PETRARCH comma_* limits) ----
 * PETRARCH deletes, before coding, the comma-delimited clauses whose
 * length in words lies in a configured range: the clause before the first
 * comma (comma_bmin..comma_bmax), after the last one up to the final
 * punctuation (comma_emin..comma_emax), and between two consecutive
 * commas (comma_min..comma_max).  A maximum of 0 (or unset, -1) turns that
 * kind off.  Its commas are those of the parse tree outside simple noun
 * phrases: the commas of an adjective series ("complete, full ties"), a
 * number ("June 5, 1990") or a noun list ("X, Y and Z") are inside a noun
 * phrase and delimit nothing.  Words are tokens that begin with a letter
 * (numbers, punctuation and the possessive 's do not count).  The deleted
 * tokens get PL_SY_CDEL; the event stage ignores their verbs and actors. */
static int adj_tag(int g) {
  return g == PL_T_JJ || g == PL_T_JJR || g == PL_T_JJS;
}

/* Is the comma at i inside a noun phrase (see above)? */
static int np_comma(const pl_token *tk, uint32_t i, uint32_t t0, uint32_t t1) {
  if (i == t0 || i + 1 >= t1) return (tk[i].syn & PL_SY_CONJ) != 0;
  const pl_token *p = &tk[i - 1], *n = &tk[i + 1];
  /* a comma before and/or only ends a list of three or more ("X, Y, and
   * Z"), not "X and Y, and Z and W" */
  if (sw(n, PL_SW_AND | PL_SW_OR)) {
    uint32_t k = i - 1;
    while (k > t0 && tk[k].chunk == PL_CH_NP && !(tk[k].flags & PL_TF_PUNCT))
      k--;
    return is_comma(&tk[k]);
  }
  if (tk[i].syn & PL_SY_CONJ) return 1;
  /* an adjective series before its noun ("complete, formal ties"; the
   * first adjective may be tagged as an adverb) */
  if ((adj_tag(p->tag) || p->tag == PL_T_RB) && adj_tag(n->tag)) {
    uint32_t k = i + 1;
    while (k < t1 && k < i + 5 && adj_tag(tk[k].tag)) k++;
    if (k < t1 && PL_IS_NOUN(tk[k].tag)) return 1;
  }
  if (p->tag == PL_T_CD && n->tag == PL_T_CD) return 1;
  if (p->chunk != PL_CH_NP || (p->flags & PL_TF_PUNCT)) return 0;
  /* a noun list: NP, NP (,) and/or NP with nothing verbal in between */
  for (uint32_t k = i + 1; k < t1 && k < i + 16; k++) {
    if (sw(&tk[k], PL_SW_AND | PL_SW_OR))
      return k > i + 1 && k + 1 < t1 && tk[k + 1].chunk == PL_CH_NP;
    if (tk[k].chunk != PL_CH_NP && !is_comma(&tk[k])) return 0;
  }
  return 0;
}

static int cword(const pl_token *t) {
  unsigned char c = t->lower ? (unsigned char)t->lower[0] : 0;
  if (t->flags & (PL_TF_PUNCT | PL_TF_POSS)) return 0;
  return (c >= 'a' && c <= 'z') || c >= 0x80;
}

static uint32_t count_words(const pl_token *tk, uint32_t a, uint32_t b) {
  uint32_t n = 0;
  for (uint32_t k = a; k < b; k++) n += (uint32_t)cword(&tk[k]);
  return n;
}

static int in_range(uint32_t n, int lo, int hi) {
  return hi > 0 && (int)n >= lo && (int)n <= hi;
}

static void mark_deleted(pl_token *tk, uint32_t a, uint32_t b) {
  for (uint32_t k = a; k < b; k++) tk[k].syn |= PL_SY_CDEL;
}

static void unmark(pl_token *tk, uint32_t a, uint32_t b) {
  for (uint32_t k = a; k < b; k++) tk[k].syn &= (uint16_t)~PL_SY_CDEL;
}

/* Is a verb group of the sentence [t0,t1) left outside the deleted
 * clauses?  (Groups are appended in token order; this sentence's are the
 * last ones.) */
static int verb_left(const parley_doc *doc, uint32_t t0, uint32_t t1) {
  for (uint32_t g = doc->vgs.n; g-- > 0;) {
    const pl_vgroup *v = &doc->vgs.v[g];
    if (v->head < t0) break;
    if (v->head < t1 && !(v->flags & PL_VG_ADJ) &&
        !(doc->toks.v[v->head].syn & PL_SY_CDEL))
      return 1;
  }
  return 0;
}

static void comma_clauses(parley_doc *doc, uint32_t t0, uint32_t t1) {
  const parley_ctx *c = doc->ctx;
  if (c->comma_max <= 0 && c->comma_bmax <= 0 && c->comma_emax <= 0) return;
  pl_token *tk = doc->toks.v;
  uint32_t cm[64], n = 0;
  for (uint32_t i = t0; i < t1; i++)
    if (is_comma(&tk[i]) && !np_comma(tk, i, t0, t1)) {
      if (n == 64) return; /* a list, not prose: leave it whole */
      cm[n++] = i;
    }
  if (!n) return;
  /* the final punctuation (and closing quotes) stays */
  uint32_t end = t1;
  while (end > cm[n - 1] + 1 && (tk[end - 1].flags & PL_TF_PUNCT)) end--;
  /* decide on the original clauses first, then mark: a deletion does not
   * change another clause's length */
  int del_b = in_range(count_words(tk, t0, cm[0]), c->comma_bmin,
                       c->comma_bmax);
  int del_e = in_range(count_words(tk, cm[n - 1] + 1, end), c->comma_emin,
                       c->comma_emax);
  for (uint32_t j = 0; j + 1 < n; j++)
    if (in_range(count_words(tk, cm[j] + 1, cm[j + 1]), c->comma_min,
                 c->comma_max))
      mark_deleted(tk, cm[j] + 1, cm[j + 1]);
  /* parley keeps one verb: where PETRARCH's tree deletion would take the
   * sentence's last verb with the clause at either end ("X, the head of
   * Y, met Z on Monday": 5 words after the last comma), the main clause
   * stays */
  if (del_e) {
    mark_deleted(tk, cm[n - 1] + 1, end);
    if (!verb_left(doc, t0, t1)) unmark(tk, cm[n - 1] + 1, end);
  }
  if (del_b) {
    mark_deleted(tk, t0, cm[0]);
    if (!verb_left(doc, t0, t1)) unmark(tk, t0, cm[0]);
  }
}

parley_rc pl_syntax_run(parley_doc *doc) {
  doc->vgs.n = 0;
  pthread_once(&swt_once, swt_build);
  /* one scratch list for every sentence (sentence_syntax) */
  uint32_t *cand = pl_alloc(&doc->arena, ((size_t)doc->toks.n + 1) * sizeof *cand);
  if (!cand) return PARLEY_ENOMEM;
  for (uint32_t s = 0; s < doc->sents.n; s++) {
    const pl_sentence *se = &doc->sents.v[s];
    sentence_syntax(doc, se, cand);
    comma_clauses(doc, se->tok0, se->tok0 + se->ntok);
    if (doc->arena.failed) return PARLEY_ENOMEM;
  }
  return PARLEY_OK;
}
