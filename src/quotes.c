/*
 * quotes.c - stage: quoted passages and their speakers; also the word
 * classes and phrase helpers that quotes, counts and coref share.
 *
 * Input: tokens with PL_TF_QOPEN/QCLOSE (sentence.c, across sentence
 * boundaries), mentions with coreference (actors.c, coref.c), dates.
 * Output: doc->quotes in text order.
 *
 * A quotation runs from an opening mark to its closing mark, or to the
 * end of the paragraph when it is never closed.  Its speaker comes from
 * a speech cue, tried in this order (tail first when the quotation opens
 * its sentence, lead-in first otherwise):
 *   lead-in  X said: "..."   X told Y that "..."   X said Hamas's "..."
 *            according to X, "..."   (a participle cue "adding" inherits
 *            the subject of the sentence's earlier cue)
 *   tail     "...," X said (in a statement).   "...," said X.
 * A quotation standing alone may be named by the next sentence ("The
 * warning came from X").  A fragment after an earlier quotation of the
 * sentence takes that one's cue only when no new clause (subject + verb)
 * comes between ("..., but officials rejected the "terms"").
 * A quotation that opens its sentence and has no cue inherits the
 * speaker of the previous quotation
 * (or of a previous sentence's speech cue) within two sentences: the
 * story continues (PL_QF_CONT).  Scare quotes: a quotation of one or two
 * words is kept only when a speech cue in its sentence gives it a
 * speaker (negotiators would "within days" decide); otherwise it is a
 * title or irony, not speech, and is dropped.
 * Invariants: quote text excludes the marks and a trailing comma;
 * speaker is a mention index or -1; spk_tok/spk_ntok keep the phrase seen
 * even when no mention covers it.  No allocation besides doc->quotes.
 */
#include "internal.h"
#include <pthread.h>
#include <stdatomic.h>

/* 0 when the strings are equal (as !strcmp tests it): most words
 * compared here differ in the first byte, which decides without a call. */
static inline int kcmp(const char *k, const char *w) {
  return k[0] != w[0] || strcmp(k, w);
}

/* Kept sorted for reading (tests/unit/test_quotes.c checks the order
 * and that every entry is found). */
