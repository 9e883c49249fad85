// One model-folder file (TENGERIM_FUZZ_FILE, e.g. "ties.csv") replaced by the input,
// the rest the built-in model's; the whole model is read as `tengerim report` reads it,
// and its judgements listed as `tengerim params` and `report --sensitivity` list them.
#include "FuzzSupport.h"
#include "model/JudgementCatalog.h"
#include "model/PressureReader.h"

using namespace tengerim;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ModelSource source = fuzz::builtin().source.with_file(TENGERIM_FUZZ_FILE, fuzz::text_of(data, size));
  fuzz::refuse_with_error([&] {
    auto snapshot = Pipeline::load_snapshot(source);
    if (!snapshot->network.empty()) read_pressure(source, snapshot->model);
    (void)declared_judgements(source);
  });
  return 0;
}
