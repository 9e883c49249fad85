#include "data/CowTradeImporter.h"

#include "common/MappedFile.h"
#include "data/CowTradeTable.h"

namespace tengerim {

ImportResult CowTradeImporter::run(const ImportRequest& request, const CountryNames& names) const {
  const std::string& file = request.files.at(0);
  const MappedFile mapped(file);
  const std::string_view text = mapped.text();
  return CowTradeTable::parse(text, file, names, CountryTable::builtin(), request.focal).result_for(request);
}

}  // namespace tengerim
