#include "report/ImportReport.h"

#include <fmt/format.h>

#include <map>
#include <utility>
#include <vector>

namespace tengerim {
namespace {

// The GDP years the folder could take: those of its model.
std::string existing_years(const ImportRun& run) {
  return fmt::format(" (the model's years {}-{})", run.model.first_year, run.model.last_year);
}


// The relation files written, with their row counts (those with rows).
std::vector<std::pair<const char*, size_t>> relation_rows(const Relations& relations) {
  std::vector<std::pair<const char*, size_t>> out;
  const std::pair<const char*, size_t> files[] = {{"alignment", relations.alignment.size()},
                                                  {"formats", relations.formats.size()},
                                                  {"alliances", relations.alliances.size()},
                                                  {"channels", relations.channels.size()},
                                                  {"idealpoints", relations.ideal_points.size()}};
  for (const auto& entry : files)
    if (entry.second > 0) out.push_back(entry);
  return out;
}

std::map<std::string, long> ties_by_domain(const ImportResult& result) {
  std::map<std::string, long> rows;
  for (const auto& tie : result.ties) ++rows[tie.domain];
  return rows;
}

}  // namespace

Json import_json(const ImportRun& run) {
  const ImportResult& result = run.result;
  Json out;
  out["kind"] = run.request.kind;
  out["focal"] = run.model.focal;
  out["files"] = run.request.files;
  out["years"] = {{"first", run.request.first_year ? Json(*run.request.first_year) : Json(nullptr)},
                  {"last", run.request.last_year ? Json(*run.request.last_year) : Json(nullptr)}};
  out["into"] = run.into;
  Json domains = Json::array();
  const auto rows = ties_by_domain(result);
  for (const auto& spec : result.domains) {
    const auto found = rows.find(spec.id);
    domains.push_back({{"id", spec.id}, {"unit", spec.unit}, {"ties", found == rows.end() ? 0 : found->second},
                       {"measure", spec.stock ? "stock" : "flow"}, {"steerable", spec.steerable && !spec.stock}});
  }
  out["domains"] = std::move(domains);
  Json relations = Json::object();
  for (const auto& [name, count] : relation_rows(result.relations)) relations[name] = count;
  out["relations"] = std::move(relations);
  out["gdp_years"] = {{"in_file", result.gdp.size()}, {"written", result.gdp.empty() ? 0 : run.model.gdp.size()}};
  Json splice = Json::array();
  for (const auto& row : run.splice)
    splice.push_back({{"domain", row.domain}, {"year", row.year}, {"kept", row.kept}, {"kept_total", row.kept_total},
                      {"dropped", row.dropped}, {"dropped_total", row.dropped_total}});
  out["splice"] = std::move(splice);
  Json sources = Json::array();
  for (const auto& source : result.sources) sources.push_back(source.id);
  out["sources"] = std::move(sources);
  out["notes"] = result.notes;
  out["unmatched"] = result.unmatched;
  return out;
}

std::string import_text(const ImportRun& run) {
  const ImportResult& result = run.result;
  std::string out = fmt::format("tengerim import {}: {}\n", run.request.kind, run.model.focal);
  for (const auto& [domain, count] : ties_by_domain(result)) out += fmt::format("  {:<20} {:>7} ties\n", domain, count);
  for (const auto& [name, count] : relation_rows(result.relations)) out += fmt::format("  {:<20} {:>7} rows\n", name, count);
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
