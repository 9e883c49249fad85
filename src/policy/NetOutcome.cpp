#include "policy/NetOutcome.h"

namespace tengerim {

TieValues tie_values(const Portfolio& portfolio, const MoneyLoss* money, const PressureSpec& spec) {
  TieValues values;
  for (const auto& exposure : portfolio.domains) {
    values.index.push_back(exposure.weight);
    std::optional<double> usd;
    if (money)
      for (const auto& domain : money->domains())
        if (domain.domain == exposure.id && domain.valued && domain.has_data) usd = domain.usd_per_share;
    if (!usd) values.not_money.push_back(exposure.id);
    values.usd.push_back(usd);
  }
  if (spec.adjustment.tension_usd) values.tension_usd = spec.adjustment.tension_usd->value;
  return values;
}

NetOutcome net_outcome(const Portfolio& status_quo, const TieValues& values, const PressureSpec& spec,
                       const SimulationResult& run, size_t toward, const MoneyLoss* money, double year_scale) {
  const bool dollars = values.all_money() && money;
  // Per year: the ties held (a tilt moves shares between directions and keeps their sum) and,
  // per unit of tilt, the flows moved away from the other directions.
  double held_index = 0, held_usd = 0, moved_index = 0, moved_usd = 0;
  for (size_t d = 0; d < status_quo.domains.size(); ++d) {
    double held = 0, away = 0;
    for (size_t c = 0; c < status_quo.directions.size(); ++c) {
      held += status_quo.domains[d].share[c];
      if (c != toward) away += status_quo.domains[d].share[c];
    }
    // A tilt leaves a stock or a domain without a lever where it is (Portfolio::tilted): nothing moved.
    if (toward >= status_quo.directions.size() || !status_quo.domains[d].movable) away = 0;
    held_index += values.index[d] * held;
    moved_index += values.index[d] * away;
    if (dollars) {
      held_usd += *values.usd[d] * held;
      moved_usd += *values.usd[d] * away;
    }
  }
  const double move_cost = spec.adjustment.move_cost.value;
  NetOutcome out;
  out.benefit.usd = out.expected_loss.usd = out.adjustment_cost.usd = 0.0;
  const std::optional<Judgement>& tension_usd = spec.adjustment.tension_usd;
  if (tension_usd) out.tension_cost.usd = 0.0;
  for (const auto& year : run.years) {
    out.benefit.index += year_scale * held_index;
    *out.benefit.usd += year_scale * held_usd;
    out.expected_loss.index += year_scale * year.loss;
    if (dollars && !year.direct.empty()) *out.expected_loss.usd += year_scale * money->total(year.direct);
    out.adjustment_cost.index += year_scale * move_cost * year.tilt * moved_index;
    *out.adjustment_cost.usd += year_scale * move_cost * year.tilt * moved_usd;
    out.tension_cost.index += year_scale * spec.adjustment.tension_weight.value * year.tension;
    if (tension_usd) *out.tension_cost.usd += year_scale * tension_usd->value * year.tension;
  }
  if (!dollars) out.benefit.usd = out.expected_loss.usd = out.adjustment_cost.usd = std::nullopt;
  return out;
}

}  // namespace tengerim
