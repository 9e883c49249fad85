#include "sweep/ResultsStore.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <filesystem>

#include "common/Error.h"

namespace tengerim {
namespace {

constexpr const char* kSchemaVersion = "1";

// A prepared statement, finalised on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql, const std::string& path) : db_(db), path_(path) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement_, nullptr) != SQLITE_OK) fail("prepare");
  }
  ~Statement() { sqlite3_finalize(statement_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void bind(int column, int64_t value) { check(sqlite3_bind_int64(statement_, column, value)); }
  void bind_null(int column) { check(sqlite3_bind_null(statement_, column)); }
  void bind(int column, const std::string& text) {
    check(sqlite3_bind_text(statement_, column, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
  }
  bool step() {
    const int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) return true;
    if (code != SQLITE_DONE) fail("step");
    return false;
  }
  void reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  int64_t integer(int column) const { return sqlite3_column_int64(statement_, column); }
  bool is_null(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }
  std::string text(int column) const {
    const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    return bytes ? std::string(bytes, static_cast<size_t>(sqlite3_column_bytes(statement_, column))) : std::string();
  }

 private:
  void check(int code) {
    if (code != SQLITE_OK) fail("bind");
  }
  [[noreturn]] void fail(const char* what) { fail_io(path_, fmt::format("results store ({}): {}", what, sqlite3_errmsg(db_))); }
  sqlite3* db_;
  const std::string& path_;
  sqlite3_stmt* statement_ = nullptr;
};

// The dump's error column on one line: backslash, tab and newline escaped (the JSON columns have none).
std::string one_line(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

}  // namespace

const char* to_string(PlanStatus status) { return status == PlanStatus::Ok ? "ok" : "error"; }

ResultsStore ResultsStore::open(const std::string& path, bool create) {
  sqlite3* db = nullptr;
  const int flags = create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READWRITE;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    fail_io(path, "cannot open the results store: " + message);
  }
  ResultsStore store(db, path);
  sqlite3_busy_timeout(db, 10000);
  // WAL: readers (--status) never block the writer; NORMAL sync in WAL mode loses no
  // committed transaction when the process is killed (only on power loss).
  store.exec("PRAGMA journal_mode=WAL");
  store.exec("PRAGMA synchronous=NORMAL");
  return store;
}

ResultsStore::ResultsStore(ResultsStore&& other) noexcept : db_(other.db_), path_(std::move(other.path_)) {
  other.db_ = nullptr;
}

ResultsStore::~ResultsStore() {
  if (db_) sqlite3_close(db_);
}

void ResultsStore::exec(const std::string& sql) const {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    fail_io(path_, "results store: " + text);
  }
}

std::optional<std::string> ResultsStore::meta(const std::string& key) const {
  Statement has(db_, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'", path_);
  if (!has.step() || has.integer(0) == 0) return std::nullopt;
  Statement query(db_, "SELECT value FROM meta WHERE key = ?1", path_);
  query.bind(1, key);
  if (!query.step()) return std::nullopt;
  return query.text(0);
}

void ResultsStore::initialise(const std::string& plan_file, const std::string& plan_hash, size_t total, uint64_t seed) {
  // Schema and meta in one transaction: a store either has both or has neither.
  exec("BEGIN IMMEDIATE");
  exec(
      "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
      "CREATE TABLE plans (idx INTEGER PRIMARY KEY, run INTEGER NOT NULL, point INTEGER, "
      "status TEXT NOT NULL CHECK (status IN ('ok', 'error')), error TEXT NOT NULL, summary TEXT NOT NULL, "
      "figures TEXT NOT NULL)");
  Statement insert(db_, "INSERT INTO meta (key, value) VALUES (?1, ?2)", path_);
  for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
           {"schema_version", kSchemaVersion},
           {"plan_file", plan_file},
           {"plan_hash", plan_hash},
           {"total", std::to_string(total)},
           {"seed", std::to_string(seed)}}) {
    insert.bind(1, key);
    insert.bind(2, value);
    insert.step();
    insert.reset();
  }
  exec("COMMIT");
}

