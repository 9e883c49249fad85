#pragma once
// Reads a scenario TOML (strict keys; every error names file, line and key)
// and checks it against the model and its corridor network.
#include <string>

#include "model/CorridorNetwork.h"
#include "model/Model.h"
#include "model/ModelSource.h"
#include "risk/Scenario.h"

namespace tengerim {

// `name` is a built-in scenario (data/scenarios/NAME.toml) or a path to a .toml file.
Scenario read_scenario(const std::string& name, const Model& model, const CorridorNetwork& network);
Scenario parse_scenario(const std::string& text, const std::string& file, const Model& model,
                        const CorridorNetwork& network);
std::vector<std::string> builtin_scenario_names();
// The model's own default set of shocks, for `risk` with no --scenario: the
// model folder's scenarios/default.toml, else its risk.toml; for builtin:kaz
// the built-in "default". Fails (invalid input, exit 2) when the model has none,
// saying how to supply one.
Scenario read_default_scenario(const ModelSource& source, const Model& model, const CorridorNetwork& network);

}  // namespace tengerim
