/*
 * test_sentence.c - the sentence splitter on news prose.
 *
 * Every case is an input text and the sentences expected from it, as they
 * appear in the normalised text (curly quotes straightened, em dashes as
 * "--").  All texts were written for parley in wire-story style; they are
 * not taken from any corpus.  The cases cover abbreviations (U.S., Oct.,
 * Gen., initials), numbers, ellipses, quotations that close after the full
 * stop or span sentences, stray closing quotes left by rewriting tools,
 * datelines, brackets, lists, line layout and web addresses.
 */
#include "harness.h"
#include "internal.h"

#define MAXS 8
typedef struct {
  const char *in;
  const char *out[MAXS]; /* expected sentences, NULL-terminated */
} scase;

static const scase cases[] = {
    /* --- initialisms mid-sentence and at the end --- */
    {"The U.S. and Qatar met in Doha. They talked for hours.",
     {"The U.S. and Qatar met in Doha.", "They talked for hours."}},
    {"Talks were held in the U.S. The envoy left on Friday.",
     {"Talks were held in the U.S.", "The envoy left on Friday."}},
    {"He flew to the U.S. on Monday to meet officials.",
     {"He flew to the U.S. on Monday to meet officials."}},
    {"The U.N. said aid was blocked. The U.K. agreed.",
     {"The U.N. said aid was blocked.", "The U.K. agreed."}},
    {"Aid reached the U.N. Officials said more was needed.",
     {"Aid reached the U.N.", "Officials said more was needed."}},
    {"Sanctions were imposed by the U.S.\nGermany objected.",
     {"Sanctions were imposed by the U.S.", "Germany objected."}},
    {"He returned to the U.S. In Doha, talks went on.",
     {"He returned to the U.S.", "In Doha, talks went on."}},
    {"Talks in the U.S. Capitol went on late.",
     {"Talks in the U.S. Capitol went on late."}},
    {"He said he supported the U.S.", {"He said he supported the U.S."}},
    {"Officials from the U.S., Qatar and Egypt met.",
     {"Officials from the U.S., Qatar and Egypt met."}},
    {"Aid to U.S.-backed forces rose sharply.",
     {"Aid to U.S.-backed forces rose sharply."}},
    {"The United Nations (U.N.) said aid was blocked.",
     {"The United Nations (U.N.) said aid was blocked."}},
    {"He thanked the U.S. \"We are grateful,\" he said.",
     {"He thanked the U.S.", "\"We are grateful,\" he said."}},
    {"The U.S. Department of State issued a statement.",
     {"The U.S. Department of State issued a statement."}},
    /* --- dates and months --- */
    {"The attack on Oct. 7 killed hundreds of people.",
     {"The attack on Oct. 7 killed hundreds of people."}},
    {"Fighting began on Oct. 7. It has not stopped.",
     {"Fighting began on Oct. 7.", "It has not stopped."}},
    {"The deal takes effect Jan. 1, officials said.",
     {"The deal takes effect Jan. 1, officials said."}},
    {"The Hamas-led attack on Oct. 7, 2023, killed 1,139 people.",
     {"The Hamas-led attack on Oct. 7, 2023, killed 1,139 people."}},
    {"Talks resumed on Sept. 12 in Cairo. Both sides attended.",
     {"Talks resumed on Sept. 12 in Cairo.", "Both sides attended."}},
    /* --- titles --- */
    {"Gen. Herzi Halevi visited the base on Monday.",
     {"Gen. Herzi Halevi visited the base on Monday."}},
    {"Dr. Tedros warned of famine. Mr. Smith disagreed.",
     {"Dr. Tedros warned of famine.", "Mr. Smith disagreed."}},
    {"Sen. Lindsey Graham and Gov. Kathy Hochul spoke.",
     {"Sen. Lindsey Graham and Gov. Kathy Hochul spoke."}},
    {"Lt. Col. Peter Lerner said the strike was precise.",
     {"Lt. Col. Peter Lerner said the strike was precise."}},
    {"Brig. Gen. Daniel Hagari said troops were moving.",
     {"Brig. Gen. Daniel Hagari said troops were moving."}},
    {"Sheikh Mohammed met the envoy. He left later.",
     {"Sheikh Mohammed met the envoy.", "He left later."}},
    {"He was met by Mr. Smith. They spoke briefly.",
     {"He was met by Mr. Smith.", "They spoke briefly."}},
    {"Gov. Ross spoke. Sen. Clark replied.",
     {"Gov. Ross spoke.", "Sen. Clark replied."}},
    {"Messrs. Smith and Jones left the talks.",
     {"Messrs. Smith and Jones left the talks."}},
    {"Sheikh Tamim bin Hamad Al Thani, the emir, spoke.",
     {"Sheikh Tamim bin Hamad Al Thani, the emir, spoke."}},
    {"Attacks rose in Jan. But they fell in Feb. and March.",
     {"Attacks rose in Jan.", "But they fell in Feb. and March."}},
    {"He was born in Washington, D.C. He moved to Cairo.",
     {"He was born in Washington, D.C.", "He moved to Cairo."}},
    {"Prof. Ali, Ph.D., said the deal was dead.",
     {"Prof. Ali, Ph.D., said the deal was dead."}},
    {"Some groups, e.g. Hamas, refused. Others, i.e. the rest, agreed.",
     {"Some groups, e.g. Hamas, refused.", "Others, i.e. the rest, agreed."}},
    /* --- initials --- */
    {"President George W. Bush met the king.",
     {"President George W. Bush met the king."}},
    {"Vice President J.D. Vance spoke on Sunday.",
     {"Vice President J.D. Vance spoke on Sunday."}},
    {"The report by A. Rahman was released. It was long.",
     {"The report by A. Rahman was released.", "It was long."}},
    /* --- numbers --- */
    {"The economy grew 1.5 percent. Prices rose 3.2%.",
     {"The economy grew 1.5 percent.", "Prices rose 3.2%."}},
    {"The fund holds $1.5bn in aid. It was frozen.",
     {"The fund holds $1.5bn in aid.", "It was frozen."}},
    {"Growth was 1.5. Prices fell.", {"Growth was 1.5.", "Prices fell."}},
    {"Casualties rose to 42,847. Aid groups warned.",
     {"Casualties rose to 42,847.", "Aid groups warned."}},
    {"The strike killed 4. Dozens were injured.",
     {"The strike killed 4.", "Dozens were injured."}},
    {"The vote was 12-3. The motion passed.",
     {"The vote was 12-3.", "The motion passed."}},
    {"Version 2.0 of the plan was rejected.",
     {"Version 2.0 of the plan was rejected."}},
    {"No. 2 on the list was freed on Monday.",
     {"No. 2 on the list was freed on Monday."}},
    {"He ranked No. 2. The rest were freed.",
     {"He ranked No. 2.", "The rest were freed."}},
    /* --- times and places --- */
    {"The meeting starts at 10 a.m. Sunday in Cairo.",
     {"The meeting starts at 10 a.m. Sunday in Cairo."}},
    {"The meeting ended at 10 p.m. The envoy left.",
     {"The meeting ended at 10 p.m.", "The envoy left."}},
    {"They met in St. Petersburg on Friday.",
     {"They met in St. Petersburg on Friday."}},
    {"The contract went to Acme Inc. The firm declined to comment.",
     {"The contract went to Acme Inc.", "The firm declined to comment."}},
    {"Acme Inc. said it would appeal.", {"Acme Inc. said it would appeal."}},
    {"Israel vs. Hamas: the war goes on.",
     {"Israel vs. Hamas: the war goes on."}},
    {"The troops, tanks, etc. were moved north.",
     {"The troops, tanks, etc. were moved north."}},
    /* --- ellipsis --- */
    {"He paused... Then he spoke.", {"He paused...", "Then he spoke."}},
    {"He said there was more... but did not go on.",
     {"He said there was more... but did not go on."}},
    {"\"We waited...,\" he said.", {"\"We waited...,\" he said."}},
    {"He paused\xE2\x80\xA6 Then he left.", {"He paused...", "Then he left."}},
    /* --- quotations --- */
    {"He said, \"We will return.\" Then he left.",
     {"He said, \"We will return.\"", "Then he left."}},
    {"\"We will fight,\" he said. \"We will win.\"",
     {"\"We will fight,\" he said.", "\"We will win.\""}},
    {"\"The talks failed. We will try again,\" he said.",
     {"\"The talks failed.", "We will try again,\" he said."}},
    {"He said: \"Meetings took place in Doha. We met twice,\" adding that "
     "talks go on.",
     {"He said: \"Meetings took place in Doha.",
      "We met twice,\" adding that talks go on."}},
    {"\"Will you stay?\" she asked.", {"\"Will you stay?\" she asked."}},
    {"\"Enough!\" the crowd shouted. Police moved in.",
     {"\"Enough!\" the crowd shouted.", "Police moved in."}},
    {"\"Is this a ceasefire?\" He did not answer.",
     {"\"Is this a ceasefire?\"", "He did not answer."}},
    {"\"Why now?\" asked the envoy.", {"\"Why now?\" asked the envoy."}},
    {"\"We are ready,\" said Gen. Ali. \"We are waiting.\"",
     {"\"We are ready,\" said Gen. Ali.", "\"We are waiting.\""}},
    {"\xE2\x80\x9CWe will return,\xE2\x80\x9D he said. "
     "\xE2\x80\x9CSoon.\xE2\x80\x9D",
     {"\"We will return,\" he said.", "\"Soon.\""}},
    {"'We will return,' he said.", {"'We will return,' he said."}},
    {"He said 'we will go.' Then he left.",
     {"He said 'we will go.'", "Then he left."}},
    {"They agreed to allow ``full access for aid.'' Talks end today.",
     {"They agreed to allow \"full access for aid.\"", "Talks end today."}},
    {"(The strike was \"precise.\") Officials confirmed it.",
     {"(The strike was \"precise.\")", "Officials confirmed it."}},
    /* --- stray closing quotes and broken fragments --- */
    {"He met the prime minister. \" he said. Then he left.",
     {"He met the prime minister.", "\" he said.", "Then he left."}},
    {"The talks ended.\n\" he said.\nThe envoy left.",
     {"The talks ended.", "\" he said.", "The envoy left."}},
    {"They failed to agree on a plan. announced its reopening.",
     {"They failed to agree on a plan.", "announced its reopening."}},
    {"He added that there is. U.S. officials said nothing.",
     {"He added that there is.", "U.S. officials said nothing."}},
    /* --- question and exclamation marks --- */
    {"Will the truce hold? Nobody knows.",
     {"Will the truce hold?", "Nobody knows."}},
    {"Enough! The war must end.", {"Enough!", "The war must end."}},
    {"Really?! He asked again.", {"Really?!", "He asked again."}},
    /* --- datelines --- */
    {"DOHA (AP) -- Talks resumed on Sunday. Mediators were hopeful.",
     {"DOHA (AP) -- Talks resumed on Sunday.", "Mediators were hopeful."}},
    {"DOHA (AP) \xE2\x80\x94 Talks resumed on Sunday.",
     {"DOHA (AP) -- Talks resumed on Sunday."}},
    {"GAZA CITY, Gaza Strip (Reuters) - Strikes hit the city overnight. "
     "Dozens were killed.",
     {"GAZA CITY, Gaza Strip (Reuters) - Strikes hit the city overnight.",
      "Dozens were killed."}},
    /* --- brackets --- */
    {"The group (which denies the charge) was blamed. It said nothing.",
     {"The group (which denies the charge) was blamed.", "It said nothing."}},
    {"(He declined to comment.) The talks were over.",
     {"(He declined to comment.)", "The talks were over."}},
    {"It was (he said) a success. Then talks ended.",
     {"It was (he said) a success.", "Then talks ended."}},
    /* --- lists and layout --- */
    {"Demands include:\n1. a ceasefire\n2. the release of hostages",
     {"Demands include:", "1. a ceasefire", "2. the release of hostages"}},
    {"Key points:\n- A truce for six weeks.\n- An exchange of prisoners.",
     {"Key points:", "- A truce for six weeks.",
      "- An exchange of prisoners."}},
    {"The statement was short.\n\nIt ended the talks.",
     {"The statement was short.", "It ended the talks."}},
    {"Gaza ceasefire talks resume\n\nMediators met in Doha on Sunday.",
     {"Gaza ceasefire talks resume", "Mediators met in Doha on Sunday."}},
    {"ISRAEL STRIKES GAZA\nIsraeli jets struck Gaza on Monday.",
     {"ISRAEL STRIKES GAZA", "Israeli jets struck Gaza on Monday."}},
    {"The envoy said the talks\nwould resume next week.",
     {"The envoy said the talks\nwould resume next week."}},
    {"Talks between Israel and\nHamas resumed on Monday.",
     {"Talks between Israel and\nHamas resumed on Monday."}},
    {"Israel, Egypt,\nQatar and the U.S. met.",
     {"Israel, Egypt,\nQatar and the U.S. met."}},
    {"One test.\r\nTwo tests.", {"One test.", "Two tests."}},
    /* hard-wrapped copy: single line breaks are spaces */
    {"The army commander held talks with the visiting Defence Minister\n"
     "Omar Khalil during a short stop in Amman on Tuesday, offering\n"
     "more training. Both sides called the talks useful.\n",
     {"The army commander held talks with the visiting Defence Minister\n"
      "Omar Khalil during a short stop in Amman on Tuesday, offering\n"
      "more training.",
      "Both sides called the talks useful."}},
    {"Officials from both countries met the envoys of the Arab League\n"
     "\"to discuss the next steps,\" a spokesman said on Sunday in a short\n"
     "statement.\n\nA second round is due next week.",
     {"Officials from both countries met the envoys of the Arab League\n"
      "\"to discuss the next steps,\" a spokesman said on Sunday in a short\n"
      "statement.",
      "A second round is due next week."}},
    {"Talks resume in Cairo\nMediators from Egypt and Qatar met the two "
     "delegations on Sunday.\nThe talks will go on.",
     {"Talks resume in Cairo",
      "Mediators from Egypt and Qatar met the two delegations on Sunday.",
      "The talks will go on."}},
    {"   Talks resumed.   ", {"Talks resumed."}},
    {"Talks resumed", {"Talks resumed"}},
    {"The truce -- agreed on Sunday -- held. Fighting resumed Monday.",
     {"The truce -- agreed on Sunday -- held.", "Fighting resumed Monday."}},
    {"Talks resumed.\tThe envoy left.", {"Talks resumed.", "The envoy left."}},
    /* --- web addresses and e-mail --- */
    {"Details are at www.example.org/talks. More will follow.",
     {"Details are at www.example.org/talks.", "More will follow."}},
    {"Write to press@example.org for details. The office is closed.",
     {"Write to press@example.org for details.", "The office is closed."}},
    {"See https://example.com/a.b?c=1 for the text.",
     {"See https://example.com/a.b?c=1 for the text."}},
    {"The site example.com said so. Nobody checked.",
     {"The site example.com said so.", "Nobody checked."}},
    /* --- non-ASCII openers --- */
    {"Talks ended. \xC3\x89mile Bernard said more were due.",
     {"Talks ended.", "\xC3\x89mile Bernard said more were due."}},
    {"Erdo\xC4\x9F" "an spoke. S\xC3\xA1nchez replied.",
     {"Erdo\xC4\x9F" "an spoke.", "S\xC3\xA1nchez replied."}},
};

