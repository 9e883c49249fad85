#include "data/ComtradeImporter.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "common/CsvTable.h"
#include "common/FileIo.h"
#include "common/Text.h"
#include "data/Hs2Domains.h"
#include "data/ReferenceSources.h"
#include "model/CountryTable.h"

namespace tengerim {
namespace {

const std::vector<std::string>& used_columns() {
  static const std::vector<std::string> columns{"Year",       "Trade Flow",     "Reporter ISO",     "Partner Code",
                                                "Partner",    "Partner ISO",    "Commodity Code",   "Trade Value (US$)"};
  return columns;
}

const std::vector<std::string>& other_columns() {
  static const std::vector<std::string> columns{
      "Classification", "Period", "Period Desc.", "Aggregate Level", "Is Leaf Code", "Trade Flow Code",
      "Reporter Code", "Reporter", "Commodity", "Qty Unit Code", "Qty Unit", "Qty", "Alt Qty Unit Code",
      "Alt Qty Unit", "Alt Qty", "Netweight (kg)", "Gross weight (kg)", "CIF Trade Value (US$)",
      "FOB Trade Value (US$)", "Flag"};
  return columns;
}

// (flow, domain, year): flow is "exports" or "imports".
using DomainYear = std::tuple<std::string, std::string, int>;

struct Totals {
  std::map<std::pair<DomainYear, std::string>, double> listed;  // partner ISO3 -> value
  std::map<DomainYear, double> world;
  std::map<DomainYear, std::set<std::string>> world_chapters, partner_chapters;
  std::map<std::string, long> unattributed;  // Comtrade areas with no ISO (e.g. "Areas, nes")
  std::map<std::string, long> unmapped_chapters;
  long re_flows = 0, finer_codes = 0, self = 0;
};

Judgement substitutability_of(const std::string& domain) {
  if (domain == "energy")
    return {0.3, 0.15, 0.5,
            "Judgement: oil and gas move largely through fixed pipelines, ports and long contracts; re-routing takes "
            "years and capacity elsewhere. A judgement to revise."};
  if (domain == "arms")
    return {0.2, 0.1, 0.4,
            "Judgement: arms come with spares, training and upgrades that lock the buyer to the supplier for years. "
            "A judgement to revise."};
  return {0.5, 0.3, 0.7,
          "Default of an imported model: most traded goods can be re-sourced or re-sold within a year at a cost. A "
          "judgement to revise."};
}

std::string readable(std::string id) {
  for (char& c : id)
    if (c == '_') c = ' ';
  return id;
}

}  // namespace

ImportResult ComtradeImporter::run(const ImportRequest& request, const CountryNames&) const {
  const std::string& file = request.files.at(0);
  const auto csv = CsvTable::parse(read_file(file), file);
  csv.require_columns(used_columns(), other_columns());
  const size_t year_col = csv.require_column("Year"), flow_col = csv.require_column("Trade Flow"),
               reporter_col = csv.require_column("Reporter ISO"), code_col = csv.require_column("Partner Code"),
               partner_name_col = csv.require_column("Partner"), partner_col = csv.require_column("Partner ISO"),
               commodity_col = csv.require_column("Commodity Code"),
               value_col = csv.require_column("Trade Value (US$)");
  const auto reporter = [&](const CsvRow& row) { return trim(row.cells[reporter_col]); };
  // Mirror data only when the focal state reports nothing at all in the file.
  bool focal_reports = false;
  for (const auto& row : csv.rows())
    if (reporter(row) == request.focal) focal_reports = true;
  const auto& countries = CountryTable::builtin();
  const auto& chapters = hs2_domains();
  ImportResult result;
  Totals totals;
  std::map<std::tuple<std::string, std::string, std::string, std::string, std::string>, long> seen;
  std::set<std::string> domains_used, chapter_sources;
  std::map<std::string, std::set<std::string>> domain_chapters;
  for (const auto& row : csv.rows()) {
    // Validate every row, so a damaged file fails wherever the damage is.
    const int year = static_cast<int>(csv.integer(row, year_col));
    const double value = csv.number(row, value_col);
    if (value < 0) fail_input(csv.at(row, value_col), "must be non-negative (a trade value in US$)");
    const std::string flow_name = trim(row.cells[flow_col]);
    if (flow_name != "Export" && flow_name != "Import" && flow_name != "Re-Export" && flow_name != "Re-Import")
      fail_input(csv.at(row, flow_col), "'" + flow_name + "': expected Export, Import, Re-Export or Re-Import");
    const std::string partner_iso = trim(row.cells[partner_col]), partner_code = trim(row.cells[code_col]);
    const std::string commodity = trim(row.cells[commodity_col]);
    auto key = std::make_tuple(reporter(row), row.cells[year_col], flow_name, partner_code, commodity);
    auto [previous, fresh] = seen.emplace(key, row.line);
    if (!fresh)
      fail_input({file, row.line, ""}, fmt::format("repeats line {} (same year, reporter, flow, partner and "
                                                   "commodity): the value would count twice", previous->second));
    const bool mirror = !focal_reports && partner_iso == request.focal;
    if (reporter(row) != request.focal && !mirror) continue;
    if (!request.wants_year(year)) continue;
    if (flow_name == "Re-Export" || flow_name == "Re-Import") {
      ++totals.re_flows;  // Comtrade's exports and imports already include them
      continue;
    }
    std::string domain;
    if (iequals(commodity, "TOTAL")) {
      domain = "total";
    } else if (commodity.size() != 2) {
      ++totals.finer_codes;  // a heading or subheading inside a chapter: would count twice
      continue;
    } else {
      auto found = chapters.find(commodity);
      if (found == chapters.end()) {
        ++totals.unmapped_chapters[commodity];
        continue;
      }
      domain = found->second.domain;
      for (const auto& id : found->second.sources) chapter_sources.insert(id);
    }
    // A partner's exports to the focal state are the focal state's imports.
    const bool exports = (flow_name == "Export") != mirror;
    const DomainYear where{exports ? "exports" : "imports", domain, year};
    const std::string partner = mirror ? reporter(row) : partner_iso;
    domains_used.insert(domain);
    domain_chapters[domain].insert(commodity);
    if (!mirror && (partner_code == "0" || partner_iso == kWorldCode)) {
      totals.world[where] += value;
      totals.world_chapters[where].insert(commodity);
      continue;
    }
    if (partner.empty()) {
      ++totals.unattributed[trim(row.cells[partner_name_col])];
      continue;
    }
    if (!countries.contains(partner) || partner == kWorldCode || partner == kUnknownCode) {
      note_unmatched(request, result, mirror ? partner : fmt::format("{} ({})", partner,
                                                                      trim(row.cells[partner_name_col])),
                     file, row.line);
      continue;
    }
    if (partner == request.focal) {
      ++totals.self;
      continue;
    }
    totals.listed[{where, partner}] += value;
    totals.partner_chapters[where].insert(commodity);
  }
  std::map<DomainYear, double> listed_sum;
  for (const auto& [key, value] : totals.listed) {
    const auto& [flow, domain, year] = key.first;
    listed_sum[key.first] += value;
    if (value > 0) result.ties.push_back({flow + "_" + domain, key.second, year, value, "comtrade",
                                          focal_reports ? "" : "mirror: as reported by the partner", 0});
  }
  for (const auto& [where, value] : totals.world) {
    const auto& [flow, domain, year] = where;
    const auto& partner_chapters = totals.partner_chapters[where];
    const auto& world_chapters = totals.world_chapters[where];
    const bool covers = std::includes(world_chapters.begin(), world_chapters.end(), partner_chapters.begin(),
                                      partner_chapters.end());
    if (!covers || listed_sum[where] > value * (1 + 1e-9)) {
      result.notes.push_back(fmt::format("{}_{} {}: the World rows do not cover the partners listed; no WLD total "
                                         "written (shares are of the listed partners)", flow, domain, year));
      continue;
    }
    if (value > 0) result.ties.push_back({flow + "_" + domain, kWorldCode, year, value, "comtrade", "", 0});
  }
  for (const auto& domain : domains_used) {
    std::vector<std::string> codes(domain_chapters[domain].begin(), domain_chapters[domain].end());
    const std::string chapters_text = domain == "total" ? "all commodities (TOTAL)" : "HS chapters " + join(codes, ", ");
    for (const char* flow : {"exports", "imports"}) {
      const bool is_exports = std::string(flow) == "exports";
      result.domains.push_back(
          {fmt::format("{}_{}", flow, domain), fmt::format("{}: {}", is_exports ? "Exports" : "Imports", readable(domain)),
           "USD",
           fmt::format("{} by partner, UN Comtrade ({}), {}; chapters mapped by data/reference/hs2_domains.csv.",
                       is_exports ? "Exports" : "Imports",
                       focal_reports ? "as reported by " + request.focal : "mirror: as reported by the partners",
                       chapters_text),
           substitutability_of(domain)});
    }
  }
  result.sources.push_back({"comtrade", "United Nations Statistics Division", "UN Comtrade Database (bulk download, "
                            "legacy columns), trade values in US$", "",
                            "https://comtrade.un.org; imported from " + file});
  for (const auto& id : chapter_sources) result.sources.push_back(reference_source(id));
  if (!focal_reports)
    result.notes.push_back(fmt::format("{} reports nothing in this file: mirror data used (partners' imports from {} "
                                       "as its exports, partners' exports to it as its imports; no World total, so "
                                       "shares are of the reporting partners only)", request.focal, request.focal));
  if (totals.re_flows > 0)
    result.notes.push_back(fmt::format("{} Re-Export / Re-Import rows skipped (already inside Export / Import)",
                                       totals.re_flows));
  if (totals.finer_codes > 0)
    result.notes.push_back(fmt::format("{} rows below chapter level (4- or 6-digit codes) skipped; only 2-digit "
                                       "chapters and TOTAL are read", totals.finer_codes));
  for (const auto& [code, count] : totals.unmapped_chapters)
    result.notes.push_back(fmt::format("{} rows of HS chapter '{}' skipped: not in data/reference/hs2_domains.csv",
                                       count, code));
  if (!totals.unattributed.empty()) {
    std::vector<std::string> areas;
    long rows = 0;
    for (const auto& [name, count] : totals.unattributed) {
      areas.push_back(fmt::format("{} ({})", name, count));
      rows += count;
    }
    result.notes.push_back(fmt::format("{} rows with a Comtrade area that is no country (no Partner ISO) stay "
                                       "unallocated inside the World total: {}", rows, join(areas, ", ")));
  }
  return result;
}

}  // namespace tengerim
