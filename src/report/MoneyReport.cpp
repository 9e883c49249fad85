#include "report/MoneyReport.h"

#include <fmt/format.h>

#include <cmath>

namespace tengerim {
namespace {

Json used_year(const std::optional<UsedYear>& year) {
  if (!year) return nullptr;
  return {{"year", year->year}, {"carried", year->carried}};
}

// US dollars in the largest of bn, m and plain units that the amount reaches.
std::string amount(double usd) {
  const double size = std::abs(usd);
  if (size >= 1e9) return fmt::format("{:.3f} bn USD", usd / 1e9);
  if (size >= 1e6) return fmt::format("{:.3f} m USD", usd / 1e6);
  return fmt::format("{:.0f} USD", usd);
}

std::string carried_text(const UsedYear& year) { return year.carried ? fmt::format("{}, carried", year.year) : fmt::format("{}", year.year); }

}  // namespace

void add_money_basis(Json& json, const MoneyLoss& money, const Model& model) {
  json["exposure_year"] = money.exposure_year();
  json["price_year"] = used_year(money.price_year());
  json["gdp_year"] = money.gdp() ? used_year(money.gdp_year()) : Json(nullptr);
  json["gdp_usd"] = money.gdp() ? Json(*money.gdp()) : Json(nullptr);
  json["money_unit"] = "US dollars of the exposure year's flows (current prices); _gdp figures are fractions of GDP";
  Json domains = Json::array(), none = Json::array();  // stored at the end: references into json would dangle
  for (size_t d = 0; d < model.domains.size(); ++d) {
    const DomainMoney& entry = money.domains()[d];
    if (!entry.valued) {
      none.push_back({{"id", entry.domain}, {"unit", model.domains[d].unit}});
      continue;
    }
    Json row{{"id", entry.domain}, {"method", entry.method}, {"has_data", entry.has_data},
             {"usd_per_share", entry.usd_per_share}, {"usd_per_direct_share", money.per_direct()[d]},
             {"value_year", entry.has_data ? used_year(entry.value_year) : Json(nullptr)}};
    if (entry.method == "commodity")
      row.update({{"volume", entry.volume}, {"price", entry.price}, {"price_unit", entry.price_unit}});
    if (entry.method == "income") row["yield"] = entry.yield;
    domains.push_back(row);
  }
  json["money_domains"] = domains;
  json["not_money"] = none;
}

Json gdp_share(const MoneyLoss& money, double usd) {
  return money.gdp() ? Json(usd / *money.gdp()) : Json(nullptr);
}

std::string usd_text(const MoneyLoss& money, double usd) {
  std::string text = amount(usd);
  if (money.gdp()) text += fmt::format(" ({:.3f} % of GDP)", 100 * usd / *money.gdp());
  return text;
}

std::string money_basis_text(const MoneyLoss& money, const Model& model) {
  std::string text = fmt::format("Money: exposure year {}", money.exposure_year());
  if (auto prices = money.price_year()) text += fmt::format("; prices {}", carried_text(*prices));
  text += money.gdp() ? fmt::format("; GDP {} ({:.1f} bn USD)", carried_text(money.gdp_year()), *money.gdp() / 1e9)
                      : std::string("; no GDP (gdp.csv)");
  text += "\n";
  std::vector<std::string> none;
  for (size_t d = 0; d < model.domains.size(); ++d) {
    const DomainMoney& entry = money.domains()[d];
    if (!entry.valued) {
      none.push_back(fmt::format("{} ({})", entry.domain, model.domains[d].unit));
      continue;
    }
    text += fmt::format("  {:<20} {:<9} {:>16} per whole yearly flow{}\n", entry.domain, entry.method,
                        amount(entry.usd_per_share),
                        entry.has_data ? fmt::format(" ({})", carried_text(entry.value_year)) : " (no data)");
  }
  if (!none.empty()) text += fmt::format("  no money valuation: {}\n", fmt::join(none, ", "));
  return text;
}

}  // namespace tengerim
