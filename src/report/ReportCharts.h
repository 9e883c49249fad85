#pragma once
// The charts of the HTML report and the dashboard, built from the engine's
// results: each one SVG with the citations of the numbers it draws.
#include <optional>
#include <string>
#include <vector>

#include "measure/BalanceSheet.h"
#include "measure/SheetAttribution.h"
#include "measure/SheetBands.h"
#include "model/CorridorNetwork.h"
#include "model/Model.h"
#include "network/FlowSolution.h"
#include "report/SourceCatalog.h"
#include "risk/MonteCarlo.h"

namespace tengerim {

struct Chart {
  std::string id;     // e.g. "shares"; the HTML element id
  std::string svg;
  std::vector<std::string> sources;  // citation lines
  std::string note;   // how to read it, one sentence
};

// The year a single-year chart shows: `asked`, else the model's default year, else the latest with data.
int chart_year(const Model& model, const BalanceSheet& sheet, std::optional<int> asked);

Chart shares_chart(const Model& model, const YearSheet& year, const SourceCatalog& catalog);
Chart role_map(const Model& model, const YearSheet& year, const SourceCatalog& catalog);
// With `bands`, each line is shaded by its 5-95 % band over the sensitivity draws.
Chart series_chart(const Model& model, const BalanceSheet& sheet, const SourceCatalog& catalog,
                   const SheetBands* bands = nullptr);
// Empty when no year has alignment data.
std::optional<Chart> alignment_chart(const Model& model, const BalanceSheet& sheet, const SourceCatalog& catalog);

// The change in B from one year to another as a waterfall of its Shapley parts.
Chart attribution_chart(const SheetAttribution& attribution);

// `result` must have been simulated with distribution_grid_levels() among its levels.
Chart loss_chart(const RiskResult& result, const std::string& scenario, const RiskOptions& options);

// Routing of the network drawn on a map; `panel` is "baseline" or "shocked".
Chart corridor_chart(const CorridorNetwork& network, const FlowSolution& flows,
                     const std::vector<double>& capacity_factor, const std::string& panel,
                     const std::string& scenario, const SourceCatalog& catalog);

}  // namespace tengerim
