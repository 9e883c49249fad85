#pragma once
// Reads the optional coupling.toml of a model folder: the cross-domain
// spill-over Gamma (docs/model.md §4), a property of the economy that
// every scenario run on the model uses. Entries: [[coupling]] from, to, value
// (a number or a judgement {value, range, rationale}).
#include <vector>

#include "model/Model.h"
#include "model/ModelSource.h"
#include "risk/Scenario.h"

namespace tengerim {

std::vector<CouplingEntry> read_coupling(const ModelSource& source, const Model& model);
std::vector<CouplingEntry> parse_coupling(const std::string& text, const std::string& file, const Model& model);

}  // namespace tengerim
