/* test_parse_tree.c - the phrase structure of a Penn parse given with the
 * article (parse.c pl_tree_syntax) corrects the chunker's guesses:
 * noun-phrase lists, the head of a subject with modifiers, relative
 * clauses; a parse of other text changes nothing past the disagreement.
 * Sentences and trees written for this test. */
#include "harness.h"
#include "internal.h"

static parley_ctx *ctx;
static parley_doc *doc;

static int tok(const char *w) {
  for (uint32_t i = 0; i < doc->toks.n; i++) {
    const pl_token *t = &doc->toks.v[i];
    if (t->len == strlen(w) && !memcmp(doc->text + t->off, w, t->len))
      return (int)i;
  }
  return -1;
}

static void code(const char *text, const char *parse) {
  parley_article a = {.id = "t", .text = text, .text_len = strlen(text)};
  INT_EQ(parley_doc_set_parse(doc, parse), PARLEY_OK, "set_parse");
  INT_EQ(parley_doc_code(doc, &a), PARLEY_OK, "%s", text);
}

/* Is there an event src -> tgt (country roots) with this code root? */
static int has_event(const char *src, const char *tgt) {
  for (uint32_t i = 0; i < doc->events.n; i++) {
    const pl_event *e = &doc->events.v[i];
    if (e->src < 0 || e->tgt < 0) continue;
    const char *s = doc->ments.v[pl_ment_resolved(doc, e->src)].a.code;
    const char *t = doc->ments.v[pl_ment_resolved(doc, e->tgt)].a.code;
    if (s && t && !strncmp(s, src, 3) && !strncmp(t, tgt, 3)) return 1;
  }
  return 0;
}

/* Code of the mention that covers word w ("-" when none). */
static const char *ment_code(const char *w) {
  int k = tok(w);
  for (uint32_t i = 0; k >= 0 && i < doc->ments.n; i++) {
    const pl_mention *m = &doc->ments.v[i];
    if ((uint32_t)k >= m->tok && (uint32_t)k < m->tok + m->ntok)
      return m->a.code ? m->a.code : "";
  }
  return "-";
}

