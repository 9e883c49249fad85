#include "risk/ScenarioDesign.h"

namespace tengerim {

ScenarioDesign::ScenarioDesign(const Scenario& scenario) : scenario_(scenario) {
  for (size_t k = 0; k < scenario.shocks.size(); ++k) {
    const Shock& shock = scenario.shocks[k];
    if (shock.probability_range) columns_.push_back({Figure::Probability, k, "", *shock.probability_range});
    if (shock.duration_range) columns_.push_back({Figure::Duration, k, "", *shock.duration_range});
    // With a severity the Monte Carlo draws the cut from it: `cut` is the shock command's alone.
    if (shock.severity && shock.severity_range) columns_.push_back({Figure::SeverityMean, k, "", *shock.severity_range});
    if (!shock.severity && shock.cut_range) columns_.push_back({Figure::Cut, k, "", *shock.cut_range});
    for (const auto& [factor, range] : shock.loading_ranges) columns_.push_back({Figure::Loading, k, factor, range});
  }
  for (size_t c = 0; c < scenario.coupling.size(); ++c)
    if (scenario.coupling[c].range) columns_.push_back({Figure::Coupling, c, "", *scenario.coupling[c].range});
}

std::vector<std::string> ScenarioDesign::names() const {
  std::vector<std::string> out;
  for (const Column& column : columns_) {
    if (column.figure == Figure::Coupling) {
      const CouplingEntry& entry = scenario_.coupling[column.index];
      out.push_back("coupling[" + entry.from + "->" + entry.to + "].value");
      continue;
    }
    const std::string shock = "shocks[" + scenario_.shocks[column.index].id + "].";
    switch (column.figure) {
      case Figure::Probability: out.push_back(shock + "probability"); break;
      case Figure::Duration: out.push_back(shock + "duration"); break;
      case Figure::Cut: out.push_back(shock + "cut"); break;
      case Figure::SeverityMean: out.push_back(shock + "severity.mean"); break;
      case Figure::Loading: out.push_back(shock + "loadings." + column.factor); break;
      case Figure::Coupling: break;
    }
  }
  return out;
}

Scenario ScenarioDesign::at(std::span<const double> point) const {
  Scenario scenario = scenario_;
  for (size_t j = 0; j < columns_.size() && j < point.size(); ++j) {
    const Column& column = columns_[j];
    const double value = column.range.low + point[j] * (column.range.high - column.range.low);
    if (column.figure == Figure::Coupling) {
      scenario.coupling[column.index].value = value;
      continue;
    }
    Shock& shock = scenario.shocks[column.index];
    switch (column.figure) {
      case Figure::Probability: shock.probability = value; break;
      case Figure::Duration: shock.duration = value; break;
      case Figure::Cut: shock.cut = value; break;
      case Figure::SeverityMean: {
        const double concentration = shock.severity->alpha + shock.severity->beta;
        shock.severity = BetaSeverity{value * concentration, (1 - value) * concentration};
        break;
      }
      case Figure::Loading: shock.loadings[column.factor] = value; break;
      case Figure::Coupling: break;
    }
  }
  return scenario;
}

}  // namespace tengerim
