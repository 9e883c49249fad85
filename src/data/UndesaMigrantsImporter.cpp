#include "data/UndesaMigrantsImporter.h"

#include <fmt/format.h>

#include <map>
#include <optional>

#include "common/CsvTable.h"
#include "common/FileIo.h"
#include "common/Text.h"
#include "model/CountryTable.h"

namespace tengerim {
namespace {

constexpr const char* kDataset = "undesa";

// A country's ISO3, or nothing for a region the names table lists without one
// (e.g. "Channel Islands"); `unknown` is set for a name the table lacks.
std::optional<std::string> country_of(const CountryNames& names, const std::string& name, bool& unknown) {
  unknown = false;
  auto iso3 = names.iso3(kDataset, name);
  if (iso3 && CountryTable::builtin().contains(*iso3) && *iso3 != kWorldCode && *iso3 != kUnknownCode) return iso3;
  unknown = !names.known_without_code(kDataset, name);
  return std::nullopt;
}

// A stock in persons: '..' (not available) and '-' (zero) give nothing.
std::optional<double> stock(const CsvTable& csv, const CsvRow& row, size_t column, long& not_available) {
  const std::string cell = trim(row.cells[column]);
  if (cell.empty() || cell == "..") {
    ++not_available;
    return std::nullopt;
  }
  if (cell == "-") return std::nullopt;
  const double value = csv.number(row, column);
  if (value < 0) fail_input(csv.at(row, column), "must be non-negative (persons)");
  return value;
}

Judgement migrant_substitutability() {
  return {0.3, 0.1, 0.5,
          "Judgement: a diaspora and the networks of a migration corridor (language, family, recruiters) change over "
          "years, not months; other destinations open slowly. A judgement to revise."};
}

}  // namespace

ImportResult UndesaMigrantsImporter::run(const ImportRequest& request, const CountryNames& names) const {
  const std::string& file = request.files.at(0);
  const auto csv = CsvTable::parse(read_file(file), file);
  const size_t year_col = csv.require_column("Year"), dest_col = csv.require_column("Dest");
  ImportResult result;
  // Origin columns: their ISO3 (empty for regions); the focal's own column(s).
  std::vector<std::string> origin(csv.header().size());
  std::vector<size_t> focal_columns;
  for (size_t column = 0; column < csv.header().size(); ++column) {
    if (column == year_col || column == dest_col) continue;
    bool unknown = false;
    auto iso3 = country_of(names, csv.header()[column], unknown);
    if (unknown) note_unmatched(request, result, csv.header()[column], file, 1);
    if (!iso3) continue;
    origin[column] = *iso3;
    if (*iso3 == request.focal) focal_columns.push_back(column);
  }
  std::map<std::tuple<std::string, int, std::string>, double> stocks;  // (domain, year, partner)
  std::map<std::pair<int, std::string>, long> first_line;
  long not_available = 0;
  bool focal_row = false;
  for (const auto& row : csv.rows()) {
    const int year = static_cast<int>(csv.integer(row, year_col));
    const std::string dest_name = trim(row.cells[dest_col]);
    auto [previous, fresh] = first_line.emplace(std::pair{year, to_lower(dest_name)}, row.line);
    if (!fresh)
      fail_input(csv.at(row, dest_col), fmt::format("'{}' {} repeats line {}: the stocks would count twice",
                                                    dest_name, year, previous->second));
    // Validate every cell, so a damaged file fails wherever the damage is.
    long ignored = 0;
    for (size_t column = 0; column < row.cells.size(); ++column)
      if (column != year_col && column != dest_col) stock(csv, row, column, ignored);
    if (!request.wants_year(year)) continue;
    bool unknown = false;
    auto dest = country_of(names, dest_name, unknown);
    if (unknown) note_unmatched(request, result, dest_name, file, row.line);
    if (!dest) continue;
    if (*dest == request.focal) {
      focal_row = true;
      for (size_t column = 0; column < row.cells.size(); ++column) {
        if (origin[column].empty() || origin[column] == request.focal) continue;
        if (auto value = stock(csv, row, column, not_available))
          stocks[{"migrants_in", year, origin[column]}] += *value;
      }
      continue;
    }
    for (size_t column : focal_columns)
      if (auto value = stock(csv, row, column, not_available)) stocks[{"migrants_abroad", year, *dest}] += *value;
  }
  for (const auto& [key, value] : stocks) {
    const auto& [domain, year, partner] = key;
    if (value > 0) result.ties.push_back({domain, partner, year, value, "undesa-ims-2019", "", 0});
  }
  result.domains.push_back({"migrants_abroad", "Emigrants (born in the focal state, living abroad)", "persons",
                            "International migrant stock born in the focal state, by country of destination (UN "
                            "DESA). No world total: shares are of the destinations listed.",
                            migrant_substitutability()});
  result.domains.push_back({"migrants_in", "Immigrants (born abroad, living in the focal state)", "persons",
                            "International migrant stock living in the focal state, by country of origin (UN DESA). "
                            "No world total: shares are of the origins listed.",
                            migrant_substitutability()});
  result.sources.push_back({"undesa-ims-2019", "United Nations, Department of Economic and Social Affairs, Population "
                            "Division",
                            "International Migrant Stock 2019: migrant stock by origin and destination "
                            "(UN_MigrantStockByOriginAndDestination_2019)",
                            "2019",
                            "https://www.un.org/en/development/desa/population/migration/data/estimates2/"
                            "estimates19.asp; imported from " + file});
  if (focal_columns.empty())
    result.notes.push_back(fmt::format("no origin column for {}: migrants_abroad not imported", request.focal));
  if (!focal_row)
    result.notes.push_back(fmt::format("no destination row for {}: migrants_in not imported", request.focal));
  if (not_available > 0)
    result.notes.push_back(fmt::format("{} cells '..' (not available) or empty in the rows and column read",
                                       not_available));
  return result;
}

}  // namespace tengerim
