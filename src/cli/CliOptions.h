#pragma once
// The CLI's view of the option registry: one CLI11 option (or argument) per
// registry option a command offers on the CLI, named by report/OptionsReport.h's
// cli_spelling, with its doc, default and range in --help; after parsing, the
// given values go into RunOptions, which checks them.
#include <CLI/CLI.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "run/RunOptions.h"

namespace tengerim {

class CliOptions {
 public:
  // Declares the command's CLI options on `app`.
  CliOptions(const CommandSpec& command, CLI::App& app);
  // The options as given (checked; OptionError names the registry key).
  RunOptions values() const;

 private:
  const CommandSpec* command_;
  std::map<std::string, std::vector<std::string>> texts_;  // key -> values as typed (list options)
  std::map<std::string, std::string> singles_;             // key -> value as typed
  std::map<std::string, CLI::Option*> given_;
  std::map<std::string, bool> flags_;
};

}  // namespace tengerim
