#pragma once
// The document of `tengerim risk --format json`, shared with the web API
// (POST /api/risk) so both give the same figures.
#include <nlohmann/json.hpp>

#include "model/Model.h"
#include "risk/MonteCarlo.h"
#include "risk/Scenario.h"

namespace tengerim {

nlohmann::json risk_json(const Model& model, const Scenario& scenario, const RiskOptions& options,
                         const RiskResult& result);

}  // namespace tengerim
