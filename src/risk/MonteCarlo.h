#pragma once
// Monte Carlo of a scenario's shocks (MODEL.md section 4). In each draw (one
// year) shock k occurs when its Gaussian-copula variable
//   Z_k = sum_j b_kj F_j + sqrt(1 - sum_j b_kj^2) e_k
// falls below Phi^-1(p_k), with common factors F_j and e_k standard normal
// (sampled as: a uniform U_k below Phi((Phi^-1(p_k) - b_k.F) / s_k), the same
// event); its cut is then drawn from Beta(alpha_k, beta_k) (or is the
// scenario's `cut` when no severity is given). Shocks on one edge and
// [[edges]] closures with a probability are shocks like the others (the cut
// is the share of the edge's capacity lost). Draw i uses the counter-based
// streams (seed, i, 0) for the factors and (seed, i, 1 + k) for shock k, and
// writes only slot i, so results are bit-identical for any thread count.
// Approximation, stated: each shock's loss is evaluated alone (rerouting per
// shock, tabulated over the cut on a grid of 21 points and interpolated) and
// losses of co-occurring shocks add.
#include <cstdint>
#include <functional>
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
};

// Fails (invalid input, naming the scenario file, line and key) when a shock or an
// [[edges]] entry has no probability.
// `progress(done, total)` is called from the calling thread now and then; may be empty.
RiskResult simulate(const LossModel& losses, const RiskOptions& options,
                    const std::function<void(size_t, size_t)>& progress = {});

}  // namespace tengerim
