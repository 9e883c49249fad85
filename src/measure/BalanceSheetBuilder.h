#pragma once
// Computes the balance sheet of a model for every year with data.
#include "measure/BalanceSheet.h"
#include "model/Model.h"

namespace tengerim {

BalanceSheet measure_balance(const Model& model);

// D_c over the given domains only, with their weights renormalised to sum 1;
// used for predictability, where two years must be compared on the same domains.
std::vector<double> dependence_over(const Model& model, const YearSheet& sheet,
                                    const std::vector<std::string>& domain_ids);

}  // namespace tengerim
