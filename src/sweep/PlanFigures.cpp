#include "sweep/PlanFigures.h"

namespace tengerim {
namespace {

Json optional_json(const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); }

}  // namespace

Json sheet_figures(const BalanceSheet& sheet, std::optional<long> year) {
  Json years = Json::array();
  for (const YearSheet& entry : sheet.years) {
    if (!entry.has_ties() || (year && entry.year != *year)) continue;
    Json out;
    out["year"] = entry.year;
    out["published"] = entry.published;
    out["coverage"] = entry.coverage;
    out["balance"] = optional_json(entry.balance);
    out["separation"] = optional_json(entry.separation);
    out["predictability"] = optional_json(entry.predictability);
    out["max_dependence"] = optional_json(entry.max_dependence);
    out["max_leverage"] = optional_json(entry.max_leverage);
    out["leverage_gap"] = optional_json(entry.leverage_gap);
    Json& dependence = out["dependence"] = Json::object();
    Json& leverage = out["leverage"] = Json::object();
    for (const DirectionSheet& direction : entry.directions) {
      dependence[direction.id] = direction.dependence;
      leverage[direction.id] = direction.leverage;
    }
    years.push_back(std::move(out));
  }
  return Json{{"focal", sheet.focal}, {"basis", sheet.basis}, {"weights", sheet.weights}, {"years", std::move(years)}};
}

}  // namespace tengerim
