/* test_cameo.c - the CAMEO ontology table: roots, quads, Goldstein range,
 * known values, PLOVER text, prefix fallback. */
#include "harness.h"
#include "internal.h"
#include <stdio.h>

int main(void) {
  parley_ctx *ctx = parley_ctx_new();
  OK(ctx != NULL, "context");
  if (!ctx) return h_done("cameo");
  /* every root 01..20, with the QuadClass FIELD.md defines */
  for (int r = 1; r <= 20; r++) {
    char code[4];
    snprintf(code, sizeof code, "%02d", r);
    const pl_cameo_info *e = pl_cameo_get(ctx, code);
    OK(e != NULL, "root %s present", code);
    if (!e) continue;
    STR_EQ(e->code, code, "root %s exact", code);
    int want = r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
    INT_EQ(e->quad, want, "quad of root %s", code);
    OK(e->name && *e->name, "root %s has a name", code);
    /* its x0 code exists and shares the quad */
    char x0[5];
    snprintf(x0, sizeof x0, "%02d0", r);
    const pl_cameo_info *z = pl_cameo_get(ctx, x0);
    OK(z && !strcmp(z->code, x0), "%s present", x0);
    if (z) INT_EQ(z->quad, want, "quad of %s", x0);
  }
  /* every entry: Goldstein in range, quad agrees with the root */
  size_t n = 0;
  while (pl_cameo_at(ctx, n)) n++;
  OK(n > 300, "table size %zu", n);
  int bad = 0;
  for (size_t i = 0; i < n; i++) {
    const pl_cameo_info *e = pl_cameo_at(ctx, i);
    int root = (e->code[0] - '0') * 10 + (e->code[1] - '0');
    int want = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
    if (e->goldstein < -10 || e->goldstein > 10 || e->quad != want ||
        !e->name || !*e->name || !e->plover)
      bad++;
    /* every sub-code's parent exists */
    size_t len = strlen(e->code);
    if (len > 2) {
      char par[8];
      memcpy(par, e->code, len - 1);
      par[len - 1] = 0;
      const pl_cameo_info *p = pl_cameo_get(ctx, par);
      if (!p || strcmp(p->code, par)) bad++;
    }
    if (i && strcmp(pl_cameo_at(ctx, i - 1)->code, e->code) >= 0) bad++;
  }
  INT_EQ(bad, 0, "bad/unsorted/orphan entries");
  /* known values */
  const pl_cameo_info *e = pl_cameo_get(ctx, "040");
  OK(e && e->goldstein == 1.0, "040 = 1.0");
  e = pl_cameo_get(ctx, "046");
  OK(e && e->goldstein == 7.0, "046 = 7.0");
  if (e) STR_EQ(e->plover, "CONSULT", "046 plover");
  e = pl_cameo_get(ctx, "190");
  OK(e && e->goldstein == -10.0, "190 = -10");
  if (e) STR_EQ(e->plover, "ASSAULT", "190 plover");
  e = pl_cameo_get(ctx, "0871");
  OK(e && e->quad == 2, "0871 quad 2");
  if (e) STR_EQ(e->plover, "RETREAT:ceasefire", "plover kept as in file");
  e = pl_cameo_get(ctx, "010");
  if (e) STR_EQ(e->plover, "", "unmapped plover is empty");
  e = pl_cameo_get(ctx, "1823");
  OK(e && e->quad == 4 && e->goldstein < 0, "1823");
  /* fallback to the longest known prefix */
  e = pl_cameo_get(ctx, "08719");
  OK(e && !strcmp(e->code, "0871"), "08719 -> 0871");
  e = pl_cameo_get(ctx, "0879");
  OK(e && !strcmp(e->code, "087"), "0879 -> 087");
  e = pl_cameo_get(ctx, "089");
  OK(e && !strcmp(e->code, "08"), "089 -> 08");
  e = pl_cameo_get(ctx, "0899999999");
  OK(e && !strcmp(e->code, "08"), "long code -> 08");
  OK(pl_cameo_get(ctx, "21") == NULL, "no root 21");
  OK(pl_cameo_get(ctx, "00") == NULL, "no root 00");
  OK(pl_cameo_get(ctx, "") == NULL, "empty code");
  OK(pl_cameo_get(ctx, "2") == NULL, "one digit");
  OK(pl_cameo_get(ctx, NULL) == NULL, "NULL code");
  OK(pl_cameo_get(NULL, "040") == NULL, "NULL ctx");
  parley_ctx_free(ctx);
  return h_done("cameo");
}
