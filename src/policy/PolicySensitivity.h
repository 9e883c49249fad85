#pragma once
// Which conclusions of a policy simulation hold over the judgements' ranges
// (docs/model.md §5, the sensitivity run). Draws are a Latin hypercube over
// every judgement varied: each power's tolerance and strength, each group's
// share (renormalised to sum 1), each domain's weight (renormalised to sum 1)
// and substitutabilities. Parameter j is column j of common/LatinHypercube
// (seeds: docs/model.md §9), so results do not depend on threads. Not varied
// (stated in the output): corridor judgements (capacities, costs) and the
// coupling Gamma.
#include <cstdint>
#include <string>
#include <vector>

#include "model/CorridorNetwork.h"
#include "model/Model.h"
#include "model/Policy.h"
#include "model/PressureSpec.h"
#include "risk/Scenario.h"

namespace tengerim {

struct PolicyConclusion {
  std::string id;         // e.g. "tilt_raises_losses"
  std::string statement;  // e.g. "tilt-east raises losses over the balanced path"
  size_t holds = 0;       // draws in which it holds
  size_t draws = 0;
  double share() const { return draws ? static_cast<double>(holds) / static_cast<double>(draws) : 0.0; }
};

struct PolicySensitivityResult {
  size_t draws = 0;
  uint64_t seed = 0;
  std::vector<std::string> varied;      // "powers.east.tolerance", ...
  std::vector<std::string> not_varied;  // what is held at its value, and why
  std::vector<PolicyConclusion> conclusions;
};

PolicySensitivityResult policy_sensitivity(const Model& model, const CorridorNetwork& network, const Scenario& coupling,
                                     const PressureSpec& spec, const Policy& policy, int years, size_t draws,
                                     uint64_t seed);

}  // namespace tengerim
