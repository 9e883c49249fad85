#include "risk/TailRisk.h"

#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tengerim {
namespace {

struct Ranked {
  double loss;
  size_t draw;
  bool operator<(const Ranked& other) const {
    return loss < other.loss || (loss == other.loss && draw < other.draw);
  }
};

// Rank r of a level among n draws (1-based), and the first tail position.
size_t rank_of(double level, size_t n) {
  size_t rank = static_cast<size_t>(std::ceil(level * static_cast<double>(n) - 1e-12));
  return std::clamp<size_t>(rank, 1, n);
}
size_t tail_start(double level, size_t n) { return std::min(rank_of(level, n), n - 1); }  // at least one draw

// The draws [begin, end) ranked by (loss, draw) from the lowest level's rank
// on: a selection and a sort of the tail only, which gives the same VaR and
// tail sets as a full sort (the order is strict). Draws whose loss is 0 (most
// years, when no shock occurs) rank first among non-negative losses; when all
// of them lie below that rank they are only counted (`offset`), not ranked.
struct RankedSample {
  std::vector<Ranked> ranked;  // global positions offset, offset + 1, ..., n - 1
  size_t offset = 0;
  size_t n = 0;
  const Ranked& at(size_t position) const { return ranked[position - offset]; }
};

void rank_tail(const std::vector<double>& loss, size_t begin, size_t end, double lowest, RankedSample& sample) {
  sample.n = end - begin;
  const size_t first = rank_of(lowest, sample.n) - 1;
  size_t zeros = 0;
  bool negative = false;
  for (size_t i = begin; i < end; ++i) {
    zeros += loss[i] == 0;
    negative = negative || loss[i] < 0;
  }
  sample.offset = !negative && zeros <= first ? zeros : 0;
  sample.ranked.clear();
  sample.ranked.reserve(sample.n - sample.offset);
  for (size_t i = begin; i < end; ++i)
    if (sample.offset == 0 || loss[i] != 0) sample.ranked.push_back({loss[i], i});
  auto from = sample.ranked.begin() + static_cast<long>(first - sample.offset);
  std::nth_element(sample.ranked.begin(), from, sample.ranked.end());
  std::sort(from, sample.ranked.end());
}

struct VarCvar {
  double var = 0;
  double cvar = 0;
};

// VaR and CVaR at `level` from a ranked sample; the tail summed in ascending order.
VarCvar figures_of(const RankedSample& sample, double level) {
  const size_t n = sample.n;
  VarCvar out;
  out.var = sample.at(rank_of(level, n) - 1).loss;
  size_t first = tail_start(level, n);
  for (size_t i = first; i < n; ++i) out.cvar += sample.at(i).loss;
  out.cvar /= static_cast<double>(n - first);
  return out;
}

double stderr_of(const std::vector<double>& values) {
  if (values.size() < 2) return 0;
  double mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
  double squares = 0;
  for (double value : values) squares += (value - mean) * (value - mean);
  return std::sqrt(squares / static_cast<double>(values.size() - 1) / static_cast<double>(values.size()));
}

}  // namespace

LossSummary summarise_losses(const std::vector<double>& loss, size_t parts, const PartsOfDraw& parts_of,
                             const std::vector<double>& levels, size_t batches) {
  LossSummary summary;
  const size_t n = loss.size();
  summary.draws = n;
  if (n == 0) return summary;
  summary.mean = std::accumulate(loss.begin(), loss.end(), 0.0) / static_cast<double>(n);
  double squares = 0;
  for (double value : loss) squares += (value - summary.mean) * (value - summary.mean);
  summary.mean_stderr = n > 1 ? std::sqrt(squares / static_cast<double>(n - 1) / static_cast<double>(n)) : 0;
  if (levels.empty()) return summary;
  const double lowest = *std::min_element(levels.begin(), levels.end());

  // Batch means: each level's figures on contiguous blocks of draws; their spread / sqrt(B).
  batches = std::max<size_t>(1, std::min(batches, n / 2));
  std::vector<std::vector<VarCvar>> by_batch(batches);
  RankedSample ranked;  // the whole sample, ranked while the batches are
  tbb::parallel_invoke([&] { rank_tail(loss, 0, n, lowest, ranked); },
                       [&] {
                         tbb::parallel_for(size_t{0}, batches, [&](size_t b) {
                           RankedSample block;
                           rank_tail(loss, b * n / batches, (b + 1) * n / batches, lowest, block);
                           for (double level : levels) by_batch[b].push_back(figures_of(block, level));
                         });
                       });
  // The parts of every draw in the widest tail, once; each level's tail is a suffix of it.
  const size_t widest = tail_start(lowest, n);
  std::vector<std::vector<double>> tail_parts(n - widest, std::vector<double>(parts, 0));
  if (parts > 0)
    tbb::parallel_for(widest, n, [&](size_t i) { parts_of(ranked.at(i).draw, tail_parts[i - widest]); });

  for (size_t l = 0; l < levels.size(); ++l) {
    TailFigures figures;
    figures.level = levels[l];
    VarCvar whole = figures_of(ranked, levels[l]);
    figures.var = whole.var;
    figures.cvar = whole.cvar;
    size_t first = tail_start(levels[l], n);
    figures.contributions.assign(parts, 0);
    for (size_t i = first; i < n; ++i)
      for (size_t p = 0; p < parts; ++p) figures.contributions[p] += tail_parts[i - widest][p];
    for (double& value : figures.contributions) value /= static_cast<double>(n - first);
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

LossSummary summarise_losses(const std::vector<double>& loss, const std::vector<std::vector<double>>& parts,
                             const std::vector<double>& levels, size_t batches) {
  LossSummary summary = summarise_losses(
      loss, parts.size(),
      [&](size_t draw, std::vector<double>& out) {
        for (size_t p = 0; p < parts.size(); ++p) out[p] = parts[p][draw];
      },
      levels, batches);
  for (const auto& part : parts)
    summary.mean_contributions.push_back(std::accumulate(part.begin(), part.end(), 0.0) /
                                         static_cast<double>(std::max<size_t>(loss.size(), 1)));
  return summary;
}

}  // namespace tengerim
