/*
 * parse.c - a Penn Treebank parse supplied with the article
 * (parley_article.parse via parley_doc_set_parse; `parley validate
 * --use-parse` gives PETRARCH's <Parse>): its part-of-speech tags for the
 * tagger and its phrase structure for the syntax stage, so the coder can
 * be measured apart from parley's own tagger and chunker.
 *
 * Input: doc->parse (one or more bracketed trees, NUL-terminated, arena
 * copy) and doc->toks (token stage).  Outputs:
 *  - doc->gold_tags, one byte per token (enum pl_tag, 0 = no gold tag),
 *    read by the tag stage, which keeps the gold tag instead of its own
 *    guess (its lemma rules still run);
 *  - doc->pnodes / doc->npnodes, the tree's nodes in preorder (phrases and
 *    leaves) with the token span each covers, read by pl_tree_syntax()
 *    below, which the syntax stage calls to correct its chunker's guesses.
 *
 * Alignment: the leaves "(TAG word)" are read in order and matched to the
 * tokens character by character, ignoring case and spaces, with Treebank
 * escapes undone (-LRB- "(", `` and '' '"'); empty elements (-NONE-
 * traces) are skipped.  A token covering several leaves ("cannot" = "can"
 * + "not") takes the tag of its last leaf; a leaf covering several tokens
 * gives its tag to each.  At the first disagreement the alignment stops
 * and the remaining tokens keep the tagger's tags (a parse of other text
 * must not damage the tagging); a phrase with a leaf past that point gets
 * no span (lo == hi) and the syntax stage ignores it.  A tree whose
 * brackets do not balance gives nothing at all.
 *
 * Invariants: no I/O, memory from doc->arena only; linear in the size of
 * the parse plus the text (the syntax hook is linear in the nodes of a
 * sentence times a small constant).
 */
#include "internal.h"
#include <ctype.h>

/* Penn tag name -> enum pl_tag; punctuation tags fold into PUNCT/QUOTE;
 * 0 for a tag parley does not use (-NONE-, LS, ...). */
static int tag_of(const char *s, size_t n) {
  for (int t = 1; t < PL_T__N; t++) {
    const char *nm = pl_tag_name(t);
    if (strlen(nm) == n && !memcmp(nm, s, n)) return t;
  }
  if ((n == 2 && !memcmp(s, "``", 2)) || (n == 2 && !memcmp(s, "''", 2)))
    return PL_T_QUOTE;
  if (n == 1 && strchr(",.:;!?", s[0])) return PL_T_PUNCT;
  if (n == 5 && s[0] == '-' && s[4] == '-') return PL_T_PUNCT; /* -LRB- */
  if (n == 1 && (s[0] == '$' || s[0] == '#')) return PL_T_SYM;
  return 0;
}

/* Phrase label -> PL_PN_*; function tags ("NP-SBJ", "S-TPC-1") and
 * indexes ("NP=2") are ignored. */
static uint8_t label_of(const char *s, size_t n) {
  size_t k = 0;
  while (k < n && s[k] != '-' && s[k] != '=') k++;
  if (k == 0) return PL_PN_OTHER; /* "( (S ...))": the unnamed root */
#define IS(lit) (k == sizeof(lit) - 1 && !memcmp(s, lit, k))
  if (IS("NP") || IS("NX") || IS("NML") || IS("WHNP")) return PL_PN_NP;
  if (IS("VP")) return PL_PN_VP;
  if (IS("S") || IS("SINV") || IS("SQ") || IS("SBARQ")) return PL_PN_S;
  if (IS("SBAR")) return PL_PN_SBAR;
  if (IS("PP") || IS("WHPP")) return PL_PN_PP;
  if (IS("PRN")) return PL_PN_PRN;
  if (IS("UCP")) return PL_PN_UCP;
  if (IS("ADJP")) return PL_PN_ADJP;
#undef IS
  return PL_PN_OTHER;
}

/* The surface of a leaf word with Treebank escapes undone. */
static const char *unescape(const char *w, size_t n, size_t *on) {
  static const struct { const char *esc, *plain; } m[] = {
      {"-LRB-", "("}, {"-RRB-", ")"}, {"-LCB-", "{"}, {"-RCB-", "}"},
      {"-LSB-", "["}, {"-RSB-", "]"}, {"``", "\""}, {"''", "\""}};
  for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
    if (strlen(m[i].esc) == n && !memcmp(w, m[i].esc, n)) {
      *on = strlen(m[i].plain);
      return m[i].plain;
    }
  *on = n;
  return w;
}

typedef struct {
  const char *w; /* leaf surface (unescaped) */
  uint32_t n;
  uint32_t node; /* its node in the tree */
  uint8_t tag;
} leaf;

