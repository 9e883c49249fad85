#pragma once
// Options every command shares (--format, --out, --profile) and the one way
// a command hands its result to the user: stdout, or a file written atomically.
#include <CLI/CLI.hpp>
#include <string>

#include "common/StageTimer.h"

namespace tengerim {

struct CommandOutput {
  std::string format = "text";
  std::string out_file;  // empty: stdout
  bool profile = false;
  StageTimer timer;

  // Declares --format (choices), --out and --profile on `command`.
  void declare(CLI::App& command, const std::vector<std::string>& formats);
  void emit(const std::string& text) const;
  // With --profile: the timer's stages under "profile" of a JSON result (where run-dependent figures live).
  template <class Json>
  void add_profile(Json& json) {
    if (!profile) return;
    timer.stop();
    for (const auto& [stage, seconds] : timer.seconds()) json["profile"][stage] = seconds;
  }
};

}  // namespace tengerim