static const pl_xword xwords[] = {
    {"a", PL_XW_NP, 0, 0, 0},
    {"abduct", PL_XW_KVERB, 3, 0, 0},
    {"abducted", PL_XW_KIND|PL_XW_KVERB, 3, 0, 0},
    {"abducting", PL_XW_KVERB, 3, 0, 0},
    {"abducts", PL_XW_KVERB, 3, 0, 0},
    {"about", PL_XW_QUAL, 0, 0, 0},
    {"accused", PL_XW_CUE, 0, 0, 0},
    {"acknowledged", PL_XW_CUE, 0, 0, 0},
    {"added", PL_XW_CUE, 0, 0, 0},
    {"adding", PL_XW_CUE|PL_XW_PART, 0, 0, 0},
    {"adds", PL_XW_CUE, 0, 0, 0},
    {"administration", PL_XW_NP, 0, 0, 0},
    {"admitted", PL_XW_CUE, 0, 0, 0},
    {"adviser", PL_XW_NP, 0, 0, 0},
    {"advisor", PL_XW_NP, 0, 0, 0},
    {"affirmed", PL_XW_CUE, 0, 0, 0},
    {"afternoon", PL_XW_TIME, 0, 0, 0},
    {"again", PL_XW_AUX, 0, 0, 0},
    {"agency", PL_XW_NP, 0, 0, 0},
    {"aid", PL_XW_VICTIM, 0, 0, 0},
    {"airstrike", PL_XW_ATTACK, 0, 0, 0},
    {"airstrikes", PL_XW_ATTACK, 0, 0, 0},
    {"allegedly", PL_XW_CAUX, 0, 0, 0},
    {"almost", PL_XW_QUAL, 0, 0, 0},
    {"already", PL_XW_AUX|PL_XW_CAUX, 0, 0, 0},
    {"also", PL_XW_AUX|PL_XW_CAUX, 0, 0, 0},
    {"ambassador", PL_XW_NP, 0, 0, 0},
    {"an", PL_XW_NP|PL_XW_QUAL, 0, 0, 0},
    {"analysts", PL_XW_NP, 0, 0, 0},
    {"announced", PL_XW_CUE, 0, 0, 0},
    {"announces", PL_XW_CUE, 0, 0, 0},
    {"approximately", PL_XW_QUAL, 0, 0, 0},
    {"apr.", PL_XW_MONTH, 0, 4, 4},
    {"april", PL_XW_MONTH, 0, 4, 4},
    {"are", PL_XW_AUX|PL_XW_CAUX, 0, 0, 0},
    {"argued", PL_XW_CUE, 0, 0, 0},
    {"argues", PL_XW_CUE, 0, 0, 0},
    {"arguing", PL_XW_PART, 0, 0, 0},
    {"army", PL_XW_NP, 0, 0, 0},
    {"around", PL_XW_QUAL, 0, 0, 0},
    {"arrest", PL_XW_KVERB, 5, 0, 0},
    {"arrested", PL_XW_KIND|PL_XW_KVERB, 5, 0, 0},
    {"arresting", PL_XW_KVERB, 5, 0, 0},
    {"arrests", PL_XW_KVERB, 5, 0, 0},
    {"as", PL_XW_QUAL, 0, 0, 0},
    {"asked", PL_XW_CUE, 0, 0, 0},
    {"asks", PL_XW_CUE, 0, 0, 0},
    {"assault", PL_XW_ATTACK, 0, 0, 0},
    {"assaults", PL_XW_ATTACK, 0, 0, 0},
    {"at", PL_XW_QUAL, 0, 0, 0},
    {"attack", PL_XW_ATTACK, 0, 0, 0},
    {"attacks", PL_XW_ATTACK, 0, 0, 0},
    {"aug.", PL_XW_MONTH, 0, 8, 8},
    {"august", PL_XW_MONTH, 0, 8, 8},
    {"authorities", PL_XW_NP, 0, 0, 0},
    {"authority", PL_XW_NP, 0, 0, 0},
    {"be", PL_XW_CAUX, 0, 0, 0},
    {"been", PL_XW_CAUX, 0, 0, 0},
    {"being", PL_XW_CAUX, 0, 0, 0},
    {"believed", PL_XW_CAUX, 0, 0, 0},
    {"billion", PL_XW_MAG, 0, 1000000000, 1000000000},
    {"bodies", PL_XW_KIND, 1, 0, 0},
    {"bombardment", PL_XW_ATTACK, 0, 0, 0},
    {"bombardments", PL_XW_ATTACK, 0, 0, 0},
    {"bombing", PL_XW_ATTACK, 0, 0, 0},
    {"bombings", PL_XW_ATTACK, 0, 0, 0},
    {"captives", PL_XW_VICTIM, 0, 0, 0},
    {"capture", PL_XW_KVERB, 3, 0, 0},
    {"captured", PL_XW_KIND|PL_XW_KVERB, 3, 0, 0},
    {"captures", PL_XW_KVERB, 3, 0, 0},
    {"capturing", PL_XW_KVERB, 3, 0, 0},
    {"casualties", PL_XW_KIND, 10, 0, 0},
    {"channel", PL_XW_NP, 0, 0, 0},
    {"chief", PL_XW_NP, 0, 0, 0},
    {"children", PL_XW_VICTIM, 0, 0, 0},
    {"civilian", PL_XW_VICTIM, 0, 0, 0},
    {"civilians", PL_XW_VICTIM, 0, 0, 0},
    {"claimed", PL_XW_CUE, 0, 0, 0},
    {"claiming", PL_XW_PART, 0, 0, 0},
    {"claims", PL_XW_CUE, 0, 0, 0},
    {"clashes", PL_XW_ATTACK, 0, 0, 0},
    {"close", PL_XW_QUAL, 0, 0, 0},
    {"commander", PL_XW_NP, 0, 0, 0},
    {"commanders", PL_XW_NP, 0, 0, 0},
    {"committee", PL_XW_NP, 0, 0, 0},
    {"conceded", PL_XW_CUE, 0, 0, 0},
    {"condemned", PL_XW_CUE, 0, 0, 0},
    {"confirmed", PL_XW_CUE|PL_XW_CAUX, 0, 0, 0},
    {"confirms", PL_XW_CUE, 0, 0, 0},
    {"council", PL_XW_NP, 0, 0, 0},
    {"criticised", PL_XW_CUE, 0, 0, 0},
    {"criticized", PL_XW_CUE, 0, 0, 0},
    {"critics", PL_XW_NP, 0, 0, 0},
    {"day", PL_XW_TIME|PL_XW_UNIT, 0, 0, 0},
    {"days", PL_XW_UNIT, 0, 0, 0},
    {"dead", PL_XW_KIND, 1, 0, 0},
    {"deaths", PL_XW_KIND, 1, 0, 0},
    {"dec.", PL_XW_MONTH, 0, 12, 12},
    {"december", PL_XW_MONTH, 0, 12, 12},
    {"declared", PL_XW_CUE, 0, 0, 0},
    {"declares", PL_XW_CUE, 0, 0, 0},
    {"defence", PL_XW_NP, 0, 0, 0},
    {"defense", PL_XW_NP, 0, 0, 0},
    {"delegation", PL_XW_NP, 0, 0, 0},
    {"demonstrators", PL_XW_VICTIM, 0, 0, 0},
    {"denied", PL_XW_CUE, 0, 0, 0},
    {"department", PL_XW_NP, 0, 0, 0},
    {"deputy", PL_XW_NP, 0, 0, 0},
    {"described", PL_XW_CUE, 0, 0, 0},
    {"detain", PL_XW_KVERB, 6, 0, 0},
    {"detained", PL_XW_KIND|PL_XW_KVERB, 6, 0, 0},
    {"detainees", PL_XW_VICTIM, 0, 0, 0},
    {"detaining", PL_XW_KVERB, 6, 0, 0},
    {"detains", PL_XW_KVERB, 6, 0, 0},
    {"did", PL_XW_AUX, 0, 0, 0},
    {"died", PL_XW_KIND, 1, 0, 0},
    {"diplomat", PL_XW_NP, 0, 0, 0},
    {"diplomats", PL_XW_NP, 0, 0, 0},
    {"director", PL_XW_NP, 0, 0, 0},
    {"displace", PL_XW_KVERB, 8, 0, 0},
    {"displaced", PL_XW_KIND|PL_XW_KVERB, 8, 0, 0},
    {"displaces", PL_XW_KVERB, 8, 0, 0},
    {"displacing", PL_XW_KVERB, 8, 0, 0},
    {"doctors", PL_XW_VICTIM, 0, 0, 0},
    {"does", PL_XW_AUX, 0, 0, 0},
    {"dollars", PL_XW_UNIT, 0, 0, 0},
    {"dozen", PL_XW_NUM, 0, 12, 12},
    {"dozens", PL_XW_VAGUE, 0, 24, 99},
    {"earlier", PL_XW_AUX, 0, 0, 0},
    {"early", PL_XW_TPREP, 0, 0, 0},
    {"eight", PL_XW_NUM, 0, 8, 8},
    {"eighteen", PL_XW_NUM, 0, 18, 18},
    {"eighty", PL_XW_NUM, 0, 80, 80},
    {"eleven", PL_XW_NUM, 0, 11, 11},
    {"embassy", PL_XW_NP, 0, 0, 0},
    {"emphasised", PL_XW_CUE, 0, 0, 0},
    {"emphasized", PL_XW_CUE, 0, 0, 0},
    {"envoy", PL_XW_NP, 0, 0, 0},
    {"estimated", PL_XW_QUAL, 0, 0, 0},
    {"euros", PL_XW_UNIT, 0, 0, 0},
    {"evacuated", PL_XW_KIND, 8, 0, 0},
    {"evening", PL_XW_TIME, 0, 0, 0},
    {"executed", PL_XW_KIND, 1, 0, 0},
    {"experts", PL_XW_NP, 0, 0, 0},
    {"explained", PL_XW_CUE, 0, 0, 0},
    {"explaining", PL_XW_PART, 0, 0, 0},
    {"explains", PL_XW_CUE, 0, 0, 0},
    {"far", PL_XW_CAUX, 0, 0, 0},
    {"fatalities", PL_XW_KIND, 1, 0, 0},
    {"feared", PL_XW_CAUX, 0, 0, 0},
    {"feb.", PL_XW_MONTH, 0, 2, 2},
    {"february", PL_XW_MONTH, 0, 2, 2},
    {"fewer", PL_XW_QUAL, 0, 0, 0},
    {"fifteen", PL_XW_NUM, 0, 15, 15},
    {"fifty", PL_XW_NUM, 0, 50, 50},
    {"fighters", PL_XW_NP|PL_XW_VICTIM, 0, 0, 0},
    {"fighting", PL_XW_ATTACK, 0, 0, 0},
    {"fire", PL_XW_ATTACK, 0, 0, 0},
    {"five", PL_XW_NUM, 0, 5, 5},
    {"fled", PL_XW_KIND, 8, 0, 0},
    {"force", PL_XW_NP, 0, 0, 0},
    {"forces", PL_XW_NP, 0, 0, 0},
    {"foreign", PL_XW_NP|PL_XW_VICTIM, 0, 0, 0},
    {"former", PL_XW_NP, 0, 0, 0},
    {"forty", PL_XW_NUM, 0, 40, 40},
    {"four", PL_XW_NUM, 0, 4, 4},
    {"fourteen", PL_XW_NUM, 0, 14, 14},
    {"free", PL_XW_KVERB, 7, 0, 0},
    {"freed", PL_XW_KIND|PL_XW_KVERB, 7, 0, 0},
    {"freeing", PL_XW_KVERB, 7, 0, 0},
    {"frees", PL_XW_KVERB, 7, 0, 0},
    {"friday", PL_XW_TIME, 0, 0, 0},
    {"further", PL_XW_AUX, 0, 0, 0},
    {"gazans", PL_XW_VICTIM, 0, 0, 0},
    {"general", PL_XW_NP, 0, 0, 0},
    {"government", PL_XW_NP, 0, 0, 0},
    {"group", PL_XW_NP, 0, 0, 0},
    {"had", PL_XW_AUX|PL_XW_CAUX, 0, 0, 0},
    {"has", PL_XW_AUX|PL_XW_CAUX, 0, 0, 0},
    {"have", PL_XW_AUX|PL_XW_CAUX, 0, 0, 0},
    {"he", PL_XW_PRON, 0, 0, 0},
    {"head", PL_XW_NP, 0, 0, 0},
    {"health", PL_XW_NP|PL_XW_VICTIM, 0, 0, 0},
    {"her", PL_XW_NP, 0, 0, 0},
    {"his", PL_XW_NP, 0, 0, 0},
    {"hostages", PL_XW_VICTIM, 0, 0, 0},
    {"hour", PL_XW_UNIT, 0, 0, 0},
    {"hours", PL_XW_UNIT, 0, 0, 0},
    {"hundred", PL_XW_MAG, 0, 100, 100},
    {"hundreds", PL_XW_VAGUE, 0, 200, 999},
    {"hurt", PL_XW_KIND, 2, 0, 0},
    {"i", PL_XW_PRON, 0, 0, 0},
    {"injure", PL_XW_KVERB, 2, 0, 0},
    {"injured", PL_XW_KIND|PL_XW_KVERB, 2, 0, 0},
    {"injures", PL_XW_KVERB, 2, 0, 0},
    {"injuries", PL_XW_KIND, 2, 0, 0},
    {"injuring", PL_XW_KVERB, 2, 0, 0},
    {"insisted", PL_XW_CUE, 0, 0, 0},
    {"insisting", PL_XW_PART, 0, 0, 0},
    {"insists", PL_XW_CUE, 0, 0, 0},
    {"interior", PL_XW_NP, 0, 0, 0},
    {"is", PL_XW_AUX|PL_XW_CAUX, 0, 0, 0},
    {"israeli", PL_XW_NP|PL_XW_VICTIM, 0, 0, 0},
    {"israelis", PL_XW_VICTIM, 0, 0, 0},
    {"it", PL_XW_PRON, 0, 0, 0},
    {"its", PL_XW_NP, 0, 0, 0},
    {"jan.", PL_XW_MONTH, 0, 1, 1},
    {"january", PL_XW_MONTH, 0, 1, 1},
    {"journalists", PL_XW_VICTIM, 0, 0, 0},
    {"jul.", PL_XW_MONTH, 0, 7, 7},
    {"july", PL_XW_MONTH, 0, 7, 7},
    {"jun.", PL_XW_MONTH, 0, 6, 6},
    {"june", PL_XW_MONTH, 0, 6, 6},
    {"just", PL_XW_QUAL, 0, 0, 0},
    {"kidnap", PL_XW_KVERB, 4, 0, 0},
    {"kidnapped", PL_XW_KIND|PL_XW_KVERB, 4, 0, 0},
    {"kidnapping", PL_XW_KVERB, 4, 0, 0},
    {"kidnaps", PL_XW_KVERB, 4, 0, 0},
    {"kill", PL_XW_KVERB, 1, 0, 0},
    {"killed", PL_XW_KIND|PL_XW_KVERB, 1, 0, 0},
    {"killing", PL_XW_KVERB, 1, 0, 0},
    {"kills", PL_XW_KVERB, 1, 0, 0},
    {"kilometers", PL_XW_UNIT, 0, 0, 0},
    {"kilometres", PL_XW_UNIT, 0, 0, 0},
    {"km", PL_XW_UNIT, 0, 0, 0},
    {"last", PL_XW_TPREP, 0, 0, 0},
    {"late", PL_XW_TPREP, 0, 0, 0},
    {"later", PL_XW_AUX|PL_XW_CAUX, 0, 0, 0},
    {"leader", PL_XW_NP, 0, 0, 0},
    {"leaders", PL_XW_NP, 0, 0, 0},
    {"lebanese", PL_XW_VICTIM, 0, 0, 0},
    {"less", PL_XW_QUAL, 0, 0, 0},
    {"local", PL_XW_NP, 0, 0, 0},
    {"mar.", PL_XW_MONTH, 0, 3, 3},
    {"march", PL_XW_MONTH, 0, 3, 3},
    {"may", PL_XW_MONTH, 0, 5, 5},
    {"media", PL_XW_NP, 0, 0, 0},
    {"mediators", PL_XW_NP, 0, 0, 0},
    {"medics", PL_XW_VICTIM, 0, 0, 0},
    {"members", PL_XW_VICTIM, 0, 0, 0},
    {"men", PL_XW_VICTIM, 0, 0, 0},
    {"migrants", PL_XW_VICTIM, 0, 0, 0},
    {"miles", PL_XW_UNIT, 0, 0, 0},
    {"militants", PL_XW_NP|PL_XW_VICTIM, 0, 0, 0},
    {"military", PL_XW_NP, 0, 0, 0},
    {"million", PL_XW_MAG, 0, 1000000, 1000000},
    {"millions", PL_XW_VAGUE, 0, 2000000, 9999999},
    {"minister", PL_XW_NP, 0, 0, 0},
    {"ministers", PL_XW_NP, 0, 0, 0},
    {"ministry", PL_XW_NP, 0, 0, 0},
    {"minutes", PL_XW_UNIT, 0, 0, 0},
    {"missing", PL_XW_KIND, 9, 0, 0},
    {"monday", PL_XW_TIME, 0, 0, 0},
    {"month", PL_XW_TIME|PL_XW_UNIT, 0, 0, 0},
    {"months", PL_XW_UNIT, 0, 0, 0},
    {"more", PL_XW_QUAL|PL_XW_VICTIM, 0, 0, 0},
    {"morning", PL_XW_TIME, 0, 0, 0},
    {"movement", PL_XW_NP, 0, 0, 0},
    {"murdered", PL_XW_KIND, 1, 0, 0},
    {"n't", PL_XW_AUX, 0, 0, 0},
    {"nearly", PL_XW_QUAL, 0, 0, 0},
    {"negotiator", PL_XW_NP, 0, 0, 0},
    {"negotiators", PL_XW_NP, 0, 0, 0},
    {"news", PL_XW_NP, 0, 0, 0},
    {"next", PL_XW_TPREP, 0, 0, 0},
    {"night", PL_XW_TIME, 0, 0, 0},
    {"nine", PL_XW_NUM, 0, 9, 9},
    {"nineteen", PL_XW_NUM, 0, 19, 19},
    {"ninety", PL_XW_NUM, 0, 90, 90},
    {"not", PL_XW_AUX, 0, 0, 0},
    {"noted", PL_XW_CUE, 0, 0, 0},
    {"notes", PL_XW_CUE, 0, 0, 0},
    {"noting", PL_XW_PART, 0, 0, 0},
    {"nov.", PL_XW_MONTH, 0, 11, 11},
    {"november", PL_XW_MONTH, 0, 11, 11},
    {"now", PL_XW_CAUX, 0, 0, 0},
    {"oct.", PL_XW_MONTH, 0, 10, 10},
    {"october", PL_XW_MONTH, 0, 10, 10},
    {"of", PL_XW_VICTIM, 0, 0, 0},
    {"offensive", PL_XW_ATTACK, 0, 0, 0},
    {"office", PL_XW_NP, 0, 0, 0},
    {"officer", PL_XW_NP, 0, 0, 0},
    {"officers", PL_XW_NP|PL_XW_VICTIM, 0, 0, 0},
    {"official", PL_XW_NP, 0, 0, 0},
    {"officials", PL_XW_NP, 0, 0, 0},
    {"on", PL_XW_TPREP, 0, 0, 0},
    {"once", PL_XW_AUX, 0, 0, 0},
    {"one", PL_XW_NUM, 0, 1, 1},
    {"operation", PL_XW_ATTACK, 0, 0, 0},
    {"operations", PL_XW_ATTACK, 0, 0, 0},
    {"other", PL_XW_VICTIM, 0, 0, 0},
    {"others", PL_XW_VICTIM, 0, 0, 0},
    {"our", PL_XW_NP, 0, 0, 0},
    {"over", PL_XW_QUAL, 0, 0, 0},
    {"palace", PL_XW_NP, 0, 0, 0},
    {"palestinian", PL_XW_VICTIM, 0, 0, 0},
    {"palestinians", PL_XW_VICTIM, 0, 0, 0},
    {"patients", PL_XW_VICTIM, 0, 0, 0},
    {"people", PL_XW_NP|PL_XW_VICTIM, 0, 0, 0},
    {"per", PL_XW_UNIT, 0, 0, 0},
    {"percent", PL_XW_UNIT, 0, 0, 0},
    {"personnel", PL_XW_VICTIM, 0, 0, 0},
    {"persons", PL_XW_VICTIM, 0, 0, 0},
    {"pledged", PL_XW_CUE, 0, 0, 0},
    {"police", PL_XW_NP|PL_XW_VICTIM, 0, 0, 0},
    {"policemen", PL_XW_VICTIM, 0, 0, 0},
    {"political", PL_XW_NP, 0, 0, 0},
    {"posted", PL_XW_CUE, 0, 0, 0},
    {"predicted", PL_XW_CUE, 0, 0, 0},
    {"president", PL_XW_NP, 0, 0, 0},
    {"previously", PL_XW_AUX, 0, 0, 0},
    {"prime", PL_XW_NP, 0, 0, 0},
    {"prisoners", PL_XW_VICTIM, 0, 0, 0},
    {"promised", PL_XW_CUE, 0, 0, 0},
    {"protesters", PL_XW_VICTIM, 0, 0, 0},
    {"publicly", PL_XW_AUX, 0, 0, 0},
    {"quipped", PL_XW_CUE, 0, 0, 0},
    {"raid", PL_XW_ATTACK, 0, 0, 0},
    {"raids", PL_XW_ATTACK, 0, 0, 0},
    {"rebels", PL_XW_NP, 0, 0, 0},
    {"recalled", PL_XW_CUE, 0, 0, 0},
    {"recently", PL_XW_AUX, 0, 0, 0},
    {"refugees", PL_XW_VICTIM, 0, 0, 0},
    {"reiterated", PL_XW_CUE, 0, 0, 0},
    {"release", PL_XW_KVERB, 7, 0, 0},
    {"released", PL_XW_KIND|PL_XW_KVERB, 7, 0, 0},
    {"releases", PL_XW_KVERB, 7, 0, 0},
    {"releasing", PL_XW_KVERB, 7, 0, 0},
    {"remain", PL_XW_CAUX, 0, 0, 0},
    {"remained", PL_XW_CAUX, 0, 0, 0},
    {"remains", PL_XW_CAUX, 0, 0, 0},
    {"remarked", PL_XW_CUE, 0, 0, 0},
    {"repeatedly", PL_XW_AUX, 0, 0, 0},
    {"replied", PL_XW_CUE, 0, 0, 0},
    {"replies", PL_XW_CUE, 0, 0, 0},
    {"reported", PL_XW_CUE|PL_XW_CAUX, 0, 0, 0},
    {"reportedly", PL_XW_AUX|PL_XW_CAUX, 0, 0, 0},
    {"reports", PL_XW_CUE, 0, 0, 0},
    {"residents", PL_XW_NP|PL_XW_VICTIM, 0, 0, 0},
    {"responded", PL_XW_CUE, 0, 0, 0},
    {"roughly", PL_XW_QUAL, 0, 0, 0},
    {"said", PL_XW_CUE, 0, 0, 0},
    {"saturday", PL_XW_TIME, 0, 0, 0},
    {"say", PL_XW_CUE, 0, 0, 0},
    {"saying", PL_XW_CUE|PL_XW_PART, 0, 0, 0},
    {"says", PL_XW_CUE, 0, 0, 0},
    {"scores", PL_XW_VAGUE, 0, 40, 99},
    {"secretary", PL_XW_NP, 0, 0, 0},
    {"security", PL_XW_NP|PL_XW_VICTIM, 0, 0, 0},
    {"senior", PL_XW_NP, 0, 0, 0},
    {"sep.", PL_XW_MONTH, 0, 9, 9},
    {"separately", PL_XW_AUX, 0, 0, 0},
    {"sept.", PL_XW_MONTH, 0, 9, 9},
    {"september", PL_XW_MONTH, 0, 9, 9},
    {"seven", PL_XW_NUM, 0, 7, 7},
    {"seventeen", PL_XW_NUM, 0, 17, 17},
    {"seventy", PL_XW_NUM, 0, 70, 70},
    {"she", PL_XW_PRON, 0, 0, 0},
    {"shelling", PL_XW_ATTACK, 0, 0, 0},
    {"since", PL_XW_CAUX, 0, 0, 0},
    {"six", PL_XW_NUM, 0, 6, 6},
    {"sixteen", PL_XW_NUM, 0, 16, 16},
    {"sixty", PL_XW_NUM, 0, 60, 60},
    {"slain", PL_XW_KIND, 1, 0, 0},
    {"so", PL_XW_CAUX, 0, 0, 0},
    {"soldiers", PL_XW_VICTIM, 0, 0, 0},
    {"some", PL_XW_QUAL, 0, 0, 0},
    {"source", PL_XW_NP, 0, 0, 0},
    {"sources", PL_XW_NP, 0, 0, 0},
    {"spokesman", PL_XW_NP, 0, 0, 0},
    {"spokesmen", PL_XW_NP, 0, 0, 0},
    {"spokespeople", PL_XW_NP, 0, 0, 0},
    {"spokesperson", PL_XW_NP, 0, 0, 0},
    {"spokeswoman", PL_XW_NP, 0, 0, 0},
    {"staff", PL_XW_VICTIM, 0, 0, 0},
    {"state", PL_XW_NP, 0, 0, 0},
    {"state-run", PL_XW_NP, 0, 0, 0},
    {"stated", PL_XW_CUE, 0, 0, 0},
    {"statement", PL_XW_NP, 0, 0, 0},
    {"states", PL_XW_CUE, 0, 0, 0},
    {"still", PL_XW_AUX|PL_XW_CAUX, 0, 0, 0},
    {"stressed", PL_XW_CUE, 0, 0, 0},
    {"stresses", PL_XW_CUE, 0, 0, 0},
    {"stressing", PL_XW_PART, 0, 0, 0},
    {"strike", PL_XW_ATTACK, 0, 0, 0},
    {"strikes", PL_XW_ATTACK, 0, 0, 0},
    {"students", PL_XW_VICTIM, 0, 0, 0},
    {"sunday", PL_XW_TIME, 0, 0, 0},
    {"team", PL_XW_NP, 0, 0, 0},
    {"television", PL_XW_NP, 0, 0, 0},
    {"tell", PL_XW_CUE, 0, 0, 0},
    {"telling", PL_XW_CUE|PL_XW_PART, 0, 0, 0},
    {"tells", PL_XW_CUE, 0, 0, 0},
    {"ten", PL_XW_NUM, 0, 10, 10},
    {"tens", PL_XW_VAGUE, 0, 20, 99},
    {"the", PL_XW_NP, 0, 0, 0},
    {"their", PL_XW_NP, 0, 0, 0},
    {"them", PL_XW_VICTIM, 0, 0, 0},
    {"then", PL_XW_AUX, 0, 0, 0},
    {"these", PL_XW_NP, 0, 0, 0},
    {"they", PL_XW_PRON, 0, 0, 0},
    {"thirteen", PL_XW_NUM, 0, 13, 13},
    {"thirty", PL_XW_NUM, 0, 30, 30},
    {"this", PL_XW_TPREP|PL_XW_NP, 0, 0, 0},
    {"those", PL_XW_NP, 0, 0, 0},
    {"thousand", PL_XW_MAG, 0, 1000, 1000},
    {"thousands", PL_XW_VAGUE, 0, 2000, 9999},
    {"three", PL_XW_NUM, 0, 3, 3},
    {"thursday", PL_XW_TIME, 0, 0, 0},
    {"times", PL_XW_UNIT, 0, 0, 0},
    {"to", PL_XW_CAUX, 0, 0, 0},
    {"today", PL_XW_TIME, 0, 0, 0},
    {"told", PL_XW_CUE, 0, 0, 0},
    {"tonight", PL_XW_TIME, 0, 0, 0},
    {"top", PL_XW_NP, 0, 0, 0},
    {"troops", PL_XW_NP|PL_XW_VICTIM, 0, 0, 0},
    {"tuesday", PL_XW_TIME, 0, 0, 0},
    {"tv", PL_XW_NP, 0, 0, 0},
    {"tweeted", PL_XW_CUE, 0, 0, 0},
    {"twelve", PL_XW_NUM, 0, 12, 12},
    {"twenty", PL_XW_NUM, 0, 20, 20},
    {"two", PL_XW_NUM, 0, 2, 2},
    {"unarmed", PL_XW_VICTIM, 0, 0, 0},
    {"up", PL_XW_QUAL, 0, 0, 0},
    {"upwards", PL_XW_QUAL, 0, 0, 0},
    {"urged", PL_XW_CUE, 0, 0, 0},
    {"urges", PL_XW_CUE, 0, 0, 0},
    {"vice", PL_XW_NP, 0, 0, 0},
    {"violence", PL_XW_ATTACK, 0, 0, 0},
    {"vowed", PL_XW_CUE, 0, 0, 0},
    {"warned", PL_XW_CUE, 0, 0, 0},
    {"warning", PL_XW_PART, 0, 0, 0},
    {"warns", PL_XW_CUE, 0, 0, 0},
    {"was", PL_XW_AUX|PL_XW_CAUX, 0, 0, 0},
    {"we", PL_XW_PRON, 0, 0, 0},
    {"wednesday", PL_XW_TIME, 0, 0, 0},
    {"week", PL_XW_TIME|PL_XW_UNIT, 0, 0, 0},
    {"weekend", PL_XW_TIME, 0, 0, 0},
    {"weeks", PL_XW_UNIT, 0, 0, 0},
    {"were", PL_XW_AUX|PL_XW_CAUX, 0, 0, 0},
    {"will", PL_XW_AUX, 0, 0, 0},
    {"witnesses", PL_XW_NP, 0, 0, 0},
    {"women", PL_XW_VICTIM, 0, 0, 0},
    {"workers", PL_XW_VICTIM, 0, 0, 0},
    {"would", PL_XW_AUX, 0, 0, 0},
    {"wound", PL_XW_KVERB, 2, 0, 0},
    {"wounded", PL_XW_KIND|PL_XW_KVERB, 2, 0, 0},
    {"wounding", PL_XW_KVERB, 2, 0, 0},
    {"wounds", PL_XW_KVERB, 2, 0, 0},
    {"writes", PL_XW_CUE, 0, 0, 0},
    {"wrote", PL_XW_CUE, 0, 0, 0},
    {"year", PL_XW_TIME|PL_XW_UNIT, 0, 0, 0},
    {"years", PL_XW_UNIT, 0, 0, 0},
    {"yesterday", PL_XW_TIME, 0, 0, 0},
    {"young", PL_XW_VICTIM, 0, 0, 0},
};
#define NXW (sizeof xwords / sizeof xwords[0])