static parley_doc *doc;

/* Splits one text; returns 1 when the sentences match. */
static int run_case(const scase *c, int idx) {
  parley_article a = {.id = "t", .text = c->in, .text_len = strlen(c->in)};
  parley_rc rc = parley_doc_code_until(doc, &a, "sentence");
  if (rc) {
    fprintf(stderr, "case %d: rc %d\n", idx, rc);
    return 0;
  }
  uint32_t want = 0;
  while (want < MAXS && c->out[want]) want++;
  int ok = doc->sents.n == want;
  for (uint32_t i = 0; ok && i < want; i++) {
    const pl_sentence *s = &doc->sents.v[i];
    ok = strlen(c->out[i]) == s->len &&
         !memcmp(doc->text + s->off, c->out[i], s->len);
  }
  if (!ok) {
    fprintf(stderr, "case %d: %s\n  want:", idx, c->in);
    for (uint32_t i = 0; i < want; i++) fprintf(stderr, " [%s]", c->out[i]);
    fprintf(stderr, "\n  got: ");
    for (uint32_t i = 0; i < doc->sents.n; i++)
      fprintf(stderr, " [%.*s]", (int)doc->sents.v[i].len,
              doc->text + doc->sents.v[i].off);
    fputc('\n', stderr);
  }
  return ok;
}

