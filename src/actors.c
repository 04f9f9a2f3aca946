/*
 * actors.c - stage: actor mentions from the actor dictionary (dict.h).
 *
 * Input: doc->toks (key, flags, tag), doc->sents, ctx->actors.  Output:
 * doc->ments in token order, tok->ment for every covered token, sentence
 * PL_SF_DISCARD flags.  No I/O; memory from doc->arena only.
 *
 * Per sentence, each token's key is looked up once in the word hash; the
 * scan then tries, at each uncovered token, the phrases starting with that
 * word (longest first).  Hyphen tokens are skipped inside phrases
 * ("Al-Thani" = "Al Thani"); a possessive token ends a phrase and sets
 * PL_MF_POSS.  Around a match the composition rules apply:
 *   [country|adjective|org] ['s] [modifiers] AGENT   -> country+agent code
 *       ("Egyptian security delegation" EGYSEC, "Qatar's prime minister"
 *       QATGOV); an organisation keeps its own code, which already names
 *       its sector ("Hamas leaders" PSEREBHMS);
 *   AGENT of [the] ACTOR                              -> the same;
 *   ... [title words] PERSON                          -> the person wins;
 *   ... singular AGENT/title + unknown Capitalised Name -> role (how=role);
 *   AGENT alone                                       -> empty code, agent
 *       segment kept in pl_mention.agent for coreference.
 * Outside dictionary phrases: pronouns (empty code, PL_MF_PRONOUN), a
 * one-edit near miss of a distinctive person token (how=fuzzy), and
 * unknown capitalised multiword names (empty code, how=unknown).
 * A person's code is chosen by the article date (most recent when the
 * date is unknown).
 */
#include "dict.h"
#include <ctype.h>
#include <stdlib.h>

#define WID_HYPHEN (PL_NOWORD - 1)
#define WID_NONE PL_NOWORD

/* In mctx.wc: a dictionary phrase may match from this token: its word
 * starts a phrase that needs no particular second word, or a phrase whose
 * second word is the next word token ("the" only before "united",
 * "hague"...).  Most tokens have neither ("the", "said", unknown words):
 * match_at and the scan reject them on this bit without touching the
 * phrase index. */
#define WC_START 0x80000000u

/* Phrase kind masks. */
#define KM(k) (1u << (k))
#define M_ALL (KM(PL_PK_NAME) | KM(PL_PK_ALIAS) | KM(PL_PK_ADJ) |           \
               KM(PL_PK_CAPITAL) | KM(PL_PK_NOUN) | KM(PL_PK_DISCARD))

typedef struct mctx {
  parley_doc *doc;
  const pl_actordict *d;
  const pl_token *T;
  uint32_t *wid;        /* word ids, indexed by token - s0 */
  uint32_t *wc;         /* their PL_WC_* classes | WC_START, same index:
                           read per try, so copied out of the dictionary's
                           word table once per token */
  uint32_t *cand;       /* for WC_START tokens, same index: the heads of
                           the two candidate chains of match_at (the
                           word's nexta chain, and the nextp chain of its
                           pair with the next word), set once per token */
  uint32_t s0, s1;      /* sentence token range */
  int32_t day;
  int tagged;           /* the tagger has a lexicon: trust tok->tag */
  char of_agent[24];    /* "ambassadors of Arnor, Osgiliath and Gondor";
                           "LEG/GOV" for a compound agent */
  uint32_t of_end;      /* end of that mention, UINT32_MAX none */
} mctx;

typedef struct hit {
  uint32_t ph;
  uint32_t end;
} hit;

/* ------------------------------------------------------------------ */
/* small word lists                                                    */


static const char *const pronouns[] = {"he", "him", "his", "she", "her",
                                       "hers", "it", "its", "they", "them",
                                       "their", "we", "our", "us", NULL};
static const char *const plural_pron[] = {"they", "them", "their", "we",
                                          "our", "us", NULL};

/* Words that open or sit inside a title before a name. */
static const char *const titles[] = {
    "director", "chief", "head", "commander", "spokesman", "spokeswoman",
    "spokesperson", "minister", "secretary", "general", "gen", "deputy",
    "envoy", "ambassador", "president", "leader", "chairman", "chairwoman",
    "chair", "speaker", "sheikh", "sheik", "emir", "king", "queen", "prince",
    "lt", "col", "maj", "brig", "capt", "adm", "mr", "mrs", "ms", "dr",
    "sen", "rep", "gov", "senator", "governor", "mayor", "judge", "officer",
    "coordinator", "negotiator", "adviser", "advisor", "representative",
    "commissioner", "counsel", "attorney", "premier", "chancellor",
    "foreign", "defense", "defence", "interior", "finance", "state",
    "national", "security", "intelligence", "political", "military",
    "senior", "top", "vice", "acting", "former", "prime", "special",
    "executive", "operations", "affairs", "staff", "of", NULL};

/* Modifiers allowed between a country/org and its agent noun. */
static const char *const modifiers[] = {
    "senior", "top", "former", "local", "new", "acting", "interim", "chief",
    "deputy", "visiting", "regional", "provincial", "federal", "national",
    "state", "ruling", "elite", "special", "foreign", "high", "ranking",
    "high-ranking", "leading", "key", "two", "three", "several", "many",
    "other", "some", "armed", "military", "political", "security",
    "intelligence", "government", "army", "navy", "police", "border",
    "naval", "ground", "occupation", "regime", "rebel", "militant",
    "islamist", "opposition", "defence", "defense", "health", "diplomatic",
    "civil", "official", "unnamed", "anonymous", "hardline", "moderate",
    "caretaker", "transitional", "outgoing", "incoming", "war", "emergency",
    "coalition", "backed", "allied", NULL};

/* Prepositions after which a capital city is a place, not an actor. */
static const char *const preps[] = {
    "in", "at", "to", "from", "into", "near", "outside", "inside", "across",
    "toward", "towards", "via", "around", "through", "within", "of",
    "between", "throughout", "off", "onto", "beyond", NULL};

static const char *const stopcaps[] = {
    "the", "a", "an", "in", "on", "at", "after", "before", "but", "and",
    "or", "this", "that", "these", "those", "when", "while", "as", "if",
    "for", "from", "with", "by", "of", "to", "since", "during", "under",
    "over", "however", "meanwhile", "earlier", "later", "last", "next",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "there", "here", "it", "he", "she", "they", "we", "i",
    "you", "his", "her", "their", "our", "its", "my", "your", "what", "who",
    "which", "where", "why", "how", "according", "asked", "also", "not",
    "no", "yes", "so", "then", "than", "all", "both", "each", "some", "any",
    "one", "two", "three", "many", "most", "more", "other", "such", "only",
    "just", "even", "still", "yet", "although", "though", "because", "until",
    "about", "into", "through", "between", "among", "against", "without",
    "within", "across", "despite", "following", "amid", "toward", "towards",
    "reuters", "ap", "afp", "said", "says", "breaking", "update", "news",
    NULL};

int pl_actors_classify(pl_actordict *d) {
  static const struct { const char *const *l; uint32_t c; } sets[] = {
      {pronouns, PL_WC_PRONOUN}, {plural_pron, PL_WC_PLPRON},
      {stopcaps, PL_WC_STOPCAP}, {titles, PL_WC_TITLE},
      {modifiers, PL_WC_MODIFIER}, {preps, PL_WC_PREP}};
  for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++)
    for (const char *const *w = sets[s].l; *w; w++) {
      uint32_t id = pl_dict_intern(d, *w);
      if (id == PL_NOWORD) return -1;
      d->words[id].cls |= sets[s].c;
    }
  return 0;
}

