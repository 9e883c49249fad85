#include "cli/ParamsCommand.h"

#include <iostream>

#include "model/Parameters.h"

namespace tengerim {

void add_params_command(CLI::App& app) {
  auto* command = app.add_subcommand("params", "List every model parameter: default, valid range, kind, meaning");
  command->callback([] { std::cout << parameters_markdown(); });
}

}  // namespace tengerim
