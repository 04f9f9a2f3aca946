/*
 * replay.c - runs a fuzz target over files without libFuzzer: the
 * regression test of every `make test` (and `make asan`).
 *
 * usage: fuzz_<target> PATH...   (each PATH a file or a directory of
 * files; missing paths are skipped).  Exit 0 when every input ran; an
 * invariant failure or sanitizer report aborts the process.
 */
#include "fuzz.h"
#include <dirent.h>
#include <sys/stat.h>

static int run_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "replay: cannot open %s\n", path);
    return -1;
  }
  size_t cap = 4096, n = 0, k;
  unsigned char *buf = malloc(cap);
  while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
    n += k;
    if (n == cap) {
      unsigned char *nb = realloc(buf, cap * 2);
      if (!nb) { free(buf); buf = NULL; break; }
      buf = nb;
      cap *= 2;
    }
  }
  fclose(f);
  if (!buf) return -1;
  /* an exact-size copy, so reading past the input faults under ASan */
  unsigned char *exact = malloc(n ? n : 1);
  if (!exact) { free(buf); return -1; }
  memcpy(exact, buf, n);
  free(buf);
  LLVMFuzzerTestOneInput(exact, n);
  free(exact);
  return 0;
}

static int cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
  int nrun = 0, bad = 0;
  for (int i = 1; i < argc; i++) {
    struct stat sb;
    if (stat(argv[i], &sb)) continue;
    if (!S_ISDIR(sb.st_mode)) {
      bad |= run_file(argv[i]) != 0;
      nrun++;
      continue;
    }
    DIR *d = opendir(argv[i]);
    if (!d) continue;
    char **names = NULL;
    size_t nn = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
      if (e->d_name[0] == '.') continue;
      char **nv = realloc(names, (nn + 1) * sizeof *names);
      if (!nv) break;
      names = nv;
      size_t l = strlen(argv[i]) + strlen(e->d_name) + 2;
      names[nn] = malloc(l);
      if (!names[nn]) break;
      snprintf(names[nn], l, "%s/%s", argv[i], e->d_name);
      nn++;
    }
    closedir(d);
    qsort(names, nn, sizeof *names, cmp);
    for (size_t k = 0; k < nn; k++) {
      struct stat fs;
      if (!stat(names[k], &fs) && S_ISREG(fs.st_mode)) {
        bad |= run_file(names[k]) != 0;
        nrun++;
      }
      free(names[k]);
    }
    free(names);
  }
  printf("replay: %d inputs\n", nrun);
  return bad;
}
