#include "measure/Concentration.h"

#include <cmath>

namespace tengerim {

double herfindahl(std::span<const double> shares) {
  double sum = 0;
  for (double s : shares) sum += s * s;
  return sum;
}

double effective_number(std::span<const double> shares) {
  double hhi = herfindahl(shares);
  return hhi > 0 ? 1.0 / hhi : 0.0;
}

double shannon_entropy(std::span<const double> shares) {
  double h = 0;
  for (double s : shares)
    if (s > 0) h -= s * std::log(s);
  return h;
}

double theil_index(std::span<const double> shares) {
  size_t positive = 0;
  double total = 0;
  for (double s : shares)
    if (s > 0) {
      ++positive;
      total += s;
    }
  if (positive == 0) return 0;
  // Theil T of the values themselves: sum (s/total) ln(n s / total).
  double t = 0;
  for (double s : shares)
    if (s > 0) t += (s / total) * std::log(static_cast<double>(positive) * s / total);
  return t;
}

double evenness(std::span<const double> shares, size_t categories) {
  if (categories < 2) return 0;
  double total = 0;
  for (double s : shares) total += s;
  if (total <= 0) return 0;
  double h = 0;
  for (double s : shares)
    if (s > 0) h -= (s / total) * std::log(s / total);
  return h / std::log(static_cast<double>(categories));
}

}  // namespace tengerim