/* ------------------------------------------------------------------ */
/* matching                                                            */

/* 0 when the strings are equal (as !strcmp tests it): most keys the
 * matcher compares with a word differ in the first byte, which decides
 * without a call. */
static inline int kcmp(const char *k, const char *w) {
  return k[0] != w[0] || strcmp(k, w);
}

static int is_poss(const pl_token *t) { return (t->flags & PL_TF_POSS) != 0; }

static uint32_t wid(const mctx *mc, uint32_t i) { return mc->wid[i - mc->s0]; }

/* Word classes of token i (0 when its word is unknown), with WC_START:
 * callers test single PL_WC_* bits. */
static uint32_t wcls(const mctx *mc, uint32_t i) { return mc->wc[i - mc->s0]; }

/* No dictionary phrase starts with token i's word. */
static int no_start(const mctx *mc, uint32_t i) {
  return !(mc->wc[i - mc->s0] & WC_START);
}

/* Token i may stand inside a noun phrase between two words of a gapped
 * dictionary phrase: an adjective, noun or participle, no punctuation,
 * verb, preposition or conjunction. */
static int np_inner(const mctx *mc, uint32_t i) {
  const pl_token *t = &mc->T[i];
  if (!(t->flags & (PL_TF_WORD | PL_TF_NUM)) || is_poss(t)) return 0;
  if (wcls(mc, i) & (PL_WC_STOPCAP | PL_WC_PREP | PL_WC_PRONOUN)) return 0;
  if (!mc->tagged) return 1;
  return t->tag == PL_T_JJ || t->tag == PL_T_JJR || t->tag == PL_T_JJS ||
         t->tag == PL_T_NN || t->tag == PL_T_NNS || t->tag == PL_T_NNP ||
         t->tag == PL_T_VBN || t->tag == PL_T_VBG || t->tag == PL_T_CD;
}

/* Phrase p matches at token i (its first word is token i's word). */
static int phrase_at(const mctx *mc, uint32_t i, uint32_t p, hit *h,
                     unsigned mask) {
  const pl_actordict *d = mc->d;
  const pl_phrase *ph = &d->ph[p];
  const pl_token *t0 = &mc->T[i];
  if (!(mask & KM(ph->kind))) return 0;
  if ((ph->flags & PL_PF_CAP) && !(t0->flags & PL_TF_CAP)) return 0;
  if ((ph->flags & PL_PF_ALLCAP) &&
      !(t0->flags & (PL_TF_ALLCAP | PL_TF_ABBR)))
    return 0;
  uint32_t j = i + 1;
  uint32_t k = 1, skipped = 0;
  while (k < ph->n) {
    if (j >= mc->s1) break;
    uint32_t wj = wid(mc, j);
    if (wj == WID_HYPHEN) {
      j++;
      continue;
    }
    uint32_t pk = d->pw[ph->w0 + k];
    if (wj != PL_PW_ID(pk)) {
      /* "ITHILEN TELEVISION" matches "Ithilen state-run television":
       * a few modifiers of the same noun phrase may intervene */
      if ((pk & PL_PW_GAP) && skipped < 3 && np_inner(mc, j)) {
        skipped++;
        j++;
        continue;
      }
      break;
    }
    j++;
    k++;
  }
  if (k < ph->n) return 0;
  h->ph = p;
  h->end = j;
  return 1;
}

/* Longest phrase (kinds in mask) starting at token i: the first match in
 * the first word's list.  Through the index (dict.h) only the phrases
 * that can match are tried: those whose second word is the next word
 * token, and those the second word cannot rule out, merged in list
 * order, so the result is the same as walking the whole list. */
static int match_walk(const mctx *mc, uint32_t i, hit *h, unsigned mask) {
  const pl_actordict *d = mc->d;
  const uint32_t *c = &mc->cand[2 * (i - mc->s0)];
  uint32_t a = c[0], b = c[1];
  while (a != PL_NONE || b != PL_NONE) {
    uint32_t p;
    if (b == PL_NONE || (a != PL_NONE && d->ph[a].rank < d->ph[b].rank)) {
      p = a;
      a = d->ph[a].nexta;
    } else {
      p = b;
      b = d->ph[b].nextp;
    }
    if (phrase_at(mc, i, p, h, mask)) return 1;
  }
  return 0;
}

/* Most tries are at tokens where no phrase can start (the word after a
 * match, a title word): the test is inline, the walk a call. */
static inline int match_at(const mctx *mc, uint32_t i, hit *h, unsigned mask) {
  if (i >= mc->s1 || no_start(mc, i)) return 0;
  return match_walk(mc, i, h, mask);
}

static const pl_dentry *hit_ent(const mctx *mc, const hit *h) {
  return &mc->d->ent[mc->d->ph[h->ph].ent];
}

/* A capitalised word that can be part of an unknown name. */
static int name_tok_as(const mctx *mc, uint32_t i, int dict_ok) {
  if (i >= mc->s1) return 0;
  const pl_token *t = &mc->T[i];
  if (!(t->flags & PL_TF_WORD) || !(t->flags & PL_TF_CAP)) return 0;
  if (t->flags & PL_TF_POSS) return 0;
  if (wcls(mc, i) & PL_WC_STOPCAP) return 0;
  if (mc->tagged && !(t->tag == PL_T_NNP || t->tag == PL_T_NNPS ||
                      t->tag == PL_T_UNK || t->tag == PL_T_FW ||
                      t->tag == PL_T_NN))
    return 0;
  /* the start of a dictionary phrase is not an unknown name */
  hit h;
  if (!dict_ok && match_at(mc, i, &h, M_ALL)) return 0;
  return 1;
}

static int name_tok(const mctx *mc, uint32_t i) {
  return name_tok_as(mc, i, 0);
}

static inline int modifier_ok(const mctx *mc, uint32_t i) {
  const pl_token *t = &mc->T[i];
  if (!(t->flags & (PL_TF_WORD | PL_TF_NUM))) return 0;
  if (wcls(mc, i) & PL_WC_MODIFIER) return 1;
  if (mc->tagged)
    return t->tag == PL_T_JJ || t->tag == PL_T_JJS || t->tag == PL_T_JJR ||
           t->tag == PL_T_VBN || t->tag == PL_T_NN;
  return 0;
}

static inline int title_ok(const mctx *mc, uint32_t i) {
  const pl_token *t = &mc->T[i];
  if (!(t->flags & PL_TF_WORD) || !(wcls(mc, i) & PL_WC_TITLE)) return 0;
  /* "of" only inside a capitalised title ("Minister of Defence"), not
   * after a common noun ("the Bosnian town of Gorazde") */
  return kcmp(t->key, "of") ||
         (i + 1 < mc->s1 && (mc->T[i + 1].flags & PL_TF_CAP) && i > mc->s0 &&
          (mc->T[i - 1].flags & PL_TF_CAP) &&
          (wcls(mc, i - 1) & PL_WC_TITLE));
}

/* A capital stands for its government when it acts ("Doha said",
 * "Washington's stance", "Doha" alone): 2.  As an object or after a
 * preposition it names the country ("visited Tehran", "talks in Cairo"):
 * 1.  Qualified by a region ("Paris, Texas") it is only a place: 0. */
