#include "common/EmbeddedData.h"

#include <algorithm>

namespace tengerim {

std::optional<std::string_view> find_embedded_file(std::string_view path) {
  for (const auto& file : embedded_files())
    if (file.path == path) return file.content;
  return std::nullopt;
}

std::vector<std::string> embedded_folders(std::string_view prefix) {
  std::vector<std::string> names;
  for (const auto& file : embedded_files()) {
    if (file.path.substr(0, prefix.size()) != prefix) continue;
    auto rest = file.path.substr(prefix.size());
    auto slash = rest.find('/');
    if (slash == std::string_view::npos) continue;
    std::string name(rest.substr(0, slash));
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

}  // namespace tengerim
