#pragma once
// `bargain`: where a contest over one issue settles (expected-utility model),
// with bargain.sensitivity reruns over jittered capabilities and saliences.
#include <optional>

#include "model/StakeholderSet.h"
#include "policy/BargainRun.h"
#include "policy/BargainSensitivity.h"
#include "policy/BargainingOptions.h"
#include "run/Pipeline.h"

namespace tengerim {

struct BargainingRun {
  StakeholderSet issue;
  BargainingOptions options;
  BargainRun run;
  std::optional<SensitivityResult> sensitivity;
};

// The preset of bargain.variant, then every override given; validated before any work.
BargainingOptions bargaining_options(const RunOptions& options);

BargainingRun run_bargain(Pipeline& pipeline);

}  // namespace tengerim
