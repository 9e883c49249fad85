#pragma once
// A policy's net outcome (docs/policy.md "Net outcome"): what the focal state's
// ties are worth over the horizon, less what the policy loses to pressure, to
// redirecting flows and to domestic tension:
//   net = benefit - expected_loss - adjustment_cost - tension_cost
//   benefit         = sum_years sum_d V_d sum_c S_t[d][c]   (the ties held; a tilt keeps their sum)
//   expected_loss   = sum_years loss_t                      (pressure's loss, PolicySimulation)
//   adjustment_cost = sum_years move_cost sum_d V_d m_d(t)  (m_d = tilt x the share moved away from
//                                                          the other directions: a redirected flow
//                                                          loses move_cost of its value each year)
//   tension_cost    = sum_years k T(a_t)                     (k = tension_weight, or tension_usd)
// V_d, a domain's ties' yearly value: in the index unit its weight w_d (its part of "a
// year's weighted ties", the unit of the loss); in US dollars the risk layer's valuation
// (risk/MoneyLoss.h). Each part has its index value and, where it has one, its dollar
// value; the total is in USD only when all four parts have one.
#include <optional>
#include <string>
#include <vector>

#include "model/PressureSpec.h"
#include "policy/PolicySimulation.h"
#include "policy/Portfolio.h"
#include "risk/MoneyLoss.h"

namespace tengerim {

struct OutcomePart {
  double index = 0;          // in the index unit (a year's weighted ties)
  std::optional<double> usd;  // US dollars, when this part has a money value
};

struct NetOutcome {
  OutcomePart benefit, expected_loss, adjustment_cost, tension_cost;
  bool in_usd() const {
    return benefit.usd && expected_loss.usd && adjustment_cost.usd && tension_cost.usd;
  }
  // A part in the outcome's unit (USD when every part has a money value, else the index).
  double value(const OutcomePart& part) const { return in_usd() ? *part.usd : part.index; }
  double total() const {
    return value(benefit) - value(expected_loss) - value(adjustment_cost) - value(tension_cost);
  }
};

// What each domain's ties are worth a year, per domain of a portfolio.
struct TieValues {
  std::vector<double> index;               // w_d (declared weight)
  std::vector<std::optional<double>> usd;  // V_d from the valuation; none for a domain without one
  std::vector<std::string> not_money;      // domains with no money value
  std::optional<double> tension_usd;       // USD a year per unit of tension, when the model gives one
  bool all_money() const { return not_money.empty(); }
};

// `money` may be null (no valuation at all).
TieValues tie_values(const Portfolio& portfolio, const MoneyLoss* money, const PressureSpec& spec);

// The net outcome of a simulated path toward model direction `toward` (none: size of the
// directions) from `status_quo`; each year counts `year_scale` times (a sweep holds its tilt,
// so it simulates one year and scales by the horizon).
NetOutcome net_outcome(const Portfolio& status_quo, const TieValues& values, const PressureSpec& spec,
                       const SimulationResult& run, size_t toward, const MoneyLoss* money, double year_scale = 1);

}  // namespace tengerim