static int metonym_kind(const mctx *mc, uint32_t i, uint32_t end) {
  if (end + 1 < mc->s1 && mc->T[end].key[0] == ',' && !mc->T[end].key[1] &&
      (mc->T[end + 1].flags & PL_TF_CAP) &&
      !(wcls(mc, end + 1) & PL_WC_STOPCAP) && wid(mc, end + 1) == WID_NONE)
    return 0;
  if (i > mc->s0) {
    uint32_t p = i - 1;
    if (p > mc->s0 && !kcmp(mc->T[p].key, "the")) p--;
    if (wcls(mc, p) & PL_WC_PREP) return 1;
  }
  if (end >= mc->s1) return 2;
  const pl_token *n = &mc->T[end];
  if (n->flags & PL_TF_POSS) return 2;
  if (!mc->tagged) return 2;
  if (PL_IS_VERB(n->tag) || n->tag == PL_T_MD) return 2;
  if ((n->flags & PL_TF_PUNCT) && end + 1 >= mc->s1) return 2;
  /* "Washington, which ...", "Doha and Cairo said": look one step on */
  if (n->key[0] == ',' || !kcmp(n->key, "and")) return 1;
  return 1;
}

/* Token k is a common noun that heads a compound after an agent noun
 * ("drone strike", "army radio"), not a person word ("security sources"). */
static int compound_head(const mctx *mc, uint32_t k) {
  static const char *const keep[] = {"source", "sources", "member",
                                     "members", "unit", "units", "wing",
                                     "team", "teams", "personnel", "staff",
                                     "group", "groups",
                                     /* "officials today said": a time
                                      * noun after the agent, no compound */
                                     "today", "yesterday", "tonight",
                                     "tomorrow", NULL};
  if (!mc->tagged || k >= mc->s1) return 0;
  const pl_token *t = &mc->T[k];
  if (t->tag != PL_T_NN && t->tag != PL_T_NNS) return 0;
  if (t->flags & PL_TF_CAP) return 0;
  if (wcls(mc, k) & (PL_WC_TITLE | PL_WC_PRONOUN)) return 0;
  for (const char *const *w = keep; *w; w++)
    if (!kcmp(t->key, *w)) return 0;
  hit h;
  return !match_at(mc, k, &h, M_ALL);
}

/* "the embassy in Tehran", "peacekeepers in Iraq", "foreign troops in
 * Syria": agents [a,b) that stand in a country without belonging to it;
 * "in" gives them no country ("of"/"from" still do). */
static int foreign_in(const mctx *mc, uint32_t a, uint32_t b) {
  static const char *const away[] = {
      "embassy", "embassies", "consulate", "consulates", "mission",
      "missions", "peacekeeper", "peacekeepers", "peacekeeping", "envoy",
      "envoys", "ambassador", "ambassadors", "correspondent",
      "correspondents", "foreign", "international", "visiting", NULL};
  uint32_t lo = a > mc->s0 ? a - 1 : a;
  for (uint32_t k = lo; k < b; k++)
    for (const char *const *w = away; *w; w++)
      if (!kcmp(mc->T[k].key, *w)) return 1;
  return 0;
}

/* Token i is a preposition that ties an agent to the actor after it. */
static int of_prep(const mctx *mc, uint32_t i) {
  const char *k = mc->T[i].key;
  return !kcmp(k, "of") || !kcmp(k, "from") || !kcmp(k, "in");
}

/* ------------------------------------------------------------------ */
/* resolution                                                          */

typedef struct res {
  const char *code;
  const char *name;
  uint8_t how;
  uint16_t flags;
  char agent[8];
  uint32_t end;            /* exclusive */
  const char *base_code;   /* country code agents compose with, or NULL */
  int composed;
  int former;              /* "former ...": the agent becomes ELI */
  int pre_only;            /* only a prefix agent ("NGO~") applied so far */
  int of_country;          /* "AGENT of COUNTRY": agent for coordination */
  int petr;                /* PETRARCH entries: codes compose by mix_code */
  char alist[24];          /* agents shared over "and" ("LEG/GOV"), or "" */
  int absorbed;            /* a later actor of the phrase was taken in */
  const char *stem;        /* the code before its last agent ("DNKMUS" of
                              "Danish Islamist media"), or NULL */
  uint32_t hph, hend;      /* the dictionary phrase matched at the start */
} res;

static const char *cat_code(parley_doc *doc, const char *a, const char *b) {
  size_t na = strlen(a), nb = strlen(b);
  char *p = pl_alloc(&doc->arena, na + nb + 1);
  if (!p) return "";
  memcpy(p, a, na);
  memcpy(p + na, b, nb);
  p[na + nb] = 0;
  return p;
}

/* PETRARCH's composition of an actor code with an agent code: the agent
 * is appended (a prefix agent, "NGO~", put in front) unless the code holds
 * it already at a 3-letter boundary ("GMWGOV" + "WGO" = "GMWGOVWGO",
 * "GMWGOV" + "GOV" = "GMWGOV").  base may list several codes ("A/B"):
 * each is composed. */
static const char *mix_code(parley_doc *doc, const char *base, const char *ag,
                            int prefix) {
  size_t nb = strlen(base), na = strlen(ag);
  if (!na) return base;
  char *o = pl_alloc(&doc->arena, nb + (nb + 1) * na + 1);
  if (!o) return base;
  size_t n = 0;
  const char *p = base;
  for (;;) {
    size_t len = strcspn(p, "/");
    int has = 0;
    for (size_t k = 0; k + na <= len; k += 3)
      if (!memcmp(p + k, ag, na)) has = 1;
    if (!has && prefix) {
      memcpy(o + n, ag, na);
      n += na;
    }
    memcpy(o + n, p, len);
    n += len;
    if (!has && !prefix) {
      memcpy(o + n, ag, na);
      n += na;
    }
    p += len;
    if (*p != '/') break;
    o[n++] = '/';
    p++;
  }
  o[n] = 0;
  return o;
}

/* base composed with each agent of a '/' list ("LEG/GOV"), joined by '/':
 * "lawmakers and officials in Fornost" = "FORLEG/FORGOV". */
static const char *mix_list(parley_doc *doc, const char *base,
                            const char *ags, int prefix) {
  if (!strchr(ags, '/')) return mix_code(doc, base, ags, prefix);
  const char *out = NULL;
  char one[8];
  for (const char *p = ags; *p;) {
    size_t len = strcspn(p, "/");
    if (len && len < sizeof one) {
      memcpy(one, p, len);
      one[len] = 0;
      const char *c = mix_code(doc, base, one, prefix);
      out = out ? cat_code(doc, cat_code(doc, out, "/"), c) : c;
    }
    p += len;
    if (*p == '/') p++;
  }
  return out ? out : base;
}

static void set_agent(res *r, const char *code) {
  size_t n = strlen(code);
  if (n > sizeof r->agent - 1) n = sizeof r->agent - 1;
  memcpy(r->agent, code, n);
  r->agent[n] = 0;
}

