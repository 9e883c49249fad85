#pragma once
// Every source a model cites, by id: sources.csv (in the model) and the
// corridor's corridor_sources.csv, so that a chart can print the sources of
// the numbers it draws. "judgement" is not a source but a labelled judgement.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/Model.h"
#include "model/ModelSource.h"

namespace tengerim {

class SourceCatalog {
 public:
  SourceCatalog(const ModelSource& source, const Model& model);
  // One citation line per id, in id order: "publisher, title (year) [id]".
  std::vector<std::string> cite(const std::set<std::string>& ids) const;

 private:
  std::map<std::string, Source> sources_;
};

}  // namespace tengerim
