#pragma once
// Reads a scenario TOML (strict keys; every error names file, line and key)
// and checks it against the model and its corridor network.
#include <string>

#include "model/CorridorNetwork.h"
#include "model/Model.h"
#include "risk/Scenario.h"

namespace tengerim {

// `name` is a built-in scenario (data/scenarios/NAME.toml) or a path to a .toml file.
Scenario read_scenario(const std::string& name, const Model& model, const CorridorNetwork& network);
Scenario parse_scenario(const std::string& text, const std::string& file, const Model& model,
                        const CorridorNetwork& network);
std::vector<std::string> builtin_scenario_names();

}  // namespace tengerim
