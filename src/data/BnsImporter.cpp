#include "data/BnsImporter.h"

#include <fmt/format.h>

#include <map>

#include "common/OptionError.h"
#include "common/CsvTable.h"
#include "common/FileIo.h"
#include "common/Text.h"
#include "model/CountryTable.h"

namespace tengerim {
namespace {

struct BnsRow {
  int edition;
  const CsvRow* row;
};

}  // namespace

ImportResult BnsImporter::run(const ImportRequest& request, const CountryNames& names) const {
  if (request.focal != "KAZ")
    fail_option("import.focal", request.focal,
                "the BNS tables are Kazakhstan's own: import them for KAZ (for other countries use comtrade or "
                "cow-trade)");
  const std::string& file = request.files.at(0);
  const auto csv = CsvTable::parse(read_file(file), file);
  csv.require_columns({"edition", "sheet", "year", "row_order", "name_ru", "code", "is_aggregate", "turnover_kusd",
                       "turnover_share_pct", "exports_kusd", "exports_share_pct", "imports_kusd", "imports_share_pct"});
  const size_t edition = csv.require_column("edition"), year = csv.require_column("year"),
               name = csv.require_column("name_ru"), code = csv.require_column("code"),
               aggregate = csv.require_column("is_aggregate"), exports = csv.require_column("exports_kusd"),
               imports = csv.require_column("imports_kusd");
  // year -> partner -> the row of the preferred edition
  std::map<int, std::map<std::string, BnsRow>> chosen;
  ImportResult result;
  const auto& countries = CountryTable::builtin();
  for (const auto& row : csv.rows()) {
    if (csv.integer(row, aggregate) != 0) continue;
    const int row_year = static_cast<int>(csv.integer(row, year));
    if (!request.wants_year(row_year)) continue;
    std::string partner = trim(row.cells[code]);
    if (partner.empty()) partner = names.iso3("bns", row.cells[name]).value_or("");
    if (partner.empty() || !countries.contains(partner)) {
      note_unmatched(request, result, row.cells[name], file, row.line);
      continue;
    }
    const int row_edition = static_cast<int>(csv.integer(row, edition));
    auto& slot = chosen[row_year][partner];
    const bool better = !slot.row || (row_edition == row_year) ||
                        (slot.edition != row_year && row_edition > slot.edition);
    if (better) slot = {row_edition, &row};
  }
  std::map<int, bool> editions;
  for (const auto& [row_year, partners] : chosen)
    for (const auto& [partner, entry] : partners) {
      for (auto [domain, column] : {std::pair{"exports", exports}, std::pair{"imports", imports}}) {
        const std::string cell = trim(entry.row->cells[column]);
        if (cell.empty()) continue;  // a blank cell in the official table: no trade
        double value = csv.number(*entry.row, column);
        if (value < 0) fail_input(csv.at(*entry.row, column), "must be non-negative");
        if (value == 0) continue;
        result.ties.push_back({domain, partner, row_year, value, fmt::format("bns-ed{}", entry.edition), "", 0});
      }
      editions[entry.edition] = true;
    }
  for (const auto& [edition_year, unused] : editions)
    result.sources.push_back({fmt::format("bns-ed{}", edition_year),
                              "Bureau of National Statistics of the Agency for Strategic Planning and Reforms of the "
                              "Republic of Kazakhstan",
                              fmt::format("Main indicators of foreign trade of the Republic of Kazakhstan by country, "
                                          "edition {}", edition_year),
                              "", "imported from " + file});
  const Judgement substitutability{0.5, 0.3, 0.7,
                                   "Default of an imported model: most traded goods can be re-sourced or re-sold "
                                   "within a year at a cost. A judgement to revise."};
  result.domains.push_back({"exports", "Goods exports", "thousand USD", "Exports by country of destination (BNS).",
                            substitutability});
  result.domains.push_back({"imports", "Goods imports", "thousand USD", "Imports by country of origin (BNS).",
                            substitutability});
  return result;
}

}  // namespace tengerim
