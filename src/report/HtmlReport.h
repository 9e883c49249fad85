#pragma once
// `tengerim report --html FILE`: one self-contained HTML page (inline CSS and
// SVG, no script, no request to any host) with the balance sheet's charts
// and, when the model has a corridor network, the loss distribution of a
// Monte Carlo run and the corridor map before and after a scenario.
#include <cstdint>
#include <optional>
#include <string>

#include "measure/BalanceSheet.h"
#include "model/Model.h"
#include "model/ModelSource.h"
#include "risk/MonteCarlo.h"

namespace tengerim {

struct HtmlReportOptions {
  std::optional<int> year;                 // shares and role map; default as the text report
  std::string risk_scenario = "default";   // built-in scenario or .toml file for the loss distribution
  std::string map_scenario = "cpc-halt";   // the shocked panel of the corridor map
  size_t draws = 20000;                    // enough for VaR/CVaR at 0.99 to within about 5% (se printed by `risk`)
  uint64_t seed = RiskOptions{}.seed;      // recorded in the page
};

// The page. Risk and map sections are left out, with a note, when the model
// has no corridor network or the scenario does not fit it.
std::string html_report(const ModelSource& source, const Model& model, const BalanceSheet& sheet,
                        const HtmlReportOptions& options = {});

}  // namespace tengerim
