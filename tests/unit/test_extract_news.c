/* test_extract_news.c - quotes, counts and coreference on wire-style
 * articles written for this test (our own words), one failure class per
 * case: titled and organisational speakers, "according to", reported
 * speech that is not a quote, speakers carried across sentences, inner
 * quotes, ranges, tolls, participle verbs, coordinated counts, numbers
 * that are not counts of people (equipment, percent, distance, years,
 * ages, money, dates), victims' side and perpetrator, and role nominals
 * ("the group", "the ministry", "the prime minister").
 *
 * Each case lists every quote (its speaker's resolved code, "" = no
 * coded speaker) and every count ("kind value [who=X] [by=Y]", X/Y "-"
 * = no coded actor) the article must give, and nothing else: an extra
 * record is a precision error.  The score is printed
 * (correct/incorrect/missed); any error fails. */
#include "harness.h"
#include "internal.h"

typedef struct {
  const char *text;
  const char *q[4];
  const char *c[5];
} case_t;

static const case_t cases[] = {
    /* speakers with titles and organisations */
    {"\"We will not stop until every hostage is home,\" a spokesman for "
     "the Israeli military said on Tuesday.", {"ISRMIL"}, {NULL}},
    {"\"The talks have stalled,\" officials told reporters in Cairo.",
     {""}, {NULL}},
    {"According to the Egyptian foreign ministry, \"the crossing will "
     "reopen on Sunday.\"", {"EGYGOV"}, {NULL}},
    {"The Egyptian Foreign Ministry condemned the raid. The ministry said "
     "in a statement that \"such acts undermine every effort at calm.\"",
     {"EGYGOV"}, {NULL}},
    /* reported speech without marks is not a quote */
    {"The president said the negotiations would continue next week. "
     "Officials said the army had withdrawn from the town.", {NULL}, {NULL}},
    /* a quotation paragraph after a cue sentence carries its speaker;
     * inner single quotes stay inside */
    {"\"The situation in the camp is catastrophic,\" said Ahmed Salem, a "
     "doctor at the hospital. \"We have no fuel and no medicine, and the "
     "'safe zone' is not safe.\"", {"", ""}, {NULL}},
    /* a partial quote after an accusing or warning verb */
    {"Human Rights Watch accused Israel of \"collective punishment\" of "
     "civilians in the north.", {"NGOHRIHRW"}, {NULL}},
    {"Iranian Foreign Minister Abbas Araghchi warned that \"any attack "
     "will be met with force.\"", {"IRNGOV"}, {NULL}},
    /* the cue word inside a name is no cue ("United States") */
    {"Amnesty International accused the United States of sending a "
     "\"dangerous signal to abusive governments\".", {"NGOHRIAMN"}, {NULL}},
    /* title coreference for a speaker */
    {"Israeli Prime Minister Benjamin Netanyahu met U.S. Secretary of State "
     "Antony Blinken in Jerusalem. The prime minister said: \"We are ready "
     "for a deal, but not at any price.\"", {"ISRGOV"}, {NULL}},
    /* ranges, tolls */
    {"Between 20 and 30 people were killed in the clashes, witnesses "
     "said.", {NULL}, {"killed 20"}},
    {"The death toll rose to 40 on Friday, the health ministry said.",
     {NULL}, {"killed 40"}},
    /* perpetrator of a strike; victims' side */
    {"An Israeli strike on a house in Rafah killed five members of one "
     "family, medics said.", {NULL}, {"killed 5 by=ISR"}},
    {"Two Israeli soldiers were killed in southern Gaza, the military "
     "said.", {NULL}, {"killed 2 who=ISRMIL"}},
    /* participles after a comma take the main clause's subject */
    {"Russian forces shelled the city overnight, killing 4 civilians and "
     "wounding 11, the regional governor said.", {NULL},
     {"killed 4 by=RUSMIL", "injured 11 by=RUSMIL"}},
    {"A roadside bomb killed one U.S. soldier and wounded two others, the "
     "military said.", {NULL}, {"killed 1 who=USAMIL", "injured 2 by=-"}},
    {"Gunmen opened fire on a market, killing at least 12 people and "
     "wounding dozens, police said.", {NULL}, {"killed 12", "injured 24"}},
    /* numbers that are not counts of people */
    {"The army said it destroyed 3 tanks and advanced 5 km into the town. "
     "Prices have risen 20 percent in 10 years. A 42-year-old man was "
     "arrested on Monday. The government pledged $5 million in aid.",
     {NULL}, {NULL}},
    {"At least 9 people were killed on 12 May when gunmen attacked a bus. "
     "The 25 members of the delegation arrived in Cairo on Monday.",
     {NULL}, {"killed 9"}},
    /* coordinated counts */
    {"Police arrested 15 protesters and detained 40 others, a police "
     "spokesman said.", {NULL}, {"arrested 15", "detained 40"}},
    {"Three Iraqi soldiers and two police officers were wounded in a "
     "roadside bombing north of Baghdad.", {NULL},
     {"injured 3 who=IRQMIL", "injured 2"}},
    /* "N of its fighters", "the group" */
    {"Hamas fighters attacked an army post near Khan Younis. The group "
     "said 7 of its fighters died in the fighting.", {NULL},
     {"killed 7"}},
    {"Israeli troops arrested 25 Palestinians in overnight raids in the "
     "West Bank, the army said.", {NULL},
     {"arrested 25 who=PSE by=ISRMIL"}},
    {"The bombing killed 3 and wounded 14, officials said.", {NULL},
     {"killed 3", "injured 14"}},
    /* counts of things are not counts of people */
    {"Rebels captured 3 villages north of the city on Sunday. Hamas "
     "released three videos of the hostages. Three armoured vehicles were "
     "captured near the border. Kyiv said 5 drones were shot down.",
     {NULL}, {NULL}},
    {"Government troops seized 12 tanks and captured 40 fighters. Israeli "
     "forces detained 2 journalists and confiscated 4 cameras.", {NULL},
     {"captured 40", "detained 2 by=ISRMIL"}},
    {"No one was killed in the attack, police said. The offensive has "
     "displaced 20% of the population.", {NULL}, {NULL}},
    {"The blast wounded 14 and left 3 others missing. A 15-year-old boy was "
     "among 6 people killed in the raid.", {NULL},
     {"injured 14", "missing 3", "killed 6"}},
    {"At least 40 people were killed, according to the Gaza health "
     "ministry. The U.N. said 1.9 million people had been displaced since "
     "October.", {NULL}, {"killed 40", "displaced 1900000"}},
    /* money is no count; ages and decades are no counts */
    {"The deal would see Israel free 2.5 billion in frozen funds. Police "
     "said a man in his 30s was arrested after 2 officers were injured. "
     "The 2 hostages, aged 61 and 70, were released on Friday.", {NULL},
     {"injured 2", "released 2"}},
    {"Twelve Palestinians were killed in Israeli strikes on Khan Younis "
     "overnight, the health ministry said. Hamas said 3 Israeli soldiers "
     "were killed by its fighters in Rafah.", {NULL},
     {"killed 12 who=PSE by=ISR", "killed 3 who=ISRMIL by=PSEREBHMS"}},
    {"The Hamas official told Al Jazeera that \"the ball is in Israel's "
     "court.\"", {"PSEREBHMS"}, {NULL}},
    /* the speaker named in the next sentence; a new clause between two
     * fragments takes its own speaker; reported speech plus a pronoun */
    {"Qatari Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani said "
     "talks would resume. \"We are close to an agreement,\" he told "
     "reporters in Doha.\n\n\"We will respond at the time and place of our "
     "choosing.\" The warning came from Iranian Foreign Minister Abbas "
     "Araghchi on Sunday.", {"QATGOV", "IRNGOV"}, {NULL}},
    {"Hamas said it had \"no objection\" to the plan, but Israeli officials "
     "described the proposal as \"a non-starter.\"",
     {"PSEREBHMS", "ISRGOV"}, {NULL}},
    {"The report, titled \"Gaza: No Safe Place,\" was published on Tuesday. "
     "Netanyahu's office said in a statement: \"Israel will continue the "
     "operation until all its goals are achieved.\"", {"ISRGOV"}, {NULL}},
    /* a part of a whole counts the part; a discharge is no release */
    {"The army said 6 of the 10 soldiers were wounded. The two leaders "
     "were released from hospital on Monday.", {NULL}, {"injured 6"}},
    {"Israeli forces killed 3 militants and arrested 2 others in Jenin, "
     "the army said.", {NULL},
     {"killed 3 by=ISRMIL", "arrested 2 by=ISRMIL"}},
    /* a name in quotation marks is not speech */
    {"Israel said the so-called \"humanitarian zone\" would be expanded. "
     "The army began an operation dubbed \"Northern Shield\" on Monday.",
     {NULL}, {NULL}},
    /* curly quotes, an inner single-quoted word, a carried speaker */
    {"\u201cWe reject the proposal,\u201d Hamas said in a statement. "
     "\u201cThe occupation bears full responsibility for the "
     "\u2018catastrophe\u2019 in Gaza.\u201d", {"PSEREBHMS", "PSEREBHMS"},
     {NULL}},
    /* role nominals as speakers: title, group, militants; two presidents
     * in one sentence leave "the president" unresolved */
    {"Palestinian President Mahmoud Abbas met Jordan's King Abdullah in "
     "Amman. The president said: \"There can be no peace without a "
     "state.\"", {"PSEGOV"}, {NULL}},
    {"French President Emmanuel Macron spoke with Iranian President Masoud "
     "Pezeshkian on Monday. The president said: \"Restraint is "
     "essential for everyone.\"", {""}, {NULL}},
    {"Hamas fighters attacked an army post near Khan Younis. \"We captured "
     "two soldiers and will hold them,\" the group said.", {"PSEREBHMS"},
     {"captured 2"}},
    {"The Islamic State group claimed the bombing in Kabul. \"This is "
     "revenge for the raids on our brothers,\" the militants said.",
     {"IMGMUSISI"}, {NULL}},
};

