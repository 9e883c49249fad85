#pragma once
// Helpers for tests that run the `tengerim` binary or write scratch models.
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

// A fresh empty folder under the build's temp area, removed by the caller or left for inspection.
std::string make_temp_dir(const std::string& name);
void write_text(const std::string& path, const std::string& text);
std::string read_text(const std::string& path);
// A file under the source tree, e.g. source_path("data/models/kaz/ties.csv").
std::string source_path(const std::string& relative);

}  // namespace tengerim::testing
