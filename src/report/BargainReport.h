#pragma once
// The bargaining forecast as text (for people) and JSON (for programs). JSON
// shape: {"issue", "variant", "options", "stakeholders", "initial":{"mean",
// "median"}, "rounds":[{"round", "risk_exponents":{ACTOR: r}, "positions":
// {ACTOR: x}, "moves":[{"actor","toward","kind","from","new_position"}],
// "mean", "median"}], "converged_round" (null: no convergence), "cycle" (null
// unless the positions repeat with period 2 or more: {"length", "first_round",
// "repeat_round", "rounds":[{"round","mean","median"}], "median":{"low","high"},
// "mean":{...}}), "forecast":{"basis", "median":{"low","high"}, "mean":{...}},
// "variants":[{"variant", "forecast"}], "sensitivity" (only with a sensitivity run)}.
#include <string>

#include "model/StakeholderSet.h"
#include "report/Document.h"
#include "run/BargainingRun.h"
#include "policy/BargainRun.h"
#include "policy/BargainSensitivity.h"
#include "policy/BargainingOptions.h"

namespace tengerim {

struct BargainReportInput {
  const StakeholderSet& issue;
  const BargainingOptions& options;
  const BargainRun& run;
  const SensitivityResult* sensitivity = nullptr;  // null: no sensitivity run
  const std::vector<VariantForecast>* variants = nullptr;  // null: not compared
};

Json bargain_json(const BargainReportInput& input);
std::string bargain_text(const BargainReportInput& input);
Json bargain_json(const BargainingRun& run);
std::string bargain_text(const BargainingRun& run);

}  // namespace tengerim
