#include "measure/MeasureSettings.h"

#include <cmath>

namespace tengerim {

MeasureSettings MeasureSettings::declared(const Model& model) {
  MeasureSettings settings;
  for (const auto& domain : model.domains) {
    settings.weight.push_back(domain.weight.value);
    std::vector<double> sigma;
    for (const auto& direction : model.directions) {
      auto found = domain.substitutability_by_direction.find(direction.id);
      sigma.push_back(found != domain.substitutability_by_direction.end() ? found->second.value
                                                                           : domain.substitutability.value);
    }
    sigma.push_back(domain.substitutability.value);  // "other": the domain's own sigma
    settings.sigma.push_back(std::move(sigma));
    settings.max_age.push_back(static_cast<int>(std::lround(domain.fill.max_age.value)));
    settings.window.push_back(static_cast<int>(std::lround(domain.fill.window.value)));
  }
  settings.critical_share = model.parameters.get("critical_share");
  settings.critical_leverage = model.parameters.get("critical_leverage");
  settings.coverage_threshold = model.parameters.get("coverage_threshold");
  settings.key_domain_weight = model.parameters.get("key_domain_weight");
  return settings;
}

const char* to_string(SheetBasis basis) { return basis == SheetBasis::Observed ? "observed" : "filled"; }
const char* to_string(WeightBasis weights) { return weights == WeightBasis::Magnitude ? "magnitude" : "declared"; }

}  // namespace tengerim
