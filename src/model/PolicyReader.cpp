#include "model/PolicyReader.h"

#include "model/TomlFields.h"

namespace tengerim {

Policy parse_policy(const std::string& text, const std::string& file, const Model& model) {
  toml::table root = parse_toml(text, file);
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

}  // namespace tengerim
