/*
 * image.h - compiled dictionary images (build-time images of loaded
 * dictionaries, linked into the library next to the text blobs).
 *
 * tools/mkimage.c links the library objects, loads each dictionary from
 * its text blob (pl_builtin) and writes the loaded structure's image into
 * build/builtin_image.c, which defines pl_builtin_image.  At run time a
 * stage's pl_*_load_builtin uses its image when present and made by this
 * build (header check), else parses the text as before.  Images are in
 * the byte order and type sizes of the machine that compiles: they are
 * never shipped apart from the binary built with them.
 */
#ifndef PL_IMAGE_H
#define PL_IMAGE_H
#include "internal.h"

/* The image of the named dictionary ("places"), 8-byte aligned; NULL when
 * the build has none (mkimage's own stub returns NULL). */
const pl_blob *pl_builtin_image(const char *name);

/* places.c: the gazetteer parsed from the text blob; its image as one
 * malloc'd buffer (*len bytes; NULL when out of memory); a gazetteer used
 * in place over img[0..len) (PARLEY_EFORMAT when the image does not match
 * this build).  pl_places_load_builtin tries the image, then the text. */
parley_rc pl_places_load_text(parley_ctx *ctx);
void *pl_places_image(const pl_gazetteer *g, size_t *len);
parley_rc pl_places_load_image(parley_ctx *ctx, const void *img, size_t len);

/* tag.c: the lexicon parsed from the text blob; its image as one malloc'd
 * buffer (*len bytes; NULL when out of memory); a lexicon used in place
 * over img[0..len) (PARLEY_EFORMAT when the image does not match this
 * build).  pl_lex_load_builtin tries the image, then the text. */
parley_rc pl_lex_load_text(parley_ctx *ctx);
void *pl_lex_image(const pl_lexicon *lx, size_t *len);
parley_rc pl_lex_load_image(parley_ctx *ctx, const void *img, size_t len);

/* dict.c: the actor dictionary of the built-in text blobs (countries,
 * orgs, agents, people), its image (malloc'd, *len bytes; NULL when out of
 * memory) and a dictionary loaded from an image into ctx->actors
 * (PARLEY_EFORMAT when it does not match this build).  Same pattern for
 * the verb dictionary (verbs.c; its image is used in place). */
parley_rc pl_actors_load_text_builtin(parley_ctx *ctx);
void *pl_actors_image(const pl_actordict *d, size_t *len);
parley_rc pl_actors_load_image(parley_ctx *ctx, const void *img, size_t len);
parley_rc pl_verbs_load_text_builtin(parley_ctx *ctx);
void *pl_verbs_image(const pl_verbdict *vd, size_t *len);
parley_rc pl_verbs_load_image(parley_ctx *ctx, const void *img, size_t len);

#endif
