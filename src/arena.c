/*
 * arena.c - the per-document bump allocator.
 *
 * Every stage allocates its output for one article from doc->arena; the
 * whole arena is reset between documents, so there is no free per token.
 * Blocks grow geometrically; reset keeps the first (largest reused) block
 * so a stream of similar articles settles into zero system allocations.
 */
#include "internal.h"
#include <stdlib.h>

struct pl_arena_block {
  pl_arena_block *next;  /* older block */
  size_t cap;            /* usable bytes in data */
  _Alignas(16) unsigned char data[];
};

#define ARENA_MIN_BLOCK ((size_t)64 << 10)

void pl_arena_init(pl_arena *a) { memset(a, 0, sizeof *a); }

static pl_arena_block *block_new(size_t cap) {
  pl_arena_block *b = malloc(sizeof *b + cap);
  if (!b) return NULL;
  b->next = NULL;
  b->cap = cap;
  return b;
}

void *pl_alloc(pl_arena *a, size_t n) {
  if (n == 0) n = 1;
  n = (n + 15) & ~(size_t)15;
  if (n < 16) { a->failed = 1; return NULL; } /* overflow */
  if (!a->head || a->used + n > a->head->cap) {
    size_t cap = a->head ? a->head->cap * 2 : ARENA_MIN_BLOCK;
    while (cap < n) cap *= 2;
    pl_arena_block *b = block_new(cap);
    if (!b) { a->failed = 1; return NULL; }
    b->next = a->head;
    a->head = b;
    a->used = 0;
    a->total += cap;
  }
  void *p = a->head->data + a->used;
  a->used += n;
  return p;
}

void *pl_calloc(pl_arena *a, size_t n, size_t size) {
  if (size && n > SIZE_MAX / size) { a->failed = 1; return NULL; }
  void *p = pl_alloc(a, n * size);
  if (p) memset(p, 0, n * size);
  return p;
}

char *pl_strndup(pl_arena *a, const char *s, size_t n) {
  char *p = pl_alloc(a, n + 1);
  if (!p) return NULL;
  if (n) memcpy(p, s, n);
  p[n] = 0;
  return p;
}

/* Keeps only the newest (largest) block: the next document of the same
 * size then needs no malloc at all. */
void pl_arena_reset(pl_arena *a) {
  if (!a->head) return;
  pl_arena_block *b = a->head->next;
  while (b) {
    pl_arena_block *nx = b->next;
    free(b);
    b = nx;
  }
  a->head->next = NULL;
  a->total = a->head->cap;
  a->used = 0;
  a->failed = 0;
}

void pl_arena_free(pl_arena *a) {
  pl_arena_block *b = a->head;
  while (b) {
    pl_arena_block *nx = b->next;
    free(b);
    b = nx;
  }
  pl_arena_init(a);
}

/* Doubles the capacity of an arena vector (copying: the old storage stays
 * in the arena until reset) and returns a zeroed new slot. */
void *pl_vec_grow(pl_arena *a, void **v, uint32_t *n, uint32_t *cap,
                  size_t elem) {
  if (*n == *cap) {
    uint32_t nc = *cap ? *cap * 2 : 16;
    if (nc < *cap || nc > (UINT32_MAX / 2)) { a->failed = 1; return NULL; }
    /* the vector is the newest allocation of the current block and the
     * block has room: extend it where it is, no copy */
    size_t old_sz = ((size_t)*cap * elem + 15) & ~(size_t)15;
    size_t new_sz = ((size_t)nc * elem + 15) & ~(size_t)15;
    if (*cap && a->head &&
        (unsigned char *)*v + old_sz == a->head->data + a->used &&
        a->used - old_sz + new_sz <= a->head->cap) {
      a->used += new_sz - old_sz;
      *cap = nc;
      goto push;
    }
    void *nv = pl_alloc(a, (size_t)nc * elem);
    if (!nv) return NULL;
    if (*n) memcpy(nv, *v, (size_t)*n * elem);
    *v = nv;
    *cap = nc;
  }
push:;
  unsigned char *slot = (unsigned char *)*v + (size_t)*n * elem;
  memset(slot, 0, elem);
  (*n)++;
  return slot;
}
