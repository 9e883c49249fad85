#include "policy/PolicySensitivity.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/LatinHypercube.h"
#include "measure/BalanceSheetBuilder.h"
#include "policy/PolicySimulation.h"
#include "policy/Portfolio.h"
#include "policy/Pressure.h"

namespace tengerim {
namespace {

double sum_loss(const SimulationResult& run) {
  double sum = 0;
  for (const auto& year : run.years) sum += year.loss;
  return sum;
}

double sum_pressure(const SimulationYear& year) {
  double sum = 0;
  for (double p : year.pressure) sum += p;
  return sum;
}

}  // namespace

VariedJudgements varied_judgements(Model& model, PressureSpec& spec, bool adjustment) {
  VariedJudgements varied;
  for (auto& power : spec.powers) {
    varied.add(power.tolerance, "powers." + power.direction + ".tolerance");
    varied.add(power.strength, "powers." + power.direction + ".strength");
  }
  for (auto& group : spec.groups) varied.add(group.share, "groups." + group.id + ".share");
  for (auto& domain : model.domains) {
    varied.add(domain.weight, "domains." + domain.id + ".weight");
    varied.add(domain.substitutability, "domains." + domain.id + ".substitutability");
    for (auto& [direction, judgement] : domain.substitutability_by_direction)
      varied.add(judgement, "domains." + domain.id + ".substitutability_by_direction." + direction);
  }
  if (adjustment) {
    varied.add(spec.adjustment.move_cost, "adjustment.move_cost");
    varied.add(spec.adjustment.tension_weight, "adjustment.tension_weight");
    if (spec.adjustment.tension_usd) varied.add(*spec.adjustment.tension_usd, "adjustment.tension_usd");
  }
  return varied;
}

void apply_draw(Model& model, PressureSpec& spec, bool adjustment, const LatinHypercube& cube, size_t point) {
  VariedJudgements varied = varied_judgements(model, spec, adjustment);
  for (size_t j = 0; j < varied.judgements.size(); ++j) {
    Judgement& judgement = *varied.judgements[j];
    judgement.value = judgement.low + (judgement.high - judgement.low) * cube.coordinate(point, j);
  }
  double weights = 0, shares = 0;
  for (const auto& domain : model.domains) weights += domain.weight.value;
  for (const auto& group : spec.groups) shares += group.share.value;
  for (auto& domain : model.domains) domain.weight.value /= weights;
  for (auto& group : spec.groups) group.share.value /= shares;
}

bool favoured_cannot_press(const Portfolio& tilted, size_t toward, const std::vector<size_t>& power_index) {
  for (const auto& exposure : tilted.domains)
    for (size_t r : power_index)
      if (r != toward && exposure.share[r] > exposure.share[toward]) return false;
  return true;
}

PolicySensitivityResult policy_sensitivity(const Model& model, const CorridorNetwork& network, const Scenario& coupling,
                                     const PressureSpec& spec, const Policy& policy, int years, size_t draws,
                                     uint64_t seed) {
  PolicySensitivityResult result;
  result.draws = draws;
  result.seed = seed;
  {
    Model probe_model = model;
    PressureSpec probe_spec = spec;
    result.varied = varied_judgements(probe_model, probe_spec, false).names;
  }
  result.not_varied = {"corridor judgements (capacities, unit costs, volumes): fixed in the routed network",
                       "coupling Gamma: taken from the scenario at its values",
                       "group orientations and the policy itself (the experiment, not a judgement)"};
  const size_t columns = result.varied.size();
  const LatinHypercube cube(seed, draws, columns);

  const bool tilts = !policy.toward.empty() && policy.tilt > 0;
  Policy balanced{"balanced", "", "status quo", "", 0, 0};
  const std::string name = policy.name;
  std::vector<PolicyConclusion> conclusions;
  auto add = [&](std::string id, std::string statement) { conclusions.push_back({id, statement, 0, draws, false}); };
  add("balanced_no_pressure", "the balanced (status-quo) path draws no pressure in any year");
  if (tilts) {
    add("tilt_draws_pressure", fmt::format("{} draws pressure by its final year", name));
    add("pressure_only_from_overtaken",
        fmt::format("in {}'s final year no pressure comes from the favoured direction ({})", name, policy.toward));
    add("tilt_raises_losses", fmt::format("{} raises losses over the balanced path", name));
    add("tilt_raises_tension", fmt::format("{} raises domestic tension over the balanced path", name));
    add("tilt_lowers_balance", fmt::format("{} lowers the balance B below the balanced path's", name));
    // The favoured direction's rivals lead it nowhere once it leads every other power in every
    // domain, whatever the weights, so its pressure is then zero by the formula (tolerances >= 0).
    const Portfolio status_quo = Portfolio::status_quo(model, measure_balance(model));
    const std::vector<size_t> power_index = power_indices(spec, status_quo.directions);
    for (size_t c = 0; c < status_quo.directions.size(); ++c)
      if (status_quo.directions[c] == policy.toward) {
        const double final_tilt = std::min(policy.tilt, policy.per_year * years);
        conclusions[2].by_construction =
            favoured_cannot_press(status_quo.tilted(c, final_tilt), c, power_index);
      }
  }

  for (size_t i = 0; i < draws; ++i) {
    Model drawn_model = model;
    PressureSpec drawn_spec = spec;
    apply_draw(drawn_model, drawn_spec, false, cube, i);
    const BalanceSheet sheet = measure_balance(drawn_model);
    SimulationResult base = simulate_policy(drawn_model, sheet, network, coupling, drawn_spec, balanced, years);
    bool quiet = true;
    for (const auto& year : base.years) quiet = quiet && sum_pressure(year) == 0;
    conclusions[0].holds += quiet;
    if (!tilts) continue;
    SimulationResult run = simulate_policy(drawn_model, sheet, network, coupling, drawn_spec, policy, years);
    const SimulationYear& last = run.years.back();
    const SimulationYear& base_last = base.years.back();
    conclusions[1].holds += sum_pressure(last) > 0;
    bool favoured_quiet = true;
    for (size_t p = 0; p < run.powers.size(); ++p)
      if (run.powers[p] == policy.toward && last.pressure[p] > 0) favoured_quiet = false;
    conclusions[2].holds += favoured_quiet;
    conclusions[3].holds += sum_loss(run) > sum_loss(base);
    conclusions[4].holds += last.tension > base_last.tension;
    conclusions[5].holds += last.balance < base_last.balance;
  }
  result.conclusions = std::move(conclusions);
  return result;
}

}  // namespace tengerim
