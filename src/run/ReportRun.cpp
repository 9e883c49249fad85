#include "run/ReportRun.h"

#include <fmt/format.h>

#include "common/OptionError.h"
#include "measure/BalanceSheetBuilder.h"
#include "run/ScenarioInput.h"

namespace tengerim {
namespace {

std::optional<int> checked_year(const Pipeline& pipeline, const BalanceSheet& sheet) {
  std::optional<long> asked = pipeline.options().optional_integer("report.year");
  if (!asked) return std::nullopt;
  const ModelSnapshot& snapshot = pipeline.snapshot();
  const Model& model = snapshot.model;
  if (*asked < model.first_year || *asked > model.last_year)
    fail_option("report.year", std::to_string(*asked),
                fmt::format("is outside the model's years [{}, {}]", model.first_year, model.last_year));
  if (!sheet.find_year(static_cast<int>(*asked))) {
    std::vector<std::string> years;
    for (const auto& year : sheet.years) years.push_back(std::to_string(year.year));
    fail_option("report.year", std::to_string(*asked),
                "the model has no data for this year (years with data: " + fmt::format("{}", fmt::join(years, ", ")) + ")");
  }
  return static_cast<int>(*asked);
}

// report.explain A B: both years of the sheet shown and published.
SheetAttribution explained_change(const Pipeline& pipeline, const BalanceSheet& sheet) {
  const std::vector<long> years = pipeline.options().integers("report.explain");
  const std::string shown = std::to_string(years[0]) + " " + std::to_string(years[1]);
  if (years[0] == years[1]) fail_option("report.explain", shown, "names the same year twice");
  std::vector<std::string> published;
  for (const auto& year : sheet.years)
    if (year.published) published.push_back(std::to_string(year.year));
  const std::string list = published.empty() ? "none" : fmt::format("{}", fmt::join(published, ", "));
  const YearSheet* ends[2];
  for (size_t i = 0; i < 2; ++i) {
    ends[i] = sheet.find_year(static_cast<int>(years[i]));
    if (!ends[i] || !ends[i]->published)
      fail_option("report.explain", shown,
                  fmt::format("year {} is not published on the {} basis{} (published years: {})", years[i],
                              sheet.basis, ends[i] ? ": " + ends[i]->unpublished_reason : ": no data", list));
  }
  try {
    return attribute_change(pipeline.snapshot().model, *ends[0], *ends[1]);
  } catch (const Error& error) {
    fail_option("report.explain", shown, error.detail());
  }
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
  const RunOptions& options = pipeline.options();
  const SheetBasis basis = options.text("report.basis") == "observed" ? SheetBasis::Observed : SheetBasis::Filled;
  const ObservedTies ties(run.snapshot->model);
  if (basis == SheetBasis::Filled) {
    run.sheet = std::shared_ptr<const BalanceSheet>(run.snapshot, &run.snapshot->sheet);
  } else {
    pipeline.stage("measure observed");
    MeasureSettings settings = MeasureSettings::declared(run.snapshot->model);
    settings.basis = basis;
    run.sheet = std::make_shared<const BalanceSheet>(measure_balance(run.snapshot->model, settings, ties));
  }
  // The asked years are checked against the sheet before the costly stages.
  run.year = checked_year(pipeline, *run.sheet);
  if (options.given("report.explain")) {
    pipeline.stage("explain");
    run.explained = explained_change(pipeline, *run.sheet);
  }
  if (const long draws = options.integer("report.sensitivity"); draws > 0) {
    pipeline.stage("bands");
    BandOptions band_options;
    band_options.draws = static_cast<size_t>(draws);
    band_options.seed = options.seed("run.seed");
    band_options.threads = static_cast<size_t>(options.integer("run.threads"));
    band_options.basis = basis;
    band_options.progress = pipeline.ticker();
    run.bands = measure_bands(run.snapshot->model, ties, band_options);
    pipeline.record_seed(band_options.seed);
  }
  run.shown_year = run.year.value_or(default_sheet_year(run.snapshot->model, *run.sheet));
  if (pipeline.options().text("output.format") == "html") {
    run.panels = network_panels(pipeline);
    if (run.panels->risk) pipeline.record_seed(run.panels->risk_options.seed);
  }
  return run;
}

}  // namespace tengerim
