#pragma once
// `tengerim report --format html`: one self-contained HTML page (inline CSS and
// SVG, no script, no request to any host) with the balance sheet's charts
// and, when the model has a corridor network, the loss distribution of the
// model's default set of shocks and the corridor map before and after it.
#include <string>

#include "run/ReportRun.h"
#include "run/RunSummary.h"

namespace tengerim {

// The page; risk and map sections are replaced by a note when the run has none.
std::string html_report(const ReportRun& run, const RunSummary& summary);

}  // namespace tengerim
