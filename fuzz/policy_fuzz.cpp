// A policy TOML (policies/*.toml, simulate --policy) against the built-in model.
#include "FuzzSupport.h"
#include "model/PolicyReader.h"

using namespace tengerim;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::refuse_with_error([&] { parse_policy(fuzz::text_of(data, size), "fuzz.toml", fuzz::builtin().model); });
  return 0;
}
