#include "risk/Sampling.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

namespace tengerim {

double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

namespace {

// Acklam's rational approximation of Phi^-1 (relative error below 1.2e-9).
double acklam_quantile(double p) {
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                             1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01, -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  if (p < 0.02425) {
    double q = std::sqrt(-2 * std::log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - 0.02425) {
    double q = std::sqrt(-2 * std::log(1 - p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  double q = p - 0.5, r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

// Phi on the grid x_j = -8 + j / 64, for uniform_below_normal_cdf's bracket.
constexpr double kCdfLow = -8, kCdfStep = 1.0 / 64;
constexpr size_t kCdfPoints = 16 * 64 + 1;

const std::vector<double>& cdf_grid() {
  static const std::vector<double> grid = [] {
    std::vector<double> values(kCdfPoints);
    for (size_t j = 0; j < kCdfPoints; ++j) values[j] = normal_cdf(kCdfLow + static_cast<double>(j) * kCdfStep);
    return values;
  }();
  return grid;
}

}  // namespace

double normal_quantile(double p) {
  if (p <= 0) return -HUGE_VAL;
  if (p >= 1) return HUGE_VAL;
  double x = acklam_quantile(p);
  // One Halley refinement step.
  double e = normal_cdf(x) - p;
  double u = e * std::sqrt(2 * std::numbers::pi) * std::exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}

bool uniform_below_normal_cdf(double u, double x) {
  const std::vector<double>& grid = cdf_grid();
  double position = (x - kCdfLow) * (1 / kCdfStep);
  if (position >= 0 && position < static_cast<double>(kCdfPoints - 1)) {
    size_t j = static_cast<size_t>(position);
    // Phi is increasing: Phi(x_j) <= Phi(x) <= Phi(x_j+1); a margin of 1e-15
    // covers rounding in erfc, so outside the bracket the answer is certain.
    if (u < grid[j] - 1e-15) return true;
    if (u >= grid[j + 1] + 1e-15) return false;
  }
  return u < normal_cdf(x);
}

double sample_normal(CounterRng& rng) { return acklam_quantile(rng.uniform()); }

double sample_gamma(CounterRng& rng, double shape) {
  if (shape < 1) return sample_gamma(rng, shape + 1) * std::pow(rng.uniform(), 1.0 / shape);
  const double d = shape - 1.0 / 3.0, c = 1.0 / std::sqrt(9 * d);
  for (;;) {
    double x = sample_normal(rng), v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    double u = rng.uniform();
    if (std::log(u) < 0.5 * x * x + d - d * v + d * std::log(v)) return d * v;
  }
}

double sample_beta(CounterRng& rng, double alpha, double beta) {
  // Whole shapes with a + b - 1 <= kMaxOrder: the a-th smallest of a + b - 1
  // uniforms is Beta(a, b) exactly, with no logarithms.
  constexpr size_t kMaxOrder = 16;
  if (alpha == std::floor(alpha) && beta == std::floor(beta) && alpha + beta - 1 <= static_cast<double>(kMaxOrder)) {
    const size_t n = static_cast<size_t>(alpha + beta - 1), k = static_cast<size_t>(alpha);
    if (k <= 2) {  // the smallest or second smallest: one pass, no sorting
      double first = rng.uniform(), second = 1;
      for (size_t i = 1; i < n; ++i) {
        double value = rng.uniform();
        if (value < first) {
          second = first;
          first = value;
        } else if (value < second) {
          second = value;
        }
      }
      return k == 1 ? first : second;
    }
    // Insertion sort: for a handful of numbers faster than a selection algorithm.
    std::array<double, kMaxOrder> u;
    for (size_t i = 0; i < n; ++i) {
      double value = rng.uniform();
      size_t j = i;
      for (; j > 0 && u[j - 1] > value; --j) u[j] = u[j - 1];
      u[j] = value;
    }
    return u[k - 1];
  }
  double x = sample_gamma(rng, alpha), y = sample_gamma(rng, beta);
  return x / (x + y);
}

}  // namespace tengerim
