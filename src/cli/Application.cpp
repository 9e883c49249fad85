#include "cli/Application.h"

#include <CLI/CLI.hpp>
#include <iostream>
#include <list>

#include "cli/CliOptions.h"
#include "cli/CommandTable.h"
#include "common/CancelToken.h"
#include "common/Error.h"
#include "common/OptionError.h"
#include "common/Version.h"
#include "report/OptionsReport.h"

namespace tengerim {
namespace {

// The message of an error, with an option named as the CLI spells it.
std::string cli_message(const Error& error) {
  if (const auto* option = dynamic_cast<const OptionError*>(&error)) {
    const OptionSpec* spec = find_option(option->key());
    return option->message_for(spec ? cli_spelling(*spec) : option->key());
  }
  return error.what();
}

}  // namespace

int run_application(int argc, char** argv) {
  CLI::App app{"Tengerim: measure and stress-test how a country balances its ties among power centres", "tengerim"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("tengerim ") + version());
  std::list<CliOptions> declared;  // stable addresses: CLI11 writes into them
  CommandHandler chosen = nullptr;
  const CliOptions* chosen_options = nullptr;
  for (const auto& entry : command_table()) {
    const CommandSpec& spec = command_spec(entry.name);
    CLI::App* command = app.add_subcommand(spec.name, spec.summary);
    declared.emplace_back(spec, *command);
    const CliOptions* options = &declared.back();
    command->callback([&chosen, &chosen_options, options, handler = entry.handler] {
      chosen = handler;
      chosen_options = options;
    });
  }
  try {
    app.parse(argc, argv);
    if (chosen) chosen(chosen_options->values());
  } catch (const CLI::Success& success) {
    return app.exit(success);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return 2;
  } catch (const Error& error) {
    std::cerr << "tengerim: error (" << to_string(error.kind()) << "): " << cli_message(error) << "\n";
    return error.kind() == ErrorKind::Internal ? 3 : 2;
  } catch (const Cancelled& cancelled) {
    std::cerr << "tengerim: " << cancelled.what() << "\n";
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "tengerim: internal error: " << error.what() << "\n";
    return 3;
  }
  return 0;
}

}  // namespace tengerim
