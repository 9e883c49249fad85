#include "PythonOptions.h"

#include <pybind11/pybind11.h>

#include "common/Text.h"

namespace tengerim {
namespace {

std::vector<std::string> keywords_of(const CommandSpec& command) {
  std::vector<std::string> names;
  for (const auto& key : command.options)
    if (option_spec(key).offered_on(kPython)) names.emplace_back(option_spec(key).name());
  return names;
}

}  // namespace

RunOptions python_options(const std::string& command, const std::string& keywords, const std::string& model) {
  const CommandSpec& spec = command_spec(command);
  RunOptions options(spec);
  if (takes_option(spec, "output.format")) options.set_text("output.format", "json");  // as the CLI's --format json
  if (!model.empty()) options.set_text("run.model", model);
  const nlohmann::json given = nlohmann::json::parse(keywords);
  for (const auto& [name, value] : given.items()) {
    const OptionSpec* option = find_command_option(spec, name);
    if (!option || !option->offered_on(kPython))
      throw pybind11::type_error(command + "() got an unexpected keyword argument '" + name + "' (its keywords: " +
                                 join(keywords_of(spec), ", ") + ")");
    options.set_json(option->key, value);
  }
  return options;
}

std::string python_keywords_json() {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& command : command_specs()) {
    auto& entry = out[command.name] = {{"summary", command.summary}, {"keywords", nlohmann::ordered_json::array()}};
    auto& entries = entry["keywords"];
    for (const auto& key : command.options) {
      const OptionSpec& spec = option_spec(key);
      if (!spec.offered_on(kPython)) continue;
      entries.push_back({{"name", std::string(spec.name())},
                         {"key", spec.key},
                         {"type", to_string(spec.type)},
                         {"default", RunOptions::value_json(RunOptions::default_of(spec))},
                         {"unit", spec.unit},
                         {"range", spec.range},
                         {"choices", spec.choices},
                         {"doc", spec.doc},
                         {"required", spec.required},
                         {"count", spec.count}});
    }
  }
  return out.dump();
}

}  // namespace tengerim