/* Open-addressing hash over the table, built once (pthread_once: the
 * table is shared by every thread's documents).  Each slot keeps the
 * word's full hash beside its index: token.c asks for every word token
 * and most words are not in the table, so a probe rejects them on the
 * hash without touching the strings; strcmp runs only on a hash match. */
#define XH 2048 /* power of two, > 3 x entries */
typedef struct xslot_t {
  uint32_t h;  /* pl_fnv32 of the word */
  int32_t i;   /* index in xwords, -1 empty */
} xslot_t;
static xslot_t xslot[XH];
static pthread_once_t xonce = PTHREAD_ONCE_INIT;
/* Set (release) once xslot is built: the per-lookup test is one load,
 * pthread_once is called only until then. */
static _Atomic int xready;

static uint32_t xhash(const char *s) { return pl_fnv32z(s); }

static void xinit(void) {
  for (size_t i = 0; i < XH; i++) xslot[i].i = -1;
  for (size_t i = 0; i < NXW; i++) {
    uint32_t hv = xhash(xwords[i].w), h = hv & (XH - 1);
    while (xslot[h].i >= 0) h = (h + 1) & (XH - 1);
    xslot[h].h = hv;
    xslot[h].i = (int32_t)i;
  }
  atomic_store_explicit(&xready, 1, memory_order_release);
}

