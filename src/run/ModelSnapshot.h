#pragma once
// A model read, validated and measured once, then only read: the description,
// its corridor network, its coupling Gamma, its balance sheet and a content
// hash of its files. Runs and server threads share one snapshot through a
// shared_ptr<const ModelSnapshot>.
#include <memory>
#include <string>
#include <vector>

#include "measure/BalanceSheet.h"
#include "model/CorridorNetwork.h"
#include "model/Model.h"
#include "model/ModelSource.h"
#include "model/Valuation.h"
#include "risk/Scenario.h"

namespace tengerim {

struct ModelSnapshot {
  ModelSource source;
  Model model;
  CorridorNetwork network;
  std::vector<CouplingEntry> coupling;  // the model's Gamma (coupling.toml), used by every scenario
  BalanceSheet sheet;                   // measured with the default options
  std::string content_hash;             // of every file of the model folder
  Valuation valuation;                  // valuation.toml and prices.csv: losses in money

  // The model as one of its scenarios sees it: the scenario gets the model's coupling.
  void attach_coupling(Scenario& scenario) const { scenario.coupling = coupling; }
};

// Hash of every file of `source` (names and contents), "sha256:...".
std::string model_content_hash(const ModelSource& source);

}  // namespace tengerim
