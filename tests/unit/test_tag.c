/* test_tag.c - the lexical layer: tags and lemmas on short news-style
 * sentences written for parley (noun/verb ambiguity, passives, modals,
 * irregular lemmas, capitalisation), plus load time and throughput.
 *
 * Each case: a sentence and space-separated checks "Word=TAG" or
 * "Word=TAG/lemma"; "Word#2" is the word's second occurrence. */
#include "harness.h"
#include "internal.h"
#include <time.h>

static const struct tcase { const char *s, *want; } cases[] = {
    /* talks */
    {"The talks resumed in Doha on Sunday.",
     "talks=NNS/talk resumed=VBD/resume Doha=NNP Sunday=NNP"},
    {"Qatar talks to both sides every day.", "talks=VBZ/talk Qatar=NNP"},
    {"Ceasefire talks in Cairo stalled last week.",
     "talks=NNS stalled=VBD/stall Ceasefire=NN"},
    {"He talks with mediators often.", "talks=VBZ/talk He=PRP"},
    {"Officials said the talks would continue.",
     "said=VBD/say talks=NNS would=MD continue=VB"},
    /* attack */
    {"Israel attacks Gaza again.", "attacks=VBZ/attack Israel=NNP"},
    {"The attacks killed 20 people.",
     "attacks=NNS/attack killed=VBD/kill 20=CD people=NNS"},
    {"Rebels attack the convoy at night.", "attack=VBP/attack Rebels=NNS"},
    {"The army condemned the attack on the base.",
     "attack=NN condemned=VBD/condemn army=NN"},
    {"Israel's attack on the camp drew protests.",
     "attack=NN 's=POS drew=VBD/draw protests=NNS/protest"},
    {"Militants will attack the town.", "will=MD attack=VB"},
    {"They vowed to attack again.", "vowed=VBD/vow attack=VB to=TO"},
    /* plans */
    {"Israel plans to expand the operation.",
     "plans=VBZ/plan expand=VB operation=NN"},
    {"The plans to expand the operation were shelved.",
     "plans=NNS/plan were=VBD/be shelved=VBN/shelve"},
    {"His plans for a truce failed.", "plans=NNS failed=VBD/fail"},
    {"Hamas plans a new offensive.", "plans=VBZ offensive=NN"},
    /* release */
    {"Hamas agreed to release the hostages.",
     "agreed=VBD/agree release=VB/release hostages=NNS/hostage"},
    {"The release of the prisoners was delayed.",
     "release=NN was=VBD/be delayed=VBN/delay"},
    {"They demanded the release of all detainees.",
     "release=NN demanded=VBD/demand detainees=NNS"},
    {"The army will release the footage.", "release=VB army=NN"},
    {"Egypt released 12 detainees on Monday.",
     "released=VBD/release 12=CD detainees=NNS"},
    /* meeting */
    {"The meeting lasted three hours.", "meeting=NN/meeting lasted=VBD"},
    {"Blinken is meeting Netanyahu today.",
     "meeting=VBG/meet is=VBZ/be Netanyahu=NNP"},
    {"After meeting the emir, Blinken flew to Cairo.",
     "meeting=VBG/meet flew=VBD/fly emir=NN"},
    {"Their meeting in Doha ended without a deal.",
     "meeting=NN ended=VBD/end deal=NN"},
    {"He will meet Sisi in Cairo.", "meet=VB/meet Sisi=NNP"},
    {"The ministers met in Amman.", "met=VBD/meet ministers=NNS/minister"},
    {"Blinken has met the Qatari prime minister twice.",
     "met=VBN/meet has=VBZ/have"},
    /* visit */
    {"Blinken will visit Israel this week.", "visit=VB Israel=NNP"},
    {"His visit to Riyadh was postponed.",
     "visit=NN postponed=VBN/postpone"},
    {"The envoy visits Beirut on Tuesday.", "visits=VBZ/visit envoy=NN"},
    {"During the visit, he met aid workers.",
     "visit=NN met=VBD/meet aid=NN workers=NNS"},
    {"He visited Kyiv in May.", "visited=VBD/visit Kyiv=NNP"},
    /* strike */
    {"An Israeli strike killed five people.",
     "strike=NN killed=VBD/kill five=CD"},
    {"Israel struck targets in Lebanon.",
     "struck=VBD/strike targets=NNS/target"},
    {"The building was struck by a missile.",
     "struck=VBN/strike was=VBD missile=NN"},
    {"Workers plan to strike next month.", "strike=VB plan=VBP"},
    {"Air strikes hit the city overnight.", "strikes=NNS/strike hit=VBD"},
    /* fire */
    {"Troops opened fire on the crowd.",
     "fire=NN opened=VBD/open Troops=NNS"},
    {"Soldiers may fire on protesters.", "fire=VB may=MD"},
    {"The fire spread through the camp.", "fire=NN spread=VBD"},
    {"Rocket fire from Gaza continued.", "fire=NN continued=VBD"},
    /* force */
    {"Israeli forces raided the camp.",
     "forces=NNS/force raided=VBD/raid Israeli=JJ"},
    {"The UN cannot force them to leave.",
     "force=VB UN=NNP leave=VB"},
    {"Police used force to disperse the crowd.",
     "force=NN used=VBD/use disperse=VB"},
    /* aid */
    {"Aid trucks entered Gaza on Friday.", "trucks=NNS entered=VBD"},
    {"Egypt will aid the refugees.", "aid=VB refugees=NNS"},
    {"The aid arrived late.", "aid=NN arrived=VBD/arrive"},
    {"Donors pledged humanitarian aid.", "aid=NN pledged=VBD/pledge"},
    /* head */
    {"The head of the agency resigned.", "head=NN resigned=VBD"},
    {"He will head the delegation.", "head=VB delegation=NN"},
    {"The envoy heads to Cairo tomorrow.", "heads=VBZ/head"},
    /* charge, claim */
    {"Prosecutors will charge him with murder.", "charge=VB murder=NN"},
    {"The charge was dropped.", "charge=NN dropped=VBN/drop"},
    {"He was charged with treason.", "charged=VBN/charge"},
    {"Hamas claimed responsibility for the attack.",
     "claimed=VBD/claim responsibility=NN attack=NN"},
    {"The claim that Israel attacked the school was denied.",
     "claim=NN that=IN attacked=VBD denied=VBN/deny"},
    {"Officials claim the strike hit a depot.",
     "claim=VBP strike=NN hit=VBD"},
    /* passives and participles */
    {"Three soldiers were killed in the ambush.",
     "killed=VBN/kill were=VBD/be soldiers=NNS/soldier"},
    {"Two journalists have been detained.",
     "detained=VBN/detain been=VBN/be have=VBP"},
    {"The hostages were freed on Saturday.", "freed=VBN/free"},
    {"Palestinians killed by the strike were buried.",
     "killed=VBN buried=VBN/bury"},
    {"The convoy was attacked near Rafah.",
     "attacked=VBN/attack Rafah=NNP"},
    {"The deal is expected to be signed soon.",
     "expected=VBN/expect signed=VBN/sign be=VB"},
    {"The wounded were taken to hospital.",
     "taken=VBN/take were=VBD"},
    /* modals and negation */
    {"Israel would not accept the proposal.",
     "accept=VB proposal=NN not=RB"},
    {"Hamas did not attack the border post.", "attack=VB did=VBD/do"},
    {"The sides can't agree on a map.",
     "ca=MD/can n't=RB/not agree=VB"},
    {"Egypt must open the crossing.", "open=VB crossing=NN"},
    {"They could meet again next week.", "meet=VB could=MD"},
    /* irregular lemmas */
    {"Negotiators held talks for hours.", "held=VBD/hold talks=NNS"},
    {"The delegation took a letter to Doha.", "took=VBD/take"},
    {"Israeli troops withdrew from the town.",
     "withdrew=VBD/withdraw troops=NNS/troop"},
    {"Thousands fled the fighting.",
     "fled=VBD/flee fighting=NN"},
    {"Protesters threw stones at police.", "threw=VBD/throw stones=NNS/stone"},
    {"The minister spoke to reporters.", "spoke=VBD/speak"},
    {"The army has begun a new operation.", "begun=VBN/begin"},
    {"He told reporters that the war would end.",
     "told=VBD/tell that=IN end=VB"},
    {"Gunmen seized the building and shot two guards.",
     "seized=VBD/seize shot=VBD/shoot"},
    /* that, 's, capitals */
    {"The deal that ended the war collapsed.",
     "that=WDT ended=VBD collapsed=VBD"},
    {"That meeting was cancelled.", "That=DT meeting=NN cancelled=VBN"},
    {"It's a difficult moment.", "'s=VBZ/be It=PRP"},
    {"Hamas's leader was killed.", "'s=POS leader=NN killed=VBN"},
    {"Officials say the plan is dead.", "Officials=NNS/official say=VBP"},
    {"The White House said talks would resume.",
     "White=NNP House=NNP said=VBD talks=NNS"},
    {"He met Prime Minister Benjamin Netanyahu.",
     "Prime=NNP Minister=NNP Benjamin=NNP Netanyahu=NNP"},
    {"The US and Qatar mediated the deal.",
     "US=NNP Qatar=NNP mediated=VBD/mediate"},
    {"Hamas said it had freed the hostages.",
     "said=VBD had=VBD/have freed=VBN/free it=PRP"},
    {"Mediators met and discussed a truce.",
     "met=VBD discussed=VBD/discuss truce=NN"},
    {"Egypt and Qatar attack the plan.", "attack=VBP"},
    {"Security forces arrested dozens of protesters.",
     "arrested=VBD/arrest dozens=NNS protesters=NNS"},
    {"Hezbollah fired rockets at northern Israel.",
     "fired=VBD/fire rockets=NNS/rocket northern=JJ"},
    {"Fighting continued in Khan Younis.",
     "Fighting=NN continued=VBD Khan=NNP"},
    {"The two sides signed a ceasefire agreement.",
     "signed=VBD/sign ceasefire=NN agreement=NN"},
    {"Iran threatens to retaliate.", "threatens=VBZ/threaten retaliate=VB"},
    {"A spokesman denied the reports.", "denied=VBD/deny reports=NNS/report"},
    {"The UN warned of famine in Sudan.", "warned=VBD/warn famine=NN"},
    {"Russia shelled Kharkiv overnight.", "shelled=VBD/shell"},
    {"Kyiv accuses Moscow of war crimes.",
     "accuses=VBZ/accuse crimes=NNS/crime"},
    {"Mediators are pushing for a deal.", "pushing=VBG/push"},
    {"About 1,200 people were killed, officials said.",
     "1,200=CD killed=VBN said=VBD"},
    {"Police detained 40 people, 3% of the crowd.", "%=NN/percent"},
    /* particles, -ing verbs, reduced relatives */
    {"Israel has been carrying out raids in Jenin.",
     "carrying=VBG/carry out=RP raids=NNS/raid"},
    {"Negotiators sealed off the last gaps.", "off=RP gaps=NNS/gap"},
    {"He was accused of planning the bombing.",
     "accused=VBN planning=VBG/plan bombing=NN/bombing"},
    {"The army insisted on keeping troops in Rafah.",
     "keeping=VBG/keep troops=NNS"},
    {"Weapons delivered to Kyiv last month were destroyed.",
     "delivered=VBN/deliver destroyed=VBN/destroy last=JJ"},
    {"A report released on Tuesday accused both sides.",
     "released=VBN accused=VBD/accuse"},
    {"The talks, which began in Doha, collapsed.",
     "which=WDT began=VBD/begin collapsed=VBD"},
    {"Hamas fighters attacked an army post.",
     "fighters=NNS attacked=VBD army=NN post=NN"},
    {"Sudanese army troops shelled the market.",
     "Sudanese=JJ army=NN troops=NNS shelled=VBD"},
    {"Israel is conducting military exercises near the border.",
     "military=JJ exercises=NNS/exercise"},
    /* capitals: names, demonyms, months, particles, sentence starts */
    {"China said it would send aid to Gaza.", "China=NNP aid=NN"},
    {"Turkey will host the next round.", "Turkey=NNP host=VB round=NN"},
    {"The talks resumed on May 31 in Cairo.", "May=NNP 31=CD"},
    {"The truce may collapse, officials warned.",
     "may=MD collapse=VB warned=VBD/warn"},
    {"The emir met Sheikh Tamim bin Hamad in Doha.",
     "bin=NNP Tamim=NNP Hamad=NNP"},
    {"Egyptian mediators met Hamas leaders.",
     "Egyptian=JJ mediators=NNS leaders=NNS"},
    {"The Lebanese army deployed in the south.",
     "Lebanese=JJ deployed=VBD/deploy"},
    {"He spoke with the Qatari Prime Minister.",
     "Qatari=NNP Prime=NNP Minister=NNP"},
    {"The UN Security Council will vote on Friday.",
     "UN=NNP Security=NNP Council=NNP vote=VB Friday=NNP"},
    {"Palestinians fled the camp.", "Palestinians=NNPS fled=VBD/flee"},
    /* hyphen compounds */
    {"The U.S.-brokered deal collapsed.", "brokered=VBN/broker deal=NN"},
    {"Aid reached war-torn Sudan.", "war=NN torn=VBN reached=VBD"},
    {"The Hamas-run health ministry said 40 died.",
     "run=VBN ministry=NN died=VBD/die"},
    /* that / adverbs / coordination */
    {"After that meeting, Egypt proposed a truce.",
     "that=DT meeting=NN proposed=VBD/propose"},
    {"Israel said on Sunday that troops would withdraw.",
     "that=IN troops=NNS withdraw=VB"},
    {"The sides did not even discuss a truce.",
     "even=RB discuss=VB"},
    {"Hamas will release hostages and free prisoners.",
     "release=VB free=VB prisoners=NNS"},
    {"Mediators want to end the war and secure a deal.",
     "end=VB secure=VB deal=NN"},
    {"Protesters gathered overnight.", "overnight=RB gathered=VBD"},
    {"Gunmen fired on a very crowded market.", "very=RB fired=VBD"},
    /* unknown words: suffix guesses and their lemmas */
    {"Militants bulldozed the checkpoint and kidnapped two guards.",
     "bulldozed=VBD/bulldoze kidnapped=VBD/kidnap"},
    {"Drones were patrolling the area.", "patrolling=VBG/patrol"},
    /* contractions */
    {"We're ready, but they won't agree.",
     "'re=VBP/be wo=MD/will n't=RB/not agree=VB"},
    {"Hamas' leaders rejected the offer.", "'=POS leaders=NNS rejected=VBD"},
    /* noun phrase heads after names; sentence-initial common nouns */
    {"Aid trucks entered the Gaza Strip through the Rafah crossing.",
     "Aid=NN trucks=NNS crossing=NN/crossing Strip=NNP"},
    {"The US plans to withdraw.", "plans=VBZ/plan withdraw=VB"},
    {"The Israeli army attacks Gaza.", "army=NN attacks=VBZ"},
    {"His Gaza visit ended early.", "visit=NN ended=VBD"},
    /* complement clauses without "that", relative clauses, subjunctive */
    {"Officials said militants fired at a patrol.",
     "fired=VBD/fire patrol=NN"},
    {"The militia, which had been fighting near Goma, seized a town.",
     "seized=VBD/seize fighting=VBG"},
    {"Rebels, who entered the city on Monday, occupied two districts.",
     "occupied=VBD/occupy entered=VBD"},
    {"Egypt demanded that Israel release the bodies.",
     "release=VB/release that=IN"},
    {"The regime used chemical weapons in Ghouta.",
     "chemical=JJ weapons=NNS used=VBD"},
    {"Jordan agreed to re-open the crossing.", "open=VB/open crossing=NN"},
    {"Egypt will co-host the conference.", "host=VB conference=NN"},
    {"That's what mediators want.", "That=DT 's=VBZ/be want=VBP"},
    /* perfect aspect: a participle after have stays a verb before a noun */
    {"Kenya has celebrated Independence Day with Uganda.",
     "celebrated=VBN/celebrate has=VBZ/have"},
    {"The rebels had not freed captured soldiers.",
     "freed=VBN/free soldiers=NNS"},
    {"Mali has already armed local militias.", "armed=VBN/arm militias=NNS"},
    {"The army has limited access to the camp.", "limited=VBN/limit"},
    /* a sentence-opening name with a base-form verb (no agreement) */
    {"Sudan act on the truce plan after talks, an envoy said.",
     "act=VBP/act plan=NN"},
    {"Sudan aid to Darfur rose sharply.", "aid=NN rose=VBD/rise"},
    {"Kenya support for the plan is strong.", "support=NN is=VBZ"},
    /* reduced relatives of belief or report */
    {"A Somali man believed linked to the militia was arrested.",
     "believed=VBN/believe linked=VBN/link arrested=VBN"},
    {"Two fighters reported killed in the raid were buried.",
     "reported=VBN/report killed=VBN/kill"},
    {"The minister believed the report.", "believed=VBD/believe"},
    /* a noun-or-verb plural heading a determiner's noun phrase at a
     * phrase end (punctuation, or a preposition with a verb after it) */
    {"The Arab states, led by Jordan, rejected the plan.",
     "states=NNS/state rejected=VBD/reject"},
    {"After the weekend border clashes, Armenia recalled its envoy.",
     "clashes=NNS/clash recalled=VBD/recall"},
    {"The Gulf peace talks, hosted by Oman, ended without a deal.",
     "talks=NNS/talk ended=VBD/end"},
    {"An arms embargo on Libya would fail, the envoy warned.",
     "embargo=NN would=MD"},
    {"The militia drone attacks.", "attacks=NNS/attack"},
    /* ... but a verb stays a verb when nothing follows to take the role */
    {"The Egyptian president arrives in Cairo on Monday.",
     "arrives=VBZ/arrive"},
    {"The party leader calls for calm.", "calls=VBZ/call"},
    {"The report states that nine people died.", "states=VBZ/state"},
};
#define NCASES (sizeof cases / sizeof cases[0])

