#pragma once
// Reads a model's pressure.toml ([[powers]] with tolerance and strength,
// [adjustment]) and groups.csv (group, share, low, high, one orientation
// column per direction, source, note). Shares must sum to 1, orientations
// too; every problem names file, line and field. A group's source is an id in
// sources.csv, in the optional pressure_sources.csv (same columns; kept apart
// so that rebuilding ties and sources.csv from the public files leaves it
// alone), or "judgement".
#include "model/Model.h"
#include "model/ModelSource.h"
#include "model/PressureSpec.h"

namespace tengerim {

// Fails (I/O) when the model has no pressure.toml or groups.csv.
PressureSpec read_pressure(const ModelSource& source, const Model& model);
// The same from texts (tests): `file` and `groups_file` name them in messages.
PressureSpec parse_pressure(const std::string& toml_text, const std::string& file, const std::string& groups_text,
                            const std::string& groups_file, const Model& model,
                            const std::string* sources_text = nullptr, const std::string& sources_file = "");

}  // namespace tengerim