static parley_doc *doc;

static const char *code_of(int32_t m) {
  int32_t r = pl_ment_resolved(doc, m);
  if (r < 0 || !doc->ments.v[r].a.code) return "";
  return doc->ments.v[r].a.code;
}

/* "who=ISR" style field of spec s, NULL when not given. */
static int field(const char *s, const char *key, char *out, size_t n) {
  const char *p = strstr(s, key);
  if (!p) return 0;
  p += strlen(key);
  size_t i = 0;
  while (p[i] && p[i] != ' ' && i + 1 < n) { out[i] = p[i]; i++; }
  out[i] = 0;
  if (!strcmp(out, "-")) out[0] = 0;
  return 1;
}

static int count_ok(const pl_count *c, const char *spec) {
  char kind[32], want[32];
  double v;
  if (sscanf(spec, "%31s %lf", kind, &v) != 2) return 0;
  if (strcmp(c->kind, kind) || c->value != v) return 0;
  if (field(spec, "who=", want, sizeof want) && strcmp(code_of(c->who), want))
    return 0;
  if (field(spec, "by=", want, sizeof want) && strcmp(code_of(c->by), want))
    return 0;
  return 1;
}

int main(void) {
  parley_ctx *ctx = parley_ctx_new();
  doc = parley_doc_new(ctx);
  int qok = 0, qbad = 0, qmiss = 0, cok = 0, cbad = 0, cmiss = 0;
  int verbose = getenv("PL_VERBOSE") != NULL;
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    const case_t *t = &cases[k];
    parley_article a = {.id = "t", .date = "2024-03-14", .text = t->text,
                        .text_len = strlen(t->text)};
    INT_EQ(parley_doc_code(doc, &a), PARLEY_OK, "%s", t->text);
    int used[4] = {0};
    for (uint32_t i = 0; i < doc->quotes.n; i++) {
      const pl_quote *q = &doc->quotes.v[i];
      const char *got = code_of(q->speaker);
      int hit = 0;
      for (int e = 0; e < 4 && t->q[e]; e++)
        if (!used[e] && !strcmp(t->q[e], got)) { used[e] = hit = 1; break; }
      if (hit) qok++;
      else {
        qbad++;
        fprintf(stderr, "  bad quote [%.*s] speaker %s in: %s\n",
                (int)q->len, doc->text + q->off, got, t->text);
      }
    }
    for (int e = 0; e < 4 && t->q[e]; e++)
      if (!used[e]) {
        qmiss++;
        fprintf(stderr, "  missed quote by '%s' in: %s\n", t->q[e], t->text);
      }
    int cused[5] = {0};
    for (uint32_t i = 0; i < doc->counts.n; i++) {
      const pl_count *c = &doc->counts.v[i];
      int hit = 0;
      for (int e = 0; e < 5 && t->c[e]; e++)
        if (!cused[e] && count_ok(c, t->c[e])) { cused[e] = hit = 1; break; }
      if (hit) cok++;
      else {
        cbad++;
        fprintf(stderr, "  bad count %s %g who=%s by=%s in: %s\n", c->kind,
                c->value, code_of(c->who), code_of(c->by), t->text);
      }
    }
    for (int e = 0; e < 5 && t->c[e]; e++)
      if (!cused[e]) {
        cmiss++;
        fprintf(stderr, "  missed count '%s' in: %s\n", t->c[e], t->text);
      }
    if (verbose)
      for (uint32_t i = 0; i < doc->ments.n; i++)
        fprintf(stderr, "    M%u [%.*s] %s -> %s\n", i,
                (int)(doc->toks.v[doc->ments.v[i].tok + doc->ments.v[i].ntok - 1].off +
                      doc->toks.v[doc->ments.v[i].tok + doc->ments.v[i].ntok - 1].len -
                      doc->toks.v[doc->ments.v[i].tok].off),
                doc->text + doc->toks.v[doc->ments.v[i].tok].off,
                doc->ments.v[i].a.code ? doc->ments.v[i].a.code : "",
                code_of((int32_t)i));
  }
  printf("quotes: %d correct, %d incorrect, %d missed\n", qok, qbad, qmiss);
  printf("counts: %d correct, %d incorrect, %d missed\n", cok, cbad, cmiss);
  INT_EQ(qbad + cbad, 0, "precision errors");
  INT_EQ(qmiss + cmiss, 0, "missed records");
  parley_doc_free(doc);
  parley_ctx_free(ctx);
  return h_done("extract_news");
}
