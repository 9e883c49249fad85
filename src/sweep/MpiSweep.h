#pragma once
// The one class that owns MPI (OpenMPI): compiled only when CMake finds MPI
// (TENGERIM_MPI), linked only into the `tengerim` executable (never into the
// Python module), and used only when the process was started by mpirun. Rank 0
// is the coordinator of sweep/SweepRunner.h; every other rank asks it for
// blocks of plans and sends back their results. Only the main thread of a rank
// calls MPI (MPI_THREAD_FUNNELED): rank 0's worker threads never do.
#include <memory>

#include "sweep/SweepRunner.h"

namespace tengerim {

class MpiSweep final : public Cluster {
 public:
  MpiSweep();
  ~MpiSweep() override;
  MpiSweep(const MpiSweep&) = delete;
  MpiSweep& operator=(const MpiSweep&) = delete;

  int rank() const override { return rank_; }
  int size() const override { return size_; }
  bool serve(const std::function<std::vector<size_t>()>& next,
             const std::function<void(std::vector<PlanResult>)>& accept) override;
  std::vector<size_t> exchange(const std::vector<PlanResult>& done) override;
  [[noreturn]] void abort(int code) override;

 private:
  int rank_ = 0;
  int size_ = 1;
  int stopped_ = 0;  // rank 0: ranks told to stop
};

// Registers MpiSweep as the cluster of `tengerim sweep` (sweep/SweepRunner.h, make_cluster).
void register_mpi_sweep();

}  // namespace tengerim
