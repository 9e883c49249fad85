#include "PythonRun.h"

namespace py = pybind11;

namespace tengerim {
namespace {

// How often the hook takes the GIL: often enough for Ctrl-C to feel immediate.
constexpr auto kInterval = std::chrono::milliseconds(50);

}  // namespace

PythonRun::PythonRun(py::object callback) : callback_(std::move(callback)), last_(Clock::now()) {}

Pipeline::Progress PythonRun::progress() {
  return [this](size_t done, size_t total) { hook(done, total); };
}

void PythonRun::hook(size_t done, size_t total) {
  const auto now = Clock::now();
  if (now - last_ < kInterval && done < total) return;
  last_ = now;
  py::gil_scoped_acquire acquire;
  try {
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    if (!callback_.is_none()) callback_(done, total);
  } catch (py::error_already_set& error) {
    python_error_.emplace(std::move(error));
    token_.cancel();
    throw Cancelled(Cancelled::Reason::Requested, "interrupted from Python");
  }
}

}  // namespace tengerim
