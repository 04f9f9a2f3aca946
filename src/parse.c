/*
 * parse.c - gold part-of-speech tags from a Penn Treebank parse supplied
 * with the article (parley_article.parse; `parley validate --use-parse`
 * gives PETRARCH's <Parse>), so the coder can be measured apart from the
 * tagger.
 *
 * Input: doc->parse (the bracketed tree, NUL-terminated, arena copy) and
 * doc->toks (token stage).  Output: doc->gold_tags, one byte per token
 * (enum pl_tag, 0 = no gold tag), read by the tag stage, which then keeps
 * the gold tag instead of its own guess (its lemma rules still run).
 *
 * Alignment: the leaves "(TAG word)" are read in order and matched to the
 * tokens character by character, ignoring case and spaces, with Treebank
 * escapes undone (-LRB- "(", `` and '' '"').  A token covering several
 * leaves ("cannot" = "can" + "not") takes the tag of its last leaf; a
 * leaf covering several tokens gives its tag to each.  At the first
 * disagreement the alignment stops and the remaining tokens keep the
 * tagger's tags (a parse of other text must not damage the tagging).
 * A tree whose brackets do not balance gives no gold tags at all.
 *
 * Invariants: no I/O, memory from doc->arena only; linear in the size of
 * the parse plus the text.
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
  uint8_t tag;
} leaf;

/* Leaves of the tree in order, or -1 when the brackets do not balance. */
static long read_leaves(parley_doc *doc, const char *s, leaf **out) {
  size_t n = strlen(s), cap = 64, k = 0;
  leaf *v = pl_alloc(&doc->arena, cap * sizeof *v);
  if (!v) return -1;
  long depth = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == ')') {
      if (--depth < 0) return -1;
      continue;
    }
    if (s[i] != '(') continue;
    depth++;
    size_t a = i + 1, b = a;
    while (b < n && !isspace((unsigned char)s[b]) && s[b] != '(' &&
           s[b] != ')')
      b++;
    size_t c = b;
    while (c < n && isspace((unsigned char)s[c])) c++;
    if (c >= n || s[c] == '(' || s[c] == ')') continue; /* a phrase */
    size_t d = c;
    while (d < n && s[d] != ')' && !isspace((unsigned char)s[d])) d++;
    if (d >= n || s[d] != ')') continue;
    if (k == cap) {
      leaf *nv = pl_alloc(&doc->arena, cap * 2 * sizeof *nv);
      if (!nv) return -1;
      memcpy(nv, v, cap * sizeof *v);
      v = nv;
      cap *= 2;
    }
    size_t wn;
    v[k].w = unescape(s + c, d - c, &wn);
    v[k].n = (uint32_t)wn;
    v[k].tag = (uint8_t)tag_of(s + a, b - a);
    k++;
    depth--; /* the leaf's own ')' */
    i = d;
  }
  if (depth != 0) return -1;
  *out = v;
  return (long)k;
}

parley_rc pl_parse_gold_tags(parley_doc *doc) {
  doc->gold_tags = NULL;
  if (!doc->parse || !doc->parse[0] || !doc->toks.n) return PARLEY_OK;
  leaf *lv = NULL;
  long nl = read_leaves(doc, doc->parse, &lv);
  if (doc->arena.failed) return PARLEY_ENOMEM;
  if (nl <= 0) return PARLEY_OK;
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
    if (lo == 0) last = lv[li].tag;
    to++;
    lo++;
    int tok_end = to >= t->len, leaf_end = lo >= lv[li].n;
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
  return PARLEY_OK;
}
