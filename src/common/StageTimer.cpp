#include "common/StageTimer.h"

#include <fmt/format.h>

namespace tengerim {

void StageTimer::start(const std::string& name) {
  stop();
  current_ = name;
  started_ = Clock::now();
}

void StageTimer::stop() {
  if (current_.empty()) return;
  stages_.emplace_back(current_, std::chrono::duration<double>(Clock::now() - started_).count());
  current_.clear();
}

std::string StageTimer::table() const {
  std::string out = fmt::format("{:<12} {:>10}\n", "stage", "seconds");
  double total = 0;
  for (const auto& [name, seconds] : stages_) {
    out += fmt::format("{:<12} {:>10.6f}\n", name, seconds);
    total += seconds;
  }
  out += fmt::format("{:<12} {:>10.6f}\n", "total", total);
  return out;
}

}  // namespace tengerim
