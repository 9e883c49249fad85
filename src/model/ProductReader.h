#pragma once
// Reads the optional products.csv and product_context.csv of a model folder.
#include "model/CountryTable.h"
#include "model/Model.h"
#include "model/ModelSource.h"

namespace tengerim {

// Fills model.product_imports and model.product_context; needs model.sources.
void read_products(const ModelSource& source, const CountryTable& countries, Model& model);

}  // namespace tengerim
