#pragma once
// `bargain`: where a contest over one issue settles (expected-utility model),
// with bargain.sensitivity reruns over jittered capabilities and saliences.
#include <optional>
#include <string>
#include <vector>

#include "model/StakeholderSet.h"
#include "policy/BargainRun.h"
#include "policy/BargainSensitivity.h"
#include "policy/BargainingOptions.h"
#include "run/Pipeline.h"

namespace tengerim {

// One preset's forecast on the same issue, rounds and Q: the spread between
// the presets is a judgement's range (which reading of the model), shown beside
// the sensitivity band, which covers only the inputs.
struct VariantForecast {
  std::string variant;
  BargainForecast forecast;
};

struct BargainingRun {
  StakeholderSet issue;
  BargainingOptions options;
  BargainRun run;
  std::vector<VariantForecast> variants;  // every preset, in BargainingOptions::variant_names() order
  std::optional<SensitivityResult> sensitivity;
};

// The preset of bargain.variant, then every override given; validated before any work.
BargainingOptions bargaining_options(const RunOptions& options);

BargainingRun run_bargain(Pipeline& pipeline);

}  // namespace tengerim
