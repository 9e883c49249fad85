#pragma once
// What the shock, risk, simulate and optimize commands start from: the model
// and its corridor network (timer stage "load"), a scenario, then the balance
// sheet (stage "measure"). A command reads whatever else it needs (pressure,
// a policy) in between, in the order its inputs should be checked.
#include <string>

#include "common/StageTimer.h"
#include "measure/BalanceSheet.h"
#include "model/CorridorNetwork.h"
#include "model/Model.h"
#include "model/ModelSource.h"
#include "risk/Scenario.h"

namespace tengerim {

struct ModelContext {
  ModelSource source;
  Model model;
  CorridorNetwork network;
  Scenario scenario;   // empty until read_scenario()
  BalanceSheet sheet;  // empty until measure()

  // `model_argument` as the commands take it ("" = builtin:kaz).
  static ModelContext load(const std::string& model_argument, StageTimer& timer);
  // A built-in name or a file; "" = the model's default set of shocks.
  void read_scenario(const std::string& name_or_file);
  void measure(StageTimer& timer);
};

}  // namespace tengerim
