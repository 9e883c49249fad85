#include "data/UndesaMigrantsImporter.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>

#include "common/CsvScanner.h"
#include "common/CsvTable.h"
#include "common/MappedFile.h"
#include "common/NameIds.h"
#include "common/Text.h"
#include "data/ReferenceSources.h"
#include "model/CountryTable.h"

namespace tengerim {
namespace {

constexpr const char* kDataset = "undesa";
constexpr const char* kDataset2020 = "undesa_2020";  // ISO3 codes that are no country (XXX Others, CHI Channel Islands)
constexpr const char* kSource2020 = "undesa-ims-2020";

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

void add_domains(ImportResult& result) {
  result.domains.push_back({"migrants_abroad", "Emigrants (born in the focal state, living abroad)", "persons",
                            "International migrant stock born in the focal state, by country of destination (UN "
                            "DESA). No world total: shares are of the destinations listed.",
                            migrant_substitutability(), /*stock=*/true});
  result.domains.push_back({"migrants_in", "Immigrants (born abroad, living in the focal state)", "persons",
                            "International migrant stock living in the focal state, by country of origin (UN DESA). "
                            "No world total: shares are of the origins listed.",
                            migrant_substitutability(), /*stock=*/true});
}

// The 2019 layout: wide, `Year, Dest, <one column per origin>`.
ImportResult run_2019(const ImportRequest& request, const CountryNames& names, std::string_view text,
                      const std::string& file) {
  const auto csv = CsvTable::parse(text, file);
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
  add_domains(result);
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

// The 2020 layout (gdiviz's long form): `to, from, t, sex, v`, destination and
// origin ISO3, year, Male/Female (or Total), persons.
ImportResult run_2020(const ImportRequest& request, const CountryNames& names, CsvScanner& csv,
                      const std::string& file) {
  csv.require_columns({"to", "from", "t", "sex", "v"});
  const size_t to_col = csv.require_column("to"), from_col = csv.require_column("from"),
               year_col = csv.require_column("t"), sex_col = csv.require_column("sex"),
               value_col = csv.require_column("v");
  ImportResult result;
  struct Stock {
    double sexes = 0;  // Male + Female
    bool by_sex = false;
    std::optional<double> total;
    long total_line = 0;
  };
  std::map<std::tuple<std::string, int, std::string>, Stock> stocks;  // (domain, year, partner)
  std::map<std::pair<std::string, int>, double> not_partners;        // (code, year) -> persons, in the focal's rows
  NameIds codes;                                                      // to and from codes, as numbers
  std::unordered_map<uint64_t, long> first_line;                      // (to, from, t, sex) -> line
  first_line.reserve(csv.bytes_left() / 16);
  long not_available = 0, rows = 0;
  bool focal_to = false, focal_from = false;
  const CountryTable& countries = CountryTable::builtin();
  while (csv.next()) {
    ++rows;
    const std::string to(trim(csv.field(to_col))), from(trim(csv.field(from_col)));
    if (to.empty()) fail_input(csv.at(to_col), "a destination code (ISO3) is required");
    if (from.empty()) fail_input(csv.at(from_col), "an origin code (ISO3) is required");
    const long year = csv.integer(year_col);
    if (year < 1900 || year > 2100) fail_input(csv.at(year_col), "expected a year between 1900 and 2100");
    const std::string sex(trim(csv.field(sex_col)));
    if (sex != "Male" && sex != "Female" && sex != "Total")
      fail_input(csv.at(sex_col), fmt::format("'{}': expected Male, Female or Total", sex));
    const uint64_t key = (uint64_t{codes.id(to)} << 40) | (uint64_t{codes.id(from)} << 16) |
                         (static_cast<uint64_t>(year - 1900) << 2) | (sex == "Male" ? 0u : sex == "Female" ? 1u : 2u);
    auto [previous, fresh] = first_line.emplace(key, csv.line());
    if (!fresh)
      fail_input(csv.at(sex_col), fmt::format("{} born in {}, {} {}, repeats line {}: the stock would count twice",
                                              to, from, year, sex, previous->second));
    const std::string cell(trim(csv.field(value_col)));
    std::optional<double> value;
    if (!cell.empty() && cell != "NA" && cell != "..") {
      value = csv.number(value_col);
      if (*value < 0) fail_input(csv.at(value_col), "must be non-negative (persons)");
    }
    if (!request.wants_year(static_cast<int>(year))) continue;
    const bool in = to == request.focal, abroad = from == request.focal;
    focal_to = focal_to || in;
    focal_from = focal_from || abroad;
    if (in == abroad) continue;  // not the focal's, or inside it
    const std::string& partner = in ? from : to;
    if (!value) {
      ++not_available;
      continue;
    }
    if (!countries.contains(partner) || partner == kWorldCode || partner == kUnknownCode) {
      if (names.known_without_code(kDataset2020, partner))
        not_partners[{partner, static_cast<int>(year)}] += *value;
      else
        note_unmatched(request, result, partner, file, csv.line());
      continue;
    }
    Stock& stock = stocks[{in ? "migrants_in" : "migrants_abroad", static_cast<int>(year), partner}];
    if (sex == "Total") {
      stock.total = *value;
      stock.total_line = csv.line();
    } else {
      stock.sexes += *value;
      stock.by_sex = true;
    }
  }
  long totals = 0;
  for (const auto& [key, stock] : stocks) {
    const auto& [domain, year, partner] = key;
    if (stock.total && stock.by_sex && std::fabs(*stock.total - stock.sexes) > 0.5)
      fail_input({file, stock.total_line, "v"},
                 fmt::format("Total {} differs from Male + Female {} for {} {} {}", *stock.total, stock.sexes,
                             domain, partner, year));
    if (stock.total) ++totals;
    const double value = stock.total ? *stock.total : stock.sexes;
    if (value > 0) result.ties.push_back({domain, partner, year, value, kSource2020, "", 0});
  }
  add_domains(result);
  Source source = reference_source(kSource2020);
  source.address += "; imported from " + file;
  result.sources.push_back(std::move(source));
  result.notes.push_back(fmt::format("2020 layout ({} rows): both sexes, Male + Female{}", rows,
                                     totals > 0 ? fmt::format(" (or the Total row: {} pair-years)", totals) : ""));
  if (!focal_from)
    result.notes.push_back(fmt::format("no origin rows for {}: migrants_abroad not imported", request.focal));
  if (!focal_to)
    result.notes.push_back(fmt::format("no destination rows for {}: migrants_in not imported", request.focal));
  if (!not_partners.empty()) {
    std::vector<std::string> listed;
    for (const auto& [key, persons] : not_partners)
      listed.push_back(fmt::format("{} {} {}", key.first, key.second, persons));
    result.notes.push_back("not partners, left out (XXX = other origins, CHI = Channel Islands): " +
                           join(listed, ", "));
  }
  if (not_available > 0)
    result.notes.push_back(fmt::format("{} cells not available (empty or NA) in the rows read", not_available));
  return result;
}

}  // namespace

ImportResult UndesaMigrantsImporter::run(const ImportRequest& request, const CountryNames& names) const {
  const std::string& file = request.files.at(0);
  const MappedFile text(file);
  CsvScanner csv(text.text(), file);
  // The 2020 long form names none of the 2019 wide form's fixed columns.
  bool long_form = false, wide_form = false;
  for (const auto& column : csv.header()) {
    const std::string name = to_lower(trim(column));
    long_form = long_form || name == "to" || name == "from" || name == "sex";
    wide_form = wide_form || name == "year" || name == "dest";
  }
  long_form = long_form && !wide_form;
  if (long_form) return run_2020(request, names, csv, file);
  return run_2019(request, names, text.text(), file);
}

}  // namespace tengerim
