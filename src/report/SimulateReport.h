#pragma once
// The figures of `simulate` as text and JSON; the web API (POST /api/simulate)
// sends the same document as `tengerim simulate --format json`.
#include <string>

#include "report/Document.h"
#include "run/SimulateRun.h"

namespace tengerim {

Json simulate_json(const SimulateRun& run);
std::string simulate_text(const SimulateRun& run);

}  // namespace tengerim
