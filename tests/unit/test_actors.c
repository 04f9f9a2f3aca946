/*
 * test_actors.c - the actor stage on whole sentences: mentions in token
 * order, tok->ment, flags (pronoun, possessive, plural, person, country,
 * adjective), agent segment of bare agents, longest match, hyphen and
 * period tolerance, date choice, unknown names, fuzzy names, roles.
 */
#include "harness.h"
#include "internal.h"

static parley_ctx *ctx;
static parley_doc *doc;

static void code(const char *text, const char *date) {
  parley_article a;
  memset(&a, 0, sizeof a);
  a.id = "t";
  a.date = date;
  a.text = text;
  a.text_len = strlen(text);
  parley_rc rc = parley_doc_code_until(doc, &a, "actors");
  OK(rc == PARLEY_OK, "code %s: %s", text, parley_doc_errmsg(doc));
}

/* Text of mention m. */
static const char *mtext(uint32_t m) {
  static char buf[256];
  const pl_mention *mt = &doc->ments.v[m];
  const pl_token *a = &doc->toks.v[mt->tok];
  const pl_token *b = &doc->toks.v[mt->tok + mt->ntok - 1];
  size_t n = b->off + b->len - a->off;
  if (n >= sizeof buf) n = sizeof buf - 1;
  memcpy(buf, doc->text + a->off, n);
  buf[n] = 0;
  return buf;
}

/* Finds the mention whose text is t, -1 when none. */
static int find(const char *t) {
  for (uint32_t m = 0; m < doc->ments.n; m++)
    if (!strcmp(mtext(m), t)) return (int)m;
  return -1;
}

static void expect(const char *t, const char *want_code, int how) {
  int m = find(t);
  OK(m >= 0, "mention '%s' found", t);
  if (m < 0) {
    for (uint32_t i = 0; i < doc->ments.n; i++)
      fprintf(stderr, "  have '%s' %s\n", mtext(i), doc->ments.v[i].a.code);
    return;
  }
  STR_EQ(doc->ments.v[m].a.code, want_code, "code of '%s'", t);
  if (how >= 0) INT_EQ(doc->ments.v[m].a.how, how, "how of '%s'", t);
}

static void test_order_and_tokens(void) {
  code("Israeli troops clashed with Palestinian militants near Gaza City, "
       "and U.S. officials said they were concerned.", "2024-10-24");
  OK(doc->ments.n >= 4, "mentions: %u", doc->ments.n);
  for (uint32_t m = 1; m < doc->ments.n; m++)
    OK(doc->ments.v[m].tok > doc->ments.v[m - 1].tok, "token order");
  for (uint32_t m = 0; m < doc->ments.n; m++) {
    const pl_mention *mt = &doc->ments.v[m];
    INT_EQ(mt->ante, -1, "ante");
    for (uint32_t k = mt->tok; k < mt->tok + mt->ntok; k++)
      INT_EQ(doc->toks.v[k].ment, (int)m, "tok->ment");
  }
  expect("Israeli troops", "ISRMIL", PL_HOW_AGENT);
  expect("Palestinian militants", "PSEREB", PL_HOW_AGENT);
  expect("U.S. officials", "USAGOV", PL_HOW_AGENT);
  int m = find("Israeli troops");
  if (m >= 0) {
    OK(doc->ments.v[m].flags & PL_MF_PLURAL, "plural");
    STR_EQ(doc->ments.v[m].agent, "MIL", "agent segment");
  }
  m = find("they");
  OK(m >= 0, "pronoun found");
  if (m >= 0) {
    OK(doc->ments.v[m].flags & PL_MF_PRONOUN, "pronoun flag");
    OK(doc->ments.v[m].flags & PL_MF_PLURAL, "they is plural");
    STR_EQ(doc->ments.v[m].a.code, "", "pronoun has no code");
  }
  /* tokens outside mentions keep -1 */
  INT_EQ(doc->toks.v[2].ment, -1, "'clashed' not covered");
}

