/*
 * test_events.c - the event coder per construct (our own sentences), with a
 * mini lexicon and actor list (evhelp.h) so that only syntax.c, verbs.c
 * and events.c are under test; plus the verb-dictionary loaders.
 */
#include "evhelp.h"
#include "verbs.h"

static const ev_actor ACTS[] = {
    {"israel", "ISR", PL_MF_COUNTRY},
    {"israeli", "ISR", PL_MF_ADJ},
    {"israeli troops", "ISRMIL", PL_MF_PLURAL},
    {"hamas", "PSEREBHMS", 0},
    {"gaza", "PSE", 0},
    {"egypt", "EGY", PL_MF_COUNTRY},
    {"egyptian officials", "EGYGOV", PL_MF_PLURAL},
    {"qatar", "QAT", PL_MF_COUNTRY},
    {"qatari", "QAT", PL_MF_ADJ},
    {"qatari officials", "QATGOV", PL_MF_PLURAL},
    {"jordan", "JOR", PL_MF_COUNTRY},
    {"norway", "NOR", PL_MF_COUNTRY},
    {"chile", "CHL", PL_MF_COUNTRY},
    {"peru", "PER", PL_MF_COUNTRY},
    {"peruvian", "PER", PL_MF_ADJ},
    {"peruvian police", "PERCOP", PL_MF_PLURAL},
    {"bolivian", "BOL", PL_MF_ADJ},
    {"bolivian protesters", "BOLOPP", PL_MF_PLURAL},
    {"bolivia", "BOL", PL_MF_COUNTRY},
    {"the foreign minister of chile", "CHLGOV", PL_MF_PERSON},
    {"ecuador", "ECU", PL_MF_COUNTRY},
    {"ecuadorian", "ECU", PL_MF_ADJ},
    {"ecuadorian rebels", "ECUREB", PL_MF_PLURAL},
    {"uruguay", "URY", PL_MF_COUNTRY},
    {"paraguay", "PRY", PL_MF_COUNTRY},
    {"ana ruiz", "CHLGOV", PL_MF_PERSON},
    {"peruvian diplomat", "PERGOV", 0},
    {NULL, NULL, 0}};

#define CODE(text, want)                                                  \
  STR_EQ(ev_code(ctx, doc, text, ACTS), want, "%s", text)

