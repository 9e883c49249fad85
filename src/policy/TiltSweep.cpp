#include "policy/TiltSweep.h"

#include <fmt/format.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>

#include "common/LatinHypercube.h"
#include "measure/BalanceSheetBuilder.h"
#include "policy/PolicySensitivity.h"
#include "policy/PolicySimulation.h"
#include "policy/Pressure.h"

namespace tengerim {
namespace {

// One sweep point at one set of judgements.
struct PointEval {
  NetOutcome net;
  std::vector<double> pressure;
  double loss = 0, balance = 0, tension = 0;
};

struct Context {
  const Model& model;
  const BalanceSheet& sheet;
  const CorridorNetwork& network;
  const Scenario& coupling;
  const PressureSpec& spec;
  const MoneyLoss* money;
  int horizon;
  Portfolio status_quo;
  TieValues values;
  Context(const Model& m, const BalanceSheet& s, const CorridorNetwork& n, const Scenario& c, const PressureSpec& p,
          const MoneyLoss* money_loss, int years)
      : model(m), sheet(s), network(n), coupling(c), spec(p), money(money_loss), horizon(years),
        status_quo(Portfolio::status_quo(m, s)), values(tie_values(status_quo, money_loss, p)) {}

  // The tilt held from the first year: every year is the same, so one year is simulated and
  // counted `horizon` times.
  PointEval evaluate(size_t toward, double tilt) const {
    const Policy policy{"sweep", "", "", status_quo.directions[toward], tilt, 1.0};
    const SimulationResult run = simulate_policy(model, sheet, network, coupling, spec, policy, 1);
    const SimulationYear& year = run.years.front();
    return {net_outcome(status_quo, values, spec, run, toward, money, horizon), year.pressure, year.loss,
            year.balance, year.tension};
  }
};

bool any_pressure(const std::vector<double>& pressure) {
  for (double p : pressure)
    if (p > 0) return true;
  return false;
}

// Whether each conclusion holds at `point` against the status quo `base` (same judgements).
std::vector<bool> holds(const PointEval& point, const PointEval& base, std::optional<size_t> favoured_power) {
  std::vector<bool> out{any_pressure(point.pressure), point.loss > base.loss, point.net.total() < base.net.total(),
                        point.balance < base.balance, point.tension > base.tension};
  if (favoured_power) out.push_back(point.pressure[*favoured_power] == 0);
  return out;
}

// No power can cut anything at `tilted`: each either leads every other power in every domain
// (its pressure is zero by the formula) or holds no share anywhere (nothing to cut). The loss
// from pressure is then zero whatever the judgements.
bool loss_zero_by_construction(const Portfolio& tilted, const std::vector<size_t>& power_index) {
  for (size_t p : power_index) {
    bool holds_nothing = true;
    for (const auto& exposure : tilted.domains) holds_nothing = holds_nothing && exposure.share[p] == 0;
    if (!holds_nothing && !favoured_cannot_press(tilted, p, power_index)) return false;
  }
  return true;
}

std::vector<SweepConclusion> conclusions_of(const Context& context, const std::vector<size_t>& power_index,
                                            size_t toward, double tilt, std::optional<size_t> favoured_power,
                                            size_t draws) {
  const std::string& name = context.status_quo.directions[toward];
  const std::string what = tilt == 0 ? "the status quo" : fmt::format("a tilt of {:g} toward {}", tilt, name);
  const bool identity = tilt == 0;  // a comparison of the status quo with itself
  const Portfolio tilted = context.status_quo.tilted(toward, tilt);
  std::vector<SweepConclusion> out{
      {"draws_pressure", what + " draws pressure", 0, draws, false},
      {"raises_losses", what + " raises the loss from pressure over the status quo's", 0, draws,
       identity || loss_zero_by_construction(tilted, power_index)},
      {"lowers_net_outcome", what + " lowers the net outcome below the status quo's", 0, draws, identity},
      {"lowers_balance", what + " lowers the balance B below the status quo's", 0, draws, identity},
      {"raises_tension", what + " raises domestic tension over the status quo's", 0, draws, identity},
  };
  if (favoured_power)
    out.push_back({"no_pressure_from_favoured", what + " draws no pressure from " + name, 0, draws,
                   favoured_cannot_press(tilted, toward, power_index)});
  return out;
}

std::optional<size_t> power_of(const PressureSpec& spec, const std::string& direction) {
  for (size_t p = 0; p < spec.powers.size(); ++p)
    if (spec.powers[p].direction == direction) return p;
  return std::nullopt;
}

}  // namespace

std::vector<SweepThreshold> pressure_thresholds(const Portfolio& status_quo, const PressureSpec& spec) {
  const std::vector<size_t> power_index = power_indices(spec, status_quo.directions);
  const std::vector<double> a = status_quo.alignment();
  std::vector<SweepThreshold> out;
  for (size_t f = 0; f < a.size(); ++f) {
    double rest = 0;
    for (size_t c = 0; c < a.size(); ++c)
      if (c != f) rest += a[c];
    auto at = [&](size_t c, double t) { return c == f ? a[c] + t * rest : a[c] * (1 - t); };
    SweepThreshold threshold{status_quo.directions[f], std::nullopt, false, ""};
    for (size_t p = 0; p < spec.powers.size(); ++p) {
      if (spec.powers[p].strength.value <= 0) continue;
      for (size_t r = 0; r < spec.powers.size(); ++r) {
        if (r == p) continue;
        // g(t) = a_r(t) - a_p(t) - theta_p, linear in t: p presses where g > 0.
        const double g0 = at(power_index[r], 0) - at(power_index[p], 0) - spec.powers[p].tolerance.value;
        const double g1 = at(power_index[r], 1) - at(power_index[p], 1) - spec.powers[p].tolerance.value;
        std::optional<double> begins;
        if (g0 > 0) begins = 0.0;
        else if (g1 > 0) begins = -g0 / (g1 - g0);
        if (begins && (!threshold.tilt || *begins < *threshold.tilt)) {
          threshold.tilt = begins;
          threshold.at_status_quo = g0 > 0;
          threshold.power = spec.powers[p].direction;
        }
      }
    }
    out.push_back(std::move(threshold));
  }
  return out;
}

TiltSweepResult tilt_sweep(const Model& model, const BalanceSheet& sheet, const CorridorNetwork& network,
                           const Scenario& coupling, const PressureSpec& spec, const MoneyLoss* money, int horizon,
                           size_t draws, uint64_t seed, size_t threads) {
  TiltSweepResult result;
  result.horizon = horizon;
  result.draws = draws;
  result.seed = seed;
  {
    Model probe_model = model;
    PressureSpec probe_spec = spec;
    result.varied = varied_judgements(probe_model, probe_spec, true).names;
  }
  result.not_varied = {"corridor judgements (capacities, unit costs, volumes): fixed in the routed network",
                       "coupling Gamma: taken from the scenario at its values",
                       "money valuation (yields, units per volume, prices): at its values",
                       "group orientations and the tilt itself (the experiment, not a judgement)"};
  const Context central(model, sheet, network, coupling, spec, money, horizon);
  result.not_money = central.values.not_money;
  result.tension_usd = spec.adjustment.tension_usd.has_value();
  result.thresholds = pressure_thresholds(central.status_quo, spec);
  const std::vector<size_t> power_index = power_indices(spec, central.status_quo.directions);
  const size_t directions = central.status_quo.directions.size();

  // The points at the judgements' values.
  const PointEval base = central.evaluate(0, 0.0);
  for (size_t f = 0; f < directions; ++f)
    for (double tilt : kSweepTilts) {
      const std::optional<size_t> favoured = power_of(spec, central.status_quo.directions[f]);
      const PointEval eval = central.evaluate(f, tilt);
      SweepPoint point{central.status_quo.directions[f], tilt, eval.net, eval.pressure, eval.balance, eval.tension,
                       conclusions_of(central, power_index, f, tilt, favoured, draws ? draws : 1)};
      if (!draws) {
        const std::vector<bool> hold = holds(eval, base, favoured);
        for (size_t k = 0; k < hold.size(); ++k) point.conclusions[k].holds = hold[k];
      }
      result.points.push_back(std::move(point));
    }
  if (!draws) return result;

  const size_t columns = result.varied.size();
  const LatinHypercube cube(seed, draws, columns);
  // Each draw's verdicts apart, then counted in draw order: the same counts for any thread count.
  std::vector<std::vector<std::vector<bool>>> verdicts(draws);
  const size_t cores = static_cast<size_t>(std::max(1, tbb::info::default_concurrency()));
  tbb::task_arena arena(static_cast<int>(std::clamp<size_t>(threads, 1, cores)));
  arena.execute([&] {
    tbb::parallel_for(size_t{0}, draws, [&](size_t i) {
      Model drawn_model = model;
      PressureSpec drawn_spec = spec;
      apply_draw(drawn_model, drawn_spec, true, cube, i);
      const BalanceSheet drawn_sheet = measure_balance(drawn_model);
      const Context drawn(drawn_model, drawn_sheet, network, coupling, drawn_spec, money, horizon);
      const PointEval drawn_base = drawn.evaluate(0, 0.0);
      for (size_t f = 0; f < directions; ++f) {
        const std::optional<size_t> favoured = power_of(spec, central.status_quo.directions[f]);
        for (double tilt : kSweepTilts) verdicts[i].push_back(holds(drawn.evaluate(f, tilt), drawn_base, favoured));
      }
    });
  });
  for (const auto& draw : verdicts)
    for (size_t k = 0; k < draw.size(); ++k)
      for (size_t j = 0; j < draw[k].size(); ++j) result.points[k].conclusions[j].holds += draw[k][j];
  return result;
}

}  // namespace tengerim
