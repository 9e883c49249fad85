#pragma once
// The source rows of the shipped reference tables (data/reference/sources.csv),
// so an importer that uses a reference table can cite it in the model it writes.
#include <optional>
#include <string>

#include "model/Model.h"

namespace tengerim {

// The row with `id`; an internal error when the shipped table lacks it.
Source reference_source(const std::string& id);
// The row with `id`, or nothing when the shipped table lacks it.
std::optional<Source> find_reference_source(const std::string& id);

}  // namespace tengerim
