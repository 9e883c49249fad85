#include "model/GdpReader.h"

#include <fmt/format.h>

#include <set>

#include "common/CsvTable.h"
#include "common/Text.h"

namespace tengerim {

void read_gdp(const ModelSource& source, Model& model) {
  auto text = source.read("gdp.csv");
  if (!text) return;
  auto csv = CsvTable::parse(*text, source.display_name("gdp.csv"));
  csv.require_columns({"year", "value", "source"});
  const size_t year = csv.require_column("year"), value = csv.require_column("value"),
               source_id = csv.require_column("source");
  std::set<std::string> sources;
  for (const auto& entry : model.sources) sources.insert(entry.id);
  for (const auto& row : csv.rows()) {
    long year_value = csv.integer(row, year);
    if (year_value < model.first_year || year_value > model.last_year)
      fail_input(csv.at(row, year), fmt::format("year {} is outside the model's years [{}, {}]", year_value,
                                                model.first_year, model.last_year));
    GdpObservation entry{csv.number(row, value), trim(row.cells[source_id]), row.line};
    if (!(entry.value_usd > 0)) fail_input(csv.at(row, value), "GDP must be positive (current US dollars)");
    if (!sources.count(entry.source)) fail_input(csv.at(row, source_id), "source '" + entry.source + "' is not in sources.csv");
    auto [it, inserted] = model.gdp.emplace(static_cast<int>(year_value), entry);
    if (!inserted) fail_input(csv.at(row, year), fmt::format("duplicate year {}: first given on line {}", year_value, it->second.line));
  }
}

std::string gdp_csv(const Model& model) {
  if (model.gdp.empty()) return {};
  std::string out = "year,value,source\n";
  for (const auto& [year, entry] : model.gdp) out += fmt::format("{},{},{}\n", year, entry.value_usd, csv_field(entry.source));
  return out;
}

}  // namespace tengerim
