#include "TestSupport.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace tengerim::testing {
namespace {

std::string quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

}  // namespace

std::string make_temp_dir(const std::string& name) {
  static std::atomic<int> counter{0};
  auto path = std::filesystem::temp_directory_path() /
              ("tengerim-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + name);
  std::filesystem::remove_all(path);
  std::filesystem::create_directories(path);
  return path.string();
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

size_t line_starting(const std::vector<std::string>& lines, const std::string& prefix) {
  for (size_t i = 0; i < lines.size(); ++i)
    if (lines[i].rfind(prefix, 0) == 0) return i + 1;
  ADD_FAILURE() << "no line starts with " << prefix;
  return 0;
}

RepeatedLine with_line_repeated(const std::string& text, const std::string& prefix) {
  auto lines = split_lines(text);
  const size_t first = line_starting(lines, prefix);
  if (first == 0) return {text, 0, 0};
  lines.push_back(lines[first - 1]);
  return {join_lines(lines), first, lines.size()};
}

std::map<std::string, std::string> folder_files(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    files[entry.path().filename().string()] = read_text(entry.path().string());
  return files;
}

std::string source_path(const std::string& relative) { return std::string(TENGERIM_SOURCE_DIR) + "/" + relative; }

std::string same_output_for_one_and_two_threads(const std::vector<std::string>& arguments) {
  std::vector<std::string> one_thread = arguments, two_threads = arguments;
  one_thread.insert(one_thread.end(), {"--threads", "1"});
  two_threads.insert(two_threads.end(), {"--threads", "2"});
  const CommandResult one = run_tengerim(one_thread), two = run_tengerim(two_threads);
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(two.exit_code, 0) << two.err;
  EXPECT_EQ(one.out, two.out);
  return one.out;
}

CommandResult run_tengerim(const std::vector<std::string>& arguments) { return run_tengerim_under({}, arguments); }

CommandResult run_tengerim_under(const std::vector<std::string>& launcher, const std::vector<std::string>& arguments) {
  const std::string dir = make_temp_dir("run");
  const std::string out_path = dir + "/out", err_path = dir + "/err";
  std::string command;
  for (const auto& word : launcher) command += quote(word) + " ";
  command += quote(TENGERIM_BINARY);
  for (const auto& argument : arguments) command += " " + quote(argument);
  command += " >" + quote(out_path) + " 2>" + quote(err_path) + " </dev/null";
  int status = std::system(command.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_text(out_path);
  result.err = read_text(err_path);
  std::filesystem::remove_all(dir);
  return result;
}

ImportRun import_fixtures(const std::string& kind, const std::vector<std::string>& fixtures, const std::string& focal,
                          const std::vector<std::string>& extra) {
  ImportRun imported;
  imported.dir = make_temp_dir("import-" + kind + "-" + focal) + "/model";
  std::vector<std::string> args{"import", kind};
  for (const auto& fixture : fixtures) args.push_back(source_path(fixture));
  args.insert(args.end(), {"--focal", focal, "--into", imported.dir});
  args.insert(args.end(), extra.begin(), extra.end());
  imported.run = run_tengerim(args);
  EXPECT_EQ(imported.run.exit_code, 0) << imported.run.err;
  auto report = run_tengerim({"report", imported.dir, "--format", "json"});
  EXPECT_EQ(report.exit_code, 0) << report.err;
  imported.report = nlohmann::json::parse(report.out, nullptr, false);
  return imported;
}

void expect_import_rejected(const std::string& kind, const std::vector<std::string>& good, size_t bad_index,
                            const std::string& bad_text, const std::string& expected, const std::string& bad_name) {
  const std::string scratch = make_temp_dir("bad-" + kind);
  const std::string dir = scratch + "/model", file = scratch + "/" + bad_name;
  auto run = [&](const std::vector<std::string>& files) {
    std::vector<std::string> args{"import", kind};
    for (const auto& path : files) args.push_back(std::filesystem::path(path).is_absolute() ? path : source_path(path));
    args.insert(args.end(), {"--focal", "KAZ", "--into", dir});
    return run_tengerim(args);
  };
  ASSERT_EQ(run(good).exit_code, 0);
  const auto files_before = folder_files(dir);
  write_text(file, bad_text);
  auto files = good;
  files.at(bad_index) = file;
  auto result = run(files);
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find(file), std::string::npos) << result.err;
  EXPECT_NE(result.err.find(expected), std::string::npos) << "expected '" << expected << "' in: " << result.err;
  EXPECT_EQ(folder_files(dir), files_before);
  std::filesystem::remove_all(scratch);
}

const nlohmann::json& by_key(const nlohmann::json& array, const std::string& key, const nlohmann::json& value) {
  for (const auto& entry : array)
    if (entry.contains(key) && entry[key] == value) return entry;
  static const nlohmann::json none;
  ADD_FAILURE() << "no entry with " << key << " = " << value;
  return none;
}

const nlohmann::json& year_of(const nlohmann::json& report, int year) { return by_key(report["years"], "year", year); }

}  // namespace tengerim::testing
