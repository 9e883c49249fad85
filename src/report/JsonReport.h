#pragma once
// The balance sheet as JSON: shares as fractions in [0, 1], one entry per year.
// Nothing run-dependent goes here (timings live under "profile", added by the CLI),
// so two runs on the same model compare equal.
#include <nlohmann/json.hpp>
#include <optional>

#include "measure/BalanceSheet.h"
#include "model/Model.h"

namespace tengerim {

// All years when `year` is empty, else only that year.
nlohmann::ordered_json balance_sheet_json(const Model& model, const BalanceSheet& sheet,
                                          std::optional<int> year);
nlohmann::ordered_json year_json(const YearSheet& year, const Model& model);

}  // namespace tengerim
