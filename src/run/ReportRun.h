#pragma once
// `report`: the balance sheet of the model, and for the HTML page the loss
// distribution and corridor map of the model's default set of shocks.
#include <memory>
#include <optional>
#include <string>

#include "measure/SheetAttribution.h"
#include "measure/SheetBands.h"
#include "risk/LossModel.h"
#include "risk/MonteCarlo.h"
#include "run/Pipeline.h"

namespace tengerim {

// What the HTML page draws from the corridor network; `note` says why a panel is missing.
struct NetworkPanels {
  std::string note;                  // "" when both panels are there
  std::string scenario;              // its name
  std::optional<RiskResult> risk;    // simulated with the risk.* defaults and the distribution grid
  RiskOptions risk_options;
  std::optional<ScenarioOutcome> outcome;  // every shock of the scenario at its cut, routed once
};

struct ReportRun {
  std::shared_ptr<const ModelSnapshot> snapshot;
  std::optional<int> year;  // asked: json and csv then hold only that year
  int shown_year = 0;       // the year text and html show in detail
  // The sheet shown: the snapshot's (the fixed basket) or, with report.basis
  // observed, measured again on the observed-only basis.
  std::shared_ptr<const BalanceSheet> sheet;
  std::optional<SheetBands> bands;  // report.sensitivity > 0
  std::optional<SheetAttribution> explained;  // report.explain A B
  std::optional<NetworkPanels> panels;  // html only
};

// The year shown by default (measure/BalanceSheetBuilder.h, default_sheet_year).
int default_report_year(const ModelSnapshot& snapshot);

// The pipeline must have its model (load_model or use_model).
ReportRun run_report(Pipeline& pipeline);

}  // namespace tengerim
