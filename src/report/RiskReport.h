#pragma once
// The figures of `risk` as text and JSON; the web API (POST /api/risk) sends
// the same document as `tengerim risk --format json`. Only the asked levels
// are written (a chart's grid levels stay out of the document).
#include <string>

#include "report/Document.h"
#include "run/RiskRun.h"

namespace tengerim {

Json risk_json(const RiskRun& run);
std::string risk_text(const RiskRun& run);

}  // namespace tengerim
