#pragma once
// Every judgement a model folder declares, wherever it is declared: each
// `{ value, range, rationale }` table of its TOML files (model.toml,
// pressure.toml, coupling.toml, scenarios/, policies/) and each row of
// judgements.csv and groups.csv with a range. `tengerim params` lists them, so
// an analyst sees in one table every number that is a judgement, not data.
#include <string>
#include <vector>

#include "model/Judgement.h"
#include "model/ModelSource.h"

namespace tengerim {

struct DeclaredJudgement {
  std::string file;  // relative to the model's root, e.g. "scenarios/cpc-halt.toml"
  long line = 0;
  std::string key;   // where in the file, e.g. "domains[exports].weight", "edges[0].duration"
  std::string unit;  // "" when the file gives none
  Judgement judgement;
};

// In file order (files sorted by name), then by position in the file.
std::vector<DeclaredJudgement> declared_judgements(const ModelSource& source);

}  // namespace tengerim