int main(void) {
  ctx = parley_ctx_new();
  doc = parley_doc_new(ctx);
  OK(ctx && doc, "context");

  /* A list whose second member has a determiner: every comma joins. */
  const char *list = "Norway, the Netherlands, Belgium and Austria "
                     "condemned Russia.";
  const char *list_tree =
      "(ROOT (S (NP (NP (NNP Norway)) (, ,) (NP (DT the) (NNP Netherlands))"
      " (, ,) (NP (NNP Belgium)) (CC and) (NP (NNP Austria)))"
      " (VP (VBD condemned) (NP (NNP Russia))) (. .)))";
  code(list, list_tree);
  OK(doc->pnodes != NULL && doc->npnodes > 10, "tree read");
  int c1 = tok(",");
  OK(c1 > 0 && (doc->toks.v[c1].syn & PL_SY_CONJ), "comma before 'the'");
  OK(has_event("NOR", "RUS"), "first member of the list kept");
  OK(has_event("AUT", "RUS"), "last member too");

  /* The subject's head names an actor: the actors inside its modifier
   * ("between Peru and Bolivia") are not the subject. */
  const char *subj = "The Chile envoy of a dispute between Peru and Bolivia "
                     "criticized Argentina.";
  code(subj,
       "(ROOT (S (NP (NP (DT The) (NNP Chile) (NN envoy)) (PP (IN of)"
       " (NP (NP (DT a) (NN dispute)) (PP (IN between) (NP (NNP Peru)"
       " (CC and) (NNP Bolivia)))))) (VP (VBD criticized)"
       " (NP (NNP Argentina))) (. .)))");
  OK(doc->toks.v[tok("Peru")].syn & PL_SY_ASIDE, "modifier set aside");
  OK(has_event("CHL", "ARG"), "source is the head");
  OK(!has_event("PER", "ARG"), "not the actor in the modifier");

  /* A comma-set phrase between the subject's head and its verb phrase. */
  code("Chile's foreign minister, in remarks aired on Monday, accused Peru.",
       "(ROOT (S (NP (NP (NP (NNP Chile) (POS 's)) (JJ foreign) (NN minister))"
       " (, ,) (PP (IN in) (NP (NP (NNS remarks)) (VP (VBN aired) (PP (IN on)"
       " (NP (NNP Monday)))))) (, ,)) (VP (VBD accused) (NP (NNP Peru)))"
       " (. .)))");
  OK(doc->toks.v[tok("remarks")].syn & PL_SY_ASIDE, "comma-set modifier");
  OK(has_event("CHL", "PER"), "source is the subject's head");

  /* Coordinated subjects whose second conjunct takes its actor from an
   * of-phrase: both conjuncts are sources. */
  code("Chile's ships and boats of Peru attacked Bolivia.",
       "(ROOT (S (NP (NP (NP (NNP Chile) (POS 's)) (NNS ships)) (CC and)"
       " (NP (NP (NNS boats)) (PP (IN of) (NP (NNP Peru)))))"
       " (VP (VBD attacked) (NP (NNP Bolivia))) (. .)))");
  OK(has_event("PER", "BOL"), "of-phrase conjunct");
  OK(has_event("CHL", "BOL"), "possessor conjunct");

  /* A relative clause on a noun phrase opened by "where". */
  code("Egypt sent the envoy to Jordan where he met Syria.",
       "(ROOT (S (NP (NNP Egypt)) (VP (VBD sent) (NP (DT the) (NN envoy))"
       " (PP (TO to) (NP (NP (NNP Jordan)) (SBAR (WHADVP (WRB where))"
       " (S (NP (PRP he)) (VP (VBD met) (NP (NNP Syria)))))))) (. .)))");
  OK(doc->toks.v[tok("where")].syn & PL_SY_REL, "relative 'where'");

  /* A participle on a noun: a passive reduced relative, not an event of
   * the actor before it; a verb inside a noun phrase is a modifier. */
  code("Chad freed a Mali envoy jailed in Niger last year.",
       "(ROOT (S (NP (NNP Chad)) (VP (VBD freed) (NP (NP (DT a) (NNP Mali)"
       " (NN envoy)) (VP (VBN jailed) (PP (IN in) (NP (NNP Niger)))"
       " (NP (JJ last) (NN year))))) (. .)))");
  int jv = doc->toks.v[tok("jailed")].vg;
  OK(jv >= 0 && (doc->vgs.v[jv].flags & PL_VG_REL) &&
     (doc->vgs.v[jv].flags & PL_VG_PASSIVE), "reduced relative");
  OK(!has_event("MLI", "NER") && !has_event("NER", "MLI"),
     "no event from the reduced relative");
  INT_EQ(doc->events.n, 1, "only the main verb's event");
  OK(has_event("TCD", "MLI"), "the main verb still codes");
  code("Sudan said armed rebels attacked Chad.",
       "(ROOT (S (NP (NNP Sudan)) (VP (VBD said) (SBAR (S (NP (VBN armed)"
       " (NNS rebels)) (VP (VBD attacked) (NP (NNP Chad)))))) (. .)))");
  jv = doc->toks.v[tok("armed")].vg;
  OK(jv < 0 || (doc->vgs.v[jv].flags & PL_VG_ADJ), "participle in an NP");

  /* Clauses joined by "and": no compound actor across them. */
  code("Chad attacked Mali and Niger condemned Chad.",
       "(ROOT (S (S (NP (NNP Chad)) (VP (VBD attacked) (NP (NNP Mali))))"
       " (CC and) (S (NP (NNP Niger)) (VP (VBD condemned) (NP (NNP Chad))))"
       " (. .)))");
  OK(!(doc->toks.v[tok("and")].syn & PL_SY_CONJ), "clause 'and'");

  /* A parse of other words: phrases past the disagreement get no span
   * and the chunker's flags stay as they are without a parse. */
  code(list, "(ROOT (S (NP (NP (NNP Norway)) (, ,) (NP (DT a) (NNP Land))))"
             " (VP (VBD went)) (. .))");
  OK(doc->pnodes == NULL || doc->npnodes > 0, "read");
  uint16_t with_bad[32] = {0};
  for (uint32_t i = 0; i < doc->toks.n && i < 32; i++)
    with_bad[i] = doc->toks.v[i].syn;
  code(list, NULL);
  OK(doc->pnodes == NULL, "no parse, no tree");
  int same = 1;
  for (uint32_t i = 0; i < doc->toks.n && i < 32; i++)
    if (doc->toks.v[i].syn != with_bad[i]) same = 0;
  OK(same, "a misaligned tree changes no flag");

  /* Traces and function tags of Treebank-style trees are read. */
  code(list,
       "( (S (NP-SBJ-1 (NP (NNP Norway)) (, ,) (NP (DT the) (NNP Netherlands))"
       " (, ,) (NP (NNP Belgium)) (CC and) (NP (NNP Austria)))"
       " (VP (VBD condemned) (NP (NNP Russia)) (NP (-NONE- *T*-1))) (. .)))");
  OK(has_event("NOR", "RUS"), "function tags and traces");

  /* One tree per sentence, one after the other (CoreNLP output). */
  code("Chad attacked Mali. The Chile envoy of a dispute between Peru and "
       "Bolivia criticized Argentina.",
       "(ROOT (S (NP (NNP Chad)) (VP (VBD attacked) (NP (NNP Mali))) (. .)))\n"
       "(ROOT (S (NP (NP (DT The) (NNP Chile) (NN envoy)) (PP (IN of)"
       " (NP (NP (DT a) (NN dispute)) (PP (IN between) (NP (NNP Peru)"
       " (CC and) (NNP Bolivia)))))) (VP (VBD criticized)"
       " (NP (NNP Argentina))) (. .)))");
  OK(doc->sents.n == 2, "two sentences");
  OK(has_event("TCD", "MLI"), "first tree");
  OK(has_event("CHL", "ARG") && !has_event("PER", "ARG"), "second tree");
  OK(doc->pleaf && doc->pleaf[tok("Argentina")] >= 0, "leaf index");

  /* Verb-phrase extent (events.c: PETRARCH codes a verb phrase once): a
   * complement clause is inside, a relative clause on the subject and a
   * coordinated verb phrase are not. */
  code("The envoy who visited Chad was said to be about to meet Mali after "
       "Niger attacked Togo, and then left.",
       "(ROOT (S (NP (NP (DT The) (NN envoy)) (SBAR (WHNP (WP who)) (S (VP"
       " (VBD visited) (NP (NNP Chad)))))) (VP (VP (VBD was) (VP (VBN said)"
       " (S (VP (TO to) (VP (VB be) (ADJP (RB about) (S (VP (TO to) (VP (VB"
       " meet) (NP (NNP Mali))))) (SBAR (IN after) (S (NP (NNP Niger)) (VP"
       " (VBD attacked) (NP (NNP Togo))))))))))) (, ,) (CC and) (VP (RB then)"
       " (VBD left))) (. .)))");
  int was = tok("was");
  INT_EQ(pl_tree_in_vp(doc, was, tok("meet")), 1, "infinitive inside");
  INT_EQ(pl_tree_in_vp(doc, was, tok("attacked")), 1, "subordinate inside");
  INT_EQ(pl_tree_in_vp(doc, tok("visited"), was), 0, "relative: not");
  INT_EQ(pl_tree_in_vp(doc, was, tok("left")), 0, "coordination: not");
  INT_EQ(pl_tree_in_vp(doc, tok("meet"), tok("attacked")), 1,
         "out of the complement clause up to the main verb phrase");
  INT_EQ(pl_tree_in_vp(doc, tok("Chad"), was), -1, "not a verb");

  /* Unbalanced: nothing. */
  code(list, "(ROOT (S (NP (NNP Norway)");
  OK(doc->pnodes == NULL, "unbalanced tree ignored");

  /* "the Norwegian media and government": a modifier is shared by the
   * nouns of one flat noun phrase, not by a separate second phrase. */
  const char *shared = "The Norwegian media and government criticised "
                       "Russia.";
  code(shared,
       "(ROOT (S (NP (DT The) (JJ Norwegian) (NNS media) (CC and)"
       " (NN government)) (VP (VBD criticised) (NP (NNP Russia))) (. .)))");
  STR_EQ(ment_code("government"), "NORGOV", "flat phrase shares");
  code(shared,
       "(ROOT (S (NP (NP (DT The) (JJ Norwegian) (NNS media)) (CC and)"
       " (NP (NN government))) (VP (VBD criticised) (NP (NNP Russia)))"
       " (. .)))");
  OK(strcmp(ment_code("government"), "NORGOV") != 0,
     "separate phrase does not share");

  parley_doc_free(doc);
  parley_ctx_free(ctx);
  return h_done("parse_tree");
}
