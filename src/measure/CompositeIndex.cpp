#include "measure/CompositeIndex.h"

#include <algorithm>
#include <cmath>

namespace tengerim {

double leverage_gap(const std::vector<double>& named, double other) {
  if (named.empty()) return 0;
  double sum = 0, top = other;
  for (double value : named) {
    sum += value;
    top = std::max(top, value);
  }
  return top - sum / static_cast<double>(named.size());
}

double balance_index(const std::vector<double>& named, double other, double worst_gap) {
  if (worst_gap <= 0) return other > 0 ? 0 : 1;  // no named direction can do harm; "other" alone can
  return std::clamp(1 - leverage_gap(named, other) / worst_gap, 0.0, 1.0);
}

double worst_leverage_gap(const std::vector<double>& weight, const std::vector<std::vector<double>>& sigma) {
  if (weight.empty() || sigma.empty()) return 0;
  const size_t count = sigma.front().size();
  if (count < 2) return 0;
  double worst = 0;
  for (size_t c = 0; c < count; ++c) {
    double held = 0;
    for (size_t d = 0; d < weight.size(); ++d) held += weight[d] * (1 - sigma[d][c]);
    worst = std::max(worst, held);
  }
  return worst * (1 - 1.0 / static_cast<double>(count));
}

double separation_index(const std::vector<double>& named_led, double other_led) {
  const size_t count = named_led.size();
  if (count < 2) return 0;
  double squares = other_led * other_led;
  for (double q : named_led) squares += q * q;
  return std::min(1.0, (1 - squares) / (1 - 1.0 / static_cast<double>(count)));
}

double continuity(const std::vector<double>& before, const std::vector<double>& now) {
  double change = 0;
  for (size_t c = 0; c < now.size() && c < before.size(); ++c) change += std::fabs(now[c] - before[c]);
  return 1 - change / 2;
}

}  // namespace tengerim
