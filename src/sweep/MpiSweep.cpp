#include "sweep/MpiSweep.h"

#include <mpi.h>

#include <cstdlib>

namespace tengerim {
namespace {

constexpr int kResultsTag = 1;  // worker -> rank 0: the results of its last block (empty at first)
constexpr int kBlockTag = 2;    // rank 0 -> worker: the next block of plan indices (empty: stop)

std::unique_ptr<Cluster> make_mpi_cluster() {
  if (!launched_by_mpirun()) return nullptr;
  return std::make_unique<MpiSweep>();
}

}  // namespace

MpiSweep::MpiSweep() {
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiSweep::~MpiSweep() { MPI_Finalize(); }

bool MpiSweep::serve(const std::function<std::vector<size_t>()>& next,
                     const std::function<void(std::vector<PlanResult>)>& accept) {
  for (;;) {
    int waiting = 0;
    MPI_Status status;
    MPI_Iprobe(MPI_ANY_SOURCE, kResultsTag, MPI_COMM_WORLD, &waiting, &status);
    if (!waiting) break;
    int bytes = 0;
    MPI_Get_count(&status, MPI_BYTE, &bytes);
    std::string message(static_cast<size_t>(bytes), '\0');
    MPI_Recv(message.data(), bytes, MPI_BYTE, status.MPI_SOURCE, kResultsTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    accept(unpack_results(message));
    std::vector<uint64_t> block;
    for (size_t index : next()) block.push_back(index);
    MPI_Send(block.data(), static_cast<int>(block.size()), MPI_UINT64_T, status.MPI_SOURCE, kBlockTag, MPI_COMM_WORLD);
    if (block.empty()) ++stopped_;
  }
  return stopped_ < size_ - 1;
}

std::vector<size_t> MpiSweep::exchange(const std::vector<PlanResult>& done) {
  std::string message = pack_results(done);
  MPI_Send(message.data(), static_cast<int>(message.size()), MPI_BYTE, 0, kResultsTag, MPI_COMM_WORLD);
  MPI_Status status;
  MPI_Probe(0, kBlockTag, MPI_COMM_WORLD, &status);
  int count = 0;
  MPI_Get_count(&status, MPI_UINT64_T, &count);
  std::vector<uint64_t> block(static_cast<size_t>(count));
  MPI_Recv(block.data(), count, MPI_UINT64_T, 0, kBlockTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  return {block.begin(), block.end()};
}

void MpiSweep::abort(int code) {
  MPI_Abort(MPI_COMM_WORLD, code);
  std::exit(code);
}

void register_mpi_sweep() { set_cluster_factory(&make_mpi_cluster); }

}  // namespace tengerim
