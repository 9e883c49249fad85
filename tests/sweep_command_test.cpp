// `tengerim sweep` end to end: the same store for any thread count and any
// number of MPI ranks, stored figures that equal the report's bands and a
// single run's figures, a killed sweep resumed to the same store, a failing
// plan stored with its error, bad plan files named by file, line and field.
#include <gtest/gtest.h>
#include <signal.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "TestSupport.h"
#include "common/CounterRng.h"
#include "common/Error.h"
#include "sweep/ResultsStore.h"

extern char** environ;

namespace tengerim {
namespace {

using nlohmann::json;
using testing::make_temp_dir;
using testing::run_tengerim;
using testing::write_text;

// 240 design points of the built-in model's sheet, two risk runs (each one plan), a report
// that fails at run time (a year the model has no data for) and a plain report: 244 plans.
const std::string kPlan = R"(seed = 7
[[runs]]
command = "report"
model = "builtin:kaz"
sensitivity = 240

[[runs]]
command = "risk"
draws = 2000

[[runs]]
command = "risk"
draws = 2000

[[runs]]
command = "report"
year = 1990

[[runs]]
command = "report"
)";
constexpr size_t kPlans = 244;

struct Row {
  size_t index = 0;
  size_t run = 0;
  std::string point;
  std::string status, error;
  json summary, figures;
};

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start)) {
    parts.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  parts.push_back(line.substr(start));
  return parts;
}

std::string dump_of(const std::string& store) { return ResultsStore::open_read(store).dump(); }

std::vector<Row> rows_of(const std::string& store) {
  std::vector<Row> rows;
  for (const auto& line : testing::split_lines(dump_of(store))) {
    const auto parts = split_tabs(line);
    EXPECT_EQ(parts.size(), 7u) << line;
    if (parts.size() != 7) continue;
    rows.push_back({std::stoul(parts[0]), std::stoul(parts[1]), parts[2], parts[3], parts[4], json::parse(parts[5]),
                    json::parse(parts[6])});
  }
  return rows;
}

std::string plan_file(const std::string& name, const std::string& text) {
  const std::string dir = make_temp_dir("sweep-" + name);
  write_text(dir + "/plan.toml", text);
  return dir + "/plan.toml";
}

