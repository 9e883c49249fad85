#pragma once
// Computes the balance sheet of a model for every year with data.
#include "measure/BalanceSheet.h"
#include "measure/MeasureSettings.h"
#include "measure/ObservedTies.h"
#include "model/Model.h"

namespace tengerim {

// The sheet with the model's declared judgements on the fixed basket.
BalanceSheet measure_balance(const Model& model);

// The sheet under `settings` (a basis, or one drawn point of a sensitivity
// run). `with_relations` false skips what no judgement changes (alignment,
// formats, channels, the product test): sensitivity draws need only the ties.
BalanceSheet measure_balance(const Model& model, const MeasureSettings& settings, const ObservedTies& ties,
                             bool with_relations = true);

// The year shown when none is asked: the model's default_year when it is
// published, else the latest published year, else the latest year with data.
int default_sheet_year(const Model& model, const BalanceSheet& sheet);

}  // namespace tengerim
