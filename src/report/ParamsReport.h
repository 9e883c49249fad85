#pragma once
// `tengerim params`: every model parameter with its default, range, kind and
// basis (the markdown is docs/parameters.md), and the values the model sets.
#include <string>

#include "model/Model.h"
#include "report/Document.h"

namespace tengerim {

std::string parameters_markdown();
Json parameters_json(const Model& model);

}  // namespace tengerim
