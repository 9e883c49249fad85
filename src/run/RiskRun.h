#pragma once
// `risk`: Monte Carlo of a scenario's shocks: loss distribution, VaR and CVaR
// at each level, contributions by direction, standard errors.
#include <memory>
#include <optional>
#include <vector>

#include "risk/LossModel.h"
#include "risk/MoneyLoss.h"
#include "risk/MonteCarlo.h"
#include "risk/RiskEnvelope.h"
#include "risk/ZeroLossCheck.h"
#include "run/Pipeline.h"

namespace tengerim {

struct RiskRun {
  std::shared_ptr<const ModelSnapshot> snapshot;
  std::unique_ptr<Scenario> scenario;
  std::unique_ptr<LossModel> losses;
  int exposure_year = 0;            // shares, money values, prices and GDP: the latest at or before it
  std::unique_ptr<MoneyLoss> money;  // the money valuation (result.money when any domain is valued)
  RiskOptions options;   // as run (levels: the asked ones first, then any `extra_levels`)
  size_t asked_levels = 0;
  RiskResult result;
  std::optional<RiskEnvelope> envelope;  // risk.sensitivity > 0
  std::vector<ShockWarning> warnings;    // shocks that can lose nothing
  double cpu_seconds = 0;  // of all threads, for --profile
};

// The scenario of risk.scenario; `extra_levels` are simulated too (a chart's grid) after the asked ones.
RiskRun run_risk(Pipeline& pipeline, const std::vector<double>& extra_levels = {}, bool allow_paths = true);
RiskRun run_risk(Pipeline& pipeline, Scenario scenario, const std::vector<double>& extra_levels = {});

}  // namespace tengerim
