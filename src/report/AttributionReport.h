#pragma once
// `report --explain A B` as JSON and text: the change of each composite and
// its parts (measure/SheetAttribution.h), the parts summing to the change.
#include <string>

#include "measure/SheetAttribution.h"
#include "report/Document.h"

namespace tengerim {

// {"from", "to", "method", "balance": {...}, "dependence": {id: {...}}, "leverage": {id: {...}}},
// each figure {"from", "to", "total", "parts": [{"kind", "domain", "partner", "value", "partners"}]}.
Json attribution_json(const SheetAttribution& attribution);

// The change in B with its parts, largest first, and the directions' D and Lambda changes.
std::string attribution_text(const SheetAttribution& attribution);

}  // namespace tengerim
