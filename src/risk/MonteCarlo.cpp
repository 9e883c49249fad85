#include "risk/MonteCarlo.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <cmath>

#include "common/Error.h"
#include "risk/CounterRng.h"
#include "risk/Sampling.h"

namespace tengerim {
namespace {

constexpr size_t kGrid = 20;  // cut grid 0, 0.05, ..., 1 for each shock's loss

struct ShockPlan {
  double threshold = 0;           // Phi^-1(p)
  std::vector<double> loadings;   // per scenario factor
  double idiosyncratic = 1;       // sqrt(1 - sum b^2)
  bool has_severity = false;
  BetaSeverity severity;
  double cut = 0;
  size_t part = 0;                // index of its direction
  std::vector<double> total;      // weighted propagated loss on the grid
  std::vector<double> direct;     // weighted direct loss on the grid
};

double interpolate(const std::vector<double>& table, double cut) {
  double x = std::clamp(cut, 0.0, 1.0) * static_cast<double>(kGrid);
  size_t low = std::min(static_cast<size_t>(x), kGrid - 1);
  double t = x - static_cast<double>(low);
  return table[low] * (1 - t) + table[low + 1] * t;
}

std::vector<ShockPlan> plan(const LossModel& losses) {
  const Scenario& scenario = losses.scenario();
  const Model& model = losses.model();
  std::vector<double> multiplier = losses.coupling().multipliers(losses.weights());
  std::vector<ShockPlan> plans;
  for (size_t k = 0; k < scenario.shocks.size(); ++k) {
    const Shock& shock = scenario.shocks[k];
    if (!shock.probability)
      fail_input({scenario.file, shock.line, "shocks." + shock.id + ".probability"},
                 "Monte Carlo needs a yearly probability for every shock");
    ShockPlan entry;
    entry.threshold = normal_quantile(*shock.probability);
    double squares = 0;
    for (const auto& factor : scenario.factors) {
      auto found = shock.loadings.find(factor.id);
      double loading = found == shock.loadings.end() ? 0.0 : found->second;
      entry.loadings.push_back(loading);
      squares += loading * loading;
    }
    entry.idiosyncratic = std::sqrt(1 - squares);
    entry.has_severity = shock.severity.has_value();
    if (shock.severity) entry.severity = *shock.severity;
    entry.cut = shock.cut;
    for (size_t c = 0; c < model.directions.size(); ++c)
      if (model.directions[c].id == shock.direction) entry.part = c;
    for (size_t j = 0; j <= kGrid; ++j) {
      std::vector<double> direct = losses.shock_direct_loss(k, static_cast<double>(j) / kGrid);
      double total = 0, weighted = 0;
      for (size_t d = 0; d < direct.size(); ++d) {
        total += multiplier[d] * direct[d];
        weighted += losses.weights()[d] * direct[d];
      }
      entry.total.push_back(total);
      entry.direct.push_back(weighted);
    }
    plans.push_back(std::move(entry));
  }
  return plans;
}

}  // namespace

RiskResult simulate(const LossModel& losses, const RiskOptions& options,
                    const std::function<void(size_t, size_t)>& progress) {
  const std::vector<ShockPlan> plans = plan(losses);
  const size_t draws = options.draws, factors = losses.scenario().factors.size();
  const size_t parts = losses.model().directions.size();
  std::vector<double> total(draws, 0), direct(draws, 0);
  std::vector<std::vector<double>> by_part(parts, std::vector<double>(draws, 0));
  std::vector<std::vector<unsigned char>> occurred(plans.size(), std::vector<unsigned char>(draws, 0));

  auto run_draw = [&](size_t i) {
    CounterRng common(options.seed, i, 0);
    std::vector<double> factor(factors);
    for (auto& value : factor) value = sample_normal(common);
    for (size_t k = 0; k < plans.size(); ++k) {
      const ShockPlan& shock = plans[k];
      CounterRng own(options.seed, i, 1 + k);
      double z = shock.idiosyncratic * sample_normal(own);
      for (size_t j = 0; j < factors; ++j) z += shock.loadings[j] * factor[j];
      if (!(z < shock.threshold)) continue;
      double cut = shock.has_severity ? sample_beta(own, shock.severity.alpha, shock.severity.beta) : shock.cut;
      double loss = interpolate(shock.total, cut);
      total[i] += loss;
      direct[i] += interpolate(shock.direct, cut);
      by_part[shock.part][i] += loss;
      occurred[k][i] = 1;
    }
  };

  // Chunks of draws in index order; the progress callback runs between chunks on this thread.
  const size_t chunk = std::max<size_t>(draws / 50, 1000);
  tbb::task_arena arena(static_cast<int>(std::max<size_t>(options.threads, 1)));
  for (size_t start = 0; start < draws; start += chunk) {
    size_t end = std::min(draws, start + chunk);
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<size_t>(start, end, 256), [&](const tbb::blocked_range<size_t>& range) {
        for (size_t i = range.begin(); i != range.end(); ++i) run_draw(i);
      });
    });
    if (progress) progress(end, draws);
  }

  RiskResult result;
  result.summary = summarise_losses(total, by_part, options.levels);
  for (const auto& direction : losses.model().directions) result.parts.push_back(direction.id);
  for (double value : direct) result.mean_direct += value;
  result.mean_direct /= static_cast<double>(std::max<size_t>(draws, 1));
  for (const auto& flags : occurred) {
    double count = 0;
    for (unsigned char flag : flags) count += flag;
    result.occurrence.push_back(count / static_cast<double>(std::max<size_t>(draws, 1)));
  }
  return result;
}

}  // namespace tengerim
