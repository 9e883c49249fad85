#pragma once
// `import`: a public dataset into a model folder for any focal country. The
// folder is replaced as a whole (model/ModelWriter.h) after the new model
// validates, so a failed import leaves it as it was.
#include <string>

#include "data/ImportRequest.h"
#include "data/TradeSplice.h"
#include "model/Model.h"
#include "run/Pipeline.h"

namespace tengerim {

struct ImportRun {
  ImportRequest request;
  ImportResult result;
  std::vector<SpliceRow> splice;  // domain-years the folder and the import both cover (data/TradeSplice.h)
  Model model;       // as written
  std::string into;  // the folder
};

ImportRun run_import(Pipeline& pipeline);

}  // namespace tengerim
