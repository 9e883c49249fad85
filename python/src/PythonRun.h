#pragma once
// Runs a pipeline for Python: without the GIL (other Python threads go on),
// with a CancelToken that a progress hook trips when Python has a pending
// signal (Ctrl-C: KeyboardInterrupt) or the caller's progress callback
// raises; that exception is then what Python sees.
#include <pybind11/pybind11.h>

#include <chrono>
#include <functional>
#include <optional>

#include "common/CancelToken.h"
#include "run/Pipeline.h"

namespace tengerim {

class PythonRun {
 public:
  // `callback` (None: none) is called as callback(done, total) with the GIL held, now and then.
  explicit PythonRun(pybind11::object callback);

  // Runs `body` with the GIL released; `body` builds its pipeline with cancel_token() and progress().
  template <typename Result>
  Result run(const std::function<Result()>& body) {
    std::optional<Result> result;
    std::exception_ptr failure;
    {
      pybind11::gil_scoped_release release;
      try {
        result.emplace(body());
      } catch (...) {
        failure = std::current_exception();
      }
    }
    if (python_error_) throw std::move(*python_error_);  // KeyboardInterrupt, or the callback's own
    if (failure) std::rethrow_exception(failure);
    return std::move(*result);
  }

  const CancelToken* cancel_token() const { return &token_; }
  Pipeline::Progress progress();

 private:
  using Clock = std::chrono::steady_clock;
  void hook(size_t done, size_t total);

  pybind11::object callback_;
  CancelToken token_;
  Clock::time_point last_;
  std::optional<pybind11::error_already_set> python_error_;
};

}  // namespace tengerim