static void apply_agent(mctx *mc, res *r, const pl_dentry *a,
                        const pl_phrase *ap) {
  /* a former office holder is an elite, whatever the office */
  const char *ac = r->former && !a->prefix ? "ELI" : a->code;
  if (!r->agent[0] || r->pre_only) set_agent(r, ac);
  if (ap->flags & PL_PF_PLURAL) r->flags |= PL_MF_PLURAL;
  else r->flags &= (uint16_t)~PL_MF_PLURAL;
  if (r->composed && r->pre_only && !a->prefix) {
    /* "MSF Arnor diplomat": prefix + country + agent */
    r->code = cat_code(mc->doc, r->code, ac);
    r->pre_only = 0;
    return;
  }
  if (r->composed) {
    /* "Israeli military spokesman": the first agent names the sector;
     * PETRARCH dictionaries join every agent of the phrase
     * ("West German world government" GMWGOV + WGO) */
    if (a->petr && r->petr && r->code && r->code[0] && !r->former) {
      r->stem = r->code;
      r->code = mix_code(mc->doc, r->code, ac, a->prefix);
    }
    return;
  }
  if (r->base_code) {
    r->stem = r->base_code;
    r->code = r->petr ? mix_code(mc->doc, r->base_code, ac, a->prefix)
              : a->prefix ? cat_code(mc->doc, ac, r->base_code)
                          : cat_code(mc->doc, r->base_code, ac);
    r->composed = 1;
    r->name = NULL;
  } else if (!r->code || !r->code[0]) {
    r->code = "";
  }
  r->composed = 1;
  r->how = PL_HOW_AGENT;
  r->flags &= (uint16_t)~(PL_MF_COUNTRY | PL_MF_ADJ);
}

static void set_person(mctx *mc, res *r, const hit *h) {
  const pl_dentry *e = hit_ent(mc, h);
  const pl_phrase *p = &mc->d->ph[h->ph];
  r->code = pl_dict_code(mc->d, e, mc->day, NULL);
  r->name = e->name;
  r->how = p->kind == PL_PK_NAME ? PL_HOW_EXACT : PL_HOW_SYNONYM;
  r->flags = PL_MF_PERSON;
  r->end = h->end;
}

/* After a base or agent ending at r->end: more agents, title words, then
 * a known person (wins) or an unknown name (role). */
/* Token k, after a first name, is a surname spelt like a one-word agent
 * title ("Defence Secretary Tom King", "Lord Bishop"): capitalised, a
 * single-word agent phrase, no capitalised word after it. */
static int agent_surname(const mctx *mc, uint32_t k) {
  if (k >= mc->s1) return 0;
  const pl_token *t = &mc->T[k];
  if (!(t->flags & PL_TF_CAP) || (t->flags & (PL_TF_ALLCAP | PL_TF_POSS)) ||
      !(t->flags & PL_TF_WORD))
    return 0;
  hit h;
  if (!match_at(mc, k, &h, M_ALL) || h.end != k + 1 ||
      hit_ent(mc, &h)->kind != PL_EK_AGENT)
    return 0;
  return k + 1 >= mc->s1 || !(mc->T[k + 1].flags & PL_TF_CAP);
}

/* Tokens [a,b) are only adjectives or a possessive marker. */
static int adj_gap(const mctx *mc, uint32_t a, uint32_t b) {
  if (!mc->tagged) return 0;
  for (uint32_t k = a; k < b; k++) {
    const pl_token *t = &mc->T[k];
    if (is_poss(t) || t->tag == PL_T_POS) continue;
    if (t->tag != PL_T_JJ && t->tag != PL_T_JJR && t->tag != PL_T_JJS)
      return 0;
  }
  return 1;
}

static void tail(mctx *mc, res *r, uint32_t j, int titled) {
  uint32_t steps = 0;
  while (j < mc->s1 && steps < 6) {
    steps++;
    if (wid(mc, j) == WID_HYPHEN) {
      j++;
      continue;
    }
    hit h;
    if (match_at(mc, j, &h, M_ALL)) {
      const pl_dentry *e = hit_ent(mc, &h);
      if (e->kind == PL_EK_AGENT) {
        apply_agent(mc, r, e, &mc->d->ph[h.ph]);
        titled = !(mc->d->ph[h.ph].flags & PL_PF_PLURAL);
        r->end = h.end;
        j = h.end;
        continue;
      }
      /* imported files have no person records: a dated actor entry
       * after a title is a person too ("President Hamid Karzai") */
      if ((e->kind == PL_EK_PERSON || (e->kind == PL_EK_ACTOR && e->ndc)) &&
          titled) {
        /* "Sheikh Mohammed bin Abdulrahman bin Jassim Al Thani": a longer
         * name of the same person starting inside wins */
        hit h1;
        for (uint32_t k = j + 1; k < h.end; k++)
          if (match_at(mc, k, &h1, M_ALL) && h1.end > h.end &&
              hit_ent(mc, &h1) == e)
            h.end = h1.end;
        set_person(mc, r, &h);
        return;
      }
      /* "Bree Prime Minister Romendacil" where the name is filed under
       * the same country: the name joins the titled mention */
      if (titled && r->composed && r->code && r->code[0] &&
          (e->kind == PL_EK_COUNTRY || e->kind == PL_EK_ACTOR) &&
          mc->d->ph[h.ph].kind != PL_PK_ADJ &&
          mc->d->ph[h.ph].kind != PL_PK_CAPITAL) {
        r->end = h.end;
        return;
      }
      /* PETRARCH: the first actor of a noun phrase gives its code; a later
       * one behind only adjectives or a possessive ("Arnor's Elrond", "the
       * evil Arnor awful Gondor") is taken in without changing it */
      if (r->petr && e->petr && !titled && r->code && r->code[0] &&
          (e->kind == PL_EK_COUNTRY || e->kind == PL_EK_ACTOR) &&
          adj_gap(mc, r->end, j)) {
        r->end = h.end;
        r->absorbed = 1;
        j = h.end;
        continue;
      }
      break;
    }
    if (title_ok(mc, j)) {
      if (!kcmp(mc->T[j].key, "former")) r->former = 1;
      else titled = 1;
      j++;
      continue;
    }
    if (!r->composed && modifier_ok(mc, j)) {
      if (!kcmp(mc->T[j].key, "former")) r->former = 1;
      j++;
      /* "awful and evil minister": coordinated modifiers */
      if (j + 1 < mc->s1 && !kcmp(mc->T[j].key, "and") &&
          modifier_ok(mc, j + 1))
        j++;
      continue;
    }
    break;
  }
  if (!titled) return;
  /* unknown capitalised name after a title: it takes the role's code */
  uint32_t k = j, nn = 0;
  while (nn < 4 && (name_tok(mc, k) || (nn && agent_surname(mc, k)))) {
    k++;
    nn++;
    while (k < mc->s1 && wid(mc, k) == WID_HYPHEN && name_tok(mc, k + 1)) k++;
  }
  if (!nn) return;
  r->end = k;
  r->how = PL_HOW_ROLE;
  r->name = NULL;
  r->flags = (uint16_t)((r->flags & PL_MF_POSS) | PL_MF_PERSON);
}

/* PETRARCH reads a noun phrase with its "of"/"between" attachments as one
 * named entity whose first actor is its code: "X centre of a row between
 * Y" is X.  An actor of a PETRARCH dictionary takes in a later one reached
 * over nouns, adjectives, determiners and those prepositions only. */
