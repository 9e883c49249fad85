#pragma once
// Figures of a sampled loss distribution: mean, VaR and CVaR at levels, the
// Euler allocation of each to additive parts (directions), and standard
// errors. Draws are ranked by (loss, draw index), so ties never depend on
// thread scheduling.
#include <cstddef>
#include <functional>
#include <vector>

namespace tengerim {

struct TailFigures {
  double level = 0;         // e.g. 0.95
  double var = 0;           // the ceil(level N)-th smallest loss
  double cvar = 0;          // mean of the N - ceil(level N) largest losses (at least one)
  double var_stderr = 0;    // batch means over `batches` blocks of draws
  double cvar_stderr = 0;
  std::vector<double> contributions;  // mean of each part over the tail draws; they sum to cvar
};

struct LossSummary {
  size_t draws = 0;
  double mean = 0;
  double mean_stderr = 0;  // sample standard deviation / sqrt(N)
  std::vector<double> mean_contributions;  // mean of each part
  std::vector<TailFigures> tails;          // one per level, in the order asked
};

// `loss[i]` is draw i's total; `parts[p][i]` its additive parts (sum = loss[i]).
LossSummary summarise_losses(const std::vector<double>& loss, const std::vector<std::vector<double>>& parts,
                             const std::vector<double>& levels, size_t batches = 20);

// Draw i's `parts` additive parts, written into `out` (already sized).
using PartsOfDraw = std::function<void(size_t draw, std::vector<double>& out)>;

// The same without every draw's parts in memory: `parts_of` is called only
// for the draws in a tail (it may be called from several threads at once);
// `mean_contributions` is left empty for the caller. Uses TBB: run it inside
// the task arena whose thread count it should use.
LossSummary summarise_losses(const std::vector<double>& loss, size_t parts, const PartsOfDraw& parts_of,
                             const std::vector<double>& levels, size_t batches = 20);

}  // namespace tengerim
