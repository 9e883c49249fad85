#include "risk/NormalCdfGrid.h"

namespace tengerim {

const NormalCdfGrid& NormalCdfGrid::instance() {
  static const NormalCdfGrid grid;
  return grid;
}

NormalCdfGrid::NormalCdfGrid() {
  for (size_t j = 0; j < kPoints; ++j) phi_[j] = cdf(kLow + static_cast<double>(j) / kPerUnit);
}

}  // namespace tengerim
