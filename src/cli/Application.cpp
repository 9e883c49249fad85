#include "cli/Application.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/AtlasCommand.h"
#include "cli/BargainCommand.h"
#include "cli/ImportCommand.h"
#include "cli/OptimizeCommand.h"
#include "cli/ParamsCommand.h"
#include "cli/ReportCommand.h"
#include "cli/RiskCommand.h"
#include "cli/ServeCommand.h"
#include "cli/ShockCommand.h"
#include "cli/SimulateCommand.h"
#include "common/Error.h"

namespace tengerim {

int run_application(int argc, char** argv) {
  CLI::App app{"Tengerim: measure and stress-test how a country balances its ties among power centres", "tengerim"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "tengerim 0.1.0");
  add_report_command(app);
  add_params_command(app);
  add_shock_command(app);
  add_risk_command(app);
  add_bargain_command(app);
  add_import_command(app);
  add_serve_command(app);
  add_simulate_command(app);
  add_optimize_command(app);
  add_atlas_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {
    return app.exit(success);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return 2;
  } catch (const Error& error) {
    std::cerr << "tengerim: error (" << to_string(error.kind()) << "): " << error.what() << "\n";
    return error.kind() == ErrorKind::Internal ? 3 : 2;
  } catch (const std::exception& error) {
    std::cerr << "tengerim: internal error: " << error.what() << "\n";
    return 3;
  }
  return 0;
}

}  // namespace tengerim
