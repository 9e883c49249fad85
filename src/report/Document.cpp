#include "report/Document.h"

#include <fmt/format.h>

namespace tengerim {

Json document(const RunSummary& summary, Json figures) {
  Json out;
  out["schema_version"] = kSchemaVersion;
  out["summary"] = summary.to_json();
  for (auto& [key, value] : figures.items()) out[key] = std::move(value);
  return out;
}

void add_profile(Json& document, const RunSummary& finished) {
  auto& profile = document["profile"];  // may hold figures the command put there (e.g. threads)
  for (const auto& [stage, seconds] : finished.stages) profile[stage] = seconds;
  profile["delivery"] = finished.delivery;
}

std::string profile_table(const RunSummary& finished) {
  std::string out = fmt::format("{:<12} {:>10}\n", "stage", "seconds");
  for (const auto& [name, seconds] : finished.stages) out += fmt::format("{:<12} {:>10.6f}\n", name, seconds);
  out += fmt::format("{:<12} {:>10.6f}\n", "total", finished.seconds());
  return out;
}

}  // namespace tengerim
