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

#include "common/LatinHypercube.h"
#include "model/CorridorNetwork.h"
#include "model/Model.h"
#include "model/Policy.h"
#include "model/PressureSpec.h"
#include "policy/Portfolio.h"
#include "risk/Scenario.h"

namespace tengerim {

struct PolicyConclusion {
  std::string id;         // e.g. "tilt_raises_losses"
  std::string statement;  // e.g. "tilt-east raises losses over the balanced path"
  size_t holds = 0;       // draws in which it holds
  size_t draws = 0;
  bool by_construction = false;  // follows from the formulas whatever the judgements: not a finding
  double share() const { return draws ? static_cast<double>(holds) / static_cast<double>(draws) : 0.0; }
};

struct PolicySensitivityResult {
  size_t draws = 0;
  uint64_t seed = 0;
  std::vector<std::string> varied;      // "powers.east.tolerance", ...
  std::vector<std::string> not_varied;  // what is held at its value, and why
  std::vector<PolicyConclusion> conclusions;
};

// Every judgement a policy sensitivity run varies, in a fixed order (column j of the design):
// tolerances and strengths, group shares, domain weights and substitutabilities, and with
// `adjustment` the adjustment judgements a net outcome uses (move_cost, tension_weight,
// tension_usd) after them, so the earlier columns are the same either way.
struct VariedJudgements {
  std::vector<Judgement*> judgements;
  std::vector<std::string> names;
  void add(Judgement& judgement, std::string name) {
    if (judgement.high <= judgement.low) return;  // a fixed figure (e.g. a poll share) is not varied
    judgements.push_back(&judgement);
    names.push_back(std::move(name));
  }
};
VariedJudgements varied_judgements(Model& model, PressureSpec& spec, bool adjustment);
// Sets the varied judgements of `model` and `spec` (copies) to point `point` of `cube`, then
// renormalises the domain weights and the group shares to sum 1.
void apply_draw(Model& model, PressureSpec& spec, bool adjustment, const LatinHypercube& cube, size_t point);
// True when, in every domain of `tilted`, direction `toward` holds at least the share of every
// other power (model direction indices `power_index`): then no power leads it whatever the
// weights, and its pressure is zero by the formula (a tolerance is never negative).
bool favoured_cannot_press(const Portfolio& tilted, size_t toward, const std::vector<size_t>& power_index);

PolicySensitivityResult policy_sensitivity(const Model& model, const CorridorNetwork& network, const Scenario& coupling,
                                     const PressureSpec& spec, const Policy& policy, int years, size_t draws,
                                     uint64_t seed);

}  // namespace tengerim
