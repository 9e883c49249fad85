#pragma once
// The what-if entries of a POST /api/shock or /api/risk body, in the scenario
// file's own vocabulary, on top of the named scenario (if any):
//   "close":  ["cpc", ...]                           edge ids, closed for a year
//   "edges":  [{"edge": "cpc", "factor": 0.5}, ...]  [[edges]] entries
//   "shocks": [{"id": ..., "direction": ..., "domain": ..., "cut": ...}, ...]  [[shocks]] entries
// The entries are written as TOML and read by the scenario reader, so they are
// checked exactly as a scenario file is; an error names the request's field
// (`shocks[0].cut`, `close[1]`) and nothing else.
#include <nlohmann/json.hpp>
#include <optional>

#include "risk/Scenario.h"
#include "run/ItemReference.h"
#include "run/ModelSnapshot.h"

namespace tengerim {

// True when the body has what-if entries.
bool has_what_if(const nlohmann::json& body);

// The scenario of the entries on top of `base` (a named scenario, or none).
Scenario what_if_scenario(const nlohmann::json& body, const std::optional<ItemText>& base, const ModelSnapshot& snapshot);

}  // namespace tengerim
