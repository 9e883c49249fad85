// The balance sheet of the built-in model, every year: the unit of work of
// `report`, of each sensitivity draw and of each country of the atlas.
#include <benchmark/benchmark.h>

#include "measure/BalanceSheetBuilder.h"
#include "model/ModelReader.h"

namespace tengerim {
namespace {

void BM_MeasureBuiltinModel(benchmark::State& state) {
  const Model model = read_model(ModelSource::builtin("kaz"));
  for (auto _ : state) benchmark::DoNotOptimize(measure_balance(model));
}
BENCHMARK(BM_MeasureBuiltinModel);

void BM_ReadBuiltinModel(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(read_model(ModelSource::builtin("kaz")));
}
BENCHMARK(BM_ReadBuiltinModel);

}  // namespace
}  // namespace tengerim
