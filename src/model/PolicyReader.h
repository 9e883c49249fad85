#pragma once
// Reads a policy TOML (strict keys; errors name file, line and key): a built-in
// name (data/policies/NAME.toml) or a path to a .toml file.
#include <string>
#include <vector>

#include "model/Model.h"
#include "model/Policy.h"

namespace tengerim {

Policy read_policy(const std::string& name_or_file, const Model& model);
Policy parse_policy(const std::string& text, const std::string& file, const Model& model);
std::vector<std::string> builtin_policy_names();

}  // namespace tengerim