static void np_chain(mctx *mc, res *r) {
  uint32_t k = r->end;
  int prep = 0;
  for (uint32_t n = 0; k < mc->s1 && n < 8; n++, k++) {
    const pl_token *t = &mc->T[k];
    if (!mc->tagged) return;
    if (!kcmp(t->key, "of") || !kcmp(t->key, "between")) {
      prep = 1;
      continue;
    }
    if (t->tag != PL_T_NN && t->tag != PL_T_NNS && t->tag != PL_T_JJ &&
        t->tag != PL_T_DT)
      break;
    hit h;
    if (match_at(mc, k, &h, M_ALL)) return; /* an agent or another name */
  }
  hit h;
  if (!prep || k >= mc->s1 || k == r->end || !match_at(mc, k, &h, M_ALL))
    return;
  const pl_dentry *e = hit_ent(mc, &h);
  if (!e->petr || (e->kind != PL_EK_COUNTRY && e->kind != PL_EK_ACTOR)) return;
  r->end = h.end;
}

/* A run of up to four unknown capitalised words from token j that ends in
 * an institution word or a capitalised agent phrase ("Anti-Corruption
 * Commission", "Revenue Authority").  Sets *end after it and *ah to the
 * agent phrase (ah->ph == PL_NONE when the last word is no agent). */
static int institution_run(const mctx *mc, uint32_t j, uint32_t *end,
                           hit *ah) {
  static const char *const inst[] = {
      "commission", "service", "services", "authority", "agency", "council",
      "board", "bureau", "office", "institute", "corporation", "company",
      "bank", "court", "tribunal", "party", "front", "movement", "union",
      "federation", "association", "committee", "force", "forces", "police",
      "army", "navy", "guard", "ministry", "department", "directorate",
      "airways", "airlines", "television", "radio", "broadcasting", NULL};
  ah->ph = PL_NONE;
  uint32_t k = j, nn = 0;
  while (k < mc->s1 && nn < 5) {
    if (wid(mc, k) == WID_HYPHEN) {
      k++;
      continue;
    }
    const pl_token *t = &mc->T[k];
    if (!(t->flags & PL_TF_CAP) || !(t->flags & PL_TF_WORD)) return 0;
    if (nn && match_at(mc, k, ah, M_ALL)) {
      if (hit_ent(mc, ah)->kind != PL_EK_AGENT) return 0;
      *end = ah->end;
      return 1;
    }
    ah->ph = PL_NONE;
    for (const char *const *w = inst; *w; w++)
      if (nn && !kcmp(t->key, *w)) {
        *end = k + 1;
        return 1;
      }
    if (!name_tok_as(mc, k, 1)) return 0;
    k++;
    nn++;
  }
  return 0;
}

/* The mention starting at token i, or r->end == i when none. */
static void resolve(mctx *mc, uint32_t i, res *r, int depth) {
  hit h;
  if (!match_at(mc, i, &h, M_ALL)) {
    /* no mention: callers read only end (and hph/hend) then */
    r->end = i;
    r->hph = r->hend = 0;
    return;
  }
  memset(r, 0, sizeof *r);
  r->end = i;
  r->hph = h.ph;
  r->hend = h.end;
  if (i > mc->s0 && (!kcmp(mc->T[i - 1].key, "former") ||
                     !kcmp(mc->T[i - 1].key, "ex")))
    r->former = 1;
  const pl_dentry *e = hit_ent(mc, &h);
  const pl_phrase *p = &mc->d->ph[h.ph];
  r->end = h.end;
  switch (e->kind) {
  case PL_EK_DISCARD:
    return;
  case PL_EK_PERSON:
    set_person(mc, r, &h);
    return;
  case PL_EK_AGENT: {
    r->petr = e->petr;
    apply_agent(mc, r, e, p);
    r->composed = 0; /* an "of" phrase may still give it a country */
    uint32_t j = h.end, jp = h.end;
    /* "lawmakers and officials in Kenya": a second bare agent before the
     * preposition shares its actor (one code per agent) */
    hit h5;
    if (depth == 0 && j + 2 < mc->s1 && !e->prefix &&
        (!kcmp(mc->T[j].key, "and") || !kcmp(mc->T[j].key, "or")) &&
        match_at(mc, j + 1, &h5, M_ALL) &&
        hit_ent(mc, &h5)->kind == PL_EK_AGENT && !hit_ent(mc, &h5)->prefix &&
        h5.end + 1 < mc->s1 && of_prep(mc, h5.end) &&
        kcmp(hit_ent(mc, &h5)->code, r->agent)) {
      size_t n1 = strlen(r->agent), n2 = strlen(hit_ent(mc, &h5)->code);
      if (n1 + n2 + 2 <= sizeof r->alist) {
        memcpy(r->alist, r->agent, n1);
        r->alist[n1] = '/';
        memcpy(r->alist + n1 + 1, hit_ent(mc, &h5)->code, n2 + 1);
        jp = h5.end;
      }
    }
    /* AGENT of|from|in [the] ACTOR: "soldiers from Chad", "lawmakers in
     * Kenya", "the ambassador of Egypt" */
    if (depth == 0 && jp + 1 < mc->s1 && of_prep(mc, jp) &&
        !(kcmp(mc->T[jp].key, "in") == 0 && foreign_in(mc, i, jp))) {
      j = jp;
      uint32_t k = j + 1;
      if (k < mc->s1 && !kcmp(mc->T[k].key, "the")) k++;
      hit h2;
      if (match_at(mc, k, &h2, M_ALL)) {
        const pl_dentry *e2 = hit_ent(mc, &h2);
        /* "from"/"in" an organisation of the built-in dictionaries is
         * left to its own mention ("militants from Hamas": a name, not a
         * place); PETRARCH ties any actor ("officials in White House") */
        if (e2->kind == PL_EK_COUNTRY ||
            (e2->kind == PL_EK_ACTOR &&
             (e2->petr || !kcmp(mc->T[j].key, "of")))) {
          res in;
          resolve(mc, k, &in, depth + 1);
          if (in.end > k && in.code && in.code[0]) {
            if (!in.composed && in.base_code) {
              const char *ac = r->former ? "ELI" : e->code;
              if (r->alist[0] && !r->former) ac = r->alist;
              r->code = mix_list(mc->doc, in.base_code, ac, e->prefix);
              r->of_country = !e->prefix;
            } else {
              r->code = in.code;
              if (in.agent[0]) set_agent(r, in.agent);
            }
            r->name = in.how == PL_HOW_AGENT ? NULL : in.name;
            r->how = PL_HOW_AGENT;
            if (in.flags & PL_MF_PERSON) {
              r->flags = in.flags;
              r->how = in.how;
              r->name = in.name;
            }
            r->end = in.end;
            r->composed = 1;
            return;
          }
        }
      }
    }
    r->alist[0] = 0;
    /* prefix agent + country: "MSF Arnor (diplomat)" -> NGOARN(GOV) */
    hit h4;
    if (depth == 0 && e->prefix && match_at(mc, j, &h4, M_ALL) &&
        hit_ent(mc, &h4)->kind == PL_EK_COUNTRY &&
        mc->d->ph[h4.ph].kind != PL_PK_CAPITAL) {
      const pl_dentry *c = hit_ent(mc, &h4);
      const char *cc = c->ndc ? pl_dict_code(mc->d, c, mc->day, NULL)
                              : c->code;
      r->code = cat_code(mc->doc, e->code, cc);
      r->composed = 1;
      r->pre_only = 1;
      r->end = h4.end;
      tail(mc, r, h4.end, 0);
      r->pre_only = 0;
      return;
    }
    /* AGENT + plural demonym: "displaced Palestinians" */
    hit h3;
    if (depth == 0 && match_at(mc, j, &h3, KM(PL_PK_ADJ)) &&
        (mc->d->ph[h3.ph].flags & PL_PF_PLURAL) &&
        hit_ent(mc, &h3)->kind == PL_EK_COUNTRY) {
      const pl_dentry *c = hit_ent(mc, &h3);
      r->code = e->prefix ? cat_code(mc->doc, e->code, c->code)
                          : cat_code(mc->doc, c->code, e->code);
      r->flags |= PL_MF_PLURAL;
      r->end = h3.end;
      r->composed = 1;
      return;
    }
    r->composed = 0;
    tail(mc, r, h.end, !(p->flags & PL_PF_PLURAL));
    if (r->how == PL_HOW_AGENT && !r->composed) r->composed = 1;
    return;
  }
  default: /* country or organisation */
    break;
  }
  r->name = e->name;
  r->petr = e->petr;
  if (e->kind == PL_EK_COUNTRY) {
    /* imported country records may carry dated codes too */
    r->base_code = e->ndc ? pl_dict_code(mc->d, e, mc->day, NULL) : e->code;
    r->code = r->base_code;
    r->flags = PL_MF_COUNTRY;
    switch (p->kind) {
    case PL_PK_ADJ:
      r->how = PL_HOW_ADJECTIVE;
      r->flags |= PL_MF_ADJ;
      if (p->flags & PL_PF_PLURAL) r->flags |= PL_MF_PLURAL;
      break;
    case PL_PK_CAPITAL: {
      int mk = metonym_kind(mc, i, h.end);
      if (!mk) { /* "Paris, Texas": a place only */
        r->end = i;
        return;
      }
      r->how = PL_HOW_METONYM;
      if (mk == 2) {
        r->code = cat_code(mc->doc, r->base_code, "GOV");
        r->flags = 0;
      }
      break;
    }
    case PL_PK_NAME: r->how = PL_HOW_EXACT; break;
    default: r->how = PL_HOW_SYNONYM; break;
    }
  } else {
    r->code = pl_dict_code(mc->d, e, mc->day, NULL);
    r->how = p->kind == PL_PK_NAME ? PL_HOW_EXACT : PL_HOW_SYNONYM;
    /* an organisation keeps its own code ("Hamas leaders"), except in
     * PETRARCH dictionaries, whose agents join any actor code */
    if (strlen(r->code) == 3 || (e->petr && r->code[0]))
      r->base_code = r->code;
  }
  /* "Amal Nasser", "Jordan Bardella": a one-word name followed by an
   * unknown capitalised word is a person's name, not the organisation */
  if (p->n == 1 && p->kind != PL_PK_ADJ && h.end < mc->s1 &&
      !(mc->T[i].flags & PL_TF_ALLCAP) && name_tok(mc, h.end)) {
    /* ... unless the capitalised words end in an institution: "Kenya
     * Anti-Corruption Commission", "Uganda Revenue Authority" belong to
     * the country (with the agent their last word names) */
    hit ah;
    uint32_t iend;
    if (e->kind == PL_EK_COUNTRY &&
        (p->kind == PL_PK_NAME || p->kind == PL_PK_ALIAS) &&
        institution_run(mc, h.end, &iend, &ah)) {
      r->end = iend;
      if (ah.ph != PL_NONE) {
        apply_agent(mc, r, hit_ent(mc, &ah), &mc->d->ph[ah.ph]);
        r->end = iend;
      }
      return;
    }
    r->end = i;
    return;
  }
  uint32_t j = h.end;
  if (j < mc->s1 && is_poss(&mc->T[j])) j++;
  res save = *r;
  tail(mc, r, j, 0);
  if (!r->composed && r->how != PL_HOW_ROLE && !(r->flags & PL_MF_PERSON)) {
    /* nothing joined: the bare base (with any actor it took in) */
    uint32_t end = r->absorbed ? r->end : h.end;
    *r = save;
    r->end = end;
  } else if (r->composed && r->how == PL_HOW_AGENT && r->base_code &&
             !r->petr && compound_head(mc, r->end)) {
    /* "an Israeli drone strike": the agent noun only modifies the head
     * noun that follows; the country is the actor */
    *r = save;
    r->end = h.end;
  }
  if (r->petr && depth == 0) np_chain(mc, r);
}

