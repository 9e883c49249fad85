#pragma once
// How fragile a bargaining forecast is: rerun the model with every capability
// and salience jittered within +-jitter (relative, clipped to [0, 1]) and every
// position moved by up to +-jitter times the issue's span of positions (clipped
// to that span: the scale has no meaning beyond its stakeholders' extremes),
// and report the distribution of the forecast mean and median. A draw that
// cycles counts at the middle of its cycle's range (BargainRun::forecast).
//
// Seeds: draw d (0-based) uses its own std::mt19937_64 seeded with
// splitmix64(splitmix64(seed) + d), so every draw is reproducible on its own
// and results never depend on the order or thread the draws run in.
#include <cstdint>
#include <vector>

#include "model/StakeholderSet.h"
#include "policy/BargainingOptions.h"

namespace tengerim {

struct SensitivityOptions {
  static constexpr std::uint64_t kDefaultSeed = 20110401;  // fixed; never the clock
  int draws = 0;                      // reruns; 0 = no sensitivity run, at most 100000
  std::uint64_t seed = kDefaultSeed;  // master seed, recorded in the output
  double jitter = 0.10;               // relative half-width: each value times U[1 - jitter, 1 + jitter]

  void validate() const;  // fails (OptionError, bargain.sensitivity)
};

struct Distribution {
  double mean = 0, sd = 0, min = 0, p05 = 0, p25 = 0, p50 = 0, p75 = 0, p95 = 0, max = 0;
  static Distribution of(std::vector<double> values);  // percentiles linearly interpolated
};

struct SensitivityResult {
  SensitivityOptions options;
  std::vector<double> final_means;    // by draw index
  std::vector<double> final_medians;  // by draw index
  int cycling = 0;                    // draws whose run ends in a cycle of 2 or more rounds
  Distribution mean;
  Distribution median;
};

std::uint64_t splitmix64(std::uint64_t value);
// The issue of draw `draw`: capabilities, saliences and positions jittered.
StakeholderSet jittered_issue(const StakeholderSet& issue, const SensitivityOptions& options, std::uint64_t draw);
SensitivityResult run_sensitivity(const StakeholderSet& issue, const BargainingOptions& bargaining,
                                  const SensitivityOptions& options);

}  // namespace tengerim
