#pragma once
#include <CLI/CLI.hpp>

namespace tengerim {

// `tengerim atlas --cow-trade FILE --unvotes VOTES ROLLCALLS [--directions FILE] --out atlas.csv`
void add_atlas_command(CLI::App& app);

}  // namespace tengerim
