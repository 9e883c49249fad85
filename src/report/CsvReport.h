#pragma once
// The balance sheet as one tidy CSV table: year,scope,domain,direction,measure,value.
#include <optional>
#include <string>

#include "measure/BalanceSheet.h"

namespace tengerim {

std::string balance_sheet_csv(const BalanceSheet& sheet, std::optional<int> year);

}  // namespace tengerim
