#pragma once
// The document of `tengerim shock --format json`, shared with the web API
// (POST /api/shock) so both give the same figures.
#include <nlohmann/json.hpp>

#include "model/CorridorNetwork.h"
#include "model/Model.h"
#include "risk/LossModel.h"
#include "risk/Scenario.h"

namespace tengerim {

nlohmann::json shock_json(const Model& model, const CorridorNetwork& network, const Scenario& scenario,
                          const LossModel& losses, const ScenarioOutcome& outcome);

}  // namespace tengerim
