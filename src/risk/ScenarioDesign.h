#pragma once
// The judgements of a scenario that a sensitivity run draws (docs/risk.md,
// "The envelope"): every figure of a shock or of the coupling that is declared
// with a range and that the Monte Carlo uses — probability, duration, the mean
// cut of a Beta severity (alpha + beta kept), the cut itself when no severity
// is given, each factor loading, each coupling value. A point of the unit cube
// (one coordinate per column, in column order) gives the scenario at that point:
// each figure at low + u (high - low).
#include <span>
#include <string>
#include <vector>

#include "risk/Scenario.h"

namespace tengerim {

class ScenarioDesign {
 public:
  explicit ScenarioDesign(const Scenario& scenario);

  size_t size() const { return columns_.size(); }
  // "shocks[ID].probability", "shocks[ID].severity.mean", "shocks[ID].loadings.F",
  // "coupling[FROM->TO].value", in column order.
  std::vector<std::string> names() const;
  // Fewer coordinates than columns leave the remaining figures at their values.
  Scenario at(std::span<const double> point) const;

 private:
  enum class Figure { Probability, Duration, Cut, SeverityMean, Loading, Coupling };
  struct Column {
    Figure figure;
    size_t index;         // shock or coupling entry
    std::string factor;   // Loading
    FigureRange range;
  };

  const Scenario& scenario_;
  std::vector<Column> columns_;
};

}  // namespace tengerim
