/* test_dict_image.c - the compiled images of the actor and verb
 * dictionaries (src/image.h, dict.c, verbs.c): the linked images equal the
 * images of the dictionaries parsed from the text blobs, a context loads
 * them (verbs in place), damaged images are refused, and a user file
 * loaded on top of an image-backed dictionary gives the same dictionary
 * as on top of a text-parsed one (the verb image is copied before it is
 * changed).  The added entries are written for this test. */
#include "harness.h"
#include "image.h"
#include "dict.h"
#include "verbs.h"
#include <stdio.h>
#include <stdlib.h>

static const char user_verbs[] =
    "&TESTCLASS = zorblax; quuxle council\n"
    "042 v zorblaxed +\n"
    "043 v befriend + &TESTCLASS\n";

static const char user_actors[] =
    "country ZZT Testlandia\n"
    "  adj Testlandian; Testlandians\n"
    "  capital Testville\n"
    "person Quentin Zorblax\n"
    "  code ZZTGOV 2020-01-01 -\n";

/* A context whose dictionaries were parsed from the text blobs. */
static parley_ctx *text_ctx(void) {
  parley_ctx *c = parley_ctx_new();
  if (!c) return NULL;
  pl_actordict_free(c->actors);
  c->actors = NULL;
  pl_verbdict_free(c->verbs);
  c->verbs = NULL;
  if (pl_actors_load_text_builtin(c) || pl_verbs_load_text_builtin(c)) {
    parley_ctx_free(c);
    return NULL;
  }
  return c;
}

static int same_actors(const pl_actordict *d, const pl_blob *b) {
  size_t n = 0;
  void *img = pl_actors_image(d, &n);
  int same = img && b && n == b->len && !memcmp(img, b->data, n);
  free(img);
  return same;
}

static int same_verbs(const pl_verbdict *vd, const pl_blob *b) {
  size_t n = 0;
  void *img = pl_verbs_image(vd, &n);
  int same = img && b && n == b->len && !memcmp(img, b->data, n);
  free(img);
  return same;
}

int main(void) {
  const pl_blob *ia = pl_builtin_image("actors");
  const pl_blob *iv = pl_builtin_image("verbs");
  if (!pl_builtin("countries") || !pl_builtin("verbs")) return 77;
  OK(ia && iv, "the library has actor and verb images");
  if (!ia || !iv) return h_done("dict_image");
  OK(((uintptr_t)ia->data & 7) == 0 && ((uintptr_t)iv->data & 7) == 0,
     "images are 8-byte aligned");

  parley_ctx *ct = text_ctx(), *ci = parley_ctx_new();
  OK(ct && ci, "contexts");
  if (!ct || !ci) return h_done("dict_image");
  OK(ci->verbs->image, "the verb dictionary is used in place");
  OK(same_actors(ct->actors, ia),
     "text-parsed actor dictionary equals the linked image");
  OK(same_actors(ci->actors, ia),
     "image-loaded actor dictionary re-serialises to the image");
  OK(same_verbs(ct->verbs, iv),
     "text-parsed verb dictionary equals the linked image");
  OK(same_verbs(ci->verbs, iv),
     "image-backed verb dictionary re-serialises to the image");
  INT_EQ(pl_dict_word(ci->actors, "afghanistan"),
         pl_dict_word(ct->actors, "afghanistan"), "same word ids");
  OK(pl_dict_word(ci->actors, "afghanistan") != PL_NOWORD, "word found");
  OK(pl_vd_word_find(ci->verbs, "ceasefire", 9) != PL_VW_NONE,
     "verb word found");

  /* damaged images are refused */
  char *bad = malloc(ia->len > iv->len ? ia->len : iv->len);
  if (bad) {
    parley_ctx tmp;
    memset(&tmp, 0, sizeof tmp);
    pl_buf_init(&tmp.warnings, 1 << 16);
    memcpy(bad, ia->data, ia->len);
    INT_EQ(pl_actors_load_image(&tmp, bad, ia->len), PARLEY_OK, "copy loads");
    INT_EQ(pl_actors_load_image(&tmp, bad, ia->len - 8), PARLEY_EFORMAT,
           "short actor image");
    bad[0] ^= 1;
    INT_EQ(pl_actors_load_image(&tmp, bad, ia->len), PARLEY_EFORMAT,
           "actor magic");
    bad[0] ^= 1;
    bad[8] ^= 1;
    INT_EQ(pl_actors_load_image(&tmp, bad, ia->len), PARLEY_EFORMAT,
           "actor version");
    memcpy(bad, iv->data, iv->len);
    INT_EQ(pl_verbs_load_image(&tmp, bad, iv->len), PARLEY_OK,
           "verb copy loads");
    INT_EQ(pl_verbs_load_image(&tmp, bad, iv->len - 8), PARLEY_EFORMAT,
           "short verb image");
    bad[0] ^= 1;
    INT_EQ(pl_verbs_load_image(&tmp, bad, iv->len), PARLEY_EFORMAT,
           "verb magic");
    pl_actordict_free(tmp.actors);
    pl_verbdict_free(tmp.verbs);
    pl_buf_free(&tmp.warnings);
    free(bad);
  }

  /* user files on top: the same dictionaries either way */
  size_t ne = 0, nw = 0, n = 0;
  INT_EQ(pl_verbs_load_text(ct, "user", user_verbs, strlen(user_verbs), &ne,
                            &nw), PARLEY_OK, "verbs on text");
  INT_EQ(pl_verbs_load_text(ci, "user", user_verbs, strlen(user_verbs), &ne,
                            &nw), PARLEY_OK, "verbs on image");
  OK(!ci->verbs->image, "the image was copied before the change");
  OK(pl_vd_word_find(ci->verbs, "zorblaxed", 9) != PL_VW_NONE,
     "user verb word found");
  void *a = pl_verbs_image(ct->verbs, &n);
  size_t n2 = 0;
  void *b = pl_verbs_image(ci->verbs, &n2);
  OK(a && b && n == n2 && !memcmp(a, b, n), "same verb dictionary");
  free(a);
  free(b);

  char path[] = "/tmp/pl_test_dict_image_XXXXXX";
  int fd = mkstemp(path);
  FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
  OK(f != NULL, "temp file");
  if (f) {
    fputs(user_actors, f);
    fclose(f);
    INT_EQ(parley_ctx_load_dict(ct, path, PARLEY_DICT_ACTORS, &ne, &nw),
           PARLEY_OK, "actors on text");
    INT_EQ(parley_ctx_load_dict(ci, path, PARLEY_DICT_ACTORS, &ne, &nw),
           PARLEY_OK, "actors on image");
    a = pl_actors_image(ct->actors, &n);
    b = pl_actors_image(ci->actors, &n2);
    OK(a && b && n == n2 && !memcmp(a, b, n), "same actor dictionary");
    OK(pl_dict_word(ci->actors, "testlandia") != PL_NOWORD,
       "user actor word found");
    free(a);
    free(b);
    remove(path);
  }
  parley_ctx_free(ct);
  parley_ctx_free(ci);
  return h_done("dict_image");
}
