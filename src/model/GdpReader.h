#pragma once
// Reads the optional gdp.csv of a model folder: the focal state's GDP in
// current US dollars per year (`year,value,source`), the denominator of the
// size measures (bandwidth, losses as a share of GDP).
#include "model/Model.h"
#include "model/ModelSource.h"

namespace tengerim {

// Fills model.gdp; needs model.sources and the model's years.
void read_gdp(const ModelSource& source, Model& model);

// The file's text for model.gdp (empty when there is none).
std::string gdp_csv(const Model& model);

}  // namespace tengerim
