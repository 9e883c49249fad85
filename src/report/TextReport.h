#pragma once
// The balance sheet for a terminal: one year in detail and the series over all years.
#include <string>

#include "measure/BalanceSheet.h"
#include "measure/SheetBands.h"
#include "model/Model.h"

namespace tengerim {

// With `bands` (a sensitivity run): the year's bands and robustness, and a band column in the series.
std::string balance_sheet_text(const Model& model, const BalanceSheet& sheet, int year,
                               const SheetBands* bands = nullptr);

}  // namespace tengerim
