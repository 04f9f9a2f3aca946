/*
 * events.c - stage: CAMEO events from verb groups and nominal event heads.
 *
 * Inputs: tokens (tag, lemma), actor mentions (with coref antecedents),
 * the shallow syntax of syntax.c (doc->vgs, token chunk/syn flags), the
 * verb-pattern dictionary ctx->verbs (verbs.c), and the date/place services
 * pl_date_for / pl_place_for.
 * Output: doc->events, one record per (source, target, code) found.
 *
 * The coding rules (docs/ARCHITECTURE.md, "events"):
 *  - every verb group is matched against the patterns of its head verb
 *    (and of the first verb of an intent chain: "agreed to hold ..."); the
 *    longest matching pattern wins, ties go to the pattern loaded last;
 *  - source: a `$` slot, else the subject actor of the clause (nearest
 *    actor to the left, skipping asides; a relative clause takes its
 *    antecedent, a coordinated or participle clause the subject of the
 *    group before it); for passives the "by" agent;
 *  - target: a `+` slot (for passives: the subject), else the first actor
 *    after the verb inside the clause;
 *  - negated groups give no event; future/intent/modal groups are recoded
 *    to the matching 03x intent code (036 for meetings) or, for the
 *    violent roots, 138 (threaten with military force);
 *  - compounds give one event per source x target pair; a compound subject
 *    with no target of a reciprocal code (meet, negotiate, clash...) gives
 *    both directions;
 *  - at least one of source/target must be an actor (both with
 *    PL_CTX_REQUIRE_DYAD); the built-in coder keeps a source-less event
 *    only with a target and only for an agentless passive or roots 17-20.
 * Per sentence the stage uses a small arena scratch array (word ids of the
 * tokens); nothing is allocated per token.
 */
#include "verbs.h"

#define MAXACT 8

typedef struct {
  int32_t m[MAXACT];
  int n;
  uint32_t lo, hi; /* tokens covered */
} agroup;

typedef struct {
  parley_doc *doc;
  const pl_verbdict *vd;
  const pl_token *tk;
  uint32_t t0, t1;
  uint32_t *tw;        /* 3 word ids per token (lemma, lower, key), looked
                          up on first use (twof); TW_UNSET before */
  uint8_t *used;       /* per token: consumed by a verb pattern */
  /* current match */
  int passive;
  int relaxed;
  int tgt_passive;     /* the passive '+' was taken by the subject */
  int relaxed_used;
  int relaxed_seen;    /* matching reached the one place x->relaxed is
                          read (a final '+' with no actor after it) */
  uint32_t lim;        /* matching stops at this token */
  /* code_vg's scan for lim, memoised per sentence (speed only): from any
   * position in [lim_from[a], lim_to[a]] the scan stops at lim_to[a];
   * a = the group stands in an aside.  lim_from UINT32_MAX: none yet. */
  uint32_t lim_from[2], lim_to[2];
  uint32_t lolim;      /* pre-elements stop here */
  agroup src, tgt;
  uint32_t end, begin;
  int subj_event;      /* the subject phrase is headed by an event noun */
  uint32_t skip_from, skip_to; /* passive agent jumped over while matching */
  int place_strict;    /* no target from a place phrase (meetings) */
  int cameo;           /* built-in CAMEO dictionary: CAMEO-specific rules */
  uint32_t lit[32];    /* tokens matched by literal/class elements */
  int nlit;
  int coded;           /* code_vg: the group's verb had a code */
  int multi_only;      /* match_at: only forms with words before the head */
  uint32_t supp_next;  /* an infinitive group here continues suppressed
                          appeal content ("demanded that X cancel plans
                          to sell ...") */
  uint32_t supp_last;  /* last group dropped as appeal content: a bare
                          verb coordinated with it is content too ("urged
                          X to halt the raids and free the hostages") */
  /* matcher memo (speed only, results unchanged): skipv[i] is the first
   * non-transparent position from t0+i, valid while skipg[i] == gen;
   * gen changes at every match_at (x->lim and the tokens' mentions may
   * change between calls, never during one) */
  uint32_t *skipv, *skipg, gen;
  /* hashes of the sentence's token forms (lower, lemma, key; bit
   * hash % 4096): a pattern whose literal word's hash (vd->whash) is
   * absent cannot match and is not tried */
  uint64_t hbits[64];
} mstate;

/* ---- helpers ---- */
static int streq(const char *a, const char *b) {
  return a && a[0] == b[0] && !strcmp(a, b); /* most words differ at once */
}

/* A bare time noun between a verb and its object or between a subject
 * and its verb ("opened Wednesday a hearing", "officials today praised"):
 * transparent for pattern matching and subject search. */
static int time_word(const pl_token *t) {
  static const char *const W[] = {"today", "yesterday", "tonight",
                                  "monday", "tuesday", "wednesday",
                                  "thursday", "friday", "saturday",
                                  "sunday", NULL};
  if (!t->lower || t->ment >= 0) return 0;
  /* runs at every position the pattern matcher tries: a first-letter
   * gate, then one probe with the token's interned hash */
  switch (t->lower[0]) {
  case 't': case 'y': case 'm': case 'w': case 'f': case 's': break;
  default: return 0;
  }
  return pl_tok_in(W, t);
}

/* A hyphen inside a word ("day-old", "free-trade", "long-threatened"):
 * the tokenizer splits it off; no space on either side. */
static int inner_hyphen(const pl_token *tk, uint32_t i, uint32_t lim) {
  return i + 1 < lim && (tk[i].swc & PL_SW_HYPHEN) && /* "-" */
         !(tk[i].flags & PL_TF_SPACE) && !(tk[i + 1].flags & PL_TF_SPACE) &&
         (tk[i + 1].flags & PL_TF_WORD) && i > 0 &&
         (tk[i - 1].flags & PL_TF_WORD);
}

#define TW_UNSET (PL_VW_NONE - 1) /* never a word id */

/* Looks up the word ids of token t into w (lemma, lower, key). */
__attribute__((noinline)) static void tw_fill(const pl_verbdict *vd,
                                              const pl_token *t,
                                              uint32_t *w) {
  const char *lo = t->lower ? t->lower : "";
  const char *le = t->lemma ? t->lemma : lo;
  const char *ke = t->key ? t->key : lo;
  /* lemma and key usually are the lower-case form itself (the same
   * pointer, or equal hashes and strings): one lookup serves all */
  uint32_t idl = pl_vd_word_find_h(vd, lo, t->hlow), idm = idl, idk = idl;
  if (le != lo && !(t->hlem == t->hlow && !strcmp(le, lo)))
    idm = pl_vd_word_find_h(vd, le, t->hlem);
  if (ke != lo && !(t->hkey == t->hlow && !strcmp(ke, lo)))
    idk = pl_vd_word_find_h(vd, ke, t->hkey);
  w[0] = idm;
  w[1] = idl;
  w[2] = idk;
}

/* The word ids of token i.  Looked up on first use: the matcher reads
 * about half the tokens of a sentence, and looking all of them up was a
 * fifth of the stage. */
static const uint32_t *twof(const mstate *x, uint32_t i) {
  uint32_t *w = x->tw + (size_t)(i - x->t0) * 3;
  if (w[0] == TW_UNSET) tw_fill(x->vd, &x->tk[i], w);
  return w;
}

static int tok_is(const mstate *x, uint32_t i, uint32_t id) {
  const uint32_t *w = twof(x, i);
  return w[0] == id || w[1] == id || w[2] == id;
}

/* PETRARCH compares pattern words with the sentence's words as written
 * (its dictionaries list the forms they mean: EFFORT is not "efforts") */
static int tok_is_surface(const mstate *x, uint32_t i, uint32_t id) {
  const uint32_t *w = twof(x, i);
  return w[1] == id || w[2] == id;
}

static int tok_is_p(const mstate *x, const pl_vpat *p, uint32_t i,
                    uint32_t id) {
  return (p->flags & PL_VP_PETR) ? tok_is_surface(x, i, id) : tok_is(x, i, id);
}

/* Can token t head a form of kind 'v' / 'n'?  0 = certainly not: none
 * of its forms' hashes is among the head words' (vd->fbits), so its word
 * ids need not be looked up (most nouns, "said", ...). */
static inline __attribute__((always_inline)) int
may_head(const pl_verbdict *vd, const pl_token *t, uint8_t kind) {
  const uint64_t *b = vd->fbits[kind == 'n'];
  return ((b[(t->hlow >> 6) & 63] >> (t->hlow & 63)) |
          (b[(t->hlem >> 6) & 63] >> (t->hlem & 63)) |
          (b[(t->hkey >> 6) & 63] >> (t->hkey & 63))) & 1;
}

/* Does token i head a nominal event pattern ("airstrike", "talks")? */
static int has_nform(const mstate *x, uint32_t i) {
  if (!may_head(x->vd, &x->tk[i], 'n')) return 0;
  const uint32_t *w = twof(x, i);
  for (int v = 0; v < 3; v++) {
    if (w[v] == PL_VW_NONE) continue;
    for (uint32_t f = x->vd->wfirst[w[v]];
         f < x->vd->nforms && x->vd->forms[f].word == w[v]; f++)
      if (x->vd->forms[f].kind == 'n') return 1;
  }
  return 0;
}

/* PETRARCH mode (a validation context: only the user's dictionaries): an
 * agent with no country ("the officials") is an actor of its own, written
 * "---GOV", with or without require_dyad (which only drops events with a
 * side missing altogether).  The built-in CAMEO coder keeps to actors with
 * a code (news: "officials said" alone is no event). */
static int null_actors(const parley_doc *doc) {
  unsigned f = doc->ctx->flags;
  return (f & PL_CTX_NO_DEFAULTS) != 0;
}

/* The mention standing for m when it is a usable actor, else -1. */
static int32_t actor_of(const parley_doc *doc, int32_t m) {
  if (m < 0 || (uint32_t)m >= doc->ments.n) return -1;
  /* a clause the comma_* limits deleted holds no actor */
  if (doc->toks.v[doc->ments.v[m].tok].syn & PL_SY_CDEL) return -1;
  /* PETRARCH resolves no pronoun: "it", "its embassy" are null phrases */
  if ((doc->ctx->flags & PL_CTX_NO_DEFAULTS) &&
      (doc->ments.v[m].flags & PL_MF_PRONOUN))
    return -1;
  int32_t r = pl_ment_resolved(doc, m);
  if (r < 0 || (uint32_t)r >= doc->ments.n) return -1;
  const char *c = doc->ments.v[r].a.code;
  if (c && c[0]) return r;
  return null_actors(doc) && doc->ments.v[r].agent[0] ? r : -1;
}

static int ment_ok(const parley_doc *doc, int32_t m) {
  return actor_of(doc, m) >= 0;
}

/* NP chunk bounds around token i. */
static void np_bounds(const mstate *x, uint32_t i, uint32_t *a, uint32_t *b) {
  const pl_token *tk = x->tk;
  uint32_t l = i, r = i + 1;
  while (l > x->t0 && tk[l].chunk == PL_CH_NP && !(tk[l].syn & PL_SY_NPSTART))
    l--;
  while (r < x->t1 && tk[r].chunk == PL_CH_NP && !(tk[r].syn & PL_SY_NPSTART))
    r++;
  *a = l;
  *b = r;
}

/* The actor of NP [a,b): the last coded mention that is not a possessor
 * or a bare adjective before another coded mention. */
static int32_t np_actor(const mstate *x, uint32_t a, uint32_t b, int skip_poss) {
  const parley_doc *doc = x->doc;
  int32_t best = -1, poss = -1;
  for (uint32_t k = a; k < b; k++) {
    int32_t m = x->tk[k].ment;
    if (m < 0 || !ment_ok(doc, m)) continue;
    const pl_mention *mm = &doc->ments.v[m];
    uint32_t me = mm->tok + mm->ntok;
    int is_poss = (mm->flags & PL_MF_POSS) || x->tk[mm->tok].tag == PL_T_PRPS ||
                  (me < x->t1 && ((x->tk[me].flags & PL_TF_POSS) ||
                                  x->tk[me].tag == PL_T_POS));
    if (is_poss) poss = m;
    else best = m;
    k = me > k ? me - 1 : k;
  }
  if (best >= 0) return best;
  return skip_poss ? -1 : poss;
}

static void ag_add(agroup *g, int32_t m) {
  for (int i = 0; i < g->n; i++)
    if (g->m[i] == m) return;
  if (g->n < MAXACT) g->m[g->n++] = m;
}

/* Actor group starting in the NP at token i, extended rightwards over
 * compound conjunctions (at most maxnp noun phrases).  Returns the number
 * of noun phrases taken (0 when no actor) and fills g (lo/hi too). */
static int group_right_n(const mstate *x, uint32_t i, agroup *g, int maxnp) {
  g->n = 0;
  uint32_t a, b;
  np_bounds(x, i, &a, &b);
  g->lo = a;
  int nnp = 0;
  for (;;) {
    int32_t m = np_actor(x, a, b, 0);
    if (m >= 0) ag_add(g, m);
    /* mentions conjoined inside one chunk ("Israeli and American ...") */
    for (uint32_t k = a; k < b; k++)
      if (x->tk[k].syn & PL_SY_CONJ) {
        for (uint32_t q = a; q < b; q++)
          if (x->tk[q].ment >= 0 && ment_ok(x->doc, x->tk[q].ment) &&
              !(x->doc->ments.v[x->tk[q].ment].flags & PL_MF_POSS))
            ag_add(g, x->tk[q].ment);
        break;
      }
    g->hi = b;
    nnp++;
    if (nnp >= maxnp || b >= x->t1 || !(x->tk[b].syn & PL_SY_CONJ)) break;
    uint32_t n = b + 1;
    if (n < x->t1 && (x->tk[n].syn & PL_SY_CONJ)) n++;
    if (n >= x->t1 || x->tk[n].chunk != PL_CH_NP) break;
    np_bounds(x, n, &a, &b);
    if (a != n) break;
  }
  return g->n > 0 ? nnp : 0;
}

static int group_right(const mstate *x, uint32_t i, agroup *g) {
  return group_right_n(x, i, g, 16) > 0;
}

/* "threatened to cut ties if X recognises ...", "will boycott the vote
 * unless Y resigns": the subject of the condition after token `from` in
 * the clause is whom the threat is aimed at.  Fills g; 0 when none (a
 * boundary or a relative clause comes first, or no actor heads it). */
static int cond_target(const mstate *x, uint32_t from, agroup *g) {
  const pl_token *tk = x->tk;
  for (uint32_t k = from; k + 1 < x->t1; k++) {
    if (tk[k].syn & (PL_SY_BOUND | PL_SY_REL)) return 0;
    if (!(tk[k].swc & PL_SW_SUB) ||
        !(streq(tk[k].lower, "if") || streq(tk[k].lower, "unless")))
      continue;
    return tk[k + 1].chunk == PL_CH_NP && group_right(x, k + 1, g);
  }
  return 0;
}