/* Lookup with w's pl_fnv32 hash hv already known (a token's hlow).
 * Inline: token.c calls it through pl_xw_classes for every word token. */
static inline const pl_xword *xword_get_h(const char *w, uint32_t hv) {
  if (!atomic_load_explicit(&xready, memory_order_acquire))
    pthread_once(&xonce, xinit);
  uint32_t h = hv & (XH - 1);
  while (xslot[h].i >= 0) {
    if (xslot[h].h == hv) {
      const pl_xword *x = &xwords[xslot[h].i];
      /* words are short: an inline compare beats a call to strcmp */
      const char *a = x->w, *b = w;
      while (*a == *b && *a) a++, b++;
      if (*a == *b) return x;
    }
    h = (h + 1) & (XH - 1);
  }
  return NULL;
}

const pl_xword *pl_xword_get(const char *w) {
  return xword_get_h(w, xhash(w));
}

/* Exposed for the unit test of the table order. */
size_t pl_xword_count(void) { return NXW; }
const pl_xword *pl_xword_at(size_t i) { return i < NXW ? &xwords[i] : NULL; }

const pl_xword *pl_xword_tok(const pl_token *t) {
  return xword_get_h(t->lower, t->hlow);
}

uint32_t pl_xw_classes(const char *lower, uint32_t hlow) {
  const pl_xword *x = xword_get_h(lower, hlow);
  return x ? x->cls : 0;
}


