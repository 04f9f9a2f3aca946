/* test_coref.c - coreference rules on sentences written for these tests.
 * The mentions are set by the test (as actors.c would), so the rules are
 * checked independently of the actor dictionaries. */
#include "harness.h"
#include "internal.h"

static parley_ctx *ctx;
static parley_doc *doc;

static void prepare(const char *text) {
  parley_article a = {.id = "t", .date = "2024-03-14", .text = text,
                      .text_len = strlen(text)};
  INT_EQ(parley_doc_code_until(doc, &a, "places"), PARLEY_OK, "%s", text);
  doc->ments.n = 0;
  for (uint32_t i = 0; i < doc->toks.n; i++) doc->toks.v[i].ment = -1;
}

/* Token index of the nth (0-based) token whose surface is w. */
static uint32_t tok(const char *w, int nth) {
  for (uint32_t i = 0; i < doc->toks.n; i++) {
    const pl_token *t = &doc->toks.v[i];
    if (t->len == strlen(w) && !memcmp(doc->text + t->off, w, t->len) &&
        nth-- == 0)
      return i;
  }
  fprintf(stderr, "no token %s\n", w);
  exit(1);
}

/* Adds a mention over ntok tokens from the nth occurrence of w. */
static int32_t ment(const char *w, int nth, uint32_t ntok, const char *code,
                    uint16_t flags) {
  uint32_t t = tok(w, nth);
  pl_mention *m = pl_vec_push(&doc->arena, &doc->ments);
  if (!m) exit(1);
  m->sent = doc->toks.v[t].sent;
  m->tok = t;
  m->ntok = ntok;
  m->a.code = code;
  m->a.how = code[0] ? PL_HOW_EXACT : PL_HOW_UNKNOWN;
  m->ante = -1;
  m->flags = flags;
  int32_t idx = (int32_t)doc->ments.n - 1;
  for (uint32_t i = t; i < t + ntok; i++) doc->toks.v[i].ment = idx;
  return idx;
}

enum { P = PL_MF_PERSON, PR = PL_MF_PRONOUN, PL = PL_MF_PLURAL,
       C = PL_MF_COUNTRY, ADJ = PL_MF_ADJ, POSS = PL_MF_POSS };

