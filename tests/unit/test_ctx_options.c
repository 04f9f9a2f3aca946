/* test_ctx_options.c - parley_ctx_new_opts(PARLEY_CTX_NO_DEFAULT_DICTS)
 * and parley_ctx_set_option (the PETRARCH <Config> switches). */
#include "harness.h"
#include "internal.h"

int main(void) {
  parley_ctx *ctx = parley_ctx_new();
  parley_ctx *bare = parley_ctx_new_opts(PARLEY_CTX_NO_DEFAULT_DICTS);
  OK(ctx && bare, "contexts");

  /* defaults: no dyad requirement, no new actors, comma limits unset */
  OK(!(ctx->flags & PL_CTX_REQUIRE_DYAD), "require_dyad off by default");
  INT_EQ(ctx->new_actor_length, 0, "new_actor_length default");
  INT_EQ(ctx->comma_max, -1, "comma_max unset");
  OK(!(ctx->flags & PL_CTX_NO_DEFAULTS), "default context has its dicts");
  OK(bare->flags & PL_CTX_NO_DEFAULTS, "bare context flagged");

  /* the bare context knows no actor; the default one does */
  const char *j = parley_actor_json(ctx, "France", NULL);
  OK(j && strstr(j, "\"code\":\"FRA\""), "default resolves France: %s",
     j ? j : "(null)");
  j = parley_actor_json(bare, "France", NULL);
  OK(j && strstr(j, "\"code\":\"\""), "bare context knows no actor: %s",
     j ? j : "(null)");

  /* switches */
  INT_EQ(parley_ctx_set_option(ctx, "require_dyad", "TRUE"), PARLEY_OK, "t");
  OK(ctx->flags & PL_CTX_REQUIRE_DYAD, "require_dyad on");
  INT_EQ(parley_ctx_set_option(ctx, "require_dyad", "False"), PARLEY_OK, "f");
  OK(!(ctx->flags & PL_CTX_REQUIRE_DYAD), "require_dyad off");
  INT_EQ(parley_ctx_set_option(ctx, "require_dyad", "maybe"), PARLEY_EMISUSE,
         "bad boolean");
  OK(strstr(parley_errmsg(ctx), "require_dyad"), "message names it: %s",
     parley_errmsg(ctx));
  INT_EQ(parley_ctx_set_option(ctx, "new_actor_length", "4"), PARLEY_OK, "n");
  INT_EQ(ctx->new_actor_length, 4, "new_actor_length set");
  static const char *const commas[] = {"comma_min", "comma_max", "comma_bmin",
                                       "comma_bmax", "comma_emin",
                                       "comma_emax"};
  for (int i = 0; i < 6; i++)
    INT_EQ(parley_ctx_set_option(ctx, commas[i], "7"), PARLEY_OK, "%s",
           commas[i]);
  OK(ctx->comma_min == 7 && ctx->comma_max == 7 && ctx->comma_bmin == 7 &&
         ctx->comma_bmax == 7 && ctx->comma_emin == 7 && ctx->comma_emax == 7,
     "all comma fields set");
  INT_EQ(parley_ctx_set_option(ctx, "comma_max", "-1"), PARLEY_EMISUSE,
         "negative refused");
  INT_EQ(parley_ctx_set_option(ctx, "comma_max", "12x"), PARLEY_EMISUSE,
         "junk refused");
  INT_EQ(parley_ctx_set_option(ctx, "comma_max", "99999"), PARLEY_EMISUSE,
         "too big refused");
  INT_EQ(ctx->comma_max, 7, "unchanged after errors");
  INT_EQ(parley_ctx_set_option(ctx, "bogus", "1"), PARLEY_EMISUSE, "unknown");
  OK(strstr(parley_errmsg(ctx), "unknown option"), "message: %s",
     parley_errmsg(ctx));
  INT_EQ(parley_ctx_set_option(ctx, NULL, "1"), PARLEY_EMISUSE, "NULL name");
  INT_EQ(parley_ctx_set_option(NULL, "require_dyad", "true"), PARLEY_EMISUSE,
         "NULL ctx");

  parley_ctx_free(bare);
  parley_ctx_free(ctx);
  return h_done("ctx_options");
}
