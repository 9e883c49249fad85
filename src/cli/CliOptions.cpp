#include "cli/CliOptions.h"

#include <fmt/format.h>

#include "report/OptionsReport.h"
#include "run/ItemReference.h"

namespace tengerim {
namespace {

std::string help_of(const OptionSpec& spec) {
  std::string help = spec.doc;
  const OptionRange& range = option_range(spec);
  if (range.bounded) help += fmt::format("; {} {}", *spec.unit ? spec.unit : "in", range.text());
  if (*spec.choices && spec.type == OptionType::Choice) help += fmt::format(" ({})", spec.choices);
  if (auto value = RunOptions::default_of(spec); value && spec.type != OptionType::Flag)
    help += fmt::format(" [default: {}]", option_value_text(*value));
  else if (*spec.choices && spec.type != OptionType::Choice)
    help += fmt::format(" [default: {}]", spec.default_value);
  // The shipped items an item option can name.
  const std::string items = spec.items;
  const ItemKind kind = items == "issue" ? ItemKind::Issue : items == "policy" ? ItemKind::Policy : ItemKind::Scenario;
  if (!items.empty()) {
    const auto names = item_names(kind, nullptr).builtin;
    if (!names.empty()) help += fmt::format(". Built-in: builtin:{}", fmt::join(names, ", builtin:"));
  }
  return help;
}

std::string join_formats(const CommandSpec& command) {
  std::string out;
  for (const auto& format : command.formats) out += (out.empty() ? "" : ", ") + format;
  return out + (command.formats.empty() ? "" : " [default: " + command.formats.front() + "]");
}

}  // namespace

CliOptions::CliOptions(const CommandSpec& command, CLI::App& app) : command_(&command) {
  for (const auto& key : command.options) {
    const OptionSpec& spec = option_spec(key);
    if (!spec.offered_on(kCli)) continue;
    const std::string name = cli_spelling(spec);
    std::string help = help_of(spec);
    if (std::string_view(spec.key) == "output.format") help = "Output format: " + join_formats(command);
    if (spec.type == OptionType::Flag) {
      given_[key] = app.add_flag(name, flags_[key], help);
      continue;
    }
    const bool list = spec.type == OptionType::Texts || spec.type == OptionType::Numbers || spec.type == OptionType::Integers;
    CLI::Option* option = nullptr;
    if (list) {
      option = app.add_option(name, texts_[key], help);
      if (spec.count) option->expected(static_cast<int>(spec.count));
      else option->expected(1, -1);
    } else {
      option = app.add_option(name, singles_[key], help);
      option->multi_option_policy(CLI::MultiOptionPolicy::Throw);
    }
    given_[key] = option;
  }
}

RunOptions CliOptions::values() const {
  RunOptions options(*command_);
  for (const auto& [key, option] : given_) {
    if (option->count() == 0) continue;
    auto flag = flags_.find(key);
    if (flag != flags_.end()) options.set_flag(key, flag->second);
    else if (auto single = singles_.find(key); single != singles_.end()) options.set_text(key, single->second);
    else options.set_text(key, texts_.at(key));
  }
  return options;
}

}  // namespace tengerim
