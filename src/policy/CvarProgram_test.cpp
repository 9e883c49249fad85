// The CVaR programme against an exhaustive search on a 3-route case: one
// origin ships 10 units over three routes; shock k cuts route k. The search
// never calls the code under test: it writes the loss, the CVaR (mean of the
// worst (1 - alpha) N draws) and the cost out by hand.
#include "policy/CvarProgram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>

namespace tengerim {
namespace {

constexpr size_t kDraws = 20;
constexpr double kAlpha = 0.9;  // (1 - alpha) N = 2 worst draws
const double kBase[3] = {6, 3, 1};
const double kExposure[3] = {0.05, 0.03, 0.08};  // loss per unit cut per unit flow
constexpr double kMoveCost = 0.004;

// Cut of shock k in draw i (-1: did not occur): a fixed, irregular table.
double cut(size_t i, size_t k) {
  const double table[kDraws][3] = {{-1, -1, -1},  {0.9, -1, -1}, {-1, 0.5, -1},  {-1, -1, 0.7},  {0.3, 0.4, -1},
                                   {-1, -1, -1},  {1.0, -1, 0.2}, {-1, 0.8, 0.6}, {0.6, 0.6, 0.6}, {-1, -1, -1},
                                   {0.2, -1, -1}, {-1, 1.0, -1}, {-1, -1, 1.0},  {0.7, -1, 0.1},  {-1, 0.3, -1},
                                   {0.5, 0.9, -1}, {-1, -1, 0.4}, {0.8, 0.2, 0.9}, {-1, -1, -1},  {0.4, -1, -1}};
  return table[i][k];
}

CvarProblem three_routes() {
  CvarProblem problem;
  const double ceiling[3] = {std::numeric_limits<double>::infinity(), 4.0, 2.5};
  for (size_t v = 0; v < 3; ++v)
    problem.variables.push_back({"route " + std::to_string(v + 1), kBase[v], 0, ceiling[v], 2.0, kMoveCost});
  problem.equalities.push_back({"delivered", {0, 1, 2}, 10});
  problem.limits.push_back({"capacity of route 2 and 3 together", {{1, 1.0}, {2, 1.0}}, 5.5});
  for (size_t k = 0; k < 3; ++k) {
    problem.exposure.push_back({{k, kExposure[k]}});
    problem.exposure_constant.push_back(0);
  }
  for (size_t i = 0; i < kDraws; ++i)
    for (size_t k = 0; k < 3; ++k) problem.cuts.push_back(cut(i, k));
  problem.alpha = kAlpha;
  return problem;
}

bool feasible(double f1, double f2) {
  const double f3 = 10 - f1 - f2, eps = 1e-9;
  return f1 >= 4 - eps && f1 <= 8 + eps && f2 >= 1 - eps && f2 <= 4 + eps && f3 >= 0 - eps && f3 <= 2.5 + eps &&
         f2 + f3 <= 5.5 + eps;
}

// Objective by hand: the mean of the two worst draws' losses plus the cost of moving.
double objective(double f1, double f2) {
  const double f[3] = {f1, f2, 10 - f1 - f2};
  std::vector<double> loss(kDraws, 0);
  for (size_t i = 0; i < kDraws; ++i)
    for (size_t k = 0; k < 3; ++k)
      if (cut(i, k) >= 0) loss[i] += cut(i, k) * kExposure[k] * f[k];
  std::sort(loss.rbegin(), loss.rend());
  double cost = 0;
  for (size_t k = 0; k < 3; ++k) cost += kMoveCost * std::fabs(f[k] - kBase[k]);
  return (loss[0] + loss[1]) / 2 + cost;
}

// Every line a1 f1 + a2 f2 = b where the objective can bend or the region ends.
std::vector<std::array<double, 3>> candidate_lines() {
  std::vector<std::array<double, 3>> lines = {{1, 0, 4}, {1, 0, 8}, {0, 1, 1},  {0, 1, 4},  {1, 1, 10},
                                              {1, 1, 7.5}, {1, 0, 4.5}, {1, 0, 6}, {0, 1, 3}, {1, 1, 9}};
  // f2 + f3 <= 5.5 is f1 >= 4.5 (listed); L_i = L_j with f3 = 10 - f1 - f2:
  auto coefficient = [](size_t i, size_t k) { return cut(i, k) >= 0 ? cut(i, k) * kExposure[k] : 0.0; };
  for (size_t i = 0; i < kDraws; ++i)
    for (size_t j = i + 1; j < kDraws; ++j) {
      double d1 = coefficient(i, 0) - coefficient(j, 0), d2 = coefficient(i, 1) - coefficient(j, 1),
             d3 = coefficient(i, 2) - coefficient(j, 2);
      if (std::fabs(d1 - d3) + std::fabs(d2 - d3) > 1e-15) lines.push_back({d1 - d3, d2 - d3, -10 * d3});
    }
  return lines;
}

TEST(CvarProgram, ThreeRouteOptimumEqualsExhaustiveSearch) {
  const CvarProblem problem = three_routes();
  const CvarSolution solution = solve_cvar(problem);
  const double lp = objective(solution.x[0], solution.x[1]);

  // Exact search: the objective is convex and piecewise linear in (f1, f2), so
  // its minimum over the polygon is at an intersection of two candidate lines.
  auto lines = candidate_lines();
  double best = std::numeric_limits<double>::infinity();
  for (size_t a = 0; a < lines.size(); ++a)
    for (size_t b = a + 1; b < lines.size(); ++b) {
      double det = lines[a][0] * lines[b][1] - lines[a][1] * lines[b][0];
      if (std::fabs(det) < 1e-14) continue;
      double f1 = (lines[a][2] * lines[b][1] - lines[a][1] * lines[b][2]) / det;
      double f2 = (lines[a][0] * lines[b][2] - lines[a][2] * lines[b][0]) / det;
      if (feasible(f1, f2)) best = std::min(best, objective(f1, f2));
    }
  EXPECT_NEAR(lp, best, 1e-6);
  EXPECT_NEAR(solution.at_optimum.objective, best, 1e-6);

  // Grid search, step 0.02: never below the LP optimum, and within the
  // objective's slope (< 0.1 per unit) times the step of it.
  double grid = std::numeric_limits<double>::infinity();
  for (int a = 200; a <= 400; ++a)
    for (int b = 50; b <= 200; ++b)
      if (feasible(a / 50.0, b / 50.0)) grid = std::min(grid, objective(a / 50.0, b / 50.0));
  EXPECT_GE(grid, lp - 1e-9);
  EXPECT_LT(grid - lp, 4e-3);

  // Every constraint holds at the LP's answer.
  const double f3 = solution.x[2];
  EXPECT_NEAR(solution.x[0] + solution.x[1] + f3, 10, 1e-9);
  for (size_t v = 0; v < 3; ++v) {
    EXPECT_LE(std::fabs(solution.x[v] - kBase[v]), 2 + 1e-9);
    EXPECT_GE(solution.x[v], -1e-9);
  }
  EXPECT_LE(solution.x[1], 4 + 1e-9);
  EXPECT_LE(f3, 2.5 + 1e-9);
  EXPECT_LE(solution.x[1] + f3, 5.5 + 1e-9);
  // The hand objective at the status quo is no better than the optimum.
  EXPECT_LE(lp, objective(6, 3) + 1e-12);
}

TEST(CvarProgram, BudgetCapsTheCostOfMoving) {
  CvarProblem problem = three_routes();
  problem.budget = 0.004;  // enough to shift 0.5 units between two routes (0.004 x (0.5 + 0.5))
  const CvarSolution solution = solve_cvar(problem);
  double cost = 0;
  for (size_t v = 0; v < 3; ++v) cost += kMoveCost * std::fabs(solution.x[v] - kBase[v]);
  EXPECT_LE(cost, 0.004 + 1e-9);
  EXPECT_NEAR(solution.at_optimum.cost, cost, 1e-12);
}

TEST(CvarProgram, RockafellarUryasevCvarIsTheTailMean) {
  // 10 losses 1..10 at alpha 0.8: the mean of the two largest, (9 + 10) / 2.
  EXPECT_DOUBLE_EQ(ru_cvar({3, 1, 4, 10, 5, 9, 2, 6, 8, 7}, 0.8), 9.5);
}

}  // namespace
}  // namespace tengerim
