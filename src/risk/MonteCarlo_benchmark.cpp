// Monte Carlo draws of the built-in model's default scenario, per draw.
#include <benchmark/benchmark.h>

#include "measure/BalanceSheetBuilder.h"
#include "model/CorridorReader.h"
#include "model/ModelReader.h"
#include "risk/CouplingReader.h"
#include "risk/MonteCarlo.h"
#include "risk/ScenarioReader.h"

namespace tengerim {
namespace {

void BM_RiskDraws(benchmark::State& state) {
  const ModelSource source = ModelSource::builtin("kaz");
  const Model model = read_model(source);
  const CorridorNetwork network = read_corridor_network(source, model);
  Scenario scenario = parse_scenario(*source.read("scenarios/default.toml"), "default", model, network);
  scenario.coupling = read_coupling(source, model);
  const BalanceSheet sheet = measure_balance(model);
  const LossModel losses(model, sheet, network, scenario);
  RiskOptions options;
  options.draws = static_cast<size_t>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(simulate(losses, options));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_RiskDraws)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tengerim