typedef struct {
  void *v;
  uint32_t n, cap;
} grow_t;

/* Appends one zeroed element; NULL on OOM. */
static void *grow(pl_arena *a, grow_t *g, size_t elem) {
  if (g->n == g->cap) {
    uint32_t nc = g->cap ? g->cap * 2 : 64;
    void *nv = pl_alloc(a, (size_t)nc * elem);
    if (!nv) return NULL;
    if (g->n) memcpy(nv, g->v, (size_t)g->n * elem);
    g->v = nv;
    g->cap = nc;
  }
  void *slot = (unsigned char *)g->v + (size_t)g->n * elem;
  memset(slot, 0, elem);
  g->n++;
  return slot;
}

/* Reads the tree(s): nodes in preorder (with first-child/next-sibling
 * links) and the leaves in order.  Returns the number of leaves, or -1
 * when the brackets do not balance (or memory ran out). */
static long read_tree(parley_doc *doc, const char *s, grow_t *nodes,
                      grow_t *leaves) {
  size_t n = strlen(s);
  enum { MAXD = 512 };
  int32_t stack[MAXD], last_kid[MAXD];
  long depth = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == ')') {
      if (--depth < 0) return -1;
      continue;
    }
    if (s[i] != '(') continue;
    if (depth >= MAXD) return -1;
    size_t a = i + 1, b = a;
    while (b < n && !isspace((unsigned char)s[b]) && s[b] != '(' &&
           s[b] != ')')
      b++;
    size_t c = b;
    while (c < n && isspace((unsigned char)s[c])) c++;
    int is_leaf = 0;
    size_t d = c;
    if (c < n && s[c] != '(' && s[c] != ')') {
      while (d < n && s[d] != ')' && !isspace((unsigned char)s[d])) d++;
      if (d < n && s[d] == ')') is_leaf = 1;
    }
    pl_pnode *nd = grow(&doc->arena, nodes, sizeof *nd);
    if (!nd) return -1;
    uint32_t me = nodes->n - 1;
    nd->parent = depth ? stack[depth - 1] : -1;
    nd->kid = nd->next = -1;
    nd->label = is_leaf ? PL_PN_LEAF : label_of(s + a, b - a);
    if (depth) {
      pl_pnode *nv = nodes->v;
      if (last_kid[depth - 1] >= 0) nv[last_kid[depth - 1]].next = (int32_t)me;
      else nv[stack[depth - 1]].kid = (int32_t)me;
      last_kid[depth - 1] = (int32_t)me;
    }
    if (is_leaf) {
      nd->tag = (uint8_t)tag_of(s + a, b - a);
      if (b - a == 6 && !memcmp(s + a, "-NONE-", 6)) {
        nd->label = PL_PN_EMPTY; /* a trace: no word in the text */
      } else {
        leaf *lf = grow(&doc->arena, leaves, sizeof *lf);
        if (!lf) return -1;
        size_t wn;
        lf->w = unescape(s + c, d - c, &wn);
        lf->n = (uint32_t)wn;
        lf->tag = nd->tag;
        lf->node = me;
      }
      i = d; /* the leaf's own ')' closes it: depth unchanged */
      continue;
    }
    stack[depth] = (int32_t)me;
    last_kid[depth] = -1;
    depth++;
    i = b - 1;
  }
  if (depth != 0) return -1;
  return (long)leaves->n;
}

