#pragma once
// The year-by-year simulation of a focal policy and the great powers'
// responses (docs/model.md §5). Year t tilts the status-quo portfolio by
// min(tilt, per_year * t); each power's pressure P_c follows from the tilted
// alignment; pressure enters losses the way a shock does: power c cuts, in
// every domain where it holds leverage (S[d][c] (1 - sigma) > 0), a fraction
// min(1, P_c) of its flow for the whole year, evaluated by the risk layer's
// LossModel (substitution, rerouting for corridor domains, spill-over through
// the scenario's coupling Gamma). Stated simplification: the tilt moves the
// balance-sheet shares, not the corridor network's routes.
#include <string>
#include <vector>

#include "measure/BalanceSheet.h"
#include "model/CorridorNetwork.h"
#include "model/Model.h"
#include "model/Policy.h"
#include "model/PressureSpec.h"
#include "risk/Scenario.h"

namespace tengerim {

struct SimulationYear {
  int year = 0;
  double tilt = 0;                 // fraction moved toward the policy's direction so far
  std::vector<double> alignment;   // a_c, per model direction
  std::vector<double> pressure;    // P_c, per power (spec order)
  double loss = 0;                 // weighted propagated loss from pressure (LossModel units)
  std::vector<double> direct;      // per model domain: the loss from pressure, before and after spill-over
  std::vector<double> propagated;  // (empty when no power applies pressure)
  double tension = 0;              // T(a)
  double tension_change = 0;       // T(a) - T(a_status_quo)
  double cohesion = 0;             // 1 - T(a) (T_max = 1)
  double balance = 0;              // B
  double separation = 0;           // Phi
};

struct SimulationResult {
  std::vector<std::string> directions;  // model order
  std::vector<std::string> powers;      // spec order
  int start_year = 0;                   // the status quo's latest year of data
  std::vector<SimulationYear> years;    // t = 1 .. N
};

// `coupling` supplies Gamma (its shocks are not used).
SimulationResult simulate_policy(const Model& model, const BalanceSheet& sheet, const CorridorNetwork& network,
                                 const Scenario& coupling, const PressureSpec& spec, const Policy& policy, int years);

}  // namespace tengerim