static const pl_token *find_tok(const parley_doc *d, const char *w, int nth) {
  size_t n = strlen(w);
  for (uint32_t i = 0; i < d->toks.n; i++) {
    const pl_token *t = &d->toks.v[i];
    if (t->len == n && !memcmp(d->text + t->off, w, n) && --nth == 0)
      return t;
  }
  return NULL;
}

static double now(void) {
  struct timespec ts;
  /* CPU time, not wall time: the figure stays meaningful on a busy box */
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void) {
  double t0 = now();
  parley_ctx *ctx = parley_ctx_new();
  double t1 = now();
  OK(ctx != NULL, "context");
  if (!ctx) return h_done("tag");
  fprintf(stderr, "context load (all dictionaries): %.1f ms\n",
          (t1 - t0) * 1e3);
  /* the lexicon alone, loaded again into the same context */
  {
    pl_lexicon *saved = ctx->lex;
    ctx->lex = NULL;
    double l0 = now();
    INT_EQ(pl_lex_load_builtin(ctx), PARLEY_OK, "lexicon load");
    double l1 = now();
    OK(ctx->lex != NULL, "lexicon present");
    fprintf(stderr, "lexicon load: %.2f ms (CPU)\n", (l1 - l0) * 1e3);
    pl_lex_free(ctx->lex);
    ctx->lex = saved;
  }
  parley_doc *doc = parley_doc_new(ctx);
  int total = 0, right = 0;
  for (size_t k = 0; k < NCASES; k++) {
    parley_article a = {"t", NULL, NULL, NULL, NULL, cases[k].s,
                        strlen(cases[k].s)};
    INT_EQ(parley_doc_code_until(doc, &a, "tag"), PARLEY_OK, "%s",
           cases[k].s);
    char buf[512];
    snprintf(buf, sizeof buf, "%s", cases[k].want);
    char *p = buf;
    while (*p) {
      while (*p == ' ') p++;
      if (!*p) break;
      char *e = p;
      while (*e && *e != ' ') e++;
      char save = *e;
      *e = 0;
      char *eq = strrchr(p, '=');
      char *sl = eq ? strchr(eq, '/') : NULL;
      if (sl) *sl = 0;
      if (eq) *eq = 0;
      int nth = 1;
      char *hash = strchr(p, '#');
      if (hash && hash[1]) {
        nth = hash[1] - '0';
        *hash = 0;
      }
      const pl_token *t = find_tok(doc, p, nth);
      total++;
      int ok = t && eq && !strcmp(pl_tag_name(t->tag), eq + 1) &&
               (!sl || (t->lemma && !strcmp(t->lemma, sl + 1)));
      if (ok) right++;
      else
        fprintf(stderr, "miss: %s | %s: got %s/%s want %s%s%s\n",
                cases[k].s, p, t ? pl_tag_name(t->tag) : "-",
                t && t->lemma ? t->lemma : "-", eq ? eq + 1 : "?",
                sl ? "/" : "", sl ? sl + 1 : "");
      *e = save;
      p = e;
    }
  }
  fprintf(stderr, "tag accuracy: %d/%d checks (%.1f%%) on %zu sentences\n",
          right, total, 100.0 * right / (total ? total : 1), NCASES);
  OK(NCASES >= 80, "at least 80 sentences");
  OK(right * 100 >= total * 97, "accuracy floor 97%%: %d/%d", right, total);

  /* throughput of the tag stage alone: tokenise once, re-tag in a loop */
  static char text[64 * 1024];
  size_t tl = 0;
  for (size_t k = 0; tl + 300 < sizeof text; k = (k + 1) % NCASES) {
    size_t n = strlen(cases[k].s);
    memcpy(text + tl, cases[k].s, n);
    tl += n;
    text[tl++] = ' ';
  }
  parley_article a = {"perf", NULL, NULL, NULL, NULL, text, tl};
  INT_EQ(parley_doc_code_until(doc, &a, "tag"), PARLEY_OK, "perf text");
  uint32_t ntok = doc->toks.n;
  int reps = 0;
  double s0 = now(), s1 = s0;
  while (s1 - s0 < 0.2) {
    pl_tag_run(doc);
    reps++;
    s1 = now();
  }
  fprintf(stderr, "tag stage: %u tokens x %d runs: %.2f M tokens/s\n", ntok,
          reps, (double)ntok * reps / (s1 - s0) / 1e6);

  /* the same on the seed article, read at run time from ../shared (its
   * text is not copied into the repository); skipped when absent */
  size_t sl = 0;
  char *seed = h_slurp(PL_SHARED_DIR "/seed/000_66d7c634845008a1.txt", &sl);
  if (seed) {
    parley_article sa = {"seed", "2024-10-24", NULL, NULL, NULL, seed, sl};
    INT_EQ(parley_doc_code_until(doc, &sa, "tag"), PARLEY_OK, "seed");
    uint32_t sn = doc->toks.n;
    int sr = 0;
    double q0 = now(), q1 = q0;
    while (q1 - q0 < 0.2) {
      pl_tag_run(doc);
      sr++;
      q1 = now();
    }
    fprintf(stderr, "tag stage on the seed article: %u tokens x %d runs: "
                    "%.2f M tokens/s\n",
            sn, sr, (double)sn * sr / (q1 - q0) / 1e6);
    free(seed);
  }
  parley_doc_free(doc);
  parley_ctx_free(ctx);
  return h_done("tag");
}