parley_rc pl_parse_gold_tags(parley_doc *doc) {
  doc->gold_tags = NULL;
  doc->pnodes = NULL;
  doc->npnodes = 0;
  doc->pleaf = NULL;
  if (!doc->parse || !doc->parse[0] || !doc->toks.n) return PARLEY_OK;
  grow_t nodes = {0}, leaves = {0};
  long nl = read_tree(doc, doc->parse, &nodes, &leaves);
  if (doc->arena.failed) return PARLEY_ENOMEM;
  if (nl <= 0) return PARLEY_OK;
  leaf *lv = leaves.v;
  pl_pnode *nv = nodes.v;
  uint8_t *g = pl_calloc(&doc->arena, doc->toks.n, 1);
  if (!g) return PARLEY_ENOMEM;
  /* two cursors: leaf li at byte lo, token ti at byte to */
  long li = 0;
  uint32_t lo = 0, ti = 0, to = 0;
  uint8_t last = 0; /* tag of the latest leaf entered for this token */
  while (ti < doc->toks.n && li < nl) {
    const pl_token *t = &doc->toks.v[ti];
    const char *ts = doc->text + t->off;
    if (tolower((unsigned char)ts[to]) !=
        tolower((unsigned char)lv[li].w[lo]))
      break; /* texts differ: the rest keeps the tagger's tags */
    if (lo == 0) {
      last = lv[li].tag;
      nv[lv[li].node].lo = ti;
    }
    to++;
    lo++;
    int tok_end = to >= t->len, leaf_end = lo >= lv[li].n;
    if (leaf_end) {
      nv[lv[li].node].hi = ti + 1;
      nv[lv[li].node].ok = 1;
    }
    if (tok_end) {
      g[ti] = last;
      ti++;
      to = 0;
    }
    if (leaf_end) {
      li++;
      lo = 0;
    }
  }
  doc->gold_tags = g;
  /* phrase spans, children before parents (reverse preorder); a phrase
   * with an unaligned leaf stays without a span */
  for (uint32_t k = nodes.n; k-- > 0;) {
    pl_pnode *nd = &nv[k];
    if (nd->label == PL_PN_LEAF || nd->label == PL_PN_EMPTY) continue;
    int ok = 1, any = 0;
    uint32_t a = UINT32_MAX, b = 0;
    for (int32_t c = nd->kid; c >= 0; c = nv[c].next) {
      if (nv[c].label == PL_PN_EMPTY) continue;
      if (!nv[c].ok) { ok = 0; break; }
      any = 1;
      if (nv[c].lo < a) a = nv[c].lo;
      if (nv[c].hi > b) b = nv[c].hi;
    }
    if (nd->kid < 0 || (!any && ok)) { /* only traces: no words */
      nd->label = PL_PN_EMPTY;
      continue;
    }
    if (ok) {
      nd->lo = a;
      nd->hi = b;
      nd->ok = 1;
    }
  }
  int32_t *pl = pl_alloc(&doc->arena, doc->toks.n * sizeof *pl);
  if (!pl) return PARLEY_ENOMEM;
  for (uint32_t t = 0; t < doc->toks.n; t++) pl[t] = -1;
  for (uint32_t k = 0; k < nodes.n; k++)
    if (nv[k].label == PL_PN_LEAF && nv[k].ok && pl[nv[k].lo] < 0)
      pl[nv[k].lo] = (int32_t)k;
  doc->pnodes = nv;
  doc->npnodes = nodes.n;
  doc->pleaf = pl;
  return PARLEY_OK;
}

/* ---- the tree's structure for the syntax stage ---- */

static int in_sent(const pl_pnode *nd, uint32_t t0, uint32_t t1) {
  return nd->ok && nd->lo < nd->hi && nd->lo >= t0 && nd->hi <= t1;
}

static int leaf_is(const parley_doc *doc, const pl_pnode *nd,
                   const char *w) {
  return nd->label == PL_PN_LEAF && nd->ok && nd->hi == nd->lo + 1 &&
         !strcmp(doc->toks.v[nd->lo].lower, w);
}

/* A coordinator or list comma among a phrase's children. */
static int separator(const parley_doc *doc, const pl_pnode *nd) {
  return nd->label == PL_PN_LEAF && nd->ok &&
         (nd->tag == PL_T_CC || leaf_is(doc, nd, ","));
}

static int has_actor(const parley_doc *doc, uint32_t a, uint32_t b) {
  for (uint32_t k = a; k < b; k++) {
    int32_t m = doc->toks.v[k].ment;
    if (m >= 0 && doc->ments.v[m].a.code && doc->ments.v[m].a.code[0])
      return 1;
  }
  return 0;
}

/* Noun-phrase coordination "(NP (NP X) (, ,) (NP Y) (CC and) (NP Z))":
 * the separators between two conjuncts join them (PL_SY_CONJ) and each
 * conjunct starts a chunk; only a phrase with a real coordinator counts
 * (", NP ," alone is an appositive). */
static void tree_coord(parley_doc *doc, const pl_pnode *nv, uint32_t k) {
  pl_token *tk = doc->toks.v;
  const pl_pnode *nd = &nv[k];
  int nnp = 0, ncc = 0;
  for (int32_t c = nd->kid; c >= 0; c = nv[c].next) {
    if (nv[c].label == PL_PN_NP) nnp++;
    else if (nv[c].label == PL_PN_LEAF && nv[c].tag == PL_T_CC &&
             c != nd->kid)
      ncc++;
  }
  if (nnp < 2 || !ncc) return;
  int32_t prev_np = -1;
  for (int32_t c = nd->kid; c >= 0; c = nv[c].next) {
    if (nv[c].label == PL_PN_EMPTY) continue;
    if (nv[c].label == PL_PN_NP) {
      if (!nv[c].ok) return;
      if (prev_np >= 0) {
        /* every separator between the two conjuncts */
        for (int32_t s = nv[prev_np].next; s >= 0 && s != c; s = nv[s].next)
          if (separator(doc, &nv[s])) tk[nv[s].lo].syn |= PL_SY_CONJ;
      }
      if (tk[nv[c].lo].chunk == PL_CH_NP) tk[nv[c].lo].syn |= PL_SY_NPSTART;
      prev_np = c;
    } else if (!separator(doc, &nv[c]) &&
               !(nv[c].label == PL_PN_LEAF && nv[c].tag == PL_T_DT)) {
      prev_np = -1; /* "X of Y and Z": only adjacent conjuncts */
    }
  }
}

