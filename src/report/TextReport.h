#pragma once
// The balance sheet for a terminal: one year in detail and the series over all years.
#include <string>

#include "measure/BalanceSheet.h"
#include "model/Model.h"

namespace tengerim {

std::string balance_sheet_text(const Model& model, const BalanceSheet& sheet, int year);

}  // namespace tengerim
