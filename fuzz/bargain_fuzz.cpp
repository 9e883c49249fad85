// The bargaining issue CSV (bargain --issue): stakeholders, positions, capabilities, salience.
#include "FuzzSupport.h"
#include "model/StakeholderReader.h"

using namespace tengerim;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::refuse_with_error([&] { read_stakeholders(fuzz::text_of(data, size), "issue.csv"); });
  return 0;
}
