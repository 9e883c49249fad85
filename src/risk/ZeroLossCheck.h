#pragma once
// A shock that can lose nothing, whatever is drawn, is almost always a modelling
// slip (a closure of edges whose commodity feeds no domain, a direction with no
// ties in the domain): `risk` and `shock` list such shocks in `warnings`.
#include <string>
#include <vector>

#include "risk/LossModel.h"

namespace tengerim {

struct ShockWarning {
  std::string shock;   // its id
  std::string reason;  // why it loses nothing
};

// Each shock whose whole cut (cut = 1, alone) loses nothing in any domain, or that never occurs.
std::vector<ShockWarning> zero_loss_warnings(const LossModel& losses);

}  // namespace tengerim
