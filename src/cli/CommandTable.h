#pragma once
// The commands of `tengerim`: each registry command (run/OptionRegistry.h)
// paired with the handler that runs its pipeline and hands the result to a
// renderer. A handler gets the run's checked options and nothing else.
#include <span>
#include <string_view>

#include "run/RunOptions.h"

namespace tengerim {

using CommandHandler = void (*)(const RunOptions& options);

struct CommandEntry {
  std::string_view name;
  CommandHandler handler;
};

std::span<const CommandEntry> command_table();

// The handlers, grouped by what they read.
void report_command(const RunOptions& options);
void params_command(const RunOptions& options);
void shock_command(const RunOptions& options);
void risk_command(const RunOptions& options);
void simulate_command(const RunOptions& options);
void optimize_command(const RunOptions& options);
void bargain_command(const RunOptions& options);
void import_command(const RunOptions& options);
void atlas_command(const RunOptions& options);
void options_command(const RunOptions& options);
void sweep_command(const RunOptions& options);
void serve_command(const RunOptions& options);

}  // namespace tengerim
