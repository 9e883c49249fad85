#pragma once
// Helpers for tests that run the `tengerim` binary or write scratch models.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace tengerim::testing {

struct CommandResult {
  int exit_code = 0;
  std::string out;
  std::string err;
};

// Runs the built `tengerim` with `arguments` (each one shell-quoted for you).
CommandResult run_tengerim(const std::vector<std::string>& arguments);
// The same started by a launcher, e.g. {"mpirun", "-np", "2"}: the launcher's words, then the binary.
CommandResult run_tengerim_under(const std::vector<std::string>& launcher, const std::vector<std::string>& arguments);
// Runs `arguments` with --threads 1 and with --threads 2, expects both to succeed and print the
// same bytes (test failures otherwise), and returns the first run's stdout.
std::string same_output_for_one_and_two_threads(const std::vector<std::string>& arguments);

// A fresh empty folder under the build's temp area, removed by the caller or left for inspection.
std::string make_temp_dir(const std::string& name);
void write_text(const std::string& path, const std::string& text);
std::string read_text(const std::string& path);
// The lines of a text (a '\r' before '\n' is kept), and back with a '\n' after each.
std::vector<std::string> split_lines(const std::string& text);
std::string join_lines(const std::vector<std::string>& lines);
// The 1-based number of the first line starting with `prefix` (a test failure and 0 when none).
size_t line_starting(const std::vector<std::string>& lines, const std::string& prefix);
// A text with its first line starting with `prefix` appended again at the end:
// `first` is that line's number, `repeat` the appended copy's.
struct RepeatedLine {
  std::string text;
  size_t first = 0;
  size_t repeat = 0;
};
RepeatedLine with_line_repeated(const std::string& text, const std::string& prefix);
// Every file of a folder by name, with its text: to check that a failed run changed nothing.
std::map<std::string, std::string> folder_files(const std::string& dir);
// A file under the source tree, e.g. source_path("data/models/kaz/ties.csv").
std::string source_path(const std::string& relative);
// The entry of `year` in a report document's "years" (a test failure and null when none).
const nlohmann::json& year_of(const nlohmann::json& report, int year);
// `tengerim import KIND FIXTURES... --focal FOCAL --into <a fresh folder> EXTRA...`, then the JSON
// report of the folder (test failures when either command fails).
struct ImportRun {
  std::string dir;
  CommandResult run;
  nlohmann::json report;
};
ImportRun import_fixtures(const std::string& kind, const std::vector<std::string>& fixtures, const std::string& focal,
                          const std::vector<std::string>& extra = {});
// Imports `good` (fixtures under the source tree, or absolute paths) for KAZ into a folder, then
// the same with file `bad_index` replaced by `bad_text` written as a file named `bad_name`: exit 2,
// the bad file's path and `expected` in the message, the folder unchanged.
void expect_import_rejected(const std::string& kind, const std::vector<std::string>& good, size_t bad_index,
                            const std::string& bad_text, const std::string& expected,
                            const std::string& bad_name = "bad.csv");
// The element of `array` whose `key` is `value` (a test failure and null when none).
const nlohmann::json& by_key(const nlohmann::json& array, const std::string& key, const nlohmann::json& value);

}  // namespace tengerim::testing