ResultsStore ResultsStore::create(const std::string& path, const std::string& plan_file, const std::string& plan_hash,
                                  size_t total, uint64_t seed) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec))
    fail_io(path, "the results store exists: resume it (sweep.resume), or name another store (sweep.out)");
  ResultsStore store = open(path, true);
  store.initialise(plan_file, plan_hash, total, seed);
  return store;
}

ResultsStore ResultsStore::resume(const std::string& path, const std::string& plan_file, const std::string& plan_hash,
                                  size_t total, uint64_t seed) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) fail_io(path, "no results store to resume");
  ResultsStore store = open(path, false);
  auto hash = store.meta("plan_hash");
  if (!hash) {
    // Killed before its first transaction: an empty SQLite file (anything else is not ours).
    Statement tables(store.db_, "SELECT count(*) FROM sqlite_master", store.path_);
    if (!tables.step() || tables.integer(0) != 0)
      fail_io(path, "not a sweep results store (no plan recorded): name another store (sweep.out)");
    store.initialise(plan_file, plan_hash, total, seed);
    hash = plan_hash;
  }
  if (*hash != plan_hash)
    fail_io(path, "the results store was made for another plan (" + store.meta("plan_file").value_or("?") +
                      ", " + *hash + "): resume it with that plan, or name another store (sweep.out)");
  if (store.meta("total") != std::to_string(total))
    fail_io(path, "the results store's plan count differs from the plan's");
  return store;
}

ResultsStore ResultsStore::open_read(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) fail_io(path, "no such results store");
  ResultsStore store = open(path, false);
  if (!store.meta("plan_hash")) fail_io(path, "not a sweep results store (no plan recorded)");
  return store;
}

std::set<size_t> ResultsStore::stored() const {
  std::set<size_t> out;
  Statement query(db_, "SELECT idx FROM plans", path_);
  while (query.step()) out.insert(static_cast<size_t>(query.integer(0)));
  return out;
}

void ResultsStore::write(const std::vector<PlanResult>& batch) {
  if (batch.empty()) return;
  exec("BEGIN IMMEDIATE");
  try {
    Statement insert(db_,
                     "INSERT INTO plans (idx, run, point, status, error, summary, figures) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                     path_);
    for (const auto& row : batch) {
      insert.bind(1, static_cast<int64_t>(row.index));
      insert.bind(2, static_cast<int64_t>(row.run));
      if (row.point) insert.bind(3, static_cast<int64_t>(*row.point));
      else insert.bind_null(3);
      insert.bind(4, std::string(to_string(row.status)));
      insert.bind(5, row.error);
      insert.bind(6, row.summary);
      insert.bind(7, row.figures);
      insert.step();
      insert.reset();
    }
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

StoreStatus ResultsStore::status() const {
  StoreStatus status;
  status.total = static_cast<size_t>(std::stoull(meta("total").value_or("0")));
  status.plan_file = meta("plan_file").value_or("");
  status.plan_hash = meta("plan_hash").value_or("");
  Statement query(db_, "SELECT status, count(*) FROM plans GROUP BY status", path_);
  while (query.step()) (query.text(0) == "ok" ? status.ok : status.failed) = static_cast<size_t>(query.integer(1));
  return status;
}

std::string ResultsStore::dump() const {
  std::string out;
  Statement query(db_, "SELECT idx, run, point, status, error, summary, figures FROM plans ORDER BY idx", path_);
  while (query.step())
    out += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\n", query.integer(0), query.integer(1),
                       query.is_null(2) ? std::string("-") : std::to_string(query.integer(2)), query.text(3),
                       one_line(query.text(4)), query.text(5), query.text(6));
  return out;
}

}  // namespace tengerim