/* pl_cue_at's first test, inline: most tokens are no cue word. */
static inline int maybe_cue(const parley_doc *doc, uint32_t i) {
  const pl_token *t = &doc->toks.v[i];
  return (pl_xw(t) & PL_XW_CUE) && t->ment < 0;
}

static int is_punct(const pl_token *t, char c) {
  return (t->flags & PL_TF_PUNCT) && t->len == 1 && t->lower[0] == c;
}

/* A token that can be part of a name or speaker phrase. */
static int np_tok(const pl_token *t) {
  if (t->flags & (PL_TF_POSS | PL_TF_ABBR)) return 1;
  if (t->flags & PL_TF_PUNCT)
    return t->len == 1 && t->lower[0] == '-' && !(t->flags & PL_TF_SPACE);
  if (!(t->flags & PL_TF_WORD)) return 0;
  uint32_t c = pl_xw(t);
  /* a cue or time word is not part of a name ("Said", "Thursday") */
  if (c & (PL_XW_CUE | PL_XW_TIME | PL_XW_MONTH)) return 0;
  if (t->flags & PL_TF_CAP) return 1;
  if (c & PL_XW_NP) return 1;
  if (c & (PL_XW_AUX | PL_XW_PRON)) return 0;
  /* nouns and adjectives by their tag: "the UN refugee agency" */
  return t->tag == PL_T_NN || t->tag == PL_T_NNS || t->tag == PL_T_JJ;
}

