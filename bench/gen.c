/*
 * gen.c - writes a deterministic corpus of wire-style articles as JSON
 * Lines, for benchmarks and the -j equality test.
 *
 *   parley-gen [-n ARTICLES] [-s SEED] [-S SENTENCES_PER_ARTICLE]
 *
 * Sentences are built from templates and vocabularies written for parley
 * (actors, verbs, places, numbers, quotes, dates), 20-35 words as in real
 * news.  Same seed, same bytes: the generator uses its own xorshift PRNG.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rs = 88172645463325252ULL;
static uint32_t rnd(uint32_t n) {
  rs ^= rs << 13;
  rs ^= rs >> 7;
  rs ^= rs << 17;
  return (uint32_t)(rs % n);
}
#define PICK(a) a[rnd(sizeof a / sizeof a[0])]

static const char *const actors[] = {
    "U.S. Secretary of State Antony Blinken", "Qatari Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani",
    "Egyptian officials", "Israeli troops", "Palestinian militants", "Hamas",
    "the Israeli military", "Russian forces", "Ukrainian President Volodymyr Zelensky",
    "the European Union", "Turkish Foreign Minister Hakan Fidan", "Iranian officials",
    "the United Nations", "Sudanese army units", "the Rapid Support Forces",
    "Jordan's King Abdullah II", "French President Emmanuel Macron", "Chinese diplomats",
    "Lebanese police", "a Saudi delegation", "Indian Prime Minister Narendra Modi",
    "German Chancellor Olaf Scholz", "Houthi rebels", "the Syrian government",
    "NATO Secretary-General Mark Rutte", "Kenyan security forces", "Yemeni officials"};
static const char *const targets[] = {
    "Qatar", "Egypt", "Israel", "the Palestinian Authority", "Hezbollah",
    "Ukraine", "Russia", "Iran", "Turkey", "Saudi Arabia", "Sudan", "Jordan",
    "Lebanon", "China", "India", "Germany", "France", "the United States",
    "Syria", "Yemen", "Kenya", "Somalia", "Ethiopia", "Pakistan", "Iraq"};
static const char *const places[] = {
    "Doha", "Cairo", "Amman", "Geneva", "Riyadh", "Ankara", "Kyiv", "Beirut",
    "Khartoum", "Nairobi", "Paris", "Berlin", "Baghdad", "Islamabad", "Muscat",
    "northern Gaza", "the West Bank", "Port Sudan", "Aden", "Istanbul"};
static const char *const days[] = {"on Monday", "on Tuesday", "on Wednesday",
                                   "on Thursday", "on Friday", "on Saturday",
                                   "on Sunday", "last week", "earlier this month"};
static const char *const coop[] = {"met with", "held talks with", "hosted",
                                   "praised", "signed an agreement with",
                                   "pledged aid to", "visited", "urged",
                                   "negotiated with", "called on"};
static const char *const conf[] = {"attacked", "shelled", "accused",
                                   "condemned", "threatened", "arrested members of",
                                   "fired rockets at", "imposed sanctions on",
                                   "rejected a proposal from", "clashed with"};
static const char *const tails[] = {
    "as part of efforts to restart negotiations over a ceasefire and the release of prisoners",
    "after weeks of stalled diplomacy and rising pressure from regional partners",
    "in a move that officials said could reshape the talks in the coming days",
    "despite warnings from aid groups that the humanitarian situation was deteriorating",
    "according to a statement released by the foreign ministry late in the evening",
    "amid growing concern over the fate of civilians caught in the fighting"};
static const char *const quotes[] = {
    "We are determined to reach an agreement that ends the suffering of civilians",
    "There can be no lasting peace without the return of every hostage",
    "The talks were constructive, but much work remains to be done",
    "Our position has not changed and we will not accept these conditions",
    "We call on all parties to show restraint and protect humanitarian workers"};
static const char *const kinds[] = {"killed", "injured", "wounded",
                                    "detained", "displaced"};
static const char *const sources[] = {"the health ministry", "the United Nations",
                                      "local officials", "the Red Crescent",
                                      "a military spokesman"};

static void sentence(char *out, size_t cap) {
  switch (rnd(6)) {
  case 0:
  case 1:
    snprintf(out, cap, "%s %s %s in %s %s, %s.", PICK(actors), PICK(coop),
             PICK(targets), PICK(places), PICK(days), PICK(tails));
    break;
  case 2:
    snprintf(out, cap, "%s %s %s near %s %s, %s.", PICK(actors), PICK(conf),
             PICK(targets), PICK(places), PICK(days), PICK(tails));
    break;
  case 3:
    snprintf(out, cap, "\\\"%s,\\\" %s said in %s %s, adding that further "
                       "meetings were planned.",
             PICK(quotes), PICK(actors), PICK(places), PICK(days));
    break;
  case 4:
    snprintf(out, cap, "At least %u people have been %s and %u %s in %s since "
                       "the start of the month, according to %s.",
             rnd(900) + 3, PICK(kinds), rnd(3000) + 10, PICK(kinds), PICK(places),
             PICK(sources));
    break;
  default:
    snprintf(out, cap, "%s will travel to %s %s to meet %s and discuss a possible "
                       "ceasefire, officials said.",
             PICK(actors), PICK(places), PICK(days), PICK(targets));
  }
}

int main(int argc, char **argv) {
  long n = 1000, per = 20;
  unsigned long long seed = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!strcmp(argv[i], "-n")) n = strtol(argv[i + 1], NULL, 10);
    else if (!strcmp(argv[i], "-s")) seed = strtoull(argv[i + 1], NULL, 10);
    else if (!strcmp(argv[i], "-S")) per = strtol(argv[i + 1], NULL, 10);
    else {
      fprintf(stderr, "usage: parley-gen [-n ARTICLES] [-s SEED] [-S SENTENCES]\n");
      return 2;
    }
  }
  if (n < 0 || per < 1 || per > 1000) {
    fprintf(stderr, "parley-gen: bad -n or -S\n");
    return 2;
  }
  rs ^= seed * 0x9E3779B97F4A7C15ULL;
  if (!rs) rs = 1;
  static char text[1 << 20], s[1024];
  for (long a = 0; a < n; a++) {
    size_t len = 0;
    long k = per - 5 + (long)rnd(11);
    if (k < 1) k = 1;
    for (long i = 0; i < k; i++) {
      sentence(s, sizeof s);
      size_t sl = strlen(s);
      if (len + sl + 2 >= sizeof text) break;
      memcpy(text + len, s, sl);
      len += sl;
      text[len++] = ' ';
    }
    text[len] = 0;
    printf("{\"id\":\"gen-%ld\",\"date\":\"2024-%02u-%02u\",\"source\":\"wire%u\","
           "\"text\":\"%s\"}\n",
           a, 1 + rnd(12), 1 + rnd(28), rnd(5), text);
  }
  return fflush(stdout) ? 1 : 0;
}
