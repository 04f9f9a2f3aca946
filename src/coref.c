/*
 * coref.c - stage: within-article coreference of actor mentions.
 *
 * Input: doc->ments from actors.c (codes, PERSON/PRONOUN/PLURAL/COUNTRY/
 * ADJ/POSS flags), tokens and quotation marks.  Output: ment->ante, the
 * earlier mention a mention stands for (-1 none); write.c follows it with
 * pl_ment_resolved and reports how="coref" while keeping the text seen.
 * Rules, each needing a fitting earlier mention (no fit, no link):
 *   - he/him/his/she/her: a singular PERSON; the subject (first fitting
 *     mention) of the pronoun's own sentence before it (for his/her the
 *     nearest one there), else of the previous sentences, up to 4 back;
 *   - they/them/their: the nearest plural, organisation or country,
 *     up to 3 sentences back; it/its: the nearest singular non-person;
 *     first/second person (I, we, you) are left alone;
 *   - a name with no code that repeats an earlier one: "Hamdan" after
 *     "Osama Hamdan", "Sheikh Mohammed" after the full name (its words in
 *     order), a one-word name at edit distance 1 from an earlier person's
 *     surname ("Shinwar" for "Sinwar");
 *   - a definite role nominal ("the minister", "Qatar's prime minister",
 *     "the militant group", "the two partners"): the nearest earlier
 *     person (for a person role) or organisation whose code has the
 *     nominal's country and sector; a plural nominal without a code
 *     (partners, allies, countries...) takes the first of the nearest
 *     coordinated pair of non-persons ("the U.S. and Qatar").
 * Mentions inside a quotation are not antecedents of pronouns outside it.
 * An antecedent is always an earlier mention, so chains end.
 */
#include "internal.h"

/* 0 when the strings are equal (as !strcmp tests it): most words
 * compared here differ in the first byte, which decides without a call. */
static inline int kcmp(const char *k, const char *w) {
  return k[0] != w[0] || strcmp(k, w);
}

/* pl_ment_resolved: inline in internal.h. */

/* The sector segments of a code.  is_sector runs for every 3-letter
 * segment of every candidate's code (parts(), per nominal and candidate
 * mention), so the segment is packed into one integer and switched on
 * instead of 29 strncmp calls. */
#define SEG3(a, b, c) (((uint32_t)(a) << 16) | ((uint32_t)(b) << 8) | (uint32_t)(c))

static int is_sector(const char *s) {
  if (!s[0] || !s[1] || !s[2]) return 0;
  switch (SEG3((unsigned char)s[0], (unsigned char)s[1], (unsigned char)s[2])) {
  case SEG3('G', 'O', 'V'): case SEG3('M', 'I', 'L'): case SEG3('R', 'E', 'B'):
  case SEG3('O', 'P', 'P'): case SEG3('P', 'T', 'Y'): case SEG3('J', 'U', 'D'):
  case SEG3('C', 'O', 'P'): case SEG3('S', 'P', 'Y'): case SEG3('B', 'U', 'S'):
  case SEG3('M', 'E', 'D'): case SEG3('C', 'V', 'L'): case SEG3('S', 'E', 'C'):
  case SEG3('L', 'E', 'G'): case SEG3('E', 'L', 'I'): case SEG3('R', 'E', 'F'):
  case SEG3('H', 'L', 'H'): case SEG3('E', 'D', 'U'): case SEG3('L', 'A', 'B'):
  case SEG3('R', 'E', 'L'): case SEG3('C', 'R', 'M'): case SEG3('H', 'R', 'I'):
  case SEG3('A', 'G', 'R'): case SEG3('E', 'N', 'V'): case SEG3('D', 'E', 'V'):
  case SEG3('I', 'N', 'S'): case SEG3('N', 'G', 'O'): case SEG3('M', 'O', 'D'):
  case SEG3('R', 'A', 'D'): case SEG3('U', 'A', 'F'):
    return 1;
  default:
    return 0;
  }
}

