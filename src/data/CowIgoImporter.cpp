#include "data/CowIgoImporter.h"

#include "common/FileIo.h"
#include "data/CowIgoTable.h"

namespace tengerim {

ImportResult CowIgoImporter::run(const ImportRequest& request, const CountryNames& names) const {
  const std::string& file = request.files.at(0);
  const std::string text = read_file(file);
  return CowIgoTable::parse(text, file, names).result_for(request);
}

}  // namespace tengerim
