#include "risk/MoneyLoss.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/Error.h"

namespace tengerim {
namespace {

const char* method_name(ValuationMethod method) {
  switch (method) {
    case ValuationMethod::Flow: return "flow";
    case ValuationMethod::Commodity: return "commodity";
    case ValuationMethod::Income: return "income";
    case ValuationMethod::Total: return "total";
  }
  return "";
}

// The latest entry of a by-year map at or before `year`.
template <class Map>
auto latest_at(const Map& by_year, int year) {
  auto it = by_year.upper_bound(year);
  return it == by_year.begin() ? by_year.end() : std::prev(it);
}

// The domain's entry of the latest sheet year at or before `year` that has it.
const DomainSheet* sheet_entry(const BalanceSheet& sheet, const std::string& domain, int year, int& found_year) {
  for (auto it = sheet.years.rbegin(); it != sheet.years.rend(); ++it) {
    if (it->year > year) continue;
    for (const auto& entry : it->domains)
      if (entry.id == domain && entry.basis != Basis::None) {
        found_year = entry.observed_years.empty() ? it->year : entry.observed_years.back();
        return &entry;
      }
  }
  return nullptr;
}

}  // namespace

MoneyLoss::MoneyLoss(const Model& model, const BalanceSheet& sheet, const CorridorNetwork& network,
                     const Valuation& valuation, const Scenario& scenario, const Coupling& coupling, int exposure_year)
    : exposure_year_(exposure_year) {
  for (const auto& domain : model.domains) {
    DomainMoney money;
    money.domain = domain.id;
    int year = 0;
    const DomainSheet* entry = sheet_entry(sheet, domain.id, exposure_year, year);
    if (entry) {
      money.unit_total = entry->total;
      money.unit_year = {year, year < exposure_year};
    }
    const DomainValuation* rule = valuation.find(domain.id);
    if (rule) {
      money.valued = true;
      money.method = method_name(rule->method);
      switch (rule->method) {
        case ValuationMethod::Flow:
        case ValuationMethod::Income:
          if (entry) {
            money.has_data = true;
            money.value_year = {year, year < exposure_year};
            money.yield = rule->method == ValuationMethod::Income ? rule->yield.value : 1.0;
            money.usd_per_share = entry->total * rule->usd_per_unit * money.yield;
            if (rule->method == ValuationMethod::Flow) money.yield = 0;
          }
          break;
        case ValuationMethod::Total:
          if (auto it = latest_at(rule->totals, exposure_year); it != rule->totals.end()) {
            money.has_data = true;
            money.value_year = {it->first, it->first < exposure_year};
            money.usd_per_share = it->second.usd;
          }
          break;
        case ValuationMethod::Commodity: {
          const auto& prices = valuation.prices.at(rule->commodity);
          auto it = latest_at(prices, exposure_year);
          if (it == prices.end())
            fail_input(rule->commodity_at,
                       fmt::format("prices.csv has no price of '{}' in or before the exposure year {} (its first is "
                                   "{})",
                                   rule->commodity, exposure_year, prices.begin()->first));
          for (const auto& demand : network.demands) {
            const CorridorNode* origin = network.find_node(demand.origin);
            if (demand.commodity == rule->commodity && origin && origin->country == model.focal)
              money.volume += demand.volume;
          }
          money.has_data = money.volume > 0;
          money.price = it->second.usd_per_unit;
          money.price_unit = it->second.unit;
          money.value_year = {it->first, it->first < exposure_year};
          money.usd_per_share = money.volume * rule->units_per_volume.value * money.price;
          if (!price_year_ || it->first < price_year_->year) price_year_ = money.value_year;
          if (price_year_ && money.value_year.carried) price_year_->carried = true;
          break;
        }
      }
    }
    domains_.push_back(std::move(money));
  }
  auto index = [&](const std::string& id) {
    for (size_t d = 0; d < model.domains.size(); ++d)
      if (model.domains[d].id == id) return d;
    throw Error(ErrorKind::Internal, {scenario.file, 0, ""}, "unchecked domain " + id);
  };
  for (const auto& entry : scenario.coupling)
    if (!entry.same_dollars) {
      kept_.push_back(entry);
      kept_index_.emplace_back(index(entry.from), index(entry.to));
    }
  const size_t n = model.domains.size();
  per_direct_.assign(n, 0);
  for (size_t j = 0; j < n; ++j) {
    std::vector<double> unit(n, 0);
    unit[j] = 1;
    const auto money = by_domain(unit, coupling.propagate(unit));
    per_direct_[j] = 0;
    for (double value : money) per_direct_[j] += value;
  }
  if (auto it = latest_at(model.gdp, exposure_year); it != model.gdp.end()) {
    gdp_ = it->second.value_usd;
    gdp_year_ = {it->first, it->first < exposure_year};
  }
}

bool MoneyLoss::any() const {
  return std::any_of(domains_.begin(), domains_.end(), [](const DomainMoney& d) { return d.valued; });
}

std::vector<double> MoneyLoss::by_domain(const std::vector<double>& direct, const std::vector<double>& propagated) const {
  std::vector<double> carried = direct;  // what each domain's money counts: its direct loss and the kept spills
  for (size_t e = 0; e < kept_.size(); ++e)
    carried[kept_index_[e].second] += kept_[e].value * propagated[kept_index_[e].first];
  std::vector<double> out(domains_.size(), 0);
  for (size_t d = 0; d < domains_.size(); ++d) out[d] = domains_[d].usd_per_share * carried[d];
  return out;
}

double MoneyLoss::total(const std::vector<double>& direct) const {
  double sum = 0;
  for (size_t j = 0; j < direct.size() && j < per_direct_.size(); ++j) sum += per_direct_[j] * direct[j];
  return sum;
}

}  // namespace tengerim
