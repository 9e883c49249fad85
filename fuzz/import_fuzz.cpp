// One importer (TENGERIM_FUZZ_IMPORT, e.g. "sipri") on the input as its file, for
// focal KAZ. Importers read paths, so the input is written to a file of this process's.
// unvotes takes two or three files: the input is split at form feeds (votes, roll calls, issues).
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string_view>
#include <vector>

#include "FuzzSupport.h"
#include "data/CountryNames.h"
#include "data/Importer.h"

using namespace tengerim;

namespace {

std::string write(const std::string& name, std::string_view text) {
  static const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("tengerim-fuzz-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  const std::string path = (folder / name).string();
  std::ofstream(path, std::ios::binary).write(text.data(), static_cast<std::streamsize>(text.size()));
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input = fuzz::text_of(data, size);
  ImportRequest request;
  request.kind = TENGERIM_FUZZ_IMPORT;
  request.focal = "KAZ";
  const Importer* importer = find_importer(request.kind);
  // The input cut at form feeds into at most max_files() files (unvotes: votes, roll calls[, issues]).
  std::vector<std::string_view> parts;
  std::string_view rest = input;
  while (parts.size() + 1 < importer->max_files() && rest.find('\f') != std::string_view::npos) {
    parts.push_back(rest.substr(0, rest.find('\f')));
    rest.remove_prefix(parts.back().size() + 1);
  }
  parts.push_back(rest);
  while (parts.size() < importer->min_files()) parts.push_back("");
  for (size_t i = 0; i < parts.size(); ++i) request.files.push_back(write("input" + std::to_string(i) + ".csv", parts[i]));
  fuzz::refuse_with_error([&] { importer->run(request, CountryNames::builtin()); });
  return 0;
}