/* Actor group whose NP ends at token i (inclusive), extended leftwards. */
static int group_left(const mstate *x, uint32_t i, agroup *g) {
  g->n = 0;
  uint32_t a, b;
  np_bounds(x, i, &a, &b);
  if (b > i + 1) b = i + 1;
  g->hi = b;
  int32_t tmp[MAXACT];
  int nt = 0;
  for (;;) {
    int32_t m = np_actor(x, a, b, 0);
    if (m >= 0 && nt < MAXACT) tmp[nt++] = m;
    g->lo = a;
    if (a <= x->t0 || !(x->tk[a - 1].syn & PL_SY_CONJ)) break;
    uint32_t p = a - 1;
    if (p > x->t0 && (x->tk[p - 1].syn & PL_SY_CONJ)) p--;
    if (p <= x->t0 || x->tk[p - 1].chunk != PL_CH_NP) break;
    np_bounds(x, p - 1, &a, &b);
  }
  for (int k = nt; k-- > 0;) ag_add(g, tmp[k]);
  /* mentions conjoined inside a single NP chunk ("Israeli and American") */
  for (uint32_t k = g->lo; k < g->hi; k++)
    if ((x->tk[k].syn & PL_SY_CONJ) && x->tk[k].chunk == PL_CH_NP) {
      for (uint32_t q = g->lo; q < g->hi; q++)
        if (x->tk[q].ment >= 0 && ment_ok(x->doc, x->tk[q].ment))
          ag_add(g, x->tk[q].ment);
      break;
    }
  return g->n > 0;
}

/* Verb group g starts right after a word-internal hyphen ("war-torn",
 * "Iranian-backed"): part of a compound modifier. */
static int hyph_vg(const mstate *x, uint32_t g) {
  const pl_vgroup *v = &x->doc->vgs.v[g];
  return v->lo > x->t0 + 1 && v->lo == v->head &&
         inner_hyphen(x->tk, v->lo - 1, x->t1);
}

/* "the Saudi-led coalition", "a Hamas-led attack", "Houthi-run areas":
 * the actor before "-led/-run/-controlled" is the actor of the noun
 * phrase starting at token a.  Returns its mention or -1. */
static int32_t hyph_led_actor(const mstate *x, uint32_t a) {
  const pl_token *tk = x->tk;
  if (!x->cameo || a < x->t0 + 3) return -1;
  const pl_token *l = &tk[a - 1];
  if (!(streq(l->lemma, "lead") || streq(l->lower, "led") ||
        streq(l->lower, "run") || streq(l->lower, "controlled")) ||
      !inner_hyphen(tk, a - 2, x->t1))
    return -1;
  int32_t m = tk[a - 3].ment;
  if (m < 0 || !ment_ok(x->doc, m)) return -1;
  return m;
}

/* "on Friday", "last week", "on Monday night", "in March": a time phrase
 * starting at pos.  Returns the token after it, or pos when there is
 * none (or when it is a possessor: "on Friday's vote"). */
static uint32_t time_phrase_end(const mstate *x, uint32_t pos) {
  const pl_token *tk = x->tk;
  if (pos >= x->lim || tk[pos].ment >= 0) return pos;
  if (!(pl_xw(&tk[pos]) & PL_XW_TPREP) && !streq(tk[pos].lower, "in"))
    return pos;
  uint32_t k = pos + 1;
  int timew = 0;
  while (k < x->lim && k < pos + 5 && tk[k].ment < 0) {
    uint32_t c = pl_xw(&tk[k]);
    if (c & (PL_XW_TIME | PL_XW_MONTH)) timew = 1;
    else if (tk[k].tag != PL_T_CD && !(c & PL_XW_TPREP)) break;
    k++;
  }
  if (!timew || (k < x->lim && ((tk[k].flags & PL_TF_POSS) ||
                                tk[k].tag == PL_T_POS)))
    return pos;
  return k;
}

/* ---- element matching ---- */
static int m_post(mstate *x, const pl_vpat *p, uint32_t e, uint32_t pos);

/* Quotation marks, bare time nouns and (built-in patterns) time phrases
 * are transparent between pattern elements: the first position from pos
 * that is none of them.  A function of pos, x->lim and the tokens only,
 * so it is computed once per position per match_at call. */
static uint32_t skip_transparent_slow(mstate *x, uint32_t pos, uint32_t i,
                                      int memo);
static inline uint32_t skip_transparent(mstate *x, uint32_t pos) {
  uint32_t i = pos - x->t0;
  int memo = pos >= x->t0 && i <= x->t1 - x->t0 && x->skipv;
  if (memo && x->skipg[i] == x->gen) return x->skipv[i]; /* inline: hits */
  return skip_transparent_slow(x, pos, i, memo);
}

__attribute__((noinline)) static uint32_t
skip_transparent_slow(mstate *x, uint32_t pos, uint32_t i, int memo) {
  const pl_token *tk = x->tk;
  for (;;) {
    if (pos < x->lim && ((tk[pos].flags & PL_TF_QUOTE) ||
                         (x->cameo && time_word(&tk[pos])))) {
      pos++;
      continue;
    }
    uint32_t q = x->cameo ? time_phrase_end(x, pos) : pos;
    if (q == pos) break;
    pos = q;
  }
  if (memo) {
    x->skipv[i] = pos;
    x->skipg[i] = x->gen;
  }
  return pos;
}

/* Can word id be a form of a token of the sentence?  (0: certainly
 * not; the token forms' hashes are in x->hbits) */
static int word_in_sentence(const mstate *x, uint32_t id) {
  uint32_t h = x->vd->whash[id];
  return (x->hbits[(h >> 6) & 63] >> (h & 63)) & 1;
}

/* Can pattern p not match after the head (position `after`)?  Only
 * necessary conditions of m_post: every literal word of the pattern must
 * occur in the sentence, and a leading literal must stand at the first
 * non-transparent position (or right after an adverb there). */
static int post_cannot_match(mstate *x, const pl_vpat *p, uint32_t after) {
  const pl_vel *els = x->vd->els + p->el0;
  for (uint32_t e = 0; e < p->nel; e++)
    if (els[e].kind == PL_VE_WORD && !word_in_sentence(x, els[e].id))
      return 1;
  if (p->nel && els[0].kind == PL_VE_WORD) {
    const pl_token *tk = x->tk;
    uint32_t pos = skip_transparent(x, after);
    if (pos < x->lim && tok_is_p(x, p, pos, els[0].id)) return 0;
    if (pos + 1 < x->lim && tk[pos].tag == PL_T_RB && tk[pos].ment < 0 &&
        !(tk[pos].syn & PL_SY_NEG) && tok_is_p(x, p, pos + 1, els[0].id))
      return 0;
    return 1;
  }
  return 0;
}

/* `+`/`$` at pos: skip determiners and modifiers, then an actor NP. */
static int m_slot(mstate *x, const pl_vpat *p, uint32_t e, uint32_t pos,
                  int is_tgt) {
  const pl_token *tk = x->tk;
  if (is_tgt && x->passive && !x->tgt_passive) {
    x->tgt_passive = 1;
    if (m_post(x, p, e + 1, pos)) return 1;
    x->tgt_passive = 0;
  }
  if (pos >= x->lim) return 0;
  if (tk[pos].chunk != PL_CH_NP) return 0;
  agroup g;
  int nnp = group_right_n(x, pos, &g, 16);
  if (nnp) {
    agroup save = is_tgt ? x->tgt : x->src;
    /* the whole compound first, then shorter ones ("between $ and +") */
    for (int k = nnp; k >= 1; k--) {
      if (k < nnp && !group_right_n(x, pos, &g, k)) break;
      if (is_tgt) x->tgt = g; else x->src = g;
      if (m_post(x, p, e + 1, g.hi)) return 1;
    }
    if (is_tgt) x->tgt = save; else x->src = save;
    return 0;
  }
  if (is_tgt && e + 1 == p->nel) x->relaxed_seen = 1;
  if (x->relaxed && is_tgt && e + 1 == p->nel) {
    uint32_t a, b;
    np_bounds(x, pos, &a, &b);
    x->relaxed_used = 1;
    if (m_post(x, p, e + 1, b)) return 1;
    x->relaxed_used = 0;
  }
  return 0;
}

static int m_post(mstate *x, const pl_vpat *p, uint32_t e, uint32_t pos) {
  if (e == p->nel) {
    x->end = pos;
    return 1;
  }
  const pl_vel *el = &x->vd->els[p->el0 + e];
  const pl_token *tk = x->tk;
  /* quotation marks and bare time nouns are transparent: were
   * "re-engaging" with X, opened Wednesday a hearing into; so are time
   * phrases for the built-in patterns: launched on Friday a drone attack */
  pos = skip_transparent(x, pos);
  /* adverbs between elements are skipped ("met separately with") */
  if (el->kind != PL_VE_GAP)
    while (pos < x->lim && tk[pos].tag == PL_T_RB && !(tk[pos].syn & PL_SY_NEG) &&
           tk[pos].ment < 0 && el->kind != PL_VE_WORD)
      pos++;
  switch (el->kind) {
  case PL_VE_WORD: {
    uint32_t q = UINT32_MAX;
    if (pos < x->lim && tok_is_p(x, p, pos, el->id)) q = pos;
    else if (pos + 1 < x->lim && tk[pos].tag == PL_T_RB && tk[pos].ment < 0 &&
             !(tk[pos].syn & PL_SY_NEG) && tok_is_p(x, p, pos + 1, el->id))
      q = pos + 1;
    if (q == UINT32_MAX || x->nlit >= 32) return 0;
    x->lit[x->nlit++] = q;
    if (m_post(x, p, e + 1, q + 1)) return 1;
    x->nlit--;
    return 0;
  }
  case PL_VE_CLASS: {
    if (pos >= x->lim) return 0;
    const uint32_t *w = twof(x, pos);
    /* PETRARCH synset members, like its literals, are words as written */
    for (int v = (p->flags & PL_VP_PETR) ? 1 : 0; v < 3; v++) {
      if (w[v] == PL_VW_NONE || (v && w[v] == w[0] && !(p->flags & PL_VP_PETR)) ||
          (v == 2 && w[2] == w[1]))
        continue;
      uint32_t lo, hi;
      pl_vd_class_range(x->vd, el->id, w[v], &lo, &hi);
      for (uint32_t k = lo; k < hi; k++) {
        const pl_vmember *mb = &x->vd->mems[k];
        uint32_t q = pos + 1, ok = 1;
        for (uint32_t z = 1; z < mb->nw; z++, q++)
          if (q >= x->lim || !tok_is(x, q, x->vd->mw[mb->w0 + z])) {
            ok = 0;
            break;
          }
        if (!ok || x->nlit >= 32) continue;
        x->lit[x->nlit++] = pos;
        if (m_post(x, p, e + 1, q)) return 1;
        x->nlit--;
      }
    }
    return 0;
  }
  case PL_VE_TGT:
    return m_slot(x, p, e, pos, 1);
  case PL_VE_SRC:
    return m_slot(x, p, e, pos, 0);
  case PL_VE_SKIP: /* one phrase of any kind */
    if (p->flags & PL_VP_PETR) {
      /* PETRARCH's '^' skips a noun phrase to its end */
      uint32_t a, b;
      if (pos >= x->lim || tk[pos].chunk != PL_CH_NP) return 0;
      np_bounds(x, pos, &a, &b);
      return b <= x->lim && m_post(x, p, e + 1, b);
    }
    for (uint32_t k = 1; k <= 4 && pos + k <= x->lim; k++) {
      if (tk[pos + k - 1].flags & PL_TF_PUNCT) break;
      if (m_post(x, p, e + 1, pos + k)) return 1;
    }
    return 0;
  case PL_VE_GAP: {
    /* PETRARCH patterns: a space between pattern words lets any number of
     * words intervene, anywhere in the verb's phrase (its matcher reads
     * the whole verb phrase: a time phrase, a "that" clause, an
     * infinitive complement); only the phrase end (x->lim) stops it.
     * Native `...` skips at most 3 non-actor words of the clause; a
     * hyphenated word ("a day-old blockade") counts as one word. */
    if (p->flags & PL_VP_PETR) {
      for (uint32_t q = pos; q <= x->lim; q++)
        if (m_post(x, p, e + 1, q)) return 1;
      return 0;
    }
    for (uint32_t k = 0, words = 0; words <= 3; words++) {
      if (words) {
        uint32_t q = pos + k;
        if (q >= x->lim ||
            (tk[q].ment >= 0 && tk[q].tag != PL_T_PRPS &&
             ment_ok(x->doc, tk[q].ment)) ||
            tk[q].chunk == PL_CH_VG || (tk[q].flags & PL_TF_PUNCT))
          break;
        k++;
        while (pos + k + 1 < x->lim && inner_hyphen(tk, pos + k, x->lim) &&
               !(tk[pos + k + 1].ment >= 0 && ment_ok(x->doc, tk[pos + k + 1].ment)))
          k += 2;
      }
      if (m_post(x, p, e + 1, pos + k)) return 1;
    }
    return 0;
  }
  default:
    return 0;
  }
}

/* Pre-elements (PETRARCH "- WORD * ..."), matched leftwards from pos-1. */
static int m_pre(mstate *x, const pl_vpat *p, uint32_t e, uint32_t pos) {
  if (e == p->npre) {
    x->begin = pos;
    return 1;
  }
  const pl_vel *el = &x->vd->els[p->pre0 + e];
  const pl_token *tk = x->tk;
  switch (el->kind) {
  case PL_VE_WORD:
    if (pos > x->lolim && tok_is_p(x, p, pos - 1, el->id))
      return m_pre(x, p, e + 1, pos - 1);
    return 0;
  case PL_VE_CLASS: {
    /* members end right before pos ("did n't", "wo n't") */
    const pl_verbdict *vd = x->vd;
    uint32_t a = vd->cfirst[el->id], b = a + vd->cnum[el->id];
    for (uint32_t k = a; k < b; k++) {
      const pl_vmember *mb = &vd->mems[k];
      if (pos < x->lolim + mb->nw) continue;
      uint32_t q = pos - mb->nw, z = 0;
      for (; z < mb->nw; z++)
        if (!tok_is(x, q + z, vd->mw[mb->w0 + z])) break;
      if (z == mb->nw && m_pre(x, p, e + 1, q)) return 1;
    }
    return 0;
  }
  case PL_VE_SKIP:
    for (uint32_t k = 1; k <= 4 && pos >= x->lolim + k; k++)
      if (m_pre(x, p, e + 1, pos - k)) return 1;
    return 0;
  case PL_VE_TGT:
  case PL_VE_SRC: {
    if (pos <= x->lolim) return 0;
    agroup g;
    if (!group_left(x, pos - 1, &g)) return 0;
    if (el->kind == PL_VE_TGT) x->tgt = g; else x->src = g;
    return m_pre(x, p, e + 1, g.lo);
  }
  case PL_VE_GAP:
    /* words before the verb: any number of them, back to the nearest
     * comma or clause boundary (PETRARCH's upper sequence) */
    for (uint32_t k = 0; pos >= x->lolim + k; k++) {
      if (k && (tk[pos - k].syn & PL_SY_BOUND)) break;
      if (k && streq(tk[pos - k].lower, ",")) break;
      if (m_pre(x, p, e + 1, pos - k)) return 1;
    }
    return 0;
  default:
    return 0;
  }
}

typedef struct {
  const pl_vpat *pat;    /* NULL for a bare form default */
  const pl_vform *form;
  uint32_t score, seq;
  agroup src, tgt;
  uint32_t begin, end;
  int relaxed_used, tgt_passive;
  uint32_t lit[32];
  int nlit;
} match_t;

/* Tries every form of the word at token v (kind 'v' or 'n'); keeps the
 * best match in *best.  Returns 1 when anything matched. */
