#pragma once
// Computes the RelationsSheet of one year from model.relations.
#include <set>

#include "measure/RelationsSheet.h"
#include "model/DirectionIndex.h"
#include "model/Model.h"

namespace tengerim {

RelationsSheet measure_relations(const Model& model, const DirectionIndex& directions, int year);
// The years in which the model has any relations data.
std::set<int> relation_years(const Model& model);

}  // namespace tengerim
