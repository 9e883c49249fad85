#pragma once
// Figures of a sampled loss distribution: mean, VaR and CVaR at levels, the
// Euler allocation of each to additive parts (directions), and standard
// errors. Draws are ranked by (loss, draw index), so ties never depend on
// thread scheduling.
#include <cstddef>
#include <functional>
#include <span>
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

// The levels at which a loss distribution is drawn (its quantile grid); a run
// that feeds a chart asks for these beside its own levels.
std::vector<double> distribution_grid_levels();

// `loss[i]` is draw i's total; `parts[p][i]` its additive parts (sum = loss[i]).
LossSummary summarise_losses(std::span<const double> loss, const std::vector<std::vector<double>>& parts,
                             const std::vector<double>& levels, size_t batches = 20);

// The same from the draws that may lie in a tail, for samples too large to
// keep whole: every draw not listed lost less than `cutoff`. Most years lose
// nothing, so a cutoff a little below the lowest level's VaR (tail_cutoff)
// lists a few percent of the draws.
struct TailCandidates {
  size_t draws = 0;
  double mean = 0;             // over every draw
  double squares = 0;          // sum over every draw of (loss - mean)^2
  double cutoff = 0;
  std::vector<size_t> draw;    // the listed draws, ascending
  std::vector<double> loss;    // their losses
};

// A cutoff for TailCandidates from a sample of the losses (e.g. the first
// draws): its quantile at the lowest level less six standard errors of a
// quantile from the fewest draws it serves (a batch of `draws`). 0 when that
// leaves no room (then only draws with no loss go unlisted); HUGE_VAL with no levels.
double tail_cutoff(std::span<const double> sample, const std::vector<double>& levels, size_t draws,
                   size_t batches = 20);

// Every loss of draws begin, ..., end - 1 into `out`: only needed when the
// cutoff proves too high for some batch (a rare case, then used instead of the list).
using LossesOf = std::function<void(size_t begin, size_t end, std::span<double> out)>;
// The `parts` additive parts of draws[0], draws[1], ...: row r of `out`
// (out[r * parts + p]) for draws[r]; `out` comes filled with zeros.
using PartsOfDraws = std::function<void(std::span<const size_t> draws, std::span<double> out)>;

// `parts_of` is called only for the draws in a tail, some thousands at a
// time, and both callbacks may be called from several threads at once;
// `mean_contributions` is left empty for the caller. The result is the same
// as from every loss, whatever the cutoff. Uses TBB: run it inside the task
// arena whose thread count it should use.
LossSummary summarise_losses(const TailCandidates& candidates, const LossesOf& losses_of, size_t parts,
                             const PartsOfDraws& parts_of, const std::vector<double>& levels, size_t batches = 20);

}  // namespace tengerim
