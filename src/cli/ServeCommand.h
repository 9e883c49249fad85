#pragma once
#include <CLI/CLI.hpp>

namespace tengerim {

// `tengerim serve [MODEL] [--port 8080] [--host 127.0.0.1] [--max-draws N] [--timeout-ms T]`
void add_serve_command(CLI::App& app);

}  // namespace tengerim
