#include "run/ScenarioInput.h"

#include "common/OptionError.h"
#include "risk/ScenarioReader.h"
#include "run/ItemReference.h"

namespace tengerim {

Scenario read_run_scenario(Pipeline& pipeline, const std::string& key, bool allow_paths) {
  return read_run_scenario(pipeline, key, pipeline.options().text(key), allow_paths);
}

Scenario read_run_scenario(Pipeline& pipeline, const std::string& key, const std::string& argument,
                           bool allow_paths) {
  const ModelSnapshot& snapshot = pipeline.snapshot();
  ItemText item;
  if (!argument.empty()) {
    item = resolve_item(ItemKind::Scenario, argument, &snapshot.source, key, allow_paths);
  } else {
    for (const char* file : {"scenarios/default.toml", "risk.toml"})
      if (auto text = snapshot.source.read(file)) {
        item = {*text, snapshot.source.display_name(file), file == std::string("risk.toml") ? "model:risk" : "model:default"};
        break;
      }
    if (item.file.empty())
      fail_option(key, "", "the model " + snapshot.source.label() +
                               " has no default set of shocks: add scenarios/default.toml (or risk.toml) to the model "
                               "folder, or name a scenario");
  }
  Scenario scenario = parse_scenario(item.text, item.file, snapshot.model, snapshot.network);
  pipeline.record_input(item.reference, item.text);
  snapshot.attach_coupling(scenario);
  return scenario;
}

Scenario with_model_coupling(const Pipeline& pipeline, Scenario scenario) {
  pipeline.snapshot().attach_coupling(scenario);
  return scenario;
}

Scenario coupling_only(const Pipeline& pipeline) {
  Scenario scenario;
  scenario.name = "coupling";
  scenario.file = pipeline.snapshot().source.display_name("coupling.toml");
  return with_model_coupling(pipeline, scenario);
}

}  // namespace tengerim
