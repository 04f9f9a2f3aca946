/*
 * wordset.c - fast membership in the stages' static word lists.
 *
 * Stages keep their closed word classes as NULL-terminated string arrays
 * (readable, next to the rules that use them).  Scanning such a list with
 * strcmp for every token was a quarter of the coding time, so
 * pl_words_has() compiles each list, on first use, into an open-addressing
 * hash set and answers with one hash and (usually) one comparison.
 *
 * Thread safety: the context is shared by coding threads, and lists are
 * static, so sets live in a process-wide registry keyed by the list's
 * address.  Building happens under a mutex; a built set is published with
 * a release store and read with an acquire load, so lookups take no lock.
 * Sets are never freed (their number is bounded by the lists in the code).
 *
 * pl_words_class() does the same for a group of lists at once: one probe
 * gives a bit mask of the lists the word is in, so a stage can classify a
 * token once instead of testing it against each list in turn.  Callers
 * with a token pass its interned hash (pl_token.hlow), so nothing is
 * rehashed.
 */
#include "internal.h"
#include <pthread.h>
#include <stdlib.h>

/* A slot keeps the word's full hash next to it, so a probe compares
 * strings only when the hashes agree (most lookups are misses and then
 * touch no string at all).  bits: the lists of a class group holding the
 * word (1 for a single list); 0 marks an empty slot.  Slots are 8 bytes
 * (eight to a cache line); the words sit in a parallel array that only a
 * hash match reads. */
typedef struct {
  uint32_t hash;
  uint32_t bits;
} wslot;

typedef struct {
  uint32_t mask;            /* capacity - 1 (a power of two) */
  const char **word;        /* word of slot i (after the slots) */
  wslot slot[];
} wset;

#define REG_SLOTS 1024      /* registry: list (or group) address -> set */
static struct {
  const void *key;
  wset *set;
} reg[REG_SLOTS];
static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;

static uint32_t hash_str(const char *s) { return pl_fnv32z(s); }

static uint32_t hash_ptr(const void *p) {
  uintptr_t v = (uintptr_t)p;
  v ^= v >> 17;
  v *= 0x9E3779B1u;
  return (uint32_t)(v ^ (v >> 15));
}

/* Adds word w with bits to s (which has room). */
static void add(wset *s, const char *w, uint32_t bits) {
  uint32_t hv = hash_str(w), h = hv & s->mask;
  while (s->slot[h].bits && strcmp(s->word[h], w)) h = (h + 1) & s->mask;
  s->slot[h].hash = hv;
  s->slot[h].bits |= bits;
  s->word[h] = w;
}

static wset *alloc_set(size_t n) {
  /* load at most 1/4: most lookups are misses, which probe to an empty
   * slot (sets are small; the space is a few KB in all) */
  uint32_t cap = 8;
  while (cap < 4 * n + 4) cap *= 2;
  wset *s = calloc(1, sizeof *s + cap * (sizeof(wslot) + sizeof(char *)));
  if (s) {
    s->mask = cap - 1;
    s->word = (const char **)(void *)(s->slot + cap);
  }
  return s;
}

static wset *build(const char *const *list) {
  size_t n = 0;
  while (list[n]) n++;
  wset *s = alloc_set(n);
  if (!s) return NULL;
  for (size_t i = 0; i < n; i++) add(s, list[i], 1);
  return s;
}

static wset *build_group(const char *const *const *lists) {
  size_t n = 0;
  for (size_t k = 0; lists[k]; k++)
    for (size_t i = 0; lists[k][i]; i++) n++;
  wset *s = alloc_set(n);
  if (!s) return NULL;
  for (size_t k = 0; lists[k] && k < 32; k++)
    for (size_t i = 0; lists[k][i]; i++) add(s, lists[k][i], 1u << k);
  return s;
}

static int slow_has(const char *const *list, const char *w) {
  for (; *list; list++)
    if (!strcmp(*list, w)) return 1;
  return 0;
}

static uint32_t slow_class(const char *const *const *lists, const char *w) {
  uint32_t b = 0;
  for (size_t k = 0; lists[k] && k < 32; k++)
    if (slow_has(lists[k], w)) b |= 1u << k;
  return b;
}

/* The compiled set of key (a list, or a group of lists when group is
 * set), built on first use; NULL when it cannot be built (out of memory,
 * registry full). */
