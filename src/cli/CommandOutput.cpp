#include "cli/CommandOutput.h"

#include <iostream>

#include "common/FileIo.h"

namespace tengerim {

void CommandOutput::declare(CLI::App& command, const std::vector<std::string>& formats) {
  command.add_option("--format", format, "Output format")
      ->check(CLI::IsMember(formats))
      ->default_val(formats.front())
      ->capture_default_str();
  command.add_option("--out", out_file, "Write the result to this file (atomically) instead of stdout");
  command.add_flag("--profile", profile, "Time each stage; print the table on stderr (and under \"profile\" in JSON)");
}

void CommandOutput::emit(const std::string& text) const {
  if (out_file.empty()) {
    std::cout << text;
    std::cout.flush();
  } else {
    write_file_atomically(out_file, text);
  }
  if (profile) std::cerr << timer.table();
}

}  // namespace tengerim
