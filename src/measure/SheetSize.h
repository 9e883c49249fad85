#pragma once
// Size beside shares (docs/measures.md, "Size"): FBIC-style bandwidth, each
// money domain's flows with a partner or direction relative to the focal
// state's GDP (gdp.csv). Shares say who holds a domain; bandwidth says how
// much of the economy that is. Domains in other units (TIV, persons, tonnes)
// have no money value and are listed as such, never converted. Domains are
// not summed: a stock (FDI position) and a flow (trade) do not add.
#include <optional>
#include <string>
#include <vector>

#include "measure/BalanceSheet.h"
#include "model/Model.h"

namespace tengerim {

// US dollars per unit of a domain's `unit` ("thousand USD" 1e3, "billion USD (mid-2021)" 1e9, "USD" 1),
// nothing for a unit that is not US dollars.
std::optional<double> usd_per_unit(const std::string& unit);

struct Bandwidth {
  std::string id;   // a direction (or "other"), or a partner
  std::string direction;  // partners: their direction, "" when in none
  double usd = 0;
  std::optional<double> gdp_share;  // usd / GDP, when GDP is known
};

struct DomainSize {
  std::string id;
  double usd = 0;  // the domain's total
  std::optional<double> gdp_share;
  std::vector<Bandwidth> directions;  // the model's directions, then "other"
  std::vector<Bandwidth> partners;    // the five largest partners
};

struct YearSize {
  std::optional<double> gdp_usd;
  int gdp_year = 0;      // the year of the GDP used (== the year unless carried)
  std::string note;      // why GDP is missing or carried; "" when the year's own
  std::vector<DomainSize> domains;        // the money domains present
  std::vector<std::string> not_in_money;  // the other domains present
};

// GDP of the year, else of the latest earlier year within this many years (flagged in the note).
inline constexpr int kGdpCarryYears = 2;

YearSize measure_size(const Model& model, const YearSheet& year);

}  // namespace tengerim
