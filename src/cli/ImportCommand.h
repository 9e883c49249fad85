#pragma once
#include <CLI/CLI.hpp>

namespace tengerim {

// `tengerim import KIND FILE... --focal ISO3 [--years A-B] --into MODEL_DIR [--strict]`
void add_import_command(CLI::App& app);

}  // namespace tengerim
