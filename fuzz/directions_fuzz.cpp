// A direction set TOML (atlas --directions; data/reference/default_directions.toml):
// [[blocs]] and [[directions]] only.
#include "FuzzSupport.h"
#include "model/ModelReader.h"

using namespace tengerim;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::refuse_with_error([&] { read_direction_set(fuzz::text_of(data, size), "directions.toml"); });
  return 0;
}
