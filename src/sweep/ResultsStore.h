#pragma once
// The results store of a sweep (docs/sweep.md): one SQLite file in WAL mode
// with a row per plan (its index, run, design point, status ok or error, the
// error, the run's summary and its figures as JSON). Only one writer (rank 0,
// the main thread) writes, in batches, each batch one transaction: a killed
// sweep leaves whole batches and nothing half-written, and --resume runs only
// the plans with no row.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

struct sqlite3;

namespace tengerim {

enum class PlanStatus { Ok, Error };

struct PlanResult {
  size_t index = 0;
  size_t run = 0;
  std::optional<size_t> point;
  PlanStatus status = PlanStatus::Ok;
  std::string error;    // "" when ok
  std::string summary;  // JSON: the run's summary (no times), with the plan's index and point
  std::string figures;  // JSON: "null" when the plan failed
};

struct StoreStatus {
  size_t total = 0;
  size_t ok = 0;
  size_t failed = 0;
  std::string plan_file;
  std::string plan_hash;
  size_t stored() const { return ok + failed; }
};

class ResultsStore {
 public:
  // Creates a store for a plan (fails when `path` exists), or opens one to resume
  // (fails unless it was made for a plan with this hash).
  static ResultsStore create(const std::string& path, const std::string& plan_file, const std::string& plan_hash,
                             size_t total, uint64_t seed);
  static ResultsStore resume(const std::string& path, const std::string& plan_file, const std::string& plan_hash,
                             size_t total, uint64_t seed);
  // Opens a store to read it (--status, tests).
  static ResultsStore open_read(const std::string& path);

  ResultsStore(ResultsStore&& other) noexcept;
  ResultsStore& operator=(ResultsStore&&) = delete;
  ResultsStore(const ResultsStore&) = delete;
  ~ResultsStore();

  // The indices that have a row.
  std::set<size_t> stored() const;
  // Writes the rows in one transaction: all of them or none.
  void write(const std::vector<PlanResult>& batch);
  StoreStatus status() const;
  // Every row, ordered by index, one line each (tab-separated): the canonical dump that
  // two stores of the same plan compare by.
  std::string dump() const;

 private:
  ResultsStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  static ResultsStore open(const std::string& path, bool create);
  void exec(const std::string& sql) const;
  void initialise(const std::string& plan_file, const std::string& plan_hash, size_t total, uint64_t seed);
  std::optional<std::string> meta(const std::string& key) const;

  sqlite3* db_ = nullptr;
  std::string path_;
};

const char* to_string(PlanStatus status);

}  // namespace tengerim
