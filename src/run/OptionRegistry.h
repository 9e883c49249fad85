#pragma once
// Every run option, declared once, and every command with
// the options it takes. The CLI, the HTTP API, GET /api/options, the Python
// module, sweep plans and docs/options.md are all built from these two tables.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "run/OptionRange.h"
#include "run/OptionSpec.h"

namespace tengerim {

struct CommandSpec {
  const char* name;     // "risk"
  const char* summary;  // one line for --help and the docs
  std::vector<std::string> options;  // keys, in the order --help lists them
  std::vector<std::string> formats;  // values output.format takes for this command (first = default)
  const char* endpoint;              // HTTP path serving it, "" when not served
};

std::span<const OptionSpec> option_specs();
const OptionSpec* find_option(std::string_view key);
const OptionSpec& option_spec(std::string_view key);  // fails (internal) when undeclared
const OptionRange& option_range(const OptionSpec& spec);

std::span<const CommandSpec> command_specs();
const CommandSpec* find_command(std::string_view name);
const CommandSpec& command_spec(std::string_view name);  // fails (internal) when undeclared
// The option of `command` whose name (the key without its scope) is `name`, or null:
// how HTTP fields, Python keywords and sweep plans ("draws" in a risk run) find their option.
const OptionSpec* find_command_option(const CommandSpec& command, std::string_view name);
bool takes_option(const CommandSpec& command, std::string_view key);

}  // namespace tengerim
