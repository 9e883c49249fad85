// One importer (TENGERIM_FUZZ_IMPORT, e.g. "sipri") on the input as its file, for
// focal KAZ. Importers read paths, so the input is written to a file of this process's.
// unvotes takes two files: the input is split at the first form feed (votes, roll calls).
#include <unistd.h>

#include <filesystem>
#include <fstream>

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
  if (importer->file_count() == 2) {
    const size_t cut = std::min(input.find('\f'), input.size());
    request.files = {write("a.csv", std::string_view(input).substr(0, cut)),
                     write("b.csv", cut < input.size() ? std::string_view(input).substr(cut + 1) : "")};
  } else {
    request.files = {write("input.csv", input)};
  }
  fuzz::refuse_with_error([&] { importer->run(request, CountryNames::builtin()); });
  return 0;
}
