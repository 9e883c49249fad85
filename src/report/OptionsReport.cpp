#include "report/OptionsReport.h"

#include <fmt/format.h>

#include "common/Text.h"
#include "run/RunOptions.h"

namespace tengerim {
namespace {

std::string default_text(const OptionSpec& spec) {
  auto value = RunOptions::default_of(spec);
  if (spec.type == OptionType::Flag) return "off";
  return value ? option_value_text(*value) : "unset";
}

std::vector<std::string> front_ends(const OptionSpec& spec) {
  std::vector<std::string> out;
  if (spec.offered_on(kCli)) out.push_back("cli");
  if (spec.offered_on(kHttp)) out.push_back("http");
  if (spec.offered_on(kPython)) out.push_back("python");
  if (spec.offered_on(kSweep)) out.push_back("sweep");
  return out;
}

std::string choices_of(const OptionSpec& spec, const CommandSpec* command) {
  if (command && std::string_view(spec.key) == "output.format") return join(command->formats, "|");
  return spec.choices;
}

}  // namespace

// The CLI spelling is derived here, in the report layer's view of the CLI, and nowhere else below cli/.
std::string cli_spelling(const OptionSpec& spec) {
  std::string name(spec.name());
  for (char& c : name)
    if (c == '_') c = '-';
  return spec.positional ? name : "--" + name;
}

std::string field_spelling(const OptionSpec& spec) { return std::string(spec.name()); }

Json options_json() {
  Json out;
  auto& options = out["options"] = Json::array();
  for (const auto& spec : option_specs()) {
    Json entry;
    entry["key"] = spec.key;
    entry["type"] = to_string(spec.type);
    entry["default"] = RunOptions::value_json(RunOptions::default_of(spec));
    entry["unit"] = spec.unit;
    const OptionRange& range = option_range(spec);
    if (range.bounded) {
      entry["range"] = range.text();
      entry["min"] = range.low;
      entry["max"] = range.high;
      entry["min_exclusive"] = range.low_open;
      entry["max_exclusive"] = range.high_open;
    }
    if (*spec.choices) entry["choices"] = spec.choices;
    entry["doc"] = spec.doc;
    entry["front_ends"] = front_ends(spec);
    entry["required"] = spec.required;
    entry["cli"] = spec.offered_on(kCli) ? Json(cli_spelling(spec)) : Json(nullptr);
    entry["field"] = field_spelling(spec);
    options.push_back(std::move(entry));
  }
  auto& commands = out["commands"] = Json::array();
  for (const auto& command : command_specs())
    commands.push_back({{"name", command.name},
                        {"summary", command.summary},
                        {"options", command.options},
                        {"formats", command.formats},
                        {"endpoint", *command.endpoint ? Json(command.endpoint) : Json(nullptr)}});
  return out;
}

std::string options_text() {
  std::string out;
  for (const auto& command : command_specs()) {
    out += fmt::format("{} — {}\n", command.name, command.summary);
    for (const auto& key : command.options) {
      const OptionSpec& spec = option_spec(key);
      out += fmt::format("  {:<26} {:<8} default {:<14} {}\n", key, to_string(spec.type), default_text(spec), spec.doc);
    }
    out += "\n";
  }
  return out;
}

std::string options_markdown() {
  std::string out =
      "# Run options\n\n"
      "Generated from `src/run/OptionRegistry.cpp` by `tengerim options --format markdown`; do not edit by hand\n"
      "(a test keeps this file equal to the command's output). Every option is declared once; the CLI flag, the\n"
      "HTTP field, the Python keyword and the sweep-plan key are derived from its key: `risk.draws` is `--draws`\n"
      "on the CLI, `draws` over HTTP and in Python, and `risk.draws` (or `draws` inside a risk run) in a sweep plan.\n\n";
  for (const auto& command : command_specs()) {
    out += fmt::format("## `{}`\n\n{}.", command.name, command.summary);
    if (*command.endpoint) out += fmt::format(" Served at `{}`.", command.endpoint);
    out += "\n\n| key | CLI | type | default | range or choices | unit | front ends | meaning |\n"
           "|---|---|---|---|---|---|---|---|\n";
    for (const auto& key : command.options) {
      const OptionSpec& spec = option_spec(key);
      const OptionRange& range = option_range(spec);
      std::string limits = range.bounded ? range.text() : choices_of(spec, &command);
      if (range.bounded && *spec.choices) limits += " or " + std::string(spec.choices);
      out += fmt::format("| `{}` | {} | {} | {} | {} | {} | {} | {}{} |\n", key,
                         spec.offered_on(kCli) ? "`" + cli_spelling(spec) + "`" : "—", to_string(spec.type),
                         default_text(spec), limits.empty() ? "—" : "`" + limits + "`", *spec.unit ? spec.unit : "—",
                         join(front_ends(spec), ", "), spec.doc, spec.required ? " (required)" : "");
    }
    out += "\n";
  }
  return out;
}

}  // namespace tengerim