static void test_possessive_and_country(void) {
  code("Qatar's prime minister met Egypt's intelligence chief. "
       "Netanyahu's remarks drew criticism.", "2024-10-24");
  expect("Qatar's prime minister", "QATGOV", PL_HOW_AGENT);
  int m = find("Netanyahu");
  OK(m >= 0, "Netanyahu alone");
  if (m >= 0) {
    OK(doc->ments.v[m].flags & PL_MF_POSS, "possessive flag");
    OK(doc->ments.v[m].flags & PL_MF_PERSON, "person flag");
    STR_EQ(doc->ments.v[m].a.code, "ISRGOV", "dated code");
  }
  code("Egypt and Qatar mediated.", NULL);
  m = find("Egypt");
  OK(m >= 0 && (doc->ments.v[m].flags & PL_MF_COUNTRY), "country flag");
  code("The Egyptian delegation arrived.", NULL);
  expect("Egyptian delegation", "EGYGOV", PL_HOW_AGENT);
  code("An Israeli said so.", NULL);
  m = find("Israeli");
  OK(m >= 0 && (doc->ments.v[m].flags & PL_MF_ADJ), "adjective flag");
}

static void test_agents_alone_and_of(void) {
  code("The militants fired rockets at the officials.", NULL);
  int m = find("militants");
  OK(m >= 0, "bare agent");
  if (m >= 0) {
    STR_EQ(doc->ments.v[m].a.code, "", "bare agent: no code");
    STR_EQ(doc->ments.v[m].agent, "REB", "bare agent: sector kept");
  }
  code("A delegation of Hamas leaders went to Cairo.", NULL);
  expect("delegation of Hamas leaders", "PSEREBHMS", -1);
  code("The foreign minister of Egypt spoke.", NULL);
  expect("foreign minister of Egypt", "EGYGOV", PL_HOW_AGENT);
}

static void test_people_roles_fuzzy(void) {
  code("U.S. Secretary of State Antony Blinken flew to Doha, and Doha "
       "welcomed him.", "2024-10-24");
  expect("U.S. Secretary of State Antony Blinken", "USAGOV", PL_HOW_EXACT);
  /* U.S.(0) Secretary of State Antony Blinken flew to Doha(8) ,(9) and
   * Doha(11) welcomed */
  int d1 = doc->toks.v[8].ment, d2 = doc->toks.v[11].ment;
  OK(d1 >= 0 && d2 >= 0, "both Dohas are mentions");
  if (d1 >= 0 && d2 >= 0) {
    STR_EQ(doc->ments.v[d1].a.code, "QAT", "'to Doha' names the country");
    STR_EQ(doc->ments.v[d2].a.code, "QATGOV", "'Doha welcomed': government");
    INT_EQ(doc->ments.v[d2].a.how, PL_HOW_METONYM, "metonym");
  }
  code("The tornado hit Paris, Texas, on Monday.", NULL);
  INT_EQ(doc->toks.v[3].ment, -1, "'Paris, Texas' is only a place");
  code("Antony Blinken spoke.", "2026-01-01");
  expect("Antony Blinken", "USAELI", PL_HOW_EXACT);
  code("Israel said Mossad Intelligence Director David Balnea will travel.",
       "2024-10-24");
  expect("Mossad Intelligence Director David Balnea", "ISRSPY", PL_HOW_ROLE);
  code("Since the killing of Shinwar, Israel has pressed on.", "2024-10-24");
  expect("Shinwar", "PSEREBHMS", PL_HOW_FUZZY);
  code("Talks with Jonas Wexlerberg continued.", NULL);
  expect("Jonas Wexlerberg", "", PL_HOW_UNKNOWN);
  code("Sheikh Mohammed bin Abdulrahman Al-Thani hosted them.", "2024-10-24");
  expect("Sheikh Mohammed bin Abdulrahman Al-Thani", "QATGOV", -1);
}

