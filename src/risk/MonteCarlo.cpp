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
  double probability = 0;         // p
  double threshold = 0;           // Phi^-1(p)
  bool loaded = false;            // has a non-zero loading
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
  for (const auto& change : scenario.edges)
    fail_input({scenario.file, change.line, "edges.probability"},
               "Monte Carlo needs a yearly probability for every [[edges]] closure (without one it is for `shock` only)");
  std::vector<double> multiplier = losses.coupling().multipliers(losses.weights());
  std::vector<ShockPlan> plans;
  for (size_t k = 0; k < scenario.shocks.size(); ++k) {
    const Shock& shock = scenario.shocks[k];
    if (!shock.probability)
      fail_input({scenario.file, shock.line, "shocks." + shock.id + ".probability"},
                 "Monte Carlo needs a yearly probability for every shock");
    ShockPlan entry;
    entry.probability = *shock.probability;
    entry.threshold = normal_quantile(*shock.probability);
    double squares = 0;
    for (const auto& factor : scenario.factors) {
      auto found = shock.loadings.find(factor.id);
      double loading = found == shock.loadings.end() ? 0.0 : found->second;
      entry.loadings.push_back(loading);
      entry.loaded = entry.loaded || loading != 0;
      squares += loading * loading;
    }
    entry.idiosyncratic = std::sqrt(1 - squares);
    entry.has_severity = shock.severity.has_value();
    if (shock.severity) entry.severity = *shock.severity;
    entry.cut = shock.cut;
    for (size_t c = 0; c < model.directions.size(); ++c)
      if (model.directions[c].id == shock.direction) entry.part = c;
    entry.total.assign(kGrid + 1, 0);
    entry.direct.assign(kGrid + 1, 0);
    plans.push_back(std::move(entry));
  }
  // The tables: one routing per shock and grid point, each independent (its own LP), so in parallel.
  tbb::parallel_for(size_t{0}, plans.size() * (kGrid + 1), [&](size_t task) {
    const size_t k = task / (kGrid + 1), j = task % (kGrid + 1);
    std::vector<double> direct = losses.shock_direct_loss(k, static_cast<double>(j) / kGrid);
    double total = 0, weighted = 0;
    for (size_t d = 0; d < direct.size(); ++d) {
      total += multiplier[d] * direct[d];
      weighted += losses.weights()[d] * direct[d];
    }
    plans[k].total[j] = total;
    plans[k].direct[j] = weighted;
  });
  return plans;
}

}  // namespace

