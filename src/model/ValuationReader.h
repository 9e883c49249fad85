#pragma once
// Reads the optional valuation.toml of a model folder (how each domain is
// valued in money, model/Valuation.h) and its prices.csv (model/PriceReader.h).
#include "model/CorridorNetwork.h"
#include "model/Model.h"
#include "model/ModelSource.h"
#include "model/Valuation.h"

namespace tengerim {

// Empty (no domains) without valuation.toml. Every entry names a domain of
// the model once; a commodity entry names a commodity of the network linked
// to that domain, with a price in prices.csv; a yield is a judgement in
// (0, 1). A defect fails naming file, line and key.
Valuation read_valuation(const ModelSource& source, const Model& model, const CorridorNetwork& network);

}  // namespace tengerim
