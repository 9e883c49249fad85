#pragma once
// `tengerim params`: every model parameter with its default, range, kind and
// basis (the markdown is docs/parameters.md), and the values the model sets.
#include <string>
#include <vector>

#include "model/JudgementCatalog.h"
#include "model/Model.h"
#include "report/Document.h"

namespace tengerim {

// The model-wide parameters (src/model/Parameters.cpp), then every judgement the
// model folder declares (model/JudgementCatalog.h). docs/parameters.md is this
// for the built-in model.
std::string parameters_markdown(const Model& model, const std::vector<DeclaredJudgement>& judgements);
Json parameters_json(const Model& model, const std::vector<DeclaredJudgement>& judgements);

}  // namespace tengerim
