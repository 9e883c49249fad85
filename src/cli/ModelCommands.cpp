// The commands that run on a model: report, params, shock, risk, simulate, optimize.
#include <iostream>

#include "cli/CliOutput.h"
#include "cli/CommandTable.h"
#include "cli/ProgressBar.h"
#include "report/AttributionReport.h"
#include "report/CsvReport.h"
#include "report/HtmlReport.h"
#include "report/JsonReport.h"
#include "report/OptimizeReport.h"
#include "report/ParamsReport.h"
#include "report/ReportRunJson.h"
#include "report/RiskReport.h"
#include "report/ShockReport.h"
#include "report/SimulateReport.h"
#include "report/TextReport.h"
#include "run/OptimizeRun.h"
#include "run/ReportRun.h"
#include "run/RiskRun.h"
#include "run/ShockRun.h"
#include "run/SimulateRun.h"

namespace tengerim {
namespace {

bool json(const RunOptions& options) { return options.text("output.format") == "json"; }

}  // namespace

void report_command(const RunOptions& options) {
  Pipeline pipeline(options);
  pipeline.load_model();
  const ReportRun run = run_report(pipeline);
  pipeline.stage("render");
  const Model& model = run.snapshot->model;
  const SheetBands* bands = run.bands ? &*run.bands : nullptr;
  const std::string format = options.text("output.format");
  if (format == "json")
    return emit_document(pipeline, document(pipeline.summary(), report_run_json(run)));
  if (format == "csv") return emit_text(pipeline, balance_sheet_csv(*run.sheet, run.year, bands));
  if (format == "html") return emit_text(pipeline, html_report(run, pipeline.summary()));
  std::string text = balance_sheet_text(model, *run.sheet, run.shown_year, bands);
  if (run.explained) text += attribution_text(*run.explained);
  emit_text(pipeline, text);
}

void params_command(const RunOptions& options) {
  Pipeline pipeline(options);
  pipeline.load_model();
  pipeline.stage("render");
  const ModelSnapshot& snapshot = pipeline.snapshot();
  const std::vector<DeclaredJudgement> judgements = declared_judgements(snapshot.source);
  if (json(options)) return emit_document(pipeline, document(pipeline.summary(), parameters_json(snapshot.model, judgements)));
  emit_text(pipeline, parameters_markdown(snapshot.model, judgements));
}

void shock_command(const RunOptions& options) {
  Pipeline pipeline(options);
  pipeline.load_model();
  const ShockRun run = run_shock(pipeline);
  pipeline.stage("render");
  if (json(options)) return emit_document(pipeline, document(pipeline.summary(), shock_json(run)));
  emit_text(pipeline, shock_text(run));
}

void risk_command(const RunOptions& options) {
  ProgressBar bar("risk: draws", options.flag("run.progress"));
  Pipeline::Progress progress;
  if (bar.enabled()) progress = [&bar](size_t done, size_t total) { bar.update(done, total); };
  Pipeline pipeline(options, nullptr, progress);
  pipeline.load_model();
  const RiskRun run = run_risk(pipeline);
  pipeline.stage("render");
  if (!json(options)) return emit_text(pipeline, risk_text(run));
  Json out = document(pipeline.summary(), risk_json(run));
  if (options.flag("output.profile")) {
    out["profile"]["threads"] = run.options.threads;
    out["profile"]["simulate_cpu"] = run.cpu_seconds;
  }
  emit_document(pipeline, std::move(out));
}

void simulate_command(const RunOptions& options) {
  Pipeline pipeline(options);
  pipeline.load_model();
  const SimulateRun run = run_simulate(pipeline);
  pipeline.stage("render");
  if (json(options)) return emit_document(pipeline, document(pipeline.summary(), simulate_json(run)));
  emit_text(pipeline, simulate_text(run));
}

void optimize_command(const RunOptions& options) {
  Pipeline pipeline(options);
  pipeline.load_model();
  const OptimizeRun run = run_optimize(pipeline);
  pipeline.stage("render");
  if (json(options)) return emit_document(pipeline, document(pipeline.summary(), optimize_json(run)));
  emit_text(pipeline, optimize_text(run));
}

}  // namespace tengerim
