#include "risk/TailRisk.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tengerim {
namespace {

struct Tail {
  double var = 0;
  double cvar = 0;
  std::vector<size_t> draws;  // the tail's draw indices
};

// `order` holds the draw indices of one block; sorted here by (loss, index).
Tail tail_of(const std::vector<double>& loss, std::vector<size_t> order, double level) {
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return loss[a] < loss[b] || (loss[a] == loss[b] && a < b);
  });
  const size_t n = order.size();
  size_t rank = static_cast<size_t>(std::ceil(level * static_cast<double>(n) - 1e-12));
  rank = std::clamp<size_t>(rank, 1, n);
  Tail tail;
  tail.var = loss[order[rank - 1]];
  size_t first = std::min(rank, n - 1);  // at least one draw in the tail
  tail.draws.assign(order.begin() + static_cast<long>(first), order.end());
  for (size_t draw : tail.draws) tail.cvar += loss[draw];
  tail.cvar /= static_cast<double>(tail.draws.size());
  return tail;
}

double stderr_of(const std::vector<double>& values) {
  if (values.size() < 2) return 0;
  double mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
  double squares = 0;
  for (double value : values) squares += (value - mean) * (value - mean);
  return std::sqrt(squares / static_cast<double>(values.size() - 1) / static_cast<double>(values.size()));
}

}  // namespace

LossSummary summarise_losses(const std::vector<double>& loss, const std::vector<std::vector<double>>& parts,
                             const std::vector<double>& levels, size_t batches) {
  LossSummary summary;
  const size_t n = loss.size();
  summary.draws = n;
  if (n == 0) return summary;
  summary.mean = std::accumulate(loss.begin(), loss.end(), 0.0) / static_cast<double>(n);
  double squares = 0;
  for (double value : loss) squares += (value - summary.mean) * (value - summary.mean);
  summary.mean_stderr = n > 1 ? std::sqrt(squares / static_cast<double>(n - 1) / static_cast<double>(n)) : 0;
  for (const auto& part : parts)
    summary.mean_contributions.push_back(std::accumulate(part.begin(), part.end(), 0.0) / static_cast<double>(n));

  std::vector<size_t> all(n);
  std::iota(all.begin(), all.end(), size_t{0});
  batches = std::max<size_t>(1, std::min(batches, n / 2));
  for (double level : levels) {
    Tail tail = tail_of(loss, all, level);
    TailFigures figures;
    figures.level = level;
    figures.var = tail.var;
    figures.cvar = tail.cvar;
    for (const auto& part : parts) {
      double sum = 0;
      for (size_t draw : tail.draws) sum += part[draw];
      figures.contributions.push_back(sum / static_cast<double>(tail.draws.size()));
    }
    // Batch means: the same figure on contiguous blocks of draws; its spread / sqrt(B).
    std::vector<double> vars, cvars;
    for (size_t b = 0; b < batches; ++b) {
      std::vector<size_t> block;
      for (size_t i = b * n / batches; i < (b + 1) * n / batches; ++i) block.push_back(i);
      Tail part_tail = tail_of(loss, block, level);
      vars.push_back(part_tail.var);
      cvars.push_back(part_tail.cvar);
    }
    figures.var_stderr = stderr_of(vars);
    figures.cvar_stderr = stderr_of(cvars);
    summary.tails.push_back(figures);
  }
  return summary;
}

}  // namespace tengerim