static int head_tok(const pl_token *t) {
  if (!(t->flags & PL_TF_WORD)) return 0;
  if (t->flags & PL_TF_CAP) return 1;
  if (!kcmp(t->lower, "the") || !kcmp(t->lower, "a") ||
      !kcmp(t->lower, "an"))
    return 0;
  return (pl_xw(t) & PL_XW_NP) || t->tag == PL_T_NN || t->tag == PL_T_NNS;
}

/* Prepositions that join two noun phrases into one speaker phrase:
 * "a spokesman for the army", "sources in Pakistan". */
static int np_prep(const pl_token *t) {
  return !kcmp(t->lower, "of") || !kcmp(t->lower, "for") ||
         !kcmp(t->lower, "in") || !kcmp(t->lower, "at") ||
         !kcmp(t->lower, "from");
}

static int has_head(const parley_doc *doc, uint32_t a, uint32_t b) {
  for (uint32_t i = a; i < b; i++)
    if (head_tok(&doc->toks.v[i])) return 1;
  return 0;
}

int pl_subject_span(const parley_doc *doc, uint32_t lo, uint32_t v,
                    uint32_t *a, uint32_t *b) {
  const pl_token *tv = doc->toks.v;
  uint32_t j = v;
  while (j > lo) {
    const pl_token *t = &tv[j - 1];
    uint32_t c = pl_xw(t);
    if (c & PL_XW_AUX && !(t->flags & PL_TF_CAP)) { j--; continue; }
    if (c & PL_XW_TIME) {
      j--;
      if (j > lo && (pl_xw(&tv[j - 1]) & PL_XW_TPREP)) j--;
      continue;
    }
    if (is_punct(t, ',')) {
      /* appositive: X, a senior official, said */
      uint32_t k = j - 1, stop = j > lo + 12 ? j - 12 : lo;
      while (k > stop && !is_punct(&tv[k - 1], ',')) k--;
      if (k > stop && k - 1 > lo) { j = k - 1; continue; }
      return 0;
    }
    break;
  }
  if (j <= lo) return 0;
  const pl_token *last = &tv[j - 1];
  if (pl_xw(last) & PL_XW_PRON) {
    *a = j - 1;
    *b = j;
    return 1;
  }
  uint32_t k = j;
  while (k > lo && np_tok(&tv[k - 1]) && j - k < 12) k--;
  /* "and" joins two names: Israeli and U.S. officials */
  while (k > lo + 1 && !kcmp(tv[k - 1].lower, "and") &&
         (tv[k - 2].flags & PL_TF_CAP) && (tv[k].flags & PL_TF_CAP)) {
    k--;
    while (k > lo && np_tok(&tv[k - 1]) && j - k < 14) k--;
  }
  /* the phrase cannot start with a possessive mark or a hyphen */
  while (k < j && (tv[k].flags & (PL_TF_POSS | PL_TF_PUNCT))) k++;
  if (k >= j || !has_head(doc, k, j)) return 0;
  /* "sources in neighbouring Pakistan": one more phrase before "in" */
  if (k > lo + 1 && np_prep(&tv[k - 1]) && np_tok(&tv[k - 2])) {
    uint32_t k2 = k - 1;
    while (k2 > lo && np_tok(&tv[k2 - 1]) && j - k2 < 16) k2--;
    while (k2 < k - 1 && (tv[k2].flags & (PL_TF_POSS | PL_TF_PUNCT))) k2++;
    if (k2 < k - 1 && has_head(doc, k2, k - 1)) k = k2;
  }
  *a = k;
  *b = j;
  return 1;
}

int pl_np_after(const parley_doc *doc, uint32_t i, uint32_t hi, uint32_t *a,
                uint32_t *b) {
  const pl_token *tv = doc->toks.v;
  if (i >= hi) return 0;
  if (pl_xw(&tv[i]) & PL_XW_PRON) {
    *a = i;
    *b = i + 1;
    return 1;
  }
  uint32_t k = i;
  while (k < hi && k - i < 12 && np_tok(&tv[k])) k++;
  while (k > i && (tv[k - 1].flags & PL_TF_PUNCT)) k--;
  if (k == i || !has_head(doc, i, k)) return 0;
  *a = i;
  *b = k;
  return 1;
}

int32_t pl_span_mention(const parley_doc *doc, uint32_t a, uint32_t b) {
  int32_t best = -1;
  int bestr = 0;
  for (uint32_t i = a; i < b; i++) {
    int32_t m = doc->toks.v[i].ment;
    if (m < 0 || (uint32_t)m >= doc->ments.n) continue;
    const pl_mention *mt = &doc->ments.v[m];
    /* rank: person > name > possessor person > possessor > adjective */
    int r;
    uint16_t f = mt->flags;
    if (f & PL_MF_ADJ) r = 1;
    else if ((f & PL_MF_POSS) && (f & PL_MF_PERSON)) r = 3;
    else if (f & PL_MF_POSS) r = 2;
    else if (f & PL_MF_PERSON) r = 5;
    else r = 4;
    if (r >= bestr) { /* later wins on ties: the head comes last */
      best = m;
      bestr = r;
    }
  }
  if (best >= 0) {
    int32_t r = pl_ment_resolved(doc, best);
    if (r >= 0 && doc->ments.v[r].a.code && doc->ments.v[r].a.code[0])
      return best;
  }
  /* no coded mention: a role nominal ("the group", "the ministry") or
   * an unknown name that repeats an earlier one */
  int32_t r = pl_role_ante(doc, a, b);
  if (r >= 0) return r;
  if (best >= 0) return best;
  uint32_t x = a, y = b;
  while (x < y && !(doc->toks.v[x].flags & PL_TF_CAP)) x++;
  if (x < y) return pl_name_ante(doc, x, y);
  return -1;
}

/* ---- quotes ---- */

/* Only a '"' token can open a quotation (token.c makes every '"' a
 * one-byte PL_TF_QUOTE token; sentence.c's mark_quotes sets PL_TF_QOPEN
 * on such tokens only, never on '\''), and a story has few of them: so
 * the scan looks for the next '"' byte with memchr and finds its token by
 * binary search (tokens are in text order) instead of testing the flags
 * of every token. */
uint32_t pl_next_qopen(const parley_doc *doc, uint32_t i) {
  const pl_token *tv = doc->toks.v;
  uint32_t n = doc->toks.n;
  while (i < n) {
    size_t from = tv[i].off;
    if (from >= doc->text_len) return n;
    const char *q = memchr(doc->text + from, '"', doc->text_len - from);
    if (!q) return n;
    size_t o = (size_t)(q - doc->text);
    uint32_t lo = i, hi = n; /* first token with off >= o */
    while (lo < hi) {
      uint32_t mid = lo + (hi - lo) / 2;
      if (tv[mid].off < o) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= n) return n;
    if (tv[lo].off == o) {
      if (tv[lo].flags & PL_TF_QOPEN) return lo;
      lo++; /* a closing or stray mark */
    }
    i = lo; /* a '"' inside a longer token: search on from the next one */
  }
  return n;
}