/* ------------------------------------------------------------------ */
/* the stage                                                           */

static int32_t doc_day(const parley_doc *doc) {
  const pl_date *d = &doc->date;
  if (!d->y || d->prec == PL_PREC_NONE) return PL_DAY_MIN;
  int m = d->m ? d->m : 7, dd = d->d ? d->d : (d->m ? 15 : 1);
  if (!pl_date_valid(d->y, m, dd)) return PL_DAY_MIN;
  return (int32_t)pl_date_days(d->y, m, dd);
}

static parley_doc *doc_of(mctx *mc) { return mc->doc; }

/* With a Penn parse: does it make the nouns around "and" (tokens a and b)
 * heads of two separate noun phrases ("(NP the Danish media) and (NP
 * government)")?  Then the first phrase's modifiers are not shared with
 * the second; a flat "(NP Danish media and government)" shares them.
 * 0 without a parse or when a word is not aligned with it. */
static int parse_splits_conjuncts(const parley_doc *doc, uint32_t a,
                                  uint32_t b) {
  if (!doc->pnodes || !doc->pleaf) return 0;
  int32_t la = doc->pleaf[a], lb = doc->pleaf[b];
  if (la < 0 || lb < 0) return 0;
  int32_t pa = doc->pnodes[la].parent, pb = doc->pnodes[lb].parent;
  return pa >= 0 && pb >= 0 && pa != pb &&
         doc->pnodes[pa].label == PL_PN_NP &&
         doc->pnodes[pb].label == PL_PN_NP;
}

static int emit(mctx *mc, uint32_t sent, uint32_t i, const res *r) {
  parley_doc *doc = mc->doc;
  pl_mention *m = pl_vec_push(&doc->arena, &doc->ments);
  if (!m) return -1;
  uint32_t mi = doc->ments.n - 1;
  m->sent = sent;
  m->tok = i;
  m->ntok = r->end - i;
  m->a.code = r->code ? r->code : "";
  m->a.name = r->name;
  m->a.how = r->how;
  m->ante = -1;
  m->flags = r->flags;
  memcpy(m->agent, r->agent, sizeof m->agent);
  if (r->end < mc->s1 && is_poss(&mc->T[r->end])) m->flags |= PL_MF_POSS;
  pl_token *tv = doc->toks.v; /* a local: the stores would reload it */
  for (uint32_t k = i, e = r->end; k < e; k++) tv[k].ment = (int32_t)mi;
  return 0;
}

/* "Israeli and American negotiators": a bare country or demonym joined
 * by "and"/"or"/"," to a composed country+agent takes the same agent. */
static void coordinate(mctx *mc, res *r) {
  if (r->composed || !r->base_code || !(r->flags & PL_MF_COUNTRY)) return;
  uint32_t k = r->end;
  if (k + 1 >= mc->s1) return;
  const char *c = mc->T[k].key;
  if (kcmp(c, "and") && kcmp(c, "or") && kcmp(c, ",")) return;
  res r2;
  resolve(mc, k + 1, &r2, 1);
  if (r2.end <= k + 1 || !r2.composed || !r2.base_code || !r2.agent[0] ||
      r2.how != PL_HOW_AGENT)
    return;
  r->code = cat_code(mc->doc, r->base_code, r2.agent);
  memcpy(r->agent, r2.agent, sizeof r->agent);
  r->how = PL_HOW_AGENT;
  r->name = NULL;
  r->flags = (uint16_t)((r->flags & ~(PL_MF_COUNTRY | PL_MF_ADJ)) |
                        (r2.flags & PL_MF_PLURAL));
  r->composed = 1;
}

