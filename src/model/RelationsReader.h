#pragma once
// Reads the optional alignment.csv, formats.csv, alliances.csv and
// channels.csv and idealpoints.csv of a model folder into model.relations (needs model.sources).
#include "model/CountryTable.h"
#include "model/Model.h"
#include "model/ModelSource.h"

namespace tengerim {

void read_relations(const ModelSource& source, const CountryTable& countries, Model& model);

}  // namespace tengerim
