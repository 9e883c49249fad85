#pragma once
#include <CLI/CLI.hpp>

namespace tengerim {

// `tengerim risk [MODEL] [--scenario NAME] [--draws N] [--seed S] [--threads T]
// [--level L]... [--format text|json]`: Monte Carlo loss distribution, VaR and
// CVaR, Euler contributions by direction, standard errors.
void add_risk_command(CLI::App& app);

}  // namespace tengerim
