#include "risk/TailRisk.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

namespace tengerim {
namespace {

// A draw by its loss and id: its index in the list of candidates (whose order
// is the draws' order), or the draw itself when every draw is ranked.
struct Ranked {
  double loss;
  size_t id;
  bool operator<(const Ranked& other) const { return loss < other.loss || (loss == other.loss && id < other.id); }
};

// Rank r of a level among n draws (1-based), and the first tail position.
size_t rank_of(double level, size_t n) {
  size_t rank = static_cast<size_t>(std::ceil(level * static_cast<double>(n) - 1e-12));
  return std::clamp<size_t>(rank, 1, n);
}
size_t tail_start(double level, size_t n) { return std::min(rank_of(level, n), n - 1); }  // at least one draw

size_t batch_count(size_t batches, size_t n) { return std::max<size_t>(1, std::min(batches, n / 2)); }

// The draws [begin, end) ordered enough for the levels' VaR and tails: their
// positions in the order by (loss, draw) from the lowest level's rank on, by
// one selection per level, which gives the same VaR and tail sets as a full
// sort (the order is strict). Draws below the cutoff (and those equal to it,
// when that still leaves the rank) are only counted (`offset`); when more than
// the rank lie below it, every draw is ranked. So the cutoff changes the time
// taken, never the result.
struct RankedSample {
  std::span<Ranked> ranked;      // global positions offset, offset + 1, ..., n - 1
  size_t offset = 0;
  size_t n = 0;
  size_t first_id = 0;           // ids first_id, first_id + 1, ... are the sample's
  std::span<const double> loss;  // by id - first_id
  std::vector<Ranked> own;       // when every draw is ranked: the storage (ids are draws) and losses;
  std::vector<double> own_loss;  // a move keeps the spans valid
  const Ranked& at(size_t position) const { return ranked[position - offset]; }
  bool ids_are_draws() const { return !own.empty(); }
};

// `listed`: the candidates among draws [begin, end), reordered in place; their
// ids run from first_id and `loss` holds their losses by id.
RankedSample rank_tails(size_t begin, size_t end, std::span<Ranked> listed, size_t first_id,
                        std::span<const double> loss, double cutoff, const std::vector<double>& levels,
                        const LossesOf& losses_of) {
  RankedSample sample;
  sample.n = end - begin;
  sample.first_id = first_id;
  sample.loss = loss;
  std::vector<size_t> positions;  // each level's VaR position, ascending
  for (double level : levels) positions.push_back(rank_of(level, sample.n) - 1);
  std::sort(positions.begin(), positions.end());
  const size_t first = positions.front(), below = sample.n - listed.size();
  auto rest = std::partition(listed.begin(), listed.end(), [&](const Ranked& entry) { return entry.loss == cutoff; });
  const size_t ties = static_cast<size_t>(rest - listed.begin());
  if (below + ties <= first) {
    sample.offset = below + ties;
    sample.ranked = listed.subspan(ties);
  } else if (below <= first) {
    sample.offset = below;
    sample.ranked = listed;
  } else {
    sample.own_loss.resize(sample.n);
    losses_of(begin, end, sample.own_loss);
    for (size_t i = 0; i < sample.n; ++i) sample.own.push_back({sample.own_loss[i], begin + i});
    sample.ranked = sample.own;
    sample.first_id = begin;
    sample.loss = sample.own_loss;
  }
  auto from = sample.ranked.begin();
  for (size_t position : positions) {
    auto at = sample.ranked.begin() + static_cast<long>(position - sample.offset);
    if (at < from) continue;  // a repeated level
    std::nth_element(from, at, sample.ranked.end());
    from = at + 1;
  }
  return sample;
}

struct VarCvar {
  double var = 0;
  double cvar = 0;
};

// Each level's VaR and CVaR, and which draws lie in which tails: depth[id -
// first_id] is how many tails hold the draw, the first `depth` of the levels
// taken by ascending tail start (`order`). A tail is summed in the order of
// its draws, so the figures of a level do not depend on the other levels
// asked for or on the cutoff.
struct Tails {
  std::vector<VarCvar> figures;  // per level
  std::vector<uint32_t> depth;
  std::vector<size_t> order;
};

Tails tails_of(const RankedSample& sample, const std::vector<double>& levels) {
  const size_t n = sample.n;
  Tails tails;
  tails.order.resize(levels.size());
  std::iota(tails.order.begin(), tails.order.end(), size_t{0});
  std::stable_sort(tails.order.begin(), tails.order.end(),
                   [&](size_t a, size_t b) { return tail_start(levels[a], n) < tail_start(levels[b], n); });
  std::vector<size_t> start;  // in that order
  for (size_t level : tails.order) start.push_back(tail_start(levels[level], n));
  tails.depth.assign(sample.loss.size(), 0);
  uint32_t count = 0;
  for (size_t i = start.front(); i < n; ++i) {
    while (count < start.size() && start[count] <= i) ++count;
    tails.depth[sample.at(i).id - sample.first_id] = count;
  }
  std::vector<double> sum(levels.size(), 0);
  for (size_t i = 0; i < tails.depth.size(); ++i)
    for (uint32_t o = 0; o < tails.depth[i]; ++o) sum[tails.order[o]] += sample.loss[i];
  for (size_t l = 0; l < levels.size(); ++l)
    tails.figures.push_back({sample.at(rank_of(levels[l], n) - 1).loss,
                             sum[l] / static_cast<double>(n - tail_start(levels[l], n))});
  return tails;
}

double stderr_of(const std::vector<double>& values) {
  if (values.size() < 2) return 0;
  double mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
  double squares = 0;
  for (double value : values) squares += (value - mean) * (value - mean);
  return std::sqrt(squares / static_cast<double>(values.size() - 1) / static_cast<double>(values.size()));
}

}  // namespace

double tail_cutoff(std::span<const double> sample, const std::vector<double>& levels, size_t draws, size_t batches) {
  if (levels.empty()) return HUGE_VAL;
  if (sample.empty()) return 0;
  const double lowest = *std::min_element(levels.begin(), levels.end());
  const double m = static_cast<double>(sample.size());
  const double fewest = static_cast<double>(std::max<size_t>(1, draws / batch_count(batches, draws)));
  const double level = lowest - 6 * std::sqrt(lowest * (1 - lowest) / std::min(m, fewest));
  if (!(level > 0)) return 0;
  std::vector<double> sorted(sample.begin(), sample.end());
  auto at = sorted.begin() + static_cast<long>(std::floor(level * (m - 1)));
  std::nth_element(sorted.begin(), at, sorted.end());
  return *at;
}

LossSummary summarise_losses(const TailCandidates& candidates, const LossesOf& losses_of, size_t parts,
                             const PartsOfDraws& parts_of, const std::vector<double>& levels, size_t batches) {
  LossSummary summary;
  const size_t n = candidates.draws;
  summary.draws = n;
  if (n == 0) return summary;
  summary.mean = candidates.mean;
  summary.mean_stderr =
      n > 1 ? std::sqrt(candidates.squares / static_cast<double>(n - 1) / static_cast<double>(n)) : 0;
  if (levels.empty()) return summary;

  // Contiguous batches of draws: each level's figures on each, for batch means
  // (their spread / sqrt(B)).
  batches = batch_count(batches, n);
  auto begin_of = [&](size_t b) { return b * n / batches; };
  std::vector<Ranked> listed(candidates.draw.size());
  tbb::parallel_for(tbb::blocked_range<size_t>(0, listed.size(), 16384), [&](const tbb::blocked_range<size_t>& range) {
    for (size_t i = range.begin(); i < range.end(); ++i) listed[i] = {candidates.loss[i], i};
  });
  std::vector<size_t> offset(batches + 1, 0);  // the batches' ranges in the list
  for (size_t b = 1; b <= batches; ++b)
    offset[b] = static_cast<size_t>(std::lower_bound(candidates.draw.begin(), candidates.draw.end(), begin_of(b)) -
                                    candidates.draw.begin());
  // The batches (each from its own copy of its range) while the whole list is ranked in place.
  std::vector<std::vector<VarCvar>> by_batch(batches);
  RankedSample ranked;
  Tails whole;
  tbb::parallel_invoke(
      [&] {
        tbb::parallel_for(size_t{0}, batches, [&](size_t b) {
          std::vector<Ranked> own;
          for (size_t i = offset[b]; i < offset[b + 1]; ++i) own.push_back({candidates.loss[i], i});
          RankedSample block = rank_tails(begin_of(b), begin_of(b + 1), own, offset[b],
                                          std::span<const double>(candidates.loss).subspan(offset[b], own.size()),
                                          candidates.cutoff, levels, losses_of);
          by_batch[b] = tails_of(block, levels).figures;
        });
      },
      [&] {
        ranked = rank_tails(0, n, listed, 0, candidates.loss, candidates.cutoff, levels, losses_of);
        whole = tails_of(ranked, levels);
      });

  // The parts of every draw in the widest tail, once, in the draws' order,
  // summed per fixed range of draws (so in the same order whatever the
  // levels), the ranges in parallel.
  std::vector<size_t> tail;  // ids, ascending
  for (size_t i = 0; i < whole.depth.size(); ++i)
    if (whole.depth[i] > 0) tail.push_back(ranked.first_id + i);
  auto draw_of = [&](size_t id) { return ranked.ids_are_draws() ? id : candidates.draw[id]; };
  constexpr size_t kRange = 32768;  // draws
  const size_t ranges = (n + kRange - 1) / kRange;
  std::vector<double> range_sums(ranges * levels.size() * parts, 0);  // [range][level][part]
  if (parts > 0)
    tbb::parallel_for(size_t{0}, ranges, [&](size_t range) {
      auto below = [&](size_t draw) {
        return std::partition_point(tail.begin(), tail.end(), [&](size_t id) { return draw_of(id) < draw; });
      };
      const auto from = below(range * kRange), to = below((range + 1) * kRange);
      std::vector<size_t> draws;
      for (auto id = from; id != to; ++id) draws.push_back(draw_of(*id));
      std::vector<double> out(draws.size() * parts, 0);
      parts_of(draws, out);
      for (size_t r = 0; r < draws.size(); ++r)
        for (uint32_t o = 0; o < whole.depth[from[static_cast<long>(r)] - ranked.first_id]; ++o) {
          double* sums = range_sums.data() + (range * levels.size() + whole.order[o]) * parts;
          for (size_t p = 0; p < parts; ++p) sums[p] += out[r * parts + p];
        }
    });

  for (size_t l = 0; l < levels.size(); ++l) {
    TailFigures figures;
    figures.level = levels[l];
    figures.var = whole.figures[l].var;
    figures.cvar = whole.figures[l].cvar;
    figures.contributions.assign(parts, 0);
    for (size_t range = 0; range < ranges; ++range)
      for (size_t p = 0; p < parts; ++p) figures.contributions[p] += range_sums[(range * levels.size() + l) * parts + p];
    for (double& value : figures.contributions) value /= static_cast<double>(n - tail_start(levels[l], n));
    std::vector<double> vars, cvars;
    for (const auto& batch : by_batch) {
      vars.push_back(batch[l].var);
      cvars.push_back(batch[l].cvar);
    }
    figures.var_stderr = stderr_of(vars);
    figures.cvar_stderr = stderr_of(cvars);
    summary.tails.push_back(figures);
  }
  return summary;
}

LossSummary summarise_losses(std::span<const double> loss, const std::vector<std::vector<double>>& parts,
                             const std::vector<double>& levels, size_t batches) {
  const size_t n = loss.size();
  TailCandidates candidates;
  candidates.draws = n;
  if (n > 0) candidates.mean = std::accumulate(loss.begin(), loss.end(), 0.0) / static_cast<double>(n);
  for (double value : loss) candidates.squares += (value - candidates.mean) * (value - candidates.mean);
  // The cutoff from an evenly spaced subsample of at most 16384 draws.
  const size_t stride = std::max<size_t>(1, n / 16384);
  std::vector<double> subsample;
  for (size_t i = 0; i < n; i += stride) subsample.push_back(loss[i]);
  candidates.cutoff = tail_cutoff(subsample, levels, n, batches);
  for (size_t i = 0; i < n; ++i)
    if (loss[i] >= candidates.cutoff) {
      candidates.draw.push_back(i);
      candidates.loss.push_back(loss[i]);
    }
  LossSummary summary = summarise_losses(
      candidates,
      [&](size_t begin, size_t end, std::span<double> out) {
        const auto range = loss.subspan(begin, end - begin);
        std::copy(range.begin(), range.end(), out.begin());
      },
      parts.size(),
      [&](std::span<const size_t> draws, std::span<double> out) {
        for (size_t r = 0; r < draws.size(); ++r)
          for (size_t p = 0; p < parts.size(); ++p) out[r * parts.size() + p] = parts[p][draws[r]];
      },
      levels, batches);
  for (const auto& part : parts)
    summary.mean_contributions.push_back(std::accumulate(part.begin(), part.end(), 0.0) /
                                         static_cast<double>(std::max<size_t>(n, 1)));
  return summary;
}

std::vector<double> distribution_grid_levels() {
  return {0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.92, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99, 0.995, 0.999};
}

}  // namespace tengerim
