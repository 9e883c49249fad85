#include "cli/ModelContext.h"

#include "measure/BalanceSheetBuilder.h"
#include "model/CorridorReader.h"
#include "model/ModelReader.h"
#include "risk/ScenarioReader.h"

namespace tengerim {

ModelContext ModelContext::load(const std::string& model_argument, StageTimer& timer) {
  timer.start("load");
  ModelContext context{ModelSource::from_argument(model_argument), {}, {}, {}, {}};
  context.model = read_model(context.source);
  context.network = read_corridor_network(context.source, context.model);
  return context;
}

void ModelContext::read_scenario(const std::string& name_or_file) {
  scenario = name_or_file.empty() ? read_default_scenario(source, model, network)
                                  : tengerim::read_scenario(name_or_file, model, network);
}

void ModelContext::measure(StageTimer& timer) {
  timer.start("measure");
  sheet = measure_balance(model);
}

}  // namespace tengerim
