#include "model/ValuationReader.h"

#include <fmt/format.h>

#include <set>

#include "model/PriceReader.h"
#include "model/TomlFields.h"

namespace tengerim {
namespace {

ValuationMethod method_of(TomlFields& fields) {
  const std::string text = fields.string("method");
  if (text == "flow") return ValuationMethod::Flow;
  if (text == "commodity") return ValuationMethod::Commodity;
  if (text == "income") return ValuationMethod::Income;
  if (text == "total") return ValuationMethod::Total;
  fail_input(fields.at("method"), "unknown method '" + text + "' (flow, commodity, income or total)");
}

double positive(TomlFields& fields, const std::string& key) {
  const double value = fields.number(key);
  if (!(value > 0)) fail_input(fields.at(key), "must be positive");
  return value;
}

void read_totals(TomlFields& fields, const Model& model, DomainValuation& entry) {
  const toml::array* totals = fields.optional_array("totals");
  if (!totals || totals->empty()) fail_input(fields.at("totals"), "a total valuation needs its sourced totals");
  std::set<std::string> sources;
  for (const auto& source : model.sources) sources.insert(source.id);
  for (size_t i = 0; i < totals->size(); ++i) {
    const toml::table* table = totals->get(i)->as_table();
    const std::string path = fmt::format("domains[{}].totals[{}]", entry.domain, i);
    if (!table) fail_input({fields.file(), static_cast<long>(totals->get(i)->source().begin.line), path},
                           "expected { year, value, source }");
    TomlFields total(*table, fields.file(), path);
    const long year = total.integer("year");
    if (year < model.first_year || year > model.last_year)
      fail_input(total.at("year"), fmt::format("year {} is outside the model's years [{}, {}]", year, model.first_year,
                                               model.last_year));
    MoneyTotal value{positive(total, "value") * entry.usd_per_unit, total.string("source"), total.at("value").line};
    if (!sources.count(value.source)) fail_input(total.at("source"), "source '" + value.source + "' is not in sources.csv");
    total.reject_unknown_keys();
    if (!entry.totals.emplace(static_cast<int>(year), value).second)
      fail_input(total.at("year"), fmt::format("duplicate year {}", year));
  }
}

}  // namespace

Valuation read_valuation(const ModelSource& source, const Model& model, const CorridorNetwork& network) {
  Valuation valuation;
  read_prices(source, model, network, valuation);
  auto text = source.read("valuation.toml");
  if (!text) return valuation;
  valuation.file = source.display_name("valuation.toml");
  toml::table root = parse_toml(*text, valuation.file);
  TomlFields fields(root, valuation.file, "");
  if (const toml::array* domains = fields.optional_array("domains")) {
    for (size_t i = 0; i < domains->size(); ++i) {
      const toml::node& node = *domains->get(i);
      const toml::table* table = node.as_table();
      if (!table)
        fail_input({valuation.file, static_cast<long>(node.source().begin.line), fmt::format("domains[{}]", i)},
                   "expected a table");
      TomlFields entry_fields(*table, valuation.file, fmt::format("domains[{}]", i));
      DomainValuation entry;
      entry.domain = entry_fields.string("id");
      entry.line = entry_fields.at("id").line;
      if (!model.find_domain(entry.domain)) fail_input(entry_fields.at("id"), "unknown domain '" + entry.domain + "'");
      if (valuation.find(entry.domain)) fail_input(entry_fields.at("id"), "domain '" + entry.domain + "' valued twice");
      entry.method = method_of(entry_fields);
      entry.rationale = entry_fields.optional_string("rationale").value_or("");
      switch (entry.method) {
        case ValuationMethod::Flow:
          entry.usd_per_unit = positive(entry_fields, "usd_per_unit");
          break;
        case ValuationMethod::Income:
          entry.usd_per_unit = positive(entry_fields, "usd_per_unit");
          entry.yield = entry_fields.judgement("yield");
          if (!(entry.yield.low > 0 && entry.yield.high < 1))
            fail_input(entry_fields.at("yield"), "a yield and its range must lie in (0, 1)");
          break;
        case ValuationMethod::Commodity: {
          entry.commodity = entry_fields.string("commodity");
          entry.commodity_at = entry_fields.at("commodity");
          const CorridorCommodity* commodity = network.find_commodity(entry.commodity);
          if (!commodity || commodity->domain != entry.domain)
            fail_input(entry_fields.at("commodity"), "'" + entry.commodity + "' is not a commodity of commodities.csv "
                                                         "linked to domain '" + entry.domain + "'");
          if (!valuation.prices.count(entry.commodity))
            fail_input(entry_fields.at("commodity"), "prices.csv has no price of '" + entry.commodity + "'");
          entry.units_per_volume = entry_fields.judgement("units_per_volume");
          if (!(entry.units_per_volume.low > 0))
            fail_input(entry_fields.at("units_per_volume"), "a conversion and its range must be positive");
          break;
        }
        case ValuationMethod::Total:
          entry.usd_per_unit = positive(entry_fields, "usd_per_unit");
          read_totals(entry_fields, model, entry);
          break;
      }
      entry_fields.reject_unknown_keys();
      valuation.domains.push_back(std::move(entry));
    }
  }
  fields.reject_unknown_keys();
  return valuation;
}

}  // namespace tengerim