__attribute__((noinline)) static const wset *find_set_slow(const void *key,
                                                          int group) {
  uint32_t r = hash_ptr(key) & (REG_SLOTS - 1);
  const wset *s = NULL;
  for (uint32_t k = 0; k < REG_SLOTS; k++, r = (r + 1) & (REG_SLOTS - 1)) {
    const void *l = __atomic_load_n(&reg[r].key, __ATOMIC_ACQUIRE);
    if (l == key) return __atomic_load_n(&reg[r].set, __ATOMIC_ACQUIRE);
    if (!l) break;
  }
  pthread_mutex_lock(&reg_lock);
  r = hash_ptr(key) & (REG_SLOTS - 1);
  for (uint32_t k = 0; k < REG_SLOTS; k++, r = (r + 1) & (REG_SLOTS - 1)) {
    if (reg[r].key == key) {
      s = reg[r].set;
      break;
    }
    if (!reg[r].key) {
      wset *b = group ? build_group((const char *const *const *)key)
                      : build((const char *const *)key);
      if (b) {
        /* publish the set before the key readers look for */
        __atomic_store_n(&reg[r].set, b, __ATOMIC_RELEASE);
        __atomic_store_n(&reg[r].key, key, __ATOMIC_RELEASE);
      }
      s = b;
      break;
    }
  }
  pthread_mutex_unlock(&reg_lock);
  return s;
}

/* Fast path: the key sits in its home slot (nearly always: the registry
 * holds a few dozen keys in 1024 slots), a leaf with no lock or spill. */
static inline const wset *find_set(const void *key, int group) {
  uint32_t r = hash_ptr(key) & (REG_SLOTS - 1);
  if (__atomic_load_n(&reg[r].key, __ATOMIC_ACQUIRE) == key)
    return __atomic_load_n(&reg[r].set, __ATOMIC_ACQUIRE);
  return find_set_slow(key, group);
}

/* The probe from slot h on, where a slot's hash equals hv: compares
 * strings.  Out of line, so the fast path below (a miss, which touches no
 * string) is a leaf that saves no registers. */
__attribute__((noinline)) static uint32_t set_bits_at(const wset *s,
                                                     const char *w,
                                                     uint32_t hv, uint32_t h) {
  for (; s->slot[h].bits; h = (h + 1) & s->mask) {
    if (s->slot[h].hash != hv) continue;
    /* list words are short: an inline compare beats a call to strcmp */
    const char *a = s->word[h], *b = w;
    while (*a == *b && *a) a++, b++;
    if (*a == *b) return s->slot[h].bits;
  }
  return 0;
}

static inline uint32_t set_bits(const wset *s, const char *w, uint32_t hv) {
  for (uint32_t h = hv & s->mask; s->slot[h].bits; h = (h + 1) & s->mask)
    if (s->slot[h].hash == hv) return set_bits_at(s, w, hv, h);
  return 0;
}

/* Lookups whose set is not in its home registry slot (first use, or a
 * spilled key): out of line for the same reason. */
__attribute__((noinline)) static uint32_t class_slow(const void *key,
                                                    int group, const char *w,
                                                    uint32_t hv) {
  const wset *s = find_set_slow(key, group);
  if (!s)
    return group ? slow_class((const char *const *const *)key, w)
                 : (uint32_t)slow_has((const char *const *)key, w);
  return set_bits(s, w, hv);
}

/* The set of key when it sits in its home slot, NULL otherwise. */
static inline const wset *find_set_fast(const void *key) {
  uint32_t r = hash_ptr(key) & (REG_SLOTS - 1);
  if (__atomic_load_n(&reg[r].key, __ATOMIC_ACQUIRE) == key)
    return __atomic_load_n(&reg[r].set, __ATOMIC_ACQUIRE);
  return NULL;
}

int pl_words_has(const char *const *list, const char *w) {
  if (!w || !list) return 0;
  const wset *s = find_set(list, 0);
  if (!s) return slow_has(list, w);
  return set_bits(s, w, hash_str(w)) != 0;
}

int pl_words_has_h(const char *const *list, const char *w, uint32_t h) {
  if (!w || !list) return 0;
  const wset *s = find_set_fast(list);
  if (!s) return class_slow(list, 0, w, h) != 0;
  return set_bits(s, w, h) != 0;
}

uint32_t pl_words_class(const char *const *const *lists, const char *w,
                        uint32_t h) {
  if (!w || !lists) return 0;
  const wset *s = find_set_fast(lists);
  if (!s) return class_slow(lists, 1, w, h);
  return set_bits(s, w, h);
}
