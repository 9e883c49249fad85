#include "policy/CvarProgram.h"

#include <coin/ClpSimplex.hpp>
#include <coin/CoinPackedMatrix.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "common/Error.h"
#include "common/OptionError.h"

namespace tengerim {
namespace {

constexpr double kBindingTolerance = 1e-7;

double bound(double value) {
  return std::isinf(value) ? (value > 0 ? COIN_DBL_MAX : -COIN_DBL_MAX) : value;
}

// a(x) as a constant plus terms: a_c = a0_c - sum coef x0 + sum coef x.
std::vector<double> alignment_constant(const CvarProblem& problem) {
  std::vector<double> constant = problem.alignment0;
  for (size_t c = 0; c < constant.size(); ++c)
    for (const auto& [v, coef] : problem.alignment_terms[c]) constant[c] -= coef * problem.variables[v].baseline;
  return constant;
}

std::vector<double> alignment_at(const CvarProblem& problem, const std::vector<double>& x) {
  std::vector<double> a = alignment_constant(problem);
  for (size_t c = 0; c < a.size(); ++c)
    for (const auto& [v, coef] : problem.alignment_terms[c]) a[c] += coef * x[v];
  return a;
}

double alignment_total(const CvarProblem& problem) {
  double total = 0;
  for (double value : problem.alignment0) total += value;
  return total;
}

}  // namespace

double ru_cvar(std::vector<double> losses, double alpha) {
  if (losses.empty()) return 0;
  std::sort(losses.begin(), losses.end());
  const double n = static_cast<double>(losses.size());
  size_t k = static_cast<size_t>(std::ceil(alpha * n - 1e-9));
  k = std::clamp<size_t>(k, 1, losses.size());
  const double zeta = losses[k - 1];
  double excess = 0;
  for (double loss : losses) excess += std::max(0.0, loss - zeta);
  return zeta + excess / ((1 - alpha) * n);
}

std::vector<double> draw_losses(const CvarProblem& problem, const std::vector<double>& x) {
  const size_t shocks = problem.exposure.size(), draws = problem.draws();
  std::vector<double> per_unit(shocks);
  for (size_t k = 0; k < shocks; ++k) {
    per_unit[k] = problem.exposure_constant[k];
    for (const auto& [v, coef] : problem.exposure[k]) per_unit[k] += coef * x[v];
  }
  std::vector<double> losses(draws, 0);
  for (size_t i = 0; i < draws; ++i)
    for (size_t k = 0; k < shocks; ++k) {
      double cut = problem.cuts[i * shocks + k];
      if (cut >= 0) losses[i] += cut * per_unit[k];
    }
  return losses;
}

CvarEvaluation evaluate(const CvarProblem& problem, const std::vector<double>& x) {
  CvarEvaluation out;
  out.cvar = ru_cvar(draw_losses(problem, x), problem.alpha);
  for (size_t v = 0; v < x.size(); ++v)
    out.cost += problem.variables[v].move_cost * std::fabs(x[v] - problem.variables[v].baseline);
  if (!problem.alignment0.empty()) {
    const std::vector<double> a = alignment_at(problem, x);
    for (const auto& power : problem.powers) {
      double lead = -COIN_DBL_MAX;
      for (const auto& rival : problem.powers)
        if (rival.direction != power.direction) lead = std::max(lead, a[rival.direction] - a[power.direction]);
      out.pressure += power.weight * power.strength * std::max(0.0, lead - power.tolerance);
    }
    const double total = alignment_total(problem);
    for (const auto& group : problem.groups) {
      double distance = 0;
      for (size_t c = 0; c < a.size(); ++c) distance += std::fabs(a[c] / total - group.orientation[c]);
      out.tension += group.share * distance / 2;
    }
  }
  out.objective = out.cvar + out.cost + out.pressure + problem.tension_weight * out.tension;
  return out;
}

CvarSolution solve_cvar(const CvarProblem& problem) {
  const size_t n = problem.variables.size(), shocks = problem.exposure.size(), draws = problem.draws();
  const size_t directions = problem.alignment0.size();
  // Draws with at least one shock get a row and a z column.
  std::vector<size_t> active;
  for (size_t i = 0; i < draws; ++i)
    for (size_t k = 0; k < shocks; ++k)
      if (problem.cuts[i * shocks + k] >= 0) {
        active.push_back(i);
        break;
      }
  const int x0 = 0, m0 = static_cast<int>(n), zeta = static_cast<int>(2 * n), z0 = zeta + 1;
  const int p0 = z0 + static_cast<int>(active.size());
  const int t0 = p0 + static_cast<int>(problem.powers.size());
  const int columns = t0 + static_cast<int>(problem.groups.size() * directions);

  std::vector<double> col_low(columns, 0), col_high(columns, COIN_DBL_MAX), objective(columns, 0);
  for (size_t v = 0; v < n; ++v) {
    const CvarVariable& var = problem.variables[v];
    col_low[x0 + v] = bound(std::max(var.floor, var.baseline - var.max_change));
    col_high[x0 + v] = bound(std::min(var.ceiling, var.baseline + var.max_change));
    objective[m0 + v] = var.move_cost;
  }
  objective[zeta] = 1;
  const double tail_weight = 1 / ((1 - problem.alpha) * static_cast<double>(std::max<size_t>(draws, 1)));
  for (size_t j = 0; j < active.size(); ++j) objective[z0 + j] = tail_weight;
  for (size_t c = 0; c < problem.powers.size(); ++c) objective[p0 + c] = problem.powers[c].weight;
  for (size_t g = 0; g < problem.groups.size(); ++g)
    for (size_t c = 0; c < directions; ++c)
      objective[t0 + g * directions + c] = problem.tension_weight * problem.groups[g].share / 2;

  CoinPackedMatrix matrix(false, 0, 0);
  matrix.setDimensions(0, columns);
  std::vector<double> row_low, row_high;
  auto add_row = [&](const std::vector<int>& index, const std::vector<double>& value, double low, double high) {
    matrix.appendRow(static_cast<int>(index.size()), index.data(), value.data());
    row_low.push_back(bound(low));
    row_high.push_back(bound(high));
  };
  const double inf = std::numeric_limits<double>::infinity();

  for (const auto& equality : problem.equalities) {
    std::vector<int> index;
    for (size_t v : equality.variables) index.push_back(x0 + static_cast<int>(v));
    add_row(index, std::vector<double>(index.size(), 1.0), equality.total, equality.total);
  }
  const size_t limit_row0 = row_low.size();
  for (const auto& limit : problem.limits) {
    std::vector<int> index;
    std::vector<double> value;
    for (const auto& [v, coef] : limit.terms) {
      index.push_back(x0 + static_cast<int>(v));
      value.push_back(coef);
    }
    add_row(index, value, -inf, limit.limit);
  }
  for (size_t v = 0; v < n; ++v) {  // m_v >= |x_v - x0_v|
    const double base = problem.variables[v].baseline;
    add_row({m0 + static_cast<int>(v), x0 + static_cast<int>(v)}, {1, -1}, -base, inf);
    add_row({m0 + static_cast<int>(v), x0 + static_cast<int>(v)}, {1, 1}, base, inf);
  }
  const size_t budget_row = row_low.size();
  const bool has_budget = std::isfinite(problem.budget);
  if (has_budget) {
    std::vector<int> index;
    std::vector<double> value;
    for (size_t v = 0; v < n; ++v) {
      index.push_back(m0 + static_cast<int>(v));
      value.push_back(problem.variables[v].move_cost);
    }
    add_row(index, value, -inf, problem.budget);
  }
  std::vector<double> coef(n);
  for (size_t j = 0; j < active.size(); ++j) {  // L_i(x) - zeta - z_i <= 0
    const size_t i = active[j];
    std::fill(coef.begin(), coef.end(), 0.0);
    double constant = 0;
    for (size_t k = 0; k < shocks; ++k) {
      const double cut = problem.cuts[i * shocks + k];
      if (cut < 0) continue;
      constant += cut * problem.exposure_constant[k];
      for (const auto& [v, e] : problem.exposure[k]) coef[v] += cut * e;
    }
    std::vector<int> index{zeta, z0 + static_cast<int>(j)};
    std::vector<double> value{-1, -1};
    for (size_t v = 0; v < n; ++v)
      if (coef[v] != 0) {
        index.push_back(x0 + static_cast<int>(v));
        value.push_back(coef[v]);
      }
    add_row(index, value, -inf, -constant);
  }
  if (directions > 0) {
    const std::vector<double> constant = alignment_constant(problem);
    // kappa_c (a_r - a_c - theta_c) <= p_c for every rival r.
    for (size_t c = 0; c < problem.powers.size(); ++c) {
      const CvarPower& power = problem.powers[c];
      for (const auto& rival : problem.powers) {
        if (rival.direction == power.direction) continue;
        std::vector<double> dense(n, 0);
        for (const auto& [v, e] : problem.alignment_terms[rival.direction]) dense[v] += power.strength * e;
        for (const auto& [v, e] : problem.alignment_terms[power.direction]) dense[v] -= power.strength * e;
        std::vector<int> index{p0 + static_cast<int>(c)};
        std::vector<double> value{-1};
        for (size_t v = 0; v < n; ++v)
          if (dense[v] != 0) {
            index.push_back(x0 + static_cast<int>(v));
            value.push_back(dense[v]);
          }
        double rhs = power.strength * (power.tolerance - constant[rival.direction] + constant[power.direction]);
        add_row(index, value, -inf, rhs);
      }
    }
    // t_gc >= +-(a_c / A - o_gc).
    const double total = alignment_total(problem);
    for (size_t g = 0; g < problem.groups.size(); ++g)
      for (size_t c = 0; c < directions; ++c) {
        const int t = t0 + static_cast<int>(g * directions + c);
        const double target = problem.groups[g].orientation[c] - constant[c] / total;
        for (int sign : {1, -1}) {
          std::vector<int> index{t};
          std::vector<double> value{1};
          for (const auto& [v, e] : problem.alignment_terms[c]) {
            index.push_back(x0 + static_cast<int>(v));
            value.push_back(-sign * e / total);
          }
          add_row(index, value, -sign * target, inf);
        }
      }
  }

  ClpSimplex solver;
  solver.setLogLevel(0);
  solver.loadProblem(matrix, col_low.data(), col_high.data(), objective.data(), row_low.data(), row_high.data());
  solver.dual();  // fastest here: primal is 2-5x slower, presolve gains ~10 %, barrier fails
  if (solver.isProvenPrimalInfeasible())
    fail_option("optimize.budget", "", "the optimiser's constraints cannot all hold (capacities, totals, budget)");
  if (!solver.isProvenOptimal())
    throw Error(ErrorKind::Internal, {}, "CLP did not solve the CVaR programme (status " +
                                             std::to_string(solver.status()) + ")");

  const double* column = solver.primalColumnSolution();
  const double* activity = solver.primalRowSolution();
  CvarSolution solution;
  solution.x.assign(column + x0, column + x0 + n);
  for (size_t v = 0; v < n; ++v)
    solution.x[v] = std::clamp(solution.x[v], col_low[x0 + v], col_high[x0 + v]);
  solution.var = column[zeta];
  solution.at_optimum = evaluate(problem, solution.x);
  for (size_t l = 0; l < problem.limits.size(); ++l)
    if (activity[limit_row0 + l] >= problem.limits[l].limit - kBindingTolerance)
      solution.binding.push_back(problem.limits[l].label);
  if (has_budget && activity[budget_row] >= problem.budget - kBindingTolerance)
    solution.binding.push_back(fmt::format("budget {:g}", problem.budget));
  for (size_t v = 0; v < n; ++v) {
    const CvarVariable& var = problem.variables[v];
    const double up = var.baseline + var.max_change, down = var.baseline - var.max_change;
    if (up < var.ceiling && std::fabs(solution.x[v] - up) < kBindingTolerance)
      solution.binding.push_back(var.label + ": maximum change per year (up)");
    if (down > var.floor && std::fabs(solution.x[v] - down) < kBindingTolerance)
      solution.binding.push_back(var.label + ": maximum change per year (down)");
  }
  return solution;
}

}  // namespace tengerim
