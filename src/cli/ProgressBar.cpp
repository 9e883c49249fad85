#include "cli/ProgressBar.h"

#include <fmt/format.h>
#include <unistd.h>

namespace tengerim {
namespace {

constexpr double kRedrawSeconds = 0.1;
constexpr double kTerminalDelaySeconds = 0.5;  // quick runs on a terminal print nothing
constexpr size_t kWidth = 30;

}  // namespace

ProgressBar::ProgressBar(std::string label, bool forced, std::FILE* out)
    : label_(std::move(label)), forced_(forced), terminal_(isatty(fileno(out)) != 0), out_(out) {}

void ProgressBar::update(size_t done, size_t total) {
  if (!forced_ && !terminal_) return;
  auto now = Clock::now();
  double seconds = std::chrono::duration<double>(now - start_).count();
  bool last = done >= total;
  if (!forced_ && !shown_ && seconds < kTerminalDelaySeconds) return;
  if (shown_ && !last && std::chrono::duration<double>(now - last_).count() < kRedrawSeconds) return;
  last_ = now;
  draw(done, total, seconds);
}

void ProgressBar::draw(size_t done, size_t total, double seconds) {
  double fraction = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
  size_t filled = static_cast<size_t>(fraction * static_cast<double>(kWidth));
  std::string bar = std::string(filled, '#') + std::string(kWidth - filled, '-');
  std::string line = fmt::format("\r{} [{}] {:3d}%  {}/{}  {:.1f} s", label_, bar,
                                 static_cast<int>(fraction * 100), done, total, seconds);
  if (done >= total) line += "\n";
  std::fputs(line.c_str(), out_);
  std::fflush(out_);
  shown_ = true;
}

}  // namespace tengerim
