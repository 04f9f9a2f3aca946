/*
 * dict.h - the compiled actor dictionary shared by dict.c (loaders) and
 * actors.c (the matcher).  Private to those two files.
 *
 * Layout: every phrase is a short array of word ids; word ids come from one
 * open-addressing hash over the match keys of words (lower case, periods
 * removed, hyphens split off: the same key the tokenizer gives a token).
 * Each word keeps a list of the phrases that START with it, longest first
 * and, among equal lengths, most recently loaded first (so a user file
 * overrides the built-in image).  Matching a token is one hash probe for
 * its word id plus a walk over that list; the match index (pl_dict_index,
 * rebuilt after each load) narrows the walk to the phrases whose second
 * word is the next token's, plus those that one word cannot rule out.
 * Strings (codes, names, keys) live in one arena; the tables are a handful
 * of realloc'd arrays.  Read-only once loaded (threads share it).
 */
#ifndef PL_DICT_H
#define PL_DICT_H

#include "internal.h"

#define PL_NOWORD UINT32_MAX
#define PL_NONE UINT32_MAX
#define PL_DAY_MIN INT32_MIN
#define PL_DAY_MAX INT32_MAX

/* Entry kinds. */
enum { PL_EK_COUNTRY = 1, PL_EK_ACTOR, PL_EK_PERSON, PL_EK_AGENT,
       PL_EK_DISCARD };
/* Phrase kinds: which name of its entry a phrase is. */
enum { PL_PK_NAME = 1, PL_PK_ALIAS, PL_PK_ADJ, PL_PK_CAPITAL, PL_PK_NOUN,
       PL_PK_DISCARD };
/* Phrase flags. */
enum {
  PL_PF_CAP = 1,     /* first doc token must be capitalised ("Chad") */
  PL_PF_ALLCAP = 2,  /* doc token must be upper case / dotted ("US", "WHO") */
  PL_PF_PLURAL = 4,  /* plural noun ("troops", "Israelis") */
  PL_PF_STORY = 8,   /* discard: the whole story, not just the sentence */
  PL_PF_GAPS = 16    /* some words may have other words between them */
};
/* In d->pw, a word id with this bit set may be preceded by a few other
 * words of the noun phrase (a PETRARCH actor phrase written with a space,
 * "ITHILEN TELEVISION", where '_' demands adjacent words). */
#define PL_PW_GAP 0x80000000u
#define PL_PW_ID(w) ((w) & ~PL_PW_GAP)

typedef struct pl_dcode {
  const char *code;
  int32_t from, to;       /* days since 1970-01-01, inclusive */
} pl_dcode;

typedef struct pl_dentry {
  const char *name;       /* canonical name */
  const char *code;       /* undated / default code; "" when none */
  uint32_t dc0, ndc;      /* dated codes in d->dc */
  uint8_t kind;           /* PL_EK_* */
  uint8_t prefix;         /* agent code goes before the actor ("NGO~") */
  uint8_t petr;           /* read from a PETRARCH/TABARI file: its codes
                             compose by PETRARCH's rules (actors.c) */
} pl_dentry;

typedef struct pl_phrase {
  uint32_t w0;            /* first word id in d->pw */
  uint16_t n;             /* number of words */
  uint8_t kind;           /* PL_PK_* */
  uint8_t flags;          /* PL_PF_* */
  uint32_t ent;           /* entry index */
  uint32_t next;          /* next phrase with the same first word */
  /* Match index (pl_dict_index): the phrases of one first word that can
   * match only when the next token is a given word are chained by nextp
   * (by the first two words); the others (one word, or a gapped second
   * word) by nexta.  rank is the position in the first word's list, so a
   * merge of the two chains visits candidates in list order. */
  uint32_t nextp, nexta, rank;
} pl_phrase;

typedef struct pl_word {
  const char *key;
  uint32_t hash;
  uint32_t head;          /* first phrase starting with this word */
  uint32_t cls;           /* PL_WC_* word classes of the matcher */
  uint32_t len;           /* strlen(key) */
  uint32_t heada;         /* first phrase of the nexta chain */
  uint32_t npair;         /* phrases of this first word in nextp chains */
} pl_word;

/* Word classes the matcher tests per token (set by pl_actors_classify). */
enum { PL_WC_PRONOUN = 1, PL_WC_PLPRON = 2, PL_WC_STOPCAP = 4,
       PL_WC_TITLE = 8, PL_WC_MODIFIER = 16, PL_WC_PREP = 32 };

