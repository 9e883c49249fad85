#pragma once
// Reads the optional prices.csv of a model folder
// (`commodity,year,usd_per_unit,unit,source`): a corridor commodity's price
// per year, to value its volumes in money (model/Valuation.h).
#include "model/CorridorNetwork.h"
#include "model/Model.h"
#include "model/ModelSource.h"
#include "model/Valuation.h"

namespace tengerim {

// Fills valuation.prices and valuation.prices_file. A price must be positive
// and finite, its commodity one of the network's, its year one of the
// model's, its source a sources.csv id, or "judgement" with usd_per_unit the
// id of a judgements.csv row; a bad cell fails naming file, line and field.
void read_prices(const ModelSource& source, const Model& model, const CorridorNetwork& network,
                 Valuation& valuation);

}  // namespace tengerim
