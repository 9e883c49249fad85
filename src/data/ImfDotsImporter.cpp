#include "data/ImfDotsImporter.h"

#include "common/MappedFile.h"
#include "data/ImfDotsTable.h"

namespace tengerim {

ImportResult ImfDotsImporter::run(const ImportRequest& request, const CountryNames& names) const {
  const std::string& file = request.files.at(0);
  const MappedFile mapped(file);
  return ImfDotsTable::parse(mapped.text(), file, names, CountryTable::builtin(), request.focal).result_for(request);
}

}  // namespace tengerim
