#include "model/PolicyReader.h"

#include "common/EmbeddedData.h"
#include "common/FileIo.h"
#include "model/TomlFields.h"

namespace tengerim {

Policy parse_policy(const std::string& text, const std::string& file, const Model& model) {
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& error) {
    fail_input({file, static_cast<long>(error.source().begin.line), ""},
               std::string("not valid TOML: ") + std::string(error.description()));
  }
  TomlFields fields(root, file, "");
  Policy policy;
  policy.file = file;
  policy.name = fields.string("name");
  policy.description = fields.optional_string("description").value_or("");
  policy.toward = fields.optional_string("toward").value_or("");
  if (!policy.toward.empty()) {
    if (!model.find_direction(policy.toward))
      fail_input(fields.at("toward"), "unknown direction '" + policy.toward + "' (not in the model)");
    policy.tilt = fields.number("tilt");
    policy.per_year = fields.number("per_year");
    if (!(policy.tilt >= 0 && policy.tilt <= 1)) fail_input(fields.at("tilt"), "must lie in [0, 1]");
    if (!(policy.per_year > 0 && policy.per_year <= 1)) fail_input(fields.at("per_year"), "must lie in (0, 1]");
  }
  fields.reject_unknown_keys();
  return policy;
}

Policy read_policy(const std::string& name_or_file, const Model& model) {
  if (auto text = find_embedded_file("policies/" + name_or_file + ".toml"))
    return parse_policy(std::string(*text), "builtin:policies/" + name_or_file + ".toml", model);
  if (name_or_file.find('/') == std::string::npos && name_or_file.find(".toml") == std::string::npos) {
    std::string names;
    for (const auto& name : builtin_policy_names()) names += (names.empty() ? "" : ", ") + name;
    fail_input({"", 0, "--policy"}, "'" + name_or_file + "': not a built-in policy (" + names + ") nor a .toml file");
  }
  return parse_policy(read_file(name_or_file), name_or_file, model);
}

std::vector<std::string> builtin_policy_names() {
  std::vector<std::string> names;
  for (const auto& file : embedded_files()) {
    std::string_view path = file.path;
    if (path.starts_with("policies/") && path.ends_with(".toml"))
      names.emplace_back(path.substr(9, path.size() - 9 - 5));
  }
  return names;
}

}  // namespace tengerim
