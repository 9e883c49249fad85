#pragma once
// How a model's domains are valued in money (valuation.toml) and the prices
// it needs (prices.csv): docs/model.md "Losses in money". A domain whose
// ties are money is valued at its yearly total; a corridor commodity's
// domain at the focal state's volume times a price; an investment domain at
// the income of its total (a yield); a domain whose unit is a share at a
// sourced yearly total. Domains not listed have no money valuation.
#include <map>
#include <string>
#include <vector>

#include "common/Error.h"
#include "model/Judgement.h"

namespace tengerim {

// One row of prices.csv: a commodity's price in one year.
struct PriceObservation {
  double usd_per_unit = 0;  // > 0, finite
  std::string unit;         // e.g. "USD/bbl"
  std::string source;       // a sources.csv id, or "judgement" (usd_per_unit then names a judgements.csv row)
  long line = 0;
};

// A sourced money total of a domain in one year (method "total").
struct MoneyTotal {
  double usd = 0;  // the value given x usd_per_unit
  std::string source;
  long line = 0;
};

enum class ValuationMethod {
  Flow,       // the domain's yearly total x usd_per_unit (its ties are money)
  Commodity,  // the focal state's yearly volume of `commodity` (demand.csv) x units_per_volume x price
  Income,     // the domain's total x usd_per_unit x yield (a stock or flow of investment earns income)
  Total,      // a sourced yearly total in USD (the domain's ties are shares)
};

struct DomainValuation {
  std::string domain;
  ValuationMethod method = ValuationMethod::Flow;
  double usd_per_unit = 1;       // Flow, Income: USD per unit of the domain's ties; Total: of its totals' values
  std::string commodity;         // Commodity
  Location commodity_at;         // Commodity: where it is named, for messages
  Judgement units_per_volume;    // Commodity: price units per unit of the commodity's volume
  Judgement yield;               // Income: yearly income per USD of the total
  std::map<int, MoneyTotal> totals;  // Total: by year
  std::string rationale;
  long line = 0;  // in valuation.toml
};

struct Valuation {
  std::string file;         // valuation.toml as displayed, for messages
  std::string prices_file;  // prices.csv as displayed
  std::vector<DomainValuation> domains;
  std::map<std::string, std::map<int, PriceObservation>> prices;  // commodity -> year -> price

  const DomainValuation* find(const std::string& domain) const {
    for (const auto& entry : domains)
      if (entry.domain == domain) return &entry;
    return nullptr;
  }
};

}  // namespace tengerim
