#pragma once
// Every JSON document Tengerim writes has one shape and one type
// (nlohmann::ordered_json, so keys keep the order they were written in):
// {"schema_version", "summary", ...the command's figures..., "profile"}.
// "summary" is the run's summary without times; stage times go under
// "profile" only when asked for, so two runs of the same inputs compare equal.
#include <nlohmann/json.hpp>

#include "run/RunSummary.h"

namespace tengerim {

using Json = nlohmann::ordered_json;

// Version of the documents' layout and of what their figures mean; see CHANGELOG.md.
inline constexpr int kSchemaVersion = 2;

// Wraps a command's figures (an object) into a document.
Json document(const RunSummary& summary, Json figures);
// Adds the stage times of a finished run under "profile".
void add_profile(Json& document, const RunSummary& finished);
// The stage table --profile prints on stderr.
std::string profile_table(const RunSummary& finished);

}  // namespace tengerim