/* "the ambassadors of Arnor, Osgiliath and Gondor": countries listed
 * after an "AGENT of COUNTRY" mention take the same agent. */
static void of_coordinate(mctx *mc, uint32_t i, res *r) {
  if (r->of_country) {
    const char *src = r->alist[0] ? r->alist : r->agent;
    size_t n = strlen(src);
    if (n >= sizeof mc->of_agent) n = sizeof mc->of_agent - 1;
    memcpy(mc->of_agent, src, n);
    mc->of_agent[n] = 0;
    mc->of_end = r->end;
    return;
  }
  if (mc->of_end == UINT32_MAX || mc->of_end >= i || r->composed ||
      !r->base_code || !(r->flags & PL_MF_COUNTRY)) {
    mc->of_end = UINT32_MAX;
    return;
  }
  for (uint32_t k = mc->of_end; k < i; k++) {
    const char *c = mc->T[k].key;
    if (kcmp(c, ",") && kcmp(c, "and") && kcmp(c, "or")) {
      mc->of_end = UINT32_MAX;
      return;
    }
  }
  r->code = mix_list(mc->doc, r->base_code, mc->of_agent, 0);
  set_agent(r, mc->of_agent);
  if (strchr(r->agent, '/')) *strchr(r->agent, '/') = 0;
  r->how = PL_HOW_AGENT;
  r->name = NULL;
  r->flags &= (uint16_t)~(PL_MF_COUNTRY | PL_MF_ADJ);
  r->composed = 1;
  mc->of_end = r->end;
}

/* "Amal Nasser, an Egyptian intelligence official,": an unknown name
 * followed by an appositive role takes the role's code. */
static void apposition(mctx *mc, res *r) {
  uint32_t k = r->end;
  if (k + 2 >= mc->s1 || kcmp(mc->T[k].key, ",")) return;
  k++;
  if (!kcmp(mc->T[k].key, "a") || !kcmp(mc->T[k].key, "an") ||
      !kcmp(mc->T[k].key, "the"))
    k++;
  res r2;
  resolve(mc, k, &r2, 1);
  if (r2.end <= k || !r2.code || !r2.code[0] || !r2.composed ||
      (r2.flags & (PL_MF_PLURAL | PL_MF_PERSON)))
    return;
  r->code = r2.code;
  memcpy(r->agent, r2.agent, sizeof r->agent);
  r->how = PL_HOW_ROLE;
  r->flags |= PL_MF_PERSON;
}

static parley_rc run_sentence(mctx *mc, uint32_t si, int *story_discard) {
  parley_doc *doc = mc->doc;
  pl_sentence *s = &doc->sents.v[si];
  mc->s0 = s->tok0;
  mc->s1 = s->tok0 + s->ntok;
  mc->of_end = UINT32_MAX;
  /* Word ids, classes and match candidates of the sentence's tokens,
   * last to first so that the next word token's id is known when a
   * token's pair chain is looked up (hyphens skipped).  A token whose
   * word starts no phrase that can match here loses WC_START.  Locals:
   * the stores could alias mc's own fields. */
  const pl_token *T = mc->T;
  const pl_actordict *d = mc->d;
  uint32_t *wida = mc->wid, *wca = mc->wc, *cand = mc->cand;
  const uint32_t s0 = mc->s0, s1 = mc->s1;
  uint32_t nextw = WID_NONE; /* id of the next non-hyphen token */
  const pl_token *t = T + s1;
  for (uint32_t x = s1 - s0; x-- > 0;) {
    t--; /* token s0 + x */
    /* "Al-Thani" = "Al Thani"; PETRARCH texts join names with '_'
     * ("Dol_Amroth") as its dictionaries do */
    uint32_t w = ((t->key[0] == '-' || t->key[0] == '_') && !t->key[1])
                     ? WID_HYPHEN
                     : pl_dict_word_h(d, t->key, t->hkey);
    uint32_t c = 0;
    if (w < WID_HYPHEN) {
      const pl_word *wd = &d->words[w];
      c = wd->cls;
      if (wd->heada != PL_NONE || wd->npair) {
        uint32_t b = PL_NONE;
        if (wd->npair && nextw < WID_HYPHEN) b = pl_dict_pair(d, w, nextw);
        if (wd->heada != PL_NONE || b != PL_NONE) {
          c |= WC_START;
          cand[2 * x] = wd->heada;
          cand[2 * x + 1] = b;
        }
      }
    }
    wida[x] = w;
    wca[x] = c;
    if (w != WID_HYPHEN) nextw = w;
  }
  uint32_t i = mc->s0;
  while (i < mc->s1) {
    /* most tokens are plain: no phrase can start there, no pronoun, not
     * a capitalised word (name_tok_as wants one); pass them in a tight
     * loop on the per-token bits */
    while (!(wca[i - s0] & (WC_START | PL_WC_PRONOUN)) &&
           !(T[i].flags & PL_TF_CAP))
      if (++i >= s1) return PARLEY_OK;
    t = &T[i];
    res r;
    if (no_start(mc, i)) {
      /* what resolve() gives when no phrase matches, without clearing
       * the whole res: only end and hend are read below */
      r.end = i;
      r.hph = r.hend = 0;
    } else {
      resolve(mc, i, &r, 0);
    }
    hit h0;
    h0.ph = r.hph;
    h0.end = r.hend;
    if (r.end > i + 1 && r.hend > i + 1) {
      /* a longer phrase starting inside this one wins ("the U.N." vs
       * "U.N. nuclear watchdog"), unless it is an agent the mention has
       * already taken in ("Israeli military" + "military officials") */
      hit h1;
      for (uint32_t k = i + 1; k < h0.end; k++)
        if (match_at(mc, k, &h1, M_ALL) && h1.end > h0.end &&
            !(hit_ent(mc, &h1)->kind == PL_EK_AGENT && r.end >= h1.end)) {
          r.end = i;
          break;
        }
      if (r.end == i) {
        i++;
        continue;
      }
    }
    if (r.end > i) {
      hit h = h0;
      if (r.hend > i && hit_ent(mc, &h)->kind == PL_EK_DISCARD) {
        s->flags |= PL_SF_DISCARD;
        if (mc->d->ph[h.ph].flags & PL_PF_STORY) *story_discard = 1;
        i = r.end;
        continue;
      }
      coordinate(mc, &r);
      of_coordinate(mc, i, &r);
      if (emit(mc, si, i, &r)) return PARLEY_ENOMEM;
      i = r.end;
      /* "Danish media and government": the next bare agent shares the
       * country */
      if (r.composed && r.base_code && r.how == PL_HOW_AGENT &&
          i + 1 < mc->s1 && !kcmp(mc->T[i].key, "and") &&
          !parse_splits_conjuncts(doc_of(mc), i - 1, i + 1)) {
        res r2;
        resolve(mc, i + 1, &r2, 1);
        if (r2.end > i + 1 && r2.how == PL_HOW_AGENT && !r2.base_code &&
            r2.agent[0] && (!r2.code || !r2.code[0])) {
          /* PETRARCH: all but the last agent are shared ("Danish
           * Islamist media and government": DNKMUS + GOV) */
          r2.code = r.petr && r.stem
                        ? mix_code(doc_of(mc), r.stem, r2.agent, 0)
                        : cat_code(doc_of(mc), r.base_code, r2.agent);
          r2.base_code = r.base_code;
          if (emit(mc, si, i + 1, &r2)) return PARLEY_ENOMEM;
          i = r2.end;
        }
      }
      continue;
    }
    /* no phrase, no pronoun, not a capitalised word (name_tok_as wants
     * PL_TF_WORD and PL_TF_CAP) */
    if (!(t->flags & PL_TF_CAP) && !(wcls(mc, i) & PL_WC_PRONOUN)) {
      i++;
      continue;
    }
    if ((t->flags & PL_TF_WORD) && !(t->flags & PL_TF_ALLCAP) &&
        (wcls(mc, i) & PL_WC_PRONOUN)) {
      memset(&r, 0, sizeof r);
      r.end = i + 1;
      r.flags = PL_MF_PRONOUN;
      if (wcls(mc, i) & PL_WC_PLPRON) r.flags |= PL_MF_PLURAL;
      if (emit(mc, si, i, &r)) return PARLEY_ENOMEM;
      i++;
      continue;
    }
    /* a dictionary word the resolver declined ("Amal" of "Amal Nasser")
     * may open a name.  Here r.end == i, so either no phrase matched at
     * i (resolve's match_at failed: name_tok_as's own would fail too) or
     * one matched and was declined: token i needs no second match_at. */
    if (name_tok_as(mc, i, 1)) {
      /* unknown capitalised name: maybe a near miss of a known person */
      uint32_t k = i, nn = 0;
      uint32_t fz = PL_NONE;
      while (nn < 5 && name_tok_as(mc, k, k == i)) {
        const pl_token *tk = &mc->T[k];
        if (fz == PL_NONE && tk->len >= 5 && wid(mc, k) == WID_NONE &&
            !(tk->flags & (PL_TF_ALLCAP | PL_TF_SSTART)))
          fz = pl_dict_fuzzy(mc->d, tk->key);
        k++;
        nn++;
        while (k < mc->s1 && wid(mc, k) == WID_HYPHEN && name_tok(mc, k + 1))
          k++;
      }
      memset(&r, 0, sizeof r);
      r.end = k;
      if (fz != PL_NONE) {
        const pl_dentry *e = &mc->d->ent[fz];
        r.code = pl_dict_code(mc->d, e, mc->day, NULL);
        r.name = e->name;
        r.how = PL_HOW_FUZZY;
        r.flags = PL_MF_PERSON;
      } else if (nn >= 2) {
        r.code = "";
        r.how = PL_HOW_UNKNOWN;
        apposition(mc, &r);
      } else {
        i++;
        continue;
      }
      if (emit(mc, si, i, &r)) return PARLEY_ENOMEM;
      i = k;
      continue;
    }
    i++;
  }
  return PARLEY_OK;
}

