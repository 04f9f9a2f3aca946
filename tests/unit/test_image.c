/* test_image.c - compiled dictionary images (src/image.h): the gazetteer
 * image linked into the library equals the image of the gazetteer parsed
 * from the text blob, a context uses it in place, a damaged image is
 * refused (the text fallback then loads), and the places stage finds the
 * same places either way, on sentences written for this test. */
#include "harness.h"
#include "image.h"

static const char *const texts[] = {
    "Israeli strikes hit Rafah and Khan Younis in southern Gaza on Monday, "
    "while talks continued in Doha and Cairo.",
    "Troops moved along the Lebanon-Israel border near Metula as envoys "
    "flew from Washington to Beirut.",
    "Storms flooded roads across Texas. In Paris, Texas, the mayor ordered "
    "an evacuation; in Paris the ministry said nothing.",
    "Protesters gathered in Sao Paulo, Lagos, Karachi and Kyiv; the border "
    "between Sudan and Chad stayed closed.",
    "Rebels seized Goma in eastern Congo and advanced towards Bukavu, the "
    "United Nations said in New York.",
    "Officials met in Saint John's and in Port Moresby, and later in "
    "northern Syria near Aleppo.",
};

static int same_places(parley_doc *a, parley_doc *b) {
  if (a->places.n != b->places.n) return 0;
  for (uint32_t i = 0; i < a->places.n; i++) {
    const pl_place *p = &a->places.v[i], *q = &b->places.v[i];
    if (p->tok != q->tok || p->ntok != q->ntok || strcmp(p->name, q->name) ||
        strcmp(p->kind, q->kind) || strcmp(p->country, q->country) ||
        p->lat != q->lat || p->lon != q->lon)
      return 0;
  }
  return 1;
}

int main(void) {
  const pl_blob *im = pl_builtin_image("places");
  const pl_blob *tx = pl_builtin("places");
  if (!tx || !tx->len) return 77; /* a build without a gazetteer */
  OK(im && im->len > 64, "the library has a gazetteer image");
  if (!im) return h_done("image");
  OK(((uintptr_t)im->data & 7) == 0, "image is 8-byte aligned");

  /* text-parsed gazetteer: its image is the linked image, byte for byte */
  parley_ctx *ct = parley_ctx_new(), *ci = parley_ctx_new();
  OK(ct && ci && ct->gaz && ci->gaz, "contexts");
  if (!ct || !ci) return h_done("image");
  pl_gazetteer_free(ct->gaz);
  ct->gaz = NULL;
  INT_EQ(pl_places_load_text(ct), PARLEY_OK, "text load");
  size_t lt = 0, li = 0;
  void *it = pl_places_image(ct->gaz, &lt);
  void *ii = pl_places_image(ci->gaz, &li);
  OK(it && ii, "images made");
  INT_EQ(lt, im->len, "text-parsed image length");
  INT_EQ(li, im->len, "image round trip length");
  OK(it && lt == im->len && !memcmp(it, im->data, lt),
     "text-parsed gazetteer equals the linked image");
  OK(ii && li == im->len && !memcmp(ii, im->data, li),
     "image-backed gazetteer re-serialises to itself");

  /* damaged images are refused and leave the context as it was */
  if (it) {
    char *bad = it; /* malloc'd: 8-byte aligned */
    parley_ctx tmp;
    memset(&tmp, 0, sizeof tmp);
    pl_buf_init(&tmp.warnings, 1 << 16);
    INT_EQ(pl_places_load_image(&tmp, bad, lt), PARLEY_OK, "own copy loads");
    pl_gazetteer_free(tmp.gaz);
    tmp.gaz = NULL;
    INT_EQ(pl_places_load_image(&tmp, bad, lt - 8), PARLEY_EFORMAT,
           "short image");
    INT_EQ(pl_places_load_image(&tmp, bad + 8, lt - 8), PARLEY_EFORMAT,
           "shifted image");
    bad[0] ^= 1;
    INT_EQ(pl_places_load_image(&tmp, bad, lt), PARLEY_EFORMAT, "magic");
    bad[0] ^= 1;
    bad[8] ^= 1; /* version */
    INT_EQ(pl_places_load_image(&tmp, bad, lt), PARLEY_EFORMAT, "version");
    bad[8] ^= 1;
    bad[24] ^= 1; /* length of the text it was made from */
    INT_EQ(pl_places_load_image(&tmp, bad, lt), PARLEY_EFORMAT, "text len");
    bad[24] ^= 1;
    OK(tmp.gaz == NULL, "refused images load nothing");
    pl_buf_free(&tmp.warnings);
  }
  free(it);
  free(ii);

  /* the same places from both; the image context's names point into the
   * linked image (used in place, not copied) */
  parley_doc *dt = parley_doc_new(ct), *di = parley_doc_new(ci);
  int in_image = 0, named = 0;
  for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
    parley_article a = {.id = "t", .date = "2024-10-24", .text = texts[k],
                        .text_len = strlen(texts[k])};
    INT_EQ(parley_doc_code_until(dt, &a, "places"), PARLEY_OK, "text %zu", k);
    INT_EQ(parley_doc_code_until(di, &a, "places"), PARLEY_OK, "img %zu", k);
    OK(di->places.n > 0, "places found in text %zu", k);
    OK(same_places(dt, di), "same places in text %zu", k);
    for (uint32_t i = 0; i < di->places.n; i++) {
      const char *n = di->places.v[i].name;
      named++;
      in_image += n >= im->data && n < im->data + im->len;
    }
  }
  OK(named > 10 && in_image > named / 2,
     "place names read in place from the image (%d of %d)", in_image, named);
  parley_doc_free(dt);
  parley_doc_free(di);
  parley_ctx_free(ct);
  parley_ctx_free(ci);
  return h_done("image");
}
