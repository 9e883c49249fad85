// The model's coupling.toml (risk's link from corridor losses to the balance sheet).
#include "FuzzSupport.h"
#include "risk/CouplingReader.h"

using namespace tengerim;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::refuse_with_error([&] { parse_coupling(fuzz::text_of(data, size), "coupling.toml", fuzz::builtin().model); });
  return 0;
}
