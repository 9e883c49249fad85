#pragma once
#include <CLI/CLI.hpp>

namespace tengerim {

// `tengerim optimize [MODEL] [--scenario NAME] [--draws N] [--alpha A] [--budget B]
// [--seed S] [--format text|json]`: the Rockafellar-Uryasev CVaR programme over
// the risk layer's Monte Carlo draws (COIN-OR CLP): which routes and shares to
// move within a year, the CVaR before and after, the cost, the binding constraints.
void add_optimize_command(CLI::App& app);

}  // namespace tengerim
