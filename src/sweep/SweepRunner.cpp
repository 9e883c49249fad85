#include "sweep/SweepRunner.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <mutex>
#include <thread>

#include "common/Error.h"

namespace tengerim {
namespace {

using Clock = std::chrono::steady_clock;

ClusterFactory g_cluster_factory = nullptr;

// The plans still to run, handed out in blocks, and the results on their way to the store.
class Coordinator {
 public:
  Coordinator(std::vector<size_t> todo, size_t block) : todo_(std::move(todo)), block_(std::max<size_t>(block, 1)) {}

  std::vector<size_t> next() {
    std::lock_guard lock(mutex_);
    if (stopped_ || cursor_ >= todo_.size()) return {};
    const size_t end = std::min(todo_.size(), cursor_ + block_);
    std::vector<size_t> block(todo_.begin() + static_cast<std::ptrdiff_t>(cursor_),
                              todo_.begin() + static_cast<std::ptrdiff_t>(end));
    cursor_ = end;
    return block;
  }
  void accept(std::vector<PlanResult> results) {
    {
      std::lock_guard lock(mutex_);
      for (auto& result : results) pending_.push_back(std::move(result));
    }
    wake_.notify_one();
  }
  void worker_failed(std::exception_ptr error) {
    {
      std::lock_guard lock(mutex_);
      if (!failure_) failure_ = error;
      stopped_ = true;
    }
    wake_.notify_one();
  }
  void worker_done() {
    {
      std::lock_guard lock(mutex_);
      ++finished_workers_;
    }
    wake_.notify_one();
  }
  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
  }

  // Waits up to `wait` for results; takes them when `flush` says so (or when `all`).
  struct Taken {
    std::vector<PlanResult> rows;
    size_t finished_workers = 0;
    std::exception_ptr failure;
  };
  Taken take(std::chrono::microseconds wait, const std::function<bool(size_t)>& flush) {
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, wait);
    Taken taken;
    taken.finished_workers = finished_workers_;
    taken.failure = failure_;
    if (flush(pending_.size())) taken.rows.swap(pending_);
    return taken;
  }

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<size_t> todo_;
  size_t block_;
  size_t cursor_ = 0;
  bool stopped_ = false;
  std::vector<PlanResult> pending_;
  size_t finished_workers_ = 0;
  std::exception_ptr failure_;
};

// Joins the worker threads however the coordinator leaves (a store that fails to write stops them).
struct Workers {
  Coordinator& coordinator;
  std::vector<std::thread> threads;
  ~Workers() {
    coordinator.stop();
    for (auto& thread : threads)
      if (thread.joinable()) thread.join();
  }
};

void put_u64(std::string& out, uint64_t value) {
  char bytes[8];
  std::memcpy(bytes, &value, 8);
  out.append(bytes, 8);
}

void put_text(std::string& out, const std::string& text) {
  put_u64(out, text.size());
  out += text;
}

class Reader {
 public:
  explicit Reader(const std::string& bytes) : bytes_(bytes) {}
  bool done() const { return at_ == bytes_.size(); }
  uint64_t u64() {
    need(8);
    uint64_t value = 0;
    std::memcpy(&value, bytes_.data() + at_, 8);
    at_ += 8;
    return value;
  }
  std::string text() {
    const uint64_t size = u64();
    need(size);
    std::string out = bytes_.substr(at_, size);
    at_ += size;
    return out;
  }

 private:
  void need(uint64_t size) const {
    if (bytes_.size() - at_ < size) throw Error(ErrorKind::Internal, {}, "a sweep message ends early");
  }
  const std::string& bytes_;
  size_t at_ = 0;
};

}  // namespace

