#pragma once
// A progress bar on stderr for long runs: shown when stderr is a terminal
// (and the run lasts long enough to need it) or when asked for with
// --progress; redrawn at most every 0.1 s so that it costs nothing.
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

namespace tengerim {

class ProgressBar {
 public:
  // `forced`: --progress, show it whatever stderr is, from the first update.
  ProgressBar(std::string label, bool forced, std::FILE* out = stderr);
  // `done` of `total` units; the last call (done == total) ends the line.
  void update(size_t done, size_t total);
  bool shown() const { return shown_; }
  // False when it can never show (not asked for, stderr not a terminal): callers may skip updates.
  bool enabled() const { return forced_ || terminal_; }

 private:
  using Clock = std::chrono::steady_clock;
  void draw(size_t done, size_t total, double seconds);

  std::string label_;
  bool forced_ = false;
  bool terminal_ = false;
  bool shown_ = false;
  std::FILE* out_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_{};
};

}  // namespace tengerim
