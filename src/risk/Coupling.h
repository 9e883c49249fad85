#pragma once
// Cross-domain spill-over (docs/model.md §4): the coupling matrix Gamma over
// the model's domains and the propagated loss l = (I - Gamma)^-1 l_direct,
// valid only when Gamma's spectral radius is below 1.
#include <vector>

#include "model/Model.h"
#include "risk/Scenario.h"

namespace tengerim {

class Coupling {
 public:
  // Builds Gamma[to][from] over `model.domains`; fails (invalid input, naming
  // the scenario file) when the spectral radius is >= 1.
  Coupling(const Model& model, const Scenario& scenario);
  // For tests: a square matrix given row by row (Gamma[to][from]).
  explicit Coupling(const std::vector<std::vector<double>>& gamma, const std::string& file = "");

  double spectral_radius() const { return radius_; }
  // (I - Gamma)^-1 direct, one entry per domain.
  std::vector<double> propagate(const std::vector<double>& direct) const;
  // m = (I - Gamma)^-T w: the total weighted loss per unit of direct loss in each domain.
  std::vector<double> multipliers(const std::vector<double>& weights) const;

 private:
  void invert(const std::vector<std::vector<double>>& gamma, const std::string& file);
  std::vector<std::vector<double>> inverse_;  // (I - Gamma)^-1
  double radius_ = 0;
};

}  // namespace tengerim
