#pragma once
// Reads and validates a model folder: model.toml, ties.csv, sources.csv.
// Every problem is reported with file, line and field before any work starts.
#include "model/CountryTable.h"
#include "model/Model.h"
#include "model/ModelSource.h"

namespace tengerim {

Model read_model(const ModelSource& source, const CountryTable& countries = CountryTable::builtin());

// Reads a TOML file holding only [[blocs]] and [[directions]] (e.g. the default
// direction set for any focal country); returns a Model with just those filled.
Model read_direction_set(const std::string& text, const std::string& file,
                         const CountryTable& countries = CountryTable::builtin());

}  // namespace tengerim
