#pragma once
// Reads a bargaining issue, CSV `Actor,Capability,Position,Salience` (header
// names case-insensitive), and validates it before any work: capability and
// salience in [0, 1], at least two stakeholders, at least two distinct
// positions, unique names. Every error names file, line and column.
#include <string>
#include <string_view>
#include <vector>

#include "model/StakeholderSet.h"

namespace tengerim {

// Parses `text`; `file` names it in messages.
StakeholderSet read_stakeholders(std::string_view text, const std::string& file);

}  // namespace tengerim
