#pragma once
// Monte Carlo of a scenario's shocks (docs/model.md §4): in each draw (one
// year) each shock occurs or not by a Gaussian copula with common factors, and
// its cut is drawn from Beta(alpha_k, beta_k) (or is the scenario's `cut` when
// no severity is given); risk/DrawSampler.h has the sampling. Shocks on one
// edge and [[edges]] closures with a probability are shocks like the others
// (the cut is the share of the edge's capacity lost). Draw i takes all its
// numbers from counter-based streams keyed by (seed, i), and blocks of draws
// are combined in block order (risk/DrawBlocks.h), so results are
// bit-identical for any thread count.
// Approximation, stated: each shock's loss is evaluated alone (rerouting per
// shock, tabulated over the cut on a grid of 21 points and interpolated) and
// losses of co-occurring shocks add.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "risk/LossModel.h"
#include "risk/TailRisk.h"

namespace tengerim {

struct RiskOptions {
  size_t draws = 100000;               // positive
  uint64_t seed = 20240101;            // master seed; fixed default, never the clock
  size_t threads = 1;                  // positive; results do not depend on it
  std::vector<double> levels{0.95, 0.99};  // VaR/CVaR levels, each in (0, 1)
  bool keep_cuts = false;              // fill RiskResult::cuts (the portfolio optimiser reuses the draws)
};

struct RiskResult {
  LossSummary summary;               // total weighted propagated loss; parts = model directions
  std::vector<std::string> parts;    // direction ids, in model order
  double mean_direct = 0;            // mean total weighted direct loss
  std::vector<double> cuts;          // keep_cuts: draws x shocks, draw i's cut of shock k; -1 = did not occur
  std::vector<double> occurrence;    // per shock: share of draws in which it occurred
  // With money weights: the same draws' loss in US dollars (risk/MoneyLoss.h),
  // summarised on its own distribution (its own quantiles and tails); parts = directions.
  std::optional<LossSummary> money;
};

// Fails (invalid input, naming the scenario file, line and key) when a shock or an
// [[edges]] entry has no probability.
// `progress(done, total)` is called from the calling thread now and then; may be empty.
// `money_per_direct` (one per model domain, or empty): US dollars per unit of
// direct loss; each shock's money is tabulated from the same routings and the
// same draws are summarised again in dollars.
RiskResult simulate(const LossModel& losses, const RiskOptions& options,
                    const std::function<void(size_t, size_t)>& progress = {},
                    std::span<const double> money_per_direct = {});

}  // namespace tengerim
