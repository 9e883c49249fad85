#pragma once
// The figures a report plan stores: per year with ties, whether it is
// published, its coverage, the composites (null when unpublished) and each
// direction's dependence and leverage, the figures a band is taken over
// (measure/SheetBands.h).
#include <optional>

#include "measure/BalanceSheet.h"
#include "report/Document.h"

namespace tengerim {

// Every year with ties, or only `year` when given.
Json sheet_figures(const BalanceSheet& sheet, std::optional<long> year);

}  // namespace tengerim
