#include "report/ImportReport.h"

#include <fmt/format.h>

#include <map>

namespace tengerim {
namespace {

// The GDP years the folder could take: those of its model.
std::string existing_years(const ImportRun& run) {
  return fmt::format(" (the model's years {}-{})", run.model.first_year, run.model.last_year);
}

}  // namespace

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
                                                  {"channels", relations.channels.size()},
                                                  {"idealpoints", relations.ideal_points.size()}};
  for (const auto& [name, count] : files)
    if (count > 0) out += fmt::format("  {:<20} {:>7} rows\n", name, count);
  if (!result.gdp.empty())
    out += fmt::format("  {:<20} {:>7} years written of {} in the file{}\n", "gdp", run.model.gdp.size(),
                       result.gdp.size(), existing_years(run));
  if (!run.splice.empty()) {
    out += "  splice (both sources cover these years; the one kept by precedence first, totals over partners):\n";
    for (const auto& row : run.splice)
      out += fmt::format("    {} {} {} {:.1f}, {} {:.1f}: {:+.1f} ({:+.2f} %)\n", row.domain, row.year, row.kept,
                         row.kept_total, row.dropped, row.dropped_total, row.kept_total - row.dropped_total,
                         row.dropped_total > 0 ? 100 * (row.kept_total / row.dropped_total - 1) : 0.0);
  }
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
