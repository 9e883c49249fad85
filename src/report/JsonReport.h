#pragma once
// The balance sheet as JSON: shares as fractions in [0, 1], one entry per year.
// Nothing run-dependent goes here (timings live under "profile", added by the CLI),
// so two runs on the same model compare equal.
#include <nlohmann/json.hpp>
#include <optional>

#include "measure/BalanceSheet.h"
#include "measure/SheetBands.h"
#include "model/Model.h"

namespace tengerim {

// All years when `year` is empty, else only that year.
// With `bands` (a sensitivity run), each year carries its "bands" and the document its "sensitivity".
nlohmann::ordered_json balance_sheet_json(const Model& model, const BalanceSheet& sheet,
                                          std::optional<int> year, const SheetBands* bands = nullptr);
nlohmann::ordered_json year_bands_json(const YearBands& bands);
nlohmann::ordered_json year_json(const YearSheet& year, const Model& model);

}  // namespace tengerim
