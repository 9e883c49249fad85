#pragma once
// The balance sheet as one tidy CSV table: year,scope,domain,direction,measure,value.
#include <optional>
#include <string>

#include "measure/BalanceSheet.h"
#include "measure/SheetBands.h"

namespace tengerim {

// With `bands` (a sensitivity run), rows of scope "band": measure_p05/_p50/_p95, critical_share, lead_share.
std::string balance_sheet_csv(const BalanceSheet& sheet, std::optional<int> year, const SheetBands* bands = nullptr);

}  // namespace tengerim
