#include "report/SourceCatalog.h"

#include "common/CsvTable.h"

namespace tengerim {

SourceCatalog::SourceCatalog(const ModelSource& source, const Model& model) {
  for (const auto& entry : model.sources) sources_[entry.id] = entry;
  // The corridor reader has validated this file already when the model has a network.
  if (auto text = source.read("corridor_sources.csv")) {
    CsvTable csv = CsvTable::parse(*text, source.display_name("corridor_sources.csv"));
    size_t id = csv.require_column("id"), publisher = csv.require_column("publisher");
    size_t title = csv.require_column("title"), year = csv.require_column("year");
    for (const auto& row : csv.rows())
      sources_[csv.cell(row, id)] = {csv.cell(row, id), csv.cell(row, publisher), csv.cell(row, title),
                                     csv.cell(row, year), ""};
  }
}

std::vector<std::string> SourceCatalog::cite(const std::set<std::string>& ids) const {
  std::vector<std::string> lines;
  for (const auto& id : ids) {
    auto found = sources_.find(id);
    if (id == "judgement")
      lines.push_back("Labelled judgements (value, range and rationale in the model's judgements.csv) [judgement]");
    else if (found == sources_.end())
      lines.push_back("[" + id + "]");
    else
      lines.push_back(found->second.publisher + ", " + found->second.title +
                      (found->second.year.empty() ? "" : " (" + found->second.year + ")") + " [" + id + "]");
  }
  return lines;
}

}  // namespace tengerim
