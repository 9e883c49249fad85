#pragma once
// Great-power pressure and domestic tension (docs/model.md §5).
//   P_c = kappa_c * max(0, max_{c' != c} (a_c' - a_c) - theta_c), rivals = the other powers;
//   T(a) = sum_g pi_g dist(a, o_g), dist = half the L1 distance between a
//   normalised over the directions and o_g (so 0 <= T <= 1); cohesion = 1 - T.
#include <vector>

#include "model/PressureSpec.h"

namespace tengerim {

// `power_index[i]` is the model direction index of spec.powers[i]; `alignment`
// is per model direction. One pressure per power, in spec order.
std::vector<double> pressures(const PressureSpec& spec, const std::vector<size_t>& power_index,
                              const std::vector<double>& alignment);
double tension(const std::vector<SocialGroup>& groups, const std::vector<double>& alignment);
// Model direction index of each power (they were validated against the model).
std::vector<size_t> power_indices(const PressureSpec& spec, const std::vector<std::string>& directions);

}  // namespace tengerim
