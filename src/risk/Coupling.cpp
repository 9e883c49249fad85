#include "risk/Coupling.h"

#include <Eigen/Dense>
#include <Eigen/Eigenvalues>
#include <fmt/format.h>

#include "common/Error.h"

namespace tengerim {

Coupling::Coupling(const Model& model, const Scenario& scenario) {
  const size_t n = model.domains.size();
  std::vector<std::vector<double>> gamma(n, std::vector<double>(n, 0));
  auto index = [&](const std::string& id) {
    for (size_t i = 0; i < n; ++i)
      if (model.domains[i].id == id) return i;
    throw Error(ErrorKind::Internal, {scenario.file, 0, ""}, "coupling names an unchecked domain " + id);
  };
  for (const auto& entry : scenario.coupling) gamma[index(entry.to)][index(entry.from)] += entry.value;
  invert(gamma, scenario.file);
}

Coupling::Coupling(const std::vector<std::vector<double>>& gamma, const std::string& file) { invert(gamma, file); }

void Coupling::invert(const std::vector<std::vector<double>>& gamma, const std::string& file) {
  const auto n = static_cast<Eigen::Index>(gamma.size());
  Eigen::MatrixXd matrix(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) matrix(i, j) = gamma[static_cast<size_t>(i)][static_cast<size_t>(j)];
  radius_ = 0;
  if (n > 0) radius_ = Eigen::EigenSolver<Eigen::MatrixXd>(matrix, false).eigenvalues().cwiseAbs().maxCoeff();
  if (radius_ >= 1)
    fail_model({file, 0, "coupling"},
               fmt::format("the coupling matrix Gamma has spectral radius {:.4g} >= 1, so losses would grow without "
                           "bound and (I - Gamma)^-1 is not a valid propagation; lower the couplings",
                           radius_));
  Eigen::MatrixXd inverse = (Eigen::MatrixXd::Identity(n, n) - matrix).inverse();
  inverse_.assign(gamma.size(), std::vector<double>(gamma.size(), 0));
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) inverse_[static_cast<size_t>(i)][static_cast<size_t>(j)] = inverse(i, j);
}

std::vector<double> Coupling::propagate(const std::vector<double>& direct) const {
  std::vector<double> out(inverse_.size(), 0);
  for (size_t i = 0; i < inverse_.size(); ++i)
    for (size_t j = 0; j < inverse_.size(); ++j) out[i] += inverse_[i][j] * direct[j];
  return out;
}

std::vector<double> Coupling::multipliers(const std::vector<double>& weights) const {
  std::vector<double> out(inverse_.size(), 0);
  for (size_t j = 0; j < inverse_.size(); ++j)
    for (size_t i = 0; i < inverse_.size(); ++i) out[j] += weights[i] * inverse_[i][j];
  return out;
}

}  // namespace tengerim