static int nl_between(const parley_doc *doc, uint32_t i) {
  /* a line break between token i-1 and token i */
  const pl_token *p = &doc->toks.v[i - 1], *t = &doc->toks.v[i];
  for (uint32_t o = p->off + p->len; o < t->off; o++)
    if (doc->text[o] == '\n') return 1;
  return 0;
}

typedef struct {
  int32_t ment;
  uint32_t a, b;   /* phrase; b == a: none */
  uint32_t cue;    /* UINT32_MAX none */
} speaker_t;

/* A speech cue at token i: a cue word that is not part of a name
 * ("the United States", "Said Hamdan": a mention, or capitalised after
 * a word) and not passive ("he was accused of", "it was reported"). */
int pl_cue_at(const parley_doc *doc, uint32_t i) {
  const pl_token *t = &doc->toks.v[i];
  if (!(pl_xw(t) & PL_XW_CUE) || t->ment >= 0) return 0;
  uint32_t s0 = doc->sents.v[t->sent].tok0;
  if (i > s0 && (t->flags & PL_TF_CAP) &&
      (doc->toks.v[i - 1].flags & PL_TF_WORD))
    return 0;
  uint32_t k = i;
  while (k > s0 && (doc->toks.v[k - 1].tag == PL_T_RB)) k--;
  if (k > s0) {
    static const char *const be[] = {"was", "were", "is", "are", "be",
                                     "been", "being", NULL};
    if (pl_words_has(be, doc->toks.v[k - 1].lower)) return 0;
  }
  return 1;
}

/* Speaker of the cue at token v, within [lo, hi). */
static int cue_speaker(const parley_doc *doc, uint32_t lo, uint32_t hi,
                       uint32_t v, speaker_t *sp, int depth) {
  const pl_token *tv = doc->toks.v;
  uint32_t a, b;
  uint32_t c = pl_xw(&tv[v]);
  if ((c & PL_XW_PART) && v > lo && is_punct(&tv[v - 1], ',') && depth < 3) {
    /* ", adding that ...": the subject of the earlier cue */
    for (uint32_t k = v - 1; k > lo; k--)
      if (maybe_cue(doc, k - 1) && pl_cue_at(doc, k - 1) &&
          cue_speaker(doc, lo, hi, k - 1, sp, depth + 1)) {
        sp->cue = v;
        return 1;
      }
  }
  if (pl_subject_span(doc, lo, v, &a, &b) ||
      pl_np_after(doc, v + 1, hi, &a, &b)) {
    sp->a = a;
    sp->b = b;
    sp->ment = pl_span_mention(doc, a, b);
    sp->cue = v;
    return 1;
  }
  return 0;
}

/* "according to X" anywhere in [lo, hi). */
static int according(const parley_doc *doc, uint32_t lo, uint32_t hi,
                     speaker_t *sp) {
  const pl_token *tv = doc->toks.v;
  for (uint32_t i = lo; i + 2 < hi; i++) {
    if (kcmp(tv[i].lower, "according") || kcmp(tv[i + 1].lower, "to"))
      continue;
    uint32_t a, b;
    if (pl_np_after(doc, i + 2, hi, &a, &b)) {
      sp->a = a;
      sp->b = b;
      sp->ment = pl_span_mention(doc, a, b);
      sp->cue = i;
      return 1;
    }
  }
  return 0;
}

/* Lead-in: the nearest cue before the opening mark, in its sentence,
 * not inside an earlier quotation. */
static int lead_in(const parley_doc *doc, uint32_t s0, uint32_t open,
                   speaker_t *sp) {
  const pl_token *tv = doc->toks.v;
  uint32_t lo = s0;
  /* after an earlier quotation in the sentence only its tail counts
   * ("...," he said, adding that Egypt was in "ongoing" talks) */
  for (uint32_t k = open; k > s0; k--)
    if (tv[k - 1].flags & PL_TF_QCLOSE) {
      lo = k;
      break;
    }
  for (uint32_t v = open; v > lo; v--)
    if (maybe_cue(doc, v - 1) && pl_cue_at(doc, v - 1) &&
        cue_speaker(doc, lo, open, v - 1, sp, 0))
      return 1;
  if (according(doc, lo, open, sp)) return 1;
  /* a second fragment of one sentence: Sheikh Mohammed said Hamas's
   * "future course is unclear" ... but that ... were "re-engaging";
   * not when a new clause with its own subject and verb comes between
   * ("..., but Israeli officials rejected the "terms"") */
  if (lo > s0) {
    int subj = 0;
    for (uint32_t k = lo; k < open; k++) {
      const pl_token *t = &tv[k];
      if (!kcmp(t->lower, "that")) break;
      if (t->ment >= 0) subj = 1;
      else if (subj && (t->tag == PL_T_VBD || t->tag == PL_T_VBZ ||
                        t->tag == PL_T_VBP))
        return 0;
    }
  }
  for (uint32_t v = lo; v > s0; v--) {
    if (tv[v - 1].flags & PL_TF_QCLOSE) {
      while (v > s0 && !(tv[v - 1].flags & PL_TF_QOPEN)) v--;
      continue;
    }
    if (maybe_cue(doc, v - 1) && pl_cue_at(doc, v - 1) &&
        cue_speaker(doc, s0, open, v - 1, sp, 0))
      return 1;
  }
  return 0;
}

/* Tail: a cue soon after the closing mark, before the sentence ends. */
static int tail(const parley_doc *doc, uint32_t close, uint32_t s1,
                speaker_t *sp) {
  const pl_token *tv = doc->toks.v;
  uint32_t lim = close + 14 < s1 ? close + 14 : s1;
  for (uint32_t v = close + 1; v < lim; v++) {
    const pl_token *t = &tv[v];
    if (t->flags & PL_TF_QOPEN) break;
    if (is_punct(t, '.') || is_punct(t, ';')) break;
    if (maybe_cue(doc, v) && pl_cue_at(doc, v) &&
        cue_speaker(doc, close + 1, s1, v, sp, 0))
      return 1;
    if (!kcmp(t->lower, "according") && according(doc, v, s1, sp)) return 1;
  }
  return 0;
}

/* A speech cue in sentence s with its subject (for continued quotes). */
static int sentence_cue(const parley_doc *doc, uint32_t s, speaker_t *sp) {
  const pl_sentence *st = &doc->sents.v[s];
  uint32_t s0 = st->tok0, s1 = st->tok0 + st->ntok;
  int inq = 0;
  for (uint32_t v = s0; v < s1; v++) {
    const pl_token *t = &doc->toks.v[v];
    if (t->flags & PL_TF_QOPEN) inq = 1;
    if (t->flags & PL_TF_QCLOSE) inq = 0;
    if (!inq && maybe_cue(doc, v) && pl_cue_at(doc, v) &&
        cue_speaker(doc, s0, s1, v, sp, 0))
      return 1;
  }
  return 0;
}

/* The speaker named in the sentence after a quotation that stands
 * alone: "...." The warning came from X / The remarks were made by X. */