RiskResult simulate(const LossModel& losses, const RiskOptions& options,
                    const std::function<void(size_t, size_t)>& progress) {
  tbb::task_arena arena(static_cast<int>(std::max<size_t>(options.threads, 1)));
  std::vector<ShockPlan> plans;
  arena.execute([&] { plans = plan(losses); });
  const size_t draws = options.draws, factors = losses.scenario().factors.size(), shocks = plans.size();
  const size_t parts = losses.model().directions.size();
  std::vector<double> total(draws, 0);
  std::vector<double> cuts(options.keep_cuts ? draws * shocks : 0, -1.0);

  // Z_k < Phi^-1(p_k) given the factors F is e_k < (Phi^-1(p_k) - b_k.F) / s_k, so a
  // uniform U_k below p_k (no loadings) or below Phi of that bound decides it:
  // one uniform per shock instead of a normal quantile. Draw i's numbers depend on
  // (seed, i) alone, so a draw can be re-run: its parts are recomputed for the
  // tail draws only rather than kept for every draw.
  struct DrawScratch {
    std::vector<double> factor;
    std::vector<double> part;
    std::vector<unsigned char> occurred;
    double direct = 0;
  };
  // Streams (seed, i, 0) and (seed, i, 1 + k), with the parts that do not depend on i computed once.
  const uint64_t seed_part = CounterRng::seed_part(options.seed);
  std::vector<uint64_t> stream_parts(1 + shocks);
  for (size_t k = 0; k <= shocks; ++k) stream_parts[k] = CounterRng::stream_part(k);
  auto run_draw = [&](size_t i, DrawScratch& scratch, bool record_cuts) {
    double sum = 0;
    scratch.direct = 0;
    std::fill(scratch.part.begin(), scratch.part.end(), 0.0);
    std::fill(scratch.occurred.begin(), scratch.occurred.end(), 0);
    const uint64_t draw_part = CounterRng::draw_part(i);
    CounterRng common = CounterRng::from_parts(seed_part, draw_part, stream_parts[0]);
    for (auto& value : scratch.factor) value = sample_normal(common);
    for (size_t k = 0; k < shocks; ++k) {
      const ShockPlan& shock = plans[k];
      CounterRng own = CounterRng::from_parts(seed_part, draw_part, stream_parts[1 + k]);
      bool occurs;
      if (shock.loaded) {
        double z = shock.threshold;
        for (size_t j = 0; j < factors; ++j) z -= shock.loadings[j] * scratch.factor[j];
        occurs = uniform_below_normal_cdf(own.uniform(), z / shock.idiosyncratic);
      } else {
        occurs = own.uniform() < shock.probability;
      }
      if (!occurs) continue;
      double cut = shock.has_severity ? sample_beta(own, shock.severity.alpha, shock.severity.beta) : shock.cut;
      double loss = interpolate(shock.total, cut);
      sum += loss;
      scratch.direct += interpolate(shock.direct, cut);
      scratch.part[shock.part] += loss;
      scratch.occurred[k] = 1;
      if (record_cuts) cuts[i * shocks + k] = cut;
    }
    return sum;
  };
  auto scratch_for = [&] { return DrawScratch{std::vector<double>(factors), std::vector<double>(parts),
                                              std::vector<unsigned char>(shocks), 0}; };

  // Sums over fixed blocks of draws, added in block order: the same for any thread count.
  constexpr size_t kBlock = 4096;
  const size_t blocks = (draws + kBlock - 1) / kBlock;
  std::vector<double> block_parts(blocks * parts, 0), block_direct(blocks, 0);
  std::vector<size_t> block_occurred(blocks * shocks, 0);
  auto run_block = [&](size_t b) {
    DrawScratch scratch = scratch_for();
    for (size_t i = b * kBlock; i < std::min(draws, (b + 1) * kBlock); ++i) {
      total[i] = run_draw(i, scratch, options.keep_cuts);
      block_direct[b] += scratch.direct;
      for (size_t p = 0; p < parts; ++p) block_parts[b * parts + p] += scratch.part[p];
      for (size_t k = 0; k < shocks; ++k) block_occurred[b * shocks + k] += scratch.occurred[k];
    }
  };

  // With a progress callback: chunks of blocks in index order, the callback between
  // chunks on this thread; without one, a single pass (no waiting at chunk ends).
  const size_t chunk = progress ? std::max<size_t>(blocks / 50, 1) : std::max<size_t>(blocks, 1);
  for (size_t start = 0; start < blocks; start += chunk) {
    size_t end = std::min(blocks, start + chunk);
    arena.execute([&] { tbb::parallel_for(start, end, run_block); });
    if (progress) progress(std::min(draws, end * kBlock), draws);
  }

  RiskResult result;
  arena.execute([&] {
    result.summary = summarise_losses(total, parts, [&](size_t draw, std::vector<double>& out) {
      thread_local DrawScratch scratch;
      if (scratch.part.size() != parts || scratch.factor.size() != factors || scratch.occurred.size() != shocks)
        scratch = scratch_for();
      run_draw(draw, scratch, false);
      out = scratch.part;
    }, options.levels);
  });
  const double n = static_cast<double>(std::max<size_t>(draws, 1));
  result.summary.mean_contributions.assign(parts, 0);
  result.occurrence.assign(shocks, 0);
  for (size_t b = 0; b < blocks; ++b) {
    result.mean_direct += block_direct[b];
    for (size_t p = 0; p < parts; ++p) result.summary.mean_contributions[p] += block_parts[b * parts + p];
    for (size_t k = 0; k < shocks; ++k) result.occurrence[k] += static_cast<double>(block_occurred[b * shocks + k]);
  }
  result.mean_direct /= n;
  for (double& value : result.summary.mean_contributions) value /= n;
  for (double& value : result.occurrence) value /= n;
  for (const auto& direction : losses.model().directions) result.parts.push_back(direction.id);
  result.cuts = std::move(cuts);
  return result;
}

}  // namespace tengerim
