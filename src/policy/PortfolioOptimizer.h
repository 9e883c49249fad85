#pragma once
// Builds and solves the portfolio problem of docs/model.md §6 for a model:
// which of its ties to move within a year to lower the CVaR of loss over the
// risk layer's Monte Carlo draws, at a cost, keeping benefit at the baseline.
//
// Decisions. A domain linked to a corridor commodity (e.g. oil export routes)
// is decided as route volumes: the flow of each focal origin on each simple
// path to its market (baseline: the routed status quo, decomposed into paths),
// within edge capacities (less the flows of other states' demands, held
// fixed), each origin delivering what it delivers now. Every other domain
// with data is decided as direction shares, their sum over directions fixed.
// Either moves at most `max_change` of the domain's flow a year, at
// `move_cost` x w_d per unit share moved.
//
// Loss (linear, so that CVaR is an LP): a shock by c cutting a fraction u of
// domain d loses u x share(c) x (1 - sigma[d][c]) x min(duration, 1), times
// the coupling multiplier m_d = ((I - Gamma)^-T w)_d. For route domains the
// share is the flow on the routes the shock controls and sigma the domain's,
// standing in for rerouting within the shock (which `tengerim risk` routes
// instead): the optimiser's CVaR is on its own loss model, before and after.
// Pressure (with each power's leverage at baseline as its loss per unit) and
// tension (times `tension_weight`) on the moved alignment enter the objective.
#include <string>
#include <vector>

#include "measure/BalanceSheet.h"
#include "model/CorridorNetwork.h"
#include "model/Model.h"
#include "model/PressureSpec.h"
#include "policy/CvarProgram.h"
#include "risk/Scenario.h"

namespace tengerim {

struct OptimizeOptions {
  double alpha = 0.95;  // CVaR level, in (0, 1)
  double budget = std::numeric_limits<double>::infinity();  // on the adjustment cost, >= 0
};

struct PlanStep {
  std::string domain;
  std::string from;  // a direction id, or a route's label
  std::string to;
  double amount = 0;  // in `unit`
  std::string unit;   // "Mt/yr" (a route's commodity unit) or "share"
  std::string commodity;  // for route steps
};

struct OptimizeResult {
  CvarProblem problem;
  CvarEvaluation before;  // at the status quo
  CvarSolution after;
  std::vector<PlanStep> steps;
};

// `cuts` is draws x scenario shocks (risk/MonteCarlo.h sample_cuts).
OptimizeResult optimize_portfolio(const Model& model, const BalanceSheet& sheet, const CorridorNetwork& network,
                                  const Scenario& scenario, const PressureSpec& spec, const std::vector<double>& cuts,
                                  const OptimizeOptions& options);

}  // namespace tengerim