static int match_at(mstate *x, uint32_t v, uint8_t kind, match_t *best) {
  const pl_verbdict *vd = x->vd;
  if (!may_head(vd, &x->tk[v], kind)) return 0; /* no form: nothing */
  const uint32_t *w = twof(x, v);
  int found = 0;
  x->gen++;
  if (!x->gen) { /* wrapped: forget every memo entry */
    if (x->skipg) memset(x->skipg, 0, (size_t)(x->t1 - x->t0 + 1) * sizeof *x->skipg);
    x->gen = 1;
  }
  for (int wi = 0; wi < 3; wi++) {
    uint32_t id = w[wi];
    if (id == PL_VW_NONE || (wi && id == w[0]) || (wi == 2 && id == w[1]))
      continue;
    for (uint32_t f = vd->wfirst[id]; f < vd->nforms && vd->forms[f].word == id;
         f++) {
      const pl_vform *fm = &vd->forms[f];
      if (fm->kind != kind || (x->multi_only && !fm->npre)) continue;
      /* multi-word forms: fixed words before/after the head */
      uint32_t after = v + 1, before = v, ok = 1;
      if (x->skip_from == after && x->skip_to > after && kind == 'v')
        after = x->skip_to;
      for (uint32_t k = 0; k < fm->npost && ok; k++, after++)
        if (after >= x->lim || !tok_is(x, after, vd->els[fm->post0 + k].id))
          ok = 0;
      for (uint32_t k = 0; k < fm->npre && ok; k++)
        if (before <= x->lolim || !tok_is(x, --before, vd->els[fm->pre0 + k].id))
          ok = 0;
      if (!ok) continue;
      uint32_t extra = fm->npre + fm->npost;
      const pl_vblock *b = &vd->blocks[fm->block];
      int got = 0;
      for (uint32_t pi = b->pat0; pi < b->pat0 + b->npat; pi++) {
        const pl_vpat *p = &vd->pats[pi];
        if (p->kind != kind) continue;
        uint32_t sc = p->score + extra;
        if (best->score > sc) break; /* sorted longest first */
        if (post_cannot_match(x, p, after)) continue; /* most patterns */
        x->src.n = x->tgt.n = 0;
        x->tgt_passive = 0;
        x->relaxed_used = 0;
        x->begin = before;
        x->nlit = 0;
        if (!m_post(x, p, 0, after)) continue;
        if (p->npre && !m_pre(x, p, 0, before)) continue;
        if (sc > best->score || (sc == best->score && p->seq > best->seq)) {
          best->pat = p;
          best->form = fm;
          best->score = sc;
          best->seq = p->seq;
          best->src = x->src;
          best->tgt = x->tgt;
          best->begin = x->begin;
          best->end = x->end;
          best->relaxed_used = x->relaxed_used;
          best->tgt_passive = x->tgt_passive;
          best->nlit = x->nlit;
          memcpy(best->lit, x->lit, sizeof x->lit);
        }
        got = 1;
        break;
      }
      if (!got && fm->has_code && !fm->native) {
        uint32_t sc = 1 + extra;
        if (sc > best->score || (sc == best->score && fm->seq > best->seq)) {
          memset(best, 0, sizeof *best);
          best->form = fm;
          best->score = sc;
          best->seq = fm->seq;
          best->begin = before;
          best->end = after;
          got = 1;
        }
      }
      found |= got;
    }
  }
  return found;
}

/* ---- subjects and targets ---- */
static int is_cc(const pl_token *t) {
  return streq(t->lower, "and") || streq(t->lower, "but") ||
         streq(t->lower, "then") || streq(t->lower, "or");
}

/* The head noun phrase of the phrase ending at token end (inclusive),
 * walking left over PP modifiers ("an attack on Gaza last week", "the
 * head of X").  *of_actor is set when an of/from/for PP was crossed. */
static void head_np(const mstate *x, uint32_t end, uint32_t *ha, uint32_t *hb,
                    int *of_actor) {
  const pl_token *tk = x->tk;
  np_bounds(x, end, ha, hb);
  if (*hb > end + 1) *hb = end + 1;
  *of_actor = 0;
  while (*ha >= x->t0 + 2 && tk[*ha - 1].chunk == PL_CH_PP &&
         tk[*ha - 2].chunk == PL_CH_NP && !(tk[*ha - 2].syn & PL_SY_ASIDE)) {
    const char *pr = tk[*ha - 1].lower;
    if (!(streq(pr, "of") || streq(pr, "on") || streq(pr, "in") ||
          streq(pr, "from") || streq(pr, "for") || streq(pr, "at") ||
          streq(pr, "against") || streq(pr, "with") || streq(pr, "near")))
      break;
    if (streq(pr, "of") || streq(pr, "from") || streq(pr, "for")) *of_actor = 1;
    np_bounds(x, *ha - 2, ha, hb);
  }
}

static int subject_of(mstate *x, uint32_t g, agroup *out, int depth);

/* Antecedent of a relative clause whose antecedent phrase ends at token
 * end: its head actor; for an event noun ("an attack ... that killed X"),
 * the subject of the clause that reports the event. */
static int antecedent(mstate *x, uint32_t end, agroup *out, int depth) {
  const pl_token *tk = x->tk;
  uint32_t ha, hb;
  int of_actor;
  out->n = 0;
  if (tk[end].chunk != PL_CH_NP) return 0;
  head_np(x, end, &ha, &hb, &of_actor);
  if (np_actor(x, ha, hb, 0) >= 0) return group_left(x, hb - 1, out);
  for (uint32_t q = ha; q < hb; q++)
    if (PL_IS_NOUN(tk[q].tag) && tk[q].ment < 0 && has_nform(x, q)) {
      if (ha > x->t0 && tk[ha - 1].vg >= 0)
        return subject_of(x, (uint32_t)tk[ha - 1].vg, out, depth + 1);
      return 0;
    }
  if (of_actor)
    for (uint32_t q = hb; q <= end; q++)
      if (tk[q].ment >= 0 && ment_ok(x->doc, tk[q].ment)) {
        ag_add(out, tk[q].ment);
        return 1;
      }
  return 0;
}

/* Subject actor group of verb group g (index in doc->vgs). */
static int subject_of(mstate *x, uint32_t g, agroup *out, int depth) {
  const parley_doc *doc = x->doc;
  const pl_vgroup *v = &doc->vgs.v[g];
  const pl_token *tk = x->tk;
  out->n = 0;
  if (depth > 4) return 0;
  int prev_ok = g > 0 && doc->vgs.v[g - 1].sent == v->sent;
  if ((v->flags & (PL_VG_INF | PL_VG_PART | PL_VG_COORD)) && prev_ok)
    return subject_of(x, g - 1, out, depth + 1);
  uint32_t lo = v->lo;
  if (v->flags & PL_VG_REL) {
    /* antecedent of the relative pronoun (or of a reduced relative) */
    uint32_t k = lo;
    if (k > x->t0 && (tk[k - 1].syn & PL_SY_REL)) {
      k--;
      while (k > x->t0 && (tk[k - 1].syn & PL_SY_REL)) k--;
    }
    if (k > x->t0 && streq(tk[k - 1].lower, ",")) k--;
    if (k > x->t0) return antecedent(x, k - 1, out, depth);
    return 0;
  }
  /* VP coordination: "met X and signed ..." */
  if (lo > x->t0 && is_cc(&tk[lo - 1]) && prev_ok) {
    uint32_t k = lo - 1;
    int comma = 0;
    if (k > x->t0 && streq(tk[k - 1].lower, ",")) {
      k--;
      comma = 1;
    }
    if (k > x->t0 && (tk[k - 1].chunk == PL_CH_NP || tk[k - 1].chunk == PL_CH_VG ||
                      tk[k - 1].chunk == PL_CH_PP || tk[k - 1].chunk == PL_CH_O)) {
      /* ", but was still refusing": after a comma the coordinated verb
       * goes with the main clause, not with a reduced relative or
       * participle modifier in between ("aliens ordered out of X") */
      uint32_t pg = g - 1;
      if (comma && x->cameo)
        while (pg > 0 && doc->vgs.v[pg - 1].sent == v->sent &&
               (doc->vgs.v[pg].flags & (PL_VG_REL | PL_VG_PART)) &&
               !(doc->vgs.v[pg].flags & PL_VG_COORD))
          pg--;
      return subject_of(x, pg, out, depth + 1);
    }
  }
  /* "X issued a statement condemning Y", "marched in Z calling for":
   * a gerund right after the object or place of the group before, on a
   * noun that is no actor (not "arrested protesters demanding"), is
   * what that group's subject does */
  if (x->cameo && prev_ok && lo == v->head && tk[lo].tag == PL_T_VBG &&
      lo > x->t0 && tk[lo - 1].chunk == PL_CH_NP && tk[lo - 1].ment < 0 &&
      !(tk[lo - 1].flags & PL_TF_PUNCT)) {
    const pl_vgroup *pv = &doc->vgs.v[g - 1];
    uint32_t k = lo;
    while (k > pv->hi && !(tk[k - 1].flags & PL_TF_PUNCT) && tk[k - 1].vg < 0 &&
           !(tk[k - 1].syn & (PL_SY_BOUND | PL_SY_COMP | PL_SY_REL)))
      k--;
    if (k == pv->hi && k < lo && !(pv->flags & PL_VG_SPEECH))
      return subject_of(x, g - 1, out, depth + 1);
  }
  int in_aside = (tk[lo].syn & PL_SY_ASIDE) != 0;
  agroup aside = {{0}, 0, 0, 0};
  for (uint32_t k = lo; k-- > x->t0;) {
    const pl_token *t = &tk[k];
    if (t->syn & PL_SY_CDEL) continue; /* a deleted comma clause */
    if ((t->syn & PL_SY_ASIDE) && !in_aside) {
      if (!aside.n && t->ment >= 0 && ment_ok(doc, t->ment)) {
        uint32_t a, b;
        np_bounds(x, k, &a, &b);
        int32_t m = np_actor(x, a, b, 0);
        if (m >= 0) ag_add(&aside, m);
      }
      continue;
    }
    if (t->syn & (PL_SY_BOUND | PL_SY_COMP | PL_SY_REL)) break;
    /* a plural noun of an actor mis-read as a verb ("Ivory Coast rebels
     * on Friday rejected"): the mention is the subject */
    if (x->cameo && t->vg >= 0 && (uint32_t)t->vg != g && t->ment >= 0 &&
        ment_ok(doc, t->ment) && !(doc->ments.v[t->ment].flags & PL_MF_POSS)) {
      ag_add(out, t->ment);
      return 1;
    }
    if (t->vg >= 0 && (uint32_t)t->vg != g) break; /* another clause */
    if (t->chunk != PL_CH_NP || (x->cameo && time_word(t)))
      continue; /* adverbs, commas, PPs, "today" */
    /* the noun phrase before the verb, with its PP modifiers ("an
     * airstrike on X", "the head of X"): the subject is its head */
    uint32_t a, b;
    np_bounds(x, k, &a, &b);
    uint32_t ha, hb, pa = a, pb = b;
    int of_actor = 0;
    head_np(x, b - 1, &ha, &hb, &of_actor);
    if (ha > x->t0 && tk[ha - 1].vg >= 0 && (uint32_t)tk[ha - 1].vg != g &&
        !(x->cameo && hyph_vg(x, (uint32_t)tk[ha - 1].vg)) &&
        !(tk[ha - 1].syn & PL_SY_ASIDE) &&
        !(doc->vgs.v[tk[ha - 1].vg].flags & PL_VG_SPEECH)) {
      /* the object of an earlier verb: "rebels who attacked a post took";
       * a relative clause passes on its antecedent */
      const pl_vgroup *pv = &doc->vgs.v[tk[ha - 1].vg];
      if (pv->flags & PL_VG_REL)
        return subject_of(x, (uint32_t)tk[ha - 1].vg, out, depth + 1);
      return 0;
    }
    if (ha > x->t0 && (tk[ha - 1].chunk == PL_CH_PP) &&
        np_actor(x, ha, hb, 0) < 0) {
      /* a PP object ("on Tuesday"): keep looking to the left */
      k = ha;
      continue;
    }
    /* "The Red Cross operating in Iraq said", "fighters holed up in
     * Gaza": the object of a participle modifier is not the subject;
     * the noun phrase before the participle is */
    if (x->cameo && ha >= x->t0 + 3 && tk[ha - 1].chunk == PL_CH_PP &&
        tk[ha - 2].vg >= 0 && (uint32_t)tk[ha - 2].vg != g) {
      const pl_vgroup *mv = &doc->vgs.v[tk[ha - 2].vg];
      if (mv->lo == mv->head && mv->hi == mv->lo + 1 &&
          (tk[mv->head].tag == PL_T_VBG || tk[mv->head].tag == PL_T_VBN) &&
          mv->lo > x->t0 && tk[mv->lo - 1].chunk == PL_CH_NP &&
          !(tk[mv->lo - 1].syn & (PL_SY_BOUND | PL_SY_COMP | PL_SY_REL))) {
        k = mv->lo;
        continue;
      }
    }
    for (uint32_t q = ha; q < hb; q++)
      if (PL_IS_NOUN(tk[q].tag) && tk[q].ment < 0 && has_nform(x, q))
        x->subj_event = 1;
    if (np_actor(x, ha, hb, 0) >= 0 && group_left(x, hb - 1, out)) return 1;
    {
      int32_t hm = hyph_led_actor(x, ha); /* "the Saudi-led coalition" */
      if (hm >= 0 && np_actor(x, ha, hb, 0) < 0) {
        ag_add(out, hm);
        return 1;
      }
    }
    if (of_actor) { /* "the head of X", "officials from X" */
      for (uint32_t q = hb; q < pb; q++)
        if (tk[q].ment >= 0 && ment_ok(doc, tk[q].ment)) {
          /* "X's envoys and officials of Y": the conjuncts before the
           * head count too (syntax.c sets CONJ only between actors) */
          agroup l;
          if (ha > x->t0 + 1 && (tk[ha - 1].syn & PL_SY_CONJ) &&
              tk[ha - 2].chunk == PL_CH_NP && group_left(x, ha - 2, &l))
            for (int j = 0; j < l.n; j++) ag_add(out, l.m[j]);
          ag_add(out, tk[q].ment);
          return 1;
        }
    }
    (void)pa;
    /* "the government and the rebels must ...": an unknown last conjunct
     * leaves the actor before the conjunction */
    /* ("the foreign minister and a group of aides": syntax.c marks no
     * conjunction before a phrase with no actor; a bare "and" counts) */
    if (ha >= x->t0 + 2 &&
        ((tk[ha - 1].syn & PL_SY_CONJ) || (tk[ha - 1].swc & PL_SW_AND)) &&
        tk[ha - 2].chunk == PL_CH_NP && !aside.n && x->cameo) {
      k = ha - 1;
      continue;
    }
    if (aside.n) {
      *out = aside;
      return 1;
    }
    return 0;
  }
  if (aside.n) {
    *out = aside;
    return 1;
  }
  return 0;
}

static uint32_t doc_ment_tok(const mstate *x, int32_t m) {
  return x->doc->ments.v[m].tok;
}

static int place_prep(const pl_token *t) {
  static const char *const P[] = {"in", "at", "near", "inside", "outside",
                                  "across", "throughout", "around", "during",
                                  "from", "since", NULL};
  for (int i = 0; P[i]; i++)
    if (streq(t->lower, P[i])) return 1;
  return 0;
}

