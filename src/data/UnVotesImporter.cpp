#include "data/UnVotesImporter.h"

#include "common/FileIo.h"
#include "data/UnVotesTable.h"

namespace tengerim {

ImportResult UnVotesImporter::run(const ImportRequest& request, const CountryNames& names) const {
  const std::string votes = read_file(request.files.at(0)), roll_calls = read_file(request.files.at(1));
  const std::string issues = request.files.size() > 2 ? read_file(request.files[2]) : std::string();
  UnVotesFiles files{request.files[0], request.files[1], request.files.size() > 2 ? request.files[2] : "",
                     votes, roll_calls, issues};
  return UnVotesTable::parse(files, names).result_for(request);
}

}  // namespace tengerim