static const char *mcode(const pl_mention *m) {
  return m->a.code ? m->a.code : "";
}

/* Country root and first sector of a code; an agent-only code ("GOV")
 * has no country. */
static void parts(const char *code, char ctry[4], char sect[4]) {
  ctry[0] = sect[0] = 0;
  size_t n = strlen(code);
  if (n < 3) return;
  size_t i = 0;
  if (!is_sector(code)) {
    memcpy(ctry, code, 3);
    ctry[3] = 0;
    i = 3;
  }
  for (; i + 3 <= n; i += 3)
    if (is_sector(code + i)) {
      memcpy(sect, code + i, 3);
      sect[3] = 0;
      return;
    }
}

static int has_seg(const char *code, const char *seg) {
  size_t n = strlen(code);
  for (size_t i = 0; i + 3 <= n; i += 3)
    if (!strncmp(code + i, seg, 3)) return 1;
  return 0;
}

static int edit1(const char *a, const char *b) {
  /* edit distance <= 1 */
  size_t la = strlen(a), lb = strlen(b);
  if (la > lb + 1 || lb > la + 1) return 0;
  size_t i = 0, j = 0;
  int ed = 0;
  while (i < la && j < lb) {
    if (a[i] == b[j]) { i++; j++; continue; }
    if (++ed > 1) return 0;
    if (la > lb) i++;
    else if (lb > la) j++;
    else { i++; j++; }
  }
  ed += (int)((la - i) + (lb - j));
  return ed <= 1;
}

/* Word keys of tokens [a,b) (names only: no possessive, no punctuation). */
static int name_keys(const parley_doc *doc, uint32_t a, uint32_t b,
                     const char **keys, int max) {
  int n = 0;
  for (uint32_t i = a; i < b && n < max; i++) {
    const pl_token *t = &doc->toks.v[i];
    if (!(t->flags & PL_TF_WORD) || (t->flags & PL_TF_POSS)) continue;
    keys[n++] = t->key;
  }
  return n;
}

/* One past the last mention ending at or before token a (mentions are
 * in text order): backward scans start there, not at the end of the
 * article, so resolving every mention stays linear-ish. */
