#pragma once
#include <CLI/CLI.hpp>

namespace tengerim {

// `tengerim simulate [MODEL] --policy FILE_OR_NAME [--years N] [--sensitivity N]
// [--seed S] [--format text|json]`: year by year, the focal policy, each
// power's pressure, losses, tension, cohesion, balance and separation; with
// --sensitivity, which conclusions hold over a Latin hypercube of the judgements.
void add_simulate_command(CLI::App& app);

}  // namespace tengerim
