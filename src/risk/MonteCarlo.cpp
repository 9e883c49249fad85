#include "risk/MonteCarlo.h"

#include <tbb/blocked_range.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cmath>

#include "common/Error.h"
#include "risk/DrawBlocks.h"
#include "risk/DrawSampler.h"

namespace tengerim {
namespace {

std::vector<SampledShock> sampled_shocks(const LossModel& losses) {
  const Scenario& scenario = losses.scenario();
  const Model& model = losses.model();
  for (const auto& change : scenario.edges)
    fail_input({scenario.file, change.line, "edges.probability"},
               "Monte Carlo needs a yearly probability for every [[edges]] closure (without one it is for `shock` only)");
  std::vector<double> multiplier = losses.coupling().multipliers(losses.weights());
  std::vector<SampledShock> shocks;
  for (const Shock& shock : scenario.shocks) {
    if (!shock.probability)
      fail_input({scenario.file, shock.line, "shocks." + shock.id + ".probability"},
                 "Monte Carlo needs a yearly probability for every shock");
    SampledShock entry;
    entry.probability = *shock.probability;
    for (const auto& factor : scenario.factors) {
      auto found = shock.loadings.find(factor.id);
      entry.loadings.push_back(found == shock.loadings.end() ? 0.0 : found->second);
    }
    if (shock.severity) entry.severity.emplace(shock.severity->alpha, shock.severity->beta);
    entry.cut = shock.cut;
    for (size_t c = 0; c < model.directions.size(); ++c)
      if (model.directions[c].id == shock.direction) entry.part = c;
    shocks.push_back(std::move(entry));
  }
  // The tables: one routing per shock and grid point, each independent (its own LP), so in
  // parallel, one task each: the LPs (shocks on corridors) sit together and take far longer.
  constexpr size_t kPoints = SampledShock::kGrid + 1;
  auto table_point = [&](size_t task) {
    const size_t k = task / kPoints, j = task % kPoints;
    std::vector<double> direct = losses.shock_direct_loss(k, static_cast<double>(j) / SampledShock::kGrid);
    double total = 0, weighted = 0;
    for (size_t d = 0; d < direct.size(); ++d) {
      total += multiplier[d] * direct[d];
      weighted += losses.weights()[d] * direct[d];
    }
    shocks[k].total[j] = total;
    shocks[k].direct[j] = weighted;
  };
  tbb::parallel_for(
      tbb::blocked_range<size_t>(0, shocks.size() * kPoints, 1),
      [&](const tbb::blocked_range<size_t>& tasks) {
        for (size_t task = tasks.begin(); task < tasks.end(); ++task) table_point(task);
      },
      tbb::simple_partitioner());
  return shocks;
}

}  // namespace

RiskResult simulate(const LossModel& losses, const RiskOptions& options,
                    const std::function<void(size_t, size_t)>& progress) {
  // More threads than cores would only queue (and TBB would print a warning);
  // the results do not depend on the count, so it is capped.
  const auto cores = static_cast<size_t>(std::max(1, tbb::info::default_concurrency()));
  tbb::task_arena arena(static_cast<int>(std::clamp<size_t>(options.threads, 1, cores)));
  std::vector<SampledShock> planned;
  arena.execute([&] { planned = sampled_shocks(losses); });
  const DrawSampler sampler(std::move(planned), losses.scenario().factors.size(), options.seed);
  const size_t draws = options.draws, shocks = sampler.shocks(), parts = losses.model().directions.size();
  RiskResult result;
  if (options.keep_cuts) result.cuts.assign(draws * shocks, -1.0);
  DrawBlocks blocks(sampler, draws, parts, options.keep_cuts ? &result.cuts : nullptr);

  // First a pilot, the first blocks with every draw kept: the cutoff for the
  // tail candidates from its totals (only speed depends on it, never a
  // result); then the other blocks. With a progress callback: chunks of
  // blocks in index order (at most kMaxChunk blocks, so that a cancelled run
  // stops within a fraction of a second), the callback between chunks on
  // this thread; without one, a single pass.
  const size_t pilot = std::min<size_t>(blocks.blocks(), 4);
  arena.execute([&] { tbb::parallel_for(size_t{0}, pilot, [&](size_t b) { blocks.run(b, -HUGE_VAL); }); });
  std::vector<double> pilot_totals;
  for (size_t b = 0; b < pilot; ++b)
    pilot_totals.insert(pilot_totals.end(), blocks.kept_totals(b).begin(), blocks.kept_totals(b).end());
  const double cutoff = tail_cutoff(pilot_totals, options.levels, draws);
  for (size_t b = 0; b < pilot; ++b) blocks.keep_above(b, cutoff);
  if (progress) progress(std::min(draws, pilot * DrawSampler::kBlock), draws);
  constexpr size_t kMaxChunk = 64;  // 64 x 4096 draws
  const size_t chunk =
      progress ? std::clamp<size_t>(blocks.blocks() / 50, 1, kMaxChunk) : std::max<size_t>(blocks.blocks(), 1);
  for (size_t start = pilot; start < blocks.blocks(); start += chunk) {
    size_t end = std::min(blocks.blocks(), start + chunk);
    arena.execute([&] { tbb::parallel_for(start, end, [&](size_t b) { blocks.run(b, cutoff); }); });
    if (progress) progress(std::min(draws, end * DrawSampler::kBlock), draws);
  }

  arena.execute([&] {
    result.summary = summarise_losses(
        blocks.candidates(cutoff),
        [&](size_t begin, size_t end, std::span<double> out) { blocks.losses(begin, end, out); }, parts,
        [&](std::span<const size_t> tail, std::span<double> out) { blocks.parts(tail, out); }, options.levels);
  });
  result.summary.mean_contributions = blocks.mean_parts();
  result.mean_direct = blocks.mean_direct();
  result.occurrence = blocks.occurrence();
  for (const auto& direction : losses.model().directions) result.parts.push_back(direction.id);
  return result;
}

}  // namespace tengerim