// The store of kPlan on one thread, made once.
const std::string& baseline_store() {
  static const std::string store = [] {
    const std::string plan = plan_file("baseline", kPlan);
    const std::string out = std::filesystem::path(plan).parent_path() / "baseline.sqlite";
    auto result = run_tengerim({"sweep", plan, "--out", out, "--threads", "1"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return out;
  }();
  return store;
}

TEST(SweepCommand, ThreadCountsAndBlockSizesGiveTheSameStore) {
  const std::string& baseline = baseline_store();
  const std::string baseline_dump = dump_of(baseline);
  EXPECT_EQ(testing::split_lines(baseline_dump).size(), kPlans);
  const std::string plan = plan_file("threads", kPlan);
  const std::string out = plan + ".two.sqlite";
  auto two = run_tengerim({"sweep", plan, "--out", out, "--threads", "2", "--block", "5"});
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_EQ(dump_of(out), baseline_dump);
}

TEST(SweepCommand, OneTwoAndFourMpiRanksGiveTheSameStore) {
  if (!TENGERIM_TEST_MPI) GTEST_SKIP() << "this build has no MPI (TENGERIM_MPI off): sweeps run on threads only";
  const std::string baseline_dump = dump_of(baseline_store());
  for (const char* ranks : {"1", "2", "4"}) {
    const std::string plan = plan_file(std::string("mpi") + ranks, kPlan);
    const std::string out = plan + ".sqlite";
    // OpenMPI leaks at exit by design: the leak checker of a sanitizer build looks away.
    auto result = testing::run_tengerim_under({"env", "ASAN_OPTIONS=detect_leaks=0", "mpirun", "--oversubscribe",
                                               "--allow-run-as-root", "-np", ranks},
                                              {"sweep", plan, "--out", out, "--block", "7"});
    ASSERT_EQ(result.exit_code, 0) << ranks << " ranks: " << result.err;
    EXPECT_NE(result.err.find("on " + std::string(ranks) + " rank(s)"), std::string::npos) << result.err;
    EXPECT_EQ(dump_of(out), baseline_dump) << ranks << " ranks";
  }
}

double quantile(std::vector<double> values, double p) {  // Hyndman and Fan type 7, as the report's bands
  std::sort(values.begin(), values.end());
  const double h = p * static_cast<double>(values.size() - 1);
  const size_t below = static_cast<size_t>(std::floor(h));
  const size_t above = std::min(below + 1, values.size() - 1);
  return values[below] + (h - static_cast<double>(below)) * (values[above] - values[below]);
}

const json* year_in(const json& figures, int year) {
  for (const auto& entry : figures["years"])
    if (entry["year"] == year) return &entry;
  return nullptr;
}

// Plan i evaluates point i of the design `report --sensitivity 240 --seed 7` draws its bands
// over: the quantiles of the 240 stored plans are the report's bands.
TEST(SweepCommand, TheStoredDesignPointsGiveTheReportsBands) {
  const auto rows = rows_of(baseline_store());
  ASSERT_EQ(rows.size(), kPlans);
  auto report = run_tengerim({"report", "--sensitivity", "240", "--seed", "7", "--format", "json"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const json document = json::parse(report.out);
  size_t years_checked = 0;
  for (const auto& year : document["years"]) {
    if (year["bands"].is_null() || year["bands"]["balance"].is_null()) continue;
    const int y = year["year"];
    std::vector<double> balance, russia;
    for (size_t i = 0; i < 240; ++i) {
      EXPECT_EQ(rows[i].point, std::to_string(i));
      const json* entry = year_in(rows[i].figures, y);
      ASSERT_NE(entry, nullptr) << i << " " << y;
      if (!(*entry)["published"].get<bool>()) continue;
      balance.push_back((*entry)["balance"]);
      russia.push_back((*entry)["dependence"]["russia"]);
    }
    const json& bands = year["bands"];
    EXPECT_EQ(balance.size(), bands["published_draws"].get<size_t>()) << y;
    for (const auto& [name, p] : {std::pair{"p05", 0.05}, {"p50", 0.50}, {"p95", 0.95}}) {
      EXPECT_NEAR(quantile(balance, p), bands["balance"][name].get<double>(), 1e-12) << y << " " << name;
      EXPECT_NEAR(quantile(russia, p), bands["dependence"]["russia"][name].get<double>(), 1e-12) << y << " " << name;
    }
    EXPECT_LT(quantile(balance, 0.05), quantile(balance, 0.95)) << "the draws vary the sheet";
    ++years_checked;
  }
  EXPECT_GE(years_checked, 1u);
}

// A plan without a design is the command's own run: the plain report's figures are the
// report's, and a risk plan is `tengerim risk` with the plan's seed, CounterRng(7, i, 2^33).
TEST(SweepCommand, APlanWithoutADesignIsTheCommandsOwnRun) {
  const auto rows = rows_of(baseline_store());
  ASSERT_EQ(rows.size(), kPlans);
  auto report = run_tengerim({"report", "--format", "json"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const json document = json::parse(report.out);
  const Row& plain = rows[243];
  EXPECT_EQ(plain.status, "ok");
  EXPECT_EQ(plain.point, "-");
  size_t compared = 0;
  for (const auto& year : document["years"]) {
    if (year["domains"].empty()) continue;
    const json* entry = year_in(plain.figures, year["year"]);
    ASSERT_NE(entry, nullptr) << year["year"];
    EXPECT_EQ((*entry)["published"], year["published"]);
    EXPECT_EQ((*entry)["balance"], year["balance"]) << year["year"];
    EXPECT_EQ((*entry)["max_leverage"], year["max_leverage"]) << year["year"];
    ++compared;
  }
  EXPECT_GT(compared, 5u);
  for (size_t index : {240u, 241u}) {
    const Row& risk = rows[index];
    ASSERT_EQ(risk.status, "ok") << risk.error;
    CounterRng stream(7, index, uint64_t{1} << 33);
    const uint64_t seed = stream.next();
    EXPECT_EQ(risk.summary["seed"].get<uint64_t>(), seed);
    auto single = run_tengerim({"risk", "--draws", "2000", "--seed", std::to_string(seed), "--format", "json"});
    ASSERT_EQ(single.exit_code, 0) << single.err;
    json expected = json::parse(single.out);
    expected.erase("summary");  // the document around the figures (report/Document.h)
    expected.erase("schema_version");
    EXPECT_EQ(risk.figures, expected) << index;
  }
  EXPECT_NE(rows[240].figures["mean_loss"], rows[241].figures["mean_loss"]) << "two plans, two streams";
}

TEST(SweepCommand, AFailingPlanIsStoredWithItsErrorAndTheOthersGoOn) {
  const auto rows = rows_of(baseline_store());
  ASSERT_EQ(rows.size(), kPlans);
  EXPECT_EQ(rows[242].status, "error");
  EXPECT_NE(rows[242].error.find("outside the model's years"), std::string::npos) << rows[242].error;
  EXPECT_EQ(rows[242].figures, nullptr);
  EXPECT_EQ(rows[242].summary["status"], "failed");
  size_t ok = 0;
  for (const auto& row : rows) ok += row.status == "ok" ? 1 : 0;
  EXPECT_EQ(ok, kPlans - 1);
  auto status = run_tengerim({"sweep", "--status", baseline_store()});
  ASSERT_EQ(status.exit_code, 0) << status.err;
  EXPECT_NE(status.out.find("244 of 244 plans stored (100.0 %): 243 ok, 1 failed, 0 to go"), std::string::npos)
      << status.out;
}

size_t stored_rows(const std::string& store) {
  try {
    return ResultsStore::open_read(store).status().stored();
  } catch (const Error&) {
    return 0;  // not made yet
  }
}

TEST(SweepCommand, AKilledSweepResumesToTheSameStore) {
  const std::string text = "seed = 11\n[[runs]]\ncommand = \"report\"\nsensitivity = 4000\n";
  const std::string plan = plan_file("kill", text);
  const std::string whole = plan + ".whole.sqlite", killed = plan + ".killed.sqlite";
  auto uninterrupted = run_tengerim({"sweep", plan, "--out", whole, "--threads", "2"});
  ASSERT_EQ(uninterrupted.exit_code, 0) << uninterrupted.err;

  std::vector<std::string> words = {TENGERIM_BINARY, "sweep", plan, "--out", killed};
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t child = 0;
  ASSERT_EQ(posix_spawn(&child, argv[0], &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  while (stored_rows(killed) == 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ::kill(child, SIGKILL);
  int wait_status = 0;
  ::waitpid(child, &wait_status, 0);
  ASSERT_TRUE(WIFSIGNALED(wait_status)) << "the sweep ended before it was killed";
  const size_t before = stored_rows(killed);
  EXPECT_GT(before, 0u);
  EXPECT_LT(before, 4000u);
  auto status = run_tengerim({"sweep", "--status", killed});
  EXPECT_NE(status.out.find(std::to_string(before) + " of 4000 plans stored"), std::string::npos) << status.out;

  auto again = run_tengerim({"sweep", plan, "--out", killed});
  EXPECT_EQ(again.exit_code, 2) << "an existing store is resumed only when asked";
  EXPECT_NE(again.err.find("exists"), std::string::npos) << again.err;

  auto resumed = run_tengerim({"sweep", plan, "--out", killed, "--resume", "--threads", "2"});
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_NE(resumed.err.find(std::to_string(before) + " already stored, " + std::to_string(4000 - before) + " run"),
            std::string::npos)
      << resumed.err;
  EXPECT_EQ(dump_of(killed), dump_of(whole));
  auto nothing_left = run_tengerim({"sweep", plan, "--out", killed, "--resume"});
  ASSERT_EQ(nothing_left.exit_code, 0) << nothing_left.err;
  EXPECT_NE(nothing_left.err.find("4000 already stored, 0 run"), std::string::npos) << nothing_left.err;
}

TEST(SweepCommand, AStoreResumesOnlyThePlanItWasMadeFor) {
  const std::string plan = plan_file("other", "seed = 8\n[[runs]]\ncommand = \"report\"\nsensitivity = 3\n");
  auto result = run_tengerim({"sweep", plan, "--out", baseline_store(), "--resume"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("made for another plan"), std::string::npos) << result.err;
}

struct BadPlan {
  std::string text;
  std::string at;       // "plan.toml:4: field 'runs[0].sensitivity'"
  std::string message;  // a fragment
};

TEST(SweepPlan, ABadPlanIsNamedByFileLineAndFieldAndRunsNothing) {
  const std::string head = "seed = 7\n[[runs]]\ncommand = \"report\"\n";
  const std::vector<BadPlan> cases = {
      {head + "sensitivity = -5\n", "plan.toml:4: field 'runs[0].sensitivity'",
       "sensitivity = -5: must be a whole number in [0, 100000]"},
      {head + "colour = 1\n", "plan.toml:4: field 'runs[0].colour'", "report takes no option 'colour'"},
      {head + "sensitivity = 200\ndraws = [5, 200]\n", "plan.toml:5: field 'runs[0].draws'", "outside the design"},
      {head + "draws = [0, 3]\n", "plan.toml:4: field 'runs[0].draws'", "a draw range needs a design"},
      {head + "model = \"no/such/model\"\n", "plan.toml:4: field 'runs[0].model'", "no model folder"},
      {head + "model = \"builtin:atlantis\"\n", "plan.toml:4: field 'runs[0].model'", "no built-in model 'atlantis'"},
      {head + "format = \"json\"\n", "plan.toml:4: field 'runs[0].format'", "output options do not apply"},
      {head + "seed = 3\n", "plan.toml:4: field 'runs[0].seed'", "the seed is the plan's own"},
      {head + "basis = \"raw\"\n", "plan.toml:4: field 'runs[0].basis'", "must be one of filled, observed"},
      {"seed = -1\n[[runs]]\ncommand = \"report\"\n", "plan.toml:1: field 'seed'", "seed = -1"},
      {"seed = 7\n[[runs]]\ncommand = \"atlas\"\n", "plan.toml:3: field 'runs[0].command'", "a sweep runs report or risk"},
      {"seed = 7\ncolour = 2\n[[runs]]\ncommand = \"report\"\n", "plan.toml:2: field 'colour'", "unknown"},
      {"seed = 7\n", "plan.toml: field 'runs'", "at least one [[runs]]"},
      {"seed = 7\n[[runs]\n", "plan.toml:2", "not valid TOML"},
      {"seed = 7\n[[runs]]\ncommand = \"risk\"\nscenario = \"builtin:nope\"\n", "plan.toml:4: field 'runs[0].scenario'",
       "no such built-in item"},
  };
  for (const auto& bad : cases) {
    const std::string plan = plan_file("bad", bad.text);
    const std::string out = plan + ".sqlite";
    auto result = run_tengerim({"sweep", plan, "--out", out});
    EXPECT_EQ(result.exit_code, 2) << bad.text << result.err;
    EXPECT_NE(result.err.find(bad.at), std::string::npos) << bad.text << "\n" << result.err;
    EXPECT_NE(result.err.find(bad.message), std::string::npos) << bad.text << "\n" << result.err;
    EXPECT_FALSE(std::filesystem::exists(out)) << "no store for a plan that does not read: " << bad.text;
  }
  auto missing = run_tengerim({"sweep", "/nonexistent/plan.toml"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("/nonexistent/plan.toml"), std::string::npos) << missing.err;
}

TEST(SweepPlan, ARangeOfDrawsKeepsThosePointsOfTheOneDesign) {
  const std::string plan = plan_file("range", "seed = 7\n[[runs]]\ncommand = \"report\"\nsensitivity = 240\n"
                                              "draws = [100, 109]\n");
  const std::string out = plan + ".sqlite";
  auto result = run_tengerim({"sweep", plan, "--out", out});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto part = rows_of(out);
  const auto whole = rows_of(baseline_store());
  ASSERT_EQ(part.size(), 10u);
  for (size_t i = 0; i < part.size(); ++i) {
    EXPECT_EQ(part[i].index, i);
    EXPECT_EQ(part[i].point, std::to_string(100 + i));
    EXPECT_EQ(part[i].figures, whole[100 + i].figures) << "point " << 100 + i;
  }
}

}  // namespace
}  // namespace tengerim
