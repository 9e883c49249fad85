#pragma once
// How a run names the items it reads besides the model (a scenario, a policy,
// a bargaining issue): `builtin:NAME` is an item shipped in the binary,
// `model:NAME` one in the model folder being used (its scenarios/ or
// policies/), anything else a path. A bare NAME (no '/', no extension) is a
// documented alias: model:NAME when the model has it, else builtin:NAME.
#include <optional>
#include <string>
#include <vector>

#include "model/ModelSource.h"

namespace tengerim {

enum class ItemKind { Scenario, Policy, Issue };

struct ItemText {
  std::string text;
  std::string file;       // how messages name it: "builtin:kaz/scenarios/cpc-halt.toml", a path
  std::string reference;  // canonical: "model:cpc-halt", "builtin:balanced", or the path
};

struct ItemNames {
  std::vector<std::string> model;    // names in the model folder
  std::vector<std::string> builtin;  // names shipped in the binary
};

// The items of `kind` a run can name without a path. `source` may be null (no model).
ItemNames item_names(ItemKind kind, const ModelSource* source);

// Resolves `argument` for the option `key` (named in errors); `allow_paths` false refuses
// paths (the server never opens a file a request names). Fails with OptionError.
ItemText resolve_item(ItemKind kind, const std::string& argument, const ModelSource* source, const std::string& key,
                      bool allow_paths = true);

}  // namespace tengerim
