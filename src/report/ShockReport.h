#pragma once
// The figures of `shock` as text and JSON; the web API (POST /api/shock) sends
// the same document as `tengerim shock --format json`.
#include <string>

#include "report/Document.h"
#include "run/ShockRun.h"

namespace tengerim {

Json shock_json(const ShockRun& run);
// Which rule a shock's cut follows and the edges it takes: "actor" (the
// closure's edge and every edge its actor controls), "edge" (a closure without
// an actor: its own edge only), "direction" (the direction's edges of the
// domain's commodity) or "flows" (the direction's flows, no corridor).
// `warnings`: [{shock, reason}] for each shock that can lose nothing; and its text lines.
Json shock_warnings_json(const std::vector<ShockWarning>& warnings);
std::string shock_warnings_text(const std::vector<ShockWarning>& warnings);
Json shock_cause_json(const Shock& shock, const LossModel& losses, const CorridorNetwork& network);
std::string shock_text(const ShockRun& run);

}  // namespace tengerim
