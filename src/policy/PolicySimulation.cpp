#include "policy/PolicySimulation.h"

#include <algorithm>

#include "policy/Portfolio.h"
#include "policy/Pressure.h"
#include "risk/LossModel.h"

namespace tengerim {
namespace {

// Pressure as a scenario: each power under pressure cuts min(1, P_c) of every flow domain where it holds
// leverage; a stock (people abroad, an investment stock) cannot be cut within a year.
Scenario pressure_scenario(const Scenario& coupling, const PressureSpec& spec, const Portfolio& portfolio,
                           const std::vector<size_t>& power_index, const std::vector<double>& pressure) {
  Scenario scenario;
  scenario.name = "pressure";
  scenario.file = coupling.file;
  scenario.coupling = coupling.coupling;
  for (size_t i = 0; i < spec.powers.size(); ++i) {
    if (pressure[i] <= 0) continue;
    const size_t c = power_index[i];
    for (const auto& exposure : portfolio.domains) {
      if (exposure.stock || exposure.share[c] * (1 - exposure.sigma[c]) <= 0) continue;
      Shock shock;
      shock.id = "pressure-" + spec.powers[i].direction + "-" + exposure.id;
      shock.direction = spec.powers[i].direction;
      shock.domain = exposure.id;
      shock.cut = std::min(1.0, pressure[i]);
      shock.duration = 1;
      scenario.shocks.push_back(std::move(shock));
    }
  }
  return scenario;
}

}  // namespace

SimulationResult simulate_policy(const Model& model, const BalanceSheet& sheet, const CorridorNetwork& network,
                                 const Scenario& coupling, const PressureSpec& spec, const Policy& policy,
                                 int years) {
  const Portfolio status_quo = Portfolio::status_quo(model, sheet);
  const std::vector<size_t> power_index = power_indices(spec, status_quo.directions);
  size_t toward = status_quo.directions.size();
  for (size_t c = 0; c < status_quo.directions.size(); ++c)
    if (status_quo.directions[c] == policy.toward) toward = c;

  SimulationResult result;
  result.directions = status_quo.directions;
  for (const auto& power : spec.powers) result.powers.push_back(power.direction);
  for (const auto& exposure : status_quo.domains) result.start_year = std::max(result.start_year, exposure.year);
  const double base_tension = tension(spec.groups, status_quo.alignment());

  for (int t = 1; t <= years; ++t) {
    SimulationYear year;
    year.year = result.start_year + t;
    year.tilt = toward < status_quo.directions.size() ? std::min(policy.tilt, policy.per_year * t) : 0.0;
    const Portfolio now = toward < status_quo.directions.size() ? status_quo.tilted(toward, year.tilt) : status_quo;
    year.alignment = now.alignment();
    year.pressure = pressures(spec, power_index, year.alignment);
    Scenario scenario = pressure_scenario(coupling, spec, now, power_index, year.pressure);
    if (!scenario.shocks.empty()) {
      const BalanceSheet tilted =
          toward < status_quo.directions.size() ? status_quo.tilted_sheet(sheet, toward, year.tilt) : sheet;
      ScenarioOutcome outcome = LossModel(model, tilted, network, scenario).evaluate();
      year.loss = outcome.total;
      year.direct = std::move(outcome.direct);
      year.propagated = std::move(outcome.propagated);
    }
    year.tension = tension(spec.groups, year.alignment);
    year.tension_change = year.tension - base_tension;
    year.cohesion = 1 - year.tension;
    year.balance = now.balance();
    year.separation = now.separation();
    result.years.push_back(std::move(year));
  }
  return result;
}

}  // namespace tengerim
