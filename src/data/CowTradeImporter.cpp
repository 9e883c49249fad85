#include "data/CowTradeImporter.h"

#include "common/FileIo.h"
#include "data/CowTradeTable.h"

namespace tengerim {

ImportResult CowTradeImporter::run(const ImportRequest& request, const CountryNames& names) const {
  const std::string& file = request.files.at(0);
  const std::string text = read_file(file);
  return CowTradeTable::parse(text, file, names).result_for(request);
}

}  // namespace tengerim
