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
 */
#include "internal.h"
#include <pthread.h>
#include <stdlib.h>

/* A slot keeps the word's full hash next to it, so a probe compares
 * strings only when the hashes agree (most lookups are misses and then
 * touch no string at all). */
typedef struct {
  uint32_t hash;
  const char *w;            /* NULL = empty */
} wslot;

typedef struct {
  uint32_t mask;            /* capacity - 1 (a power of two) */
  wslot slot[];
} wset;

#define REG_SLOTS 1024      /* registry: list address -> set */
static struct {
  const char *const *list;
  wset *set;
} reg[REG_SLOTS];
static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;

static uint32_t hash_str(const char *s) {
  uint32_t h = 2166136261u;
  for (; *s; s++) {
    h ^= (unsigned char)*s;
    h *= 16777619u;
  }
  return h;
}

static uint32_t hash_ptr(const void *p) {
  uintptr_t v = (uintptr_t)p;
  v ^= v >> 17;
  v *= 0x9E3779B1u;
  return (uint32_t)(v ^ (v >> 15));
}

static wset *build(const char *const *list) {
  size_t n = 0;
  while (list[n]) n++;
  uint32_t cap = 8;
  while (cap < 2 * n + 2) cap *= 2;
  wset *s = calloc(1, sizeof *s + cap * sizeof(wslot));
  if (!s) return NULL;
  s->mask = cap - 1;
  for (size_t i = 0; i < n; i++) {
    uint32_t hv = hash_str(list[i]), h = hv & s->mask;
    while (s->slot[h].w && strcmp(s->slot[h].w, list[i]))
      h = (h + 1) & s->mask;
    s->slot[h].hash = hv;
    s->slot[h].w = list[i];
  }
  return s;
}

static int slow_has(const char *const *list, const char *w) {
  for (; *list; list++)
    if (!strcmp(*list, w)) return 1;
  return 0;
}

int pl_words_has(const char *const *list, const char *w) {
  if (!w || !list) return 0;
  uint32_t r = hash_ptr(list) & (REG_SLOTS - 1);
  wset *s = NULL;
  for (uint32_t k = 0; k < REG_SLOTS; k++, r = (r + 1) & (REG_SLOTS - 1)) {
    const char *const *l = __atomic_load_n(&reg[r].list, __ATOMIC_ACQUIRE);
    if (l == list) {
      s = __atomic_load_n(&reg[r].set, __ATOMIC_ACQUIRE);
      break;
    }
    if (!l) break;
  }
  if (!s) {
    pthread_mutex_lock(&reg_lock);
    r = hash_ptr(list) & (REG_SLOTS - 1);
    for (uint32_t k = 0; k < REG_SLOTS; k++, r = (r + 1) & (REG_SLOTS - 1)) {
      if (reg[r].list == list) {
        s = reg[r].set;
        break;
      }
      if (!reg[r].list) {
        s = build(list);
        if (s) {
          /* publish the set before the key readers look for */
          __atomic_store_n(&reg[r].set, s, __ATOMIC_RELEASE);
          __atomic_store_n(&reg[r].list, list, __ATOMIC_RELEASE);
        }
        break;
      }
    }
    pthread_mutex_unlock(&reg_lock);
    if (!s) return slow_has(list, w); /* out of memory or registry full */
  }
  uint32_t hv = hash_str(w);
  for (uint32_t h = hv & s->mask; s->slot[h].w; h = (h + 1) & s->mask)
    if (s->slot[h].hash == hv && !strcmp(s->slot[h].w, w)) return 1;
  return 0;
}
