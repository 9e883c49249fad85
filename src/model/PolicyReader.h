#pragma once
// Parses a policy TOML (strict keys; errors name file, line and key). Which file
// a run reads is resolved in run/ItemReference.h.
#include <string>
#include <vector>

#include "model/Model.h"
#include "model/Policy.h"

namespace tengerim {

Policy parse_policy(const std::string& text, const std::string& file, const Model& model);

}  // namespace tengerim
