#pragma once
// Reads a scenario TOML (strict keys; every error names file, line and key)
// and checks it against the model and its corridor network.
#include <string>

#include "model/CorridorNetwork.h"
#include "model/Model.h"
#include "model/ModelSource.h"
#include "risk/Scenario.h"

namespace tengerim {

// Parses a scenario's text; `file` names it in messages. The coupling Gamma is the
// model's (risk/CouplingReader.h), so a scenario may not carry one.
Scenario parse_scenario(const std::string& text, const std::string& file, const Model& model,
                        const CorridorNetwork& network);

}  // namespace tengerim
