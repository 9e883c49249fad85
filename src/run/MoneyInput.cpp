#include "run/MoneyInput.h"

#include <fmt/format.h>

#include "common/OptionError.h"
#include "run/ReportRun.h"

namespace tengerim {

int exposure_year(const Pipeline& pipeline) {
  const ModelSnapshot& snapshot = pipeline.snapshot();
  const Model& model = snapshot.model;
  std::optional<long> asked = pipeline.options().optional_integer("run.year");
  if (!asked) return default_report_year(snapshot);
  if (*asked < model.first_year || *asked > model.last_year)
    fail_option("run.year", std::to_string(*asked),
                fmt::format("is outside the model's years [{}, {}]", model.first_year, model.last_year));
  return static_cast<int>(*asked);
}

std::unique_ptr<MoneyLoss> money_loss(const Pipeline& pipeline, const LossModel& losses, int year) {
  const ModelSnapshot& snapshot = pipeline.snapshot();
  return std::make_unique<MoneyLoss>(snapshot.model, snapshot.sheet, snapshot.network, snapshot.valuation,
                                     losses.scenario(), losses.coupling(), year);
}

}  // namespace tengerim
