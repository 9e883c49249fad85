#pragma once
// Losses in money (docs/risk.md "Losses in money"): what one unit of a
// domain's loss (its whole yearly flow) is worth in US dollars in the
// exposure year, from the model's valuation.toml and prices.csv, and the
// money of a loss vector, with every dollar counted once. A coupling marked
// `same_dollars` (oil routes into exports: the oil stranded is part of the
// exports lost) carries index loss but no money: the money of domain d is
//   V_d (direct_d + sum over the other couplings f -> d of Gamma[d][f] propagated_f),
// which is linear in the direct losses: total = sum_j u_j direct_j with
//   u^T = V^T (I + Gamma_kept (I - Gamma)^-1).
// Domains without a valuation (arms in TIV, migrants in persons) have none:
// they are listed, never added.
#include <optional>
#include <string>
#include <vector>

#include "measure/BalanceSheet.h"
#include "model/CorridorNetwork.h"
#include "model/Model.h"
#include "model/Valuation.h"
#include "risk/Coupling.h"
#include "risk/Scenario.h"

namespace tengerim {

// The year of a figure actually used: the latest at or before the exposure year.
struct UsedYear {
  int year = 0;
  bool carried = false;  // the data end before the exposure year
};

struct DomainMoney {
  std::string domain;
  bool valued = false;        // has a money valuation (valuation.toml)
  bool has_data = false;      // its figures exist at or before the exposure year
  std::string method;         // "flow", "commodity", "income", "total"; "" when not valued
  double usd_per_share = 0;   // V_d: US dollars of the domain's whole yearly flow (x yield for income)
  UsedYear value_year;        // of the domain's total (flow, income, total) or of the price (commodity)
  double volume = 0;          // commodity: the focal state's yearly volume, in the commodity's unit
  double price = 0;           // commodity: the price used, in price_unit
  std::string price_unit;
  double yield = 0;           // income
  // Every domain: its yearly total in its own unit (the balance sheet's), for losses
  // reported in that unit (arms in TIV), and the year it is from; 0 without data.
  double unit_total = 0;
  UsedYear unit_year;
};

class MoneyLoss {
 public:
  // `exposure_year`: shares, totals, prices and GDP are the latest at or before it.
  // Fails (invalid input, naming valuation.toml) when a commodity has no price at or before it.
  MoneyLoss(const Model& model, const BalanceSheet& sheet, const CorridorNetwork& network, const Valuation& valuation,
            const Scenario& scenario, const Coupling& coupling, int exposure_year);

  bool any() const;  // some domain is valued
  int exposure_year() const { return exposure_year_; }
  const std::vector<DomainMoney>& domains() const { return domains_; }
  // u_j: US dollars of total money loss per unit of direct loss in domain j.
  const std::vector<double>& per_direct() const { return per_direct_; }
  // Money by domain of a (direct, propagated) loss pair; sums to sum_j u_j direct_j.
  std::vector<double> by_domain(const std::vector<double>& direct, const std::vector<double>& propagated) const;
  double total(const std::vector<double>& direct) const;

  std::optional<double> gdp() const { return gdp_; }  // US dollars, none without gdp.csv data
  UsedYear gdp_year() const { return gdp_year_; }
  // The oldest price year used (carried when any price is), none when no price is used.
  std::optional<UsedYear> price_year() const { return price_year_; }

 private:
  int exposure_year_;
  std::vector<DomainMoney> domains_;
  std::vector<CouplingEntry> kept_;  // couplings that carry money (not same_dollars), as domain indices below
  std::vector<std::pair<size_t, size_t>> kept_index_;  // (from, to)
  std::vector<double> per_direct_;
  std::optional<double> gdp_;
  UsedYear gdp_year_;
  std::optional<UsedYear> price_year_;
};

}  // namespace tengerim
