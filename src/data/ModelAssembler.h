#pragma once
// Puts an importer's result into a model: a new one for the focal country
// (with the default direction set) or an existing one, which it extends.
#include <optional>

#include "data/ImportRequest.h"
#include "model/CountryTable.h"
#include "model/Model.h"

namespace tengerim {

// The documented default directions for any focal country
// (data/reference/default_directions.toml), with the focal state removed.
Model default_directions_for(const std::string& focal, const CountryTable& countries = CountryTable::builtin());

// Re-importing replaces what the model had for the same domain-years (ties)
// or years (each kind of relation). New domains share the weight equally
// with the existing ones, whose weights are scaled down in proportion.
Model assemble_model(std::optional<Model> existing, const ImportResult& result, const ImportRequest& request,
                     const CountryTable& countries = CountryTable::builtin());

}  // namespace tengerim
