#pragma once
// What the money figures of shock, risk, simulate and optimize rest on
// (risk/MoneyLoss.h), as JSON and text: the exposure year, the years of the
// prices and GDP used (carried where the data end earlier), each domain's
// valuation, and the domains that have none (listed, never added).
#include <optional>
#include <string>

#include "model/Model.h"
#include "report/Document.h"
#include "risk/MoneyLoss.h"

namespace tengerim {

// Adds exposure_year, price_year, gdp_year, gdp_usd, money_domains and not_money to `json`.
void add_money_basis(Json& json, const MoneyLoss& money, const Model& model);
// A US-dollar figure as a share of GDP (null without GDP).
Json gdp_share(const MoneyLoss& money, double usd);
// Lines saying the same.
std::string money_basis_text(const MoneyLoss& money, const Model& model);
// "1.234 bn USD (0.472 % of GDP)" (bn, m or plain USD by size).
std::string usd_text(const MoneyLoss& money, double usd);

}  // namespace tengerim
