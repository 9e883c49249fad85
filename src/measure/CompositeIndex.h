#pragma once
// The composites of the balance sheet as functions of per-direction figures
// (docs/model.md §2, §2a), shared by the sheet and the policy simulation so
// that B and Phi have one definition.
#include <vector>

namespace tengerim {

// The entries of these functions are the model's named directions; "other"
// (the largest partner outside them, docs/model.md §2a) competes for the top
// but is not part of the even ideal: equal leverage among the named directions
// and nothing outside is B = 1, whatever the number of directions.

// max(max_c Lambda_c, Lambda_other) - mean_c Lambda_c.
double leverage_gap(const std::vector<double>& named, double other);

// B = 1 - leverage_gap / worst_gap, in [0, 1]: 1 at equal leverage, 0 when one
// named direction holds everything (worst_gap) or "other" holds at least as much.
double balance_index(const std::vector<double>& named, double other, double worst_gap);

// The worst gap attainable with these weights and substitutabilities: every domain
// held by the one named direction c with the largest sum_d w_d (1 - sigma[d][c]),
// so gap = (1 - 1/C) that sum. sigma[d] has one value per named direction.
double worst_leverage_gap(const std::vector<double>& weight, const std::vector<std::vector<double>>& sigma);

// Phi = (1 - sum Q^2) / (1 - 1/C) over the led weights of the C named directions
// and "other" (which sum to 1), capped at 1: roles spread at least as evenly as
// over every named direction.
double separation_index(const std::vector<double>& named_led, double other_led);

// 1 - total-variation distance between two distributions of the same length.
double continuity(const std::vector<double>& before, const std::vector<double>& now);

}  // namespace tengerim
