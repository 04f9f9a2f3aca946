/*
 * cmd_bench.c - `parley bench`: throughput on a generated or given corpus,
 * and the deterministic corpus generator behind it.
 *
 *   parley bench [FILE] [-j N]          code FILE (or a generated corpus)
 *   parley bench --generate N [--seed S] [--sentences K]   corpus -> stdout
 *
 * Sentences are built from templates and vocabularies written for parley
 * (actors, verbs, places, numbers, quotes, dates), 20-35 words as in real
 * news.  Same seed, same bytes: the generator uses its own xorshift PRNG.
 */
#include "cli.h"
#include <stdint.h>
#include <unistd.h>
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

/* Writes n articles of about per sentences each as JSON Lines. */
static int generate(FILE *out, long n, unsigned long long seed, long per) {
  rs = 88172645463325252ULL ^ (seed * 0x9E3779B97F4A7C15ULL);
  if (!rs) rs = 1;
  static char text[1 << 20], s[1024];
  for (long a = 0; a < n; a++) {
    size_t len = 0;
    long k = per - 5 + (long)rnd(11);
    if (k < 1) k = 1;
    for (long i = 0; i < k; i++) {
      sentence(s, sizeof s);
      if (s[0] >= 'a' && s[0] <= 'z') s[0] = (char)(s[0] - 'a' + 'A');
      size_t sl = strlen(s);
      if (len + sl + 2 >= sizeof text) break;
      memcpy(text + len, s, sl);
      len += sl;
      text[len++] = ' ';
    }
    text[len] = 0;
    fprintf(out, "{\"id\":\"gen-%ld\",\"date\":\"2024-%02u-%02u\","
                 "\"source\":\"wire%u\",\"text\":\"%s\"}\n",
            a, 1 + rnd(12), 1 + rnd(28), rnd(5), text);
  }
  return fflush(out) ? -1 : 0;
}

static const char help[] =
    "usage: parley bench [FILE] [-j N] [--articles N] [--seed S]\n"
    "       parley bench --generate N [--seed S] [--sentences K] > corpus.jsonl\n"
    "\n"
    "Codes FILE (JSON Lines, or any input `parley code` reads) with every stage\n"
    "on and no output written, then prints articles/s, sentences/s, events/s,\n"
    "MB/s and peak memory.  Without FILE it first generates a deterministic\n"
    "corpus of --articles N wire-style articles (default 10000, about 200,000\n"
    "sentences) in a temporary file.\n"
    "\n"
    "examples:\n"
    "  parley bench\n"
    "  parley bench -j 2\n"
    "  parley bench --generate 1000 --seed 7 > corpus.jsonl\n"
    "  parley bench corpus.jsonl -j 2\n";

int cli_cmd_bench(int argc, char **argv) {
  long gen = -1, articles = 10000, per = 20;
  unsigned long long seed = 1;
  const char *file = NULL, *jobs = "1", *v;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
      fputs(help, stdout);
      return CLI_OK;
    } else if (cli_opt(argc, argv, &i, "--generate", &v)) gen = strtol(v, NULL, 10);
    else if (cli_opt(argc, argv, &i, "--articles", &v)) articles = strtol(v, NULL, 10);
    else if (cli_opt(argc, argv, &i, "--seed", &v)) seed = strtoull(v, NULL, 10);
    else if (cli_opt(argc, argv, &i, "--sentences", &v)) per = strtol(v, NULL, 10);
    else if (cli_opt(argc, argv, &i, "-j", &v) || cli_opt(argc, argv, &i, "--jobs", &v))
      jobs = v;
    else if (argv[i][0] == '-' && argv[i][1]) {
      cli_err("bench: unknown option %s (see parley bench --help)", argv[i]);
      return CLI_USAGE;
    } else file = argv[i];
  }
  if (per < 1 || per > 1000 || articles < 1) {
    cli_err("bench: --sentences must be 1..1000 and --articles at least 1");
    return CLI_USAGE;
  }
  if (gen >= 0) return generate(stdout, gen, seed, per) ? CLI_FAIL : CLI_OK;
  char tmpl[] = "/tmp/parley-bench-XXXXXX";
  int made = 0;
  if (!file) {
    int fd = mkstemp(tmpl);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
      cli_err("bench: cannot create a temporary corpus in /tmp");
      return CLI_FAIL;
    }
    int r = generate(f, articles, seed, per);
    if (fclose(f) || r) {
      cli_err("bench: cannot write the temporary corpus");
      unlink(tmpl);
      return CLI_FAIL;
    }
    file = tmpl;
    made = 1;
    fprintf(stderr, "corpus       %ld generated articles (seed %llu)\n",
            articles, seed);
  }
  char *args[] = {"code", (char *)file, "--input", "jsonl", "--quiet",
                  "--stats", "--no-output", "-j", (char *)jobs, NULL};
  if (!made) args[2] = "--quiet", args[3] = "--quiet";
  int ret = cli_cmd_code(9, args);
  if (made) unlink(tmpl);
  return ret;
}
