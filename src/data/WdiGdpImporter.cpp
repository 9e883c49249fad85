#include "data/WdiGdpImporter.h"

#include "common/MappedFile.h"
#include "data/WdiGdpTable.h"

namespace tengerim {

ImportResult WdiGdpImporter::run(const ImportRequest& request, const CountryNames&) const {
  const std::string& file = request.files.at(0);
  const MappedFile mapped(file);
  return WdiGdpTable::parse(mapped.text(), file).result_for(request);
}

}  // namespace tengerim
