#pragma once
// Standard normal numbers by the ziggurat of Marsaglia and Tsang (2000), 256
// layers, with the layer index and the position drawn from disjoint bits of
// one number (Doornik 2005). Exact, not an approximation of Phi^-1: about 99 %
// of numbers cost one random number, a table read and a comparison; the rest
// are rejected and redrawn (wedges: one exp; the tail beyond r: two logs).
#include <array>
#include <cstddef>
#include <cstdint>

#include "common/CounterRng.h"

namespace tengerim {

class NormalZiggurat {
 public:
  static const NormalZiggurat& instance();

  double sample(CounterRng& rng) const {
    for (;;) {
      const uint64_t bits = rng.next();
      const size_t layer = bits & 0xff;
      // Bits 11..63: the position in [0, 1) across the layer; bit 8: the sign.
      const double x = static_cast<double>(bits >> 11) * 0x1.0p-53 * x_[layer];
      if (x < x_[layer + 1]) return bits & 0x100 ? -x : x;
      CounterRng copy = rng;  // keeps `rng` out of memory in the caller's loop
      double accepted;
      const bool kept = outside_core(copy, layer, x, accepted);
      rng = copy;
      if (kept) return bits & 0x100 ? -accepted : accepted;
    }
  }

  // A standard normal number conditional on exceeding r (the base layer's tail):
  // Marsaglia (1964), exact, from two exponentials.
  double sample_tail(CounterRng& rng) const;

  static constexpr size_t kLayers = 256;
  // r: where the tail starts; v: the area of every layer (the base layer: r f(r) + the tail).
  static constexpr double kTailStart = 3.6541528853610088;
  double layer_area() const { return area_; }
  // Right edges x_0 > x_1 = r > ... > x_255 > x_256 = 0 (x_0 = v / f(r), the base layer's width).
  const std::array<double, kLayers + 1>& edges() const { return x_; }

 private:
  NormalZiggurat();
  // A point of layer `layer` at |x| beyond the part wholly under the curve:
  // true and the number in `accepted` (positive) when it is kept.
  bool outside_core(CounterRng& rng, size_t layer, double x, double& accepted) const;

  std::array<double, kLayers + 1> x_{};
  std::array<double, kLayers + 1> f_{};  // exp(-x_i^2 / 2)
  double area_ = 0;
};

}  // namespace tengerim
