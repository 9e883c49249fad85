#pragma once
// The figures of `shock` as text and JSON; the web API (POST /api/shock) sends
// the same document as `tengerim shock --format json`.
#include <string>

#include "report/Document.h"
#include "run/ShockRun.h"

namespace tengerim {

Json shock_json(const ShockRun& run);
std::string shock_text(const ShockRun& run);

}  // namespace tengerim
