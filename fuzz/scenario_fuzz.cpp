// A scenario TOML (scenarios/*.toml, shock/risk --scenario) against the built-in model and network.
#include "FuzzSupport.h"
#include "risk/ScenarioReader.h"

using namespace tengerim;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ModelSnapshot& snapshot = fuzz::builtin();
  fuzz::refuse_with_error([&] { parse_scenario(fuzz::text_of(data, size), "fuzz.toml", snapshot.model, snapshot.network); });
  return 0;
}
