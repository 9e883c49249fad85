#pragma once
// Dose-response of a tilt (docs/policy.md "Dose-response"): for each model
// direction and each tilt of kSweepTilts (the share of every other direction's
// flows in each domain moved toward it, as Policy's `tilt`), held over the
// horizon from its first year, the net outcome at the judgements' values and,
// over a Latin hypercube of the judgements (policy/PolicySensitivity.h, with the
// adjustment judgements), the share of draws in which each conclusion holds.
// Each conclusion compares the point with the status quo (tilt 0) at the same
// draw; one that follows from the formulas whatever the judgements is marked
// `by_construction` and is not a finding. The status quo is a point like any
// other. Without draws the conclusions are read at the judgements' values.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/CorridorNetwork.h"
#include "model/Model.h"
#include "model/PressureSpec.h"
#include "policy/NetOutcome.h"
#include "risk/MoneyLoss.h"
#include "risk/Scenario.h"

namespace tengerim {

inline constexpr std::array<double, 7> kSweepTilts{0.0, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0};

struct SweepConclusion {
  std::string id;    // draws_pressure, raises_losses, lowers_net_outcome, lowers_balance, raises_tension,
                     // no_pressure_from_favoured (when the direction is a power)
  std::string text;
  size_t holds = 0;  // draws (or, without draws, 1 when it holds at the judgements' values)
  size_t draws = 0;
  bool by_construction = false;
  double share() const { return draws ? static_cast<double>(holds) / static_cast<double>(draws) : 0.0; }
};

struct SweepPoint {
  std::string toward;
  double tilt = 0;
  NetOutcome net;                 // at the judgements' values
  std::vector<double> pressure;   // P_c per power (spec order), at the judgements' values
  double balance = 0, tension = 0;
  std::vector<SweepConclusion> conclusions;
};

// The least tilt toward a direction beyond which some power presses, at the judgements'
// values: alignment is linear in the tilt (a_c (1 - t) for c != f; a_f + t sum_{c != f} a_c),
// so each power p's margin max_r (a_r - a_p) - theta_p is piecewise linear and its first zero
// is found exactly.
struct SweepThreshold {
  std::string toward;
  std::optional<double> tilt;  // pressure beyond this tilt; none: no power presses at any tilt in [0, 1]
  bool at_status_quo = false;  // some power presses at tilt 0 already (tilt is then 0)
  std::string power;           // the power that presses first
};

struct TiltSweepResult {
  int horizon = 0;
  size_t draws = 0;  // 0: conclusions at the judgements' values
  uint64_t seed = 0;
  std::vector<std::string> varied, not_varied;
  std::vector<std::string> not_money;  // domains without a money value (the outcome is then in the index)
  bool tension_usd = false;            // the model gives tension a money value
  std::vector<SweepPoint> points;      // direction-major, tilts in kSweepTilts order
  std::vector<SweepThreshold> thresholds;
};

// `money` may be null. Deterministic: draw i is point i of the design, whatever computes it, and
// the draws' verdicts are counted in draw order, so `threads` (capped at the cores) changes nothing.
TiltSweepResult tilt_sweep(const Model& model, const BalanceSheet& sheet, const CorridorNetwork& network,
                           const Scenario& coupling, const PressureSpec& spec, const MoneyLoss* money, int horizon,
                           size_t draws, uint64_t seed, size_t threads = 1);

std::vector<SweepThreshold> pressure_thresholds(const Portfolio& status_quo, const PressureSpec& spec);

}  // namespace tengerim
