/* test_quotes.c - quotations and their speakers on sentences written for
 * these tests: each speech-cue construct, partial and scare quotes,
 * continuation, multi-sentence and unclosed quotations. */
#include "harness.h"
#include "internal.h"

size_t pl_xword_count(void);
const pl_xword *pl_xword_at(size_t i);

static parley_ctx *ctx;
static parley_doc *doc;

static void code(const char *text) {
  parley_article a = {.id = "t", .date = "2024-03-14", .text = text,
                      .text_len = strlen(text)};
  INT_EQ(parley_doc_code(doc, &a), PARLEY_OK, "%s", text);
}

static char buf[400];
static const char *qtext(const pl_quote *q) {
  size_t l = q->len < sizeof buf - 1 ? q->len : sizeof buf - 1;
  memcpy(buf, doc->text + q->off, l);
  buf[l] = 0;
  return buf;
}
static char sbuf[200];
static const char *speaker(const pl_quote *q) {
  sbuf[0] = 0;
  if (!q->spk_ntok) return sbuf;
  const pl_token *a = &doc->toks.v[q->spk_tok];
  const pl_token *b = &doc->toks.v[q->spk_tok + q->spk_ntok - 1];
  size_t l = b->off + b->len - a->off;
  if (l >= sizeof sbuf) l = sizeof sbuf - 1;
  memcpy(sbuf, doc->text + a->off, l);
  sbuf[l] = 0;
  return sbuf;
}
static const char *cue(const pl_quote *q) {
  return q->cue_tok < doc->toks.n ? doc->toks.v[q->cue_tok].lower : "";
}

/* One quotation expected: its text and speaker phrase. */
static void one(const char *text, const char *quote, const char *spk,
                const char *cueword) {
  code(text);
  INT_EQ(doc->quotes.n, 1, "quotes in: %s", text);
  if (doc->quotes.n < 1) return;
  const pl_quote *q = &doc->quotes.v[0];
  STR_EQ(qtext(q), quote, "text of: %s", text);
  STR_EQ(speaker(q), spk, "speaker of: %s", text);
  if (cueword) STR_EQ(cue(q), cueword, "cue of: %s", text);
}