typedef struct pl_fuzzy {
  const char *key;        /* a distinctive person token ("sinwar") */
  uint32_t len;
  uint32_t ent;           /* person entry, PL_NONE when ambiguous */
} pl_fuzzy;

/* A word-table slot: the word's full hash next to its id and, for a word
 * of up to 7 bytes, the word itself (NUL-padded; k[7] != 0 marks a longer
 * word, compared through its record).  Most looked-up tokens are found
 * (function words are matcher classes), and a short one then reads this
 * one slot: no dependent misses on the word record and its key. */
typedef struct pl_wslot {
  uint32_t hash, id;      /* id + 1, 0 = empty */
  char k[8];
} pl_wslot;

/* A pair-index slot holds the two words it is keyed by, so a probe reads
 * this one slot, not the phrase and its word list (two more misses). */
typedef struct pl_pslot {
  uint32_t w, w1;         /* first and second word ids */
  uint32_t ph;            /* head of the nextp chain + 1, 0 = empty */
} pl_pslot;

struct pl_actordict {
  pl_arena arena;
  pl_word *words;  uint32_t nwords, capwords;
  pl_wslot *wtab;  uint32_t wcap;           /* open addressing, 2^k */
  pl_phrase *ph;   uint32_t nph, capph;
  uint32_t *pw;    uint32_t npw, cappw;
  pl_dentry *ent;  uint32_t nent, capent;
  pl_dcode *dc;    uint32_t ndc, capdc;
  pl_fuzzy *fz;    uint32_t nfz, capfz;
  uint32_t fzidx[257];                       /* fz bucket by first byte */
  int fuzzy_dirty;                           /* fz needs rebuilding */
  uint32_t nfiles;                           /* user files layered */
  /* (first word, second word) -> first phrase of the nextp chain:
   * open addressing, pcap a power of two */
  pl_pslot *ptab;  uint32_t pcap;
};

/* Word id of a match key, PL_NOWORD when no phrase uses it. */
uint32_t pl_dict_word(const pl_actordict *d, const char *key);
/* The same with key's pl_fnv32 hash known (a token's interned hkey).
 * Inline: the matcher looks up every token, and the call cost as much as
 * the probe.  The slot's hash is compared first; the word only on a hash
 * match, from the slot itself when it is short (k[7] == 0). */
static inline uint32_t pl_dict_word_h(const pl_actordict *d, const char *key,
                                      uint32_t h) {
  if (!d || !d->wcap) return PL_NOWORD;
  uint32_t m = d->wcap - 1;
  if (!h) h = 1; /* hash_key's convention (dict.c) */
  for (uint32_t i = h & m;; i = (i + 1) & m) {
    const pl_wslot *sl = &d->wtab[i];
    if (!sl->id) return PL_NOWORD;
    if (sl->hash != h) continue;
    /* words are short: an inline compare beats a call to strcmp */
    const char *a = sl->k[7] ? d->words[sl->id - 1].key : sl->k, *b = key;
    while (*a == *b && *a) a++, b++;
    if (*a == *b) return sl->id - 1;
  }
}
/* Chooses a dated code for day (PL_DAY_MIN = unknown date: the most
 * recent dated code). Returns "" when the entry has none. */
const char *pl_dict_code(const pl_actordict *d, const pl_dentry *e,
                         int32_t day, int *dated);
/* Phrase starting with word w whose second word is w1, the head of its
 * nextp chain, PL_NONE when none. */
uint32_t pl_dict_pair(const pl_actordict *d, uint32_t w, uint32_t w1);
/* Rebuilds the match index (after phrases were added); -1 on OOM. */
int pl_dict_index(pl_actordict *d);
/* Rebuilds the fuzzy index (distinctive person tokens) if needed. */
void pl_dict_fuzzy_build(pl_actordict *d);
/* Person entry within one edit of key (len >= 5), PL_NONE otherwise. */
uint32_t pl_dict_fuzzy(const pl_actordict *d, const char *key);
/* Interns a word (no phrase) and returns its id, PL_NOWORD on OOM. */
uint32_t pl_dict_intern(pl_actordict *d, const char *key);
/* actors.c: interns the matcher's word lists with their classes. */
int pl_actors_classify(pl_actordict *d);
/* Memory held by the dictionary, bytes. */
size_t pl_dict_bytes(const pl_actordict *d);

#endif /* PL_DICT_H */
