#pragma once
// Named, timed stages of a run (load, validate, measure, report...), printed by
// --profile and kept out of results so that two runs compare equal.
#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace tengerim {

class StageTimer {
 public:
  // Ends the current stage (if any) and starts `name`.
  void start(const std::string& name);
  void stop();
  const std::vector<std::pair<std::string, double>>& seconds() const { return stages_; }
  std::string table() const;

 private:
  using Clock = std::chrono::steady_clock;
  std::vector<std::pair<std::string, double>> stages_;
  std::string current_;
  Clock::time_point started_;
};

}  // namespace tengerim
