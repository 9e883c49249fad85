#include "data/SipriImporter.h"

#include "common/MappedFile.h"
#include "data/SipriTable.h"

namespace tengerim {

ImportResult SipriImporter::run(const ImportRequest& request, const CountryNames& names) const {
  const std::string& file = request.files.at(0);
  const MappedFile mapped(file);
  const std::string_view text = mapped.text();
  return SipriTable::parse(text, file, names).result_for(request);
}

}  // namespace tengerim
