/*
 * evhelp.h - test helper for the syntax and events stages: codes a sentence
 * with a tiny hand-written lexicon and actor list instead of tag.c and
 * actors.c, so that the unit tests of the coder do not depend on the
 * quality of those stages.  Words not in the lexicon are NNP when
 * capitalised, NN otherwise.
 */
#ifndef PL_EVHELP_H
#define PL_EVHELP_H
#include "harness.h"
#include "internal.h"
#include <stdio.h>

/* "surface TAG lemma" triples separated by ';' */
static const char *EV_LEX =
    "the DT the;a DT a;an DT an;his PRP$ his;its PRP$ its;their PRP$ their;"
    "he PRP he;it PRP it;they PRP they;"
    "and CC and;or CC or;but CC but;"
    "in IN in;on IN on;at IN at;with IN with;by IN by;of IN of;for IN for;"
    "from IN from;after IN after;over IN over;against IN against;near IN near;"
    "that IN that;to TO to;who WP who;which WDT which;"
    "not RB not;n't RB not;never RB never;no DT no;longer RB longer;"
    "also RB also;again RB again;"
    "will MD will;would MD would;could MD could;may MD may;"
    "is VBZ be;was VBD be;were VBD be;are VBP be;been VBN be;be VB be;"
    "has VBZ have;have VBP have;had VBD have;did VBD do;does VBZ do;"
    "met VBD meet;meet VB meet;meets VBZ meet;"
    "attacked VBD attack;attack VB attack;attack NN attack;attacks NNS attack;"
    "killed VBN kill;kill VB kill;"
    "said VBD say;says VBZ say;told VBD tell;"
    "visited VBD visit;visit VB visit;hosted VBD host;"
    "plans VBZ plan;plan VB plan;expected VBN expect;agreed VBD agree;"
    "pledged VBD pledge;provide VB provide;"
    "travel VB travel;condemned VBD condemn;accused VBD accuse;"
    "shelled VBD shell;arrested VBD arrest;detained VBN detain;"
    "talks NNS talks;between IN between;strikes NNS strike;"
    "airstrike NN airstrike;hold VB hold;held VBD hold;"
    "reporters NNS reporter;official NN official;spokesman NN spokesman;"
    "senior JJ senior;political JJ political;leader NN leader;"
    "village NN village;convoy NN convoy;aid NN aid;economic JJ economic;"
    "week NN week;monday NNP monday;sunday NNP sunday;tuesday NNP tuesday;"
    "clashed VBD clash;sent VBD send;imposed VBD impose;sanctions NNS sanction;"
    "new JJ new;troops NNS troop;invasion NN invasion;"
    ", , ,;. . .;";

typedef struct { const char *phrase, *code; uint16_t flags; } ev_actor;

static void ev_tag(parley_doc *doc) {
  for (uint32_t i = 0; i < doc->toks.n; i++) {
    pl_token *t = &doc->toks.v[i];
    t->lemma = t->lower;
    if (t->flags & PL_TF_PUNCT) t->tag = PL_T_PUNCT;
    else if (t->flags & PL_TF_NUM) t->tag = PL_T_CD;
    else t->tag = (t->flags & PL_TF_CAP) ? PL_T_NNP : PL_T_NN;
    size_t n = strlen(t->lower);
    const char *p = EV_LEX;
    while (*p) {
      const char *e = strchr(p, ';');
      const char *s1 = strchr(p, ' ');
      const char *s2 = s1 ? strchr(s1 + 1, ' ') : NULL;
      if (s1 && s2 && s2 < e && (size_t)(s1 - p) == n &&
          !strncmp(p, t->lower, n)) {
        char tag[8];
        snprintf(tag, sizeof tag, "%.*s", (int)(s2 - s1 - 1), s1 + 1);
        for (int k = 0; k < PL_T__N; k++)
          if (!strcmp(pl_tag_name(k), tag)) t->tag = (uint8_t)k;
        if (!strcmp(tag, ",") || !strcmp(tag, ".")) t->tag = PL_T_PUNCT;
        t->lemma = pl_strndup(&doc->arena, s2 + 1, (size_t)(e - s2 - 1));
        break;
      }
      p = e + 1;
    }
  }
}

static void ev_actors(parley_doc *doc, const ev_actor *acts) {
  doc->ments.n = 0;
  for (uint32_t i = 0; i < doc->toks.n; i++) doc->toks.v[i].ment = -1;
  for (uint32_t i = 0; i < doc->toks.n;) {
    uint32_t best = 0;
    const ev_actor *ba = NULL;
    for (const ev_actor *a = acts; a && a->phrase; a++) {
      /* phrase words separated by single spaces, lower case */
      const char *p = a->phrase;
      uint32_t k = i;
      int ok = 1;
      while (*p) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (k >= doc->toks.n || strlen(doc->toks.v[k].lower) != n ||
            strncmp(doc->toks.v[k].lower, p, n) ||
            doc->toks.v[k].sent != doc->toks.v[i].sent) {
          ok = 0;
          break;
        }
        k++;
        p += n;
        if (*p == ' ') p++;
      }
      if (ok && k - i > best) {
        best = k - i;
        ba = a;
      }
    }
    if (!ba) {
      i++;
      continue;
    }
    pl_mention *m = pl_vec_push(&doc->arena, &doc->ments);
    m->sent = doc->toks.v[i].sent;
    m->tok = i;
    m->ntok = best;
    m->a.code = ba->code;
    m->a.name = ba->phrase;
    m->a.how = PL_HOW_EXACT;
    m->ante = -1;
    m->flags = ba->flags;
    if (i + best < doc->toks.n && (doc->toks.v[i + best].flags & PL_TF_POSS))
      m->flags |= PL_MF_POSS;
    for (uint32_t k = i; k < i + best; k++)
      doc->toks.v[k].ment = (int32_t)(doc->ments.n - 1);
    i += best;
  }
}

/* Codes text with the mini lexicon/actors; returns the events as
 * "SRC,TGT,CODE;..." in record order (static buffer). */
static const char *ev_code(parley_ctx *ctx, parley_doc *doc, const char *text,
                           const ev_actor *acts) {
  static char out[1024];
  (void)ctx;
  parley_article a = {0};
  a.id = "t";
  a.date = "2024-10-24";
  a.text = text;
  a.text_len = strlen(text);
  out[0] = 0;
  if (parley_doc_code_until(doc, &a, "actors")) return "ERROR";
  ev_tag(doc);
  ev_actors(doc, acts);
  if (pl_syntax_run(doc) || pl_events_run(doc)) return "ERROR";
  size_t n = 0;
  for (uint32_t i = 0; i < doc->events.n; i++) {
    const pl_event *e = &doc->events.v[i];
    const char *s = e->src >= 0 ? doc->ments.v[pl_ment_resolved(doc, e->src)].a.code : "---";
    const char *t = e->tgt >= 0 ? doc->ments.v[pl_ment_resolved(doc, e->tgt)].a.code : "---";
    n += (size_t)snprintf(out + n, sizeof out - n, "%s%s,%s,%s", i ? ";" : "",
                          s, t, e->code);
    if (n >= sizeof out) break;
  }
  if (!doc->events.n) snprintf(out, sizeof out, "none");
  return out;
}
#endif
