#pragma once
// What `tengerim import` tells the user on stderr: rows by domain and relation
// file, notes, unmatched names, where it was written.
#include <string>

#include "run/ImportRun.h"

namespace tengerim {

std::string import_text(const ImportRun& run);

}  // namespace tengerim
