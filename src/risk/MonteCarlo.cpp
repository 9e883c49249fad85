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

// The shocks with their loss tables; `money` (when money_per_direct is given)
// the same shocks with tables in US dollars.
std::vector<SampledShock> sampled_shocks(const LossModel& losses, std::span<const double> money_per_direct,
                                         std::vector<SampledShock>& money) {
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
  money = shocks;
  auto table_point = [&](size_t task) {
    const size_t k = task / kPoints, j = task % kPoints;
    std::vector<double> direct = losses.shock_direct_loss(k, static_cast<double>(j) / SampledShock::kGrid);
    double total = 0, weighted = 0, usd = 0;
    for (size_t d = 0; d < direct.size(); ++d) {
      total += multiplier[d] * direct[d];
      weighted += losses.weights()[d] * direct[d];
      if (!money_per_direct.empty()) usd += money_per_direct[d] * direct[d];
    }
    shocks[k].total[j] = total;
    shocks[k].direct[j] = weighted;
    money[k].total[j] = money[k].direct[j] = usd;
  };
  tbb::parallel_for(
      tbb::blocked_range<size_t>(0, shocks.size() * kPoints, 1),
      [&](const tbb::blocked_range<size_t>& tasks) {
        for (size_t task = tasks.begin(); task < tasks.end(); ++task) table_point(task);
      },
      tbb::simple_partitioner());
  return shocks;
}

struct BlockFigures {
  LossSummary summary;
  double mean_direct = 0;
  std::vector<double> occurrence;
};

// Every draw of `sampler`, summarised. Progress is in draws of the whole run, which
// passes over them `scale` times: (offset + done) / scale of `draws`.
BlockFigures run_blocks(tbb::task_arena& arena, const DrawSampler& sampler, const RiskOptions& options, size_t parts,
                        std::vector<double>* cuts, const std::function<void(size_t, size_t)>& progress, size_t offset,
                        size_t scale) {
  const size_t draws = options.draws;
  DrawBlocks blocks(sampler, draws, parts, cuts);
  auto report = [&](size_t done) {
    if (progress) progress((offset + done) / scale, draws);
  };

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
  report(std::min(draws, pilot * DrawSampler::kBlock));
  constexpr size_t kMaxChunk = 64;  // 64 x 4096 draws
  const size_t chunk =
      progress ? std::clamp<size_t>(blocks.blocks() / 50, 1, kMaxChunk) : std::max<size_t>(blocks.blocks(), 1);
  for (size_t start = pilot; start < blocks.blocks(); start += chunk) {
    size_t end = std::min(blocks.blocks(), start + chunk);
    arena.execute([&] { tbb::parallel_for(start, end, [&](size_t b) { blocks.run(b, cutoff); }); });
    report(std::min(draws, end * DrawSampler::kBlock));
  }

  BlockFigures figures;
  arena.execute([&] {
    figures.summary = summarise_losses(
        blocks.candidates(cutoff),
        [&](size_t begin, size_t end, std::span<double> out) { blocks.losses(begin, end, out); }, parts,
        [&](std::span<const size_t> tail, std::span<double> out) { blocks.parts(tail, out); }, options.levels);
  });
  figures.summary.mean_contributions = blocks.mean_parts();
  figures.mean_direct = blocks.mean_direct();
  figures.occurrence = blocks.occurrence();
  return figures;
}

}  // namespace

RiskResult simulate(const LossModel& losses, const RiskOptions& options,
                    const std::function<void(size_t, size_t)>& progress, std::span<const double> money_per_direct) {
  // More threads than cores would only queue (and TBB would print a warning);
  // the results do not depend on the count, so it is capped.
  const auto cores = static_cast<size_t>(std::max(1, tbb::info::default_concurrency()));
  tbb::task_arena arena(static_cast<int>(std::clamp<size_t>(options.threads, 1, cores)));
  std::vector<SampledShock> planned, money;
  arena.execute([&] { planned = sampled_shocks(losses, money_per_direct, money); });
  const size_t factors = losses.scenario().factors.size(), parts = losses.model().directions.size();
  const size_t runs = money_per_direct.empty() ? 1 : 2;
  RiskResult result;
  if (options.keep_cuts) result.cuts.assign(options.draws * planned.size(), -1.0);
  {
    const DrawSampler sampler(std::move(planned), factors, options.seed);
    BlockFigures figures =
        run_blocks(arena, sampler, options, parts, options.keep_cuts ? &result.cuts : nullptr, progress, 0, runs);
    result.summary = std::move(figures.summary);
    result.mean_direct = figures.mean_direct;
    result.occurrence = std::move(figures.occurrence);
  }
  // The same seed and the same occurrence and severity parameters: the same
  // draws, each valued in dollars, ranked on their own.
  if (runs == 2) {
    const DrawSampler sampler(std::move(money), factors, options.seed);
    result.money = run_blocks(arena, sampler, options, parts, nullptr, progress, options.draws, runs).summary;
  }
  for (const auto& direction : losses.model().directions) result.parts.push_back(direction.id);
  return result;
}

}  // namespace tengerim
