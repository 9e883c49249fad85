#include "sweep/PlanEvaluator.h"

#include "common/LatinHypercube.h"
#include "common/OptionError.h"
#include "measure/BalanceSheetBuilder.h"
#include "measure/SheetBands.h"
#include "report/RiskReport.h"
#include "run/Pipeline.h"
#include "run/ReportRun.h"
#include "run/RiskRun.h"
#include "run/ScenarioInput.h"
#include "sweep/PlanFigures.h"

namespace tengerim {
namespace {

Json with_plan(RunSummary summary, size_t index, const PlanSlot& slot) {
  Json out = summary.to_json();
  out["plan"] = {{"index", index}, {"run", slot.run}, {"point", slot.point ? Json(*slot.point) : Json(nullptr)}};
  return out;
}

// A plan of a report run: the sheet at its design point, or the run's own sheet without a design.
Json report_figures(Pipeline& pipeline, const PlanRun& run, const ObservedTies& ties, std::optional<size_t> point) {
  const RunOptions& options = pipeline.options();
  const Model& model = pipeline.snapshot().model;
  const std::optional<long> year = options.optional_integer("report.year");
  if (!point) {
    const ReportRun report = run_report(pipeline);
    return sheet_figures(*report.sheet, year);
  }
  // The design and the settings at a point exactly as measure_bands draws them (measure/SheetBands.h).
  const SheetBasis basis = options.text("report.basis") == "observed" ? SheetBasis::Observed : SheetBasis::Filled;
  const LatinHypercube cube(options.seed("run.seed"), run.design_points,
                            std::max<size_t>(varied_judgements(model).size(), 1));
  MeasureSettings settings = settings_at(model, basis, cube.point(*point));
  settings.weights = options.text("report.weights") == "magnitude" ? WeightBasis::Magnitude : WeightBasis::Declared;
  pipeline.record_seed(options.seed("run.seed"));
  return sheet_figures(measure_balance(model, settings, ties, false), year);
}

}  // namespace

PlanEvaluator::PlanEvaluator(const SweepPlan& plan) : plan_(plan) {
  for (const auto& run : plan.runs) {
    const std::string reference = run.options.text("run.model");
    if (!models_.count(reference)) {
      Loaded entry;
      entry.snapshot = Pipeline::load_snapshot(reference);
      entry.ties = std::make_unique<ObservedTies>(entry.snapshot->model);
      models_.emplace(reference, std::move(entry));
    }
    if (run.command == "risk") {
      // The scenario is read and checked once here, so a bad one stops the sweep before any plan.
      Pipeline pipeline(run.options);
      pipeline.use_model(models_.at(reference).snapshot);
      try {
        read_run_scenario(pipeline, "risk.scenario");
      } catch (const OptionError& error) {
        auto at = run.given.find("risk.scenario");
        fail_input(at != run.given.end() ? at->second : run.where, error.message_for("scenario"));
      }
    }
  }
}

PlanEvaluator::~PlanEvaluator() = default;

const PlanEvaluator::Loaded& PlanEvaluator::loaded(const PlanRun& run) const {
  return models_.at(run.options.text("run.model"));
}

PlanResult PlanEvaluator::evaluate(size_t index) const {
  const PlanSlot slot = plan_.slot(index);
  const PlanRun& run = plan_.runs[slot.run];
  PlanResult result;
  result.index = index;
  result.run = slot.run;
  result.point = slot.point;
  RunOptions options = run.options;
  if (run.command == "risk") options.set_json("run.seed", plan_seed(plan_.seed, index));
  Pipeline pipeline(options);
  pipeline.use_model(loaded(run).snapshot);
  try {
    Json figures;
    if (run.command == "report") {
      figures = report_figures(pipeline, run, *loaded(run).ties, slot.point);
    } else {
      const RiskRun risk = run_risk(pipeline);
      figures = risk_json(risk);
    }
    result.figures = figures.dump();
    result.summary = with_plan(pipeline.finish(), index, slot).dump();
  } catch (const std::exception& error) {
    result.status = PlanStatus::Error;
    result.error = error.what();
    result.figures = "null";
    result.summary = with_plan(pipeline.fail(error), index, slot).dump();
  }
  return result;
}

}  // namespace tengerim
