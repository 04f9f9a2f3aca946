/* test_lex_image.c - the lexicon's compiled image (src/image.h, tag.c):
 * the image linked into the library equals the image of the lexicon
 * parsed from the text blob, re-serialising an image-backed lexicon gives
 * the same bytes, damaged images are refused, and the tagger gives the
 * same tags and lemmas with either lexicon on sentences written for this
 * test. */
#include "harness.h"
#include "image.h"

static const char *const texts[] = {
    "Officials said on Tuesday that talks would resume in Cairo after the "
    "ceasefire collapsed.",
    "That's what the minister told reporters: \"We will not back down.\"",
    "Rebels seized the airport and shot two guards, the army reported.",
    "The Palestinians' envoy, Mohammed bin Salman al-Rashid, arrived early.",
    "HEADLINE: TROOPS WITHDRAW FROM BORDER TOWN AS TALKS STALL",
    "Turkey will help rebuild roads re-opened by the state-run company; "
    "China declined to comment on May 31.",
    "Israeli strikes killed 40 people and 100 injured, the ministry said.",
    "The men reported killed in the raid were believed linked to the group.",
    "Shell said AIDS funding and Turkey's aid reached Rafah; Crêpe Co. and "
    "Élysée officials declined.",
};

/* Tags and lemmas of every token of a coded document, as one string. */
static void tags_of(parley_doc *d, char *out, size_t cap) {
  size_t k = 0;
  out[0] = 0;
  for (uint32_t i = 0; i < d->toks.n && k + 64 < cap; i++) {
    const pl_token *t = &d->toks.v[i];
    int n = snprintf(out + k, cap - k, "%s/%s/%s/%08x ", t->lower,
                     pl_tag_name(t->tag), t->lemma, (unsigned)t->hlem);
    if (n < 0) break;
    k += (size_t)n;
  }
}

int main(void) {
  const pl_blob *im = pl_builtin_image("lexicon");
  const pl_blob *tx = pl_builtin("lexicon");
  if (!tx || !tx->len) return 77; /* a build without a lexicon */
  OK(im && im->len > 64, "the library has a lexicon image");
  if (!im) return h_done("lex_image");
  OK(((uintptr_t)im->data & 7) == 0, "image is 8-byte aligned");

  parley_ctx *ct = parley_ctx_new(), *ci = parley_ctx_new();
  OK(ct && ci && ct->lex && ci->lex, "contexts");
  if (!ct || !ci) return h_done("lex_image");
  pl_lex_free(ct->lex);
  ct->lex = NULL;
  INT_EQ(pl_lex_load_text(ct), PARLEY_OK, "text load");
  size_t lt = 0, li = 0;
  void *it = pl_lex_image(ct->lex, &lt);
  void *ii = pl_lex_image(ci->lex, &li);
  OK(it && ii, "images made");
  INT_EQ(lt, im->len, "text-parsed image length");
  INT_EQ(li, im->len, "image round trip length");
  OK(it && lt == im->len && !memcmp(it, im->data, lt),
     "text-parsed lexicon equals the linked image");
  OK(ii && li == im->len && !memcmp(ii, im->data, li),
     "image-backed lexicon re-serialises to itself");

  /* damaged images are refused and leave the context as it was */
  if (it) {
    char *bad = it; /* malloc'd: 8-byte aligned */
    parley_ctx tmp;
    memset(&tmp, 0, sizeof tmp);
    INT_EQ(pl_lex_load_image(&tmp, bad, lt), PARLEY_OK, "own copy loads");
    pl_lex_free(tmp.lex);
    tmp.lex = NULL;
    INT_EQ(pl_lex_load_image(&tmp, bad, lt - 8), PARLEY_EFORMAT,
           "short image");
    INT_EQ(pl_lex_load_image(&tmp, bad + 8, lt - 8), PARLEY_EFORMAT,
           "shifted image");
    bad[0] ^= 1;
    INT_EQ(pl_lex_load_image(&tmp, bad, lt), PARLEY_EFORMAT, "magic");
    bad[0] ^= 1;
    bad[8] ^= 1; /* version */
    INT_EQ(pl_lex_load_image(&tmp, bad, lt), PARLEY_EFORMAT, "version");
    bad[8] ^= 1;
    bad[24] ^= 1; /* length of the text it was made from */
    INT_EQ(pl_lex_load_image(&tmp, bad, lt), PARLEY_EFORMAT, "text len");
    bad[24] ^= 1;
    OK(tmp.lex == NULL, "refused images load nothing");
  }
  free(it);
  free(ii);

  /* the same tags, lemmas and lemma hashes from both lexicons */
  parley_doc *dt = parley_doc_new(ct), *di = parley_doc_new(ci);
  static char bt[8192], bi[8192];
  for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
    parley_article a = {.id = "t", .date = "2024-10-24", .text = texts[k],
                        .text_len = strlen(texts[k])};
    INT_EQ(parley_doc_code_until(dt, &a, "tag"), PARLEY_OK, "text %zu", k);
    tags_of(dt, bt, sizeof bt);
    INT_EQ(parley_doc_code_until(di, &a, "tag"), PARLEY_OK, "img %zu", k);
    tags_of(di, bi, sizeof bi);
    STR_EQ(bi, bt, "same tags in text %zu", k);
    for (uint32_t i = 0; i < di->toks.n; i++) {
      const pl_token *t = &di->toks.v[i];
      INT_EQ(t->hlem, pl_fnv32z(t->lemma), "hlem of %s", t->lower);
    }
  }
  parley_doc_free(dt);
  parley_doc_free(di);
  parley_ctx_free(ct);
  parley_ctx_free(ci);
  return h_done("lex_image");
}
