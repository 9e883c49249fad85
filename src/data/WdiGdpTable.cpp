#include "data/WdiGdpTable.h"

#include <fmt/format.h>

#include "common/CsvScanner.h"

namespace tengerim {
namespace {

constexpr const char* kSource = "wdi-gdp";

}  // namespace

WdiGdpTable WdiGdpTable::parse(std::string_view text, const std::string& file, const CountryTable& countries) {
  CsvScanner csv(text, file);
  csv.require_columns({"Country Name", "Country Code", "Year", "Value"});
  const size_t code_column = csv.require_column("Country Code"), year_column = csv.require_column("Year"),
               value_column = csv.require_column("Value");
  WdiGdpTable table;
  table.file_ = file;
  std::map<std::pair<std::string, long>, long> first_line;  // (code, year) -> line
  while (csv.next()) {
    const std::string code(csv.field(code_column));
    if (code.empty()) fail_input(csv.at(code_column), "a country code is required");
    const long year = csv.integer(year_column);
    if (year < 1900 || year > 2100) fail_input(csv.at(year_column), fmt::format("{}: expected a year", year));
    const auto value = csv.optional_number(value_column);
    if (value && !(*value > 0)) fail_input(csv.at(value_column), fmt::format("{}: GDP must be positive", *value));
    if (auto [it, added] = first_line.emplace(std::pair{code, year}, csv.line()); !added)
      fail_input(csv.at(year_column), fmt::format("{} {} is given twice (first on line {})", code, year, it->second));
    if (code == kWorldCode || code == kUnknownCode || !countries.contains(code)) {
      ++table.aggregate_rows_;
      continue;
    }
    if (!value) {
      ++table.blanks_;
      continue;
    }
    table.by_country_[code][static_cast<int>(year)] = *value;
  }
  return table;
}

std::vector<std::string> WdiGdpTable::countries() const {
  std::vector<std::string> out;
  for (const auto& [iso3, years] : by_country_) out.push_back(iso3);
  return out;
}

ImportResult WdiGdpTable::result_for(const ImportRequest& request) const {
  ImportResult result;
  if (auto found = by_country_.find(request.focal); found != by_country_.end())
    for (const auto& [year, value] : found->second)
      if (request.wants_year(year)) result.gdp[year] = {value, kSource, 0};
  result.sources.push_back({kSource, "World Bank",
                            "World Development Indicators: GDP (current US$), NY.GDP.MKTP.CD, as normalised to long "
                            "form by the Open Knowledge datasets/gdp package",
                            "2024",
                            "https://github.com/datasets/gdp, file data/gdp.csv, commit "
                            "1cdcd2eb2364edd9da24bcbe134c1a9e0fb4c693 (copied as "
                            "wdi_gdp_current_usd/gdp_current_usd_1960_2023.csv); imported from " +
                                file_});
  if (blanks_ > 0) result.notes.push_back(fmt::format("{} rows of the file have no value (not available)", blanks_));
  if (aggregate_rows_ > 0)
    result.notes.push_back(fmt::format("{} rows are World Bank aggregates or codes outside the country table (not "
                                       "countries)",
                                       aggregate_rows_));
  return result;
}

}  // namespace tengerim
