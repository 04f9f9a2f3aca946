/* fuzz_jsonl.c - the JSON Lines reader: every line a record, bad lines
 * reported and skipped; each record is run through the front end. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_read_all(PARLEY_INPUT_JSONL, data, size, "fuzz.jsonl");
  return 0;
}
