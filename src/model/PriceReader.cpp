#include "model/PriceReader.h"

#include <fmt/format.h>

#include <set>

#include "common/CsvTable.h"
#include "common/Text.h"

namespace tengerim {

void read_prices(const ModelSource& source, const Model& model, const CorridorNetwork& network,
                 Valuation& valuation) {
  auto text = source.read("prices.csv");
  if (!text) return;
  valuation.prices_file = source.display_name("prices.csv");
  auto csv = CsvTable::parse(*text, valuation.prices_file);
  csv.require_columns({"commodity", "year", "usd_per_unit", "unit", "source"});
  const size_t commodity = csv.require_column("commodity"), year = csv.require_column("year"),
               price = csv.require_column("usd_per_unit"), unit = csv.require_column("unit"),
               source_id = csv.require_column("source");
  std::set<std::string> sources;
  for (const auto& entry : model.sources) sources.insert(entry.id);
  for (const auto& row : csv.rows()) {
    const std::string id = trim(row.cells[commodity]);
    if (!network.find_commodity(id))
      fail_input(csv.at(row, commodity), "unknown commodity '" + id + "' (not in commodities.csv)");
    const long year_value = csv.integer(row, year);
    if (year_value < model.first_year || year_value > model.last_year)
      fail_input(csv.at(row, year), fmt::format("year {} is outside the model's years [{}, {}]", year_value,
                                                model.first_year, model.last_year));
    PriceObservation entry{0, trim(row.cells[unit]), trim(row.cells[source_id]), row.line};
    if (entry.source == "judgement") {
      auto found = network.judgements.find(trim(row.cells[price]));
      if (found == network.judgements.end())
        fail_input(csv.at(row, price), "a judged price names a row of judgements.csv; '" + trim(row.cells[price]) +
                                           "' is none");
      entry.usd_per_unit = found->second.value;
    } else {
      if (!sources.count(entry.source))
        fail_input(csv.at(row, source_id), "source '" + entry.source + "' is not in sources.csv (or write 'judgement')");
      entry.usd_per_unit = csv.number(row, price);
    }
    if (!(entry.usd_per_unit > 0)) fail_input(csv.at(row, price), "a price must be positive (US dollars per unit)");
    if (entry.unit.empty()) fail_input(csv.at(row, unit), "missing unit (e.g. USD/bbl)");
    auto [it, inserted] = valuation.prices[id].emplace(static_cast<int>(year_value), entry);
    if (!inserted)
      fail_input(csv.at(row, year), fmt::format("duplicate price of {} in {}: first given on line {}", id, year_value,
                                                it->second.line));
    const std::string& first_unit = valuation.prices[id].begin()->second.unit;
    if (first_unit != entry.unit)
      fail_input(csv.at(row, unit), "every price of a commodity needs the same unit, here '" + first_unit + "'");
  }
}

}  // namespace tengerim
