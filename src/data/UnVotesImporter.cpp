#include "data/UnVotesImporter.h"

#include <optional>

#include "common/MappedFile.h"
#include "data/UnVotesTable.h"

namespace tengerim {

ImportResult UnVotesImporter::run(const ImportRequest& request, const CountryNames& names) const {
  const MappedFile votes(request.files.at(0)), roll_calls(request.files.at(1));
  std::optional<MappedFile> issues;
  if (request.files.size() > 2) issues.emplace(request.files[2]);
  UnVotesFiles files{request.files[0], request.files[1], issues ? request.files[2] : "",
                     votes.text(), roll_calls.text(), issues ? issues->text() : std::string_view()};
  return UnVotesTable::parse(files, names, CountryTable::builtin(), request.focal).result_for(request);
}

}  // namespace tengerim