/* The subject of a clause "(S (NP (NP head) (PP ...)) (VP ...))": when the
 * head names an actor, the modifiers after it (prepositional phrases,
 * relative clauses) are set aside, so that the subject is the head and
 * not an actor named inside a modifier ("X, envoy of a talks group
 * between Y and Z, said"). */
static void tree_subject(parley_doc *doc, const pl_pnode *nv, uint32_t k) {
  pl_token *tk = doc->toks.v;
  const pl_pnode *nd = &nv[k];
  int32_t subj = -1, vp = -1;
  for (int32_t c = nd->kid; c >= 0; c = nv[c].next) {
    if (nv[c].label == PL_PN_NP) subj = c;
    else if (nv[c].label == PL_PN_VP) {
      vp = c;
      break;
    }
  }
  if (subj < 0 || !nv[subj].ok) return;
  /* words set off by commas between the subject and its verb phrase
   * ("X, in remarks published on Monday, urged Y") are an aside */
  if (vp >= 0 && nv[vp].ok && nv[vp].lo > nv[subj].hi + 1 &&
      !strcmp(tk[nv[subj].hi].lower, ",") &&
      !strcmp(tk[nv[vp].lo - 1].lower, ","))
    for (uint32_t t = nv[subj].hi; t < nv[vp].lo; t++)
      tk[t].syn |= PL_SY_ASIDE;
  int32_t head = nv[subj].kid;
  while (head >= 0 && nv[head].label == PL_PN_EMPTY) head = nv[head].next;
  if (head < 0 || nv[head].label != PL_PN_NP || !nv[head].ok) return;
  int32_t mod = nv[head].next;
  int commas = 0;
  while (mod >= 0 && leaf_is(doc, &nv[mod], ",")) {
    mod = nv[mod].next;
    commas = 1;
  }
  if (mod < 0 || !(nv[mod].label == PL_PN_PP || nv[mod].label == PL_PN_SBAR ||
                   nv[mod].label == PL_PN_VP || nv[mod].label == PL_PN_PRN))
    return;
  /* the head must name an actor; without commas, so must the modifier
   * (else the chunker's own reading of "the head of X" stands) */
  if (!has_actor(doc, nv[head].lo, nv[head].hi) ||
      (!commas && !has_actor(doc, nv[head].hi, nv[subj].hi)))
    return;
  /* a mention running across the head's end ("Soldiers from X" as one
   * actor) is left alone */
  int32_t m = tk[nv[head].hi - 1].ment;
  if (m >= 0 && tk[nv[head].hi].ment == m) return;
  for (uint32_t t = nv[head].hi; t < nv[subj].hi; t++)
    tk[t].syn |= PL_SY_ASIDE;
}

/* A subordinate clause "(SBAR (IN after) (S ...))" or a relative clause
 * "(NP (NP ...) (SBAR (WHNP who) (S ...)))": its first word opens a
 * clause (PL_SY_COMP), or is a relative pronoun (PL_SY_REL) when the
 * clause modifies a noun phrase. */
static void tree_sbar(parley_doc *doc, const pl_pnode *nv, uint32_t k) {
  pl_token *tk = doc->toks.v;
  const pl_pnode *nd = &nv[k];
  int32_t c = nd->kid;
  while (c >= 0 && nv[c].label == PL_PN_EMPTY) c = nv[c].next;
  if (c < 0 || !nv[c].ok) return;
  if (nv[c].label == PL_PN_S) return; /* no complementizer ("said X did") */
  pl_token *t = &tk[nv[c].lo];
  if (t->chunk == PL_CH_VG) return;
  int wh = t->tag == PL_T_WDT || t->tag == PL_T_WP || t->tag == PL_T_WPS ||
           t->tag == PL_T_WRB;
  int under_np = nd->parent >= 0 && nv[nd->parent].label == PL_PN_NP;
  if ((wh || !strcmp(t->lower, "that")) && under_np) {
    t->syn &= (uint16_t)~PL_SY_COMP;
    t->syn |= PL_SY_REL;
  } else if (!(t->syn & PL_SY_REL)) {
    t->syn |= PL_SY_COMP;
  }
}

