#pragma once
// Lets a long run stop early: a caller (Ctrl-C in the Python module, a server
// whose client has gone, a time limit) asks for cancellation, and the run's
// stages call check() between units of work. check() throws Cancelled, which
// the front end answers for what it is: a time limit, or nobody to answer.
#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

namespace tengerim {

class Cancelled : public std::runtime_error {
 public:
  enum class Reason { Requested, TimeLimit };
  Cancelled(Reason reason, const std::string& what) : std::runtime_error(what), reason_(reason) {}
  Reason reason() const { return reason_; }

 private:
  Reason reason_;
};

class CancelToken {
 public:
  using Clock = std::chrono::steady_clock;

  void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
  void set_deadline(Clock::time_point deadline) { deadline_ = deadline; }
  // Asked now and then by check(): returns true when the run should stop (e.g. the client has gone).
  void set_probe(std::function<bool()> probe) { probe_ = std::move(probe); }

  bool cancelled() const;
  // Throws Cancelled when cancel() was called, the deadline has passed or the probe says stop.
  void check() const;

 private:
  std::atomic<bool> cancelled_{false};
  std::optional<Clock::time_point> deadline_;
  std::function<bool()> probe_;
};

}  // namespace tengerim