parley_rc pl_actors_run(parley_doc *doc) {
  const pl_actordict *d = doc->ctx->actors;
  if (!d || !d->nwords) return PARLEY_OK;
  mctx mc;
  memset(&mc, 0, sizeof mc);
  mc.doc = doc;
  mc.d = d;
  mc.T = doc->toks.v;
  mc.day = doc_day(doc);
  mc.tagged = doc->ctx->lex != NULL;
  uint32_t maxn = 0;
  for (uint32_t s = 0; s < doc->sents.n; s++)
    if (doc->sents.v[s].ntok > maxn) maxn = doc->sents.v[s].ntok;
  mc.wid = pl_alloc(&doc->arena, ((size_t)maxn + 1) * sizeof *mc.wid);
  mc.wc = pl_alloc(&doc->arena, ((size_t)maxn + 1) * sizeof *mc.wc);
  mc.cand = pl_alloc(&doc->arena, 2 * ((size_t)maxn + 1) * sizeof *mc.cand);
  if (!mc.wid || !mc.wc || !mc.cand) return PARLEY_ENOMEM;
  int story = 0;
  for (uint32_t s = 0; s < doc->sents.n; s++) {
    parley_rc rc = run_sentence(&mc, s, &story);
    if (rc) return rc;
  }
  if (story)
    for (uint32_t s = 0; s < doc->sents.n; s++)
      doc->sents.v[s].flags |= PL_SF_DISCARD;
  return PARLEY_OK;
}

/* ------------------------------------------------------------------ */
/* one phrase                                                          */

const char *parley_actor_json(parley_ctx *ctx, const char *text,
                              const char *date) {
  if (!ctx || !text) return NULL;
  parley_doc *doc = parley_doc_new(ctx);
  if (!doc) {
    pl_ctx_err(ctx, "out of memory");
    return NULL;
  }
  parley_article a;
  memset(&a, 0, sizeof a);
  a.id = "actor";
  a.date = date && *date ? date : NULL;
  a.text = text;
  a.text_len = strlen(text);
  parley_rc rc = parley_doc_code_until(doc, &a, "actors");
  if (rc && rc != PARLEY_ETOOBIG) {
    pl_ctx_err(ctx, "%s", parley_doc_errmsg(doc));
    parley_doc_free(doc);
    return NULL;
  }
  /* the widest coded mention stands for the phrase */
  int32_t best = -1;
  for (uint32_t m = 0; m < doc->ments.n; m++) {
    const pl_mention *mt = &doc->ments.v[m];
    if (best < 0) {
      best = (int32_t)m;
      continue;
    }
    const pl_mention *b = &doc->ments.v[best];
    int bc = b->a.code && b->a.code[0], mcd = mt->a.code && mt->a.code[0];
    if ((mcd && !bc) || (mcd == bc && mt->ntok > b->ntok)) best = (int32_t)m;
  }
  pl_buf *o = &ctx->scratch;
  pl_buf_clear(o);
  pl_buf_adds(o, "{\"text\":");
  pl_buf_json_str(o, text, strlen(text));
  const char *code = "", *name = NULL, *how = "unknown";
  if (best >= 0) {
    const pl_mention *mt = &doc->ments.v[best];
    code = mt->a.code ? mt->a.code : "";
    name = mt->a.name;
    how = pl_how_name(mt->a.how);
  }
  char ctry[4], sect[4];
  pl_actor_parts(code, ctry, sect);
  if (best >= 0 && !sect[0] && doc->ments.v[best].agent[0] && !code[0]) {
    memcpy(sect, doc->ments.v[best].agent, 3);
    sect[3] = 0;
  }
  pl_buf_adds(o, ",\"code\":");
  pl_buf_json_str(o, code, strlen(code));
  pl_buf_adds(o, ",\"country\":");
  pl_buf_json_str(o, ctry, strlen(ctry));
  pl_buf_adds(o, ",\"sector\":");
  pl_buf_json_str(o, sect, strlen(sect));
  pl_buf_adds(o, ",\"name\":");
  if (name) pl_buf_json_str(o, name, strlen(name));
  else pl_buf_adds(o, "null");
  pl_buf_adds(o, ",\"how\":\"");
  pl_buf_adds(o, how);
  pl_buf_adds(o, "\"}");
  parley_doc_free(doc);
  if (o->failed) {
    pl_ctx_err(ctx, "out of memory");
    return NULL;
  }
  return o->p;
}