/* The verb groups of the sentence: a verb inside a noun or adjective
 * phrase is a modifier, not a predicate ("the (VBN detained) soldiers":
 * PL_VG_ADJ); a verb phrase attached to a noun phrase is a reduced
 * relative clause ("the roads (VP leading into X)": PL_VG_REL, its subject
 * is the noun). */
static void tree_groups(parley_doc *doc, uint32_t t0, uint32_t t1) {
  const pl_pnode *nv = doc->pnodes;
  for (uint32_t g = doc->vgs.n; g-- > 0 && doc->vgs.v[g].sent ==
                                             doc->toks.v[t0].sent;) {
    pl_vgroup *v = &doc->vgs.v[g];
    if (v->head < t0 || v->head >= t1) continue;
    int32_t lf = doc->pleaf[v->head];
    if (lf < 0 || nv[lf].parent < 0) continue;
    int32_t p = nv[lf].parent;
    if (nv[p].label == PL_PN_NP || nv[p].label == PL_PN_ADJP) {
      v->flags |= PL_VG_ADJ;
      continue;
    }
    if (nv[p].label != PL_PN_VP) continue;
    while (nv[p].parent >= 0 && nv[nv[p].parent].label == PL_PN_VP) p = nv[p].parent;
    if (nv[p].parent >= 0 && nv[nv[p].parent].label == PL_PN_NP &&
        nv[p].ok && nv[p].lo == v->lo) {
      v->flags |= PL_VG_REL;
      /* "soldiers (VP killed in X)": a participle on a noun is passive */
      if (doc->toks.v[v->head].tag == PL_T_VBN && v->head == v->lo)
        v->flags |= PL_VG_PASSIVE;
    }
  }
}

void pl_tree_syntax(parley_doc *doc, const pl_sentence *s) {
  const pl_pnode *nv = doc->pnodes;
  pl_token *tk = doc->toks.v;
  uint32_t t0 = s->tok0, t1 = s->tok0 + s->ntok;
  if (s->ntok) tree_groups(doc, t0, t1);
  for (uint32_t k = 0; k < doc->npnodes; k++) {
    const pl_pnode *nd = &nv[k];
    if (!in_sent(nd, t0, t1)) continue;
    switch (nd->label) {
    case PL_PN_NP:
      tree_coord(doc, nv, k);
      break;
    case PL_PN_S:
      tree_subject(doc, nv, k);
      break;
    case PL_PN_SBAR:
      tree_sbar(doc, nv, k);
      break;
    case PL_PN_LEAF:
      /* a conjunction joining clauses or verb phrases joins no actors */
      if (nd->parent >= 0 && separator(doc, nd) &&
          (tk[nd->lo].syn & PL_SY_CONJ) &&
          (nv[nd->parent].label == PL_PN_S ||
           nv[nd->parent].label == PL_PN_VP))
        tk[nd->lo].syn &= (uint16_t)~PL_SY_CONJ;
      break;
    default:
      break;
    }
  }
}

int pl_tree_in_vp(const parley_doc *doc, uint32_t v, uint32_t t) {
  if (!doc->pnodes || !doc->pleaf || v >= doc->toks.n || t >= doc->toks.n)
    return -1;
  const pl_pnode *nv = doc->pnodes;
  int32_t lf = doc->pleaf[v];
  if (lf < 0 || doc->pleaf[t] < 0) return -1;
  int32_t p = nv[lf].parent;
  if (p < 0 || nv[p].label != PL_PN_VP || !nv[p].ok) return -1;
  /* the highest verb phrase above v: up the auxiliary chain "(VP has (VP
   * been (VP attacked ...)))" and out of complement clauses "(VP said
   * (SBAR that (S ...)))", "(VP to (VP be (ADJP about (S (VP to ...)))))",
   * but not out of a noun phrase (a relative clause) nor into a VP
   * coordination "(VP (VP met X) and (VP signed Y))" */
  int32_t top = p;
  for (int32_t q = nv[p].parent; q >= 0; q = nv[q].parent) {
    if (!nv[q].ok || nv[q].label == PL_PN_NP) break;
    if (nv[q].label == PL_PN_VP) {
      int nvp = 0;
      for (int32_t c = nv[q].kid; c >= 0; c = nv[c].next)
        if (nv[c].label == PL_PN_VP) nvp++;
      if (nvp > 1) break;
      top = q;
    }
  }
  return t >= nv[top].lo && t < nv[top].hi;
}
