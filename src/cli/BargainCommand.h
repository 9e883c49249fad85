#pragma once
#include <CLI/CLI.hpp>

namespace tengerim {

// `tengerim bargain FILE.csv|builtin:NAME [--rounds N] [--variant scholz-code|published]
//  [--q Q] [--sensitivity N --seed S] [--format text|json]`
void add_bargain_command(CLI::App& app);

}  // namespace tengerim
