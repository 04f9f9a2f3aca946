/* fuzz_xml.c - the PETRARCH XML reader (tolerant <Sentence> records);
 * each record is run through the front end. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_read_all(PARLEY_INPUT_XML, data, size, "fuzz.xml");
  return 0;
}