/* First actor group after token pos, up to lim; cooperative codes do not
 * take an actor from a place phrase ("met ... in Cairo"). */
/* used[] marks (see mark_used) */
enum { PL_U_COVER = 1, PL_U_USED = 2 };

static int target_after(mstate *x, uint32_t pos, uint32_t lim, int allow_place,
                        int in_aside, agroup *out) {
  const pl_token *tk = x->tk;
  out->n = 0;
  int in_place_pp = 0;
  for (uint32_t k = pos; k < lim; k++) {
    const pl_token *t = &tk[k];
    if ((t->syn & PL_SY_ASIDE) && !in_aside) continue;
    if (t->syn & PL_SY_CDEL) continue;
    if (t->chunk == PL_CH_PP) {
      in_place_pp = place_prep(t);
      continue;
    }
    if (t->chunk != PL_CH_NP) in_place_pp = 0;
    /* a word a pattern consumed ("sent troops to X") is no agent-only
     * target */
    if (t->ment >= 0 && x->used[k - x->t0] == PL_U_USED &&
        !x->doc->ments.v[t->ment].a.code[0])
      continue;
    if (t->ment >= 0 && ment_ok(x->doc, t->ment)) {
      /* "met ... in Cairo": a place phrase gives no target to meetings,
       * nor a city standing for its government to anything but force */
      if (in_place_pp && !allow_place &&
          (x->place_strict ||
           x->doc->ments.v[actor_of(x->doc, t->ment)].a.how == PL_HOW_METONYM))
        continue;
      uint32_t a, b;
      np_bounds(x, k, &a, &b);
      if (group_right(x, a, out)) {
        /* "delayed their meeting": a possessive pronoun is no target */
        if (out->n == 1 && tk[doc_ment_tok(x, out->m[0])].tag == PL_T_PRPS) {
          out->n = 0;
          k = b - 1;
          continue;
        }
        return 1;
      }
    }
  }
  return 0;
}

/* The nearest actor group ending before token pos, back to a comma or a
 * clause boundary (PETRARCH's source search in the upper sequence). */
static int source_left(mstate *x, uint32_t pos, agroup *out) {
  const pl_token *tk = x->tk;
  for (uint32_t k = pos; k-- > x->lolim;) {
    if ((tk[k].syn & PL_SY_BOUND) || streq(tk[k].lower, ",")) break;
    if (tk[k].ment >= 0 && ment_ok(x->doc, tk[k].ment)) {
      agroup g;
      if (group_left(x, k, &g)) {
        *out = g;
        return 1;
      }
    }
  }
  return 0;
}

/* First token of the verb group governing g: itself, or for a
 * coordinated, infinitive or participle group the group it continues. */
static uint32_t governor_lo(const mstate *x, uint32_t g) {
  const parley_doc *doc = x->doc;
  for (int guard = 0; g > 0 && guard < 8; guard++) {
    const pl_vgroup *v = &doc->vgs.v[g];
    if (doc->vgs.v[g - 1].sent != v->sent) break;
    int cc = v->lo > x->t0 && is_cc(&x->tk[v->lo - 1]);
    if (!cc && !(v->flags & (PL_VG_INF | PL_VG_PART | PL_VG_COORD))) break;
    g--;
  }
  return doc->vgs.v[g].lo;
}

/* ---- unknown noun phrases (PETRARCH new_actor_length) ----
 * PETRARCH gives every noun phrase of the parse a place in the source and
 * target search: a phrase no dictionary entry matches is a null actor
 * ("---"), and with new_actor_length N > 0 one of at most N words stands
 * as an actor coded by its upper-cased text in double quotes ("THE
 * COUNCIL OF ELDERS").  The phrase is the noun-phrase chunk with its "of"
 * complements; the possessive 's is not part of it (PETRARCH's parse
 * reader drops it).  Bare time adverbs ("today") are no noun phrase there
 * (the parser makes them NP-TMP); unlike time_word, a weekday is ("said
 * on Saturday" has a null target). */
static int tmp_word(const pl_token *t) {
  static const char *const W[] = {"today", "yesterday", "tomorrow", "tonight",
                                  "now", NULL};
  for (int i = 0; W[i]; i++)
    if (streq(t->lower, W[i])) return 1;
  return 0;
}

/* Is [a,b) a noun phrase PETRARCH would see (not a time word; not a lone
 * pronoun unless pron_ok)? */
static int real_np(const pl_token *tk, uint32_t a, uint32_t b, int pron_ok) {
  if (b == a + 1 && ((tk[a].tag == PL_T_PRP && !pron_ok) || tmp_word(&tk[a])))
    return 0;
  for (uint32_t k = a; k < b; k++)
    if (PL_IS_NOUN(tk[k].tag) || tk[k].tag == PL_T_CD || tk[k].ment >= 0 ||
        tk[k].tag == PL_T_PRP)
      return 1;
  return 0;
}

/* The first noun phrase in [pos, lim) (skipping prepositions, adverbs,
 * asides of another clause and deleted comma clauses), extended over
 * "of" complements; 1 and [*a,*b) when found. */
static int first_np_after(const mstate *x, uint32_t pos, uint32_t lim,
                          int in_aside, int pron_ok, uint32_t *a,
                          uint32_t *b) {
  const pl_token *tk = x->tk;
  for (uint32_t k = pos; k < lim; k++) {
    const pl_token *t = &tk[k];
    if (t->syn & PL_SY_CDEL) continue;
    if ((t->syn & PL_SY_ASIDE) && !in_aside) continue;
    if (t->chunk != PL_CH_NP) continue;
    np_bounds(x, k, a, b);
    if (*a < k) *a = k;
    if (*b > lim) *b = lim;
    if (!real_np(tk, *a, *b, pron_ok)) {
      k = *b - 1;
      continue;
    }
    while (*b + 1 < lim && streq(tk[*b].lower, "of") &&
           tk[*b + 1].chunk == PL_CH_NP && !(tk[*b + 1].syn & PL_SY_CDEL)) {
      uint32_t c, d;
      np_bounds(x, *b + 1, &c, &d);
      *b = d > lim ? lim : d;
    }
    return 1;
  }
  return 0;
}

/* The mention of a new actor for the phrase [a,b), made once per phrase;
 * -1 when the phrase has more than new_actor_length words (or on OOM). */