static uint32_t ments_before(const parley_doc *doc, uint32_t a) {
  uint32_t lo = 0, hi = doc->ments.n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (doc->ments.v[mid].tok < a) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

int32_t pl_name_ante(const parley_doc *doc, uint32_t a, uint32_t b) {
  const char *nk[8], *ck[16];
  int nn = name_keys(doc, a, b, nk, 8);
  if (nn == 0) return -1;
  for (uint32_t i = a; i < b; i++) /* names only */
    if ((doc->toks.v[i].flags & PL_TF_WORD) &&
        !(doc->toks.v[i].flags & PL_TF_CAP))
      return -1;
  uint32_t seen = 0; /* bounded: long articles stay linear */
  for (uint32_t c = ments_before(doc, a); c-- > 0;) {
    const pl_mention *cm = &doc->ments.v[c];
    if (cm->tok + cm->ntok > a) continue;
    if (++seen > 200) break;
    if (cm->flags & (PL_MF_PRONOUN | PL_MF_ADJ)) continue;
    int cn = name_keys(doc, cm->tok, cm->tok + cm->ntok, ck, 16);
    if (cn == 0) continue;
    /* the name's words appear in order in the earlier mention */
    int k = 0;
    for (int j = 0; j < cn && k < nn; j++)
      if (!kcmp(ck[j], nk[k])) k++;
    if (k == nn && (cn > nn || mcode(cm)[0])) return (int32_t)c;
    /* a one-word misspelt surname of an earlier person */
    if (nn == 1 && (cm->flags & PL_MF_PERSON) && strlen(nk[0]) >= 5 &&
        edit1(nk[0], ck[cn - 1]))
      return (int32_t)c;
  }
  return -1;
}

/* ---- pronouns ---- */
enum { P_NONE, P_HE, P_THEY, P_IT };

static int pron_kind(const char *w) {
  static const char *const he[] = {"he", "him", "his", "himself", "she",
                                   "her", "hers", "herself", NULL};
  static const char *const they[] = {"they", "them", "their", "theirs",
                                     "themselves", NULL};
  for (const char *const *p = he; *p; p++)
    if (!kcmp(w, *p)) return P_HE;
  for (const char *const *p = they; *p; p++)
    if (!kcmp(w, *p)) return P_THEY;
  if (!kcmp(w, "it") || !kcmp(w, "its") || !kcmp(w, "itself"))
    return P_IT;
  return P_NONE;
}

/* The named mention c stands for, when it fits pronoun kind k. */
static int32_t fits(const parley_doc *doc, uint32_t c, int k) {
  int32_t r = pl_ment_resolved(doc, (int32_t)c);
  if (r < 0) return -1;
  const pl_mention *m = &doc->ments.v[r];
  if (m->flags & PL_MF_PRONOUN) return -1;
  /* a city standing for its government ("Doha") is not taken up by a
   * pronoun often enough to be worth the errors */
  if (doc->ments.v[c].a.how == PL_HOW_METONYM) return -1;
  uint16_t f = m->flags;
  switch (k) {
  case P_HE: return (f & PL_MF_PERSON) && !(f & PL_MF_PLURAL) ? r : -1;
  case P_THEY:
    return ((f & PL_MF_PLURAL) || !(f & PL_MF_PERSON)) && !(f & PL_MF_ADJ)
               ? r : -1;
  case P_IT:
    return !(f & (PL_MF_PERSON | PL_MF_PLURAL | PL_MF_ADJ)) ? r : -1;
  }
  return -1;
}

static int32_t resolve_pronoun(const parley_doc *doc, uint32_t m,
                               const uint8_t *inq) {
  const pl_mention *pm = &doc->ments.v[m];
  int k = pron_kind(doc->toks.v[pm->tok].lower);
  if (k == P_NONE) return -1;
  int quoted = inq[pm->tok];
  uint32_t back = k == P_HE ? 4 : k == P_THEY ? 3 : 2;
  /* a possessive (his, her) in its own sentence takes the nearest
   * person: "Blinken said Sinwar ... and that his death ..." */
  const char *w = doc->toks.v[pm->tok].lower;
  int poss = !kcmp(w, "his") || !kcmp(w, "her");
  uint32_t s = pm->sent;
  for (uint32_t d = 0; d <= back && d <= s; d++) {
    uint32_t sent = s - d;
    int32_t best = -1;
    /* he/she: the subject, i.e. the first fitting mention of the
     * sentence; they/it: the nearest one */
    for (uint32_t c = m; c-- > 0;) {
      const pl_mention *cm = &doc->ments.v[c];
      if (cm->sent < sent) break;
      if (cm->sent != sent) continue;
      if (inq[cm->tok] && !quoted) continue;
      int32_t r = fits(doc, c, k);
      if (r < 0) continue;
      best = r;
      if (k != P_HE || (poss && d == 0)) break;
    }
    if (best >= 0) return best;
  }
  return -1;
}

/* ---- role nominals ---- */

static const char *const person_heads[] = {
    "minister", "president", "secretary", "director", "spokesman",
    "spokeswoman", "spokesperson", "official", "leader", "chief",
    "commander", "envoy", "ambassador", "king", "emir", "premier",
    "chancellor", "head", "general", "diplomat", "negotiator", "mediator",
    "prince", "sheikh", "mayor", "governor", "adviser", "advisor", NULL};
static const char *const definite[] = {"the", "this", "that", "these",
                                       "those", NULL};
/* t is a definite determiner; every such word starts with 't', which
 * rejects most tokens before the word-set probe. */
static int tok_definite(const pl_token *t) {
  return t->lower[0] == 't' && pl_tok_in(definite, t);
}

/* Role nominals without a code of their own ("the prime minister",
 * "the ministry", "the army", "the group", "the militants").  A phrase
 * whose words all appear in an earlier coded mention repeats it ("the
 * prime minister" -> "Israeli Prime Minister Benjamin Netanyahu", "the
 * ministry" -> "the Egyptian Foreign Ministry"); two different codes
 * fitting in the nearest sentence that has one make it ambiguous (no
 * link).  Otherwise an organisation head takes the nearest earlier
 * non-person mention of its sector (ministry/government -> GOV,
 * army/military -> MIL, group/militants/movement -> REB or an IGO/armed
 * group code); a person head needs the word match (a title alone does
 * not say which of two leaders is meant). */
enum { R_NONE, R_PERSON, R_GOV, R_MIL, R_REB };

static int role_class(const pl_token *t) {
  static const char *const gov[] = {"ministry", "government", "cabinet",
                                    "administration", "presidency",
                                    "authorities", NULL};
  static const char *const mil[] = {"army", "military", NULL};
  static const char *const reb[] = {"group", "movement", "militants",
                                    "rebels", "insurgents", "militia",
                                    "faction", "organisation",
                                    "organization", NULL};
  static const char *const per[] = {"minister", "president", "premier",
                                    "chancellor", "king", "emir",
                                    "secretary", "prince", NULL};
  /* one probe for the four lists; the first list holding it wins */
  static const char *const *const lists[] = {gov, mil, reb, per, NULL};
  static const int cls[] = {R_GOV, R_MIL, R_REB, R_PERSON};
  uint32_t bits = pl_words_class(lists, t->lower, t->hlow);
  for (int k = 0; k < 4; k++)
    if (bits & (1u << k)) return cls[k];
  return R_NONE;
}

/* Token t's word is one of mention cm's (hash first: most differ). */
static int ment_has_word(const parley_doc *doc, const pl_mention *cm,
                         const pl_token *t) {
  for (uint32_t i = cm->tok; i < cm->tok + cm->ntok; i++) {
    const pl_token *u = &doc->toks.v[i];
    if (u->hlow == t->hlow && !kcmp(u->lower, t->lower)) return 1;
  }
  return 0;
}

int32_t pl_role_ante(const parley_doc *doc, uint32_t a, uint32_t b) {
  const pl_token *tv = doc->toks.v;
  /* definite: "the ..." at a or just before it */
  uint32_t x = a;
  int def = 0;
  if (x < b && (!kcmp(tv[x].lower, "the") || !kcmp(tv[x].lower, "this")))
    def = 1, x++;
  else if (a > 0 && (!kcmp(tv[a - 1].lower, "the") ||
                     !kcmp(tv[a - 1].lower, "this")))
    def = 1;
  if (!def || x >= b || b - x > 3) return -1;
  const pl_token *w[3];
  uint32_t nw = 0;
  for (uint32_t i = x; i < b; i++) {
    if (!(tv[i].flags & PL_TF_WORD) || (tv[i].flags & PL_TF_CAP)) return -1;
    w[nw++] = &tv[i];
  }
  int cls = role_class(w[nw - 1]);
  if (cls == R_NONE) return -1;
  uint32_t sent = tv[a].sent, s0 = sent > 6 ? sent - 6 : 0;
  /* 1: the words repeat an earlier coded mention */
  int32_t found = -1;
  uint32_t found_sent = 0;
  uint32_t start = ments_before(doc, a);
  for (uint32_t c = start; c-- > 0;) {
    const pl_mention *cm = &doc->ments.v[c];
    if (cm->tok + cm->ntok > a) continue;
    if (cm->sent < s0) break;
    if (found >= 0 && cm->sent != found_sent) break;
    if (cm->flags & (PL_MF_PRONOUN | PL_MF_ADJ)) continue;
    if (cls == R_PERSON && !(cm->flags & PL_MF_PERSON)) continue;
    uint32_t k = 0;
    while (k < nw && ment_has_word(doc, cm, w[k])) k++;
    if (k < nw) continue;
    int32_t r = pl_ment_resolved(doc, (int32_t)c);
    if (r < 0 || !mcode(&doc->ments.v[r])[0]) continue;
    if (found >= 0 && kcmp(mcode(&doc->ments.v[r]),
                             mcode(&doc->ments.v[found])))
      return -1; /* two ministers in the same sentence: ambiguous */
    if (found < 0) {
      found = r;
      found_sent = cm->sent;
    }
  }
  if (found >= 0 || cls == R_PERSON) return found;
  /* 2: the nearest organisation of the head's sector */
  uint32_t s1 = sent > 3 ? sent - 3 : 0;
  for (uint32_t c = start; c-- > 0;) {
    const pl_mention *cm = &doc->ments.v[c];
    if (cm->tok + cm->ntok > a) continue;
    if (cm->sent < s1) break;
    if (cm->flags & (PL_MF_PRONOUN | PL_MF_ADJ | PL_MF_PERSON |
                     PL_MF_COUNTRY))
      continue;
    int32_t r = pl_ment_resolved(doc, (int32_t)c);
    if (r < 0) continue;
    const char *code = mcode(&doc->ments.v[r]);
    if (!code[0]) continue;
    int ok = cls == R_GOV   ? has_seg(code, "GOV")
             : cls == R_MIL ? has_seg(code, "MIL")
                            : has_seg(code, "REB") || !strncmp(code, "IMG", 3);
    if (ok) return r;
  }
  return -1;
}

static int32_t resolve_nominal(const parley_doc *doc, uint32_t m,
                               const uint8_t *inq) {
  const pl_mention *M = &doc->ments.v[m];
  const pl_token *tv = doc->toks.v;
  const pl_token *head = &tv[M->tok + M->ntok - 1];
  if (!(head->flags & PL_TF_WORD) || (head->flags & PL_TF_CAP)) return -1;
  /* definite: "the ...", a determiner before it, or a possessor */
  int def = tok_definite(&tv[M->tok]);
  int32_t possessor = -1;
  for (uint32_t i = M->tok; i < M->tok + M->ntok; i++)
    if (tv[i].flags & PL_TF_POSS) def = 1;
  if (M->tok > 0) {
    const pl_token *p = &tv[M->tok - 1];
    if (tok_definite(p)) def = 1;
    if ((p->flags & PL_TF_POSS) && M->tok > 1 && tv[M->tok - 2].ment >= 0) {
      def = 1;
      possessor = tv[M->tok - 2].ment;
    }
  }
  if (!def) return -1;
  char ctry[4], sect[4];
  parts(mcode(M), ctry, sect);
  if (!ctry[0] && possessor >= 0) {
    char s2[4];
    parts(mcode(&doc->ments.v[possessor]), ctry, s2);
  }
  int person = pl_tok_in(person_heads, head);
  uint32_t s0 = M->sent > 10 ? M->sent - 10 : 0;
  int quoted = inq[M->tok];
  if (!ctry[0] && !sect[0] && !quoted) {
    int32_t r = pl_role_ante(doc, M->tok, M->tok + M->ntok);
    if (r >= 0) return r;
  }
  if (!ctry[0] && !sect[0]) {
    /* only nouns that stand for a group of states or parties: "the
     * hostages" or "the parties" do not repeat a named pair */
    static const char *const pair_heads[] = {
        "partners", "allies", "countries", "nations", "governments",
        "mediators", "neighbours", "neighbors", "states", NULL};
    if (!pl_tok_in(pair_heads, head)) return -1;
    /* "the two partners": the first of the nearest pair "X and Y" */
    for (uint32_t c = m; c-- > 0;) {
      const pl_mention *cm = &doc->ments.v[c];
      if (cm->sent < s0) break;
      if (inq[cm->tok] && !quoted) continue;
      uint32_t e = cm->tok + cm->ntok;
      if (c + 1 < m && e + 1 < doc->toks.n && !kcmp(tv[e].lower, "and") &&
          doc->ments.v[c + 1].tok == e + 1 &&
          !(cm->flags & (PL_MF_PRONOUN | PL_MF_ADJ | PL_MF_PERSON)) &&
          !(doc->ments.v[c + 1].flags & (PL_MF_PRONOUN | PL_MF_PERSON)))
        return (int32_t)c;
    }
    return -1;
  }
  for (uint32_t c = m; c-- > 0;) {
    const pl_mention *cm = &doc->ments.v[c];
    if (cm->sent < s0) break;
    if ((int32_t)c == possessor) continue;
    if (inq[cm->tok] && !quoted) continue;
    if (cm->flags & (PL_MF_PRONOUN | PL_MF_ADJ)) continue;
    const char *code = mcode(cm);
    if (!code[0]) continue;
    if (person != !!(cm->flags & PL_MF_PERSON)) continue;
    if (!person && (cm->flags & PL_MF_COUNTRY)) continue;
    char cc[4], cs[4];
    parts(code, cc, cs);
    if (ctry[0] && kcmp(cc, ctry)) continue;
    if (sect[0] && !has_seg(code, sect)) continue;
    if (cm->ante >= 0) return pl_ment_resolved(doc, (int32_t)c);
    return (int32_t)c;
  }
  return -1;
}

parley_rc pl_coref_run(parley_doc *doc) {
  uint32_t n = doc->ments.n;
  if (!n) return PARLEY_OK;
  /* which tokens are inside a quotation (one byte per token) */
  uint8_t *inq = pl_alloc(&doc->arena, doc->toks.n + 1);
  if (!inq) return PARLEY_ENOMEM;
  /* Most tokens lie outside any quotation: clear the array, jump to the
   * next opening mark (pl_next_qopen) and mark up to its closing mark or
   * a paragraph break.  Locals: stores through the uint8_t
   * pointer may alias anything, so doc->toks would be reloaded. */
  const pl_token *tv = doc->toks.v;
  const char *text = doc->text;
  uint32_t nt = doc->toks.n;
  memset(inq, 0, (size_t)nt + 1);
  for (uint32_t i = pl_next_qopen(doc, 0); i < nt; i = pl_next_qopen(doc, i)) {
    /* open from token i (an opening mark inside keeps it open) */
    for (; i < nt; i++) {
      inq[i] = 1;
      if (tv[i].flags & PL_TF_QCLOSE) {
        i++;
        break;
      }
      if (i + 1 < nt && tv[i + 1].sent != tv[i].sent) {
        /* paragraph breaks end quotations (as sentence.c decides) */
        const pl_token *a = &tv[i], *b = &tv[i + 1];
        int nl = 0;
        for (uint32_t o = a->off + a->len; o < b->off; o++)
          if (text[o] == '\n') nl = 1;
        if (nl) {
          i++;
          break;
        }
      }
    }
  }
  for (uint32_t m = 0; m < n; m++) {
    pl_mention *M = &doc->ments.v[m];
    if (M->ante >= (int32_t)m) M->ante = -1; /* only earlier mentions */
    if (M->ante >= 0 || !M->ntok) continue;
    int32_t r = -1;
    if (M->flags & PL_MF_PRONOUN) {
      r = resolve_pronoun(doc, m, inq);
    } else if (!mcode(M)[0] &&
               (doc->toks.v[M->tok + M->ntok - 1].flags & PL_TF_CAP)) {
      r = pl_name_ante(doc, M->tok, M->tok + M->ntok);
    } else {
      r = resolve_nominal(doc, m, inq);
    }
    if (r >= 0 && r < (int32_t)m) M->ante = r;
  }
  return PARLEY_OK;
}
