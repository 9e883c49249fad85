// SIGKILL at random points while `tengerim import` replaces a model folder and
// `report --out` writes its file: afterwards the target is the old one or the
// whole new one, never a mixture, and the next run cleans or ignores what the
// killed one left behind.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <thread>

#include "TestSupport.h"

extern char** environ;

namespace tengerim::testing {
namespace {

namespace fs = std::filesystem;
using Tree = std::map<std::string, std::string>;  // relative path -> bytes ("/" for a folder)

Tree tree(const fs::path& root) {
  Tree out;
  if (!fs::exists(root)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    out[fs::relative(entry.path(), root).generic_string()] = entry.is_directory() ? "/" : read_text(entry.path().string());
  return out;
}

// Starts `tengerim arguments` (output to /dev/null), sleeps `delay`, kills it with SIGKILL; true when it was killed.
bool run_and_kill(const std::vector<std::string>& arguments, std::chrono::microseconds delay) {
  std::vector<std::string> words{TENGERIM_BINARY};
  words.insert(words.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  EXPECT_EQ(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  std::this_thread::sleep_for(delay);
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFSIGNALED(status);
}

// How long a run takes whole, to spread the kills over it.
std::chrono::microseconds duration_of(const std::vector<std::string>& arguments) {
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(run_tengerim(arguments).exit_code, 0);
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
}

void copy_tree(const fs::path& from, const fs::path& to) {
  fs::remove_all(to);
  fs::copy(from, to, fs::copy_options::recursive);
}

TEST(CrashSafeWrites, ImportKilledLeavesTheOldModelOrTheWholeNewOne) {
  const fs::path scratch = make_temp_dir("crash-import");
  const fs::path old_model = scratch / "old", model = scratch / "model", expected = scratch / "expected";
  // The old model: an import of BNS trade, with a scenario folder of its own that must survive.
  ASSERT_EQ(run_tengerim({"import", "bns", source_path("tests/data/bns_kaz_2022_2023.csv"), "--focal", "KAZ", "--into",
                          old_model.string()})
                .exit_code,
            0);
  fs::create_directories(old_model / "scenarios");
  write_text((old_model / "scenarios" / "mine.toml").string(), "name = \"mine\"\n");
  write_text((old_model / "NOTES.md").string(), "kept\n");
  // The new one: the same folder extended by SIPRI's arms transfers, run to the end.
  const std::vector<std::string> extend{"import", "sipri", source_path("tests/data/sipri_kaz_mng_arm.csv"), "--focal",
                                        "KAZ", "--into"};
  auto with_target = [&](const fs::path& target) {
    auto arguments = extend;
    arguments.push_back(target.string());
    return arguments;
  };
  copy_tree(old_model, expected);
  const auto whole = duration_of(with_target(expected));
  const Tree before = tree(old_model), after = tree(expected);
  ASSERT_NE(before, after);
  EXPECT_EQ(after.count("scenarios/mine.toml"), 1u) << "the import dropped the model's own scenarios";
  EXPECT_EQ(after.count("NOTES.md"), 1u);

  std::mt19937 rng(20240101);
  size_t killed = 0, old_seen = 0, new_seen = 0;
  for (int trial = 0; trial < 24; ++trial) {
    copy_tree(old_model, model);
    const auto delay = std::chrono::microseconds(rng() % (whole.count() * 12 / 10 + 1));
    killed += run_and_kill(with_target(model), delay);
    const Tree now = tree(model);
    EXPECT_TRUE(now == before || now == after) << "trial " << trial << " killed after " << delay.count()
                                               << " us: the model folder is a mixture (" << now.size() << " entries)";
    old_seen += now == before;
    new_seen += now == after;
    // The next run finishes over whatever the killed one left, and leaves nothing else behind.
    ASSERT_EQ(run_tengerim(with_target(model)).exit_code, 0) << "trial " << trial;
    EXPECT_EQ(tree(model), after) << "trial " << trial;
    for (const auto& entry : fs::directory_iterator(scratch))
      EXPECT_EQ(entry.path().filename().string().find(".tengerim-"), std::string::npos) << entry.path();
  }
  std::printf("%zu of 24 runs killed; %zu left the old model, %zu the new one\n", killed, old_seen, new_seen);
  EXPECT_GT(killed, 0u);
  fs::remove_all(scratch);
}

TEST(CrashSafeWrites, ReportOutKilledLeavesTheOldFileOrTheWholeNewOne) {
  const fs::path scratch = make_temp_dir("crash-report");
  const fs::path out = scratch / "report.html";
  const std::vector<std::string> arguments{"report", "--format", "html", "--out", out.string()};
  const auto whole = duration_of(arguments);
  const std::string complete = read_text(out.string());
  ASSERT_GT(complete.size(), 1000u);
  std::mt19937 rng(7);
  size_t killed = 0;
  for (int trial = 0; trial < 24; ++trial) {
    write_text(out.string(), "old\n");
    const auto delay = std::chrono::microseconds(rng() % (whole.count() * 12 / 10 + 1));
    killed += run_and_kill(arguments, delay);
    const std::string now = read_text(out.string());
    EXPECT_TRUE(now == "old\n" || now == complete) << "trial " << trial << ": " << now.size() << " bytes";
  }
  // A temporary file a killed run left is overwritten by the next run, never read as the output.
  ASSERT_EQ(run_tengerim(arguments).exit_code, 0);
  EXPECT_EQ(read_text(out.string()), complete);
  EXPECT_GT(killed, 0u);
  fs::remove_all(scratch);
}

}  // namespace
}  // namespace tengerim::testing
