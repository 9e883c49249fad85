#pragma once
#include <CLI/CLI.hpp>

namespace tengerim {

// `tengerim report [MODEL] [--year Y] [--format text|json|csv]`
void add_report_command(CLI::App& app);

}  // namespace tengerim