static int32_t new_actor(mstate *x, uint32_t a, uint32_t b) {
  parley_doc *doc = x->doc;
  const pl_token *tk = x->tk;
  int nal = doc->ctx->new_actor_length;
  char buf[512];
  size_t n = 0;
  int words = 0;
  buf[n++] = '"';
  for (uint32_t k = a; k < b; k++) {
    const pl_token *t = &tk[k];
    if ((t->flags & (PL_TF_POSS | PL_TF_PUNCT)) || t->tag == PL_T_POS) continue;
    if (++words > nal) return -1;
    if (words > 1 && n < sizeof buf - 2) buf[n++] = ' ';
    for (uint32_t c = 0; c < t->len && n < sizeof buf - 2; c++) {
      unsigned char ch = (unsigned char)doc->text[t->off + c];
      buf[n++] = (char)(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
    }
  }
  if (!words) return -1;
  buf[n++] = '"';
  buf[n] = 0;
  for (uint32_t m = doc->ments.n, lim = 0; m-- > 0 && lim < 64; lim++) {
    const pl_mention *q = &doc->ments.v[m];
    if (q->tok == a && q->ntok == b - a && q->a.code && q->a.code[0] == '"' &&
        !strcmp(q->a.code, buf))
      return (int32_t)m;
  }
  char *code = pl_strndup(&doc->arena, buf, n);
  pl_mention *nm = pl_vec_push(&doc->arena, &doc->ments);
  if (!code || !nm) return -1;
  nm->sent = tk[a].sent;
  nm->tok = a;
  nm->ntok = b - a;
  nm->a.code = code;
  nm->a.name = NULL;
  nm->a.how = PL_HOW_UNKNOWN;
  nm->ante = -1;
  return (int32_t)(doc->ments.n - 1);
}

/* A member of a new-actor group: the phrase's dictionary actor, else the
 * phrase itself. */
static void new_member(mstate *x, uint32_t a, uint32_t b, agroup *out) {
  int32_t m = np_actor(x, a, b, 0);
  if (m < 0) m = new_actor(x, a, b);
  if (m >= 0) ag_add(out, m);
}

/* Object side: the first noun phrase after the verb. */
static int new_object(mstate *x, uint32_t pos, uint32_t lim, int in_aside,
                      agroup *out) {
  uint32_t a, b;
  out->n = 0;
  if (!first_np_after(x, pos, lim, in_aside, 0, &a, &b)) return 0;
  new_member(x, a, b, out);
  out->lo = a;
  out->hi = b;
  return out->n > 0;
}

/* Subject side: the nearest noun phrase before the verb in its clause
 * (a prepositional object such as "on Thursday" is passed over), with the
 * conjuncts joined to it by and/or ("X's toll and the injury count"). */
static int new_subject(mstate *x, uint32_t g, agroup *out) {
  const parley_doc *doc = x->doc;
  const pl_vgroup *v = &doc->vgs.v[g];
  const pl_token *tk = x->tk;
  out->n = 0;
  if (v->flags & (PL_VG_INF | PL_VG_PART | PL_VG_COORD | PL_VG_REL)) return 0;
  int in_aside = (tk[v->lo].syn & PL_SY_ASIDE) != 0;
  for (uint32_t k = v->lo; k-- > v->clo;) {
    const pl_token *t = &tk[k];
    if (t->syn & PL_SY_CDEL) continue;
    if ((t->syn & PL_SY_ASIDE) && !in_aside) continue;
    if (t->syn & (PL_SY_BOUND | PL_SY_COMP | PL_SY_REL)) return 0;
    if (t->vg >= 0 && (uint32_t)t->vg != g) return 0;
    if (t->chunk != PL_CH_NP) continue;
    uint32_t a, b;
    np_bounds(x, k, &a, &b);
    if (b > k + 1) b = k + 1;
    while (a >= x->t0 + 2 && streq(tk[a - 1].lower, "of") &&
           tk[a - 2].chunk == PL_CH_NP) {
      uint32_t c, d;
      np_bounds(x, a - 2, &c, &d);
      a = c;
    }
    if (a > x->t0 && tk[a - 1].chunk == PL_CH_PP) { /* "on Thursday" */
      k = a;
      continue;
    }
    if (!real_np(tk, a, b, 0)) return 0;
    agroup tmp = {{0}, 0, 0, 0};
    new_member(x, a, b, &tmp);
    out->hi = b;
    /* conjuncts to the left, nearest last: keep sentence order */
    while (a >= x->t0 + 2 && is_cc(&tk[a - 1]) && !streq(tk[a - 1].lower, "but") &&
           tk[a - 2].chunk == PL_CH_NP) {
      uint32_t c, d;
      np_bounds(x, a - 2, &c, &d);
      new_member(x, c, d, &tmp);
      a = c;
    }
    out->lo = a;
    for (int i = tmp.n; i-- > 0;) ag_add(out, tmp.m[i]);
    return out->n > 0;
  }
  return 0;
}

/* ---- intent recoding ---- */
/* "threatened to cut ties / impose sanctions / attack": 13x threats */
/* snprintf(out, n, "%s%s", a, b) without the format machinery (emit
 * builds these keys for every earlier event of the sentence). */
static void cat2(char *out, size_t n, const char *a, const char *b) {
  size_t k = 0;
  for (; *a && k + 1 < n; a++) out[k++] = *a;
  for (; *b && k + 1 < n; b++) out[k++] = *b;
  out[k] = 0;
}

static void threat_code(const char *code, char out[6]) {
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  const char *r = "130";
  if (root == 16) r = !strncmp(code, "163", 3) ? "1312" : "1313";
  else if (root == 17) r = "137";
  else if (root == 14) r = "133";
  else if (root >= 18) r = "138";
  else if (root == 13 || root == 3) r = code;
  cat2(out, 6, "", r);
}

static void intent_code(const char *code, char out[6]) {
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  const char *r = NULL;
  char c2 = code[2];
  switch (root) {
  case 4:
    r = c2 == '5' ? "039" : "036";
    break;
  case 5:
    r = c2 == '7' ? "030" : "032";
    break;
  case 6:
    r = c2 == '1' ? "0311" : c2 == '2' ? "0312" : c2 == '3' ? "0313"
        : c2 == '4' ? "0314" : "031";
    break;
  case 7:
    r = c2 == '1' ? "0331" : c2 == '2' ? "0332" : c2 == '3' ? "0333"
        : c2 == '4' ? "0334" : "033";
    break;
  case 8:
    r = c2 == '1' ? "0351" : c2 == '2' ? "0352" : c2 == '3' ? "034"
        : c2 == '4' ? "0353" : c2 == '5' ? "0354" : c2 == '6' ? "0355"
        : c2 == '7' ? "0356" : "035";
    break;
  case 14: r = "133"; break; /* "will boycott the vote": a threat of dissent */
  case 16: r = "131"; break;
  case 17: r = c2 == '3' ? "137" : "130"; break;
  case 15: case 18: case 19: case 20: r = "138"; break;
  default: r = NULL;
  }
  cat2(out, 6, "", r ? r : code);
}

/* Codes a compound subject without a target reads as mutual. */
static int reciprocal(const char *code, const pl_token *verb) {
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  if (root >= 3 && root <= 6) return 1;
  if (!strcmp(code, "0871") || !strcmp(code, "0841") || !strcmp(code, "190"))
    return streq(verb->lemma, "clash") || streq(verb->lemma, "fight") ||
           streq(verb->lemma, "exchange") || streq(verb->lemma, "agree") ||
           streq(verb->lemma, "sign") || streq(verb->lemma, "trade") ||
           root == 8;
  return 0;
}

/* ---- emission ---- */

/* The code an event side is compared by: the actor's code, "---GOV" for
 * an agent alone, "" for none. */
static void akey_r(const parley_doc *doc, int32_t r, char out[24]) {
  out[0] = 0;
  if (r < 0) return;
  const pl_mention *mt = &doc->ments.v[r];
  if (mt->a.code && mt->a.code[0]) cat2(out, 24, "", mt->a.code);
  else cat2(out, 24, "---", mt->agent);
}

/* akey of mention m (akey_r takes m's actor_of, when known already) */
static void akey(const parley_doc *doc, int32_t m, char out[24]) {
  akey_r(doc, actor_of(doc, m), out);
}

static parley_rc emit(mstate *x, uint32_t sent, const char *code, int32_t s,
                      int32_t t, uint32_t vlo, uint32_t vhi, const char *pat,
                      uint32_t clo, uint32_t chi, uint16_t flags, int future) {
  parley_doc *doc = x->doc;
  if (s < 0 && t < 0) return PARLEY_OK;
  if ((doc->ctx->flags & PL_CTX_REQUIRE_DYAD) && (s < 0 || t < 0))
    return PARLEY_OK;
  /* the built-in coder keeps an event with no source actor only with a
   * known target, and only for a passive with no actor as agent ("X was
   * handed over to Y": the doer is left unsaid) or a violent or coercive
   * root, 17-20 ("three villagers were shot dead", "a bomb killed two
   * soldiers": victims of an unknown hand); an active verb whose subject
   * is no actor ("a statement condemned Ruritania") says nothing an
   * analyst can use (on the PLOVER sample 18 of 19 such events had the
   * wrong actor or none) */
  if (x->cameo && s < 0 &&
      !(t >= 0 && ((flags & PL_EF_PASSIVE) ||
                   (code[0] == '1' && code[1] >= '7') || code[0] == '2')))
    return PARLEY_OK;
  /* each side's actor once: the same actor on both sides is no event */
  int32_t rs = actor_of(doc, s), rt = actor_of(doc, t);
  if (s >= 0 && t >= 0 && (s == t || (rs >= 0 && rt >= 0 && rs == rt)))
    return PARLEY_OK;
  /* one record per (sentence, code, source, target); a source and target
   * with the same code make no event (PETRARCH drops self-references) */
  char cs[24], ct[24], es[24], et[24];
  akey_r(doc, rs, cs);
  akey_r(doc, rt, ct);
  if (cs[0] && !strcmp(cs, ct)) return PARLEY_OK;
  for (uint32_t i = doc->events.n; i-- > 0;) {
    const pl_event *e = &doc->events.v[i];
    if (e->sent != sent) break;
    if (strcmp(e->code, code)) continue;
    akey(doc, e->src, es);
    akey(doc, e->tgt, et);
    if (!strcmp(es, cs) && !strcmp(et, ct)) return PARLEY_OK;
  }
  pl_event *e = pl_vec_push(&doc->arena, &doc->events);
  if (!e) return PARLEY_ENOMEM;
  e->sent = sent;
  cat2(e->code, sizeof e->code, "", code);
  e->src = s;
  e->tgt = t;
  e->vtok = vlo;
  e->nvtok = vhi - vlo;
  e->pattern = pat;
  uint32_t lo = vlo, hi = vhi;
  const int32_t ms[2] = {s, t};
  for (int k = 0; k < 2; k++)
    if (ms[k] >= 0) {
      const pl_mention *m = &doc->ments.v[ms[k]];
      if (m->sent == sent) {
        if (m->tok < lo) lo = m->tok;
        if (m->tok + m->ntok > hi) hi = m->tok + m->ntok;
      }
    }
  const pl_token *tk = doc->toks.v;
  e->off = tk[lo].off;
  e->len = tk[hi - 1].off + tk[hi - 1].len - tk[lo].off;
  e->date = pl_date_for(doc, sent, clo, chi, future);
  e->place = pl_place_for(doc, sent, clo, chi);
  e->flags = flags;
  return PARLEY_OK;
}

typedef struct {
  int32_t m[32];
  int n;
} mgroup; /* an agroup after split_codes */

/* PETRARCH actor entries with several codes ("FRO/BIL/SAM") stand for
 * several actors: the group's member m becomes one mention per code (a
 * copy of m with that code, made once and reused).  Returns the new
 * count in out, or -1 on OOM. */
static int split_codes(parley_doc *doc, const agroup *G, int32_t *out,
                       int cap) {
  int n = 0;
  for (int i = 0; i < G->n && n < cap; i++) {
    int32_t r = actor_of(doc, G->m[i]);
    const char *c = r >= 0 ? doc->ments.v[r].a.code : NULL;
    if (!c || !strchr(c, '/')) {
      out[n++] = G->m[i];
      continue;
    }
    for (const char *p = c; *p && n < cap;) {
      size_t len = strcspn(p, "/");
      if (len) {
        int32_t found = -1;
        const pl_mention *o = &doc->ments.v[r];
        for (uint32_t k = doc->ments.n, lim = 0; k-- > (uint32_t)r + 1 && lim < 64;
             lim++) {
          const pl_mention *q = &doc->ments.v[k];
          if (q->tok == o->tok && q->ntok == o->ntok && q->a.code &&
              strlen(q->a.code) == len && !memcmp(q->a.code, p, len)) {
            found = (int32_t)k;
            break;
          }
        }
        if (found < 0) {
          char *code = pl_alloc(&doc->arena, len + 1);
          pl_mention *nm = pl_vec_push(&doc->arena, &doc->ments);
          if (!code || !nm) return -1;
          memcpy(code, p, len);
          code[len] = 0;
          *nm = doc->ments.v[r];
          nm->a.code = code;
          nm->ante = -1;
          found = (int32_t)(doc->ments.n - 1);
        }
        out[n++] = found;
      }
      p += len;
      if (*p == '/') p++;
    }
  }
  return n;
}

static parley_rc emit_pairs(mstate *x, uint32_t sent, const char *code,
                            const agroup *S0, const agroup *T0, uint32_t vlo,
                            uint32_t vhi, const char *pat, uint32_t clo,
                            uint32_t chi, uint16_t flags, int future,
                            int recip) {
  parley_rc rc = PARLEY_OK;
  /* members with several codes split into one actor per code */
  mgroup Sx, Tx;
  Sx.n = split_codes(x->doc, S0, Sx.m, 32);
  Tx.n = split_codes(x->doc, T0, Tx.m, 32);
  if (Sx.n < 0 || Tx.n < 0) return PARLEY_ENOMEM;
  const mgroup *S = &Sx, *T = &Tx;
  if (!T->n && recip && S->n >= 2) {
    for (int i = 0; i < S->n && !rc; i++)
      for (int j = 0; j < S->n && !rc; j++)
        if (i != j)
          rc = emit(x, sent, code, S->m[i], S->m[j], vlo, vhi, pat, clo, chi,
                    flags, future);
    return rc;
  }
  int ns = S->n ? S->n : 1, nt = T->n ? T->n : 1;
  for (int i = 0; i < ns && !rc; i++)
    for (int j = 0; j < nt && !rc; j++)
      rc = emit(x, sent, code, S->n ? S->m[i] : -1, T->n ? T->m[j] : -1, vlo,
                vhi, pat, clo, chi, flags, future);
  return rc;
}

static const char *pat_text(const pl_verbdict *vd, const match_t *m) {
  if (m->pat) return vd->pool + m->pat->text;
  return pl_vd_word(vd, m->form->word);
}

static const char *match_code(const match_t *m) {
  if (m->pat) return (m->pat->flags & PL_VP_NULL) ? "" : m->pat->code;
  return m->form->code;
}

/* used[]: PL_U_USED = consumed by a pattern (a literal word, the verb, a
 * passive agent), PL_U_COVER = inside the object range of a matched verb */
static void mark_used(mstate *x, uint32_t lo, uint32_t hi, uint8_t how) {
  for (uint32_t k = lo; k < hi && k < x->t1; k++)
    if (k >= x->t0 && x->used[k - x->t0] < how) x->used[k - x->t0] = how;
}

static void mark_lits(mstate *x, const match_t *m) {
  for (int i = 0; i < m->nlit; i++) mark_used(x, m->lit[i], m->lit[i] + 1, PL_U_USED);
}

/* Verbs whose to-infinitive complement is what is asked for, not done:
 * "urged Israel to allow", "called on X to".  Tested for most verb
 * groups: one word-set probe with the lemma's interned hash. */
static int appeal_verb(const pl_token *t) {
  static const char *const A[] = {
      "urge",   "ask",     "call",    "press",  "demand", "want",
      "tell",   "order",   "invite",  "encourage", "allow", "force",
      "push",   "persuade", "request", "warn",  "appeal", "pressure",
      "advise", "instruct", "help",   "enable", "permit", "authorize",
      "convince", "expect", NULL};
  return pl_words_has_h(A, t->lemma, t->hlem);
}

/* Nouns whose complement ("an offer to host", "its demand that X
 * release", "an appeal for sending") is what is asked or proposed, not
 * done.  Only nouns are tested (the verb forms are appeal_verb's). */
static int appeal_noun(const pl_token *tk, uint32_t i) {
  const pl_token *t = &tk[i];
  static const char *const N[] = {
      "demand", "call",     "appeal",   "request", "plea",  "offer",
      "proposal", "invitation", "ultimatum", "plan", "bid", "proposition",
      NULL};
  if (!PL_IS_NOUN(t->tag) || !pl_words_has_h(N, t->lemma, t->hlem)) return 0;
  /* "a telephone call to discuss" is a meeting, not an appeal */
  return !(t->lemma[0] == 'c' && i > 0 && (streq(tk[i - 1].lower, "phone") ||
                                            streq(tk[i - 1].lower, "telephone")));
}

/* Does verb group v open the complement of an appeal noun right before
 * it: "<noun> to V", "<noun> that X V", "<noun> for V-ing"?  from: the
 * end of the group before (the clause subject is not searched past it). */
static int appeal_noun_comp(const mstate *x, const pl_vgroup *v, uint32_t from) {
  const pl_token *tk = x->tk;
  uint32_t k = v->lo;
  if (k < x->t0 + 2) return 0;
  if (v->flags & PL_VG_INF) return appeal_noun(tk, k - 1);
  if (tk[k].tag == PL_T_VBG && streq(tk[k - 1].lower, "for"))
    return appeal_noun(tk, k - 2);
  /* "<noun> that <subject> V": the subject is noun/PP chunks */
  while (k > from && (tk[k - 1].chunk == PL_CH_NP || tk[k - 1].chunk == PL_CH_PP ||
                      (tk[k - 1].syn & PL_SY_CONJ)) &&
         !(tk[k - 1].syn & (PL_SY_COMP | PL_SY_BOUND | PL_SY_REL)))
    k--;
  if (k == v->lo || k < from + 2 || !(tk[k - 1].syn & PL_SY_COMP)) return 0;
  k -= 2; /* the noun, or a time word after it ("its demand today that") */
  if (k > from && (time_word(&tk[k]) || tk[k].tag == PL_T_RB)) k--;
  return appeal_noun(tk, k);
}

/* "suspected of attacking", "arrested for spying", "on charges of
 * smuggling", "accused X of ... and of shelling": a gerund after "of" or
 * "for" that names what someone is accused, suspected or held for is an
 * allegation, not an event.  Walks back from the preposition over the
 * noun phrases, adverbs and other gerunds of the clause to a trigger. */
static int alleged_act(const mstate *x, const pl_vgroup *v) {
  static const char *const OF[] = {
      "suspect", "accuse", "charge", "convict", "suspicion", "accusation",
      "allegation", "guilty", "indict", "acquit", "blame", "allege",
      "allegedly", "implicate", "innocent", "conviction", NULL};
  static const char *const FOR[] = {
      "arrest", "detain", "jail", "imprison", "sentence", "convict",
      "punish", "prosecute", "fine", "deport", "indict", "try", "hold",
      "want", "investigate", "investigation",
      NULL};
  const pl_token *tk = x->tk;
  uint32_t k = v->lo;
  if (tk[k].tag != PL_T_VBG || k < x->t0 + 2) return 0;
  const char *const *set;
  if (streq(tk[k - 1].lower, "of")) set = OF;
  else if (streq(tk[k - 1].lower, "for")) set = FOR;
  else return 0;
  for (uint32_t j = k - 1, n = 0; j-- > x->t0 && n < 10; n++) {
    const pl_token *t = &tk[j];
    if (t->syn & (PL_SY_BOUND | PL_SY_COMP | PL_SY_REL)) return 0;
    if (pl_words_has_h(set, t->lemma, t->hlem)) return 1;
    if (t->vg >= 0 && t->tag != PL_T_VBG) return 0;
  }
  return 0;
}

/* "Lifting the sanctions would reward the regime", "(said that) sending
 * troops is not an option": a gerund phrase that opens the sentence or a
 * that-clause and is followed by the clause's own verb is its subject, a
 * course of action talked about, not an event.  Returns the end of the
 * gerund phrase (0: none). */
static uint32_t gerund_subject(const mstate *x, const pl_vgroup *v) {
  const pl_token *tk = x->tk;
  uint32_t k = v->lo;
  if (tk[k].tag != PL_T_VBG || (v->flags & PL_VG_PART)) return 0;
  while (k > x->t0 && (tk[k - 1].flags & PL_TF_QUOTE)) k--;
  if (k > x->t0 && !((tk[k - 1].syn & PL_SY_COMP) && (tk[k - 1].swc & PL_SW_THAT)))
    return 0;
  for (uint32_t m = v->hi; m < x->t1; m++) {
    const pl_token *t = &tk[m];
    if (t->flags & PL_TF_PUNCT) return 0;
    if (t->tag == PL_T_RB || (t->syn & PL_SY_CONJ) ||
        ((t->chunk == PL_CH_NP || t->chunk == PL_CH_PP) && t->vg < 0))
      continue;
    return t->tag == PL_T_VBZ || t->tag == PL_T_VBD || t->tag == PL_T_VBP ||
                   t->tag == PL_T_MD || streq(t->lemma, "be")
               ? m
               : 0;
  }
  return 0;
}

/* Is verb group g inside reported speech? */
static int reported(const parley_doc *doc, uint32_t g) {
  const pl_vgroup *v = &doc->vgs.v[g];
  for (uint32_t i = g; i-- > 0 && doc->vgs.v[i].sent == v->sent;)
    if (doc->vgs.v[i].flags & PL_VG_SPEECH) return 1;
  for (uint32_t i = g + 1; i < doc->vgs.n && doc->vgs.v[i].sent == v->sent; i++)
    if (doc->vgs.v[i].flags & PL_VG_SPEECH) return 1;
  return 0;
}

/* The complement clause of verb group g: the token index of its
 * complementizer ("demanded that X release"), or of the first subject
 * token when the clause follows the verb directly ("said US forces must").
 * The clause subject may be a noun phrase with PP modifiers and
 * conjunctions.  UINT32_MAX when group g does not open such a clause
 * right after group p. */
static uint32_t comp_clause(const mstate *x, uint32_t p, uint32_t g) {
  const parley_doc *doc = x->doc;
  const pl_vgroup *v = &doc->vgs.v[g], *pv = &doc->vgs.v[p];
  const pl_token *tk = x->tk;
  uint32_t k = v->lo;
  while (k > pv->hi && (tk[k - 1].chunk == PL_CH_NP || tk[k - 1].chunk == PL_CH_PP ||
                        (tk[k - 1].syn & PL_SY_CONJ)) &&
         !(tk[k - 1].syn & (PL_SY_COMP | PL_SY_BOUND | PL_SY_REL)))
    k--;
  if (k == v->lo) return UINT32_MAX; /* no subject of its own */
  /* adverbs and time phrases between the verb and the clause */
  uint32_t q = k;
  if (q > pv->hi && (tk[q - 1].syn & PL_SY_COMP)) q--;
  uint32_t c = q;
  while (q > pv->hi && (tk[q - 1].tag == PL_T_RB || time_word(&tk[q - 1]) ||
                        tk[q - 1].chunk == PL_CH_PP))
    q--;
  if (q != pv->hi || q + 5 < c) return UINT32_MAX;
  return c;
}

/* A protest, strike or boycott with no named target by a country's
 * people (not its government or forces): the target is that country's
 * government.  Fills T with one new mention per source country ("IDN" ->
 * "IDNGOV"), none for a source protesting in another country (where: the
 * event place's country, or NULL); returns 0 when no source qualifies,
 * -1 on OOM. */
static int implied_target(mstate *x, const agroup *S, agroup *T,
                          const char *where) {
  parley_doc *doc = x->doc;
  static const char *const STATE[] = {"GOV", "MIL", "COP", "SPY", "JUD",
                                      "LEG", "ELI", "SEC", "PRE", NULL};
  static const char *const NONSTATE[] = {"IGO", "NGO", "IMG", "MNC", "UIS",
                                         "---", NULL};
  T->n = 0;
  for (int i = 0; i < S->n; i++) {
    int32_t r = actor_of(doc, S->m[i]);
    const char *c = r >= 0 ? doc->ments.v[r].a.code : NULL;
    if (!c || strlen(c) < 3 || strchr(c, '/')) continue;
    int bad = 0;
    for (int k = 0; NONSTATE[k]; k++)
      if (!strncmp(c, NONSTATE[k], 3)) bad = 1;
    for (int k = 0; STATE[k] && strlen(c) >= 6; k++)
      if (!strncmp(c + 3, STATE[k], 3)) bad = 1;
    /* "US activists staged a protest in Beijing": abroad, the own
     * government is not the target (and the host's is not sure) */
    if (bad || (where && where[0] && strncmp(where, c, 3))) continue;
    char *code = pl_alloc(&doc->arena, 7);
    pl_mention *nm = pl_vec_push(&doc->arena, &doc->ments);
    if (!code || !nm) return -1;
    memcpy(code, c, 3);
    memcpy(code + 3, "GOV", 4);
    *nm = doc->ments.v[r];
    nm->a.code = code;
    nm->a.name = NULL;
    nm->ante = -1;
    nm->flags &= (uint16_t)~(PL_MF_PERSON | PL_MF_PRONOUN);
    ag_add(T, (int32_t)(doc->ments.n - 1));
  }
  return T->n > 0;
}

/* Verbs whose negation is a refusal: "will not accept more refugees",
 * "did not recognise the vote". */
static int refusal_verb(const pl_token *t) {
  static const char *const R[] = {"accept", "agree", "allow", "permit",
                                  "recognize", "recognise", "approve",
                                  "endorse", NULL};
  return pl_words_has_h(R, t->lemma, t->hlem);
}

/* A negated refusal verb in a main clause codes 120 (reject) from the
 * subject to the object's actor, whatever the verb's own patterns say.
 * Returns 1 when handled. */
static int code_refusal(mstate *x, uint32_t g, parley_rc *rc) {
  parley_doc *doc = x->doc;
  const pl_vgroup *v = &doc->vgs.v[g];
  const pl_token *tk = x->tk;
  if (!(v->flags & PL_VG_NEG) ||
      (v->flags & (PL_VG_PASSIVE | PL_VG_REL | PL_VG_PART | PL_VG_INF)) ||
      !refusal_verb(&tk[v->first]))
    return 0;
  agroup S, T;
  x->subj_event = 0;
  if (!subject_of(x, g, &S, 0)) return 0;
  x->place_strict = 1;
  int in_aside = (tk[v->lo].syn & PL_SY_ASIDE) != 0;
  if (!target_after(x, v->hi, v->chi, 0, in_aside, &T)) T.n = 0;
  mark_used(x, v->lo, v->hi, PL_U_USED);
  uint16_t fl = reported(doc, g) ? PL_EF_REPORTED : 0;
  const char *lm = tk[v->first].lemma;
  size_t n = strlen(lm) + 5;
  char *pat = pl_alloc(&doc->arena, n);
  if (!pat) {
    *rc = PARLEY_ENOMEM;
    return 1;
  }
  snprintf(pat, n, "not %s", lm);
  *rc = emit_pairs(x, v->sent, "120", &S, &T, v->lo, v->hi, pat, v->clo,
                   v->chi, fl, 0, 0);
  return 1;
}

/* "Russia said Sudan must return the helicopter", "X concluded that the
 * rich nations must allocate ...": a speaker's "must" for another actor
 * is a demand (10x).  The inner verb's own code picks the sub-code.
 * Returns 1 when the demand was coded (the inner verb then codes nothing). */
static int code_must(mstate *x, uint32_t g, parley_rc *rc);

/* Verbs that take a to-infinitive as their content ("promised to go",
 * "tried to reach"); 2 = the chain states an intent.  One probe of both
 * lists with the lemma's interned hash. */
static int chain_verb(const pl_token *t) {
  static const char *const I[] = {
      "plan",    "intend", "aim",    "seek",    "want",    "hope",
      "prepare", "decide", "agree",  "pledge",  "promise", "vow",
      "offer",   "threaten", "vote", "propose", "resolve", "commit",
      "expect",  NULL};
  static const char *const O[] = {"try",    "attempt", "begin", "start",
                                  "continue", "resume", "move", "refuse",
                                  "fail",   "decline", NULL};
  static const char *const *const IO[] = {I, O, NULL};
  uint32_t c = pl_words_class(IO, t->lemma, t->hlem);
  return (c & 1) ? 2 : (c & 2) ? 1 : 0;
}

/* Does infinitive group h continue group g across a time phrase or an
 * adverb ("promised on Monday to go to war with", "vowed last week to
 * retaliate", "agreed in principle to")?  The syntax stage joins a chain
 * only when "to" follows the verb directly. */
static int split_chain(const mstate *x, uint32_t g, uint32_t h) {
  const parley_doc *doc = x->doc;
  if (h >= doc->vgs.n || doc->vgs.v[h].sent != doc->vgs.v[g].sent) return 0;
  const pl_vgroup *a = &doc->vgs.v[g], *b = &doc->vgs.v[h];
  const pl_token *tk = x->tk;
  if (!(b->flags & PL_VG_INF) || (a->flags & (PL_VG_ADJ | PL_VG_PASSIVE)) ||
      a->first != a->head || !chain_verb(&tk[a->head]))
    return 0;
  if (b->lo <= a->hi || b->lo - a->hi > 5) return 0;
  int timew = 0, other = 0;
  for (uint32_t k = a->hi; k < b->lo; k++) {
    const pl_token *t = &tk[k];
    uint32_t c = pl_xw(t);
    if (t->ment >= 0 || t->vg >= 0 || (t->flags & PL_TF_PUNCT)) return 0;
    if (c & PL_XW_TIME) timew = 1;
    else if (t->tag != PL_T_RB && !(c & PL_XW_TPREP) && t->tag != PL_T_IN &&
             t->tag != PL_T_DT && t->tag != PL_T_CD && t->tag != PL_T_JJ)
      other = 1;
    else if (t->tag != PL_T_RB && !(c & PL_XW_TPREP))
      other |= 2; /* a preposition or determiner: needs a time word */
  }
  return !(other & 1) && (timew || !other);
}

static parley_rc code_vg(mstate *x, uint32_t g) {
  parley_doc *doc = x->doc;
  const pl_vgroup *v = &doc->vgs.v[g];
  const pl_token *tk = x->tk;
  if (v->flags & PL_VG_ADJ) return PARLEY_OK;
  if (x->cameo && hyph_vg(x, g)) return PARLEY_OK; /* "war-torn", "Hamas-led" */
  if (tk[v->head].syn & PL_SY_CDEL) return PARLEY_OK; /* comma_* clause */
  /* the intent verb of a split chain is coded with its infinitive */
  /* (split_chain's first test inline: only an infinitive continues) */
  if (x->cameo && g + 1 < doc->vgs.n && (doc->vgs.v[g + 1].flags & PL_VG_INF) &&
      split_chain(x, g, g + 1))
    return PARLEY_OK;
  pl_vgroup chained;
  if (x->cameo && g > 0 && (v->flags & PL_VG_INF) && split_chain(x, g - 1, g)) {
    const pl_vgroup *a = &doc->vgs.v[g - 1];
    chained = *v;
    chained.first = a->head;
    chained.flags &= (uint16_t)~PL_VG_INF;
    chained.flags |= a->flags & (PL_VG_NEG | PL_VG_FUTURE | PL_VG_INTENT |
                                 PL_VG_MODAL | PL_VG_SPEECH);
    if (chain_verb(&tk[a->head]) == 2) chained.flags |= PL_VG_INTENT;
    v = &chained;
  }
  if (x->used[v->head - x->t0] == PL_U_USED) return PARLEY_OK; /* "of violating" */
  if (x->cameo && (v->flags & PL_VG_INF) && x->supp_next == g && g > 0 &&
      doc->vgs.v[g - 1].sent == v->sent) {
    x->supp_next = g + 1;
    x->supp_last = g;
    return PARLEY_OK; /* "... cancel plans to sell": still the appeal */
  }
  if (x->cameo && (v->flags & PL_VG_COORD) && x->supp_last + 1 == g &&
      doc->vgs.v[g - 1].sent == v->sent) {
    x->supp_last = g;
    return PARLEY_OK; /* "urged X to halt ... and free ...": still asked */
  }
  if ((v->flags & PL_VG_INF) && g > 0 && doc->vgs.v[g - 1].sent == v->sent &&
      appeal_verb(&tk[doc->vgs.v[g - 1].head])) {
    x->supp_last = g;
    return PARLEY_OK; /* the content of an appeal is not an event */
  }
  if (g > 0 && doc->vgs.v[g - 1].sent == v->sent &&
      appeal_verb(&tk[doc->vgs.v[g - 1].head])) {
    /* "demanded that Britain release ...": the built-in coder reads the
     * whole subject of the clause; PETRARCH mode keeps to a "that" at
     * most 3 tokens after the appeal */
    if (x->cameo) {
      uint32_t c = comp_clause(x, g - 1, g);
      if (c != UINT32_MAX && (tk[c].syn & PL_SY_COMP)) {
        x->supp_next = g + 1;
        x->supp_last = g;
        return PARLEY_OK;
      }
    } else if (v->lo > x->t0 && (tk[v->lo - 1].syn & PL_SY_COMP) &&
               doc->vgs.v[g - 1].hi + 3 >= v->lo) {
      return PARLEY_OK;
    }
  }
  if (x->cameo) {
    if (alleged_act(x, v)) return PARLEY_OK;
    uint32_t e = gerund_subject(x, v);
    if (e) { /* its object holds no event either ("lifting sanctions on X") */
      mark_used(x, v->lo, e, PL_U_COVER);
      return PARLEY_OK;
    }
  }
  /* "... if Y lifts sanctions", "unless X resigns": a condition, not
   * something that happened */
  if (x->cameo && v->clo > x->t0 && (tk[v->clo - 1].swc & PL_SW_SUB) &&
      (streq(tk[v->clo - 1].lower, "if") || streq(tk[v->clo - 1].lower, "unless")))
    return PARLEY_OK;
  if (x->cameo && g > 0 && doc->vgs.v[g - 1].sent == v->sent &&
      appeal_noun_comp(x, v, doc->vgs.v[g - 1].hi)) {
    x->supp_next = g + 1;
    x->supp_last = g;
    return PARLEY_OK; /* "rejected an offer to host talks" */
  }
  if (x->cameo) {
    parley_rc rc = PARLEY_OK;
    if (code_must(x, g, &rc) || code_refusal(x, g, &rc)) return rc;
  }
  x->passive = (v->flags & PL_VG_PASSIVE) != 0;
  /* patterns may run past the clause end (into a following infinitive or
   * a mis-tagged noun) up to a real boundary; slots stay in the clause */
  x->lim = v->hi;
  /* the groups of a sentence come in order and mostly end before the
   * previous group's limit: no stop lies between, so the scan would end
   * at the same token (one scan per clause instead of one per group) */
  int lo_aside = (tk[v->lo].syn & PL_SY_ASIDE) != 0;
  if (x->lim_from[lo_aside] <= v->hi && v->hi <= x->lim_to[lo_aside]) {
    x->lim = x->lim_to[lo_aside];
  } else {
    while (x->lim < x->t1 && !(tk[x->lim].syn & (PL_SY_BOUND | PL_SY_REL)) &&
           !((tk[x->lim].syn & PL_SY_ASIDE) && !(tk[v->lo].syn & PL_SY_ASIDE)) &&
           !(!(tk[x->lim].syn & PL_SY_ASIDE) && (tk[v->lo].syn & PL_SY_ASIDE)))
      x->lim++;
    x->lim_from[lo_aside] = v->hi;
    x->lim_to[lo_aside] = x->lim;
  }
  x->lolim = x->cameo ? v->clo : x->t0; /* PETRARCH: "INDICATED WOULD *" */
  /* PETRARCH reads a passive only with a "by" in the verb phrase: "X was
   * criticized over its dispute with Y" is coded as X acting on Y */
  int vpassive = (v->flags & PL_VG_PASSIVE) != 0;
  if (vpassive && !x->cameo) {
    vpassive = 0;
    for (uint32_t k = v->hi; k < x->lim && !vpassive; k++)
      vpassive = streq(tk[k].lower, "by");
  }
  x->passive = vpassive;
  /* passive: "was accused by X of ..." - the agent is read first */
  agroup agent = {{0}, 0, 0, 0};
  uint32_t after_agent = 0;
  if (x->passive) {
    uint32_t k = v->hi;
    while (k < x->lim && tk[k].tag == PL_T_RB) k++;
    if (k + 1 < x->lim && streq(tk[k].lower, "by") &&
        group_right(x, k + 1, &agent))
      after_agent = agent.hi;
  }
  /* candidates: the head, and the first verb of an intent chain */
  match_t mh, mf;
  memset(&mh, 0, sizeof mh);
  if (v->first != v->head) memset(&mf, 0, sizeof mf); /* else unused */
  int neg_chain = v->first != v->head && (streq(tk[v->first].lemma, "refuse") ||
                  streq(tk[v->first].lemma, "fail") ||
                  streq(tk[v->first].lemma, "decline") ||
                  streq(tk[v->first].lemma, "reject"));
  int gh = 0, gf = 0;
  x->skip_from = after_agent ? v->head + 1 : UINT32_MAX;
  x->skip_to = after_agent;
  /* The relaxed pass repeats a failed match with x->relaxed set.  When
   * the strict pass never reached the test of x->relaxed (m_slot), the
   * repeat would do exactly the same and fail again: it is skipped. */
  int hseen = 1, fseen = 1;
  for (int pass = 0; pass < 2; pass++) {
    x->relaxed = pass;
    if (!neg_chain && !gh && hseen) {
      x->relaxed_seen = 0;
      gh = match_at(x, v->head, 'v', &mh);
      hseen = x->relaxed_seen;
    }
    if (v->first != v->head && !gf && fseen) {
      x->passive = 0;
      uint32_t sf = x->skip_from, st = x->skip_to;
      if (v == &chained) { /* "refused on Sunday to release": skip the time */
        x->skip_from = v->first + 1;
        x->skip_to = v->lo;
      }
      x->relaxed_seen = 0;
      gf = match_at(x, v->first, 'v', &mf);
      fseen = x->relaxed_seen;
      x->skip_from = sf;
      x->skip_to = st;
      x->passive = vpassive;
    }
    if ((gh && mh.score > 1) || (gf && mf.score > 2)) break;
  }
  if (!gh && !gf && v->head + 1 < x->lim && v->head + 1 == v->hi &&
      tk[v->head + 1].ment < 0) {
    /* a verb of several words whose marked verb is not the first
     * ("wire tap" with "tap" as the verb): the tagger may have taken the
     * first word for the verb and the second for a noun */
    x->relaxed = 0;
    x->multi_only = 1;
    gh = match_at(x, v->head + 1, 'v', &mh);
    x->multi_only = 0;
  }
  if (!gh && !gf) return PARLEY_OK;
  const match_t *m;
  int at_head;
  if (gh && (!gf || mh.score + 2 >= mf.score)) {
    m = &mh;
    at_head = 1;
  } else {
    m = &mf;
    at_head = 0;
  }
  uint32_t mlo = m->begin < v->lo ? m->begin : v->lo;
  uint32_t mhi = m->end > v->hi ? m->end : v->hi;
  mark_used(x, v->lo, v->hi, PL_U_USED);
  mark_lits(x, m);
  mark_used(x, v->hi, mhi > v->chi ? mhi : v->chi, PL_U_COVER);
  if (agent.n) mark_used(x, v->hi, after_agent, PL_U_USED);
  const char *code = match_code(m);
  const char *rcode = m->pat ? m->pat->rcode : m->form->rcode;
  x->coded = code[0] || rcode[0];
  /* negated: no event, unless the pattern itself reads the negation
   * (PETRARCH "- &NEGATVAUXVRB * ..." patterns) */
  if ((v->flags & PL_VG_NEG) && !(m->pat && m->pat->npre && m->begin < v->head))
    return PARLEY_OK;
  if (!code[0] && !rcode[0]) return PARLEY_OK;
  if (m->relaxed_used) {
    /* a `+` that matched a non-actor phrase needs an actor later on */
    agroup t;
    if (!target_after(x, mhi, x->lim, 1, 0, &t)) return PARLEY_OK;
  }
  int root = code[0] ? (code[0] - '0') * 10 + (code[1] - '0')
                     : (rcode[0] - '0') * 10 + (rcode[1] - '0');
  /* source and target */
  agroup S = m->src, T = m->tgt;
  int in_aside = (tk[v->lo].syn & PL_SY_ASIDE) != 0;
  agroup subj;
  int nal = doc->ctx->new_actor_length;
  x->subj_event = 0;
  int has_subj = subject_of(x, g, &subj, 0);
  int passive = at_head && vpassive;
  /* "until their demands are met": a passive "met" with no agent is
   * satisfied, not a meeting */
  if (x->cameo && passive && !agent.n && !m->src.n &&
      streq(tk[v->head].lemma, "meet"))
    return PARLEY_OK;
  if (passive) {
    if (!S.n && agent.n) S = agent;
    if (!S.n) {
      /* "by" agent after the verb */
      for (uint32_t k = v->hi; k + 1 < x->lim; k++)
        if (streq(tk[k].lower, "by") && !(tk[k].syn & PL_SY_ASIDE)) {
          agroup a;
          uint32_t q = k + 1;
          while (q < x->lim && tk[q].chunk == PL_CH_NP && tk[q].ment < 0 &&
                 !(tk[q].syn & PL_SY_NPSTART && q > k + 1))
            q++;
          if (target_after(x, k + 1, x->lim, 1, in_aside, &a)) S = a;
          if (mhi < k + 1) mhi = S.n ? S.hi : mhi;
          break;
        }
    }
    if (!T.n && has_subj) T = subj;
    if (!T.n && nal > 0) new_subject(x, g, &T);
  } else {
    if (!S.n && has_subj) S = subj;
    if (!S.n && nal > 0) new_subject(x, g, &S);
    if (!x->cameo && T.n && !m->src.n && T.hi <= v->lo &&
        (!S.n || (S.lo < T.hi && T.lo < S.hi)))
      /* "- NOTED + *": the target stands before the verb (often its
       * own subject); the source is the next actor further left, back
       * to the comma, as PETRARCH reads its upper sequence */
      source_left(x, T.lo, &S);
    else if (!x->cameo && !S.n)
      /* no subject phrase with an actor ("X's death toll has risen"):
       * the nearest actor before the verb (before the first verb of a
       * coordination or infinitive chain) */
      source_left(x, T.n && T.hi <= v->lo ? T.lo : governor_lo(x, g), &S);
    if (!T.n && !m->tgt_passive) {
      int allow_place = root >= 18 || m->relaxed_used || root == 0;
      x->place_strict = x->cameo && root >= 3 && root <= 8;
      agroup t;
      /* PETRARCH reads the whole verb phrase ("signed an accord to supply
       * X", "cordoned off the roads leading into X"); parley's own coder
       * stays in the clause */
      uint32_t tl = x->cameo ? v->chi : x->lim;
      /* "aid to war-torn Mozambique": a verb form after a word-internal
       * hyphen is a modifier, not the next clause */
      for (uint32_t k = g + 1; x->cameo && k < doc->vgs.n &&
                               doc->vgs.v[k].sent == v->sent &&
                               doc->vgs.v[k].lo <= tl && hyph_vg(x, k);
           k++)
        if (doc->vgs.v[k].chi > tl) tl = doc->vgs.v[k].chi;
      /* PETRARCH takes the first actor of the verb phrase whatever the
       * pattern consumed ("allowed that X is a really pleasant place") */
      uint32_t tf = x->cameo ? mhi : v->hi;
      if (target_after(x, tf, tl > tf ? tl : tf, allow_place || root >= 15,
                       in_aside, &t))
        T = t;
      else if (nal > 0 && new_object(x, tf, tl > tf ? tl : tf, in_aside, &t))
        T = t;
      /* PETRARCH needs a noun phrase after the verb for a target, even a
       * null one: "officials said today." is no event */
      uint32_t na, nb;
      if (!T.n && null_actors(doc) &&
          !first_np_after(x, tf, tl > tf ? tl : tf, in_aside, 1, &na, &nb))
        return PARLEY_OK;
    }
  }
  /* "An airstrike on X killed two people": the nominal event carries the
   * dyad; the verb adds nothing without a target of its own */
  if (!passive && !T.n && !m->src.n && x->subj_event) return PARLEY_OK;
  /* "Thousands protested against the government in Cairo": a crowd with
   * no actor protesting in a known country is that country's people */
  if (x->cameo && root == 14 && !passive && !S.n &&
      !(v->flags & (PL_VG_REL | PL_VG_PART | PL_VG_INF | PL_VG_NEG))) {
    uint32_t k = v->lo;
    while (k > v->clo && (tk[k - 1].tag == PL_T_RB || time_word(&tk[k - 1])))
      k--;
    if (k > v->clo && tk[k - 1].chunk == PL_CH_NP) {
      uint32_t a, b;
      np_bounds(x, k - 1, &a, &b);
      const pl_token *h = &tk[b - 1];
      int32_t pi = pl_place_for(doc, v->sent, v->clo, v->chi);
      int32_t hm = h->ment;
      if ((h->tag == PL_T_NNS || streq(h->lower, "thousands") ||
           streq(h->lower, "hundreds") || streq(h->lower, "dozens")) &&
          !(hm >= 0 && (doc->ments.v[hm].flags & PL_MF_PRONOUN)) &&
          pi >= 0 && doc->places.v[pi].country[0]) {
        const char *agt = hm >= 0 && doc->ments.v[hm].agent[0]
                              ? doc->ments.v[hm].agent : "CVL";
        size_t na = strlen(agt);
        char *ncode = pl_alloc(&doc->arena, 4 + na);
        pl_mention *nm = pl_vec_push(&doc->arena, &doc->ments);
        if (!ncode || !nm) return PARLEY_ENOMEM;
        memcpy(ncode, doc->places.v[pi].country, 3);
        memcpy(ncode + 3, agt, na + 1);
        memset(nm, 0, sizeof *nm);
        nm->sent = v->sent;
        nm->tok = a;
        nm->ntok = b - a;
        nm->a.code = ncode;
        nm->a.how = PL_HOW_AGENT;
        nm->ante = -1;
        nm->flags = PL_MF_PLURAL;
        snprintf(nm->agent, sizeof nm->agent, "%s", agt);
        ag_add(&S, (int32_t)(doc->ments.n - 1));
      }
    }
  }
  /* secondary clauses (relative, participle, infinitive) code only full
   * dyads: "who crossed the border", ", killing 30 people" */
  if ((v->flags & (PL_VG_REL | PL_VG_PART | PL_VG_INF)) && (!S.n || !T.n))
    return PARLEY_OK;
  uint16_t fl = 0;
  /* "is willing to withdraw": an offer, like "ready to" */
  int future = (v->flags & (PL_VG_FUTURE | PL_VG_INTENT | PL_VG_MODAL)) != 0 ||
               (x->cameo && (v->flags & PL_VG_INF) && g > 0 &&
                doc->vgs.v[g - 1].sent == v->sent &&
                streq(tk[doc->vgs.v[g - 1].head].lower, "willing"));
  if (passive) fl |= PL_EF_PASSIVE;
  if (reported(doc, g)) fl |= PL_EF_REPORTED;
  /* mutual reading only with nothing left over as an object: "X and Y
   * met", not "X and Y negotiated a ceasefire" */
  int recip = !passive;
  if (x->cameo) {
    uint32_t q = mhi;
    while (q < x->t1 && (tk[q].tag == PL_T_RB || (tk[q].flags & PL_TF_QUOTE)))
      q++;
    if (q < v->chi && tk[q].chunk == PL_CH_NP) recip = 0;
  }
  /* a '%' pattern (PETRARCH/TABARI): the members of a compound subject act
   * on each other, no object is sought ("X and Y have delayed ...") */
  if (m->pat && (m->pat->flags & PL_VP_COMPOUND) && S.n >= 2 && !passive) {
    T.n = 0;
    recip = 1;
  }
  if (future) fl |= PL_EF_INTENT;
  uint32_t vlo = v->lo, vhi = v->hi;
  if (tk[vlo].tag == PL_T_TO && vhi > vlo + 1) vlo++;
  (void)mlo;
  /* "Egyptian police opened fire to disperse demonstrators": police or
   * security forces acting on protesters or civilians with no country
   * of their own act on their own country's people */
  if (x->cameo && !T.n && S.n == 1 && !passive && root >= 17) {
    int32_t r = actor_of(doc, S.m[0]);
    const char *c = r >= 0 ? doc->ments.v[r].a.code : "";
    if (strlen(c) >= 6 && (!strncmp(c + 3, "COP", 3) || !strncmp(c + 3, "SEC", 3)) &&
        strncmp(c, "IGO", 3) && strncmp(c, "NGO", 3)) {
      uint32_t L = v->chi;
      if (g + 1 < doc->vgs.n && doc->vgs.v[g + 1].sent == v->sent &&
          (doc->vgs.v[g + 1].flags & PL_VG_INF) && doc->vgs.v[g + 1].chi > L)
        L = doc->vgs.v[g + 1].chi;
      for (uint32_t k = v->hi; k < L && k < x->t1; k++) {
        int32_t mm = tk[k].ment;
        if (mm < 0) continue;
        const pl_mention *q = &doc->ments.v[mm];
        if (q->a.code && q->a.code[0]) break; /* a coded actor: not ours */
        if (!(q->flags & PL_MF_PRONOUN) &&
            (!strcmp(q->agent, "CVL") || !strcmp(q->agent, "OPP") ||
             !strcmp(q->agent, "LAB") || !strcmp(q->agent, "EDU"))) {
          char *ncode = pl_alloc(&doc->arena, 7);
          pl_mention *nm = pl_vec_push(&doc->arena, &doc->ments);
          if (!ncode || !nm) return PARLEY_ENOMEM;
          memcpy(ncode, c, 3);
          memcpy(ncode + 3, doc->ments.v[mm].agent, 3);
          ncode[6] = 0;
          *nm = doc->ments.v[mm];
          nm->a.code = ncode;
          nm->ante = -1;
          ag_add(&T, (int32_t)(doc->ments.n - 1));
          break;
        }
      }
    }
  }
  /* "thousands of Indonesian students staged demonstrations": the
   * protesters' own government is the implied target */
  if (x->cameo && root == 14 && !future && !passive && !T.n && S.n &&
      !(v->flags & PL_VG_NEG)) {
    int32_t pi = pl_place_for(doc, v->sent, v->clo, v->chi);
    int r = implied_target(x, &S, &T,
                           pi >= 0 ? doc->places.v[pi].country : NULL);
    if (r < 0) return PARLEY_ENOMEM;
    if (r > 0) fl |= PL_EF_IMPLIED;
  }
  /* "French and Egyptian warships launched war games": a show of force
   * by two countries together is military cooperation between them */
  const char *jcode = NULL;
  if (x->cameo && !T.n && S.n >= 2 && !strcmp(code, "150") && !passive) {
    char c0[4] = "";
    for (int i = 0; i < S.n && !jcode; i++) {
      int32_t r = actor_of(doc, S.m[i]);
      const char *c = r >= 0 ? doc->ments.v[r].a.code : "";
      if (strlen(c) < 3) continue;
      if (!c0[0]) memcpy(c0, c, 3);
      else if (memcmp(c0, c, 3)) jcode = "062";
    }
  }
  /* "threatened on Monday to break relations with X": the infinitive
   * split from "threaten" by a phrase is the content of the threat */
  int threat_inf = x->cameo && at_head && (v->flags & PL_VG_INF) && g > 0 &&
                   doc->vgs.v[g - 1].sent == v->sent &&
                   streq(tk[doc->vgs.v[g - 1].head].lemma, "threaten") &&
                   !(doc->vgs.v[g - 1].flags & PL_VG_NEG);
  if (x->cameo && !T.n && S.n && !passive &&
      (root == 13 || threat_inf ||
       (at_head && v->first != v->head && streq(tk[v->first].lemma, "threaten")))) {
    agroup c;
    if (cond_target(x, v->hi, &c)) {
      /* not the threatener itself ("... if it is attacked") */
      for (int i = 0; i < c.n; i++) {
        int32_t r = actor_of(doc, c.m[i]);
        int self = r < 0;
        for (int j = 0; j < S.n && !self; j++) {
          int32_t q = actor_of(doc, S.m[j]);
          self = q >= 0 && !strcmp(doc->ments.v[q].a.code, doc->ments.v[r].a.code);
        }
        if (!self) ag_add(&T, c.m[i]);
      }
    }
  }
  parley_rc rc = PARLEY_OK;
  uint32_t nev0 = doc->events.n;
  for (int dir = 0; dir < 2 && !rc; dir++) {
    const char *cd = dir ? rcode : (jcode ? jcode : code);
    if (!cd[0]) continue;
    char c[6];
    cat2(c, sizeof c, "", cd);
    /* the recodings below know CAMEO; a validation context (only the
     * user's dictionaries, which may use WEIS or other codes) skips them */
    if (!x->cameo)
      ;
    else if ((at_head && v->first != v->head &&
              streq(tk[v->first].lemma, "threaten")) || threat_inf)
      threat_code(cd, c);
    else if (future && at_head && !(cd[0] == '0' && cd[1] == '3'))
      intent_code(cd, c);
    rc = emit_pairs(x, v->sent, c, dir ? &T : &S, dir ? &S : &T, vlo, vhi,
                    pat_text(x->vd, m), v->clo, v->chi, fl, future,
                    recip && (!x->cameo || reciprocal(c, &tk[v->head]) ||
                              (jcode && !dir)));
  }
  if (!rc && threat_inf && doc->events.n > nev0) {
    /* the bare "threatened" of the group before (130, no target) is
     * replaced by the specific threat */
    const pl_vgroup *pv = &doc->vgs.v[g - 1];
    uint32_t w = nev0, k = nev0;
    while (k > 0 && doc->events.v[k - 1].sent == v->sent) k--;
    w = k;
    for (uint32_t i = k; i < doc->events.n; i++) {
      const pl_event *e = &doc->events.v[i];
      if (i < nev0 && e->vtok >= pv->lo && e->vtok < pv->hi && e->tgt < 0 &&
          !strcmp(e->code, "130"))
        continue;
      if (w != i) doc->events.v[w] = *e;
      w++;
    }
    doc->events.n = w;
  }
  return rc;
}

static int code_must(mstate *x, uint32_t g, parley_rc *rc) {
  parley_doc *doc = x->doc;
  const pl_vgroup *v = &doc->vgs.v[g];
  const pl_token *tk = x->tk;
  if (!(v->flags & PL_VG_MODAL) || (v->flags & (PL_VG_NEG | PL_VG_INF)))
    return 0;
  int must = 0;
  for (uint32_t k = v->lo; k < v->hi; k++)
    if (tk[k].tag == PL_T_MD && streq(tk[k].lower, "must")) must = 1;
  if (!must) return 0;
  /* the speaker: a speech verb before the clause, or a speech tail after
   * it ("Israel must withdraw, Egypt said") */
  uint32_t sg = g ? g - 1 : g;
  const pl_vgroup *pv = &doc->vgs.v[sg];
  int tail = 0;
  if (g + 1 < doc->vgs.n && doc->vgs.v[g + 1].sent == v->sent &&
      (doc->vgs.v[g + 1].flags & PL_VG_SPEECH)) {
    const pl_vgroup *nv = &doc->vgs.v[g + 1];
    for (uint32_t k = v->hi; k < nv->lo; k++)
      if (streq(tk[k].lower, ",")) tail = 1;
    if (tail) {
      sg = g + 1;
      pv = nv;
    }
  }
  if (sg == g || pv->sent != v->sent) return 0;
  const char *pl = tk[pv->head].lemma;
  if (!(pv->flags & PL_VG_SPEECH) && !streq(pl, "conclude") &&
      !streq(pl, "warn") && !streq(pl, "declare"))
    return 0;
  if ((pv->flags & PL_VG_NEG) || (!tail && comp_clause(x, sg, g) == UINT32_MAX))
    return 0;
  agroup S, T;
  x->subj_event = 0;
  if (!subject_of(x, g, &T, 0) || !subject_of(x, sg, &S, 0)) return 0;
  /* the sub-code follows what is demanded: a meeting, aid, a retreat */
  const char *code = "100";
  match_t m;
  memset(&m, 0, sizeof m);
  x->passive = 0;
  x->relaxed = 0;
  x->skip_from = UINT32_MAX;
  x->lim = v->chi;
  x->lolim = v->clo;
  const char *c = match_at(x, v->head, 'v', &m) ? match_code(&m) : "";
  if (strlen(c) >= 3) {
    int root = (c[0] - '0') * 10 + (c[1] - '0');
    code = root == 4 ? "106" : !strcmp(c, "057") ? "107" : root == 6 ? "101"
         : root == 7 ? "103" : root == 8 ? "105" : "100";
  }
  mark_used(x, v->lo, v->hi, PL_U_USED);
  uint16_t fl = reported(doc, g) ? PL_EF_REPORTED : 0;
  *rc = emit_pairs(x, v->sent, code, &S, &T, v->lo, v->hi, "<speaker> ... + must",
                   pv->clo, v->chi, fl, 0, 0);
  return 1;
}

/* Nominal event heads not consumed by a verb pattern. */
static parley_rc code_nominal(mstate *x, uint32_t i) {
  parley_doc *doc = x->doc;
  const pl_token *tk = x->tk;
  if (x->used[i - x->t0] == PL_U_USED || !has_nform(x, i)) return PARLEY_OK;
  if (tk[i].syn & PL_SY_CDEL) return PARLEY_OK; /* comma_* clause */
  int covered = x->used[i - x->t0] == PL_U_COVER;
  /* the clause it sits in: the verb group before it (or after, for a
   * subject NP) */
  int32_t g = -1;
  for (uint32_t k = i; k-- > x->t0;)
    if (tk[k].vg >= 0) { g = tk[k].vg; break; }
  int32_t gnext = -1;
  for (uint32_t k = i + 1; k < x->t1; k++)
    if (tk[k].vg >= 0) { gnext = tk[k].vg; break; }
  uint32_t clo = x->t0, chi = x->t1;
  if (g >= 0) {
    const pl_vgroup *v = &doc->vgs.v[g];
    if (v->flags & PL_VG_NEG) return PARLEY_OK;
    clo = v->clo;
    chi = v->chi > i ? v->chi : x->t1;
  } else if (gnext >= 0) {
    chi = doc->vgs.v[gnext].lo;
  }
  x->passive = 0;
  x->relaxed = 0;
  x->skip_from = UINT32_MAX;
  x->lim = chi > i + 1 ? chi : x->t1;
  x->lolim = x->t0;
  match_t m;
  memset(&m, 0, sizeof m);
  if (!match_at(x, i, 'n', &m)) return PARLEY_OK;
  const char *code = match_code(&m);
  if (!code[0]) return PARLEY_OK;
  agroup S = m.src, T = m.tgt;
  uint32_t a, b;
  np_bounds(x, i, &a, &b);
  mark_used(x, i, i + 1, PL_U_USED);
  mark_lits(x, &m);
  if (!S.n) {
    /* premodifier actor: "Iran's missile attack", "Israeli strikes" */
    for (uint32_t k = i; k-- > a;)
      if (tk[k].ment >= 0 && ment_ok(doc, tk[k].ment)) {
        group_left(x, k, &S);
        break;
      }
    int32_t hm = S.n ? -1 : hyph_led_actor(x, a);
    if (hm >= 0) ag_add(&S, hm); /* "a Hamas-led attack" */
  }
  uint32_t pa = a;
  while (pa > x->t0 && (tk[pa - 1].flags & PL_TF_QUOTE)) pa--;
  if (!S.n && pa >= x->t0 + 2 && (streq(tk[pa - 1].lower, "in") ||
                                   streq(tk[pa - 1].lower, "into")) &&
      tk[pa - 2].vg >= 0) {
    /* "Egypt was in talks with Hamas", "entered into negotiations" */
    const char *l = tk[doc->vgs.v[tk[pa - 2].vg].head].lemma;
    if (streq(l, "be") || streq(l, "remain") || streq(l, "enter") ||
        streq(l, "engage") || streq(l, "join") || streq(l, "participate"))
      subject_of(x, (uint32_t)tk[pa - 2].vg, &S, 0);
  }
  if (!T.n) {
    /* "on/against/in X" right after the head (within a few tokens) */
    uint32_t e = m.end > i + 1 ? m.end : i + 1;
    for (uint32_t k = e; k < x->lim && k < e + 3; k++) {
      if (tk[k].chunk == PL_CH_PP) {
        if (streq(tk[k].lower, "on") || streq(tk[k].lower, "against") ||
            streq(tk[k].lower, "in") || streq(tk[k].lower, "into") ||
            streq(tk[k].lower, "of") || streq(tk[k].lower, "near")) {
          uint32_t q = k + 1;
          agroup t;
          if (target_after(x, q, q + 6 < x->lim ? q + 6 : x->lim, 1, 0, &t) &&
              t.lo <= q + 4) {
            T = t;
          }
        }
        break;
      }
    }
  }
  /* inside a coded verb's object, a nominal needs a source of its own:
   * "rejected talks with X" is the rejection only */
  if (covered && !S.n) return PARLEY_OK;
  if (!S.n && !T.n) return PARLEY_OK;
  /* a "by" agent: "the killing of X by Y" */
  if (!S.n || 1) {
    for (uint32_t k = m.end; k + 1 < x->lim && k < m.end + 6; k++)
      if (streq(tk[k].lower, "by")) {
        agroup s2;
        if (target_after(x, k + 1, k + 6 < x->lim ? k + 6 : x->lim, 1, 0,
                         &s2))
          S = s2;
        break;
      }
  }
  /* a cooperative event noun with no actor doing it ("an investigation
   * of arms sales to X") says nothing about who cooperates */
  if (x->cameo && !S.n && code[0] == '0') return PARLEY_OK;
  return emit_pairs(x, tk[i].sent, code, &S, &T, i, i + 1, pat_text(x->vd, &m),
                    clo, chi, PL_EF_NOMINAL, 0, 0);
}

/* "Israeli and U.S. delegations": the country adjective before the
 * conjunction shares the agent of the head ("ISR" -> "ISRGOV").  A new
 * mention (same tokens, composed code) replaces the adjective's. */
static parley_rc compose_adjectives(parley_doc *doc, uint32_t t0, uint32_t t1) {
  pl_token *tk = doc->toks.v;
  for (uint32_t i = t1; i-- > t0 + 1;) {
    if (!(tk[i].syn & PL_SY_CONJ) || tk[i - 1].ment < 0) continue;
    int32_t lm = tk[i - 1].ment;
    /* the head mention: the last mention of the NP after the conjunction */
    uint32_t r = i + 1;
    if (r < t1 && (tk[r].syn & PL_SY_CONJ)) r++;
    int32_t hm = -1;
    uint32_t k = r;
    for (; k < t1 && tk[k].chunk == PL_CH_NP; k++) {
      if (k > r && (tk[k].syn & PL_SY_NPSTART)) break;
      if (tk[k].ment >= 0) hm = tk[k].ment;
    }
    if (hm < 0 || hm == lm) continue;
    const pl_mention *L = &doc->ments.v[lm], *H = &doc->ments.v[hm];
    if (!(L->flags & PL_MF_ADJ) || L->tok + L->ntok != i) continue;
    if (H->tok + H->ntok != k) continue; /* the head noun is in the mention */
    const char *lc = L->a.code, *hc = H->a.code;
    if (!lc || !hc || strlen(lc) != 3 || strlen(hc) < 6 ||
        !memcmp(lc, hc, 3))
      continue;
    char *code = pl_alloc(&doc->arena, strlen(hc) + 1);
    pl_mention *nm = pl_vec_push(&doc->arena, &doc->ments);
    if (!code || !nm) return PARLEY_ENOMEM;
    L = &doc->ments.v[lm];
    memcpy(code, lc, 3);
    memcpy(code + 3, hc + 3, strlen(hc) - 2);
    *nm = *L;
    nm->a.code = code;
    nm->ante = -1;
    for (uint32_t q = nm->tok; q < nm->tok + nm->ntok; q++)
      tk[q].ment = (int32_t)(doc->ments.n - 1);
  }
  return PARLEY_OK;
}

/* Does verb group h (after g) stand inside g's verb phrase?  Not when a
 * clause boundary or a coordinating conjunction between them (other
 * than one joining noun phrases) starts a new phrase. */
static int nested_vg(const mstate *x, uint32_t g, uint32_t h) {
  const pl_vgroup *a = &x->doc->vgs.v[g], *b = &x->doc->vgs.v[h];
  const pl_token *tk = x->tk;
  /* a parse given with the article says it (parse.c) */
  int in = pl_tree_in_vp(x->doc, a->lo, b->head);
  if (in >= 0) return in;
  if (b->flags & PL_VG_COORD) return 0;
  /* a fronted subordinate clause ends at its comma: "After X attacked Y,
   * Z restored ties" - the main clause is not inside its phrase */
  int sub = a->clo > x->t0 && (tk[a->clo - 1].syn & PL_SY_COMP) &&
            a->clo - 1 < a->lo;
  for (uint32_t k = a->hi; k < b->lo; k++) {
    if (tk[k].syn & PL_SY_BOUND) return 0;
    if (sub && streq(tk[k].lower, ",")) return 0;
    if (!(tk[k].syn & PL_SY_CONJ) && (streq(tk[k].lower, "and") ||
        streq(tk[k].lower, "but") || streq(tk[k].lower, "or")))
      return 0;
  }
  return 1;
}

parley_rc pl_events_run(parley_doc *doc) {
  const pl_verbdict *vd = doc->ctx->verbs;
  if (!vd || (!vd->npats && !vd->nforms) || !doc->toks.n) return PARLEY_OK;
  mstate x;
  memset(&x, 0, sizeof x);
  x.supp_next = UINT32_MAX;
  x.supp_last = UINT32_MAX - 1;
  x.doc = doc;
  x.vd = vd;
  x.cameo = !(doc->ctx->flags & PL_CTX_NO_DEFAULTS);
  x.tk = doc->toks.v;
  uint32_t g = 0;
  for (uint32_t s = 0; s < doc->sents.n; s++) {
    const pl_sentence *se = &doc->sents.v[s];
    if (!se->ntok) continue;
    x.t0 = se->tok0;
    x.t1 = se->tok0 + se->ntok;
    /* the word ids and matcher memos are built only for sentences that
     * are coded (compose_adjectives changes mentions, not words) */
    int any_ment = 0;
    for (uint32_t i = x.t0; i < x.t1; i++)
      if (doc->toks.v[i].ment >= 0) {
        any_ment = 1;
        break;
      }
    if (compose_adjectives(doc, x.t0, x.t1)) return PARLEY_ENOMEM;
    while (g < doc->vgs.n && doc->vgs.v[g].sent < s) g++;
    if (!any_ment) continue; /* no actor: no event */
    /* a discard phrase (actors.c; story-level discards mark every
     * sentence): the sentence is out of scope, nothing is coded */
    if (se->flags & PL_SF_DISCARD) continue;
    uint32_t *tw = pl_alloc(&doc->arena, (size_t)se->ntok * 3 * sizeof *tw);
    uint8_t *used = pl_calloc(&doc->arena, se->ntok, 1);
    uint32_t *skipv = pl_alloc(&doc->arena, ((size_t)se->ntok + 1) * sizeof *skipv);
    uint32_t *skipg = pl_calloc(&doc->arena, (size_t)se->ntok + 1, sizeof *skipg);
    if (!tw || !used || !skipv || !skipg) return PARLEY_ENOMEM;
    /* word ids come on demand (twof); the sentence's form hashes now */
    memset(x.hbits, 0, sizeof x.hbits);
    const pl_token *tk = doc->toks.v + x.t0;
    uint64_t *hb = x.hbits;
    for (uint32_t i = 0; i < se->ntok; i++) {
      const pl_token *t = &tk[i];
      tw[3 * i] = TW_UNSET;
      hb[(t->hlow >> 6) & 63] |= 1ull << (t->hlow & 63);
      if (t->hlem != t->hlow) hb[(t->hlem >> 6) & 63] |= 1ull << (t->hlem & 63);
      if (t->hkey != t->hlow) hb[(t->hkey >> 6) & 63] |= 1ull << (t->hkey & 63);
    }
    x.tw = tw;
    x.lim_from[0] = x.lim_from[1] = UINT32_MAX;
    x.skipv = skipv;
    x.skipg = skipg;
    x.gen = 0;
    x.used = used;
    for (uint32_t k = g; k < doc->vgs.n && doc->vgs.v[k].sent == s; k++) {
      x.coded = 0;
      parley_rc rc = code_vg(&x, k);
      if (rc) return rc;
      /* PETRARCH codes a verb phrase once: the verbs inside a coded verb's
       * phrase (its infinitive and "that" complements, subordinate
       * clauses) are not coded again; a coordinated verb phrase is */
      if (x.coded && !x.cameo)
        while (k + 1 < doc->vgs.n && doc->vgs.v[k + 1].sent == s &&
               nested_vg(&x, k, k + 1))
          k++;
    }
    for (uint32_t i = x.t0; i < x.t1; i++) {
      const pl_token *t = &doc->toks.v[i];
      if (t->chunk != PL_CH_NP || !PL_IS_NOUN(t->tag)) continue;
      /* code_nominal's first test, here: most nouns head no pattern */
      if (x.used[i - x.t0] == PL_U_USED || !may_head(vd, t, 'n') ||
          !has_nform(&x, i))
        continue;
      parley_rc rc = code_nominal(&x, i);
      if (rc) return rc;
    }
  }
  return PARLEY_OK;
}
