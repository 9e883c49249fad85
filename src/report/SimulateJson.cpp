#include "report/SimulateJson.h"

namespace tengerim {

nlohmann::json simulate_json(const Model& model, const Policy& policy, const SimulationResult& run,
                             const PolicySensitivityResult* sensitivity) {
  nlohmann::json json;
  json["command"] = "simulate";
  json["model"] = model.origin;
  json["policy"] = {{"name", policy.name}, {"toward", policy.toward}, {"tilt", policy.tilt},
                    {"per_year", policy.per_year}};
  json["loss_unit"] = "weighted share of a year's ties lost to pressure, after propagation through Gamma";
  json["start_year"] = run.start_year;
  json["years"] = nlohmann::json::array();
  for (const auto& year : run.years) {
    nlohmann::json entry{{"year", year.year},     {"tilt", year.tilt},
                         {"loss", year.loss},     {"tension", year.tension},
                         {"tension_change", year.tension_change},
                         {"cohesion", year.cohesion}, {"balance", year.balance},
                         {"separation", year.separation}};
    for (size_t c = 0; c < run.directions.size(); ++c) entry["alignment"][run.directions[c]] = year.alignment[c];
    for (size_t p = 0; p < run.powers.size(); ++p) entry["pressure"][run.powers[p]] = year.pressure[p];
    json["years"].push_back(entry);
  }
  if (sensitivity) {
    auto& out = json["sensitivity"];
    out["draws"] = sensitivity->draws;
    out["seed"] = sensitivity->seed;
    out["method"] = "Latin hypercube over every varied judgement's range";
    out["varied"] = sensitivity->varied;
    out["not_varied"] = sensitivity->not_varied;
    out["conclusions"] = nlohmann::json::array();
    for (const auto& conclusion : sensitivity->conclusions)
      out["conclusions"].push_back({{"id", conclusion.id},
                                    {"statement", conclusion.statement},
                                    {"holds", conclusion.holds},
                                    {"share", conclusion.share()}});
  }
  return json;
}

}  // namespace tengerim