int main(void) {
  parley_ctx *ctx = parley_ctx_new();
  parley_doc *doc = parley_doc_new(ctx);
  OK(ctx && doc, "ctx");
  OK(pl_verbs_count(ctx) > 2000, "built-in verbs loaded: %zu",
     pl_verbs_count(ctx));

  /* simple SVO, PP target, place phrase not a target for meetings */
  CODE("Chile met Peru on Monday.", "CHL,PER,040");
  CODE("Peruvian police arrested Bolivian protesters in Peru.",
       "PERCOP,BOLOPP,173");
  CODE("Chile met with Peru in Uruguay.", "CHL,PER,040");
  /* passive with by */
  CODE("Peru was attacked by Ecuadorian rebels on Sunday.",
       "ECUREB,PER,190");
  /* negation */
  CODE("Chile did not meet Peru.", "none");
  CODE("Chile has never attacked Peru.", "none");
  CODE("Chile no longer attacks Peru.", "none");
  /* future and intent */
  CODE("Chile will meet Peru on Sunday.", "CHL,PER,036");
  CODE("Chile plans to visit Peru next week.", "CHL,PER,036");
  CODE("Chile is expected to meet Peru.", "CHL,PER,036");
  CODE("Chile pledged to provide economic aid to Peru.", "CHL,PER,0331");
  /* reported speech: only the embedded event */
  CODE("Bolivia said Chile attacked Peru.", "CHL,PER,190");
  CODE("Bolivia told reporters that Chile attacked Peru.", "CHL,PER,190");
  CODE("Chile attacked Peru, Bolivia said.", "CHL,PER,190");
  CODE("Bolivia said the talks were good.", "none");
  /* compounds */
  CODE("Chile and Peru met Bolivia.", "CHL,BOL,040;PER,BOL,040");
  CODE("Chile met Peru and Bolivia.", "CHL,PER,040;CHL,BOL,040");
  CODE("Chile, Peru and Uruguay met Bolivia.",
       "CHL,BOL,040;PER,BOL,040;URY,BOL,040");
  CODE("Chile and Peru met on Monday.", "CHL,PER,040;PER,CHL,040");
  /* appositives */
  CODE("Ana Ruiz, a senior official, met Peru.", "CHLGOV,PER,040");
  CODE("Jorge Paz, a Peruvian diplomat, met Chile.", "PERGOV,CHL,040");
  /* relative clauses */
  CODE("Chile, which met Peru last week, attacked Bolivia.",
       "CHL,PER,040;CHL,BOL,190");
  CODE("Peru condemned Chile, which attacked Bolivia.",
       "PER,CHL,111;CHL,BOL,190");
  /* possessive actors */
  CODE("Chile's foreign minister met Peru.", "CHL,PER,040");
  /* nominal events */
  CODE("Talks between Chile and Peru resumed.", "CHL,PER,046");
  CODE("A Peruvian airstrike on Bolivia killed two people.", "PER,BOL,195");
  /* coordination shares the subject */
  CODE("Chile met Peru and attacked Bolivia.", "CHL,PER,040;CHL,BOL,190");

  /* the verb loaders */
  {
    parley_ctx *c2 = parley_ctx_new();
    OK(c2 && !pl_verbs_clear(c2) && pl_verbs_count(c2) == 0, "clear");
    const char *native =
        "&FOO = bar; baz qux\n"
        "040 v confer with +   # comment\n"
        "999x v oops\n"
        "041 q bad kind\n";
    size_t ne = 0, nw = 0;
    OK(!pl_verbs_load_text(c2, "mem", native, strlen(native), &ne, &nw),
       "native load");
    INT_EQ(ne, 2, "native entries");
    INT_EQ(nw, 2, "native warnings: %s", parley_ctx_warnings(c2));
    OK(strstr(parley_ctx_warnings(c2), "mem:3:") != NULL, "file:line");
    const char *petr =
        "<!-- a comment -->\n"
        "&WEAPON\n+RIFLE\n+HAND_GRENADE\n\n"
        "--- ATTACK [190] ---\n"
        "ATTACK\nRAID {RAIDS RAIDED RAIDING} [191]\n+BLOW_UP\n"
        "- * &WEAPON [195]  # TABARI comment\n"
        "- + * BY $ [192]\n"
        "- % * TALKS [---]\n"
        "- SO IN_AND_*_OUT_AGAIN NOW [074]\n"
        "- * FOO [12:34]\n"
        "- no star [111]\n";
    OK(!pl_verbs_load_text(c2, "petr", petr, strlen(petr), &ne, &nw),
       "petr load");
    OK(ne >= 9, "petr entries %zu", ne);
    INT_EQ(nw, 1, "petr warnings: %s", parley_ctx_warnings(c2));
    parley_ctx_free(c2);
  }
  {
    char path[512];
    snprintf(path, sizeof path, "%s/peers/petrarch2/CAMEO.2.0.txt",
             PL_SHARED_DIR);
    FILE *f = fopen(path, "rb");
    if (f) {
      fclose(f);
      parley_ctx *c3 = parley_ctx_new();
      size_t ne = 0, nw = 0;
      OK(!pl_verbs_load_file(c3, path, &ne, &nw), "CAMEO.2.0 %s",
         parley_errmsg(c3));
      fprintf(stderr, "CAMEO.2.0.txt: %zu entries, %zu warnings\n", ne, nw);
      OK(ne > 7000, "CAMEO.2.0 entries %zu", ne);
      OK(nw < 5, "CAMEO.2.0 warnings %zu", nw);
      snprintf(path, sizeof path, "%s/peers/petrarch2/PETR.Validate.verbs.txt",
               PL_SHARED_DIR);
      OK(!pl_verbs_clear(c3), "clear");
      OK(!pl_verbs_load_file(c3, path, &ne, &nw), "validate verbs");
      fprintf(stderr, "PETR.Validate.verbs.txt: %zu entries, %zu warnings\n",
              ne, nw);
      OK(ne > 500, "validate entries %zu", ne);
      parley_ctx_free(c3);
    } else {
      fprintf(stderr, "(PETRARCH dictionaries absent: loader test skipped)\n");
    }
  }
  parley_doc_free(doc);
  parley_ctx_free(ctx);
  return h_done("test_events");
}