/* Invariants that hold for any text: sentences are in order, cover all
 * tokens exactly once, and each token's sent index points back. */
static void invariants(const char *text) {
  parley_article a = {.id = "t", .text = text, .text_len = strlen(text)};
  INT_EQ(parley_doc_code_until(doc, &a, "sentence"), PARLEY_OK, "code");
  uint32_t next = 0;
  for (uint32_t i = 0; i < doc->sents.n; i++) {
    const pl_sentence *s = &doc->sents.v[i];
    INT_EQ(s->tok0, next, "sentence %u starts after the previous one", i);
    OK(s->ntok > 0, "sentence %u is not empty", i);
    OK(doc->toks.v[s->tok0].flags & PL_TF_SSTART, "SSTART on %u", i);
    for (uint32_t k = s->tok0; k < s->tok0 + s->ntok; k++)
      if (doc->toks.v[k].sent != i) {
        OK(0, "token %u has sent %u, want %u", k, doc->toks.v[k].sent, i);
        break;
      }
    next = s->tok0 + s->ntok;
  }
  INT_EQ(next, doc->toks.n, "every token is in a sentence");
}

int main(void) {
  parley_ctx *ctx = parley_ctx_new();
  OK(ctx != NULL, "ctx");
  doc = parley_doc_new(ctx);
  int n = (int)(sizeof cases / sizeof cases[0]), pass = 0;
  for (int i = 0; i < n; i++) {
    int ok = run_case(&cases[i], i);
    pass += ok;
    OK(ok, "case %d", i);
  }
  fprintf(stderr, "test_sentence: %d of %d splitting cases pass\n", pass, n);
  OK(n >= 60, "at least 60 cases (%d)", n);

  /* empty and blank texts have no sentences */
  parley_article e = {.id = "t", .text = "", .text_len = 0};
  INT_EQ(parley_doc_code_until(doc, &e, "sentence"), PARLEY_OK, "empty");
  INT_EQ(doc->sents.n, 0, "empty text, no sentence");
  e.text = " \n\n \t ";
  e.text_len = strlen(e.text);
  INT_EQ(parley_doc_code_until(doc, &e, "sentence"), PARLEY_OK, "blank");
  INT_EQ(doc->sents.n, 0, "blank text, no sentence");

  /* quote direction marks */
  e.text = "He said \"we will go\" and left.";
  e.text_len = strlen(e.text);
  parley_doc_code_until(doc, &e, "sentence");
  int qo = 0, qc = 0;
  for (uint32_t i = 0; i < doc->toks.n; i++) {
    qo += !!(doc->toks.v[i].flags & PL_TF_QOPEN);
    qc += !!(doc->toks.v[i].flags & PL_TF_QCLOSE);
  }
  INT_EQ(qo, 1, "one opening quote");
  INT_EQ(qc, 1, "one closing quote");

  /* runaway sentence: cut at the token limit, flagged */
  {
    char big[8000];
    size_t k = 0;
    while (k + 6 < sizeof big) {
      memcpy(big + k, "word ", 5);
      k += 5;
    }
    big[k] = 0;
    parley_article b = {.id = "t", .text = big, .text_len = k};
    INT_EQ(parley_doc_code_until(doc, &b, "sentence"), PARLEY_OK, "long");
    OK(doc->sents.n > 1, "long text cut into several sentences");
    OK(doc->sents.v[0].flags & PL_SF_CUT, "first piece flagged as cut");
    OK(doc->sents.v[0].ntok <= ctx->lim.max_sent_tokens, "within the limit");
    invariants(big);
  }
  for (int i = 0; i < n; i++) invariants(cases[i].in);
  /* long runs of marks (linear-time paths) and random bytes */
  {
    static char buf[60001];
    const char *runs[] = {"!", "\"", ". ", "U.S.", "a'", "(", "\n", ").\""};
    for (size_t r = 0; r < sizeof runs / sizeof runs[0]; r++) {
      size_t k = 0, rl = strlen(runs[r]);
      while (k + rl < sizeof buf - 2) {
        memcpy(buf + k, runs[r], rl);
        k += rl;
      }
      buf[k++] = 'x';
      buf[k] = 0;
      invariants(buf);
      for (uint32_t i = 0; i < doc->sents.n; i++)
        if (doc->sents.v[i].ntok > ctx->lim.max_sent_tokens) {
          OK(0, "run %zu: sentence %u has %u tokens", r, i,
             doc->sents.v[i].ntok);
          break;
        }
    }
    unsigned seed = 12345;
    for (int round = 0; round < 200; round++) {
      size_t len = 0;
      for (; len < 3000; len++) {
        seed = seed * 1103515245u + 12345u;
        /* mostly text-like bytes, some high bytes and marks */
        unsigned v = (seed >> 16) & 0xFF;
        buf[len] = (char)(v < 40 ? ' ' : v < 60 ? '.' : v < 70 ? '"'
                          : v < 75 ? '\n' : v);
        if (!buf[len]) buf[len] = 'z';
      }
      buf[len] = 0;
      invariants(buf);
    }
  }
  invariants("\"\"\" . . . ?! ... \" ( ) \n\n\n U.S. U.S. \"");
  parley_doc_free(doc);
  parley_ctx_free(ctx);
  return h_done("test_sentence");
}
