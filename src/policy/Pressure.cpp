#include "policy/Pressure.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "common/Error.h"

namespace tengerim {

std::vector<double> pressures(const PressureSpec& spec, const std::vector<size_t>& power_index,
                              const std::vector<double>& alignment) {
  std::vector<double> out;
  for (size_t i = 0; i < spec.powers.size(); ++i) {
    double lead = -std::numeric_limits<double>::infinity();
    for (size_t j = 0; j < spec.powers.size(); ++j)
      if (j != i) lead = std::max(lead, alignment[power_index[j]] - alignment[power_index[i]]);
    const PowerCentre& power = spec.powers[i];
    out.push_back(power.strength.value * std::max(0.0, lead - power.tolerance.value));
  }
  return out;
}

double tension(const std::vector<SocialGroup>& groups, const std::vector<double>& alignment) {
  double total = 0;
  for (double value : alignment) total += value;
  double sum = 0;
  for (const auto& group : groups) {
    double distance = 0;
    for (size_t c = 0; c < alignment.size(); ++c)
      distance += std::fabs((total > 0 ? alignment[c] / total : 0) - group.orientation[c]);
    sum += group.share.value * distance / 2;
  }
  return sum;
}

std::vector<size_t> power_indices(const PressureSpec& spec, const std::vector<std::string>& directions) {
  std::vector<size_t> out;
  for (const auto& power : spec.powers) {
    auto found = std::find(directions.begin(), directions.end(), power.direction);
    if (found == directions.end())
      throw Error(ErrorKind::Internal, {spec.file, power.line, "direction"}, "unchecked power " + power.direction);
    out.push_back(static_cast<size_t>(found - directions.begin()));
  }
  return out;
}

}  // namespace tengerim
