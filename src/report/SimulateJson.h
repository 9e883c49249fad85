#pragma once
// The document of `tengerim simulate --format json`, shared with the web API
// (POST /api/simulate) so both give the same figures.
#include <nlohmann/json.hpp>

#include "model/Model.h"
#include "model/Policy.h"
#include "policy/PolicySensitivity.h"
#include "policy/PolicySimulation.h"

namespace tengerim {

// `sensitivity` may be null (no --sensitivity run).
nlohmann::json simulate_json(const Model& model, const Policy& policy, const SimulationResult& run,
                             const PolicySensitivityResult* sensitivity);

}  // namespace tengerim
