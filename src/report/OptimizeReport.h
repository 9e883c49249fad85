#pragma once
// The plan of `optimize` as text and JSON.
#include <string>

#include "report/Document.h"
#include "run/OptimizeRun.h"

namespace tengerim {

Json optimize_json(const OptimizeRun& run);
std::string optimize_text(const OptimizeRun& run);

}  // namespace tengerim
