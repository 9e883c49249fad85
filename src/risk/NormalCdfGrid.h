#pragma once
// Bounds on Phi(x) from a table of Phi on a grid (step 1/64 on [-8, 8]) and
// linear interpolation: the interpolant is within h^2/8 max|Phi''| = 7.4e-6 of
// Phi, so a comparison u < Phi(x) is decided by the bounds unless u falls
// between them (about 1 in 70000 uniforms), and only then needs erfc (cdf):
// the answer is always the same as comparing with Phi computed by erfc.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

namespace tengerim {

class NormalCdfGrid {
 public:
  static const NormalCdfGrid& instance();

  struct Bracket {
    double low;   // <= Phi(x)
    double high;  // >= Phi(x)
  };
  Bracket bracket(double x) const {
    // Clamped to the grid: beyond it Phi is within 6.2e-16 of Phi(-8) or Phi(8), well inside the margin.
    const double position = std::clamp((x - kLow) * kPerUnit, 0.0, kLastPosition);
    const size_t j = static_cast<size_t>(position);
    const double t = position - static_cast<double>(j);
    const double estimate = phi_[j] + t * (phi_[j + 1] - phi_[j]);
    return {estimate - kMargin, estimate + kMargin};
  }
  static double cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

 private:
  static constexpr double kLow = -8, kPerUnit = 64;
  static constexpr size_t kPoints = 16 * 64 + 1;
  static constexpr double kLastPosition = static_cast<double>(kPoints - 1) - 1e-9;  // below the last point
  // (1/64)^2 / 8 * phi(1) = 7.38e-6 bounds the interpolation error; the rest covers rounding.
  static constexpr double kMargin = 7.5e-6;
  NormalCdfGrid();
  std::array<double, kPoints> phi_{};
};

}  // namespace tengerim
