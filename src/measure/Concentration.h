#pragma once
// Concentration and evenness of a set of shares (docs/model.md §2).
// Shares are fractions; zero shares are ignored where a log is taken.
#include <span>

namespace tengerim {

double herfindahl(std::span<const double> shares);             // HHI = sum s^2
double effective_number(std::span<const double> shares);       // 1 / HHI
double shannon_entropy(std::span<const double> shares);        // H = -sum s ln s (nats)
// Theil T index of the positive shares: ln(n) - H, n = number of positive shares.
double theil_index(std::span<const double> shares);
// Normalised entropy -sum s ln s / ln(categories) of shares renormalised to sum 1;
// 1 = perfectly even; 0 when only one category is present. categories >= 2.
double evenness(std::span<const double> shares, size_t categories);

}  // namespace tengerim
