#pragma once
// What `tengerim import` tells the user: on stderr, rows by domain and relation
// file, notes, unmatched names, where it was written; with --format json (and
// from Python) the same as a document.
#include <string>

#include "report/Document.h"
#include "run/ImportRun.h"

namespace tengerim {

std::string import_text(const ImportRun& run);
Json import_json(const ImportRun& run);

}  // namespace tengerim
