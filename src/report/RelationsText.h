#pragma once
// The text sections for alignment, formats, alliances and channels of one year.
#include <string>

#include "measure/RelationsSheet.h"

namespace tengerim {

std::string relations_text(const RelationsSheet& relations);

}  // namespace tengerim
