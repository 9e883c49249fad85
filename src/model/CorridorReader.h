#pragma once
// Reads and validates a model's corridor network: nodes.csv, edges.csv,
// demand.csv and the optional commodities.csv. A model without nodes.csv has
// an empty network; one with it must have all three CSV files.
#include "model/CorridorNetwork.h"
#include "model/Model.h"
#include "model/ModelSource.h"

namespace tengerim {

// `model` supplies the source ids and domains that the files may refer to.
CorridorNetwork read_corridor_network(const ModelSource& source, const Model& model);

}  // namespace tengerim
