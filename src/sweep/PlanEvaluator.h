#pragma once
// Evaluates one plan of a sweep by its index: the same code on every thread
// and every rank. Each model the plan names is loaded once, when the
// evaluator is made (on each rank), and shared read-only by the threads.
#include <map>
#include <memory>

#include "measure/ObservedTies.h"
#include "run/ModelSnapshot.h"
#include "sweep/ResultsStore.h"
#include "sweep/SweepPlan.h"

namespace tengerim {

class PlanEvaluator {
 public:
  // Loads the models and checks each run's inputs (a risk run's scenario) before any plan runs;
  // a failure names the plan's file, line and field.
  explicit PlanEvaluator(const SweepPlan& plan);
  ~PlanEvaluator();

  const SweepPlan& plan() const { return plan_; }
  // Never throws for a failing plan: its error goes into the result.
  PlanResult evaluate(size_t index) const;

 private:
  struct Loaded {
    std::shared_ptr<const ModelSnapshot> snapshot;
    std::unique_ptr<ObservedTies> ties;
  };
  const Loaded& loaded(const PlanRun& run) const;

  const SweepPlan& plan_;
  std::map<std::string, Loaded> models_;  // by run.model
};

}  // namespace tengerim