int main(void) {
  ctx = parley_ctx_new();
  doc = parley_doc_new(ctx);
  int32_t a, b, c, d, e;

  /* he -> the person named before */
  prepare("Antony Blinken met the envoy. He said talks went well.");
  a = ment("Antony", 0, 2, "USAGOV", P);
  b = ment("He", 0, 1, "", P | PR);
  INT_EQ(pl_coref_run(doc), PARLEY_OK, "run");
  INT_EQ(doc->ments.v[b].ante, a, "he -> Blinken");
  INT_EQ(pl_ment_resolved(doc, b), a, "resolved");

  /* she prefers the subject of the previous sentence over the nearest */
  prepare("Maria Lopez met Peter Vance in Rome. She said the talks went "
          "well.");
  a = ment("Maria", 0, 2, "", P);
  b = ment("Peter", 0, 2, "", P);
  c = ment("She", 0, 1, "", P | PR);
  pl_coref_run(doc);
  INT_EQ(doc->ments.v[c].ante, a, "she -> subject Maria Lopez");

  /* his/her: the nearest person in the same sentence */
  prepare("Maria Lopez said Peter Vance was wrong and that his plan failed.");
  a = ment("Maria", 0, 2, "", P);
  b = ment("Peter", 0, 2, "", P);
  c = ment("his", 0, 1, "", P | PR);
  pl_coref_run(doc);
  INT_EQ(doc->ments.v[c].ante, b, "his -> nearest person");

  /* a person named inside a quotation is not the antecedent outside */
  prepare("\"Peter Vance is wrong,\" Lina Osei said. He later left.");
  a = ment("Peter", 0, 2, "", P);
  b = ment("Lina", 0, 2, "", P);
  c = ment("He", 0, 1, "", P | PR);
  pl_coref_run(doc);
  INT_EQ(doc->ments.v[c].ante, b, "he -> Lina Osei, not the quoted name");

  /* a chain of pronouns points to the name */
  prepare("Omar Haddad arrived. He spoke. He left.");
  a = ment("Omar", 0, 2, "", P);
  b = ment("He", 0, 1, "", P | PR);
  c = ment("He", 1, 1, "", P | PR);
  pl_coref_run(doc);
  INT_EQ(doc->ments.v[c].ante, a, "second he -> Omar Haddad");

  /* no person: no link */
  prepare("Egypt hosted talks. He said nothing.");
  a = ment("Egypt", 0, 1, "EGY", C);
  b = ment("He", 0, 1, "", P | PR);
  pl_coref_run(doc);
  INT_EQ(doc->ments.v[b].ante, -1, "he has no person to refer to");

  /* they -> plural/organisation/country, nearest */
  prepare("Egypt and Qatar proposed a truce. They said it would hold.");
  a = ment("Egypt", 0, 1, "EGY", C);
  b = ment("Qatar", 0, 1, "QAT", C);
  c = ment("They", 0, 1, "", PR | PL);
  pl_coref_run(doc);
  OK(doc->ments.v[c].ante == a || doc->ments.v[c].ante == b, "they -> %d",
     doc->ments.v[c].ante);

  /* surname and first-name repeats of unknown names, misspelling */
  prepare("Osama Hamdan spoke in Beirut. Later Hamdan said more. Yahya "
          "Sinwar was killed. Shinwar had led the group.");
  a = ment("Osama", 0, 2, "", P);
  b = ment("Hamdan", 1, 1, "", P);
  c = ment("Yahya", 0, 2, "PSEREBHMS", P);
  d = ment("Shinwar", 0, 1, "", P);
  pl_coref_run(doc);
  INT_EQ(doc->ments.v[b].ante, a, "Hamdan -> Osama Hamdan");
  INT_EQ(doc->ments.v[d].ante, c, "Shinwar -> Yahya Sinwar");
  prepare("Qatari Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani "
          "arrived. Sheikh Mohammed said little.");
  a = ment("Sheikh", 0, 6, "QATGOV", P);
  b = ment("Sheikh", 1, 2, "", P);
  pl_coref_run(doc);
  INT_EQ(doc->ments.v[b].ante, a, "Sheikh Mohammed -> full name");
  /* unrelated names do not link */
  prepare("Maria Lopez spoke. Lina Osei answered.");
  a = ment("Maria", 0, 2, "", P);
  b = ment("Lina", 0, 2, "", P);
  pl_coref_run(doc);
  INT_EQ(doc->ments.v[b].ante, -1, "different names");

  /* role nominals */
  prepare("Mohammed Al Thani met Antony Blinken. Qatar's prime minister "
          "said the minister would return.");
  a = ment("Mohammed", 0, 3, "QATGOV", P);
  b = ment("Antony", 0, 2, "USAGOV", P);
  c = ment("Qatar", 0, 1, "QAT", C | POSS);
  d = ment("prime", 0, 2, "GOV", 0);
  e = ment("the", 0, 2, "GOV", 0);
  pl_coref_run(doc);
  INT_EQ(doc->ments.v[d].ante, a, "Qatar's prime minister -> Al Thani");
  INT_EQ(doc->ments.v[e].ante, b, "the minister -> nearest GOV person");
  prepare("Hamas rejected the plan. The militant group said it would fight.");
  a = ment("Hamas", 0, 1, "PSEREBHMS", 0);
  b = ment("The", 0, 3, "REB", 0);
  pl_coref_run(doc);
  INT_EQ(doc->ments.v[b].ante, a, "the militant group -> Hamas");
  prepare("Israeli troops entered Jenin.");
  a = ment("Israeli", 0, 2, "ISRMIL", ADJ);
  pl_coref_run(doc);
  INT_EQ(doc->ments.v[a].ante, -1, "indefinite nominal stays");
  prepare("The U.S. and Qatar sent envoys. The two partners said talks "
          "would resume.");
  a = ment("U.S.", 0, 1, "USA", C);
  b = ment("Qatar", 0, 1, "QAT", C);
  c = ment("The", 1, 3, "", PL);
  pl_coref_run(doc);
  INT_EQ(doc->ments.v[c].ante, a, "the two partners -> first of the pair");

  /* an antecedent set by the actor stage is kept; a later one is dropped */
  prepare("Omar Haddad arrived. He spoke.");
  a = ment("Omar", 0, 2, "", P);
  b = ment("He", 0, 1, "", P | PR);
  doc->ments.v[a].ante = 1; /* invalid: not earlier */
  pl_coref_run(doc);
  INT_EQ(doc->ments.v[a].ante, -1, "forward antecedent removed");
  INT_EQ(doc->ments.v[b].ante, a, "he resolved");

  parley_doc_free(doc);
  parley_ctx_free(ctx);
  return h_done("coref");
}