static void test_longest_and_case(void) {
  code("The U.N. nuclear watchdog warned.", NULL);
  expect("U.N. nuclear watchdog", "IGOUNOIAE", -1);
  code("They told us nothing.", NULL);
  int m = find("us");
  OK(m >= 0 && (doc->ments.v[m].flags & PL_MF_PRONOUN),
     "lower-case 'us' is a pronoun, not the USA");
  code("The US warned Iran.", NULL);
  expect("US", "USA", -1);
}

static void test_coordination_and_context(void) {
  code("Israeli and American negotiators met in Cairo.", NULL);
  expect("Israeli", "ISRGOV", PL_HOW_AGENT);
  expect("American negotiators", "USAGOV", PL_HOW_AGENT);
  code("The ambassadors of Egypt, Jordan and Qatar protested.", NULL);
  expect("ambassadors of Egypt", "EGYGOV", PL_HOW_AGENT);
  expect("Jordan", "JORGOV", PL_HOW_AGENT);
  expect("Qatar", "QATGOV", PL_HOW_AGENT);
  code("Egyptian media and government reacted.", NULL);
  expect("Egyptian media", "EGYMED", PL_HOW_AGENT);
  expect("government", "EGYGOV", PL_HOW_AGENT);
  code("Two soldiers were killed by an Israeli drone strike.", NULL);
  expect("Israeli", "ISR", -1);
  code("Former Israeli officials criticised the plan.", NULL);
  expect("Israeli officials", "ISRELI", PL_HOW_AGENT);
  code("Amal Nasser, an Egyptian intelligence official, met them.", NULL);
  expect("Amal Nasser", "EGYSPY", PL_HOW_ROLE);
  expect("Egyptian intelligence official", "EGYSPY", PL_HOW_AGENT);
  code("The minister visited Tehran on Wednesday.", NULL);
  expect("Tehran", "IRN", PL_HOW_METONYM);
}

/* An agent tied to a country by of/from/in takes it, also over a
 * coordination on either side; an alias overlapping an agent keeps it. */
static void test_agent_prep_and_compounds(void) {
  code("Soldiers from Chad and Niger crossed the border.", NULL);
  expect("Soldiers from Chad", "TCDMIL", PL_HOW_AGENT);
  expect("Niger", "NERMIL", PL_HOW_AGENT);
  code("Lawmakers in Kenya passed the bill.", NULL);
  expect("Lawmakers in Kenya", "KENLEG", PL_HOW_AGENT);
  code("Lawmakers and officials in Kenya and Uganda welcomed it.", NULL);
  expect("Lawmakers and officials in Kenya", "KENLEG/KENGOV", PL_HOW_AGENT);
  expect("Uganda", "UGALEG/UGAGOV", PL_HOW_AGENT);
  code("The U.S. and British foreign ministers met in Rome.", NULL);
  expect("U.S.", "USAGOV", PL_HOW_AGENT);
  expect("British foreign ministers", "GBRGOV", PL_HOW_AGENT);
  code("Israeli military officials said the strike hit a depot.", NULL);
  expect("Israeli military officials", "ISRMIL", -1);
  /* clerics and lawmakers with no preposition stay two bare agents */
  code("Clerics and lawmakers met on Monday.", NULL);
  int m = find("Clerics");
  OK(m >= 0 && !doc->ments.v[m].a.code[0], "bare agent before 'and'");
}

int main(void) {
  ctx = parley_ctx_new();
  doc = parley_doc_new(ctx);
  OK(ctx && doc, "context and doc");
  if (ctx && doc) {
    test_order_and_tokens();
    test_possessive_and_country();
    test_agents_alone_and_of();
    test_people_roles_fuzzy();
    test_longest_and_case();
    test_coordination_and_context();
    test_agent_prep_and_compounds();
  }
  parley_doc_free(doc);
  parley_ctx_free(ctx);
  return h_done("test_actors");
}
