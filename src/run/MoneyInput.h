#pragma once
// What a loss run (shock, risk, simulate, optimize) values its losses at: the
// exposure year (run.year, else the model's default year) and the model's
// money valuation in that year (risk/MoneyLoss.h).
#include <memory>

#include "risk/LossModel.h"
#include "risk/MoneyLoss.h"
#include "run/Pipeline.h"

namespace tengerim {

// run.year when given (checked against the model's years), else the year `report` shows by default.
int exposure_year(const Pipeline& pipeline);

// The money valuation of `losses` (its scenario and coupling) in `year`.
std::unique_ptr<MoneyLoss> money_loss(const Pipeline& pipeline, const LossModel& losses, int year);

}  // namespace tengerim
