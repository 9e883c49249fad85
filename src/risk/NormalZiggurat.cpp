#include "risk/NormalZiggurat.h"

#include <cmath>
#include <numbers>

namespace tengerim {
namespace {

double density(double x) { return std::exp(-0.5 * x * x); }  // unnormalised, as the layers are

}  // namespace

const NormalZiggurat& NormalZiggurat::instance() {
  static const NormalZiggurat ziggurat;
  return ziggurat;
}

NormalZiggurat::NormalZiggurat() {
  // r is the root (to double precision) of: with x_1 = r and every layer of
  // area v = r f(r) + tail(r), the 255th layer closes at the mode; the test
  // checks the top layer's area against v.
  const double r = kTailStart;
  area_ = r * density(r) + std::sqrt(std::numbers::pi / 2) * std::erfc(r / std::numbers::sqrt2);
  x_[0] = area_ / density(r);
  x_[1] = r;
  for (size_t i = 1; i + 1 < kLayers; ++i) x_[i + 1] = std::sqrt(-2 * std::log(area_ / x_[i] + density(x_[i])));
  x_[kLayers] = 0;
  for (size_t i = 0; i <= kLayers; ++i) f_[i] = density(x_[i]);
}

double NormalZiggurat::sample_tail(CounterRng& rng) const {
  double excess, y;
  do {
    excess = -std::log(rng.uniform()) / kTailStart;
    y = -std::log(rng.uniform());
  } while (2 * y < excess * excess);
  return kTailStart + excess;
}

bool NormalZiggurat::outside_core(CounterRng& rng, size_t layer, double x, double& accepted) const {
  if (layer == 0) {
    accepted = sample_tail(rng);
    return true;
  }
  // The wedge between the layer's inner edge and the curve: keep x below the curve.
  accepted = x;
  return f_[layer] + rng.uniform() * (f_[layer + 1] - f_[layer]) < density(x);
}

}  // namespace tengerim