static int next_speaker(const parley_doc *doc, uint32_t sc, speaker_t *sp) {
  static const char *const det[] = {"the", "that", "this", "those", "these",
                                    "his", "her", "their", "its", NULL};
  static const char *const noun[] = {
      "warning", "remarks", "remark", "comments", "comment", "statement",
      "message", "threat", "words", "pledge", "appeal", "call", "plea",
      "assessment", "admission", "response", NULL};
  static const char *const verb[] = {"came", "come", "was", "were", NULL};
  static const char *const part[] = {"made", "issued", "delivered",
                                     "posted", "given", "voiced", NULL};
  if (sc + 1 >= doc->sents.n) return 0;
  const pl_sentence *st = &doc->sents.v[sc + 1];
  const pl_token *tv = doc->toks.v;
  uint32_t k = st->tok0, e = st->tok0 + st->ntok;
  if (k < e && pl_words_has(det, tv[k].lower)) k++;
  if (k >= e || !pl_words_has(noun, tv[k].lower)) return 0;
  k++;
  if (k >= e || !pl_words_has(verb, tv[k].lower)) return 0;
  uint32_t v = k++;
  if (k < e && pl_words_has(part, tv[k].lower)) k++;
  if (k >= e || (kcmp(tv[k].lower, "from") && kcmp(tv[k].lower, "by")))
    return 0;
  uint32_t a, b;
  if (!pl_np_after(doc, k + 1, e, &a, &b)) return 0;
  sp->a = a;
  sp->b = b;
  sp->ment = pl_span_mention(doc, a, b);
  sp->cue = v;
  return 1;
}

parley_rc pl_quotes_run(parley_doc *doc) {
  const pl_token *tv = doc->toks.v;
  uint32_t n = doc->toks.n;
  int32_t prev = -1;     /* index of the previous kept quote */
  uint32_t prev_end = 0; /* the sentence it ended in */
  for (uint32_t i = pl_next_qopen(doc, 0); i < n;
       i = pl_next_qopen(doc, i + 1)) {
    /* find the end */
    uint32_t j = i + 1, close = UINT32_MAX, last = i;
    for (; j < n; j++) {
      if (tv[j].flags & PL_TF_QCLOSE) { close = j; break; }
      if ((tv[j].flags & PL_TF_QOPEN) || nl_between(doc, j)) break;
      last = j;
    }
    if (last == i) continue; /* empty */
    uint32_t endtok = close != UINT32_MAX ? close : last + 1;
    uint32_t off = tv[i].off + tv[i].len;
    uint32_t end = close != UINT32_MAX ? tv[close].off
                                       : tv[last].off + tv[last].len;
    while (end > off && (doc->text[end - 1] == ' ' ||
                         doc->text[end - 1] == ',' ||
                         doc->text[end - 1] == '\n'))
      end--;
    while (off < end && doc->text[off] == ' ') off++;
    if (end <= off) continue;
    uint32_t words = 0;
    for (uint32_t k = i + 1; k < endtok; k++)
      if (tv[k].flags & (PL_TF_WORD | PL_TF_NUM)) words++;
    if (!words) continue;
    uint32_t so = tv[i].sent;
    uint32_t sc = tv[endtok < n ? endtok : n - 1].sent;
    if (close == UINT32_MAX) sc = tv[last].sent;
    const pl_sentence *S0 = &doc->sents.v[so], *S1 = &doc->sents.v[sc];
    uint32_t s0 = S0->tok0, s1 = S1->tok0 + S1->ntok;
    int starts = i == s0;
    /* does the quotation end its sentence? */
    uint32_t after = close != UINT32_MAX ? close + 1 : last + 1;
    int ends = after >= s1 || (after + 1 >= s1 && (tv[after].flags & PL_TF_PUNCT));
    speaker_t sp = {-1, 0, 0, UINT32_MAX};
    int found = 0;
    if (starts) {
      if (close != UINT32_MAX) found = tail(doc, close, s1, &sp);
      if (!found) found = lead_in(doc, s0, i, &sp);
    } else {
      found = lead_in(doc, s0, i, &sp);
      if (!found && close != UINT32_MAX) found = tail(doc, close, s1, &sp);
    }
    uint16_t flags = 0;
    uint32_t fw = i + 1;
    while (fw < endtok && !(tv[fw].flags & PL_TF_WORD)) fw++;
    if ((fw < endtok && !(tv[fw].flags & PL_TF_CAP)) || (!starts && !ends))
      flags |= PL_QF_PARTIAL;
    if (close == UINT32_MAX) flags |= PL_QF_UNCLOSED;
    if (so != sc) flags |= PL_QF_MULTI;
    if (words <= 2 && !found) continue; /* scare quotes */
    /* a name, not speech: the so-called "humanitarian zone", an
     * operation dubbed "Iron Shield", a report titled "..." */
    if (words <= 6 && i > s0) {
      static const char *const naming[] = {
          "so-called", "called", "dubbed", "named", "titled", "entitled",
          "codenamed", "code-named", "nicknamed", "branded", "labelled",
          "labeled", "termed", NULL};
      const pl_token *pv = &tv[i - 1];
      if (pl_words_has(naming, pv->lower) ||
          (i > s0 + 2 && !kcmp(pv->lower, "called") &&
           !kcmp(tv[i - 3].lower, "so")))
        continue;
    }
    if (!found && starts && ends && close != UINT32_MAX)
      found = next_speaker(doc, sc, &sp);
    if (!found && starts) {
      /* the story continues: the previous quote's or sentence's speaker
       * (only for a quotation that opens its sentence; a fragment inside
       * someone else's sentence is not the previous speaker's) */
      if (prev >= 0) {
        const pl_quote *pq = &doc->quotes.v[prev];
        if (pq->spk_ntok || pq->speaker >= 0) {
          if (so <= prev_end + 2) {
            sp.ment = pq->speaker;
            sp.a = pq->spk_tok;
            sp.b = pq->spk_tok + pq->spk_ntok;
            found = 1;
            flags |= PL_QF_CONT;
          }
        }
      }
      if (!found && so > 0 && sentence_cue(doc, so - 1, &sp)) {
        sp.cue = UINT32_MAX;
        found = 1;
        flags |= PL_QF_CONT;
      }
    }
    pl_quote *q = pl_vec_push(&doc->arena, &doc->quotes);
    if (!q) return PARLEY_ENOMEM;
    q->sent = so;
    q->off = off;
    q->len = end - off;
    q->speaker = sp.ment;
    q->spk_tok = sp.a;
    q->spk_ntok = sp.b > sp.a ? sp.b - sp.a : 0;
    q->cue_tok = (flags & PL_QF_CONT) ? UINT32_MAX : sp.cue;
    q->flags = flags;
    /* the date of the saying: the cue's clause outside the quotation
     * ("We will meet on Sunday," he said: said today, not on Sunday) */
    if (q->cue_tok != UINT32_MAX) {
      uint32_t ct = q->cue_tok, cs = tv[ct].sent;
      const pl_sentence *cst = &doc->sents.v[cs];
      uint32_t lo = cst->tok0, hi = cst->tok0 + cst->ntok;
      if (ct < i) hi = i;
      else if (close != UINT32_MAX && ct > close) lo = close + 1;
      q->date = pl_date_for(doc, cs, lo, hi, 0);
    } else {
      q->date = doc->date; /* continued: the article date */
      if (prev >= 0) q->date = doc->quotes.v[prev].date;
    }
    prev = (int32_t)doc->quotes.n - 1;
    prev_end = sc;
    if (close != UINT32_MAX) i = close;
  }
  return PARLEY_OK;
}
