#pragma once
// Bueno de Mesquita's expected-utility bargaining model as rebuilt by Scholz,
// Calbert & Smith (2011), from the equations in BARGAINING.md: stakeholders on
// one issue challenge, compromise and give way, round by round, all at once.
#include <optional>
#include <vector>

#include "model/StakeholderSet.h"
#include "policy/BargainRun.h"
#include "policy/BargainingOptions.h"

namespace tengerim {

class BargainingModel {
 public:
  // Takes its own copy of the issue (the description is never changed) and
  // validates `options` before any work.
  BargainingModel(StakeholderSet issue, BargainingOptions options);

  BargainRun run() const;
  // One round from `positions` (before the round); `number` is 1-based.
  BargainRound round(int number, const std::vector<double>& positions) const;

  // mu = sum c s x / sum c s.
  double weighted_mean(const std::vector<double>& positions) const;
  // The Condorcet winner among the held positions under linear preferences
  // (r = 1); among several unbeaten positions, the lowest.
  double median(const std::vector<double>& positions) const;

  // The latest earlier state equal to `positions` (after round history.size()), if any.
  static std::optional<BargainCycle> find_repetition(const std::vector<std::vector<double>>& history,
                                                     const std::vector<double>& positions,
                                                     const std::vector<BargainRound>& rounds);

  const StakeholderSet& issue() const { return issue_; }
  const BargainingOptions& options() const { return options_; }

 private:
  StakeholderSet issue_;
  BargainingOptions options_;
  std::vector<double> weight_;  // c_k s_k
  double range_ = 0;            // Delta, fixed from the initial positions
};

}  // namespace tengerim
