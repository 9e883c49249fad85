#include "data/CowIgoImporter.h"

#include "common/MappedFile.h"
#include "data/CowIgoTable.h"

namespace tengerim {

ImportResult CowIgoImporter::run(const ImportRequest& request, const CountryNames& names) const {
  const std::string& file = request.files.at(0);
  const MappedFile mapped(file);
  const std::string_view text = mapped.text();
  return CowIgoTable::parse(text, file, names).result_for(request);
}

}  // namespace tengerim
