#include "data/SipriImporter.h"

#include "common/FileIo.h"
#include "data/SipriTable.h"

namespace tengerim {

ImportResult SipriImporter::run(const ImportRequest& request, const CountryNames& names) const {
  const std::string& file = request.files.at(0);
  const std::string text = read_file(file);
  return SipriTable::parse(text, file, names).result_for(request);
}

}  // namespace tengerim
