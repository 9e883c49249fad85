#pragma once
// Builds the scenario of a POST /api/shock or /api/risk body: a built-in
// scenario by name (never a file path: the server reads no file a request
// names), plus what-if entries in the scenario file's own vocabulary:
//   "close":  ["cpc", ...]                 edge ids, closed for a year
//   "edges":  [{"edge": "cpc", "factor": 0.5}, ...]   [[edges]] entries
//   "shocks": [{"id": ..., "direction": ..., "domain": ..., "cut": ...}, ...]   [[shocks]] entries
// The entries are written as TOML and read by the scenario reader, so they are
// validated exactly as a scenario file is (errors name the key).
#include <nlohmann/json.hpp>

#include "model/CorridorNetwork.h"
#include "model/Model.h"
#include "model/ModelSource.h"
#include "risk/Scenario.h"

namespace tengerim {

// `fallback`: used when the body names no scenario and has no what-if entries
// (risk: the model's default shocks); empty means that is an error.
Scenario scenario_from_request(const nlohmann::json& body, const ModelSource& source, const Model& model,
                               const CorridorNetwork& network, bool default_when_absent);

}  // namespace tengerim
