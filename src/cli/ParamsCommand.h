#pragma once
#include <CLI/CLI.hpp>

namespace tengerim {

// `tengerim params`: the declared model parameters (the source of docs/parameters.md).
void add_params_command(CLI::App& app);

}  // namespace tengerim
