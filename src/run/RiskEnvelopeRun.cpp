#include "run/RiskEnvelopeRun.h"

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "common/LatinHypercube.h"
#include "measure/BalanceSheetBuilder.h"
#include "measure/ObservedTies.h"
#include "measure/SheetBands.h"
#include "risk/ScenarioDesign.h"

namespace tengerim {
namespace {

double mean_cut(const Shock& shock) {
  return shock.severity ? shock.severity->alpha / (shock.severity->alpha + shock.severity->beta) : shock.cut;
}

// Each shock's probability times its total (propagated, weighted) loss at its mean cut.
std::vector<double> expected_shock_losses(const LossModel& losses) {
  const std::vector<double> multipliers = losses.coupling().multipliers(losses.weights());
  std::vector<double> out;
  for (size_t k = 0; k < losses.scenario().shocks.size(); ++k) {
    const Shock& shock = losses.scenario().shocks[k];
    const std::vector<double> direct = losses.shock_direct_loss(k, mean_cut(shock));
    double total = 0;
    for (size_t d = 0; d < direct.size(); ++d) total += multipliers[d] * direct[d];
    out.push_back(shock.probability.value_or(0) * total);
  }
  return out;
}

}  // namespace

RiskEnvelope run_risk_envelope(Pipeline& pipeline, const RiskRun& run, size_t draws) {
  const ModelSnapshot& snapshot = *run.snapshot;
  const Model& model = snapshot.model;
  const ObservedTies ties(model);
  const ScenarioDesign design(*run.scenario);
  const std::vector<std::string> sheet_columns = varied_judgements(model);
  const size_t sheet_size = sheet_columns.size();
  const LatinHypercube cube(run.options.seed, draws, sheet_size + design.size());
  RiskOptions options = run.options;
  options.threads = 1;
  options.keep_cuts = false;
  options.levels.resize(run.asked_levels);

  RouteCache routes(snapshot.network);  // the routings repeat across points: each is solved once
  std::vector<EnvelopePoint> points(draws);
  auto evaluate = [&](size_t i) {
    const std::vector<double> point = cube.point(i);
    const MeasureSettings settings =
        settings_at(model, SheetBasis::Filled, std::vector<double>(point.begin(), point.begin() + sheet_size));
    const BalanceSheet sheet = measure_balance(model, settings, ties, false);
    const Scenario scenario = design.at(std::span<const double>(point).subspan(sheet_size));
    const LossModel losses(model, sheet, snapshot.network, scenario, run.exposure_year, settings.weight, &routes);
    const MoneyLoss money(model, sheet, snapshot.network, snapshot.valuation, scenario, losses.coupling(),
                          run.exposure_year);
    points[i].result = simulate(losses, options, {},
                                money.any() ? std::span<const double>(money.per_direct()) : std::span<const double>());
    points[i].shock_expected_loss = expected_shock_losses(losses);
  };
  // Blocks of points between progress calls, so a cancelled run stops soon.
  tbb::task_arena arena(static_cast<int>(run.options.threads));
  const size_t block = 4 * run.options.threads;
  const auto ticker = pipeline.ticker();
  for (size_t begin = 0; begin < draws; begin += block) {
    const size_t end = std::min(draws, begin + block);
    arena.execute([&] { tbb::parallel_for(begin, end, evaluate); });
    if (ticker) ticker(end, draws);
  }

  std::vector<std::string> shocks;
  for (const auto& shock : run.scenario->shocks) shocks.push_back(shock.id);
  std::vector<double> levels(run.options.levels.begin(), run.options.levels.begin() + static_cast<long>(run.asked_levels));
  RiskEnvelope envelope = summarise_envelope(points, run.result.parts, shocks, levels);
  envelope.seed = run.options.seed;
  envelope.varied = sheet_columns;
  for (const auto& name : design.names()) envelope.varied.push_back(name);
  return envelope;
}

}  // namespace tengerim
