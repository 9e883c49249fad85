#pragma once
#include <CLI/CLI.hpp>

namespace tengerim {

// `tengerim shock [MODEL] --scenario NAME [--format text|json]`: the scenario's
// baseline and shocked routing, stranded volumes, extra cost, direct and
// propagated loss per domain.
void add_shock_command(CLI::App& app);

}  // namespace tengerim