SweepOutcome run_sweep(const SweepPlan& plan, const PlanEvaluator& evaluator, const SweepSettings& settings,
                       Cluster* cluster) {
  const auto start = Clock::now();
  ResultsStore store = settings.resume
                           ? ResultsStore::resume(settings.store, plan.file, plan.hash, plan.total, plan.seed)
                           : ResultsStore::create(settings.store, plan.file, plan.hash, plan.total, plan.seed);
  const std::set<size_t> stored = store.stored();
  std::vector<size_t> todo;
  for (size_t index = 0; index < plan.total; ++index)
    if (!stored.count(index)) todo.push_back(index);
  SweepOutcome outcome;
  outcome.planned = plan.total;
  outcome.skipped = plan.total - todo.size();

  Coordinator coordinator(std::move(todo), settings.block);
  const size_t local = std::max<size_t>(settings.threads, 1);
  {
    Workers workers{coordinator, {}};
    for (size_t t = 0; t < local; ++t)
      workers.threads.emplace_back([&coordinator, &evaluator] {
        try {
          for (auto block = coordinator.next(); !block.empty(); block = coordinator.next()) {
            std::vector<PlanResult> results;
            for (size_t index : block) results.push_back(evaluator.evaluate(index));
            coordinator.accept(std::move(results));
          }
          coordinator.worker_done();
        } catch (...) {
          coordinator.worker_failed(std::current_exception());
        }
      });
    bool remote = cluster && cluster->size() > 1;
    auto last_write = Clock::now();
    const auto next = [&coordinator] { return coordinator.next(); };
    const auto accept = [&coordinator](std::vector<PlanResult> results) { coordinator.accept(std::move(results)); };
    for (;;) {
      if (remote) remote = cluster->serve(next, accept);
      bool everyone_done = false;
      const auto wait = remote ? std::chrono::microseconds(200) : std::chrono::microseconds(20000);
      auto taken = coordinator.take(wait, [&](size_t waiting) {
        return waiting >= settings.flush_rows ||
               std::chrono::duration<double>(Clock::now() - last_write).count() >= settings.flush_seconds;
      });
      if (taken.failure) std::rethrow_exception(taken.failure);
      everyone_done = taken.finished_workers == local && !remote;
      if (everyone_done && taken.rows.empty())  // a last look: results accepted after the flush test
        taken = coordinator.take(std::chrono::microseconds(0), [](size_t) { return true; });
      if (!taken.rows.empty()) {
        std::sort(taken.rows.begin(), taken.rows.end(),
                  [](const PlanResult& a, const PlanResult& b) { return a.index < b.index; });
        const auto write_start = Clock::now();
        store.write(taken.rows);
        last_write = Clock::now();
        outcome.write_seconds += std::chrono::duration<double>(last_write - write_start).count();
        for (const auto& row : taken.rows) outcome.written_bytes += row.summary.size() + row.figures.size();
        outcome.ran += taken.rows.size();
        for (const auto& row : taken.rows) outcome.failed += row.status == PlanStatus::Error ? 1 : 0;
      }
      if (everyone_done && taken.rows.empty()) break;
    }
  }
  outcome.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return outcome;
}

void serve_sweep(const PlanEvaluator& evaluator, Cluster& cluster) {
  std::vector<PlanResult> done;
  for (auto block = cluster.exchange(done); !block.empty(); block = cluster.exchange(done)) {
    done.clear();
    for (size_t index : block) done.push_back(evaluator.evaluate(index));
  }
}

void set_cluster_factory(ClusterFactory factory) { g_cluster_factory = factory; }

bool launched_by_mpirun() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK"})
    if (std::getenv(name)) return true;
  return false;
}

std::unique_ptr<Cluster> make_cluster() {
  if (g_cluster_factory) return g_cluster_factory();
  // Without MPI each rank would run the whole plan into the same store.
  const char* size = std::getenv("OMPI_COMM_WORLD_SIZE");
  if (!size) size = std::getenv("PMI_SIZE");
  if (size && std::string(size) != "1")
    fail_input({}, "started by mpirun on " + std::string(size) +
                       " ranks, but this tengerim was built without MPI (TENGERIM_MPI off): run it without mpirun, "
                       "on threads");
  return nullptr;
}

std::string pack_results(const std::vector<PlanResult>& results) {
  std::string out;
  for (const auto& result : results) {
    put_u64(out, result.index);
    put_u64(out, result.run);
    put_u64(out, result.point ? *result.point + 1 : 0);
    put_u64(out, result.status == PlanStatus::Ok ? 0 : 1);
    put_text(out, result.error);
    put_text(out, result.summary);
    put_text(out, result.figures);
  }
  return out;
}

std::vector<PlanResult> unpack_results(const std::string& bytes) {
  std::vector<PlanResult> out;
  Reader in(bytes);
  while (!in.done()) {
    PlanResult result;
    result.index = in.u64();
    result.run = in.u64();
    if (const uint64_t point = in.u64(); point > 0) result.point = point - 1;
    result.status = in.u64() == 0 ? PlanStatus::Ok : PlanStatus::Error;
    result.error = in.text();
    result.summary = in.text();
    result.figures = in.text();
    out.push_back(std::move(result));
  }
  return out;
}

}  // namespace tengerim
