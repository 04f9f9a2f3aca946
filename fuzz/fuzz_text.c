/* fuzz_text.c - the plain-text reader (whole input = one article), then
 * the front end on what it returns. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_read_all(PARLEY_INPUT_TEXT, data, size, "fuzz.txt");
  return 0;
}
