#pragma once
// The one way a run is carried out, whatever the front end: options checked
// before any work, the model loaded once into an immutable snapshot (or a
// snapshot loaded before, as the server does), then named, timed, cancellable
// stages, and a RunSummary at the end. The run for each command is a function
// over a Pipeline (run/ReportRun.h, run/RiskRun.h, ...); the front ends call it
// and then a renderer in report/.
#include <functional>
#include <memory>
#include <string>

#include "common/CancelToken.h"
#include "common/StageTimer.h"
#include "run/ModelSnapshot.h"
#include "run/RunOptions.h"
#include "run/RunSummary.h"

namespace tengerim {

class Pipeline {
 public:
  using Progress = std::function<void(size_t done, size_t total)>;

  // Checks the required options at once (OptionError). `cancel` may be null.
  explicit Pipeline(RunOptions options, const CancelToken* cancel = nullptr, Progress progress = {});

  const RunOptions& options() const { return options_; }
  const CancelToken* cancel_token() const { return cancel_; }
  // For long loops: reports progress (when the front end asked for it) and stops when cancelled.
  void tick(size_t done, size_t total) const;
  // tick() as a callback for the engine's long loops; empty when nobody listens (no pauses then).
  std::function<void(size_t, size_t)> ticker() const;

  // Ends the current stage and starts `name`, after checking for cancellation.
  void stage(const std::string& name);

  // Reads, validates and measures the model named by run.model (stages "load", "measure").
  std::shared_ptr<const ModelSnapshot> load_model();
  // Runs on a snapshot loaded before (the server's); its load is not timed again.
  void use_model(std::shared_ptr<const ModelSnapshot> snapshot);
  const ModelSnapshot& snapshot() const;
  std::shared_ptr<const ModelSnapshot> snapshot_ptr() const { return snapshot_; }

  // Records an input the run read besides the model (a scenario file, an issue), by content hash.
  void record_input(const std::string& reference, const std::string& text);
  void record_seed(uint64_t seed) { summary_.seed = seed; }

  // The summary so far (the document's "summary": its times are not part of it).
  RunSummary summary() const;
  // Ends the last stage: the summary of a run that ended well, or failed with `error`
  // (a Cancelled is "cancelled"). Front ends call it after rendering, so "render" is timed too.
  RunSummary finish();
  RunSummary fail(const std::exception& error);

  // Loads a snapshot without a run (the server at start-up, tests).
  static std::shared_ptr<const ModelSnapshot> load_snapshot(const std::string& reference);
  static std::shared_ptr<const ModelSnapshot> load_snapshot(const ModelSource& source);

 private:
  RunOptions options_;
  const CancelToken* cancel_;
  Progress progress_;
  StageTimer timer_;
  RunSummary summary_;
  std::shared_ptr<const ModelSnapshot> snapshot_;
};

}  // namespace tengerim
