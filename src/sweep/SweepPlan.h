#pragma once
// A sweep plan (docs/sweep.md): a master seed and a list of runs, each a
// registry command with its options, expanded into plans keyed by a global
// index. A run with a sensitivity of N draws (report.sensitivity) is N plans,
// plan i evaluating point i of one joint Latin hypercube design drawn from the
// master seed (the design `report --sensitivity N --seed SEED` computes its
// bands over); `draws = [first, last]` keeps only those points. Any other
// random stream of a plan (a risk run's Monte Carlo seed) is plan_seed().
// Every option is checked through the option registry when the plan is read,
// before any work, and a bad one names the plan's file, line and field.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/Error.h"
#include "run/RunOptions.h"

namespace tengerim {

struct PlanRun {
  std::string command;          // "report", "risk"
  RunOptions options;           // checked; run.seed is the master seed
  Location where;               // the run's [[runs]] table, for messages
  std::map<std::string, Location> given;  // registry key -> where the plan sets it
  std::string sensitivity_key;  // "report.sensitivity" when the command takes one, else ""
  size_t design_points = 0;     // N of the design (0: the run is one plan without a design)
  size_t first_point = 0;       // the points kept: [first_point, first_point + plans)
  size_t plans = 1;
  size_t first_index = 0;       // global index of the run's first plan
};

// Where one plan sits in its plan file.
struct PlanSlot {
  size_t run = 0;
  std::optional<size_t> point;  // its design point, when the run has a design
};

struct SweepPlan {
  std::string file;
  std::string hash;  // content hash of the plan's text: a store resumes only the plan it was made for
  uint64_t seed = 0;
  std::vector<PlanRun> runs;
  size_t total = 0;

  PlanSlot slot(size_t index) const;  // index < total
};

// The commands a plan may run.
const std::vector<std::string>& sweep_commands();

SweepPlan read_sweep_plan(const std::string& path);
SweepPlan parse_sweep_plan(const std::string& text, const std::string& file, const std::string& base_dir);

// The Monte Carlo seed of plan `index` (docs/sweep.md): the first number of the
// counter stream CounterRng(master, index, 2^33), a function of the master seed
// and the plan's index only.
uint64_t plan_seed(uint64_t master, size_t index);

}  // namespace tengerim
