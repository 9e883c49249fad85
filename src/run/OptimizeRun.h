#pragma once
// `optimize`: the CVaR-minimising plan over the Monte Carlo draws of a scenario.
#include <memory>

#include "model/PressureSpec.h"
#include "policy/PortfolioOptimizer.h"
#include "risk/MoneyLoss.h"
#include "risk/TailRisk.h"
#include "run/Pipeline.h"

namespace tengerim {

struct OptimizeRun {
  std::shared_ptr<const ModelSnapshot> snapshot;
  std::unique_ptr<Scenario> scenario;
  PressureSpec spec;
  size_t draws = 0;
  uint64_t seed = 0;
  OptimizeOptions options;
  OptimizeResult result;
  int exposure_year = 0;
  std::unique_ptr<MoneyLoss> money;
  std::optional<LossSummary> money_before;  // the scenario's draws in US dollars, before the plan (level: alpha)
};

OptimizeRun run_optimize(Pipeline& pipeline);

}  // namespace tengerim
