#pragma once
// The portfolio optimiser's linear programme (docs/model.md §6), solved with
// COIN-OR CLP. Minimises, over flows or shares x within bounds, equalities and
// capacity limits,
//   CVaR_alpha(L(x)) + sum_v c_v |x_v - x0_v| + sum_c w_c P_c(a(x)) + lambda T(a(x))
// where draw i's loss is L_i(x) = sum_k [cut_ik >= 0] cut_ik (e_k0 + sum_v e_kv x_v),
// CVaR is written as Rockafellar & Uryasev (2000):
//   min zeta + 1 / ((1 - alpha) N) sum_i z_i,  z_i >= L_i(x) - zeta,  z_i >= 0,
// pressure P_c = kappa_c max(0, max_{c'} (a_c' - a_c) - theta_c) and tension
// T = sum_g pi_g 1/2 sum_c |a_c / A - o_gc| are piecewise linear, and a(x) is
// affine. Losses are non-negative, so zeta >= 0 and draws in which no shock
// occurs (L_i = 0) need no row.
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace tengerim {

using LinearTerms = std::vector<std::pair<size_t, double>>;  // (variable, coefficient)

struct CvarVariable {
  std::string label;
  double baseline = 0;   // x0
  double floor = 0;      // hard bounds (e.g. 0 and 1 for a share)
  double ceiling = std::numeric_limits<double>::infinity();
  double max_change = std::numeric_limits<double>::infinity();  // |x - x0| per year
  double move_cost = 0;  // objective per unit of |x - x0|
};

struct CvarEquality {
  std::string label;
  std::vector<size_t> variables;  // sum of them = total (benefit kept)
  double total = 0;
};

struct CvarLimit {
  std::string label;  // e.g. an edge's capacity
  LinearTerms terms;
  double limit = 0;   // terms <= limit
};

struct CvarPower {
  size_t direction = 0;  // index into alignment
  double tolerance = 0, strength = 0;
  double weight = 0;     // loss per unit of pressure
};

struct CvarGroup {
  double share = 0;
  std::vector<double> orientation;  // per alignment entry
};

struct CvarProblem {
  std::vector<CvarVariable> variables;
  std::vector<CvarEquality> equalities;
  std::vector<CvarLimit> limits;
  std::vector<LinearTerms> exposure;  // per shock: loss per unit cut, linear part
  std::vector<double> exposure_constant;  // per shock: the part no variable moves
  std::vector<double> cuts;           // draws x shocks, row-major; < 0: did not occur
  double alpha = 0.95;
  double budget = std::numeric_limits<double>::infinity();  // on sum_v c_v |x_v - x0_v|
  // Alignment a_c(x) = a0_c + sum (coef (x_v - x0_v)); empty: no pressure or tension terms.
  std::vector<double> alignment0;
  std::vector<LinearTerms> alignment_terms;
  std::vector<CvarPower> powers;
  std::vector<CvarGroup> groups;
  double tension_weight = 0;

  size_t draws() const { return exposure.empty() ? 0 : cuts.size() / exposure.size(); }
};

struct CvarEvaluation {
  double cvar = 0;      // of the draws' losses at alpha
  double cost = 0;      // adjustment cost
  double pressure = 0;  // sum_c w_c P_c
  double tension = 0;   // T(a(x))
  double objective = 0; // cvar + cost + pressure + lambda tension
};

struct CvarSolution {
  std::vector<double> x;
  double var = 0;  // zeta at the optimum
  CvarEvaluation at_optimum;  // evaluated directly at x, not read from the LP
  std::vector<std::string> binding;  // constraints that hold with equality (limits, budget, max change)
};

// The Rockafellar-Uryasev CVaR of losses: min over zeta of
// zeta + sum (L - zeta)+ / ((1 - alpha) N), attained at the ceil(alpha N)-th smallest loss.
double ru_cvar(std::vector<double> losses, double alpha);
// Each draw's loss at x.
std::vector<double> draw_losses(const CvarProblem& problem, const std::vector<double>& x);
// Every term of the objective at x, computed directly (no LP).
CvarEvaluation evaluate(const CvarProblem& problem, const std::vector<double>& x);
// Fails (internal) when CLP does not prove optimality; (invalid input) when the problem is infeasible.
CvarSolution solve_cvar(const CvarProblem& problem);

}  // namespace tengerim