int main(void) {
  ctx = parley_ctx_new();
  doc = parley_doc_new(ctx);

  /* the word table is sorted (binary search relies on it) */
  for (size_t i = 1; i < pl_xword_count(); i++)
    OK(strcmp(pl_xword_at(i - 1)->w, pl_xword_at(i)->w) < 0, "order at %s",
       pl_xword_at(i)->w);
  for (size_t i = 0; i < pl_xword_count(); i++)
    OK(pl_xword_get(pl_xword_at(i)->w) == pl_xword_at(i), "lookup %s",
       pl_xword_at(i)->w);
  OK(pl_xword_get("said") && (pl_xword_get("said")->cls & PL_XW_CUE), "said");
  OK(pl_xword_get("zebra") == NULL, "unknown word");

  /* tail: "...," X said / said X / X said in a statement */
  one("\"We will not accept this proposal,\" the foreign minister said on "
      "Monday.",
      "We will not accept this proposal", "the foreign minister", "said");
  one("\"The border stays closed,\" said Maria Lopez, a spokeswoman for the "
      "agency.",
      "The border stays closed", "Maria Lopez", "said");
  one("\"Our position is clear,\" Elena Marsh said in a statement.",
      "Our position is clear", "Elena Marsh", "said");
  one("\"One thing is certain. The fighting must stop now,\" Omar Haddad "
      "told reporters.",
      "One thing is certain. The fighting must stop now", "Omar Haddad",
      "told");
  OK(doc->quotes.n == 1 && (doc->quotes.v[0].flags & PL_QF_MULTI),
     "quote across a sentence boundary");
  /* lead-in: X told Y that "...", X's office said: "...", according to X */
  one("Ahmed Karimi told reporters that \"nothing has been agreed yet.\"",
      "nothing has been agreed yet.", "Ahmed Karimi", "told");
  one("The prime minister's office said: \"A delegation will travel to "
      "Oslo.\"",
      "A delegation will travel to Oslo.", "The prime minister's office",
      "said");
  one("According to John Harlow, \"the talks collapsed overnight.\"",
      "the talks collapsed overnight.", "John Harlow", "according");
  one("Maria Lopez on Tuesday said the plan would \"reshape the region\" "
      "within a year.",
      "reshape the region", "Maria Lopez", "said");
  OK(doc->quotes.n == 1 && (doc->quotes.v[0].flags & PL_QF_PARTIAL),
     "partial quote flagged");
  /* an appositive between the speaker and the cue */
  one("Ahmed Karimi, a senior adviser to the council, told the radio "
      "station: \"We expect an answer this week.\"",
      "We expect an answer this week.", "Ahmed Karimi", "told");
  /* pronoun speaker (coreference resolves it when actors mention it) */
  one("Peter Vance arrived in Rome. \"We are ready,\" he said.",
      "We are ready", "he", "said");
  /* short quotes: kept with a speaker, dropped as scare quotes without */
  one("\"Never,\" she said.", "Never", "she", "said");
  code("The so-called \"peace dividend\" never arrived.");
  INT_EQ(doc->quotes.n, 0, "scare quote dropped");
  /* two fragments in one sentence share its cue; a participle cue takes
   * the subject of the earlier cue */
  code("Lina Osei said the offer was \"not serious\" but that talks were "
       "\"still possible\" next week.");
  INT_EQ(doc->quotes.n, 2, "two fragments");
  if (doc->quotes.n == 2) {
    STR_EQ(speaker(&doc->quotes.v[1]), "Lina Osei", "second fragment");
  }
  code("\"The door is open,\" Lina Osei said, adding that a deal was "
       "\"close\".");
  INT_EQ(doc->quotes.n, 2, "quote and participle fragment");
  if (doc->quotes.n == 2) {
    STR_EQ(speaker(&doc->quotes.v[1]), "Lina Osei", "adding -> Lina Osei");
    STR_EQ(cue(&doc->quotes.v[1]), "adding", "participle cue");
  }
  /* continuation: a cue-less quote paragraph after a quote */
  code("\"The first part of the statement is here,\" Lina Osei said.\n"
       "\"The second paragraph of the statement continues the story.\"\n");
  INT_EQ(doc->quotes.n, 2, "two quotes");
  if (doc->quotes.n == 2) {
    const pl_quote *q = &doc->quotes.v[1];
    STR_EQ(speaker(q), "Lina Osei", "continued speaker");
    OK(q->flags & PL_QF_CONT, "continued flag");
    INT_EQ(q->cue_tok, UINT32_MAX, "no cue of its own");
  }
  /* continuation from a reporting sentence without a quote */
  code("Omar Haddad said the ceasefire would hold.\n"
       "\"Both sides have accepted the terms of the text.\"\n");
  INT_EQ(doc->quotes.n, 1, "one quote");
  if (doc->quotes.n == 1)
    STR_EQ(speaker(&doc->quotes.v[0]), "Omar Haddad", "from previous cue");
  /* a fragment is not continued from the previous speaker: "described"
   * gives it its own */
  code("\"The first part of the statement is here,\" Lina Osei said.\n"
       "Officials described the offer as \"a cheap stunt\" on Monday.\n");
  INT_EQ(doc->quotes.n, 2, "two quotes");
  if (doc->quotes.n == 2) {
    STR_EQ(speaker(&doc->quotes.v[1]), "Officials", "described: own speaker");
    OK(!(doc->quotes.v[1].flags & PL_QF_CONT), "not continued");
  }
  /* ... and a fragment in a sentence without a cue stays unattributed */
  code("\"The first part of the statement is here,\" Lina Osei said.\n"
       "Officials rejected the offer as \"a cheap stunt\" on Monday.\n");
  INT_EQ(doc->quotes.n, 2, "two quotes");
  if (doc->quotes.n == 2) {
    INT_EQ(doc->quotes.v[1].spk_ntok, 0, "fragment without a speaker");
    OK(!(doc->quotes.v[1].flags & PL_QF_CONT), "not continued");
  }
  /* a quote far from any speaker stays unattributed */
  code("The weather was mild.\nMarkets opened late.\nTrains ran on time.\n"
       "\"Everything will be different from now on for all of us.\"\n");
  INT_EQ(doc->quotes.n, 1, "one quote");
  if (doc->quotes.n == 1) {
    INT_EQ(doc->quotes.v[0].spk_ntok, 0, "no speaker");
    INT_EQ(doc->quotes.v[0].speaker, -1, "no speaker mention");
  }
  /* unclosed quotation ends at its paragraph */
  code("Lina Osei said: \"The agreement is final and binding.\nOther news "
       "follows here.\n");
  INT_EQ(doc->quotes.n, 1, "unclosed");
  if (doc->quotes.n == 1) {
    STR_EQ(qtext(&doc->quotes.v[0]), "The agreement is final and binding.",
           "unclosed text");
    OK(doc->quotes.v[0].flags & PL_QF_UNCLOSED, "unclosed flag");
  }
  /* the date is the saying's, not a date inside the quotation */
  code("\"We will meet again on Sunday,\" Lina Osei said on Tuesday.");
  INT_EQ(doc->quotes.n, 1, "one quote");
  if (doc->quotes.n == 1) {
    INT_EQ(doc->quotes.v[0].date.d, 12, "Tuesday before 2024-03-14");
    INT_EQ(doc->quotes.v[0].date.m, 3, "March");
  }
  /* curly quotes in the original */
  one("\xE2\x80\x9CWe are close,\xE2\x80\x9D Elena Marsh said.",
      "We are close", "Elena Marsh", "said");
  /* JSON record */
  code("\"We are close,\" Elena Marsh said.");
  pl_buf b;
  pl_buf_init(&b, 0);
  pl_write_one(doc, &b, PARLEY_REC_QUOTE, 0);
  OK(b.p && strstr(b.p, "\"speaker_text\":\"Elena Marsh\""), "%s", b.p);
  OK(b.p && strstr(b.p, "\"cue\":\"said\""), "%s", b.p);
  pl_buf_free(&b);

  parley_doc_free(doc);
  parley_ctx_free(ctx);
  return h_done("quotes");
}
