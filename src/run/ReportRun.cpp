#include "run/ReportRun.h"

#include <fmt/format.h>

#include "common/OptionError.h"
#include "measure/BalanceSheetBuilder.h"
#include "run/ScenarioInput.h"

namespace tengerim {
namespace {

std::optional<int> checked_year(const Pipeline& pipeline) {
  std::optional<long> asked = pipeline.options().optional_integer("report.year");
  if (!asked) return std::nullopt;
  const ModelSnapshot& snapshot = pipeline.snapshot();
  const Model& model = snapshot.model;
  if (*asked < model.first_year || *asked > model.last_year)
    fail_option("report.year", std::to_string(*asked),
                fmt::format("is outside the model's years [{}, {}]", model.first_year, model.last_year));
  if (!snapshot.sheet.find_year(static_cast<int>(*asked))) {
    std::vector<std::string> years;
    for (const auto& year : snapshot.sheet.years) years.push_back(std::to_string(year.year));
    fail_option("report.year", std::to_string(*asked),
                "the model has no data for this year (years with data: " + fmt::format("{}", fmt::join(years, ", ")) + ")");
  }
  return static_cast<int>(*asked);
}

NetworkPanels network_panels(Pipeline& pipeline) {
  NetworkPanels panels;
  const ModelSnapshot& snapshot = pipeline.snapshot();
  if (snapshot.network.empty()) {
    panels.note = "The model has no corridor network: no loss distribution or map.";
    return panels;
  }
  Scenario scenario;
  try {
    scenario = read_run_scenario(pipeline, "risk.scenario", std::string());
  } catch (const Error& error) {
    panels.note = std::string("No loss distribution or map: ") + error.what();
    return panels;
  }
  panels.scenario = scenario.name;
  LossModel losses(snapshot.model, snapshot.sheet, snapshot.network, scenario);
  pipeline.stage("simulate");
  // The risk run's own defaults, so the page shows what `tengerim risk` shows.
  RunOptions defaults("risk");
  panels.risk_options.draws = static_cast<size_t>(defaults.integer("risk.draws"));
  panels.risk_options.seed = defaults.seed("run.seed");
  panels.risk_options.levels = defaults.numbers("risk.level");
  for (double level : distribution_grid_levels())
    if (std::find(panels.risk_options.levels.begin(), panels.risk_options.levels.end(), level) ==
        panels.risk_options.levels.end())
      panels.risk_options.levels.push_back(level);
  try {
    panels.risk = simulate(losses, panels.risk_options, pipeline.ticker());
  } catch (const Error& error) {
    panels.note = std::string("No loss distribution: ") + error.what();
  }
  pipeline.stage("route");
  panels.outcome = losses.evaluate();
  return panels;
}

}  // namespace

int default_report_year(const ModelSnapshot& snapshot) {
  return default_sheet_year(snapshot.model, snapshot.sheet);
}

ReportRun run_report(Pipeline& pipeline) {
  ReportRun run;
  run.snapshot = pipeline.snapshot_ptr();
  run.year = checked_year(pipeline);
  run.shown_year = run.year.value_or(default_report_year(*run.snapshot));
  if (pipeline.options().text("output.format") == "html") {
    run.panels = network_panels(pipeline);
    if (run.panels->risk) pipeline.record_seed(run.panels->risk_options.seed);
  }
  return run;
}

}  // namespace tengerim
