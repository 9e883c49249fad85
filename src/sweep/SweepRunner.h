#pragma once
// Runs the plans of a sweep that have no row in the store yet: one code path
// for threads and for MPI ranks (docs/sweep.md). The coordinator (the main
// thread of rank 0) hands the plans out in blocks on demand, to its own worker
// threads and, through a Cluster (sweep/MpiSweep.h), to the other ranks; the
// results come back to it, and it alone writes them to the store, in batches.
// Which worker computes a plan changes nothing in its row.
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sweep/PlanEvaluator.h"
#include "sweep/ResultsStore.h"

namespace tengerim {

// The other ranks of a distributed sweep, seen from rank 0 and from a worker rank.
class Cluster {
 public:
  virtual ~Cluster() = default;
  virtual int rank() const = 0;
  virtual int size() const = 0;
  // Rank 0: handles the requests waiting (never blocks): gives each asking rank the next block
  // (`next`; an empty block tells it to stop) and passes the results it sent to `accept`.
  // Returns false once every other rank has been told to stop.
  virtual bool serve(const std::function<std::vector<size_t>()>& next,
                     const std::function<void(std::vector<PlanResult>)>& accept) = 0;
  // A worker rank: sends the results of its last block and waits for the next (empty: stop).
  virtual std::vector<size_t> exchange(const std::vector<PlanResult>& done) = 0;
  // Stops every rank with `code` (a failure on one rank that the others would wait on).
  [[noreturn]] virtual void abort(int code) = 0;
};

struct SweepSettings {
  std::string store;     // the results store's path
  bool resume = false;
  size_t threads = 1;    // worker threads of the coordinator
  size_t block = 16;     // plans per hand-out
  double flush_seconds = 0.5;  // the longest a result waits before it is written
  size_t flush_rows = 1024;    // or this many results
};

struct SweepOutcome {
  size_t planned = 0;  // plans in the plan file
  size_t skipped = 0;  // already stored (--resume)
  size_t ran = 0;
  size_t failed = 0;   // of those run
  double seconds = 0;
  double write_seconds = 0;  // of which the store's transactions (the single writer's load)
  size_t written_bytes = 0;  // summary and figures JSON written
};

// The coordinator's side (rank 0, or the only process). `cluster` may be null.
SweepOutcome run_sweep(const SweepPlan& plan, const PlanEvaluator& evaluator, const SweepSettings& settings,
                       Cluster* cluster);
// A worker rank's side: evaluates blocks until told to stop.
void serve_sweep(const PlanEvaluator& evaluator, Cluster& cluster);

// The MPI cluster when this process was started by mpirun and the binary has MPI
// (registered by the executable, sweep/MpiSweep.h), else null.
using ClusterFactory = std::unique_ptr<Cluster> (*)();
void set_cluster_factory(ClusterFactory factory);
// Fails when started by mpirun on several ranks and the binary has no MPI.
std::unique_ptr<Cluster> make_cluster();
// True when this process runs under mpirun (OpenMPI's or a PMI launcher's environment).
bool launched_by_mpirun();

// The bytes a result travels in between ranks, and back.
std::string pack_results(const std::vector<PlanResult>& results);
std::vector<PlanResult> unpack_results(const std::string& bytes);

}  // namespace tengerim
