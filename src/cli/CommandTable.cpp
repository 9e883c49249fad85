#include "cli/CommandTable.h"

#include <array>

namespace tengerim {

std::span<const CommandEntry> command_table() {
  static const std::array table = {
      CommandEntry{"report", report_command},     CommandEntry{"params", params_command},
      CommandEntry{"options", options_command},   CommandEntry{"shock", shock_command},
      CommandEntry{"risk", risk_command},         CommandEntry{"simulate", simulate_command},
      CommandEntry{"optimize", optimize_command}, CommandEntry{"bargain", bargain_command},
      CommandEntry{"import", import_command},     CommandEntry{"atlas", atlas_command},
      CommandEntry{"sweep", sweep_command},       CommandEntry{"serve", serve_command},
  };
  return table;
}

}  // namespace tengerim
