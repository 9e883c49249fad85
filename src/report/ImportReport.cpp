#include "report/ImportReport.h"

#include <fmt/format.h>

#include <map>

namespace tengerim {

std::string import_text(const ImportRun& run) {
  const ImportResult& result = run.result;
  std::string out = fmt::format("tengerim import {}: {}\n", run.request.kind, run.model.focal);
  std::map<std::string, long> rows;
  for (const auto& tie : result.ties) ++rows[tie.domain];
  for (const auto& [domain, count] : rows) out += fmt::format("  {:<20} {:>7} ties\n", domain, count);
  const auto& relations = result.relations;
  const std::pair<const char*, size_t> files[] = {{"alignment", relations.alignment.size()},
                                                  {"formats", relations.formats.size()},
                                                  {"alliances", relations.alliances.size()},
                                                  {"channels", relations.channels.size()}};
  for (const auto& [name, count] : files)
    if (count > 0) out += fmt::format("  {:<20} {:>7} rows\n", name, count);
  for (const auto& note : result.notes) out += "  note: " + note + "\n";
  if (!result.unmatched.empty()) {
    long total = 0;
    for (const auto& [name, count] : result.unmatched) total += count;
    out += fmt::format("  {} rows had a partner name with no ISO3 code (not imported; the strict option makes this "
                       "an error):\n", total);
    for (const auto& [name, count] : result.unmatched) out += fmt::format("    {:>6}  {}\n", count, name);
  }
  return out + "  written to " + run.into + "\n";
}

}  // namespace tengerim
